/*
 * test_string.c -- lib/vmkapi_string.h: bounded copy, append, format and
 * duplicate, with their truncation and bad-parameter statuses.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

/*
 * The heap vmk_StringDup allocates from.  The library's helpers still take
 * host memory whatever the heap (emu/lib/libmem.h), so the copy goes back
 * with free(); when they move onto vmk_HeapAlloc, TEST_HEAP becomes a heap
 * the test creates and dup_free calls vmk_HeapFree.
 */
#define TEST_HEAP VMK_INVALID_HEAP_ID

static void
dup_free(char *p)
{
   free(p);
}

static void
test_string_copy_fits_or_says_limit_exceeded_with_what_fits(void **state)
{
   char buf[6];

   (void)state;
   assert_vmk_ok(vmk_StringCopy(buf, "abc", sizeof buf));
   assert_string_equal(buf, "abc");
   assert_vmk_ok(vmk_StringCopy(buf, "abcde", sizeof buf));
   assert_string_equal(buf, "abcde");
   assert_vmk_status(vmk_StringCopy(buf, "abcdef", sizeof buf),
                     VMK_LIMIT_EXCEEDED);
   assert_string_equal(buf, "abcde");
   buf[0] = 'Q';
   assert_vmk_status(vmk_StringCopy(buf, "", 0), VMK_LIMIT_EXCEEDED);
   assert_int_equal(buf[0], 'Q');                 /* size 0: untouched */
}

static void
test_string_copy_with_null_pointers_is_bad_param(void **state)
{
   char buf[4];

   (void)state;
   assert_vmk_status(vmk_StringCopy(NULL, "a", 4), VMK_BAD_PARAM);
   assert_vmk_status(vmk_StringCopy(buf, NULL, 4), VMK_BAD_PARAM);
   assert_vmk_status(vmk_StringLCopy(NULL, "a", 4, NULL), VMK_BAD_PARAM);
   assert_vmk_status(vmk_StringLCopy(buf, NULL, 4, NULL), VMK_BAD_PARAM);
   assert_vmk_status(vmk_StringCat(NULL, "a", 4), VMK_BAD_PARAM);
   assert_vmk_status(vmk_StringCat(buf, NULL, 4), VMK_BAD_PARAM);
}

static void
test_string_lcopy_reports_the_source_length_even_when_cut(void **state)
{
   char buf[4];
   vmk_ByteCount len = 0;

   (void)state;
   assert_vmk_ok(vmk_StringLCopy(buf, "ab", sizeof buf, &len));
   assert_int_equal(len, 2);
   assert_vmk_status(vmk_StringLCopy(buf, "abcdefg", sizeof buf, &len),
                     VMK_LIMIT_EXCEEDED);
   assert_int_equal(len, 7);
   assert_string_equal(buf, "abc");
   assert_vmk_ok(vmk_StringLCopy(buf, "xy", sizeof buf, NULL));
   assert_string_equal(buf, "xy");
}

static void
test_string_cat_appends_and_cuts_at_the_buffer_end(void **state)
{
   char buf[8] = "ab";

   (void)state;
   assert_vmk_ok(vmk_StringCat(buf, "cd", sizeof buf));
   assert_string_equal(buf, "abcd");
   assert_vmk_status(vmk_StringCat(buf, "efghij", sizeof buf),
                     VMK_LIMIT_EXCEEDED);
   assert_string_equal(buf, "abcdefg");
   assert_vmk_status(vmk_StringCat(buf, "x", sizeof buf), VMK_LIMIT_EXCEEDED);
   assert_string_equal(buf, "abcdefg");
   assert_vmk_ok(vmk_StringCat(buf, "", sizeof buf));
}

static void
test_string_cat_to_an_unterminated_buffer_is_bad_param(void **state)
{
   char buf[4] = { 'a', 'b', 'c', 'd' };

   (void)state;
   assert_vmk_status(vmk_StringCat(buf, "x", sizeof buf), VMK_BAD_PARAM);
   assert_memory_equal(buf, "abcd", 4);
}

