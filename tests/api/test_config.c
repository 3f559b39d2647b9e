/*
 * test_config.c -- base/vmkapi_config.h: configuration parameters read
 * through handles, from the table a test sets with EmuCtl_Config*.
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

static int
config_teardown(void **state)
{
   (void)state;
   EmuCtl_ConfigReset();
   return 0;
}

static void
test_config_built_in_host_name_reads_as_a_string(void **state)
{
   vmk_ConfigParamHandle h;
   vmk_ByteCount size = 0;
   char buf[64];
   unsigned int u;

   (void)state;
   assert_vmk_ok(vmk_ConfigParamOpen(VMK_CONFIG_GROUP_MISC,
                                     VMK_CONFIG_PARAM_HOSTNAME, &h));
   assert_vmk_ok(vmk_ConfigParamGetStringSize(h, &size));
   assert_int_equal(size, strlen("vmkemu") + 1);
   assert_vmk_ok(vmk_ConfigParamGetString(h, buf, sizeof buf));
   assert_string_equal(buf, "vmkemu");
   assert_vmk_status(vmk_ConfigParamGetUint(h, &u), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_ConfigParamClose(h));
}

static void
test_config_uint_set_by_the_test_is_read_back(void **state)
{
   vmk_ConfigParamHandle h;
   vmk_ByteCount size;
   unsigned int u = 0;

   (void)state;
   assert_vmk_ok(EmuCtl_ConfigSetUint(VMK_CONFIG_GROUP_NET, "MaxQueues", 8));
   assert_vmk_ok(vmk_ConfigParamOpen(VMK_CONFIG_GROUP_NET, "MaxQueues", &h));
   assert_vmk_ok(vmk_ConfigParamGetUint(h, &u));
   assert_int_equal(u, 8);
   /* Values set after the open are seen through the handle. */
   assert_vmk_ok(EmuCtl_ConfigSetUint(VMK_CONFIG_GROUP_NET, "MaxQueues", 16));
   assert_vmk_ok(vmk_ConfigParamGetUint(h, &u));
   assert_int_equal(u, 16);
   assert_vmk_status(vmk_ConfigParamGetStringSize(h, &size), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_ConfigParamClose(h));
}

static void
test_config_built_in_uint_can_be_overridden_and_reset(void **state)
{
   vmk_ConfigParamHandle h;
   unsigned int u = 0;

   (void)state;
   assert_vmk_ok(vmk_ConfigParamOpen(VMK_CONFIG_GROUP_DISK, "MaxLUN", &h));
   assert_vmk_ok(vmk_ConfigParamGetUint(h, &u));
   assert_int_equal(u, 1024);
   assert_vmk_ok(EmuCtl_ConfigSetUint(VMK_CONFIG_GROUP_DISK, "MaxLUN", 256));
   assert_vmk_ok(vmk_ConfigParamGetUint(h, &u));
   assert_int_equal(u, 256);
   EmuCtl_ConfigReset();
   assert_vmk_ok(vmk_ConfigParamGetUint(h, &u));
   assert_int_equal(u, 1024);
   assert_vmk_ok(vmk_ConfigParamClose(h));
}

static void
test_config_string_too_long_for_the_buffer_is_cut_and_limit_exceeded(void **state)
{
   vmk_ConfigParamHandle h;
   char buf[4];

   (void)state;
   assert_vmk_ok(EmuCtl_ConfigSetString(VMK_CONFIG_GROUP_NET,
                                        VMK_CONFIG_PARAM_MGMT_IPADDR,
                                        "192.168.0.10"));
   assert_vmk_ok(vmk_ConfigParamOpen(VMK_CONFIG_GROUP_NET,
                                     VMK_CONFIG_PARAM_MGMT_IPADDR, &h));
   assert_vmk_status(vmk_ConfigParamGetString(h, buf, sizeof buf),
                     VMK_LIMIT_EXCEEDED);
   assert_string_equal(buf, "192");
   assert_vmk_status(vmk_ConfigParamGetString(h, NULL, 8), VMK_BAD_PARAM);
   assert_vmk_status(vmk_ConfigParamGetString(h, buf, 0), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_ConfigParamClose(h));
}

static void
test_config_unknown_parameter_cannot_be_opened(void **state)
{
   vmk_ConfigParamHandle h;

   (void)state;
   assert_vmk_status(vmk_ConfigParamOpen("Nope", "Nothing", &h),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_ConfigParamOpen(NULL, "HostName", &h),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_ConfigParamOpen(VMK_CONFIG_GROUP_MISC, NULL, &h),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_ConfigParamOpen(VMK_CONFIG_GROUP_MISC,
                                         VMK_CONFIG_PARAM_HOSTNAME, NULL),
                     VMK_BAD_PARAM);
}

