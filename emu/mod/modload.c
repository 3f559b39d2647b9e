/*
 * modload.c -- the module loader behind EmuCtl_ModuleLoad and `vmkemu load`.
 *
 * 1. Model.  A driver module is a shared object built against the vmkemu
 *    SDK: the public headers plus the glue header (module.c 4.).  Loading
 *    it is dlopen (RTLD_NOW | RTLD_LOCAL: every vmk_* reference must
 *    resolve against the libvmkemu already in the process, and one module's
 *    globals do not leak into the next), then registering a module entry
 *    named after the file, binding the object's vmk_ModuleCurrentID slot to
 *    the new ID, reading the stamps and applying the parameters -- all
 *    before init_module runs, as vmkload_mod does.
 *
 * 2. The binary format read here is the one the public module macros
 *    produce (base/vmkapi_module_int.h): NUL-separated "key=value" strings
 *    in section .vmkmodinfo (version=, license=, buildType=, param_desc_..)
 *    and an array of struct vmk_ModuleParam in section .vmkmodparam.  Those
 *    section names are not C identifiers, so the linker makes no
 *    __start_/__stop_ symbols for them; the section headers are read from
 *    the file on disk and the parameter array is then addressed in memory
 *    at load bias + sh_addr (after relocation its pointers are live).  This
 *    is the one engine file that uses the public vmkapi types: it reads a
 *    format those headers define.
 *
 * 3. Parameters: integers accept any base strtol accepts and must fit the
 *    variable; bool accepts 1/0, y/n, yes/no, true/false, on/off and stores
 *    one byte (0 or 1): right for vmk_Bool and, on little-endian hosts, for
 *    an int holding 0 or 1; string copies into the declared buffer and
 *    refuses values that do not fit; charp points the variable at a copy
 *    kept until the module is gone; arrays take comma lists up to their
 *    declared length and store the count through nump.
 *
 * 4. Entry points run with the module pushed on the module ID stack, so
 *    what init_module creates is owned by the module.  They run on the
 *    calling thread, or -- as `vmkemu load` asks, since vmkload_mod calls
 *    init_module from a world of its own -- each in a fresh world made by
 *    the runner the control layer installs (emu_modload_set_runner); the
 *    caller waits until that world is gone, so the thread's magazines and
 *    heap budgets are back before the leak count.
 *    A module whose resources outlive cleanup_module is not closed: timers,
 *    slab constructors or worlds left behind may still point into its code.
 *    Its entry stays (state UNLOADING) and is listed with the leaks; it is
 *    closed at EmuCtl_Shutdown, after every other engine has stopped.
 *
 * 5. Differences from ESX: no namespace or license enforcement (the stamps
 *    are only reported), no symbol export between modules.
 */
#include "config.h"

#include "modload.h"

#include <dlfcn.h>
#include <elf.h>
#include <errno.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vmkapi.h"

#include "../core/rsrc.h"
#include "module.h"

struct emu_modobj {
   void                   *mo_dl;         /* dlopen handle */
   struct link_map        *mo_lm;         /* its link map */
   char                   *mo_path;       /* file the sections come from */
   int                     mo_self;       /* the host program itself */
   int32_t                 mo_id;
   char                   *mo_info;       /* copy of .vmkmodinfo */
   size_t                  mo_info_len;
   struct vmk_ModuleParam *mo_params;     /* in the loaded image */
   size_t                  mo_nparams;
   int                   (*mo_init)(void);
   void                  (*mo_cleanup)(void);
   int                   (*mo_scenario)(void);
   int                     mo_init_ok;    /* init_module returned 0 */
   int                     mo_inworld;    /* entry points in fresh worlds */
   char                  **mo_charp;      /* copies handed to charp params */
   size_t                  mo_ncharp;
};

static void
modload_err(char *err, size_t len, const char *fmt, ...) EMU_PRINTF(3, 4);

static void
modload_err(char *err, size_t len, const char *fmt, ...)
{
   va_list ap;

   if (err == NULL || len == 0) {
      return;
   }
   va_start(ap, fmt);
   vsnprintf(err, len, fmt, ap);
   va_end(ap);
}

