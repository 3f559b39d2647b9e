/*
 * emuctl_world.h -- emulator control for the world area (included by emuctl.h).
 *
 * Simulated worlds let a test play many worlds from one thread: create one,
 * enter it (every vmkapi call now runs on its behalf: vmk_WorldGetID,
 * world storage, held spinlocks, ...), leave, and kill it when done (its
 * world-storage destructors run).  The manual clock lets a test decide
 * when time passes: timers fire inside EmuCtl_ClockAdvance, in deadline
 * order, in the calling thread.
 */
#ifndef EMUCTL_WORLD_H
#define EMUCTL_WORLD_H

#ifndef EMUCTL_H
#error "include emuctl.h, not emuctl_world.h"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \addtogroup EmuCtl
 * \{
 */

/**
 * \brief Create a simulated world: a world with no host thread.
 *
 * Its world storage is constructed as for any new world.  It counts as a
 * live resource (EMUCTL_RSRC_WORLD) until EmuCtl_WorldKill().
 *
 * \note May block (world-storage constructors run).
 * \param[in]  name     Name shown in reports and log lines; NULL for "simulated".
 * \param[out] worldID  Receives the new world's ID.
 * \retval VMK_OK              Created.
 * \retval VMK_BAD_PARAM       worldID is NULL.
 * \retval VMK_NO_MEMORY       Out of world IDs or memory, or an injected
 *                             failure (EMUCTL_ALLOC_WORLD).
 * \retval VMK_FAILURE         A world-storage constructor failed.
 * \retval VMK_NOT_INITIALIZED EmuCtl_Init() has not been called.
 */
VMK_ReturnStatus EmuCtl_WorldCreateSimulated(const char *name,
                                             vmk_WorldID *worldID);

/**
 * \brief Act as a simulated world in the calling thread.
 *
 * Until EmuCtl_WorldLeave(), every vmkapi call of this thread runs on
 * behalf of that world.  Enters nest: leaving returns to the world that
 * was current before.  A blocking call made while inside blocks this
 * thread.
 *
 * \note Will not block.
 * \param[in] worldID  A simulated world.
 * \retval VMK_OK             Entered.
 * \retval VMK_INVALID_WORLD  No such live world.
 * \retval VMK_BAD_PARAM      The world is not a simulated one.
 * \retval VMK_BUSY           Another thread (or this one) is already inside it.
 */
VMK_ReturnStatus EmuCtl_WorldEnter(vmk_WorldID worldID);

/**
 * \brief Stop acting as the simulated world entered last.
 *
 * Leaving while the world holds spinlocks is a MISUSE report.
 * \note Will not block.
 * \retval VMK_OK         Left.
 * \retval VMK_BAD_PARAM  The thread is not inside a simulated world.
 */
VMK_ReturnStatus EmuCtl_WorldLeave(void);

/**
 * \brief End a simulated world: its world-storage destructors run and its
 *        ID is freed.
 *
 * \note May block (destructors run).
 * \param[in] worldID  A simulated world no thread is inside.
 * \retval VMK_OK             Killed.
 * \retval VMK_INVALID_WORLD  No such live world.
 * \retval VMK_BAD_PARAM      The world is not a simulated one.
 * \retval VMK_BUSY           A thread is inside it, or a
 *                            vmk_WorldStorageLookUp() reference on it is
 *                            still held.
 */
VMK_ReturnStatus EmuCtl_WorldKill(vmk_WorldID worldID);

/** \brief Live worlds of every kind (threads, adopted threads, simulated, the timer world). \note Will not block. */
vmk_uint32 EmuCtl_WorldCount(void);

/** \brief Number of simulated PCPUs (EmuCtl_InitProps.numPCPUs, default 4). \note Will not block. */
vmk_uint32 EmuCtl_NumPCPUs(void);

/**
 * \brief The simulated PCPU a world runs on (worlds never migrate).
 * \note Will not block.
 * \param[in]  worldID  A world, or VMK_INVALID_WORLD_ID for the caller's.
 * \param[out] pcpu     Receives the PCPU number, 0 .. EmuCtl_NumPCPUs() - 1.
 * \retval VMK_OK         Answered.
 * \retval VMK_BAD_PARAM  pcpu is NULL.
 * \retval VMK_NOT_FOUND  No such world.
 */
VMK_ReturnStatus EmuCtl_WorldGetPCPU(vmk_WorldID worldID, vmk_uint32 *pcpu);

/**
 * \brief Switch between the real clock (the host's monotonic time) and
 *        the manual clock (moved only by EmuCtl_ClockAdvance() and
 *        vmk_DelayUsecs()).
 *
 * Emulated time carries on from its current value either way.  In manual
 * mode the timer world fires nothing by itself, and timed waits
 * (vmk_WorldSleep, vmk_WorldWait with a timeout) end only when another
 * thread advances the clock.
 * \note Will not block.
 * \param[in] manual  VMK_TRUE for the manual clock.
 */
void EmuCtl_ClockSetManual(vmk_Bool manual);

/** \brief VMK_TRUE while the manual clock is on. \note Will not block. */
vmk_Bool EmuCtl_ClockIsManual(void);

/**
 * \brief Move the manual clock forward, firing the timers that fall due.
 *
 * Due timers fire in the calling thread, acting as the timer world, one at
 * a time in (deadline, schedule order) order; while a callback runs the
 * clock reads that timer's deadline.  A periodic timer fires once per
 * period that fits.  Then the clock reads the old time plus nanoseconds
 * and timed waiters whose deadline passed wake.
 *
 * \note May block (waits for a callback in progress; callbacks run).
 * \param[in]  nanoseconds  How far to move.
 * \param[out] timersFired  Receives how many callbacks ran; may be NULL.
 * \retval VMK_OK         Advanced.
 * \retval VMK_BAD_PARAM  The clock is not in manual mode.
 */
VMK_ReturnStatus EmuCtl_ClockAdvance(vmk_uint64 nanoseconds,
                                     vmk_uint64 *timersFired);

/** \brief Emulated uptime in nanoseconds (what vmk_GetTimerCycles answers). \note Will not block. */
vmk_uint64 EmuCtl_ClockNow(void);

/** \brief Timers armed and not yet fired (periodic ones count once). \note Will not block. */
vmk_uint64 EmuCtl_TimersPending(void);

/** \} */

#ifdef __cplusplus
}
#endif

#endif
