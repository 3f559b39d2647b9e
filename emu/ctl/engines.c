/*
 * engines.c -- which engines EmuCtl_Init starts, in order (see ctl.h).
 */
#include "ctl/ctl.h"
#include "mod/logcomp.h"
#include "mod/module.h"
#include "ctl/world_ctl.h"
#include "mem/heap.h"
#include "mem/machmem.h"
#include "mem/mempool.h"
#include "mem/qcache.h"
#include "mem/slab.h"
#include "dev/dma.h"
#include "dev/sg.h"
#include "dev/dev_ctl.h"

static emu_status_t
engines_none_init(void)
{
   return EMU_OK;
}

static void
engines_none_fini(void)
{
}

const struct emu_ctl_engine emu_ctl_engines[] = {
   /* The core needs no set-up beyond options; engines append rows here. */
   { "core", engines_none_init, engines_none_fini },
   /* Modules first: later engines record and validate module IDs. */
   { "module", emu_mod_init, emu_mod_fini },
   { "log components", emu_logcomp_init, emu_logcomp_fini },
   /* Worlds, world storage, the caller's world, clock and timers, helpers. */
   { "world", emu_world_ctl_init, emu_world_ctl_fini },
   /* Slab first: machine memory borrows its window from the slab backing. */
   { "slab", emu_slab_init, emu_slab_fini },
   /* Arenas with qcache_max > 0 get slab-backed quantum caches from here. */
   { "vmem qcache", emu_qcache_init, emu_qcache_fini },
   { "machmem", emu_machmem_init, emu_machmem_fini },
   { "mempool", emu_mempool_init, emu_mempool_fini },
   { "heap", emu_heap_init, emu_heap_fini },
   /* SG registry, then DMA engines (bounce pages from machmem). */
   { "sg", emu_sg_init, emu_sg_fini },
   { "dma", emu_dma_init, emu_dma_fini },
   /* Devices: I/O resources, PCI functions, device layer, interrupt world. */
   { "devices", emu_devices_init, emu_devices_fini },
};

const unsigned emu_ctl_nengines =
   sizeof emu_ctl_engines / sizeof emu_ctl_engines[0];
