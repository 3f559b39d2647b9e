/* A driver that releases a spinlock it does not hold. */
#include "bugs.h"

static int line;

static void
run(void)
{
   vmk_Lock lock = bugs_lock("free", VMK_LOCKDOMAIN_INVALID,
                             VMK_SPINLOCK_UNRANKED);

   vmk_SpinlockUnlock(lock); BUG_AT(line);
   vmk_SpinlockDestroy(lock);
}

const bug_case_t bug_unlock_not_held = {
   "unlock of a lock not held", EMUCTL_REPORT_LOCK_NOT_HELD, NULL, run,
   __FILE__, &line
};
