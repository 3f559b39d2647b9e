/*
 * lock.c -- spinlocks, reader/writer spinlocks, lock domains and rank
 * checking for libvmkemu.
 *
 * 1. Model.  A spinlock is one atomic word: 0/1 for exclusive locks, a
 *    writer bit plus a reader count for RW locks.  Acquisition spins a
 *    little, then yields the host CPU between attempts: host threads can
 *    be preempted while "holding a spinlock", which ESXi's PCPUs cannot,
 *    so pure spinning would burn whole time slices.
 *
 * 2. Per-world bookkeeping.  Each world keeps a stack of what it holds
 *    (lock, domain, rank, read/write, caller).  The holder also enters a
 *    non-blocking region (core/block.h) for each lock, so any "may block"
 *    call made while a spinlock is held is a BLOCK_IN_NONBLOCKING report,
 *    and vmk_WorldAssertIsSafeToBlock answers from the same depth.
 *    The common case -- a plain spinlock taken while the world holds
 *    nothing, released as the newest lock held -- is inlined (lock.h): a
 *    compare-and-swap, three fields of the held stack, the two depths, and
 *    a plain release store; with nothing held there is nothing to compare
 *    ranks or self-deadlock against, so the checks below cost nothing
 *    until a second lock is taken.  Everything else takes the *_slow
 *    functions here.
 *
 * 3. Ranks, as ESXi's debug kernel checks them: locks in the same domain
 *    must be taken in strictly increasing rank.  Taking a lock whose rank
 *    is lower than or equal to one already held in its domain is a
 *    LOCK_RANK report (the lock is still taken, so an expected report
 *    leaves a consistent state).  Locks without a domain and locks of rank
 *    VMK_SPINLOCK_UNRANKED are not ordered.  A timer callback runs with a
 *    rank-only pseudo entry (time.c), so the locks it takes must rank above
 *    the rank given to vmk_TimerSchedule.
 *
 * 4. Misuse: taking a lock the world already holds would deadlock: it is a
 *    MISUSE report and the lock is not taken again.  Releasing a lock the
 *    world does not hold is LOCK_NOT_HELD (nothing changes); the plain
 *    Unlock of a lock that is not the newest held is MISUSE (the
 *    ...OutOfOrder variants exist for that) but it is released.
 *    Destroying a held lock is BUSY_DESTROY (not freed); a handle whose
 *    magic is wrong is DEAD_HANDLE.
 *
 * 5. IRQ locks (deprecated VMK_SPINLOCK_IRQ) also disable the world's
 *    simulated interrupts; the IRQL returned is the previous state.
 *
 * 6. Memory: plain host allocation; the lock's storage is not drawn from
 *    the driver's heap (heapID is accepted and ignored) until the heap
 *    engine exists.  The death-pending variants behave like the plain ones:
 *    a spinlock acquisition here always succeeds with VMK_OK.
 */
#include "lock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/assert.h"
#include "../core/block.h"
#include "../core/fault.h"
#include "../core/report.h"

#define LOCK_SPINS 64

const char emu_lock_why[] = "a spinlock is held";

static void
lock_obj(const struct emu_lock *l, emu_report_obj_t *obj)
{
   obj->type = "spinlock";
   obj->name = l->l_name;
   obj->addr = l;
}

/* -- domains ---------------------------------------------------------- */

emu_status_t
emu_lock_domain_create(const char *name, const void *caller,
                       struct emu_lock_domain **dp)
{
   struct emu_lock_domain *d;

   if (emu_fault_inject(EMU_FAULT_LOCK, caller)) {
      return EMU_NOMEM;
   }
   d = calloc(1, sizeof *d);
   if (d == NULL) {
      return EMU_NOMEM;
   }
   d->d_magic = EMU_LOCKDOM_MAGIC;
   snprintf(d->d_name, sizeof d->d_name, "%s", name != NULL ? name : "");
   emu_rsrc_add(&d->d_rsrc, EMU_RSRC_LOCK, "lock domain", d->d_name, caller);
   *dp = d;
   return EMU_OK;
}

