/*
 * test_module.c -- modules: registration, IDs, names, use counts, heap
 * IDs, the module ID stack, vmk_ModuleCurrentID from the SDK glue, module
 * stamps and parameters, and loading shared-object modules with
 * EmuCtl_ModuleLoad (the modules are built in tests/cmd/).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dlfcn.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

/* The test program is a module too: it carries stamps and a parameter. */
VMK_VERSION_INFO("9.8.7-program");
VMK_LICENSE_INFO(VMK_MODULE_LICENSE_GPLV2);
static int test_knob = 4;
VMK_MODPARAM(test_knob, int, "a parameter of the test program");
static char test_word[8] = "none";
VMK_MODPARAM_STRING(test_word, sizeof test_word, "a string parameter");

static void
module_path(char *buf, size_t len, const char *mod)
{
   const char *top = getenv("top_builddir");

   snprintf(buf, len, "%s/tests/cmd/.libs/%s.so", top != NULL ? top : ".",
            mod);
}

/* A symbol of a module loaded by EmuCtl_ModuleLoad. */
static void *
module_sym(const char *mod, const char *sym)
{
   char path[4096];
   void *dl;
   void *p;

   module_path(path, sizeof path, mod);
   dl = dlopen(path, RTLD_NOW | RTLD_NOLOAD);
   assert_non_null(dl);
   p = dlsym(dl, sym);
   dlclose(dl);
   return p;
}

static VMK_ReturnStatus
load(const char *mod, int nparams, char **params, vmk_ModuleID *id)
{
   char path[4096];

   module_path(path, sizeof path, mod);
   return EmuCtl_ModuleLoad(path, nparams, params, id);
}

static void
test_module_register_outside_loader_gives_distinct_ids(void **state)
{
   vmk_ModuleID a;
   vmk_ModuleID b;

   (void)state;
   assert_vmk_ok(vmk_ModuleRegister(&a, VMKAPI_REVISION));
   assert_vmk_ok(vmk_ModuleRegister(&b, VMKAPI_REVISION));
   assert_int_not_equal(a, b);
   assert_int_not_equal(a, VMK_VMKERNEL_MODULE_ID);
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_MODULE), 2);
   assert_vmk_ok(vmk_ModuleUnregister(a));
   assert_vmk_ok(vmk_ModuleUnregister(b));
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_MODULE), 0);
}

static void
test_module_register_rejects_foreign_api_revision(void **state)
{
   vmk_ModuleID id;

   (void)state;
   assert_vmk_status(vmk_ModuleRegister(&id, VMK_REVISION_FROM_NUMBERS(
                                           VMKAPI_REVISION_MAJOR + 1, 0, 0, 0)),
                     VMK_VERSION_MISMATCH_MAJOR);
   assert_vmk_status(vmk_ModuleRegister(&id, VMK_REVISION_FROM_NUMBERS(
                                           VMKAPI_REVISION_MAJOR,
                                           VMKAPI_REVISION_MINOR + 1, 0, 0)),
                     VMK_VERSION_MISMATCH_MINOR);
   assert_vmk_status(vmk_ModuleRegister(NULL, VMKAPI_REVISION),
                     VMK_BAD_PARAM);
}

static void
test_module_unregister_of_unknown_or_vmkernel_fails(void **state)
{
   vmk_ModuleID id;

   (void)state;
   assert_vmk_status(vmk_ModuleUnregister(999), VMK_INVALID_MODULE);
   assert_vmk_status(vmk_ModuleUnregister(VMK_VMKERNEL_MODULE_ID),
                     VMK_NO_PERMISSION);
   assert_vmk_ok(vmk_ModuleRegister(&id, VMKAPI_REVISION));
   assert_vmk_ok(vmk_ModuleUnregister(id));
   assert_vmk_status(vmk_ModuleUnregister(id), VMK_INVALID_MODULE);
}

