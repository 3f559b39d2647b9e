/*
 * vmk_char.c -- base/vmkapi_char.h and base/vmkapi_char_legacy.h:
 * character devices driven by a simulated user process.
 *
 * 1. Model: a device is a name, the driver's file operations, a device
 *    private cookie and the owning module.  Devices come from
 *    vmk_CharDevRegister (legacy) or from EmuCtl_CharDevAssociate, which
 *    plays the device layer for vmk_CharDevRegData (associate callback,
 *    optional alias).  The test is the user process: EmuCtl_CharDevOpen /
 *    Read / Write / Ioctl / Poll / Close run the driver's callbacks on the
 *    calling thread with user addresses from EmuCtl_UserBufferCreate, so
 *    the driver must use vmk_CopyToUser / vmk_CopyFromUser as on ESXi.
 * 2. Lifetime: a successful open holds the module (vmk_ModuleIncUseCount
 *    semantics) until close.  Unregistering a device with open files
 *    defers its removal to the last close; the cleanup callback runs when
 *    it really goes.  No open succeeds after unregister.
 * 3. Poll: each EmuCtl_CharDevPoll call has a poll context that lives for
 *    that call.  The driver ties it to a token of its choosing with
 *    vmk_CharDevSetPollContext (the token is the pointer value it passes);
 *    vmk_CharDevWakePollers(token) wakes every context tied to that token,
 *    and the poller calls the driver's poll again.  A wake-up between the
 *    driver's poll and the sleep is not lost (the context is live and
 *    checked first).  A context used outside its poll call is a
 *    DEAD_HANDLE report.
 * 4. Handles (devices, files, poll contexts) are looked up in our lists
 *    before use, so stale ones give a status or a report, never a read of
 *    freed memory.  Devices are resources of kind DEVICE, open files of
 *    kind OTHER.
 * 5. Locking: chr_lock guards the lists and counts; no driver callback
 *    runs with it held.  A file must not be closed while another thread is
 *    inside an operation on it (as with a POSIX descriptor).
 */
#include "api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emuctl.h"
#include "core/block.h"
#include "core/rsrc.h"
#include "mod/module.h"
#include "world/time.h"

struct vmkCharDevInt {
   struct vmkCharDevInt *cd_next;
   char                  cd_name[VMK_MISC_NAME_MAX];
   int                   cd_has_alias;
   vmk_ModuleID          cd_module;
   const vmk_CharDevOps *cd_ops;
   vmk_CharDevCleanupFn  cd_cleanup;
   vmk_AddrCookie        cd_private;
   const vmk_CharDevRegOps *cd_regops;   /* associated devices only */
   /* chr_lock */
   vmk_uint32            cd_nopen;
   int                   cd_dying;       /* unregistered, waiting for close */
   emu_rsrc_t            cd_rsrc;
};

struct EmuCtl_CharFileInt {
   struct EmuCtl_CharFileInt *f_next;
   struct vmkCharDevInt      *f_dev;
   vmk_CharDevFdAttr          f_attr;
   vmk_loff_t                 f_pos;
   emu_rsrc_t                 f_rsrc;
};

typedef struct chr_pollctx {
   struct chr_pollctx *pc_next;
   vmk_PollToken       pc_token;
   int                 pc_woken;
   emu_cond_t          pc_cv;
} chr_pollctx_t;

static emu_mutex_t chr_lock = EMU_MUTEX_INITIALIZER;
static struct vmkCharDevInt *chr_devs;
static struct EmuCtl_CharFileInt *chr_files;
static chr_pollctx_t *chr_polls;
static unsigned chr_seq;

/* => chr_lock held. */
static struct vmkCharDevInt *
chr_dev_byname(const char *name)
{
   struct vmkCharDevInt *d;

   for (d = chr_devs; d != NULL; d = d->cd_next) {
      if (strcmp(d->cd_name, name) == 0) {
         return d;
      }
   }
   return NULL;
}

/* => chr_lock held. */
static int
chr_dev_live(const struct vmkCharDevInt *dev)
{
   struct vmkCharDevInt *d;

   for (d = chr_devs; d != NULL; d = d->cd_next) {
      if (d == dev) {
         return 1;
      }
   }
   return 0;
}

