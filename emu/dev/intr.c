/*
 * intr.c -- simulated interrupts for libvmkemu.
 *
 * 1. Model.  A cookie is one interrupt vector (a legacy line, an MSI
 *    message or an MSI-X table entry) allocated to a PCI function.
 *    Drivers register handlers on it, then enable it.  A raise (from the
 *    test side, EmuCtl_PCIRaiseInterrupt) is handed to the interrupt
 *    world -- one system world that plays the CPU taking interrupts --
 *    which runs acknowledgeInterrupt then handler of every handler on the
 *    cookie, inside a non-blocking region: a blocking call from a handler
 *    is a BLOCK_IN_NONBLOCKING report, as blocking in interrupt context
 *    is a panic on ESXi.  The raiser waits until the handlers returned,
 *    so a test sees their effects when its call returns.
 *
 * 2. States of a cookie: free -> allocated (disabled) -> enabled <->
 *    disabled -> free.  A raise on a disabled cookie, or while its module
 *    is inside vmk_IntrWithAllDisabledInvoke, sets a pending bit; the
 *    pending interrupt is delivered once (edge semantics) when the cookie
 *    is enabled or the module's block ends -- asynchronously, since those
 *    calls may not block.
 *
 * 3. Locking: intr_lock guards the table, the queue and the counts;
 *    handlers run without it.  A handler being run is never freed:
 *    unregister and free wait until the cookie's running count drops to
 *    zero (intr_cv), and so do vmk_IntrSync and vmk_IntrDisable.
 *
 * 4. Differences from ESX: one interrupt world for every vector, no
 *    affinity, no interrupt sharing across functions, no spurious
 *    interrupt detection; the entropy attribute is accepted and ignored.
 */
#include "intr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/block.h"
#include "../core/log.h"
#include "../mod/module.h"
#include "../world/world.h"

struct intr_handler {
   vmk_IntrAcknowledge  h_ack;
   vmk_IntrHandler      h_fn;
   void                *h_data;
   int32_t              h_module;
   struct intr_handler *h_next;
};

struct intr_vec {
   void                *v_owner;      /* NULL: free */
   int32_t              v_module;
   int                  v_shared;
   int                  v_enabled;
   int                  v_pending;
   unsigned             v_running;    /* deliveries in progress or queued */
   struct intr_handler *v_handlers;
};

struct intr_req {
   uint32_t         q_cookie;
   int              q_async;          /* nobody waits: free when done */
   int              q_done;
   emu_status_t     q_result;
   struct intr_req *q_next;
};

static emu_mutex_t intr_lock = EMU_MUTEX_INITIALIZER;
static emu_cond_t intr_cv;            /* deliveries done, queue changes */
static struct intr_vec intr_vecs[EMU_INTR_MAX];
static uint32_t intr_next;            /* next-fit start */
static struct intr_req *intr_head;
static struct intr_req *intr_tail;
static int intr_stop;
static int32_t intr_world_id;
static int intr_started;
struct intr_block {
   int32_t b_module;
   unsigned b_depth;
};
static struct intr_block intr_blocked[16];
static EMU_HOST_THREAD_LOCAL uint32_t intr_current;   /* cookie being run */

static struct intr_vec *
intr_vec(uint32_t cookie)
{
   if (cookie < EMU_INTR_BASE || cookie >= EMU_INTR_BASE + EMU_INTR_MAX) {
      return NULL;
   }
   return &intr_vecs[cookie - EMU_INTR_BASE];
}

/* => intr_lock held. */
static int
intr_module_blocked(int32_t module)
{
   unsigned i;

   for (i = 0; i < 16; i++) {
      if (intr_blocked[i].b_depth != 0 && intr_blocked[i].b_module == module) {
         return 1;
      }
   }
   return 0;
}

/* Queue a delivery.  => intr_lock held. */
static void
intr_queue(struct intr_req *q, struct intr_vec *v)
{
   v->v_running++;
   q->q_next = NULL;
   if (intr_tail != NULL) {
      intr_tail->q_next = q;
   } else {
      intr_head = q;
   }
   intr_tail = q;
   emu_cond_broadcast(&intr_cv);
}

/* Deliver a pending interrupt without waiting.  => intr_lock held. */
static void
intr_kick_pending(uint32_t cookie, struct intr_vec *v)
{
   struct intr_req *q;

   if (!v->v_pending || !v->v_enabled || intr_module_blocked(v->v_module)) {
      return;
   }
   q = calloc(1, sizeof *q);
   if (q == NULL) {
      return;                          /* stays pending */
   }
   v->v_pending = 0;
   q->q_cookie = cookie;
   q->q_async = 1;
   intr_queue(q, v);
}