static void
test_module_names_and_ids_round_trip(void **state)
{
   vmk_ModuleID id;
   char name[VMK_MODULE_NAME_MAX];

   (void)state;
   assert_vmk_ok(vmk_ModuleRegister(&id, VMKAPI_REVISION));
   assert_vmk_ok(vmk_ModuleGetName(id, name, sizeof name));
   assert_int_equal(vmk_ModuleGetID(name), id);
   assert_vmk_status(vmk_ModuleGetName(id, name, 3), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_ModuleGetName(VMK_VMKERNEL_MODULE_ID, name,
                                   sizeof name));
   assert_string_equal(name, "vmkernel");
   assert_int_equal(vmk_ModuleGetID("vmkernel"), VMK_VMKERNEL_MODULE_ID);
   assert_int_equal(vmk_ModuleGetID("no-such-module"),
                    (vmk_ModuleID)VMK_INVALID_MODULE_ID);
   assert_vmk_status(vmk_ModuleGetName(998, name, sizeof name),
                     VMK_NOT_FOUND);
   assert_int_equal(vmk_ModuleGetDebugID(id), (vmk_uint64)id);
   assert_vmk_ok(vmk_ModuleUnregister(id));
}

static void
test_module_use_count_blocks_unregister_until_released(void **state)
{
   vmk_ModuleID id;
   EmuCtl_ModuleInfo info;

   (void)state;
   assert_vmk_ok(vmk_ModuleRegister(&id, VMKAPI_REVISION));
   assert_vmk_ok(vmk_ModuleIncUseCount(id));
   assert_vmk_ok(vmk_ModuleIncUseCount(id));
   assert_vmk_ok(EmuCtl_ModuleGetInfo(id, &info));
   assert_int_equal(info.useCount, 2);
   assert_vmk_status(vmk_ModuleUnregister(id), VMK_BUSY);
   assert_vmk_ok(vmk_ModuleDecUseCount(id));
   assert_vmk_ok(vmk_ModuleDecUseCount(id));
   assert_vmk_ok(vmk_ModuleUnregister(id));
   assert_vmk_status(vmk_ModuleIncUseCount(id), VMK_NOT_FOUND);
}

static void
test_module_dec_use_count_below_zero_is_reported(void **state)
{
   vmk_ModuleID id;

   (void)state;
   assert_vmk_ok(vmk_ModuleRegister(&id, VMKAPI_REVISION));
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_vmk_status(vmk_ModuleDecUseCount(id), VMK_BAD_PARAM);
   assert_int_equal(EmuCtl_CheckReports(), 0);
   assert_vmk_ok(vmk_ModuleUnregister(id));
}

static void
test_module_heap_id_is_set_once(void **state)
{
   vmk_ModuleID id;
   int a;
   int b;

   (void)state;
   assert_vmk_ok(vmk_ModuleRegister(&id, VMKAPI_REVISION));
   assert_null(vmk_ModuleGetHeapID(id));
   vmk_ModuleSetHeapID(id, (vmk_HeapID)&a);
   vmk_ModuleSetHeapID(id, (vmk_HeapID)&b);
   assert_ptr_equal(vmk_ModuleGetHeapID(id), (vmk_HeapID)&a);
   assert_vmk_ok(vmk_ModuleUnregister(id));
   assert_null(vmk_ModuleGetHeapID(id));
}

static void
test_module_stack_nests_and_defaults_to_the_program(void **state)
{
   vmk_ModuleID a;
   vmk_ModuleID b;
   vmk_ModInfoStack fa;
   vmk_ModInfoStack fb;

   (void)state;
   assert_int_equal(vmk_ModuleStackTop(), EmuCtl_ModuleProgramID());
   assert_vmk_ok(vmk_ModuleRegister(&a, VMKAPI_REVISION));
   assert_vmk_ok(vmk_ModuleRegister(&b, VMKAPI_REVISION));
   assert_vmk_ok(vmk_ModulePushId(a, (void *)test_module_heap_id_is_set_once,
                                  &fa));
   assert_int_equal(vmk_ModuleStackTop(), a);
   assert_vmk_ok(vmk_ModulePushId(b, NULL, &fb));
   assert_int_equal(vmk_ModuleStackTop(), b);
   assert_ptr_equal(fb.oldStack, &fa);
   vmk_ModulePopId();
   assert_int_equal(vmk_ModuleStackTop(), a);
   vmk_ModulePopId();
   assert_int_equal(vmk_ModuleStackTop(), EmuCtl_ModuleProgramID());
   assert_vmk_ok(vmk_ModuleUnregister(a));
   assert_vmk_ok(vmk_ModuleUnregister(b));
}

static int
module_call_target(int x)
{
   return x + vmk_ModuleStackTop();
}

