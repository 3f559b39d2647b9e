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
 * \brief Release an IRQ spinlock and sleep until an event is signalled or a timeout passes.
 *
 * \param[in] eventID Event id.
 * \param[in] lock Lock.
 * \param[in] irql Irql.
 * \param[in] timeoutMS Timeout ms.
 * \param[in] reason Reason.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_WorldWaitIRQ(
   vmk_WorldEventID eventID,
   vmk_Lock lock,
   vmk_LockIRQL irql,
   vmk_uint32 timeoutMS,
   const char *reason);

#endif /* defined(VMK_DEVKIT_USES_DEPRECATED_APIS) */

/** \} */

#endif /* _VMKAPI_WORLD_DEPRECATED_H_ */
