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

/**
 * \brief Initializes one world's instance of a world storage.
 *
 * Arguments: the world, its instance, the instance size and the arg cookie.
 * A status other than VMK_OK fails the create (or the world's creation).
 */
typedef VMK_ReturnStatus (*vmk_WorldStorageConstructor)(vmk_WorldID, void *, vmk_ByteCountSmall, vmk_AddrCookie);

/**
 * \brief Cleans up one world's instance of a world storage before it goes.
 *
 * Arguments: the world, its instance, the instance size and the arg cookie.
 */
typedef void (*vmk_WorldStorageDestructor)(vmk_WorldID, void *, vmk_ByteCountSmall, vmk_AddrCookie);

/** \brief Handle of a world storage; the same in every world. */
typedef vmk_uint64 vmk_WorldStorageHandle;

/**
 * \brief Kinds of world storage.
 */
typedef enum {
   /** \brief Zero-filled storage of a fixed size in every world. */
   VMK_WORLD_STORAGE_TYPE_SIMPLE = 0,
} vmk_WorldStorageType;

/**
 * \brief Properties for creating a world storage.
 */
typedef struct {
   /** \brief Kind of storage (only VMK_WORLD_STORAGE_TYPE_SIMPLE exists). */
   vmk_WorldStorageType type;
   /** \brief Module that owns the storage. */
   vmk_ModuleID moduleID;
   /** \brief Bytes of storage per world (not 0). */
   vmk_ByteCountSmall size;
   /** \brief Alignment of each instance in bytes (0 or a power of two). */
   vmk_ByteCountSmall align;
   /** \brief Run for each world's instance after it is zero-filled; may be
    *        NULL. */
   vmk_WorldStorageConstructor constructor;
   /** \brief Run for each world's instance before it goes; may be NULL. */
   vmk_WorldStorageDestructor destructor;
   /** \brief Cookie passed to the constructor and the destructor. */
   vmk_AddrCookie arg;
} vmk_WorldStorageProps;

/**
 * \brief Create a per-world storage area of a fixed size in every world.
 *
 * \note This function may block.
 * \note The constructor runs for every live world at create and for each world
 *     created later.
 * \note vmkemu gives each world a storage area of 16 KiB, which bounds the
 *     total size of all world storages.
 *
 * \param[in] props Type, module, size, alignment and optional
 *     constructor/destructor with their cookie.
 * \param[out] handle Where the handle of the new storage is stored.
 *
 * \retval VMK_OK The storage exists in every live world and *handle is set.
 * \retval VMK_BAD_PARAM An argument is NULL, the type is unknown, the size is
 *     zero or larger than a world's storage area, or the alignment is not a
 *     power of two up to 4096.
 * \retval VMK_NO_MEMORY Not enough room left in the worlds' storage areas.
 *
 * \return When the constructor fails in some world, the status it returned;
 *     the storage is then not created.
 */
VMK_ReturnStatus
vmk_WorldStorageCreate(
   vmk_WorldStorageProps *props,
   vmk_WorldStorageHandle *handle);

/**
 * \brief Destroy a per-world storage, running its destructor in every world.
 *
 * \note This function may block.
 * \note Waits until every reference taken with vmk_WorldStorageLookUp() is
 *     released.
 *
 * \param[in] handle Storage to destroy.
 *
 * \retval VMK_OK The storage is gone.
 * \retval VMK_BAD_PARAM handle is invalid.
 * \retval VMK_BUSY The calling world itself still holds a reference taken
 *         with vmk_WorldStorageLookUp(), so waiting could never end; the
 *         storage is kept.
 * \note vmkemu raises a BUSY_DESTROY report in that case; ESXi would hang.
 */
VMK_ReturnStatus
vmk_WorldStorageDestroy(
   vmk_WorldStorageHandle handle);

/**
 * \brief Find a world's instance of a per-world storage and hold it.
 *
 * \note This function will not block.
 * \note The reference keeps the other world's storage alive until it is
 *     released.
 *
 * \param[in] wid World whose instance is wanted.
 * \param[in] handle Storage handle.
 * \param[out] object Receives the address of that world's instance.
 *
 * \retval VMK_OK *object is set; release it with vmk_WorldStorageRelease().
 * \retval VMK_BAD_PARAM handle or object is invalid.
 * \retval VMK_NOT_FOUND No live world has that ID.
 */
VMK_ReturnStatus
vmk_WorldStorageLookUp(
   vmk_WorldID wid,
   vmk_WorldStorageHandle handle,
   void **object);

/**
 * \brief Find the calling world's instance of a per-world storage.
 *
 * \note This function will not block.
 *
 * \param[in] handle Storage handle.
 * \param[out] object Receives the address of the instance.
 *
 * \retval VMK_OK *object is set; no release is needed.
 * \retval VMK_BAD_PARAM handle or object is invalid.
 */
VMK_ReturnStatus
vmk_WorldStorageLookUpLocal(
   vmk_WorldStorageHandle handle,
   void **object);

/**
 * \brief Drop a reference taken by vmk_WorldStorageLookUp().
 *
 * \note This function will not block.
 *
 * \param[in] worldID World passed to the lookup.
 * \param[in,out] data Address of the pointer the lookup set; it is cleared.
 *
 * \retval VMK_OK The reference is dropped.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_WorldStorageRelease(
   vmk_WorldID worldID,
   void **data);

/** \} */

#endif /* _VMKAPI_WORLDSTORAGE_H_ */
