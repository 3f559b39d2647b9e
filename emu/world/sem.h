/*
 * sem.h -- counting, binary and reader/writer semaphores (engine-private;
 * the theory is in sem.c).
 */
#ifndef EMU_WORLD_SEM_H
#define EMU_WORLD_SEM_H

#include <stdint.h>

#include "../core/rsrc.h"
#include "../core/status.h"
#include "../host/host.h"
#include "world.h"

#define EMU_SEM_MAGIC      0x53454d41u   /* "SEMA" */
#define EMU_RWSEM_MAGIC    0x52575345u   /* "RWSE" */
#define EMU_SEM_DEAD_MAGIC 0x73656d61u
#define EMU_SEM_NAMELEN    32

struct emu_sem {
   uint32_t     s_magic;
   char         s_name[EMU_SEM_NAMELEN];
   int          s_binary;
   /* State -- s_lock. */
   emu_mutex_t  s_lock;
   emu_cond_t   s_cond;
   int32_t      s_count;
   uint32_t     s_waiters;
   emu_rsrc_t   s_rsrc;
};

struct emu_rwsem {
   uint32_t          r_magic;
   char              r_name[EMU_SEM_NAMELEN];
   /* State -- r_lock. */
   emu_mutex_t       r_lock;
   emu_cond_t        r_cond;
   uint32_t          r_readers;
   struct emu_world *r_writer;      /* holder of the write side */
   uint32_t          r_wwait;       /* writers waiting (they go first) */
   struct emu_world *r_upgrader;    /* a reader waiting to upgrade */
   emu_rsrc_t        r_rsrc;
};

emu_status_t emu_sem_create(const char *name, int32_t value, int binary,
                            const void *caller, struct emu_sem **sp);
/* 1 when s is a live semaphore (reports DEAD_HANDLE otherwise). */
int emu_sem_check(struct emu_sem *s, const char *fn, const void *caller);
/* BUSY_DESTROY report when worlds wait on it (not freed). */
void emu_sem_destroy(struct emu_sem *s, const void *caller);
void emu_sem_down(struct emu_sem *s);                  /* => may block */
emu_status_t emu_sem_trydown(struct emu_sem *s);       /* EMU_BUSY */
void emu_sem_up(struct emu_sem *s);
int32_t emu_sem_count(struct emu_sem *s);

emu_status_t emu_rwsem_create(const char *name, const void *caller,
                              struct emu_rwsem **rp);
int emu_rwsem_check(struct emu_rwsem *r, const char *fn, const void *caller);
void emu_rwsem_destroy(struct emu_rwsem *r, const void *caller);
void emu_rwsem_read_lock(struct emu_rwsem *r);         /* => may block */
emu_status_t emu_rwsem_try_read_lock(struct emu_rwsem *r);
/* EMU_BADPARAM: the world holds no read side (report made by caller). */
emu_status_t emu_rwsem_read_unlock(struct emu_rwsem *r);
void emu_rwsem_write_lock(struct emu_rwsem *r);        /* => may block */
/* EMU_BADPARAM: the calling world is not the writer. */
emu_status_t emu_rwsem_write_unlock(struct emu_rwsem *r);
/* Read -> write.  EMU_BUSY: another reader is already upgrading (try: or
 * other readers are present); the read hold is kept. */
emu_status_t emu_rwsem_upgrade(struct emu_rwsem *r, int try_only);
emu_status_t emu_rwsem_downgrade(struct emu_rwsem *r);
/* Snapshot for the assertions. */
void emu_rwsem_state(struct emu_rwsem *r, uint32_t *readers, int *writer,
                     int *self_writer);

#endif /* EMU_WORLD_SEM_H */
