/*
 * bench_world.c -- costs of the world area's hot paths, each beside what
 * glibc/pthreads charge for the nearest equivalent, in the same run:
 *
 *   LookUpLocal      vmk_WorldStorageLookUpLocal (target: at most 2 ns),
 *                    beside an empty exported call (vmk_WorldsMax)
 *   spinlock         uncontended vmk_SpinlockLock+Unlock beside
 *                    pthread_mutex_lock+unlock (target: at or below it)
 *   world create     vmk_WorldCreate of an empty world + WaitForDeath,
 *                    beside pthread_create+pthread_join
 *   wait/wakeup      a vmk_WorldWait/vmk_WorldWakeup round trip between
 *                    two worlds, beside a pthread condvar ping-pong
 *
 * Each figure is the best of several repetitions (the machine is shared);
 * the hot loops are timed in thread CPU time, so time slices taken by other
 * processes do not count, the world figures in wall-clock time.
 * Instructions per operation come from a hardware counter when the host
 * allows perf_event_open, else from an exact single-step count of a short
 * run (bench_insns.h).
 *
 * The program is built with -fno-plt (and -z now), as a driver built for
 * the kernel calls vmkapi functions directly rather than through a lazily
 * bound procedure linkage table.
 *
 * Usage: bench_world [--quick]
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "vmkapi.h"
#include "emuctl.h"
#include "bench_insns.h"

#define ESCAPE(p) __asm__ volatile("" : : "r"(p) : "memory")
#define REPEATS   5

static int quick;

static double
now_ns(void)
{
   struct timespec ts;

   clock_gettime(CLOCK_MONOTONIC, &ts);
   return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* CPU time of this thread: hot loops are not charged for the time other
 * processes on a shared machine held the CPU. */
