#!/usr/bin/env node
// Leak check: a million calls (validate, build, parse as text and as object,
// toCurl, isTimestamp, and the lifecycle's four builders and two parsers) on
// valid, invalid and hostile input, in phases, with
// the WebAssembly memory size (the wasm memory buffer's byteLength), the wasm
// tables' lengths (wasm-bindgen keeps JS values in an externref table) and the
// process RSS and JS heap reported after each phase (after a full GC).
//
// Exits 1 if the wasm memory or a wasm table still grows after the warm-up
// phases: with the same inputs cycling, a module that frees what it allocates
// reaches its high-water mark during warm-up and stays there.
//
// usage: node scripts/proof/leak-check.mjs [calls] [--phases=N] [--warmup=N]
//          [--without-throwing]
//   calls defaults to 1,000,000; phases to 10; warm-up phases to 2.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";

// A full GC between phases makes the JS figures comparable; re-run with it.
if (typeof globalThis.gc !== "function") {
  const r = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}

// Catch the instance the package creates, to read its memory and tables. The
// node glue instantiates synchronously with `new WebAssembly.Instance`; the
// async paths are covered too in case the package changes.
const instances = [];
const OriginalInstance = WebAssembly.Instance;
WebAssembly.Instance = new Proxy(OriginalInstance, {
  construct(target, args, newTarget) {
    const instance = Reflect.construct(target, args, newTarget);
    instances.push(instance);
    return instance;
  },
});
const originalInstantiate = WebAssembly.instantiate;
WebAssembly.instantiate = async (...args) => {
  const result = await originalInstantiate.apply(WebAssembly, args);
  instances.push(result.instance ?? result);
  return result;
};

const pkg = await import("membrane-agent-session");
const { generateRequest, generateResponse } = await import("../../tests/js/support/generate.mjs");
const { createRandom } = await import("../../tests/js/support/prng.mjs");
WebAssembly.Instance = OriginalInstance;
WebAssembly.instantiate = originalInstantiate;

const exportsOf = instances.map((i) => i.exports);
const memories = exportsOf.flatMap((e) => Object.values(e).filter((v) => v instanceof WebAssembly.Memory));
const tables = exportsOf.flatMap((e) => Object.entries(e).filter(([, v]) => v instanceof WebAssembly.Table));
if (memories.length === 0) {
  console.error("leak-check: could not reach the package's WebAssembly memory");
  process.exit(2);
}

const args = process.argv.slice(2);
const option = (name, fallback) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const CALLS = Number((args.find((a) => !a.startsWith("--")) ?? "1000000").replace(/[_,]/g, ""));
const PHASES = option("phases", 10);
const WARMUP = option("warmup", 2);

// ---- the inputs, made once and cycled ----------------------------------------
const r = createRandom("leak-check");
const requests = Array.from({ length: 300 }, () => generateRequest(r).input);
const responses = Array.from({ length: 300 }, () => generateResponse(r).text);
const responseObjects = responses.flatMap((t) => {
  try {
    const v = JSON.parse(t);
    return typeof v === "string" ? [] : [v];
  } catch {
    return [];
  }
});
const deep = (n, make) => { let v = 1; for (let i = 0; i < n; i++) v = make(v); return v; };
const cyclic = { a: 1 }; cyclic.self = cyclic;
// --without-throwing leaves out the inputs whose reading throws (a getter, a
// proxy trap), to tell a leak on that path from one elsewhere.
const WITHOUT_THROWING = args.includes("--without-throwing");
const boom = WITHOUT_THROWING ? { prompt: 5 } : Object.defineProperty({}, "prompt", { get() { throw new Error("getter"); }, enumerable: true });
const trap = WITHOUT_THROWING ? { token: 5 } : new Proxy({}, { get() { throw new Error("trap"); }, ownKeys() { throw new Error("trap"); }, getOwnPropertyDescriptor() { throw new Error("trap"); } });
const hostileRequests = [
  { prompt: "x", promptAttachments: [{ title: "t", data: deep(1500, (v) => [v]) }] },
  { prompt: "x", promptAttachments: [{ title: "t", data: deep(1500, (v) => ({ a: v })) }] },
  { prompt: "x", promptAttachments: [{ title: "t", data: cyclic }] },
  { prompt: 10n, promptAttachments: [{ title: "t", data: [1n, () => 1, Symbol("s")] }] },
  boom, trap, null, undefined, "text", 42, [1, 2], new Map(), new Date(0),
  { prompt: "a\uD800b", [`k\uDC00`]: 1 },
  { prompt: "p".repeat(16 * 1024) + "😀" },
  JSON.parse('{"prompt":"x","__proto__":{"y":1}}'),
  Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`key${i}`, i])),
];
const hostileTexts = [
  "[".repeat(1500) + "]".repeat(1500), '{"output":' + '{"a":'.repeat(1500) + "1" + "}".repeat(1501),
  '{"cost":1e400,"output":{"x":-1e400}}', '{"id":"\\ud800"}', "\uFEFF{}", "{", "", "x".repeat(20_000),
  `{${'"k":1,'.repeat(200)}"k":2}`, '{"id":"a","id":"b"}',
];
const tokens = ["tok_leak_check_0123456789", "bad token\r\n", "", "tök", 12345];
const baseUrls = [undefined, "https://h.example/v1/", "http://localhost:8080", "https://u:p@h.example", "ftp://x", "https://h.example/?q"];
const timestamps = ["2024-02-29T23:59Z", "2023-02-29T00:00:00Z", "2020-01-01T00:00:00.123456789Z", "x", "", 5, null];
const built = pkg.buildCreateAgentSessionRequest({ prompt: "x" }, { token: tokens[0] }).data;

