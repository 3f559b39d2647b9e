/*
 * dma.c -- DMA engines, mappings with bounce buffers, and the IOMMU view a
 * simulated device goes through.
 *
 * 1. Model: an engine belongs to a device (the vmk_Device of its props)
 *    and carries constraints: an address mask, a maximum transfer, a
 *    maximum number of SG entries, a maximum element size, an element size
 *    multiple (every element but the last), an element alignment and a
 *    boundary ("straddle") no element may cross.  A vmk_DMADevice
 *    registered for the same vmk_Device adds its own constraints to every
 *    engine created on it afterwards (the tighter of each pair).
 * 2. IO addresses: there is no IOMMU translation -- an IO address is the
 *    machine address the device touches (the driver's memory, or a bounce
 *    buffer).  What makes this an IOMMU view is the check: a device may
 *    only touch bytes inside a live mapping of one of its own engines, in
 *    a direction that mapping allows (emu_dma_device_access).  Engines that
 *    ask for VMK_DMA_ENGINE_FLAGS_REQUEST_IOMMU_MAPPER get the same.
 * 3. Mapping: the driver's elements are first coalesced where they are
 *    machine-contiguous, then cut at the maximum element size (rounded down
 *    to the size multiple and the alignment) and at straddle boundaries.
 *    Then, in order: the whole transfer against maxTransfer (nothing can
 *    fix that), each piece against the mask, the alignment and the size
 *    multiple, and the piece count against sgMaxEntries.  The first
 *    failure is the reason, with the index of the driver's element it came
 *    from as badElem.
 * 4. Bounce: when the engine was created with a bounce pool (props->bounce
 *    with a type other than NONE) and is not COHERENT, a mapping that
 *    fails in step 3 for any reason but the transfer size is tried once
 *    more through one bounce buffer: pages taken from machine memory in
 *    the widest physical range the mask allows, aligned so that the cut
 *    is the same as for a buffer at address 0.  If that layout meets the
 *    constraints it is used; the data moves at map (every direction, so
 *    bytes a TO_MEMORY device leaves alone survive the copy back), at
 *    unmap (TO_MEMORY, BIDIRECTIONAL) and at each flush in the flush's
 *    direction.  Without a pool the mapping fails with the
 *    reason (as the vmkapi says: the driver handles bouncing itself).  A
 *    COHERENT engine never bounces: a bounce buffer is not coherent.
 *    Bounce pages that cannot be had: VMK_NO_MEMORY; a mask no memory
 *    meets: the original reason.
 * 5. Direct mappings need no flush (the device sees the driver's memory);
 *    flush still checks that the mapping exists and allows the direction.
 * 6. Misuse: unmapping what is not mapped on the engine is a DOUBLE_FREE
 *    report if that key (IO array or IO address) was unmapped recently,
 *    else BAD_FREE; unmapping with another direction than the mapping's is
 *    a MISUSE report (the mapping's direction is used); destroying an
 *    engine with live mappings is a LEAK report listing them, and they are
 *    torn down (bounce pages freed, IO arrays freed if their ops handle
 *    still lives).  A device access outside every allowed mapping is a
 *    DMA_VIOLATION report.  Every engine, DMA device and mapping is a
 *    resource ("dma engine", "dma device", "dma mapping") for leak lists.
 * 7. Protections (vmk_DMASetProtection): a list of page ranges with the
 *    directions DMA may use on them, newest first; the IOMMU view enforces
 *    them on device accesses (ESX says they may be enforced "lazily in
 *    hardware").  Clearing splits ranges.
 * 8. Locking: one mutex, dma_lock, over engines, mappings and protections.
 *    Planning a mapping, taking bounce pages and the driver's SG callbacks
 *    run outside it; linking and unlinking, flush copies and device
 *    accesses run inside it, so a mapping cannot vanish under a copy.
 *    dma_lock is taken before the resource registry's lock and never
 *    together with sg.c's lock.
 */
#include "dma.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/fault.h"
#include "../core/report.h"

typedef struct dma_prot {
   struct dma_prot *p_next;
   uint64_t         p_mpn;
   uint64_t         p_npages;
   vmk_DMADirection p_access;
} dma_prot_t;

static emu_mutex_t dma_lock = EMU_MUTEX_INITIALIZER;
static emu_dma_engine_t *dma_engines;
static emu_dma_dev_t *dma_devs;
static dma_prot_t *dma_prots;

static const char *
dma_dir_name(vmk_DMADirection d)
{
   switch (d) {
   case VMK_DMA_DIRECTION_NONE:          return "none";
   case VMK_DMA_DIRECTION_TO_MEMORY:     return "to memory";
   case VMK_DMA_DIRECTION_FROM_MEMORY:   return "from memory";
   case VMK_DMA_DIRECTION_BIDIRECTIONAL: return "bidirectional";
   }
   return "unknown";
}

static int
dma_dir_ok(vmk_DMADirection d)
{
   return d == VMK_DMA_DIRECTION_TO_MEMORY ||
          d == VMK_DMA_DIRECTION_FROM_MEMORY ||
          d == VMK_DMA_DIRECTION_BIDIRECTIONAL;
}

/* Whether a mapping in direction d lets the device write (1) / read (0). */
static int
dma_dir_allows(vmk_DMADirection d, int write)
{
   if (d == VMK_DMA_DIRECTION_BIDIRECTIONAL) {
      return 1;
   }
   return write ? d == VMK_DMA_DIRECTION_TO_MEMORY
                : d == VMK_DMA_DIRECTION_FROM_MEMORY;
}

static int
is_pow2(uint64_t v)
{
   return v != 0 && (v & (v - 1)) == 0;
}

emu_status_t
emu_dma_init(void)
{
   emu_mutex_lock(&dma_lock);
   dma_engines = NULL;
   dma_devs = NULL;
   dma_prots = NULL;
   emu_mutex_unlock(&dma_lock);
   return EMU_OK;
}

static void dma_teardown_locked(emu_dma_engine_t *e, emu_dma_map_t **listp);
static void dma_map_release(emu_dma_map_t *m, int free_io, const void *caller);

