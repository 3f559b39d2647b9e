#!/bin/sh
# exports.sh -- libvmkemu exports exactly its list (TAP).
#
# The list is what the public headers declare: every extern function of
# vmkapi.h (all tiers) and of emuctl.h, plus the extern variables the
# headers name.  The compiler itself reads the headers (-aux-info), so the
# list cannot drift from them.  Checks:
#   1. every dynamic symbol libvmkemu.so defines is on the list;
#   2. every EmuCtl_* function on the list is exported;
#   3. no vmk_* function that is static inline in the headers is exported.
set -u
srcdir=${top_srcdir:-.}
builddir=${top_builddir:-.}
CC=${CC:-cc}
NM=${NM:-nm}
so="$builddir/.libs/libvmkemu.so"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "1..3"
if [ ! -f "$so" ]; then
   for i in 1 2 3; do echo "ok $i # SKIP no shared library built"; done
   exit 0
fi

printf '#include "vmkapi.h"\n#include "emuctl.h"\n' > "$tmp/all.c"
if ! $CC -std=gnu99 -fsyntax-only -aux-info "$tmp/aux.txt" \
      -I"$srcdir/vmkapi" -I"$srcdir/emu/include" \
      -D__KERNEL__ -D__VMKERNEL_MODULE__ -DVMK_DEVKIT_HAS_API_VMKAPI_BASE \
      -DVMK_DEVKIT_USES_PUBLIC_APIS -DVMK_DEVKIT_USES_BINARY_COMPATIBLE_APIS \
      -DVMK_DEVKIT_USES_DEPRECATED_APIS -DVMK_DEVKIT_HAS_API_VMKAPI_DEVICE \
      "$tmp/all.c" 2> "$tmp/cc.err"; then
   cat "$tmp/cc.err" | sed 's/^/# /'
   echo "not ok 1 - the public headers compile"
   echo "not ok 2 - # SKIP"
   echo "not ok 3 - # SKIP"
   exit 0
fi
# Keep our headers' declarations only; split extern and static inline.
grep -E '/(vmkapi|emu/include)/' "$tmp/aux.txt" > "$tmp/ours.txt"
extract() {
   sed -E 's|^/\*[^*]*\*/ *||' | sed -E 's/ *\(.*//' | awk '{print $NF}' |
      sed -E 's/^\**//' | sort -u
}
grep -v ' static ' "$tmp/ours.txt" | grep -v '^/\*[^*]*\*/ static' |
   extract > "$tmp/extern.txt"
grep -E '\*/ static ' "$tmp/ours.txt" | extract > "$tmp/inline.txt"
# Extern variables declared by the headers.
echo vmk_AtomicUseFence >> "$tmp/extern.txt"
sort -u -o "$tmp/extern.txt" "$tmp/extern.txt"

# (AddressSanitizer adds __odr_asan.* indicators next to exported data.)
$NM -D --defined-only "$so" | awk '$2 ~ /^[TDBRVW]$/ {print $3}' |
   grep -v '^__odr_asan' | sort -u > "$tmp/exported.txt"

extra=$(comm -23 "$tmp/exported.txt" "$tmp/extern.txt")
if [ -z "$extra" ]; then
   echo "ok 1 - every exported symbol is declared by the public headers ($(wc -l < "$tmp/exported.txt") exported)"
else
   echo "$extra" | sed 's/^/# not on the list: /'
   echo "not ok 1 - every exported symbol is declared by the public headers"
fi

missing=$(grep '^EmuCtl_' "$tmp/extern.txt" | comm -23 - "$tmp/exported.txt")
if [ -z "$missing" ]; then
   echo "ok 2 - every EmuCtl_ function is exported"
else
   echo "$missing" | sed 's/^/# not exported: /'
   echo "not ok 2 - every EmuCtl_ function is exported"
fi

inl=$(comm -12 "$tmp/inline.txt" "$tmp/exported.txt")
if [ -z "$inl" ]; then
   echo "ok 3 - no static inline function of the headers is exported ($(wc -l < "$tmp/inline.txt") inline)"
else
   echo "$inl" | sed 's/^/# exported but inline: /'
   echo "not ok 3 - no static inline function of the headers is exported"
fi
