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

/** \brief Value worlds wait on and are woken by; any agreed value, often an
 *         address. */
typedef vmk_VA vmk_WorldEventID;

/** \brief Identifier of a world. */
typedef vmk_int32 vmk_WorldID;

/**
 * \brief Scheduling classes a world can be created in.
 */
typedef enum {
   /** \brief Ordinary time-shared scheduling. */
   VMK_WORLD_SCHED_CLASS_DEFAULT = 1,
   /** \brief For short-lived work that should get the CPU soon. */
   VMK_WORLD_SCHED_CLASS_QUICK = 100,
} vmk_WorldSchedClass;

/** \brief Function a new world runs, with the data given at creation; the
 *         world ends when it returns. */
typedef VMK_ReturnStatus (*vmk_WorldStartFunc)(void *);

/**
 * \brief Properties for creating a world.
 */
typedef struct vmk_WorldProps {
   /** \brief Name of the world, used in reports. */
   const char *name;
   /** \brief Module that owns the world. */
   vmk_ModuleID moduleID;
   /** \brief Function the world runs. */
   vmk_WorldStartFunc startFunction;
   /** \brief Argument passed to startFunction. */
   void *data;
   /** \brief Scheduling class (vmkemu accepts any and runs a host thread). */
   vmk_WorldSchedClass schedClass;
   /** \brief Heap the world's kernel structures are allocated from. */
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
 * \retval VMK_BAD_PARAM props or props->startFunction is NULL.
 * \retval VMK_NO_MEMORY Not enough memory, world IDs or host threads for the
 *     world.
 * \retval VMK_FAILURE A world-storage constructor failed for the new world.
 *
 * \note vmkemu accepts a NULL worldId and does not need the module heap.
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
 * \param[out] alignment Receives the alignment in bytes (a power of two);
 *     may be NULL in vmkemu.
 *
 * \return Heap bytes to add per world the module creates.
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
 * \retval VMK_INVALID_WORLD No live world has that ID.
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
 * \retval VMK_OK The world was woken if it waited (its wait returns
 *     VMK_WAIT_INTERRUPTED).
 * \retval VMK_INVALID_WORLD No live world has that ID.
 */
VMK_ReturnStatus
vmk_WorldForceWakeup(
   vmk_WorldID worldID);

/**
 * \brief Get the CPU reservation and limit of the calling world.
 *
 * \note This function will not block.
 *
 * \param[out] min Receives the reserved share of a CPU, in percent.
 * \param[out] max Receives the CPU limit in percent, or
 *     VMK_CPU_ALLOC_UNLIMITED.
 *
 * \retval VMK_OK *min and *max are set.
 * \retval VMK_BAD_PARAM min or max is NULL.
 */
VMK_ReturnStatus
vmk_WorldGetCPUMinMax(
   vmk_uint32 *min,
   vmk_uint32 *max);

/**
 * \brief Return the cartel (process) ID of the calling world.
 *
 * \note This function will not block.
 * \note vmkemu has only kernel worlds, which belong to no cartel.
 *
 * \return The cartel ID; VMK_INVALID_WORLD_ID in vmkemu.
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
 * \param[in] worldID World to ask about.
 *
 * \return The cartel ID; VMK_INVALID_WORLD_ID in vmkemu, which has only
 *     kernel worlds.
 */
vmk_WorldID
vmk_WorldIDToCartelID(
   vmk_WorldID worldID);

/**
 * \brief Associate an interrupt with a world for scheduling affinity.
 *
 * \note This function will not block.
 *
 * \param[in] worldID World that handles the interrupt.
 * \param[in] intrCookie Interrupt to associate with it.
 *
 * \retval VMK_OK The association is recorded.
 * \retval VMK_INVALID_WORLD The world ID does not name a live world.
 * \retval VMK_EXISTS The interrupt is already associated with that world.
 * \retval VMK_LIMIT_EXCEEDED The world has as many interrupts as vmkemu
 *     records per world.
 * \retval VMK_NOT_FOUND The world exited while the call ran.
 *
 * \note vmkemu only records the association; it does not affect scheduling.
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
 * \param[in] worldID World the interrupt was associated with.
 * \param[in] intrCookie Interrupt to dissociate.
 *
 * \retval VMK_OK The association is removed.
 * \retval VMK_NOT_FOUND The interrupt is not associated with that world, or
 *     the world exited while the call ran.
 * \retval VMK_INVALID_WORLD The world ID does not name a live world.
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
 * \param[in] worldA World that works for worldB.
 * \param[in] worldB World it works for.
 *
 * \retval VMK_OK The relation is recorded.
 * \retval VMK_BAD_PARAM Either ID does not name a world, or both are the same.
 * \retval VMK_EXISTS The relation already exists.
 * \retval VMK_LIMIT_EXCEEDED vmkemu's table of relations is full.
 *
 * \note vmkemu only records the relation; it does not affect scheduling.
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
 * \param[in] worldA First world of the relation.
 * \param[in] worldB Second world of the relation.
 *
 * \retval VMK_OK The relation is removed.
 * \retval VMK_BAD_PARAM Either ID does not name a world, or both are the same.
 * \retval VMK_NOT_FOUND No such relation was added.
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
 * \param[in] min Share of a CPU to reserve, in percent.
 * \param[in] max CPU limit in percent, or VMK_CPU_ALLOC_UNLIMITED.
 *
 * \retval VMK_OK The values are recorded.
 * \retval VMK_BAD_PARAM min is larger than a limited max.
 *
 * \note vmkemu records the values for vmk_WorldGetCPUMinMax() but does not
 *     enforce them.
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
 * \retval VMK_BAD_PARAM timeoutMS is VMK_TIMEOUT_NONBLOCKING, or lock is not
 *     a live exclusive spinlock held by the caller.
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
 * \retval VMK_INVALID_WORLD No world has that ID.
 * \retval VMK_BAD_PARAM worldID is the calling world.
 *
 * \note vmkemu's wait for death cannot be interrupted or cut short by the
 *     caller's own death.
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
 *
 * \note vmkemu yields the host thread and always returns VMK_OK, even when the
 *     calling world is marked for death.
 */
VMK_ReturnStatus
vmk_WorldYield(void);

/**
 * \brief Maximum number of worlds the system supports.
 *
 * \note This function will not block.
 *
 * \return The largest number of worlds that can exist at once.
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
