/*
 * core/vmkapi_cpu.h -- physical CPU identifiers
 *
 * vmk_PCPUID and the VMK_WITH_PCPU_DO block that pins the caller to its
 * current PCPU. vmkemu simulates a fixed count of PCPUs; a world keeps its
 * PCPU for the whole block.
 */

#ifndef _VMKAPI_CPU_H_
#define _VMKAPI_CPU_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_cpu.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_CPU Physical CPUs
 *
 * \brief Identifying physical CPUs and staying on one for a while.
 *
 * Code between VMK_WITH_PCPU_DO() and VMK_END_WITH_PCPU() runs on one PCPU
 * without being moved (preemption is off), so it may use per-PCPU data
 * (\ref VMK_PCPUStorage) of that PCPU. It must not block.
 *
 * \note vmkemu simulates the PCPUs; each world is pinned to one. Blocking
 *       inside a VMK_WITH_PCPU_DO() block is reported.
 * \{
 */

/** \brief Never defined; a vmk_PCPUID carries the PCPU number itself. */
struct VMKPCPUIDInt;

/**
 * \brief End a block opened by VMK_WITH_PCPU_DO(); the caller may be moved
 *        again.
 *
 * \param[in] pcpu  The same name given to VMK_WITH_PCPU_DO().
 */
#define VMK_END_WITH_PCPU(pcpu)                             \
      _vmk_PCPURelease(pcpu, &_vmkWithPCPUState);           \
   } while (0);

/**
 * \brief Open a block in which the caller stays on its current PCPU.
 *
 * Declares a vmk_PCPUID variable named pcpu, holding the current PCPU,
 * for the block. Close the block with VMK_END_WITH_PCPU(pcpu) in the same
 * function; the block must not block.
 *
 * \param[in] pcpu  Name of the variable to declare.
 */
#define VMK_WITH_PCPU_DO(pcpu)                              \
   do {                                                     \
      vmk_WithPCPUState _vmkWithPCPUState;                  \
      vmk_PCPUID pcpu = _vmk_PCPUGet(&_vmkWithPCPUState);

/** \brief Identifies a physical CPU. */
typedef struct VMKPCPUIDInt *vmk_PCPUID;

/**
 * \brief State a VMK_WITH_PCPU_DO() block keeps for its matching
 *        VMK_END_WITH_PCPU(); private.
 */
typedef struct vmk_WithPCPUState {
   /** \brief Private to the implementation. */
   vmk_uint8 opaque[8];
} vmk_WithPCPUState;

/**
 * \brief Keep the caller on its current PCPU and say which one it is;
 *        the worker behind VMK_WITH_PCPU_DO().
 *
 * \note This function will not block; the caller must not block until
 *       _vmk_PCPURelease().
 *
 * \param[out] withPCPU  State to hand to _vmk_PCPURelease().
 *
 * \return The current PCPU.
 */
vmk_PCPUID
_vmk_PCPUGet(
   vmk_WithPCPUState *withPCPU);

/**
 * \brief Let the caller move between PCPUs again; the worker behind
 *        VMK_END_WITH_PCPU().
 *
 * \note This function will not block.
 * \note A release that does not match a _vmk_PCPUGet() is a MISUSE report
 *       in vmkemu.
 *
 * \param[in] pcpu      PCPU _vmk_PCPUGet() returned.
 * \param[in] withPCPU  State _vmk_PCPUGet() filled in.
 */
void
_vmk_PCPURelease(
   vmk_PCPUID pcpu,
   vmk_WithPCPUState *withPCPU);

/** \} */

#endif /* _VMKAPI_CPU_H_ */
