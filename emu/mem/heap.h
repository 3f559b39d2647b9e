/*
 * heap.h -- heaps (engine-private; theory in heap.c).
 *
 * The fast paths are static inline so that vmk_HeapAllocWithRA /
 * vmk_HeapFree (emu/api/vmk_heap.c) are a class lookup (alloc) or a tag
 * check (free) and a magazine pop or push; neither touches the budget
 * (heap.c 3.).
 */
#ifndef EMU_MEM_HEAP_H
#define EMU_MEM_HEAP_H

#include <stddef.h>
#include <stdint.h>

#include "../core/rsrc.h"
#include "../core/status.h"
#include "../host/host.h"
#include "memsan.h"
#include "mempool.h"
#include "slab.h"
#include "vmem.h"

#define EMU_HEAP_MAGIC       0x68656170u   /* "heap" */
#define EMU_HEAP_MAGIC_DEAD  0xdead6865u
#define EMU_HEAP_NCLASS      28
#define EMU_HEAP_SMALL_MAX   4096          /* larger: arena spans */
#define EMU_HEAP_ALIGN       16            /* alignment of every allocation */
#define EMU_HEAP_NAMELEN     32
#define EMU_HEAP_MAGBYTES    4096          /* most bytes per magazine */
#define EMU_HEAP_TAG_SHIFT   48            /* side word: size << 48 | ra */
#define EMU_HEAP_FREED_RING  64
/*
 * A class cache's live tag (slab props.tagkey): h_key << 32 | class << 20
 * | slot offset | 1.  h_key has bit 31 set and bit 30 clear, so no tag
 * of another kind (2 * sc + 1, sc ^ EMU_SLAB_INSIDE_SALT) matches it.
 */
#define EMU_HEAP_TAG_CSHIFT  20
#define EMU_HEAP_TAG_CMASK   31
#define EMU_HEAP_TAG_SLOTS   ((uintptr_t)EMU_SLAB_TAGKEY_LOW - 1)
#define EMU_HEAP_KEY_BIT     0x80000000u
#define EMU_HEAP_KEY_WAIT    0x2ab5c3d1u   /* h_fkey = h_key ^ this */

typedef enum emu_heap_type {
   EMU_HEAP_SIMPLE = 0,
   EMU_HEAP_CUSTOM = 1,
   EMU_HEAP_MEMPOOL = 2,
} emu_heap_type_t;

struct emu_heap_big;

/* What heap.c keeps in the api area of each size-class cache. */
typedef struct emu_heap_cinfo {
   uint32_t              ci_class;     /* EMU_HEAP_NCLASS: not a heap cache */
   uint32_t              ci_pad;
   struct emu_heap      *ci_heap;
} emu_heap_cinfo_t;

typedef struct emu_heap {
   uint32_t            h_magic;        /* EMU_HEAP_MAGIC while alive */
   uint32_t            h_key;          /* top half of its objects' tags */
   uint32_t            h_fkey;         /* what the free fast path takes:
                                          h_key, or no tag while
                                          allocations wait (heap.c 4.) */
   uint32_t            h_pad0;
   uint64_t            h_tag;          /* unique per heap instance */
   /* Fast path: size-class caches, NULL until first used -- h_lock */
   emu_slab_cache_t   *h_cache[EMU_HEAP_NCLASS];
   uint32_t            h_waiters;      /* allocations waiting (changed
                                          under h_wlock, read atomically) */
   uint32_t            h_pad;
   /* The same by (size - 1) >> 4, &emu_slab_nocache until created */
   emu_slab_cache_t   *h_bysize[EMU_HEAP_SMALL_MAX / 16];
   /* Budget left: max less the charge of what is handed out or in a
    * thread's magazine (heap.c 3.) -- atomics */
   int64_t             h_avail;
   /* Immutable after create */
   char                h_name[EMU_HEAP_NAMELEN];
   int32_t             h_module;
   emu_heap_type_t     h_type;
   uint64_t            h_initial;
   uint64_t            h_max;
   int                 h_contig;       /* vmk_MemPhysContiguity */
   emu_mm_range_t      h_range;
   emu_mempool_t      *h_pool;         /* pages come from here */
   void               *h_upool;        /* the pool the driver named */
   emu_vmem_t         *h_arena;        /* bytes, imports from h_pool */
   emu_slab_backing_t  h_backing;      /* clusters from h_arena */
   uint64_t            h_init_mpn;     /* initial run, kept until destroy */
   uint64_t            h_init_pages;
   /* Large allocations and slow paths -- h_lock */
   emu_mutex_t         h_lock;
   emu_mutex_t         h_wlock;        /* waiting for budget (heap.c 4.) */
   emu_cond_t          h_cv;           /* with h_wlock */
   struct emu_heap_big *h_big;         /* uthash by address */
   uint64_t            h_nbig;
   uintptr_t           h_freed[EMU_HEAP_FREED_RING];   /* recent big frees */
   unsigned            h_freed_next;
   /* Statistics -- atomics */
   uint64_t            h_st_alloc;     /* slow-path allocations */
   uint64_t            h_st_fail;      /* allocations refused */
   /* Registry */
   emu_rsrc_t          h_rsrc;
   struct emu_heap    *h_gnext;
   struct emu_heap    *h_gprev;
} emu_heap_t;

