/*
 * core/vmkapi_worldstorage.h -- per-world storage
 *
 * Storage areas with one instance per world; a handle is an offset into
 * every world's storage area.
 */

#ifndef _VMKAPI_WORLDSTORAGE_H_
#define _VMKAPI_WORLDSTORAGE_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_worldstorage.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_WorldStorage World Storage
 * \{
 */

/**
 * \brief A world storage handle that refers to no storage.
 */
#define VMK_WORLD_STORAGE_HANDLE_INVALID ((vmk_WorldStorageHandle)-1)

/** \brief Callback type: world storage constructor. */
typedef VMK_ReturnStatus (*vmk_WorldStorageConstructor)(vmk_WorldID, void *, vmk_ByteCountSmall, vmk_AddrCookie);

/** \brief Callback type: world storage destructor. */
typedef void (*vmk_WorldStorageDestructor)(vmk_WorldID, void *, vmk_ByteCountSmall, vmk_AddrCookie);

/** \brief World storage handle. */
typedef vmk_uint64 vmk_WorldStorageHandle;

/**
 * \brief Values of world storage type.
 */
typedef enum {
   /** \brief World storage type simple. */
   VMK_WORLD_STORAGE_TYPE_SIMPLE = 0,
} vmk_WorldStorageType;

/**
 * \brief Properties of a world storage.
 */
typedef struct {
   /** \brief Type. */
   vmk_WorldStorageType type;
   /** \brief Module ID. */
   vmk_ModuleID moduleID;
   /** \brief Size. */
   vmk_ByteCountSmall size;
   /** \brief Align. */
   vmk_ByteCountSmall align;
   /** \brief Constructor. */
   vmk_WorldStorageConstructor constructor;
   /** \brief Destructor. */
   vmk_WorldStorageDestructor destructor;
   /** \brief Arg. */
   vmk_AddrCookie arg;
} vmk_WorldStorageProps;

/**
 * \brief Create a world storage.
 *
 * \param[in,out] props Props.
 * \param[in,out] handleOut Handle out.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_WorldStorageCreate(
   vmk_WorldStorageProps *props,
   vmk_WorldStorageHandle *handleOut);

/**
 * \brief Destroy a world storage.
 *
 * \param[in] handle Handle.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_WorldStorageDestroy(
   vmk_WorldStorageHandle handle);

/**
 * \brief Look up another world's instance of world storage, taking a reference.
 *
 * \param[in] worldID World id.
 * \param[in] handle Handle.
 * \param[in,out] data Data.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_WorldStorageLookUp(
   vmk_WorldID worldID,
   vmk_WorldStorageHandle handle,
   void **data);

/**
 * \brief Look up the calling world's instance of world storage.
 *
 * \param[in] handle Handle.
 * \param[in,out] data Data.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_WorldStorageLookUpLocal(
   vmk_WorldStorageHandle handle,
   void **data);

/**
 * \brief Drop the reference taken by vmk_WorldStorageLookUp().
 *
 * \param[in] worldID World id.
 * \param[in,out] data Data.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_WorldStorageRelease(
   vmk_WorldID worldID,
   void **data);

/** \} */

#endif /* _VMKAPI_WORLDSTORAGE_H_ */
