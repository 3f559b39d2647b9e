/*
 * hardware/vmkapi_pci.h -- PCI devices
 *
 * Identity, configuration space, BARs, interrupt vectors, power-management
 * events and SR-IOV virtual functions of PCI functions. Device devkit
 * only.
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

/** \brief Size of the buffer for a PCI device's name, terminator included. */
#define VMK_PCI_DEVICE_NAME_LENGTH 32

/** \brief Number of base address registers of an ordinary (type 0) function. */
#define VMK_PCI_NUM_BARS 6

/** \brief Number of base address registers of a PCI-to-PCI bridge (type 1). */
#define VMK_PCI_NUM_BARS_BRIDGE 2

/** \brief Number of bus numbers in one PCI segment. */
#define VMK_PCI_NUM_BUSES 256

/** \brief Number of functions one PCI device (slot) can have. */
#define VMK_PCI_NUM_FUNCS 8

/** \brief Number of PCI segments (domains) vmkapi addresses. */
#define VMK_PCI_NUM_SEGS 256

/** \brief Number of devices (slots) on one PCI bus. */
#define VMK_PCI_NUM_SLOTS 32

/**
 * \brief Name of the PCI bus type, for vmk_BusTypeFind().
 */
#define VMK_PCI_BUS_NAME "pci"

/**
 * \brief Bits of vmk_PCIResource::flags, mirroring the low bits of a BAR.
 */
typedef enum vmk_PCIBARFlags {
   /** \brief The BAR decodes I/O ports rather than memory. */
   VMK_PCI_BAR_FLAGS_IO = 1,
   /** \brief Memory BAR with a 64-bit address (it uses two BAR slots). */
   VMK_PCI_BAR_FLAGS_MEM_64_BITS = 4,
   /** \brief Memory BAR whose reads have no side effects (prefetchable). */
   VMK_PCI_BAR_FLAGS_MEM_PREFETCHABLE = 8,
   /** \brief Mask of the flag bits of an I/O BAR. */
   VMK_PCI_BAR_FLAGS_IO_MASK = 3,
   /** \brief Mask of the flag bits of a memory BAR. */
   VMK_PCI_BAR_FLAGS_MEM_MASK = 15,
} vmk_PCIBARFlags;

/**
 * \brief Width of a configuration-space access.
 */
typedef enum vmk_PCIConfigAccess {
   /** \brief One byte. */
   VMK_PCI_CONFIG_ACCESS_8 = 1,
   /** \brief Two bytes; the offset must be even. */
   VMK_PCI_CONFIG_ACCESS_16 = 2,
   /** \brief Four bytes; the offset must be a multiple of four. */
   VMK_PCI_CONFIG_ACCESS_32 = 4,
} vmk_PCIConfigAccess;

/**
 * \brief Location of a PCI function: segment, bus, device and function
 *        (SBDF).
 */
typedef struct vmk_PCIDeviceAddr {
   /** \brief PCI segment (domain). */
   vmk_uint16 seg;
   /** \brief Bus number within the segment. */
   vmk_uint8 bus;
   /** \brief Device (slot) number on the bus, 0 to 31. */
   vmk_uint8 dev : 5;
   /** \brief Function number within the device, 0 to 7. */
   vmk_uint8 fn : 3;
} vmk_PCIDeviceAddr;

/**
 * \brief What a PCI function is, as read from its configuration header.
 */
typedef struct vmk_PCIDeviceID {
   /** \brief Vendor ID (offset 0x00). */
   vmk_uint16 vendorID;
   /** \brief Device ID (offset 0x02). */
   vmk_uint16 deviceID;
   /** \brief Subsystem vendor ID (offset 0x2c). */
   vmk_uint16 subVendorID;
   /** \brief Subsystem ID (offset 0x2e). */
   vmk_uint16 subDeviceID;
   /** \brief Base class and sub-class (offsets 0x0b and 0x0a). */
   vmk_uint16 classCode;
   /** \brief Programming interface (high byte) and revision ID (low byte). */
   vmk_uint16 progIFRevID;
} vmk_PCIDeviceID;

/**
 * \brief Callback of a PF driver asking it to remove one of its virtual
 *        functions: it must call vmk_PCIUnregisterVF() on it.
 */
typedef VMK_ReturnStatus (*vmk_PCIRemoveVF)(vmk_PCIDevice);

/**
 * \brief One BAR of a PCI function, as vmk_PCIQueryIOResources() reports
 *        it.
 */
