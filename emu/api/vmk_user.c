/*
 * vmk_user.c -- core/vmkapi_user.h: the simulated user process's memory.
 *
 * 1. Model: the test program plays one user process (the "cartel"; any
 *    live world ID names it).  Its memory is a set of regions at user
 *    addresses that no host mapping can occupy (non-canonical, bit 62 set),
 *    so a driver that dereferences a user pointer instead of copying faults
 *    at once, as it would on ESXi with SMAP.  Only vmk_CopyFromUser /
 *    vmk_CopyToUser (the driver) and EmuCtl_UserRead / EmuCtl_UserWrite
 *    (the process) reach the bytes, page by page, through the machine page
 *    behind each user page.
 * 2. Regions: BUFFER (EmuCtl_UserBufferCreate), and the three vmk_UserMap
 *    kinds -- MPNS (the driver's machine pages, with optional fault and
 *    post-fault callbacks), ANON (private pages) and SHARED (pages owned by
 *    a shared object that several mappings attach to by handle).  BUFFER,
 *    ANON and SHARED pages get a machine page on first touch (zeroed);
 *    addresses are never reused, with an unmapped page between regions.
 * 3. Faults: vmk_UserMapEnableNotify marks one MPNS page not present; the
 *    next touch calls faultFunction for an MPN, installs it, and calls
 *    postFaultFunction(success).  VMK_MAPFAULT_RETRY retries the fault.
 *    Callbacks run with no lock held.
 * 4. Pins: vmk_UserPinPage counts pins per page; unmapping a region with
 *    pinned pages is a MISUSE report (the pages go anyway).
 * 5. Valid MPN ranges (vmk_UserAddValidMPNRange) let MPNS mappings name
 *    pages outside machine memory (device memory); such pages have no
 *    bytes here, so copies through them answer VMK_INVALID_ADDRESS.
 *    Inside machine memory any MPN may be mapped.
 * 6. Every region, shared object and valid range is a resource, so the
 *    leak checks list what a driver or test left behind.
 */
#include "api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emuctl.h"
#include "core/block.h"
#include "core/rsrc.h"
#include "mem/machmem.h"
#include "world/world.h"

#define US_VA_BASE     ((vmk_uint64)0x7e00000000000000ull)
#define US_VA_END      ((vmk_uint64)0x7f00000000000000ull)
#define US_PAGE        EMU_MM_PAGE_SIZE
#define US_SHIFT       EMU_MM_PAGE_SHIFT
#define US_FAULT_TRIES 64
#define US_SH_MAGIC    0x75736873u   /* "ushs" */
#define US_ATTRS_OK    (VMK_MAPATTRS_READWRITE | VMK_MAPATTRS_WRITECOMBINE | \
                        VMK_MAPATTRS_UNCACHED)

enum us_kind { US_BUFFER = 0, US_MPNS, US_ANON, US_SHARED };

static const char *const us_kind_name[] = {
   "user buffer", "user mapping (mpns)", "user mapping (anon)",
   "user mapping (shared)",
};

typedef struct us_page {
   vmk_MPN    pg_mpn;
   vmk_uint8  pg_present;
   vmk_uint8  pg_owned;        /* taken from machine memory by us */
   vmk_uint8  pg_notify;       /* MPNS: fault callbacks on next touch */
   vmk_uint32 pg_pins;
} us_page_t;

struct vmkUserMapHandleInt {
   vmk_uint32   sh_magic;
   vmk_uint32   sh_refs;        /* mappings attached */
   vmk_uint64   sh_npages;
   us_page_t   *sh_pages;
   char         sh_name[40];
   emu_rsrc_t   sh_rsrc;
};

typedef struct us_region {
   struct us_region *r_next;
   vmk_VA            r_va;
   vmk_uint64        r_npages;
   enum us_kind      r_kind;
   us_page_t        *r_pages;   /* own, or the shared object's */
   struct vmkUserMapHandleInt *r_shared;
   vmk_UserMapCallback r_release;
   void             *r_release_arg;
   vmk_UserMapFaultCallback r_fault;
   void             *r_fault_arg;
   vmk_UserMapPostFaultCallback r_post;
   void             *r_post_arg;
   char              r_name[32];
   emu_rsrc_t        r_rsrc;
} us_region_t;

