/*
 * lib/vmkapi_bitvector.h -- bit vectors
 *
 * Variable-size bit vectors. Single-bit operations are inline (the atomic
 * ones use compiler atomics); search and extent operations are in the
 * runtime.
 */

#ifndef _VMKAPI_BITVECTOR_H_
#define _VMKAPI_BITVECTOR_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "lib/vmkapi_bitvector.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_BitVector Bit Vectors
 * \{
 */

/**
 * \brief Close a VMK_BITVECTOR_ITERATE() block.
 */
#define VMK_BITVECTOR_ENDITERATE() } } }

/**
 * \brief Run the following block (closed by VMK_BITVECTOR_ENDITERATE()) once per set bit, lowest first.
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
 * \brief Like VMK_BITVECTOR_ITERATE(), but clears each word before visiting its set bits.
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
 * \brief Bytes needed for a vmk_BitVector of n bits (header plus words).
 */
#define vmk_BitVectorSize(n)                                \
   (2 * sizeof(vmk_uint32) +                                \
    (((n) + 31) / 32) * sizeof(vmk_uint32))

/**
 * \brief A bit vector; allocate with vmk_BitVectorAlloc(), the bits follow the header.
 */
typedef struct vmk_BitVector {
   /** \brief N. */
   vmk_uint32 n;
   /** \brief Nwords. */
   vmk_uint32 nwords;
   /** \brief Vector. */
   vmk_uint32 vector[1];
} vmk_BitVector;

/**
 * \brief Allocate a bit vector.
 *
 * \note This function will not block.
 *
 * \param[in] heap Heap handle.
 * \param[in] n N.
 */
vmk_BitVector *
vmk_BitVectorAlloc(
   vmk_HeapID heap,
   vmk_uint32 n);

/**
 * \brief Allocate a bit vector with timeout.
 *
 * \note This function may block.
 *
 * \param[in] heap Heap handle.
 * \param[in] n N.
 * \param[in] timeoutMs Timeout ms.
 */
vmk_BitVector *
vmk_BitVectorAllocWithTimeout(
   vmk_HeapID heap,
   vmk_uint32 n,
   vmk_uint32 timeoutMs);

/**
 * \brief Duplicate a bit vector.
 *
 * \note This function will not block.
 *
 * \param[in] heap Heap handle.
 * \param[in] src Source buffer.
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
 * \param[in] heap Heap handle.
 * \param[in] bv Bit vector.
 */
void
vmk_BitVectorFree(
   vmk_HeapID heap,
   vmk_BitVector *bv);

/**
 * \brief Length and state of the run of equal bits starting at a position.
 *
 * \note This function will not block.
 *
 * \param[in] bv Bit vector.
 * \param[in] start Start.
 * \param[out] set Set.
 * \param[out] length Length in bytes.
 */
void
vmk_BitVectorGetExtent(
   const vmk_BitVector *bv,
   vmk_uint32 start,
   vmk_Bool *set,
   vmk_uint32 *length);

/**
 * \brief Whether no bit is set.
 *
 * \note This function will not block.
 *
 * \param[in] bv Bit vector.
 */
vmk_uint32
vmk_BitVectorIsZero(
   const vmk_BitVector *bv);

/**
 * \brief Largest number of bits a bit vector can hold.
 *
 * \note This function will not block.
 */
vmk_uint32
vmk_BitVectorMaxSize(void);

/**
 * \brief OR one bit vector into another of the same size.
 *
 * \note This function will not block.
 *
 * \param[in] src Source buffer.
 * \param[in,out] dest Destination buffer.
 */
vmk_uint32
vmk_BitVectorMerge(
   vmk_BitVector *src,
   vmk_BitVector *dest);

/**
 * \brief OR one bit vector into another at a bit offset.
 *
 * \note This function will not block.
 *
 * \param[in] src Source buffer.
 * \param[in,out] dest Destination buffer.
 * \param[in] offset Offset.
 */
void
vmk_BitVectorMergeAtOffset(
   vmk_BitVector *src,
   vmk_BitVector *dest,
   vmk_uint32 offset);

/**
 * \brief Find the next bit in a given state at or after a position.
 *
 * \note This function will not block.
 *
 * \param[in] bv Bit vector.
 * \param[in] start Start.
 * \param[in] state State.
 * \param[out] pos Pos.
 */
vmk_Bool
vmk_BitVectorNextBit(
   const vmk_BitVector *bv,
   vmk_uint32 start,
   vmk_Bool state,
   vmk_uint32 *pos);

/**
 * \brief Find the next run of bits in a given state.
 *
 * \note This function will not block.
 *
 * \param[in] bv Bit vector.
 * \param[in] startSearch Start search.
 * \param[in] set Set.
 * \param[out] startRun Start run.
 * \param[out] length Length in bytes.
 */
vmk_Bool
vmk_BitVectorNextExtent(
   const vmk_BitVector *bv,
   vmk_uint32 startSearch,
   vmk_Bool set,
   vmk_uint32 *startRun,
   vmk_uint32 *length);

/**
 * \brief Number of bits set.
 *
 * \note This function will not block.
 *
 * \param[in] bv Bit vector.
 */
vmk_uint32
vmk_BitVectorNumBitsSet(
   const vmk_BitVector *bv);

/**
 * \brief Find the previous bit in a given state at or before a position.
 *
 * \note This function will not block.
 *
 * \param[in] bv Bit vector.
 * \param[in] start Start.
 * \param[in] state State.
 * \param[out] pos Pos.
 */
vmk_Bool
vmk_BitVectorPrevBit(
   const vmk_BitVector *bv,
   vmk_uint32 start,
   vmk_Bool state,
   vmk_uint32 *pos);

/**
 * \brief Set or clear a run of bits.
 *
 * \note This function will not block.
 *
 * \param[in] bv Bit vector.
 * \param[in] startRun Start run.
 * \param[in] length Length in bytes.
 * \param[in] state State.
 */
int
vmk_BitVectorSetExtent(
   vmk_BitVector *bv,
   vmk_uint32 startRun,
   vmk_uint32 length,
   vmk_Bool state);

/**
 * \brief Set a run of bits, whole words at a time where possible.
 *
 * \note This function will not block.
 *
 * \param[in] bv Bit vector.
 * \param[in] startRun Start run.
 * \param[in] length Length in bytes.
 */
void
vmk_BitVectorSetExtentFast(
   vmk_BitVector *bv,
   vmk_uint32 startRun,
   vmk_uint32 length);

/**
 * \brief Atomically clear bit n and return whether it was set before.
 *
 * \note This function will not block.
 *
 * \param[in] bv Bit vector.
 * \param[in] n N.
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
 * \brief Atomically set bit n and return whether it was set before.
 *
 * \note This function will not block.
 *
 * \param[in] bv Bit vector.
 * \param[in] n N.
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
 * \brief Clear bit n.
 *
 * \note This function will not block.
 *
 * \param[in] bv Bit vector.
 * \param[in] n N.
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
 * \brief Set every bit (bits past n stay clear).
 *
 * \note This function will not block.
 *
 * \param[in] bv Bit vector.
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
 * \brief Pointer to byte start of the bit storage, for nbytes bytes.
 *
 * \note This function will not block.
 *
 * \param[in] bv Bit vector.
 * \param[in] start Start.
 * \param[in] nbytes Nbytes.
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
 * \brief Set bit n.
 *
 * \note This function will not block.
 *
 * \param[in] bv Bit vector.
 * \param[in] n N.
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
 * \brief Whether bit n is set (nonzero if set).
 *
 * \note This function will not block.
 *
 * \param[in] bv Bit vector.
 * \param[in] n N.
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
 * \brief Clear every bit.
 *
 * \note This function will not block.
 *
 * \param[in] bv Bit vector.
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
