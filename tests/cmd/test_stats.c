/*
 * test_stats.c -- the host tables (EmuCtl_DumpStats / EmuCtl_FormatStats)
 * and running a loaded module's entry points in fresh worlds
 * (EmuCtl_ModuleSetCallMode), as `vmkemu load` does.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

#define STATS_BUF (256 * 1024)

/* One row of the table, as text columns. */
typedef struct row {
   char name[64];
   char kind[16];
   char owner[64];
   char objsize[32];
   char inuse[32];
   char total[32];
   char allocs[32];
   char fails[32];
   char bytes[32];
} row_t;

/* Find the first row named name of kind kind; 0 when found. */
static int
find_row(const char *text, const char *name, const char *kind, row_t *r)
{
   const char *line = text;

   while (line != NULL && *line != '\0') {
      const char *nl = strchr(line, '\n');
      char buf[512];
      size_t n = nl != NULL ? (size_t)(nl - line) : strlen(line);

      if (n >= sizeof buf) {
         n = sizeof buf - 1;
      }
      memcpy(buf, line, n);
      buf[n] = '\0';
      memset(r, 0, sizeof *r);
      if (sscanf(buf, "%63s %15s %63s %31s %31s %31s %31s %31s %31s",
                 r->name, r->kind, r->owner, r->objsize, r->inuse, r->total,
                 r->allocs, r->fails, r->bytes) == 9 &&
          strcmp(r->name, name) == 0 && strcmp(r->kind, kind) == 0) {
         return 0;
      }
      line = nl != NULL ? nl + 1 : NULL;
   }
   return -1;
}

static char *
stats_text(void)
{
   char *buf = malloc(STATS_BUF);
   vmk_uint64 len;

   assert_non_null(buf);
   len = EmuCtl_FormatStats(buf, STATS_BUF);
   assert_true(len > 0 && len < STATS_BUF);
   assert_int_equal(strlen(buf), len);
   return buf;
}

static vmk_SlabID
make_slab(const char *name, vmk_ByteCount size)
{
   vmk_SlabCreateProps props;
   vmk_SlabID slab;

   memset(&props, 0, sizeof props);
   props.type = VMK_SLAB_TYPE_SIMPLE;
   vmk_NameInitialize(&props.name, name);
   props.module = vmk_ModuleCurrentID;
   props.objSize = size;
   props.alignment = 8;
   props.ctrlOffset = 0;
   props.maxObj = VMK_SLAB_MAX_UNLIMITED;
   props.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   assert_vmk_ok(vmk_SlabCreate(&props, &slab));
   return slab;
}

static vmk_HeapID
make_heap(const char *name)
{
   vmk_HeapCreateProps props;
   vmk_HeapID heap;

   memset(&props, 0, sizeof props);
   props.type = VMK_HEAP_TYPE_SIMPLE;
   vmk_NameInitialize(&props.name, name);
   props.module = vmk_ModuleCurrentID;
   props.initial = 0;
   props.max = 1024 * 1024;
   props.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   assert_vmk_ok(vmk_HeapCreate(&props, &heap));
   return heap;
}

static void
test_stats_table_lists_a_slab_and_a_heap_with_their_counts(void **state)
{
   vmk_SlabID slab = make_slab("stat_slab", 100);
   vmk_HeapID heap = make_heap("stat_heap");
   void *obj[3];
   void *mem[2];
   char *text;
   row_t r;
   int i;

   (void)state;
   for (i = 0; i < 3; i++) {
      obj[i] = vmk_SlabAlloc(slab);
      assert_non_null(obj[i]);
   }
   mem[0] = vmk_HeapAlloc(heap, 50);
   mem[1] = vmk_HeapAlloc(heap, 10000);
   assert_non_null(mem[0]);
   assert_non_null(mem[1]);

   text = stats_text();
   assert_int_equal(find_row(text, "stat_slab", "slab", &r), 0);
   assert_int_equal(strtoull(r.objsize, NULL, 10), 100);
   assert_int_equal(strtoull(r.inuse, NULL, 10), 3);
   assert_true(strtoull(r.total, NULL, 10) >= 3);
   assert_string_equal(r.fails, "0");
   assert_true(strtoull(r.bytes, NULL, 10) >= 300);
   assert_int_equal(find_row(text, "stat_heap", "heap", &r), 0);
   assert_int_equal(strtoull(r.inuse, NULL, 10), 2);
   assert_true(strtoull(r.bytes, NULL, 10) >= 10050);
   assert_string_equal(r.fails, "0");
   /* The heap's memory is an arena row of the same name. */
   assert_int_equal(find_row(text, "stat_heap", "arena", &r), 0);
   assert_true(strtoull(r.inuse, NULL, 10) >= 10000);
   free(text);

   /* Frees show at once; a refused allocation is counted. */
   vmk_SlabFree(slab, obj[2]);
   vmk_HeapFree(heap, mem[1]);
   assert_null(vmk_HeapAlloc(heap, 4 * 1024 * 1024));
   text = stats_text();
   assert_int_equal(find_row(text, "stat_slab", "slab", &r), 0);
   assert_int_equal(strtoull(r.inuse, NULL, 10), 2);
   assert_int_equal(find_row(text, "stat_heap", "heap", &r), 0);
   assert_int_equal(strtoull(r.inuse, NULL, 10), 1);
   assert_int_equal(strtoull(r.fails, NULL, 10), 1);
   free(text);

   vmk_SlabFree(slab, obj[0]);
   vmk_SlabFree(slab, obj[1]);
   vmk_HeapFree(heap, mem[0]);
   assert_vmk_ok(vmk_SlabDestroy(slab));
   vmk_HeapDestroy(heap);
   text = stats_text();
   assert_int_not_equal(find_row(text, "stat_slab", "slab", &r), 0);
   assert_int_not_equal(find_row(text, "stat_heap", "heap", &r), 0);
   free(text);
}

