/*
 * vmk_slab.c -- the vmk_Slab* family over the slab engine (emu/mem/slab.c).
 *
 * vmk_SlabAlloc and vmk_SlabFree inline the engine's fast paths (a pop or a
 * push on the calling thread's magazine) and fall back to the engine's slow
 * entry points, which also raise every misuse report.
 *
 * Decisions where the ESXi documentation is silent:
 * - ctrlOffset 0 means "no offset given": the control structure
 *   (vmk_SlabControlSize() bytes) goes outside each object, in the bytes
 *   between it and the previous one (see emu/mem/slab.c 3.).  Any
 *   other value places it inside the object, for every slab type; it must
 *   then fit: ctrlOffset + vmk_SlabControlSize() <= objSize.
 * - alignment must be a power of two no larger than VMK_PAGE_SIZE (0 is not
 *   one); maxObj must be at least 1 and at least minObj.
 * - A constructor failing while the minObj objects are built fails create
 *   with VMK_NO_MEMORY (already-built objects are destroyed first).
 * - Memory.  Every slab's clusters are machine pages taken from a memory
 *   pool (emu/mem/mempool.c), one physically contiguous run per cluster,
 *   64 KiB aligned, so a pool's limit bounds the slab's growth and
 *   vmk_SlabGetMemSize's pages are exactly what the pool is charged:
 *   SIMPLE slabs get a pool of their own (a root leaf pool, no limit,
 *   engine-internal), CUSTOM slabs draw from the engine's kernel pool
 *   within physRange, MEMPOOL slabs from the given pool (a live leaf pool,
 *   else VMK_BAD_PARAM) within physRange.  Every cluster is contiguous,
 *   whatever physContiguity says.  A cluster the pool cannot give makes
 *   every slab reclaim, then vmk_SlabAlloc returns NULL, and
 *   vmk_SlabAllocWithTimeout waits for pages to come back to the pool up
 *   to its timeout.  Destroy gives every page back (and destroys a SIMPLE
 *   slab's own pool).
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

#include <stdlib.h>
#include <string.h>

#include "core/assert.h"
#include "core/block.h"
#include "core/options.h"
#include "mem/memsan.h"
#include "mem/mempool.h"
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

/* ---- Memory from pools -------------------------------------------------- */

/* A backing made for one slab: clusters are runs of pages of sm_pool. */
typedef struct slab_mem {
   emu_slab_backing_t  sm_backing;
   emu_mempool_t      *sm_pool;
   int                 sm_ownpool;      /* SIMPLE: created for the slab */
   emu_mm_range_t      sm_range;
} slab_mem_t;

static emu_status_t
slab_mem_alloc(void *ctx, size_t size, uint64_t deadline_ns,
               const void *caller, uintptr_t *addrp)
{
   slab_mem_t *sm = ctx;
   emu_mp_req_t r;
   emu_mp_run_t run;
   uint32_t n;
   emu_status_t st;

   memset(&r, 0, sizeof r);
   r.npages = size >> EMU_MM_PAGE_SHIFT;
   r.contig = EMU_MP_CONTIG;
   r.range = sm->sm_range;
   r.align = EMU_SLAB_GRANULE >> EMU_MM_PAGE_SHIFT;   /* VA alignment too */
   r.deadline_ns = deadline_ns;
   r.caller = caller;
   st = emu_mempool_alloc(sm->sm_pool, &r, &run, 1, &n);
   if (st != EMU_OK) {
      return st == EMU_TIMEOUT ? EMU_TIMEOUT : EMU_NOMEM;
   }
   *addrp = emu_machmem_mpn2va(run.r_mpn);
   return EMU_OK;
}

static void
slab_mem_free(void *ctx, uintptr_t addr, size_t size)
{
   uint64_t ma;

   (void)ctx;
   /* The pool discards the host pages (they stop being resident). */
   if (emu_machmem_va2ma(addr, size, &ma) == EMU_OK) {
      emu_mempool_free(ma >> EMU_MM_PAGE_SHIFT, size >> EMU_MM_PAGE_SHIFT,
                       NULL);
   }
}

static void
slab_mem_fini(void *ctx)
{
   slab_mem_t *sm = ctx;

   if (sm->sm_ownpool) {
      (void)emu_mempool_destroy(sm->sm_pool);
   }
   free(sm);
}

/* The backing for a slab of props (checked); NULL with *statusp set. */
static slab_mem_t *
slab_mem_new(const vmk_SlabCreateProps *props, const void *caller,
             VMK_ReturnStatus *statusp)
{
   slab_mem_t *sm = calloc(1, sizeof *sm);
   emu_status_t st;

   if (sm == NULL) {
      *statusp = VMK_NO_MEMORY;
      return NULL;
   }
   sm->sm_backing.sb_name = "mempool";
   sm->sm_backing.sb_alloc = slab_mem_alloc;
   sm->sm_backing.sb_free = slab_mem_free;
   sm->sm_backing.sb_fini = slab_mem_fini;
   sm->sm_backing.sb_ctx = sm;
   switch (props->type) {
   case VMK_SLAB_TYPE_SIMPLE:
      sm->sm_range = EMU_MM_RANGE_ANY;
      st = emu_mempool_create(props->name.string, NULL, 1, 0,
                              EMU_MP_NO_LIMIT, 1, caller, &sm->sm_pool);
      if (st != EMU_OK) {
         free(sm);
         *statusp = VMK_NO_MEMORY;
         return NULL;
      }
      sm->sm_ownpool = 1;
      break;
   case VMK_SLAB_TYPE_CUSTOM:
      sm->sm_range = (emu_mm_range_t)props->typeSpecific.custom.physRange;
      sm->sm_pool = emu_mempool_kernel();
      break;
   default:
      sm->sm_range = (emu_mm_range_t)props->typeSpecific.memPool.physRange;
      sm->sm_pool = (emu_mempool_t *)props->typeSpecific.memPool.memPool;
      if (emu_mempool_check(sm->sm_pool) != EMU_OK ||
          !sm->sm_pool->mp_leaf) {
         free(sm);
         *statusp = VMK_BAD_PARAM;
         return NULL;
      }
      break;
   }
   if (sm->sm_pool == NULL) {
      free(sm);
      *statusp = VMK_NO_MEMORY;
      return NULL;
   }
   return sm;
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
   slab_mem_t *sm;
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
   sm = slab_mem_new(props, p.caller, &status);
   if (sm == NULL) {
      return status;
   }
   p.backing = &sm->sm_backing;
   st = emu_slab_create(&p, &sc);
   if (st != EMU_OK) {
      slab_mem_fini(sm);             /* create gave every cluster back */
      return emu_api_status(st == EMU_LIMIT ? EMU_NOMEM : st);
   }
   memcpy(emu_slab_api_area(sc), props, sizeof *props);
   *slabOut = (vmk_SlabID)sc;
   return VMK_OK;
}

EMU_HOT_ENTRY EMU_EXPORT void *
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

EMU_HOT_ENTRY EMU_EXPORT void
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
   /* Under memcheck objects are laid out with a redzone (slab.c). */
   flags |= emu_memsan_valgrind() ? EMU_SLAB_F_VALGRIND : 0;
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
