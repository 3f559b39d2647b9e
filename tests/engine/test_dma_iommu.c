/*
 * test_dma_iommu.c -- the device side of DMA (emu_dma_device_access, the
 * hook the device model calls): a device may touch only bytes inside live
 * mappings of its own engines, in a direction the mapping allows, on pages
 * whose protection allows it; everything else is a DMA_VIOLATION report
 * and nothing is copied.  Engine test: links the library statically to
 * reach the hook; the driver side goes through the public API.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <pthread.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

#include "dev/dma.h"

#define PAGE VMK_PAGE_SIZE
#define NPAGES 16

static vmk_HeapID test_heap;
static vmk_MemPool test_pool;
static vmk_SgOpsHandle sg_ops;
static int dev_a;                      /* two opaque devices */
static int dev_b;
static vmk_MPN buf_mpn;
static char *buf_va;

static vmk_MA
ma(vmk_uint64 off)
{
   return vmk_MPN2MA(buf_mpn) + off;
}

static int
iommu_setup(void **state)
{
   vmk_HeapCreateProps hp;
   vmk_MemPoolProps pp;
   vmk_MemPoolAllocProps ap;
   vmk_MemPoolAllocRequest rq;
   vmk_MpnRange r;
   vmk_VA va;

   if (emutest_group_setup(state) != 0) {
      return -1;
   }
   memset(&hp, 0, sizeof hp);
   hp.type = VMK_HEAP_TYPE_SIMPLE;
   vmk_NameInitialize(&hp.name, "iommu-test");
   hp.max = 1024 * 1024;
   hp.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   memset(&pp, 0, sizeof pp);
   vmk_NameInitialize(&pp.name, "iommu-test");
   pp.memPoolType = VMK_MEM_POOL_LEAF;
   if (vmk_HeapCreate(&hp, &test_heap) != VMK_OK ||
       vmk_MemPoolCreate(&pp, &test_pool) != VMK_OK ||
       vmk_SgCreateOpsHandle(test_heap, &sg_ops, NULL, NULL) != VMK_OK) {
      return -1;
   }
   vmk_ModuleSetHeapID(vmk_ModuleCurrentID, test_heap);
   memset(&ap, 0, sizeof ap);
   ap.physContiguity = VMK_MEM_PHYS_CONTIGUOUS;
   ap.physRange = VMK_PHYS_ADDR_BELOW_4GB;
   rq.numPages = NPAGES;
   rq.numElements = 1;
   rq.mpnRanges = &r;
   if (vmk_MemPoolAlloc(test_pool, &ap, &rq) != VMK_OK) {
      return -1;
   }
   buf_mpn = r.startMPN;
   if (vmk_MA2VA(ma(0), NPAGES * PAGE, &va) != VMK_OK) {
      return -1;
   }
   buf_va = (char *)(uintptr_t)va;
   return 0;
}

static int
iommu_teardown(void **state)
{
   vmk_MemPoolAllocRequest rq;
   vmk_MpnRange r = { buf_mpn, NPAGES };

   rq.numPages = NPAGES;
   rq.numElements = 1;
   rq.mpnRanges = &r;
   (void)vmk_MemPoolFree(&rq);
   vmk_SgDestroyOpsHandle(sg_ops);
   vmk_MemPoolDestroy(test_pool);
   vmk_HeapDestroy(test_heap);
   return emutest_group_teardown(state);
}

static vmk_DMAEngine
engine_on(void *device, vmk_IOA mask, vmk_Bool bounce)
{
   vmk_DMAConstraints c;
   vmk_DMAEngineProps p;
   vmk_DMABouncePoolProps bp = { vmk_ModuleCurrentID,
                                 VMK_DMA_BOUNCE_POOL_TYPE_UNKNOWN };
   vmk_DMAEngine e;

   memset(&c, 0, sizeof c);
   c.addressMask = mask;
   memset(&p, 0, sizeof p);
   vmk_NameInitialize(&p.name, "iommu-engine");
   p.module = vmk_ModuleCurrentID;
   p.device = (vmk_Device)device;
   p.constraints = &c;
   p.bounce = bounce ? &bp : NULL;
   assert_vmk_ok(vmk_DMAEngineCreate(&p, &e));
   return e;
}

