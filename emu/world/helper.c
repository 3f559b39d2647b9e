/*
 * helper.c -- helper queues for libvmkemu.
 *
 * 1. Model.  A helper is a FIFO of requests and a set of helper worlds
 *    (system thread worlds, minWorlds of them, at least one, at most
 *    EMU_HELPER_MAXWORLDS) that take requests in order and run them.  A
 *    delayed request is a timer (time.c) whose firing moves it onto the
 *    queue, so in manual clock mode delayed requests become runnable at
 *    EmuCtl_ClockAdvance, deterministically.
 *
 * 2. States of a request: delayed (a timer is armed) -> queued -> running
 *    -> gone; or cancelled from delayed/queued (its cancel function runs in
 *    the cancelling thread).  The current request count is all three.
 *
 * 3. Blocking: a request that did not say "may block" runs inside a
 *    non-blocking region.  With maxRequests reached, submission waits when
 *    the helper was created with blockingSubmit and fails otherwise.
 *
 * 4. Locking: h_lock protects the queue and counts; requests, cancel
 *    functions and constructors run without it.
 *
 * 5. Differences from ESX: the world count does not grow on demand up to
 *    maxWorlds nor shrink after maxIdleTime; minWorlds worlds run for the
 *    helper's life (vmk_HelperUpdateProps may add worlds up to a new
 *    minimum).  Requests are not billed to worldToBill.  Memory: plain
 *    host allocation.
 */
#include "helper.h"

#include <stdio.h>
#include <stdlib.h>

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

static int32_t
helper_world_main(void *arg)
{
   struct emu_helper *h = arg;
   struct emu_helper_req *rq;

   if (h->h_ctor != NULL) {
      h->h_ctor(h->h_ctor_ctx);
   }
   emu_mutex_lock(&h->h_lock);
   for (;;) {
      while (!h->h_stop && h->h_head == NULL) {
         emu_cond_wait(&h->h_cv, &h->h_lock);
      }
      if (h->h_head == NULL) {
         break;
      }
      rq = h->h_head;
      h->h_head = rq->rq_next;
      if (h->h_head == NULL) {
         h->h_tail = NULL;
      }
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
   emu_mutex_unlock(&h->h_lock);
   return 0;
}

/* => h_lock not held. */
static emu_status_t
helper_start_worlds(struct emu_helper *h, unsigned want)
{
   int32_t id;
   emu_status_t st;

   while (h->h_nworlds < want) {
      st = emu_world_create_system(h->h_name, helper_world_main, h, &id);
      if (st != EMU_OK) {
         return st;
      }
      emu_mutex_lock(&h->h_lock);
      h->h_worlds[h->h_nworlds++] = id;
      emu_mutex_unlock(&h->h_lock);
   }
   return EMU_OK;
}

static void
helper_stop_worlds(struct emu_helper *h)
{
   unsigned i;

   emu_mutex_lock(&h->h_lock);
   h->h_stop = 1;
   emu_cond_broadcast(&h->h_cv);
   emu_mutex_unlock(&h->h_lock);
   for (i = 0; i < h->h_nworlds; i++) {
      (void)emu_world_wait_for_death(h->h_worlds[i]);
   }
}

emu_status_t
emu_helper_create(const char *name, int32_t min, int32_t max,
                  uint32_t max_requests, int blocking_submit,
                  void (*ctor)(void *), void *ctor_ctx,
                  int (*tagcmp)(void *, uintptr_t, uintptr_t),
                  void *tagcmp_ctx, const void *caller,
                  struct emu_helper **hp)
{
   struct emu_helper *h;
   unsigned want;
   emu_status_t st;

   if (max < 1 || min < 0 || min > max) {
      return EMU_BADPARAM;
   }
   if (emu_fault_inject(EMU_FAULT_WORLD, caller)) {
      return EMU_NOMEM;
   }
   h = calloc(1, sizeof *h);
   if (h == NULL) {
      return EMU_NOMEM;
   }
   h->h_magic = EMU_HELPER_MAGIC;
   snprintf(h->h_name, sizeof h->h_name, "%s", name != NULL ? name : "");
   h->h_ctor = ctor;
   h->h_ctor_ctx = ctor_ctx;
   h->h_tagcmp = tagcmp;
   h->h_tagcmp_ctx = tagcmp_ctx;
   h->h_max_requests = max_requests;
   h->h_blocking_submit = blocking_submit;
   h->h_min = min;
   h->h_max = max;
   emu_mutex_init(&h->h_lock);
   emu_cond_init(&h->h_cv);
   want = min > 0 ? (unsigned)min : 1;
   if (want > EMU_HELPER_MAXWORLDS) {
      want = EMU_HELPER_MAXWORLDS;
   }
   st = helper_start_worlds(h, want);
   if (st != EMU_OK) {
      helper_stop_worlds(h);
      emu_cond_destroy(&h->h_cv);
      emu_mutex_destroy(&h->h_lock);
      free(h);
      return st;
   }
   emu_rsrc_add(&h->h_rsrc, EMU_RSRC_OTHER, "helper", h->h_name, caller);
   *hp = h;
   return EMU_OK;
}

/* => h_lock held. */
static void
helper_enqueue_locked(struct emu_helper *h, struct emu_helper_req *rq)
{
   rq->rq_next = NULL;
   if (h->h_tail != NULL) {
      h->h_tail->rq_next = rq;
   } else {
      h->h_head = rq;
   }
   h->h_tail = rq;
   emu_cond_broadcast(&h->h_cv);
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

static void
helper_timer_fn(void)
{
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
   helper_stop_worlds(h);
   emu_rsrc_remove(&h->h_rsrc);
   h->h_magic = 0;
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
emu_helper_update(struct emu_helper *h, int32_t min, int32_t max)
{
   unsigned want;

   if (max < 1 || min < 0 || min > max) {
      return EMU_BADPARAM;
   }
   emu_mutex_lock(&h->h_lock);
   h->h_min = min;
   h->h_max = max;
   emu_mutex_unlock(&h->h_lock);
   want = min > EMU_HELPER_MAXWORLDS ? EMU_HELPER_MAXWORLDS : (unsigned)min;
   return helper_start_worlds(h, want);
}
