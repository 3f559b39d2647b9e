/*
 * slab_debug.c -- the slab engine's debug layer.
 *
 * 1. Options.  A cache created while audit, guards or contents is on is a
 *    debug cache: it runs in direct mode (slab.c 4.) and keeps one record
 *    per object (emu_slab_dbg_t, an array per cluster, in host pages that go
 *    back with the cluster).  Plain caches never reach this file on their
 *    fast paths, so the options cost nothing when off.
 *
 * 2. State.  Each record says free or allocated, so double frees are exact
 *    in a debug cache (plain caches use the free tag, slab.c 5.).
 *
 * 3. Audit.  Each alloc and free records caller, world (the host self
 *    slot), host thread, time and a short stack; a double free shows the
 *    first free's trail, destroy with outstanding objects lists who
 *    allocated them.
 *
 * 4. Guards.  EMU_SLAB_GUARD_BYTES of EMU_SLAB_GUARD_BYTE follow each object;
 *    a free checks them (GUARD_OVERRUN naming the first damaged byte) and
 *    repairs them so one overrun is reported once.
 *
 * 5. Contents.  Writes after free are caught when the object is next
 *    handed out (WRITE_AFTER_FREE).  A cache without constructor fills a
 *    freed object with EMU_SLAB_FREE_BYTE and checks the fill; a cache with
 *    one must keep the constructed state, so instead a checksum of the
 *    object is taken at free and compared at alloc.  Both skip the control
 *    structure, which belongs to the engine while the object is free.
 *
 * 6. Tools.  Under AddressSanitizer (EMU_ASAN) free objects and cluster
 *    headers are poisoned, allocated objects unpoisoned to exactly objSize,
 *    so a stray access names the object.  Under Valgrind memcheck each
 *    cache is a mempool (VALGRIND_CREATE_MEMPOOL) and each allocated object
 *    one of its chunks; objects of a cache with a constructor are marked
 *    defined on alloc (they hold constructed state), except a control
 *    structure inside the object, which the driver must treat as
 *    uninitialised.  Caches go direct under memcheck so every alloc and free
 *    passes here.
 */
#include "slab_debug.h"

#include <stdio.h>
#include <string.h>

#include "../core/assert.h"

#if defined(__has_include)
#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#define SLAB_VALGRIND 1
#endif
#endif
#ifndef SLAB_VALGRIND
#define SLAB_VALGRIND 0
#endif

static size_t
dbg_bytes(const emu_slab_cache_t *sc)
{
   size_t b = sc->sc_clnobj * sizeof(emu_slab_dbg_t);
   size_t pg = emu_host_page_size();

   return (b + pg - 1) / pg * pg;
}

static uint32_t
dbg_index(const emu_slab_cache_t *sc, const emu_slab_cluster_t *cl,
          const void *obj)
{
   return (uint32_t)(((uintptr_t)obj - cl->cl_base) / sc->sc_chunk);
}

void
emu_slab_report(emu_report_kind_t kind, emu_slab_cache_t *sc,
                const void *obj, const void *caller, const char *fmt, ...)
{
   emu_report_obj_t o = { "slab", sc != NULL ? sc->sc_name : NULL, sc };
   char buf[256];
   va_list ap;

   va_start(ap, fmt);
   vsnprintf(buf, sizeof buf, fmt, ap);
   va_end(ap);
   emu_report_begin(kind, &o, caller, "%s", buf);
   if (sc != NULL && obj != NULL && (sc->sc_flags & EMU_SLAB_F_AUDIT)) {
      emu_slab_cluster_t *cl = emu_slab_cluster_of((uintptr_t)obj);

      if (cl != NULL && cl->cl_cache == sc && cl->cl_dbg != NULL &&
          (uintptr_t)obj >= cl->cl_base) {
         emu_slab_dbg_t *d = &cl->cl_dbg[dbg_index(sc, cl, obj)];
         char sym[160];
         const emu_slab_trail_t *t[2] = { &d->d_alloc, &d->d_free };
         const char *what[2] = { "last alloc", "last free" };
         int i;
         int k;

         for (i = 0; i < 2; i++) {
            if (t[i]->t_caller == NULL && t[i]->t_depth == 0) {
               continue;
            }
            emu_host_symbolize(t[i]->t_caller, sym, sizeof sym, 1);
            emu_report_detail("%s by %s (thread %llu)", what[i], sym,
                              (unsigned long long)t[i]->t_thread);
            for (k = 0; k < t[i]->t_depth; k++) {
               emu_host_symbolize(t[i]->t_stack[k], sym, sizeof sym, 0);
               emu_report_detail("   #%d %s", k, sym);
            }
         }
      }
   }
   emu_report_end();
}

