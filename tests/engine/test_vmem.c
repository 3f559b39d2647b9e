/*
 * test_vmem.c -- unit tests of the vmem arena, one behaviour each.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/report.h"
#include "host/host.h"
#include "mem/vmem.h"

#define PG 4096ul

static void
assert_sane(emu_vmem_t *vmp)
{
   char why[256] = "";

   if (emu_vmem_verify(vmp, why, sizeof why) != 0) {
      fail_msg("arena invariant broken: %s", why);
   }
}

static emu_vmem_t *
mk(uintptr_t base, size_t size, size_t quantum)
{
   emu_vmem_props_t p;
   emu_vmem_t *vmp = NULL;

   memset(&p, 0, sizeof p);
   p.name = "test";
   p.base = base;
   p.size = size;
   p.quantum = quantum;
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
test_vmem_create_rejects_bad_props(void **state)
{
   emu_vmem_props_t p;
   emu_vmem_t *vmp;

   (void)state;
   memset(&p, 0, sizeof p);
   p.quantum = 3;
   assert_int_equal(emu_vmem_create(&p, &vmp), EMU_BADPARAM);
   p.quantum = 0;
   assert_int_equal(emu_vmem_create(&p, &vmp), EMU_BADPARAM);
   p.quantum = PG;
   p.base = 100;
   p.size = PG;
   assert_int_equal(emu_vmem_create(&p, &vmp), EMU_BADPARAM);
   p.base = 0;
   p.size = 100;
   assert_int_equal(emu_vmem_create(&p, &vmp), EMU_BADPARAM);
   p.size = PG;
   p.policy = EMU_VM_BESTFIT | EMU_VM_NEXTFIT;
   assert_int_equal(emu_vmem_create(&p, &vmp), EMU_BADPARAM);
   p.policy = 0;
   p.base = UINTPTR_MAX - PG + 1;
   p.size = 2 * PG;
   assert_int_equal(emu_vmem_create(&p, &vmp), EMU_BADPARAM);
   assert_int_equal(emu_vmem_create(NULL, &vmp), EMU_BADPARAM);
}

static void
test_vmem_alloc_rejects_bad_size_and_flags(void **state)
{
   emu_vmem_t *vmp = mk(0x100000, 64 * PG, PG);
   uintptr_t a;

   (void)state;
   assert_int_equal(emu_vmem_alloc(vmp, 0, EMU_VM_NOSLEEP, &a), EMU_BADPARAM);
   assert_int_equal(emu_vmem_alloc(vmp, PG + 1, EMU_VM_NOSLEEP, &a),
                    EMU_BADPARAM);
   assert_int_equal(emu_vmem_alloc(vmp, PG, 0, &a), EMU_BADPARAM);
   assert_int_equal(emu_vmem_alloc(vmp, PG, EMU_VM_SLEEP | EMU_VM_NOSLEEP, &a),
                    EMU_BADPARAM);
   assert_int_equal(emu_vmem_alloc(vmp, PG, EMU_VM_NOSLEEP | EMU_VM_BESTFIT |
                                    EMU_VM_NEXTFIT, &a), EMU_BADPARAM);
   assert_int_equal(emu_vmem_alloc(vmp, PG, EMU_VM_NOSLEEP | 0x8000, &a),
                    EMU_BADPARAM);
   /* the instant-fit flags have a fast check of their own */
   assert_int_equal(emu_vmem_alloc(vmp, PG, EMU_VM_INSTANTFIT, &a),
                    EMU_BADPARAM);
   assert_int_equal(emu_vmem_alloc(vmp, PG, EMU_VM_SLEEP | EMU_VM_NOSLEEP |
                                    EMU_VM_INSTANTFIT, &a), EMU_BADPARAM);
   assert_int_equal(emu_vmem_alloc(vmp, PG, EMU_VM_NOSLEEP |
                                    EMU_VM_INSTANTFIT | EMU_VM_BESTFIT, &a),
                    EMU_BADPARAM);
   assert_int_equal(emu_vmem_alloc(vmp, PG, EMU_VM_NOSLEEP |
                                    EMU_VM_INSTANTFIT | 0x8000, &a),
                    EMU_BADPARAM);
   assert_int_equal(emu_vmem_alloc(vmp, PG, EMU_VM_NOSLEEP, NULL),
                    EMU_BADPARAM);
   assert_int_equal(stats(vmp).st_inuse, 0);
   assert_sane(vmp);
   emu_vmem_destroy(vmp);
}

static void
test_vmem_alloc_free_coalesces_back_to_one_segment(void **state)
{
   emu_vmem_t *vmp = mk(0x100000, 64 * PG, PG);
   uintptr_t a[8];
   int i;
   emu_vmem_stats_t st;

   (void)state;
   for (i = 0; i < 8; i++) {
      assert_int_equal(emu_vmem_alloc(vmp, (size_t)(i + 1) * PG,
                                      EMU_VM_NOSLEEP, &a[i]), EMU_OK);
      assert_true(a[i] >= 0x100000 && a[i] + (i + 1) * PG <= 0x100000 + 64 * PG);
   }
   assert_sane(vmp);
   st = stats(vmp);
   assert_int_equal(st.st_inuse, 36 * PG);
   assert_int_equal(st.st_nalloc_segs, 8);
   /* free in an order that needs left, right and two-sided merges */
   for (i = 0; i < 8; i += 2) {
      emu_vmem_free(vmp, a[i], (size_t)(i + 1) * PG);
      assert_sane(vmp);
   }
   for (i = 1; i < 8; i += 2) {
      emu_vmem_free(vmp, a[i], (size_t)(i + 1) * PG);
      assert_sane(vmp);
   }
   st = stats(vmp);
   assert_int_equal(st.st_inuse, 0);
   assert_int_equal(st.st_nfree_segs, 1);
   assert_int_equal(st.st_alloc, 8);
   assert_int_equal(st.st_free, 8);
   emu_vmem_destroy(vmp);
}