extern EMU_HIDDEN const uint8_t emu_heap_class_of[EMU_HEAP_SMALL_MAX / 16 + 1];
/* Class bytes; zero past the last class (a tag's 5 class bits index it). */
extern EMU_HIDDEN const uint32_t emu_heap_class_size[EMU_HEAP_TAG_CMASK + 1];

/* Engine start / stop (after mempool). */
emu_status_t emu_heap_init(void);
void emu_heap_fini(void);

typedef struct emu_heap_props {
   const char       *name;
   emu_heap_type_t   type;
   uint64_t          initial;
   uint64_t          max;
   int               contig;
   emu_mm_range_t    range;
   emu_mempool_t    *pool;        /* MEMPOOL heaps; NULL: the kernel pool */
   void             *upool;       /* returned by get-properties */
   int32_t           module;
   uint64_t          deadline_ns;
   const void       *caller;
} emu_heap_props_t;

/*
 * Create a heap; initial bytes are taken from the pool at once.
 * EMU_BADPARAM, EMU_NOMEM, EMU_TIMEOUT.  => may block until deadline_ns.
 */
emu_status_t emu_heap_create(const emu_heap_props_t *p, emu_heap_t **hp);
/*
 * Destroy: live allocations are a LEAK report listing each with its size
 * and caller, then freed.  quiet: no report (engine shutdown).
 * => no other thread may use the heap any more.
 */
void emu_heap_destroy(emu_heap_t *h, int quiet, const void *caller);
/* Live allocations (count and charged bytes).  => never blocks. */
uint64_t emu_heap_live(emu_heap_t *h, uint64_t *bytesp);
/* EMU_OK alive; EMU_BADHANDLE destroyed; EMU_NOTFOUND not a heap. */
emu_status_t emu_heap_check(const emu_heap_t *h);

/* What an allocation of size/align is charged against the maximum. */
uint64_t emu_heap_charge(uint64_t size, uint64_t align);

/* Slow paths (they also do what the fast paths do). */
void *emu_heap_alloc(emu_heap_t *h, size_t size, size_t align,
                     uint64_t deadline_ns, const void *caller);
void emu_heap_free(emu_heap_t *h, void *p, const void *caller);

/* The side word of a small allocation (heap.c 2.): size << 48 | caller. */
static inline uintptr_t
emu_heap_side_word(const void *caller, size_t size)
{
   return (uintptr_t)caller | ((uintptr_t)size << EMU_HEAP_TAG_SHIFT);
}

static inline const void *
emu_heap_side_caller(uintptr_t w)
{
   return (const void *)(w & (((uintptr_t)1 << EMU_HEAP_TAG_SHIFT) - 1));
}

static inline uint64_t
emu_heap_side_size(uintptr_t w)
{
   return (uint64_t)(w >> EMU_HEAP_TAG_SHIFT);
}

