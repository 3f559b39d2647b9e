/*
 * vmk_slab.c -- the vmk_Slab* family over the slab engine (emu/mem/slab.c).
 *
 * vmk_SlabAlloc and vmk_SlabFree inline the engine's fast paths (a pop or a
 * push on the calling thread's magazine) and fall back to the engine's slow
 * entry points, which also raise every misuse report.
 *
 * Decisions where the ESXi documentation is silent:
 * - ctrlOffset 0 means "no offset given": the control structure
 *   (vmk_SlabControlSize() bytes) goes past the end of each object.  Any
 *   other value places it inside the object, for every slab type; it must
 *   then fit: ctrlOffset + vmk_SlabControlSize() <= objSize.
 * - alignment must be a power of two no larger than VMK_PAGE_SIZE (0 is not
 *   one); maxObj must be at least 1 and at least minObj.
 * - A constructor failing while the minObj objects are built fails create
 *   with VMK_NO_MEMORY (already-built objects are destroyed first).
 * - VMK_SLAB_TYPE_MEMPOOL needs a memPool other than VMK_MEMPOOL_INVALID;
 *   until the mempool engine exists any other value is accepted and the
 *   memory comes from the machine backing, as for SIMPLE and CUSTOM.
 *   Contiguity and physical range are checked and recorded.
 * - Handles: vmk_SlabAlloc / AllocWithTimeout / Free on a NULL, destroyed
 *   or unknown slab are a DEAD_HANDLE report (ESXi would fault), then
 *   return NULL / nothing.  vmk_SlabDestroy of NULL is VMK_BAD_PARAM; of a
 *   destroyed or unknown slab a DEAD_HANDLE report and VMK_INVALID_HANDLE.
 *   vmk_SlabGetProperties answers VMK_NOT_FOUND for any handle that is not
 *   a live slab, as documented, without a report.
 * - vmk_SlabDestroy with objects still allocated is a LEAK report with the
 *   count (and allocators when auditing); the slab is destroyed anyway and
 *   VMK_OK returned.
 */
#include "api.h"

#include <string.h>

#include "core/assert.h"
#include "core/block.h"
#include "core/options.h"
#include "mem/slab.h"

EMU_STATIC_ASSERT(sizeof(vmk_SlabCreateProps) <= EMU_SLAB_API_AREA,
                  "props fit the api area");
EMU_STATIC_ASSERT((vmk_uint32)VMK_SLAB_MAX_UNLIMITED == EMU_SLAB_UNLIMITED,
                  "unlimited agrees");

static emu_status_t
slab_api_ctor(const emu_slab_user_t *u, void *obj, size_t size)
{
   vmk_SlabItemConstructor fn = (vmk_SlabItemConstructor)u->u_ctor;
   vmk_AddrCookie arg;

   arg.addr = u->u_arg;
   return fn(obj, (vmk_ByteCountSmall)size, arg, 0) == VMK_OK ? EMU_OK
                                                              : EMU_FAILURE;
}

static void
slab_api_dtor(const emu_slab_user_t *u, void *obj, size_t size)
{
   vmk_SlabItemDestructor fn = (vmk_SlabItemDestructor)u->u_dtor;
   vmk_AddrCookie arg;

   arg.addr = u->u_arg;
   fn(obj, (vmk_ByteCountSmall)size, arg);
}

static int
slab_contiguity_ok(vmk_MemPhysContiguity c)
{
   return c == VMK_MEM_PHYS_CONTIGUOUS || c == VMK_MEM_PHYS_ANY_CONTIGUITY ||
          c == VMK_MEM_PHYS_DISCONTIGUOUS;
}

static int
slab_range_ok(vmk_MemPhysAddrConstraint r)
{
   return r == VMK_PHYS_ADDR_ANY || r == VMK_PHYS_ADDR_BELOW_2GB ||
          r == VMK_PHYS_ADDR_BELOW_4GB || r == VMK_PHYS_ADDR_BELOW_512GB;
}

