/*
 * test_heap.c -- heaps as a driver sees them: sizes, the maximum, memory
 * that is machine memory, leaks named by caller, misuse.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <pthread.h>
#include <unistd.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

#define GiB (1ull << 30)

static vmk_HeapID
heap_new(const char *name, vmk_HeapType type, vmk_ByteCountSmall initial,
         vmk_ByteCountSmall max, vmk_MemPhysAddrConstraint range,
         vmk_MemPool pool)
{
   vmk_HeapCreateProps props;
   vmk_HeapID heap = VMK_INVALID_HEAP_ID;

   memset(&props, 0, sizeof props);
   props.type = type;
   vmk_NameInitialize(&props.name, name);
   props.initial = initial;
   props.max = max;
   props.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   if (type == VMK_HEAP_TYPE_CUSTOM) {
      props.typeSpecific.custom.physContiguity = VMK_MEM_PHYS_CONTIGUOUS;
      props.typeSpecific.custom.physRange = range;
   } else if (type == VMK_HEAP_TYPE_MEMPOOL) {
      props.typeSpecific.memPool.physContiguity = VMK_MEM_PHYS_CONTIGUOUS;
      props.typeSpecific.memPool.physRange = range;
      props.typeSpecific.memPool.memPool = pool;
   }
   assert_vmk_ok(vmk_HeapCreate(&props, &heap));
   return heap;
}

static void
test_alloc_gives_writable_machine_memory_of_every_size(void **state)
{
   vmk_HeapID heap = heap_new("sizes", VMK_HEAP_TYPE_SIMPLE, 0, 8 << 20,
                              VMK_PHYS_ADDR_ANY, NULL);
   static const vmk_uint32 sizes[] = { 0, 1, 15, 16, 17, 100, 128, 129, 1000,
                                       4095, 4096, 4097, 10000, 100000 };
   void *p[sizeof sizes / sizeof sizes[0]];
   EmuCtl_HeapUsage u;
   unsigned i;

   (void)state;
   for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
      vmk_MA ma;

      p[i] = vmk_HeapAlloc(heap, sizes[i]);
      assert_non_null(p[i]);
      assert_int_equal((uintptr_t)p[i] % 16, 0);
      memset(p[i], 0xab, sizes[i]);
      assert_vmk_ok(vmk_VA2MA((vmk_VA)(uintptr_t)p[i], sizes[i] ? sizes[i] : 1,
                              &ma));
   }
   assert_vmk_ok(EmuCtl_HeapGetUsage(heap, &u));
   assert_int_equal(u.liveAllocations, sizeof sizes / sizeof sizes[0]);
   for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
      vmk_HeapFree(heap, p[i]);
   }
   assert_vmk_ok(EmuCtl_HeapGetUsage(heap, &u));
   assert_int_equal(u.liveAllocations, 0);
   assert_int_equal(u.chargedBytes, 0);
   vmk_HeapDestroy(heap);
}

static void
test_heap_max_is_enforced_exactly(void **state)
{
   /* 64-byte allocations are charged 64 bytes: 1000 of them fit 64000. */
   vmk_HeapAllocationDescriptor d = { 64, 0, 1000 };
   vmk_ByteCount max;
   vmk_HeapID heap;
   void *p[1001];
   int i;

   (void)state;
   assert_vmk_ok(vmk_HeapDetermineMaxSize(&d, 1, &max));
   assert_int_equal(max, 64000);
   heap = heap_new("max", VMK_HEAP_TYPE_SIMPLE, 0, (vmk_ByteCountSmall)max,
                   VMK_PHYS_ADDR_ANY, NULL);
   for (i = 0; i < 1000; i++) {
      p[i] = vmk_HeapAlloc(heap, 64);
      assert_non_null(p[i]);
   }
   assert_null(vmk_HeapAlloc(heap, 64));
   assert_null(vmk_HeapAlloc(heap, 1));
   vmk_HeapFree(heap, p[999]);
   p[999] = vmk_HeapAlloc(heap, 64);
   assert_non_null(p[999]);
   assert_null(vmk_HeapAlloc(heap, 16));
   for (i = 0; i < 1000; i++) {
      vmk_HeapFree(heap, p[i]);
   }
   /* A large allocation counts its page-rounded size. */
   p[0] = vmk_HeapAlloc(heap, 60000);
   assert_non_null(p[0]);
   assert_null(vmk_HeapAlloc(heap, 4097));
   vmk_HeapFree(heap, p[0]);
   vmk_HeapDestroy(heap);
}

