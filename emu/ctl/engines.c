/*
 * engines.c -- which engines EmuCtl_Init starts, in order (see ctl.h).
 */
#include "ctl/ctl.h"
#include "mod/logcomp.h"
#include "mod/module.h"
#include "ctl/world_ctl.h"

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
};

const unsigned emu_ctl_nengines =
   sizeof emu_ctl_engines / sizeof emu_ctl_engines[0];
