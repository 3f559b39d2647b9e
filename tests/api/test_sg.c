/*
 * test_sg.c -- machine-address scatter-gather arrays and component arrays
 * as a driver sees them: ops handles (default and the driver's own),
 * arrays describing heap buffers, copies, positions, and the misuse
 * reports (double free, wrong handle, leaks, dead handles).
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

#define PAGE VMK_PAGE_SIZE

static vmk_HeapID test_heap;

static int
sg_setup(void **state)
{
   vmk_HeapCreateProps props;

   if (emutest_group_setup(state) != 0) {
      return -1;
   }
   memset(&props, 0, sizeof props);
   props.type = VMK_HEAP_TYPE_SIMPLE;
   vmk_NameInitialize(&props.name, "sg-test");
   props.initial = 0;
   props.max = 4 * 1024 * 1024;
   props.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   return vmk_HeapCreate(&props, &test_heap) == VMK_OK ? 0 : -1;
}

static int
sg_teardown(void **state)
{
   vmk_HeapDestroy(test_heap);
   return emutest_group_teardown(state);
}

/* A heap buffer that starts offset bytes into a page and spans pages. */
static char *
page_buf(vmk_uint32 len, vmk_uint32 offset, void **base)
{
   char *b = vmk_HeapAlign(test_heap, len + offset, PAGE);

   assert_non_null(b);
   *base = b;
   return b + offset;
}

static void
fill(char *p, vmk_uint32 len, unsigned seed)
{
   vmk_uint32 i;

   for (i = 0; i < len; i++) {
      p[i] = (char)(i * 7 + seed);
   }
}

static void
test_default_ops_allocate_arrays_from_the_heap(void **state)
{
   vmk_SgOpsHandle ops;
   vmk_SgArray *sg;

   (void)state;
   assert_vmk_ok(vmk_SgCreateOpsHandle(test_heap, &ops, NULL, NULL));
   assert_vmk_ok(vmk_SgAlloc(ops, &sg, 8));
   assert_int_equal(sg->maxElems, 8);
   assert_int_equal(sg->numElems, 0);
   sg->elem[7].length = 1;                 /* all 8 elements are usable */
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_OTHER) >= 2, 1);
   assert_vmk_ok(vmk_SgFree(ops, sg));
   assert_vmk_ok(vmk_SgDestroyOpsHandle(ops));
}

static void
test_create_ops_handle_rejects_bad_arguments(void **state)
{
   vmk_SgOpsHandle ops;
   vmk_SgArrayOps half;
   vmk_SgComponentOpsHandle cops;

   (void)state;
   memset(&half, 0, sizeof half);
   assert_vmk_status(vmk_SgCreateOpsHandle(test_heap, NULL, NULL, NULL),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_SgCreateOpsHandle(NULL, &ops, NULL, NULL),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_SgCreateOpsHandle(test_heap, &ops, &half, NULL),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_SgComponentCreateOpsHandle(NULL, &cops, NULL, NULL),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_SgDestroyOpsHandle(NULL), VMK_BAD_PARAM);
   assert_vmk_status(vmk_SgComponentDestroyOpsHandle(NULL), VMK_BAD_PARAM);
}

static int custom_allocs;
static int custom_frees;
static void *custom_private_seen;

static VMK_ReturnStatus
custom_alloc(vmk_SgOpsHandle h, vmk_SgArray **sg, vmk_uint32 n, void *priv)
{
   (void)h;
   custom_private_seen = priv;
   *sg = vmk_HeapAlloc(test_heap, vmk_SgComputeAllocSize(n));
   if (*sg == NULL) {
      return VMK_NO_MEMORY;
   }
   (*sg)->maxElems = n;
   (*sg)->numElems = 0;
   custom_allocs++;
   return VMK_OK;
}

static VMK_ReturnStatus
custom_free(vmk_SgOpsHandle h, vmk_SgArray *sg, void *priv)
{
   (void)h;
   (void)priv;
   vmk_HeapFree(test_heap, sg);
   custom_frees++;
   return VMK_OK;
}

