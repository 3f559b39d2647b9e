/*
 * test_mgmt.c -- the management channel driven as a user-space tool would:
 * sessions with announce/cleanup and cookies, kernel callbacks with
 * parameters copied in and out (fixed and vector), instance overrides,
 * user callbacks queued by the driver and delivered, keys, destroy.
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

#define CB_ADD    100
#define CB_VEC    101
#define CB_EVENT  102
#define CB_WHO    103

static int announces;
static int session_cleanups;
static int handle_cleanups;
static vmk_uint64 last_session_cookie;
static vmk_uint64 key_level = 3;
static char key_label[64] = "first";

static VMK_ReturnStatus
k_add(vmk_MgmtCookies *ck, vmk_MgmtEnvelope *env, vmk_uint32 *x,
      vmk_uint32 *y, vmk_uint64 *sum)
{
   (void)env;
   assert_int_equal(ck->handleCookie, 0xfeed);
   last_session_cookie = ck->sessionCookie;
   *sum = (vmk_uint64)*x + *y + 1000 * (*sum);  /* OUT starts zeroed */
   *x = 777;                                     /* IN: not copied back */
   return VMK_OK;
}

static VMK_ReturnStatus
k_vec(vmk_MgmtCookies *ck, vmk_MgmtEnvelope *env, vmk_MgmtVectorParm *v,
      vmk_uint32 *count)
{
   vmk_uint32 *e = v->dataPtr;
   vmk_uint32 i;

   (void)ck;
   (void)env;
   *count = (vmk_uint32)(v->length / sizeof *e);
   for (i = 0; i < *count; i++) {
      e[i] *= 2;
   }
   return VMK_OK;
}

static VMK_ReturnStatus
k_who(vmk_MgmtCookies *ck, vmk_MgmtEnvelope *env, vmk_uint64 *out)
{
   (void)ck;
   *out = env->instanceId;
   return VMK_OK;
}

static VMK_ReturnStatus
k_who_inst(vmk_MgmtCookies *ck, vmk_MgmtEnvelope *env, vmk_uint64 *out)
{
   (void)ck;
   *out = 1000000 + env->instanceId;
   return VMK_OK;
}

static vmk_MgmtCallbackInfo kcbs[] = {
   { VMK_MGMT_CALLBACK_KERNEL, (void *)k_add, 1, 3,
     { sizeof(vmk_uint32), sizeof(vmk_uint32), sizeof(vmk_uint64) },
     { VMK_MGMT_PARMTYPE_IN, VMK_MGMT_PARMTYPE_IN, VMK_MGMT_PARMTYPE_OUT },
     CB_ADD },
   { VMK_MGMT_CALLBACK_KERNEL, (void *)k_vec, 1, 2,
     { sizeof(vmk_uint32), sizeof(vmk_uint32) },
     { VMK_MGMT_PARMTYPE_VECTOR_INOUT, VMK_MGMT_PARMTYPE_OUT },
     CB_VEC },
   { VMK_MGMT_CALLBACK_USER, NULL, 0, 2,
     { sizeof(vmk_uint32), 1 },
     { VMK_MGMT_PARMTYPE_IN, VMK_MGMT_PARMTYPE_VECTOR_IN },
     CB_EVENT },
   { VMK_MGMT_CALLBACK_KERNEL, (void *)k_who, 1, 1,
     { sizeof(vmk_uint64) }, { VMK_MGMT_PARMTYPE_OUT }, CB_WHO },
};

static vmk_MgmtApiSignature ksig;

/* The user side: its own copy of the signature with the user callback. */
static int events;
static vmk_uint32 event_code;
static char event_text[32];
static vmk_uint64 event_cookie;
static vmk_uint64 event_instance;

static void
u_event(vmk_uint64 cookie, vmk_uint64 instance, vmk_uint32 *code,
        vmk_MgmtVectorParm *text)
{
   events++;
   event_cookie = cookie;
   event_instance = instance;
   event_code = *code;
   memset(event_text, 0, sizeof event_text);
   memcpy(event_text, text->dataPtr, text->length);
}

static vmk_MgmtCallbackInfo ucbs[4];
static vmk_MgmtApiSignature usig;

static VMK_ReturnStatus
announce(vmk_MgmtHandle h, vmk_uint64 hc, vmk_MgmtSessionID sid,
         vmk_uint64 *sc)
{
   (void)h;
   assert_int_equal(hc, 0xfeed);
   announces++;
   *sc = 0x5000 + sid;
   return VMK_OK;
}

