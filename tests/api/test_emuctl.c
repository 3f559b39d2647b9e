/*
 * test_emuctl.c -- the emulator-control API as a test sees it.
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
test_emuctl_init_twice_returns_exists(void **state)
{
   (void)state;
   assert_vmk_status(EmuCtl_Init(NULL), VMK_EXISTS);
   assert_true(EmuCtl_IsRunning());
}

static void
test_emuctl_set_unknown_option_returns_not_found(void **state)
{
   (void)state;
   assert_vmk_status(EmuCtl_SetOption("no_such_option", "1"), VMK_NOT_FOUND);
   assert_vmk_status(EmuCtl_SetOption(NULL, "1"), VMK_BAD_PARAM);
}

static void
test_emuctl_set_bad_value_returns_bad_param(void **state)
{
   (void)state;
   assert_vmk_status(EmuCtl_SetOption("audit", "7"), VMK_BAD_PARAM);
   assert_vmk_status(EmuCtl_SetOption("fail_nth", "x"), VMK_BAD_PARAM);
   assert_vmk_status(EmuCtl_SetOption("fail_nth", NULL), VMK_BAD_PARAM);
}

static void
test_emuctl_option_round_trips(void **state)
{
   char buf[32];

   (void)state;
   assert_vmk_ok(EmuCtl_SetOption("guards", "on"));
   assert_vmk_ok(EmuCtl_GetOption("guards", buf, sizeof buf));
   assert_string_equal(buf, "1");
   assert_vmk_ok(EmuCtl_SetOption("guards", "off"));
   assert_vmk_ok(EmuCtl_GetOption("guards", buf, sizeof buf));
   assert_string_equal(buf, "0");
   assert_vmk_status(EmuCtl_GetOption("guards", NULL, 0), VMK_BAD_PARAM);
}

static void
test_emuctl_unmet_expectation_is_counted(void **state)
{
   (void)state;
   EmuCtl_ExpectReport(EMUCTL_REPORT_DOUBLE_FREE);
   EmuCtl_ExpectReport(EMUCTL_REPORT_LEAK);
   assert_int_equal(EmuCtl_CheckReports(), 2);
   /* Checking forgets them. */
   assert_int_equal(EmuCtl_CheckReports(), 0);
}

static void
test_emuctl_report_kind_names_are_distinct(void **state)
{
   int i;
   int j;

   (void)state;
   assert_string_equal(EmuCtl_ReportKindName(EMUCTL_REPORT_WRONG_CACHE),
                       "WRONG_CACHE");
   for (i = 1; i < EMUCTL_REPORT_COUNT; i++) {
      for (j = i + 1; j < EMUCTL_REPORT_COUNT; j++) {
         assert_string_not_equal(EmuCtl_ReportKindName(i),
                                 EmuCtl_ReportKindName(j));
      }
   }
}

static void
test_emuctl_log_capture_sees_driver_log(void **state)
{
   (void)state;
   EmuCtl_LogCaptureStart();
   vmk_LogMessage("capture me %d", 42);
   EmuCtl_LogCaptureStop();
   assert_non_null(strstr(EmuCtl_LogCaptured(), "capture me 42"));
   vmk_LogMessage("not captured");
   assert_null(strstr(EmuCtl_LogCaptured(), "not captured"));
}

static void
test_emuctl_fail_nth_counts_from_arming(void **state)
{
   (void)state;
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_HEAP, 3);
   assert_int_equal(EmuCtl_AllocCalls(EMUCTL_ALLOC_ANY), 0);
   assert_int_equal(EmuCtl_FailuresInjected(), 0);
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_HEAP, 0);
}

static void
test_emuctl_nothing_live_at_start(void **state)
{
   (void)state;
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_ANY), 0);
   assert_int_equal(EmuCtl_DumpResources(EMUCTL_RSRC_ANY), 0);
}

static void
test_emuctl_version_is_set(void **state)
{
   (void)state;
   assert_non_null(EmuCtl_Version());
   assert_true(strlen(EmuCtl_Version()) > 0);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_emuctl_init_twice_returns_exists),
      cmocka_unit_test(test_emuctl_set_unknown_option_returns_not_found),
      cmocka_unit_test(test_emuctl_set_bad_value_returns_bad_param),
      cmocka_unit_test(test_emuctl_option_round_trips),
      cmocka_unit_test(test_emuctl_unmet_expectation_is_counted),
      cmocka_unit_test(test_emuctl_report_kind_names_are_distinct),
      cmocka_unit_test(test_emuctl_log_capture_sees_driver_log),
      cmocka_unit_test(test_emuctl_fail_nth_counts_from_arming),
      cmocka_unit_test(test_emuctl_nothing_live_at_start),
      cmocka_unit_test(test_emuctl_version_is_set),
   };

   return cmocka_run_group_tests_name("emuctl", tests, emutest_group_setup,
                                      emutest_group_teardown);
}
