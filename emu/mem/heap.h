/*
 * heap.h -- heaps (engine-private; theory in heap.c).
 *
 * The fast paths are static inline so that vmk_HeapAllocWithRA /
 * vmk_HeapFree (emu/api/vmk_heap.c) are a class lookup, a budget check on
 * a thread-local entry and the slab engine's magazine fast path.
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
#define EMU_HEAP_MAX_HEAPS   1024          /* live heaps (budget slots) */
#define EMU_HEAP_NAMELEN     32
#define EMU_HEAP_CHUNK       ((int64_t)16 * 1024)  /* budget per refill */
#define EMU_HEAP_TAG_SHIFT   48            /* side word: size << 48 | ra */
#define EMU_HEAP_FREED_RING  64

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
   uint32_t            h_idx;          /* budget slot (1..MAX_HEAPS-1) */
   uint64_t            h_tag;          /* unique per heap instance */
   /* Fast path: size-class caches, NULL until first used -- h_lock */
   emu_slab_cache_t   *h_cache[EMU_HEAP_NCLASS];
   uint32_t            h_waiters;      /* timed allocations waiting */
   uint32_t            h_pad;
   /* The same by (size + 15) >> 4, &emu_slab_nocache until created */
   emu_slab_cache_t   *h_bysize[EMU_HEAP_SMALL_MAX / 16 + 1];
   /* Budget not handed to any thread (section 3) -- atomics */
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
   emu_cond_t          h_cv;
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

/* One thread's budget for one heap (indexed by h_idx). */
typedef struct emu_heap_tls {
   uint64_t t_tag;
   int64_t  t_avail;
} emu_heap_tls_t;

extern EMU_HIDDEN EMU_HOST_THREAD_LOCAL emu_heap_tls_t *emu_heap_tls
   __attribute__((tls_model("initial-exec")));
extern EMU_HIDDEN const uint8_t emu_heap_class_of[EMU_HEAP_SMALL_MAX / 16 + 1];
extern EMU_HIDDEN const uint32_t emu_heap_class_size[EMU_HEAP_NCLASS];

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
   emu_heap_tls_t *t;
   int64_t csz;
   void *obj;

   if (EMU_UNLIKELY(size - 1 >= EMU_HEAP_SMALL_MAX || h == NULL)) {
      return 0;
   }
   sc = __atomic_load_n(&h->h_bysize[(size + 15) >> 4], __ATOMIC_ACQUIRE);
   csz = sc->sc_owner_size;                 /* 0 for emu_slab_nocache */
   t = &emu_heap_tls[h->h_idx];
   if (EMU_UNLIKELY(t->t_avail < csz)) {     /* 0 unless h's (heap.c 3.) */
      return 0;
   }
   /* Class caches keep their control structure before objects. */
   if (EMU_UNLIKELY(!emu_slab_alloc_fast_pre(sc, &obj))) {
      return 0;
   }
   t->t_avail -= csz;
   /* The side word past the class bytes: who asked, and for how much. */
   emu_slab_tag_store((uintptr_t)obj, (size_t)csz,
                      (uintptr_t)caller | ((uintptr_t)size << EMU_HEAP_TAG_SHIFT));
#if EMU_SLAB_ASAN
   emu_memsan_alloc(obj, size, (size_t)csz + sizeof(uintptr_t), 0);
#endif
   *pp = obj;
   return 1;
}

static inline int
emu_heap_free_fast(emu_heap_t *h, void *p)
{
   uintptr_t a = (uintptr_t)p;
   emu_slab_cache_t *sc = emu_slab_cl_entry(a)->cl_cache; /* or nocache */
   emu_heap_tls_t *t;

   /* Only h's class caches name h as owner (never NULL for the others),
    * and not while allocations wait for frees (heap.c 4.). */
   if (EMU_UNLIKELY(__atomic_load_n(&sc->sc_owner, __ATOMIC_RELAXED) !=
                    (void *)h)) {
      return 0;
   }
   t = &emu_heap_tls[h->h_idx];
   if (EMU_UNLIKELY(t->t_avail > 2 * EMU_HEAP_CHUNK)) {
      return 0;
   }
   /*
    * The class caches keep their control structure before each object:
    * the tag alone says p is one of sc's handed-out objects (not interior,
    * not free).
    */
   if (EMU_UNLIKELY(!emu_slab_is_live_pre(sc, a))) {
      return 0;
   }
   if (EMU_UNLIKELY(!emu_slab_push_free(sc, a, EMU_SLAB_PRE_TAGOFF,
                                        (uintptr_t)sc, 0))) {
      return 0;
   }
   t->t_avail += sc->sc_owner_size;
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
