/*
 * vmk_dump.c -- core/vmkapi_dump.h: driver files in a core dump.
 *
 * On ESXi a driver registers "dump files": at core-dump time (after a PSOD,
 * or for a live dump) the kernel calls each file's callback, and the
 * callback adds memory to its file with vmk_DumpRange / vmk_DumpMPN.
 * Here a test triggers the dump with EmuCtl_DumpRun(liveDump): every
 * registered callback runs in registration order on the calling thread,
 * and what it adds is collected in memory, one buffer per file, which the
 * test reads back with EmuCtl_DumpFileData.  A non-live dump runs each
 * callback in a non-blocking section (on ESXi the system is stopped then),
 * so a callback that blocks is reported.
 *
 * vmk_DumpRange / vmk_DumpMPN are valid only inside the callback of the
 * file they name; elsewhere they are a MISUSE report and VMK_BAD_PARAM.
 * A zero VA adds zeros, at most a page of them (VMK_LIMIT_EXCEEDED above).
 * A file grows to at most EMUCTL_DUMP_FILE_MAX bytes (then
 * VMK_LIMIT_EXCEEDED).  At most EMUCTL_DUMP_MAX_FILES files are
 * registered at once.  The file record comes from the driver's heap, as
 * on ESXi; a record still registered at shutdown is listed as a leak.
 */
#include "api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emuctl.h"
#include "core/block.h"
#include "core/rsrc.h"
#include "mem/machmem.h"
#include "mod/module.h"

typedef struct dump_file {
   struct dump_file   *df_next;
   vmk_HeapID          df_heap;
   vmk_DumpFileCallback df_fn;
   void               *df_cookie;
   char                df_name[VMK_MISC_NAME_MAX];
   char                df_tag[VMK_MISC_NAME_MAX];
   int                 df_running;     /* its callback is running now */
   emu_rsrc_t          df_rsrc;
} dump_file_t;

/* What the last EmuCtl_DumpRun collected for one file. */
typedef struct dump_out {
   struct dump_out    *do_next;
   char                do_name[VMK_MISC_NAME_MAX];
   VMK_ReturnStatus    do_status;      /* the callback's answer */
   unsigned char      *do_data;
   vmk_uint64          do_len;
   vmk_uint64          do_cap;
} dump_out_t;

static emu_mutex_t  dump_lock = EMU_MUTEX_INITIALIZER;
static emu_mutex_t  dump_run_lock = EMU_MUTEX_INITIALIZER;
static dump_file_t *dump_files;
static unsigned     dump_nfiles;
static dump_out_t  *dump_outs;
/* The file whose callback is running, and where its data goes. */
static dump_file_t *dump_cur;
static dump_out_t  *dump_cur_out;
static uint64_t     dump_cur_thread;

