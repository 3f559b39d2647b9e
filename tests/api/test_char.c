/*
 * test_char.c -- character devices driven as a user process would: a
 * small "pipe" driver whose read/write copy through user buffers, ioctl,
 * poll that sleeps until the driver wakes it, unregister deferred to the
 * last close, new-style association with an alias, misuse.
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

/* The driver under test: a one-page pipe. */
typedef struct pipe_dev {
   char       data[256];
   vmk_uint32 len;
   int        opens;
   int        closes;
   int        cleanups;
   int        polls;
   VMK_ReturnStatus open_status;
} pipe_dev_t;

static pipe_dev_t pipe_dev;

static VMK_ReturnStatus
pipe_open(vmk_CharDevFdAttr *attr)
{
   pipe_dev_t *p = attr->clientDeviceData.ptr;

   if (p->open_status != VMK_OK) {
      return p->open_status;
   }
   p->opens++;
   attr->clientInstanceData.ptr = p;
   return VMK_OK;
}

static VMK_ReturnStatus
pipe_close(vmk_CharDevFdAttr *attr)
{
   pipe_dev_t *p = attr->clientInstanceData.ptr;

   p->closes++;
   return VMK_OK;
}

static VMK_ReturnStatus
pipe_read(vmk_CharDevFdAttr *attr, char *buffer, vmk_ByteCount nbytes,
          vmk_loff_t *ppos, vmk_ByteCountSigned *nread)
{
   pipe_dev_t *p = attr->clientInstanceData.ptr;
   vmk_ByteCount n = nbytes < p->len ? nbytes : p->len;
   VMK_ReturnStatus st;

   (void)ppos;
   st = vmk_CopyToUser((vmk_VA)buffer, (vmk_VA)p->data, n);
   if (st != VMK_OK) {
      *nread = 0;
      return st;
   }
   memmove(p->data, p->data + n, p->len - n);
   p->len -= (vmk_uint32)n;
   *nread = (vmk_ByteCountSigned)n;
   return VMK_OK;
}

static VMK_ReturnStatus
pipe_write(vmk_CharDevFdAttr *attr, char *buffer, vmk_ByteCount nbytes,
           vmk_loff_t *ppos, vmk_ByteCountSigned *nwritten)
{
   pipe_dev_t *p = attr->clientInstanceData.ptr;
   vmk_ByteCount room = sizeof p->data - p->len;
   vmk_ByteCount n = nbytes < room ? nbytes : room;
   VMK_ReturnStatus st;

   st = vmk_CopyFromUser((vmk_VA)(p->data + p->len), (vmk_VA)buffer, n);
   if (st != VMK_OK) {
      *nwritten = 0;
      return st;
   }
   p->len += (vmk_uint32)n;
   *ppos += (vmk_loff_t)n;
   *nwritten = (vmk_ByteCountSigned)n;
   vmk_CharDevWakePollers((vmk_PollToken)p);
   return VMK_OK;
}

static VMK_ReturnStatus
pipe_poll(vmk_CharDevFdAttr *attr, vmk_PollContext ctx, unsigned *mask)
{
   pipe_dev_t *p = attr->clientInstanceData.ptr;

   p->polls++;
   vmk_CharDevSetPollContext(ctx, (vmk_PollToken *)p);
   *mask = VMKAPI_POLL_WRITE | (p->len > 0 ? VMKAPI_POLL_READ : 0);
   return VMK_OK;
}

#define PIPE_IOC_LEN   1
#define PIPE_IOC_CLEAR 2

static VMK_ReturnStatus
pipe_ioctl(vmk_CharDevFdAttr *attr, unsigned int cmd, vmk_uintptr_t arg,
           vmk_IoctlCallerSize size, vmk_int32 *result)
{
   pipe_dev_t *p = attr->clientInstanceData.ptr;

   assert_int_equal(size, VMK_IOCTL_CALLER_64);
   switch (cmd) {
   case PIPE_IOC_LEN:
      *result = 0;
      return vmk_CopyToUser((vmk_VA)arg, (vmk_VA)&p->len, sizeof p->len);
   case PIPE_IOC_CLEAR:
      p->len = 0;
      *result = 0;
      return VMK_OK;
   default:
      *result = -22;
      return VMK_OK;
   }
}

