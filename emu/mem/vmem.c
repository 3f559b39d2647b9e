/*
 * vmem.c -- resource arenas for libvmkemu.
 *
 * 1. Model.  An arena manages a set of integer ranges (spans) in units of
 *    its quantum, a power of two.  Callers take segments out of the spans
 *    and give them back with the same address and size.  The arena does not
 *    touch the memory it describes (there may be none: IDs, offsets, page
 *    numbers), so all of its bookkeeping lives in boundary tags kept apart
 *    from the resource.  This is the design of Bonwick & Adams, "Magazines
 *    and Vmem" (USENIX 2001); the code and the refinements below are ours.
 *
 * 2. Segments.  Every span is described by a SPAN tag followed, in address
 *    order, by FREE and ALLOC tags that tile it exactly.  All tags of an
 *    arena sit on one circular address-ordered list through a sentinel
 *    (vm_seg0).  Two FREE tags are never neighbours: a free coalesces with
 *    both sides at once, in O(1), because the neighbours are one link away.
 *    Free space never merges across a SPAN tag, so an imported span can be
 *    handed back whole.  An ALLOC tag also records whether the segments
 *    before and after it are FREE (vs_pfree, vs_nfree), kept up to date by
 *    whoever changes a neighbour: a free reads only the neighbours it
 *    merges with, and merely writes a flag into an allocated one.  In a big
 *    arena a neighbour is a cache miss; a write does not stall, a read
 *    does.  Spans are also on their own sorted list, to check
 *    overlap when one is added.
 *
 * 3. Free lists.  FREE tags sit on segregated lists indexed by size in
 *    quanta.  The paper uses one list per power of two; we split each power
 *    of two [2^k, 2^k+1) into 16 equal sub-lists (sizes under 32 quanta get
 *    a list per exact size), with a 64-bit map of non-empty power-of-two
 *    classes and a 16-bit map of non-empty sub-lists per class.  Every list
 *    has a lower bound, increasing with its index, so:
 *    - instant fit (the default) takes the head of the first non-empty list
 *      whose lower bound is >= the size: two find-first-set instructions, no
 *      loop, whatever the number of segments.  Compared with power-of-two
 *      lists this picks a segment at most 1/16 larger than needed instead
 *      of up to twice as large, so it fragments less.
 *    - best fit scans the one list that may hold segments both smaller and
 *      larger than the request (the list containing the size) for the
 *      smallest that fits, at most VM_BEST_SCAN of them, then takes the head
 *      of the next non-empty list.  Below 32 quanta lists hold one size, so
 *      this is the exact best fit; above it is within 1/16 of the best.  No
 *      step walks the whole list (the paper's best fit is O(list)).
 *    - next fit keeps a rotor (the last segment it allocated) and walks the
 *      address list from there for the first free segment that fits; ID
 *      arenas use it so that a freed ID is not handed out again at once.
 *    Lists are LIFO: a segment freed without coalescing goes to the head and
 *    is allocated first, still warm.  A list is an array of tag pointers
 *    (head at the top) and each free tag records its slot, so a segment
 *    leaves its list by moving the top tag into its slot: it touches that
 *    one tag, the last pushed and usually still in cache, where a linked
 *    list would write both of its list neighbours (two random, cold tags in
 *    a big arena).  A segment that changes size (a split remainder keeps
 *    the free segment's tag, a coalesced free keeps its free neighbour's)
 *    moves only when its list changes.  A list's first array is a spare
 *    tag (8 slots); a longer one is host pages, doubling (never malloc: an
 *    arena may live as long as the process, and malloc's leak checkers do
 *    not look inside our mappings).  They go back at destroy.  If the
 *    host has no memory for one, the segment stays free on no list and
 *    only the exhaustive search, which then also walks the address list,
 *    finds it.
 *
 *    The hot path is unconstrained instant fit: emu_vmem_alloc, and
 *    emu_vmem_xalloc for an aligned request with no window or nocross
 *    (section 4), do it inline under the lock (bitmap search, head, split)
 *    and hand anything else to the general allocator.  A free prefetches
 *    its hash bucket before it takes the lock, reads the tag, and reads
 *    only the neighbours it merges with (section 2), both fetched at once
 *    and their list slots as soon as they are in; a split prefetches the
 *    tag it writes and the bucket the new segment goes to before the list
 *    work.  Tags, and list arrays and hash tables once they are big, sit
 *    on 2 MiB-aligned mappings offered for huge pages (vm_map): in a big
 *    arena those misses are not TLB misses as well.
 *    The lock's two atomic instructions per call cost little in place:
 *    with both made plain stores (single-threaded measurement) a pair at
 *    1k segments went from 62 to 60 ns; the rest is some 350
 *    instructions of list, tag and hash work.  In a big arena the cost is
 *    the dependent chain of misses a free takes (bucket, tag, a free
 *    neighbour, that neighbour's list slot), not instructions.  Quantum
 *    caches (section 8) avoid both for small sizes.
 *
 * 4. Constrained allocation (xalloc: align, phase, nocross, min/max).  A
 *    free segment of at least size + align - quantum always holds an
 *    address with the right phase and room for size after it, so without a
 *    window or nocross the head of the first non-empty list at or above that
 *    bound fits: aligned allocation is instant fit too.  With a window or
 *    nocross we look at up to VM_XSCAN candidates from those lists.  Only
 *    when that finds nothing do we fall back to an exhaustive first-fit scan
 *    from the list containing the size upward; so an allocation fails only
 *    when no free segment can satisfy it, for every policy.
 *
 * 5. Allocated segments are found by a chained hash on the start address
 *    (Fibonacci hashing of the quantum number, chain linked through the
 *    tag).  It doubles as soon as the load passes 1/2 and shrinks to a
 *    quarter below 1/16, synchronously inside the allocation or free that
 *    crosses the bound: a short-lived test never reaches a periodic
 *    rescaler, and a free looks at 1.25 tags on average (each a likely cache
 *    miss in a big arena).  If the host cannot give memory for a bigger
 *    table the old one is kept (chains just grow).
 *
 * 6. Boundary tags come from a process-wide depot of 64-byte tags carved
 *    in order from 2 MiB host chunks (emu_host_map_anon), never from an
 *    arena, so refilling
 *    tags cannot recurse into the arena that needs them.  Each arena keeps
 *    a private list of spare tags; before an operation changes anything it
 *    makes sure VM_SEG_RESERVE spares are there (the worst case: an xalloc
 *    splitting a segment in three plus an imported span), so an operation
 *    either fails cleanly up front or completes.  Spares above VM_SEG_HIGH
 *    go back to the depot.  The depot never returns pages to the host.
 *
 * 7. Import and export.  An arena with a source calls import(source, size)
 *    when nothing fits, adds the result as an imported span and searches
 *    again; a free that leaves an imported span wholly free removes it and
 *    calls release().  The arena lock is dropped around both calls, so the
 *    lock order is simply source before importer (a source may lock its
 *    importers to wake them, never the reverse).  Imports are always made
 *    with EMU_VM_NOSLEEP.  A sleeping request that cannot be met waits on its
 *    own arena's condition; frees and adds in an arena broadcast it when
 *    anyone waits, and when the source of an arena is itself an arena
 *    (emu_vmem_source_alloc) the source also wakes its importers, and theirs,
 *    when any thread waits on such a chain.  A generation count bumped by
 *    every free, add and wakeup closes the window between a failed attempt
 *    and the wait: there is no polling, and no lost wakeup.
 *
 * 8. Quantum caches.  The paper fronts each arena with object caches for
 *    the small multiples of the quantum, which removes most lock traffic
 *    and fragmentation for small sizes.  Those caches are slab caches and
 *    slab sits above vmem, so vmem only keeps the hook: qcache_max is stored
 *    at create, and once the qcache engine (qcache.c, started after slab)
 *    registers its ops (emu_vmem_set_qcache_ops) arenas get their caches at
 *    create (or with emu_vmem_qcache_enable).  With no ops every request
 *    goes to the arena.  xalloc/xfree and timed allocations never use the
 *    caches.  The segments a cache holds are ordinary allocated segments
 *    whose caller is the ops table: a free of one from anyone but the cache
 *    is a second free and is reported.
 *
 * 9. Locking.  One futex lock per arena protects everything in it, and one
 *    condition carries its sleepers.  Leaf locks below it: the tag depot.
 *    Read without the lock, as hints: the hash table address and shift
 *    (hash_prefetch) and the waiter count (emu_vmem_has_waiters); their
 *    writers store them atomically.  Quantum caches have locks of their own
 *    and never hold them while calling into the arena.
 *    Reports may be raised with the arena lock held; they return only when a
 *    test expected them, and the arena is consistent at that point.
 *
 * 10. Differences from illumos/libumem vmem.  Segregated sub-lists instead
 *    of plain power-of-two lists (section 3) so best fit and aligned xalloc
 *    stay constant time; synchronous hash resizing (5); one tag size from a
 *    host-backed depot instead of a tag arena with its own reserve (6); no
 *    periodic update thread; identifiers and zero are ordinary addresses,
 *    failure is a status; imports never sleep in the source (7); free
 *    segments are not merged across spans, adjacent or not; sizes must be
 *    multiples of the quantum (they are not rounded up); bad frees and leaks
 *    are reports rather than panics.
 */
#include "vmem.h"

#include <stdio.h>
#include <string.h>

#include "../core/assert.h"
#include "../core/report.h"
#include "../host/host.h"

#define VMEM_MAGIC      0x564d454du      /* "VMEM" */
#define VMEM_DEAD       0xdeadbeefu

/* Segment types (also the EMU_VMEM_SEG_* walk bits). */
#define VS_SPAN         EMU_VMEM_SEG_SPAN
#define VS_FREE         EMU_VMEM_SEG_FREE
#define VS_ALLOC        EMU_VMEM_SEG_ALLOC
#define VS_HEAD         0x8               /* the arena's list sentinel */

/* Free-list geometry (section 3). */
#define VM_SLBITS       4
#define VM_SLCOUNT      (1 << VM_SLBITS)
#define VM_NCLASSES     61
#define VM_NLISTS       (VM_NCLASSES * VM_SLCOUNT)
#define VM_UNLISTED     0xffffu /* vs_list of a free tag no array could hold */
#define VM_FL_SMALL     8       /* slots in a list's first array (a tag) */

#define VM_BEST_SCAN    64      /* best fit: candidates looked at per list */
#define VM_XSCAN        32      /* windowed xalloc: candidates before exhaustive */
#define VM_SEG_RESERVE  6       /* spare tags needed before any change */
#define VM_SEG_HIGH     512     /* spares kept before returning to the depot */
#define VM_SEG_BATCH    128     /* tags moved between arena and depot */
#define VM_HASH_MIN     16      /* buckets in the embedded initial table */
#define VM_HASH_PREFETCH 15     /* prefetch buckets from 2^15 (256 KiB) up */
#define VM_QCACHE_MAX   64      /* at most this many quantum caches */
#define VM_LEAK_LIST    16      /* live segments listed by a leak report */

typedef struct vseg vseg_t;

/*
 * A free list: an array of tags, the head at the top (fl_slot[fl_n - 1]).
 * Each free tag knows its slot, so a tag leaves its list by moving the
 * top tag into its slot: no other tag is touched but the top one, which
 * was the last pushed and is usually still in cache.
 */
typedef struct vflist {
   vseg_t     **fl_slot;      /* a spare tag, then host pages (vm_map) */
   uint32_t     fl_n;         /* tags on the list */
   uint32_t     fl_cap;       /* slots in fl_slot */
} vflist_t;

/* A boundary tag: one cache line. */
struct vseg {
   uintptr_t    vs_start;
   size_t       vs_size;
   vseg_t      *vs_anext;     /* address order (circular through vm_seg0) */
   vseg_t      *vs_aprev;
   vseg_t      *vs_knext;     /* ALLOC: hash chain; SPAN: span list; spares */
   vseg_t      *vs_kprev;     /* SPAN: span list */
   const void  *vs_caller;    /* ALLOC: who allocated it */
   uint16_t     vs_list;      /* FREE: its free-list index (VM_UNLISTED) */
   uint8_t      vs_type;      /* VS_* */
   uint8_t      vs_import;    /* SPAN: imported from the source */
   union {
      uint32_t  vsu_slot;     /* FREE: its slot in the list's array */
      uint8_t   vsu_nb[2];    /* ALLOC: the segment [before, after] is FREE */
   } vs_u;
};

#define vs_slot   vs_u.vsu_slot
#define vs_pfree  vs_u.vsu_nb[0]
#define vs_nfree  vs_u.vsu_nb[1]

