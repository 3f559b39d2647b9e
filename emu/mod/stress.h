/*
 * stress.h -- named stress options a driver polls and a test sets
 * (engine-private; theory in stress.c).
 */
#ifndef EMU_MOD_STRESS_H
#define EMU_MOD_STRESS_H

#include <stdint.h>

#include "../core/status.h"

/* Values back to 0, open counts forgotten, generator reseeded. */
void emu_stress_reset(void);

/* Handle (index + 1) of a known option; EMU_NOTFOUND for unknown names. */
emu_status_t emu_stress_open(const char *name, uint64_t *handle);
/* EMU_BADHANDLE for a handle that is not open. */
emu_status_t emu_stress_close(uint64_t handle);
emu_status_t emu_stress_value(uint64_t handle, uint32_t *value);
/* A hit with probability 1/value (never when value is 0). */
emu_status_t emu_stress_counter(uint64_t handle, int *hit);
/* Uniform in [0, value) (0 when value is 0). */
emu_status_t emu_stress_rand(uint64_t handle, uint32_t *value);

/* Test control: set / read an option's value by name. */
emu_status_t emu_stress_set(const char *name, uint32_t value);
emu_status_t emu_stress_get(const char *name, uint32_t *value);

#endif
