/*
 * vmk_hash.c -- lib/vmkapi_hash.h: key-value hash tables.
 *
 * 1. Model: a table is a fixed array of bucket chains, sized at create to
 *    the next power of two at or above props->nbEntries (at least 16, at
 *    most 2^20): nbEntries is the driver's "best guess" and more entries
 *    only make chains longer.  The table and every entry come from the
 *    driver's heap (props->heapID, through emu/lib/libmem.h), so a full
 *    heap makes vmk_HashKeyInsert fail with VMK_NO_MEMORY.  It is
 *    hand-rolled rather than uthash because every allocation must go to
 *    that heap, and vmk_HashGetAllocSize must be able to predict them.
 * 2. Keys: INT keys are the vmk_HashKey pointer value itself (keySize must
 *    be 0); STR keys are NUL-terminated strings of at most keySize
 *    characters (a longer key is VMK_BAD_PARAM on insert and simply not
 *    found by lookups); OPAQUE keys are keySize bytes compared with memcmp.
 *    Without VMK_HASH_KEY_FLAGS_LOCAL_COPY the table keeps the driver's key
 *    pointer, which must stay valid while the entry exists; with it, the
 *    key is copied into the entry.  Hashing is vmk_HashBytes over the key
 *    bytes (FNV-1a, 64-bit, with a final mix).
 * 3. References: with props->acquire, the table takes a reference to each
 *    value it stores (insert, update) and gives one to each caller that
 *    asks for a value out (find, update's and delete's old value); with
 *    props->release it drops its own reference when a value leaves the table
 *    (update, delete, delete-all, iterator delete).  Callbacks run
 *    synchronously, never for a NULL value, and inside a non-blocking
 *    region (the vmkapi says they must not block).
 * 4. Locking: none, as on ESX (the caller serialises changes).  Inserting,
 *    deleting or releasing from inside vmk_HashKeyIterate's callback on the
 *    same table is a MISUSE report (the walk would go wrong); the call then
 *    fails with VMK_BUSY.  The iterator's own DELETE command is the way.
 * 5. Handles carry a magic: a foreign or corrupted handle is a DEAD_HANDLE
 *    report (then VMK_INVALID_HANDLE, or the neutral value); the magic is
 *    also cleared at release, which catches a released table as long as its
 *    memory has not been reused (host memory today, see libmem.h).  A table still
 *    allocated at EmuCtl_Shutdown is listed as a leak (resource "hash").
 *    Differences from ESX: inserting a key that is present is VMK_EXISTS.
 */
#include "api.h"

#include <string.h>

#include "core/block.h"
#include "core/rsrc.h"
#include "lib/libmem.h"

#define HASH_MAGIC       0x48415348u       /* "HASH" */
#define HASH_MAGIC_DEAD  0x64656164u       /* "dead" */
#define HASH_MIN_BUCKETS 16u
#define HASH_MAX_BUCKETS (1u << 20)
#define HASH_KEY_FLAGS_ALL VMK_HASH_KEY_FLAGS_LOCAL_COPY

struct hash_entry {
   struct hash_entry *he_next;        /* bucket chain */
   vmk_uint64         he_hash;        /* full hash of the key */
   vmk_HashKey        he_key;         /* as given, or he_copy */
   vmk_HashValue      he_value;
   char               he_copy[];      /* the local copy of the key, if any */
};

struct hash_table {
   vmk_uint32          ht_magic;      /* HASH_MAGIC while allocated */
   /* Immutable after create */
   vmk_HeapID          ht_heap;
   vmk_HashKeyType     ht_type;
   vmk_HashKeyFlags    ht_flags;
   vmk_uint32          ht_keysize;
   vmk_HashValueAcquire ht_acquire;
   vmk_HashValueRelease ht_release;
   vmk_uint32          ht_nbuckets;   /* a power of two */
   emu_rsrc_t          ht_rsrc;       /* leak registry */
   /* Contents -- serialised by the caller */
   vmk_uint64          ht_count;
   unsigned            ht_iterating;  /* depth of vmk_HashKeyIterate */
   struct hash_entry  *ht_buckets[];
};

