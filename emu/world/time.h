/*
 * time.h -- the emulated clock, timers and timer queues (engine-private;
 * the theory is in time.c).  All times are emulated nanoseconds since
 * EmuCtl_Init ("uptime"); one timer cycle is one nanosecond.
 */
#ifndef EMU_WORLD_TIME_H
#define EMU_WORLD_TIME_H

#include <stdint.h>

#include "../core/rsrc.h"
#include "../core/status.h"
#include "lock.h"

#define EMU_TIMERQ_MAGIC   0x54515545u   /* "TQUE" */
#define EMU_TIMER_PERIODIC 0x1

struct emu_timerq;

emu_status_t emu_time_init(void);
void emu_time_fini(void);

/* Emulated uptime in ns (manual or monotonic). */
uint64_t emu_time_now_ns(void);
/* Wall-clock ns since the epoch, moving with the emulated clock. */
uint64_t emu_time_tod_ns(void);
int emu_time_is_manual(void);
/* The host monotonic time at which emulated time t falls (real mode). */
uint64_t emu_time_mono_of(uint64_t t);

/* Switch clock modes; the emulated time carries on from where it is. */
void emu_time_set_manual(int on);
/*
 * Manual mode: move the clock forward by ns, firing due timers in the
 * calling thread in deadline order (the clock reads each timer's deadline
 * while it runs).  Returns how many callbacks ran; EMU_BADPARAM in real
 * mode.
 */
emu_status_t emu_time_advance(uint64_t ns, uint64_t *fired);
/* Manual mode, no timers: move the clock (vmk_DelayUsecs). */
void emu_time_skip(uint64_t ns);

emu_status_t emu_timerq_create(const char *name, const void *caller,
                               struct emu_timerq **qp);
/* EMU_BUSY while timers are pending in it. */
emu_status_t emu_timerq_destroy(struct emu_timerq *q, const void *caller);
int emu_timerq_valid(const struct emu_timerq *q);
/* The queue used when the driver passes none. */
struct emu_timerq *emu_timerq_default(void);

/*
 * Schedule tramp(fn, cookie) after delay_ns (again every delay_ns when flags has
 * PERIODIC).  While it runs, the timer world counts as holding a lock of
 * (domain, rank).  Handles are IDs, never reused, so a stale handle finds
 * nothing.  When *idp names a timer still pending and reuse is set, that
 * timer is re-armed in place and *was_pending is set to 1.
 * => never blocks; EMU_NOMEM by fault injection or lack of memory.
 */
typedef void (*emu_timer_tramp_t)(void (*fn)(void), uintptr_t cookie);
emu_status_t emu_timer_schedule(struct emu_timerq *q, emu_timer_tramp_t tramp,
                                void (*fn)(void), uintptr_t cookie,
                                uint64_t delay_ns, int flags,
                                struct emu_lock_domain *domain,
                                uint16_t rank, int reuse, int *was_pending,
                                const void *caller, uint64_t *idp);
/*
 * Cancel: EMU_OK when it will not fire again, EMU_NOTFOUND when it is not
 * pending (fired, cancelled, unknown).  wait: also wait for a callback in
 * progress (not when called from that callback).
 */
emu_status_t emu_timer_cancel(uint64_t id, int wait);
int emu_timer_pending(uint64_t id);
uint64_t emu_timer_npending(void);
/*
 * Wait until no timer is firing (unless the caller is the one firing): a
 * one-shot timer whose callback has returned is freed then, so a leak check
 * made afterwards does not count it.  => may block (callbacks do not).
 */
void emu_timer_quiesce(void);

#endif /* EMU_WORLD_TIME_H */
