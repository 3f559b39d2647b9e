#!/bin/sh
# memtool.sh -- slab objects are described to the memory checkers (TAP).
#
# Runs memtool_demo's two bugs (a write one byte past a slab object, a read
# of a freed object) under the checker this build has: AddressSanitizer in
# an ASan build, Valgrind memcheck otherwise.  Each run must be stopped or
# flagged at the driver's own line.  (Under memcheck the slab engine's own
# reads of its free-list words are flagged too; they are counted in a
# diagnostic line, not failed on, until the engine marks them.)
set -u
builddir=${top_builddir:-.}
srcdir=${top_srcdir:-.}
prog="$builddir/tests/bugs/memtool_demo"
srcname=memtool_demo.c
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

echo "1..2"
checker=$("$prog" --checker 2>/dev/null)

n=0
# The lines of the two bugs, found by their comments in the source.
src="$srcdir/tests/bugs/$srcname"
l_over=$(grep -n 'one byte past the object' "$src" | cut -d: -f1)
l_uaf=$(grep -n 'the object is free' "$src" | cut -d: -f1)
for bug in overrun:$l_over:write use-after-free:$l_uaf:read; do
   name=${bug%%:*}; rest=${bug#*:}; line=${rest%%:*}; kind=${rest#*:}
   n=$((n + 1))
   if [ "$checker" = asan ]; then
      "$prog" "$name" > "$tmp" 2>&1
      if grep -q "AddressSanitizer: use-after-poison" "$tmp" &&
         grep -q "$srcname:$line" "$tmp"; then
         echo "ok $n - ASan stops the $name at $srcname:$line"
      else
         sed 's/^/# /' "$tmp" | head -30
         echo "not ok $n - ASan stops the $name at $srcname:$line"
      fi
   elif [ "$checker" = memcheck ] && command -v valgrind > /dev/null 2>&1; then
      "$builddir/libtool" --mode=execute valgrind -q --error-exitcode=99 \
         "$prog" "$name" > "$tmp" 2>&1
      want="Invalid $kind"
      engine=$(grep -c "at 0x.*(slab\.[ch]:" "$tmp")
      if grep -A1 "$want" "$tmp" | grep -q "$srcname:$line"; then
         echo "# $engine flag(s) inside the slab engine itself"
         echo "ok $n - memcheck flags the $name at $srcname:$line"
      else
         sed 's/^/# /' "$tmp" | head -40
         echo "not ok $n - memcheck flags the $name at $srcname:$line"
      fi
   else
      echo "ok $n # SKIP no memory checker in this build"
   fi
done
