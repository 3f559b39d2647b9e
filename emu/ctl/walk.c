/*
 * walk.c -- EmuCtl_WalkFailures: visit every error path of a function.
 *
 * Theory.  A driver's error paths are reached when one of its allocation-
 * like calls fails.  Which calls a driver makes is only known by running
 * it, so the walker runs the function under test repeatedly and, in each
 * pass, lets the fault engine (core/fault.c, walk mode) fail exactly one
 * call: the first one made from a call site (a return address) that no
 * earlier pass has failed.  A pass in which no new site is reached ends the
 * walk; by then every site the function can reach while the sites before
 * it succeed has failed once.  (Sites that only run after another site
 * failed -- code inside an error path -- are reached too: the pass that
 * fails the outer site runs them with nothing else failing, and the next
 * pass fails them.)
 *
 * Each pass is judged by what it leaves behind: the number of live
 * resources of every kind (core/rsrc.c) and an optional caller probe must
 * be what they were before the pass, and no report may be raised.  Reports
 * are counted, not fatal, while the walk runs.  In fork mode each pass runs
 * in a child process; the child tells its parent the site it failed the
 * moment the failure is decided (so a crash right after it is still
 * attributed) and the outcome when fn returns.  A child that dies of a
 * signal, or hangs past a minute, marks its site as crashed.  Fork mode is
 * for single-threaded code under test: threads other than the caller's do
 * not exist in the child.
 */
#include "emuctl.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "api/api.h"
#include "core/fault.h"
#include "core/options.h"
#include "core/report.h"
#include "core/rsrc.h"
#include "ctl/ctl.h"

#define WALK_DEFAULT_PASSES 10000
#define WALK_CHILD_TIMEOUT_MS 60000

/* What a forked pass tells its parent. */
typedef struct walk_msg {
   int               wm_type;      /* WALK_MSG_* */
   const void       *wm_site;
   emu_fault_class_t wm_cls;
   VMK_ReturnStatus  wm_status;
   int64_t           wm_leaked;
   uint64_t          wm_reports;
} walk_msg_t;

enum { WALK_MSG_SITE = 1, WALK_MSG_DONE = 2 };

static int walk_busy;
static int walk_pipe = -1;       /* write end, in a forked child */

static uint64_t
walk_live(const EmuCtl_WalkProps *p, void *arg)
{
   uint64_t n = emu_rsrc_count(EMU_RSRC_ANY, -1);

   if (p->probe != NULL) {
      n += p->probe(arg);
   }
   return n;
}

static void
walk_write(const walk_msg_t *m)
{
   const char *b = (const char *)m;
   size_t left = sizeof *m;

   while (left > 0) {
      ssize_t n = write(walk_pipe, b, left);

      if (n < 0 && errno == EINTR) {
         continue;
      }
      if (n <= 0) {
         return;
      }
      b += n;
      left -= (size_t)n;
   }
}

/* Called by the fault engine in a forked pass as soon as it fails a call. */
static void
walk_child_hook(const void *site, emu_fault_class_t cls)
{
   walk_msg_t m;

   memset(&m, 0, sizeof m);
   m.wm_type = WALK_MSG_SITE;
   m.wm_site = site;
   m.wm_cls = cls;
   walk_write(&m);
}

/* One pass in this process: fn's status, leak delta and report count. */
static void
walk_pass(EmuCtl_WalkFn fn, void *arg, const EmuCtl_WalkProps *p, int arm,
          walk_msg_t *out)
{
   uint64_t live0 = walk_live(p, arg);
   uint64_t rep0 = emu_report_count(EMU_RPT_NONE);

   if (arm) {
      emu_fault_walk_run();
   }
   out->wm_status = fn(arg);
   emu_fault_walk_hold();
   out->wm_leaked = (int64_t)(walk_live(p, arg) - live0);
   out->wm_reports = emu_report_count(EMU_RPT_NONE) - rep0;
   out->wm_site = NULL;
   out->wm_cls = EMU_FAULT_ANY;
   emu_fault_walk_result(&out->wm_site, &out->wm_cls);
}

/*
 * One pass in a child.  Returns 1 when a site was failed (filled in), 0
 * when the child finished without failing anything.  *sig is the signal
 * that ended the child, or 0.
 */
static int
walk_pass_forked(EmuCtl_WalkFn fn, void *arg, const EmuCtl_WalkProps *p,
                 int arm, walk_msg_t *out, int *sig)
{
   int fds[2];
   pid_t pid;
   walk_msg_t m;
   int status = 0;
   int got_site = 0;
   int done = 0;
   size_t have = 0;
   char *buf = (char *)&m;

   *sig = 0;
   memset(out, 0, sizeof *out);
   out->wm_status = VMK_FAILURE;
   if (pipe(fds) != 0) {
      return -1;
   }
   fflush(stdout);
   fflush(stderr);
   pid = fork();
   if (pid < 0) {
      close(fds[0]);
      close(fds[1]);
      return -1;
   }
   if (pid == 0) {
      static const int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT };
      walk_msg_t r;
      unsigned i;

      /* A test framework's crash handlers would carry on in the child. */
      for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
         signal(sigs[i], SIG_DFL);
      }
      close(fds[0]);
      walk_pipe = fds[1];
      memset(&r, 0, sizeof r);
      walk_pass(fn, arg, p, arm, &r);
      r.wm_type = WALK_MSG_DONE;
      walk_write(&r);
      _exit(0);
   }
   close(fds[1]);
   for (;;) {
      struct pollfd pfd = { .fd = fds[0], .events = POLLIN };
      int rc = poll(&pfd, 1, WALK_CHILD_TIMEOUT_MS);
      ssize_t n;

      if (rc < 0 && errno == EINTR) {
         continue;
      }
      if (rc == 0) {
         kill(pid, SIGKILL);
         break;
      }
      n = read(fds[0], buf + have, sizeof m - have);
      if (n < 0 && errno == EINTR) {
         continue;
      }
      if (n <= 0) {
         break;
      }
      have += (size_t)n;
      if (have < sizeof m) {
         continue;
      }
      have = 0;
      if (m.wm_type == WALK_MSG_SITE) {
         got_site = 1;
         out->wm_site = m.wm_site;
         out->wm_cls = m.wm_cls;
      } else if (m.wm_type == WALK_MSG_DONE) {
         done = 1;
         out->wm_status = m.wm_status;
         out->wm_leaked = m.wm_leaked;
         out->wm_reports = m.wm_reports;
         if (m.wm_site != NULL) {
            got_site = 1;
            out->wm_site = m.wm_site;
            out->wm_cls = m.wm_cls;
         }
      }
   }
   close(fds[0]);
   while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
   }
   if (WIFSIGNALED(status)) {
      *sig = WTERMSIG(status);
   } else if (!done) {
      *sig = SIGKILL;      /* hung, or exited without finishing the pass */
   }
   if (got_site) {
      emu_fault_walk_note_site(out->wm_site);
   }
   return got_site;
}

