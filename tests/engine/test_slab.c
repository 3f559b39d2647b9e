/*
 * test_slab.c -- white-box tests of the slab engine (emu/mem/slab.c):
 * layout, reclaim, memory accounting, magazines across threads.
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

#include "mem/mempool.h"
#include "mem/slab.h"
#include "mem/slab_backing.h"

static int ctors;
static int dtors;

static emu_status_t
t_ctor(const emu_slab_user_t *u, void *obj, size_t size)
{
   __atomic_add_fetch(&ctors, 1, __ATOMIC_RELAXED);
   memset(obj, 0x77, size);
   return EMU_OK;
}

static void
t_dtor(const emu_slab_user_t *u, void *obj, size_t size)
{
   __atomic_add_fetch(&dtors, 1, __ATOMIC_RELAXED);
}

static void
props(emu_slab_props_t *p, size_t size, size_t ctrloff)
{
   memset(p, 0, sizeof *p);
   p->name = "engine";
   p->objsize = size;
   p->align = 8;
   p->ctrloff = ctrloff;
   p->maxobj = EMU_SLAB_UNLIMITED;
}

static void
test_slab_layout_packs_64_byte_objects_with_inner_control(void **state)
{
   emu_slab_props_t p;
   emu_slab_layout_t ly;

   props(&p, 64, 8);
   assert_int_equal(emu_slab_layout(&p, 0, &ly), EMU_OK);
   assert_int_equal(ly.ly_chunk, 64);
   assert_int_equal(ly.ly_clbytes, 65536);
   assert_int_equal(ly.ly_clnobj, (65536 - 64) / 64);
   props(&p, 64, EMU_SLAB_CTRL_END);
   assert_int_equal(emu_slab_layout(&p, 0, &ly), EMU_OK);
   assert_int_equal(ly.ly_chunk, 64 + EMU_SLAB_CTRL_SIZE);
   /* Without an offset the control structure sits just before the object
    * (the first object's in the cluster header's tail). */
   assert_int_equal(ly.ly_linkoff, EMU_SLAB_PRE_LINKOFF);
   assert_true(ly.ly_clhdr >= sizeof(emu_slab_cluster_t) +
                              EMU_SLAB_CTRL_SIZE);
}

static void
test_slab_reclaim_gives_free_clusters_back_and_runs_destructors(void **state)
{
   emu_slab_props_t p;
   emu_slab_cache_t *sc;
   emu_slab_stats_t st;
   static void *obj[20000];
   uint64_t before;
   size_t bytes;
   int i;

   ctors = dtors = 0;
   props(&p, 100, EMU_SLAB_CTRL_END);
   p.ctor = t_ctor;
   p.dtor = t_dtor;
   p.minobj = 100;
   before = emu_slab_backing_inuse();
   assert_int_equal(emu_slab_create(&p, &sc), EMU_OK);
   emu_slab_stats(sc, &st);
   assert_int_equal(emu_slab_backing_inuse() - before,
                    st.ss_clusters * st.ss_clbytes);
   for (i = 0; i < 20000; i++) {
      obj[i] = emu_slab_alloc(sc, 0, NULL);
      assert_non_null(obj[i]);
      assert_int_equal(((unsigned char *)obj[i])[99], 0x77);
   }
   emu_slab_stats(sc, &st);
   assert_int_equal(ctors, (int)st.ss_objects);
   assert_int_equal(dtors, 0);
   for (i = 0; i < 20000; i++) {
      emu_slab_free(sc, obj[i], NULL);
   }
   assert_int_equal(dtors, 0);                /* free never destructs */
   bytes = emu_slab_reclaim(sc);
   assert_true(bytes > 0);
   emu_slab_stats(sc, &st);
   assert_int_equal(st.ss_clusters, 1);       /* minObj's cluster stays */
   assert_int_equal(ctors - dtors, (int)st.ss_objects);
   assert_int_equal(emu_slab_backing_inuse() - before, st.ss_clbytes);
   assert_int_equal(emu_slab_destroy(sc, NULL), EMU_OK);
   assert_int_equal(ctors, dtors);
   assert_int_equal(emu_slab_backing_inuse(), before);
}

