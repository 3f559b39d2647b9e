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
 */
vmk_ByteCountSmall
vmk_LockDomainAllocSize(void);

/**
 * \brief Create a lock domain.
 *
 * \param[in] moduleID Module id.
 * \param[in] heap Heap.
 * \param[in,out] name Name.
 * \param[in,out] domainOut Domain out.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_LockDomainCreate(
   vmk_ModuleID moduleID,
   vmk_HeapID heap,
   vmk_Name *name,
   vmk_LockDomainID *domainOut);

/**
 * \brief Destroy a lock domain.
 *
 * \param[in] domain Domain.
 */
void
vmk_LockDomainDestroy(
   vmk_LockDomainID domain);

/** \} */

#endif /* _VMKAPI_LOCK_DOMAIN_H_ */
