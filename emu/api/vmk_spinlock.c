/*
 * vmk_spinlock.c -- vmk_Spinlock*, vmk_LockDomain* and the deprecated IRQ
 * spinlock calls over the lock engine (lock.c).
 */
#define VMK_DEVKIT_USES_DEPRECATED_APIS 1
#include "api.h"

#include <stdio.h>

#include "core/block.h"
#include "world/lock.h"
#include "world/world.h"

#define LOCK_OF(h) ((struct emu_lock *)(h))

/* A vmk_Name's text, bounded (a full name may lack its NUL). */
static const char *
lock_name(const vmk_Name *name, char *buf, size_t len)
{
   snprintf(buf, len, "%.*s", (int)sizeof name->string, name->string);
   return buf;
}

EMU_EXPORT vmk_ByteCountSmall
vmk_LockDomainAllocSize(void)
{
   return sizeof(struct emu_lock_domain);
}

EMU_EXPORT VMK_ReturnStatus
vmk_LockDomainCreate(vmk_ModuleID moduleID, vmk_HeapID heap, vmk_Name *name,
                     vmk_LockDomainID *domainOut)
{
   struct emu_lock_domain *d;
   emu_status_t st;
   char buf[VMK_MISC_NAME_MAX + 1];

   (void)moduleID;
   (void)heap;
   EMU_MAY_BLOCK();
   if (name == NULL || domainOut == NULL) {
      return VMK_BAD_PARAM;
   }
   st = emu_lock_domain_create(lock_name(name, buf, sizeof buf), EMU_CALLER(), &d);
   if (st != EMU_OK) {
      return emu_api_status(st);
   }
   *domainOut = (vmk_LockDomainID)d;
   return VMK_OK;
}

EMU_EXPORT void
vmk_LockDomainDestroy(vmk_LockDomainID domain)
{
   emu_lock_domain_destroy((struct emu_lock_domain *)domain, EMU_CALLER());
}

EMU_EXPORT vmk_ByteCountSmall
vmk_SpinlockAllocSize(vmk_SpinlockType type)
{
   (void)type;
   return sizeof(struct emu_lock);
}

EMU_EXPORT VMK_ReturnStatus
vmk_SpinlockCreate(vmk_SpinlockCreateProps *props, vmk_Lock *lockOut)
{
   struct emu_lock_domain *d = NULL;
   struct emu_lock *l;
   emu_status_t st;
   char buf[VMK_MISC_NAME_MAX + 1];

   EMU_MAY_BLOCK();
   if (props == NULL || lockOut == NULL) {
      return VMK_BAD_PARAM;
   }
   if (props->domain != VMK_LOCKDOMAIN_INVALID && props->domain != NULL) {
      d = (struct emu_lock_domain *)props->domain;
      if (!emu_lock_domain_valid(d)) {
         return VMK_BAD_PARAM;
      }
   }
   st = emu_lock_create(lock_name(&props->name, buf, sizeof buf),
                        (emu_lock_type_t)props->type, d, props->rank,
                        EMU_CALLER(), &l);
   if (st != EMU_OK) {
      return emu_api_status(st);
   }
   *lockOut = (vmk_Lock)l;
   return VMK_OK;
}

EMU_EXPORT void
vmk_SpinlockDestroy(vmk_Lock lock)
{
   emu_lock_destroy(LOCK_OF(lock), EMU_CALLER());
}

/*
 * Acquisition and release, inlined into every entry point so the engine's
 * fast path (lock.h) is specialised for the constant read/in_order.
 */
/* Out of line, so that the fast path's calls to them are tail calls. */
static __attribute__((noinline)) VMK_ReturnStatus
spin_bad_handle(struct emu_lock *l, const char *fn, const void *caller)
{
   emu_lock_bad_handle(l, fn, caller);
   return VMK_BAD_PARAM;
}

static __attribute__((noinline)) VMK_ReturnStatus
spin_lock_slow(struct emu_lock *l, int read, const void *caller)
{
   return emu_lock_acquire_slow(l, read, caller) == EMU_OK ? VMK_OK
                                                           : VMK_BAD_PARAM;
}

static inline __attribute__((always_inline)) VMK_ReturnStatus
spin_lock(vmk_Lock lock, int read, const char *fn, const void *caller)
{
   struct emu_lock *l = LOCK_OF(lock);

   if (EMU_UNLIKELY(!emu_lock_live(l))) {
      return spin_bad_handle(l, fn, caller);
   }
   if (EMU_UNLIKELY(read && l->l_type != EMU_LOCK_RW)) {
      emu_report_obj_t obj = { "spinlock", l->l_name, l };

      emu_report(EMU_RPT_MISUSE, &obj, caller,
                 "%s on spinlock '%s', which is not a reader/writer lock",
                 fn, l->l_name);
      return VMK_BAD_PARAM;
   }
   if (EMU_LIKELY(emu_lock_acquire_fast(l, read, caller))) {
      return VMK_OK;
   }
   return spin_lock_slow(l, read, caller);
}

