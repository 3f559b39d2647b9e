/*
 * test_panic.c -- vmk_Panic, VMK_ASSERT_BUG and (debug build) VMK_ASSERT:
 * a panic never returns into the driver; a test expects one with
 * EmuCtl_ExpectPanic + setjmp, or fails through the panic handler.  The
 * uncaught case (exit 87 with a backtrace) is covered by tests/cmd/vmkemu.sh.
 */
#define VMX86_DEBUG 1          /* VMK_ASSERT is checked in debug builds */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

static int reached_after_panic;

static void
driver_panics(int code)
{
   vmk_Panic("driver gave up with code %d", code);
   reached_after_panic = 1;
}

static void
driver_checks(int value)
{
   VMK_ASSERT_BUG(value < 10, "value %d out of range", value);
}

static void
driver_debug_checks(int value)
{
   VMK_ASSERT(value != 0);
}

static void
test_panic_jumps_back_to_the_expecting_test(void **state)
{
   jmp_buf env;
   EmuCtl_PanicInfo info;
   vmk_uint64 before = EmuCtl_PanicCount();
   volatile int jumped = 0;
   int kind;

   (void)state;
   reached_after_panic = 0;
   EmuCtl_ExpectPanic(&env);
   kind = setjmp(env);
   if (kind == 0) {
      driver_panics(7);
      EmuCtl_ExpectPanic(NULL);
      fail_msg("vmk_Panic returned");
   } else {
      jumped = 1;
   }
   assert_true(jumped);
   assert_int_equal(kind, EMUCTL_REPORT_PANIC);
   assert_false(reached_after_panic);
   assert_int_equal(EmuCtl_PanicCount(), before + 1);
   assert_vmk_ok(EmuCtl_LastPanic(&info));
   assert_int_equal(info.kind, EMUCTL_REPORT_PANIC);
   assert_int_equal(info.module, vmk_ModuleCurrentID);
   assert_string_equal(info.message, "driver gave up with code 7");
   assert_int_equal(EmuCtl_CheckReports(), 0);
}

static void
test_assert_bug_failure_panics_with_its_location(void **state)
{
   jmp_buf env;
   EmuCtl_PanicInfo info;
   vmk_uint64 asserts = EmuCtl_ReportCount(EMUCTL_REPORT_ASSERT);
   int kind;

   (void)state;
   driver_checks(3);                         /* passes: no panic */
   EmuCtl_ExpectPanic(&env);
   kind = setjmp(env);
   if (kind == 0) {
      driver_checks(12);
      EmuCtl_ExpectPanic(NULL);
      fail_msg("VMK_ASSERT_BUG did not panic");
   }
   assert_int_equal(kind, EMUCTL_REPORT_ASSERT);
   assert_int_equal(EmuCtl_ReportCount(EMUCTL_REPORT_ASSERT), asserts + 1);
   assert_vmk_ok(EmuCtl_LastPanic(&info));
   assert_non_null(strstr(info.message, "Failed at "));
   assert_non_null(strstr(info.message, "test_panic.c:"));
   assert_non_null(strstr(info.message, "value 12 out of range"));
}

static void
test_debug_assert_failure_names_the_condition(void **state)
{
   jmp_buf env;
   EmuCtl_PanicInfo info;
   int kind;

   (void)state;
   driver_debug_checks(1);
   EmuCtl_ExpectPanic(&env);
   kind = setjmp(env);
   if (kind == 0) {
      driver_debug_checks(0);
      EmuCtl_ExpectPanic(NULL);
      fail_msg("VMK_ASSERT did not panic");
   }
   assert_int_equal(kind, EMUCTL_REPORT_ASSERT);
   assert_vmk_ok(EmuCtl_LastPanic(&info));
   assert_non_null(strstr(info.message, "VMK_ASSERT(value != 0)"));
}

static void
test_panic_restores_the_module_stack(void **state)
{
   jmp_buf env;
   vmk_ModuleID id;
   vmk_ModInfoStack frame;

   (void)state;
   assert_vmk_ok(vmk_ModuleRegister(&id, VMKAPI_REVISION));
   EmuCtl_ExpectPanic(&env);
   if (setjmp(env) == 0) {
      assert_vmk_ok(vmk_ModulePushId(id, NULL, &frame));
      vmk_PanicWithModuleID(id, "inside module %d", id);
      fail_msg("vmk_PanicWithModuleID returned");
   }
   assert_int_equal(vmk_ModuleStackTop(), EmuCtl_ModuleProgramID());
   assert_vmk_ok(vmk_ModuleUnregister(id));
}

static jmp_buf handler_env;
static char handler_msg[256];

static void
failing_handler(const char *message, void *arg)
{
   (void)arg;
   snprintf(handler_msg, sizeof handler_msg, "%s", message);
   longjmp(handler_env, 1);
}

static void
test_unexpected_panic_goes_to_the_handler(void **state)
{
   (void)state;
   handler_msg[0] = '\0';
   EmuCtl_SetPanicHandler(failing_handler, NULL);
   if (setjmp(handler_env) == 0) {
      driver_panics(99);
      fail_msg("vmk_Panic returned");
   }
   EmuCtl_SetPanicHandler(NULL, NULL);
   assert_string_equal(handler_msg, "driver gave up with code 99");
   assert_false(reached_after_panic);
}

static void
test_panic_in_a_loaded_module_init_is_caught(void **state)
{
   char path[4096];
   const char *top = getenv("top_builddir");
   jmp_buf env;
   vmk_ModuleID id;
   VMK_ReturnStatus init = VMK_OK;
   EmuCtl_PanicInfo info;
   EmuCtl_ModuleInfo mi;
   int kind;

   (void)state;
   snprintf(path, sizeof path, "%s/tests/cmd/.libs/mod_panic.so",
            top != NULL ? top : ".");
   assert_vmk_ok(EmuCtl_ModuleLoad(path, 0, NULL, &id));
   EmuCtl_ExpectPanic(&env);
   kind = setjmp(env);
   if (kind == 0) {
      EmuCtl_ModuleCallInit(id, &init);
      EmuCtl_ExpectPanic(NULL);
      fail_msg("mod_panic's init_module did not panic");
   }
   assert_int_equal(kind, EMUCTL_REPORT_ASSERT);
   assert_vmk_ok(EmuCtl_LastPanic(&info));
   assert_int_equal(info.module, id);
   assert_non_null(strstr(info.message, "not ready (ready=0)"));
   assert_int_equal(vmk_ModuleStackTop(), EmuCtl_ModuleProgramID());
   assert_vmk_ok(EmuCtl_ModuleGetInfo(id, &mi));
   assert_int_equal(mi.state, EMUCTL_MODULE_LOADING);
   assert_vmk_ok(EmuCtl_ModuleUnload(id));
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_panic_jumps_back_to_the_expecting_test),
      cmocka_unit_test(test_assert_bug_failure_panics_with_its_location),
      cmocka_unit_test(test_debug_assert_failure_names_the_condition),
      cmocka_unit_test(test_panic_restores_the_module_stack),
      cmocka_unit_test(test_unexpected_panic_goes_to_the_handler),
      cmocka_unit_test(test_panic_in_a_loaded_module_init_is_caught),
   };

   return cmocka_run_group_tests_name("panic", tests, emutest_group_setup,
                                      emutest_group_teardown);
}
