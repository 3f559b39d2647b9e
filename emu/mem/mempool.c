/*
 * mempool.c -- machine-page pools for libvmkemu.
 *
 * 1. Model.  Pools form a tree whose implicit root is machine memory.  A
 *    parent pool only groups; pages are allocated from leaf pools.  Each
 *    pool has a reservation R (pages guaranteed to it) and a limit L (pages
 *    it may hold at most, 0 for none), in pages.
 *
 * 2. Accounting.  A pool's charge to its parent is max(used, R): a
 *    reservation is charged in full from the moment it is made, used pages
 *    beyond it are charged as they come.  A leaf's used is its pages; a
 *    parent's used is the sum of its children's charges.  Allocating n
 *    pages walks from the leaf up: at each pool the new used must stay
 *    within L, and the growth of its charge is what the next level up sees
 *    (it is zero while the pool stays within its reservation, which is
 *    exactly how a reservation is guaranteed: those pages were charged
 *    everywhere above already).  The roots' charges together never exceed
 *    the machine's pages.  A check pass precedes the apply pass, so a
 *    refused request changes nothing.  Creating a pool or raising a
 *    reservation charges the growth the same way (VMK_NO_RESOURCES when it
 *    does not fit).  A child's limit may exceed its parent's; the parent's
 *    limit still bounds what the child can get.
 *
 * 3. Pages.  After the charge, pages come from the machine arena
 *    (machmem.c) by emu_vmem_xalloc: one run for CONTIGUOUS (alignment and
 *    the physical range are vmem constraints), one page per range for
 *    DISCONTIGUOUS, and for ANY as few runs as fit, halving the run size
 *    while nothing fits.  A page table (one entry per machine page: owner
 *    pool, run length at the run's first page, "was freed" mark) lets
 *    vmk_MemPoolFree, which names no pool, find the owner and check the run
 *    (double, interior and unknown frees are reports).
 *
 *    3a. A run the driver allocated (req->track, set by vmk_MemPoolAlloc)
 *    is also a live resource of kind PAGES, recorded at its first page in
 *    pg_track and dropped by the matching free; internal users (heap and
 *    slab backings) are tracked by their own objects instead.  Such a run
 *    is also a block for the memory checkers from its allocation to its
 *    free; every other freed run is hidden from them (memsan.h).
 *
 * 4. Arenas over pools.  Bonwick's import interface is unconstrained (it
 *    passes a size only), so a pool cannot simply import from its parent's
 *    arena without losing "below 4 GiB" and contiguity on the way.  The
 *    tree is therefore kept by the counters above, pages come from the one
 *    machine arena with the constraints intact, and each consumer that
 *    wants bytes (a heap, a slab backing) gets a vmem arena that imports
 *    physically contiguous, range-constrained runs from a pool and releases
 *    them when wholly free (emu_mempool_arena_create).  The import source
 *    is the pool pointer with the range in its low bits.
 *
 * 5. Waiting.  An allocation with a timeout that cannot be charged or
 *    whose pages the machine cannot give sleeps on mp_cv until a free or a
 *    settings change (both broadcast), then retries, until its deadline.
 *
 * 6. Locking.  One mutex (mp_lock) for the whole tree: pool operations are
 *    slow paths.  Never held across a machine-arena call or a report.
 *    Order: mp_lock, then the machine arena's lock (inside machmem).
 *
 * 7. Handles come from chunks of host pages that are never unmapped; a
 *    destroyed pool keeps EMU_MP_MAGIC_DEAD for EMU_MP_QUARANTINE further
 *    destroys, so a stale handle is rejected rather than trusted.
 *
 * 8. Differences from ESX.  Pools are not resource groups with shares;
 *    there is no swap or reclamation by the host; a parent pool's
 *    reservation is expandable (children may reserve beyond it as long as
 *    its limit and the tree above allow).
 */
#include "mempool.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/assert.h"
#include "../core/fault.h"
#include "../core/report.h"
#include "memsan.h"

#define EMU_MP_QUARANTINE   64
#define EMU_MP_CHUNK        (64 * 1024)
#define EMU_MP_MAX_CHUNKS   256
#define PG_FREED            UINT32_MAX      /* pg_len: run freed */

static emu_mutex_t     mp_lock = EMU_MUTEX_INITIALIZER;
static emu_cond_t      mp_cv;
static int             mp_ready;
static uint64_t        mp_root_used;       /* sum of roots' charges */
static uint64_t        mp_total;           /* machine pages for pools */
static emu_mempool_t  *mp_all;             /* live pools */
static emu_mempool_t  *mp_kernel;
static uint32_t        mp_waiters;