static vmk_SgElem
map_elem(vmk_DMAEngine e, vmk_DMADirection dir, vmk_uint64 off,
         vmk_uint32 len)
{
   vmk_SgElem in = { { ma(off) }, len, 0 };
   vmk_SgElem io;

   assert_vmk_ok(vmk_DMAMapElem(e, dir, &in, VMK_TRUE, &io, NULL));
   return io;
}

static void
test_device_reads_and_writes_a_live_mapping(void **state)
{
   vmk_DMAEngine e = engine_on(&dev_a, VMK_ADDRESS_MASK_64BIT, VMK_FALSE);
   vmk_SgElem io = map_elem(e, VMK_DMA_DIRECTION_BIDIRECTIONAL, 0, 2 * PAGE);
   char out[300];
   char in[300];

   (void)state;
   memset(in, 0x11, sizeof in);
   assert_int_equal(emu_dma_device_access(&dev_a, io.ioAddr + PAGE - 100, in,
                                          sizeof in, 1, NULL), EMU_OK);
   assert_memory_equal(buf_va + PAGE - 100, in, sizeof in);
   memcpy(buf_va + 10, "hello", 5);
   assert_int_equal(emu_dma_device_access(&dev_a, io.ioAddr + 10, out, 5, 0,
                                          NULL), EMU_OK);
   assert_memory_equal(out, "hello", 5);
   assert_int_equal(emu_dma_live_mappings(&dev_a), 1);
   assert_vmk_ok(vmk_DMAUnmapElem(e, VMK_DMA_DIRECTION_BIDIRECTIONAL, &io));
   assert_int_equal(emu_dma_live_mappings(&dev_a), 0);
   assert_vmk_ok(vmk_DMAEngineDestroy(e));
}

static void
test_device_access_against_the_direction_is_a_violation(void **state)
{
   vmk_DMAEngine e = engine_on(&dev_a, VMK_ADDRESS_MASK_64BIT, VMK_FALSE);
   vmk_SgElem rd = map_elem(e, VMK_DMA_DIRECTION_FROM_MEMORY, 0, PAGE);
   vmk_SgElem wr = map_elem(e, VMK_DMA_DIRECTION_TO_MEMORY, PAGE, PAGE);
   char b[16];
   char report[512];

   (void)state;
   memset(buf_va, 0, 2 * PAGE);
   memset(b, 0x77, sizeof b);
   EmuCtl_ExpectReport(EMUCTL_REPORT_DMA_VIOLATION);
   assert_int_equal(emu_dma_device_access(&dev_a, rd.ioAddr, b, sizeof b, 1,
                                          NULL), EMU_NOTFOUND);
   assert_reports_met();
   EmuCtl_LastReport(report, sizeof report);
   assert_non_null(strstr(report, "iommu-engine"));
   assert_int_equal(buf_va[0], 0);               /* nothing written */
   EmuCtl_ExpectReport(EMUCTL_REPORT_DMA_VIOLATION);
   assert_int_equal(emu_dma_device_access(&dev_a, wr.ioAddr, b, sizeof b, 0,
                                          NULL), EMU_NOTFOUND);
   assert_reports_met();
   assert_int_equal(emu_dma_device_access(&dev_a, wr.ioAddr, b, sizeof b, 1,
                                          NULL), EMU_OK);
   assert_int_equal(emu_dma_device_access(&dev_a, rd.ioAddr, b, sizeof b, 0,
                                          NULL), EMU_OK);
   assert_vmk_ok(vmk_DMAUnmapElem(e, VMK_DMA_DIRECTION_FROM_MEMORY, &rd));
   assert_vmk_ok(vmk_DMAUnmapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &wr));
   assert_vmk_ok(vmk_DMAEngineDestroy(e));
}

