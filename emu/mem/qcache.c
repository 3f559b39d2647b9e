/*
 * qcache.c -- vmem quantum caches on the slab engine.
 *
 * 1. Why here.  Bonwick fronts each arena with object caches for the small
 *    multiples of its quantum (up to qcache_max): most allocations then take
 *    no arena lock and cause no splitting or coalescing.  vmem sits below
 *    slab, so vmem.c only keeps a hook (emu_vmem_qcache_ops_t) and this
 *    engine, started right after slab, fills it in.  Arenas created before
 *    that (or after shutdown) simply run without caches.
 *
 * 2. Boxes.  A slab object is memory the slab engine writes into, while an
 *    arena hands out integers that may have no memory behind them.  So each
 *    cache is a slab cache of boxes: a constructed box holds one segment of
 *    the cache's size, allocated from the arena by the constructor (with
 *    EMU_VM_BYPASS_QCACHE) and given back by the destructor.  Allocation
 *    takes a box from the slab (its per-thread magazines first) and hands
 *    out the segment; the box stays out with it.  A box is large (about 8
 *    KiB, only its first 32 bytes are touched) so that a slab cluster holds
 *    eight of them: a cache grows by eight segments at a time, not thousands.
 *
 * 3. Finding the box on free.  Each cache keeps the boxes that are out in a
 *    small open-addressing table keyed by the segment address, under a
 *    futex lock of its own (never the arena lock).  A free whose address is
 *    not there is not ours: it goes to the arena as an ordinary free, where
 *    a bad address is reported (BAD_SEGMENT, naming the arena and the
 *    caller).  Segments held by boxes are allocated in the arena with this
 *    engine's ops table as their caller; the arena refuses (and reports) a
 *    free of such a segment from anyone else, which catches a second free of
 *    a cached segment.
 *
 * 4. Running dry.  When the slab cannot construct a box (the arena has no
 *    room) the request goes to the arena itself, which imports, sleeps or
 *    fails as it would without caches.  An arena allocation (of any size)
 *    that finds no room first asks every cache of the arena to give its
 *    wholly free slab clusters back (qc_reap: emu_slab_reclaim, which also
 *    empties the calling thread's magazines), so cached segments can
 *    coalesce and serve it.  A free made
 *    while a thread sleeps in the arena goes straight to the arena (the box
 *    goes back to the slab empty and is refilled when next taken), so the
 *    sleeper is woken.  Timed requests bypass the caches (vmem.c).
 *
 * 5. Destroy.  vmem destroys its caches before it looks for leaks.  Boxes
 *    still out are emptied (their segments stay allocated in the arena, so
 *    the arena's LEAK report lists them) and freed to the slab; destroying
 *    the slab cache then runs the destructors, which give every cached
 *    segment back.
 */
#include "qcache.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slab.h"
#include "vmem.h"

#define QB_EMPTY      UINTPTR_MAX      /* a box holding no segment */
#define QC_BOXSIZE    8168             /* 8 boxes per 64 KiB slab cluster */
#define QC_BOXCTRL    16               /* slab control words inside the box */
#define QC_TAB_MIN    16

typedef struct qc_box {
   uintptr_t qb_addr;                  /* the segment, or QB_EMPTY */
   uintptr_t qb_pad;
   /* slab control words at QC_BOXCTRL */
} qc_box_t;

typedef struct qc_ent {
   uintptr_t  qe_addr;                 /* 0 with qe_box NULL: empty slot */
   qc_box_t  *qe_box;
} qc_ent_t;

typedef struct qcache {
   emu_slab_cache_t *qc_slab;
   emu_vmem_t       *qc_vmp;
   size_t            qc_size;          /* arena units per segment */
   emu_flock_t       qc_lock;          /* -- the table below */
   qc_ent_t         *qc_tab;           /* boxes out, by segment address */
   size_t            qc_tsize;         /* slots, a power of two */
   size_t            qc_nout;
} qcache_t;

static const emu_vmem_qcache_ops_t qc_ops;

/* Segments held by boxes carry this as their caller in the arena. */
#define QC_MARK ((const void *)&qc_ops)

/* ---- Table of boxes out (section 3) ------------------------------------ */

static inline size_t
qc_slot(const qcache_t *qc, uintptr_t addr)
{
   return (size_t)(((uint64_t)addr * 0x9e3779b97f4a7c15ull) >>
                   (64 - __builtin_ctzll(qc->qc_tsize)));
}

