/*
 * qcache.h -- vmem quantum caches built on the slab engine (engine-private).
 *
 * vmem (rank 2) cannot include slab (rank 3), so it only offers a hook
 * (emu_vmem_set_qcache_ops); this engine fills it in at EmuCtl_Init, right
 * after the slab engine starts, and takes it out again at shutdown.  From
 * then on arenas created with qcache_max > 0 serve sizes up to qcache_max
 * from per-size object caches.  The theory is in qcache.c.
 */
#ifndef EMU_MEM_QCACHE_H
#define EMU_MEM_QCACHE_H

#include "../core/status.h"

/* Engine start / stop (an emu_ctl_engines row after "slab"). */
emu_status_t emu_qcache_init(void);
void emu_qcache_fini(void);

#endif /* EMU_MEM_QCACHE_H */
