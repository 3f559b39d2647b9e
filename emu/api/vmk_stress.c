/*
 * vmk_stress.c -- vmk_StressOption* over emu/mod/stress.c (theory there):
 * the public option names, values set by tests, hits and draws from a
 * seeded generator.  Every failure the header documents is VMK_BAD_PARAM.
 */
#include "api.h"

#include "mod/stress.h"

EMU_EXPORT VMK_ReturnStatus
vmk_StressOptionOpen(const char *name, vmk_StressOptionHandle *handleOut)
{
   uint64_t h;

   if (name == NULL || handleOut == NULL ||
       emu_stress_open(name, &h) != EMU_OK) {
      return VMK_BAD_PARAM;
   }
   *handleOut = h;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_StressOptionClose(vmk_StressOptionHandle handle)
{
   return emu_stress_close(handle) == EMU_OK ? VMK_OK : VMK_BAD_PARAM;
}

EMU_EXPORT VMK_ReturnStatus
vmk_StressOptionValue(vmk_StressOptionHandle handle, vmk_uint32 *value)
{
   if (value == NULL) {
      return VMK_BAD_PARAM;
   }
   return emu_stress_value(handle, value) == EMU_OK ? VMK_OK : VMK_BAD_PARAM;
}

EMU_EXPORT VMK_ReturnStatus
vmk_StressOptionCounter(vmk_StressOptionHandle handle, vmk_Bool *flag)
{
   int hit;

   if (flag == NULL || emu_stress_counter(handle, &hit) != EMU_OK) {
      return VMK_BAD_PARAM;
   }
   *flag = hit ? VMK_TRUE : VMK_FALSE;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_StressOptionRandValue(vmk_StressOptionHandle handle, vmk_uint32 *value)
{
   if (value == NULL) {
      return VMK_BAD_PARAM;
   }
   return emu_stress_rand(handle, value) == EMU_OK ? VMK_OK : VMK_BAD_PARAM;
}
