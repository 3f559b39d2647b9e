/*
 * test_bitvector.c -- lib/vmkapi_bitvector.h, the out-of-line calls:
 * allocation, counts, searches, extents and merges (the inline single-bit
 * calls have their own test, test_bitvector_inline).
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

/* Until the heap API exists the library ignores the heap (libmem.h). */
#define TEST_HEAP VMK_INVALID_HEAP_ID

static vmk_BitVector *
bv_new(vmk_uint32 n)
{
   vmk_BitVector *bv = vmk_BitVectorAlloc(TEST_HEAP, n);

   assert_non_null(bv);
   return bv;
}

static void
test_bitvector_alloc_gives_a_cleared_vector_of_n_bits(void **state)
{
   vmk_BitVector *bv;
   vmk_uint32 i;

   (void)state;
   bv = bv_new(70);
   assert_int_equal(bv->n, 70);
   assert_int_equal(bv->nwords, 3);
   for (i = 0; i < bv->nwords; i++) {
      assert_int_equal(bv->vector[i], 0);
   }
   assert_int_equal(vmk_BitVectorIsZero(bv), 1);
   assert_int_equal(vmk_BitVectorNumBitsSet(bv), 0);
   vmk_BitVectorFree(TEST_HEAP, bv);
   bv = vmk_BitVectorAllocWithTimeout(TEST_HEAP, 1, 100);
   assert_non_null(bv);
   assert_int_equal(bv->nwords, 1);
   vmk_BitVectorFree(TEST_HEAP, bv);
   vmk_BitVectorFree(TEST_HEAP, NULL);                  /* ignored */
}

static void
test_bitvector_alloc_of_zero_or_too_many_bits_is_null(void **state)
{
   (void)state;
   assert_true(vmk_BitVectorMaxSize() >= (1u << 20));
   assert_null(vmk_BitVectorAlloc(TEST_HEAP, 0));
   assert_null(vmk_BitVectorAlloc(TEST_HEAP, vmk_BitVectorMaxSize() + 1));
}

static void
test_bitvector_alloc_returns_null_when_the_heap_fails(void **state)
{
   (void)state;
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_HEAP, 1);
   assert_null(vmk_BitVectorAlloc(TEST_HEAP, 8));
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_HEAP, 0);
}

static void
test_bitvector_duplicate_copies_bits(void **state)
{
   vmk_BitVector *a = bv_new(40);
   vmk_BitVector *b;

   (void)state;
   vmk_BitVectorSet(a, 3);
   vmk_BitVectorSet(a, 39);
   b = vmk_BitVectorDuplicate(TEST_HEAP, a);
   assert_non_null(b);
   assert_int_equal(b->n, 40);
   assert_true(vmk_BitVectorTest(b, 3));
   assert_true(vmk_BitVectorTest(b, 39));
   assert_int_equal(vmk_BitVectorNumBitsSet(b), 2);
   vmk_BitVectorFree(TEST_HEAP, a);
   vmk_BitVectorFree(TEST_HEAP, b);
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_null(vmk_BitVectorDuplicate(TEST_HEAP, NULL));
   assert_reports_met();
}

static void
test_bitvector_counts_ignore_bits_past_n(void **state)
{
   vmk_BitVector *bv = bv_new(35);

   (void)state;
   vmk_BitVectorFill(bv);
   assert_int_equal(vmk_BitVectorNumBitsSet(bv), 35);
   assert_int_equal(vmk_BitVectorIsZero(bv), 0);
   bv->vector[1] |= 0xfffffff0u;              /* garbage in the padding */
   assert_int_equal(vmk_BitVectorNumBitsSet(bv), 35);
   vmk_BitVectorZap(bv);
   bv->vector[1] = 0x80000000u;               /* padding only */
   assert_int_equal(vmk_BitVectorIsZero(bv), 1);
   vmk_BitVectorFree(TEST_HEAP, bv);
}

