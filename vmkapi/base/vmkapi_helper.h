/*
 * base/vmkapi_helper.h -- helper worlds
 *
 * Helper queues run requests asynchronously in a pool of worlds.
 */

#ifndef _VMKAPI_HELPER_H_
#define _VMKAPI_HELPER_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_helper.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Helper Helper Worlds
 * \{
 */

/**
 * \brief Request properties meaning "use the defaults".
 */
#define VMK_HELPER_DEFAULT_REQ_PROPS ((const vmk_HelperRequestProps *)NULL)

/**
 * \brief A helper handle that refers to no helper.
 */
#define VMK_HELPER_INVALID_ID ((vmk_Helper)-1)

/** \brief Helper. */
typedef vmk_uintptr_t vmk_Helper;

/** \brief Callback type: helper cancel func. */
typedef void (*vmk_HelperCancelFunc)(vmk_AddrCookie);

/** \brief Callback type: helper constructor. */
typedef void (*vmk_HelperConstructor)(vmk_AddrCookie);

/**
 * \brief Properties of a helper mutable.
 */
typedef struct vmk_HelperMutableProps {
   /** \brief Min worlds. */
   vmk_int32 minWorlds;
   /** \brief Max worlds. */
   vmk_int32 maxWorlds;
   /** \brief Max idle time. */
   vmk_int32 maxIdleTime;
   /** \brief Max request block time. */
   vmk_int32 maxRequestBlockTime;
} vmk_HelperMutableProps;

/** \brief Callback type: helper tag comparator. */
typedef vmk_Bool (*vmk_HelperTagComparator)(vmk_AddrCookie, vmk_AddrCookie);

/**
 * \brief Properties of a helper.
 */
typedef struct {
   /** \brief Name. */
   vmk_Name name;
   /** \brief Heap. */
   vmk_HeapID heap;
   /** \brief Use irq spinlock. */
   vmk_Bool useIrqSpinlock;
   /** \brief Prealloc requests. */
   vmk_Bool preallocRequests;
   /** \brief Blocking submit. */
   vmk_Bool blockingSubmit;
   /** \brief Max requests. */
   vmk_uint32 maxRequests;
   /** \brief Mutables. */
   vmk_HelperMutableProps mutables;
   /** \brief Tag compare. */
   vmk_HelperTagComparator tagCompare;
   /** \brief Constructor. */
   vmk_HelperConstructor constructor;
   /** \brief Constructor arg. */
   vmk_AddrCookie constructorArg;
} vmk_HelperProps;

/** \brief Callback type: helper request func. */
typedef void (*vmk_HelperRequestFunc)(vmk_AddrCookie);

/**
 * \brief Properties of a helper request.
 */
typedef struct vmk_HelperRequestProps {
   /** \brief Request may block. */
   vmk_Bool requestMayBlock;
   /** \brief Tag. */
   vmk_AddrCookie tag;
   /** \brief Cancel func. */
   vmk_HelperCancelFunc cancelFunc;
   /** \brief World to bill. */
   vmk_WorldID worldToBill;
} vmk_HelperRequestProps;

/**
 * \brief Helper: cancel request.
 *
 * \note This function may block.
 *
 * \param[in] helper Helper.
 * \param[in] requestTag Request tag.
 * \param[out] numCancelled Num cancelled.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_HelperCancelRequest(
   vmk_Helper helper,
   vmk_AddrCookie requestTag,
   vmk_uint32 *numCancelled);

/**
 * \brief Create a helper.
 *
 * \note This function may block.
 *
 * \param[in] props Properties.
 * \param[out] helper Helper.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_HelperCreate(
   vmk_HelperProps *props,
   vmk_Helper *helper);

/**
 * \brief Number of requests queued or running on a helper.
 *
 * \note This function will not block.
 *
 * \param[in] helper Helper.
 */
vmk_uint32
vmk_HelperCurrentRequestCount(
   vmk_Helper helper);

/**
 * \brief Destroy a helper.
 *
 * \note This function may block.
 *
 * \param[in] helper Helper.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_HelperDestroy(
   vmk_Helper helper);

/**
 * \brief Helper: request props init.
 *
 * \note This function will not block.
 *
 * \param[in] props Properties.
 */
void
vmk_HelperRequestPropsInit(
   vmk_HelperRequestProps *props);

/**
 * \brief Helper: submit delayed request.
 *
 * \note This function may block.
 *
 * \param[in] helper Helper.
 * \param[in] requestFunc Request func.
 * \param[in] data Caller data.
 * \param[in] timeoutMS Longest wait in milliseconds (VMK_TIMEOUT_NONBLOCKING: do
 *     not wait; VMK_TIMEOUT_UNLIMITED_MS: wait for ever).
 * \param[in] props Properties.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_HelperSubmitDelayedRequest(
   vmk_Helper helper,
   vmk_HelperRequestFunc requestFunc,
   vmk_AddrCookie data,
   vmk_uint32 timeoutMS,
   const vmk_HelperRequestProps *props);

/**
 * \brief Helper: submit request.
 *
 * \note This function may block.
 *
 * \param[in] helper Helper.
 * \param[in] requestFunc Request func.
 * \param[in] data Caller data.
 * \param[in] props Properties.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_HelperSubmitRequest(
   vmk_Helper helper,
   vmk_HelperRequestFunc requestFunc,
   vmk_AddrCookie data,
   const vmk_HelperRequestProps *props);

/**
 * \brief Helper: update props.
 *
 * \note This function will not block.
 *
 * \param[in] helper Helper.
 * \param[in] props Properties.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_HelperUpdateProps(
   vmk_Helper helper,
   const vmk_HelperMutableProps *props);

/** \} */

#endif /* _VMKAPI_HELPER_H_ */
