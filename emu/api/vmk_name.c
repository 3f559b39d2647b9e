/*
 * vmk_name.c -- lib/vmkapi_name.h: fixed-size object names.
 *
 * A vmk_Name holds at most VMK_MISC_NAME_MAX - 1 characters and a NUL.
 * Initialising or formatting a longer name keeps what fits (still
 * NUL-terminated) and says so: vmk_NameInitialize with VMK_NAME_TOO_LONG,
 * vmk_NameFormat with VMK_LIMIT_EXCEEDED (the statuses the ESXi 6.0
 * documentation gives each).  NULL arguments are VMK_BAD_PARAM where there
 * is a status to return; vmk_NameCopy and vmk_NameToString have none, so a
 * NULL there is a MISUSE report (ESXi would fault).
 * Nothing here blocks.
 */
#include "api.h"

#include "lib/format.h"

EMU_EXPORT VMK_ReturnStatus
vmk_NameInitialize(vmk_Name *name, const char *str)
{
   vmk_ByteCount i;

   if (name == NULL || str == NULL) {
      return VMK_BAD_PARAM;
   }
   for (i = 0; i < sizeof name->string - 1 && str[i] != '\0'; i++) {
      name->string[i] = str[i];
   }
   name->string[i] = '\0';
   return str[i] == '\0' ? VMK_OK : VMK_NAME_TOO_LONG;
}

EMU_EXPORT VMK_ReturnStatus
vmk_NameFormat(vmk_Name *name, const char *fmt, ...)
{
   va_list ap;
   size_t need;

   if (name == NULL || fmt == NULL) {
      return VMK_BAD_PARAM;
   }
   va_start(ap, fmt);
   need = emu_lib_vformat(name->string, sizeof name->string, fmt, ap);
   va_end(ap);
   return need < sizeof name->string ? VMK_OK : VMK_LIMIT_EXCEEDED;
}

EMU_EXPORT const char *
vmk_NameToString(const vmk_Name *name)
{
   if (name == NULL) {
      emu_report(EMU_RPT_MISUSE, NULL, EMU_CALLER(), "%s: NULL name",
                 __func__);
      return "";
   }
   return name->string;
}

EMU_EXPORT void
vmk_NameCopy(vmk_Name *dst, vmk_Name *src)
{
   if (dst == NULL || src == NULL) {
      emu_report(EMU_RPT_MISUSE, NULL, EMU_CALLER(), "%s: NULL name",
                 __func__);
      return;
   }
   if (dst != src) {
      *dst = *src;                  /* no checks, as documented */
   }
}
