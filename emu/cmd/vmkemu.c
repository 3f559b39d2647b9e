/*
 * vmkemu.c -- the vmkemu command: load a driver module the way vmkload_mod
 * would, on the simulated host, and tell what it left behind.
 *
 *    vmkemu load [--for SECONDS] [--stats] [--no-debug] [--keep-going]
 *                MODULE.so [param=value ...]
 *    vmkemu info MODULE.so
 *    vmkemu stats
 *    vmkemu options
 *    vmkemu --help | --version
 *
 * `load` is a test harness, so it turns the audit, guards and contents
 * checks on unless --no-debug is given.  It loads the module (its
 * vmk_ModuleCurrentID set, its parameters applied), runs init_module in a
 * fresh world (as vmkload_mod's world would), then the module's optional
 * `int vmkemu_scenario(void)` in another, or a wait of --for SECONDS,
 * prints what the module holds by kind, runs cleanup_module in a third
 * world, then lists every resource the module did not free (heaps with
 * their live allocations, slabs, pools, worlds, storage handles, locks,
 * semaphores, timers, log components), each with its name and the line
 * that created it, and with --stats prints the host's tables
 * (EmuCtl_DumpStats) as cleanup_module left them.
 * `info` loads a module without running it and prints its information
 * stamps (VMK_VERSION_INFO, VMK_LICENSE_INFO, parameters and their
 * descriptions).
 *
 * Exit status:
 *    0   clean: init succeeded, nothing left behind, no report
 *    1   usage or load error (no such file, not a module, bad parameter)
 *    2   init_module failed (printed by status name) or the scenario
 *        returned non-zero
 *    3   resources were left behind (listed on stderr)
 *    86  a driver-bug report was raised (stops the run at once unless
 *        --keep-going, which reports at the end)
 *    87  the module panicked (vmk_Panic, VMK_ASSERT_BUG): message and
 *        backtrace on stderr
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emuctl.h"

#define EXIT_USAGE 1
#define EXIT_INIT 2
#define EXIT_LEAK 3

static void
usage(FILE *out)
{
   fprintf(out,
           "usage: vmkemu load [--for SECONDS] [--stats] [--no-debug] "
           "[--keep-going]\n"
           "                   MODULE.so [param=value ...]\n"
           "       vmkemu info MODULE.so\n"
           "       vmkemu stats\n"
           "       vmkemu options\n"
           "       vmkemu --help | --version\n"
           "\n"
           "load runs an ESXi driver module on the vmkemu simulated host:\n"
           "init_module, then its vmkemu_scenario (if it exports one) or a "
           "wait of\n--for SECONDS, then cleanup_module, then a leak check.\n"
           "  --for SECONDS  wait this long between init and cleanup "
           "(no scenario)\n"
           "  --stats        print the host's tables after cleanup_module\n"
           "  --no-debug     do not turn on audit, guards and contents "
           "checks\n"
           "  --keep-going   print driver-bug reports and go on; exit %d "
           "at the end\n"
           "stats prints the simulated host's tables: slab caches, heaps, "
           "pools and\narenas (name, kind, owner, objsize, inuse, total, "
           "allocs, fails, bytes),\nworlds, live resources and modules.\n"
           "options lists the debug options.\n"
           "\n"
           "Environment: VMKEMU_DEBUG (debug options, see `vmkemu options`),\n"
           "VMKEMU_MACHINE_MEM (simulated machine memory, e.g. 512M).\n"
           "\n"
           "Exit status: 0 clean, 1 usage or load error, 2 init_module or "
           "the scenario\nfailed, 3 resources left behind, %d a driver-bug "
           "report, %d a panic.\n",
           EMUCTL_REPORT_EXIT_CODE, EMUCTL_REPORT_EXIT_CODE,
           EMUCTL_PANIC_EXIT_CODE);
}

static vmk_uint64
reports_raised(void)
{
   return EmuCtl_ReportCount(EMUCTL_REPORT_NONE);    /* all kinds */
}

