/*
 * core/vmkapi_lock_domain.h -- lock domains
 *
 * Named groups of locks within which lock ranks are checked.
 */

#ifndef _VMKAPI_LOCK_DOMAIN_H_
#define _VMKAPI_LOCK_DOMAIN_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_lock_domain.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Lock Locks
 *
 * \brief Spinlocks, lock domains and lock ranks.
 *
 * A lock domain groups locks whose ranks are compared with each other:
 * within a domain, locks must be taken in increasing rank order.
 *
 * \note vmkemu checks the rank order on every acquisition and reports an
 *       inversion.
 * \{
 */

/** \brief Private structure behind a vmk_LockDomainID. */
struct vmkLockDomainInt;

/** \brief A vmk_LockDomainID value for locks that belong to no domain. */
#define VMK_LOCKDOMAIN_INVALID ((vmk_LockDomainID)-1)

/** \brief Handle to a lock domain. */
typedef struct vmkLockDomainInt *vmk_LockDomainID;

/**
 * \brief Tell how much heap memory one lock domain takes, for sizing the
 *        module's heap.
 *
 * \note This function will not block.
 *
 * \return Bytes per lock domain.
 */
vmk_ByteCountSmall
vmk_LockDomainAllocSize(void);

/**
 * \brief Create a lock domain.
 *
 * \note This function may block.
 *
 * \param[in]  moduleID  Module that owns the domain.
 * \param[in]  heapID    Heap for the domain's record.
 * \param[in]  name      Name of the domain, shown in rank reports.
 * \param[out] domain    Receives the domain handle.
 *
 * \retval VMK_OK         The domain exists.
 * \retval VMK_BAD_PARAM  name or domain is NULL.
 * \retval VMK_NO_MEMORY  No memory for the domain.
 */
VMK_ReturnStatus
vmk_LockDomainCreate(
   vmk_ModuleID moduleID,
   vmk_HeapID heapID,
   vmk_Name *name,
   vmk_LockDomainID *domain);

/**
 * \brief Destroy a lock domain; no lock may still be in it.
 *
 * \note This function will not block.
 *
 * \param[in] domain  Domain to destroy.
 */
void
vmk_LockDomainDestroy(
   vmk_LockDomainID domain);

/** \} */

#endif /* _VMKAPI_LOCK_DOMAIN_H_ */