static emu_status_t
intr_deliver(uint32_t cookie)
{
   struct intr_vec *v = intr_vec(cookie);
   struct intr_handler *h;
   struct intr_handler *list[32];
   unsigned n = 0;
   unsigned ran = 0;
   unsigned i;

   emu_mutex_lock(&intr_lock);
   if (v->v_owner == NULL) {
      emu_mutex_unlock(&intr_lock);
      return EMU_NOTFOUND;
   }
   if (!v->v_enabled || intr_module_blocked(v->v_module)) {
      v->v_pending = 1;
      emu_mutex_unlock(&intr_lock);
      return EMU_WOULDBLOCK;
   }
   for (h = v->v_handlers; h != NULL && n < 32; h = h->h_next) {
      list[n++] = h;
   }
   emu_mutex_unlock(&intr_lock);
   intr_current = cookie;
   EMU_NONBLOCKING_BEGIN("interrupt handler (interrupt context)");
   for (i = 0; i < n; i++) {
      emu_mod_frame_t frame;
      int pushed;

      h = list[i];
      pushed = emu_mod_push(h->h_module, (void *)(uintptr_t)h->h_fn, NULL,
                            &frame) == EMU_OK;
      if (h->h_ack == NULL || h->h_ack(h->h_data, cookie) == VMK_OK) {
         h->h_fn(h->h_data, cookie);
         ran++;
      }
      if (pushed) {
         emu_mod_pop(NULL);
      }
   }
   EMU_NONBLOCKING_END();
   intr_current = 0;
   return ran != 0 ? EMU_OK : EMU_NOTFOUND;
}

static int32_t
intr_world_main(void *arg)
{
   struct intr_req *q;

   (void)arg;
   emu_mutex_lock(&intr_lock);
   for (;;) {
      while (!intr_stop && intr_head == NULL) {
         emu_cond_wait(&intr_cv, &intr_lock);
      }
      if (intr_head == NULL) {
         break;
      }
      q = intr_head;
      intr_head = q->q_next;
      if (intr_head == NULL) {
         intr_tail = NULL;
      }
      emu_mutex_unlock(&intr_lock);
      q->q_result = intr_deliver(q->q_cookie);
      emu_mutex_lock(&intr_lock);
      intr_vecs[q->q_cookie - EMU_INTR_BASE].v_running--;
      if (q->q_async) {
         free(q);
      } else {
         q->q_done = 1;
      }
      emu_cond_broadcast(&intr_cv);
   }
   emu_mutex_unlock(&intr_lock);
   return 0;
}

emu_status_t
emu_intr_init(void)
{
   emu_status_t st;

   memset(intr_vecs, 0, sizeof intr_vecs);
   memset(intr_blocked, 0, sizeof intr_blocked);
   intr_next = 0;
   intr_stop = 0;
   intr_head = intr_tail = NULL;
   emu_cond_init(&intr_cv);
   st = emu_world_create_system("interrupts", intr_world_main, NULL,
                                &intr_world_id);
   if (st != EMU_OK) {
      emu_cond_destroy(&intr_cv);
      return st;
   }
   intr_started = 1;
   return EMU_OK;
}

void
emu_intr_fini(void)
{
   unsigned i;

   if (!intr_started) {
      return;
   }
   emu_mutex_lock(&intr_lock);
   intr_stop = 1;
   emu_cond_broadcast(&intr_cv);
   emu_mutex_unlock(&intr_lock);
   (void)emu_world_wait_for_death(intr_world_id);
   intr_started = 0;
   for (i = 0; i < EMU_INTR_MAX; i++) {
      struct intr_handler *h;

      while ((h = intr_vecs[i].v_handlers) != NULL) {
         intr_vecs[i].v_handlers = h->h_next;
         free(h);
      }
   }
   memset(intr_vecs, 0, sizeof intr_vecs);
   emu_cond_destroy(&intr_cv);
}

