#!/usr/bin/env node
// Turns `wasm-pack build --target web` output into the npm package
// `membrane-agent-session`: ONE ES module that holds the wasm-bindgen glue
// and the wasm bytes (base64), compiled synchronously when it is imported, so
// that every consumer works with no configuration and no init call: Node
// (import and require), bundlers (Vite, webpack, Rollup, esbuild, Parcel,
// browser or server targets), a plain <script type="module">, a Web Worker.
//
//   node scripts/assemble-pkg.mjs [WASM_PACK_OUT] [PKG_DIR]
//     WASM_PACK_OUT  default <repo>/target/wasm-pack/web (or <repo>/pkg/web)
//     PKG_DIR        default <repo>/pkg (its whole content is rewritten)
//
// Why inlined and synchronous: a separate .wasm behind
// `new URL('x.wasm', import.meta.url)` is copied by some bundlers and not by
// others (Rollup, esbuild), is lost by server bundles, and the async loading it
// needs (top-level await) breaks `require()` and CommonJS bundles. A module
// of about 100 KB compiles synchronously even on a browser's main thread
// (Chromium allows up to 8 MiB there), so the package needs no await at all.
//
// It fails (exit 1, with the reason, nothing written) when an input is
// missing, when wasm-bindgen's output no longer has the shape this script
// rewrites, or when the built package does not export what it promises, so a
// broken build never becomes a package that breaks only in a user's hands.
//
// No dependencies: Node's standard library only.

import { createRequire } from 'node:module';
import {
  cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync,
  rmSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decoderSource as wasmBytesSource } from './base64-decoder.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Until the Makefile builds into target/wasm-pack/web, an older layout's
// pkg/web (the same --target web output) is taken when it is there.
const LEGACY_INPUT = join(ROOT, 'pkg', 'web');
const INPUT = resolve(process.argv[2] ??
  (existsSync(join(LEGACY_INPUT, 'membrane_agent_session.js')) ? LEGACY_INPUT : join(ROOT, 'target', 'wasm-pack', 'web')));
const PKG = resolve(process.argv[3] ?? join(ROOT, 'pkg'));
const BASE = 'membrane_agent_session';
const PACKAGE_NAME = 'membrane-agent-session';
const INTEROP_SOURCE = join(ROOT, 'js', 'interop.js');
const README_SOURCE = join(ROOT, 'npm', 'README.md');
const LICENSE_SOURCE = join(ROOT, 'LICENSE');
// The Node versions that can require() an ES module (index.cjs does), each
// checked by tests/consumers/node-versions.test.mjs.
const NODE_ENGINES = '^20.19.0 || >=22.12.0';

// ---------------------------------------------------------------------------
// The public surface: SPEC's list, exactly. `required: false` marks a name
// whose implementation has not landed yet: it is exported as soon as the build
// provides it and reported (not fatal) while it does not. Flip it to `true`
// when it lands, so that losing it again fails the build.

// Functions of the wasm glue (Rust, via wasm-bindgen).
const GLUE_FUNCTIONS = [
  { name: 'isWorkspaceElementType', required: true },
  { name: 'isModelId', required: true },
  { name: 'isAgentName', required: true },
  { name: 'isAgentSessionStatus', required: true },
  { name: 'isAgentSessionState', required: true },
  { name: 'isTimestamp', required: true },
  { name: 'validateCreateAgentSession', required: true },
  { name: 'buildCreateAgentSessionRequest', required: true },
  { name: 'parseAgentSession', required: true },
  { name: 'toCurl', required: true },
  // The session lifecycle (SPEC "The session lifecycle").
  { name: 'buildGetAgentSessionRequest', required: true },
  { name: 'buildListAgentSessionsRequest', required: true },
  { name: 'buildSendAgentSessionMessageRequest', required: true },
  { name: 'buildInterruptAgentSessionRequest', required: true },
  { name: 'parseAgentSessionList', required: true },
  { name: 'parseInterruptAgentSessionResponse', required: true },
];

