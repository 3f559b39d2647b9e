/*
 * helper.c -- helper queues for libvmkemu.
 *
 * 1. Model.  A helper is a FIFO of requests served by a pool of helper
 *    worlds (system thread worlds) that take requests in order and run
 *    them.  A delayed request is a timer (time.c) whose firing moves it
 *    onto the queue, so in manual clock mode delayed requests become
 *    runnable at EmuCtl_ClockAdvance, deterministically.
 *
 * 2. States of a request: delayed (a timer is armed) -> queued -> running
 *    -> gone; or cancelled from delayed/queued (its cancel function runs in
 *    the cancelling thread).  The current request count is all three.
 *
 * 3. The pool.  Create starts minWorlds worlds and the helper's manager
 *    world.  The pool grows when requests back up: when more requests are
 *    queued than worlds are idle (or about to be), and the oldest has
 *    waited maxRequestBlockTime, the manager adds a world, up to
 *    maxWorlds; a helper with no world at all grows at once.  It shrinks
 *    when a world has been idle for maxIdleTime while more than minWorlds
 *    serve: that world retires (the manager reaps it).  Submitting never
 *    starts a world itself, because drivers submit from contexts that must
 *    not block (interrupt handlers, timer callbacks, under spinlocks).
 *    Both times are read on the emulated clock, and the moments they fall
 *    due are armed as one timer per helper (the "tick"), so in manual
 *    clock mode growth and retirement happen at EmuCtl_ClockAdvance,
 *    deterministically; with the default maxRequestBlockTime (see
 *    helper.h) growth does not wait for the clock at all.
 *
 * 4. Blocking: a request that did not say "may block" runs inside a
 *    non-blocking region.  With maxRequests reached, submission waits when
 *    the helper was created with blockingSubmit and fails otherwise.
 *
 * 5. Locking: h_lock protects the queue, the counts and the pool; requests,
 *    cancel functions, constructors and world creation run without it.
 *    Order: h_lock before the timer engine's lock (timers are scheduled
 *    and cancelled -- without waiting -- under h_lock; the tick and delay
 *    callbacks take h_lock with no timer lock held).
 *
 * 6. Lifetimes: a world leaving the pool (retired or stopped) puts its ID
 *    on h_retired under h_lock and touches nothing of the helper after
 *    unlocking; the manager, or destroy, waits for its death.  Destroy
 *    stops arming ticks, cancels the tick (waiting for a callback in
 *    progress), waits for the manager, then for every world to leave and
 *    die, so nothing refers to the helper when it is freed.  At most
 *    EMU_HELPER_MAXWORLDS worlds are alive or unreaped at any time (the
 *    manager reaps before it grows).
 *
 * 7. Differences from ESX: the pool is capped at EMU_HELPER_MAXWORLDS;
 *    our defaults for the tuning a driver leaves at 0 are in helper.h.
 *    Requests are not billed to worldToBill.  The manager is an extra
 *    system world per helper.  Memory: plain host allocation.
 */
#include "helper.h"

#include <stdio.h>
#include <stdlib.h>

#include "../core/assert.h"
#include "../core/block.h"
#include "../core/fault.h"
#include "time.h"
#include "world.h"

emu_status_t
emu_helper_init(void)
{
   return EMU_OK;
}

void
emu_helper_fini(void)
{
}

int
emu_helper_valid(const struct emu_helper *h)
{
   return h != NULL && h->h_magic == EMU_HELPER_MAGIC;
}

/* -- the pool ---------------------------------------------------------- */

static void
helper_tick_fired(void (*fn)(void), uintptr_t cookie)
{
   struct emu_helper *h = (struct emu_helper *)cookie;

   (void)fn;
   emu_mutex_lock(&h->h_lock);
   h->h_tick = 0;
   emu_cond_broadcast(&h->h_cv);
   emu_cond_broadcast(&h->h_mgr_cv);
   emu_mutex_unlock(&h->h_lock);
}

static void
helper_timer_fn(void)
{
}

/*
 * Make sure the tick fires by emulated time at.  An armed tick due no later
 * is kept; a later one is replaced, unless it is firing right now (then its
 * callback wakes everyone, who arm again as they need).
 * => h_lock held.
 */
