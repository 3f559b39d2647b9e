/*
 * emuctl_world.h -- emulator control for the world area (included by emuctl.h).
 */
#ifndef EMUCTL_WORLD_H
#define EMUCTL_WORLD_H

#ifndef EMUCTL_H
#error "include emuctl.h, not emuctl_world.h"
#endif

#endif
