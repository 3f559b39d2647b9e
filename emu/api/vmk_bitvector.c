/*
 * vmk_bitvector.c -- lib/vmkapi_bitvector.h: the out-of-line bit vector
 * operations (allocation, searches, extents, merges).  Single-bit
 * operations are inline in the header.
 *
 * 1. Layout (public): n bits in nwords 32-bit words after a two-word
 *    header, bit i in word i/32 at position i%32.  Bits at and above n in
 *    the last word ("padding") are kept clear by every call here, so that
 *    counts and searches never see them.
 * 2. Memory comes from the heap the driver names (emu/lib/libmem.h); a
 *    vector is freed with vmk_BitVectorFree to that heap.  Sizes: 1 to
 *    vmk_BitVectorMaxSize() bits (2^31); 0 or more gives NULL.
 * 3. Trouble: these calls return no status, and ESXi would corrupt memory
 *    or crash on a NULL vector, a position at or beyond n, or a merge of
 *    vectors of different sizes; here each is a MISUSE report naming the
 *    caller, after which the call does the in-range part (or nothing).
 * 4. Decisions where the vmkapi is unclear:
 *    - vmk_BitVectorIsZero returns 1 when no bit is set (as its name says),
 *      0 otherwise;
 *    - vmk_BitVectorSetExtent returns how many bits changed state: positive
 *      when setting, negative when clearing;
 *    - vmk_BitVectorPrevBit with start >= n searches from bit n-1;
 *    - vmk_BitVectorMerge returns the number of bits newly set in dst.
 * Nothing here blocks except vmk_BitVectorAllocWithTimeout with a non-zero
 * timeout (the heap may wait to grow).
 */
#include "api.h"

#include "core/block.h"
#include "lib/libmem.h"

#define BV_MAX_BITS (1u << 31)

#define BV_MISUSE(caller, ...)                                             \
   emu_report(EMU_RPT_MISUSE, NULL, (caller), __VA_ARGS__)

static int
bv_test(const vmk_BitVector *bv, vmk_uint32 i)
{
   return (bv->vector[i / 32] >> (i % 32)) & 1;
}

/* Mask of the valid bits of word w. */
static vmk_uint32
bv_word_mask(const vmk_BitVector *bv, vmk_uint32 w)
{
   if (w == bv->nwords - 1 && (bv->n % 32) != 0) {
      return ((vmk_uint32)1 << (bv->n % 32)) - 1;
   }
   return 0xffffffffu;
}

static vmk_BitVector *
bv_alloc(vmk_HeapID heap, vmk_uint32 n, const void *caller)
{
   vmk_BitVector *bv;
   size_t size;

   if (n == 0 || n > BV_MAX_BITS) {
      return NULL;
   }
   size = vmk_BitVectorSize((vmk_uint64)n);
   if (size < sizeof *bv) {
      size = sizeof *bv;
   }
   bv = emu_lib_alloc(heap, size, caller);      /* zeroed */
   if (bv == NULL) {
      return NULL;
   }
   bv->n = n;
   bv->nwords = (n + 31) / 32;
   return bv;
}

EMU_EXPORT vmk_uint32
vmk_BitVectorMaxSize(void)
{
   return BV_MAX_BITS;
}

EMU_EXPORT vmk_BitVector *
vmk_BitVectorAlloc(vmk_HeapID heap, vmk_uint32 numBits)
{
   return bv_alloc(heap, numBits, EMU_CALLER());
}

EMU_EXPORT vmk_BitVector *
vmk_BitVectorAllocWithTimeout(vmk_HeapID heap, vmk_uint32 numBits,
                              vmk_uint32 timeoutMS)
{
   EMU_MAY_BLOCK_IF(timeoutMS != 0);
   return bv_alloc(heap, numBits, EMU_CALLER());
}

EMU_EXPORT vmk_BitVector *
vmk_BitVectorDuplicate(vmk_HeapID heap, const vmk_BitVector *src)
{
   vmk_BitVector *bv;

   if (src == NULL) {
      BV_MISUSE(EMU_CALLER(), "%s: NULL bit vector", __func__);
      return NULL;
   }
   bv = bv_alloc(heap, src->n, EMU_CALLER());
   if (bv != NULL) {
      __builtin_memcpy(bv->vector, src->vector,
                       (size_t)src->nwords * sizeof src->vector[0]);
   }
   return bv;
}

