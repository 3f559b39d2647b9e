/*
 * vmk_parse.c -- lib/vmkapi_parse.h: splitting a command line.
 *
 * vmk_ParseArgs cuts the string in str (its first len characters, or up to
 * an earlier NUL) at runs of white space, writing a NUL over the first
 * white-space character after each argument, and points argv[0..] at the
 * arguments, at most maxArgs of them.  There is no quoting.  The string's
 * own terminator (at str[len] or before) ends the last argument; nothing
 * is written at or beyond str[len].  Returns the number of arguments.
 * NULL str or argv (with something to parse) is a MISUSE report and 0.
 * Never blocks.
 */
#include "api.h"

static int
parse_space(char c)
{
   return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
          c == '\f';
}

EMU_EXPORT vmk_uint32
vmk_ParseArgs(char *str, vmk_ByteCount len, char **argv, vmk_uint32 maxArgs)
{
   vmk_ByteCount i = 0;
   vmk_uint32 argc = 0;

   if (len == 0 || maxArgs == 0) {
      return 0;
   }
   if (str == NULL || argv == NULL) {
      emu_report(EMU_RPT_MISUSE, NULL, EMU_CALLER(), "%s: NULL %s", __func__,
                 str == NULL ? "string" : "argv");
      return 0;
   }
   while (argc < maxArgs) {
      while (i < len && str[i] != '\0' && parse_space(str[i])) {
         i++;
      }
      if (i == len || str[i] == '\0') {
         break;
      }
      argv[argc++] = &str[i];
      while (i < len && str[i] != '\0' && !parse_space(str[i])) {
         i++;
      }
      if (i == len || str[i] == '\0') {
         break;
      }
      str[i++] = '\0';
   }
   return argc;
}
