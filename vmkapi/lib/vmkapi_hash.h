/*
 * lib/vmkapi_hash.h -- hash tables
 *
 * Key-value tables keyed by integers, strings or fixed-size byte strings,
 * with optional reference counting of the stored values.
 */

#ifndef _VMKAPI_HASH_H_
#define _VMKAPI_HASH_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "lib/vmkapi_hash.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Hash Hash Tables
 *
 * \brief Key-value tables with integer, string or opaque keys.
 *
 * A table is created with vmk_HashAlloc() from a vmk_HashProperties that
 * names the key type, the heap that supplies the table and its entries,
 * and an estimate of the number of entries. Tables do no locking: the
 * caller serialises every operation on one table.
 *
 * If acquire and release callbacks are given, the table takes a reference
 * on each value it stores and drops it when the value leaves the table,
 * and hands a new reference to each caller that gets a value out (find,
 * and the old value of update and delete).
 *
 * \note vmkemu reports a foreign or released handle (DEAD_HANDLE) and
 *       changing a table from inside its own vmk_HashKeyIterate() callback
 *       (MISUSE); tables still allocated at shutdown are listed as leaks.
 * \{
 */

/**
 * \brief Key flag: the table stores its own copy of each key, so the
 *        caller's key memory may be reused after the insert. Not allowed
 *        with integer keys.
 */
#define VMK_HASH_KEY_FLAGS_LOCAL_COPY 1

/**
 * \brief Key flag value with no flags: the table keeps the caller's key
 *        pointer, which must stay valid while the entry exists.
 */
#define VMK_HASH_KEY_FLAGS_NONE 0

/** \brief Iterator result: keep the entry and go on to the next one. */
#define VMK_HASH_KEY_ITER_CMD_CONTINUE 0

/**
 * \brief Iterator result bit: remove the current entry from the table
 *        (may be ORed with VMK_HASH_KEY_ITER_CMD_STOP).
 */
#define VMK_HASH_KEY_ITER_CMD_DELETE 2

/**
 * \brief Iterator result bit: end the walk after the current entry.
 */
#define VMK_HASH_KEY_ITER_CMD_STOP 1

/**
 * \brief A vmk_HashTable value that refers to no table.
 */
#define VMK_INVALID_HASH_HANDLE NULL

/**
 * \brief A key: for integer tables the pointer value itself is the key;
 *        otherwise it points at the key's bytes.
 */
typedef void *vmk_HashKey;

/** \brief Set of VMK_HASH_KEY_FLAGS_* bits. */
typedef vmk_uint64 vmk_HashKeyFlags;

/**
 * \brief What a vmk_HashKeyIterator asks the walk to do next: a
 *        combination of VMK_HASH_KEY_ITER_CMD_* values.
 */
typedef vmk_uint64 vmk_HashKeyIteratorCmd;

/** \brief Handle to a hash table made by vmk_HashAlloc(). */
typedef void *vmk_HashTable;

/** \brief The value stored with a key; the table never dereferences it. */
typedef void *vmk_HashValue;

/**
 * \brief Callback that vmk_HashKeyIterate() calls once per entry, with
 *        the table, the entry's key and value and the caller's cookie; it
 *        returns VMK_HASH_KEY_ITER_CMD_* bits.
 *
 * It must not insert or delete entries itself; returning
 * VMK_HASH_KEY_ITER_CMD_DELETE is the way to remove the current one.
 */
typedef vmk_HashKeyIteratorCmd (*vmk_HashKeyIterator)(vmk_HashTable, vmk_HashKey, vmk_HashValue, vmk_AddrCookie);

/** \brief Length of a key in bytes. */
typedef vmk_uint32 vmk_HashKeyLen;

/**
 * \brief How a table interprets and compares its keys.
 */
typedef enum vmk_HashKeyType {
   /**
    * \brief The key is the vmk_HashKey pointer value itself (an integer up to
    *        64 bits); keySize must be 0.
    */
   VMK_HASH_KEY_TYPE_INT = 0,
   /**
    * \brief The key points at a NUL-terminated string of at most keySize
    *        characters; strings are compared by content.
    */
   VMK_HASH_KEY_TYPE_STR = 1,
   /**
    * \brief The key points at exactly keySize bytes, compared byte by byte.
    */
   VMK_HASH_KEY_TYPE_OPAQUE = 2,
} vmk_HashKeyType;

/**
 * \brief Callback that takes a reference on a value; called whenever the
 *        table stores a value or hands one out. Must not block.
 */
typedef void (*vmk_HashValueAcquire)(vmk_HashValue);

/**
 * \brief Callback that drops a reference on a value; called whenever a
 *        value leaves the table. Must not block.
 */
typedef void (*vmk_HashValueRelease)(vmk_HashValue);

/**
 * \brief How vmk_HashAlloc() should build a table.
 */
typedef struct vmk_HashProperties {
   /** \brief Module that owns the table. */
   vmk_ModuleID moduleID;
   /**
    * \brief Heap that supplies the table and every entry; size it with
    *        vmk_HashGetAllocSize().
    */
   vmk_HeapID heapID;
   /** \brief Kind of key the table holds. */
   vmk_HashKeyType keyType;
   /** \brief VMK_HASH_KEY_FLAGS_* options for keys. */
   vmk_HashKeyFlags keyFlags;
   /**
    * \brief Maximum string length (string keys) or exact size in bytes
    *        (opaque keys); 0 for integer keys.
    */
   vmk_uint32 keySize;
   /**
    * \brief Expected number of entries; sizes the bucket array. More entries
    *        may be inserted, at the price of longer chains.
    */
   vmk_uint32 nbEntries;
   /** \brief Reference-taking callback for values, or NULL. */
   vmk_HashValueAcquire acquire;
   /** \brief Reference-dropping callback for values, or NULL. */
   vmk_HashValueRelease release;
} vmk_HashProperties;

/**
 * \brief Create an empty hash table.
 *
 * \note This function will not block.
 *
 * \param[in]  props  Key type, key size and flags, heap, expected number
 *                    of entries and optional value callbacks.
 * \param[out] hdl    Receives the handle of the new table.
 *
 * \retval VMK_OK         The table exists and *hdl is set.
 * \retval VMK_BAD_PARAM  props or hdl is NULL, the key type or a key flag
 *                        is unknown, keySize is 0 for string or opaque
 *                        keys, or integer keys are combined with a keySize
 *                        or VMK_HASH_KEY_FLAGS_LOCAL_COPY.
 * \retval VMK_NO_MEMORY  The heap could not supply the table.
 */
VMK_ReturnStatus
vmk_HashAlloc(
   vmk_HashProperties *props,
   vmk_HashTable *hdl);

/**
 * \brief Compute the 64-bit hash of a byte string, as the tables do.
 *
 * \note This function will not block.
 *
 * \param[in]  key      Bytes to hash.
 * \param[in]  keySize  Number of bytes; at least 1.
 * \param[out] hash     Receives the hash value.
 *
 * \retval VMK_OK         *hash is set.
 * \retval VMK_BAD_PARAM  key or hash is NULL, or keySize is 0.
 */
VMK_ReturnStatus
vmk_HashBytes(
   const vmk_uint8 *key,
   vmk_uint32 keySize,
   vmk_uint64 *hash);

/**
 * \brief Remove every entry from a table, releasing each value's
 *        reference.
 *
 * \note This function will not block.
 *
 * \param[in] hdl  Table to empty.
 *
 * \retval VMK_OK              The table is empty.
 * \retval VMK_BAD_PARAM       hdl is VMK_INVALID_HASH_HANDLE.
 * \retval VMK_INVALID_HANDLE  hdl is not a live table (vmkemu reports it).
 * \retval VMK_BUSY            Called from inside this table's
 *                             vmk_HashKeyIterate() callback (vmkemu reports
 *                             it).
 */
VMK_ReturnStatus
vmk_HashDeleteAll(
   vmk_HashTable hdl);

/**
 * \brief Tell how much heap memory a table of a given size needs, for
 *        sizing the heap named in vmk_HashProperties.
 *
 * \note This function will not block.
 *
 * \param[in] nbEntries  Number of entries the table is expected to hold.
 *
 * \return Bytes needed for the table and that many entries (without key
 *         copies or heap overhead).
 */
vmk_ByteCount
vmk_HashGetAllocSize(
   vmk_uint32 nbEntries);

/**
 * \brief Tell whether a table holds no entries.
 *
 * \note This function will not block.
 * \note An invalid handle is reported by vmkemu; the call then answers
 *       VMK_TRUE.
 *
 * \param[in] table  Table to test.
 *
 * \return VMK_TRUE if the table is empty, VMK_FALSE otherwise.
 */
vmk_Bool
vmk_HashIsEmpty(
   vmk_HashTable table);

/**
 * \brief Remove a key and its value from a table.
 *
 * \note This function will not block.
 *
 * \param[in]  hdl    Table to change.
 * \param[in]  key    Key to remove.
 * \param[out] value  If not NULL, receives the removed value, with a
 *                    reference taken for the caller.
 *
 * \retval VMK_OK              The entry is gone.
 * \retval VMK_NOT_FOUND       The key is not in the table.
 * \retval VMK_BAD_PARAM       hdl is VMK_INVALID_HASH_HANDLE, or key is
 *                             NULL for a string or opaque table.
 * \retval VMK_INVALID_HANDLE  hdl is not a live table.
 * \retval VMK_BUSY            Called from inside this table's iterator
 *                             callback.
 */
VMK_ReturnStatus
vmk_HashKeyDelete(
   vmk_HashTable hdl,
   vmk_HashKey key,
   vmk_HashValue *value);

/**
 * \brief Look up the value stored under a key.
 *
 * \note This function will not block.
 *
 * \param[in]  hdl    Table to search.
 * \param[in]  key    Key to look for.
 * \param[out] value  If not NULL, receives the value, with a reference
 *                    taken for the caller.
 *
 * \retval VMK_OK              The key is present.
 * \retval VMK_NOT_FOUND       The key is not in the table.
 * \retval VMK_BAD_PARAM       hdl is VMK_INVALID_HASH_HANDLE, or key is
 *                             NULL for a string or opaque table.
 * \retval VMK_INVALID_HANDLE  hdl is not a live table.
 */
VMK_ReturnStatus
vmk_HashKeyFind(
   vmk_HashTable hdl,
   vmk_HashKey key,
   vmk_HashValue *value);

/**
 * \brief Add a new key with its value to a table.
 *
 * \note This function will not block.
 * \note vmkemu refuses a key that is already present with VMK_EXISTS.
 *
 * \param[in] hdl    Table to change.
 * \param[in] key    New key; copied if the table has
 *                   VMK_HASH_KEY_FLAGS_LOCAL_COPY, otherwise it must stay
 *                   valid while the entry exists.
 * \param[in] value  Value to store; the table takes a reference.
 *
 * \retval VMK_OK              The entry is in the table.
 * \retval VMK_EXISTS          The key is already in the table.
 * \retval VMK_NO_MEMORY       The table's heap could not supply the entry.
 * \retval VMK_BAD_PARAM       hdl is VMK_INVALID_HASH_HANDLE, key is NULL
 *                             for a string or opaque table, or a string
 *                             key is longer than keySize.
 * \retval VMK_INVALID_HANDLE  hdl is not a live table.
 * \retval VMK_BUSY            Called from inside this table's iterator
 *                             callback.
 */
VMK_ReturnStatus
vmk_HashKeyInsert(
   vmk_HashTable hdl,
   vmk_HashKey key,
   vmk_HashValue value);

/**
 * \brief Call a function for every entry of a table, in no particular
 *        order.
 *
 * The callback's result decides, per entry, whether the entry is removed
 * and whether the walk goes on.
 *
 * \note This function will not block, if the iterator does not block.
 *
 * \param[in] table     Table to walk.
 * \param[in] iterator  Callback run for each entry.
 * \param[in] data      Cookie passed to each call of iterator.
 *
 * \retval VMK_OK              The walk finished or was stopped by the
 *                             callback.
 * \retval VMK_BAD_PARAM       table is VMK_INVALID_HASH_HANDLE or iterator
 *                             is NULL.
 * \retval VMK_INVALID_HANDLE  table is not a live table.
 */
VMK_ReturnStatus
vmk_HashKeyIterate(
   vmk_HashTable table,
   vmk_HashKeyIterator iterator,
   vmk_AddrCookie data);

/**
 * \brief Replace the value stored under an existing key.
 *
 * \note This function will not block.
 *
 * \param[in]  hdl       Table to change.
 * \param[in]  key       Key whose value changes; must be present.
 * \param[in]  newValue  Value to store; the table takes a reference.
 * \param[out] oldValue  If not NULL, receives the previous value, with a
 *                       reference taken for the caller.
 *
 * \retval VMK_OK              The value is replaced.
 * \retval VMK_NOT_FOUND       The key is not in the table.
 * \retval VMK_BAD_PARAM       hdl is VMK_INVALID_HASH_HANDLE, or key is
 *                             NULL for a string or opaque table.
 * \retval VMK_INVALID_HANDLE  hdl is not a live table.
 */
VMK_ReturnStatus
vmk_HashKeyUpdate(
   vmk_HashTable hdl,
   vmk_HashKey key,
   vmk_HashValue newValue,
   vmk_HashValue *oldValue);

/**
 * \brief Tell how many entries a table holds.
 *
 * \note This function will not block.
 *
 * \param[in]  hdl      Table to count.
 * \param[out] keysCnt  Receives the number of entries.
 *
 * \retval VMK_OK              *keysCnt is set.
 * \retval VMK_BAD_PARAM       hdl is VMK_INVALID_HASH_HANDLE or keysCnt is
 *                             NULL.
 * \retval VMK_INVALID_HANDLE  hdl is not a live table.
 */
VMK_ReturnStatus
vmk_HashKeysCount(
   vmk_HashTable hdl,
   vmk_uint64 *keysCnt);

/**
 * \brief Destroy an empty hash table and give its memory back to the heap.
 *
 * \note This function may block.
 *
 * \param[in] table  Table to destroy; it must hold no entries (see
 *                   vmk_HashDeleteAll()).
 *
 * \retval VMK_OK              The table is gone.
 * \retval VMK_BAD_PARAM       table is VMK_INVALID_HASH_HANDLE.
 * \retval VMK_INVALID_HANDLE  table is not a live table.
 * \retval VMK_BUSY            The table still holds entries, or the call
 *                             comes from inside its iterator callback.
 */
VMK_ReturnStatus
vmk_HashRelease(
   vmk_HashTable table);

/** \} */

#endif /* _VMKAPI_HASH_H_ */