/*
 * A driver's run of pages (vmk_MemPoolAlloc) as a live resource, so a run
 * never freed is named with its allocating line at module unregister,
 * unload and shutdown (section 3a).
 */
typedef struct pg_track {
   emu_rsrc_t  t_rsrc;
   char        t_name[EMU_MP_NAMELEN + 32];
} pg_track_t;

/* Page table (section 3) -- mp_lock. */
static emu_mempool_t **pg_owner;
static uint32_t       *pg_len;
static pg_track_t    **pg_track;           /* at a tracked run's first page */
static uint64_t        pg_n;

/* Handle chunks -- mp_lock. */
static unsigned char  *hc_chunk[EMU_MP_MAX_CHUNKS];
static unsigned        hc_n;
static size_t          hc_used;
static emu_mempool_t  *hc_dead_head;
static emu_mempool_t  *hc_dead_tail;
static unsigned        hc_ndead;

/* ---- Handles ----------------------------------------------------------- */

static emu_mempool_t *
handle_get(void)
{
   emu_mempool_t *mp;
   size_t sz = (sizeof(emu_mempool_t) + 63) & ~(size_t)63;

   if (hc_ndead > EMU_MP_QUARANTINE) {
      mp = hc_dead_head;
      hc_dead_head = mp->mp_gnext;
      if (hc_dead_head == NULL) {
         hc_dead_tail = NULL;
      }
      hc_ndead--;
      return mp;
   }
   if (hc_n == 0 || hc_used + sz > EMU_MP_CHUNK) {
      unsigned char *c;

      if (hc_n == EMU_MP_MAX_CHUNKS) {
         return NULL;
      }
      c = emu_host_map_anon(EMU_MP_CHUNK);
      if (c == NULL) {
         return NULL;
      }
      hc_chunk[hc_n++] = c;
      hc_used = 0;
   }
   mp = (emu_mempool_t *)(hc_chunk[hc_n - 1] + hc_used);
   hc_used += sz;
   return mp;
}

static void
handle_put(emu_mempool_t *mp)
{
   mp->mp_magic = EMU_MP_MAGIC_DEAD;
   mp->mp_gnext = NULL;
   if (hc_dead_tail != NULL) {
      hc_dead_tail->mp_gnext = mp;
   } else {
      hc_dead_head = mp;
   }
   hc_dead_tail = mp;
   hc_ndead++;
}

static emu_status_t
check_locked(const emu_mempool_t *mp)
{
   uintptr_t a = (uintptr_t)mp;
   size_t sz = (sizeof(emu_mempool_t) + 63) & ~(size_t)63;
   unsigned i;

   if (mp == NULL) {
      return EMU_NOTFOUND;
   }
   for (i = 0; i < hc_n; i++) {
      uintptr_t c = (uintptr_t)hc_chunk[i];

      if (a - c < EMU_MP_CHUNK && (a - c) % sz == 0) {
         if (mp->mp_magic == EMU_MP_MAGIC) {
            return EMU_OK;
         }
         return mp->mp_magic == EMU_MP_MAGIC_DEAD ? EMU_BADHANDLE
                                                  : EMU_NOTFOUND;
      }
   }
   return EMU_NOTFOUND;
}

emu_status_t
emu_mempool_check(const emu_mempool_t *mp)
{
   emu_status_t st;

   emu_mutex_lock(&mp_lock);
   st = check_locked(mp);
   emu_mutex_unlock(&mp_lock);
   return st;
}

/* ---- Accounting (section 2) -- mp_lock --------------------------------- */

static uint64_t
charge_of(uint64_t used, uint64_t resv)
{
   return used > resv ? used : resv;
}

/*
 * Grow pool a's used by d (a may be NULL: the roots' level), checking
 * first, then applying when everything fits.
 */
static emu_status_t
charge(emu_mempool_t *a, uint64_t d)
{
   emu_mempool_t *p;
   uint64_t x = d;

   for (p = a; p != NULL && x != 0; p = p->mp_parent) {
      uint64_t nu = p->mp_used + x;

      if (p->mp_limit != EMU_MP_NO_LIMIT && nu > p->mp_limit) {
         return EMU_LIMIT;
      }
      x = charge_of(nu, p->mp_resv) - charge_of(p->mp_used, p->mp_resv);
   }
   if (x != 0 && mp_root_used + x > mp_total) {
      return EMU_NOMEM;
   }
   for (p = a, x = d; p != NULL && x != 0; p = p->mp_parent) {
      uint64_t old = p->mp_used;

      p->mp_used += x;
      if (p->mp_used > p->mp_peak) {
         p->mp_peak = p->mp_used;
      }
      x = charge_of(p->mp_used, p->mp_resv) - charge_of(old, p->mp_resv);
   }
   mp_root_used += x;
   return EMU_OK;
}