/* Shutdown: leaks were listed already; give the pages back quietly. */
void
emu_dma_fini(void)
{
   emu_dma_map_t *maps = NULL;
   emu_dma_map_t *m;

   emu_mutex_lock(&dma_lock);
   while (dma_engines != NULL) {
      emu_dma_engine_t *e = dma_engines;

      dma_teardown_locked(e, &maps);
      dma_engines = e->de_next;
      emu_rsrc_remove(&e->de_rsrc);
      e->de_magic = EMU_DMA_MAGIC_DEAD;
      free(e);
   }
   while (dma_devs != NULL) {
      emu_dma_dev_t *dd = dma_devs;

      dma_devs = dd->dd_next;
      emu_rsrc_remove(&dd->dd_rsrc);
      free(dd);
   }
   while (dma_prots != NULL) {
      dma_prot_t *p = dma_prots;

      dma_prots = p->p_next;
      free(p);
   }
   emu_mutex_unlock(&dma_lock);
   while (maps != NULL) {
      m = maps;
      maps = m->dm_next;
      dma_map_release(m, 0, NULL);
   }
}

/* ---- Constraints -------------------------------------------------------- */

int
emu_dma_constraints_ok(const vmk_DMAConstraints *c)
{
   if (c->addressMask == 0 ||
       (c->addressMask != UINT64_MAX && !is_pow2(c->addressMask + 1))) {
      return 0;
   }
   if (c->sgElemMaxSize != 0 && c->sgElemMaxSize < EMU_MM_PAGE_SIZE) {
      return 0;
   }
   if (c->sgElemSizeMult != 0 && (!is_pow2(c->sgElemSizeMult) ||
                                  c->sgElemSizeMult >= EMU_MM_PAGE_SIZE)) {
      return 0;
   }
   if (c->sgElemAlignment > 1 && (!is_pow2(c->sgElemAlignment) ||
                                  c->sgElemAlignment > EMU_MM_PAGE_SIZE)) {
      return 0;
   }
   if (c->sgElemStraddle != 0 && (!is_pow2(c->sgElemStraddle) ||
                                  c->sgElemStraddle < EMU_MM_PAGE_SIZE)) {
      return 0;
   }
   return 1;
}

static uint64_t
min_nz(uint64_t a, uint64_t b)
{
   if (a == 0) {
      return b;
   }
   if (b == 0) {
      return a;
   }
   return a < b ? a : b;
}

static uint64_t
max_u(uint64_t a, uint64_t b)
{
   return a > b ? a : b;
}

/* The tighter of two sets of constraints, into *c. */
static void
dma_combine(vmk_DMAConstraints *c, const vmk_DMAConstraints *d)
{
   c->addressMask &= d->addressMask;
   c->maxTransfer = min_nz(c->maxTransfer, d->maxTransfer);
   c->sgMaxEntries = (vmk_uint32)min_nz(c->sgMaxEntries, d->sgMaxEntries);
   c->sgElemMaxSize = (vmk_ByteCountSmall)min_nz(c->sgElemMaxSize,
                                                 d->sgElemMaxSize);
   c->sgElemSizeMult = (vmk_ByteCountSmall)max_u(c->sgElemSizeMult,
                                                 d->sgElemSizeMult);
   c->sgElemAlignment = (vmk_ByteCountSmall)max_u(c->sgElemAlignment,
                                                  d->sgElemAlignment);
   c->sgElemStraddle = min_nz(c->sgElemStraddle, d->sgElemStraddle);
}

static void
dma_copy_name(char *dst, const char *src)
{
   snprintf(dst, EMU_DMA_NAMELEN, "%s", src != NULL ? src : "");
}

/* ---- DMA devices -------------------------------------------------------- */

emu_status_t
emu_dma_device_register(const char *name, void *device,
                        const vmk_DMAConstraints *con, const void *caller,
                        emu_dma_dev_t **ddp)
{
   emu_dma_dev_t *dd;
   emu_dma_dev_t *o;
   emu_dma_engine_t *e;

   if (device == NULL || con == NULL || !emu_dma_constraints_ok(con)) {
      return EMU_BADPARAM;
   }
   if (emu_fault_inject(EMU_FAULT_OTHER, caller)) {
      return EMU_NOMEM;
   }
   dd = calloc(1, sizeof *dd);
   if (dd == NULL) {
      return EMU_NOMEM;
   }
   dd->dd_magic = EMU_DMA_DEV_MAGIC;
   dma_copy_name(dd->dd_name, name);
   dd->dd_device = device;
   dd->dd_con = *con;
   emu_mutex_lock(&dma_lock);
   for (e = dma_engines; e != NULL; e = e->de_next) {
      if (e->de_device == device) {
         break;
      }
   }
   for (o = dma_devs; o != NULL; o = o->dd_next) {
      if (o->dd_device == device) {
         break;
      }
   }
   if (e != NULL || o != NULL) {
      /* Too late (engines exist) or already registered. */
      emu_mutex_unlock(&dma_lock);
      free(dd);
      return EMU_BUSY;
   }
   dd->dd_next = dma_devs;
   dma_devs = dd;
   emu_rsrc_add(&dd->dd_rsrc, EMU_RSRC_OTHER, "dma device", dd->dd_name,
                caller);
   emu_mutex_unlock(&dma_lock);
   *ddp = dd;
   return EMU_OK;
}

emu_status_t
emu_dma_device_unregister(emu_dma_dev_t *dd, const void *caller)
{
   emu_dma_dev_t **pp;
   emu_dma_engine_t *e;
   emu_report_obj_t obj = { "dma device", NULL, dd };

   if (dd == NULL) {
      return EMU_BADPARAM;
   }
   emu_mutex_lock(&dma_lock);
   for (pp = &dma_devs; *pp != NULL; pp = &(*pp)->dd_next) {
      if (*pp == dd) {
         break;
      }
   }
   if (*pp == NULL) {
      emu_mutex_unlock(&dma_lock);
      emu_report(EMU_RPT_DEAD_HANDLE, &obj, caller,
                 "vmk_DMADeviceUnregister of %p, which is not a registered "
                 "DMA device", (void *)dd);
      return EMU_BADHANDLE;
   }
   for (e = dma_engines; e != NULL; e = e->de_next) {
      if (e->de_device == dd->dd_device) {
         emu_mutex_unlock(&dma_lock);
         return EMU_BUSY;
      }
   }
   *pp = dd->dd_next;
   emu_rsrc_remove(&dd->dd_rsrc);
   emu_mutex_unlock(&dma_lock);
   dd->dd_magic = 0;
   free(dd);
   return EMU_OK;
}

/* ---- Engines ------------------------------------------------------------ */

static int
dma_engine_live_locked(const emu_dma_engine_t *e)
{
   const emu_dma_engine_t *x;

   for (x = dma_engines; x != NULL; x = x->de_next) {
      if (x == e) {
         return 1;
      }
   }
   return 0;
}

