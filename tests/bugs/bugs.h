/*
 * bugs.h -- the verifier's corpus: small drivers, each with one seeded bug
 * (or none), and what vmkemu must say about it.
 *
 * A bug driver records, on the line of its buggy call, the line number the
 * report has to name (BUG_AT): the report's caller -- or, for a leak, the
 * line that allocated what leaked -- must be that line of that file.
 */
#ifndef BUGS_H
#define BUGS_H

#include "vmkapi.h"
#include "emuctl.h"

typedef struct bug_case {
   const char       *name;
   EmuCtl_ReportKind kind;        /* 0: a correct driver, no report at all */
   const char       *options;     /* debug options the case needs, or NULL */
   void            (*run)(void);
   const char       *file;        /* basename of the driver's source */
   const int        *line;        /* the line the report must name */
} bug_case_t;

/* Put on the buggy line itself: remembers that line for the check. */
#define BUG_AT(var) ((var) = __LINE__)

/* Shared set-up for the drivers (bugs_util.c). */
vmk_HeapID bugs_heap(const char *name);
vmk_SlabID bugs_slab(const char *name, vmk_ByteCountSmall size);
vmk_Lock bugs_lock(const char *name, vmk_LockDomainID domain,
                   vmk_LockRank rank);
vmk_LockDomainID bugs_domain(const char *name);

/*
 * A driver module of its own: registers a module and makes it the running
 * one, so what the driver creates next is the module's; bugs_module_end
 * leaves it and unregisters it, which lists what it still owns (one LEAK
 * report).
 */
typedef struct bugs_module {
   vmk_ModuleID     id;
   vmk_ModInfoStack stack;
} bugs_module_t;
VMK_ReturnStatus bugs_module_begin(bugs_module_t *m);
void bugs_module_end(bugs_module_t *m);

/* A leaf memory pool and a run of its pages. */
vmk_MemPool bugs_pool(const char *name);
vmk_MPN bugs_pages(vmk_MemPool pool, vmk_uint32 n);
void bugs_pages_free(vmk_MPN mpn, vmk_uint32 n);

extern const bug_case_t *const bugs_all[];
extern const unsigned bugs_count;

#endif
