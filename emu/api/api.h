/*
 * api.h -- shared by the emu/api/vmk_*.c files: the one place where the
 * engines' dialect (emu_status_t, emu_* objects) meets the ESX API's
 * (VMK_ReturnStatus, vmk_* handles).
 *
 * Every exported function is defined with EMU_EXPORT: the library is built
 * with -fvisibility=hidden, so only what is marked here and in emu/ctl is
 * visible to drivers (tests/exports checks that against the headers).
 */
#ifndef EMU_API_API_H
#define EMU_API_API_H

#include "vmkapi.h"

#include "core/log.h"
#include "core/report.h"
#include "core/status.h"
#include "host/host.h"

static inline VMK_ReturnStatus
emu_api_status(emu_status_t st)
{
   switch (st) {
   case EMU_OK:          return VMK_OK;
   case EMU_NOMEM:       return VMK_NO_MEMORY;
   case EMU_BADPARAM:    return VMK_BAD_PARAM;
   case EMU_TIMEOUT:     return VMK_TIMEOUT;
   case EMU_WOULDBLOCK:  return VMK_WOULD_BLOCK;
   case EMU_NOTFOUND:    return VMK_NOT_FOUND;
   case EMU_BUSY:        return VMK_BUSY;
   case EMU_EXISTS:      return VMK_EXISTS;
   case EMU_LIMIT:       return VMK_LIMIT_EXCEEDED;
   case EMU_BADHANDLE:   return VMK_INVALID_HANDLE;
   case EMU_NOTSUP:      return VMK_NOT_SUPPORTED;
   case EMU_INTERRUPTED: return VMK_WAIT_INTERRUPTED;
   case EMU_FAILURE:     return VMK_FAILURE;
   }
   return VMK_FAILURE;
}

/* Run and forget every reboot handler (vmk_system.c); returns how many ran. */
vmk_uint32 emu_api_system_reboot(void);

/* "not emulated: <name>" once, then VMK_NOT_SUPPORTED. */
#define EMU_API_NOT_EMULATED()                                            \
   do {                                                                   \
      EMU_NOT_EMULATED(__func__);                                         \
      return VMK_NOT_SUPPORTED;                                           \
   } while (0)

#endif