static void
uncharge(emu_mempool_t *a, uint64_t d)
{
   emu_mempool_t *p;
   uint64_t x = d;

   for (p = a; p != NULL && x != 0; p = p->mp_parent) {
      uint64_t old = p->mp_used;

      EMU_ASSERT(p->mp_used >= x);
      p->mp_used -= x;
      x = charge_of(old, p->mp_resv) - charge_of(p->mp_used, p->mp_resv);
   }
   EMU_ASSERT(mp_root_used >= x);
   mp_root_used -= x;
   if (mp_waiters != 0) {
      emu_cond_broadcast(&mp_cv);
   }
}

uint64_t
emu_mempool_unreserved(void)
{
   uint64_t v;

   emu_mutex_lock(&mp_lock);
   v = mp_total - mp_root_used;
   emu_mutex_unlock(&mp_lock);
   return v;
}

/* ---- Start / stop ------------------------------------------------------ */

emu_status_t
emu_mempool_init(void)
{
   emu_status_t st;

   if (!emu_mm.mm_live) {
      return EMU_NOMEM;
   }
   emu_mutex_lock(&mp_lock);
   if (!mp_ready) {
      emu_cond_init(&mp_cv);
      mp_ready = 1;
   }
   pg_n = emu_mm.mm_npages;
   pg_owner = emu_host_map_reserve(pg_n * sizeof *pg_owner);
   pg_len = emu_host_map_reserve(pg_n * sizeof *pg_len);
   pg_track = emu_host_map_reserve(pg_n * sizeof *pg_track);
   if (pg_owner == NULL || pg_len == NULL || pg_track == NULL) {
      emu_host_unmap(pg_owner, pg_n * sizeof *pg_owner);
      emu_host_unmap(pg_len, pg_n * sizeof *pg_len);
      emu_host_unmap(pg_track, pg_n * sizeof *pg_track);
      pg_owner = NULL;
      pg_len = NULL;
      pg_track = NULL;
      emu_mutex_unlock(&mp_lock);
      return EMU_NOMEM;
   }
   mp_total = emu_mm.mm_npages - EMU_MM_ZERO_PAGES;
   mp_root_used = 0;
   emu_mutex_unlock(&mp_lock);
   st = emu_mempool_create("vmkemu-kernel", NULL, 1, 0, EMU_MP_NO_LIMIT, 1,
                           NULL, &mp_kernel);
   if (st != EMU_OK) {
      emu_mempool_fini();
   }
   return st;
}

emu_mempool_t *
emu_mempool_kernel(void)
{
   return mp_kernel;
}

/* Free every page a pool still holds (fini only). */
static void
pool_drop_pages(emu_mempool_t *mp)
{
   uint64_t i;

   for (i = 0; i < pg_n; i++) {
      if (pg_owner[i] == mp && pg_len[i] != 0 && pg_len[i] != PG_FREED) {
         uint64_t n = pg_len[i];
         uint64_t mpn;
         uint64_t j;

         mpn = i < emu_mm.mm_bank[1].mb_index
                  ? emu_mm.mm_bank[0].mb_mpn + i
                  : emu_mm.mm_bank[1].mb_mpn +
                       (i - emu_mm.mm_bank[1].mb_index);
         for (j = 0; j < n; j++) {
            pg_owner[i + j] = NULL;
         }
         pg_len[i] = PG_FREED;
         if (pg_track[i] != NULL) {
            emu_memsan_free((void *)emu_machmem_mpn2va(mpn),
                            (size_t)(n << EMU_MM_PAGE_SHIFT));
         }
         free(pg_track[i]);          /* listed and forgotten at shutdown */
         pg_track[i] = NULL;
         emu_machmem_pages_free(mpn, n, NULL);
      }
   }
}

