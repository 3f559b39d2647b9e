/*
 * mempool.h -- machine-page pools (engine-private; theory in mempool.c).
 */
#ifndef EMU_MEM_MEMPOOL_H
#define EMU_MEM_MEMPOOL_H

#include <stddef.h>
#include <stdint.h>

#include "../core/rsrc.h"
#include "../core/status.h"
#include "machmem.h"
#include "vmem.h"

#define EMU_MP_MAGIC        0x6d706f6fu   /* "mpoo" */
#define EMU_MP_MAGIC_DEAD   0xdead6d70u
#define EMU_MP_NAMELEN      32
#define EMU_MP_NO_LIMIT     0

typedef struct emu_mempool emu_mempool_t;

struct emu_mempool {
   uint32_t        mp_magic;       /* EMU_MP_MAGIC while alive */
   uint32_t        mp_leaf;        /* 1: pages may be allocated from it */
   /* Immutable after create */
   char            mp_name[EMU_MP_NAMELEN];
   emu_mempool_t  *mp_parent;      /* NULL: a root (child of the machine) */
   int             mp_internal;    /* engine-owned: not a resource */
   /* Tree and accounting -- mp_lock (mempool.c) */
   emu_mempool_t  *mp_child;       /* first child */
   emu_mempool_t  *mp_sib;         /* next sibling */
   uint32_t        mp_nchildren;
   uint64_t        mp_resv;        /* pages guaranteed */
   uint64_t        mp_limit;       /* pages at most, 0: none */
   uint64_t        mp_used;        /* leaf: pages held; parent: sum of
                                      children's max(used, resv) */
   uint64_t        mp_peak;        /* highest mp_used seen */
   uint64_t        mp_st_alloc;    /* successful allocations */
   uint64_t        mp_st_fail;     /* refused allocations */
   /* The default arena over the pool (emu_mempool_arena), lazily */
   emu_vmem_t     *mp_arena;
   /* Registry */
   emu_rsrc_t      mp_rsrc;
   emu_mempool_t  *mp_gnext;       /* all pools / dead list */
   emu_mempool_t  *mp_gprev;
};

/* Engine start / stop (an emu_ctl_engines row, after machmem). */
emu_status_t emu_mempool_init(void);
void emu_mempool_fini(void);

/* The engine's own root pool, for SIMPLE/CUSTOM heaps (unlimited). */
emu_mempool_t *emu_mempool_kernel(void);

/*
 * Create a pool under parent (NULL: a root).  resv/limit in pages.
 * EMU_BADPARAM (parent is a leaf or dead, resv > limit), EMU_LIMIT (the
 * reservation does not fit along the tree), EMU_NOMEM (host memory).
 * => never blocks.
 */
emu_status_t emu_mempool_create(const char *name, emu_mempool_t *parent,
                                int leaf, uint64_t resv, uint64_t limit,
                                int internal, const void *caller,
                                emu_mempool_t **mpp);
/* EMU_BUSY with children or pages.  => never blocks. */
emu_status_t emu_mempool_destroy(emu_mempool_t *mp);
/* EMU_OK alive; EMU_BADHANDLE destroyed; EMU_NOTFOUND not a pool. */
emu_status_t emu_mempool_check(const emu_mempool_t *mp);

/* Change reservation/limit; EMU_BADPARAM, EMU_LIMIT as for create. */
emu_status_t emu_mempool_set(emu_mempool_t *mp, uint64_t resv,
                             uint64_t limit);
void emu_mempool_get(emu_mempool_t *mp, uint64_t *resv, uint64_t *limit,
                     uint64_t *used);

/* Contiguity of a page allocation. */
typedef enum emu_mp_contig {
   EMU_MP_CONTIG = 0,          /* one run */
   EMU_MP_ANY = 1,             /* as few runs as fit in the ranges given */
   EMU_MP_DISCONTIG = 2,       /* one page per range */
} emu_mp_contig_t;

typedef struct emu_mp_run {
   uint64_t r_mpn;
   uint64_t r_npages;
} emu_mp_run_t;

typedef struct emu_mp_req {
   uint64_t         npages;
   emu_mp_contig_t  contig;
   emu_mm_range_t   range;
   uint64_t         align;          /* pages (contiguous runs), 0: none */
   uint64_t         deadline_ns;    /* 0: never wait, UINT64_MAX: for ever */
   const void      *caller;
   int              track;          /* the driver's: register runs as PAGES
                                       resources, describe them to the
                                       memory checkers (memsan.h) */
} emu_mp_req_t;

/*
 * Allocate req->npages pages of leaf pool mp into at most nruns runs
 * (runs[] filled, *nusedp set).  Charges the pool and every ancestor;
 * waits for frees until the deadline.  EMU_BADPARAM (parent pool, zero
 * pages, runs[] too short for the contiguity), EMU_LIMIT (a pool's limit
 * along the tree), EMU_NOMEM (machine or reservations out of pages); after
 * a wait that timed out, the last of those two.
 * => may block until req->deadline_ns.
 */
emu_status_t emu_mempool_alloc(emu_mempool_t *mp, const emu_mp_req_t *req,
                               emu_mp_run_t *runs, uint32_t nruns,
                               uint32_t *nusedp);

/*
 * Free one run exactly as allocated.  A run that is not a live allocation
 * is a report (DOUBLE_FREE, MISALIGNED_FREE or BAD_FREE) and EMU_BADPARAM;
 * nothing changes then.  => never blocks.
 */
emu_status_t emu_mempool_free(uint64_t mpn, uint64_t npages,
                              const void *caller);

/* The pool owning an allocated MPN, or NULL. */
emu_mempool_t *emu_mempool_owner(uint64_t mpn);

/*
 * An arena in virtual-address bytes (quantum one page) that imports
 * physically contiguous runs from mp within range and gives wholly free
 * runs back (Bonwick import/release).  Heaps and slab backings of type
 * MEMPOOL draw from one of these.  Allocations from it may be aligned up
 * to 2 MiB.  => never blocks; the arena is destroyed with
 * emu_mempool_arena_destroy (all segments freed first).
 */
emu_status_t emu_mempool_arena_create(emu_mempool_t *mp, emu_mm_range_t range,
                                      const char *name, emu_vmem_t **vmpp);
void emu_mempool_arena_destroy(emu_vmem_t *vmp);
/* The pool's own (lazily created) arena, range ANY; NULL when out of memory. */
emu_vmem_t *emu_mempool_arena(emu_mempool_t *mp);

/* Pages in the machine not charged to any pool now. */
uint64_t emu_mempool_unreserved(void);

/*
 * Statistics walk: fn gets every live pool (engine-internal ones too; see
 * mp_internal) and a snapshot of its default arena (NULL when none).  fn
 * runs under mp_lock: it may read the pool's fields, and must not call
 * the pool engine.
 */
typedef void (*emu_mempool_walk_fn)(void *arg, const emu_mempool_t *mp,
                                    const emu_vmem_stats_t *arena);
void emu_mempool_walk(emu_mempool_walk_fn fn, void *arg);

#endif /* EMU_MEM_MEMPOOL_H */
