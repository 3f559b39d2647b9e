/*
 * host.h -- the host boundary of libvmkemu.
 *
 * Contract: everything the emulator needs from the operating system goes
 * through this header -- threads, mutexes and condition variables, the
 * monotonic and wall clocks, page mappings, the per-thread "self" slot,
 * process exit, stderr, stack capture and symbolization.  No other file
 * under emu/ includes <pthread.h>, <sys/mman.h>, <time.h> or <execinfo.h>.
 * Porting vmkemu to another host means rewriting host.c, nothing else.
 *
 * The wrappers are deliberately thin: a host mutex is a pthread mutex with
 * error checking folded into EMU_ASSERT-style aborts, because a failing
 * pthread call is an emulator bug, never a driver bug.
 */
#ifndef EMU_HOST_H
#define EMU_HOST_H

#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/*
 * initial-exec: libvmkemu is linked by the programs that use it (not
 * dlopen'ed), so its thread-locals can live in static TLS and be read with
 * one instruction instead of a __tls_get_addr call.
 */
#define EMU_HOST_THREAD_LOCAL __thread __attribute__((tls_model("initial-exec")))
#define EMU_LIKELY(x)   __builtin_expect(!!(x), 1)
#define EMU_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define EMU_CALLER()    __builtin_return_address(0)
#define EMU_HIDDEN      __attribute__((visibility("hidden")))
#define EMU_EXPORT      __attribute__((visibility("default")))
/*
 * For the hottest exported entry points (slab and heap alloc and free):
 * start on a 64-byte boundary, so that the fast path at their head (about
 * 50 bytes) is fetched as one line.  The slab hot pair measured 3.25 ns
 * when vmk_SlabAlloc's fast path straddled two lines, 2.95 ns when not.
 */
#define EMU_HOT_ENTRY   __attribute__((aligned(64)))
#define EMU_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define EMU_NORETURN    __attribute__((noreturn))

/* Mutexes and condition variables. */
typedef struct emu_mutex {
   pthread_mutex_t m;
} emu_mutex_t;

#define EMU_MUTEX_INITIALIZER { PTHREAD_MUTEX_INITIALIZER }

typedef struct emu_cond {
   pthread_cond_t c;
} emu_cond_t;

void emu_mutex_init(emu_mutex_t *m);
void emu_mutex_destroy(emu_mutex_t *m);
void emu_mutex_lock(emu_mutex_t *m);
void emu_mutex_unlock(emu_mutex_t *m);
int  emu_mutex_trylock(emu_mutex_t *m);          /* 1 when taken */

void emu_cond_init(emu_cond_t *c);               /* waits use the monotonic clock */
void emu_cond_destroy(emu_cond_t *c);
void emu_cond_wait(emu_cond_t *c, emu_mutex_t *m);
/* Wait until the monotonic deadline (ns); returns 0 when signalled, 1 on timeout. */
int  emu_cond_timedwait(emu_cond_t *c, emu_mutex_t *m, uint64_t deadline_ns);
void emu_cond_signal(emu_cond_t *c);
void emu_cond_broadcast(emu_cond_t *c);

/*
 * A lock for hot paths (emu_flock_t): the uncontended lock and unlock are
 * one atomic instruction each, inlined; a contended lock spins briefly, then
 * sleeps on a futex.  States: 0 free, 1 held, 2 held with possible sleepers.
 * emu_fcond_t is its condition variable (a futex on a sequence number).
 * Use it where a pthread mutex's call overhead shows in a benchmark; the
 * ordinary emu_mutex_t stays the default elsewhere.
 */
typedef struct emu_flock {
   int fl_state;
} emu_flock_t;

#define EMU_FLOCK_INITIALIZER { 0 }

typedef struct emu_fcond {
   unsigned fc_seq;
} emu_fcond_t;

void emu_flock_lock_slow(emu_flock_t *l);
void emu_flock_wake(emu_flock_t *l);

static inline void
emu_flock_init(emu_flock_t *l)
{
   l->fl_state = 0;
}

static inline void
emu_flock_lock(emu_flock_t *l)
{
   int expected = 0;

   if (EMU_LIKELY(__atomic_compare_exchange_n(&l->fl_state, &expected, 1, 0,
                                              __ATOMIC_ACQUIRE,
                                              __ATOMIC_RELAXED))) {
      return;
   }
   emu_flock_lock_slow(l);
}

static inline void
emu_flock_unlock(emu_flock_t *l)
{
   if (EMU_UNLIKELY(__atomic_exchange_n(&l->fl_state, 0,
                                        __ATOMIC_RELEASE) == 2)) {
      emu_flock_wake(l);
   }
}

static inline void
emu_fcond_init(emu_fcond_t *c)
{
   c->fc_seq = 0;
}

/* Wait (the lock is dropped and retaken); spurious wake-ups happen. */
void emu_fcond_wait(emu_fcond_t *c, emu_flock_t *l);
/* The same until a monotonic deadline (ns); 1 when it passed, else 0. */
int  emu_fcond_timedwait(emu_fcond_t *c, emu_flock_t *l, uint64_t deadline_ns);
void emu_fcond_broadcast(emu_fcond_t *c);

/* Threads. */
typedef struct emu_thread {
   pthread_t t;
} emu_thread_t;

int  emu_thread_create(emu_thread_t *t, void *(*fn)(void *), void *arg); /* 0 ok */
void emu_thread_join(emu_thread_t *t);
void emu_thread_detach(emu_thread_t *t);
uint64_t emu_thread_host_id(void);               /* the kernel thread id */
unsigned emu_host_ncpus(void);                   /* online host CPUs, >= 1 */
void emu_thread_yield(void);

/*
 * A destructor run when a host thread exits (for magazine flushes and world
 * teardown).  Up to EMU_HOST_EXIT_HOOKS hooks; each receives the value last
 * stored with emu_thread_exit_hook_arm() by that thread.
 */
#define EMU_HOST_EXIT_HOOKS 8
int  emu_thread_exit_hook_register(void (*fn)(void *));     /* returns a slot */
void emu_thread_exit_hook_arm(int slot, void *value);

/*
 * The per-thread "self" slot: the world layer stores the current world
 * here, and the report channel reads it.  Engines below world only see a
 * void pointer.
 */
extern EMU_HOST_THREAD_LOCAL void *emu_host_self;

static inline void *
emu_host_self_get(void)
{
   return emu_host_self;
}

static inline void
emu_host_self_set(void *self)
{
   emu_host_self = self;
}

/* Clocks, in nanoseconds. */
uint64_t emu_clock_mono_ns(void);
uint64_t emu_clock_real_ns(void);                 /* since the Unix epoch */
void emu_clock_sleep_ns(uint64_t ns);

/* Page mappings. */
size_t emu_host_page_size(void);
/* Reserve address space lazily (no swap reservation); NULL on failure. */
void *emu_host_map_reserve(size_t len);
/* Fresh zeroed read/write pages; NULL on failure. */
void *emu_host_map_anon(size_t len);
void emu_host_unmap(void *addr, size_t len);
/* Give the pages' contents back to the host; they read as zero afterwards. */
void emu_host_discard(void *addr, size_t len);
/* Ask for huge pages behind a mapped range (a hint; ignored if refused). */
void emu_host_prefer_huge(void *addr, size_t len);
/* Resident bytes of the whole process, from the host's accounting. */
size_t emu_host_resident_bytes(void);

/* Process. */
EMU_NORETURN void emu_host_exit(int code);
EMU_NORETURN void emu_host_abort(void);
const char *emu_host_getenv(const char *name);
void emu_host_write_err(const char *buf, size_t len);
void emu_host_vprint_err(const char *fmt, va_list ap);
EMU_PRINTF(1, 2) void emu_host_print_err(const char *fmt, ...);

/* Stacks and symbols. */
int  emu_host_backtrace(void **pcs, int max, int skip);
/*
 * Describe a code address as "function+0xoff (object)" and, when debug
 * information and addr2line are available and lines is set, " at file:line".
 * Always NUL-terminates buf.
 */
void emu_host_symbolize(const void *pc, char *buf, size_t len, int lines);

#endif /* EMU_HOST_H */
