/*
 * stats.c -- EmuCtl_DumpStats / EmuCtl_FormatStats: the simulated host's
 * tables, in the spirit of illumos ::kmastat and vsish's memory nodes.
 *
 * 1. One table for everything that hands out memory or numbers, one row
 *    per object, the same columns for every kind:
 *       name  kind  owner  objsize  inuse  total  allocs  fails  bytes
 *    slab   objsize = object size; inuse / total = objects handed out /
 *           constructed; fails = refused allocations; bytes = cluster
 *           memory held.
 *    heap   inuse = live allocations; bytes = bytes charged against the
 *           heap's maximum (its memory is the arena row of the same name).
 *    pool   objsize = page; inuse = pages held (a parent: what its
 *           children charge); total = limit in pages; allocs / fails =
 *           page allocations.
 *    arena  objsize = quantum; inuse / total = units allocated / in spans
 *           (pages for the machine arena, IDs for ID arenas, else bytes);
 *           allocs / fails counted by the arena; bytes = inuse in bytes.
 *    A '-' is a figure the engine does not keep: slab and heap
 *    allocations are not counted because their fast paths take no lock
 *    and touch no shared counter (see slab.c, heap.c).
 *    Then a table of worlds, the live resources by kind, and the modules.
 *
 * 2. Engines hand their objects to a callback under their list lock
 *    (emu_slab_walk, emu_heap_walk, emu_mempool_walk, emu_world_walk).
 *    The callbacks only copy numbers into rows; owner names, which need the
 *    module registry, are resolved after every engine lock is dropped, and
 *    only then is anything printed.  The figures are therefore a snapshot
 *    per object, not one instant for the whole host.
 *
 * 3. Engine-internal caches and pools (magazines, quantum caches, heap
 *    size-class caches, the kernel pool) are listed too, owned by
 *    "vmkernel": they are where a driver's memory really sits.
 */
#include "emuctl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "core/rsrc.h"
#include "ctl/ctl.h"
#include "mem/heap.h"
#include "mem/machmem.h"
#include "mem/mempool.h"
#include "mem/slab.h"
#include "mem/vmem.h"
#include "mod/module.h"
#include "world/world.h"

#define STATS_NONE   UINT64_MAX          /* printed as '-' */
#define STATS_NAME   32

typedef struct stats_row {
   char        r_name[STATS_NAME];
   const char *r_kind;
   int32_t     r_owner;                 /* module ID, -1: the vmkernel */
   uint64_t    r_objsize;
   uint64_t    r_inuse;
   uint64_t    r_total;
   uint64_t    r_allocs;
   uint64_t    r_fails;
   uint64_t    r_bytes;
   /* Worlds only. */
   int32_t     r_id;
   uint32_t    r_pcpu;
   const char *r_state;
} stats_row_t;

typedef struct stats_rows {
   stats_row_t *s_row;
   size_t       s_n;
   size_t       s_cap;
   int          s_nomem;                /* a row could not be kept */
} stats_rows_t;

static stats_row_t *
stats_add(stats_rows_t *s, const char *name, const char *kind, int32_t owner)
{
   stats_row_t *r;

   if (s->s_n == s->s_cap) {
      size_t cap = s->s_cap != 0 ? 2 * s->s_cap : 64;
      stats_row_t *n = realloc(s->s_row, cap * sizeof *n);

      if (n == NULL) {
         s->s_nomem = 1;
         return NULL;
      }
      s->s_row = n;
      s->s_cap = cap;
   }
   r = &s->s_row[s->s_n++];
   memset(r, 0, sizeof *r);
   snprintf(r->r_name, sizeof r->r_name, "%s", name != NULL ? name : "?");
   r->r_kind = kind;
   r->r_owner = owner;
   r->r_objsize = STATS_NONE;
   r->r_inuse = STATS_NONE;
   r->r_total = STATS_NONE;
   r->r_allocs = STATS_NONE;
   r->r_fails = STATS_NONE;
   r->r_bytes = STATS_NONE;
   return r;
}

/* An arena row; unit: bytes per unit of its address space (0: IDs). */
static void
stats_arena(stats_rows_t *s, const char *name, int32_t owner, size_t quantum,
            uint64_t unit, const emu_vmem_stats_t *vs)
{
   stats_row_t *r = stats_add(s, name, "arena", owner);

   if (r == NULL) {
      return;
   }
   r->r_objsize = unit > 1 ? unit : quantum;
   r->r_inuse = vs->st_inuse;
   r->r_total = vs->st_total;
   r->r_allocs = vs->st_alloc;
   r->r_fails = vs->st_fail;
   r->r_bytes = unit != 0 ? vs->st_inuse * unit : STATS_NONE;
}