/* Does addr lie in the object whose link map is arg? */
static int
modload_in_object(const void *addr, void *arg)
{
   Dl_info info;
   struct link_map *lm = NULL;

   if (dladdr1(addr, &info, (void **)&lm, RTLD_DL_LINKMAP) == 0) {
      return 0;
   }
   return lm == (struct link_map *)arg;
}

/* Read the ELF section headers of path; keep .vmkmodinfo and .vmkmodparam. */
static emu_status_t
modload_read_sections(emu_modobj_t *o, char *err, size_t errlen)
{
   Elf64_Ehdr eh;
   Elf64_Shdr *sh = NULL;
   char *names = NULL;
   FILE *f;
   unsigned i;
   emu_status_t st = EMU_BADPARAM;

   f = fopen(o->mo_path, "rb");
   if (f == NULL) {
      modload_err(err, errlen, "cannot read '%s': %s", o->mo_path,
                  strerror(errno));
      return EMU_NOTFOUND;
   }
   if (fread(&eh, sizeof eh, 1, f) != 1 ||
       memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 ||
       eh.e_ident[EI_CLASS] != ELFCLASS64 ||
       eh.e_shentsize != sizeof(Elf64_Shdr) || eh.e_shstrndx >= eh.e_shnum) {
      modload_err(err, errlen, "'%s' is not a 64-bit ELF object",
                  o->mo_path);
      goto out;
   }
   sh = calloc(eh.e_shnum, sizeof *sh);
   if (sh == NULL || fseek(f, (long)eh.e_shoff, SEEK_SET) != 0 ||
       fread(sh, sizeof *sh, eh.e_shnum, f) != eh.e_shnum) {
      modload_err(err, errlen, "'%s': cannot read section headers",
                  o->mo_path);
      goto out;
   }
   names = calloc(1, sh[eh.e_shstrndx].sh_size + 1);
   if (names == NULL ||
       fseek(f, (long)sh[eh.e_shstrndx].sh_offset, SEEK_SET) != 0 ||
       fread(names, 1, sh[eh.e_shstrndx].sh_size, f) !=
          sh[eh.e_shstrndx].sh_size) {
      modload_err(err, errlen, "'%s': cannot read section names",
                  o->mo_path);
      goto out;
   }
   for (i = 0; i < eh.e_shnum; i++) {
      const char *name;

      if (sh[i].sh_name >= sh[eh.e_shstrndx].sh_size) {
         continue;
      }
      name = names + sh[i].sh_name;
      if (strcmp(name, VMK_MODINFO_SEC) == 0 && sh[i].sh_type != SHT_NOBITS &&
          o->mo_info == NULL) {
         o->mo_info = calloc(1, sh[i].sh_size + 1);
         if (o->mo_info == NULL ||
             fseek(f, (long)sh[i].sh_offset, SEEK_SET) != 0 ||
             fread(o->mo_info, 1, sh[i].sh_size, f) != sh[i].sh_size) {
            modload_err(err, errlen, "'%s': cannot read %s", o->mo_path,
                        VMK_MODINFO_SEC);
            goto out;
         }
         o->mo_info_len = sh[i].sh_size;
      } else if (strcmp(name, VMK_PARAM_SEC) == 0 && sh[i].sh_addr != 0) {
         o->mo_params = (struct vmk_ModuleParam *)
            (o->mo_lm->l_addr + sh[i].sh_addr);
         o->mo_nparams = sh[i].sh_size / sizeof(struct vmk_ModuleParam);
      }
   }
   st = EMU_OK;
out:
   free(names);
   free(sh);
   fclose(f);
   return st;
}

static void
modload_free(emu_modobj_t *o)
{
   size_t i;

   if (o == NULL) {
      return;
   }
   if (o->mo_lm != NULL) {
      emu_mod_glue_forget(modload_in_object, o->mo_lm);
   }
   if (o->mo_dl != NULL) {
      dlclose(o->mo_dl);
   }
   for (i = 0; i < o->mo_ncharp; i++) {
      free(o->mo_charp[i]);
   }
   free(o->mo_charp);
   free(o->mo_info);
   free(o->mo_path);
   free(o);
}

void
emu_modload_release(void *obj)
{
   modload_free(obj);
}

