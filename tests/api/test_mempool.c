/*
 * test_mempool.c -- memory pools as a driver sees them: the reservation and
 * limit tree, constrained page allocation, misuse.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

#define GiB (1ull << 30)

static uint64_t
now_ms(void)
{
   struct timespec ts;

   clock_gettime(CLOCK_MONOTONIC, &ts);
   return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static VMK_ReturnStatus
pool_create(const char *name, vmk_MemPool parent, vmk_MemPoolType type,
            vmk_uint32 resv, vmk_uint32 limit, vmk_MemPool *pool)
{
   vmk_MemPoolProps props;

   memset(&props, 0, sizeof props);
   vmk_NameInitialize(&props.name, name);
   props.parentMemPool = parent;
   props.memPoolType = type;
   props.resourceProps.reservation = resv;
   props.resourceProps.limit = limit;
   return vmk_MemPoolCreate(&props, pool);
}

static VMK_ReturnStatus
pool_alloc(vmk_MemPool pool, vmk_MemPhysContiguity contig,
           vmk_MemPhysAddrConstraint range, vmk_uint32 npages,
           vmk_MpnRange *ranges, vmk_uint32 nranges)
{
   vmk_MemPoolAllocProps ap;
   vmk_MemPoolAllocRequest rq;

   memset(&ap, 0, sizeof ap);
   ap.physContiguity = contig;
   ap.physRange = range;
   ap.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   rq.numPages = npages;
   rq.numElements = nranges;
   rq.mpnRanges = ranges;
   return vmk_MemPoolAlloc(pool, &ap, &rq);
}

static VMK_ReturnStatus
pool_free(vmk_MpnRange *ranges, vmk_uint32 nranges, vmk_uint32 npages)
{
   vmk_MemPoolAllocRequest rq;

   rq.numPages = npages;
   rq.numElements = nranges;
   rq.mpnRanges = ranges;
   return vmk_MemPoolFree(&rq);
}

static void
test_limits_hold_along_a_three_level_tree(void **state)
{
   vmk_MemPool top;
   vmk_MemPool mid;
   vmk_MemPool leaf;
   vmk_MemPool other;
   vmk_MpnRange r[4];
   vmk_uint64 used;

   (void)state;
   assert_vmk_ok(pool_create("top", VMK_MEMPOOL_INVALID, VMK_MEM_POOL_PARENT,
                             0, 100, &top));
   assert_vmk_ok(pool_create("mid", top, VMK_MEM_POOL_PARENT, 0, 60, &mid));
   /* A child's limit may exceed its parent's; the parent still bounds it. */
   assert_vmk_ok(pool_create("leaf", mid, VMK_MEM_POOL_LEAF, 0, 500, &leaf));
   assert_vmk_ok(pool_create("other", top, VMK_MEM_POOL_LEAF, 0, 0, &other));

   assert_vmk_ok(pool_alloc(leaf, VMK_MEM_PHYS_CONTIGUOUS, VMK_PHYS_ADDR_ANY,
                            60, &r[0], 1));
   assert_vmk_status(pool_alloc(leaf, VMK_MEM_PHYS_CONTIGUOUS,
                                VMK_PHYS_ADDR_ANY, 1, &r[1], 1),
                     VMK_LIMIT_EXCEEDED);
   /* 40 pages are left under top, for the other branch. */
   assert_vmk_status(pool_alloc(other, VMK_MEM_PHYS_CONTIGUOUS,
                                VMK_PHYS_ADDR_ANY, 41, &r[1], 1),
                     VMK_LIMIT_EXCEEDED);
   assert_vmk_ok(pool_alloc(other, VMK_MEM_PHYS_CONTIGUOUS, VMK_PHYS_ADDR_ANY,
                            40, &r[1], 1));
   assert_vmk_ok(EmuCtl_MemPoolGetUsage(top, &used));
   assert_int_equal(used, 100);
   assert_vmk_ok(EmuCtl_MemPoolGetUsage(mid, &used));
   assert_int_equal(used, 60);

   /* Busy pools cannot go. */
   assert_vmk_status(vmk_MemPoolDestroy(top), VMK_BUSY);
   assert_vmk_status(vmk_MemPoolDestroy(leaf), VMK_BUSY);

   assert_vmk_ok(pool_free(&r[0], 1, 60));
   assert_vmk_ok(pool_free(&r[1], 1, 40));
   assert_vmk_ok(EmuCtl_MemPoolGetUsage(top, &used));
   assert_int_equal(used, 0);
   assert_vmk_ok(vmk_MemPoolDestroy(leaf));
   assert_vmk_ok(vmk_MemPoolDestroy(other));
   assert_vmk_ok(vmk_MemPoolDestroy(mid));
   assert_vmk_ok(vmk_MemPoolDestroy(top));
}

