/*
 * test_util_macros.c -- preprocessor and compiler helpers.
 *
 * VMK_UTIL_NUM_ARGS, VMK_STRINGIFY, VMK_UTIL_ROUNDUP, the revision macros
 * and vmk_RevisionsAreEqual, vmk_offsetof, VMK_PADDED_STRUCT, the
 * VMK_CONST64 helpers, VMK_LIKELY/UNLIKELY and VMK_IS_COMPILE_TIME.
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

#define TWELVE 12
#define MYLIB_REVISION_MAJOR 4
#define MYLIB_REVISION_MINOR 17
#define MYLIB_REVISION_UPDATE 2
#define MYLIB_REVISION_PATCH_LEVEL 255

static void
test_util_num_args_counts_from_zero_to_many(void **state)
{
   (void)state;
   assert_int_equal(VMK_UTIL_NUM_ARGS(), 0);
   assert_int_equal(VMK_UTIL_NUM_ARGS(a), 1);
   assert_int_equal(VMK_UTIL_NUM_ARGS(a, b), 2);
   assert_int_equal(VMK_UTIL_NUM_ARGS(a, b, c), 3);
   assert_int_equal(VMK_UTIL_NUM_ARGS(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 10);
   assert_int_equal(VMK_UTIL_NUM_ARGS((a, b), c), 2);   /* parentheses protect */
}

static void
test_util_num_args_is_an_integer_constant_expression(void **state)
{
   static const char sized[VMK_UTIL_NUM_ARGS(x, y, z) + 1] = { 0 };

   (void)state;
   assert_int_equal(sizeof sized, 4);
}

static void
test_util_num_args_reaches_many_arguments(void **state)
{
   (void)state;
   assert_int_equal(VMK_UTIL_NUM_ARGS(
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
      0, 1, 2, 3), 64);
}

static void
test_util_stringify_expands_macros_first(void **state)
{
   (void)state;
   assert_string_equal(VMK_STRINGIFY(hello), "hello");
   assert_string_equal(VMK_STRINGIFY(TWELVE), "12");
   assert_string_equal(__VMK_STRINGIFY(TWELVE), "TWELVE");
   assert_string_equal(VMK_STRINGIFY(a + b), "a + b");
   assert_string_equal(VMK_REVISION_STRINGIFY(TWELVE), "TWELVE");
   assert_string_equal(VMK_REVISION_EXPANDSTR(TWELVE), "12");
}

static void
test_util_roundup_is_a_constant_expression(void **state)
{
   static const char sized[VMK_UTIL_ROUNDUP(13, 8)] = { 0 };

   (void)state;
   assert_int_equal(sizeof sized, 16);
}

static void
test_util_revision_from_numbers_packs_one_byte_each(void **state)
{
   vmk_revnum r = VMK_REVISION_FROM_NUMBERS(1, 2, 3, 4);

   (void)state;
   assert_int_equal(r, 0x01020304);
   assert_int_equal(VMK_REVISION_MAJOR(r), 1);
   assert_int_equal(VMK_REVISION_MINOR(r), 2);
   assert_int_equal(VMK_REVISION_UPDATE(r), 3);
   assert_int_equal(VMK_REVISION_PATCH_LEVEL(r), 4);
   /* Each field is masked to a byte. */
   assert_int_equal(VMK_REVISION_FROM_NUMBERS(0x101, 0, 0, 0x1ff), 0x010000ff);
}

static void
test_util_revision_number_and_string_use_the_id_macros(void **state)
{
   (void)state;
   assert_int_equal(VMK_REVISION_NUMBER(MYLIB), 0x041102ff);
   assert_string_equal(VMK_REVISION_STRING(MYLIB), "4.17.2-255");
   assert_int_equal(VMKAPI_REVISION, VMK_REVISION_NUMBER(VMKAPI));
   assert_int_equal(VMKAPI_REVISION, 0x02030000);
   assert_string_equal(VMK_REVISION_STRING(VMKAPI), "2.3.0-0");
}

static void
test_util_revisions_are_equal_only_when_every_field_matches(void **state)
{
   (void)state;
   assert_true(vmk_RevisionsAreEqual(VMKAPI_REVISION,
                                     VMK_REVISION_FROM_NUMBERS(2, 3, 0, 0)));
   assert_false(vmk_RevisionsAreEqual(VMKAPI_REVISION,
                                      VMK_REVISION_FROM_NUMBERS(2, 3, 0, 1)));
   assert_false(vmk_RevisionsAreEqual(VMK_REVISION_FROM_NUMBERS(3, 3, 0, 0),
                                      VMKAPI_REVISION));
}

typedef struct Outer {
   char c;
   vmk_uint64 q;
   vmk_uint16 arr[3];
   VMK_PADDED_STRUCT(64, { vmk_uint32 x; vmk_uint8 y; })
} Outer;

static void
test_util_offsetof_and_padded_struct(void **state)
{
   Outer o;

   (void)state;
   assert_int_equal(vmk_offsetof(Outer, c), 0);
   assert_int_equal(vmk_offsetof(Outer, q), 8);
   assert_int_equal(vmk_offsetof(Outer, arr[2]), 20);
   assert_int_equal(sizeof(vmk_offsetof(Outer, q)), sizeof(vmk_ByteCount));
   /* The padded members are named directly and take a multiple of 64. */
   o.x = 5;
   o.y = 6;
   assert_int_equal(o.x + o.y, 11);
   assert_int_equal(sizeof o - vmk_offsetof(Outer, x), 64);
}

static void
test_util_const64_suffixes_make_64bit_constants(void **state)
{
   (void)state;
   assert_int_equal(sizeof(VMK_CONST64(1)), 8);
   assert_int_equal(sizeof(VMK_CONST64U(1)), 8);
   assert_true(VMK_CONST64(-1) < 0);
   assert_true(VMK_CONST64U(1) << 63 > 0);
   assert_int_equal(VMK_UINT32_MAX, 0xffffffffu);
   assert_int_equal(VMK_INT32_MIN, -2147483647 - 1);
   assert_int_equal(VMK_BITS_PER_BYTE, 8);
}

static int branch_taken;

static void
test_util_likely_and_unlikely_do_not_change_the_value(void **state)
{
   int zero = 0;
   int seven = 7;

   (void)state;
   assert_int_equal(VMK_LIKELY(seven), 1);
   assert_int_equal(VMK_UNLIKELY(zero), 0);
   if (VMK_UNLIKELY(seven == 7)) {
      branch_taken = 1;
   }
   assert_int_equal(branch_taken, 1);
   assert_true(VMK_IS_COMPILE_TIME(3 + 4));
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_util_num_args_counts_from_zero_to_many),
      cmocka_unit_test(test_util_num_args_is_an_integer_constant_expression),
      cmocka_unit_test(test_util_num_args_reaches_many_arguments),
      cmocka_unit_test(test_util_stringify_expands_macros_first),
      cmocka_unit_test(test_util_roundup_is_a_constant_expression),
      cmocka_unit_test(test_util_revision_from_numbers_packs_one_byte_each),
      cmocka_unit_test(test_util_revision_number_and_string_use_the_id_macros),
      cmocka_unit_test(test_util_revisions_are_equal_only_when_every_field_matches),
      cmocka_unit_test(test_util_offsetof_and_padded_struct),
      cmocka_unit_test(test_util_const64_suffixes_make_64bit_constants),
      cmocka_unit_test(test_util_likely_and_unlikely_do_not_change_the_value),
   };

   return cmocka_run_group_tests_name("util_macros", tests, emutest_group_setup,
                                      emutest_group_teardown);
}
