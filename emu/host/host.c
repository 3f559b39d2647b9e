/*
 * host.c -- libvmkemu's only door to the operating system (Linux, glibc).
 *
 * See host.h for the contract.  Every pthread failure here is an emulator
 * bug, so it prints what failed and aborts; drivers never see host errors.
 */
#define _GNU_SOURCE
#include "host.h"

#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <linux/futex.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

EMU_HOST_THREAD_LOCAL void *emu_host_self;

static void
host_check(int rc, const char *what)
{
   if (EMU_UNLIKELY(rc != 0)) {
      emu_host_print_err("vmkemu: host call %s failed: %s\n", what,
                         strerror(rc));
      abort();
   }
}

/* Mutexes and condition variables. */

void
emu_mutex_init(emu_mutex_t *m)
{
   host_check(pthread_mutex_init(&m->m, NULL), "pthread_mutex_init");
}

void
emu_mutex_destroy(emu_mutex_t *m)
{
   host_check(pthread_mutex_destroy(&m->m), "pthread_mutex_destroy");
}

void
emu_mutex_lock(emu_mutex_t *m)
{
   host_check(pthread_mutex_lock(&m->m), "pthread_mutex_lock");
}

void
emu_mutex_unlock(emu_mutex_t *m)
{
   host_check(pthread_mutex_unlock(&m->m), "pthread_mutex_unlock");
}

int
emu_mutex_trylock(emu_mutex_t *m)
{
   int rc = pthread_mutex_trylock(&m->m);

   if (rc == EBUSY) {
      return 0;
   }
   host_check(rc, "pthread_mutex_trylock");
   return 1;
}

void
emu_cond_init(emu_cond_t *c)
{
   pthread_condattr_t attr;

   host_check(pthread_condattr_init(&attr), "pthread_condattr_init");
   host_check(pthread_condattr_setclock(&attr, CLOCK_MONOTONIC),
              "pthread_condattr_setclock");
   host_check(pthread_cond_init(&c->c, &attr), "pthread_cond_init");
   pthread_condattr_destroy(&attr);
}

void
emu_cond_destroy(emu_cond_t *c)
{
   host_check(pthread_cond_destroy(&c->c), "pthread_cond_destroy");
}

void
emu_cond_wait(emu_cond_t *c, emu_mutex_t *m)
{
   host_check(pthread_cond_wait(&c->c, &m->m), "pthread_cond_wait");
}

int
emu_cond_timedwait(emu_cond_t *c, emu_mutex_t *m, uint64_t deadline_ns)
{
   struct timespec ts;
   int rc;

   ts.tv_sec = (time_t)(deadline_ns / 1000000000ull);
   ts.tv_nsec = (long)(deadline_ns % 1000000000ull);
   rc = pthread_cond_timedwait(&c->c, &m->m, &ts);
   if (rc == ETIMEDOUT) {
      return 1;
   }
   host_check(rc, "pthread_cond_timedwait");
   return 0;
}

void
emu_cond_signal(emu_cond_t *c)
{
   host_check(pthread_cond_signal(&c->c), "pthread_cond_signal");
}

void
emu_cond_broadcast(emu_cond_t *c)
{
   host_check(pthread_cond_broadcast(&c->c), "pthread_cond_broadcast");
}

/* Futex lock and condition. */

static long
host_futex(int *addr, int op, int val, const struct timespec *ts,
           unsigned bitset)
{
   return syscall(SYS_futex, addr, op, val, ts, NULL, bitset);
}

/* Take the lock in the "sleepers may exist" state, sleeping as needed. */
static void
host_flock_lock_contended(emu_flock_t *l)
{
   while (__atomic_exchange_n(&l->fl_state, 2, __ATOMIC_ACQUIRE) != 0) {
      host_futex(&l->fl_state, FUTEX_WAIT_PRIVATE, 2, NULL, 0);
   }
}

