/*
 * panic.c -- what vmk_Panic does on the simulated host.
 *
 * 1. Model.  On ESX a panic stops the machine; nothing after it runs.  Here
 *    a panic never returns into the driver either, and ends in one of three
 *    ways, checked in this order:
 *    (a) expected: a test armed its thread with EmuCtl_ExpectPanic(&env)
 *        and called setjmp(env).  The panic is recorded as a report (kind
 *        ASSERT when the message comes from the VMK_ASSERT family, PANIC
 *        otherwise), the thread's module ID stack and non-blocking depth
 *        are put back as they were when it was armed, the arming is
 *        dropped, and control longjmps to env with the kind as value.  What
 *        the driver held at that moment (locks, allocations) stays held:
 *        a test that expects a panic should expect to clean up after it.
 *    (b) a handler is installed (emutest's fixtures install one that fails
 *        the running CMocka test with the panic message) and the panic is
 *        on the thread that installed it: the report is recorded, then the
 *        handler runs; it must not return (CMocka's failure longjmps).
 *    (c) otherwise, e.g. under `vmkemu load`: the panic message, module,
 *        world and a symbolized backtrace are printed and the process
 *        exits with EMU_PANIC_EXIT_CODE (87), distinct from the report
 *        channel's 86 so scripts can tell "the driver panicked" from "the
 *        emulator caught a driver bug".
 *
 * 2. Kinds: VMK_ASSERT_PANIC formats "Failed at %s:%d -- ..."; a panic whose
 *    format starts so is an ASSERT report, any other a PANIC report.
 *
 * 3. State: the arming (jmp_buf pointer plus what to restore) is
 *    thread-local; handler and history are global under pn_lock.
 */
#include "panic.h"

#include <stdio.h>
#include <string.h>

#include "../core/block.h"
#include "../core/options.h"
#include "module.h"

#define PANIC_ASSERT_PREFIX "Failed at "

struct panic_arm {
   jmp_buf          *pa_env;
   emu_mod_frame_t  *pa_stack;       /* module ID stack when armed */
   unsigned          pa_depth;       /* non-blocking depth when armed */
   const char       *pa_why;
};

static EMU_HOST_THREAD_LOCAL struct panic_arm pn_arm;

static emu_mutex_t pn_lock = EMU_MUTEX_INITIALIZER;
static emu_panic_handler_t pn_handler;
static void *pn_handler_arg;
static uint64_t pn_handler_thread;
static uint64_t pn_count;
static int pn_have_last;
static emu_panic_info_t pn_last;

void
emu_panic_reset(void)
{
   emu_mutex_lock(&pn_lock);
   pn_handler = NULL;
   pn_handler_arg = NULL;
   pn_count = 0;
   pn_have_last = 0;
   memset(&pn_last, 0, sizeof pn_last);
   emu_mutex_unlock(&pn_lock);
   memset(&pn_arm, 0, sizeof pn_arm);
}

void
emu_panic_expect(jmp_buf *env)
{
   pn_arm.pa_env = env;
   pn_arm.pa_stack = emu_mod_stack_save();
   pn_arm.pa_depth = emu_block.depth;
   pn_arm.pa_why = emu_block.why;
}

void
emu_panic_set_handler(emu_panic_handler_t fn, void *arg)
{
   emu_mutex_lock(&pn_lock);
   pn_handler = fn;
   pn_handler_arg = arg;
   pn_handler_thread = emu_thread_host_id();
   emu_mutex_unlock(&pn_lock);
}

uint64_t
emu_panic_count(void)
{
   uint64_t n;

   emu_mutex_lock(&pn_lock);
   n = pn_count;
   emu_mutex_unlock(&pn_lock);
   return n;
}

int
emu_panic_last(emu_panic_info_t *pi)
{
   int have;

   emu_mutex_lock(&pn_lock);
   have = pn_have_last;
   if (have) {
      *pi = pn_last;
   }
   emu_mutex_unlock(&pn_lock);
   return have ? 0 : -1;
}

