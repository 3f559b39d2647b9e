#!/usr/bin/env python3
"""gen-conformance.py -- write the API/ABI conformance test from the manifest.

Reads the vmkapi manifest (the facts of the ESXi 6.0 public vmkapi) and writes
checked-in C sources under tests/conformance/, so that `make check` can verify
our headers without the manifest being present:

    abi_records.c        sizeof/alignof of records, offsetof and type of
                         every field, bitfield probes
    abi_typedefs.c       sizeof/alignof and canonical type of every typedef
    abi_enums_macros.c   enumerator values, integer macro values and C types,
                         presence of the other macros (and arity of the
                         function-like ones)
    abi_functions.c      type of every function and of the extern variables
    abi_counts.h         how many items each category checks and skips

Every fact is checked twice: by _Static_assert at compile time (unless the
test is built with -DCONF_RUNTIME_ONLY) and by tables of {name, expected,
actual} that test_conformance.c (hand-written, CMocka) walks at run time.

    python3 tools/gen-conformance.py [MANIFEST] [-o OUTDIR]

MANIFEST defaults to ../shared/vmkapi-spec/vmkapi-6.0.json relative to the
repository root, OUTDIR to tests/conformance.  Output is deterministic.
"""
import argparse
import hashlib
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_MANIFEST = os.path.join(ROOT, "..", "shared", "vmkapi-spec",
                                "vmkapi-6.0.json")
DEFAULT_OUT = os.path.join(ROOT, "tests", "conformance")

CATEGORIES = ("records", "typedefs", "enums", "macros", "functions",
              "variables")


# Function-like macros whose expansion cannot be probed with placeholder
# arguments: their valid argument lists depend on the caller.
NO_ARITY_PROBE = {
   "__VMK_UTIL_MASK_ARGS__":
      "forwards its variadic arguments to a 129-argument selector",
}


class Unexpressible(Exception):
   """A type that cannot be spelled in C (e.g. an anonymous record)."""


# ---------------------------------------------------------------------------
# Canonical type strings (as clang prints them) -> type tree -> C spelling.
#
# Tree nodes:
#   ("base", quals, spelling)        quals: tuple of "const"/"volatile"/...
#   ("ptr", quals, target)
#   ("array", count_or_None, elem)
#   ("func", ret, (params...), variadic)
# ---------------------------------------------------------------------------

TOKEN_RE = re.compile(r"\s*(\.\.\.|[A-Za-z_][A-Za-z_0-9]*|[0-9]+|[*()\[\],:])")
QUALS = ("const", "volatile", "restrict")
BASIC = ("void", "char", "short", "int", "long", "signed", "unsigned",
         "float", "double", "_Bool", "__int128")
TAGKW = ("struct", "union", "enum")


def tokenize(s):
   toks = []
   pos = 0
   s = s.strip()
   while pos < len(s):
      m = TOKEN_RE.match(s, pos)
      if not m:
         raise ValueError("cannot tokenize %r at %d" % (s, pos))
      toks.append(m.group(1))
      pos = m.end()
      while pos < len(s) and s[pos].isspace():
         pos += 1
   return toks


