#!/usr/bin/env node
// Generates doc/tsasync.txt (Neovim :help) from the doc comments in src/tsasync/ (`make doc`;
// `make build` runs it too and `make check` fails when the committed file differs).
//
// Usage: node scripts/gen-doc.js [out]        (default out: doc/tsasync.txt)
//        node scripts/gen-doc.js --partial OUT (leave out sections that have no marker yet)
//
// What the doc comments hold (the conventions of Neovim's own help, written in the comments):
//
//  - A SECTION MARKER is a doc comment whose first tag is `@section <id>`, e.g.
//      /**
//       * @section tsasync-tasks
//       * Text of the section (prose, `~` headings, code fences), unindented in the help.
//       */
//    Its text (possibly none) is emitted where the marker stands. Every entry after it in the
//    same file belongs to that section, until the next marker. A file may hold several markers
//    (of one section, to put text after some entries, or of several sections). Place markers
//    before the imports, at the end of a file, or between entries, never directly above a
//    documented declaration: TypeScript would attach the marker to it as well, and hovers
//    would show the `@section` tag.
//  - An ENTRY is a doc comment with one or more `@help <heading>` lines, usually the comment of
//    the exported declaration it documents:
//      /**
//       * Starts `fn(...)` as a task and returns the |tsasync-Task|. ...
//       * @help ts.run({fn}, {...})
//       * @help ts.run({opts}, {fn}, {...})
//       */
//    Each heading is a line of the help; the entry's text follows, indented by 4. A heading that
//    starts with a name and `(` (`ts.run(`, `Task:await(`) gets the tag `*ts.run()*`; a heading
//    that is a bare dotted name (`ts.uv.stats`) gets `*ts.uv.stats*`; `@tag <tag>` adds a tag
//    (before the derived ones); `@notag` turns the derived ones off (a generic heading such as
//    `config({opts})` of a submodule, whose entry carries a qualified `@tag`). `@param name text` and `@returns text` become "Parameters: ~"
//    and "Return: ~" blocks, as in Neovim's generated help. `@first` moves the entry up to just
//    after its section marker (after earlier `@first` entries): a constructor declared below
//    its class comes out before the class's methods.
//  - Text is help markup: `|tag|` links, `{arg}` arguments, `Heading ~` lines, `*tag*` (a tag
//    written in the text is placed by hand: right-align it to column 78 of the help).
//    Code is written as Markdown fences (readable in TypeScript and lua-language-server hovers
//    too): ```lua ... ``` becomes `>lua` ... `<`; ```text ... ``` (or a bare ```) becomes `>` ... `<`
//    (the code indented by 4 more than the text, the closing `<` in column 0 as the help syntax
//    wants).
//    Lines are kept as written (no reflow); a line longer than 78 columns in the help is an
//    error, so write comments wrapped to 74 columns in entries and 78 in section text (code in
//    entries: 70).
//  - Other JSDoc tags (`@internal`, `@deprecated`, ...) are ignored here.
//
// SECTIONS below fixes the order of the sections and, for each, the source files whose entries
// it collects (in that order; entries keep their order within a file). A marker naming a
// section not listed, or a file listed for no section it has entries in, is an error, as are a
// duplicate tag and an entry outside any section.
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const SRC = path.join(root, "src", "tsasync");
const WIDTH = 78;
const PARTIAL = process.argv.includes("--partial");