static vmk_uint64
hash_bytes(const void *key, vmk_ByteCount len)
{
   const vmk_uint8 *p = key;
   vmk_uint64 h = 0xcbf29ce484222325ull;       /* FNV-1a offset basis */
   vmk_ByteCount i;

   for (i = 0; i < len; i++) {
      h ^= p[i];
      h *= 0x100000001b3ull;                   /* FNV prime */
   }
   h ^= h >> 33;                               /* spread the low bits */
   h *= 0xff51afd7ed558ccdull;
   h ^= h >> 33;
   return h;
}

static vmk_uint32
hash_nbuckets(vmk_uint32 nbEntries)
{
   vmk_uint32 n = HASH_MIN_BUCKETS;

   while (n < nbEntries && n < HASH_MAX_BUCKETS) {
      n <<= 1;
   }
   return n;
}

EMU_EXPORT vmk_ByteCount
vmk_HashGetAllocSize(vmk_uint32 nbEntries)
{
   return sizeof(struct hash_table) +
          (vmk_ByteCount)hash_nbuckets(nbEntries) * sizeof(struct hash_entry *) +
          (vmk_ByteCount)nbEntries * sizeof(struct hash_entry);
}

EMU_EXPORT VMK_ReturnStatus
vmk_HashBytes(const vmk_uint8 *key, vmk_uint32 keySize, vmk_uint64 *hash)
{
   if (key == NULL || hash == NULL || keySize == 0) {
      return VMK_BAD_PARAM;
   }
   *hash = hash_bytes(key, keySize);
   return VMK_OK;
}

/* The live table behind a handle, or NULL after a DEAD_HANDLE report. */
static struct hash_table *
hash_get(vmk_HashTable hdl, const void *caller, const char *fn)
{
   struct hash_table *ht = hdl;
   emu_report_obj_t obj = { "hash", NULL, hdl };

   if (ht == NULL) {
      return NULL;
   }
   if (ht->ht_magic != HASH_MAGIC) {
      emu_report(EMU_RPT_DEAD_HANDLE, &obj, caller,
                 "%s: not a live hash table", fn);
      return NULL;
   }
   return ht;
}

/*
 * Check a key and say how many bytes of it are hashed and compared.
 * Returns VMK_BAD_PARAM for a NULL pointer key, VMK_LIMIT_EXCEEDED for a
 * string longer than the table's keySize.
 */
static VMK_ReturnStatus
hash_key_bytes(const struct hash_table *ht, vmk_HashKey key,
               const void **bytes, vmk_ByteCount *len)
{
   switch (ht->ht_type) {
   case VMK_HASH_KEY_TYPE_INT:
      *bytes = NULL;              /* the pointer value itself */
      *len = sizeof key;
      return VMK_OK;
   case VMK_HASH_KEY_TYPE_STR:
      if (key == NULL) {
         return VMK_BAD_PARAM;
      }
      *bytes = key;
      *len = strnlen(key, (size_t)ht->ht_keysize + 1);
      return *len > ht->ht_keysize ? VMK_LIMIT_EXCEEDED : VMK_OK;
   default:
      if (key == NULL) {
         return VMK_BAD_PARAM;
      }
      *bytes = key;
      *len = ht->ht_keysize;
      return VMK_OK;
   }
}

static vmk_uint64
hash_of(vmk_HashKey key, const void *bytes, vmk_ByteCount len)
{
   return bytes == NULL ? hash_bytes(&key, sizeof key) : hash_bytes(bytes, len);
}

static int
hash_key_equal(const struct hash_table *ht, const struct hash_entry *e,
               vmk_HashKey key, const void *bytes, vmk_ByteCount len)
{
   switch (ht->ht_type) {
   case VMK_HASH_KEY_TYPE_INT:
      return e->he_key == key;
   case VMK_HASH_KEY_TYPE_STR:
      return strnlen(e->he_key, len + 1) == len &&
             memcmp(e->he_key, bytes, len) == 0;
   default:
      return memcmp(e->he_key, bytes, len) == 0;
   }
}

