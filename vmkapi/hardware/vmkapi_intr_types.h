/*
 * hardware/vmkapi_intr_types.h -- interrupt types
 *
 * Interrupt cookies and handler callback types.
 */

#ifndef _VMKAPI_INTR_TYPES_H_
#define _VMKAPI_INTR_TYPES_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "hardware/vmkapi_intr_types.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Interrupts Interrupts
 * \{
 */

/**
 * \brief An interrupt cookie that refers to no interrupt.
 */
#define VMK_INVALID_INTRCOOKIE ((vmk_IntrCookie)~0U)

/** \brief Intr cookie. */
typedef vmk_uint32 vmk_IntrCookie;

/** \brief Callback type: intr acknowledge. */
typedef VMK_ReturnStatus (*vmk_IntrAcknowledge)(void *, vmk_IntrCookie);

/** \brief Callback type: intr handler. */
typedef void (*vmk_IntrHandler)(void *, vmk_IntrCookie);

/** \} */

#endif /* _VMKAPI_INTR_TYPES_H_ */
