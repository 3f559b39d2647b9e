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
 * \{
 */

/** \brief Io port addr. */
typedef vmk_uint16 vmk_IOPortAddr;

/** \} */

#endif /* _VMKAPI_IOPORT_TYPES_H_ */
