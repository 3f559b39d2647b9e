/*
 * bench_heap.c -- small vmk_HeapAlloc / vmk_HeapFree pairs beside glibc
 * malloc / free in the same run.  Target: the heap at most 0.5x glibc.
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

static uint64_t
now_ns(void)
{
   struct timespec ts;

   clock_gettime(CLOCK_MONOTONIC, &ts);
   return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* Keep the compiler from folding malloc/free pairs away. */
static void *volatile sink;

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
   printf("%-6s %12s %12s %8s\n", "size", "heap ns/pair", "glibc ns/pair",
          "ratio");
   for (s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
      unsigned sz = sizes[s];
      uint64_t t0;
      uint64_t th;
      uint64_t tg;
      uint64_t i;

      /* Warm both allocators. */
      for (i = 0; i < 1000; i++) {
         void *p = vmk_HeapAlloc(heap, sz);

         sink = p;
         vmk_HeapFree(heap, p);
         p = malloc(sz);
         sink = p;
         free(p);
      }
      t0 = now_ns();
      for (i = 0; i < iters; i++) {
         void *p = vmk_HeapAlloc(heap, sz);

         sink = p;
         vmk_HeapFree(heap, p);
      }
      th = now_ns() - t0;
      t0 = now_ns();
      for (i = 0; i < iters; i++) {
         void *p = malloc(sz);

         sink = p;
         free(p);
      }
      tg = now_ns() - t0;
      printf("%-6u %12.2f %12.2f %8.2f\n", sz, (double)th / iters,
             (double)tg / iters, (double)th / (double)tg);
      if ((double)th > 0.5 * (double)tg) {
         worst_ok = 0;
      }
   }
   printf("target (heap <= 0.5x glibc): %s\n", worst_ok ? "met" : "NOT met");
   vmk_HeapDestroy(heap);
   EmuCtl_Shutdown();
   return 0;
}
