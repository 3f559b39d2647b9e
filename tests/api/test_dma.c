/*
 * test_dma.c -- DMA engines as a driver sees them: constraints and the
 * documented map-error reasons, bounce buffers (data moved at map, unmap
 * and flush), device constraints, allocation constraints, protections,
 * and the misuse reports (unmap of what is not mapped, double unmap,
 * direction mismatch, engine destroyed with live mappings, dead handles).
 *
 * IO addresses in vmkemu are the machine addresses the device touches
 * (see emu/dev/dma.c), so a test can look at a bounce buffer through
 * vmk_MA2VA of the IO address.  The device side (emu_dma_device_access)
 * is tested in tests/engine/test_dma_iommu.c.
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

#define PAGE  VMK_PAGE_SIZE
#define GiB   (1ull << 30)
#define LOW_PAGES 64

static vmk_HeapID test_heap;
static vmk_MemPool test_pool;
static vmk_SgOpsHandle sg_ops;
static int fake_device;                /* an opaque vmk_Device */
static int other_device;
static vmk_MPN low_mpn;                /* LOW_PAGES pages below 4 GiB */
static vmk_MPN high_mpn;               /* high_pages pages above 4 GiB */
static vmk_uint64 high_pages;
static char *low_va;
static char *high_va;

static vmk_MPN
pool_alloc(vmk_uint64 n, vmk_MemPhysAddrConstraint range)
{
   vmk_MemPoolAllocProps ap;
   vmk_MemPoolAllocRequest rq;
   vmk_MpnRange r;

   memset(&ap, 0, sizeof ap);
   ap.physContiguity = VMK_MEM_PHYS_CONTIGUOUS;
   ap.physRange = range;
   rq.numPages = (vmk_uint32)n;
   rq.numElements = 1;
   rq.mpnRanges = &r;
   if (vmk_MemPoolAlloc(test_pool, &ap, &rq) != VMK_OK) {
      return 0;
   }
   return r.startMPN;
}

static void
pool_free(vmk_MPN mpn, vmk_uint64 n)
{
   vmk_MemPoolAllocRequest rq;
   vmk_MpnRange r = { mpn, (vmk_uint32)n };

   rq.numPages = (vmk_uint32)n;
   rq.numElements = 1;
   rq.mpnRanges = &r;
   (void)vmk_MemPoolFree(&rq);
}

static char *
ma_va(vmk_MA ma, vmk_uint64 len)
{
   vmk_VA va;

   if (vmk_MA2VA(ma, len, &va) != VMK_OK) {
      return NULL;
   }
   return (char *)(uintptr_t)va;
}

static int
dma_setup(void **state)
{
   vmk_HeapCreateProps hp;
   vmk_MemPoolProps pp;
   EmuCtl_MachMemInfo info;

   if (emutest_group_setup(state) != 0) {
      return -1;
   }
   memset(&hp, 0, sizeof hp);
   hp.type = VMK_HEAP_TYPE_SIMPLE;
   vmk_NameInitialize(&hp.name, "dma-test");
   hp.max = 4 * 1024 * 1024;
   hp.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   if (vmk_HeapCreate(&hp, &test_heap) != VMK_OK) {
      return -1;
   }
   memset(&pp, 0, sizeof pp);
   vmk_NameInitialize(&pp.name, "dma-test");
   pp.memPoolType = VMK_MEM_POOL_LEAF;
   if (vmk_MemPoolCreate(&pp, &test_pool) != VMK_OK ||
       vmk_SgCreateOpsHandle(test_heap, &sg_ops, NULL, NULL) != VMK_OK ||
       EmuCtl_MachMemGetInfo(&info) != VMK_OK) {
      return -1;
   }
   low_mpn = pool_alloc(LOW_PAGES, VMK_PHYS_ADDR_BELOW_4GB);
   /* A run as long as the whole low bank can only come from the high one. */
   high_pages = info.lowPages;
   high_mpn = pool_alloc(high_pages, VMK_PHYS_ADDR_ANY);
   if (low_mpn == 0 || high_mpn == 0 || vmk_MPN2MA(high_mpn) < 4 * GiB) {
      return -1;
   }
   low_va = ma_va(vmk_MPN2MA(low_mpn), LOW_PAGES * PAGE);
   high_va = ma_va(vmk_MPN2MA(high_mpn), 64 * PAGE);
   return low_va != NULL && high_va != NULL ? 0 : -1;
}

static int
dma_teardown(void **state)
{
   pool_free(high_mpn, high_pages);
   pool_free(low_mpn, LOW_PAGES);
   vmk_SgDestroyOpsHandle(sg_ops);
   vmk_MemPoolDestroy(test_pool);
   vmk_HeapDestroy(test_heap);
   return emutest_group_teardown(state);
}

/* The module must have a heap before DMA engines can be made. */
static int
module_heap_setup(void **state)
{
   (void)state;
   vmk_ModuleSetHeapID(vmk_ModuleCurrentID, test_heap);
   return 0;
}

static vmk_MA
low_ma(vmk_uint64 off)
{
   return vmk_MPN2MA(low_mpn) + off;
}

static vmk_MA
high_ma(vmk_uint64 off)
{
   return vmk_MPN2MA(high_mpn) + off;
}

static void
no_constraints(vmk_DMAConstraints *c)
{
   memset(c, 0, sizeof *c);
   c->addressMask = VMK_ADDRESS_MASK_64BIT;
}

static VMK_ReturnStatus
make_engine(vmk_DMAConstraints *c, vmk_Bool bounce, vmk_uint32 flags,
            vmk_DMAEngine *e)
{
   vmk_DMAEngineProps p;
   vmk_DMABouncePoolProps bp;

   memset(&p, 0, sizeof p);
   vmk_NameInitialize(&p.name, "test-engine");
   p.module = vmk_ModuleCurrentID;
   p.flags = flags;
   p.device = (vmk_Device)&fake_device;
   p.constraints = c;
   if (bounce) {
      bp.module = vmk_ModuleCurrentID;
      bp.type = VMK_DMA_BOUNCE_POOL_TYPE_UNKNOWN;
      p.bounce = &bp;
   }
   return vmk_DMAEngineCreate(&p, e);
}

