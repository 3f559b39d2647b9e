/*
 * base/vmkapi_char_legacy.h -- legacy character devices
 *
 * The pre-device-layer character device registration interface.
 */

#ifndef _VMKAPI_CHAR_LEGACY_H_
#define _VMKAPI_CHAR_LEGACY_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_char_legacy.h must not be included directly; include vmkapi.h"
#endif

/**
 * \addtogroup VMK_CharDev
 * \{
 */

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmkCharDevInt;

/**
 * \brief A legacy character device handle that refers to no device.
 */
#define VMK_INVALID_CHARDEV (NULL)

/** \brief Handle to a char dev. */
typedef struct vmkCharDevInt *vmk_CharDev;

/** \brief Callback type: char dev cleanup fn. */
typedef VMK_ReturnStatus (*vmk_CharDevCleanupFn)(vmk_AddrCookie);

/**
 * \brief Register a char dev.
 *
 * \note This function may block.
 *
 * \param[in] module Module ID.
 * \param[in] name Name.
 * \param[in] fileOps File ops.
 * \param[in] cleanup Cleanup.
 * \param[in] devicePrivate Device private.
 * \param[out] assignedHandle Assigned handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_EXISTS The object already exists.
 * \retval VMK_FAILURE Generic failure.
 * \retval VMK_NO_MEMORY Not enough memory.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_CharDevRegister(
   vmk_ModuleID module,
   const char *name,
   const vmk_CharDevOps *fileOps,
   vmk_CharDevCleanupFn cleanup,
   vmk_AddrCookie devicePrivate,
   vmk_CharDev *assignedHandle);

/**
 * \brief Unregister a char dev.
 *
 * \note This function may block.
 *
 * \param[in] deviceHandle Character device handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_NOT_FOUND No such object.
 */
VMK_ReturnStatus
vmk_CharDevUnregister(
   vmk_CharDev deviceHandle);

/** \} */

#endif /* _VMKAPI_CHAR_LEGACY_H_ */
