/*
 * bench_insns.h -- user-mode instructions retired per loop iteration, for
 * the benchmarks (header only).
 *
 * Prefers the hardware counter (perf_event_open).  Where the host does not
 * offer it (virtual machines, perf_event_paranoid), it counts exactly by
 * single-stepping a forked copy of the process with ptrace: the child runs
 * fn(arg, n) and fn(arg, 2n) between stops, and the difference of the two
 * step counts divided by n is the cost of one iteration with every fixed
 * cost (the stops, the call) cancelled.  Keep n small (a few thousand):
 * each step is a round trip through the kernel.
 */
#ifndef BENCH_INSNS_H
#define BENCH_INSNS_H

#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <linux/perf_event.h>
#include <sys/ioctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static int
bench_insn_counter_open(void)
{
   struct perf_event_attr a;

   memset(&a, 0, sizeof a);
   a.type = PERF_TYPE_HARDWARE;
   a.size = sizeof a;
   a.config = PERF_COUNT_HW_INSTRUCTIONS;
   a.disabled = 1;
   a.exclude_kernel = 1;
   a.exclude_hv = 1;
   return (int)syscall(__NR_perf_event_open, &a, 0, -1, -1, 0);
}

/* Steps from the child's current stop to its next SIGSTOP (or exit). */
static long
bench_steps_to_stop(pid_t pid, int *exited)
{
   long steps = 0;
   int status;

   for (;;) {
      if (ptrace(PTRACE_SINGLESTEP, pid, NULL, NULL) != 0) {
         *exited = 1;
         return steps;
      }
      if (waitpid(pid, &status, 0) != pid || WIFEXITED(status) ||
          WIFSIGNALED(status)) {
         *exited = 1;
         return steps;
      }
      if (WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP) {
         return steps;
      }
      steps++;
   }
}

static double
bench_insns_stepped(void (*fn)(void *, long), void *arg, long n)
{
   int exited = 0;
   long a;
   long b;
   int status;
   pid_t pid = fork();

   if (pid < 0) {
      return -1;
   }
   if (pid == 0) {
      if (ptrace(PTRACE_TRACEME, 0, NULL, NULL) != 0) {
         _exit(1);
      }
      raise(SIGSTOP);
      fn(arg, n);
      raise(SIGSTOP);
      fn(arg, 2 * n);
      raise(SIGSTOP);
      _exit(0);
   }
   if (waitpid(pid, &status, 0) != pid || !WIFSTOPPED(status)) {
      return -1;
   }
   a = bench_steps_to_stop(pid, &exited);
   b = exited ? 0 : bench_steps_to_stop(pid, &exited);
   kill(pid, SIGKILL);
   ptrace(PTRACE_DETACH, pid, NULL, NULL);
   waitpid(pid, &status, 0);
   if (exited || b <= a) {
      return -1;
   }
   return (double)(b - a) / (double)n;
}

/*
 * Instructions per iteration of fn(arg, n); -1 when neither method works.
 * n is the iteration count for the hardware counter; single-stepping uses
 * at most 300.
 */
static double
bench_insns_per(void (*fn)(void *, long), void *arg, long n)
{
   int fd = bench_insn_counter_open();
   uint64_t v = 0;

   if (fd < 0) {
      return bench_insns_stepped(fn, arg, n < 300 ? n : 300);
   }
   ioctl(fd, PERF_EVENT_IOC_RESET, 0);
   ioctl(fd, PERF_EVENT_IOC_ENABLE, 0);
   fn(arg, n);
   ioctl(fd, PERF_EVENT_IOC_DISABLE, 0);
   if (read(fd, &v, sizeof v) != sizeof v) {
      v = 0;
   }
   close(fd);
   return v == 0 ? -1 : (double)v / (double)n;
}

#endif
