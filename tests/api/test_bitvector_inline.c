/*
 * test_bitvector_inline.c -- the inline vmk_BitVector operations.
 *
 * Only what lib/vmkapi_bitvector.h implements inline: set, clear, test,
 * atomic test-and-set/clear, fill, zap, byte references, the iteration
 * macros and vmk_BitVectorSize.  The vectors are built by hand in a word
 * array (n, nwords, then the bit words: the layout the header declares),
 * so no heap is needed; the extern functions are tested elsewhere.
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

#define MAXWORDS 8

typedef struct HandBitVector {
   /* words[0] = n, words[1] = nwords, words[2..] = bits, words[last] guard. */
   vmk_uint32 words[2 + MAXWORDS + 1];
} HandBitVector;

#define GUARD 0xa5a5a5a5u

static vmk_BitVector *
hand_make(HandBitVector *h, vmk_uint32 nbits)
{
   vmk_BitVector *bv = (vmk_BitVector *)h->words;

   memset(h, 0x5a, sizeof *h);
   bv->n = nbits;
   bv->nwords = (nbits + 31) / 32;
   h->words[2 + bv->nwords] = GUARD;
   vmk_BitVectorZap(bv);
   return bv;
}

static void
test_bitvector_layout_is_n_nwords_then_words(void **state)
{
   (void)state;
   assert_int_equal(offsetof(vmk_BitVector, n), 0);
   assert_int_equal(offsetof(vmk_BitVector, nwords), 4);
   assert_int_equal(offsetof(vmk_BitVector, vector), 8);
   assert_int_equal(vmk_BitVectorSize(1), 12);
   assert_int_equal(vmk_BitVectorSize(32), 12);
   assert_int_equal(vmk_BitVectorSize(33), 16);
   assert_int_equal(vmk_BitVectorSize(40), 16);
   assert_int_equal(vmk_BitVectorSize(256), 8 + 32);
}

static void
test_bitvector_zap_clears_every_word_and_nothing_past_it(void **state)
{
   HandBitVector h;
   vmk_BitVector *bv = hand_make(&h, 70);
   vmk_uint32 i;

   (void)state;
   for (i = 0; i < bv->nwords; i++) {
      assert_int_equal(bv->vector[i], 0);
   }
   assert_int_equal(h.words[2 + 3], GUARD);
   for (i = 0; i < 70; i++) {
      assert_false(vmk_BitVectorTest(bv, i));
   }
}

static void
test_bitvector_set_and_clear_touch_only_their_bit(void **state)
{
   HandBitVector h;
   vmk_BitVector *bv = hand_make(&h, 96);
   vmk_uint32 i;

   (void)state;
   vmk_BitVectorSet(bv, 0);
   vmk_BitVectorSet(bv, 31);
   vmk_BitVectorSet(bv, 32);
   vmk_BitVectorSet(bv, 95);
   assert_int_equal(bv->vector[0], 0x80000001u);
   assert_int_equal(bv->vector[1], 0x00000001u);
   assert_int_equal(bv->vector[2], 0x80000000u);
   for (i = 0; i < 96; i++) {
      assert_int_equal(vmk_BitVectorTest(bv, i) != 0,
                       i == 0 || i == 31 || i == 32 || i == 95);
   }
   vmk_BitVectorSet(bv, 31);               /* setting twice is harmless */
   vmk_BitVectorClear(bv, 31);
   assert_false(vmk_BitVectorTest(bv, 31));
   assert_true(vmk_BitVectorTest(bv, 0));
   vmk_BitVectorClear(bv, 31);             /* clearing twice too */
   assert_int_equal(bv->vector[0], 1);
   assert_int_equal(h.words[2 + 3], GUARD);
}

static void
test_bitvector_test_returns_one_for_a_set_bit(void **state)
{
   HandBitVector h;
   vmk_BitVector *bv = hand_make(&h, 40);

   (void)state;
   vmk_BitVectorSet(bv, 37);
   assert_int_equal(vmk_BitVectorTest(bv, 37), 1);
   assert_int_equal(vmk_BitVectorTest(bv, 36), 0);
}

static void
test_bitvector_atomic_test_and_set_returns_the_previous_bit(void **state)
{
   HandBitVector h;
   vmk_BitVector *bv = hand_make(&h, 64);

   (void)state;
   assert_int_equal(vmk_BitVectorAtomicTestAndSet(bv, 40), 0);
   assert_true(vmk_BitVectorTest(bv, 40));
   assert_int_equal(vmk_BitVectorAtomicTestAndSet(bv, 40), 1);
   assert_true(vmk_BitVectorTest(bv, 40));
   assert_int_equal(bv->vector[1], 1u << 8);
}

static void
test_bitvector_atomic_test_and_clear_returns_the_previous_bit(void **state)
{
   HandBitVector h;
   vmk_BitVector *bv = hand_make(&h, 64);

   (void)state;
   vmk_BitVectorSet(bv, 63);
   vmk_BitVectorSet(bv, 62);
   assert_int_equal(vmk_BitVectorAtomicTestAndClear(bv, 63), 1);
   assert_false(vmk_BitVectorTest(bv, 63));
   assert_int_equal(vmk_BitVectorAtomicTestAndClear(bv, 63), 0);
   assert_true(vmk_BitVectorTest(bv, 62));
}