static void
test_access_after_unmap_or_by_another_device_is_a_violation(void **state)
{
   vmk_DMAEngine e = engine_on(&dev_a, VMK_ADDRESS_MASK_64BIT, VMK_FALSE);
   vmk_SgElem io = map_elem(e, VMK_DMA_DIRECTION_BIDIRECTIONAL, 0, PAGE);
   char b[8];

   (void)state;
   EmuCtl_ExpectReport(EMUCTL_REPORT_DMA_VIOLATION);
   assert_int_equal(emu_dma_device_access(&dev_b, io.ioAddr, b, sizeof b, 0,
                                          NULL), EMU_NOTFOUND);
   assert_reports_met();
   assert_vmk_ok(vmk_DMAUnmapElem(e, VMK_DMA_DIRECTION_BIDIRECTIONAL, &io));
   EmuCtl_ExpectReport(EMUCTL_REPORT_DMA_VIOLATION);
   assert_int_equal(emu_dma_device_access(&dev_a, io.ioAddr, b, sizeof b, 0,
                                          NULL), EMU_NOTFOUND);
   assert_reports_met();
   assert_vmk_ok(vmk_DMAEngineDestroy(e));
}

static void
test_access_running_past_the_mapping_copies_nothing(void **state)
{
   vmk_DMAEngine e = engine_on(&dev_a, VMK_ADDRESS_MASK_64BIT, VMK_FALSE);
   vmk_SgElem io = map_elem(e, VMK_DMA_DIRECTION_TO_MEMORY, 0, 100);
   char b[101];

   (void)state;
   memset(buf_va, 0, 200);
   memset(b, 0x42, sizeof b);
   EmuCtl_ExpectReport(EMUCTL_REPORT_DMA_VIOLATION);
   assert_int_equal(emu_dma_device_access(&dev_a, io.ioAddr, b, sizeof b, 1,
                                          NULL), EMU_NOTFOUND);
   assert_reports_met();
   assert_int_equal(buf_va[0], 0);
   assert_int_equal(emu_dma_device_access(&dev_a, io.ioAddr, b, 100, 1, NULL),
                    EMU_OK);
   assert_int_equal(buf_va[99], 0x42);
   assert_int_equal(buf_va[100], 0);
   assert_vmk_ok(vmk_DMAUnmapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &io));
   assert_vmk_ok(vmk_DMAEngineDestroy(e));
}

static void
test_access_may_span_neighbouring_io_elements(void **state)
{
   vmk_DMAEngine e;
   vmk_DMAConstraints c;
   vmk_DMAEngineProps p;
   vmk_SgArray *in;
   vmk_SgArray *out;
   static char b[3 * 4096];

   (void)state;
   memset(&c, 0, sizeof c);
   c.addressMask = VMK_ADDRESS_MASK_64BIT;
   c.sgElemMaxSize = PAGE;
   memset(&p, 0, sizeof p);
   vmk_NameInitialize(&p.name, "iommu-split");
   p.module = vmk_ModuleCurrentID;
   p.device = (vmk_Device)&dev_a;
   p.constraints = &c;
   assert_vmk_ok(vmk_DMAEngineCreate(&p, &e));
   assert_vmk_ok(vmk_SgAllocWithInit(sg_ops, &in, buf_va, 3 * PAGE));
   assert_vmk_ok(vmk_DMAMapSg(e, VMK_DMA_DIRECTION_TO_MEMORY, sg_ops, in,
                              &out, NULL));
   assert_int_equal(out->numElems, 3);
   memset(b, 0x33, sizeof b);
   assert_int_equal(emu_dma_device_access(&dev_a, out->elem[0].ioAddr, b,
                                          sizeof b, 1, NULL), EMU_OK);
   assert_int_equal(buf_va[3 * PAGE - 1], 0x33);
   assert_vmk_ok(vmk_DMAUnmapSg(e, VMK_DMA_DIRECTION_TO_MEMORY, sg_ops, out));
   assert_vmk_ok(vmk_SgFree(sg_ops, in));
   assert_vmk_ok(vmk_DMAEngineDestroy(e));
}

