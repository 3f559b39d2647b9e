/*
 * engines.c -- which engines EmuCtl_Init starts, in order (see ctl.h).
 */
#include "ctl/ctl.h"

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
};

const unsigned emu_ctl_nengines =
   sizeof emu_ctl_engines / sizeof emu_ctl_engines[0];
