/*
 * vmk_helper.c -- vmk_Helper* over helper.c.  Driver callbacks go through
 * trampolines so the engine calls only its own function types.
 */
#include "api.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/block.h"
#include "world/helper.h"

/* What a helper keeps of the driver's props (freed at destroy). */
struct helper_cbs {
   vmk_HelperConstructor   hc_ctor;
   vmk_AddrCookie          hc_ctor_arg;
   vmk_HelperTagComparator hc_cmp;
};

/* One request's driver side (freed by whichever trampoline runs). */
struct helper_call {
   vmk_HelperRequestFunc hr_fn;
   vmk_AddrCookie        hr_arg;
   vmk_HelperCancelFunc  hr_cancel;
};

static void
helper_ctor_tramp(void *ctx)
{
   struct helper_cbs *cbs = ctx;

   cbs->hc_ctor(cbs->hc_ctor_arg);
}

static int
helper_cmp_tramp(void *ctx, uintptr_t a, uintptr_t b)
{
   struct helper_cbs *cbs = ctx;
   vmk_AddrCookie ca;
   vmk_AddrCookie cb;

   ca.addr = (vmk_VA)a;
   cb.addr = (vmk_VA)b;
   return cbs->hc_cmp(ca, cb) != VMK_FALSE;
}

static void
helper_run_tramp(void *ctx)
{
   struct helper_call *c = ctx;

   c->hr_fn(c->hr_arg);
   free(c);
}

static void
helper_cancel_tramp(void *ctx)
{
   struct helper_call *c = ctx;

   if (c->hr_cancel != NULL) {
      c->hr_cancel(c->hr_arg);
   }
   free(c);
}

static void
helper_tuning_of(const vmk_HelperMutableProps *m, struct emu_helper_tuning *t)
{
   t->ht_min = m->minWorlds;
   t->ht_max = m->maxWorlds;
   t->ht_idle_ms = m->maxIdleTime;
   t->ht_block_ms = m->maxRequestBlockTime;
}

EMU_EXPORT VMK_ReturnStatus
vmk_HelperCreate(vmk_HelperProps *props, vmk_Helper *helper)
{
   struct emu_helper_tuning t;
   struct helper_cbs *cbs;
   struct emu_helper *h;
   emu_status_t st;
   char name[VMK_MISC_NAME_MAX + 1];

   EMU_MAY_BLOCK();
   if (props == NULL || helper == NULL) {
      return VMK_BAD_PARAM;
   }
   cbs = calloc(1, sizeof *cbs);
   if (cbs == NULL) {
      return VMK_NO_MEMORY;
   }
   cbs->hc_ctor = props->constructor;
   cbs->hc_ctor_arg = props->constructorArg;
   cbs->hc_cmp = props->tagCompare;
   snprintf(name, sizeof name, "%.*s", (int)sizeof props->name.string,
            props->name.string);
   helper_tuning_of(&props->mutables, &t);
   st = emu_helper_create(name, &t, props->maxRequests,
                          props->blockingSubmit != VMK_FALSE,
                          cbs->hc_ctor != NULL ? helper_ctor_tramp : NULL,
                          cbs,
                          cbs->hc_cmp != NULL ? helper_cmp_tramp : NULL,
                          cbs, EMU_CALLER(), &h);
   if (st != EMU_OK) {
      free(cbs);
      return emu_api_status(st);
   }
   *helper = (vmk_Helper)h;
   return VMK_OK;
}

static struct emu_helper *
helper_get(vmk_Helper helper)
{
   struct emu_helper *h = (struct emu_helper *)helper;

   return helper != VMK_HELPER_INVALID_ID && emu_helper_valid(h) ? h : NULL;
}

