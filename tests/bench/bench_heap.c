/*
 * bench_heap.c -- small vmk_HeapAlloc / vmk_HeapFree pairs beside glibc
 * malloc / free in the same run.  Target: the heap at most 0.5x glibc.
 *
 * Four pairs per loop trip.  Instructions per pair (loop and calls
 * included, their share printed on its own line) are printed beside the
 * times: the hardware counter when the host offers it, else exact
 * single-step counts (bench_insns.h).  The machine may be shared: run the
 * bench several times and take the best.
 *
 * Usage: bench_heap [iterations]   (default 20 million pairs per size)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vmkapi.h"
#include "emuctl.h"

#include "bench_insns.h"

static uint64_t
now_ns(void)
{
   struct timespec ts;

   clock_gettime(CLOCK_MONOTONIC, &ts);
   return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* Keep the compiler from folding malloc/free pairs away. */
#define ESCAPE(p) __asm__ volatile("" : : "r"(p) : "memory")

static vmk_HeapID bench_heap_id;
static unsigned   bench_size;

/*
 * Four pairs per trip round the loop, the heap and the size in registers,
 * for both allocators alike, so that the loop's own work weighs little in
 * a pair (its share is printed: pairs_none).
 */
#define PAIR(alloc, free_)                                              \
   do {                                                                 \
      void *p = (alloc);                                                \
                                                                        \
      ESCAPE(p);                                                        \
      free_;                                                            \
   } while (0)

static __attribute__((noinline)) void
pairs_heap(void *arg, long n)
{
   vmk_HeapID heap = bench_heap_id;
   unsigned size = bench_size;
   long i;

   (void)arg;
   for (i = 0; i < n; i += 4) {
      PAIR(vmk_HeapAlloc(heap, size), vmk_HeapFree(heap, p));
      PAIR(vmk_HeapAlloc(heap, size), vmk_HeapFree(heap, p));
      PAIR(vmk_HeapAlloc(heap, size), vmk_HeapFree(heap, p));
      PAIR(vmk_HeapAlloc(heap, size), vmk_HeapFree(heap, p));
   }
}

static __attribute__((noinline)) void
pairs_malloc(void *arg, long n)
{
   size_t size = bench_size;
   long i;

   (void)arg;
   for (i = 0; i < n; i += 4) {
      PAIR(malloc(size), free(p));
      PAIR(malloc(size), free(p));
      PAIR(malloc(size), free(p));
      PAIR(malloc(size), free(p));
   }
}

static __attribute__((noinline)) void *
none_alloc(vmk_HeapID heap, unsigned size, void *ra)
{
   __asm__ volatile("" : : "r"(heap), "r"(size), "r"(ra));
   return (void *)heap;
}

static __attribute__((noinline)) void
none_free(vmk_HeapID heap, void *p)
{
   __asm__ volatile("" : : "r"(heap), "r"(p));
}

/* The same loop around two calls that do nothing (the heap's arguments,
 * call-site address included). */
static __attribute__((noinline)) void
pairs_none(void *arg, long n)
{
   vmk_HeapID heap = bench_heap_id;
   unsigned size = bench_size;
   long i;

   (void)arg;
   for (i = 0; i < n; i += 4) {
      PAIR(none_alloc(heap, size, __builtin_return_address(0)),
           none_free(heap, p));
      PAIR(none_alloc(heap, size, __builtin_return_address(0)),
           none_free(heap, p));
      PAIR(none_alloc(heap, size, __builtin_return_address(0)),
           none_free(heap, p));
      PAIR(none_alloc(heap, size, __builtin_return_address(0)),
           none_free(heap, p));
   }
}

int
main(int argc, char **argv)
{
   static const unsigned sizes[] = { 16, 32, 64, 128, 256 };
   uint64_t iters = argc > 1 ? strtoull(argv[1], NULL, 10) : 20000000ull;
   vmk_HeapCreateProps props;
   vmk_HeapID heap;
   unsigned s;
   int worst_ok = 1;

   if (EmuCtl_Init(NULL) != VMK_OK) {
      fprintf(stderr, "EmuCtl_Init failed\n");
      return 1;
   }
   memset(&props, 0, sizeof props);
   props.type = VMK_HEAP_TYPE_SIMPLE;
   vmk_NameInitialize(&props.name, "bench");
   props.max = 64 << 20;
   if (vmk_HeapCreate(&props, &heap) != VMK_OK) {
      fprintf(stderr, "vmk_HeapCreate failed\n");
      return 1;
   }
   bench_heap_id = heap;
   printf("%-6s %12s %12s %8s %16s\n", "size", "heap ns/pair", "glibc ns/pair",
          "ratio", "insns heap/glibc");
   for (s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
      unsigned sz = sizes[s];
      uint64_t t0;
      uint64_t th;
      uint64_t tg;
      uint64_t t1;
      uint64_t i;
      int r;

      /* Warm both allocators. */
      for (i = 0; i < 1000; i++) {
         void *p = vmk_HeapAlloc(heap, sz);

         ESCAPE(p);
         vmk_HeapFree(heap, p);
         p = malloc(sz);
         ESCAPE(p);
         free(p);
      }
      /* Best of three alternating rounds of each (the host is shared). */
      bench_size = sz;
      th = tg = UINT64_MAX;
      for (r = 0; r < 3; r++) {
         t0 = now_ns();
         pairs_heap(NULL, (long)iters);
         t1 = now_ns() - t0;
         th = t1 < th ? t1 : th;
         t0 = now_ns();
         pairs_malloc(NULL, (long)iters);
         t1 = now_ns() - t0;
         tg = t1 < tg ? t1 : tg;
      }
      printf("%-6u %12.2f %12.2f %8.2f %7.1f / %6.1f\n", sz,
             (double)th / iters, (double)tg / iters, (double)th / (double)tg,
             bench_insns_per(pairs_heap, NULL, 100000),
             bench_insns_per(pairs_malloc, NULL, 100000));
      if ((double)th > 0.5 * (double)tg) {
         worst_ok = 0;
      }
   }
   printf("loop and calls alone (two empty functions): %.1f insns per pair, "
          "counted in both columns\n",
          bench_insns_per(pairs_none, NULL, 100000));
   printf("target (heap <= 0.5x glibc): %s\n", worst_ok ? "met" : "NOT met");
   vmk_HeapDestroy(heap);
   EmuCtl_Shutdown();
   return 0;
}
