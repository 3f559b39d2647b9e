/*
 * test_vmem_qcache.c -- vmem quantum caches on the slab engine
 * (emu/mem/qcache.c), with EmuCtl_Init having started the engines.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

#include "core/report.h"
#include "host/host.h"
#include "mem/vmem.h"

#define PG 4096ul
#define NQ 200

static void
assert_sane(emu_vmem_t *vmp)
{
   char why[256] = "";

   if (emu_vmem_verify(vmp, why, sizeof why) != 0) {
      fail_msg("arena invariant broken: %s", why);
   }
}

static emu_vmem_t *
mk_qc(const char *name, size_t npages, size_t qmax)
{
   emu_vmem_props_t p;
   emu_vmem_t *vmp = NULL;

   memset(&p, 0, sizeof p);
   p.name = name;
   p.base = 0x100000;
   p.size = npages * PG;
   p.quantum = PG;
   p.qcache_max = qmax;
   assert_int_equal(emu_vmem_create(&p, &vmp), EMU_OK);
   return vmp;
}

static emu_vmem_stats_t
stats(emu_vmem_t *vmp)
{
   emu_vmem_stats_t st;

   emu_vmem_stats(vmp, &st);
   return st;
}

static void
test_qcache_allocations_are_aligned_distinct_and_inside(void **state)
{
   emu_vmem_t *vmp = mk_qc("qc_distinct", 4096, 4 * PG);
   uintptr_t a[NQ];
   size_t sz[NQ];
   int i;

   (void)state;
   /* The engine registered its ops: the arena has caches from create. */
   assert_int_equal(emu_vmem_qcache_enable(vmp), EMU_OK);
   for (i = 0; i < NQ; i++) {
      sz[i] = (size_t)(1 + i % 4) * PG;
      assert_int_equal(emu_vmem_alloc(vmp, sz[i], EMU_VM_NOSLEEP, &a[i]),
                       EMU_OK);
      assert_int_equal(a[i] % PG, 0);
      assert_true(a[i] >= 0x100000 && a[i] + sz[i] <= 0x100000 + 4096 * PG);
   }
   for (i = 0; i < NQ; i++) {
      int j;

      for (j = i + 1; j < NQ; j++) {
         /* no two overlap */
         assert_true(a[i] + sz[i] <= a[j] || a[j] + sz[j] <= a[i]);
      }
   }
   assert_sane(vmp);
   for (i = 0; i < NQ; i++) {
      emu_vmem_free(vmp, a[i], sz[i]);
   }
   assert_sane(vmp);
   emu_vmem_destroy(vmp);
}

static void
test_qcache_segments_are_counted_by_the_arena_and_reused(void **state)
{
   emu_vmem_t *vmp = mk_qc("qc_stats", 1024, 2 * PG);
   emu_vmem_stats_t st0;
   emu_vmem_stats_t st1;
   emu_vmem_stats_t st2;
   uintptr_t a;
   uintptr_t b;

   (void)state;
   st0 = stats(vmp);
   assert_int_equal(st0.st_inuse, 0);
   assert_int_equal(emu_vmem_alloc(vmp, PG, EMU_VM_NOSLEEP, &a), EMU_OK);
   st1 = stats(vmp);
   /* The cache filled a slab's worth of boxes: the arena counts all of
    * their segments as allocated, at least the one we hold. */
   assert_true(st1.st_inuse >= PG);
   assert_true(st1.st_nalloc_segs >= 1);
   assert_int_equal(st1.st_inuse % PG, 0);
   emu_vmem_free(vmp, a, PG);
   /* Freed back into the cache, not the arena. */
   st2 = stats(vmp);
   assert_int_equal(st2.st_inuse, st1.st_inuse);
   assert_int_equal(st2.st_free, st1.st_free);
   /* The next allocation of that size comes from the cache: the arena sees
    * no new allocation. */
   assert_int_equal(emu_vmem_alloc(vmp, PG, EMU_VM_NOSLEEP, &b), EMU_OK);
   assert_int_equal(stats(vmp).st_alloc, st1.st_alloc);
   assert_int_equal(b, a);                     /* LIFO: still warm */
   emu_vmem_free(vmp, b, PG);
   /* Sizes above qcache_max and bypassing requests go to the arena. */
   assert_int_equal(emu_vmem_alloc(vmp, 3 * PG, EMU_VM_NOSLEEP, &a), EMU_OK);
   assert_int_equal(stats(vmp).st_alloc, st1.st_alloc + 1);
   emu_vmem_free(vmp, a, 3 * PG);
   assert_int_equal(emu_vmem_alloc(vmp, PG,
                                   EMU_VM_NOSLEEP | EMU_VM_BYPASS_QCACHE, &a),
                    EMU_OK);
   assert_int_equal(stats(vmp).st_alloc, st1.st_alloc + 2);
   emu_vmem_free(vmp, a, PG);                  /* not the cache's: arena */
   assert_int_equal(stats(vmp).st_free, st1.st_free + 2);
   assert_sane(vmp);
   emu_vmem_destroy(vmp);
}

