/*
 * emuctl_reports.h -- the kinds of driver-bug report vmkemu can raise.
 *
 * One list, expanded twice: into the public EmuCtl_ReportKind enum (emuctl.h)
 * and into the engines' private names.  Each entry is
 *    X(NAME, "short description")
 * and the enum value is the entry's position, starting at 1.  New kinds are
 * appended at the end so that numbers recorded by older tests stay valid.
 */
#ifndef EMUCTL_REPORTS_H
#define EMUCTL_REPORTS_H

#define EMUCTL_REPORT_KINDS(X)                                                 \
   X(DOUBLE_FREE,        "object freed twice")                                 \
   X(WRONG_CACHE,        "object freed to a cache or heap that did not give it") \
   X(BAD_FREE,           "free of an address that was never allocated")        \
   X(MISALIGNED_FREE,    "free of a pointer into the middle of an object")     \
   X(GUARD_OVERRUN,      "write past the end of an object (guard damaged)")    \
   X(WRITE_AFTER_FREE,   "write to an object after it was freed")              \
   X(LEAK,               "resource still live when its owner went away")       \
   X(BLOCK_IN_NONBLOCKING, "blocking call where blocking is not allowed")      \
   X(LOCK_RANK,          "lock taken against the rank order")                  \
   X(LOCK_NOT_HELD,      "lock released or asserted by a world not holding it") \
   X(DEAD_HANDLE,        "use of a destroyed, foreign or corrupted handle")    \
   X(BUSY_DESTROY,       "object destroyed while still referenced")            \
   X(BAD_SEGMENT,        "arena free or lookup that matches no segment")       \
   X(PANIC,              "vmk_Panic was called")                               \
   X(ASSERT,             "a VMK_ASSERT failed")                                \
   X(DMA_VIOLATION,      "device access outside a live DMA mapping")           \
   X(MISUSE,             "API used against its documented contract")

#endif