static void
session_cleanup(vmk_MgmtHandle h, vmk_uint64 hc, vmk_MgmtSessionID sid,
                vmk_AddrCookie sc)
{
   (void)h;
   (void)hc;
   assert_int_equal(sc.addr, 0x5000 + sid);
   session_cleanups++;
}

static void
handle_cleanup(vmk_uint64 hc)
{
   assert_int_equal(hc, 0xfeed);
   handle_cleanups++;
}

static VMK_ReturnStatus
get_level(vmk_uint64 cookie, void *v)
{
   (void)cookie;
   *(vmk_uint64 *)v = key_level;
   return VMK_OK;
}

static VMK_ReturnStatus
set_level(vmk_uint64 cookie, void *v)
{
   (void)cookie;
   key_level = *(vmk_uint64 *)v;
   return key_level > 100 ? VMK_BAD_PARAM : VMK_OK;
}

static VMK_ReturnStatus
get_label(vmk_uint64 cookie, void *v)
{
   (void)cookie;
   strcpy(v, key_label);
   return VMK_OK;
}

static VMK_ReturnStatus
set_label(vmk_uint64 cookie, void *v)
{
   (void)cookie;
   snprintf(key_label, sizeof key_label, "%s", (char *)v);
   return VMK_OK;
}

static vmk_HeapID
heap_new(vmk_uint32 max)
{
   vmk_HeapCreateProps props;
   vmk_HeapID heap = VMK_INVALID_HEAP_ID;

   memset(&props, 0, sizeof props);
   props.type = VMK_HEAP_TYPE_SIMPLE;
   vmk_NameInitialize(&props.name, "mgmtheap");
   props.max = max;
   props.creationTimeoutMS = VMK_TIMEOUT_NONBLOCKING;
   assert_vmk_ok(vmk_HeapCreate(&props, &heap));
   return heap;
}

static vmk_MgmtHandle
mgmt_new(vmk_HeapID heap)
{
   vmk_MgmtProps p;
   vmk_MgmtHandle h = NULL;

   memset(&ksig, 0, sizeof ksig);
   ksig.version = VMK_REVISION_FROM_NUMBERS(1, 2, 0, 0);
   vmk_NameInitialize(&ksig.name, "testApi");
   vmk_NameInitialize(&ksig.vendor, "vmkemu");
   ksig.numCallbacks = 4;
   ksig.callbacks = kcbs;
   memcpy(ucbs, kcbs, sizeof ucbs);
   ucbs[2].callback = (void *)u_event;
   usig = ksig;
   usig.version = VMK_REVISION_FROM_NUMBERS(1, 2, 3, 0);
   usig.callbacks = ucbs;
   memset(&p, 0, sizeof p);
   p.modId = vmk_ModuleCurrentID;
   p.heapId = heap;
   p.sig = &ksig;
   p.cleanupFn = handle_cleanup;
   p.sessionAnnounceFn = announce;
   p.sessionCleanupFn = session_cleanup;
   p.handleCookie = 0xfeed;
   assert_vmk_ok(vmk_MgmtInit(&p, &h));
   return h;
}

static void
test_kernel_callback_gets_copies_and_returns_outputs(void **state)
{
   vmk_HeapID heap = heap_new(64 * 1024);
   vmk_MgmtHandle h = mgmt_new(heap);
   EmuCtl_MgmtSession s;
   vmk_uint32 x = 40;
   vmk_uint32 y = 2;
   vmk_uint64 sum = 5;
   void *parms[3] = { &x, &y, &sum };
   vmk_uint32 elems[5] = { 1, 2, 3, 4, 5 };
   vmk_MgmtVectorParm vec = { sizeof elems, elems };
   vmk_uint32 count = 0;
   void *vparms[2] = { &vec, &count };

   (void)state;
   announces = session_cleanups = handle_cleanups = 0;
   assert_vmk_ok(EmuCtl_MgmtUserInit(&usig, 77, &s));
   assert_int_equal(announces, 1);
   assert_vmk_ok(EmuCtl_MgmtInvoke(s, VMK_MGMT_NO_INSTANCE_ID, CB_ADD,
                                   parms, 3));
   assert_int_equal(sum, 42);           /* OUT was zeroed for the driver */
   assert_int_equal(x, 40);             /* IN is not copied back */
   assert_true(last_session_cookie > 0x5000);
   assert_vmk_ok(EmuCtl_MgmtInvoke(s, VMK_MGMT_NO_INSTANCE_ID, CB_VEC,
                                   vparms, 2));
   assert_int_equal(count, 5);
   assert_int_equal(elems[0], 2);
   assert_int_equal(elems[4], 10);
   /* Wrong count, unknown ID, a user callback, a vector of part units. */
   assert_vmk_status(EmuCtl_MgmtInvoke(s, 0, CB_ADD, parms, 2),
                     VMK_BAD_PARAM);
   assert_vmk_status(EmuCtl_MgmtInvoke(s, 0, 999, parms, 3), VMK_BAD_PARAM);
   assert_vmk_status(EmuCtl_MgmtInvoke(s, 0, CB_EVENT, parms, 2),
                     VMK_BAD_PARAM);
   vec.length = 6;
   assert_vmk_status(EmuCtl_MgmtInvoke(s, 0, CB_VEC, vparms, 2),
                     VMK_BAD_PARAM);
   assert_vmk_ok(EmuCtl_MgmtUserDestroy(s));
   assert_int_equal(session_cleanups, 1);
   assert_vmk_status(EmuCtl_MgmtUserDestroy(s), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_MgmtDestroy(h));
   assert_int_equal(handle_cleanups, 1);
   assert_vmk_status(vmk_MgmtDestroy(h), VMK_BAD_PARAM);
   vmk_HeapDestroy(heap);
}