static emu_modobj_t *
modload_obj(int32_t id)
{
   emu_mod_info_t mi;

   if (emu_mod_get_info(id, &mi) != EMU_OK) {
      return NULL;
   }
   return mi.mi_obj;
}

void
emu_modload_bind_program(int32_t id)
{
   emu_modobj_t *o = calloc(1, sizeof *o);

   if (o == NULL) {
      return;
   }
   o->mo_self = 1;
   o->mo_id = id;
   o->mo_dl = dlopen(NULL, RTLD_NOW);
   o->mo_path = strdup("/proc/self/exe");
   if (o->mo_dl == NULL || o->mo_path == NULL ||
       dlinfo(o->mo_dl, RTLD_DI_LINKMAP, &o->mo_lm) != 0) {
      o->mo_lm = NULL;
      modload_free(o);
      return;
   }
   /* Stamps and parameters of a test that links driver sources. */
   if (modload_read_sections(o, NULL, 0) != EMU_OK) {
      o->mo_info = NULL;
      o->mo_params = NULL;
      o->mo_nparams = 0;
   }
   emu_mod_glue_bind(modload_in_object, o->mo_lm, id);
   emu_mod_set_obj(id, o);
}

/* ---- parameters ------------------------------------------------------ */

static int
modload_parse_int(const char *s, int is_signed, int64_t lo, uint64_t hi,
                  uint64_t *out)
{
   char *end;

   errno = 0;
   if (is_signed) {
      long long v = strtoll(s, &end, 0);

      if (errno != 0 || end == s || *end != '\0' || v < lo ||
          (v > 0 && (uint64_t)v > hi)) {
         return -1;
      }
      *out = (uint64_t)v;
   } else {
      unsigned long long v;

      if (*s == '-') {
         return -1;
      }
      v = strtoull(s, &end, 0);
      if (errno != 0 || end == s || *end != '\0' || v > hi) {
         return -1;
      }
      *out = v;
   }
   return 0;
}

/* Store one scalar of a param type at p; -1 when the text does not fit. */
static int
modload_store(int type, void *p, const char *s)
{
   uint64_t v;

   switch (type) {
   case VMK_PARAM_int:
   case VMK_PARAM_int_array:
      if (modload_parse_int(s, 1, INT32_MIN, INT32_MAX, &v) != 0) {
         return -1;
      }
      *(int32_t *)p = (int32_t)v;
      return 0;
   case VMK_PARAM_uint:
   case VMK_PARAM_uint_array:
      if (modload_parse_int(s, 0, 0, UINT32_MAX, &v) != 0) {
         return -1;
      }
      *(uint32_t *)p = (uint32_t)v;
      return 0;
   case VMK_PARAM_long:
   case VMK_PARAM_long_array:
      if (modload_parse_int(s, 1, INT64_MIN, INT64_MAX, &v) != 0) {
         return -1;
      }
      *(int64_t *)p = (int64_t)v;
      return 0;
   case VMK_PARAM_ulong:
   case VMK_PARAM_ulong_array:
      if (modload_parse_int(s, 0, 0, UINT64_MAX, &v) != 0) {
         return -1;
      }
      *(uint64_t *)p = v;
      return 0;
   case VMK_PARAM_short:
   case VMK_PARAM_short_array:
      if (modload_parse_int(s, 1, INT16_MIN, INT16_MAX, &v) != 0) {
         return -1;
      }
      *(int16_t *)p = (int16_t)v;
      return 0;
   case VMK_PARAM_ushort:
   case VMK_PARAM_ushort_array:
      if (modload_parse_int(s, 0, 0, UINT16_MAX, &v) != 0) {
         return -1;
      }
      *(uint16_t *)p = (uint16_t)v;
      return 0;
   case VMK_PARAM_byte:
      if (modload_parse_int(s, 0, 0, UINT8_MAX, &v) != 0) {
         return -1;
      }
      *(uint8_t *)p = (uint8_t)v;
      return 0;
   case VMK_PARAM_bool:
      if (strcmp(s, "1") == 0 || strcasecmp(s, "y") == 0 ||
          strcasecmp(s, "yes") == 0 || strcasecmp(s, "true") == 0 ||
          strcasecmp(s, "on") == 0) {
         *(uint8_t *)p = 1;
      } else if (strcmp(s, "0") == 0 || strcasecmp(s, "n") == 0 ||
                 strcasecmp(s, "no") == 0 || strcasecmp(s, "false") == 0 ||
                 strcasecmp(s, "off") == 0) {
         *(uint8_t *)p = 0;
      } else {
         return -1;
      }
      return 0;
   default:
      return -1;
   }
}