EMU_EXPORT void
vmk_BitVectorFree(vmk_HeapID heap, vmk_BitVector *bv)
{
   if (bv == NULL) {
      return;                         /* like freeing NULL to a heap */
   }
   emu_lib_free(heap, bv);
}

EMU_EXPORT vmk_uint32
vmk_BitVectorNumBitsSet(const vmk_BitVector *bv)
{
   vmk_uint32 count = 0;
   vmk_uint32 w;

   if (bv == NULL) {
      BV_MISUSE(EMU_CALLER(), "%s: NULL bit vector", __func__);
      return 0;
   }
   for (w = 0; w < bv->nwords; w++) {
      count += (vmk_uint32)__builtin_popcount(bv->vector[w] &
                                              bv_word_mask(bv, w));
   }
   return count;
}

EMU_EXPORT vmk_uint32
vmk_BitVectorIsZero(const vmk_BitVector *bv)
{
   vmk_uint32 w;

   if (bv == NULL) {
      BV_MISUSE(EMU_CALLER(), "%s: NULL bit vector", __func__);
      return 1;
   }
   for (w = 0; w < bv->nwords; w++) {
      if ((bv->vector[w] & bv_word_mask(bv, w)) != 0) {
         return 0;
      }
   }
   return 1;
}

/* First bit at or after start in the given state, or n. */
static vmk_uint32
bv_next(const vmk_BitVector *bv, vmk_uint32 start, int state)
{
   vmk_uint32 i = start;

   while (i < bv->n) {
      vmk_uint32 w = i / 32;
      vmk_uint32 word = state ? bv->vector[w] : ~bv->vector[w];

      word &= bv_word_mask(bv, w) & (0xffffffffu << (i % 32));
      if (word != 0) {
         return w * 32 + (vmk_uint32)__builtin_ctz(word);
      }
      i = (w + 1) * 32;
   }
   return bv->n;
}

EMU_EXPORT vmk_Bool
vmk_BitVectorNextBit(const vmk_BitVector *bv, vmk_uint32 start,
                     vmk_Bool state, vmk_uint32 *pos)
{
   vmk_uint32 i;

   if (bv == NULL || pos == NULL) {
      BV_MISUSE(EMU_CALLER(), "%s: NULL argument", __func__);
      return VMK_FALSE;
   }
   i = bv_next(bv, start, state != VMK_FALSE);
   if (i >= bv->n) {
      return VMK_FALSE;
   }
   *pos = i;
   return VMK_TRUE;
}

EMU_EXPORT vmk_Bool
vmk_BitVectorPrevBit(const vmk_BitVector *bv, vmk_uint32 start,
                     vmk_Bool state, vmk_uint32 *pos)
{
   vmk_uint32 i;

   if (bv == NULL || pos == NULL) {
      BV_MISUSE(EMU_CALLER(), "%s: NULL argument", __func__);
      return VMK_FALSE;
   }
   i = start >= bv->n ? bv->n - 1 : start;
   for (;;) {
      if (bv_test(bv, i) == (state != VMK_FALSE)) {
         *pos = i;
         return VMK_TRUE;
      }
      if (i == 0) {
         return VMK_FALSE;
      }
      i--;
   }
}

EMU_EXPORT void
vmk_BitVectorGetExtent(const vmk_BitVector *bv, vmk_uint32 start,
                       vmk_Bool *set, vmk_uint32 *length)
{
   int state;

   if (bv == NULL || set == NULL || length == NULL) {
      BV_MISUSE(EMU_CALLER(), "%s: NULL argument", __func__);
      return;
   }
   if (start >= bv->n) {
      BV_MISUSE(EMU_CALLER(), "%s: bit %u beyond the vector's %u", __func__,
                start, bv->n);
      *set = VMK_FALSE;
      *length = 0;
      return;
   }
   state = bv_test(bv, start);
   *set = state ? VMK_TRUE : VMK_FALSE;
   *length = bv_next(bv, start, !state) - start;
}

EMU_EXPORT vmk_Bool
vmk_BitVectorNextExtent(const vmk_BitVector *bv, vmk_uint32 startSearch,
                        vmk_Bool set, vmk_uint32 *startRun,
                        vmk_uint32 *length)
{
   vmk_uint32 first;
   int state = set != VMK_FALSE;

   if (bv == NULL || startRun == NULL || length == NULL) {
      BV_MISUSE(EMU_CALLER(), "%s: NULL argument", __func__);
      return VMK_FALSE;
   }
   first = bv_next(bv, startSearch, state);
   if (first >= bv->n) {
      return VMK_FALSE;
   }
   *startRun = first;
   *length = bv_next(bv, first, !state) - first;
   return VMK_TRUE;
}