typedef struct vmk_PCIResource {
   /** \brief First bus address (or I/O port) the BAR decodes; 0 if unused. */
   vmk_MA start;
   /** \brief Size of the decoded range in bytes; 0 if the BAR is unused. */
   vmk_ByteCount size;
   /** \brief VMK_PCI_BAR_FLAGS_* bits describing the BAR. */
   vmk_uint64 flags;
} vmk_PCIResource;

/**
 * \brief Callbacks a PF driver gives for each virtual function it
 *        registers.
 */
typedef struct {
   /** \brief Remove the virtual function; required. */
   vmk_PCIRemoveVF removeVF;
} vmk_PCIVFDeviceOps;

/**
 * \brief Allocate interrupt vectors of one type for a PCI function.
 *
 * The cookies are then given to vmk_IntrRegister() and vmk_IntrEnable().
 *
 * \note This function may block.
 * \note vmkemu grants the smaller of numIntrsDesired and what the
 *       function's capability offers, rounded down to a power of two for
 *       MSI.
 *
 * \param[in]  moduleID          Module that will own the interrupts.
 * \param[in]  device            PCI function.
 * \param[in]  type              Legacy INTx, MSI or MSI-X.
 * \param[in]  numIntrsDesired   Number of vectors wanted.
 * \param[in]  numIntrsRequired  Fewest vectors the driver can work with.
 * \param[in]  indexArray        For MSI-X, the table entries to use (one
 *                               per desired vector, no repeats); NULL for
 *                               entries 0, 1, 2, ...
 * \param[out] intrArray         Receives the cookies; room for
 *                               numIntrsDesired entries.
 * \param[out] numIntrsAlloced   Receives the number of cookies allocated.
 *
 * \retval VMK_OK             At least numIntrsRequired vectors were
 *                            allocated.
 * \retval VMK_BAD_PARAM      An argument is NULL or out of range, the
 *                            module or device is not valid, or vectors are
 *                            already allocated for the device.
 * \retval VMK_NO_RESOURCES   Fewer than numIntrsRequired vectors are
 *                            available.
 * \retval VMK_NOT_SUPPORTED  The function has no interrupt of that type
 *                            (no pin, no MSI or no MSI-X capability).
 * \retval VMK_IO_ERROR       The function is gone (surprise removal).
 * \retval VMK_NO_MEMORY      No memory for the interrupt state.
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
 * \brief Create an iterator over the PCI functions of the system.
 *
 * \note This function may block.
 *
 * \param[in]  heap      Heap to allocate the iterator from.
 * \param[in]  type      Order of the walk; only
 *                       VMK_PCI_DEV_ITERATOR_TYPE_NO_ORDER exists.
 * \param[out] iterator  Receives the iterator; free it with
 *                       vmk_PCIDevIteratorFree().
 *
 * \retval VMK_OK         *iterator is set.
 * \retval VMK_BAD_PARAM  heap or iterator is NULL, or type is unknown.
 * \retval VMK_FAILURE    The heap could not supply the iterator.
 */
VMK_ReturnStatus
vmk_PCIDevIteratorAlloc(
   vmk_HeapID heap,
   vmk_PCIDevIteratorType type,
   vmk_PCIDevIterator *iterator);

/**
 * \brief Free a PCI function iterator.
 *
 * \note This function may block.
 *
 * \param[in] iterator  Iterator from vmk_PCIDevIteratorAlloc().
 *
 * \retval VMK_OK         The iterator is freed.
 * \retval VMK_BAD_PARAM  iterator is not a live iterator.
 */
VMK_ReturnStatus
vmk_PCIDevIteratorFree(
   vmk_PCIDevIterator iterator);

/**
 * \brief Restart an iterator and get the first PCI function.
 *
 * \note This function may block.
 *
 * \param[in]  iterator  Iterator to rewind.
 * \param[out] dev       Receives the first function.
 *
 * \retval VMK_OK         *dev is set.
 * \retval VMK_NOT_FOUND  The system has no PCI function.
 * \retval VMK_BAD_PARAM  iterator or dev is not valid.
 */
VMK_ReturnStatus
vmk_PCIDevIteratorGetFirst(
   vmk_PCIDevIterator iterator,
   vmk_PCIDevice *dev);

/**
 * \brief Advance an iterator to the next PCI function.
 *
 * \note This function may block.
 * \note vmkemu walks functions, virtual ones included, in the order they
 *       appeared.
 *
 * \param[in]  iterator  Iterator to advance.
 * \param[out] dev       Receives the next function.
 *
 * \retval VMK_OK         *dev is set.
 * \retval VMK_NOT_FOUND  The walk is past the last function.
 * \retval VMK_BAD_PARAM  iterator or dev is not valid.
 */
