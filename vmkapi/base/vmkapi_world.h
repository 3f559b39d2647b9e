/*
 * base/vmkapi_world.h -- worlds
 *
 * Worlds are vmkernel threads. In vmkemu every thread that calls the API is
 * a world, vmk_WorldCreate() starts a host thread, and world IDs come from a
 * vmem arena.
 */

#ifndef _VMKAPI_WORLD_H_
#define _VMKAPI_WORLD_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "base/vmkapi_world.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_World Worlds
 * \{
 */

/**
 * \brief CPU maximum meaning "no limit".
 */
#define VMK_CPU_ALLOC_UNLIMITED ((vmk_uint32)-1)

/**
 * \brief An event ID that no world waits on.
 */
#define VMK_EVENT_NONE ((vmk_WorldEventID)0)

/**
 * \brief A world ID that refers to no world.
 */
#define VMK_INVALID_WORLD_ID ((vmk_WorldID)0)

/** \brief World event id. */
typedef vmk_VA vmk_WorldEventID;

/** \brief Identifier of a world. */
typedef vmk_int32 vmk_WorldID;

/**
 * \brief Values of world sched class.
 */
typedef enum {
   /** \brief Default. */
   VMK_WORLD_SCHED_CLASS_DEFAULT = 1,
   /** \brief Quick. */
   VMK_WORLD_SCHED_CLASS_QUICK = 100,
} vmk_WorldSchedClass;

/** \brief Callback type: world start func. */
typedef VMK_ReturnStatus (*vmk_WorldStartFunc)(void *);

/**
 * \brief Properties of a world.
 */
typedef struct vmk_WorldProps {
   /** \brief Name. */
   const char *name;
   /** \brief Module ID. */
   vmk_ModuleID moduleID;
   /** \brief Start function. */
   vmk_WorldStartFunc startFunction;
   /** \brief Data. */
   void *data;
   /** \brief Sched class. */
   vmk_WorldSchedClass schedClass;
   /** \brief Heap ID. */
   vmk_HeapID heapID;
} vmk_WorldProps;

/**
 * \brief Report if the caller may not block (debug support).
 */
void
vmk_WorldAssertIsSafeToBlockInt(void);

/**
 * \brief Create a world running a start function.
 *
 * \param[in,out] props Props.
 * \param[in,out] worldIDOut World id out.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_WorldCreate(
   vmk_WorldProps *props,
   vmk_WorldID *worldIDOut);

/**
 * \brief Heap space needed to create a world.
 *
 * \param[in,out] lengthOut Length out.
 */
vmk_ByteCount
vmk_WorldCreateAllocSize(
   vmk_ByteCount *lengthOut);

/**
 * \brief Ask a world to exit.
 *
 * \param[in] worldID World id.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_WorldDestroy(
   vmk_WorldID worldID);

/**
 * \brief End the calling world with a status.
 *
 * \param[in] status Status.
 */
void
vmk_WorldExit(
   VMK_ReturnStatus status);

/**
 * \brief Wake a world from any wait.
 *
 * \param[in] worldID World id.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_WorldForceWakeup(
   vmk_WorldID worldID);

/**
 * \brief Get the CPU reservation and limit of the calling world.
 *
 * \param[in,out] minPercent Min percent.
 * \param[in,out] maxPercent Max percent.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_WorldGetCPUMinMax(
   vmk_uint32 *minPercent,
   vmk_uint32 *maxPercent);

/**
 * \brief Return the cartel (process) ID of the calling world.
 */
vmk_WorldID
vmk_WorldGetCartelID(void);

/**
 * \brief Return the ID of the calling world.
 */
vmk_WorldID
vmk_WorldGetID(void);

/**
 * \brief Return the cartel (process) ID of a world.
 *
 * \param[in] worldID World id.
 */
vmk_WorldID
vmk_WorldIDToCartelID(
   vmk_WorldID worldID);

/**
 * \brief Associate an interrupt with a world for scheduling affinity.
 *
 * \param[in] worldID World id.
 * \param[in] intrCookie Intr cookie.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_WorldInterruptSet(
   vmk_WorldID worldID,
   vmk_IntrCookie intrCookie);

/**
 * \brief Remove an interrupt association.
 *
 * \param[in] worldID World id.
 * \param[in] intrCookie Intr cookie.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_WorldInterruptUnset(
   vmk_WorldID worldID,
   vmk_IntrCookie intrCookie);

/**
 * \brief Declare that one world is related to (works for) another.
 *
 * \param[in] world World.
 * \param[in] relatedWorld Related world.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_WorldRelationAdd(
   vmk_WorldID world,
   vmk_WorldID relatedWorld);

/**
 * \brief Remove a relation added by vmk_WorldRelationAdd().
 *
 * \param[in] world World.
 * \param[in] relatedWorld Related world.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_WorldRelationRemove(
   vmk_WorldID world,
   vmk_WorldID relatedWorld);

/**
 * \brief Set the CPU reservation and limit of the calling world.
 *
 * \param[in] minPercent Min percent.
 * \param[in] maxPercent Max percent.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_WorldSetCPUMinMax(
   vmk_uint32 minPercent,
   vmk_uint32 maxPercent);

/**
 * \brief Sleep for a number of microseconds.
 *
 * \param[in] delayUS Delay us.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_WorldSleep(
   vmk_uint64 delayUS);

/**
 * \brief Release a lock and sleep until an event is signalled or a timeout passes.
 *
 * \param[in] eventID Event id.
 * \param[in] lock Lock.
 * \param[in] timeoutMS Timeout ms.
 * \param[in] reason Reason.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_WorldWait(
   vmk_WorldEventID eventID,
   vmk_Lock lock,
   vmk_uint32 timeoutMS,
   const char *reason);

/**
 * \brief Wait until a world has exited.
 *
 * \param[in] worldID World id.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_WorldWaitForDeath(
   vmk_WorldID worldID);

/**
 * \brief Wake all worlds waiting on an event.
 *
 * \param[in] eventID Event id.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_WorldWakeup(
   vmk_WorldEventID eventID);

/**
 * \brief Give up the CPU to other runnable worlds.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_WorldYield(void);

/**
 * \brief Maximum number of worlds the system supports.
 */
vmk_uint32
vmk_WorldsMax(void);

/**
 * \brief Debug builds: report if the caller is not allowed to block.
 */
static VMK_ALWAYS_INLINE void
vmk_WorldAssertIsSafeToBlock(void)
{
#if defined(VMX86_DEBUG)
   vmk_WorldAssertIsSafeToBlockInt();
#else
#endif
}

/** \} */

#endif /* _VMKAPI_WORLD_H_ */