emu_status_t
emu_dma_engine_check(const emu_dma_engine_t *e, const char *what,
                     const void *caller)
{
   int live;
   emu_report_obj_t obj = { "dma engine", NULL, e };

   if (e == NULL) {
      return EMU_BADPARAM;
   }
   emu_mutex_lock(&dma_lock);
   live = dma_engine_live_locked(e);
   emu_mutex_unlock(&dma_lock);
   if (live) {
      return EMU_OK;
   }
   emu_report(EMU_RPT_DEAD_HANDLE, &obj, caller,
              "%s on %p, which is not a live DMA engine", what, (void *)e);
   return EMU_BADHANDLE;
}

emu_status_t
emu_dma_engine_create(const emu_dma_engine_props_t *p, emu_dma_engine_t **ep)
{
   emu_dma_engine_t *e;
   emu_dma_dev_t *dd;

   if (p->con == NULL || !emu_dma_constraints_ok(p->con)) {
      return EMU_BADPARAM;
   }
   if (emu_fault_inject(EMU_FAULT_OTHER, p->caller)) {
      return EMU_NOMEM;
   }
   e = calloc(1, sizeof *e);
   if (e == NULL) {
      return EMU_NOMEM;
   }
   e->de_magic = EMU_DMA_MAGIC;
   dma_copy_name(e->de_name, p->name);
   e->de_module = p->module;
   e->de_flags = p->flags;
   e->de_device = p->device;
   e->de_con = *p->con;
   e->de_bounce = p->bounce &&
                  (p->flags & VMK_DMA_ENGINE_FLAGS_COHERENT) == 0;
   e->de_caller = p->caller;
   emu_mutex_lock(&dma_lock);
   for (dd = dma_devs; dd != NULL; dd = dd->dd_next) {
      if (dd->dd_device == p->device) {
         dma_combine(&e->de_con, &dd->dd_con);
      }
   }
   e->de_next = dma_engines;
   if (dma_engines != NULL) {
      dma_engines->de_prev = e;
   }
   dma_engines = e;
   emu_rsrc_add(&e->de_rsrc, EMU_RSRC_OTHER, "dma engine", e->de_name,
                p->caller);
   emu_mutex_unlock(&dma_lock);
   *ep = e;
   return EMU_OK;
}

/* Unlink every mapping of e onto *listp (to be released unlocked). */
static void
dma_teardown_locked(emu_dma_engine_t *e, emu_dma_map_t **listp)
{
   while (e->de_maps != NULL) {
      emu_dma_map_t *m = e->de_maps;

      e->de_maps = m->dm_next;
      emu_rsrc_remove(&m->dm_rsrc);
      m->dm_next = *listp;
      *listp = m;
   }
   e->de_nmaps = 0;
}

emu_status_t
emu_dma_engine_destroy(emu_dma_engine_t *e, const void *caller)
{
   emu_dma_map_t *maps = NULL;
   emu_dma_map_t *m;
   emu_status_t st;
   uint64_t n;

   st = emu_dma_engine_check(e, "vmk_DMAEngineDestroy", caller);
   if (st != EMU_OK) {
      return st;
   }
   emu_mutex_lock(&dma_lock);
   n = e->de_nmaps;
   if (n != 0) {
      emu_report_obj_t obj = { "dma engine", e->de_name, e };

      emu_report_begin(EMU_RPT_LEAK, &obj, caller,
                       "DMA engine '%s' destroyed with %llu live mapping%s",
                       e->de_name, (unsigned long long)n, n == 1 ? "" : "s");
      for (m = e->de_maps; m != NULL; m = m->dm_next) {
         char sym[256];

         emu_host_symbolize(m->dm_caller, sym, sizeof sym, 1);
         emu_report_detail("  %s mapping of %llu bytes (%s) at IOA 0x%llx "
                           "mapped by %s", m->dm_is_sg ? "SG" : "element",
                           (unsigned long long)m->dm_total,
                           dma_dir_name(m->dm_dir),
                           (unsigned long long)m->dm_io[0].r_addr, sym);
      }
      emu_report_end();
      dma_teardown_locked(e, &maps);
   }
   if (e->de_prev != NULL) {
      e->de_prev->de_next = e->de_next;
   } else {
      dma_engines = e->de_next;
   }
   if (e->de_next != NULL) {
      e->de_next->de_prev = e->de_prev;
   }
   emu_rsrc_remove(&e->de_rsrc);
   e->de_magic = EMU_DMA_MAGIC_DEAD;
   emu_mutex_unlock(&dma_lock);
   while (maps != NULL) {
      m = maps;
      maps = m->dm_next;
      dma_map_release(m, 1, caller);
   }
   free(e);
   return EMU_OK;
}

emu_mm_range_t
emu_dma_alloc_range(const emu_dma_engine_t *e)
{
   uint64_t mask = e->de_con.addressMask;
   const emu_mm_bank_t *top = &emu_mm.mm_bank[EMU_MM_NBANKS - 1];
   uint64_t end = (top->mb_mpn + top->mb_npages) << EMU_MM_PAGE_SHIFT;

   if (mask == UINT64_MAX || mask >= end - 1) {
      return EMU_MM_RANGE_ANY;
   }
   if (mask >= VMK_ADDRESS_MASK_39BIT) {
      return EMU_MM_RANGE_BELOW_512GB;
   }
   if (mask >= VMK_ADDRESS_MASK_32BIT) {
      return EMU_MM_RANGE_BELOW_4GB;
   }
   return EMU_MM_RANGE_BELOW_2GB;
}

/* ---- Planning a mapping ------------------------------------------------- */

typedef struct dma_plan {
   uint32_t          p_n;
   emu_dma_range_t  *p_piece;        /* p_n pieces */
   uint32_t         *p_from;         /* driver element of each piece */
   int               p_cut_size;     /* some piece was cut at elem max */
   int               p_cut_straddle; /* ... or at a straddle boundary */
} dma_plan_t;

/* Longest first piece of [addr, addr+len) under the cut rules; flags why. */
static uint64_t
dma_cut(const vmk_DMAConstraints *c, uint64_t addr, uint64_t len,
        int *by_size, int *by_straddle)
{
   uint64_t piece = len;

   if (c->sgElemMaxSize != 0) {
      uint64_t unit = max_u(max_u(c->sgElemSizeMult, c->sgElemAlignment), 1);
      uint64_t lim = c->sgElemMaxSize / unit * unit;

      if (piece > lim) {
         piece = lim;
         *by_size = 1;
      }
   }
   if (c->sgElemStraddle != 0) {
      uint64_t bound = (addr | (c->sgElemStraddle - 1)) + 1;

      if (bound != 0 && addr + piece > bound) {
         piece = bound - addr;
         *by_straddle = 1;
      }
   }
   return piece;
}

