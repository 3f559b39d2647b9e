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

/** \brief Handle of a counting or binary semaphore. */
typedef struct vmk_SemaphoreInt *vmk_Semaphore;

/** \brief Handle of a reader-writer semaphore. */
typedef struct vmk_SemaphoreRWInt *vmk_SemaphoreRW;

/**
 * \brief Create a binary semaphore (a sleeping mutex) that starts unlocked.
 *
 * \note This function may block (it allocates); vmkemu reports a call made
 *     where blocking is not allowed.
 *
 * \param[out] sema Semaphore to initialize.
 * \param[in] moduleID Module that owns it.
 * \param[in] name Name for debugging.
 *
 * \retval VMK_OK The semaphore is ready.
 * \retval VMK_BAD_PARAM sema is NULL.
 * \retval VMK_NO_MEMORY Not enough memory for the semaphore.
 *
 * \note vmkemu allocates semaphores itself, so a module without a heap can
 *     create them too.
 */
VMK_ReturnStatus
vmk_BinarySemaCreate(
   vmk_Semaphore *sema,
   vmk_ModuleID moduleID,
   const char *name);

/**
 * \brief Report unless the semaphore has readers (debug support).
 *
 * \note This function will not block.
 *
 * \param[in,out] sema Semaphore to check.
 */
void
vmk_RWSemaAssertHasReadersInt(
   vmk_SemaphoreRW *sema);

/**
 * \brief Report unless the semaphore has readers or a writer (debug support).
 *
 * \note This function will not block.
 *
 * \param[in,out] sema Semaphore to check.
 */
void
vmk_RWSemaAssertHasReadersWriterInt(
   vmk_SemaphoreRW *sema);

/**
 * \brief Report unless the semaphore has a writer (debug support).
 *
 * \note This function will not block.
 *
 * \param[in,out] sema Semaphore to check.
 */
void
vmk_RWSemaAssertHasWriterInt(
   vmk_SemaphoreRW *sema);

/**
 * \brief Create a reader-writer semaphore.
 *
 * \note This function may block (it allocates); vmkemu reports a call made
 *     where blocking is not allowed.
 *
 * \param[out] sema Semaphore to initialize.
 * \param[in] moduleID Module that owns it.
 * \param[in] name Name for debugging.
 *
 * \retval VMK_OK The semaphore is ready.
 * \retval VMK_BAD_PARAM sema is NULL.
 * \retval VMK_NO_MEMORY Not enough memory for the semaphore.
 *
 * \note vmkemu allocates semaphores itself, so a module without a heap can
 *     create them too.
 */
VMK_ReturnStatus
vmk_RWSemaCreate(
   vmk_SemaphoreRW *sema,
   vmk_ModuleID moduleID,
   const char *name);

/**
 * \brief Destroy a reader-writer semaphore that nobody holds.
 *
 * \note This function will not block.
 *
 * \param[in] sema Semaphore to operate on.
 */
void
vmk_RWSemaDestroy(
   vmk_SemaphoreRW *sema);

/**
 * \brief Turn a write hold into a read hold.
 *
 * \note This function will not block.
 *
 * \param[in] sema Semaphore held for writing by the caller.
 */
void
vmk_RWSemaDowngradeToRead(
   vmk_SemaphoreRW *sema);

/**
 * \brief Acquire a reader-writer semaphore for reading, sleeping while a writer
 *     holds it.
 *
 * \note This function may block.
 *
 * \param[in] sema Semaphore to operate on.
 */
void
vmk_RWSemaReadLock(
   vmk_SemaphoreRW *sema);

/**
 * \brief Release a read hold.
 *
 * \note This function will not block.
 *
 * \param[in] sema Semaphore to operate on.
 */
void
vmk_RWSemaReadUnlock(
   vmk_SemaphoreRW *sema);

/**
 * \brief Acquire a reader-writer semaphore for reading if that needs no wait.
 *
 * \note This function will not block.
 *
 * \param[in] sema Semaphore to operate on.
 *
 * \retval VMK_OK Read access is held.
 * \retval VMK_BUSY A writer holds or waits for it.
 * \retval VMK_BAD_PARAM sema is not a live reader-writer semaphore (also a
 *     dead-handle report).
 */
VMK_ReturnStatus
vmk_RWSemaTryReadLock(
   vmk_SemaphoreRW *sema);

