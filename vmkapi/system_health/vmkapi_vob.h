/*
 * system_health/vmkapi_vob.h -- VOB notifications
 *
 * Posting vmkernel observations (VOBs): health events that reach the
 * host's monitoring and, from there, vCenter.
 */

#ifndef _VMKAPI_VOB_H_
#define _VMKAPI_VOB_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "system_health/vmkapi_vob.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_VOB VOB Notifications
 *
 * \brief Reporting health events to the management layer.
 *
 * \note vmkemu turns a VOB into a log line and keeps the most recent ones
 *       for tests to read (EmuCtl_VobCount(), EmuCtl_VobGet()).
 * \{
 */

/** \brief Size of vmk_VobMetadata::kbLinkUrl, terminator included. */
#define VMK_MAX_KB_LINK_LEN 512

/** \brief Largest formatted VOB message, in bytes. */
#define VMK_MAX_VOB_FMTARGS_LEN 512

/** \brief Size of vmk_VobMetadata::source, terminator included. */
#define VMK_MAX_VOB_SOURCE_NAME 32

/** \brief How urgent a VOB is. */
typedef enum {
   /** \brief Not a valid urgency. */
   VMK_VOB_URGENCY_INVALID = 0,
   /** \brief Informational event. */
   VMK_VOB_URGENCY_INFO = 1,
   /** \brief Something may need attention. */
   VMK_VOB_URGENCY_WARNING = 2,
   /** \brief Something failed. */
   VMK_VOB_URGENCY_ERROR = 3,
} vmk_VobUrgency;

/** \brief What accompanies a VOB message. */
typedef struct vmk_VobMetadata {
   /** \brief Urgency of the event. */
   vmk_VobUrgency urgency;
   /** \brief Name of the component posting the VOB. */
   const char source[32];
   /** \brief Link to a knowledge-base article about the event, or empty. */
   const char kbLinkUrl[512];
} vmk_VobMetadata;

/**
 * \brief Post a VOB with a formatted message.
 *
 * \note This function will not block.
 *
 * \param[in] metadata  Urgency, source and knowledge-base link.
 * \param[in] fmt       Format of the message, in the vmkernel's printf
 *                      dialect.
 * \param[in] ...       Arguments the format consumes.
 *
 * \retval VMK_OK                The VOB is posted.
 * \retval VMK_FAILURE           metadata or fmt is NULL, or the urgency is
 *                               not INFO, WARNING or ERROR.
 * \retval VMK_NAME_TOO_LONG     source or kbLinkUrl is not terminated
 *                               within its array.
 * \retval VMK_MESSAGE_TOO_LONG  The message is longer than
 *                               VMK_MAX_VOB_FMTARGS_LEN.
 */
VMK_ReturnStatus
vmk_VobNotify(
   vmk_VobMetadata *metadata,
   const char *fmt,
   ...)
   VMK_ATTRIBUTE_PRINTF(2, 3);

/** \} */

#endif /* _VMKAPI_VOB_H_ */
