/*
 * ctl.h -- private to emu/ctl: the engine start/stop table and the
 * configuration EmuCtl_Init gathered.
 *
 * Each engine that needs global set-up adds one row to emu_ctl_engines[]
 * (engines.c), in dependency order: vmem before slab before heap, machine
 * memory before pools, worlds before world storage.
 */
#ifndef EMU_CTL_CTL_H
#define EMU_CTL_CTL_H

#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "core/status.h"

#define EMU_STATIC_ASSERT_CTL(c, m) _Static_assert(c, m)

struct emu_ctl_config {
   uint64_t machine_mem;        /* bytes of simulated machine memory */
   uint32_t num_pcpus;          /* 0: the host's count */
};

extern struct emu_ctl_config emu_ctl_config;

struct emu_ctl_engine {
   const char   *name;
   emu_status_t (*init)(void);
   void         (*fini)(void);
};

extern const struct emu_ctl_engine emu_ctl_engines[];
extern const unsigned emu_ctl_nengines;

/*
 * Describe addr into buf: the cache (or heap) and object it lies in, and
 * the object's last alloc and free when the cache keeps an audit trail.
 * Returns 1 when addr is slab memory, 0 when it is not (san_whatis.c).
 * => no lock; safe from a sanitizer's report callback.
 */
int emu_ctl_whatis(uintptr_t addr, char *buf, size_t len);

/* ASan builds: describe the faulting address after each ASan report. */
void emu_ctl_san_install(void);

#endif
