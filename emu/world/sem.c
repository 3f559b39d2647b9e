/*
 * sem.c -- semaphores for libvmkemu.
 *
 * 1. Model.  A counting semaphore is a count under a host mutex with a
 *    condition variable for sleepers; a binary semaphore is one created
 *    with a count of 1 whose count never goes above 1 (an extra up on an
 *    unlocked binary semaphore is a MISUSE report).  Semaphores have no
 *    owner, as on ESXi: any world may up what another downed.
 *
 * 2. Reader/writer semaphores: a reader count, the writing world, the
 *    number of writers waiting and at most one reader waiting to upgrade.
 *    Writers waiting hold new readers back (no writer starvation).  An
 *    upgrade waits until the upgrader is the only reader; a second reader
 *    asking to upgrade at the same time would deadlock with the first, so
 *    it gets VMK_BUSY and keeps its read hold.  A downgrade turns the
 *    write hold into a read hold and wakes waiting readers.
 *
 * 3. Blocking: every down/lock "may block" (the API layer checks
 *    EMU_MAY_BLOCK first, so a semaphore taken under a spinlock is a
 *    report).  The host mutex is never held while driver code runs.
 *
 * 4. Misuse: destroying a semaphore with sleepers, or an RW semaphore that
 *    is held, is BUSY_DESTROY; releasing a side that is not held is
 *    LOCK_NOT_HELD (reported by the API layer from our status).
 *    Readers are counted, not named: a read unlock by a world that holds no
 *    read side is noticed only when no reader at all is left.
 *
 * 5. Memory: plain host allocation (the heap engine is a later issue).
 */
#include "sem.h"

#include <stdio.h>
#include <stdlib.h>

#include "../core/fault.h"
#include "../core/report.h"

/* -- counting and binary ---------------------------------------------- */

emu_status_t
emu_sem_create(const char *name, int32_t value, int binary,
               const void *caller, struct emu_sem **sp)
{
   struct emu_sem *s;

   if (value < 0) {
      return EMU_BADPARAM;
   }
   if (emu_fault_inject(EMU_FAULT_LOCK, caller)) {
      return EMU_NOMEM;
   }
   s = calloc(1, sizeof *s);
   if (s == NULL) {
      return EMU_NOMEM;
   }
   s->s_magic = EMU_SEM_MAGIC;
   snprintf(s->s_name, sizeof s->s_name, "%s", name != NULL ? name : "");
   s->s_binary = binary;
   s->s_count = value;
   emu_mutex_init(&s->s_lock);
   emu_cond_init(&s->s_cond);
   emu_rsrc_add(&s->s_rsrc, EMU_RSRC_LOCK,
                binary ? "binary semaphore" : "semaphore", s->s_name, caller);
   *sp = s;
   return EMU_OK;
}

int
emu_sem_check(struct emu_sem *s, const char *fn, const void *caller)
{
   emu_report_obj_t obj = { "semaphore", NULL, s };

   if (EMU_LIKELY(s != NULL && s->s_magic == EMU_SEM_MAGIC)) {
      return 1;
   }
   emu_report(EMU_RPT_DEAD_HANDLE, &obj, caller,
              "%s on a handle that is not a live semaphore", fn);
   return 0;
}

void
emu_sem_destroy(struct emu_sem *s, const void *caller)
{
   emu_report_obj_t obj = { "semaphore", s->s_name, s };

   emu_mutex_lock(&s->s_lock);
   if (s->s_waiters != 0) {
      emu_mutex_unlock(&s->s_lock);
      emu_report(EMU_RPT_BUSY_DESTROY, &obj, caller,
                 "semaphore '%s' destroyed while %u world(s) wait on it",
                 s->s_name, s->s_waiters);
      return;
   }
   s->s_magic = EMU_SEM_DEAD_MAGIC;
   emu_mutex_unlock(&s->s_lock);
   emu_rsrc_remove(&s->s_rsrc);
   emu_cond_destroy(&s->s_cond);
   emu_mutex_destroy(&s->s_lock);
   free(s);
}

