/*
 * stress.c -- stress options.
 *
 * 1. Model.  ESX has a fixed set of named stress options, each an unsigned
 *    value that is 0 (off) unless someone turned it on; drivers open one by
 *    name and poll it to decide whether to run their stress code paths.
 *    Here the names are the VMK_STRESS_OPT_* ones of the public header and
 *    the values are set by tests (EmuCtl_StressOptionSet); every value is 0
 *    after EmuCtl_Init.
 * 2. Handles are the option's index + 1 (0 is never valid).  Each option
 *    counts its opens; closing a handle that is not open is BAD_PARAM.
 * 3. Randomness (vmk_StressOptionCounter hits with probability 1/N,
 *    vmk_StressOptionRandValue draws below N) comes from one xorshift64*
 *    generator seeded with the fail_seed option, printed on first use, so a
 *    run can be repeated.
 * 4. Locking: st_lock protects everything; never held across a call out.
 */
#include "stress.h"

#include <string.h>

#include "../core/log.h"
#include "../core/options.h"
#include "../host/host.h"

static const char *const st_names[] = {
   "NetBlockDevIsSluggish", "NetGenTinyArpRarp", "NetIfCorruptEthHdr",
   "NetIfCorruptRxData", "NetIfCorruptRxTcpUdp", "NetIfCorruptTx",
   "NetIfFailHardTx", "NetIfFailRx", "NetIfFailTxAndStopQueue",
   "NetIfForceHighDMAOverflow", "NetIfForceRxSWCsum",
   "NetNapiForceBackupWorldlet", "ScsiAdapterIssueFail",
   "USBBulkDelayProcessURB", "USBBulkURBFakeTransientError",
   "USBDelayProcessTD", "USBFailGPHeapAlloc",
   "USBStorageDelaySCSIDataPhase", "USBStorageDelaySCSITransfer",
   "VmkLinuxAbortCmdFailure", "VmkLinuxDropCmdScsiDone",
};
#define ST_COUNT (sizeof st_names / sizeof st_names[0])

static emu_mutex_t st_lock = EMU_MUTEX_INITIALIZER;
static uint32_t st_values[ST_COUNT];
static uint32_t st_opens[ST_COUNT];
static uint64_t st_rng;
static int st_seeded;

void
emu_stress_reset(void)
{
   emu_mutex_lock(&st_lock);
   memset(st_values, 0, sizeof st_values);
   memset(st_opens, 0, sizeof st_opens);
   st_seeded = 0;
   emu_mutex_unlock(&st_lock);
}

static int
st_index(const char *name)
{
   unsigned i;

   if (name == NULL) {
      return -1;
   }
   for (i = 0; i < ST_COUNT; i++) {
      if (strcmp(st_names[i], name) == 0) {
         return (int)i;
      }
   }
   return -1;
}

/* => st_lock held.  Uniform below n (n > 0). */
static uint32_t
st_random_below(uint32_t n)
{
   if (!st_seeded) {
      st_rng = emu_opt.fail_seed != 0 ? emu_opt.fail_seed
                                      : 0x9e3779b97f4a7c15ull;
      st_seeded = 1;
      emu_log(EMU_LOG_INFO, NULL, "stress options draw from seed %llu "
              "(set fail_seed to repeat)", (unsigned long long)st_rng);
   }
   st_rng ^= st_rng >> 12;
   st_rng ^= st_rng << 25;
   st_rng ^= st_rng >> 27;
   return (uint32_t)(((st_rng * 0x2545f4914f6cdd1dull) >> 32) % n);
}

emu_status_t
emu_stress_open(const char *name, uint64_t *handle)
{
   int i = st_index(name);

   if (i < 0 || handle == NULL) {
      return EMU_NOTFOUND;
   }
   emu_mutex_lock(&st_lock);
   st_opens[i]++;
   emu_mutex_unlock(&st_lock);
   *handle = (uint64_t)i + 1;
   return EMU_OK;
}

/* => st_lock held. */
static int
st_open_index(uint64_t handle)
{
   if (handle == 0 || handle > ST_COUNT || st_opens[handle - 1] == 0) {
      return -1;
   }
   return (int)(handle - 1);
}

emu_status_t
emu_stress_close(uint64_t handle)
{
   int i;

   emu_mutex_lock(&st_lock);
   i = st_open_index(handle);
   if (i >= 0) {
      st_opens[i]--;
   }
   emu_mutex_unlock(&st_lock);
   return i >= 0 ? EMU_OK : EMU_BADHANDLE;
}

emu_status_t
emu_stress_value(uint64_t handle, uint32_t *value)
{
   int i;

   emu_mutex_lock(&st_lock);
   i = st_open_index(handle);
   if (i >= 0) {
      *value = st_values[i];
   }
   emu_mutex_unlock(&st_lock);
   return i >= 0 ? EMU_OK : EMU_BADHANDLE;
}

emu_status_t
emu_stress_counter(uint64_t handle, int *hit)
{
   int i;

   emu_mutex_lock(&st_lock);
   i = st_open_index(handle);
   if (i >= 0) {
      *hit = st_values[i] != 0 && st_random_below(st_values[i]) == 0;
   }
   emu_mutex_unlock(&st_lock);
   return i >= 0 ? EMU_OK : EMU_BADHANDLE;
}

emu_status_t
emu_stress_rand(uint64_t handle, uint32_t *value)
{
   int i;

   emu_mutex_lock(&st_lock);
   i = st_open_index(handle);
   if (i >= 0) {
      *value = st_values[i] != 0 ? st_random_below(st_values[i]) : 0;
   }
   emu_mutex_unlock(&st_lock);
   return i >= 0 ? EMU_OK : EMU_BADHANDLE;
}

emu_status_t
emu_stress_set(const char *name, uint32_t value)
{
   int i = st_index(name);

   if (i < 0) {
      return EMU_NOTFOUND;
   }
   emu_mutex_lock(&st_lock);
   st_values[i] = value;
   emu_mutex_unlock(&st_lock);
   return EMU_OK;
}

emu_status_t
emu_stress_get(const char *name, uint32_t *value)
{
   int i = st_index(name);

   if (i < 0 || value == NULL) {
      return EMU_NOTFOUND;
   }
   emu_mutex_lock(&st_lock);
   *value = st_values[i];
   emu_mutex_unlock(&st_lock);
   return EMU_OK;
}