VMK_ReturnStatus
vmk_PCIDevIteratorGetNext(
   vmk_PCIDevIterator iterator,
   vmk_PCIDevice *dev);

/**
 * \brief Stop a PCI function from signalling power-management events
 *        (clear PME_En).
 *
 * \note This function will not block.
 *
 * \param[in] moduleID  Module of the calling driver.
 * \param[in] device    PCI function.
 *
 * \retval VMK_OK             PME is disabled.
 * \retval VMK_BAD_PARAM      The module or device is not valid.
 * \retval VMK_NOT_SUPPORTED  The function cannot signal PME.
 */
VMK_ReturnStatus
vmk_PCIDisablePME(
   vmk_ModuleID moduleID,
   vmk_PCIDevice device);

/**
 * \brief Turn off the SR-IOV virtual functions of a physical function.
 *
 * All VFs must have been unregistered first.
 *
 * \note This function may block.
 *
 * \param[in] pf  Physical function whose VFs are turned off.
 *
 * \retval VMK_OK         The VFs are gone.
 * \retval VMK_BAD_PARAM  pf is not a valid PCI function.
 * \retval VMK_FAILURE    A VF is still registered.
 */
VMK_ReturnStatus
vmk_PCIDisableVFs(
   vmk_PCIDevice pf);

/**
 * \brief Let a PCI function signal power-management events such as
 *        wake-up (set PME_En).
 *
 * \note This function will not block.
 *
 * \param[in] moduleID  Module of the calling driver.
 * \param[in] device    PCI function.
 *
 * \retval VMK_OK             PME is enabled.
 * \retval VMK_BAD_PARAM      The module or device is not valid.
 * \retval VMK_NOT_SUPPORTED  The function cannot signal PME.
 */
VMK_ReturnStatus
vmk_PCIEnablePME(
   vmk_ModuleID moduleID,
   vmk_PCIDevice device);

/**
 * \brief Turn on SR-IOV virtual functions of a physical function.
 *
 * The VFs appear as PCI functions; the PF driver then registers them with
 * vmk_PCIRegisterVF() from its scanDevice callback.
 *
 * \note This function may block.
 *
 * \param[in]     pf      Physical function with an SR-IOV capability.
 * \param[in,out] numVFs  Number of VFs wanted (1 up to the capability's
 *                        TotalVFs); receives the number enabled.
 *
 * \retval VMK_OK         The VFs exist.
 * \retval VMK_BAD_PARAM  pf is not valid, has no SR-IOV capability, VFs
 *                        are already enabled, or *numVFs is out of range.
 * \retval VMK_FAILURE    The VFs could not be created.
 */
VMK_ReturnStatus
vmk_PCIEnableVFs(
   vmk_PCIDevice pf,
   vmk_uint16 *numVFs);

/**
 * \brief Find a capability in the capability list of a PCI function.
 *
 * \note This function will not block.
 *
 * \param[in]  device     PCI function.
 * \param[in]  capID      Capability ID to look for (for example 0x05 for
 *                        MSI, 0x11 for MSI-X).
 * \param[out] capOffset  Receives the configuration-space offset of the
 *                        first capability with that ID.
 *
 * \retval VMK_OK         *capOffset is set.
 * \retval VMK_NOT_FOUND  The function has no such capability.
 * \retval VMK_BAD_PARAM  capOffset is NULL or device is not valid.
 */
VMK_ReturnStatus
vmk_PCIFindCapability(
   vmk_PCIDevice device,
   vmk_uint8 capID,
   vmk_uint16 *capOffset);

/**
 * \brief Free the interrupt vectors allocated with
 *        vmk_PCIAllocIntrCookie().
 *
 * Unregister every handler first.
 *
 * \note This function may block.
 * \note Handlers still registered are a MISUSE report in vmkemu; they are
 *       dropped.
 *
 * \param[in] moduleID  Module that owns the interrupts.
 * \param[in] device    PCI function.
 *
 * \retval VMK_OK         The vectors are freed.
 * \retval VMK_BAD_PARAM  The module or device is not valid, or no vectors
 *                        are allocated.
 */
VMK_ReturnStatus
vmk_PCIFreeIntrCookie(
   vmk_ModuleID moduleID,
   vmk_PCIDevice device);

/**
 * \brief Get the physical function that a virtual function belongs to.
 *
 * \note This function will not block.
 *
 * \param[in]  vf  Virtual function.
 * \param[out] pf  Receives its physical function.
 *
 * \retval VMK_OK         *pf is set.
 * \retval VMK_BAD_PARAM  pf is NULL, or vf is not a valid virtual
 *                        function.
 */