/**
 * \brief Turn a read hold into a write hold if the caller is the only reader.
 *
 * \note This function will not block.
 *
 * \param[in] sema Semaphore held for reading by the caller.
 *
 * \retval VMK_OK The caller now holds it for writing.
 * \retval VMK_BUSY Other readers hold it, or another reader is upgrading.
 * \retval VMK_BAD_PARAM sema is not a live reader-writer semaphore, or it has
 *     no reader (each also a report).
 */
VMK_ReturnStatus
vmk_RWSemaTryUpgradeFromRead(
   vmk_SemaphoreRW *sema);

/**
 * \brief Turn a read hold into a write hold, waiting for other readers to leave.
 *
 * \note This function may block.
 *
 * \param[in] sema Semaphore held for reading by the caller.
 *
 * \retval VMK_OK The caller now holds it for writing.
 * \retval VMK_BUSY Another reader is already upgrading; the caller still holds
 *     it for reading.
 * \retval VMK_BAD_PARAM sema is not a live reader-writer semaphore, or it has
 *     no reader (each also a report).
 */
VMK_ReturnStatus
vmk_RWSemaUpgradeFromRead(
   vmk_SemaphoreRW *sema);

/**
 * \brief Acquire a reader-writer semaphore for writing, sleeping while anyone
 *     holds it.
 *
 * \note This function may block.
 *
 * \param[in] sema Semaphore to operate on.
 */
void
vmk_RWSemaWriteLock(
   vmk_SemaphoreRW *sema);

/**
 * \brief Release a write hold.
 *
 * \note This function will not block.
 *
 * \param[in] sema Semaphore to operate on.
 */
void
vmk_RWSemaWriteUnlock(
   vmk_SemaphoreRW *sema);

/**
 * \brief Report unless a semaphore is (or is not) held by the caller.
 *
 * \note This function will not block.
 *
 * \param[in,out] sema Semaphore to check.
 * \param[in] locked VMK_TRUE to check that it is held (count zero), VMK_FALSE
 *     to check that it is free.
 */
void
vmk_SemaAssertHasState(
   vmk_Semaphore *sema,
   vmk_Bool locked);

/**
 * \brief Create a counting semaphore.
 *
 * \note This function may block (it allocates); vmkemu reports a call made
 *     where blocking is not allowed.
 *
 * \param[out] sema Semaphore to initialize.
 * \param[in] moduleID Module that owns it.
 * \param[in] name Name for debugging.
 * \param[in] value Initial count.
 *
 * \retval VMK_OK The semaphore is ready.
 * \retval VMK_BAD_PARAM sema is NULL or value is negative.
 * \retval VMK_NO_MEMORY Not enough memory for the semaphore.
 *
 * \note vmkemu allocates semaphores itself, so a module without a heap can
 *     create them too.
 */
VMK_ReturnStatus
vmk_SemaCreate(
   vmk_Semaphore *sema,
   vmk_ModuleID moduleID,
   const char *name,
   vmk_int32 value);

/**
 * \brief Destroy a semaphore that nobody waits on.
 *
 * \note This function will not block.
 *
 * \param[in] sema Semaphore to operate on.
 */
void
vmk_SemaDestroy(
   vmk_Semaphore *sema);

/**
 * \brief Decrement a semaphore, sleeping while its count is zero.
 *
 * \note This function may block.
 *
 * \param[in] sema Semaphore to operate on.
 */
void
vmk_SemaLock(
   vmk_Semaphore *sema);

/**
 * \brief Decrement a semaphore if that needs no wait.
 *
 * \note This function will not block.
 *
 * \param[in] sema Semaphore to operate on.
 *
 * \retval VMK_OK The semaphore was decremented.
 * \retval VMK_BUSY Its count is zero.
 * \retval VMK_BAD_PARAM sema is not a live semaphore (also a dead-handle
 *     report).
 */
VMK_ReturnStatus
vmk_SemaTryLock(
   vmk_Semaphore *sema);

/**
 * \brief Increment a semaphore, waking a waiter if any.
 *
 * \note This function will not block.
 *
 * \param[in] sema Semaphore to operate on.
 */
void
vmk_SemaUnlock(
   vmk_Semaphore *sema);

/**
 * \brief Debug builds: report unless the semaphore has readers.
 *
 * \note This function will not block.
 *
 * \param[in] sema Semaphore to operate on.
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
 * \note This function will not block.
 *
 * \param[in] sema Semaphore to operate on.
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
 * \note This function will not block.
 *
 * \param[in] sema Semaphore to operate on.
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
 * \note This function will not block.
 *
 * \param[in] sema Semaphore to operate on.
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
 * \note This function will not block.
 *
 * \param[in] sema Semaphore to operate on.
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
