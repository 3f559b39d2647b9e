/*
 * time.c -- the emulated clock, timers and timer queues for libvmkemu.
 *
 * 1. Clock.  Emulated time is nanoseconds since EmuCtl_Init ("uptime");
 *    one timer cycle is one nanosecond (vmk_TimerCyclesPerSecond answers
 *    10^9), so every conversion is exact integer arithmetic.  Two modes:
 *    real (the host monotonic clock minus the start) and manual (a counter
 *    only EmuCtl_ClockAdvance and vmk_DelayUsecs move).  Switching modes
 *    keeps the emulated time continuous.  Time of day is the host wall
 *    clock at init plus the emulated uptime, so it also stands still in
 *    manual mode.
 *
 * 2. Timers.  One binary min-heap of pending timers ordered by (deadline,
 *    schedule order), under tm_lock.  A timer handle is a 64-bit ID (never
 *    reused) looked up in a hash, so a handle that outlived its one-shot
 *    timer finds nothing instead of freed memory.  Timer queues group
 *    timers (destroying a queue with pending timers is VMK_BUSY); all
 *    queues share one timer world.
 *
 * 3. Firing.  Real mode: the timer world (a system thread world) sleeps
 *    until the earliest deadline and runs due callbacks.  Manual mode: the
 *    timer world idles and EmuCtl_ClockAdvance fires every timer that falls
 *    due, in order, in the calling thread acting as the timer world; the
 *    clock reads each timer's deadline while its callback runs, and a
 *    periodic timer fires as many times as its period fits.  Either way a
 *    callback runs outside tm_lock, inside a non-blocking region, with a
 *    rank-only pseudo lock entry of the (domain, rank) given at schedule
 *    time, and only one callback runs at a time.
 *
 * 4. States: PENDING (in the heap) -> FIRING -> freed (one-shot) or
 *    PENDING again (periodic, deadline += period).  Cancel takes a PENDING
 *    timer out (VMK_OK), stops a FIRING periodic one from re-arming
 *    (VMK_OK), and answers VMK_NOT_FOUND otherwise; with its wait flag it
 *    also waits for a callback in progress unless called from it.
 *
 * 5. Leaks: every armed timer and every queue is a live resource.
 *
 * 6. Differences from ESX: tolerance and the low-latency attribute are
 *    accepted and ignored; a DelayUsecs in manual mode moves the clock
 *    without firing timers (they fire at the next advance).  A world that
 *    sleeps or waits with a timeout in manual mode sleeps until another
 *    thread advances the clock.  Memory: plain host allocation.
 */
#include "time.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uthash.h>

#include "../core/assert.h"
#include "../core/block.h"
#include "../core/fault.h"
#include "../core/report.h"
#include "world.h"

#define EMU_TIMER_MAGIC 0x54494d52u   /* "TIMR" */

typedef enum timer_state {
   TS_PENDING = 1,
   TS_FIRING,
} timer_state_t;

struct emu_timer {
   uint32_t                t_magic;
   uint64_t                t_id;
   struct emu_timerq      *t_queue;
   emu_timer_tramp_t       t_tramp;
   void                  (*t_fn)(void);
   uintptr_t               t_cookie;
   uint64_t                t_deadline;
   uint64_t                t_period;     /* 0: one-shot */
   uint64_t                t_order;      /* tie-break: schedule order */
   struct emu_lock_domain *t_domain;
   uint16_t                t_rank;
   timer_state_t           t_state;
   int                     t_cancelled;
   unsigned                t_heapidx;
   const void             *t_caller;
   char                    t_name[24];
   UT_hash_handle          hh;
   emu_rsrc_t              t_rsrc;
};

struct emu_timerq {
   uint32_t    q_magic;
   char        q_name[32];
   uint32_t    q_npending;               /* tm_lock */
   int         q_system;
   emu_rsrc_t  q_rsrc;
};

/* Clock -- atomics; mode switches under tm_lock. */
static int                tm_manual;
static uint64_t           tm_manual_ns;
static uint64_t           tm_base_mono;
static uint64_t           tm_tod_base;

