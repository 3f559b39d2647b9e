/*
 * base/vmkapi_mgmt.h -- management interface
 *
 * A channel between a driver and user-space management tools: typed
 * callbacks in both directions, sessions, instances and named keys.
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

/** \brief Private structure behind a vmk_MgmtHandle. */
struct vmkMgmtHandleInt;

/**
 * \brief Session ID for vmk_MgmtEnvelope::sessionId that addresses every
 *        open session.
 */
#define VMK_MGMT_SESSION_ID_ALL ((vmk_uint64)0)

/**
 * \brief Queue a call of a user-space callback, with its parameters as
 *        the trailing arguments (pointers, at most
 *        VMK_MGMT_MAX_CALLBACK_PARMS).
 *
 * Counts the arguments and calls vmk_MgmtCallbackInvokeInt().
 *
 * \param[in] handle      Management handle.
 * \param[in] envelope    Instance and session(s) to deliver to.
 * \param[in] callbackId  ID of a callback the signature lists as a user
 *                        callback.
 */
#define vmk_MgmtCallbackInvoke(handle, envelope, callbackId, ...)           \
   vmk_MgmtCallbackInvokeInt((handle), (envelope), (callbackId),            \
                             VMK_UTIL_NUM_ARGS(__VA_ARGS__), ##__VA_ARGS__)

/**
 * \brief Callback run with the handle cookie once a destroyed management
 *        handle is really gone.
 */
typedef void (*vmk_MgmtCleanupFn)(vmk_uint64);

/**
 * \brief Cookies passed to every kernel-side callback: which handle and
 *        which session the call came through.
 */
typedef struct vmk_MgmtCookies {
   /** \brief The handleCookie given in vmk_MgmtProps. */
   vmk_uint64 handleCookie;
   /** \brief The cookie the session-announce callback chose for the session. */
   vmk_uint64 sessionCookie;
} vmk_MgmtCookies;

/** \brief Identifies one user-space session on a management handle. */
typedef vmk_uint64 vmk_MgmtSessionID;

/**
 * \brief Addressing information of a management call: the instance it is
 *        about and the session it travels on.
 */
typedef struct vmk_MgmtEnvelope {
   /**
    * \brief Instance the call is for, or VMK_MGMT_NO_INSTANCE_ID for the
    *        handle's own callbacks.
    */
   vmk_MgmtInstanceID instanceId;
   /** \brief Session, or VMK_MGMT_SESSION_ID_ALL to reach all sessions. */
   vmk_MgmtSessionID sessionId;
} vmk_MgmtEnvelope;

/** \brief Handle to a published management API. */
typedef struct vmkMgmtHandleInt *vmk_MgmtHandle;

/**
 * \brief Callback that stores the current value of a key: gets the handle
 *        cookie and a buffer (a vmk_uint64 or a string of up to
 *        VMK_MGMT_KEY_STRING_MAXLEN bytes).
 */
typedef VMK_ReturnStatus (*vmk_MgmtKeyGetFn)(vmk_uint64, void *);

/**
 * \brief Callback that takes a new value for a key: gets the handle cookie
 *        and the value in the key's type.
 */
typedef VMK_ReturnStatus (*vmk_MgmtKeySetFn)(vmk_uint64, void *);

/**
 * \brief Callback run when a user-space process opens a session: gets the
 *        handle, handle cookie and session ID, and may store a session
 *        cookie; anything but VMK_OK refuses the session.
 */
typedef VMK_ReturnStatus (*vmk_MgmtSessionAnnounceFn)(vmk_MgmtHandle, vmk_uint64, vmk_MgmtSessionID, vmk_uint64 *);

/**
 * \brief Callback run when a session closes: gets the handle, handle
 *        cookie, session ID and session cookie.
 */
typedef void (*vmk_MgmtSessionCleanupFn)(vmk_MgmtHandle, vmk_uint64, vmk_MgmtSessionID, vmk_AddrCookie);

/**
 * \brief What vmk_MgmtInit() needs to publish a management API.
 */
typedef struct vmk_MgmtProps {
   /** \brief Module that provides the API. */
   vmk_ModuleID modId;
   /**
    * \brief Heap for the handle and for copies of call parameters; must be
    *        large enough for the biggest call.
    */
   vmk_HeapID heapId;
   /** \brief Name, version and callbacks of the API. */
   vmk_MgmtApiSignature *sig;
   /** \brief Run once the handle is gone after vmk_MgmtDestroy(), or NULL. */
   vmk_MgmtCleanupFn cleanupFn;
   /** \brief Run for each new session, or NULL. */
   vmk_MgmtSessionAnnounceFn sessionAnnounceFn;
   /** \brief Run for each closing session, or NULL. */
   vmk_MgmtSessionCleanupFn sessionCleanupFn;
   /** \brief Value passed back to the callbacks as the handle cookie. */
   vmk_uint64 handleCookie;
} vmk_MgmtProps;

/**
 * \brief Publish a named value that management tools can read and set
 *        as text (as the vmkmgmt_keyval tool does).
 *
 * \note This function may block.
 *
 * \param[in] handle   Management handle.
 * \param[in] keyType  VMK_MGMT_KEY_TYPE_LONG or VMK_MGMT_KEY_TYPE_STRING.
 * \param[in] keyName  Name of the key; not empty, unique on the handle.
 * \param[in] getFn    Callback that reports the value.
 * \param[in] setFn    Callback that takes a new value.
 *
 * \retval VMK_OK         The key is published.
 * \retval VMK_BAD_PARAM  An argument is NULL or empty, the type is
 *                        unknown, the handle is not live, or a key of
 *                        that name exists.
 * \retval VMK_NO_MEMORY  The handle already has
 *                        VMK_MGMT_MAX_KEYS_PER_INSTANCE keys, or no
 *                        memory.
 */
VMK_ReturnStatus
vmk_MgmtAddKey(
   vmk_MgmtHandle handle,
   vmk_MgmtKeyType keyType,
   vmk_Name *keyName,
   vmk_MgmtKeyGetFn getFn,
   vmk_MgmtKeySetFn setFn);

/**
 * \brief Queue a call of a user-space callback; use the
 *        vmk_MgmtCallbackInvoke() macro, which counts the arguments.
 *
 * The parameters are copied at once, so the caller may reuse its buffers
 * when the call returns; delivery to the user-space side happens later.
 *
 * \note This function may block.
 * \note In vmkemu the test delivers queued user callbacks with
 *       EmuCtl_MgmtDeliver.
 *
 * \param[in] handle      Management handle.
 * \param[in] envelope    Instance and session(s) to deliver to.
 * \param[in] callbackId  ID of a callback the signature lists as a user
 *                        callback.
 * \param[in] argCount    Number of parameter pointers that follow; must
 *                        match the callback's numParms.
 * \param[in] ...         One pointer per parameter (a vmk_MgmtVectorParm
 *                        pointer for vector parameters).
 *
 * \retval VMK_OK         The call is queued for every addressed session
 *                        that listens for it.
 * \retval VMK_BAD_PARAM  envelope is NULL, the handle is not live, the ID
 *                        is not a user callback, argCount is wrong, or a
 *                        parameter pointer is NULL.
 * \retval VMK_NO_MEMORY  No memory to copy the parameters.
 */
VMK_ReturnStatus
vmk_MgmtCallbackInvokeInt(
   vmk_MgmtHandle handle,
   vmk_MgmtEnvelope *envelope,
   vmk_uint64 callbackId,
   vmk_uint32 argCount,
   ...);

/**
 * \brief Withdraw a management API.
 *
 * New sessions and calls are refused at once; the handle is freed, and
 * cleanupFn run, when the last session closes and no call is in flight.
 *
 * \note This function may block.
 *
 * \param[in] handle  Handle from vmk_MgmtInit().
 *
 * \retval VMK_OK         The API is withdrawn.
 * \retval VMK_BAD_PARAM  handle is not a live management handle.
 */
VMK_ReturnStatus
vmk_MgmtDestroy(
   vmk_MgmtHandle handle);

/**
 * \brief Publish a management API so user-space tools can open sessions
 *        on it.
 *
 * \note This function may block.
 * \note In vmkemu the test plays the user-space side with EmuCtl_Mgmt*
 *       calls.
 *
 * \param[in]  props      Module, heap, signature, callbacks and cookie.
 * \param[out] handleOut  Receives the management handle.
 *
 * \retval VMK_OK         The API is published.
 * \retval VMK_BAD_PARAM  An argument is NULL, the signature is malformed,
 *                        the heap or module is not valid, or an API with
 *                        the same name and version is already published.
 * \retval VMK_NO_MEMORY  No memory for the handle.
 */
VMK_ReturnStatus
vmk_MgmtInit(
   vmk_MgmtProps *props,
   vmk_MgmtHandle *handleOut);

/**
 * \brief Add an instance to a management API, with callbacks that
 *        replace the handle's callbacks of the same IDs for calls
 *        addressed to that instance.
 *
 * Drivers use instances for the devices they manage, so tools can pick
 * one.
 *
 * \note This function may block.
 *
 * \param[in] handle        Management handle.
 * \param[in] instanceId    ID of the new instance; not 0, unique on the
 *                          handle.
 * \param[in] modId         Module implementing the instance's callbacks.
 * \param[in] heapId        Heap for the instance's bookkeeping.
 * \param[in] displayName   Name tools show for the instance.
 * \param[in] numCallbacks  Number of entries in callbacks.
 * \param[in] callbacks     Callbacks of the instance.
 *
 * \retval VMK_OK         The instance is registered.
 * \retval VMK_BAD_PARAM  An argument is not valid, the handle is not
 *                        live, or the instance ID is 0 or taken.
 * \retval VMK_NO_MEMORY  No memory for the instance.
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
 * \brief Remove an instance added with
 *        vmk_MgmtRegisterInstanceCallbacks().
 *
 * \note This function may block.
 *
 * \param[in] handle      Management handle.
 * \param[in] instanceId  Instance to remove.
 *
 * \retval VMK_OK         The instance is gone.
 * \retval VMK_BAD_PARAM  The handle is not live or has no such instance.
 */
VMK_ReturnStatus
vmk_MgmtUnregisterInstanceCallbacks(
   vmk_MgmtHandle handle,
   vmk_uint64 instanceId);

/** \} */

#endif /* _VMKAPI_MGMT_H_ */