/** Sections of the help file, in order: id (tag), title, source files (relative to src/tsasync). */
const SECTIONS = [
  { id: "tsasync-intro", title: "Introduction", files: ["init.ts"] },
  { id: "tsasync-model", title: "Model", files: ["task.ts"] },
  { id: "tsasync-tasks", title: "Tasks", files: ["run.ts", "task.ts", "await.ts", "block_on.ts", "shield.ts"] },
  { id: "tsasync-await", title: "Awaiting", files: ["await.ts"] },
  { id: "tsasync-futures", title: "Futures", files: ["future.ts"] },
  { id: "tsasync-errors", title: "Errors", files: ["errors.ts"] },
  { id: "tsasync-config", title: "Configuration", files: ["config.ts", "version.ts"] },
  { id: "tsasync-combinators", title: "Combinators", files: ["combinators.ts"] },
  { id: "tsasync-deadlines", title: "Deadlines and scopes", files: ["deadline.ts", "scope.ts"] },
  { id: "tsasync-editor", title: "Editor helpers", files: ["editor.ts"] },
  {
    id: "tsasync-channels",
    title: "Channels and synchronisation",
    files: ["waiters.ts", "channel.ts", "oneshot.ts", "broadcast.ts", "watch.ts", "select.ts", "semaphore.ts", "mutex.ts", "event.ts", "condvar.ts", "barrier.ts"],
  },
  { id: "tsasync-uv", title: "Libuv (ts.uv)", files: ["uv/wrap.ts", "uv/stream.ts", "uv/track.ts", "uv/error.ts", "uv/generated.ts"] },
  { id: "tsasync-fs", title: "Files (ts.fs)", files: ["fs.ts"] },
  { id: "tsasync-system", title: "Processes (ts.system, ts.process)", files: ["system.ts"] },
  { id: "tsasync-net", title: "Sockets (ts.net)", files: ["net.ts"] },
  { id: "tsasync-api", title: "Editor API (ts.api, ts.fn, ts.ui)", files: ["api.ts"] },
  {
    id: "tsasync-lsp",
    title: "LSP",
    files: ["lsp/init.ts", "lsp/request.ts", "lsp/wait_for_client.ts", "lsp/error.ts", "lsp/flows.ts", "lsp/client.ts"],
  },
  { id: "tsasync-inspector", title: "Inspector, command, health", files: ["command.ts", "inspect.ts", "task.ts", "health.ts"] },
  { id: "tsasync-types", title: "Types and migration", files: ["init.ts", "compat/plenary.ts"] },
  { id: "tsasync-testing", title: "Testing (ts.testing)", files: ["testing.ts"] },
  {
    id: "tsasync-vim-async",
    title: "vim.async on older Neovim",
    files: ["compat/vim_async.ts", "compat/vim_async_polyfill.ts"],
  },
  { id: "tsasync-guarantees", title: "Guarantees", files: ["init.ts"] },
];

const HEADER = [
  "*tsasync.txt*  Async runtime for Neovim plugins: tasks, futures, cancellation",
  "",
  center("TSASYNC"),
  "",
  "Tasks, futures, structured concurrency and cancellation on Lua coroutines,",
  "written in TypeScript, usable from Lua and TypeScript.",
  "",
  "This file is generated from the doc comments in `src/tsasync/` by",
  "`scripts/gen-doc.js` (`make doc`): edit the comments, not this file.",
];

class DocError extends Error {}
const fail = (where, msg) => {
  throw new DocError(`${where}: ${msg}`);
};

/** A section title in capitals, except names in parentheses: "LIBUV (ts.uv)". */
function upper(title) {
  return title.replace(/([^(]*)(\([^)]*\))?/g, (_, a, b) => a.toUpperCase() + (b || ""));
}

function center(s) {
  return " ".repeat(Math.floor((WIDTH - s.length) / 2)) + s;
}

/** Every .ts file under src/tsasync (relative paths, sorted), .d.ts excluded. */
function sourceFiles(dir = SRC, rel = "") {
  const out = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const r = rel ? `${rel}/${name}` : name;
    if (fs.statSync(full).isDirectory()) out.push(...sourceFiles(full, r));
    else if (name.endsWith(".ts") && !name.endsWith(".d.ts")) out.push(r);
  }
  return out;
}

/**
 * The doc comments of a file: { line, lines } with the comment's text lines (the leading
 * ` * ` removed, the indentation after it kept).
 */
