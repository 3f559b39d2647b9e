/*
 * san_whatis.c -- "what is this address" for AddressSanitizer reports.
 *
 * 1. Why.  Slab objects (and the small heap allocations, which are objects
 *    of a heap's class caches) live in clusters the engine poisons and
 *    unpoisons itself (slab_debug.c 6.), so when ASan stops at a stray
 *    access it knows the bytes are poisoned but has no allocation stack to
 *    show: malloc never saw the object.  The engine does know: the cluster
 *    table names the cache, the chunk size gives the object, and in a debug
 *    cache the audit trail holds the last alloc and free with caller and
 *    world; a small heap allocation's side word (heap.h) names the line
 *    that allocated it even without audit.
 *
 * 2. How.  EmuCtl_Init installs a report callback
 *    (__asan_set_error_report_callback) in ASan builds.  ASan calls it with
 *    the finished report, just before it ends the process; the callback
 *    asks ASan for the faulting address and prints what the engines say
 *    about it after the report.  Nothing is locked: the process is about to
 *    die, and the fields read are either immutable after create (cache
 *    layout, name) or records a racing thread could at worst be updating.
 *
 * 3. The description itself (emu_ctl_whatis) is plain code built in every
 *    configuration, so it is compiled and usable without ASan too.
 *
 * 4. Audit is on by default in ASan builds (options.c), so the trail --
 *    and with it the allocating line -- is there unless turned off.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ctl/ctl.h"
#include "core/options.h"
#include "mem/heap.h"
#include "mem/slab.h"
#include "mem/slab_debug.h"
#include "world/world.h"

#if defined(EMU_ASAN) && defined(__has_include)
#if __has_include(<sanitizer/asan_interface.h>)
#include <sanitizer/asan_interface.h>
#define SAN_WHATIS_ASAN 1
#endif
#endif

/* Append to buf at *off, never past len. */
EMU_PRINTF(4, 5)
static void
wi_put(char *buf, size_t len, size_t *off, const char *fmt, ...)
{
   va_list ap;
   int n;

   if (*off >= len) {
      return;
   }
   va_start(ap, fmt);
   n = vsnprintf(buf + *off, len - *off, fmt, ap);
   va_end(ap);
   if (n > 0) {
      *off += (size_t)n < len - *off ? (size_t)n : len - *off - 1;
   }
}

__attribute__((no_sanitize_address)) static void
wi_trail(char *buf, size_t len, size_t *off, const char *what,
         const emu_slab_trail_t *t)
{
   char where[512];
   char world[128];

   if (t->t_caller == NULL) {
      return;
   }
   emu_host_symbolize(t->t_caller, where, sizeof where, 1);
   world[0] = '\0';
   if (t->t_world != NULL) {
      emu_world_describe(t->t_world, world, sizeof world);
   }
   wi_put(buf, len, off, "  last %s by %s%s%s\n", what, where,
          world[0] != '\0' ? ", in " : "", world);
}

/*
 * A small heap allocation carries a side word past its class bytes: the
 * caller that asked for it and the size asked (heap.h).  It stays when the
 * allocation is freed, so it names the last allocating line either way.
 */
__attribute__((no_sanitize_address)) static void
wi_heap_side(char *buf, size_t len, size_t *off, const emu_slab_cache_t *sc,
             uintptr_t start)
{
   uintptr_t w;
   uint64_t size;
   char where[512];

   if (sc->sc_owner_size == 0 ||
       sc->sc_owner_size + sizeof w > sc->sc_chunk) {
      return;
   }
   w = *(const volatile uintptr_t *)(start + sc->sc_owner_size);
   size = emu_heap_side_size(w);
   if (emu_heap_side_caller(w) == NULL || size == 0 ||
       size > sc->sc_owner_size) {
      return;
   }
   emu_host_symbolize(emu_heap_side_caller(w), where, sizeof where, 1);
   wi_put(buf, len, off, "  last allocated (%llu bytes) by %s\n",
          (unsigned long long)size, where);
}