static void
print_stamps(vmk_ModuleID id, const char *name)
{
   char version[128];
   char license[128];

   if (EmuCtl_ModuleGetStamp(id, "version", version, sizeof version) !=
       VMK_OK) {
      snprintf(version, sizeof version, "(none)");
   }
   if (EmuCtl_ModuleGetStamp(id, "license", license, sizeof license) !=
       VMK_OK) {
      snprintf(license, sizeof license, "(none)");
   }
   printf("vmkemu: loaded module '%s' (id %d), version %s, license %s\n",
          name, (int)id, version, license);
}

/* Short names of EmuCtl_ResourceKind, for the per-module summary. */
static const char *const kind_names[EMUCTL_RSRC_COUNT] = {
   "any", "arena", "slab", "heap", "mempool", "pages", "map", "world",
   "storage", "lock", "timer", "log", "module", "device", "other",
};

/* One line: what the module owns now, by kind ("nothing" when empty). */
static void
print_holdings(vmk_ModuleID id, const char *name, const char *when)
{
   char line[512];
   size_t off = 0;
   int k;

   line[0] = '\0';
   for (k = 1; k < EMUCTL_RSRC_COUNT; k++) {
      vmk_uint64 n = EmuCtl_ModuleLiveResources(id, (EmuCtl_ResourceKind)k);

      if (n != 0 && off < sizeof line) {
         off += (size_t)snprintf(line + off, sizeof line - off, "%s%s %llu",
                                 off != 0 ? ", " : "",
                                 kind_names[k] != NULL ? kind_names[k]
                                                       : "other",
                                 (unsigned long long)n);
      }
   }
   printf("vmkemu: '%s' holds %s %s\n", name, off != 0 ? line : "nothing",
          when);
}