static void
test_module_call_macro_runs_the_callee_under_its_id(void **state)
{
   vmk_ModuleID id;
   int r = 0;

   (void)state;
   assert_vmk_ok(vmk_ModuleRegister(&id, VMKAPI_REVISION));
   VMKAPI_MODULE_CALL(id, r, module_call_target, 1000);
   assert_int_equal(r, 1000 + id);
   assert_int_equal(vmk_ModuleStackTop(), EmuCtl_ModuleProgramID());
   assert_vmk_ok(vmk_ModuleUnregister(id));
}

static void
test_module_push_of_unknown_module_fails(void **state)
{
   vmk_ModInfoStack f;

   (void)state;
   assert_vmk_status(vmk_ModulePushId(997, NULL, &f), VMK_MODULE_NOT_LOADED);
   assert_vmk_status(vmk_ModulePushId(VMK_VMKERNEL_MODULE_ID, NULL, NULL),
                     VMK_BAD_PARAM);
}

static void
test_module_pop_without_push_is_reported(void **state)
{
   (void)state;
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   vmk_ModulePopId();
   assert_int_equal(EmuCtl_CheckReports(), 0);
}

static void
test_module_current_id_of_a_test_program_is_its_module(void **state)
{
   char name[VMK_MODULE_NAME_MAX];
   EmuCtl_ModuleInfo info;

   (void)state;
   assert_int_equal(vmk_ModuleCurrentID, EmuCtl_ModuleProgramID());
   assert_vmk_ok(vmk_ModuleGetName(vmk_ModuleCurrentID, name, sizeof name));
   assert_string_equal(name, "test_module");
   assert_vmk_ok(EmuCtl_ModuleGetInfo(vmk_ModuleCurrentID, &info));
   assert_true(info.program);
   assert_false(info.loaded);
}

static void
test_module_resources_record_their_owning_module(void **state)
{
   vmk_ModuleID id;
   vmk_ModInfoStack f;
   vmk_LogComponent mine;
   vmk_LogComponent theirs;
   vmk_LogProperties props;

   (void)state;
   memset(&props, 0, sizeof props);
   snprintf(props.name.string, sizeof props.name.string, "owned");
   props.module = vmk_ModuleCurrentID;
   assert_vmk_ok(vmk_ModuleRegister(&id, VMKAPI_REVISION));
   assert_vmk_ok(vmk_LogRegister(&props, &mine));
   assert_vmk_ok(vmk_ModulePushId(id, NULL, &f));
   props.module = id;
   assert_vmk_ok(vmk_LogRegister(&props, &theirs));
   vmk_ModulePopId();
   assert_int_equal(EmuCtl_ModuleLiveResources(id, EMUCTL_RSRC_LOG), 1);
   assert_int_equal(EmuCtl_ModuleLiveResources(vmk_ModuleCurrentID,
                                               EMUCTL_RSRC_LOG), 1);
   assert_vmk_ok(vmk_LogUnregister(theirs));
   assert_vmk_ok(vmk_LogUnregister(mine));
   assert_int_equal(EmuCtl_ModuleLiveResources(id, EMUCTL_RSRC_ANY), 0);
   assert_vmk_ok(vmk_ModuleUnregister(id));
}

static void
test_module_program_stamps_are_readable(void **state)
{
   char buf[64];
   vmk_ModuleID me = EmuCtl_ModuleProgramID();

   (void)state;
   assert_vmk_ok(EmuCtl_ModuleGetStamp(me, "version", buf, sizeof buf));
   assert_string_equal(buf, "9.8.7-program");
   assert_vmk_ok(EmuCtl_ModuleGetStamp(me, "license", buf, sizeof buf));
   assert_string_equal(buf, VMK_MODULE_LICENSE_GPLV2);
   assert_vmk_ok(EmuCtl_ModuleGetStamp(me, "param_desc_test_knob", buf,
                                       sizeof buf));
   assert_string_equal(buf, "a parameter of the test program");
   assert_vmk_status(EmuCtl_ModuleGetStamp(me, "nothing", buf, sizeof buf),
                     VMK_NOT_FOUND);
   assert_vmk_status(EmuCtl_ModuleGetStamp(me, "version", buf, 4),
                     VMK_BAD_PARAM);
}