static void
test_slab_get_mem_size_agrees_with_what_create_takes(void **state)
{
   vmk_SlabCreateProps p;
   vmk_SlabMemSize ms;
   vmk_SlabID slab;
   uint64_t before;
   static const vmk_uint32 sizes[] = { 16, 64, 200, 3000, 70000 };
   unsigned i;

   for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
      memset(&p, 0, sizeof p);
      p.type = VMK_SLAB_TYPE_SIMPLE;
      strcpy(p.name.string, "memsize");
      p.objSize = sizes[i];
      p.alignment = 8;
      p.minObj = 1000;
      p.maxObj = 5000;
      assert_vmk_ok(vmk_SlabGetMemSize(&p, &ms));
      /* A SIMPLE slab's pages come from a root pool of its own. */
      before = emu_mempool_unreserved();
      assert_vmk_ok(vmk_SlabCreate(&p, &slab));
      assert_int_equal(before - emu_mempool_unreserved(), ms.minPages);
      assert_vmk_ok(vmk_SlabDestroy(slab));
      assert_int_equal(emu_mempool_unreserved(), before);
   }
}

static void *
thread_alloc_and_exit(void *arg)
{
   emu_slab_cache_t *sc = arg;
   void *obj[100];
   int i;

   for (i = 0; i < 100; i++) {
      obj[i] = emu_slab_alloc(sc, 0, NULL);
   }
   for (i = 0; i < 100; i++) {
      emu_slab_free(sc, obj[i], NULL);
   }
   return NULL;                      /* magazines flushed at exit */
}

static void
test_slab_thread_exit_returns_its_magazines_to_the_depot(void **state)
{
   emu_slab_props_t p;
   emu_slab_cache_t *sc;
   emu_slab_stats_t st;
   pthread_t t;

   props(&p, 48, EMU_SLAB_CTRL_END);
   assert_int_equal(emu_slab_create(&p, &sc), EMU_OK);
   assert_int_equal(pthread_create(&t, NULL, thread_alloc_and_exit, sc), 0);
   pthread_join(t, NULL);
   emu_slab_stats(sc, &st);
   assert_int_equal(st.ss_free, st.ss_objects);   /* all back, none lost */
   emu_slab_reclaim(sc);
   emu_slab_stats(sc, &st);
   assert_int_equal(st.ss_clusters, 0);
   assert_int_equal(emu_slab_destroy(sc, NULL), EMU_OK);
}

static void
test_slab_free_fast_path_refuses_foreign_and_interior_pointers(void **state)
{
   emu_slab_props_t p;
   emu_slab_cache_t *sc;
   char *obj;

   props(&p, 40, EMU_SLAB_CTRL_END);
   assert_int_equal(emu_slab_create(&p, &sc), EMU_OK);
   obj = emu_slab_alloc(sc, 0, NULL);
   assert_non_null(obj);
   assert_false(emu_slab_free_fast(sc, obj + 1));
   assert_false(emu_slab_free_fast(sc, obj + 8));
   assert_false(emu_slab_free_fast(sc, &p));
   assert_true(emu_slab_free_fast(sc, obj) || (emu_slab_free(sc, obj, NULL),
                                               1));
   assert_false(emu_slab_free_fast(sc, obj));   /* already free */
   assert_int_equal(emu_slab_destroy(sc, NULL), EMU_OK);
}

/*
 * The tag-only free fast path (control before the object) takes only the
 * cache's own handed-out objects: not another cache's, not with a NULL
 * handle, not an interior pointer even where the driver stored the slab
 * handle in the object, and nothing while fault
 * injection is armed (both fast paths then go slow).  A cache with an
 * inner control offset whose driver overwrote the control words still
 * frees fast through the checked path.
 */
