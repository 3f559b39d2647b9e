/*
 * vmk_config.c -- base/vmkapi_config.h: host configuration parameters.
 *
 * 1. Model: an in-memory table of parameters, each named by group and name
 *    ("Misc", "HostName") and holding an unsigned integer or a string.  A
 *    few built-in parameters exist from the start (cfg_builtin[]); a test
 *    adds, changes or removes any with EmuCtl_ConfigSetUint / SetString /
 *    Remove (emuctl_lib.h), and EmuCtl_ConfigReset brings the built-ins
 *    back.  Overrides sit on a list in front of the built-ins; a removed
 *    built-in is an override of kind CFG_NONE.
 * 2. Handles: vmk_ConfigParamOpen checks the parameter exists and returns a
 *    number naming an open-handle record (group and name copied).  Reads
 *    look the parameter up again each time, so a handle sees values a test
 *    sets after the open; if the parameter was removed meanwhile, reads are
 *    VMK_BAD_PARAM.  An open handle is a resource: one still open at
 *    EmuCtl_Shutdown is listed as a leak ("config param").  Closing or using
 *    an unknown or closed handle is VMK_BAD_PARAM, as documented.
 * 3. Types: vmk_ConfigParamGetUint on a string parameter, and the string
 *    calls on an integer one, are VMK_BAD_PARAM ("no value of that kind").
 *    vmk_ConfigParamGetString into a buffer shorter than the string plus
 *    its NUL copies what fits, NUL-terminated, and says VMK_LIMIT_EXCEEDED
 *    (size it first with vmk_ConfigParamGetStringSize).
 * 4. Locking: cfg_lock (a leaf) guards both lists; nothing blocks.
 */
#include "api.h"

#include <stdlib.h>
#include <string.h>

#include "core/rsrc.h"
#include "emuctl.h"

enum cfg_kind {
   CFG_NONE = 0,        /* removed */
   CFG_UINT,
   CFG_STRING,
};

struct cfg_param {
   const char   *cp_group;
   const char   *cp_name;
   enum cfg_kind cp_kind;
   vmk_uint32    cp_uint;
   const char   *cp_string;
};

/* An override set by a test: strings owned by the node. */
struct cfg_override {
   struct cfg_override *co_next;
   struct cfg_param     co_param;
   char                *co_group;
   char                *co_name;
   char                *co_string;
};

struct cfg_handle {
   struct cfg_handle *ch_next;
   vmk_uint64         ch_id;
   emu_rsrc_t         ch_rsrc;
   char              *ch_group;
   char              *ch_name;
};

static const struct cfg_param cfg_builtin[] = {
   { VMK_CONFIG_GROUP_MISC, VMK_CONFIG_PARAM_HOSTNAME, CFG_STRING, 0,
     "vmkemu" },
   { VMK_CONFIG_GROUP_NET, VMK_CONFIG_PARAM_MGMT_IPADDR, CFG_STRING, 0,
     "127.0.0.1" },
   { VMK_CONFIG_GROUP_DISK, "MaxLUN", CFG_UINT, 1024, NULL },
   { VMK_CONFIG_GROUP_DISK, "SchedNumReqOutstanding", CFG_UINT, 32, NULL },
};

static emu_mutex_t cfg_lock = EMU_MUTEX_INITIALIZER;
static struct cfg_override *cfg_overrides;   /* cfg_lock */
static struct cfg_handle *cfg_handles;       /* cfg_lock */
static vmk_uint64 cfg_next_id = 1;           /* cfg_lock */

static char *
cfg_strdup(const char *s)
{
   size_t n = strlen(s) + 1;
   char *d = malloc(n);

   if (d != NULL) {
      memcpy(d, s, n);
   }
   return d;
}

static struct cfg_override *
cfg_override_find(const char *group, const char *name)
{
   struct cfg_override *o;

   for (o = cfg_overrides; o != NULL; o = o->co_next) {
      if (strcmp(o->co_group, group) == 0 && strcmp(o->co_name, name) == 0) {
         return o;
      }
   }
   return NULL;
}