static void
walk_print(const EmuCtl_WalkSite *s)
{
   char what[160];
   size_t used = 0;

   what[0] = '\0';
   if (s->signal != 0) {
      used += (size_t)snprintf(what + used, sizeof what - used,
                               " crashed (signal %d)", s->signal);
   }
   if (s->leaked != 0 && used < sizeof what) {
      used += (size_t)snprintf(what + used, sizeof what - used,
                               " left %lld resource(s) behind",
                               (long long)s->leaked);
   }
   if (s->reports != 0 && used < sizeof what) {
      snprintf(what + used, sizeof what - used, " raised %llu report(s)",
               (unsigned long long)s->reports);
   }
   emu_host_print_err("vmkemu walk: failing %s:%s (returned %s)\n",
                      s->site != NULL ? s->where : "nothing", what,
                      vmk_StatusToString(s->status));
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_WalkFailures(EmuCtl_WalkFn fn, void *arg, const EmuCtl_WalkProps *props,
                    EmuCtl_WalkSite *sites, vmk_uint32 maxSites,
                    EmuCtl_WalkResult *result)
{
   EmuCtl_WalkProps p;
   EmuCtl_WalkResult res;
   struct emu_options saved;
   uint32_t limit;
   int any_bad = 0;

   if (result != NULL) {
      memset(result, 0, sizeof *result);
   }
   if (!EmuCtl_IsRunning()) {
      return VMK_NOT_INITIALIZED;
   }
   if (fn == NULL) {
      return VMK_BAD_PARAM;
   }
   if (__atomic_exchange_n(&walk_busy, 1, __ATOMIC_ACQ_REL)) {
      return VMK_BUSY;
   }
   memset(&p, 0, sizeof p);
   if (props != NULL) {
      p = *props;
   }
   limit = p.maxPasses != 0 ? p.maxPasses : WALK_DEFAULT_PASSES;
   memset(&res, 0, sizeof res);

   /* Other injection policies would blur which site a pass failed. */
   saved = emu_opt;
   emu_opt.fail_nth = 0;
   emu_opt.fail_every = 0;
   emu_opt.fail_permille = 0;
   emu_opt.fail_sites = 0;
   emu_opt.report_continue = 1;
   emu_fault_rearm();
   emu_fault_walk_begin((emu_fault_class_t)p.cls,
                        (p.flags & EMUCTL_WALK_FORK) ? walk_child_hook : NULL);

   while (res.passes < limit) {
      EmuCtl_WalkSite s;
      walk_msg_t m;
      int first = res.passes == 0;
      int fired;

      memset(&s, 0, sizeof s);
      memset(&m, 0, sizeof m);
      if (p.flags & EMUCTL_WALK_FORK) {
         fired = walk_pass_forked(fn, arg, &p, !first, &m, &s.signal);
         if (fired < 0) {
            break;
         }
      } else {
         walk_pass(fn, arg, &p, !first, &m);
         fired = m.wm_site != NULL;
      }
      res.passes++;
      if (!first && !fired && s.signal == 0) {
         res.complete = VMK_TRUE;
         break;
      }
      s.site = m.wm_site;
      s.cls = (EmuCtl_AllocClass)m.wm_cls;
      s.status = m.wm_status;
      s.leaked = m.wm_leaked;
      s.reports = m.wm_reports;
      if (s.site != NULL) {
         emu_host_symbolize(s.site, s.where, sizeof s.where, 1);
      } else {
         snprintf(s.where, sizeof s.where, "nothing (first pass)");
      }
      if (!first) {
         res.sites++;
      }
      if (s.signal != 0 || s.leaked != 0 || s.reports != 0) {
         any_bad = 1;
         if (!first) {
            res.badSites++;
         }
         if (!(p.flags & EMUCTL_WALK_QUIET)) {
            walk_print(&s);
         }
      }
      if (!first && sites != NULL && res.sites <= maxSites) {
         sites[res.sites - 1] = s;
      }
   }

   emu_fault_walk_end();
   emu_opt = saved;
   emu_fault_rearm();
   __atomic_store_n(&walk_busy, 0, __ATOMIC_RELEASE);
   if (result != NULL) {
      *result = res;
   }
   if (!res.complete) {
      return VMK_LIMIT_EXCEEDED;
   }
   return any_bad ? VMK_FAILURE : VMK_OK;
}
