/*
 * worldstorage.h -- per-world storage (engine-private; theory in
 * worldstorage.c).
 */
#ifndef EMU_WORLD_WORLDSTORAGE_H
#define EMU_WORLD_WORLDSTORAGE_H

#include <stddef.h>
#include <stdint.h>

#include "../core/status.h"
#include "world.h"

#define EMU_WS_MAGIC  0x57535452u   /* "WSTR" */

typedef int32_t (*emu_ws_ctor_t)(int32_t world, void *data, uint32_t size,
                                 uintptr_t arg);
typedef void (*emu_ws_dtor_t)(int32_t world, void *data, uint32_t size,
                              uintptr_t arg);

emu_status_t emu_ws_init(void);
void emu_ws_fini(void);

/*
 * Create a handle (an offset into every world's area) and construct it in
 * every live world; a constructor failure (non-zero) destroys what was
 * constructed and fails with EMU_FAILURE (*ctor_status says what it said).
 * => may block; constructors run with the storage lock held and must not
 *    create or destroy storage or worlds.
 */
emu_status_t emu_ws_create(uint32_t size, uint32_t align, emu_ws_ctor_t ctor,
                           emu_ws_dtor_t dtor, uintptr_t arg,
                           const void *caller, int32_t *ctor_status,
                           uint64_t *handlep);
/* Waits for LookUp references to the handle, then destructs everywhere;
 * *argp receives the arg given at create. */
emu_status_t emu_ws_destroy(uint64_t handle, const void *caller,
                            uintptr_t *argp);

/*
 * The published handles, indexed by offset (non-NULL: live).  Readable
 * lock-free (emu_ws_handle_live); written under the storage lock.
 */
struct ws_handle;
extern struct ws_handle *emu_ws_by_off[EMU_WORLD_WS_AREA];

/* 1 when handle names a live storage (cheap, lock-free). */
static inline int
emu_ws_handle_live(uint64_t handle)
{
   return EMU_LIKELY(handle < EMU_WORLD_WS_AREA) &&
          __atomic_load_n(&emu_ws_by_off[handle], __ATOMIC_ACQUIRE) != NULL;
}

static inline void *
emu_ws_local(struct emu_world *w, uint64_t handle)
{
   return w->w_ws_area + handle;
}

/* Another world's instance with a reference (EMU_NOTFOUND: dying/dead). */
emu_status_t emu_ws_lookup(int32_t world, uint64_t handle, void **datap,
                           const void *caller);
emu_status_t emu_ws_release(int32_t world, void *data);

#endif /* EMU_WORLD_WORLDSTORAGE_H */