static VMK_ReturnStatus
pipe_cleanup(vmk_AddrCookie priv)
{
   ((pipe_dev_t *)priv.ptr)->cleanups++;
   return VMK_OK;
}

static const vmk_CharDevOps pipe_ops = {
   .open = pipe_open,
   .close = pipe_close,
   .ioctl = pipe_ioctl,
   .poll = pipe_poll,
   .read = pipe_read,
   .write = pipe_write,
};

static vmk_CharDev
pipe_register(const char *name)
{
   vmk_AddrCookie priv;
   vmk_CharDev dev = VMK_INVALID_CHARDEV;

   memset(&pipe_dev, 0, sizeof pipe_dev);
   priv.ptr = &pipe_dev;
   assert_vmk_ok(vmk_CharDevRegister(vmk_ModuleCurrentID, name, &pipe_ops,
                                     pipe_cleanup, priv, &dev));
   return dev;
}

static void
test_write_then_read_through_user_buffers(void **state)
{
   vmk_CharDev dev = pipe_register("pipe0");
   EmuCtl_CharFile f;
   vmk_VA u;
   vmk_ByteCountSigned n;
   char out[16];

   (void)state;
   assert_vmk_ok(EmuCtl_UserBufferCreate(64, &u));
   assert_vmk_ok(EmuCtl_UserWrite(u, "hello", 5));
   assert_vmk_ok(EmuCtl_CharDevOpen("pipe0", VMK_CHARDEV_OFLAG_RDWR, &f));
   assert_int_equal(pipe_dev.opens, 1);
   assert_vmk_ok(EmuCtl_CharDevWrite(f, u, 5, &n));
   assert_int_equal(n, 5);
   assert_vmk_ok(EmuCtl_CharDevRead(f, u + 32, 16, &n));
   assert_int_equal(n, 5);
   assert_vmk_ok(EmuCtl_UserRead(u + 32, out, 5));
   assert_memory_equal(out, "hello", 5);
   /* A driver handed a bad user address answers with the copy's status. */
   assert_vmk_ok(EmuCtl_CharDevWrite(f, u, 3, &n));
   assert_vmk_status(EmuCtl_CharDevRead(f, (vmk_VA)out, 3, &n),
                     VMK_INVALID_ADDRESS);
   assert_vmk_ok(EmuCtl_CharDevClose(f));
   assert_int_equal(pipe_dev.closes, 1);
   assert_vmk_ok(EmuCtl_UserBufferDestroy(u));
   assert_vmk_ok(vmk_CharDevUnregister(dev));
   assert_int_equal(pipe_dev.cleanups, 1);
}

static void
test_ioctl_returns_result_and_user_data(void **state)
{
   vmk_CharDev dev = pipe_register("pipe1");
   EmuCtl_CharFile f;
   vmk_VA u;
   vmk_int32 result = 0;
   vmk_uint32 len = 0;
   vmk_ByteCountSigned n;

   (void)state;
   assert_vmk_ok(EmuCtl_UserBufferCreate(64, &u));
   assert_vmk_ok(EmuCtl_CharDevOpen("pipe1", VMK_CHARDEV_OFLAG_RDWR, &f));
   assert_vmk_ok(EmuCtl_CharDevWrite(f, u, 7, &n));
   assert_vmk_ok(EmuCtl_CharDevIoctl(f, PIPE_IOC_LEN, u + 16, &result));
   assert_int_equal(result, 0);
   assert_vmk_ok(EmuCtl_UserRead(u + 16, &len, sizeof len));
   assert_int_equal(len, 7);
   assert_vmk_ok(EmuCtl_CharDevIoctl(f, 99, 0, &result));
   assert_int_equal(result, -22);
   assert_vmk_ok(EmuCtl_CharDevIoctl(f, PIPE_IOC_CLEAR, 0, &result));
   assert_int_equal(pipe_dev.len, 0);
   assert_vmk_ok(EmuCtl_CharDevClose(f));
   assert_vmk_ok(EmuCtl_UserBufferDestroy(u));
   assert_vmk_ok(vmk_CharDevUnregister(dev));
}

