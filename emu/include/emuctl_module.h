/*
 * emuctl_module.h -- emulator control for the module area (included by emuctl.h).
 */
#ifndef EMUCTL_MODULE_H
#define EMUCTL_MODULE_H

#ifndef EMUCTL_H
#error "include emuctl.h, not emuctl_module.h"
#endif

#endif