int
emu_lock_domain_valid(const struct emu_lock_domain *d)
{
   return d != NULL && d->d_magic == EMU_LOCKDOM_MAGIC;
}

void
emu_lock_domain_destroy(struct emu_lock_domain *d, const void *caller)
{
   emu_report_obj_t obj = { "lock domain", NULL, d };

   if (!emu_lock_domain_valid(d)) {
      emu_report(EMU_RPT_DEAD_HANDLE, &obj, caller,
                 "vmk_LockDomainDestroy of a handle that is not a live "
                 "lock domain");
      return;
   }
   obj.name = d->d_name;
   if (__atomic_load_n(&d->d_nlocks, __ATOMIC_ACQUIRE) != 0) {
      emu_report(EMU_RPT_BUSY_DESTROY, &obj, caller,
                 "lock domain destroyed while %u lock(s) still use it",
                 d->d_nlocks);
      return;
   }
   emu_rsrc_remove(&d->d_rsrc);
   d->d_magic = EMU_LOCK_DEAD_MAGIC;
   free(d);
}

/* -- create/destroy --------------------------------------------------- */

/*
 * The reason behind a non-blocking region that recorded none: the lock
 * fast paths enter theirs without one (core/block.h).
 */
static const char *
lock_block_why(void)
{
   struct emu_world *w = (struct emu_world *)emu_host_self_get();

   return w != NULL && w->w_nospin_depth > 0 ? emu_lock_why : NULL;
}

emu_status_t
emu_lock_create(const char *name, emu_lock_type_t type,
                struct emu_lock_domain *domain, uint16_t rank,
                const void *caller, struct emu_lock **lp)
{
   struct emu_lock *l;

   if (type != EMU_LOCK_SPIN && type != EMU_LOCK_SPIN_IRQ &&
       type != EMU_LOCK_RW) {
      return EMU_BADPARAM;
   }
   if (rank == EMU_LOCK_RANK_INVALID) {
      return EMU_BADPARAM;
   }
   if (domain == NULL && rank != EMU_LOCK_UNRANKED) {
      return EMU_BADPARAM;
   }
   if (domain != NULL && !emu_lock_domain_valid(domain)) {
      return EMU_BADPARAM;
   }
   if (emu_fault_inject(EMU_FAULT_LOCK, caller)) {
      return EMU_NOMEM;
   }
   __atomic_store_n(&emu_block_why_hook, lock_block_why, __ATOMIC_RELAXED);
   l = calloc(1, sizeof *l);
   if (l == NULL) {
      return EMU_NOMEM;
   }
   l->l_magic = EMU_LOCK_MAGIC;
   l->l_type = type;
   l->l_rank = rank;
   l->l_domain = domain;
   snprintf(l->l_name, sizeof l->l_name, "%s", name != NULL ? name : "");
   if (domain != NULL) {
      __atomic_add_fetch(&domain->d_nlocks, 1, __ATOMIC_RELAXED);
   }
   emu_rsrc_add(&l->l_rsrc, EMU_RSRC_LOCK,
                type == EMU_LOCK_RW ? "rw spinlock" : "spinlock", l->l_name,
                caller);
   *lp = l;
   return EMU_OK;
}

void
emu_lock_bad_handle(struct emu_lock *l, const char *fn, const void *caller)
{
   emu_report_obj_t obj = { "spinlock", NULL, l };

   emu_report(EMU_RPT_DEAD_HANDLE, &obj, caller,
              "%s on a handle that is not a live spinlock", fn);
}

void
emu_lock_destroy(struct emu_lock *l, const void *caller)
{
   emu_report_obj_t obj;

   if (!emu_lock_check(l, "vmk_SpinlockDestroy", caller)) {
      return;
   }
   if (__atomic_load_n(&l->l_word, __ATOMIC_ACQUIRE) != 0) {
      lock_obj(l, &obj);
      emu_report(EMU_RPT_BUSY_DESTROY, &obj, caller,
                 "spinlock '%s' destroyed while held", l->l_name);
      return;
   }
   if (l->l_domain != NULL) {
      __atomic_sub_fetch(&l->l_domain->d_nlocks, 1, __ATOMIC_RELAXED);
   }
   emu_rsrc_remove(&l->l_rsrc);
   l->l_magic = EMU_LOCK_DEAD_MAGIC;
   free(l);
}

