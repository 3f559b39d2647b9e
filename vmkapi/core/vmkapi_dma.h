/*
 * core/vmkapi_dma.h -- DMA engines and mapping
 *
 * DMA engines with address constraints, and mapping of scatter-gather arrays
 * for a device. vmkemu checks each mapping against the engine's constraints
 * and reports the reason a mapping fails.
 */

#ifndef _VMKAPI_DMA_H_
#define _VMKAPI_DMA_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_dma.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_DMA DMA Engines
 * \{
 */

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmk_DMADeviceInt;

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmk_DMAEngineInt;

/** \brief Dma engine flags none. */
#define VMK_DMA_ENGINE_FLAGS_NONE 0

/**
 * \brief A DMA device handle that refers to no device.
 */
#define VMK_DMA_DEVICE_INVALID ((vmk_DMADevice)NULL)

/**
 * \brief DMA engine flag: the device is cache-coherent.
 */
#define VMK_DMA_ENGINE_FLAGS_COHERENT (1 << 0)

/**
 * \brief DMA engine flag: ask for an IOMMU mapper.
 */
#define VMK_DMA_ENGINE_FLAGS_REQUEST_IOMMU_MAPPER (1 << 1)

/**
 * \brief A DMA engine handle that refers to no engine.
 */
#define VMK_DMA_ENGINE_INVALID ((vmk_DMAEngine)NULL)

/**
 * \brief Length meaning "flush the whole SG array".
 */
#define VMK_DMA_FLUSH_SG_ALL VMK_UINT64_MAX

/**
 * \brief Values of DMA bounce pool type.
 */
typedef enum vmk_DMABouncePoolType {
   /** \brief None. */
   VMK_DMA_BOUNCE_POOL_TYPE_NONE = 0,
   /** \brief Unknown. */
   VMK_DMA_BOUNCE_POOL_TYPE_UNKNOWN = 1,
} vmk_DMABouncePoolType;

/**
 * \brief Properties of a DMA bounce pool.
 */
typedef struct {
   /** \brief Module. */
   vmk_ModuleID module;
   /** \brief Type. */
   vmk_DMABouncePoolType type;
} vmk_DMABouncePoolProps;

/**
 * \brief Description of a DMA constraints.
 */
typedef struct vmk_DMAConstraints {
   /** \brief Address mask. */
   vmk_IOA addressMask;
   /** \brief Max transfer. */
   vmk_ByteCount maxTransfer;
   /** \brief Sg max entries. */
   vmk_uint32 sgMaxEntries;
   /** \brief Sg elem max size. */
   vmk_ByteCountSmall sgElemMaxSize;
   /** \brief Sg elem size mult. */
   vmk_ByteCountSmall sgElemSizeMult;
   /** \brief Sg elem alignment. */
   vmk_ByteCountSmall sgElemAlignment;
   /** \brief Sg elem straddle. */
   vmk_IOA sgElemStraddle;
} vmk_DMAConstraints;

/** \brief Handle to a DMA device. */
typedef struct vmk_DMADeviceInt *vmk_DMADevice;

/**
 * \brief Properties of a DMA device.
 */
typedef struct vmk_DMADeviceProps {
   /** \brief Name. */
   vmk_Name name;
   /** \brief Module. */
   vmk_ModuleID module;
   /** \brief Device. */
   vmk_Device device;
   /** \brief Constraints. */
   vmk_DMAConstraints *constraints;
} vmk_DMADeviceProps;

/**
 * \brief Values of DMA direction.
 */
typedef enum vmk_DMADirection {
   /** \brief None. */
   VMK_DMA_DIRECTION_NONE = 0,
   /** \brief To memory. */
   VMK_DMA_DIRECTION_TO_MEMORY = 1,
   /** \brief From memory. */
   VMK_DMA_DIRECTION_FROM_MEMORY = 2,
   /** \brief Bidirectional. */
   VMK_DMA_DIRECTION_BIDIRECTIONAL = 3,
} vmk_DMADirection;

/** \brief Handle to a DMA engine. */
typedef struct vmk_DMAEngineInt *vmk_DMAEngine;

/**
 * \brief Properties of a DMA engine.
 */
typedef struct vmk_DMAEngineProps {
   /** \brief Name. */
   vmk_Name name;
   /** \brief Module. */
   vmk_ModuleID module;
   /** \brief Flags. */
   vmk_uint32 flags;
   /** \brief Device. */
   vmk_Device device;
   /** \brief Constraints. */
   vmk_DMAConstraints *constraints;
   /** \brief Bounce. */
   vmk_DMABouncePoolProps *bounce;
} vmk_DMAEngineProps;

/**
 * \brief Values of DMA map error reason.
 */
typedef enum vmk_DMAMapErrorReason {
   /** \brief Reason none. */
   VMK_DMA_MAP_ERROR_REASON_NONE = 0,
   /** \brief Unknown. */
   VMK_DMA_MAP_ERROR_UNKNOWN = 1,
   /** \brief Reason transfer too large. */
   VMK_DMA_MAP_ERROR_REASON_TRANSFER_TOO_LARGE = 2,
   /** \brief Reason too many entries. */
   VMK_DMA_MAP_ERROR_REASON_TOO_MANY_ENTRIES = 3,
   /** \brief Reason sg elem max size. */
   VMK_DMA_MAP_ERROR_REASON_SG_ELEM_MAX_SIZE = 4,
   /** \brief Reason sg elem size mult. */
   VMK_DMA_MAP_ERROR_REASON_SG_ELEM_SIZE_MULT = 5,
   /** \brief Reason sg elem straddle. */
   VMK_DMA_MAP_ERROR_REASON_SG_ELEM_STRADDLE = 6,
   /** \brief Reason sg elem address. */
   VMK_DMA_MAP_ERROR_REASON_SG_ELEM_ADDRESS = 7,
   /** \brief Reason sg elem alignment. */
   VMK_DMA_MAP_ERROR_REASON_SG_ELEM_ALIGNMENT = 8,
   /** \brief Reason no io space. */
   VMK_DMA_MAP_ERROR_REASON_NO_IO_SPACE = 9,
} vmk_DMAMapErrorReason;

/**
 * \brief Description of a DMA map error info.
 */
typedef struct vmk_DMAMapErrorInfo {
   /** \brief Reason. */
   vmk_DMAMapErrorReason reason;
   /** \brief Info. */
   union {
      /** \brief Too large. */
      struct {
         /** \brief Max transfer. */
         vmk_ByteCount maxTransfer;
      } tooLarge;
      /** \brief Too many entries. */
      struct {
         /** \brief Sg max entries. */
         vmk_uint32 sgMaxEntries;
      } tooManyEntries;
      /** \brief Elem max size. */
      struct {
         /** \brief Sg elem max size. */
         vmk_ByteCountSmall sgElemMaxSize;
         /** \brief Bad elem. */
         vmk_uint32 badElem;
      } elemMaxSize;
      /** \brief Elem size mult. */
      struct {
         /** \brief Sg elem size mult. */
         vmk_ByteCount sgElemSizeMult;
         /** \brief Bad elem. */
         vmk_uint32 badElem;
      } elemSizeMult;
      /** \brief Elem straddle. */
      struct {
         /** \brief Sg elem straddle. */
         vmk_IOA sgElemStraddle;
         /** \brief Bad elem. */
         vmk_uint32 badElem;
      } elemStraddle;
      /** \brief Elem address. */
      struct {
         /** \brief Address mask. */
         vmk_IOA addressMask;
         /** \brief Bad elem. */
         vmk_uint32 badElem;
      } elemAddress;
      /** \brief Elem alignment. */
      struct {
         /** \brief Sg elem alignment. */
         vmk_ByteCountSmall sgElemAlignment;
         /** \brief Bad elem. */
         vmk_uint32 badElem;
      } elemAlignment;
      /** \brief No IO space. */
      struct {
         /** \brief Max mappable. */
         vmk_ByteCount maxMappable;
      } noIOSpace;
   } info;
} vmk_DMAMapErrorInfo;

/**
 * \brief Description of a DMA protection attr.
 */
typedef struct vmk_DMAProtectionAttr {
   /** \brief Access. */
   vmk_DMADirection access;
} vmk_DMAProtectionAttr;

/**
 * \brief Remove DMA access protection from machine page ranges.
 *
 * \note This function will not block.
 *
 * \param[in] range Range.
 *
 * \retval VMK_OK Success.
 * \retval VMK_INVALID_ADDRESS The address is not valid.
 * \retval VMK_NO_PERMISSION No permission.
 */
VMK_ReturnStatus
vmk_DMAClearProtection(
   vmk_MpnRange *range);

/**
 * \brief Register a DMA device.
 *
 * \note This function may block.
 *
 * \param[in] props Properties.
 * \param[out] device Device handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_NO_MODULE_HEAP The module has no heap.
 * \retval VMK_BUSY The object is in use.
 */
VMK_ReturnStatus
vmk_DMADeviceRegister(
   vmk_DMADeviceProps *props,
   vmk_DMADevice *device);

/**
 * \brief Unregister a DMA device.
 *
 * \note This function may block.
 *
 * \param[in] device Device handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_BUSY The object is in use.
 */
VMK_ReturnStatus
vmk_DMADeviceUnregister(
   vmk_DMADevice device);

/**
 * \brief Name of a DMA direction.
 *
 * \note This function will not block.
 *
 * \param[in] direction Direction.
 */
const char *
vmk_DMADirectionToString(
   vmk_DMADirection direction);

/**
 * \brief Create a DMA engine.
 *
 * \note This function may block.
 *
 * \param[in] props Properties.
 * \param[out] engine Engine.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_NO_MODULE_HEAP The module has no heap.
 */
VMK_ReturnStatus
vmk_DMAEngineCreate(
   vmk_DMAEngineProps *props,
   vmk_DMAEngine *engine);

/**
 * \brief Destroy a DMA engine.
 *
 * \note This function will not block.
 *
 * \param[in] engine DMA engine handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_DMAEngineDestroy(
   vmk_DMAEngine engine);

/**
 * \brief Make one mapped SG element coherent for the given direction.
 *
 * \note This function will not block.
 *
 * \param[in] engine DMA engine handle.
 * \param[in] direction Direction.
 * \param[in,out] sgElem Sg elem.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_INVALID_ADDRESS The address is not valid.
 */
VMK_ReturnStatus
vmk_DMAFlushElem(
   vmk_DMAEngine engine,
   vmk_DMADirection direction,
   vmk_SgElem *sgElem);

/**
 * \brief Make a range of a mapped SG array coherent for the given direction.
 *
 * \note This function will not block.
 *
 * \param[in] engine DMA engine handle.
 * \param[in] direction Direction.
 * \param[in] sg Sg.
 * \param[in] offset Offset.
 * \param[in] len Length in bytes.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_INVALID_ADDRESS The address is not valid.
 */
VMK_ReturnStatus
vmk_DMAFlushSg(
   vmk_DMAEngine engine,
   vmk_DMADirection direction,
   vmk_SgArray *sg,
   vmk_ByteCount offset,
   vmk_ByteCount len);

/**
 * \brief Physical-address constraint memory for an engine must meet.
 *
 * \note This function will not block.
 *
 * \param[in] engine DMA engine handle.
 * \param[out] con Con.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_DMAGetAllocAddrConstraint(
   vmk_DMAEngine engine,
   vmk_MemPhysAddrConstraint *con);

/**
 * \brief Map one SG element for DMA by an engine's device.
 *
 * \note This function will not block.
 *
 * \param[in] engine DMA engine handle.
 * \param[in] direction Direction.
 * \param[in] in In.
 * \param[in] lastElem Last elem.
 * \param[out] out Out.
 * \param[out] err Err.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_DMA_MAPPING_FAILED Dma mapping failed.
 * \retval VMK_NO_MEMORY Not enough memory.
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
 * \brief Name of a DMA mapping error reason.
 *
 * \note This function will not block.
 *
 * \param[in] reason Reason.
 */
const char *
vmk_DMAMapErrorReasonToString(
   vmk_DMAMapErrorReason reason);

/**
 * \brief Map an SG array for DMA by an engine's device.
 *
 * \note This function will not block.
 *
 * \param[in] engine DMA engine handle.
 * \param[in] direction Direction.
 * \param[in] sgOps Sg ops.
 * \param[in] in In.
 * \param[out] out Out.
 * \param[out] err Err.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_DMA_MAPPING_FAILED Dma mapping failed.
 * \retval VMK_NO_MEMORY Not enough memory.
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
 * \brief Restrict DMA access to machine page ranges.
 *
 * \note This function will not block.
 *
 * \param[in] range Range.
 * \param[in] prot Prot.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_INVALID_ADDRESS The address is not valid.
 * \retval VMK_NO_PERMISSION No permission.
 */
VMK_ReturnStatus
vmk_DMASetProtection(
   vmk_MpnRange *range,
   vmk_DMAProtectionAttr *prot);

/**
 * \brief Undo vmk_DMAMapElem().
 *
 * \note This function will not block.
 *
 * \param[in] engine DMA engine handle.
 * \param[in] direction Direction.
 * \param[in,out] sgElem Sg elem.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_INVALID_ADDRESS The address is not valid.
 */
VMK_ReturnStatus
vmk_DMAUnmapElem(
   vmk_DMAEngine engine,
   vmk_DMADirection direction,
   vmk_SgElem *sgElem);

/**
 * \brief Undo vmk_DMAMapSg().
 *
 * \note This function will not block.
 *
 * \param[in] engine DMA engine handle.
 * \param[in] direction Direction.
 * \param[in] sgOps Sg ops.
 * \param[in] sg Sg.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_INVALID_ADDRESS The address is not valid.
 */
VMK_ReturnStatus
vmk_DMAUnmapSg(
   vmk_DMAEngine engine,
   vmk_DMADirection direction,
   vmk_SgOpsHandle sgOps,
   vmk_SgArray *sg);

/** \} */

#endif /* _VMKAPI_DMA_H_ */
