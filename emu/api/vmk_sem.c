/*
 * vmk_sem.c -- vmk_Sema* and vmk_RWSema* over the semaphore engine (sem.c).
 */
#include "api.h"

#include "core/block.h"
#include "world/sem.h"

#define SEM_OF(p)   ((struct emu_sem *)*(p))
#define RWSEM_OF(p) ((struct emu_rwsem *)*(p))

static VMK_ReturnStatus
sem_create(vmk_Semaphore *sema, const char *name, vmk_int32 value,
           int binary, const void *caller)
{
   struct emu_sem *s;
   emu_status_t st;

   EMU_MAY_BLOCK();
   if (sema == NULL || value < 0) {
      return VMK_BAD_PARAM;
   }
   st = emu_sem_create(name, value, binary, caller, &s);
   if (st != EMU_OK) {
      return emu_api_status(st);
   }
   *sema = (vmk_Semaphore)s;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_SemaCreate(vmk_Semaphore *sema, vmk_ModuleID moduleID, const char *name,
               vmk_int32 value)
{
   (void)moduleID;
   return sem_create(sema, name, value, 0, EMU_CALLER());
}

EMU_EXPORT VMK_ReturnStatus
vmk_BinarySemaCreate(vmk_Semaphore *sema, vmk_ModuleID moduleID,
                     const char *name)
{
   (void)moduleID;
   return sem_create(sema, name, 1, 1, EMU_CALLER());
}

/* The semaphore behind a vmk_Semaphore *, or NULL after a report. */
static struct emu_sem *
sem_get(vmk_Semaphore *sema, const char *fn, const void *caller)
{
   struct emu_sem *s = sema != NULL ? SEM_OF(sema) : NULL;

   return emu_sem_check(s, fn, caller) ? s : NULL;
}

EMU_EXPORT void
vmk_SemaDestroy(vmk_Semaphore *sema)
{
   struct emu_sem *s = sem_get(sema, __func__, EMU_CALLER());

   if (s != NULL) {
      emu_sem_destroy(s, EMU_CALLER());
   }
}

EMU_EXPORT void
vmk_SemaLock(vmk_Semaphore *sema)
{
   struct emu_sem *s;

   EMU_MAY_BLOCK();
   s = sem_get(sema, __func__, EMU_CALLER());
   if (s != NULL) {
      emu_sem_down(s);
   }
}

EMU_EXPORT VMK_ReturnStatus
vmk_SemaTryLock(vmk_Semaphore *sema)
{
   struct emu_sem *s = sem_get(sema, __func__, EMU_CALLER());

   if (s == NULL) {
      return VMK_BAD_PARAM;
   }
   return emu_api_status(emu_sem_trydown(s));
}

EMU_EXPORT void
vmk_SemaUnlock(vmk_Semaphore *sema)
{
   struct emu_sem *s = sem_get(sema, __func__, EMU_CALLER());

   if (s != NULL) {
      emu_sem_up(s);
   }
}

EMU_EXPORT void
vmk_SemaAssertHasState(vmk_Semaphore *sema, vmk_Bool locked)
{
   struct emu_sem *s = sem_get(sema, __func__, EMU_CALLER());
   int is_locked;

   if (s == NULL) {
      return;
   }
   is_locked = emu_sem_count(s) <= 0;
   if (is_locked != (locked != VMK_FALSE)) {
      emu_report_obj_t obj = { "semaphore", s->s_name, s };

      emu_report(locked ? EMU_RPT_LOCK_NOT_HELD : EMU_RPT_ASSERT, &obj,
                 EMU_CALLER(), "semaphore '%s' asserted %s but it is %s",
                 s->s_name, locked ? "locked" : "unlocked",
                 is_locked ? "locked" : "unlocked");
   }
}

/* -- reader/writer ----------------------------------------------------- */

EMU_EXPORT VMK_ReturnStatus
vmk_RWSemaCreate(vmk_SemaphoreRW *sema, vmk_ModuleID moduleID,
                 const char *name)
{
   struct emu_rwsem *r;
   emu_status_t st;

   (void)moduleID;
   EMU_MAY_BLOCK();
   if (sema == NULL) {
      return VMK_BAD_PARAM;
   }
   st = emu_rwsem_create(name, EMU_CALLER(), &r);
   if (st != EMU_OK) {
      return emu_api_status(st);
   }
   *sema = (vmk_SemaphoreRW)r;
   return VMK_OK;
}

static struct emu_rwsem *
rwsem_get(vmk_SemaphoreRW *sema, const char *fn, const void *caller)
{
   struct emu_rwsem *r = sema != NULL ? RWSEM_OF(sema) : NULL;

   return emu_rwsem_check(r, fn, caller) ? r : NULL;
}

static void
rwsem_not_held(struct emu_rwsem *r, const char *what, const void *caller)
{
   emu_report_obj_t obj = { "rw semaphore", r->r_name, r };

   emu_report(EMU_RPT_LOCK_NOT_HELD, &obj, caller,
              "rw semaphore '%s': %s", r->r_name, what);
}

EMU_EXPORT void
vmk_RWSemaDestroy(vmk_SemaphoreRW *sema)
{
   struct emu_rwsem *r = rwsem_get(sema, __func__, EMU_CALLER());

   if (r != NULL) {
      emu_rwsem_destroy(r, EMU_CALLER());
   }
}

EMU_EXPORT void
vmk_RWSemaReadLock(vmk_SemaphoreRW *sema)
{
   struct emu_rwsem *r;

   EMU_MAY_BLOCK();
   r = rwsem_get(sema, __func__, EMU_CALLER());
   if (r != NULL) {
      emu_rwsem_read_lock(r);
   }
}

EMU_EXPORT VMK_ReturnStatus
vmk_RWSemaTryReadLock(vmk_SemaphoreRW *sema)
{
   struct emu_rwsem *r = rwsem_get(sema, __func__, EMU_CALLER());

   if (r == NULL) {
      return VMK_BAD_PARAM;
   }
   return emu_api_status(emu_rwsem_try_read_lock(r));
}

EMU_EXPORT void
vmk_RWSemaReadUnlock(vmk_SemaphoreRW *sema)
{
   struct emu_rwsem *r = rwsem_get(sema, __func__, EMU_CALLER());

   if (r != NULL && emu_rwsem_read_unlock(r) != EMU_OK) {
      rwsem_not_held(r, "read unlock with no reader", EMU_CALLER());
   }
}

EMU_EXPORT void
vmk_RWSemaWriteLock(vmk_SemaphoreRW *sema)
{
   struct emu_rwsem *r;

   EMU_MAY_BLOCK();
   r = rwsem_get(sema, __func__, EMU_CALLER());
   if (r != NULL) {
      emu_rwsem_write_lock(r);
   }
}

EMU_EXPORT void
vmk_RWSemaWriteUnlock(vmk_SemaphoreRW *sema)
{
   struct emu_rwsem *r = rwsem_get(sema, __func__, EMU_CALLER());

   if (r != NULL && emu_rwsem_write_unlock(r) != EMU_OK) {
      rwsem_not_held(r, "write unlock by a world that is not the writer",
                     EMU_CALLER());
   }
}

static VMK_ReturnStatus
rwsem_upgrade(vmk_SemaphoreRW *sema, int try_only, const char *fn,
              const void *caller)
{
   struct emu_rwsem *r = rwsem_get(sema, fn, caller);
   emu_status_t st;

   if (r == NULL) {
      return VMK_BAD_PARAM;
   }
   st = emu_rwsem_upgrade(r, try_only);
   if (st == EMU_BADPARAM) {
      rwsem_not_held(r, "upgrade without a read hold", caller);
      return VMK_BAD_PARAM;
   }
   return emu_api_status(st);
}

EMU_EXPORT VMK_ReturnStatus
vmk_RWSemaUpgradeFromRead(vmk_SemaphoreRW *sema)
{
   EMU_MAY_BLOCK();
   return rwsem_upgrade(sema, 0, __func__, EMU_CALLER());
}

EMU_EXPORT VMK_ReturnStatus
vmk_RWSemaTryUpgradeFromRead(vmk_SemaphoreRW *sema)
{
   return rwsem_upgrade(sema, 1, __func__, EMU_CALLER());
}

EMU_EXPORT void
vmk_RWSemaDowngradeToRead(vmk_SemaphoreRW *sema)
{
   struct emu_rwsem *r = rwsem_get(sema, __func__, EMU_CALLER());

   if (r != NULL && emu_rwsem_downgrade(r) != EMU_OK) {
      rwsem_not_held(r, "downgrade by a world that is not the writer",
                     EMU_CALLER());
   }
}

static void
rwsem_assert(vmk_SemaphoreRW *sema, int want_readers, int want_writer,
             const char *fn, const void *caller)
{
   struct emu_rwsem *r = rwsem_get(sema, fn, caller);
   uint32_t readers;
   int writer;
   int self_writer;
   int ok;

   if (r == NULL) {
      return;
   }
   emu_rwsem_state(r, &readers, &writer, &self_writer);
   if (want_readers && want_writer) {
      ok = readers != 0 || writer;
   } else if (want_readers) {
      ok = readers != 0;
   } else {
      ok = writer;
   }
   if (!ok) {
      rwsem_not_held(r, want_writer && !want_readers ?
                     "asserted to have a writer, but has none" :
                     "asserted to be held, but is not", caller);
   }
}

EMU_EXPORT void
vmk_RWSemaAssertHasReadersInt(vmk_SemaphoreRW *sema)
{
   rwsem_assert(sema, 1, 0, __func__, EMU_CALLER());
}

EMU_EXPORT void
vmk_RWSemaAssertHasReadersWriterInt(vmk_SemaphoreRW *sema)
{
   rwsem_assert(sema, 1, 1, __func__, EMU_CALLER());
}

EMU_EXPORT void
vmk_RWSemaAssertHasWriterInt(vmk_SemaphoreRW *sema)
{
   rwsem_assert(sema, 0, 1, __func__, EMU_CALLER());
}
