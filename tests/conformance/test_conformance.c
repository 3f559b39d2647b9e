/*
 * test_conformance.c -- run-time half of the vmkapi API/ABI conformance test.
 *
 * The generated abi_*.c files check every manifest fact at compile time
 * (_Static_assert, #error) and also record it in tables of {name, expected,
 * actual}.  This program walks the tables, one CMocka test per category,
 * prints how many facts each category checked and fails naming the first
 * mismatch (after listing all of them).
 *
 * Build (all tier switches, see conformance.h):
 *    gcc -std=gnu99 -Wall -Wextra -I vmkapi -I tests/conformance <tiers> \
 *       tests/conformance/test_conformance.c tests/conformance/abi_*.c -lcmocka
 *
 * Regenerate the abi_*.c files with tools/gen-conformance.py.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "conformance.h"
#include "abi_counts.h"

/*
 * Compare a table of integer facts; returns the index of the first mismatch
 * or -1, and prints every mismatch.
 */
static long
CheckInts(const char *what, const conf_IntCheck *tab, size_t n,
          size_t *checked)
{
   long first = -1;
   size_t i;

   for (i = 0; i < n; i++) {
      if (tab[i].expected != tab[i].actual) {
         print_error("%s: %s: expected %lld, got %lld\n", what, tab[i].name,
                     tab[i].expected, tab[i].actual);
         if (first < 0) {
            first = (long)i;
         }
      }
   }
   *checked += n;
   return first;
}

static long
CheckStrs(const char *what, const conf_StrCheck *tab, size_t n,
          size_t *checked)
{
   long first = -1;
   size_t i;

   for (i = 0; i < n; i++) {
      if (strcmp(tab[i].expected, tab[i].actual) != 0) {
         print_error("%s: %s: expected %s, got %s\n", what, tab[i].name,
                     tab[i].expected, tab[i].actual);
         if (first < 0) {
            first = (long)i;
         }
      }
   }
   *checked += n;
   return first;
}

static void
Summary(const char *category, size_t checked, int items, int skipped)
{
   print_message("conformance: %s: %zu facts checked over %d manifest items,"
                 " %d skipped (see abi_counts.h)\n",
                 category, checked, items, skipped);
}

/*
 * Probe a bitfield: set it to all ones in a zeroed record and find the first
 * set bit and the number of set bits (x86_64 is little-endian: bit k of the
 * record is bit k % 8 of byte k / 8).
 */
static void
ProbeBitfield(const conf_Bitfield *bf, int *offset, int *width)
{
   unsigned char buf[256];
   size_t bit;

   assert_true(bf->recordSize <= sizeof buf);
   memset(buf, 0, sizeof buf);
   bf->set(buf);
   *offset = -1;
   *width = 0;
   for (bit = 0; bit < bf->recordSize * 8; bit++) {
      if (buf[bit / 8] & (1u << (bit % 8))) {
         if (*offset < 0) {
            *offset = (int)bit;
         }
         (*width)++;
      }
   }
}

static void
TestRecords(void **state)
{
   size_t checked = 0;
   long first;
   const char *firstBitfield = NULL;
   size_t i;

   (void)state;
   first = CheckInts("record", conf_records, conf_records_n, &checked);
   for (i = 0; i < conf_bitfields_n; i++) {
      const conf_Bitfield *bf = &conf_bitfields[i];
      int offset, width;

      if (bf->name == NULL) {
         continue;
      }
      ProbeBitfield(bf, &offset, &width);
      if (offset != bf->expectedOffset || width != bf->expectedWidth) {
         print_error("record: %s: bitfield expected offset %d width %d, "
                     "got offset %d width %d\n", bf->name, bf->expectedOffset,
                     bf->expectedWidth, offset, width);
         if (firstBitfield == NULL) {
            firstBitfield = bf->name;
         }
      }
      checked += 2;
   }
   Summary("records", checked, CONF_RECORDS_ITEMS, CONF_RECORDS_SKIPPED);
   assert_int_equal(checked, CONF_RECORDS_CHECKS);
   if (first >= 0) {
      fail_msg("record mismatch, first: %s", conf_records[first].name);
   }
   if (firstBitfield != NULL) {
      fail_msg("record bitfield mismatch, first: %s", firstBitfield);
   }
}