static void
test_parameters_come_from_the_handles_heap(void **state)
{
   vmk_HeapID heap = heap_new(64 * 1024);
   vmk_MgmtHandle h = mgmt_new(heap);
   EmuCtl_MgmtSession s;
   static vmk_uint32 big[64 * 1024];
   vmk_MgmtVectorParm vec = { sizeof big, big };
   vmk_uint32 count = 0;
   void *vparms[2] = { &vec, &count };

   (void)state;
   assert_vmk_ok(EmuCtl_MgmtUserInit(&usig, 0, &s));
   /* 256 KiB of vector does not fit a 64 KiB heap. */
   assert_vmk_status(EmuCtl_MgmtInvoke(s, 0, CB_VEC, vparms, 2),
                     VMK_NO_MEMORY);
   assert_vmk_ok(EmuCtl_MgmtUserDestroy(s));
   assert_vmk_ok(vmk_MgmtDestroy(h));
   vmk_HeapDestroy(heap);
}

static void
test_user_callbacks_are_queued_and_delivered(void **state)
{
   vmk_HeapID heap = heap_new(64 * 1024);
   vmk_MgmtHandle h = mgmt_new(heap);
   EmuCtl_MgmtSession s1;
   EmuCtl_MgmtSession s2;
   vmk_MgmtEnvelope env;
   vmk_uint32 code = 9;
   char text[] = "link up";
   vmk_MgmtVectorParm vec = { sizeof text - 1, text };
   vmk_uint32 ran = 0;

   (void)state;
   env.instanceId = VMK_MGMT_NO_INSTANCE_ID;
   env.sessionId = VMK_MGMT_SESSION_ID_ALL;
   /* Nobody listens yet. */
   assert_vmk_status(vmk_MgmtCallbackInvoke(h, &env, CB_EVENT, &code, &vec),
                     VMK_NOT_FOUND);
   assert_vmk_ok(EmuCtl_MgmtUserInit(&usig, 11, &s1));
   assert_vmk_ok(EmuCtl_MgmtUserInit(&usig, 22, &s2));
   events = 0;
   env.instanceId = 5;
   assert_vmk_ok(vmk_MgmtCallbackInvoke(h, &env, CB_EVENT, &code, &vec));
   /* The driver may reuse its buffers at once: parameters were copied. */
   code = 0;
   memset(text, 'x', sizeof text - 1);
   assert_int_equal(events, 0);          /* delivered only on request */
   assert_vmk_ok(EmuCtl_MgmtDeliver(s1, &ran));
   assert_int_equal(ran, 1);
   assert_int_equal(event_cookie, 11);
   assert_int_equal(event_instance, 5);
   assert_int_equal(event_code, 9);
   assert_string_equal(event_text, "link up");
   assert_vmk_ok(EmuCtl_MgmtDeliver(s2, &ran));
   assert_int_equal(ran, 1);
   assert_int_equal(event_cookie, 22);
   /* Addressed to one session only. */
   env.sessionId = 0xdead;               /* no live session has it */
   code = 1;
   vec.length = 2;
   assert_vmk_status(vmk_MgmtCallbackInvoke(h, &env, CB_EVENT, &code, &vec),
                     VMK_NOT_FOUND);
   /* Bad invocations. */
   assert_vmk_status(vmk_MgmtCallbackInvoke(h, &env, CB_ADD, &code, &vec),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_MgmtCallbackInvoke(h, &env, CB_EVENT, &code),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_MgmtCallbackInvoke(h, NULL, CB_EVENT, &code, &vec),
                     VMK_BAD_PARAM);
   /* Queued callbacks die with their session. */
   env.sessionId = VMK_MGMT_SESSION_ID_ALL;
   assert_vmk_ok(vmk_MgmtCallbackInvoke(h, &env, CB_EVENT, &code, &vec));
   assert_vmk_ok(EmuCtl_MgmtUserDestroy(s1));
   assert_vmk_ok(EmuCtl_MgmtUserDestroy(s2));
   assert_vmk_status(EmuCtl_MgmtDeliver(s1, NULL), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_MgmtDestroy(h));
   vmk_HeapDestroy(heap);
}

