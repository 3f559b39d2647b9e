/*
 * core/vmkapi_dma.h -- DMA engines and mapping
 *
 * Describing what addresses and transfer shapes a device can handle (DMA
 * engines and their constraints), and turning the driver's scatter-gather
 * arrays into I/O addresses the device may use.
 */

#ifndef _VMKAPI_DMA_H_
#define _VMKAPI_DMA_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_dma.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_DMA DMA Engines
 *
 * \brief Mapping memory for device DMA under the device's constraints.
 *
 * A driver creates one DMA engine per set of constraints its device has
 * (address width, transfer and element limits, alignment, boundaries it
 * may not cross). Before a transfer it maps the memory with
 * vmk_DMAMapSg() or vmk_DMAMapElem(), which give back I/O addresses that
 * meet the constraints, splitting elements where needed; if they cannot,
 * the mapping fails and a vmk_DMAMapErrorInfo says why. Around the
 * transfer the driver flushes the mapping when the engine is not
 * coherent, and unmaps it afterwards.
 *
 * \note vmkemu has no IOMMU translation: an I/O address is the machine
 *       address of the memory (or of a bounce buffer). It does check, like
 *       an IOMMU, that a simulated device touches only memory mapped for
 *       it in an allowed direction, and reports any other access. Mappings
 *       left at engine destruction are reported as leaks.
 * \{
 */

/** \brief Private structure behind a vmk_DMADevice. */
struct vmk_DMADeviceInt;

/** \brief Private structure behind a vmk_DMAEngine. */
struct vmk_DMAEngineInt;

/** \brief Engine flag value with no flags set. */
#define VMK_DMA_ENGINE_FLAGS_NONE 0

/** \brief A vmk_DMADevice value that refers to no DMA device. */
#define VMK_DMA_DEVICE_INVALID ((vmk_DMADevice)NULL)

/**
 * \brief Engine flag: mappings must be coherent, so that writes by the CPU
 *        or the device are seen by the other without a flush; such
 *        mappings are never bounced.
 */
#define VMK_DMA_ENGINE_FLAGS_COHERENT (1 << 0)

/**
 * \brief Engine flag: map through the IOMMU even when the host's default
 *        DMA policy leaves the IOMMU off.
 */
#define VMK_DMA_ENGINE_FLAGS_REQUEST_IOMMU_MAPPER (1 << 1)

/** \brief A vmk_DMAEngine value that refers to no engine. */
#define VMK_DMA_ENGINE_INVALID ((vmk_DMAEngine)NULL)

/**
 * \brief Length for vmk_DMAFlushSg() meaning "from offset to the end of
 *        the array".
 */
#define VMK_DMA_FLUSH_SG_ALL VMK_UINT64_MAX

/**
 * \brief Kind of bounce-buffer pool an engine may use for memory its
 *        device cannot reach directly.
 */
typedef enum vmk_DMABouncePoolType {
   /** \brief No bounce pool: a mapping that breaks a constraint fails. */
   VMK_DMA_BOUNCE_POOL_TYPE_NONE = 0,
   /**
    * \brief Let the system choose a bounce pool; such mappings may be
    *        redirected through bounce buffers.
    */
   VMK_DMA_BOUNCE_POOL_TYPE_UNKNOWN = 1,
} vmk_DMABouncePoolType;

/**
 * \brief Bounce-pool request in vmk_DMAEngineProps.
 */
typedef struct {
   /** \brief Module the bounce memory is charged to. */
   vmk_ModuleID module;
   /** \brief Kind of bounce pool wanted. */
   vmk_DMABouncePoolType type;
} vmk_DMABouncePoolProps;

/**
 * \brief What a device can handle in one DMA transfer. A field of 0 means
 *        "no limit" unless stated otherwise.
 */
typedef struct vmk_DMAConstraints {
   /**
    * \brief Addresses the device can generate: every I/O address must fit
    *        in this mask (for example 0xffffffff for 32-bit DMA). Must not be
    *        0.
    */
   vmk_IOA addressMask;
   /** \brief Largest total length of one mapped transfer. */
   vmk_ByteCount maxTransfer;
   /** \brief Most elements the device accepts in one transfer. */
   vmk_uint32 sgMaxEntries;
   /** \brief Longest single element; longer ones are split. */
   vmk_ByteCountSmall sgElemMaxSize;
   /**
    * \brief Every element but the last must be a multiple of this length (a
    *        power of two).
    */
   vmk_ByteCountSmall sgElemSizeMult;
   /** \brief Required alignment of each element's start (a power of two). */
   vmk_ByteCountSmall sgElemAlignment;
   /**
    * \brief Boundary no element may cross (a power of two, at least a page);
    *        elements are split at it.
    */
   vmk_IOA sgElemStraddle;
} vmk_DMAConstraints;

/**
 * \brief Handle to the DMA constraints registered for a device as a whole.
 */
typedef struct vmk_DMADeviceInt *vmk_DMADevice;

/**
 * \brief What vmk_DMADeviceRegister() needs to know.
 */
typedef struct vmk_DMADeviceProps {
   /** \brief Name of the DMA device, for debugging. */
   vmk_Name name;
   /** \brief Module that registers it. */
   vmk_ModuleID module;
   /** \brief Device whose DMA the constraints describe. */
   vmk_Device device;
   /**
    * \brief Constraints every engine later created for the device also
    *        obeys (the tighter of the two for each field).
    */
   vmk_DMAConstraints *constraints;
} vmk_DMADeviceProps;

/**
 * \brief Which way data moves between memory and the device.
 */
typedef enum vmk_DMADirection {
   /** \brief No transfer; not valid for mapping. */
   VMK_DMA_DIRECTION_NONE = 0,
   /** \brief The device writes to memory (a read from the device). */
   VMK_DMA_DIRECTION_TO_MEMORY = 1,
   /** \brief The device reads from memory (a write to the device). */
   VMK_DMA_DIRECTION_FROM_MEMORY = 2,
   /** \brief The device both reads and writes the memory. */
   VMK_DMA_DIRECTION_BIDIRECTIONAL = 3,
} vmk_DMADirection;

/** \brief Handle to a DMA engine. */
typedef struct vmk_DMAEngineInt *vmk_DMAEngine;

/**
 * \brief What vmk_DMAEngineCreate() needs to know.
 */
typedef struct vmk_DMAEngineProps {
   /** \brief Name of the engine, for debugging. */
   vmk_Name name;
   /** \brief Module that owns the engine; it must have a heap. */
   vmk_ModuleID module;
   /** \brief VMK_DMA_ENGINE_FLAGS_* bits. */
   vmk_uint32 flags;
   /** \brief Device that will do the DMA. */
   vmk_Device device;
   /** \brief What the device can handle; required. */
   vmk_DMAConstraints *constraints;
   /** \brief Bounce-pool request, or NULL for none. */
   vmk_DMABouncePoolProps *bounce;
} vmk_DMAEngineProps;

/**
 * \brief Why a DMA mapping could not be made.
 */
typedef enum vmk_DMAMapErrorReason {
   /** \brief No error. */
   VMK_DMA_MAP_ERROR_REASON_NONE = 0,
   /** \brief The cause is not known. */
   VMK_DMA_MAP_ERROR_UNKNOWN = 1,
   /** \brief The whole transfer is longer than maxTransfer. */
   VMK_DMA_MAP_ERROR_REASON_TRANSFER_TOO_LARGE = 2,
   /**
    * \brief After splitting, the transfer needs more than sgMaxEntries
    *        elements.
    */
   VMK_DMA_MAP_ERROR_REASON_TOO_MANY_ENTRIES = 3,
   /**
    * \brief Cutting elements down to sgElemMaxSize would need more than
    *        sgMaxEntries elements.
    */
   VMK_DMA_MAP_ERROR_REASON_SG_ELEM_MAX_SIZE = 4,
   /**
    * \brief The elements cannot be made multiples of sgElemSizeMult
    *        within sgMaxEntries elements.
    */
   VMK_DMA_MAP_ERROR_REASON_SG_ELEM_SIZE_MULT = 5,
   /**
    * \brief Cutting elements at sgElemStraddle boundaries would need more
    *        than sgMaxEntries elements.
    */
   VMK_DMA_MAP_ERROR_REASON_SG_ELEM_STRADDLE = 6,
   /** \brief An element lies outside addressMask. */
   VMK_DMA_MAP_ERROR_REASON_SG_ELEM_ADDRESS = 7,
   /** \brief An element does not start on an sgElemAlignment boundary. */
   VMK_DMA_MAP_ERROR_REASON_SG_ELEM_ALIGNMENT = 8,
   /** \brief The IOMMU has no room left for the mapping. */
   VMK_DMA_MAP_ERROR_REASON_NO_IO_SPACE = 9,
} vmk_DMAMapErrorReason;

/**
 * \brief Why a DMA mapping failed, with the limit that was broken and,
 *        for per-element limits, which input element broke it.
 */
typedef struct vmk_DMAMapErrorInfo {
   /** \brief The cause; selects the member of info that is filled in. */
   vmk_DMAMapErrorReason reason;
   /** \brief Details, by reason. */
   union {
      /** \brief For VMK_DMA_MAP_ERROR_REASON_TRANSFER_TOO_LARGE. */
      struct {
         /** \brief The engine's maxTransfer. */
         vmk_ByteCount maxTransfer;
      } tooLarge;
      /** \brief For VMK_DMA_MAP_ERROR_REASON_TOO_MANY_ENTRIES. */
      struct {
         /** \brief The engine's sgMaxEntries. */
         vmk_uint32 sgMaxEntries;
      } tooManyEntries;
      /** \brief For VMK_DMA_MAP_ERROR_REASON_SG_ELEM_MAX_SIZE. */
      struct {
         /** \brief The engine's sgElemMaxSize. */
         vmk_ByteCountSmall sgElemMaxSize;
         /** \brief Index of the offending input element. */
         vmk_uint32 badElem;
      } elemMaxSize;
      /** \brief For VMK_DMA_MAP_ERROR_REASON_SG_ELEM_SIZE_MULT. */
      struct {
         /** \brief The engine's sgElemSizeMult. */
         vmk_ByteCount sgElemSizeMult;
         /** \brief Index of the offending input element. */
         vmk_uint32 badElem;
      } elemSizeMult;
      /** \brief For VMK_DMA_MAP_ERROR_REASON_SG_ELEM_STRADDLE. */
      struct {
         /** \brief The engine's sgElemStraddle. */
         vmk_IOA sgElemStraddle;
         /** \brief Index of the offending input element. */
         vmk_uint32 badElem;
      } elemStraddle;
      /** \brief For VMK_DMA_MAP_ERROR_REASON_SG_ELEM_ADDRESS. */
      struct {
         /** \brief The engine's addressMask. */
         vmk_IOA addressMask;
         /** \brief Index of the offending input element. */
         vmk_uint32 badElem;
      } elemAddress;
      /** \brief For VMK_DMA_MAP_ERROR_REASON_SG_ELEM_ALIGNMENT. */
      struct {
         /** \brief The engine's sgElemAlignment. */
         vmk_ByteCountSmall sgElemAlignment;
         /** \brief Index of the offending input element. */
         vmk_uint32 badElem;
      } elemAlignment;
      /** \brief For VMK_DMA_MAP_ERROR_REASON_NO_IO_SPACE. */
      struct {
         /** \brief Most bytes the IOMMU could still have mapped. */
         vmk_ByteCount maxMappable;
      } noIOSpace;
   } info;
} vmk_DMAMapErrorInfo;

/**
 * \brief DMA access allowed on a range by vmk_DMASetProtection().
 */
typedef struct vmk_DMAProtectionAttr {
   /**
    * \brief Directions devices may use on the range; VMK_DMA_DIRECTION_NONE
    *        forbids all DMA.
    */
   vmk_DMADirection access;
} vmk_DMAProtectionAttr;

/**
 * \brief Remove the DMA protection set on machine pages, so devices may
 *        access them normally again.
 *
 * \note This function will not block.
 *
 * \param[in] range  Machine pages to clear.
 *
 * \retval VMK_OK               The protection is gone.
 * \retval VMK_INVALID_ADDRESS  range is NULL or not machine memory.
 */
VMK_ReturnStatus
vmk_DMAClearProtection(
   vmk_MpnRange *range);

/**
 * \brief Register the DMA constraints a device (typically a bridge)
 *        imposes between the engines below it and memory.
 *
 * Call it while the device initialises, before it has child devices or
 * DMA engines; engines created for it afterwards obey these constraints
 * as well as their own.
 *
 * \note This function may block.
 *
 * \param[in]  props   Name, module, device and constraints.
 * \param[out] device  Receives the DMA device handle.
 *
 * \retval VMK_OK              The constraints are registered.
 * \retval VMK_BAD_PARAM       An argument is NULL, the module is not valid
 *                             or the constraints are malformed.
 * \retval VMK_NO_MODULE_HEAP  The module has no heap.
 * \retval VMK_BUSY            The device is already registered, or already
 *                             has engines.
 * \retval VMK_NO_MEMORY       No memory for the DMA device.
 */
VMK_ReturnStatus
vmk_DMADeviceRegister(
   vmk_DMADeviceProps *props,
   vmk_DMADevice *device);

/**
 * \brief Remove the constraints registered with vmk_DMADeviceRegister().
 *
 * \note This function may block.
 *
 * \param[in] device  DMA device to unregister.
 *
 * \retval VMK_OK         The DMA device is gone.
 * \retval VMK_BAD_PARAM  device is not a registered DMA device.
 * \retval VMK_BUSY       Engines still exist for the device.
 */
VMK_ReturnStatus
vmk_DMADeviceUnregister(
   vmk_DMADevice device);

/**
 * \brief Get a readable name for a DMA direction, for log messages.
 *
 * \note This function will not block.
 *
 * \param[in] direction  Direction to name.
 *
 * \return A constant string; unknown values get a generic name.
 */
const char *
vmk_DMADirectionToString(
   vmk_DMADirection direction);

/**
 * \brief Create a DMA engine for a device.
 *
 * \note This function may block.
 *
 * \param[in]  props   Name, module, flags, device, constraints and
 *                     bounce-pool request.
 * \param[out] engine  Receives the engine handle.
 *
 * \retval VMK_OK              The engine exists.
 * \retval VMK_BAD_PARAM       An argument is NULL, the module is not valid,
 *                             a flag or bounce type is unknown, or the
 *                             constraints are malformed (mask 0 or with
 *                             holes; sizes, multiple, alignment or straddle
 *                             not powers of two in range).
 * \retval VMK_NO_MODULE_HEAP  The module has no heap.
 * \retval VMK_NO_MEMORY       No memory for the engine.
 */
VMK_ReturnStatus
vmk_DMAEngineCreate(
   vmk_DMAEngineProps *props,
   vmk_DMAEngine *engine);

/**
 * \brief Destroy a DMA engine.
 *
 * Every mapping made with it should have been unmapped.
 *
 * \note This function will not block.
 * \note Mappings still live are reported by vmkemu as a leak and torn
 *       down.
 *
 * \param[in] engine  Engine to destroy.
 *
 * \retval VMK_OK         The engine is gone.
 * \retval VMK_BAD_PARAM  engine is not a live engine.
 */
VMK_ReturnStatus
vmk_DMAEngineDestroy(
   vmk_DMAEngine engine);

/**
 * \brief Make the memory behind one mapped element consistent between CPU
 *        and device.
 *
 * Flush FROM_MEMORY after the CPU wrote the buffer and before the device
 * reads it; flush TO_MEMORY after the device wrote it and before the CPU
 * reads it.
 *
 * \note This function will not block.
 * \note In vmkemu only bounced mappings move data on a flush; the call
 *       still checks that the mapping exists and allows the direction.
 *
 * \param[in] engine     Engine the element was mapped with.
 * \param[in] direction  VMK_DMA_DIRECTION_TO_MEMORY or
 *                       VMK_DMA_DIRECTION_FROM_MEMORY.
 * \param[in] sgElem     The mapped (I/O address) element.
 *
 * \retval VMK_OK               The memory is consistent.
 * \retval VMK_BAD_PARAM        An argument is not valid, or the direction
 *                              is not one the mapping allows.
 * \retval VMK_INVALID_ADDRESS  The element is not mapped on this engine.
 */
VMK_ReturnStatus
vmk_DMAFlushElem(
   vmk_DMAEngine engine,
   vmk_DMADirection direction,
   vmk_SgElem *sgElem);

/**
 * \brief Make a part of a mapped scatter-gather array consistent between
 *        CPU and device.
 *
 * \note This function will not block.
 *
 * \param[in] engine     Engine the array was mapped with.
 * \param[in] direction  VMK_DMA_DIRECTION_TO_MEMORY or
 *                       VMK_DMA_DIRECTION_FROM_MEMORY.
 * \param[in] sg         The I/O array vmk_DMAMapSg() returned.
 * \param[in] offset     Byte offset into the transfer where the flush
 *                       starts.
 * \param[in] len        Number of bytes, or VMK_DMA_FLUSH_SG_ALL for the
 *                       rest of the transfer.
 *
 * \retval VMK_OK               The range is consistent.
 * \retval VMK_BAD_PARAM        An argument is not valid, the direction is
 *                              not allowed, or the range runs past the end
 *                              of the transfer.
 * \retval VMK_INVALID_ADDRESS  sg is not mapped on this engine.
 */
VMK_ReturnStatus
vmk_DMAFlushSg(
   vmk_DMAEngine engine,
   vmk_DMADirection direction,
   vmk_SgArray *sg,
   vmk_ByteCount offset,
   vmk_ByteCount len);

/**
 * \brief Tell which physical range memory must come from so that an
 *        engine's device can reach it without bouncing.
 *
 * \note This function will not block.
 *
 * \param[in]  engine  Engine to ask about.
 * \param[out] con     Receives the widest vmk_MemPhysAddrConstraint whose
 *                     every address fits the engine's address mask.
 *
 * \retval VMK_OK         *con is set.
 * \retval VMK_BAD_PARAM  con is NULL or engine is not a live engine.
 */
VMK_ReturnStatus
vmk_DMAGetAllocAddrConstraint(
   vmk_DMAEngine engine,
   vmk_MemPhysAddrConstraint *con);

/**
 * \brief Map a single buffer for DMA.
 *
 * \note This function will not block.
 *
 * \param[in]  engine     Engine whose constraints apply.
 * \param[in]  direction  Direction of the transfer (not NONE).
 * \param[in]  in         Buffer as a machine address and length.
 * \param[in]  lastElem   VMK_TRUE if this is the last element of the
 *                        transfer (the size-multiple rule spares the
 *                        last).
 * \param[out] out        Receives the I/O address and length the device
 *                        must use.
 * \param[out] err        If not NULL, receives the reason when the
 *                        mapping fails.
 *
 * \retval VMK_OK                  *out is set.
 * \retval VMK_BAD_PARAM           An argument is not valid, the length is 0
 *                                 or the buffer is not machine memory.
 * \retval VMK_DMA_MAPPING_FAILED  The buffer breaks a constraint that no
 *                                 split or bounce can fix; see *err.
 * \retval VMK_NO_MEMORY           No memory for a bounce buffer or the
 *                                 mapping record.
 */
VMK_ReturnStatus
vmk_DMAMapElem(
   vmk_DMAEngine engine,
   vmk_DMADirection direction,
   vmk_SgElem *in,
   vmk_Bool lastElem,
   vmk_SgElem *out,
   vmk_DMAMapErrorInfo *err);

/**
 * \brief Get a readable description of a mapping error reason, for log
 *        messages.
 *
 * \note This function will not block.
 *
 * \param[in] reason  Reason to describe.
 *
 * \return A constant string; unknown values get a generic text.
 */
const char *
vmk_DMAMapErrorReasonToString(
   vmk_DMAMapErrorReason reason);

/**
 * \brief Map a scatter-gather array for DMA.
 *
 * Elements are merged where machine-contiguous and split where the
 * constraints require, so the result may have a different number of
 * elements than the input.
 *
 * \note This function will not block.
 * \note vmkemu always returns a new I/O array, allocated with sgOps (ESXi
 *       may return the input array itself); vmk_DMAUnmapSg() frees it.
 *       With a bounce pool and a non-coherent engine, a mapping that
 *       breaks a constraint is retried through one bounce buffer.
 *
 * \param[in]  engine     Engine whose constraints apply.
 * \param[in]  direction  Direction of the transfer (not NONE).
 * \param[in]  sgOps      SG operations handle used to allocate the I/O
 *                        array.
 * \param[in]  in         Array of machine addresses to map.
 * \param[out] out        Receives the array of I/O addresses.
 * \param[out] err        If not NULL, receives the reason when the
 *                        mapping fails.
 *
 * \retval VMK_OK                  *out is set.
 * \retval VMK_BAD_PARAM           An argument is not valid, the array is
 *                                 empty, or an element is empty or not
 *                                 machine memory.
 * \retval VMK_DMA_MAPPING_FAILED  The array breaks a constraint; see *err.
 * \retval VMK_NO_MEMORY           No memory for the I/O array, a bounce
 *                                 buffer or the mapping record.
 */
VMK_ReturnStatus
vmk_DMAMapSg(
   vmk_DMAEngine engine,
   vmk_DMADirection direction,
   vmk_SgOpsHandle sgOps,
   vmk_SgArray *in,
   vmk_SgArray **out,
   vmk_DMAMapErrorInfo *err);

/**
 * \brief Limit the DMA that any device may do on some machine pages.
 *
 * \note This function will not block.
 * \note vmkemu enforces the protection on every simulated device access
 *       and reports a violation.
 *
 * \param[in] range  Machine pages to protect.
 * \param[in] prot   Directions still allowed.
 *
 * \retval VMK_OK               The protection is in place.
 * \retval VMK_BAD_PARAM        range or prot is NULL, or the direction is
 *                              unknown.
 * \retval VMK_INVALID_ADDRESS  range is not machine memory.
 * \retval VMK_NO_MEMORY        No memory to record the protection.
 */
VMK_ReturnStatus
vmk_DMASetProtection(
   vmk_MpnRange *range,
   vmk_DMAProtectionAttr *prot);

/**
 * \brief Release a mapping made with vmk_DMAMapElem().
 *
 * \note This function will not block.
 * \note Unmapping what is not mapped is also a DOUBLE_FREE or BAD_FREE
 *       report in vmkemu.
 *
 * \param[in] engine     Engine the element was mapped with.
 * \param[in] direction  Direction it was mapped for.
 * \param[in] sgElem     The mapped element (I/O address).
 *
 * \retval VMK_OK               The mapping is released (bounced data is
 *                              copied back first).
 * \retval VMK_BAD_PARAM        An argument is not valid.
 * \retval VMK_INVALID_ADDRESS  The element is not mapped on this engine.
 */
VMK_ReturnStatus
vmk_DMAUnmapElem(
   vmk_DMAEngine engine,
   vmk_DMADirection direction,
   vmk_SgElem *sgElem);

/**
 * \brief Release a mapping made with vmk_DMAMapSg() and free its I/O
 *        array.
 *
 * \note This function will not block.
 * \note Unmapping what is not mapped is also a DOUBLE_FREE or BAD_FREE
 *       report in vmkemu.
 *
 * \param[in] engine     Engine the array was mapped with.
 * \param[in] direction  Direction it was mapped for.
 * \param[in] sgOps      SG operations handle used at map time.
 * \param[in] sg         The I/O array vmk_DMAMapSg() returned.
 *
 * \retval VMK_OK               The mapping is released.
 * \retval VMK_BAD_PARAM        An argument is not valid.
 * \retval VMK_INVALID_ADDRESS  sg is not mapped on this engine.
 */
VMK_ReturnStatus
vmk_DMAUnmapSg(
   vmk_DMAEngine engine,
   vmk_DMADirection direction,
   vmk_SgOpsHandle sgOps,
   vmk_SgArray *sg);

/** \} */

#endif /* _VMKAPI_DMA_H_ */
