/*
 * vmk_machmem.c -- core/vmkapi_machine_memory.h over emu/mem/machmem.c.
 *
 * Decisions where the ESXi documentation is silent:
 * - vmk_MA2VA / vmk_VA2MA translate ranges that lie wholly inside one bank
 *   of simulated machine memory; anything else (outside memory, or a range
 *   that crosses the gap between the banks) is VMK_BAD_PARAM.  A length of
 *   0 is treated as 1 byte.
 * - vmk_MachMemMaxAddr is the last byte of the highest bank.
 * - vmk_MAGetConstraint names the narrowest constraint the address meets.
 * - vmk_MAAssertIOAbilityInt on a range that is not machine memory is a
 *   MISUSE report (ESXi asserts).
 */
#include "api.h"

#include "core/assert.h"
#include "mem/machmem.h"

EMU_STATIC_ASSERT((int)VMK_PHYS_ADDR_BELOW_4GB == (int)EMU_MM_RANGE_BELOW_4GB,
                  "ranges agree");
EMU_STATIC_ASSERT((int)VMK_PHYS_ADDR_BELOW_2GB == (int)EMU_MM_RANGE_BELOW_2GB,
                  "ranges agree");
EMU_STATIC_ASSERT((int)VMK_PHYS_ADDR_BELOW_512GB ==
                     (int)EMU_MM_RANGE_BELOW_512GB, "ranges agree");
EMU_STATIC_ASSERT(VMK_PAGE_SIZE == EMU_MM_PAGE_SIZE, "page size agrees");

EMU_EXPORT VMK_ReturnStatus
vmk_MA2VA(vmk_MA ma, vmk_ByteCount length, vmk_VA *va)
{
   uintptr_t v;

   if (va == NULL) {
      return VMK_BAD_PARAM;
   }
   if (emu_machmem_ma2va(ma, length, &v) != EMU_OK) {
      return VMK_BAD_PARAM;
   }
   *va = v;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_VA2MA(vmk_VA va, vmk_ByteCount length, vmk_MA *ma)
{
   uint64_t m;

   if (ma == NULL) {
      return VMK_BAD_PARAM;
   }
   if (emu_machmem_va2ma((uintptr_t)va, length, &m) != EMU_OK) {
      return VMK_BAD_PARAM;
   }
   *ma = m;
   return VMK_OK;
}

EMU_EXPORT void
vmk_MAAssertIOAbilityInt(vmk_MA ma, vmk_ByteCount len)
{
   uintptr_t v;

   if (emu_machmem_ma2va(ma, len, &v) != EMU_OK) {
      emu_report_obj_t obj = { "machine memory", NULL, NULL };

      emu_report(EMU_RPT_MISUSE, &obj, EMU_CALLER(),
                 "vmk_MAAssertIOAbility: MA 0x%llx length %llu is not "
                 "machine memory", (unsigned long long)ma,
                 (unsigned long long)len);
   }
}

EMU_EXPORT vmk_MemPhysAddrConstraint
vmk_MAGetConstraint(vmk_MA ma)
{
   return (vmk_MemPhysAddrConstraint)emu_machmem_range_of(ma);
}

EMU_EXPORT vmk_MA
vmk_MAGetZeroBuffer(vmk_ByteCount *len)
{
   if (len != NULL) {
      *len = EMU_MM_ZERO_PAGES * EMU_MM_PAGE_SIZE;
   }
   return emu_mm.mm_zero_mpn << EMU_MM_PAGE_SHIFT;
}

EMU_EXPORT vmk_MA
vmk_MachMemMaxAddr(void)
{
   const emu_mm_bank_t *bk = &emu_mm.mm_bank[EMU_MM_NBANKS - 1];

   return ((bk->mb_mpn + bk->mb_npages) << EMU_MM_PAGE_SHIFT) - 1;
}