function docComments(text, file) {
  const out = [];
  const re = /\/\*\*([\s\S]*?)\*\//g;
  let m;
  while ((m = re.exec(text))) {
    const line = text.slice(0, m.index).split("\n").length;
    const body = m[1].split("\n");
    const lines = [];
    body.forEach((raw, i) => {
      let l = raw;
      if (i === 0) l = l.replace(/^\s*/, "");
      else {
        const mm = /^\s*\* ?(.*)$/.exec(l);
        l = mm ? mm[1] : l.trim() === "" ? "" : fail(`${file}:${line + i}`, "doc comment line without a leading '*'");
      }
      lines.push(l.replace(/\s+$/, ""));
    });
    while (lines.length && lines[0] === "") lines.shift();
    while (lines.length && lines[lines.length - 1] === "") lines.pop();
    out.push({ line, lines });
  }
  return out;
}

/**
 * Splits a comment into its text and its tags ({ tag, value, where }). Text comes first; after
 * the first tag line only tag lines, blank lines and continuations of `@param` / `@returns`
 * follow. A `@section` marker is the exception: its text follows its first line, and it
 * takes no other tag.
 */
function splitTags(c, file) {
  const text = [];
  const tags = [];
  const marker = c.lines.length > 0 && /^@section\b/.test(c.lines[0]);
  c.lines.forEach((l, i) => {
    const where = `${file}:${c.line + i}`;
    const m = /^@(\w+)\s*(.*)$/.exec(l);
    if (marker && i > 0) {
      if (m) fail(where, "a @section marker takes no other tags");
      text.push(l);
    } else if (m) tags.push({ tag: m[1], value: m[2], where });
    else if (!tags.length) text.push(l);
    else if (l.trim() === "") return;
    else if (["param", "returns", "return"].includes(tags[tags.length - 1].tag)) tags[tags.length - 1].value += " " + l.trim();
    else if (tags.some((t) => t.tag === "help")) fail(where, "text after the tags of a @help entry (put it before them)");
  });
  while (text.length && text[text.length - 1] === "") text.pop();
  while (text.length && text[0] === "") text.shift();
  return { text, tags, marker };
}

