/*
 * emuctl_device.h -- emulator control for the device area (included by emuctl.h).
 *
 * A test plugs simulated devices into the emulator's device tree and plays
 * the hardware: it describes a PCI function (IDs, BARs, interrupt
 * capabilities), hot-adds it, reads and writes its registers, raises its
 * interrupts and moves data through DMA, then removes it, politely or by
 * surprise.  Registered drivers are offered the device and see the same
 * callbacks, in the same order, as on ESXi.  doc/guide-devices.md walks
 * through writing a simulated device.
 */
#ifndef EMUCTL_DEVICE_H
#define EMUCTL_DEVICE_H

#ifndef EMUCTL_H
#error "include emuctl.h, not emuctl_device.h"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \addtogroup EmuCtl
 * \{
 */

/** \brief Where a device stands with its driver (EmuCtl_DeviceGetState()). */
typedef enum EmuCtl_DeviceState {
   /** \brief No driver has claimed the device. */
   EMUCTL_DEVICE_UNCLAIMED = 0,
   /** \brief attachDevice succeeded; the device is quiescent. */
   EMUCTL_DEVICE_ATTACHED = 1,
   /** \brief startDevice succeeded; the device is IO-able. */
   EMUCTL_DEVICE_STARTED = 2,
} EmuCtl_DeviceState;

#if defined(VMK_DEVKIT_HAS_API_VMKAPI_DEVICE)

/** \brief A simulated PCI function, as the test side holds it. */
typedef struct EmuCtlPCIDevice *EmuCtl_PCIDevice;

/** \brief Kind of a base address register. */
typedef enum EmuCtl_PCIBarType {
   /** \brief Not implemented (reads as 0). */
   EMUCTL_PCI_BAR_NONE = 0,
   /** \brief Memory BAR below 4 GiB. */
   EMUCTL_PCI_BAR_MEM32 = 1,
   /** \brief 64-bit memory BAR: uses this slot and the next (leave it NONE). */
   EMUCTL_PCI_BAR_MEM64 = 2,
   /** \brief I/O-port BAR: accesses reach the ioRead/ioWrite callbacks. */
   EMUCTL_PCI_BAR_IO = 3,
} EmuCtl_PCIBarType;

/** \brief One base address register. */
typedef struct EmuCtl_PCIBar {
   /** \brief Kind of BAR. */
   EmuCtl_PCIBarType type;
   /** \brief Size in bytes: a power of two, >= 4096 for memory, 4..256 for I/O. */
   vmk_uint32 size;
   /** \brief Memory BAR marked prefetchable. */
   vmk_Bool prefetchable;
} EmuCtl_PCIBar;

/**
 * \brief The device's behaviour, written by the test.  Every member may be
 *        NULL.  Callbacks run in the thread that caused them and may call
 *        EmuCtl_PCI* functions of the same device (raise an interrupt,
 *        write a register, do DMA).
 */
typedef struct EmuCtl_PCIDeviceOps {
   /**
    * \brief A 32-bit register of a memory BAR changed since the last
    *        EmuCtl_PCIDeviceStep() (memory BARs are plain memory: the step
    *        finds what the driver wrote).
    */
   void (*mmioWrite)(EmuCtl_PCIDevice dev, vmk_uint8 bar, vmk_uint32 offset,
                     vmk_uint32 oldValue, vmk_uint32 newValue, void *data);
   /** \brief The driver read 1, 2 or 4 bytes of an I/O BAR; return the value. */
   vmk_uint32 (*ioRead)(EmuCtl_PCIDevice dev, vmk_uint8 bar, vmk_uint32 offset,
                        vmk_uint32 size, void *data);
   /** \brief The driver wrote 1, 2 or 4 bytes of an I/O BAR. */
   void (*ioWrite)(EmuCtl_PCIDevice dev, vmk_uint8 bar, vmk_uint32 offset,
                   vmk_uint32 size, vmk_uint32 value, void *data);
   /** \brief The driver wrote configuration space (after the write took effect). */
   void (*configWrite)(EmuCtl_PCIDevice dev, vmk_uint16 offset,
                       vmk_uint32 size, vmk_uint32 value, void *data);
   /**
    * \brief Power-on reset: runs once when the function is created, before
    *        any driver sees it -- set initial register values here with
    *        EmuCtl_PCIBarWrite().  Virtual functions get it too.
    */
   void (*reset)(EmuCtl_PCIDevice dev, void *data);
} EmuCtl_PCIDeviceOps;

/** \brief Description of a simulated PCI function (zero it, then fill in). */
typedef struct EmuCtl_PCIDeviceProps {
   /** \brief Vendor ID (not 0xffff). */
   vmk_uint16 vendorID;
   /** \brief Device ID. */
   vmk_uint16 deviceID;
   /** \brief Subsystem vendor ID. */
   vmk_uint16 subVendorID;
   /** \brief Subsystem ID. */
   vmk_uint16 subDeviceID;
   /** \brief Base class code. */
   vmk_uint8 baseClass;
   /** \brief Sub-class code. */
   vmk_uint8 subClass;
   /** \brief Programming interface. */
   vmk_uint8 progIF;
   /** \brief Revision ID. */
   vmk_uint8 revision;
   /** \brief Use addr below; otherwise the next free slot on bus 1 is taken. */
   vmk_Bool fixedAddr;
   /** \brief Segment, bus, device, function when fixedAddr is set. */
   vmk_PCIDeviceAddr addr;
   /** \brief The six BARs. */
   EmuCtl_PCIBar bars[6];
   /** \brief Legacy interrupt pin: 0 none, 1..4 INTA..INTD. */
   vmk_uint8 intxPin;
   /** \brief MSI vectors: 0 (no MSI capability), 1, 2, 4, 8, 16 or 32. */
   vmk_uint8 msiVectors;
   /** \brief MSI-X table entries: 0 (no MSI-X capability) .. 2048. */
   vmk_uint16 msixVectors;
   /** \brief Memory BAR holding the MSI-X table and pending-bit array. */
   vmk_uint8 msixBar;
   /** \brief Offset of the MSI-X table in msixBar (8-byte aligned). */
   vmk_uint32 msixTableOffset;
   /** \brief Offset of the pending-bit array in msixBar (8-byte aligned). */
   vmk_uint32 msixPBAOffset;
   /** \brief PCI Express: 4 KiB configuration space and a PCIe capability. */
   vmk_Bool pcie;
   /** \brief SR-IOV: number of virtual functions the device offers (needs pcie). */
   vmk_uint16 totalVFs;
   /** \brief SR-IOV: device ID of the virtual functions. */
   vmk_uint16 vfDeviceID;
   /** \brief Name of the driver (vmk_DriverProps.name) that should claim it; NULL: none. */
   const char *driverName;
   /** \brief Behaviour callbacks; NULL for a device that only holds memory. */
   const EmuCtl_PCIDeviceOps *ops;
   /** \brief Passed to every callback. */
   void *opsData;
} EmuCtl_PCIDeviceProps;

/**
 * \brief Hot-add a simulated PCI function.
 *
 * The device is registered on the PCI bus; when the driver named in
 * props->driverName is registered, it is offered the device at once
 * (attachDevice, startDevice, scanDevice, then the same for each child
 * the scan registered), in the calling thread.  A driver that refuses
 * leaves the device unclaimed; that is not an error here.
 *
 * \note May block (driver callbacks run).
 * \param[in]  props  Description of the function.
 * \param[out] dev    Receives the test-side handle.
 * \retval VMK_OK         Added.
 * \retval VMK_BAD_PARAM  props or dev NULL, or props inconsistent (BAR
 *                        sizes, vector counts, MSI-X table outside its BAR).
 * \retval VMK_EXISTS     fixedAddr names an address already in use.
 * \retval VMK_NO_MEMORY  Out of memory or BAR address space.
 * \retval VMK_NOT_INITIALIZED EmuCtl_Init() has not been called.
 */
VMK_ReturnStatus EmuCtl_PCIDeviceAdd(const EmuCtl_PCIDeviceProps *props,
                                     EmuCtl_PCIDevice *dev);

/**
 * \brief Hot-remove a simulated PCI function.
 *
 * Orderly removal: children are detached and removed (their registering
 * driver's removeDevice), then the device's driver gets quiesceDevice and
 * detachDevice.  Surprise removal first marks the hardware gone -- memory
 * BARs then read all-ones and ignore writes, configuration reads return
 * all-ones, interrupts cannot be raised -- and calls forgetDevice on the
 * device and every descendant (deepest first), then removes them the same
 * way.  Removal always completes: a failing callback is recorded, not
 * obeyed.  BAR mappings and interrupt cookies the driver left behind are
 * LEAK reports (and are freed).  The handle is dead afterwards.
 *
 * \note May block (driver callbacks run).
 * \param[in] dev       Device to remove.
 * \param[in] surprise  VMK_TRUE for surprise removal.
 * \return When a driver callback failed, the device is removed all the
 *         same and the first failure is returned.
 * \retval VMK_OK         Removed; every driver callback succeeded.
 * \retval VMK_BAD_PARAM  dev is not a live simulated device (DEAD_HANDLE
 *                        report when it is not NULL).
 */
VMK_ReturnStatus EmuCtl_PCIDeviceRemove(EmuCtl_PCIDevice dev,
                                        vmk_Bool surprise);

/**
 * \brief The device-layer handle of a simulated PCI function (what the
 *        driver's attachDevice receives).
 * \note Will not block.
 * \param[in] dev  A live simulated device.
 * \return The vmk_Device, or VMK_DEVICE_NONE when dev is not live.
 */
vmk_Device EmuCtl_PCIDeviceGetDevice(EmuCtl_PCIDevice dev);

/**
 * \brief The PCI handle of a simulated function (what
 *        vmk_DeviceGetRegistrationData gives the driver, in .ptr).
 * \note Will not block.
 * \return The vmk_PCIDevice, or NULL when dev is not live.
 */
vmk_PCIDevice EmuCtl_PCIDeviceGetPCIDevice(EmuCtl_PCIDevice dev);

/**
 * \brief Run the device's mmioWrite callback once for every 32-bit
 *        register of its memory BARs that changed since the last step, in
 *        BAR then offset order.
 *
 * Memory BARs are ordinary memory shared with the driver's mapping, so a
 * driver's store is seen when the test steps the device; this is where a
 * doorbell write turns into device behaviour.  The MSI-X table is
 * included.
 * \note May block (callbacks run).
 * \param[in]  dev       A live simulated device.
 * \param[out] changes   Receives how many registers changed; may be NULL.
 * \retval VMK_OK         Stepped.
 * \retval VMK_BAD_PARAM  dev is not live.
 */
VMK_ReturnStatus EmuCtl_PCIDeviceStep(EmuCtl_PCIDevice dev,
                                      vmk_uint32 *changes);

/**
 * \brief Read a memory BAR register as the device sees it.
 * \note Will not block.
 * \param[in]  dev     A live simulated device.
 * \param[in]  bar     Memory BAR index.
 * \param[in]  offset  Byte offset, aligned to size.
 * \param[in]  size    1, 2, 4 or 8.
 * \param[out] value   Receives the value.
 * \retval VMK_OK              Read.
 * \retval VMK_BAD_PARAM       Not live, not a memory BAR, bad size or alignment.
 * \retval VMK_BAD_ADDR_RANGE  Beyond the BAR.
 */
VMK_ReturnStatus EmuCtl_PCIBarRead(EmuCtl_PCIDevice dev, vmk_uint8 bar,
                                   vmk_uint32 offset, vmk_uint32 size,
                                   vmk_uint64 *value);

/**
 * \brief Write a memory BAR register from the device side (what the driver
 *        reads next).  The step shadow is updated too, so the device's own
 *        writes never come back as mmioWrite callbacks.
 * \note Will not block.
 * \retval VMK_OK              Written.
 * \retval VMK_BAD_PARAM       Not live, not a memory BAR, bad size or alignment.
 * \retval VMK_BAD_ADDR_RANGE  Beyond the BAR.
 */
VMK_ReturnStatus EmuCtl_PCIBarWrite(EmuCtl_PCIDevice dev, vmk_uint8 bar,
                                    vmk_uint32 offset, vmk_uint32 size,
                                    vmk_uint64 value);

/**
 * \brief Read configuration space raw (no side effects).
 * \note Will not block.
 * \retval VMK_OK              Read.
 * \retval VMK_BAD_PARAM       Not live, size not 1/2/4 or misaligned.
 * \retval VMK_LIMIT_EXCEEDED  Beyond the configuration space.
 */
VMK_ReturnStatus EmuCtl_PCIConfigRead(EmuCtl_PCIDevice dev, vmk_uint16 offset,
                                      vmk_uint32 size, vmk_uint32 *value);

/**
 * \brief Write configuration space raw, ignoring write masks (e.g. to add
 *        a vendor capability, or set status bits).
 * \note Will not block.
 * \retval VMK_OK              Written.
 * \retval VMK_BAD_PARAM       Not live, size not 1/2/4 or misaligned.
 * \retval VMK_LIMIT_EXCEEDED  Beyond the configuration space.
 */
VMK_ReturnStatus EmuCtl_PCIConfigWrite(EmuCtl_PCIDevice dev, vmk_uint16 offset,
                                       vmk_uint32 size, vmk_uint32 value);

/**
 * \brief Raise an interrupt of the device.
 *
 * The mode is what the driver set up with vmk_PCIAllocIntrCookie: MSI-X
 * (vector is the table entry), MSI (vector is the message number) or INTx
 * (vector must be 0).  The handlers registered on the cookie run on the
 * emulator's interrupt world, in interrupt context (a blocking call there
 * is a BLOCK_IN_NONBLOCKING report): first acknowledgeInterrupt, when
 * given (any status but VMK_OK, e.g. VMK_NOT_THIS_DEVICE, skips that
 * handler), then handler.  Raised from a handler, the interrupt is
 * queued and runs after it, and the call returns VMK_OK at once.  The call
 * returns after they ran.  While the cookie is disabled (vmk_IntrDisable,
 * never enabled, or inside vmk_IntrWithAllDisabledInvoke) the interrupt is
 * held pending and delivered once when it is enabled again.
 *
 * \note May block (waits for the handlers).
 * \param[in] dev     A live simulated device.
 * \param[in] vector  Table entry or message number; 0 for INTx.
 * \retval VMK_OK            At least one handler ran.
 * \retval VMK_WOULD_BLOCK   Held pending: the cookie is disabled.
 * \retval VMK_NOT_FOUND     Lost: no cookie for the vector, no handler
 *                           registered, or every acknowledge said
 *                           VMK_NOT_THIS_DEVICE.
 * \retval VMK_NOT_READY     The device was surprise-removed.
 * \retval VMK_BAD_PARAM     dev not live, or vector out of range for the mode.
 */
VMK_ReturnStatus EmuCtl_PCIRaiseInterrupt(EmuCtl_PCIDevice dev,
                                          vmk_uint16 vector);

/**
 * \brief Device-side DMA read: copy len bytes at I/O address ioa into buf.
 *
 * The range must lie inside a live DMA mapping made by one of the
 * device's DMA engines; otherwise it is a DMA_VIOLATION report.
 * \note May block.
 * \retval VMK_OK          Copied.
 * \retval VMK_BAD_PARAM   dev not live, buf NULL or len 0.
 * \retval VMK_NOT_READY   The device was surprise-removed.
 * \retval VMK_BAD_ADDR_RANGE The range is not mapped (after the report).
 */
VMK_ReturnStatus EmuCtl_DeviceDMARead(EmuCtl_PCIDevice dev, vmk_IOA ioa,
                                      void *buf, vmk_ByteCount len);

/** \brief Device-side DMA write: copy len bytes from buf to I/O address ioa (see EmuCtl_DeviceDMARead()). \note May block. */
VMK_ReturnStatus EmuCtl_DeviceDMAWrite(EmuCtl_PCIDevice dev, vmk_IOA ioa,
                                       const void *buf, vmk_ByteCount len);

#endif /* VMK_DEVKIT_HAS_API_VMKAPI_DEVICE */

/**
 * \brief The state of any registered device (PCI or logical).
 * \note Will not block.
 * \param[in]  device  A live device.
 * \param[out] state   Receives the state.
 * \retval VMK_OK         Answered.
 * \retval VMK_BAD_PARAM  device not live or state NULL.
 */
VMK_ReturnStatus EmuCtl_DeviceGetState(vmk_Device device,
                                       EmuCtl_DeviceState *state);

/**
 * \brief How many children a device has (devices its driver registered
 *        from scanDevice), and optionally the first of them.
 * \note Will not block.
 * \param[in]  device  A live device.
 * \param[out] count   Receives the count.
 * \param[out] first   Receives the oldest child or VMK_DEVICE_NONE; may be NULL.
 * \retval VMK_OK         Answered.
 * \retval VMK_BAD_PARAM  device not live or count NULL.
 */
VMK_ReturnStatus EmuCtl_DeviceGetChildren(vmk_Device device, vmk_uint32 *count,
                                          vmk_Device *first);

/**
 * \brief Find a device by bus name ("pci", "logical") and bus address,
 *        taking a reference that vmk_DeviceRelease() drops (ESXi's
 *        find functions are not public in 6.0; this plays their part).
 *        A device with references cannot be unregistered (VMK_BUSY).
 * \note Will not block.
 * \retval VMK_OK         Found; *device holds a reference.
 * \retval VMK_BAD_PARAM  An argument is NULL.
 * \retval VMK_NOT_FOUND  No such device.
 */
VMK_ReturnStatus EmuCtl_DeviceFind(const char *busName, const char *busAddress,
                                   vmk_Device *device);

/**
 * \brief Have devices registered with this bus identifier (e.g. a logical
 *        child's "com.example.uplink") offered to the named driver, as
 *        ESXi's driver map files do.
 * \note Will not block.
 * \retval VMK_OK         Mapped (a later mapping of the same identifier wins).
 * \retval VMK_BAD_PARAM  An argument is NULL, empty or too long.
 * \retval VMK_NO_MEMORY  Out of memory.
 */
VMK_ReturnStatus EmuCtl_DriverMapAdd(const char *busIdentifier,
                                     const char *driverName);

/** \brief Handlers currently running or queued on the interrupt world. \note Will not block. */
vmk_uint32 EmuCtl_IntrInFlight(void);

/** \} */

#ifdef __cplusplus
}
#endif

#endif