/*
 * Cut runs into pieces (count only when pl->p_piece is NULL).  Pieces
 * never exceed 4 GiB - 1 (the vmk_SgElem length field).
 */
static uint64_t
dma_cut_runs(const vmk_DMAConstraints *c, const emu_dma_range_t *runs,
             const uint32_t *from, uint32_t nruns, dma_plan_t *pl)
{
   uint64_t n = 0;
   uint32_t i;

   for (i = 0; i < nruns; i++) {
      uint64_t a = runs[i].r_addr;
      uint64_t left = runs[i].r_len;

      while (left != 0) {
         uint64_t piece = dma_cut(c, a, left, &pl->p_cut_size,
                                  &pl->p_cut_straddle);

         if (piece > UINT32_MAX - (EMU_MM_PAGE_SIZE - 1)) {
            piece = UINT32_MAX - (EMU_MM_PAGE_SIZE - 1);
         }
         if (pl->p_piece != NULL) {
            pl->p_piece[n].r_addr = a;
            pl->p_piece[n].r_len = piece;
            pl->p_from[n] = from[i];
         }
         n++;
         a += piece;
         left -= piece;
      }
   }
   return n;
}

static emu_status_t
dma_plan_build(const vmk_DMAConstraints *c, const emu_dma_range_t *runs,
               const uint32_t *from, uint32_t nruns, dma_plan_t *pl)
{
   uint64_t n;

   memset(pl, 0, sizeof *pl);
   n = dma_cut_runs(c, runs, from, nruns, pl);
   if (n > UINT32_MAX / 2) {
      return EMU_NOMEM;
   }
   pl->p_piece = malloc((size_t)n * sizeof *pl->p_piece);
   pl->p_from = malloc((size_t)n * sizeof *pl->p_from);
   if (pl->p_piece == NULL || pl->p_from == NULL) {
      free(pl->p_piece);
      free(pl->p_from);
      pl->p_piece = NULL;
      pl->p_from = NULL;
      return EMU_NOMEM;
   }
   pl->p_cut_size = 0;
   pl->p_cut_straddle = 0;
   pl->p_n = (uint32_t)dma_cut_runs(c, runs, from, nruns, pl);
   return EMU_OK;
}

static void
dma_plan_free(dma_plan_t *pl)
{
   free(pl->p_piece);
   free(pl->p_from);
   pl->p_piece = NULL;
   pl->p_from = NULL;
}

/*
 * Check a plan; VMK_DMA_MAP_ERROR_REASON_NONE when it meets every
 * constraint (the address only when check_addr).
 */
static vmk_DMAMapErrorReason
dma_plan_check(const vmk_DMAConstraints *c, const dma_plan_t *pl, int single,
               int last, int check_addr, vmk_DMAMapErrorInfo *err)
{
   uint32_t i;

   for (i = 0; i < pl->p_n; i++) {
      const emu_dma_range_t *p = &pl->p_piece[i];
      int is_last = i == pl->p_n - 1 && (!single || last);

      if (check_addr && c->addressMask != UINT64_MAX &&
          ((p->r_addr + p->r_len - 1) & ~c->addressMask) != 0) {
         err->reason = VMK_DMA_MAP_ERROR_REASON_SG_ELEM_ADDRESS;
         err->info.elemAddress.addressMask = c->addressMask;
         err->info.elemAddress.badElem = pl->p_from[i];
         return err->reason;
      }
      if (c->sgElemAlignment > 1 &&
          (p->r_addr & (c->sgElemAlignment - 1)) != 0) {
         err->reason = VMK_DMA_MAP_ERROR_REASON_SG_ELEM_ALIGNMENT;
         err->info.elemAlignment.sgElemAlignment = c->sgElemAlignment;
         err->info.elemAlignment.badElem = pl->p_from[i];
         return err->reason;
      }
      if (c->sgElemSizeMult > 1 && !is_last &&
          (p->r_len & (c->sgElemSizeMult - 1)) != 0) {
         err->reason = VMK_DMA_MAP_ERROR_REASON_SG_ELEM_SIZE_MULT;
         err->info.elemSizeMult.sgElemSizeMult = c->sgElemSizeMult;
         err->info.elemSizeMult.badElem = pl->p_from[i];
         return err->reason;
      }
   }
   if ((single && pl->p_n > 1) ||
       (c->sgMaxEntries != 0 && pl->p_n > c->sgMaxEntries)) {
      uint32_t bad = single ? 0 : pl->p_from[c->sgMaxEntries];

      if (pl->p_cut_size) {
         err->reason = VMK_DMA_MAP_ERROR_REASON_SG_ELEM_MAX_SIZE;
         err->info.elemMaxSize.sgElemMaxSize = c->sgElemMaxSize;
         err->info.elemMaxSize.badElem = bad;
      } else if (pl->p_cut_straddle) {
         err->reason = VMK_DMA_MAP_ERROR_REASON_SG_ELEM_STRADDLE;
         err->info.elemStraddle.sgElemStraddle = c->sgElemStraddle;
         err->info.elemStraddle.badElem = bad;
      } else {
         err->reason = VMK_DMA_MAP_ERROR_REASON_TOO_MANY_ENTRIES;
         err->info.tooManyEntries.sgMaxEntries = c->sgMaxEntries;
      }
      return err->reason;
   }
   return VMK_DMA_MAP_ERROR_REASON_NONE;
}

static uint64_t
pow2_ceil(uint64_t v)
{
   uint64_t p = 1;

   while (p < v) {
      p <<= 1;
   }
   return p;
}

/* ---- Copies between the driver's memory and a bounce buffer ------------ */

/*
 * Copy bytes [off, off+len) of the transfer between the driver's ranges
 * and the bounce buffer (to_bounce: driver -> bounce).
 */
static void
dma_bounce_copy(const emu_dma_map_t *m, uint64_t off, uint64_t len,
                int to_bounce)
{
   uint64_t pos = 0;
   uint32_t i;

   for (i = 0; i < m->dm_nsrc && len != 0; i++) {
      const emu_dma_range_t *r = &m->dm_src[i];
      uint64_t skip;
      uint64_t n;
      uintptr_t dva;
      uintptr_t bva;

      if (off >= pos + r->r_len) {
         pos += r->r_len;
         continue;
      }
      skip = off - pos;
      n = r->r_len - skip;
      if (n > len) {
         n = len;
      }
      if (emu_machmem_ma2va(r->r_addr + skip, n, &dva) == EMU_OK &&
          emu_machmem_ma2va(m->dm_bounce_ma + off, n, &bva) == EMU_OK) {
         if (to_bounce) {
            memcpy((void *)bva, (const void *)dva, n);
         } else {
            memcpy((void *)dva, (const void *)bva, n);
         }
      }
      off += n;
      len -= n;
      pos += r->r_len;
   }
}

