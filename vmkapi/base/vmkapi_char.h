/*
 * base/vmkapi_char.h -- character devices
 *
 * Character-device callbacks and open flags, plus poll support.
 */

#ifndef _VMKAPI_CHAR_H_
#define _VMKAPI_CHAR_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_char.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_CharDev Character Devices
 * \{
 */

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmk_CharDevHandleInt;

/** \brief Chardev oflag append. */
#define VMK_CHARDEV_OFLAG_APPEND 1024

/** \brief Chardev oflag direct. */
#define VMK_CHARDEV_OFLAG_DIRECT 16384

/** \brief Chardev oflag dsync. */
#define VMK_CHARDEV_OFLAG_DSYNC 4096

/** \brief Chardev oflag exclusive. */
#define VMK_CHARDEV_OFLAG_EXCLUSIVE 128

/** \brief Chardev oflag nonblock. */
#define VMK_CHARDEV_OFLAG_NONBLOCK 2048

/** \brief Chardev oflag rdonly. */
#define VMK_CHARDEV_OFLAG_RDONLY 0

/** \brief Chardev oflag rdwr. */
#define VMK_CHARDEV_OFLAG_RDWR 2

/** \brief Chardev oflag rdwr mask. */
#define VMK_CHARDEV_OFLAG_RDWR_MASK 3

/** \brief Chardev oflag sync. */
#define VMK_CHARDEV_OFLAG_SYNC 1052672

/** \brief Chardev oflag wronly. */
#define VMK_CHARDEV_OFLAG_WRONLY 1

/**
 * \brief Identifier of graphics character devices.
 */
#define VMK_CHARDEV_IDENTIFIER_GRAPHICS "com.vmware.graphics"

/**
 * \brief Description of a char dev fd attr.
 */
typedef struct vmk_CharDevFdAttr {
   /** \brief Open flags. */
   vmk_uint32 openFlags;
   /** \brief Client device data. */
   vmk_AddrCookie clientDeviceData;
   /** \brief Client instance data. */
   vmk_AddrCookie clientInstanceData;
} vmk_CharDevFdAttr;

/** \brief Callback type: char dev close fn. */
typedef VMK_ReturnStatus (*vmk_CharDevCloseFn)(vmk_CharDevFdAttr *);

/** \brief Handle to a char dev handle. */
typedef struct vmk_CharDevHandleInt *vmk_CharDevHandle;

/** \brief Callback type: char dev ioctl fn. */
typedef VMK_ReturnStatus (*vmk_CharDevIoctlFn)(vmk_CharDevFdAttr *, unsigned int, vmk_uintptr_t, vmk_IoctlCallerSize, vmk_int32 *);

/** \brief Callback type: char dev open fn. */
typedef VMK_ReturnStatus (*vmk_CharDevOpenFn)(vmk_CharDevFdAttr *);

/** \brief Poll context. */
typedef void *vmk_PollContext;

/** \brief Callback type: char dev poll fn. */
typedef VMK_ReturnStatus (*vmk_CharDevPollFn)(vmk_CharDevFdAttr *, vmk_PollContext, unsigned int *);

/** \brief Callback type: char dev read fn. */
typedef VMK_ReturnStatus (*vmk_CharDevReadFn)(vmk_CharDevFdAttr *, char *, vmk_ByteCount, vmk_loff_t *, vmk_ByteCountSigned *);

/** \brief Callback type: char dev write fn. */
typedef VMK_ReturnStatus (*vmk_CharDevWriteFn)(vmk_CharDevFdAttr *, char *, vmk_ByteCount, vmk_loff_t *, vmk_ByteCountSigned *);

/**
 * \brief Callbacks of a char dev.
 */
typedef struct vmk_CharDevOps {
   /** \brief Open. */
   vmk_CharDevOpenFn open;
   /** \brief Close. */
   vmk_CharDevCloseFn close;
   /** \brief Ioctl. */
   vmk_CharDevIoctlFn ioctl;
   /** \brief Poll. */
   vmk_CharDevPollFn poll;
   /** \brief Read. */
   vmk_CharDevReadFn read;
   /** \brief Write. */
   vmk_CharDevWriteFn write;
} vmk_CharDevOps;

/** \brief Callback type: char op associate. */
typedef VMK_ReturnStatus (*vmk_CharOpAssociate)(vmk_AddrCookie, vmk_CharDevHandle);

/** \brief Callback type: char op disassociate. */
typedef VMK_ReturnStatus (*vmk_CharOpDisassociate)(vmk_AddrCookie);

/**
 * \brief Callbacks of a char dev reg.
 */
typedef struct vmk_CharDevRegOps {
   /** \brief Associate. */
   vmk_CharOpAssociate associate;
   /** \brief Disassociate. */
   vmk_CharOpDisassociate disassociate;
   /** \brief File ops. */
   const struct vmk_CharDevOps *fileOps;
} vmk_CharDevRegOps;

/**
 * \brief Description of a char dev reg data.
 */
typedef struct vmk_CharDevRegData {
   /** \brief Module ID. */
   vmk_ModuleID moduleID;
   /** \brief Device ops. */
   const struct vmk_CharDevRegOps *deviceOps;
   /** \brief Device private. */
   vmk_AddrCookie devicePrivate;
} vmk_CharDevRegData;

/**
 * \brief Values of poll event.
 */
typedef enum vmk_PollEvent {
   /** \brief None. */
   VMKAPI_POLL_NONE = 0,
   /** \brief Read. */
   VMKAPI_POLL_READ = 1,
   /** \brief Write. */
   VMKAPI_POLL_WRITE = 4,
   /** \brief Rdhup. */
   VMKAPI_POLL_RDHUP = 8,
   /** \brief Wrhup. */
   VMKAPI_POLL_WRHUP = 16,
   /** \brief Invalid. */
   VMKAPI_POLL_INVALID = 32,
} vmk_PollEvent;

/** \brief Poll token. */
typedef void *vmk_PollToken;

/**
 * \brief Attach a poll token to a poll context (from a poll callback).
 *
 * \note This function will not block.
 *
 * \param[in] pollCtx Poll ctx.
 * \param[out] token Token.
 */
void
vmk_CharDevSetPollContext(
   vmk_PollContext pollCtx,
   vmk_PollToken *token);

/**
 * \brief Wake the pollers waiting on a poll token.
 *
 * \note This function will not block.
 *
 * \param[in] token Token.
 */
void
vmk_CharDevWakePollers(
   vmk_PollToken token);

/**
 * \brief Get the alias name of a character device.
 *
 * \note This function may block.
 *
 * \param[in] charDevHandle Char dev handle.
 * \param[out] alias Alias.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_NOT_INITIALIZED The object was not initialized.
 * \retval VMK_NAME_TOO_LONG The name is too long.
 */
VMK_ReturnStatus
vmk_CharDeviceGetAlias(
   vmk_CharDevHandle charDevHandle,
   vmk_Name *alias);

/** \} */

#endif /* _VMKAPI_CHAR_H_ */