/* Record the panic as an expected (so non-fatal) report of its kind. */
static void
panic_record(const emu_panic_info_t *pi, const void *caller)
{
   char mod[EMU_MOD_NAME_MAX];
   emu_report_obj_t obj = { "module", mod, NULL };

   emu_mod_label(pi->pi_module, mod, sizeof mod);
   emu_report_expect(pi->pi_kind);
   emu_report(pi->pi_kind, &obj, caller, "%s", pi->pi_msg);
}

static void
panic_print(const emu_panic_info_t *pi, const void *caller)
{
   void *pcs[48];
   char mod[EMU_MOD_NAME_MAX];
   char world[128];
   char where[512];
   int n;
   int i;

   emu_mod_label(pi->pi_module, mod, sizeof mod);
   emu_report_describe_world(world, sizeof world);
   emu_host_print_err("vmkemu PANIC%s: %s\n",
                      pi->pi_kind == EMU_RPT_ASSERT ? " (assertion)" : "",
                      pi->pi_msg);
   emu_host_print_err("  module: %s (id %d)\n", mod, (int)pi->pi_module);
   emu_host_print_err("  world:  %s\n", world);
   if (caller != NULL) {
      emu_host_symbolize(caller, where, sizeof where, 1);
      emu_host_print_err("  caller: %s\n", where);
   }
   n = emu_host_backtrace(pcs, 48, 2);
   emu_host_print_err("  backtrace:\n");
   for (i = 0; i < n; i++) {
      emu_host_symbolize(pcs[i], where, sizeof where, 1);
      emu_host_print_err("    #%-2d %s\n", i, where);
   }
}

void
emu_panic_raise(int32_t module, const void *caller, const char *fmt,
                va_list ap)
{
   emu_panic_info_t pi;
   emu_panic_handler_t handler;
   void *harg;
   uint64_t hthread;

   memset(&pi, 0, sizeof pi);
   pi.pi_module = module;
   pi.pi_kind = fmt != NULL &&
      strncmp(fmt, PANIC_ASSERT_PREFIX, strlen(PANIC_ASSERT_PREFIX)) == 0
      ? EMU_RPT_ASSERT : EMU_RPT_PANIC;
   if (fmt != NULL) {
      vsnprintf(pi.pi_msg, sizeof pi.pi_msg, fmt, ap);
   } else {
      snprintf(pi.pi_msg, sizeof pi.pi_msg, "(no message)");
   }
   /* Drop a trailing newline: the message is embedded in other lines. */
   if (pi.pi_msg[0] != '\0' && pi.pi_msg[strlen(pi.pi_msg) - 1] == '\n') {
      pi.pi_msg[strlen(pi.pi_msg) - 1] = '\0';
   }
   emu_mutex_lock(&pn_lock);
   pn_count++;
   pn_last = pi;
   pn_have_last = 1;
   handler = pn_handler;
   harg = pn_handler_arg;
   hthread = pn_handler_thread;
   emu_mutex_unlock(&pn_lock);

   if (pn_arm.pa_env != NULL) {                          /* (a) */
      jmp_buf *env = pn_arm.pa_env;

      panic_record(&pi, caller);
      emu_mod_stack_restore(pn_arm.pa_stack);
      emu_block.depth = pn_arm.pa_depth;
      emu_block.why = pn_arm.pa_why;
      memset(&pn_arm, 0, sizeof pn_arm);
      longjmp(*env, (int)pi.pi_kind);
   }
   if (handler != NULL && hthread == emu_thread_host_id()) { /* (b) */
      panic_record(&pi, caller);
      handler(pi.pi_msg, harg);
      emu_host_print_err("vmkemu: the panic handler returned\n");
   }
   panic_print(&pi, caller);                             /* (c) */
   emu_host_print_err("vmkemu: stopping after the panic above (exit %d)\n",
                      EMU_PANIC_EXIT_CODE);
   emu_host_exit(EMU_PANIC_EXIT_CODE);
}
