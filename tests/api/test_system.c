/*
 * test_system.c -- base/vmkapi_system.h (version, identity, state, reboot
 * handlers) and core/vmkapi_vmuuid.h.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

static void
test_system_version_info_says_vmkemu_and_esxi_6_0(void **state)
{
   vmk_SystemVersionInfo info;

   (void)state;
   memset(&info, 0, sizeof info);
   assert_vmk_ok(vmk_SystemGetVersionInfo(&info));
   assert_non_null(strstr(info.productName, "vmkemu"));
   assert_string_equal(info.productVersion, "6.0.0");
   assert_non_null(strstr(info.buildVersion, "vmkemu"));
   assert_true(strlen(info.productName) < VMK_SYSTEM_VERSION_INFO_MAX_LEN);
   assert_true(strlen(info.productVersion) < VMK_SYSTEM_VERSION_INFO_MAX_LEN);
   assert_true(strlen(info.buildVersion) < VMK_SYSTEM_VERSION_INFO_MAX_LEN);
   assert_vmk_status(vmk_SystemGetVersionInfo(NULL), VMK_BAD_PARAM);
}

static void
test_system_id_string_is_persistent(void **state)
{
   const char *a = NULL;
   const char *b = NULL;

   (void)state;
   assert_vmk_ok(vmk_SystemGetIDString(&a));
   assert_vmk_ok(vmk_SystemGetIDString(&b));
   assert_non_null(a);
   assert_string_equal(a, b);
   assert_non_null(strstr(a, "vmkemu"));
   assert_vmk_status(vmk_SystemGetIDString(NULL), VMK_BAD_PARAM);
}

static void
test_system_is_normal_and_neither_panicking_nor_unloading(void **state)
{
   (void)state;
   assert_true(vmk_SystemCheckState(VMK_SYSTEM_STATE_NORMAL));
   assert_false(vmk_SystemCheckState(VMK_SYSTEM_STATE_PANIC));
   assert_false(vmk_SystemCheckState(VMK_SYSTEM_STATE_UNLOADING));
   assert_false(vmk_SystemCheckState((vmk_SystemState)42));
}

static int order[4];
static int norder;
static vmk_Bool unloading_seen;

static void
handler_a(void *data)
{
   order[norder++] = *(int *)data;
   unloading_seen = vmk_SystemCheckState(VMK_SYSTEM_STATE_UNLOADING) &&
                    !vmk_SystemCheckState(VMK_SYSTEM_STATE_NORMAL);
}

static void
handler_b(void *data)
{
   order[norder++] = *(int *)data;
}

static void
test_system_reboot_runs_handlers_newest_first_while_unloading(void **state)
{
   int one = 1;
   int two = 2;

   (void)state;
   norder = 0;
   unloading_seen = VMK_FALSE;
   assert_vmk_ok(vmk_RegisterRebootHandler(handler_a, &one));
   assert_vmk_ok(vmk_RegisterRebootHandler(handler_b, &two));
   assert_int_equal(EmuCtl_SystemReboot(), 2);
   assert_int_equal(norder, 2);
   assert_int_equal(order[0], 2);
   assert_int_equal(order[1], 1);
   assert_true(unloading_seen);
   assert_true(vmk_SystemCheckState(VMK_SYSTEM_STATE_NORMAL));
   /* Each handler ran once and is gone. */
   assert_int_equal(EmuCtl_SystemReboot(), 0);
   assert_vmk_status(vmk_UnregisterRebootHandler(handler_a), VMK_NOT_FOUND);
}

static void
test_system_unregistered_handler_does_not_run(void **state)
{
   int one = 1;

   (void)state;
   norder = 0;
   assert_vmk_ok(vmk_RegisterRebootHandler(handler_a, &one));
   assert_vmk_ok(vmk_UnregisterRebootHandler(handler_a));
   assert_int_equal(EmuCtl_SystemReboot(), 0);
   assert_int_equal(norder, 0);
}

static void
test_system_reboot_handler_bad_parameters(void **state)
{
   int one = 1;

   (void)state;
   assert_vmk_status(vmk_RegisterRebootHandler(NULL, NULL), VMK_BAD_PARAM);
   assert_vmk_status(vmk_UnregisterRebootHandler(NULL), VMK_BAD_PARAM);
   assert_vmk_status(vmk_UnregisterRebootHandler(handler_b), VMK_NOT_FOUND);
   assert_vmk_ok(vmk_RegisterRebootHandler(handler_a, &one));
   assert_vmk_status(vmk_RegisterRebootHandler(handler_a, &one), VMK_EXISTS);
   assert_vmk_ok(vmk_UnregisterRebootHandler(handler_a));
}

static void
test_vmuuid_max_length_holds_the_printed_uuid(void **state)
{
   (void)state;
   /* "xx xx xx xx xx xx xx xx-xx xx xx xx xx xx xx xx" and a NUL. */
   assert_int_equal(vmk_VMUUIDGetMaxLength(),
                    strlen("56 4d 9a 2b 01 02 03 04-05 06 07 08 09 0a 0b 0c")
                    + 1);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_system_version_info_says_vmkemu_and_esxi_6_0),
      cmocka_unit_test(test_system_id_string_is_persistent),
      cmocka_unit_test(test_system_is_normal_and_neither_panicking_nor_unloading),
      cmocka_unit_test(test_system_reboot_runs_handlers_newest_first_while_unloading),
      cmocka_unit_test(test_system_unregistered_handler_does_not_run),
      cmocka_unit_test(test_system_reboot_handler_bad_parameters),
      cmocka_unit_test(test_vmuuid_max_length_holds_the_printed_uuid),
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