static int
cmd_load(int argc, char **argv)
{
   const char *path = NULL;
   char **params = NULL;
   int nparams = 0;
   double wait_s = 0;
   int debug = 1;
   int keep_going = 0;
   int stats = 0;
   EmuCtl_InitProps props;
   EmuCtl_ModuleInfo info;
   VMK_ReturnStatus status;
   VMK_ReturnStatus init_status;
   vmk_ModuleID id;
   char name[VMK_MODULE_NAME_MAX];
   int rc = 0;
   int i;

   for (i = 0; i < argc; i++) {
      if (path == NULL && strcmp(argv[i], "--for") == 0) {
         char *end;

         if (i + 1 >= argc) {
            fprintf(stderr, "vmkemu: --for needs a number of seconds\n");
            return EXIT_USAGE;
         }
         wait_s = strtod(argv[++i], &end);
         if (*end != '\0' || wait_s < 0) {
            fprintf(stderr, "vmkemu: --for: '%s' is not a number of "
                    "seconds\n", argv[i]);
            return EXIT_USAGE;
         }
      } else if (path == NULL && strcmp(argv[i], "--no-debug") == 0) {
         debug = 0;
      } else if (path == NULL && strcmp(argv[i], "--keep-going") == 0) {
         keep_going = 1;
      } else if (path == NULL && strcmp(argv[i], "--stats") == 0) {
         stats = 1;
      } else if (path == NULL && argv[i][0] == '-') {
         fprintf(stderr, "vmkemu: unknown option %s\n", argv[i]);
         usage(stderr);
         return EXIT_USAGE;
      } else if (path == NULL) {
         path = argv[i];
         params = argv + i + 1;
         nparams = argc - i - 1;
         break;
      }
   }
   if (path == NULL) {
      fprintf(stderr, "vmkemu: load needs a module file\n");
      usage(stderr);
      return EXIT_USAGE;
   }
   for (i = 0; i < nparams; i++) {
      if (strchr(params[i], '=') == NULL || params[i][0] == '=') {
         fprintf(stderr, "vmkemu: module parameter '%s' is not "
                 "name=value\n", params[i]);
         return EXIT_USAGE;
      }
   }
   if (access(path, R_OK) != 0) {
      fprintf(stderr, "vmkemu: cannot read module '%s': no such file or "
              "not readable\n", path);
      return EXIT_USAGE;
   }

   memset(&props, 0, sizeof props);
   props.debugOptions = debug ? "audit,guards,contents" : NULL;
   status = EmuCtl_Init(&props);
   if (status != VMK_OK) {
      fprintf(stderr, "vmkemu: cannot start the simulated host: %s\n",
              vmk_StatusToString(status));
      return EXIT_USAGE;
   }
   if (keep_going) {
      EmuCtl_SetOption("report_continue", "on");
   }

   status = EmuCtl_ModuleLoad(path, nparams, params, &id);
   if (status != VMK_OK) {
      /* EmuCtl_ModuleLoad printed the reason. */
      EmuCtl_Shutdown();
      return EXIT_USAGE;
   }
   EmuCtl_ModuleGetInfo(id, &info);
   snprintf(name, sizeof name, "%s", info.name);
   print_stamps(id, name);
   fflush(stdout);
   /* init_module, the scenario and cleanup_module each in a fresh world. */
   status = EmuCtl_ModuleSetCallMode(id, EMUCTL_MODULE_CALL_IN_WORLD);
   if (status != VMK_OK) {
      fprintf(stderr, "vmkemu: cannot run '%s' in worlds: %s\n", name,
              vmk_StatusToString(status));
      EmuCtl_ModuleUnload(id);
      EmuCtl_Shutdown();
      return EXIT_USAGE;
   }

   status = EmuCtl_ModuleCallInit(id, &init_status);
   if (status != VMK_OK) {
      fprintf(stderr, "vmkemu: cannot run init_module of '%s': %s (no "
              "world for it)\n", name, vmk_StatusToString(status));
      rc = EXIT_INIT;
   } else if (init_status != VMK_OK) {
      fprintf(stderr, "vmkemu: init_module of '%s' failed: %s (0x%x)\n",
              name, vmk_StatusToString(init_status),
              (unsigned)init_status);
      rc = EXIT_INIT;
   } else {
      int result;

      status = EmuCtl_ModuleRunScenario(id, &result);
      if (status == VMK_OK) {
         printf("vmkemu: scenario of '%s' returned %d\n", name, result);
         if (result != 0) {
            rc = EXIT_INIT;
         }
      } else if (status != VMK_NOT_FOUND) {
         fprintf(stderr, "vmkemu: cannot run the scenario of '%s': %s\n",
                 name, vmk_StatusToString(status));
         rc = EXIT_INIT;
      } else if (wait_s > 0) {
         usleep((useconds_t)(wait_s * 1e6));
      }
      print_holdings(id, name, "before cleanup_module");
   }
   fflush(stdout);

   status = EmuCtl_ModuleUnload(id);
   if (status == VMK_MODULE_CONSUMED_RESOURCE_COUNT_NOT_ZERO) {
      fprintf(stderr, "vmkemu: '%s' left resources behind (listed "
              "above)\n", name);
      if (rc == 0) {
         rc = EXIT_LEAK;
      }
   } else if (status == VMK_BUSY) {
      EmuCtl_ModuleGetInfo(id, &info);
      fprintf(stderr, "vmkemu: '%s' is still in use (use count %u): not "
              "unloaded\n", name, (unsigned)info.useCount);
      if (rc == 0) {
         rc = EXIT_LEAK;
      }
   } else if (status != VMK_OK) {
      fprintf(stderr, "vmkemu: cannot unload '%s': %s\n", name,
              vmk_StatusToString(status));
   } else {
      printf("vmkemu: unloaded module '%s'\n", name);
   }
   fflush(stdout);
   if (stats) {
      printf("\nvmkemu: host tables after cleanup_module of '%s':\n", name);
      EmuCtl_DumpStats(stdout);
      printf("\n");
   }

   if (reports_raised() != 0 && (rc == 0 || rc == EXIT_LEAK)) {
      fprintf(stderr, "vmkemu: %llu driver-bug report(s) raised (printed "
              "above)\n", (unsigned long long)reports_raised());
      rc = EMUCTL_REPORT_EXIT_CODE;
   }
   if (EmuCtl_Shutdown() == VMK_BUSY && rc == 0) {
      rc = EXIT_LEAK;
   }
   if (rc == 0) {
      printf("vmkemu: '%s': no resources left behind\n", name);
   }
   return rc;
}

