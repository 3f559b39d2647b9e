/*
 * core/vmkapi_spinlock.h -- spinlocks
 *
 * Spinlocks and reader-writer spinlocks. vmkemu backs them with host locks,
 * records the holder world and checks rank order.
 */

#ifndef _VMKAPI_SPINLOCK_H_
#define _VMKAPI_SPINLOCK_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_spinlock.h must not be included directly; include vmkapi.h"
#endif

/**
 * \addtogroup VMK_Lock
 * \{
 */

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmk_LockInt;

/** \brief Lock type: exclusive spinlock (one holder at a time). */
#define VMK_SPINLOCK 1

/** \brief Rank value that is never valid. */
#define VMK_SPINLOCK_RANK_INVALID 0

/** \brief Lock type: reader-writer spinlock (many readers or one writer). */
#define VMK_SPINLOCK_RW 3

/** \brief Rank meaning the lock takes no part in rank-order checks. */
#define VMK_SPINLOCK_UNRANKED 65535

/**
 * \brief A lock handle that refers to no lock.
 */
#define VMK_LOCK_INVALID ((vmk_Lock)-1)

/** \brief Handle of a spinlock. */
typedef struct vmk_LockInt *vmk_Lock;

/**
 * \brief Order of a lock within its lock domain: locks of one domain must be
 *        taken in strictly increasing rank.
 */
typedef vmk_uint16 vmk_LockRank;

/** \brief Kind of spinlock: VMK_SPINLOCK or VMK_SPINLOCK_RW. */
typedef vmk_uint8 vmk_SpinlockType;

/**
 * \brief Properties for creating a spinlock.
 */
typedef struct vmk_SpinlockCreateProps {
   /** \brief Module that owns the lock. */
   vmk_ModuleID moduleID;
   /** \brief Heap the lock is allocated from. */
   vmk_HeapID heapID;
   /** \brief Name of the lock, used in reports. */
   vmk_Name name;
   /** \brief VMK_SPINLOCK or VMK_SPINLOCK_RW. */
   vmk_SpinlockType type;
   /** \brief Lock domain that ranks are checked in, or VMK_LOCKDOMAIN_INVALID. */
   vmk_LockDomainID domain;
   /** \brief Rank within the domain, or VMK_SPINLOCK_UNRANKED. */
   vmk_LockRank rank;
} vmk_SpinlockCreateProps;

/**
 * \brief Heap space one spinlock of the given type needs.
 *
 * \note This function will not block.
 *
 * \param[in] type VMK_SPINLOCK or VMK_SPINLOCK_RW.
 *
 * \return Bytes to add to the module heap for each such lock.
 */
vmk_ByteCountSmall
vmk_SpinlockAllocSize(
   vmk_SpinlockType type);

/**
 * \brief Report unless the calling world holds the lock (debug support).
 *
 * \note This function will not block.
 *
 * \param[in] lock Lock expected to be held exclusively by the caller.
 */
void
vmk_SpinlockAssertHeldByWorldInt(
   vmk_Lock lock);

/**
 * \brief Report unless the calling world holds the lock for reading (debug
 *     support).
 *
 * \note This function will not block.
 *
 * \param[in] lock Lock expected to be held for reading by the caller.
 */
void
vmk_SpinlockAssertReaderHeldByWorldInt(
   vmk_Lock lock);

/**
 * \brief Create a spinlock (exclusive or reader-writer).
 *
 * \note This function may block (it allocates); vmkemu reports a call made
 *     where blocking is not allowed.
 *
 * \param[in] props Module, heap, name, type, lock domain and rank.
 * \param[out] lock Receives the handle of the new lock.
 *
 * \retval VMK_OK The lock exists and *lock is set.
 * \retval VMK_BAD_PARAM An argument is NULL, the type is unknown, the rank is
 *     VMK_SPINLOCK_RANK_INVALID, a rank is given without a lock domain, or
 *     the domain is not a live lock domain.
 * \retval VMK_NO_MEMORY Not enough memory for the lock.
 */
VMK_ReturnStatus
vmk_SpinlockCreate(
   vmk_SpinlockCreateProps *props,
   vmk_Lock *lock);

/**
 * \brief Destroy a spinlock that nobody holds.
 *
 * \note This function will not block.
 * \note Destroying a held lock is reported by vmkemu.
 *
 * \param[in] lock Lock to destroy.
 */
void
vmk_SpinlockDestroy(
   vmk_Lock lock);

/**
 * \brief Acquire a spinlock exclusively.
 *
 * \note This function will not block; it spins until the lock is free.
 * \note vmkemu checks the lock rank order and reports an inversion.
 *
 * \param[in,out] lock Lock to acquire.
 *
 * \retval VMK_OK The lock is held.
 * \retval VMK_BAD_PARAM lock is not a live spinlock (a dead-handle report),
 *     or the caller already holds it (a self-deadlock report); the lock is
 *     not taken.
 *
 * \note vmkemu does not look for a pending death here, so this call never
 *     returns VMK_DEATH_PENDING, which ESXi may return.
 */
