/*
 * base/vmkapi_atomic.h -- 64-bit atomics
 *
 * Indivisible read-modify-write operations on 64-bit variables, inline
 * over the compiler's atomic builtins.
 */

#ifndef _VMKAPI_ATOMIC_H_
#define _VMKAPI_ATOMIC_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_atomic.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Atomic Atomic Operations
 *
 * \brief Indivisible operations on 64-bit variables shared between
 *        worlds and CPUs.
 *
 * Every operation is sequentially consistent: it is a full memory barrier
 * as well as an atomic access. Declare shared counters and flags as
 * vmk_atomic64 and touch them only through these functions. All of them
 * are inline and usable in any context, including interrupt handlers and
 * with spinlocks held.
 * \{
 */

/**
 * \brief A 64-bit variable that is read and written only with the
 *        vmk_Atomic*64 functions; naturally (8-byte) aligned.
 */
typedef volatile vmk_uint64 vmk_atomic64
   VMK_ATTRIBUTE_ALIGN(sizeof(vmk_uint64));

/**
 * \brief Whether the CPU needs an explicit fence after atomic operations;
 *        VMK_FALSE on x86, as in vmkemu.
 */
extern vmk_Bool vmk_AtomicUseFence;

/**
 * \brief Hook that runs before each atomic operation.
 *
 * On x86 there is nothing to prepare; the hook exists so that the
 * operations look the same on every architecture.
 *
 * \note This function will not block.
 */
static VMK_ALWAYS_INLINE void
vmk_AtomicPrologue(void)
{
   /* x86 needs no preparation before an atomic operation. */
}

/**
 * \brief Hook that runs after each atomic operation.
 *
 * Would issue a fence where vmk_AtomicUseFence is set; on x86 it does
 * nothing.
 *
 * \note This function will not block.
 */
static VMK_ALWAYS_INLINE void
vmk_AtomicEpilogue(void)
{
   /* x86 needs no fence after an atomic operation (vmk_AtomicUseFence is false). */
}

/**
 * \brief Atomically add one to a 64-bit variable.
 *
 * \note This function will not block.
 *
 * \param[in,out] var  Atomic variable to update; 8-byte aligned.
 */
static inline void
vmk_AtomicInc64(
   vmk_atomic64 *var)
{
   vmk_AtomicPrologue();
   (void)__atomic_fetch_add(var, 1, __ATOMIC_SEQ_CST);
   vmk_AtomicEpilogue();
}

/**
 * \brief Atomically subtract one from a 64-bit variable.
 *
 * \note This function will not block.
 *
 * \param[in,out] var  Atomic variable to update; 8-byte aligned.
 */
static inline void
vmk_AtomicDec64(
   vmk_atomic64 *var)
{
   vmk_AtomicPrologue();
   (void)__atomic_fetch_sub(var, 1, __ATOMIC_SEQ_CST);
   vmk_AtomicEpilogue();
}

/**
 * \brief Atomically add a value to a 64-bit variable.
 *
 * \note This function will not block.
 *
 * \param[in,out] var  Atomic variable to update; 8-byte aligned.
 * \param[in]     val  Amount to add (wraps modulo 2^64).
 */
static inline void
vmk_AtomicAdd64(
   vmk_atomic64 *var,
   vmk_uint64 val)
{
   vmk_AtomicPrologue();
   (void)__atomic_fetch_add(var, val, __ATOMIC_SEQ_CST);
   vmk_AtomicEpilogue();
}

/**
 * \brief Atomically subtract a value from a 64-bit variable.
 *
 * \note This function will not block.
 *
 * \param[in,out] var  Atomic variable to update; 8-byte aligned.
 * \param[in]     val  Amount to subtract (wraps modulo 2^64).
 */
static inline void
vmk_AtomicSub64(
   vmk_atomic64 *var,
   vmk_uint64 val)
{
   vmk_AtomicPrologue();
   (void)__atomic_fetch_sub(var, val, __ATOMIC_SEQ_CST);
   vmk_AtomicEpilogue();
}

/**
 * \brief Atomically set bits in a 64-bit variable.
 *
 * \note This function will not block.
 *
 * \param[in,out] var  Atomic variable to update; 8-byte aligned.
 * \param[in]     val  Bits to set (bitwise OR).
 */
static inline void
vmk_AtomicOr64(
   vmk_atomic64 *var,
   vmk_uint64 val)
{
   vmk_AtomicPrologue();
   (void)__atomic_fetch_or(var, val, __ATOMIC_SEQ_CST);
   vmk_AtomicEpilogue();
}

/**
 * \brief Atomically keep only some bits of a 64-bit variable.
 *
 * \note This function will not block.
 *
 * \param[in,out] var  Atomic variable to update; 8-byte aligned.
 * \param[in]     val  Mask of bits to keep (bitwise AND).
 */
static inline void
vmk_AtomicAnd64(
   vmk_atomic64 *var,
   vmk_uint64 val)
{
   vmk_AtomicPrologue();
   (void)__atomic_fetch_and(var, val, __ATOMIC_SEQ_CST);
   vmk_AtomicEpilogue();
}

/**
 * \brief Atomically flip bits in a 64-bit variable.
 *
 * \note This function will not block.
 *
 * \param[in,out] var  Atomic variable to update; 8-byte aligned.
 * \param[in]     val  Bits to flip (bitwise XOR).
 */
static inline void
vmk_AtomicXor64(
   vmk_atomic64 *var,
   vmk_uint64 val)
{
   vmk_AtomicPrologue();
   (void)__atomic_fetch_xor(var, val, __ATOMIC_SEQ_CST);
   vmk_AtomicEpilogue();
}

/**
 * \brief Read a 64-bit variable in one indivisible access.
 *
 * \note This function will not block.
 *
 * \param[in]     var  Atomic variable to read; 8-byte aligned.
 *
 * \return The value of var.
 */
static inline vmk_uint64
vmk_AtomicRead64(
   const vmk_atomic64 *var)
{
   VMK_ASSERT(((vmk_uintptr_t)var & (sizeof(*var) - 1)) == 0);
   return __atomic_load_n(var, __ATOMIC_SEQ_CST);
}

/**
 * \brief Store a 64-bit value in one indivisible access.
 *
 * \note This function will not block.
 *
 * \param[out]    var  Atomic variable to write; 8-byte aligned.
 * \param[in]     val  New value.
 */
static inline void
vmk_AtomicWrite64(
   vmk_atomic64 *var,
   vmk_uint64 val)
{
   VMK_ASSERT(((vmk_uintptr_t)var & (sizeof(*var) - 1)) == 0);
   __atomic_store_n(var, val, __ATOMIC_SEQ_CST);
}

/**
 * \brief Atomically exchange the value of a 64-bit variable.
 *
 * \note This function will not block.
 *
 * \param[in,out] var  Atomic variable to update; 8-byte aligned.
 * \param[in]     val  New value to store.
 *
 * \return The value var held just before the exchange.
 */
static inline vmk_uint64
vmk_AtomicReadWrite64(
   vmk_atomic64 *var,
   vmk_uint64 val)
{
   vmk_uint64 old;

   vmk_AtomicPrologue();
   old = __atomic_exchange_n(var, val, __ATOMIC_SEQ_CST);
   vmk_AtomicEpilogue();
   return old;
}

/**
 * \brief Atomically compare and swap: store a new value only if the
 *        variable still holds the expected one.
 *
 * \note This function will not block.
 *
 * \param[in,out] var  Atomic variable to update; 8-byte aligned.
 * \param[in]     expected  Value var must hold for the store to happen.
 * \param[in]     val  New value stored when var equals expected.
 *
 * \return The value var held before the operation; it equals expected exactly
 *         when the store took place.
 */
static inline vmk_uint64
vmk_AtomicReadIfEqualWrite64(
   vmk_atomic64 *var,
   vmk_uint64 expected,
   vmk_uint64 val)
{
   vmk_uint64 seen = expected;

   vmk_AtomicPrologue();
   (void)__atomic_compare_exchange_n(var, &seen, val, 0,
                                     __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
   vmk_AtomicEpilogue();
   return seen;
}

/**
 * \brief Atomically add a value and get the previous value.
 *
 * \note This function will not block.
 *
 * \param[in,out] var  Atomic variable to update; 8-byte aligned.
 * \param[in]     val  Amount to add (wraps modulo 2^64).
 *
 * \return The value var held before the addition.
 */
static inline vmk_uint64
vmk_AtomicReadAdd64(
   vmk_atomic64 *var,
   vmk_uint64 val)
{
   vmk_uint64 old;

   vmk_AtomicPrologue();
   old = __atomic_fetch_add(var, val, __ATOMIC_SEQ_CST);
   vmk_AtomicEpilogue();
   return old;
}

/**
 * \brief Atomically add one and get the previous value.
 *
 * \note This function will not block.
 *
 * \param[in,out] var  Atomic variable to update; 8-byte aligned.
 *
 * \return The value var held before the increment.
 */
static inline vmk_uint64
vmk_AtomicReadInc64(
   vmk_atomic64 *var)
{
   return vmk_AtomicReadAdd64(var, 1);
}

/**
 * \brief Atomically subtract one and get the previous value.
 *
 * \note This function will not block.
 *
 * \param[in,out] var  Atomic variable to update; 8-byte aligned.
 *
 * \return The value var held before the decrement.
 */
static inline vmk_uint64
vmk_AtomicReadDec64(
   vmk_atomic64 *var)
{
   return vmk_AtomicReadAdd64(var, (vmk_uint64)-1);
}

/**
 * \brief Atomically set bits and get the previous value.
 *
 * \note This function will not block.
 *
 * \param[in,out] var  Atomic variable to update; 8-byte aligned.
 * \param[in]     val  Bits to set (bitwise OR).
 *
 * \return The value var held before the bits were set.
 */
static inline vmk_uint64
vmk_AtomicReadOr64(
   vmk_atomic64 *var,
   vmk_uint64 val)
{
   vmk_uint64 old;

   vmk_AtomicPrologue();
   old = __atomic_fetch_or(var, val, __ATOMIC_SEQ_CST);
   vmk_AtomicEpilogue();
   return old;
}

/** \} */

#endif /* _VMKAPI_ATOMIC_H_ */
