/*
 * core/vmkapi_dump.h -- driver data in core dumps
 *
 * Registering callbacks that add a driver's own files (memory ranges and
 * pages) to a core dump when the host crashes or a live dump is taken.
 */

#ifndef _VMKAPI_DUMP_H_
#define _VMKAPI_DUMP_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_dump.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Dump Core Dumps
 *
 * \brief Adding driver state to core dumps.
 *
 * A driver registers a dump file with a callback. When a dump is written,
 * the callback runs and adds memory to its file with vmk_DumpRange() and
 * vmk_DumpMPN(). After a crash the system is stopped: the callback must
 * not block, take locks that may be held, or allocate.
 *
 * \note In vmkemu a test triggers a dump with EmuCtl_DumpRun() and reads
 *       each file back with EmuCtl_DumpFileData(); callbacks run in the
 *       test's thread, in registration order, inside a non-blocking
 *       section for a crash dump.
 * \{
 */

/**
 * \brief Callback that fills a dump file: gets the cookie it was
 *        registered with and whether this is a live dump (the system
 *        still runs) rather than a crash dump.
 */
typedef VMK_ReturnStatus (*vmk_DumpFileCallback)(void *, vmk_Bool);

/** \brief Handle to a registered dump file. */
typedef void *vmk_DumpFileHandle;

/**
 * \brief Register a dump file and the callback that fills it.
 *
 * \note This function may block.
 *
 * \param[in]  moduleID  Module that owns the file.
 * \param[in]  heapID    Heap for the registration record.
 * \param[in]  name      Name of the file inside the dump.
 * \param[in]  callback  Function that adds the file's contents.
 * \param[in]  cookie    Argument for callback.
 * \param[in]  dumpName  Name under which the file is listed (may be
 *                       NULL).
 * \param[out] handle    Receives the dump file handle.
 *
 * \retval VMK_OK              The file is registered.
 * \retval VMK_BAD_PARAM       callback or handle is NULL, or the heap or
 *                             module is not valid.
 * \retval VMK_INVALID_NAME    name is NULL, empty or too long.
 * \retval VMK_NO_MEMORY       The heap could not supply the record.
 * \retval VMK_LIMIT_EXCEEDED  Too many dump files are registered.
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
 * \brief Unregister a dump file.
 *
 * \note This function will not block.
 *
 * \param[in] handle  Handle from vmk_DumpAddFileCallback().
 *
 * \retval VMK_OK         The file is unregistered.
 * \retval VMK_NOT_FOUND  handle is not a registered dump file.
 * \retval VMK_BUSY       The file's callback is running.
 */
VMK_ReturnStatus
vmk_DumpDeleteFileCallback(
   vmk_DumpFileHandle handle);

/**
 * \brief From a dump callback, add one machine page to the file being
 *        written.
 *
 * \note This function will not block.
 *
 * \param[in] handle  The file whose callback is running.
 * \param[in] mpn     Machine page to add.
 *
 * \retval VMK_OK              The page is added.
 * \retval VMK_BAD_PARAM       Not called from this file's callback (vmkemu
 *                             reports it), or mpn is not machine memory.
 * \retval VMK_LIMIT_EXCEEDED  The file is full.
 * \retval VMK_FAILURE         The dump could not take more data.
 */
VMK_ReturnStatus
vmk_DumpMPN(
   vmk_DumpFileHandle handle,
   vmk_MPN mpn);

/**
 * \brief From a dump callback, add a range of kernel virtual memory to
 *        the file being written.
 *
 * \note This function will not block.
 *
 * \param[in] handle  The file whose callback is running.
 * \param[in] va      Start of the range; 0 adds zeros (at most a page).
 * \param[in] size    Length of the range in bytes.
 *
 * \retval VMK_OK              The range is added.
 * \retval VMK_BAD_PARAM       Not called from this file's callback.
 * \retval VMK_LIMIT_EXCEEDED  The file is full, or more than a page of
 *                             zeros was asked for.
 * \retval VMK_FAILURE         The dump could not take more data.
 */
VMK_ReturnStatus
vmk_DumpRange(
   vmk_DumpFileHandle handle,
   vmk_VA va,
   vmk_uint32 size);

/** \} */

#endif /* _VMKAPI_DUMP_H_ */