/* Timers -- tm_lock. */
static emu_mutex_t        tm_lock = EMU_MUTEX_INITIALIZER;
static emu_cond_t         tm_cv;          /* the timer world sleeps here */
static emu_cond_t         tm_done_cv;     /* a callback finished */
static struct emu_timer **tm_heap;
static unsigned           tm_nheap;
static unsigned           tm_heapcap;
static struct emu_timer  *tm_hash;
static uint64_t           tm_next_id;
static uint64_t           tm_order;
static struct emu_timer  *tm_firing;
static struct emu_world  *tm_firing_world;
static struct emu_world  *tm_world;       /* the timer world */
static int32_t            tm_world_id;
static int                tm_stop;
static int                tm_up;
static struct emu_timerq  tm_default_q = {
   .q_magic = EMU_TIMERQ_MAGIC,
   .q_name = "default",
   .q_system = 1,
};

/* -- clock ------------------------------------------------------------ */

uint64_t
emu_time_now_ns(void)
{
   if (__atomic_load_n(&tm_manual, __ATOMIC_ACQUIRE)) {
      return __atomic_load_n(&tm_manual_ns, __ATOMIC_ACQUIRE);
   }
   return emu_clock_mono_ns() - __atomic_load_n(&tm_base_mono,
                                                __ATOMIC_RELAXED);
}

uint64_t
emu_time_tod_ns(void)
{
   return tm_tod_base + emu_time_now_ns();
}

int
emu_time_is_manual(void)
{
   return __atomic_load_n(&tm_manual, __ATOMIC_ACQUIRE);
}

uint64_t
emu_time_mono_of(uint64_t t)
{
   return t + __atomic_load_n(&tm_base_mono, __ATOMIC_RELAXED);
}

void
emu_time_set_manual(int on)
{
   emu_mutex_lock(&tm_lock);
   if (on && !tm_manual) {
      __atomic_store_n(&tm_manual_ns, emu_time_now_ns(), __ATOMIC_RELEASE);
      __atomic_store_n(&tm_manual, 1, __ATOMIC_RELEASE);
   } else if (!on && tm_manual) {
      __atomic_store_n(&tm_base_mono,
                       emu_clock_mono_ns() - tm_manual_ns, __ATOMIC_RELAXED);
      __atomic_store_n(&tm_manual, 0, __ATOMIC_RELEASE);
   }
   emu_cond_broadcast(&tm_cv);
   emu_mutex_unlock(&tm_lock);
   emu_world_clock_moved();
}

void
emu_time_skip(uint64_t ns)
{
   if (emu_time_is_manual()) {
      __atomic_add_fetch(&tm_manual_ns, ns, __ATOMIC_ACQ_REL);
      emu_world_clock_moved();
   }
}

/* -- heap ------------------------------------------------------------- */

static int
heap_before(const struct emu_timer *a, const struct emu_timer *b)
{
   return a->t_deadline < b->t_deadline ||
          (a->t_deadline == b->t_deadline && a->t_order < b->t_order);
}

static void
heap_set(unsigned i, struct emu_timer *t)
{
   tm_heap[i] = t;
   t->t_heapidx = i;
}

static void
heap_up(unsigned i)
{
   struct emu_timer *t = tm_heap[i];

   while (i > 0 && heap_before(t, tm_heap[(i - 1) / 2])) {
      heap_set(i, tm_heap[(i - 1) / 2]);
      i = (i - 1) / 2;
   }
   heap_set(i, t);
}

static void
heap_down(unsigned i)
{
   struct emu_timer *t = tm_heap[i];

   for (;;) {
      unsigned c = 2 * i + 1;

      if (c >= tm_nheap) {
         break;
      }
      if (c + 1 < tm_nheap && heap_before(tm_heap[c + 1], tm_heap[c])) {
         c++;
      }
      if (!heap_before(tm_heap[c], t)) {
         break;
      }
      heap_set(i, tm_heap[c]);
      i = c;
   }
   heap_set(i, t);
}

/* => tm_lock held; capacity ensured by the caller. */
static void
heap_push(struct emu_timer *t)
{
   heap_set(tm_nheap, t);
   heap_up(tm_nheap++);
}

