/*
 * base/vmkapi_system.h -- system information
 *
 * System state and version queries and reboot handlers.
 */

#ifndef _VMKAPI_SYSTEM_H_
#define _VMKAPI_SYSTEM_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_system.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_System System
 * \{
 */

/** \brief System version info max len. */
#define VMK_SYSTEM_VERSION_INFO_MAX_LEN 32

/** \brief Callback type: reboot handler. */
typedef void (*vmk_RebootHandler)(void *);

/**
 * \brief Values of system state.
 */
typedef enum {
   /** \brief Normal. */
   VMK_SYSTEM_STATE_NORMAL = 0,
   /** \brief Panic. */
   VMK_SYSTEM_STATE_PANIC = 1,
   /** \brief Unloading. */
   VMK_SYSTEM_STATE_UNLOADING = 2,
} vmk_SystemState;

/**
 * \brief Description of a system version info.
 */
typedef struct {
   /** \brief Product name. */
   const char *productName;
   /** \brief Product version. */
   const char *productVersion;
   /** \brief Build version. */
   const char *buildVersion;
} vmk_SystemVersionInfo;

/**
 * \brief Register a function to call when the system reboots.
 *
 * \param[in] handler Handler.
 * \param[in] data Data.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_RegisterRebootHandler(
   vmk_RebootHandler handler,
   void *data);

/**
 * \brief Whether the system is in the given state.
 *
 * \param[in] state State.
 */
vmk_Bool
vmk_SystemCheckState(
   vmk_SystemState state);

/**
 * \brief Identification string of the running system.
 *
 * \param[in,out] arg Arg.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SystemGetIDString(
   const char **arg);

/**
 * \brief Get the version info of a system.
 *
 * \param[in,out] systemVersionInfo System version info.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SystemGetVersionInfo(
   vmk_SystemVersionInfo *systemVersionInfo);

/**
 * \brief Remove a reboot handler.
 *
 * \param[in] handler Handler.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_UnregisterRebootHandler(
   vmk_RebootHandler handler);

/** \} */

#endif /* _VMKAPI_SYSTEM_H_ */
