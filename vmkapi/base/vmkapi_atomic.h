/*
 * base/vmkapi_atomic.h -- 64-bit atomics
 *
 * Sequentially consistent 64-bit atomic operations, implemented inline with
 * compiler atomic builtins.
 */

#ifndef _VMKAPI_ATOMIC_H_
#define _VMKAPI_ATOMIC_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_atomic.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Atomic Atomic Operations
 * \{
 */

/** \brief A 64-bit value accessed only through the vmk_Atomic*64 functions. */
typedef volatile vmk_uint64 vmk_atomic64
   VMK_ATTRIBUTE_ALIGN(sizeof(vmk_uint64));

/** \brief Whether atomic operations must be followed by a fence (always VMK_FALSE on x86). */
extern vmk_Bool vmk_AtomicUseFence;

/**
 * \brief Hook run before every atomic operation (nothing to do on x86).
 *
 * \note This function will not block.
 */
static VMK_ALWAYS_INLINE void
vmk_AtomicPrologue(void)
{
   /* x86 needs no preparation before an atomic operation. */
}

/**
 * \brief Hook run after every atomic operation (nothing to do on x86).
 *
 * \note This function will not block.
 */
static VMK_ALWAYS_INLINE void
vmk_AtomicEpilogue(void)
{
   /* x86 needs no fence after an atomic operation (vmk_AtomicUseFence is false). */
}

/**
 * \brief Atomically add one.
 *
 * \note This function will not block.
 *
 * \param[out] var Var.
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
 * \brief Atomically subtract one.
 *
 * \note This function will not block.
 *
 * \param[out] var Var.
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
 * \brief Atomically add a value.
 *
 * \note This function will not block.
 *
 * \param[out] var Var.
 * \param[in] val Val.
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
 * \brief Atomically subtract a value.
 *
 * \note This function will not block.
 *
 * \param[out] var Var.
 * \param[in] val Val.
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
 * \brief Atomically OR a value in.
 *
 * \note This function will not block.
 *
 * \param[out] var Var.
 * \param[in] val Val.
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
 * \brief Atomically AND a value in.
 *
 * \note This function will not block.
 *
 * \param[out] var Var.
 * \param[in] val Val.
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
 * \brief Atomically XOR a value in.
 *
 * \note This function will not block.
 *
 * \param[out] var Var.
 * \param[in] val Val.
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
 * \brief Atomically read the value (the variable must be 8-byte aligned).
 *
 * \note This function will not block.
 *
 * \param[out] var Var.
 */
static inline vmk_uint64
vmk_AtomicRead64(
   const vmk_atomic64 *var)
{
   VMK_ASSERT(((vmk_uintptr_t)var & (sizeof(*var) - 1)) == 0);
   return __atomic_load_n(var, __ATOMIC_SEQ_CST);
}

/**
 * \brief Atomically write a value (the variable must be 8-byte aligned).
 *
 * \note This function will not block.
 *
 * \param[out] var Var.
 * \param[in] val Val.
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
 * \brief Atomically replace the value and return the previous one.
 *
 * \note This function will not block.
 *
 * \param[out] var Var.
 * \param[in] val Val.
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
 * \brief Compare-and-swap: write val if the value equals expected; return the
 *     value found.
 *
 * \note This function will not block.
 *
 * \param[out] var Var.
 * \param[in] expected Expected.
 * \param[in] val Val.
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
 * \brief Atomically add a value and return the previous value.
 *
 * \note This function will not block.
 *
 * \param[out] var Var.
 * \param[in] val Val.
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
 * \brief Atomically add one and return the previous value.
 *
 * \note This function will not block.
 *
 * \param[out] var Var.
 */
static inline vmk_uint64
vmk_AtomicReadInc64(
   vmk_atomic64 *var)
{
   return vmk_AtomicReadAdd64(var, 1);
}

/**
 * \brief Atomically subtract one and return the previous value.
 *
 * \note This function will not block.
 *
 * \param[out] var Var.
 */
static inline vmk_uint64
vmk_AtomicReadDec64(
   vmk_atomic64 *var)
{
   return vmk_AtomicReadAdd64(var, (vmk_uint64)-1);
}

/**
 * \brief Atomically OR a value in and return the previous value.
 *
 * \note This function will not block.
 *
 * \param[out] var Var.
 * \param[in] val Val.
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
