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

/** \brief Timer attr none. */
#define VMK_TIMER_ATTR_NONE 0

/** \brief Timer queue attr none. */
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
 * \brief Timer queue attribute: fire with low latency.
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
 * \brief Description of a time val.
 */
typedef struct {
   /** \brief Sec. */
   vmk_int64 sec;
   /** \brief Usec. */
   vmk_int64 usec;
} vmk_TimeVal;

/** \brief Handle to a timer. */
typedef struct vmk_TimerInt *vmk_Timer;

/** \brief Timer attributes. */
typedef vmk_uint64 vmk_TimerAttributes;

/** \brief Timer cookie. */
typedef vmk_AddrCookie vmk_TimerCookie;

/** \brief Callback type: timer callback. */
typedef void (*vmk_TimerCallback)(vmk_TimerCookie);

/** \brief Timer cycles. */
typedef vmk_uint64 vmk_TimerCycles;

/** \brief Handle to a timer queue. */
typedef struct vmk_TimerQueueInt *vmk_TimerQueue;

/** \brief Timer queue attributes. */
typedef vmk_uint64 vmk_TimerQueueAttributes;

/**
 * \brief Properties of a timer queue.
 */
typedef struct {
   /** \brief Name. */
   vmk_Name name;
   /** \brief Module ID. */
   vmk_ModuleID moduleID;
   /** \brief Heap ID. */
   vmk_HeapID heapID;
   /** \brief Attribs. */
   vmk_TimerQueueAttributes attribs;
} vmk_TimerQueueProps;

/** \brief Timer rel cycles. */
typedef vmk_int64 vmk_TimerRelCycles;

/**
 * \brief Busy-wait for a number of microseconds.
 *
 * \param[in] delayUS Delay us.
 */
void
vmk_DelayUsecs(
   vmk_uint32 delayUS);

/**
 * \brief Wall-clock time.
 *
 * \param[in,out] timeVal Time val.
 */
void
vmk_GetTimeOfDay(
   vmk_TimeVal *timeVal);

/**
 * \brief Current value of the timer-cycle counter.
 */
vmk_TimerCycles
vmk_GetTimerCycles(void);

/**
 * \brief Time since boot (since vmkemu initialisation).
 *
 * \param[in,out] timeVal Time val.
 */
void
vmk_GetUptime(
   vmk_TimeVal *timeVal);

/**
 * \brief Cancel a timer, optionally waiting for a running callback.
 *
 * \param[in] timer Timer.
 * \param[in] flag Flag.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_TimerCancel(
   vmk_Timer timer,
   vmk_Bool flag);

/**
 * \brief Frequency of the timer-cycle counter.
 */
vmk_uint64
vmk_TimerCyclesPerSecond(void);

/**
 * \brief Whether a timer is still scheduled.
 *
 * \param[in] timer Timer.
 */
vmk_Bool
vmk_TimerIsPending(
   vmk_Timer timer);

/**
 * \brief Convert signed milliseconds to timer cycles.
 *
 * \param[in] int64 Int 64.
 */
vmk_TimerRelCycles
vmk_TimerMSToTC(
   vmk_int64 int64);

/**
 * \brief Convert signed nanoseconds to timer cycles.
 *
 * \param[in] int64 Int 64.
 */
vmk_TimerRelCycles
vmk_TimerNSToTC(
   vmk_int64 int64);

/**
 * \brief Create a timer queue.
 *
 * \param[in,out] props Props.
 * \param[in,out] queueOut Queue out.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_TimerQueueCreate(
   vmk_TimerQueueProps *props,
   vmk_TimerQueue *queueOut);

/**
 * \brief Destroy a timer queue.
 *
 * \param[in] queue Queue.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_TimerQueueDestroy(
   vmk_TimerQueue queue);

/**
 * \brief Schedule a one-shot or periodic timer on a timer queue.
 *
 * \param[in] queue Queue.
 * \param[in] callback Callback.
 * \param[in] cookie Cookie.
 * \param[in] timeoutUS Timeout us.
 * \param[in] toleranceUS Tolerance us.
 * \param[in] attributes Attributes.
 * \param[in] lockDomain Lock domain.
 * \param[in] lockRank Lock rank.
 * \param[in,out] timer Timer.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_TimerSchedule(
   vmk_TimerQueue queue,
   vmk_TimerCallback callback,
   vmk_TimerCookie cookie,
   vmk_int64 timeoutUS,
   vmk_int64 toleranceUS,
   vmk_TimerAttributes attributes,
   vmk_LockDomainID lockDomain,
   vmk_LockRank lockRank,
   vmk_Timer *timer);

/**
 * \brief Schedule a timer on behalf of a module, optionally reporting whether it was pending.
 *
 * \param[in] moduleID Module id.
 * \param[in] queue Queue.
 * \param[in] callback Callback.
 * \param[in] cookie Cookie.
 * \param[in] timeoutUS Timeout us.
 * \param[in] toleranceUS Tolerance us.
 * \param[in] attributes Attributes.
 * \param[in] lockDomain Lock domain.
 * \param[in] lockRank Lock rank.
 * \param[in,out] wasPending Was pending.
 * \param[in,out] timer Timer.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_TimerScheduleCustom(
   vmk_ModuleID moduleID,
   vmk_TimerQueue queue,
   vmk_TimerCallback callback,
   vmk_TimerCookie cookie,
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
 * \param[in] cycles Cycles.
 */
vmk_int64
vmk_TimerTCToMS(
   vmk_TimerRelCycles cycles);

/**
 * \brief Convert signed timer cycles to nanoseconds.
 *
 * \param[in] cycles Cycles.
 */
vmk_int64
vmk_TimerTCToNS(
   vmk_TimerRelCycles cycles);

/**
 * \brief Convert signed timer cycles to microseconds.
 *
 * \param[in] cycles Cycles.
 */
vmk_int64
vmk_TimerTCToUS(
   vmk_TimerRelCycles cycles);

/**
 * \brief Convert signed microseconds to timer cycles.
 *
 * \param[in] int64 Int 64.
 */
vmk_TimerRelCycles
vmk_TimerUSToTC(
   vmk_int64 int64);

/**
 * \brief Convert milliseconds to timer cycles.
 *
 * \param[in] uint64 Uint 64.
 */
vmk_TimerCycles
vmk_TimerUnsignedMSToTC(
   vmk_uint64 uint64);

/**
 * \brief Convert nanoseconds to timer cycles.
 *
 * \param[in] uint64 Uint 64.
 */
vmk_TimerCycles
vmk_TimerUnsignedNSToTC(
   vmk_uint64 uint64);

/**
 * \brief Convert timer cycles to milliseconds.
 *
 * \param[in] cycles Cycles.
 */
vmk_uint64
vmk_TimerUnsignedTCToMS(
   vmk_TimerCycles cycles);

/**
 * \brief Convert timer cycles to nanoseconds.
 *
 * \param[in] cycles Cycles.
 */
vmk_uint64
vmk_TimerUnsignedTCToNS(
   vmk_TimerCycles cycles);

/**
 * \brief Convert timer cycles to microseconds.
 *
 * \param[in] cycles Cycles.
 */
vmk_uint64
vmk_TimerUnsignedTCToUS(
   vmk_TimerCycles cycles);

/**
 * \brief Convert microseconds to timer cycles.
 *
 * \param[in] uint64 Uint 64.
 */
vmk_TimerCycles
vmk_TimerUnsignedUSToTC(
   vmk_uint64 uint64);

/** \} */

#endif /* _VMKAPI_TIME_H_ */
