/*
 * vmk_logging.c -- the vmk_Log* family over log components
 * (emu/mod/logcomp.c, where the theory is) and the core log.
 *
 * Urgencies map onto the core log's severities: ALERT -> error, WARNING ->
 * warning, NORMAL -> info, DEBUG -> debug.  Every line carries the time,
 * the world, the module (the component's owner, or for the unlevelled
 * calls the module on top of the caller's module ID stack) and the
 * severity, and is also captured for EmuCtl_LogCapture*.
 *
 * Handles: NULL is VMK_BAD_PARAM (or VMK_NOT_FOUND where ESX documents it);
 * any other handle that is not a live component is a DEAD_HANDLE report.
 */
#include "api.h"

#include <string.h>

#include "core/assert.h"
#include "mod/logcomp.h"
#include "mod/module.h"

EMU_STATIC_ASSERT(sizeof(((vmk_Name *)0)->string) == EMU_LOGCOMP_NAME_MAX,
                  "vmk_Name and log component names differ");

static emu_log_level_t
logging_level(vmk_LogUrgency urgency)
{
   switch (urgency) {
   case VMK_LOG_URGENCY_ALERT:
      return EMU_LOG_ERROR;
   case VMK_LOG_URGENCY_WARNING:
      return EMU_LOG_WARNING;
   case VMK_LOG_URGENCY_DEBUG:
      return EMU_LOG_DEBUG;
   default:
      return EMU_LOG_INFO;
   }
}

/* Call the driver's custom throttler with its own type. */
static int
logging_throttle_call(void *fn, void *arg)
{
   vmk_LogThrottleFunc throttler = (vmk_LogThrottleFunc)(uintptr_t)fn;

   return throttler(arg) != VMK_FALSE;
}

/* 1 when component is live; else a DEAD_HANDLE report (0). */
static int
logging_check(vmk_LogComponent component, const char *fn, const void *caller)
{
   emu_report_obj_t obj = { "log component", NULL, component };

   if (emu_logcomp_live((emu_logcomp_t *)component)) {
      return 1;
   }
   emu_report(EMU_RPT_DEAD_HANDLE, &obj, caller,
              "%s on a log component that is not registered", fn);
   return 0;
}

EMU_EXPORT VMK_ReturnStatus
vmk_LogRegister(const vmk_LogProperties *props,
                vmk_LogComponent *componentOut)
{
   emu_logcomp_t *c;
   emu_logcomp_throttle_t thr = EMU_LOGTHR_NONE;
   void *thr_fn = NULL;
   void *thr_arg = NULL;
   char name[sizeof props->name.string + 1];
   emu_status_t st;

   if (props == NULL || componentOut == NULL) {
      return VMK_BAD_PARAM;
   }
   memcpy(name, props->name.string, sizeof props->name.string);
   name[sizeof props->name.string] = '\0';
   if (props->throttle != NULL) {
      switch (props->throttle->type) {
      case VMK_LOG_THROTTLE_NONE:
         break;
      case VMK_LOG_THROTTLE_COUNT:
         thr = EMU_LOGTHR_COUNT;
         break;
      case VMK_LOG_THROTTLE_CUSTOM:
         thr = EMU_LOGTHR_CUSTOM;
         thr_fn = (void *)(uintptr_t)props->throttle->info.custom.throttler;
         thr_arg = props->throttle->info.custom.arg;
         if (thr_fn == NULL) {
            return VMK_BAD_PARAM;
         }
         break;
      default:
         return VMK_BAD_PARAM;
      }
   }
   st = emu_logcomp_create(name, props->module, props->defaultLevel, thr,
                           logging_throttle_call, thr_fn, thr_arg,
                           EMU_CALLER(), &c);
   switch (st) {
   case EMU_OK:
      *componentOut = (vmk_LogComponent)c;
      return VMK_OK;
   case EMU_NOTFOUND:
      return VMK_INVALID_MODULE;
   default:
      return emu_api_status(st);
   }
}

EMU_EXPORT VMK_ReturnStatus
vmk_LogUnregister(vmk_LogComponent component)
{
   if (component == NULL) {
      return VMK_NOT_FOUND;
   }
   if (!logging_check(component, __func__, EMU_CALLER())) {
      return VMK_NOT_FOUND;
   }
   return emu_api_status(emu_logcomp_destroy((emu_logcomp_t *)component));
}