static void
test_vmem_nosleep_alloc_fails_at_once_when_full(void **state)
{
   emu_vmem_t *vmp = mk(0, 4 * PG, PG);
   uintptr_t a;
   uintptr_t b;

   (void)state;
   assert_int_equal(emu_vmem_alloc(vmp, 4 * PG, EMU_VM_NOSLEEP, &a), EMU_OK);
   assert_int_equal(a, 0);
   assert_int_equal(emu_vmem_alloc(vmp, PG, EMU_VM_NOSLEEP, &b), EMU_NOMEM);
   assert_int_equal(stats(vmp).st_fail, 1);
   emu_vmem_free(vmp, a, 4 * PG);
   assert_int_equal(emu_vmem_alloc(vmp, 8 * PG, EMU_VM_NOSLEEP, &b), EMU_NOMEM);
   emu_vmem_destroy(vmp);
}

static void
test_vmem_instantfit_falls_back_to_partial_list(void **state)
{
   emu_vmem_t *vmp = mk(0, 40 * PG, PG);
   uintptr_t a;
   uintptr_t b;
   uintptr_t c;

   (void)state;
   /* leave one free segment of 37 quanta: it sits on the sub-list for
    * 36..37 quanta, so a 37-quantum request has no guaranteed list and must
    * be found by the fallback scan */
   assert_int_equal(emu_vmem_alloc(vmp, 3 * PG, EMU_VM_NOSLEEP, &a), EMU_OK);
   assert_int_equal(emu_vmem_alloc(vmp, 37 * PG, EMU_VM_NOSLEEP, &b), EMU_OK);
   assert_int_equal(b, a + 3 * PG);
   assert_int_equal(emu_vmem_alloc(vmp, PG, EMU_VM_NOSLEEP, &c), EMU_NOMEM);
   assert_sane(vmp);
   emu_vmem_free(vmp, a, 3 * PG);
   emu_vmem_free(vmp, b, 37 * PG);
   assert_sane(vmp);
   emu_vmem_destroy(vmp);
}

static void
test_vmem_id_arena_hands_out_zero_and_does_not_reuse_at_once(void **state)
{
   emu_vmem_t *vmp = NULL;
   uintptr_t id[4];
   uintptr_t x;
   int i;

   (void)state;
   assert_int_equal(emu_vmem_create_ids("ids", 0, 4, &vmp), EMU_OK);
   for (i = 0; i < 4; i++) {
      assert_int_equal(emu_vmem_alloc(vmp, 1, EMU_VM_NOSLEEP, &id[i]), EMU_OK);
      assert_int_equal(id[i], (uintptr_t)i);
   }
   assert_int_equal(emu_vmem_alloc(vmp, 1, EMU_VM_NOSLEEP, &x), EMU_NOMEM);
   emu_vmem_free(vmp, id[1], 1);
   emu_vmem_free(vmp, id[3], 1);
   assert_int_equal(emu_vmem_alloc(vmp, 1, EMU_VM_NOSLEEP, &x), EMU_OK);
   assert_int_equal(x, 1);      /* nothing after 3: wraps to the lowest */
   assert_int_equal(emu_vmem_alloc(vmp, 1, EMU_VM_NOSLEEP, &x), EMU_OK);
   assert_int_equal(x, 3);
   assert_sane(vmp);
   for (i = 0; i < 4; i++) {
      emu_vmem_free(vmp, (uintptr_t)i, 1);
   }
   assert_sane(vmp);
   emu_vmem_destroy(vmp);
}

static void
test_vmem_nextfit_continues_after_last_allocation(void **state)
{
   emu_vmem_t *vmp = NULL;
   uintptr_t a;
   uintptr_t b;
   uintptr_t c;

   (void)state;
   assert_int_equal(emu_vmem_create_ids("ids", 100, 1000, &vmp), EMU_OK);
   assert_int_equal(emu_vmem_alloc(vmp, 1, EMU_VM_NOSLEEP, &a), EMU_OK);
   emu_vmem_free(vmp, a, 1);
   assert_int_equal(emu_vmem_alloc(vmp, 1, EMU_VM_NOSLEEP, &b), EMU_OK);
   assert_int_equal(b, a + 1);
   /* an explicit policy overrides the arena default */
   assert_int_equal(emu_vmem_alloc(vmp, 1, EMU_VM_NOSLEEP | EMU_VM_INSTANTFIT,
                                   &c), EMU_OK);
   assert_int_equal(c, 100);
   emu_vmem_free(vmp, b, 1);
   emu_vmem_free(vmp, c, 1);
   assert_sane(vmp);
   emu_vmem_destroy(vmp);
}

