/*
 * slab_backing.c -- the machine backing for slab clusters.
 *
 * Until the machine-memory and mempool engines exist (a later issue), slab
 * clusters come from one process-wide vmem arena, "slab-machine", whose
 * quantum is the cluster granule (64 KiB) and whose only span is a window
 * of EMU_SLAB_MACHINE_BYTES, aligned to that size, of a lazy host
 * reservation (address space only: pages become resident when a cluster
 * is first written).  Freeing a cluster discards its pages
 * (emu_host_discard) before the range goes back to the arena, so what the
 * slab layer gives back really stops being resident.
 *
 * The backing is created on first need (the first cache created, or
 * emu_slab_init) under a mutex, and lives until emu_slab_backing_fini; the
 * range it covers is published once in emu_slab_range, which the free fast
 * path reads without a lock.  Its arena is not a driver resource (it is not
 * registered with rsrc), like the machine memory it stands for.
 */
#include "slab_backing.h"

#include "../core/assert.h"
#include "vmem.h"

EMU_HIDDEN struct emu_slab_range emu_slab_range = {
   .sr_key = UINTPTR_MAX        /* no address: a >> shift never gets there */
};

EMU_STATIC_ASSERT(EMU_SLAB_MACHINE_BYTES ==
                  (size_t)1 << EMU_SLAB_RANGE_SHIFT,
                  "the range is one aligned power of two");

static emu_mutex_t       backing_lock = EMU_MUTEX_INITIALIZER;
static emu_vmem_t       *backing_arena;
static void             *backing_map;
static emu_slab_backing_t backing_machine;

static emu_status_t
backing_machine_alloc(void *ctx, size_t size, uint64_t deadline_ns,
                      const void *caller, uintptr_t *addrp)
{
   emu_vmem_t *vmp = ctx;

   if (deadline_ns == 0) {
      return emu_vmem_alloc_ra(vmp, size, EMU_VM_NOSLEEP, caller, addrp);
   }
   return emu_vmem_alloc_timed(vmp, size,
                               deadline_ns == UINT64_MAX ? 0 : deadline_ns,
                               caller, addrp);
}

static void
backing_machine_free(void *ctx, uintptr_t addr, size_t size)
{
   emu_host_discard((void *)addr, size);
   emu_vmem_free((emu_vmem_t *)ctx, addr, size);
}

/* What stays mapped: the range and the granule before it. */
#define BACKING_MAP_BYTES (EMU_SLAB_GRANULE + EMU_SLAB_MACHINE_BYTES)

/*
 * Reserve the range: EMU_SLAB_MACHINE_BYTES aligned to its own size, so
 * that "in the range" is a shift and one compare (emu_slab_in_range), with
 * a granule mapped before it (the free fast path reads the word before an
 * object it is given, which may be the range's first byte).  Twice the
 * range is reserved to find the alignment, and what lies outside is given
 * back.  => backing_lock held.
 */
static emu_status_t
backing_reserve(uintptr_t *basep)
{
   size_t len = 2 * EMU_SLAB_MACHINE_BYTES + EMU_SLAB_GRANULE;
   char *map = emu_host_map_reserve(len);
   uintptr_t base;
   char *keep;

   if (map == NULL) {
      return EMU_NOMEM;
   }
   base = ((uintptr_t)map + EMU_SLAB_GRANULE + EMU_SLAB_MACHINE_BYTES - 1) &
          ~(uintptr_t)(EMU_SLAB_MACHINE_BYTES - 1);
   keep = (char *)(base - EMU_SLAB_GRANULE);
   emu_host_unmap(map, (size_t)(keep - map));
   emu_host_unmap(keep + BACKING_MAP_BYTES,
                  (size_t)(map + len - (keep + BACKING_MAP_BYTES)));
   backing_map = keep;
   *basep = base;
   return EMU_OK;
}

const emu_slab_backing_t *
emu_slab_backing_machine(void)
{
   emu_vmem_props_t props = { 0 };

   emu_mutex_lock(&backing_lock);
   if (backing_arena == NULL) {
      if (backing_reserve(&props.base) != EMU_OK) {
         emu_mutex_unlock(&backing_lock);
         return NULL;
      }
      props.name = "slab-machine";
      props.quantum = EMU_SLAB_GRANULE;
      props.policy = EMU_VM_INSTANTFIT;
      props.size = EMU_SLAB_MACHINE_BYTES;
      if (emu_vmem_create(&props, &backing_arena) != EMU_OK) {
         emu_host_unmap(backing_map, BACKING_MAP_BYTES);
         backing_map = NULL;
         emu_mutex_unlock(&backing_lock);
         return NULL;
      }
      backing_machine.sb_name = "machine";
      backing_machine.sb_alloc = backing_machine_alloc;
      backing_machine.sb_free = backing_machine_free;
      backing_machine.sb_ctx = backing_arena;
      __atomic_store_n(&emu_slab_range.sr_len, props.size, __ATOMIC_RELAXED);
      __atomic_store_n(&emu_slab_range.sr_base, props.base,
                       __ATOMIC_RELAXED);
      __atomic_store_n(&emu_slab_range.sr_key,
                       props.base >> EMU_SLAB_RANGE_SHIFT, __ATOMIC_RELEASE);
   }
   emu_mutex_unlock(&backing_lock);
   return &backing_machine;
}

size_t
emu_slab_backing_inuse(void)
{
   emu_vmem_stats_t st;

   emu_mutex_lock(&backing_lock);
   if (backing_arena == NULL) {
      emu_mutex_unlock(&backing_lock);
      return 0;
   }
   emu_vmem_stats(backing_arena, &st);
   emu_mutex_unlock(&backing_lock);
   return (size_t)st.st_inuse;
}

void
emu_slab_backing_fini(void)
{
   /*
    * The range stays published and mapped: stale object pointers freed
    * after a shutdown must still look up to "no cluster", never to a fault.
    * Only an empty arena would be torn down, and nothing needs that yet.
    */
}
