/*
 * lib/vmkapi_parse.h -- argument parsing
 *
 * Splitting a command string into arguments.
 */

#ifndef _VMKAPI_PARSE_H_
#define _VMKAPI_PARSE_H_

#ifndef VMKAPI_HEADER_INCLUDED_VIA_VMKAPI_H
#error "lib/vmkapi_parse.h must not be included directly; include vmkapi.h"
#endif

/**
 * \defgroup VMK_Parse Parsing
 *
 * \brief Splitting a command-line style string into arguments.
 * \{
 */

/**
 * \brief Split a string into white-space separated arguments, in place.
 *
 * A NUL is written after each argument and argv[i] points at it. There is
 * no quoting.
 *
 * \note This function will not block.
 * \note NULL buf or argv is a MISUSE report in vmkemu (the call returns
 *       0).
 *
 * \param[in,out] buf     String to split; modified.
 * \param[in]     buflen  Length of buf; characters at and past buflen are
 *                        neither read nor written.
 * \param[out]    argv    Array that receives pointers to the arguments.
 * \param[in]     argc    Number of entries in argv; further arguments are
 *                        left unsplit.
 *
 * \return The number of arguments stored in argv.
 */
vmk_uint32
vmk_ParseArgs(
   char *buf,
   vmk_ByteCount buflen,
   char **argv,
   vmk_uint32 argc);

/** \} */

#endif /* _VMKAPI_PARSE_H_ */