static void
test_heap_max_smaller_than_a_cluster_still_serves_small_allocations(void **state)
{
   vmk_HeapID heap = heap_new("tiny", VMK_HEAP_TYPE_SIMPLE, 0, 1024,
                              VMK_PHYS_ADDR_ANY, NULL);
   void *p[64];
   int i;

   (void)state;
   for (i = 0; i < 64; i++) {
      p[i] = vmk_HeapAlloc(heap, 16);
      assert_non_null(p[i]);
   }
   assert_null(vmk_HeapAlloc(heap, 16));
   for (i = 0; i < 64; i++) {
      vmk_HeapFree(heap, p[i]);
   }
   vmk_HeapDestroy(heap);
}

static void
test_custom_heap_below_4gb_gives_memory_below_4gb(void **state)
{
   vmk_HeapID heap = heap_new("low", VMK_HEAP_TYPE_CUSTOM, 0, 16 << 20,
                              VMK_PHYS_ADDR_BELOW_4GB, NULL);
   void *p[100];
   int i;

   (void)state;
   for (i = 0; i < 100; i++) {
      vmk_MA ma;
      vmk_uint32 sz = i % 2 ? 48 : 20000;

      p[i] = vmk_HeapAlloc(heap, sz);
      assert_non_null(p[i]);
      assert_vmk_ok(vmk_VA2MA((vmk_VA)(uintptr_t)p[i], sz, &ma));
      assert_true(ma + sz <= 4 * GiB);
   }
   for (i = 0; i < 100; i++) {
      vmk_HeapFree(heap, p[i]);
   }
   vmk_HeapDestroy(heap);
}

static void
test_mempool_heap_charges_its_pool_and_initial_is_taken_at_create(void **state)
{
   vmk_MemPoolProps pp;
   vmk_MemPool pool;
   vmk_uint64 used;
   vmk_HeapID heap;
   vmk_HeapGetProps gp;
   void *p;

   (void)state;
   memset(&pp, 0, sizeof pp);
   vmk_NameInitialize(&pp.name, "heap-pool");
   pp.memPoolType = VMK_MEM_POOL_LEAF;
   pp.resourceProps.limit = 64;     /* 256 KiB */
   assert_vmk_ok(vmk_MemPoolCreate(&pp, &pool));
   heap = heap_new("pooled", VMK_HEAP_TYPE_MEMPOOL, 128 * 1024, 1 << 20,
                   VMK_PHYS_ADDR_ANY, pool);
   assert_vmk_ok(EmuCtl_MemPoolGetUsage(pool, &used));
   assert_int_equal(used, 32);
   assert_vmk_ok(vmk_HeapGetProperties(heap, &gp));
   assert_int_equal(gp.initial, 128 * 1024);
   assert_int_equal(gp.max, 1 << 20);
   assert_ptr_equal(gp.memPool, pool);
   assert_string_equal(gp.name.string, "pooled");
   /* The pool's limit bounds the heap before its own max does. */
   p = vmk_HeapAlloc(heap, 100000);
   assert_non_null(p);
   assert_null(vmk_HeapAlloc(heap, 200000));
   assert_vmk_status(vmk_MemPoolDestroy(pool), VMK_BUSY);
   vmk_HeapFree(heap, p);
   vmk_HeapDestroy(heap);
   assert_vmk_ok(EmuCtl_MemPoolGetUsage(pool, &used));
   assert_int_equal(used, 0);
   assert_vmk_ok(vmk_MemPoolDestroy(pool));
}

/*
 * A size class's cluster (64 KiB, 64 KiB aligned) costs the pool exactly
 * its 16 pages: the heap's arena imports no alignment slack.
 */
