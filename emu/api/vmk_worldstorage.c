/*
 * vmk_worldstorage.c -- vmk_WorldStorage* over worldstorage.c.
 */
#include "api.h"

#include <stdlib.h>

#include "core/block.h"
#include "world/world.h"
#include "world/worldstorage.h"

/*
 * The driver's constructor and destructor, called through trampolines so
 * the engine never calls a function through a pointer of another type.
 * The record lives as long as the handle (the engine's arg).
 */
struct ws_cb {
   vmk_WorldStorageConstructor c_ctor;
   vmk_WorldStorageDestructor  c_dtor;
   vmk_AddrCookie              c_arg;
};

static int32_t
ws_ctor(int32_t world, void *data, uint32_t size, uintptr_t arg)
{
   struct ws_cb *cb = (struct ws_cb *)arg;

   if (cb->c_ctor == NULL) {
      return 0;
   }
   return (int32_t)cb->c_ctor(world, data, size, cb->c_arg);
}

static void
ws_dtor(int32_t world, void *data, uint32_t size, uintptr_t arg)
{
   struct ws_cb *cb = (struct ws_cb *)arg;

   if (cb->c_dtor != NULL) {
      cb->c_dtor(world, data, size, cb->c_arg);
   }
}

EMU_EXPORT VMK_ReturnStatus
vmk_WorldStorageCreate(vmk_WorldStorageProps *props,
                       vmk_WorldStorageHandle *handleOut)
{
   struct ws_cb *cb;
   emu_status_t st;
   int32_t cs = 0;
   uint64_t h;

   EMU_MAY_BLOCK();
   if (props == NULL || handleOut == NULL ||
       props->type != VMK_WORLD_STORAGE_TYPE_SIMPLE || props->size == 0) {
      return VMK_BAD_PARAM;
   }
   (void)emu_world_self();
   cb = malloc(sizeof *cb);
   if (cb == NULL) {
      return VMK_NO_MEMORY;
   }
   cb->c_ctor = props->constructor;
   cb->c_dtor = props->destructor;
   cb->c_arg = props->arg;
   st = emu_ws_create(props->size, props->align, ws_ctor, ws_dtor,
                      (uintptr_t)cb, EMU_CALLER(), &cs, &h);
   if (st != EMU_OK) {
      free(cb);
      if (st == EMU_FAILURE && cs != 0) {
         return (VMK_ReturnStatus)cs;          /* the constructor's status */
      }
      return emu_api_status(st);
   }
   *handleOut = h;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_WorldStorageDestroy(vmk_WorldStorageHandle handle)
{
   uintptr_t arg;
   emu_status_t st;

   EMU_MAY_BLOCK();
   st = emu_ws_destroy(handle, EMU_CALLER(), &arg);
   if (st == EMU_BUSY) {
      return VMK_BUSY;          /* the caller holds a reference (reported) */
   }
   if (st != EMU_OK) {
      return VMK_BAD_PARAM;
   }
   free((void *)arg);
   return VMK_OK;
}

/*
 * LookUpLocal's slow path: a thread not yet adopted as a world (adopted
 * here), a handle outside the area, a NULL out pointer, or a world whose
 * area is already gone.
 */
static __attribute__((noinline)) VMK_ReturnStatus
ws_lookup_local_slow(vmk_WorldStorageHandle handle, void **data)
{
   struct emu_world *w = emu_world_self();

   if (data == NULL || handle >= EMU_WORLD_WS_AREA ||
       w->w_ws_area == NULL) {
      return VMK_BAD_PARAM;
   }
   *data = emu_ws_local(w, handle);
   return VMK_OK;
}

/*
 * The hot path drivers take on every per-world access: the thread-local
 * world pointer (initial-exec TLS: one load), the area pointer at the
 * world's start, plus the handle.  The checks are a NULL world (the
 * thread's first call), a range compare of the handle against the area
 * size and a NULL out pointer; each leads to the out-of-line slow path as
 * a tail call, so this function needs no frame.  A destroyed handle is not
 * caught here (as on ESX, the local lookup is a bare offset: its slot still
 * lies in the area); LookUp, Release and Destroy check liveness.
 */
EMU_EXPORT VMK_ReturnStatus
vmk_WorldStorageLookUpLocal(vmk_WorldStorageHandle handle, void **data)
{
   struct emu_world *w = (struct emu_world *)emu_host_self_get();

   if (EMU_UNLIKELY(w == NULL)) {
      return ws_lookup_local_slow(handle, data);
   }
   if (EMU_UNLIKELY(handle >= EMU_WORLD_WS_AREA)) {
      return ws_lookup_local_slow(handle, data);
   }
   if (EMU_UNLIKELY(data == NULL)) {
      return ws_lookup_local_slow(handle, data);
   }
   *data = emu_ws_local(w, handle);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_WorldStorageLookUp(vmk_WorldID worldID, vmk_WorldStorageHandle handle,
                       void **data)
{
   emu_status_t st;

   if (data == NULL) {
      return VMK_BAD_PARAM;
   }
   (void)emu_world_self();
   st = emu_ws_lookup(worldID, handle, data, EMU_CALLER());
   return st == EMU_BADHANDLE ? VMK_BAD_PARAM : emu_api_status(st);
}

EMU_EXPORT VMK_ReturnStatus
vmk_WorldStorageRelease(vmk_WorldID worldID, void **data)
{
   if (data == NULL || *data == NULL) {
      return VMK_BAD_PARAM;
   }
   if (emu_ws_release(worldID, *data) != EMU_OK) {
      return VMK_BAD_PARAM;
   }
   *data = NULL;
   return VMK_OK;
}