/*
 * Clip [start, start+length) to the vector, reporting what sticks out.
 * Returns the clipped length.
 */
static vmk_uint32
bv_clip(const vmk_BitVector *bv, vmk_uint32 start, vmk_uint32 length,
        const void *caller, const char *fn)
{
   if (start > bv->n || length > bv->n - start) {
      BV_MISUSE(caller, "%s: bits %u..+%u beyond the vector's %u", fn, start,
                length, bv->n);
      return start >= bv->n ? 0 : bv->n - start;
   }
   return length;
}

/* Set or clear a run; returns how many bits changed. */
static vmk_uint32
bv_set_run(vmk_BitVector *bv, vmk_uint32 start, vmk_uint32 length, int state)
{
   vmk_uint32 changed = 0;
   vmk_uint32 i = start;
   vmk_uint32 end = start + length;

   while (i < end) {
      vmk_uint32 w = i / 32;
      vmk_uint32 lo = i % 32;
      vmk_uint32 hi = (end - w * 32) < 32 ? end - w * 32 : 32;
      vmk_uint32 mask = (hi == 32 ? 0xffffffffu : (((vmk_uint32)1 << hi) - 1)) &
                        (0xffffffffu << lo);
      vmk_uint32 old = bv->vector[w];

      bv->vector[w] = state ? old | mask : old & ~mask;
      changed += (vmk_uint32)__builtin_popcount(old ^ bv->vector[w]);
      i = w * 32 + hi;
   }
   return changed;
}

EMU_EXPORT int
vmk_BitVectorSetExtent(vmk_BitVector *bv, vmk_uint32 startRun,
                       vmk_uint32 length, vmk_Bool state)
{
   vmk_uint32 changed;

   if (bv == NULL) {
      BV_MISUSE(EMU_CALLER(), "%s: NULL bit vector", __func__);
      return 0;
   }
   length = bv_clip(bv, startRun, length, EMU_CALLER(), __func__);
   changed = bv_set_run(bv, startRun, length, state != VMK_FALSE);
   return state != VMK_FALSE ? (int)changed : -(int)changed;
}

EMU_EXPORT void
vmk_BitVectorSetExtentFast(vmk_BitVector *bv, vmk_uint32 startRun,
                           vmk_uint32 length)
{
   if (bv == NULL) {
      BV_MISUSE(EMU_CALLER(), "%s: NULL bit vector", __func__);
      return;
   }
   length = bv_clip(bv, startRun, length, EMU_CALLER(), __func__);
   (void)bv_set_run(bv, startRun, length, 1);
}

/* OR src bits [0, count) into dst at offset; returns bits newly set. */
static vmk_uint32
bv_merge(const vmk_BitVector *src, vmk_BitVector *dst, vmk_uint32 offset,
         vmk_uint32 count)
{
   vmk_uint32 added = 0;
   vmk_uint32 i = bv_next(src, 0, 1);

   while (i < count) {
      vmk_uint32 d = offset + i;
      vmk_uint32 bit = (vmk_uint32)1 << (d % 32);

      if (!(dst->vector[d / 32] & bit)) {
         dst->vector[d / 32] |= bit;
         added++;
      }
      i = bv_next(src, i + 1, 1);
   }
   return added;
}

EMU_EXPORT vmk_uint32
vmk_BitVectorMerge(vmk_BitVector *src, vmk_BitVector *dst)
{
   if (src == NULL || dst == NULL) {
      BV_MISUSE(EMU_CALLER(), "%s: NULL bit vector", __func__);
      return 0;
   }
   if (src->n != dst->n) {
      BV_MISUSE(EMU_CALLER(), "%s: sizes differ (%u and %u bits)", __func__,
                src->n, dst->n);
   }
   return bv_merge(src, dst, 0, src->n < dst->n ? src->n : dst->n);
}

EMU_EXPORT void
vmk_BitVectorMergeAtOffset(vmk_BitVector *src, vmk_BitVector *dst,
                           vmk_uint32 offset)
{
   if (src == NULL || dst == NULL) {
      BV_MISUSE(EMU_CALLER(), "%s: NULL bit vector", __func__);
      return;
   }
   if (offset >= dst->n) {
      return;                         /* every bit would fall off the end */
   }
   /* Bits that would land beyond dst are ignored, as documented. */
   (void)bv_merge(src, dst, offset,
                  src->n < dst->n - offset ? src->n : dst->n - offset);
}
