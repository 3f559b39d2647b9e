/*
 * hardware/vmkapi_pci.h -- PCI devices
 *
 * PCI configuration space, BARs, interrupts and SR-IOV virtual functions.
 * vmkemu serves them from simulated PCI devices that tests describe. Device
 * devkit only.
 */

#ifndef _VMKAPI_PCI_H_
#define _VMKAPI_PCI_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "hardware/vmkapi_pci.h must not be included directly; include vmkapi.h"
#endif

/**
 * \addtogroup VMK_PCI
 * \{
 */

#if defined(VMK_DEVKIT_HAS_API_VMKAPI_DEVICE)

/** \brief Pci device name length. */
#define VMK_PCI_DEVICE_NAME_LENGTH 32

/** \brief Pci num bars. */
#define VMK_PCI_NUM_BARS 6

/** \brief Pci num bars bridge. */
#define VMK_PCI_NUM_BARS_BRIDGE 2

/** \brief Pci num buses. */
#define VMK_PCI_NUM_BUSES 256

/** \brief Pci num funcs. */
#define VMK_PCI_NUM_FUNCS 8

/** \brief Pci num segs. */
#define VMK_PCI_NUM_SEGS 256

/** \brief Pci num slots. */
#define VMK_PCI_NUM_SLOTS 32

/**
 * \brief Name of the PCI bus type.
 */
#define VMK_PCI_BUS_NAME "pci"

/**
 * \brief Values of PCIBAR flags.
 */
typedef enum vmk_PCIBARFlags {
   /** \brief Io. */
   VMK_PCI_BAR_FLAGS_IO = 1,
   /** \brief Mem 64 bits. */
   VMK_PCI_BAR_FLAGS_MEM_64_BITS = 4,
   /** \brief Mem prefetchable. */
   VMK_PCI_BAR_FLAGS_MEM_PREFETCHABLE = 8,
   /** \brief Io mask. */
   VMK_PCI_BAR_FLAGS_IO_MASK = 3,
   /** \brief Mem mask. */
   VMK_PCI_BAR_FLAGS_MEM_MASK = 15,
} vmk_PCIBARFlags;

/**
 * \brief Values of PCI config access.
 */
typedef enum vmk_PCIConfigAccess {
   /** \brief 8. */
   VMK_PCI_CONFIG_ACCESS_8 = 1,
   /** \brief 16. */
   VMK_PCI_CONFIG_ACCESS_16 = 2,
   /** \brief 32. */
   VMK_PCI_CONFIG_ACCESS_32 = 4,
} vmk_PCIConfigAccess;

/**
 * \brief Description of a PCI device addr.
 */
typedef struct vmk_PCIDeviceAddr {
   /** \brief Seg. */
   vmk_uint16 seg;
   /** \brief Bus. */
   vmk_uint8 bus;
   /** \brief Dev. */
   vmk_uint8 dev : 5;
   /** \brief Fn. */
   vmk_uint8 fn : 3;
} vmk_PCIDeviceAddr;

/**
 * \brief Description of a PCI device ID.
 */
typedef struct vmk_PCIDeviceID {
   /** \brief Vendor ID. */
   vmk_uint16 vendorID;
   /** \brief Device ID. */
   vmk_uint16 deviceID;
   /** \brief Sub vendor ID. */
   vmk_uint16 subVendorID;
   /** \brief Sub device ID. */
   vmk_uint16 subDeviceID;
   /** \brief Class code. */
   vmk_uint16 classCode;
   /** \brief Prog IF rev ID. */
   vmk_uint16 progIFRevID;
} vmk_PCIDeviceID;

/** \brief Callback type: PCI remove VF. */
typedef VMK_ReturnStatus (*vmk_PCIRemoveVF)(vmk_PCIDevice);

/**
 * \brief Description of a PCI resource.
 */
typedef struct vmk_PCIResource {
   /** \brief Start. */
   vmk_MA start;
   /** \brief Size. */
   vmk_ByteCount size;
   /** \brief Flags. */
   vmk_uint64 flags;
} vmk_PCIResource;

/**
 * \brief Callbacks of a PCIVF device.
 */
typedef struct {
   /** \brief Remove VF. */
   vmk_PCIRemoveVF removeVF;
} vmk_PCIVFDeviceOps;

/**
 * \brief Allocate interrupt cookies (INTx, MSI or MSI-X) for a PCI device.
 *
 * \note This function may block.
 *
 * \param[in] moduleID Module ID.
 * \param[in] device Device handle.
 * \param[in] type Type.
 * \param[in] numIntrsDesired Num intrs desired.
 * \param[in] numIntrsRequired Num intrs required.
 * \param[in] indexArray Index array.
 * \param[out] intrArray Intr array.
 * \param[out] numIntrsAlloced Num intrs alloced.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_NO_MEMORY Not enough memory.
 * \retval VMK_NOT_SUPPORTED Not supported (or not emulated).
 * \retval VMK_NO_PERMISSION No permission.
 * \retval VMK_IO_ERROR An I/O error occurred.
 * \retval VMK_NO_RESOURCES Not enough resources.
 */