EMU_EXPORT VMK_ReturnStatus
vmk_DumpAddFileCallback(vmk_ModuleID moduleID, vmk_HeapID heapID,
                        const char *name, vmk_DumpFileCallback callback,
                        void *cookie, char *dumpName,
                        vmk_DumpFileHandle *handle)
{
   const void *caller = EMU_CALLER();
   dump_file_t *df;

   if (callback == NULL || handle == NULL || heapID == VMK_INVALID_HEAP_ID ||
       !emu_mod_exists((int32_t)moduleID)) {
      return VMK_BAD_PARAM;
   }
   if (name == NULL || name[0] == '\0' ||
       strlen(name) >= sizeof df->df_name) {
      return VMK_INVALID_NAME;
   }
   df = vmk_HeapAllocWithRA(heapID, sizeof *df, (void *)caller);
   if (df == NULL) {
      return VMK_NO_MEMORY;
   }
   memset(df, 0, sizeof *df);
   df->df_heap = heapID;
   df->df_fn = callback;
   df->df_cookie = cookie;
   strcpy(df->df_name, name);
   snprintf(df->df_tag, sizeof df->df_tag, "%s",
            dumpName != NULL ? dumpName : name);
   emu_mutex_lock(&dump_lock);
   if (dump_nfiles >= EMUCTL_DUMP_MAX_FILES) {
      emu_mutex_unlock(&dump_lock);
      vmk_HeapFree(heapID, df);
      return VMK_LIMIT_EXCEEDED;
   }
   df->df_next = dump_files;
   dump_files = df;
   dump_nfiles++;
   emu_mutex_unlock(&dump_lock);
   emu_rsrc_add(&df->df_rsrc, EMU_RSRC_OTHER, "dump file", df->df_name,
                caller);
   *handle = df;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_DumpDeleteFileCallback(vmk_DumpFileHandle handle)
{
   dump_file_t **pp;
   dump_file_t *df = NULL;

   emu_mutex_lock(&dump_lock);
   for (pp = &dump_files; *pp != NULL; pp = &(*pp)->df_next) {
      if (*pp == handle) {
         df = *pp;
         break;
      }
   }
   if (df == NULL) {
      emu_mutex_unlock(&dump_lock);
      return VMK_NOT_FOUND;
   }
   if (df->df_running) {
      emu_mutex_unlock(&dump_lock);
      return VMK_BUSY;
   }
   *pp = df->df_next;
   dump_nfiles--;
   emu_mutex_unlock(&dump_lock);
   emu_rsrc_remove(&df->df_rsrc);
   vmk_HeapFree(df->df_heap, df);
   return VMK_OK;
}

/*
 * Check that h is the file being dumped by this thread; report otherwise.
 * => never blocks.
 */
static int
dump_cur_is(vmk_DumpFileHandle h, const char *what, const void *caller)
{
   emu_report_obj_t obj = { "dump file", NULL, h };
   int mine;

   emu_mutex_lock(&dump_lock);
   mine = h != NULL && h == (vmk_DumpFileHandle)dump_cur &&
          dump_cur_thread == emu_thread_host_id();
   emu_mutex_unlock(&dump_lock);
   if (mine) {
      return 1;
   }
   emu_report(EMU_RPT_MISUSE, &obj, caller,
              "%s outside the dump callback of that file", what);
   return 0;
}

static VMK_ReturnStatus
dump_append(const void *src, vmk_uint64 len)
{
   dump_out_t *o = dump_cur_out;

   if (o->do_len + len > EMUCTL_DUMP_FILE_MAX) {
      emu_log(EMU_LOG_WARNING, "dump", "%s: dump file full",
              dump_cur->df_tag);
      return VMK_LIMIT_EXCEEDED;
   }
   if (o->do_len + len > o->do_cap) {
      vmk_uint64 cap = o->do_cap ? o->do_cap : 4096;
      unsigned char *p;

      while (cap < o->do_len + len) {
         cap *= 2;
      }
      p = realloc(o->do_data, cap);
      if (p == NULL) {
         return VMK_FAILURE;
      }
      o->do_data = p;
      o->do_cap = cap;
   }
   if (src == NULL) {
      memset(o->do_data + o->do_len, 0, len);
   } else {
      memcpy(o->do_data + o->do_len, src, len);
   }
   o->do_len += len;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_DumpRange(vmk_DumpFileHandle handle, vmk_VA va, vmk_uint32 size)
{
   if (!dump_cur_is(handle, "vmk_DumpRange", EMU_CALLER())) {
      return VMK_BAD_PARAM;
   }
   if (va == 0 && size > EMU_MM_PAGE_SIZE) {
      return VMK_LIMIT_EXCEEDED;
   }
   return dump_append((const void *)va, size);
}

EMU_EXPORT VMK_ReturnStatus
vmk_DumpMPN(vmk_DumpFileHandle handle, vmk_MPN mpn)
{
   if (!dump_cur_is(handle, "vmk_DumpMPN", EMU_CALLER())) {
      return VMK_BAD_PARAM;
   }
   if (emu_machmem_index(mpn) < 0) {
      emu_log(EMU_LOG_WARNING, "dump", "%s: MPN 0x%llx is not machine memory",
              dump_cur->df_tag, (unsigned long long)mpn);
      return VMK_BAD_PARAM;
   }
   return dump_append((const void *)emu_machmem_mpn2va(mpn),
                      EMU_MM_PAGE_SIZE);
}

static void
dump_clear_outs(void)
{
   dump_out_t *o;

   while ((o = dump_outs) != NULL) {
      dump_outs = o->do_next;
      free(o->do_data);
      free(o);
   }
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_DumpRun(vmk_Bool liveDump, vmk_uint32 *numFiles)
{
   dump_file_t *df;
   dump_out_t **tail;
   vmk_uint32 n = 0;

   emu_mutex_lock(&dump_run_lock);
   emu_mutex_lock(&dump_lock);
   dump_clear_outs();
   tail = &dump_outs;
   /*
    * Files are listed newest first; run them oldest first.  A callback
    * may not add or delete files (it runs with dump_lock free, but the
    * walk restarts from a position check each time).
    */
   for (;;) {
      dump_file_t *next = NULL;
      dump_out_t *o;
      VMK_ReturnStatus st;

      for (df = dump_files; df != NULL; df = df->df_next) {
         if (df->df_running == 0) {
            next = df;              /* the oldest not yet run */
         }
      }
      if (next == NULL) {
         break;
      }
      o = calloc(1, sizeof *o);
      if (o == NULL) {
         break;
      }
      df = next;
      snprintf(o->do_name, sizeof o->do_name, "%s", df->df_name);
      *tail = o;
      tail = &o->do_next;
      df->df_running = 1;
      dump_cur = df;
      dump_cur_out = o;
      dump_cur_thread = emu_thread_host_id();
      emu_mutex_unlock(&dump_lock);
      if (!liveDump) {
         EMU_NONBLOCKING_BEGIN("a non-live dump callback");
      }
      st = df->df_fn(df->df_cookie, liveDump);
      if (!liveDump) {
         EMU_NONBLOCKING_END();
      }
      emu_mutex_lock(&dump_lock);
      o->do_status = st;
      df->df_running = 2;           /* done for this run */
      dump_cur = NULL;
      dump_cur_out = NULL;
      dump_cur_thread = 0;
      n++;
   }
   for (df = dump_files; df != NULL; df = df->df_next) {
      df->df_running = 0;
   }
   emu_mutex_unlock(&dump_lock);
   emu_mutex_unlock(&dump_run_lock);
   if (numFiles != NULL) {
      *numFiles = n;
   }
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_DumpFileData(const char *name, void *buf, vmk_uint64 bufLen,
                    vmk_uint64 *fileLen, VMK_ReturnStatus *callbackStatus)
{
   dump_out_t *o;
   VMK_ReturnStatus status = VMK_NOT_FOUND;

   if (name == NULL || (buf == NULL && bufLen != 0)) {
      return VMK_BAD_PARAM;
   }
   emu_mutex_lock(&dump_lock);
   for (o = dump_outs; o != NULL; o = o->do_next) {
      if (strcmp(o->do_name, name) == 0) {
         if (buf != NULL) {
            memcpy(buf, o->do_data, o->do_len < bufLen ? o->do_len : bufLen);
         }
         if (fileLen != NULL) {
            *fileLen = o->do_len;
         }
         if (callbackStatus != NULL) {
            *callbackStatus = o->do_status;
         }
         status = VMK_OK;
         break;
      }
   }
   emu_mutex_unlock(&dump_lock);
   return status;
}

EMU_EXPORT void
EmuCtl_DumpClear(void)
{
   emu_mutex_lock(&dump_lock);
   dump_clear_outs();
   emu_mutex_unlock(&dump_lock);
}
