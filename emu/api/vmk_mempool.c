/*
 * vmk_mempool.c -- core/vmkapi_mempool.h over emu/mem/mempool.c.
 *
 * Decisions where the ESXi documentation is silent:
 * - The name must be non-empty (VMK_INVALID_NAME otherwise); the module is
 *   recorded by the resource registry, not checked.
 * - A parent pool must be a live VMK_MEM_POOL_PARENT pool; a leaf parent
 *   is VMK_BAD_PARAM.  Pages come only from leaves.
 * - Pages are charged along the tree (mempool.c 2.): a pool's limit along
 *   the way refuses with VMK_LIMIT_EXCEEDED, missing free or unreserved
 *   machine pages with VMK_NO_RESOURCES (after waiting creationTimeoutMS for
 *   frees when it is not VMK_TIMEOUT_NONBLOCKING).
 * - VMK_MEM_PHYS_CONTIGUOUS fills mpnRanges[0] (startMPN and numPages);
 *   VMK_MEM_PHYS_DISCONTIGUOUS one page per element (numElements must be
 *   at least numPages); VMK_MEM_PHYS_ANY_CONTIGUITY as few ranges as the
 *   free memory allows, at most numElements.  Unused elements get
 *   VMK_INVALID_MPN and 0 pages.  Too few elements: VMK_BAD_PARAM.
 * - vmk_MemPoolFree frees each element with a valid startMPN; each must be
 *   a range exactly as allocated (a one-element request whose range has 0
 *   pages means numPages pages).  Freeing pages that are not allocated is
 *   a DOUBLE_FREE, MISALIGNED_FREE or BAD_FREE report and VMK_BAD_PARAM.
 * - Destroying a pool with pages or children is VMK_BUSY; a stale or
 *   foreign handle anywhere is VMK_BAD_PARAM (no report: the documented
 *   answer for an invalid pool).
 * - Get/SetProps speak pages.  Lowering a limit below current use is
 *   accepted (further allocations fail until pages are freed).
 */
#include "api.h"

#include <stdlib.h>
#include <string.h>

#include "core/block.h"
#include "mem/mempool.h"

static uint64_t
deadline_of(vmk_uint32 timeoutMS)
{
   if (timeoutMS == VMK_TIMEOUT_NONBLOCKING) {
      return 0;
   }
   if (timeoutMS == VMK_TIMEOUT_UNLIMITED_MS) {
      return UINT64_MAX;
   }
   return emu_clock_mono_ns() + (uint64_t)timeoutMS * 1000000ull;
}

static VMK_ReturnStatus
pool_status(emu_status_t st)
{
   switch (st) {
   case EMU_OK:        return VMK_OK;
   case EMU_LIMIT:     return VMK_LIMIT_EXCEEDED;
   case EMU_NOMEM:     return VMK_NO_RESOURCES;
   case EMU_TIMEOUT:   return VMK_NO_RESOURCES;
   case EMU_BUSY:      return VMK_BUSY;
   default:            return VMK_BAD_PARAM;
   }
}