/* Insert without growing.  => qc_lock held, a free slot exists. */
static void
qc_put(qcache_t *qc, uintptr_t addr, qc_box_t *box)
{
   size_t mask = qc->qc_tsize - 1;
   size_t i = qc_slot(qc, addr);

   while (qc->qc_tab[i].qe_box != NULL) {
      i = (i + 1) & mask;
   }
   qc->qc_tab[i].qe_addr = addr;
   qc->qc_tab[i].qe_box = box;
}

/* Make room for one more entry (load <= 1/2).  => qc_lock held; 0 or -1. */
static int
qc_grow(qcache_t *qc)
{
   qc_ent_t *otab = qc->qc_tab;
   size_t osize = qc->qc_tsize;
   size_t nsize;
   size_t i;

   if (otab != NULL && 2 * (qc->qc_nout + 1) <= osize) {
      return 0;
   }
   nsize = osize != 0 ? 2 * osize : QC_TAB_MIN;
   qc->qc_tab = calloc(nsize, sizeof *qc->qc_tab);
   if (qc->qc_tab == NULL) {
      qc->qc_tab = otab;
      return -1;
   }
   qc->qc_tsize = nsize;
   for (i = 0; i < osize; i++) {
      if (otab[i].qe_box != NULL) {
         qc_put(qc, otab[i].qe_addr, otab[i].qe_box);
      }
   }
   free(otab);
   return 0;
}

/* Remove addr's entry; its box, or NULL.  => qc_lock held. */
static qc_box_t *
qc_take(qcache_t *qc, uintptr_t addr)
{
   size_t mask = qc->qc_tsize - 1;
   size_t i;
   size_t j;
   qc_box_t *box;

   if (qc->qc_tab == NULL) {
      return NULL;
   }
   for (i = qc_slot(qc, addr); qc->qc_tab[i].qe_box != NULL;
        i = (i + 1) & mask) {
      if (qc->qc_tab[i].qe_addr == addr) {
         break;
      }
   }
   box = qc->qc_tab[i].qe_box;
   if (box == NULL) {
      return NULL;
   }
   /* Backward-shift deletion: no tombstones, probes stay short. */
   for (j = (i + 1) & mask; qc->qc_tab[j].qe_box != NULL;
        j = (j + 1) & mask) {
      size_t h = qc_slot(qc, qc->qc_tab[j].qe_addr);

      if (((j - h) & mask) >= ((j - i) & mask)) {
         qc->qc_tab[i] = qc->qc_tab[j];
         i = j;
      }
   }
   qc->qc_tab[i].qe_addr = 0;
   qc->qc_tab[i].qe_box = NULL;
   qc->qc_nout--;
   return box;
}

/* ---- Slab constructor and destructor (section 2) ------------------------ */

static emu_status_t
qc_ctor(const emu_slab_user_t *u, void *obj, size_t size)
{
   qcache_t *qc = (qcache_t *)u->u_arg;
   qc_box_t *box = obj;
   uintptr_t a;

   (void)size;
   if (emu_vmem_alloc_ra(qc->qc_vmp, qc->qc_size,
                         EMU_VM_NOSLEEP | EMU_VM_BYPASS_QCACHE, QC_MARK,
                         &a) != EMU_OK) {
      return EMU_NOMEM;
   }
   box->qb_addr = a;
   return EMU_OK;
}

static void
qc_dtor(const emu_slab_user_t *u, void *obj, size_t size)
{
   qcache_t *qc = (qcache_t *)u->u_arg;
   qc_box_t *box = obj;

   (void)size;
   if (box->qb_addr != QB_EMPTY) {
      emu_vmem_xfree_ra(qc->qc_vmp, box->qb_addr, qc->qc_size, QC_MARK);
      box->qb_addr = QB_EMPTY;
   }
}

static inline void
qc_box_free(qcache_t *qc, qc_box_t *box, const void *caller)
{
   if (!emu_slab_free_fast(qc->qc_slab, box)) {
      emu_slab_free(qc->qc_slab, box, caller);
   }
}

/* ---- The hook ----------------------------------------------------------- */

