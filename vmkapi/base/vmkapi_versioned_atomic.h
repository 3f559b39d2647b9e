/*
 * base/vmkapi_versioned_atomic.h -- versioned atomics
 *
 * A two-counter version scheme that lets readers detect a concurrent writer
 * and retry (single writer, many lock-free readers). Inline.
 */

#ifndef _VMKAPI_VERSIONED_ATOMIC_H_
#define _VMKAPI_VERSIONED_ATOMIC_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_versioned_atomic.h must not be included directly; include vmkapi.h"
#endif

/**
 * \addtogroup VMK_Atomic
 * \{
 */

/**
 * \brief A pair of version counters that let readers copy data without a
 *        lock while one writer (serialised by the caller) updates it.
 *
 * The writer brackets its update with vmk_VersionedAtomicBeginWrite() and
 * vmk_VersionedAtomicEndWrite(); a reader copies the data between
 * vmk_VersionedAtomicBeginTryRead() and vmk_VersionedAtomicEndTryRead()
 * and retries while the latter says the copy may be torn.
 */
typedef struct vmk_VersionedAtomic {
   /** \brief Version stamped when a write begins. */
   volatile vmk_uint32 v0;
   /** \brief Version stamped when a write ends. */
   volatile vmk_uint32 v1;
} vmk_VersionedAtomic;

/**
 * \brief Initialise the counters: no write in progress.
 *
 * \note This function will not block.
 *
 * \param[out] versions  Counters to initialise.
 */
static VMK_ALWAYS_INLINE void
vmk_VersionedAtomicInit(
   vmk_VersionedAtomic *versions)
{
   versions->v0 = 0;
   versions->v1 = 0;
}

/**
 * \brief Mark the start of an update; readers that overlap it will be
 *        told to retry.
 *
 * Writers must be serialised by the caller (for example with a lock).
 *
 * \note This function will not block.
 *
 * \param[in,out] versions  Counters guarding the data.
 */
static VMK_ALWAYS_INLINE void
vmk_VersionedAtomicBeginWrite(
   vmk_VersionedAtomic *versions)
{
   VMK_ASSERT(versions->v0 == versions->v1);
   __atomic_store_n(&versions->v0,
                    __atomic_load_n(&versions->v0, __ATOMIC_RELAXED) + 1,
                    __ATOMIC_RELAXED);
   vmk_CPUMemFenceReadWrite();
}

/**
 * \brief Mark the end of an update begun with
 *        vmk_VersionedAtomicBeginWrite().
 *
 * \note This function will not block.
 *
 * \param[in,out] versions  Counters guarding the data.
 */
static VMK_ALWAYS_INLINE void
vmk_VersionedAtomicEndWrite(
   vmk_VersionedAtomic *versions)
{
   VMK_ASSERT(versions->v0 == versions->v1 + 1);
   vmk_CPUMemFenceReadWrite();
   __atomic_store_n(&versions->v1,
                    __atomic_load_n(&versions->v0, __ATOMIC_RELAXED),
                    __ATOMIC_RELEASE);
}

/**
 * \brief Start a lock-free read of the guarded data.
 *
 * \note This function will not block.
 *
 * \param[in] versions  Counters guarding the data.
 *
 * \return The version to hand to vmk_VersionedAtomicEndTryRead().
 */
static VMK_ALWAYS_INLINE vmk_uint32
vmk_VersionedAtomicBeginTryRead(
   const vmk_VersionedAtomic *versions)
{
   vmk_uint32 version = __atomic_load_n(&versions->v1, __ATOMIC_ACQUIRE);

   vmk_CPUMemFenceReadWrite();
   return version;
}

/**
 * \brief Check whether a read overlapped an update.
 *
 * \note This function will not block.
 *
 * \param[in] versions  Counters guarding the data.
 * \param[in] version   Value vmk_VersionedAtomicBeginTryRead() returned.
 *
 * \return VMK_TRUE if no update overlapped the read (the copy is good),
 *         VMK_FALSE if it must be retried.
 */
static VMK_ALWAYS_INLINE vmk_Bool
vmk_VersionedAtomicEndTryRead(
   const vmk_VersionedAtomic *versions,
   vmk_uint32 version)
{
   vmk_CPUMemFenceReadWrite();
   return VMK_LIKELY(__atomic_load_n(&versions->v0, __ATOMIC_ACQUIRE) ==
                     version) ? VMK_TRUE : VMK_FALSE;
}

/** \} */

#endif /* _VMKAPI_VERSIONED_ATOMIC_H_ */