static void
test_slab_free_fast_path_tag_refuses_what_is_not_handed_out(void **state)
{
   emu_slab_props_t p;
   emu_slab_cache_t *a;
   emu_slab_cache_t *b;
   emu_slab_cache_t *in;
   char *oa;
   char *oa2;
   char *ob;
   char *oi;
   void *got = NULL;
   /* Opaque to the compiler, which would otherwise warn about the NULL
    * handle reaching code that the tag check keeps it from. */
   emu_slab_cache_t *volatile nullsc = NULL;
   int i;

   props(&p, 48, EMU_SLAB_CTRL_END);
   assert_int_equal(emu_slab_create(&p, &a), EMU_OK);
   assert_int_equal(emu_slab_create(&p, &b), EMU_OK);
   props(&p, 48, 8);
   assert_int_equal(emu_slab_create(&p, &in), EMU_OK);
   oa = emu_slab_alloc(a, 0, NULL);
   oa2 = emu_slab_alloc(a, 0, NULL);
   ob = emu_slab_alloc(b, 0, NULL);
   oi = emu_slab_alloc(in, 0, NULL);
   assert_non_null(oa);
   assert_non_null(oa2);
   assert_non_null(ob);
   assert_non_null(oi);

   assert_false(emu_slab_free_fast(b, oa));        /* another cache's */
   assert_false(emu_slab_free_fast(nullsc, oa));
   for (i = 0; i < 6; i++) {                       /* the driver keeps */
      memcpy(oa + 8 * i, &a, sizeof a);            /* its slab handle  */
   }
   for (i = 1; i < 6; i++) {
      assert_false(emu_slab_free_fast(a, oa + 8 * i));
   }

   emu_fault_fail_nth(EMU_FAULT_SLAB, 1000000);    /* armed, never fires */
   assert_false(emu_slab_alloc_fast(a, &got));
   assert_false(emu_slab_free_fast(a, oa));
   emu_fault_fail_nth(EMU_FAULT_SLAB, 0);
   emu_slab_free(a, oa2, NULL);                    /* onto the magazine */
   if (a->sc_magic == EMU_SLAB_MAGIC_FAST) {       /* (not when auditing) */
      assert_true(emu_slab_alloc_fast(a, &got));   /* the slot is back */
      assert_ptr_equal(got, oa2);
   } else {
      got = emu_slab_alloc(a, 0, NULL);
      assert_non_null(got);
   }

   memset(oi, 0x5c, 48);                           /* driver data over ctrl */
   assert_true(emu_slab_free_fast(in, oi) || (emu_slab_free(in, oi, NULL),
                                              1));
   assert_false(emu_slab_free_fast(in, oi));       /* already free */

   assert_true(emu_slab_free_fast(a, oa) || (emu_slab_free(a, oa, NULL), 1));
   assert_false(emu_slab_free_fast(a, oa));
   emu_slab_free(a, got, NULL);
   emu_slab_free(b, ob, NULL);
   assert_int_equal(emu_slab_destroy(a, NULL), EMU_OK);
   assert_int_equal(emu_slab_destroy(b, NULL), EMU_OK);
   assert_int_equal(emu_slab_destroy(in, NULL), EMU_OK);
}

/*
 * Charging (slab.c 9.): the layer above's count covers exactly the objects
 * handed out plus those in the calling thread's magazines, never more than
 * take granted; a refused take fails the allocation; magcap bounds what
 * the thread keeps; flushing the thread's magazines gives all of theirs
 * back; a keyed cache's tags carry its slot offset.
 */
static uint32_t charge_now;
static uint32_t charge_limit;

static uint32_t
t_take(emu_slab_cache_t *sc, uint32_t want)
{
   uint32_t g = charge_limit - charge_now;

   (void)sc;
   assert_true(want >= 1);
   g = g < want ? g : want;
   charge_now += g;
   return g;
}

static void
t_give(emu_slab_cache_t *sc, uint32_t n)
{
   (void)sc;
   assert_true(n <= charge_now);
   charge_now -= n;
}

static void
test_slab_charging_counts_handed_out_and_magazine_objects(void **state)
{
   emu_slab_props_t p;
   emu_slab_cache_t *sc;
   void *obj[40];
   int i;

   (void)state;
   props(&p, 64, EMU_SLAB_CTRL_END);
   p.flags = EMU_SLAB_F_INTERNAL;
   p.take = t_take;
   p.give = t_give;
   p.magcap = 8;
   p.tagkey = (uint64_t)0x80001234u << 32;
   charge_now = 0;
   charge_limit = 1000;
   assert_int_equal(emu_slab_create(&p, &sc), EMU_OK);
   /* A fill takes a magazine's worth (magcap), not more. */
   obj[0] = emu_slab_alloc(sc, 0, NULL);
   assert_non_null(obj[0]);
   assert_int_equal(charge_now, 8);
   assert_int_equal(emu_slab_tag_load((uintptr_t)obj[0], EMU_SLAB_PRE_TAGOFF),
                    (uintptr_t)0x80001234u << 32 |
                       sc->sc_index * sizeof(emu_mag_slot_t) | 1);
   for (i = 1; i < 40; i++) {
      obj[i] = emu_slab_alloc(sc, 0, NULL);
      assert_non_null(obj[i]);
   }
   assert_true(charge_now >= 40 && charge_now <= 40 + 8);
   for (i = 0; i < 40; i++) {
      emu_slab_free(sc, obj[i], NULL);
      /* Handed out: 39 - i; the thread holds at most two magazines. */
      assert_true(charge_now <= (uint32_t)(39 - i) + 2 * 8);
   }
   assert_int_equal(emu_slab_tag_load((uintptr_t)obj[0], EMU_SLAB_PRE_TAGOFF),
                    ((uintptr_t)0x80001234u << 32 |
                     sc->sc_index * sizeof(emu_mag_slot_t)));
   assert_true(charge_now > 0);
   emu_slab_flush_mine(sc);
   assert_int_equal(charge_now, 0);
   /* A limit of 3: three objects, then NULL until one is freed. */
   charge_limit = 3;
   for (i = 0; i < 3; i++) {
      obj[i] = emu_slab_alloc(sc, 0, NULL);
      assert_non_null(obj[i]);
   }
   assert_null(emu_slab_alloc(sc, 0, NULL));
   assert_int_equal(charge_now, 3);
   emu_slab_free(sc, obj[2], NULL);
   obj[2] = emu_slab_alloc(sc, 0, NULL);
   assert_non_null(obj[2]);
   for (i = 0; i < 3; i++) {
      emu_slab_free(sc, obj[i], NULL);
   }
   assert_int_equal(emu_slab_destroy(sc, NULL), EMU_OK);
   assert_int_equal(charge_now, 0);   /* destroy drained the magazines */
}

