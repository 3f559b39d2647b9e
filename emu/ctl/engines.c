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
#include "mem/slab.h"

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
   { "machmem", emu_machmem_init, emu_machmem_fini },
   { "mempool", emu_mempool_init, emu_mempool_fini },
   { "heap", emu_heap_init, emu_heap_fini },
};

const unsigned emu_ctl_nengines =
   sizeof emu_ctl_engines / sizeof emu_ctl_engines[0];
