/*
 * test_worldstorage.c -- world storage and PCPU storage.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

struct tally {
   int ctors;
   int dtors;
   int fail_after;                /* fail the ctor call number n (1-based) */
   vmk_WorldID last_ctor_world;
   vmk_WorldID last_dtor_world;
};

static VMK_ReturnStatus
count_ctor(vmk_WorldID world, void *data, vmk_ByteCountSmall size,
           vmk_AddrCookie arg)
{
   struct tally *t = arg.ptr;

   if (t->fail_after != 0 && t->ctors + 1 == t->fail_after) {
      return VMK_NO_MEMORY;
   }
   t->ctors++;
   t->last_ctor_world = world;
   memset(data, 0xab, size);
   return VMK_OK;
}

static void
count_dtor(vmk_WorldID world, void *data, vmk_ByteCountSmall size,
           vmk_AddrCookie arg)
{
   struct tally *t = arg.ptr;

   (void)data;
   (void)size;
   t->dtors++;
   t->last_dtor_world = world;
}

static VMK_ReturnStatus
create(struct tally *t, vmk_ByteCountSmall size, vmk_ByteCountSmall align,
       vmk_WorldStorageHandle *h)
{
   vmk_WorldStorageProps props;

   memset(&props, 0, sizeof props);
   props.type = VMK_WORLD_STORAGE_TYPE_SIMPLE;
   props.moduleID = VMK_INVALID_MODULE_ID;
   props.size = size;
   props.align = align;
   if (t != NULL) {
      props.constructor = count_ctor;
      props.destructor = count_dtor;
      props.arg.ptr = t;
   }
   return vmk_WorldStorageCreate(&props, h);
}

static void
test_storage_without_constructor_is_zero_and_aligned(void **state)
{
   vmk_WorldStorageHandle h1;
   vmk_WorldStorageHandle h2;
   unsigned char *p;
   vmk_WorldStorageHandle hs[2];
   int i;

   (void)state;
   assert_vmk_ok(create(NULL, 3, 1, &h1));
   assert_vmk_ok(create(NULL, 64, 64, &h2));
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_STORAGE), 2);
   assert_vmk_ok(vmk_WorldStorageLookUpLocal(h2, (void **)&p));
   assert_int_equal((uintptr_t)p % 64, 0);
   for (i = 0; i < 64; i++) {
      assert_int_equal(p[i], 0);
   }
   memset(p, 0x5a, 64);
   hs[0] = h1;
   hs[1] = h2;
   for (i = 0; i < 2; i++) {
      assert_vmk_ok(vmk_WorldStorageDestroy(hs[i]));
   }
   /* The offset comes back zeroed for the next user. */
   assert_vmk_ok(create(NULL, 64, 64, &h2));
   assert_vmk_ok(vmk_WorldStorageLookUpLocal(h2, (void **)&p));
   for (i = 0; i < 64; i++) {
      assert_int_equal(p[i], 0);
   }
   assert_vmk_ok(vmk_WorldStorageDestroy(h2));
   /* LookUp checks liveness; LookUpLocal only the range (as ESX). */
   assert_vmk_status(vmk_WorldStorageLookUp(vmk_WorldGetID(), h2,
                                            (void **)&p), VMK_BAD_PARAM);
   assert_vmk_status(vmk_WorldStorageDestroy(h2), VMK_BAD_PARAM);
   p = NULL;
   assert_vmk_status(vmk_WorldStorageLookUpLocal(16u * 1024u,
                                                 (void **)&p),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_WorldStorageLookUpLocal((vmk_WorldStorageHandle)-1,
                                                 (void **)&p),
                     VMK_BAD_PARAM);
   assert_null(p);
   assert_vmk_status(vmk_WorldStorageLookUpLocal(h1, NULL), VMK_BAD_PARAM);
}