static void
test_string_format_reports_needed_length_and_truncation(void **state)
{
   char buf[8];
   vmk_ByteCount n = 0;

   (void)state;
   assert_vmk_ok(vmk_StringFormat(buf, sizeof buf, &n, "%s%d", "v", 42));
   assert_string_equal(buf, "v42");
   assert_int_equal(n, 3);
   assert_vmk_status(vmk_StringFormat(buf, sizeof buf, &n, "%010d", 7),
                     VMK_LIMIT_EXCEEDED);
   assert_string_equal(buf, "0000000");
   assert_int_equal(n, 10);
   assert_vmk_status(vmk_StringFormat(buf, sizeof buf, NULL, "12345678"),
                     VMK_LIMIT_EXCEEDED);               /* NUL does not fit */
   assert_vmk_ok(vmk_StringFormat(buf, sizeof buf, NULL, "1234567"));
   assert_vmk_status(vmk_StringFormat(NULL, 0, &n, "%d", 123),
                     VMK_LIMIT_EXCEEDED);
   assert_int_equal(n, 3);
}

static VMK_ReturnStatus
call_vformat(char *buf, vmk_ByteCount size, vmk_ByteCount *n,
             const char *fmt, ...)
{
   va_list ap;
   VMK_ReturnStatus status;

   va_start(ap, fmt);
   status = vmk_StringVFormat(buf, size, n, fmt, ap);
   va_end(ap);
   return status;
}

static void
test_string_vformat_matches_format_and_checks_its_arguments(void **state)
{
   char buf[16];
   vmk_ByteCount n = 0;

   (void)state;
   assert_vmk_ok(call_vformat(buf, sizeof buf, &n, "%s=%Lx", "k",
                              (vmk_uint64)0xabcull));
   assert_string_equal(buf, "k=abc");
   assert_int_equal(n, 5);
   assert_vmk_status(call_vformat(buf, sizeof buf, &n, NULL), VMK_BAD_PARAM);
   assert_vmk_status(call_vformat(NULL, 4, &n, "x"), VMK_BAD_PARAM);
}

static void
test_string_dup_copies_into_new_memory(void **state)
{
   const char *src = "vmhba0";
   char *dup = NULL;

   (void)state;
   assert_vmk_ok(vmk_StringDup(TEST_HEAP, src, 64, &dup));
   assert_non_null(dup);
   assert_ptr_not_equal(dup, src);
   assert_string_equal(dup, src);
   dup_free(dup);
}

static void
test_string_dup_stops_at_max_len(void **state)
{
   char unterminated[4] = { 'a', 'b', 'c', 'd' };
   char *dup = NULL;

   (void)state;
   assert_vmk_ok(vmk_StringDup(TEST_HEAP, unterminated, 3, &dup));
   assert_string_equal(dup, "abc");
   dup_free(dup);
   assert_vmk_ok(vmk_StringDup(TEST_HEAP, "xyz", 0, &dup));
   assert_string_equal(dup, "");
   dup_free(dup);
}

static void
test_string_dup_bad_params_and_memory_failure(void **state)
{
   char *dup = NULL;

   (void)state;
   assert_vmk_status(vmk_StringDup(TEST_HEAP, NULL, 8, &dup), VMK_BAD_PARAM);
   assert_vmk_status(vmk_StringDup(TEST_HEAP, "a", 8, NULL), VMK_BAD_PARAM);
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_HEAP, 1);
   assert_vmk_status(vmk_StringDup(TEST_HEAP, "a", 8, &dup), VMK_NO_MEMORY);
   assert_int_equal(EmuCtl_FailuresInjected(), 1);
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_HEAP, 0);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_string_copy_fits_or_says_limit_exceeded_with_what_fits),
      cmocka_unit_test(test_string_copy_with_null_pointers_is_bad_param),
      cmocka_unit_test(test_string_lcopy_reports_the_source_length_even_when_cut),
      cmocka_unit_test(test_string_cat_appends_and_cuts_at_the_buffer_end),
      cmocka_unit_test(test_string_cat_to_an_unterminated_buffer_is_bad_param),
      cmocka_unit_test(test_string_format_reports_needed_length_and_truncation),
      cmocka_unit_test(test_string_vformat_matches_format_and_checks_its_arguments),
      cmocka_unit_test(test_string_dup_copies_into_new_memory),
      cmocka_unit_test(test_string_dup_stops_at_max_len),
      cmocka_unit_test(test_string_dup_bad_params_and_memory_failure),
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