static void
test_vmem_bestfit_takes_the_smallest_hole(void **state)
{
   emu_vmem_t *vmp = mk(0, 100 * PG, PG);
   uintptr_t a[7];
   uintptr_t x;
   static const size_t sz[7] = { 9, 1, 5, 1, 6, 1, 70 };
   int i;

   (void)state;
   for (i = 0; i < 7; i++) {
      assert_int_equal(emu_vmem_alloc(vmp, sz[i] * PG, EMU_VM_NOSLEEP, &a[i]),
                       EMU_OK);
   }
   /* holes of 9, 5 and 6 quanta (the tail has 1) */
   emu_vmem_free(vmp, a[0], 9 * PG);
   emu_vmem_free(vmp, a[2], 5 * PG);
   emu_vmem_free(vmp, a[4], 6 * PG);
   assert_int_equal(emu_vmem_alloc(vmp, 5 * PG, EMU_VM_NOSLEEP | EMU_VM_BESTFIT,
                                   &x), EMU_OK);
   assert_int_equal(x, a[2]);
   emu_vmem_free(vmp, x, 5 * PG);
   assert_int_equal(emu_vmem_alloc(vmp, 4 * PG, EMU_VM_NOSLEEP | EMU_VM_BESTFIT,
                                   &x), EMU_OK);
   assert_int_equal(x, a[2]);
   assert_int_equal(emu_vmem_alloc(vmp, 6 * PG, EMU_VM_NOSLEEP | EMU_VM_BESTFIT,
                                   &x), EMU_OK);
   assert_int_equal(x, a[4]);
   assert_sane(vmp);
   emu_report_expect(EMU_RPT_LEAK);
   emu_vmem_destroy(vmp);
   assert_int_equal(emu_report_check(NULL, 0), 0);
}

static void
test_vmem_xalloc_honours_align_and_phase(void **state)
{
   emu_vmem_t *vmp = mk(PG, 1024 * PG, PG);
   emu_vmem_req_t r;
   uintptr_t a;
   int i;

   (void)state;
   memset(&r, 0, sizeof r);
   r.flags = EMU_VM_NOSLEEP;
   for (i = 0; i < 20; i++) {
      r.size = (size_t)(1 + i % 5) * PG;
      r.align = 16 * PG;
      r.phase = (size_t)(i % 16) * PG;
      assert_int_equal(emu_vmem_xalloc(vmp, &r, &a), EMU_OK);
      assert_int_equal(a % r.align, r.phase);
   }
   assert_sane(vmp);
   emu_report_expect(EMU_RPT_LEAK);
   emu_vmem_destroy(vmp);
   assert_int_equal(emu_report_check(NULL, 0), 0);
}

static void
test_vmem_xalloc_honours_nocross(void **state)
{
   emu_vmem_t *vmp = mk(PG, 1024 * PG, PG);
   emu_vmem_req_t r;
   uintptr_t a;
   uintptr_t pad;
   int i;

   (void)state;
   assert_int_equal(emu_vmem_alloc(vmp, 3 * PG, EMU_VM_NOSLEEP, &pad), EMU_OK);
   memset(&r, 0, sizeof r);
   r.flags = EMU_VM_NOSLEEP;
   for (i = 0; i < 30; i++) {
      r.size = (size_t)(3 + i % 4) * PG;
      r.nocross = 8 * PG;
      assert_int_equal(emu_vmem_xalloc(vmp, &r, &a), EMU_OK);
      assert_int_equal(a / r.nocross, (a + r.size - 1) / r.nocross);
   }
   assert_sane(vmp);
   emu_report_expect(EMU_RPT_LEAK);
   emu_vmem_destroy(vmp);
   assert_int_equal(emu_report_check(NULL, 0), 0);
}

static void
test_vmem_xalloc_honours_min_max_window(void **state)
{
   emu_vmem_t *vmp = mk(0, 1024 * PG, PG);
   emu_vmem_req_t r;
   uintptr_t a;
   int i;

   (void)state;
   memset(&r, 0, sizeof r);
   r.flags = EMU_VM_NOSLEEP;
   r.size = 2 * PG;
   r.minaddr = 100 * PG;
   r.maxaddr = 110 * PG;
   for (i = 0; i < 5; i++) {
      assert_int_equal(emu_vmem_xalloc(vmp, &r, &a), EMU_OK);
      assert_true(a >= r.minaddr && a + r.size <= r.maxaddr);
   }
   assert_int_equal(emu_vmem_xalloc(vmp, &r, &a), EMU_NOMEM);
   r.flags = EMU_VM_NOSLEEP | EMU_VM_BESTFIT;
   r.minaddr = 500 * PG;
   r.maxaddr = 0;
   assert_int_equal(emu_vmem_xalloc(vmp, &r, &a), EMU_OK);
   assert_true(a >= 500 * PG);
   assert_sane(vmp);
   emu_report_expect(EMU_RPT_LEAK);
   emu_vmem_destroy(vmp);
   assert_int_equal(emu_report_check(NULL, 0), 0);
}