static double
cpu_ns(void)
{
   struct timespec ts;

   clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
   return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* ---- the measured loops (noinline: callgrind attributes them) -------- */

/*
 * The two call loops are unrolled four times (n is always a multiple of
 * 4): for a call this short, the loop's own counter and back branch would
 * otherwise be a large part of what is timed.  The empty exported call is
 * unrolled the same way, so it stays the floor to compare with.
 */

static __attribute__((noinline)) void
loop_empty(void *arg, long n)
{
   uintptr_t acc = 0;
   long i;

   (void)arg;
   for (i = 0; i < n; i += 4) {
      acc += vmk_WorldsMax();
      acc += vmk_WorldsMax();
      acc += vmk_WorldsMax();
      acc += vmk_WorldsMax();
   }
   ESCAPE(acc);
}

static __attribute__((noinline)) void
loop_lookup(void *arg, long n)
{
   vmk_WorldStorageHandle h = (vmk_WorldStorageHandle)(uintptr_t)arg;
   uintptr_t acc = 0;
   void *p;
   long i;

   for (i = 0; i < n; i += 4) {
      vmk_WorldStorageLookUpLocal(h, &p);
      acc += (uintptr_t)p;
      vmk_WorldStorageLookUpLocal(h, &p);
      acc += (uintptr_t)p;
      vmk_WorldStorageLookUpLocal(h, &p);
      acc += (uintptr_t)p;
      vmk_WorldStorageLookUpLocal(h, &p);
      acc += (uintptr_t)p;
   }
   ESCAPE(acc);
}

static __attribute__((noinline)) void
loop_spin(void *arg, long n)
{
   vmk_Lock lock = arg;
   long i;

   for (i = 0; i < n; i++) {
      vmk_SpinlockLock(lock);
      vmk_SpinlockUnlock(lock);
   }
}

static __attribute__((noinline)) void
loop_mutex(void *arg, long n)
{
   pthread_mutex_t *m = arg;
   long i;

   for (i = 0; i < n; i++) {
      pthread_mutex_lock(m);
      pthread_mutex_unlock(m);
   }
}

/* ---- timing and instruction counting --------------------------------- */

/*
 * Instructions per iteration of fn: the hardware counter, else the exact
 * ptrace count of bench_insns.h over a short run (single-stepping is slow,
 * so the count never uses the timing loops' n).
 */
static double
insns_per(void (*fn)(void *, long), void *arg, long n)
{
   (void)n;
   return bench_insns_per(fn, arg, 4000);
}

/* Best-of-REPEATS thread-CPU ns per iteration. */
static double
best_ns(void (*fn)(void *, long), void *arg, long n)
{
   double best = 1e30;
   double t0;
   double t;
   int r;

   fn(arg, n / 10);                               /* warm up */
   for (r = 0; r < REPEATS; r++) {
      t0 = cpu_ns();
      fn(arg, n);
      t = (cpu_ns() - t0) / n;
      if (t < best) {
         best = t;
      }
   }
   return best;
}

static void
print_row(const char *what, double ns, double insns, const char *target)
{
   char ibuf[32];

   if (insns >= 0) {
      snprintf(ibuf, sizeof ibuf, "%6.1f insns", insns);
   } else {
      snprintf(ibuf, sizeof ibuf, "%11s", "n/a insns");
   }
   printf("  %-34s %8.2f ns  %s  %s\n", what, ns, ibuf, target);
}

/* ---- world create / pthread create ----------------------------------- */

static VMK_ReturnStatus
nothing(void *data)
{
   (void)data;
   return VMK_OK;
}

static void *
pnothing(void *data)
{
   return data;
}

static double
bench_world_create(long n)
{
   vmk_WorldProps props;
   vmk_WorldID id;
   VMK_ReturnStatus st;
   double best = 1e30;
   double t0;
   double t;
   long i;
   int r;

   memset(&props, 0, sizeof props);
   props.name = "bench";
   props.startFunction = nothing;
   for (r = 0; r < REPEATS; r++) {
      t0 = now_ns();
      for (i = 0; i < n; i++) {
         if (vmk_WorldCreate(&props, &id) != VMK_OK) {
            fprintf(stderr, "bench_world: world create failed\n");
            exit(1);
         }
         /* VMK_INVALID_WORLD: it is gone already. */
         st = vmk_WorldWaitForDeath(id);
         if (st != VMK_OK && st != VMK_INVALID_WORLD) {
            fprintf(stderr, "bench_world: WaitForDeath failed\n");
            exit(1);
         }
      }
      t = (now_ns() - t0) / n;
      if (t < best) {
         best = t;
      }
   }
   return best;
}

static double
bench_pthread_create(long n)
{
   pthread_t t;
   double best = 1e30;
   double t0;
   double tt;
   long i;
   int r;

   for (r = 0; r < REPEATS; r++) {
      t0 = now_ns();
      for (i = 0; i < n; i++) {
         if (pthread_create(&t, NULL, pnothing, NULL) != 0 ||
             pthread_join(t, NULL) != 0) {
            fprintf(stderr, "bench_world: pthread_create failed\n");
            exit(1);
         }
      }
      tt = (now_ns() - t0) / n;
      if (tt < best) {
         best = tt;
      }
   }
   return best;
}

/* ---- wait/wakeup ping-pong -------------------------------------------- */

struct pingpong {
   vmk_Lock lock;
   int turn;                  /* under lock: 0 main, 1 partner */
   long rounds;
};

#define PING(p) ((vmk_WorldEventID)&(p)->turn)
#define PONG(p) ((vmk_WorldEventID)&(p)->turn + 1)

static VMK_ReturnStatus
partner(void *data)
{
   struct pingpong *p = data;
   long i;

   for (i = 0; i < p->rounds; i++) {
      vmk_SpinlockLock(p->lock);
      while (p->turn != 1) {
         vmk_WorldWait(PING(p), p->lock, VMK_TIMEOUT_UNLIMITED_MS, "pong");
         vmk_SpinlockLock(p->lock);
      }
      p->turn = 0;
      vmk_SpinlockUnlock(p->lock);
      vmk_WorldWakeup(PONG(p));
   }
   return VMK_OK;
}

static double
bench_world_pingpong(vmk_Lock lock, long rounds)
{
   struct pingpong pp;
   vmk_WorldProps props;
   vmk_WorldID id;
   double t0;
   double t1;
   long i;

   pp.lock = lock;
   pp.turn = 0;
   pp.rounds = rounds;
   memset(&props, 0, sizeof props);
   props.name = "partner";
   props.startFunction = partner;
   props.data = &pp;
   if (vmk_WorldCreate(&props, &id) != VMK_OK) {
      fprintf(stderr, "bench_world: world create failed\n");
      exit(1);
   }
   t0 = now_ns();
   for (i = 0; i < rounds; i++) {
      vmk_SpinlockLock(lock);
      pp.turn = 1;
      vmk_SpinlockUnlock(lock);
      vmk_WorldWakeup(PING(&pp));
      vmk_SpinlockLock(lock);
      while (pp.turn != 0) {
         vmk_WorldWait(PONG(&pp), lock, VMK_TIMEOUT_UNLIMITED_MS, "ping");
         vmk_SpinlockLock(lock);
      }
      vmk_SpinlockUnlock(lock);
   }
   t1 = now_ns();
   vmk_WorldWaitForDeath(id);
   return (t1 - t0) / rounds;
}

struct cvpong {
   pthread_mutex_t m;
   pthread_cond_t  ping;
   pthread_cond_t  pong;
   int             turn;
   long            rounds;
};

static void *
cv_partner(void *data)
{
   struct cvpong *c = data;
   long i;

   for (i = 0; i < c->rounds; i++) {
      pthread_mutex_lock(&c->m);
      while (c->turn != 1) {
         pthread_cond_wait(&c->ping, &c->m);
      }
      c->turn = 0;
      pthread_mutex_unlock(&c->m);
      pthread_cond_signal(&c->pong);
   }
   return NULL;
}

static double
bench_cv_pingpong(long rounds)
{
   struct cvpong c;
   pthread_t t;
   double t0;
   double t1;
   long i;

   pthread_mutex_init(&c.m, NULL);
   pthread_cond_init(&c.ping, NULL);
   pthread_cond_init(&c.pong, NULL);
   c.turn = 0;
   c.rounds = rounds;
   pthread_create(&t, NULL, cv_partner, &c);
   t0 = now_ns();
   for (i = 0; i < rounds; i++) {
      pthread_mutex_lock(&c.m);
      c.turn = 1;
      pthread_mutex_unlock(&c.m);
      pthread_cond_signal(&c.ping);
      pthread_mutex_lock(&c.m);
      while (c.turn != 0) {
         pthread_cond_wait(&c.pong, &c.m);
      }
      pthread_mutex_unlock(&c.m);
   }
   t1 = now_ns();
   pthread_join(t, NULL);
   pthread_cond_destroy(&c.pong);
   pthread_cond_destroy(&c.ping);
   pthread_mutex_destroy(&c.m);
   return (t1 - t0) / rounds;
}

/* Best of REPEATS ping-pong runs, vmkemu and pthreads interleaved. */
static void
bench_pingpong(vmk_Lock lock, long rounds, double *vw, double *vc)
{
   double a;
   double b;
   int r;

   *vw = *vc = 1e30;
   for (r = 0; r < REPEATS; r++) {
      a = bench_world_pingpong(lock, rounds);
      b = bench_cv_pingpong(rounds);
      if (a < *vw) {
         *vw = a;
      }
      if (b < *vc) {
         *vc = b;
      }
   }
}

int
main(int argc, char **argv)
{
   vmk_WorldStorageProps wp;
   vmk_WorldStorageHandle h;
   vmk_SpinlockCreateProps lp;
   pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
   vmk_Lock lock;
   void *harg;
   long n;
   double a;
   double b;

   quick = argc > 1 && strcmp(argv[1], "--quick") == 0;
   if (EmuCtl_Init(NULL) != VMK_OK) {
      return 1;
   }
   memset(&wp, 0, sizeof wp);
   wp.type = VMK_WORLD_STORAGE_TYPE_SIMPLE;
   wp.size = 64;
   wp.align = 8;
   memset(&lp, 0, sizeof lp);
   lp.type = VMK_SPINLOCK;
   lp.domain = VMK_LOCKDOMAIN_INVALID;
   lp.rank = VMK_SPINLOCK_UNRANKED;
   if (vmk_WorldStorageCreate(&wp, &h) != VMK_OK ||
       vmk_SpinlockCreate(&lp, &lock) != VMK_OK) {
      fprintf(stderr, "bench_world: setup failed\n");
      return 1;
   }
   harg = (void *)(uintptr_t)h;

   n = quick ? 100000 : 50000000;
   printf("bench_world: best of %d runs; %ld iterations per hot loop\n",
          REPEATS, n);
   printf("hot paths (per operation)\n");
   print_row("LookUpLocal", best_ns(loop_lookup, harg, n),
             insns_per(loop_lookup, harg, n / 10), "target <= 2 ns");
   print_row("(empty exported call)", best_ns(loop_empty, NULL, n),
             insns_per(loop_empty, NULL, n / 10), "reference");
   n = quick ? 100000 : 20000000;
   a = best_ns(loop_spin, lock, n);
   b = best_ns(loop_mutex, &m, n);
   print_row("spinlock lock+unlock", a, insns_per(loop_spin, lock, n / 10),
             "target <= pthread");
   print_row("pthread mutex lock+unlock", b,
             insns_per(loop_mutex, &m, n / 10), "reference");
   printf("  %-34s %8.2fx\n", "spinlock / pthread", a / b);

   n = quick ? 50 : 2000;
   printf("worlds (per operation)\n");
   a = bench_world_create(n);
   b = bench_pthread_create(n);
   printf("  %-34s %8.2f us\n", "world create+exit+WaitForDeath", a / 1e3);
   printf("  %-34s %8.2f us   reference\n", "pthread create+join", b / 1e3);
   bench_pingpong(lock, quick ? 500 : 20000, &a, &b);
   printf("  %-34s %8.2f us\n", "WorldWait/WorldWakeup round trip",
          a / 1e3);
   printf("  %-34s %8.2f us   reference\n", "pthread condvar round trip",
          b / 1e3);

   vmk_SpinlockDestroy(lock);
   vmk_WorldStorageDestroy(h);
   return EmuCtl_Shutdown() == VMK_OK ? 0 : 1;
}