VMK_ReturnStatus
vmk_PCIAllocIntrCookie(
   vmk_ModuleID moduleID,
   vmk_PCIDevice device,
   vmk_PCIInterruptType type,
   vmk_uint32 numIntrsDesired,
   vmk_uint32 numIntrsRequired,
   vmk_uint16 *indexArray,
   vmk_IntrCookie *intrArray,
   vmk_uint32 *numIntrsAlloced);

/**
 * \brief Allocate a PCI dev iterator.
 *
 * \note This function may block.
 *
 * \param[in] heap Heap handle.
 * \param[in] type Type.
 * \param[out] iterator Iterator.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_FAILURE Generic failure.
 */
VMK_ReturnStatus
vmk_PCIDevIteratorAlloc(
   vmk_HeapID heap,
   vmk_PCIDevIteratorType type,
   vmk_PCIDevIterator *iterator);

/**
 * \brief Free a PCI dev iterator.
 *
 * \note This function may block.
 *
 * \param[in] iterator Iterator.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_PCIDevIteratorFree(
   vmk_PCIDevIterator iterator);

/**
 * \brief Get the first of a PCI dev iterator.
 *
 * \note This function may block.
 *
 * \param[in] iterator Iterator.
 * \param[out] dev Dev.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_PCIDevIteratorGetFirst(
   vmk_PCIDevIterator iterator,
   vmk_PCIDevice *dev);

/**
 * \brief Get the next of a PCI dev iterator.
 *
 * \note This function may block.
 *
 * \param[in] iterator Iterator.
 * \param[out] dev Dev.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_PCIDevIteratorGetNext(
   vmk_PCIDevIterator iterator,
   vmk_PCIDevice *dev);

/**
 * \brief PCI: disable PME.
 *
 * \note This function will not block.
 *
 * \param[in] moduleID Module ID.
 * \param[in] device Device handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_NO_PERMISSION No permission.
 * \retval VMK_NOT_SUPPORTED Not supported (or not emulated).
 */
VMK_ReturnStatus
vmk_PCIDisablePME(
   vmk_ModuleID moduleID,
   vmk_PCIDevice device);

/**
 * \brief Disable the SR-IOV virtual functions of a PCI device.
 *
 * \note This function may block.
 *
 * \param[in] pf PCI device handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_FAILURE Generic failure.
 */
VMK_ReturnStatus
vmk_PCIDisableVFs(
   vmk_PCIDevice pf);

/**
 * \brief PCI: enable PME.
 *
 * \note This function will not block.
 *
 * \param[in] moduleID Module ID.
 * \param[in] device Device handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_NO_PERMISSION No permission.
 * \retval VMK_NOT_SUPPORTED Not supported (or not emulated).
 */
VMK_ReturnStatus
vmk_PCIEnablePME(
   vmk_ModuleID moduleID,
   vmk_PCIDevice device);

/**
 * \brief Enable the SR-IOV virtual functions of a PCI device.
 *
 * \note This function may block.
 *
 * \param[in] pf PCI device handle.
 * \param[in,out] numVFs Num v fs.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_FAILURE Generic failure.
 */
VMK_ReturnStatus
vmk_PCIEnableVFs(
   vmk_PCIDevice pf,
   vmk_uint16 *numVFs);

/**
 * \brief PCI: find capability.
 *
 * \note This function will not block.
 *
 * \param[in] device Device handle.
 * \param[in] capID Cap id.
 * \param[out] capOffset Cap offset.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_NOT_FOUND No such object.
 */
VMK_ReturnStatus
vmk_PCIFindCapability(
   vmk_PCIDevice device,
   vmk_uint8 capID,
   vmk_uint16 *capOffset);

/**
 * \brief Free the interrupt cookies of a PCI device.
 *
 * \note This function may block.
 *
 * \param[in] moduleID Module ID.
 * \param[in] device Device handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_NO_PERMISSION No permission.
 */
VMK_ReturnStatus
vmk_PCIFreeIntrCookie(
   vmk_ModuleID moduleID,
   vmk_PCIDevice device);

/**
 * \brief Return the physical function of a virtual function.
 *
 * \note This function will not block.
 *
 * \param[in] vf PCI device handle.
 * \param[out] pf Pf.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_PCIGetPFPCIDevice(
   vmk_PCIDevice vf,
   vmk_PCIDevice *pf);

/**
 * \brief Return a virtual function of a physical function.
 *
 * \note This function will not block.
 *
 * \param[in] device Device handle.
 * \param[in] uint16 Uint 16.
 * \param[in,out] deviceOut Device out.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PCIGetVFPCIDevice(
   vmk_PCIDevice device,
   vmk_uint16 uint16,
   vmk_PCIDevice *deviceOut);

/**
 * \brief Get the VF private data of a PCI.
 *
 * \note This function will not block.
 *
 * \param[in] device Device handle.
 * \param[in,out] data Caller data.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PCIGetVFPrivateData(
   vmk_PCIDevice device,
   vmk_AddrCookie *data);

/**
 * \brief PCI: map IO resource.
 *
 * \note This function may block.
 *
 * \param[in] moduleID Module ID.
 * \param[in] device Device handle.
 * \param[in] pciBar Pci bar.
 * \param[out] reservation Reservation.
 * \param[out] mappedAddress Mapped address.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_NO_RESOURCES Not enough resources.
 * \retval VMK_NO_PERMISSION No permission.
 */
