/*
 * base/vmkapi_platform.h -- CPU platform services
 *
 * Interrupt enable state of the current CPU, memory fences, cache flushes
 * and cache-line layout helpers.
 */

#ifndef _VMKAPI_PLATFORM_H_
#define _VMKAPI_PLATFORM_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_platform.h must not be included directly; include vmkapi.h"
#endif

/**
 * \addtogroup VMK_Platform
 * \{
 */

/** \brief In debug builds, check that interrupts are disabled on this CPU. */
#define VMK_ASSERT_CPU_HAS_INTS_DISABLED() VMK_ASSERT(!vmk_CPUHasIntsEnabled())

/** \brief In debug builds, check that interrupts are enabled on this CPU. */
#define VMK_ASSERT_CPU_HAS_INTS_ENABLED() VMK_ASSERT(vmk_CPUHasIntsEnabled())

/**
 * \brief Align a type or object on an L1 cache line, so data written by
 *        different CPUs does not share a line.
 */
#define VMK_ATTRIBUTE_L1_ALIGNED VMK_ATTRIBUTE_ALIGN(VMK_L1_CACHELINE_SIZE)

/** \brief Size of an L1 data cache line in bytes. */
#define VMK_L1_CACHELINE_SIZE 64

/**
 * \brief Saved CPU flags, as returned by vmk_CPUGetFlags(); only the
 *        interrupt-enable state matters to drivers.
 */
typedef vmk_uintptr_t vmk_CPUFlags;

/**
 * \brief Write back and invalidate a range from the caches of a PCPU.
 *
 * \note This function may block.
 * \note vmkemu only issues a full memory fence; host caches are coherent.
 *
 * \param[in] pcpu  PCPU whose caches to flush.
 * \param[in] va    Start of the range.
 * \param[in] size  Length of the range in bytes.
 *
 * \retval VMK_OK         The range is flushed.
 * \retval VMK_BAD_PARAM  pcpu does not exist.
 */
VMK_ReturnStatus
vmk_CPUCacheFlush(
   vmk_PCPUID pcpu,
   vmk_VA va,
   vmk_ByteCount size);

/**
 * \brief Disable interrupts on the current CPU.
 *
 * Calls nest: interrupts come back on only with the matching number of
 * vmk_CPUEnableInterrupts() calls. Code with interrupts disabled must not
 * block.
 *
 * \note This function will not block.
 * \note vmkemu simulates the interrupt state per world; a blocking call
 *       while it is off is reported.
 */
void
vmk_CPUDisableInterrupts(void);

/**
 * \brief Undo one vmk_CPUDisableInterrupts().
 *
 * \note This function will not block.
 */
void
vmk_CPUEnableInterrupts(void);

/**
 * \brief Save the current CPU flags, in particular whether interrupts are
 *        enabled, for vmk_CPUSetFlags().
 *
 * \note This function will not block.
 *
 * \return The saved flags.
 */
vmk_CPUFlags
vmk_CPUGetFlags(void);

/**
 * \brief Write back and invalidate the caches of every PCPU.
 *
 * \note This function may block.
 * \note vmkemu only issues a full memory fence.
 *
 * \retval VMK_OK  The caches are flushed.
 */
VMK_ReturnStatus
vmk_CPUGlobalCacheFlush(void);

/**
 * \brief Tell whether interrupts are enabled on the current CPU.
 *
 * \note This function will not block.
 *
 * \return VMK_TRUE if they are enabled, VMK_FALSE if disabled.
 */
vmk_Bool
vmk_CPUHasIntsEnabled(void);

/**
 * \brief Restore CPU flags saved by vmk_CPUGetFlags(), re-enabling or
 *        disabling interrupts as they were.
 *
 * \note This function will not block.
 *
 * \param[in] flags  Value from vmk_CPUGetFlags().
 */
void
vmk_CPUSetFlags(
   vmk_CPUFlags flags);

/**
 * \brief Clear the x86 direction flag, so string instructions work
 *        upwards through memory.
 *
 * \note This function will not block.
 */
static VMK_ALWAYS_INLINE void
vmk_CPUEnsureClearDF(void)
{
#if defined(__x86_64__) || defined(__i386__)
   __asm__ __volatile__("cld" ::: "cc");
#endif
}

/**
 * \brief Make every load before the fence complete before any load after
 *        it.
 *
 * \note This function will not block.
 */
static VMK_ALWAYS_INLINE void
vmk_CPUMemFenceRead(void)
{
#if defined(__x86_64__) || defined(__i386__)
   __asm__ __volatile__("lfence" ::: "memory");
#else
   __atomic_thread_fence(__ATOMIC_ACQUIRE);
#endif
}

/**
 * \brief Make every load and store before the fence complete before any
 *        load or store after it.
 *
 * \note This function will not block.
 */
static VMK_ALWAYS_INLINE void
vmk_CPUMemFenceReadWrite(void)
{
#if defined(__x86_64__) || defined(__i386__)
   __asm__ __volatile__("mfence" ::: "memory");
#else
   __atomic_thread_fence(__ATOMIC_SEQ_CST);
#endif
}

/**
 * \brief Make every store before the fence complete before any store after
 *        it (for example before ringing a device doorbell).
 *
 * \note This function will not block.
 */
static VMK_ALWAYS_INLINE void
vmk_CPUMemFenceWrite(void)
{
#if defined(__x86_64__) || defined(__i386__)
   __asm__ __volatile__("sfence" ::: "memory");
#else
   __atomic_thread_fence(__ATOMIC_RELEASE);
#endif
}

/** \} */

#endif /* _VMKAPI_PLATFORM_H_ */
