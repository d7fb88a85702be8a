#!/usr/bin/env node
// scripts/gen-luacats.js DIST_DIR OUT   (run by `make build` after tstl and scripts/dist-types.sh)
//
// Writes a `---@meta` file of LuaCATS annotations (lua-language-server) for the public API,
// from the same source as the TypeScript declarations: the .d.ts TSTL emitted from src/ into
// DIST_DIR. It walks the exports of DIST_DIR/init.d.ts with the TypeScript checker:
//  - functions -> `---@param` / `---@return` (LuaMultiReturn<[a, b]> gives two @return lines)
//    and `function tsasync.name(...) end`; overloads -> `---@overload`;
//  - classes (Task, Future, Semaphore, ...) -> `---@class tsasync.Task`, methods as
//    `function tsasync.Task:method(...) end` (`this: void` ones with a dot), statics with a dot;
//  - objects (ts.fs, ts.lsp, ts.uv, ...) -> a table and their members, recursively;
//  - interfaces and classes of src/ that the signatures mention -> `---@class tsasync.Name`
//    with `---@field` lines.
// Doc comments become `---` lines. The output is deterministic (committed under lua/, so
// `make check` fails when it is stale).
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const [distDir, outFile] = process.argv.slice(2);
if (!distDir || !outFile) {
  console.error("usage: gen-luacats.js DIST_DIR OUT");
  process.exit(2);
}
const root = path.resolve(__dirname, "..");
const distAbs = path.resolve(root, distDir);
const entry = path.join(distAbs, "init.d.ts");
const program = ts.createProgram([entry], {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: ["lua-types/jit", "@typescript-to-lua/language-extensions"],
  typeRoots: [path.join(root, "node_modules"), path.join(root, "node_modules/@types")],
  lib: ["lib.esnext.d.ts"],
  target: ts.ScriptTarget.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  module: ts.ModuleKind.ESNext,
});
const checker = program.getTypeChecker();
const diags = ts.getPreEmitDiagnostics(program);
if (diags.length > 0) {
  console.error(ts.formatDiagnostics(diags, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => "\n" }));
  process.exit(1);
}
const modSym = checker.getSymbolAtLocation(program.getSourceFile(entry));

const out = [];
const classesDone = new Set();
const pendingClasses = []; // [luaName, symbol]
const ownDecl = (sym) => sym && sym.declarations && sym.declarations.some((d) => d.getSourceFile().fileName.startsWith(distAbs));

function docLines(sym) {
  if (!sym) return [];
  const text = ts.displayPartsToString(sym.getDocumentationComment(checker)).trim();
  if (!text) return [];
  return text.split("\n").map((l) => ("--- " + l).trimEnd());
}

function isLuaName(s) {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(s) && !LUA_KEYWORDS.has(s);
}
const LUA_KEYWORDS = new Set("and break do else elseif end false for function goto if in local nil not or repeat return then true until while".split(" "));
const member = (base, name) => (isLuaName(name) ? `${base}.${name}` : `${base}[${JSON.stringify(name)}]`);

function classNameOf(sym) {
  return "tsasync." + sym.getName();
}

/** The LuaCATS spelling of a TypeScript type. */
function lua(type, depth = 0) {
  if (depth > 4) return "any";
  const f = type.flags;
  if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return "any";
  if (f & ts.TypeFlags.TypeParameter) return "any";
  if (f & (ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Null | ts.TypeFlags.Never)) return "nil";
  if (f & ts.TypeFlags.BooleanLike) return "boolean";
  if (f & ts.TypeFlags.NumberLiteral) return String(type.value);
  if (f & ts.TypeFlags.NumberLike) return "number";
  if (f & ts.TypeFlags.StringLiteral) return JSON.stringify(type.value);
  if (f & ts.TypeFlags.StringLike) return "string";
  if (type.isUnion()) {
    const parts = [...new Set(type.types.map((t) => lua(t, depth + 1)))];
    if (parts.includes("any")) return "any";
    const bools = parts.filter((p) => p === "boolean");
    const rest = parts.filter((p) => p !== "boolean");
    return [...rest, ...(bools.length ? ["boolean"] : [])].join("|");
  }
  const alias = type.aliasSymbol && type.aliasSymbol.getName();
  if (alias === "LuaMultiReturn") return multi(type, depth).join(", ") || "nil";
  if (alias === "LuaTable" || alias === "Record") {
    const [k, v] = type.aliasTypeArguments || [];
    return `table<${k ? lua(k, depth + 1) : "any"}, ${v ? lua(v, depth + 1) : "any"}>`;
  }
  if (type.isIntersection()) {
    for (const t of type.types) {
      const s = lua(t, depth + 1);
      if (s !== "table") return s;
    }
    return "table";
  }
  if (checker.isArrayType(type)) {
    const el = checker.getTypeArguments(type)[0];
    const s = lua(el, depth + 1);
    return s.includes("|") || s.startsWith("fun(") ? `(${s})[]` : `${s}[]`;
  }
  if (checker.isTupleType(type)) return "any[]";
  const sym = type.getSymbol();
  if (sym && (sym.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface)) && ownDecl(sym)) {
    want(sym);
    return classNameOf(sym);
  }
  if (sym && sym.declarations && sym.declarations.some((d) => /\/types\/[^/]+\.d\.ts$/.test(d.getSourceFile().fileName))) {
    const full = checker.getFullyQualifiedName(sym);
    if (/^vim\./.test(full)) return full.replace(/^vim\.uv\./, "uv.");
  }
  const calls = type.getCallSignatures();
  if (calls.length > 0) return funType(calls[0], depth + 1);
  if (f & ts.TypeFlags.Object) {
    const props = type.getProperties();
    if (props.length > 0 && props.length <= 6 && depth < 3) {
      return "{ " + props.map((p) => `${p.getName()}${p.flags & ts.SymbolFlags.Optional ? "?" : ""}: ${lua(checker.getTypeOfSymbol(p), depth + 1)}`).join(", ") + " }";
    }
    const idx = type.getStringIndexType() || type.getNumberIndexType();
    if (idx) return `table<${type.getStringIndexType() ? "string" : "integer"}, ${lua(idx, depth + 1)}>`;
    return "table";
  }
  return "any";
}