static void
test_reservation_is_guaranteed_against_siblings(void **state)
{
   vmk_MemPool top;
   vmk_MemPool a;
   vmk_MemPool b;
   vmk_MpnRange r[2];
   vmk_MemPoolResourceProps rp;

   (void)state;
   assert_vmk_ok(pool_create("top", VMK_MEMPOOL_INVALID, VMK_MEM_POOL_PARENT,
                             0, 50, &top));
   assert_vmk_ok(pool_create("a", top, VMK_MEM_POOL_LEAF, 30, 0, &a));
   /* b cannot reserve what a holds in reserve. */
   assert_vmk_status(pool_create("b", top, VMK_MEM_POOL_LEAF, 21, 0, &b),
                     VMK_NO_RESOURCES);
   assert_vmk_ok(pool_create("b", top, VMK_MEM_POOL_LEAF, 0, 0, &b));
   /* b gets only the unreserved 20 pages. */
   assert_vmk_status(pool_alloc(b, VMK_MEM_PHYS_CONTIGUOUS,
                                VMK_PHYS_ADDR_ANY, 21, &r[0], 1),
                     VMK_LIMIT_EXCEEDED);
   assert_vmk_ok(pool_alloc(b, VMK_MEM_PHYS_CONTIGUOUS, VMK_PHYS_ADDR_ANY,
                            20, &r[0], 1));
   /* a still gets its 30. */
   assert_vmk_ok(pool_alloc(a, VMK_MEM_PHYS_CONTIGUOUS, VMK_PHYS_ADDR_ANY,
                            30, &r[1], 1));
   assert_vmk_ok(vmk_MemPoolGetProps(a, &rp));
   assert_int_equal(rp.reservation, 30);
   /* Raising b's reservation beyond what is left fails; lowering a's works. */
   rp.reservation = 25;
   rp.limit = 0;
   assert_vmk_status(vmk_MemPoolSetProps(b, &rp), VMK_NO_RESOURCES);
   rp.reservation = 40;
   rp.limit = 30;
   assert_vmk_status(vmk_MemPoolSetProps(b, &rp), VMK_RESERVATION_GT_LIMIT);
   assert_vmk_ok(pool_free(&r[0], 1, 20));
   assert_vmk_ok(pool_free(&r[1], 1, 30));
   assert_vmk_ok(vmk_MemPoolDestroy(a));
   assert_vmk_ok(vmk_MemPoolDestroy(b));
   assert_vmk_ok(vmk_MemPoolDestroy(top));
}

static void
test_create_rejects_bad_props(void **state)
{
   vmk_MemPool p;
   vmk_MemPool leaf;

   (void)state;
   assert_vmk_status(pool_create("", VMK_MEMPOOL_INVALID, VMK_MEM_POOL_LEAF,
                                 0, 0, &p), VMK_INVALID_NAME);
   assert_vmk_status(pool_create("x", VMK_MEMPOOL_INVALID, VMK_MEM_POOL_LEAF,
                                 10, 5, &p), VMK_RESERVATION_GT_LIMIT);
   assert_vmk_status(pool_create("x", VMK_MEMPOOL_INVALID,
                                 (vmk_MemPoolType)7, 0, 0, &p),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_MemPoolCreate(NULL, &p), VMK_BAD_PARAM);
   assert_vmk_ok(pool_create("leaf", VMK_MEMPOOL_INVALID, VMK_MEM_POOL_LEAF,
                             0, 0, &leaf));
   /* A leaf cannot be a parent. */
   assert_vmk_status(pool_create("child", leaf, VMK_MEM_POOL_LEAF, 0, 0, &p),
                     VMK_BAD_PARAM);
   /* The whole machine cannot be reserved twice over. */
   assert_vmk_status(pool_create("huge", VMK_MEMPOOL_INVALID,
                                 VMK_MEM_POOL_LEAF, 1u << 20, 0, &p),
                     VMK_NO_RESOURCES);
   assert_vmk_ok(vmk_MemPoolDestroy(leaf));
   assert_vmk_status(vmk_MemPoolDestroy(leaf), VMK_BAD_PARAM);
}

