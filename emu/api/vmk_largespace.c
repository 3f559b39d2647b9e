/*
 * vmk_largespace.c -- core/vmkapi_largespace.h: large virtual ranges.
 *
 * A large space is a range of kernel virtual pages reserved up front, into
 * which a driver later maps machine pages wherever it likes.  Reserving,
 * deleting and the bookkeeping of what lies where are real here: each
 * reservation takes a run of VPNs from a range that no host mapping can
 * ever occupy (non-canonical addresses), so touching a reserved page that
 * holds no mapping faults, as it does on ESXi, and two reservations never
 * overlap.
 *
 * Mapping is not emulated: placing an arbitrary machine page at an
 * arbitrary virtual page needs page aliasing, and machine memory is one
 * private host mapping that the host boundary cannot alias (see
 * vmk_mapping.c for the same limit).  vmk_LargeSpaceMap therefore checks
 * its arguments like ESXi would and then answers VMK_NOT_SUPPORTED with a
 * "not emulated" line; with nothing ever mapped, vmk_LargeSpaceUnmap of a
 * reserved range answers VMK_NOT_FOUND.  doc/differences.md says so.
 *
 * Reservations are resources (kind MAP) so leaks are listed; handles are
 * checked against the list of live reservations before use.
 */
#include "api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/rsrc.h"
#include "core/block.h"
#include "mem/machmem.h"
#include "mod/module.h"

/* VPNs of large spaces: bit 62 set, never canonical on x86-64. */
#define LS_VA_BASE    ((vmk_uint64)0x7d00000000000000ull)
#define LS_VA_END     ((vmk_uint64)0x7e00000000000000ull)
#define LS_FLAGS_ALL  (VMK_LARGESPACE_MAP_FLAG_LARGE_PAGE |               \
                       VMK_LARGESPACE_MAP_FLAG_UNCACHED |                 \
                       VMK_LARGESPACE_MAP_FLAG_DEVICE |                   \
                       VMK_LARGESPACE_MAP_FLAG_READONLY |                 \
                       VMK_LARGESPACE_MAP_FLAG_WRITECOMBINE)

struct vmk_LargeSpaceHandleInt {
   struct vmk_LargeSpaceHandleInt *ls_next;
   char        ls_name[VMK_MISC_NAME_MAX];
   vmk_VPN     ls_vpn;
   vmk_uint64  ls_npages;
   vmk_uint64  ls_nmapped;      /* pages mapped now (always 0, see above) */
   emu_rsrc_t  ls_rsrc;
};

static emu_mutex_t ls_lock = EMU_MUTEX_INITIALIZER;
static struct vmk_LargeSpaceHandleInt *ls_list;
static vmk_uint64 ls_next_vpn = LS_VA_BASE >> EMU_MM_PAGE_SHIFT;

/* The live reservation h, or NULL.  => ls_lock held. */
static struct vmk_LargeSpaceHandleInt *
ls_find(vmk_LargeSpaceHandle h)
{
   struct vmk_LargeSpaceHandleInt *ls;

   for (ls = ls_list; ls != NULL; ls = ls->ls_next) {
      if (ls == h) {
         return ls;
      }
   }
   return NULL;
}

EMU_EXPORT vmk_ByteCountSmall
vmk_LargeSpaceAllocSize(void)
{
   return (vmk_ByteCountSmall)sizeof(struct vmk_LargeSpaceHandleInt);
}

