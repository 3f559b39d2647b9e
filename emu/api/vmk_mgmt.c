/*
 * vmk_mgmt.c -- base/vmkapi_mgmt.h: the management channel between a
 * driver and user-space tools.
 *
 * 1. Model: vmk_MgmtInit publishes an API (signature name + version) with
 *    kernel callbacks.  The test is the user-space side: EmuCtl_MgmtUserInit
 *    opens a session on the API (same name, same major.minor), which runs
 *    the driver's session-announce function and remembers the session
 *    cookie; EmuCtl_MgmtInvoke calls a kernel callback; the driver's
 *    vmk_MgmtCallbackInvoke queues user callbacks that EmuCtl_MgmtDeliver
 *    runs.  Keys (vmk_MgmtAddKey) are read and set as text by name, as the
 *    vmkmgmt_keyval tool does.
 * 2. Marshalling, as ESXi does it: every payload parameter is copied.  For
 *    a kernel call, IN and INOUT data go into buffers taken from the
 *    handle's heap (so a too-small heap fails with VMK_NO_MEMORY), the
 *    callback gets (vmk_MgmtCookies *, vmk_MgmtEnvelope *, parm pointers)
 *    -- vector parameters as a vmk_MgmtVectorParm * whose length must be a
 *    multiple of the registered unit size -- and OUT / INOUT data go back.
 *    For a user callback the parameters are copied at invoke time (the
 *    driver may reuse its buffers at once) and delivered later with
 *    (user cookie, instance ID, parm pointers).
 * 3. Instances: vmk_MgmtRegisterInstanceCallbacks adds an instance (ID not
 *    0, unique) whose callbacks override the handle's of the same ID.
 * 4. Lifetime: vmk_MgmtDestroy refuses new sessions and calls at once and
 *    frees the handle when its last session closes and no call is in
 *    flight; then the cleanup function runs.  A handle is a resource until
 *    freed.
 * 5. Locking: mg_lock guards everything; no driver callback runs with it
 *    held; a call in flight holds a reference on the handle.
 */
#include "api.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emuctl.h"
#include "core/block.h"
#include "core/rsrc.h"
#include "mod/module.h"

#define MG_MAGIC 0x6d676d74u   /* "mgmt" */

typedef struct mg_key {
   vmk_MgmtKeyType  k_type;
   char             k_name[VMK_MISC_NAME_MAX];
   vmk_MgmtKeyGetFn k_get;
   vmk_MgmtKeySetFn k_set;
} mg_key_t;

typedef struct mg_inst {
   vmk_uint64            i_id;
   char                  i_name[VMK_MISC_NAME_MAX];
   vmk_uint32            i_ncb;
   vmk_MgmtCallbackInfo *i_cb;      /* copy */
} mg_inst_t;

/* A queued user callback. */
typedef struct mg_msg {
   struct mg_msg *m_next;
   const vmk_MgmtCallbackInfo *m_cb;   /* in the session's signature */
   vmk_uint64     m_instance;
   vmk_uint32     m_nparms;
   void          *m_parm[VMK_MGMT_MAX_CALLBACK_PARMS];
   vmk_MgmtVectorParm m_vec[VMK_MGMT_MAX_CALLBACK_PARMS];
} mg_msg_t;

struct vmkMgmtHandleInt {
   vmk_uint32        h_magic;
   struct vmkMgmtHandleInt *h_next;
   vmk_MgmtProps     h_props;
   vmk_MgmtApiSignature *h_sig;
   char              h_name[VMK_MISC_NAME_MAX];
   /* mg_lock */
   vmk_uint32        h_refs;         /* sessions + calls in flight */
   int               h_dying;
   mg_key_t          h_keys[VMK_MGMT_MAX_KEYS_PER_INSTANCE];
   vmk_uint32        h_nkeys;
   mg_inst_t         h_inst[VMK_MGMT_MAX_INSTANCES];
   vmk_uint32        h_ninst;
   emu_rsrc_t        h_rsrc;
};

struct EmuCtl_MgmtSessionInt {
   struct EmuCtl_MgmtSessionInt *s_next;
   struct vmkMgmtHandleInt *s_h;
   vmk_MgmtSessionID s_id;
   vmk_uint64        s_cookie;       /* from the announce function */
   vmk_uint64        s_ucookie;      /* the user side's */
   vmk_MgmtApiSignature *s_usig;
   mg_msg_t         *s_q;
   mg_msg_t        **s_qtail;
   emu_rsrc_t        s_rsrc;
   char              s_name[32];
};