static void
test_vmem_xalloc_rejects_impossible_constraints(void **state)
{
   emu_vmem_t *vmp = mk(0, 1024 * PG, PG);
   emu_vmem_req_t r;
   uintptr_t a;

   (void)state;
   memset(&r, 0, sizeof r);
   r.flags = EMU_VM_NOSLEEP;
   r.size = 0;
   assert_int_equal(emu_vmem_xalloc(vmp, &r, &a), EMU_BADPARAM);
   r.size = PG;
   r.align = 3 * PG;                       /* not a power of two */
   assert_int_equal(emu_vmem_xalloc(vmp, &r, &a), EMU_BADPARAM);
   r.align = PG / 2;                       /* below the quantum */
   assert_int_equal(emu_vmem_xalloc(vmp, &r, &a), EMU_BADPARAM);
   r.align = 4 * PG;
   r.phase = 4 * PG;                       /* phase not below align */
   assert_int_equal(emu_vmem_xalloc(vmp, &r, &a), EMU_BADPARAM);
   r.phase = 0;
   r.size = 4 * PG;
   r.nocross = 2 * PG;                     /* nocross below size */
   assert_int_equal(emu_vmem_xalloc(vmp, &r, &a), EMU_BADPARAM);
   r.nocross = 0;
   r.minaddr = 10 * PG;
   r.maxaddr = 12 * PG;                    /* window smaller than size */
   assert_int_equal(emu_vmem_xalloc(vmp, &r, &a), EMU_BADPARAM);
   r.maxaddr = 5 * PG;                     /* max below min */
   assert_int_equal(emu_vmem_xalloc(vmp, &r, &a), EMU_BADPARAM);
   r.minaddr = 9 * PG;
   r.maxaddr = 16 * PG;
   r.size = 4 * PG;
   r.align = 8 * PG;                       /* aligned start 16 leaves no room */
   assert_int_equal(emu_vmem_xalloc(vmp, &r, &a), EMU_BADPARAM);
   assert_int_equal(emu_vmem_xalloc(vmp, NULL, &a), EMU_BADPARAM);
   assert_int_equal(stats(vmp).st_inuse, 0);
   emu_vmem_destroy(vmp);
}

static void
test_vmem_add_extends_and_rejects_overlap(void **state)
{
   emu_vmem_t *vmp = mk(0, 0, PG);
   uintptr_t a;

   (void)state;
   assert_int_equal(emu_vmem_alloc(vmp, PG, EMU_VM_NOSLEEP, &a), EMU_NOMEM);
   assert_int_equal(emu_vmem_add(vmp, 10 * PG, 4 * PG, EMU_VM_NOSLEEP), EMU_OK);
   assert_int_equal(emu_vmem_add(vmp, 12 * PG, 4 * PG, EMU_VM_NOSLEEP),
                    EMU_BADPARAM);
   assert_int_equal(emu_vmem_add(vmp, 8 * PG, 3 * PG, EMU_VM_NOSLEEP),
                    EMU_BADPARAM);
   assert_int_equal(emu_vmem_add(vmp, 0, 0, EMU_VM_NOSLEEP), EMU_BADPARAM);
   assert_int_equal(emu_vmem_add(vmp, 5, PG, EMU_VM_NOSLEEP), EMU_BADPARAM);
   assert_int_equal(emu_vmem_add(vmp, 2 * PG, 8 * PG, EMU_VM_NOSLEEP), EMU_OK);
   assert_int_equal(stats(vmp).st_nspans, 2);
   /* adjacent spans do not merge: 12 quanta exist but not contiguously */
   assert_int_equal(emu_vmem_alloc(vmp, 12 * PG, EMU_VM_NOSLEEP, &a), EMU_NOMEM);
   assert_int_equal(emu_vmem_alloc(vmp, 8 * PG, EMU_VM_NOSLEEP, &a), EMU_OK);
   assert_int_equal(a, 2 * PG);
   emu_vmem_free(vmp, a, 8 * PG);
   assert_sane(vmp);
   emu_vmem_destroy(vmp);
}

static void
test_vmem_free_of_unallocated_segment_is_reported(void **state)
{
   emu_vmem_t *vmp = mk(0x10000, 16 * PG, PG);
   uintptr_t a;
   char last[1024];

   (void)state;
   assert_int_equal(emu_vmem_alloc(vmp, 2 * PG, EMU_VM_NOSLEEP, &a), EMU_OK);
   emu_report_expect(EMU_RPT_BAD_SEGMENT);
   emu_vmem_free(vmp, a + PG, PG);                /* not a segment start */
   assert_int_equal(emu_report_check(NULL, 0), 0);
   emu_report_last(last, sizeof last);
   assert_non_null(strstr(last, "test"));          /* names the arena */
   emu_report_expect(EMU_RPT_BAD_SEGMENT);
   emu_vmem_free(vmp, a, PG);                     /* wrong size */
   assert_int_equal(emu_report_check(NULL, 0), 0);
   emu_report_expect(EMU_RPT_BAD_SEGMENT);
   emu_vmem_free(vmp, 0x900000, PG);              /* outside every span */
   assert_int_equal(emu_report_check(NULL, 0), 0);
   emu_report_expect(EMU_RPT_BAD_SEGMENT);
   emu_vmem_free(vmp, a, 0);                      /* zero size */
   assert_int_equal(emu_report_check(NULL, 0), 0);
   assert_sane(vmp);
   assert_int_equal(stats(vmp).st_inuse, 2 * PG);  /* nothing changed */
   emu_vmem_free(vmp, a, 2 * PG);
   emu_report_expect(EMU_RPT_BAD_SEGMENT);
   emu_vmem_free(vmp, a, 2 * PG);                 /* double free */
   assert_int_equal(emu_report_check(NULL, 0), 0);
   assert_sane(vmp);
   emu_vmem_destroy(vmp);
}

