/*
 * vmk_pageslab.c -- core/vmkapi_pageslab.h: caches of single machine pages.
 *
 * 1. Model: a page slab hands out one machine page at a time from a memory
 *    pool -- the driver's pool, or (memPool VMK_MEMPOOL_INVALID) a private
 *    leaf pool made for the slab whose reservation is minPages and whose
 *    limit is maxPages.  minPages pages are taken at create and kept; a
 *    freed page goes back to the cache while the cache holds fewer than
 *    minPages, otherwise straight back to the pool.  maxPages caps the pages
 *    the slab holds (outstanding + cached).
 * 2. Page states: every page the slab holds has an entry in ps_pages (an
 *    MPN-keyed hash): CACHED (on ps_cache, free) or OUT (given to the
 *    driver).  A free of an MPN with no entry is BAD_FREE, of a CACHED one
 *    DOUBLE_FREE; both are reports and change nothing.
 * 3. Blocking: vmk_PageSlabAlloc(blocking) waits on ps_cv while the slab is
 *    at maxPages, and waits in the pool (no deadline) when the pool is dry.
 * 4. Metadata: the slab record itself comes from props->heapID, as on ESX,
 *    so vmk_PageSlabAllocationSize() is the size of that record.
 * 5. Destroying a slab with pages outstanding is a LEAK report naming each
 *    page; the pages are taken back anyway so the pool can go.
 */
#include "api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <uthash.h>

#include "core/rsrc.h"
#include "core/block.h"
#include "mem/machmem.h"
#include "mem/mempool.h"
#include "mod/module.h"

#define PS_MAGIC      0x70736c62u   /* "pslb" */
#define PS_MAGIC_DEAD 0xdead7073u

enum { PS_CACHED = 1, PS_OUT = 2 };

typedef struct ps_page {
   vmk_MPN          pp_mpn;
   int              pp_state;      /* PS_CACHED / PS_OUT */
   struct ps_page  *pp_next;       /* ps_cache link while CACHED */
   UT_hash_handle   hh;
} ps_page_t;

struct vmkPageSlabInt {
   vmk_uint32       ps_magic;
   /* Immutable after create */
   char             ps_name[VMK_MISC_NAME_MAX];
   vmk_HeapID       ps_heap;       /* the record came from here */
   emu_mempool_t   *ps_pool;
   int              ps_ownpool;    /* ps_pool was made for this slab */
   emu_mm_range_t   ps_range;
   vmk_uint32       ps_min;
   vmk_uint32       ps_max;
   /* ps_lock */
   emu_mutex_t      ps_lock;
   emu_cond_t       ps_cv;         /* a page came back */
   ps_page_t       *ps_pages;      /* every page held, by MPN */
   ps_page_t       *ps_cache;      /* free pages */
   vmk_uint32       ps_ncached;
   vmk_uint32       ps_nout;
   vmk_uint32       ps_nreserved;  /* pool allocations in flight */
   emu_rsrc_t       ps_rsrc;
};

static int
ps_check(vmk_PageSlabID ps, const char *what, const void *caller)
{
   emu_report_obj_t obj = { "page slab", NULL, ps };

   if (ps == NULL) {
      return 0;
   }
   if (ps->ps_magic != PS_MAGIC) {
      emu_report(EMU_RPT_DEAD_HANDLE, &obj, caller,
                 "%s on a page slab that is destroyed or not a page slab",
                 what);
      return 0;
   }
   return 1;
}

/* Take one page from the pool.  => may block when deadline is not 0. */
static emu_status_t
ps_pool_page(vmk_PageSlabID ps, uint64_t deadline, const void *caller,
             vmk_MPN *mpn)
{
   emu_mp_req_t req;
   emu_mp_run_t run;
   uint32_t nused = 0;
   emu_status_t st;

   memset(&req, 0, sizeof req);
   req.npages = 1;
   req.contig = EMU_MP_CONTIG;
   req.range = ps->ps_range;
   req.deadline_ns = deadline;
   req.caller = caller;
   st = emu_mempool_alloc(ps->ps_pool, &req, &run, 1, &nused);
   if (st == EMU_OK) {
      *mpn = run.r_mpn;
   }
   return st;
}

/* Record a page as held in state; => ps_lock held. */
static emu_status_t
ps_track(vmk_PageSlabID ps, vmk_MPN mpn, int state)
{
   ps_page_t *pp = calloc(1, sizeof *pp);

   if (pp == NULL) {
      return EMU_NOMEM;
   }
   pp->pp_mpn = mpn;
   pp->pp_state = state;
   HASH_ADD(hh, ps->ps_pages, pp_mpn, sizeof pp->pp_mpn, pp);
   if (state == PS_CACHED) {
      pp->pp_next = ps->ps_cache;
      ps->ps_cache = pp;
      ps->ps_ncached++;
   } else {
      ps->ps_nout++;
   }
   return EMU_OK;
}

