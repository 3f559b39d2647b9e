/*
 * test_vmem_model.c -- seeded model-based random test of vmem.
 *
 * Five arenas: A (instant fit, spans added as we go), B importing from A
 * (best fit by default), C importing from B (next fit by default), D an ID
 * arena at address 0 (quantum 1), E a standalone arena with quantum 8.
 * Each step picks an arena and an operation -- alloc with a random policy,
 * xalloc with random align/phase/nocross/window (some deliberately
 * invalid), free, span add -- and a simple reference model predicts the
 * outcome: BADPARAM exactly when the request is impossible; success
 * whenever the arena's own free space can hold the request (failure only
 * when it cannot and, for importers, the import failed too).  After every
 * step the touched arena and its sources are checked: every invariant of
 * emu_vmem_verify (tiling, full coalescing, lists, hash, counters), and the
 * arena's allocated segments equal the model's live allocations plus the
 * spans its importer holds -- so allocations never overlap and lie inside
 * spans -- and each new allocation honours its constraints.
 *
 * VMEM_MODEL_OPS sets the number of steps (default 1000000),
 * VMEM_MODEL_SEED the seed (default: from the clock; printed on failure).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host/host.h"
#include "mem/vmem.h"

#define NARENA   5
#define MAXLIVE  48
#define MAXOCC   (MAXLIVE + 64)
#define MAXSPAN  16

typedef struct ival {
   uintptr_t a;
   size_t    n;
} ival_t;

typedef struct model {
   emu_vmem_t *vmp;
   const char *name;
   size_t      q;
   int         parent;          /* index of the source, -1 */
   int         child;           /* index of the importer, -1 */
   ival_t      live[MAXLIVE];   /* user allocations */
   int         nlive;
   ival_t      span[MAXSPAN];   /* spans we added (not for importers) */
   int         nspan;
   uintptr_t   next_span;       /* where the next added span goes */
} model_t;

static model_t m[NARENA];
static uint64_t seed;
static uint64_t rs;
static uint64_t step;

static uint64_t
rnd(void)
{
   rs ^= rs << 13;
   rs ^= rs >> 7;
   rs ^= rs << 17;
   return rs;
}

static uint64_t
rn(uint64_t n)
{
   return rnd() % n;
}

