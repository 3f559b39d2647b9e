/*
 * base/vmkapi_world_deprecated.h -- deprecated world waits
 *
 * Waiting on an event while releasing an IRQ spinlock. Only declared with
 * VMK_DEVKIT_USES_DEPRECATED_APIS.
 */

#ifndef _VMKAPI_WORLD_DEPRECATED_H_
#define _VMKAPI_WORLD_DEPRECATED_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_world_deprecated.h must not be included directly; include vmkapi.h"
#endif

/**
 * \addtogroup VMK_World
 * \{
 */

#if defined(VMK_DEVKIT_USES_DEPRECATED_APIS)

/**
 * \brief Release an IRQ spinlock, restore the interrupt state and sleep
 *        until an event is signalled or a timeout passes (deprecated form
 *        of vmk_WorldWait()).
 *
 * The lock is not held on return.
 *
 * \note This function may block.
 *
 * \param[in] eventId    Event to wait for.
 * \param[in] lock       IRQ spinlock held by the caller; released
 *                       atomically with going to sleep.
 * \param[in] irql       State saved when the lock was taken.
 * \param[in] timeoutMS  Longest wait in milliseconds;
 *                       VMK_TIMEOUT_UNLIMITED_MS waits for ever.
 * \param[in] reason     Short text saying why the world waits, for
 *                       debugging.
 *
 * \retval VMK_OK                The event was signalled.
 * \retval VMK_BAD_PARAM         The lock is not held by the caller or an
 *                               argument is not valid.
 * \retval VMK_TIMEOUT           The timeout passed first.
 * \retval VMK_DEATH_PENDING     The calling world is being killed.
 * \retval VMK_WAIT_INTERRUPTED  The wait was interrupted.
 */
VMK_ReturnStatus
vmk_WorldWaitIRQ(
   vmk_WorldEventID eventId,
   vmk_Lock lock,
   vmk_LockIRQL irql,
   vmk_uint32 timeoutMS,
   const char *reason);

#endif /* defined(VMK_DEVKIT_USES_DEPRECATED_APIS) */

/** \} */

#endif /* _VMKAPI_WORLD_DEPRECATED_H_ */