/* Give every page back to the pool and forget them; => no other user. */
static void
ps_release_all(vmk_PageSlabID ps, const void *caller)
{
   ps_page_t *pp;
   ps_page_t *tmp;

   HASH_ITER(hh, ps->ps_pages, pp, tmp) {
      HASH_DEL(ps->ps_pages, pp);
      emu_mempool_free(pp->pp_mpn, 1, caller);
      free(pp);
   }
   ps->ps_cache = NULL;
   ps->ps_ncached = 0;
   ps->ps_nout = 0;
}

static void
ps_free_record(vmk_PageSlabID ps)
{
   vmk_HeapID heap = ps->ps_heap;

   if (ps->ps_ownpool) {
      emu_mempool_destroy(ps->ps_pool);
   }
   emu_cond_destroy(&ps->ps_cv);
   emu_mutex_destroy(&ps->ps_lock);
   ps->ps_magic = PS_MAGIC_DEAD;
   vmk_HeapFree(heap, ps);
}

EMU_EXPORT vmk_ByteCountSmall
vmk_PageSlabAllocationSize(void)
{
   return (vmk_ByteCountSmall)sizeof(struct vmkPageSlabInt);
}

EMU_EXPORT VMK_ReturnStatus
vmk_PageSlabCreateCustom(vmk_ModuleID moduleID,
                         vmk_PageSlabCreateProps *createProps,
                         vmk_PageSlabID *pageSlabID)
{
   const void *caller = EMU_CALLER();
   vmk_PageSlabID ps;
   emu_status_t st;
   vmk_uint32 i;

   EMU_MAY_BLOCK();
   if (createProps == NULL || pageSlabID == NULL ||
       createProps->heapID == VMK_INVALID_HEAP_ID ||
       createProps->maxPages == 0 ||
       createProps->minPages > createProps->maxPages ||
       (unsigned)createProps->physRange >
          (unsigned)VMK_PHYS_ADDR_BELOW_512GB ||
       !emu_mod_exists((int32_t)moduleID)) {
      return VMK_BAD_PARAM;
   }
   if (createProps->memPool != VMK_MEMPOOL_INVALID &&
       emu_mempool_check((emu_mempool_t *)createProps->memPool) != EMU_OK) {
      return VMK_BAD_PARAM;
   }
   ps = vmk_HeapAllocWithRA(createProps->heapID, sizeof *ps, (void *)caller);
   if (ps == NULL) {
      return VMK_NO_MEMORY;
   }
   memset(ps, 0, sizeof *ps);
   ps->ps_magic = PS_MAGIC;
   memcpy(ps->ps_name, createProps->name.string, sizeof ps->ps_name);
   ps->ps_name[sizeof ps->ps_name - 1] = '\0';
   ps->ps_heap = createProps->heapID;
   ps->ps_range = (emu_mm_range_t)createProps->physRange;
   ps->ps_min = createProps->minPages;
   ps->ps_max = createProps->maxPages;
   emu_mutex_init(&ps->ps_lock);
   emu_cond_init(&ps->ps_cv);
   if (createProps->memPool == VMK_MEMPOOL_INVALID) {
      st = emu_mempool_create(ps->ps_name, NULL, 1, ps->ps_min, ps->ps_max,
                              1, caller, &ps->ps_pool);
      if (st != EMU_OK) {
         ps_free_record(ps);
         return emu_api_status(st);
      }
      ps->ps_ownpool = 1;
   } else {
      ps->ps_pool = (emu_mempool_t *)createProps->memPool;
   }
   for (i = 0; i < ps->ps_min; i++) {
      vmk_MPN mpn;

      st = ps_pool_page(ps, 0, caller, &mpn);
      if (st == EMU_OK) {
         st = ps_track(ps, mpn, PS_CACHED);
         if (st != EMU_OK) {
            emu_mempool_free(mpn, 1, caller);
         }
      }
      if (st != EMU_OK) {
         ps_release_all(ps, caller);
         ps_free_record(ps);
         return st == EMU_LIMIT ? VMK_NO_MEMORY : emu_api_status(st);
      }
   }
   emu_rsrc_add(&ps->ps_rsrc, EMU_RSRC_SLAB, "page slab", ps->ps_name,
                caller);
   *pageSlabID = ps;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_PageSlabAlloc(vmk_PageSlabID pageSlabID, vmk_Bool blocking, vmk_MPN *mpn)
{
   const void *caller = EMU_CALLER();
   vmk_PageSlabID ps = pageSlabID;
   ps_page_t *pp;
   vmk_MPN got;
   emu_status_t st;

   EMU_MAY_BLOCK_IF(blocking);
   if (mpn == NULL || !ps_check(ps, "vmk_PageSlabAlloc", caller)) {
      return VMK_BAD_PARAM;
   }
   emu_mutex_lock(&ps->ps_lock);
   for (;;) {
      if (ps->ps_cache != NULL) {
         pp = ps->ps_cache;
         ps->ps_cache = pp->pp_next;
         pp->pp_next = NULL;
         pp->pp_state = PS_OUT;
         ps->ps_ncached--;
         ps->ps_nout++;
         *mpn = pp->pp_mpn;
         emu_mutex_unlock(&ps->ps_lock);
         return VMK_OK;
      }
      if (ps->ps_nout + ps->ps_nreserved < ps->ps_max) {
         break;
      }
      if (!blocking) {
         emu_mutex_unlock(&ps->ps_lock);
         return VMK_NO_MEMORY;
      }
      emu_cond_wait(&ps->ps_cv, &ps->ps_lock);
   }
   ps->ps_nreserved++;
   emu_mutex_unlock(&ps->ps_lock);

   st = ps_pool_page(ps, blocking ? UINT64_MAX : 0, caller, &got);

   emu_mutex_lock(&ps->ps_lock);
   ps->ps_nreserved--;
   if (st == EMU_OK) {
      st = ps_track(ps, got, PS_OUT);
      if (st != EMU_OK) {
         emu_mempool_free(got, 1, caller);
      }
   }
   emu_cond_broadcast(&ps->ps_cv);
   emu_mutex_unlock(&ps->ps_lock);
   if (st != EMU_OK) {
      return VMK_NO_MEMORY;
   }
   *mpn = got;
   return VMK_OK;
}

EMU_EXPORT void
vmk_PageSlabFree(vmk_PageSlabID pageSlabID, vmk_MPN mpn)
{
   const void *caller = EMU_CALLER();
   vmk_PageSlabID ps = pageSlabID;
   emu_report_obj_t obj;
   ps_page_t *pp;

   if (!ps_check(ps, "vmk_PageSlabFree", caller)) {
      return;
   }
   obj.type = "page slab";
   obj.name = ps->ps_name;
   obj.addr = ps;
   emu_mutex_lock(&ps->ps_lock);
   HASH_FIND(hh, ps->ps_pages, &mpn, sizeof mpn, pp);
   if (pp == NULL || pp->pp_state != PS_OUT) {
      emu_mutex_unlock(&ps->ps_lock);
      if (pp == NULL) {
         emu_report(EMU_RPT_BAD_FREE, &obj, caller,
                    "MPN 0x%llx was not allocated from this page slab",
                    (unsigned long long)mpn);
      } else {
         emu_report(EMU_RPT_DOUBLE_FREE, &obj, caller,
                    "MPN 0x%llx freed twice", (unsigned long long)mpn);
      }
      return;
   }
   ps->ps_nout--;
   if (ps->ps_ncached < ps->ps_min) {
      pp->pp_state = PS_CACHED;
      pp->pp_next = ps->ps_cache;
      ps->ps_cache = pp;
      ps->ps_ncached++;
      pp = NULL;
   } else {
      HASH_DEL(ps->ps_pages, pp);
   }
   emu_cond_broadcast(&ps->ps_cv);
   emu_mutex_unlock(&ps->ps_lock);
   if (pp != NULL) {
      emu_mempool_free(pp->pp_mpn, 1, caller);
      free(pp);
   }
}

EMU_EXPORT void
vmk_PageSlabDestroy(vmk_PageSlabID pageSlabID)
{
   const void *caller = EMU_CALLER();
   vmk_PageSlabID ps = pageSlabID;
   emu_report_obj_t obj;
   ps_page_t *pp;
   ps_page_t *tmp;

   EMU_MAY_BLOCK();
   if (!ps_check(ps, "vmk_PageSlabDestroy", caller)) {
      return;
   }
   obj.type = "page slab";
   obj.name = ps->ps_name;
   obj.addr = ps;
   emu_mutex_lock(&ps->ps_lock);
   while (ps->ps_nreserved > 0) {
      emu_cond_wait(&ps->ps_cv, &ps->ps_lock);
   }
   ps->ps_magic = PS_MAGIC_DEAD;
   emu_mutex_unlock(&ps->ps_lock);
   if (ps->ps_nout > 0) {
      emu_report_begin(EMU_RPT_LEAK, &obj, caller,
                       "page slab destroyed with %u page(s) outstanding",
                       (unsigned)ps->ps_nout);
      HASH_ITER(hh, ps->ps_pages, pp, tmp) {
         if (pp->pp_state == PS_OUT) {
            emu_report_detail("MPN 0x%llx", (unsigned long long)pp->pp_mpn);
         }
      }
      emu_report_end();
   }
   emu_rsrc_remove(&ps->ps_rsrc);
   ps_release_all(ps, caller);
   ps_free_record(ps);
}
