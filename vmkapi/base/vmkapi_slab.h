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
 * \brief Take one object from a slab cache without waiting.
 *
 * \note This function will not block.
 *
 * \param[in] cache Cache to allocate from.
 *
 * \return A constructed object, or NULL when maxObj objects are outstanding or
 *     memory ran out.
 */
void *
vmk_SlabAlloc(
   vmk_SlabID cache);

/**
 * \brief Take one object from a slab cache, waiting for a free one if needed.
 *
 * \note This function may block, unless timeoutMS is VMK_TIMEOUT_NONBLOCKING.
 *
 * \param[in] cache Cache to allocate from.
 * \param[in] timeoutMS Longest wait in milliseconds: VMK_TIMEOUT_NONBLOCKING
 *     fails at once, VMK_TIMEOUT_UNLIMITED_MS waits for ever.
 *
 * \return A constructed object, or NULL when none became free in time.
 */
void *
vmk_SlabAllocWithTimeout(
   vmk_SlabID cache,
   vmk_uint32 timeoutMS);

/**
 * \brief Size of the free-list link a slab keeps in each free object.
 *
 * \note This function will not block.
 *
 * \return Bytes needed at ctrlOffset (or past the end of the object when
 *     ctrlOffset is not set).
 */
vmk_ByteCountSmall
vmk_SlabControlSize(void);

/**
 * \brief Create a slab cache of fixed-size objects.
 *
 * \note This function may block while it allocates the minObj objects; with
 *     creationTimeoutMS set to VMK_TIMEOUT_NONBLOCKING it will not block.
 * \note vmkemu runs the constructor once per object when its cluster is carved
 *     from memory and the destructor once just before the cluster is released,
 *     as ESXi does; physical contiguity of custom and memory-pool slabs is
 *     simulated.
 *
 * \param[in] props Object size, alignment, constructor/destructor, control
 *     offset, minObj/maxObj and the memory source (simple, custom or memory
 *     pool).
 * \param[out] cache Where the handle of the new cache is stored.
 *
 * \retval VMK_OK The cache exists and *cache is set.
 * \retval VMK_BAD_PARAM props or cache is NULL, the type is unknown, minObj >
 *     maxObj, the alignment is not a power of two or the object is too large.
 * \retval VMK_NO_MEMORY The minObj objects could not be allocated.
 * \retval VMK_TIMEOUT creationTimeoutMS passed before the minObj objects were
 *     allocated.
 */
VMK_ReturnStatus
vmk_SlabCreate(
   vmk_SlabCreateProps *props,
   vmk_SlabID *cache);

/**
 * \brief Destroy a slab cache and give its memory back.
 *
 * \note This function may block.
 * \note Destroying a cache with live objects is reported as a leak by vmkemu,
 *     naming the allocation sites when the audit option is on.
 *
 * \param[in] cache Cache to destroy; every object must have been freed.
 *
 * \retval VMK_OK The cache is gone.
 * \retval VMK_BAD_PARAM cache is NULL.
 * \retval VMK_BUSY Objects are still allocated from the cache.
 */
VMK_ReturnStatus
vmk_SlabDestroy(
   vmk_SlabID cache);

/**
 * \brief Give an object back to the slab cache it came from.
 *
 * \note This function will not block.
 * \note Freeing to the wrong cache or freeing twice is reported by vmkemu (ESXi
 *     may corrupt the cache).
 *
 * \param[in] cache Cache the object was allocated from.
 * \param[in] object Object to free; it keeps its constructed state.
 */
void
vmk_SlabFree(
   vmk_SlabID cache,
   void *object);

/**
 * \brief Largest object a slab cache can hold at a given alignment.
 *
 * \note This function will not block.
 *
 * \param[in] alignment Object alignment in bytes (a power of two).
 *
 * \return The largest objSize vmk_SlabCreate() accepts with that alignment.
 */
vmk_ByteCountSmall
vmk_SlabGetMaxObjectSize(
   vmk_ByteCountSmall alignment);

/**
 * \brief Memory a slab with the given properties would need.
 *
 * \note This function will not block.
 *
 * \param[in] props Properties as they would be passed to vmk_SlabCreate().
 * \param[out] size Receives the minimum and maximum number of pages.
 *
 * \retval VMK_OK *size is filled in.
 * \retval VMK_BAD_PARAM The properties are invalid or an argument is NULL.
 */
VMK_ReturnStatus
vmk_SlabGetMemSize(
   vmk_SlabCreateProps *props,
   vmk_SlabMemSize *size);

/**
 * \brief Report the properties a slab cache was created with.
 *
 * \note This function will not block.
 *
 * \param[in] slab Cache to query.
 * \param[out] props Receives the properties.
 *
 * \retval VMK_OK *props is filled in.
 * \retval VMK_BAD_PARAM slab or props is NULL.
 */
VMK_ReturnStatus
vmk_SlabGetProperties(
   vmk_SlabID slab,
   vmk_SlabGetProps *props);

/** \} */

#endif /* _VMKAPI_SLAB_H_ */