EMU_STATIC_ASSERT(sizeof(vseg_t) == 64, "a tag is one cache line");

struct emu_vmem {
   uint32_t              vm_magic;     /* VMEM_MAGIC while alive */
   /* Immutable after create */
   char                  vm_name[EMU_VMEM_NAMELEN];
   size_t                vm_quantum;
   int                   vm_qshift;
   int                   vm_policy;    /* default EMU_VM_*FIT */
   size_t                vm_qcache_max;
   emu_vmem_import_fn    vm_import;
   emu_vmem_release_fn   vm_release;
   void                 *vm_source;
   emu_vmem_t           *vm_source_arena; /* vm_source when it is an arena */
   size_t                vm_import_min;
   size_t                vm_import_align; /* the source's promise, or 0 */
   size_t                vm_mapsize;   /* bytes mapped for this struct */

   /* Everything below -- vm_lock */
   emu_flock_t           vm_lock;
   emu_fcond_t           vm_cv;        /* sleepers wait here */
   uint64_t              vm_gen;       /* bumped by every free/add/wakeup */
   uint32_t              vm_nwaiters;
   vseg_t                vm_seg0;      /* address-list sentinel */
   vseg_t                vm_span0;     /* span-list sentinel */
   vseg_t               *vm_rotor;     /* next fit starts its scan here */
   uintptr_t             vm_rotor_addr; /* next fit resumes here */
   uint64_t              vm_clmap;     /* non-empty classes */
   uint16_t              vm_slmap[64]; /* non-empty sub-lists per class */
   vflist_t              vm_fl[VM_NLISTS];
   uint64_t              vm_nunlisted; /* free tags on no list (host OOM) */
   vseg_t              **vm_hash;
   size_t                vm_hsize;     /* buckets, a power of two */
   int                   vm_hshift;    /* 64 - log2(vm_hsize) */
   uint64_t              vm_hgrow;     /* double above this many segments */
   uint64_t              vm_hshrink;   /* quarter below this many (0: never) */
   vseg_t               *vm_hash0[VM_HASH_MIN];
   vseg_t               *vm_segfree;   /* spare tags (linked by vs_knext) */
   size_t                vm_nsegfree;
   emu_vmem_t           *vm_importers; /* arenas importing from this one */
   emu_vmem_t           *vm_imp_next;  /* -- the source's vm_lock */
   uint64_t              vm_nfreesegs;
   uint64_t              vm_nallocsegs;
   uint64_t              vm_nspans;
   uint64_t              vm_total;     /* units */
   uint64_t              vm_imported;
   uint64_t              vm_inuse;
   uint64_t              vm_nalloc;
   uint64_t              vm_nfree;
   uint64_t              vm_nfail;
   uint64_t              vm_nwait;
   uint64_t              vm_nimport;
   uint64_t              vm_nexport;
   uint64_t              vm_nresize;

   /* Quantum caches -- set before the arena is shared or under vm_lock */
   const emu_vmem_qcache_ops_t *vm_qops;
   void                 *vm_qops_ctx;
   size_t                vm_nqcache;
   void                 *vm_qcache[VM_QCACHE_MAX];
};

/* ---- Tag depot (section 6) ------------------------------------------- */

/* Tags are carved in address order from 2 MiB host chunks (one huge page
 * where the host backs anonymous memory with them): tags made together sit
 * together, and only the part carved so far is ever touched. */
#define DEPOT_CHUNK ((size_t)2 << 20)

#define VM_HUGE     ((size_t)2 << 20)

/*
 * Host memory for tags and big hash tables: len bytes, and when len is a
 * multiple of 2 MiB, aligned to 2 MiB and offered to the host for huge
 * pages.  In a big arena every operation touches a few random tags and a
 * hash bucket; with 4 KiB pages each of those is also a TLB miss (a page
 * walk that misses the cache itself), which is most of the cost at 1M
 * segments.  Unmap with emu_host_unmap(p, len).
 */
static void *
vm_map(size_t len)
{
   uint8_t *p;
   uint8_t *a;

   if (len < VM_HUGE || (len & (VM_HUGE - 1)) != 0) {
      return emu_host_map_anon(len);
   }
   p = emu_host_map_anon(len + VM_HUGE);
   if (p == NULL) {
      return NULL;
   }
   a = (uint8_t *)(((uintptr_t)p + VM_HUGE - 1) & ~(uintptr_t)(VM_HUGE - 1));
   if (a > p) {
      emu_host_unmap(p, (size_t)(a - p));
   }
   if (a + len < p + len + VM_HUGE) {
      emu_host_unmap(a + len, (size_t)(p + len + VM_HUGE - (a + len)));
   }
   emu_host_prefer_huge(a, len);            /* a hint: failure is fine */
   return a;
}

static emu_mutex_t depot_lock = EMU_MUTEX_INITIALIZER;
static vseg_t *depot_free;          /* tags given back */
static size_t depot_nfree;
static vseg_t *depot_next;          /* the uncarved rest of the last chunk */
static vseg_t *depot_end;

/*
 * Move up to n tags from the depot to the arena's spares.
 * => caller holds vm_lock; takes depot_lock (leaf).  0, or -1 when the host
 *    has no memory left and fewer than VM_SEG_RESERVE spares remain.
 */
static int
depot_get(emu_vmem_t *vmp, size_t n)
{
   emu_mutex_lock(&depot_lock);
   for (; n > 0; n--) {
      vseg_t *vs = depot_free;

      if (vs != NULL) {
         depot_free = vs->vs_knext;
         depot_nfree--;
      } else {
         if (depot_next == depot_end) {
            vseg_t *chunk = vm_map(DEPOT_CHUNK);

            if (chunk == NULL) {
               break;
            }
            depot_next = chunk;
            depot_end = chunk + DEPOT_CHUNK / sizeof(vseg_t);
         }
         vs = depot_next++;
      }
      vs->vs_knext = vmp->vm_segfree;
      vmp->vm_segfree = vs;
      vmp->vm_nsegfree++;
   }
   emu_mutex_unlock(&depot_lock);
   return vmp->vm_nsegfree >= VM_SEG_RESERVE ? 0 : -1;
}

/* Give n spare tags back to the depot.  => caller holds vm_lock. */
static void
depot_put(emu_vmem_t *vmp, size_t n)
{
   emu_mutex_lock(&depot_lock);
   while (n > 0 && vmp->vm_segfree != NULL) {
      vseg_t *vs = vmp->vm_segfree;

      vmp->vm_segfree = vs->vs_knext;
      vmp->vm_nsegfree--;
      vs->vs_knext = depot_free;
      depot_free = vs;
      depot_nfree++;
      n--;
   }
   emu_mutex_unlock(&depot_lock);
}

static inline int
seg_reserve(emu_vmem_t *vmp)
{
   if (EMU_LIKELY(vmp->vm_nsegfree >= VM_SEG_RESERVE)) {
      return 0;
   }
   return depot_get(vmp, VM_SEG_BATCH);
}

static inline vseg_t *
seg_get(emu_vmem_t *vmp)
{
   vseg_t *vs = vmp->vm_segfree;

   EMU_ASSERT(vs != NULL);
   vmp->vm_segfree = vs->vs_knext;
   vmp->vm_nsegfree--;
   return vs;
}

static inline void
seg_put(emu_vmem_t *vmp, vseg_t *vs)
{
   vs->vs_type = 0;
   vs->vs_knext = vmp->vm_segfree;
   vmp->vm_segfree = vs;
   vmp->vm_nsegfree++;
   if (EMU_UNLIKELY(vmp->vm_nsegfree > VM_SEG_HIGH)) {
      depot_put(vmp, VM_SEG_HIGH / 2);
   }
}

/* ---- Address list ----------------------------------------------------- */

/* Insert vs after prev in address order. */
static inline void
aseg_insert_after(vseg_t *prev, vseg_t *vs)
{
   vseg_t *next = prev->vs_anext;

   vs->vs_aprev = prev;
   vs->vs_anext = next;
   next->vs_aprev = vs;
   prev->vs_anext = vs;
}

/* Insert vs between prev and next (neighbours): prev is only written. */
static inline void
aseg_insert_between(vseg_t *prev, vseg_t *next, vseg_t *vs)
{
   vs->vs_aprev = prev;
   vs->vs_anext = next;
   next->vs_aprev = vs;
   prev->vs_anext = vs;
}

static inline void
aseg_remove(emu_vmem_t *vmp, vseg_t *vs)
{
   if (vmp->vm_rotor == vs) {
      vmp->vm_rotor = vs->vs_aprev;
   }
   vs->vs_aprev->vs_anext = vs->vs_anext;
   vs->vs_anext->vs_aprev = vs->vs_aprev;
}

/* ---- Free lists (section 3) ------------------------------------------ */

static inline int
highbit64(uint64_t x)          /* index of the highest set bit; x != 0 */
{
   return 63 - __builtin_clzll(x);
}

/* The list holding free segments of q quanta. */
static inline unsigned
list_of(uint64_t q)
{
   int k;

   if (q < 2 * VM_SLCOUNT) {
      return (unsigned)q;
   }
   k = highbit64(q);
   return (unsigned)((k - VM_SLBITS + 1) * VM_SLCOUNT +
                     ((q >> (k - VM_SLBITS)) & (VM_SLCOUNT - 1)));
}

/* The smallest size (quanta) a segment on list i can have. */
static inline uint64_t
list_low(unsigned i)
{
   unsigned cl = i / VM_SLCOUNT;
   unsigned sl = i % VM_SLCOUNT;

   if (cl == 0) {
      return sl;
   }
   return (uint64_t)(VM_SLCOUNT + sl) << (cl - 1);
}

/* The first list all of whose segments hold q quanta (VM_NLISTS: none). */
static inline unsigned
list_fit(uint64_t q)
{
   int k;
   int sh;

   if (q < 2 * VM_SLCOUNT) {
      return (unsigned)q;
   }
   k = highbit64(q);
   sh = k - VM_SLBITS;
   return (unsigned)((k - VM_SLBITS + 1) * VM_SLCOUNT +
                     ((q >> sh) & (VM_SLCOUNT - 1)) +
                     ((q & ((1ull << sh) - 1)) != 0));
}

/* The first non-empty list with index >= i, or VM_NLISTS. */
static inline unsigned
list_next_nonempty(const emu_vmem_t *vmp, unsigned i)
{
   unsigned cl;
   uint32_t sm;
   uint64_t cm;

   if (i >= VM_NLISTS) {
      return VM_NLISTS;
   }
   cl = i / VM_SLCOUNT;
   sm = vmp->vm_slmap[cl] & (0xffffu << (i % VM_SLCOUNT));
   if (sm != 0) {
      return cl * VM_SLCOUNT + (unsigned)__builtin_ctz(sm);
   }
   if (cl + 1 >= VM_NCLASSES) {
      return VM_NLISTS;
   }
   cm = vmp->vm_clmap & (~0ull << (cl + 1));
   if (cm == 0) {
      return VM_NLISTS;
   }
   cl = (unsigned)__builtin_ctzll(cm);
   return cl * VM_SLCOUNT + (unsigned)__builtin_ctz(vmp->vm_slmap[cl]);
}

/* List i became non-empty: set its bits. */
static inline void
fl_filled(emu_vmem_t *vmp, unsigned i)
{
   vmp->vm_slmap[i / VM_SLCOUNT] |= (uint16_t)(1u << (i % VM_SLCOUNT));
   vmp->vm_clmap |= 1ull << (i / VM_SLCOUNT);
}

/* List i became empty: clear its bits. */
static inline void
fl_emptied(emu_vmem_t *vmp, unsigned i)
{
   unsigned cl = i / VM_SLCOUNT;

   vmp->vm_slmap[cl] &= (uint16_t)~(1u << (i % VM_SLCOUNT));
   if (vmp->vm_slmap[cl] == 0) {
      vmp->vm_clmap &= ~(1ull << cl);
   }
}

/*
 * Where a mapped array starts in its mapping: lists differ in the cache
 * line, so that the hot tops of short arrays do not all fall in the same
 * cache set (a page-aligned start would put them there).
 */
static inline size_t
fl_color(const emu_vmem_t *vmp, const vflist_t *fl)
{
   return (size_t)((fl - vmp->vm_fl) & 63) * 64;
}