/* Check what the engine does not know about; fill the engine props. */
static VMK_ReturnStatus
slab_props_check(const vmk_SlabCreateProps *props, int for_memsize,
                 emu_slab_props_t *p)
{
   switch (props->type) {
   case VMK_SLAB_TYPE_SIMPLE:
      break;
   case VMK_SLAB_TYPE_CUSTOM:
      if (!slab_contiguity_ok(props->typeSpecific.custom.physContiguity) ||
          !slab_range_ok(props->typeSpecific.custom.physRange)) {
         return VMK_BAD_PARAM;
      }
      break;
   case VMK_SLAB_TYPE_MEMPOOL:
      if (!slab_contiguity_ok(props->typeSpecific.memPool.physContiguity) ||
          !slab_range_ok(props->typeSpecific.memPool.physRange)) {
         return VMK_BAD_PARAM;
      }
      if (!for_memsize && props->typeSpecific.memPool.memPool == NULL) {
         return VMK_BAD_PARAM;
      }
      break;
   default:
      return VMK_BAD_PARAM;
   }
   if (memchr(props->name.string, '\0', sizeof props->name.string) == NULL) {
      return VMK_BAD_PARAM;
   }
   memset(p, 0, sizeof *p);
   p->name = props->name.string;
   p->objsize = props->objSize;
   p->align = props->alignment;
   p->ctrloff = props->ctrlOffset == 0 ? EMU_SLAB_CTRL_END
                                       : props->ctrlOffset;
   p->ctor = props->constructor != NULL ? slab_api_ctor : NULL;
   p->dtor = props->destructor != NULL ? slab_api_dtor : NULL;
   p->user.u_ctor = (void (*)(void))props->constructor;
   p->user.u_dtor = (void (*)(void))props->destructor;
   p->user.u_arg = props->constructorArg.addr;
   p->minobj = props->minObj;
   p->maxobj = props->maxObj;
   return VMK_OK;
}

static uint64_t
slab_deadline(vmk_uint32 timeoutMS)
{
   if (timeoutMS == VMK_TIMEOUT_NONBLOCKING) {
      return 0;
   }
   if (timeoutMS == VMK_TIMEOUT_UNLIMITED_MS) {
      return UINT64_MAX;
   }
   return emu_clock_mono_ns() + (uint64_t)timeoutMS * 1000000ull;
}

EMU_EXPORT VMK_ReturnStatus
vmk_SlabCreate(vmk_SlabCreateProps *props, vmk_SlabID *slabOut)
{
   emu_slab_props_t p;
   emu_slab_cache_t *sc;
   VMK_ReturnStatus status;
   emu_status_t st;

   if (props == NULL || slabOut == NULL) {
      return VMK_BAD_PARAM;
   }
   EMU_MAY_BLOCK_IF(props->creationTimeoutMS != VMK_TIMEOUT_NONBLOCKING);
   status = slab_props_check(props, 0, &p);
   if (status != VMK_OK) {
      return status;
   }
   p.deadline_ns = slab_deadline(props->creationTimeoutMS);
   p.caller = EMU_CALLER();
   st = emu_slab_create(&p, &sc);
   if (st != EMU_OK) {
      return emu_api_status(st);
   }
   memcpy(emu_slab_api_area(sc), props, sizeof *props);
   *slabOut = (vmk_SlabID)sc;
   return VMK_OK;
}

EMU_EXPORT void *
vmk_SlabAlloc(vmk_SlabID slab)
{
   emu_slab_cache_t *sc = (emu_slab_cache_t *)slab;
   void *obj;

   if (EMU_LIKELY(emu_slab_alloc_fast(sc, &obj))) {
      return obj;
   }
   return emu_slab_alloc(sc, 0, EMU_CALLER());
}

EMU_EXPORT void *
vmk_SlabAllocWithTimeout(vmk_SlabID slab, vmk_uint32 timeoutMS)
{
   emu_slab_cache_t *sc = (emu_slab_cache_t *)slab;
   void *obj;

   EMU_MAY_BLOCK_IF(timeoutMS != VMK_TIMEOUT_NONBLOCKING);
   if (EMU_LIKELY(emu_slab_alloc_fast(sc, &obj))) {
      return obj;
   }
   return emu_slab_alloc(sc, slab_deadline(timeoutMS), EMU_CALLER());
}

EMU_EXPORT void
vmk_SlabFree(vmk_SlabID slab, void *data)
{
   emu_slab_cache_t *sc = (emu_slab_cache_t *)slab;

   if (EMU_LIKELY(emu_slab_free_fast(sc, data))) {
      return;
   }
   emu_slab_free(sc, data, EMU_CALLER());
}

