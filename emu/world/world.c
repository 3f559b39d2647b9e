/*
 * world.c -- worlds for libvmkemu: thread, adopted and simulated worlds,
 * the wait/wakeup protocol, death, and the simulated PCPU each world runs on.
 *
 * 1. Model.  A world is ESXi's schedulable entity.  Here it is a struct
 *    emu_world that the host "self" slot of a thread points at while that
 *    thread acts for it.  Three kinds:
 *    (a) thread worlds, made by vmk_WorldCreate: a host thread runs the
 *        start function; vmk_WorldExit unwinds to the thread's base with
 *        longjmp (plain C, no host call), so the exit path is one place;
 *    (b) adopted worlds: any other host thread (the test's main thread,
 *        pthreads a test starts) becomes a world on its first API call --
 *        emu_world_self() is one thread-local load when the thread is
 *        known; EmuCtl_Init adopts its caller.  A thread exit hook ends the
 *        world when its thread ends.  Adopted worlds are not "resources"
 *        (they cannot leak: their threads own them);
 *    (c) simulated worlds (EmuCtl_WorldCreateSimulated): no thread at all.
 *        A test enters one (the self slot points at it), calls the API on
 *        its behalf, and leaves; EmuCtl_WorldKill ends it.  They cost a
 *        struct and an untouched storage area, so thousands are cheap, and
 *        everything they do happens in the test's thread, deterministically.
 *        A simulated world that blocks blocks the thread acting for it.
 *
 * 2. IDs come from a vmem identifier arena (quantum 1, next-fit, like
 *    process IDs), 1 .. EMU_WORLDS_MAX; a table maps ID -> world.
 *
 * 3. States: ALIVE -> DYING (the start function returned, vmk_WorldExit,
 *    the adopted thread ended, or the simulated world was killed; from here
 *    vmk_WorldStorageLookUp answers VMK_NOT_FOUND) -> DEAD (the storage
 *    layer's death hook waited for LookUp references and ran destructors;
 *    the ID is freed and vmk_WorldWaitForDeath returns).  vmk_WorldDestroy
 *    does not end a world by force -- nothing can stop a host thread safely
 *    -- it marks "death pending": every wait of that world returns
 *    VMK_DEATH_PENDING at once, and the driver's world is expected to
 *    return, as on ESXi.
 *
 * 4. Wait/wakeup.  Waiters sit in hash buckets by event ID under one mutex
 *    (world_wq_lock), each on its own condition variable.  vmk_WorldWait
 *    queues the world first, then releases the driver's spinlock, then
 *    sleeps, so a wakeup issued after the unlock cannot be lost: the lock
 *    drop is atomic with respect to wakers.  The lock is not re-taken.
 *    Timeouts are emulated-clock deadlines: in real-clock mode a timed
 *    condition wait on the matching host deadline; in manual mode an
 *    untimed wait that the clock's advance wakes (emu_world_clock_moved).
 *
 * 5. Locking order: world_lock (table, list, life) before world_wq_lock.
 *    Neither is held while driver code runs.  Storage hooks run with
 *    neither held.
 *
 * 6. PCPUs.  emu_ctl_config.num_pcpus (default: the host's count, capped
 *    at EMU_WORLD_PCPUS_MAX) simulated PCPUs; worlds are placed round-robin
 *    at creation and never migrate, so PCPU answers are stable in tests.
 *
 * 7. Memory.  World structs come from plain host allocation (calloc)
 *    through world_struct_alloc/free: the heap engine is a later issue.
 *
 * 8. Differences from ESX: no preemption or CPU scheduling (CPU min/max
 *    and world relations are recorded and validated, not enforced);
 *    interrupts "bound" to a world are recorded; cartels do not exist (a
 *    kernel world has no cartel: VMK_INVALID_WORLD_ID).  A thread adopted
 *    before EmuCtl_Shutdown must not call the API after it: its self slot
 *    points at an orphan left for its exit hook to free.
 */