static void
test_instances_override_callbacks(void **state)
{
   vmk_HeapID heap = heap_new(64 * 1024);
   vmk_MgmtHandle h = mgmt_new(heap);
   EmuCtl_MgmtSession s;
   vmk_MgmtCallbackInfo over = kcbs[3];
   vmk_MgmtInstances list;
   vmk_Name name;
   vmk_uint64 out = 0;
   void *parms[1] = { &out };

   (void)state;
   over.callback = (void *)k_who_inst;
   vmk_NameInitialize(&name, "port7");
   assert_vmk_ok(vmk_MgmtRegisterInstanceCallbacks(h, 7, vmk_ModuleCurrentID,
                                                   heap, &name, 1, &over));
   vmk_NameInitialize(&name, "port8");
   assert_vmk_ok(vmk_MgmtRegisterInstanceCallbacks(h, 8, vmk_ModuleCurrentID,
                                                   heap, &name, 0, NULL));
   assert_vmk_status(vmk_MgmtRegisterInstanceCallbacks(h, 8,
                                                       vmk_ModuleCurrentID,
                                                       heap, &name, 0, NULL),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_MgmtRegisterInstanceCallbacks(h, 0,
                                                       vmk_ModuleCurrentID,
                                                       heap, &name, 0, NULL),
                     VMK_BAD_PARAM);
   over.callbackId = 4242;
   assert_vmk_status(vmk_MgmtRegisterInstanceCallbacks(h, 9,
                                                       vmk_ModuleCurrentID,
                                                       heap, &name, 1, &over),
                     VMK_BAD_PARAM);
   assert_vmk_ok(EmuCtl_MgmtUserInit(&usig, 0, &s));
   assert_vmk_ok(EmuCtl_MgmtGetInstances(s, &list));
   assert_int_equal(list.numInstances, 2);
   assert_vmk_ok(EmuCtl_MgmtInvoke(s, 7, CB_WHO, parms, 1));
   assert_int_equal(out, 1000007);
   assert_vmk_ok(EmuCtl_MgmtInvoke(s, 8, CB_WHO, parms, 1));
   assert_int_equal(out, 8);
   assert_vmk_ok(EmuCtl_MgmtInvoke(s, VMK_MGMT_NO_INSTANCE_ID, CB_WHO,
                                   parms, 1));
   assert_int_equal(out, 0);
   assert_vmk_status(EmuCtl_MgmtInvoke(s, 99, CB_WHO, parms, 1),
                     VMK_NOT_FOUND);
   assert_vmk_ok(vmk_MgmtUnregisterInstanceCallbacks(h, 7));
   assert_vmk_status(vmk_MgmtUnregisterInstanceCallbacks(h, 7),
                     VMK_BAD_PARAM);
   assert_vmk_status(EmuCtl_MgmtInvoke(s, 7, CB_WHO, parms, 1),
                     VMK_NOT_FOUND);
   assert_vmk_ok(EmuCtl_MgmtUserDestroy(s));
   assert_vmk_ok(vmk_MgmtDestroy(h));
   vmk_HeapDestroy(heap);
}

