/*
 * core/vmkapi_accounting.h -- service time accounting
 *
 * Charging CPU time spent on behalf of a world to one of the kernel's
 * service accounts (kernel, networking, storage).
 */

#ifndef _VMKAPI_ACCOUNTING_H_
#define _VMKAPI_ACCOUNTING_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_accounting.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Accounting Service Accounting
 *
 * \brief Telling the scheduler whose work the current CPU time is.
 *
 * A driver doing work for a world (a VM's I/O, for example) opens a
 * charging context for a service account and that world; the time until
 * the context ends is billed accordingly.
 *
 * \note vmkemu measures the charged time on its clock (exact on the manual
 *       clock); tests read it with EmuCtl_ServiceTimeCharged(). Contexts
 *       still open at shutdown are listed as leaks.
 * \{
 */

/** \brief Private structure behind a vmk_ServiceTimeContext. */
struct Sched_SysAcctContext;

/** \brief Name of the service account for general kernel work. */
#define VMK_SERVICE_ACCT_NAME_KERNEL "kernel"

/** \brief Name of the service account for networking work. */
#define VMK_SERVICE_ACCT_NAME_NET "net"

/** \brief Name of the service account for storage work. */
#define VMK_SERVICE_ACCT_NAME_SCSI "scsi"

/** \brief A vmk_ServiceTimeContext value that charges nothing. */
#define VMK_SERVICE_TIME_CONTEXT_NONE ((vmk_ServiceTimeContext)0)

/** \brief Identifies a service account; get one with vmk_ServiceGetID(). */
typedef vmk_uint64 vmk_ServiceAcctID;

/** \brief An open charging context. */
typedef struct Sched_SysAcctContext *vmk_ServiceTimeContext;

/**
 * \brief Look up a service account by name.
 *
 * \note This function will not block.
 *
 * \param[in]  name       One of the VMK_SERVICE_ACCT_NAME_* names.
 * \param[out] serviceID  Receives the account's ID.
 *
 * \retval VMK_OK            *serviceID is set.
 * \retval VMK_INVALID_NAME  name is NULL or names no account.
 */
VMK_ReturnStatus
vmk_ServiceGetID(
   const char *name,
   vmk_ServiceAcctID *serviceID);

/**
 * \brief Start charging the current CPU time to a service account on
 *        behalf of a world.
 *
 * \note This function will not block.
 *
 * \param[in] serviceID  Account to charge.
 * \param[in] worldID    World the work is done for.
 *
 * \return The new context, or VMK_SERVICE_TIME_CONTEXT_NONE if the
 *         account or world does not exist (ending that context is
 *         harmless).
 */
vmk_ServiceTimeContext
vmk_ServiceTimeChargeBeginWorld(
   vmk_ServiceAcctID serviceID,
   vmk_WorldID worldID);

/**
 * \brief Stop charging and close a context.
 *
 * \note This function will not block.
 * \note An ended or foreign context is a DEAD_HANDLE report in vmkemu.
 *
 * \param[in] context  Context from vmk_ServiceTimeChargeBeginWorld(), or
 *                     VMK_SERVICE_TIME_CONTEXT_NONE.
 */
void
vmk_ServiceTimeChargeEndWorld(
   vmk_ServiceTimeContext context);

/**
 * \brief Charge the time from now on to another world, keeping the
 *        context open; the time so far goes to the previous world.
 *
 * \note This function will not block.
 *
 * \param[in] context  Open context, or VMK_SERVICE_TIME_CONTEXT_NONE.
 * \param[in] worldID  World to charge from now on.
 */
void
vmk_ServiceTimeChargeSetWorld(
   vmk_ServiceTimeContext context,
   vmk_WorldID worldID);

/** \} */

#endif /* _VMKAPI_ACCOUNTING_H_ */
