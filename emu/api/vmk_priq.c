/*
 * vmk_priq.c -- lib/vmkapi_priq.h: bounded min/max priority queues.
 *
 * 1. Model: a binary heap in an array of numElems slots taken from the
 *    driver's heap at create (emu/lib/libmem.h).  The queue never grows by
 *    itself: inserting into a full queue is VMK_LIMIT_EXCEEDED and the
 *    driver calls vmk_PriQResize, which reallocates (VMK_NO_MEMORY leaves
 *    the queue as it was; shrinking below the elements held is VMK_BUSY).
 * 2. Order: MIN queues put the smallest key first, MAX queues the largest.
 *    Equal keys keep their insertion order (first in, first out), as the
 *    vmkapi promises: each element carries a sequence number that breaks
 *    ties; a rekeyed element takes a new one, as if it had been reinserted.
 * 3. Identity: values are expected to be unique; Find, Extract and Rekey
 *    look an element up by its value (a linear scan: O(n), enough for the
 *    queue sizes drivers use).  With duplicate values they act on one of
 *    them, unspecified which.
 * 4. Locking: none, as on ESX.  Handles carry a magic (DEAD_HANDLE report
 *    for a foreign one); a queue still allocated at EmuCtl_Shutdown is
 *    listed as a leak (resource "priq").  Destroying a non-empty queue is
 *    VMK_BUSY, as documented.
 * 5. Bad parameters (VMK_BAD_PARAM): NULL handle or out pointer, an unknown
 *    type, a capacity of 0.
 */
#include "api.h"

#include "core/rsrc.h"
#include "lib/libmem.h"

#define PRIQ_MAGIC      0x50524951u        /* "PRIQ" */
#define PRIQ_MAGIC_DEAD 0x64656164u

struct priq_elem {
   vmk_PriQKey pe_key;
   vmk_uint64  pe_seq;                     /* insertion order, for ties */
   void       *pe_data;
};

struct vmk_PriQInternal {
   vmk_uint32        pq_magic;             /* PRIQ_MAGIC while alive */
   /* Immutable after create */
   vmk_HeapID        pq_heap;
   vmk_PriQType      pq_type;
   vmk_ModuleID      pq_module;
   emu_rsrc_t        pq_rsrc;
   /* Contents -- serialised by the caller */
   vmk_uint64        pq_total;             /* slots */
   vmk_uint64        pq_used;              /* elements, in pq_elems[0..used) */
   vmk_uint64        pq_seq;               /* next sequence number */
   struct priq_elem *pq_elems;
};

/* Does a go before b? */
static int
priq_before(const struct vmk_PriQInternal *q, const struct priq_elem *a,
            const struct priq_elem *b)
{
   if (a->pe_key != b->pe_key) {
      return q->pq_type == VMK_PRIQ_TYPE_MIN ? a->pe_key < b->pe_key
                                            : a->pe_key > b->pe_key;
   }
   return a->pe_seq < b->pe_seq;
}

static void
priq_swap(struct vmk_PriQInternal *q, vmk_uint64 i, vmk_uint64 j)
{
   struct priq_elem t = q->pq_elems[i];

   q->pq_elems[i] = q->pq_elems[j];
   q->pq_elems[j] = t;
}

/* Restore the heap order around slot i after its element changed. */
static void
priq_fix(struct vmk_PriQInternal *q, vmk_uint64 i)
{
   while (i > 0 && priq_before(q, &q->pq_elems[i], &q->pq_elems[(i - 1) / 2])) {
      priq_swap(q, i, (i - 1) / 2);
      i = (i - 1) / 2;
   }
   for (;;) {
      vmk_uint64 l = 2 * i + 1;
      vmk_uint64 r = l + 1;
      vmk_uint64 best = i;

      if (l < q->pq_used && priq_before(q, &q->pq_elems[l], &q->pq_elems[best])) {
         best = l;
      }
      if (r < q->pq_used && priq_before(q, &q->pq_elems[r], &q->pq_elems[best])) {
         best = r;
      }
      if (best == i) {
         return;
      }
      priq_swap(q, i, best);
      i = best;
   }
}

