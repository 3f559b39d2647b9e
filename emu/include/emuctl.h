/*
 * emuctl.h -- the emulator-control API of vmkemu.
 *
 * Drivers never call this; tests, sample tests and the vmkemu command do.
 * It starts and stops the simulated host (EmuCtl_Init / EmuCtl_Shutdown),
 * sets debug options, announces expected driver-bug reports, injects
 * allocation failures, counts live resources and captures the log.
 *
 * Every name here is EmuCtl_* or EMUCTL_*: the prefix tells a reader that
 * the emulator, not ESXi, answers the call.
 */
#ifndef EMUCTL_H
#define EMUCTL_H

#include "vmkapi.h"
#include "emuctl_reports.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \defgroup EmuCtl Emulator control
 * \brief Calls a test makes to drive the simulated host.
 * \{
 */

/** \brief Kinds of driver-bug report (see emuctl_reports.h for the list). */
typedef enum EmuCtl_ReportKind {
   /** \brief No report. */
   EMUCTL_REPORT_NONE = 0,
#define EMUCTL_REPORT_ENUM_(name, text) EMUCTL_REPORT_##name,
   EMUCTL_REPORT_KINDS(EMUCTL_REPORT_ENUM_)
#undef EMUCTL_REPORT_ENUM_
   /** \brief One past the last kind. */
   EMUCTL_REPORT_COUNT
} EmuCtl_ReportKind;

/** \brief Exit status of a process stopped by an unexpected report. */
#define EMUCTL_REPORT_EXIT_CODE 86

/** \brief Classes of allocation-like calls for fault injection. */
typedef enum EmuCtl_AllocClass {
   /** \brief Any allocation-like call. */
   EMUCTL_ALLOC_ANY = 0,
   /** \brief Slab object allocation and slab creation. */
   EMUCTL_ALLOC_SLAB,
   /** \brief Heap allocation and heap creation. */
   EMUCTL_ALLOC_HEAP,
   /** \brief Machine pages: memory pools, page slabs, large spaces. */
   EMUCTL_ALLOC_PAGES,
   /** \brief Mappings of machine pages into virtual addresses. */
   EMUCTL_ALLOC_MAP,
   /** \brief World creation. */
   EMUCTL_ALLOC_WORLD,
   /** \brief Timer and timer-queue creation. */
   EMUCTL_ALLOC_TIMER,
   /** \brief Lock and semaphore creation. */
   EMUCTL_ALLOC_LOCK,
   /** \brief Everything else that can run out of resources. */
   EMUCTL_ALLOC_OTHER,
} EmuCtl_AllocClass;

/** \brief Kinds of resource the leak checks track. */
typedef enum EmuCtl_ResourceKind {
   /** \brief All kinds together. */
   EMUCTL_RSRC_ANY = 0,
   /** \brief vmem arenas created by drivers' objects. */
   EMUCTL_RSRC_ARENA,
   /** \brief Slab caches. */
   EMUCTL_RSRC_SLAB,
   /** \brief Heaps. */
   EMUCTL_RSRC_HEAP,
   /** \brief Memory pools. */
   EMUCTL_RSRC_MEMPOOL,
   /** \brief Machine pages allocated from a pool. */
   EMUCTL_RSRC_PAGES,
   /** \brief Virtual mappings of machine pages. */
   EMUCTL_RSRC_MAP,
   /** \brief Worlds (threads and simulated). */
   EMUCTL_RSRC_WORLD,
   /** \brief World-storage and PCPU-storage handles. */
   EMUCTL_RSRC_STORAGE,
   /** \brief Spinlocks, semaphores, lock domains. */
   EMUCTL_RSRC_LOCK,
   /** \brief Timers and timer queues. */
   EMUCTL_RSRC_TIMER,
   /** \brief Log components. */
   EMUCTL_RSRC_LOG,
   /** \brief Registered modules. */
   EMUCTL_RSRC_MODULE,
   /** \brief Character devices, drivers and devices. */
   EMUCTL_RSRC_DEVICE,
   /** \brief Anything else with a lifetime. */
   EMUCTL_RSRC_OTHER,
   /** \brief One past the last kind. */
   EMUCTL_RSRC_COUNT
} EmuCtl_ResourceKind;

/** \brief How the simulated host is set up by EmuCtl_Init(). */
typedef struct EmuCtl_InitProps {
   /** \brief Bytes of simulated machine memory; 0 takes VMKEMU_MACHINE_MEM or 1 GiB. */
   vmk_uint64 machineMemBytes;
   /** \brief Number of simulated PCPUs; 0 takes the host's count. */
   vmk_uint32 numPCPUs;
   /** \brief Debug options applied after VMKEMU_DEBUG, e.g. "audit,guards"; may be NULL. */
   const char *debugOptions;
} EmuCtl_InitProps;

/**
 * \brief Start the simulated host.
 *
 * Reads VMKEMU_DEBUG once, then applies props (NULL means defaults).  The
 * calling thread becomes the first world.  Calling it again while running
 * returns VMK_EXISTS.
 *
 * \note May block.
 * \param[in] props  Set-up, or NULL for the defaults.
 * \retval VMK_OK           The host is running.
 * \retval VMK_EXISTS       It was already running.
 * \retval VMK_BAD_PARAM    A debug option is unknown or malformed.
 * \retval VMK_NO_MEMORY    Machine memory could not be reserved.
 */
VMK_ReturnStatus EmuCtl_Init(const EmuCtl_InitProps *props);

/**
 * \brief Stop the simulated host and check for leaks.
 *
 * Every resource still live (slabs, heaps, pools, worlds, storage, locks,
 * timers, log components, ...) is listed on stderr with its name and the
 * caller that created it.
 *
 * \note May block.
 * \retval VMK_OK              Stopped; nothing leaked.
 * \retval VMK_BUSY            Stopped, but resources were still live (listed).
 * \retval VMK_NOT_INITIALIZED EmuCtl_Init() had not been called.
 */
VMK_ReturnStatus EmuCtl_Shutdown(void);

/** \brief VMK_TRUE between EmuCtl_Init() and EmuCtl_Shutdown(). \note Will not block. */
vmk_Bool EmuCtl_IsRunning(void);

/**
 * \brief Set a debug option by name ("audit", "guards", "fail_nth", ...).
 * \note Will not block.
 * \param[in] name   Option name.
 * \param[in] value  Value ("on", "off", a number), or NULL for "on".
 * \retval VMK_OK         Set.
 * \retval VMK_NOT_FOUND  No such option.
 * \retval VMK_BAD_PARAM  Value does not suit the option.
 */
VMK_ReturnStatus EmuCtl_SetOption(const char *name, const char *value);

/**
 * \brief Read a debug option's value as text.
 * \note Will not block.
 * \param[in]  name  Option name.
 * \param[out] buf   Receives the value.
 * \param[in]  len   Size of buf.
 * \retval VMK_OK         Read.
 * \retval VMK_NOT_FOUND  No such option.
 * \retval VMK_BAD_PARAM  buf is NULL or len is 0.
 */
VMK_ReturnStatus EmuCtl_GetOption(const char *name, char *buf, vmk_uint32 len);

/** \brief Print every option with its value and description to stderr. \note Will not block. */
void EmuCtl_PrintOptions(void);

/**
 * \brief Announce that the code under test is about to raise a report.
 *
 * The next report of this kind is recorded instead of stopping the process,
 * and the call that raised it returns.  Call once per expected report.
 * \note Will not block.
 * \param[in] kind  Kind of report expected.
 */
void EmuCtl_ExpectReport(EmuCtl_ReportKind kind);

/**
 * \brief Check that every announced report happened.
 *
 * Unmet expectations are printed and forgotten.
 * \note Will not block.
 * \return The number of announced reports that did not happen (0 is success).
 */
int EmuCtl_CheckReports(void);

/**
 * \brief How many reports of a kind were raised since EmuCtl_Init()
 *        (EMUCTL_REPORT_NONE: of all kinds together).
 * \note Will not block.
 */
vmk_uint64 EmuCtl_ReportCount(EmuCtl_ReportKind kind);

/** \brief Copy the full text of the last report into buf (NUL-terminated). \note Will not block. */
void EmuCtl_LastReport(char *buf, vmk_uint32 len);

/** \brief The report kind's name, e.g. "DOUBLE_FREE". \note Will not block. */
const char *EmuCtl_ReportKindName(EmuCtl_ReportKind kind);

/**
 * \brief Make the Nth allocation-like call of a class fail (once).
 *
 * Counting starts now; n = 0 disarms.  The failing call returns what the
 * API returns when the host is out of that resource (VMK_NO_MEMORY, NULL).
 * \note Will not block.
 * \param[in] cls  Class of call to count.
 * \param[in] n    1-based position of the call to fail.
 */
void EmuCtl_FailNthAlloc(EmuCtl_AllocClass cls, vmk_uint64 n);

/** \brief Allocation-like calls of a class seen since the last arming. \note Will not block. */
vmk_uint64 EmuCtl_AllocCalls(EmuCtl_AllocClass cls);

/** \brief Failures injected since the last arming. \note Will not block. */
vmk_uint64 EmuCtl_FailuresInjected(void);

/** \brief Flags of EmuCtl_WalkProps. */
typedef enum EmuCtl_WalkFlags {
   /** \brief Run each pass in a forked child, so a crash is caught and named. */
   EMUCTL_WALK_FORK = 0x1,
   /** \brief Print nothing; the caller reads the results. */
   EMUCTL_WALK_QUIET = 0x2,
} EmuCtl_WalkFlags;

/** \brief One pass of the function under test, as EmuCtl_WalkFailures() calls it. */
typedef VMK_ReturnStatus (*EmuCtl_WalkFn)(void *arg);

/** \brief A count that must be the same before and after every pass. */
typedef vmk_uint64 (*EmuCtl_WalkProbe)(void *arg);

/** \brief How EmuCtl_WalkFailures() walks. */
typedef struct EmuCtl_WalkProps {
   /** \brief Which class of call to fail (EMUCTL_ALLOC_ANY for all). */
   EmuCtl_AllocClass cls;
   /** \brief EmuCtl_WalkFlags, or'ed. */
   vmk_uint32 flags;
   /** \brief Give up after this many passes (0: 10000). */
   vmk_uint32 maxPasses;
   /**
    * \brief Extra leak probe (may be NULL): for example the live
    *        allocations of the driver's heap (EmuCtl_HeapGetUsage()).
    *        Live resources of every kind are always compared.
    */
   EmuCtl_WalkProbe probe;
} EmuCtl_WalkProps;

/** \brief What happened when one call site failed. */
typedef struct EmuCtl_WalkSite {
   /** \brief Return address of the call that was failed. */
   const void *site;
   /** \brief The site symbolized: function+offset (object) at file:line. */
   char where[256];
   /** \brief The class of the failed call. */
   EmuCtl_AllocClass cls;
   /** \brief What the function under test returned (VMK_FAILURE if it crashed). */
   VMK_ReturnStatus status;
   /** \brief Resources (and probe count) left live by the pass. */
   vmk_int64 leaked;
   /** \brief Reports raised during the pass. */
   vmk_uint64 reports;
   /** \brief The signal that killed the pass (EMUCTL_WALK_FORK only), else 0. */
   int signal;
} EmuCtl_WalkSite;

/** \brief What EmuCtl_WalkFailures() found. */
typedef struct EmuCtl_WalkResult {
   /** \brief Passes run, the first one without any failure included. */
   vmk_uint32 passes;
   /** \brief Distinct call sites failed, one per pass after the first. */
   vmk_uint32 sites;
   /** \brief Sites whose failure crashed, leaked or raised a report. */
   vmk_uint32 badSites;
   /** \brief VMK_TRUE when every site was failed before maxPasses ran out. */
   vmk_Bool complete;
} EmuCtl_WalkResult;

/**
 * \brief Walk every error path of a function: fail each call site once.
 *
 * Runs fn(arg) once with nothing failing, then again and again; each pass
 * fails the first allocation-like call (of props->cls) made from a call site
 * -- a return address -- that no earlier pass failed, and no other call.
 * The walk ends with the first pass in which no new site was reached.
 * fn must leave nothing behind: when what it sets up fails part-way it
 * unwinds, and when it succeeds it tears everything down again (for a
 * driver: init_module, then cleanup_module when init succeeded).
 *
 * After each pass the walker compares the live resources of every kind
 * (and props->probe) with what was live before it, and counts the reports
 * raised; reports do not stop the process during a walk.  A site whose
 * failure leaked, raised a report or -- with EMUCTL_WALK_FORK -- crashed is
 * "bad": it is printed (unless EMUCTL_WALK_QUIET) with its symbolized
 * location.  Other fault-injection settings are suspended during the walk.
 *
 * \note May block (it runs fn).
 * \note Not in ESXi: an emulator-only test facility.
 * \param[in]  fn        The function under test.
 * \param[in]  arg       Its argument.
 * \param[in]  props     How to walk, or NULL for: every class, in process.
 * \param[out] sites     Room for a record per site, or NULL.
 * \param[in]  maxSites  How many records fit in sites.
 * \param[out] result    Totals (may be NULL).
 * \retval VMK_OK              The walk ran to its end and no site was bad.
 * \retval VMK_FAILURE         The walk ran; at least one site was bad (or the
 *                             pass without failures already leaked or raised
 *                             a report).
 * \retval VMK_LIMIT_EXCEEDED  maxPasses passes ran and sites remained.
 * \retval VMK_BAD_PARAM       fn is NULL.
 * \retval VMK_BUSY            A walk is already running.
 * \retval VMK_NOT_INITIALIZED EmuCtl_Init() had not been called.
 */
VMK_ReturnStatus EmuCtl_WalkFailures(EmuCtl_WalkFn fn, void *arg,
                                     const EmuCtl_WalkProps *props,
                                     EmuCtl_WalkSite *sites,
                                     vmk_uint32 maxSites,
                                     EmuCtl_WalkResult *result);

/** \brief Live resources of a kind (EMUCTL_RSRC_ANY for all). \note Will not block. */
vmk_uint64 EmuCtl_LiveResources(EmuCtl_ResourceKind kind);

/** \brief List live resources on stderr; returns how many were listed. \note Will not block. */
vmk_uint64 EmuCtl_DumpResources(EmuCtl_ResourceKind kind);

/** \brief Start capturing every log line (the buffer is emptied). \note Will not block. */
void EmuCtl_LogCaptureStart(void);

/** \brief Stop capturing log lines; the text stays readable. \note Will not block. */
void EmuCtl_LogCaptureStop(void);

/** \brief The log text captured so far, NUL-terminated. \note Will not block. */
const char *EmuCtl_LogCaptured(void);

/** \brief The vmkemu version string, e.g. "0.1.0". \note Will not block. */
const char *EmuCtl_Version(void);

/** \} */

#ifdef __cplusplus
}
#endif

/* Per-area control calls. */
#include "emuctl_mem.h"
#include "emuctl_world.h"
#include "emuctl_module.h"
#include "emuctl_device.h"
#include "emuctl_lib.h"
#include "emuctl_sys.h"

#endif /* EMUCTL_H */
