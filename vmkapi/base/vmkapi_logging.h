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
 * \brief Log the current call stack through a log component.
 *
 * \param[in] component Component.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_LogBacktrace(
   vmk_LogComponent component);

/**
 * \brief Log the current call stack without a log component.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_LogBacktraceMessage(void);

/**
 * \brief Log: find log component by name.
 *
 * \param[in] moduleID Module id.
 * \param[in] name Name.
 * \param[in,out] componentOut Component out.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_LogFindLogComponentByName(
   vmk_ModuleID moduleID,
   const vmk_Name *name,
   vmk_LogComponent *componentOut);

/**
 * \brief Return the current level of a log component.
 *
 * \param[in] component Component.
 */
vmk_int32
vmk_LogGetCurrentLogLevel(
   vmk_LogComponent component);

/**
 * \brief Return the name of a log component.
 *
 * \param[in] component Component.
 */
const char *
vmk_LogGetName(
   vmk_LogComponent component);

/**
 * \brief Heap space one log component needs, for sizing module heaps.
 */
vmk_ByteCount
vmk_LogHeapAllocSize(void);

/**
 * \brief Log a formatted message if the component's level is at least the given level.
 *
 * \param[in] urgency Urgency.
 * \param[in] component Component.
 * \param[in] level Level.
 * \param[in] fmt printf-style format.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_LogLevel(
   vmk_LogUrgency urgency,
   vmk_LogComponent component,
   vmk_int32 level,
   const char *fmt,
   ...)
   VMK_ATTRIBUTE_PRINTF(4, 5);

/**
 * \brief Log a formatted message without a log component.
 *
 * \param[in] urgency Urgency.
 * \param[in] fmt printf-style format.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_LogNoLevel(
   vmk_LogUrgency urgency,
   const char *fmt,
   ...)
   VMK_ATTRIBUTE_PRINTF(2, 3);

/**
 * \brief Register a log.
 *
 * \param[in] props Props.
 * \param[in,out] componentOut Component out.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_LogRegister(
   const vmk_LogProperties *props,
   vmk_LogComponent *componentOut);

/**
 * \brief Set the current log level of a log.
 *
 * \param[in] component Component.
 * \param[in] int32 Int 32.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_LogSetCurrentLogLevel(
   vmk_LogComponent component,
   vmk_int32 int32);

/**
 * \brief Unregister a log.
 *
 * \param[in] component Component.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_LogUnregister(
   vmk_LogComponent component);

/**
 * \brief Return a short human-readable description of a status code.
 *
 * \param[in] status Status.
 */
const char *
vmk_StatusToString(
   VMK_ReturnStatus status);

/**
 * \brief va_list form of vmk_LogLevel().
 *
 * \param[in] urgency Urgency.
 * \param[in] component Component.
 * \param[in] level Level.
 * \param[in] fmt printf-style format.
 * \param[in,out] ap Arguments for the format.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_vLogLevel(
   vmk_LogUrgency urgency,
   vmk_LogComponent component,
   vmk_int32 level,
   const char *fmt,
   va_list ap);

/**
 * \brief va_list form of vmk_LogNoLevel().
 *
 * \param[in] urgency Urgency.
 * \param[in] fmt printf-style format.
 * \param[in,out] ap Arguments for the format.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_vLogNoLevel(
   vmk_LogUrgency urgency,
   const char *fmt,
   va_list ap);

/** \} */

#endif /* _VMKAPI_LOGGING_H_ */
