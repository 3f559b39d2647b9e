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
 *
 * \note This function will not block.
 */
void
vmk_WorldAssertIsSafeToBlockInt(void);

/**
 * \brief Create a world: a schedulable thread running a driver function.
 *
 * \note This function may block.
 * \note In vmkemu every world is a host thread.
 *
 * \param[in] props Module, name, start function and its argument, heap and
 *     scheduling class.
 * \param[out] worldId Receives the ID of the new world.
 *
 * \retval VMK_OK The world runs and *worldId is set.
 * \retval VMK_BAD_PARAM An argument is NULL or a property is invalid.
 * \retval VMK_NO_MEMORY Not enough memory for the world.
 * \retval VMK_NO_MODULE_HEAP The module has no heap.
 * \retval VMK_DEATH_PENDING The calling world is being killed.
 */
VMK_ReturnStatus
vmk_WorldCreate(
   vmk_WorldProps *props,
   vmk_WorldID *worldId);

/**
 * \brief Heap space needed to create a world.
 *
 * \note This function will not block.
 *
 * \param[out] alignment Alignment in bytes (a power of two).
 */
vmk_ByteCount
vmk_WorldCreateAllocSize(
   vmk_ByteCount *alignment);

/**
 * \brief Ask a world to terminate.
 *
 * \note This function may block.
 *
 * \param[in] worldID World to kill; it sees VMK_DEATH_PENDING from blocking
 *     calls.
 *
 * \retval VMK_OK The world is marked for death.
 * \retval VMK_NOT_FOUND No live world has that ID.
 */
VMK_ReturnStatus
vmk_WorldDestroy(
   vmk_WorldID worldID);

/**
 * \brief End the calling world.
 *
 * \note This function may block; it does not return.
 *
 * \param[in] status Exit status of the world.
 */
void
vmk_WorldExit(
   VMK_ReturnStatus status);

/**
 * \brief Wake one world from whatever wait it is in.
 *
 * \note This function will not block.
 *
 * \param[in] worldID World to wake.
 *
 * \retval VMK_OK The world was woken (its wait returns VMK_WAIT_INTERRUPTED).
 * \retval VMK_NOT_FOUND No live world has that ID.
 */
VMK_ReturnStatus
vmk_WorldForceWakeup(
   vmk_WorldID worldID);

/**
 * \brief Get the CPU reservation and limit of the calling world.
 *
 * \note This function will not block.
 *
 * \param[out] min Min.
 * \param[out] max Max.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_WorldGetCPUMinMax(
   vmk_uint32 *min,
   vmk_uint32 *max);

/**
 * \brief Return the cartel (process) ID of the calling world.
 *
 * \note This function will not block.
 */
vmk_WorldID
vmk_WorldGetCartelID(void);

/**
 * \brief ID of the calling world.
 *
 * \note This function will not block.
 *
 * \return The world ID.
 */
vmk_WorldID
vmk_WorldGetID(void);

/**
 * \brief Return the cartel (process) ID of a world.
 *
 * \note This function will not block.
 *
 * \param[in] worldID World ID.
 */
vmk_WorldID
vmk_WorldIDToCartelID(
   vmk_WorldID worldID);

/**
 * \brief Associate an interrupt with a world for scheduling affinity.
 *
 * \note This function will not block.
 *
 * \param[in] worldID World ID.
 * \param[in] intrCookie Interrupt cookie.
 *
 * \retval VMK_OK Success.
 * \retval VMK_BAD_PARAM An argument is invalid.
 * \retval VMK_LIMIT_EXCEEDED A size or count limit was exceeded.
 * \retval VMK_INVALID_WORLD The world ID does not name a live world.
 * \retval VMK_FAILURE Generic failure.
 */
VMK_ReturnStatus
vmk_WorldInterruptSet(
   vmk_WorldID worldID,
   vmk_IntrCookie intrCookie);

/**
 * \brief Remove an interrupt association.
 *
 * \note This function will not block.
 *
 * \param[in] worldID World ID.
 * \param[in] intrCookie Interrupt cookie.
 *
 * \retval VMK_OK Success.
 * \retval VMK_NOT_FOUND No such object.
 * \retval VMK_INVALID_WORLD The world ID does not name a live world.
 * \retval VMK_FAILURE Generic failure.
 */
