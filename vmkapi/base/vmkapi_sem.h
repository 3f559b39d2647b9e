/*
 * base/vmkapi_sem.h -- semaphores
 *
 * Counting, binary and reader-writer semaphores (sleeping locks).
 */

#ifndef _VMKAPI_SEM_H_
#define _VMKAPI_SEM_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_sem.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Semaphores Semaphores
 * \{
 */

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmk_SemaphoreInt;

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmk_SemaphoreRWInt;

/** \brief Handle to a semaphore. */
typedef struct vmk_SemaphoreInt *vmk_Semaphore;

/** \brief Handle to a semaphore RW. */
typedef struct vmk_SemaphoreRWInt *vmk_SemaphoreRW;

/**
 * \brief Create a binary semaphore (a sleeping mutex).
 *
 * \param[in,out] sema Sema.
 * \param[in] moduleID Module id.
 * \param[in] name Name.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_BinarySemaCreate(
   vmk_Semaphore *sema,
   vmk_ModuleID moduleID,
   const char *name);

/**
 * \brief Report unless the semaphore has readers (debug support).
 *
 * \param[in,out] sema Sema.
 */
void
vmk_RWSemaAssertHasReadersInt(
   vmk_SemaphoreRW *sema);

/**
 * \brief Report unless the semaphore has readers or a writer (debug support).
 *
 * \param[in,out] sema Sema.
 */
void
vmk_RWSemaAssertHasReadersWriterInt(
   vmk_SemaphoreRW *sema);

/**
 * \brief Report unless the semaphore has a writer (debug support).
 *
 * \param[in,out] sema Sema.
 */
void
vmk_RWSemaAssertHasWriterInt(
   vmk_SemaphoreRW *sema);

/**
 * \brief Create a reader-writer semaphore.
 *
 * \param[in,out] sema Sema.
 * \param[in] moduleID Module id.
 * \param[in] name Name.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_RWSemaCreate(
   vmk_SemaphoreRW *sema,
   vmk_ModuleID moduleID,
   const char *name);

/**
 * \brief Destroy a reader-writer semaphore.
 *
 * \param[in,out] sema Sema.
 */
void
vmk_RWSemaDestroy(
   vmk_SemaphoreRW *sema);

/**
 * \brief Turn a write hold into a read hold.
 *
 * \param[in,out] sema Sema.
 */
void
vmk_RWSemaDowngradeToRead(
   vmk_SemaphoreRW *sema);

/**
 * \brief Acquire a reader-writer semaphore for reading (may block).
 *
 * \param[in,out] sema Sema.
 */
void
vmk_RWSemaReadLock(
   vmk_SemaphoreRW *sema);

/**
 * \brief Release a read hold of a reader-writer semaphore.
 *
 * \param[in,out] sema Sema.
 */
void
vmk_RWSemaReadUnlock(
   vmk_SemaphoreRW *sema);

/**
 * \brief Acquire a reader-writer semaphore for reading if that needs no wait.
 *
 * \param[in,out] sema Sema.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_RWSemaTryReadLock(
   vmk_SemaphoreRW *sema);

/**
 * \brief Turn a read hold into a write hold if that needs no wait.
 *
 * \param[in,out] sema Sema.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_RWSemaTryUpgradeFromRead(
   vmk_SemaphoreRW *sema);

/**
 * \brief Turn a read hold into a write hold (may block).
 *
 * \param[in,out] sema Sema.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_RWSemaUpgradeFromRead(
   vmk_SemaphoreRW *sema);

/**
 * \brief Acquire a reader-writer semaphore for writing (may block).
 *
 * \param[in,out] sema Sema.
 */
void
vmk_RWSemaWriteLock(
   vmk_SemaphoreRW *sema);

/**
 * \brief Release a write hold of a reader-writer semaphore.
 *
 * \param[in,out] sema Sema.
 */
void
vmk_RWSemaWriteUnlock(
   vmk_SemaphoreRW *sema);

/**
 * \brief Report unless a semaphore is (or is not) held by the caller.
 *
 * \param[in,out] sema Sema.
 * \param[in] locked Locked.
 */
void
vmk_SemaAssertHasState(
   vmk_Semaphore *sema,
   vmk_Bool locked);

/**
 * \brief Create a counting semaphore.
 *
 * \param[in,out] sema Sema.
 * \param[in] moduleID Module id.
 * \param[in] name Name.
 * \param[in] value Value.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SemaCreate(
   vmk_Semaphore *sema,
   vmk_ModuleID moduleID,
   const char *name,
   vmk_int32 value);

/**
 * \brief Destroy a semaphore.
 *
 * \param[in,out] sema Sema.
 */
void
vmk_SemaDestroy(
   vmk_Semaphore *sema);

/**
 * \brief Acquire a semaphore (may block).
 *
 * \param[in,out] sema Sema.
 */
void
vmk_SemaLock(
   vmk_Semaphore *sema);

/**
 * \brief Acquire a semaphore if that needs no wait.
 *
 * \param[in,out] sema Sema.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SemaTryLock(
   vmk_Semaphore *sema);

/**
 * \brief Release a semaphore.
 *
 * \param[in,out] sema Sema.
 */
void
vmk_SemaUnlock(
   vmk_Semaphore *sema);

/**
 * \brief Debug builds: report unless the semaphore has readers.
 *
 * \param[in,out] sema Sema.
 */
static VMK_ALWAYS_INLINE void
vmk_RWSemaAssertHasReaders(
   vmk_SemaphoreRW *sema)
{
#if defined(VMX86_DEBUG)
   vmk_RWSemaAssertHasReadersInt(sema);
#else
   (void)sema;
#endif
}

/**
 * \brief Debug builds: report unless the semaphore has readers or a writer.
 *
 * \param[in,out] sema Sema.
 */
static VMK_ALWAYS_INLINE void
vmk_RWSemaAssertHasReadersWriter(
   vmk_SemaphoreRW *sema)
{
#if defined(VMX86_DEBUG)
   vmk_RWSemaAssertHasReadersWriterInt(sema);
#else
   (void)sema;
#endif
}

/**
 * \brief Debug builds: report unless the semaphore has a writer.
 *
 * \param[in,out] sema Sema.
 */
static VMK_ALWAYS_INLINE void
vmk_RWSemaAssertHasWriter(
   vmk_SemaphoreRW *sema)
{
#if defined(VMX86_DEBUG)
   vmk_RWSemaAssertHasWriterInt(sema);
#else
   (void)sema;
#endif
}

/**
 * \brief Debug builds: report unless the caller holds the semaphore.
 *
 * \param[in,out] sema Sema.
 */
static VMK_ALWAYS_INLINE void
vmk_SemaAssertIsLocked(
   vmk_Semaphore *sema)
{
#if defined(VMX86_DEBUG)
   vmk_SemaAssertHasState(sema, VMK_TRUE);
#else
   (void)sema;
#endif
}

/**
 * \brief Debug builds: report if the caller holds the semaphore.
 *
 * \param[in,out] sema Sema.
 */
static VMK_ALWAYS_INLINE void
vmk_SemaAssertIsUnlocked(
   vmk_Semaphore *sema)
{
#if defined(VMX86_DEBUG)
   vmk_SemaAssertHasState(sema, VMK_FALSE);
#else
   (void)sema;
#endif
}

/** \} */

#endif /* _VMKAPI_SEM_H_ */