static void
test_bitvector_next_and_prev_bit_find_either_state(void **state)
{
   vmk_BitVector *bv = bv_new(100);
   vmk_uint32 pos = 0;

   (void)state;
   vmk_BitVectorSet(bv, 5);
   vmk_BitVectorSet(bv, 64);
   vmk_BitVectorSet(bv, 99);
   assert_true(vmk_BitVectorNextBit(bv, 0, VMK_TRUE, &pos));
   assert_int_equal(pos, 5);
   assert_true(vmk_BitVectorNextBit(bv, 5, VMK_TRUE, &pos));
   assert_int_equal(pos, 5);                    /* start is included */
   assert_true(vmk_BitVectorNextBit(bv, 6, VMK_TRUE, &pos));
   assert_int_equal(pos, 64);
   assert_true(vmk_BitVectorNextBit(bv, 65, VMK_TRUE, &pos));
   assert_int_equal(pos, 99);
   assert_false(vmk_BitVectorNextBit(bv, 100, VMK_TRUE, &pos));
   assert_true(vmk_BitVectorNextBit(bv, 5, VMK_FALSE, &pos));
   assert_int_equal(pos, 6);
   assert_true(vmk_BitVectorPrevBit(bv, 63, VMK_TRUE, &pos));
   assert_int_equal(pos, 5);
   assert_true(vmk_BitVectorPrevBit(bv, 64, VMK_TRUE, &pos));
   assert_int_equal(pos, 64);
   assert_false(vmk_BitVectorPrevBit(bv, 4, VMK_TRUE, &pos));
   assert_true(vmk_BitVectorPrevBit(bv, 1000, VMK_TRUE, &pos));
   assert_int_equal(pos, 99);                   /* start clamped to n-1 */
   assert_true(vmk_BitVectorPrevBit(bv, 99, VMK_FALSE, &pos));
   assert_int_equal(pos, 98);
   vmk_BitVectorFill(bv);
   assert_false(vmk_BitVectorNextBit(bv, 0, VMK_FALSE, &pos));
   assert_false(vmk_BitVectorPrevBit(bv, 99, VMK_FALSE, &pos));
   vmk_BitVectorFree(TEST_HEAP, bv);
}

static void
test_bitvector_extents_measure_runs(void **state)
{
   vmk_BitVector *bv = bv_new(80);
   vmk_Bool set = VMK_FALSE;
   vmk_uint32 len = 0;
   vmk_uint32 start = 0;

   (void)state;
   assert_int_equal(vmk_BitVectorSetExtent(bv, 10, 50, VMK_TRUE), 50);
   vmk_BitVectorGetExtent(bv, 0, &set, &len);
   assert_false(set);
   assert_int_equal(len, 10);
   vmk_BitVectorGetExtent(bv, 20, &set, &len);
   assert_true(set);
   assert_int_equal(len, 40);
   vmk_BitVectorGetExtent(bv, 60, &set, &len);
   assert_false(set);
   assert_int_equal(len, 20);                  /* runs end at n */
   assert_true(vmk_BitVectorNextExtent(bv, 0, VMK_TRUE, &start, &len));
   assert_int_equal(start, 10);
   assert_int_equal(len, 50);
   assert_true(vmk_BitVectorNextExtent(bv, 30, VMK_FALSE, &start, &len));
   assert_int_equal(start, 60);
   assert_int_equal(len, 20);
   assert_false(vmk_BitVectorNextExtent(bv, 60, VMK_TRUE, &start, &len));
   vmk_BitVectorFree(TEST_HEAP, bv);
}

static void
test_bitvector_set_extent_returns_the_signed_count_of_changed_bits(void **state)
{
   vmk_BitVector *bv = bv_new(200);

   (void)state;
   vmk_BitVectorSet(bv, 40);
   assert_int_equal(vmk_BitVectorSetExtent(bv, 30, 100, VMK_TRUE), 99);
   assert_int_equal(vmk_BitVectorNumBitsSet(bv), 100);
   assert_int_equal(vmk_BitVectorSetExtent(bv, 0, 50, VMK_FALSE), -20);
   assert_int_equal(vmk_BitVectorNumBitsSet(bv), 80);
   assert_false(vmk_BitVectorTest(bv, 49));
   assert_true(vmk_BitVectorTest(bv, 50));
   assert_true(vmk_BitVectorTest(bv, 129));
   assert_false(vmk_BitVectorTest(bv, 130));
   assert_int_equal(vmk_BitVectorSetExtent(bv, 0, 0, VMK_TRUE), 0);
   vmk_BitVectorZap(bv);
   vmk_BitVectorSetExtentFast(bv, 3, 190);
   assert_int_equal(vmk_BitVectorNumBitsSet(bv), 190);
   assert_false(vmk_BitVectorTest(bv, 2));
   assert_true(vmk_BitVectorTest(bv, 192));
   assert_false(vmk_BitVectorTest(bv, 193));
   vmk_BitVectorFree(TEST_HEAP, bv);
}

static void
test_bitvector_extent_past_the_end_is_reported_and_clipped(void **state)
{
   vmk_BitVector *bv = bv_new(40);
   vmk_Bool set;
   vmk_uint32 len = 7;

   (void)state;
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_int_equal(vmk_BitVectorSetExtent(bv, 30, 20, VMK_TRUE), 10);
   assert_reports_met();
   assert_int_equal(bv->vector[1] >> 8, 0);     /* padding still clear */
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   vmk_BitVectorGetExtent(bv, 40, &set, &len);
   assert_reports_met();
   assert_int_equal(len, 0);
   vmk_BitVectorFree(TEST_HEAP, bv);
}