static void
test_device_writes_to_a_bounce_reach_memory_at_unmap(void **state)
{
   vmk_SgElem in = { { ma(5) }, 64, 0 };        /* not 64-byte aligned */
   vmk_SgElem io;
   vmk_DMAConstraints c;
   vmk_DMAEngineProps p;
   vmk_DMABouncePoolProps bp = { vmk_ModuleCurrentID,
                                 VMK_DMA_BOUNCE_POOL_TYPE_UNKNOWN };
   vmk_DMAEngine ea;
   char b[64];

   (void)state;
   /* Force a bounce with an alignment the buffer does not have. */
   memset(&c, 0, sizeof c);
   c.addressMask = VMK_ADDRESS_MASK_64BIT;
   c.sgElemAlignment = 64;
   memset(&p, 0, sizeof p);
   vmk_NameInitialize(&p.name, "iommu-bounce");
   p.module = vmk_ModuleCurrentID;
   p.device = (vmk_Device)&dev_a;
   p.constraints = &c;
   p.bounce = &bp;
   assert_vmk_ok(vmk_DMAEngineCreate(&p, &ea));
   memset(buf_va, 0, 128);
   assert_vmk_ok(vmk_DMAMapElem(ea, VMK_DMA_DIRECTION_TO_MEMORY, &in,
                                VMK_TRUE, &io, NULL));
   assert_int_not_equal(io.ioAddr, in.addr);
   memset(b, 0x66, sizeof b);
   assert_int_equal(emu_dma_device_access(&dev_a, io.ioAddr, b, sizeof b, 1,
                                          NULL), EMU_OK);
   assert_int_equal(buf_va[5], 0);                /* still in the bounce */
   /* The driver's own buffer is not mapped for the device. */
   EmuCtl_ExpectReport(EMUCTL_REPORT_DMA_VIOLATION);
   assert_int_equal(emu_dma_device_access(&dev_a, in.addr, b, sizeof b, 1,
                                          NULL), EMU_NOTFOUND);
   assert_reports_met();
   assert_vmk_ok(vmk_DMAUnmapElem(ea, VMK_DMA_DIRECTION_TO_MEMORY, &io));
   assert_int_equal(buf_va[5], 0x66);
   assert_int_equal(buf_va[5 + 63], 0x66);
   assert_int_equal(buf_va[5 + 64], 0);
   assert_vmk_ok(vmk_DMAEngineDestroy(ea));
}

static void
test_protected_pages_refuse_the_forbidden_direction(void **state)
{
   vmk_DMAEngine e = engine_on(&dev_a, VMK_ADDRESS_MASK_64BIT, VMK_FALSE);
   vmk_SgElem io = map_elem(e, VMK_DMA_DIRECTION_BIDIRECTIONAL, 0, 2 * PAGE);
   vmk_MpnRange r = { buf_mpn + 1, 1 };
   vmk_DMAProtectionAttr ro = { VMK_DMA_DIRECTION_FROM_MEMORY };
   char b[8];

   (void)state;
   assert_vmk_ok(vmk_DMASetProtection(&r, &ro));
   /* Reading is allowed, writing the protected second page is not. */
   assert_int_equal(emu_dma_device_access(&dev_a, io.ioAddr + PAGE, b,
                                          sizeof b, 0, NULL), EMU_OK);
   assert_int_equal(emu_dma_device_access(&dev_a, io.ioAddr, b, sizeof b, 1,
                                          NULL), EMU_OK);
   EmuCtl_ExpectReport(EMUCTL_REPORT_DMA_VIOLATION);
   assert_int_equal(emu_dma_device_access(&dev_a, io.ioAddr + PAGE - 4, b,
                                          sizeof b, 1, NULL), EMU_NOTFOUND);
   assert_reports_met();
   assert_vmk_ok(vmk_DMAClearProtection(&r));
   assert_int_equal(emu_dma_device_access(&dev_a, io.ioAddr + PAGE - 4, b,
                                          sizeof b, 1, NULL), EMU_OK);
   assert_vmk_ok(vmk_DMAUnmapElem(e, VMK_DMA_DIRECTION_BIDIRECTIONAL, &io));
   assert_vmk_ok(vmk_DMAEngineDestroy(e));
}

