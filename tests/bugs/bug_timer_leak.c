/*
 * A driver module that schedules a timer and is unregistered with the
 * timer still pending: the timer would fire into unloaded code.
 */
#include "bugs.h"

static int line;

static void
never_cb(vmk_TimerCookie c)
{
   (void)c;
}

static void
run(void)
{
   const vmk_TimerQueue q = VMK_INVALID_TIMER_QUEUE;   /* the default */
   const vmk_int64 hour = 3600000000ll;
   const vmk_int64 tol = VMK_TIMER_DEFAULT_TOLERANCE;
   const vmk_LockDomainID dom = VMK_LOCKDOMAIN_INVALID;
   const vmk_LockRank r = VMK_SPINLOCK_UNRANKED;
   const vmk_TimerAttributes a = VMK_TIMER_ATTR_NONE;
   const vmk_TimerCallback cb = never_cb;
   bugs_module_t m;
   vmk_TimerCookie c;
   vmk_Timer t = VMK_INVALID_TIMER;
   VMK_ReturnStatus st;

   if (bugs_module_begin(&m) != VMK_OK) {
      return;
   }
   c.addr = 0;
   st = vmk_TimerSchedule(q, cb, c, hour, tol, a, dom, r, &t); BUG_AT(line);
   bugs_module_end(&m);                  /* the timer is still pending */
   if (st == VMK_OK) {
      vmk_TimerCancel(t, VMK_TRUE);
   }
}

const bug_case_t bug_timer_leak = {
   "module unregistered with a timer pending", EMUCTL_REPORT_LEAK, NULL, run,
   __FILE__, &line
};