void
emu_mempool_fini(void)
{
   /*
    * Pools still alive were listed as leaks by the resource registry.
    * Leaves first: give their pages back, then tear the tree down.
    */
   emu_mutex_lock(&mp_lock);
   while (mp_all != NULL) {
      emu_mempool_t *mp = mp_all;

      while (mp->mp_child != NULL) {
         mp = mp->mp_child;
      }
      if (mp->mp_arena != NULL) {
         emu_vmem_t *vmp = mp->mp_arena;

         mp->mp_arena = NULL;
         emu_mutex_unlock(&mp_lock);
         emu_vmem_destroy(vmp);
         emu_mutex_lock(&mp_lock);
      }
      pool_drop_pages(mp);
      mp->mp_used = 0;
      mp->mp_resv = 0;
      if (mp->mp_parent != NULL) {
         emu_mempool_t **pp = &mp->mp_parent->mp_child;

         while (*pp != mp) {
            pp = &(*pp)->mp_sib;
         }
         *pp = mp->mp_sib;
         mp->mp_parent->mp_nchildren--;
      }
      if (mp->mp_gprev != NULL) {
         mp->mp_gprev->mp_gnext = mp->mp_gnext;
      } else {
         mp_all = mp->mp_gnext;
      }
      if (mp->mp_gnext != NULL) {
         mp->mp_gnext->mp_gprev = mp->mp_gprev;
      }
      if (!mp->mp_internal) {
         emu_rsrc_remove(&mp->mp_rsrc);
      }
      handle_put(mp);
   }
   mp_kernel = NULL;
   emu_host_unmap(pg_owner, pg_n * sizeof *pg_owner);
   emu_host_unmap(pg_len, pg_n * sizeof *pg_len);
   emu_host_unmap(pg_track, pg_n * sizeof *pg_track);
   pg_owner = NULL;
   pg_len = NULL;
   pg_track = NULL;
   pg_n = 0;
   mp_root_used = 0;
   mp_total = 0;
   emu_mutex_unlock(&mp_lock);
}

/* ---- Pools ------------------------------------------------------------- */

emu_status_t
emu_mempool_create(const char *name, emu_mempool_t *parent, int leaf,
                   uint64_t resv, uint64_t limit, int internal,
                   const void *caller, emu_mempool_t **mpp)
{
   emu_mempool_t *mp;
   emu_status_t st;

   if (limit != EMU_MP_NO_LIMIT && resv > limit) {
      return EMU_BADPARAM;
   }
   /* A driver's pool is a page resource like its pages (fault.h). */
   if (!internal && emu_fault_inject(EMU_FAULT_PAGES, caller)) {
      return EMU_NOMEM;
   }
   emu_mutex_lock(&mp_lock);
   if (pg_owner == NULL) {
      emu_mutex_unlock(&mp_lock);
      return EMU_NOMEM;
   }
   if (parent != NULL) {
      st = check_locked(parent);
      if (st != EMU_OK || parent->mp_leaf) {
         emu_mutex_unlock(&mp_lock);
         return st == EMU_OK ? EMU_BADPARAM : st;
      }
   }
   mp = handle_get();
   if (mp == NULL) {
      emu_mutex_unlock(&mp_lock);
      return EMU_NOMEM;
   }
   st = charge(parent, resv);
   if (st != EMU_OK) {
      handle_put(mp);
      emu_mutex_unlock(&mp_lock);
      return EMU_LIMIT;
   }
   if (parent == NULL && resv == 0) {
      /* nothing charged */
   }
   memset(mp, 0, sizeof *mp);
   snprintf(mp->mp_name, sizeof mp->mp_name, "%s", name != NULL ? name : "");
   mp->mp_leaf = leaf != 0;
   mp->mp_parent = parent;
   mp->mp_internal = internal;
   mp->mp_resv = resv;
   mp->mp_limit = limit;
   if (parent != NULL) {
      mp->mp_sib = parent->mp_child;
      parent->mp_child = mp;
      parent->mp_nchildren++;
   }
   mp->mp_gnext = mp_all;
   if (mp_all != NULL) {
      mp_all->mp_gprev = mp;
   }
   mp_all = mp;
   mp->mp_magic = EMU_MP_MAGIC;
   if (!internal) {
      emu_rsrc_add(&mp->mp_rsrc, EMU_RSRC_MEMPOOL, "mempool", mp->mp_name,
                   caller);
   }
   emu_mutex_unlock(&mp_lock);
   *mpp = mp;
   return EMU_OK;
}