static void
stats_slab_cb(void *arg, const emu_slab_cache_t *sc,
              const emu_slab_stats_t *st, uint64_t inuse)
{
   stats_row_t *r;
   int internal = (sc->sc_flags & EMU_SLAB_F_INTERNAL) != 0;

   r = stats_add(arg, sc->sc_name, "slab",
                 internal ? -1 : sc->sc_rsrc.r_module);
   if (r == NULL) {
      return;
   }
   r->r_objsize = sc->sc_objsize;
   r->r_inuse = inuse;
   r->r_total = st->ss_objects;
   r->r_fails = st->ss_fail;
   r->r_bytes = st->ss_bytes;
}

static void
stats_heap_cb(void *arg, const emu_heap_t *h, uint64_t live, uint64_t bytes,
              const emu_vmem_stats_t *arena)
{
   stats_row_t *r = stats_add(arg, h->h_name, "heap", h->h_rsrc.r_module);

   if (r != NULL) {
      r->r_inuse = live;
      r->r_fails = __atomic_load_n(&h->h_st_fail, __ATOMIC_RELAXED);
      r->r_bytes = bytes;
   }
   if (arena != NULL) {
      stats_arena(arg, h->h_name, h->h_rsrc.r_module,
                  emu_vmem_quantum(h->h_arena), 1, arena);
   }
}

static void
stats_pool_cb(void *arg, const emu_mempool_t *mp,
              const emu_vmem_stats_t *arena)
{
   int32_t owner = mp->mp_internal ? -1 : mp->mp_rsrc.r_module;
   stats_row_t *r = stats_add(arg, mp->mp_name, "pool", owner);

   if (r != NULL) {
      r->r_objsize = EMU_MM_PAGE_SIZE;
      r->r_inuse = mp->mp_used;
      r->r_total = mp->mp_limit != EMU_MP_NO_LIMIT ? mp->mp_limit
                                                   : STATS_NONE;
      r->r_allocs = mp->mp_st_alloc;
      r->r_fails = mp->mp_st_fail;
      r->r_bytes = mp->mp_used * EMU_MM_PAGE_SIZE;
   }
   if (arena != NULL) {
      stats_arena(arg, mp->mp_name, owner, emu_vmem_quantum(mp->mp_arena),
                  1, arena);
   }
}

static const char *
stats_world_kind(const struct emu_world *w)
{
   if (w->w_system) {
      return "system";
   }
   switch (w->w_kind) {
   case EMU_WK_THREAD:    return "thread";
   case EMU_WK_ADOPTED:   return "adopted";
   case EMU_WK_SIMULATED: return "simulated";
   }
   return "?";
}

static void
stats_world_cb(void *arg, const struct emu_world *w)
{
   stats_row_t *r = stats_add(arg, w->w_name, stats_world_kind(w),
                              w->w_kind == EMU_WK_ADOPTED ? -2
                                                          : w->w_module);

   if (r == NULL) {
      return;
   }
   r->r_id = w->w_id;
   r->r_pcpu = w->w_pcpu;
   r->r_state = w->w_state == EMU_WS_ALIVE ? "alive"
              : w->w_state == EMU_WS_DYING ? "dying" : "dead";
}

static void
stats_owner(int32_t id, char *buf, size_t len)
{
   if (id == -2) {
      snprintf(buf, len, "(host)");
   } else if (id < 0 || id == EMU_MOD_VMKERNEL_ID) {
      snprintf(buf, len, "vmkernel");
   } else {
      emu_mod_label(id, buf, len);
   }
}

static void
stats_num(FILE *f, uint64_t v, int width)
{
   if (v == STATS_NONE) {
      fprintf(f, " %*s", width, "-");
   } else {
      fprintf(f, " %*llu", width, (unsigned long long)v);
   }
}

static const char *
stats_state_name(emu_mod_state_t st)
{
   switch (st) {
   case EMU_MODS_LOADING:   return "loading";
   case EMU_MODS_LIVE:      return "live";
   case EMU_MODS_FAILED:    return "failed";
   case EMU_MODS_UNLOADING: return "unloaded";
   }
   return "?";
}

static const char *
stats_origin_name(emu_mod_origin_t o)
{
   switch (o) {
   case EMU_MOD_KERNEL:     return "kernel";
   case EMU_MOD_PROGRAM:    return "program";
   case EMU_MOD_LOADED:     return "loaded";
   case EMU_MOD_REGISTERED: return "registered";
   }
   return "?";
}

static void
stats_module_cb(const emu_mod_info_t *mi, void *arg)
{
   FILE *f = arg;

   fprintf(f, "%5d %-24s %-10s %-9s %5u %9llu\n", (int)mi->mi_id,
           mi->mi_name, stats_origin_name(mi->mi_origin),
           stats_state_name(mi->mi_state), (unsigned)mi->mi_use,
           (unsigned long long)emu_rsrc_count(EMU_RSRC_ANY, mi->mi_id));
}