/* ---- Guards and contents ----------------------------------------------- */

static int
in_ctrl(const emu_slab_cache_t *sc, size_t off)
{
   return off >= sc->sc_linkoff && off < sc->sc_linkoff + EMU_SLAB_CTRL_SIZE;
}

static uint64_t
obj_sum(const emu_slab_cache_t *sc, const unsigned char *p)
{
   uint64_t h = 0xcbf29ce484222325ull;
   size_t i;

   for (i = 0; i < sc->sc_objsize; i++) {
      if (!in_ctrl(sc, i)) {
         h = (h ^ p[i]) * 0x100000001b3ull;
      }
   }
   return h;
}

static void
obj_fill(const emu_slab_cache_t *sc, unsigned char *p)
{
   size_t i;

   for (i = 0; i < sc->sc_objsize; i++) {
      if (!in_ctrl(sc, i)) {
         p[i] = EMU_SLAB_FREE_BYTE;
      }
   }
}

/* Offset of the first byte that differs from the fill, or -1. */
static long
obj_fill_check(const emu_slab_cache_t *sc, const unsigned char *p)
{
   size_t i;

   for (i = 0; i < sc->sc_objsize; i++) {
      if (!in_ctrl(sc, i) && p[i] != EMU_SLAB_FREE_BYTE) {
         return (long)i;
      }
   }
   return -1;
}

static void
guard_set(const emu_slab_cache_t *sc, unsigned char *p)
{
   memset(p + sc->sc_guardoff, EMU_SLAB_GUARD_BYTE, EMU_SLAB_GUARD_BYTES);
}

static long
guard_check(const emu_slab_cache_t *sc, const unsigned char *p)
{
   size_t i;

   for (i = 0; i < EMU_SLAB_GUARD_BYTES; i++) {
      if (p[sc->sc_guardoff + i] != EMU_SLAB_GUARD_BYTE) {
         return (long)i;
      }
   }
   return -1;
}

/* Mark a free object's contents (fill or checksum). */
static void
contents_mark(const emu_slab_cache_t *sc, emu_slab_dbg_t *d,
              unsigned char *p)
{
   if (sc->sc_ctor == NULL) {
      obj_fill(sc, p);
   } else {
      d->d_sum = obj_sum(sc, p);
   }
}

emu_status_t
emu_slab_dbg_cluster_init(emu_slab_cache_t *sc, emu_slab_cluster_t *cl)
{
   uint32_t i;

   cl->cl_dbg = emu_host_map_anon(dbg_bytes(sc));
   if (cl->cl_dbg == NULL) {
      return EMU_NOMEM;
   }
   for (i = 0; i < cl->cl_nobj; i++) {
      unsigned char *p = (unsigned char *)(cl->cl_base +
                                           (size_t)i * sc->sc_chunk);

      cl->cl_dbg[i].d_state = EMU_SLAB_DBG_FREE;
      if (sc->sc_flags & EMU_SLAB_F_GUARDS) {
         guard_set(sc, p);
      }
      if (sc->sc_flags & EMU_SLAB_F_CONTENTS) {
         contents_mark(sc, &cl->cl_dbg[i], p);
      }
   }
   return EMU_OK;
}

void
emu_slab_dbg_cluster_fini(emu_slab_cache_t *sc, emu_slab_cluster_t *cl)
{
   emu_host_unmap(cl->cl_dbg, dbg_bytes(sc));
   cl->cl_dbg = NULL;
}

static void
trail_record(emu_slab_trail_t *t, const void *caller)
{
   t->t_caller = caller;
   t->t_world = emu_host_self_get();
   t->t_thread = emu_thread_host_id();
   t->t_time_ns = emu_clock_mono_ns();
   t->t_depth = emu_host_backtrace(t->t_stack, EMU_SLAB_AUDIT_DEPTH, 3);
   if (t->t_depth < 0) {
      t->t_depth = 0;
   }
}

