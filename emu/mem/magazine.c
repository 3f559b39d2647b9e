/*
 * magazine.c -- the magazine layer of the slab engine.
 *
 * 1. Model (Bonwick & Adams, "Magazines and Vmem", 2001; our code).  A
 *    magazine is a small stack of free, constructed objects.  Each thread
 *    has, for each cache, a slot holding two magazines: "loaded", which
 *    alloc pops and free pushes, and "previous", kept so that a thread
 *    alternating allocs and frees across a magazine boundary does not go
 *    to the depot every time.  The slot belongs to its thread alone, so the
 *    fast paths take no lock and no atomic.  When both magazines are empty
 *    (alloc) or full (free) the thread goes to the cache's depot, which
 *    keeps lists of full and empty magazines under the cache lock, and
 *    trades a whole magazine at once.
 *
 * 2. Per thread, not per CPU.  The paper's magazines are per CPU and need
 *    interrupts off; a Linux process has no cheap "current CPU" that stays
 *    valid, so we key by host thread (a world is a thread).  The slot array
 *    is reached by one thread-local load (emu_mag_tls, initial-exec) and
 *    indexed by the cache's index, given out here from 1 to
 *    EMU_MAG_MAX_CACHES - 1.  A thread's array is created on its first
 *    slow path; before that emu_mag_tls points at a shared array whose
 *    slots say "nothing loaded, capacity 0", so a fast path never needs a
 *    NULL test and never writes there.  Slots are 64 bytes, so two
 *    caches used by one thread never share a line with another thread's
 *    slots (each array is its own mapping).
 *
 * 3. Thread exit.  Each array is on a global list and the host's exit hook
 *    is armed with it; when the thread ends, the hook hands every non-empty
 *    slot to the flush function slab.c registered (which returns the
 *    magazines to their depots) and unmaps the array.  Destroy of a cache
 *    walks every thread's slot for its index under the same lock
 *    (emu_mag_for_each_slot) to take the magazines back: by contract no
 *    other thread uses a cache being destroyed, so the slots are quiescent.
 *
 * 4. Magazine size.  Depots start with emu_mag_sizes[0] rounds and move to
 *    the next size when, over a window of EMU_MAG_WINDOW depot operations,
 *    more than EMU_MAG_CONTENTION_PCT percent found the lock taken (the
 *    paper's rule, with a window instead of a timer).  Larger magazines
 *    mean fewer depot trips per object.  Magazines of an older size stay
 *    in circulation; each carries its own capacity.
 *
 * 5. Locking.  emu_mag_threads_lock (thread list, index allocator) comes
 *    before any cache lock.  Magazines themselves are objects of internal
 *    slab caches without a magazine layer (emu_mag_alloc, in slab.c), so
 *    their memory too goes back to the backing on reclaim.
 */
#include "magazine.h"

#include <string.h>

#include "../core/assert.h"

const uint32_t emu_mag_sizes[EMU_MAG_NSIZES] = { 31, 63, 127, 255, 511 };

#define EMU_MAG_WINDOW          256
#define EMU_MAG_CONTENTION_PCT  5

EMU_HIDDEN const uintptr_t emu_mag_floor[1] = { EMU_MAG_FLOOR };

/*
 * The shared array new threads start with (never written by a fast path).
 * Its slots, as every thread's, are cleared when the first index at or
 * above them is handed out (emu_mag_index_alloc), before any cache of
 * that index exists.  Slot 0, which no cache owns and the fast paths of a
 * cache without a slot read (emu_slab_nocache, any cache while fault
 * injection is armed), is cleared with the first index of all: the slab
 * engine takes indexes for its own caches when it starts, before any of
 * that can happen.
 */
static emu_mag_slot_t mag_zero_slots[EMU_MAG_MAX_CACHES]
   __attribute__((aligned(64)));

EMU_HIDDEN EMU_HOST_THREAD_LOCAL emu_mag_slot_t *emu_mag_tls
   __attribute__((tls_model("initial-exec"))) = mag_zero_slots;

/* A registered thread's array, on the global list. */
typedef struct mag_thread {
   struct mag_thread *mt_next;
   struct mag_thread *mt_prev;
   emu_mag_slot_t    *mt_slots;      /* EMU_MAG_MAX_CACHES slots */
} mag_thread_t;

static emu_mutex_t      mag_threads_lock = EMU_MUTEX_INITIALIZER;
static mag_thread_t     mag_threads = { &mag_threads, &mag_threads, NULL };
static int              mag_exit_slot = -1;
static emu_mag_flush_fn mag_flush;
static uint8_t          mag_index_used[EMU_MAG_MAX_CACHES];
static uint32_t         mag_index_rotor = 1;
static uint32_t         mag_slots_hw;       /* slots [0, hw) are set up */

/* The list record takes the first line, so every slot is one whole line. */
#define MAG_ARRAY_HDR   64
#define MAG_ARRAY_BYTES (MAG_ARRAY_HDR + \
                         EMU_MAG_MAX_CACHES * sizeof(emu_mag_slot_t))

EMU_STATIC_ASSERT(sizeof(emu_mag_slot_t) == 64, "slot is one 64-byte line");
EMU_STATIC_ASSERT(sizeof(mag_thread_t) <= MAG_ARRAY_HDR, "record fits");