static vmk_DMAEngine
engine(vmk_DMAConstraints *c, vmk_Bool bounce)
{
   vmk_DMAEngine e;

   assert_vmk_ok(make_engine(c, bounce, 0, &e));
   return e;
}

static void
fill(char *p, vmk_uint64 len, unsigned seed)
{
   vmk_uint64 i;

   for (i = 0; i < len; i++) {
      p[i] = (char)(i * 13 + seed);
   }
}

/* --- Group 1: before the module has a heap ---------------------------- */

static void
test_engine_create_needs_a_module_heap(void **state)
{
   vmk_DMAConstraints c;
   vmk_DMAEngine e;
   vmk_DMADeviceProps dp;
   vmk_DMADevice d;

   (void)state;
   no_constraints(&c);
   assert_vmk_status(make_engine(&c, VMK_FALSE, 0, &e), VMK_NO_MODULE_HEAP);
   memset(&dp, 0, sizeof dp);
   vmk_NameInitialize(&dp.name, "bridge");
   dp.module = vmk_ModuleCurrentID;
   dp.device = (vmk_Device)&other_device;
   dp.constraints = &c;
   assert_vmk_status(vmk_DMADeviceRegister(&dp, &d), VMK_NO_MODULE_HEAP);
}

/* --- Group 2 ------------------------------------------------------------ */

static void
test_engine_create_rejects_malformed_constraints(void **state)
{
   vmk_DMAConstraints c;
   vmk_DMAEngine e;
   vmk_DMAEngineProps p;

   (void)state;
   no_constraints(&c);
   c.addressMask = 0;
   assert_vmk_status(make_engine(&c, VMK_FALSE, 0, &e), VMK_BAD_PARAM);
   c.addressMask = 0xff00ffffull;                  /* a hole */
   assert_vmk_status(make_engine(&c, VMK_FALSE, 0, &e), VMK_BAD_PARAM);
   no_constraints(&c);
   c.sgElemMaxSize = 512;                          /* under a page */
   assert_vmk_status(make_engine(&c, VMK_FALSE, 0, &e), VMK_BAD_PARAM);
   no_constraints(&c);
   c.sgElemSizeMult = 24;                          /* not a power of 2 */
   assert_vmk_status(make_engine(&c, VMK_FALSE, 0, &e), VMK_BAD_PARAM);
   no_constraints(&c);
   c.sgElemAlignment = 2 * PAGE;                   /* over a page */
   assert_vmk_status(make_engine(&c, VMK_FALSE, 0, &e), VMK_BAD_PARAM);
   no_constraints(&c);
   c.sgElemStraddle = 2048;                        /* under a page */
   assert_vmk_status(make_engine(&c, VMK_FALSE, 0, &e), VMK_BAD_PARAM);
   no_constraints(&c);
   assert_vmk_status(make_engine(&c, VMK_FALSE, 0x80, &e), VMK_BAD_PARAM);
   assert_vmk_status(make_engine(NULL, VMK_FALSE, 0, &e), VMK_BAD_PARAM);
   assert_vmk_status(vmk_DMAEngineCreate(NULL, &e), VMK_BAD_PARAM);
   memset(&p, 0, sizeof p);
   p.module = vmk_ModuleCurrentID;
   p.constraints = &c;
   assert_vmk_status(vmk_DMAEngineCreate(&p, NULL), VMK_BAD_PARAM);
   assert_vmk_status(vmk_DMAEngineDestroy(NULL), VMK_BAD_PARAM);
}

static void
test_map_elem_without_constraints_maps_in_place(void **state)
{
   vmk_DMAConstraints c;
   vmk_DMAEngine e;
   vmk_SgElem in = { { high_ma(100) }, 3 * PAGE, 0 };
   vmk_SgElem io;
   vmk_DMAMapErrorInfo err;

   (void)state;
   no_constraints(&c);
   e = engine(&c, VMK_TRUE);
   assert_vmk_ok(vmk_DMAMapElem(e, VMK_DMA_DIRECTION_BIDIRECTIONAL, &in,
                                VMK_TRUE, &io, &err));
   assert_int_equal(err.reason, VMK_DMA_MAP_ERROR_REASON_NONE);
   assert_int_equal(io.ioAddr, in.addr);
   assert_int_equal(io.length, in.length);
   assert_vmk_ok(vmk_DMAFlushElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &io));
   assert_vmk_ok(vmk_DMAUnmapElem(e, VMK_DMA_DIRECTION_BIDIRECTIONAL, &io));
   assert_vmk_ok(vmk_DMAEngineDestroy(e));
}

static void
test_map_rejects_bad_input(void **state)
{
   vmk_DMAConstraints c;
   vmk_DMAEngine e;
   vmk_SgElem in = { { low_ma(0) }, 64, 0 };
   vmk_SgElem io;
   vmk_SgElem zero = { { low_ma(0) }, 0, 0 };
   vmk_SgElem nowhere = { { 0x1000 }, 64, 0 };
   vmk_SgArray *sg;
   vmk_SgArray *out;

   (void)state;
   no_constraints(&c);
   e = engine(&c, VMK_FALSE);
   assert_vmk_status(vmk_DMAMapElem(e, VMK_DMA_DIRECTION_NONE, &in, VMK_TRUE,
                                    &io, NULL), VMK_BAD_PARAM);
   assert_vmk_status(vmk_DMAMapElem(e, (vmk_DMADirection)7, &in, VMK_TRUE,
                                    &io, NULL), VMK_BAD_PARAM);
   assert_vmk_status(vmk_DMAMapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &zero,
                                    VMK_TRUE, &io, NULL), VMK_BAD_PARAM);
   assert_vmk_status(vmk_DMAMapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &nowhere,
                                    VMK_TRUE, &io, NULL), VMK_BAD_PARAM);
   assert_vmk_status(vmk_DMAMapElem(NULL, VMK_DMA_DIRECTION_TO_MEMORY, &in,
                                    VMK_TRUE, &io, NULL), VMK_BAD_PARAM);
   assert_vmk_status(vmk_DMAMapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, NULL,
                                    VMK_TRUE, &io, NULL), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_SgAlloc(sg_ops, &sg, 2));
   assert_vmk_status(vmk_DMAMapSg(e, VMK_DMA_DIRECTION_TO_MEMORY, sg_ops, sg,
                                  &out, NULL), VMK_BAD_PARAM);  /* empty */
   sg->elem[0] = in;
   sg->numElems = 1;
   assert_vmk_status(vmk_DMAMapSg(e, VMK_DMA_DIRECTION_TO_MEMORY, NULL, sg,
                                  &out, NULL), VMK_BAD_PARAM);
   assert_vmk_status(vmk_DMAMapSg(e, VMK_DMA_DIRECTION_TO_MEMORY, sg_ops, sg,
                                  NULL, NULL), VMK_BAD_PARAM);
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_OTHER) > 0, 1);
   assert_vmk_ok(vmk_SgFree(sg_ops, sg));
   assert_vmk_ok(vmk_DMAEngineDestroy(e));
}