void
emu_slab_dbg_alloc(emu_slab_cache_t *sc, emu_slab_cluster_t *cl,
                   uint32_t idx, void *obj, const void *caller)
{
   emu_slab_dbg_t *d = &cl->cl_dbg[idx];
   unsigned char *p = obj;

   EMU_ASSERT(d->d_state == EMU_SLAB_DBG_FREE);
   if (sc->sc_flags & EMU_SLAB_F_CONTENTS) {
      emu_slab_san_obj_open(sc, obj);
      if (sc->sc_ctor == NULL) {
         long off = obj_fill_check(sc, p);

         if (off >= 0) {
            emu_slab_report(EMU_RPT_WRITE_AFTER_FREE, sc, obj, caller,
                            "object %p of slab '%s' was written after it "
                            "was freed (byte %ld is 0x%02x, not 0x%02x)",
                            obj, sc->sc_name, off, p[off],
                            EMU_SLAB_FREE_BYTE);
         }
      } else if (obj_sum(sc, p) != d->d_sum) {
         emu_slab_report(EMU_RPT_WRITE_AFTER_FREE, sc, obj, caller,
                         "object %p of slab '%s' was written after it was "
                         "freed (its contents changed while free)",
                         obj, sc->sc_name);
      }
      emu_slab_san_obj_close(sc, obj);
   }
   d->d_state = EMU_SLAB_DBG_ALLOC;
   if (sc->sc_flags & EMU_SLAB_F_AUDIT) {
      trail_record(&d->d_alloc, caller);
   }
}

int
emu_slab_dbg_free(emu_slab_cache_t *sc, emu_slab_cluster_t *cl,
                  uint32_t idx, void *obj, const void *caller)
{
   emu_slab_dbg_t *d = &cl->cl_dbg[idx];
   unsigned char *p = obj;

   if (d->d_state != EMU_SLAB_DBG_ALLOC) {
      emu_slab_report(EMU_RPT_DOUBLE_FREE, sc, obj, caller,
                      "object %p freed twice to slab '%s'", obj,
                      sc->sc_name);
      return -1;
   }
   emu_slab_san_obj_open(sc, obj);
   if (sc->sc_flags & EMU_SLAB_F_GUARDS) {
      long off = guard_check(sc, p);

      if (off >= 0) {
         emu_slab_report(EMU_RPT_GUARD_OVERRUN, sc, obj, caller,
                         "object %p of slab '%s' (%zu bytes) was written "
                         "past its end (guard byte %ld damaged)", obj,
                         sc->sc_name, sc->sc_objsize, off);
         guard_set(sc, p);
      }
   }
   d->d_state = EMU_SLAB_DBG_FREE;
   if (sc->sc_flags & EMU_SLAB_F_AUDIT) {
      trail_record(&d->d_free, caller);
   }
   if (sc->sc_flags & EMU_SLAB_F_CONTENTS) {
      contents_mark(sc, d, p);
   }
   emu_slab_san_obj_close(sc, obj);
   return 0;
}

void
emu_slab_dbg_list_outstanding(emu_slab_cache_t *sc, emu_slab_cluster_t *cl,
                              unsigned *listed)
{
   uint32_t i;
   char sym[160];

   if (cl->cl_dbg == NULL) {
      return;
   }
   for (i = 0; i < cl->cl_nobj && *listed < EMU_SLAB_LEAK_LIST; i++) {
      const emu_slab_dbg_t *d = &cl->cl_dbg[i];

      if (d->d_state != EMU_SLAB_DBG_ALLOC) {
         continue;
      }
      emu_host_symbolize(d->d_alloc.t_caller, sym, sizeof sym, 1);
      emu_report_detail("object %p allocated by %s (thread %llu)",
                        (void *)(cl->cl_base + (size_t)i * sc->sc_chunk),
                        sym, (unsigned long long)d->d_alloc.t_thread);
      (*listed)++;
   }
}

/* ---- Tools ----------------------------------------------------------------- */

void
emu_slab_san_cache_create(emu_slab_cache_t *sc)
{
#if SLAB_VALGRIND
   if (sc->sc_flags & EMU_SLAB_F_VALGRIND) {
      VALGRIND_CREATE_MEMPOOL(sc, 0, 0);
   }
#else
   (void)sc;
#endif
}

void
emu_slab_san_cache_destroy(emu_slab_cache_t *sc)
{
#if SLAB_VALGRIND
   if (sc->sc_flags & EMU_SLAB_F_VALGRIND) {
      VALGRIND_DESTROY_MEMPOOL(sc);
   }
#else
   (void)sc;
#endif
}

