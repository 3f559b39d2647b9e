/*
 * machmem.c -- simulated machine memory for libvmkemu.
 *
 * 1. Model.  ESXi drivers see machine memory as page numbers (vmk_MPN) and
 *    machine addresses (vmk_MA), and reach it through virtual addresses.
 *    We simulate M bytes of it (EmuCtl_Init props, VMKEMU_MACHINE_MEM, or
 *    1 GiB) over one host range whose pages become resident only when
 *    touched.  The range is cut into two banks:
 *       bank 0: MA [1 GiB, 1 GiB + B0)   B0 = M/2 (2 MiB multiple, <= 3 GiB)
 *       bank 1: MA [4 GiB, 4 GiB + B1)   B1 = M - B0
 *    so that "below 4 GiB" and "above 4 GiB" both exist and physical-range
 *    constraints decide something.  The virtual layout is the two banks
 *    back to back from the range base (2 MiB aligned), so MA <-> VA is
 *    exact arithmetic and VA alignment equals MA alignment up to 2 MiB.
 *
 * 2. Pages.  One vmem arena, "machine", in MPN units (quantum 1) holds both
 *    banks as spans.  Every consumer of machine pages (memory pools, and
 *    through them heaps and slab clusters) takes them with emu_vmem_xalloc,
 *    so contiguity, alignment and "below 2/4/512 GiB" are vmem constraints
 *    (maxaddr).  Freed pages are discarded at once (emu_host_discard): the
 *    host takes them back and they read as zero when reused, so the
 *    resident size follows what is allocated.
 *
 * 3. The host range.  Until the slab engine draws its clusters from machine
 *    memory, the slab engine's machine backing owns the one lazy host
 *    reservation of the process and publishes it as the range its cluster
 *    table covers; machine memory is carved from it (machmem_window_get) so
 *    that heap size-class caches built on machine pages are inside that
 *    table.  When the switch is made (see the report in mem.mk's header)
 *    the dependency turns round: this file reserves the host range once
 *    per process and the slab backing takes granules from a pool.  Only
 *    machmem_window_get / machmem_window_put change.
 *
 * 4. Zero buffer.  EMU_MM_ZERO_PAGES pages are taken at start and kept
 *    zero for vmk_MAGetZeroBuffer.  A driver writing into them is not
 *    detected (the host boundary offers no page protection).
 *
 * 5. Locking.  The layout (emu_mm) is written only by start/fini, which
 *    EmuCtl serialises; the arena has its own lock.  Nothing here calls up
 *    into pools or heaps.
 *
 * 6. Differences from ESX.  No NUMA nodes, no large-page backing, no I/O
 *    memory holes beyond the gap between the banks; the zero buffer is not
 *    write protected.
 */
#include "machmem.h"

#include <string.h>

#include "../core/assert.h"
#include "../core/fault.h"
#include "memsan.h"
#include "slab_backing.h"

EMU_HIDDEN emu_machmem_t emu_mm;

/* ---- The host range (section 3) ---------------------------------------- */

static emu_status_t
machmem_window_get(size_t len, uintptr_t *addrp)
{
   const emu_slab_backing_t *b = emu_slab_backing_machine();

   if (b == NULL) {
      return EMU_NOMEM;
   }
   return b->sb_alloc(b->sb_ctx, len, 0, NULL, addrp);
}

static void
machmem_window_put(uintptr_t addr, size_t len)
{
   const emu_slab_backing_t *b = emu_slab_backing_machine();

   /* The backing discards the pages before taking the range back. */
   b->sb_free(b->sb_ctx, addr, len);
}

/* ---- Start / stop ------------------------------------------------------ */

static uint64_t
round_down(uint64_t v, uint64_t a)
{
   return v / a * a;
}

