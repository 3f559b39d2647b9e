/*
 * core/vmkapi_machine_memory.h -- machine memory
 *
 * Translation between machine and virtual addresses, exact arithmetic on
 * vmkemu's simulated machine memory.
 */

#ifndef _VMKAPI_MACHINE_MEMORY_H_
#define _VMKAPI_MACHINE_MEMORY_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_machine_memory.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_MachineMemory Machine Memory
 * \{
 */

/**
 * \brief Translate a machine-address range to a virtual address.
 *
 * \note This function will not block.
 *
 * \param[in] ma Ma.
 * \param[in] length Length in bytes.
 * \param[out] va Va.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_MA2VA(
   vmk_MA ma,
   vmk_ByteCount length,
   vmk_VA *va);

/**
 * \brief Report if a machine range cannot be used for I/O (debug support).
 *
 * \note This function will not block.
 *
 * \param[in] ma Ma.
 * \param[in] len Length in bytes.
 */
void
vmk_MAAssertIOAbilityInt(
   vmk_MA ma,
   vmk_ByteCount len);

/**
 * \brief The tightest physical-address constraint a machine address satisfies.
 *
 * \note This function will not block.
 *
 * \param[in] ma Ma.
 */
vmk_MemPhysAddrConstraint
vmk_MAGetConstraint(
   vmk_MA ma);

/**
 * \brief Machine address of a read-only zero-filled buffer and its length.
 *
 * \note This function will not block.
 *
 * \param[out] len Length in bytes.
 */
vmk_MA
vmk_MAGetZeroBuffer(
   vmk_ByteCount *len);

/**
 * \brief Highest machine address in the system.
 *
 * \note This function will not block.
 */
vmk_MA
vmk_MachMemMaxAddr(void);

/**
 * \brief Translate a virtual-address range to a machine address.
 *
 * \note This function will not block.
 *
 * \param[in] va Va.
 * \param[in] length Length in bytes.
 * \param[out] ma Ma.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_VA2MA(
   vmk_VA va,
   vmk_ByteCount length,
   vmk_MA *ma);

/**
 * \brief Debug builds: report if a machine range cannot be used for I/O.
 *
 * \note This function will not block.
 *
 * \param[in] ma Ma.
 * \param[in] len Length in bytes.
 */
static VMK_ALWAYS_INLINE void
vmk_MAAssertIOAbility(
   vmk_MA ma,
   vmk_ByteCount len)
{
#if defined(VMX86_DEBUG)
   vmk_MAAssertIOAbilityInt(ma, len);
#else
   (void)ma;
   (void)len;
#endif
}

/** \} */

#endif /* _VMKAPI_MACHINE_MEMORY_H_ */
