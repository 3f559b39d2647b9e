/*
 * emuctl_mem.h -- emulator control for the mem area (included by emuctl.h).
 */
#ifndef EMUCTL_MEM_H
#define EMUCTL_MEM_H

#ifndef EMUCTL_H
#error "include emuctl.h, not emuctl_mem.h"
#endif

#endif