typedef struct us_range {
   struct us_range *v_next;
   vmk_MPN          v_mpn;
   vmk_uint32       v_npages;
   char             v_name[40];
   emu_rsrc_t       v_rsrc;
} us_range_t;

static emu_mutex_t  us_lock = EMU_MUTEX_INITIALIZER;
static us_region_t *us_regions;
static us_range_t  *us_ranges;
static vmk_uint64   us_next_va = US_VA_BASE;

/* The region holding va, or NULL.  => us_lock held. */
static us_region_t *
us_find(vmk_VA va)
{
   us_region_t *r;

   for (r = us_regions; r != NULL; r = r->r_next) {
      if (va >= r->r_va && ((va - r->r_va) >> US_SHIFT) < r->r_npages) {
         return r;
      }
   }
   return NULL;
}

/* Is [mpn, mpn+n) inside a valid range?  => us_lock held. */
static int
us_range_valid(vmk_MPN mpn, vmk_uint64 n)
{
   us_range_t *v;

   for (v = us_ranges; v != NULL; v = v->v_next) {
      if (mpn >= v->v_mpn && mpn + n <= v->v_mpn + v->v_npages) {
         return 1;
      }
   }
   return 0;
}

/*
 * Take a user address range [va, va+npages) that is free: the given one
 * (VMK_INVALID_ADDRESS unless page aligned, inside the user range and
 * free) or the next unused one.  => us_lock held.
 */
static VMK_ReturnStatus
us_place(vmk_VA want, vmk_uint64 npages, vmk_VA *va)
{
   us_region_t *r;

   if (npages == 0 || npages > ((US_VA_END - US_VA_BASE) >> US_SHIFT) / 2) {
      return VMK_BAD_PARAM;
   }
   if (want != 0) {
      if ((want & (US_PAGE - 1)) != 0 || want < US_VA_BASE ||
          want >= US_VA_END || npages > (US_VA_END - want) >> US_SHIFT) {
         return VMK_INVALID_ADDRESS;
      }
      for (r = us_regions; r != NULL; r = r->r_next) {
         if (want < r->r_va + (r->r_npages << US_SHIFT) &&
             r->r_va < want + (npages << US_SHIFT)) {
            return VMK_INVALID_ADDRESS;
         }
      }
      if (want + (npages << US_SHIFT) + US_PAGE > us_next_va) {
         us_next_va = want + (npages << US_SHIFT) + US_PAGE;
      }
      *va = want;
      return VMK_OK;
   }
   if (npages > (US_VA_END - us_next_va) >> US_SHIFT) {
      return VMK_NO_MEMORY;
   }
   *va = us_next_va;
   us_next_va += (npages + 1) << US_SHIFT;
   return VMK_OK;
}

static us_region_t *
us_region_new(enum us_kind kind, vmk_uint64 npages, int own_pages)
{
   us_region_t *r = calloc(1, sizeof *r);

   if (r == NULL) {
      return NULL;
   }
   if (own_pages) {
      r->r_pages = calloc(npages, sizeof *r->r_pages);
      if (r->r_pages == NULL) {
         free(r);
         return NULL;
      }
   }
   r->r_kind = kind;
   r->r_npages = npages;
   return r;
}

/* Link r in and register it.  => us_lock held. */
static void
us_region_publish(us_region_t *r, const void *caller)
{
   snprintf(r->r_name, sizeof r->r_name, "0x%llx+%llu",
            (unsigned long long)r->r_va, (unsigned long long)r->r_npages);
   r->r_next = us_regions;
   us_regions = r;
   emu_rsrc_add(&r->r_rsrc, r->r_kind == US_BUFFER ? EMU_RSRC_OTHER :
                EMU_RSRC_MAP, us_kind_name[r->r_kind], r->r_name, caller);
}

static void
us_pages_release(us_page_t *pages, vmk_uint64 n, const void *caller)
{
   vmk_uint64 i;

   for (i = 0; i < n; i++) {
      if (pages[i].pg_owned && pages[i].pg_present) {
         emu_machmem_pages_free(pages[i].pg_mpn, 1, caller);
      }
   }
}