static void
test_mempool_heap_small_classes_charge_the_pool_their_clusters_only(
   void **state)
{
   vmk_MemPoolProps pp;
   vmk_MemPool pool;
   vmk_uint64 used;
   vmk_HeapID heap;
   void *a;
   void *b;

   (void)state;
   memset(&pp, 0, sizeof pp);
   vmk_NameInitialize(&pp.name, "class-pool");
   pp.memPoolType = VMK_MEM_POOL_LEAF;
   assert_vmk_ok(vmk_MemPoolCreate(&pp, &pool));
   heap = heap_new("classes", VMK_HEAP_TYPE_MEMPOOL, 0, 1 << 20,
                   VMK_PHYS_ADDR_ANY, pool);
   assert_vmk_ok(EmuCtl_MemPoolGetUsage(pool, &used));
   assert_int_equal(used, 0);
   a = vmk_HeapAlloc(heap, 16);
   assert_non_null(a);
   assert_vmk_ok(EmuCtl_MemPoolGetUsage(pool, &used));
   assert_int_equal(used, 16);
   b = vmk_HeapAlloc(heap, 200);          /* another class: one more */
   assert_non_null(b);
   assert_vmk_ok(EmuCtl_MemPoolGetUsage(pool, &used));
   assert_int_equal(used, 32);
   vmk_HeapFree(heap, a);
   vmk_HeapFree(heap, b);
   vmk_HeapDestroy(heap);
   assert_vmk_ok(EmuCtl_MemPoolGetUsage(pool, &used));
   assert_int_equal(used, 0);
   assert_vmk_ok(vmk_MemPoolDestroy(pool));
}

static void
test_create_rejects_bad_props(void **state)
{
   vmk_HeapCreateProps props;
   vmk_HeapID heap;

   (void)state;
   memset(&props, 0, sizeof props);
   props.type = VMK_HEAP_TYPE_SIMPLE;
   vmk_NameInitialize(&props.name, "bad");
   props.initial = 2048;
   props.max = 1024;
   assert_vmk_status(vmk_HeapCreate(&props, &heap), VMK_BAD_PARAM);
   props.initial = 0;
   props.max = 0;
   assert_vmk_status(vmk_HeapCreate(&props, &heap), VMK_BAD_PARAM);
   props.max = 4096;
   props.type = (vmk_HeapType)9;
   assert_vmk_status(vmk_HeapCreate(&props, &heap), VMK_BAD_PARAM);
   props.type = VMK_HEAP_TYPE_MEMPOOL;
   props.typeSpecific.memPool.memPool = VMK_MEMPOOL_INVALID;
   assert_vmk_status(vmk_HeapCreate(&props, &heap), VMK_BAD_PARAM);
   props.type = VMK_HEAP_TYPE_SIMPLE;
   vmk_NameInitialize(&props.name, "");
   assert_vmk_status(vmk_HeapCreate(&props, &heap), VMK_BAD_PARAM);
   assert_vmk_status(vmk_HeapCreate(NULL, &heap), VMK_BAD_PARAM);
}

static void
test_align_honours_power_of_two_alignments(void **state)
{
   vmk_HeapID heap = heap_new("align", VMK_HEAP_TYPE_SIMPLE, 0, 4 << 20,
                              VMK_PHYS_ADDR_ANY, NULL);
   vmk_uint32 a;

   (void)state;
   for (a = 1; a <= (1u << 20); a <<= 1) {
      void *p = vmk_HeapAlign(heap, 100, a);

      assert_non_null(p);
      assert_int_equal((uintptr_t)p % a, 0);
      vmk_HeapFree(heap, p);
   }
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_null(vmk_HeapAlign(heap, 100, 48));
   assert_int_equal(EmuCtl_CheckReports(), 0);
   vmk_HeapDestroy(heap);
}

static void
test_alloc_fails_when_heap_fault_is_injected(void **state)
{
   vmk_HeapID heap = heap_new("fault", VMK_HEAP_TYPE_SIMPLE, 0, 1 << 20,
                              VMK_PHYS_ADDR_ANY, NULL);
   void *p;

   (void)state;
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_HEAP, 1);
   assert_null(vmk_HeapAlloc(heap, 32));
   p = vmk_HeapAlloc(heap, 32);
   assert_non_null(p);
   vmk_HeapFree(heap, p);
   vmk_HeapDestroy(heap);
}

typedef struct waiter_arg {
   vmk_HeapID heap;
   void      *p;
} waiter_arg_t;

static void *
waiter(void *arg)
{
   waiter_arg_t *w = arg;

   w->p = vmk_HeapAllocWithTimeout(w->heap, 64, 5000);
   return NULL;
}

