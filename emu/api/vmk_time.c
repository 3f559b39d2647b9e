/*
 * vmk_time.c -- vmk_Timer*, vmk_GetTimerCycles & co. over time.c.  One
 * timer cycle is one emulated nanosecond.
 */
#include "api.h"

#include <stdio.h>

#include "core/block.h"
#include "world/lock.h"
#include "world/time.h"
#include "world/world.h"

EMU_EXPORT vmk_TimerCycles
vmk_GetTimerCycles(void)
{
   return emu_time_now_ns();
}

EMU_EXPORT vmk_uint64
vmk_TimerCyclesPerSecond(void)
{
   return 1000000000ull;
}

EMU_EXPORT vmk_TimerRelCycles
vmk_TimerNSToTC(vmk_int64 ns)
{
   return ns;
}

EMU_EXPORT vmk_TimerRelCycles
vmk_TimerUSToTC(vmk_int64 us)
{
   return us * 1000;
}

EMU_EXPORT vmk_TimerRelCycles
vmk_TimerMSToTC(vmk_int64 ms)
{
   return ms * 1000000;
}

EMU_EXPORT vmk_int64
vmk_TimerTCToNS(vmk_TimerRelCycles cycles)
{
   return cycles;
}

EMU_EXPORT vmk_int64
vmk_TimerTCToUS(vmk_TimerRelCycles cycles)
{
   return cycles / 1000;
}

EMU_EXPORT vmk_int64
vmk_TimerTCToMS(vmk_TimerRelCycles cycles)
{
   return cycles / 1000000;
}

EMU_EXPORT vmk_TimerCycles
vmk_TimerUnsignedNSToTC(vmk_uint64 ns)
{
   return ns;
}

EMU_EXPORT vmk_TimerCycles
vmk_TimerUnsignedUSToTC(vmk_uint64 us)
{
   return us * 1000;
}

EMU_EXPORT vmk_TimerCycles
vmk_TimerUnsignedMSToTC(vmk_uint64 ms)
{
   return ms * 1000000;
}

EMU_EXPORT vmk_uint64
vmk_TimerUnsignedTCToNS(vmk_TimerCycles cycles)
{
   return cycles;
}

EMU_EXPORT vmk_uint64
vmk_TimerUnsignedTCToUS(vmk_TimerCycles cycles)
{
   return cycles / 1000;
}

EMU_EXPORT vmk_uint64
vmk_TimerUnsignedTCToMS(vmk_TimerCycles cycles)
{
   return cycles / 1000000;
}

static void
time_to_val(uint64_t ns, vmk_TimeVal *tv)
{
   tv->sec = (vmk_int64)(ns / 1000000000ull);
   tv->usec = (vmk_int64)(ns % 1000000000ull / 1000ull);
}

EMU_EXPORT void
vmk_GetUptime(vmk_TimeVal *timeVal)
{
   if (timeVal != NULL) {
      time_to_val(emu_time_now_ns(), timeVal);
   }
}

EMU_EXPORT void
vmk_GetTimeOfDay(vmk_TimeVal *timeVal)
{
   if (timeVal != NULL) {
      time_to_val(emu_time_tod_ns(), timeVal);
   }
}

EMU_EXPORT void
vmk_DelayUsecs(vmk_uint32 delayUS)
{
   uint64_t end;

   if (emu_time_is_manual()) {
      emu_time_skip((uint64_t)delayUS * 1000ull);
      return;
   }
   end = emu_time_now_ns() + (uint64_t)delayUS * 1000ull;
   while (emu_time_now_ns() < end) {
#if defined(__x86_64__) || defined(__i386__)
      __asm__ __volatile__("pause");
#endif
   }
}

/* -- timer queues ------------------------------------------------------ */