static EmuCtl_CharFile poll_writer_file;
static vmk_VA poll_writer_buf;

static VMK_ReturnStatus
poll_writer(void *arg)
{
   vmk_ByteCountSigned n;

   (void)arg;
   vmk_WorldSleep(30000);
   return EmuCtl_CharDevWrite(poll_writer_file, poll_writer_buf, 1, &n);
}

static void
test_poll_sleeps_until_the_driver_wakes_it(void **state)
{
   vmk_CharDev dev = pipe_register("pipe2");
   EmuCtl_CharFile f;
   vmk_uint32 rev = 0;
   vmk_WorldProps wp;
   vmk_WorldID w;

   (void)state;
   assert_vmk_ok(EmuCtl_UserBufferCreate(16, &poll_writer_buf));
   assert_vmk_ok(EmuCtl_CharDevOpen("pipe2", VMK_CHARDEV_OFLAG_RDWR, &f));
   /* Nothing to read: a zero timeout answers at once. */
   assert_vmk_ok(EmuCtl_CharDevPoll(f, VMKAPI_POLL_READ, 0, &rev));
   assert_int_equal(rev & VMKAPI_POLL_READ, 0);
   /* A short timeout expires. */
   assert_vmk_status(EmuCtl_CharDevPoll(f, VMKAPI_POLL_READ, 20, &rev),
                     VMK_TIMEOUT);
   /* Another world writes; the write wakes the poller. */
   poll_writer_file = f;
   memset(&wp, 0, sizeof wp);
   wp.name = "writer";
   wp.moduleID = vmk_ModuleCurrentID;
   wp.startFunction = poll_writer;
   wp.schedClass = VMK_WORLD_SCHED_CLASS_DEFAULT;
   wp.heapID = vmk_ModuleGetHeapID(vmk_ModuleCurrentID);
   assert_vmk_ok(vmk_WorldCreate(&wp, &w));
   pipe_dev.polls = 0;
   assert_vmk_ok(EmuCtl_CharDevPoll(f, VMKAPI_POLL_READ,
                                    VMK_TIMEOUT_UNLIMITED_MS, &rev));
   assert_true(rev & VMKAPI_POLL_READ);
   assert_true(pipe_dev.polls >= 2);
   (void)vmk_WorldWaitForDeath(w);
   assert_vmk_ok(EmuCtl_CharDevClose(f));
   assert_vmk_ok(EmuCtl_UserBufferDestroy(poll_writer_buf));
   assert_vmk_ok(vmk_CharDevUnregister(dev));
}

static void
test_unregister_waits_for_the_last_close(void **state)
{
   vmk_CharDev dev = pipe_register("pipe3");
   EmuCtl_CharFile f;
   EmuCtl_CharFile g;

   (void)state;
   assert_vmk_ok(EmuCtl_CharDevOpen("pipe3", VMK_CHARDEV_OFLAG_RDONLY, &f));
   assert_vmk_ok(vmk_CharDevUnregister(dev));
   assert_int_equal(pipe_dev.cleanups, 0);
   /* No new opens; the open file still works. */
   assert_vmk_status(EmuCtl_CharDevOpen("pipe3", 0, &g), VMK_NOT_FOUND);
   assert_vmk_status(vmk_CharDevUnregister(dev), VMK_NOT_FOUND);
   assert_vmk_ok(EmuCtl_CharDevIoctl(f, PIPE_IOC_CLEAR, 0, NULL));
   assert_vmk_ok(EmuCtl_CharDevClose(f));
   assert_int_equal(pipe_dev.cleanups, 1);
   assert_vmk_status(vmk_CharDevUnregister(dev), VMK_NOT_FOUND);
}

