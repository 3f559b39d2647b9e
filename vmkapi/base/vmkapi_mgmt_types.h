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
 * \{
 */

/** \brief Mgmt key string maxlen. */
#define VMK_MGMT_KEY_STRING_MAXLEN 4096

/** \brief Mgmt max callback parms. */
#define VMK_MGMT_MAX_CALLBACK_PARMS 4

/** \brief Mgmt max instances. */
#define VMK_MGMT_MAX_INSTANCES 32

/** \brief Mgmt max keys per instance. */
#define VMK_MGMT_MAX_KEYS_PER_INSTANCE 32

/** \brief Mgmt reserved callbacks. */
#define VMK_MGMT_RESERVED_CALLBACKS 15

/**
 * \brief Instance ID meaning "no particular instance".
 */
#define VMK_MGMT_NO_INSTANCE_ID ((vmk_MgmtInstanceID)0)

/**
 * \brief Values of mgmt callback location.
 */
typedef enum vmk_MgmtCallbackLocation {
   /** \brief Kernel. */
   VMK_MGMT_CALLBACK_KERNEL = 1,
   /** \brief User. */
   VMK_MGMT_CALLBACK_USER = 2,
} vmk_MgmtCallbackLocation;

/**
 * \brief Values of mgmt parm.
 */
enum vmk_MgmtParm {
   /** \brief In. */
   VMK_MGMT_PARMTYPE_IN = 0,
   /** \brief Out. */
   VMK_MGMT_PARMTYPE_OUT = 1,
   /** \brief Inout. */
   VMK_MGMT_PARMTYPE_INOUT = 2,
   /** \brief Vector in. */
   VMK_MGMT_PARMTYPE_VECTOR_IN = 3,
   /** \brief Vector out. */
   VMK_MGMT_PARMTYPE_VECTOR_OUT = 4,
   /** \brief Vector inout. */
   VMK_MGMT_PARMTYPE_VECTOR_INOUT = 5,
};

/** \brief Type name for enum vmk_MgmtParm. */
typedef enum vmk_MgmtParm vmk_MgmtParmType;

/**
 * \brief Description of a mgmt callback info.
 */
typedef struct vmk_MgmtCallbackInfo {
   /** \brief Location. */
   vmk_MgmtCallbackLocation location;
   /** \brief Callback. */
   void *callback;
   /** \brief Synchronous. */
   vmk_Bool synchronous;
   /** \brief Num parms. */
   vmk_uint8 numParms;
   /** \brief Parm sizes. */
   vmk_uint32 parmSizes[4];
   /** \brief Parm types. */
   vmk_MgmtParmType parmTypes[4];
   /** \brief Callback id. */
   vmk_uint64 callbackId;
} vmk_MgmtCallbackInfo;

/**
 * \brief Description of a mgmt api signature.
 */
typedef struct vmk_MgmtApiSignature {
   /** \brief Version. */
   vmk_revnum version;
   /** \brief Name. */
   vmk_Name name;
   /** \brief Vendor. */
   vmk_Name vendor;
   /** \brief Num callbacks. */
   int numCallbacks;
   /** \brief Callbacks. */
   vmk_MgmtCallbackInfo *callbacks;
} vmk_MgmtApiSignature;

/** \brief Mgmt instance id. */
typedef vmk_uint64 vmk_MgmtInstanceID;

/**
 * \brief Description of a mgmt instances.
 */
typedef struct vmk_MgmtInstances {
   /** \brief Num instances. */
   vmk_uint8 numInstances;
   /** \brief Instance ids. */
   vmk_uint64 instanceIds[32];
   /** \brief Instance names. */
   vmk_Name instanceNames[32];
} vmk_MgmtInstances;

/**
 * \brief Values of mgmt key type.
 */
typedef enum vmk_MgmtKeyType {
   /** \brief Long. */
   VMK_MGMT_KEY_TYPE_LONG = 1,
   /** \brief String. */
   VMK_MGMT_KEY_TYPE_STRING = 2,
} vmk_MgmtKeyType;

/**
 * \brief Description of a mgmt vector parm.
 */
typedef struct vmk_MgmtVectorParm {
   /** \brief Length. */
   vmk_ByteCount length;
   /** \brief Data ptr. */
   void *dataPtr;
} vmk_MgmtVectorParm;

/** \} */

#endif /* _VMKAPI_MGMT_TYPES_H_ */
