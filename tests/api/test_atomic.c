/*
 * test_atomic.c -- vmk_Atomic*64: the result of every read-modify-write.
 *
 * Each operation is checked for the value it returns (the old value, for
 * the Read* forms) and the value it leaves, including wrap-around at the
 * ends of the 64-bit range; a threaded test checks that the updates are
 * really atomic.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <pthread.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

static void
test_atomic_type_is_eight_bytes_and_aligned(void **state)
{
   vmk_atomic64 a;

   (void)state;
   assert_int_equal(sizeof(vmk_atomic64), 8);
   assert_int_equal(__alignof__(vmk_atomic64), 8);
   assert_int_equal((vmk_uintptr_t)&a % 8, 0);
   /* The hook around operations is callable and does nothing visible. */
   vmk_AtomicPrologue();
   vmk_AtomicEpilogue();
}

static void
test_atomic_read_returns_what_write_stored(void **state)
{
   vmk_atomic64 a;

   (void)state;
   vmk_AtomicWrite64(&a, 0x0123456789abcdefUL);
   assert_int_equal(vmk_AtomicRead64(&a), 0x0123456789abcdefUL);
   vmk_AtomicWrite64(&a, 0);
   assert_int_equal(vmk_AtomicRead64(&a), 0);
}

static void
test_atomic_inc_and_dec_change_by_one_and_wrap(void **state)
{
   vmk_atomic64 a;

   (void)state;
   vmk_AtomicWrite64(&a, 41);
   vmk_AtomicInc64(&a);
   assert_int_equal(vmk_AtomicRead64(&a), 42);
   vmk_AtomicDec64(&a);
   vmk_AtomicDec64(&a);
   assert_int_equal(vmk_AtomicRead64(&a), 40);
   vmk_AtomicWrite64(&a, VMK_UINT64_MAX);
   vmk_AtomicInc64(&a);
   assert_int_equal(vmk_AtomicRead64(&a), 0);
   vmk_AtomicDec64(&a);
   assert_int_equal(vmk_AtomicRead64(&a), VMK_UINT64_MAX);
}

static void
test_atomic_add_and_sub_apply_the_operand(void **state)
{
   vmk_atomic64 a;

   (void)state;
   vmk_AtomicWrite64(&a, 100);
   vmk_AtomicAdd64(&a, 23);
   assert_int_equal(vmk_AtomicRead64(&a), 123);
   vmk_AtomicSub64(&a, 100);
   assert_int_equal(vmk_AtomicRead64(&a), 23);
   vmk_AtomicSub64(&a, 24);
   assert_int_equal(vmk_AtomicRead64(&a), VMK_UINT64_MAX);
   vmk_AtomicAdd64(&a, 2);
   assert_int_equal(vmk_AtomicRead64(&a), 1);
}

static void
test_atomic_or_and_xor_apply_the_bit_operation(void **state)
{
   vmk_atomic64 a;

   (void)state;
   vmk_AtomicWrite64(&a, 0xf0);
   vmk_AtomicOr64(&a, 0x0f00000000000000UL);
   assert_int_equal(vmk_AtomicRead64(&a), 0x0f000000000000f0UL);
   vmk_AtomicAnd64(&a, 0x0f00000000000030UL);
   assert_int_equal(vmk_AtomicRead64(&a), 0x0f00000000000030UL);
   vmk_AtomicXor64(&a, 0x0f000000000000ffUL);
   assert_int_equal(vmk_AtomicRead64(&a), 0xcf);
   vmk_AtomicXor64(&a, 0xcf);
   assert_int_equal(vmk_AtomicRead64(&a), 0);
}

static void
test_atomic_read_write_returns_the_old_value(void **state)
{
   vmk_atomic64 a;

   (void)state;
   vmk_AtomicWrite64(&a, 7);
   assert_int_equal(vmk_AtomicReadWrite64(&a, 9), 7);
   assert_int_equal(vmk_AtomicRead64(&a), 9);
   assert_int_equal(vmk_AtomicReadWrite64(&a, 9), 9);
   assert_int_equal(vmk_AtomicRead64(&a), 9);
}

static void
test_atomic_read_if_equal_write_stores_on_match(void **state)
{
   vmk_atomic64 a;

   (void)state;
   vmk_AtomicWrite64(&a, 4);
   assert_int_equal(vmk_AtomicReadIfEqualWrite64(&a, 4, 10), 4);
   assert_int_equal(vmk_AtomicRead64(&a), 10);
}

static void
test_atomic_read_if_equal_write_leaves_value_on_mismatch(void **state)
{
   vmk_atomic64 a;

   (void)state;
   vmk_AtomicWrite64(&a, 10);
   assert_int_equal(vmk_AtomicReadIfEqualWrite64(&a, 4, 99), 10);
   assert_int_equal(vmk_AtomicRead64(&a), 10);
   /* High bits take part in the comparison. */
   vmk_AtomicWrite64(&a, (1UL << 63) | 4);
   assert_int_equal(vmk_AtomicReadIfEqualWrite64(&a, 4, 99), (1UL << 63) | 4);
   assert_int_equal(vmk_AtomicRead64(&a), (1UL << 63) | 4);
}