#include "world.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/assert.h"
#include "../core/block.h"
#include "../core/fault.h"
#include "../core/log.h"
#include "../core/report.h"
#include "../mem/vmem.h"
#include "lock.h"
#include "time.h"

#define WQ_BUCKETS      256
#define WORLD_MAXREL    256

struct world_relation {
   int32_t r_a;
   int32_t r_b;
};

/* Life -- world_lock. */
static emu_mutex_t        world_lock = EMU_MUTEX_INITIALIZER;
static emu_cond_t         world_death_cv;
static struct emu_world  *world_table[EMU_WORLDS_MAX + 1];
static struct emu_world  *world_all;
static uint32_t           world_nworlds;
static uint64_t           world_seq;
static uint32_t           world_next_pcpu;
static struct world_relation world_rel[WORLD_MAXREL];
static unsigned           world_nrel;
static emu_vmem_t        *world_ids;
static int                world_up;           /* atomics */
static uint32_t           world_npcpu = 1;

/* Waits -- world_wq_lock. */
static emu_mutex_t        world_wq_lock = EMU_MUTEX_INITIALIZER;
static struct emu_world  *world_wq[WQ_BUCKETS];
static uint32_t           world_ntimed;       /* waiters with a deadline */

static struct emu_world_hooks world_hooks;
static int                world_exit_slot = -1;

/* The world of a thread that calls in while the host is down. */
static char               world_limbo_area[EMU_WORLD_WS_AREA];
static struct emu_world   world_limbo = {
   .w_ws_area = world_limbo_area,
   .w_magic = EMU_WORLD_MAGIC,
   .w_id = 0,
   .w_kind = EMU_WK_ADOPTED,
   .w_name = "limbo",
   .w_state = EMU_WS_ALIVE,
};

static void world_exit_hook(void *arg);

/* -- allocation ------------------------------------------------------- */

static struct emu_world *
world_struct_alloc(void)
{
   struct emu_world *w = calloc(1, sizeof *w);

   if (w != NULL) {
      emu_cond_init(&w->w_cond);
   }
   return w;
}

static void
world_struct_free(struct emu_world *w)
{
   emu_cond_destroy(&w->w_cond);
   w->w_magic = EMU_WORLD_DEAD_MAGIC;
   free(w);
}

/* -- describer -------------------------------------------------------- */

void
emu_world_describe(void *self, char *buf, size_t len)
{
   struct emu_world *w = self;

   if (w == NULL || w->w_magic != EMU_WORLD_MAGIC) {
      snprintf(buf, len, "thread %llu",
               (unsigned long long)emu_thread_host_id());
      return;
   }
   snprintf(buf, len, "world %d '%s'", (int)w->w_id, w->w_name);
}

/* -- start/stop ------------------------------------------------------- */

int
emu_world_running(void)
{
   return __atomic_load_n(&world_up, __ATOMIC_ACQUIRE);
}

uint32_t
emu_world_npcpus(void)
{
   return world_npcpu;
}

void
emu_world_set_hooks(const struct emu_world_hooks *hooks)
{
   if (hooks == NULL) {
      memset(&world_hooks, 0, sizeof world_hooks);
   } else {
      world_hooks = *hooks;
   }
}

/*
 * Give a new world its ID, PCPU and table slot.
 * => world_lock held; never blocks.
 */
static emu_status_t
world_install(struct emu_world *w)
{
   uintptr_t id;
   emu_status_t st;

   st = emu_vmem_alloc(world_ids, 1, EMU_VM_NOSLEEP, &id);
   if (st != EMU_OK) {
      return EMU_NOMEM;
   }
   w->w_id = (int32_t)id;
   w->w_magic = EMU_WORLD_MAGIC;
   w->w_pcpu = world_next_pcpu++ % world_npcpu;
   w->w_seq = ++world_seq;
   w->w_state = EMU_WS_ALIVE;
   w->w_cpu_min = 0;
   w->w_cpu_max = (uint32_t)-1;
   world_table[id] = w;
   w->w_all_next = world_all;
   w->w_all_prev = NULL;
   if (world_all != NULL) {
      world_all->w_all_prev = w;
   }
   world_all = w;
   world_nworlds++;
   return EMU_OK;
}

