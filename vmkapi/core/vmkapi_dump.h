/*
 * core/vmkapi_dump.h -- core dump callbacks
 *
 * Callbacks that add driver data to a core dump. vmkemu writes dump data to
 * a file.
 */

#ifndef _VMKAPI_DUMP_H_
#define _VMKAPI_DUMP_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_dump.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Dump Core Dumps
 * \{
 */

/** \brief Callback type: dump file callback. */
typedef VMK_ReturnStatus (*vmk_DumpFileCallback)(void *, vmk_Bool);

/** \brief Dump file handle. */
typedef void *vmk_DumpFileHandle;

/**
 * \brief Dump: add file callback.
 *
 * \note This function may block.
 *
 * \param[in] moduleID Module ID.
 * \param[in] heapID Heap handle.
 * \param[in] name Name.
 * \param[in] callback Callback.
 * \param[in] cookie Cookie.
 * \param[in] dumpName Dump name.
 * \param[in,out] handle Handle.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_DumpAddFileCallback(
   vmk_ModuleID moduleID,
   vmk_HeapID heapID,
   const char *name,
   vmk_DumpFileCallback callback,
   void *cookie,
   char *dumpName,
   vmk_DumpFileHandle *handle);

/**
 * \brief Dump: delete file callback.
 *
 * \note This function will not block.
 *
 * \param[in] handle Handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_NOT_FOUND No such object.
 */
VMK_ReturnStatus
vmk_DumpDeleteFileCallback(
   vmk_DumpFileHandle handle);

/**
 * \brief Add a machine page to the dump being written.
 *
 * \note This function will not block.
 *
 * \param[in] handle Handle.
 * \param[in] mpn Mpn.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_DumpMPN(
   vmk_DumpFileHandle handle,
   vmk_MPN mpn);

/**
 * \brief Add a virtual range to the dump being written.
 *
 * \note This function will not block.
 *
 * \param[in] handle Handle.
 * \param[in] va Va.
 * \param[in] size Size in bytes.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_DumpRange(
   vmk_DumpFileHandle handle,
   vmk_VA va,
   vmk_uint32 size);

/** \} */

#endif /* _VMKAPI_DUMP_H_ */