static void
TestTypedefs(void **state)
{
   size_t checked = 0;
   long first;

   (void)state;
   first = CheckInts("typedef", conf_typedefs, conf_typedefs_n, &checked);
   Summary("typedefs", checked, CONF_TYPEDEFS_ITEMS, CONF_TYPEDEFS_SKIPPED);
   assert_int_equal(checked, CONF_TYPEDEFS_CHECKS);
   if (first >= 0) {
      fail_msg("typedef mismatch, first: %s (types: 1 = compatible)",
               conf_typedefs[first].name);
   }
}

static void
TestEnums(void **state)
{
   size_t checked = 0;
   long first;

   (void)state;
   first = CheckInts("enumerator", conf_enums, conf_enums_n, &checked);
   Summary("enums", checked, CONF_ENUMS_ITEMS, CONF_ENUMS_SKIPPED);
   assert_int_equal(checked, CONF_ENUMS_CHECKS);
   if (first >= 0) {
      fail_msg("enumerator mismatch, first: %s", conf_enums[first].name);
   }
}

static void
TestMacros(void **state)
{
   size_t checked = 0;
   long values, types, presence, flike;

   (void)state;
   values = CheckInts("macro value", conf_macro_values, conf_macro_values_n,
                      &checked);
   types = CheckStrs("macro type", conf_macro_types, conf_macro_types_n,
                     &checked);
   presence = CheckInts("macro presence", conf_macro_presence,
                        conf_macro_presence_n, &checked);
   flike = CheckStrs("function-like macro", conf_macro_flike,
                     conf_macro_flike_n, &checked);
   /* The arity probes did their work in the preprocessor. */
   checked += conf_macro_expansions_n;
   Summary("macros", checked, CONF_MACROS_ITEMS, CONF_MACROS_SKIPPED);
#ifndef CONF_RUNTIME_ONLY
   assert_int_equal(checked, CONF_MACROS_CHECKS);
#endif
   if (values >= 0) {
      fail_msg("macro value mismatch, first: %s",
               conf_macro_values[values].name);
   }
   if (types >= 0) {
      fail_msg("macro type mismatch, first: %s", conf_macro_types[types].name);
   }
   if (presence >= 0) {
      fail_msg("macro missing, first: %s", conf_macro_presence[presence].name);
   }
   if (flike >= 0) {
      fail_msg("macro not function-like, first: %s",
               conf_macro_flike[flike].name);
   }
}

static void
TestFunctions(void **state)
{
   size_t checked = 0;
   long first;

   (void)state;
   first = CheckInts("function", conf_functions, conf_functions_n, &checked);
   Summary("functions", checked, CONF_FUNCTIONS_ITEMS,
           CONF_FUNCTIONS_SKIPPED);
   assert_int_equal(checked, CONF_FUNCTIONS_CHECKS);
   if (first >= 0) {
      fail_msg("function type mismatch, first: %s",
               conf_functions[first].name);
   }
}

static void
TestVariables(void **state)
{
   size_t checked = 0;
   long first;

   (void)state;
   first = CheckInts("variable", conf_variables, conf_variables_n, &checked);
   Summary("variables", checked, CONF_VARIABLES_ITEMS,
           CONF_VARIABLES_SKIPPED);
   assert_int_equal(checked, CONF_VARIABLES_CHECKS);
   if (first >= 0) {
      fail_msg("variable type mismatch, first: %s",
               conf_variables[first].name);
   }
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(TestRecords),
      cmocka_unit_test(TestTypedefs),
      cmocka_unit_test(TestEnums),
      cmocka_unit_test(TestMacros),
      cmocka_unit_test(TestFunctions),
      cmocka_unit_test(TestVariables),
   };

   return cmocka_run_group_tests_name("vmkapi conformance", tests, NULL, NULL);
}