static void
test_each_world_has_its_own_instance(void **state)
{
   vmk_WorldStorageHandle h;
   vmk_WorldID sim;
   int *mine;
   int *theirs;

   (void)state;
   assert_vmk_ok(create(NULL, sizeof(int), sizeof(int), &h));
   assert_vmk_ok(EmuCtl_WorldCreateSimulated("other", &sim));
   assert_vmk_ok(vmk_WorldStorageLookUpLocal(h, (void **)&mine));
   *mine = 1;
   assert_vmk_ok(EmuCtl_WorldEnter(sim));
   assert_vmk_ok(vmk_WorldStorageLookUpLocal(h, (void **)&theirs));
   assert_ptr_not_equal(mine, theirs);
   assert_int_equal(*theirs, 0);
   *theirs = 2;
   assert_vmk_ok(EmuCtl_WorldLeave());
   assert_int_equal(*mine, 1);
   assert_vmk_ok(vmk_WorldStorageLookUp(sim, h, (void **)&theirs));
   assert_int_equal(*theirs, 2);
   assert_vmk_ok(vmk_WorldStorageRelease(sim, (void **)&theirs));
   assert_null(theirs);
   assert_vmk_ok(EmuCtl_WorldKill(sim));
   assert_vmk_ok(vmk_WorldStorageDestroy(h));
}

static void
test_constructors_run_for_live_and_new_worlds(void **state)
{
   struct tally t;
   vmk_WorldStorageHandle h;
   vmk_WorldID sim;
   unsigned char *p;
   int live;

   (void)state;
   memset(&t, 0, sizeof t);
   assert_vmk_ok(create(&t, 16, 8, &h));
   live = t.ctors;
   assert_true(live >= 1);                  /* at least this thread */
   assert_vmk_ok(vmk_WorldStorageLookUpLocal(h, (void **)&p));
   assert_int_equal(p[0], 0xab);
   assert_vmk_ok(EmuCtl_WorldCreateSimulated("new", &sim));
   assert_int_equal(t.ctors, live + 1);
   assert_int_equal(t.last_ctor_world, sim);
   assert_vmk_ok(EmuCtl_WorldKill(sim));
   assert_int_equal(t.dtors, 1);
   assert_int_equal(t.last_dtor_world, sim);
   assert_vmk_ok(vmk_WorldStorageDestroy(h));
   assert_int_equal(t.dtors, live + 1);
}

static void
test_constructor_failure_unwinds_create(void **state)
{
   struct tally t;
   vmk_WorldStorageHandle h;
   vmk_WorldID a;
   vmk_WorldID b;

   (void)state;
   assert_vmk_ok(EmuCtl_WorldCreateSimulated("a", &a));
   assert_vmk_ok(EmuCtl_WorldCreateSimulated("b", &b));
   memset(&t, 0, sizeof t);
   t.fail_after = 2;
   assert_vmk_status(create(&t, 8, 8, &h), VMK_NO_MEMORY);
   assert_int_equal(t.ctors, 1);
   assert_int_equal(t.dtors, 1);              /* the one constructed */
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_STORAGE), 0);
   assert_vmk_ok(EmuCtl_WorldKill(a));
   assert_vmk_ok(EmuCtl_WorldKill(b));
}

static void
test_constructor_failure_fails_world_creation(void **state)
{
   struct tally t;
   vmk_WorldStorageHandle h;
   vmk_WorldID sim;
   vmk_uint32 before;

   (void)state;
   memset(&t, 0, sizeof t);
   assert_vmk_ok(create(&t, 8, 8, &h));
   t.fail_after = t.ctors + 1;
   before = EmuCtl_WorldCount();
   assert_vmk_status(EmuCtl_WorldCreateSimulated("doomed", &sim),
                     VMK_FAILURE);
   assert_int_equal(EmuCtl_WorldCount(), before);
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_WORLD), 0);
   t.fail_after = 0;
   assert_vmk_ok(vmk_WorldStorageDestroy(h));
}