static void
test_atomic_read_add_returns_old_value_and_adds(void **state)
{
   vmk_atomic64 a;

   (void)state;
   vmk_AtomicWrite64(&a, 5);
   assert_int_equal(vmk_AtomicReadAdd64(&a, 10), 5);
   assert_int_equal(vmk_AtomicRead64(&a), 15);
   assert_int_equal(vmk_AtomicReadAdd64(&a, VMK_UINT64_MAX), 15);
   assert_int_equal(vmk_AtomicRead64(&a), 14);
}

static void
test_atomic_read_inc_and_read_dec_return_old_value(void **state)
{
   vmk_atomic64 a;

   (void)state;
   vmk_AtomicWrite64(&a, 0);
   assert_int_equal(vmk_AtomicReadInc64(&a), 0);
   assert_int_equal(vmk_AtomicReadInc64(&a), 1);
   assert_int_equal(vmk_AtomicRead64(&a), 2);
   assert_int_equal(vmk_AtomicReadDec64(&a), 2);
   assert_int_equal(vmk_AtomicReadDec64(&a), 1);
   assert_int_equal(vmk_AtomicReadDec64(&a), 0);
   assert_int_equal(vmk_AtomicRead64(&a), VMK_UINT64_MAX);
}

static void
test_atomic_read_or_returns_old_value_and_sets_bits(void **state)
{
   vmk_atomic64 a;

   (void)state;
   vmk_AtomicWrite64(&a, 0x8);
   assert_int_equal(vmk_AtomicReadOr64(&a, 0x3), 0x8);
   assert_int_equal(vmk_AtomicRead64(&a), 0xb);
   assert_int_equal(vmk_AtomicReadOr64(&a, 0x1), 0xb);
   assert_int_equal(vmk_AtomicRead64(&a), 0xb);
}

#define NTHREADS 4
#define NROUNDS 20000

static vmk_atomic64 shared_counter;
static vmk_atomic64 shared_cas;

static void *
hammer(void *arg)
{
   int i;

   (void)arg;
   for (i = 0; i < NROUNDS; i++) {
      vmk_uint64 old;

      vmk_AtomicInc64(&shared_counter);
      vmk_AtomicAdd64(&shared_counter, 3);
      vmk_AtomicSub64(&shared_counter, 2);
      (void)vmk_AtomicReadInc64(&shared_counter);
      /* A compare-and-swap increment loop. */
      do {
         old = vmk_AtomicRead64(&shared_cas);
      } while (vmk_AtomicReadIfEqualWrite64(&shared_cas, old, old + 1) != old);
   }
   return NULL;
}

static void
test_atomic_concurrent_updates_are_not_lost(void **state)
{
   pthread_t t[NTHREADS];
   int i;

   (void)state;
   vmk_AtomicWrite64(&shared_counter, 0);
   vmk_AtomicWrite64(&shared_cas, 0);
   for (i = 0; i < NTHREADS; i++) {
      assert_int_equal(pthread_create(&t[i], NULL, hammer, NULL), 0);
   }
   for (i = 0; i < NTHREADS; i++) {
      assert_int_equal(pthread_join(t[i], NULL), 0);
   }
   assert_int_equal(vmk_AtomicRead64(&shared_counter),
                    (vmk_uint64)NTHREADS * NROUNDS * 3);
   assert_int_equal(vmk_AtomicRead64(&shared_cas),
                    (vmk_uint64)NTHREADS * NROUNDS);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_atomic_type_is_eight_bytes_and_aligned),
      cmocka_unit_test(test_atomic_read_returns_what_write_stored),
      cmocka_unit_test(test_atomic_inc_and_dec_change_by_one_and_wrap),
      cmocka_unit_test(test_atomic_add_and_sub_apply_the_operand),
      cmocka_unit_test(test_atomic_or_and_xor_apply_the_bit_operation),
      cmocka_unit_test(test_atomic_read_write_returns_the_old_value),
      cmocka_unit_test(test_atomic_read_if_equal_write_stores_on_match),
      cmocka_unit_test(test_atomic_read_if_equal_write_leaves_value_on_mismatch),
      cmocka_unit_test(test_atomic_read_add_returns_old_value_and_adds),
      cmocka_unit_test(test_atomic_read_inc_and_read_dec_return_old_value),
      cmocka_unit_test(test_atomic_read_or_returns_old_value_and_sets_bits),
      cmocka_unit_test(test_atomic_concurrent_updates_are_not_lost),
   };

   return cmocka_run_group_tests_name("atomic", tests, emutest_group_setup,
                                      emutest_group_teardown);
}
