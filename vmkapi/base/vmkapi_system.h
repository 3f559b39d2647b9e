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
 * \note This function will not block.
 *
 * \param[in] handler Handler.
 * \param[in] data Caller data.
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
 * \note This function will not block.
 *
 * \param[in] state State.
 */
vmk_Bool
vmk_SystemCheckState(
   vmk_SystemState state);

/**
 * \brief Identification string of the running system.
 *
 * \note This function will not block.
 *
 * \param[out] id Id.
 *
 * \retval VMK_OK Success.
 * \retval VMK_FAILURE Generic failure.
 */
VMK_ReturnStatus
vmk_SystemGetIDString(
   const char **id);

/**
 * \brief Get the version info of a system.
 *
 * \note This function will not block.
 *
 * \param[out] info Info.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SystemGetVersionInfo(
   vmk_SystemVersionInfo *info);

/**
 * \brief Remove a reboot handler.
 *
 * \note This function will not block.
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
