/*
 * core/vmkapi_spinlock_deprecated.h -- deprecated IRQ spinlocks
 *
 * Spinlocks that also disable interrupts. Only declared when the module uses
 * deprecated APIs (VMK_DEVKIT_USES_DEPRECATED_APIS).
 */

#ifndef _VMKAPI_SPINLOCK_DEPRECATED_H_
#define _VMKAPI_SPINLOCK_DEPRECATED_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_spinlock_deprecated.h must not be included directly; include vmkapi.h"
#endif

/**
 * \addtogroup VMK_Lock
 * \{
 */

#if defined(VMK_DEVKIT_USES_DEPRECATED_APIS)

/**
 * \brief Lock type value of IRQ spinlocks (locks that disable interrupts
 *        while held); deprecated.
 */
#define VMK_SPINLOCK_IRQ 2

/** \brief A vmk_LockIRQL value that names no saved interrupt level. */
#define VMK_SPINLOCK_IRQL_INVALID ((vmk_LockIRQL)-1)

/**
 * \brief Interrupt state saved by vmk_SpinlockLockIRQ() and restored by
 *        the unlock functions.
 */
typedef vmk_uint32 vmk_LockIRQL;

/**
 * \brief Check that a lock is held by code on the current PCPU; the
 *        out-of-line worker behind vmk_SpinlockAssertHeldOnPCPU().
 *
 * \note This function will not block.
 * \note vmkemu raises a report where ESXi would fail an assertion.
 *
 * \param[in] lock  Lock to check.
 */
void
vmk_SpinlockAssertHeldOnPCPUInt(
   vmk_Lock lock);

/**
 * \brief Acquire a spinlock with interrupts disabled, saving whether they
 *        were enabled (deprecated interface).
 *
 * \note This function will not block; it spins until the lock is free.
 * \note vmkemu simulates the interrupt state per world and checks the
 *       lock rank order.
 *
 * \param[in,out] lock  Lock to acquire.
 * \param[out]    irql  Receives the interrupt state to restore at unlock.
 *
 * \retval VMK_OK         The lock is held.
 * \retval VMK_BAD_PARAM  irql is NULL, or lock is not a live spinlock
 *                        (vmkemu reports it).
 */
VMK_ReturnStatus
vmk_SpinlockLockIRQ(
   vmk_Lock lock,
   vmk_LockIRQL *irql);

/**
 * \brief Release a lock taken with vmk_SpinlockLockIRQ() and restore the
 *        saved interrupt state; locks must be released in the reverse
 *        order of acquisition.
 *
 * \note This function will not block.
 *
 * \param[in,out] lock  Lock to release.
 * \param[in]     irql  State saved by vmk_SpinlockLockIRQ().
 */
void
vmk_SpinlockUnlockIRQ(
   vmk_Lock lock,
   vmk_LockIRQL irql);

/**
 * \brief Release an IRQ spinlock that is not the most recently acquired
 *        one, and restore the saved interrupt state.
 *
 * \note This function will not block.
 *
 * \param[in,out] lock  Lock to release.
 * \param[in]     irql  State saved by vmk_SpinlockLockIRQ().
 */
void
vmk_SpinlockUnlockIRQOutOfOrder(
   vmk_Lock lock,
   vmk_LockIRQL irql);

/**
 * \brief In debug builds, check that a lock is held by code on the current
 *        PCPU.
 *
 * Compiles to nothing unless VMX86_DEBUG is defined.
 *
 * \note This function will not block.
 *
 * \param[in] lock  Lock to check.
 */
static VMK_ALWAYS_INLINE void
vmk_SpinlockAssertHeldOnPCPU(
   vmk_Lock lock)
{
#if defined(VMX86_DEBUG)
   vmk_SpinlockAssertHeldOnPCPUInt(lock);
#else
   (void)lock;
#endif
}

#endif /* defined(VMK_DEVKIT_USES_DEPRECATED_APIS) */

/** \} */

#endif /* _VMKAPI_SPINLOCK_DEPRECATED_H_ */