// The session lifecycle: params (valid, invalid, hostile), list pages and interrupt answers.
const lifecycle = ["buildGetAgentSessionRequest", "buildListAgentSessionsRequest", "buildSendAgentSessionMessageRequest",
  "buildInterruptAgentSessionRequest", "parseAgentSessionList", "parseInterruptAgentSessionResponse"];
const missing = lifecycle.filter((name) => typeof pkg[name] !== "function");
if (missing.length > 0) {
  console.error(`leak-check: the package does not export ${missing.join(", ")}`);
  process.exit(2);
}
const getParams = [
  { id: "s1" }, { id: "s 1", wait: true, timeout: 30 }, { id: "../x", wait: false }, { id: "é😀?#%" }, { id: "." },
  { id: "", timeout: 0 }, { id: "s", timeout: 1.5 }, { id: "s", timeout: 30n }, { id: "a\uD800" }, { id: "s", timout: 30 },
  boom, trap, null, { id: deep(1500, (v) => [v]) },
];
const listParams = [{}, { limit: 100, cursor: "abc", workspaceElementType: "connector" }, { cursor: "a&b=c d" }, { limit: 0 },
  { limit: 1001, cursor: "", workspaceElementType: "Connector" }, { cursor: "x\uDC00" }, "text", cyclic];
const sendParams = [
  { id: "s", input: "hello" }, { id: "s/1", input: "", synthetic: true, attachments: [{ title: "t", data: { k: [1, null] } }] },
  { id: "s", input: "x", attachments: [{ title: "t", data: deep(1500, (v) => ({ a: v })) }] },
  { id: "s", input: "x", attachments: [{ title: "t", data: cyclic }] }, { id: "s" }, { id: "s", input: 5n, attachments: {} },
  { id: "s", input: "p".repeat(16 * 1024) },
];
const interruptParams = [{ id: "s1" }, { id: ".." }, { id: "s", wait: true }, [], boom];
const pageItem = (i) => `{"id":"as_${i}","workspaceId":"w","workspaceElementId":"e","type":"t","status":"running","prompt":"p","lastActivityAt":"2025-01-01T10:00Z","hasWorker":true,"createdAt":"2025-01-01T10:00Z","updatedAt":"2025-01-01T10:00Z","extra":${i}}`;
const pageTexts = [
  `{"items":[${Array.from({ length: 50 }, (_, i) => pageItem(i)).join(",")}],"cursor":"next"}`,
  `{"items":[${pageItem(1)},{"id":1}],"cursor":5}`, '{"items":{}}', "{", '{"items":[' + "[".repeat(1500) + "]".repeat(1500) + "]}",
  `{"items":[${pageItem(2).replace('"p"', '"\ud800"')}]}`,
];
const pageObjects = pageTexts.flatMap((t) => { try { return [JSON.parse(t)]; } catch { return []; } }).concat([{ items: [cyclic] }, { items: boom }]);
const interruptAnswers = ['{"interrupted":true}', '{"interrupted":false,"x":1}', "{}", '{"interrupted":"yes"}', "", { interrupted: true }, { interrupted: 1n }, trap];
const getRequest = pkg.buildGetAgentSessionRequest({ id: "s", wait: true, timeout: 30 }, { token: tokens[0] }).data;
const interruptRequest = pkg.buildInterruptAgentSessionRequest({ id: "s" }, { token: tokens[0] }).data;

function lifecycleCall(i, k) {
  const options = { token: tokens[i % tokens.length], baseUrl: baseUrls[i % baseUrls.length] };
  switch (k) {
    case 16: return pkg.buildGetAgentSessionRequest(getParams[i % getParams.length], options);
    case 17: return pkg.buildListAgentSessionsRequest(listParams[i % listParams.length], i % 7 ? options : trap);
    case 18: return pkg.buildSendAgentSessionMessageRequest(sendParams[i % sendParams.length], options);
    case 19: return pkg.buildInterruptAgentSessionRequest(interruptParams[i % interruptParams.length], options);
    case 20: return pkg.parseAgentSessionList(pageTexts[i % pageTexts.length]);
    case 21: return pkg.parseAgentSessionList(pageObjects[i % pageObjects.length]);
    case 22: return pkg.parseInterruptAgentSessionResponse(interruptAnswers[i % interruptAnswers.length]);
    default:
      try {
        return pkg.toCurl(i % 3 === 0 ? interruptRequest : i % 5 === 0 ? { ...getRequest, method: 5 } : getRequest, { revealToken: i % 2 === 0 });
      } catch (error) {
        return error;
      }
  }
}