/* ---- Map and unmap ------------------------------------------------------ */

static emu_dma_map_t *
dma_map_new(uint32_t nsrc, uint32_t nio)
{
   emu_dma_map_t *m = calloc(1, sizeof *m + ((size_t)nsrc + nio) *
                                               sizeof(emu_dma_range_t));

   if (m == NULL) {
      return NULL;
   }
   m->dm_src = (emu_dma_range_t *)(m + 1);
   m->dm_io = m->dm_src + nsrc;
   m->dm_nsrc = nsrc;
   m->dm_nio = nio;
   return m;
}

/* Give back what a mapping holds (it is unlinked already). */
static void
dma_map_release(emu_dma_map_t *m, int free_io, const void *caller)
{
   if (m->dm_bounce_pages != 0) {
      emu_machmem_pages_free(m->dm_bounce_mpn, m->dm_bounce_pages, caller);
   }
   if (free_io && m->dm_is_sg && m->dm_ops != NULL &&
       emu_sg_is_live(m->dm_key_sg)) {
      (void)emu_sg_array_free(m->dm_ops, m->dm_key_sg, caller);
   }
   free(m);
}

static void
dma_link_locked(emu_dma_engine_t *e, emu_dma_map_t *m)
{
   unsigned i;
   uint64_t key = m->dm_is_sg ? (uint64_t)(uintptr_t)m->dm_key_sg
                              : m->dm_key_ioa;

   m->dm_engine = e;
   m->dm_prev = NULL;
   m->dm_next = e->de_maps;
   if (e->de_maps != NULL) {
      e->de_maps->dm_prev = m;
   }
   e->de_maps = m;
   e->de_nmaps++;
   for (i = 0; i < EMU_DMA_FREED_RING; i++) {
      if (e->de_freed[i] == key) {
         e->de_freed[i] = 0;
      }
   }
   emu_rsrc_add(&m->dm_rsrc, EMU_RSRC_OTHER, "dma mapping", e->de_name,
                m->dm_caller);
}

static void
dma_unlink_locked(emu_dma_engine_t *e, emu_dma_map_t *m)
{
   uint64_t key = m->dm_is_sg ? (uint64_t)(uintptr_t)m->dm_key_sg
                              : m->dm_key_ioa;

   if (m->dm_prev != NULL) {
      m->dm_prev->dm_next = m->dm_next;
   } else {
      e->de_maps = m->dm_next;
   }
   if (m->dm_next != NULL) {
      m->dm_next->dm_prev = m->dm_prev;
   }
   e->de_nmaps--;
   e->de_freed[e->de_freed_next] = key;
   e->de_freed_next = (e->de_freed_next + 1) % EMU_DMA_FREED_RING;
   emu_rsrc_remove(&m->dm_rsrc);
}

