/*
 * test_parse.c -- lib/vmkapi_parse.h: vmk_ParseArgs.
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
test_parse_args_splits_at_white_space_in_place(void **state)
{
   char buf[] = "  load\tmod  debug=1 \n";
   char *argv[8];

   (void)state;
   assert_int_equal(vmk_ParseArgs(buf, strlen(buf), argv, 8), 3);
   assert_string_equal(argv[0], "load");
   assert_string_equal(argv[1], "mod");
   assert_string_equal(argv[2], "debug=1");
   assert_ptr_equal(argv[0], buf + 2);
}

static void
test_parse_args_stops_at_max_args(void **state)
{
   char buf[] = "a b c d";
   char *argv[2];

   (void)state;
   assert_int_equal(vmk_ParseArgs(buf, strlen(buf), argv, 2), 2);
   assert_string_equal(argv[0], "a");
   assert_string_equal(argv[1], "b");
   assert_string_equal(buf + 4, "c d");            /* the rest untouched */
}

static void
test_parse_args_respects_the_length_and_an_early_nul(void **state)
{
   char buf[] = "one two three";
   char nul[] = "x\0y z";
   char *argv[4];

   (void)state;
   assert_int_equal(vmk_ParseArgs(buf, 4, argv, 4), 1);
   assert_string_equal(argv[0], "one");
   assert_int_equal(vmk_ParseArgs(nul, sizeof nul - 1, argv, 4), 1);
   assert_string_equal(argv[0], "x");
}

static void
test_parse_args_of_nothing_gives_zero(void **state)
{
   char blank[] = "   \t ";
   char *argv[2];

   (void)state;
   assert_int_equal(vmk_ParseArgs(blank, strlen(blank), argv, 2), 0);
   assert_int_equal(vmk_ParseArgs(blank, 0, argv, 2), 0);
   assert_int_equal(vmk_ParseArgs(blank, strlen(blank), argv, 0), 0);
}

static void
test_parse_args_with_null_buffer_is_reported(void **state)
{
   char buf[] = "a";
   char *argv[2];

   (void)state;
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_int_equal(vmk_ParseArgs(NULL, 4, argv, 2), 0);
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_int_equal(vmk_ParseArgs(buf, 1, NULL, 2), 0);
   assert_reports_met();
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_parse_args_splits_at_white_space_in_place),
      cmocka_unit_test(test_parse_args_stops_at_max_args),
      cmocka_unit_test(test_parse_args_respects_the_length_and_an_early_nul),
      cmocka_unit_test(test_parse_args_of_nothing_gives_zero),
      cmocka_unit_test(test_parse_args_with_null_buffer_is_reported),
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
