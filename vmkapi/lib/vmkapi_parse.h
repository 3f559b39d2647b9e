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
 * \{
 */

/**
 * \brief Split a string into whitespace-separated arguments in place.
 *
 * \note This function will not block.
 *
 * \param[in] buf Buf.
 * \param[in] buflen Buflen.
 * \param[out] argv Argv.
 * \param[in] argc Argc.
 */
vmk_uint32
vmk_ParseArgs(
   char *buf,
   vmk_ByteCount buflen,
   char **argv,
   vmk_uint32 argc);

/** \} */

#endif /* _VMKAPI_PARSE_H_ */
