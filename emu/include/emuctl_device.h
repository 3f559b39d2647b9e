/*
 * emuctl_device.h -- emulator control for the device area (included by emuctl.h).
 */
#ifndef EMUCTL_DEVICE_H
#define EMUCTL_DEVICE_H

#ifndef EMUCTL_H
#error "include emuctl.h, not emuctl_device.h"
#endif

#endif
