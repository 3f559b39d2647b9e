/*
 * libmem.c -- memory for the library helpers; see libmem.h for why this is
 * host memory for now and what it becomes when the heap API exists.
 */
#include "libmem.h"

#include <stdlib.h>

#include "../core/fault.h"

void *
emu_lib_alloc(void *heap, size_t size, const void *caller)
{
   (void)heap;                /* becomes vmk_HeapAlloc(heap, size) */
   if (emu_fault_inject(EMU_FAULT_HEAP, caller)) {
      return NULL;
   }
   return calloc(1, size != 0 ? size : 1);
}

void
emu_lib_free(void *heap, void *ptr)
{
   (void)heap;                /* becomes vmk_HeapFree(heap, ptr) */
   free(ptr);
}