static void
priq_remove_at(struct vmk_PriQInternal *q, vmk_uint64 i)
{
   q->pq_used--;
   if (i != q->pq_used) {
      q->pq_elems[i] = q->pq_elems[q->pq_used];
      priq_fix(q, i);
   }
}

/* Slot of the element holding data, or pq_used when there is none. */
static vmk_uint64
priq_index_of(const struct vmk_PriQInternal *q, const void *data)
{
   vmk_uint64 i;

   for (i = 0; i < q->pq_used; i++) {
      if (q->pq_elems[i].pe_data == data) {
         break;
      }
   }
   return i;
}

/* NULL (without a report) for NULL; NULL after a report for a foreign one. */
static struct vmk_PriQInternal *
priq_get(vmk_PriQHandle q, const void *caller, const char *fn)
{
   emu_report_obj_t obj = { "priq", NULL, q };

   if (q == NULL) {
      return NULL;
   }
   if (q->pq_magic != PRIQ_MAGIC) {
      emu_report(EMU_RPT_DEAD_HANDLE, &obj, caller,
                 "%s: not a live priority queue", fn);
      return NULL;
   }
   return q;
}

#define PRIQ_GET(h, q)                                                    \
   do {                                                                   \
      if ((h) == NULL) {                                                  \
         return VMK_BAD_PARAM;                                            \
      }                                                                   \
      (q) = priq_get((h), EMU_CALLER(), __func__);                        \
      if ((q) == NULL) {                                                  \
         return VMK_INVALID_HANDLE;                                       \
      }                                                                   \
   } while (0)

static struct priq_elem *
priq_alloc_slots(vmk_HeapID heap, vmk_uint64 n, const void *caller)
{
   if (n > (vmk_uint64)-1 / sizeof(struct priq_elem)) {
      return NULL;
   }
   return emu_lib_alloc(heap, (size_t)n * sizeof(struct priq_elem), caller);
}