emu_status_t
emu_mempool_destroy(emu_mempool_t *mp)
{
   emu_vmem_t *vmp = NULL;
   emu_status_t st;

   emu_mutex_lock(&mp_lock);
   st = check_locked(mp);
   if (st != EMU_OK) {
      emu_mutex_unlock(&mp_lock);
      return st;
   }
   /* The pool's own arena holds pages only while someone uses it. */
   if (mp->mp_arena != NULL && mp->mp_nchildren == 0) {
      emu_vmem_stats_t vs;

      emu_vmem_stats(mp->mp_arena, &vs);
      if (vs.st_inuse == 0) {
         vmp = mp->mp_arena;
         mp->mp_arena = NULL;
      }
   }
   emu_mutex_unlock(&mp_lock);
   if (vmp != NULL) {
      emu_vmem_destroy(vmp);
   }
   emu_mutex_lock(&mp_lock);
   if (check_locked(mp) != EMU_OK) {
      emu_mutex_unlock(&mp_lock);
      return EMU_BADHANDLE;
   }
   if (mp->mp_nchildren != 0 || (mp->mp_leaf && mp->mp_used != 0) ||
       mp->mp_arena != NULL) {
      emu_mutex_unlock(&mp_lock);
      return EMU_BUSY;
   }
   uncharge(mp->mp_parent, charge_of(mp->mp_used, mp->mp_resv));
   if (mp->mp_parent != NULL) {
      emu_mempool_t **pp = &mp->mp_parent->mp_child;

      while (*pp != mp) {
         pp = &(*pp)->mp_sib;
      }
      *pp = mp->mp_sib;
      mp->mp_parent->mp_nchildren--;
   }
   if (mp->mp_gprev != NULL) {
      mp->mp_gprev->mp_gnext = mp->mp_gnext;
   } else {
      mp_all = mp->mp_gnext;
   }
   if (mp->mp_gnext != NULL) {
      mp->mp_gnext->mp_gprev = mp->mp_gprev;
   }
   if (!mp->mp_internal) {
      emu_rsrc_remove(&mp->mp_rsrc);
   }
   if (mp == mp_kernel) {
      mp_kernel = NULL;
   }
   handle_put(mp);
   emu_mutex_unlock(&mp_lock);
   return EMU_OK;
}

emu_status_t
emu_mempool_set(emu_mempool_t *mp, uint64_t resv, uint64_t limit)
{
   emu_status_t st;
   uint64_t oldc;
   uint64_t newc;

   if (limit != EMU_MP_NO_LIMIT && resv > limit) {
      return EMU_BADPARAM;
   }
   emu_mutex_lock(&mp_lock);
   st = check_locked(mp);
   if (st != EMU_OK) {
      emu_mutex_unlock(&mp_lock);
      return st;
   }
   oldc = charge_of(mp->mp_used, mp->mp_resv);
   newc = charge_of(mp->mp_used, resv);
   if (newc > oldc) {
      st = charge(mp->mp_parent, newc - oldc);
      if (st != EMU_OK) {
         emu_mutex_unlock(&mp_lock);
         return EMU_LIMIT;
      }
   } else if (newc < oldc) {
      uncharge(mp->mp_parent, oldc - newc);
   }
   mp->mp_resv = resv;
   mp->mp_limit = limit;
   if (mp_waiters != 0) {
      emu_cond_broadcast(&mp_cv);
   }
   emu_mutex_unlock(&mp_lock);
   return EMU_OK;
}

void
emu_mempool_get(emu_mempool_t *mp, uint64_t *resv, uint64_t *limit,
                uint64_t *used)
{
   emu_mutex_lock(&mp_lock);
   if (resv != NULL) {
      *resv = mp->mp_resv;
   }
   if (limit != NULL) {
      *limit = mp->mp_limit;
   }
   if (used != NULL) {
      *used = mp->mp_used;
   }
   emu_mutex_unlock(&mp_lock);
}

/* ---- Pages (section 3) ------------------------------------------------- */

/* Record a run in the page table.  => mp_lock held */
static void
pg_set(uint64_t mpn, uint64_t n, emu_mempool_t *owner)
{
   int64_t i = emu_machmem_index(mpn);
   uint64_t j;

   EMU_ASSERT(i >= 0);
   for (j = 0; j < n; j++) {
      pg_owner[i + j] = owner;
      pg_len[i + j] = 0;
   }
   pg_len[i] = owner != NULL ? (uint32_t)n : PG_FREED;
}

static emu_status_t
wait_until(uint64_t deadline_ns)
{
   int timedout;

   if (deadline_ns == 0) {
      return EMU_NOMEM;
   }
   mp_waiters++;
   if (deadline_ns == UINT64_MAX) {
      emu_cond_wait(&mp_cv, &mp_lock);
      timedout = 0;
   } else {
      timedout = emu_cond_timedwait(&mp_cv, &mp_lock, deadline_ns);
   }
   mp_waiters--;
   return timedout ? EMU_TIMEOUT : EMU_OK;
}

/* Give back runs[0..n) (no lock held). */
static void
runs_free(emu_mp_run_t *runs, uint32_t n, const void *caller)
{
   uint32_t i;

   for (i = 0; i < n; i++) {
      emu_mutex_lock(&mp_lock);
      pg_set(runs[i].r_mpn, runs[i].r_npages, NULL);
      emu_mutex_unlock(&mp_lock);
      emu_machmem_pages_free(runs[i].r_mpn, runs[i].r_npages, caller);
   }
}