static void
heap_remove(struct emu_timer *t)
{
   unsigned i = t->t_heapidx;

   EMU_ASSERT(i < tm_nheap && tm_heap[i] == t);
   tm_nheap--;
   if (i != tm_nheap) {
      heap_set(i, tm_heap[tm_nheap]);
      heap_down(i);
      heap_up(tm_heap[i]->t_heapidx);
   }
}

static int
heap_reserve(void)
{
   if (tm_nheap == tm_heapcap) {
      unsigned cap = tm_heapcap != 0 ? tm_heapcap * 2 : 64;
      struct emu_timer **h = realloc(tm_heap, cap * sizeof *h);

      if (h == NULL) {
         return -1;
      }
      tm_heap = h;
      tm_heapcap = cap;
   }
   return 0;
}

/* -- firing ----------------------------------------------------------- */

/* => tm_lock held; drops it around the callback. */
static void
timer_free_locked(struct emu_timer *t)
{
   HASH_DEL(tm_hash, t);
   t->t_queue->q_npending--;
   emu_rsrc_remove(&t->t_rsrc);
   t->t_magic = 0;
   free(t);
}

static void
timer_fire_locked(struct emu_timer *t)
{
   int pseudo;

   heap_remove(t);
   t->t_state = TS_FIRING;
   tm_firing = t;
   tm_firing_world = emu_host_self_get();
   emu_mutex_unlock(&tm_lock);

   pseudo = emu_lock_push_pseudo(t->t_domain, t->t_rank, t->t_caller);
   EMU_NONBLOCKING_BEGIN("a timer callback runs");
   t->t_tramp(t->t_fn, t->t_cookie);
   EMU_NONBLOCKING_END();
   emu_lock_pop_pseudo(pseudo);

   emu_mutex_lock(&tm_lock);
   tm_firing = NULL;
   tm_firing_world = NULL;
   if (t->t_period != 0 && !t->t_cancelled) {
      t->t_deadline += t->t_period;
      t->t_state = TS_PENDING;
      heap_push(t);                /* its slot was freed by the pop */
   } else {
      timer_free_locked(t);
   }
   emu_cond_broadcast(&tm_done_cv);
}

static int32_t
timer_world_main(void *arg)
{
   (void)arg;
   emu_mutex_lock(&tm_lock);
   tm_world = emu_world_self();
   emu_cond_broadcast(&tm_done_cv);
   while (!tm_stop) {
      struct emu_timer *t = tm_nheap != 0 ? tm_heap[0] : NULL;

      if (t == NULL || tm_manual || tm_firing != NULL) {
         emu_cond_wait(&tm_cv, &tm_lock);
      } else if (t->t_deadline > emu_time_now_ns()) {
         (void)emu_cond_timedwait(&tm_cv, &tm_lock,
                                  emu_time_mono_of(t->t_deadline));
      } else {
         timer_fire_locked(t);
      }
   }
   emu_mutex_unlock(&tm_lock);
   return 0;
}

emu_status_t
emu_time_advance(uint64_t ns, uint64_t *fired)
{
   struct emu_world *self;
   uint64_t target;
   uint64_t n = 0;

   emu_mutex_lock(&tm_lock);
   if (!tm_manual) {
      emu_mutex_unlock(&tm_lock);
      return EMU_BADPARAM;
   }
   while (tm_firing != NULL) {
      emu_cond_wait(&tm_done_cv, &tm_lock);
   }
   target = tm_manual_ns + ns;
   self = emu_world_self();
   for (;;) {
      struct emu_timer *t = tm_nheap != 0 ? tm_heap[0] : NULL;

      if (t == NULL || t->t_deadline > target) {
         break;
      }
      if (t->t_deadline > tm_manual_ns) {
         __atomic_store_n(&tm_manual_ns, t->t_deadline, __ATOMIC_RELEASE);
      }
      emu_host_self_set(tm_world != NULL ? tm_world : self);
      timer_fire_locked(t);
      emu_host_self_set(self);
      n++;
   }
   __atomic_store_n(&tm_manual_ns, target, __ATOMIC_RELEASE);
   emu_mutex_unlock(&tm_lock);
   emu_world_clock_moved();
   if (fired != NULL) {
      *fired = n;
   }
   return EMU_OK;
}

