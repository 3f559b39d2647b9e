/*
 * base/vmkapi_helper.h -- helper queues
 *
 * Queues of deferred work that a pool of helper worlds runs on the
 * driver's behalf, in world context where blocking is allowed.
 */

#ifndef _VMKAPI_HELPER_H_
#define _VMKAPI_HELPER_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_helper.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Helper Helper Worlds
 *
 * \brief Running requests later, in a world of their own.
 *
 * A helper is a FIFO queue served by one or more helper worlds. A driver
 * submits a request (a function and its argument), optionally after a
 * delay, and a helper world calls it. This is how code that runs where it
 * must not block (interrupt handlers, timers, spinlock sections) gets
 * blocking work done.
 *
 * Requests may carry a tag; vmk_HelperCancelRequest() cancels every
 * queued or delayed request whose tag matches, using the helper's tag
 * comparator if it has one.
 *
 * The pool starts with minWorlds worlds, adds worlds up to maxWorlds
 * when requests back up, and retires worlds beyond minWorlds that stay
 * idle.
 *
 * \note vmkemu caps the pool at a fixed number of worlds, uses its own
 *       defaults for tuning values left at 0, runs one extra manager world
 *       per helper, and does not bill requests to worldToBill. Delays,
 *       growth and retirement follow the emulator's clock, so with the
 *       manual clock they happen when a test advances it.
 * \{
 */

/**
 * \brief Value for the props argument of the submit functions that asks
 *        for default request properties (may block, no tag, no cancel
 *        function).
 */
#define VMK_HELPER_DEFAULT_REQ_PROPS ((const vmk_HelperRequestProps *)NULL)

/**
 * \brief A vmk_Helper value that refers to no helper.
 */
#define VMK_HELPER_INVALID_ID ((vmk_Helper)-1)

/** \brief Handle to a helper queue made by vmk_HelperCreate(). */
typedef vmk_uintptr_t vmk_Helper;

/**
 * \brief Callback run with a request's argument when the request is
 *        cancelled before it ran, so its resources can be released.
 */
typedef void (*vmk_HelperCancelFunc)(vmk_AddrCookie);

/**
 * \brief Callback run with constructorArg in each new helper world before
 *        it serves requests.
 */
typedef void (*vmk_HelperConstructor)(vmk_AddrCookie);

/**
 * \brief Helper properties that vmk_HelperUpdateProps() may change after
 *        creation.
 */
typedef struct vmk_HelperMutableProps {
   /**
    * \brief Number of helper worlds kept running even when idle; -1 means
    *        as many as maxWorlds.
    */
   vmk_int32 minWorlds;
   /**
    * \brief Most helper worlds the pool may grow to; 0 for the default
    *        (in vmkemu the number of PCPUs).
    */
   vmk_int32 maxWorlds;
   /**
    * \brief Milliseconds a world above minWorlds may stay idle before it
    *        retires; 0 for the default.
    */
   vmk_int32 maxIdleTime;
   /**
    * \brief Milliseconds the oldest queued request may wait before another
    *        world is added to the pool; 0 for the default.
    */
   vmk_int32 maxRequestBlockTime;
} vmk_HelperMutableProps;

/**
 * \brief Callback that decides whether a request's tag (first argument)
 *        matches the tag given to vmk_HelperCancelRequest() (second);
 *        without one, tags match when they are equal.
 */
typedef vmk_Bool (*vmk_HelperTagComparator)(vmk_AddrCookie, vmk_AddrCookie);

/**
 * \brief How vmk_HelperCreate() should build a helper.
 */
typedef struct {
   /** \brief Name of the helper, shown in logs and debugging output. */
   vmk_Name name;
   /** \brief Heap for the helper's own structures and its requests. */
   vmk_HeapID heap;
   /**
    * \brief Protect the queue with an IRQ spinlock, so requests may be
    *        submitted from interrupt context.
    */
   vmk_Bool useIrqSpinlock;
   /**
    * \brief Allocate maxRequests request slots at creation, so submission
    *        never allocates.
    */
   vmk_Bool preallocRequests;
   /**
    * \brief When maxRequests requests are outstanding, make submission wait
    *        for a free slot instead of failing.
    */
   vmk_Bool blockingSubmit;
   /** \brief Most requests that may be outstanding at once; 0 for no limit. */
   vmk_uint32 maxRequests;
   /** \brief World-count and timing properties (see vmk_HelperMutableProps). */
   vmk_HelperMutableProps mutables;
   /** \brief Tag comparator for cancellation, or NULL for plain equality. */
   vmk_HelperTagComparator tagCompare;
   /** \brief Function run in each new helper world, or NULL. */
   vmk_HelperConstructor constructor;
   /** \brief Argument passed to constructor. */
   vmk_AddrCookie constructorArg;
} vmk_HelperProps;

/**
 * \brief A request: called once, in a helper world, with the argument
 *        given at submission.
 */
typedef void (*vmk_HelperRequestFunc)(vmk_AddrCookie);

/**
 * \brief Per-request options for the submit functions; initialise with
 *        vmk_HelperRequestPropsInit().
 */
typedef struct vmk_HelperRequestProps {
   /**
    * \brief Whether the request function may block. A request that says no
    *        runs where blocking is not allowed.
    */
   vmk_Bool requestMayBlock;
   /** \brief Tag that vmk_HelperCancelRequest() matches against. */
   vmk_AddrCookie tag;
   /** \brief Called with the request's argument if it is cancelled, or NULL. */
   vmk_HelperCancelFunc cancelFunc;
   /**
    * \brief World whose CPU account is charged for the request, or
    *        VMK_INVALID_WORLD_ID.
    */
   vmk_WorldID worldToBill;
} vmk_HelperRequestProps;

/**
 * \brief Cancel the requests of a helper that carry a given tag and have
 *        not started yet.
 *
 * The cancel function of each cancelled request runs before this call
 * returns. Requests already running are not affected.
 *
 * \note This function may block.
 *
 * \param[in]  helper        Helper whose queue is searched.
 * \param[in]  requestTag    Tag to match (with the helper's comparator if
 *                           it has one).
 * \param[out] numCancelled  If not NULL, receives the number of requests
 *                           cancelled.
 *
 * \retval VMK_OK         At least one request was cancelled.
 * \retval VMK_NOT_FOUND  No queued or delayed request matched.
 * \retval VMK_BAD_PARAM  helper is not a live helper.
 */
VMK_ReturnStatus
vmk_HelperCancelRequest(
   vmk_Helper helper,
   vmk_AddrCookie requestTag,
   vmk_uint32 *numCancelled);

/**
 * \brief Create a helper queue and start its worlds.
 *
 * \note This function may block.
 *
 * \param[in]  props   Name, heap, queue limits, world counts, tag
 *                     comparator and world constructor.
 * \param[out] helper  Receives the handle of the new helper.
 *
 * \retval VMK_OK         The helper exists and *helper is set.
 * \retval VMK_BAD_PARAM  props or helper is NULL, minWorlds is below -1,
 *                        or minWorlds is above a positive maxWorlds.
 * \retval VMK_NO_MEMORY  No memory or no world could be created for the
 *                        helper.
 */
VMK_ReturnStatus
vmk_HelperCreate(
   vmk_HelperProps *props,
   vmk_Helper *helper);

/**
 * \brief Tell how many requests a helper has outstanding.
 *
 * The answer is a snapshot that may be stale by the time it is used.
 *
 * \note This function will not block.
 * \note vmkemu counts delayed, queued and running requests; ESXi counts
 *       only those waiting in the queue.
 *
 * \param[in] helper  Helper to query.
 *
 * \return The number of requests, or 0 if helper is not a live helper.
 */
vmk_uint32
vmk_HelperCurrentRequestCount(
   vmk_Helper helper);

/**
 * \brief Destroy a helper queue.
 *
 * Requests still queued or delayed are cancelled (their cancel
 * functions run); running ones are waited for; then the helper's worlds
 * stop.
 *
 * \note This function may block.
 *
 * \param[in] helper  Helper to destroy.
 *
 * \retval VMK_OK         The helper is gone.
 * \retval VMK_BAD_PARAM  helper is not a live helper.
 */
VMK_ReturnStatus
vmk_HelperDestroy(
   vmk_Helper helper);

/**
 * \brief Fill in request properties with their defaults.
 *
 * The defaults are: the request may block, tag 0, no cancel function,
 * billed to no particular world.
 *
 * \note This function will not block.
 *
 * \param[out] props  Properties to initialise.
 */
void
vmk_HelperRequestPropsInit(
   vmk_HelperRequestProps *props);

/**
 * \brief Queue a request on a helper to run once a delay has passed.
 *
 * \note This function may block if the helper was created with
 *       blockingSubmit and is full; otherwise it will not block.
 *
 * \param[in] helper       Helper to run the request.
 * \param[in] requestFunc  Function to call.
 * \param[in] data         Argument for requestFunc (and for the cancel
 *                         function).
 * \param[in] timeoutMS    Delay in milliseconds before the request becomes
 *                         runnable.
 * \param[in] props        Request options, or VMK_HELPER_DEFAULT_REQ_PROPS.
 *
 * \retval VMK_OK            The request is pending.
 * \retval VMK_BAD_PARAM     helper is not a live helper or requestFunc is
 *                           NULL.
 * \retval VMK_NO_RESOURCES  maxRequests requests are outstanding and the
 *                           helper does not block on submit.
 * \retval VMK_NO_MEMORY     No memory for the request.
 */
VMK_ReturnStatus
vmk_HelperSubmitDelayedRequest(
   vmk_Helper helper,
   vmk_HelperRequestFunc requestFunc,
   vmk_AddrCookie data,
   vmk_uint32 timeoutMS,
   const vmk_HelperRequestProps *props);

/**
 * \brief Queue a request on a helper to run as soon as a helper world is
 *        free.
 *
 * \note This function may block if the helper was created with
 *       blockingSubmit and is full; otherwise it will not block.
 *
 * \param[in] helper       Helper to run the request.
 * \param[in] requestFunc  Function to call.
 * \param[in] data         Argument for requestFunc (and for the cancel
 *                         function).
 * \param[in] props        Request options, or VMK_HELPER_DEFAULT_REQ_PROPS.
 *
 * \retval VMK_OK            The request is queued.
 * \retval VMK_BAD_PARAM     helper is not a live helper or requestFunc is
 *                           NULL.
 * \retval VMK_NO_RESOURCES  maxRequests requests are outstanding and the
 *                           helper does not block on submit.
 * \retval VMK_NO_MEMORY     No memory for the request.
 */
VMK_ReturnStatus
vmk_HelperSubmitRequest(
   vmk_Helper helper,
   vmk_HelperRequestFunc requestFunc,
   vmk_AddrCookie data,
   const vmk_HelperRequestProps *props);

/**
 * \brief Change the world counts and timings of a running helper.
 *
 * \note This function will not block; the pool adapts to the new values
 *       in the background.
 *
 * \param[in] helper  Helper to change.
 * \param[in] props   New mutable properties.
 *
 * \retval VMK_OK         The new properties are in effect.
 * \retval VMK_BAD_PARAM  helper is not a live helper, props is NULL, or
 *                        the world counts are inconsistent.
 */
VMK_ReturnStatus
vmk_HelperUpdateProps(
   vmk_Helper helper,
   const vmk_HelperMutableProps *props);

/** \} */

#endif /* _VMKAPI_HELPER_H_ */
