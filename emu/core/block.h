/*
 * block.h -- executable blocking notes.
 *
 * ESXi forbids blocking while a spinlock is held, in interrupt context and
 * inside callbacks documented "must not block" (slab constructors, timer
 * callbacks, ...).  vmkemu keeps, per host thread, the depth of such
 * regions: spinlock acquisition, interrupt delivery and those callbacks
 * enter one (EMU_NONBLOCKING_BEGIN/END), and every API function whose
 * documentation says "may block" starts with EMU_MAY_BLOCK(), which raises
 * a BLOCK_IN_NONBLOCKING report when the depth is not zero.
 *
 * It lives in core (not world) because the slab engine must mark its
 * constructor calls and the slab engine never includes world.
 */
#ifndef EMU_CORE_BLOCK_H
#define EMU_CORE_BLOCK_H

#include "../host/host.h"

struct emu_block_state {
   unsigned    depth;          /* nesting of non-blocking regions */
   const char *why;            /* outermost reason, e.g. "spinlock 'x' held" */
};

extern EMU_HOST_THREAD_LOCAL struct emu_block_state emu_block;

/* Report (BLOCK_IN_NONBLOCKING) naming fn, the reason and the caller. */
void emu_block_violation(const char *fn, const void *caller);

static inline void
emu_nonblocking_begin(const char *why)
{
   if (emu_block.depth++ == 0) {
      emu_block.why = why;
   }
}

static inline void
emu_nonblocking_end(void)
{
   if (emu_block.depth > 0 && --emu_block.depth == 0) {
      emu_block.why = NULL;
   }
}

#define EMU_NONBLOCKING_BEGIN(why) emu_nonblocking_begin(why)
#define EMU_NONBLOCKING_END()      emu_nonblocking_end()

/*
 * The same for the hottest callers (the spinlock fast paths), without the
 * reason: only a region entered at depth 0 by emu_nonblocking_begin sets
 * it and its end clears it, so leaving why alone here keeps it right for
 * every region around; a report with no reason asks the callback below.
 */
static inline void
emu_nonblocking_enter(void)
{
   emu_block.depth++;
}

static inline void
emu_nonblocking_leave(void)
{
   emu_block.depth--;
}

/*
 * The reason a report gives when no region recorded one (a spinlock
 * region entered by emu_nonblocking_enter): set by the lock layer.
 */
extern const char *(*emu_block_why_hook)(void);

/* First line of every "may block" API function. */
#define EMU_MAY_BLOCK()                                                   \
   do {                                                                   \
      if (EMU_UNLIKELY(emu_block.depth != 0)) {                           \
         emu_block_violation(__func__, EMU_CALLER());                     \
      }                                                                   \
   } while (0)

/* The same, only when cond holds (e.g. a timeout other than nonblocking). */
#define EMU_MAY_BLOCK_IF(cond)                                            \
   do {                                                                   \
      if ((cond) && EMU_UNLIKELY(emu_block.depth != 0)) {                 \
         emu_block_violation(__func__, EMU_CALLER());                     \
      }                                                                   \
   } while (0)

#endif