static void
test_vmem_destroy_with_live_segments_reports_them(void **state)
{
   emu_vmem_t *vmp = mk(0x10000, 16 * PG, PG);
   uintptr_t a;
   char last[4096];

   (void)state;
   assert_int_equal(emu_vmem_alloc(vmp, 3 * PG, EMU_VM_NOSLEEP, &a), EMU_OK);
   emu_report_expect(EMU_RPT_LEAK);
   emu_vmem_destroy(vmp);
   assert_int_equal(emu_report_check(NULL, 0), 0);
   emu_report_last(last, sizeof last);
   assert_non_null(strstr(last, "0x10000"));
}

static void
test_vmem_imports_from_source_and_exports_when_free(void **state)
{
   emu_vmem_t *src = mk(0x100000, 256 * PG, PG);
   emu_vmem_t *vmp = NULL;
   emu_vmem_props_t p;
   uintptr_t a;
   uintptr_t b;
   emu_vmem_stats_t st;

   (void)state;
   memset(&p, 0, sizeof p);
   p.name = "child";
   p.quantum = PG;
   p.import = emu_vmem_source_alloc;
   p.release = emu_vmem_source_free;
   p.source = src;
   p.import_min = 16 * PG;
   assert_int_equal(emu_vmem_create(&p, &vmp), EMU_OK);
   assert_int_equal(emu_vmem_alloc(vmp, 2 * PG, EMU_VM_NOSLEEP, &a), EMU_OK);
   assert_int_equal(emu_vmem_alloc(vmp, 3 * PG, EMU_VM_NOSLEEP, &b), EMU_OK);
   st = stats(vmp);
   assert_int_equal(st.st_import, 1);
   assert_int_equal(st.st_imported, 16 * PG);
   assert_int_equal(stats(src).st_inuse, 16 * PG);
   emu_vmem_free(vmp, a, 2 * PG);
   assert_int_equal(stats(src).st_inuse, 16 * PG);
   emu_vmem_free(vmp, b, 3 * PG);
   st = stats(vmp);
   assert_int_equal(st.st_export, 1);
   assert_int_equal(st.st_total, 0);
   assert_int_equal(stats(src).st_inuse, 0);
   /* a request larger than import_min imports what it needs */
   assert_int_equal(emu_vmem_alloc(vmp, 40 * PG, EMU_VM_NOSLEEP, &a), EMU_OK);
   assert_int_equal(stats(src).st_inuse, 40 * PG);
   assert_sane(vmp);
   assert_sane(src);
   emu_report_expect(EMU_RPT_LEAK);
   emu_vmem_destroy(vmp);                  /* leak report, span returned */
   assert_int_equal(emu_report_check(NULL, 0), 0);
   assert_int_equal(stats(src).st_inuse, 0);
   emu_vmem_destroy(src);
}

static void
test_vmem_import_chain_two_levels_deep(void **state)
{
   emu_vmem_t *top = mk(0, 1024 * PG, PG);
   emu_vmem_t *mid = NULL;
   emu_vmem_t *leaf = NULL;
   emu_vmem_props_t p;
   uintptr_t a[10];
   int i;

   (void)state;
   memset(&p, 0, sizeof p);
   p.quantum = PG;
   p.import = emu_vmem_source_alloc;
   p.release = emu_vmem_source_free;
   p.name = "mid";
   p.source = top;
   p.import_min = 64 * PG;
   assert_int_equal(emu_vmem_create(&p, &mid), EMU_OK);
   p.name = "leaf";
   p.source = mid;
   p.import_min = 8 * PG;
   assert_int_equal(emu_vmem_create(&p, &leaf), EMU_OK);
   for (i = 0; i < 10; i++) {
      assert_int_equal(emu_vmem_alloc(leaf, PG * (size_t)(1 + i % 3),
                                      EMU_VM_NOSLEEP, &a[i]), EMU_OK);
   }
   assert_true(stats(top).st_inuse >= 64 * PG);
   assert_true(stats(mid).st_inuse >= 8 * PG);
   for (i = 0; i < 10; i++) {
      emu_vmem_free(leaf, a[i], PG * (size_t)(1 + i % 3));
   }
   assert_int_equal(stats(leaf).st_total, 0);
   assert_int_equal(stats(mid).st_total, 0);
   assert_int_equal(stats(top).st_inuse, 0);
   assert_sane(leaf);
   assert_sane(mid);
   assert_sane(top);
   emu_vmem_destroy(leaf);
   emu_vmem_destroy(mid);
   emu_vmem_destroy(top);
}

struct freer {
   emu_vmem_t *vmp;
   uintptr_t addr;
   size_t size;
   uint64_t delay_ns;
};