class TypeParser:
   def __init__(self, text, untagged):
      self.text = text
      self.toks = tokenize(text)
      self.i = 0
      self.untagged = untagged   # {"struct vmk_String": "vmk_String", ...}

   def peek(self, k=0):
      j = self.i + k
      return self.toks[j] if j < len(self.toks) else None

   def take(self, expect=None):
      t = self.peek()
      if t is None or (expect is not None and t != expect):
         raise ValueError("type %r: expected %r, got %r" %
                          (self.text, expect, t))
      self.i += 1
      return t

   def parse(self):
      t = self.type_name()
      if self.peek() is not None:
         raise ValueError("type %r: trailing %r" % (self.text, self.peek()))
      return t

   def is_type_start(self, t):
      return t is not None and (t in QUALS or t in BASIC or t in TAGKW or
                                re.match(r"[A-Za-z_]", t) is not None)

   def specifiers(self):
      quals = []
      words = []
      named = None
      while True:
         t = self.peek()
         if t in QUALS:
            quals.append(self.take())
         elif t in BASIC:
            words.append(self.take())
         elif t in TAGKW and named is None and not words:
            kw = self.take()
            if self.peek() == "(":
               # "struct (anonymous)" / "enum (anonymous)"
               raise Unexpressible("%s: anonymous %s" % (self.text, kw))
            tag = self.take()
            named = "%s %s" % (kw, tag)
            named = self.untagged.get(named, named)
         elif (t is not None and re.match(r"[A-Za-z_]", t) and
               named is None and not words):
            named = self.take()   # a typedef name (not in canonical types)
         else:
            break
      if named is None and not words:
         raise ValueError("type %r: no type specifier" % self.text)
      spelling = named if named is not None else " ".join(words)
      return ("base", tuple(q for q in QUALS if q in quals), spelling)

   def type_name(self):
      base = self.specifiers()
      build = self.abstract_declarator()
      return build(base)

   def abstract_declarator(self):
      ptrs = []
      while self.peek() == "*":
         self.take()
         q = []
         while self.peek() in QUALS:
            q.append(self.take())
         ptrs.append(tuple(x for x in QUALS if x in q))
      inner = None
      if self.peek() == "(" and self.peek(1) in ("*", "(", "["):
         self.take("(")
         inner = self.abstract_declarator()
         self.take(")")
      suffixes = []
      while self.peek() in ("[", "("):
         if self.take() == "[":
            n = None
            if self.peek() != "]":
               n = int(self.take())
            self.take("]")
            suffixes.append(("array", n))
         else:
            suffixes.append(("func",) + self.param_list())

      def build(t):
         for q in ptrs:
            t = ("ptr", q, t)
         for s in reversed(suffixes):
            if s[0] == "array":
               t = ("array", s[1], t)
            else:
               t = ("func", t, s[1], s[2])
         if inner is not None:
            t = inner(t)
         return t
      return build

   def param_list(self):
      params = []
      variadic = False
      if self.peek() == ")":
         self.take(")")
         return (tuple(params), variadic)    # unprototyped: not expected
      if self.peek() == "void" and self.peek(1) == ")":
         self.take()
         self.take(")")
         return ((), False)
      while True:
         if self.peek() == "...":
            self.take()
            variadic = True
         else:
            params.append(self.type_name())
         if self.peek() == ",":
            self.take()
            continue
         self.take(")")
         break
      return (tuple(params), variadic)


def strip_top_quals(t):
   if t[0] in ("base", "ptr"):
      return (t[0], (), t[2])
   return t


def compose(t, decl=""):
   """Spell type tree t around declarator decl ("" gives a type name)."""
   kind = t[0]
   if kind == "base":
      s = " ".join(list(t[1]) + [t[2]])
      return s + (" " + decl if decl else "")
   if kind == "ptr":
      d = "*" + " ".join(t[1])
      if t[1] and decl:
         d += " "
      return compose(t[2], d + decl)
   if decl.startswith("*"):
      decl = "(" + decl + ")"
   if kind == "array":
      return compose(t[2], decl + "[%s]" % ("" if t[1] is None else t[1]))
   if kind == "func":
      ps = [compose(p) for p in t[2]]
      if t[3]:
         ps.append("...")
      if not ps:
         ps = ["void"]
      return compose(t[1], decl + "(" + ", ".join(ps) + ")")
   raise ValueError(t)


def is_func(t):
   return t[0] == "func"


# ---------------------------------------------------------------------------
# Emission helpers
# ---------------------------------------------------------------------------