static void
test_stats_table_lists_pools_arenas_and_worlds(void **state)
{
   vmk_MemPoolProps props;
   vmk_MemPool pool;
   vmk_WorldID wid;
   char *text;
   row_t r;

   (void)state;
   memset(&props, 0, sizeof props);
   vmk_NameInitialize(&props.name, "stat_pool");
   props.module = vmk_ModuleCurrentID;
   props.parentMemPool = VMK_MEMPOOL_INVALID;
   props.memPoolType = VMK_MEM_POOL_LEAF;
   props.resourceProps.reservation = 0;
   props.resourceProps.limit = 64;
   assert_vmk_ok(vmk_MemPoolCreate(&props, &pool));
   assert_vmk_ok(EmuCtl_WorldCreateSimulated("stat_world", &wid));

   text = stats_text();
   assert_int_equal(find_row(text, "stat_pool", "pool", &r), 0);
   assert_string_equal(r.objsize, "4096");
   assert_string_equal(r.inuse, "0");
   assert_string_equal(r.total, "64");
   assert_int_equal(find_row(text, "machine", "arena", &r), 0);
   assert_string_equal(r.objsize, "4096");
   assert_non_null(strstr(text, "stat_world"));
   assert_non_null(strstr(text, "simulated"));
   free(text);

   assert_vmk_ok(EmuCtl_WorldKill(wid));
   assert_vmk_ok(vmk_MemPoolDestroy(pool));
   text = stats_text();
   assert_int_not_equal(find_row(text, "stat_pool", "pool", &r), 0);
   assert_null(strstr(text, "stat_world"));
   free(text);
}

static void
test_stats_format_cuts_and_tells_the_whole_length(void **state)
{
   char small[16];
   vmk_uint64 whole;

   (void)state;
   whole = EmuCtl_FormatStats(NULL, 0);
   assert_true(whole > sizeof small);
   memset(small, 'x', sizeof small);
   assert_int_equal(EmuCtl_FormatStats(small, sizeof small), whole);
   assert_int_equal(strlen(small), sizeof small - 1);
   assert_int_equal(EmuCtl_FormatStats(small, 1), whole);
   assert_string_equal(small, "");
}

static void
test_stats_dump_writes_the_same_table_to_a_stream(void **state)
{
   FILE *f = tmpfile();
   char *text;
   char *got;
   long len;

   (void)state;
   assert_non_null(f);
   text = stats_text();
   assert_true(EmuCtl_DumpStats(f) > 0);
   len = ftell(f);
   assert_int_equal(len, (long)strlen(text));
   got = calloc(1, (size_t)len + 1);
   assert_non_null(got);
   rewind(f);
   assert_int_equal(fread(got, 1, (size_t)len, f), (size_t)len);
   /* The same header and the same first row (figures may move). */
   assert_int_equal(strncmp(got, text, (size_t)(strchr(text, '\n') - text)),
                    0);
   free(got);
   free(text);
   fclose(f);
}

static void
module_path(char *buf, size_t len, const char *mod)
{
   const char *top = getenv("top_builddir");

   snprintf(buf, len, "%s/tests/cmd/.libs/%s.so", top != NULL ? top : ".",
            mod);
}

