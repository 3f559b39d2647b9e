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
 * \param[in] moduleID Module id.
 * \param[in] device Device.
 * \param[in] type Type.
 * \param[in] numIntrsDesired Num intrs desired.
 * \param[in] numIntrsRequired Num intrs required.
 * \param[in,out] indexAry Index ary.
 * \param[in,out] intrArray Intr array.
 * \param[in,out] numIntrsAlloced Num intrs alloced.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PCIAllocIntrCookie(
   vmk_ModuleID moduleID,
   vmk_PCIDevice device,
   vmk_PCIInterruptType type,
   vmk_uint32 numIntrsDesired,
   vmk_uint32 numIntrsRequired,
   vmk_uint16 *indexAry,
   vmk_IntrCookie *intrArray,
   vmk_uint32 *numIntrsAlloced);

/**
 * \brief Allocate a PCI dev iterator.
 *
 * \param[in] heap Heap.
 * \param[in] type Type.
 * \param[in,out] iteratorOut Iterator out.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PCIDevIteratorAlloc(
   vmk_HeapID heap,
   vmk_PCIDevIteratorType type,
   vmk_PCIDevIterator *iteratorOut);

/**
 * \brief Free a PCI dev iterator.
 *
 * \param[in] iterator Iterator.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PCIDevIteratorFree(
   vmk_PCIDevIterator iterator);

/**
 * \brief Get the first of a PCI dev iterator.
 *
 * \param[in] iterator Iterator.
 * \param[in,out] deviceOut Device out.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PCIDevIteratorGetFirst(
   vmk_PCIDevIterator iterator,
   vmk_PCIDevice *deviceOut);

/**
 * \brief Get the next of a PCI dev iterator.
 *
 * \param[in] iterator Iterator.
 * \param[in,out] deviceOut Device out.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PCIDevIteratorGetNext(
   vmk_PCIDevIterator iterator,
   vmk_PCIDevice *deviceOut);

/**
 * \brief PCI: disable PME.
 *
 * \param[in] moduleID Module id.
 * \param[in] device Device.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PCIDisablePME(
   vmk_ModuleID moduleID,
   vmk_PCIDevice device);

/**
 * \brief Disable the SR-IOV virtual functions of a PCI device.
 *
 * \param[in] device Device.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PCIDisableVFs(
   vmk_PCIDevice device);

/**
 * \brief PCI: enable PME.
 *
 * \param[in] moduleID Module id.
 * \param[in] device Device.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PCIEnablePME(
   vmk_ModuleID moduleID,
   vmk_PCIDevice device);

/**
 * \brief Enable the SR-IOV virtual functions of a PCI device.
 *
 * \param[in] device Device.
 * \param[in,out] uint16 Uint 16.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PCIEnableVFs(
   vmk_PCIDevice device,
   vmk_uint16 *uint16);

/**
 * \brief PCI: find capability.
 *
 * \param[in] device Device.
 * \param[in] uint8 Uint 8.
 * \param[in,out] uint16 Uint 16.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PCIFindCapability(
   vmk_PCIDevice device,
   vmk_uint8 uint8,
   vmk_uint16 *uint16);

/**
 * \brief Free the interrupt cookies of a PCI device.
 *
 * \param[in] moduleID Module id.
 * \param[in] device Device.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PCIFreeIntrCookie(
   vmk_ModuleID moduleID,
   vmk_PCIDevice device);

/**
 * \brief Return the physical function of a virtual function.
 *
 * \param[in] device Device.
 * \param[in,out] deviceOut Device out.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PCIGetPFPCIDevice(
   vmk_PCIDevice device,
   vmk_PCIDevice *deviceOut);

/**
 * \brief Return a virtual function of a physical function.
 *
 * \param[in] device Device.
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
 * \param[in] device Device.
 * \param[in,out] data Data.
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
 * \param[in] moduleID Module id.
 * \param[in] device Device.
 * \param[in] bar Bar.
 * \param[in,out] reservation Reservation.
 * \param[in,out] mappedAddress Mapped address.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PCIMapIOResource(
   vmk_ModuleID moduleID,
   vmk_PCIDevice device,
   vmk_uint8 bar,
   vmk_IOReservation *reservation,
   vmk_VA *mappedAddress);

/**
 * \brief Query the device addr of a PCI.
 *
 * \param[in] device Device.
 * \param[in,out] pciDeviceAddr Pci device addr.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PCIQueryDeviceAddr(
   vmk_PCIDevice device,
   vmk_PCIDeviceAddr *pciDeviceAddr);

/**
 * \brief Query the device ID of a PCI.
 *
 * \param[in] device Device.
 * \param[in,out] pciDeviceID Pci device id.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PCIQueryDeviceID(
   vmk_PCIDevice device,
   vmk_PCIDeviceID *pciDeviceID);

/**
 * \brief Query the IO resources of a PCI.
 *
 * \param[in] device Device.
 * \param[in] uint8 Uint 8.
 * \param[in,out] pciResource Pci resource.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PCIQueryIOResources(
   vmk_PCIDevice device,
   vmk_uint8 uint8,
   vmk_PCIResource *pciResource);

/**
 * \brief Read PCI configuration space.
 *
 * \param[in] moduleID Module id.
 * \param[in] device Device.
 * \param[in] accessType Access type.
 * \param[in] offset Offset.
 * \param[in,out] value Value.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PCIReadConfig(
   vmk_ModuleID moduleID,
   vmk_PCIDevice device,
   vmk_PCIConfigAccess accessType,
   vmk_uint16 offset,
   vmk_uint32 *value);

/**
 * \brief PCI: register VF.
 *
 * \param[in] vf Vf.
 * \param[in] pf Pf.
 * \param[in] pfDriver Pf driver.
 * \param[in,out] vfOps Vf ops.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PCIRegisterVF(
   vmk_PCIDevice vf,
   vmk_PCIDevice pf,
   vmk_Driver pfDriver,
   vmk_PCIVFDeviceOps *vfOps);

/**
 * \brief Set the VF private data of a PCI.
 *
 * \param[in] device Device.
 * \param[in] data Data.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PCISetVFPrivateData(
   vmk_PCIDevice device,
   vmk_AddrCookie data);

/**
 * \brief PCI: unmap IO resource.
 *
 * \param[in] moduleID Module id.
 * \param[in] device Device.
 * \param[in] uint8 Uint 8.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PCIUnmapIOResource(
   vmk_ModuleID moduleID,
   vmk_PCIDevice device,
   vmk_uint8 uint8);

/**
 * \brief PCI: unregister VF.
 *
 * \param[in] device Device.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PCIUnregisterVF(
   vmk_PCIDevice device);

/**
 * \brief Write PCI configuration space.
 *
 * \param[in] moduleID Module id.
 * \param[in] device Device.
 * \param[in] accessType Access type.
 * \param[in] offset Offset.
 * \param[in] value Value.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PCIWriteConfig(
   vmk_ModuleID moduleID,
   vmk_PCIDevice device,
   vmk_PCIConfigAccess accessType,
   vmk_uint16 offset,
   vmk_uint32 value);

#endif /* defined(VMK_DEVKIT_HAS_API_VMKAPI_DEVICE) */

/** \} */

#endif /* _VMKAPI_PCI_H_ */
