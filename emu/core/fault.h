/*
 * fault.h -- fault injection for allocation-like calls.
 *
 * Every engine entry that can fail for lack of a resource (slab and heap
 * allocation, pool creation and page allocation, mapping, world/timer/lock
 * creation) asks emu_fault_inject() first and fails with its ordinary
 * "no memory" result when told to.  When nothing is armed that is one load
 * and one branch.
 *
 * Policies, combinable: fail the Nth call of a class (1-based, once), fail
 * every Nth call, fail with probability p/1000 from a seed printed when it is
 * armed, fail the first call from each distinct call site once.
 */
#ifndef EMU_CORE_FAULT_H
#define EMU_CORE_FAULT_H

#include <stdint.h>

#include "../host/host.h"

typedef enum emu_fault_class {
   EMU_FAULT_ANY = 0,           /* matches every class */
   EMU_FAULT_SLAB,
   EMU_FAULT_HEAP,
   EMU_FAULT_PAGES,
   EMU_FAULT_MAP,
   EMU_FAULT_WORLD,
   EMU_FAULT_TIMER,
   EMU_FAULT_LOCK,
   EMU_FAULT_OTHER,
   EMU_FAULT_NCLASSES
} emu_fault_class_t;

extern int emu_fault_armed;

int emu_fault_decide(emu_fault_class_t cls, const void *caller);

/* 1 when this call must fail.  caller: the driver's return address. */
static inline int
emu_fault_inject(emu_fault_class_t cls, const void *caller)
{
   if (EMU_LIKELY(!emu_fault_armed)) {
      return 0;
   }
   return emu_fault_decide(cls, caller);
}

/*
 * Called (under the fault lock, so never twice at once) each time injection
 * goes from disarmed to armed or back, after emu_fault_armed changed: the
 * slab engine points every cache's fast paths at an empty magazine slot
 * meanwhile, so that its alloc fast path needs no test of its own.  The
 * hook must not call back into fault injection.
 */
typedef void (*emu_fault_arm_hook_t)(int armed);
void emu_fault_set_arm_hook(emu_fault_arm_hook_t fn);

/* Arm "fail the Nth call of cls" (n = 0 disarms it). Counting restarts. */
void emu_fault_fail_nth(emu_fault_class_t cls, uint64_t n);
/* Re-read the fail_* options and restart counting. */
void emu_fault_rearm(void);
/*
 * Calls of cls checked, and failures injected, since the last (re)arm.
 * Calls are only counted while something is armed (an exhausted fail_nth
 * disarms), so the disarmed fast path stays one branch.
 */
uint64_t emu_fault_calls(emu_fault_class_t cls);
uint64_t emu_fault_injected(void);
/* Forget the call sites already failed (fail_sites). */
void emu_fault_reset_sites(void);
/* The call site of the most recent injected failure (or NULL). */
const void *emu_fault_last_site(void);


/*
 * Walk mode, for EmuCtl_WalkFailures: while it is on, each run (started
 * with emu_fault_walk_run) fails at most one call of class cls (ANY: all)
 * -- the first one from a call site that has not failed in an earlier run of the walk.  The hook,
 * when given, is called (outside the fault lock) right after the failure is
 * decided, so a forked child can tell its parent the site before it might
 * crash.  emu_fault_walk_hold stops further failures in the current run;
 * emu_fault_walk_note_site marks a site as done (a parent learning what its
 * child failed).
 */
typedef void (*emu_fault_hook_t)(const void *site, emu_fault_class_t cls);
void emu_fault_walk_begin(emu_fault_class_t cls, emu_fault_hook_t hook);
void emu_fault_walk_run(void);
void emu_fault_walk_hold(void);
int emu_fault_walk_result(const void **site, emu_fault_class_t *cls);
void emu_fault_walk_note_site(const void *site);
int emu_fault_walk_active(void);
void emu_fault_walk_end(void);

#endif
