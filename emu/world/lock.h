/*
 * lock.h -- spinlocks, reader/writer spinlocks, lock domains and rank
 * checking (engine-private; the theory is in lock.c).
 */
#ifndef EMU_WORLD_LOCK_H
#define EMU_WORLD_LOCK_H

#include <stdint.h>

#include "../core/block.h"
#include "../core/rsrc.h"
#include "../core/status.h"
#include "world.h"

#define EMU_LOCK_MAGIC        0x4c4f434bu   /* "LOCK" */
#define EMU_LOCKDOM_MAGIC     0x4c444f4du   /* "LDOM" */
#define EMU_LOCK_DEAD_MAGIC   0x6c6f636bu
#define EMU_LOCK_NAMELEN      32

#define EMU_LOCK_RANK_INVALID  0
#define EMU_LOCK_UNRANKED      65535

typedef enum emu_lock_type {
   EMU_LOCK_SPIN = 1,      /* VMK_SPINLOCK */
   EMU_LOCK_SPIN_IRQ = 2,  /* VMK_SPINLOCK_IRQ (deprecated) */
   EMU_LOCK_RW = 3,        /* VMK_SPINLOCK_RW */
} emu_lock_type_t;

struct emu_lock_domain {
   uint32_t    d_magic;
   char        d_name[EMU_LOCK_NAMELEN];
   uint32_t    d_nlocks;              /* live locks in it -- atomics */
   emu_rsrc_t  d_rsrc;
};

#define EMU_LOCK_WRITER  0x80000000u

struct emu_lock {
   uint32_t                l_magic;
   /* Immutable after create. */
   emu_lock_type_t         l_type;
   uint16_t                l_rank;
   struct emu_lock_domain *l_domain;   /* NULL: none (unranked) */
   char                    l_name[EMU_LOCK_NAMELEN];
   /* State -- atomics. SPIN: 0 free / 1 held; RW: WRITER bit | readers. */
   uint32_t                l_word;
   struct emu_world       *l_owner;    /* exclusive holder, for asserts */
   /* Statistics. */
   uint64_t                l_acquires;   /* exclusive releases -- the lock */
   uint64_t                l_contended;  /* atomics */
   emu_rsrc_t              l_rsrc;
};

emu_status_t emu_lock_domain_create(const char *name, const void *caller,
                                    struct emu_lock_domain **dp);
/* => no lock may still use it (BUSY_DESTROY report otherwise). */
void emu_lock_domain_destroy(struct emu_lock_domain *d, const void *caller);
int emu_lock_domain_valid(const struct emu_lock_domain *d);

/*
 * Create a lock.  domain NULL needs rank UNRANKED; rank 0 is invalid.
 * => may block; EMU_BADPARAM, EMU_NOMEM (also by fault injection).
 */
emu_status_t emu_lock_create(const char *name, emu_lock_type_t type,
                             struct emu_lock_domain *domain, uint16_t rank,
                             const void *caller, struct emu_lock **lp);
/* A held or dead lock is a report; a held lock is not freed. */
void emu_lock_destroy(struct emu_lock *l, const void *caller);

/* DEAD_HANDLE report for a handle that is not a live lock. */
void emu_lock_bad_handle(struct emu_lock *l, const char *fn,
                         const void *caller);

/* 1 when l is a live lock (no report). */
static inline int
emu_lock_live(const struct emu_lock *l)
{
   return l != NULL && l->l_magic == EMU_LOCK_MAGIC;
}

/* 1 when l is a live lock; reports DEAD_HANDLE otherwise. */
static inline int
emu_lock_check(struct emu_lock *l, const char *fn, const void *caller)
{
   if (EMU_LIKELY(emu_lock_live(l))) {
      return 1;
   }
   emu_lock_bad_handle(l, fn, caller);
   return 0;
}

/*
 * Acquire/release.  read selects the shared side of an RW lock.  Acquire
 * checks ranks against what the world holds and enters a non-blocking
 * region.  Release reports LOCK_NOT_HELD when the world does not hold it,
 * and MISUSE when in_order is set and it is not the newest lock held.
 * => never block the host thread for long (spin, then yield).
 *
 * The inline fast paths cover the common case, a plain spinlock taken by a
 * world that holds nothing else (no rank or self-deadlock check can fail
 * then) and released as the newest lock held; everything else -- nested
 * acquisition, reader/writer and IRQ locks, contention, a thread not yet
 * adopted as a world -- goes to the out-of-line *_slow functions, which do
 * the full checks.
 */
emu_status_t emu_lock_acquire_slow(struct emu_lock *l, int read,
                                   const void *caller);
void emu_lock_release_slow(struct emu_lock *l, int read, int in_order,
                           const void *caller);

extern const char emu_lock_why[];     /* the non-blocking region's reason */

/* The fast path alone: 1 when l was taken, 0 when the slow path must run. */
static inline int
emu_lock_acquire_fast(struct emu_lock *l, int read, const void *caller)
{
   struct emu_world *w = (struct emu_world *)emu_host_self_get();
   uint32_t v = 0;

   if (EMU_LIKELY(!read && w != NULL && w->w_nheld == 0 &&
                  l->l_type == EMU_LOCK_SPIN) &&
       EMU_LIKELY(__atomic_compare_exchange_n(&l->l_word, &v, 1u, 0,
                                              __ATOMIC_ACQUIRE,
                                              __ATOMIC_RELAXED))) {
      l->l_owner = w;
      w->w_held[0].h_lock = l;
      w->w_held[0].h_read = 0;
      w->w_held[0].h_caller = caller;
      w->w_nheld = 1;
      w->w_nospin_depth++;
      emu_nonblocking_enter();          /* why: lock_block_why, lock.c */
      return 1;
   }
   return 0;
}

static inline void
emu_lock_release(struct emu_lock *l, int read, int in_order,
                 const void *caller)
{
   struct emu_world *w = (struct emu_world *)emu_host_self_get();
   unsigned n;

   if (EMU_LIKELY(!read && w != NULL && l->l_type == EMU_LOCK_SPIN)) {
      n = w->w_nheld;
      if (EMU_LIKELY(n != 0 && w->w_held[n - 1].h_lock == l)) {
         w->w_nheld = n - 1;
         l->l_owner = NULL;
         l->l_acquires++;               /* still exclusive: no atomic */
         __atomic_store_n(&l->l_word, 0, __ATOMIC_RELEASE);
         w->w_nospin_depth--;
         emu_nonblocking_leave();
         return;
      }
   }
   emu_lock_release_slow(l, read, in_order, caller);
}

/* 1 when the current world holds l (for reading when read is set). */
int emu_lock_held_by_self(struct emu_lock *l, int read);

/*
 * A rank-only entry: while a timer callback runs, the world counts as
 * holding a lock of (domain, rank), so the callback may take only locks
 * ranked above it.  Returns the stack index to pop, or -1.
 */
int emu_lock_push_pseudo(struct emu_lock_domain *d, uint16_t rank,
                         const void *caller);
void emu_lock_pop_pseudo(int idx);

#endif /* EMU_WORLD_LOCK_H */