emu_status_t
emu_machmem_start(uint64_t bytes)
{
   emu_vmem_props_t vp;
   emu_mm_req_t zr;
   uint64_t b0;
   uint64_t b1;
   size_t winlen;
   uintptr_t win;
   emu_status_t st;

   EMU_ASSERT(!emu_mm.mm_live);
   bytes = round_down(bytes, EMU_MM_BANK_ALIGN);
   if (bytes < EMU_MM_MIN_BYTES) {
      return EMU_BADPARAM;
   }
   b0 = round_down(bytes / 2, EMU_MM_BANK_ALIGN);
   if (b0 > EMU_MM_BANK0_MAX) {
      b0 = EMU_MM_BANK0_MAX;
   }
   b1 = bytes - b0;
   winlen = (size_t)(bytes + EMU_MM_BANK_ALIGN);
   winlen = (winlen + EMU_SLAB_GRANULE - 1) & ~(size_t)(EMU_SLAB_GRANULE - 1);
   st = machmem_window_get(winlen, &win);
   if (st != EMU_OK) {
      return EMU_NOMEM;
   }
   memset(&emu_mm, 0, sizeof emu_mm);
   emu_mm.mm_win = win;
   emu_mm.mm_winlen = winlen;
   emu_mm.mm_va = (win + EMU_MM_BANK_ALIGN - 1) &
                  ~(uintptr_t)(EMU_MM_BANK_ALIGN - 1);
   emu_mm.mm_bytes = bytes;
   emu_mm.mm_npages = bytes >> EMU_MM_PAGE_SHIFT;
   emu_mm.mm_bank[0].mb_mpn = EMU_MM_BANK0_MA >> EMU_MM_PAGE_SHIFT;
   emu_mm.mm_bank[0].mb_npages = b0 >> EMU_MM_PAGE_SHIFT;
   emu_mm.mm_bank[0].mb_va = emu_mm.mm_va;
   emu_mm.mm_bank[0].mb_index = 0;
   emu_mm.mm_bank[1].mb_mpn = EMU_MM_BANK1_MA >> EMU_MM_PAGE_SHIFT;
   emu_mm.mm_bank[1].mb_npages = b1 >> EMU_MM_PAGE_SHIFT;
   emu_mm.mm_bank[1].mb_va = emu_mm.mm_va + b0;
   emu_mm.mm_bank[1].mb_index = b0 >> EMU_MM_PAGE_SHIFT;

   memset(&vp, 0, sizeof vp);
   vp.name = "machine";
   vp.base = emu_mm.mm_bank[0].mb_mpn;
   vp.size = emu_mm.mm_bank[0].mb_npages;
   vp.quantum = 1;
   vp.policy = EMU_VM_INSTANTFIT;
   st = emu_vmem_create(&vp, &emu_mm.mm_arena);
   if (st != EMU_OK) {
      goto fail_window;
   }
   st = emu_vmem_add(emu_mm.mm_arena, emu_mm.mm_bank[1].mb_mpn,
                     emu_mm.mm_bank[1].mb_npages, EMU_VM_NOSLEEP);
   if (st != EMU_OK) {
      goto fail_arena;
   }
   emu_mm.mm_live = 1;
   memset(&zr, 0, sizeof zr);
   zr.npages = EMU_MM_ZERO_PAGES;
   zr.range = EMU_MM_RANGE_BELOW_4GB;
   st = emu_machmem_pages_alloc(&zr, &emu_mm.mm_zero_mpn);
   if (st != EMU_OK) {
      emu_mm.mm_live = 0;
      goto fail_arena;
   }
   return EMU_OK;

fail_arena:
   emu_vmem_destroy(emu_mm.mm_arena);
fail_window:
   machmem_window_put(win, winlen);
   memset(&emu_mm, 0, sizeof emu_mm);
   return st == EMU_BADPARAM ? EMU_BADPARAM : EMU_NOMEM;
}

void
emu_machmem_fini(void)
{
   if (!emu_mm.mm_live) {
      return;
   }
   emu_vmem_xfree(emu_mm.mm_arena, emu_mm.mm_zero_mpn, EMU_MM_ZERO_PAGES);
   /* Pages still allocated were named as leaks (pools) already. */
   emu_vmem_destroy(emu_mm.mm_arena);
   machmem_window_put(emu_mm.mm_win, emu_mm.mm_winlen);
   memset(&emu_mm, 0, sizeof emu_mm);
}

/* ---- Translation ------------------------------------------------------- */

uint64_t
emu_machmem_range_limit_mpn(emu_mm_range_t r)
{
   switch (r) {
   case EMU_MM_RANGE_BELOW_2GB:
      return ((uint64_t)2 << 30) >> EMU_MM_PAGE_SHIFT;
   case EMU_MM_RANGE_BELOW_4GB:
      return ((uint64_t)4 << 30) >> EMU_MM_PAGE_SHIFT;
   case EMU_MM_RANGE_BELOW_512GB:
      return ((uint64_t)512 << 30) >> EMU_MM_PAGE_SHIFT;
   default:
      return 0;
   }
}