void
emu_sem_down(struct emu_sem *s)
{
   emu_mutex_lock(&s->s_lock);
   while (s->s_count <= 0) {
      s->s_waiters++;
      emu_cond_wait(&s->s_cond, &s->s_lock);
      s->s_waiters--;
   }
   s->s_count--;
   emu_mutex_unlock(&s->s_lock);
}

emu_status_t
emu_sem_trydown(struct emu_sem *s)
{
   emu_status_t st = EMU_BUSY;

   emu_mutex_lock(&s->s_lock);
   if (s->s_count > 0) {
      s->s_count--;
      st = EMU_OK;
   }
   emu_mutex_unlock(&s->s_lock);
   return st;
}

void
emu_sem_up(struct emu_sem *s)
{
   int over;

   emu_mutex_lock(&s->s_lock);
   over = s->s_binary && s->s_count >= 1;
   if (!over) {
      s->s_count++;
      if (s->s_waiters != 0) {
         emu_cond_signal(&s->s_cond);
      }
   }
   emu_mutex_unlock(&s->s_lock);
   if (over) {
      emu_report_obj_t obj = { "semaphore", s->s_name, s };

      emu_report(EMU_RPT_LOCK_NOT_HELD, &obj, NULL,
                 "binary semaphore '%s' unlocked while not locked",
                 s->s_name);
   }
}

int32_t
emu_sem_count(struct emu_sem *s)
{
   int32_t c;

   emu_mutex_lock(&s->s_lock);
   c = s->s_count;
   emu_mutex_unlock(&s->s_lock);
   return c;
}

/* -- reader/writer ----------------------------------------------------- */

emu_status_t
emu_rwsem_create(const char *name, const void *caller, struct emu_rwsem **rp)
{
   struct emu_rwsem *r;

   if (emu_fault_inject(EMU_FAULT_LOCK, caller)) {
      return EMU_NOMEM;
   }
   r = calloc(1, sizeof *r);
   if (r == NULL) {
      return EMU_NOMEM;
   }
   r->r_magic = EMU_RWSEM_MAGIC;
   snprintf(r->r_name, sizeof r->r_name, "%s", name != NULL ? name : "");
   emu_mutex_init(&r->r_lock);
   emu_cond_init(&r->r_cond);
   emu_rsrc_add(&r->r_rsrc, EMU_RSRC_LOCK, "rw semaphore", r->r_name,
                caller);
   *rp = r;
   return EMU_OK;
}

int
emu_rwsem_check(struct emu_rwsem *r, const char *fn, const void *caller)
{
   emu_report_obj_t obj = { "rw semaphore", NULL, r };

   if (EMU_LIKELY(r != NULL && r->r_magic == EMU_RWSEM_MAGIC)) {
      return 1;
   }
   emu_report(EMU_RPT_DEAD_HANDLE, &obj, caller,
              "%s on a handle that is not a live rw semaphore", fn);
   return 0;
}

void
emu_rwsem_destroy(struct emu_rwsem *r, const void *caller)
{
   emu_report_obj_t obj = { "rw semaphore", r->r_name, r };

   emu_mutex_lock(&r->r_lock);
   if (r->r_readers != 0 || r->r_writer != NULL || r->r_wwait != 0) {
      emu_mutex_unlock(&r->r_lock);
      emu_report(EMU_RPT_BUSY_DESTROY, &obj, caller,
                 "rw semaphore '%s' destroyed while held (%u reader(s)%s)",
                 r->r_name, r->r_readers,
                 r->r_writer != NULL ? ", a writer" : "");
      return;
   }
   r->r_magic = EMU_SEM_DEAD_MAGIC;
   emu_mutex_unlock(&r->r_lock);
   emu_rsrc_remove(&r->r_rsrc);
   emu_cond_destroy(&r->r_cond);
   emu_mutex_destroy(&r->r_lock);
   free(r);
}

