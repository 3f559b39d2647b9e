#!/bin/sh
# vmkemu.sh -- the vmkemu command: help, version, load errors, exit codes,
# entry points in worlds, leak listing by kind and name, panics, module
# parameters and the host tables (TAP).
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
# A module's leftovers stay allocated on purpose (its code may still point
# at them), so in sanitizer builds LeakSanitizer must not turn the runs
# that leak into exit 1: vmkemu lists the leaks itself.
leaky="env ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

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

check "--help prints usage and the exit codes" 0 "usage: vmkemu load" \
   "--for SECONDS" "--stats" "Exit status" "objsize, inuse, total" \
   -- "$vmkemu" --help
check "--version names the vmkapi revision" 0 "vmkemu .*vmkapi 2.3" \
   -- "$vmkemu" --version
check "an unknown load option is a usage error" 1 "unknown option --bogus" \
   -- "$vmkemu" load --bogus "$mods/mod_ok.so"
check "--for needs a number" 1 "is not a number of seconds" \
   -- "$vmkemu" load --for soon "$mods/mod_ok.so"
check "no arguments is a usage error" 1 "usage:" -- "$vmkemu"
check "an unknown command is a usage error" 1 "unknown command" \
   -- "$vmkemu" frobnicate
check "load without a file is a usage error" 1 "needs a module file" \
   -- "$vmkemu" load
check "a missing module file is a load error" 1 "cannot read module" \
   -- "$vmkemu" load "$tmp/missing.so"
check "a file without init_module is a load error" 1 "has no init_module" \
   -- "$vmkemu" load "$mods/mod_noinit.so"
printf 'not an object\n' > "$tmp/junk.so"
check "a file that is not a shared object is a load error" 1 \
   "cannot load '.*junk.so'" -- "$vmkemu" load "$tmp/junk.so"
check "a clean module exits 0 and says nothing was left" 0 \
   "loaded module 'mod_ok' (id [0-9]*), version 1.2.3-test, license BSD" \
   "scenario of 'mod_ok' returned 0" "'mod_ok' holds log 1 before" \
   "no resources left behind" \
   -- "$vmkemu" load "$mods/mod_ok.so"
check "init, scenario and cleanup each run in a fresh world" 0 \
   "world [0-9]* 'mod_ok:init' mod_ok info: .*init: count" \
   "world [0-9]* 'mod_ok:scenario' mod_ok info: .*scenario line 1" \
   "world [0-9]* 'mod_ok:cleanup' mod_ok info: .*cleanup" \
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
   "leaked log *mod_leak_log .*created by init_module.*mod_leak.c:[0-9]" \
   -- $leaky "$vmkemu" load "$mods/mod_leak.so"
check "a leaked heap is listed with its live allocation and its caller" 3 \
   "left 1 resource(s) behind" \
   "leaked heap *mod_leak_heap .*created by init_module.*mod_leak.c:[0-9]" \
   "heap 'mod_leak_heap' holds 1 live allocation(s)" \
   "100 bytes at 0x[0-9a-f]*, allocated by init_module.*mod_leak.c:[0-9]" \
   -- $leaky "$vmkemu" load "$mods/mod_leak.so" leak=heap
check "a heap destroyed with a live allocation is a LEAK report (86)" 86 \
   "REPORT LEAK" "heap 'mod_leak_heap'" "world:  world [0-9]* 'mod_leak:cleanup'" \
   "100 bytes at .*allocated by init_module.*mod_leak.c:[0-9]" \
   -- "$vmkemu" load "$mods/mod_leak.so" leak=heapalloc
check "a leaked slab is listed with the objects it has out" 3 \
   "leaked slab *mod_leak_slab .*mod_leak.c:[0-9]" \
   "slab 'mod_leak_slab' has 1 object(s) outstanding" \
   -- $leaky "$vmkemu" load "$mods/mod_leak.so" leak=slab
check "a leaked spinlock is listed by name" 3 \
   "leaked spinlock *mod_leak_lock .*mod_leak.c:[0-9]" \
   -- $leaky "$vmkemu" load "$mods/mod_leak.so" leak=lock