VMK_ReturnStatus
vmk_SpinlockLock(
   vmk_Lock lock);

/**
 * \brief Acquire a spinlock exclusively even if the calling world is being
 *     killed.
 *
 * \note This function will not block; it spins until the lock is free.
 *
 * \param[in,out] lock Lock to acquire.
 */
void
vmk_SpinlockLockIgnoreDeathPending(
   vmk_Lock lock);

/**
 * \brief Acquire a spinlock for reading.
 *
 * \note This function will not block; it spins until the lock is free.
 * \note vmkemu checks the lock rank order and reports an inversion.
 *
 * \param[in,out] lock Lock to acquire.
 *
 * \retval VMK_OK The lock is held.
 * \retval VMK_BAD_PARAM lock is not a live spinlock, is not a reader-writer
 *     lock, or the caller already holds it (each also a report); the lock
 *     is not taken.
 *
 * \note vmkemu does not look for a pending death here, so this call never
 *     returns VMK_DEATH_PENDING, which ESXi may return.
 */
VMK_ReturnStatus
vmk_SpinlockReadLock(
   vmk_Lock lock);

/**
 * \brief Acquire a spinlock for reading even if the calling world is being
 *     killed.
 *
 * \note This function will not block; it spins until the lock is free.
 *
 * \param[in,out] lock Lock to acquire.
 */
void
vmk_SpinlockReadLockIgnoreDeathPending(
   vmk_Lock lock);

/**
 * \brief Release a read hold of a spinlock (the most recent lock taken).
 *
 * \note This function will not block.
 *
 * \param[in,out] lock Lock to release.
 */
void
vmk_SpinlockReadUnlock(
   vmk_Lock lock);

/**
 * \brief Release a read hold of a spinlock that is not the most recent taken.
 *
 * \note This function will not block.
 *
 * \param[in,out] lock Lock to release.
 */
void
vmk_SpinlockReadUnlockOutOfOrder(
   vmk_Lock lock);

/**
 * \brief Release an exclusive hold of a spinlock (the most recent lock taken).
 *
 * \note This function will not block.
 *
 * \param[in,out] lock Lock to release.
 */
void
vmk_SpinlockUnlock(
   vmk_Lock lock);

/**
 * \brief Release an exclusive hold of a spinlock that is not the most recent
 *     taken.
 *
 * \note This function will not block.
 *
 * \param[in,out] lock Lock to release.
 */
void
vmk_SpinlockUnlockOutOfOrder(
   vmk_Lock lock);

/**
 * \brief Acquire a spinlock for writing.
 *
 * \note This function will not block; it spins until the lock is free.
 * \note vmkemu checks the lock rank order and reports an inversion.
 *
 * \param[in,out] lock Lock to acquire.
 *
 * \retval VMK_OK The lock is held.
 * \retval VMK_BAD_PARAM lock is not a live spinlock (a dead-handle report),
 *     or the caller already holds it (a self-deadlock report); the lock is
 *     not taken.
 *
 * \note vmkemu does not look for a pending death here, so this call never
 *     returns VMK_DEATH_PENDING, which ESXi may return.
 */
VMK_ReturnStatus
vmk_SpinlockWriteLock(
   vmk_Lock lock);

/**
 * \brief Acquire a spinlock for writing even if the calling world is being
 *     killed.
 *
 * \note This function will not block; it spins until the lock is free.
 *
 * \param[in,out] lock Lock to acquire.
 */
void
vmk_SpinlockWriteLockIgnoreDeathPending(
   vmk_Lock lock);

/**
 * \brief Release a write hold of a spinlock (the most recent lock taken).
 *
 * \note This function will not block.
 *
 * \param[in,out] lock Lock to release.
 */
void
vmk_SpinlockWriteUnlock(
   vmk_Lock lock);

/**
 * \brief Release a write hold of a spinlock that is not the most recent taken.
 *
 * \note This function will not block.
 *
 * \param[in,out] lock Lock to release.
 */
void
vmk_SpinlockWriteUnlockOutOfOrder(
   vmk_Lock lock);

/**
 * \brief Debug builds: report unless the calling world holds the lock.
 *
 * \note This function will not block.
 *
 * \param[in] lock Lock handle.
 */
static VMK_ALWAYS_INLINE void
vmk_SpinlockAssertHeldByWorld(
   vmk_Lock lock)
{
#if defined(VMX86_DEBUG)
   vmk_SpinlockAssertHeldByWorldInt(lock);
#else
   (void)lock;
#endif
}

/**
 * \brief Debug builds: report unless the calling world holds the lock for
 *     reading.
 *
 * \note This function will not block.
 *
 * \param[in] lock Lock handle.
 */
static VMK_ALWAYS_INLINE void
vmk_SpinlockAssertReaderHeldByWorld(
   vmk_Lock lock)
{
#if defined(VMX86_DEBUG)
   vmk_SpinlockAssertReaderHeldByWorldInt(lock);
#else
   (void)lock;
#endif
}

/** \} */

#endif /* _VMKAPI_SPINLOCK_H_ */