VMK_ReturnStatus
vmk_PCIGetPFPCIDevice(
   vmk_PCIDevice vf,
   vmk_PCIDevice *pf);

/**
 * \brief Get one of the virtual functions of a physical function.
 *
 * \note This function will not block.
 *
 * \param[in]  device     Physical function.
 * \param[in]  uint16     Index of the VF, from 0.
 * \param[out] deviceOut  Receives the virtual function.
 *
 * \retval VMK_OK         *deviceOut is set.
 * \retval VMK_BAD_PARAM  deviceOut is NULL, device is not valid, or the
 *                        index is past the enabled VFs.
 */
VMK_ReturnStatus
vmk_PCIGetVFPCIDevice(
   vmk_PCIDevice device,
   vmk_uint16 uint16,
   vmk_PCIDevice *deviceOut);

/**
 * \brief Get the private data the PF driver stored with a virtual
 *        function.
 *
 * \note This function will not block.
 *
 * \param[in]  device  Virtual function.
 * \param[out] data    Receives the data given to
 *                     vmk_PCISetVFPrivateData().
 *
 * \retval VMK_OK         *data is set.
 * \retval VMK_BAD_PARAM  data is NULL or device is not a valid virtual
 *                        function.
 */
VMK_ReturnStatus
vmk_PCIGetVFPrivateData(
   vmk_PCIDevice device,
   vmk_AddrCookie *data);

/**
 * \brief Reserve a BAR of a PCI function and map it for the driver.
 *
 * \note This function may block.
 * \note In vmkemu a memory BAR maps to host memory that the simulated
 *       device model sees; an I/O BAR gives its first port, for the
 *       vmk_IOPort functions with the reservation.
 *
 * \param[in]  moduleID       Module of the calling driver.
 * \param[in]  device         PCI function.
 * \param[in]  pciBar         BAR index, 0 to VMK_PCI_NUM_BARS - 1.
 * \param[out] reservation    Receives the reservation of the BAR's range.
 * \param[out] mappedAddress  Receives the virtual address of the mapping
 *                            (memory BAR) or the first port (I/O BAR).
 *
 * \retval VMK_OK            The BAR is reserved and mapped.
 * \retval VMK_BAD_PARAM     An argument is NULL, the module or device is
 *                           not valid, or the BAR is unused.
 * \retval VMK_NO_RESOURCES  The BAR is already mapped, or the mapping
 *                           could not be set up.
 */
VMK_ReturnStatus
vmk_PCIMapIOResource(
   vmk_ModuleID moduleID,
   vmk_PCIDevice device,
   vmk_uint8 pciBar,
   vmk_IOReservation *reservation,
   vmk_VA *mappedAddress);

/**
 * \brief Get the segment, bus, device and function numbers of a PCI
 *        function.
 *
 * \note This function will not block.
 *
 * \param[in]  pciDevice  PCI function.
 * \param[out] sbdf       Receives its address.
 *
 * \retval VMK_OK         *sbdf is set.
 * \retval VMK_BAD_PARAM  sbdf is NULL or pciDevice is not valid.
 */
VMK_ReturnStatus
vmk_PCIQueryDeviceAddr(
   vmk_PCIDevice pciDevice,
   vmk_PCIDeviceAddr *sbdf);

/**
 * \brief Get the vendor, device, subsystem and class IDs of a PCI
 *        function.
 *
 * \note This function will not block.
 *
 * \param[in]  pciDevice  PCI function.
 * \param[out] devID      Receives the IDs.
 *
 * \retval VMK_OK         *devID is set.
 * \retval VMK_BAD_PARAM  devID is NULL or pciDevice is not valid.
 */
VMK_ReturnStatus
vmk_PCIQueryDeviceID(
   vmk_PCIDevice pciDevice,
   vmk_PCIDeviceID *devID);

/**
 * \brief Describe the BARs of a PCI function.
 *
 * \note This function will not block.
 *
 * \param[in]  pciDevice  PCI function.
 * \param[in]  numBars    Number of BARs to describe, 1 to
 *                        VMK_PCI_NUM_BARS.
 * \param[out] resources  Array of numBars entries; unused BARs come back
 *                        with start, size and flags 0.
 *
 * \retval VMK_OK         The array is filled in.
 * \retval VMK_BAD_PARAM  resources is NULL, numBars is out of range, or
 *                        pciDevice is not valid.
 */
VMK_ReturnStatus
vmk_PCIQueryIOResources(
   vmk_PCIDevice pciDevice,
   vmk_uint8 numBars,
   vmk_PCIResource *resources);