static void
test_lookup_reference_holds_death_back(void **state)
{
   struct tally t;
   vmk_WorldStorageHandle h;
   vmk_WorldID sim;
   void *p;

   (void)state;
   memset(&t, 0, sizeof t);
   assert_vmk_ok(create(&t, 32, 8, &h));
   assert_vmk_ok(EmuCtl_WorldCreateSimulated("held", &sim));
   assert_vmk_ok(vmk_WorldStorageLookUp(sim, h, &p));
   assert_vmk_status(EmuCtl_WorldKill(sim), VMK_BUSY);
   assert_vmk_ok(vmk_WorldStorageRelease(sim, &p));
   assert_vmk_status(vmk_WorldStorageRelease(sim, &p), VMK_BAD_PARAM);
   assert_vmk_ok(EmuCtl_WorldKill(sim));
   assert_vmk_status(vmk_WorldStorageLookUp(sim, h, &p), VMK_NOT_FOUND);
   assert_vmk_status(vmk_WorldStorageLookUp(sim, 0x7fff, &p),
                     VMK_BAD_PARAM);
   assert_vmk_ok(vmk_WorldStorageDestroy(h));
}

static void
test_destroy_by_a_holder_is_refused_and_reported(void **state)
{
   vmk_WorldStorageHandle h;
   vmk_WorldID sim;
   void *p;

   (void)state;
   assert_vmk_ok(create(NULL, 16, 8, &h));
   assert_vmk_ok(EmuCtl_WorldCreateSimulated("peer", &sim));
   assert_vmk_ok(vmk_WorldStorageLookUp(sim, h, &p));
   /* Waiting for our own reference would never end: refused instead. */
   EmuCtl_ExpectReport(EMUCTL_REPORT_BUSY_DESTROY);
   assert_vmk_status(vmk_WorldStorageDestroy(h), VMK_BUSY);
   assert_reports_met();
   /* The storage is intact and works on. */
   assert_vmk_ok(vmk_WorldStorageRelease(sim, &p));
   assert_vmk_ok(vmk_WorldStorageLookUp(sim, h, &p));
   assert_vmk_ok(vmk_WorldStorageRelease(sim, &p));
   assert_vmk_ok(EmuCtl_WorldKill(sim));
   assert_vmk_ok(vmk_WorldStorageDestroy(h));
}

struct dying {
   vmk_WorldStorageHandle h;
   vmk_Semaphore started;
   vmk_Semaphore finish;
};

static VMK_ReturnStatus
dying_world(void *data)
{
   struct dying *d = data;
   int *p;

   vmk_WorldStorageLookUpLocal(d->h, (void **)&p);
   *p = 42;
   vmk_SemaUnlock(&d->started);
   vmk_SemaLock(&d->finish);
   return VMK_OK;
}

static void
test_reference_keeps_area_of_exited_world_alive(void **state)
{
   struct tally t;
   struct dying d;
   vmk_WorldProps props;
   vmk_WorldID id;
   int *p;

   (void)state;
   memset(&t, 0, sizeof t);
   assert_vmk_ok(create(&t, sizeof(int), sizeof(int), &d.h));
   assert_vmk_ok(vmk_SemaCreate(&d.started, 0, "started", 0));
   assert_vmk_ok(vmk_SemaCreate(&d.finish, 0, "finish", 0));
   memset(&props, 0, sizeof props);
   props.name = "dying";
   props.startFunction = dying_world;
   props.data = &d;
   assert_vmk_ok(vmk_WorldCreate(&props, &id));
   vmk_SemaLock(&d.started);
   assert_vmk_ok(vmk_WorldStorageLookUp(id, d.h, (void **)&p));
   vmk_SemaUnlock(&d.finish);
   /* The world returns, but cannot die while we hold its storage. */
   vmk_WorldSleep(2000);
   assert_int_equal(*p, 42);
   assert_int_equal(t.last_dtor_world == id, 0);
   assert_vmk_ok(vmk_WorldStorageRelease(id, (void **)&p));
   {
      VMK_ReturnStatus st = vmk_WorldWaitForDeath(id);

      assert_true(st == VMK_OK || st == VMK_INVALID_WORLD);
   }
   assert_int_equal(t.last_dtor_world, id);
   vmk_SemaDestroy(&d.started);
   vmk_SemaDestroy(&d.finish);
   assert_vmk_ok(vmk_WorldStorageDestroy(d.h));
}

