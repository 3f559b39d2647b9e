/* A driver that takes two ranked locks of one domain in the wrong order. */
#include "bugs.h"

static int line;

static void
run(void)
{
   vmk_LockDomainID d = bugs_domain("ranked");
   vmk_Lock outer = bugs_lock("outer", d, 1);
   vmk_Lock inner = bugs_lock("inner", d, 2);

   vmk_SpinlockLock(inner);
   vmk_SpinlockLock(outer); BUG_AT(line);
   vmk_SpinlockUnlock(outer);
   vmk_SpinlockUnlock(inner);
   vmk_SpinlockDestroy(inner);
   vmk_SpinlockDestroy(outer);
   vmk_LockDomainDestroy(d);
}

const bug_case_t bug_lock_rank = {
   "lock-rank inversion", EMUCTL_REPORT_LOCK_RANK, NULL, run, __FILE__, &line
};
