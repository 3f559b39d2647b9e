/*
 * vmk_vob.c -- system_health/vmkapi_vob.h: vmk_VobNotify.
 *
 * On ESXi a VOB (vmkernel observation) goes to the host's health service
 * and from there to vCenter.  Here it becomes one log line ("vob" is the
 * who; the level follows the urgency) and an entry in a small in-memory
 * record that tests read with EmuCtl_VobCount / EmuCtl_VobGet.  The record
 * keeps the last EMUCTL_VOB_KEEP notifications; older ones drop out but are
 * still counted.
 *
 * Checks, in the order a driver meets them: metadata and format present
 * and the urgency one of INFO/WARNING/ERROR (else VMK_FAILURE); source and
 * knowledge-base link NUL-terminated within their arrays
 * (VMK_NAME_TOO_LONG); the formatted message within
 * VMK_MAX_VOB_FMTARGS_LEN bytes (VMK_MESSAGE_TOO_LONG).  The message is
 * formatted with the vmkapi printf rules (vmk_Vsnprintf).
 */
#include "api.h"

#include <stdarg.h>
#include <string.h>

#include "emuctl.h"

static emu_mutex_t vob_lock = EMU_MUTEX_INITIALIZER;
static EmuCtl_Vob  vob_ring[EMUCTL_VOB_KEEP];
static vmk_uint64  vob_total;     /* notifications since the last clear */

static const char *
vob_urgency_name(vmk_VobUrgency u)
{
   switch (u) {
   case VMK_VOB_URGENCY_INFO:    return "info";
   case VMK_VOB_URGENCY_WARNING: return "warning";
   case VMK_VOB_URGENCY_ERROR:   return "error";
   default:                      return "invalid";
   }
}

EMU_EXPORT VMK_ReturnStatus
vmk_VobNotify(vmk_VobMetadata *metadata, const char *fmt, ...)
{
   char msg[VMK_MAX_VOB_FMTARGS_LEN];
   EmuCtl_Vob *slot;
   va_list ap;
   int n;
   emu_log_level_t level;

   if (metadata == NULL || fmt == NULL ||
       metadata->urgency < VMK_VOB_URGENCY_INFO ||
       metadata->urgency > VMK_VOB_URGENCY_ERROR) {
      return VMK_FAILURE;
   }
   if (memchr(metadata->source, '\0', sizeof metadata->source) == NULL ||
       memchr(metadata->kbLinkUrl, '\0', sizeof metadata->kbLinkUrl) ==
          NULL) {
      return VMK_NAME_TOO_LONG;
   }
   va_start(ap, fmt);
   n = vmk_Vsnprintf(msg, sizeof msg, fmt, ap);
   va_end(ap);
   if (n < 0) {
      return VMK_FAILURE;
   }
   if ((size_t)n >= sizeof msg) {
      return VMK_MESSAGE_TOO_LONG;
   }
   level = metadata->urgency == VMK_VOB_URGENCY_ERROR ? EMU_LOG_ERROR :
           metadata->urgency == VMK_VOB_URGENCY_WARNING ? EMU_LOG_WARNING :
           EMU_LOG_INFO;
   emu_log(level, "vob", "[%s] %s: %s%s%s",
           vob_urgency_name(metadata->urgency), metadata->source, msg,
           metadata->kbLinkUrl[0] != '\0' ? " -- see " : "",
           metadata->kbLinkUrl);

   emu_mutex_lock(&vob_lock);
   slot = &vob_ring[vob_total % EMUCTL_VOB_KEEP];
   memset(slot, 0, sizeof *slot);
   slot->urgency = metadata->urgency;
   memcpy(slot->source, metadata->source, sizeof slot->source);
   memcpy(slot->kbLinkUrl, metadata->kbLinkUrl, sizeof slot->kbLinkUrl);
   memcpy(slot->message, msg, (size_t)n + 1);
   slot->sequence = vob_total;
   vob_total++;
   emu_mutex_unlock(&vob_lock);
   return VMK_OK;
}

EMU_EXPORT vmk_uint64
EmuCtl_VobCount(void)
{
   vmk_uint64 n;

   emu_mutex_lock(&vob_lock);
   n = vob_total;
   emu_mutex_unlock(&vob_lock);
   return n;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_VobGet(vmk_uint64 sequence, EmuCtl_Vob *vob)
{
   VMK_ReturnStatus status = VMK_OK;

   if (vob == NULL) {
      return VMK_BAD_PARAM;
   }
   emu_mutex_lock(&vob_lock);
   if (sequence >= vob_total ||
       vob_total - sequence > EMUCTL_VOB_KEEP) {
      status = VMK_NOT_FOUND;
   } else {
      *vob = vob_ring[sequence % EMUCTL_VOB_KEEP];
   }
   emu_mutex_unlock(&vob_lock);
   return status;
}

EMU_EXPORT void
EmuCtl_VobClear(void)
{
   emu_mutex_lock(&vob_lock);
   memset(vob_ring, 0, sizeof vob_ring);
   vob_total = 0;
   emu_mutex_unlock(&vob_lock);
}