/* The link that points at key's entry (or at the NULL ending its chain). */
static struct hash_entry **
hash_find_link(struct hash_table *ht, vmk_HashKey key, const void *bytes,
               vmk_ByteCount len, vmk_uint64 h)
{
   struct hash_entry **link = &ht->ht_buckets[h & (ht->ht_nbuckets - 1)];

   for (; *link != NULL; link = &(*link)->he_next) {
      if ((*link)->he_hash == h &&
          hash_key_equal(ht, *link, key, bytes, len)) {
         break;
      }
   }
   return link;
}

static void
hash_acquire(const struct hash_table *ht, vmk_HashValue value)
{
   if (ht->ht_acquire != NULL && value != NULL) {
      EMU_NONBLOCKING_BEGIN("hash value acquire callback");
      ht->ht_acquire(value);
      EMU_NONBLOCKING_END();
   }
}

static void
hash_release(const struct hash_table *ht, vmk_HashValue value)
{
   if (ht->ht_release != NULL && value != NULL) {
      EMU_NONBLOCKING_BEGIN("hash value release callback");
      ht->ht_release(value);
      EMU_NONBLOCKING_END();
   }
}

/* Unlink and free the entry at *link, dropping the table's reference. */
static void
hash_remove(struct hash_table *ht, struct hash_entry **link)
{
   struct hash_entry *e = *link;

   *link = e->he_next;
   ht->ht_count--;
   hash_release(ht, e->he_value);
   emu_lib_free(ht->ht_heap, e);
}

/* A change of the table's shape from inside its own iterator. */
static int
hash_busy(struct hash_table *ht, const void *caller, const char *fn)
{
   emu_report_obj_t obj = { "hash", NULL, ht };

   if (ht->ht_iterating == 0) {
      return 0;
   }
   emu_report(EMU_RPT_MISUSE, &obj, caller,
              "%s: called on a hash table from its own iterator", fn);
   return 1;
}

