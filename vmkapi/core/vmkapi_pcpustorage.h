/*
 * core/vmkapi_pcpustorage.h -- per-PCPU storage
 *
 * Storage areas with one instance per simulated PCPU.
 */

#ifndef _VMKAPI_PCPUSTORAGE_H_
#define _VMKAPI_PCPUSTORAGE_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_pcpustorage.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_PCPUStorage PCPU Storage
 * \{
 */

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmk_PCPUStorageHandleInt;

/**
 * \brief A PCPU storage handle that refers to no storage.
 */
#define VMK_PCPU_STORAGE_HANDLE_INVALID ((vmk_PCPUStorageHandle)-1)

/** \brief Callback type: PCPU storage constructor. */
typedef VMK_ReturnStatus (*vmk_PCPUStorageConstructor)(vmk_PCPUID, void *, vmk_ByteCountSmall, vmk_AddrCookie);

/** \brief Callback type: PCPU storage destructor. */
typedef void (*vmk_PCPUStorageDestructor)(vmk_PCPUID, void *, vmk_ByteCountSmall, vmk_AddrCookie);

/** \brief Handle to a PCPU storage handle. */
typedef struct vmk_PCPUStorageHandleInt *vmk_PCPUStorageHandle;

/**
 * \brief Values of PCPU storage type.
 */
typedef enum {
   /** \brief Read. */
   VMK_PCPU_STORAGE_TYPE_READ = 0,
   /** \brief Write local. */
   VMK_PCPU_STORAGE_TYPE_WRITE_LOCAL = 1,
   /** \brief Write remote. */
   VMK_PCPU_STORAGE_TYPE_WRITE_REMOTE = 2,
   /** \brief Max. */
   VMK_PCPU_STORAGE_TYPE_MAX = 3,
} vmk_PCPUStorageType;

/**
 * \brief Properties of a PCPU storage.
 */
typedef struct {
   /** \brief Type. */
   vmk_PCPUStorageType type;
   /** \brief Module ID. */
   vmk_ModuleID moduleID;
   /** \brief Name. */
   vmk_Name name;
   /** \brief Size. */
   vmk_ByteCountSmall size;
   /** \brief Align. */
   vmk_ByteCountSmall align;
   /** \brief Constructor. */
   vmk_PCPUStorageConstructor constructor;
   /** \brief Destructor. */
   vmk_PCPUStorageDestructor destructor;
   /** \brief Arg. */
   vmk_AddrCookie arg;
} vmk_PCPUStorageProps;

/**
 * \brief Create a PCPU storage.
 *
 * \note This function will not block.
 *
 * \param[in] props Properties.
 * \param[out] handle Handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_NO_MEMORY Not enough memory.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_PCPUStorageCreate(
   vmk_PCPUStorageProps *props,
   vmk_PCPUStorageHandle *handle);

/**
 * \brief Destroy a PCPU storage.
 *
 * \note This function will not block.
 *
 * \param[in] handle PCPU storage handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_PCPUStorageDestroy(
   vmk_PCPUStorageHandle handle);

/**
 * \brief Look up the instance of PCPU storage for a PCPU.
 *
 * \note This function will not block.
 *
 * \param[in] pcpu Pcpu.
 * \param[in] handle PCPU storage handle.
 * \param[out] object Object.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
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
 * \param[in] handle PCPU storage handle.
 * \param[in] data Caller data.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_PCPUStorageRelease(
   vmk_PCPUStorageHandle handle,
   void *data);

/** \} */

#endif /* _VMKAPI_PCPUSTORAGE_H_ */