void
emu_mag_set_flush(emu_mag_flush_fn fn)
{
   emu_mutex_lock(&mag_threads_lock);
   mag_flush = fn;
   emu_mutex_unlock(&mag_threads_lock);
}

static void
mag_thread_exit(void *arg)
{
   mag_thread_t *mt = arg;
   uint32_t i;

   if (mt == NULL) {
      return;
   }
   emu_mutex_lock(&mag_threads_lock);
   mt->mt_prev->mt_next = mt->mt_next;
   mt->mt_next->mt_prev = mt->mt_prev;
   for (i = 1; i < EMU_MAG_MAX_CACHES; i++) {
      emu_mag_slot_t *s = &mt->mt_slots[i];

      if ((s->ms_loaded != NULL || s->ms_prev != NULL) && mag_flush != NULL) {
         mag_flush(i, s);
      }
   }
   emu_mutex_unlock(&mag_threads_lock);
   emu_mag_tls = mag_zero_slots;
   emu_host_unmap(mt, MAG_ARRAY_BYTES);
}

static void
mag_clear_slots(emu_mag_slot_t *slots, uint32_t from, uint32_t to)
{
   uint32_t i;

   for (i = from; i < to; i++) {
      emu_mag_slot_clear(&slots[i]);
   }
}

emu_mag_slot_t *
emu_mag_thread_slots(void)
{
   mag_thread_t *mt;

   if (emu_mag_tls != mag_zero_slots) {
      return emu_mag_tls;
   }
   mt = emu_host_map_anon(MAG_ARRAY_BYTES);
   if (mt == NULL) {
      return NULL;
   }
   mt->mt_slots = (emu_mag_slot_t *)((char *)mt + MAG_ARRAY_HDR);
   emu_mutex_lock(&mag_threads_lock);
   mag_clear_slots(mt->mt_slots, 0, mag_slots_hw);
   if (mag_exit_slot < 0) {
      mag_exit_slot = emu_thread_exit_hook_register(mag_thread_exit);
      EMU_ASSERT(mag_exit_slot >= 0);
   }
   mt->mt_next = mag_threads.mt_next;
   mt->mt_prev = &mag_threads;
   mag_threads.mt_next->mt_prev = mt;
   mag_threads.mt_next = mt;
   emu_mutex_unlock(&mag_threads_lock);
   emu_thread_exit_hook_arm(mag_exit_slot, mt);
   emu_mag_tls = mt->mt_slots;
   return mt->mt_slots;
}

void
emu_mag_for_each_slot(uint32_t idx,
                      void (*fn)(void *arg, emu_mag_slot_t *slot),
                      void *arg)
{
   mag_thread_t *mt;

   EMU_ASSERT(idx > 0 && idx < EMU_MAG_MAX_CACHES);
   emu_mutex_lock(&mag_threads_lock);
   for (mt = mag_threads.mt_next; mt != &mag_threads; mt = mt->mt_next) {
      fn(arg, &mt->mt_slots[idx]);
   }
   emu_mutex_unlock(&mag_threads_lock);
}

uint32_t
emu_mag_index_alloc(void)
{
   uint32_t i;
   uint32_t idx = 0;

   /*
    * Next fit, so that an index freed by a destroy is not handed out again
    * at once (a stale handle then keeps pointing at nothing live).
    */
   emu_mutex_lock(&mag_threads_lock);
   for (i = 0; i < EMU_MAG_MAX_CACHES - 1; i++) {
      uint32_t c = mag_index_rotor;

      mag_index_rotor = mag_index_rotor + 1 < EMU_MAG_MAX_CACHES ?
                        mag_index_rotor + 1 : 1;
      if (!mag_index_used[c]) {
         mag_index_used[c] = 1;
         idx = c;
         break;
      }
   }
   if (idx >= mag_slots_hw) {
      /* A slot no array has set up yet: clear it (and any below it) in
       * every array before the cache can be published. */
      mag_thread_t *mt;

      mag_clear_slots(mag_zero_slots, mag_slots_hw, idx + 1);
      for (mt = mag_threads.mt_next; mt != &mag_threads; mt = mt->mt_next) {
         mag_clear_slots(mt->mt_slots, mag_slots_hw, idx + 1);
      }
      mag_slots_hw = idx + 1;
   }
   emu_mutex_unlock(&mag_threads_lock);
   return idx;
}

void
emu_mag_index_free(uint32_t idx)
{
   emu_mutex_lock(&mag_threads_lock);
   EMU_ASSERT(idx > 0 && idx < EMU_MAG_MAX_CACHES && mag_index_used[idx]);
   mag_index_used[idx] = 0;
   emu_mutex_unlock(&mag_threads_lock);
}

int
emu_mag_depot_note(emu_mag_depot_t *d, int contended)
{
   d->md_contention += contended ? 1 : 0;
   if (++d->md_window < EMU_MAG_WINDOW) {
      return 0;
   }
   if (d->md_contention * 100 > EMU_MAG_WINDOW * EMU_MAG_CONTENTION_PCT &&
       d->md_sizeidx + 1 < EMU_MAG_NSIZES) {
      d->md_sizeidx++;
      d->md_resizes++;
      d->md_window = 0;
      d->md_contention = 0;
      return 1;
   }
   d->md_window = 0;
   d->md_contention = 0;
   return 0;
}
