/*
 * test_libc.c -- lib/vmkapi_libc.h: formatting, scanning, conversions,
 * strings and memory, and the reports for NULL pointers.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <limits.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

/*
 * Some formats here are deliberately outside ISO C (%L and %q on integers,
 * %f with no argument, %zd of a size_t): they test the vmkapi rules.
 */
#pragma GCC diagnostic ignored "-Wpragmas"
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-overflow"
#pragma GCC diagnostic ignored "-Wformat-extra-args"

/* Format with vmk_Snprintf into a roomy buffer and compare. */
#define assert_fmt(expected, ...)                                          \
   do {                                                                    \
      char b_[256];                                                        \
      int n_ = vmk_Snprintf(b_, sizeof b_, __VA_ARGS__);                   \
      assert_string_equal(b_, (expected));                                 \
      assert_int_equal(n_, (int)strlen(expected));                         \
   } while (0)

static void
test_printf_formats_integers_in_every_base(void **state)
{
   (void)state;
   assert_fmt("42 -42 42", "%d %i %u", 42, -42, 42u);
   assert_fmt("ff FF 17", "%x %X %o", 255u, 255u, 15u);
   assert_fmt("4294967295", "%u", 0xffffffffu);
   assert_fmt("-2147483648", "%d", INT_MIN);
   assert_fmt("0", "%x", 0u);
}

static void
test_printf_length_modifiers_take_the_right_width(void **state)
{
   (void)state;
   assert_fmt("ffffffffffffffff", "%Lx", (long long)-1);
   assert_fmt("18446744073709551615", "%llu", 0xffffffffffffffffull);
   assert_fmt("-9223372036854775808", "%ld", LONG_MIN);
   assert_fmt("-9223372036854775807", "%Ld", -9223372036854775807ll);
   assert_fmt("123456789012", "%zu", (size_t)123456789012ull);
   assert_fmt("-1", "%zd", (size_t)-1);
   assert_fmt("-1 255", "%hhd %hhu", 255, 255);
   assert_fmt("-1 65535", "%hd %hu", 65535, 65535);
   assert_fmt("7 8", "%jd %td", (intmax_t)7, (ptrdiff_t)8);
   assert_fmt("5", "%qd", 5ll);
}

static void
test_printf_width_precision_and_flags(void **state)
{
   (void)state;
   assert_fmt("   42", "%5d", 42);
   assert_fmt("42   |", "%-5d|", 42);
   assert_fmt("00042", "%05d", 42);
   assert_fmt("-0042", "%05d", -42);
   assert_fmt("+42 +0", "%+d %+d", 42, 0);
   assert_fmt(" 42", "% d", 42);
   assert_fmt("  042", "%5.3d", 42);
   assert_fmt("  042", "%05.3d", 42);       /* 0 ignored with a precision */
   assert_fmt("", "%.0d", 0);
   assert_fmt("0x1f 0X1F 017 0", "%#x %#X %#o %#x", 31u, 31u, 15u, 0u);
   assert_fmt("0x001f", "%#06x", 31u);
   assert_fmt("   ab", "%*s", 5, "ab");
   assert_fmt("ab   |", "%*s|", -5, "ab");
   assert_fmt("abc", "%.*s", 3, "abcdef");
   assert_fmt("abcdef", "%.*s", -1, "abcdef");
   assert_fmt("  abc", "%5.3s", "abcdef");
}

static void
test_printf_strings_chars_pointers_and_percent(void **state)
{
   char unterminated[3] = { 'x', 'y', 'z' };

   (void)state;
   assert_fmt("hello world", "%s %s", "hello", "world");
   assert_fmt("(null)", "%s", (char *)NULL);
   assert_fmt("a|  b", "%c|%3c", 'a', 'b');
   assert_fmt("100%", "%d%%", 100);
   assert_fmt("0x1234", "%p", (void *)0x1234);
   assert_fmt("0x0", "%p", NULL);
   assert_fmt("xy", "%.2s", unterminated);  /* never reads past precision */
}

static void
test_printf_unsupported_conversions_are_copied_and_n_stores_nothing(void **state)
{
   int n = 1234;

   (void)state;
   assert_fmt("a%fb", "a%fb");
   assert_fmt("x5", "x%n%d", &n, 5);
   assert_int_equal(n, 1234);
   assert_fmt("end%", "end%");
}

