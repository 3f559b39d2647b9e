#!/bin/sh
# retval.sh -- the public doc blocks name real statuses and say whether
# they block (TAP).
#
# Checks:
#   1. every "\retval NAME" in vmkapi/ and emu/include/ whose NAME looks
#      like a status (VMK_...) names an enumerator of VMK_ReturnStatus, as
#      listed in vmkapi/base/vmkapi_status.h, and no \retval names anything
#      else (other return values are described with \return);
#   2. every extern function the public headers declare (all tiers, found
#      by the compiler itself with -aux-info) has a doc block with a \brief;
#   3. ... and a blocking \note (a \note whose text says "block").
set -u
srcdir=${top_srcdir:-.}
CC=${CC:-cc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "1..3"

# 1. \retval names.
sed -n 's/^[[:space:]]*\(VMK_[A-Z0-9_]*\)[[:space:]]*=.*/\1/p' \
   "$srcdir/vmkapi/base/vmkapi_status.h" | sort -u > "$tmp/status.txt"
find "$srcdir/vmkapi" "$srcdir/emu/include" -name '*.h' | sort > "$tmp/headers.txt"
: > "$tmp/retvals.txt"
while read -r h; do
   grep -n '\\retval' "$h" | sed "s|^|$h:|" >> "$tmp/retvals.txt"
done < "$tmp/headers.txt"
nret=$(wc -l < "$tmp/retvals.txt")
bad=$(awk -v stf="$tmp/status.txt" '
   BEGIN { while ((getline s < stf) > 0) ok[s] = 1 }
   {
      line = $0
      sub(/^.*\\retval[[:space:]]*/, "", line)
      split(line, w, /[^A-Za-z0-9_]/)
      if (!(w[1] in ok)) {
         n = split($0, parts, ":")
         print parts[1] ":" parts[2] ": \\retval " w[1]
      }
   }' "$tmp/retvals.txt")
if [ "$(wc -l < "$tmp/status.txt")" -lt 100 ]; then
   echo "not ok 1 - could not read the status list from vmkapi_status.h"
elif [ -z "$bad" ]; then
   printf '%s\n' "ok 1 - every \\retval names a VMK_ReturnStatus ($nret \\retval lines, $(wc -l < "$tmp/status.txt") statuses)"
else
   echo "$bad" | sed 's/^/# not a status: /'
   printf '%s\n' "not ok 1 - every \\retval names a VMK_ReturnStatus ($(echo "$bad" | wc -l) of $nret wrong)"
fi

# 2 and 3. Doc blocks of extern functions.
printf '#include "vmkapi.h"\n#include "emuctl.h"\n' > "$tmp/all.c"
if ! $CC -std=gnu99 -fsyntax-only -aux-info "$tmp/aux.txt" \
      -I"$srcdir/vmkapi" -I"$srcdir/emu/include" \
      -D__KERNEL__ -D__VMKERNEL_MODULE__ -DVMK_DEVKIT_HAS_API_VMKAPI_BASE \
      -DVMK_DEVKIT_USES_PUBLIC_APIS -DVMK_DEVKIT_USES_BINARY_COMPATIBLE_APIS \
      -DVMK_DEVKIT_USES_DEPRECATED_APIS -DVMK_DEVKIT_HAS_API_VMKAPI_DEVICE \
      "$tmp/all.c" 2> "$tmp/cc.err"; then
   sed 's/^/# /' "$tmp/cc.err"
   echo "not ok 2 - the public headers compile"
   echo "not ok 3 - # SKIP headers do not compile"
   exit 0
fi
# "file line name" for every extern function of our headers.
grep -E '/(vmkapi|emu/include)/' "$tmp/aux.txt" | grep -v '\*/ static ' |
   sed -E 's|^/\* ([^:]*):([0-9]+):[^*]*\*/ *(.*)$|\1 \2 \3|' |
   sed -E 's/ *\(.*//' |
   awk '{ n = $NF; sub(/^\**/, "", n); print $1, $2, n }' |
   sort -u > "$tmp/externs.txt"
# For each, the /** ... */ block that ends right above the declaration
# (only the return type, attributes and blank lines may sit between).
: > "$tmp/nobrief.txt"
: > "$tmp/nonote.txt"
nfun=0
while read -r file line name; do
   nfun=$((nfun + 1))
   awk -v L="$line" -v name="$name" -v f="$file" \
       -v nb="$tmp/nobrief.txt" -v nn="$tmp/nonote.txt" '
      { l[NR] = $0 }
      END {
         # Walk up from the line above the declarator to the end of a
         # comment; stop at anything that ends a previous declaration.
         i = L - 1
         while (i > 0 && l[i] !~ /\*\/[[:space:]]*$/) {
            if (l[i] ~ /[;{}][[:space:]]*$/ || l[i] ~ /^[[:space:]]*#/) { i = 0; break }
            i--
         }
         if (i <= 0) { print f ":" L ": " name >> nb; print f ":" L ": " name >> nn; exit }
         end = i
         while (i > 0 && l[i] !~ /\/\*\*/) i--
         blk = ""
         for (j = i; j <= end; j++) blk = blk "\n" l[j]
         if (blk !~ /\\brief/) print f ":" L ": " name >> nb
         # A \note paragraph that mentions blocking.
         n = split(blk, ln, "\n"); innote = 0; found = 0
         for (j = 1; j <= n; j++) {
            if (ln[j] ~ /\\note/) innote = 1
            else if (ln[j] ~ /\\(param|retval|return|brief|see)/ || ln[j] ~ /^[[:space:]]*\*[[:space:]]*$/) innote = 0
            if (innote && tolower(ln[j]) ~ /block/) found = 1
         }
         if (!found) print f ":" L ": " name >> nn
      }' "$file"
done < "$tmp/externs.txt"
nb=$(wc -l < "$tmp/nobrief.txt")
nn=$(wc -l < "$tmp/nonote.txt")
if [ "$nb" -eq 0 ]; then
   printf '%s\n' "ok 2 - every extern function has a doc block with a \\brief ($nfun functions)"
else
   sed "s|^$srcdir/||; s/^/# no \\\\brief: /" "$tmp/nobrief.txt"
   printf '%s\n' "not ok 2 - every extern function has a doc block with a \\brief ($nb of $nfun without)"
fi
if [ "$nn" -eq 0 ]; then
   printf '%s\n' "ok 3 - every extern function has a blocking \\note ($nfun functions)"
else
   sed "s|^$srcdir/||; s/^/# no blocking \\\\note: /" "$tmp/nonote.txt" | head -50
   printf '%s\n' "not ok 3 - every extern function has a blocking \\note ($nn of $nfun without)"
fi