void
emu_slab_san_cluster_new(emu_slab_cache_t *sc, emu_slab_cluster_t *cl)
{
#if EMU_SLAB_ASAN
   ASAN_POISON_MEMORY_REGION((void *)cl->cl_base, sc->sc_clobjbytes);
#endif
#if SLAB_VALGRIND
   if (sc->sc_flags & EMU_SLAB_F_VALGRIND) {
      uint32_t i;

      VALGRIND_MAKE_MEM_NOACCESS((void *)cl->cl_base, sc->sc_clobjbytes);
      /* The 16 bytes before each object stay the engine's: its control
       * structure, or (inner control) a word the free fast path reads and
       * finds no tag in. */
      for (i = 0; i < cl->cl_nobj; i++) {
         char *pre = (char *)(cl->cl_base + (size_t)i * sc->sc_chunk) -
                     EMU_SLAB_CTRL_SIZE;

         VALGRIND_MAKE_MEM_DEFINED(pre, EMU_SLAB_CTRL_SIZE);
         if (sc->sc_linkoff != EMU_SLAB_PRE_LINKOFF) {
            memset(pre, 0, EMU_SLAB_CTRL_SIZE);
            /* Every object is free: its inner control is the engine's. */
            VALGRIND_MAKE_MEM_DEFINED(pre + EMU_SLAB_CTRL_SIZE +
                                         sc->sc_linkoff, EMU_SLAB_CTRL_SIZE);
         }
      }
   }
#endif
   (void)sc;
   (void)cl;
}

void
emu_slab_san_cluster_gone(emu_slab_cache_t *sc, emu_slab_cluster_t *cl)
{
#if EMU_SLAB_ASAN
   ASAN_UNPOISON_MEMORY_REGION((void *)cl->cl_base, sc->sc_clobjbytes);
#endif
#if SLAB_VALGRIND
   if (sc->sc_flags & EMU_SLAB_F_VALGRIND) {
      VALGRIND_MAKE_MEM_DEFINED((void *)cl->cl_base, sc->sc_clobjbytes);
   }
#endif
   (void)sc;
   (void)cl;
}

void
emu_slab_san_obj_alloc(emu_slab_cache_t *sc, void *obj)
{
#if EMU_SLAB_ASAN
   ASAN_UNPOISON_MEMORY_REGION(obj, sc->sc_objsize);
#endif
#if SLAB_VALGRIND
   if (sc->sc_flags & EMU_SLAB_F_VALGRIND) {
      VALGRIND_MEMPOOL_ALLOC(sc, obj, sc->sc_objsize);
      if (sc->sc_ctor != NULL) {
         VALGRIND_MAKE_MEM_DEFINED(obj, sc->sc_objsize);
         if (sc->sc_linkoff < sc->sc_objsize) {
            VALGRIND_MAKE_MEM_UNDEFINED((char *)obj + sc->sc_linkoff,
                                        EMU_SLAB_CTRL_SIZE);
         }
      }
   }
#endif
   (void)sc;
   (void)obj;
}

void
emu_slab_san_obj_free(emu_slab_cache_t *sc, void *obj)
{
#if EMU_SLAB_ASAN
   ASAN_POISON_MEMORY_REGION(obj, sc->sc_chunk);
#endif
#if SLAB_VALGRIND
   if (sc->sc_flags & EMU_SLAB_F_VALGRIND) {
      VALGRIND_MEMPOOL_FREE(sc, obj);
      /* The engine keeps using the control structure. */
      VALGRIND_MAKE_MEM_DEFINED((char *)obj + sc->sc_linkoff,
                                EMU_SLAB_CTRL_SIZE);
   }
#endif
   (void)sc;
   (void)obj;
}

void
emu_slab_san_obj_open(emu_slab_cache_t *sc, void *obj)
{
#if EMU_SLAB_ASAN
   ASAN_UNPOISON_MEMORY_REGION(obj, sc->sc_chunk);
#endif
#if SLAB_VALGRIND
   if (sc->sc_flags & EMU_SLAB_F_VALGRIND) {
      VALGRIND_MAKE_MEM_DEFINED(obj, sc->sc_chunk);
   }
#endif
   (void)sc;
   (void)obj;
}

void
emu_slab_san_obj_close(emu_slab_cache_t *sc, void *obj)
{
#if EMU_SLAB_ASAN
   ASAN_POISON_MEMORY_REGION(obj, sc->sc_chunk);
#endif
#if SLAB_VALGRIND
   if (sc->sc_flags & EMU_SLAB_F_VALGRIND) {
      /* Not the next object's 16 engine bytes at the end of the chunk. */
      VALGRIND_MAKE_MEM_NOACCESS(obj, sc->sc_chunk - EMU_SLAB_CTRL_SIZE);
      VALGRIND_MAKE_MEM_DEFINED((char *)obj + sc->sc_linkoff,
                                EMU_SLAB_CTRL_SIZE);
   }
#endif
   (void)sc;
   (void)obj;
}
