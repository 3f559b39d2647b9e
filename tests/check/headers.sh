#!/bin/sh
# headers.sh -- the public headers compile cleanly everywhere (TAP).
#
# Matrix: gcc and clang as gnu99 and C11, g++ and clang++ as C++ (the
# headers wrap themselves in extern "C"), each at -O0 and -O2, with
# -Wall -Wextra -Werror, in driver mode (the kernel-module defines that
# pkg-config --cflags vmkemu gives, $DRIVER_CPPFLAGS under make check) and
# in user mode (no defines); plus one line with every tier and VMX86_DEBUG.
# Each line compiles two files: one that only includes vmkapi.h and
# emuctl.h, and one that expands the headers' macros and inline functions
# the way a driver does.  -O0 lines only parse (-fsyntax-only); -O2 lines
# generate code so that optimiser-driven warnings show.  A compiler that is
# not installed gives "# SKIP" lines.
set -u
srcdir=${top_srcdir:-.}
driver=${DRIVER_CPPFLAGS:-"-D__KERNEL__ -D__VMKERNEL_MODULE__ -DVMK_DEVKIT_HAS_API_VMKAPI_BASE -DVMK_DEVKIT_USES_PUBLIC_APIS -DVMK_DEVKIT_USES_BINARY_COMPATIBLE_APIS -DVMK_DEVKIT_HAS_API_VMKAPI_DEVICE"}
alltiers="$driver -DVMK_DEVKIT_USES_DEPRECATED_APIS -DVMX86_DEBUG"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat > "$tmp/inc.c" <<'SRC'
#include "vmkapi.h"
#include "emuctl.h"
#include "vmkapi.h"
SRC

cat > "$tmp/use.c" <<'SRC'
#include "vmkapi.h"

static int debugLevel;
VMK_MODPARAM(debugLevel, int, "debug level");
static int arr[4];
static int arrCount;
VMK_MODPARAM_ARRAY(arr, int, &arrCount, "array");
static char strParam[16];
VMK_MODPARAM_STRING(strParam, sizeof(strParam), "a string");
VMK_VERSION_INFO("1.0");
VMK_LICENSE_INFO(VMK_MODULE_LICENSE_BSD);
VMK_NAMESPACE_REQUIRED(VMK_NAMESPACE_VMKAPI, VMK_NAMESPACE_CURRENT_VERSION);
VMK_NAMESPACE_PROVIDES("com.example.ns", "1");
int exported_fn(int x);
int exported_fn(int x) { return x + 1; }
VMK_MODULE_EXPORT_SYMBOL(exported_fn);
VMK_MODULE_EXPORT_SYMBOL_ALIASED(exported_fn, exported_alias);

typedef struct Item {
   int v;
   vmk_ListLinks links;
   vmk_SList_Links slinks;
} Item;

#ifndef __cplusplus
struct Padded {
   VMK_PADDED_STRUCT(64, { int a; char b; })
};
#endif

VMK_ASSERT_LIST(checks,
   VMK_ASSERT_ON_COMPILE(sizeof(vmk_uint64) == 8);
)

int use_everything(vmk_HeapID heap, vmk_LogComponent log, vmk_MgmtHandle mh,
                   vmk_MgmtEnvelope *env);