EMU_EXPORT VMK_ReturnStatus
vmk_SlabDestroy(vmk_SlabID slab)
{
   EMU_MAY_BLOCK();
   if (slab == VMK_INVALID_SLAB_ID) {
      return VMK_BAD_PARAM;
   }
   return emu_api_status(emu_slab_destroy((emu_slab_cache_t *)slab,
                                          EMU_CALLER()));
}

EMU_EXPORT vmk_ByteCountSmall
vmk_SlabControlSize(void)
{
   return (vmk_ByteCountSmall)EMU_SLAB_CTRL_SIZE;
}

static vmk_uint32
slab_pages(uint64_t clusters, size_t clbytes)
{
   uint64_t pages = clusters * (clbytes / VMK_PAGE_SIZE);

   return pages > VMK_UINT32_MAX ? VMK_UINT32_MAX : (vmk_uint32)pages;
}

EMU_EXPORT VMK_ReturnStatus
vmk_SlabGetMemSize(vmk_SlabCreateProps *props, vmk_SlabMemSize *slabMemSize)
{
   emu_slab_layout_t ly;
   emu_slab_props_t p;
   VMK_ReturnStatus status;
   int flags = 0;

   if (props == NULL || slabMemSize == NULL) {
      return VMK_BAD_PARAM;
   }
   status = slab_props_check(props, 1, &p);
   if (status != VMK_OK) {
      return status;
   }
   if (props->maxObj == VMK_SLAB_MAX_UNLIMITED &&
       props->type != VMK_SLAB_TYPE_MEMPOOL) {
      return VMK_BAD_PARAM;
   }
   flags |= emu_opt.guards ? EMU_SLAB_F_GUARDS : 0;
   if (emu_slab_layout(&p, flags, &ly) != EMU_OK) {
      return VMK_BAD_PARAM;
   }
   slabMemSize->minPages = slab_pages(ly.ly_minclusters, ly.ly_clbytes);
   slabMemSize->maxPages = props->maxObj == VMK_SLAB_MAX_UNLIMITED ?
                           VMK_UINT32_MAX :
                           slab_pages(ly.ly_maxclusters, ly.ly_clbytes);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_SlabGetProperties(vmk_SlabID slab, vmk_SlabGetProps *props)
{
   emu_slab_cache_t *sc = (emu_slab_cache_t *)slab;
   const vmk_SlabCreateProps *cp;

   if (emu_slab_check_handle(sc) != EMU_OK) {
      return VMK_NOT_FOUND;
   }
   if (props == NULL) {
      return VMK_BAD_PARAM;
   }
   cp = emu_slab_api_area(sc);
   memset(props, 0, sizeof *props);
   props->name = cp->name;
   props->module = cp->module;
   props->objSize = cp->objSize;
   props->alignment = cp->alignment;
   props->constructor = cp->constructor;
   props->destructor = cp->destructor;
   props->constructorArg = cp->constructorArg;
   props->ctrlOffset = cp->ctrlOffset;
   props->minObj = cp->minObj;
   props->maxObj = cp->maxObj;
   switch (cp->type) {
   case VMK_SLAB_TYPE_CUSTOM:
      props->physContiguity = cp->typeSpecific.custom.physContiguity;
      props->physRange = cp->typeSpecific.custom.physRange;
      props->memPool = VMK_MEMPOOL_INVALID;
      break;
   case VMK_SLAB_TYPE_MEMPOOL:
      props->physContiguity = cp->typeSpecific.memPool.physContiguity;
      props->physRange = cp->typeSpecific.memPool.physRange;
      props->memPool = cp->typeSpecific.memPool.memPool;
      break;
   default:
      props->physContiguity = VMK_MEM_PHYS_ANY_CONTIGUITY;
      props->physRange = VMK_PHYS_ADDR_ANY;
      props->memPool = VMK_MEMPOOL_INVALID;
      break;
   }
   return VMK_OK;
}

EMU_EXPORT vmk_ByteCountSmall
vmk_SlabGetMaxObjectSize(vmk_ByteCountSmall alignment)
{
   return (vmk_ByteCountSmall)emu_slab_max_objsize(alignment);
}
