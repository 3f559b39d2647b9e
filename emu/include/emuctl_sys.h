/*
 * emuctl_sys.h -- emulator control for the runtime services a user process
 * or the host drives: simulated user memory, character-device files, the
 * management channel, core dumps, VOBs and service-time accounts.
 *
 * Included by emuctl.h; never include it on its own.
 */
#ifndef EMUCTL_SYS_H
#define EMUCTL_SYS_H

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \defgroup EmuCtl_Sys Emulator control: user processes and host services
 * \{
 */

/* ---------------------------------------------------------------------- */
/* Simulated user memory                                                   */
/* ---------------------------------------------------------------------- */

/**
 * \brief Give the simulated user process a buffer of len bytes.
 *
 * The returned user address is not a host pointer: only vmk_CopyFromUser,
 * vmk_CopyToUser and EmuCtl_UserRead/EmuCtl_UserWrite reach its bytes,
 * which start as zero.
 * \note May block.
 * \param[in]  len      Bytes (rounded up to pages); not 0.
 * \param[out] userAddr User virtual address of the buffer.
 * \retval VMK_OK         Created.
 * \retval VMK_BAD_PARAM  len is 0 or userAddr is NULL.
 * \retval VMK_NO_MEMORY  Machine memory ran out.
 */
VMK_ReturnStatus EmuCtl_UserBufferCreate(vmk_ByteCount len, vmk_VA *userAddr);

/**
 * \brief Free a buffer made by EmuCtl_UserBufferCreate().
 * \note May block.
 * \param[in] userAddr  The address EmuCtl_UserBufferCreate() returned.
 * \retval VMK_OK         Freed.
 * \retval VMK_NOT_FOUND  No buffer starts there.
 */
VMK_ReturnStatus EmuCtl_UserBufferDestroy(vmk_VA userAddr);

/**
 * \brief Write bytes into user memory as the user process would.
 *
 * Works on buffers and on vmk_UserMap mappings alike; a page whose fault
 * notification is armed (vmk_UserMapEnableNotify) runs the mapping's fault
 * callbacks first.
 * \note May block.
 * \param[in] userAddr  User address.
 * \param[in] src       Bytes to write.
 * \param[in] len       Count.
 * \retval VMK_OK               Written.
 * \retval VMK_INVALID_ADDRESS  Part of the range is not live user memory.
 * \retval VMK_BAD_PARAM        src is NULL with len not 0.
 * \retval VMK_NO_MEMORY        A page could not be given backing.
 */
VMK_ReturnStatus EmuCtl_UserWrite(vmk_VA userAddr, const void *src,
                                  vmk_ByteCount len);

/**
 * \brief Read bytes from user memory as the user process would.
 * \note May block.
 * \param[in]  userAddr  User address.
 * \param[out] dst       Receives the bytes.
 * \param[in]  len       Count.
 * \retval VMK_OK               Read.
 * \retval VMK_INVALID_ADDRESS  Part of the range is not live user memory.
 * \retval VMK_BAD_PARAM        dst is NULL with len not 0.
 * \retval VMK_NO_MEMORY        A page could not be given backing.
 */
VMK_ReturnStatus EmuCtl_UserRead(vmk_VA userAddr, void *dst,
                                 vmk_ByteCount len);

/**
 * \brief The machine page behind a user address now, without faulting.
 * \note Will not block.
 * \param[in]  userAddr  User address.
 * \param[out] mpn       Its machine page.
 * \retval VMK_OK               Found.
 * \retval VMK_INVALID_ADDRESS  Not live user memory.
 * \retval VMK_NOT_FOUND        Live, but no page is behind it yet.
 */
VMK_ReturnStatus EmuCtl_UserTranslate(vmk_VA userAddr, vmk_MPN *mpn);

/** \brief The world ID that stands for the simulated user process (cartel). \note Will not block. */
vmk_WorldID EmuCtl_UserCartelID(void);

/* ---------------------------------------------------------------------- */
/* Character-device files                                                  */
/* ---------------------------------------------------------------------- */

/** \brief An open file on a character device, as a user process holds it. */
typedef struct EmuCtl_CharFileInt *EmuCtl_CharFile;

/**
 * \brief Open a registered character device by name, like open(2).
 *
 * Runs the driver's open callback; on success the owning module is held
 * until the file is closed.
 * \note May block.
 * \param[in]  name       Device name given to vmk_CharDevRegister (or the alias).
 * \param[in]  openFlags  VMK_CHARDEV_OFLAG_* bits.
 * \param[out] file       The open file.
 * \retval VMK_OK         Opened.
 * \retval VMK_NOT_FOUND  No such device, or it is being unregistered.
 * \retval VMK_BAD_PARAM  name or file is NULL.
 * \retval VMK_NO_MEMORY  Out of memory.
 * \retval VMK_FAILURE    The driver's open failed (its status is logged).
 */
VMK_ReturnStatus EmuCtl_CharDevOpen(const char *name, vmk_uint32 openFlags,
                                    EmuCtl_CharFile *file);

/**
 * \brief Read into user memory, like read(2).
 * \note May block.
 * \param[in]  file      Open file.
 * \param[in]  userBuf   User address (EmuCtl_UserBufferCreate) to fill.
 * \param[in]  nbytes    Bytes asked for.
 * \param[out] nread     Bytes the driver says it read; may be NULL.
 * \retval VMK_OK             The driver's read succeeded.
 * \retval VMK_BAD_PARAM      file is not open.
 * \retval VMK_NO_PERMISSION  The file was opened write-only.
 * \retval VMK_NOT_SUPPORTED  The device has no read operation.
 */
VMK_ReturnStatus EmuCtl_CharDevRead(EmuCtl_CharFile file, vmk_VA userBuf,
                                    vmk_ByteCount nbytes,
                                    vmk_ByteCountSigned *nread);

/**
 * \brief Write from user memory, like write(2).
 * \note May block.
 * \param[in]  file      Open file.
 * \param[in]  userBuf   User address holding the bytes.
 * \param[in]  nbytes    Bytes to write.
 * \param[out] nwritten  Bytes the driver says it wrote; may be NULL.
 * \retval VMK_OK             The driver's write succeeded.
 * \retval VMK_BAD_PARAM      file is not open.
 * \retval VMK_NO_PERMISSION  The file was opened read-only.
 * \retval VMK_NOT_SUPPORTED  The device has no write operation.
 */
VMK_ReturnStatus EmuCtl_CharDevWrite(EmuCtl_CharFile file, vmk_VA userBuf,
                                     vmk_ByteCount nbytes,
                                     vmk_ByteCountSigned *nwritten);

/**
 * \brief Issue an ioctl, like ioctl(2) from a 64-bit process.
 * \note May block.
 * \param[in]  file      Open file.
 * \param[in]  cmd       Command code.
 * \param[in]  userData  Argument, usually a user address.
 * \param[out] result    The driver's result for the process; may be NULL.
 * \retval VMK_OK             The driver's ioctl succeeded.
 * \retval VMK_BAD_PARAM      file is not open.
 * \retval VMK_NOT_SUPPORTED  The device has no ioctl operation.
 */
VMK_ReturnStatus EmuCtl_CharDevIoctl(EmuCtl_CharFile file, unsigned int cmd,
                                     vmk_uintptr_t userData,
                                     vmk_int32 *result);

/**
 * \brief Wait for events on a file, like poll(2) on one descriptor.
 *
 * Calls the driver's poll; while none of the events asked for (nor a
 * hang-up or invalid bit) is ready, sleeps until the driver calls
 * vmk_CharDevWakePollers with the token it set, then polls again.
 * \note May block.
 * \param[in]  file       Open file.
 * \param[in]  events     vmk_PollEvent bits wanted.
 * \param[in]  timeoutMS  0: do not wait; VMK_TIMEOUT_UNLIMITED_MS: no limit.
 * \param[out] revents    The mask the driver reported last.
 * \retval VMK_OK         An event asked for is ready (or timeoutMS is 0).
 * \retval VMK_TIMEOUT    Nothing became ready in time.
 * \retval VMK_BAD_PARAM  file is not open or revents is NULL.
 */
VMK_ReturnStatus EmuCtl_CharDevPoll(EmuCtl_CharFile file, vmk_uint32 events,
                                    vmk_uint32 timeoutMS,
                                    vmk_uint32 *revents);

/**
 * \brief Close a file, like close(2): the driver's close runs.
 * \note May block.
 * \param[in] file  Open file.
 * \retval VMK_OK         Closed (and the driver's close succeeded).
 * \retval VMK_BAD_PARAM  file is not open.
 * \retval VMK_FAILURE    Closed, but the driver's close failed.
 */
VMK_ReturnStatus EmuCtl_CharDevClose(EmuCtl_CharFile file);

/**
 * \brief Attach a driver's character-device registration data, as the
 *        device layer does when a logical char device is registered.
 *
 * Creates the device (named alias, or "chardevN" without one) and calls
 * the driver's associate callback with the new handle.
 * \note May block.
 * \param[in]  regData  The driver's vmk_CharDevRegData.
 * \param[in]  alias    Alias to give the device, or NULL for none.
 * \param[out] handle   The character-device handle.
 * \retval VMK_OK         Associated.
 * \retval VMK_BAD_PARAM  regData, its ops or handle is invalid.
 * \retval VMK_EXISTS     A device with that name exists.
 * \retval VMK_NO_MEMORY  Out of memory.
 * \retval VMK_FAILURE    The driver's associate callback failed.
 */
VMK_ReturnStatus EmuCtl_CharDevAssociate(const vmk_CharDevRegData *regData,
                                         const char *alias,
                                         vmk_CharDevHandle *handle);

/**
 * \brief Undo EmuCtl_CharDevAssociate: the driver's disassociate runs.
 * \note May block.
 * \param[in] handle  Handle from EmuCtl_CharDevAssociate.
 * \retval VMK_OK         Disassociated.
 * \retval VMK_NOT_FOUND  No such device.
 * \retval VMK_BUSY       Files are still open on it.
 */
VMK_ReturnStatus EmuCtl_CharDevDisassociate(vmk_CharDevHandle handle);

/* ---------------------------------------------------------------------- */
/* Management channel (the user-space half of vmk_Mgmt*)                  */
/* ---------------------------------------------------------------------- */

/** \brief A user-space management session on a kernel management handle. */
typedef struct EmuCtl_MgmtSessionInt *EmuCtl_MgmtSession;

/**
 * \brief Connect to a kernel management API, as vmk_MgmtUserInit does.
 *
 * Finds the handle whose signature has the same name and the same major
 * and minor version, runs its session-announce function and returns the
 * session.  sig may describe USER callbacks with their functions: those
 * run in EmuCtl_MgmtDeliver as user-space callbacks
 * (cookie, instanceId, parm pointers).
 * \note May block.
 * \param[in]  sig         The user side's signature.
 * \param[in]  userCookie  First argument to every user callback.
 * \param[out] session     The new session.
 * \retval VMK_OK         Connected.
 * \retval VMK_BAD_PARAM  sig or session is NULL.
 * \retval VMK_NOT_FOUND  No kernel API with that name and version.
 * \retval VMK_NO_MEMORY  Out of memory.
 * \retval VMK_FAILURE    The session-announce function refused.
 */
VMK_ReturnStatus EmuCtl_MgmtUserInit(vmk_MgmtApiSignature *sig,
                                     vmk_uint64 userCookie,
                                     EmuCtl_MgmtSession *session);

/**
 * \brief Disconnect: queued callbacks are dropped, the session-cleanup
 *        function runs.
 * \note May block.
 * \param[in] session  Session from EmuCtl_MgmtUserInit.
 * \retval VMK_OK         Disconnected.
 * \retval VMK_BAD_PARAM  Not a live session.
 */
VMK_ReturnStatus EmuCtl_MgmtUserDestroy(EmuCtl_MgmtSession session);

/**
 * \brief Call a kernel callback from user space, as vmk_MgmtUserCallbackInvoke does.
 *
 * Each parameter is a pointer: to parmSizes[i] bytes for IN/OUT/INOUT, to a
 * vmk_MgmtVectorParm for the vector types.  Inputs are copied to kernel
 * buffers taken from the handle's heap, the callback runs with
 * (vmk_MgmtCookies *, vmk_MgmtEnvelope *, parm pointers...), outputs are
 * copied back.  A callback registered for the instance overrides the
 * handle's.
 * \note May block.
 * \param[in] session     Session.
 * \param[in] instanceId  VMK_MGMT_NO_INSTANCE_ID or a registered instance.
 * \param[in] callbackId  Callback to run.
 * \param[in] parms       numParms parameter pointers.
 * \param[in] numParms    Count; must equal the callback's.
 * \retval VMK_OK         The callback ran (its status is in the data by convention).
 * \retval VMK_BAD_PARAM  Bad session, unknown callback, user callback, wrong count.
 * \retval VMK_NOT_FOUND  No such instance.
 * \retval VMK_NO_MEMORY  The handle's heap could not hold the parameters.
 */
VMK_ReturnStatus EmuCtl_MgmtInvoke(EmuCtl_MgmtSession session,
                                   vmk_uint64 instanceId,
                                   vmk_uint64 callbackId, void **parms,
                                   vmk_uint32 numParms);

/**
 * \brief Run the user callbacks the kernel queued for this session
 *        (vmk_MgmtCallbackInvoke), oldest first, on the calling thread.
 * \note May block.
 * \param[in]  session  Session.
 * \param[out] ran      How many ran; may be NULL.
 * \retval VMK_OK         Done (maybe none).
 * \retval VMK_BAD_PARAM  Not a live session.
 */
VMK_ReturnStatus EmuCtl_MgmtDeliver(EmuCtl_MgmtSession session,
                                    vmk_uint32 *ran);

/**
 * \brief The instances registered on the session's handle.
 * \note Will not block.
 * \param[in]  session    Session.
 * \param[out] instances  Filled in.
 * \retval VMK_OK         Filled.
 * \retval VMK_BAD_PARAM  Not a live session or instances is NULL.
 */
VMK_ReturnStatus EmuCtl_MgmtGetInstances(EmuCtl_MgmtSession session,
                                         vmk_MgmtInstances *instances);

/**
 * \brief Read a key as text, as vmkmgmt_keyval would.
 *
 * LONG keys read as decimal, STRING keys as their text.
 * \note May block.
 * \param[in]  apiName  The management API's signature name.
 * \param[in]  keyName  Key name.
 * \param[out] buf      Receives the text.
 * \param[in]  len      Size of buf.
 * \retval VMK_OK         Read.
 * \retval VMK_NOT_FOUND  No such API or key.
 * \retval VMK_BAD_PARAM  A pointer is NULL or len is 0.
 * \retval VMK_FAILURE    The get function failed.
 */
VMK_ReturnStatus EmuCtl_MgmtKeyGet(const char *apiName, const char *keyName,
                                   char *buf, vmk_uint32 len);

/**
 * \brief Set a key from text, as vmkmgmt_keyval would.
 * \note May block.
 * \param[in] apiName  The management API's signature name.
 * \param[in] keyName  Key name.
 * \param[in] value    Decimal for LONG keys, text for STRING keys.
 * \retval VMK_OK         Set.
 * \retval VMK_NOT_FOUND  No such API or key.
 * \retval VMK_BAD_PARAM  A pointer is NULL, or value is no number for a LONG key.
 * \retval VMK_FAILURE    The set function failed.
 */
VMK_ReturnStatus EmuCtl_MgmtKeySet(const char *apiName, const char *keyName,
                                   const char *value);

/* ---------------------------------------------------------------------- */
/* Core dumps                                                              */
/* ---------------------------------------------------------------------- */

/** \brief Most dump files registered at once. */
#define EMUCTL_DUMP_MAX_FILES 32
/** \brief Largest dump file, in bytes. */
#define EMUCTL_DUMP_FILE_MAX (64ull << 20)

/**
 * \brief Take a core dump: every registered dump callback runs, oldest
 *        first, and what it adds is kept for EmuCtl_DumpFileData.
 * \note May block.
 * \param[in]  liveDump  VMK_TRUE for a live dump (callbacks may block).
 * \param[out] numFiles  How many callbacks ran; may be NULL.
 * \retval VMK_OK  Done.
 */
VMK_ReturnStatus EmuCtl_DumpRun(vmk_Bool liveDump, vmk_uint32 *numFiles);

/**
 * \brief Read one file of the last dump.
 * \note Will not block.
 * \param[in]  name            File name given to vmk_DumpAddFileCallback.
 * \param[out] buf             Receives up to bufLen bytes; may be NULL if bufLen is 0.
 * \param[in]  bufLen          Size of buf.
 * \param[out] fileLen         The file's full length; may be NULL.
 * \param[out] callbackStatus  What the callback returned; may be NULL.
 * \retval VMK_OK         Copied.
 * \retval VMK_NOT_FOUND  The last dump had no such file.
 * \retval VMK_BAD_PARAM  name is NULL, or buf is NULL with bufLen not 0.
 */
VMK_ReturnStatus EmuCtl_DumpFileData(const char *name, void *buf,
                                     vmk_uint64 bufLen, vmk_uint64 *fileLen,
                                     VMK_ReturnStatus *callbackStatus);

/** \brief Forget the data of the last dump. \note Will not block. */
void EmuCtl_DumpClear(void);

/* ---------------------------------------------------------------------- */
/* VOBs                                                                    */
/* ---------------------------------------------------------------------- */

/** \brief How many of the latest VOBs are kept for EmuCtl_VobGet. */
#define EMUCTL_VOB_KEEP 64

/** \brief One VOB as vmk_VobNotify posted it. */
typedef struct EmuCtl_Vob {
   /** \brief Position since the last EmuCtl_VobClear (0 first). */
   vmk_uint64 sequence;
   /** \brief Urgency. */
   vmk_VobUrgency urgency;
   /** \brief Source, NUL-terminated. */
   char source[VMK_MAX_VOB_SOURCE_NAME];
   /** \brief Knowledge-base link, NUL-terminated. */
   char kbLinkUrl[VMK_MAX_KB_LINK_LEN];
   /** \brief The formatted message, NUL-terminated. */
   char message[VMK_MAX_VOB_FMTARGS_LEN];
} EmuCtl_Vob;

/** \brief VOBs posted since the last EmuCtl_VobClear. \note Will not block. */
vmk_uint64 EmuCtl_VobCount(void);

/**
 * \brief Read a VOB by its sequence number.
 * \note Will not block.
 * \param[in]  sequence  0 for the first since the last clear.
 * \param[out] vob       Filled in.
 * \retval VMK_OK         Found.
 * \retval VMK_NOT_FOUND  Not posted yet, or no longer kept.
 * \retval VMK_BAD_PARAM  vob is NULL.
 */
VMK_ReturnStatus EmuCtl_VobGet(vmk_uint64 sequence, EmuCtl_Vob *vob);

/** \brief Forget all VOBs and restart the count. \note Will not block. */
void EmuCtl_VobClear(void);

/* ---------------------------------------------------------------------- */
/* Service-time accounts                                                   */
/* ---------------------------------------------------------------------- */

/**
 * \brief Nanoseconds (emulator clock) charged to a service for a world by
 *        ended or moved vmk_ServiceTimeCharge* contexts.
 * \note Will not block.
 */
vmk_uint64 EmuCtl_ServiceTimeCharged(vmk_ServiceAcctID serviceID,
                                     vmk_WorldID worldID);

/** \brief Zero every service-time account. \note Will not block. */
void EmuCtl_ServiceTimeReset(void);

/** \} */

#ifdef __cplusplus
}
#endif

#endif /* EMUCTL_SYS_H */
