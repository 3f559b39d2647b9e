/*
 * vmem.h -- resource arenas (engine-private; see the theory in vmem.c).
 *
 * An arena hands out ranges of an integer space: machine page numbers, pool
 * pages, heap and slab spans, world IDs, world-storage offsets.  Addresses
 * are uintptr_t integers and 0 may be a legal address (ID arenas), so every
 * allocation reports failure through its emu_status_t and writes the address
 * through an out-parameter only on EMU_OK.
 *
 * Sizes, alignments, phases and span bounds are in the arena's units and
 * must be multiples of its quantum (a power of two).
 *
 * Blocking: exactly one of EMU_VM_SLEEP / EMU_VM_NOSLEEP is required.
 * NOSLEEP requests fail at once with EMU_NOMEM; SLEEP requests wait on the
 * arena's condition (woken by frees, span adds and frees in any source arena
 * up the import chain) until they succeed or their deadline passes
 * (EMU_TIMEOUT).
 */
#ifndef EMU_MEM_VMEM_H
#define EMU_MEM_VMEM_H

#include <stddef.h>
#include <stdint.h>

#include "../core/status.h"

typedef struct emu_vmem emu_vmem_t;

/* Allocation flags. */
#define EMU_VM_SLEEP          0x0001   /* may wait for a free */
#define EMU_VM_NOSLEEP        0x0002   /* fail at once (EMU_NOMEM) */
#define EMU_VM_INSTANTFIT     0x0010   /* constant time (the default) */
#define EMU_VM_BESTFIT        0x0020   /* smallest segment that fits */
#define EMU_VM_NEXTFIT        0x0040   /* first fit after the last allocation */
#define EMU_VM_BYPASS_QCACHE  0x0100   /* alloc/free: skip the quantum caches */

#define EMU_VM_BLOCKMASK      (EMU_VM_SLEEP | EMU_VM_NOSLEEP)
#define EMU_VM_POLICYMASK     (EMU_VM_INSTANTFIT | EMU_VM_BESTFIT | EMU_VM_NEXTFIT)

/* Longest arena name kept (including the NUL). */
#define EMU_VMEM_NAMELEN      40

/*
 * Import from a source.  import must return a range of at least size units
 * aligned to the arena's quantum, or a failure status; flags carry the
 * blocking mode (the arena always imports with EMU_VM_NOSLEEP and waits on
 * its own condition instead, see vmem.c 7.).  release gives a whole imported
 * span back.  For a source that is itself an arena use emu_vmem_source_alloc
 * / emu_vmem_source_free with the source arena as `source`.
 */
typedef emu_status_t (*emu_vmem_import_fn)(void *source, size_t size,
                                           int flags, uintptr_t *addrp);
typedef void (*emu_vmem_release_fn)(void *source, uintptr_t addr,
                                    size_t size);

typedef struct emu_vmem_props {
   const char          *name;          /* copied, truncated to NAMELEN-1 */
   uintptr_t            base;          /* initial span, when size != 0 */
   size_t               size;
   size_t               quantum;       /* power of two, >= 1 */
   size_t               qcache_max;    /* 0: no quantum caches */
   int                  policy;        /* default fit: one EMU_VM_*FIT or 0 */
   emu_vmem_import_fn   import;        /* NULL: no source */
   emu_vmem_release_fn  release;       /* NULL: imported spans stay */
   void                *source;
   size_t               import_min;    /* smallest import; 0: quantum */
   size_t               import_align;  /* the source aligns every import of
                                          at least this many units to it (a
                                          power of two); 0: no promise */
} emu_vmem_props_t;

/* Constrained allocation request (xalloc). */
typedef struct emu_vmem_req {
   size_t       size;
   size_t       align;        /* 0: quantum; else power of two >= quantum */
   size_t       phase;        /* address % align == phase */
   size_t       nocross;      /* 0: none; else power of two >= size:
                                 [addr, addr+size) inside one nocross block */
   uintptr_t    minaddr;      /* addr >= minaddr */
   uintptr_t    maxaddr;      /* addr + size <= maxaddr; 0: no limit */
   int          flags;        /* EMU_VM_SLEEP/NOSLEEP | one policy */
   uint64_t     deadline_ns;  /* SLEEP only: monotonic deadline, 0: none */
   const void  *caller;       /* recorded for reports; NULL: xalloc's caller */
} emu_vmem_req_t;