/* A list's array goes back: a tag-sized one to the spares, else unmapped. */
static void
fl_free(emu_vmem_t *vmp, vflist_t *fl)
{
   if (fl->fl_cap == VM_FL_SMALL) {
      seg_put(vmp, (vseg_t *)(void *)fl->fl_slot);
   } else if (fl->fl_cap != 0) {
      size_t c = fl_color(vmp, fl);

      emu_host_unmap((uint8_t *)fl->fl_slot - c,
                     fl->fl_cap * sizeof(vseg_t *) + c);
   }
   fl->fl_slot = NULL;
   fl->fl_cap = 0;
}

/* Test support: list arrays that still fail to grow as if the host were
 * out of memory (emu_vmem_test_fail_list_growth). */
static int vm_fail_grow;

/*
 * A full list array: double it.  0, or -1 when the host has no memory (the
 * array is unchanged).
 */
static int __attribute__((noinline))
fl_grow(emu_vmem_t *vmp, vflist_t *fl)
{
   size_t ncap = fl->fl_cap > VM_FL_SMALL
                    ? 2 * (size_t)fl->fl_cap
                    : emu_host_page_size() / sizeof(vseg_t *);
   vseg_t **n;

   if (ncap > UINT32_MAX ||
       (__atomic_load_n(&vm_fail_grow, __ATOMIC_RELAXED) > 0 &&
        __atomic_sub_fetch(&vm_fail_grow, 1, __ATOMIC_RELAXED) >= 0)) {
      return -1;
   }
   if (fl->fl_cap == 0 && vmp->vm_nsegfree != 0) {
      /* A list's first array is a spare tag: small lists stay small and
       * sit among the tags. */
      fl->fl_slot = (vseg_t **)(void *)seg_get(vmp);
      fl->fl_cap = VM_FL_SMALL;
      return 0;
   }
   n = vm_map(ncap * sizeof *n + fl_color(vmp, fl));
   if (n == NULL) {
      return -1;
   }
   n = (vseg_t **)(void *)((uint8_t *)n + fl_color(vmp, fl));
   if (fl->fl_slot != NULL) {
      memcpy(n, fl->fl_slot, fl->fl_n * sizeof *n);
      fl_free(vmp, fl);
   }
   fl->fl_slot = n;
   fl->fl_cap = (uint32_t)ncap;
   return 0;
}

/*
 * Put free segment vs at the head of list i.  When the list's array cannot
 * grow (the host is out of memory) vs stays free but on no list
 * (VM_UNLISTED): only the exhaustive search finds it (vmem_search).
 */
static inline __attribute__((always_inline)) void
fl_insert_at(emu_vmem_t *vmp, vseg_t *vs, unsigned i)
{
   vflist_t *fl = &vmp->vm_fl[i];

   vs->vs_type = VS_FREE;
   vmp->vm_nfreesegs++;
   if (EMU_UNLIKELY(fl->fl_n == fl->fl_cap) && fl_grow(vmp, fl) != 0) {
      vs->vs_list = VM_UNLISTED;
      vmp->vm_nunlisted++;
      return;
   }
   vs->vs_list = (uint16_t)i;
   vs->vs_slot = fl->fl_n;
   fl->fl_slot[fl->fl_n++] = vs;
   if (fl->fl_n == 1) {
      fl_filled(vmp, i);
   }
}

static inline __attribute__((always_inline)) void
fl_insert(emu_vmem_t *vmp, vseg_t *vs)
{
   fl_insert_at(vmp, vs, list_of(vs->vs_size >> vmp->vm_qshift));
}

/* The head (the most recently pushed tag) of non-empty list i. */
static inline vseg_t *
fl_head(const emu_vmem_t *vmp, unsigned i)
{
   const vflist_t *fl = &vmp->vm_fl[i];

   return fl->fl_slot[fl->fl_n - 1];
}

/* Start loading what taking vs off its list will write (section 3). */
static inline void
fl_prefetch(const emu_vmem_t *vmp, const vseg_t *vs)
{
   if (EMU_LIKELY(vs->vs_list != VM_UNLISTED)) {
      const vflist_t *fl = &vmp->vm_fl[vs->vs_list];

      __builtin_prefetch(&fl->fl_slot[vs->vs_slot], 1);
   }
}

/* Take vs off its array (not off the counts).  => vs is listed. */
static inline __attribute__((always_inline)) void
fl_unslot(emu_vmem_t *vmp, vseg_t *vs)
{
   unsigned i = vs->vs_list;
   vflist_t *fl = &vmp->vm_fl[i];
   vseg_t *top = fl->fl_slot[--fl->fl_n];

   if (top != vs) {
      fl->fl_slot[vs->vs_slot] = top;
      top->vs_slot = vs->vs_slot;
   } else if (fl->fl_n == 0) {
      fl_emptied(vmp, i);
   }
}

static inline __attribute__((always_inline)) void
fl_remove(emu_vmem_t *vmp, vseg_t *vs)
{
   vmp->vm_nfreesegs--;
   if (EMU_UNLIKELY(vs->vs_list == VM_UNLISTED)) {
      vmp->vm_nunlisted--;
      return;
   }
   fl_unslot(vmp, vs);
}

/*
 * Free segment vs changed size: move it to its new list, if that differs.
 * A segment that stays on its list keeps its place.
 */
static inline __attribute__((always_inline)) void
fl_relist(emu_vmem_t *vmp, vseg_t *vs)
{
   unsigned i = list_of(vs->vs_size >> vmp->vm_qshift);
   vflist_t *fl = &vmp->vm_fl[i];

   if (i == vs->vs_list) {
      return;
   }
   if (EMU_UNLIKELY(vs->vs_list == VM_UNLISTED || fl->fl_n == fl->fl_cap)) {
      fl_remove(vmp, vs);
      fl_insert_at(vmp, vs, i);
      return;
   }
   fl_unslot(vmp, vs);
   vs->vs_list = (uint16_t)i;
   vs->vs_slot = fl->fl_n;
   fl->fl_slot[fl->fl_n++] = vs;
   if (fl->fl_n == 1) {
      fl_filled(vmp, i);
   }
}

/* ---- Allocated-segment hash (section 5) ------------------------------ */

static inline size_t
hash_index(const emu_vmem_t *vmp, uintptr_t addr)
{
   return (size_t)((((uint64_t)addr >> vmp->vm_qshift) *
                    0x9e3779b97f4a7c15ull) >> vmp->vm_hshift);
}

/* The load bounds of section 5 for the current size, kept precomputed
 * so the insert and remove paths compare one field each. */
static inline void
hash_bounds(emu_vmem_t *vmp)
{
   vmp->vm_hgrow = vmp->vm_hsize / 2;
   vmp->vm_hshrink = vmp->vm_hsize > VM_HASH_MIN ? vmp->vm_hsize / 16 : 0;
}

static void
hash_resize(emu_vmem_t *vmp, size_t nsize)
{
   vseg_t **ntab;
   size_t i;
   int oshift = vmp->vm_hshift;
   vseg_t **otab = vmp->vm_hash;
   size_t osize = vmp->vm_hsize;

   if (nsize <= VM_HASH_MIN) {
      nsize = VM_HASH_MIN;
      ntab = vmp->vm_hash0;
   } else {
      ntab = vm_map(nsize * sizeof(uint64_t));
      if (ntab == NULL) {
         return;                   /* keep the old table, fuller */
      }
   }
   if (ntab == otab) {
      return;
   }
   if (ntab == vmp->vm_hash0) {
      memset(ntab, 0, sizeof vmp->vm_hash0);
   }
   /* atomic: hash_prefetch reads these without the lock */
   __atomic_store_n(&vmp->vm_hash, ntab, __ATOMIC_RELAXED);
   vmp->vm_hsize = nsize;
   __atomic_store_n(&vmp->vm_hshift, 64 - highbit64(nsize), __ATOMIC_RELAXED);
   hash_bounds(vmp);
   for (i = 0; i < osize; i++) {
      vseg_t *vs = otab[i];

      while (vs != NULL) {
         vseg_t *next = vs->vs_knext;
         size_t h = hash_index(vmp, vs->vs_start);

         vs->vs_knext = ntab[h];
         ntab[h] = vs;
         vs = next;
      }
   }
   (void)oshift;
   if (otab != vmp->vm_hash0) {
      emu_host_unmap(otab, osize * sizeof(vseg_t *));
   }
   vmp->vm_nresize++;
}

static inline void
hash_insert(emu_vmem_t *vmp, vseg_t *vs)
{
   vseg_t **bucket = &vmp->vm_hash[hash_index(vmp, vs->vs_start)];

   vs->vs_knext = *bucket;
   *bucket = vs;
   vmp->vm_nallocsegs++;
   if (EMU_UNLIKELY(vmp->vm_nallocsegs > vmp->vm_hgrow)) {
      hash_resize(vmp, vmp->vm_hsize * 2);
   }
}

/* Find and unhash the segment starting at addr; NULL when none. */
static inline vseg_t *
hash_remove(emu_vmem_t *vmp, uintptr_t addr, size_t size)
{
   vseg_t **pp = &vmp->vm_hash[hash_index(vmp, addr)];
   vseg_t *vs;

   while ((vs = *pp) != NULL) {
      if (vs->vs_start == addr) {
         if (vs->vs_size != size) {
            return NULL;
         }
         *pp = vs->vs_knext;
         vmp->vm_nallocsegs--;
         if (EMU_UNLIKELY(vmp->vm_nallocsegs < vmp->vm_hshrink)) {
            hash_resize(vmp, vmp->vm_hsize / 4);
         }
         return vs;
      }
      pp = &vs->vs_knext;
   }
   return NULL;
}

/*
 * Start loading addr's bucket before the lock is taken: a prefetch is not
 * held back by the lock's atomic, so in a big arena the miss overlaps it
 * (a small table stays in cache: no prefetch).
 * The table may be resized meanwhile; a prefetch of a stale address is
 * harmless.
 */
static inline void
hash_prefetch(const emu_vmem_t *vmp, uintptr_t addr)
{
   int sh = __atomic_load_n(&vmp->vm_hshift, __ATOMIC_RELAXED);

   if (sh < 64 - VM_HASH_PREFETCH) {
      vseg_t **tab = __atomic_load_n(&vmp->vm_hash, __ATOMIC_RELAXED);

      __builtin_prefetch(&tab[(((uint64_t)addr >> vmp->vm_qshift) *
                               0x9e3779b97f4a7c15ull) >> sh]);
   }
}

static vseg_t *
hash_lookup(const emu_vmem_t *vmp, uintptr_t addr)
{
   vseg_t *vs = vmp->vm_hash[hash_index(vmp, addr)];

   while (vs != NULL && vs->vs_start != addr) {
      vs = vs->vs_knext;
   }
   return vs;
}

/* ---- Wakeups (section 7) --------------------------------------------- */

/* Threads sleeping on an arena whose source is an arena. */
static int vmem_chain_waiters;

static void
wake_importers(emu_vmem_t *vmp)
{
   emu_vmem_t *c;

   for (c = vmp->vm_importers; c != NULL; c = c->vm_imp_next) {
      emu_flock_lock(&c->vm_lock);
      c->vm_gen++;
      if (c->vm_nwaiters != 0) {
         emu_fcond_broadcast(&c->vm_cv);
      }
      wake_importers(c);
      emu_flock_unlock(&c->vm_lock);
   }
}

/* Something was freed or added.  => caller holds vm_lock. */
static inline void
vmem_wakeup(emu_vmem_t *vmp)
{
   vmp->vm_gen++;
   if (EMU_UNLIKELY(vmp->vm_nwaiters != 0)) {
      emu_fcond_broadcast(&vmp->vm_cv);
   }
   if (EMU_UNLIKELY(vmp->vm_importers != NULL &&
                    __atomic_load_n(&vmem_chain_waiters,
                                    __ATOMIC_SEQ_CST) != 0)) {
      wake_importers(vmp);
   }
}

/* ---- Handles and reports ------------------------------------------------ */

static emu_report_obj_t
vmem_obj(const emu_vmem_t *vmp)
{
   emu_report_obj_t o = { "arena", vmp->vm_name, vmp };

   return o;
}

static int
vmem_bad_handle(const emu_vmem_t *vmp, const void *caller)
{
   if (EMU_LIKELY(vmp != NULL && vmp->vm_magic == VMEM_MAGIC)) {
      return 0;
   }
   {
      emu_report_obj_t o = { "arena", NULL, vmp };

      emu_report(EMU_RPT_DEAD_HANDLE, &o, caller,
                 "arena handle %p is not a live arena", (const void *)vmp);
   }
   return 1;
}

/* ---- Spans ------------------------------------------------------------- */

/*
 * Add [addr, addr+size) as a span with one free segment.
 * => caller holds vm_lock, has checked the range and made the tag reserve.
 */
