#!/bin/sh
# layering.sh -- the include edges ../shared/DESIGN.md allows (TAP).
#
# Ranks, lowest first; a file may include its own folder's headers, lower
# ranks and the public headers (vmkapi.h, emuctl*.h), never a higher rank:
#   host 0 | core 1 | lib, mem/vmem 2 | mem/slab,magazine,mempool,machmem 3 |
#   mem/heap 4 | world/world,lock,time, mod 5 | world/*storage, dev 6 |
#   api 7 | ctl 8 | cmd 9 (public headers only)
# Samples and tests/ outside tests/engine include public headers and
# tests/util only.  vmem and slab never include world (magazines pick their
# cache by host thread; reports read the world from the host slot).
set -u
srcdir=${top_srcdir:-.}
cd "$srcdir" || exit 1

rank() {
   case "$1" in
   emu/host/*) echo 0 ;;
   emu/core/*) echo 1 ;;
   emu/lib/*) echo 2 ;;
   emu/mem/vmem*) echo 2 ;;
   emu/mem/heap*) echo 4 ;;
   emu/mem/*) echo 3 ;;
   emu/world/*storage*) echo 6 ;;
   emu/world/*|emu/mod/*) echo 5 ;;
   emu/api/*) echo 7 ;;
   emu/ctl/*) echo 8 ;;
   emu/cmd/*) echo 9 ;;
   emu/dev/*) echo 6 ;;
   *) echo 10 ;;
   esac
}

bad=0
checked=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for f in $(find emu samples tests -name '*.[ch]' | sort); do
   dir=$(dirname "$f")
   for inc in $(sed -n 's/^[ \t]*#[ \t]*include[ \t]*"\([^"]*\)".*/\1/p' "$f"); do
      checked=$((checked + 1))
      case "$inc" in
      vmkapi.h|emuctl.h|emuctl_reports.h|config.h) continue ;;
      esac
      # Resolve the include to a path in the tree.
      if [ -f "$dir/$inc" ]; then
         target=$(cd "$(dirname "$dir/$inc")" && pwd)/$(basename "$inc")
         target=${target#"$(pwd)/"}
      elif [ -f "emu/$inc" ]; then
         target="emu/$inc"
      elif [ -f "tests/util/$inc" ]; then
         target="tests/util/$inc"
      else
         target="$inc"
      fi
      case "$f" in
      emu/*)
         case "$target" in
         emu/include/*) continue ;;
         esac
         if [ "$(dirname "$target")" = "$dir" ]; then
            continue
         fi
         rf=$(rank "$f")
         rt=$(rank "$target")
         if [ "$rf" -eq 9 ] || [ "$rt" -ge "$rf" ]; then
            echo "# $f includes $inc (rank $rt from rank $rf)" >> "$out"
            bad=$((bad + 1))
         fi
         case "$f:$target" in
         emu/mem/vmem*:emu/world/*|emu/mem/slab*:emu/world/*|emu/mem/magazine*:emu/world/*)
            echo "# $f includes $inc (vmem/slab must not see worlds)" >> "$out"
            bad=$((bad + 1)) ;;
         esac
         ;;
      tests/engine/*|tests/bench/*)
         ;;
      samples/*|tests/*)
         case "$target" in
         tests/util/*|"$dir"/*) ;;
         tests/conformance/*) ;;
         *) echo "# $f includes $inc (tests and samples see public headers only)" >> "$out"
            bad=$((bad + 1)) ;;
         esac
         ;;
      esac
   done
done
echo "1..1"
cat "$out"
if [ "$bad" -eq 0 ]; then
   echo "ok 1 - all $checked include edges point down the layers"
else
   echo "not ok 1 - $bad include edge(s) point up the layers"
fi
