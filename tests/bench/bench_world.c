/*
 * bench_world.c -- costs of the world area's hot paths:
 *   vmk_WorldStorageLookUpLocal (target: at most 2 ns),
 *   uncontended vmk_SpinlockLock+Unlock beside a pthread mutex pair,
 *   vmk_WorldCreate + exit (+ WaitForDeath),
 *   a vmk_WorldWait / vmk_WorldWakeup round trip between two worlds.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vmkapi.h"
#include "emuctl.h"

static double
now_ns(void)
{
   struct timespec ts;

   clock_gettime(CLOCK_MONOTONIC, &ts);
   return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static VMK_ReturnStatus
nothing(void *data)
{
   (void)data;
   return VMK_OK;
}

struct pingpong {
   vmk_Lock lock;
   int turn;                  /* under lock: 0 main, 1 partner */
   int rounds;
};

static VMK_ReturnStatus
partner(void *data)
{
   struct pingpong *p = data;
   int i;

   for (i = 0; i < p->rounds; i++) {
      vmk_SpinlockLock(p->lock);
      while (p->turn != 1) {
         vmk_WorldWait((vmk_WorldEventID)&p->turn, p->lock,
                       VMK_TIMEOUT_UNLIMITED_MS, "pong");
         vmk_SpinlockLock(p->lock);
      }
      p->turn = 0;
      vmk_SpinlockUnlock(p->lock);
      vmk_WorldWakeup((vmk_WorldEventID)&p->turn + 1);
   }
   return VMK_OK;
}

int
main(void)
{
   vmk_WorldStorageProps wp;
   vmk_WorldStorageHandle h;
   vmk_SpinlockCreateProps lp;
   vmk_WorldProps props;
   vmk_Lock lock;
   vmk_WorldID id;
   pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
   struct pingpong pp;
   void *p;
   double t0;
   double t1;
   long i;
   long n;
   volatile uintptr_t sink = 0;

   if (EmuCtl_Init(NULL) != VMK_OK) {
      return 1;
   }
   memset(&wp, 0, sizeof wp);
   wp.type = VMK_WORLD_STORAGE_TYPE_SIMPLE;
   wp.size = 64;
   wp.align = 8;
   vmk_WorldStorageCreate(&wp, &h);

   n = 100000000;
   t0 = now_ns();
   for (i = 0; i < n; i++) {
      sink += vmk_WorldsMax();
   }
   t1 = now_ns();
   printf("(reference: empty exported call %5.2f ns/op)\n", (t1 - t0) / n);
   t0 = now_ns();
   for (i = 0; i < n; i++) {
      vmk_WorldStorageLookUpLocal(h, &p);
      sink += (uintptr_t)p;
   }
   t1 = now_ns();
   printf("LookUpLocal                 %7.2f ns/op  (target <= 2 ns)\n",
          (t1 - t0) / n);

   memset(&lp, 0, sizeof lp);
   lp.type = VMK_SPINLOCK;
   lp.domain = VMK_LOCKDOMAIN_INVALID;
   lp.rank = VMK_SPINLOCK_UNRANKED;
   vmk_SpinlockCreate(&lp, &lock);
   n = 20000000;
   t0 = now_ns();
   for (i = 0; i < n; i++) {
      vmk_SpinlockLock(lock);
      vmk_SpinlockUnlock(lock);
   }
   t1 = now_ns();
   printf("spinlock lock+unlock        %7.2f ns/op\n", (t1 - t0) / n);
   t0 = now_ns();
   for (i = 0; i < n; i++) {
      pthread_mutex_lock(&m);
      pthread_mutex_unlock(&m);
   }
   t1 = now_ns();
   printf("pthread mutex lock+unlock   %7.2f ns/op\n", (t1 - t0) / n);

   memset(&props, 0, sizeof props);
   props.name = "bench";
   props.startFunction = nothing;
   n = 20000;
   t0 = now_ns();
   for (i = 0; i < n; i++) {
      vmk_WorldCreate(&props, &id);
      vmk_WorldWaitForDeath(id);
   }
   t1 = now_ns();
   printf("world create+exit+reap      %7.2f us/op\n", (t1 - t0) / n / 1e3);

   pp.lock = lock;
   pp.turn = 0;
   pp.rounds = 100000;
   props.startFunction = partner;
   props.data = &pp;
   vmk_WorldCreate(&props, &id);
   t0 = now_ns();
   for (i = 0; i < pp.rounds; i++) {
      vmk_SpinlockLock(lock);
      pp.turn = 1;
      vmk_SpinlockUnlock(lock);
      vmk_WorldWakeup((vmk_WorldEventID)&pp.turn);
      vmk_SpinlockLock(lock);
      while (pp.turn != 0) {
         vmk_WorldWait((vmk_WorldEventID)&pp.turn + 1, lock,
                       VMK_TIMEOUT_UNLIMITED_MS, "ping");
         vmk_SpinlockLock(lock);
      }
      vmk_SpinlockUnlock(lock);
   }
   t1 = now_ns();
   vmk_WorldWaitForDeath(id);
   printf("wait/wakeup round trip      %7.2f us/op\n",
          (t1 - t0) / pp.rounds / 1e3);

   vmk_SpinlockDestroy(lock);
   vmk_WorldStorageDestroy(h);
   (void)sink;
   return EmuCtl_Shutdown() == VMK_OK ? 0 : 1;
}
