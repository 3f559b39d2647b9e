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

/** \brief Handle to a log component. */
typedef struct vmk_LogComponentInt *vmk_LogComponent;

/** \brief Callback type: log throttle func. */
typedef vmk_Bool (*vmk_LogThrottleFunc)(void *);

/**
 * \brief Values of log throttle type.
 */
typedef enum {
   /** \brief None. */
   VMK_LOG_THROTTLE_NONE = 0,
   /** \brief Count. */
   VMK_LOG_THROTTLE_COUNT = 1,
   /** \brief Custom. */
   VMK_LOG_THROTTLE_CUSTOM = 2,
} vmk_LogThrottleType;

/**
 * \brief Properties of a log throttle.
 */
typedef struct vmk_LogThrottleProperties {
   /** \brief Type. */
   vmk_LogThrottleType type;
   /** \brief Info. */
   union {
      /** \brief Custom. */
      struct {
         /** \brief Throttler. */
         vmk_LogThrottleFunc throttler;
         /** \brief Arg. */
         void *arg;
      } custom;
   } info;
} vmk_LogThrottleProperties;

/**
 * \brief Properties of a log.
 */
typedef struct vmk_LogProperties {
   /** \brief Name. */
   vmk_Name name;
   /** \brief Module. */
   vmk_ModuleID module;
   /** \brief Heap. */
   vmk_HeapID heap;
   /** \brief Default level. */
   vmk_int32 defaultLevel;
   /** \brief Throttle. */
   const vmk_LogThrottleProperties *throttle;
} vmk_LogProperties;

/**
 * \brief Values of log urgency.
 */
typedef enum {
   /** \brief Debug. */
   VMK_LOG_URGENCY_DEBUG = 0,
   /** \brief Normal. */
   VMK_LOG_URGENCY_NORMAL = 1,
   /** \brief Warning. */
   VMK_LOG_URGENCY_WARNING = 2,
   /** \brief Alert. */
   VMK_LOG_URGENCY_ALERT = 3,
} vmk_LogUrgency;

/**
 * \brief Log the call stack of the calling world through a component.
 *
 * \note This function will not block.
 *
 * \param[in] handle Component.
 *
 * \retval VMK_OK The backtrace was logged.
 * \retval VMK_BAD_PARAM handle is invalid.
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
 * \param[in] handle Component.
 *
 * \return The level; messages with a higher level are dropped.
 */
vmk_int32
vmk_LogGetCurrentLogLevel(
   vmk_LogComponent handle);

/**
 * \brief Name of a log component.
 *
 * \note This function will not block.
 *
 * \param[in] handle Component.
 *
 * \return The name, owned by the component.
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
 * \param[in] handle Component.
 * \param[in] level Level of the message.
 * \param[in] fmt printf-style format string.
 *
 * \retval VMK_OK The message was logged or filtered out.
 * \retval VMK_BAD_PARAM An argument is invalid.
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
 * \retval VMK_BAD_PARAM An argument is NULL.
 * \retval VMK_NO_MEMORY Not enough memory in the heap.
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
 * \param[in] handle Component.
 * \param[in] level New level.
 *
 * \retval VMK_OK The level is set.
 * \retval VMK_BAD_PARAM handle is invalid.
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
 * \retval VMK_NOT_FOUND handle is not a registered component.
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
 * \param[in] handle Component.
 * \param[in] level Level of the message.
 * \param[in] fmt printf-style format string.
 * \param[in] ap Arguments for fmt.
 *
 * \retval VMK_OK The message was logged or filtered out.
 * \retval VMK_BAD_PARAM An argument is invalid.
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
 */
VMK_ReturnStatus
vmk_vLogNoLevel(
   vmk_LogUrgency urgency,
   const char *fmt,
   va_list ap);

/** \} */

#endif /* _VMKAPI_LOGGING_H_ */