// Each exported array comes from one glue function (the enumeration's single
// definition lives in Rust); the entry calls it once and freezes the answer.
// The lower-case functions themselves stay internal.
const ARRAYS = [
  { name: 'WORKSPACE_ELEMENT_TYPES', from: 'workspaceElementTypes', type: 'WorkspaceElementType', what: 'workspace element types', example: 'connector' },
  { name: 'MODEL_IDS', from: 'modelIds', type: 'ModelId', what: 'model ids', example: 'openai/gpt-5.2' },
  { name: 'AGENT_NAMES', from: 'agentNames', type: 'AgentName', what: 'agent names', example: 'connection-building' },
  { name: 'AGENT_SESSION_STATUSES', from: 'agentSessionStatuses', type: 'AgentSessionStatus', what: 'agent session statuses', example: 'running' },
  { name: 'AGENT_SESSION_STATES', from: 'agentSessionStates', type: 'AgentSessionState', what: 'agent session states', example: 'idle' },
];

// Names of js/interop.js (SPEC "Interop"). Required once that file exists
// and the glue has what it imports (see INTEROP_REQUIRED).
const INTEROP_NAMES = [
  'createAgentSessionSchema', 'agentSessionSchema', 'flattenIssues', 'formatIssues',
  'createAgentSessionJsonSchema', 'agentSessionJsonSchema',
];
const INTEROP_REQUIRED = true;

// Types SPEC promises from the package root (generated by tsify).
const SPEC_TYPES = [
  'WorkspaceElementType', 'ModelId', 'AgentName', 'AgentSessionStatus', 'AgentSessionState',
  'CreateAgentSession', 'PromptAttachment', 'AgentSession', 'ErrorData', 'HttpRequest',
  'Issue', 'Result',
];

class AssemblyError extends Error {}
const fail = (message) => { throw new AssemblyError(message); };
const notes = [];
const note = (message) => notes.push(message);

// ---------------------------------------------------------------------------
// Inputs