static void
test_below_4gb_allocations_are_below_4gb(void **state)
{
   vmk_MemPool leaf;
   vmk_MpnRange r[64];
   int i;

   (void)state;
   assert_vmk_ok(pool_create("low", VMK_MEMPOOL_INVALID, VMK_MEM_POOL_LEAF,
                             0, 0, &leaf));
   for (i = 0; i < 64; i++) {
      assert_vmk_ok(pool_alloc(leaf, VMK_MEM_PHYS_CONTIGUOUS,
                               VMK_PHYS_ADDR_BELOW_4GB, 37, &r[i], 1));
      assert_true(vmk_MPN2MA(r[i].startMPN + r[i].numPages) <= 4 * GiB);
   }
   for (i = 0; i < 64; i++) {
      assert_vmk_ok(pool_free(&r[i], 1, 37));
   }
   /* "any" also reaches above 4 GiB: take more than the low bank holds. */
   {
      EmuCtl_MachMemInfo info;
      vmk_MpnRange big;

      assert_vmk_ok(EmuCtl_MachMemGetInfo(&info));
      assert_vmk_status(pool_alloc(leaf, VMK_MEM_PHYS_CONTIGUOUS,
                                   VMK_PHYS_ADDR_BELOW_4GB,
                                   (vmk_uint32)info.lowPages, &big, 1),
                        VMK_NO_RESOURCES);
      assert_vmk_ok(pool_alloc(leaf, VMK_MEM_PHYS_CONTIGUOUS,
                               VMK_PHYS_ADDR_ANY,
                               (vmk_uint32)info.lowPages, &big, 1));
      assert_true(vmk_MPN2MA(big.startMPN) >= 4 * GiB);
      assert_vmk_ok(pool_free(&big, 1, (vmk_uint32)info.lowPages));
   }
   assert_vmk_ok(vmk_MemPoolDestroy(leaf));
}

static void
test_contiguous_allocations_are_contiguous(void **state)
{
   vmk_MemPool leaf;
   vmk_MpnRange r;
   vmk_MpnRange many[8];
   vmk_MapRequest mr;
   vmk_VA va;
   vmk_MA ma;
   vmk_uint32 i;

   (void)state;
   assert_vmk_ok(pool_create("contig", VMK_MEMPOOL_INVALID, VMK_MEM_POOL_LEAF,
                             0, 0, &leaf));
   assert_vmk_ok(pool_alloc(leaf, VMK_MEM_PHYS_CONTIGUOUS, VMK_PHYS_ADDR_ANY,
                            256, &r, 1));
   assert_int_equal(r.numPages, 256);
   memset(&mr, 0, sizeof mr);
   mr.mapType = VMK_MAPTYPE_DEFAULT;
   mr.numElements = 1;
   mr.mpnRanges = &r;
   assert_vmk_ok(vmk_Map(0, &mr, &va));
   for (i = 0; i < 256; i++) {
      assert_vmk_ok(vmk_VA2MA(va + (vmk_VA)i * VMK_PAGE_SIZE, VMK_PAGE_SIZE,
                              &ma));
      assert_int_equal(ma, vmk_MPN2MA(r.startMPN + i));
   }
   vmk_Unmap(va);
   assert_vmk_ok(pool_free(&r, 1, 256));
   /* Discontiguous: one page per element; too few elements is refused. */
   assert_vmk_status(pool_alloc(leaf, VMK_MEM_PHYS_DISCONTIGUOUS,
                                VMK_PHYS_ADDR_ANY, 8, many, 4),
                     VMK_BAD_PARAM);
   assert_vmk_ok(pool_alloc(leaf, VMK_MEM_PHYS_DISCONTIGUOUS,
                            VMK_PHYS_ADDR_ANY, 8, many, 8));
   for (i = 0; i < 8; i++) {
      assert_int_equal(many[i].numPages, 1);
   }
   assert_vmk_ok(pool_free(many, 8, 8));
   /* Any contiguity: the pages fit in the elements given. */
   assert_vmk_ok(pool_alloc(leaf, VMK_MEM_PHYS_ANY_CONTIGUITY,
                            VMK_PHYS_ADDR_ANY, 16, many, 8));
   {
      vmk_uint32 sum = 0;

      for (i = 0; i < 8; i++) {
         if (many[i].startMPN != VMK_INVALID_MPN) {
            sum += many[i].numPages;
         }
      }
      assert_int_equal(sum, 16);
   }
   assert_vmk_ok(pool_free(many, 8, 16));
   assert_vmk_ok(vmk_MemPoolDestroy(leaf));
}

