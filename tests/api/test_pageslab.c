/*
 * test_pageslab.c -- page slabs as a driver sees them: minimum pages held
 * from create, the maximum enforced, blocking allocation waiting for a
 * free, physical ranges, a driver's own pool, misuse.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

static vmk_HeapID
heap_new(const char *name, vmk_uint32 max)
{
   vmk_HeapCreateProps props;
   vmk_HeapID heap = VMK_INVALID_HEAP_ID;

   memset(&props, 0, sizeof props);
   props.type = VMK_HEAP_TYPE_SIMPLE;
   vmk_NameInitialize(&props.name, name);
   props.initial = 0;
   props.max = max;
   props.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   assert_vmk_ok(vmk_HeapCreate(&props, &heap));
   return heap;
}

static void
props_init(vmk_PageSlabCreateProps *p, vmk_HeapID heap, vmk_uint32 min,
           vmk_uint32 max)
{
   memset(p, 0, sizeof *p);
   p->heapID = heap;
   vmk_NameInitialize(&p->name, "pslab");
   p->minPages = min;
   p->maxPages = max;
   p->physRange = VMK_PHYS_ADDR_ANY;
   p->memPool = VMK_MEMPOOL_INVALID;
}

static void
test_alloc_gives_distinct_usable_pages_up_to_max(void **state)
{
   vmk_HeapID heap = heap_new("ps1", 64 * 1024);
   vmk_PageSlabCreateProps p;
   vmk_PageSlabID ps;
   vmk_MPN mpn[4];
   vmk_MPN extra;
   vmk_VA va;
   int i;
   int j;

   (void)state;
   props_init(&p, heap, 1, 4);
   assert_vmk_ok(vmk_PageSlabCreate(&p, &ps));
   for (i = 0; i < 4; i++) {
      assert_vmk_ok(vmk_PageSlabAlloc(ps, VMK_FALSE, &mpn[i]));
      for (j = 0; j < i; j++) {
         assert_true(mpn[i] != mpn[j]);
      }
      /* The page is real machine memory: write through its direct map. */
      assert_vmk_ok(vmk_MA2VA(vmk_MPN2MA(mpn[i]), VMK_PAGE_SIZE, &va));
      memset((void *)va, 0x5a, VMK_PAGE_SIZE);
   }
   assert_vmk_status(vmk_PageSlabAlloc(ps, VMK_FALSE, &extra), VMK_NO_MEMORY);
   for (i = 0; i < 4; i++) {
      vmk_PageSlabFree(ps, mpn[i]);
   }
   /* Freed pages come back again. */
   assert_vmk_ok(vmk_PageSlabAlloc(ps, VMK_FALSE, &extra));
   vmk_PageSlabFree(ps, extra);
   vmk_PageSlabDestroy(ps);
   vmk_HeapDestroy(heap);
}

static void
test_min_pages_survive_allocation_failure(void **state)
{
   vmk_HeapID heap = heap_new("ps2", 64 * 1024);
   vmk_PageSlabCreateProps p;
   vmk_PageSlabID ps;
   vmk_MPN m[3];
   vmk_MPN x;

   (void)state;
   props_init(&p, heap, 3, 8);
   assert_vmk_ok(vmk_PageSlabCreate(&p, &ps));
   /* The minimum was taken at create: no page allocation happens now. */
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_PAGES, 1);
   assert_vmk_ok(vmk_PageSlabAlloc(ps, VMK_FALSE, &m[0]));
   assert_vmk_ok(vmk_PageSlabAlloc(ps, VMK_FALSE, &m[1]));
   assert_vmk_ok(vmk_PageSlabAlloc(ps, VMK_FALSE, &m[2]));
   /* The fourth needs the pool, and the pool fails once. */
   assert_vmk_status(vmk_PageSlabAlloc(ps, VMK_FALSE, &x), VMK_NO_MEMORY);
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_PAGES, 0);
   assert_vmk_ok(vmk_PageSlabAlloc(ps, VMK_FALSE, &x));
   vmk_PageSlabFree(ps, x);
   vmk_PageSlabFree(ps, m[0]);
   vmk_PageSlabFree(ps, m[1]);
   vmk_PageSlabFree(ps, m[2]);
   vmk_PageSlabDestroy(ps);
   vmk_HeapDestroy(heap);
}

static void
test_create_survives_every_alloc_failure(void **state)
{
   vmk_HeapID heap = heap_new("ps3", 64 * 1024);
   vmk_PageSlabCreateProps p;
   vmk_PageSlabID ps;
   vmk_uint64 n;
   int ok = 0;

   (void)state;
   props_init(&p, heap, 4, 8);
   for (n = 1; n < 20 && !ok; n++) {
      VMK_ReturnStatus st;
      vmk_uint64 before = EmuCtl_FailuresInjected();

      EmuCtl_FailNthAlloc(EMUCTL_ALLOC_ANY, n);
      st = vmk_PageSlabCreate(&p, &ps);
      if (st == VMK_OK) {
         /* Succeeds only once the failure falls past every allocation. */
         ok = EmuCtl_FailuresInjected() == before;
         vmk_PageSlabDestroy(ps);
      } else {
         assert_vmk_status(st, VMK_NO_MEMORY);
      }
   }
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_ANY, 0);
   assert_true(ok);
   vmk_HeapDestroy(heap);
}

