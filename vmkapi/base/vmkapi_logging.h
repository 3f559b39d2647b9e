/*
 * base/vmkapi_logging.h -- logging
 *
 * Log components with levels and throttling, and the printf-style logging
 * macros. vmkemu writes log lines to its log sink with the world and
 * urgency.
 */

#ifndef _VMKAPI_LOGGING_H_
#define _VMKAPI_LOGGING_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_logging.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Logging Logging
 * \{
 */

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmk_LogComponentInt;

/**
 * \brief Debug builds: assert that status is VMK_OK.
 */
#define VMK_ASSERT_STATUS_OK(status)                        \
   VMK_ASSERT((status) == VMK_OK, "unexpected status: %s",  \
              vmk_StatusToString(status))

/**
 * \brief A log component handle that refers to no component.
 */
#define VMK_INVALID_LOG_HANDLE NULL

/**
 * \brief Log an alert through handle. The line is prefixed with the component, function and line.
 */
#define vmk_Alert(handle, fmt, ...)                                                                \
   vmk_LogLevel(VMK_LOG_URGENCY_ALERT, (handle),                                                   \
                vmk_LogGetCurrentLogLevel(handle),                                                 \
                "%s: %s:%d: " fmt "\n", vmk_LogGetName(handle), __func__, __LINE__, ##__VA_ARGS__)

/**
 * \brief Log an alert without a log component.
 */
#define vmk_AlertMessage(fmt, ...)                                \
   vmk_LogNoLevel(VMK_LOG_URGENCY_ALERT, fmt "\n", ##__VA_ARGS__)

/**
 * \brief Log a message through handle at its current level. The line is prefixed with the component, function and line.
 */
#define vmk_Log(handle, fmt, ...)                                                                  \
   vmk_LogLevel(VMK_LOG_URGENCY_NORMAL, (handle),                                                  \
                vmk_LogGetCurrentLogLevel(handle),                                                 \
                "%s: %s:%d: " fmt "\n", vmk_LogGetName(handle), __func__, __LINE__, ##__VA_ARGS__)

/**
 * \brief Log at level min or above through handle; compiled in debug builds only.
 */
#if defined(VMX86_DEBUG)
#define vmk_LogDebug(handle, min, fmt, ...)                              \
   vmk_LogLevel(VMK_LOG_URGENCY_DEBUG, (handle), (min),                  \
                "%s: %s:%d: " fmt "\n", vmk_LogGetName(handle), __func__, __LINE__, ##__VA_ARGS__)
#else
#define vmk_LogDebug(handle, min, fmt, ...)                              \
   ((void)0)
#endif

/**
 * \brief Log a message without a component; compiled in debug builds only.
 */
#if defined(VMX86_DEBUG)
#define vmk_LogDebugMessage(fmt, ...)                                    \
   vmk_LogNoLevel(VMK_LOG_URGENCY_NORMAL, fmt "\n", ##__VA_ARGS__)
#else
#define vmk_LogDebugMessage(fmt, ...)                                    \
   ((void)0)
#endif

/**
 * \brief Log a message without a log component.
 */
#define vmk_LogMessage(fmt, ...)                                   \
   vmk_LogNoLevel(VMK_LOG_URGENCY_NORMAL, fmt "\n", ##__VA_ARGS__)

/**
 * \brief Log a warning through handle. The line is prefixed with the component, function and line.
 */
#define vmk_Warning(handle, fmt, ...)                                                              \
   vmk_LogLevel(VMK_LOG_URGENCY_WARNING, (handle),                                                 \
                vmk_LogGetCurrentLogLevel(handle),                                                 \
                "%s: %s:%d: " fmt "\n", vmk_LogGetName(handle), __func__, __LINE__, ##__VA_ARGS__)

/**
 * \brief Log a warning without a log component.
 */
#define vmk_WarningMessage(fmt, ...)                                \
   vmk_LogNoLevel(VMK_LOG_URGENCY_WARNING, fmt "\n", ##__VA_ARGS__)

/** \brief Handle of a log component. */
typedef struct vmk_LogComponentInt *vmk_LogComponent;

/**
 * \brief Custom throttle: called with its arg for each message that passes
 *        the level check; VMK_TRUE lets the message through, VMK_FALSE drops
 *        it.
 */
typedef vmk_Bool (*vmk_LogThrottleFunc)(void *);

/**
 * \brief How a log component limits the messages it lets through.
 */
typedef enum {
   /** \brief Every message that passes the level check is logged. */
   VMK_LOG_THROTTLE_NONE = 0,
   /** \brief After the first few messages, only every power-of-two-th
    *        message (16th, 32nd, ...) is logged. */
   VMK_LOG_THROTTLE_COUNT = 1,
   /** \brief A driver function decides (info.custom). */
   VMK_LOG_THROTTLE_CUSTOM = 2,
} vmk_LogThrottleType;

/**
 * \brief Throttling settings of a log component.
 */
typedef struct vmk_LogThrottleProperties {
   /** \brief Kind of throttling; selects the member of info that applies. */
   vmk_LogThrottleType type;
   /** \brief Settings that depend on type. */
   union {
      /** \brief Settings for VMK_LOG_THROTTLE_CUSTOM. */
      struct {
         /** \brief Function that decides whether to drop a message. */
         vmk_LogThrottleFunc throttler;
         /** \brief Argument passed to throttler. */
         void *arg;
      } custom;
   } info;
} vmk_LogThrottleProperties;

/**
 * \brief Properties for registering a log component.
 */
typedef struct vmk_LogProperties {
   /** \brief Name of the component, unique within its module; prefixes its
    *        lines. */
   vmk_Name name;
   /** \brief Module that owns the component. */
   vmk_ModuleID module;
   /** \brief Heap the component is allocated from. */
   vmk_HeapID heap;
   /** \brief Level the component starts with; messages above it are dropped. */
   vmk_int32 defaultLevel;
   /** \brief Throttling settings, or NULL for none. */
   const vmk_LogThrottleProperties *throttle;
} vmk_LogProperties;

/**
 * \brief How urgent a log message is.
 */
typedef enum {
   /** \brief Debugging detail. */
   VMK_LOG_URGENCY_DEBUG = 0,
   /** \brief Ordinary information. */
   VMK_LOG_URGENCY_NORMAL = 1,
   /** \brief Something unexpected that the driver handles. */
   VMK_LOG_URGENCY_WARNING = 2,
   /** \brief A serious problem that needs attention. */
   VMK_LOG_URGENCY_ALERT = 3,
} vmk_LogUrgency;

/**
 * \brief Log the call stack of the calling world through a component.
 *
 * \note This function will not block.
 *
 * \param[in] handle Log component.
 *
 * \retval VMK_OK The backtrace was logged.
 * \retval VMK_BAD_PARAM handle is NULL.
 * \retval VMK_INVALID_HANDLE handle is not a registered component (also a
 *     dead-handle report).
 */
VMK_ReturnStatus
vmk_LogBacktrace(
   vmk_LogComponent handle);

/**
 * \brief Log the call stack of the calling world.
 *
 * \note This function will not block.
 *
 * \retval VMK_OK The backtrace was logged.
 */
VMK_ReturnStatus
vmk_LogBacktraceMessage(void);

/**
 * \brief Look a log component up by module and name.
 *
 * \note This function will not block.
 *
 * \param[in] id Module that registered it.
 * \param[in] name Component name.
 * \param[out] handle Receives the handle.
 *
 * \retval VMK_OK *handle is set.
 * \retval VMK_BAD_PARAM name or handle is NULL.
 * \retval VMK_NOT_FOUND No such component.
 */
VMK_ReturnStatus
vmk_LogFindLogComponentByName(
   vmk_ModuleID id,
   const vmk_Name *name,
   vmk_LogComponent *handle);

/**
 * \brief Current level of a log component.
 *
 * \note This function will not block.
 *
 * \param[in] handle Log component.
 *
 * \return The level; messages with a higher level are dropped.
 *
 * \note For a handle that is not a registered component vmkemu returns 0
 *     (after a dead-handle report unless the handle is NULL).
 */
vmk_int32
vmk_LogGetCurrentLogLevel(
   vmk_LogComponent handle);

/**
 * \brief Name of a log component.
 *
 * \note This function will not block.
 *
 * \param[in] handle Log component.
 *
 * \return The name, owned by the component.
 *
 * \note For a NULL or unregistered handle vmkemu returns a placeholder text
 *     instead of faulting (an unregistered one also gets a dead-handle
 *     report).
 */
const char *
vmk_LogGetName(
   vmk_LogComponent handle);

/**
 * \brief Heap bytes one log component needs.
 *
 * \note This function will not block.
 *
 * \return Bytes to add to the module heap per component.
 */
vmk_ByteCount
vmk_LogHeapAllocSize(void);

/**
 * \brief Log a message through a component if its level allows.
 *
 * \note This function will not block.
 *
 * \param[in] urgency Normal, warning or alert.
 * \param[in] handle Log component.
 * \param[in] level Level of the message.
 * \param[in] fmt printf-style format string.
 *
 * \retval VMK_OK The message was logged or filtered out.
 * \retval VMK_BAD_PARAM handle or fmt is NULL.
 * \retval VMK_INVALID_HANDLE handle is not a registered component (also a
 *     dead-handle report).
 */
VMK_ReturnStatus
vmk_LogLevel(
   vmk_LogUrgency urgency,
   vmk_LogComponent handle,
   vmk_int32 level,
   const char *fmt,
   ...)
   VMK_ATTRIBUTE_PRINTF(4, 5);

/**
 * \brief Log a message with no component.
 *
 * \note This function will not block.
 *
 * \param[in] urgency Normal, warning or alert.
 * \param[in] fmt printf-style format string.
 *
 * \retval VMK_OK The message was logged.
 * \retval VMK_BAD_PARAM fmt is NULL.
 */
VMK_ReturnStatus
vmk_LogNoLevel(
   vmk_LogUrgency urgency,
   const char *fmt,
   ...)
   VMK_ATTRIBUTE_PRINTF(2, 3);

/**
 * \brief Register a log component with its own level.
 *
 * \note This function will not block.
 *
 * \param[in] props Name, module, heap and default level.
 * \param[out] handle Receives the handle of the component.
 *
 * \retval VMK_OK The component exists and *handle is set.
 * \retval VMK_BAD_PARAM An argument is NULL, the name is empty, or the
 *     throttle type is unknown or custom without a throttler.
 * \retval VMK_NO_MEMORY Not enough memory for the component.
 * \retval VMK_INVALID_MODULE The module ID is not registered.
 * \retval VMK_EXISTS The module already has a component of that name.
 */
VMK_ReturnStatus
vmk_LogRegister(
   const vmk_LogProperties *props,
   vmk_LogComponent *handle);

/**
 * \brief Set the level of a log component.
 *
 * \note This function will not block.
 *
 * \param[in] handle Log component.
 * \param[in] level New level.
 *
 * \retval VMK_OK The level is set.
 * \retval VMK_BAD_PARAM handle is NULL.
 * \retval VMK_INVALID_HANDLE handle is not a registered component (also a
 *     dead-handle report).
 */
VMK_ReturnStatus
vmk_LogSetCurrentLogLevel(
   vmk_LogComponent handle,
   vmk_int32 level);

/**
 * \brief Unregister a log component.
 *
 * \note This function will not block.
 *
 * \param[in] handle Component to remove.
 *
 * \retval VMK_OK The component is gone.
 * \retval VMK_NOT_FOUND handle is not a registered component (a handle other
 *     than NULL also gets a dead-handle report).
 */
VMK_ReturnStatus
vmk_LogUnregister(
   vmk_LogComponent handle);

/**
 * \brief Text describing a status code.
 *
 * \note This function will not block.
 *
 * \param[in] status Status to describe.
 *
 * \return A constant string; unknown codes give a generic text.
 */
const char *
vmk_StatusToString(
   VMK_ReturnStatus status);

/**
 * \brief vmk_LogLevel() with a va_list.
 *
 * \note This function will not block.
 *
 * \param[in] urgency Normal, warning or alert.
 * \param[in] handle Log component.
 * \param[in] level Level of the message.
 * \param[in] fmt printf-style format string.
 * \param[in] ap Arguments for fmt.
 *
 * \retval VMK_OK The message was logged or filtered out.
 * \retval VMK_BAD_PARAM handle or fmt is NULL.
 * \retval VMK_INVALID_HANDLE handle is not a registered component (also a
 *     dead-handle report).
 */
VMK_ReturnStatus
vmk_vLogLevel(
   vmk_LogUrgency urgency,
   vmk_LogComponent handle,
   vmk_int32 level,
   const char *fmt,
   va_list ap);

/**
 * \brief vmk_LogNoLevel() with a va_list.
 *
 * \note This function will not block.
 *
 * \param[in] urgency Normal, warning or alert.
 * \param[in] fmt printf-style format string.
 * \param[in] ap Arguments for fmt.
 *
 * \retval VMK_OK The message was logged.
 * \retval VMK_BAD_PARAM fmt is NULL.
 */
VMK_ReturnStatus
vmk_vLogNoLevel(
   vmk_LogUrgency urgency,
   const char *fmt,
   va_list ap);

/** \} */

#endif /* _VMKAPI_LOGGING_H_ */