static void
test_module_entry_points_run_in_fresh_worlds(void **state)
{
   char path[1024];
   vmk_ModuleID id;
   VMK_ReturnStatus init;
   int result;

   (void)state;
   module_path(path, sizeof path, "mod_ok");
   assert_vmk_ok(EmuCtl_ModuleLoad(path, 0, NULL, &id));
   assert_vmk_status(EmuCtl_ModuleSetCallMode(id, (EmuCtl_ModuleCallMode)7),
                     VMK_BAD_PARAM);
   assert_vmk_ok(EmuCtl_ModuleSetCallMode(id, EMUCTL_MODULE_CALL_IN_WORLD));
   EmuCtl_LogCaptureStart();
   assert_vmk_ok(EmuCtl_ModuleCallInit(id, &init));
   assert_vmk_ok(init);
   assert_vmk_ok(EmuCtl_ModuleRunScenario(id, &result));
   assert_int_equal(result, 0);
   assert_vmk_ok(EmuCtl_ModuleUnload(id));
   EmuCtl_LogCaptureStop();
   /* Each ran as its own world, named after the module and entry point. */
   assert_true(EmuCtl_LogContains("'mod_ok:init'"));
   assert_true(EmuCtl_LogContains("'mod_ok:scenario'"));
   assert_true(EmuCtl_LogContains("'mod_ok:cleanup'"));
}

static void
test_module_call_mode_of_unknown_module_is_not_found(void **state)
{
   (void)state;
   assert_vmk_status(EmuCtl_ModuleSetCallMode(999, EMUCTL_MODULE_CALL_HERE),
                     VMK_NOT_FOUND);
}

static void
test_module_leak_in_a_world_is_kept_until_freed(void **state)
{
   char path[1024];
   char *params[] = { "leak=log" };
   vmk_ModuleID id;
   VMK_ReturnStatus init;
   EmuCtl_ModuleInfo info;
   vmk_LogComponent left;
   vmk_Name name;
   char *text;
   row_t r;

   (void)state;
   module_path(path, sizeof path, "mod_leak");
   assert_vmk_ok(EmuCtl_ModuleLoad(path, 1, params, &id));
   assert_vmk_ok(EmuCtl_ModuleSetCallMode(id, EMUCTL_MODULE_CALL_IN_WORLD));
   assert_vmk_ok(EmuCtl_ModuleCallInit(id, &init));
   assert_vmk_ok(init);
   /* While loaded, its heap shows in the table under its name. */
   text = stats_text();
   assert_int_equal(find_row(text, "mod_leak_heap", "heap", &r), 0);
   assert_string_equal(r.owner, "mod_leak");
   assert_string_equal(r.inuse, "1");
   assert_int_equal(find_row(text, "mod_leak_slab", "slab", &r), 0);
   assert_string_equal(r.owner, "mod_leak");
   assert_string_equal(r.inuse, "1");
   free(text);
   assert_vmk_status(EmuCtl_ModuleUnload(id),
                     VMK_MODULE_CONSUMED_RESOURCE_COUNT_NOT_ZERO);
   assert_int_equal(EmuCtl_ModuleLiveResources(id, EMUCTL_RSRC_LOG), 1);
   assert_vmk_ok(EmuCtl_ModuleGetInfo(id, &info));
   assert_int_equal(info.liveResources, 1);
   /* The test frees the leftover, then the unload completes. */
   memset(&name, 0, sizeof name);
   snprintf(name.string, sizeof name.string, "mod_leak_log");
   assert_vmk_ok(vmk_LogFindLogComponentByName(id, &name, &left));
   assert_vmk_ok(vmk_LogUnregister(left));
   assert_vmk_ok(EmuCtl_ModuleUnload(id));
}

int
main(void)
{
   const struct CMUnitTest stats_tests[] = {
      cmocka_unit_test(
         test_stats_table_lists_a_slab_and_a_heap_with_their_counts),
      cmocka_unit_test(test_stats_table_lists_pools_arenas_and_worlds),
      cmocka_unit_test(test_stats_format_cuts_and_tells_the_whole_length),
      cmocka_unit_test(test_stats_dump_writes_the_same_table_to_a_stream),
      cmocka_unit_test(test_module_entry_points_run_in_fresh_worlds),
      cmocka_unit_test(test_module_call_mode_of_unknown_module_is_not_found),
      cmocka_unit_test(test_module_leak_in_a_world_is_kept_until_freed),
   };

   return cmocka_run_group_tests(stats_tests, emutest_group_setup,
                                 emutest_group_teardown);
}