static inline __attribute__((always_inline)) void
spin_unlock(vmk_Lock lock, int read, int in_order, const char *fn,
            const void *caller)
{
   struct emu_lock *l = LOCK_OF(lock);

   if (EMU_UNLIKELY(!emu_lock_check(l, fn, caller))) {
      return;
   }
   emu_lock_release(l, read, in_order, caller);
}

EMU_EXPORT VMK_ReturnStatus
vmk_SpinlockLock(vmk_Lock lock)
{
   return spin_lock(lock, 0, __func__, EMU_CALLER());
}

EMU_EXPORT void
vmk_SpinlockLockIgnoreDeathPending(vmk_Lock lock)
{
   (void)spin_lock(lock, 0, __func__, EMU_CALLER());
}

EMU_EXPORT VMK_ReturnStatus
vmk_SpinlockWriteLock(vmk_Lock lock)
{
   return spin_lock(lock, 0, __func__, EMU_CALLER());
}

EMU_EXPORT void
vmk_SpinlockWriteLockIgnoreDeathPending(vmk_Lock lock)
{
   (void)spin_lock(lock, 0, __func__, EMU_CALLER());
}

EMU_EXPORT VMK_ReturnStatus
vmk_SpinlockReadLock(vmk_Lock lock)
{
   return spin_lock(lock, 1, __func__, EMU_CALLER());
}

EMU_EXPORT void
vmk_SpinlockReadLockIgnoreDeathPending(vmk_Lock lock)
{
   (void)spin_lock(lock, 1, __func__, EMU_CALLER());
}

EMU_EXPORT void
vmk_SpinlockUnlock(vmk_Lock lock)
{
   spin_unlock(lock, 0, 1, __func__, EMU_CALLER());
}

EMU_EXPORT void
vmk_SpinlockUnlockOutOfOrder(vmk_Lock lock)
{
   spin_unlock(lock, 0, 0, __func__, EMU_CALLER());
}

EMU_EXPORT void
vmk_SpinlockWriteUnlock(vmk_Lock lock)
{
   spin_unlock(lock, 0, 1, __func__, EMU_CALLER());
}

EMU_EXPORT void
vmk_SpinlockWriteUnlockOutOfOrder(vmk_Lock lock)
{
   spin_unlock(lock, 0, 0, __func__, EMU_CALLER());
}

EMU_EXPORT void
vmk_SpinlockReadUnlock(vmk_Lock lock)
{
   spin_unlock(lock, 1, 1, __func__, EMU_CALLER());
}

EMU_EXPORT void
vmk_SpinlockReadUnlockOutOfOrder(vmk_Lock lock)
{
   spin_unlock(lock, 1, 0, __func__, EMU_CALLER());
}

static void
spin_assert(vmk_Lock lock, int read, const char *fn, const void *caller)
{
   struct emu_lock *l = LOCK_OF(lock);

   if (!emu_lock_check(l, fn, caller)) {
      return;
   }
   if (!emu_lock_held_by_self(l, read)) {
      emu_report_obj_t obj = { "spinlock", l->l_name, l };

      emu_report(EMU_RPT_LOCK_NOT_HELD, &obj, caller,
                 "spinlock '%s' asserted held%s by a world that does not "
                 "hold it", l->l_name, read ? " for reading" : "");
   }
}

EMU_EXPORT void
vmk_SpinlockAssertHeldByWorldInt(vmk_Lock lock)
{
   spin_assert(lock, 0, __func__, EMU_CALLER());
}

EMU_EXPORT void
vmk_SpinlockAssertReaderHeldByWorldInt(vmk_Lock lock)
{
   spin_assert(lock, 1, __func__, EMU_CALLER());
}

EMU_EXPORT void
vmk_SpinlockAssertHeldOnPCPUInt(vmk_Lock lock)
{
   /* A world never migrates, so held by this world means on this PCPU. */
   spin_assert(lock, 0, __func__, EMU_CALLER());
}

EMU_EXPORT VMK_ReturnStatus
vmk_SpinlockLockIRQ(vmk_Lock lock, vmk_LockIRQL *irql)
{
   struct emu_world *w = emu_world_self();
   int was_off = w->w_ints_off != 0;
   VMK_ReturnStatus st;

   if (irql == NULL) {
      return VMK_BAD_PARAM;
   }
   st = spin_lock(lock, 0, __func__, EMU_CALLER());
   if (st == VMK_OK) {
      *irql = was_off ? 0 : 1;    /* 1: interrupts were enabled */
   }
   return st;
}

EMU_EXPORT void
vmk_SpinlockUnlockIRQ(vmk_Lock lock, vmk_LockIRQL irql)
{
   (void)irql;
   spin_unlock(lock, 0, 1, __func__, EMU_CALLER());
}

EMU_EXPORT void
vmk_SpinlockUnlockIRQOutOfOrder(vmk_Lock lock, vmk_LockIRQL irql)
{
   (void)irql;
   spin_unlock(lock, 0, 0, __func__, EMU_CALLER());
}
