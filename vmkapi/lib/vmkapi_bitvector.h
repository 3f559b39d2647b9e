/*
 * lib/vmkapi_bitvector.h -- bit vectors
 *
 * Bit arrays of any size up to 2^31 bits, allocated from a heap. Single
 * bits are set, cleared and tested inline; allocation, counting, searching
 * and run (extent) operations are in the runtime.
 */

#ifndef _VMKAPI_BITVECTOR_H_
#define _VMKAPI_BITVECTOR_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "lib/vmkapi_bitvector.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_BitVector Bit Vectors
 *
 * \brief Heap-allocated arrays of bits with search and run operations.
 *
 * Bit i lives in word i / 32 of vector[], at position i % 32. The bits
 * past n in the last word are padding and are kept clear.
 *
 * vmk_BitVectorSet() and vmk_BitVectorClear() change one bit without
 * disturbing concurrent updates of other bits in the same word; the
 * AtomicTestAnd* functions also return the old state atomically. All other
 * operations need the caller to serialise access to the vector.
 *
 * \note These functions return no status. Where ESXi would corrupt memory
 *       or crash (a NULL vector, a bit number at or past n, merging vectors
 *       of different sizes), vmkemu raises a MISUSE report naming the
 *       caller and then does only the in-range part of the work.
 * \{
 */

/**
 * \brief End the block opened by VMK_BITVECTOR_ITERATE() or
 *        VMK_BITVECTOR_ITERATE_AND_CLEAR().
 */
#define VMK_BITVECTOR_ENDITERATE() } } }

/**
 * \brief Run the statements up to VMK_BITVECTOR_ENDITERATE() once for each
 *        set bit, lowest bit number first.
 *
 * Each word is read once, before its bits are visited, so changes made by
 * the body to the current word are not seen.
 *
 * \param[in]  bv   Bit vector to scan.
 * \param[out] bit  vmk_uint32 variable that holds the number of the set
 *                  bit in each pass.
 */
#define VMK_BITVECTOR_ITERATE(bv, bit)                                       \
   {                                                                         \
      vmk_uint32 _vmkBvWord;                                                 \
      for (_vmkBvWord = 0; _vmkBvWord < (bv)->nwords; _vmkBvWord++) {        \
         vmk_uint32 _vmkBvBits = (bv)->vector[_vmkBvWord];                   \
         while (_vmkBvBits != 0) {                                           \
            (bit) = _vmkBvWord * 32 + (vmk_uint32)__builtin_ctz(_vmkBvBits); \
            _vmkBvBits &= _vmkBvBits - 1;                                    \
            if ((bit) >= (bv)->n) {                                          \
               break;                                                        \
            }

/**
 * \brief Like VMK_BITVECTOR_ITERATE(), but clears the bits it visits: each
 *        word is zeroed right after it is read.
 *
 * \param[in,out] bv   Bit vector to scan and clear.
 * \param[out]    bit  vmk_uint32 variable that holds the number of the set
 *                     bit in each pass.
 */
#define VMK_BITVECTOR_ITERATE_AND_CLEAR(bv, bit)                             \
   {                                                                         \
      vmk_uint32 _vmkBvWord;                                                 \
      for (_vmkBvWord = 0; _vmkBvWord < (bv)->nwords; _vmkBvWord++) {        \
         vmk_uint32 _vmkBvBits = (bv)->vector[_vmkBvWord];                   \
         (bv)->vector[_vmkBvWord] = 0;                                       \
         while (_vmkBvBits != 0) {                                           \
            (bit) = _vmkBvWord * 32 + (vmk_uint32)__builtin_ctz(_vmkBvBits); \
            _vmkBvBits &= _vmkBvBits - 1;                                    \
            if ((bit) >= (bv)->n) {                                          \
               break;                                                        \
            }

/**
 * \brief Number of bytes a vmk_BitVector of n bits occupies (header plus
 *        bit words), for callers that place one in their own memory.
 *
 * \param[in] n  Number of bits.
 */
#define vmk_BitVectorSize(n)                                \
   (2 * sizeof(vmk_uint32) +                                \
    (((n) + 31) / 32) * sizeof(vmk_uint32))

/**
 * \brief A bit vector: a two-word header followed by the bit words.
 *
 * The structure declares one word; the real vector is
 * vmk_BitVectorSize(n) bytes long. Get one from vmk_BitVectorAlloc().
 */
typedef struct vmk_BitVector {
   /** \brief Number of bits in the vector. */
   vmk_uint32 n;
   /** \brief Number of 32-bit words in vector[]: (n + 31) / 32. */
   vmk_uint32 nwords;
   /** \brief The bits, 32 to a word, lowest bit number in bit 0 of word 0. */
   vmk_uint32 vector[1];
} vmk_BitVector;

/**
 * \brief Allocate a bit vector with every bit clear.
 *
 * \note This function will not block.
 *
 * \param[in] heap  Heap to allocate from; free the vector to the same
 *                  heap.
 * \param[in] n     Number of bits, 1 to vmk_BitVectorMaxSize().
 *
 * \return The new vector, or NULL if n is out of range or the heap is out
 *         of memory.
 */
vmk_BitVector *
vmk_BitVectorAlloc(
   vmk_HeapID heap,
   vmk_uint32 n);

/**
 * \brief Allocate a bit vector with every bit clear, waiting for heap
 *        memory if necessary.
 *
 * \note This function may block, unless timeoutMs is 0.
 *
 * \param[in] heap       Heap to allocate from; free the vector to the
 *                       same heap.
 * \param[in] n          Number of bits, 1 to vmk_BitVectorMaxSize().
 * \param[in] timeoutMs  Longest wait for memory, in milliseconds.
 *
 * \return The new vector, or NULL if n is out of range or no memory
 *         became available in time.
 */
vmk_BitVector *
vmk_BitVectorAllocWithTimeout(
   vmk_HeapID heap,
   vmk_uint32 n,
   vmk_uint32 timeoutMs);

/**
 * \brief Allocate a copy of a bit vector.
 *
 * \note This function will not block.
 *
 * \param[in] heap  Heap to allocate the copy from.
 * \param[in] src   Vector to copy.
 *
 * \return The copy, with the same size and bits, or NULL if the heap is
 *         out of memory.
 */
vmk_BitVector *
vmk_BitVectorDuplicate(
   vmk_HeapID heap,
   const vmk_BitVector *src);

/**
 * \brief Free a bit vector.
 *
 * \note This function will not block.
 *
 * \param[in] heap  Heap the vector was allocated from.
 * \param[in] bv    Vector to free; NULL is ignored.
 */
void
vmk_BitVectorFree(
   vmk_HeapID heap,
   vmk_BitVector *bv);

/**
 * \brief Measure the run of equal bits that begins at a given bit.
 *
 * \note This function will not block.
 *
 * \param[in]  bv      Vector to examine.
 * \param[in]  start   Bit where the run begins; must be below n.
 * \param[out] set     Receives the state of the bits in the run.
 * \param[out] length  Receives the number of bits in the run (at least 1).
 */
void
vmk_BitVectorGetExtent(
   const vmk_BitVector *bv,
   vmk_uint32 start,
   vmk_Bool *set,
   vmk_uint32 *length);

/**
 * \brief Tell whether every bit of a vector is clear.
 *
 * \note This function will not block.
 *
 * \param[in] bv  Vector to examine.
 *
 * \return 1 if no bit is set, 0 otherwise.
 */
vmk_uint32
vmk_BitVectorIsZero(
   const vmk_BitVector *bv);

/**
 * \brief Get the largest number of bits a vector may have.
 *
 * \note This function will not block.
 *
 * \return The upper limit for n in vmk_BitVectorAlloc() (2^31 in vmkemu).
 */
vmk_uint32
vmk_BitVectorMaxSize(void);

/**
 * \brief Set in one vector every bit that is set in another (bitwise OR).
 *
 * \note This function will not block.
 *
 * \param[in]     src   Vector whose set bits are copied.
 * \param[in,out] dest  Vector that receives them; same size as src.
 *
 * \return The number of bits of dest that were clear and are now set.
 */
vmk_uint32
vmk_BitVectorMerge(
   vmk_BitVector *src,
   vmk_BitVector *dest);

/**
 * \brief OR a vector into another, shifted to start at a given bit.
 *
 * Bit i of src is ORed into bit offset + i of dest; bits that would land
 * past the end of dest are dropped.
 *
 * \note This function will not block.
 *
 * \param[in]     src     Vector whose set bits are copied.
 * \param[in,out] dest    Vector that receives them.
 * \param[in]     offset  Bit of dest that lines up with bit 0 of src.
 */
void
vmk_BitVectorMergeAtOffset(
   vmk_BitVector *src,
   vmk_BitVector *dest,
   vmk_uint32 offset);

/**
 * \brief Find the first bit in a given state at or after a position.
 *
 * \note This function will not block.
 *
 * \param[in]  bv     Vector to search.
 * \param[in]  start  First bit to look at.
 * \param[in]  state  VMK_TRUE to look for a set bit, VMK_FALSE for a clear
 *                    one.
 * \param[out] pos    Receives the number of the bit found.
 *
 * \return VMK_TRUE if a bit was found, VMK_FALSE if none lies between
 *         start and the end of the vector.
 */
vmk_Bool
vmk_BitVectorNextBit(
   const vmk_BitVector *bv,
   vmk_uint32 start,
   vmk_Bool state,
   vmk_uint32 *pos);

/**
 * \brief Find the next run of bits in a given state at or after a
 *        position, and measure it.
 *
 * \note This function will not block.
 *
 * \param[in]  bv           Vector to search.
 * \param[in]  startSearch  First bit to look at.
 * \param[in]  set          VMK_TRUE to look for set bits, VMK_FALSE for
 *                          clear ones.
 * \param[out] startRun     Receives the first bit of the run.
 * \param[out] length       Receives the number of bits in the run.
 *
 * \return VMK_TRUE if a run was found, VMK_FALSE otherwise.
 */
vmk_Bool
vmk_BitVectorNextExtent(
   const vmk_BitVector *bv,
   vmk_uint32 startSearch,
   vmk_Bool set,
   vmk_uint32 *startRun,
   vmk_uint32 *length);

/**
 * \brief Count the set bits of a vector.
 *
 * \note This function will not block.
 *
 * \param[in] bv  Vector to count.
 *
 * \return The number of set bits.
 */
vmk_uint32
vmk_BitVectorNumBitsSet(
   const vmk_BitVector *bv);

/**
 * \brief Find the last bit in a given state at or before a position.
 *
 * \note This function will not block.
 *
 * \param[in]  bv     Vector to search.
 * \param[in]  start  First bit to look at; the search goes towards bit 0.
 *                    vmkemu starts at the last bit if start is past it.
 * \param[in]  state  VMK_TRUE to look for a set bit, VMK_FALSE for a clear
 *                    one.
 * \param[out] pos    Receives the number of the bit found.
 *
 * \return VMK_TRUE if a bit was found, VMK_FALSE if none lies between bit
 *         0 and start.
 */
vmk_Bool
vmk_BitVectorPrevBit(
   const vmk_BitVector *bv,
   vmk_uint32 start,
   vmk_Bool state,
   vmk_uint32 *pos);

/**
 * \brief Set or clear a run of consecutive bits.
 *
 * \note This function will not block.
 *
 * \param[in,out] bv        Vector to change.
 * \param[in]     startRun  First bit of the run.
 * \param[in]     length    Number of bits in the run; the run must end
 *                          within the vector.
 * \param[in]     state     VMK_TRUE to set the bits, VMK_FALSE to clear
 *                          them.
 *
 * \return How many bits changed state: positive when setting, negative
 *         when clearing (vmkemu's reading of a return value ESXi leaves
 *         undocumented).
 */
int
vmk_BitVectorSetExtent(
   vmk_BitVector *bv,
   vmk_uint32 startRun,
   vmk_uint32 length,
   vmk_Bool state);

/**
 * \brief Set a run of consecutive bits, whole words at a time where the
 *        run covers them.
 *
 * \note This function will not block.
 *
 * \param[in,out] bv        Vector to change.
 * \param[in]     startRun  First bit of the run.
 * \param[in]     length    Number of bits in the run; the run must end
 *                          within the vector.
 */
void
vmk_BitVectorSetExtentFast(
   vmk_BitVector *bv,
   vmk_uint32 startRun,
   vmk_uint32 length);

/**
 * \brief Clear a bit and learn its previous state, in one atomic step.
 *
 * \note This function will not block.
 *
 * \param[in] bv  Vector to change (the bits are modified even though the
 *                pointer is const).
 * \param[in] n   Bit number, below bv->n.
 *
 * \return Non-zero if the bit was set before, 0 if it was already clear.
 */
static inline int
vmk_BitVectorAtomicTestAndClear(
   const vmk_BitVector *bv,
   vmk_uint32 n)
{
   vmk_uint32 mask = (vmk_uint32)1 << (n % 32);
   vmk_uint32 *word = (vmk_uint32 *)&bv->vector[n / 32];

   VMK_ASSERT(n < bv->n);
   return (__atomic_fetch_and(word, ~mask, __ATOMIC_SEQ_CST) & mask) != 0;
}

/**
 * \brief Set a bit and learn its previous state, in one atomic step.
 *
 * \note This function will not block.
 *
 * \param[in] bv  Vector to change (the bits are modified even though the
 *                pointer is const).
 * \param[in] n   Bit number, below bv->n.
 *
 * \return Non-zero if the bit was already set, 0 if it was clear.
 */
static inline int
vmk_BitVectorAtomicTestAndSet(
   const vmk_BitVector *bv,
   vmk_uint32 n)
{
   vmk_uint32 mask = (vmk_uint32)1 << (n % 32);
   vmk_uint32 *word = (vmk_uint32 *)&bv->vector[n / 32];

   VMK_ASSERT(n < bv->n);
   return (__atomic_fetch_or(word, mask, __ATOMIC_SEQ_CST) & mask) != 0;
}

/**
 * \brief Clear one bit.
 *
 * \note This function will not block.
 *
 * \param[in,out] bv  Vector to change.
 * \param[in]     n   Bit number, below bv->n.
 */
static inline void
vmk_BitVectorClear(
   vmk_BitVector *bv,
   vmk_uint32 n)
{
   VMK_ASSERT(n < bv->n);
   (void)__atomic_fetch_and(&bv->vector[n / 32], ~((vmk_uint32)1 << (n % 32)),
                            __ATOMIC_RELAXED);
}

/**
 * \brief Set every bit of a vector.
 *
 * \note This function will not block.
 * \note vmkemu keeps the padding bits past n clear.
 *
 * \param[in,out] bv  Vector to fill.
 */
static inline void
vmk_BitVectorFill(
   vmk_BitVector *bv)
{
   vmk_uint32 i;

   /* A plain loop, so the inline needs nothing from the library. */
   for (i = 0; i < bv->nwords; i++) {
      bv->vector[i] = 0xffffffffU;
   }
   if ((bv->n % 32) != 0 && bv->nwords != 0) {
      /* Keep the padding bits past n clear. */
      bv->vector[bv->nwords - 1] = ((vmk_uint32)1 << (bv->n % 32)) - 1;
   }
}

/**
 * \brief Get a byte pointer into the vector's bit storage.
 *
 * For copying bits to or from a buffer in bulk; byte k holds bits 8k to
 * 8k + 7 (x86 is little-endian).
 *
 * \note This function will not block.
 *
 * \param[in] bv      Vector to access.
 * \param[in] start   Offset of the first byte wanted, in bytes.
 * \param[in] nbytes  Number of bytes the caller will access; start plus
 *                    nbytes must lie within the bit words.
 *
 * \return Pointer to byte start of the bit storage.
 */
static inline vmk_uint8 *
vmk_BitVectorGetRef(
   const vmk_BitVector *bv,
   vmk_uint32 start,
   vmk_uint32 nbytes)
{
   VMK_ASSERT((vmk_ByteCount)start + nbytes <=
              (vmk_ByteCount)bv->nwords * sizeof(bv->vector[0]));
   (void)nbytes;
   return (vmk_uint8 *)bv->vector + start;
}

/**
 * \brief Set one bit.
 *
 * \note This function will not block.
 *
 * \param[in,out] bv  Vector to change.
 * \param[in]     n   Bit number, below bv->n.
 */
static inline void
vmk_BitVectorSet(
   vmk_BitVector *bv,
   vmk_uint32 n)
{
   VMK_ASSERT(n < bv->n);
   (void)__atomic_fetch_or(&bv->vector[n / 32], (vmk_uint32)1 << (n % 32),
                           __ATOMIC_RELAXED);
}

/**
 * \brief Read one bit.
 *
 * \note This function will not block.
 *
 * \param[in] bv  Vector to read.
 * \param[in] n   Bit number, below bv->n.
 *
 * \return 1 if the bit is set, 0 if it is clear.
 */
static inline int
vmk_BitVectorTest(
   const vmk_BitVector *bv,
   vmk_uint32 n)
{
   VMK_ASSERT(n < bv->n);
   return (int)((bv->vector[n / 32] >> (n % 32)) & 1);
}

/**
 * \brief Clear every bit of a vector.
 *
 * \note This function will not block.
 *
 * \param[in,out] bv  Vector to clear.
 */
static inline void
vmk_BitVectorZap(
   vmk_BitVector *bv)
{
   vmk_uint32 i;

   for (i = 0; i < bv->nwords; i++) {
      bv->vector[i] = 0;
   }
}

/** \} */

#endif /* _VMKAPI_BITVECTOR_H_ */
