/*
 * core/vmkapi_lock_domain.h -- lock domains
 *
 * Lock domains group lock ranks for the lock-order checker.
 */

#ifndef _VMKAPI_LOCK_DOMAIN_H_
#define _VMKAPI_LOCK_DOMAIN_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_lock_domain.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Lock Locks
 * \{
 */

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmkLockDomainInt;

/**
 * \brief A lock domain ID that refers to no domain.
 */
#define VMK_LOCKDOMAIN_INVALID ((vmk_LockDomainID)-1)

/** \brief Handle to a lock domain ID. */
typedef struct vmkLockDomainInt *vmk_LockDomainID;

/**
 * \brief Heap space one lock domain needs.
 *
 * \note This function will not block.
 */
vmk_ByteCountSmall
vmk_LockDomainAllocSize(void);

/**
 * \brief Create a lock domain.
 *
 * \note This function will not block.
 *
 * \param[in] moduleID Module ID.
 * \param[in] heapID Heap handle.
 * \param[in] name Name.
 * \param[out] domain Domain.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_LockDomainCreate(
   vmk_ModuleID moduleID,
   vmk_HeapID heapID,
   vmk_Name *name,
   vmk_LockDomainID *domain);

/**
 * \brief Destroy a lock domain.
 *
 * \note This function will not block.
 *
 * \param[in] domain Lock domain.
 */
void
vmk_LockDomainDestroy(
   vmk_LockDomainID domain);

/** \} */

#endif /* _VMKAPI_LOCK_DOMAIN_H_ */