static VMK_ReturnStatus
failing_alloc(vmk_SgOpsHandle h, vmk_SgArray **sg, vmk_uint32 n, void *priv)
{
   (void)h;
   (void)n;
   (void)priv;
   *sg = NULL;
   return VMK_NO_MEMORY;
}

static VMK_ReturnStatus
short_alloc(vmk_SgOpsHandle h, vmk_SgArray **sg, vmk_uint32 n, void *priv)
{
   VMK_ReturnStatus vs = custom_alloc(h, sg, n, priv);

   if (vs == VMK_OK) {
      (*sg)->maxElems = n - 1;
   }
   return vs;
}

static void
test_custom_alloc_giving_too_little_room_is_misuse(void **state)
{
   vmk_SgArrayOps ops = { short_alloc, custom_free };
   vmk_SgOpsHandle h;
   vmk_SgArray *sg;

   (void)state;
   custom_allocs = custom_frees = 0;
   assert_vmk_ok(vmk_SgCreateOpsHandle(test_heap, &h, &ops, NULL));
   EmuCtl_ExpectReport(EMUCTL_REPORT_MISUSE);
   assert_vmk_status(vmk_SgAlloc(h, &sg, 4), VMK_BAD_PARAM);
   assert_reports_met();
   /* The array went back to the driver's free callback. */
   assert_int_equal(custom_frees, 1);
   assert_vmk_ok(vmk_SgDestroyOpsHandle(h));
}

static void
test_custom_ops_are_called_with_their_private_data(void **state)
{
   vmk_SgArrayOps ops = { custom_alloc, custom_free };
   vmk_SgArrayOps bad = { failing_alloc, custom_free };
   vmk_SgOpsHandle h;
   vmk_SgArray *sg;
   int cookie;

   (void)state;
   custom_allocs = custom_frees = 0;
   assert_vmk_ok(vmk_SgCreateOpsHandle(test_heap, &h, &ops, &cookie));
   assert_vmk_ok(vmk_SgAlloc(h, &sg, 3));
   assert_int_equal(custom_allocs, 1);
   assert_ptr_equal(custom_private_seen, &cookie);
   assert_int_equal(sg->maxElems, 3);
   assert_vmk_ok(vmk_SgFree(h, sg));
   assert_int_equal(custom_frees, 1);
   assert_vmk_ok(vmk_SgDestroyOpsHandle(h));

   assert_vmk_ok(vmk_SgCreateOpsHandle(test_heap, &h, &bad, NULL));
   assert_vmk_status(vmk_SgAlloc(h, &sg, 3), VMK_NO_MEMORY);
   assert_vmk_ok(vmk_SgDestroyOpsHandle(h));
}

static void
test_alloc_rejects_zero_elements_and_null_out(void **state)
{
   vmk_SgOpsHandle ops;
   vmk_SgArray *sg;

   (void)state;
   assert_vmk_ok(vmk_SgCreateOpsHandle(test_heap, &ops, NULL, NULL));
   assert_vmk_status(vmk_SgAlloc(ops, &sg, 0), VMK_BAD_PARAM);
   assert_vmk_status(vmk_SgAlloc(ops, NULL, 4), VMK_BAD_PARAM);
   assert_vmk_status(vmk_SgAlloc(NULL, &sg, 4), VMK_BAD_PARAM);
   assert_vmk_status(vmk_SgFree(ops, NULL), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_SgDestroyOpsHandle(ops));
}

static void
test_compute_max_entries_counts_pages_touched(void **state)
{
   vmk_uint32 n;

   (void)state;
   assert_vmk_ok(vmk_SgComputeMaxEntries((void *)(uintptr_t)0x10000, PAGE,
                                         &n));
   assert_int_equal(n, 1);
   assert_vmk_ok(vmk_SgComputeMaxEntries((void *)(uintptr_t)0x10001, PAGE,
                                         &n));
   assert_int_equal(n, 2);
   assert_vmk_ok(vmk_SgComputeMaxEntries((void *)(uintptr_t)0x10fff, 2, &n));
   assert_int_equal(n, 2);
   assert_vmk_ok(vmk_SgComputeMaxEntries((void *)(uintptr_t)0x10000, 0, &n));
   assert_int_equal(n, 0);
   assert_vmk_status(vmk_SgComputeMaxEntries(NULL, 1, NULL), VMK_BAD_PARAM);
}