static void *
freer_main(void *arg)
{
   struct freer *f = arg;

   emu_clock_sleep_ns(f->delay_ns);
   emu_vmem_free(f->vmp, f->addr, f->size);
   return NULL;
}

static void
test_vmem_sleeping_alloc_waits_for_a_free(void **state)
{
   emu_vmem_t *vmp = mk(0, 4 * PG, PG);
   struct freer f;
   emu_thread_t t;
   uintptr_t a;
   uintptr_t b;

   (void)state;
   assert_int_equal(emu_vmem_alloc(vmp, 4 * PG, EMU_VM_NOSLEEP, &a), EMU_OK);
   f.vmp = vmp;
   f.addr = a;
   f.size = 4 * PG;
   f.delay_ns = 20 * 1000 * 1000;
   assert_int_equal(emu_thread_create(&t, freer_main, &f), 0);
   assert_int_equal(emu_vmem_alloc(vmp, 2 * PG, EMU_VM_SLEEP, &b), EMU_OK);
   emu_thread_join(&t);
   assert_true(stats(vmp).st_wait >= 1);
   emu_vmem_free(vmp, b, 2 * PG);
   emu_vmem_destroy(vmp);
}

static void
test_vmem_timed_alloc_times_out(void **state)
{
   emu_vmem_t *vmp = mk(0, 4 * PG, PG);
   uintptr_t a;
   uintptr_t b;
   uint64_t t0 = emu_clock_mono_ns();
   emu_vmem_req_t r;

   (void)state;
   assert_int_equal(emu_vmem_alloc(vmp, 4 * PG, EMU_VM_NOSLEEP, &a), EMU_OK);
   assert_int_equal(emu_vmem_alloc_timed(vmp, PG, t0 + 30 * 1000 * 1000, NULL,
                                         &b), EMU_TIMEOUT);
   assert_true(emu_clock_mono_ns() - t0 >= 30 * 1000 * 1000);
   memset(&r, 0, sizeof r);
   r.size = PG;
   r.flags = EMU_VM_SLEEP;
   r.deadline_ns = emu_clock_mono_ns() + 1000 * 1000;
   assert_int_equal(emu_vmem_xalloc(vmp, &r, &b), EMU_TIMEOUT);
   emu_vmem_free(vmp, a, 4 * PG);
   emu_vmem_destroy(vmp);
}

static void
test_vmem_sleeper_in_importer_wakes_on_source_free(void **state)
{
   emu_vmem_t *src = mk(0, 8 * PG, PG);
   emu_vmem_t *vmp = NULL;
   emu_vmem_props_t p;
   struct freer f;
   emu_thread_t t;
   uintptr_t a;
   uintptr_t b;

   (void)state;
   memset(&p, 0, sizeof p);
   p.name = "child";
   p.quantum = PG;
   p.import = emu_vmem_source_alloc;
   p.release = emu_vmem_source_free;
   p.source = src;
   assert_int_equal(emu_vmem_create(&p, &vmp), EMU_OK);
   assert_int_equal(emu_vmem_alloc(src, 8 * PG, EMU_VM_NOSLEEP, &a), EMU_OK);
   f.vmp = src;
   f.addr = a;
   f.size = 8 * PG;
   f.delay_ns = 20 * 1000 * 1000;
   assert_int_equal(emu_thread_create(&t, freer_main, &f), 0);
   assert_int_equal(emu_vmem_alloc_timed(vmp, 2 * PG,
                                         emu_clock_mono_ns() + 5000000000ull,
                                         NULL, &b), EMU_OK);
   emu_thread_join(&t);
   emu_vmem_free(vmp, b, 2 * PG);
   assert_int_equal(stats(src).st_inuse, 0);
   emu_vmem_destroy(vmp);
   emu_vmem_destroy(src);
}

static void
test_vmem_hash_grows_and_shrinks_synchronously(void **state)
{
   emu_vmem_t *vmp = NULL;
   uintptr_t id;
   uint64_t i;
   emu_vmem_stats_t st;

   (void)state;
   assert_int_equal(emu_vmem_create_ids("ids", 0, 100000, &vmp), EMU_OK);
   for (i = 0; i < 50000; i++) {
      assert_int_equal(emu_vmem_alloc(vmp, 1, EMU_VM_NOSLEEP, &id), EMU_OK);
      assert_int_equal(id, i);
   }
   st = stats(vmp);
   assert_true(st.st_hash_buckets >= 50000);
   assert_true(st.st_hash_resizes > 0);
   assert_sane(vmp);
   for (i = 0; i < 50000; i++) {
      emu_vmem_free(vmp, (uintptr_t)i, 1);
   }
   st = stats(vmp);
   assert_true(st.st_hash_buckets <= 64);
   assert_int_equal(st.st_nfree_segs, 1);
   assert_sane(vmp);
   emu_vmem_destroy(vmp);
}

/* Past 2 MiB the hash table is mapped 2 MiB-aligned for huge pages; it
 * must still grow, rehash every segment and shrink back (unmapping it). */