static void
test_register_and_open_reject_bad_input(void **state)
{
   vmk_CharDev dev;
   vmk_CharDev dup;
   vmk_AddrCookie priv;
   vmk_CharDevOps half = { .open = pipe_open };
   vmk_CharDevOps rd_only = { .read = pipe_read };
   EmuCtl_CharFile f;
   vmk_ByteCountSigned n;
   char longname[VMK_MISC_NAME_MAX + 4];

   (void)state;
   priv.ptr = &pipe_dev;
   assert_vmk_status(vmk_CharDevRegister(vmk_ModuleCurrentID, "x", &half,
                                         NULL, priv, &dev), VMK_BAD_PARAM);
   assert_vmk_status(vmk_CharDevRegister(vmk_ModuleCurrentID, "x", &rd_only,
                                         NULL, priv, &dev), VMK_BAD_PARAM);
   assert_vmk_status(vmk_CharDevRegister(vmk_ModuleCurrentID, "x", NULL,
                                         NULL, priv, &dev), VMK_BAD_PARAM);
   assert_vmk_status(vmk_CharDevRegister(vmk_ModuleCurrentID, "", &pipe_ops,
                                         NULL, priv, &dev), VMK_BAD_PARAM);
   memset(longname, 'n', sizeof longname - 1);
   longname[sizeof longname - 1] = '\0';
   assert_vmk_status(vmk_CharDevRegister(vmk_ModuleCurrentID, longname,
                                         &pipe_ops, NULL, priv, &dev),
                     VMK_BAD_PARAM);
   assert_vmk_status(vmk_CharDevRegister(VMK_INVALID_MODULE_ID, "x",
                                         &pipe_ops, NULL, priv, &dev),
                     VMK_BAD_PARAM);
   dev = pipe_register("pipe4");
   assert_vmk_status(vmk_CharDevRegister(vmk_ModuleCurrentID, "pipe4",
                                         &pipe_ops, NULL, priv, &dup),
                     VMK_EXISTS);
   assert_vmk_status(EmuCtl_CharDevOpen("nosuch", 0, &f), VMK_NOT_FOUND);
   /* The driver refuses the open: no file, no close later. */
   pipe_dev.open_status = VMK_NO_RESOURCES;
   assert_vmk_status(EmuCtl_CharDevOpen("pipe4", 0, &f), VMK_FAILURE);
   pipe_dev.open_status = VMK_OK;
   /* Access mode is enforced. */
   assert_vmk_ok(EmuCtl_CharDevOpen("pipe4", VMK_CHARDEV_OFLAG_RDONLY, &f));
   assert_vmk_status(EmuCtl_CharDevWrite(f, 0, 1, &n), VMK_NO_PERMISSION);
   assert_vmk_ok(EmuCtl_CharDevClose(f));
   assert_vmk_ok(EmuCtl_CharDevOpen("pipe4", VMK_CHARDEV_OFLAG_WRONLY, &f));
   assert_vmk_status(EmuCtl_CharDevRead(f, 0, 1, &n), VMK_NO_PERMISSION);
   assert_vmk_ok(EmuCtl_CharDevClose(f));
   /* A closed file is not a file. */
   assert_vmk_status(EmuCtl_CharDevClose(f), VMK_BAD_PARAM);
   assert_vmk_status(EmuCtl_CharDevIoctl(f, 1, 0, NULL), VMK_BAD_PARAM);
   assert_vmk_ok(vmk_CharDevUnregister(dev));
   assert_int_equal(pipe_dev.opens, pipe_dev.closes);
}

