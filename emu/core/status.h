/*
 * status.h -- the engines' own result codes.
 *
 * Engines below emu/api do not speak VMK_ReturnStatus: they return one of
 * these, and emu/api/ translates (emu_api_status() in emu/api/api.h).  The
 * list is short on purpose: it names what an engine can tell its caller,
 * not every status ESXi has.
 */
#ifndef EMU_CORE_STATUS_H
#define EMU_CORE_STATUS_H

typedef enum emu_status {
   EMU_OK = 0,
   EMU_NOMEM,          /* resource exhausted (memory, IDs, pages) */
   EMU_BADPARAM,       /* an argument is out of range or inconsistent */
   EMU_TIMEOUT,        /* a wait ran out of time */
   EMU_WOULDBLOCK,     /* a non-blocking request could not be met now */
   EMU_NOTFOUND,       /* no such object */
   EMU_BUSY,           /* object in use (live children, references) */
   EMU_EXISTS,         /* name or object already present */
   EMU_LIMIT,          /* a configured limit (max, maxObj) was reached */
   EMU_BADHANDLE,      /* dead, foreign or corrupted handle */
   EMU_NOTSUP,         /* not emulated */
   EMU_INTERRUPTED,    /* a wait was woken early on purpose */
   EMU_FAILURE,        /* anything else */
} emu_status_t;

#endif
