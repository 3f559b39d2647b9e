#!/bin/sh
# memtool.sh -- slab objects, heap allocations and pool pages are described
# to the memory checkers (TAP).
#
# Runs memtool_demo's six bugs (a write one byte past, a read after free, of
# a slab object, a heap allocation and a pool page) under the checker this
# build has: AddressSanitizer in an ASan build, Valgrind memcheck otherwise.
# Each run must be stopped or flagged at the driver's own line.  Under
# memcheck that must also be the only error of the run: nothing inside the
# runtime may be flagged (its own words beside driver memory included).
set -u
builddir=${top_builddir:-.}
srcdir=${top_srcdir:-.}
prog="$builddir/tests/bugs/memtool_demo"
srcname=memtool_demo.c
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

echo "1..6"
checker=$("$prog" --checker 2>/dev/null)

n=0
# The lines of the bugs, found by their comments in the source.
src="$srcdir/tests/bugs/$srcname"
line_of() { grep -n "$1" "$src" | head -1 | cut -d: -f1; }
for bug in \
   "overrun:one byte past the object:write" \
   "use-after-free:the object is free:read" \
   "heap-overrun:one byte past the allocation:write" \
   "heap-use-after-free:the allocation is freed:read" \
   "pages-overrun:one byte past the page:write" \
   "pages-use-after-free:the page is back in the pool:read"
do
   name=${bug%%:*}; rest=${bug#*:}; marker=${rest%%:*}; kind=${rest#*:}
   line=$(line_of "$marker")
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
      "$builddir/libtool" --mode=execute valgrind --error-exitcode=99 \
         "$prog" "$name" > "$tmp" 2>&1
      want="Invalid $kind"
      contexts=$(sed -n 's/.*ERROR SUMMARY: [0-9]* errors* from \([0-9]*\) context.*/\1/p' "$tmp" | tail -1)
      if grep -A1 "$want" "$tmp" | grep -q "$srcname:$line" &&
         [ "$contexts" = 1 ]; then
         echo "ok $n - memcheck flags the $name at $srcname:$line, and only it"
      else
         grep '^==' "$tmp" | sed 's/^/# /' | head -60
         echo "not ok $n - memcheck flags the $name at $srcname:$line, and only it ($contexts error contexts)"
      fi
   else
      echo "ok $n # SKIP no memory checker in this build"
   fi
done
