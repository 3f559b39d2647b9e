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

/** \brief Spinlock. */
#define VMK_SPINLOCK 1

/** \brief Spinlock rank invalid. */
#define VMK_SPINLOCK_RANK_INVALID 0

/** \brief Spinlock rw. */
#define VMK_SPINLOCK_RW 3

/** \brief Spinlock unranked. */
#define VMK_SPINLOCK_UNRANKED 65535

/**
 * \brief A lock handle that refers to no lock.
 */
#define VMK_LOCK_INVALID ((vmk_Lock)-1)

/** \brief Handle to a lock. */
typedef struct vmk_LockInt *vmk_Lock;

/** \brief Lock rank. */
typedef vmk_uint16 vmk_LockRank;

/** \brief Spinlock type. */
typedef vmk_uint8 vmk_SpinlockType;

/**
 * \brief Properties for creating a spinlock.
 */
typedef struct vmk_SpinlockCreateProps {
   /** \brief Module ID. */
   vmk_ModuleID moduleID;
   /** \brief Heap ID. */
   vmk_HeapID heapID;
   /** \brief Name. */
   vmk_Name name;
   /** \brief Type. */
   vmk_SpinlockType type;
   /** \brief Domain. */
   vmk_LockDomainID domain;
   /** \brief Rank. */
   vmk_LockRank rank;
} vmk_SpinlockCreateProps;

/**
 * \brief Heap space one spinlock of the given type needs.
 *
 * \param[in] type Type.
 */
vmk_ByteCountSmall
vmk_SpinlockAllocSize(
   vmk_SpinlockType type);

/**
 * \brief Report unless the calling world holds the lock (debug support).
 *
 * \param[in] lock Lock.
 */
void
vmk_SpinlockAssertHeldByWorldInt(
   vmk_Lock lock);

/**
 * \brief Report unless the calling world holds the lock for reading (debug support).
 *
 * \param[in] lock Lock.
 */
void
vmk_SpinlockAssertReaderHeldByWorldInt(
   vmk_Lock lock);

/**
 * \brief Create a spinlock.
 *
 * \param[in,out] props Props.
 * \param[in,out] lockOut Lock out.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SpinlockCreate(
   vmk_SpinlockCreateProps *props,
   vmk_Lock *lockOut);

/**
 * \brief Destroy a spinlock.
 *
 * \param[in] lock Lock.
 */
void
vmk_SpinlockDestroy(
   vmk_Lock lock);

/**
 * \brief Acquire a spinlock.
 *
 * \param[in] lock Lock.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SpinlockLock(
   vmk_Lock lock);

/**
 * \brief Acquire a spinlock even if the calling world is being killed.
 *
 * \param[in] lock Lock.
 */
void
vmk_SpinlockLockIgnoreDeathPending(
   vmk_Lock lock);

/**
 * \brief Acquire a reader-writer spinlock for reading.
 *
 * \param[in] lock Lock.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SpinlockReadLock(
   vmk_Lock lock);

/**
 * \brief Acquire a reader-writer spinlock for reading even if the caller is being killed.
 *
 * \param[in] lock Lock.
 */
void
vmk_SpinlockReadLockIgnoreDeathPending(
   vmk_Lock lock);

/**
 * \brief Release a reader-writer spinlock held for reading.
 *
 * \param[in] lock Lock.
 */
void
vmk_SpinlockReadUnlock(
   vmk_Lock lock);

/**
 * \brief Release a read hold that is not the most recently acquired lock.
 *
 * \param[in] lock Lock.
 */
void
vmk_SpinlockReadUnlockOutOfOrder(
   vmk_Lock lock);

/**
 * \brief Release a spinlock.
 *
 * \param[in] lock Lock.
 */
void
vmk_SpinlockUnlock(
   vmk_Lock lock);

/**
 * \brief Release a spinlock that is not the most recently acquired one.
 *
 * \param[in] lock Lock.
 */
void
vmk_SpinlockUnlockOutOfOrder(
   vmk_Lock lock);

/**
 * \brief Acquire a reader-writer spinlock for writing.
 *
 * \param[in] lock Lock.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SpinlockWriteLock(
   vmk_Lock lock);

/**
 * \brief Acquire a reader-writer spinlock for writing even if the caller is being killed.
 *
 * \param[in] lock Lock.
 */
void
vmk_SpinlockWriteLockIgnoreDeathPending(
   vmk_Lock lock);

/**
 * \brief Release a reader-writer spinlock held for writing.
 *
 * \param[in] lock Lock.
 */
void
vmk_SpinlockWriteUnlock(
   vmk_Lock lock);

/**
 * \brief Release a write hold that is not the most recently acquired lock.
 *
 * \param[in] lock Lock.
 */
void
vmk_SpinlockWriteUnlockOutOfOrder(
   vmk_Lock lock);

/**
 * \brief Debug builds: report unless the calling world holds the lock.
 *
 * \param[in] lock Lock.
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
 * \brief Debug builds: report unless the calling world holds the lock for reading.
 *
 * \param[in] lock Lock.
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
