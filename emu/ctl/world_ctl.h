/*
 * world_ctl.h -- the world area's engine row for emu_ctl_engines[]:
 *    { "world", emu_world_ctl_init, emu_world_ctl_fini }
 * It starts worlds (adopting the caller of EmuCtl_Init), world storage,
 * the clock and timer world, and helpers; it stops them in reverse.
 */
#ifndef EMU_CTL_WORLD_CTL_H
#define EMU_CTL_WORLD_CTL_H

#include "core/status.h"

emu_status_t emu_world_ctl_init(void);
void emu_world_ctl_fini(void);

#endif
