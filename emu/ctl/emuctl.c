/*
 * emuctl.c -- EmuCtl_*: starting, stopping and steering the simulated host.
 *
 * Start-up order: options (defaults, then VMKEMU_DEBUG read once, then the
 * caller's props), then each engine in dependency order through
 * emu_ctl_engines[] (core-level engines first).  Shutdown runs them in
 * reverse after listing every resource still registered; a non-empty list
 * makes EmuCtl_Shutdown return VMK_BUSY so test fixtures fail the group.
 * Nothing starts lazily: calling the API before EmuCtl_Init is a MISUSE
 * report from the engine that notices it.
 */
#include "emuctl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "core/fault.h"
#include "core/log.h"
#include "core/options.h"
#include "core/report.h"
#include "core/rsrc.h"
#include "ctl/ctl.h"
#include "world/time.h"

EMU_STATIC_ASSERT_CTL((int)EMUCTL_REPORT_COUNT == (int)EMU_RPT_COUNT,
                      "report kinds out of step");
EMU_STATIC_ASSERT_CTL((int)EMUCTL_RSRC_COUNT == (int)EMU_RSRC_COUNT,
                      "resource kinds out of step");
EMU_STATIC_ASSERT_CTL((int)EMUCTL_ALLOC_OTHER == (int)EMU_FAULT_OTHER,
                      "allocation classes out of step");
EMU_STATIC_ASSERT_CTL(EMUCTL_REPORT_EXIT_CODE == EMU_REPORT_EXIT_CODE,
                      "report exit code out of step");

static int ctl_running;
static emu_mutex_t ctl_lock = EMU_MUTEX_INITIALIZER;
struct emu_ctl_config emu_ctl_config;

