/*
 * memsan.h -- heap blocks and pool pages as the memory checkers see them.
 *
 * The slab engine describes its own objects (slab_debug.c 6.).  Memory the
 * heap and the memory pools hand to a driver is described here, so that
 * AddressSanitizer stops, and Valgrind memcheck flags, an overrun or a use
 * after free at the driver's line, memcheck with the block's allocation
 * and free stacks:
 *
 *   - a block handed out is addressable for exactly its size (ASan: the
 *     bytes after it up to its room stay poisoned; memcheck: a malloc-like
 *     block, contents undefined);
 *   - a block given back is wholly unaddressable (memcheck keeps the stack
 *     of the free for its report);
 *   - machine pages handed out by the machine-page arena (to a pool, a DMA
 *     bounce buffer, ...) are reset: addressable, no block any more, and
 *     defined, since they are zero (freed pages are discarded).
 *
 * Without either checker every call is empty.  Whether memcheck runs is
 * decided once (RUNNING_ON_VALGRIND) and cached.
 */
#ifndef EMU_MEM_MEMSAN_H
#define EMU_MEM_MEMSAN_H

#include <stddef.h>
#include <stdint.h>

/* 1 when running under Valgrind (any tool). */
int emu_memsan_valgrind(void);

/*
 * p .. p + room: a block of size bytes handed to the driver; zeroed: its
 * contents are zero (defined), else undefined.
 */
void emu_memsan_alloc(void *p, size_t size, size_t room, int zeroed);
/* The block at p (room bytes) given back by the driver. */
void emu_memsan_free(void *p, size_t room);
/* Zeroed machine pages p .. p + len change hands inside the runtime. */
void emu_memsan_reset(void *p, size_t len);
/* p .. p + len stays the runtime's and must not be touched meanwhile. */
void emu_memsan_hide(void *p, size_t len);

/*
 * The runtime's own word at p, inside memory the checkers keep from the
 * driver (a heap allocation's side word past its bytes): read and written
 * without either checker objecting.  Slow paths only.
 */
uintptr_t emu_memsan_word_load(const void *p);
void emu_memsan_word_store(void *p, uintptr_t v);

#endif /* EMU_MEM_MEMSAN_H */