EMU_EXPORT VMK_ReturnStatus
vmk_PriQCreate(vmk_ModuleID moduleID, vmk_HeapID heapID, vmk_PriQType type,
               vmk_uint64 numElems, vmk_PriQHandle *priQ)
{
   struct vmk_PriQInternal *q;

   if (priQ == NULL || numElems == 0 ||
       (type != VMK_PRIQ_TYPE_MIN && type != VMK_PRIQ_TYPE_MAX)) {
      return VMK_BAD_PARAM;
   }
   q = emu_lib_alloc(heapID, sizeof *q, EMU_CALLER());
   if (q == NULL) {
      return VMK_NO_MEMORY;
   }
   q->pq_elems = priq_alloc_slots(heapID, numElems, EMU_CALLER());
   if (q->pq_elems == NULL) {
      emu_lib_free(heapID, q);
      return VMK_NO_MEMORY;
   }
   q->pq_heap = heapID;
   q->pq_type = type;
   q->pq_module = moduleID;
   q->pq_total = numElems;
   q->pq_used = 0;
   q->pq_seq = 0;
   emu_rsrc_add(&q->pq_rsrc, EMU_RSRC_OTHER, "priq", "priority queue",
                EMU_CALLER());
   q->pq_magic = PRIQ_MAGIC;
   *priQ = q;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_PriQDestroy(vmk_PriQHandle priQ)
{
   struct vmk_PriQInternal *q;

   PRIQ_GET(priQ, q);
   if (q->pq_used != 0) {
      return VMK_BUSY;
   }
   emu_rsrc_remove(&q->pq_rsrc);
   q->pq_magic = PRIQ_MAGIC_DEAD;
   emu_lib_free(q->pq_heap, q->pq_elems);
   emu_lib_free(q->pq_heap, q);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_PriQClear(vmk_PriQHandle priQ)
{
   struct vmk_PriQInternal *q;

   PRIQ_GET(priQ, q);
   q->pq_used = 0;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_PriQTotalElems(vmk_PriQHandle priQ, vmk_uint64 *total)
{
   struct vmk_PriQInternal *q;

   if (total == NULL) {
      return VMK_BAD_PARAM;
   }
   PRIQ_GET(priQ, q);
   *total = q->pq_total;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_PriQUsedElems(vmk_PriQHandle priQ, vmk_uint64 *used)
{
   struct vmk_PriQInternal *q;

   if (used == NULL) {
      return VMK_BAD_PARAM;
   }
   PRIQ_GET(priQ, q);
   *used = q->pq_used;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_PriQResize(vmk_PriQHandle priQ, vmk_uint64 numElems)
{
   struct vmk_PriQInternal *q;
   struct priq_elem *slots;

   PRIQ_GET(priQ, q);
   if (numElems == 0) {
      return VMK_BAD_PARAM;
   }
   if (numElems < q->pq_used) {
      return VMK_BUSY;
   }
   if (numElems == q->pq_total) {
      return VMK_OK;
   }
   slots = priq_alloc_slots(q->pq_heap, numElems, EMU_CALLER());
   if (slots == NULL) {
      return VMK_NO_MEMORY;
   }
   if (q->pq_used != 0) {
      __builtin_memcpy(slots, q->pq_elems, q->pq_used * sizeof *slots);
   }
   emu_lib_free(q->pq_heap, q->pq_elems);
   q->pq_elems = slots;
   q->pq_total = numElems;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_PriQInsert(vmk_PriQHandle priQ, vmk_PriQKey key, void *data)
{
   struct vmk_PriQInternal *q;
   struct priq_elem *e;

   PRIQ_GET(priQ, q);
   if (q->pq_used == q->pq_total) {
      return VMK_LIMIT_EXCEEDED;
   }
   e = &q->pq_elems[q->pq_used++];
   e->pe_key = key;
   e->pe_seq = q->pq_seq++;
   e->pe_data = data;
   priq_fix(q, q->pq_used - 1);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_PriQFirst(vmk_PriQHandle priQ, vmk_PriQKey *key, void **data)
{
   struct vmk_PriQInternal *q;

   PRIQ_GET(priQ, q);
   if (q->pq_used == 0) {
      return VMK_NOT_FOUND;
   }
   if (key != NULL) {
      *key = q->pq_elems[0].pe_key;
   }
   if (data != NULL) {
      *data = q->pq_elems[0].pe_data;
   }
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_PriQExtractFirst(vmk_PriQHandle priQ, vmk_PriQKey *key, void **data)
{
   struct vmk_PriQInternal *q;

   PRIQ_GET(priQ, q);
   if (q->pq_used == 0) {
      return VMK_NOT_FOUND;
   }
   if (key != NULL) {
      *key = q->pq_elems[0].pe_key;
   }
   if (data != NULL) {
      *data = q->pq_elems[0].pe_data;
   }
   priq_remove_at(q, 0);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_PriQFind(vmk_PriQHandle priQ, void *data, vmk_PriQKey *key)
{
   struct vmk_PriQInternal *q;
   vmk_uint64 i;

   PRIQ_GET(priQ, q);
   i = priq_index_of(q, data);
   if (i == q->pq_used) {
      return VMK_NOT_FOUND;
   }
   if (key != NULL) {
      *key = q->pq_elems[i].pe_key;
   }
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_PriQExtract(vmk_PriQHandle priQ, void *data, vmk_PriQKey *key)
{
   struct vmk_PriQInternal *q;
   vmk_uint64 i;

   PRIQ_GET(priQ, q);
   i = priq_index_of(q, data);
   if (i == q->pq_used) {
      return VMK_NOT_FOUND;
   }
   if (key != NULL) {
      *key = q->pq_elems[i].pe_key;
   }
   priq_remove_at(q, i);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_PriQRekey(vmk_PriQHandle priQ, void *data, vmk_PriQKey key)
{
   struct vmk_PriQInternal *q;
   vmk_uint64 i;

   PRIQ_GET(priQ, q);
   i = priq_index_of(q, data);
   if (i == q->pq_used) {
      return VMK_NOT_FOUND;
   }
   q->pq_elems[i].pe_key = key;
   q->pq_elems[i].pe_seq = q->pq_seq++;
   priq_fix(q, i);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_PriQRekeyFirst(vmk_PriQHandle priQ, vmk_PriQKey key)
{
   struct vmk_PriQInternal *q;

   PRIQ_GET(priQ, q);
   if (q->pq_used == 0) {
      return VMK_NOT_FOUND;
   }
   q->pq_elems[0].pe_key = key;
   q->pq_elems[0].pe_seq = q->pq_seq++;
   priq_fix(q, 0);
   return VMK_OK;
}
