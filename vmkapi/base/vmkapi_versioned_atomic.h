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
 * \brief Writer version counters for lock-free readers.
 */
typedef struct vmk_VersionedAtomic {
   /** \brief V 0. */
   volatile vmk_uint32 v0;
   /** \brief V 1. */
   volatile vmk_uint32 v1;
} vmk_VersionedAtomic;

/**
 * \brief Initialize the version counters (no write in progress).
 *
 * \note This function will not block.
 *
 * \param[in] versions Versions.
 */
static VMK_ALWAYS_INLINE void
vmk_VersionedAtomicInit(
   vmk_VersionedAtomic *versions)
{
   versions->v0 = 0;
   versions->v1 = 0;
}

/**
 * \brief Start a write: readers that overlap it will fail
 *     vmk_VersionedAtomicEndTryRead().
 *
 * \note This function will not block.
 *
 * \param[in] versions Versions.
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
 * \brief Finish a write started by vmk_VersionedAtomicBeginWrite().
 *
 * \note This function will not block.
 *
 * \param[in] versions Versions.
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
 * \brief Start a lock-free read; returns the version to pass to
 *     vmk_VersionedAtomicEndTryRead().
 *
 * \note This function will not block.
 *
 * \param[in] versions Versions.
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
 * \brief Finish a read: VMK_TRUE if no write overlapped it, VMK_FALSE if the
 *     read must be retried.
 *
 * \note This function will not block.
 *
 * \param[in] versions Versions.
 * \param[in] version Version.
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
