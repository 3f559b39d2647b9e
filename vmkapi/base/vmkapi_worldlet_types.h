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
 *
 * \brief Types of worldlets: light-weight deferred-work contexts that
 *        drivers (network drivers in particular) schedule from interrupt
 *        handlers.
 * \{
 */

/** \brief Private structure behind a vmk_Worldlet. */
struct vmk_WorldletInt;

/** \brief A vmk_Worldlet value that refers to no worldlet. */
#define VMK_INVALID_WORLDLET ((vmk_Worldlet)NULL)

/** \brief A vmk_WorldletID value that refers to no worldlet. */
#define VMK_INVALID_WORLDLET_ID ((vmk_WorldletID)-1)

/**
 * \brief X-macro over the worldlet options: expands action(NAME,
 *        description, CamelName) once per option.
 */
#define VMK_WDT_OPT_LIST(action)                                                         \
   action(WDT_OPT_FORCE_IPI_DISPATCH, "always dispatch by IPI", ForceIPIDispatch)        \
   action(WDT_OPT_NON_INTERFERING, "does not interfere with other work", NonInterfering) \
   action(WDT_OPT_ACTION_AFFINITY, "follow the affinity of its action", ActionAffinity)  \
   action(WDT_OPT_ENABLED_VMKSTATS, "collect statistics", EnableVmkstats)

/** \brief Handle to a worldlet. */
typedef struct vmk_WorldletInt *vmk_Worldlet;

/** \brief Numeric ID of a worldlet. */
typedef vmk_uint32 vmk_WorldletID;

/** \brief Options that tune how a worldlet is scheduled. */
typedef enum vmk_WorldletOptions {
   /**
    * \brief Always wake the worldlet's CPU with an inter-processor interrupt.
    */
   VMK_WDT_OPT_FORCE_IPI_DISPATCH = 0,
   /** \brief The worldlet does not compete with the work that activated it. */
   VMK_WDT_OPT_NON_INTERFERING = 1,
   /** \brief Run the worldlet where the work that activates it runs. */
   VMK_WDT_OPT_ACTION_AFFINITY = 2,
   /** \brief Collect profiling statistics for the worldlet. */
   VMK_WDT_OPT_ENABLED_VMKSTATS = 3,
} vmk_WorldletOptions;

/** \brief What a worldlet asks for when its callback returns. */
typedef enum {
   /** \brief Done; run again only when activated. */
   VMK_WDT_RELEASE = 1,
   /** \brief Stay idle until explicitly resumed. */
   VMK_WDT_SUSPEND = 2,
   /** \brief More work is pending; run again soon. */
   VMK_WDT_READY = 4,
} vmk_WorldletState;

/** \brief Data passed to and returned from a worldlet callback. */
typedef struct vmk_WorldletRunData {
   /** \brief State the callback asks for when it returns. */
   vmk_WorldletState state;
   /** \brief Free for the callback's own use. */
   vmk_uint64 userData1;
   /** \brief Free for the callback's own use. */
   vmk_uint64 userData2;
} vmk_WorldletRunData;

/** \} */

#endif /* _VMKAPI_WORLDLET_TYPES_H_ */