static void
test_vmem_big_hash_tables_grow_and_shrink(void **state)
{
   emu_vmem_t *vmp = NULL;
   uintptr_t id;
   uint64_t i;
   emu_vmem_stats_t st;
   const uint64_t n = 300000;

   (void)state;
   assert_int_equal(emu_vmem_create_ids("bigids", 0, 2 * n, &vmp), EMU_OK);
   for (i = 0; i < n; i++) {
      assert_int_equal(emu_vmem_alloc(vmp, 1, EMU_VM_NOSLEEP, &id), EMU_OK);
      assert_int_equal(id, i);
   }
   st = stats(vmp);
   assert_true(st.st_hash_buckets * sizeof(void *) > ((size_t)2 << 20));
   assert_int_equal(st.st_nalloc_segs, n);
   assert_sane(vmp);
   /* every segment is found again through the big table */
   for (i = 0; i < n; i += 2) {
      emu_vmem_free(vmp, (uintptr_t)i, 1);
   }
   assert_sane(vmp);
   for (i = 1; i < n; i += 2) {
      emu_vmem_free(vmp, (uintptr_t)i, 1);
   }
   st = stats(vmp);
   assert_true(st.st_hash_buckets <= 64);
   assert_int_equal(st.st_nalloc_segs, 0);
   assert_int_equal(st.st_nfree_segs, 1);
   assert_sane(vmp);
   emu_vmem_destroy(vmp);
}

struct walkrec {
   int n;
   int types[8];
   uintptr_t start[8];
};

static int
walk_cb(void *arg, const emu_vmem_seginfo_t *si)
{
   struct walkrec *w = arg;

   if (w->n < 8) {
      w->types[w->n] = si->si_type;
      w->start[w->n] = si->si_start;
   }
   w->n++;
   return 0;
}

static void
test_vmem_walk_and_whatis_describe_segments(void **state)
{
   emu_vmem_t *vmp = mk(0x10000, 8 * PG, PG);
   uintptr_t a;
   struct walkrec w;
   emu_vmem_seginfo_t si;
   char buf[512];

   (void)state;
   assert_int_equal(emu_vmem_alloc(vmp, 2 * PG, EMU_VM_NOSLEEP, &a), EMU_OK);
   memset(&w, 0, sizeof w);
   emu_vmem_walk(vmp, EMU_VMEM_SEG_ALL, walk_cb, &w);
   assert_int_equal(w.n, 3);
   assert_int_equal(w.types[0], EMU_VMEM_SEG_SPAN);
   assert_int_equal(w.types[1], EMU_VMEM_SEG_ALLOC);
   assert_int_equal(w.types[2], EMU_VMEM_SEG_FREE);
   assert_int_equal(w.start[2], a + 2 * PG);
   assert_int_equal(emu_vmem_whatis(vmp, a + PG, &si), EMU_OK);
   assert_int_equal(si.si_type, EMU_VMEM_SEG_ALLOC);
   assert_int_equal(si.si_start, a);
   assert_non_null(si.si_caller);
   assert_int_equal(emu_vmem_whatis(vmp, 0x10000 + 7 * PG, &si), EMU_OK);
   assert_int_equal(si.si_type, EMU_VMEM_SEG_FREE);
   assert_int_equal(emu_vmem_whatis(vmp, 0x100, &si), EMU_NOTFOUND);
   emu_vmem_describe(vmp, a, buf, sizeof buf);
   assert_non_null(strstr(buf, "allocated"));
   emu_vmem_dump(vmp, 10);
   emu_vmem_free(vmp, a, 2 * PG);
   emu_vmem_destroy(vmp);
}

/* A stand-in for the slab engine: counts and forwards to the arena. */
static int qc_allocs;
static int qc_frees;
static int qc_made;

static void *
qc_create(void *ctx, emu_vmem_t *vmp, const char *name, size_t objsize)
{
   (void)ctx;
   (void)name;
   if (objsize > 2 * PG) {
      return NULL;                              /* only two caches */
   }
   qc_made++;
   return vmp;
}

static void
qc_destroy(void *ctx, void *cache)
{
   (void)ctx;
   (void)cache;
   qc_made--;
}

static emu_status_t
qc_alloc(void *cache, int flags, const void *caller, uintptr_t *addrp)
{
   qc_allocs++;
   return emu_vmem_alloc_ra(cache, PG, flags | EMU_VM_BYPASS_QCACHE, caller,
                            addrp);
}

static void
qc_free(void *cache, uintptr_t addr, const void *caller)
{
   qc_frees++;
   emu_vmem_xfree_ra(cache, addr, PG, caller);
}

static const emu_vmem_qcache_ops_t qc_ops = {
   qc_create, qc_destroy, qc_alloc, qc_free, NULL
};

