/*
 * test_bugs.c -- the verifier's corpus: every seeded bug is reported with
 * its kind and names the line of the bug; every correct driver runs
 * without a single report.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "bugs.h"
#include "emutest.h"

extern const bug_case_t bug_slab_double_free, bug_heap_double_free,
   bug_heap_leak, bug_slab_leak, bug_wrong_slab, bug_wrong_heap,
   bug_interior_free, bug_overrun, bug_use_after_free, bug_dead_slab,
   bug_lock_rank, bug_unlock_not_held, bug_block_under_spinlock,
   bug_destroy_held_lock, bug_storage_destroy_referenced,
   bug_storage_never_released, bug_timer_leak, bug_sema_leak, bug_log_leak,
   bug_map_leak, bug_pages_leak, bug_lock_leak, bug_pool_leak,
   bug_world_leak, bug_chardev_leak;
extern const bug_case_t clean_slab_case, clean_heap_case, clean_locks_case,
   clean_blocking_case, clean_storage_case, clean_module_case;

static void
set_options(const char *list, const char *value)
{
   char buf[128];
   char *save = NULL;
   char *name;

   if (list == NULL) {
      return;
   }
   snprintf(buf, sizeof buf, "%s", list);
   for (name = strtok_r(buf, ",", &save); name != NULL;
        name = strtok_r(NULL, ",", &save)) {
      assert_vmk_ok(EmuCtl_SetOption(name, value));
   }
}

/* "dir/bug_x.c" -> "bug_x.c" */
static const char *
base(const char *path)
{
   const char *s = strrchr(path, '/');

   return s != NULL ? s + 1 : path;
}

static void
run_case(void **state)
{
   const bug_case_t *c = *state;
   vmk_uint64 live0 = EmuCtl_LiveResources(EMUCTL_RSRC_ANY);
   vmk_uint64 total0 = EmuCtl_ReportCount(EMUCTL_REPORT_NONE);
   vmk_uint64 kind0 = c->kind != 0 ? EmuCtl_ReportCount(c->kind) : 0;
   char report[4096];
   char where[128];

   set_options(c->options, NULL);
   if (c->kind != 0) {
      EmuCtl_ExpectReport(c->kind);
   }
   c->run();
   set_options(c->options, "off");
   if (c->kind == 0) {
      assert_int_equal(EmuCtl_ReportCount(EMUCTL_REPORT_NONE), total0);
   } else {
      assert_reports_met();
      /* Exactly one report, of the right kind. */
      assert_int_equal(EmuCtl_ReportCount(c->kind), kind0 + 1);
      assert_int_equal(EmuCtl_ReportCount(EMUCTL_REPORT_NONE), total0 + 1);
      /* It points at the buggy line of the driver's source. */
      EmuCtl_LastReport(report, sizeof report);
      snprintf(where, sizeof where, "%s:%d", base(c->file), *c->line);
      if (strstr(report, where) == NULL) {
         print_error("report does not name %s:\n%s", where, report);
         fail();
      }
   }
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_ANY), live0);
}

int
main(void)
{
   static const bug_case_t *const cases[] = {
      &bug_slab_double_free,
      &bug_heap_double_free,
      &bug_heap_leak,
      &bug_slab_leak,
      &bug_wrong_slab,
      &bug_wrong_heap,
      &bug_interior_free,
#if !defined(__SANITIZE_ADDRESS__)
      /* AddressSanitizer stops these at the faulty access itself (see
       * memtool.sh), before vmkemu's guards and fill checks could. */
      &bug_overrun,
      &bug_use_after_free,
#endif
      &bug_dead_slab,
      &bug_lock_rank,
      &bug_unlock_not_held,
      &bug_block_under_spinlock,
      &bug_destroy_held_lock,
      &bug_storage_destroy_referenced,
      &bug_storage_never_released,
      &bug_timer_leak,
      &bug_sema_leak,
      &bug_log_leak,
      &bug_map_leak,
      &bug_pages_leak,
      &bug_lock_leak,
      &bug_pool_leak,
      &bug_world_leak,
      &bug_chardev_leak,
      &clean_slab_case,
      &clean_heap_case,
      &clean_locks_case,
      &clean_blocking_case,
      &clean_storage_case,
      &clean_module_case,
   };
   enum { N = sizeof cases / sizeof cases[0] };
   struct CMUnitTest tests[N];
   unsigned i;

   /* One test per driver, named after it. */
   memset(tests, 0, sizeof tests);
   for (i = 0; i < N; i++) {
      tests[i].name = cases[i]->name;
      tests[i].test_func = run_case;
      tests[i].initial_state = (void *)cases[i];
   }
   return _cmocka_run_group_tests("bugs", tests, N, emutest_group_setup,
                                  emutest_group_teardown);
}