static void
test_alloc_from_parent_pool_or_with_bad_request_is_bad_param(void **state)
{
   vmk_MemPool top;
   vmk_MpnRange r;

   (void)state;
   assert_vmk_ok(pool_create("p", VMK_MEMPOOL_INVALID, VMK_MEM_POOL_PARENT,
                             0, 0, &top));
   assert_vmk_status(pool_alloc(top, VMK_MEM_PHYS_CONTIGUOUS,
                                VMK_PHYS_ADDR_ANY, 1, &r, 1), VMK_BAD_PARAM);
   assert_vmk_status(pool_alloc(top, VMK_MEM_PHYS_CONTIGUOUS,
                                VMK_PHYS_ADDR_ANY, 0, &r, 1), VMK_BAD_PARAM);
   assert_vmk_status(pool_alloc(top, VMK_MEM_PHYS_CONTIGUOUS,
                                (vmk_MemPhysAddrConstraint)9, 1, &r, 1),
                     VMK_BAD_PARAM);
   assert_vmk_ok(vmk_MemPoolDestroy(top));
}

static void
test_alloc_fails_when_pages_fault_is_injected(void **state)
{
   vmk_MemPool leaf;
   vmk_MpnRange r;

   (void)state;
   assert_vmk_ok(pool_create("f", VMK_MEMPOOL_INVALID, VMK_MEM_POOL_LEAF,
                             0, 0, &leaf));
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_PAGES, 1);
   assert_vmk_status(pool_alloc(leaf, VMK_MEM_PHYS_CONTIGUOUS,
                                VMK_PHYS_ADDR_ANY, 1, &r, 1),
                     VMK_NO_RESOURCES);
   assert_vmk_ok(pool_alloc(leaf, VMK_MEM_PHYS_CONTIGUOUS, VMK_PHYS_ADDR_ANY,
                            1, &r, 1));
   assert_vmk_ok(pool_free(&r, 1, 1));
   assert_vmk_ok(vmk_MemPoolDestroy(leaf));
}

static void
test_create_fails_when_pages_fault_is_injected(void **state)
{
   vmk_MemPool leaf;

   (void)state;
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_PAGES, 1);
   assert_vmk_status(pool_create("fc", VMK_MEMPOOL_INVALID, VMK_MEM_POOL_LEAF,
                                 0, 0, &leaf), VMK_NO_MEMORY);
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_MEMPOOL), 0);
   assert_vmk_ok(pool_create("fc", VMK_MEMPOOL_INVALID, VMK_MEM_POOL_LEAF,
                             0, 0, &leaf));
   assert_vmk_ok(vmk_MemPoolDestroy(leaf));
}

static void
test_each_run_of_pages_is_a_live_resource_until_freed(void **state)
{
   vmk_MemPool leaf;
   vmk_MpnRange r[3];
   vmk_MpnRange one;

   (void)state;
   assert_vmk_ok(pool_create("pg", VMK_MEMPOOL_INVALID, VMK_MEM_POOL_LEAF,
                             0, 0, &leaf));
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_PAGES), 0);
   assert_vmk_ok(pool_alloc(leaf, VMK_MEM_PHYS_DISCONTIGUOUS,
                            VMK_PHYS_ADDR_ANY, 3, r, 3));
   assert_vmk_ok(pool_alloc(leaf, VMK_MEM_PHYS_CONTIGUOUS, VMK_PHYS_ADDR_ANY,
                            2, &one, 1));
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_PAGES), 4);
   /* A pool with pages out cannot go. */
   assert_vmk_status(vmk_MemPoolDestroy(leaf), VMK_BUSY);
   assert_vmk_ok(pool_free(r, 3, 3));
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_PAGES), 1);
   assert_vmk_ok(pool_free(&one, 1, 2));
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_PAGES), 0);
   assert_vmk_ok(vmk_MemPoolDestroy(leaf));
}