static void
helper_arm_tick_locked(struct emu_helper *h, uint64_t at)
{
   uint64_t now = emu_time_now_ns();

   if (h->h_stop || (h->h_tick != 0 && h->h_tick_at <= at)) {
      return;
   }
   if (h->h_tick != 0) {
      if (emu_timer_cancel(h->h_tick, 0) != EMU_OK) {
         return;
      }
      h->h_tick = 0;
   }
   if (emu_timer_schedule(emu_timerq_default(), helper_tick_fired,
                          helper_timer_fn, (uintptr_t)h,
                          at > now ? at - now : 0, 0, NULL, 0xffff, 0, NULL,
                          NULL, &h->h_tick) != EMU_OK) {
      h->h_tick = 0;           /* out of memory: the next event re-arms */
      return;
   }
   h->h_tick_at = at;
}

/*
 * 1 when the manager should add a world now; otherwise *due is the
 * emulated time at which the oldest queued request will have waited long
 * enough (0: nothing to wait for).
 * => h_lock held.
 */
static int
helper_needs_world_locked(struct emu_helper *h, uint64_t now, uint64_t *due)
{
   uint64_t at;

   *due = 0;
   if (h->h_stop || h->h_nworlds >= h->h_max) {
      return 0;
   }
   if (h->h_nworlds < h->h_min) {
      return 1;
   }
   if (h->h_queued <= h->h_idle + h->h_fresh) {
      return 0;
   }
   if (h->h_nworlds == 0 || h->h_block_ns == 0) {
      return 1;
   }
   at = h->h_head->rq_queued_at + h->h_block_ns;
   if (now >= at) {
      return 1;
   }
   *due = at;
   return 0;
}

/* A world leaves the pool; the manager or destroy reaps it.
 * => h_lock held. */
static void
helper_leave_locked(struct emu_helper *h, int32_t id)
{
   EMU_ASSERT(h->h_nretired < EMU_HELPER_MAXWORLDS);
   h->h_nworlds--;
   h->h_retired[h->h_nretired++] = id;
   emu_cond_broadcast(&h->h_mgr_cv);
}

/* Wait for the death of every world on h_retired.
 * => h_lock held; dropped while waiting. */
static void
helper_reap_locked(struct emu_helper *h)
{
   int32_t id;

   while (h->h_nretired != 0) {
      id = h->h_retired[--h->h_nretired];
      emu_mutex_unlock(&h->h_lock);
      (void)emu_world_wait_for_death(id);
      emu_mutex_lock(&h->h_lock);
   }
}

static int32_t
helper_world_main(void *arg)
{
   struct emu_helper *h = arg;
   struct emu_helper_req *rq;
   int32_t self = emu_world_self()->w_id;
   uint64_t idle_since;
   uint64_t now;
   int retire;

   if (h->h_ctor != NULL) {
      h->h_ctor(h->h_ctor_ctx);
   }
   emu_mutex_lock(&h->h_lock);
   h->h_fresh--;
   for (;;) {
      idle_since = emu_time_now_ns();
      retire = 0;
      h->h_idle++;
      while (!h->h_stop && h->h_head == NULL) {
         if (h->h_nworlds > h->h_min) {
            now = emu_time_now_ns();
            if (now - idle_since >= h->h_idle_ns) {
               retire = 1;
               break;
            }
            helper_arm_tick_locked(h, idle_since + h->h_idle_ns);
         }
         emu_cond_wait(&h->h_cv, &h->h_lock);
      }
      h->h_idle--;
      if (retire || h->h_head == NULL) {
         break;
      }
      rq = h->h_head;
      h->h_head = rq->rq_next;
      if (h->h_head == NULL) {
         h->h_tail = NULL;
      }
      h->h_queued--;
      h->h_running++;
      emu_mutex_unlock(&h->h_lock);
      if (!rq->rq_may_block) {
         EMU_NONBLOCKING_BEGIN("a helper request that may not block runs");
      }
      rq->rq_run(rq->rq_ctx);
      if (!rq->rq_may_block) {
         EMU_NONBLOCKING_END();
      }
      free(rq);
      emu_mutex_lock(&h->h_lock);
      h->h_running--;
      h->h_count--;
      emu_cond_broadcast(&h->h_cv);
   }
   helper_leave_locked(h, self);
   emu_mutex_unlock(&h->h_lock);
   return 0;
}

/* Start one helper world.  => h_lock held; dropped while starting. */
static emu_status_t
helper_start_world_locked(struct emu_helper *h)
{
   emu_status_t st;
   int32_t id;

   h->h_nworlds++;
   h->h_fresh++;
   emu_mutex_unlock(&h->h_lock);
   st = emu_world_create_system(h->h_name, helper_world_main, h, &id);
   emu_mutex_lock(&h->h_lock);
   if (st != EMU_OK) {
      h->h_nworlds--;
      h->h_fresh--;
   } else {
      h->h_started++;
   }
   return st;
}