/** Help lines for comment text: code fences converted, indented by `indent`. */
function renderText(lines, indent, where) {
  const pad = " ".repeat(indent);
  const out = [];
  let fence = null;
  let fenceIndent = 0;
  lines.forEach((l, i) => {
    const f = /^(\s*)```\s*([\w-]*)\s*$/.exec(l);
    if (f && fence === null) {
      fence = f[2] || "text";
      fenceIndent = f[1].length;
      out.push(pad + " ".repeat(fenceIndent) + (fence === "text" ? ">" : `>${fence}`));
      return;
    }
    if (f && fence !== null) {
      fence = null;
      out.push("<"); // the help syntax ends a code block only at a `<` in column 0
      return;
    }
    if (fence !== null) {
      const code = l === "" ? "" : pad + " ".repeat(fenceIndent + 4) + l.slice(Math.min(fenceIndent, l.search(/\S|$/)));
      if (code.length > WIDTH) fail(`${where}+${i + 1}`, `code line longer than ${WIDTH} columns in the help (${code.length}): ${l}`);
      out.push(code);
      return;
    }
    const s = l === "" ? "" : pad + l;
    if (s.length > WIDTH) fail(`${where}+${i + 1}`, `help line longer than ${WIDTH} columns (${s.length}): ${l}`);
    out.push(s);
  });
  if (fence !== null) fail(where, "unclosed ``` fence");
  return out;
}

/** `*a* *b*` right-aligned after `left`, or on its own line when it does not fit. */
function withTags(left, tags) {
  if (!tags.length) return [left];
  const t = tags.map((x) => `*${x}*`).join(" ");
  if (left.length + 1 + t.length <= WIDTH) return [left + " ".repeat(WIDTH - left.length - t.length) + t];
  return [" ".repeat(Math.max(0, WIDTH - t.length)) + t, left];
}

/** The tag a heading gets by itself: `name()` for a call, the name for a bare dotted name. */
function derivedTag(heading) {
  let m = /^([A-Za-z_][\w.:]*)\(/.exec(heading);
  if (m) return `${m[1]}()`;
  m = /^([A-Za-z_][\w]*(?:[.:][\w]+)+)$/.exec(heading);
  if (m) return m[1];
  return null;
}

/** The help lines of an entry: its headings with their tags, text, parameters, returns. */
function renderEntry(text, tags, where) {
  const headings = tags.filter((t) => t.tag === "help").map((t) => t.value);
  const derive = !tags.some((t) => t.tag === "notag");
  const extra = tags.filter((t) => t.tag === "tag").flatMap((t) => t.value.split(/\s+/).filter(Boolean));
  const out = [];
  const seen = new Set();
  headings.forEach((h, i) => {
    if (h === "") fail(where, "empty @help heading");
    const tagsHere = [];
    if (i === 0) tagsHere.push(...extra);
    const d = derive ? derivedTag(h) : null;
    if (d && !seen.has(d)) tagsHere.push(d);
    tagsHere.forEach((t) => seen.add(t));
    out.push(...withTags(h, tagsHere));
  });
  if (!seen.size) fail(where, `entry "${headings[0]}" has no tag: start the heading with a name and "(" or add @tag`);
  out.push(...renderText(text, 4, where));
  const params = tags.filter((t) => t.tag === "param");
  if (params.length) {
    out.push("", "    Parameters: ~");
    for (const p of params) {
      const m = /^(\.\.\.|[\w]+)\s*(?:-\s*)?(.*)$/.exec(p.value) || fail(p.where, "malformed @param");
      out.push(...wrapItem(`      • {${m[1]}}  `, m[2], p.where));
    }
  }
  const ret = tags.filter((t) => t.tag === "returns" || t.tag === "return");
  if (ret.length) {
    out.push("", "    Return: ~");
    for (const r of ret) out.push(...wrapItem("      ", r.value, r.where));
  }
  return out;
}

/** A list item: `first` then `text` wrapped at WIDTH with a hanging indent. */
function wrapItem(first, text, where) {
  const hang = " ".repeat(first.length);
  const out = [];
  let cur = first;
  for (const w of text.split(/\s+/).filter(Boolean)) {
    if (cur.trim() !== "" && cur.length + w.length + (cur.endsWith(" ") ? 0 : 1) > WIDTH && cur !== first) {
      out.push(cur.replace(/\s+$/, ""));
      cur = hang + w;
    } else cur += (cur.endsWith(" ") ? "" : " ") + w;
  }
  out.push(cur.replace(/\s+$/, ""));
  for (const l of out) if (l.length > WIDTH) fail(where, `word too long for the help: ${l}`);
  return out;
}

/**
 * Reads every source file and returns, per section id, a map from each of its files to the
 * help lines of that file's items (section text or entry) in order.
 */
function collect() {
  const blocks = new Map(SECTIONS.map((s) => [s.id, new Map(s.files.map((f) => [f, []]))]));
  const markers = new Set();
  for (const file of sourceFiles()) {
    const text = fs.readFileSync(path.join(SRC, file), "utf8");
    let section = null;
    let firstAt = 0;
    for (const c of docComments(text, file)) {
      const where = `src/tsasync/${file}:${c.line}`;
      const { text: body, tags, marker } = splitTags(c, `src/tsasync/${file}`);
      if (marker) {
        const id = tags[0].value.trim();
        if (!blocks.has(id)) fail(where, `@section ${id}: no such section in scripts/gen-doc.js SECTIONS`);
        if (!blocks.get(id).has(file)) fail(where, `@section ${id}: ${file} is not among that section's files in SECTIONS`);
        section = id;
        const list = blocks.get(id).get(file);
        markers.add(`${id}\t${file}`);
        if (body.length) list.push(renderText(body, 0, where));
        firstAt = list.length; // where `@first` entries of this run go
        continue;
      }
      if (!tags.some((t) => t.tag === "help")) {
        if (tags.some((t) => t.tag === "section")) fail(where, "@section must be the comment's first line");
        if (tags.some((t) => t.tag === "tag")) fail(where, "@tag without @help");
        continue;
      }
      if (!section) fail(where, "@help entry before any @section marker in this file");
      const item = renderEntry(body, tags, where);
      const list = blocks.get(section).get(file);
      if (tags.some((t) => t.tag === "first")) list.splice(firstAt++, 0, item);
      else list.push(item);
    }
  }
  for (const s of SECTIONS) {
    if (PARTIAL && ![...markers].some((m) => m.startsWith(`${s.id}\t`))) {
      blocks.delete(s.id);
      continue;
    }
    for (const f of s.files) {
      if (!markers.has(`${s.id}\t${f}`) && !PARTIAL) fail("scripts/gen-doc.js SECTIONS", `${s.id} lists src/tsasync/${f}, which has no @section ${s.id} marker`);
    }
  }
  return blocks;
}

function toc() {
  const out = [...withTags("CONTENTS", ["tsasync-contents"]), ""];
  SECTIONS.forEach((s, i) => {
    const left = `${String(i + 1).padStart(2)}. ${s.title} `;
    const right = ` |${s.id}|`;
    out.push(left + ".".repeat(Math.max(1, WIDTH - left.length - right.length)) + right);
  });
  return out;
}

/** Tags defined (`*tag*`) and linked (`|tag|`) in the help lines, outside code blocks. */
function scanTags(lines) {
  const defined = new Map();
  const linked = new Set();
  let code = false;
  lines.forEach((l, i) => {
    if (code) {
      if (/^\s*</.test(l)) code = false;
      else return;
    }
    const text = l.replace(/(^|\s)>\w*$/, "$1");
    if (text !== l) code = true;
    for (const m of text.matchAll(/(?:^|\s)\*([^*\s|]+)\*(?=\s|$)/g)) {
      if (defined.has(m[1])) fail("doc/tsasync.txt", `duplicate tag *${m[1]}* (lines ${defined.get(m[1]) + 1} and ${i + 1})`);
      defined.set(m[1], i);
    }
    for (const m of text.matchAll(/\|([^|\s]+)\|/g)) linked.add(m[1]);
  });
  return { defined, linked };
}

function generate() {
  const blocks = collect();
  const rule = "=".repeat(WIDTH);
  const out = [...HEADER, "", rule, ...toc(), ""];
  SECTIONS.forEach((s, i) => {
    if (!blocks.has(s.id)) return;
    out.push(rule, ...withTags(`${i + 1}. ${upper(s.title)}`, [s.id]), "");
    const items = [...blocks.get(s.id).values()].flat();
    if (!items.length) fail("scripts/gen-doc.js SECTIONS", `section ${s.id} has no text and no entries`);
    for (const lines of items) out.push(...lines, "");
  });
  out.push(" vim:tw=78:ts=8:ft=help:norl:");
  const { defined, linked } = scanTags(out);
  // Links to Neovim's own help (|vim.schedule()|, |E5560|) cannot be checked here; links to
  // tsasync's names that no tag defines are typos.
  const bad = [...linked].filter((t) => !PARTIAL && !defined.has(t) && /^(ts\.|tsasync|Task|Future|Sender|Receiver)/.test(t));
  if (bad.length) fail("doc/tsasync.txt", `links to tags that do not exist: ${bad.sort().join(" ")}`);
  return out.join("\n") + "\n";
}

function main() {
  const args = process.argv.slice(2).filter((a) => a !== "--partial");
  let text;
  try {
    text = generate();
  } catch (e) {
    if (e instanceof DocError) {
      console.error(`gen-doc: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  const outFile = path.resolve(root, args[0] || "doc/tsasync.txt");
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, text);
}

main();
