/*
 * core/vmkapi_pcpustorage.h -- per-PCPU storage
 *
 * Storage areas with one private instance per physical CPU, so hot data
 * (counters, caches) can be updated without sharing cache lines.
 */

#ifndef _VMKAPI_PCPUSTORAGE_H_
#define _VMKAPI_PCPUSTORAGE_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_pcpustorage.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_PCPUStorage PCPU Storage
 *
 * \brief One instance of a driver-defined structure per physical CPU.
 *
 * vmk_PCPUStorageCreate() allocates an instance for each PCPU and runs the
 * constructor on each. vmk_PCPUStorageLookUp() gives the instance of a
 * PCPU and takes a reference, which vmk_PCPUStorageRelease() drops; a
 * storage area can only be destroyed when no lookups are outstanding. The
 * instances are not locked: a driver that touches another PCPU's instance,
 * or may be preempted while using its own, must synchronise itself.
 *
 * \note vmkemu simulates the PCPUs (EmuCtl_Init chooses how many, by
 *       default the host's count); every world is pinned to one of them.
 *       The storage type changes nothing in vmkemu.
 * \{
 */

/** \brief Private structure behind a vmk_PCPUStorageHandle. */
struct vmk_PCPUStorageHandleInt;

/**
 * \brief A vmk_PCPUStorageHandle value that refers to no storage area.
 */
#define VMK_PCPU_STORAGE_HANDLE_INVALID ((vmk_PCPUStorageHandle)-1)

/**
 * \brief Callback that initialises the instance of one PCPU: called with
 *        the PCPU, the zero-filled instance, its size and the props' arg.
 *
 * Returning anything but VMK_OK makes vmk_PCPUStorageCreate() fail, after
 * the instances already constructed have been destroyed. Must not block.
 */
typedef VMK_ReturnStatus (*vmk_PCPUStorageConstructor)(vmk_PCPUID, void *, vmk_ByteCountSmall, vmk_AddrCookie);

/**
 * \brief Callback that cleans up the instance of one PCPU when the area is
 *        destroyed; same arguments as the constructor. Must not block.
 */
typedef void (*vmk_PCPUStorageDestructor)(vmk_PCPUID, void *, vmk_ByteCountSmall, vmk_AddrCookie);

/** \brief Handle to a per-PCPU storage area. */
typedef struct vmk_PCPUStorageHandleInt *vmk_PCPUStorageHandle;

/**
 * \brief Expected access pattern of a storage area; lets ESXi place the
 *        instances for the best cache behaviour.
 */
typedef enum {
   /** \brief Mostly read, rarely written. */
   VMK_PCPU_STORAGE_TYPE_READ = 0,
   /** \brief Written often, and only by the PCPU that owns the instance. */
   VMK_PCPU_STORAGE_TYPE_WRITE_LOCAL = 1,
   /** \brief Written often, also by other PCPUs. */
   VMK_PCPU_STORAGE_TYPE_WRITE_REMOTE = 2,
   /** \brief Number of storage types; not a valid type. */
   VMK_PCPU_STORAGE_TYPE_MAX = 3,
} vmk_PCPUStorageType;

/**
 * \brief How vmk_PCPUStorageCreate() should build a storage area.
 */
typedef struct {
   /** \brief Expected access pattern. */
   vmk_PCPUStorageType type;
   /** \brief Module that owns the storage. */
   vmk_ModuleID moduleID;
   /** \brief Name of the storage area, for debugging. */
   vmk_Name name;
   /** \brief Size of one instance in bytes; must not be 0. */
   vmk_ByteCountSmall size;
   /** \brief Alignment of each instance in bytes (a power of two, or 0). */
   vmk_ByteCountSmall align;
   /** \brief Run on each instance at creation, or NULL. */
   vmk_PCPUStorageConstructor constructor;
   /** \brief Run on each instance at destruction, or NULL. */
   vmk_PCPUStorageDestructor destructor;
   /** \brief Argument passed to constructor and destructor. */
   vmk_AddrCookie arg;
} vmk_PCPUStorageProps;

/**
 * \brief Create a storage area with one instance per PCPU.
 *
 * \note This function may block.
 *
 * \param[in]  props   Type, size, alignment, name and callbacks.
 * \param[out] handle  Receives the handle of the new storage area.
 *
 * \retval VMK_OK         The area exists and every instance is
 *                        constructed.
 * \retval VMK_BAD_PARAM  props or handle is NULL, size is 0 or the type is
 *                        not valid.
 * \retval VMK_NO_MEMORY  The instances could not be allocated.
 * \retval VMK_FAILURE    The constructor failed for some PCPU.
 */
VMK_ReturnStatus
vmk_PCPUStorageCreate(
   vmk_PCPUStorageProps *props,
   vmk_PCPUStorageHandle *handle);

/**
 * \brief Run the destructor on every instance and free a storage area.
 *
 * \note This function may block.
 *
 * \param[in] handle  Storage area to destroy.
 *
 * \retval VMK_OK         The area is gone.
 * \retval VMK_BAD_PARAM  handle is not a live storage area.
 * \retval VMK_BUSY       Lookups are still outstanding (not released).
 */
VMK_ReturnStatus
vmk_PCPUStorageDestroy(
   vmk_PCPUStorageHandle handle);

/**
 * \brief Get the instance that belongs to a PCPU, taking a reference on
 *        the storage area.
 *
 * Pair every successful lookup with vmk_PCPUStorageRelease().
 *
 * \note This function will not block.
 *
 * \param[in]  pcpu    PCPU whose instance is wanted, usually the current
 *                     one.
 * \param[in]  handle  Storage area.
 * \param[out] object  Receives the address of the instance.
 *
 * \retval VMK_OK         *object is set.
 * \retval VMK_BAD_PARAM  object is NULL, handle is not a live storage
 *                        area, or pcpu does not exist.
 */
VMK_ReturnStatus
vmk_PCPUStorageLookUp(
   vmk_PCPUID pcpu,
   vmk_PCPUStorageHandle handle,
   void **object);

/**
 * \brief Drop the reference taken by vmk_PCPUStorageLookUp().
 *
 * \note This function will not block.
 *
 * \param[in] handle  Storage area the instance came from.
 * \param[in] data    Instance address that vmk_PCPUStorageLookUp() gave.
 *
 * \retval VMK_OK         The reference is dropped.
 * \retval VMK_BAD_PARAM  data is NULL or not an instance of this area,
 *                        handle is not a live storage area, or no lookup
 *                        is outstanding.
 */
VMK_ReturnStatus
vmk_PCPUStorageRelease(
   vmk_PCPUStorageHandle handle,
   void *data);

/** \} */

#endif /* _VMKAPI_PCPUSTORAGE_H_ */
