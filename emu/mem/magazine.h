/*
 * magazine.h -- magazines, the per-thread magazine slots and the depot
 * (engine-private; the theory is in magazine.c).
 */
#ifndef EMU_MEM_MAGAZINE_H
#define EMU_MEM_MAGAZINE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../host/host.h"

struct emu_slab_cache;

/*
 * A round: what a magazine holds for one free object -- its address, with
 * EMU_MAG_INSIDE added for a cache whose tag word is inside its objects
 * (they are at least 8-aligned, so bit 0 is free).  The pop fast path reads
 * the round below the top before it knows whether there is one: the word
 * under every magazine's first round, and under the top of a slot with
 * nothing loaded, is EMU_MAG_FLOOR (an "inside" round of address 0), so a
 * single test of bit 0 sends both "empty" and "inside" off the common path.
 */
#define EMU_MAG_INSIDE  ((uintptr_t)1)
#define EMU_MAG_FLOOR   EMU_MAG_INSIDE

/* A magazine: a stack of up to m_cap free, constructed objects. */
typedef struct emu_mag {
   struct emu_mag *m_next;          /* depot list linkage */
   uint32_t        m_cap;           /* rounds it can hold */
   uint32_t        m_rounds;        /* rounds held while on a depot list */
   uintptr_t       m_floor;         /* EMU_MAG_FLOOR, under m_round[0] */
   void           *m_round[];       /* the rounds */
} emu_mag_t;

/* Magazine capacities, smallest first; the depot moves up under contention. */
#define EMU_MAG_NSIZES      5
extern const uint32_t emu_mag_sizes[EMU_MAG_NSIZES];

/*
 * One thread's slot for one cache.  Only the owning thread touches it,
 * except cache destroy (all other users of the cache are gone by contract)
 * and that thread's exit hook; both hold emu_mag_threads_lock.
 *
 * The loaded magazine is kept as three round pointers so that the fast
 * paths are a test and a pointer step: pop takes *--ms_top unless the
 * round there is the floor (ms_top == ms_bot), push stores *ms_top++ while
 * ms_top != ms_lim.  With nothing loaded all three point just past a
 * shared floor word (emu_mag_slot_clear), which both fast paths read as "go
 * slow".  Every slot of every slot array is in that state until a
 * magazine is loaded into it: a slot of all zeroes is not a valid slot.
 */
typedef struct emu_mag_slot {
   void                 **ms_top;      /* one past the last round held */
   void                 **ms_bot;      /* ms_loaded->m_round, or just
                                          past the shared floor word */
   void                 **ms_lim;      /* ms_bot + capacity, or ms_bot */
   emu_mag_t             *ms_loaded;   /* the magazine in use, or NULL */
   emu_mag_t             *ms_prev;     /* the previous magazine, or NULL */
   uint32_t               ms_prounds;  /* objects in ms_prev */
   uint32_t               ms_pad0;
   uintptr_t              ms_pad[2];
} emu_mag_slot_t;                      /* 64 bytes: one line, index << 6 */

/* Rounds in the loaded magazine. */
static inline uint32_t
emu_mag_slot_rounds(const emu_mag_slot_t *s)
{
   return (uint32_t)(s->ms_top - s->ms_bot);
}

/* The floor word a slot with nothing loaded points just past. */
extern EMU_HIDDEN const uintptr_t emu_mag_floor[1];

/* Put s in the "nothing loaded" state. */
static inline void
emu_mag_slot_clear(emu_mag_slot_t *s)
{
   memset(s, 0, sizeof *s);
   s->ms_bot = s->ms_top = s->ms_lim = (void **)(emu_mag_floor + 1);
}

/*
 * Load m (holding rounds objects) into s, or nothing when m is NULL.  The
 * slot then holds at most cap rounds (the cache's limit) or m's capacity,
 * whichever is less; rounds never exceeds that.
 */
static inline void
emu_mag_slot_load(emu_mag_slot_t *s, emu_mag_t *m, uint32_t rounds,
                  uint32_t cap)
{
   s->ms_loaded = m;
   if (m != NULL) {
      s->ms_bot = m->m_round;
      s->ms_top = m->m_round + rounds;
      s->ms_lim = m->m_round + (cap < m->m_cap ? cap : m->m_cap);
   } else {
      s->ms_bot = s->ms_top = s->ms_lim = (void **)(emu_mag_floor + 1);
   }
}

/* Caches that can use magazines at once (cache index 1..MAX-1; 0 unused). */
#define EMU_MAG_MAX_CACHES  4096

/*
 * This thread's slot array, indexed by cache index.  Until the thread's
 * first slow path it points at a shared array of cleared slots (nothing
 * loaded, capacity 0), so the fast paths need no "has this thread got
 * slots" test: an empty slot just sends them to the slow path.
 */
extern EMU_HIDDEN EMU_HOST_THREAD_LOCAL emu_mag_slot_t *emu_mag_tls
   __attribute__((tls_model("initial-exec")));

/* This thread's slot at byte offset off of its slot array. */
static inline emu_mag_slot_t *
emu_mag_slot_at(size_t off)
{
   return (emu_mag_slot_t *)((char *)emu_mag_tls + off);
}

/* The depot of one cache.  Protected by the cache's sc_lock. */
typedef struct emu_mag_depot {
   emu_mag_t  *md_full;          /* full magazines */
   emu_mag_t  *md_empty;         /* empty magazines */
   uint64_t    md_nfull;
   uint64_t    md_nempty;
   uint32_t    md_sizeidx;       /* capacity of new magazines: emu_mag_sizes[] */
   uint32_t    md_contention;    /* lock contentions in this window */
   uint64_t    md_window;        /* depot operations in this window */
   uint64_t    md_resizes;       /* times the capacity grew */
} emu_mag_depot_t;

/*
 * Allocate / free a magazine of cap rounds (one of emu_mag_sizes).  They
 * are objects of internal slab caches (slab.c), so the memory of unused
 * magazines goes back to the backing on reclaim like any cluster.  NULL
 * when out of memory.  => never called with a cache lock held.
 */
emu_mag_t *emu_mag_alloc(uint32_t cap);
void emu_mag_free(emu_mag_t *m);

/*
 * The slot array of the calling thread, created (and registered for the
 * thread-exit flush) on first need.  NULL when host memory is out.
 */
emu_mag_slot_t *emu_mag_thread_slots(void);

/*
 * The flush the thread-exit hook performs on every non-empty slot of the
 * exiting thread: idx is the cache index.  Runs under emu_mag_threads_lock
 * (so before any cache lock).
 */
typedef void (*emu_mag_flush_fn)(uint32_t idx, emu_mag_slot_t *slot);
void emu_mag_set_flush(emu_mag_flush_fn fn);

/*
 * Call fn on every thread's slot for cache index idx (destroy, reclaim of
 * a dead thread's magazines).  fn runs under emu_mag_threads_lock.
 */
void emu_mag_for_each_slot(uint32_t idx,
                           void (*fn)(void *arg, emu_mag_slot_t *slot),
                           void *arg);

/* Cache index allocation (1..EMU_MAG_MAX_CACHES-1); 0 when none is left. */
uint32_t emu_mag_index_alloc(void);
void emu_mag_index_free(uint32_t idx);

/*
 * Note one depot lock acquisition; contended says whether trylock failed.
 * Returns 1 when the depot decided to grow its magazine size.
 * => caller holds the cache lock.
 */
int emu_mag_depot_note(emu_mag_depot_t *d, int contended);

#endif