/* Render everything into f; returns the number of table rows. */
static uint64_t
stats_render(FILE *f)
{
   stats_rows_t mem = { NULL, 0, 0, 0 };
   stats_rows_t worlds = { NULL, 0, 0, 0 };
   emu_vmem_stats_t vs;
   char owner[VMK_MODULE_NAME_MAX];
   uint64_t rows;
   size_t i;
   unsigned k;

   emu_slab_walk(1, stats_slab_cb, &mem);
   emu_heap_walk(stats_heap_cb, &mem);
   emu_mempool_walk(stats_pool_cb, &mem);
   if (emu_mm.mm_live && emu_mm.mm_arena != NULL) {
      emu_vmem_stats(emu_mm.mm_arena, &vs);
      stats_arena(&mem, emu_vmem_name(emu_mm.mm_arena), -1,
                  EMU_MM_PAGE_SIZE, EMU_MM_PAGE_SIZE, &vs);
   }
   if (emu_world_id_arena() != NULL) {
      emu_vmem_stats(emu_world_id_arena(), &vs);
      stats_arena(&mem, emu_vmem_name(emu_world_id_arena()), -1, 1, 0, &vs);
   }
   emu_world_walk(stats_world_cb, &worlds);

   fprintf(f, "%-24s %-5s %-12s %8s %8s %8s %8s %6s %11s\n", "name", "kind",
           "owner", "objsize", "inuse", "total", "allocs", "fails",
           "bytes");
   for (i = 0; i < mem.s_n; i++) {
      const stats_row_t *r = &mem.s_row[i];

      stats_owner(r->r_owner, owner, sizeof owner);
      fprintf(f, "%-24s %-5s %-12s", r->r_name, r->r_kind, owner);
      stats_num(f, r->r_objsize, 8);
      stats_num(f, r->r_inuse, 8);
      stats_num(f, r->r_total, 8);
      stats_num(f, r->r_allocs, 8);
      stats_num(f, r->r_fails, 6);
      stats_num(f, r->r_bytes, 11);
      fputc('\n', f);
   }

   fprintf(f, "\n%5s %-24s %-9s %-12s %4s %s\n", "world", "name", "kind",
           "owner", "pcpu", "state");
   for (i = worlds.s_n; i-- > 0;) {
      const stats_row_t *r = &worlds.s_row[i];

      stats_owner(r->r_owner, owner, sizeof owner);
      fprintf(f, "%5d %-24s %-9s %-12s %4u %s\n", (int)r->r_id, r->r_name,
              r->r_kind, owner, (unsigned)r->r_pcpu, r->r_state);
   }

   fprintf(f, "\n%-10s %8s\n", "resources", "live");
   for (k = 1; k < EMU_RSRC_COUNT; k++) {
      fprintf(f, "%-10s %8llu\n", emu_rsrc_kind_name((emu_rsrc_kind_t)k),
              (unsigned long long)emu_rsrc_count((emu_rsrc_kind_t)k, -1));
   }

   fprintf(f, "\n%5s %-24s %-10s %-9s %5s %9s\n", "id", "module", "origin",
           "state", "uses", "resources");
   emu_mod_foreach(stats_module_cb, f);
   if (mem.s_nomem || worlds.s_nomem) {
      fprintf(f, "(out of host memory: some rows are missing)\n");
   }
   rows = mem.s_n + worlds.s_n;
   free(mem.s_row);
   free(worlds.s_row);
   return rows;
}

EMU_EXPORT vmk_uint64
EmuCtl_DumpStats(FILE *out)
{
   char *text = NULL;
   size_t len = 0;
   FILE *mf;
   uint64_t rows;

   if (!EmuCtl_IsRunning()) {
      return 0;
   }
   /* Render off to the side, then write once: lines of other threads
    * do not interleave with the table. */
   mf = open_memstream(&text, &len);
   if (mf == NULL) {
      return 0;
   }
   rows = stats_render(mf);
   fclose(mf);
   if (out != NULL) {
      fwrite(text, 1, len, out);
      fflush(out);
   } else {
      emu_host_write_err(text, len);      /* no length limit */
   }
   free(text);
   return rows;
}

EMU_EXPORT vmk_uint64
EmuCtl_FormatStats(char *buf, vmk_uint64 len)
{
   char *text = NULL;
   size_t tlen = 0;
   FILE *mf;

   if (!EmuCtl_IsRunning() || (buf == NULL && len != 0)) {
      return 0;
   }
   mf = open_memstream(&text, &tlen);
   if (mf == NULL) {
      return 0;
   }
   stats_render(mf);
   fclose(mf);
   if (len != 0) {
      size_t n = tlen < len - 1 ? tlen : (size_t)(len - 1);

      memcpy(buf, text, n);
      buf[n] = '\0';
   }
   free(text);
   return tlen;
}
