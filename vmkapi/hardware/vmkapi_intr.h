/*
 * hardware/vmkapi_intr.h -- interrupt handlers
 *
 * Registering handlers on interrupt vectors, enabling and disabling their
 * delivery, and waiting for handlers that are running. Device devkit only.
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
 * \brief Interrupt attribute: the arrival times of this interrupt may be
 *        used to feed the kernel's random-number entropy pool.
 */
#define VMK_INTR_ATTRS_ENTROPY_SOURCE (1 << 0)

/**
 * \brief Function run by vmk_IntrWithAllDisabledInvoke() while none of
 *        the module's interrupt handlers can run; gets the caller's data.
 *        Must not block.
 */
typedef void (*vmk_IntrDisabledFunc)(vmk_AddrCookie);

/**
 * \brief How vmk_IntrRegister() should attach a handler to a vector.
 */
typedef struct vmk_IntrProps {
   /** \brief Device the interrupt belongs to. */
   vmk_Device device;
   /** \brief Name shown for the interrupt in statistics and logs. */
   vmk_Name deviceName;
   /**
    * \brief Optional quick check run before the handler: it returns VMK_OK
    *        if the device did raise the interrupt, or VMK_NOT_THIS_DEVICE on
    *        a shared line when it did not (the handler is then skipped).
    */
   vmk_IntrAcknowledge acknowledgeInterrupt;
   /** \brief Function that services the interrupt; required. */
   vmk_IntrHandler handler;
   /**
    * \brief Argument for acknowledgeInterrupt and handler; also identifies
    *        the handler to vmk_IntrUnregister().
    */
   void *handlerData;
   /** \brief VMK_INTR_ATTRS_* bits. */
   vmk_uint64 attrs;
} vmk_IntrProps;

/**
 * \brief Stop delivering an interrupt to its handlers.
 *
 * Returns once no handler of the vector is running. An interrupt raised
 * while disabled is held back and delivered when it is enabled again.
 *
 * \note This function may block.
 *
 * \param[in] intrCookie  Vector to disable.
 *
 * \retval VMK_OK         Delivery is off.
 * \retval VMK_BAD_PARAM  intrCookie is not an allocated vector.
 */
VMK_ReturnStatus
vmk_IntrDisable(
   vmk_IntrCookie intrCookie);

/**
 * \brief Start delivering an interrupt to its registered handlers.
 *
 * \note This function will not block.
 *
 * \param[in] intrCookie  Vector to enable; a handler should be registered
 *                        first.
 *
 * \retval VMK_OK         Delivery is on.
 * \retval VMK_BAD_PARAM  intrCookie is not an allocated vector.
 */
VMK_ReturnStatus
vmk_IntrEnable(
   vmk_IntrCookie intrCookie);

/**
 * \brief Attach a handler to an interrupt vector.
 *
 * The vector stays disabled until vmk_IntrEnable(). Handlers run in
 * interrupt context: they must not block and should do as little as
 * possible, deferring the rest (for example to a helper queue).
 *
 * \note This function may block.
 * \note vmkemu runs handlers in one interrupt world; a blocking call from
 *       a handler is a report. Only legacy (INTx) vectors accept more than
 *       one handler.
 *
 * \param[in] moduleID    Module that owns the handler.
 * \param[in] intrCookie  Vector from vmk_PCIAllocIntrCookie().
 * \param[in] props       Device, name, handler, acknowledge function,
 *                        handler data and attributes.
 *
 * \retval VMK_OK         The handler is registered.
 * \retval VMK_BAD_PARAM  props or its handler is missing, the module is not
 *                        valid, the vector is not allocated, the vector
 *                        is an MSI or MSI-X vector that already has a
 *                        handler, or handlerData is already registered on
 *                        it.
 * \retval VMK_NO_MEMORY  No memory for the handler record.
 */
VMK_ReturnStatus
vmk_IntrRegister(
   vmk_ModuleID moduleID,
   vmk_IntrCookie intrCookie,
   vmk_IntrProps *props);

/**
 * \brief Wait until no handler of an interrupt vector is running.
 *
 * Use it after changing state that handlers read, before freeing what they
 * use.
 *
 * \note This function may block.
 *
 * \param[in] intrCookie  Vector to wait for.
 *
 * \retval VMK_OK         No handler of the vector is running.
 * \retval VMK_BAD_PARAM  intrCookie is not an allocated vector.
 */
VMK_ReturnStatus
vmk_IntrSync(
   vmk_IntrCookie intrCookie);

/**
 * \brief Detach a handler from an interrupt vector.
 *
 * Waits for a running invocation of the handler to finish.
 *
 * \note This function may block.
 *
 * \param[in] moduleID     Module that registered the handler.
 * \param[in] intrCookie   Vector the handler is on.
 * \param[in] handlerData  The handlerData the handler was registered with.
 *
 * \retval VMK_OK         The handler is removed.
 * \retval VMK_BAD_PARAM  The module is not valid or the vector is not
 *                        allocated.
 * \retval VMK_FAILURE    No handler with that handlerData is registered on
 *                        the vector.
 */
VMK_ReturnStatus
vmk_IntrUnregister(
   vmk_ModuleID moduleID,
   vmk_IntrCookie intrCookie,
   void *handlerData);

/**
 * \brief Run a function while none of a module's interrupt handlers can
 *        run anywhere.
 *
 * Interrupts of the module raised meanwhile are delivered afterwards.
 *
 * \note This function will not block, but waits for the module's handlers
 *       that are already running elsewhere to return; func must not block.
 *
 * \param[in] moduleID  Module whose interrupts are held back.
 * \param[in] func      Function to run.
 * \param[in] data      Argument for func.
 *
 * \retval VMK_OK         func has run.
 * \retval VMK_BAD_PARAM  func is NULL or the module is not valid.
 */
VMK_ReturnStatus
vmk_IntrWithAllDisabledInvoke(
   vmk_ModuleID moduleID,
   vmk_IntrDisabledFunc func,
   vmk_AddrCookie data);

#endif /* defined(VMK_DEVKIT_HAS_API_VMKAPI_DEVICE) */

/** \} */

#endif /* _VMKAPI_INTR_H_ */