#define CHECK(cond, ...)                                                  \
   do {                                                                   \
      if (!(cond)) {                                                      \
         char msg_[512];                                                  \
         snprintf(msg_, sizeof msg_, __VA_ARGS__);                        \
         fail_msg("seed %llu step %llu: %s (%s)", (unsigned long long)seed,\
                  (unsigned long long)step, msg_, #cond);                 \
      }                                                                   \
   } while (0)

/* ---- model helpers -------------------------------------------------- */

static int
ival_cmp(const void *x, const void *y)
{
   const ival_t *a = x;
   const ival_t *b = y;

   return a->a < b->a ? -1 : a->a > b->a;
}

struct collect {
   ival_t *v;
   int     n;
   int     max;
};

static int
collect_cb(void *arg, const emu_vmem_seginfo_t *si)
{
   struct collect *c = arg;

   if (c->n < c->max) {
      c->v[c->n].a = si->si_start;
      c->v[c->n].n = si->si_size;
   }
   c->n++;
   return 0;
}

static int
walk_types(int i, int types, ival_t *v, int max)
{
   struct collect c = { v, 0, max };

   emu_vmem_walk(m[i].vmp, types, collect_cb, &c);
   CHECK(c.n <= max, "too many segments in %s", m[i].name);
   return c.n;
}

/* Occupied intervals of arena i: user allocations + the importer's spans. */
static int
occupied(int i, ival_t *occ)
{
   int n = 0;
   int k;

   for (k = 0; k < m[i].nlive; k++) {
      occ[n++] = m[i].live[k];
   }
   if (m[i].child >= 0) {
      n += walk_types(m[i].child, EMU_VMEM_SEG_SPAN, occ + n, MAXOCC - n);
   }
   qsort(occ, (size_t)n, sizeof *occ, ival_cmp);
   return n;
}

static int
spans_of(int i, ival_t *sp)
{
   if (m[i].parent >= 0) {
      return walk_types(i, EMU_VMEM_SEG_SPAN, sp, MAXSPAN * 8);
   }
   memcpy(sp, m[i].span, (size_t)m[i].nspan * sizeof *sp);
   qsort(sp, (size_t)m[i].nspan, sizeof *sp, ival_cmp);
   return m[i].nspan;
}

typedef struct mreq {
   size_t    size;
   size_t    align;
   size_t    phase;
   size_t    nocross;
   uintptr_t minaddr;
   uintptr_t maxaddr;      /* 0: none */
} mreq_t;

/* Does [a, a+size) satisfy r? */
static int
honours(const mreq_t *r, uintptr_t a)
{
   if (a % r->align != r->phase) {
      return 0;
   }
   if (a < r->minaddr) {
      return 0;
   }
   if (r->maxaddr != 0 && a + r->size > r->maxaddr) {
      return 0;
   }
   if (r->nocross != 0 && a / r->nocross != (a + r->size - 1) / r->nocross) {
      return 0;
   }
   return 1;
}

/* Can the gap [lo, hi) hold r?  Tries the lowest aligned address, then the
 * lowest one at the next nocross boundary (the only other candidate that
 * can be better). */
static int
gap_fits(const mreq_t *r, uintptr_t lo, uintptr_t hi)
{
   uintptr_t a;
   int t;

   if (r->minaddr > lo) {
      lo = r->minaddr;
   }
   if (r->maxaddr != 0 && r->maxaddr < hi) {
      hi = r->maxaddr;
   }
   if (hi <= lo) {
      return 0;
   }
   a = lo + (r->phase + r->align - lo % r->align) % r->align;
   for (t = 0; t < 2; t++) {
      if (a < lo || a + r->size > hi) {
         return 0;
      }
      if (r->nocross == 0 ||
          a / r->nocross == (a + r->size - 1) / r->nocross) {
         return 1;
      }
      a = (a + r->size - 1) / r->nocross * r->nocross;
      a += (r->phase + r->align - a % r->align) % r->align;
   }
   return 0;
}

static int
model_fits(int i, const mreq_t *r)
{
   ival_t occ[MAXOCC];
   ival_t sp[MAXSPAN * 8];
   int no = occupied(i, occ);
   int ns = spans_of(i, sp);
   int s;
   int k = 0;

   for (s = 0; s < ns; s++) {
      uintptr_t cur = sp[s].a;
      uintptr_t end = sp[s].a + sp[s].n;

      while (k < no && occ[k].a < end) {
         if (occ[k].a >= cur && gap_fits(r, cur, occ[k].a)) {
            return 1;
         }
         if (occ[k].a + occ[k].n > cur) {
            cur = occ[k].a + occ[k].n;
         }
         k++;
      }
      if (gap_fits(r, cur, end)) {
         return 1;
      }
   }
   return 0;
}

struct segrec {
   ival_t v;
   int    type;
};

struct segcollect {
   struct segrec *r;
   int            n;
   int            max;
};

static int
segcollect_cb(void *arg, const emu_vmem_seginfo_t *si)
{
   struct segcollect *c = arg;

   if (c->n < c->max) {
      c->r[c->n].v.a = si->si_start;
      c->r[c->n].v.n = si->si_size;
      c->r[c->n].type = si->si_type;
   }
   c->n++;
   return 0;
}

/*
 * Full comparison of arena i against the model, from one walk: segments
 * tile their spans, no two free segments touch (fully coalesced), and the
 * allocated ones are exactly the model's.  emu_vmem_verify (lists, hash,
 * counters) runs every `deep` steps.
 */
static void
check_arena(int i, int deep)
{
   char why[256] = "";
   ival_t occ[MAXOCC];
   struct segrec seg[3 * MAXOCC + MAXSPAN * 8];
   struct segcollect c = { seg, 0, (int)(sizeof seg / sizeof seg[0]) };
   uintptr_t cursor = 0;
   uintptr_t span_end = 0;
   int nspan = 0;
   int no;
   int k;
   int j = 0;

   if (deep) {
      CHECK(emu_vmem_verify(m[i].vmp, why, sizeof why) == 0, "%s: %s",
            m[i].name, why);
   }
   no = occupied(i, occ);
   emu_vmem_walk(m[i].vmp, EMU_VMEM_SEG_ALL, segcollect_cb, &c);
   CHECK(c.n <= c.max, "%s: too many segments", m[i].name);
   for (k = 0; k < c.n; k++) {
      const struct segrec *sr = &seg[k];

      if (sr->type == EMU_VMEM_SEG_SPAN) {
         CHECK(cursor == span_end, "%s: span not tiled", m[i].name);
         CHECK(nspan == 0 || sr->v.a >= span_end, "%s: spans overlap",
               m[i].name);
         cursor = sr->v.a;
         span_end = sr->v.a + sr->v.n;
         nspan++;
         continue;
      }
      CHECK(sr->v.a == cursor && sr->v.n != 0 && cursor + sr->v.n <= span_end,
            "%s: segment [%#lx,+%#lx) outside or not tiling its span",
            m[i].name, (unsigned long)sr->v.a, (unsigned long)sr->v.n);
      cursor += sr->v.n;
      if (sr->type == EMU_VMEM_SEG_FREE) {
         CHECK(k == 0 || seg[k - 1].type != EMU_VMEM_SEG_FREE,
               "%s: free segments at %#lx not coalesced", m[i].name,
               (unsigned long)sr->v.a);
         continue;
      }
      CHECK(j < no, "%s: allocated segment [%#lx,+%#lx) the model lacks",
            m[i].name, (unsigned long)sr->v.a, (unsigned long)sr->v.n);
      CHECK(sr->v.a == occ[j].a && sr->v.n == occ[j].n,
            "%s: segment [%#lx,+%#lx) vs model [%#lx,+%#lx)", m[i].name,
            (unsigned long)sr->v.a, (unsigned long)sr->v.n,
            (unsigned long)occ[j].a, (unsigned long)occ[j].n);
      CHECK(j == 0 || occ[j - 1].a + occ[j - 1].n <= occ[j].a,
            "%s: allocations overlap", m[i].name);
      j++;
   }
   CHECK(cursor == span_end, "%s: last span not tiled", m[i].name);
   CHECK(j == no, "%s: %d allocated segments, model has %d", m[i].name, j,
         no);
   if (m[i].parent < 0) {
      CHECK(nspan == m[i].nspan, "%s: span count", m[i].name);
   }
}

static void
check_chain(int i, int deep)
{
   while (i >= 0) {
      check_arena(i, deep);
      i = m[i].parent;
   }
}

/* ---- operations ------------------------------------------------------ */

static void
gen_req(int i, mreq_t *r, int *expect_bad)
{
   size_t q = m[i].q;
   static const size_t aligns[] = { 0, 1, 1, 2, 4, 8, 16, 64 };

   memset(r, 0, sizeof *r);
   r->size = (1 + rn(rn(8) == 0 ? 32 : 6)) * q;
   r->align = aligns[rn(8)] * q;
   if (r->align == 0) {
      r->align = q;
   }
   r->phase = rn(4) == 0 ? rn(r->align / q) * q : 0;
   if (rn(4) == 0) {
      size_t nc = q;

      while (nc < r->size) {
         nc <<= 1;
      }
      r->nocross = nc << rn(3);
   }
   if (rn(4) == 0) {
      ival_t sp[MAXSPAN * 8];
      int ns = spans_of(i, sp);

      if (ns > 0) {
         int s = (int)rn((uint64_t)ns);

         r->minaddr = sp[s].a + rn(sp[s].n / q) * q;
         r->maxaddr = r->minaddr + (rn(40) + 1) * q;
      } else {
         r->minaddr = rn(1000) * q;
         r->maxaddr = r->minaddr + (rn(40) + 1) * q;
      }
      if (rn(3) == 0) {
         r->maxaddr = 0;
      }
   }
   *expect_bad = 0;
   if (r->nocross != 0 && r->phase % r->nocross + r->size > r->nocross) {
      *expect_bad = 1;
   }
   if (r->maxaddr != 0) {
      uintptr_t a = r->minaddr +
                    (r->phase + r->align - r->minaddr % r->align) % r->align;

      if (a + r->size > r->maxaddr) {
         *expect_bad = 1;
      }
   }
   /* now and then, plainly invalid input */
   switch (rn(64)) {
   case 0:
      r->size = 0;
      *expect_bad = 1;
      break;
   case 1:
      if (q > 1) {
         r->size += 1;
         *expect_bad = 1;
      }
      break;
   case 2:
      r->align = 3 * q;
      *expect_bad = 1;
      break;
   case 3:
      r->phase = r->align;
      *expect_bad = 1;
      break;
   case 4:
      if (r->size > q) {
         r->nocross = q;
         *expect_bad = 1;
      }
      break;
   default:
      break;
   }
}

static void
op_alloc(int i)
{
   static const int pols[] = { 0, EMU_VM_INSTANTFIT, EMU_VM_BESTFIT,
                               EMU_VM_NEXTFIT };
   int pol = pols[rn(4)];
   mreq_t r;
   int bad;
   int fits;
   int x = rn(2) == 0;
   uintptr_t a = 0;
   emu_status_t st;

   gen_req(i, &r, &bad);
   if (!x) {
      /* plain alloc: only size matters */
      size_t size = r.size;
      int zero_or_odd = size == 0 || size % m[i].q != 0;

      memset(&r, 0, sizeof r);
      r.size = size;
      r.align = m[i].q;
      bad = zero_or_odd;
   }
   fits = bad ? 0 : model_fits(i, &r);
   if (x) {
      emu_vmem_req_t req;

      memset(&req, 0, sizeof req);
      req.size = r.size;
      req.align = r.align;
      req.phase = r.phase;
      req.nocross = r.nocross;
      req.minaddr = r.minaddr;
      req.maxaddr = r.maxaddr;
      req.flags = EMU_VM_NOSLEEP | pol;
      st = emu_vmem_xalloc(m[i].vmp, &req, &a);
   } else {
      st = emu_vmem_alloc(m[i].vmp, r.size, EMU_VM_NOSLEEP | pol, &a);
   }
   if (bad) {
      CHECK(st == EMU_BADPARAM, "%s: invalid request got status %d",
            m[i].name, st);
      return;
   }
   if (fits && st != EMU_OK && emu_host_getenv("VMEM_MODEL_DUMP")) {
      emu_vmem_dump(m[i].vmp, 100);
   }
   if (fits) {
      CHECK(st == EMU_OK, "%s: request [size %#zx align %#zx phase %#zx "
            "nocross %#zx min %#lx max %#lx] fits but got %d", m[i].name,
            r.size, r.align, r.phase, r.nocross, (unsigned long)r.minaddr,
            (unsigned long)r.maxaddr, st);
   } else if (m[i].parent < 0) {
      CHECK(st == EMU_NOMEM, "%s: nothing fits but got %d", m[i].name, st);
   } else {
      CHECK(st == EMU_OK || st == EMU_NOMEM, "%s: status %d", m[i].name, st);
   }
   if (st != EMU_OK) {
      return;
   }
   CHECK(honours(&r, a), "%s: %#lx breaks [size %#zx align %#zx phase %#zx "
         "nocross %#zx min %#lx max %#lx]", m[i].name, (unsigned long)a,
         r.size, r.align, r.phase, r.nocross, (unsigned long)r.minaddr,
         (unsigned long)r.maxaddr);
   CHECK(m[i].nlive < MAXLIVE, "model full");
   m[i].live[m[i].nlive].a = a;
   m[i].live[m[i].nlive].n = r.size;
   m[i].nlive++;
}

static void
op_free(int i)
{
   int k = (int)rn((uint64_t)m[i].nlive);
   ival_t v = m[i].live[k];

   m[i].live[k] = m[i].live[--m[i].nlive];
   if (rn(2)) {
      emu_vmem_free(m[i].vmp, v.a, v.n);
   } else {
      emu_vmem_xfree(m[i].vmp, v.a, v.n);
   }
}

static void
op_add(int i)
{
   size_t q = m[i].q;
   size_t n = (16 + rn(256)) * q;
   uintptr_t a;
   emu_status_t st;
   int overlap = 0;
   int k;

   if (rn(4) == 0 && m[i].nspan > 0) {
      /* deliberately overlap an existing span */
      k = (int)rn((uint64_t)m[i].nspan);
      a = m[i].span[k].a + rn(m[i].span[k].n / q) * q;
      overlap = 1;
   } else {
      a = m[i].next_span + rn(4) * q;        /* adjacent or with a gap */
   }
   st = emu_vmem_add(m[i].vmp, a, n, EMU_VM_NOSLEEP);
   if (overlap) {
      CHECK(st == EMU_BADPARAM, "%s: overlapping add got %d", m[i].name, st);
      return;
   }
   CHECK(st == EMU_OK, "%s: add got %d", m[i].name, st);
   m[i].span[m[i].nspan].a = a;
   m[i].span[m[i].nspan].n = n;
   m[i].nspan++;
   m[i].next_span = a + n;
}

static void
setup_models(void)
{
   emu_vmem_props_t p;
   int i;

   memset(m, 0, sizeof m);
   for (i = 0; i < NARENA; i++) {
      m[i].parent = -1;
      m[i].child = -1;
   }
   memset(&p, 0, sizeof p);
   m[0].name = "A";
   m[0].q = 16;
   p.name = "A";
   p.quantum = 16;
   p.base = 0x1000000;
   p.size = 512 * 16;
   assert_int_equal(emu_vmem_create(&p, &m[0].vmp), EMU_OK);
   m[0].span[0].a = p.base;
   m[0].span[0].n = p.size;
   m[0].nspan = 1;
   m[0].next_span = p.base + p.size;

   memset(&p, 0, sizeof p);
   m[1].name = "B";
   m[1].q = 16;
   m[1].parent = 0;
   m[0].child = 1;
   p.name = "B";
   p.quantum = 16;
   p.policy = EMU_VM_BESTFIT;
   p.import = emu_vmem_source_alloc;
   p.release = emu_vmem_source_free;
   p.source = m[0].vmp;
   p.import_min = 48 * 16;
   assert_int_equal(emu_vmem_create(&p, &m[1].vmp), EMU_OK);

   m[2].name = "C";
   m[2].q = 16;
   m[2].parent = 1;
   m[1].child = 2;
   p.name = "C";
   p.policy = EMU_VM_NEXTFIT;
   p.source = m[1].vmp;
   p.import_min = 16 * 16;
   assert_int_equal(emu_vmem_create(&p, &m[2].vmp), EMU_OK);

   m[3].name = "D";
   m[3].q = 1;
   assert_int_equal(emu_vmem_create_ids("D", 0, 300, &m[3].vmp), EMU_OK);
   m[3].span[0].a = 0;
   m[3].span[0].n = 300;
   m[3].nspan = 1;
   m[3].next_span = 300;

   memset(&p, 0, sizeof p);
   m[4].name = "E";
   m[4].q = 8;
   p.name = "E";
   p.quantum = 8;
   p.base = 0x5000;
   p.size = 200 * 8;
   assert_int_equal(emu_vmem_create(&p, &m[4].vmp), EMU_OK);
   m[4].span[0].a = p.base;
   m[4].span[0].n = p.size;
   m[4].nspan = 1;
   m[4].next_span = p.base + p.size;
}

static void
teardown_models(void)
{
   int i;

   for (i = NARENA - 1; i >= 0; i--) {
      while (m[i].nlive > 0) {
         op_free(i);
      }
      check_chain(i, 1);
   }
   for (i = 0; i < NARENA; i++) {
      emu_vmem_stats_t st;

      emu_vmem_stats(m[i].vmp, &st);
      CHECK(st.st_inuse == 0, "%s: units still in use", m[i].name);
   }
   emu_vmem_destroy(m[2].vmp);
   emu_vmem_destroy(m[1].vmp);
   emu_vmem_destroy(m[0].vmp);
   emu_vmem_destroy(m[3].vmp);
   emu_vmem_destroy(m[4].vmp);
}

static void
test_vmem_model_random_ops_match_reference(void **state)
{
   const char *e;
   uint64_t ops = 1000000;
   uint64_t counts[4] = { 0, 0, 0, 0 };

   (void)state;
   e = emu_host_getenv("VMEM_MODEL_OPS");
   if (e != NULL) {
      ops = strtoull(e, NULL, 0);
   }
   e = emu_host_getenv("VMEM_MODEL_SEED");
   seed = e != NULL ? strtoull(e, NULL, 0) : emu_clock_real_ns();
   if (seed == 0) {
      seed = 1;
   }
   rs = seed;
   printf("# vmem model: seed %llu, %llu operations\n",
          (unsigned long long)seed, (unsigned long long)ops);
   setup_models();
   for (step = 0; step < ops; step++) {
      int i = (int)rn(NARENA);
      uint64_t dice = rn(100);

      if (dice < 1 && m[i].parent < 0 && m[i].nspan < MAXSPAN) {
         op_add(i);
         counts[2]++;
      } else if (m[i].nlive > 0 &&
                 (dice < 50 || m[i].nlive >= MAXLIVE - 1)) {
         op_free(i);
         counts[1]++;
      } else {
         op_alloc(i);
         counts[0]++;
      }
      check_chain(i, (step & 15) == 0);
   }
   teardown_models();
   printf("# vmem model: %llu allocs, %llu frees, %llu adds\n",
          (unsigned long long)counts[0], (unsigned long long)counts[1],
          (unsigned long long)counts[2]);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_vmem_model_random_ops_match_reference),
   };

   return cmocka_run_group_tests(tests, NULL, NULL);
}
