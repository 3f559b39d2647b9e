/*
 * hardware/vmkapi_intr.h -- interrupt registration
 *
 * Registering, enabling and synchronising interrupt handlers. vmkemu
 * delivers simulated interrupts on a dedicated world. Device devkit only.
 */

#ifndef _VMKAPI_INTR_H_
#define _VMKAPI_INTR_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "hardware/vmkapi_intr.h must not be included directly; include vmkapi.h"
#endif

/**
 * \addtogroup VMK_Interrupts
 * \{
 */

#if defined(VMK_DEVKIT_HAS_API_VMKAPI_DEVICE)

/**
 * \brief Interrupt attribute: timing may feed the entropy pool.
 */
#define VMK_INTR_ATTRS_ENTROPY_SOURCE (1 << 0)

/** \brief Callback type: intr disabled func. */
typedef void (*vmk_IntrDisabledFunc)(vmk_AddrCookie);

/**
 * \brief Properties of a intr.
 */
typedef struct vmk_IntrProps {
   /** \brief Device. */
   vmk_Device device;
   /** \brief Device name. */
   vmk_Name deviceName;
   /** \brief Acknowledge interrupt. */
   vmk_IntrAcknowledge acknowledgeInterrupt;
   /** \brief Handler. */
   vmk_IntrHandler handler;
   /** \brief Handler data. */
   void *handlerData;
   /** \brief Attrs. */
   vmk_uint64 attrs;
} vmk_IntrProps;

/**
 * \brief Disable delivery of an interrupt.
 *
 * \note This function may block.
 *
 * \param[in] intrCookie Interrupt cookie.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_IntrDisable(
   vmk_IntrCookie intrCookie);

/**
 * \brief Enable delivery of an interrupt.
 *
 * \note This function will not block.
 *
 * \param[in] intrCookie Interrupt cookie.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_IntrEnable(
   vmk_IntrCookie intrCookie);

/**
 * \brief Register an interrupt handler.
 *
 * \note This function may block.
 *
 * \param[in] moduleID Module ID.
 * \param[in] intrCookie Interrupt cookie.
 * \param[in] props Properties.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_IntrRegister(
   vmk_ModuleID moduleID,
   vmk_IntrCookie intrCookie,
   vmk_IntrProps *props);

/**
 * \brief Wait until running handlers of an interrupt have finished.
 *
 * \note This function may block.
 *
 * \param[in] intrCookie Interrupt cookie.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_IntrSync(
   vmk_IntrCookie intrCookie);

/**
 * \brief Unregister an interrupt handler.
 *
 * \note This function may block.
 *
 * \param[in] moduleID Module ID.
 * \param[in] intrCookie Interrupt cookie.
 * \param[in] handlerData Handler data.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_FAILURE Generic failure.
 */
VMK_ReturnStatus
vmk_IntrUnregister(
   vmk_ModuleID moduleID,
   vmk_IntrCookie intrCookie,
   void *handlerData);

/**
 * \brief Call a function with all of the module's interrupts disabled.
 *
 * \note This function will not block.
 *
 * \param[in] moduleID Module ID.
 * \param[in] func Func.
 * \param[in] data Caller data.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_IntrWithAllDisabledInvoke(
   vmk_ModuleID moduleID,
   vmk_IntrDisabledFunc func,
   vmk_AddrCookie data);

#endif /* defined(VMK_DEVKIT_HAS_API_VMKAPI_DEVICE) */

/** \} */

#endif /* _VMKAPI_INTR_H_ */