static size_t
modload_elem_size(int type)
{
   switch (type) {
   case VMK_PARAM_int_array:
   case VMK_PARAM_uint_array:
      return 4;
   case VMK_PARAM_long_array:
   case VMK_PARAM_ulong_array:
      return 8;
   case VMK_PARAM_short_array:
   case VMK_PARAM_ushort_array:
      return 2;
   default:
      return 0;
   }
}

static emu_status_t
modload_set_param(emu_modobj_t *o, const char *name, const char *value,
                  char *err, size_t errlen)
{
   struct vmk_ModuleParam *p = NULL;
   size_t i;

   for (i = 0; i < o->mo_nparams; i++) {
      if (o->mo_params[i].name != NULL &&
          strcmp(o->mo_params[i].name, name) == 0) {
         p = &o->mo_params[i];
         break;
      }
   }
   if (p == NULL) {
      modload_err(err, errlen, "no module parameter '%s'", name);
      return EMU_NOTFOUND;
   }
   switch ((int)p->type) {
   case VMK_PARAM_string:
      if (strlen(value) + 1 > (size_t)p->param.string.maxlen) {
         modload_err(err, errlen, "parameter '%s': value longer than %d",
                     name, p->param.string.maxlen - 1);
         return EMU_BADPARAM;
      }
      memcpy(p->param.string.arg, value, strlen(value) + 1);
      return EMU_OK;
   case VMK_PARAM_charp: {
      char **list;
      char *copy = strdup(value);

      list = realloc(o->mo_charp, (o->mo_ncharp + 1) * sizeof *list);
      if (copy == NULL || list == NULL) {
         free(copy);
         if (list != NULL) {
            o->mo_charp = list;
         }
         return EMU_NOMEM;
      }
      o->mo_charp = list;
      o->mo_charp[o->mo_ncharp++] = copy;
      *(char **)p->param.arg = copy;
      return EMU_OK;
   }
   case VMK_PARAM_int_array:
   case VMK_PARAM_uint_array:
   case VMK_PARAM_long_array:
   case VMK_PARAM_ulong_array:
   case VMK_PARAM_short_array:
   case VMK_PARAM_ushort_array: {
      size_t esz = modload_elem_size((int)p->type);
      char buf[1024];
      char *save = NULL;
      char *tok;
      int n = 0;

      if (strlen(value) >= sizeof buf) {
         modload_err(err, errlen, "parameter '%s': value too long", name);
         return EMU_BADPARAM;
      }
      snprintf(buf, sizeof buf, "%s", value);
      for (tok = strtok_r(buf, ",", &save); tok != NULL;
           tok = strtok_r(NULL, ",", &save)) {
         if (n >= p->param.array.maxlen) {
            modload_err(err, errlen, "parameter '%s': more than %d values",
                        name, p->param.array.maxlen);
            return EMU_BADPARAM;
         }
         if (modload_store((int)p->type,
                           (char *)p->param.array.arg + (size_t)n * esz,
                           tok) != 0) {
            modload_err(err, errlen, "parameter '%s': bad value '%s'", name,
                        tok);
            return EMU_BADPARAM;
         }
         n++;
      }
      if (p->param.array.nump != NULL) {
         *p->param.array.nump = n;
      }
      return EMU_OK;
   }
   default:
      if (modload_store((int)p->type, p->param.arg, value) != 0) {
         modload_err(err, errlen, "parameter '%s': bad value '%s'", name,
                     value);
         return EMU_BADPARAM;
      }
      return EMU_OK;
   }
}