/* => world_lock held. */
static void
world_uninstall(struct emu_world *w)
{
   unsigned i;

   world_table[w->w_id] = NULL;
   if (w->w_all_prev != NULL) {
      w->w_all_prev->w_all_next = w->w_all_next;
   } else {
      world_all = w->w_all_next;
   }
   if (w->w_all_next != NULL) {
      w->w_all_next->w_all_prev = w->w_all_prev;
   }
   for (i = 0; i < world_nrel;) {
      if (world_rel[i].r_a == w->w_id || world_rel[i].r_b == w->w_id) {
         world_rel[i] = world_rel[--world_nrel];
      } else {
         i++;
      }
   }
   emu_vmem_free(world_ids, (uintptr_t)w->w_id, 1);
   world_nworlds--;
   w->w_state = EMU_WS_DEAD;
   emu_cond_broadcast(&world_death_cv);
}

/*
 * Make a world of the given kind, storage constructed.
 * => may block (constructors); no locks held.
 */
static emu_status_t
world_make(emu_world_kind_t kind, const char *name, struct emu_world **wp)
{
   struct emu_world *w = world_struct_alloc();
   emu_status_t st;

   if (w == NULL) {
      return EMU_NOMEM;
   }
   w->w_kind = kind;
   snprintf(w->w_name, sizeof w->w_name, "%s", name != NULL ? name : "");
   emu_mutex_lock(&world_lock);
   st = world_install(w);
   emu_mutex_unlock(&world_lock);
   if (st != EMU_OK) {
      world_struct_free(w);
      return st;
   }
   if (world_hooks.wh_birth != NULL) {
      st = world_hooks.wh_birth(w);
      if (st != EMU_OK) {
         emu_mutex_lock(&world_lock);
         world_uninstall(w);
         emu_mutex_unlock(&world_lock);
         world_struct_free(w);
         return st;
      }
   }
   *wp = w;
   return EMU_OK;
}

/*
 * Take a world from ALIVE to DEAD and free it.
 * => no world locks held; may block (storage references).
 */
static void
world_die(struct emu_world *w)
{
   emu_mutex_lock(&world_lock);
   w->w_state = EMU_WS_DYING;
   emu_mutex_unlock(&world_lock);
   if (world_hooks.wh_death != NULL) {
      world_hooks.wh_death(w);
   }
   if (w->w_kind != EMU_WK_ADOPTED && !w->w_system) {
      emu_rsrc_remove(&w->w_rsrc);
   }
   emu_mutex_lock(&world_lock);
   world_uninstall(w);
   emu_mutex_unlock(&world_lock);
   world_struct_free(w);
}

emu_status_t
emu_world_init(uint32_t npcpus)
{
   emu_status_t st;

   if (npcpus == 0) {
      npcpus = 1;
   }
   if (npcpus > EMU_WORLD_PCPUS_MAX) {
      npcpus = EMU_WORLD_PCPUS_MAX;
   }
   world_npcpu = npcpus;
   world_next_pcpu = 0;
   st = emu_vmem_create_ids("world-ids", 1, EMU_WORLDS_MAX, &world_ids);
   if (st != EMU_OK) {
      return st;
   }
   emu_cond_init(&world_death_cv);
   if (world_exit_slot < 0) {
      world_exit_slot = emu_thread_exit_hook_register(world_exit_hook);
   }
   emu_report_set_world_describer(emu_world_describe);
   __atomic_store_n(&world_up, 1, __ATOMIC_RELEASE);
   return EMU_OK;
}

/*
 * Called by EmuCtl_Shutdown after the leak listing.  Worlds still alive are
 * leaks already listed; simulated ones are freed here, the caller's own
 * adopted world too; other threads' worlds become orphans their exit hooks
 * free (their self slots still point at them).
 */