static void
test_timed_alloc_waits_for_a_free(void **state)
{
   vmk_HeapID heap = heap_new("timed", VMK_HEAP_TYPE_SIMPLE, 0, 64,
                              VMK_PHYS_ADDR_ANY, NULL);
   void *p = vmk_HeapAlloc(heap, 64);
   waiter_arg_t w = { heap, NULL };
   pthread_t t;

   (void)state;
   assert_non_null(p);
   assert_null(vmk_HeapAllocWithTimeout(heap, 64, 20));
   assert_int_equal(pthread_create(&t, NULL, waiter, &w), 0);
   usleep(20000);
   vmk_HeapFree(heap, p);
   pthread_join(t, NULL);
   assert_non_null(w.p);
   vmk_HeapFree(heap, w.p);
   vmk_HeapDestroy(heap);
}

/*
 * Objects another thread freed stay in its magazines, charged to the heap
 * (so the fast paths touch no budget): at most two magazines of 4 KiB per
 * size class, which the thread gives back when it exits.
 */
typedef struct parker_arg {
   vmk_HeapID         heap;
   pthread_barrier_t *bar;
} parker_arg_t;

static void *
parker(void *arg)
{
   parker_arg_t *a = arg;
   static void *p[60];
   int i;

   for (i = 0; i < 60; i++) {
      p[i] = vmk_HeapAlloc(a->heap, 1024);
      assert_non_null(p[i]);
   }
   for (i = 0; i < 60; i++) {
      vmk_HeapFree(a->heap, p[i]);
   }
   pthread_barrier_wait(a->bar);       /* freed: main allocates */
   pthread_barrier_wait(a->bar);       /* main is done: exit */
   return NULL;
}

static void
test_another_threads_freed_objects_count_until_it_exits(void **state)
{
   vmk_HeapID heap = heap_new("parked", VMK_HEAP_TYPE_SIMPLE, 0, 100 * 1024,
                              VMK_PHYS_ADDR_ANY, NULL);
   static void *p[101];
   pthread_barrier_t bar;
   parker_arg_t a = { heap, &bar };
   pthread_t t;
   int n = 0;
   int m;

   (void)state;
   assert_int_equal(pthread_barrier_init(&bar, NULL, 2), 0);
   assert_int_equal(pthread_create(&t, NULL, parker, &a), 0);
   pthread_barrier_wait(&bar);
   while (n < 101 && (p[n] = vmk_HeapAlloc(heap, 1024)) != NULL) {
      n++;
   }
   /* 100 fit; the other thread keeps at most 2 x 4096 / 1024 of its 60. */
   assert_true(n <= 100);
   assert_true(n >= 100 - 2 * 4096 / 1024);
   pthread_barrier_wait(&bar);
   pthread_join(t, NULL);
   /* Its exit gave them back: the heap is full at exactly 100 again. */
   m = n;
   while (m < 101 && (p[m] = vmk_HeapAlloc(heap, 1024)) != NULL) {
      m++;
   }
   assert_int_equal(m, 100);
   while (m > 0) {
      vmk_HeapFree(heap, p[--m]);
   }
   pthread_barrier_destroy(&bar);
   vmk_HeapDestroy(heap);
}

static void
test_double_free_is_reported(void **state)
{
   vmk_HeapID heap = heap_new("df", VMK_HEAP_TYPE_SIMPLE, 0, 1 << 20,
                              VMK_PHYS_ADDR_ANY, NULL);
   void *p = vmk_HeapAlloc(heap, 40);
   void *big = vmk_HeapAlloc(heap, 20000);

   (void)state;
   vmk_HeapFree(heap, p);
   EmuCtl_ExpectReport(EMUCTL_REPORT_DOUBLE_FREE);
   vmk_HeapFree(heap, p);
   assert_int_equal(EmuCtl_CheckReports(), 0);
   vmk_HeapFree(heap, big);
   EmuCtl_ExpectReport(EMUCTL_REPORT_DOUBLE_FREE);
   vmk_HeapFree(heap, big);
   assert_int_equal(EmuCtl_CheckReports(), 0);
   vmk_HeapDestroy(heap);
}