static void
test_qcache_destroy_gives_cached_segments_back(void **state)
{
   emu_vmem_t *src = mk_qc("qc_src", 256, 0);
   emu_vmem_props_t p;
   emu_vmem_t *vmp = NULL;
   uintptr_t a[8];
   int i;

   (void)state;
   /* An importing arena with caches: after destroy every import is back. */
   memset(&p, 0, sizeof p);
   p.name = "qc_imp";
   p.quantum = PG;
   p.qcache_max = 2 * PG;
   p.import = emu_vmem_source_alloc;
   p.release = emu_vmem_source_free;
   p.source = src;
   p.import_min = 16 * PG;
   assert_int_equal(emu_vmem_create(&p, &vmp), EMU_OK);
   for (i = 0; i < 8; i++) {
      assert_int_equal(emu_vmem_alloc(vmp, (size_t)(1 + i % 2) * PG,
                                      EMU_VM_NOSLEEP, &a[i]), EMU_OK);
   }
   for (i = 0; i < 8; i++) {
      emu_vmem_free(vmp, a[i], (size_t)(1 + i % 2) * PG);
   }
   assert_true(stats(src).st_inuse > 0);        /* held by the caches */
   emu_vmem_destroy(vmp);
   assert_int_equal(stats(src).st_inuse, 0);
   assert_sane(src);
   emu_vmem_destroy(src);
}

static void
test_qcache_destroy_with_live_objects_reports_them(void **state)
{
   emu_vmem_t *vmp = mk_qc("qc_leak", 1024, 2 * PG);
   uintptr_t a;
   uintptr_t b;
   char last[4096];
   char hex[32];

   (void)state;
   assert_int_equal(emu_vmem_alloc(vmp, PG, EMU_VM_NOSLEEP, &a), EMU_OK);
   assert_int_equal(emu_vmem_alloc(vmp, 2 * PG, EMU_VM_NOSLEEP, &b), EMU_OK);
   emu_vmem_free(vmp, b, 2 * PG);               /* cached, not live */
   emu_report_expect(EMU_RPT_LEAK);
   emu_vmem_destroy(vmp);
   assert_int_equal(emu_report_check(NULL, 0), 0);
   emu_report_last(last, sizeof last);
   assert_non_null(strstr(last, "qc_leak"));
   assert_non_null(strstr(last, "1 live segment"));
   snprintf(hex, sizeof hex, "%#lx", (unsigned long)a);
   assert_non_null(strstr(last, hex));
}

static void
test_qcache_bad_and_double_frees_are_reported(void **state)
{
   emu_vmem_t *vmp = mk_qc("qc_bad", 1024, 2 * PG);
   uintptr_t a;
   emu_vmem_stats_t st;

   (void)state;
   assert_int_equal(emu_vmem_alloc(vmp, PG, EMU_VM_NOSLEEP, &a), EMU_OK);
   st = stats(vmp);
   emu_report_expect(EMU_RPT_BAD_SEGMENT);
   emu_vmem_free(vmp, 0x100000 + 900 * PG, PG);  /* never allocated */
   assert_int_equal(emu_report_check(NULL, 0), 0);
   emu_vmem_free(vmp, a, PG);
   emu_report_expect(EMU_RPT_BAD_SEGMENT);
   emu_vmem_free(vmp, a, PG);                   /* second free: in the cache */
   assert_int_equal(emu_report_check(NULL, 0), 0);
   assert_int_equal(stats(vmp).st_inuse, st.st_inuse);  /* nothing changed */
   assert_sane(vmp);
   emu_vmem_destroy(vmp);
}

static void
test_qcache_falls_back_to_the_arena_when_full(void **state)
{
   /* 12 pages, caches for 1 page: slabs of 8 boxes fill fast. */
   emu_vmem_t *vmp = mk_qc("qc_full", 12, PG);
   uintptr_t a[12];
   uintptr_t x;
   int i;

   (void)state;
   for (i = 0; i < 12; i++) {
      assert_int_equal(emu_vmem_alloc(vmp, PG, EMU_VM_NOSLEEP, &a[i]),
                       EMU_OK);
   }
   assert_int_equal(emu_vmem_alloc(vmp, PG, EMU_VM_NOSLEEP, &x), EMU_NOMEM);
   for (i = 0; i < 12; i++) {
      emu_vmem_free(vmp, a[i], PG);
   }
   /* Everything is cached or free: a request for the whole arena fits
    * once the cache gives its segments back. */
   assert_int_equal(emu_vmem_alloc(vmp, 12 * PG, EMU_VM_NOSLEEP, &x), EMU_OK);
   assert_int_equal(x, 0x100000);
   emu_vmem_free(vmp, x, 12 * PG);
   assert_int_equal(emu_vmem_alloc(vmp, PG, EMU_VM_NOSLEEP, &x), EMU_OK);
   emu_vmem_free(vmp, x, PG);
   assert_sane(vmp);
   emu_vmem_destroy(vmp);
}