void
emu_world_fini(void)
{
   struct emu_world *self = emu_host_self_get();
   struct emu_world *w;
   struct emu_world *next;

   __atomic_store_n(&world_up, 0, __ATOMIC_RELEASE);
   emu_mutex_lock(&world_lock);
   for (w = world_all; w != NULL; w = next) {
      next = w->w_all_next;
      world_table[w->w_id] = NULL;
      emu_vmem_free(world_ids, (uintptr_t)w->w_id, 1);
      if (w->w_kind == EMU_WK_SIMULATED || w == self) {
         world_struct_free(w);
      } else {
         /* A live thread still points at it: leave it to its exit hook. */
         w->w_magic = EMU_WORLD_DEAD_MAGIC;
         w->w_ws_area = world_limbo_area;
      }
   }
   world_all = NULL;
   world_nworlds = 0;
   world_nrel = 0;
   emu_mutex_unlock(&world_lock);
   if (self != NULL && self != &world_limbo) {
      emu_host_self_set(NULL);
   }
   emu_vmem_destroy(world_ids);
   world_ids = NULL;
   emu_cond_destroy(&world_death_cv);
   emu_report_set_world_describer(NULL);
}

/* -- adoption --------------------------------------------------------- */

struct emu_world *
emu_world_adopt_self(void)
{
   struct emu_world *w;
   char name[EMU_WORLD_NAMELEN];
   emu_status_t st;

   if (!emu_world_running()) {
      emu_report_obj_t obj = { "world", "limbo", NULL };

      emu_report(EMU_RPT_MISUSE, &obj, NULL,
                 "the vmkapi was called before EmuCtl_Init (or after "
                 "EmuCtl_Shutdown)");
      return &world_limbo;
   }
   snprintf(name, sizeof name, "thread-%llu",
            (unsigned long long)emu_thread_host_id());
   st = world_make(EMU_WK_ADOPTED, name, &w);
   if (st != EMU_OK) {
      emu_report_obj_t obj = { "world", name, NULL };

      emu_report(EMU_RPT_MISUSE, &obj, NULL,
                 "a host thread could not be adopted as a world "
                 "(out of world IDs or memory)");
      return &world_limbo;
   }
   emu_host_self_set(w);
   emu_thread_exit_hook_arm(world_exit_slot, w);
   return w;
}

static void
world_exit_hook(void *arg)
{
   struct emu_world *w = arg;

   if (w == NULL || w == &world_limbo) {
      return;
   }
   if (w->w_magic == EMU_WORLD_DEAD_MAGIC) {
      world_struct_free(w);                 /* orphan from a shutdown */
      return;
   }
   if (w->w_magic == EMU_WORLD_MAGIC && w->w_kind == EMU_WK_ADOPTED) {
      emu_host_self_set(w);
      world_die(w);
      emu_host_self_set(NULL);
   }
}

/* -- thread worlds ---------------------------------------------------- */

static void
world_check_exit_state(struct emu_world *w)
{
   if (w->w_nheld != 0) {
      emu_report_obj_t obj = { "world", w->w_name, w };

      emu_report(EMU_RPT_MISUSE, &obj, NULL,
                 "world %d exits holding %u spinlock(s)", (int)w->w_id,
                 w->w_nheld);
      while (w->w_nospin_depth > 0) {
         w->w_nospin_depth--;
         EMU_NONBLOCKING_END();
      }
      w->w_nheld = 0;
   }
}

static void *
world_thread_main(void *arg)
{
   struct emu_world *volatile w = arg;

   emu_host_self_set(w);
   if (setjmp(w->w_exit_jmp) == 0) {
      w->w_exit_status = w->w_start(w->w_data);
   }
   world_check_exit_state(w);
   world_die(w);
   emu_host_self_set(NULL);
   return NULL;
}