static void
test_snprintf_truncates_terminates_and_returns_full_length(void **state)
{
   char buf[8];

   (void)state;
   memset(buf, 'Z', sizeof buf);
   assert_int_equal(vmk_Snprintf(buf, 5, "%s", "abcdefgh"), 8);
   assert_string_equal(buf, "abcd");
   assert_int_equal(buf[5], 'Z');            /* nothing past size written */
   assert_int_equal(vmk_Snprintf(buf, 1, "abc"), 3);
   assert_string_equal(buf, "");
   buf[0] = 'Q';
   assert_int_equal(vmk_Snprintf(buf, 0, "abc"), 3);
   assert_int_equal(buf[0], 'Q');
   assert_int_equal(vmk_Snprintf(NULL, 0, "%d", 12345), 5);
}

static int
call_vsnprintf(char *buf, vmk_ByteCount size, const char *fmt, ...)
{
   va_list ap;
   int n;

   va_start(ap, fmt);
   n = vmk_Vsnprintf(buf, size, fmt, ap);
   va_end(ap);
   return n;
}

static int
call_vsprintf(char *buf, const char *fmt, ...)
{
   va_list ap;
   int n;

   va_start(ap, fmt);
   n = vmk_Vsprintf(buf, fmt, ap);
   va_end(ap);
   return n;
}

static void
test_sprintf_and_va_list_forms_agree(void **state)
{
   char a[64];
   char b[64];

   (void)state;
   assert_int_equal(vmk_Sprintf(a, "%s-%04x", "id", 0xbeefu), 7);
   assert_string_equal(a, "id-beef");
   assert_int_equal(call_vsprintf(b, "%s-%04x", "id", 0xbeefu), 7);
   assert_string_equal(b, a);
   assert_int_equal(call_vsnprintf(b, 4, "%s-%04x", "id", 0xbeefu), 7);
   assert_string_equal(b, "id-");
}

static void
test_snprintf_null_buffer_or_format_is_reported(void **state)
{
   char buf[4] = "abc";

   (void)state;
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_int_equal(vmk_Snprintf(NULL, 10, "x"), 0);
   assert_reports_met();
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_int_equal(vmk_Snprintf(buf, sizeof buf, NULL), 0);
   assert_reports_met();
   assert_string_equal(buf, "");
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_int_equal(vmk_Sprintf(NULL, "x"), 0);
   assert_reports_met();
}

static void
test_sscanf_reads_integers_in_every_base(void **state)
{
   int d = 0;
   int i = 0;
   unsigned int u = 0;
   unsigned int x = 0;
   unsigned int o = 0;
   int ihex = 0;
   int ioct = 0;

   (void)state;
   assert_int_equal(vmk_Sscanf("-12 34 56 ff 17", "%d %i %u %x %o",
                               &d, &i, &u, &x, &o), 5);
   assert_int_equal(d, -12);
   assert_int_equal(i, 34);
   assert_int_equal(u, 56);
   assert_int_equal(x, 0xff);
   assert_int_equal(o, 15);
   assert_int_equal(vmk_Sscanf("0x1A 010", "%i %i", &ihex, &ioct), 2);
   assert_int_equal(ihex, 26);
   assert_int_equal(ioct, 8);
}

static void
test_sscanf_length_modifiers_store_the_right_width(void **state)
{
   long long ll = 0;
   unsigned long ul = 0;
   short h = 0;
   signed char hh = 0;
   size_t z = 0;
   vmk_uint64 big = 0;

   (void)state;
   assert_int_equal(vmk_Sscanf("-5000000000 4000000000 -2 -3 77",
                               "%lld %lu %hd %hhd %zu", &ll, &ul, &h, &hh, &z),
                    5);
   assert_true(ll == -5000000000ll);
   assert_true(ul == 4000000000ul);
   assert_int_equal(h, -2);
   assert_int_equal(hh, -3);
   assert_int_equal(z, 77);
   assert_int_equal(vmk_Sscanf("ffffffffff", "%Lx", &big), 1);
   assert_true(big == 0xffffffffffull);
}