VMK_ReturnStatus
vmk_WorldInterruptUnset(
   vmk_WorldID worldID,
   vmk_IntrCookie intrCookie);

/**
 * \brief Declare that one world is related to (works for) another.
 *
 * \note This function may block.
 *
 * \param[in] worldA World ID.
 * \param[in] worldB World ID.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_WorldRelationAdd(
   vmk_WorldID worldA,
   vmk_WorldID worldB);

/**
 * \brief Remove a relation added by vmk_WorldRelationAdd().
 *
 * \note This function may block.
 *
 * \param[in] worldA World ID.
 * \param[in] worldB World ID.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_WorldRelationRemove(
   vmk_WorldID worldA,
   vmk_WorldID worldB);

/**
 * \brief Set the CPU reservation and limit of the calling world.
 *
 * \note This function will not block.
 *
 * \param[in] min Min.
 * \param[in] max Max.
 *
 * \retval VMK_OK Success.
 */
VMK_ReturnStatus
vmk_WorldSetCPUMinMax(
   vmk_uint32 min,
   vmk_uint32 max);

/**
 * \brief Put the calling world to sleep for at least a given time.
 *
 * \note This function may block.
 *
 * \param[in] delayUs Time to sleep, in microseconds.
 *
 * \retval VMK_OK The time has passed.
 * \retval VMK_DEATH_PENDING The calling world is being killed.
 * \retval VMK_WAIT_INTERRUPTED The sleep was interrupted.
 */
VMK_ReturnStatus
vmk_WorldSleep(
   vmk_uint64 delayUs);

/**
 * \brief Release a spinlock and sleep until an event is signalled or a timeout
 *     passes.
 *
 * \note This function may block.
 * \note The lock is not taken again on return.
 *
 * \param[in] eventId Event to wait on (any value agreed with the waker, often an
 *     address).
 * \param[in] lock Held spinlock, released atomically with going to sleep;
 *     VMK_LOCK_INVALID for none.
 * \param[in] timeoutMS Longest wait in milliseconds: VMK_TIMEOUT_NONBLOCKING
 *     fails at once, VMK_TIMEOUT_UNLIMITED_MS waits for ever.
 * \param[in] reason Short text saying why the world waits (for debugging).
 *
 * \retval VMK_OK The event was signalled.
 * \retval VMK_BAD_PARAM The lock is not held by the caller or an argument is
 *     invalid.
 * \retval VMK_TIMEOUT The timeout passed first.
 * \retval VMK_DEATH_PENDING The calling world is being killed.
 * \retval VMK_WAIT_INTERRUPTED The wait was interrupted.
 */
VMK_ReturnStatus
vmk_WorldWait(
   vmk_WorldEventID eventId,
   vmk_Lock lock,
   vmk_uint32 timeoutMS,
   const char *reason);

/**
 * \brief Wait until a world has exited.
 *
 * \note This function may block.
 *
 * \param[in] worldID World to wait for.
 *
 * \retval VMK_OK The world is gone.
 * \retval VMK_NOT_FOUND No world has that ID.
 * \retval VMK_DEATH_PENDING The calling world is being killed.
 * \retval VMK_WAIT_INTERRUPTED The wait was interrupted.
 */
VMK_ReturnStatus
vmk_WorldWaitForDeath(
   vmk_WorldID worldID);

/**
 * \brief Wake every world waiting on an event.
 *
 * \note This function will not block.
 *
 * \param[in] eventId Event the worlds wait on.
 *
 * \retval VMK_OK At least one world was woken.
 * \retval VMK_NOT_FOUND No world was waiting.
 */
VMK_ReturnStatus
vmk_WorldWakeup(
   vmk_WorldEventID eventId);

/**
 * \brief Let other runnable worlds use the CPU.
 *
 * \note This function may block.
 *
 * \retval VMK_OK The world ran again.
 * \retval VMK_DEATH_PENDING The calling world is being killed.
 */
VMK_ReturnStatus
vmk_WorldYield(void);

/**
 * \brief Maximum number of worlds the system supports.
 *
 * \note This function will not block.
 */
vmk_uint32
vmk_WorldsMax(void);

/**
 * \brief Debug builds: report if the caller is not allowed to block.
 *
 * \note This function will not block.
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