EMU_EXPORT VMK_ReturnStatus
vmk_HashAlloc(vmk_HashProperties *props, vmk_HashTable *hdl)
{
   struct hash_table *ht;
   vmk_uint32 nbuckets;

   if (props == NULL || hdl == NULL) {
      return VMK_BAD_PARAM;
   }
   switch (props->keyType) {
   case VMK_HASH_KEY_TYPE_INT:
      if (props->keySize != 0 ||
          (props->keyFlags & VMK_HASH_KEY_FLAGS_LOCAL_COPY)) {
         return VMK_BAD_PARAM;
      }
      break;
   case VMK_HASH_KEY_TYPE_STR:
   case VMK_HASH_KEY_TYPE_OPAQUE:
      if (props->keySize == 0) {
         return VMK_BAD_PARAM;
      }
      break;
   default:
      return VMK_BAD_PARAM;
   }
   if ((props->keyFlags & ~(vmk_HashKeyFlags)HASH_KEY_FLAGS_ALL) != 0) {
      return VMK_BAD_PARAM;
   }
   nbuckets = hash_nbuckets(props->nbEntries);
   ht = emu_lib_alloc(props->heapID,
                      sizeof *ht + nbuckets * sizeof ht->ht_buckets[0],
                      EMU_CALLER());
   if (ht == NULL) {
      return VMK_NO_MEMORY;
   }
   ht->ht_heap = props->heapID;
   ht->ht_type = props->keyType;
   ht->ht_flags = props->keyFlags;
   ht->ht_keysize = props->keySize;
   ht->ht_acquire = props->acquire;
   ht->ht_release = props->release;
   ht->ht_nbuckets = nbuckets;
   ht->ht_count = 0;
   ht->ht_iterating = 0;
   emu_rsrc_add(&ht->ht_rsrc, EMU_RSRC_OTHER, "hash", "hash table",
                EMU_CALLER());
   ht->ht_magic = HASH_MAGIC;
   *hdl = ht;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_HashRelease(vmk_HashTable hdl)
{
   struct hash_table *ht;

   EMU_MAY_BLOCK();
   if (hdl == VMK_INVALID_HASH_HANDLE) {
      return VMK_BAD_PARAM;
   }
   ht = hash_get(hdl, EMU_CALLER(), __func__);
   if (ht == NULL) {
      return VMK_INVALID_HANDLE;
   }
   if (hash_busy(ht, EMU_CALLER(), __func__)) {
      return VMK_BUSY;
   }
   if (ht->ht_count != 0) {
      return VMK_BUSY;
   }
   emu_rsrc_remove(&ht->ht_rsrc);
   ht->ht_magic = HASH_MAGIC_DEAD;
   emu_lib_free(ht->ht_heap, ht);
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_HashDeleteAll(vmk_HashTable hdl)
{
   struct hash_table *ht;
   vmk_uint32 b;

   if (hdl == VMK_INVALID_HASH_HANDLE) {
      return VMK_BAD_PARAM;
   }
   ht = hash_get(hdl, EMU_CALLER(), __func__);
   if (ht == NULL) {
      return VMK_INVALID_HANDLE;
   }
   if (hash_busy(ht, EMU_CALLER(), __func__)) {
      return VMK_BUSY;
   }
   for (b = 0; b < ht->ht_nbuckets; b++) {
      while (ht->ht_buckets[b] != NULL) {
         hash_remove(ht, &ht->ht_buckets[b]);
      }
   }
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_HashKeysCount(vmk_HashTable hdl, vmk_uint64 *keysCnt)
{
   struct hash_table *ht;

   if (hdl == VMK_INVALID_HASH_HANDLE || keysCnt == NULL) {
      return VMK_BAD_PARAM;
   }
   ht = hash_get(hdl, EMU_CALLER(), __func__);
   if (ht == NULL) {
      return VMK_INVALID_HANDLE;
   }
   *keysCnt = ht->ht_count;
   return VMK_OK;
}

EMU_EXPORT vmk_Bool
vmk_HashIsEmpty(vmk_HashTable hdl)
{
   struct hash_table *ht;

   if (hdl == VMK_INVALID_HASH_HANDLE) {
      emu_report(EMU_RPT_MISUSE, NULL, EMU_CALLER(),
                 "%s: invalid hash handle", __func__);
      return VMK_TRUE;
   }
   ht = hash_get(hdl, EMU_CALLER(), __func__);
   if (ht == NULL) {
      return VMK_TRUE;
   }
   return ht->ht_count == 0 ? VMK_TRUE : VMK_FALSE;
}

EMU_EXPORT VMK_ReturnStatus
vmk_HashKeyIterate(vmk_HashTable hdl, vmk_HashKeyIterator iterator,
                   vmk_AddrCookie data)
{
   struct hash_table *ht;
   vmk_uint32 b;

   if (hdl == VMK_INVALID_HASH_HANDLE || iterator == NULL) {
      return VMK_BAD_PARAM;
   }
   ht = hash_get(hdl, EMU_CALLER(), __func__);
   if (ht == NULL) {
      return VMK_INVALID_HANDLE;
   }
   ht->ht_iterating++;
   for (b = 0; b < ht->ht_nbuckets; b++) {
      struct hash_entry **link = &ht->ht_buckets[b];

      while (*link != NULL) {
         struct hash_entry *e = *link;
         vmk_HashKeyIteratorCmd cmd;

         cmd = iterator(hdl, e->he_key, e->he_value, data);
         if (cmd & VMK_HASH_KEY_ITER_CMD_DELETE) {
            hash_remove(ht, link);
         } else {
            link = &e->he_next;
         }
         if (cmd & VMK_HASH_KEY_ITER_CMD_STOP) {
            ht->ht_iterating--;
            return VMK_OK;
         }
      }
   }
   ht->ht_iterating--;
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_HashKeyInsert(vmk_HashTable hdl, vmk_HashKey key, vmk_HashValue value)
{
   struct hash_table *ht;
   struct hash_entry **link;
   struct hash_entry *e;
   const void *bytes;
   vmk_ByteCount len;
   vmk_ByteCount copy = 0;
   VMK_ReturnStatus status;
   vmk_uint64 h;

   if (hdl == VMK_INVALID_HASH_HANDLE) {
      return VMK_BAD_PARAM;
   }
   ht = hash_get(hdl, EMU_CALLER(), __func__);
   if (ht == NULL) {
      return VMK_INVALID_HANDLE;
   }
   if (hash_busy(ht, EMU_CALLER(), __func__)) {
      return VMK_BUSY;
   }
   status = hash_key_bytes(ht, key, &bytes, &len);
   if (status != VMK_OK) {
      return VMK_BAD_PARAM;          /* NULL key, or a string too long */
   }
   h = hash_of(key, bytes, len);
   link = hash_find_link(ht, key, bytes, len, h);
   if (*link != NULL) {
      return VMK_EXISTS;
   }
   if (ht->ht_flags & VMK_HASH_KEY_FLAGS_LOCAL_COPY) {
      copy = ht->ht_type == VMK_HASH_KEY_TYPE_STR ? len + 1 : len;
   }
   e = emu_lib_alloc(ht->ht_heap, sizeof *e + copy, EMU_CALLER());
   if (e == NULL) {
      return VMK_NO_MEMORY;
   }
   e->he_hash = h;
   e->he_value = value;
   if (copy != 0) {
      memcpy(e->he_copy, bytes, len);      /* a string copy ends zeroed */
      e->he_key = e->he_copy;
   } else {
      e->he_key = key;
   }
   hash_acquire(ht, value);
   e->he_next = NULL;
   *link = e;                               /* append to the chain */
   ht->ht_count++;
   return VMK_OK;
}

/* Common front of find/update/delete: the table and the key's link. */
static VMK_ReturnStatus
hash_lookup(vmk_HashTable hdl, vmk_HashKey key, struct hash_table **htp,
            struct hash_entry ***linkp, const void *caller, const char *fn)
{
   struct hash_table *ht;
   const void *bytes;
   vmk_ByteCount len;
   VMK_ReturnStatus status;

   if (hdl == VMK_INVALID_HASH_HANDLE) {
      return VMK_BAD_PARAM;
   }
   ht = hash_get(hdl, caller, fn);
   if (ht == NULL) {
      return VMK_INVALID_HANDLE;
   }
   status = hash_key_bytes(ht, key, &bytes, &len);
   if (status == VMK_LIMIT_EXCEEDED) {
      return VMK_NOT_FOUND;           /* longer than any key stored */
   }
   if (status != VMK_OK) {
      return status;
   }
   *htp = ht;
   *linkp = hash_find_link(ht, key, bytes, len, hash_of(key, bytes, len));
   return **linkp != NULL ? VMK_OK : VMK_NOT_FOUND;
}

EMU_EXPORT VMK_ReturnStatus
vmk_HashKeyFind(vmk_HashTable hdl, vmk_HashKey key, vmk_HashValue *value)
{
   struct hash_table *ht;
   struct hash_entry **link;
   VMK_ReturnStatus status;

   status = hash_lookup(hdl, key, &ht, &link, EMU_CALLER(), __func__);
   if (status != VMK_OK) {
      return status;
   }
   if (value != NULL) {
      hash_acquire(ht, (*link)->he_value);
      *value = (*link)->he_value;
   }
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_HashKeyUpdate(vmk_HashTable hdl, vmk_HashKey key, vmk_HashValue newValue,
                  vmk_HashValue *oldValue)
{
   struct hash_table *ht;
   struct hash_entry **link;
   vmk_HashValue old;
   VMK_ReturnStatus status;

   status = hash_lookup(hdl, key, &ht, &link, EMU_CALLER(), __func__);
   if (status != VMK_OK) {
      return status;
   }
   old = (*link)->he_value;
   hash_acquire(ht, newValue);
   (*link)->he_value = newValue;
   if (oldValue != NULL) {
      hash_acquire(ht, old);          /* the caller's reference */
      *oldValue = old;
   }
   hash_release(ht, old);             /* the table's reference */
   return VMK_OK;
}

EMU_EXPORT VMK_ReturnStatus
vmk_HashKeyDelete(vmk_HashTable hdl, vmk_HashKey key, vmk_HashValue *value)
{
   struct hash_table *ht;
   struct hash_entry **link;
   VMK_ReturnStatus status;

   status = hash_lookup(hdl, key, &ht, &link, EMU_CALLER(), __func__);
   if (status != VMK_OK) {
      return status;
   }
   if (hash_busy(ht, EMU_CALLER(), __func__)) {
      return VMK_BUSY;
   }
   if (value != NULL) {
      hash_acquire(ht, (*link)->he_value);
      *value = (*link)->he_value;
   }
   hash_remove(ht, link);
   return VMK_OK;
}