EMU_EXPORT VMK_ReturnStatus
vmk_HelperDestroy(vmk_Helper helper)
{
   struct emu_helper *h = helper_get(helper);
   void *cbs;

   EMU_MAY_BLOCK();
   if (h == NULL) {
      return VMK_BAD_PARAM;
   }
   cbs = h->h_ctor_ctx;
   (void)emu_helper_destroy(h);
   free(cbs);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_HelperUpdateProps(vmk_Helper helper, const vmk_HelperMutableProps *props)
{
   struct emu_helper *h = helper_get(helper);
   struct emu_helper_tuning t;

   if (h == NULL || props == NULL) {
      return VMK_BAD_PARAM;
   }
   helper_tuning_of(props, &t);
   return emu_api_status(emu_helper_update(h, &t));
}

EMU_EXPORT void
vmk_HelperRequestPropsInit(vmk_HelperRequestProps *props)
{
   if (props != NULL) {
      props->requestMayBlock = VMK_TRUE;
      props->tag.addr = 0;
      props->cancelFunc = NULL;
      props->worldToBill = VMK_INVALID_WORLD_ID;
   }
}

static VMK_ReturnStatus
helper_submit(vmk_Helper helper, vmk_HelperRequestFunc fn, vmk_AddrCookie arg,
              uint64_t delay_ns, const vmk_HelperRequestProps *props,
              const void *caller)
{
   struct emu_helper *h = helper_get(helper);
   struct emu_helper_req *rq;
   struct helper_call *c;
   emu_status_t st;

   if (h == NULL || fn == NULL) {
      return VMK_BAD_PARAM;
   }
   if (h->h_blocking_submit) {
      EMU_MAY_BLOCK();
   }
   rq = calloc(1, sizeof *rq);
   c = malloc(sizeof *c);
   if (rq == NULL || c == NULL) {
      free(rq);
      free(c);
      return VMK_NO_MEMORY;
   }
   c->hr_fn = fn;
   c->hr_arg = arg;
   c->hr_cancel = props != NULL ? props->cancelFunc : NULL;
   rq->rq_run = helper_run_tramp;
   rq->rq_cancel = helper_cancel_tramp;
   rq->rq_ctx = c;
   rq->rq_tag = props != NULL ? (uintptr_t)props->tag.addr : 0;
   rq->rq_may_block = props == NULL || props->requestMayBlock != VMK_FALSE;
   st = emu_helper_submit(h, rq, delay_ns, caller);
   if (st != EMU_OK) {
      free(rq);
      free(c);
      return st == EMU_LIMIT ? VMK_NO_RESOURCES : emu_api_status(st);
   }
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_HelperSubmitRequest(vmk_Helper helper, vmk_HelperRequestFunc requestFunc,
                        vmk_AddrCookie requestArg,
                        const vmk_HelperRequestProps *props)
{
   return helper_submit(helper, requestFunc, requestArg, 0, props,
                        EMU_CALLER());
}

EMU_EXPORT VMK_ReturnStatus
vmk_HelperSubmitDelayedRequest(vmk_Helper helper,
                               vmk_HelperRequestFunc requestFunc,
                               vmk_AddrCookie requestArg,
                               vmk_uint32 timeoutMS,
                               const vmk_HelperRequestProps *props)
{
   return helper_submit(helper, requestFunc, requestArg,
                        (uint64_t)timeoutMS * 1000000ull, props,
                        EMU_CALLER());
}

EMU_EXPORT VMK_ReturnStatus
vmk_HelperCancelRequest(vmk_Helper helper, vmk_AddrCookie tag,
                        vmk_uint32 *numCancelled)
{
   struct emu_helper *h = helper_get(helper);
   uint32_t n;

   if (h == NULL) {
      return VMK_BAD_PARAM;
   }
   n = emu_helper_cancel(h, (uintptr_t)tag.addr);
   if (numCancelled != NULL) {
      *numCancelled = n;
   }
   return n != 0 ? VMK_OK : VMK_NOT_FOUND;
}

EMU_EXPORT vmk_uint32
vmk_HelperCurrentRequestCount(vmk_Helper helper)
{
   struct emu_helper *h = helper_get(helper);

   return h != NULL ? emu_helper_count(h) : 0;
}
