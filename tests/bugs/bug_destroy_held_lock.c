/* A driver that destroys a spinlock while holding it. */
#include "bugs.h"

static int line;

static void
run(void)
{
   vmk_Lock lock = bugs_lock("busy", VMK_LOCKDOMAIN_INVALID,
                             VMK_SPINLOCK_UNRANKED);

   vmk_SpinlockLock(lock);
   vmk_SpinlockDestroy(lock); BUG_AT(line);
   vmk_SpinlockUnlock(lock);
   vmk_SpinlockDestroy(lock);
}

const bug_case_t bug_destroy_held_lock = {
   "spinlock destroyed while held", EMUCTL_REPORT_BUSY_DESTROY, NULL, run,
   __FILE__, &line
};