static void
test_alloc_with_init_describes_the_buffer_page_by_page(void **state)
{
   vmk_SgOpsHandle ops;
   vmk_SgArray *sg;
   void *base;
   char *buf = page_buf(2 * PAGE, 100, &base);
   vmk_uint32 i;
   vmk_uint64 off = 0;

   (void)state;
   assert_vmk_ok(vmk_SgCreateOpsHandle(test_heap, &ops, NULL, NULL));
   assert_vmk_ok(vmk_SgAllocWithInit(ops, &sg, buf, 2 * PAGE));
   assert_int_equal(sg->numElems, 3);
   assert_int_equal(sg->elem[0].length, PAGE - 100);
   assert_int_equal(sg->elem[1].length, PAGE);
   assert_int_equal(sg->elem[2].length, 100);
   assert_int_equal(vmk_SgGetDataLen(sg), 2 * PAGE);
   for (i = 0; i < sg->numElems; i++) {
      vmk_VA va;

      assert_vmk_ok(vmk_MA2VA(sg->elem[i].addr, sg->elem[i].length, &va));
      assert_ptr_equal((void *)(uintptr_t)va, buf + off);
      off += sg->elem[i].length;
   }
   assert_vmk_ok(vmk_SgFree(ops, sg));
   assert_vmk_ok(vmk_SgDestroyOpsHandle(ops));
   vmk_HeapFree(test_heap, base);
}

static void
test_init_honours_the_start_entry_and_the_room_left(void **state)
{
   vmk_SgOpsHandle ops;
   vmk_SgArray *sg;
   void *base;
   char *buf = page_buf(PAGE, 0, &base);
   char stack_buf[64];

   (void)state;
   assert_vmk_ok(vmk_SgCreateOpsHandle(test_heap, &ops, NULL, NULL));
   assert_vmk_ok(vmk_SgAlloc(ops, &sg, 3));
   assert_vmk_ok(vmk_SgInit(ops, sg, buf, PAGE, 2));
   assert_int_equal(sg->numElems, 3);
   assert_int_equal(sg->elem[2].length, PAGE);
   /* Two pages do not fit in the one element left after entry 2. */
   assert_vmk_status(vmk_SgInit(ops, sg, buf + 1, PAGE, 2), VMK_BAD_PARAM);
   assert_vmk_status(vmk_SgInit(ops, sg, buf, PAGE, 4), VMK_BAD_PARAM);
   /* Host memory that is not machine memory has no machine address. */
   assert_vmk_status(vmk_SgInit(ops, sg, stack_buf, sizeof stack_buf, 0),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_SgAllocWithInit(ops, &sg, stack_buf,
                                         sizeof stack_buf), VMK_BAD_PARAM);
   assert_vmk_status(vmk_SgInit(ops, NULL, buf, PAGE, 0), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_SgFree(ops, sg));
   assert_vmk_ok(vmk_SgDestroyOpsHandle(ops));
   vmk_HeapFree(test_heap, base);
}

static void
test_copy_to_and_from_round_trip_through_the_elements(void **state)
{
   vmk_SgOpsHandle ops;
   vmk_SgArray *sg;
   void *base;
   char *buf = page_buf(3 * PAGE, 17, &base);
   static char in[3 * 4096];
   static char out[3 * 4096 + 10];

   (void)state;
   assert_vmk_ok(vmk_SgCreateOpsHandle(test_heap, &ops, NULL, NULL));
   assert_vmk_ok(vmk_SgAllocWithInit(ops, &sg, buf, 3 * PAGE));
   fill(in, sizeof in, 3);
   assert_vmk_ok(vmk_SgCopyTo(sg, in, sizeof in));
   assert_memory_equal(buf, in, sizeof in);
   memset(out, 0, sizeof out);
   assert_vmk_ok(vmk_SgCopyFrom(out, sg, sizeof in));
   assert_memory_equal(out, in, sizeof in);
   /* Past the end: what fits is copied, and the call says it failed. */
   memset(out, 0, sizeof out);
   assert_vmk_status(vmk_SgCopyFrom(out, sg, sizeof out), VMK_FAILURE);
   assert_memory_equal(out, in, sizeof in);
   assert_vmk_ok(vmk_SgCopyTo(sg, in, 0));
   assert_vmk_status(vmk_SgCopyTo(NULL, in, 1), VMK_BAD_PARAM);
   assert_vmk_status(vmk_SgCopyFrom(NULL, sg, 1), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_SgFree(ops, sg));
   assert_vmk_ok(vmk_SgDestroyOpsHandle(ops));
   vmk_HeapFree(test_heap, base);
}