static void
test_address_above_the_mask_fails_without_a_bounce_pool(void **state)
{
   vmk_DMAConstraints c;
   vmk_DMAEngine e;
   vmk_SgElem in = { { high_ma(0) }, PAGE, 0 };
   vmk_SgElem io;
   vmk_DMAMapErrorInfo err;

   (void)state;
   no_constraints(&c);
   c.addressMask = VMK_ADDRESS_MASK_32BIT;
   e = engine(&c, VMK_FALSE);
   assert_vmk_status(vmk_DMAMapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &in,
                                    VMK_TRUE, &io, &err),
                     VMK_DMA_MAPPING_FAILED);
   assert_int_equal(err.reason, VMK_DMA_MAP_ERROR_REASON_SG_ELEM_ADDRESS);
   assert_int_equal(err.info.elemAddress.addressMask, VMK_ADDRESS_MASK_32BIT);
   assert_int_equal(err.info.elemAddress.badElem, 0);
   /* Memory below 4 GiB maps as it is. */
   in.addr = low_ma(0);
   assert_vmk_ok(vmk_DMAMapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &in,
                                VMK_TRUE, &io, &err));
   assert_int_equal(io.ioAddr, low_ma(0));
   assert_vmk_ok(vmk_DMAUnmapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &io));
   assert_vmk_ok(vmk_DMAEngineDestroy(e));
}

static void
test_bounce_moves_data_at_map_and_unmap_per_direction(void **state)
{
   vmk_DMAConstraints c;
   vmk_DMAEngine e;
   vmk_SgElem in = { { high_ma(8) }, 2 * PAGE, 0 };
   vmk_SgElem io;
   char *bounce;

   (void)state;
   no_constraints(&c);
   c.addressMask = VMK_ADDRESS_MASK_32BIT;
   e = engine(&c, VMK_TRUE);

   /* FROM_MEMORY: the device reads; the data is in the bounce at map. */
   fill(high_va + 8, 2 * PAGE, 1);
   assert_vmk_ok(vmk_DMAMapElem(e, VMK_DMA_DIRECTION_FROM_MEMORY, &in,
                                VMK_TRUE, &io, NULL));
   assert_true(io.ioAddr + io.length - 1 <= VMK_ADDRESS_MASK_32BIT);
   assert_int_equal(io.length, 2 * PAGE);
   bounce = ma_va(io.ioAddr, io.length);
   assert_non_null(bounce);
   assert_memory_equal(bounce, high_va + 8, 2 * PAGE);
   assert_vmk_ok(vmk_DMAUnmapElem(e, VMK_DMA_DIRECTION_FROM_MEMORY, &io));

   /* TO_MEMORY: what lands in the bounce reaches memory at unmap. */
   memset(high_va + 8, 0, 2 * PAGE);
   high_va[8 + 2 * PAGE - 1] = 0x3c;
   assert_vmk_ok(vmk_DMAMapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &in,
                                VMK_TRUE, &io, NULL));
   bounce = ma_va(io.ioAddr, io.length);
   fill(bounce, 2 * PAGE - 1, 5);     /* the device leaves the last byte */
   assert_int_equal(high_va[8 + 1], 0);           /* not yet */
   assert_vmk_ok(vmk_DMAUnmapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &io));
   {
      static char want[2 * 4096];

      fill(want, sizeof want - 1, 5);
      want[sizeof want - 1] = 0x3c;      /* kept: the bounce started as it */
      assert_memory_equal(high_va + 8, want, sizeof want);
   }
   assert_vmk_ok(vmk_DMAEngineDestroy(e));
}

static void
test_flush_moves_bounce_data_in_the_flush_direction(void **state)
{
   vmk_DMAConstraints c;
   vmk_DMAEngine e;
   vmk_SgElem in = { { high_ma(0) }, PAGE, 0 };
   vmk_SgElem io;
   vmk_SgElem bogus;
   char *bounce;

   (void)state;
   no_constraints(&c);
   c.addressMask = VMK_ADDRESS_MASK_32BIT;
   e = engine(&c, VMK_TRUE);
   memset(high_va, 0, PAGE);
   assert_vmk_ok(vmk_DMAMapElem(e, VMK_DMA_DIRECTION_BIDIRECTIONAL, &in,
                                VMK_TRUE, &io, NULL));
   bounce = ma_va(io.ioAddr, io.length);
   /* CPU writes, then FROM_MEMORY makes them visible to the device. */
   fill(high_va, PAGE, 2);
   assert_int_equal(bounce[1], 0);
   assert_vmk_ok(vmk_DMAFlushElem(e, VMK_DMA_DIRECTION_FROM_MEMORY, &io));
   assert_memory_equal(bounce, high_va, PAGE);
   /* Device writes, then TO_MEMORY makes them visible to the CPU. */
   fill(bounce, PAGE, 4);
   assert_vmk_ok(vmk_DMAFlushElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &io));
   assert_memory_equal(high_va, bounce, PAGE);
   assert_vmk_status(vmk_DMAFlushElem(e, VMK_DMA_DIRECTION_BIDIRECTIONAL,
                                      &io), VMK_BAD_PARAM);
   bogus = io;
   bogus.length = 7;
   assert_vmk_status(vmk_DMAFlushElem(e, VMK_DMA_DIRECTION_TO_MEMORY,
                                      &bogus), VMK_INVALID_ADDRESS);
   assert_vmk_ok(vmk_DMAUnmapElem(e, VMK_DMA_DIRECTION_BIDIRECTIONAL, &io));
   /* A one-way mapping may not be flushed the other way. */
   assert_vmk_ok(vmk_DMAMapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &in,
                                VMK_TRUE, &io, NULL));
   assert_vmk_status(vmk_DMAFlushElem(e, VMK_DMA_DIRECTION_FROM_MEMORY, &io),
                     VMK_BAD_PARAM);
   assert_vmk_ok(vmk_DMAUnmapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &io));
   assert_vmk_ok(vmk_DMAEngineDestroy(e));
}