emu_status_t
emu_modload_param(int32_t id, const char *name, const char *value,
                  char *err, size_t errlen)
{
   emu_modobj_t *o = modload_obj(id);

   if (o == NULL) {
      modload_err(err, errlen, "module %d has no loaded object", (int)id);
      return EMU_NOTFOUND;
   }
   if (name == NULL || value == NULL) {
      return EMU_BADPARAM;
   }
   return modload_set_param(o, name, value, err, errlen);
}

/* ---- load / run / unload ---------------------------------------------- */

static emu_modload_runner_t modload_runner;

void
emu_modload_set_runner(emu_modload_runner_t run)
{
   __atomic_store_n(&modload_runner, run, __ATOMIC_RELEASE);
}

emu_status_t
emu_modload_set_inworld(int32_t id, int on)
{
   emu_modobj_t *o = modload_obj(id);

   if (o == NULL || o->mo_self) {
      return EMU_NOTFOUND;
   }
   if (on && __atomic_load_n(&modload_runner, __ATOMIC_ACQUIRE) == NULL) {
      return EMU_NOTSUP;
   }
   o->mo_inworld = on != 0;
   return EMU_OK;
}

/* One entry-point call, possibly made by another thread (a fresh world). */
typedef struct modload_call {
   int32_t    c_id;
   void      *c_fn;           /* the entry point */
   void      *c_ra;           /* who asked, for the module stack frame */
   int        c_kind;         /* MODLOAD_INIT, _SCENARIO, _CLEANUP */
   int        c_rc;
} modload_call_t;

enum { MODLOAD_INIT, MODLOAD_SCENARIO, MODLOAD_CLEANUP };

static void
modload_call_entry(void *arg)
{
   modload_call_t *c = arg;
   emu_mod_frame_t frame;

   emu_mod_push(c->c_id, c->c_fn, c->c_ra, &frame);
   if (c->c_kind == MODLOAD_CLEANUP) {
      ((void (*)(void))(uintptr_t)c->c_fn)();
      c->c_rc = 0;
   } else {
      c->c_rc = ((int (*)(void))(uintptr_t)c->c_fn)();
   }
   emu_mod_pop(NULL);
}

/* Run one entry point where the module asked; EMU_NOMEM: no world. */
static emu_status_t
modload_call(emu_modobj_t *o, int kind, void *fn, void *ra, int *rc)
{
   static const char *const what[] = { "init", "scenario", "cleanup" };
   emu_modload_runner_t run = __atomic_load_n(&modload_runner,
                                              __ATOMIC_ACQUIRE);
   modload_call_t c = { o->mo_id, fn, ra, kind, 0 };
   emu_status_t st = EMU_OK;

   if (o->mo_inworld && run != NULL) {
      char mod[EMU_MOD_NAME_MAX];
      char name[64];

      emu_mod_label(o->mo_id, mod, sizeof mod);
      snprintf(name, sizeof name, "%s:%s", mod, what[kind]);
      st = run(name, modload_call_entry, &c);
   } else {
      modload_call_entry(&c);
   }
   *rc = c.c_rc;
   return st;
}

static void
modload_name(const char *path, char *name, size_t len)
{
   const char *base = strrchr(path, '/');
   char *dot;

   snprintf(name, len, "%s", base != NULL ? base + 1 : path);
   dot = strstr(name, ".so");
   if (dot != NULL && dot != name) {
      *dot = '\0';
   }
}

