/*
 * base/vmkapi_worldlet_types.h -- worldlet handle and state types
 *
 * Types describing worldlets (lightweight deferred work). vmkemu declares
 * them so other headers can refer to them; the worldlet calls themselves are
 * not part of this API tier.
 */

#ifndef _VMKAPI_WORLDLET_TYPES_H_
#define _VMKAPI_WORLDLET_TYPES_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_worldlet_types.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Worldlets Worldlets
 * \{
 */

/** \brief Opaque object behind a handle (its layout is private to the runtime). */
struct vmk_WorldletInt;

/**
 * \brief A worldlet handle that refers to no worldlet.
 */
#define VMK_INVALID_WORLDLET ((vmk_Worldlet)NULL)

/**
 * \brief A worldlet ID that refers to no worldlet.
 */
#define VMK_INVALID_WORLDLET_ID ((vmk_WorldletID)-1)

/**
 * \brief X-macro over the worldlet options: action(NAME, description, CamelName).
 */
#define VMK_WDT_OPT_LIST(action)                                                         \
   action(WDT_OPT_FORCE_IPI_DISPATCH, "always dispatch by IPI", ForceIPIDispatch)        \
   action(WDT_OPT_NON_INTERFERING, "does not interfere with other work", NonInterfering) \
   action(WDT_OPT_ACTION_AFFINITY, "follow the affinity of its action", ActionAffinity)  \
   action(WDT_OPT_ENABLED_VMKSTATS, "collect statistics", EnableVmkstats)

/** \brief Handle to a worldlet. */
typedef struct vmk_WorldletInt *vmk_Worldlet;

/** \brief Worldlet id. */
typedef vmk_uint32 vmk_WorldletID;

/**
 * \brief Values of worldlet options.
 */
typedef enum vmk_WorldletOptions {
   /** \brief Force ipi dispatch. */
   VMK_WDT_OPT_FORCE_IPI_DISPATCH = 0,
   /** \brief Non interfering. */
   VMK_WDT_OPT_NON_INTERFERING = 1,
   /** \brief Action affinity. */
   VMK_WDT_OPT_ACTION_AFFINITY = 2,
   /** \brief Enabled vmkstats. */
   VMK_WDT_OPT_ENABLED_VMKSTATS = 3,
} vmk_WorldletOptions;

/**
 * \brief Values of worldlet state.
 */
typedef enum {
   /** \brief Release. */
   VMK_WDT_RELEASE = 1,
   /** \brief Suspend. */
   VMK_WDT_SUSPEND = 2,
   /** \brief Ready. */
   VMK_WDT_READY = 4,
} vmk_WorldletState;

/**
 * \brief Description of a worldlet run data.
 */
typedef struct vmk_WorldletRunData {
   /** \brief State. */
   vmk_WorldletState state;
   /** \brief User data 1. */
   vmk_uint64 userData1;
   /** \brief User data 2. */
   vmk_uint64 userData2;
} vmk_WorldletRunData;

/** \} */

#endif /* _VMKAPI_WORLDLET_TYPES_H_ */