static void
test_below_4gb_range_is_honoured(void **state)
{
   vmk_HeapID heap = heap_new("ps4", 64 * 1024);
   vmk_PageSlabCreateProps p;
   vmk_PageSlabID ps;
   vmk_MPN m[8];
   int i;

   (void)state;
   props_init(&p, heap, 0, 8);
   p.physRange = VMK_PHYS_ADDR_BELOW_4GB;
   assert_vmk_ok(vmk_PageSlabCreate(&p, &ps));
   for (i = 0; i < 8; i++) {
      assert_vmk_ok(vmk_PageSlabAlloc(ps, VMK_FALSE, &m[i]));
      assert_true(vmk_MPN2MA(m[i]) + VMK_PAGE_SIZE <= (4ull << 30));
   }
   for (i = 0; i < 8; i++) {
      vmk_PageSlabFree(ps, m[i]);
   }
   vmk_PageSlabDestroy(ps);
   vmk_HeapDestroy(heap);
}

static void
test_pages_come_from_the_drivers_pool(void **state)
{
   vmk_HeapID heap = heap_new("ps5", 64 * 1024);
   vmk_MemPoolProps mp;
   vmk_MemPool pool;
   vmk_MemPoolResourceProps rp;
   vmk_PageSlabCreateProps p;
   vmk_PageSlabID ps;
   vmk_MPN m[2];
   vmk_MPN x;

   (void)state;
   memset(&mp, 0, sizeof mp);
   vmk_NameInitialize(&mp.name, "pspool");
   mp.parentMemPool = VMK_MEMPOOL_INVALID;
   mp.memPoolType = VMK_MEM_POOL_LEAF;
   mp.resourceProps.reservation = 0;
   mp.resourceProps.limit = 2;
   assert_vmk_ok(vmk_MemPoolCreate(&mp, &pool));
   props_init(&p, heap, 0, 10);
   p.memPool = pool;
   assert_vmk_ok(vmk_PageSlabCreate(&p, &ps));
   assert_vmk_ok(vmk_PageSlabAlloc(ps, VMK_FALSE, &m[0]));
   assert_vmk_ok(vmk_PageSlabAlloc(ps, VMK_FALSE, &m[1]));
   /* The pool's limit of 2 pages binds before the slab's maximum. */
   assert_vmk_status(vmk_PageSlabAlloc(ps, VMK_FALSE, &x), VMK_NO_MEMORY);
   assert_vmk_ok(vmk_MemPoolGetProps(pool, &rp));
   vmk_PageSlabFree(ps, m[0]);
   vmk_PageSlabFree(ps, m[1]);
   vmk_PageSlabDestroy(ps);
   assert_vmk_ok(vmk_MemPoolDestroy(pool));
   vmk_HeapDestroy(heap);
}

static vmk_PageSlabID blk_slab;
static vmk_MPN blk_mpn;

static VMK_ReturnStatus
blk_freer(void *arg)
{
   (void)arg;
   vmk_WorldSleep(20000);
   vmk_PageSlabFree(blk_slab, blk_mpn);
   return VMK_OK;
}

static void
test_blocking_alloc_waits_for_a_free(void **state)
{
   vmk_HeapID heap = heap_new("ps6", 64 * 1024);
   vmk_PageSlabCreateProps p;
   vmk_WorldProps wp;
   vmk_WorldID w;
   vmk_MPN got;

   (void)state;
   props_init(&p, heap, 0, 1);
   assert_vmk_ok(vmk_PageSlabCreate(&p, &blk_slab));
   assert_vmk_ok(vmk_PageSlabAlloc(blk_slab, VMK_FALSE, &blk_mpn));
   memset(&wp, 0, sizeof wp);
   wp.moduleID = vmk_ModuleCurrentID;
   wp.name = "freer";
   wp.startFunction = blk_freer;
   wp.heapID = heap;
   wp.schedClass = VMK_WORLD_SCHED_CLASS_DEFAULT;
   assert_vmk_ok(vmk_WorldCreate(&wp, &w));
   assert_vmk_ok(vmk_PageSlabAlloc(blk_slab, VMK_TRUE, &got));
   assert_int_equal(got, blk_mpn);
   (void)vmk_WorldWaitForDeath(w);    /* it may be gone already */
   vmk_PageSlabFree(blk_slab, got);
   vmk_PageSlabDestroy(blk_slab);
   vmk_HeapDestroy(heap);
}