emu_status_t
emu_intr_alloc(void *owner, int32_t module, int shared, uint32_t n,
               uint32_t *cookies)
{
   uint32_t got = 0;
   uint32_t i;

   emu_mutex_lock(&intr_lock);
   for (i = 0; i < EMU_INTR_MAX && got < n; i++) {
      uint32_t k = (intr_next + i) % EMU_INTR_MAX;

      if (intr_vecs[k].v_owner == NULL) {
         cookies[got++] = EMU_INTR_BASE + k;
         intr_vecs[k].v_owner = owner;      /* claimed; filled below */
      }
   }
   if (got < n) {
      for (i = 0; i < got; i++) {
         intr_vecs[cookies[i] - EMU_INTR_BASE].v_owner = NULL;
      }
      emu_mutex_unlock(&intr_lock);
      return EMU_NOMEM;
   }
   for (i = 0; i < n; i++) {
      struct intr_vec *v = &intr_vecs[cookies[i] - EMU_INTR_BASE];

      memset(v, 0, sizeof *v);
      v->v_owner = owner;
      v->v_module = module;
      v->v_shared = shared;
   }
   if (n != 0) {
      intr_next = (cookies[n - 1] - EMU_INTR_BASE + 1) % EMU_INTR_MAX;
   }
   emu_mutex_unlock(&intr_lock);
   return EMU_OK;
}

void *
emu_intr_owner(uint32_t cookie)
{
   struct intr_vec *v = intr_vec(cookie);
   void *o;

   if (v == NULL) {
      return NULL;
   }
   emu_mutex_lock(&intr_lock);
   o = v->v_owner;
   emu_mutex_unlock(&intr_lock);
   return o;
}

/* Wait until no delivery of v runs.  => intr_lock held. */
static void
intr_wait_idle(uint32_t cookie, struct intr_vec *v)
{
   if (intr_current == cookie) {
      return;                  /* called from its own handler */
   }
   while (v->v_running != 0) {
      emu_cond_wait(&intr_cv, &intr_lock);
   }
}

unsigned
emu_intr_free(uint32_t cookie)
{
   struct intr_vec *v = intr_vec(cookie);
   struct intr_handler *h;
   unsigned n = 0;

   if (v == NULL) {
      return 0;
   }
   emu_mutex_lock(&intr_lock);
   v->v_enabled = 0;
   v->v_pending = 0;
   intr_wait_idle(cookie, v);
   while ((h = v->v_handlers) != NULL) {
      v->v_handlers = h->h_next;
      free(h);
      n++;
   }
   v->v_owner = NULL;
   emu_mutex_unlock(&intr_lock);
   return n;
}

emu_status_t
emu_intr_register(uint32_t cookie, int32_t module, const vmk_IntrProps *props)
{
   struct intr_vec *v = intr_vec(cookie);
   struct intr_handler *h;
   struct intr_handler **pp;

   if (v == NULL) {
      return EMU_BADPARAM;
   }
   h = calloc(1, sizeof *h);
   if (h == NULL) {
      return EMU_NOMEM;
   }
   h->h_ack = props->acknowledgeInterrupt;
   h->h_fn = props->handler;
   h->h_data = props->handlerData;
   h->h_module = module;
   emu_mutex_lock(&intr_lock);
   if (v->v_owner == NULL) {
      emu_mutex_unlock(&intr_lock);
      free(h);
      return EMU_BADPARAM;
   }
   if (v->v_handlers != NULL && !v->v_shared) {
      emu_mutex_unlock(&intr_lock);
      free(h);
      return EMU_BUSY;
   }
   for (pp = &v->v_handlers; *pp != NULL; pp = &(*pp)->h_next) {
      if ((*pp)->h_data == h->h_data) {
         emu_mutex_unlock(&intr_lock);
         free(h);
         return EMU_EXISTS;
      }
   }
   *pp = h;
   emu_mutex_unlock(&intr_lock);
   return EMU_OK;
}

emu_status_t
emu_intr_unregister(uint32_t cookie, void *handler_data)
{
   struct intr_vec *v = intr_vec(cookie);
   struct intr_handler **pp;
   struct intr_handler *h = NULL;

   if (v == NULL) {
      return EMU_BADPARAM;
   }
   emu_mutex_lock(&intr_lock);
   for (pp = &v->v_handlers; *pp != NULL; pp = &(*pp)->h_next) {
      if ((*pp)->h_data == handler_data) {
         h = *pp;
         *pp = h->h_next;
         break;
      }
   }
   if (h == NULL) {
      emu_mutex_unlock(&intr_lock);
      return EMU_NOTFOUND;
   }
   intr_wait_idle(cookie, v);
   emu_mutex_unlock(&intr_lock);
   free(h);
   return EMU_OK;
}

emu_status_t
emu_intr_enable(uint32_t cookie, int enable)
{
   struct intr_vec *v = intr_vec(cookie);

   if (v == NULL) {
      return EMU_BADPARAM;
   }
   emu_mutex_lock(&intr_lock);
   if (v->v_owner == NULL) {
      emu_mutex_unlock(&intr_lock);
      return EMU_BADPARAM;
   }
   v->v_enabled = enable;
   if (enable) {
      intr_kick_pending(cookie, v);
   } else {
      intr_wait_idle(cookie, v);
   }
   emu_mutex_unlock(&intr_lock);
   return EMU_OK;
}