static void
test_find_position_names_element_and_offset(void **state)
{
   vmk_SgOpsHandle ops;
   vmk_SgArray *sg;
   vmk_SgPosition pos;
   void *base;
   char *buf = page_buf(2 * PAGE, 1000, &base);

   (void)state;
   assert_vmk_ok(vmk_SgCreateOpsHandle(test_heap, &ops, NULL, NULL));
   assert_vmk_ok(vmk_SgAllocWithInit(ops, &sg, buf, 2 * PAGE));
   assert_vmk_ok(vmk_SgFindPosition(sg, 0, &pos));
   assert_ptr_equal(pos.sg, sg);
   assert_int_equal(pos.type, VMK_SG_POSITION_TYPE_ELEMENT);
   assert_int_equal(pos.element.element, 0);
   assert_int_equal(pos.element.offset, 0);
   assert_vmk_ok(vmk_SgFindPosition(sg, PAGE - 1000, &pos));
   assert_int_equal(pos.element.element, 1);
   assert_int_equal(pos.element.offset, 0);
   assert_vmk_ok(vmk_SgFindPosition(sg, 2 * PAGE - 1, &pos));
   assert_int_equal(pos.element.element, 2);
   assert_int_equal(pos.element.offset, 999);
   assert_vmk_status(vmk_SgFindPosition(sg, 2 * PAGE, &pos), VMK_FAILURE);
   assert_vmk_status(vmk_SgFindPosition(NULL, 0, &pos), VMK_BAD_PARAM);
   assert_vmk_status(vmk_SgFindPosition(sg, 0, NULL), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_SgFree(ops, sg));
   assert_vmk_ok(vmk_SgDestroyOpsHandle(ops));
   vmk_HeapFree(test_heap, base);
}

static void
test_copy_data_moves_bytes_between_arrays(void **state)
{
   vmk_SgOpsHandle ops;
   vmk_SgArray *a;
   vmk_SgArray *b;
   vmk_SgPosition dst;
   vmk_SgPosition src;
   vmk_ByteCount copied;
   void *abase;
   void *bbase;
   char *abuf = page_buf(2 * PAGE, 300, &abase);
   char *bbuf = page_buf(2 * PAGE, 3000, &bbase);

   (void)state;
   fill(abuf, 2 * PAGE, 9);
   memset(bbuf, 0, 2 * PAGE);
   assert_vmk_ok(vmk_SgCreateOpsHandle(test_heap, &ops, NULL, NULL));
   assert_vmk_ok(vmk_SgAllocWithInit(ops, &a, abuf, 2 * PAGE));
   assert_vmk_ok(vmk_SgAllocWithInit(ops, &b, bbuf, 2 * PAGE));

   /* Source by buffer offset, destination by element position. */
   src.sg = a;
   src.type = VMK_SG_POSITION_TYPE_BUFFER_OFFSET;
   src.bufferOffset.offset = 10;
   assert_vmk_ok(vmk_SgFindPosition(b, 20, &dst));
   assert_vmk_ok(vmk_SgCopyData(&dst, &src, PAGE + 5, &copied));
   assert_int_equal(copied, PAGE + 5);
   assert_memory_equal(bbuf + 20, abuf + 10, PAGE + 5);
   assert_int_equal(bbuf[19], 0);
   assert_int_equal(bbuf[20 + PAGE + 5], 0);

   /* Running off the end of the destination copies what fits. */
   dst.sg = b;
   dst.type = VMK_SG_POSITION_TYPE_BUFFER_OFFSET;
   dst.bufferOffset.offset = 2 * PAGE - 100;
   src.bufferOffset.offset = 0;
   assert_vmk_status(vmk_SgCopyData(&dst, &src, 500, &copied), VMK_FAILURE);
   assert_int_equal(copied, 100);
   assert_memory_equal(bbuf + 2 * PAGE - 100, abuf, 100);

   /* Positions past the data or of no known type. */
   dst.bufferOffset.offset = 2 * PAGE;
   assert_vmk_status(vmk_SgCopyData(&dst, &src, 1, &copied), VMK_FAILURE);
   dst.type = VMK_SG_POSITION_TYPE_ELEMENT;
   dst.element.element = 0;
   dst.element.offset = 5000;
   assert_vmk_status(vmk_SgCopyData(&dst, &src, 1, &copied), VMK_FAILURE);
   dst.type = VMK_SG_POSITION_TYPE_NONE;
   assert_vmk_status(vmk_SgCopyData(&dst, &src, 1, &copied), VMK_BAD_PARAM);
   assert_vmk_status(vmk_SgCopyData(NULL, &src, 1, &copied), VMK_BAD_PARAM);

   assert_vmk_ok(vmk_SgFree(ops, a));
   assert_vmk_ok(vmk_SgFree(ops, b));
   assert_vmk_ok(vmk_SgDestroyOpsHandle(ops));
   vmk_HeapFree(test_heap, abase);
   vmk_HeapFree(test_heap, bbase);
}