static void
test_keys_read_and_set_as_text(void **state)
{
   vmk_HeapID heap = heap_new(64 * 1024);
   vmk_MgmtHandle h = mgmt_new(heap);
   vmk_Name k;
   char buf[64];

   (void)state;
   vmk_NameInitialize(&k, "level");
   assert_vmk_ok(vmk_MgmtAddKey(h, VMK_MGMT_KEY_TYPE_LONG, &k, get_level,
                                set_level));
   assert_vmk_status(vmk_MgmtAddKey(h, VMK_MGMT_KEY_TYPE_LONG, &k, get_level,
                                    set_level), VMK_BAD_PARAM);
   assert_vmk_status(vmk_MgmtAddKey(h, VMK_MGMT_KEY_TYPE_LONG, &k, NULL,
                                    set_level), VMK_BAD_PARAM);
   assert_vmk_status(vmk_MgmtAddKey(h, (vmk_MgmtKeyType)9, &k, get_level,
                                    set_level), VMK_BAD_PARAM);
   vmk_NameInitialize(&k, "label");
   assert_vmk_ok(vmk_MgmtAddKey(h, VMK_MGMT_KEY_TYPE_STRING, &k, get_label,
                                set_label));
   assert_vmk_ok(EmuCtl_MgmtKeyGet("testApi", "level", buf, sizeof buf));
   assert_string_equal(buf, "3");
   assert_vmk_ok(EmuCtl_MgmtKeySet("testApi", "level", "12"));
   assert_int_equal(key_level, 12);
   assert_vmk_status(EmuCtl_MgmtKeySet("testApi", "level", "twelve"),
                     VMK_BAD_PARAM);
   assert_vmk_status(EmuCtl_MgmtKeySet("testApi", "level", "500"),
                     VMK_FAILURE);
   assert_vmk_ok(EmuCtl_MgmtKeySet("testApi", "label", "second"));
   assert_vmk_ok(EmuCtl_MgmtKeyGet("testApi", "label", buf, sizeof buf));
   assert_string_equal(buf, "second");
   assert_vmk_status(EmuCtl_MgmtKeyGet("testApi", "nokey", buf, sizeof buf),
                     VMK_NOT_FOUND);
   assert_vmk_status(EmuCtl_MgmtKeyGet("noApi", "level", buf, sizeof buf),
                     VMK_NOT_FOUND);
   assert_vmk_ok(vmk_MgmtDestroy(h));
   vmk_HeapDestroy(heap);
}

static void
test_init_and_session_reject_bad_input(void **state)
{
   vmk_HeapID heap = heap_new(64 * 1024);
   vmk_MgmtHandle h = mgmt_new(heap);
   vmk_MgmtHandle h2;
   vmk_MgmtProps p;
   vmk_MgmtApiSignature other;
   vmk_MgmtCallbackInfo reserved = kcbs[0];
   EmuCtl_MgmtSession s;

   (void)state;
   memset(&p, 0, sizeof p);
   p.modId = vmk_ModuleCurrentID;
   p.heapId = heap;
   p.sig = &ksig;
   /* Same name and version twice. */
   assert_vmk_status(vmk_MgmtInit(&p, &h2), VMK_BAD_PARAM);
   assert_vmk_status(vmk_MgmtInit(NULL, &h2), VMK_BAD_PARAM);
   other = ksig;
   reserved.callbackId = 3;              /* IDs up to 15 are reserved */
   other.callbacks = &reserved;
   other.numCallbacks = 1;
   p.sig = &other;
   assert_vmk_status(vmk_MgmtInit(&p, &h2), VMK_BAD_PARAM);
   p.sig = &ksig;
   p.heapId = VMK_INVALID_HEAP_ID;
   assert_vmk_status(vmk_MgmtInit(&p, &h2), VMK_BAD_PARAM);
   /* A user side of another major version finds nothing. */
   other = usig;
   other.version = VMK_REVISION_FROM_NUMBERS(2, 2, 0, 0);
   assert_vmk_status(EmuCtl_MgmtUserInit(&other, 0, &s), VMK_NOT_FOUND);
   vmk_NameInitialize(&other.name, "otherApi");
   other.version = usig.version;
   assert_vmk_status(EmuCtl_MgmtUserInit(&other, 0, &s), VMK_NOT_FOUND);
   assert_vmk_status(EmuCtl_MgmtUserInit(NULL, 0, &s), VMK_BAD_PARAM);
   /* Destroy waits for the last session; then the cleanup runs. */
   handle_cleanups = 0;
   assert_vmk_ok(EmuCtl_MgmtUserInit(&usig, 0, &s));
   assert_vmk_ok(vmk_MgmtDestroy(h));
   assert_int_equal(handle_cleanups, 0);
   assert_vmk_status(EmuCtl_MgmtUserInit(&usig, 0, &s), VMK_NOT_FOUND);
   assert_vmk_ok(EmuCtl_MgmtUserDestroy(s));
   assert_int_equal(handle_cleanups, 1);
   vmk_HeapDestroy(heap);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_kernel_callback_gets_copies_and_returns_outputs),
      cmocka_unit_test(test_parameters_come_from_the_handles_heap),
      cmocka_unit_test(test_user_callbacks_are_queued_and_delivered),
      cmocka_unit_test(test_instances_override_callbacks),
      cmocka_unit_test(test_keys_read_and_set_as_text),
      cmocka_unit_test(test_init_and_session_reject_bad_input),
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