static emu_status_t
world_create_thread(const char *name, int32_t module,
                    int32_t (*start)(void *), void *data,
                    const void *caller, int system, int32_t *idp)
{
   struct emu_world *w;
   emu_thread_t thread;
   emu_status_t st;
   int32_t id;

   if (start == NULL) {
      return EMU_BADPARAM;
   }
   if (!system && emu_fault_inject(EMU_FAULT_WORLD, caller)) {
      return EMU_NOMEM;
   }
   st = world_make(EMU_WK_THREAD, name, &w);
   if (st != EMU_OK) {
      return st;
   }
   w->w_start = start;
   w->w_data = data;
   w->w_module = module;
   w->w_system = system;
   id = w->w_id;
   if (!system) {
      emu_rsrc_add(&w->w_rsrc, EMU_RSRC_WORLD, "world", w->w_name, caller);
   }
   /* The world may be gone as soon as its thread runs: keep the handle
    * on our stack, never touch w after the create. */
   if (emu_thread_create(&thread, world_thread_main, w) != 0) {
      world_die(w);
      return EMU_NOMEM;
   }
   emu_thread_detach(&thread);
   if (idp != NULL) {
      *idp = id;           /* the world may already be gone: only the ID */
   }
   return EMU_OK;
}

emu_status_t
emu_world_create(const char *name, int32_t module, int32_t (*start)(void *),
                 void *data, const void *caller, int32_t *idp)
{
   return world_create_thread(name, module, start, data, caller, 0, idp);
}

emu_status_t
emu_world_create_system(const char *name, int32_t (*start)(void *),
                        void *data, int32_t *idp)
{
   return world_create_thread(name, -1, start, data, NULL, 1, idp);
}

emu_status_t
emu_world_exit(int32_t status)
{
   struct emu_world *w = emu_world_self();

   if (w->w_kind != EMU_WK_THREAD) {
      return EMU_BADPARAM;
   }
   w->w_exit_status = status;
   longjmp(w->w_exit_jmp, 1);
}

/* -- simulated worlds ------------------------------------------------- */

emu_status_t
emu_world_create_simulated(const char *name, const void *caller,
                           int32_t *idp)
{
   struct emu_world *w;
   emu_status_t st;

   if (emu_fault_inject(EMU_FAULT_WORLD, caller)) {
      return EMU_NOMEM;
   }
   st = world_make(EMU_WK_SIMULATED, name, &w);
   if (st != EMU_OK) {
      return st;
   }
   emu_rsrc_add(&w->w_rsrc, EMU_RSRC_WORLD, "simulated world", w->w_name,
                caller);
   *idp = w->w_id;
   return EMU_OK;
}

static struct emu_world *
world_get_locked(int32_t id)
{
   if (id <= 0 || id > EMU_WORLDS_MAX) {
      return NULL;
   }
   return world_table[id];
}

emu_status_t
emu_world_enter(int32_t id)
{
   struct emu_world *self = emu_world_self();
   struct emu_world *w;

   emu_mutex_lock(&world_lock);
   w = world_get_locked(id);
   if (w == NULL || w->w_state != EMU_WS_ALIVE) {
      emu_mutex_unlock(&world_lock);
      return EMU_NOTFOUND;
   }
   if (w->w_kind != EMU_WK_SIMULATED) {
      emu_mutex_unlock(&world_lock);
      return EMU_BADPARAM;
   }
   if (w->w_entered) {
      emu_mutex_unlock(&world_lock);
      return EMU_BUSY;
   }
   w->w_entered = 1;
   w->w_prev_self = self;
   emu_mutex_unlock(&world_lock);
   emu_host_self_set(w);
   return EMU_OK;
}

emu_status_t
emu_world_leave(void)
{
   struct emu_world *w = emu_host_self_get();

   if (w == NULL || w->w_kind != EMU_WK_SIMULATED || !w->w_entered) {
      return EMU_BADPARAM;
   }
   if (w->w_nheld != 0) {
      emu_report_obj_t obj = { "world", w->w_name, w };

      emu_report(EMU_RPT_MISUSE, &obj, NULL,
                 "leaving simulated world %d while it holds %u "
                 "spinlock(s)", (int)w->w_id, w->w_nheld);
   }
   emu_mutex_lock(&world_lock);
   w->w_entered = 0;
   emu_host_self_set(w->w_prev_self);
   w->w_prev_self = NULL;
   emu_mutex_unlock(&world_lock);
   return EMU_OK;
}