/* The manager: grows the pool, arms the tick for growth, reaps. */
static int32_t
helper_mgr_main(void *arg)
{
   struct emu_helper *h = arg;
   uint64_t due;

   emu_mutex_lock(&h->h_lock);
   for (;;) {
      helper_reap_locked(h);
      if (h->h_stop) {
         break;
      }
      if (helper_needs_world_locked(h, emu_time_now_ns(), &due)) {
         if (helper_start_world_locked(h) != EMU_OK) {
            /* Out of worlds or threads: try again at the next event. */
            emu_cond_wait(&h->h_mgr_cv, &h->h_lock);
         }
         continue;
      }
      if (due != 0) {
         helper_arm_tick_locked(h, due);
      }
      emu_cond_wait(&h->h_mgr_cv, &h->h_lock);
   }
   emu_mutex_unlock(&h->h_lock);
   return 0;
}

/* Resolve the driver's tuning (see struct emu_helper_tuning). */
static emu_status_t
helper_tuning(const struct emu_helper_tuning *t, uint32_t *min, uint32_t *max,
              uint64_t *idle_ns, uint64_t *block_ns)
{
   uint32_t mx;

   if (t->ht_min < -1 || (t->ht_max > 0 && t->ht_min > t->ht_max)) {
      return EMU_BADPARAM;
   }
   mx = t->ht_max > 0 ? (uint32_t)t->ht_max : emu_world_npcpus();
   if (mx == 0) {
      mx = 1;
   }
   if (mx > EMU_HELPER_MAXWORLDS) {
      mx = EMU_HELPER_MAXWORLDS;
   }
   *max = mx;
   *min = t->ht_min < 0 || (uint32_t)t->ht_min > mx ? mx
                                                     : (uint32_t)t->ht_min;
   *idle_ns = (uint64_t)(t->ht_idle_ms > 0 ? t->ht_idle_ms
                                           : EMU_HELPER_DEFAULT_IDLE_MS) *
              1000000ull;
   *block_ns = (uint64_t)(t->ht_block_ms > 0 ? t->ht_block_ms
                                             : EMU_HELPER_DEFAULT_BLOCK_MS) *
               1000000ull;
   return EMU_OK;
}

/*
 * Stop the pool: no more ticks, the manager ends, every world leaves and
 * is reaped.  => h_lock not held; may block.
 */
static void
helper_stop_pool(struct emu_helper *h)
{
   uint64_t tick;

   emu_mutex_lock(&h->h_lock);
   h->h_stop = 1;
   emu_cond_broadcast(&h->h_cv);
   emu_cond_broadcast(&h->h_mgr_cv);
   tick = h->h_tick;
   emu_mutex_unlock(&h->h_lock);
   if (tick != 0) {
      (void)emu_timer_cancel(tick, 1);
   }
   if (h->h_mgr != 0) {
      (void)emu_world_wait_for_death(h->h_mgr);
   }
   emu_mutex_lock(&h->h_lock);
   for (;;) {
      helper_reap_locked(h);
      if (h->h_nworlds == 0) {
         break;
      }
      emu_cond_wait(&h->h_mgr_cv, &h->h_lock);
   }
   emu_mutex_unlock(&h->h_lock);
}

emu_status_t
emu_helper_create(const char *name, const struct emu_helper_tuning *tuning,
                  uint32_t max_requests, int blocking_submit,
                  void (*ctor)(void *), void *ctor_ctx,
                  int (*tagcmp)(void *, uintptr_t, uintptr_t),
                  void *tagcmp_ctx, const void *caller,
                  struct emu_helper **hp)
{
   struct emu_helper *h;
   emu_status_t st;
   char mgr_name[40];