/*
 * Create an arena.
 * => props->quantum a power of two, base/size multiples of it; qcache_max a
 *    multiple of quantum.  EMU_BADPARAM on inconsistent props, EMU_NOMEM when
 *    host memory for the arena itself is missing.
 */
emu_status_t emu_vmem_create(const emu_vmem_props_t *props, emu_vmem_t **vmpp);

/*
 * An identifier arena: quantum 1, next-fit by default (IDs are not reused
 * soon after they are freed), holding [base, base + count).
 */
emu_status_t emu_vmem_create_ids(const char *name, uintptr_t base,
                                 size_t count, emu_vmem_t **vmpp);

/*
 * Destroy an arena.  Live segments are a LEAK report listing them (first
 * ones, with their callers); the arena is torn down either way.  Imported
 * spans go back to the source.
 * => no allocation or waiter may be in progress.
 */
void emu_vmem_destroy(emu_vmem_t *vmp);

/*
 * Add the span [addr, addr + size).  EMU_BADPARAM when misaligned, empty,
 * wrapping, or overlapping a span already present.  Wakes sleepers.
 */
emu_status_t emu_vmem_add(emu_vmem_t *vmp, uintptr_t addr, size_t size,
                          int flags);

/* Allocate size units with the default (or flags') policy. */
emu_status_t emu_vmem_alloc(emu_vmem_t *vmp, size_t size, int flags,
                            uintptr_t *addrp);
emu_status_t emu_vmem_alloc_ra(emu_vmem_t *vmp, size_t size, int flags,
                               const void *caller, uintptr_t *addrp);
/* Sleep until the monotonic deadline at most (EMU_TIMEOUT after). */
emu_status_t emu_vmem_alloc_timed(emu_vmem_t *vmp, size_t size,
                                  uint64_t deadline_ns, const void *caller,
                                  uintptr_t *addrp);

/*
 * Constrained allocation.  Never served from the quantum caches: free it
 * with emu_vmem_xfree.  EMU_BADPARAM for impossible constraints.
 */
emu_status_t emu_vmem_xalloc(emu_vmem_t *vmp, const emu_vmem_req_t *req,
                             uintptr_t *addrp);

/*
 * Free what emu_vmem_alloc(size) / emu_vmem_xalloc(size) returned.  An
 * address/size that is not a live segment is a BAD_SEGMENT report naming
 * the arena and the caller; the arena is left unchanged.
 */
void emu_vmem_free(emu_vmem_t *vmp, uintptr_t addr, size_t size);
void emu_vmem_free_ra(emu_vmem_t *vmp, uintptr_t addr, size_t size,
                      const void *caller);
void emu_vmem_xfree(emu_vmem_t *vmp, uintptr_t addr, size_t size);
void emu_vmem_xfree_ra(emu_vmem_t *vmp, uintptr_t addr, size_t size,
                       const void *caller);

/* Import adapters for a source that is an arena (source = emu_vmem_t *). */
emu_status_t emu_vmem_source_alloc(void *source, size_t size, int flags,
                                   uintptr_t *addrp);
void emu_vmem_source_free(void *source, uintptr_t addr, size_t size);

/* Statistics (a consistent snapshot, in units). */
typedef struct emu_vmem_stats {
   uint64_t st_total;        /* units in all spans */
   uint64_t st_imported;     /* units in imported spans */
   uint64_t st_inuse;        /* units allocated */
   uint64_t st_alloc;        /* successful allocations */
   uint64_t st_free;         /* frees */
   uint64_t st_fail;         /* allocations that failed */
   uint64_t st_wait;         /* times an allocation slept */
   uint64_t st_import;       /* spans imported */
   uint64_t st_export;       /* spans given back */
   uint64_t st_nspans;       /* spans now */
   uint64_t st_nalloc_segs;  /* allocated segments now */
   uint64_t st_nfree_segs;   /* free segments now */
   uint64_t st_hash_buckets; /* allocated-segment hash size */
   uint64_t st_hash_resizes; /* times it was resized */
} emu_vmem_stats_t;

