/*
 * memsan.c -- heap blocks and pool pages as the memory checkers see them
 * (see memsan.h).
 */
#include "memsan.h"

#include "../host/host.h"

#if defined(__has_include)
#if __has_include(<sanitizer/asan_interface.h>) && defined(EMU_ASAN)
#include <sanitizer/asan_interface.h>
#define MEMSAN_ASAN 1
#endif
#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#define MEMSAN_VALGRIND 1
#endif
#endif
#ifndef MEMSAN_ASAN
#define MEMSAN_ASAN 0
#endif
#ifndef MEMSAN_VALGRIND
#define MEMSAN_VALGRIND 0
#endif

/* -1 not asked yet, else the answer. */
static int memsan_vg = -1;

int
emu_memsan_valgrind(void)
{
   int v = __atomic_load_n(&memsan_vg, __ATOMIC_RELAXED);

   if (v < 0) {
#if MEMSAN_VALGRIND
      v = RUNNING_ON_VALGRIND ? 1 : 0;
#else
      v = 0;
#endif
      __atomic_store_n(&memsan_vg, v, __ATOMIC_RELAXED);
   }
   return v;
}

void
emu_memsan_alloc(void *p, size_t size, size_t room, int zeroed)
{
#if MEMSAN_ASAN
   ASAN_UNPOISON_MEMORY_REGION(p, size);
   if (room > size) {
      ASAN_POISON_MEMORY_REGION((char *)p + size, room - size);
   }
#endif
#if MEMSAN_VALGRIND
   if (emu_memsan_valgrind()) {
      VALGRIND_MALLOCLIKE_BLOCK(p, size, 0, zeroed);
      if (room > size) {
         VALGRIND_MAKE_MEM_NOACCESS((char *)p + size, room - size);
      }
   }
#endif
   (void)p;
   (void)size;
   (void)room;
   (void)zeroed;
}

void
emu_memsan_free(void *p, size_t room)
{
#if MEMSAN_ASAN
   ASAN_POISON_MEMORY_REGION(p, room);
#endif
#if MEMSAN_VALGRIND
   if (emu_memsan_valgrind()) {
      VALGRIND_FREELIKE_BLOCK(p, 0);
      VALGRIND_MAKE_MEM_NOACCESS(p, room);
   }
#endif
   (void)p;
   (void)room;
}

void
emu_memsan_reset(void *p, size_t len)
{
#if MEMSAN_ASAN
   ASAN_UNPOISON_MEMORY_REGION(p, len);
#endif
#if MEMSAN_VALGRIND
   if (emu_memsan_valgrind()) {
      VALGRIND_MAKE_MEM_DEFINED(p, len);
   }
#endif
   (void)p;
   (void)len;
}

void
emu_memsan_hide(void *p, size_t len)
{
#if MEMSAN_ASAN
   ASAN_POISON_MEMORY_REGION(p, len);
#endif
#if MEMSAN_VALGRIND
   if (emu_memsan_valgrind()) {
      VALGRIND_MAKE_MEM_NOACCESS(p, len);
   }
#endif
   (void)p;
   (void)len;
}

uintptr_t
emu_memsan_word_load(const void *p) __attribute__((no_sanitize_address));
uintptr_t
emu_memsan_word_load(const void *p)
{
   uintptr_t v;

#if MEMSAN_VALGRIND
   VALGRIND_DISABLE_ERROR_REPORTING;
#endif
   __builtin_memcpy(&v, p, sizeof v);
#if MEMSAN_VALGRIND
   VALGRIND_ENABLE_ERROR_REPORTING;
#endif
   return v;
}

void
emu_memsan_word_store(void *p, uintptr_t v) __attribute__((no_sanitize_address));
void
emu_memsan_word_store(void *p, uintptr_t v)
{
#if MEMSAN_VALGRIND
   VALGRIND_DISABLE_ERROR_REPORTING;
#endif
   __builtin_memcpy(p, &v, sizeof v);
#if MEMSAN_VALGRIND
   VALGRIND_ENABLE_ERROR_REPORTING;
#endif
}
