/*
 * vmk_atomic.c -- the one data object of the atomic API.
 *
 * The atomic operations themselves are static inline in
 * base/vmkapi_atomic.h.  vmk_AtomicUseFence tells code built for CPUs that
 * need an explicit fence around atomics whether to emit one.  On x86 no
 * such fence is needed (and vmkemu's atomics are sequentially consistent
 * compiler builtins anyway), so it is false, as on an x86 ESXi host.
 */
#include "api.h"

EMU_EXPORT vmk_Bool vmk_AtomicUseFence = VMK_FALSE;