/* The parameter's current value; NULL when there is none.  => cfg_lock */
static const struct cfg_param *
cfg_lookup(const char *group, const char *name)
{
   const struct cfg_override *o = cfg_override_find(group, name);
   size_t i;

   if (o != NULL) {
      return o->co_param.cp_kind == CFG_NONE ? NULL : &o->co_param;
   }
   for (i = 0; i < sizeof cfg_builtin / sizeof cfg_builtin[0]; i++) {
      if (strcmp(cfg_builtin[i].cp_group, group) == 0 &&
          strcmp(cfg_builtin[i].cp_name, name) == 0) {
         return &cfg_builtin[i];
      }
   }
   return NULL;
}

static struct cfg_handle *
cfg_handle_find(vmk_ConfigParamHandle id)
{
   struct cfg_handle *h;

   for (h = cfg_handles; h != NULL; h = h->ch_next) {
      if (h->ch_id == id) {
         return h;
      }
   }
   return NULL;
}

EMU_EXPORT VMK_ReturnStatus
vmk_ConfigParamOpen(const char *group, const char *name,
                    vmk_ConfigParamHandle *handle)
{
   struct cfg_handle *h;

   if (group == NULL || name == NULL || handle == NULL) {
      return VMK_BAD_PARAM;
   }
   h = calloc(1, sizeof *h);
   if (h != NULL) {
      h->ch_group = cfg_strdup(group);
      h->ch_name = cfg_strdup(name);
   }
   if (h == NULL || h->ch_group == NULL || h->ch_name == NULL) {
      if (h != NULL) {
         free(h->ch_group);
         free(h->ch_name);
         free(h);
      }
      return VMK_NO_MEMORY;
   }
   emu_mutex_lock(&cfg_lock);
   if (cfg_lookup(group, name) == NULL) {
      emu_mutex_unlock(&cfg_lock);
      free(h->ch_group);
      free(h->ch_name);
      free(h);
      return VMK_BAD_PARAM;              /* no such parameter */
   }
   h->ch_id = cfg_next_id++;
   h->ch_next = cfg_handles;
   cfg_handles = h;
   emu_rsrc_add(&h->ch_rsrc, EMU_RSRC_OTHER, "config param", h->ch_name,
                EMU_CALLER());
   *handle = h->ch_id;
   emu_mutex_unlock(&cfg_lock);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_ConfigParamClose(vmk_ConfigParamHandle handle)
{
   struct cfg_handle **link;

   emu_mutex_lock(&cfg_lock);
   for (link = &cfg_handles; *link != NULL; link = &(*link)->ch_next) {
      if ((*link)->ch_id == handle) {
         struct cfg_handle *h = *link;

         *link = h->ch_next;
         emu_rsrc_remove(&h->ch_rsrc);
         emu_mutex_unlock(&cfg_lock);
         free(h->ch_group);
         free(h->ch_name);
         free(h);
         return VMK_OK;
      }
   }
   emu_mutex_unlock(&cfg_lock);
   return VMK_BAD_PARAM;
}

/* The parameter behind a handle if it holds a value of kind.  => cfg_lock */
static const struct cfg_param *
cfg_get(vmk_ConfigParamHandle handle, enum cfg_kind kind)
{
   const struct cfg_handle *h = cfg_handle_find(handle);
   const struct cfg_param *p;

   if (h == NULL) {
      return NULL;
   }
   p = cfg_lookup(h->ch_group, h->ch_name);
   return (p != NULL && p->cp_kind == kind) ? p : NULL;
}

EMU_EXPORT VMK_ReturnStatus
vmk_ConfigParamGetUint(vmk_ConfigParamHandle handle, unsigned int *result)
{
   const struct cfg_param *p;

   if (result == NULL) {
      return VMK_BAD_PARAM;
   }
   emu_mutex_lock(&cfg_lock);
   p = cfg_get(handle, CFG_UINT);
   if (p != NULL) {
      *result = p->cp_uint;
   }
   emu_mutex_unlock(&cfg_lock);
   return p != NULL ? VMK_OK : VMK_BAD_PARAM;
}

EMU_EXPORT VMK_ReturnStatus
vmk_ConfigParamGetStringSize(vmk_ConfigParamHandle handle,
                             vmk_ByteCount *lengthOut)
{
   const struct cfg_param *p;

   if (lengthOut == NULL) {
      return VMK_BAD_PARAM;
   }
   emu_mutex_lock(&cfg_lock);
   p = cfg_get(handle, CFG_STRING);
   if (p != NULL) {
      *lengthOut = strlen(p->cp_string) + 1;
   }
   emu_mutex_unlock(&cfg_lock);
   return p != NULL ? VMK_OK : VMK_BAD_PARAM;
}

EMU_EXPORT VMK_ReturnStatus
vmk_ConfigParamGetString(vmk_ConfigParamHandle handle, char *buf,
                         vmk_ByteCount bufSize)
{
   const struct cfg_param *p;
   VMK_ReturnStatus status = VMK_BAD_PARAM;

   if (buf == NULL || bufSize == 0) {
      return VMK_BAD_PARAM;
   }
   emu_mutex_lock(&cfg_lock);
   p = cfg_get(handle, CFG_STRING);
   if (p != NULL) {
      size_t len = strlen(p->cp_string);
      size_t n = len < bufSize - 1 ? len : bufSize - 1;

      memcpy(buf, p->cp_string, n);
      buf[n] = '\0';
      status = n == len ? VMK_OK : VMK_LIMIT_EXCEEDED;
   }
   emu_mutex_unlock(&cfg_lock);
   return status;
}

/* ---- emulator control (emuctl_lib.h); may move to emu/ctl ------------- */

/* Set (or remove, kind CFG_NONE) an override. */
static VMK_ReturnStatus
cfg_set(const char *group, const char *name, enum cfg_kind kind,
        vmk_uint32 value, const char *string)
{
   struct cfg_override *o;
   char *copy = NULL;

   if (group == NULL || name == NULL || group[0] == '\0' || name[0] == '\0') {
      return VMK_BAD_PARAM;
   }
   if (string != NULL) {
      copy = cfg_strdup(string);
      if (copy == NULL) {
         return VMK_NO_MEMORY;
      }
   }
   emu_mutex_lock(&cfg_lock);
   if (kind == CFG_NONE && cfg_lookup(group, name) == NULL) {
      emu_mutex_unlock(&cfg_lock);
      return VMK_NOT_FOUND;
   }
   o = cfg_override_find(group, name);
   if (o == NULL) {
      o = calloc(1, sizeof *o);
      if (o != NULL) {
         o->co_group = cfg_strdup(group);
         o->co_name = cfg_strdup(name);
      }
      if (o == NULL || o->co_group == NULL || o->co_name == NULL) {
         emu_mutex_unlock(&cfg_lock);
         if (o != NULL) {
            free(o->co_group);
            free(o->co_name);
            free(o);
         }
         free(copy);
         return VMK_NO_MEMORY;
      }
      o->co_param.cp_group = o->co_group;
      o->co_param.cp_name = o->co_name;
      o->co_next = cfg_overrides;
      cfg_overrides = o;
   }
   free(o->co_string);
   o->co_string = copy;
   o->co_param.cp_kind = kind;
   o->co_param.cp_uint = value;
   o->co_param.cp_string = copy;
   emu_mutex_unlock(&cfg_lock);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_ConfigSetUint(const char *group, const char *name, vmk_uint32 value)
{
   return cfg_set(group, name, CFG_UINT, value, NULL);
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_ConfigSetString(const char *group, const char *name, const char *value)
{
   if (value == NULL) {
      return VMK_BAD_PARAM;
   }
   return cfg_set(group, name, CFG_STRING, 0, value);
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_ConfigRemove(const char *group, const char *name)
{
   if (group == NULL || name == NULL) {
      return VMK_BAD_PARAM;
   }
   return cfg_set(group, name, CFG_NONE, 0, NULL);
}

EMU_EXPORT void
EmuCtl_ConfigReset(void)
{
   struct cfg_override *o;

   emu_mutex_lock(&cfg_lock);
   o = cfg_overrides;
   cfg_overrides = NULL;
   emu_mutex_unlock(&cfg_lock);
   while (o != NULL) {
      struct cfg_override *next = o->co_next;

      free(o->co_group);
      free(o->co_name);
      free(o->co_string);
      free(o);
      o = next;
   }
}
