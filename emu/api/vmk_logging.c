/*
 * vmk_logging.c -- the vmk_Log* family and vmk_StatusToString.
 *
 * This first cut carries the unlevelled calls (vmk_LogNoLevel and its
 * va_list twin) that the vmk_LogMessage / vmk_Warning / vmk_AlertMessage
 * macros reach, over the core log (emu/core/log.c): one line on stderr with
 * time, world and urgency, also captured for EmuCtl_LogCapture*.
 */
#include "api.h"

#include <stdio.h>

static emu_log_level_t
logging_level(vmk_LogUrgency urgency)
{
   switch (urgency) {
   case VMK_LOG_URGENCY_ALERT:
      return EMU_LOG_ERROR;
   case VMK_LOG_URGENCY_WARNING:
      return EMU_LOG_WARNING;
   default:
      return EMU_LOG_INFO;
   }
}

EMU_EXPORT VMK_ReturnStatus
vmk_vLogNoLevel(vmk_LogUrgency urgency, const char *fmt, va_list ap)
{
   if (fmt == NULL) {
      return VMK_BAD_PARAM;
   }
   emu_vlog(logging_level(urgency), NULL, fmt, ap);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_LogNoLevel(vmk_LogUrgency urgency, const char *fmt, ...)
{
   VMK_ReturnStatus status;
   va_list ap;

   va_start(ap, fmt);
   status = vmk_vLogNoLevel(urgency, fmt, ap);
   va_end(ap);
   return status;
}
