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

/**
 * \brief Prepares one object when the slab first sets up its memory.
 *
 * Arguments: the object, the object size, the constructorArg cookie and a
 * flags word (always 0 in vmkemu). Returning anything but VMK_OK fails the
 * allocation that needed the new memory.
 */
typedef VMK_ReturnStatus (*vmk_SlabItemConstructor)(void *, vmk_ByteCountSmall, vmk_AddrCookie, int);

/**
 * \brief Undoes the constructor on one free object before its memory is
 *        given back.
 *
 * Arguments: the object, the object size and the constructorArg cookie.
 */
typedef void (*vmk_SlabItemDestructor)(void *, vmk_ByteCountSmall, vmk_AddrCookie);

/**
 * \brief Where a slab's memory comes from.
 */
typedef enum vmk_SlabType {
   /** \brief Any kernel memory; no physical constraints. */
   VMK_SLAB_TYPE_SIMPLE = 0,
   /** \brief Memory meeting the constraints in typeSpecific.custom. */
   VMK_SLAB_TYPE_CUSTOM = 1,
   /** \brief Pages charged to the pool in typeSpecific.memPool. */
   VMK_SLAB_TYPE_MEMPOOL = 2,
} vmk_SlabType;

/**
 * \brief Properties for creating a slab.
 */
typedef struct vmk_SlabCreateProps {
   /** \brief Memory source; selects which member of typeSpecific applies. */
   vmk_SlabType type;
   /** \brief Name of the slab, used in statistics and reports. */
   vmk_Name name;
   /** \brief Module that owns the slab. */
   vmk_ModuleID module;
   /** \brief Size of one object in bytes. */
   vmk_ByteCountSmall objSize;
   /** \brief Alignment of every object in bytes (a power of two). */
   vmk_ByteCountSmall alignment;
   /** \brief Run once per object when its memory is set up; may be NULL. */
   vmk_SlabItemConstructor constructor;
   /** \brief Run once per object before its memory is released; may be NULL. */
   vmk_SlabItemDestructor destructor;
   /** \brief Cookie passed to the constructor and the destructor. */
   vmk_AddrCookie constructorArg;
   /**
    * \brief Offset inside an object where the slab may keep its free-list
    *        link while the object is free (vmk_SlabControlSize() bytes);
    *        0 keeps it outside the object, in extra bytes per object.
    */
   vmk_ByteCountSmall ctrlOffset;
   /** \brief Objects allocated at creation and kept for the slab's life. */
   vmk_uint32 minObj;
   /** \brief Most objects allocated at once, or VMK_SLAB_MAX_UNLIMITED. */
   vmk_uint32 maxObj;
   /** \brief Longest wait in milliseconds for the minObj objects' memory. */
   vmk_uint32 creationTimeoutMS;
   /** \brief Settings that depend on type. */
   union {
      /** \brief Settings for VMK_SLAB_TYPE_CUSTOM. */
      struct {
         /** \brief Whether an object's pages must be physically contiguous. */
         vmk_MemPhysContiguity physContiguity;
         /** \brief Physical address range the memory must lie in. */
         vmk_MemPhysAddrConstraint physRange;
      } custom;
      /** \brief Settings for VMK_SLAB_TYPE_MEMPOOL. */
      struct {
         /** \brief Whether an object's pages must be physically contiguous. */
         vmk_MemPhysContiguity physContiguity;
         /** \brief Physical address range the memory must lie in. */
         vmk_MemPhysAddrConstraint physRange;
         /** \brief Memory pool the slab's pages are charged to. */
         vmk_MemPool memPool;
      } memPool;
   } typeSpecific;
} vmk_SlabCreateProps;

/**
 * \brief Properties of an existing slab, as vmk_SlabGetProperties() reports
 *        them.
 */
typedef struct vmk_SlabGetProps {
   /** \brief Name given at creation. */
   vmk_Name name;
   /** \brief Module that owns the slab. */
   vmk_ModuleID module;
   /** \brief Size of one object in bytes. */
   vmk_ByteCountSmall objSize;
   /** \brief Alignment of every object in bytes. */
   vmk_ByteCountSmall alignment;
   /** \brief Constructor given at creation, or NULL. */
   vmk_SlabItemConstructor constructor;
   /** \brief Destructor given at creation, or NULL. */
   vmk_SlabItemDestructor destructor;
   /** \brief Cookie given to the constructor and the destructor. */
   vmk_AddrCookie constructorArg;
   /** \brief Control-data offset given at creation (0: outside the object). */
   vmk_ByteCountSmall ctrlOffset;
   /** \brief Objects kept allocated for the slab's life. */
   vmk_uint32 minObj;
   /** \brief Most objects allocated at once, or VMK_SLAB_MAX_UNLIMITED. */
   vmk_uint32 maxObj;
   /** \brief Contiguity requirement (any contiguity for a simple slab). */
   vmk_MemPhysContiguity physContiguity;
   /** \brief Physical address range (any for a simple slab). */
   vmk_MemPhysAddrConstraint physRange;
   /** \brief Backing memory pool, or VMK_MEMPOOL_INVALID if none was given. */
   vmk_MemPool memPool;
} vmk_SlabGetProps;

/** \brief Handle of a slab cache. */
typedef struct vmk_SlabIDInt *vmk_SlabID;

/**
 * \brief Memory, in pages, that a slab with given properties uses.
 */
typedef struct vmk_SlabMemSize {
   /** \brief Pages held at least (those of the minObj objects). */
   vmk_uint32 minPages;
   /** \brief Pages the slab can grow to (those of maxObj objects). */
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
 * \return Bytes needed at ctrlOffset (or added outside each object when
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
 * \retval VMK_BAD_PARAM props or cache is NULL, the type, contiguity or range
 *     is unknown, the name is not terminated, maxObj is 0 or below minObj,
 *     the alignment is not a power of two up to a page, the object is empty
 *     or too large, the control data does not fit at ctrlOffset, or (memory
 *     pool slabs) memPool is not a live leaf pool.
 * \retval VMK_NO_MEMORY The minObj objects could not be allocated or a
 *     constructor failed for one of them.
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
 *     naming the allocation sites when the audit option is on; the cache is
 *     destroyed anyway and VMK_OK returned. Destroying it twice is a
 *     dead-handle report.
 *
 * \param[in] cache Cache to destroy; every object should have been freed.
 *
 * \retval VMK_OK The cache is gone.
 * \retval VMK_BAD_PARAM cache is VMK_INVALID_SLAB_ID.
 * \retval VMK_INVALID_HANDLE cache is already destroyed or not a slab.
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
 * \retval VMK_BAD_PARAM An argument is NULL or the properties are invalid;
 *     in vmkemu also when maxObj is VMK_SLAB_MAX_UNLIMITED for a slab that is
 *     not a memory-pool slab.
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
 * \retval VMK_NOT_FOUND slab is not a live slab cache.
 * \retval VMK_BAD_PARAM props is NULL.
 */
VMK_ReturnStatus
vmk_SlabGetProperties(
   vmk_SlabID slab,
   vmk_SlabGetProps *props);

/** \} */

#endif /* _VMKAPI_SLAB_H_ */
