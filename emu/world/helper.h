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

/* Defaults for the tuning values a driver leaves at 0 or below. */
#define EMU_HELPER_DEFAULT_IDLE_MS   5000   /* retire after 5 s idle */
#define EMU_HELPER_DEFAULT_BLOCK_MS  0      /* add a world at once */

/* A request: run(ctx) or, when cancelled, cancel(ctx); both own ctx. */
struct emu_helper_req {
   void                 (*rq_run)(void *ctx);
   void                 (*rq_cancel)(void *ctx);
   void                  *rq_ctx;
   uintptr_t              rq_tag;
   int                    rq_may_block;
   uint64_t               rq_timer;     /* delayed: the timer ID */
   uint64_t               rq_queued_at; /* emulated ns it was queued */
   struct emu_helper     *rq_helper;
   struct emu_helper_req *rq_next;
};

/*
 * How many worlds serve a helper and when that changes, as the driver
 * gave it (vmk_HelperMutableProps): min -1 means max (no shrinking); max 0
 * or below means the default (the PCPU count, at most
 * EMU_HELPER_MAXWORLDS); idle_ms and block_ms 0 or below mean the
 * defaults above.
 */
struct emu_helper_tuning {
   int32_t ht_min;
   int32_t ht_max;
   int32_t ht_idle_ms;     /* idle this long above min: the world retires */
   int32_t ht_block_ms;    /* queued this long with no idle world: grow */
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
   int32_t                h_mgr;               /* the manager world */
   /* State -- h_lock. */
   emu_mutex_t            h_lock;
   emu_cond_t             h_cv;                /* helper worlds wait here */
   emu_cond_t             h_mgr_cv;            /* the manager waits here */
   struct emu_helper_req *h_head;
   struct emu_helper_req *h_tail;
   struct emu_helper_req *h_delayed;
   uint32_t               h_count;             /* queued + delayed + running */
   uint32_t               h_queued;
   uint32_t               h_running;
   /* Pool -- h_lock. */
   uint32_t               h_min;               /* resolved tuning */
   uint32_t               h_max;
   uint64_t               h_idle_ns;
   uint64_t               h_block_ns;
   int32_t                h_worlds[EMU_HELPER_MAXWORLDS];
   unsigned               h_nworlds;           /* serving (incl. fresh) */
   unsigned               h_idle;              /* waiting for a request */
   unsigned               h_fresh;             /* started, not yet waiting */
   int32_t                h_retired[EMU_HELPER_MAXWORLDS]; /* to reap */
   unsigned               h_nretired;
   uint64_t               h_started;           /* statistics: ever started */
   uint64_t               h_tick;              /* timer ID, 0: none */
   uint64_t               h_tick_at;           /* its deadline */
   int                    h_stop;
   emu_rsrc_t             h_rsrc;
};

emu_status_t emu_helper_init(void);
void emu_helper_fini(void);

/*
 * Create a helper: its manager world and min worlds are running on return.
 * => may block (starts worlds). EMU_BADPARAM for a min above max or below
 *    -1.
 */
emu_status_t emu_helper_create(const char *name,
                               const struct emu_helper_tuning *tuning,
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
 * => blocks only for a full helper created with blocking submission.
 */
emu_status_t emu_helper_submit(struct emu_helper *h,
                               struct emu_helper_req *rq, uint64_t delay_ns,
                               const void *caller);
/* Cancel queued/delayed requests whose tag matches; how many. */
uint32_t emu_helper_cancel(struct emu_helper *h, uintptr_t tag);
uint32_t emu_helper_count(struct emu_helper *h);
/* New tuning; the manager adds or retires worlds to match.  Never blocks. */
emu_status_t emu_helper_update(struct emu_helper *h,
                               const struct emu_helper_tuning *tuning);

#endif /* EMU_WORLD_HELPER_H */