emu_status_t
emu_world_kill(int32_t id)
{
   struct emu_world *w;

   emu_mutex_lock(&world_lock);
   w = world_get_locked(id);
   if (w == NULL || w->w_state != EMU_WS_ALIVE) {
      emu_mutex_unlock(&world_lock);
      return EMU_NOTFOUND;
   }
   if (w->w_kind != EMU_WK_SIMULATED) {
      emu_mutex_unlock(&world_lock);
      return EMU_BADPARAM;
   }
   if (w->w_entered || __atomic_load_n(&w->w_ws_refs, __ATOMIC_ACQUIRE)) {
      emu_mutex_unlock(&world_lock);
      return EMU_BUSY;
   }
   emu_mutex_unlock(&world_lock);
   world_die(w);
   return EMU_OK;
}

/* -- death ------------------------------------------------------------ */

static void world_wake_locked(struct emu_world *w, emu_world_wake_t why);

emu_status_t
emu_world_destroy(int32_t id)
{
   struct emu_world *w;

   emu_mutex_lock(&world_lock);
   w = world_get_locked(id);
   if (w == NULL || w->w_state != EMU_WS_ALIVE) {
      emu_mutex_unlock(&world_lock);
      return EMU_NOTFOUND;
   }
   emu_mutex_lock(&world_wq_lock);
   w->w_death_pending = 1;
   if (w->w_waiting) {
      world_wake_locked(w, EMU_WAKE_DEATH);
   }
   emu_mutex_unlock(&world_wq_lock);
   emu_mutex_unlock(&world_lock);
   return EMU_OK;
}

emu_status_t
emu_world_wait_for_death(int32_t id)
{
   struct emu_world *w;

   emu_mutex_lock(&world_lock);
   w = world_get_locked(id);
   if (w == NULL) {
      emu_mutex_unlock(&world_lock);
      return EMU_NOTFOUND;
   }
   if (w == emu_host_self_get()) {
      emu_mutex_unlock(&world_lock);
      return EMU_BADPARAM;
   }
   while (world_table[id] == w) {
      emu_cond_wait(&world_death_cv, &world_lock);
   }
   emu_mutex_unlock(&world_lock);
   return EMU_OK;
}

int
emu_world_exists(int32_t id)
{
   int alive;

   emu_mutex_lock(&world_lock);
   alive = world_get_locked(id) != NULL &&
           world_get_locked(id)->w_state == EMU_WS_ALIVE;
   emu_mutex_unlock(&world_lock);
   return alive;
}

emu_status_t
emu_world_pcpu_of(int32_t id, uint32_t *pcpu)
{
   struct emu_world *w;

   emu_mutex_lock(&world_lock);
   w = world_get_locked(id);
   if (w != NULL) {
      *pcpu = w->w_pcpu;
   }
   emu_mutex_unlock(&world_lock);
   return w != NULL ? EMU_OK : EMU_NOTFOUND;
}

uint32_t
emu_world_count(void)
{
   uint32_t n;

   emu_mutex_lock(&world_lock);
   n = world_nworlds;
   emu_mutex_unlock(&world_lock);
   return n;
}

/* -- wait/wakeup ------------------------------------------------------ */

static unsigned
wq_bucket(uintptr_t event)
{
   uint64_t h = (uint64_t)event * 0x9e3779b97f4a7c15ull;

   return (unsigned)(h >> 56) % WQ_BUCKETS;
}