   if (emu_fault_inject(EMU_FAULT_WORLD, caller)) {
      return EMU_NOMEM;
   }
   h = calloc(1, sizeof *h);
   if (h == NULL) {
      return EMU_NOMEM;
   }
   st = helper_tuning(tuning, &h->h_min, &h->h_max, &h->h_idle_ns,
                      &h->h_block_ns);
   if (st != EMU_OK) {
      free(h);
      return st;
   }
   h->h_magic = EMU_HELPER_MAGIC;
   snprintf(h->h_name, sizeof h->h_name, "%s", name != NULL ? name : "");
   h->h_ctor = ctor;
   h->h_ctor_ctx = ctor_ctx;
   h->h_tagcmp = tagcmp;
   h->h_tagcmp_ctx = tagcmp_ctx;
   h->h_max_requests = max_requests;
   h->h_blocking_submit = blocking_submit;
   emu_mutex_init(&h->h_lock);
   emu_cond_init(&h->h_cv);
   emu_cond_init(&h->h_mgr_cv);
   emu_mutex_lock(&h->h_lock);
   while (st == EMU_OK && h->h_nworlds < h->h_min) {
      st = helper_start_world_locked(h);
   }
   emu_mutex_unlock(&h->h_lock);
   if (st == EMU_OK) {
      snprintf(mgr_name, sizeof mgr_name, "%s-mgr", h->h_name);
      st = emu_world_create_system(mgr_name, helper_mgr_main, h, &h->h_mgr);
   }
   if (st != EMU_OK) {
      h->h_mgr = 0;
      helper_stop_pool(h);
      emu_cond_destroy(&h->h_mgr_cv);
      emu_cond_destroy(&h->h_cv);
      emu_mutex_destroy(&h->h_lock);
      free(h);
      return st;
   }
   emu_rsrc_add(&h->h_rsrc, EMU_RSRC_OTHER, "helper", h->h_name, caller);
   *hp = h;
   return EMU_OK;
}

/* Queue rq; wake a world, and the manager when requests back up.
 * => h_lock held; never blocks. */
static void
helper_enqueue_locked(struct emu_helper *h, struct emu_helper_req *rq)
{
   rq->rq_next = NULL;
   rq->rq_queued_at = emu_time_now_ns();
   if (h->h_tail != NULL) {
      h->h_tail->rq_next = rq;
   } else {
      h->h_head = rq;
   }
   h->h_tail = rq;
   h->h_queued++;
   emu_cond_broadcast(&h->h_cv);
   if (h->h_queued > h->h_idle + h->h_fresh && h->h_nworlds < h->h_max) {
      emu_cond_broadcast(&h->h_mgr_cv);
   }
}

/* => h_lock held; rq is on the delayed list. */
static void
helper_undelay_locked(struct emu_helper *h, struct emu_helper_req *rq)
{
   struct emu_helper_req **pp;

   for (pp = &h->h_delayed; *pp != rq; pp = &(*pp)->rq_next) {
   }
   *pp = rq->rq_next;
}

/* The timer of a delayed request fired: queue it. */
static void
helper_delay_fired(void (*fn)(void), uintptr_t cookie)
{
   struct emu_helper_req *rq = (struct emu_helper_req *)cookie;
   struct emu_helper *h = rq->rq_helper;

   (void)fn;
   emu_mutex_lock(&h->h_lock);
   helper_undelay_locked(h, rq);
   rq->rq_timer = 0;
   helper_enqueue_locked(h, rq);
   emu_mutex_unlock(&h->h_lock);
}

emu_status_t
emu_helper_submit(struct emu_helper *h, struct emu_helper_req *rq,
                  uint64_t delay_ns, const void *caller)
{
   emu_status_t st;

   rq->rq_helper = h;
   rq->rq_timer = 0;
   emu_mutex_lock(&h->h_lock);
   while (h->h_max_requests != 0 && h->h_count >= h->h_max_requests) {
      if (!h->h_blocking_submit) {
         emu_mutex_unlock(&h->h_lock);
         return EMU_LIMIT;
      }
      emu_cond_wait(&h->h_cv, &h->h_lock);
   }
   h->h_count++;
   if (delay_ns == 0) {
      helper_enqueue_locked(h, rq);
      emu_mutex_unlock(&h->h_lock);
      return EMU_OK;
   }
   rq->rq_next = h->h_delayed;
   h->h_delayed = rq;
   st = emu_timer_schedule(emu_timerq_default(), helper_delay_fired,
                           helper_timer_fn, (uintptr_t)rq, delay_ns, 0,
                           NULL, 0xffff, 0, NULL, caller, &rq->rq_timer);
   if (st != EMU_OK) {
      helper_undelay_locked(h, rq);
      h->h_count--;
   }
   emu_mutex_unlock(&h->h_lock);
   return st;
}

