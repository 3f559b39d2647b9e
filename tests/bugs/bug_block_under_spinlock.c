/* A driver that sleeps while it holds a spinlock. */
#include "bugs.h"

static int line;

static void
run(void)
{
   vmk_Lock lock = bugs_lock("held", VMK_LOCKDOMAIN_INVALID,
                             VMK_SPINLOCK_UNRANKED);

   vmk_SpinlockLock(lock);
   vmk_WorldSleep(10); BUG_AT(line);
   vmk_SpinlockUnlock(lock);
   vmk_SpinlockDestroy(lock);
}

const bug_case_t bug_block_under_spinlock = {
   "blocking under a spinlock", EMUCTL_REPORT_BLOCK_IN_NONBLOCKING, NULL, run,
   __FILE__, &line
};
