/*
 * helper.h -- helper queues: worlds that run requests submitted to them
 * (engine-private; theory in helper.c).
 */
#ifndef EMU_WORLD_HELPER_H
#define EMU_WORLD_HELPER_H

#include <stdint.h>

#include "../core/rsrc.h"
#include "../core/status.h"
#include "../host/host.h"

#define EMU_HELPER_MAGIC    0x48454c50u   /* "HELP" */
#define EMU_HELPER_MAXWORLDS 16

/* A request: run(ctx) or, when cancelled, cancel(ctx); both own ctx. */
struct emu_helper_req {
   void                 (*rq_run)(void *ctx);
   void                 (*rq_cancel)(void *ctx);
   void                  *rq_ctx;
   uintptr_t              rq_tag;
   int                    rq_may_block;
   uint64_t               rq_timer;     /* delayed: the timer ID */
   struct emu_helper     *rq_helper;
   struct emu_helper_req *rq_next;
};

struct emu_helper {
   uint32_t               h_magic;
   char                   h_name[32];
   /* Immutable after create. */
   void                 (*h_ctor)(void *ctx);  /* run in each new world */
   void                  *h_ctor_ctx;
   int                  (*h_tagcmp)(void *ctx, uintptr_t a, uintptr_t b);
   void                  *h_tagcmp_ctx;
   uint32_t               h_max_requests;      /* 0: no limit */
   int                    h_blocking_submit;
   /* State -- h_lock. */
   emu_mutex_t            h_lock;
   emu_cond_t             h_cv;
   struct emu_helper_req *h_head;
   struct emu_helper_req *h_tail;
   struct emu_helper_req *h_delayed;
   uint32_t               h_count;             /* queued + delayed + running */
   uint32_t               h_running;
   int32_t                h_min;
   int32_t                h_max;
   int32_t                h_worlds[EMU_HELPER_MAXWORLDS];
   unsigned               h_nworlds;
   int                    h_stop;
   emu_rsrc_t             h_rsrc;
};

emu_status_t emu_helper_init(void);
void emu_helper_fini(void);

/* => may block (starts worlds). EMU_BADPARAM for min > max or max < 1. */
emu_status_t emu_helper_create(const char *name, int32_t min, int32_t max,
                               uint32_t max_requests, int blocking_submit,
                               void (*ctor)(void *), void *ctor_ctx,
                               int (*tagcmp)(void *, uintptr_t, uintptr_t),
                               void *tagcmp_ctx, const void *caller,
                               struct emu_helper **hp);
int emu_helper_valid(const struct emu_helper *h);
/* Cancels queued and delayed requests, waits for the worlds to end. */
emu_status_t emu_helper_destroy(struct emu_helper *h);
/*
 * Queue rq now (delay_ns 0) or after delay_ns.  EMU_LIMIT when full and
 * submission does not block.  rq is owned by the helper from here on.
 */
emu_status_t emu_helper_submit(struct emu_helper *h,
                               struct emu_helper_req *rq, uint64_t delay_ns,
                               const void *caller);
/* Cancel queued/delayed requests whose tag matches; how many. */
uint32_t emu_helper_cancel(struct emu_helper *h, uintptr_t tag);
uint32_t emu_helper_count(struct emu_helper *h);
emu_status_t emu_helper_update(struct emu_helper *h, int32_t min,
                               int32_t max);

#endif /* EMU_WORLD_HELPER_H */