emu_status_t
emu_dma_map(emu_dma_engine_t *e, vmk_DMADirection dir, const vmk_SgElem *in,
            uint32_t n, int single, int last, emu_sg_ops_t *ops,
            vmk_SgArray **out_sg, vmk_SgElem *out_elem,
            vmk_DMAMapErrorInfo *err, const void *caller)
{
   const vmk_DMAConstraints *c = &e->de_con;
   emu_dma_range_t *runs;
   uint32_t *from;
   uint32_t nruns = 0;
   uint64_t total = 0;
   dma_plan_t plan;
   dma_plan_t bplan;
   int bounced = 0;
   uint64_t bmpn = 0;
   uint64_t bpages = 0;
   emu_dma_map_t *m;
   vmk_SgArray *sg = NULL;
   emu_status_t st;
   uint32_t i;

   memset(err, 0, sizeof *err);
   memset(&bplan, 0, sizeof bplan);
   if (!dma_dir_ok(dir) || n == 0) {
      return EMU_BADPARAM;
   }
   for (i = 0; i < n; i++) {
      uintptr_t va;

      if (in[i].length == 0 ||
          emu_machmem_ma2va(in[i].addr, in[i].length, &va) != EMU_OK) {
         return EMU_BADPARAM;
      }
      total += in[i].length;
   }
   if (c->maxTransfer != 0 && total > c->maxTransfer) {
      err->reason = VMK_DMA_MAP_ERROR_REASON_TRANSFER_TOO_LARGE;
      err->info.tooLarge.maxTransfer = c->maxTransfer;
      return EMU_LIMIT;
   }
   if (emu_fault_inject(EMU_FAULT_OTHER, caller)) {
      return EMU_NOMEM;
   }
   runs = malloc((size_t)n * sizeof *runs);
   from = malloc((size_t)n * sizeof *from);
   if (runs == NULL || from == NULL) {
      free(runs);
      free(from);
      return EMU_NOMEM;
   }
   /* Coalesce machine-contiguous neighbours. */
   for (i = 0; i < n; i++) {
      if (nruns != 0 &&
          runs[nruns - 1].r_addr + runs[nruns - 1].r_len == in[i].addr) {
         runs[nruns - 1].r_len += in[i].length;
         continue;
      }
      runs[nruns].r_addr = in[i].addr;
      runs[nruns].r_len = in[i].length;
      from[nruns] = i;
      nruns++;
   }
   st = dma_plan_build(c, runs, from, nruns, &plan);
   if (st != EMU_OK) {
      goto out_runs;
   }
   if (dma_plan_check(c, &plan, single, last, 1, err) !=
       VMK_DMA_MAP_ERROR_REASON_NONE) {
      vmk_DMAMapErrorInfo berr;
      emu_dma_range_t whole = { 0, total };
      uint32_t zero = 0;
      emu_mm_req_t rq;

      if (!e->de_bounce) {
         st = EMU_LIMIT;
         goto out_plan;
      }
      /* Lay the transfer out as one buffer at 0 and see if that fits. */
      memset(&berr, 0, sizeof berr);
      st = dma_plan_build(c, &whole, &zero, 1, &bplan);
      if (st != EMU_OK) {
         goto out_plan;
      }
      if (dma_plan_check(c, &bplan, single, last, 0, &berr) !=
          VMK_DMA_MAP_ERROR_REASON_NONE) {
         *err = berr;
         st = EMU_LIMIT;
         goto out_plan;
      }
      if (c->addressMask != UINT64_MAX &&
          c->addressMask < emu_mm.mm_bank[0].mb_mpn << EMU_MM_PAGE_SHIFT) {
         st = EMU_LIMIT;                  /* no memory meets the mask */
         goto out_plan;
      }
      memset(&rq, 0, sizeof rq);
      bpages = (total + EMU_MM_PAGE_SIZE - 1) >> EMU_MM_PAGE_SHIFT;
      rq.npages = bpages;
      rq.align = 1;
      if (c->sgElemStraddle != 0) {
         uint64_t sp = c->sgElemStraddle >> EMU_MM_PAGE_SHIFT;
         uint64_t pp = pow2_ceil(bpages);

         rq.align = sp < pp ? sp : pp;
      }
      rq.range = emu_dma_alloc_range(e);
      rq.caller = caller;
      if (emu_fault_inject(EMU_FAULT_PAGES, caller) ||
          emu_machmem_pages_alloc(&rq, &bmpn) != EMU_OK) {
         st = EMU_NOMEM;
         goto out_plan;
      }
      if (c->addressMask != UINT64_MAX &&
          (((bmpn + bpages) << EMU_MM_PAGE_SHIFT) - 1) > c->addressMask) {
         emu_machmem_pages_free(bmpn, bpages, caller);
         st = EMU_NOMEM;
         goto out_plan;
      }
      for (i = 0; i < bplan.p_n; i++) {
         bplan.p_piece[i].r_addr += bmpn << EMU_MM_PAGE_SHIFT;
      }
      bounced = 1;
      memset(err, 0, sizeof *err);
   }
   {
      const dma_plan_t *use = bounced ? &bplan : &plan;

      m = dma_map_new(bounced ? nruns : 0, use->p_n);
      if (m == NULL) {
         st = EMU_NOMEM;
         goto out_pages;
      }
      memcpy(m->dm_io, use->p_piece, use->p_n * sizeof *m->dm_io);
      if (bounced) {
         memcpy(m->dm_src, runs, nruns * sizeof *m->dm_src);
         m->dm_bounce_mpn = bmpn;
         m->dm_bounce_pages = bpages;
         m->dm_bounce_ma = bmpn << EMU_MM_PAGE_SHIFT;
      }
   }
   m->dm_dir = dir;
   m->dm_is_sg = !single;
   m->dm_total = total;
   m->dm_caller = caller;
   if (!single) {
      st = emu_sg_array_alloc(ops, m->dm_nio, caller, (void **)&sg);
      if (st != EMU_OK) {
         free(m);
         goto out_pages;
      }
      for (i = 0; i < m->dm_nio; i++) {
         sg->elem[i].ioAddr = m->dm_io[i].r_addr;
         sg->elem[i].length = (vmk_ByteCountSmall)m->dm_io[i].r_len;
         sg->elem[i].reserved = 0;
      }
      sg->numElems = m->dm_nio;
      m->dm_key_sg = sg;
      m->dm_ops = ops;
   } else {
      m->dm_key_ioa = m->dm_io[0].r_addr;
      m->dm_key_len = m->dm_io[0].r_len;
      out_elem->ioAddr = m->dm_key_ioa;
      out_elem->length = (vmk_ByteCountSmall)m->dm_key_len;
      out_elem->reserved = 0;
   }
   if (bounced) {
      /*
       * Every direction starts from the driver's bytes: for TO_MEMORY that
       * keeps what the device does not write intact across the copy back.
       */
      dma_bounce_copy(m, 0, total, 1);
   }
   emu_mutex_lock(&dma_lock);
   dma_link_locked(e, m);
   emu_mutex_unlock(&dma_lock);
   if (!single) {
      *out_sg = sg;
   }
   dma_plan_free(&bplan);
   dma_plan_free(&plan);
   free(runs);
   free(from);
   return EMU_OK;

out_pages:
   if (bounced) {
      emu_machmem_pages_free(bmpn, bpages, caller);
   }
out_plan:
   dma_plan_free(&bplan);
   dma_plan_free(&plan);
out_runs:
   free(runs);
   free(from);
   return st;
}

/* Report an unmap of something the engine does not have mapped. */
static void
dma_report_not_mapped_locked(emu_dma_engine_t *e, uint64_t key,
                             const char *what, const void *caller)
{
   emu_report_obj_t obj = { "dma engine", e->de_name, e };
   unsigned i;

   for (i = 0; i < EMU_DMA_FREED_RING; i++) {
      if (e->de_freed[i] == key && key != 0) {
         emu_report(EMU_RPT_DOUBLE_FREE, &obj, caller,
                    "%s on DMA engine '%s': 0x%llx was already unmapped",
                    what, e->de_name, (unsigned long long)key);
         return;
      }
   }
   emu_report(EMU_RPT_BAD_FREE, &obj, caller,
              "%s on DMA engine '%s': 0x%llx is not mapped there", what,
              e->de_name, (unsigned long long)key);
}

static void
dma_check_unmap_dir(const emu_dma_engine_t *e, const emu_dma_map_t *m,
                    vmk_DMADirection dir, const char *what,
                    const void *caller)
{
   if (dir != m->dm_dir) {
      emu_report_obj_t obj = { "dma engine", e->de_name, e };

      emu_report(EMU_RPT_MISUSE, &obj, caller,
                 "%s with direction '%s' of a mapping made '%s'", what,
                 dma_dir_name(dir), dma_dir_name(m->dm_dir));
   }
}

/* After unlinking: copy back, free pages (and the IO array). */
static void
dma_unmap_finish(emu_dma_map_t *m, emu_sg_ops_t *ops, const void *caller)
{
   if (m->dm_bounce_pages != 0 && m->dm_dir != VMK_DMA_DIRECTION_FROM_MEMORY) {
      dma_bounce_copy(m, 0, m->dm_total, 0);
   }
   if (m->dm_is_sg) {
      (void)emu_sg_array_free(ops, m->dm_key_sg, caller);
   }
   dma_map_release(m, 0, caller);
}