emu_status_t
emu_intr_sync(uint32_t cookie)
{
   struct intr_vec *v = intr_vec(cookie);

   if (v == NULL) {
      return EMU_BADPARAM;
   }
   emu_mutex_lock(&intr_lock);
   if (v->v_owner == NULL) {
      emu_mutex_unlock(&intr_lock);
      return EMU_BADPARAM;
   }
   intr_wait_idle(cookie, v);
   emu_mutex_unlock(&intr_lock);
   return EMU_OK;
}

void
emu_intr_with_module_disabled(int32_t module, vmk_IntrDisabledFunc fn,
                              vmk_AddrCookie data)
{
   unsigned i;
   unsigned slot = 16;
   uint32_t k;
   int busy;

   emu_mutex_lock(&intr_lock);
   for (;;) {
      for (i = 0; i < 16; i++) {
         if (intr_blocked[i].b_depth != 0 &&
             intr_blocked[i].b_module == module) {
            slot = i;
            break;
         }
         if (intr_blocked[i].b_depth == 0 && slot == 16) {
            slot = i;
         }
      }
      if (slot < 16) {
         break;
      }
      emu_cond_wait(&intr_cv, &intr_lock);   /* 16 modules at once */
   }
   intr_blocked[slot].b_module = module;
   intr_blocked[slot].b_depth++;
   /* Wait for the module's handlers already running elsewhere. */
   do {
      busy = 0;
      for (k = 0; k < EMU_INTR_MAX; k++) {
         struct intr_vec *v = &intr_vecs[k];

         if (v->v_owner != NULL && v->v_module == module &&
             v->v_running != 0 && intr_current != EMU_INTR_BASE + k) {
            busy = 1;
            break;
         }
      }
      if (busy) {
         emu_cond_wait(&intr_cv, &intr_lock);
      }
   } while (busy);
   emu_mutex_unlock(&intr_lock);

   EMU_NONBLOCKING_BEGIN("vmk_IntrWithAllDisabledInvoke callback");
   fn(data);
   EMU_NONBLOCKING_END();

   emu_mutex_lock(&intr_lock);
   if (--intr_blocked[slot].b_depth == 0) {
      for (k = 0; k < EMU_INTR_MAX; k++) {
         if (intr_vecs[k].v_owner != NULL && intr_vecs[k].v_module == module) {
            intr_kick_pending(EMU_INTR_BASE + k, &intr_vecs[k]);
         }
      }
   }
   emu_cond_broadcast(&intr_cv);
   emu_mutex_unlock(&intr_lock);
}

emu_status_t
emu_intr_raise(uint32_t cookie)
{
   struct intr_vec *v = intr_vec(cookie);
   struct intr_req q;

   if (v == NULL) {
      return EMU_BADPARAM;
   }
   memset(&q, 0, sizeof q);
   q.q_cookie = cookie;
   emu_mutex_lock(&intr_lock);
   if (v->v_owner == NULL) {
      emu_mutex_unlock(&intr_lock);
      return EMU_BADPARAM;
   }
   if (!v->v_enabled || intr_module_blocked(v->v_module)) {
      v->v_pending = 1;
      emu_mutex_unlock(&intr_lock);
      return EMU_WOULDBLOCK;
   }
   if (v->v_handlers == NULL) {
      emu_mutex_unlock(&intr_lock);
      return EMU_NOTFOUND;
   }
   if (intr_current != 0) {
      /* Raised from a handler: the interrupt world is busy with us;
       * queue it and do not wait (nested interrupts run after). */
      struct intr_req *a = calloc(1, sizeof *a);

      if (a != NULL) {
         a->q_cookie = cookie;
         a->q_async = 1;
         intr_queue(a, v);
      }
      emu_mutex_unlock(&intr_lock);
      return a != NULL ? EMU_OK : EMU_NOMEM;
   }
   intr_queue(&q, v);
   while (!q.q_done) {
      emu_cond_wait(&intr_cv, &intr_lock);
   }
   emu_mutex_unlock(&intr_lock);
   return q.q_result;
}

uint32_t
emu_intr_inflight(void)
{
   uint32_t n = 0;
   uint32_t k;

   emu_mutex_lock(&intr_lock);
   for (k = 0; k < EMU_INTR_MAX; k++) {
      n += intr_vecs[k].v_running;
   }
   emu_mutex_unlock(&intr_lock);
   return n;
}
