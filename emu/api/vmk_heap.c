/*
 * vmk_heap.c -- base/vmkapi_heap.h over emu/mem/heap.c.
 *
 * vmk_HeapAllocWithRA and vmk_HeapFree inline the engine's fast paths (a
 * size-class lookup or a tag check, and a magazine pop or push) and fall
 * back to the engine's slow entry points, which also raise every misuse
 * report.
 *
 * Decisions where the ESXi documentation is silent:
 * - name must be non-empty, 0 < max, initial <= max; an unknown type,
 *   contiguity or range is VMK_BAD_PARAM.  MEMPOOL heaps need a live leaf
 *   pool; their memory (and the initial size) is charged to it.  SIMPLE
 *   heaps take any machine memory; CUSTOM heaps honour physRange.  Every
 *   allocation is physically contiguous, whatever physContiguity says.
 * - The maximum is enforced on the bytes charged per allocation (its size
 *   class, or its page-rounded size above 4096 bytes or for alignments
 *   above 16); vmk_HeapDetermineMaxSize adds up exactly those charges.
 * - Allocations are 16-byte aligned; size 0 is served as 1 byte.
 *   vmk_HeapAlign* with an alignment that is not a power of two is a
 *   MISUSE report and NULL.
 * - A NULL, destroyed or unknown heap handle is a DEAD_HANDLE report.
 * - vmk_HeapDestroy with live allocations is a LEAK report listing each
 *   allocation's size and caller; the heap is destroyed anyway.
 *   vmk_HeapDestroySync waits for them to be freed (VMK_TIMEOUT and the
 *   heap kept when the timeout passes first).
 */
#include "api.h"

#include <stdio.h>
#include <string.h>

#include "core/block.h"
#include "mem/heap.h"

static uint64_t
heap_deadline(vmk_uint32 timeoutMS)
{
   if (timeoutMS == VMK_TIMEOUT_NONBLOCKING) {
      return 0;
   }
   if (timeoutMS == VMK_TIMEOUT_UNLIMITED_MS) {
      return UINT64_MAX;
   }
   return emu_clock_mono_ns() + (uint64_t)timeoutMS * 1000000ull;
}

static int
align_ok(vmk_uint32 align, const void *ra)
{
   if (align != 0 && (align & (align - 1)) == 0) {
      return 1;
   }
   {
      emu_report_obj_t obj = { "heap", NULL, NULL };

      emu_report(EMU_RPT_MISUSE, &obj, ra,
                 "vmk_HeapAlign: alignment %u is not a power of two", align);
   }
   return 0;
}

/* Shared by the exported entry points: no PLT hop between them. */
static inline void *
heap_alloc_ra(vmk_HeapID heap, vmk_uint32 size, void *ra)
{
   void *p;

   if (EMU_LIKELY(emu_heap_alloc_fast((emu_heap_t *)heap, size, ra, &p))) {
      return p;
   }
   return emu_heap_alloc((emu_heap_t *)heap, size, 0, 0, ra);
}

EMU_HOT_ENTRY EMU_EXPORT void *
vmk_HeapAllocWithRA(vmk_HeapID heap, vmk_uint32 size, void *ra)
{
   return heap_alloc_ra(heap, size, ra);
}

EMU_EXPORT void *
vmk_HeapAllocWithTimeoutAndRA(vmk_HeapID heap, vmk_uint32 size,
                              vmk_uint32 timeoutMS, void *ra)
{
   void *p;

   EMU_MAY_BLOCK_IF(timeoutMS != VMK_TIMEOUT_NONBLOCKING);
   if (emu_heap_alloc_fast((emu_heap_t *)heap, size, ra, &p)) {
      return p;
   }
   return emu_heap_alloc((emu_heap_t *)heap, size, 0,
                         heap_deadline(timeoutMS), ra);
}

EMU_EXPORT void *
vmk_HeapAlignWithRA(vmk_HeapID heap, vmk_uint32 size, vmk_uint32 align,
                    void *ra)
{
   if (!align_ok(align, ra)) {
      return NULL;
   }
   if (align <= EMU_HEAP_ALIGN) {
      return heap_alloc_ra(heap, size, ra);
   }
   return emu_heap_alloc((emu_heap_t *)heap, size, align, 0, ra);
}

EMU_EXPORT void *
vmk_HeapAlignWithTimeoutAndRA(vmk_HeapID heap, vmk_uint32 size,
                              vmk_uint32 align, vmk_uint32 timeoutMS,
                              void *ra)
{
   EMU_MAY_BLOCK_IF(timeoutMS != VMK_TIMEOUT_NONBLOCKING);
   if (!align_ok(align, ra)) {
      return NULL;
   }
   return emu_heap_alloc((emu_heap_t *)heap, size,
                         align <= EMU_HEAP_ALIGN ? 0 : align,
                         heap_deadline(timeoutMS), ra);
}

EMU_HOT_ENTRY EMU_EXPORT void
vmk_HeapFree(vmk_HeapID heap, void *mem)
{
   if (EMU_LIKELY(emu_heap_free_fast((emu_heap_t *)heap, mem))) {
      return;
   }
   emu_heap_free((emu_heap_t *)heap, mem, EMU_CALLER());
}