struct sleeper {
   emu_vmem_t *vmp;
   uintptr_t   addr;
   emu_status_t st;
};

static void *
sleeper_main(void *arg)
{
   struct sleeper *s = arg;

   s->st = emu_vmem_alloc(s->vmp, PG, EMU_VM_SLEEP, &s->addr);
   return NULL;
}

static void
test_qcache_free_wakes_a_sleeping_allocation(void **state)
{
   emu_vmem_t *vmp = mk_qc("qc_sleep", 8, PG);
   uintptr_t a[8];
   struct sleeper s;
   pthread_t t;
   int i;

   (void)state;
   for (i = 0; i < 8; i++) {
      assert_int_equal(emu_vmem_alloc(vmp, PG, EMU_VM_NOSLEEP, &a[i]),
                       EMU_OK);
   }
   s.vmp = vmp;
   s.st = EMU_FAILURE;
   assert_int_equal(pthread_create(&t, NULL, sleeper_main, &s), 0);
   while (!emu_vmem_has_waiters(vmp)) {
      emu_clock_sleep_ns(1000000);
   }
   emu_vmem_free(vmp, a[3], PG);
   assert_int_equal(pthread_join(t, NULL), 0);
   assert_int_equal(s.st, EMU_OK);
   assert_int_equal(s.addr, a[3]);
   a[3] = s.addr;
   for (i = 0; i < 8; i++) {
      emu_vmem_free(vmp, a[i], PG);
   }
   assert_sane(vmp);
   emu_vmem_destroy(vmp);
}

struct churn {
   emu_vmem_t *vmp;
   int         seed;
   int         bad;
};

static void *
churn_main(void *arg)
{
   struct churn *c = arg;
   uintptr_t held[32];
   size_t sz[32];
   unsigned x = (unsigned)c->seed;
   int i;

   memset(held, 0, sizeof held);
   for (i = 0; i < 20000; i++) {
      int k;

      x = x * 1103515245u + 12345u;
      k = (int)((x >> 8) % 32);
      if (held[k] != 0) {
         emu_vmem_free(c->vmp, held[k], sz[k]);
         held[k] = 0;
      } else {
         sz[k] = (size_t)(1 + (x >> 20) % 4) * PG;
         if (emu_vmem_alloc(c->vmp, sz[k], EMU_VM_NOSLEEP, &held[k]) !=
             EMU_OK) {
            c->bad++;
            held[k] = 0;
         }
      }
   }
   for (i = 0; i < 32; i++) {
      if (held[i] != 0) {
         emu_vmem_free(c->vmp, held[i], sz[i]);
      }
   }
   return NULL;
}

static void
test_qcache_threads_share_an_arena(void **state)
{
   emu_vmem_t *vmp = mk_qc("qc_mt", 8192, 4 * PG);
   struct churn c[3];
   pthread_t t[3];
   int i;

   (void)state;
   for (i = 0; i < 3; i++) {
      c[i].vmp = vmp;
      c[i].seed = i + 1;
      c[i].bad = 0;
      assert_int_equal(pthread_create(&t[i], NULL, churn_main, &c[i]), 0);
   }
   for (i = 0; i < 3; i++) {
      assert_int_equal(pthread_join(t[i], NULL), 0);
      assert_int_equal(c[i].bad, 0);
   }
   assert_sane(vmp);
   emu_vmem_destroy(vmp);                        /* no leak report */
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_qcache_allocations_are_aligned_distinct_and_inside),
      cmocka_unit_test(test_qcache_segments_are_counted_by_the_arena_and_reused),
      cmocka_unit_test(test_qcache_destroy_gives_cached_segments_back),
      cmocka_unit_test(test_qcache_destroy_with_live_objects_reports_them),
      cmocka_unit_test(test_qcache_bad_and_double_frees_are_reported),
      cmocka_unit_test(test_qcache_falls_back_to_the_arena_when_full),
      cmocka_unit_test(test_qcache_free_wakes_a_sleeping_allocation),
      cmocka_unit_test(test_qcache_threads_share_an_arena),
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