static void
test_sscanf_strings_chars_sets_width_and_suppression(void **state)
{
   char word[16];
   char chars[4] = { 0 };
   char set[16];
   int a = 0;
   int b = 0;
   int n = 0;
   void *p = NULL;

   (void)state;
   assert_int_equal(vmk_Sscanf("  hello world", "%s", word), 1);
   assert_string_equal(word, "hello");
   assert_int_equal(vmk_Sscanf("abc", "%3c", chars), 1);
   assert_memory_equal(chars, "abc", 3);
   assert_int_equal(vmk_Sscanf("vmnic12:rest", "%[a-z]%d", set, &a), 2);
   assert_string_equal(set, "vmnic");
   assert_int_equal(a, 12);
   assert_int_equal(vmk_Sscanf("key=val;", "%*[^=]=%[^;]", set), 1);
   assert_string_equal(set, "val");
   assert_int_equal(vmk_Sscanf("123456", "%2d%3d", &a, &b), 2);
   assert_int_equal(a, 12);
   assert_int_equal(b, 345);
   assert_int_equal(vmk_Sscanf("ab 7", "%*s %d%n", &a, &n), 1);
   assert_int_equal(a, 7);
   assert_int_equal(n, 4);
   assert_int_equal(vmk_Sscanf("0xdead", "%p", &p), 1);
   assert_ptr_equal(p, (void *)0xdead);
   assert_int_equal(vmk_Sscanf("50%", "%d%%", &a), 1);
}

static void
test_sscanf_stops_at_a_mismatch_and_says_eof_on_empty_input(void **state)
{
   int a = -1;
   int b = -1;

   (void)state;
   assert_int_equal(vmk_Sscanf("12 x", "%d %d", &a, &b), 1);
   assert_int_equal(a, 12);
   assert_int_equal(b, -1);
   assert_int_equal(vmk_Sscanf("x", "%d", &a), 0);
   assert_int_equal(vmk_Sscanf("", "%d", &a), -1);
   assert_int_equal(vmk_Sscanf("   ", "%d", &a), -1);
   assert_int_equal(vmk_Sscanf("a=1", "b=%d", &a), 0);
}

static int
call_vsscanf(const char *str, const char *fmt, ...)
{
   va_list ap;
   int n;

   va_start(ap, fmt);
   n = vmk_Vsscanf(str, fmt, ap);
   va_end(ap);
   return n;
}

static void
test_vsscanf_matches_sscanf_and_null_input_is_reported(void **state)
{
   int a = 0;
   int b = 0;

   (void)state;
   assert_int_equal(call_vsscanf("3,4", "%d,%d", &a, &b), 2);
   assert_int_equal(a + b, 7);
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_int_equal(vmk_Sscanf(NULL, "%d", &a), -1);
   assert_reports_met();
}

static void
test_strtol_detects_bases_and_sets_the_end_pointer(void **state)
{
   const char *s;
   char *end;

   (void)state;
   s = "  -123abc";
   assert_int_equal(vmk_Strtol(s, &end, 10), -123);
   assert_ptr_equal(end, s + 6);
   s = "0x1F!";
   assert_int_equal(vmk_Strtol(s, &end, 0), 31);
   assert_ptr_equal(end, s + 4);
   assert_int_equal(vmk_Strtol("0x1F", NULL, 16), 31);
   assert_int_equal(vmk_Strtol("017", NULL, 0), 15);
   assert_int_equal(vmk_Strtol("+z", NULL, 36), 35);
   assert_int_equal(vmk_Strtol("101", NULL, 2), 5);
   s = "0x";
   assert_int_equal(vmk_Strtol(s, &end, 16), 0);
   assert_ptr_equal(end, s + 1);             /* the "0", not the x */
}

static void
test_strtol_without_digits_or_with_a_bad_base_reads_nothing(void **state)
{
   const char *s = "  xyz";
   char *end = NULL;

   (void)state;
   assert_int_equal(vmk_Strtol(s, &end, 10), 0);
   assert_ptr_equal(end, s);
   assert_int_equal(vmk_Strtol("12", &end, 1), 0);
   assert_int_equal(vmk_Strtoul("12", &end, 37), 0);
   assert_int_equal(vmk_Strtoul("12", &end, -1), 0);
   assert_int_equal(vmk_Strtoul("-", &end, 10), 0);
}

static void
test_strtol_and_strtoul_saturate_on_overflow(void **state)
{
   (void)state;
   assert_true(vmk_Strtol("9223372036854775807", NULL, 10) == LONG_MAX);
   assert_true(vmk_Strtol("9223372036854775808", NULL, 10) == LONG_MAX);
   assert_true(vmk_Strtol("-9223372036854775808", NULL, 10) == LONG_MIN);
   assert_true(vmk_Strtol("-99999999999999999999", NULL, 10) == LONG_MIN);
   assert_true(vmk_Strtoul("18446744073709551615", NULL, 10) == ULONG_MAX);
   assert_true(vmk_Strtoul("18446744073709551616", NULL, 10) == ULONG_MAX);
   assert_true(vmk_Strtoul("-1", NULL, 10) == ULONG_MAX);  /* C semantics */
   assert_true(vmk_Strtoul("ffffffffffffffff", NULL, 16) == ULONG_MAX);
}