static void
test_free_to_the_wrong_heap_is_reported(void **state)
{
   vmk_HeapID a = heap_new("a", VMK_HEAP_TYPE_SIMPLE, 0, 1 << 20,
                           VMK_PHYS_ADDR_ANY, NULL);
   vmk_HeapID b = heap_new("b", VMK_HEAP_TYPE_SIMPLE, 0, 1 << 20,
                           VMK_PHYS_ADDR_ANY, NULL);
   void *p = vmk_HeapAlloc(a, 40);
   void *big = vmk_HeapAlloc(a, 9000);
   void *q = vmk_HeapAlloc(b, 40);

   (void)state;
   EmuCtl_ExpectReport(EMUCTL_REPORT_WRONG_CACHE);
   vmk_HeapFree(b, p);
   assert_int_equal(EmuCtl_CheckReports(), 0);
   EmuCtl_ExpectReport(EMUCTL_REPORT_WRONG_CACHE);
   vmk_HeapFree(b, big);
   assert_int_equal(EmuCtl_CheckReports(), 0);
   vmk_HeapFree(a, p);
   vmk_HeapFree(a, big);
   vmk_HeapFree(b, q);
   vmk_HeapDestroy(a);
   vmk_HeapDestroy(b);
}

static void
test_interior_pointer_free_is_reported(void **state)
{
   vmk_HeapID heap = heap_new("interior", VMK_HEAP_TYPE_SIMPLE, 0, 1 << 20,
                              VMK_PHYS_ADDR_ANY, NULL);
   char *p = vmk_HeapAlloc(heap, 100);
   char *big = vmk_HeapAlloc(heap, 10000);
   int stack_object;

   (void)state;
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISALIGNED_FREE);
   vmk_HeapFree(heap, p + 8);
   assert_int_equal(EmuCtl_CheckReports(), 0);
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISALIGNED_FREE);
   vmk_HeapFree(heap, big + 4096);
   assert_int_equal(EmuCtl_CheckReports(), 0);
   EmuCtl_ExpectReport(EMUCTL_REPORT_BAD_FREE);
   vmk_HeapFree(heap, &stack_object);
   assert_int_equal(EmuCtl_CheckReports(), 0);
   vmk_HeapFree(heap, p);
   vmk_HeapFree(heap, big);
   vmk_HeapDestroy(heap);
}

static void __attribute__((noinline))
leaky_driver_function(vmk_HeapID heap)
{
   assert_non_null(vmk_HeapAlloc(heap, 24));
   assert_non_null(vmk_HeapAlloc(heap, 5000));
}

static void
test_destroy_with_live_allocations_reports_each_leak_with_caller(void **state)
{
   vmk_HeapID heap = heap_new("leaky", VMK_HEAP_TYPE_SIMPLE, 0, 1 << 20,
                              VMK_PHYS_ADDR_ANY, NULL);
   char text[4096];

   (void)state;
   leaky_driver_function(heap);
   EmuCtl_ExpectReport(EMUCTL_REPORT_LEAK);
   vmk_HeapDestroy(heap);
   assert_int_equal(EmuCtl_CheckReports(), 0);
   EmuCtl_LastReport(text, sizeof text);
   assert_non_null(strstr(text, "leaky"));
   assert_non_null(strstr(text, "24 bytes"));
   assert_non_null(strstr(text, "5000 bytes"));
   /* Symbolized: function+offset (dynamic symbols), file:line (debug info). */
   assert_true(strstr(text, "leaky_driver_function") != NULL ||
               strstr(text, "test_heap.c:") != NULL);
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_HEAP), 0);
}

static void
test_destroy_sync_times_out_while_allocations_live(void **state)
{
   vmk_HeapID heap = heap_new("sync", VMK_HEAP_TYPE_SIMPLE, 0, 1 << 20,
                              VMK_PHYS_ADDR_ANY, NULL);
   void *p = vmk_HeapAlloc(heap, 32);

   (void)state;
   assert_vmk_status(vmk_HeapDestroySync(heap, 10), VMK_TIMEOUT);
   vmk_HeapFree(heap, p);
   assert_vmk_ok(vmk_HeapDestroySync(heap, 10));
}

static void
test_use_of_destroyed_heap_is_reported(void **state)
{
   vmk_HeapID heap = heap_new("dead", VMK_HEAP_TYPE_SIMPLE, 0, 1 << 20,
                              VMK_PHYS_ADDR_ANY, NULL);

   (void)state;
   vmk_HeapDestroy(heap);
   EmuCtl_ExpectReport(EMUCTL_REPORT_DEAD_HANDLE);
   assert_null(vmk_HeapAlloc(heap, 8));
   assert_int_equal(EmuCtl_CheckReports(), 0);
}