static void
test_storage_area_runs_out_with_no_memory(void **state)
{
   vmk_WorldStorageHandle hs[64];
   int n = 0;
   VMK_ReturnStatus st;

   (void)state;
   while ((st = create(NULL, 1024, 8, &hs[n])) == VMK_OK) {
      n++;
      assert_true(n < 64);
   }
   assert_int_equal(st, VMK_NO_MEMORY);
   assert_true(n >= 8);
   while (n-- > 0) {
      assert_vmk_ok(vmk_WorldStorageDestroy(hs[n]));
   }
   assert_vmk_status(create(NULL, 0, 8, &hs[0]), VMK_BAD_PARAM);
   assert_vmk_status(create(NULL, 8, 3, &hs[0]), VMK_BAD_PARAM);
}

/* -- PCPU storage -------------------------------------------------------- */

static int pcpu_ctors;
static int pcpu_dtors;

static VMK_ReturnStatus
pcpu_ctor(vmk_PCPUID pcpu, void *data, vmk_ByteCountSmall size,
          vmk_AddrCookie arg)
{
   (void)size;
   (void)arg;
   *(uintptr_t *)data = (uintptr_t)pcpu + 100;
   pcpu_ctors++;
   return VMK_OK;
}

static void
pcpu_dtor(vmk_PCPUID pcpu, void *data, vmk_ByteCountSmall size,
          vmk_AddrCookie arg)
{
   (void)pcpu;
   (void)data;
   (void)size;
   (void)arg;
   pcpu_dtors++;
}

static void
test_pcpu_storage_has_one_instance_per_pcpu(void **state)
{
   vmk_PCPUStorageProps props;
   vmk_PCPUStorageHandle h;
   vmk_uint32 n = EmuCtl_NumPCPUs();
   vmk_uint32 i;
   void *p;

   (void)state;
   memset(&props, 0, sizeof props);
   props.type = VMK_PCPU_STORAGE_TYPE_WRITE_LOCAL;
   strcpy(props.name.string, "percpu");
   props.size = sizeof(uintptr_t);
   props.align = 64;
   props.constructor = pcpu_ctor;
   props.destructor = pcpu_dtor;
   pcpu_ctors = pcpu_dtors = 0;
   assert_vmk_ok(vmk_PCPUStorageCreate(&props, &h));
   assert_int_equal(pcpu_ctors, n);
   for (i = 0; i < n; i++) {
      assert_vmk_ok(vmk_PCPUStorageLookUp((vmk_PCPUID)(uintptr_t)i, h, &p));
      assert_int_equal((uintptr_t)p % 64, 0);
      assert_int_equal(*(uintptr_t *)p, i + 100);
      assert_vmk_ok(vmk_PCPUStorageRelease(h, p));
   }
   VMK_WITH_PCPU_DO(pcpu) {
      assert_vmk_ok(vmk_PCPUStorageLookUp(pcpu, h, &p));
      assert_int_equal(*(uintptr_t *)p, (uintptr_t)pcpu + 100);
      assert_vmk_ok(vmk_PCPUStorageRelease(h, p));
   } VMK_END_WITH_PCPU(pcpu);
   assert_vmk_status(vmk_PCPUStorageLookUp((vmk_PCPUID)(uintptr_t)n, h, &p),
                     VMK_BAD_PARAM);
   assert_vmk_ok(vmk_PCPUStorageLookUp((vmk_PCPUID)0, h, &p));
   assert_vmk_status(vmk_PCPUStorageDestroy(h), VMK_BUSY);
   assert_vmk_ok(vmk_PCPUStorageRelease(h, p));
   assert_vmk_ok(vmk_PCPUStorageDestroy(h));
   assert_int_equal(pcpu_dtors, n);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_storage_without_constructor_is_zero_and_aligned),
      cmocka_unit_test(test_each_world_has_its_own_instance),
      cmocka_unit_test(test_constructors_run_for_live_and_new_worlds),
      cmocka_unit_test(test_constructor_failure_unwinds_create),
      cmocka_unit_test(test_constructor_failure_fails_world_creation),
      cmocka_unit_test(test_lookup_reference_holds_death_back),
      cmocka_unit_test(test_destroy_by_a_holder_is_refused_and_reported),
      cmocka_unit_test(test_reference_keeps_area_of_exited_world_alive),
      cmocka_unit_test(test_storage_area_runs_out_with_no_memory),
      cmocka_unit_test(test_pcpu_storage_has_one_instance_per_pcpu),
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