function multi(type, depth) {
  const tuple = type.isIntersection() ? type.types.find((t) => checker.isTupleType(t)) : type;
  if (!tuple || !checker.isTupleType(tuple)) return ["any..."];
  const args = checker.getTypeArguments(tuple);
  const target = tuple.target;
  return args.map((t, i) => {
    const rest = target.elementFlags && target.elementFlags[i] & ts.ElementFlags.Rest;
    return rest ? `${lua(t, depth + 1)}...` : lua(t, depth + 1);
  });
}

function params(sig) {
  const list = [];
  for (const p of sig.getParameters()) {
    if (p.getName() === "this") continue;
    const decl = p.valueDeclaration;
    const t = checker.getTypeOfSymbol(p);
    if (decl && decl.dotDotDotToken) {
      const el = checker.isArrayType(t) || checker.isTupleType(t) ? checker.getTypeArguments(t)[0] : undefined;
      list.push({ name: "...", type: el ? lua(el) : "any" });
    } else {
      const optional = decl && (decl.questionToken || decl.initializer);
      let s = lua(t);
      if (optional) s = s.split("|").filter((x) => x !== "nil").join("|") || "any";
      list.push({ name: p.getName(), type: s, optional: !!optional });
    }
  }
  return list;
}

function returns(sig) {
  const r = sig.getReturnType();
  if (r.aliasSymbol && r.aliasSymbol.getName() === "LuaMultiReturn") return multi(r, 0);
  const s = lua(r);
  return s === "nil" ? [] : [s];
}

function funType(sig, depth) {
  const ps = params(sig).map((p) => (p.name === "..." ? `...: ${p.type}` : `${p.name}${p.optional ? "?" : ""}: ${p.type}`));
  const rs = (() => {
    const r = sig.getReturnType();
    if (r.aliasSymbol && r.aliasSymbol.getName() === "LuaMultiReturn") return multi(r, depth);
    const s = lua(r, depth);
    return s === "nil" ? [] : [s];
  })();
  return `fun(${ps.join(", ")})${rs.length ? ": " + rs.join(", ") : ""}`;
}

function hasVoidThis(sig) {
  const p = sig.getParameters()[0];
  if (!p || p.getName() !== "this") return false;
  return !!(checker.getTypeOfSymbol(p).flags & ts.TypeFlags.Void);
}