static void
test_double_free_of_pages_is_reported(void **state)
{
   vmk_MemPool leaf;
   vmk_MpnRange r;
   vmk_MpnRange inner;

   (void)state;
   assert_vmk_ok(pool_create("df", VMK_MEMPOOL_INVALID, VMK_MEM_POOL_LEAF,
                             0, 0, &leaf));
   assert_vmk_ok(pool_alloc(leaf, VMK_MEM_PHYS_CONTIGUOUS, VMK_PHYS_ADDR_ANY,
                            4, &r, 1));
   inner.startMPN = r.startMPN + 1;
   inner.numPages = 1;
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISALIGNED_FREE);
   assert_vmk_status(pool_free(&inner, 1, 1), VMK_BAD_PARAM);
   assert_int_equal(EmuCtl_CheckReports(), 0);
   assert_vmk_ok(pool_free(&r, 1, 4));
   EmuCtl_ExpectReport(EMUCTL_REPORT_DOUBLE_FREE);
   assert_vmk_status(pool_free(&r, 1, 4), VMK_BAD_PARAM);
   assert_int_equal(EmuCtl_CheckReports(), 0);
   inner.startMPN = 7;    /* not machine memory */
   EmuCtl_ExpectReport(EMUCTL_REPORT_BAD_FREE);
   assert_vmk_status(pool_free(&inner, 1, 1), VMK_BAD_PARAM);
   assert_int_equal(EmuCtl_CheckReports(), 0);
   assert_vmk_ok(vmk_MemPoolDestroy(leaf));
}

static void
test_timed_alloc_waits_for_a_free(void **state)
{
   vmk_MemPool leaf;
   vmk_MpnRange r;
   vmk_MpnRange r2;
   vmk_MemPoolAllocProps ap;
   vmk_MemPoolAllocRequest rq;
   uint64_t t0;

   (void)state;
   assert_vmk_ok(pool_create("t", VMK_MEMPOOL_INVALID, VMK_MEM_POOL_LEAF,
                             0, 4, &leaf));
   assert_vmk_ok(pool_alloc(leaf, VMK_MEM_PHYS_CONTIGUOUS, VMK_PHYS_ADDR_ANY,
                            4, &r, 1));
   memset(&ap, 0, sizeof ap);
   ap.physContiguity = VMK_MEM_PHYS_CONTIGUOUS;
   ap.creationTimeoutMS = 30;
   rq.numPages = 1;
   rq.numElements = 1;
   rq.mpnRanges = &r2;
   t0 = now_ms();
   assert_vmk_status(vmk_MemPoolAlloc(leaf, &ap, &rq), VMK_LIMIT_EXCEEDED);
   assert_true(now_ms() - t0 >= 25);
   assert_vmk_ok(pool_free(&r, 1, 4));
   assert_vmk_ok(vmk_MemPoolDestroy(leaf));
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_limits_hold_along_a_three_level_tree),
      cmocka_unit_test(test_reservation_is_guaranteed_against_siblings),
      cmocka_unit_test(test_create_rejects_bad_props),
      cmocka_unit_test(test_below_4gb_allocations_are_below_4gb),
      cmocka_unit_test(test_contiguous_allocations_are_contiguous),
      cmocka_unit_test(test_alloc_from_parent_pool_or_with_bad_request_is_bad_param),
      cmocka_unit_test(test_alloc_fails_when_pages_fault_is_injected),
      cmocka_unit_test(test_create_fails_when_pages_fault_is_injected),
      cmocka_unit_test(test_each_run_of_pages_is_a_live_resource_until_freed),
      cmocka_unit_test(test_double_free_of_pages_is_reported),
      cmocka_unit_test(test_timed_alloc_waits_for_a_free),
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