static void
test_data_len_sums_used_elements_only(void **state)
{
   vmk_SgOpsHandle ops;
   vmk_SgArray *sg;

   (void)state;
   assert_int_equal(vmk_SgGetDataLen(NULL), 0);
   assert_vmk_ok(vmk_SgCreateOpsHandle(test_heap, &ops, NULL, NULL));
   assert_vmk_ok(vmk_SgAlloc(ops, &sg, 4));
   sg->elem[0].length = 10;
   sg->elem[1].length = 20;
   sg->elem[2].length = 1000;
   sg->numElems = 2;
   assert_int_equal(vmk_SgGetDataLen(sg), 30);
   assert_vmk_ok(vmk_SgFree(ops, sg));
   assert_vmk_ok(vmk_SgDestroyOpsHandle(ops));
}

static void
test_double_free_of_an_array_is_reported(void **state)
{
   vmk_SgOpsHandle ops;
   vmk_SgArray *sg;

   (void)state;
   assert_vmk_ok(vmk_SgCreateOpsHandle(test_heap, &ops, NULL, NULL));
   assert_vmk_ok(vmk_SgAlloc(ops, &sg, 2));
   assert_vmk_ok(vmk_SgFree(ops, sg));
   EmuCtl_ExpectReport(EMUCTL_REPORT_DOUBLE_FREE);
   assert_vmk_status(vmk_SgFree(ops, sg), VMK_BAD_PARAM);
   assert_reports_met();
   assert_vmk_ok(vmk_SgDestroyOpsHandle(ops));
}

static void
test_free_of_a_foreign_pointer_is_reported(void **state)
{
   vmk_SgOpsHandle ops;
   vmk_SgArray fake;

   (void)state;
   memset(&fake, 0, sizeof fake);
   assert_vmk_ok(vmk_SgCreateOpsHandle(test_heap, &ops, NULL, NULL));
   EmuCtl_ExpectReport(EMUCTL_REPORT_BAD_FREE);
   assert_vmk_status(vmk_SgFree(ops, &fake), VMK_BAD_PARAM);
   assert_reports_met();
   assert_vmk_ok(vmk_SgDestroyOpsHandle(ops));
}

static void
test_free_through_another_handle_is_reported(void **state)
{
   vmk_SgOpsHandle a;
   vmk_SgOpsHandle b;
   vmk_SgArray *sg;

   (void)state;
   assert_vmk_ok(vmk_SgCreateOpsHandle(test_heap, &a, NULL, NULL));
   assert_vmk_ok(vmk_SgCreateOpsHandle(test_heap, &b, NULL, NULL));
   assert_vmk_ok(vmk_SgAlloc(a, &sg, 2));
   EmuCtl_ExpectReport(EMUCTL_REPORT_WRONG_CACHE);
   assert_vmk_status(vmk_SgFree(b, sg), VMK_BAD_PARAM);
   assert_reports_met();
   assert_vmk_ok(vmk_SgFree(a, sg));
   assert_vmk_ok(vmk_SgDestroyOpsHandle(a));
   assert_vmk_ok(vmk_SgDestroyOpsHandle(b));
}