/* Take the pages of a charged request from the machine arena. */
static emu_status_t
pages_take(const emu_mp_req_t *req, emu_mp_run_t *runs, uint32_t nruns,
           uint32_t *nusedp)
{
   emu_mm_req_t mr;
   uint64_t left = req->npages;
   uint64_t chunk;
   uint32_t n = 0;
   emu_status_t st = EMU_OK;

   memset(&mr, 0, sizeof mr);
   mr.range = req->range;
   mr.caller = req->caller;
   switch (req->contig) {
   case EMU_MP_CONTIG:
      mr.npages = req->npages;
      mr.align = req->align;
      st = emu_machmem_pages_alloc(&mr, &runs[0].r_mpn);
      if (st == EMU_OK) {
         runs[0].r_npages = req->npages;
         n = 1;
      }
      break;
   case EMU_MP_DISCONTIG:
      mr.npages = 1;
      for (; left > 0; left--) {
         st = emu_machmem_pages_alloc(&mr, &runs[n].r_mpn);
         if (st != EMU_OK) {
            break;
         }
         runs[n++].r_npages = 1;
      }
      break;
   case EMU_MP_ANY:
      chunk = left;
      while (left > 0) {
         if (n == nruns) {
            st = EMU_BADPARAM;
            break;
         }
         if (chunk > left) {
            chunk = left;
         }
         if (n == nruns - 1) {
            chunk = left;    /* the last range must take the rest */
         }
         mr.npages = chunk;
         st = emu_machmem_pages_alloc(&mr, &runs[n].r_mpn);
         if (st == EMU_OK) {
            runs[n++].r_npages = chunk;
            left -= chunk;
            continue;
         }
         if (chunk == 1 || n == nruns - 1) {
            break;
         }
         chunk = (chunk + 1) / 2;
      }
      break;
   }
   if (st != EMU_OK) {
      runs_free(runs, n, req->caller);
      return st;
   }
   *nusedp = n;
   return EMU_OK;
}

/*
 * Register each run of a driver's allocation as a PAGES resource (3a).  A
 * record that cannot be had leaves that run untracked: the pages are
 * still the driver's, only the leak listing would miss them.
 * => mp_lock not held (the registry asks the module layer for the owner).
 */
static void
pages_track(emu_mempool_t *mp, const emu_mp_run_t *runs, uint32_t n,
            const void *caller)
{
   uint32_t i;

   for (i = 0; i < n; i++) {
      pg_track_t *t = calloc(1, sizeof *t);
      int64_t k = emu_machmem_index(runs[i].r_mpn);

      if (t == NULL) {
         continue;
      }
      snprintf(t->t_name, sizeof t->t_name, "%s: %llu page(s) at 0x%llx",
               mp->mp_name, (unsigned long long)runs[i].r_npages,
               (unsigned long long)runs[i].r_mpn);
      emu_rsrc_add(&t->t_rsrc, EMU_RSRC_PAGES, "pool pages", t->t_name,
                   caller);
      emu_mutex_lock(&mp_lock);
      pg_track[k] = t;
      emu_mutex_unlock(&mp_lock);
   }
}

emu_status_t
emu_mempool_alloc(emu_mempool_t *mp, const emu_mp_req_t *req,
                  emu_mp_run_t *runs, uint32_t nruns, uint32_t *nusedp)
{
   emu_status_t st;
   uint32_t n = 0;
   uint32_t i;

   if (req->npages == 0 || nruns == 0 || req->npages > UINT32_MAX) {
      return EMU_BADPARAM;
   }
   if (req->contig == EMU_MP_DISCONTIG && nruns < req->npages) {
      return EMU_BADPARAM;
   }
   if (emu_fault_inject(EMU_FAULT_PAGES, req->caller)) {
      return EMU_NOMEM;
   }
   emu_mutex_lock(&mp_lock);
   st = check_locked(mp);
   if (st != EMU_OK || !mp->mp_leaf) {
      emu_mutex_unlock(&mp_lock);
      return st == EMU_OK ? EMU_BADPARAM : st;
   }
   for (;;) {
      emu_status_t why;

      why = charge(mp, req->npages);
      if (why == EMU_OK) {
         emu_mutex_unlock(&mp_lock);
         why = pages_take(req, runs, nruns, &n);
         emu_mutex_lock(&mp_lock);
         if (why == EMU_OK) {
            st = EMU_OK;
            break;
         }
         uncharge(mp, req->npages);
         if (why == EMU_BADPARAM) {
            st = why;
            break;
         }
      }
      /* Refused: EMU_LIMIT (a pool's limit) or EMU_NOMEM (no pages). */
      st = wait_until(req->deadline_ns);
      if (st != EMU_OK) {
         st = why;
         break;
      }
      if (check_locked(mp) != EMU_OK) {
         st = EMU_BADHANDLE;
         break;
      }
   }
   if (st != EMU_OK) {
      mp->mp_st_fail++;
      emu_mutex_unlock(&mp_lock);
      return st;
   }
   for (i = 0; i < n; i++) {
      pg_set(runs[i].r_mpn, runs[i].r_npages, mp);
      if (req->track) {
         emu_memsan_alloc((void *)emu_machmem_mpn2va(runs[i].r_mpn),
                          (size_t)(runs[i].r_npages << EMU_MM_PAGE_SHIFT),
                          (size_t)(runs[i].r_npages << EMU_MM_PAGE_SHIFT),
                          1);                /* machine pages come zeroed */
      }
   }
   mp->mp_st_alloc++;
   emu_mutex_unlock(&mp_lock);
   if (req->track) {
      pages_track(mp, runs, n, req->caller);
   }
   *nusedp = n;
   return EMU_OK;
}

