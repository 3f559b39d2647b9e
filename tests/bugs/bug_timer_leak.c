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
   bugs_module_t m;
   vmk_TimerCookie c;
   vmk_Timer t = VMK_INVALID_TIMER;
   VMK_ReturnStatus st;

   if (bugs_module_begin(&m) != VMK_OK) {
      return;
   }
   c.addr = 0;
   st = vmk_TimerSchedule(VMK_INVALID_TIMER_QUEUE, never_cb, c, 3600000000ll, VMK_TIMER_DEFAULT_TOLERANCE, VMK_TIMER_ATTR_NONE, VMK_LOCKDOMAIN_INVALID, VMK_SPINLOCK_UNRANKED, &t); BUG_AT(line);
   bugs_module_end(&m);                  /* the timer is still pending */
   if (st == VMK_OK) {
      vmk_TimerCancel(t, VMK_TRUE);
   }
}

const bug_case_t bug_timer_leak = {
   "module unregistered with a timer pending", EMUCTL_REPORT_LEAK, NULL, run,
   __FILE__, &line
};
