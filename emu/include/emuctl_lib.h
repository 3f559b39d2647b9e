/*
 * emuctl_lib.h -- emulator control for the library area: configuration
 * parameters (vmk_ConfigParam*) and system events (vmk_System*,
 * reboot handlers).  Included by emuctl.h.
 */
#ifndef EMUCTL_LIB_H
#define EMUCTL_LIB_H

#ifndef EMUCTL_H
#error "include emuctl.h, not emuctl_lib.h"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \defgroup EmuCtlLib Library area control
 * \brief Configuration parameters and system events a test can set.
 * \{
 */

/**
 * \brief Set a configuration parameter to an unsigned integer.
 *
 * vmk_ConfigParamOpen(group, name) finds it from now on, and handles
 * already open read the new value.  A parameter of the same name that
 * held a string becomes an integer.
 *
 * \note Will not block.
 * \param[in] group  Group, e.g. VMK_CONFIG_GROUP_DISK.
 * \param[in] name   Parameter name.
 * \param[in] value  Its value.
 * \retval VMK_OK         Set.
 * \retval VMK_BAD_PARAM  group or name is NULL or empty.
 * \retval VMK_NO_MEMORY  No memory for the entry.
 */
VMK_ReturnStatus EmuCtl_ConfigSetUint(const char *group, const char *name,
                                      vmk_uint32 value);

/**
 * \brief Set a configuration parameter to a string (copied).
 * \note Will not block.
 * \param[in] group  Group, e.g. VMK_CONFIG_GROUP_MISC.
 * \param[in] name   Parameter name.
 * \param[in] value  Its value.
 * \retval VMK_OK         Set.
 * \retval VMK_BAD_PARAM  group, name or value is NULL, or group/name empty.
 * \retval VMK_NO_MEMORY  No memory for the entry.
 */
VMK_ReturnStatus EmuCtl_ConfigSetString(const char *group, const char *name,
                                        const char *value);

/**
 * \brief Make a configuration parameter (set or built in) disappear.
 * \note Will not block.
 * \retval VMK_OK         Removed.
 * \retval VMK_NOT_FOUND  There was no such parameter.
 * \retval VMK_BAD_PARAM  group or name is NULL.
 */
VMK_ReturnStatus EmuCtl_ConfigRemove(const char *group, const char *name);

/**
 * \brief Forget every EmuCtl_ConfigSet / EmuCtl_ConfigRemove: the built-in
 *        parameters (Misc.HostName "vmkemu", Net.ManagementAddr
 *        "127.0.0.1", Disk.MaxLUN 1024, Disk.SchedNumReqOutstanding 32)
 *        are back.  Open handles stay valid.
 * \note Will not block.
 */
void EmuCtl_ConfigReset(void);

/**
 * \brief Simulate a host reboot: run every registered reboot handler.
 *
 * While the handlers run, vmk_SystemCheckState(VMK_SYSTEM_STATE_UNLOADING)
 * is VMK_TRUE and VMK_SYSTEM_STATE_NORMAL VMK_FALSE.  Handlers run newest
 * first, each once, and are unregistered by it.
 *
 * \note May block (handlers may).
 * \return The number of handlers run.
 */
vmk_uint32 EmuCtl_SystemReboot(void);

/** \} */

#ifdef __cplusplus
}
#endif

#endif /* EMUCTL_LIB_H */