static void
test_destroying_a_handle_with_live_arrays_is_a_leak(void **state)
{
   vmk_SgOpsHandle ops;
   vmk_SgArray *sg;
   vmk_uint64 before = EmuCtl_LiveResources(EMUCTL_RSRC_OTHER);

   (void)state;
   assert_vmk_ok(vmk_SgCreateOpsHandle(test_heap, &ops, NULL, NULL));
   assert_vmk_ok(vmk_SgAlloc(ops, &sg, 2));
   assert_vmk_ok(vmk_SgAlloc(ops, &sg, 5));
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_OTHER), before + 3);
   EmuCtl_ExpectReport(EMUCTL_REPORT_LEAK);
   assert_vmk_ok(vmk_SgDestroyOpsHandle(ops));
   assert_reports_met();
   /* The arrays went with the handle. */
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_OTHER), before);
}

static void
test_a_destroyed_handle_is_a_dead_handle(void **state)
{
   vmk_SgOpsHandle ops;
   vmk_SgArray *sg;

   (void)state;
   assert_vmk_ok(vmk_SgCreateOpsHandle(test_heap, &ops, NULL, NULL));
   assert_vmk_ok(vmk_SgDestroyOpsHandle(ops));
   EmuCtl_ExpectReport(EMUCTL_REPORT_DEAD_HANDLE);
   assert_vmk_status(vmk_SgAlloc(ops, &sg, 1), VMK_BAD_PARAM);
   assert_reports_met();
   EmuCtl_ExpectReport(EMUCTL_REPORT_DEAD_HANDLE);
   assert_vmk_status(vmk_SgDestroyOpsHandle(ops), VMK_BAD_PARAM);
   assert_reports_met();
}

static void
test_alloc_fails_cleanly_when_the_heap_fails(void **state)
{
   vmk_SgOpsHandle ops;
   vmk_SgOpsHandle other;
   vmk_SgArray *sg;
   vmk_uint64 before;

   (void)state;
   assert_vmk_ok(vmk_SgCreateOpsHandle(test_heap, &ops, NULL, NULL));
   before = EmuCtl_LiveResources(EMUCTL_RSRC_OTHER);
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_HEAP, 1);
   assert_vmk_status(vmk_SgAlloc(ops, &sg, 4), VMK_NO_MEMORY);
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_HEAP, 0);
   assert_int_equal(EmuCtl_LiveResources(EMUCTL_RSRC_OTHER), before);
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_OTHER, 1);
   assert_vmk_status(vmk_SgCreateOpsHandle(test_heap, &other, NULL, NULL),
                     VMK_NO_MEMORY);
   EmuCtl_FailNthAlloc(EMUCTL_ALLOC_OTHER, 0);
   assert_vmk_ok(vmk_SgDestroyOpsHandle(ops));
}

static void
test_component_arrays_sum_their_io_lengths(void **state)
{
   vmk_SgComponentOpsHandle ops;
   vmk_SgComponentArray *ca;

   (void)state;
   assert_int_equal(vmk_SgComponentGetDataLen(NULL), 0);
   assert_vmk_ok(vmk_SgComponentCreateOpsHandle(test_heap, &ops, NULL, NULL));
   assert_vmk_ok(vmk_SgComponentAlloc(ops, &ca, 4));
   assert_int_equal(ca->maxComponents, 4);
   assert_int_equal(ca->numComponents, 0);
   ca->sgComponent[0].ioLength = 512;
   ca->sgComponent[1].ioLength = 4096;
   ca->sgComponent[2].ioLength = 7;
   ca->numComponents = 2;
   assert_int_equal(vmk_SgComponentGetDataLen(ca), 4608);
   assert_vmk_status(vmk_SgComponentAlloc(ops, &ca, 0), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_SgComponentFree(ops, ca));
   EmuCtl_ExpectReport(EMUCTL_REPORT_DOUBLE_FREE);
   assert_vmk_status(vmk_SgComponentFree(ops, ca), VMK_BAD_PARAM);
   assert_reports_met();
   assert_vmk_ok(vmk_SgComponentDestroyOpsHandle(ops));
}