/* -- start/stop ------------------------------------------------------- */

emu_status_t
emu_time_init(void)
{
   emu_status_t st;

   tm_manual = 0;
   tm_manual_ns = 0;
   tm_base_mono = emu_clock_mono_ns();
   tm_tod_base = emu_clock_real_ns();
   tm_stop = 0;
   tm_world = NULL;
   tm_next_id = 0;
   tm_order = 0;
   tm_default_q.q_npending = 0;
   emu_cond_init(&tm_cv);
   emu_cond_init(&tm_done_cv);
   st = emu_world_create_system("timer", timer_world_main, NULL,
                                &tm_world_id);
   if (st != EMU_OK) {
      emu_cond_destroy(&tm_cv);
      emu_cond_destroy(&tm_done_cv);
      return st;
   }
   emu_mutex_lock(&tm_lock);
   while (tm_world == NULL) {
      emu_cond_wait(&tm_done_cv, &tm_lock);
   }
   tm_up = 1;
   emu_mutex_unlock(&tm_lock);
   return EMU_OK;
}

void
emu_time_fini(void)
{
   struct emu_timer *t;
   struct emu_timer *tmp;

   emu_mutex_lock(&tm_lock);
   tm_stop = 1;
   tm_up = 0;
   emu_cond_broadcast(&tm_cv);
   emu_mutex_unlock(&tm_lock);
   (void)emu_world_wait_for_death(tm_world_id);
   emu_mutex_lock(&tm_lock);
   /* Timers still armed were listed as leaks; drop them. */
   HASH_ITER(hh, tm_hash, t, tmp) {
      HASH_DEL(tm_hash, t);
      free(t);
   }
   tm_nheap = 0;
   free(tm_heap);
   tm_heap = NULL;
   tm_heapcap = 0;
   tm_world = NULL;
   emu_mutex_unlock(&tm_lock);
   emu_cond_destroy(&tm_cv);
   emu_cond_destroy(&tm_done_cv);
}

/* -- queues ----------------------------------------------------------- */

struct emu_timerq *
emu_timerq_default(void)
{
   return &tm_default_q;
}

int
emu_timerq_valid(const struct emu_timerq *q)
{
   return q != NULL && q->q_magic == EMU_TIMERQ_MAGIC;
}

emu_status_t
emu_timerq_create(const char *name, const void *caller,
                  struct emu_timerq **qp)
{
   struct emu_timerq *q;

   if (emu_fault_inject(EMU_FAULT_TIMER, caller)) {
      return EMU_NOMEM;
   }
   q = calloc(1, sizeof *q);
   if (q == NULL) {
      return EMU_NOMEM;
   }
   q->q_magic = EMU_TIMERQ_MAGIC;
   snprintf(q->q_name, sizeof q->q_name, "%s", name != NULL ? name : "");
   emu_rsrc_add(&q->q_rsrc, EMU_RSRC_TIMER, "timer queue", q->q_name, caller);
   *qp = q;
   return EMU_OK;
}

emu_status_t
emu_timerq_destroy(struct emu_timerq *q, const void *caller)
{
   (void)caller;
   if (!emu_timerq_valid(q) || q->q_system) {
      return EMU_BADHANDLE;
   }
   emu_mutex_lock(&tm_lock);
   if (q->q_npending != 0) {
      emu_mutex_unlock(&tm_lock);
      return EMU_BUSY;
   }
   q->q_magic = 0;
   emu_mutex_unlock(&tm_lock);
   emu_rsrc_remove(&q->q_rsrc);
   free(q);
   return EMU_OK;
}

/* -- timers ----------------------------------------------------------- */

