/*
 * base/vmkapi_system.h -- system information
 *
 * Which product and version the driver runs on, what state the host is
 * in, and functions to run when it reboots.
 */

#ifndef _VMKAPI_SYSTEM_H_
#define _VMKAPI_SYSTEM_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_system.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_System System
 *
 * \brief Identity and state of the host, and reboot handlers.
 *
 * \note vmkemu identifies itself as vmkemu, version 6.0.0. It is NORMAL
 *       except while reboot handlers run (EmuCtl_SystemReboot, and
 *       EmuCtl_Shutdown before it lists leaks), when it is UNLOADING; it
 *       never reports PANIC, since vmk_Panic ends the run.
 * \{
 */

/** \brief Upper bound on the length of each vmk_SystemVersionInfo string. */
#define VMK_SYSTEM_VERSION_INFO_MAX_LEN 32

/**
 * \brief Function run, with its registration data, when the host shuts
 *        down or reboots; puts the hardware in a safe state. Must not
 *        block for long.
 */
typedef void (*vmk_RebootHandler)(void *);

/**
 * \brief States the host as a whole can be in.
 */
typedef enum {
   /** \brief Running normally. */
   VMK_SYSTEM_STATE_NORMAL = 0,
   /** \brief The kernel has panicked; only dump-time code still runs. */
   VMK_SYSTEM_STATE_PANIC = 1,
   /** \brief The host is shutting down or rebooting. */
   VMK_SYSTEM_STATE_UNLOADING = 2,
} vmk_SystemState;

/**
 * \brief Product name and versions of the running system.
 */
typedef struct {
   /** \brief Name of the product. */
   const char *productName;
   /** \brief Release of the product, as in "6.0.0". */
   const char *productVersion;
   /** \brief Build identifier. */
   const char *buildVersion;
} vmk_SystemVersionInfo;

/**
 * \brief Register a function to run when the host shuts down or reboots.
 *
 * \note This function will not block.
 *
 * \param[in] handler  Function to run.
 * \param[in] data     Argument for handler.
 *
 * \retval VMK_OK         The handler is registered.
 * \retval VMK_BAD_PARAM  handler is NULL.
 * \retval VMK_EXISTS     handler is already registered.
 * \retval VMK_NO_MEMORY  No memory for the registration.
 */
VMK_ReturnStatus
vmk_RegisterRebootHandler(
   vmk_RebootHandler handler,
   void *data);

/**
 * \brief Tell whether the host is in a given state.
 *
 * \note This function will not block.
 *
 * \param[in] state  State to test for.
 *
 * \return VMK_TRUE if the host is in that state, VMK_FALSE otherwise.
 */
vmk_Bool
vmk_SystemCheckState(
   vmk_SystemState state);

/**
 * \brief Get a string that identifies the running system.
 *
 * \note This function will not block.
 *
 * \param[out] id  Receives a pointer to a constant string.
 *
 * \retval VMK_OK         *id is set.
 * \retval VMK_BAD_PARAM  id is NULL.
 */
VMK_ReturnStatus
vmk_SystemGetIDString(
   const char **id);

/**
 * \brief Get the product name, version and build of the running system.
 *
 * \note This function will not block.
 *
 * \param[out] info  Receives pointers to constant strings.
 *
 * \retval VMK_OK         *info is filled in.
 * \retval VMK_BAD_PARAM  info is NULL.
 */
VMK_ReturnStatus
vmk_SystemGetVersionInfo(
   vmk_SystemVersionInfo *info);

/**
 * \brief Remove a reboot handler.
 *
 * \note This function will not block.
 *
 * \param[in] handler  Function given to vmk_RegisterRebootHandler().
 *
 * \retval VMK_OK         The handler is removed.
 * \retval VMK_BAD_PARAM  handler is NULL.
 * \retval VMK_NOT_FOUND  handler is not registered.
 */
VMK_ReturnStatus
vmk_UnregisterRebootHandler(
   vmk_RebootHandler handler);

/** \} */

#endif /* _VMKAPI_SYSTEM_H_ */