emu_status_t
emu_modload_load(const char *path, int nparams, char *const *params,
                 const void *caller, int32_t *idp, char *err, size_t errlen)
{
   char file[4096];
   char name[EMU_MOD_NAME_MAX];
   emu_modobj_t *o;
   emu_status_t st;
   int32_t id;
   int i;

   if (path == NULL || idp == NULL || (nparams > 0 && params == NULL)) {
      modload_err(err, errlen, "no module file given");
      return EMU_BADPARAM;
   }
   if (access(path, R_OK) != 0) {
      modload_err(err, errlen, "cannot read module '%s': %s", path,
                  strerror(errno));
      return EMU_NOTFOUND;
   }
   o = calloc(1, sizeof *o);
   if (o == NULL) {
      return EMU_NOMEM;
   }
   /* A bare file name means the file here, not a library search. */
   snprintf(file, sizeof file, "%s%s", strchr(path, '/') != NULL ? "" : "./",
            path);
   o->mo_path = strdup(file);
   if (o->mo_path == NULL) {
      modload_free(o);
      return EMU_NOMEM;
   }
   o->mo_dl = dlopen(file, RTLD_NOW | RTLD_LOCAL);
   if (o->mo_dl == NULL) {
      const char *why = dlerror();

      modload_err(err, errlen, "cannot load '%s': %s%s", path,
                  why != NULL ? why : "unknown error",
                  why != NULL && strstr(why, "vmk_ModuleCurrentID") != NULL
                  ? " (build it with `pkg-config --cflags vmkemu`, which "
                    "adds the module glue)" : "");
      modload_free(o);
      return EMU_FAILURE;
   }
   if (dlinfo(o->mo_dl, RTLD_DI_LINKMAP, &o->mo_lm) != 0) {
      modload_err(err, errlen, "cannot inspect '%s': %s", path, dlerror());
      o->mo_lm = NULL;
      modload_free(o);
      return EMU_FAILURE;
   }
   *(void **)&o->mo_init = dlsym(o->mo_dl, "init_module");
   *(void **)&o->mo_cleanup = dlsym(o->mo_dl, "cleanup_module");
   *(void **)&o->mo_scenario = dlsym(o->mo_dl, "vmkemu_scenario");
   if (o->mo_init == NULL ||
       !modload_in_object((const void *)(uintptr_t)o->mo_init, o->mo_lm)) {
      modload_err(err, errlen, "'%s' has no init_module: not a driver "
                  "module", path);
      modload_free(o);
      return EMU_BADPARAM;
   }
   if (o->mo_cleanup != NULL &&
       !modload_in_object((const void *)(uintptr_t)o->mo_cleanup,
                          o->mo_lm)) {
      o->mo_cleanup = NULL;
   }
   if (o->mo_scenario != NULL &&
       !modload_in_object((const void *)(uintptr_t)o->mo_scenario,
                          o->mo_lm)) {
      o->mo_scenario = NULL;
   }
   st = modload_read_sections(o, err, errlen);
   if (st != EMU_OK) {
      modload_free(o);
      return st;
   }
   modload_name(path, name, sizeof name);
   st = emu_mod_create(name, EMU_MOD_LOADED, EMU_MODS_LOADING, caller, &id);
   if (st != EMU_OK) {
      modload_err(err, errlen, st == EMU_EXISTS
                  ? "a module named '%s' is already loaded"
                  : "cannot register module '%s'", name);
      modload_free(o);
      return st;
   }
   o->mo_id = id;
   emu_mod_glue_bind(modload_in_object, o->mo_lm, id);
   for (i = 0; i < nparams; i++) {
      char pname[256];
      const char *eq = strchr(params[i], '=');

      if (eq == NULL || eq == params[i] ||
          (size_t)(eq - params[i]) >= sizeof pname) {
         modload_err(err, errlen, "module parameter '%s' is not "
                     "name=value", params[i]);
         st = EMU_BADPARAM;
         break;
      }
      memcpy(pname, params[i], (size_t)(eq - params[i]));
      pname[eq - params[i]] = '\0';
      st = modload_set_param(o, pname, eq + 1, err, errlen);
      if (st != EMU_OK) {
         if (st == EMU_NOTFOUND) {
            st = EMU_BADPARAM;
         }
         break;
      }
   }
   if (st != EMU_OK) {
      emu_mod_destroy(id);
      modload_free(o);
      return st;
   }
   emu_mod_set_obj(id, o);
   *idp = id;
   return EMU_OK;
}

emu_status_t
emu_modload_init(int32_t id, int *result)
{
   emu_modobj_t *o = modload_obj(id);
   emu_mod_info_t mi;
   emu_status_t st;
   int rc;

   if (o == NULL || o->mo_self || o->mo_init == NULL ||
       emu_mod_get_info(id, &mi) != EMU_OK) {
      return EMU_NOTFOUND;
   }
   if (mi.mi_state != EMU_MODS_LOADING) {
      return EMU_BUSY;
   }
   st = modload_call(o, MODLOAD_INIT, (void *)(uintptr_t)o->mo_init,
                     EMU_CALLER(), &rc);
   if (st != EMU_OK) {
      return st;                  /* init_module never ran: still LOADING */
   }
   o->mo_init_ok = rc == 0;
   emu_mod_set_state(id, rc == 0 ? EMU_MODS_LIVE : EMU_MODS_FAILED);
   *result = rc;
   return EMU_OK;
}

