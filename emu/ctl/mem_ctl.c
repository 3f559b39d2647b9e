/*
 * mem_ctl.c -- EmuCtl_* for machine memory, pools and heaps (emuctl_mem.h).
 */
#include "api/api.h"
#include "ctl/ctl.h"
#include "emuctl.h"

#include "mem/heap.h"
#include "mem/machmem.h"
#include "mem/mempool.h"

/* The machine-memory engine row: the size EmuCtl_Init decided. */
emu_status_t
emu_machmem_init(void)
{
   return emu_machmem_start(emu_ctl_config.machine_mem);
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_MachMemGetInfo(EmuCtl_MachMemInfo *info)
{
   if (info == NULL) {
      return VMK_BAD_PARAM;
   }
   if (!emu_mm.mm_live) {
      return VMK_NOT_INITIALIZED;
   }
   info->totalBytes = emu_mm.mm_bytes;
   info->freePages = emu_machmem_free_pages();
   info->unreservedPages = emu_mempool_unreserved();
   info->lowStartMPN = emu_mm.mm_bank[0].mb_mpn;
   info->lowPages = emu_mm.mm_bank[0].mb_npages;
   info->highStartMPN = emu_mm.mm_bank[1].mb_mpn;
   info->highPages = emu_mm.mm_bank[1].mb_npages;
   info->residentBytes = emu_host_resident_bytes();
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_MemPoolGetUsage(vmk_MemPool pool, vmk_uint64 *usedPages)
{
   uint64_t used;

   if (usedPages == NULL || emu_mempool_check((emu_mempool_t *)pool) !=
                               EMU_OK) {
      return VMK_BAD_PARAM;
   }
   emu_mempool_get((emu_mempool_t *)pool, NULL, NULL, &used);
   *usedPages = used;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_HeapGetUsage(vmk_HeapID heap, EmuCtl_HeapUsage *usage)
{
   emu_heap_t *h = (emu_heap_t *)heap;
   uint64_t bytes;

   if (usage == NULL || emu_heap_check(h) != EMU_OK) {
      return VMK_BAD_PARAM;
   }
   usage->liveAllocations = emu_heap_live(h, &bytes);
   usage->chargedBytes = bytes;
   usage->maxBytes = h->h_max;
   return VMK_OK;
}
