/*
 * vmkemu.c -- the vmkemu command: load a driver module the way vmkload_mod
 * would, on the simulated host, and tell what it left behind.
 *
 *    vmkemu load [--for SECONDS] [--no-debug] MODULE.so [param=value ...]
 *    vmkemu options
 *    vmkemu --help | --version
 *
 * `load` is a test harness, so it turns the audit, guards and contents
 * checks on unless --no-debug is given.  It runs init_module, then the
 * module's optional `vmkemu_scenario` (an int (void) function), or waits
 * --for SECONDS, then cleanup_module, then lists every resource the module
 * did not free.  Exit status: 0 clean; 1 usage or load error; 2 init_module
 * failed; 3 resources leaked; 86 a report stopped the run.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emuctl.h"

#define EXIT_USAGE 1
#define EXIT_INIT 2
#define EXIT_LEAK 3

typedef int (*vmkemu_init_fn)(void);
typedef void (*vmkemu_cleanup_fn)(void);
typedef int (*vmkemu_scenario_fn)(void);

static void
usage(FILE *out)
{
   fprintf(out,
           "usage: vmkemu load [--for SECONDS] [--no-debug] MODULE.so "
           "[param=value ...]\n"
           "       vmkemu options\n"
           "       vmkemu --help | --version\n"
           "\n"
           "Runs an ESXi driver module on the vmkemu simulated host:\n"
           "init_module, its vmkemu_scenario (if any) or a wait of\n"
           "--for SECONDS, cleanup_module, then a leak check.\n"
           "\n"
           "Environment: VMKEMU_DEBUG (debug options, see `vmkemu options`),\n"
           "VMKEMU_MACHINE_MEM (simulated machine memory, e.g. 512M).\n"
           "\n"
           "Exit status: 0 clean, 1 usage or load error, 2 init_module "
           "failed,\n3 resources leaked, %d a driver-bug report stopped "
           "the run.\n", EMUCTL_REPORT_EXIT_CODE);
}

static int
cmd_load(int argc, char **argv)
{
   const char *path = NULL;
   char file[4096];
   double wait_s = 0;
   int debug = 1;
   void *dl;
   vmkemu_init_fn init;
   vmkemu_cleanup_fn cleanup;
   vmkemu_scenario_fn scenario;
   EmuCtl_InitProps props;
   VMK_ReturnStatus status;
   int rc;
   int i;

   for (i = 0; i < argc; i++) {
      if (strcmp(argv[i], "--for") == 0 && i + 1 < argc) {
         wait_s = atof(argv[++i]);
      } else if (strcmp(argv[i], "--no-debug") == 0) {
         debug = 0;
      } else if (argv[i][0] == '-') {
         fprintf(stderr, "vmkemu: unknown option %s\n", argv[i]);
         usage(stderr);
         return EXIT_USAGE;
      } else if (path == NULL) {
         path = argv[i];
      } else if (strchr(argv[i], '=') == NULL) {
         fprintf(stderr, "vmkemu: module parameter '%s' is not "
                 "name=value\n", argv[i]);
         return EXIT_USAGE;
      }
      /* name=value parameters are applied by the module layer (later). */
   }
   if (path == NULL) {
      fprintf(stderr, "vmkemu: load needs a module file\n");
      usage(stderr);
      return EXIT_USAGE;
   }
   if (access(path, R_OK) != 0) {
      fprintf(stderr, "vmkemu: cannot read module '%s'\n", path);
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

   /* A bare file name means the file here, not a library search. */
   snprintf(file, sizeof file, "%s%s", strchr(path, '/') != NULL ? "" : "./",
            path);
   dl = dlopen(file, RTLD_NOW | RTLD_LOCAL);
   if (dl == NULL) {
      fprintf(stderr, "vmkemu: cannot load '%s': %s\n", path, dlerror());
      EmuCtl_Shutdown();
      return EXIT_USAGE;
   }
   init = (vmkemu_init_fn)dlsym(dl, "init_module");
   cleanup = (vmkemu_cleanup_fn)dlsym(dl, "cleanup_module");
   scenario = (vmkemu_scenario_fn)dlsym(dl, "vmkemu_scenario");
   if (init == NULL) {
      fprintf(stderr, "vmkemu: '%s' has no init_module: not a driver "
              "module\n", path);
      dlclose(dl);
      EmuCtl_Shutdown();
      return EXIT_USAGE;
   }

   printf("vmkemu: loading %s\n", path);
   status = (VMK_ReturnStatus)init();
   if (status != VMK_OK) {
      fprintf(stderr, "vmkemu: init_module of '%s' failed: %s (0x%x)\n",
              path, vmk_StatusToString(status), (unsigned)status);
      rc = EXIT_INIT;
   } else {
      rc = 0;
      if (scenario != NULL) {
         int s = scenario();

         printf("vmkemu: scenario returned %d\n", s);
         if (s != 0) {
            rc = EXIT_INIT;
         }
      } else if (wait_s > 0) {
         usleep((useconds_t)(wait_s * 1e6));
      }
      if (cleanup != NULL) {
         cleanup();
      }
      printf("vmkemu: unloaded %s\n", path);
   }
   dlclose(dl);

   if (EmuCtl_Shutdown() == VMK_BUSY) {
      fprintf(stderr, "vmkemu: '%s' left resources behind (listed "
              "above)\n", path);
      if (rc == 0) {
         rc = EXIT_LEAK;
      }
   } else if (rc == 0) {
      printf("vmkemu: %s: no resources left behind\n", path);
   }
   return rc;
}

int
main(int argc, char **argv)
{
   if (argc < 2) {
      usage(stderr);
      return EXIT_USAGE;
   }
   if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
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
   if (strcmp(argv[1], "options") == 0) {
      EmuCtl_PrintOptions();
      return 0;
   }
   fprintf(stderr, "vmkemu: unknown command '%s'\n", argv[1]);
   usage(stderr);
   return EXIT_USAGE;
}
