/*
 * vmk_uuid.c -- core/vmkapi_vmuuid.h.
 *
 * A VM UUID is printed as 16 hex byte pairs separated by spaces, with a '-'
 * between the eighth and ninth ("56 4d ... 2b-8a ... 01"): 47 characters
 * and a NUL.  The emulator runs no VMs, so this is the only VM UUID call.
 */
#include "api.h"

#define UUID_VM_STRING_MAX 48

EMU_EXPORT vmk_ByteCount
vmk_VMUUIDGetMaxLength(void)
{
   return UUID_VM_STRING_MAX;
}