static void
test_bitvector_fill_sets_bits_below_n_only(void **state)
{
   HandBitVector h;
   vmk_BitVector *bv = hand_make(&h, 40);
   vmk_uint32 i;

   (void)state;
   vmk_BitVectorFill(bv);
   for (i = 0; i < 40; i++) {
      assert_true(vmk_BitVectorTest(bv, i));
   }
   assert_int_equal(bv->vector[0], 0xffffffffu);
   assert_int_equal(bv->vector[1], 0xffu);   /* padding past n stays clear */
   assert_int_equal(h.words[2 + 2], GUARD);
   bv = hand_make(&h, 64);
   vmk_BitVectorFill(bv);
   assert_int_equal(bv->vector[1], 0xffffffffu);
   assert_int_equal(h.words[2 + 2], GUARD);
}

static void
test_bitvector_get_ref_points_at_a_byte_of_the_bits(void **state)
{
   HandBitVector h;
   vmk_BitVector *bv = hand_make(&h, 64);
   vmk_uint8 *p;

   (void)state;
   p = vmk_BitVectorGetRef(bv, 0, 8);
   assert_ptr_equal(p, (vmk_uint8 *)bv->vector);
   p = vmk_BitVectorGetRef(bv, 5, 1);
   assert_ptr_equal(p, (vmk_uint8 *)bv->vector + 5);
   *p = 0x81;                                 /* bits 40 and 47 */
   assert_true(vmk_BitVectorTest(bv, 40));
   assert_true(vmk_BitVectorTest(bv, 47));
   assert_false(vmk_BitVectorTest(bv, 41));
}

static void
test_bitvector_iterate_visits_set_bits_in_order(void **state)
{
   HandBitVector h;
   vmk_BitVector *bv = hand_make(&h, 100);
   static const vmk_uint32 set[] = { 0, 3, 31, 32, 64, 99 };
   vmk_uint32 seen[8];
   vmk_uint32 n = 0;
   vmk_uint32 bit;
   size_t i;

   (void)state;
   for (i = 0; i < sizeof set / sizeof set[0]; i++) {
      vmk_BitVectorSet(bv, set[i]);
   }
   VMK_BITVECTOR_ITERATE(bv, bit) {
      assert_true(n < 8);
      seen[n++] = bit;
   } VMK_BITVECTOR_ENDITERATE();
   assert_int_equal(n, sizeof set / sizeof set[0]);
   for (i = 0; i < n; i++) {
      assert_int_equal(seen[i], set[i]);
   }
   /* Iteration leaves the vector unchanged. */
   assert_true(vmk_BitVectorTest(bv, 99));
}

static void
test_bitvector_iterate_and_clear_empties_the_vector(void **state)
{
   HandBitVector h;
   vmk_BitVector *bv = hand_make(&h, 40);
   vmk_uint32 bit;
   vmk_uint32 sum = 0;
   vmk_uint32 count = 0;

   (void)state;
   vmk_BitVectorFill(bv);
   VMK_BITVECTOR_ITERATE_AND_CLEAR(bv, bit) {
      sum += bit;
      count++;
   } VMK_BITVECTOR_ENDITERATE();
   assert_int_equal(count, 40);
   assert_int_equal(sum, 39 * 40 / 2);
   assert_int_equal(bv->vector[0], 0);
   assert_int_equal(bv->vector[1], 0);
}

static void
test_bitvector_iterate_over_an_empty_vector_does_nothing(void **state)
{
   HandBitVector h;
   vmk_BitVector *bv = hand_make(&h, 64);
   vmk_uint32 bit;
   int count = 0;

   (void)state;
   VMK_BITVECTOR_ITERATE(bv, bit) {
      (void)bit;
      count++;
   } VMK_BITVECTOR_ENDITERATE();
   assert_int_equal(count, 0);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_bitvector_layout_is_n_nwords_then_words),
      cmocka_unit_test(test_bitvector_zap_clears_every_word_and_nothing_past_it),
      cmocka_unit_test(test_bitvector_set_and_clear_touch_only_their_bit),
      cmocka_unit_test(test_bitvector_test_returns_one_for_a_set_bit),
      cmocka_unit_test(test_bitvector_atomic_test_and_set_returns_the_previous_bit),
      cmocka_unit_test(test_bitvector_atomic_test_and_clear_returns_the_previous_bit),
      cmocka_unit_test(test_bitvector_fill_sets_bits_below_n_only),
      cmocka_unit_test(test_bitvector_get_ref_points_at_a_byte_of_the_bits),
      cmocka_unit_test(test_bitvector_iterate_visits_set_bits_in_order),
      cmocka_unit_test(test_bitvector_iterate_and_clear_empties_the_vector),
      cmocka_unit_test(test_bitvector_iterate_over_an_empty_vector_does_nothing),
   };

   return cmocka_run_group_tests_name("bitvector_inline", tests,
                                      emutest_group_setup,
                                      emutest_group_teardown);
}
