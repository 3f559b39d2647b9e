/*
 * base/vmkapi_mgmt_types.h -- management API types
 *
 * Types shared by kernel and user halves of the management (callback)
 * interface. vmkemu calls registered kernel callbacks in-process.
 */

#ifndef _VMKAPI_MGMT_TYPES_H_
#define _VMKAPI_MGMT_TYPES_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_mgmt_types.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Mgmt Management Interface
 *
 * \brief A typed, versioned channel between a driver and user-space
 *        management tools.
 *
 * Both sides describe the same API with a vmk_MgmtApiSignature: a name,
 * vendor and version and a table of callbacks, each marked as living in
 * the kernel (called by tools) or in user space (called by the driver),
 * with up to VMK_MGMT_MAX_CALLBACK_PARMS parameters whose sizes and
 * directions are declared, so the parameters can be copied across.
 * Callback IDs below VMK_MGMT_RESERVED_CALLBACKS are reserved.
 * \{
 */

/** \brief Size of the buffer for the value of a string key. */
#define VMK_MGMT_KEY_STRING_MAXLEN 4096

/** \brief Most parameters a management callback may take. */
#define VMK_MGMT_MAX_CALLBACK_PARMS 4

/** \brief Most instances one management handle may have. */
#define VMK_MGMT_MAX_INSTANCES 32

/** \brief Most keys one management handle may publish. */
#define VMK_MGMT_MAX_KEYS_PER_INSTANCE 32

/** \brief Number of low callback IDs reserved for the framework. */
#define VMK_MGMT_RESERVED_CALLBACKS 15

/** \brief Instance ID that addresses the handle itself, not an instance. */
#define VMK_MGMT_NO_INSTANCE_ID ((vmk_MgmtInstanceID)0)

/** \brief Which side implements a callback. */
typedef enum vmk_MgmtCallbackLocation {
   /** \brief The driver implements it; user space calls it. */
   VMK_MGMT_CALLBACK_KERNEL = 1,
   /** \brief User space implements it; the driver calls it. */
   VMK_MGMT_CALLBACK_USER = 2,
} vmk_MgmtCallbackLocation;

/** \brief Direction and shape of a callback parameter. */
enum vmk_MgmtParm {
   /** \brief Fixed-size data copied to the callee. */
   VMK_MGMT_PARMTYPE_IN = 0,
   /** \brief Fixed-size data copied back to the caller. */
   VMK_MGMT_PARMTYPE_OUT = 1,
   /** \brief Fixed-size data copied both ways. */
   VMK_MGMT_PARMTYPE_INOUT = 2,
   /**
    * \brief Variable-length data (a vmk_MgmtVectorParm) copied to the callee.
    */
   VMK_MGMT_PARMTYPE_VECTOR_IN = 3,
   /** \brief Variable-length data copied back to the caller. */
   VMK_MGMT_PARMTYPE_VECTOR_OUT = 4,
   /** \brief Variable-length data copied both ways. */
   VMK_MGMT_PARMTYPE_VECTOR_INOUT = 5,
};

/** \brief Type of a callback parameter (enum vmk_MgmtParm). */
typedef enum vmk_MgmtParm vmk_MgmtParmType;

/** \brief One entry of an API's callback table. */
typedef struct vmk_MgmtCallbackInfo {
   /** \brief Which side implements the callback. */
   vmk_MgmtCallbackLocation location;
   /**
    * \brief The function, on the side that implements it (NULL on the
    *        other side).
    */
   void *callback;
   /** \brief Whether the caller waits for the callback to finish. */
   vmk_Bool synchronous;
   /** \brief Number of parameters, up to VMK_MGMT_MAX_CALLBACK_PARMS. */
   vmk_uint8 numParms;
   /**
    * \brief Size of each parameter; for vector parameters the size of one
    *        unit (the length must be a multiple of it).
    */
   vmk_uint32 parmSizes[4];
   /** \brief Direction and shape of each parameter. */
   vmk_MgmtParmType parmTypes[4];
   /** \brief ID of the callback, unique in the API. */
   vmk_uint64 callbackId;
} vmk_MgmtCallbackInfo;

/**
 * \brief Identity and callback table of a management API; the kernel and
 *        user-space sides must agree on it.
 */
typedef struct vmk_MgmtApiSignature {
   /** \brief Version of the API; sessions need the same major.minor. */
   vmk_revnum version;
   /** \brief Name of the API. */
   vmk_Name name;
   /** \brief Vendor of the API. */
   vmk_Name vendor;
   /** \brief Number of entries in callbacks. */
   int numCallbacks;
   /** \brief The callback table. */
   vmk_MgmtCallbackInfo *callbacks;
} vmk_MgmtApiSignature;

/** \brief Identifies an instance of a management API (0: none). */
typedef vmk_uint64 vmk_MgmtInstanceID;

/** \brief The instances of a management handle, as tools list them. */
typedef struct vmk_MgmtInstances {
   /** \brief Number of valid entries below. */
   vmk_uint8 numInstances;
   /** \brief Instance IDs. */
   vmk_uint64 instanceIds[32];
   /** \brief Display names, in the same order. */
   vmk_Name instanceNames[32];
} vmk_MgmtInstances;

/** \brief Type of a management key's value. */
typedef enum vmk_MgmtKeyType {
   /** \brief A 64-bit integer. */
   VMK_MGMT_KEY_TYPE_LONG = 1,
   /** \brief A string of up to VMK_MGMT_KEY_STRING_MAXLEN bytes. */
   VMK_MGMT_KEY_TYPE_STRING = 2,
} vmk_MgmtKeyType;

/** \brief A variable-length callback parameter. */
typedef struct vmk_MgmtVectorParm {
   /** \brief Length of the data in bytes. */
   vmk_ByteCount length;
   /** \brief The data. */
   void *dataPtr;
} vmk_MgmtVectorParm;

/** \} */

#endif /* _VMKAPI_MGMT_TYPES_H_ */