/**
 * \brief Read a value from the configuration space of a PCI function.
 *
 * \note This function will not block.
 * \note A surprise-removed function reads as all ones with VMK_OK, as
 *       real hardware would.
 *
 * \param[in]  moduleID    Module of the calling driver.
 * \param[in]  device      PCI function.
 * \param[in]  accessType  Width of the access: 1, 2 or 4 bytes.
 * \param[in]  offset      Byte offset, naturally aligned for the width.
 * \param[out] data        Receives the value, zero-extended.
 *
 * \retval VMK_OK              *data is set.
 * \retval VMK_BAD_PARAM       data is NULL, the module or device is not
 *                             valid, or the width or alignment is wrong.
 * \retval VMK_LIMIT_EXCEEDED  The access lies past the end of the
 *                             configuration space (256 bytes, or 4 KiB for
 *                             PCI Express).
 */
VMK_ReturnStatus
vmk_PCIReadConfig(
   vmk_ModuleID moduleID,
   vmk_PCIDevice device,
   vmk_PCIConfigAccess accessType,
   vmk_uint16 offset,
   vmk_uint32 *data);

/**
 * \brief Add an enabled virtual function to the device tree as a child of
 *        its physical function.
 *
 * Called by the PF driver from its scanDevice callback.
 *
 * \note This function may block.
 *
 * \param[in] vf              Virtual function from vmk_PCIGetVFPCIDevice().
 * \param[in] pf              Its physical function.
 * \param[in] pfDriverHandle  The PF's driver.
 * \param[in] vfDevOps        Callbacks for removing the VF; must stay
 *                            valid.
 *
 * \retval VMK_OK         The VF is registered.
 * \retval VMK_BAD_PARAM  An argument is missing or not valid, or the VF is
 *                        already registered.
 * \retval VMK_FAILURE    vmkemu: not called from the PF's scanDevice
 *                        callback.
 */
VMK_ReturnStatus
vmk_PCIRegisterVF(
   vmk_PCIDevice vf,
   vmk_PCIDevice pf,
   vmk_Driver pfDriverHandle,
   vmk_PCIVFDeviceOps *vfDevOps);

/**
 * \brief Store PF-driver data with a virtual function.
 *
 * \note This function will not block.
 *
 * \param[in] vf           Virtual function.
 * \param[in] privateData  Data to store; returned by
 *                         vmk_PCIGetVFPrivateData().
 *
 * \retval VMK_OK         The data is stored.
 * \retval VMK_BAD_PARAM  vf is not a valid virtual function.
 */
VMK_ReturnStatus
vmk_PCISetVFPrivateData(
   vmk_PCIDevice vf,
   vmk_AddrCookie privateData);

/**
 * \brief Unmap a BAR mapped with vmk_PCIMapIOResource() and release its
 *        reservation.
 *
 * \note This function may block.
 *
 * \param[in] moduleID  Module of the calling driver.
 * \param[in] device    PCI function.
 * \param[in] pciBar    BAR index that was mapped.
 *
 * \retval VMK_OK         The BAR is unmapped.
 * \retval VMK_BAD_PARAM  The module or device is not valid, or the BAR is
 *                        not mapped.
 */
VMK_ReturnStatus
vmk_PCIUnmapIOResource(
   vmk_ModuleID moduleID,
   vmk_PCIDevice device,
   vmk_uint8 pciBar);

/**
 * \brief Remove a registered virtual function from the device tree.
 *
 * Called by the PF driver from the VF's removeVF callback.
 *
 * \note This function may block.
 *
 * \param[in] device  Virtual function to remove.
 *
 * \retval VMK_OK         The VF is unregistered.
 * \retval VMK_BAD_PARAM  device is not a registered virtual function.
 * \retval VMK_FAILURE    vmkemu: not called from the VF's removeVF
 *                        callback.
 */
VMK_ReturnStatus
vmk_PCIUnregisterVF(
   vmk_PCIDevice device);

/**
 * \brief Write a value to the configuration space of a PCI function.
 *
 * \note This function will not block.
 *
 * \param[in] moduleID    Module of the calling driver.
 * \param[in] device      PCI function.
 * \param[in] accessType  Width of the access: 1, 2 or 4 bytes.
 * \param[in] offset      Byte offset, naturally aligned for the width.
 * \param[in] data        Value to write; only the low accessType bytes
 *                        are used.
 *
 * \retval VMK_OK              The value is written.
 * \retval VMK_BAD_PARAM       The module or device is not valid, or the
 *                             width or alignment is wrong.
 * \retval VMK_LIMIT_EXCEEDED  The access lies past the end of the
 *                             configuration space.
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