static emu_mutex_t mg_lock = EMU_MUTEX_INITIALIZER;
static struct vmkMgmtHandleInt *mg_handles;
static struct EmuCtl_MgmtSessionInt *mg_sessions;
static vmk_MgmtSessionID mg_next_session = 1;

static int
mg_handle_live(const struct vmkMgmtHandleInt *h)
{
   struct vmkMgmtHandleInt *x;

   for (x = mg_handles; x != NULL; x = x->h_next) {
      if (x == h) {
         return 1;
      }
   }
   return 0;
}

static struct EmuCtl_MgmtSessionInt *
mg_session_live(const struct EmuCtl_MgmtSessionInt *s)
{
   struct EmuCtl_MgmtSessionInt *x;

   for (x = mg_sessions; x != NULL; x = x->s_next) {
      if (x == s) {
         return x;
      }
   }
   return NULL;
}

static int
mg_cb_ok(const vmk_MgmtCallbackInfo *cb)
{
   unsigned i;

   if (cb->callbackId <= VMK_MGMT_RESERVED_CALLBACKS ||
       cb->numParms > VMK_MGMT_MAX_CALLBACK_PARMS ||
       (cb->location != VMK_MGMT_CALLBACK_KERNEL &&
        cb->location != VMK_MGMT_CALLBACK_USER)) {
      return 0;
   }
   for (i = 0; i < cb->numParms; i++) {
      if (cb->parmSizes[i] == 0 ||
          (unsigned)cb->parmTypes[i] > VMK_MGMT_PARMTYPE_VECTOR_INOUT) {
         return 0;
      }
   }
   return 1;
}

static int
mg_sig_ok(const vmk_MgmtApiSignature *sig)
{
   int i;
   int j;

   if (sig == NULL || sig->name.string[0] == '\0' || sig->numCallbacks < 0 ||
       (sig->numCallbacks > 0 && sig->callbacks == NULL)) {
      return 0;
   }
   for (i = 0; i < sig->numCallbacks; i++) {
      if (!mg_cb_ok(&sig->callbacks[i])) {
         return 0;
      }
      for (j = 0; j < i; j++) {
         if (sig->callbacks[j].callbackId == sig->callbacks[i].callbackId) {
            return 0;
         }
      }
   }
   return 1;
}

/* Free h and run its cleanup.  => mg_lock held, h unlinked, no refs. */
static void
mg_handle_free(struct vmkMgmtHandleInt *h)
{
   vmk_uint32 i;

   emu_rsrc_remove(&h->h_rsrc);
   if (h->h_props.cleanupFn != NULL) {
      h->h_props.cleanupFn(h->h_props.handleCookie);
   }
   for (i = 0; i < h->h_ninst; i++) {
      free(h->h_inst[i].i_cb);
   }
   h->h_magic = 0;
   free(h);
}

/* Drop a reference; frees a dying handle at 0.  => mg_lock held, dropped. */
static void
mg_handle_unref(struct vmkMgmtHandleInt *h)
{
   struct vmkMgmtHandleInt **pp;

   if (--h->h_refs != 0 || !h->h_dying) {
      emu_mutex_unlock(&mg_lock);
      return;
   }
   for (pp = &mg_handles; *pp != h; pp = &(*pp)->h_next) {
   }
   *pp = h->h_next;
   emu_mutex_unlock(&mg_lock);
   mg_handle_free(h);
}