EMU_EXPORT VMK_ReturnStatus
vmk_TimerQueueCreate(vmk_TimerQueueProps *props, vmk_TimerQueue *queueOut)
{
   struct emu_timerq *q;
   emu_status_t st;
   char name[VMK_MISC_NAME_MAX + 1];

   EMU_MAY_BLOCK();
   if (props == NULL || queueOut == NULL) {
      return VMK_BAD_PARAM;
   }
   snprintf(name, sizeof name, "%.*s", (int)sizeof props->name.string,
            props->name.string);
   st = emu_timerq_create(name, EMU_CALLER(), &q);
   if (st != EMU_OK) {
      return emu_api_status(st);
   }
   *queueOut = (vmk_TimerQueue)q;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_TimerQueueDestroy(vmk_TimerQueue queue)
{
   EMU_MAY_BLOCK();
   if (!emu_timerq_valid((struct emu_timerq *)queue)) {
      return VMK_BAD_PARAM;
   }
   return emu_api_status(emu_timerq_destroy((struct emu_timerq *)queue,
                                            EMU_CALLER()));
}

/* -- timers ------------------------------------------------------------ */

/*
 * The engine calls tramp(fn, cookie) with plain types; this rebuilds the
 * driver's vmk_TimerCookie union and calls the driver's callback with its
 * own type, so no function is called through a pointer of another type.
 */
static void
time_trampoline(void (*fn)(void), uintptr_t cookie)
{
   vmk_TimerCookie c;

   c.addr = (vmk_VA)cookie;
   ((vmk_TimerCallback)fn)(c);
}

static VMK_ReturnStatus
time_schedule(vmk_TimerQueue queue, vmk_TimerCallback callback,
              vmk_TimerCookie cookie, vmk_int64 timeoutUS,
              vmk_TimerAttributes attributes, vmk_LockDomainID lockDomain,
              vmk_LockRank lockRank, int reuse, vmk_Bool *wasPending,
              vmk_Timer *timer, const void *caller)
{
   struct emu_timerq *q = emu_timerq_default();
   struct emu_lock_domain *d = NULL;
   uint64_t id = 0;
   int was = 0;
   emu_status_t st;

   if (callback == NULL || timer == NULL || timeoutUS < 0 ||
       (attributes & ~(vmk_TimerAttributes)VMK_TIMER_ATTR_PERIODIC) != 0) {
      return VMK_BAD_PARAM;
   }
   if (queue != VMK_INVALID_TIMER_QUEUE) {
      q = (struct emu_timerq *)queue;
      if (!emu_timerq_valid(q)) {
         return VMK_BAD_PARAM;
      }
   }
   if (lockDomain != VMK_LOCKDOMAIN_INVALID && lockDomain != NULL) {
      d = (struct emu_lock_domain *)lockDomain;
      if (!emu_lock_domain_valid(d)) {
         return VMK_BAD_PARAM;
      }
   }
   if (reuse && *timer != VMK_INVALID_TIMER) {
      id = (uint64_t)(uintptr_t)*timer;
   }
   st = emu_timer_schedule(q, time_trampoline, (void (*)(void))callback,
                           (uintptr_t)cookie.addr,
                           (uint64_t)timeoutUS * 1000ull,
                           (attributes & VMK_TIMER_ATTR_PERIODIC) != 0 ?
                           EMU_TIMER_PERIODIC : 0,
                           d, d != NULL ? lockRank : EMU_LOCK_UNRANKED,
                           reuse, &was, caller, &id);
   if (st != EMU_OK) {
      return emu_api_status(st);
   }
   if (wasPending != NULL) {
      *wasPending = was ? VMK_TRUE : VMK_FALSE;
   }
   *timer = (vmk_Timer)(uintptr_t)id;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_TimerSchedule(vmk_TimerQueue queue, vmk_TimerCallback callback,
                  vmk_TimerCookie cookie, vmk_int64 timeoutUS,
                  vmk_int64 toleranceUS, vmk_TimerAttributes attributes,
                  vmk_LockDomainID lockDomain, vmk_LockRank lockRank,
                  vmk_Timer *timer)
{
   (void)toleranceUS;
   return time_schedule(queue, callback, cookie, timeoutUS, attributes,
                        lockDomain, lockRank, 0, NULL, timer, EMU_CALLER());
}

EMU_EXPORT VMK_ReturnStatus
vmk_TimerScheduleCustom(vmk_ModuleID moduleID, vmk_TimerQueue queue,
                        vmk_TimerCallback callback, vmk_TimerCookie cookie,
                        vmk_int64 timeoutUS, vmk_int64 toleranceUS,
                        vmk_TimerAttributes attributes,
                        vmk_LockDomainID lockDomain, vmk_LockRank lockRank,
                        vmk_Bool *wasPending, vmk_Timer *timer)
{
   (void)moduleID;
   (void)toleranceUS;
   return time_schedule(queue, callback, cookie, timeoutUS, attributes,
                        lockDomain, lockRank, 1, wasPending, timer,
                        EMU_CALLER());
}

EMU_EXPORT VMK_ReturnStatus
vmk_TimerCancel(vmk_Timer timer, vmk_Bool flag)
{
   if (timer == VMK_INVALID_TIMER) {
      return VMK_BAD_PARAM;
   }
   if (flag) {
      EMU_MAY_BLOCK();
   }
   return emu_api_status(emu_timer_cancel((uint64_t)(uintptr_t)timer,
                                          flag != VMK_FALSE));
}

EMU_EXPORT vmk_Bool
vmk_TimerIsPending(vmk_Timer timer)
{
   if (timer == VMK_INVALID_TIMER) {
      return VMK_FALSE;
   }
   return emu_timer_pending((uint64_t)(uintptr_t)timer) ? VMK_TRUE
                                                        : VMK_FALSE;
}
