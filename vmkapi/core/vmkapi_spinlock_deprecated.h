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

/** \brief Spinlock irq. */
#define VMK_SPINLOCK_IRQ 2

/**
 * \brief An IRQ level that is never valid.
 */
#define VMK_SPINLOCK_IRQL_INVALID ((vmk_LockIRQL)-1)

/** \brief Lock irql. */
typedef vmk_uint32 vmk_LockIRQL;

/**
 * \brief Report unless the lock is held on the current PCPU (debug support).
 *
 * \note This function will not block.
 *
 * \param[in] lock Lock handle.
 */
void
vmk_SpinlockAssertHeldOnPCPUInt(
   vmk_Lock lock);

/**
 * \brief Acquire an IRQ spinlock, disabling interrupts and saving the previous
 *     level.
 *
 * \note This function will not block.
 *
 * \param[in,out] lock Lock handle.
 * \param[out] irql Irql.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SpinlockLockIRQ(
   vmk_Lock lock,
   vmk_LockIRQL *irql);

/**
 * \brief Release an IRQ spinlock and restore the saved interrupt level.
 *
 * \note This function will not block.
 *
 * \param[in,out] lock Lock handle.
 * \param[in] irql Irql.
 */
void
vmk_SpinlockUnlockIRQ(
   vmk_Lock lock,
   vmk_LockIRQL irql);

/**
 * \brief Release an IRQ spinlock out of acquisition order and restore the level.
 *
 * \note This function will not block.
 *
 * \param[in,out] lock Lock handle.
 * \param[in] irql Irql.
 */
void
vmk_SpinlockUnlockIRQOutOfOrder(
   vmk_Lock lock,
   vmk_LockIRQL irql);

/**
 * \brief Debug builds: report unless the lock is held on the current PCPU.
 *
 * \note This function will not block.
 *
 * \param[in] lock Lock handle.
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
