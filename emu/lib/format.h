/*
 * format.h -- the text engine behind vmk_Sprintf & co., vmk_Sscanf and
 * vmk_Strto* (emu/api/vmk_libc.c, vmk_string.c, vmk_name.c).
 *
 * Rank: like core (includes host and core only).  The engine speaks plain C
 * types; the API files add the vmk_* contracts (statuses, reports).
 */
#ifndef EMU_LIB_FORMAT_H
#define EMU_LIB_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

#include "../host/host.h"

/*
 * Format into buf (size bytes, may be 0 with buf NULL) with the vmkapi
 * printf rules (see format.c).  Returns the length the whole output needs,
 * not counting the NUL; buf is NUL-terminated whenever size > 0.
 * => fmt is not NULL; never blocks.
 */
size_t emu_lib_vformat(char *buf, size_t size, const char *fmt, va_list ap);

/*
 * Scan str with a scanf-style format.  Returns the number of conversions
 * stored, or -1 when the input ended before the first conversion.
 * => str and fmt are not NULL; never blocks.
 */
int emu_lib_vscan(const char *str, const char *fmt, va_list ap);

/*
 * The common part of strtol/strtoul: skip white space, read a sign, detect
 * the base (0: 0x.. is 16, 0.. is 8, else 10), read digits.  Returns the
 * magnitude (saturated at ULLONG_MAX with *overflow set); *neg is set for a
 * '-'; *end points past the last digit, or at str when there was none.
 * A base outside 0 and 2..36 reads nothing.
 * => str is not NULL.
 */
unsigned long long emu_lib_strtoull(const char *str, const char **end,
                                    int base, int *neg, int *overflow);

#endif /* EMU_LIB_FORMAT_H */