int
use_everything(vmk_HeapID heap, vmk_LogComponent log, vmk_MgmtHandle mh,
               vmk_MgmtEnvelope *env)
{
   vmk_ListLinks head, *cur, *nxt;
   vmk_SList sl;
   vmk_SList_Links *p, *c, *n;
   vmk_CSList cl;
   Item items[3];
   int i, sum = 0, rc = 0;
   vmk_atomic64 a = 0;
   vmk_uint32 bit;
   vmk_BitVector *bv;
   vmk_uint64 nn = 2;
   vmk_VersionedAtomic va;
   void *mem;

   vmk_ListInit(&head);
   vmk_SListInit(&sl);
   vmk_CSListInit(&cl);
   for (i = 0; i < 3; i++) {
      items[i].v = i;
      vmk_ListInsert(&items[i].links, vmk_ListAtRear(&head));
      vmk_SListInsertAtTail(&sl, &items[i].slinks);
   }
   VMK_LIST_FORALL(&head, cur) {
      sum += VMK_LIST_ENTRY(cur, Item, links)->v;
   }
   VMK_LIST_FORALL_SAFE(&head, cur, nxt) {
      vmk_ListRemove(cur);
   }
   VMK_LIST_FORALL_REVERSE(&head, cur) { sum++; }
   VMK_LIST_FORALL_REVERSE_SAFE(&head, cur, nxt) { sum++; }
   VMK_SLIST_FORALL(&sl, c) {
      sum += VMK_SLIST_ENTRY(c, Item, slinks)->v;
   }
   VMK_SLIST_FORALL_SAFE(&sl, p, c, n) {
      if (VMK_SLIST_ENTRY(c, Item, slinks)->v == 1) {
         vmk_SListRemove(&sl, c, p);
      }
   }
   VMK_SLIST_FORN(&sl, c, nn) { sum++; }
   VMK_CSLIST_FORALL(&cl, c) { sum++; }
   VMK_CSLIST_FORALL_SAFE(&cl, p, c, n) { sum++; }
   c = vmk_SListFirst(&sl);
   VMK_SLIST_FORALL_AFTER(&sl, c) { sum++; }

   vmk_AtomicInc64(&a);
   sum += (int)vmk_AtomicReadIfEqualWrite64(&a, 1, 5);
   vmk_VersionedAtomicInit(&va);
   sum += (int)vmk_VersionedAtomicEndTryRead(&va,
                                             vmk_VersionedAtomicBeginTryRead(&va));
   sum += (int)vmk_CPUToBE32((vmk_uint32)sum) + (int)vmk_Bytes2Pages(8192);

   bv = vmk_BitVectorAlloc(heap, 100);
   vmk_BitVectorSet(bv, 3);
   VMK_BITVECTOR_ITERATE(bv, bit) {
      sum += (int)bit;
   } VMK_BITVECTOR_ENDITERATE();
   VMK_BITVECTOR_ITERATE_AND_CLEAR(bv, bit) {
      sum += (int)bit;
   } VMK_BITVECTOR_ENDITERATE();

   VMK_WITH_PCPU_DO(pcpu) {
      sum += (pcpu != NULL);
   } VMK_END_WITH_PCPU(pcpu)

   mem = vmk_HeapAlloc(heap, 32);
   vmk_HeapFree(heap, mem);
   mem = vmk_HeapAlign(heap, 32, 64);
   vmk_HeapFree(heap, mem);
   mem = vmk_HeapAllocWithTimeout(heap, 32, 10);
   vmk_HeapFree(heap, mem);
   mem = vmk_HeapAlignWithTimeout(heap, 32, 64, 10);
   vmk_HeapFree(heap, mem);

   vmk_Log(log, "hello %d", sum);
   vmk_Log(log, "plain");
   vmk_Warning(log, "w %s", "x");
   vmk_Alert(log, "a");
   vmk_LogDebug(log, 2, "dbg %d", 1);
   vmk_LogMessage("m %d", 1);
   vmk_LogMessage("m");
   vmk_WarningMessage("w");
   vmk_AlertMessage("a %d", 2);
   vmk_LogDebugMessage("d");

   VMK_ASSERT(sum > 0);
   VMK_ASSERT(sum > 0, "msg %d", sum);
   VMK_ASSERT_BUG(sum > 0);
   VMK_ASSERT_BUG(sum > 0, "msg %d", sum);
   VMK_ASSERT_EQ(sum, sum);
   VMK_ASSERT_NE(sum, sum + 1);
   VMK_ASSERT_GE(sum, 0);
   VMK_ASSERT_LE(0, sum);
   VMK_ASSERT_GT(sum + 1, sum);
   VMK_ASSERT_LT(sum, sum + 1);
   VMK_ASSERT_NOT_NULL(heap);
   VMK_ASSERT_NULL((void *)0);
   VMK_ASSERT_STATUS_OK(VMK_OK);
   VMK_ASSERT_CPU_HAS_INTS_ENABLED();
   VMK_STRING_CHECK_CONSISTENCY((vmk_String *)0);
   if (sum < 0) {
      VMK_NOT_REACHED();
      vmk_Panic("x %d", 1);
      vmk_Panic("x");
   }
   VMKAPI_MODULE_CALL(vmk_ModuleCurrentID, rc, exported_fn, 3);
   VMKAPI_MODULE_CALL_VOID(vmk_ModuleCurrentID, vmk_ModulePopId);
   sum += VMK_UTIL_NUM_ARGS() + VMK_UTIL_NUM_ARGS(a, b, c);
   (void)vmk_MgmtCallbackInvoke(mh, env, 1);
   (void)vmk_MgmtCallbackInvoke(mh, env, 1, &sum, &rc);
   sum += (int)VMK_ABS_TIMEOUT_MS(5);
   sum += (int)VMK_REVISION_MAJOR(VMKAPI_REVISION);
   sum += (int)sizeof(VMK_REVISION_STRING(VMKAPI));
   sum += (int)vmk_BitVectorSize(65);
   sum += VMK_NS_VER_SEPARATOR;
   sum += (int)sizeof(VMK_NS_VER_SEPARATOR_STRING);
   sum += (int)VMK_UTIL_ROUNDUP(5, 4);
   sum += VMK_LIKELY(sum) + VMK_UNLIKELY(sum) + VMK_IS_COMPILE_TIME(sum);
   sum += (int)vmk_offsetof(Item, slinks);
   checks();
   (void)debugLevel; (void)arr; (void)arrCount; (void)strParam;
   return sum + rc;
}

