/*
 * libmem.h -- where the library helpers (hash tables, priority queues, bit
 * vectors, vmk_StringDup) get memory that the vmkapi says comes from a
 * driver's heap (a vmk_HeapID argument or props field).
 *
 * TEMPORARY: the heap engine (emu/mem/heap.c, vmk_HeapAlloc) does not
 * exist yet, so these helpers take host memory and register nothing; the
 * heap ID is carried along unused.  When vmk_HeapAlloc / vmk_HeapFree land,
 * emu_lib_alloc and emu_lib_free switch to them (same arguments), so that
 * the heap's max, its leak check and its caller audit see these objects,
 * and memory from vmk_StringDup / vmk_BitVectorAlloc can be given back
 * with vmk_HeapFree as the vmkapi documents.
 *
 * Fault injection already behaves as it will then: every allocation asks
 * emu_fault_inject(EMU_FAULT_HEAP, caller), so EmuCtl_FailNthAlloc
 * (EMUCTL_ALLOC_HEAP, n) drives the callers' VMK_NO_MEMORY paths today.
 *
 * Rank: like core (includes host and core only).
 */
#ifndef EMU_LIB_LIBMEM_H
#define EMU_LIB_LIBMEM_H

#include <stddef.h>

#include "../host/host.h"

/*
 * size bytes, zeroed, aligned for any type, or NULL (out of memory or an
 * injected failure).  heap is the driver's vmk_HeapID (unused for now);
 * caller is the driver's return address, for the fault-injection sites and,
 * later, the heap's audit.
 * => never blocks.
 */
void *emu_lib_alloc(void *heap, size_t size, const void *caller);

/* Give back what emu_lib_alloc returned (NULL is ignored). */
void emu_lib_free(void *heap, void *ptr);

#endif /* EMU_LIB_LIBMEM_H */