/*
 * Unlink r (already found) and free it: owned pages back, shared object
 * dereferenced, pinned pages reported, release callback run.  => us_lock
 * held on entry, dropped on return.
 */
static void
us_region_destroy(us_region_t *r, const void *caller)
{
   us_region_t **pp;
   struct vmkUserMapHandleInt *sh = r->r_shared;
   vmk_uint64 pinned = 0;
   vmk_uint64 i;
   int free_sh = 0;

   for (pp = &us_regions; *pp != r; pp = &(*pp)->r_next) {
   }
   *pp = r->r_next;
   for (i = 0; i < r->r_npages; i++) {
      pinned += r->r_pages[i].pg_pins != 0;
   }
   if (sh != NULL) {
      if (--sh->sh_refs == 0) {
         sh->sh_magic = 0;
         free_sh = 1;
      }
   }
   emu_mutex_unlock(&us_lock);
   if (pinned != 0 && (sh == NULL || free_sh)) {
      emu_report_obj_t obj = { us_kind_name[r->r_kind], r->r_name,
                               (void *)r->r_va };

      emu_report(EMU_RPT_MISUSE, &obj, caller,
                 "unmapped with %llu page(s) still pinned",
                 (unsigned long long)pinned);
   }
   emu_rsrc_remove(&r->r_rsrc);
   if (sh == NULL) {
      us_pages_release(r->r_pages, r->r_npages, caller);
      free(r->r_pages);
   } else if (free_sh) {
      us_pages_release(sh->sh_pages, sh->sh_npages, caller);
      emu_rsrc_remove(&sh->sh_rsrc);
      free(sh->sh_pages);
      free(sh);
   }
   if (r->r_release != NULL) {
      r->r_release(r->r_release_arg);
   }
   free(r);
}

/*
 * The machine page behind va, faulting it in as a touch by the process
 * would.  VMK_INVALID_ADDRESS: not user memory or no bytes behind it.
 * => may block (fault callbacks, none of our locks held then).
 */
static VMK_ReturnStatus
us_page_get(vmk_VA va, vmk_MPN *mpn)
{
   int tries;

   for (tries = 0; tries < US_FAULT_TRIES; tries++) {
      us_region_t *r;
      us_page_t *p;
      vmk_UserMapFaultCallback fault;
      vmk_UserMapPostFaultCallback post;
      void *fault_arg;
      void *post_arg;
      vmk_VPN vpn = va >> US_SHIFT;
      vmk_MPN got = 0;
      VMK_ReturnStatus st;
      vmk_Bool ok;

      emu_mutex_lock(&us_lock);
      r = us_find(va);
      if (r == NULL) {
         emu_mutex_unlock(&us_lock);
         return VMK_INVALID_ADDRESS;
      }
      p = &r->r_pages[(va - r->r_va) >> US_SHIFT];
      if (r->r_kind != US_MPNS && !p->pg_present) {
         emu_mm_req_t req;
         uint64_t m;

         memset(&req, 0, sizeof req);
         req.npages = 1;
         req.caller = EMU_CALLER();
         if (emu_machmem_pages_alloc(&req, &m) != EMU_OK) {
            emu_mutex_unlock(&us_lock);
            return VMK_NO_MEMORY;
         }
         p->pg_mpn = m;
         p->pg_present = 1;
         p->pg_owned = 1;
      }
      if (p->pg_present && !p->pg_notify) {
         *mpn = p->pg_mpn;
         emu_mutex_unlock(&us_lock);
         return emu_machmem_index(*mpn) < 0 ? VMK_INVALID_ADDRESS : VMK_OK;
      }
      if (r->r_fault == NULL) {
         emu_mutex_unlock(&us_lock);
         return VMK_INVALID_ADDRESS;
      }
      fault = r->r_fault;
      fault_arg = r->r_fault_arg;
      post = r->r_post;
      post_arg = r->r_post_arg;
      emu_mutex_unlock(&us_lock);

      st = fault(fault_arg, vmk_WorldGetID(), vpn, &got);
      if (st == VMK_MAPFAULT_RETRY) {
         continue;
      }
      if (st != VMK_OK) {
         return VMK_INVALID_ADDRESS;
      }
      emu_mutex_lock(&us_lock);
      ok = VMK_FALSE;
      r = us_find(va);
      if (r != NULL && r->r_kind == US_MPNS &&
          (emu_machmem_index(got) >= 0 || us_range_valid(got, 1))) {
         p = &r->r_pages[(va - r->r_va) >> US_SHIFT];
         p->pg_mpn = got;
         p->pg_present = 1;
         p->pg_notify = 0;
         ok = VMK_TRUE;
      }
      emu_mutex_unlock(&us_lock);
      post(post_arg, ok, vmk_WorldGetID(), vpn, got);
      if (!ok) {
         return VMK_INVALID_ADDRESS;
      }
   }
   return VMK_INVALID_ADDRESS;
}