emu_status_t
emu_dma_unmap_sg(emu_dma_engine_t *e, vmk_DMADirection dir,
                 emu_sg_ops_t *ops, vmk_SgArray *sg, const void *caller)
{
   emu_dma_map_t *m;

   if (!dma_dir_ok(dir) || sg == NULL) {
      return EMU_BADPARAM;
   }
   emu_mutex_lock(&dma_lock);
   for (m = e->de_maps; m != NULL; m = m->dm_next) {
      if (m->dm_is_sg && m->dm_key_sg == sg) {
         break;
      }
   }
   if (m == NULL) {
      dma_report_not_mapped_locked(e, (uint64_t)(uintptr_t)sg,
                                   "vmk_DMAUnmapSg", caller);
      emu_mutex_unlock(&dma_lock);
      return EMU_NOTFOUND;
   }
   if (m->dm_ops != ops) {
      emu_report_obj_t obj = { "dma engine", e->de_name, e };

      emu_mutex_unlock(&dma_lock);
      emu_report(EMU_RPT_WRONG_CACHE, &obj, caller,
                 "vmk_DMAUnmapSg of IO array %p with SG ops %p; it was "
                 "allocated through %p", (void *)sg, (void *)ops,
                 (void *)m->dm_ops);
      return EMU_BADPARAM;
   }
   dma_check_unmap_dir(e, m, dir, "vmk_DMAUnmapSg", caller);
   dma_unlink_locked(e, m);
   emu_mutex_unlock(&dma_lock);
   dma_unmap_finish(m, ops, caller);
   return EMU_OK;
}

emu_status_t
emu_dma_unmap_elem(emu_dma_engine_t *e, vmk_DMADirection dir,
                   const vmk_SgElem *io, const void *caller)
{
   emu_dma_map_t *m;

   if (!dma_dir_ok(dir) || io == NULL) {
      return EMU_BADPARAM;
   }
   emu_mutex_lock(&dma_lock);
   for (m = e->de_maps; m != NULL; m = m->dm_next) {
      if (!m->dm_is_sg && m->dm_key_ioa == io->ioAddr &&
          m->dm_key_len == io->length) {
         break;
      }
   }
   if (m == NULL) {
      dma_report_not_mapped_locked(e, io->ioAddr, "vmk_DMAUnmapElem",
                                   caller);
      emu_mutex_unlock(&dma_lock);
      return EMU_NOTFOUND;
   }
   dma_check_unmap_dir(e, m, dir, "vmk_DMAUnmapElem", caller);
   dma_unlink_locked(e, m);
   emu_mutex_unlock(&dma_lock);
   dma_unmap_finish(m, NULL, caller);
   return EMU_OK;
}

/* ---- Flush -------------------------------------------------------------- */

static emu_status_t
dma_flush_locked(emu_dma_map_t *m, vmk_DMADirection dir, uint64_t off,
                 uint64_t len)
{
   if (dir != VMK_DMA_DIRECTION_TO_MEMORY &&
       dir != VMK_DMA_DIRECTION_FROM_MEMORY) {
      return EMU_BADPARAM;
   }
   if (m->dm_dir != VMK_DMA_DIRECTION_BIDIRECTIONAL && m->dm_dir != dir) {
      return EMU_BADPARAM;
   }
   if (off > m->dm_total) {
      return EMU_BADPARAM;
   }
   if (len == VMK_DMA_FLUSH_SG_ALL || len > m->dm_total - off) {
      if (len != VMK_DMA_FLUSH_SG_ALL) {
         return EMU_BADPARAM;
      }
      len = m->dm_total - off;
   }
   if (m->dm_bounce_pages != 0 && len != 0) {
      dma_bounce_copy(m, off, len, dir == VMK_DMA_DIRECTION_FROM_MEMORY);
   }
   return EMU_OK;
}

emu_status_t
emu_dma_flush_sg(emu_dma_engine_t *e, vmk_DMADirection dir,
                 const vmk_SgArray *sg, uint64_t off, uint64_t len)
{
   emu_dma_map_t *m;
   emu_status_t st;

   if (sg == NULL) {
      return EMU_BADPARAM;
   }
   emu_mutex_lock(&dma_lock);
   for (m = e->de_maps; m != NULL; m = m->dm_next) {
      if (m->dm_is_sg && m->dm_key_sg == sg) {
         break;
      }
   }
   st = m == NULL ? EMU_NOTFOUND : dma_flush_locked(m, dir, off, len);
   emu_mutex_unlock(&dma_lock);
   return st;
}

emu_status_t
emu_dma_flush_elem(emu_dma_engine_t *e, vmk_DMADirection dir,
                   const vmk_SgElem *io)
{
   emu_dma_map_t *m;
   emu_status_t st;

   if (io == NULL) {
      return EMU_BADPARAM;
   }
   emu_mutex_lock(&dma_lock);
   for (m = e->de_maps; m != NULL; m = m->dm_next) {
      if (!m->dm_is_sg && m->dm_key_ioa == io->ioAddr &&
          m->dm_key_len == io->length) {
         break;
      }
   }
   st = m == NULL ? EMU_NOTFOUND
                  : dma_flush_locked(m, dir, 0, VMK_DMA_FLUSH_SG_ALL);
   emu_mutex_unlock(&dma_lock);
   return st;
}

/* ---- Protections -------------------------------------------------------- */

static int
dma_pages_are_memory(uint64_t mpn, uint64_t npages)
{
   int64_t a;
   int64_t b;

   if (npages == 0 || mpn + npages < mpn) {
      return 0;
   }
   /*
    * Page indexes grow with MPNs and skip the gap between banks, so the
    * ends being memory npages - 1 indexes apart means every page is.
    */
   a = emu_machmem_index(mpn);
   b = emu_machmem_index(mpn + npages - 1);
   return a >= 0 && b >= 0 && (uint64_t)(b - a) == npages - 1;
}

/* Remove [mpn, mpn+npages) from every range (splitting). */
static emu_status_t
dma_unprotect_locked(uint64_t mpn, uint64_t npages)
{
   dma_prot_t **pp = &dma_prots;
   uint64_t end = mpn + npages;

   while (*pp != NULL) {
      dma_prot_t *p = *pp;
      uint64_t pend = p->p_mpn + p->p_npages;

      if (pend <= mpn || p->p_mpn >= end) {
         pp = &p->p_next;
         continue;
      }
      if (p->p_mpn < mpn && pend > end) {
         dma_prot_t *tail = malloc(sizeof *tail);

         if (tail == NULL) {
            return EMU_NOMEM;
         }
         tail->p_mpn = end;
         tail->p_npages = pend - end;
         tail->p_access = p->p_access;
         tail->p_next = p->p_next;
         p->p_npages = mpn - p->p_mpn;
         p->p_next = tail;
         pp = &tail->p_next;
      } else if (p->p_mpn < mpn) {
         p->p_npages = mpn - p->p_mpn;
         pp = &p->p_next;
      } else if (pend > end) {
         p->p_npages = pend - end;
         p->p_mpn = end;
         pp = &p->p_next;
      } else {
         *pp = p->p_next;
         free(p);
      }
   }
   return EMU_OK;
}

