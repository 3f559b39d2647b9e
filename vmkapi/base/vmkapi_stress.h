/*
 * base/vmkapi_stress.h -- stress options
 *
 * Named stress (fault injection) options a driver can poll. vmkemu lets
 * tests set them.
 */

#ifndef _VMKAPI_STRESS_H_
#define _VMKAPI_STRESS_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_stress.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Stress Stress Options
 *
 * \brief Named switches that make drivers exercise their error paths.
 *
 * Each stress option is an unsigned value, 0 (off) unless an engineer
 * turned it on. A driver opens the options it supports by name and, on
 * its hot paths, asks whether to inject a failure: vmk_StressOptionCounter()
 * fires about once in every value calls. Release builds of drivers
 * usually compile these checks out.
 *
 * \note In vmkemu every option is 0 after EmuCtl_Init; tests set values
 *       with EmuCtl_StressOptionSet. Random draws come from a generator
 *       seeded by the fail_seed option, so a run can be repeated.
 * \{
 */

/**
 * \brief Name of the stress option "NetBlockDevIsSluggish" (pass to
 *        vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_NET_BLOCK_DEV_IS_SLUGGISH "NetBlockDevIsSluggish"

/**
 * \brief Name of the stress option "NetGenTinyArpRarp" (pass to
 *        vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_NET_GEN_TINY_ARP_RARP "NetGenTinyArpRarp"

/**
 * \brief Name of the stress option "NetIfCorruptEthHdr" (pass to
 *        vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_NET_IF_CORRUPT_ETHERNET_HDR "NetIfCorruptEthHdr"

/**
 * \brief Name of the stress option "NetIfCorruptRxData" (pass to
 *        vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_NET_IF_CORRUPT_RX_DATA "NetIfCorruptRxData"

/**
 * \brief Name of the stress option "NetIfCorruptRxTcpUdp" (pass to
 *        vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_NET_IF_CORRUPT_RX_TCP_UDP "NetIfCorruptRxTcpUdp"

/**
 * \brief Name of the stress option "NetIfCorruptTx" (pass to
 *        vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_NET_IF_CORRUPT_TX "NetIfCorruptTx"

/**
 * \brief Name of the stress option "NetIfFailHardTx" (pass to
 *        vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_NET_IF_FAIL_HARD_TX "NetIfFailHardTx"

/**
 * \brief Name of the stress option "NetIfFailRx" (pass to
 *        vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_NET_IF_FAIL_RX "NetIfFailRx"

/**
 * \brief Name of the stress option "NetIfFailTxAndStopQueue" (pass to
 *        vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_NET_IF_FAIL_TX_AND_STOP_QUEUE "NetIfFailTxAndStopQueue"

/**
 * \brief Name of the stress option "NetIfForceHighDMAOverflow" (pass to
 *        vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_NET_IF_FORCE_HIGH_DMA_OVERFLOW "NetIfForceHighDMAOverflow"

/**
 * \brief Name of the stress option "NetIfForceRxSWCsum" (pass to
 *        vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_NET_IF_FORCE_RX_SW_CSUM "NetIfForceRxSWCsum"

/**
 * \brief Name of the stress option "NetNapiForceBackupWorldlet" (pass to
 *        vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_NET_NAPI_FORCE_BACKUP_WORLDLET "NetNapiForceBackupWorldlet"

/**
 * \brief Name of the stress option "ScsiAdapterIssueFail" (pass to
 *        vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_SCSI_ADAPTER_ISSUE_FAIL "ScsiAdapterIssueFail"

/**
 * \brief Name of the stress option "USBBulkDelayProcessURB" (pass to
 *        vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_USB_BULK_DELAY_PROCESS_URB "USBBulkDelayProcessURB"

/**
 * \brief Name of the stress option "USBBulkURBFakeTransientError" (pass to
 *        vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_USB_BULK_URB_FAKE_TRANSIENT_ERROR "USBBulkURBFakeTransientError"

/**
 * \brief Name of the stress option "USBDelayProcessTD" (pass to
 *        vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_USB_DELAY_PROCESS_TD "USBDelayProcessTD"

/**
 * \brief Name of the stress option "USBFailGPHeapAlloc" (pass to
 *        vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_USB_FAIL_GP_HEAP_ALLOC "USBFailGPHeapAlloc"

/**
 * \brief Name of the stress option "USBStorageDelaySCSIDataPhase" (pass to
 *        vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_USB_STORAGE_DELAY_SCSI_DATA_PHASE "USBStorageDelaySCSIDataPhase"

/**
 * \brief Name of the stress option "USBStorageDelaySCSITransfer" (pass to
 *        vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_USB_STORAGE_DELAY_SCSI_TRANSFER "USBStorageDelaySCSITransfer"

/**
 * \brief Name of the stress option "VmkLinuxAbortCmdFailure" (pass to
 *        vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_VMKLINUX_ABORT_CMD_FAILURE "VmkLinuxAbortCmdFailure"

/**
 * \brief Name of the stress option "VmkLinuxDropCmdScsiDone" (pass to
 *        vmk_StressOptionOpen()).
 */
#define VMK_STRESS_OPT_VMKLINUX_DROP_CMD_SCSI_DONE "VmkLinuxDropCmdScsiDone"

/** \brief Handle to an open stress option. */
typedef vmk_uint64 vmk_StressOptionHandle;

/**
 * \brief Close a stress option handle.
 *
 * \note This function will not block.
 *
 * \param[in] handle  Handle from vmk_StressOptionOpen().
 *
 * \retval VMK_OK         The handle is closed.
 * \retval VMK_BAD_PARAM  handle is not an open handle.
 */
VMK_ReturnStatus
vmk_StressOptionClose(
   vmk_StressOptionHandle handle);

/**
 * \brief Decide whether to inject a failure on this call: fires with
 *        probability 1/value, never when the option is 0.
 *
 * \note This function will not block.
 *
 * \param[in]  handle  Open stress option.
 * \param[out] result  Receives VMK_TRUE if the failure should be injected
 *                     now.
 *
 * \retval VMK_OK         *result is set.
 * \retval VMK_BAD_PARAM  result is NULL or handle is not open.
 */
VMK_ReturnStatus
vmk_StressOptionCounter(
   vmk_StressOptionHandle handle,
   vmk_Bool *result);

/**
 * \brief Open a stress option by name.
 *
 * \note This function will not block.
 *
 * \param[in]  name    One of the VMK_STRESS_OPT_* names.
 * \param[out] handle  Receives the handle.
 *
 * \retval VMK_OK         *handle is set.
 * \retval VMK_BAD_PARAM  An argument is NULL or no option has that name.
 */
VMK_ReturnStatus
vmk_StressOptionOpen(
   const char *name,
   vmk_StressOptionHandle *handle);

/**
 * \brief Draw a random number below the option's value, for stress code
 *        that varies its behaviour (delays, sizes).
 *
 * \note This function will not block.
 *
 * \param[in]  handle  Open stress option.
 * \param[out] result  Receives a value from 0 to value - 1 (0 when the
 *                     option is 0).
 *
 * \retval VMK_OK         *result is set.
 * \retval VMK_BAD_PARAM  result is NULL or handle is not open.
 */
VMK_ReturnStatus
vmk_StressOptionRandValue(
   vmk_StressOptionHandle handle,
   vmk_uint32 *result);

/**
 * \brief Read the current value of a stress option.
 *
 * \note This function will not block.
 *
 * \param[in]  handle  Open stress option.
 * \param[out] result  Receives the value; 0 means the option is off.
 *
 * \retval VMK_OK         *result is set.
 * \retval VMK_BAD_PARAM  result is NULL or handle is not open.
 */
VMK_ReturnStatus
vmk_StressOptionValue(
   vmk_StressOptionHandle handle,
   vmk_uint32 *result);

/** \} */

#endif /* _VMKAPI_STRESS_H_ */