static void
test_module_program_parameters_are_settable(void **state)
{
   vmk_ModuleID me = EmuCtl_ModuleProgramID();

   (void)state;
   assert_vmk_ok(EmuCtl_ModuleSetParam(me, "test_knob", "0x10"));
   assert_int_equal(test_knob, 16);
   assert_vmk_ok(EmuCtl_ModuleSetParam(me, "test_word", "abc"));
   assert_string_equal(test_word, "abc");
   assert_vmk_status(EmuCtl_ModuleSetParam(me, "test_word", "too long!"),
                     VMK_BAD_PARAM);
   assert_vmk_status(EmuCtl_ModuleSetParam(me, "test_knob", "9x"),
                     VMK_BAD_PARAM);
   assert_vmk_status(EmuCtl_ModuleSetParam(me, "no_such", "1"),
                     VMK_NOT_FOUND);
   assert_int_equal(test_knob, 16);
}

static void
test_module_load_binds_current_id_and_parameters(void **state)
{
   char *params[] = { "count=7", "label=hello", "vals=1,2,39" };
   vmk_ModuleID id;
   VMK_ReturnStatus init;
   int (*current)(void);
   int (*count)(void);
   int (*sum)(void);
   char buf[64];
   int result;

   (void)state;
   assert_vmk_ok(load("mod_ok", 3, params, &id));
   *(void **)&current = module_sym("mod_ok", "mod_ok_current_id");
   *(void **)&count = module_sym("mod_ok", "mod_ok_count");
   *(void **)&sum = module_sym("mod_ok", "mod_ok_vals_sum");
   assert_non_null(current);
   assert_int_equal(current(), id);
   assert_int_not_equal(id, vmk_ModuleCurrentID);
   assert_int_equal(count(), 7);
   assert_int_equal(sum(), 42);
   assert_vmk_ok(EmuCtl_ModuleGetStamp(id, "version", buf, sizeof buf));
   assert_string_equal(buf, "1.2.3-test");
   assert_vmk_ok(EmuCtl_ModuleGetStamp(id, "license", buf, sizeof buf));
   assert_string_equal(buf, "BSD");

   /* The name is not published before init_module returns (ESX rule). */
   assert_vmk_status(vmk_ModuleGetName(id, buf, sizeof buf), VMK_NOT_FOUND);
   assert_int_equal(vmk_ModuleGetID("mod_ok"), id);
   assert_vmk_ok(EmuCtl_ModuleCallInit(id, &init));
   assert_vmk_ok(init);
   assert_vmk_ok(vmk_ModuleGetName(id, buf, sizeof buf));
   assert_string_equal(buf, "mod_ok");
   assert_int_equal(EmuCtl_ModuleLiveResources(id, EMUCTL_RSRC_LOG), 1);
   assert_vmk_ok(EmuCtl_ModuleRunScenario(id, &result));
   assert_int_equal(result, 0);
   assert_vmk_ok(EmuCtl_ModuleUnload(id));
   assert_int_equal(vmk_ModuleGetID("mod_ok"),
                    (vmk_ModuleID)VMK_INVALID_MODULE_ID);
}

static void
test_module_load_refuses_bad_files_and_parameters(void **state)
{
   char *unknown[] = { "nonsense=1" };
   char *badval[] = { "count=seven" };
   char *noeq[] = { "count" };
   vmk_ModuleID id;
   vmk_ModuleID id2;

   (void)state;
   assert_vmk_status(load("no_such_module", 0, NULL, &id), VMK_NOT_FOUND);
   assert_vmk_status(load("mod_noinit", 0, NULL, &id), VMK_BAD_PARAM);
   assert_vmk_status(load("mod_ok", 1, unknown, &id), VMK_BAD_PARAM);
   assert_vmk_status(load("mod_ok", 1, badval, &id), VMK_BAD_PARAM);
   assert_vmk_status(load("mod_ok", 1, noeq, &id), VMK_BAD_PARAM);
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_MODULE), 0);
   assert_vmk_ok(load("mod_ok", 0, NULL, &id));
   assert_vmk_status(load("mod_ok", 0, NULL, &id2), VMK_EXISTS);
   assert_vmk_ok(EmuCtl_ModuleUnload(id));
}

