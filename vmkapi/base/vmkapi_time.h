/*
 * base/vmkapi_time.h -- time and timers
 *
 * Time of day, uptime, timer cycles and timer queues. vmkemu uses the host
 * monotonic clock by default; tests may switch to a manual clock.
 */

#ifndef _VMKAPI_TIME_H_
#define _VMKAPI_TIME_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_time.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Time Time and Timers
 * \{
 */

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmk_TimerInt;

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmk_TimerQueueInt;

/** \brief Timer attribute value: a one-shot timer. */
#define VMK_TIMER_ATTR_NONE 0

/** \brief Timer queue attribute value: no special behaviour. */
#define VMK_TIMER_QUEUE_ATTR_NONE 0

/**
 * \brief Absolute deadline in milliseconds delayMS from now, or 0 (no deadline) for 0.
 */
#define VMK_ABS_TIMEOUT_MS(delayMS)                                            \
   ((delayMS) ? vmk_TimerUnsignedTCToMS(vmk_GetTimerCycles()) + (delayMS) : 0)

/**
 * \brief A timer handle that refers to no timer.
 */
#define VMK_INVALID_TIMER ((vmk_Timer)NULL)

/**
 * \brief A timer queue handle that refers to no queue.
 */
#define VMK_INVALID_TIMER_QUEUE ((vmk_TimerQueue)NULL)

/**
 * \brief Milliseconds in a second.
 */
#define VMK_MSEC_PER_SEC VMK_CONST64(1000)

/**
 * \brief Timeout meaning "do not wait".
 */
#define VMK_TIMEOUT_NONBLOCKING (0)

/**
 * \brief Timeout meaning "wait forever".
 */
#define VMK_TIMEOUT_UNLIMITED_MS (VMK_UINT32_MAX)

/**
 * \brief Timer attribute: fire repeatedly at the timeout interval.
 */
#define VMK_TIMER_ATTR_PERIODIC (1 << 0)

/**
 * \brief Tolerance meaning "let the system choose".
 */
#define VMK_TIMER_DEFAULT_TOLERANCE (-1)

/**
 * \brief Timer queue attribute: fire with low latency (accepted and ignored
 *        by vmkemu).
 */
#define VMK_TIMER_QUEUE_ATTR_LOW_LATENCY (1 << 0)

/**
 * \brief Microseconds in a millisecond.
 */
#define VMK_USEC_PER_MSEC VMK_CONST64(1000)

/**
 * \brief Microseconds in a second.
 */
#define VMK_USEC_PER_SEC VMK_CONST64(1000000)

/**
 * \brief A point in time or a duration, split into seconds and microseconds.
 */
typedef struct {
   /** \brief Whole seconds. */
   vmk_int64 sec;
   /** \brief Microseconds beyond sec (0 to 999999). */
   vmk_int64 usec;
} vmk_TimeVal;

/** \brief Handle of a scheduled timer. */
typedef struct vmk_TimerInt *vmk_Timer;

/** \brief Timer attribute bits (VMK_TIMER_ATTR_*). */
typedef vmk_uint64 vmk_TimerAttributes;

/** \brief Value handed to a timer callback. */
typedef vmk_AddrCookie vmk_TimerCookie;

/** \brief Function a timer calls when it fires; gets the timer's cookie. */
typedef void (*vmk_TimerCallback)(vmk_TimerCookie);

/** \brief A point in time, counted in timer cycles since boot. */
typedef vmk_uint64 vmk_TimerCycles;

/** \brief Handle of a timer queue. */
typedef struct vmk_TimerQueueInt *vmk_TimerQueue;

/** \brief Timer queue attribute bits (VMK_TIMER_QUEUE_ATTR_*). */
typedef vmk_uint64 vmk_TimerQueueAttributes;

/**
 * \brief Properties for creating a timer queue.
 */
typedef struct {
   /** \brief Name of the queue, used in reports. */
   vmk_Name name;
   /** \brief Module that owns the queue. */
   vmk_ModuleID moduleID;
   /** \brief Heap the queue is allocated from. */
   vmk_HeapID heapID;
   /** \brief Queue attributes (VMK_TIMER_QUEUE_ATTR_*). */
   vmk_TimerQueueAttributes attribs;
} vmk_TimerQueueProps;

/** \brief A signed time difference in timer cycles. */
typedef vmk_int64 vmk_TimerRelCycles;

/**
 * \brief Busy-wait for at least a given time.
 *
 * \note This function will not block; it spins.
 * \note With the manual test clock, vmkemu moves the clock forward by uSecs
 *     instead of spinning; timers falling due fire at the next clock advance.
 *
 * \param[in] uSecs Microseconds to spin.
 */
void
vmk_DelayUsecs(
   vmk_uint32 uSecs);

/**
 * \brief Wall-clock time.
 *
 * \note This function will not block.
 *
 * \param[out] tv Receives seconds and microseconds since the epoch.
 */
void
vmk_GetTimeOfDay(
   vmk_TimeVal *tv);

/**
 * \brief Current value of the monotonic timer-cycle counter.
 *
 * \note This function will not block.
 * \note vmkemu counts nanoseconds of the host's monotonic clock (or the manual
 *     test clock).
 *
 * \return Timer cycles since boot.
 */
vmk_TimerCycles
vmk_GetTimerCycles(void);

/**
 * \brief Time since the host started.
 *
 * \note This function will not block.
 * \note vmkemu counts from EmuCtl_Init().
 *
 * \param[out] tv Receives seconds and microseconds since boot.
 */
void
vmk_GetUptime(
   vmk_TimeVal *tv);

/**
 * \brief Disarm a timer.
 *
 * \note This function will not block when wait is VMK_FALSE; with VMK_TRUE it
 *     may block.
 *
 * \param[in] timer Timer to cancel.
 * \param[in] wait VMK_TRUE to wait for a callback that is running to finish.
 *
 * \retval VMK_OK The timer was pending and is cancelled, or it is a periodic
 *     timer whose callback is running and it will not fire again.
 * \retval VMK_NOT_FOUND The timer had already fired or was cancelled.
 * \retval VMK_BAD_PARAM timer is VMK_INVALID_TIMER.
 */
VMK_ReturnStatus
vmk_TimerCancel(
   vmk_Timer timer,
   vmk_Bool wait);

/**
 * \brief Frequency of the timer-cycle counter.
 *
 * \note This function will not block.
 *
 * \return Timer cycles per second.
 */
vmk_uint64
vmk_TimerCyclesPerSecond(void);

/**
 * \brief Whether a timer is armed and has not fired yet.
 *
 * \note This function will not block.
 *
 * \param[in] timer Timer to ask about.
 *
 * \return VMK_TRUE if the timer is pending, else VMK_FALSE.
 */
vmk_Bool
vmk_TimerIsPending(
   vmk_Timer timer);

/**
 * \brief Convert a signed count of milliseconds to timer cycles.
 *
 * \note This function will not block.
 *
 * \param[in] ms Count of milliseconds.
 *
 * \return The same duration in timer cycles.
 */
vmk_TimerRelCycles
vmk_TimerMSToTC(
   vmk_int64 ms);

/**
 * \brief Convert a signed count of nanoseconds to timer cycles.
 *
 * \note This function will not block.
 *
 * \param[in] ns Count of nanoseconds.
 *
 * \return The same duration in timer cycles.
 */
vmk_TimerRelCycles
vmk_TimerNSToTC(
   vmk_int64 ns);

/**
 * \brief Create a timer queue whose callbacks run in their own world.
 *
 * \note This function may block.
 *
 * \param[in] props Module, heap, name and attributes.
 * \param[out] queue Receives the handle of the new queue.
 *
 * \retval VMK_OK The queue exists and *queue is set.
 * \retval VMK_BAD_PARAM props or queue is NULL.
 * \retval VMK_NO_MEMORY Not enough memory for the queue.
 */
VMK_ReturnStatus
vmk_TimerQueueCreate(
   vmk_TimerQueueProps *props,
   vmk_TimerQueue *queue);

/**
 * \brief Destroy a timer queue that has no pending timers.
 *
 * \note This function may block.
 *
 * \param[in] queue Queue to destroy.
 *
 * \retval VMK_OK The queue is gone.
 * \retval VMK_BAD_PARAM queue is not a live timer queue.
 * \retval VMK_INVALID_HANDLE queue is the system's default queue, which cannot
 *     be destroyed.
 * \retval VMK_BUSY Timers are still pending on the queue; it is kept.
 */
VMK_ReturnStatus
vmk_TimerQueueDestroy(
   vmk_TimerQueue queue);

/**
 * \brief Arm a one-shot or periodic timer.
 *
 * \note This function will not block.
 * \note vmkemu runs every callback, one at a time and in deadline order, in
 *     one timer world shared by all queues; with the manual test clock,
 *     timers fire only when the test advances the clock
 *     (EmuCtl_ClockAdvance()).
 *
 * \param[in] queue Queue that runs the callback (VMK_INVALID_TIMER_QUEUE for the
 *     system queue).
 * \param[in] callback Function to call when the timer fires.
 * \param[in] data Argument for the callback.
 * \param[in] timeoutUS Delay before the first call, in microseconds.
 * \param[in] toleranceUS How late the call may be, in microseconds (ignored
 *     by vmkemu).
 * \param[in] attributes VMK_TIMER_ATTR_NONE or VMK_TIMER_ATTR_PERIODIC.
 * \param[in] lockDomain Lock domain of the callback, or VMK_LOCKDOMAIN_INVALID.
 * \param[in] lockRank Lock rank of the callback, or VMK_SPINLOCK_UNRANKED.
 * \param[out] timer Receives the handle of the timer.
 *
 * \retval VMK_OK The timer is armed and *timer is set.
 * \retval VMK_BAD_PARAM callback or timer is NULL, timeoutUS is negative (or 0
 *     for a periodic timer), an attribute is unknown, or the queue or lock
 *     domain is not live.
 * \retval VMK_NO_MEMORY No timer could be allocated.
 */
VMK_ReturnStatus
vmk_TimerSchedule(
   vmk_TimerQueue queue,
   vmk_TimerCallback callback,
   vmk_TimerCookie data,
   vmk_int64 timeoutUS,
   vmk_int64 toleranceUS,
   vmk_TimerAttributes attributes,
   vmk_LockDomainID lockDomain,
   vmk_LockRank lockRank,
   vmk_Timer *timer);

/**
 * \brief Arm a timer on behalf of a module, reusing an existing timer handle.
 *
 * \note This function will not block.
 *
 * \param[in] moduleID Module charged for the timer.
 * \param[in] queue Queue that runs the callback (VMK_INVALID_TIMER_QUEUE for the
 *     system queue).
 * \param[in] callback Function to call when the timer fires.
 * \param[in] data Argument for the callback.
 * \param[in] timeoutUS Delay before the first call, in microseconds.
 * \param[in] toleranceUS How late the call may be, in microseconds (ignored
 *     by vmkemu).
 * \param[in] attributes VMK_TIMER_ATTR_NONE or VMK_TIMER_ATTR_PERIODIC.
 * \param[in] lockDomain Lock domain of the callback, or VMK_LOCKDOMAIN_INVALID.
 * \param[in] lockRank Lock rank of the callback, or VMK_SPINLOCK_UNRANKED.
 * \param[out] wasPending Receives whether the timer was already armed.
 * \param[out] timer Receives the handle of the timer.
 *
 * \retval VMK_OK The timer is armed.
 * \retval VMK_BAD_PARAM callback or timer is NULL, timeoutUS is negative (or 0
 *     for a periodic timer), an attribute is unknown, or the queue or lock
 *     domain is not live.
 * \retval VMK_NO_MEMORY No timer could be allocated.
 */
VMK_ReturnStatus
vmk_TimerScheduleCustom(
   vmk_ModuleID moduleID,
   vmk_TimerQueue queue,
   vmk_TimerCallback callback,
   vmk_TimerCookie data,
   vmk_int64 timeoutUS,
   vmk_int64 toleranceUS,
   vmk_TimerAttributes attributes,
   vmk_LockDomainID lockDomain,
   vmk_LockRank lockRank,
   vmk_Bool *wasPending,
   vmk_Timer *timer);

/**
 * \brief Convert signed timer cycles to milliseconds.
 *
 * \note This function will not block.
 *
 * \param[in] cycles Duration in timer cycles.
 *
 * \return The same duration in milliseconds, rounded down.
 */
vmk_int64
vmk_TimerTCToMS(
   vmk_TimerRelCycles cycles);

/**
 * \brief Convert signed timer cycles to nanoseconds.
 *
 * \note This function will not block.
 *
 * \param[in] cycles Duration in timer cycles.
 *
 * \return The same duration in nanoseconds, rounded down.
 */
vmk_int64
vmk_TimerTCToNS(
   vmk_TimerRelCycles cycles);

/**
 * \brief Convert signed timer cycles to microseconds.
 *
 * \note This function will not block.
 *
 * \param[in] cycles Duration in timer cycles.
 *
 * \return The same duration in microseconds, rounded down.
 */
vmk_int64
vmk_TimerTCToUS(
   vmk_TimerRelCycles cycles);

/**
 * \brief Convert a signed count of microseconds to timer cycles.
 *
 * \note This function will not block.
 *
 * \param[in] us Count of microseconds.
 *
 * \return The same duration in timer cycles.
 */
vmk_TimerRelCycles
vmk_TimerUSToTC(
   vmk_int64 us);

/**
 * \brief Convert an unsigned count of milliseconds to timer cycles.
 *
 * \note This function will not block.
 *
 * \param[in] ms Count of milliseconds.
 *
 * \return The same duration in timer cycles.
 */
vmk_TimerCycles
vmk_TimerUnsignedMSToTC(
   vmk_uint64 ms);

/**
 * \brief Convert an unsigned count of nanoseconds to timer cycles.
 *
 * \note This function will not block.
 *
 * \param[in] ns Count of nanoseconds.
 *
 * \return The same duration in timer cycles.
 */
vmk_TimerCycles
vmk_TimerUnsignedNSToTC(
   vmk_uint64 ns);

/**
 * \brief Convert unsigned timer cycles to milliseconds.
 *
 * \note This function will not block.
 *
 * \param[in] cycles Duration in timer cycles.
 *
 * \return The same duration in milliseconds, rounded down.
 */
vmk_uint64
vmk_TimerUnsignedTCToMS(
   vmk_TimerCycles cycles);

/**
 * \brief Convert unsigned timer cycles to nanoseconds.
 *
 * \note This function will not block.
 *
 * \param[in] cycles Duration in timer cycles.
 *
 * \return The same duration in nanoseconds, rounded down.
 */
vmk_uint64
vmk_TimerUnsignedTCToNS(
   vmk_TimerCycles cycles);

/**
 * \brief Convert unsigned timer cycles to microseconds.
 *
 * \note This function will not block.
 *
 * \param[in] cycles Duration in timer cycles.
 *
 * \return The same duration in microseconds, rounded down.
 */
vmk_uint64
vmk_TimerUnsignedTCToUS(
   vmk_TimerCycles cycles);

/**
 * \brief Convert an unsigned count of microseconds to timer cycles.
 *
 * \note This function will not block.
 *
 * \param[in] us Count of microseconds.
 *
 * \return The same duration in timer cycles.
 */
vmk_TimerCycles
vmk_TimerUnsignedUSToTC(
   vmk_uint64 us);

/** \} */

#endif /* _VMKAPI_TIME_H_ */