/* => chr_lock held. */
static int
chr_file_live(const struct EmuCtl_CharFileInt *file)
{
   struct EmuCtl_CharFileInt *f;

   for (f = chr_files; f != NULL; f = f->f_next) {
      if (f == file) {
         return 1;
      }
   }
   return 0;
}

static int
chr_ops_ok(const vmk_CharDevOps *ops)
{
   if (ops == NULL || (ops->open == NULL) != (ops->close == NULL)) {
      return 0;
   }
   if ((ops->read != NULL || ops->write != NULL) && ops->open == NULL) {
      return 0;
   }
   return 1;
}

/* Unlink d and free it; cleanup runs.  => chr_lock held, dropped. */
static void
chr_dev_free(struct vmkCharDevInt *d)
{
   struct vmkCharDevInt **pp;

   for (pp = &chr_devs; *pp != d; pp = &(*pp)->cd_next) {
   }
   *pp = d->cd_next;
   emu_mutex_unlock(&chr_lock);
   emu_rsrc_remove(&d->cd_rsrc);
   if (d->cd_cleanup != NULL) {
      d->cd_cleanup(d->cd_private);
   }
   free(d);
}

/* Create and list a device.  => chr_lock not held. */
static VMK_ReturnStatus
chr_dev_add(const char *name, vmk_ModuleID module, const vmk_CharDevOps *ops,
            vmk_CharDevCleanupFn cleanup, vmk_AddrCookie priv,
            const void *caller, struct vmkCharDevInt **out)
{
   struct vmkCharDevInt *d = calloc(1, sizeof *d);

   if (d == NULL) {
      return VMK_NO_MEMORY;
   }
   d->cd_module = module;
   d->cd_ops = ops;
   d->cd_cleanup = cleanup;
   d->cd_private = priv;
   emu_mutex_lock(&chr_lock);
   if (name != NULL) {
      snprintf(d->cd_name, sizeof d->cd_name, "%s", name);
      d->cd_has_alias = 1;
   } else {
      snprintf(d->cd_name, sizeof d->cd_name, "chardev%u", chr_seq++);
   }
   if (chr_dev_byname(d->cd_name) != NULL) {
      emu_mutex_unlock(&chr_lock);
      free(d);
      return VMK_EXISTS;
   }
   d->cd_next = chr_devs;
   chr_devs = d;
   emu_mutex_unlock(&chr_lock);
   emu_rsrc_add(&d->cd_rsrc, EMU_RSRC_DEVICE, "chardev", d->cd_name, caller);
   *out = d;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_CharDevRegister(vmk_ModuleID module, const char *name,
                    const vmk_CharDevOps *fileOps,
                    vmk_CharDevCleanupFn cleanup,
                    vmk_AddrCookie devicePrivate,
                    vmk_CharDev *assignedHandle)
{
   struct vmkCharDevInt *d;
   VMK_ReturnStatus st;

   EMU_MAY_BLOCK();
   if (name == NULL || name[0] == '\0' ||
       strlen(name) >= VMK_MISC_NAME_MAX || assignedHandle == NULL ||
       !chr_ops_ok(fileOps) || !emu_mod_exists((int32_t)module)) {
      return VMK_BAD_PARAM;
   }
   st = chr_dev_add(name, module, fileOps, cleanup, devicePrivate,
                    EMU_CALLER(), &d);
   if (st == VMK_OK) {
      *assignedHandle = d;
   }
   return st;
}

EMU_EXPORT VMK_ReturnStatus
vmk_CharDevUnregister(vmk_CharDev deviceHandle)
{
   struct vmkCharDevInt *d = deviceHandle;

   EMU_MAY_BLOCK();
   emu_mutex_lock(&chr_lock);
   if (!chr_dev_live(d) || d->cd_dying || d->cd_regops != NULL) {
      emu_mutex_unlock(&chr_lock);
      return VMK_NOT_FOUND;
   }
   if (d->cd_nopen > 0) {
      d->cd_dying = 1;               /* the last close frees it */
      emu_mutex_unlock(&chr_lock);
      return VMK_OK;
   }
   chr_dev_free(d);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_CharDeviceGetAlias(vmk_CharDevHandle charDevHandle, vmk_Name *alias)
{
   struct vmkCharDevInt *d = (struct vmkCharDevInt *)charDevHandle;
   VMK_ReturnStatus st = VMK_OK;

   EMU_MAY_BLOCK();
   if (alias == NULL) {
      return VMK_BAD_PARAM;
   }
   emu_mutex_lock(&chr_lock);
   if (!chr_dev_live(d) || d->cd_regops == NULL) {
      st = VMK_BAD_PARAM;
   } else if (!d->cd_has_alias) {
      st = VMK_NOT_INITIALIZED;
   } else {
      memset(alias, 0, sizeof *alias);
      memcpy(alias->string, d->cd_name, sizeof alias->string);
   }
   emu_mutex_unlock(&chr_lock);
   return st;
}

/* ---- poll contexts ---------------------------------------------------- */

EMU_EXPORT void
vmk_CharDevSetPollContext(vmk_PollContext pollCtx, vmk_PollToken *token)
{
   chr_pollctx_t *pc;

   emu_mutex_lock(&chr_lock);
   for (pc = chr_polls; pc != NULL; pc = pc->pc_next) {
      if (pc == pollCtx) {
         pc->pc_token = (vmk_PollToken)token;
         emu_mutex_unlock(&chr_lock);
         return;
      }
   }
   emu_mutex_unlock(&chr_lock);
   {
      emu_report_obj_t obj = { "poll context", NULL, pollCtx };

      emu_report(EMU_RPT_DEAD_HANDLE, &obj, EMU_CALLER(),
                 "vmk_CharDevSetPollContext outside the poll call that "
                 "gave the context");
   }
}

EMU_EXPORT void
vmk_CharDevWakePollers(vmk_PollToken token)
{
   chr_pollctx_t *pc;

   emu_mutex_lock(&chr_lock);
   for (pc = chr_polls; pc != NULL; pc = pc->pc_next) {
      if (pc->pc_token == token && token != NULL) {
         pc->pc_woken = 1;
         emu_cond_broadcast(&pc->pc_cv);
      }
   }
   emu_mutex_unlock(&chr_lock);
}

/* ---- the user process's side ------------------------------------------ */

EMU_EXPORT VMK_ReturnStatus
EmuCtl_CharDevOpen(const char *name, vmk_uint32 openFlags,
                   EmuCtl_CharFile *file)
{
   struct vmkCharDevInt *d;
   struct EmuCtl_CharFileInt *f;
   VMK_ReturnStatus st = VMK_OK;

   if (name == NULL || file == NULL) {
      return VMK_BAD_PARAM;
   }
   f = calloc(1, sizeof *f);
   if (f == NULL) {
      return VMK_NO_MEMORY;
   }
   emu_mutex_lock(&chr_lock);
   d = chr_dev_byname(name);
   if (d == NULL || d->cd_dying) {
      emu_mutex_unlock(&chr_lock);
      free(f);
      return VMK_NOT_FOUND;
   }
   d->cd_nopen++;                    /* keeps d while open runs */
   emu_mutex_unlock(&chr_lock);

   f->f_dev = d;
   f->f_attr.openFlags = openFlags;
   f->f_attr.clientDeviceData = d->cd_private;
   if (d->cd_ops->open != NULL) {
      st = d->cd_ops->open(&f->f_attr);
   }
   emu_mutex_lock(&chr_lock);
   if (st != VMK_OK) {
      d->cd_nopen--;
      if (d->cd_dying && d->cd_nopen == 0) {
         chr_dev_free(d);
      } else {
         emu_mutex_unlock(&chr_lock);
      }
      free(f);
      emu_log(EMU_LOG_INFO, "chardev", "open of %s failed: %s", name,
              vmk_StatusToString(st));
      return VMK_FAILURE;
   }
   f->f_next = chr_files;
   chr_files = f;
   emu_mutex_unlock(&chr_lock);
   emu_mod_use((int32_t)d->cd_module, +1);
   emu_rsrc_add(&f->f_rsrc, EMU_RSRC_OTHER, "chardev file", d->cd_name,
                EMU_CALLER());
   *file = f;
   return VMK_OK;
}

/* The file if it is open, else NULL. */
static struct EmuCtl_CharFileInt *
chr_file_get(EmuCtl_CharFile file)
{
   int live;

   emu_mutex_lock(&chr_lock);
   live = chr_file_live(file);
   emu_mutex_unlock(&chr_lock);
   return live ? file : NULL;
}

/*
 * A read or write as a user process makes it: refused on a file opened for
 * the other direction only, VMK_NOT_SUPPORTED when the driver has no such
 * operation.
 */
static VMK_ReturnStatus
chr_transfer(EmuCtl_CharFile file, int write, vmk_VA userBuf,
             vmk_ByteCount nbytes, vmk_ByteCountSigned *done)
{
   struct EmuCtl_CharFileInt *f = chr_file_get(file);
   vmk_CharDevReadFn op;
   vmk_ByteCountSigned n = 0;
   VMK_ReturnStatus st;

   if (f == NULL) {
      return VMK_BAD_PARAM;
   }
   if ((f->f_attr.openFlags & VMK_CHARDEV_OFLAG_RDWR_MASK) ==
       (write ? VMK_CHARDEV_OFLAG_RDONLY : VMK_CHARDEV_OFLAG_WRONLY)) {
      return VMK_NO_PERMISSION;
   }
   op = write ? f->f_dev->cd_ops->write : f->f_dev->cd_ops->read;
   if (op == NULL) {
      return VMK_NOT_SUPPORTED;
   }
   st = op(&f->f_attr, (char *)userBuf, nbytes, &f->f_pos, &n);
   if (done != NULL) {
      *done = n;
   }
   return st;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_CharDevRead(EmuCtl_CharFile file, vmk_VA userBuf,
                   vmk_ByteCount nbytes, vmk_ByteCountSigned *nread)
{
   return chr_transfer(file, 0, userBuf, nbytes, nread);
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_CharDevWrite(EmuCtl_CharFile file, vmk_VA userBuf,
                    vmk_ByteCount nbytes, vmk_ByteCountSigned *nwritten)
{
   return chr_transfer(file, 1, userBuf, nbytes, nwritten);
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_CharDevIoctl(EmuCtl_CharFile file, unsigned int cmd,
                    vmk_uintptr_t userData, vmk_int32 *result)
{
   struct EmuCtl_CharFileInt *f = chr_file_get(file);
   vmk_int32 r = 0;
   VMK_ReturnStatus st;

   if (f == NULL) {
      return VMK_BAD_PARAM;
   }
   if (f->f_dev->cd_ops->ioctl == NULL) {
      return VMK_NOT_SUPPORTED;
   }
   st = f->f_dev->cd_ops->ioctl(&f->f_attr, cmd, userData,
                                VMK_IOCTL_CALLER_64, &r);
   if (result != NULL) {
      *result = r;
   }
   return st;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_CharDevPoll(EmuCtl_CharFile file, vmk_uint32 events,
                   vmk_uint32 timeoutMS, vmk_uint32 *revents)
{
   struct EmuCtl_CharFileInt *f = chr_file_get(file);
   const vmk_uint32 always = VMKAPI_POLL_RDHUP | VMKAPI_POLL_WRHUP |
                             VMKAPI_POLL_INVALID;
   chr_pollctx_t pc;
   chr_pollctx_t **pp;
   uint64_t deadline;
   VMK_ReturnStatus st = VMK_OK;

   if (f == NULL || revents == NULL) {
      return VMK_BAD_PARAM;
   }
   if (f->f_dev->cd_ops->poll == NULL) {
      /* Like a POSIX device without poll: always ready. */
      *revents = (VMKAPI_POLL_READ | VMKAPI_POLL_WRITE) & events;
      return VMK_OK;
   }
   deadline = timeoutMS == VMK_TIMEOUT_UNLIMITED_MS ? UINT64_MAX :
              emu_clock_mono_ns() + (uint64_t)timeoutMS * 1000000u;
   memset(&pc, 0, sizeof pc);
   emu_cond_init(&pc.pc_cv);
   emu_mutex_lock(&chr_lock);
   pc.pc_next = chr_polls;
   chr_polls = &pc;
   emu_mutex_unlock(&chr_lock);
   for (;;) {
      unsigned mask = 0;

      st = f->f_dev->cd_ops->poll(&f->f_attr, &pc, &mask);
      *revents = mask;
      if (st != VMK_OK || (mask & (events | always)) != 0 ||
          timeoutMS == 0) {
         break;
      }
      emu_mutex_lock(&chr_lock);
      while (!pc.pc_woken) {
         if (emu_cond_timedwait(&pc.pc_cv, &chr_lock, deadline) != 0 &&
             !pc.pc_woken) {
            st = VMK_TIMEOUT;
            break;
         }
      }
      pc.pc_woken = 0;
      emu_mutex_unlock(&chr_lock);
      if (st == VMK_TIMEOUT) {
         break;
      }
   }
   emu_mutex_lock(&chr_lock);
   for (pp = &chr_polls; *pp != &pc; pp = &(*pp)->pc_next) {
   }
   *pp = pc.pc_next;
   emu_mutex_unlock(&chr_lock);
   emu_cond_destroy(&pc.pc_cv);
   return st;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_CharDevClose(EmuCtl_CharFile file)
{
   struct EmuCtl_CharFileInt **pp;
   struct EmuCtl_CharFileInt *f = NULL;
   struct vmkCharDevInt *d;
   VMK_ReturnStatus st = VMK_OK;

   emu_mutex_lock(&chr_lock);
   for (pp = &chr_files; *pp != NULL; pp = &(*pp)->f_next) {
      if (*pp == file) {
         f = *pp;
         *pp = f->f_next;
         break;
      }
   }
   emu_mutex_unlock(&chr_lock);
   if (f == NULL) {
      return VMK_BAD_PARAM;
   }
   d = f->f_dev;
   if (d->cd_ops->close != NULL) {
      st = d->cd_ops->close(&f->f_attr);
   }
   emu_rsrc_remove(&f->f_rsrc);
   free(f);
   emu_mod_use((int32_t)d->cd_module, -1);
   emu_mutex_lock(&chr_lock);
   d->cd_nopen--;
   if (d->cd_dying && d->cd_nopen == 0) {
      chr_dev_free(d);
   } else {
      emu_mutex_unlock(&chr_lock);
   }
   return st == VMK_OK ? VMK_OK : VMK_FAILURE;
}

/* ---- the device layer's side (logical char devices) ------------------- */

EMU_EXPORT VMK_ReturnStatus
EmuCtl_CharDevAssociate(const vmk_CharDevRegData *regData, const char *alias,
                        vmk_CharDevHandle *handle)
{
   struct vmkCharDevInt *d;
   VMK_ReturnStatus st;

   if (regData == NULL || handle == NULL || regData->deviceOps == NULL ||
       regData->deviceOps->associate == NULL ||
       !chr_ops_ok(regData->deviceOps->fileOps) ||
       !emu_mod_exists((int32_t)regData->moduleID) ||
       (alias != NULL && (alias[0] == '\0' ||
                          strlen(alias) >= VMK_MISC_NAME_MAX))) {
      return VMK_BAD_PARAM;
   }
   st = chr_dev_add(alias, regData->moduleID, regData->deviceOps->fileOps,
                    NULL, regData->devicePrivate, EMU_CALLER(), &d);
   if (st != VMK_OK) {
      return st;
   }
   emu_mutex_lock(&chr_lock);
   d->cd_regops = regData->deviceOps;
   emu_mutex_unlock(&chr_lock);
   st = regData->deviceOps->associate(regData->devicePrivate,
                                      (vmk_CharDevHandle)d);
   if (st != VMK_OK) {
      emu_mutex_lock(&chr_lock);
      chr_dev_free(d);
      return VMK_FAILURE;
   }
   *handle = (vmk_CharDevHandle)d;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_CharDevDisassociate(vmk_CharDevHandle handle)
{
   struct vmkCharDevInt *d = (struct vmkCharDevInt *)handle;
   const vmk_CharDevRegOps *ops;

   emu_mutex_lock(&chr_lock);
   if (!chr_dev_live(d) || d->cd_regops == NULL) {
      emu_mutex_unlock(&chr_lock);
      return VMK_NOT_FOUND;
   }
   if (d->cd_nopen > 0) {
      emu_mutex_unlock(&chr_lock);
      return VMK_BUSY;
   }
   ops = d->cd_regops;
   d->cd_dying = 1;
   emu_mutex_unlock(&chr_lock);
   if (ops->disassociate != NULL) {
      ops->disassociate(d->cd_private);
   }
   emu_mutex_lock(&chr_lock);
   chr_dev_free(d);
   return VMK_OK;
}