/* --- Fast paths ----------------------------------------------------------*/

/*
 * A small allocation from this thread's magazine of the size-class cache:
 * 1 and *pp set, or 0 when the slow path must run.
 */
static inline int
emu_heap_alloc_fast(emu_heap_t *h, size_t size, const void *caller,
                    void **pp)
{
   emu_slab_cache_t *sc;
   void *obj;

   if (EMU_UNLIKELY(size - 1 >= EMU_HEAP_SMALL_MAX || h == NULL)) {
      return 0;
   }
   sc = __atomic_load_n(&h->h_bysize[(size - 1) >> 4], __ATOMIC_ACQUIRE);
   /* Class caches keep their control structure before objects; their
    * live tag names the heap, the class and the magazine slot. */
   if (EMU_UNLIKELY(!emu_slab_alloc_fast_tag(sc, &obj, EMU_SLAB_PRE_TAGOFF,
                                             sc->sc_livetag))) {
      return 0;
   }
   /* The side word past the class bytes: who asked, and for how much. */
   emu_slab_tag_store((uintptr_t)obj, sc->sc_owner_size,
                      emu_heap_side_word(caller, size));
#if EMU_SLAB_ASAN
   emu_memsan_alloc(obj, size, (size_t)sc->sc_owner_size + sizeof(uintptr_t),
                    0);
#endif
   *pp = obj;
   return 1;
}

static inline int
emu_heap_free_fast(emu_heap_t *h, void *p)
{
   uintptr_t a = (uintptr_t)p;
   uintptr_t tag;
   emu_mag_slot_t *slot;
   void **top;

   if (EMU_UNLIKELY(!emu_slab_in_range(a))) {
      return 0;
   }
   /*
    * The word before a class object is its tag (the control structure
    * precedes the objects): h's key says it is a handed-out object of one
    * of h's class caches -- not interior, not free (the free tag is one
    * less), not another heap's or slab's -- and its low bits name the
    * cache's magazine slot and class, so nothing on the way to the push
    * depends on a load through the object's cluster.
    */
   tag = emu_slab_tag_load(a, EMU_SLAB_PRE_TAGOFF);
   if (EMU_UNLIKELY((uint32_t)(tag >> 32) !=
                    __atomic_load_n(&h->h_fkey, __ATOMIC_RELAXED))) {
      return 0;
   }
   slot = emu_mag_slot_at(tag & EMU_HEAP_TAG_SLOTS);
   top = slot->ms_top;
   if (EMU_UNLIKELY(top == slot->ms_lim)) {
      return 0;
   }
   emu_slab_tag_store(a, EMU_SLAB_PRE_TAGOFF, tag - 1);
#if EMU_SLAB_ASAN
   {
      uint32_t c = (uint32_t)(tag >> EMU_HEAP_TAG_CSHIFT) & EMU_HEAP_TAG_CMASK;

      ASAN_POISON_MEMORY_REGION(p, emu_heap_class_size[c] + sizeof(uintptr_t));
   }
#endif
   *top = p;
   slot->ms_top = top + 1;
   return 1;
}

/*
 * Statistics walk: fn gets every live heap with its live allocations, the
 * bytes charged for them and a snapshot of its arena (NULL when none).
 * fn runs under heap_list_lock: it must not call the heap engine.
 */
typedef void (*emu_heap_walk_fn)(void *arg, const emu_heap_t *h,
                                 uint64_t live, uint64_t bytes,
                                 const emu_vmem_stats_t *arena);
void emu_heap_walk(emu_heap_walk_fn fn, void *arg);

/*
 * Call fn (under no lock) for each live allocation of h with its address,
 * requested size and caller; returns how many are live.  For leak lists.
 * => no other thread may free from h meanwhile (snapshot otherwise).
 */
typedef void (*emu_heap_live_fn)(void *arg, uintptr_t addr, uint64_t size,
                                 const void *caller);
uint64_t emu_heap_walk_live(emu_heap_t *h, emu_heap_live_fn fn, void *arg);

#endif /* EMU_MEM_HEAP_H */