static uint64_t
ctl_parse_size(const char *s)
{
   char *end;
   uint64_t v = strtoull(s, &end, 0);

   switch (*end) {
   case 'k': case 'K': v <<= 10; break;
   case 'm': case 'M': v <<= 20; break;
   case 'g': case 'G': v <<= 30; break;
   default: break;
   }
   return v;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_Init(const EmuCtl_InitProps *props)
{
   const char *env;
   unsigned i;

   emu_mutex_lock(&ctl_lock);
   if (ctl_running) {
      emu_mutex_unlock(&ctl_lock);
      return VMK_EXISTS;
   }
   emu_options_reset();
   emu_report_reset();
   memset(&emu_ctl_config, 0, sizeof emu_ctl_config);
   emu_ctl_config.machine_mem = 1ull << 30;
   env = emu_host_getenv("VMKEMU_MACHINE_MEM");
   if (env != NULL && ctl_parse_size(env) != 0) {
      emu_ctl_config.machine_mem = ctl_parse_size(env);
   }
   env = emu_host_getenv("VMKEMU_DEBUG");
   if (env != NULL && emu_options_parse(env) != EMU_OK) {
      emu_mutex_unlock(&ctl_lock);
      return VMK_BAD_PARAM;
   }
   if (props != NULL) {
      if (props->machineMemBytes != 0) {
         emu_ctl_config.machine_mem = props->machineMemBytes;
      }
      emu_ctl_config.num_pcpus = props->numPCPUs;
      if (props->debugOptions != NULL &&
          emu_options_parse(props->debugOptions) != EMU_OK) {
         emu_mutex_unlock(&ctl_lock);
         return VMK_BAD_PARAM;
      }
   }
   for (i = 0; i < emu_ctl_nengines; i++) {
      emu_status_t st = emu_ctl_engines[i].init();

      if (st != EMU_OK) {
         while (i-- > 0) {
            emu_ctl_engines[i].fini();
         }
         emu_mutex_unlock(&ctl_lock);
         return emu_api_status(st);
      }
   }
   emu_ctl_san_install();
   ctl_running = 1;
   emu_mutex_unlock(&ctl_lock);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_Shutdown(void)
{
   uint64_t leaked;
   unsigned i;

   emu_mutex_lock(&ctl_lock);
   if (!ctl_running) {
      emu_mutex_unlock(&ctl_lock);
      return VMK_NOT_INITIALIZED;
   }
   /* ESXi runs reboot handlers on the way down; they may free things. */
   (void)emu_api_system_reboot();
   EmuCtl_ConfigReset();
   /* A one-shot timer that just fired is freed once its callback returns;
    * it is not a leak. */
   emu_timer_quiesce();
   leaked = emu_rsrc_count(EMU_RSRC_ANY, -1);
   if (leaked != 0) {
      emu_host_print_err("vmkemu: %llu resource(s) still live at "
                         "shutdown:\n", (unsigned long long)leaked);
      emu_rsrc_dump(EMU_RSRC_ANY, -1, "  leaked ");
   }
   for (i = emu_ctl_nengines; i-- > 0;) {
      emu_ctl_engines[i].fini();
   }
   emu_rsrc_forget_all();
   emu_fault_fail_nth(EMU_FAULT_ANY, 0);
   emu_fault_reset_sites();
   emu_options_reset();
   ctl_running = 0;
   emu_mutex_unlock(&ctl_lock);
   return leaked != 0 ? VMK_BUSY : VMK_OK;
}

EMU_EXPORT vmk_Bool
EmuCtl_IsRunning(void)
{
   return ctl_running ? VMK_TRUE : VMK_FALSE;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_SetOption(const char *name, const char *value)
{
   return emu_api_status(emu_options_set(name, value));
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_GetOption(const char *name, char *buf, vmk_uint32 len)
{
   return emu_api_status(emu_options_get(name, buf, len));
}

EMU_EXPORT void
EmuCtl_PrintOptions(void)
{
   emu_options_print();
}

EMU_EXPORT void
EmuCtl_ExpectReport(EmuCtl_ReportKind kind)
{
   emu_report_expect((emu_report_kind_t)kind);
}

EMU_EXPORT int
EmuCtl_CheckReports(void)
{
   char why[1024];
   int unmet = emu_report_check(why, sizeof why);

   if (unmet != 0) {
      emu_host_print_err("vmkemu: %s\n", why);
   }
   return unmet;
}

EMU_EXPORT vmk_uint64
EmuCtl_ReportCount(EmuCtl_ReportKind kind)
{
   return emu_report_count((emu_report_kind_t)kind);
}

EMU_EXPORT void
EmuCtl_LastReport(char *buf, vmk_uint32 len)
{
   emu_report_last(buf, len);
}

EMU_EXPORT const char *
EmuCtl_ReportKindName(EmuCtl_ReportKind kind)
{
   return emu_report_kind_name((emu_report_kind_t)kind);
}

EMU_EXPORT void
EmuCtl_FailNthAlloc(EmuCtl_AllocClass cls, vmk_uint64 n)
{
   emu_fault_fail_nth((emu_fault_class_t)cls, n);
}

EMU_EXPORT vmk_uint64
EmuCtl_AllocCalls(EmuCtl_AllocClass cls)
{
   return emu_fault_calls((emu_fault_class_t)cls);
}

EMU_EXPORT vmk_uint64
EmuCtl_FailuresInjected(void)
{
   return emu_fault_injected();
}

EMU_EXPORT vmk_uint64
EmuCtl_LiveResources(EmuCtl_ResourceKind kind)
{
   return emu_rsrc_count((emu_rsrc_kind_t)kind, -1);
}

EMU_EXPORT vmk_uint64
EmuCtl_DumpResources(EmuCtl_ResourceKind kind)
{
   return emu_rsrc_dump((emu_rsrc_kind_t)kind, -1, "  live ");
}

EMU_EXPORT void
EmuCtl_LogCaptureStart(void)
{
   emu_log_capture_start();
}

EMU_EXPORT void
EmuCtl_LogCaptureStop(void)
{
   emu_log_capture_stop();
}

EMU_EXPORT const char *
EmuCtl_LogCaptured(void)
{
   return emu_log_captured();
}

EMU_EXPORT const char *
EmuCtl_Version(void)
{
   return PACKAGE_VERSION;
}
