#!/bin/sh
# quickstart.sh -- from a fresh Debian/Ubuntu machine to running samples.
#
#   ./quickstart.sh          install what is missing, build, run the samples
#   ./quickstart.sh check    install what is missing, build, run every test
#
# Installs only packages that are not there yet (apt-get, through sudo when
# not root).  A second run rebuilds incrementally and is fast.  BUILD_DIR
# (default: build) and JOBS (default: the CPU count) may be set.
set -eu

cd "$(dirname "$0")"
top=$(pwd)
mode=${1:-run}
case "$mode" in
run|check) ;;
-h|--help)
   sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
   exit 0 ;;
*) echo "usage: $0 [check]" >&2; exit 2 ;;
esac

say() { printf '\n==> %s\n' "$*"; }

# 1. Packages: the tools a build needs and the libraries it uses.
pkgs="build-essential autoconf automake libtool pkg-config libcmocka-dev uthash-dev doxygen graphviz git python3 binutils valgrind"
missing=""
for p in $pkgs; do
   if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
      missing="$missing $p"
   fi
done
if [ -n "$missing" ]; then
   say "installing:$missing"
   if [ "$(id -u)" -eq 0 ]; then
      SUDO=""
   elif command -v sudo >/dev/null 2>&1; then
      SUDO="sudo"
   else
      echo "quickstart: need root or sudo to install:$missing" >&2
      exit 1
   fi
   export DEBIAN_FRONTEND=noninteractive
   $SUDO apt-get update -qq
   # shellcheck disable=SC2086
   $SUDO apt-get install -y -qq --no-install-recommends $missing
else
   say "all build dependencies present"
fi

# 2. Configure once, then build incrementally.
BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
if [ ! -x configure ] || [ configure.ac -nt configure ]; then
   say "autogen"
   ./autogen.sh
fi
mkdir -p "$BUILD_DIR"
cd "$BUILD_DIR"
if [ ! -f Makefile ]; then
   say "configure"
   "$top/configure" --enable-silent-rules
fi
say "build"
make -j"$JOBS"

# 3. Run the samples, or every test.
if [ "$mode" = check ]; then
   say "make check"
   if ! make -j"$JOBS" check; then
      for log in $(find . -name '*.log' -newer Makefile | sort); do
         if grep -q '^not ok\|^ERROR\|^FAIL' "$log" 2>/dev/null; then
            echo "---- $log"; tail -n 40 "$log"
         fi
      done
      exit 1
   fi
   # One line per test case: what ran.
   find . -name '*.log' ! -name 'test-suite.log' ! -name 'config.log' | sort |
      xargs grep -h -E '^(ok|not ok) ' 2>/dev/null | wc -l |
      xargs printf 'quickstart: %s test cases ran\n'
else
   # Each sample module through `vmkemu load` (init_module, its scenario,
   # cleanup_module, each in a world of its own, then the leak check),
   # with a short report: what it held while loaded, what it left.
   say "samples under the emulator"
   failed=0
   for so in samples/*/.libs/*.so; do
      [ -f "$so" ] || continue
      name=$(basename "$so" .so)
      log="samples/$name.vmkemu.log"
      if ./vmkemu load "$so" > "$log" 2>&1; then
         status="ok"
      else
         status="FAILED (exit $?)"
         failed=1
      fi
      printf '%-10s %s\n' "$name" "$status"
      grep -E "scenario of|holds|left|leaked|no resources|failed|REPORT|PANIC" \
         "$log" | sed 's/^vmkemu: /    /'
      if [ "$status" != ok ]; then
         echo "    (full output: $BUILD_DIR/$log)"
      fi
   done
   if [ "$failed" -ne 0 ]; then
      exit 1
   fi
   echo "(vmkemu stats prints the host's tables; vmkemu load --stats after a run)"
fi
say "done"
