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
 *
 * \brief The device tree and the drivers that claim its devices.
 *
 * Devices form a tree: root devices come from the platform's buses (PCI
 * functions), children are registered by the driver of their parent from
 * its scanDevice callback. The device layer matches each device to a
 * driver by name and walks it through attach, start and scan; on removal
 * it quiesces and detaches it, children first.
 *
 * \note In vmkemu the root devices are simulated PCI functions a test adds
 *       (EmuCtl_ calls), and the device layer runs driver callbacks in the
 *       thread that caused the event rather than in a world of its own.
 * \{
 */

/** \brief Private structure behind a vmk_Device. */
struct vmkDevice;

/** \brief Private structure behind a vmk_Driver. */
struct vmkDriver;

/** \brief A vmk_Device value that refers to no device. */
#define VMK_DEVICE_NONE ((vmk_Device)0)

/** \brief A vmk_Driver value that refers to no driver. */
#define VMK_DRIVER_NONE ((vmk_Driver)0)

/** \brief Handle to a device in the device tree. */
typedef struct vmkDevice *vmk_Device;

/** \brief Handle to a registered driver. */
typedef struct vmkDriver *vmk_Driver;

/** \} */

#endif /* _VMKAPI_DEVICE_TYPES_H_ */