static int comp_allocs;

static VMK_ReturnStatus
comp_alloc(vmk_SgComponentOpsHandle h, vmk_SgComponentArray **ca,
           vmk_uint32 n, void *priv)
{
   (void)h;
   (void)priv;
   *ca = vmk_HeapAlloc(test_heap, sizeof(vmk_SgComponentArray) +
                                     n * sizeof(vmk_SgComponent));
   if (*ca == NULL) {
      return VMK_NO_MEMORY;
   }
   memset(*ca, 0, sizeof **ca);
   (*ca)->maxComponents = (vmk_int32)n;
   comp_allocs++;
   return VMK_OK;
}

static VMK_ReturnStatus
comp_free(vmk_SgComponentOpsHandle h, vmk_SgComponentArray *ca, void *priv)
{
   (void)h;
   (void)priv;
   vmk_HeapFree(test_heap, ca);
   comp_allocs--;
   return VMK_OK;
}

static void
test_component_custom_ops_and_handle_kinds_are_kept_apart(void **state)
{
   vmk_SgComponentArrayOps cops = { comp_alloc, comp_free };
   vmk_SgComponentOpsHandle ch;
   vmk_SgOpsHandle sh;
   vmk_SgComponentArray *ca;
   vmk_SgArray *sg;

   (void)state;
   comp_allocs = 0;
   assert_vmk_ok(vmk_SgComponentCreateOpsHandle(test_heap, &ch, &cops, NULL));
   assert_vmk_ok(vmk_SgComponentAlloc(ch, &ca, 2));
   assert_int_equal(comp_allocs, 1);
   /* A component handle is not an SG handle. */
   sh = (vmk_SgOpsHandle)ch;
   EmuCtl_ExpectReport(EMUCTL_REPORT_DEAD_HANDLE);
   assert_vmk_status(vmk_SgAlloc(sh, &sg, 1), VMK_BAD_PARAM);
   assert_reports_met();
   assert_vmk_ok(vmk_SgComponentFree(ch, ca));
   assert_int_equal(comp_allocs, 0);
   assert_vmk_ok(vmk_SgComponentDestroyOpsHandle(ch));
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_default_ops_allocate_arrays_from_the_heap),
      cmocka_unit_test(test_create_ops_handle_rejects_bad_arguments),
      cmocka_unit_test(test_custom_ops_are_called_with_their_private_data),
      cmocka_unit_test(test_custom_alloc_giving_too_little_room_is_misuse),
      cmocka_unit_test(test_alloc_rejects_zero_elements_and_null_out),
      cmocka_unit_test(test_compute_max_entries_counts_pages_touched),
      cmocka_unit_test(test_alloc_with_init_describes_the_buffer_page_by_page),
      cmocka_unit_test(test_init_honours_the_start_entry_and_the_room_left),
      cmocka_unit_test(test_copy_to_and_from_round_trip_through_the_elements),
      cmocka_unit_test(test_find_position_names_element_and_offset),
      cmocka_unit_test(test_copy_data_moves_bytes_between_arrays),
      cmocka_unit_test(test_data_len_sums_used_elements_only),
      cmocka_unit_test(test_double_free_of_an_array_is_reported),
      cmocka_unit_test(test_free_of_a_foreign_pointer_is_reported),
      cmocka_unit_test(test_free_through_another_handle_is_reported),
      cmocka_unit_test(test_destroying_a_handle_with_live_arrays_is_a_leak),
      cmocka_unit_test(test_a_destroyed_handle_is_a_dead_handle),
      cmocka_unit_test(test_alloc_fails_cleanly_when_the_heap_fails),
      cmocka_unit_test(test_component_arrays_sum_their_io_lengths),
      cmocka_unit_test(test_component_custom_ops_and_handle_kinds_are_kept_apart),
   };

   return cmocka_run_group_tests(tests, sg_setup, sg_teardown);
}