emu_mempool_t *
emu_mempool_owner(uint64_t mpn)
{
   int64_t i = emu_machmem_index(mpn);
   emu_mempool_t *mp;

   if (i < 0 || pg_owner == NULL) {
      return NULL;
   }
   emu_mutex_lock(&mp_lock);
   mp = pg_owner[i];
   emu_mutex_unlock(&mp_lock);
   return mp;
}

emu_status_t
emu_mempool_free(uint64_t mpn, uint64_t npages, const void *caller)
{
   emu_report_kind_t kind = EMU_RPT_NONE;
   emu_report_obj_t obj = { "mempool", NULL, NULL };
   emu_mempool_t *mp;
   pg_track_t *t;
   int64_t i = emu_machmem_index(mpn);
   char what[96];

   emu_mutex_lock(&mp_lock);
   if (i < 0 || pg_owner == NULL || npages == 0 ||
       (uint64_t)i + npages > pg_n) {
      kind = EMU_RPT_BAD_FREE;
      snprintf(what, sizeof what, "MPN 0x%llx is not machine memory",
               (unsigned long long)mpn);
   } else if (pg_owner[i] == NULL) {
      kind = pg_len[i] == PG_FREED ? EMU_RPT_DOUBLE_FREE : EMU_RPT_BAD_FREE;
      snprintf(what, sizeof what, "MPN 0x%llx (%llu pages) is not allocated",
               (unsigned long long)mpn, (unsigned long long)npages);
   } else if (pg_len[i] == 0) {
      kind = EMU_RPT_MISALIGNED_FREE;
      snprintf(what, sizeof what,
               "MPN 0x%llx is inside a run allocated from pool '%s'",
               (unsigned long long)mpn, pg_owner[i]->mp_name);
   } else if (pg_len[i] != npages) {
      kind = EMU_RPT_BAD_FREE;
      snprintf(what, sizeof what,
               "MPN 0x%llx: %llu pages freed, %u allocated",
               (unsigned long long)mpn, (unsigned long long)npages,
               pg_len[i]);
   }
   if (kind != EMU_RPT_NONE) {
      if (i >= 0 && pg_owner != NULL && (uint64_t)i < pg_n &&
          pg_owner[i] != NULL) {
         obj.name = pg_owner[i]->mp_name;
         obj.addr = pg_owner[i];
      }
      emu_mutex_unlock(&mp_lock);
      emu_report(kind, &obj, caller, "vmk_MemPoolFree: %s", what);
      return EMU_BADPARAM;
   }
   mp = pg_owner[i];
   t = pg_track[i];
   pg_track[i] = NULL;
   /* Pages back in a pool are nobody's to touch (memsan.h). */
   if (t != NULL) {
      emu_memsan_free((void *)emu_machmem_mpn2va(mpn),
                      (size_t)(npages << EMU_MM_PAGE_SHIFT));
   } else {
      emu_memsan_hide((void *)emu_machmem_mpn2va(mpn),
                      (size_t)(npages << EMU_MM_PAGE_SHIFT));
   }
   pg_set(mpn, npages, NULL);
   emu_mutex_unlock(&mp_lock);
   if (t != NULL) {
      emu_rsrc_remove(&t->t_rsrc);
      free(t);
   }
   emu_machmem_pages_free(mpn, npages, caller);
   emu_mutex_lock(&mp_lock);
   uncharge(mp, npages);
   emu_mutex_unlock(&mp_lock);
   return EMU_OK;
}