static void
test_determine_max_size_rejects_bad_descriptors(void **state)
{
   vmk_HeapAllocationDescriptor d[2] = { { 100, 48, 1 }, { 8, 0, 1 } };
   vmk_ByteCount max;

   (void)state;
   assert_vmk_status(vmk_HeapDetermineMaxSize(d, 2, &max), VMK_BAD_PARAM);
   d[0].alignment = 64;
   assert_vmk_ok(vmk_HeapDetermineMaxSize(d, 2, &max));
   assert_int_equal(max, 4096 + 16);
   d[0].count = 1ull << 40;
   assert_vmk_status(vmk_HeapDetermineMaxSize(d, 2, &max),
                     VMK_LIMIT_EXCEEDED);
   assert_vmk_status(vmk_HeapDetermineMaxSize(NULL, 2, &max), VMK_BAD_PARAM);
}

typedef struct churn_arg {
   vmk_HeapID heap;
   int        seed;
} churn_arg_t;

static void *
churn(void *arg)
{
   churn_arg_t *c = arg;
   void *p[64] = { 0 };
   unsigned x = (unsigned)c->seed * 2654435761u + 1;
   int i;

   for (i = 0; i < 20000; i++) {
      unsigned k;

      x = x * 1103515245u + 12345u;
      k = (x >> 8) % 64;
      if (p[k] != NULL) {
         vmk_HeapFree(c->heap, p[k]);
         p[k] = NULL;
      } else {
         p[k] = vmk_HeapAlloc(c->heap, 1 + (x >> 16) % 700);
         if (p[k] != NULL) {
            memset(p[k], k, 1);
         }
      }
   }
   for (i = 0; i < 64; i++) {
      vmk_HeapFree(c->heap, p[i]);
   }
   return NULL;
}

static void
test_threads_share_a_heap_and_leave_nothing_live(void **state)
{
   vmk_HeapID heap = heap_new("shared", VMK_HEAP_TYPE_SIMPLE, 0, 8 << 20,
                              VMK_PHYS_ADDR_ANY, NULL);
   pthread_t t[4];
   churn_arg_t a[4];
   EmuCtl_HeapUsage u;
   int i;

   (void)state;
   for (i = 0; i < 4; i++) {
      a[i].heap = heap;
      a[i].seed = i;
      assert_int_equal(pthread_create(&t[i], NULL, churn, &a[i]), 0);
   }
   for (i = 0; i < 4; i++) {
      pthread_join(t[i], NULL);
   }
   assert_vmk_ok(EmuCtl_HeapGetUsage(heap, &u));
   assert_int_equal(u.liveAllocations, 0);
   vmk_HeapDestroy(heap);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_alloc_gives_writable_machine_memory_of_every_size),
      cmocka_unit_test(test_heap_max_is_enforced_exactly),
      cmocka_unit_test(test_heap_max_smaller_than_a_cluster_still_serves_small_allocations),
      cmocka_unit_test(test_another_threads_freed_objects_count_until_it_exits),
      cmocka_unit_test(test_custom_heap_below_4gb_gives_memory_below_4gb),
      cmocka_unit_test(test_mempool_heap_charges_its_pool_and_initial_is_taken_at_create),
      cmocka_unit_test(test_mempool_heap_small_classes_charge_the_pool_their_clusters_only),
      cmocka_unit_test(test_create_rejects_bad_props),
      cmocka_unit_test(test_align_honours_power_of_two_alignments),
      cmocka_unit_test(test_alloc_fails_when_heap_fault_is_injected),
      cmocka_unit_test(test_timed_alloc_waits_for_a_free),
      cmocka_unit_test(test_double_free_is_reported),
      cmocka_unit_test(test_free_to_the_wrong_heap_is_reported),
      cmocka_unit_test(test_interior_pointer_free_is_reported),
      cmocka_unit_test(test_destroy_with_live_allocations_reports_each_leak_with_caller),
      cmocka_unit_test(test_destroy_sync_times_out_while_allocations_live),
      cmocka_unit_test(test_use_of_destroyed_heap_is_reported),
      cmocka_unit_test(test_determine_max_size_rejects_bad_descriptors),
      cmocka_unit_test(test_threads_share_a_heap_and_leave_nothing_live),
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