/* => world_wq_lock held. */
static void
wq_remove(struct emu_world *w)
{
   unsigned b = wq_bucket(w->w_wait_event);

   if (w->w_wq_prev != NULL) {
      w->w_wq_prev->w_wq_next = w->w_wq_next;
   } else {
      world_wq[b] = w->w_wq_next;
   }
   if (w->w_wq_next != NULL) {
      w->w_wq_next->w_wq_prev = w->w_wq_prev;
   }
   w->w_wq_next = w->w_wq_prev = NULL;
   w->w_waiting = 0;
   if (w->w_wait_deadline != 0) {
      world_ntimed--;
   }
}

/* => world_wq_lock held; w is waiting. */
static void
world_wake_locked(struct emu_world *w, emu_world_wake_t why)
{
   wq_remove(w);
   w->w_wake = why;
   emu_cond_signal(&w->w_cond);
}

emu_world_wake_t
emu_world_wait(uintptr_t event, struct emu_lock *lock, uint64_t deadline_ns)
{
   struct emu_world *w = emu_world_self();
   emu_world_wake_t why;
   unsigned b = wq_bucket(event);

   emu_mutex_lock(&world_wq_lock);
   if (w->w_death_pending) {
      emu_mutex_unlock(&world_wq_lock);
      if (lock != NULL) {
         emu_lock_release(lock, 0, 0, NULL);
      }
      return EMU_WAKE_DEATH;
   }
   w->w_wait_event = event;
   w->w_wait_deadline = deadline_ns;
   w->w_wake = EMU_WAKE_NONE;
   w->w_waiting = 1;
   w->w_wq_prev = NULL;
   w->w_wq_next = world_wq[b];
   if (world_wq[b] != NULL) {
      world_wq[b]->w_wq_prev = w;
   }
   world_wq[b] = w;
   if (deadline_ns != 0) {
      world_ntimed++;
   }
   /* Queued first: a wakeup after this unlock finds us. */
   if (lock != NULL) {
      emu_lock_release(lock, 0, 0, NULL);
   }
   while (w->w_wake == EMU_WAKE_NONE) {
      if (deadline_ns == 0) {
         emu_cond_wait(&w->w_cond, &world_wq_lock);
      } else if (emu_time_now_ns() >= deadline_ns) {
         world_wake_locked(w, EMU_WAKE_TIMEOUT);
      } else if (emu_time_is_manual()) {
         emu_cond_wait(&w->w_cond, &world_wq_lock);
      } else {
         (void)emu_cond_timedwait(&w->w_cond, &world_wq_lock,
                                  emu_time_mono_of(deadline_ns));
      }
   }
   why = w->w_wake;
   w->w_wake = EMU_WAKE_NONE;
   emu_mutex_unlock(&world_wq_lock);
   return why;
}

unsigned
emu_world_wakeup(uintptr_t event)
{
   struct emu_world *w;
   struct emu_world *next;
   unsigned n = 0;

   emu_mutex_lock(&world_wq_lock);
   for (w = world_wq[wq_bucket(event)]; w != NULL; w = next) {
      next = w->w_wq_next;
      if (w->w_wait_event == event) {
         world_wake_locked(w, EMU_WAKE_EVENT);
         n++;
      }
   }
   emu_mutex_unlock(&world_wq_lock);
   return n;
}

emu_status_t
emu_world_force_wakeup(int32_t id)
{
   struct emu_world *w;

   emu_mutex_lock(&world_lock);
   w = world_get_locked(id);
   if (w == NULL || w->w_state != EMU_WS_ALIVE) {
      emu_mutex_unlock(&world_lock);
      return EMU_NOTFOUND;
   }
   emu_mutex_lock(&world_wq_lock);
   if (w->w_waiting) {
      world_wake_locked(w, EMU_WAKE_FORCED);
   }
   emu_mutex_unlock(&world_wq_lock);
   emu_mutex_unlock(&world_lock);
   return EMU_OK;
}

void
emu_world_clock_moved(void)
{
   unsigned b;
   struct emu_world *w;

   emu_mutex_lock(&world_wq_lock);
   if (world_ntimed != 0) {
      for (b = 0; b < WQ_BUCKETS; b++) {
         for (w = world_wq[b]; w != NULL; w = w->w_wq_next) {
            if (w->w_wait_deadline != 0) {
               emu_cond_signal(&w->w_cond);
            }
         }
      }
   }
   emu_mutex_unlock(&world_wq_lock);
}