#define DEFINE_VMK_ERR_AT(n, s, v, e) + (int)(n == v)
int count_codes(void);
int count_codes(void) { return 0 VMK_ERROR_CODES; }
SRC

have() { command -v "$1" > /dev/null 2>&1; }
t=0
lines=""
# name|compiler|language flags|opt|defines
for cc in gcc clang; do
   for std in gnu99 c11; do
      for opt in -O0 -O2; do
         lines="$lines
$cc -std=$std $opt driver|$cc|-x c -std=$std|$opt|$driver
$cc -std=$std $opt user|$cc|-x c -std=$std|$opt|"
      done
   done
done
for cxx in g++ clang++; do
   for opt in -O0 -O2; do
      lines="$lines
$cxx $opt driver|$cxx|-x c++|$opt|$driver
$cxx $opt user|$cxx|-x c++|$opt|"
   done
done
lines="$lines
gcc -std=gnu99 -O2 all tiers + VMX86_DEBUG|gcc|-x c -std=gnu99|-O2|$alltiers"

n=$(printf '%s\n' "$lines" | grep -c '|')
echo "1..$n"
printf '%s\n' "$lines" | grep '|' > "$tmp/lines.txt"
while IFS='|' read -r name comp lang opt defs; do
   t=$((t + 1))
   if ! have "$comp"; then
      echo "ok $t - $name # SKIP $comp not installed"
      continue
   fi
   if [ "$opt" = "-O0" ]; then
      out="-fsyntax-only"
   else
      out="-c -o /dev/null"
   fi
   ok=1
   for f in inc.c use.c; do
      # shellcheck disable=SC2086
      if ! $comp $lang $opt -Wall -Wextra -Werror $defs \
            -I"$srcdir/vmkapi" -I"$srcdir/emu/include" \
            $out "$tmp/$f" > "$tmp/err.txt" 2>&1; then
         ok=0
         head -20 "$tmp/err.txt" | sed "s|$tmp/||; s/^/# /"
      fi
   done
   if [ $ok -eq 1 ]; then
      echo "ok $t - $name"
   else
      echo "not ok $t - $name"
   fi
done < "$tmp/lines.txt"