emu_status_t
emu_modload_scenario(int32_t id, int *result)
{
   emu_modobj_t *o = modload_obj(id);
   emu_status_t st;
   int rc;

   if (o == NULL || o->mo_scenario == NULL) {
      return EMU_NOTFOUND;
   }
   if (!o->mo_init_ok) {
      return EMU_BUSY;
   }
   st = modload_call(o, MODLOAD_SCENARIO,
                     (void *)(uintptr_t)o->mo_scenario, EMU_CALLER(), &rc);
   if (st != EMU_OK) {
      return st == EMU_NOTFOUND ? EMU_NOMEM : st;
   }
   *result = rc;
   return EMU_OK;
}

emu_status_t
emu_modload_unload(int32_t id, uint64_t *leaked)
{
   emu_modobj_t *o = modload_obj(id);
   emu_mod_info_t mi;
   uint64_t left;
   int rc;

   if (emu_mod_get_info(id, &mi) != EMU_OK) {
      return EMU_NOTFOUND;
   }
   if (mi.mi_origin != EMU_MOD_LOADED || o == NULL) {
      return EMU_BADPARAM;
   }
   if (mi.mi_use != 0) {
      return EMU_BUSY;
   }
   if (mi.mi_state == EMU_MODS_UNLOADING) {
      /* Unloaded before with leftovers: finish once they are gone. */
   } else {
      emu_mod_set_state(id, EMU_MODS_UNLOADING);
   }
   if (mi.mi_state != EMU_MODS_UNLOADING && o->mo_init_ok &&
       o->mo_cleanup != NULL) {
      if (modload_call(o, MODLOAD_CLEANUP,
                       (void *)(uintptr_t)o->mo_cleanup, EMU_CALLER(),
                       &rc) != EMU_OK) {
         /* No world for it: run it here rather than skip the cleanup. */
         o->mo_inworld = 0;
         modload_call(o, MODLOAD_CLEANUP, (void *)(uintptr_t)o->mo_cleanup,
                      EMU_CALLER(), &rc);
      }
   }
   left = emu_rsrc_count(EMU_RSRC_ANY, id);
   if (leaked != NULL) {
      *leaked = left;
   }
   if (left != 0) {
      return EMU_OK;                   /* stays mapped until shutdown */
   }
   emu_mod_set_obj(id, NULL);
   emu_mod_destroy(id);
   modload_free(o);
   return EMU_OK;
}

emu_status_t
emu_modload_stamp(int32_t id, const char *key, char *buf, size_t len)
{
   emu_modobj_t *o = modload_obj(id);
   size_t klen;
   size_t off = 0;

   if (key == NULL || buf == NULL || len == 0) {
      return EMU_BADPARAM;
   }
   if (o == NULL || o->mo_info == NULL) {
      return EMU_NOTFOUND;
   }
   klen = strlen(key);
   while (off < o->mo_info_len) {
      const char *s = o->mo_info + off;
      size_t n = strlen(s);

      if (n > klen && strncmp(s, key, klen) == 0 && s[klen] == '=') {
         if (n - klen - 1 >= len) {
            return EMU_BADPARAM;
         }
         memcpy(buf, s + klen + 1, n - klen);
         return EMU_OK;
      }
      off += n + 1;
   }
   return EMU_NOTFOUND;
}

emu_status_t
emu_modload_describe(int32_t id)
{
   emu_modobj_t *o = modload_obj(id);
   size_t off = 0;

   if (o == NULL || o->mo_info == NULL) {
      return EMU_NOTFOUND;
   }
   while (off < o->mo_info_len) {
      const char *s = o->mo_info + off;
      size_t n = strlen(s);

      if (n != 0) {
         emu_host_print_err("  %s\n", s);
      }
      off += n + 1;
   }
   return EMU_OK;
}