static void
test_transfer_too_large_fails_even_with_a_bounce_pool(void **state)
{
   vmk_DMAConstraints c;
   vmk_DMAEngine e;
   vmk_SgElem in = { { low_ma(0) }, 2 * PAGE, 0 };
   vmk_SgElem io;
   vmk_DMAMapErrorInfo err;

   (void)state;
   no_constraints(&c);
   c.maxTransfer = PAGE;
   e = engine(&c, VMK_TRUE);
   assert_vmk_status(vmk_DMAMapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &in,
                                    VMK_TRUE, &io, &err),
                     VMK_DMA_MAPPING_FAILED);
   assert_int_equal(err.reason, VMK_DMA_MAP_ERROR_REASON_TRANSFER_TOO_LARGE);
   assert_int_equal(err.info.tooLarge.maxTransfer, PAGE);
   assert_vmk_ok(vmk_DMAEngineDestroy(e));
}

/* An SG array of n separate pieces of len bytes, gap bytes apart. */
static vmk_SgArray *
pieces(vmk_MA base, vmk_uint32 n, vmk_uint32 len, vmk_uint32 gap)
{
   vmk_SgArray *sg;
   vmk_uint32 i;

   assert_vmk_ok(vmk_SgAlloc(sg_ops, &sg, n));
   for (i = 0; i < n; i++) {
      sg->elem[i].addr = base + (vmk_MA)i * (len + gap);
      sg->elem[i].length = len;
   }
   sg->numElems = n;
   return sg;
}

static void
test_sg_map_coalesces_and_cuts_at_the_element_limits(void **state)
{
   vmk_DMAConstraints c;
   vmk_DMAEngine e;
   vmk_SgArray *in = pieces(low_ma(0), 4, PAGE, 0);   /* contiguous */
   vmk_SgArray *out;
   vmk_uint32 i;

   (void)state;
   no_constraints(&c);
   e = engine(&c, VMK_FALSE);
   assert_vmk_ok(vmk_DMAMapSg(e, VMK_DMA_DIRECTION_TO_MEMORY, sg_ops, in,
                              &out, NULL));
   assert_ptr_not_equal(out, in);
   assert_int_equal(out->numElems, 1);
   assert_int_equal(out->elem[0].ioAddr, low_ma(0));
   assert_int_equal(out->elem[0].length, 4 * PAGE);
   assert_vmk_ok(vmk_DMAUnmapSg(e, VMK_DMA_DIRECTION_TO_MEMORY, sg_ops, out));
   assert_vmk_ok(vmk_DMAEngineDestroy(e));

   /* With a 2-page element limit and an 8 KiB straddle from 1 KiB in. */
   no_constraints(&c);
   c.sgElemMaxSize = 2 * PAGE;
   c.sgElemStraddle = 2 * PAGE;
   e = engine(&c, VMK_FALSE);
   in->elem[0].addr = low_ma(1024);
   in->numElems = 1;
   in->elem[0].length = 4 * PAGE;
   assert_vmk_ok(vmk_DMAMapSg(e, VMK_DMA_DIRECTION_TO_MEMORY, sg_ops, in,
                              &out, NULL));
   assert_int_equal(out->numElems, 3);
   assert_int_equal(vmk_SgGetDataLen(out), 4 * PAGE);
   for (i = 0; i < out->numElems; i++) {
      vmk_IOA first = out->elem[i].ioAddr;
      vmk_IOA last = first + out->elem[i].length - 1;

      assert_true(out->elem[i].length <= 2 * PAGE);
      assert_int_equal(first / (2 * PAGE), last / (2 * PAGE));
   }
   assert_vmk_ok(vmk_DMAUnmapSg(e, VMK_DMA_DIRECTION_TO_MEMORY, sg_ops, out));
   assert_vmk_ok(vmk_DMAEngineDestroy(e));
   assert_vmk_ok(vmk_SgFree(sg_ops, in));
}