/* -- rank checking ---------------------------------------------------- */

/* Index of l in w's held stack (any mode), or -1. */
static int
lock_find_held(struct emu_world *w, const struct emu_lock *l, int read)
{
   int i;

   for (i = (int)w->w_nheld - 1; i >= 0; i--) {
      if (w->w_held[i].h_lock == l &&
          (read < 0 || w->w_held[i].h_read == (uint8_t)read)) {
         return i;
      }
   }
   return -1;
}

/* The domain and rank an entry of the held stack counts with. */
static inline struct emu_lock_domain *
held_domain(const struct emu_world_held *h)
{
   return h->h_lock != NULL ? h->h_lock->l_domain : h->h_domain;
}

static inline uint16_t
held_rank(const struct emu_world_held *h)
{
   return h->h_lock != NULL ? h->h_lock->l_rank : h->h_rank;
}

/* => l is ranked in a domain; reports the first violation. */
static void
lock_check_rank(struct emu_world *w, struct emu_lock *l, const void *caller)
{
   unsigned i;

   for (i = 0; i < w->w_nheld; i++) {
      const struct emu_world_held *h = &w->w_held[i];
      uint16_t hrank = held_rank(h);

      if (held_domain(h) == l->l_domain && hrank != EMU_LOCK_UNRANKED &&
          l->l_rank <= hrank) {
         emu_report_obj_t obj;

         lock_obj(l, &obj);
         emu_report(EMU_RPT_LOCK_RANK, &obj, caller,
                    "spinlock '%s' (rank %u) taken while holding %s%s%s "
                    "(rank %u) in domain '%s': ranks must increase",
                    l->l_name, l->l_rank,
                    h->h_lock != NULL ? "'" : "a timer callback's rank",
                    h->h_lock != NULL ? h->h_lock->l_name : "",
                    h->h_lock != NULL ? "'" : "", hrank,
                    l->l_domain->d_name);
         return;
      }
   }
}

/* -- acquire/release -------------------------------------------------- */