static vseg_t *
span_create(emu_vmem_t *vmp, uintptr_t addr, size_t size, int imported)
{
   vseg_t *next = vmp->vm_span0.vs_knext;
   vseg_t *span;
   vseg_t *vs;
   vseg_t *aprev;

   while (next != &vmp->vm_span0 && next->vs_start < addr) {
      next = next->vs_knext;
   }
   span = seg_get(vmp);
   vs = seg_get(vmp);
   memset(span, 0, sizeof *span);
   memset(vs, 0, sizeof *vs);
   span->vs_start = addr;
   span->vs_size = size;
   span->vs_type = VS_SPAN;
   span->vs_import = (uint8_t)(imported != 0);
   /* span list: before next */
   span->vs_knext = next;
   span->vs_kprev = next->vs_kprev;
   next->vs_kprev->vs_knext = span;
   next->vs_kprev = span;
   /* address list: before next's tag (or at the end) */
   aprev = (next == &vmp->vm_span0) ? vmp->vm_seg0.vs_aprev : next->vs_aprev;
   aseg_insert_after(aprev, span);
   vs->vs_start = addr;
   vs->vs_size = size;
   aseg_insert_after(span, vs);
   fl_insert(vmp, vs);
   vmp->vm_nspans++;
   vmp->vm_total += size;
   if (imported) {
      vmp->vm_imported += size;
      vmp->vm_nimport++;
   }
   return span;
}

/* Does [addr, addr+size) overlap a span?  => caller holds vm_lock. */
static int
span_overlaps(const emu_vmem_t *vmp, uintptr_t addr, size_t size)
{
   const vseg_t *sp;

   for (sp = vmp->vm_span0.vs_knext; sp != &vmp->vm_span0;
        sp = sp->vs_knext) {
      if (addr < sp->vs_start + sp->vs_size && sp->vs_start < addr + size) {
         return 1;
      }
   }
   return 0;
}

/*
 * Remove imported span `span` whose only segment, vs, is free and off the
 * free lists.  The caller gives the range back to the source after
 * dropping the lock.  => caller holds vm_lock.
 */
static void
span_remove(emu_vmem_t *vmp, vseg_t *span, vseg_t *vs)
{
   aseg_remove(vmp, vs);
   aseg_remove(vmp, span);
   span->vs_kprev->vs_knext = span->vs_knext;
   span->vs_knext->vs_kprev = span->vs_kprev;
   vmp->vm_nspans--;
   vmp->vm_total -= span->vs_size;
   vmp->vm_imported -= span->vs_size;
   vmp->vm_nexport++;
   seg_put(vmp, vs);
   seg_put(vmp, span);
}

/* ---- Requests and fits (section 4) ----------------------------------- */

typedef struct vreq {
   size_t       size;
   size_t       align;        /* >= quantum */
   size_t       phase;
   size_t       nocross;      /* 0: none */
   uintptr_t    minaddr;
   uintptr_t    maxaddr;      /* exclusive bound on addr+size; UINTPTR_MAX: none */
   int          constrained;  /* window or nocross */
   int          policy;       /* one EMU_VM_*FIT */
   int          sleep;
   uint64_t     deadline;     /* 0: none */
   const void  *caller;
} vreq_t;

/* The lowest x' >= x with x' % align == phase (x' < x when it wraps). */
static inline uintptr_t
phase_up(uintptr_t x, size_t align, size_t phase)
{
   return (uintptr_t)phase - (((uintptr_t)phase - x) & -(uintptr_t)align);
}

static inline int
crosses(uintptr_t a, size_t size, size_t nocross)
{
   return ((a ^ (a + size - 1)) & ~((uintptr_t)nocross - 1)) != 0;
}

/*
 * The lowest address in free segment vs that satisfies r, in *ap.
 * Returns 1 when there is one.
 */
static inline int
seg_fit(const emu_vmem_t *vmp, const vseg_t *vs, const vreq_t *r,
        uintptr_t *ap)
{
   uintptr_t lo = vs->vs_start;
   uintptr_t hi = vs->vs_start + vs->vs_size;
   uintptr_t a;

   if (lo < r->minaddr) {
      lo = r->minaddr;
   }
   if (hi > r->maxaddr) {
      hi = r->maxaddr;
   }
   if (hi <= lo || hi - lo < r->size) {
      return 0;
   }
   a = lo;
   if (r->align > vmp->vm_quantum) {
      a = phase_up(lo, r->align, r->phase);
      if (a < lo || a > hi || hi - a < r->size) {
         return 0;
      }
   }
   if (r->nocross != 0 && crosses(a, r->size, r->nocross)) {
      uintptr_t b = (a + r->size - 1) & ~((uintptr_t)r->nocross - 1);

      a = phase_up(b, r->align, r->phase);
      if (a < b || a > hi || hi - a < r->size ||
          crosses(a, r->size, r->nocross)) {
         return 0;
      }
   }
   *ap = a;
   return 1;
}

/*
 * Look through the free lists from list `from` upward.  lcap bounds the
 * segments looked at per list, tcap in all.  First fit returns the first
 * segment that fits; best fit the smallest in the first list holding one.
 * => caller holds vm_lock.
 */
static vseg_t *
fl_scan(const emu_vmem_t *vmp, const vreq_t *r, unsigned from, size_t lcap,
        size_t tcap, int best, uintptr_t *ap)
{
   unsigned i;
   size_t seen = 0;

   for (i = list_next_nonempty(vmp, from); i < VM_NLISTS;
        i = list_next_nonempty(vmp, i + 1)) {
      const vflist_t *fl = &vmp->vm_fl[i];
      vseg_t *pick = NULL;
      uintptr_t pa = 0;
      size_t n = 0;
      uint32_t k;

      for (k = fl->fl_n; k > 0; k--) {      /* from the head down */
         vseg_t *vs = fl->fl_slot[k - 1];
         uintptr_t a;

         if (n >= lcap || seen >= tcap) {
            break;
         }
         n++;
         seen++;
         if (!seg_fit(vmp, vs, r, &a)) {
            continue;
         }
         if (!best) {
            *ap = a;
            return vs;
         }
         if (pick == NULL || vs->vs_size < pick->vs_size) {
            pick = vs;
            pa = a;
            if (vs->vs_size == r->size) {
               break;
            }
         }
      }
      if (pick != NULL) {
         *ap = pa;
         return pick;
      }
      if (seen >= tcap) {
         break;
      }
   }
   return NULL;
}

/*
 * Next fit: the first free segment that fits at or after the end of the
 * last next-fit allocation (vm_rotor_addr), wrapping round once.  vm_rotor
 * is the segment where the forward pass starts (the last one allocated, or
 * its predecessor once that went away); pass one looks only above
 * vm_rotor_addr, the wrap pass covers the rest.
 */
static vseg_t *
nextfit_scan(const emu_vmem_t *vmp, const vreq_t *r, uintptr_t *ap)
{
   const vseg_t *head = &vmp->vm_seg0;
   const vseg_t *start = vmp->vm_rotor;
   vseg_t *vs;
   vreq_t clip = *r;
   int seen = start == head;

   if (clip.minaddr < vmp->vm_rotor_addr) {
      clip.minaddr = vmp->vm_rotor_addr;
   }
   vs = (start == head) ? head->vs_anext : (vseg_t *)start;
   for (; vs != head; vs = vs->vs_anext) {
      if (vs->vs_type == VS_FREE &&
          vs->vs_start + vs->vs_size > vmp->vm_rotor_addr &&
          seg_fit(vmp, vs, &clip, ap)) {
         return vs;
      }
   }
   /* wrap: everything up to the rotor and all that starts below its
    * address (a split can move the rotor segment's start past it) */
   for (vs = head->vs_anext; vs != head; vs = vs->vs_anext) {
      if (vs->vs_type == VS_FREE && seg_fit(vmp, vs, r, ap)) {
         return vs;
      }
      if (vs == start) {
         seen = 1;
      }
      if (seen && vs->vs_start >= vmp->vm_rotor_addr) {
         break;
      }
   }
   return NULL;
}

/*
 * Free segments on no list (their list could not grow: host out of
 * memory), by a walk of the address list.  => caller holds vm_lock.
 */
static vseg_t * __attribute__((noinline, cold))
unlisted_scan(const emu_vmem_t *vmp, const vreq_t *r, uintptr_t *ap)
{
   vseg_t *vs;

   for (vs = vmp->vm_seg0.vs_anext; vs != &vmp->vm_seg0; vs = vs->vs_anext) {
      if (vs->vs_type == VS_FREE && vs->vs_list == VM_UNLISTED &&
          seg_fit(vmp, vs, r, ap)) {
         return vs;
      }
   }
   return NULL;
}

/* Find a free segment for r.  => caller holds vm_lock. */
static inline vseg_t *
vmem_search(const emu_vmem_t *vmp, const vreq_t *r, uintptr_t *ap)
{
   uint64_t q = r->size >> vmp->vm_qshift;
   vseg_t *vs;

   if (EMU_LIKELY(r->policy == EMU_VM_INSTANTFIT)) {
      uint64_t sq = q;
      size_t cap = r->constrained ? VM_XSCAN : 1;

      if (r->align > vmp->vm_quantum) {
         sq += (r->align - vmp->vm_quantum) >> vmp->vm_qshift;
      }
      if (EMU_LIKELY(!r->constrained && sq >= q)) {
         /* Every segment on these lists fits: take the head. */
         unsigned i = list_next_nonempty(vmp, list_fit(sq));

         if (EMU_LIKELY(i < VM_NLISTS)) {
            vs = fl_head(vmp, i);
            *ap = r->align > vmp->vm_quantum
                     ? phase_up(vs->vs_start, r->align, r->phase)
                     : vs->vs_start;
            return vs;
         }
      }
      vs = fl_scan(vmp, r, sq < q ? VM_NLISTS : list_fit(sq), cap, cap, 0,
                   ap);
      if (EMU_LIKELY(vs != NULL)) {
         return vs;
      }
   } else if (r->policy == EMU_VM_BESTFIT) {
      vs = fl_scan(vmp, r, list_of(q), VM_BEST_SCAN, SIZE_MAX, 1, ap);
      if (vs != NULL) {
         return vs;
      }
   } else {
      return nextfit_scan(vmp, r, ap);
   }
   /* Exhaustive first fit: fails only when nothing can hold r. */
   vs = fl_scan(vmp, r, list_of(q), SIZE_MAX, SIZE_MAX, 0, ap);
   if (EMU_UNLIKELY(vs == NULL && vmp->vm_nunlisted != 0)) {
      vs = unlisted_scan(vmp, r, ap);
   }
   return vs;
}

/*
 * Allocate [a, a+size) out of free segment vs; returns the allocated tag.
 * A remainder keeps vs's tag (and its list place when its list does not
 * change), so a split touches no free-list neighbour in the common case.
 * => caller holds vm_lock and made the tag reserve.
 */
static inline __attribute__((always_inline)) vseg_t *
seg_carve(emu_vmem_t *vmp, vseg_t *vs, uintptr_t a, size_t size,
          const void *caller)
{
   uintptr_t start = vs->vs_start;
   uintptr_t end = start + vs->vs_size;
   vseg_t *as;

   /* The tag a split may write and the bucket the new segment goes to
    * (section 3): start both before the list work. */
   __builtin_prefetch(vs->vs_aprev, 1);
   hash_prefetch(vmp, a);

   /* A free segment's neighbours are never free (section 3): the segments
    * around the allocated piece learn what now borders them. */
   if (EMU_UNLIKELY(a + size == end && a == start)) {
      fl_remove(vmp, vs);            /* exact fit: the tag changes type */
      as = vs;
      as->vs_pfree = 0;
      as->vs_nfree = 0;
      as->vs_aprev->vs_nfree = 0;
      as->vs_anext->vs_pfree = 0;
   } else {
      as = seg_get(vmp);
      as->vs_start = a;
      if (a + size < end) {
         /* vs keeps the piece after; a piece before gets a tag too */
         vseg_t *l = vs->vs_aprev;

         aseg_insert_between(l, vs, as);
         if (EMU_UNLIKELY(a > start)) {
            vseg_t *t = seg_get(vmp);

            t->vs_start = start;
            t->vs_size = a - start;
            t->vs_caller = NULL;
            aseg_insert_between(l, as, t);
            fl_insert(vmp, t);
            as->vs_pfree = 1;
         } else {
            l->vs_nfree = 0;
            as->vs_pfree = 0;
         }
         as->vs_nfree = 1;
         vs->vs_start = a + size;
         vs->vs_size = end - (a + size);
      } else {
         /* nothing after: vs keeps the piece before */
         aseg_insert_after(vs, as);
         as->vs_pfree = 1;
         as->vs_nfree = 0;
         as->vs_anext->vs_pfree = 0;
         vs->vs_size = a - start;
      }
      fl_relist(vmp, vs);
   }
   as->vs_size = size;
   as->vs_type = VS_ALLOC;
   as->vs_caller = caller;
   hash_insert(vmp, as);
   vmp->vm_inuse += size;
   vmp->vm_nalloc++;
   return as;
}