/*
 * Rounds of a cache whose control structure is inside its objects carry a
 * flag bit in the magazines (magazine.h): objects must come out without
 * it, and go back to their clusters without it, through the magazines,
 * the depot and a flush.
 */
static void
check_inside_object(emu_slab_cache_t *sc, char *o)
{
   emu_slab_cluster_t *cl;

   assert_non_null(o);
   assert_int_equal((uintptr_t)o % 8, 0);
   cl = emu_slab_cluster_of((uintptr_t)o);
   assert_non_null(cl);
   assert_ptr_equal(cl->cl_cache, sc);
   assert_true(emu_slab_obj_index(sc, cl, (uintptr_t)o) < sc->sc_clnobj64);
}

static void
test_slab_inside_cache_objects_cross_magazines_and_depot_unflagged(
   void **state)
{
   enum { N = 500 };
   static char *obj[N];
   emu_slab_props_t p;
   emu_slab_cache_t *sc;
   emu_slab_stats_t st;
   void *got;
   int i;
   int j;

   props(&p, 48, 8);
   assert_int_equal(emu_slab_create(&p, &sc), EMU_OK);
   for (j = 0; j < 2; j++) {
      for (i = 0; i < N; i++) {
         if (!emu_slab_alloc_fast(sc, &got)) {
            got = emu_slab_alloc(sc, 0, NULL);
         }
         obj[i] = got;
         check_inside_object(sc, obj[i]);
         memset(obj[i], 0x3c, 48);           /* driver data over ctrl */
      }
      for (i = 0; i < N; i++) {
         if (!emu_slab_free_fast(sc, obj[i])) {
            emu_slab_free(sc, obj[i], NULL);
         }
      }
      emu_slab_flush_mine(sc);               /* via the depot */
      emu_slab_stats(sc, &st);
      assert_int_equal(st.ss_free, st.ss_objects);
   }
   /*
    * Reclaim purges the depot into the clusters; one object kept out
    * keeps its cluster, whose free list then hands out what the purge put
    * there.
    */
   obj[0] = emu_slab_alloc(sc, 0, NULL);
   check_inside_object(sc, obj[0]);
   emu_slab_reclaim(sc);
   {
      emu_slab_cluster_t *cl = emu_slab_cluster_of((uintptr_t)obj[0]);
      char *o = cl->cl_free;

      for (i = 0; i < (int)cl->cl_nfree; i++) {
         check_inside_object(sc, o);
         o = (char *)emu_slab_tag_load((uintptr_t)o, sc->sc_linkoff);
      }
   }
   for (i = 1; i < N; i++) {
      obj[i] = emu_slab_alloc(sc, 0, NULL);
      check_inside_object(sc, obj[i]);
   }
   for (i = 0; i < N; i++) {
      emu_slab_free(sc, obj[i], NULL);
   }
   emu_slab_reclaim(sc);
   emu_slab_stats(sc, &st);
   assert_int_equal(st.ss_clusters, 0);
   assert_int_equal(emu_slab_destroy(sc, NULL), EMU_OK);
}

/*
 * A slot array made before a cache existed gets that cache's slot set up
 * when the cache's index is handed out: a thread whose array is older than
 * the cache, and a thread with no array yet, both find the slot empty (go
 * slow) instead of reading a zeroed slot.
 */
typedef struct slot_age {
   emu_slab_cache_t *sa_old;
   emu_slab_cache_t *volatile sa_new;
   volatile int      sa_ready;
   int               sa_fast_first;
   int               sa_lifo;
} slot_age_t;