let sink = 0;
function call(i) {
  const k = i % 24;
  let out;
  if (k >= 16) out = lifecycleCall(i, k);
  else if (k < 4) out = pkg.validateCreateAgentSession(requests[i % requests.length]);
  else if (k < 6) out = pkg.buildCreateAgentSessionRequest(requests[i % requests.length], { token: tokens[i % tokens.length], baseUrl: baseUrls[i % baseUrls.length] });
  else if (k < 9) out = pkg.parseAgentSession(responses[i % responses.length]);
  else if (k < 11) out = pkg.parseAgentSession(responseObjects[i % responseObjects.length]);
  else if (k === 11) out = pkg.validateCreateAgentSession(hostileRequests[i % hostileRequests.length]);
  else if (k === 12) out = pkg.parseAgentSession(hostileTexts[i % hostileTexts.length]);
  else if (k === 13) {
    try {
      out = pkg.toCurl(i % 5 === 0 ? { ...built, url: 5 } : built, { revealToken: i % 2 === 0 });
    } catch (error) {
      out = error;
    }
  } else if (k === 14) out = pkg.isTimestamp(timestamps[i % timestamps.length]);
  else out = pkg.buildCreateAgentSessionRequest(hostileRequests[i % hostileRequests.length], i % 3 ? trap : { token: tokens[0] });
  sink += out === undefined ? 0 : 1;
}

const mib = (n) => (n / 1048576).toFixed(1).padStart(7);
function measure() {
  globalThis.gc();
  globalThis.gc();
  const m = process.memoryUsage();
  return {
    wasm: memories.reduce((s, mem) => s + mem.buffer.byteLength, 0),
    tables: tables.map(([, t]) => t.length),
    // Slots holding a value: wasm-bindgen frees a slot by clearing it.
    live: tables.map(([, t]) => {
      let n = 0;
      for (let i = 0; i < t.length; i++) if (t.get(i) != null) n++;
      return n;
    }),
    rss: m.rss,
    heap: m.heapUsed,
    external: m.external,
  };
}
const show = (label, s) =>
  `${label.padEnd(10)} wasm memory ${mib(s.wasm)} MiB   wasm tables [${s.tables.map((len, j) => `${s.live[j]} live of ${len}`).join(", ")}]   RSS ${mib(s.rss)} MiB   JS heap ${mib(s.heap)} MiB   external ${mib(s.external)} MiB`;

console.log(`leak check: ${CALLS} calls in ${PHASES} phases (${WARMUP} of warm-up)${WITHOUT_THROWING ? ", without throwing getters and traps" : ""}; ${memories.length} wasm memory, tables: ${tables.map(([n]) => n).join(", ") || "none"}`);
const before = measure();
console.log(show("before", before));
const after = [];
const started = Date.now();
const perPhase = Math.ceil(CALLS / PHASES);
let done = 0;
for (let phase = 1; phase <= PHASES; phase++) {
  const end = Math.min(CALLS, done + perPhase);
  for (; done < end; done++) call(done);
  after.push(measure());
  console.log(show(`phase ${phase}`, after[after.length - 1]) + (phase === WARMUP ? "   <- end of warm-up" : ""));
}
const secs = (Date.now() - started) / 1000;

const warm = after[WARMUP - 1];
const last = after[after.length - 1];
const grewAfterWarmup = after.slice(WARMUP).filter((s, i) => s.wasm > after[WARMUP - 1 + i].wasm).length;
const tablesGrew = after.slice(WARMUP).some((s, i) => s.tables.some((len, j) => len > after[WARMUP - 1 + i].tables[j]));
console.log(`calls: ${done} in ${secs.toFixed(1)} s (${((secs * 1e6) / done).toFixed(2)} µs per call; ${sink} answers)`);
console.log(`wasm memory: before ${mib(before.wasm)} MiB, after warm-up ${mib(warm.wasm)} MiB, at the end ${mib(last.wasm)} MiB; grew in ${grewAfterWarmup} of ${PHASES - WARMUP} phases after warm-up`);
console.log(`RSS: before ${mib(before.rss)} MiB, at the end ${mib(last.rss)} MiB; JS heap: before ${mib(before.heap)} MiB, at the end ${mib(last.heap)} MiB`);
console.log(`V8 heap limit ${mib(v8.getHeapStatistics().heap_size_limit)} MiB`);
if (grewAfterWarmup > 0 || tablesGrew) {
  console.log(`FAIL: ${grewAfterWarmup ? "the wasm memory" : ""}${grewAfterWarmup && tablesGrew ? " and " : ""}${tablesGrew ? "a wasm table" : ""} kept growing after warm-up`);
  process.exit(1);
}
console.log("OK: the wasm memory and tables stayed flat after warm-up");