/** Emits one function (all call signatures of `type`) under `name`. */
function emitFunction(name, sym, type, colon) {
  const sigs = type.getCallSignatures();
  const sig = sigs[0];
  const docSym = sym;
  out.push(...docLines(docSym));
  const ps = params(sig);
  for (const p of ps) out.push(`---@param ${p.name}${p.optional ? "?" : ""} ${p.type}`);
  for (const r of returns(sig)) out.push(`---@return ${r}`);
  for (const s of sigs) if (s !== sig) out.push(`---@overload ${funType(s, 0)}`);
  const argNames = ps.map((p) => p.name).join(", ");
  if (colon) out.push(`function ${name}(${argNames}) end`);
  else if (/[\[\]"]/.test(name)) out.push(`${name} = function(${argNames}) end`);
  else out.push(`function ${name}(${argNames}) end`);
  out.push("");
}

function want(sym) {
  const key = sym.getName();
  if (classesDone.has(key)) return;
  classesDone.add(key);
  pendingClasses.push(sym);
}

/** A class or interface: `---@class` with its fields, then its methods. */
function emitClass(sym, staticType, tableName) {
  const name = classNameOf(sym);
  const inst = checker.getDeclaredTypeOfSymbol(sym);
  out.push(...docLines(sym));
  out.push(`---@class ${name}`);
  const methods = [];
  for (const p of inst.getProperties()) {
    const pn = p.getName();
    if (pn.startsWith("_")) continue;
    const decl = p.valueDeclaration;
    if (decl && decl.getSourceFile().fileName.includes("language-extensions")) continue;
    if (decl && ts.getJSDocTags(decl).some((t) => t.tagName.text === "internal")) continue;
    const t = checker.getTypeOfSymbol(p);
    const isMethod = decl && (ts.isMethodDeclaration(decl) || ts.isMethodSignature(decl));
    if (isMethod && t.getCallSignatures().length > 0) methods.push([p, t]);
    else out.push(`---@field ${pn}${p.flags & ts.SymbolFlags.Optional ? "?" : ""} ${lua(t)}`);
  }
  out.push(`${tableName || `local ${sym.getName()}`} = {}`);
  out.push("");
  const base = tableName || sym.getName();
  if (staticType) {
    for (const p of staticType.getProperties()) {
      if (p.getName() === "prototype" || p.getName().startsWith("_")) continue;
      const t = checker.getTypeOfSymbol(p);
      if (t.getCallSignatures().length > 0) emitFunction(member(base, p.getName()), p, t, false);
    }
  }
  for (const [p, t] of methods) {
    const sigs = t.getCallSignatures();
    const dot = hasVoidThis(sigs[0]);
    emitFunction(dot ? member(base, p.getName()) : `${base}:${p.getName()}`, p, t, !dot);
  }
}

/** An exported value: function, class or table of members. */
function emitValue(luaPath, sym, type, depth) {
  const target = sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
  if (target.flags & ts.SymbolFlags.Class) {
    classesDone.add(target.getName());
    emitClass(target, checker.getTypeOfSymbol(target), luaPath);
    return;
  }
  if (type.getCallSignatures().length > 0) {
    emitFunction(luaPath, target, type, false);
    return;
  }
  const props = type.getProperties();
  const isModule = target.flags & ts.SymbolFlags.ValueModule;
  if ((type.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection)) && props.length > 0 && depth < 3 && (isModule || props.some((p) => checker.getTypeOfSymbol(p).getCallSignatures().length > 0))) {
    out.push(...docLines(target));
    out.push(`${luaPath} = {}`);
    out.push("");
    for (const p of [...props].sort((a, b) => a.getName().localeCompare(b.getName()))) {
      const pt = checker.getTypeOfSymbol(p);
      const ps = p.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(p) : p;
      if (ps.flags & (ts.SymbolFlags.Type | ts.SymbolFlags.Interface) && !(ps.flags & ts.SymbolFlags.Value)) continue;
      emitValue(member(luaPath, p.getName()), p, pt, depth + 1);
    }
    return;
  }
  out.push(...docLines(target));
  out.push(`---@type ${lua(type)}`);
  out.push(`${luaPath} = nil`);
  out.push("");
}

out.push("---@meta tsasync");
out.push("-- Generated by scripts/gen-luacats.js from the TypeScript declarations (dist/tsasync/*.d.ts)");
out.push("-- during `make build`. Do not edit. lua-language-server reads it for completion and type");
out.push("-- checks of `local ts = require(\"tsasync\")`; it is never loaded at runtime.");
out.push("");
out.push("---@class tsasync");
out.push("local tsasync = {}");
out.push("");
const typeOnly = (s) =>
  (s.declarations || []).some((d) => ts.isExportSpecifier(d) && (d.isTypeOnly || d.parent.parent.isTypeOnly));
const exps = checker.getExportsOfModule(modSym).filter((s) => {
  if (typeOnly(s)) return false;
  const t = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
  return t.flags & ts.SymbolFlags.Value;
});
for (const s of exps) {
  const t = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
  if (t.flags & ts.SymbolFlags.Class) classesDone.add(t.getName());
}
for (const s of exps.sort((a, b) => a.getName().localeCompare(b.getName()))) {
  const t = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
  emitValue(member("tsasync", s.getName()), s, checker.getTypeOfSymbol(t), 0);
}
while (pendingClasses.length > 0) {
  const sym = pendingClasses.shift();
  emitClass(sym, sym.flags & ts.SymbolFlags.Class ? checker.getTypeOfSymbol(sym) : undefined, undefined);
}
out.push("return tsasync");
fs.writeFileSync(path.resolve(root, outFile), out.join("\n") + "\n");