/* -- settings --------------------------------------------------------- */

emu_status_t
emu_world_set_cpu(uint32_t min, uint32_t max)
{
   struct emu_world *w = emu_world_self();

   if (max != (uint32_t)-1 && min > max) {
      return EMU_BADPARAM;
   }
   emu_mutex_lock(&world_lock);
   w->w_cpu_min = min;
   w->w_cpu_max = max;
   emu_mutex_unlock(&world_lock);
   return EMU_OK;
}

void
emu_world_get_cpu(uint32_t *min, uint32_t *max)
{
   struct emu_world *w = emu_world_self();

   emu_mutex_lock(&world_lock);
   *min = w->w_cpu_min;
   *max = w->w_cpu_max;
   emu_mutex_unlock(&world_lock);
}

emu_status_t
emu_world_intr(int32_t id, uint32_t cookie, int set)
{
   struct emu_world *w;
   unsigned i;
   emu_status_t st = EMU_OK;

   emu_mutex_lock(&world_lock);
   w = world_get_locked(id);
   if (w == NULL || w->w_state != EMU_WS_ALIVE) {
      emu_mutex_unlock(&world_lock);
      return EMU_NOTFOUND;
   }
   for (i = 0; i < w->w_nintr && w->w_intr[i] != cookie; i++) {
   }
   if (set) {
      if (i < w->w_nintr) {
         st = EMU_EXISTS;
      } else if (w->w_nintr == EMU_WORLD_MAXINTR) {
         st = EMU_LIMIT;
      } else {
         w->w_intr[w->w_nintr++] = cookie;
      }
   } else if (i == w->w_nintr) {
      st = EMU_NOTFOUND;
   } else {
      w->w_intr[i] = w->w_intr[--w->w_nintr];
   }
   emu_mutex_unlock(&world_lock);
   return st;
}

emu_status_t
emu_world_relation(int32_t a, int32_t b, int add)
{
   unsigned i;
   emu_status_t st = EMU_OK;

   emu_mutex_lock(&world_lock);
   if (world_get_locked(a) == NULL || world_get_locked(b) == NULL ||
       a == b) {
      emu_mutex_unlock(&world_lock);
      return EMU_BADPARAM;
   }
   for (i = 0; i < world_nrel; i++) {
      if (world_rel[i].r_a == a && world_rel[i].r_b == b) {
         break;
      }
   }
   if (add) {
      if (i < world_nrel) {
         st = EMU_EXISTS;
      } else if (world_nrel == WORLD_MAXREL) {
         st = EMU_LIMIT;
      } else {
         world_rel[world_nrel].r_a = a;
         world_rel[world_nrel].r_b = b;
         world_nrel++;
      }
   } else if (i == world_nrel) {
      st = EMU_NOTFOUND;
   } else {
      world_rel[i] = world_rel[--world_nrel];
   }
   emu_mutex_unlock(&world_lock);
   return st;
}

/* -- held-lock stack -------------------------------------------------- */

void
emu_world_pop_held_slow(struct emu_world *w, unsigned idx)
{
   EMU_ASSERT(idx < w->w_nheld);
   memmove(&w->w_held[idx], &w->w_held[idx + 1],
           (w->w_nheld - idx - 1) * sizeof w->w_held[0]);
   w->w_nheld--;
}


/* -- statistics walk (EmuCtl_DumpStats) --------------------------------- */

void
emu_world_walk(emu_world_walk_fn fn, void *arg)
{
   struct emu_world *w;

   emu_mutex_lock(&world_lock);
   for (w = world_all; w != NULL; w = w->w_all_next) {
      fn(arg, w);
   }
   emu_mutex_unlock(&world_lock);
}

emu_vmem_t *
emu_world_id_arena(void)
{
   return world_ids;
}