/* ---- Arenas over pools (section 4) ------------------------------------- */

#define SRC_RANGE_MASK  ((uintptr_t)3)
#define SRC_ALIGN_PAGES 16              /* runs aligned to 64 KiB */

static emu_status_t
arena_import(void *source, size_t size, int flags, uintptr_t *addrp)
{
   emu_mempool_t *mp = (emu_mempool_t *)((uintptr_t)source & ~SRC_RANGE_MASK);
   emu_mp_req_t req;
   emu_mp_run_t run;
   uint32_t n;
   emu_status_t st;

   (void)flags;
   memset(&req, 0, sizeof req);
   req.npages = size >> EMU_MM_PAGE_SHIFT;
   req.contig = EMU_MP_CONTIG;
   req.range = (emu_mm_range_t)((uintptr_t)source & SRC_RANGE_MASK);
   req.align = req.npages >= SRC_ALIGN_PAGES ? SRC_ALIGN_PAGES : 0;
   st = emu_mempool_alloc(mp, &req, &run, 1, &n);
   if (st != EMU_OK) {
      return st;
   }
   *addrp = emu_machmem_mpn2va(run.r_mpn);
   return EMU_OK;
}

static void
arena_release(void *source, uintptr_t addr, size_t size)
{
   uint64_t ma;

   (void)source;
   if (emu_machmem_va2ma(addr, size, &ma) == EMU_OK) {
      emu_mempool_free(ma >> EMU_MM_PAGE_SHIFT, size >> EMU_MM_PAGE_SHIFT,
                       NULL);
   }
}

emu_status_t
emu_mempool_arena_create(emu_mempool_t *mp, emu_mm_range_t range,
                         const char *name, emu_vmem_t **vmpp)
{
   emu_vmem_props_t vp;
   emu_status_t st;

   EMU_STATIC_ASSERT(EMU_MM_RANGE_COUNT <= 4, "range fits in 2 bits");
   st = emu_mempool_check(mp);
   if (st != EMU_OK) {
      return st;
   }
   if (!mp->mp_leaf) {
      return EMU_BADPARAM;
   }
   memset(&vp, 0, sizeof vp);
   vp.name = name;
   vp.quantum = EMU_MM_PAGE_SIZE;
   vp.policy = EMU_VM_INSTANTFIT;
   vp.import = arena_import;
   vp.release = arena_release;
   vp.source = (void *)((uintptr_t)mp | (uintptr_t)range);
   /* arena_import aligns runs of SRC_ALIGN_PAGES and more to that many
    * pages, so a 64 KiB-aligned request (a slab cluster) imports just its
    * size, not size + 60 KiB of slack charged to the pool. */
   vp.import_align = SRC_ALIGN_PAGES << EMU_MM_PAGE_SHIFT;
   return emu_vmem_create(&vp, vmpp);
}

void
emu_mempool_arena_destroy(emu_vmem_t *vmp)
{
   emu_vmem_destroy(vmp);
}

emu_vmem_t *
emu_mempool_arena(emu_mempool_t *mp)
{
   emu_vmem_t *vmp;
   emu_vmem_t *old;

   emu_mutex_lock(&mp_lock);
   vmp = mp->mp_arena;
   emu_mutex_unlock(&mp_lock);
   if (vmp != NULL) {
      return vmp;
   }
   if (emu_mempool_arena_create(mp, EMU_MM_RANGE_ANY, mp->mp_name,
                                &vmp) != EMU_OK) {
      return NULL;
   }
   emu_mutex_lock(&mp_lock);
   old = mp->mp_arena;
   if (old == NULL) {
      mp->mp_arena = vmp;
   }
   emu_mutex_unlock(&mp_lock);
   if (old != NULL) {
      emu_vmem_destroy(vmp);
      vmp = old;
   }
   return vmp;
}

/* ---- Statistics walk (EmuCtl_DumpStats) -------------------------------- */

void
emu_mempool_walk(emu_mempool_walk_fn fn, void *arg)
{
   emu_mempool_t *mp;

   /* The pool arenas' locks nest inside mp_lock (they drop their own lock
    * around imports, so nothing takes them the other way round). */
   emu_mutex_lock(&mp_lock);
   for (mp = mp_all; mp != NULL; mp = mp->mp_gnext) {
      emu_vmem_stats_t vs;

      if (mp->mp_arena != NULL) {
         emu_vmem_stats(mp->mp_arena, &vs);
      }
      fn(arg, mp, mp->mp_arena != NULL ? &vs : NULL);
   }
   emu_mutex_unlock(&mp_lock);
}
