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

/** \brief How many reports of a kind were raised since EmuCtl_Init(). \note Will not block. */
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

#endif /* EMUCTL_H */