static void *
qc_create(void *ctx, emu_vmem_t *vmp, const char *name, size_t objsize)
{
   emu_slab_props_t p;
   qcache_t *qc;
   char sname[EMU_SLAB_NAMELEN];

   (void)ctx;
   qc = calloc(1, sizeof *qc);
   if (qc == NULL) {
      return NULL;
   }
   qc->qc_vmp = vmp;
   qc->qc_size = objsize;
   emu_flock_init(&qc->qc_lock);
   snprintf(sname, sizeof sname, "%s", name);
   memset(&p, 0, sizeof p);
   p.name = sname;
   p.objsize = QC_BOXSIZE;
   p.align = 8;
   p.ctrloff = QC_BOXCTRL;
   p.ctor = qc_ctor;
   p.dtor = qc_dtor;
   p.user.u_arg = (uintptr_t)qc;
   p.minobj = 0;
   p.maxobj = EMU_SLAB_UNLIMITED;
   p.caller = QC_MARK;
   if (emu_slab_create(&p, &qc->qc_slab) != EMU_OK) {
      free(qc);
      return NULL;
   }
   return qc;
}

static void
qc_destroy(void *ctx, void *cache)
{
   qcache_t *qc = cache;
   size_t i;

   (void)ctx;
   /* Boxes still out: their segments stay with their holders (and in the
    * arena's leak report); the empty boxes go back to the slab. */
   for (i = 0; i < qc->qc_tsize; i++) {
      qc_box_t *box = qc->qc_tab[i].qe_box;

      if (box != NULL) {
         box->qb_addr = QB_EMPTY;
         emu_slab_free(qc->qc_slab, box, QC_MARK);
      }
   }
   free(qc->qc_tab);
   (void)emu_slab_destroy(qc->qc_slab, QC_MARK);
   free(qc);
}

/* No box: let the arena itself serve the request (section 4). */
static emu_status_t
qc_alloc_arena(qcache_t *qc, int flags, const void *caller, uintptr_t *addrp)
{
   return emu_vmem_alloc_ra(qc->qc_vmp, qc->qc_size,
                            flags | EMU_VM_BYPASS_QCACHE, caller, addrp);
}

static emu_status_t
qc_alloc(void *cache, int flags, const void *caller, uintptr_t *addrp)
{
   qcache_t *qc = cache;
   void *obj;
   qc_box_t *box;

   if (!emu_slab_alloc_fast(qc->qc_slab, &obj)) {
      obj = emu_slab_alloc(qc->qc_slab, 0, caller);
      if (obj == NULL) {
         return qc_alloc_arena(qc, flags, caller, addrp);
      }
   }
   box = obj;
   if (EMU_UNLIKELY(box->qb_addr == QB_EMPTY) &&
       emu_vmem_alloc_ra(qc->qc_vmp, qc->qc_size,
                         EMU_VM_NOSLEEP | EMU_VM_BYPASS_QCACHE, QC_MARK,
                         &box->qb_addr) != EMU_OK) {
      box->qb_addr = QB_EMPTY;
      qc_box_free(qc, box, caller);
      return qc_alloc_arena(qc, flags, caller, addrp);
   }
   emu_flock_lock(&qc->qc_lock);
   if (EMU_UNLIKELY(qc_grow(qc) != 0)) {
      emu_flock_unlock(&qc->qc_lock);
      qc_box_free(qc, box, caller);
      return qc_alloc_arena(qc, flags, caller, addrp);
   }
   qc_put(qc, box->qb_addr, box);
   qc->qc_nout++;
   emu_flock_unlock(&qc->qc_lock);
   *addrp = box->qb_addr;
   return EMU_OK;
}

static void
qc_free(void *cache, uintptr_t addr, const void *caller)
{
   qcache_t *qc = cache;
   qc_box_t *box;

   emu_flock_lock(&qc->qc_lock);
   box = qc_take(qc, addr);
   emu_flock_unlock(&qc->qc_lock);
   if (box == NULL) {
      /* Not from this cache: an arena segment (or a bad free the arena
       * reports). */
      emu_vmem_xfree_ra(qc->qc_vmp, addr, qc->qc_size, caller);
      return;
   }
   if (EMU_UNLIKELY(emu_vmem_has_waiters(qc->qc_vmp))) {
      box->qb_addr = QB_EMPTY;
      emu_vmem_xfree_ra(qc->qc_vmp, addr, qc->qc_size, QC_MARK);
   }
   qc_box_free(qc, box, caller);
}

static void
qc_reap(void *cache)
{
   qcache_t *qc = cache;

   (void)emu_slab_reclaim(qc->qc_slab);
}

static const emu_vmem_qcache_ops_t qc_ops = {
   qc_create, qc_destroy, qc_alloc, qc_free, qc_reap
};

/* ---- Engine ------------------------------------------------------------- */

emu_status_t
emu_qcache_init(void)
{
   emu_vmem_set_qcache_ops(&qc_ops, NULL);
   return EMU_OK;
}

void
emu_qcache_fini(void)
{
   emu_vmem_set_qcache_ops(NULL, NULL);
}
