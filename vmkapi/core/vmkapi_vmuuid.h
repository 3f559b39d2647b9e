/*
 * core/vmkapi_vmuuid.h -- VM UUIDs
 *
 * The UUID string type of virtual machines.
 */

#ifndef _VMKAPI_VMUUID_H_
#define _VMKAPI_VMUUID_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_vmuuid.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_VMUUID VM UUIDs
 * \{
 */

/** \brief Uuid. */
typedef char *vmk_UUID;

/**
 * \brief Buffer size needed for a VM UUID string.
 *
 * \note This function will not block.
 */
vmk_ByteCount
vmk_VMUUIDGetMaxLength(void);

/** \} */

#endif /* _VMKAPI_VMUUID_H_ */