void emu_vmem_stats(emu_vmem_t *vmp, emu_vmem_stats_t *st);
const char *emu_vmem_name(const emu_vmem_t *vmp);
size_t emu_vmem_quantum(const emu_vmem_t *vmp);

/* Segment types, for walks and whatis. */
#define EMU_VMEM_SEG_SPAN   0x1
#define EMU_VMEM_SEG_FREE   0x2
#define EMU_VMEM_SEG_ALLOC  0x4
#define EMU_VMEM_SEG_ALL    0x7

typedef struct emu_vmem_seginfo {
   uintptr_t    si_start;
   size_t       si_size;
   int          si_type;       /* EMU_VMEM_SEG_* */
   int          si_imported;   /* the span was imported */
   const void  *si_caller;     /* ALLOC: who allocated it */
   uintptr_t    si_span_start; /* the span holding it */
   size_t       si_span_size;
} emu_vmem_seginfo_t;

/*
 * Call fn for each segment of the given types in address order (spans
 * before their segments).  fn runs under the arena lock: it must not call
 * back into this arena.  A non-zero return from fn stops the walk.
 */
typedef int (*emu_vmem_walk_fn)(void *arg, const emu_vmem_seginfo_t *si);
void emu_vmem_walk(emu_vmem_t *vmp, int types, emu_vmem_walk_fn fn,
                   void *arg);

/* Print the arena (stats, then every segment up to max lines) to stderr. */
void emu_vmem_dump(emu_vmem_t *vmp, size_t max);

/*
 * What is this address: the segment containing addr (EMU_OK), or
 * EMU_NOTFOUND when no span holds it.  O(segments): for reports.
 */
emu_status_t emu_vmem_whatis(emu_vmem_t *vmp, uintptr_t addr,
                             emu_vmem_seginfo_t *si);
/* The same as one line of text ("arena 'x': allocated [a, a+n) by f+0x1"). */
void emu_vmem_describe(emu_vmem_t *vmp, uintptr_t addr, char *buf,
                       size_t len);

/*
 * Quantum caches.  The slab engine plugs in here: once ops are set, arenas
 * created with qcache_max > 0 get one object cache per multiple of the
 * quantum up to qcache_max, and emu_vmem_alloc/free of such sizes go to
 * them (emu_vmem_alloc_timed with a deadline does not).  Arenas created
 * earlier switch on with emu_vmem_qcache_enable.  Caches take their
 * segments with EMU_VM_BYPASS_QCACHE and caller == the ops table, and give
 * them back with emu_vmem_xfree_ra(..., caller == the ops table): the arena
 * refuses a free of such a segment from anyone else.  Without ops
 * everything goes to the arena.
 */
typedef struct emu_vmem_qcache_ops {
   /* Make a cache of objsize-unit objects drawing from vmp; NULL: none. */
   void *(*qc_create)(void *ctx, emu_vmem_t *vmp, const char *name,
                      size_t objsize);
   void (*qc_destroy)(void *ctx, void *cache);
   emu_status_t (*qc_alloc)(void *cache, int flags, const void *caller,
                            uintptr_t *addrp);
   void (*qc_free)(void *cache, uintptr_t addr, const void *caller);
   /* Give cached segments back to the arena (may be NULL); called with no
    * arena lock held when an allocation finds no room. */
   void (*qc_reap)(void *cache);
} emu_vmem_qcache_ops_t;

void emu_vmem_set_qcache_ops(const emu_vmem_qcache_ops_t *ops, void *ctx);
/* Someone sleeps in this arena now (a hint, read without the lock). */
int emu_vmem_has_waiters(const emu_vmem_t *vmp);
/* EMU_OK, or EMU_NOTSUP when no ops are set or qcache_max is 0. */
emu_status_t emu_vmem_qcache_enable(emu_vmem_t *vmp);

/*
 * Test support: check every internal invariant (address order, coalescing,
 * free lists and their bitmaps, hash, counters).  Returns 0, or -1 with a
 * description in why.
 */
int emu_vmem_verify(emu_vmem_t *vmp, char *why, size_t len);

/*
 * Test support: the next n times a free-list array needs to grow (in any
 * arena) it fails as if the host had no memory, so the segment stays free
 * on no list (vmem.c 3.).  0 ends it.
 */
void emu_vmem_test_fail_list_growth(int n);

#endif /* EMU_MEM_VMEM_H */
