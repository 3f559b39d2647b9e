#!/bin/sh
# outoftree.sh -- what doc/guide-testing.md promises a newcomer (TAP):
# install the built SDK, then, in an empty directory and with nothing but
# what `pkg-config vmkemu` says, build the guide's driver as a module and
# its CMocka test, load the module with the installed vmkemu and run the
# test.  The driver and the test are tests/cmd/outoftree/*.c.
#
# The SDK goes to a staging directory (make install DESTDIR=...), so the
# installed vmkemu.pc still names the configured prefix: pkg-config is told
# where that prefix really is with --define-variable=prefix=..., which is
# what the guide shows for a staged install.
set -u
srcdir=${top_srcdir:-.}
builddir=${top_builddir:-.}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
   n=$((n + 1))
   sed 's/^/#   /' "$tmp/out"
   echo "not ok $n - $1"
}
# step NAME CMD... -- run CMD with output in $tmp/out; TAP line; rc kept.
step() {
   name=$1; shift
   "$@" > "$tmp/out" 2>&1
   rc=$?
   if [ $rc -eq 0 ]; then ok "$name"; else not_ok "$name (exit $rc)"; fi
   return $rc
}
bail() { echo "1..$n"; exit 0; }

# The compiler flags of a sanitizer build must reach programs that link
# the (sanitized) installed library.
san=$(sed -n 's/^SAN_CFLAGS = //p' "$builddir/Makefile" 2>/dev/null)
CC=${CC:-cc}

# 1. Install.  A make started by make check must not share its jobserver.
stage="$tmp/stage"
step "make install DESTDIR=... installs the SDK" \
   env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
   make -C "$builddir" install DESTDIR="$stage" || bail
pc=$(find "$stage" -name vmkemu.pc | head -n 1)
if [ -z "$pc" ]; then
   echo "# no vmkemu.pc under $stage" > "$tmp/out"
   not_ok "the install has vmkemu.pc"
   bail
fi
prefix=$(sed -n 's/^prefix=//p' "$pc")
SDK="$stage$prefix"
export PKG_CONFIG_PATH="$(dirname "$pc")"
export PATH="$SDK/bin:$PATH"
export LD_LIBRARY_PATH="$SDK/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
pkgconf() { pkg-config --define-variable=prefix="$SDK" "$@"; }
ok "the install has vmkemu.pc"

# 2. An empty directory with only the driver and its test.
work="$tmp/mydrv"
mkdir -p "$work"
cp "$srcdir/tests/cmd/outoftree/mydrv.c" \
   "$srcdir/tests/cmd/outoftree/test_mydrv.c" "$work/"
cd "$work" || bail

# Nothing of the source or build tree may be used from here on.
# (Matched on the source's include dirs and the build's library dir: under
# make distcheck the install prefix itself lies inside the source tree.)
step "pkg-config names only installed directories" \
   sh -c '! pkg-config --define-variable=prefix="$0" --cflags --libs vmkemu |
          grep -e "$1/vmkapi" -e "$1/emu/" -e "$2/.libs"' "$SDK" \
   "$(cd "$srcdir" && pwd)" "$(cd "$builddir" && pwd)" || true

# 3. Build the module and the test as the guide does.
step "the driver builds as a module with pkg-config --cflags" \
   sh -c "$CC $san -shared -fPIC \$(pkg-config --define-variable=prefix=$SDK --cflags vmkemu) mydrv.c -o mydrv.so" \
   || bail
step "the test builds with pkg-config --cflags --libs and cmocka" \
   sh -c "$CC $san \$(pkg-config --define-variable=prefix=$SDK --cflags vmkemu) test_mydrv.c mydrv.c \$(pkg-config --define-variable=prefix=$SDK --libs vmkemu) -lcmocka -o test_mydrv" \
   || bail

# 4. Load it with the installed vmkemu, then run its test.
if step "the installed vmkemu loads it, runs its scenario, finds no leak" \
      vmkemu load ./mydrv.so mydrv_slots=16; then
   for p in "world [0-9]* 'mydrv:init'" "16 counters ready" \
            "scenario of 'mydrv' returned 0" "no resources left behind"; do
      if ! grep -q -- "$p" "$tmp/out"; then
         echo "# missing: $p"
         not_ok "vmkemu load output names the run"
         bail
      fi
   done
   ok "vmkemu load output names the run"
fi
vmkemu load ./mydrv.so mydrv_slots=0 > "$tmp/out" 2>&1
rc=$?
if [ $rc -eq 2 ] &&
   grep -q "init_module of 'mydrv' failed: Bad parameter" "$tmp/out"; then
   ok "a bad module parameter makes init_module fail, named (exit 2)"
else
   not_ok "a bad module parameter makes init_module fail, named (exit $rc)"
fi
step "the CMocka test passes" env CMOCKA_MESSAGE_OUTPUT=TAP ./test_mydrv
grep '^ok\|^not ok' "$tmp/out" | sed 's/^/#   test_mydrv: /'
echo "1..$n"
exit 0
