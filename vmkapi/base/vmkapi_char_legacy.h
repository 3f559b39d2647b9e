/*
 * base/vmkapi_char_legacy.h -- legacy character device registration
 *
 * Registering a character device directly by name, without going through
 * the device layer (the interface older native drivers use).
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

/** \brief Private structure behind a vmk_CharDev. */
struct vmkCharDevInt;

/** \brief A vmk_CharDev value that refers to no device. */
#define VMK_INVALID_CHARDEV (NULL)

/**
 * \brief Handle to a character device registered with vmk_CharDevRegister().
 */
typedef struct vmkCharDevInt *vmk_CharDev;

/**
 * \brief Callback run with the device's private data once an
 *        unregistered device is really gone (after its last close).
 */
typedef VMK_ReturnStatus (*vmk_CharDevCleanupFn)(vmk_AddrCookie);

/**
 * \brief Create a character device node under /dev.
 *
 * \note This function may block.
 * \note In vmkemu the test opens the device by name with
 *       EmuCtl_CharDevOpen().
 *
 * \param[in]  module          Module that implements the device.
 * \param[in]  name            Name of the node; not empty, shorter than
 *                             VMK_MISC_NAME_MAX.
 * \param[in]  fileOps         File operations of the device.
 * \param[in]  cleanup         Run when the device is finally removed, or
 *                             NULL.
 * \param[in]  devicePrivate   Driver data, seen as clientDeviceData.
 * \param[out] assignedHandle  Receives the device handle.
 *
 * \retval VMK_OK         The device exists.
 * \retval VMK_BAD_PARAM  An argument is NULL or not valid, or required file
 *                        operations are missing.
 * \retval VMK_EXISTS     A device of that name exists.
 * \retval VMK_NO_MEMORY  No memory for the device.
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
 * \brief Remove a character device node.
 *
 * If files are still open the removal completes at the last close; no
 * new open succeeds meanwhile. The cleanup callback runs when the device
 * is really gone.
 *
 * \note This function may block.
 *
 * \param[in] deviceHandle  Device to remove.
 *
 * \retval VMK_OK         The device is removed or will be at last close.
 * \retval VMK_NOT_FOUND  deviceHandle is not a registered device.
 */
VMK_ReturnStatus
vmk_CharDevUnregister(
   vmk_CharDev deviceHandle);

/** \} */

#endif /* _VMKAPI_CHAR_LEGACY_H_ */
