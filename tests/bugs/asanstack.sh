#!/bin/sh
# asanstack.sh -- an AddressSanitizer report on a slab or heap object is
# followed by vmkemu's description of the address, naming the line that
# allocated the object (TAP).
#
# The slab engine poisons its objects itself, so ASan has no allocation
# stack of its own for them; the report callback (emu/ctl/san_whatis.c)
# prints the cache, the object and its audit trail (audit is on by default
# in ASan builds) or, for a small heap allocation, its side word.  Only
# meaningful in an ASan build: elsewhere the whole plan is skipped.
set -u
builddir=${top_builddir:-.}
srcdir=${top_srcdir:-.}
prog="$builddir/tests/bugs/memtool_demo"
src="$srcdir/tests/bugs/memtool_demo.c"
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

if [ "$("$prog" --checker 2>/dev/null)" != asan ]; then
   echo "1..0 # SKIP not an AddressSanitizer build"
   exit 0
fi
echo "1..4"
n=0
for bug in overrun:overrun use-after-free:uaf heap-overrun:heapover \
           heap-use-after-free:heap; do
   name=${bug%%:*}; tag=${bug#*:}
   line=$(grep -n "$tag: allocated here" "$src" | cut -d: -f1)
   n=$((n + 1))
   VMKEMU_DEBUG= "$prog" "$name" > "$tmp" 2>&1
   if grep -q "AddressSanitizer" "$tmp" &&
      grep -q "^vmkemu: address 0x[0-9a-f]* is .* into " "$tmp" &&
      grep -q "last allocated .*memtool_demo.c:$line" "$tmp"; then
      echo "ok $n - the $name is described with its allocating line $line"
   else
      sed 's/^/# /' "$tmp" | grep -v "^#     #" | tail -25
      echo "not ok $n - the $name is described with its allocating line $line"
   fi
done