EMU_EXPORT VMK_ReturnStatus
vmk_HeapCreate(vmk_HeapCreateProps *props, vmk_HeapID *heapID)
{
   emu_heap_props_t p;
   emu_heap_t *h;
   emu_status_t st;
   size_t len;
   int contig;
   int range;

   if (props == NULL || heapID == NULL) {
      return VMK_BAD_PARAM;
   }
   EMU_MAY_BLOCK_IF(props->creationTimeoutMS != VMK_TIMEOUT_NONBLOCKING);
   len = strnlen(props->name.string, sizeof props->name.string);
   if (len == 0 || len == sizeof props->name.string || props->max == 0 ||
       props->initial > props->max) {
      return VMK_BAD_PARAM;
   }
   memset(&p, 0, sizeof p);
   switch (props->type) {
   case VMK_HEAP_TYPE_SIMPLE:
      p.type = EMU_HEAP_SIMPLE;
      contig = VMK_MEM_PHYS_ANY_CONTIGUITY;
      range = VMK_PHYS_ADDR_ANY;
      break;
   case VMK_HEAP_TYPE_CUSTOM:
      p.type = EMU_HEAP_CUSTOM;
      contig = props->typeSpecific.custom.physContiguity;
      range = props->typeSpecific.custom.physRange;
      break;
   case VMK_HEAP_TYPE_MEMPOOL:
      p.type = EMU_HEAP_MEMPOOL;
      contig = props->typeSpecific.memPool.physContiguity;
      range = props->typeSpecific.memPool.physRange;
      p.upool = props->typeSpecific.memPool.memPool;
      p.pool = (emu_mempool_t *)p.upool;
      if (emu_mempool_check(p.pool) != EMU_OK || !p.pool->mp_leaf) {
         return VMK_BAD_PARAM;
      }
      break;
   default:
      return VMK_BAD_PARAM;
   }
   if ((unsigned)contig > (unsigned)VMK_MEM_PHYS_DISCONTIGUOUS ||
       (unsigned)range > (unsigned)VMK_PHYS_ADDR_BELOW_512GB) {
      return VMK_BAD_PARAM;
   }
   p.name = props->name.string;
   p.initial = props->initial;
   p.max = props->max;
   p.contig = contig;
   p.range = (emu_mm_range_t)range;
   p.module = props->module;
   p.deadline_ns = heap_deadline(props->creationTimeoutMS);
   p.caller = EMU_CALLER();
   st = emu_heap_create(&p, &h);
   if (st != EMU_OK) {
      return emu_api_status(st);
   }
   *heapID = (vmk_HeapID)h;
   return VMK_OK;
}

EMU_EXPORT void
vmk_HeapDestroy(vmk_HeapID heap)
{
   emu_heap_destroy((emu_heap_t *)heap, 0, EMU_CALLER());
}

EMU_EXPORT VMK_ReturnStatus
vmk_HeapDestroySync(vmk_HeapID heap, vmk_int64 timeoutMS)
{
   emu_heap_t *h = (emu_heap_t *)heap;
   uint64_t deadline;

   EMU_MAY_BLOCK();
   if (emu_heap_check(h) != EMU_OK) {
      emu_heap_destroy(h, 0, EMU_CALLER());   /* reports the handle */
      return VMK_BAD_PARAM;
   }
   deadline = timeoutMS < 0 || timeoutMS >= (vmk_int64)VMK_TIMEOUT_UNLIMITED_MS
                 ? UINT64_MAX
                 : emu_clock_mono_ns() + (uint64_t)timeoutMS * 1000000ull;
   while (emu_heap_live(h, NULL) != 0) {
      if (deadline != UINT64_MAX && emu_clock_mono_ns() >= deadline) {
         return VMK_TIMEOUT;
      }
      emu_clock_sleep_ns(1000000);
   }
   emu_heap_destroy(h, 0, EMU_CALLER());
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_HeapDetermineMaxSize(vmk_HeapAllocationDescriptor *descriptors,
                         vmk_uint64 numDescriptors, vmk_ByteCount *maxSize)
{
   uint64_t total = 0;
   vmk_uint64 i;

   if (descriptors == NULL || maxSize == NULL || numDescriptors == 0) {
      return VMK_BAD_PARAM;
   }
   for (i = 0; i < numDescriptors; i++) {
      const vmk_HeapAllocationDescriptor *d = &descriptors[i];
      uint64_t c;

      if (d->alignment != 0 && (d->alignment & (d->alignment - 1)) != 0) {
         return VMK_BAD_PARAM;
      }
      if (d->size > UINT32_MAX) {
         return VMK_LIMIT_EXCEEDED;
      }
      c = emu_heap_charge(d->size, d->alignment);
      if (d->count != 0 && c > (UINT32_MAX - total) / d->count) {
         return VMK_LIMIT_EXCEEDED;
      }
      total += c * d->count;
   }
   *maxSize = total;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_HeapGetProperties(vmk_HeapID heap, vmk_HeapGetProps *props)
{
   emu_heap_t *h = (emu_heap_t *)heap;

   if (props == NULL || emu_heap_check(h) != EMU_OK) {
      return VMK_BAD_PARAM;
   }
   memset(props, 0, sizeof *props);
   snprintf(props->name.string, sizeof props->name.string, "%s", h->h_name);
   props->module = h->h_module;
   props->initial = (vmk_ByteCountSmall)h->h_initial;
   props->max = (vmk_ByteCountSmall)h->h_max;
   props->physContiguity = (vmk_MemPhysContiguity)h->h_contig;
   props->physRange = (vmk_MemPhysAddrConstraint)h->h_range;
   props->memPool = (vmk_MemPool)h->h_upool;
   return VMK_OK;
}
