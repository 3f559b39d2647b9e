/*
 * test_dump.c -- core-dump files: callbacks run when a dump is taken, in
 * registration order, with the live flag; their ranges and pages end up in
 * the file; misuse outside a callback, limits, delete.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "emutest.h"

static vmk_HeapID
heap_new(const char *name)
{
   vmk_HeapCreateProps props;
   vmk_HeapID heap = VMK_INVALID_HEAP_ID;

   memset(&props, 0, sizeof props);
   props.type = VMK_HEAP_TYPE_SIMPLE;
   vmk_NameInitialize(&props.name, name);
   props.max = 64 * 1024;
   props.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   assert_vmk_ok(vmk_HeapCreate(&props, &heap));
   return heap;
}

typedef struct dump_state {
   vmk_DumpFileHandle h;
   const char        *text;
   vmk_MPN            mpn;
   int                runs;
   vmk_Bool           live;
   int                order;
   VMK_ReturnStatus   zeros_big;
} dump_state_t;

static int dump_clock;

static VMK_ReturnStatus
dump_cb(void *cookie, vmk_Bool liveDump)
{
   dump_state_t *ds = cookie;

   ds->runs++;
   ds->live = liveDump;
   ds->order = dump_clock++;
   if (ds->text != NULL) {
      assert_vmk_ok(vmk_DumpRange(ds->h, (vmk_VA)ds->text,
                                  (vmk_uint32)strlen(ds->text)));
   }
   if (ds->mpn != 0) {
      assert_vmk_ok(vmk_DumpMPN(ds->h, ds->mpn));
   }
   /* Zeros: a page at most. */
   assert_vmk_ok(vmk_DumpRange(ds->h, 0, 8));
   ds->zeros_big = vmk_DumpRange(ds->h, 0, VMK_PAGE_SIZE + 1);
   return VMK_OK;
}

static void
test_dump_collects_ranges_and_pages(void **state)
{
   vmk_HeapID heap = heap_new("dump1");
   dump_state_t a = { 0 };
   dump_state_t b = { 0 };
   vmk_MemPoolProps mp;
   vmk_MemPool pool;
   vmk_MemPoolAllocProps ap;
   vmk_MemPoolAllocRequest rq;
   vmk_MpnRange r;
   vmk_VA va;
   unsigned char buf[VMK_PAGE_SIZE + 64];
   vmk_uint64 len;
   VMK_ReturnStatus cst;
   vmk_uint32 n;

   (void)state;
   memset(&mp, 0, sizeof mp);
   vmk_NameInitialize(&mp.name, "dumppool");
   mp.memPoolType = VMK_MEM_POOL_LEAF;
   assert_vmk_ok(vmk_MemPoolCreate(&mp, &pool));
   memset(&ap, 0, sizeof ap);
   ap.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   rq.numPages = 1;
   rq.numElements = 1;
   rq.mpnRanges = &r;
   assert_vmk_ok(vmk_MemPoolAlloc(pool, &ap, &rq));
   assert_vmk_ok(vmk_MA2VA(vmk_MPN2MA(r.startMPN), VMK_PAGE_SIZE, &va));
   memset((void *)va, 0xab, VMK_PAGE_SIZE);

   a.text = "hello dump";
   b.mpn = r.startMPN;
   assert_vmk_ok(vmk_DumpAddFileCallback(vmk_ModuleCurrentID, heap, "fileA",
                                         dump_cb, &a, "tagA", &a.h));
   assert_vmk_ok(vmk_DumpAddFileCallback(vmk_ModuleCurrentID, heap, "fileB",
                                         dump_cb, &b, NULL, &b.h));
   dump_clock = 0;
   assert_vmk_ok(EmuCtl_DumpRun(VMK_FALSE, &n));
   assert_int_equal(n, 2);
   assert_int_equal(a.runs, 1);
   assert_int_equal(b.runs, 1);
   assert_int_equal(a.live, VMK_FALSE);
   assert_true(a.order < b.order);
   assert_vmk_status(a.zeros_big, VMK_LIMIT_EXCEEDED);

   assert_vmk_ok(EmuCtl_DumpFileData("fileA", buf, sizeof buf, &len, &cst));
   assert_int_equal(len, 10 + 8);
   assert_memory_equal(buf, "hello dump", 10);
   assert_int_equal(buf[10], 0);
   assert_vmk_ok(cst);
   assert_vmk_ok(EmuCtl_DumpFileData("fileB", buf, sizeof buf, &len, NULL));
   assert_int_equal(len, VMK_PAGE_SIZE + 8);
   assert_int_equal(buf[0], 0xab);
   assert_int_equal(buf[VMK_PAGE_SIZE - 1], 0xab);
   assert_vmk_status(EmuCtl_DumpFileData("nofile", buf, 1, &len, NULL),
                     VMK_NOT_FOUND);
   assert_vmk_status(EmuCtl_DumpFileData(NULL, buf, 1, &len, NULL),
                     VMK_BAD_PARAM);

   /* A live dump runs them again and says so. */
   assert_vmk_ok(EmuCtl_DumpRun(VMK_TRUE, NULL));
   assert_int_equal(a.runs, 2);
   assert_int_equal(a.live, VMK_TRUE);

   /* Deleted files are no longer dumped. */
   assert_vmk_ok(vmk_DumpDeleteFileCallback(a.h));
   assert_vmk_status(vmk_DumpDeleteFileCallback(a.h), VMK_NOT_FOUND);
   assert_vmk_ok(EmuCtl_DumpRun(VMK_FALSE, &n));
   assert_int_equal(n, 1);
   assert_int_equal(a.runs, 2);
   assert_vmk_ok(vmk_DumpDeleteFileCallback(b.h));
   EmuCtl_DumpClear();
   assert_vmk_status(EmuCtl_DumpFileData("fileB", NULL, 0, &len, NULL),
                     VMK_NOT_FOUND);
   assert_vmk_ok(vmk_MemPoolFree(&rq));
   assert_vmk_ok(vmk_MemPoolDestroy(pool));
   vmk_HeapDestroy(heap);
}