static void
test_poll_context_outside_poll_is_reported(void **state)
{
   int dummy;

   (void)state;
   EmuCtl_ExpectReport(EMUCTL_REPORT_DEAD_HANDLE);
   vmk_CharDevSetPollContext(&dummy, NULL);
   assert_reports_met();
   /* Waking a token nobody waits on is harmless. */
   vmk_CharDevWakePollers(&dummy);
}

/* New-style registration data, as the device layer associates it. */
static vmk_CharDevHandle assoc_handle;
static int disassociated;

static VMK_ReturnStatus
pipe_associate(vmk_AddrCookie priv, vmk_CharDevHandle h)
{
   (void)priv;
   assoc_handle = h;
   return VMK_OK;
}

static VMK_ReturnStatus
pipe_disassociate(vmk_AddrCookie priv)
{
   (void)priv;
   disassociated++;
   return VMK_OK;
}

static const vmk_CharDevRegOps pipe_regops = {
   .associate = pipe_associate,
   .disassociate = pipe_disassociate,
   .fileOps = &pipe_ops,
};

static void
test_associated_device_has_its_alias(void **state)
{
   vmk_CharDevRegData rd;
   vmk_CharDevHandle h;
   vmk_CharDevHandle h2;
   vmk_Name alias;
   EmuCtl_CharFile f;

   (void)state;
   memset(&pipe_dev, 0, sizeof pipe_dev);
   memset(&rd, 0, sizeof rd);
   rd.moduleID = vmk_ModuleCurrentID;
   rd.deviceOps = &pipe_regops;
   rd.devicePrivate.ptr = &pipe_dev;
   assert_vmk_ok(EmuCtl_CharDevAssociate(&rd, "vmkpipe", &h));
   assert_ptr_equal(h, assoc_handle);
   assert_vmk_ok(vmk_CharDeviceGetAlias(h, &alias));
   assert_string_equal(alias.string, "vmkpipe");
   assert_vmk_status(vmk_CharDeviceGetAlias(h, NULL), VMK_BAD_PARAM);
   /* Opened by its alias, like a node under /dev. */
   assert_vmk_ok(EmuCtl_CharDevOpen("vmkpipe", VMK_CHARDEV_OFLAG_RDWR, &f));
   assert_vmk_status(EmuCtl_CharDevDisassociate(h), VMK_BUSY);
   assert_vmk_ok(EmuCtl_CharDevClose(f));
   /* Without an alias there is none to get. */
   assert_vmk_ok(EmuCtl_CharDevAssociate(&rd, NULL, &h2));
   assert_vmk_status(vmk_CharDeviceGetAlias(h2, &alias), VMK_NOT_INITIALIZED);
   assert_vmk_ok(EmuCtl_CharDevDisassociate(h2));
   assert_vmk_ok(EmuCtl_CharDevDisassociate(h));
   assert_int_equal(disassociated, 2);
   assert_vmk_status(vmk_CharDeviceGetAlias(h, &alias), VMK_BAD_PARAM);
   assert_vmk_status(EmuCtl_CharDevDisassociate(h), VMK_NOT_FOUND);
   rd.deviceOps = NULL;
   assert_vmk_status(EmuCtl_CharDevAssociate(&rd, "x", &h), VMK_BAD_PARAM);
}

int
main(void)
{
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_write_then_read_through_user_buffers),
      cmocka_unit_test(test_ioctl_returns_result_and_user_data),
      cmocka_unit_test(test_poll_sleeps_until_the_driver_wakes_it),
      cmocka_unit_test(test_unregister_waits_for_the_last_close),
      cmocka_unit_test(test_register_and_open_reject_bad_input),
      cmocka_unit_test(test_poll_context_outside_poll_is_reported),
      cmocka_unit_test(test_associated_device_has_its_alias),
   };

   return cmocka_run_group_tests(tests, emutest_group_setup,
                                 emutest_group_teardown);
}
