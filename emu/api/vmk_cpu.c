/*
 * vmk_cpu.c -- the current PCPU (VMK_WITH_PCPU_DO) and the vmk_CPU* calls
 * of base/vmkapi_platform.h, over the world engine's simulated PCPUs.
 *
 * Interrupts are simulated per world: disabling them enters a non-blocking
 * region (a blocking call is then a report) until they are enabled again.
 * The flags word carries one bit, "interrupts enabled".  Cache flushes are
 * full memory fences: host memory is coherent, so there is nothing else to
 * do, and the call really does what it promises.
 */
#include "api.h"

#include <string.h>

#include "core/block.h"
#include "world/world.h"

#define CPU_FLAG_IF 0x200u          /* the x86 interrupt flag's position */

/* A full barrier as a sequentially consistent RMW (sanitizers model it). */
static uint64_t cpu_fence_word;

static void
cpu_full_fence(void)
{
   (void)__atomic_fetch_add(&cpu_fence_word, 0, __ATOMIC_SEQ_CST);
}

/* What _vmk_PCPUGet keeps in the caller's vmk_WithPCPUState. */
struct cpu_with_state {
   uint32_t cs_pcpu;
   uint32_t cs_magic;
};

#define CPU_WITH_MAGIC 0x57504355u

EMU_EXPORT vmk_PCPUID
_vmk_PCPUGet(vmk_WithPCPUState *withPCPUState)
{
   struct emu_world *w = emu_world_self();
   struct cpu_with_state cs = { w->w_pcpu, CPU_WITH_MAGIC };

   _Static_assert(sizeof cs <= sizeof withPCPUState->opaque,
                  "vmk_WithPCPUState too small");
   if (withPCPUState != NULL) {
      memcpy(withPCPUState->opaque, &cs, sizeof cs);
   }
   EMU_NONBLOCKING_BEGIN("inside VMK_WITH_PCPU_DO (preemption disabled)");
   return (vmk_PCPUID)(uintptr_t)w->w_pcpu;
}

EMU_EXPORT void
_vmk_PCPURelease(vmk_PCPUID pcpu, vmk_WithPCPUState *withPCPUState)
{
   struct cpu_with_state cs;

   if (withPCPUState != NULL) {
      memcpy(&cs, withPCPUState->opaque, sizeof cs);
      if (cs.cs_magic != CPU_WITH_MAGIC ||
          cs.cs_pcpu != (uint32_t)(uintptr_t)pcpu) {
         emu_report_obj_t obj = { "pcpu", NULL, NULL };

         emu_report(EMU_RPT_MISUSE, &obj, EMU_CALLER(),
                    "VMK_END_WITH_PCPU without a matching VMK_WITH_PCPU_DO");
         return;
      }
   }
   EMU_NONBLOCKING_END();
}

EMU_EXPORT void
vmk_CPUDisableInterrupts(void)
{
   struct emu_world *w = emu_world_self();

   if (w->w_ints_off++ == 0) {
      EMU_NONBLOCKING_BEGIN("interrupts are disabled");
   }
}

EMU_EXPORT void
vmk_CPUEnableInterrupts(void)
{
   struct emu_world *w = emu_world_self();

   if (w->w_ints_off > 0 && --w->w_ints_off == 0) {
      EMU_NONBLOCKING_END();
   }
}

EMU_EXPORT vmk_Bool
vmk_CPUHasIntsEnabled(void)
{
   return emu_world_self()->w_ints_off == 0 ? VMK_TRUE : VMK_FALSE;
}

EMU_EXPORT vmk_CPUFlags
vmk_CPUGetFlags(void)
{
   return emu_world_self()->w_ints_off == 0 ? CPU_FLAG_IF : 0;
}

EMU_EXPORT void
vmk_CPUSetFlags(vmk_CPUFlags flags)
{
   if ((flags & CPU_FLAG_IF) != 0) {
      vmk_CPUEnableInterrupts();
   } else if (emu_world_self()->w_ints_off == 0) {
      vmk_CPUDisableInterrupts();
   }
}

EMU_EXPORT VMK_ReturnStatus
vmk_CPUCacheFlush(vmk_PCPUID pcpu, vmk_VA va, vmk_ByteCount size)
{
   (void)va;
   (void)size;
   if ((uintptr_t)pcpu >= emu_world_npcpus()) {
      return VMK_BAD_PARAM;
   }
   cpu_full_fence();
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_CPUGlobalCacheFlush(void)
{
   cpu_full_fence();
   return VMK_OK;
}