static void
test_sg_map_reports_the_documented_reasons(void **state)
{
   vmk_DMAConstraints c;
   vmk_DMAEngine e;
   vmk_SgArray *in;
   vmk_SgArray *out;
   vmk_DMAMapErrorInfo err;

   (void)state;
   /* Too many separate pieces. */
   no_constraints(&c);
   c.sgMaxEntries = 2;
   e = engine(&c, VMK_FALSE);
   in = pieces(low_ma(0), 3, 512, 512);
   assert_vmk_status(vmk_DMAMapSg(e, VMK_DMA_DIRECTION_TO_MEMORY, sg_ops, in,
                                  &out, &err), VMK_DMA_MAPPING_FAILED);
   assert_int_equal(err.reason, VMK_DMA_MAP_ERROR_REASON_TOO_MANY_ENTRIES);
   assert_int_equal(err.info.tooManyEntries.sgMaxEntries, 2);
   assert_vmk_ok(vmk_DMAEngineDestroy(e));

   /* Too many once cut at the element size. */
   no_constraints(&c);
   c.sgMaxEntries = 2;
   c.sgElemMaxSize = PAGE;
   e = engine(&c, VMK_FALSE);
   in->elem[0].length = 3 * PAGE;
   in->elem[0].addr = low_ma(0);
   in->numElems = 1;
   assert_vmk_status(vmk_DMAMapSg(e, VMK_DMA_DIRECTION_TO_MEMORY, sg_ops, in,
                                  &out, &err), VMK_DMA_MAPPING_FAILED);
   assert_int_equal(err.reason, VMK_DMA_MAP_ERROR_REASON_SG_ELEM_MAX_SIZE);
   assert_int_equal(err.info.elemMaxSize.sgElemMaxSize, PAGE);
   assert_vmk_ok(vmk_DMAEngineDestroy(e));

   /* Too many once cut at a straddle boundary. */
   no_constraints(&c);
   c.sgMaxEntries = 1;
   c.sgElemStraddle = PAGE;
   e = engine(&c, VMK_FALSE);
   in->elem[0].addr = low_ma(100);
   in->elem[0].length = PAGE;
   assert_vmk_status(vmk_DMAMapSg(e, VMK_DMA_DIRECTION_TO_MEMORY, sg_ops, in,
                                  &out, &err), VMK_DMA_MAPPING_FAILED);
   assert_int_equal(err.reason, VMK_DMA_MAP_ERROR_REASON_SG_ELEM_STRADDLE);
   assert_int_equal(err.info.elemStraddle.sgElemStraddle, PAGE);
   assert_vmk_ok(vmk_DMAEngineDestroy(e));
   assert_vmk_ok(vmk_SgFree(sg_ops, in));

   /* Misaligned second element. */
   no_constraints(&c);
   c.sgElemAlignment = 512;
   e = engine(&c, VMK_FALSE);
   in = pieces(low_ma(0), 2, 512, 100);
   assert_vmk_status(vmk_DMAMapSg(e, VMK_DMA_DIRECTION_TO_MEMORY, sg_ops, in,
                                  &out, &err), VMK_DMA_MAPPING_FAILED);
   assert_int_equal(err.reason, VMK_DMA_MAP_ERROR_REASON_SG_ELEM_ALIGNMENT);
   assert_int_equal(err.info.elemAlignment.sgElemAlignment, 512);
   assert_int_equal(err.info.elemAlignment.badElem, 1);
   assert_vmk_ok(vmk_DMAEngineDestroy(e));
   assert_vmk_ok(vmk_SgFree(sg_ops, in));

   /* Size multiple: every element but the last. */
   no_constraints(&c);
   c.sgElemSizeMult = 512;
   e = engine(&c, VMK_FALSE);
   in = pieces(low_ma(0), 3, 1024, 1024);
   in->elem[2].length = 100;                     /* the last may be short */
   assert_vmk_ok(vmk_DMAMapSg(e, VMK_DMA_DIRECTION_TO_MEMORY, sg_ops, in,
                              &out, &err));
   assert_vmk_ok(vmk_DMAUnmapSg(e, VMK_DMA_DIRECTION_TO_MEMORY, sg_ops, out));
   in->elem[1].length = 100;
   assert_vmk_status(vmk_DMAMapSg(e, VMK_DMA_DIRECTION_TO_MEMORY, sg_ops, in,
                                  &out, &err), VMK_DMA_MAPPING_FAILED);
   assert_int_equal(err.reason, VMK_DMA_MAP_ERROR_REASON_SG_ELEM_SIZE_MULT);
   assert_int_equal(err.info.elemSizeMult.sgElemSizeMult, 512);
   assert_int_equal(err.info.elemSizeMult.badElem, 1);
   assert_vmk_ok(vmk_DMAEngineDestroy(e));
   assert_vmk_ok(vmk_SgFree(sg_ops, in));
}

static void
test_bounce_coalesces_scattered_pieces_into_one(void **state)
{
   vmk_DMAConstraints c;
   vmk_DMAEngine e;
   vmk_SgArray *in = pieces(high_ma(0), 3, 1000, 3000);
   vmk_SgArray *out;
   static char got[3000];
   static char want[3000];
   vmk_uint32 i;

   (void)state;
   no_constraints(&c);
   c.sgMaxEntries = 1;
   c.sgElemAlignment = 512;
   c.addressMask = VMK_ADDRESS_MASK_32BIT;
   e = engine(&c, VMK_TRUE);
   for (i = 0; i < 3; i++) {
      fill(high_va + i * 4000, 1000, i);
      fill(want + i * 1000, 1000, i);
   }
   assert_vmk_ok(vmk_DMAMapSg(e, VMK_DMA_DIRECTION_BIDIRECTIONAL, sg_ops, in,
                              &out, NULL));
   assert_int_equal(out->numElems, 1);
   assert_int_equal(out->elem[0].length, 3000);
   assert_int_equal(out->elem[0].ioAddr % 512, 0);
   assert_true(out->elem[0].ioAddr < 4 * GiB);
   /* The IO array is machine memory too: read the bounce through it. */
   assert_vmk_ok(vmk_SgCopyFrom(got, out, sizeof got));
   assert_memory_equal(got, want, sizeof want);
   /* The device overwrites; a partial TO_MEMORY flush lands 1000..1999. */
   memset(got, 0x5a, sizeof got);
   assert_vmk_ok(vmk_SgCopyTo(out, got, sizeof got));
   assert_vmk_ok(vmk_DMAFlushSg(e, VMK_DMA_DIRECTION_TO_MEMORY, out, 1000,
                                1000));
   assert_int_equal((unsigned char)high_va[4000], 0x5a);
   assert_int_equal(high_va[0], want[0]);
   assert_int_equal(high_va[8000], want[2000]);
   assert_vmk_status(vmk_DMAFlushSg(e, VMK_DMA_DIRECTION_TO_MEMORY, out, 3001,
                                    1), VMK_BAD_PARAM);
   assert_vmk_status(vmk_DMAFlushSg(e, VMK_DMA_DIRECTION_TO_MEMORY, out, 2000,
                                    2000), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_DMAFlushSg(e, VMK_DMA_DIRECTION_FROM_MEMORY, out, 0,
                                VMK_DMA_FLUSH_SG_ALL));
   assert_vmk_status(vmk_DMAFlushSg(e, VMK_DMA_DIRECTION_FROM_MEMORY, in, 0,
                                    VMK_DMA_FLUSH_SG_ALL),
                     VMK_INVALID_ADDRESS);
   /* FROM_MEMORY refreshed the whole bounce from memory; unmap copies it
    * all back, so memory now holds what it held after the partial flush. */
   assert_vmk_ok(vmk_SgCopyFrom(got, out, sizeof got));
   assert_int_equal((unsigned char)got[1500], 0x5a);
   assert_int_equal(got[2999], want[2999]);
   assert_vmk_ok(vmk_DMAUnmapSg(e, VMK_DMA_DIRECTION_BIDIRECTIONAL, sg_ops,
                                out));
   assert_int_equal((unsigned char)high_va[4999], 0x5a);
   assert_int_equal(high_va[8999], want[2999]);
   assert_vmk_ok(vmk_DMAEngineDestroy(e));
   assert_vmk_ok(vmk_SgFree(sg_ops, in));
}

