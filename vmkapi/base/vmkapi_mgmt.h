/*
 * base/vmkapi_mgmt.h -- management interface (kernel side)
 *
 * Registering management API signatures, keys and instance callbacks, and
 * invoking user-space callbacks.
 */

#ifndef _VMKAPI_MGMT_H_
#define _VMKAPI_MGMT_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_mgmt.h must not be included directly; include vmkapi.h"
#endif

/**
 * \addtogroup VMK_Mgmt
 * \{
 */

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmkMgmtHandleInt;

/**
 * \brief Session ID meaning "all sessions".
 */
#define VMK_MGMT_SESSION_ID_ALL ((vmk_uint64)0)

/**
 * \brief Invoke a user-space management callback with up to VMK_MGMT_MAX_CALLBACK_PARMS arguments.
 */
#define vmk_MgmtCallbackInvoke(handle, envelope, callbackId, ...)           \
   vmk_MgmtCallbackInvokeInt((handle), (envelope), (callbackId),            \
                             VMK_UTIL_NUM_ARGS(__VA_ARGS__), ##__VA_ARGS__)

/** \brief Callback type: mgmt cleanup fn. */
typedef void (*vmk_MgmtCleanupFn)(vmk_uint64);

/**
 * \brief Description of a mgmt cookies.
 */
typedef struct vmk_MgmtCookies {
   /** \brief Handle cookie. */
   vmk_uint64 handleCookie;
   /** \brief Session cookie. */
   vmk_uint64 sessionCookie;
} vmk_MgmtCookies;

/** \brief Mgmt session id. */
typedef vmk_uint64 vmk_MgmtSessionID;

/**
 * \brief Description of a mgmt envelope.
 */
typedef struct vmk_MgmtEnvelope {
   /** \brief Instance id. */
   vmk_MgmtInstanceID instanceId;
   /** \brief Session id. */
   vmk_MgmtSessionID sessionId;
} vmk_MgmtEnvelope;

/** \brief Handle to a mgmt handle. */
typedef struct vmkMgmtHandleInt *vmk_MgmtHandle;

/** \brief Callback type: mgmt key get fn. */
typedef VMK_ReturnStatus (*vmk_MgmtKeyGetFn)(vmk_uint64, void *);

/** \brief Callback type: mgmt key set fn. */
typedef VMK_ReturnStatus (*vmk_MgmtKeySetFn)(vmk_uint64, void *);

/** \brief Callback type: mgmt session announce fn. */
typedef VMK_ReturnStatus (*vmk_MgmtSessionAnnounceFn)(vmk_MgmtHandle, vmk_uint64, vmk_MgmtSessionID, vmk_uint64 *);

/** \brief Callback type: mgmt session cleanup fn. */
typedef void (*vmk_MgmtSessionCleanupFn)(vmk_MgmtHandle, vmk_uint64, vmk_MgmtSessionID, vmk_AddrCookie);

/**
 * \brief Properties of a mgmt.
 */
typedef struct vmk_MgmtProps {
   /** \brief Mod id. */
   vmk_ModuleID modId;
   /** \brief Heap id. */
   vmk_HeapID heapId;
   /** \brief Sig. */
   vmk_MgmtApiSignature *sig;
   /** \brief Cleanup fn. */
   vmk_MgmtCleanupFn cleanupFn;
   /** \brief Session announce fn. */
   vmk_MgmtSessionAnnounceFn sessionAnnounceFn;
   /** \brief Session cleanup fn. */
   vmk_MgmtSessionCleanupFn sessionCleanupFn;
   /** \brief Handle cookie. */
   vmk_uint64 handleCookie;
} vmk_MgmtProps;

/**
 * \brief Mgmt: add key.
 *
 * \note This function may block.
 *
 * \param[in] handle Management handle.
 * \param[in] keyType Key type.
 * \param[in] keyName Key name.
 * \param[in] getFn Get fn.
 * \param[in] setFn Set fn.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_NO_MEMORY Not enough memory.
 */
VMK_ReturnStatus
vmk_MgmtAddKey(
   vmk_MgmtHandle handle,
   vmk_MgmtKeyType keyType,
   vmk_Name *keyName,
   vmk_MgmtKeyGetFn getFn,
   vmk_MgmtKeySetFn setFn);

/**
 * \brief Invoke a management callback (use vmk_MgmtCallbackInvoke()).
 *
 * \note This function may block.
 *
 * \param[in] handle Management handle.
 * \param[in,out] envelope Envelope.
 * \param[in] callbackId Callback id.
 * \param[in] argCount Arg count.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_MgmtCallbackInvokeInt(
   vmk_MgmtHandle handle,
   vmk_MgmtEnvelope *envelope,
   vmk_uint64 callbackId,
   vmk_uint32 argCount,
   ...);

/**
 * \brief Destroy a mgmt.
 *
 * \note This function may block.
 *
 * \param[in] handle Management handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_MgmtDestroy(
   vmk_MgmtHandle handle);

/**
 * \brief Initialize a mgmt.
 *
 * \note This function may block.
 *
 * \param[in] props Properties.
 * \param[in,out] handleOut Handle out.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_MgmtInit(
   vmk_MgmtProps *props,
   vmk_MgmtHandle *handleOut);

/**
 * \brief Mgmt: register instance callbacks.
 *
 * \note This function may block.
 *
 * \param[in] handle Management handle.
 * \param[in] instanceId Instance id.
 * \param[in] modId Module ID.
 * \param[in] heapId Heap handle.
 * \param[in] displayName Display name.
 * \param[in] numCallbacks Num callbacks.
 * \param[in] callbacks Callbacks.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_NO_MEMORY Not enough memory.
 */
VMK_ReturnStatus
vmk_MgmtRegisterInstanceCallbacks(
   vmk_MgmtHandle handle,
   vmk_uint64 instanceId,
   vmk_ModuleID modId,
   vmk_HeapID heapId,
   vmk_Name *displayName,
   vmk_uint32 numCallbacks,
   vmk_MgmtCallbackInfo *callbacks);

/**
 * \brief Mgmt: unregister instance callbacks.
 *
 * \note This function may block.
 *
 * \param[in] handle Management handle.
 * \param[in] instanceId Instance id.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_MgmtUnregisterInstanceCallbacks(
   vmk_MgmtHandle handle,
   vmk_uint64 instanceId);

/** \} */

#endif /* _VMKAPI_MGMT_H_ */
