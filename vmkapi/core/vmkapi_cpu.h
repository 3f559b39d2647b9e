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
 * \{
 */

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct VMKPCPUIDInt;

/**
 * \brief Close a VMK_WITH_PCPU_DO() block.
 */
#define VMK_END_WITH_PCPU(pcpu)                             \
      _vmk_PCPURelease(pcpu, &_vmkWithPCPUState);           \
   } while (0);

/**
 * \brief Open a block in which the caller stays on PCPU pcpu; close with VMK_END_WITH_PCPU(pcpu).
 */
#define VMK_WITH_PCPU_DO(pcpu)                              \
   do {                                                     \
      vmk_WithPCPUState _vmkWithPCPUState;                  \
      vmk_PCPUID pcpu = _vmk_PCPUGet(&_vmkWithPCPUState);

/** \brief Handle to a PCPUID. */
typedef struct VMKPCPUIDInt *vmk_PCPUID;

/**
 * \brief Scratch state of a VMK_WITH_PCPU_DO block.
 */
typedef struct vmk_WithPCPUState {
   /** \brief Opaque. */
   vmk_uint8 opaque[8];
} vmk_WithPCPUState;

/**
 * \brief Pin the caller to its current PCPU and return it (use
 *     VMK_WITH_PCPU_DO).
 *
 * \note This function will not block.
 *
 * \param[in,out] withPCPU With pcpu.
 */
vmk_PCPUID
_vmk_PCPUGet(
   vmk_WithPCPUState *withPCPU);

/**
 * \brief Release the pin taken by _vmk_PCPUGet() (use VMK_END_WITH_PCPU).
 *
 * \note This function will not block.
 *
 * \param[in] pcpu Pcpu.
 * \param[in,out] withPCPU With pcpu.
 */
void
_vmk_PCPURelease(
   vmk_PCPUID pcpu,
   vmk_WithPCPUState *withPCPU);

/** \} */

#endif /* _VMKAPI_CPU_H_ */