static void
test_coherent_engines_never_bounce(void **state)
{
   vmk_DMAConstraints c;
   vmk_DMAEngine e;
   vmk_SgElem in = { { high_ma(0) }, PAGE, 0 };
   vmk_SgElem io;
   vmk_DMAMapErrorInfo err;

   (void)state;
   no_constraints(&c);
   c.addressMask = VMK_ADDRESS_MASK_32BIT;
   assert_vmk_ok(make_engine(&c, VMK_TRUE, VMK_DMA_ENGINE_FLAGS_COHERENT, &e));
   assert_vmk_status(vmk_DMAMapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &in,
                                    VMK_TRUE, &io, &err),
                     VMK_DMA_MAPPING_FAILED);
   assert_int_equal(err.reason, VMK_DMA_MAP_ERROR_REASON_SG_ELEM_ADDRESS);
   assert_vmk_ok(vmk_DMAEngineDestroy(e));
}

static void
test_map_elem_needs_one_element_and_the_size_multiple(void **state)
{
   vmk_DMAConstraints c;
   vmk_DMAEngine e;
   vmk_SgElem in = { { low_ma(0) }, 3 * PAGE, 0 };
   vmk_SgElem io;
   vmk_DMAMapErrorInfo err;

   (void)state;
   no_constraints(&c);
   c.sgElemMaxSize = 2 * PAGE;
   c.sgElemSizeMult = 512;
   e = engine(&c, VMK_TRUE);
   assert_vmk_status(vmk_DMAMapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &in,
                                    VMK_TRUE, &io, &err),
                     VMK_DMA_MAPPING_FAILED);
   assert_int_equal(err.reason, VMK_DMA_MAP_ERROR_REASON_SG_ELEM_MAX_SIZE);
   /* Not the last element: its size must be a multiple; bounce cannot help. */
   in.length = 100;
   assert_vmk_status(vmk_DMAMapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &in,
                                    VMK_FALSE, &io, &err),
                     VMK_DMA_MAPPING_FAILED);
   assert_int_equal(err.reason, VMK_DMA_MAP_ERROR_REASON_SG_ELEM_SIZE_MULT);
   assert_vmk_ok(vmk_DMAMapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &in,
                                VMK_TRUE, &io, &err));
   assert_vmk_ok(vmk_DMAUnmapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &io));
   assert_vmk_ok(vmk_DMAEngineDestroy(e));
}

static void
test_bounce_pages_running_out_is_no_memory(void **state)
{
   vmk_DMAConstraints c;
   vmk_DMAEngine e;
   vmk_SgElem in = { { high_ma(0) }, PAGE, 0 };
   vmk_SgElem io;
   vmk_uint64 before;

   (void)state;
   no_constraints(&c);
   c.addressMask = VMK_ADDRESS_MASK_32BIT;
   e = engine(&c, VMK_TRUE);
   before = EmuCtl_LiveResources(EMUCTL_RSRC_OTHER);
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_PAGES, 1);
   assert_vmk_status(vmk_DMAMapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &in,
                                    VMK_TRUE, &io, NULL), VMK_NO_MEMORY);
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_PAGES, 0);
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_OTHER), before);
   /* A mask no machine memory meets cannot bounce at all. */
   assert_vmk_ok(vmk_DMAEngineDestroy(e));
   c.addressMask = (1ull << 24) - 1;
   e = engine(&c, VMK_TRUE);
   assert_vmk_status(vmk_DMAMapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &in,
                                    VMK_TRUE, &io, NULL),
                     VMK_DMA_MAPPING_FAILED);
   assert_vmk_ok(vmk_DMAEngineDestroy(e));
}

static void
test_unmap_of_what_is_not_mapped_is_reported(void **state)
{
   vmk_DMAConstraints c;
   vmk_DMAEngine e;
   vmk_SgElem in = { { low_ma(0) }, 256, 0 };
   vmk_SgElem io;
   vmk_SgArray *sg = pieces(low_ma(0), 1, 256, 0);
   vmk_SgArray *out;

   (void)state;
   no_constraints(&c);
   e = engine(&c, VMK_FALSE);
   EmuCtl_ExpectReport(EMUCTL_REPORT_BAD_FREE);
   assert_vmk_status(vmk_DMAUnmapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &in),
                     VMK_INVALID_ADDRESS);
   assert_reports_met();
   assert_vmk_ok(vmk_DMAMapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &in,
                                VMK_TRUE, &io, NULL));
   assert_vmk_ok(vmk_DMAUnmapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &io));
   EmuCtl_ExpectReport(EMUCTL_REPORT_DOUBLE_FREE);
   assert_vmk_status(vmk_DMAUnmapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &io),
                     VMK_INVALID_ADDRESS);
   assert_reports_met();

   assert_vmk_ok(vmk_DMAMapSg(e, VMK_DMA_DIRECTION_TO_MEMORY, sg_ops, sg,
                              &out, NULL));
   EmuCtl_ExpectReport(EMUCTL_REPORT_BAD_FREE);
   assert_vmk_status(vmk_DMAUnmapSg(e, VMK_DMA_DIRECTION_TO_MEMORY, sg_ops,
                                    sg), VMK_INVALID_ADDRESS);
   assert_reports_met();
   assert_vmk_ok(vmk_DMAUnmapSg(e, VMK_DMA_DIRECTION_TO_MEMORY, sg_ops, out));
   assert_vmk_ok(vmk_SgFree(sg_ops, sg));
   assert_vmk_ok(vmk_DMAEngineDestroy(e));
}