static void
test_create_rejects_bad_props(void **state)
{
   vmk_HeapID heap = heap_new("ps7", 64 * 1024);
   vmk_PageSlabCreateProps p;
   vmk_PageSlabID ps;

   (void)state;
   props_init(&p, heap, 4, 2);
   assert_vmk_status(vmk_PageSlabCreate(&p, &ps), VMK_BAD_PARAM);
   props_init(&p, heap, 0, 0);
   assert_vmk_status(vmk_PageSlabCreate(&p, &ps), VMK_BAD_PARAM);
   props_init(&p, VMK_INVALID_HEAP_ID, 0, 2);
   assert_vmk_status(vmk_PageSlabCreate(&p, &ps), VMK_BAD_PARAM);
   props_init(&p, heap, 0, 2);
   p.physRange = (vmk_MemPhysAddrConstraint)99;
   assert_vmk_status(vmk_PageSlabCreate(&p, &ps), VMK_BAD_PARAM);
   props_init(&p, heap, 0, 2);
   assert_vmk_status(vmk_PageSlabCreateCustom(VMK_INVALID_MODULE_ID, &p, &ps),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_PageSlabCreate(NULL, &ps), VMK_BAD_PARAM);
   assert_vmk_status(vmk_PageSlabAlloc(NULL, VMK_FALSE, NULL), VMK_BAD_PARAM);
   vmk_HeapDestroy(heap);
}

static void
test_record_comes_from_the_heap(void **state)
{
   vmk_HeapID heap = heap_new("ps8", 4096);
   vmk_PageSlabCreateProps p;
   vmk_PageSlabID ps[64];
   int n;
   int i;

   (void)state;
   assert_true(vmk_PageSlabAllocationSize() > 0);
   props_init(&p, heap, 0, 1);
   /* A 4 KiB heap holds only so many slab records. */
   for (n = 0; n < 64; n++) {
      VMK_ReturnStatus st = vmk_PageSlabCreate(&p, &ps[n]);

      if (st != VMK_OK) {
         assert_vmk_status(st, VMK_NO_MEMORY);
         break;
      }
   }
   assert_true(n > 0 && n < 64);
   assert_true((vmk_uint32)n * vmk_PageSlabAllocationSize() <= 4096);
   for (i = 0; i < n; i++) {
      vmk_PageSlabDestroy(ps[i]);
   }
   vmk_HeapDestroy(heap);
}

static void
test_free_misuse_and_leaks_are_reported(void **state)
{
   vmk_HeapID heap = heap_new("ps9", 64 * 1024);
   vmk_PageSlabCreateProps p;
   vmk_PageSlabID ps;
   vmk_MPN m;
   vmk_MPN m2;

   (void)state;
   props_init(&p, heap, 0, 4);
   assert_vmk_ok(vmk_PageSlabCreate(&p, &ps));
   assert_vmk_ok(vmk_PageSlabAlloc(ps, VMK_FALSE, &m));
   assert_vmk_ok(vmk_PageSlabAlloc(ps, VMK_FALSE, &m2));
   vmk_PageSlabFree(ps, m);
   EmuCtl_ExpectReport(EMUCTL_REPORT_BAD_FREE);
   vmk_PageSlabFree(ps, m + 1000000);
   assert_reports_met();
   /* m went back to the pool (min 0): a second free names no page. */
   EmuCtl_ExpectReport(EMUCTL_REPORT_BAD_FREE);
   vmk_PageSlabFree(ps, m);
   assert_reports_met();
   EmuCtl_ExpectReport(EMUCTL_REPORT_LEAK);
   vmk_PageSlabDestroy(ps);
   assert_reports_met();
   vmk_HeapDestroy(heap);
}

static void
test_double_free_of_a_cached_page_is_reported(void **state)
{
   vmk_HeapID heap = heap_new("ps10", 64 * 1024);
   vmk_PageSlabCreateProps p;
   vmk_PageSlabID ps;
   vmk_MPN m;

   (void)state;
   props_init(&p, heap, 1, 4);
   assert_vmk_ok(vmk_PageSlabCreate(&p, &ps));
   assert_vmk_ok(vmk_PageSlabAlloc(ps, VMK_FALSE, &m));
   vmk_PageSlabFree(ps, m);
   EmuCtl_ExpectReport(EMUCTL_REPORT_DOUBLE_FREE);
   vmk_PageSlabFree(ps, m);
   assert_reports_met();
   vmk_PageSlabDestroy(ps);
   vmk_HeapDestroy(heap);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_alloc_gives_distinct_usable_pages_up_to_max),
      cmocka_unit_test(test_min_pages_survive_allocation_failure),
      cmocka_unit_test(test_create_survives_every_alloc_failure),
      cmocka_unit_test(test_below_4gb_range_is_honoured),
      cmocka_unit_test(test_pages_come_from_the_drivers_pool),
      cmocka_unit_test(test_blocking_alloc_waits_for_a_free),
      cmocka_unit_test(test_create_rejects_bad_props),
      cmocka_unit_test(test_record_comes_from_the_heap),
      cmocka_unit_test(test_free_misuse_and_leaks_are_reported),
      cmocka_unit_test(test_double_free_of_a_cached_page_is_reported),
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
