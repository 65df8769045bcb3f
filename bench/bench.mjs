// Side-by-side benchmark: membrane-agent-session (Rust -> Wasm) against the
// Zod schemas of Membrane's own SDK (@membranehq/sdk 0.28.3), in one Node
// process, on the same inputs. Issues 5 and 8 (the targets of issue 8's
// table are printed beside each row).
//
//   node bench/bench.mjs            full run (about 80-90 s on 2 cores)
//   node bench/bench.mjs --quick    shorter run (about 20 s)
//
// Prints tables and writes every figure to bench/last-run.json.
// It measures; it asserts nothing about timings. It does refuse to time a
// case whose answer is wrong (a "valid" case rejected, an invalid one
// accepted), because that figure would describe a different code path.

import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import os from "node:os";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..");
const QUICK = process.argv.includes("--quick");
const OUT_JSON = join(HERE, "last-run.json");

if (!existsSync(join(ROOT, "node_modules", "membrane-agent-session", "package.json"))) {
  console.error(
    "bench: the package is not built (node_modules/membrane-agent-session -> ../pkg is missing).\n" +
      "       Run `make pkg` first.",
  );
  process.exit(2);
}

const ours = await import("membrane-agent-session");
const { CreateAgentSession, AgentSession } = await import("@membranehq/sdk");
const { z } = await import("zod");
// What a user of the SDK writes for a list page (SPEC: `{ items, cursor? }`).
const AgentSessionListPeer = z.object({ items: z.array(AgentSession), cursor: z.string().optional() });
const OUR_VERSION = JSON.parse(readFileSync(join(ROOT, "node_modules/membrane-agent-session/package.json"), "utf8")).version;
const PEER_VERSION = JSON.parse(readFileSync(join(ROOT, "node_modules/@membranehq/sdk/package.json"), "utf8")).version;
const ZOD_VERSION = (() => {
  try {
    return JSON.parse(readFileSync(join(ROOT, "node_modules/zod/package.json"), "utf8")).version;
  } catch {
    return "?";
  }
})();

// ---------------------------------------------------------------- settings
const S = QUICK
  ? { rounds: 5, roundMs: 25, floorMs: 60, scaleRounds: 3, scaleMs: 30, coldRuns: 5, maxPrompt: 16 << 20 }
  : { rounds: 7, roundMs: 120, floorMs: 200, scaleRounds: 5, scaleMs: 150, coldRuns: 5, maxPrompt: 16 << 20 };

// ---------------------------------------------------------------- inputs
// Every input is valid (or invalid) for both validators. The SDK predates two
// enum values the spec adds (external-event-type, claude-haiku-4.5) and strips
// unknown keys instead of reporting them, so neither is used here.
const TOKEN = "sk_live_0123456789abcdefABCDEF";
const OPTIONS = { token: TOKEN };

// (a) ~330 bytes as JSON, like the TOOLCHAIN.md spike: 7 fields + one attachment.
const VALID_REQUEST = {
  prompt: "Connect my HubSpot account and sync new contacts into the CRM table every hour.",
  workspaceElementType: "connection",
  workspaceElementId: "conn_6651f0a2b3c4d5e6f7a8b9c0",
  testCustomerId: "customer-42",
  isExternal: false,
  modelId: "anthropic/claude-sonnet-4.5",
  agentName: "membrane",
  promptAttachments: [{ title: "mapping.json", data: { fields: ["email", "firstName", "lastName"], hourly: true, limit: 500 } }],
};

// (b) four problems, each reported by both: too_small, invalid_value (a case
// slip, so ours also computes a suggestion), invalid_type, missing key.
const INVALID_REQUEST = {
  prompt: "",
  modelId: "Anthropic/claude-opus-4.6",
  isExternal: "yes",
  promptAttachments: [{ data: { note: "the title is missing" } }],
};

