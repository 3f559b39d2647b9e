/*
 * core/vmkapi_machine_memory.h -- machine memory
 *
 * Translation between machine addresses (what a device sees) and kernel
 * virtual addresses (what the driver dereferences), plus a few facts about
 * the machine memory of the host.
 *
 * In vmkemu, machine memory is simulated: one mapping in the test process,
 * split into a bank below 4 GiB and a bank above (see doc/differences.md).
 * Translation is exact arithmetic on that mapping, so a machine address
 * only ever translates to memory vmkemu owns.
 */

#ifndef _VMKAPI_MACHINE_MEMORY_H_
#define _VMKAPI_MACHINE_MEMORY_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "core/vmkapi_machine_memory.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_MachineMemory Machine Memory
 *
 * \brief Converting between machine and virtual addresses.
 *
 * Use these when a buffer's bus address must be handed to hardware, or
 * when a machine address coming back from hardware must be read by the CPU.
 * For whole-page mappings of machine pages see \ref VMK_Mapping; for DMA
 * see the DMA engine interfaces, which also handle IOMMU translation.
 * \{
 */

/**
 * \brief Find the kernel virtual address at which a machine-address range
 *        is directly mapped.
 *
 * The whole range [ma, ma + length) must be mapped contiguously; the
 * function does not create a mapping, it only looks up the existing one.
 *
 * \note This function will not block.
 * \note vmkemu translates only ranges that lie wholly inside one bank of
 *       its simulated machine memory; a length of 0 is treated as one byte.
 *
 * \param[in]  ma      First machine address of the range.
 * \param[in]  length  Size of the range in bytes.
 * \param[out] va      Receives the virtual address that corresponds to ma.
 *
 * \retval VMK_OK         *va is set.
 * \retval VMK_BAD_PARAM  va is NULL, or the range is not (wholly)
 *                        machine memory that has a direct mapping.
 */
VMK_ReturnStatus
vmk_MA2VA(
   vmk_MA ma,
   vmk_ByteCount length,
   vmk_VA *va);

/**
 * \brief Check that a machine-address range may be the target of device
 *        I/O; the out-of-line worker behind vmk_MAAssertIOAbility().
 *
 * Call vmk_MAAssertIOAbility() instead, which compiles away in release
 * builds.
 *
 * \note This function will not block.
 * \note Where ESXi fails an assertion, vmkemu raises a MISUSE report
 *       naming the range and the caller when the range is not simulated
 *       machine memory.
 *
 * \param[in] ma   First machine address of the range.
 * \param[in] len  Size of the range in bytes.
 */
void
vmk_MAAssertIOAbilityInt(
   vmk_MA ma,
   vmk_ByteCount len);

/**
 * \brief Tell which physical-address constraint a machine address meets.
 *
 * Useful to decide whether a buffer can be handed to a device with limited
 * addressing (for example 32-bit DMA) without bouncing.
 *
 * \note This function will not block.
 *
 * \param[in] ma  Machine address to classify.
 *
 * \return The narrowest vmk_MemPhysAddrConstraint (below 2 GiB, below
 *         4 GiB, below 512 GiB or any) that ma satisfies.
 */
vmk_MemPhysAddrConstraint
vmk_MAGetConstraint(
   vmk_MA ma);

/**
 * \brief Get a system-wide buffer of zeroes that devices may read from.
 *
 * The buffer is shared by every caller and must never be written, neither
 * by the CPU nor by a device. Drivers use it as a DMA source when they must
 * send zeroes (padding, zeroing a disk range) without allocating memory.
 *
 * \note This function will not block.
 *
 * \param[out] len  Receives the size of the buffer in bytes; may be NULL
 *                  in vmkemu.
 *
 * \return Machine address of the first byte of the zero buffer.
 */
vmk_MA
vmk_MAGetZeroBuffer(
   vmk_ByteCount *len);

/**
 * \brief Get the highest machine address that the host has memory at.
 *
 * \note This function will not block.
 * \note In vmkemu this is the last byte of the upper bank of simulated
 *       machine memory, so it depends on the machine-memory size the test
 *       configured.
 *
 * \return The highest machine address (inclusive).
 */
vmk_MA
vmk_MachMemMaxAddr(void);

/**
 * \brief Find the machine address behind a range of kernel virtual
 *        addresses.
 *
 * The whole range [va, va + length) must be backed by machine memory that
 * is contiguous, so that one machine address describes it.
 *
 * \note This function will not block.
 * \note vmkemu translates only addresses inside its simulated machine
 *       memory (memory from heaps, slabs, memory pools and vmk_Map());
 *       memory the test program got from malloc() or the stack has no
 *       machine address. A length of 0 is treated as one byte.
 *
 * \param[in]  va      First virtual address of the range.
 * \param[in]  length  Size of the range in bytes.
 * \param[out] ma      Receives the machine address that corresponds to va.
 *
 * \retval VMK_OK         *ma is set.
 * \retval VMK_BAD_PARAM  ma is NULL, or the range is not wholly backed by
 *                        contiguous machine memory.
 */
VMK_ReturnStatus
vmk_VA2MA(
   vmk_VA va,
   vmk_ByteCount length,
   vmk_MA *ma);

/**
 * \brief In debug builds, check that a machine-address range may be used
 *        for device I/O.
 *
 * Compiles to nothing unless VMX86_DEBUG is defined; then it calls
 * vmk_MAAssertIOAbilityInt().
 *
 * \note This function will not block.
 *
 * \param[in] ma   First machine address of the range.
 * \param[in] len  Size of the range in bytes.
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
