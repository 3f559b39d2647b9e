/*
 * test_name.c -- lib/vmkapi_name.h: vmk_Name initialise, format, copy.
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

static const char long_name[] = "0123456789abcdef0123456789abcdefXYZ";

static void
test_name_initialize_copies_a_short_string(void **state)
{
   vmk_Name name;

   (void)state;
   assert_vmk_ok(vmk_NameInitialize(&name, "vmnic0"));
   assert_string_equal(vmk_NameToString(&name), "vmnic0");
   assert_ptr_equal(vmk_NameToString(&name), name.string);
   assert_vmk_ok(vmk_NameInitialize(&name, ""));
   assert_string_equal(name.string, "");
}

static void
test_name_initialize_keeps_31_characters_and_says_name_too_long(void **state)
{
   vmk_Name name;
   char exact[VMK_MISC_NAME_MAX];

   (void)state;
   memset(exact, 'n', sizeof exact - 1);
   exact[sizeof exact - 1] = '\0';
   assert_vmk_ok(vmk_NameInitialize(&name, exact));           /* 31 fit */
   assert_string_equal(name.string, exact);
   assert_vmk_status(vmk_NameInitialize(&name, long_name), VMK_NAME_TOO_LONG);
   assert_int_equal(strlen(name.string), VMK_MISC_NAME_MAX - 1);
   assert_memory_equal(name.string, long_name, VMK_MISC_NAME_MAX - 1);
}

static void
test_name_initialize_with_null_is_bad_param(void **state)
{
   vmk_Name name;

   (void)state;
   assert_vmk_status(vmk_NameInitialize(NULL, "a"), VMK_BAD_PARAM);
   assert_vmk_status(vmk_NameInitialize(&name, NULL), VMK_BAD_PARAM);
}

static void
test_name_format_formats_and_says_limit_exceeded_when_cut(void **state)
{
   vmk_Name name;

   (void)state;
   assert_vmk_ok(vmk_NameFormat(&name, "%s-%02u", "queue", 7u));
   assert_string_equal(name.string, "queue-07");
   assert_vmk_status(vmk_NameFormat(&name, "%s", long_name),
                     VMK_LIMIT_EXCEEDED);
   assert_int_equal(strlen(name.string), VMK_MISC_NAME_MAX - 1);
   assert_vmk_status(vmk_NameFormat(NULL, "x"), VMK_BAD_PARAM);
}

static void
test_name_copy_copies_the_whole_name(void **state)
{
   vmk_Name a;
   vmk_Name b;

   (void)state;
   assert_vmk_ok(vmk_NameInitialize(&a, "source"));
   memset(&b, 'x', sizeof b);
   vmk_NameCopy(&b, &a);
   assert_string_equal(b.string, "source");
   vmk_NameCopy(&a, &a);
   assert_string_equal(a.string, "source");
}

static void
test_name_null_to_copy_or_to_string_is_reported(void **state)
{
   vmk_Name a;

   (void)state;
   assert_vmk_ok(vmk_NameInitialize(&a, "a"));
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   vmk_NameCopy(NULL, &a);
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_string_equal(vmk_NameToString(NULL), "");
   assert_reports_met();
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_name_initialize_copies_a_short_string),
      cmocka_unit_test(test_name_initialize_keeps_31_characters_and_says_name_too_long),
      cmocka_unit_test(test_name_initialize_with_null_is_bad_param),
      cmocka_unit_test(test_name_format_formats_and_says_limit_exceeded_when_cut),
      cmocka_unit_test(test_name_copy_copies_the_whole_name),
      cmocka_unit_test(test_name_null_to_copy_or_to_string_is_reported),
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