def cstr(s):
   return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def int_lit(v):
   """A C literal of value v, typed wide enough (long long or ULL)."""
   if v < 0:
      if v == -(1 << 63):
         return "(-9223372036854775807LL - 1)"
      return "(%dLL)" % v
   if v > (1 << 63) - 1:
      return "%dULL" % v
   return "%dLL" % v


class Out:
   def __init__(self):
      self.lines = []

   def __call__(self, s=""):
      self.lines.append(s)

   def text(self):
      return "\n".join(self.lines) + "\n"


class Gen:
   def __init__(self, manifest, digest):
      self.m = manifest
      self.digest = digest
      # clang names the x86_64 va_list element type; GCC has no tag for it,
      # conformance.h gives it a typedef name.
      self.untagged = {"struct __va_list_tag": "conf_va_list_tag"}
      for name, r in manifest["records"].items():
         if r.get("tag") is False:
            self.untagged["%s %s" % (r["kind"], name)] = name
      for name, e in manifest["enums"].items():
         if e.get("tag") is False and not name.startswith("("):
            self.untagged["enum %s" % name] = name
      # per category: manifest items, checks emitted, skipped notes
      self.items = {c: 0 for c in CATEGORIES}
      self.checks = {c: 0 for c in CATEGORIES}
      self.skips = {c: [] for c in CATEGORIES}

   def ctype(self, s):
      return TypeParser(s, self.untagged).parse()

   def header(self, out, what):
      out("/*")
      out(" * %s -- vmkapi conformance test: %s." % (what[0], what[1]))
      out(" *")
      out(" * GENERATED FILE, DO NOT EDIT.  Generated by tools/gen-conformance.py")
      out(" * from the vmkapi manifest (vmkapi revision %s, sha256 %s)."
          % (self.m.get("vmkapi_revision", "?"), self.digest[:16]))
      out(" * Regenerate from the repository root with")
      out(" *    python3 tools/gen-conformance.py [path/to/vmkapi-6.0.json]")
      out(" */")
      out()
      out('#include "conformance.h"')
      out()

   # -- records -------------------------------------------------------------

   def record_type(self, name, r):
      if r.get("tag") is False:
         return name
      return "%s %s" % (r["kind"], name)

   def gen_records(self):
      out = Out()
      self.header(out, ("abi_records.c",
                        "record sizes, alignments and field layout"))
      sa = Out()
      tab = Out()
      bfdefs = Out()
      bftab = Out()
      notes = []
      for name in sorted(self.m["records"]):
         r = self.m["records"][name]
         self.items["records"] += 1
         T = self.record_type(name, r)
         if not r.get("complete", True):
            # Opaque: only a pointer to it can be formed; that it is
            # declared with this tag is checked by the function types.
            notes.append("%s (opaque)" % T)
            continue
         sa("CONF_SA(sizeof(%s) == %d, \"record %s: sizeof\");"
            % (T, r["size"], name))
         sa("CONF_SA(_Alignof(%s) == %d, \"record %s: alignof\");"
            % (T, r["align"], name))
         tab("   { %s, %d, sizeof(%s) }," % (cstr(name + " sizeof"),
                                            r["size"], T))
         tab("   { %s, %d, _Alignof(%s) }," % (cstr(name + " alignof"),
                                              r["align"], T))
         self.checks["records"] += 2
         self.gen_fields(name, T, r.get("fields", []), "", sa, tab,
                         bfdefs, bftab)
      out("/* Compile-time checks. */")
      out.lines += sa.lines
      out()
      if notes:
         out("/*")
         out(" * Opaque records (incomplete by design, nothing to lay out): %d"
             % len(notes))
         for n in notes:
            out(" *    %s" % n)
         out(" */")
         out()
      out("/* Run-time checks: sizes and alignments in bytes, offsets in bits. */")
      out("const conf_IntCheck conf_records[] = {")
      out.lines += tab.lines
      out("};")
      out("const size_t conf_records_n = sizeof conf_records / sizeof conf_records[0];")
      out()
      out("/* Bitfields: each setter sets the field to all ones in a zeroed")
      out(" * record; the test scans the bytes for the field's bit offset and")
      out(" * width (little-endian). */")
      out.lines += bfdefs.lines
      out("const conf_Bitfield conf_bitfields[] = {")
      out.lines += bftab.lines
      if not bftab.lines:
         out("   { NULL, 0, 0, 0, NULL },")
      out("};")
      out("const size_t conf_bitfields_n = %d;" % len(bftab.lines))
      return out.text()

   def gen_fields(self, rname, T, fields, prefix, sa, tab, bfdefs, bftab):
      for f in fields:
         fname = f["name"]
         path = prefix + fname if fname else None
         label = "%s.%s" % (rname, path if path else "(anonymous)")
         if path is not None and "bits" in f:
            ident = "conf_bf_" + re.sub(r"[^A-Za-z0-9_]", "_",
                                        "%s_%s" % (rname, path))
            bfdefs("static void %s(void *p) { ((%s *)p)->%s--; }"
                   % (ident, T, path))
            bftab("   { %s, %d, %d, sizeof(%s), %s },"
                  % (cstr(label), f["offset"], f["bits"], T, ident))
            self.checks["records"] += 2
            self.skips["records"].append(
               "%s: bitfield, type not checked (typeof of a bit-field)" % label)
         elif path is not None:
            sa("CONF_SA(offsetof(%s, %s) * 8 == %d, \"record %s: offset\");"
               % (T, path, f["offset"], label))
            tab("   { %s, %d, offsetof(%s, %s) * 8 }," %
                (cstr(label + " offset"), f["offset"], T, path))
            self.checks["records"] += 1
            try:
               ft = self.ctype(f["ctype"])
               expr = ("__builtin_types_compatible_p(__typeof__(((%s *)0)->%s) *, %s)"
                       % (T, path, compose(("ptr", (), ft))))
               sa("CONF_SA(%s, \"record %s: type\");" % (expr, label))
               tab("   { %s, 1, %s }," % (cstr(label + " type"), expr))
               self.checks["records"] += 1
            except Unexpressible:
               if "fields" not in f:
                  self.skips["records"].append(
                     "%s: field type %s not expressible" % (label, f["ctype"]))
         if "fields" in f:
            self.gen_fields(rname, T, f["fields"],
                            (path + ".") if path else prefix, sa, tab,
                            bfdefs, bftab)

   # -- typedefs ------------------------------------------------------------

   def gen_typedefs(self):
      out = Out()
      self.header(out, ("abi_typedefs.c",
                        "typedef sizes, alignments and canonical types"))
      sa = Out()
      tab = Out()
      for name in sorted(self.m["typedefs"]):
         t = self.m["typedefs"][name]
         self.items["typedefs"] += 1
         try:
            ct = self.ctype(t["ctype"])
         except Unexpressible:
            ct = None
            self.skips["typedefs"].append("%s: canonical type %s not expressible"
                                          % (name, t["ctype"]))
         if ct is not None:
            expr = ("__builtin_types_compatible_p(%s *, %s)"
                    % (name, compose(("ptr", (), ct))))
            sa("CONF_SA(%s, \"typedef %s: type\");" % (expr, name))
            tab("   { %s, 1, %s }," % (cstr(name + " type"), expr))
            self.checks["typedefs"] += 1
         if ct is not None and is_func(ct):
            self.skips["typedefs"].append("%s: function type, no size" % name)
         elif "size" in t:
            sa("CONF_SA(sizeof(%s) == %d, \"typedef %s: sizeof\");"
               % (name, t["size"], name))
            sa("CONF_SA(_Alignof(%s) == %d, \"typedef %s: alignof\");"
               % (name, t["align"], name))
            tab("   { %s, %d, sizeof(%s) }," % (cstr(name + " sizeof"),
                                               t["size"], name))
            tab("   { %s, %d, _Alignof(%s) }," % (cstr(name + " alignof"),
                                                 t["align"], name))
            self.checks["typedefs"] += 2
         else:
            self.skips["typedefs"].append("%s: incomplete, no size" % name)
      out("/* Compile-time checks. */")
      out.lines += sa.lines
      out()
      out("/* Run-time checks: types (1 = compatible), sizes and alignments. */")
      out("const conf_IntCheck conf_typedefs[] = {")
      out.lines += tab.lines
      out("};")
      out("const size_t conf_typedefs_n = sizeof conf_typedefs / sizeof conf_typedefs[0];")
      return out.text()

   # -- enums and macros ----------------------------------------------------

   def gen_enums_macros(self):
      out = Out()
      self.header(out, ("abi_enums_macros.c",
                        "enumerators, integer macros and macro presence"))
      sa = Out()
      etab = Out()
      for name in sorted(self.m["enums"]):
         e = self.m["enums"][name]
         self.items["enums"] += 1
         if not name.startswith("("):
            T = name if e.get("tag") is False else "enum " + name
            sa("CONF_SA(sizeof(%s) > 0, \"enum %s: declared\");" % (T, name))
         for en, v in e["enumerators"]:
            sa("CONF_SA((long long)(%s) == %s, \"enum %s: %s\");"
               % (en, int_lit(v), name, en))
            etab("   { %s, %s, (long long)(%s) }," % (cstr(en), int_lit(v), en))
            self.checks["enums"] += 1
      out("/* Compile-time checks: enumerators. */")
      out.lines += sa.lines
      out()
      out("const conf_IntCheck conf_enums[] = {")
      out.lines += etab.lines
      out("};")
      out("const size_t conf_enums_n = sizeof conf_enums / sizeof conf_enums[0];")
      out()

      ints = Out()
      types = Out()
      pres = Out()
      arity = Out()
      flike = Out()
      msa = Out()
      for name in sorted(self.m["macros"]):
         mc = self.m["macros"][name]
         self.items["macros"] += 1
         kind = mc["kind"]
         if kind == "int":
            ct = mc["ctype"]
            lit = "(long long)(%s)%s" % (ct, int_lit(mc["value"]))
            msa("#ifndef %s" % name)
            msa("#error \"macro %s: not defined\"" % name)
            msa("#else")
            msa("CONF_SA((long long)(%s) == %s, \"macro %s: value\");"
                % (name, lit, name))
            msa("CONF_SA(_Generic((%s), %s: 1, default: 0), \"macro %s: type %s\");"
                % (name, ct, name, ct))
            msa("#endif")
            ints("#ifdef %s" % name)
            ints("   { %s, %s, (long long)(%s) }," % (cstr(name), lit, name))
            ints("#else")
            ints("   { %s, %s, (%s) ^ 1 }," % (cstr(name + " (missing)"), lit, lit))
            ints("#endif")
            types("#ifdef %s" % name)
            types("   { %s, %s, CONF_TYPENAME(%s) }," % (cstr(name), cstr(ct), name))
            types("#else")
            types("   { %s, %s, \"(missing)\" }," % (cstr(name), cstr(ct)))
            types("#endif")
            self.checks["macros"] += 2
         elif kind == "object":
            msa("#ifndef %s" % name)
            msa("#error \"macro %s: not defined\"" % name)
            msa("#endif")
            self.presence(pres, name)
            self.checks["macros"] += 1
         elif kind == "function":
            msa("#ifndef %s" % name)
            msa("#error \"macro %s: not defined\"" % name)
            msa("#endif")
            args = ["a%d" % i for i in range(mc["arity"])]
            if mc.get("variadic"):
               args.append("v0")
            if name in NO_ARITY_PROBE:
               self.skips["macros"].append("%s: arity not probed (%s)"
                                           % (name, NO_ARITY_PROBE[name]))
            else:
               # Expanding the macro only inside a string literal checks its
               # arity in the preprocessor without compiling the expansion.
               arity("   CONF_XSTR(%s(%s))," % (name, ", ".join(args)))
               self.checks["macros"] += 1
            self.presence(pres, name)
            # A function-like macro is not expanded without its parentheses.
            flike("   { %s, %s, CONF_XSTR(%s) },"
                  % (cstr(name + " function-like"), cstr(name), name))
            self.checks["macros"] += 2
         else:
            self.skips["macros"].append("%s: unknown kind %s" % (name, kind))
      out("/* Compile-time checks: macros. */")
      out("#ifndef CONF_RUNTIME_ONLY")
      out.lines += msa.lines
      out("#endif")
      out()
      out("/* Function-like macros invoked with their arity (and one variadic")
      out(" * argument); a wrong arity is a preprocessing error. */")
      out("#ifndef CONF_RUNTIME_ONLY")
      out("const char *const conf_macro_expansions[] = {")
      out.lines += arity.lines
      out("};")
      out("const size_t conf_macro_expansions_n =")
      out("   sizeof conf_macro_expansions / sizeof conf_macro_expansions[0];")
      out("#else")
      out("const char *const conf_macro_expansions[] = { \"\" };")
      out("const size_t conf_macro_expansions_n = 0;")
      out("#endif")
      out()
      out("/* Integer macros: values. */")
      out("const conf_IntCheck conf_macro_values[] = {")
      out.lines += ints.lines
      out("};")
      out("const size_t conf_macro_values_n = sizeof conf_macro_values / sizeof conf_macro_values[0];")
      out()
      out("/* Integer macros: C types. */")
      out("const conf_StrCheck conf_macro_types[] = {")
      out.lines += types.lines
      out("};")
      out("const size_t conf_macro_types_n = sizeof conf_macro_types / sizeof conf_macro_types[0];")
      out()
      out("/* Other macros: presence (1 = defined). */")
      out("const conf_IntCheck conf_macro_presence[] = {")
      out.lines += pres.lines
      out("};")
      out("const size_t conf_macro_presence_n = sizeof conf_macro_presence / sizeof conf_macro_presence[0];")
      out()
      out("/* Function-like macros: the bare name stays unexpanded. */")
      out("const conf_StrCheck conf_macro_flike[] = {")
      out.lines += flike.lines
      out("};")
      out("const size_t conf_macro_flike_n = sizeof conf_macro_flike / sizeof conf_macro_flike[0];")
      return out.text()

   def presence(self, pres, name):
      pres("#ifdef %s" % name)
      pres("   { %s, 1, 1 }," % cstr(name))
      pres("#else")
      pres("   { %s, 1, 0 }," % cstr(name))
      pres("#endif")

   # -- functions and variables ---------------------------------------------

   def gen_functions(self):
      out = Out()
      self.header(out, ("abi_functions.c",
                        "function and extern variable types"))
      sa = Out()
      tab = Out()
      for name in sorted(self.m["functions"]):
         f = self.m["functions"][name]
         self.items["functions"] += 1
         try:
            ret = self.ctype(f["cret"])
            params = tuple(strip_top_quals(self.ctype(p)) for p in f["cparams"])
         except Unexpressible as e:
            self.skips["functions"].append("%s: %s" % (name, e))
            continue
         ft = ("ptr", (), ("func", ret, params, bool(f["variadic"])))
         expr = ("__builtin_types_compatible_p(__typeof__(&%s), %s)"
                 % (name, compose(ft)))
         sa("CONF_SA(%s,\n        \"function %s: type\");" % (expr, name))
         tab("   { %s, 1, %s }," % (cstr(name), expr))
         self.checks["functions"] += 1
      out("/* Compile-time checks: &function against a pointer to the manifest's")
      out(" * canonical function type (static inline functions too). */")
      out.lines += sa.lines
      out()
      out("const conf_IntCheck conf_functions[] = {")
      out.lines += tab.lines
      out("};")
      out("const size_t conf_functions_n = sizeof conf_functions / sizeof conf_functions[0];")
      out()

      sa = Out()
      tab = Out()
      for name in sorted(self.m["variables"]):
         v = self.m["variables"][name]
         self.items["variables"] += 1
         try:
            ct = self.ctype(v["ctype"])
         except Unexpressible as e:
            self.skips["variables"].append("%s: %s" % (name, e))
            continue
         # Through a pointer, so that qualifiers count.
         expr = ("__builtin_types_compatible_p(__typeof__(&%s), %s)"
                 % (name, compose(("ptr", (), ct))))
         sa("CONF_SA(%s, \"variable %s: type\");" % (expr, name))
         tab("   { %s, 1, %s }," % (cstr(name), expr))
         self.checks["variables"] += 1
      out("/* Extern variables (only their types: nothing here needs them at")
      out(" * link time). */")
      out.lines += sa.lines
      out()
      out("const conf_IntCheck conf_variables[] = {")
      out.lines += tab.lines
      out("};")
      out("const size_t conf_variables_n = sizeof conf_variables / sizeof conf_variables[0];")
      return out.text()

   # -- counts --------------------------------------------------------------

   def gen_counts(self):
      out = Out()
      out("/*")
      out(" * abi_counts.h -- vmkapi conformance test: what the generated checks")
      out(" * cover.")
      out(" *")
      out(" * GENERATED FILE, DO NOT EDIT.  Generated by tools/gen-conformance.py")
      out(" * from the vmkapi manifest (vmkapi revision %s, sha256 %s)."
          % (self.m.get("vmkapi_revision", "?"), self.digest[:16]))
      out(" * Regenerate from the repository root with")
      out(" *    python3 tools/gen-conformance.py [path/to/vmkapi-6.0.json]")
      out(" *")
      total = sum(len(v) for v in self.skips.values())
      out(" * Checks not generated (counted, not failed): %d" % total)
      for c in CATEGORIES:
         for s in self.skips[c]:
            out(" *    %s: %s" % (c, s))
      out(" */")
      out()
      out("#ifndef CONF_ABI_COUNTS_H")
      out("#define CONF_ABI_COUNTS_H")
      out()
      for c in CATEGORIES:
         u = c.upper()
         out("#define CONF_%s_ITEMS %d" % (u, self.items[c]))
         out("#define CONF_%s_CHECKS %d" % (u, self.checks[c]))
         out("#define CONF_%s_SKIPPED %d" % (u, len(self.skips[c])))
      out()
      out("#endif /* CONF_ABI_COUNTS_H */")
      return out.text()


def main():
   ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
   ap.add_argument("manifest", nargs="?", default=DEFAULT_MANIFEST)
   ap.add_argument("-o", "--outdir", default=DEFAULT_OUT)
   args = ap.parse_args()
   with open(args.manifest, "rb") as fh:
      raw = fh.read()
   manifest = json.loads(raw.decode("utf-8"))
   gen = Gen(manifest, hashlib.sha256(raw).hexdigest())
   files = [
      ("abi_records.c", gen.gen_records()),
      ("abi_typedefs.c", gen.gen_typedefs()),
      ("abi_enums_macros.c", gen.gen_enums_macros()),
      ("abi_functions.c", gen.gen_functions()),
   ]
   files.append(("abi_counts.h", gen.gen_counts()))
   os.makedirs(args.outdir, exist_ok=True)
   for fname, text in files:
      path = os.path.join(args.outdir, fname)
      with open(path, "w", newline="\n") as fh:
         fh.write(text)
   for c in CATEGORIES:
      sys.stderr.write("%-10s items %4d  checks %5d  skipped %d\n"
                       % (c, gen.items[c], gen.checks[c], len(gen.skips[c])))
   return 0


if __name__ == "__main__":
   sys.exit(main())