check "a leaked semaphore is listed by name" 3 \
   "leaked semaphore *mod_leak_sema .*mod_leak.c:[0-9]" \
   -- $leaky "$vmkemu" load "$mods/mod_leak.so" leak=sema
check "a timer left armed is listed" 3 \
   "leaked timer .*created by init_module.*mod_leak.c:[0-9]" \
   -- $leaky "$vmkemu" load "$mods/mod_leak.so" leak=timer
check "a leaked world-storage handle is listed" 3 \
   "leaked world storage .*created by init_module.*mod_leak.c:[0-9]" \
   -- $leaky "$vmkemu" load "$mods/mod_leak.so" leak=storage
check "a leaked memory pool is listed by name" 3 \
   "leaked mempool *mod_leak_pool .*created by init_module.*mod_leak.c:[0-9]" \
   -- $leaky "$vmkemu" load "$mods/mod_leak.so" leak=pool
check "pool pages never freed are listed with their allocating line" 3 \
   "left 2 resource(s) behind" \
   "leaked pool pages *mod_leak_pool: 1 page(s) at 0x[0-9a-f]* .*created by init_module.*mod_leak.c:[0-9]" \
   "leaked mempool *mod_leak_pool .*mod_leak.c:[0-9]" \
   -- $leaky "$vmkemu" load "$mods/mod_leak.so" leak=pages
check "a mapping never unmapped is listed with its line" 3 \
   "left 1 resource(s) behind" \
   "leaked mapping *vmk_Map .*created by init_module.*mod_leak.c:[0-9]" \
   -- $leaky "$vmkemu" load "$mods/mod_leak.so" leak=map
check "a worker world left running is listed by name" 3 \
   "'mod_leak' holds .*world 1" \
   "leaked world *mod_leak_worker .*created by init_module.*mod_leak.c:[0-9]" \
   -- $leaky "$vmkemu" load "$mods/mod_leak.so" leak=world
check "several leaks are listed together" 3 \
   "left 3 resource(s) behind" "leaked heap *mod_leak_heap" \
   "leaked spinlock *mod_leak_lock" "leaked log *mod_leak_log" \
   -- $leaky "$vmkemu" load "$mods/mod_leak.so" leak=heap,lock,log
check "a module that frees everything exits 0" 0 \
   "'mod_leak' holds slab 1, heap 1, mempool 1, pages 1, map 1, storage 1, lock 2, timer 1, log 1 before" \
   "no resources left behind" \
   -- "$vmkemu" load "$mods/mod_leak.so" leak=none
check "a panicking module exits 87 with message and backtrace" 87 \
   "vmkemu PANIC (assertion): Failed at .*mod_panic: not ready (ready=0)" \
   "module: mod_panic" "backtrace:" "init_module" \
   "world [0-9]* 'mod_panic:init'" \
   -- "$vmkemu" load "$mods/mod_panic.so"
check "--for waits between init and cleanup of a module without scenario" 0 \
   "no resources left behind" \
   -- "$vmkemu" load --for 0.1 "$mods/mod_panic.so" ready=1
check "--stats prints the host's tables after cleanup_module" 0 \
   "host tables after cleanup_module of 'mod_ok'" \
   "name *kind *owner *objsize *inuse *total *allocs *fails *bytes" \
   "machine *arena *vmkernel *4096" "resources *live" "log *0" \
   "vmkemu *program *live" \
   -- "$vmkemu" load --stats "$mods/mod_ok.so"
check "--stats shows what a leaking module left, owned by it" 3 \
   "mod_leak_slab *slab *mod_leak *200 *1 " \
   "mod_leak_heap *heap *mod_leak *- *1 " \
   "mod_leak *loaded *unloaded" \
   -- $leaky "$vmkemu" load --stats "$mods/mod_leak.so" leak=slab,heap
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
check "stats prints the tables of an empty host" 0 \
   "name *kind *owner *objsize *inuse *total *allocs *fails *bytes" \
   "vmkemu-kernel *pool *vmkernel *4096" "world-ids *arena" \
   "world *name *kind *owner *pcpu *state" "timer *system *vmkernel" \
   "resources *live" "vmkernel *kernel" -- "$vmkemu" stats
check "stats takes no arguments" 1 "usage:" -- "$vmkemu" stats extra
echo "1..$n"
exit 0
