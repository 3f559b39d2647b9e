/*
 * system_health/vmkapi_vob.h -- VOB notifications
 *
 * System-health observations (VOBs) with urgency and a knowledge-base link.
 */

#ifndef _VMKAPI_VOB_H_
#define _VMKAPI_VOB_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "system_health/vmkapi_vob.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_VOB VOB Notifications
 * \{
 */

/** \brief Max kb link len. */
#define VMK_MAX_KB_LINK_LEN 512

/** \brief Max vob fmtargs len. */
#define VMK_MAX_VOB_FMTARGS_LEN 512

/** \brief Max vob source name. */
#define VMK_MAX_VOB_SOURCE_NAME 32

/**
 * \brief Values of Vob urgency.
 */
typedef enum {
   /** \brief Invalid. */
   VMK_VOB_URGENCY_INVALID = 0,
   /** \brief Info. */
   VMK_VOB_URGENCY_INFO = 1,
   /** \brief Warning. */
   VMK_VOB_URGENCY_WARNING = 2,
   /** \brief Error. */
   VMK_VOB_URGENCY_ERROR = 3,
} vmk_VobUrgency;

/**
 * \brief Description of a Vob metadata.
 */
typedef struct vmk_VobMetadata {
   /** \brief Urgency. */
   vmk_VobUrgency urgency;
   /** \brief Source. */
   const char source[32];
   /** \brief Kb link url. */
   const char kbLinkUrl[512];
} vmk_VobMetadata;

/**
 * \brief Post a VOB with a formatted message.
 *
 * \note This function will not block.
 *
 * \param[in] metadata Metadata.
 * \param[in] fmt printf-style format.
 *
 * \retval VMK_OK Success.
 * \retval VMK_NAME_TOO_LONG The name is too long.
 * \retval VMK_LIMIT_EXCEEDED A size or count limit was exceeded.
 * \retval VMK_MESSAGE_TOO_LONG Message too long.
 * \retval VMK_FAILURE Generic failure.
 */
VMK_ReturnStatus
vmk_VobNotify(
   vmk_VobMetadata *metadata,
   const char *fmt,
   ...)
   VMK_ATTRIBUTE_PRINTF(2, 3);

/** \} */

#endif /* _VMKAPI_VOB_H_ */