EMU_EXPORT VMK_ReturnStatus
vmk_LogFindLogComponentByName(vmk_ModuleID moduleID, const vmk_Name *name,
                              vmk_LogComponent *componentOut)
{
   char buf[sizeof name->string + 1];
   emu_logcomp_t *c;
   emu_status_t st;

   if (name == NULL || componentOut == NULL) {
      return VMK_BAD_PARAM;
   }
   memcpy(buf, name->string, sizeof name->string);
   buf[sizeof name->string] = '\0';
   st = emu_logcomp_find(moduleID, buf, &c);
   if (st != EMU_OK) {
      return emu_api_status(st);
   }
   *componentOut = (vmk_LogComponent)c;
   return VMK_OK;
}

EMU_EXPORT vmk_int32
vmk_LogGetCurrentLogLevel(vmk_LogComponent component)
{
   if (component == NULL ||
       !logging_check(component, __func__, EMU_CALLER())) {
      return 0;
   }
   return emu_logcomp_level((emu_logcomp_t *)component);
}

EMU_EXPORT VMK_ReturnStatus
vmk_LogSetCurrentLogLevel(vmk_LogComponent component, vmk_int32 level)
{
   if (component == NULL) {
      return VMK_BAD_PARAM;
   }
   if (!logging_check(component, __func__, EMU_CALLER())) {
      return VMK_INVALID_HANDLE;
   }
   emu_logcomp_set_level((emu_logcomp_t *)component, level);
   return VMK_OK;
}

EMU_EXPORT const char *
vmk_LogGetName(vmk_LogComponent component)
{
   if (component == NULL) {
      return "(no log component)";
   }
   if (!logging_check(component, __func__, EMU_CALLER())) {
      return "(dead log component)";
   }
   return emu_logcomp_name((emu_logcomp_t *)component);
}

EMU_EXPORT vmk_ByteCount
vmk_LogHeapAllocSize(void)
{
   return emu_logcomp_alloc_size();
}

EMU_EXPORT VMK_ReturnStatus
vmk_vLogLevel(vmk_LogUrgency urgency, vmk_LogComponent component,
              vmk_int32 level, const char *fmt, va_list ap)
{
   if (component == NULL || fmt == NULL) {
      return VMK_BAD_PARAM;
   }
   if (!logging_check(component, __func__, EMU_CALLER())) {
      return VMK_INVALID_HANDLE;
   }
   emu_logcomp_vlog((emu_logcomp_t *)component, logging_level(urgency),
                    level, fmt, ap);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_LogLevel(vmk_LogUrgency urgency, vmk_LogComponent component,
             vmk_int32 level, const char *fmt, ...)
{
   VMK_ReturnStatus status;
   va_list ap;

   if (component == NULL || fmt == NULL) {
      return VMK_BAD_PARAM;
   }
   if (!logging_check(component, __func__, EMU_CALLER())) {
      return VMK_INVALID_HANDLE;
   }
   va_start(ap, fmt);
   emu_logcomp_vlog((emu_logcomp_t *)component, logging_level(urgency),
                    level, fmt, ap);
   va_end(ap);
   status = VMK_OK;
   return status;
}

EMU_EXPORT VMK_ReturnStatus
vmk_vLogNoLevel(vmk_LogUrgency urgency, const char *fmt, va_list ap)
{
   if (fmt == NULL) {
      return VMK_BAD_PARAM;
   }
   emu_logcomp_vlog_module(logging_level(urgency), fmt, ap);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_LogNoLevel(vmk_LogUrgency urgency, const char *fmt, ...)
{
   va_list ap;

   if (fmt == NULL) {
      return VMK_BAD_PARAM;
   }
   va_start(ap, fmt);
   emu_logcomp_vlog_module(logging_level(urgency), fmt, ap);
   va_end(ap);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_LogBacktrace(vmk_LogComponent component)
{
   if (component == NULL) {
      return VMK_BAD_PARAM;
   }
   if (!logging_check(component, __func__, EMU_CALLER())) {
      return VMK_INVALID_HANDLE;
   }
   emu_logcomp_backtrace((emu_logcomp_t *)component, 1);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_LogBacktraceMessage(void)
{
   emu_logcomp_backtrace(NULL, 1);
   return VMK_OK;
}