void
emu_rwsem_read_lock(struct emu_rwsem *r)
{
   emu_mutex_lock(&r->r_lock);
   while (r->r_writer != NULL || r->r_wwait != 0) {
      emu_cond_wait(&r->r_cond, &r->r_lock);
   }
   r->r_readers++;
   emu_mutex_unlock(&r->r_lock);
}

emu_status_t
emu_rwsem_try_read_lock(struct emu_rwsem *r)
{
   emu_status_t st = EMU_BUSY;

   emu_mutex_lock(&r->r_lock);
   if (r->r_writer == NULL && r->r_wwait == 0) {
      r->r_readers++;
      st = EMU_OK;
   }
   emu_mutex_unlock(&r->r_lock);
   return st;
}

emu_status_t
emu_rwsem_read_unlock(struct emu_rwsem *r)
{
   emu_mutex_lock(&r->r_lock);
   if (r->r_readers == 0) {
      emu_mutex_unlock(&r->r_lock);
      return EMU_BADPARAM;
   }
   r->r_readers--;
   if (r->r_readers <= 1) {
      emu_cond_broadcast(&r->r_cond);    /* writers, or an upgrader */
   }
   emu_mutex_unlock(&r->r_lock);
   return EMU_OK;
}

void
emu_rwsem_write_lock(struct emu_rwsem *r)
{
   struct emu_world *self = emu_world_self();

   emu_mutex_lock(&r->r_lock);
   r->r_wwait++;
   while (r->r_writer != NULL || r->r_readers != 0) {
      emu_cond_wait(&r->r_cond, &r->r_lock);
   }
   r->r_wwait--;
   r->r_writer = self;
   emu_mutex_unlock(&r->r_lock);
}

emu_status_t
emu_rwsem_write_unlock(struct emu_rwsem *r)
{
   struct emu_world *self = emu_world_self();

   emu_mutex_lock(&r->r_lock);
   if (r->r_writer != self) {
      emu_mutex_unlock(&r->r_lock);
      return EMU_BADPARAM;
   }
   r->r_writer = NULL;
   emu_cond_broadcast(&r->r_cond);
   emu_mutex_unlock(&r->r_lock);
   return EMU_OK;
}

emu_status_t
emu_rwsem_upgrade(struct emu_rwsem *r, int try_only)
{
   struct emu_world *self = emu_world_self();

   emu_mutex_lock(&r->r_lock);
   if (r->r_readers == 0) {
      emu_mutex_unlock(&r->r_lock);
      return EMU_BADPARAM;
   }
   if (r->r_upgrader != NULL || (try_only && r->r_readers != 1)) {
      emu_mutex_unlock(&r->r_lock);
      return EMU_BUSY;
   }
   r->r_upgrader = self;
   while (r->r_readers != 1 || r->r_writer != NULL) {
      emu_cond_wait(&r->r_cond, &r->r_lock);
   }
   r->r_upgrader = NULL;
   r->r_readers = 0;
   r->r_writer = self;
   emu_mutex_unlock(&r->r_lock);
   return EMU_OK;
}

emu_status_t
emu_rwsem_downgrade(struct emu_rwsem *r)
{
   struct emu_world *self = emu_world_self();

   emu_mutex_lock(&r->r_lock);
   if (r->r_writer != self) {
      emu_mutex_unlock(&r->r_lock);
      return EMU_BADPARAM;
   }
   r->r_writer = NULL;
   r->r_readers = 1;
   emu_cond_broadcast(&r->r_cond);
   emu_mutex_unlock(&r->r_lock);
   return EMU_OK;
}

void
emu_rwsem_state(struct emu_rwsem *r, uint32_t *readers, int *writer,
                int *self_writer)
{
   struct emu_world *self = emu_world_self();

   emu_mutex_lock(&r->r_lock);
   *readers = r->r_readers;
   *writer = r->r_writer != NULL;
   *self_writer = r->r_writer == self;
   emu_mutex_unlock(&r->r_lock);
}