EMU_EXPORT VMK_ReturnStatus
vmk_LargeSpaceReserve(vmk_ModuleID moduleID, const vmk_Name *mapName,
                      vmk_uint64 numPages, vmk_LargeSpaceHandle *lHandle,
                      vmk_VPN *vpn)
{
   struct vmk_LargeSpaceHandleInt *ls;
   vmk_uint64 limit = (LS_VA_END >> EMU_MM_PAGE_SHIFT);

   EMU_MAY_BLOCK();
   if (mapName == NULL || lHandle == NULL || vpn == NULL || numPages == 0 ||
       !emu_mod_exists((int32_t)moduleID)) {
      return VMK_BAD_PARAM;
   }
   ls = calloc(1, sizeof *ls);
   if (ls == NULL) {
      return VMK_NO_MEMORY;
   }
   memcpy(ls->ls_name, mapName->string, sizeof ls->ls_name);
   ls->ls_name[sizeof ls->ls_name - 1] = '\0';
   ls->ls_npages = numPages;
   emu_mutex_lock(&ls_lock);
   /* One unreserved guard page between reservations; VPNs never reused. */
   if (numPages > limit - ls_next_vpn - 1) {
      emu_mutex_unlock(&ls_lock);
      free(ls);
      return VMK_NO_MEMORY;
   }
   ls->ls_vpn = ls_next_vpn;
   ls_next_vpn += numPages + 1;
   ls->ls_next = ls_list;
   ls_list = ls;
   emu_mutex_unlock(&ls_lock);
   emu_rsrc_add(&ls->ls_rsrc, EMU_RSRC_MAP, "large space", ls->ls_name,
                EMU_CALLER());
   *lHandle = ls;
   *vpn = ls->ls_vpn;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_LargeSpaceMap(vmk_LargeSpaceHandle handle, vmk_VPN vpn, vmk_MPN mpn,
                  vmk_LargeSpaceMapFlags flags, vmk_IOReservation reservation,
                  vmk_uint64 numPages)
{
   struct vmk_LargeSpaceHandleInt *ls;
   int inside;

   (void)reservation;
   EMU_MAY_BLOCK();
   emu_mutex_lock(&ls_lock);
   ls = ls_find(handle);
   inside = ls != NULL && numPages != 0 && vpn >= ls->ls_vpn &&
            numPages <= ls->ls_npages &&
            vpn - ls->ls_vpn <= ls->ls_npages - numPages;
   emu_mutex_unlock(&ls_lock);
   if (!inside || ((unsigned)flags & ~(unsigned)LS_FLAGS_ALL) != 0) {
      return VMK_BAD_PARAM;
   }
   if (!(flags & VMK_LARGESPACE_MAP_FLAG_DEVICE) &&
       (emu_machmem_index(mpn) < 0 ||
        emu_machmem_index(mpn + numPages - 1) < 0)) {
      return VMK_BAD_PARAM;
   }
   EMU_API_NOT_EMULATED();
}

EMU_EXPORT VMK_ReturnStatus
vmk_LargeSpaceUnmap(vmk_LargeSpaceHandle lHandle, vmk_VA vpn,
                    vmk_uint64 numPages, vmk_LargeSpaceMapFlags mapFlags)
{
   struct vmk_LargeSpaceHandleInt *ls;
   int inside;

   EMU_MAY_BLOCK();
   emu_mutex_lock(&ls_lock);
   ls = ls_find(lHandle);
   inside = ls != NULL && numPages != 0 && vpn >= ls->ls_vpn &&
            numPages <= ls->ls_npages &&
            vpn - ls->ls_vpn <= ls->ls_npages - numPages;
   emu_mutex_unlock(&ls_lock);
   if (!inside || ((unsigned)mapFlags & ~(unsigned)LS_FLAGS_ALL) != 0) {
      return VMK_BAD_PARAM;
   }
   /* Nothing is ever mapped (see the top of this file). */
   return VMK_NOT_FOUND;
}

EMU_EXPORT VMK_ReturnStatus
vmk_LargeSpaceDelete(vmk_LargeSpaceHandle lHandle)
{
   struct vmk_LargeSpaceHandleInt **pp;
   struct vmk_LargeSpaceHandleInt *ls = NULL;

   emu_mutex_lock(&ls_lock);
   for (pp = &ls_list; *pp != NULL; pp = &(*pp)->ls_next) {
      if (*pp == lHandle) {
         ls = *pp;
         break;
      }
   }
   if (ls == NULL) {
      emu_mutex_unlock(&ls_lock);
      return VMK_BAD_PARAM;
   }
   if (ls->ls_nmapped != 0) {
      emu_mutex_unlock(&ls_lock);
      return VMK_BUSY;
   }
   *pp = ls->ls_next;
   emu_mutex_unlock(&ls_lock);
   emu_rsrc_remove(&ls->ls_rsrc);
   free(ls);
   return VMK_OK;
}