static int
cmd_info(int argc, char **argv)
{
   VMK_ReturnStatus status;
   EmuCtl_ModuleInfo info;
   vmk_ModuleID id;
   int rc = 0;

   if (argc != 1) {
      fprintf(stderr, "vmkemu: info needs one module file\n");
      usage(stderr);
      return EXIT_USAGE;
   }
   if (access(argv[0], R_OK) != 0) {
      fprintf(stderr, "vmkemu: cannot read module '%s': no such file or "
              "not readable\n", argv[0]);
      return EXIT_USAGE;
   }
   status = EmuCtl_Init(NULL);
   if (status != VMK_OK) {
      fprintf(stderr, "vmkemu: cannot start the simulated host: %s\n",
              vmk_StatusToString(status));
      return EXIT_USAGE;
   }
   if (EmuCtl_ModuleLoad(argv[0], 0, NULL, &id) != VMK_OK) {
      EmuCtl_Shutdown();
      return EXIT_USAGE;
   }
   EmuCtl_ModuleGetInfo(id, &info);
   fprintf(stderr, "module %s (%s):\n", info.name, argv[0]);
   if (EmuCtl_ModuleDescribe(id) != VMK_OK) {
      fprintf(stderr, "  (no module information stamps)\n");
   }
   if (EmuCtl_ModuleUnload(id) != VMK_OK) {
      rc = EXIT_LEAK;
   }
   EmuCtl_Shutdown();
   return rc;
}

static int
cmd_stats(int argc)
{
   VMK_ReturnStatus status;

   if (argc != 0) {
      fprintf(stderr, "vmkemu: stats takes no arguments\n");
      usage(stderr);
      return EXIT_USAGE;
   }
   status = EmuCtl_Init(NULL);

   if (status != VMK_OK) {
      fprintf(stderr, "vmkemu: cannot start the simulated host: %s\n",
              vmk_StatusToString(status));
      return EXIT_USAGE;
   }
   EmuCtl_DumpStats(stdout);
   EmuCtl_Shutdown();
   return 0;
}

int
main(int argc, char **argv)
{
   if (argc < 2) {
      usage(stderr);
      return EXIT_USAGE;
   }
   if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
       strcmp(argv[1], "help") == 0) {
      usage(stdout);
      return 0;
   }
   if (strcmp(argv[1], "--version") == 0) {
      printf("vmkemu %s (vmkapi %d.%d.%d.%d, ESXi 6.0 public API)\n",
             EmuCtl_Version(), VMKAPI_REVISION_MAJOR, VMKAPI_REVISION_MINOR,
             VMKAPI_REVISION_UPDATE, VMKAPI_REVISION_PATCH_LEVEL);
      return 0;
   }
   if (strcmp(argv[1], "load") == 0) {
      return cmd_load(argc - 2, argv + 2);
   }
   if (strcmp(argv[1], "info") == 0) {
      return cmd_info(argc - 2, argv + 2);
   }
   if (strcmp(argv[1], "stats") == 0) {
      return cmd_stats(argc - 2);
   }
   if (strcmp(argv[1], "options") == 0) {
      EmuCtl_PrintOptions();
      return 0;
   }
   fprintf(stderr, "vmkemu: unknown command '%s'\n", argv[1]);
   usage(stderr);
   return EXIT_USAGE;
}