static inline int
lock_try(struct emu_lock *l, int read)
{
   uint32_t v = __atomic_load_n(&l->l_word, __ATOMIC_RELAXED);

   if (l->l_type != EMU_LOCK_RW || !read) {
      return v == 0 &&
             __atomic_compare_exchange_n(&l->l_word, &v,
                                         l->l_type == EMU_LOCK_RW ?
                                         EMU_LOCK_WRITER : 1u, 0,
                                         __ATOMIC_ACQUIRE,
                                         __ATOMIC_RELAXED);
   }
   return (v & EMU_LOCK_WRITER) == 0 &&
          __atomic_compare_exchange_n(&l->l_word, &v, v + 1, 0,
                                      __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static void
lock_spin(struct emu_lock *l, int read)
{
   unsigned spins = 0;

   __atomic_add_fetch(&l->l_contended, 1, __ATOMIC_RELAXED);
   while (!lock_try(l, read)) {
      if (++spins < LOCK_SPINS) {
#if defined(__x86_64__) || defined(__i386__)
         __asm__ __volatile__("pause");
#endif
      } else {
         emu_thread_yield();
      }
   }
}

emu_status_t
emu_lock_acquire_slow(struct emu_lock *l, int read, const void *caller)
{
   struct emu_world *w = emu_world_self();
   struct emu_world_held h;

   if (EMU_UNLIKELY(w->w_nheld != 0)) {
      if (lock_find_held(w, l, -1) >= 0) {
         emu_report_obj_t obj;

         lock_obj(l, &obj);
         emu_report(EMU_RPT_MISUSE, &obj, caller,
                    "spinlock '%s' taken again by the world holding it "
                    "(self-deadlock)", l->l_name);
         return EMU_BUSY;
      }
      if (l->l_domain != NULL && l->l_rank != EMU_LOCK_UNRANKED) {
         lock_check_rank(w, l, caller);
      }
   }
   if (EMU_UNLIKELY(!lock_try(l, read))) {
      lock_spin(l, read);
   }
   if (l->l_type != EMU_LOCK_RW || !read) {
      l->l_owner = w;
   }
   h.h_lock = l;
   h.h_caller = caller;
   h.h_read = (uint8_t)(l->l_type == EMU_LOCK_RW && read);
   h.h_rank = EMU_LOCK_RANK_INVALID;  /* read through h_lock */
   h.h_domain = NULL;
   if (EMU_UNLIKELY(emu_world_push_held(w, &h) < 0)) {
      emu_report_obj_t obj;

      lock_obj(l, &obj);
      emu_report(EMU_RPT_MISUSE, &obj, caller,
                 "more than %u spinlocks held at once by one world",
                 EMU_WORLD_MAXHELD);
   }
   w->w_nospin_depth++;
   EMU_NONBLOCKING_BEGIN(emu_lock_why);
   if (l->l_type == EMU_LOCK_SPIN_IRQ) {
      w->w_ints_off++;
   }
   return EMU_OK;
}

void
emu_lock_release_slow(struct emu_lock *l, int read, int in_order,
                      const void *caller)
{
   struct emu_world *w = emu_world_self();
   int idx;
   int rw_read = l->l_type == EMU_LOCK_RW && read;

   idx = lock_find_held(w, l, rw_read);
   if (EMU_UNLIKELY(idx < 0)) {
      emu_report_obj_t obj;

      lock_obj(l, &obj);
      emu_report(EMU_RPT_LOCK_NOT_HELD, &obj, caller,
                 "spinlock '%s' released by %s world that does not hold "
                 "it%s", l->l_name, "a",
                 rw_read ? " for reading" : "");
      return;
   }
   if (EMU_UNLIKELY(in_order && (unsigned)idx != w->w_nheld - 1)) {
      emu_report_obj_t obj;

      lock_obj(l, &obj);
      emu_report(EMU_RPT_MISUSE, &obj, caller,
                 "spinlock '%s' released out of order (newest held is "
                 "'%s'); use the ...OutOfOrder variant", l->l_name,
                 w->w_held[w->w_nheld - 1].h_lock != NULL ?
                 w->w_held[w->w_nheld - 1].h_lock->l_name : "(timer rank)");
   }
   emu_world_pop_held(w, (unsigned)idx);
   if (l->l_type == EMU_LOCK_SPIN_IRQ && w->w_ints_off > 0) {
      w->w_ints_off--;
   }
   if (!rw_read) {
      l->l_owner = NULL;
      l->l_acquires++;                   /* still exclusive: no atomic */
      __atomic_store_n(&l->l_word, 0, __ATOMIC_RELEASE);
   } else {
      __atomic_sub_fetch(&l->l_word, 1, __ATOMIC_RELEASE);
   }
   if (w->w_nospin_depth > 0) {
      w->w_nospin_depth--;
      EMU_NONBLOCKING_END();
   }
}

int
emu_lock_held_by_self(struct emu_lock *l, int read)
{
   struct emu_world *w = emu_world_self();

   return lock_find_held(w, l, l->l_type == EMU_LOCK_RW ? read : 0) >= 0;
}

/* -- rank-only entries for timer callbacks ------------------------------ */

int
emu_lock_push_pseudo(struct emu_lock_domain *d, uint16_t rank,
                     const void *caller)
{
   struct emu_world *w = emu_world_self();
   struct emu_world_held h;

   if (d == NULL || rank == EMU_LOCK_UNRANKED ||
       rank == EMU_LOCK_RANK_INVALID) {
      return -1;
   }
   h.h_lock = NULL;
   h.h_domain = d;
   h.h_rank = rank;
   h.h_read = 0;
   h.h_caller = caller;
   return emu_world_push_held(w, &h);
}

void
emu_lock_pop_pseudo(int idx)
{
   struct emu_world *w = emu_world_self();
   int i;

   if (idx < 0) {
      return;
   }
   /* Find the pseudo entry (locks above it were released in order). */
   for (i = (int)w->w_nheld - 1; i >= 0; i--) {
      if (w->w_held[i].h_lock == NULL) {
         emu_world_pop_held(w, (unsigned)i);
         return;
      }
   }
}
