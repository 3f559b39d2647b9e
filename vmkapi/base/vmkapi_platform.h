/*
 * base/vmkapi_platform.h -- CPU flags, fences and cache control
 *
 * Interrupt-state queries, memory fences and cache flushes. Interrupt state
 * is simulated per world; fences map to real host fences.
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

/**
 * \brief Debug builds: assert that interrupts are disabled.
 */
#define VMK_ASSERT_CPU_HAS_INTS_DISABLED() VMK_ASSERT(!vmk_CPUHasIntsEnabled())

/**
 * \brief Debug builds: assert that interrupts are enabled.
 */
#define VMK_ASSERT_CPU_HAS_INTS_ENABLED() VMK_ASSERT(vmk_CPUHasIntsEnabled())

/**
 * \brief Align a type or object to an L1 cache line.
 */
#define VMK_ATTRIBUTE_L1_ALIGNED VMK_ATTRIBUTE_ALIGN(VMK_L1_CACHELINE_SIZE)

/**
 * \brief Size of an L1 cache line.
 */
#define VMK_L1_CACHELINE_SIZE 64

/** \brief Cpu flags. */
typedef vmk_uintptr_t vmk_CPUFlags;

/**
 * \brief Flush a range from the caches of a PCPU.
 *
 * \note This function may block.
 *
 * \param[in] pcpu Pcpu.
 * \param[in] va Va.
 * \param[in] size Size in bytes.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_CPUCacheFlush(
   vmk_PCPUID pcpu,
   vmk_VA va,
   vmk_ByteCount size);

/**
 * \brief Disable interrupts on the current (simulated) CPU.
 *
 * \note This function will not block.
 */
void
vmk_CPUDisableInterrupts(void);

/**
 * \brief Enable interrupts on the current (simulated) CPU.
 *
 * \note This function will not block.
 */
void
vmk_CPUEnableInterrupts(void);

/**
 * \brief Save the current CPU flags (interrupt state).
 *
 * \note This function will not block.
 */
vmk_CPUFlags
vmk_CPUGetFlags(void);

/**
 * \brief Flush the caches of all PCPUs.
 *
 * \note This function may block.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_CPUGlobalCacheFlush(void);

/**
 * \brief Whether interrupts are enabled on the current (simulated) CPU.
 *
 * \note This function will not block.
 */
vmk_Bool
vmk_CPUHasIntsEnabled(void);

/**
 * \brief Restore CPU flags saved by vmk_CPUGetFlags().
 *
 * \note This function will not block.
 *
 * \param[in] flags Flags.
 */
void
vmk_CPUSetFlags(
   vmk_CPUFlags flags);

/**
 * \brief Clear the x86 direction flag so string instructions move forward.
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
 * \brief Load fence: earlier loads complete before later loads.
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
 * \brief Full fence: earlier loads and stores complete before later ones.
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
 * \brief Store fence: earlier stores complete before later stores.
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
