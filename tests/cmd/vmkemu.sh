#!/bin/sh
# vmkemu.sh -- the vmkemu command: help, version, load errors, exit codes,
# leak listing, panics, module parameters and stats (TAP).
#
# The modules come from tests/cmd/mod_*.c (built by make check).
set -u
builddir=${top_builddir:-.}
vmkemu="$builddir/vmkemu"
mods="$builddir/tests/cmd/.libs"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
fails=0

# check NAME EXPECTED_RC PATTERN... -- run "$@" after --, compare rc, grep
# every pattern in stdout+stderr.
check() {
   name=$1; want=$2; shift 2
   pats=""
   while [ $# -gt 0 ] && [ "$1" != "--" ]; do
      pats="$pats
$1"
      shift
   done
   shift
   n=$((n + 1))
   "$@" > "$tmp/out" 2>&1
   rc=$?
   ok=1
   if [ "$rc" -ne "$want" ]; then
      echo "# exit status $rc, expected $want"
      ok=0
   fi
   old_ifs=$IFS
   IFS='
'
   for p in $pats; do
      if ! grep -q -- "$p" "$tmp/out"; then
         echo "# missing: $p"
         ok=0
      fi
   done
   IFS=$old_ifs
   if [ $ok -eq 1 ]; then
      echo "ok $n - $name"
   else
      sed 's/^/#   /' "$tmp/out"
      echo "not ok $n - $name"
      fails=$((fails + 1))
   fi
}

echo "1..21"
check "--help prints usage and the exit codes" 0 "usage: vmkemu load" \
   "Exit status" -- "$vmkemu" --help
check "--version names the vmkapi revision" 0 "vmkemu .*vmkapi 2.3" \
   -- "$vmkemu" --version
check "no arguments is a usage error" 1 "usage:" -- "$vmkemu"
check "an unknown command is a usage error" 1 "unknown command" \
   -- "$vmkemu" frobnicate
check "load without a file is a usage error" 1 "needs a module file" \
   -- "$vmkemu" load
check "a missing module file is a load error" 1 "cannot read module" \
   -- "$vmkemu" load "$tmp/missing.so"
check "a file without init_module is a load error" 1 "has no init_module" \
   -- "$vmkemu" load "$mods/mod_noinit.so"
check "a clean module exits 0 and says nothing was left" 0 \
   "loaded module 'mod_ok' (id [0-9]*), version 1.2.3-test, license BSD" \
   "scenario of 'mod_ok' returned 0" "no resources left behind" \
   -- "$vmkemu" load "$mods/mod_ok.so"
check "module parameters reach the module before init" 0 \
   "init: count=3 label=xyz nvals=2 sum=9" "scenario line 3" \
   -- "$vmkemu" load "$mods/mod_ok.so" count=3 label=xyz vals=4,5
check "an unknown module parameter is a load error" 1 \
   "no module parameter 'bogus'" -- "$vmkemu" load "$mods/mod_ok.so" bogus=1
check "a malformed parameter value is a load error" 1 \
   "parameter 'count': bad value" -- "$vmkemu" load "$mods/mod_ok.so" count=x
check "a failing init_module exits 2 naming the status" 2 \
   "init_module of 'mod_initfail' failed: Out of memory" \
   -- "$vmkemu" load "$mods/mod_initfail.so"
check "a leaking module exits 3 and lists what it left" 3 \
   "module 'mod_leak' left 1 resource(s) behind" \
   "leaked log *mod_leak_log" "mod_leak.c:" \
   -- "$vmkemu" load "$mods/mod_leak.so"
check "a panicking module exits 87 with message and backtrace" 87 \
   "vmkemu PANIC (assertion): Failed at .*mod_panic: not ready (ready=0)" \
   "module: mod_panic" "backtrace:" "init_module" \
   -- "$vmkemu" load "$mods/mod_panic.so"
check "--for waits between init and cleanup of a module without scenario" 0 \
   "no resources left behind" \
   -- "$vmkemu" load --for 0.1 "$mods/mod_panic.so" ready=1
check "--stats prints the host's tables while the module is loaded" 0 \
   "kind *live" "log *1" "mod_ok *loaded *live" \
   -- "$vmkemu" load --stats "$mods/mod_ok.so"
check "a driver-bug report stops the run with exit 86" 86 \
   "REPORT MISUSE" "stopping after the report" \
   -- "$vmkemu" load "$mods/mod_panic.so" ready=1 misuse=1
check "--keep-going finishes the run, then exits 86" 86 \
   "REPORT MISUSE" "unloaded module 'mod_panic'" "1 driver-bug report" \
   -- "$vmkemu" load --keep-going "$mods/mod_panic.so" ready=1 misuse=1
check "info prints the stamps of a built module without running it" 0 \
   "version=1.2.3-test" "license=BSD" "param_count:int" \
   "param_desc_count=how many lines the scenario logs" \
   -- "$vmkemu" info "$mods/mod_ok.so"
check "info of a missing file is a usage error" 1 "cannot read module" \
   -- "$vmkemu" info "$tmp/missing.so"
check "stats prints the tables of an empty host" 0 "kind *live" \
   "vmkernel *kernel" -- "$vmkemu" stats
exit 0
