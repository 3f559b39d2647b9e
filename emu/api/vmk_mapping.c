/*
 * vmk_mapping.c -- core/vmkapi_mapping.h: vmk_Map, vmk_Unmap,
 * vmk_MapChangeAttributes.
 *
 * Machine memory is mapped once, whole (machmem.c), so mapping MPN ranges
 * is arithmetic: the VA of the first range's first page.  The ranges of a
 * request must therefore follow each other in that direct map (consecutive
 * MPNs, or the end of bank 0 followed by the start of bank 1); mapping
 * scattered pages at one contiguous VA would need page aliasing, which the
 * host boundary does not offer, so such a request is not emulated
 * (VMK_NOT_SUPPORTED and a "not emulated" log line).  Device mappings
 * (MMIO) have no meaning off-host and are not emulated either.
 *
 * Every mapping is a record (a resource of kind MAP, so leaks are listed)
 * found again by its VA; vmk_Unmap of a VA with no live mapping is a
 * BAD_FREE report.  Attributes are recorded and reported back to tests;
 * caching attributes mean nothing here and read-only is not enforced (no
 * page protection through the host boundary).
 */
#include "api.h"

#include <stdlib.h>
#include <string.h>

#include "core/fault.h"
#include "core/rsrc.h"
#include "mem/machmem.h"

typedef struct map_rec {
   struct map_rec *m_next;
   vmk_VA          m_va;
   vmk_uint64      m_bytes;
   vmk_MapAttrs    m_attrs;
   emu_rsrc_t      m_rsrc;
} map_rec_t;

static emu_mutex_t map_lock = EMU_MUTEX_INITIALIZER;
static map_rec_t  *map_list;

EMU_EXPORT VMK_ReturnStatus
vmk_Map(vmk_ModuleID moduleID, vmk_MapRequest *mapRequest, vmk_VA *va)
{
   map_rec_t *m;
   uintptr_t first = 0;
   uintptr_t next = 0;
   uint64_t bytes = 0;
   vmk_uint32 i;

   (void)moduleID;
   if (mapRequest == NULL || va == NULL || mapRequest->numElements == 0 ||
       mapRequest->mpnRanges == NULL) {
      return VMK_BAD_PARAM;
   }
   if (mapRequest->mapType == VMK_MAPTYPE_DEVICE) {
      EMU_API_NOT_EMULATED();
   }
   for (i = 0; i < mapRequest->numElements; i++) {
      const vmk_MpnRange *r = &mapRequest->mpnRanges[i];
      uintptr_t v;

      if (r->numPages == 0 ||
          emu_machmem_ma2va(r->startMPN << EMU_MM_PAGE_SHIFT,
                            (uint64_t)r->numPages << EMU_MM_PAGE_SHIFT,
                            &v) != EMU_OK) {
         return VMK_BAD_PARAM;
      }
      if (i == 0) {
         first = v;
      } else if (v != next) {
         EMU_API_NOT_EMULATED();
      }
      next = v + ((uintptr_t)r->numPages << EMU_MM_PAGE_SHIFT);
      bytes += (uint64_t)r->numPages << EMU_MM_PAGE_SHIFT;
   }
   if (emu_fault_inject(EMU_FAULT_MAP, EMU_CALLER())) {
      return VMK_NO_MEMORY;
   }
   m = calloc(1, sizeof *m);
   if (m == NULL) {
      return VMK_NO_MEMORY;
   }
   m->m_va = first;
   m->m_bytes = bytes;
   m->m_attrs = mapRequest->mapAttrs;
   emu_rsrc_add(&m->m_rsrc, EMU_RSRC_MAP, "mapping", "vmk_Map", EMU_CALLER());
   emu_mutex_lock(&map_lock);
   m->m_next = map_list;
   map_list = m;
   emu_mutex_unlock(&map_lock);
   *va = first;
   return VMK_OK;
}

static map_rec_t **
map_find(vmk_VA va)
{
   map_rec_t **pp;

   for (pp = &map_list; *pp != NULL; pp = &(*pp)->m_next) {
      if ((*pp)->m_va == va) {
         return pp;
      }
   }
   return NULL;
}

EMU_EXPORT void
vmk_Unmap(vmk_VA va)
{
   map_rec_t **pp;
   map_rec_t *m;

   emu_mutex_lock(&map_lock);
   pp = map_find(va);
   if (pp == NULL) {
      emu_report_obj_t obj = { "mapping", NULL, (const void *)va };

      emu_mutex_unlock(&map_lock);
      emu_report(EMU_RPT_BAD_FREE, &obj, EMU_CALLER(),
                 "vmk_Unmap: no live mapping at VA 0x%llx",
                 (unsigned long long)va);
      return;
   }
   m = *pp;
   *pp = m->m_next;
   emu_mutex_unlock(&map_lock);
   emu_rsrc_remove(&m->m_rsrc);
   free(m);
}

EMU_EXPORT VMK_ReturnStatus
vmk_MapChangeAttributes(vmk_VA va, vmk_MapAttrs attrs)
{
   map_rec_t **pp;

   emu_mutex_lock(&map_lock);
   pp = map_find(va);
   if (pp == NULL) {
      emu_mutex_unlock(&map_lock);
      return VMK_BAD_PARAM;
   }
   (*pp)->m_attrs = attrs;
   emu_mutex_unlock(&map_lock);
   return VMK_OK;
}