EMU_EXPORT VMK_ReturnStatus
vmk_MgmtInit(vmk_MgmtProps *props, vmk_MgmtHandle *handleOut)
{
   struct vmkMgmtHandleInt *h;
   struct vmkMgmtHandleInt *x;

   EMU_MAY_BLOCK();
   if (props == NULL || handleOut == NULL || !mg_sig_ok(props->sig) ||
       props->heapId == VMK_INVALID_HEAP_ID ||
       !emu_mod_exists((int32_t)props->modId)) {
      return VMK_BAD_PARAM;
   }
   h = calloc(1, sizeof *h);
   if (h == NULL) {
      return VMK_NO_MEMORY;
   }
   h->h_magic = MG_MAGIC;
   h->h_props = *props;
   h->h_sig = props->sig;
   snprintf(h->h_name, sizeof h->h_name, "%s", props->sig->name.string);
   emu_mutex_lock(&mg_lock);
   for (x = mg_handles; x != NULL; x = x->h_next) {
      if (!x->h_dying && strcmp(x->h_name, h->h_name) == 0 &&
          x->h_sig->version == h->h_sig->version) {
         emu_mutex_unlock(&mg_lock);
         free(h);
         return VMK_BAD_PARAM;      /* name and version must be unique */
      }
   }
   h->h_next = mg_handles;
   mg_handles = h;
   emu_mutex_unlock(&mg_lock);
   emu_rsrc_add(&h->h_rsrc, EMU_RSRC_OTHER, "mgmt handle", h->h_name,
                EMU_CALLER());
   *handleOut = h;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_MgmtDestroy(vmk_MgmtHandle handle)
{
   struct vmkMgmtHandleInt *h = handle;

   EMU_MAY_BLOCK();
   emu_mutex_lock(&mg_lock);
   if (!mg_handle_live(h) || h->h_dying) {
      emu_mutex_unlock(&mg_lock);
      return VMK_BAD_PARAM;
   }
   h->h_dying = 1;
   h->h_refs++;
   mg_handle_unref(h);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_MgmtAddKey(vmk_MgmtHandle handle, vmk_MgmtKeyType keyType,
               vmk_Name *keyName, vmk_MgmtKeyGetFn getFn,
               vmk_MgmtKeySetFn setFn)
{
   struct vmkMgmtHandleInt *h = handle;
   mg_key_t *k;
   vmk_uint32 i;

   EMU_MAY_BLOCK();
   if (keyName == NULL || getFn == NULL || setFn == NULL ||
       keyName->string[0] == '\0' ||
       (keyType != VMK_MGMT_KEY_TYPE_LONG &&
        keyType != VMK_MGMT_KEY_TYPE_STRING)) {
      return VMK_BAD_PARAM;
   }
   emu_mutex_lock(&mg_lock);
   if (!mg_handle_live(h) || h->h_dying) {
      emu_mutex_unlock(&mg_lock);
      return VMK_BAD_PARAM;
   }
   for (i = 0; i < h->h_nkeys; i++) {
      if (strncmp(h->h_keys[i].k_name, keyName->string,
                  sizeof h->h_keys[i].k_name) == 0) {
         emu_mutex_unlock(&mg_lock);
         return VMK_BAD_PARAM;
      }
   }
   if (h->h_nkeys == VMK_MGMT_MAX_KEYS_PER_INSTANCE) {
      emu_mutex_unlock(&mg_lock);
      return VMK_NO_MEMORY;
   }
   k = &h->h_keys[h->h_nkeys++];
   k->k_type = keyType;
   memcpy(k->k_name, keyName->string, sizeof k->k_name);
   k->k_name[sizeof k->k_name - 1] = '\0';
   k->k_get = getFn;
   k->k_set = setFn;
   emu_mutex_unlock(&mg_lock);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_MgmtRegisterInstanceCallbacks(vmk_MgmtHandle handle,
                                  vmk_uint64 instanceId, vmk_ModuleID modId,
                                  vmk_HeapID heapId, vmk_Name *displayName,
                                  vmk_uint32 numCallbacks,
                                  vmk_MgmtCallbackInfo *callbacks)
{
   struct vmkMgmtHandleInt *h = handle;
   mg_inst_t *in;
   vmk_MgmtCallbackInfo *copy = NULL;
   vmk_uint32 i;
   int j;

   EMU_MAY_BLOCK();
   (void)heapId;
   if (instanceId == VMK_MGMT_NO_INSTANCE_ID || displayName == NULL ||
       (numCallbacks > 0 && callbacks == NULL) ||
       !emu_mod_exists((int32_t)modId)) {
      return VMK_BAD_PARAM;
   }
   if (numCallbacks > 0) {
      copy = calloc(numCallbacks, sizeof *copy);
      if (copy == NULL) {
         return VMK_NO_MEMORY;
      }
      memcpy(copy, callbacks, numCallbacks * sizeof *copy);
   }
   emu_mutex_lock(&mg_lock);
   if (!mg_handle_live(h) || h->h_dying) {
      goto bad;
   }
   /* Each override must match a callback of the signature, same shape. */
   for (i = 0; i < numCallbacks; i++) {
      const vmk_MgmtCallbackInfo *o = NULL;

      for (j = 0; j < h->h_sig->numCallbacks; j++) {
         if (h->h_sig->callbacks[j].callbackId == copy[i].callbackId) {
            o = &h->h_sig->callbacks[j];
         }
      }
      if (o == NULL || !mg_cb_ok(&copy[i]) ||
          copy[i].location != VMK_MGMT_CALLBACK_KERNEL ||
          copy[i].callback == NULL || copy[i].numParms != o->numParms) {
         goto bad;
      }
   }
   for (i = 0; i < h->h_ninst; i++) {
      if (h->h_inst[i].i_id == instanceId) {
         goto bad;
      }
   }
   if (h->h_ninst == VMK_MGMT_MAX_INSTANCES) {
      emu_mutex_unlock(&mg_lock);
      free(copy);
      return VMK_NO_MEMORY;
   }
   in = &h->h_inst[h->h_ninst++];
   in->i_id = instanceId;
   memcpy(in->i_name, displayName->string, sizeof in->i_name);
   in->i_name[sizeof in->i_name - 1] = '\0';
   in->i_ncb = numCallbacks;
   in->i_cb = copy;
   emu_mutex_unlock(&mg_lock);
   return VMK_OK;

bad:
   emu_mutex_unlock(&mg_lock);
   free(copy);
   return VMK_BAD_PARAM;
}

EMU_EXPORT VMK_ReturnStatus
vmk_MgmtUnregisterInstanceCallbacks(vmk_MgmtHandle handle,
                                    vmk_uint64 instanceId)
{
   struct vmkMgmtHandleInt *h = handle;
   vmk_uint32 i;

   EMU_MAY_BLOCK();
   emu_mutex_lock(&mg_lock);
   if (mg_handle_live(h)) {
      for (i = 0; i < h->h_ninst; i++) {
         if (h->h_inst[i].i_id == instanceId) {
            free(h->h_inst[i].i_cb);
            h->h_inst[i] = h->h_inst[--h->h_ninst];
            emu_mutex_unlock(&mg_lock);
            return VMK_OK;
         }
      }
   }
   emu_mutex_unlock(&mg_lock);
   return VMK_BAD_PARAM;
}

/* The signature's callback id, or NULL. */
static const vmk_MgmtCallbackInfo *
mg_sig_cb(const vmk_MgmtApiSignature *sig, vmk_uint64 id)
{
   int i;

   for (i = 0; sig != NULL && i < sig->numCallbacks; i++) {
      if (sig->callbacks[i].callbackId == id) {
         return &sig->callbacks[i];
      }
   }
   return NULL;
}

static int
mg_is_vector(vmk_MgmtParmType t)
{
   return t >= VMK_MGMT_PARMTYPE_VECTOR_IN;
}

static void
mg_msg_free(mg_msg_t *m)
{
   vmk_uint32 i;

   for (i = 0; i < m->m_nparms; i++) {
      free(m->m_vec[i].dataPtr);
   }
   free(m);
}

EMU_EXPORT VMK_ReturnStatus
vmk_MgmtCallbackInvokeInt(vmk_MgmtHandle handle, vmk_MgmtEnvelope *envelope,
                          vmk_uint64 callbackId, vmk_uint32 argCount, ...)
{
   struct vmkMgmtHandleInt *h = handle;
   struct EmuCtl_MgmtSessionInt *s;
   const vmk_MgmtCallbackInfo *kcb;
   void *args[VMK_MGMT_MAX_CALLBACK_PARMS];
   va_list ap;
   vmk_uint32 i;
   unsigned queued = 0;
   VMK_ReturnStatus st = VMK_OK;

   if (envelope == NULL || argCount > VMK_MGMT_MAX_CALLBACK_PARMS) {
      return VMK_BAD_PARAM;
   }
   va_start(ap, argCount);
   for (i = 0; i < argCount; i++) {
      args[i] = va_arg(ap, void *);
   }
   va_end(ap);
   emu_mutex_lock(&mg_lock);
   if (!mg_handle_live(h) || h->h_dying) {
      emu_mutex_unlock(&mg_lock);
      return VMK_BAD_PARAM;
   }
   kcb = mg_sig_cb(h->h_sig, callbackId);
   if (kcb == NULL || kcb->location != VMK_MGMT_CALLBACK_USER ||
       kcb->numParms != argCount) {
      emu_mutex_unlock(&mg_lock);
      return VMK_BAD_PARAM;
   }
   for (i = 0; i < argCount; i++) {
      if (args[i] == NULL) {
         emu_mutex_unlock(&mg_lock);
         return VMK_BAD_PARAM;
      }
   }
   for (s = mg_sessions; s != NULL && st == VMK_OK; s = s->s_next) {
      const vmk_MgmtCallbackInfo *ucb;
      mg_msg_t *m;

      if (s->s_h != h || (envelope->sessionId != VMK_MGMT_SESSION_ID_ALL &&
                          envelope->sessionId != s->s_id)) {
         continue;
      }
      ucb = mg_sig_cb(s->s_usig, callbackId);
      if (ucb == NULL || ucb->callback == NULL) {
         continue;                  /* that side does not listen for it */
      }
      m = calloc(1, sizeof *m);
      if (m == NULL) {
         st = VMK_NO_MEMORY;
         break;
      }
      m->m_cb = ucb;
      m->m_instance = envelope->instanceId;
      m->m_nparms = argCount;
      for (i = 0; i < argCount; i++) {
         const void *src = args[i];
         vmk_ByteCount len = kcb->parmSizes[i];

         if (mg_is_vector(kcb->parmTypes[i])) {
            const vmk_MgmtVectorParm *v = args[i];

            src = v->dataPtr;
            len = v->length;
         }
         m->m_vec[i].length = len;
         m->m_vec[i].dataPtr = malloc(len ? len : 1);
         if (m->m_vec[i].dataPtr == NULL) {
            st = VMK_NO_MEMORY;
            break;
         }
         if (len != 0) {
            memcpy(m->m_vec[i].dataPtr, src, len);
         }
         m->m_parm[i] = mg_is_vector(kcb->parmTypes[i]) ?
                        (void *)&m->m_vec[i] : m->m_vec[i].dataPtr;
      }
      if (st != VMK_OK) {
         mg_msg_free(m);
         break;
      }
      *s->s_qtail = m;
      s->s_qtail = &m->m_next;
      queued++;
   }
   emu_mutex_unlock(&mg_lock);
   if (st == VMK_OK && queued == 0) {
      st = VMK_NOT_FOUND;
   }
   return st;
}

/* ---- the user-space side ---------------------------------------------- */

EMU_EXPORT VMK_ReturnStatus
EmuCtl_MgmtUserInit(vmk_MgmtApiSignature *sig, vmk_uint64 userCookie,
                    EmuCtl_MgmtSession *session)
{
   struct vmkMgmtHandleInt *h;
   struct EmuCtl_MgmtSessionInt *s;
   VMK_ReturnStatus st = VMK_OK;

   if (sig == NULL || session == NULL || !mg_sig_ok(sig)) {
      return VMK_BAD_PARAM;
   }
   s = calloc(1, sizeof *s);
   if (s == NULL) {
      return VMK_NO_MEMORY;
   }
   emu_mutex_lock(&mg_lock);
   for (h = mg_handles; h != NULL; h = h->h_next) {
      if (!h->h_dying &&
          strncmp(h->h_name, sig->name.string, sizeof h->h_name) == 0 &&
          VMK_REVISION_MAJOR(h->h_sig->version) ==
             VMK_REVISION_MAJOR(sig->version) &&
          VMK_REVISION_MINOR(h->h_sig->version) ==
             VMK_REVISION_MINOR(sig->version)) {
         break;
      }
   }
   if (h == NULL) {
      emu_mutex_unlock(&mg_lock);
      free(s);
      return VMK_NOT_FOUND;
   }
   h->h_refs++;
   s->s_h = h;
   s->s_id = mg_next_session++;
   s->s_ucookie = userCookie;
   s->s_usig = sig;
   s->s_qtail = &s->s_q;
   emu_mutex_unlock(&mg_lock);

   if (h->h_props.sessionAnnounceFn != NULL) {
      st = h->h_props.sessionAnnounceFn(h, h->h_props.handleCookie, s->s_id,
                                        &s->s_cookie);
   }
   emu_mutex_lock(&mg_lock);
   if (st != VMK_OK) {
      mg_handle_unref(h);
      free(s);
      return VMK_FAILURE;
   }
   s->s_next = mg_sessions;
   mg_sessions = s;
   emu_mutex_unlock(&mg_lock);
   snprintf(s->s_name, sizeof s->s_name, "session %llu",
            (unsigned long long)s->s_id);
   emu_rsrc_add(&s->s_rsrc, EMU_RSRC_OTHER, "mgmt session", s->s_name,
                EMU_CALLER());
   *session = s;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_MgmtUserDestroy(EmuCtl_MgmtSession session)
{
   struct EmuCtl_MgmtSessionInt **pp;
   struct EmuCtl_MgmtSessionInt *s = NULL;
   struct vmkMgmtHandleInt *h;
   mg_msg_t *m;
   vmk_AddrCookie ck;

   emu_mutex_lock(&mg_lock);
   for (pp = &mg_sessions; *pp != NULL; pp = &(*pp)->s_next) {
      if (*pp == session) {
         s = *pp;
         *pp = s->s_next;
         break;
      }
   }
   emu_mutex_unlock(&mg_lock);
   if (s == NULL) {
      return VMK_BAD_PARAM;
   }
   while ((m = s->s_q) != NULL) {
      s->s_q = m->m_next;
      mg_msg_free(m);
   }
   h = s->s_h;
   if (h->h_props.sessionCleanupFn != NULL) {
      ck.addr = (vmk_uintptr_t)s->s_cookie;
      h->h_props.sessionCleanupFn(h, h->h_props.handleCookie, s->s_id, ck);
   }
   emu_rsrc_remove(&s->s_rsrc);
   free(s);
   emu_mutex_lock(&mg_lock);
   mg_handle_unref(h);
   return VMK_OK;
}

typedef VMK_ReturnStatus (*mg_k0_t)(vmk_MgmtCookies *, vmk_MgmtEnvelope *);
typedef VMK_ReturnStatus (*mg_k1_t)(vmk_MgmtCookies *, vmk_MgmtEnvelope *,
                                    void *);
typedef VMK_ReturnStatus (*mg_k2_t)(vmk_MgmtCookies *, vmk_MgmtEnvelope *,
                                    void *, void *);
typedef VMK_ReturnStatus (*mg_k3_t)(vmk_MgmtCookies *, vmk_MgmtEnvelope *,
                                    void *, void *, void *);
typedef VMK_ReturnStatus (*mg_k4_t)(vmk_MgmtCookies *, vmk_MgmtEnvelope *,
                                    void *, void *, void *, void *);

EMU_EXPORT VMK_ReturnStatus
EmuCtl_MgmtInvoke(EmuCtl_MgmtSession session, vmk_uint64 instanceId,
                  vmk_uint64 callbackId, void **parms, vmk_uint32 numParms)
{
   struct EmuCtl_MgmtSessionInt *s;
   struct vmkMgmtHandleInt *h;
   vmk_MgmtCallbackInfo cb;
   const vmk_MgmtCallbackInfo *sigcb;
   vmk_MgmtCookies cookies;
   vmk_MgmtEnvelope env;
   void *kp[VMK_MGMT_MAX_CALLBACK_PARMS] = { NULL };
   vmk_MgmtVectorParm kv[VMK_MGMT_MAX_CALLBACK_PARMS];
   void *bufs[VMK_MGMT_MAX_CALLBACK_PARMS] = { NULL };
   vmk_HeapID heap;
   VMK_ReturnStatus st = VMK_OK;
   vmk_uint32 i;
   int found_inst = instanceId == VMK_MGMT_NO_INSTANCE_ID;

   if (numParms > VMK_MGMT_MAX_CALLBACK_PARMS ||
       (numParms > 0 && parms == NULL)) {
      return VMK_BAD_PARAM;
   }
   emu_mutex_lock(&mg_lock);
   s = mg_session_live(session);
   if (s == NULL || s->s_h->h_dying) {
      emu_mutex_unlock(&mg_lock);
      return VMK_BAD_PARAM;
   }
   h = s->s_h;
   sigcb = mg_sig_cb(h->h_sig, callbackId);
   if (sigcb == NULL || sigcb->location != VMK_MGMT_CALLBACK_KERNEL ||
       sigcb->numParms != numParms) {
      emu_mutex_unlock(&mg_lock);
      return VMK_BAD_PARAM;
   }
   cb = *sigcb;
   heap = h->h_props.heapId;
   for (i = 0; i < h->h_ninst && !found_inst; i++) {
      if (h->h_inst[i].i_id == instanceId) {
         vmk_uint32 j;

         found_inst = 1;
         for (j = 0; j < h->h_inst[i].i_ncb; j++) {
            if (h->h_inst[i].i_cb[j].callbackId == callbackId) {
               cb.callback = h->h_inst[i].i_cb[j].callback;
            }
         }
      }
   }
   if (!found_inst) {
      emu_mutex_unlock(&mg_lock);
      return VMK_NOT_FOUND;
   }
   if (cb.callback == NULL) {
      emu_mutex_unlock(&mg_lock);
      return VMK_BAD_PARAM;
   }
   h->h_refs++;
   cookies.handleCookie = h->h_props.handleCookie;
   cookies.sessionCookie = s->s_cookie;
   env.instanceId = instanceId;
   env.sessionId = s->s_id;
   emu_mutex_unlock(&mg_lock);

   /* Copy in. */
   for (i = 0; i < numParms && st == VMK_OK; i++) {
      vmk_MgmtParmType t = cb.parmTypes[i];
      vmk_ByteCount len = cb.parmSizes[i];
      const void *src = parms[i];

      if (parms[i] == NULL) {
         st = VMK_BAD_PARAM;
         break;
      }
      if (mg_is_vector(t)) {
         const vmk_MgmtVectorParm *v = parms[i];

         len = v->length;
         src = v->dataPtr;
         if (len % cb.parmSizes[i] != 0 || (len != 0 && src == NULL)) {
            st = VMK_BAD_PARAM;
            break;
         }
      }
      bufs[i] = vmk_HeapAlloc(heap, len ? (vmk_uint32)len : 1);
      if (bufs[i] == NULL) {
         st = VMK_NO_MEMORY;
         break;
      }
      if (t == VMK_MGMT_PARMTYPE_OUT || t == VMK_MGMT_PARMTYPE_VECTOR_OUT) {
         memset(bufs[i], 0, len);
      } else if (len != 0) {
         memcpy(bufs[i], src, len);
      }
      kv[i].length = len;
      kv[i].dataPtr = bufs[i];
      kp[i] = mg_is_vector(t) ? (void *)&kv[i] : bufs[i];
   }
   if (st == VMK_OK) {
      VMK_ReturnStatus cst = VMK_OK;

      switch (numParms) {
      case 0: cst = ((mg_k0_t)cb.callback)(&cookies, &env); break;
      case 1: cst = ((mg_k1_t)cb.callback)(&cookies, &env, kp[0]); break;
      case 2: cst = ((mg_k2_t)cb.callback)(&cookies, &env, kp[0], kp[1]);
         break;
      case 3: cst = ((mg_k3_t)cb.callback)(&cookies, &env, kp[0], kp[1],
                                           kp[2]);
         break;
      default: cst = ((mg_k4_t)cb.callback)(&cookies, &env, kp[0], kp[1],
                                            kp[2], kp[3]);
         break;
      }
      (void)cst;   /* ESXi drops it too: results travel in parameters */
      /* Copy out. */
      for (i = 0; i < numParms; i++) {
         vmk_MgmtParmType t = cb.parmTypes[i];

         if (t == VMK_MGMT_PARMTYPE_IN || t == VMK_MGMT_PARMTYPE_VECTOR_IN) {
            continue;
         }
         if (mg_is_vector(t)) {
            vmk_MgmtVectorParm *v = parms[i];

            memcpy(v->dataPtr, bufs[i], v->length);
         } else {
            memcpy(parms[i], bufs[i], cb.parmSizes[i]);
         }
      }
   }
   for (i = 0; i < numParms; i++) {
      if (bufs[i] != NULL) {
         vmk_HeapFree(heap, bufs[i]);
      }
   }
   emu_mutex_lock(&mg_lock);
   mg_handle_unref(h);
   return st;
}

typedef void (*mg_u0_t)(vmk_uint64, vmk_uint64);
typedef void (*mg_u1_t)(vmk_uint64, vmk_uint64, void *);
typedef void (*mg_u2_t)(vmk_uint64, vmk_uint64, void *, void *);
typedef void (*mg_u3_t)(vmk_uint64, vmk_uint64, void *, void *, void *);
typedef void (*mg_u4_t)(vmk_uint64, vmk_uint64, void *, void *, void *,
                        void *);

EMU_EXPORT VMK_ReturnStatus
EmuCtl_MgmtDeliver(EmuCtl_MgmtSession session, vmk_uint32 *ran)
{
   vmk_uint32 n = 0;

   for (;;) {
      struct EmuCtl_MgmtSessionInt *s;
      mg_msg_t *m;
      vmk_uint64 ck;
      void **p;

      emu_mutex_lock(&mg_lock);
      s = mg_session_live(session);
      if (s == NULL) {
         emu_mutex_unlock(&mg_lock);
         break;
      }
      m = s->s_q;
      if (m == NULL) {
         emu_mutex_unlock(&mg_lock);
         break;
      }
      s->s_q = m->m_next;
      if (s->s_q == NULL) {
         s->s_qtail = &s->s_q;
      }
      ck = s->s_ucookie;
      emu_mutex_unlock(&mg_lock);
      p = m->m_parm;
      switch (m->m_nparms) {
      case 0: ((mg_u0_t)m->m_cb->callback)(ck, m->m_instance); break;
      case 1: ((mg_u1_t)m->m_cb->callback)(ck, m->m_instance, p[0]); break;
      case 2: ((mg_u2_t)m->m_cb->callback)(ck, m->m_instance, p[0], p[1]);
         break;
      case 3: ((mg_u3_t)m->m_cb->callback)(ck, m->m_instance, p[0], p[1],
                                           p[2]);
         break;
      default: ((mg_u4_t)m->m_cb->callback)(ck, m->m_instance, p[0], p[1],
                                            p[2], p[3]);
         break;
      }
      mg_msg_free(m);
      n++;
   }
   if (ran != NULL) {
      *ran = n;
   }
   emu_mutex_lock(&mg_lock);
   if (n == 0 && mg_session_live(session) == NULL) {
      emu_mutex_unlock(&mg_lock);
      return VMK_BAD_PARAM;
   }
   emu_mutex_unlock(&mg_lock);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_MgmtGetInstances(EmuCtl_MgmtSession session,
                        vmk_MgmtInstances *instances)
{
   struct EmuCtl_MgmtSessionInt *s;
   vmk_uint32 i;

   if (instances == NULL) {
      return VMK_BAD_PARAM;
   }
   emu_mutex_lock(&mg_lock);
   s = mg_session_live(session);
   if (s == NULL) {
      emu_mutex_unlock(&mg_lock);
      return VMK_BAD_PARAM;
   }
   memset(instances, 0, sizeof *instances);
   instances->numInstances = (vmk_uint8)s->s_h->h_ninst;
   for (i = 0; i < s->s_h->h_ninst; i++) {
      instances->instanceIds[i] = s->s_h->h_inst[i].i_id;
      memcpy(instances->instanceNames[i].string, s->s_h->h_inst[i].i_name,
             sizeof instances->instanceNames[i].string);
   }
   emu_mutex_unlock(&mg_lock);
   return VMK_OK;
}

/* Find the key and take a reference on its handle.  => mg_lock not held. */
static struct vmkMgmtHandleInt *
mg_key_find(const char *apiName, const char *keyName, mg_key_t *key)
{
   struct vmkMgmtHandleInt *h;
   vmk_uint32 i;

   emu_mutex_lock(&mg_lock);
   for (h = mg_handles; h != NULL; h = h->h_next) {
      if (h->h_dying || strcmp(h->h_name, apiName) != 0) {
         continue;
      }
      for (i = 0; i < h->h_nkeys; i++) {
         if (strcmp(h->h_keys[i].k_name, keyName) == 0) {
            *key = h->h_keys[i];
            h->h_refs++;
            emu_mutex_unlock(&mg_lock);
            return h;
         }
      }
   }
   emu_mutex_unlock(&mg_lock);
   return NULL;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_MgmtKeyGet(const char *apiName, const char *keyName, char *buf,
                  vmk_uint32 len)
{
   struct vmkMgmtHandleInt *h;
   mg_key_t k;
   VMK_ReturnStatus st;

   if (apiName == NULL || keyName == NULL || buf == NULL || len == 0) {
      return VMK_BAD_PARAM;
   }
   h = mg_key_find(apiName, keyName, &k);
   if (h == NULL) {
      return VMK_NOT_FOUND;
   }
   if (k.k_type == VMK_MGMT_KEY_TYPE_LONG) {
      vmk_uint64 v = 0;

      st = k.k_get(h->h_props.handleCookie, &v);
      snprintf(buf, len, "%llu", (unsigned long long)v);
   } else {
      char *s = calloc(1, VMK_MGMT_KEY_STRING_MAXLEN);

      st = s == NULL ? VMK_NO_MEMORY : k.k_get(h->h_props.handleCookie, s);
      if (s != NULL) {
         s[VMK_MGMT_KEY_STRING_MAXLEN - 1] = '\0';
         snprintf(buf, len, "%s", s);
         free(s);
      }
   }
   emu_mutex_lock(&mg_lock);
   mg_handle_unref(h);
   return st == VMK_OK ? VMK_OK : VMK_FAILURE;
}

EMU_EXPORT VMK_ReturnStatus
EmuCtl_MgmtKeySet(const char *apiName, const char *keyName,
                  const char *value)
{
   struct vmkMgmtHandleInt *h;
   mg_key_t k;
   VMK_ReturnStatus st;

   if (apiName == NULL || keyName == NULL || value == NULL) {
      return VMK_BAD_PARAM;
   }
   h = mg_key_find(apiName, keyName, &k);
   if (h == NULL) {
      return VMK_NOT_FOUND;
   }
   if (k.k_type == VMK_MGMT_KEY_TYPE_LONG) {
      char *end = NULL;
      vmk_uint64 v = strtoull(value, &end, 0);

      if (end == value || *end != '\0') {
         emu_mutex_lock(&mg_lock);
         mg_handle_unref(h);
         return VMK_BAD_PARAM;
      }
      st = k.k_set(h->h_props.handleCookie, &v);
   } else {
      char *s = calloc(1, VMK_MGMT_KEY_STRING_MAXLEN);

      if (s == NULL) {
         st = VMK_NO_MEMORY;
      } else {
         snprintf(s, VMK_MGMT_KEY_STRING_MAXLEN, "%s", value);
         st = k.k_set(h->h_props.handleCookie, s);
         free(s);
      }
   }
   emu_mutex_lock(&mg_lock);
   mg_handle_unref(h);
   return st == VMK_OK ? VMK_OK : VMK_FAILURE;
}