/* ---- Allocation and free --------------------------------------------- */

/* How much to import for r; 0 when it cannot be expressed. */
static size_t
import_size(const emu_vmem_t *vmp, const vreq_t *r)
{
   size_t q = vmp->vm_quantum;
   size_t extra = 0;
   size_t isz;

   if (r->align > q) {
      extra = r->align - q;
      /* A source that aligns imports this big needs no slack for it. */
      if (r->align <= vmp->vm_import_align && r->phase == 0 &&
          r->size >= vmp->vm_import_align) {
         extra = 0;
      }
   }
   if (r->nocross != 0) {
      extra = 2 * r->align + r->size;
   }
   if (r->size > SIZE_MAX - extra) {
      return 0;
   }
   isz = r->size + extra;
   if (isz < vmp->vm_import_min) {
      isz = vmp->vm_import_min;
   }
   if (vmp->vm_source_arena != NULL) {
      q = vmp->vm_source_arena->vm_quantum;
   }
   if (isz > SIZE_MAX - (q - 1)) {
      return 0;
   }
   return (isz + q - 1) & ~(q - 1);
}

/*
 * Import a span for r.  Returns the new span, or NULL.
 * => caller holds vm_lock; dropped and retaken around the source call.
 */
static vseg_t *
vmem_import(emu_vmem_t *vmp, const vreq_t *r)
{
   size_t isz = import_size(vmp, r);
   uintptr_t addr = 0;
   emu_status_t st;
   vseg_t *span;

   if (isz == 0) {
      return NULL;
   }
   emu_flock_unlock(&vmp->vm_lock);
   st = vmp->vm_import(vmp->vm_source, isz, EMU_VM_NOSLEEP, &addr);
   emu_flock_lock(&vmp->vm_lock);
   if (st != EMU_OK) {
      return NULL;
   }
   EMU_ASSERT((addr & (vmp->vm_quantum - 1)) == 0);
   EMU_ASSERT(isz - 1 <= UINTPTR_MAX - addr);
   EMU_ASSERT(!span_overlaps(vmp, addr, isz));
   if (seg_reserve(vmp) != 0) {
      emu_flock_unlock(&vmp->vm_lock);
      if (vmp->vm_release != NULL) {
         vmp->vm_release(vmp->vm_source, addr, isz);
      }
      emu_flock_lock(&vmp->vm_lock);
      return NULL;
   }
   span = span_create(vmp, addr, isz, 1);
   vmem_wakeup(vmp);
   return span;
}

/*
 * The allocator proper: search, import, sleep.
 * => r is validated; caller holds vm_lock, which this drops.
 */
static emu_status_t __attribute__((noinline))
vmem_do_alloc_locked(emu_vmem_t *vmp, const vreq_t *r, uintptr_t *addrp)
{
   emu_status_t st;
   int chained = 0;
   int reaped = 0;
   int may_import = vmp->vm_import != NULL;
   vseg_t *fresh = NULL;      /* span imported for r, not yet used */

   for (;;) {
      vseg_t *vs;
      uintptr_t a;
      uint64_t gen;

      if (EMU_UNLIKELY(seg_reserve(vmp) != 0)) {
         st = EMU_NOMEM;
         break;
      }
      vs = vmem_search(vmp, r, &a);
      if (EMU_LIKELY(vs != NULL)) {
         vs = seg_carve(vmp, vs, a, r->size, r->caller);
         if (r->policy == EMU_VM_NEXTFIT) {
            vmp->vm_rotor = vs;
            vmp->vm_rotor_addr = a + r->size;
         }
         *addrp = a;
         st = EMU_OK;
         break;
      }
      if (fresh != NULL) {
         /* The import could not serve r (window, nocross): give it back
          * rather than keep a wholly free imported span.  The lock was
          * held since the import, so the span is still untouched. */
         vseg_t *fspan = fresh;
         vseg_t *fvs = fresh->vs_anext;
         uintptr_t fa = fspan->vs_start;
         size_t fsz = fspan->vs_size;

         fresh = NULL;
         EMU_ASSERT(fvs->vs_type == VS_FREE && fvs->vs_size == fsz);
         if (vmp->vm_release != NULL) {
            fl_remove(vmp, fvs);
            span_remove(vmp, fspan, fvs);
            emu_flock_unlock(&vmp->vm_lock);
            vmp->vm_release(vmp->vm_source, fa, fsz);
            emu_flock_lock(&vmp->vm_lock);
         }
      }
      if (EMU_UNLIKELY(!reaped && vmp->vm_nqcache != 0 &&
                       vmp->vm_qops->qc_reap != NULL &&
                       r->caller != (const void *)vmp->vm_qops)) {
         /* Segments sitting in the quantum caches may be what r needs. */
         size_t i;

         reaped = 1;
         emu_flock_unlock(&vmp->vm_lock);
         for (i = 0; i < vmp->vm_nqcache; i++) {
            if (vmp->vm_qcache[i] != NULL) {
               vmp->vm_qops->qc_reap(vmp->vm_qcache[i]);
            }
         }
         emu_flock_lock(&vmp->vm_lock);
         continue;
      }
      gen = vmp->vm_gen;
      if (may_import) {
         if (r->sleep && vmp->vm_source_arena != NULL && !chained) {
            __atomic_add_fetch(&vmem_chain_waiters, 1, __ATOMIC_SEQ_CST);
            chained = 1;
         }
         fresh = vmem_import(vmp, r);
         if (fresh != NULL) {
            /* An import that still does not fit r is not repeated. */
            may_import = 0;
            continue;
         }
      }
      if (!r->sleep) {
         st = EMU_NOMEM;
         break;
      }
      if (vmp->vm_gen != gen) {
         continue;                /* something changed while unlocked */
      }
      if (r->deadline != 0 && emu_clock_mono_ns() >= r->deadline) {
         st = EMU_TIMEOUT;
         break;
      }
      /* atomic: emu_vmem_has_waiters reads it without the lock */
      __atomic_store_n(&vmp->vm_nwaiters, vmp->vm_nwaiters + 1,
                       __ATOMIC_RELAXED);
      vmp->vm_nwait++;
      if (r->deadline != 0) {
         (void)emu_fcond_timedwait(&vmp->vm_cv, &vmp->vm_lock, r->deadline);
      } else {
         emu_fcond_wait(&vmp->vm_cv, &vmp->vm_lock);
      }
      __atomic_store_n(&vmp->vm_nwaiters, vmp->vm_nwaiters - 1,
                       __ATOMIC_RELAXED);
      may_import = vmp->vm_import != NULL;
   }
   if (st != EMU_OK) {
      vmp->vm_nfail++;
   }
   emu_flock_unlock(&vmp->vm_lock);
   if (chained) {
      __atomic_sub_fetch(&vmem_chain_waiters, 1, __ATOMIC_SEQ_CST);
   }
   return st;
}

/* The same, taking vm_lock. */
static emu_status_t
vmem_do_alloc(emu_vmem_t *vmp, const vreq_t *r, uintptr_t *addrp)
{
   emu_flock_lock(&vmp->vm_lock);
   return vmem_do_alloc_locked(vmp, r, addrp);
}

static void vmem_describe_locked(emu_vmem_t *vmp, uintptr_t addr, char *buf,
                                 size_t len);

/* A free that matches no allocated segment.  => caller holds vm_lock. */
static void __attribute__((noinline, cold))
vmem_bad_free(emu_vmem_t *vmp, uintptr_t addr, size_t size,
              const void *caller)
{
   char what[256];
   emu_report_obj_t o = vmem_obj(vmp);

   vmem_describe_locked(vmp, addr, what, sizeof what);
   emu_report(EMU_RPT_BAD_SEGMENT, &o, caller,
              "free of [%#lx, +%#lx) matches no allocated segment: %s",
              (unsigned long)addr, (unsigned long)size, what);
}

/*
 * Segments held by quantum-cache boxes carry the ops table as their caller;
 * only the cache itself may free them (section 8).  1 (and a report) when
 * someone else tries.  => caller holds vm_lock.
 */
static int __attribute__((noinline))
vmem_free_is_cached(emu_vmem_t *vmp, uintptr_t addr, size_t size,
                    const void *caller)
{
   vseg_t *vs = hash_lookup(vmp, addr);
   emu_report_obj_t o;

   if (vs == NULL || vs->vs_caller != (const void *)vmp->vm_qops ||
       caller == (const void *)vmp->vm_qops) {
      return 0;
   }
   o = vmem_obj(vmp);
   emu_report(EMU_RPT_BAD_SEGMENT, &o, caller,
              "free of [%#lx, +%#lx): the segment is free already (held by "
              "the arena's quantum cache)", (unsigned long)addr,
              (unsigned long)size);
   return 1;
}

/*
 * Return [addr, addr+size) to the arena, coalescing with free neighbours
 * and exporting a wholly free imported span.
 * => takes vm_lock; never blocks.
 */
static inline __attribute__((always_inline)) void
vmem_do_free(emu_vmem_t *vmp, uintptr_t addr, size_t size,
             const void *caller)
{
   vseg_t *vs;
   vseg_t *prev;
   vseg_t *next;
   vseg_t *span;
   int pfree;
   int nfree;
   uintptr_t raddr = 0;
   size_t rsize = 0;

   emu_flock_lock(&vmp->vm_lock);
   if (EMU_UNLIKELY(vmp->vm_nqcache != 0) &&
       vmem_free_is_cached(vmp, addr, size, caller)) {
      emu_flock_unlock(&vmp->vm_lock);
      return;
   }
   vs = (size != 0) ? hash_remove(vmp, addr, size) : NULL;
   if (EMU_UNLIKELY(vs == NULL)) {
      vmem_bad_free(vmp, addr, size, caller);
      emu_flock_unlock(&vmp->vm_lock);
      return;
   }
   /* In a big arena the neighbours are cache misses: start both at once
    * (with intent to write), and their list slots as soon as we know they
    * are free, instead of one dependent miss after another. */
   prev = vs->vs_aprev;
   next = vs->vs_anext;
   __builtin_prefetch(prev, 1);
   __builtin_prefetch(next, 1);
   vmp->vm_inuse -= size;
   vmp->vm_nfree++;

   /* Coalesce.  A free neighbour keeps its tag (and, when its list does
    * not change, its place on the list); vs's tag goes back.  vs's flags
    * say which neighbours are free, so an allocated neighbour is only
    * written (it learns that a free segment borders it), never read. */
   pfree = vs->vs_pfree;
   nfree = vs->vs_nfree;
   if (pfree) {
      fl_prefetch(vmp, prev);
      if (nfree) {
         fl_prefetch(vmp, next);
      }
      prev->vs_size += size;
      aseg_remove(vmp, vs);
      seg_put(vmp, vs);
      if (nfree) {
         fl_remove(vmp, next);
         prev->vs_size += next->vs_size;
         aseg_remove(vmp, next);
         seg_put(vmp, next);
      } else {
         next->vs_pfree = 1;
      }
      vs = prev;
      fl_relist(vmp, vs);
   } else if (nfree) {
      fl_prefetch(vmp, next);
      prev->vs_nfree = 1;
      next->vs_start = addr;
      next->vs_size += size;
      aseg_remove(vmp, vs);
      seg_put(vmp, vs);
      vs = next;
      fl_relist(vmp, vs);
   } else {
      prev->vs_nfree = 1;
      next->vs_pfree = 1;
      vs->vs_caller = NULL;
      fl_insert(vmp, vs);
   }
   span = vs->vs_aprev;
   if (EMU_UNLIKELY(vmp->vm_imported != 0 && vmp->vm_release != NULL &&
                    span->vs_type == VS_SPAN && span->vs_import &&
                    span->vs_size == vs->vs_size)) {
      raddr = span->vs_start;
      rsize = span->vs_size;
      fl_remove(vmp, vs);
      span_remove(vmp, span, vs);
   }
   vmem_wakeup(vmp);
   emu_flock_unlock(&vmp->vm_lock);
   if (rsize != 0) {
      vmp->vm_release(vmp->vm_source, raddr, rsize);
   }
}

/* ---- Argument checks --------------------------------------------------- */

