/*
 * base/vmkapi_char.h -- character devices
 *
 * The file operations a driver implements for a character device that
 * user-space programs open under /dev, and the registration data the
 * device layer uses to publish it.
 */

#ifndef _VMKAPI_CHAR_H_
#define _VMKAPI_CHAR_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_char.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_CharDev Character Devices
 *
 * \brief Character devices that user-space programs open, read, write,
 *        poll and send ioctls to.
 *
 * A driver describes the device with vmk_CharDevRegData (module, its
 * associate/disassociate callbacks and the file operations) and registers
 * it as a logical device; when the device layer publishes it, associate
 * hands the driver its vmk_CharDevHandle. Each open file has a
 * vmk_CharDevFdAttr that carries the open flags and the driver's
 * per-device and per-file data. File operations run in the context of the
 * calling user process and may block; user buffers must be accessed with
 * vmk_CopyFromUser() and vmk_CopyToUser().
 *
 * \note In vmkemu the test plays the user process (EmuCtl_CharDev* calls),
 *       and the driver's callbacks run in the test's thread. An open file
 *       holds a use count on the module until it is closed.
 * \{
 */

/** \brief Private structure behind a vmk_CharDevHandle. */
struct vmk_CharDevHandleInt;

/** \brief Open flag: every write goes to the end of the file. */
#define VMK_CHARDEV_OFLAG_APPEND 1024

/** \brief Open flag: bypass caches where the device has any. */
#define VMK_CHARDEV_OFLAG_DIRECT 16384

/** \brief Open flag: writes complete only once their data is stable. */
#define VMK_CHARDEV_OFLAG_DSYNC 4096

/** \brief Open flag: exclusive open was requested (O_EXCL). */
#define VMK_CHARDEV_OFLAG_EXCLUSIVE 128

/**
 * \brief Open flag: reads and writes must not wait; return
 *        VMK_WOULD_BLOCK instead.
 */
#define VMK_CHARDEV_OFLAG_NONBLOCK 2048

/** \brief Access mode: opened for reading only (the value 0). */
#define VMK_CHARDEV_OFLAG_RDONLY 0

/** \brief Access mode: opened for reading and writing. */
#define VMK_CHARDEV_OFLAG_RDWR 2

/** \brief Mask that extracts the access mode from the open flags. */
#define VMK_CHARDEV_OFLAG_RDWR_MASK 3

/** \brief Open flag: writes complete only once data and metadata are stable. */
#define VMK_CHARDEV_OFLAG_SYNC 1052672

/** \brief Access mode: opened for writing only. */
#define VMK_CHARDEV_OFLAG_WRONLY 1

/**
 * \brief Logical-bus identifier under which graphics character devices
 *        are registered.
 */
#define VMK_CHARDEV_IDENTIFIER_GRAPHICS "com.vmware.graphics"

/**
 * \brief State of one open file of a character device, passed to every
 *        file operation.
 */
typedef struct vmk_CharDevFdAttr {
   /** \brief VMK_CHARDEV_OFLAG_* flags the file was opened with. */
   vmk_uint32 openFlags;
   /** \brief The device's private data (devicePrivate of its registration). */
   vmk_AddrCookie clientDeviceData;
   /** \brief Per-file data; the driver may set it in open and use it later. */
   vmk_AddrCookie clientInstanceData;
} vmk_CharDevFdAttr;

/**
 * \brief File operation run when the last reference to an open file goes
 *        away; releases what open set up.
 */
typedef VMK_ReturnStatus (*vmk_CharDevCloseFn)(vmk_CharDevFdAttr *);

/** \brief Handle to a published character device. */
typedef struct vmk_CharDevHandleInt *vmk_CharDevHandle;

/**
 * \brief File operation for an ioctl: gets the file, the command, the
 *        user argument, whether the caller is a 32- or 64-bit process, and
 *        where to store the ioctl's own result.
 */
typedef VMK_ReturnStatus (*vmk_CharDevIoctlFn)(vmk_CharDevFdAttr *, unsigned int, vmk_uintptr_t, vmk_IoctlCallerSize, vmk_int32 *);

/**
 * \brief File operation run when a process opens the device; may refuse
 *        with an error status.
 */
typedef VMK_ReturnStatus (*vmk_CharDevOpenFn)(vmk_CharDevFdAttr *);

/** \brief Opaque context of one poll call, passed to the poll operation. */
typedef void *vmk_PollContext;

/**
 * \brief File operation for poll/select: reports the ready events
 *        (vmk_PollEvent bits) and, if none is ready, ties the context to a
 *        token with vmk_CharDevSetPollContext().
 */
typedef VMK_ReturnStatus (*vmk_CharDevPollFn)(vmk_CharDevFdAttr *, vmk_PollContext, unsigned int *);

/**
 * \brief File operation for read: gets the file, the user buffer, its
 *        length and the file offset (to update), and stores the number of
 *        bytes read.
 */
typedef VMK_ReturnStatus (*vmk_CharDevReadFn)(vmk_CharDevFdAttr *, char *, vmk_ByteCount, vmk_loff_t *, vmk_ByteCountSigned *);

/**
 * \brief File operation for write: gets the file, the user buffer, its
 *        length and the file offset (to update), and stores the number of
 *        bytes written.
 */
typedef VMK_ReturnStatus (*vmk_CharDevWriteFn)(vmk_CharDevFdAttr *, char *, vmk_ByteCount, vmk_loff_t *, vmk_ByteCountSigned *);

/**
 * \brief The file operations of a character device.
 */
typedef struct vmk_CharDevOps {
   /** \brief Open a file on the device. */
   vmk_CharDevOpenFn open;
   /** \brief Close a file. */
   vmk_CharDevCloseFn close;
   /** \brief Handle an ioctl. */
   vmk_CharDevIoctlFn ioctl;
   /** \brief Report readiness for poll/select. */
   vmk_CharDevPollFn poll;
   /** \brief Read from the device. */
   vmk_CharDevReadFn read;
   /** \brief Write to the device. */
   vmk_CharDevWriteFn write;
} vmk_CharDevOps;

/**
 * \brief Callback run when the device layer publishes the device: gets
 *        the devicePrivate data and the new device handle.
 */
typedef VMK_ReturnStatus (*vmk_CharOpAssociate)(vmk_AddrCookie, vmk_CharDevHandle);

/**
 * \brief Callback run when the device is withdrawn; gets the
 *        devicePrivate data.
 */
typedef VMK_ReturnStatus (*vmk_CharOpDisassociate)(vmk_AddrCookie);

/**
 * \brief Device-level callbacks of a character device registration.
 */
typedef struct vmk_CharDevRegOps {
   /** \brief Called when the device is published. */
   vmk_CharOpAssociate associate;
   /** \brief Called when the device is withdrawn. */
   vmk_CharOpDisassociate disassociate;
   /** \brief File operations of the device. */
   const struct vmk_CharDevOps *fileOps;
} vmk_CharDevRegOps;

/**
 * \brief Registration data of a character device, given as the
 *        registrationData of the logical device that represents it.
 */
typedef struct vmk_CharDevRegData {
   /** \brief Module that implements the device. */
   vmk_ModuleID moduleID;
   /** \brief Device-level callbacks and file operations. */
   const struct vmk_CharDevRegOps *deviceOps;
   /** \brief Driver data for the device; seen as clientDeviceData. */
   vmk_AddrCookie devicePrivate;
} vmk_CharDevRegData;

/**
 * \brief Readiness bits a poll operation reports.
 */
typedef enum vmk_PollEvent {
   /** \brief Nothing is ready. */
   VMKAPI_POLL_NONE = 0,
   /** \brief Data can be read without waiting. */
   VMKAPI_POLL_READ = 1,
   /** \brief Data can be written without waiting. */
   VMKAPI_POLL_WRITE = 4,
   /** \brief The reading side has hung up. */
   VMKAPI_POLL_RDHUP = 8,
   /** \brief The writing side has hung up. */
   VMKAPI_POLL_WRHUP = 16,
   /** \brief The file is not valid for polling. */
   VMKAPI_POLL_INVALID = 32,
} vmk_PollEvent;

/**
 * \brief Driver-chosen token that ties poll contexts to the event source
 *        vmk_CharDevWakePollers() will signal.
 */
typedef void *vmk_PollToken;

/**
 * \brief From a poll operation, register the caller as waiting on a
 *        token.
 *
 * When nothing is ready, the poll operation calls this and returns; a
 * later vmk_CharDevWakePollers() on the same token makes the poller ask
 * again.
 *
 * \note This function will not block.
 * \note Using a context outside the poll call that received it is a
 *       DEAD_HANDLE report in vmkemu.
 *
 * \param[in]  pollCtx  Context the poll operation received.
 * \param[out] token    Token to tie the context to; vmkemu uses the
 *                      pointer value as the token.
 */
void
vmk_CharDevSetPollContext(
   vmk_PollContext pollCtx,
   vmk_PollToken *token);

/**
 * \brief Wake every poller waiting on a token, so it polls the device
 *        again.
 *
 * Safe to call from any context, including interrupt handlers.
 *
 * \note This function will not block.
 *
 * \param[in] token  Token given to vmk_CharDevSetPollContext().
 */
void
vmk_CharDevWakePollers(
   vmk_PollToken token);

/**
 * \brief Get the alias (the /dev name) under which a character device was
 *        published.
 *
 * \note This function may block.
 *
 * \param[in]  charDevHandle  Handle received by the associate callback.
 * \param[out] alias          Receives the alias.
 *
 * \retval VMK_OK               *alias is set.
 * \retval VMK_BAD_PARAM        alias is NULL, or the handle is not a live
 *                              device published through the device layer.
 * \retval VMK_NOT_INITIALIZED  The device has no alias (yet).
 */
VMK_ReturnStatus
vmk_CharDeviceGetAlias(
   vmk_CharDevHandle charDevHandle,
   vmk_Name *alias);

/** \} */

#endif /* _VMKAPI_CHAR_H_ */