static void
test_module_failed_init_skips_cleanup(void **state)
{
   vmk_ModuleID id;
   VMK_ReturnStatus init;
   EmuCtl_ModuleInfo info;
   int result;

   (void)state;
   assert_vmk_ok(load("mod_initfail", 0, NULL, &id));
   assert_vmk_ok(EmuCtl_ModuleCallInit(id, &init));
   assert_vmk_status(init, VMK_NO_MEMORY);
   assert_vmk_ok(EmuCtl_ModuleGetInfo(id, &info));
   assert_int_equal(info.state, EMUCTL_MODULE_FAILED);
   assert_vmk_status(EmuCtl_ModuleRunScenario(id, &result), VMK_NOT_FOUND);
   /* cleanup_module of mod_initfail panics if it is called. */
   assert_vmk_ok(EmuCtl_ModuleUnload(id));
}

static void
test_module_unload_names_leftovers_and_can_finish_later(void **state)
{
   vmk_ModuleID id;
   VMK_ReturnStatus init;
   vmk_LogComponent left;
   vmk_Name name;
   EmuCtl_ModuleInfo info;

   (void)state;
   assert_vmk_ok(load("mod_leak", 0, NULL, &id));
   assert_vmk_ok(EmuCtl_ModuleCallInit(id, &init));
   assert_vmk_ok(init);
   assert_vmk_status(EmuCtl_ModuleUnload(id),
                     VMK_MODULE_CONSUMED_RESOURCE_COUNT_NOT_ZERO);
   assert_vmk_ok(EmuCtl_ModuleGetInfo(id, &info));
   assert_int_equal(info.state, EMUCTL_MODULE_UNLOADING);
   assert_int_equal(info.liveResources, 1);
   memset(&name, 0, sizeof name);
   snprintf(name.string, sizeof name.string, "mod_leak_log");
   assert_vmk_ok(vmk_LogFindLogComponentByName(id, &name, &left));
   assert_vmk_ok(vmk_LogUnregister(left));
   assert_vmk_ok(EmuCtl_ModuleUnload(id));
   assert_vmk_status(EmuCtl_ModuleGetInfo(id, &info), VMK_NOT_FOUND);
}

static void
test_module_unload_waits_for_use_count(void **state)
{
   vmk_ModuleID id;
   VMK_ReturnStatus init;

   (void)state;
   assert_vmk_ok(load("mod_ok", 0, NULL, &id));
   assert_vmk_ok(EmuCtl_ModuleCallInit(id, &init));
   assert_vmk_ok(vmk_ModuleIncUseCount(id));
   assert_vmk_status(EmuCtl_ModuleUnload(id), VMK_BUSY);
   assert_vmk_ok(vmk_ModuleDecUseCount(id));
   assert_vmk_ok(EmuCtl_ModuleUnload(id));
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_module_register_outside_loader_gives_distinct_ids),
      cmocka_unit_test(test_module_register_rejects_foreign_api_revision),
      cmocka_unit_test(test_module_unregister_of_unknown_or_vmkernel_fails),
      cmocka_unit_test(test_module_names_and_ids_round_trip),
      cmocka_unit_test(test_module_use_count_blocks_unregister_until_released),
      cmocka_unit_test(test_module_dec_use_count_below_zero_is_reported),
      cmocka_unit_test(test_module_heap_id_is_set_once),
      cmocka_unit_test(test_module_stack_nests_and_defaults_to_the_program),
      cmocka_unit_test(test_module_call_macro_runs_the_callee_under_its_id),
      cmocka_unit_test(test_module_push_of_unknown_module_fails),
      cmocka_unit_test(test_module_pop_without_push_is_reported),
      cmocka_unit_test(test_module_current_id_of_a_test_program_is_its_module),
      cmocka_unit_test(test_module_resources_record_their_owning_module),
      cmocka_unit_test(test_module_program_stamps_are_readable),
      cmocka_unit_test(test_module_program_parameters_are_settable),
      cmocka_unit_test(test_module_load_binds_current_id_and_parameters),
      cmocka_unit_test(test_module_load_refuses_bad_files_and_parameters),
      cmocka_unit_test(test_module_failed_init_skips_cleanup),
      cmocka_unit_test(test_module_unload_names_leftovers_and_can_finish_later),
      cmocka_unit_test(test_module_unload_waits_for_use_count),
   };

   return cmocka_run_group_tests_name("module", tests, emutest_group_setup,
                                      emutest_group_teardown);
}