static void
test_unmap_with_another_direction_is_misuse(void **state)
{
   vmk_DMAConstraints c;
   vmk_DMAEngine e;
   vmk_SgElem in = { { high_ma(0) }, PAGE, 0 };
   vmk_SgElem io;

   (void)state;
   no_constraints(&c);
   c.addressMask = VMK_ADDRESS_MASK_32BIT;
   e = engine(&c, VMK_TRUE);
   memset(high_va, 0, PAGE);
   assert_vmk_ok(vmk_DMAMapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &in,
                                VMK_TRUE, &io, NULL));
   fill(ma_va(io.ioAddr, PAGE), PAGE, 8);
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_vmk_ok(vmk_DMAUnmapElem(e, VMK_DMA_DIRECTION_FROM_MEMORY, &io));
   assert_reports_met();
   /* The mapping's own direction was used: the data came back. */
   assert_int_equal(high_va[1], (char)(13 + 8));
   assert_vmk_ok(vmk_DMAEngineDestroy(e));
}

static void
test_destroying_an_engine_with_live_mappings_is_a_leak(void **state)
{
   vmk_DMAConstraints c;
   vmk_DMAEngine e;
   vmk_SgElem in = { { high_ma(0) }, PAGE, 0 };
   vmk_SgElem io;
   vmk_SgArray *sg;
   vmk_SgArray *out;
   EmuCtl_MachMemInfo before;
   EmuCtl_MachMemInfo after;
   vmk_uint64 live;

   (void)state;
   no_constraints(&c);
   c.addressMask = VMK_ADDRESS_MASK_32BIT;
   live = EmuCtl_LiveResources(EMUCTL_RSRC_OTHER);
   assert_vmk_ok(EmuCtl_MachMemGetInfo(&before));
   sg = pieces(low_ma(0), 2, 100, 100);
   e = engine(&c, VMK_TRUE);
   assert_vmk_ok(vmk_DMAMapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &in,
                                VMK_TRUE, &io, NULL));
   assert_vmk_ok(vmk_DMAMapSg(e, VMK_DMA_DIRECTION_TO_MEMORY, sg_ops, sg,
                              &out, NULL));
   EmuCtl_ExpectReport(EMUCTL_REPORT_LEAK);
   assert_vmk_ok(vmk_DMAEngineDestroy(e));
   assert_reports_met();
   assert_vmk_ok(EmuCtl_MachMemGetInfo(&after));
   assert_int_equal(after.freePages, before.freePages);   /* bounce back */
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_OTHER), live + 1);
   assert_vmk_ok(vmk_SgFree(sg_ops, sg));
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_OTHER), live);
}

static void
test_a_destroyed_engine_is_a_dead_handle(void **state)
{
   vmk_DMAConstraints c;
   vmk_DMAEngine e;
   vmk_SgElem in = { { low_ma(0) }, PAGE, 0 };
   vmk_SgElem io;
   vmk_MemPhysAddrConstraint con;

   (void)state;
   no_constraints(&c);
   e = engine(&c, VMK_FALSE);
   assert_vmk_ok(vmk_DMAEngineDestroy(e));
   EmuCtl_ExpectReport(EMUCTL_REPORT_DEAD_HANDLE);
   assert_vmk_status(vmk_DMAMapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &in,
                                    VMK_TRUE, &io, NULL), VMK_BAD_PARAM);
   assert_reports_met();
   EmuCtl_ExpectReport(EMUCTL_REPORT_DEAD_HANDLE);
   assert_vmk_status(vmk_DMAEngineDestroy(e), VMK_BAD_PARAM);
   assert_reports_met();
   EmuCtl_ExpectReport(EMUCTL_REPORT_DEAD_HANDLE);
   assert_vmk_status(vmk_DMAGetAllocAddrConstraint(e, &con), VMK_BAD_PARAM);
   assert_reports_met();
}

static void
test_alloc_constraint_follows_the_address_mask(void **state)
{
   vmk_DMAConstraints c;
   vmk_DMAEngine e;
   vmk_MemPhysAddrConstraint con;
   static const struct {
      vmk_IOA mask;
      vmk_MemPhysAddrConstraint want;
   } cases[] = {
      { VMK_ADDRESS_MASK_64BIT, VMK_PHYS_ADDR_ANY },
      { VMK_ADDRESS_MASK_39BIT, VMK_PHYS_ADDR_ANY },   /* covers all memory */
      { VMK_ADDRESS_MASK_32BIT, VMK_PHYS_ADDR_BELOW_4GB },
      { VMK_ADDRESS_MASK_31BIT, VMK_PHYS_ADDR_BELOW_2GB },
   };
   unsigned i;

   (void)state;
   for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
      no_constraints(&c);
      c.addressMask = cases[i].mask;
      e = engine(&c, VMK_FALSE);
      assert_vmk_ok(vmk_DMAGetAllocAddrConstraint(e, &con));
      assert_int_equal(con, cases[i].want);
      assert_vmk_status(vmk_DMAGetAllocAddrConstraint(e, NULL),
                        VMK_BAD_PARAM);
      assert_vmk_ok(vmk_DMAEngineDestroy(e));
   }
}

