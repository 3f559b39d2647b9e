/*
 * world.h -- worlds, wait/wakeup, held-lock tracking and simulated PCPUs
 * (engine-private; the theory is in world.c).
 *
 * Engines speak plain integers here: a world ID is an int32_t, an event is a
 * uintptr_t, a status handed back to the API is an emu_status_t (plus the
 * few world-specific outcomes of a wait, emu_world_wake_t).
 */
#ifndef EMU_WORLD_WORLD_H
#define EMU_WORLD_WORLD_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/rsrc.h"
#include "../core/status.h"
#include "../host/host.h"

#define EMU_WORLD_MAGIC       0x574f524cu   /* "WORL" */
#define EMU_WORLD_DEAD_MAGIC  0x64656164u   /* "dead" */
#define EMU_WORLD_NAMELEN     32
#define EMU_WORLDS_MAX        16384          /* IDs are 1 .. EMU_WORLDS_MAX */
#define EMU_WORLD_MAXHELD     32             /* spinlocks held at once */
#define EMU_WORLD_MAXINTR     8              /* interrupts bound to a world */
#define EMU_WORLD_WS_AREA     (16u * 1024u)  /* world-storage bytes per world */
#define EMU_WORLD_PCPUS_MAX   256

struct emu_lock;
struct emu_lock_domain;

typedef enum emu_world_kind {
   EMU_WK_THREAD = 1,      /* created by vmk_WorldCreate: owns a host thread */
   EMU_WK_ADOPTED,         /* a host thread that called in (main, pthreads) */
   EMU_WK_SIMULATED,       /* no thread: tests act on its behalf */
} emu_world_kind_t;

typedef enum emu_world_state {
   EMU_WS_ALIVE = 1,       /* running or able to be entered */
   EMU_WS_DYING,           /* exited; waiting for storage references */
   EMU_WS_DEAD,            /* destructors ran; about to be freed */
} emu_world_state_t;

/* Why a wait ended. */
typedef enum emu_world_wake {
   EMU_WAKE_NONE = 0,
   EMU_WAKE_EVENT,         /* vmk_WorldWakeup on the event */
   EMU_WAKE_TIMEOUT,
   EMU_WAKE_FORCED,        /* vmk_WorldForceWakeup */
   EMU_WAKE_DEATH,         /* vmk_WorldDestroy: death pending */
} emu_world_wake_t;

/*
 * One entry of a world's held-lock stack.  For a lock, the domain and rank
 * are the lock's own (read through h_lock, so the acquisition fast path
 * writes three fields); only a rank-only pseudo entry fills them in.
 */
struct emu_world_held {
   struct emu_lock        *h_lock;    /* NULL for a rank-only pseudo entry */
   const void             *h_caller;
   uint8_t                 h_read;    /* held for reading (RW locks) */
   uint16_t                h_rank;    /* pseudo entries only */
   struct emu_lock_domain *h_domain;  /* pseudo entries only */
};

struct emu_world {
   /* Hot, read by the owner on fast paths (keep first). */
   char                  *w_ws_area;     /* world-storage area */
   uint32_t               w_magic;
   int32_t                w_id;
   uint32_t               w_pcpu;        /* simulated PCPU it runs on */
   emu_world_kind_t       w_kind;

   /* Immutable after create. */
   char                   w_name[EMU_WORLD_NAMELEN];
   int32_t              (*w_start)(void *);
   void                  *w_data;
   int32_t                w_module;
   uint64_t               w_seq;         /* creation order */
   int                    w_system;      /* the emulator's own world */

   /* Owner-only (the thread acting as this world). */
   struct emu_world_held  w_held[EMU_WORLD_MAXHELD];
   unsigned               w_nheld;
   unsigned               w_nospin_depth; /* nonblocking regions we opened */
   int                    w_ints_off;    /* simulated interrupts disabled */
   jmp_buf                w_exit_jmp;    /* vmk_WorldExit unwinds to here */
   int32_t                w_exit_status;
   struct emu_world      *w_prev_self;   /* Enter/Leave: who to restore */
   int                    w_entered;     /* a thread acts for it (simulated) */

   /* Wait state -- world_wq_lock. */
   emu_cond_t             w_cond;
   uintptr_t              w_wait_event;
   int                    w_waiting;
   emu_world_wake_t       w_wake;
   struct emu_world      *w_wq_next;
   struct emu_world      *w_wq_prev;
   uint64_t               w_wait_deadline; /* emulated ns, 0: none */

   /* Life -- world_lock. */
   emu_world_state_t      w_state;
   int                    w_death_pending;
   uint32_t               w_cpu_min;
   uint32_t               w_cpu_max;
   uint32_t               w_intr[EMU_WORLD_MAXINTR];
   unsigned               w_nintr;
   struct emu_world      *w_all_next;    /* every world, for walks */
   struct emu_world      *w_all_prev;

   /* World storage -- emu_ws_lock (worldstorage.c). */
   uint32_t               w_ws_refs;     /* LookUp references held */
   int                    w_ws_state;    /* 0 none, 1 constructed, 2 dying */
   struct emu_world      *w_ws_next;     /* worlds with an area */
   struct emu_world      *w_ws_prev;

