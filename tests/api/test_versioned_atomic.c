/*
 * test_versioned_atomic.c -- vmk_VersionedAtomic: a seqlock-like version
 * pair that lets readers detect a concurrent writer and retry.
 *
 * Single-threaded tests pin down when a read is valid; a threaded test has
 * one writer keep two fields equal while readers check that every read
 * the versions call valid saw them equal.
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
test_versioned_atomic_read_without_writer_is_valid(void **state)
{
   vmk_VersionedAtomic va;
   vmk_uint32 v;

   (void)state;
   vmk_VersionedAtomicInit(&va);
   v = vmk_VersionedAtomicBeginTryRead(&va);
   assert_true(vmk_VersionedAtomicEndTryRead(&va, v));
}

static void
test_versioned_atomic_read_overlapping_a_write_is_invalid(void **state)
{
   vmk_VersionedAtomic va;
   vmk_uint32 v;

   (void)state;
   vmk_VersionedAtomicInit(&va);
   v = vmk_VersionedAtomicBeginTryRead(&va);
   vmk_VersionedAtomicBeginWrite(&va);
   assert_false(vmk_VersionedAtomicEndTryRead(&va, v));
   vmk_VersionedAtomicEndWrite(&va);
   assert_false(vmk_VersionedAtomicEndTryRead(&va, v));
}

static void
test_versioned_atomic_read_begun_during_a_write_is_invalid(void **state)
{
   vmk_VersionedAtomic va;
   vmk_uint32 v;

   (void)state;
   vmk_VersionedAtomicInit(&va);
   vmk_VersionedAtomicBeginWrite(&va);
   v = vmk_VersionedAtomicBeginTryRead(&va);
   assert_false(vmk_VersionedAtomicEndTryRead(&va, v));
   vmk_VersionedAtomicEndWrite(&va);
   assert_false(vmk_VersionedAtomicEndTryRead(&va, v));
}

static void
test_versioned_atomic_read_after_a_completed_write_is_valid(void **state)
{
   vmk_VersionedAtomic va;
   vmk_uint32 before;
   vmk_uint32 after;

   (void)state;
   vmk_VersionedAtomicInit(&va);
   before = vmk_VersionedAtomicBeginTryRead(&va);
   vmk_VersionedAtomicBeginWrite(&va);
   vmk_VersionedAtomicEndWrite(&va);
   after = vmk_VersionedAtomicBeginTryRead(&va);
   assert_int_not_equal(before, after);
   assert_true(vmk_VersionedAtomicEndTryRead(&va, after));
}

static void
test_versioned_atomic_many_writes_keep_versions_consistent(void **state)
{
   vmk_VersionedAtomic va;
   vmk_uint32 v;
   int i;

   (void)state;
   vmk_VersionedAtomicInit(&va);
   for (i = 0; i < 1000; i++) {
      vmk_VersionedAtomicBeginWrite(&va);
      vmk_VersionedAtomicEndWrite(&va);
   }
   assert_int_equal(va.v0, va.v1);
   v = vmk_VersionedAtomicBeginTryRead(&va);
   assert_true(vmk_VersionedAtomicEndTryRead(&va, v));
}

#define NREADERS 3
#define NWRITES 50000

static vmk_VersionedAtomic shared_va;
static volatile vmk_uint64 field_a;
static volatile vmk_uint64 field_b;
static vmk_atomic64 writer_done;
static vmk_atomic64 torn_reads;
static vmk_atomic64 valid_reads;

static void *
writer(void *arg)
{
   vmk_uint64 i;

   (void)arg;
   for (i = 1; i <= NWRITES; i++) {
      vmk_VersionedAtomicBeginWrite(&shared_va);
      /* Relaxed atomics: the data a seqlock guards is read while it may
       * change; that is the protocol, not a race to report. */
      __atomic_store_n(&field_a, i, __ATOMIC_RELAXED);
      __atomic_store_n(&field_b, i, __ATOMIC_RELAXED);
      vmk_VersionedAtomicEndWrite(&shared_va);
   }
   vmk_AtomicWrite64(&writer_done, 1);
   return NULL;
}

static void *
reader(void *arg)
{
   (void)arg;
   while (vmk_AtomicRead64(&writer_done) == 0) {
      vmk_uint32 v = vmk_VersionedAtomicBeginTryRead(&shared_va);
      vmk_uint64 a = __atomic_load_n(&field_a, __ATOMIC_RELAXED);
      vmk_uint64 b = __atomic_load_n(&field_b, __ATOMIC_RELAXED);

      if (vmk_VersionedAtomicEndTryRead(&shared_va, v)) {
         vmk_AtomicInc64(&valid_reads);
         if (a != b) {
            vmk_AtomicInc64(&torn_reads);
         }
      }
   }
   return NULL;
}

static void
test_versioned_atomic_valid_reads_never_see_a_torn_update(void **state)
{
   pthread_t w;
   pthread_t r[NREADERS];
   int i;

   (void)state;
   vmk_VersionedAtomicInit(&shared_va);
   vmk_AtomicWrite64(&writer_done, 0);
   vmk_AtomicWrite64(&torn_reads, 0);
   vmk_AtomicWrite64(&valid_reads, 0);
   for (i = 0; i < NREADERS; i++) {
      assert_int_equal(pthread_create(&r[i], NULL, reader, NULL), 0);
   }
   assert_int_equal(pthread_create(&w, NULL, writer, NULL), 0);
   assert_int_equal(pthread_join(w, NULL), 0);
   for (i = 0; i < NREADERS; i++) {
      assert_int_equal(pthread_join(r[i], NULL), 0);
   }
   assert_int_equal(vmk_AtomicRead64(&torn_reads), 0);
   assert_int_equal(field_a, NWRITES);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_versioned_atomic_read_without_writer_is_valid),
      cmocka_unit_test(test_versioned_atomic_read_overlapping_a_write_is_invalid),
      cmocka_unit_test(test_versioned_atomic_read_begun_during_a_write_is_invalid),
      cmocka_unit_test(test_versioned_atomic_read_after_a_completed_write_is_valid),
      cmocka_unit_test(test_versioned_atomic_many_writes_keep_versions_consistent),
      cmocka_unit_test(test_versioned_atomic_valid_reads_never_see_a_torn_update),
   };

   return cmocka_run_group_tests_name("versioned_atomic", tests,
                                      emutest_group_setup,
                                      emutest_group_teardown);
}
