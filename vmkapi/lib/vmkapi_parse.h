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
 * \param[in] str Str.
 * \param[in] len Len.
 * \param[in,out] argv Argv.
 * \param[in] maxArgs Max args.
 */
vmk_uint32
vmk_ParseArgs(
   char *str,
   vmk_ByteCount len,
   char **argv,
   vmk_uint32 maxArgs);

/** \} */

#endif /* _VMKAPI_PARSE_H_ */