// (c)/(d) a realistic 200 answer. `state` is absent (both fill in "busy").
const SESSION = {
  id: "ses_6651f0a2b3c4d5e6f7a8b9c1",
  workspaceId: "ws_6651f0a2b3c4d5e6f7a8b9c2",
  orgWorkspaceId: "org_6651f0a2b3c4d5e6f7a8b9c3",
  workspaceElementType: "connection",
  workspaceElementId: "conn_6651f0a2b3c4d5e6f7a8b9c0",
  type: "agent",
  status: "running",
  prompt: "Connect my HubSpot account and sync new contacts into the CRM table every hour.",
  lastActivityAt: "2025-06-01T12:00:03.417Z",
  title: "HubSpot contact sync",
  cost: 0.0123,
  hasWorker: true,
  isExternal: false,
  agentName: "membrane",
  output: { steps: 3, connectionId: "conn_6651f0a2b3c4d5e6f7a8b9c0", warnings: [] },
  createdAt: "2025-06-01T11:59:58Z",
  updatedAt: "2025-06-01T12:00:03.417Z",
  userId: "user_17",
  tenantId: "tenant_3",
};
const SESSION_TEXT = JSON.stringify(SESSION);
// (d) a full list page: 1000 sessions, as text.
const LIST_TEXT = JSON.stringify({
  items: Array.from({ length: 1000 }, (_, i) => ({ ...SESSION, id: `${SESSION.id}-${i}`, state: i % 2 ? "idle" : "busy" })),
  cursor: "next-page-cursor",
});

// ---------------------------------------------------------------- harness
let SINK = 0; // keeps results alive so no call is optimised away

function loop(fn, input, n) {
  let s = 0;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const r = fn(input);
    if (r === true || (r && r.success)) s++;
  }
  const ms = performance.now() - t0;
  SINK += s;
  return ms;
}

// Smallest n (doubling) whose loop takes at least targetMs.
function calibrate(fn, input, targetMs) {
  let n = 1;
  for (;;) {
    const ms = loop(fn, input, n);
    if (ms >= targetMs) return n;
    const guess = ms > 0.5 ? Math.ceil((n * targetMs * 1.1) / ms) : n * 8;
    n = Math.max(n * 2, Math.min(guess, n * 64));
  }
}

const median = (xs) => {
  const a = [...xs].sort((x, y) => x - y);
  const m = a.length >> 1;
  return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
};

// Alternates ours and peer, round by round (the order flips every round so
// neither side always runs right after the other's garbage).
function sideBySide(oursFn, peerFn, input, rounds, roundMs) {
  loop(oursFn, input, 200);
  loop(peerFn, input, 200);
  const nO = calibrate(oursFn, input, roundMs);
  const nP = calibrate(peerFn, input, roundMs);
  const o = [];
  const p = [];
  const ratio = [];
  for (let r = 0; r < rounds; r++) {
    let uo, up;
    if (r % 2 === 0) {
      uo = (loop(oursFn, input, nO) * 1000) / nO;
      up = (loop(peerFn, input, nP) * 1000) / nP;
    } else {
      up = (loop(peerFn, input, nP) * 1000) / nP;
      uo = (loop(oursFn, input, nO) * 1000) / nO;
    }
    o.push(uo);
    p.push(up);
    ratio.push(uo / up);
  }
  const ratioMed = median(ratio);
  return {
    ours_us: median(o),
    peer_us: median(p),
    ours_over_peer: ratioMed, // < 1 means we are faster
    speedup: 1 / ratioMed, // peer time / our time: > 1 means we are faster
    iterations: { ours: nO, peer: nP },
    rounds_us: { ours: o, peer: p },
  };
}

function single(fn, input, rounds, roundMs) {
  loop(fn, input, 3);
  const n = calibrate(fn, input, roundMs);
  const xs = [];
  for (let r = 0; r < rounds; r++) xs.push((loop(fn, input, n) * 1000) / n);
  return { us: median(xs), iterations: n, rounds_us: xs };
}