EMU_EXPORT VMK_ReturnStatus
vmk_MemPoolCreate(vmk_MemPoolProps *props, vmk_MemPool *pool)
{
   emu_mempool_t *mp;
   emu_status_t st;
   size_t len;

   if (props == NULL || pool == NULL) {
      return VMK_BAD_PARAM;
   }
   if (props->memPoolType != VMK_MEM_POOL_PARENT &&
       props->memPoolType != VMK_MEM_POOL_LEAF) {
      return VMK_BAD_PARAM;
   }
   len = strnlen(props->name.string, sizeof props->name.string);
   if (len == 0 || len == sizeof props->name.string) {
      return VMK_INVALID_NAME;
   }
   if (props->resourceProps.limit != VMK_MEMPOOL_NO_LIMIT &&
       props->resourceProps.reservation > props->resourceProps.limit) {
      return VMK_RESERVATION_GT_LIMIT;
   }
   st = emu_mempool_create(props->name.string,
                           (emu_mempool_t *)props->parentMemPool,
                           props->memPoolType == VMK_MEM_POOL_LEAF,
                           props->resourceProps.reservation,
                           props->resourceProps.limit, 0, EMU_CALLER(), &mp);
   if (st == EMU_LIMIT) {
      return VMK_NO_RESOURCES;
   }
   if (st != EMU_OK) {
      return st == EMU_NOMEM ? VMK_NO_MEMORY : VMK_BAD_PARAM;
   }
   *pool = (vmk_MemPool)mp;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_MemPoolDestroy(vmk_MemPool pool)
{
   return pool_status(emu_mempool_destroy((emu_mempool_t *)pool));
}

EMU_EXPORT VMK_ReturnStatus
vmk_MemPoolGetProps(const vmk_MemPool pool, vmk_MemPoolResourceProps *props)
{
   uint64_t resv;
   uint64_t limit;

   if (props == NULL || emu_mempool_check((emu_mempool_t *)pool) != EMU_OK) {
      return VMK_BAD_PARAM;
   }
   emu_mempool_get((emu_mempool_t *)pool, &resv, &limit, NULL);
   props->reservation = (vmk_uint32)resv;
   props->limit = (vmk_uint32)limit;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_MemPoolSetProps(const vmk_MemPool pool,
                    const vmk_MemPoolResourceProps *props)
{
   emu_status_t st;

   if (props == NULL) {
      return VMK_BAD_PARAM;
   }
   if (props->limit != VMK_MEMPOOL_NO_LIMIT &&
       props->reservation > props->limit) {
      return VMK_RESERVATION_GT_LIMIT;
   }
   st = emu_mempool_set((emu_mempool_t *)pool, props->reservation,
                        props->limit);
   return st == EMU_LIMIT ? VMK_NO_RESOURCES : pool_status(st);
}

EMU_EXPORT VMK_ReturnStatus
vmk_MemPoolAlloc(vmk_MemPool pool, const vmk_MemPoolAllocProps *props,
                 const vmk_MemPoolAllocRequest *request)
{
   emu_mp_run_t stack_runs[16];
   emu_mp_run_t *runs = stack_runs;
   emu_mp_req_t req;
   uint32_t nused = 0;
   uint32_t i;
   emu_status_t st;

   if (props == NULL || request == NULL || request->mpnRanges == NULL ||
       request->numElements == 0 || request->numPages == 0) {
      return VMK_BAD_PARAM;
   }
   EMU_MAY_BLOCK_IF(props->creationTimeoutMS != VMK_TIMEOUT_NONBLOCKING);
   if ((unsigned)props->physRange > (unsigned)VMK_PHYS_ADDR_BELOW_512GB) {
      return VMK_BAD_PARAM;
   }
   memset(&req, 0, sizeof req);
   req.npages = request->numPages;
   switch (props->physContiguity) {
   case VMK_MEM_PHYS_CONTIGUOUS:
      req.contig = EMU_MP_CONTIG;
      break;
   case VMK_MEM_PHYS_ANY_CONTIGUITY:
      req.contig = EMU_MP_ANY;
      break;
   case VMK_MEM_PHYS_DISCONTIGUOUS:
      req.contig = EMU_MP_DISCONTIG;
      break;
   default:
      return VMK_BAD_PARAM;
   }
   req.range = (emu_mm_range_t)props->physRange;
   req.deadline_ns = deadline_of(props->creationTimeoutMS);
   req.caller = EMU_CALLER();
   req.track = 1;                      /* a driver run: leak-listed */
   if (request->numElements > 16) {
      runs = calloc(request->numElements, sizeof *runs);
      if (runs == NULL) {
         return VMK_NO_MEMORY;
      }
   }
   st = emu_mempool_alloc((emu_mempool_t *)pool, &req, runs,
                          request->numElements, &nused);
   if (st == EMU_OK) {
      for (i = 0; i < request->numElements; i++) {
         if (i < nused) {
            request->mpnRanges[i].startMPN = runs[i].r_mpn;
            request->mpnRanges[i].numPages = (vmk_uint32)runs[i].r_npages;
         } else {
            request->mpnRanges[i].startMPN = VMK_INVALID_MPN;
            request->mpnRanges[i].numPages = 0;
         }
      }
   }
   if (runs != stack_runs) {
      free(runs);
   }
   return pool_status(st);
}

EMU_EXPORT VMK_ReturnStatus
vmk_MemPoolFree(const vmk_MemPoolAllocRequest *request)
{
   VMK_ReturnStatus status = VMK_OK;
   vmk_uint32 i;

   if (request == NULL || request->mpnRanges == NULL ||
       request->numElements == 0) {
      return VMK_BAD_PARAM;
   }
   for (i = 0; i < request->numElements; i++) {
      const vmk_MpnRange *r = &request->mpnRanges[i];
      uint64_t n = r->numPages;

      if (r->startMPN == VMK_INVALID_MPN) {
         continue;
      }
      if (n == 0 && request->numElements == 1) {
         n = request->numPages;
      }
      if (emu_mempool_free(r->startMPN, n, EMU_CALLER()) != EMU_OK) {
         status = VMK_BAD_PARAM;
      }
   }
   return status;
}