static void
test_strtol_null_string_is_reported(void **state)
{
   char *end = (char *)1;

   (void)state;
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_int_equal(vmk_Strtol(NULL, &end, 10), 0);
   assert_reports_met();
   assert_null(end);
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_int_equal(vmk_Strtoul(NULL, NULL, 10), 0);
   assert_reports_met();
}

static void
test_string_copies_follow_c_semantics(void **state)
{
   char buf[8];

   (void)state;
   assert_ptr_equal(vmk_Strcpy(buf, "abc"), buf);
   assert_string_equal(buf, "abc");
   memset(buf, 'Z', sizeof buf);
   assert_ptr_equal(vmk_Strncpy(buf, "ab", 5), buf);
   assert_memory_equal(buf, "ab\0\0\0ZZZ", 8);         /* padded */
   memset(buf, 'Z', sizeof buf);
   vmk_Strncpy(buf, "abcdef", 3);
   assert_memory_equal(buf, "abcZ", 4);                 /* not terminated */
   assert_int_equal(vmk_Strlcpy(buf, "abcdefghij", sizeof buf), 10);
   assert_string_equal(buf, "abcdefg");
   assert_int_equal(vmk_Strlcpy(buf, "xy", sizeof buf), 2);
   assert_string_equal(buf, "xy");
   assert_int_equal(vmk_Strlcpy(buf, "xyz", 0), 3);
   assert_string_equal(buf, "xy");                      /* untouched */
   assert_int_equal(vmk_Strnlen("abcdef", 4), 4);
   assert_int_equal(vmk_Strnlen("ab", 4), 2);
   assert_int_equal(vmk_Strnlen(NULL, 0), 0);
}

static void
test_string_compares_order_bytes_as_unsigned(void **state)
{
   (void)state;
   assert_int_equal(vmk_Strcmp("abc", "abc"), 0);
   assert_true(vmk_Strcmp("abc", "abd") < 0);
   assert_true(vmk_Strcmp("abd", "abc") > 0);
   assert_true(vmk_Strcmp("ab", "abc") < 0);
   assert_true(vmk_Strcmp("\xff", "a") > 0);
   assert_int_equal(vmk_Strncmp("abcX", "abcY", 3), 0);
   assert_true(vmk_Strncmp("abcX", "abcY", 4) < 0);
   assert_int_equal(vmk_Strncmp("a", "b", 0), 0);
   assert_int_equal(vmk_Strncasecmp("HeLLo", "hello", 5), 0);
   assert_true(vmk_Strncasecmp("Apple", "banana", 5) < 0);
   assert_int_equal(vmk_Strncasecmp("ABCx", "abcy", 3), 0);
   assert_true(vmk_Strncasecmp("abc", "ABCD", 10) < 0);
}

static void
test_string_searches_find_first_last_and_substrings(void **state)
{
   const char *s = "a/b/c";

   (void)state;
   assert_ptr_equal(vmk_Strchr(s, '/'), s + 1);
   assert_ptr_equal(vmk_Strrchr(s, '/'), s + 3);
   assert_null(vmk_Strchr(s, 'z'));
   assert_null(vmk_Strrchr(s, 'z'));
   assert_ptr_equal(vmk_Strchr(s, '\0'), s + 5);
   assert_ptr_equal(vmk_Strrchr(s, '\0'), s + 5);
   assert_ptr_equal(vmk_Strstr("hello world", "o w"), (char *)"hello world" + 4);
   assert_null(vmk_Strstr("hello", "hellos"));
   assert_ptr_equal(vmk_Strstr(s, ""), s);
}

static void
test_memory_functions_copy_move_fill_and_compare(void **state)
{
   char buf[16] = "0123456789";
   char dst[4];

   (void)state;
   assert_ptr_equal(vmk_Memmove(buf + 2, buf, 5), buf + 2);
   assert_memory_equal(buf, "0101234789", 10);          /* overlap safe */
   assert_ptr_equal(vmk_Memcpy(dst, "wxyz", 4), dst);
   assert_memory_equal(dst, "wxyz", 4);
   assert_ptr_equal(vmk_Memset(dst, 'q', 3), dst);
   assert_memory_equal(dst, "qqqz", 4);
   assert_int_equal(vmk_Memcmp("abc", "abc", 3), 0);
   assert_true(vmk_Memcmp("ab\x01", "ab\xff", 3) < 0);
   assert_int_equal(vmk_Memcmp("a", "b", 0), 0);
   assert_ptr_equal(vmk_Memcpy(NULL, NULL, 0), NULL);  /* zero length: fine */
}