static void
test_config_removed_parameter_reads_as_bad_param(void **state)
{
   vmk_ConfigParamHandle h;
   vmk_ByteCount size;

   (void)state;
   assert_vmk_ok(vmk_ConfigParamOpen(VMK_CONFIG_GROUP_MISC,
                                     VMK_CONFIG_PARAM_HOSTNAME, &h));
   assert_vmk_ok(EmuCtl_ConfigRemove(VMK_CONFIG_GROUP_MISC,
                                     VMK_CONFIG_PARAM_HOSTNAME));
   assert_vmk_status(vmk_ConfigParamGetStringSize(h, &size), VMK_BAD_PARAM);
   assert_vmk_status(vmk_ConfigParamOpen(VMK_CONFIG_GROUP_MISC,
                                         VMK_CONFIG_PARAM_HOSTNAME, &h),
                     VMK_BAD_PARAM);
   assert_vmk_status(EmuCtl_ConfigRemove(VMK_CONFIG_GROUP_MISC,
                                         VMK_CONFIG_PARAM_HOSTNAME),
                     VMK_NOT_FOUND);
   assert_vmk_ok(vmk_ConfigParamClose(h));
}

static void
test_config_closed_or_unknown_handle_is_bad_param(void **state)
{
   vmk_ConfigParamHandle h;
   unsigned int u;
   vmk_ByteCount size;

   (void)state;
   assert_vmk_ok(vmk_ConfigParamOpen(VMK_CONFIG_GROUP_DISK, "MaxLUN", &h));
   assert_vmk_ok(vmk_ConfigParamClose(h));
   assert_vmk_status(vmk_ConfigParamClose(h), VMK_BAD_PARAM);
   assert_vmk_status(vmk_ConfigParamGetUint(h, &u), VMK_BAD_PARAM);
   assert_vmk_status(vmk_ConfigParamGetUint(0xdeadbeef, &u), VMK_BAD_PARAM);
   assert_vmk_status(vmk_ConfigParamGetStringSize(h, &size), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_ConfigParamOpen(VMK_CONFIG_GROUP_DISK, "MaxLUN", &h));
   assert_vmk_status(vmk_ConfigParamGetUint(h, NULL), VMK_BAD_PARAM);
   assert_vmk_status(vmk_ConfigParamGetStringSize(h, NULL), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_ConfigParamClose(h));
}

static void
test_config_open_handle_is_a_live_resource(void **state)
{
   vmk_ConfigParamHandle h;
   vmk_uint64 before = EmuCtl_LiveResources(EMUCTL_RSRC_OTHER);

   (void)state;
   assert_vmk_ok(vmk_ConfigParamOpen(VMK_CONFIG_GROUP_DISK, "MaxLUN", &h));
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_OTHER), before + 1);
   assert_vmk_ok(vmk_ConfigParamClose(h));
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_OTHER), before);
}

static void
test_config_set_rejects_bad_names(void **state)
{
   (void)state;
   assert_vmk_status(EmuCtl_ConfigSetUint(NULL, "a", 1), VMK_BAD_PARAM);
   assert_vmk_status(EmuCtl_ConfigSetUint("", "a", 1), VMK_BAD_PARAM);
   assert_vmk_status(EmuCtl_ConfigSetString("G", "a", NULL), VMK_BAD_PARAM);
   assert_vmk_status(EmuCtl_ConfigRemove("G", NULL), VMK_BAD_PARAM);
   assert_vmk_status(EmuCtl_ConfigRemove("G", "never"), VMK_NOT_FOUND);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test_teardown(test_config_built_in_host_name_reads_as_a_string, config_teardown),
      cmocka_unit_test_teardown(test_config_uint_set_by_the_test_is_read_back, config_teardown),
      cmocka_unit_test_teardown(test_config_built_in_uint_can_be_overridden_and_reset, config_teardown),
      cmocka_unit_test_teardown(test_config_string_too_long_for_the_buffer_is_cut_and_limit_exceeded, config_teardown),
      cmocka_unit_test_teardown(test_config_unknown_parameter_cannot_be_opened, config_teardown),
      cmocka_unit_test_teardown(test_config_removed_parameter_reads_as_bad_param, config_teardown),
      cmocka_unit_test_teardown(test_config_closed_or_unknown_handle_is_bad_param, config_teardown),
      cmocka_unit_test_teardown(test_config_open_handle_is_a_live_resource, config_teardown),
      cmocka_unit_test_teardown(test_config_set_rejects_bad_names, config_teardown),
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