/* The heap whose class cache sc is, or NULL (plain slab caches). */
__attribute__((no_sanitize_address)) static const emu_heap_t *
wi_heap_of(const emu_slab_cache_t *sc)
{
   const emu_heap_t *h = sc->sc_owner;

   if (h == NULL || (const void *)h == (const void *)&emu_slab_nocache ||
       h->h_magic != EMU_HEAP_MAGIC) {
      return NULL;
   }
   return h;
}

/*
 * Not instrumented: cluster headers and free objects are poisoned, and the
 * header is what this reads.
 */
__attribute__((no_sanitize_address)) int
emu_ctl_whatis(uintptr_t addr, char *buf, size_t len)
{
   emu_slab_cluster_t *cl = emu_slab_cluster_of(addr);
   emu_slab_cache_t *sc;
   const emu_heap_t *h;
   const emu_slab_dbg_t *d = NULL;
   uintptr_t start;
   size_t off = 0;
   uint64_t idx;

   if (len == 0) {
      return 0;
   }
   buf[0] = '\0';
   if (cl == NULL || cl->cl_magic != EMU_SLAB_CLUSTER_MAGIC ||
       (sc = cl->cl_cache) == NULL || sc->sc_chunk == 0) {
      wi_put(buf, len, &off, "vmkemu: address %p is not in a slab or "
             "heap object\n", (void *)addr);
      return 0;
   }
   if (addr < cl->cl_base) {
      wi_put(buf, len, &off, "vmkemu: address %p is in the header of a "
             "cluster of slab '%s'\n", (void *)addr, sc->sc_name);
      return 1;
   }
   idx = (addr - cl->cl_base) / sc->sc_chunk;
   start = cl->cl_base + (uintptr_t)(idx * sc->sc_chunk);
   h = wi_heap_of(sc);
   if (h != NULL) {
      wi_put(buf, len, &off, "vmkemu: address %p is %llu byte(s) into "
             "allocation %p of heap '%s' (class cache '%s', %zu-byte "
             "slots)\n", (void *)addr,
             (unsigned long long)(addr - start), (void *)start, h->h_name,
             sc->sc_name, sc->sc_chunk);
   } else {
      wi_put(buf, len, &off, "vmkemu: address %p is %llu byte(s) into "
             "object #%llu at %p of slab '%s' (object size %zu, slot %zu)\n",
             (void *)addr, (unsigned long long)(addr - start),
             (unsigned long long)idx, (void *)start, sc->sc_name,
             sc->sc_objsize, sc->sc_chunk);
   }
   if (h != NULL && idx < cl->cl_nobj) {
      wi_heap_side(buf, len, &off, sc, start);
   }
   if (idx >= cl->cl_nobj) {
      wi_put(buf, len, &off, "  (past the cluster's last object)\n");
      return 1;
   }
   if (cl->cl_dbg != NULL) {
      d = &cl->cl_dbg[idx];
   }
   if (d == NULL) {
      if (h == NULL) {
         wi_put(buf, len, &off, "  no audit trail: run with "
                "VMKEMU_DEBUG=audit to see who allocated and freed it\n");
      }
      return 1;
   }
   wi_put(buf, len, &off, "  the object is %s\n",
          d->d_state == EMU_SLAB_DBG_ALLOC ? "allocated" :
          d->d_state == EMU_SLAB_DBG_FREE ? "free" : "in an unknown state");
   wi_trail(buf, len, &off, "allocated", &d->d_alloc);
   wi_trail(buf, len, &off, "freed", &d->d_free);
   if (d->d_alloc.t_caller == NULL && d->d_free.t_caller == NULL) {
      wi_put(buf, len, &off, "  no audit trail: run with VMKEMU_DEBUG=audit "
             "to see who allocated and freed it\n");
   }
   return 1;
}

#if SAN_WHATIS_ASAN
static void
san_report_cb(const char *report)
{
   static char buf[4096];
   uintptr_t addr;

   (void)report;
   if (!__asan_report_present()) {
      return;
   }
   addr = (uintptr_t)__asan_get_report_address();
   (void)emu_ctl_whatis(addr, buf, sizeof buf);
   emu_host_write_err(buf, strlen(buf));
}
#endif

void
emu_ctl_san_install(void)
{
#if SAN_WHATIS_ASAN
   __asan_set_error_report_callback(san_report_cb);
#endif
}