static void
test_vmem_quantum_caches_take_small_sizes_once_enabled(void **state)
{
   emu_vmem_props_t p;
   emu_vmem_t *early = mk(0, 64 * PG, PG);
   emu_vmem_t *vmp = NULL;
   uintptr_t a;
   uintptr_t b;

   (void)state;
   assert_int_equal(emu_vmem_qcache_enable(early), EMU_NOTSUP);
   emu_vmem_set_qcache_ops(&qc_ops, NULL);
   memset(&p, 0, sizeof p);
   p.name = "qc";
   p.size = 64 * PG;
   p.quantum = PG;
   p.qcache_max = 4 * PG;
   assert_int_equal(emu_vmem_create(&p, &vmp), EMU_OK);
   assert_int_equal(qc_made, 2);
   assert_int_equal(emu_vmem_alloc(vmp, PG, EMU_VM_NOSLEEP, &a), EMU_OK);
   assert_int_equal(qc_allocs, 1);
   assert_int_equal(emu_vmem_alloc(vmp, 3 * PG, EMU_VM_NOSLEEP, &b), EMU_OK);
   assert_int_equal(qc_allocs, 1);               /* no cache for 3 quanta */
   emu_vmem_free(vmp, a, PG);
   assert_int_equal(qc_frees, 1);
   emu_vmem_free(vmp, b, 3 * PG);
   assert_int_equal(qc_frees, 1);
   assert_int_equal(emu_vmem_qcache_enable(early), EMU_NOTSUP); /* qcache_max 0 */
   emu_vmem_destroy(vmp);
   assert_int_equal(qc_made, 0);
   emu_vmem_set_qcache_ops(NULL, NULL);
   emu_vmem_destroy(early);
}

/*
 * When a free list's array cannot grow (host out of memory) the segment
 * stays free on no list: the arena stays consistent, a constrained request
 * still finds it, and it joins a list again once it changes.
 */
static void
test_vmem_segment_on_no_list_is_still_found_and_coalesced(void **state)
{
   emu_vmem_t *vmp = mk(0x10000, 1000 * PG, PG);
   emu_vmem_req_t r;
   uintptr_t a[10];
   uintptr_t x;
   int i;

   (void)state;
   for (i = 0; i < 10; i++) {
      assert_int_equal(emu_vmem_alloc(vmp, PG, EMU_VM_NOSLEEP, &a[i]),
                       EMU_OK);
   }
   emu_vmem_test_fail_list_growth(1000);
   emu_vmem_free(vmp, a[1], PG);          /* lists of 1 page: no array */
   emu_vmem_free(vmp, a[3], PG);
   emu_vmem_free(vmp, a[5], PG);
   assert_sane(vmp);
   assert_int_equal(stats(vmp).st_nfree_segs, 4);
   memset(&r, 0, sizeof r);
   r.flags = EMU_VM_NOSLEEP;
   r.size = PG;
   r.minaddr = a[3];
   r.maxaddr = a[3] + PG;
   assert_int_equal(emu_vmem_xalloc(vmp, &r, &x), EMU_OK);
   assert_int_equal(x, a[3]);
   assert_sane(vmp);
   emu_vmem_test_fail_list_growth(0);
   emu_vmem_xfree(vmp, a[3], PG);
   emu_vmem_free(vmp, a[2], PG);          /* merges with unlisted a[1] */
   emu_vmem_free(vmp, a[4], PG);          /* ... and a[5] */
   assert_sane(vmp);
   for (i = 0; i < 10; i++) {
      if (i < 1 || i > 5) {
         emu_vmem_free(vmp, a[i], PG);
      }
   }
   assert_sane(vmp);
   assert_int_equal(stats(vmp).st_nfree_segs, 1);
   assert_int_equal(stats(vmp).st_inuse, 0);
   emu_vmem_destroy(vmp);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_vmem_create_rejects_bad_props),
      cmocka_unit_test(test_vmem_alloc_rejects_bad_size_and_flags),
      cmocka_unit_test(test_vmem_alloc_free_coalesces_back_to_one_segment),
      cmocka_unit_test(test_vmem_nosleep_alloc_fails_at_once_when_full),
      cmocka_unit_test(test_vmem_instantfit_falls_back_to_partial_list),
      cmocka_unit_test(test_vmem_id_arena_hands_out_zero_and_does_not_reuse_at_once),
      cmocka_unit_test(test_vmem_nextfit_continues_after_last_allocation),
      cmocka_unit_test(test_vmem_bestfit_takes_the_smallest_hole),
      cmocka_unit_test(test_vmem_xalloc_honours_align_and_phase),
      cmocka_unit_test(test_vmem_xalloc_honours_nocross),
      cmocka_unit_test(test_vmem_xalloc_honours_min_max_window),
      cmocka_unit_test(test_vmem_xalloc_rejects_impossible_constraints),
      cmocka_unit_test(test_vmem_add_extends_and_rejects_overlap),
      cmocka_unit_test(test_vmem_free_of_unallocated_segment_is_reported),
      cmocka_unit_test(test_vmem_destroy_with_live_segments_reports_them),
      cmocka_unit_test(test_vmem_imports_from_source_and_exports_when_free),
      cmocka_unit_test(test_vmem_import_chain_two_levels_deep),
      cmocka_unit_test(test_vmem_sleeping_alloc_waits_for_a_free),
      cmocka_unit_test(test_vmem_timed_alloc_times_out),
      cmocka_unit_test(test_vmem_sleeper_in_importer_wakes_on_source_free),
      cmocka_unit_test(test_vmem_hash_grows_and_shrinks_synchronously),
      cmocka_unit_test(test_vmem_big_hash_tables_grow_and_shrink),
      cmocka_unit_test(test_vmem_walk_and_whatis_describe_segments),
      cmocka_unit_test(test_vmem_quantum_caches_take_small_sizes_once_enabled),
      cmocka_unit_test(test_vmem_segment_on_no_list_is_still_found_and_coalesced),
   };

   return cmocka_run_group_tests(tests, NULL, NULL);
}
