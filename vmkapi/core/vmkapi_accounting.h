/*
 * core/vmkapi_accounting.h -- service time accounting
 *
 * Charging CPU time to a service on behalf of a world.
 */

#ifndef _VMKAPI_ACCOUNTING_H_
#define _VMKAPI_ACCOUNTING_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_accounting.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Accounting Service Accounting
 * \{
 */

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct Sched_SysAcctContext;

/**
 * \brief Service account for general kernel work.
 */
#define VMK_SERVICE_ACCT_NAME_KERNEL "kernel"

/**
 * \brief Service account for network work.
 */
#define VMK_SERVICE_ACCT_NAME_NET "net"

/**
 * \brief Service account for storage work.
 */
#define VMK_SERVICE_ACCT_NAME_SCSI "scsi"

/**
 * \brief No service-time charging context.
 */
#define VMK_SERVICE_TIME_CONTEXT_NONE ((vmk_ServiceTimeContext)0)

/** \brief Service acct id. */
typedef vmk_uint64 vmk_ServiceAcctID;

/** \brief Handle to a service time context. */
typedef struct Sched_SysAcctContext *vmk_ServiceTimeContext;

/**
 * \brief Get the ID of a service.
 *
 * \note This function will not block.
 *
 * \param[in] name Name.
 * \param[out] serviceID Service id.
 *
 * \retval VMK_OK Success.
 * \retval VMK_INVALID_NAME The name is not valid.
 */
VMK_ReturnStatus
vmk_ServiceGetID(
   const char *name,
   vmk_ServiceAcctID *serviceID);

/**
 * \brief Start charging CPU time of a world to a service.
 *
 * \note This function will not block.
 *
 * \param[in] serviceID Service id.
 * \param[in] worldID World ID.
 */
vmk_ServiceTimeContext
vmk_ServiceTimeChargeBeginWorld(
   vmk_ServiceAcctID serviceID,
   vmk_WorldID worldID);

/**
 * \brief Stop charging CPU time started by vmk_ServiceTimeChargeBeginWorld().
 *
 * \note This function will not block.
 *
 * \param[in] context Context.
 */
void
vmk_ServiceTimeChargeEndWorld(
   vmk_ServiceTimeContext context);

/**
 * \brief Change the world being charged.
 *
 * \note This function will not block.
 *
 * \param[in] context Context.
 * \param[in] worldID World ID.
 */
void
vmk_ServiceTimeChargeSetWorld(
   vmk_ServiceTimeContext context,
   vmk_WorldID worldID);

/** \} */

#endif /* _VMKAPI_ACCOUNTING_H_ */
