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
 *
 * \brief Text form of the UUIDs that identify virtual machines.
 * \{
 */

/** \brief A VM UUID as a NUL-terminated string. */
typedef char *vmk_UUID;

/**
 * \brief Tell how big a buffer a VM UUID string needs.
 *
 * \note This function will not block.
 *
 * \return Buffer size in bytes, terminator included.
 */
vmk_ByteCount
vmk_VMUUIDGetMaxLength(void);

/** \} */

#endif /* _VMKAPI_VMUUID_H_ */
