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
 *
 * \brief Interrupt vectors and the handlers that service them.
 *
 * A driver allocates vectors for its device (vmk_PCIAllocIntrCookie()),
 * registers a handler on each, enables them, and reverses these steps
 * when it detaches.
 *
 * \note vmkemu delivers interrupts that a test raises on a simulated PCI
 *       function, through one interrupt world that plays the CPU; the
 *       raising call returns once the handlers have run. There is no
 *       affinity and no spurious-interrupt detection.
 * \{
 */

/** \brief A vmk_IntrCookie value that refers to no interrupt vector. */
#define VMK_INVALID_INTRCOOKIE ((vmk_IntrCookie)~0U)

/** \brief Identifies one interrupt vector allocated to a device. */
typedef vmk_uint32 vmk_IntrCookie;

/**
 * \brief Callback run in interrupt context, with the handler data and the
 *        vector, to check and acknowledge that the device raised the
 *        interrupt; VMK_OK lets the handler run. Must not block.
 */
typedef VMK_ReturnStatus (*vmk_IntrAcknowledge)(void *, vmk_IntrCookie);

/**
 * \brief Interrupt handler, run in interrupt context with the handler data
 *        and the vector. Must not block.
 */
typedef void (*vmk_IntrHandler)(void *, vmk_IntrCookie);

/** \} */

#endif /* _VMKAPI_INTR_TYPES_H_ */