static void
test_null_pointers_to_string_and_memory_functions_are_reported(void **state)
{
   char buf[4];

   (void)state;
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_int_equal(vmk_Strcmp(NULL, "a"), 0);
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_ptr_equal(vmk_Memcpy(buf, NULL, 2), buf);
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_null(vmk_Strchr(NULL, 'a'));
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_null(vmk_Strstr("a", NULL));
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_ptr_equal(vmk_Memset(NULL, 0, 1), NULL);
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_int_equal(vmk_Strlcpy(buf, NULL, sizeof buf), 0);
   assert_reports_met();
}

static void
test_isprint_accepts_exactly_the_printable_ascii(void **state)
{
   int c;

   (void)state;
   for (c = -1; c < 256; c++) {
      assert_int_equal(vmk_IsPrint(c), (c >= 0x20 && c < 0x7f) ? VMK_TRUE
                                                              : VMK_FALSE);
   }
}

static void
test_rand_is_the_minimal_standard_sequence_within_range(void **state)
{
   vmk_uint32 x = 1;
   int i;

   (void)state;
   /* Park-Miller: after 10000 steps from 1 the value is 1043618065. */
   for (i = 0; i < 10000; i++) {
      x = vmk_Rand(x);
      assert_true(x > 0 && x <= 0x7fffffff);
   }
   assert_int_equal(x, 1043618065);
   assert_int_equal(vmk_Rand(42), vmk_Rand(42));
   assert_true(vmk_Rand(0) > 0);                 /* 0 folded into range */
}

static void
test_rand_seeds_are_in_range_and_vary(void **state)
{
   vmk_uint32 a = vmk_GetRandSeed();
   vmk_uint32 b = vmk_GetRandSeed();

   (void)state;
   assert_true(a > 0 && a < 0x7fffffff);
   assert_true(b > 0 && b < 0x7fffffff);
   assert_int_not_equal(a, b);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_printf_formats_integers_in_every_base),
      cmocka_unit_test(test_printf_length_modifiers_take_the_right_width),
      cmocka_unit_test(test_printf_width_precision_and_flags),
      cmocka_unit_test(test_printf_strings_chars_pointers_and_percent),
      cmocka_unit_test(test_printf_unsupported_conversions_are_copied_and_n_stores_nothing),
      cmocka_unit_test(test_snprintf_truncates_terminates_and_returns_full_length),
      cmocka_unit_test(test_sprintf_and_va_list_forms_agree),
      cmocka_unit_test(test_snprintf_null_buffer_or_format_is_reported),
      cmocka_unit_test(test_sscanf_reads_integers_in_every_base),
      cmocka_unit_test(test_sscanf_length_modifiers_store_the_right_width),
      cmocka_unit_test(test_sscanf_strings_chars_sets_width_and_suppression),
      cmocka_unit_test(test_sscanf_stops_at_a_mismatch_and_says_eof_on_empty_input),
      cmocka_unit_test(test_vsscanf_matches_sscanf_and_null_input_is_reported),
      cmocka_unit_test(test_strtol_detects_bases_and_sets_the_end_pointer),
      cmocka_unit_test(test_strtol_without_digits_or_with_a_bad_base_reads_nothing),
      cmocka_unit_test(test_strtol_and_strtoul_saturate_on_overflow),
      cmocka_unit_test(test_strtol_null_string_is_reported),
      cmocka_unit_test(test_string_copies_follow_c_semantics),
      cmocka_unit_test(test_string_compares_order_bytes_as_unsigned),
      cmocka_unit_test(test_string_searches_find_first_last_and_substrings),
      cmocka_unit_test(test_memory_functions_copy_move_fill_and_compare),
      cmocka_unit_test(test_null_pointers_to_string_and_memory_functions_are_reported),
      cmocka_unit_test(test_isprint_accepts_exactly_the_printable_ascii),
      cmocka_unit_test(test_rand_is_the_minimal_standard_sequence_within_range),
      cmocka_unit_test(test_rand_seeds_are_in_range_and_vary),
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
