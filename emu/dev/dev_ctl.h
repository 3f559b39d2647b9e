/*
 * dev_ctl.h -- the device area's engine row for emu/ctl/engines.c:
 *   { "devices", emu_devices_init, emu_devices_fini },
 * after "dma" (the interrupt world is a system world; devices hand DMA
 * accesses to the DMA engine).
 */
#ifndef EMU_DEV_DEV_CTL_H
#define EMU_DEV_DEV_CTL_H

#include "../core/status.h"

emu_status_t emu_devices_init(void);
void emu_devices_fini(void);

#endif
