/*
 * core/vmkapi_device_types.h -- device and driver handles
 *
 * Opaque handles for devices and drivers in the device tree.
 */

#ifndef _VMKAPI_DEVICE_TYPES_H_
#define _VMKAPI_DEVICE_TYPES_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_device_types.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Device Device Layer
 * \{
 */

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmkDevice;

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmkDriver;

/**
 * \brief A device handle that refers to no device.
 */
#define VMK_DEVICE_NONE ((vmk_Device)0)

/**
 * \brief A driver handle that refers to no driver.
 */
#define VMK_DRIVER_NONE ((vmk_Driver)0)

/** \brief Handle to a device. */
typedef struct vmkDevice *vmk_Device;

/** \brief Handle to a driver. */
typedef struct vmkDriver *vmk_Driver;

/** \} */

#endif /* _VMKAPI_DEVICE_TYPES_H_ */