emu_status_t
emu_dma_protect(uint64_t mpn, uint64_t npages, vmk_DMADirection access)
{
   dma_prot_t *p;
   emu_status_t st;

   if (!dma_pages_are_memory(mpn, npages)) {
      return EMU_NOTFOUND;
   }
   p = malloc(sizeof *p);
   if (p == NULL) {
      return EMU_NOMEM;
   }
   p->p_mpn = mpn;
   p->p_npages = npages;
   p->p_access = access;
   emu_mutex_lock(&dma_lock);
   st = dma_unprotect_locked(mpn, npages);
   if (st == EMU_OK) {
      p->p_next = dma_prots;
      dma_prots = p;
   }
   emu_mutex_unlock(&dma_lock);
   if (st != EMU_OK) {
      free(p);
   }
   return st;
}

emu_status_t
emu_dma_unprotect(uint64_t mpn, uint64_t npages)
{
   emu_status_t st;

   if (!dma_pages_are_memory(mpn, npages)) {
      return EMU_NOTFOUND;
   }
   emu_mutex_lock(&dma_lock);
   st = dma_unprotect_locked(mpn, npages);
   emu_mutex_unlock(&dma_lock);
   return st;
}

/* The protection of [ma, ma+len) that forbids the access, or NULL. */
static const dma_prot_t *
dma_prot_forbids_locked(uint64_t ma, uint64_t len, int write)
{
   uint64_t first = ma >> EMU_MM_PAGE_SHIFT;
   uint64_t last = (ma + len - 1) >> EMU_MM_PAGE_SHIFT;
   const dma_prot_t *p;

   for (p = dma_prots; p != NULL; p = p->p_next) {
      if (p->p_mpn <= last && p->p_mpn + p->p_npages > first &&
          !dma_dir_allows(p->p_access, write)) {
         return p;
      }
   }
   return NULL;
}

/* ---- The device side ---------------------------------------------------- */

/*
 * Find an allowed mapped range of device holding addr: returns how many
 * bytes from addr it covers (0: none) and the engine in *ep.  *wrongp gets
 * an engine whose mapping holds addr in the wrong direction, if any.
 */
static uint64_t
dma_cover_locked(void *device, uint64_t addr, int write,
                 emu_dma_engine_t **ep, emu_dma_map_t **wrongp)
{
   emu_dma_engine_t *e;

   for (e = dma_engines; e != NULL; e = e->de_next) {
      emu_dma_map_t *m;

      if (e->de_device != device) {
         continue;
      }
      for (m = e->de_maps; m != NULL; m = m->dm_next) {
         uint32_t i;

         for (i = 0; i < m->dm_nio; i++) {
            const emu_dma_range_t *r = &m->dm_io[i];

            if (addr - r->r_addr < r->r_len) {
               if (!dma_dir_allows(m->dm_dir, write)) {
                  *wrongp = m;
                  continue;
               }
               *ep = e;
               return r->r_addr + r->r_len - addr;
            }
         }
      }
   }
   return 0;
}

emu_status_t
emu_dma_device_access(void *device, vmk_IOA ioa, void *buf, size_t len,
                      int write, const void *caller)
{
   uint64_t end = ioa + len;
   uint64_t a;
   emu_dma_engine_t *e = NULL;
   emu_dma_map_t *wrong = NULL;
   const dma_prot_t *prot = NULL;
   char *b = buf;

   if (device == NULL || (buf == NULL && len != 0) || end < ioa) {
      return EMU_BADPARAM;
   }
   if (len == 0) {
      return EMU_OK;
   }
   emu_mutex_lock(&dma_lock);
   /* Pass 1: every byte allowed?  Nothing is copied unless all are. */
   for (a = ioa; a < end;) {
      uint64_t n = dma_cover_locked(device, a, write, &e, &wrong);

      if (n == 0) {
         break;
      }
      if (n > end - a) {
         n = end - a;
      }
      prot = dma_prot_forbids_locked(a, n, write);
      if (prot != NULL) {
         break;
      }
      a += n;
   }
   if (a < end) {
      emu_dma_engine_t *name = wrong != NULL ? wrong->dm_engine : e;
      emu_report_obj_t obj = { "dma engine", name != NULL ? name->de_name
                                                          : NULL, name };

      if (name == NULL) {
         emu_dma_engine_t *x;

         for (x = dma_engines; x != NULL && x->de_device != device;
              x = x->de_next) {
         }
         name = x;
         obj.name = x != NULL ? x->de_name : NULL;
         obj.addr = x;
      }
      emu_report(EMU_RPT_DMA_VIOLATION, &obj, caller,
                 "device %p %s %zu bytes at IOA 0x%llx: byte 0x%llx is %s "
                 "(engine '%s')", device, write ? "writes" : "reads", len,
                 (unsigned long long)ioa, (unsigned long long)a,
                 prot != NULL ? "on pages whose DMA protection forbids it"
                 : wrong != NULL ? "mapped only for the other direction"
                 : "in no live mapping of the device",
                 name != NULL ? name->de_name : "none on this device");
      emu_mutex_unlock(&dma_lock);
      return EMU_NOTFOUND;
   }
   /* Pass 2: copy; IO addresses are machine addresses (see 2.). */
   for (a = ioa; a < end;) {
      uint64_t n = end - a;
      uint64_t room = EMU_MM_PAGE_SIZE - (a & (EMU_MM_PAGE_SIZE - 1));
      uintptr_t va;

      if (n > room) {
         n = room;                  /* never cross a bank gap in one go */
      }
      if (emu_machmem_ma2va(a, n, &va) == EMU_OK) {
         if (write) {
            memcpy((void *)va, b + (a - ioa), n);
         } else {
            memcpy(b + (a - ioa), (const void *)va, n);
         }
      }
      a += n;
   }
   emu_mutex_unlock(&dma_lock);
   return EMU_OK;
}

uint64_t
emu_dma_live_mappings(void *device)
{
   emu_dma_engine_t *e;
   uint64_t n = 0;

   emu_mutex_lock(&dma_lock);
   for (e = dma_engines; e != NULL; e = e->de_next) {
      if (device == NULL || e->de_device == device) {
         n += e->de_nmaps;
      }
   }
   emu_mutex_unlock(&dma_lock);
   return n;
}
