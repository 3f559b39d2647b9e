/*
 * emuctl_mem.h -- emulator control for the mem area (included by emuctl.h):
 * the simulated machine memory, memory pools and heaps seen from a test.
 */
#ifndef EMUCTL_MEM_H
#define EMUCTL_MEM_H

#ifndef EMUCTL_H
#error "include emuctl.h, not emuctl_mem.h"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \addtogroup EmuCtl
 * \{
 */

/** \brief The layout and use of simulated machine memory. */
typedef struct EmuCtl_MachMemInfo {
   /** \brief Bytes of machine memory (as set by EmuCtl_Init). */
   vmk_uint64 totalBytes;
   /** \brief Machine pages not allocated to anyone. */
   vmk_uint64 freePages;
   /** \brief Pages no pool has charged or reserved. */
   vmk_uint64 unreservedPages;
   /** \brief First MPN of the bank below 4 GiB. */
   vmk_MPN lowStartMPN;
   /** \brief Pages in the bank below 4 GiB. */
   vmk_uint64 lowPages;
   /** \brief First MPN of the bank above 4 GiB. */
   vmk_MPN highStartMPN;
   /** \brief Pages in the bank above 4 GiB. */
   vmk_uint64 highPages;
   /** \brief Resident bytes of the whole process (host accounting). */
   vmk_uint64 residentBytes;
} EmuCtl_MachMemInfo;

/**
 * \brief Describe simulated machine memory.
 * \note Will not block.
 * \param[out] info  Receives the layout and counters.
 * \retval VMK_OK              info is filled in.
 * \retval VMK_BAD_PARAM       info is NULL.
 * \retval VMK_NOT_INITIALIZED EmuCtl_Init() has not been called.
 */
VMK_ReturnStatus EmuCtl_MachMemGetInfo(EmuCtl_MachMemInfo *info);

/**
 * \brief Pages a memory pool holds now (a leaf: its pages; a parent: what
 *        its children charge to it, reservations included).
 * \note Will not block.
 * \param[in]  pool       Pool to query.
 * \param[out] usedPages  Receives the count.
 * \retval VMK_OK         usedPages is set.
 * \retval VMK_BAD_PARAM  pool is not a live pool or usedPages is NULL.
 */
VMK_ReturnStatus EmuCtl_MemPoolGetUsage(vmk_MemPool pool,
                                        vmk_uint64 *usedPages);

/** \brief What a heap holds now. */
typedef struct EmuCtl_HeapUsage {
   /** \brief Allocations not yet freed. */
   vmk_uint64 liveAllocations;
   /** \brief Bytes those allocations are charged against the maximum. */
   vmk_uint64 chargedBytes;
   /** \brief The heap's maximum size. */
   vmk_uint64 maxBytes;
} EmuCtl_HeapUsage;

/**
 * \brief Count a heap's live allocations and the bytes charged for them.
 * \note Will not block.
 * \param[in]  heap   Heap to query.
 * \param[out] usage  Receives the counts.
 * \retval VMK_OK         usage is filled in.
 * \retval VMK_BAD_PARAM  heap is not a live heap or usage is NULL.
 */
VMK_ReturnStatus EmuCtl_HeapGetUsage(vmk_HeapID heap, EmuCtl_HeapUsage *usage);

/** \} */

#ifdef __cplusplus
}
#endif

#endif
