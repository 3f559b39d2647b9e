/*
 * base/vmkapi_slab.h -- slab caches
 *
 * Object caches. Constructors run once per object when a cluster is carved,
 * destructors once per object before the cluster is returned; a freed object
 * keeps its constructed state.
 */

#ifndef _VMKAPI_SLAB_H_
#define _VMKAPI_SLAB_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_slab.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Slab Slab Allocator
 * \{
 */

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmk_SlabIDInt;

/**
 * \brief A slab ID that refers to no slab.
 */
#define VMK_INVALID_SLAB_ID ((vmk_SlabID)NULL)

/**
 * \brief maxObj value meaning "no limit".
 */
#define VMK_SLAB_MAX_UNLIMITED ((vmk_ByteCountSmall)-1)

/** \brief Callback type: slab item constructor. */
typedef VMK_ReturnStatus (*vmk_SlabItemConstructor)(void *, vmk_ByteCountSmall, vmk_AddrCookie, int);

/** \brief Callback type: slab item destructor. */
typedef void (*vmk_SlabItemDestructor)(void *, vmk_ByteCountSmall, vmk_AddrCookie);

/**
 * \brief Values of slab type.
 */
typedef enum vmk_SlabType {
   /** \brief Simple. */
   VMK_SLAB_TYPE_SIMPLE = 0,
   /** \brief Custom. */
   VMK_SLAB_TYPE_CUSTOM = 1,
   /** \brief Mempool. */
   VMK_SLAB_TYPE_MEMPOOL = 2,
} vmk_SlabType;

/**
 * \brief Properties for creating a slab.
 */
typedef struct vmk_SlabCreateProps {
   /** \brief Type. */
   vmk_SlabType type;
   /** \brief Name. */
   vmk_Name name;
   /** \brief Module. */
   vmk_ModuleID module;
   /** \brief Obj size. */
   vmk_ByteCountSmall objSize;
   /** \brief Alignment. */
   vmk_ByteCountSmall alignment;
   /** \brief Constructor. */
   vmk_SlabItemConstructor constructor;
   /** \brief Destructor. */
   vmk_SlabItemDestructor destructor;
   /** \brief Constructor arg. */
   vmk_AddrCookie constructorArg;
   /** \brief Ctrl offset. */
   vmk_ByteCountSmall ctrlOffset;
   /** \brief Min obj. */
   vmk_uint32 minObj;
   /** \brief Max obj. */
   vmk_uint32 maxObj;
   /** \brief Creation timeout MS. */
   vmk_uint32 creationTimeoutMS;
   /** \brief Type specific. */
   union {
      /** \brief Custom. */
      struct {
         /** \brief Phys contiguity. */
         vmk_MemPhysContiguity physContiguity;
         /** \brief Phys range. */
         vmk_MemPhysAddrConstraint physRange;
      } custom;
      /** \brief Mem pool. */
      struct {
         /** \brief Phys contiguity. */
         vmk_MemPhysContiguity physContiguity;
         /** \brief Phys range. */
         vmk_MemPhysAddrConstraint physRange;
         /** \brief Mem pool. */
         vmk_MemPool memPool;
      } memPool;
   } typeSpecific;
} vmk_SlabCreateProps;

/**
 * \brief Properties reported for a slab.
 */
typedef struct vmk_SlabGetProps {
   /** \brief Name. */
   vmk_Name name;
   /** \brief Module. */
   vmk_ModuleID module;
   /** \brief Obj size. */
   vmk_ByteCountSmall objSize;
   /** \brief Alignment. */
   vmk_ByteCountSmall alignment;
   /** \brief Constructor. */
   vmk_SlabItemConstructor constructor;
   /** \brief Destructor. */
   vmk_SlabItemDestructor destructor;
   /** \brief Constructor arg. */
   vmk_AddrCookie constructorArg;
   /** \brief Ctrl offset. */
   vmk_ByteCountSmall ctrlOffset;
   /** \brief Min obj. */
   vmk_uint32 minObj;
   /** \brief Max obj. */
   vmk_uint32 maxObj;
   /** \brief Phys contiguity. */
   vmk_MemPhysContiguity physContiguity;
   /** \brief Phys range. */
   vmk_MemPhysAddrConstraint physRange;
   /** \brief Mem pool. */
   vmk_MemPool memPool;
} vmk_SlabGetProps;

/** \brief Handle to a slab ID. */
typedef struct vmk_SlabIDInt *vmk_SlabID;

/**
 * \brief Description of a slab mem size.
 */
typedef struct vmk_SlabMemSize {
   /** \brief Min pages. */
   vmk_uint32 minPages;
   /** \brief Max pages. */
   vmk_uint32 maxPages;
} vmk_SlabMemSize;

/**
 * \brief Allocate an object from a slab cache without blocking.
 *
 * \param[in] slab Slab.
 */
void *
vmk_SlabAlloc(
   vmk_SlabID slab);

/**
 * \brief Allocate an object, waiting up to a timeout for a free one.
 *
 * \param[in] slab Slab.
 * \param[in] uint32 Uint 32.
 */
void *
vmk_SlabAllocWithTimeout(
   vmk_SlabID slab,
   vmk_uint32 uint32);

/**
 * \brief Size of the control area a slab keeps inside or after each free object.
 */
vmk_ByteCountSmall
vmk_SlabControlSize(void);

/**
 * \brief Create a slab cache.
 *
 * \param[in,out] props Props.
 * \param[in,out] slabOut Slab out.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SlabCreate(
   vmk_SlabCreateProps *props,
   vmk_SlabID *slabOut);

/**
 * \brief Destroy a slab cache.
 *
 * \param[in] slab Slab.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SlabDestroy(
   vmk_SlabID slab);

/**
 * \brief Return an object to the slab cache it came from.
 *
 * \param[in] slab Slab.
 * \param[in] data Data.
 */
void
vmk_SlabFree(
   vmk_SlabID slab,
   void *data);

/**
 * \brief Largest object size a slab supports for a given alignment.
 *
 * \param[in] alignment Alignment.
 */
vmk_ByteCountSmall
vmk_SlabGetMaxObjectSize(
   vmk_ByteCountSmall alignment);

/**
 * \brief Pages a slab with these properties needs at minimum and maximum.
 *
 * \param[in,out] props Props.
 * \param[in,out] slabMemSize Slab mem size.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SlabGetMemSize(
   vmk_SlabCreateProps *props,
   vmk_SlabMemSize *slabMemSize);

/**
 * \brief Get the properties of a slab cache.
 *
 * \param[in] slab Slab.
 * \param[in,out] props Props.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_SlabGetProperties(
   vmk_SlabID slab,
   vmk_SlabGetProps *props);

/** \} */

#endif /* _VMKAPI_SLAB_H_ */