static inline int
is_p2(size_t x)
{
   return x != 0 && (x & (x - 1)) == 0;
}

/* Fill policy and sleep from flags; EMU_BADPARAM on nonsense. */
static inline emu_status_t
flags_check(const emu_vmem_t *vmp, int flags, vreq_t *r)
{
   int b = flags & EMU_VM_BLOCKMASK;
   int p = flags & EMU_VM_POLICYMASK;

   if (EMU_UNLIKELY((b != EMU_VM_SLEEP && b != EMU_VM_NOSLEEP) ||
                    (p & (p - 1)) != 0 ||
                    (flags & ~(EMU_VM_BLOCKMASK | EMU_VM_POLICYMASK |
                               EMU_VM_BYPASS_QCACHE)) != 0)) {
      return EMU_BADPARAM;
   }
   r->policy = p != 0 ? p : vmp->vm_policy;
   r->sleep = b == EMU_VM_SLEEP;
   return EMU_OK;
}

/* flags are exactly SLEEP or NOSLEEP with INSTANTFIT: valid, instant fit. */
static inline int
flags_plain_instant(int flags)
{
   unsigned b = (unsigned)(flags ^ EMU_VM_INSTANTFIT);

   return b - 1u < 2u;          /* b is EMU_VM_SLEEP (1) or NOSLEEP (2) */
}

EMU_STATIC_ASSERT(EMU_VM_SLEEP == 1 && EMU_VM_NOSLEEP == 2,
                  "flags_plain_instant tests the block bits as 1 and 2");

static inline int
size_bad(const emu_vmem_t *vmp, size_t size)
{
   return size == 0 || (size & (vmp->vm_quantum - 1)) != 0;
}

/* ---- Public: allocation ------------------------------------------------- */

/* Everything but an unconstrained instant fit.  => caller holds vm_lock. */
static emu_status_t __attribute__((noinline))
vmem_alloc_slow(emu_vmem_t *vmp, size_t size, int policy, int sleep,
                uint64_t deadline, const void *caller, uintptr_t *addrp)
{
   vreq_t r;

   r.size = size;
   r.align = vmp->vm_quantum;
   r.phase = 0;
   r.nocross = 0;
   r.minaddr = 0;
   r.maxaddr = UINTPTR_MAX;
   r.constrained = 0;
   r.policy = policy;
   r.sleep = sleep;
   r.deadline = deadline;
   r.caller = caller;
   return vmem_do_alloc_locked(vmp, &r, addrp);
}

static inline emu_status_t
vmem_alloc_common(emu_vmem_t *vmp, size_t size, int flags,
                  uint64_t deadline, const void *caller, uintptr_t *addrp)
{
   vreq_t r;
   emu_status_t st;

   if (EMU_UNLIKELY(vmem_bad_handle(vmp, caller))) {
      return EMU_BADHANDLE;
   }
   if (EMU_UNLIKELY(addrp == NULL || size_bad(vmp, size))) {
      return EMU_BADPARAM;
   }
   if (EMU_LIKELY(flags_plain_instant(flags))) {
      /* the common case, checked in one compare (flags_check agrees) */
      r.policy = EMU_VM_INSTANTFIT;
      r.sleep = (flags & EMU_VM_SLEEP) != 0;
   } else {
      st = flags_check(vmp, flags, &r);
      if (EMU_UNLIKELY(st != EMU_OK)) {
         return st;
      }
   }
   if (size <= vmp->vm_qcache_max && vmp->vm_nqcache != 0 &&
       (flags & EMU_VM_BYPASS_QCACHE) == 0 && deadline == 0) {
      void *c = vmp->vm_qcache[(size >> vmp->vm_qshift) - 1];

      if (c != NULL) {
         return vmp->vm_qops->qc_alloc(c, flags & ~EMU_VM_POLICYMASK, caller,
                                       addrp);
      }
   }
   if (EMU_LIKELY(r.policy == EMU_VM_INSTANTFIT)) {
      emu_flock_lock(&vmp->vm_lock);
      if (EMU_LIKELY(vmp->vm_nsegfree >= VM_SEG_RESERVE)) {
         /* Instant fit inline: the head of the first list that fits. */
         unsigned i = list_next_nonempty(vmp,
                                         list_fit(size >> vmp->vm_qshift));

         if (EMU_LIKELY(i < VM_NLISTS)) {
            vseg_t *vs = fl_head(vmp, i);
            uintptr_t a = vs->vs_start;

            (void)seg_carve(vmp, vs, a, size, caller);
            emu_flock_unlock(&vmp->vm_lock);
            *addrp = a;
            return EMU_OK;
         }
      }
      return vmem_alloc_slow(vmp, size, r.policy, r.sleep, deadline, caller,
                             addrp);
   }
   r.size = size;
   r.align = vmp->vm_quantum;
   r.phase = 0;
   r.nocross = 0;
   r.minaddr = 0;
   r.maxaddr = UINTPTR_MAX;
   r.constrained = 0;
   r.deadline = deadline;
   r.caller = caller;
   return vmem_do_alloc(vmp, &r, addrp);
}

emu_status_t
emu_vmem_alloc(emu_vmem_t *vmp, size_t size, int flags, uintptr_t *addrp)
{
   return vmem_alloc_common(vmp, size, flags, 0, EMU_CALLER(), addrp);
}

emu_status_t
emu_vmem_alloc_ra(emu_vmem_t *vmp, size_t size, int flags,
                  const void *caller, uintptr_t *addrp)
{
   return vmem_alloc_common(vmp, size, flags, 0, caller, addrp);
}

emu_status_t
emu_vmem_alloc_timed(emu_vmem_t *vmp, size_t size, uint64_t deadline_ns,
                     const void *caller, uintptr_t *addrp)
{
   return vmem_alloc_common(vmp, size, EMU_VM_SLEEP, deadline_ns,
                            caller != NULL ? caller : EMU_CALLER(), addrp);
}

emu_status_t
emu_vmem_xalloc(emu_vmem_t *vmp, const emu_vmem_req_t *req, uintptr_t *addrp)
{
   vreq_t r;
   emu_status_t st;
   size_t q;
   const void *caller;

   caller = (req != NULL && req->caller != NULL) ? req->caller
                                                 : EMU_CALLER();
   if (vmem_bad_handle(vmp, caller)) {
      return EMU_BADHANDLE;
   }
   if (req == NULL || addrp == NULL || size_bad(vmp, req->size)) {
      return EMU_BADPARAM;
   }
   st = flags_check(vmp, req->flags, &r);
   if (st != EMU_OK) {
      return st;
   }
   q = vmp->vm_quantum;
   r.size = req->size;
   r.align = req->align != 0 ? req->align : q;
   r.phase = req->phase;
   r.nocross = req->nocross;
   r.minaddr = req->minaddr;
   r.maxaddr = req->maxaddr != 0 ? req->maxaddr : UINTPTR_MAX;
   r.deadline = req->deadline_ns;
   r.caller = caller;
   if (!is_p2(r.align) || r.align < q || r.phase >= r.align ||
       (r.phase & (q - 1)) != 0) {
      return EMU_BADPARAM;
   }
   if (r.nocross != 0 &&
       (!is_p2(r.nocross) || r.nocross < r.size ||
        (r.phase & (r.nocross - 1)) + r.size > r.nocross)) {
      return EMU_BADPARAM;
   }
   if ((r.minaddr & (q - 1)) != 0 ||
       (req->maxaddr != 0 && (r.maxaddr & (q - 1)) != 0)) {
      return EMU_BADPARAM;
   }
   if (req->maxaddr != 0 || r.minaddr != 0) {
      uintptr_t a = r.align > q ? phase_up(r.minaddr, r.align, r.phase)
                                : r.minaddr;

      if (a < r.minaddr || a > r.maxaddr || r.maxaddr - a < r.size) {
         return EMU_BADPARAM;       /* the window cannot hold the size */
      }
   }
   r.constrained = r.nocross != 0 || r.minaddr != 0 || req->maxaddr != 0;
   if (EMU_LIKELY(!r.constrained && r.policy == EMU_VM_INSTANTFIT)) {
      /* Aligned instant fit inline (section 4), as vmem_search would do
       * it: the head of the first list whose segments all hold size +
       * align - quantum, carved at its first address with the phase. */
      uint64_t sq = (r.size + (r.align - q)) >> vmp->vm_qshift;

      emu_flock_lock(&vmp->vm_lock);
      if (EMU_LIKELY(vmp->vm_nsegfree >= VM_SEG_RESERVE &&
                     r.size <= r.size + (r.align - q))) {
         unsigned i = list_next_nonempty(vmp, list_fit(sq));

         if (EMU_LIKELY(i < VM_NLISTS)) {
            vseg_t *vs = fl_head(vmp, i);
            uintptr_t a = phase_up(vs->vs_start, r.align, r.phase);

            (void)seg_carve(vmp, vs, a, r.size, caller);
            emu_flock_unlock(&vmp->vm_lock);
            *addrp = a;
            return EMU_OK;
         }
      }
      return vmem_do_alloc_locked(vmp, &r, addrp);
   }
   return vmem_do_alloc(vmp, &r, addrp);
}

/* ---- Public: free ------------------------------------------------------ */

static inline void
vmem_free_common(emu_vmem_t *vmp, uintptr_t addr, size_t size,
                 const void *caller, int x)
{
   if (EMU_UNLIKELY(vmem_bad_handle(vmp, caller))) {
      return;
   }
   if (!x && size <= vmp->vm_qcache_max && vmp->vm_nqcache != 0 &&
       size != 0 && (size & (vmp->vm_quantum - 1)) == 0) {
      void *c = vmp->vm_qcache[(size >> vmp->vm_qshift) - 1];

      if (c != NULL) {
         vmp->vm_qops->qc_free(c, addr, caller);
         return;
      }
   }
   hash_prefetch(vmp, addr);
   vmem_do_free(vmp, addr, size, caller);
}

void
emu_vmem_free(emu_vmem_t *vmp, uintptr_t addr, size_t size)
{
   vmem_free_common(vmp, addr, size, EMU_CALLER(), 0);
}

void
emu_vmem_free_ra(emu_vmem_t *vmp, uintptr_t addr, size_t size,
                 const void *caller)
{
   vmem_free_common(vmp, addr, size, caller, 0);
}

void
emu_vmem_xfree(emu_vmem_t *vmp, uintptr_t addr, size_t size)
{
   vmem_free_common(vmp, addr, size, EMU_CALLER(), 1);
}

void
emu_vmem_xfree_ra(emu_vmem_t *vmp, uintptr_t addr, size_t size,
                  const void *caller)
{
   vmem_free_common(vmp, addr, size, caller, 1);
}

emu_status_t
emu_vmem_source_alloc(void *source, size_t size, int flags, uintptr_t *addrp)
{
   return emu_vmem_alloc_ra(source, size, flags & EMU_VM_BLOCKMASK,
                            EMU_CALLER(), addrp);
}

void
emu_vmem_source_free(void *source, uintptr_t addr, size_t size)
{
   emu_vmem_free_ra(source, addr, size, EMU_CALLER());
}

/* ---- Public: spans ----------------------------------------------------- */

emu_status_t
emu_vmem_add(emu_vmem_t *vmp, uintptr_t addr, size_t size, int flags)
{
   emu_status_t st = EMU_OK;

   if (vmem_bad_handle(vmp, EMU_CALLER())) {
      return EMU_BADHANDLE;
   }
   if (size_bad(vmp, size) || (addr & (vmp->vm_quantum - 1)) != 0 ||
       size > UINTPTR_MAX - addr ||
       (flags & ~EMU_VM_BLOCKMASK) != 0) {
      return EMU_BADPARAM;
   }
   emu_flock_lock(&vmp->vm_lock);
   if (span_overlaps(vmp, addr, size)) {
      st = EMU_BADPARAM;
   } else if (seg_reserve(vmp) != 0) {
      st = EMU_NOMEM;
   } else {
      span_create(vmp, addr, size, 0);
      vmem_wakeup(vmp);
   }
   emu_flock_unlock(&vmp->vm_lock);
   return st;
}

/* ---- Quantum caches (section 8) --------------------------------------- */

static const emu_vmem_qcache_ops_t *vmem_qops;
static void *vmem_qops_ctx;

void
emu_vmem_set_qcache_ops(const emu_vmem_qcache_ops_t *ops, void *ctx)
{
   vmem_qops_ctx = ctx;
   __atomic_store_n(&vmem_qops, ops, __ATOMIC_RELEASE);
}

