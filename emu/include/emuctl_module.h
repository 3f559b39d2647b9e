/*
 * emuctl_module.h -- emulator control for modules, logging and panics
 * (included by emuctl.h).
 *
 * Loading a driver module the way `vmkemu load` does, from a test:
 *
 *    vmk_ModuleID id;
 *    VMK_ReturnStatus initStatus;
 *    char *params[] = { "debug=1" };
 *
 *    assert_vmk_ok(EmuCtl_ModuleLoad("./mydrv.so", 1, params, &id));
 *    assert_vmk_ok(EmuCtl_ModuleCallInit(id, &initStatus));
 *    assert_vmk_ok(initStatus);
 *    ...
 *    assert_vmk_ok(EmuCtl_ModuleUnload(id));   // cleanup_module + leak check
 *
 * Expecting a panic (vmk_Panic, VMK_ASSERT_BUG, VMK_ASSERT in debug builds):
 *
 *    jmp_buf env;
 *
 *    EmuCtl_ExpectPanic(&env);
 *    if (setjmp(env) == 0) {
 *       driver_call_that_must_panic();
 *       EmuCtl_ExpectPanic(NULL);
 *       fail_msg("no panic");
 *    }
 *    // here after the panic: EmuCtl_LastPanic() tells which and why
 *
 * The jmp_buf must live in the function that calls setjmp, and that
 * function must not have returned when the panic comes.  The panic does not
 * return into the driver: locks it held stay held.  Arming is per thread: a
 * panic on another world goes to the panic handler of that thread, or ends
 * the process (EMUCTL_PANIC_EXIT_CODE).  EmuCtl_ExpectReport(
 * EMUCTL_REPORT_PANIC) alone cannot catch a panic, since a panic has
 * nowhere to return to.
 *
 * An unexpected panic inside a CMocka test fails that test with the panic
 * message when the test's group setup installed a handler that calls
 * CMocka's _fail (tests/util/emutest.c does); without one the process
 * prints the panic with a backtrace and exits with EMUCTL_PANIC_EXIT_CODE.
 */
#ifndef EMUCTL_MODULE_H
#define EMUCTL_MODULE_H

#ifndef EMUCTL_H
#error "include emuctl.h, not emuctl_module.h"
#endif