emu_status_t
emu_timer_schedule(struct emu_timerq *q, emu_timer_tramp_t tramp,
                   void (*fn)(void), uintptr_t cookie, uint64_t delay_ns, int flags,
                   struct emu_lock_domain *domain, uint16_t rank, int reuse,
                   int *was_pending, const void *caller, uint64_t *idp)
{
   struct emu_timer *t = NULL;
   int periodic = (flags & EMU_TIMER_PERIODIC) != 0;

   if (tramp == NULL || fn == NULL || (periodic && delay_ns == 0)) {
      return EMU_BADPARAM;
   }
   if (was_pending != NULL) {
      *was_pending = 0;
   }
   emu_mutex_lock(&tm_lock);
   if (reuse && *idp != 0) {
      HASH_FIND(hh, tm_hash, idp, sizeof *idp, t);
      if (t != NULL && t->t_state == TS_PENDING) {
         heap_remove(t);
         t->t_queue->q_npending--;
         if (was_pending != NULL) {
            *was_pending = 1;
         }
      } else {
         t = NULL;
      }
   }
   if (t == NULL) {
      if (emu_fault_inject(EMU_FAULT_TIMER, caller) || heap_reserve() != 0 ||
          (t = calloc(1, sizeof *t)) == NULL) {
         emu_mutex_unlock(&tm_lock);
         return EMU_NOMEM;
      }
      t->t_magic = EMU_TIMER_MAGIC;
      t->t_id = ++tm_next_id;
      snprintf(t->t_name, sizeof t->t_name, "timer %llu",
               (unsigned long long)t->t_id);
      HASH_ADD(hh, tm_hash, t_id, sizeof t->t_id, t);
      emu_rsrc_add(&t->t_rsrc, EMU_RSRC_TIMER, "timer", t->t_name, caller);
   }
   t->t_queue = q;
   t->t_tramp = tramp;
   t->t_fn = fn;
   t->t_cookie = cookie;
   t->t_deadline = emu_time_now_ns() + delay_ns;
   t->t_period = periodic ? delay_ns : 0;
   t->t_order = ++tm_order;
   t->t_domain = domain;
   t->t_rank = rank;
   t->t_caller = caller;
   t->t_cancelled = 0;
   t->t_state = TS_PENDING;
   q->q_npending++;
   heap_push(t);
   if (tm_heap[0] == t) {
      emu_cond_signal(&tm_cv);
   }
   *idp = t->t_id;
   emu_mutex_unlock(&tm_lock);
   return EMU_OK;
}

emu_status_t
emu_timer_cancel(uint64_t id, int wait)
{
   struct emu_timer *t;
   emu_status_t st = EMU_NOTFOUND;

   emu_mutex_lock(&tm_lock);
   HASH_FIND(hh, tm_hash, &id, sizeof id, t);
   if (t != NULL && t->t_state == TS_PENDING) {
      heap_remove(t);
      timer_free_locked(t);
      st = EMU_OK;
   } else if (t != NULL && t->t_state == TS_FIRING) {
      if (t->t_period != 0 && !t->t_cancelled) {
         t->t_cancelled = 1;
         st = EMU_OK;
      }
      if (wait && tm_firing_world != emu_host_self_get()) {
         while (tm_firing == t) {
            emu_cond_wait(&tm_done_cv, &tm_lock);
         }
      }
   }
   emu_mutex_unlock(&tm_lock);
   return st;
}

int
emu_timer_pending(uint64_t id)
{
   struct emu_timer *t;
   int pending;

   emu_mutex_lock(&tm_lock);
   HASH_FIND(hh, tm_hash, &id, sizeof id, t);
   pending = t != NULL && !t->t_cancelled &&
             (t->t_state == TS_PENDING || t->t_period != 0);
   emu_mutex_unlock(&tm_lock);
   return pending;
}

void
emu_timer_quiesce(void)
{
   emu_mutex_lock(&tm_lock);
   while (tm_firing != NULL && tm_firing_world != emu_host_self_get()) {
      emu_cond_wait(&tm_done_cv, &tm_lock);
   }
   emu_mutex_unlock(&tm_lock);
}

uint64_t
emu_timer_npending(void)
{
   uint64_t n;

   emu_mutex_lock(&tm_lock);
   n = tm_nheap;
   emu_mutex_unlock(&tm_lock);
   return n;
}