// ---------------------------------------------------------------- formatting
function table(headers, rows, align) {
  const cells = [headers, ...rows].map((r) => r.map((c) => String(c)));
  const w = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const fmt = (r) =>
    "  " + r.map((c, i) => ((align?.[i] ?? (i === 0 ? "l" : "r")) === "l" ? c.padEnd(w[i]) : c.padStart(w[i]))).join("  ");
  const lines = [fmt(cells[0]), "  " + w.map((x) => "-".repeat(x)).join("  "), ...cells.slice(1).map(fmt)];
  console.log(lines.join("\n"));
}
const us = (x) => (x >= 1000 ? x.toFixed(0) : x >= 100 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const kib = (b) => (b / 1024).toFixed(1) + " KiB";
const x2 = (r) => r.toFixed(2) + "x";
const sizeLabel = (b) => (b >= 1 << 20 ? b / (1 << 20) + " MiB" : b / 1024 + " KiB");
const h = (t) => console.log("\n" + t);

// ---------------------------------------------------------------- sanity
function describe(r) {
  return r.success ? "valid" : `${r.issues?.length ?? r.error?.issues?.length} issue(s)`;
}
const sanity = [
  ["(a)", ours.validateCreateAgentSession(VALID_REQUEST), CreateAgentSession.safeParse(VALID_REQUEST), "valid"],
  ["(b)", ours.validateCreateAgentSession(INVALID_REQUEST), CreateAgentSession.safeParse(INVALID_REQUEST), "4 issue(s)"],
  ["(c)", ours.parseAgentSession(SESSION_TEXT), AgentSession.safeParse(JSON.parse(SESSION_TEXT)), "valid"],
  ["(d)", ours.parseAgentSession(SESSION), AgentSession.safeParse(SESSION), "valid"],
];
let sane = true;
for (const [name, o, p, want] of sanity) {
  if (describe(o) !== want || describe(p) !== want) {
    sane = false;
    console.error(`bench: case ${name} should be ${want}: ours says ${describe(o)}, peer says ${describe(p)}`);
    if (!o.success) console.error("       our issues: " + JSON.stringify(o.issues));
  }
}
const built = ours.buildCreateAgentSessionRequest(VALID_REQUEST, OPTIONS);
if (!built.success) {
  sane = false;
  console.error("bench: buildCreateAgentSessionRequest rejected the valid request: " + JSON.stringify(built.issues));
}
if (!sane) {
  console.error("bench: not timing answers that are wrong; fix the package first.");
  process.exit(1);
}

// ---------------------------------------------------------------- header
const cpu = os.cpus()[0]?.model ?? "?";
console.log(`membrane-agent-session ${OUR_VERSION} vs @membranehq/sdk ${PEER_VERSION} (zod ${ZOD_VERSION})`);
console.log(
  `node ${process.version}, ${os.cpus().length} x ${cpu}, ${QUICK ? "--quick" : "full run"}: ` +
    `${S.rounds} alternating rounds of ~${S.roundMs} ms per side`,
);
const started = performance.now();

// ---------------------------------------------------------------- 1. cases
const peerBuild = (input) => {
  // What a user of the SDK writes to get the same HttpRequest.
  const r = CreateAgentSession.safeParse(input);
  if (!r.success) return r;
  return {
    success: true,
    data: {
      method: "POST",
      url: "https://api.getmembrane.com/agent/sessions",
      headers: { Accept: "application/json", "Content-Type": "application/json", Authorization: "Bearer " + TOKEN },
      body: JSON.stringify(r.data),
    },
  };
};
// `target` is a speed-up (peer time / our time) to reach; `maxUs` an
// absolute bound of ours, where issue 8 sets one.
const CASES = [
  {
    key: "a",
    label: "(a) valid request object, 1 attachment",
    ours: (x, m = ours) => m.validateCreateAgentSession(x),
    peer: (x) => CreateAgentSession.safeParse(x),
    input: VALID_REQUEST,
    target: 0.12,
    maxUs: 2,
  },
  {
    key: "b",
    label: "(b) invalid request, 4 problems",
    ours: (x, m = ours) => m.validateCreateAgentSession(x),
    peer: (x) => CreateAgentSession.safeParse(x),
    input: INVALID_REQUEST,
    target: 2.0,
  },
  {
    key: "c",
    label: `(c) session from JSON text (${SESSION_TEXT.length} B) vs JSON.parse + Zod`,
    ours: (x, m = ours) => m.parseAgentSession(x),
    peer: (x) => AgentSession.safeParse(JSON.parse(x)),
    input: SESSION_TEXT,
    target: 1.1,
  },
  {
    key: "d",
    label: `(d) 1,000-session list page from text (${(LIST_TEXT.length / 1024).toFixed(0)} KiB) vs JSON.parse + Zod`,
    ours: (x, m = ours) => m.parseAgentSessionList(x),
    peer: (x) => AgentSessionListPeer.safeParse(JSON.parse(x)),
    input: LIST_TEXT,
    target: 1.1,
  },
  {
    key: "session_object",
    label: "session object [extra]",
    ours: (x, m = ours) => m.parseAgentSession(x),
    peer: (x) => AgentSession.safeParse(x),
    input: SESSION,
    target: null,
  },
  {
    key: "e",
    label: "build HttpRequest from (a) [extra]",
    ours: (x, m = ours) => m.buildCreateAgentSessionRequest(x, OPTIONS),
    peer: peerBuild,
    input: VALID_REQUEST,
    target: null,
  },
];

const results = { cases: {}, floor: {}, size: {}, cold: {}, scaling: {} };
for (const c of CASES) {
  results.cases[c.key] = { label: c.label, target_speedup: c.target, ...sideBySide(c.ours, c.peer, c.input, S.rounds, S.roundMs) };
}
h("Per call, median of alternating rounds (lower us is better; speed-up = peer time / our time, > 1 means we are faster)");
table(
  ["case", "ours us", "peer us", "ours/peer", "speed-up", "target", ""],
  CASES.map((c) => {
    const r = results.cases[c.key];
    const met = c.target == null ? "" : r.speedup >= c.target && (c.maxUs == null || r.ours_us <= c.maxUs) ? "met" : "missed";
    const target = c.target == null ? "-" : ">= " + x2(c.target) + (c.maxUs == null ? "" : `, <= ${c.maxUs} us`);
    r.met = c.target == null ? null : met === "met";
    return [c.label, us(r.ours_us), us(r.peer_us), r.ours_over_peer.toFixed(2), x2(r.speedup), target, met];
  }),
);
console.log("  command: node bench/bench.mjs (make bench)");

// ---------------------------------------------------------------- 2. floor
// What one crossing costs, and what the pieces of a JSON-text design cost in JS.
const noop = () => true;
const FLOOR = [
  ["JS no-op closure (harness overhead)", noop, 0],
  ['ours.isModelId("x")  (one exported call, 1-char string)', (x) => ours.isModelId(x), "x"],
  ["ours.isModelId(42)  (one exported call, no string)", (x) => ours.isModelId(x), 42],
  ['ours.isTimestamp("2025-06-01T12:00:03.417Z")', (x) => ours.isTimestamp(x), "2025-06-01T12:00:03.417Z"],
  [`ours.isModelId(session text (c))  (one call, ${SESSION_TEXT.length}-B string copied in)`, (x) => ours.isModelId(x), SESSION_TEXT],
  ["JS: JSON.stringify(request (a))", (x) => JSON.stringify(x).length > 0, VALID_REQUEST],
  ["JS: JSON.stringify(session (d))", (x) => JSON.stringify(x).length > 0, SESSION],
  ["JS: JSON.parse(session text (c))", (x) => JSON.parse(x) !== null, SESSION_TEXT],
  ["JS: TextEncoder.encode(session text (c))", ((enc) => (x) => enc.encode(x).length > 0)(new TextEncoder()), SESSION_TEXT],
  // The way out of a JSON-text answer: what JSON.parse of our answer costs.
  ...[
    ["a", ours.validateCreateAgentSession(VALID_REQUEST)],
    ["b", ours.validateCreateAgentSession(INVALID_REQUEST)],
    ["c", ours.parseAgentSession(SESSION_TEXT)],
  ].map(([k, answer]) => {
    const text = JSON.stringify(answer);
    return [`JS: JSON.parse(our answer to (${k}) as text, ${text.length} B)`, (x) => JSON.parse(x) !== null, text];
  }),
];
for (const [label, fn, input] of FLOOR) results.floor[label] = single(fn, input, S.rounds, S.floorMs / 2);
h("Floor and JS reference costs (us per call)");
table(
  ["call", "us"],
  FLOOR.map(([label]) => [label, us(results.floor[label].us)]),
);

// ---------------------------------------------------------------- 2b. crossings
// How many times one call goes from Wasm back into JS (every import call:
// Reflect.get, typeof checks, string copies, Set operations, JSON.parse...).
// A second, instrumented instance of the Node glue counts them; it is used
// for counting only, never timed.
async function countCrossings() {
  // A second, instrumented instance of wasm-pack's web glue (the package's
  // own module is the same glue with the wasm inlined): imported afresh
  // (a query string makes it a new module) and started with initSync while
  // WebAssembly.Instance wraps every import to count its calls.
  const dir = join(ROOT, "target/wasm-pack/web");
  const gluePath = join(dir, "membrane_agent_session.js");
  const wasmPath = join(dir, "membrane_agent_session_bg.wasm");
  if (!existsSync(gluePath) || !existsSync(wasmPath)) return { error: "no wasm-pack output in target/wasm-pack/web (run make pkg)" };
  let glue;
  const counts = new Map();
  const Original = WebAssembly.Instance;
  try {
    WebAssembly.Instance = function (module, imports) {
      // Copies: some import namespaces are ES module namespaces (read-only).
      const wrapped = {};
      for (const [nsName, ns] of Object.entries(imports ?? {})) {
        wrapped[nsName] = {};
        for (const [name, f] of Object.entries(ns)) {
          if (typeof f !== "function") {
            wrapped[nsName][name] = f;
            continue;
          }
          const short = name.replace(/^__wbg_/, "").replace(/^__wbindgen_/, "").replace(/_[0-9a-f]{16}$/, "");
          wrapped[nsName][name] = function (...args) {
            counts.set(short, (counts.get(short) ?? 0) + 1);
            return f.apply(this, args);
          };
        }
      }
      return new Original(module, wrapped);
    };
    glue = await import(pathToFileURL(gluePath).href + "?crossings");
    glue.initSync({ module: readFileSync(wasmPath) });
  } catch (e) {
    return { error: String(e) };
  } finally {
    WebAssembly.Instance = Original;
  }
  const once = (fn) => {
    fn(); // warm: first-call allocations are not per-call work
    counts.clear();
    fn();
    const byName = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    return { total: byName.reduce((n, [, c]) => n + c, 0), by_import: Object.fromEntries(byName) };
  };
  const out = { isModelId: once(() => glue.isModelId("x")) };
  for (const c of CASES) out[c.key] = once(() => c.ours(c.input, glue));
  return out;
}
results.crossings = await countCrossings();
h("Crossings per call: Wasm -> JS import calls made during one call (plus the one JS -> Wasm call itself)");
if (results.crossings.error) console.log("  (could not instrument the glue: " + results.crossings.error + ")");
else {
  const top = (r) =>
    Object.entries(r.by_import)
      .slice(0, 6)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
  table(
    ["call", "crossings", "most frequent imports"],
    [
      ...CASES.map((c) => [c.label, results.crossings[c.key].total, top(results.crossings[c.key])]),
      ['isModelId("x")', results.crossings.isModelId.total, top(results.crossings.isModelId)],
    ],
    ["l", "r", "l"],
  );
  const a = results.cases.a;
  const n = results.crossings.a.total;
  if (n > 0) console.log(`  (a): ${us(a.ours_us)} us over ${n + 1} crossings = ${((a.ours_us * 1000) / (n + 1)).toFixed(0)} ns per crossing, all included`);
}

// ---------------------------------------------------------------- 3. size
function fileSize(rel) {
  const p = join(ROOT, rel);
  if (!existsSync(p)) return null;
  const buf = readFileSync(p);
  return { path: rel, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
}
// What a browser downloads: the package's browser entry (its "exports"
// condition browser, else import, else default) and every file it imports,
// plus any .wasm it fetches, each gzip'd as a server would send it.
function browserDownload() {
  const pkgDir = join(ROOT, "pkg");
  const manifest = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  const pick = (node) => {
    if (typeof node === "string") return node;
    for (const k of ["browser", "import", "default"]) if (node && node[k] != null) return pick(node[k]);
    return null;
  };
  const entry = pick(manifest.exports?.["."] ?? manifest.exports) ?? manifest.module ?? manifest.main;
  const seen = new Map();
  const visit = (rel) => {
    const file = join(pkgDir, rel);
    if (seen.has(file) || !existsSync(file)) return;
    const buf = readFileSync(file);
    seen.set(file, { path: relative(ROOT, file), raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length });
    if (!file.endsWith(".js") && !file.endsWith(".mjs")) return;
    const text = buf.toString("utf8");
    for (const m of text.matchAll(/(?:import|export)\s[^;]*?from\s*["'](\.[^"']+)["']|import\(\s*["'](\.[^"']+)["']\s*\)|new URL\(\s*["'](\.[^"']+)["']/g)) {
      visit(join(dirname(rel), m[1] ?? m[2] ?? m[3]));
    }
  };
  if (entry) visit(entry.replace(/^\.\//, ""));
  const files = [...seen.values()];
  return { entry, files, raw: files.reduce((a, f) => a + f.raw, 0), gzip: files.reduce((a, f) => a + f.gzip, 0) };
}
const SIZE_TARGET = 36 * 1024;
const download = browserDownload();
results.size.browser_download = download;
const sdkBundle = fileSize("node_modules/@membranehq/sdk/dist/bundle.js");
results.size.peer_bundle = sdkBundle;
h(`Size: what a browser downloads (gzip = zlib level 9), entry ${download.entry}`);
table(
  ["file", "bytes", "raw", "gzip", "target"],
  [
    ...download.files.map((f) => [f.path, f.raw.toLocaleString("en-US"), kib(f.raw), kib(f.gzip), ""]),
    ["ours: total", download.raw.toLocaleString("en-US"), kib(download.raw), kib(download.gzip), download.gzip <= SIZE_TARGET ? "<= 36 KiB: met" : "> 36 KiB: missed"],
    ...(sdkBundle ? [["peer: SDK browser bundle (dist/bundle.js)", sdkBundle.raw.toLocaleString("en-US"), kib(sdkBundle.raw), kib(sdkBundle.gzip), ""]] : []),
  ],
);

// ---------------------------------------------------------------- 4. cold start
// A fresh `node` per run. Inside the child, performance.now() counts from
// performance.timeOrigin, i.e. from the start of the process; "import+first"
// is measured around the dynamic import and the first call.
function child(code) {
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", code], { cwd: ROOT, encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop());
}
const REQ_SRC = JSON.stringify(VALID_REQUEST);
const COLD = {
  ours: `const t0 = performance.now();
const m = await import("membrane-agent-session");
const t1 = performance.now();
const r = m.validateCreateAgentSession(${REQ_SRC});
const t2 = performance.now();
console.log(JSON.stringify({ ok: r.success, start: t0, imp: t1 - t0, first: t2 - t1, total: t2 - t0, fromStart: t2 }));`,
  peer: `const t0 = performance.now();
const m = await import("@membranehq/sdk");
const t1 = performance.now();
const r = m.CreateAgentSession.safeParse(${REQ_SRC});
const t2 = performance.now();
console.log(JSON.stringify({ ok: r.success, start: t0, imp: t1 - t0, first: t2 - t1, total: t2 - t0, fromStart: t2 }));`,
  require: `import { createRequire } from "node:module";
const require = createRequire(process.cwd() + "/");
const t0 = performance.now();
const m = require("membrane-agent-session");
const t1 = performance.now();
const r = m.validateCreateAgentSession(${REQ_SRC});
const t2 = performance.now();
console.log(JSON.stringify({ ok: r.success, start: t0, imp: t1 - t0, first: t2 - t1, total: t2 - t0, fromStart: t2 }));`,
  empty: `const t0 = performance.now();
await import("./bench/empty.mjs");
const t1 = performance.now();
console.log(JSON.stringify({ ok: true, start: t0, imp: t1 - t0, first: 0, total: t1 - t0, fromStart: t1 }));`,
  bare: `const t0 = performance.now();
console.log(JSON.stringify({ ok: true, start: t0, imp: 0, first: 0, total: 0, fromStart: t0 }));`,
};
const COLD_KINDS = ["bare", "empty", "ours", "require", "peer"];
const cold = Object.fromEntries(COLD_KINDS.map((k) => [k, []]));
for (const k of COLD_KINDS) child(COLD[k]); // warm the OS file cache once, for every side alike
for (let i = 0; i < S.coldRuns; i++) for (const k of COLD_KINDS) cold[k].push(child(COLD[k]));
const coldMed = (k, f) => median(cold[k].map((r) => r[f]));
// Compiling our .wasm alone, in a fresh process (in this process V8 would
// answer from its module cache).
const compileMs = NaN; // the module is inlined in the package's JS: its compile is part of "import"
for (const k of COLD_KINDS) {
  results.cold[k] = {
    runs: cold[k],
    import_ms: coldMed(k, "imp"),
    first_call_ms: coldMed(k, "first"),
    import_plus_first_ms: coldMed(k, "total"),
    from_process_start_ms: coldMed(k, "fromStart"),
  };
}
results.cold.wasm_compile_fresh_process_ms = compileMs;
h(`Cold start, fresh node process, median of ${S.coldRuns} (ms)`);
console.log('  "import + first" is timed inside the child around `await import(...)` and the first validation of (a);');
console.log('  "from process start" is performance.now() at the end (performance.timeOrigin = process start).');
const coldCols = (k) => ["import_ms", "first_call_ms", "import_plus_first_ms", "from_process_start_ms"].map((f) => results.cold[k][f].toFixed(2));
table(
  ["", "import", "first call", "import + first", "from process start", "target"],
  [
    ["ours: await import()", ...coldCols("ours"), results.cold.ours.import_plus_first_ms <= 10 ? "<= 10 ms: met" : "> 10 ms: missed"],
    ["ours: require() (CJS entry)", ...coldCols("require"), ""],
    ["peer (@membranehq/sdk): await import()", ...coldCols("peer"), ""],
    ["floor: await import() of an empty .mjs", results.cold.empty.import_ms.toFixed(2), "-", "-", results.cold.empty.from_process_start_ms.toFixed(2), ""],
    ["floor: bare node (nothing imported)", "-", "-", "-", results.cold.bare.from_process_start_ms.toFixed(2), ""],
  ],
);
console.log("  command: node bench/bench.mjs (make bench)");

// ---------------------------------------------------------------- 5. scaling
// Prompt text with characters JSON must escape (quote, backslash, newline),
// ASCII only so that N characters are N bytes.
function promptOf(bytes) {
  const unit = 'Sync "contacts" from C:\\crm\\export every hour.\nThen map fields. ';
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}
function flat(s) {
  // Flatten a cons string now so the first timed call does not pay for it.
  s.charCodeAt(s.length >> 1);
  return s;
}
function requestWithPrompt(bytes) {
  return { ...VALID_REQUEST, prompt: flat(promptOf(bytes)) };
}
function requestWithAttachments(n) {
  const atts = [];
  for (let i = 0; i < n; i++)
    atts.push({ title: `file-${i}.json`, data: { id: i, name: `contact ${i}`, email: `c${i}@example.com`, tags: ["lead", "hubspot"], score: i * 0.5 } });
  return { ...VALID_REQUEST, promptAttachments: atts };
}
function scaleRow(input) {
  const v = single((x) => ours.validateCreateAgentSession(x), input, S.scaleRounds, S.scaleMs);
  const b = single((x) => ours.buildCreateAgentSessionRequest(x, OPTIONS), input, S.scaleRounds, S.scaleMs);
  const p = single((x) => CreateAgentSession.safeParse(x), input, S.scaleRounds, S.scaleMs);
  return { validate_us: v.us, build_us: b.us, peer_validate_us: p.us };
}
// Linear if the per-unit cost at the largest size is within 3x of the one at
// the smallest non-trivial size (the second row: the first is dominated by
// the fixed per-call cost). slope = log-log growth over the last two rows
// (1 = linear, 2 = quadratic).
function verdict(rows, unitKey, timeKey) {
  const base = rows[1];
  const last = rows[rows.length - 1];
  const prev = rows[rows.length - 2];
  const perBase = base[timeKey] / base[unitKey];
  const perLast = last[timeKey] / last[unitKey];
  const growth = perLast / perBase;
  const slope = Math.log(last[timeKey] / prev[timeKey]) / Math.log(last[unitKey] / prev[unitKey]);
  return { per_unit_growth: growth, slope_last_two: slope, verdict: growth <= 3 ? "linear" : "not linear" };
}

const PROMPT_SIZES = [1 << 10, 16 << 10, 256 << 10, 1 << 20, 4 << 20, 16 << 20].filter((b) => b <= S.maxPrompt);
const promptRows = [];
for (const bytes of PROMPT_SIZES) {
  const req = requestWithPrompt(bytes);
  const r = ours.validateCreateAgentSession(req);
  if (!r.success) console.error(`bench: prompt of ${sizeLabel(bytes)} rejected: ${JSON.stringify(r.issues).slice(0, 300)}`);
  promptRows.push({ bytes, ok: r.success, ...scaleRow(req) });
}
results.scaling.prompt = {
  rows: promptRows,
  validate: verdict(promptRows, "bytes", "validate_us"),
  build: verdict(promptRows, "bytes", "build_us"),
};
h("Scaling with prompt size (request (a) with a longer prompt; ns/B = time per prompt byte)");
table(
  ["prompt", "validate us", "ns/B", "build us", "ns/B", "peer validate us"],
  promptRows.map((r) => [sizeLabel(r.bytes), us(r.validate_us), ((r.validate_us * 1000) / r.bytes).toFixed(2), us(r.build_us), ((r.build_us * 1000) / r.bytes).toFixed(2), us(r.peer_validate_us)]),
);
for (const k of ["validate", "build"]) {
  const v = results.scaling.prompt[k];
  console.log(`  ${k}: ${v.verdict} (per-byte cost at ${sizeLabel(PROMPT_SIZES.at(-1))} is ${x2(v.per_unit_growth)} the one at ${sizeLabel(PROMPT_SIZES[1])}; log-log slope over the last two sizes ${v.slope_last_two.toFixed(2)})`);
}

const ATT_COUNTS = [1, 10, 100, 1000, 10000];
const attRows = [];
for (const n of ATT_COUNTS) {
  const req = requestWithAttachments(n);
  const r = ours.validateCreateAgentSession(req);
  if (!r.success) console.error(`bench: ${n} attachments rejected: ${JSON.stringify(r.issues).slice(0, 300)}`);
  attRows.push({ count: n, json_bytes: JSON.stringify(req).length, ok: r.success, ...scaleRow(req) });
}
results.scaling.attachments = {
  rows: attRows,
  validate: verdict(attRows, "count", "validate_us"),
  build: verdict(attRows, "count", "build_us"),
};
h("Scaling with attachment count (each attachment: a title and a 5-field data object, ~110 B of JSON)");
table(
  ["attachments", "JSON size", "validate us", "us/att", "build us", "us/att", "peer validate us", "peer us/att"],
  attRows.map((r) => [r.count.toLocaleString("en-US"), kib(r.json_bytes), us(r.validate_us), (r.validate_us / r.count).toFixed(3), us(r.build_us), (r.build_us / r.count).toFixed(3), us(r.peer_validate_us), (r.peer_validate_us / r.count).toFixed(3)]),
);
for (const k of ["validate", "build"]) {
  const v = results.scaling.attachments[k];
  console.log(`  ${k}: ${v.verdict} (per-attachment cost at ${ATT_COUNTS.at(-1).toLocaleString("en-US")} is ${x2(v.per_unit_growth)} the one at ${ATT_COUNTS[1]}; log-log slope over the last two counts ${v.slope_last_two.toFixed(2)})`);
}

// ---------------------------------------------------------------- 6. a 16 MiB prompt
// Building a request whose prompt is 16 MiB, against JSON.stringify of the
// same request (the body the build must produce). Target: <= 2x.
{
  const big = requestWithPrompt(16 << 20);
  const r = ours.buildCreateAgentSessionRequest(big, OPTIONS);
  if (!r.success || r.data.body.length !== JSON.stringify(big).length) console.error("bench: the 16 MiB build is wrong");
  const side = sideBySide((x) => ours.buildCreateAgentSessionRequest(x, OPTIONS), (x) => JSON.stringify(x), big, S.scaleRounds, S.scaleMs * 4);
  results.big_prompt = { ...side, ratio: side.ours_us / side.peer_us, target_ratio: 2 };
  h("A 16 MiB prompt built into a request, against JSON.stringify of it");
  table(
    ["", "ours ms", "JSON.stringify ms", "ours/peer", "target", ""],
    [["build (16 MiB prompt)", (side.ours_us / 1000).toFixed(1), (side.peer_us / 1000).toFixed(1), x2(side.ours_us / side.peer_us), "<= 2.00x", side.ours_us / side.peer_us <= 2 ? "met" : "missed"]],
  );
}

// ---------------------------------------------------------------- 7. hostile scale
// Inputs a hostile caller sends; each must answer (a failure, never a throw)
// in time proportional to what it could mean, with memory bounded. Budgets
// are per call; they are reported, never asserted (make test checks the answers).
{
  const sparse = { prompt: "p", promptAttachments: [] };
  sparse.promptAttachments.length = 1e7;
  const holes = { prompt: "p", promptAttachments: new Array(3e6) };
  const emptyTitles = { prompt: "p", promptAttachments: Array.from({ length: 1e5 }, () => ({ title: "", data: null })) };
  const rows = [
    ["sparse promptAttachments, length 1e7", sparse, 50],
    ["3,000,000 holes", holes, 50],
    ["100,000 empty titles", emptyTitles, 1000],
  ];
  results.hostile = {};
  const out = [];
  for (const [label, input, budgetMs] of rows) {
    // Five calls: the median is the figure (one call alone may take a
    // garbage collection or a recompilation left by the sections above).
    const times = [];
    let r;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      r = ours.validateCreateAgentSession(input);
      times.push(performance.now() - t0);
    }
    const first = times[0];
    const ms = [...times].sort((x, y) => x - y)[2];
    const last = r.success ? null : r.issues.at(-1);
    results.hostile[label] = { ms, first_ms: first, budget_ms: budgetMs, issues: r.success ? 0 : r.issues.length, last_code: last?.code };
    out.push([label, ms.toFixed(1), first.toFixed(1), `<= ${budgetMs}`, ms <= budgetMs ? "met" : "missed", r.success ? "ACCEPTED (wrong)" : `${r.issues.length} issues, last ${last.code}`]);
  }
  h("Hostile scale (ms per call: the median of 5 calls, and the first call)");
  table(["input", "ms", "first ms", "budget ms", "", "answer"], out);
}

// ---------------------------------------------------------------- save
const elapsed = (performance.now() - started) / 1000;
const report = {
  date: new Date().toISOString(),
  quick: QUICK,
  settings: S,
  node: process.version,
  cpu: `${os.cpus().length} x ${cpu}`,
  versions: { ours: OUR_VERSION, peer: PEER_VERSION, zod: ZOD_VERSION },
  units: "us per call unless the key says ms or bytes; speedup = peer time / our time",
  ...results,
  elapsed_s: elapsed,
  sink: SINK,
};
writeFileSync(OUT_JSON, JSON.stringify(report, null, 2) + "\n");
console.log(`\nwrote ${relative(process.cwd(), OUT_JSON) || OUT_JSON} (${elapsed.toFixed(1)} s)`);