emu_mm_range_t
emu_machmem_range_of(uint64_t ma)
{
   if (ma < ((uint64_t)2 << 30)) {
      return EMU_MM_RANGE_BELOW_2GB;
   }
   if (ma < ((uint64_t)4 << 30)) {
      return EMU_MM_RANGE_BELOW_4GB;
   }
   if (ma < ((uint64_t)512 << 30)) {
      return EMU_MM_RANGE_BELOW_512GB;
   }
   return EMU_MM_RANGE_ANY;
}

emu_status_t
emu_machmem_ma2va(uint64_t ma, uint64_t len, uintptr_t *vap)
{
   int b;

   if (!emu_mm.mm_live) {
      return EMU_BADPARAM;
   }
   if (len == 0) {
      len = 1;
   }
   for (b = 0; b < EMU_MM_NBANKS; b++) {
      const emu_mm_bank_t *bk = &emu_mm.mm_bank[b];
      uint64_t start = bk->mb_mpn << EMU_MM_PAGE_SHIFT;
      uint64_t size = bk->mb_npages << EMU_MM_PAGE_SHIFT;

      if (ma - start < size && len <= size - (ma - start)) {
         *vap = bk->mb_va + (uintptr_t)(ma - start);
         return EMU_OK;
      }
   }
   return EMU_BADPARAM;
}

emu_status_t
emu_machmem_va2ma(uintptr_t va, uint64_t len, uint64_t *map)
{
   int b;

   if (!emu_mm.mm_live) {
      return EMU_BADPARAM;
   }
   if (len == 0) {
      len = 1;
   }
   for (b = 0; b < EMU_MM_NBANKS; b++) {
      const emu_mm_bank_t *bk = &emu_mm.mm_bank[b];
      uint64_t size = bk->mb_npages << EMU_MM_PAGE_SHIFT;

      if (va - bk->mb_va < size && len <= size - (va - bk->mb_va)) {
         *map = (bk->mb_mpn << EMU_MM_PAGE_SHIFT) + (va - bk->mb_va);
         return EMU_OK;
      }
   }
   return EMU_BADPARAM;
}

int
emu_machmem_contains_va(uintptr_t va, uint64_t len)
{
   return emu_mm.mm_live && va - emu_mm.mm_va < emu_mm.mm_bytes &&
          len <= emu_mm.mm_bytes - (va - emu_mm.mm_va);
}

/* ---- Pages ------------------------------------------------------------- */

emu_status_t
emu_machmem_pages_alloc(const emu_mm_req_t *req, uint64_t *mpnp)
{
   emu_vmem_req_t vr;
   uintptr_t mpn;
   emu_status_t st;

   if (!emu_mm.mm_live || req->npages == 0 ||
       (req->align > 1 && (req->align & (req->align - 1)) != 0)) {
      return EMU_BADPARAM;
   }
   memset(&vr, 0, sizeof vr);
   vr.size = req->npages;
   vr.align = req->align > 1 ? req->align : 0;
   vr.maxaddr = emu_machmem_range_limit_mpn(req->range);
   vr.caller = req->caller;
   if (req->deadline_ns == 0) {
      vr.flags = EMU_VM_NOSLEEP;
   } else {
      vr.flags = EMU_VM_SLEEP;
      vr.deadline_ns = req->deadline_ns == UINT64_MAX ? 0 : req->deadline_ns;
   }
   st = emu_vmem_xalloc(emu_mm.mm_arena, &vr, &mpn);
   if (st == EMU_BADPARAM) {
      /* A window no bank can satisfy is "no such memory", not bad input. */
      st = EMU_NOMEM;
   }
   if (st == EMU_OK) {
      /* Forget how a previous holder described the pages (memsan.h). */
      emu_memsan_reset((void *)emu_machmem_mpn2va(mpn),
                       (size_t)(req->npages << EMU_MM_PAGE_SHIFT));
      *mpnp = mpn;
   }
   return st;
}

void
emu_machmem_pages_free(uint64_t mpn, uint64_t npages, const void *caller)
{
   /* Discard per bank run (a segment never spans the gap between banks). */
   if (npages != 0 && emu_machmem_index(mpn) >= 0) {
      emu_host_discard((void *)emu_machmem_mpn2va(mpn),
                       (size_t)(npages << EMU_MM_PAGE_SHIFT));
   }
   emu_vmem_xfree_ra(emu_mm.mm_arena, mpn, npages, caller);
}

uint64_t
emu_machmem_free_pages(void)
{
   emu_vmem_stats_t st;

   if (!emu_mm.mm_live) {
      return 0;
   }
   emu_vmem_stats(emu_mm.mm_arena, &st);
   return st.st_total - st.st_inuse;
}