emu_status_t
emu_vmem_qcache_enable(emu_vmem_t *vmp)
{
   const emu_vmem_qcache_ops_t *ops;
   void *caches[VM_QCACHE_MAX];
   size_t n;
   size_t i;

   if (vmem_bad_handle(vmp, EMU_CALLER())) {
      return EMU_BADHANDLE;
   }
   ops = __atomic_load_n(&vmem_qops, __ATOMIC_ACQUIRE);
   if (ops == NULL || vmp->vm_qcache_max == 0) {
      return EMU_NOTSUP;
   }
   if (vmp->vm_nqcache != 0) {
      return EMU_OK;
   }
   n = vmp->vm_qcache_max >> vmp->vm_qshift;
   /* Caches import from this arena: make them with no lock held. */
   for (i = 0; i < n; i++) {
      char name[EMU_VMEM_NAMELEN + 24];

      snprintf(name, sizeof name, "%s_%zu", vmp->vm_name,
               (i + 1) * vmp->vm_quantum);
      caches[i] = ops->qc_create(vmem_qops_ctx, vmp, name,
                                 (i + 1) * vmp->vm_quantum);
   }
   emu_flock_lock(&vmp->vm_lock);
   vmp->vm_qops = ops;
   vmp->vm_qops_ctx = vmem_qops_ctx;
   memcpy(vmp->vm_qcache, caches, n * sizeof caches[0]);
   __atomic_store_n(&vmp->vm_nqcache, n, __ATOMIC_RELEASE);
   emu_flock_unlock(&vmp->vm_lock);
   return EMU_OK;
}

int
emu_vmem_has_waiters(const emu_vmem_t *vmp)
{
   return __atomic_load_n(&vmp->vm_nwaiters, __ATOMIC_RELAXED) != 0;
}

/* ---- Public: create and destroy --------------------------------------- */

emu_status_t
emu_vmem_create(const emu_vmem_props_t *props, emu_vmem_t **vmpp)
{
   emu_vmem_t *vmp;
   emu_vmem_t *src = NULL;
   size_t q;
   size_t pg = emu_host_page_size();
   size_t mapsize = (sizeof *vmp + pg - 1) & ~(pg - 1);
   int p;

   if (props == NULL || vmpp == NULL) {
      return EMU_BADPARAM;
   }
   q = props->quantum;
   p = props->policy;
   if (!is_p2(q) || (props->base & (q - 1)) != 0 ||
       (props->size & (q - 1)) != 0 ||
       props->size > UINTPTR_MAX - props->base ||
       (props->qcache_max & (q - 1)) != 0 ||
       props->qcache_max / q > VM_QCACHE_MAX ||
       (p & ~EMU_VM_POLICYMASK) != 0 || (p & (p - 1)) != 0 ||
       (props->release != NULL && props->import == NULL) ||
       (props->import_min & (q - 1)) != 0 ||
       (props->import_align & (props->import_align - 1)) != 0) {
      return EMU_BADPARAM;
   }
   if (props->import == emu_vmem_source_alloc) {
      src = props->source;
      if (src == NULL || src->vm_magic != VMEM_MAGIC ||
          src->vm_quantum < q) {
         return EMU_BADPARAM;
      }
   }
   vmp = emu_host_map_anon(mapsize);
   if (vmp == NULL) {
      return EMU_NOMEM;
   }
   vmp->vm_mapsize = mapsize;
   snprintf(vmp->vm_name, sizeof vmp->vm_name, "%s",
            props->name != NULL ? props->name : "(anon)");
   vmp->vm_quantum = q;
   vmp->vm_qshift = highbit64(q);
   vmp->vm_policy = p != 0 ? p : EMU_VM_INSTANTFIT;
   vmp->vm_qcache_max = props->qcache_max;
   vmp->vm_import = props->import;
   vmp->vm_release = props->release;
   vmp->vm_source = props->source;
   vmp->vm_source_arena = src;
   vmp->vm_import_min = props->import_min != 0 ? props->import_min : q;
   vmp->vm_import_align = props->import_align;
   emu_flock_init(&vmp->vm_lock);
   emu_fcond_init(&vmp->vm_cv);
   vmp->vm_seg0.vs_anext = vmp->vm_seg0.vs_aprev = &vmp->vm_seg0;
   vmp->vm_seg0.vs_type = VS_HEAD;
   vmp->vm_span0.vs_knext = vmp->vm_span0.vs_kprev = &vmp->vm_span0;
   vmp->vm_span0.vs_type = VS_HEAD;
   vmp->vm_rotor = &vmp->vm_seg0;
   vmp->vm_hash = vmp->vm_hash0;
   vmp->vm_hsize = VM_HASH_MIN;
   vmp->vm_hshift = 64 - highbit64(VM_HASH_MIN);
   hash_bounds(vmp);
   if (props->size != 0) {
      if (depot_get(vmp, VM_SEG_BATCH) != 0) {
         depot_put(vmp, vmp->vm_nsegfree);
         /* futex lock and condition need no teardown */
         emu_host_unmap(vmp, mapsize);
         return EMU_NOMEM;
      }
      span_create(vmp, props->base, props->size, 0);
   }
   vmp->vm_magic = VMEM_MAGIC;
   if (src != NULL) {
      emu_flock_lock(&src->vm_lock);
      vmp->vm_imp_next = src->vm_importers;
      src->vm_importers = vmp;
      emu_flock_unlock(&src->vm_lock);
   }
   if (vmp->vm_qcache_max != 0 && vmem_qops != NULL) {
      (void)emu_vmem_qcache_enable(vmp);
   }
   *vmpp = vmp;
   return EMU_OK;
}

emu_status_t
emu_vmem_create_ids(const char *name, uintptr_t base, size_t count,
                    emu_vmem_t **vmpp)
{
   emu_vmem_props_t props;

   memset(&props, 0, sizeof props);
   props.name = name;
   props.base = base;
   props.size = count;
   props.quantum = 1;
   props.policy = EMU_VM_NEXTFIT;
   return emu_vmem_create(&props, vmpp);
}

static void
caller_text(const void *caller, char *buf, size_t len)
{
   if (caller == NULL) {
      snprintf(buf, len, "(unknown)");
   } else {
      emu_host_symbolize(caller, buf, len, 0);
   }
}

void
emu_vmem_destroy(emu_vmem_t *vmp)
{
   emu_vmem_t *src;
   vseg_t *vs;
   vseg_t *next;
   size_t i;

   if (vmem_bad_handle(vmp, EMU_CALLER())) {
      return;
   }
   /* Quantum caches give their slabs back first. */
   for (i = 0; i < vmp->vm_nqcache; i++) {
      if (vmp->vm_qcache[i] != NULL) {
         vmp->vm_qops->qc_destroy(vmp->vm_qops_ctx, vmp->vm_qcache[i]);
         vmp->vm_qcache[i] = NULL;
      }
   }
   vmp->vm_nqcache = 0;
   src = vmp->vm_source_arena;
   if (src != NULL) {
      emu_vmem_t **pp;

      emu_flock_lock(&src->vm_lock);
      for (pp = &src->vm_importers; *pp != NULL; pp = &(*pp)->vm_imp_next) {
         if (*pp == vmp) {
            *pp = vmp->vm_imp_next;
            break;
         }
      }
      emu_flock_unlock(&src->vm_lock);
   }

   emu_flock_lock(&vmp->vm_lock);
   if (vmp->vm_nallocsegs != 0) {
      emu_report_obj_t o = vmem_obj(vmp);
      uint64_t shown = 0;

      emu_report_begin(EMU_RPT_LEAK, &o, EMU_CALLER(),
                       "arena destroyed with %llu live segment(s), "
                       "%llu unit(s) in use",
                       (unsigned long long)vmp->vm_nallocsegs,
                       (unsigned long long)vmp->vm_inuse);
      for (vs = vmp->vm_seg0.vs_anext; vs != &vmp->vm_seg0;
           vs = vs->vs_anext) {
         char who[256];

         if (vs->vs_type != VS_ALLOC) {
            continue;
         }
         if (shown++ == VM_LEAK_LIST) {
            break;
         }
         caller_text(vs->vs_caller, who, sizeof who);
         emu_report_detail("  [%#lx, +%#lx) allocated by %s",
                           (unsigned long)vs->vs_start,
                           (unsigned long)vs->vs_size, who);
      }
      if (vmp->vm_nallocsegs > VM_LEAK_LIST) {
         emu_report_detail("  ... and %llu more",
                           (unsigned long long)(vmp->vm_nallocsegs -
                                                VM_LEAK_LIST));
      }
      emu_report_end();
   }
   vmp->vm_magic = VMEM_DEAD;
   emu_flock_unlock(&vmp->vm_lock);

   /* Nobody else may use the arena now: tear down without the lock. */
   for (vs = vmp->vm_span0.vs_knext; vs != &vmp->vm_span0;
        vs = vs->vs_knext) {
      if (vs->vs_import && vmp->vm_release != NULL) {
         vmp->vm_release(vmp->vm_source, vs->vs_start, vs->vs_size);
      }
   }
   for (vs = vmp->vm_seg0.vs_anext; vs != &vmp->vm_seg0; vs = next) {
      next = vs->vs_anext;
      vs->vs_type = 0;
      vs->vs_knext = vmp->vm_segfree;
      vmp->vm_segfree = vs;
      vmp->vm_nsegfree++;
   }
   for (i = 0; i < VM_NLISTS; i++) {
      fl_free(vmp, &vmp->vm_fl[i]);
   }
   depot_put(vmp, vmp->vm_nsegfree);
   if (vmp->vm_hash != vmp->vm_hash0) {
      emu_host_unmap(vmp->vm_hash, vmp->vm_hsize * sizeof(vseg_t *));
   }
   /* futex lock and condition need no teardown */
   emu_host_unmap(vmp, vmp->vm_mapsize);
}

/* ---- Public: statistics and introspection ----------------------------- */

void
emu_vmem_stats(emu_vmem_t *vmp, emu_vmem_stats_t *st)
{
   if (vmem_bad_handle(vmp, EMU_CALLER()) || st == NULL) {
      return;
   }
   emu_flock_lock(&vmp->vm_lock);
   st->st_total = vmp->vm_total;
   st->st_imported = vmp->vm_imported;
   st->st_inuse = vmp->vm_inuse;
   st->st_alloc = vmp->vm_nalloc;
   st->st_free = vmp->vm_nfree;
   st->st_fail = vmp->vm_nfail;
   st->st_wait = vmp->vm_nwait;
   st->st_import = vmp->vm_nimport;
   st->st_export = vmp->vm_nexport;
   st->st_nspans = vmp->vm_nspans;
   st->st_nalloc_segs = vmp->vm_nallocsegs;
   st->st_nfree_segs = vmp->vm_nfreesegs;
   st->st_hash_buckets = vmp->vm_hsize;
   st->st_hash_resizes = vmp->vm_nresize;
   emu_flock_unlock(&vmp->vm_lock);
}

const char *
emu_vmem_name(const emu_vmem_t *vmp)
{
   return vmp != NULL ? vmp->vm_name : "(null)";
}

size_t
emu_vmem_quantum(const emu_vmem_t *vmp)
{
   return vmp->vm_quantum;
}

static void
seg_info(const vseg_t *vs, const vseg_t *span, emu_vmem_seginfo_t *si)
{
   si->si_start = vs->vs_start;
   si->si_size = vs->vs_size;
   si->si_type = vs->vs_type;
   si->si_imported = span != NULL && span->vs_import;
   si->si_caller = vs->vs_type == VS_ALLOC ? vs->vs_caller : NULL;
   si->si_span_start = span != NULL ? span->vs_start : 0;
   si->si_span_size = span != NULL ? span->vs_size : 0;
}

void
emu_vmem_walk(emu_vmem_t *vmp, int types, emu_vmem_walk_fn fn, void *arg)
{
   const vseg_t *vs;
   const vseg_t *span = NULL;

   if (vmem_bad_handle(vmp, EMU_CALLER()) || fn == NULL) {
      return;
   }
   emu_flock_lock(&vmp->vm_lock);
   for (vs = vmp->vm_seg0.vs_anext; vs != &vmp->vm_seg0; vs = vs->vs_anext) {
      emu_vmem_seginfo_t si;

      if (vs->vs_type == VS_SPAN) {
         span = vs;
      }
      if ((vs->vs_type & types) == 0) {
         continue;
      }
      seg_info(vs, span, &si);
      if (fn(arg, &si) != 0) {
         break;
      }
   }
   emu_flock_unlock(&vmp->vm_lock);
}