static void
test_bitvector_merge_ors_and_counts_new_bits(void **state)
{
   vmk_BitVector *src = bv_new(64);
   vmk_BitVector *dst = bv_new(64);

   (void)state;
   vmk_BitVectorSet(src, 1);
   vmk_BitVectorSet(src, 2);
   vmk_BitVectorSet(src, 63);
   vmk_BitVectorSet(dst, 2);
   assert_int_equal(vmk_BitVectorMerge(src, dst), 2);
   assert_int_equal(vmk_BitVectorNumBitsSet(dst), 3);
   assert_int_equal(vmk_BitVectorMerge(src, dst), 0);
   vmk_BitVectorFree(TEST_HEAP, src);
   vmk_BitVectorFree(TEST_HEAP, dst);
}

static void
test_bitvector_merge_of_different_sizes_is_reported(void **state)
{
   vmk_BitVector *src = bv_new(64);
   vmk_BitVector *dst = bv_new(10);

   (void)state;
   vmk_BitVectorSet(src, 3);
   vmk_BitVectorSet(src, 40);
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_int_equal(vmk_BitVectorMerge(src, dst), 1);   /* the overlap */
   assert_reports_met();
   assert_int_equal(vmk_BitVectorNumBitsSet(dst), 1);
   vmk_BitVectorFree(TEST_HEAP, src);
   vmk_BitVectorFree(TEST_HEAP, dst);
}

static void
test_bitvector_merge_at_offset_shifts_and_drops_what_falls_off(void **state)
{
   vmk_BitVector *src = bv_new(8);
   vmk_BitVector *dst = bv_new(20);
   vmk_uint32 pos;

   (void)state;
   vmk_BitVectorSet(src, 0);
   vmk_BitVectorSet(src, 7);
   vmk_BitVectorMergeAtOffset(src, dst, 10);
   assert_int_equal(vmk_BitVectorNumBitsSet(dst), 2);
   assert_true(vmk_BitVectorTest(dst, 10));
   assert_true(vmk_BitVectorTest(dst, 17));
   vmk_BitVectorZap(dst);
   vmk_BitVectorMergeAtOffset(src, dst, 15);           /* bit 7 -> 22: off */
   assert_int_equal(vmk_BitVectorNumBitsSet(dst), 1);
   assert_true(vmk_BitVectorNextBit(dst, 0, VMK_TRUE, &pos));
   assert_int_equal(pos, 15);
   vmk_BitVectorMergeAtOffset(src, dst, 20);           /* all off the end */
   assert_int_equal(vmk_BitVectorNumBitsSet(dst), 1);
   vmk_BitVectorFree(TEST_HEAP, src);
   vmk_BitVectorFree(TEST_HEAP, dst);
}

static void
test_bitvector_null_vectors_are_reported(void **state)
{
   vmk_uint32 pos;

   (void)state;
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_int_equal(vmk_BitVectorNumBitsSet(NULL), 0);
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_false(vmk_BitVectorNextBit(NULL, 0, VMK_TRUE, &pos));
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_int_equal(vmk_BitVectorSetExtent(NULL, 0, 1, VMK_TRUE), 0);
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_int_equal(vmk_BitVectorMerge(NULL, NULL), 0);
   assert_reports_met();
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_bitvector_alloc_gives_a_cleared_vector_of_n_bits),
      cmocka_unit_test(test_bitvector_alloc_of_zero_or_too_many_bits_is_null),
      cmocka_unit_test(test_bitvector_alloc_returns_null_when_the_heap_fails),
      cmocka_unit_test(test_bitvector_duplicate_copies_bits),
      cmocka_unit_test(test_bitvector_counts_ignore_bits_past_n),
      cmocka_unit_test(test_bitvector_next_and_prev_bit_find_either_state),
      cmocka_unit_test(test_bitvector_extents_measure_runs),
      cmocka_unit_test(test_bitvector_set_extent_returns_the_signed_count_of_changed_bits),
      cmocka_unit_test(test_bitvector_extent_past_the_end_is_reported_and_clipped),
      cmocka_unit_test(test_bitvector_merge_ors_and_counts_new_bits),
      cmocka_unit_test(test_bitvector_merge_of_different_sizes_is_reported),
      cmocka_unit_test(test_bitvector_merge_at_offset_shifts_and_drops_what_falls_off),
      cmocka_unit_test(test_bitvector_null_vectors_are_reported),
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