static void
test_device_constraints_apply_to_engines_created_after(void **state)
{
   vmk_DMAConstraints dc;
   vmk_DMAConstraints c;
   vmk_DMADeviceProps dp;
   vmk_DMADevice d;
   vmk_DMADevice d2;
   vmk_DMAEngine e;
   vmk_SgElem in = { { high_ma(0) }, PAGE, 0 };
   vmk_SgElem io;
   vmk_DMAMapErrorInfo err;

   (void)state;
   no_constraints(&dc);
   dc.addressMask = VMK_ADDRESS_MASK_32BIT;
   memset(&dp, 0, sizeof dp);
   vmk_NameInitialize(&dp.name, "bridge");
   dp.module = vmk_ModuleCurrentID;
   dp.device = (vmk_Device)&fake_device;
   dp.constraints = &dc;
   assert_vmk_ok(vmk_DMADeviceRegister(&dp, &d));
   assert_vmk_status(vmk_DMADeviceRegister(&dp, &d2), VMK_BUSY);
   no_constraints(&c);                   /* the engine itself could do 64 */
   e = engine(&c, VMK_FALSE);
   assert_vmk_status(vmk_DMAMapElem(e, VMK_DMA_DIRECTION_TO_MEMORY, &in,
                                    VMK_TRUE, &io, &err),
                     VMK_DMA_MAPPING_FAILED);
   assert_int_equal(err.reason, VMK_DMA_MAP_ERROR_REASON_SG_ELEM_ADDRESS);
   assert_vmk_status(vmk_DMADeviceUnregister(d), VMK_BUSY);
   assert_vmk_ok(vmk_DMAEngineDestroy(e));
   assert_vmk_ok(vmk_DMADeviceUnregister(d));
   EmuCtl_ExpectReport(EMUCTL_REPORT_DEAD_HANDLE);
   assert_vmk_status(vmk_DMADeviceUnregister(d), VMK_BAD_PARAM);
   assert_reports_met();
   /* Too late once an engine exists. */
   e = engine(&c, VMK_FALSE);
   assert_vmk_status(vmk_DMADeviceRegister(&dp, &d), VMK_BUSY);
   assert_vmk_ok(vmk_DMAEngineDestroy(e));
   dc.addressMask = 0;
   assert_vmk_status(vmk_DMADeviceRegister(&dp, &d), VMK_BAD_PARAM);
   assert_vmk_status(vmk_DMADeviceRegister(NULL, &d), VMK_BAD_PARAM);
   assert_vmk_status(vmk_DMADeviceUnregister(NULL), VMK_BAD_PARAM);
}

static void
test_protections_check_their_range_and_access(void **state)
{
   vmk_MpnRange r = { low_mpn, 2 };
   vmk_MpnRange outside = { 1, 2 };
   vmk_DMAProtectionAttr prot = { VMK_DMA_DIRECTION_FROM_MEMORY };
   vmk_DMAProtectionAttr bad = { (vmk_DMADirection)9 };

   (void)state;
   assert_vmk_ok(vmk_DMASetProtection(&r, &prot));
   assert_vmk_ok(vmk_DMAClearProtection(&r));
   assert_vmk_status(vmk_DMASetProtection(&outside, &prot),
                     VMK_INVALID_ADDRESS);
   assert_vmk_status(vmk_DMAClearProtection(&outside), VMK_INVALID_ADDRESS);
   assert_vmk_status(vmk_DMASetProtection(&r, &bad), VMK_BAD_PARAM);
   assert_vmk_status(vmk_DMASetProtection(NULL, &prot), VMK_BAD_PARAM);
   assert_vmk_status(vmk_DMASetProtection(&r, NULL), VMK_BAD_PARAM);
   r.numPages = 0;
   assert_vmk_status(vmk_DMASetProtection(&r, &prot), VMK_INVALID_ADDRESS);
}

static void
test_names_of_directions_and_reasons(void **state)
{
   const char *a = vmk_DMADirectionToString(VMK_DMA_DIRECTION_TO_MEMORY);
   const char *b = vmk_DMADirectionToString(VMK_DMA_DIRECTION_FROM_MEMORY);
   int r;

   (void)state;
   assert_non_null(a);
   assert_non_null(b);
   assert_string_not_equal(a, b);
   assert_non_null(vmk_DMADirectionToString((vmk_DMADirection)42));
   for (r = VMK_DMA_MAP_ERROR_REASON_NONE;
        r < VMK_DMA_MAP_ERROR_REASON_NO_IO_SPACE; r++) {
      assert_string_not_equal(
         vmk_DMAMapErrorReasonToString((vmk_DMAMapErrorReason)r),
         vmk_DMAMapErrorReasonToString((vmk_DMAMapErrorReason)(r + 1)));
   }
   assert_non_null(vmk_DMAMapErrorReasonToString((vmk_DMAMapErrorReason)99));
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_engine_create_needs_a_module_heap),
      cmocka_unit_test_setup(test_engine_create_rejects_malformed_constraints,
                             module_heap_setup),
      cmocka_unit_test(test_map_elem_without_constraints_maps_in_place),
      cmocka_unit_test(test_map_rejects_bad_input),
      cmocka_unit_test(test_address_above_the_mask_fails_without_a_bounce_pool),
      cmocka_unit_test(test_bounce_moves_data_at_map_and_unmap_per_direction),
      cmocka_unit_test(test_flush_moves_bounce_data_in_the_flush_direction),
      cmocka_unit_test(test_transfer_too_large_fails_even_with_a_bounce_pool),
      cmocka_unit_test(test_sg_map_coalesces_and_cuts_at_the_element_limits),
      cmocka_unit_test(test_sg_map_reports_the_documented_reasons),
      cmocka_unit_test(test_bounce_coalesces_scattered_pieces_into_one),
      cmocka_unit_test(test_coherent_engines_never_bounce),
      cmocka_unit_test(test_map_elem_needs_one_element_and_the_size_multiple),
      cmocka_unit_test(test_bounce_pages_running_out_is_no_memory),
      cmocka_unit_test(test_unmap_of_what_is_not_mapped_is_reported),
      cmocka_unit_test(test_unmap_with_another_direction_is_misuse),
      cmocka_unit_test(test_destroying_an_engine_with_live_mappings_is_a_leak),
      cmocka_unit_test(test_a_destroyed_engine_is_a_dead_handle),
      cmocka_unit_test(test_alloc_constraint_follows_the_address_mask),
      cmocka_unit_test(test_device_constraints_apply_to_engines_created_after),
      cmocka_unit_test(test_protections_check_their_range_and_access),
      cmocka_unit_test(test_names_of_directions_and_reasons),
   };

   return cmocka_run_group_tests(tests, dma_setup, dma_teardown);
}
