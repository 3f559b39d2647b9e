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
 * \brief Release an IRQ spinlock and sleep until an event is signalled or a
 *     timeout passes.
 *
 * \note This function may block.
 *
 * \param[in] eventId Event id.
 * \param[in] lock Lock handle.
 * \param[in] irql Irql.
 * \param[in] timeoutMS Longest wait in milliseconds (VMK_TIMEOUT_NONBLOCKING: do
 *     not wait; VMK_TIMEOUT_UNLIMITED_MS: wait for ever).
 * \param[in] reason Reason.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_TIMEOUT The timeout expired first.
 * \retval VMK_DEATH_PENDING The calling world is being killed.
 * \retval VMK_WAIT_INTERRUPTED The wait was interrupted.
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