function readCargoPackage() {
  const cargo = join(ROOT, 'Cargo.toml');
  if (!existsSync(cargo)) fail(`missing ${cargo}`);
  // Only the [package] table: dependency tables have `version` keys too.
  const text = readFileSync(cargo, 'utf8');
  const table = /^\[package\][^\S\n]*\n([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(text)?.[1] ?? '';
  const field = (key) => new RegExp(`^${key}\\s*=\\s*"([^"]*)"`, 'm').exec(table)?.[1];
  const version = field('version');
  if (!version) fail(`no version in the [package] table of ${cargo}`);
  const repository = field('repository');
  if (!repository) fail(`no repository in the [package] table of ${cargo}`);
  return { version, description: field('description'), license: field('license'), repository };
}

function readInputs() {
  const files = {
    glue: join(INPUT, `${BASE}.js`),
    dts: join(INPUT, `${BASE}.d.ts`),
    wasm: join(INPUT, `${BASE}_bg.wasm`),
    // The JSON Schemas' texts, by the names js/interop.js calls them by
    // (`cargo run --example json_schemas`, which `make pkg` writes here).
    schemas: join(INPUT, 'json-schemas.json'),
    readme: README_SOURCE,
    license: LICENSE_SOURCE,
  };
  const missing = Object.values(files).filter((file) => !existsSync(file));
  if (missing.length > 0) {
    fail(`an input is missing:\n  ${missing.join('\n  ')}\n` +
      `(the wasm-bindgen output comes from \`wasm-pack build --target web --out-dir ${relative(ROOT, INPUT)}\`, ` +
      `json-schemas.json from \`cargo run --example json_schemas\`: \`make pkg\` runs both)`);
  }
  const glue = readFileSync(files.glue, 'utf8');
  if (!/\bfunction initSync\(/.test(glue) || !/\bnew WebAssembly\.Instance\(/.test(glue)) {
    fail(`${files.glue} does not look like --target web output (no synchronous initSync)`);
  }
  return {
    glue,
    glueFile: files.glue,
    dts: readFileSync(files.dts, 'utf8'),
    wasm: readFileSync(files.wasm),
    schemas: JSON.parse(readFileSync(files.schemas, 'utf8')),
    readme: readFileSync(files.readme, 'utf8'),
    license: readFileSync(files.license, 'utf8'),
  };
}

// ---------------------------------------------------------------------------
// The glue, rewritten into one self-contained module

// wasm-bindgen writes each `inline_js` snippet as its own ES module under
// snippets/, imported by name and as namespaces (the wasm imports some of
// its functions directly). Each becomes a local namespace object here, so the
// package is one file with no relative imports to lose.
function inlineSnippets(glue, generated) {
  const snippets = new Map(); // path -> local name
  const local = (path) => {
    if (!snippets.has(path)) snippets.set(path, `__snippet${snippets.size}`);
    return snippets.get(path);
  };
  const out = glue.replace(/^import\s+(.+?)\s+from\s+(['"])(\.\/snippets\/[^'"]+)\2;?[^\S\n]*$/gm, (line, clause, _q, path) => {
    const name = local(path);
    const star = /^\*\s+as\s+([\w$]+)$/.exec(clause);
    if (star) return `const ${star[1]} = ${name};`;
    const named = /^\{([^}]*)\}$/.exec(clause);
    if (!named) fail(`cannot rewrite this snippet import of the glue: ${line}`);
    const bindings = named[1].split(',').map((b) => b.trim()).filter(Boolean)
      .map((b) => b.replace(/^([\w$]+)\s+as\s+([\w$]+)$/, '$1: $2'));
    return `const { ${bindings.join(', ')} } = ${name};`;
  });
  const remaining = /^\s*import\b.*$/m.exec(out);
  if (remaining) fail(`the glue has an import this script does not know: ${remaining[0]}`);

  const defs = [];
  for (const [path, name] of snippets) {
    const file = join(INPUT, path);
    if (!existsSync(file)) fail(`the glue imports ${path}, which is missing from ${INPUT}`);
    let source = readFileSync(file, 'utf8');
    if (source.includes(GENERATED_PLACEHOLDER)) source = source.replace(GENERATED_PLACEHOLDER, generated);
    const exported = [];
    const body = source.replace(/^export\s+((?:async\s+)?function\*?|const|let|var|class)\s+([\w$]+)/gm, (_m, kind, id) => {
      exported.push(id);
      return `${kind} ${id}`;
    });
    if (/^\s*(export|import)\b/m.test(body)) fail(`${file}: only plain "export function/const/class" snippets can be inlined`);
    defs.push(`// ${path} (a wasm-bindgen inline_js snippet), as a namespace object.
const ${name} = (() => {
${body.trim()}
return { ${exported.join(', ')} };
})();`);
  }
  return { glue: out, snippetDefinitions: defs.join('\n\n') };
}

// The functions written from the layout the module hands its JS helpers
// (src/wasm.rs): per declared shape, the answers' pick and the walk of an
// object; and setField. Each reads and writes its keys by name (the engine's
// fast path). They replace GENERATED_PLACEHOLDER in the helpers.
const GENERATED_PLACEHOLDER = 'const GENERATED = null;';

async function generatedFunctions() {
  const glue = await import(pathToFileURL(join(INPUT, `${BASE}.js`)).href);
  glue.initSync({ module: readFileSync(join(INPUT, `${BASE}_bg.wasm`)) });
  glue.parseInterruptAgentSessionResponse('{"interrupted":true}'); // the first call installs the layout
  const helpers = [...readFileSync(join(INPUT, `${BASE}.js`), 'utf8').matchAll(/from\s+['"](\.\/snippets\/[^'"]+)['"]/g)]
    .map((m) => m[1]);
  let layout = null;
  for (const path of new Set(helpers)) {
    const helper = await import(pathToFileURL(join(INPUT, path)).href);
    if (typeof helper.layoutText === 'function') layout = JSON.parse(helper.layoutText());
  }
  if (!layout || !Array.isArray(layout.shapes)) fail('the JS helpers did not hand over the answers\' layout (layoutText)');
  const key = (k) => {
    if (typeof k !== 'string' || k === '__proto__') fail(`a declared key cannot be written by name: ${k}`);
    return JSON.stringify(k);
  };
  // The picks of answerText: JSON.parse made `v`, and the scan said which
  // fields each shaped object has (one mask per object, PRESENT[AT++], in
  // the order the picks meet them), so nothing is looked up twice and no
  // inherited property can be read.
  const functions = layout.shapes.map((fields, shape) => {
    if (fields.filter(([, kind]) => kind === 1 || kind === 2).length > 1) {
      fail(`shape ${shape} has more than one field of shaped objects: the masks' order (json_scan.rs) no longer holds`);
    }
    const lines = fields.map(([k, kind, arg], f) => {
      const name = key(k);
      const has = `if (m & ${(1 << f) | 0}) `;
      if (kind === 1) return `${has}o[${name}] = picks[${arg}](v[${name}]);`;
      if (kind === 2) return `${has}{ const x = v[${name}], a = []; for (let i = 0; i < x.length; i++) a.push(picks[${arg}](x[i])); o[${name}] = a; }`;
      if (kind === 3) return `${has}o[${name}] = v[${name}]; else o[${name}] = ${JSON.stringify(arg)};`;
      return `${has}o[${name}] = v[${name}];`;
    });
    return `  // shape ${shape}\n  (v) => {\n    const m = PRESENT[AT++], o = {};\n${lines.map((l) => `    ${l}`).join('\n')}\n    return o;\n  },`;
  });
  // The walk of an object of a declared shape (container in src/wasm.rs,
  // given the object's own enumerable keys): each declared key read by
  // name (one property load per site, which the engine makes fast) and
  // handed to `declared`, the rest to `property`, as the generic loop does;
  // then the copy, declared keys in declared order, defaults filled in, the
  // key `except` left out. It sets FIELDS_READ to how many properties it
  // wrote.
  const walks = layout.shapes.map((fields, shape) => {
    const reads = fields.map(([k], f) => {
      const name = key(k);
      return `      case ${name}: f = ${f}; try { item = v[${name}]; } catch { item = UNREADABLE; } break;`;
    });
    const copies = fields.map(([k, kind, arg], f) => {
      const name = key(k);
      const write = `if (x[${f}] !== undefined && except !== ${name}) o[${name}] = x[${f}];`;
      return `    ${kind === 3 ? `${write} else if (except !== ${name}) o[${name}] = ${JSON.stringify(arg)};` : write}`;
    });
    return `  // shape ${shape}
  (s, v, depth, bare, keys, except) => {
    const x = [${fields.map(() => 'undefined').join(', ')}];
    let count = 0, item, f;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      switch (key) {
${reads.join('\n')}
      default:
        item = read(v, key);
        if (item !== undefined) { count++; property(s, key, item, depth, null, bare); }
        continue;
      }
      if (item === undefined) continue;
      count++;
      declared(s, x, ${shape}, f, item, depth, bare);
    }
    FIELDS_READ = count;
    const o = {};
${copies.join('\n')}
    return o;
  },`;
  });
  // An issue's field set by name (answerIssues), one store per name.
  if (!Array.isArray(layout.fields)) fail('the layout has no issue fields');
  const setField = layout.fields.map((k, f) => `    case ${f}: o[${key(k)}] = v; break;`);
  return `// Written by scripts/assemble-pkg.mjs from the declarations' layout.
const GENERATED = (() => {
const picks = [
${functions.join('\n')}
];
const walks = [
${walks.join('\n')}
];
const setField = (o, f, v) => {
  switch (f) {
${setField.join('\n')}
  }
};
// The layout itself (answer_layout() in wasm.rs), so that the module need
// not write it out and this module parse it on the first call.
const layout = ${JSON.stringify(layout)};
return { picks, walks, setField, layout };
})();`;
}

// Removes a top-level declaration that starts with `header` at the start of a
// line and ends at the next line that is a lone `}` (wasm-bindgen's layout).
function removeTopLevelFunction(source, header) {
  const start = source.indexOf(`\n${header}`);
  if (start < 0) fail(`the glue no longer has \`${header}\`: check wasm-bindgen's --target web output`);
  const end = source.indexOf('\n}\n', start + 1);
  if (end < 0) fail(`cannot find the end of \`${header}\` in the glue`);
  return source.slice(0, start) + source.slice(end + 2);
}

function removeLine(source, line) {
  const pattern = new RegExp(`^${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\S\\n]*\\n`, 'm');
  if (!pattern.test(source)) fail(`the glue no longer has the line \`${line}\``);
  return source.replace(pattern, '');
}

function decoderSource(base64) {
  return `
// The module's bytes, inlined (base64), so that no bundler or server has an
// asset to copy or lose; decoded as scripts/base64-decoder.mjs says.
const WASM_BASE64 = '${base64}';

${wasmBytesSource()}

// Compiled and instantiated synchronously, once, when this module is first
// evaluated: every export works on the next line, with no init call.
initSync({ module: wasmBytes(WASM_BASE64) });
`;
}

const GENERATED = 'Generated by scripts/assemble-pkg.mjs; do not edit.';

function rewriteGlue(glue, wasm, generated) {
  let js = glue;
  const { glue: withoutImports, snippetDefinitions } = inlineSnippets(js, generated);
  js = withoutImports;
  // The asynchronous loader fetches `new URL('…_bg.wasm', import.meta.url)`;
  // that expression alone sends webpack and Parcel looking for an asset.
  js = removeTopLevelFunction(js, 'async function __wbg_load(');
  js = removeTopLevelFunction(js, 'async function __wbg_init(');
  js = removeTopLevelFunction(js, 'async function __wbg_init_once(');
  js = removeLine(js, 'let __wbg_init_promise;');
  js = removeLine(js, 'export { initSync, __wbg_init as default };');
  const header = `// ${GENERATED}
// wasm-bindgen's --target web glue with its wasm inlined and instantiated at
// import. Internal: import the package root, not this file.
`;
  const firstCode = js.search(/^(?!\/\*.*\*\/\s*$)(?!\s*$)/m);
  js = header + js.slice(0, firstCode) + snippetDefinitions + '\n' + js.slice(firstCode).replace(/\n*$/, '\n') +
    decoderSource(wasm.toString('base64'));
  // Doc comments may show user code (fetch, await): check the code only.
  const code = js.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const [pattern, why] of [
    [/import\.meta/, 'import.meta (bundlers resolve assets from it)'],
    [/new URL\(/, 'new URL( (bundlers treat it as an asset reference)'],
    [/_bg\.wasm/, 'a reference to the .wasm file'],
    [/\bfetch\(/, 'fetch('],
    [/\bBuffer\b/, 'Buffer (bundlers add a polyfill)'],
    [/\brequire\(/, 'require('],
    [/\bprocess\./, 'process.'],
    [/\bawait\b/, 'await (the module must load synchronously)'],
    [/^\s*(import|export\s+\*|export\s+default)\b/m, 'an import or default export'],
  ]) {
    if (pattern.test(code)) fail(`the rewritten glue still contains ${why}`);
  }
  return js;
}

// The glue's declarations without its loader (InitInput, initSync, the
// default init): they name DOM types (RequestInfo, Response) that a Node
// TypeScript project may not have, and the package has no init to call.
function rewriteGlueDts(dts) {
  const cut = dts.search(/^export type InitInput\b/m);
  if (cut < 0) fail(`${BASE}.d.ts no longer has \`export type InitInput\`: check wasm-bindgen's output`);
  const kept = dts.slice(0, cut).replace(/\s*$/, '\n');
  if (/\binitSync\b|\bInitOutput\b/.test(kept)) fail(`${BASE}.d.ts: cannot separate the loader's declarations`);
  return `// ${GENERATED}\n${kept}`;
}

// ---------------------------------------------------------------------------
// Declarations

function declaredTypeNames(dts) {
  const names = [];
  for (const m of dts.matchAll(/^export\s+(?:declare\s+)?(?:type|interface)\s+([A-Za-z_$][\w$]*)/gm)) {
    if (!names.includes(m[1])) names.push(m[1]);
  }
  return names;
}

function declaredValueNames(dts) {
  const names = new Set();
  for (const m of dts.matchAll(/^export\s+(?:declare\s+)?(?:function|const|let|var)\s+([A-Za-z_$][\w$]*)/gm)) {
    names.add(m[1]);
  }
  return names;
}

// ---------------------------------------------------------------------------
// The package's own files

// `arrays`: each enumeration's values, as the build's glue lists them; they
// are written in as literals, so that loading the package calls no wasm for
// them (the first call into wasm costs about 1.4 ms of a cold start).
function indexJs({ functions, interop, arrays }) {
  return `// ${GENERATED}
// The package root, for every consumer (index.cjs re-exports this module).
// The wasm is compiled synchronously while ${BASE}.js is evaluated:
// no init call, no top-level await.
import {
${functions.map((n) => `  ${n},`).join('\n')}
} from './${BASE}.js';

export {
${functions.map((n) => `  ${n},`).join('\n')}
};

${ARRAYS.map((a) => `export const ${a.name} = /* @__PURE__ */ Object.freeze(${JSON.stringify(arrays[a.from])});`).join('\n')}
${interop.length ? `
export {
${interop.map((n) => `  ${n},`).join('\n')}
} from './interop.js';
` : ''}`;
}

function indexCjs() {
  return `'use strict';
// ${GENERATED}
// require('${PACKAGE_NAME}'): the ES module itself, loaded with require()
// (Node ^20.19 || >=22.12, and every bundler). So import and require share
// one module, one wasm instance and the same frozen arrays, and a bundle that
// require()s the package gets the functions, not a Promise.
module.exports = require('./index.js');
`;
}

function arrayDeclaration(a) {
  return `/**
 * All ${a.what} SPEC allows, in the order of its table; frozen.
 *
 * @example
 * ${a.name}.includes("${a.example}"); // true
 * ${a.name}.map((value) => ({ value, label: value })); // options for a <select>
 */
export declare const ${a.name}: readonly ${a.type}[];`;
}

// index.d.ts (ESM) and index.d.cts (CommonJS) differ only in the extension
// of the files they re-export from (.js -> .d.ts, .cjs -> .d.cts): each
// entry's declarations are of its own module kind, as attw checks.
function indexDts({ ext, functions, glueTypes, interop, interopTypes }) {
  const glue = `./${BASE}.${ext}`;
  return `// ${GENERATED}
// Types and functions come from the Rust types (tsify) via wasm-bindgen.
import type { ${ARRAYS.map((a) => a.type).join(', ')} } from '${glue}';

export type {
${glueTypes.map((t) => `  ${t},`).join('\n')}
} from '${glue}';

export {
${functions.map((f) => `  ${f},`).join('\n')}
} from '${glue}';

${ARRAYS.map(arrayDeclaration).join('\n\n')}
${interop.length ? `
export {
${interop.map((n) => `  ${n},`).join('\n')}
} from './interop.${ext}';

export type {
${interopTypes.map((t) => `  ${t},`).join('\n')}
} from './interop.${ext}';
` : ''}`;
}

function packageJson({ version, description, license, repository }, files) {
  return {
    name: PACKAGE_NAME,
    version,
    description: description ?? "Validate, build and parse requests for Membrane's agent sessions API (Rust compiled to WebAssembly)",
    license: license ?? 'MIT',
    keywords: ['membrane', 'agent', 'session', 'validation', 'standard-schema', 'webassembly', 'wasm'],
    repository: { type: 'git', url: repository },
    homepage: repository,
    bugs: { url: `${repository.replace(/\/$/, '')}/issues` },
    type: 'module',
    // Importing the package changes nothing outside it: compiling the wasm
    // only fills the module's own state. A bundle that uses no export may
    // drop it whole; one that uses any export keeps the module whole, its
    // instantiation included (bundlers prune by module, not by statement).
    sideEffects: false,
    exports: {
      '.': {
        import: { types: './index.d.ts', default: './index.js' },
        require: { types: './index.d.cts', default: './index.cjs' },
      },
      './package.json': './package.json',
    },
    main: './index.cjs',
    module: './index.js',
    types: './index.d.cts',
    files,
    engines: { node: NODE_ENGINES },
  };
}

const json = (value) => JSON.stringify(value, null, 2) + '\n';

// ---------------------------------------------------------------------------
// Checks on the real modules

async function importFresh(file) {
  // A query makes each check a new module instance, even in one process.
  return import(`${pathToFileURL(file).href}?check=${Date.now()}-${Math.random()}`);
}

function checkArray(name, value) {
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string')) {
    fail(`${name} should be a non-empty array of strings, got ${JSON.stringify(value)}`);
  }
}

function importedNames(source, specifier) {
  const names = [];
  const re = new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*(['"])${specifier.replace(/[.]/g, '\\.')}\\2`, 'g');
  for (const m of source.matchAll(re)) {
    for (const b of m[1].split(',').map((s) => s.trim()).filter(Boolean)) names.push(b.split(/\s+as\s+/)[0]);
  }
  return names;
}

// Decides which interop names ship, from js/interop.js and the glue.
function planInterop(glueExports, schemas) {
  if (!existsSync(INTEROP_SOURCE)) {
    if (INTEROP_REQUIRED) fail(`${INTEROP_SOURCE} is missing`);
    note(`no ${relative(ROOT, INTEROP_SOURCE)} yet: the interop exports are left out`);
    return null;
  }
  const source = bakeSchemas(readFileSync(INTEROP_SOURCE, 'utf8'), schemas);
  const dtsFile = INTEROP_SOURCE.replace(/\.js$/, '.d.ts');
  if (!existsSync(dtsFile)) fail(`${dtsFile} is missing (the types of ${INTEROP_SOURCE})`);
  const specifiers = [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s*(['"])([^'"]+)\1/gm)].map((m) => m[2]);
  const foreign = specifiers.filter((s) => s !== `./${BASE}.js`);
  if (foreign.length > 0) fail(`${INTEROP_SOURCE} imports ${foreign.join(', ')}; it may import only "./${BASE}.js"`);
  const lacking = importedNames(source, `./${BASE}.js`).filter((n) => !glueExports.includes(n));
  if (lacking.length > 0) {
    const message = `${relative(ROOT, INTEROP_SOURCE)} imports ${lacking.join(', ')}, which the glue does not export`;
    if (INTEROP_REQUIRED) fail(message);
    note(`${message}: the interop exports are left out until the build has them`);
    return null;
  }
  const dts = readFileSync(dtsFile, 'utf8');
  const dtsCode = dts.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, ''); // examples in docs import freely
  const dtsForeign = [...dtsCode.matchAll(/\bfrom\s*(['"])([^'"]+)\1|\bimport\(\s*(['"])([^'"]+)\3/g)]
    .map((m) => m[2] ?? m[4]).filter((s) => s !== `./${BASE}.js`);
  if (dtsForeign.length > 0) fail(`${dtsFile} imports ${dtsForeign.join(', ')}; it may import only "./${BASE}.js"`);
  return { source, dts };
}

// interop.js with its JSON Schemas written in as text (from the Rust
// declarations, by `cargo run --example json_schemas`): the generator does
// not ship in the wasm module (5.8 KB), and importing the package makes no
// call for them (2 ms of a cold start, measured with node --cpu-prof).
function bakeSchemas(source, schemas) {
  const baked = source
    .replace(/\/\* @__PURE__ \*\/ (\w+JsonSchemaText)\(\)/g, (_, name) => {
      if (typeof schemas[name] !== 'string') fail(`json-schemas.json has no ${name}`);
      JSON.parse(schemas[name]); // fails loudly on a broken text
      return JSON.stringify(schemas[name]);
    })
    .replace(/^[ \t]*\w+JsonSchemaText,\n/gm, '');
  if (/\w+JsonSchemaText\s*[(,]/.test(baked)) fail('interop.js still reads a JSON Schema from the glue at load');
  return baked;
}

// Loads the assembled package from a scratch copy, by both entries, and
// compares what it exports with what the package promises.
async function checkPackage(dir, expected) {
  const esm = await importFresh(join(dir, 'index.js'));
  const names = Object.keys(esm).sort();
  const want = [...expected].sort();
  if (JSON.stringify(names) !== JSON.stringify(want)) {
    fail(`index.js exports ${names.join(', ')}\nbut the package promises ${want.join(', ')}`);
  }
  for (const a of ARRAYS) {
    checkArray(a.name, esm[a.name]);
    if (!Object.isFrozen(esm[a.name])) fail(`${a.name} is not frozen`);
  }
  const ok = esm.validateCreateAgentSession({ prompt: 'x' });
  const bad = esm.validateCreateAgentSession({});
  if (ok?.success !== true || bad?.success !== false) fail('validateCreateAgentSession does not answer as SPEC says');
  // require() of an ES module (the CommonJS entry) needs Node ^20.19 || >=22.12.
  const cjs = createRequire(import.meta.url)(join(dir, 'index.cjs'));
  const cjsNames = Object.keys(cjs).sort();
  if (JSON.stringify(cjsNames) !== JSON.stringify(want)) fail(`index.cjs exports ${cjsNames.join(', ')}`);
  if (typeof cjs.then === 'function') fail('index.cjs gives a Promise');
}

// ---------------------------------------------------------------------------

function linkIntoNodeModules() {
  if (PKG !== join(ROOT, 'pkg') || !existsSync(join(ROOT, 'node_modules'))) return;
  const link = join(ROOT, 'node_modules', PACKAGE_NAME);
  const target = relative(dirname(link), PKG);
  let stat = null;
  try { stat = lstatSync(link); } catch { /* absent */ }
  if (stat?.isSymbolicLink() && resolve(dirname(link), readlinkSync(link)) === PKG) return;
  if (stat && !stat.isSymbolicLink()) fail(`${link} exists and is not a symlink: remove it`);
  if (stat) rmSync(link);
  symlinkSync(target, link, 'dir');
}

// Writes `files` (name -> text) as the whole content of `dir`.
function replaceContent(dir, files) {
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(dir)) {
    if (!(entry in files)) rmSync(join(dir, entry), { recursive: true, force: true });
  }
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

async function main() {
  const cargo = readCargoPackage();
  const input = readInputs();

  const glueJs = rewriteGlue(input.glue, input.wasm, await generatedFunctions());
  const glueDts = rewriteGlueDts(input.dts);
  const glueTypes = declaredTypeNames(glueDts);
  const glueDeclared = declaredValueNames(glueDts);

  const scratch = mkdtempSync(join(tmpdir(), 'mas-assemble-'));
  try {
    // The glue, loaded for real: which functions does the build provide?
    writeFileSync(join(scratch, 'package.json'), json({ type: 'module' }));
    writeFileSync(join(scratch, `${BASE}.js`), glueJs);
    const glue = await importFresh(join(scratch, `${BASE}.js`));
    const glueExports = Object.keys(glue);

    const missingTypes = SPEC_TYPES.filter((t) => !glueTypes.includes(t));
    if (missingTypes.length > 0) fail(`${BASE}.d.ts lacks the types: ${missingTypes.join(', ')}`);
    const functions = [];
    const absent = [];
    for (const { name, required } of GLUE_FUNCTIONS) {
      if (typeof glue[name] === 'function') {
        if (!glueDeclared.has(name)) fail(`${BASE}.d.ts does not declare ${name}`);
        functions.push(name);
      } else if (required) {
        absent.push(name);
      } else {
        note(`the build has no ${name} yet: not exported`);
      }
    }
    for (const { from } of ARRAYS) if (typeof glue[from] !== 'function') absent.push(from);
    if (absent.length > 0) fail(`the glue does not export the functions: ${absent.join(', ')}`);
    for (const { from } of ARRAYS) checkArray(`${from}()`, glue[from]());

    const files = {
      'package.json': null,
      'index.js': null,
      'index.cjs': indexCjs(),
      'index.d.ts': null,
      'index.d.cts': null,
      [`${BASE}.js`]: glueJs,
      [`${BASE}.d.ts`]: glueDts,
      // The same declarations as a CommonJS module for index.d.cts.
      [`${BASE}.d.cts`]: glueDts,
    };

    let interop = [];
    let interopTypes = [];
    const plan = planInterop(glueExports, input.schemas);
    if (plan) {
      interop = INTEROP_NAMES;
      interopTypes = declaredTypeNames(plan.dts);
      const declared = declaredValueNames(plan.dts);
      const undeclared = INTEROP_NAMES.filter((n) => !declared.has(n));
      if (undeclared.length > 0) fail(`js/interop.d.ts does not declare ${undeclared.join(', ')}`);
      const clash = interopTypes.filter((t) => glueTypes.includes(t));
      if (clash.length > 0) fail(`js/interop.d.ts and the glue both declare the types ${clash.join(', ')}`);
      files['interop.js'] = plan.source;
      files['interop.d.ts'] = plan.dts;
      files['interop.d.cts'] = plan.dts.replace(
        new RegExp(`(from\\s*['"])\\./${BASE}\\.js(['"])`, 'g'), `$1./${BASE}.cjs$2`);
    }

    const arrays = Object.fromEntries(ARRAYS.map(({ from }) => [from, glue[from]()]));
    files['index.js'] = indexJs({ functions, interop, arrays });
    files['index.d.ts'] = indexDts({ ext: 'js', functions, glueTypes, interop, interopTypes });
    files['index.d.cts'] = indexDts({ ext: 'cjs', functions, glueTypes, interop, interopTypes });
    files['README.md'] = input.readme;
    files.LICENSE = input.license;
    const published = Object.keys(files).filter((f) => !['package.json', 'README.md', 'LICENSE'].includes(f));
    files['package.json'] = json(packageJson(cargo, published));

    replaceContent(scratch, files);
    const expected = [...functions, ...ARRAYS.map((a) => a.name), ...interop];
    await checkPackage(scratch, expected);

    // Only a package that passed every check replaces pkg/. An input taken
    // from the older layout's pkg/web is kept where the new layout has it,
    // so that target/wasm-pack/web is always the input of the current pkg/.
    if (INPUT === LEGACY_INPUT && PKG === join(ROOT, 'pkg')) {
      const kept = join(ROOT, 'target', 'wasm-pack', 'web');
      rmSync(kept, { recursive: true, force: true });
      mkdirSync(dirname(kept), { recursive: true });
      cpSync(INPUT, kept, { recursive: true });
    }
    replaceContent(PKG, files);
    linkIntoNodeModules();
    for (const message of notes) console.warn(`[assemble-pkg] note: ${message}`);
    const glueSize = Buffer.byteLength(glueJs);
    console.log(`[assemble-pkg] ${PACKAGE_NAME}@${cargo.version} assembled in ${relative(process.cwd(), PKG) || '.'}` +
      ` (${expected.length} exports; ${BASE}.js ${glueSize} B with the ${input.wasm.length} B wasm inlined)`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`[assemble-pkg] ${error instanceof AssemblyError ? error.message : error.stack}`);
  process.exit(1);
});