VMK_ReturnStatus
vmk_PCIMapIOResource(
   vmk_ModuleID moduleID,
   vmk_PCIDevice device,
   vmk_uint8 pciBar,
   vmk_IOReservation *reservation,
   vmk_VA *mappedAddress);

/**
 * \brief Query the device addr of a PCI.
 *
 * \note This function will not block.
 *
 * \param[in] pciDevice PCI device handle.
 * \param[out] sbdf Sbdf.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_PCIQueryDeviceAddr(
   vmk_PCIDevice pciDevice,
   vmk_PCIDeviceAddr *sbdf);

/**
 * \brief Query the device ID of a PCI.
 *
 * \note This function will not block.
 *
 * \param[in] pciDevice PCI device handle.
 * \param[out] devID Dev id.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_PCIQueryDeviceID(
   vmk_PCIDevice pciDevice,
   vmk_PCIDeviceID *devID);

/**
 * \brief Query the IO resources of a PCI.
 *
 * \note This function will not block.
 *
 * \param[in] pciDevice PCI device handle.
 * \param[in] numBars Num bars.
 * \param[out] resources Resources.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_PCIQueryIOResources(
   vmk_PCIDevice pciDevice,
   vmk_uint8 numBars,
   vmk_PCIResource *resources);

/**
 * \brief Read PCI configuration space.
 *
 * \note This function will not block.
 *
 * \param[in] moduleID Module ID.
 * \param[in] device Device handle.
 * \param[in] accessType Access type.
 * \param[in] offset Offset.
 * \param[out] data Caller data.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_NO_PERMISSION No permission.
 * \retval VMK_LIMIT_EXCEEDED A size or count limit was exceeded.
 * \retval VMK_FAILURE Generic failure.
 */
VMK_ReturnStatus
vmk_PCIReadConfig(
   vmk_ModuleID moduleID,
   vmk_PCIDevice device,
   vmk_PCIConfigAccess accessType,
   vmk_uint16 offset,
   vmk_uint32 *data);

/**
 * \brief PCI: register VF.
 *
 * \note This function may block.
 *
 * \param[in] vf PCI device handle.
 * \param[in] pf PCI device handle.
 * \param[in] pfDriverHandle Driver handle.
 * \param[in] vfDevOps Vf dev ops.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_FAILURE Generic failure.
 */
VMK_ReturnStatus
vmk_PCIRegisterVF(
   vmk_PCIDevice vf,
   vmk_PCIDevice pf,
   vmk_Driver pfDriverHandle,
   vmk_PCIVFDeviceOps *vfDevOps);

/**
 * \brief Set the VF private data of a PCI.
 *
 * \note This function will not block.
 *
 * \param[in] vf PCI device handle.
 * \param[in] privateData Private data.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_PCISetVFPrivateData(
   vmk_PCIDevice vf,
   vmk_AddrCookie privateData);

/**
 * \brief PCI: unmap IO resource.
 *
 * \note This function may block.
 *
 * \param[in] moduleID Module ID.
 * \param[in] device Device handle.
 * \param[in] pciBar Pci bar.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_NO_PERMISSION No permission.
 */
VMK_ReturnStatus
vmk_PCIUnmapIOResource(
   vmk_ModuleID moduleID,
   vmk_PCIDevice device,
   vmk_uint8 pciBar);

/**
 * \brief PCI: unregister VF.
 *
 * \note This function may block.
 *
 * \param[in] device Device handle.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PCIUnregisterVF(
   vmk_PCIDevice device);

/**
 * \brief Write PCI configuration space.
 *
 * \note This function will not block.
 *
 * \param[in] moduleID Module ID.
 * \param[in] device Device handle.
 * \param[in] accessType Access type.
 * \param[in] offset Offset.
 * \param[in] data Caller data.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_NO_PERMISSION No permission.
 * \retval VMK_LIMIT_EXCEEDED A size or count limit was exceeded.
 * \retval VMK_FAILURE Generic failure.
 */
VMK_ReturnStatus
vmk_PCIWriteConfig(
   vmk_ModuleID moduleID,
   vmk_PCIDevice device,
   vmk_PCIConfigAccess accessType,
   vmk_uint16 offset,
   vmk_uint32 data);

#endif /* defined(VMK_DEVKIT_HAS_API_VMKAPI_DEVICE) */

/** \} */

#endif /* _VMKAPI_PCI_H_ */