#include <setjmp.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \defgroup EmuCtl_Module Modules, logging and panics
 * \ingroup EmuCtl
 * \brief Load driver modules, inspect them, capture logs, expect panics.
 * \{
 */

/** \brief Exit status of a process stopped by a panic nobody expected. */
#define EMUCTL_PANIC_EXIT_CODE 87

/** \brief Life of a module entry. */
typedef enum EmuCtl_ModuleState {
   /** \brief Loaded; init_module has not returned yet. */
   EMUCTL_MODULE_LOADING = 1,
   /** \brief init_module succeeded (or not a loaded module). */
   EMUCTL_MODULE_LIVE = 2,
   /** \brief init_module failed; the module waits to be unloaded. */
   EMUCTL_MODULE_FAILED = 3,
   /** \brief cleanup_module ran; kept only because resources remain. */
   EMUCTL_MODULE_UNLOADING = 4,
} EmuCtl_ModuleState;

/** \brief What EmuCtl_ModuleGetInfo() reports about a module. */
typedef struct EmuCtl_ModuleInfo {
   /** \brief Module ID. */
   vmk_ModuleID id;
   /** \brief Module name (the file name without ".so" for loaded ones). */
   char name[VMK_MODULE_NAME_MAX];
   /** \brief Life state. */
   EmuCtl_ModuleState state;
   /** \brief Use count (vmk_ModuleIncUseCount / DecUseCount). */
   vmk_uint32 useCount;
   /** \brief Default heap set with vmk_ModuleSetHeapID(), or NULL. */
   vmk_HeapID heap;
   /** \brief VMK_TRUE once vmk_ModuleRegister() was called for it. */
   vmk_Bool registered;
   /** \brief VMK_TRUE for a module loaded from a file. */
   vmk_Bool loaded;
   /** \brief VMK_TRUE for the entry that stands for the test program. */
   vmk_Bool program;
   /** \brief Resources it owns now (all kinds). */
   vmk_uint64 liveResources;
} EmuCtl_ModuleInfo;

/** \brief Description of the last panic (EmuCtl_LastPanic()). */
typedef struct EmuCtl_PanicInfo {
   /** \brief EMUCTL_REPORT_ASSERT for a failed assertion, else PANIC. */
   EmuCtl_ReportKind kind;
   /** \brief Module the panic named (vmk_ModuleCurrentID of its caller). */
   vmk_ModuleID module;
   /** \brief The formatted panic message. */
   char message[512];
} EmuCtl_PanicInfo;

/**
 * \brief Called on an unexpected panic, on the thread that installed it.
 *
 * It must not return (a CMocka failure, longjmp or exit); if it does, the
 * process stops as if no handler were installed.
 */
typedef void (*EmuCtl_PanicHandler)(const char *message, void *arg);

/**
 * \brief Load a driver module from a shared object, as vmkload_mod would.
 *
 * The object is opened, registered as a module named after the file, its
 * vmk_ModuleCurrentID set to the new ID, and its module parameters set from
 * params ("name=value" each).  init_module is not called yet.
 *
 * \note May block.
 * \param[in]  path     Path of the .so (a bare name: current directory).
 * \param[in]  nparams  Number of entries in params.
 * \param[in]  params   "name=value" strings, or NULL when nparams is 0.
 * \param[out] id       The new module's ID.
 * \retval VMK_OK              Loaded.
 * \retval VMK_NOT_FOUND       No such file.
 * \retval VMK_BAD_PARAM       No init_module, unknown parameter, bad value.
 * \retval VMK_EXISTS          A module of that name is loaded.
 * \retval VMK_FAILURE         The dynamic linker refused it (reason on stderr).
 * \retval VMK_NO_MEMORY       Out of memory or module IDs.
 * \retval VMK_NOT_INITIALIZED EmuCtl_Init() had not been called.
 */
VMK_ReturnStatus EmuCtl_ModuleLoad(const char *path, int nparams,
                                   char *const *params, vmk_ModuleID *id);

/**
 * \brief Run the module's init_module with the module pushed on the module
 *        ID stack, on the calling thread or in a fresh world
 *        (EmuCtl_ModuleSetCallMode()).
 *
 * \note May block (whatever init_module does).
 * \param[in]  id          A module loaded with EmuCtl_ModuleLoad().
 * \param[out] initStatus  What init_module returned.
 * \retval VMK_OK          init_module ran (see initStatus).
 * \retval VMK_NOT_FOUND   No such loaded module.
 * \retval VMK_BUSY        init_module already ran.
 * \retval VMK_NO_MEMORY   No world could be made for it (it did not run).
 */
VMK_ReturnStatus EmuCtl_ModuleCallInit(vmk_ModuleID id,
                                       VMK_ReturnStatus *initStatus);

/**
 * \brief Run the module's exported `int vmkemu_scenario(void)` (where
 *        EmuCtl_ModuleSetCallMode() says).
 *
 * \note May block.
 * \param[in]  id      A module whose init_module succeeded.
 * \param[out] result  What the scenario returned (0 is success).
 * \retval VMK_OK         The scenario ran.
 * \retval VMK_NOT_FOUND  No such module, or it exports no scenario.
 * \retval VMK_BUSY       init_module has not succeeded.
 * \retval VMK_NO_MEMORY  No world could be made for it (it did not run).
 */
VMK_ReturnStatus EmuCtl_ModuleRunScenario(vmk_ModuleID id, int *result);

/** \brief Where a loaded module's entry points run. */
typedef enum EmuCtl_ModuleCallMode {
   /** \brief On the thread that asks (the default after a load). */
   EMUCTL_MODULE_CALL_HERE = 0,
   /**
    * \brief Each entry point (init_module, the scenario, cleanup_module)
    *        in a fresh world of its own -- a new host thread named
    *        "<module>:init" and so on, as vmkload_mod's world would be --
    *        that the caller waits for until it is gone.  `vmkemu load`
    *        uses this.  A panic in it cannot be caught with
    *        EmuCtl_ExpectPanic() on the caller's thread.
    */
   EMUCTL_MODULE_CALL_IN_WORLD = 1,
} EmuCtl_ModuleCallMode;

/**
 * \brief Choose where a loaded module's entry points run.
 * \note Will not block.
 * \param[in] id    A module loaded with EmuCtl_ModuleLoad().
 * \param[in] mode  EMUCTL_MODULE_CALL_HERE or EMUCTL_MODULE_CALL_IN_WORLD.
 * \retval VMK_OK              Set; applies to the next entry point called.
 * \retval VMK_NOT_FOUND       No such loaded module.
 * \retval VMK_BAD_PARAM       Unknown mode.
 * \retval VMK_NOT_INITIALIZED EmuCtl_Init() had not been called.
 */
VMK_ReturnStatus EmuCtl_ModuleSetCallMode(vmk_ModuleID id,
                                          EmuCtl_ModuleCallMode mode);

/**
 * \brief Unload a module: cleanup_module (after a successful init), then a
 *        leak check of what the module still owns.
 *
 * Leftovers are listed on stderr -- each with its kind, name and the
 * line that created it, then the live allocations of leftover heaps (size
 * and caller) and the objects leftover slab caches still have out; the
 * module is then kept mapped (its
 * code may still be referenced) and shows as leaked at EmuCtl_Shutdown().
 * Calling EmuCtl_ModuleUnload() again (without running cleanup_module a
 * second time) completes the unload once the test freed the leftovers.
 *
 * \note May block.
 * \param[in] id  A module loaded with EmuCtl_ModuleLoad().
 * \retval VMK_OK         Unloaded; it left nothing behind.
 * \retval VMK_MODULE_CONSUMED_RESOURCE_COUNT_NOT_ZERO
 *                       Unloaded, but resources remain (listed).
 * \retval VMK_BUSY       Its use count is not zero; nothing was done.
 * \retval VMK_NOT_FOUND  No such loaded module.
 * \retval VMK_BAD_PARAM  The module was not loaded from a file.
 */
VMK_ReturnStatus EmuCtl_ModuleUnload(vmk_ModuleID id);

/**
 * \brief Describe a module.
 * \note Will not block.
 * \param[in]  id    Module ID.
 * \param[out] info  Filled in.
 * \retval VMK_OK         Done.
 * \retval VMK_NOT_FOUND  No such module.
 * \retval VMK_BAD_PARAM  info is NULL.
 */
VMK_ReturnStatus EmuCtl_ModuleGetInfo(vmk_ModuleID id, EmuCtl_ModuleInfo *info);

/**
 * \brief Read a module information stamp: "version" (VMK_VERSION_INFO),
 *        "license" (VMK_LICENSE_INFO), "buildType", "nsProvides",
 *        "param_desc_<name>", ...
 *
 * Works for loaded modules and for the test program's own entry.
 * \note Will not block.
 * \param[in]  id   Module ID.
 * \param[in]  key  Stamp name (the text before '=').
 * \param[out] buf  Receives the value, NUL-terminated.
 * \param[in]  len  Size of buf.
 * \retval VMK_OK         Found.
 * \retval VMK_NOT_FOUND  No such module or stamp.
 * \retval VMK_BAD_PARAM  key or buf NULL, or buf too small.
 */
VMK_ReturnStatus EmuCtl_ModuleGetStamp(vmk_ModuleID id, const char *key,
                                       char *buf, vmk_uint32 len);

/**
 * \brief Set a module parameter (VMK_MODPARAM...) by name, as a loader
 *        argument "name=value" would.
 * \note Will not block.
 * \param[in] id     Module ID (a loaded module or the program's entry).
 * \param[in] name   Parameter name.
 * \param[in] value  Value text.
 * \retval VMK_OK         Set.
 * \retval VMK_NOT_FOUND  No such module or parameter.
 * \retval VMK_BAD_PARAM  The value does not suit the parameter.
 */
VMK_ReturnStatus EmuCtl_ModuleSetParam(vmk_ModuleID id, const char *name,
                                       const char *value);

/**
 * \brief Print every module information stamp of a module (version,
 *        license, build type, parameter names, types and descriptions,
 *        namespaces) to stderr, one "key=value" per line.
 * \note Will not block.
 * \param[in] id  Module ID (a loaded module or the program's entry).
 * \retval VMK_OK         Printed.
 * \retval VMK_NOT_FOUND  No such module, or it carries no stamps.
 */
VMK_ReturnStatus EmuCtl_ModuleDescribe(vmk_ModuleID id);

/**
 * \brief ID of the entry that stands for the test program itself.
 * \note Will not block.
 */
vmk_ModuleID EmuCtl_ModuleProgramID(void);

/**
 * \brief Live resources of a kind (EMUCTL_RSRC_ANY: all) owned by a module.
 * \note Will not block.
 * \param[in] id    Module ID.
 * \param[in] kind  Resource kind.
 */
vmk_uint64 EmuCtl_ModuleLiveResources(vmk_ModuleID id,
                                      EmuCtl_ResourceKind kind);

/**
 * \brief List a module's live resources of a kind on stderr.
 * \note Will not block.
 * \param[in] id    Module ID.
 * \param[in] kind  Resource kind (EMUCTL_RSRC_ANY: all).
 * \return How many were listed.
 */
vmk_uint64 EmuCtl_ModuleDumpResources(vmk_ModuleID id,
                                      EmuCtl_ResourceKind kind);

/**
 * \brief Print the module table (ID, name, origin, state, use count,
 *        resources) to stderr.
 * \note Will not block.
 */
void EmuCtl_DumpModules(void);

/**
 * \brief Print the simulated host's tables, like illumos' kmastat: every
 *        slab cache, heap, memory pool and vmem arena with its owner,
 *        object size, objects in use, total, allocations, failures and
 *        bytes; then every world; then live resources by kind and the
 *        modules.
 *
 * Columns per kind: a slab counts objects (in use / constructed) and the
 * bytes of its clusters; a heap counts live allocations and the bytes
 * charged against its maximum (its memory is the arena row of the same
 * name); a pool counts pages (in use / limit) and page allocations; an
 * arena counts units of its quantum (pages for the machine, IDs for ID
 * arenas, else bytes).  '-' marks a figure the engine does not keep
 * (slab and heap allocation counts: their fast paths count nothing).
 * Each row is a consistent snapshot of its object.
 *
 * \note May block briefly (takes each engine's list lock).
 * \param[in] out  Stream to print to; NULL for stderr.
 * \return The number of slab, heap, pool, arena and world rows.
 */
vmk_uint64 EmuCtl_DumpStats(FILE *out);

/**
 * \brief The table of EmuCtl_DumpStats() as text in a buffer.
 *
 * \note May block briefly (takes each engine's list lock).
 * \param[out] buf  Receives the text, cut to len - 1 bytes and always
 *                  NUL-terminated when len is not 0; may be NULL when len
 *                  is 0 (to learn the size).
 * \param[in]  len  Size of buf.
 * \return The length of the whole text (like snprintf): a value >= len
 *         means it was cut.  0 when the emulator is not running.
 */
vmk_uint64 EmuCtl_FormatStats(char *buf, vmk_uint64 len);

/**
 * \brief Announce a module's vmk_ModuleCurrentID slot.
 *
 * Called by the SDK glue (vmkemu_module.h) from a constructor in each
 * module and test program; drivers and tests never call it.
 * \note Will not block.
 * \param[in] slot  Address of the module's vmk_ModuleCurrentID.
 */
void EmuCtl_ModuleGlueAttach(vmk_ModuleID *slot);

/**
 * \brief VMK_TRUE when the text captured so far contains text.
 * \note Will not block.
 * \param[in] text  Text to look for.
 */
vmk_Bool EmuCtl_LogContains(const char *text);

/**
 * \brief Messages a log component dropped through its throttle so far.
 * \note Will not block.
 * \param[in] component  A registered log component.
 */
vmk_uint64 EmuCtl_LogThrottled(vmk_LogComponent component);

/**
 * \brief Expect a panic on the calling thread.
 *
 * The next vmk_Panic (or failed VMK_ASSERT_BUG / VMK_ASSERT) on this thread
 * is recorded as a PANIC or ASSERT report, the module ID stack is restored
 * and control returns from setjmp(*env) with the report kind as value.
 * NULL cancels.  See the example at the top of emuctl_module.h.
 * \note Will not block.
 * \param[in] env  The caller's jmp_buf, set with setjmp right after this call.
 */
void EmuCtl_ExpectPanic(jmp_buf *env);

/**
 * \brief Install the handler for unexpected panics on this thread
 *        (emutest's fixtures install one that fails the running test).
 * \note Will not block.
 * \param[in] handler  Function, or NULL to remove.
 * \param[in] arg      Passed to it.
 */
void EmuCtl_SetPanicHandler(EmuCtl_PanicHandler handler, void *arg);

/** \brief Panics raised since EmuCtl_Init(). \note Will not block. */
vmk_uint64 EmuCtl_PanicCount(void);

/**
 * \brief Describe the last panic.
 * \note Will not block.
 * \param[out] info  Filled in.
 * \retval VMK_OK         Done.
 * \retval VMK_NOT_FOUND  No panic since EmuCtl_Init().
 * \retval VMK_BAD_PARAM  info is NULL.
 */
VMK_ReturnStatus EmuCtl_LastPanic(EmuCtl_PanicInfo *info);

/**
 * \brief Set a stress option (VMK_STRESS_OPT_...) that drivers poll with
 *        vmk_StressOptionValue / Counter / RandValue.  All are 0 after
 *        EmuCtl_Init(); random draws use the fail_seed option.
 * \note Will not block.
 * \param[in] name   Option name, e.g. VMK_STRESS_OPT_NET_IF_FAIL_RX.
 * \param[in] value  New value (0 turns it off).
 * \retval VMK_OK         Set.
 * \retval VMK_NOT_FOUND  No stress option of that name.
 */
VMK_ReturnStatus EmuCtl_StressOptionSet(const char *name, vmk_uint32 value);

/**
 * \brief Read a stress option's value by name.
 * \note Will not block.
 * \param[in]  name   Option name.
 * \param[out] value  Its value.
 * \retval VMK_OK         Read.
 * \retval VMK_NOT_FOUND  No stress option of that name (or value is NULL).
 */
VMK_ReturnStatus EmuCtl_StressOptionGet(const char *name, vmk_uint32 *value);

/** \} */

#ifdef __cplusplus
}
#endif

#endif