static void
test_bad_arguments_to_the_hook(void **state)
{
   char b[4];

   (void)state;
   assert_int_equal(emu_dma_device_access(NULL, ma(0), b, 4, 0, NULL),
                    EMU_BADPARAM);
   assert_int_equal(emu_dma_device_access(&dev_a, ma(0), NULL, 4, 0, NULL),
                    EMU_BADPARAM);
   assert_int_equal(emu_dma_device_access(&dev_a, ~0ull - 1, b, 4, 0, NULL),
                    EMU_BADPARAM);
   assert_int_equal(emu_dma_device_access(&dev_a, ma(0), b, 0, 0, NULL),
                    EMU_OK);
}

/* --- Concurrency: a device thread and the driver at once (for TSan). -- */

static vmk_IOA stable_ioa;
static int stop_device;

static void *
device_thread(void *arg)
{
   char b[64];
   int i;

   (void)arg;
   for (i = 0; i < 20000 && !__atomic_load_n(&stop_device, __ATOMIC_RELAXED);
        i++) {
      if (emu_dma_device_access(&dev_a, stable_ioa + (i % 64), b, sizeof b,
                                i & 1, NULL) != EMU_OK) {
         return (void *)1;
      }
   }
   return NULL;
}

static void
test_device_accesses_race_cleanly_with_map_and_unmap(void **state)
{
   vmk_DMAEngine e = engine_on(&dev_a, VMK_ADDRESS_MASK_64BIT, VMK_TRUE);
   vmk_SgElem stable = map_elem(e, VMK_DMA_DIRECTION_BIDIRECTIONAL, 0, PAGE);
   pthread_t t;
   void *rc;
   int i;

   (void)state;
   stable_ioa = stable.ioAddr;
   stop_device = 0;
   assert_int_equal(pthread_create(&t, NULL, device_thread, NULL), 0);
   for (i = 0; i < 500; i++) {
      vmk_SgElem io = map_elem(e, VMK_DMA_DIRECTION_TO_MEMORY, 2 * PAGE,
                               PAGE);

      assert_vmk_ok(vmk_DMAFlushElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &io));
      assert_vmk_ok(vmk_DMAUnmapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &io));
   }
   __atomic_store_n(&stop_device, 1, __ATOMIC_RELAXED);
   assert_int_equal(pthread_join(t, &rc), 0);
   assert_null(rc);
   assert_vmk_ok(vmk_DMAUnmapElem(e, VMK_DMA_DIRECTION_BIDIRECTIONAL,
                                  &stable));
   assert_vmk_ok(vmk_DMAEngineDestroy(e));
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_device_reads_and_writes_a_live_mapping),
      cmocka_unit_test(test_device_access_against_the_direction_is_a_violation),
      cmocka_unit_test(test_access_after_unmap_or_by_another_device_is_a_violation),
      cmocka_unit_test(test_access_running_past_the_mapping_copies_nothing),
      cmocka_unit_test(test_access_may_span_neighbouring_io_elements),
      cmocka_unit_test(test_device_writes_to_a_bounce_reach_memory_at_unmap),
      cmocka_unit_test(test_protected_pages_refuse_the_forbidden_direction),
      cmocka_unit_test(test_bad_arguments_to_the_hook),
      cmocka_unit_test(test_device_accesses_race_cleanly_with_map_and_unmap),
   };

   return cmocka_run_group_tests(tests, iommu_setup, iommu_teardown);
}
