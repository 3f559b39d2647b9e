/*
 * platform/x86/vmkapi_ioport_types.h -- I/O port address type
 *
 * The x86 I/O port address type.
 */

#ifndef _VMKAPI_IOPORT_TYPES_H_
#define _VMKAPI_IOPORT_TYPES_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "platform/x86/vmkapi_ioport_types.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_IOResource I/O Resources
 *
 * \brief Ranges of device memory and I/O ports, their reservations, and
 *        port access.
 *
 * A bus driver registers the address ranges its devices decode; a device
 * driver reserves the part it uses (directly, or through
 * vmk_PCIMapIOResource()) and accesses ports through the reservation.
 *
 * \note In vmkemu every BAR of a simulated PCI function is registered, and
 *       port accesses reach the simulated device's callbacks.
 * \{
 */

/** \brief An x86 I/O port number. */
typedef vmk_uint16 vmk_IOPortAddr;

/** \} */

#endif /* _VMKAPI_IOPORT_TYPES_H_ */
