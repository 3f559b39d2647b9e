/*
 * lib/vmkapi_hash.h -- hash tables
 *
 * Hash tables with integer, string or opaque keys.
 */

#ifndef _VMKAPI_HASH_H_
#define _VMKAPI_HASH_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "lib/vmkapi_hash.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Hash Hash Tables
 * \{
 */

/** \brief Hash key flags local copy. */
#define VMK_HASH_KEY_FLAGS_LOCAL_COPY 1

/** \brief Hash key flags none. */
#define VMK_HASH_KEY_FLAGS_NONE 0

/** \brief Hash key iter cmd continue. */
#define VMK_HASH_KEY_ITER_CMD_CONTINUE 0

/** \brief Hash key iter cmd delete. */
#define VMK_HASH_KEY_ITER_CMD_DELETE 2

/** \brief Hash key iter cmd stop. */
#define VMK_HASH_KEY_ITER_CMD_STOP 1

/**
 * \brief A hash table handle that refers to no table.
 */
#define VMK_INVALID_HASH_HANDLE NULL

/** \brief Hash key. */
typedef void *vmk_HashKey;

/** \brief Hash key flags. */
typedef vmk_uint64 vmk_HashKeyFlags;

/** \brief Hash key iterator cmd. */
typedef vmk_uint64 vmk_HashKeyIteratorCmd;

/** \brief Hash table. */
typedef void *vmk_HashTable;

/** \brief Hash value. */
typedef void *vmk_HashValue;

/** \brief Callback type: hash key iterator. */
typedef vmk_HashKeyIteratorCmd (*vmk_HashKeyIterator)(vmk_HashTable, vmk_HashKey, vmk_HashValue, vmk_AddrCookie);

/** \brief Hash key len. */
typedef vmk_uint32 vmk_HashKeyLen;

/**
 * \brief Values of hash key type.
 */
typedef enum vmk_HashKeyType {
   /** \brief Int. */
   VMK_HASH_KEY_TYPE_INT = 0,
   /** \brief Str. */
   VMK_HASH_KEY_TYPE_STR = 1,
   /** \brief Opaque. */
   VMK_HASH_KEY_TYPE_OPAQUE = 2,
} vmk_HashKeyType;

/** \brief Callback type: hash value acquire. */
typedef void (*vmk_HashValueAcquire)(vmk_HashValue);

/** \brief Callback type: hash value release. */
typedef void (*vmk_HashValueRelease)(vmk_HashValue);

/**
 * \brief Properties of a hash.
 */
typedef struct vmk_HashProperties {
   /** \brief Module ID. */
   vmk_ModuleID moduleID;
   /** \brief Heap ID. */
   vmk_HeapID heapID;
   /** \brief Key type. */
   vmk_HashKeyType keyType;
   /** \brief Key flags. */
   vmk_HashKeyFlags keyFlags;
   /** \brief Key size. */
   vmk_uint32 keySize;
   /** \brief Nb entries. */
   vmk_uint32 nbEntries;
   /** \brief Acquire. */
   vmk_HashValueAcquire acquire;
   /** \brief Release. */
   vmk_HashValueRelease release;
} vmk_HashProperties;

/**
 * \brief Allocate a hash.
 *
 * \note This function will not block.
 *
 * \param[in] props Properties.
 * \param[out] hdl Hdl.
 *
 * \retval VMK_OK Success.
 * \retval VMK_NO_MEMORY Not enough memory.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_HashAlloc(
   vmk_HashProperties *props,
   vmk_HashTable *hdl);

/**
 * \brief Hash a byte buffer.
 *
 * \note This function will not block.
 *
 * \param[in] key Key.
 * \param[in] keySize Key size.
 * \param[out] hash Hash.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_HashBytes(
   const vmk_uint8 *key,
   vmk_uint32 keySize,
   vmk_uint64 *hash);

/**
 * \brief Hash: delete all.
 *
 * \note This function will not block.
 *
 * \param[in] hdl Hash table handle.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_HashDeleteAll(
   vmk_HashTable hdl);

/**
 * \brief Heap space a hash table with the given number of entries needs.
 *
 * \note This function will not block.
 *
 * \param[in] nbEntries Nb entries.
 */
vmk_ByteCount
vmk_HashGetAllocSize(
   vmk_uint32 nbEntries);

/**
 * \brief Whether a hash table has no entries.
 *
 * \note This function will not block.
 *
 * \param[in] table Hash table handle.
 */
vmk_Bool
vmk_HashIsEmpty(
   vmk_HashTable table);

/**
 * \brief Delete a hash key.
 *
 * \note This function will not block.
 *
 * \param[in] hdl Hash table handle.
 * \param[in] key Key.
 * \param[out] value Value.
 *
 * \retval VMK_OK Success.
 * \retval VMK_NOT_FOUND No such object.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_HashKeyDelete(
   vmk_HashTable hdl,
   vmk_HashKey key,
   vmk_HashValue *value);

/**
 * \brief Find a hash key.
 *
 * \note This function will not block.
 *
 * \param[in] hdl Hash table handle.
 * \param[in] key Key.
 * \param[out] value Value.
 *
 * \retval VMK_OK Success.
 * \retval VMK_NOT_FOUND No such object.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_HashKeyFind(
   vmk_HashTable hdl,
   vmk_HashKey key,
   vmk_HashValue *value);

/**
 * \brief Insert a hash key.
 *
 * \note This function will not block.
 *
 * \param[in] hdl Hash table handle.
 * \param[in] key Key.
 * \param[in] value Value.
 *
 * \retval VMK_OK Success.
 * \retval VMK_NO_MEMORY Not enough memory.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_HashKeyInsert(
   vmk_HashTable hdl,
   vmk_HashKey key,
   vmk_HashValue value);

/**
 * \brief Iterate a hash key.
 *
 * \note This function will not block.
 *
 * \param[in] table Hash table handle.
 * \param[in] iterator Iterator.
 * \param[in] data Caller data.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_HashKeyIterate(
   vmk_HashTable table,
   vmk_HashKeyIterator iterator,
   vmk_AddrCookie data);

/**
 * \brief Update a hash key.
 *
 * \note This function will not block.
 *
 * \param[in] hdl Hash table handle.
 * \param[in] key Key.
 * \param[in] newValue New value.
 * \param[out] oldValue Old value.
 *
 * \retval VMK_OK Success.
 * \retval VMK_NOT_FOUND No such object.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_NO_MEMORY Not enough memory.
 */
VMK_ReturnStatus
vmk_HashKeyUpdate(
   vmk_HashTable hdl,
   vmk_HashKey key,
   vmk_HashValue newValue,
   vmk_HashValue *oldValue);

/**
 * \brief Number of keys in a hash table.
 *
 * \note This function will not block.
 *
 * \param[in] hdl Hash table handle.
 * \param[out] keysCnt Keys cnt.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 */
VMK_ReturnStatus
vmk_HashKeysCount(
   vmk_HashTable hdl,
   vmk_uint64 *keysCnt);

/**
 * \brief Release a hash.
 *
 * \note This function will not block.
 *
 * \param[in] table Hash table handle.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_HashRelease(
   vmk_HashTable table);

/** \} */

#endif /* _VMKAPI_HASH_H_ */