static void
test_dump_outside_callback_is_misuse(void **state)
{
   vmk_HeapID heap = heap_new("dump2");
   dump_state_t a = { 0 };

   (void)state;
   assert_vmk_ok(vmk_DumpAddFileCallback(vmk_ModuleCurrentID, heap, "f",
                                         dump_cb, &a, NULL, &a.h));
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_vmk_status(vmk_DumpRange(a.h, (vmk_VA)"x", 1), VMK_BAD_PARAM);
   assert_reports_met();
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_vmk_status(vmk_DumpMPN(a.h, 1), VMK_BAD_PARAM);
   assert_reports_met();
   assert_vmk_ok(vmk_DumpDeleteFileCallback(a.h));
   vmk_HeapDestroy(heap);
}

static VMK_ReturnStatus
bad_mpn_cb(void *cookie, vmk_Bool liveDump)
{
   vmk_DumpFileHandle *h = cookie;

   (void)liveDump;
   return vmk_DumpMPN(*h, 3);         /* below machine memory */
}

static void
test_dump_of_a_page_outside_memory_fails(void **state)
{
   vmk_HeapID heap = heap_new("dump3");
   vmk_DumpFileHandle h;
   VMK_ReturnStatus cst;

   (void)state;
   assert_vmk_ok(vmk_DumpAddFileCallback(vmk_ModuleCurrentID, heap, "bad",
                                         bad_mpn_cb, &h, NULL, &h));
   assert_vmk_ok(EmuCtl_DumpRun(VMK_TRUE, NULL));
   assert_vmk_ok(EmuCtl_DumpFileData("bad", NULL, 0, NULL, &cst));
   assert_vmk_status(cst, VMK_BAD_PARAM);
   assert_vmk_ok(vmk_DumpDeleteFileCallback(h));
   vmk_HeapDestroy(heap);
}

static VMK_ReturnStatus
sleepy_cb(void *cookie, vmk_Bool liveDump)
{
   (void)cookie;
   (void)liveDump;
   vmk_WorldSleep(10);
   return VMK_OK;
}

static void
test_blocking_in_a_non_live_dump_is_reported(void **state)
{
   vmk_HeapID heap = heap_new("dump4");
   vmk_DumpFileHandle h;

   (void)state;
   assert_vmk_ok(vmk_DumpAddFileCallback(vmk_ModuleCurrentID, heap, "zz",
                                         sleepy_cb, NULL, NULL, &h));
   assert_vmk_ok(EmuCtl_DumpRun(VMK_TRUE, NULL));      /* fine when live */
   EmuCtl_ExpectReport(EMUCTL_REPORT_BLOCK_IN_NONBLOCKING);
   assert_vmk_ok(EmuCtl_DumpRun(VMK_FALSE, NULL));
   assert_reports_met();
   assert_vmk_ok(vmk_DumpDeleteFileCallback(h));
   EmuCtl_DumpClear();
   vmk_HeapDestroy(heap);
}

static void
test_add_rejects_bad_input_and_a_full_table(void **state)
{
   vmk_HeapID heap = heap_new("dump5");
   vmk_DumpFileHandle h[EMUCTL_DUMP_MAX_FILES + 1];
   char name[16];
   int i;

   (void)state;
   assert_vmk_status(vmk_DumpAddFileCallback(vmk_ModuleCurrentID, heap, "",
                                             sleepy_cb, NULL, NULL, &h[0]),
                     VMK_INVALID_NAME);
   assert_vmk_status(vmk_DumpAddFileCallback(vmk_ModuleCurrentID, heap, NULL,
                                             sleepy_cb, NULL, NULL, &h[0]),
                     VMK_INVALID_NAME);
   assert_vmk_status(vmk_DumpAddFileCallback(vmk_ModuleCurrentID, heap, "x",
                                             NULL, NULL, NULL, &h[0]),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_DumpAddFileCallback(vmk_ModuleCurrentID,
                                             VMK_INVALID_HEAP_ID, "x",
                                             sleepy_cb, NULL, NULL, &h[0]),
                     VMK_BAD_PARAM);
   for (i = 0; i < EMUCTL_DUMP_MAX_FILES; i++) {
      snprintf(name, sizeof name, "f%d", i);
      assert_vmk_ok(vmk_DumpAddFileCallback(vmk_ModuleCurrentID, heap, name,
                                            sleepy_cb, NULL, NULL, &h[i]));
   }
   assert_vmk_status(vmk_DumpAddFileCallback(vmk_ModuleCurrentID, heap, "one",
                                             sleepy_cb, NULL, NULL, &h[i]),
                     VMK_LIMIT_EXCEEDED);
   for (i = 0; i < EMUCTL_DUMP_MAX_FILES; i++) {
      assert_vmk_ok(vmk_DumpDeleteFileCallback(h[i]));
   }
   vmk_HeapDestroy(heap);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_dump_collects_ranges_and_pages),
      cmocka_unit_test(test_dump_outside_callback_is_misuse),
      cmocka_unit_test(test_dump_of_a_page_outside_memory_fails),
      cmocka_unit_test(test_blocking_in_a_non_live_dump_is_reported),
      cmocka_unit_test(test_add_rejects_bad_input_and_a_full_table),
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