static void *
thread_with_old_slots(void *arg)
{
   slot_age_t *a = arg;
   emu_slab_cache_t *sc;
   void *o;
   void *got = NULL;

   o = emu_slab_alloc(a->sa_old, 0, NULL);     /* makes this thread's slots */
   emu_slab_free(a->sa_old, o, NULL);
   __atomic_store_n(&a->sa_ready, 1, __ATOMIC_RELEASE);
   while ((sc = __atomic_load_n(&a->sa_new, __ATOMIC_ACQUIRE)) == NULL) {
      emu_thread_yield();
   }
   a->sa_fast_first = emu_slab_alloc_fast(sc, &got);
   o = emu_slab_alloc(sc, 0, NULL);
   emu_slab_free(sc, o, NULL);
   if (sc->sc_magic == EMU_SLAB_MAGIC_FAST) {
      a->sa_lifo = emu_slab_alloc_fast(sc, &got) && got == o;
      emu_slab_free(sc, got, NULL);
   } else {
      a->sa_lifo = 1;                           /* direct mode: no slot */
   }
   return NULL;
}

static void *
thread_without_slots(void *arg)
{
   void *got = NULL;

   return (void *)(uintptr_t)emu_slab_alloc_fast(arg, &got);
}

static void
test_slab_slots_of_a_cache_newer_than_a_thread_start_empty(void **state)
{
   emu_slab_props_t p;
   slot_age_t a;
   emu_slab_cache_t *sc;
   pthread_t t;
   void *ret;

   memset(&a, 0, sizeof a);
   props(&p, 32, EMU_SLAB_CTRL_END);
   assert_int_equal(emu_slab_create(&p, &a.sa_old), EMU_OK);
   assert_int_equal(pthread_create(&t, NULL, thread_with_old_slots, &a), 0);
   while (!__atomic_load_n(&a.sa_ready, __ATOMIC_ACQUIRE)) {
      emu_thread_yield();
   }
   assert_int_equal(emu_slab_create(&p, &sc), EMU_OK);
   assert_true(sc->sc_index > a.sa_old->sc_index);   /* a newer slot */
   __atomic_store_n(&a.sa_new, sc, __ATOMIC_RELEASE);
   pthread_join(t, NULL);
   assert_false(a.sa_fast_first);
   assert_true(a.sa_lifo);
   assert_int_equal(pthread_create(&t, NULL, thread_without_slots, sc), 0);
   pthread_join(t, &ret);
   assert_null(ret);
   assert_int_equal(emu_slab_destroy(sc, NULL), EMU_OK);
   assert_int_equal(emu_slab_destroy(a.sa_old, NULL), EMU_OK);
}

/* The backing range is one aligned power of two; the test is exact. */
static void
test_slab_range_test_is_exact_at_both_ends(void **state)
{
   emu_slab_props_t p;
   emu_slab_cache_t *sc;
   uintptr_t b;
   size_t n;

   props(&p, 32, EMU_SLAB_CTRL_END);
   assert_int_equal(emu_slab_create(&p, &sc), EMU_OK);   /* backing made */
   b = emu_slab_range.sr_base;
   n = emu_slab_range.sr_len;
   assert_int_equal(n, EMU_SLAB_MACHINE_BYTES);
   assert_int_equal(b % n, 0);
   assert_true(emu_slab_in_range(b));
   assert_true(emu_slab_in_range(b + n - 1));
   assert_false(emu_slab_in_range(b - 1));
   assert_false(emu_slab_in_range(b + n));
   assert_false(emu_slab_in_range(0));
   assert_false(emu_slab_in_range(UINTPTR_MAX));
   assert_int_equal(emu_slab_destroy(sc, NULL), EMU_OK);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_slab_layout_packs_64_byte_objects_with_inner_control),
      cmocka_unit_test(test_slab_reclaim_gives_free_clusters_back_and_runs_destructors),
      cmocka_unit_test(test_slab_get_mem_size_agrees_with_what_create_takes),
      cmocka_unit_test(test_slab_thread_exit_returns_its_magazines_to_the_depot),
      cmocka_unit_test(test_slab_free_fast_path_refuses_foreign_and_interior_pointers),
      cmocka_unit_test(test_slab_free_fast_path_tag_refuses_what_is_not_handed_out),
      cmocka_unit_test(test_slab_charging_counts_handed_out_and_magazine_objects),
      cmocka_unit_test(test_slab_inside_cache_objects_cross_magazines_and_depot_unflagged),
      cmocka_unit_test(test_slab_slots_of_a_cache_newer_than_a_thread_start_empty),
      cmocka_unit_test(test_slab_range_test_is_exact_at_both_ends),
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