void
emu_flock_lock_slow(emu_flock_t *l)
{
   int spin;

   for (spin = 0; spin < 64; spin++) {
      int expected = 0;

      if (__atomic_load_n(&l->fl_state, __ATOMIC_RELAXED) == 0 &&
          __atomic_compare_exchange_n(&l->fl_state, &expected, 1, 0,
                                      __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
         return;
      }
#if defined(__x86_64__) || defined(__i386__)
      __builtin_ia32_pause();
#endif
   }
   host_flock_lock_contended(l);
}

void
emu_flock_wake(emu_flock_t *l)
{
   host_futex(&l->fl_state, FUTEX_WAKE_PRIVATE, 1, NULL, 0);
}

static int
host_fcond_wait(emu_fcond_t *c, emu_flock_t *l, const struct timespec *abs)
{
   unsigned seq = __atomic_load_n(&c->fc_seq, __ATOMIC_ACQUIRE);
   long rc;
   int err;

   emu_flock_unlock(l);
   rc = host_futex((int *)&c->fc_seq, FUTEX_WAIT_BITSET_PRIVATE, (int)seq,
                   abs, FUTEX_BITSET_MATCH_ANY);
   err = rc != 0 ? errno : 0;
   host_flock_lock_contended(l);
   return err == ETIMEDOUT;
}

void
emu_fcond_wait(emu_fcond_t *c, emu_flock_t *l)
{
   (void)host_fcond_wait(c, l, NULL);
}

int
emu_fcond_timedwait(emu_fcond_t *c, emu_flock_t *l, uint64_t deadline_ns)
{
   struct timespec ts;

   ts.tv_sec = (time_t)(deadline_ns / 1000000000ull);
   ts.tv_nsec = (long)(deadline_ns % 1000000000ull);
   if (host_fcond_wait(c, l, &ts)) {
      return 1;
   }
   return emu_clock_mono_ns() >= deadline_ns;
}

void
emu_fcond_broadcast(emu_fcond_t *c)
{
   __atomic_add_fetch(&c->fc_seq, 1, __ATOMIC_RELEASE);
   host_futex((int *)&c->fc_seq, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, 0);
}

/* Threads. */

int
emu_thread_create(emu_thread_t *t, void *(*fn)(void *), void *arg)
{
   return pthread_create(&t->t, NULL, fn, arg) == 0 ? 0 : -1;
}

void
emu_thread_join(emu_thread_t *t)
{
   host_check(pthread_join(t->t, NULL), "pthread_join");
}

void
emu_thread_detach(emu_thread_t *t)
{
   host_check(pthread_detach(t->t), "pthread_detach");
}

uint64_t
emu_thread_host_id(void)
{
   return (uint64_t)syscall(SYS_gettid);
}

unsigned
emu_host_ncpus(void)
{
   long n = sysconf(_SC_NPROCESSORS_ONLN);

   return n > 0 ? (unsigned)n : 1;
}

void
emu_thread_yield(void)
{
   sched_yield();
}

static pthread_key_t host_exit_keys[EMU_HOST_EXIT_HOOKS];
static int host_exit_nkeys;
static pthread_mutex_t host_exit_lock = PTHREAD_MUTEX_INITIALIZER;

int
emu_thread_exit_hook_register(void (*fn)(void *))
{
   int slot;

   pthread_mutex_lock(&host_exit_lock);
   if (host_exit_nkeys == EMU_HOST_EXIT_HOOKS) {
      pthread_mutex_unlock(&host_exit_lock);
      emu_host_print_err("vmkemu: too many thread exit hooks\n");
      abort();
   }
   slot = host_exit_nkeys;
   host_check(pthread_key_create(&host_exit_keys[slot], fn),
              "pthread_key_create");
   host_exit_nkeys++;
   pthread_mutex_unlock(&host_exit_lock);
   return slot;
}

void
emu_thread_exit_hook_arm(int slot, void *value)
{
   host_check(pthread_setspecific(host_exit_keys[slot], value),
              "pthread_setspecific");
}

/* Clocks. */

static uint64_t
host_clock(clockid_t id)
{
   struct timespec ts;

   clock_gettime(id, &ts);
   return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

uint64_t
emu_clock_mono_ns(void)
{
   return host_clock(CLOCK_MONOTONIC);
}

uint64_t
emu_clock_real_ns(void)
{
   return host_clock(CLOCK_REALTIME);
}

void
emu_clock_sleep_ns(uint64_t ns)
{
   struct timespec ts;

   ts.tv_sec = (time_t)(ns / 1000000000ull);
   ts.tv_nsec = (long)(ns % 1000000000ull);
   while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
   }
}

/* Page mappings. */

size_t
emu_host_page_size(void)
{
   static size_t page;

   if (page == 0) {
      page = (size_t)sysconf(_SC_PAGESIZE);
   }
   return page;
}

void *
emu_host_map_reserve(size_t len)
{
   void *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

   return p == MAP_FAILED ? NULL : p;
}

void *
emu_host_map_anon(size_t len)
{
   void *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

   return p == MAP_FAILED ? NULL : p;
}

void
emu_host_unmap(void *addr, size_t len)
{
   if (addr != NULL && len != 0) {
      munmap(addr, len);
   }
}

void
emu_host_discard(void *addr, size_t len)
{
   madvise(addr, len, MADV_DONTNEED);
}

void
emu_host_prefer_huge(void *addr, size_t len)
{
#ifdef MADV_HUGEPAGE
   (void)madvise(addr, len, MADV_HUGEPAGE);
#else
   (void)addr;
   (void)len;
#endif
}

size_t
emu_host_resident_bytes(void)
{
   FILE *f = fopen("/proc/self/statm", "r");
   unsigned long size = 0;
   unsigned long resident = 0;

   if (f == NULL) {
      return 0;
   }
   if (fscanf(f, "%lu %lu", &size, &resident) != 2) {
      resident = 0;
   }
   fclose(f);
   return (size_t)resident * emu_host_page_size();
}

/* Process. */

void
emu_host_exit(int code)
{
   fflush(stdout);
   fflush(stderr);
   _exit(code);
}

void
emu_host_abort(void)
{
   fflush(stdout);
   fflush(stderr);
   abort();
}

const char *
emu_host_getenv(const char *name)
{
   return getenv(name);
}

void
emu_host_write_err(const char *buf, size_t len)
{
   while (len > 0) {
      ssize_t n = write(STDERR_FILENO, buf, len);

      if (n < 0) {
         if (errno == EINTR) {
            continue;
         }
         return;
      }
      buf += n;
      len -= (size_t)n;
   }
}

void
emu_host_vprint_err(const char *fmt, va_list ap)
{
   char buf[2048];
   int n = vsnprintf(buf, sizeof buf, fmt, ap);

   if (n < 0) {
      return;
   }
   if ((size_t)n >= sizeof buf) {
      n = (int)sizeof buf - 1;
   }
   emu_host_write_err(buf, (size_t)n);
}

void
emu_host_print_err(const char *fmt, ...)
{
   va_list ap;

   va_start(ap, fmt);
   emu_host_vprint_err(fmt, ap);
   va_end(ap);
}

/* Stacks and symbols. */

int
emu_host_backtrace(void **pcs, int max, int skip)
{
   void *tmp[64];
   int n;
   int i;

   if (max <= 0) {
      return 0;
   }
   n = backtrace(tmp, 64);
   skip++;                        /* this frame */
   if (n <= skip) {
      return 0;
   }
   n -= skip;
   if (n > max) {
      n = max;
   }
   for (i = 0; i < n; i++) {
      pcs[i] = tmp[i + skip];
   }
   return n;
}

/*
 * file:line through addr2line on the object that holds pc; used only when a
 * report is printed, never on a fast path.
 */
static int
host_addr2line(const char *object, uintptr_t offset, char *buf, size_t len)
{
   char cmd[1024];
   char line[512];
   FILE *p;
   int ok = 0;

   if (strchr(object, '\'') != NULL) {
      return 0;
   }
   snprintf(cmd, sizeof cmd, "addr2line -e '%s' 0x%lx 2>/dev/null", object,
            (unsigned long)offset);
   p = popen(cmd, "r");
   if (p == NULL) {
      return 0;
   }
   if (fgets(line, sizeof line, p) != NULL && line[0] != '?') {
      line[strcspn(line, "\n")] = '\0';
      snprintf(buf, len, "%s", line);
      ok = 1;
   }
   pclose(p);
   return ok;
}

void
emu_host_symbolize(const void *pc, char *buf, size_t len, int lines)
{
   Dl_info info;
   char where[512];
   const char *obj;

   if (len == 0) {
      return;
   }
   if (pc == NULL) {
      snprintf(buf, len, "(unknown)");
      return;
   }
   if (dladdr(pc, &info) == 0) {
      snprintf(buf, len, "%p", pc);
      return;
   }
   obj = info.dli_fname != NULL ? info.dli_fname : "?";
   if (info.dli_sname != NULL) {
      snprintf(buf, len, "%s+0x%lx (%s)", info.dli_sname,
               (unsigned long)((uintptr_t)pc - (uintptr_t)info.dli_saddr),
               strrchr(obj, '/') != NULL ? strrchr(obj, '/') + 1 : obj);
   } else {
      snprintf(buf, len, "%p (%s)", pc,
               strrchr(obj, '/') != NULL ? strrchr(obj, '/') + 1 : obj);
   }
   /* The return address points after the call; step back into it. */
   if (lines && host_addr2line(obj, (uintptr_t)pc - 1 -
                               (uintptr_t)info.dli_fbase, where,
                               sizeof where)) {
      size_t used = strlen(buf);

      snprintf(buf + used, len - used, " at %s", where);
   }
}