uint32_t
emu_helper_cancel(struct emu_helper *h, uintptr_t tag)
{
   struct emu_helper_req *cancelled = NULL;
   struct emu_helper_req **pp;
   struct emu_helper_req *rq;
   struct emu_helper_req *prev;
   uint32_t n = 0;

   emu_mutex_lock(&h->h_lock);
   /* Queued requests. */
   prev = NULL;
   for (pp = &h->h_head; (rq = *pp) != NULL;) {
      int match = h->h_tagcmp != NULL ?
                  h->h_tagcmp(h->h_tagcmp_ctx, rq->rq_tag, tag) :
                  rq->rq_tag == tag;

      if (match) {
         *pp = rq->rq_next;
         if (h->h_tail == rq) {
            h->h_tail = prev;
         }
         h->h_queued--;
         rq->rq_next = cancelled;
         cancelled = rq;
      } else {
         prev = rq;
         pp = &rq->rq_next;
      }
   }
   /* Delayed requests whose timer we can still stop. */
   for (pp = &h->h_delayed; (rq = *pp) != NULL;) {
      int match = h->h_tagcmp != NULL ?
                  h->h_tagcmp(h->h_tagcmp_ctx, rq->rq_tag, tag) :
                  rq->rq_tag == tag;

      if (match && emu_timer_cancel(rq->rq_timer, 0) == EMU_OK) {
         *pp = rq->rq_next;
         rq->rq_next = cancelled;
         cancelled = rq;
      } else {
         pp = &rq->rq_next;
      }
   }
   emu_mutex_unlock(&h->h_lock);
   while ((rq = cancelled) != NULL) {
      cancelled = rq->rq_next;
      if (rq->rq_cancel != NULL) {
         rq->rq_cancel(rq->rq_ctx);
      }
      free(rq);
      n++;
   }
   if (n != 0) {
      emu_mutex_lock(&h->h_lock);
      h->h_count -= n;
      emu_cond_broadcast(&h->h_cv);
      emu_mutex_unlock(&h->h_lock);
   }
   return n;
}

/* Cancel everything (destroy): every tag matches. */
static void
helper_cancel_all(struct emu_helper *h)
{
   struct emu_helper_req *rq;
   struct emu_helper_req *list;

   emu_mutex_lock(&h->h_lock);
   while (h->h_delayed != NULL) {
      rq = h->h_delayed;
      if (emu_timer_cancel(rq->rq_timer, 0) != EMU_OK) {
         /* Firing right now: it will land on the queue; let it. */
         emu_mutex_unlock(&h->h_lock);
         (void)emu_timer_cancel(rq->rq_timer, 1);
         emu_mutex_lock(&h->h_lock);
         continue;
      }
      h->h_delayed = rq->rq_next;
      rq->rq_next = h->h_head;
      h->h_head = rq;
      if (h->h_tail == NULL) {
         h->h_tail = rq;
      }
   }
   list = h->h_head;
   h->h_head = h->h_tail = NULL;
   h->h_queued = 0;
   emu_mutex_unlock(&h->h_lock);
   while ((rq = list) != NULL) {
      list = rq->rq_next;
      if (rq->rq_cancel != NULL) {
         rq->rq_cancel(rq->rq_ctx);
      }
      free(rq);
      emu_mutex_lock(&h->h_lock);
      h->h_count--;
      emu_mutex_unlock(&h->h_lock);
   }
}

emu_status_t
emu_helper_destroy(struct emu_helper *h)
{
   helper_cancel_all(h);
   helper_stop_pool(h);
   emu_rsrc_remove(&h->h_rsrc);
   h->h_magic = 0;
   emu_cond_destroy(&h->h_mgr_cv);
   emu_cond_destroy(&h->h_cv);
   emu_mutex_destroy(&h->h_lock);
   free(h);
   return EMU_OK;
}

uint32_t
emu_helper_count(struct emu_helper *h)
{
   uint32_t n;

   emu_mutex_lock(&h->h_lock);
   n = h->h_count;
   emu_mutex_unlock(&h->h_lock);
   return n;
}

emu_status_t
emu_helper_update(struct emu_helper *h, const struct emu_helper_tuning *tuning)
{
   uint32_t min;
   uint32_t max;
   uint64_t idle_ns;
   uint64_t block_ns;
   emu_status_t st;

   st = helper_tuning(tuning, &min, &max, &idle_ns, &block_ns);
   if (st != EMU_OK) {
      return st;
   }
   emu_mutex_lock(&h->h_lock);
   h->h_min = min;
   h->h_max = max;
   h->h_idle_ns = idle_ns;
   h->h_block_ns = block_ns;
   /* Idle worlds re-check retirement; the manager grows to a new minimum. */
   emu_cond_broadcast(&h->h_cv);
   emu_cond_broadcast(&h->h_mgr_cv);
   emu_mutex_unlock(&h->h_lock);
   return EMU_OK;
}