/* => caller holds vm_lock. */
static int
whatis_locked(const emu_vmem_t *vmp, uintptr_t addr, emu_vmem_seginfo_t *si)
{
   const vseg_t *span;
   const vseg_t *vs;

   for (span = vmp->vm_span0.vs_knext; span != &vmp->vm_span0;
        span = span->vs_knext) {
      if (addr - span->vs_start < span->vs_size) {
         break;
      }
   }
   if (span == &vmp->vm_span0) {
      return 0;
   }
   for (vs = span->vs_anext; vs->vs_type & (VS_FREE | VS_ALLOC);
        vs = vs->vs_anext) {
      if (addr - vs->vs_start < vs->vs_size) {
         seg_info(vs, span, si);
         return 1;
      }
   }
   EMU_ASSERT(!"span not tiled by its segments");
   return 0;
}

emu_status_t
emu_vmem_whatis(emu_vmem_t *vmp, uintptr_t addr, emu_vmem_seginfo_t *si)
{
   int found;

   if (vmem_bad_handle(vmp, EMU_CALLER())) {
      return EMU_BADHANDLE;
   }
   if (si == NULL) {
      return EMU_BADPARAM;
   }
   emu_flock_lock(&vmp->vm_lock);
   found = whatis_locked(vmp, addr, si);
   emu_flock_unlock(&vmp->vm_lock);
   return found ? EMU_OK : EMU_NOTFOUND;
}

static void
describe_info(const emu_vmem_t *vmp, uintptr_t addr, int found,
              const emu_vmem_seginfo_t *si, char *buf, size_t len)
{
   char who[256];

   if (!found) {
      snprintf(buf, len, "arena '%s': %#lx is outside every span",
               vmp->vm_name, (unsigned long)addr);
      return;
   }
   if (si->si_type == VS_ALLOC) {
      caller_text(si->si_caller, who, sizeof who);
      snprintf(buf, len, "arena '%s': %#lx is %s allocated segment "
               "[%#lx, +%#lx) from %s", vmp->vm_name, (unsigned long)addr,
               addr == si->si_start ? "the start of" : "inside",
               (unsigned long)si->si_start, (unsigned long)si->si_size, who);
   } else {
      snprintf(buf, len, "arena '%s': %#lx is inside free segment "
               "[%#lx, +%#lx) of %sspan [%#lx, +%#lx)", vmp->vm_name,
               (unsigned long)addr, (unsigned long)si->si_start,
               (unsigned long)si->si_size, si->si_imported ? "imported " : "",
               (unsigned long)si->si_span_start,
               (unsigned long)si->si_span_size);
   }
}

static void
vmem_describe_locked(emu_vmem_t *vmp, uintptr_t addr, char *buf, size_t len)
{
   emu_vmem_seginfo_t si;
   int found = whatis_locked(vmp, addr, &si);

   describe_info(vmp, addr, found, &si, buf, len);
}

void
emu_vmem_describe(emu_vmem_t *vmp, uintptr_t addr, char *buf, size_t len)
{
   if (buf == NULL || len == 0) {
      return;
   }
   if (vmp == NULL || vmp->vm_magic != VMEM_MAGIC) {
      snprintf(buf, len, "arena %p: not a live arena", (void *)vmp);
      return;
   }
   emu_flock_lock(&vmp->vm_lock);
   vmem_describe_locked(vmp, addr, buf, len);
   emu_flock_unlock(&vmp->vm_lock);
}

void
emu_vmem_dump(emu_vmem_t *vmp, size_t max)
{
   const vseg_t *vs;
   size_t n = 0;

   if (vmem_bad_handle(vmp, EMU_CALLER())) {
      return;
   }
   emu_flock_lock(&vmp->vm_lock);
   emu_host_print_err("arena '%s': quantum %#zx, total %#llx, in use %#llx, "
                      "imported %#llx; %llu spans, %llu allocated and %llu "
                      "free segments; %llu allocs, %llu frees, %llu fails\n",
                      vmp->vm_name, vmp->vm_quantum,
                      (unsigned long long)vmp->vm_total,
                      (unsigned long long)vmp->vm_inuse,
                      (unsigned long long)vmp->vm_imported,
                      (unsigned long long)vmp->vm_nspans,
                      (unsigned long long)vmp->vm_nallocsegs,
                      (unsigned long long)vmp->vm_nfreesegs,
                      (unsigned long long)vmp->vm_nalloc,
                      (unsigned long long)vmp->vm_nfree,
                      (unsigned long long)vmp->vm_nfail);
   for (vs = vmp->vm_seg0.vs_anext; vs != &vmp->vm_seg0; vs = vs->vs_anext) {
      char who[256] = "";

      if (n++ == max) {
         emu_host_print_err("  ...\n");
         break;
      }
      if (vs->vs_type == VS_ALLOC) {
         caller_text(vs->vs_caller, who, sizeof who);
      }
      emu_host_print_err("  %s%-5s [%#lx, +%#lx) %s\n",
                         vs->vs_type == VS_SPAN ? "" : "  ",
                         vs->vs_type == VS_SPAN
                            ? (vs->vs_import ? "SPAN*" : "SPAN")
                            : vs->vs_type == VS_FREE ? "free" : "alloc",
                         (unsigned long)vs->vs_start,
                         (unsigned long)vs->vs_size, who);
   }
   emu_flock_unlock(&vmp->vm_lock);
}

/* ---- Test support: invariants ----------------------------------------- */

void
emu_vmem_test_fail_list_growth(int n)
{
   __atomic_store_n(&vm_fail_grow, n, __ATOMIC_RELAXED);
}

#define VFAIL(...)                                                        \
   do {                                                                   \
      if (why != NULL && len != 0) {                                      \
         snprintf(why, len, __VA_ARGS__);                                 \
      }                                                                   \
      goto fail;                                                          \
   } while (0)

int
emu_vmem_verify(emu_vmem_t *vmp, char *why, size_t len)
{
   const vseg_t *vs;
   const vseg_t *span = NULL;
   uintptr_t cursor = 0;
   uint64_t nfree = 0;
   uint64_t nalloc = 0;
   uint64_t nspans = 0;
   uint64_t total = 0;
   uint64_t imported = 0;
   uint64_t inuse = 0;
   uint64_t onlists = 0;
   uint64_t unlisted = 0;
   uint64_t inhash = 0;
   uintptr_t last_end = 0;
   int have_last = 0;
   unsigned i;
   size_t h;
   int rotor_ok = 0;

   if (vmp == NULL || vmp->vm_magic != VMEM_MAGIC) {
      if (why != NULL && len != 0) {
         snprintf(why, len, "not a live arena");
      }
      return -1;
   }
   emu_flock_lock(&vmp->vm_lock);
   if (vmp->vm_rotor == &vmp->vm_seg0) {
      rotor_ok = 1;
   }
   for (vs = vmp->vm_seg0.vs_anext; vs != &vmp->vm_seg0; vs = vs->vs_anext) {
      if (vs->vs_anext->vs_aprev != vs) {
         VFAIL("broken address links at %#lx", (unsigned long)vs->vs_start);
      }
      if (vs == vmp->vm_rotor) {
         rotor_ok = 1;
      }
      if (vs->vs_size == 0 || (vs->vs_start & (vmp->vm_quantum - 1)) ||
          (vs->vs_size & (vmp->vm_quantum - 1))) {
         VFAIL("bad segment [%#lx, +%#lx)", (unsigned long)vs->vs_start,
               (unsigned long)vs->vs_size);
      }
      switch (vs->vs_type) {
      case VS_SPAN:
         if (span != NULL && cursor != span->vs_start + span->vs_size) {
            VFAIL("span %#lx not tiled", (unsigned long)span->vs_start);
         }
         if (have_last && vs->vs_start < last_end) {
            VFAIL("spans overlap or out of order at %#lx",
                  (unsigned long)vs->vs_start);
         }
         span = vs;
         cursor = vs->vs_start;
         last_end = vs->vs_start + vs->vs_size;
         have_last = 1;
         nspans++;
         total += vs->vs_size;
         if (vs->vs_import) {
            imported += vs->vs_size;
         }
         break;
      case VS_FREE:
      case VS_ALLOC:
         if (span == NULL || vs->vs_start != cursor ||
             vs->vs_size > span->vs_start + span->vs_size - cursor) {
            VFAIL("segment [%#lx, +%#lx) does not tile its span",
                  (unsigned long)vs->vs_start, (unsigned long)vs->vs_size);
         }
         cursor += vs->vs_size;
         if (vs->vs_type == VS_FREE) {
            nfree++;
            if (vs->vs_anext->vs_type == VS_FREE) {
               VFAIL("free segments [%#lx, +%#lx) and its successor not "
                     "coalesced", (unsigned long)vs->vs_start,
                     (unsigned long)vs->vs_size);
            }
            if (vs->vs_list == VM_UNLISTED) {
               unlisted++;
            } else if (vs->vs_list !=
                       list_of(vs->vs_size >> vmp->vm_qshift)) {
               VFAIL("free segment %#lx on the wrong list",
                     (unsigned long)vs->vs_start);
            }
            if (span->vs_import && vmp->vm_release != NULL &&
                vs->vs_size == span->vs_size) {
               VFAIL("wholly free imported span %#lx not exported",
                     (unsigned long)span->vs_start);
            }
         } else {
            nalloc++;
            inuse += vs->vs_size;
            if (vs->vs_pfree != (vs->vs_aprev->vs_type == VS_FREE) ||
                vs->vs_nfree != (vs->vs_anext->vs_type == VS_FREE)) {
               VFAIL("allocated segment %#lx has wrong neighbour flags",
                     (unsigned long)vs->vs_start);
            }
            if (hash_lookup(vmp, vs->vs_start) != vs) {
               VFAIL("allocated segment %#lx not in the hash",
                     (unsigned long)vs->vs_start);
            }
         }
         break;
      default:
         VFAIL("segment of unknown type %d", vs->vs_type);
      }
   }
   if (span != NULL && cursor != span->vs_start + span->vs_size) {
      VFAIL("last span not tiled");
   }
   if (!rotor_ok) {
      VFAIL("rotor points to a dead segment");
   }
   for (i = 0; i < VM_NLISTS; i++) {
      const vflist_t *fl = &vmp->vm_fl[i];
      int bit = (vmp->vm_slmap[i / VM_SLCOUNT] >> (i % VM_SLCOUNT)) & 1;
      int cbit = (int)((vmp->vm_clmap >> (i / VM_SLCOUNT)) & 1);
      uint32_t k;

      if (bit != (fl->fl_n != 0) || fl->fl_n > fl->fl_cap) {
         VFAIL("free-list bitmap wrong for list %u", i);
      }
      if (bit && !cbit) {
         VFAIL("class bitmap wrong for list %u", i);
      }
      for (k = 0; k < fl->fl_n; k++) {
         vs = fl->fl_slot[k];
         if (vs->vs_type != VS_FREE || vs->vs_list != i ||
             vs->vs_slot != k) {
            VFAIL("list %u holds a bad segment", i);
         }
         onlists++;
      }
   }
   for (i = 0; i < VM_NCLASSES; i++) {
      if (((vmp->vm_clmap >> i) & 1) != (vmp->vm_slmap[i] != 0)) {
         VFAIL("class bitmap wrong for class %u", i);
      }
   }
   for (h = 0; h < vmp->vm_hsize; h++) {
      for (vs = vmp->vm_hash[h]; vs != NULL; vs = vs->vs_knext) {
         if (vs->vs_type != VS_ALLOC || hash_index(vmp, vs->vs_start) != h) {
            VFAIL("hash bucket %zu holds a bad segment", h);
         }
         inhash++;
      }
   }
   if (onlists + unlisted != nfree || nfree != vmp->vm_nfreesegs ||
       unlisted != vmp->vm_nunlisted) {
      VFAIL("free segments: %llu in order, %llu on lists, %llu counted",
            (unsigned long long)nfree, (unsigned long long)onlists,
            (unsigned long long)vmp->vm_nfreesegs);
   }
   if (inhash != nalloc || nalloc != vmp->vm_nallocsegs) {
      VFAIL("allocated segments: %llu in order, %llu hashed, %llu counted",
            (unsigned long long)nalloc, (unsigned long long)inhash,
            (unsigned long long)vmp->vm_nallocsegs);
   }
   if (nspans != vmp->vm_nspans || total != vmp->vm_total ||
       imported != vmp->vm_imported || inuse != vmp->vm_inuse) {
      VFAIL("counters disagree with the segments");
   }
   emu_flock_unlock(&vmp->vm_lock);
   return 0;

fail:
   emu_flock_unlock(&vmp->vm_lock);
   return -1;
}