   emu_rsrc_t             w_rsrc;        /* thread and simulated worlds */
};

/*
 * The current world: one thread-local load on the fast path; a thread that
 * never called in is adopted on its first call.
 */
struct emu_world *emu_world_adopt_self(void);

static inline struct emu_world *
emu_world_self(void)
{
   struct emu_world *w = (struct emu_world *)emu_host_self_get();

   if (EMU_LIKELY(w != NULL)) {
      return w;
   }
   return emu_world_adopt_self();
}

/* Start/stop (called through the ctl engine row). */
emu_status_t emu_world_init(uint32_t npcpus);
void emu_world_fini(void);
int emu_world_running(void);

/*
 * Create a thread world running start(data) on a new host thread.
 * => may block; EMU_NOMEM when out of IDs, memory or threads, or when
 *    fault injection says so; the world's storage is constructed before
 *    the thread starts (a constructor failure fails the create).
 */
emu_status_t emu_world_create(const char *name, int32_t module,
                              int32_t (*start)(void *), void *data,
                              const void *caller, int32_t *idp);
/* The same for the emulator's own worlds (timer, helpers): not a resource
 * a driver could leak. */
emu_status_t emu_world_create_system(const char *name,
                                     int32_t (*start)(void *), void *data,
                                     int32_t *idp);
/* A simulated world: no thread, storage constructed. */
emu_status_t emu_world_create_simulated(const char *name,
                                        const void *caller, int32_t *idp);
/* Act as a simulated world in the calling thread / stop acting. */
emu_status_t emu_world_enter(int32_t id);
emu_status_t emu_world_leave(void);
/* Kill a simulated world: destructors run, the ID is freed. */
emu_status_t emu_world_kill(int32_t id);

/* End the calling thread world (never returns for thread worlds). */
emu_status_t emu_world_exit(int32_t status);
/* Mark a world for death and wake it from any wait. */
emu_status_t emu_world_destroy(int32_t id);
/* Wait until a world is gone. => may block. */
emu_status_t emu_world_wait_for_death(int32_t id);

/*
 * Wait on an event: the caller is queued, then lock (may be NULL) is
 * released, then the world sleeps until woken or the emulated deadline
 * (0: none) passes.  Returns why it woke.
 */
emu_world_wake_t emu_world_wait(uintptr_t event, struct emu_lock *lock,
                                uint64_t deadline_ns);
/* Wake every world waiting on event; returns how many. */
unsigned emu_world_wakeup(uintptr_t event);
emu_status_t emu_world_force_wakeup(int32_t id);
/* The clock moved (manual mode): timed waiters re-check their deadlines. */
void emu_world_clock_moved(void);

/* Per-world settings. */
emu_status_t emu_world_set_cpu(uint32_t min, uint32_t max);
void emu_world_get_cpu(uint32_t *min, uint32_t *max);
emu_status_t emu_world_intr(int32_t id, uint32_t cookie, int set);
emu_status_t emu_world_relation(int32_t a, int32_t b, int add);
int emu_world_exists(int32_t id);
emu_status_t emu_world_pcpu_of(int32_t id, uint32_t *pcpu);

/* Statistics for EmuCtl. */
uint32_t emu_world_count(void);
uint32_t emu_world_npcpus(void);

/* Describe the current world for reports and log lines. */
void emu_world_describe(void *self, char *buf, size_t len);

/*
 * Storage hooks (worldstorage.c installs them, so world.c never includes
 * the storage layer above it).  birth allocates and constructs a new
 * world's area (a failure fails the creation); death waits for LookUp
 * references, runs destructors and frees the area.
 * => called without world locks held; may block.
 */
struct emu_world_hooks {
   emu_status_t (*wh_birth)(struct emu_world *w);
   void         (*wh_death)(struct emu_world *w);
};
void emu_world_set_hooks(const struct emu_world_hooks *hooks);

/*
 * Held-lock stack (lock.c and time.c).  => called by the owner only.
 * push returns the index, or -1 when the stack is full.
 */
static inline int
emu_world_push_held(struct emu_world *w, const struct emu_world_held *h)
{
   if (EMU_UNLIKELY(w->w_nheld == EMU_WORLD_MAXHELD)) {
      return -1;
   }
   w->w_held[w->w_nheld] = *h;
   return (int)w->w_nheld++;
}

void emu_world_pop_held_slow(struct emu_world *w, unsigned idx);

static inline void
emu_world_pop_held(struct emu_world *w, unsigned idx)
{
   if (EMU_LIKELY(idx + 1 == w->w_nheld)) {
      w->w_nheld--;
   } else {
      emu_world_pop_held_slow(w, idx);
   }
}

/*
 * Statistics walk: fn gets every world (newest first) under world_lock;
 * it may read the immutable fields and w_state, and must not call the
 * world engine.  The ID arena is given for its statistics.
 */
typedef void (*emu_world_walk_fn)(void *arg, const struct emu_world *w);
void emu_world_walk(emu_world_walk_fn fn, void *arg);
struct emu_vmem;
struct emu_vmem *emu_world_id_arena(void);

#endif /* EMU_WORLD_WORLD_H */