/* Copy between user memory and host memory, page by page. */
static VMK_ReturnStatus
us_copy(vmk_VA uva, void *host, vmk_ByteCount len, int to_user)
{
   unsigned char *h = host;

   while (len > 0) {
      vmk_uint64 off = uva & (US_PAGE - 1);
      vmk_uint64 n = US_PAGE - off;
      vmk_MPN mpn;
      VMK_ReturnStatus st;
      unsigned char *k;

      if (n > len) {
         n = len;
      }
      st = us_page_get(uva, &mpn);
      if (st != VMK_OK) {
         return st;
      }
      k = (unsigned char *)emu_machmem_mpn2va(mpn) + off;
      if (to_user) {
         memcpy(k, h, n);
      } else {
         memcpy(h, k, n);
      }
      uva += n;
      h += n;
      len -= n;
   }
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_CopyFromUser(vmk_VA dest, vmk_VA src, vmk_ByteCount len)
{
   EMU_MAY_BLOCK();
   if (len == 0) {
      return VMK_OK;
   }
   if (dest == 0) {
      return VMK_BAD_PARAM;
   }
   return us_copy(src, (void *)dest, len, 0);
}

EMU_EXPORT VMK_ReturnStatus
vmk_CopyToUser(vmk_VA dest, vmk_VA src, vmk_ByteCount len)
{
   EMU_MAY_BLOCK();
   if (len == 0) {
      return VMK_OK;
   }
   if (src == 0) {
      return VMK_BAD_PARAM;
   }
   return us_copy(dest, (void *)src, len, 1);
}

EMU_EXPORT VMK_ReturnStatus
vmk_UserMap(vmk_UserMapProps *props, vmk_VA *vaOut,
            vmk_UserMapHandle *userMapHandle)
{
   const void *caller = EMU_CALLER();
   struct vmkUserMapHandleInt *sh = NULL;
   us_region_t *r;
   vmk_uint64 npages = 0;
   vmk_MapAttrs attrs;
   VMK_ReturnStatus st;
   vmk_VA va;
   vmk_uint32 i;

   EMU_MAY_BLOCK();
   if (props == NULL || vaOut == NULL) {
      return VMK_BAD_PARAM;
   }
   switch (props->type) {
   case VMK_USER_MAP_MPNS: {
      vmk_MapRequest *mr = props->mpns.mapRequest;

      if (mr == NULL || mr->numElements == 0 || mr->mpnRanges == NULL ||
          (props->mpns.faultFunction == NULL) !=
             (props->mpns.postFaultFunction == NULL)) {
         return VMK_BAD_PARAM;
      }
      attrs = mr->mapAttrs;
      for (i = 0; i < mr->numElements; i++) {
         const vmk_MpnRange *mrg = &mr->mpnRanges[i];

         if (mrg->numPages == 0) {
            return VMK_BAD_PARAM;
         }
         npages += mrg->numPages;
      }
      break;
   }
   case VMK_USER_MAP_ANON:
      attrs = props->anon.mapAttrs;
      npages = (props->anon.mapLength + US_PAGE - 1) >> US_SHIFT;
      break;
   case VMK_USER_MAP_SHARED:
      if (userMapHandle == NULL) {
         return VMK_BAD_PARAM;
      }
      attrs = props->shared.mapAttrs;
      npages = (props->shared.mapLength + US_PAGE - 1) >> US_SHIFT;
      break;
   default:
      return VMK_BAD_PARAM;
   }
   if ((attrs & ~(vmk_MapAttrs)US_ATTRS_OK) != 0 || npages == 0) {
      return VMK_BAD_PARAM;
   }
   r = us_region_new((enum us_kind)props->type, npages,
                     props->type != VMK_USER_MAP_SHARED);
   if (r == NULL) {
      return VMK_NO_MEMORY;
   }
   r->r_release = props->callbackFunction;
   r->r_release_arg = props->callbackParam.ptr;

   emu_mutex_lock(&us_lock);
   if (props->type == VMK_USER_MAP_MPNS) {
      vmk_MapRequest *mr = props->mpns.mapRequest;
      vmk_uint64 k = 0;

      for (i = 0; i < mr->numElements; i++) {
         const vmk_MpnRange *mrg = &mr->mpnRanges[i];
         vmk_uint32 j;

         if (!(emu_machmem_index(mrg->startMPN) >= 0 &&
               emu_machmem_index(mrg->startMPN + mrg->numPages - 1) >= 0) &&
             !us_range_valid(mrg->startMPN, mrg->numPages)) {
            emu_mutex_unlock(&us_lock);
            free(r->r_pages);
            free(r);
            return VMK_BAD_PARAM;
         }
         for (j = 0; j < mrg->numPages; j++, k++) {
            r->r_pages[k].pg_mpn = mrg->startMPN + j;
            r->r_pages[k].pg_present = 1;
         }
      }
      r->r_fault = props->mpns.faultFunction;
      r->r_fault_arg = props->mpns.faultParam.ptr;
      r->r_post = props->mpns.postFaultFunction;
      r->r_post_arg = props->mpns.postFaultParam.ptr;
   } else if (props->type == VMK_USER_MAP_SHARED) {
      if (props->shared.create) {
         sh = calloc(1, sizeof *sh);
         if (sh != NULL) {
            sh->sh_pages = calloc(npages, sizeof *sh->sh_pages);
         }
         if (sh == NULL || sh->sh_pages == NULL) {
            emu_mutex_unlock(&us_lock);
            free(sh);
            free(r);
            return VMK_NO_MEMORY;
         }
         sh->sh_magic = US_SH_MAGIC;
         sh->sh_npages = npages;
      } else {
         us_region_t *o;

         sh = *userMapHandle;
         for (o = us_regions; o != NULL; o = o->r_next) {
            if (o->r_shared == sh && sh != NULL) {
               break;
            }
         }
         if (o == NULL || sh->sh_magic != US_SH_MAGIC ||
             npages > sh->sh_npages) {
            emu_mutex_unlock(&us_lock);
            free(r);
            return VMK_BAD_PARAM;
         }
      }
      r->r_shared = sh;
      r->r_pages = sh->sh_pages;
   }
   st = us_place(*vaOut, npages, &va);
   if (st != VMK_OK) {
      emu_mutex_unlock(&us_lock);
      if (sh != NULL && props->shared.create) {
         free(sh->sh_pages);
         free(sh);
      }
      if (r->r_shared == NULL) {
         free(r->r_pages);
      }
      free(r);
      return st;
   }
   r->r_va = va;
   if (sh != NULL) {
      sh->sh_refs++;
      if (props->shared.create) {
         snprintf(sh->sh_name, sizeof sh->sh_name, "%llu pages",
                  (unsigned long long)npages);
         emu_rsrc_add(&sh->sh_rsrc, EMU_RSRC_OTHER, "user shared region",
                      sh->sh_name, caller);
         *userMapHandle = sh;
      }
   }
   us_region_publish(r, caller);
   emu_mutex_unlock(&us_lock);
   *vaOut = va;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_UserUnmap(vmk_UserMapType type, vmk_VA vaddr, vmk_ByteCount length)
{
   us_region_t *r;

   EMU_MAY_BLOCK();
   if ((vaddr & (US_PAGE - 1)) != 0) {
      return VMK_INVALID_ADDRESS;
   }
   emu_mutex_lock(&us_lock);
   r = us_find(vaddr);
   if (r == NULL || r->r_va != vaddr || r->r_kind == US_BUFFER ||
       (vmk_UserMapType)r->r_kind != type ||
       (length + US_PAGE - 1) >> US_SHIFT != r->r_npages) {
      emu_mutex_unlock(&us_lock);
      return VMK_NOT_FOUND;
   }
   us_region_destroy(r, EMU_CALLER());
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_UserAddValidMPNRange(vmk_MPN mpn, vmk_uint32 numPages)
{
   us_range_t *v;
   us_range_t *o;

   EMU_MAY_BLOCK();
   if (numPages == 0 || mpn + numPages < mpn) {
      return VMK_BAD_PARAM;
   }
   v = calloc(1, sizeof *v);
   if (v == NULL) {
      return VMK_NO_MEMORY;
   }
   v->v_mpn = mpn;
   v->v_npages = numPages;
   snprintf(v->v_name, sizeof v->v_name, "MPN 0x%llx+%u",
            (unsigned long long)mpn, numPages);
   emu_mutex_lock(&us_lock);
   for (o = us_ranges; o != NULL; o = o->v_next) {
      if (mpn < o->v_mpn + o->v_npages && o->v_mpn < mpn + numPages) {
         emu_mutex_unlock(&us_lock);
         free(v);
         return VMK_INVALID_PAGE_NUMBER;
      }
   }
   v->v_next = us_ranges;
   us_ranges = v;
   emu_mutex_unlock(&us_lock);
   emu_rsrc_add(&v->v_rsrc, EMU_RSRC_OTHER, "user MPN range", v->v_name,
                EMU_CALLER());
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_UserRemoveValidMPNRange(vmk_MPN mpn, vmk_uint32 numPages)
{
   us_range_t **pp;
   us_range_t *v;

   EMU_MAY_BLOCK();
   emu_mutex_lock(&us_lock);
   for (pp = &us_ranges; (v = *pp) != NULL; pp = &v->v_next) {
      if (v->v_mpn == mpn && v->v_npages == numPages) {
         *pp = v->v_next;
         emu_mutex_unlock(&us_lock);
         emu_rsrc_remove(&v->v_rsrc);
         free(v);
         return VMK_OK;
      }
   }
   emu_mutex_unlock(&us_lock);
   return VMK_NOT_FOUND;
}

EMU_EXPORT VMK_ReturnStatus
vmk_UserPinPage(vmk_WorldID cartelID, vmk_VPN vpn, vmk_MPN *mpn)
{
   VMK_ReturnStatus st;
   vmk_MPN m;
   us_region_t *r;

   EMU_MAY_BLOCK();
   if (mpn == NULL) {
      return VMK_BAD_PARAM;
   }
   if (!emu_world_exists((int32_t)cartelID)) {
      return VMK_INVALID_WORLD;
   }
   st = us_page_get(vpn << US_SHIFT, &m);
   if (st != VMK_OK) {
      return VMK_BAD_PARAM;
   }
   emu_mutex_lock(&us_lock);
   r = us_find(vpn << US_SHIFT);
   if (r == NULL) {
      emu_mutex_unlock(&us_lock);
      return VMK_BAD_PARAM;
   }
   r->r_pages[vpn - (r->r_va >> US_SHIFT)].pg_pins++;
   *mpn = r->r_pages[vpn - (r->r_va >> US_SHIFT)].pg_mpn;
   emu_mutex_unlock(&us_lock);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_UserUnpinPage(vmk_WorldID cartelID, vmk_VPN vpn)
{
   us_region_t *r;
   us_page_t *p;

   EMU_MAY_BLOCK();
   if (!emu_world_exists((int32_t)cartelID)) {
      return VMK_INVALID_WORLD;
   }
   emu_mutex_lock(&us_lock);
   r = us_find(vpn << US_SHIFT);
   if (r == NULL) {
      emu_mutex_unlock(&us_lock);
      return VMK_BAD_PARAM;
   }
   p = &r->r_pages[vpn - (r->r_va >> US_SHIFT)];
   if (p->pg_pins == 0) {
      emu_mutex_unlock(&us_lock);
      return VMK_BAD_PARAM;
   }
   p->pg_pins--;
   emu_mutex_unlock(&us_lock);
   return VMK_OK;
}

/* Arm or disarm the fault notification of one MPNS page. */
static VMK_ReturnStatus
us_notify(vmk_WorldID worldID, vmk_VPN vpn, int on)
{
   us_region_t *r;

   if (!emu_world_exists((int32_t)worldID)) {
      return VMK_INVALID_WORLD;
   }
   emu_mutex_lock(&us_lock);
   r = us_find(vpn << US_SHIFT);
   if (r == NULL || r->r_kind != US_MPNS || r->r_fault == NULL) {
      emu_mutex_unlock(&us_lock);
      return VMK_BAD_PARAM;
   }
   r->r_pages[vpn - (r->r_va >> US_SHIFT)].pg_notify = (vmk_uint8)on;
   emu_mutex_unlock(&us_lock);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_UserMapEnableNotify(vmk_WorldID worldID, vmk_VPN vpn)
{
   EMU_MAY_BLOCK();
   return us_notify(worldID, vpn, 1);
}

EMU_EXPORT VMK_ReturnStatus
vmk_UserMapDisableNotify(vmk_WorldID worldID, vmk_VPN vpn)
{
   EMU_MAY_BLOCK();
   return us_notify(worldID, vpn, 0);
}

/* ---- EmuCtl: the process's side ---------------------------------------- */

EMU_EXPORT VMK_ReturnStatus
EmuCtl_UserBufferCreate(vmk_ByteCount len, vmk_VA *userAddr)
{
   us_region_t *r;
   vmk_uint64 npages;
   VMK_ReturnStatus st;

   if (len == 0 || userAddr == NULL) {
      return VMK_BAD_PARAM;
   }
   npages = (len + US_PAGE - 1) >> US_SHIFT;
   r = us_region_new(US_BUFFER, npages, 1);
   if (r == NULL) {
      return VMK_NO_MEMORY;
   }
   emu_mutex_lock(&us_lock);
   st = us_place(0, npages, &r->r_va);
   if (st != VMK_OK) {
      emu_mutex_unlock(&us_lock);
      free(r->r_pages);
      free(r);
      return st;
   }
   us_region_publish(r, EMU_CALLER());
   emu_mutex_unlock(&us_lock);
   *userAddr = r->r_va;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_UserBufferDestroy(vmk_VA userAddr)
{
   us_region_t *r;

   emu_mutex_lock(&us_lock);
   r = us_find(userAddr);
   if (r == NULL || r->r_va != userAddr || r->r_kind != US_BUFFER) {
      emu_mutex_unlock(&us_lock);
      return VMK_NOT_FOUND;
   }
   us_region_destroy(r, EMU_CALLER());
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_UserWrite(vmk_VA userAddr, const void *src, vmk_ByteCount len)
{
   if (src == NULL && len != 0) {
      return VMK_BAD_PARAM;
   }
   return us_copy(userAddr, (void *)src, len, 1);
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_UserRead(vmk_VA userAddr, void *dst, vmk_ByteCount len)
{
   if (dst == NULL && len != 0) {
      return VMK_BAD_PARAM;
   }
   return us_copy(userAddr, dst, len, 0);
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_UserTranslate(vmk_VA userAddr, vmk_MPN *mpn)
{
   us_region_t *r;
   us_page_t *p;
   VMK_ReturnStatus st = VMK_OK;

   if (mpn == NULL) {
      return VMK_BAD_PARAM;
   }
   emu_mutex_lock(&us_lock);
   r = us_find(userAddr);
   if (r == NULL) {
      st = VMK_INVALID_ADDRESS;
   } else {
      p = &r->r_pages[(userAddr - r->r_va) >> US_SHIFT];
      if (!p->pg_present || p->pg_notify) {
         st = VMK_NOT_FOUND;
      } else {
         *mpn = p->pg_mpn;
      }
   }
   emu_mutex_unlock(&us_lock);
   return st;
}

EMU_EXPORT vmk_WorldID
EmuCtl_UserCartelID(void)
{
   return vmk_WorldGetID();
}
