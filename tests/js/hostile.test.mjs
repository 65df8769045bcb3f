// Hostile input, through the built package in Node. SPEC: validate…, build…
// and parse… never throw, whatever they are given; after any input the module
// keeps working; strings reach the output exactly (a lone surrogate is kept or
// reported, never replaced by U+FFFD); "any JSON value" is what JSON.stringify
// carries faithfully; deep nesting is handled or reported, never a stack
// overflow; response text means what JSON.parse says it means.
//
// Every call goes through ./support/package.mjs, which fails the test if a
// call throws, if an answer is not a well-formed Result, or if a message holds
// a token. Every case ends by checking the module still works (assertStillWorks).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { after, test } from "node:test";
import { inspect } from "node:util";
import {
  assertNoTokenLeaks, assertStillWorks, build, buildGet, buildInterrupt, buildList, buildSend, GOOD_REQUEST, GOOD_RESPONSE_TEXT,
  parseInterrupt, parseList,
  observedStats, parse, pkg, toCurl, validate,
} from "./support/package.mjs";

const GOOD_RESPONSE = JSON.parse(GOOD_RESPONSE_TEXT);
const TOKEN = "hostile-test-token-5f0c1e"; // distinctive: the wrapper checks no message holds it
const OPTIONS = { token: TOKEN };

/** A test that, whatever happens inside, ends by checking the module still works. */
function hostile(name, fn) {
  test(name, async () => {
    try {
      await fn();
    } finally {
      assertStillWorks(name);
    }
  });
}

const show = (v) => inspect(v, { depth: 2, breakLength: Infinity }).slice(0, 200);
const issueAt = (result, path) => !result.success && result.issues.some((i) => JSON.stringify(i.path) === JSON.stringify(path));
const issuePathStartsWith = (issue, prefix) => prefix.every((p, i) => issue.path[i] === p);

/** No string in `value` (keys included, issue paths included) contains U+FFFD. */
function assertNoReplacementCharacter(value, where, seen = new Set()) {
  if (typeof value === "string") {
    assert.ok(!value.includes("\uFFFD"), `${where}: U+FFFD appeared in ${JSON.stringify(value).slice(0, 200)}`);
    return;
  }
  if (value === null || typeof value !== "object" || seen.has(value)) return;
  seen.add(value);
  for (const [k, v] of Object.entries(value)) {
    assert.ok(!k.includes("\uFFFD"), `${where}: U+FFFD appeared in the key ${JSON.stringify(k)}`);
    assertNoReplacementCharacter(v, where, seen);
  }
}

/** Every JS kind of value that is not a usable request/options object. */
function everyKind() {
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();
  return [
    ["undefined", undefined], ["null", null], ["true", true], ["false", false], ["0", 0], ["-0", -0],
    ["1.5", 1.5], ["NaN", NaN], ["Infinity", Infinity], ["-Infinity", -Infinity], ["bigint", 10n],
    ["empty string", ""], ["string", "prompt"], ["JSON text", JSON.stringify(GOOD_REQUEST)],
    ["symbol", Symbol("s")], ["well-known symbol", Symbol.iterator],
    ["function", function prompt() {}], ["arrow", () => GOOD_REQUEST], ["async function", async () => {}],
    ["generator function", function* g() {}], ["class", class Request {}], ["native function", Math.max],
    ["bound function", function f() {}.bind(null)],
    ["empty array", []], ["array of a good request", [GOOD_REQUEST]], ["sparse array", new Array(5)],
    ["typed array", new Uint8Array([123, 125])], ["ArrayBuffer", new ArrayBuffer(8)], ["DataView", new DataView(new ArrayBuffer(2))],
    ["Date", new Date(0)], ["invalid Date", new Date(NaN)], ["RegExp", /prompt/g], ["Map", new Map([["prompt", "x"]])],
    ["Set", new Set(["prompt"])], ["WeakMap", new WeakMap()], ["WeakSet", new WeakSet()], ["WeakRef", new WeakRef({})],
    ["Promise", Promise.resolve(GOOD_REQUEST)], ["Error", Object.assign(new Error("x"), { prompt: 5 })],
    ["boxed string", new String("prompt")], ["boxed number", new Number(1)], ["boxed boolean", new Boolean(true)],
    ["boxed bigint", Object(1n)], ["boxed symbol", Object(Symbol("s"))],
    ["globalThis", globalThis], ["JSON", JSON], ["Math", Math], ["Reflect", Reflect], ["Atomics", Atomics],
    ["arguments", (function () { return arguments; })(1, 2)],
    ["function proxy", new Proxy(function () {}, {})], ["revoked proxy", revocable.proxy],
    ["class instance with a prompt field", new (class { prompt = 5; })()],
  ];
}

hostile("non-objects of every JS kind as the request, the options, the response and the HttpRequest", () => {
  let curlThrew = 0;
  for (const [name, value] of everyKind()) {
    const v = validate(value);
    assert.equal(v.success, false, `validate(${name}) accepted`);
    const b = build(value, OPTIONS);
    assert.equal(b.success, false, `build(${name}, options) accepted`);
    const o = build(GOOD_REQUEST, value);
    assert.equal(o.success, false, `build(good, ${name}) accepted`);
    assert.ok(o.issues.every((i) => i.path[0] === "options"), `build(good, ${name}): an issue outside options`);
    const p = parse(value);
    assert.equal(p.success, false, `parse(${name}) accepted`);
    for (const is of ["isTimestamp", "isWorkspaceElementType", "isModelId", "isAgentName", "isAgentSessionStatus", "isAgentSessionState"]) {
      assert.equal(pkg[is](value), false, `${is}(${name})`);
    }
    // toCurl may throw, but only a TypeError, and the wrapper checks its text for the token.
    try {
      toCurl(value);
      assert.fail(`toCurl(${name}) answered for a non-HttpRequest`);
    } catch (error) {
      if (error instanceof assert.AssertionError) throw error;
      assert.ok(error instanceof TypeError, `toCurl(${name}) threw ${String(error)}, not a TypeError`);
      curlThrew++;
    }
    // and as toCurl's options: the token shows only for { revealToken: true }.
    const request = build(GOOD_REQUEST, OPTIONS).data;
    try {
      const out = toCurl(request, value);
      assert.ok(!out.includes(TOKEN), `toCurl(request, ${name}) revealed the token`);
    } catch (error) {
      if (error instanceof assert.AssertionError) throw error;
      assert.ok(error instanceof TypeError, `toCurl(request, ${name}) threw ${String(error)}`);
    }
  }
  assert.ok(curlThrew > 0);
  // No arguments at all, and too many.
  assert.equal(validate().success, false);
  assert.equal(parse().success, false);
  assert.equal(build().success, false);
  assert.equal(build(GOOD_REQUEST).success, false);
  assert.equal(validate(GOOD_REQUEST, "extra", 1).success, true);
});

hostile("lone surrogates in every string place are kept exactly or reported, never replaced by U+FFFD", () => {
  const lone = ["\uD800", "a\uDC00", "\uDBFFz", "x\uD83D", "\uDE00y", "\uDC00\uD800"];
  for (const s of lone) {
    const places = [
      [{ ...GOOD_REQUEST, prompt: s }, ["prompt"]],
      [{ ...GOOD_REQUEST, workspaceElementId: s }, ["workspaceElementId"]],
      [{ ...GOOD_REQUEST, testCustomerId: s }, ["testCustomerId"]],
      [{ ...GOOD_REQUEST, modelId: s }, ["modelId"]],
      [{ ...GOOD_REQUEST, promptAttachments: [{ title: s, data: null }] }, ["promptAttachments", 0, "title"]],
      [{ ...GOOD_REQUEST, promptAttachments: [{ title: "t", data: { deep: [s] } }] }, ["promptAttachments", 0, "data", "deep", 0]],
      // A key is reported at the object holding it: naming it would alter it.
      [{ ...GOOD_REQUEST, promptAttachments: [{ title: "t", data: { [s]: 1 } }] }, ["promptAttachments", 0, "data"]],
      [{ ...GOOD_REQUEST, [s]: 1 }, []],
    ];
    for (const [input, path] of places) {
      const where = `lone surrogate ${JSON.stringify(s)} at ${JSON.stringify(path)}`;
      const v = validate(input);
      assertNoReplacementCharacter(v, `validate, ${where}`);
      if (v.success) {
        assert.deepStrictEqual(v.data, input, `${where}: accepted but changed`);
      } else {
        // Reported, at its exact path (for a key: at its object, never with U+FFFD in the path).
        assert.ok(issueAt(v, path) || (path.length === 0 && issueAt(v, [s])), `${where}: not reported at its path: ${JSON.stringify(v.issues)}`);
      }
      const b = build(input, OPTIONS);
      assertNoReplacementCharacter(b, `build, ${where}`);
      assert.equal(b.success, v.success, `${where}: build and validate disagree`);
      if (b.success) {
        assert.equal(b.data.body, JSON.stringify(v.data));
        assert.deepStrictEqual(JSON.parse(b.data.body), input, `${where}: the body does not carry the string exactly`);
      }
    }
    // In a response: as an object, as raw text holding the lone surrogate, and as a \u escape in the text.
    for (const [response, path] of [
      [{ ...GOOD_RESPONSE, title: s }, ["title"]],
      [{ ...GOOD_RESPONSE, output: { list: [s] } }, ["output", "list", 0]],
      [{ ...GOOD_RESPONSE, output: { [s]: true } }, ["output"]],
      [{ ...GOOD_RESPONSE, error: { message: s } }, ["error", "message"]],
    ]) {
      const rawText = JSON.stringify(response).replace(/\\u(d[89a-f][0-9a-f]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16)));
      const escapedText = JSON.stringify(response);
      assert.ok(escapedText.includes("\\ud") || escapedText.includes("\\uD"), "JSON.stringify escapes lone surrogates");
      for (const [form, input] of [["object", response], ["raw text", rawText], ["escaped text", escapedText]]) {
        const where = `response (${form}) with ${JSON.stringify(s)} at ${JSON.stringify(path)}`;
        const r = parse(input);
        assertNoReplacementCharacter(r, where);
        if (r.success) {
          assert.deepStrictEqual(r.data, { state: "busy", ...response }, `${where}: accepted but changed`);
        } else {
          assert.ok(issueAt(r, path), `${where}: not reported at its path: ${JSON.stringify(r.issues)}`);
        }
      }
    }
  }
  // Tokens and base URLs with lone surrogates are rejected (they are not printable ASCII / not URLs).
  assert.ok(issueAt(build(GOOD_REQUEST, { token: `${TOKEN}\uD800` }), ["options", "token"]));
  const u = build(GOOD_REQUEST, { token: TOKEN, baseUrl: "https://h.example/\uD800" });
  assertNoReplacementCharacter(u, "baseUrl with a lone surrogate");
});

function nested(depth, kind, leaf = 1) {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = kind === "array" ? [v] : { a: v };
  return v;
}
function nestedText(depth, kind) {
  return kind === "array" ? "[".repeat(depth) + "1" + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}
/** A deep input is either accepted or reported with too_big inside the place it was put. */
function assertDeepHandled(result, prefix, where) {
  if (result.success) return "handled";
  const deep = result.issues.filter((i) => i.code === "too_big");
  assert.ok(deep.length > 0, `${where}: rejected without a too_big issue: ${JSON.stringify(result.issues).slice(0, 300)}`);
  for (const i of deep) {
    assert.ok(issuePathStartsWith(i, prefix), `${where}: too_big at ${JSON.stringify(i.path.slice(0, 6))}…, outside ${JSON.stringify(prefix)}`);
    assert.equal(typeof i.maximum, "number", `${where}: too_big without its maximum`);
  }
  return `reported past depth ${deep[0].maximum}`;
}

hostile("attachment data and response output nested 100,000 deep (arrays and objects, objects and text)", () => {
  const outcomes = [];
  for (const kind of ["array", "object"]) {
    const data = nested(100_000, kind);
    const req = { prompt: "x", promptAttachments: [{ title: "t", data }] };
    outcomes.push(`data ${kind}: ${assertDeepHandled(validate(req), ["promptAttachments", 0, "data"], `validate, data ${kind}`)}`);
    assertDeepHandled(build(req, OPTIONS), ["promptAttachments", 0, "data"], `build, data ${kind}`);
    const resp = { ...GOOD_RESPONSE, output: { deep: nested(100_000, kind) } };
    outcomes.push(`output ${kind} object: ${assertDeepHandled(parse(resp), ["output"], `parse object, output ${kind}`)}`);
    const text = GOOD_RESPONSE_TEXT.slice(0, -1) + `,"output":{"deep":${nestedText(100_000, kind)}}}`;
    outcomes.push(`output ${kind} text: ${assertDeepHandled(parse(text), ["output"], `parse text, output ${kind}`)}`);
    // Ignored (unknown) keys must not be a way around the limit either.
    const unknown = GOOD_RESPONSE_TEXT.slice(0, -1) + `,"serverExtra":${nestedText(100_000, kind)}}`;
    const u = parse(unknown);
    if (!u.success) assertDeepHandled(u, [], "unknown deep key");
    // Deep error.data, and error.causedByError chained 100,000 times (ErrorData is recursive).
    assertDeepHandled(parse({ ...GOOD_RESPONSE, error: { message: "m", data: nested(100_000, kind) } }), ["error"], "error.data");
    // A whole text that is only nesting.
    const only = parse(nestedText(100_000, kind));
    assert.equal(only.success, false);
  }
  let chain = { message: "bottom" };
  for (let i = 0; i < 100_000; i++) chain = { message: `m${i}`, causedByError: chain };
  assertDeepHandled(parse({ ...GOOD_RESPONSE, error: chain }), ["error"], "causedByError chain object");
  const chainText = GOOD_RESPONSE_TEXT.slice(0, -1) + ',"error":' + '{"message":"m","causedByError":'.repeat(100_000) + '{"message":"b"}' + "}".repeat(100_000) + "}";
  assertDeepHandled(parse(chainText), ["error"], "causedByError chain text");
  // Moderate depth is accepted ("handled"), and kept.
  const moderate = nested(200, "array");
  const m = validate({ prompt: "x", promptAttachments: [{ title: "t", data: moderate }] });
  assert.equal(m.success, true, `depth 200 rejected: ${JSON.stringify(m.issues?.[0])}`);
  assert.deepStrictEqual(m.data.promptAttachments[0].data, moderate);
  console.log(`deep nesting: ${outcomes.join("; ")}`);
});

hostile("cycles are issues at their path; a shared (acyclic) object is fine", () => {
  const selfRef = { a: 1 };
  selfRef.me = selfRef;
  const arr = [1];
  arr.push(arr);
  const a = { name: "a" };
  const b = { name: "b", a };
  a.b = b;
  for (const [data, name] of [[selfRef, "object"], [arr, "array"], [a, "two objects"]]) {
    const v = validate({ prompt: "x", promptAttachments: [{ title: "t", data }] });
    assert.equal(v.success, false, `cycle (${name}) accepted`);
    assert.ok(v.issues.every((i) => issuePathStartsWith(i, ["promptAttachments", 0, "data"])), `cycle (${name}) reported outside data`);
    const p = parse({ ...GOOD_RESPONSE, output: { data } });
    assert.equal(p.success, false);
    assert.ok(p.issues.every((i) => issuePathStartsWith(i, ["output", "data"])));
  }
  const err = { message: "loop" };
  err.causedByError = err;
  assert.equal(parse({ ...GOOD_RESPONSE, error: err }).success, false);
  const shared = { big: [1, 2, 3] };
  const ok = validate({ prompt: "x", promptAttachments: [{ title: "t", data: { x: shared, y: shared, z: [shared, shared] } }] });
  assert.equal(ok.success, true, `a shared object is not a cycle: ${JSON.stringify(ok.issues)}`);
  const list = { title: "same", data: null };
  assert.equal(validate({ prompt: "x", promptAttachments: [list, list] }).success, true);
});

hostile("BigInt anywhere is an issue at its path", () => {
  const cases = [
    [{ ...GOOD_REQUEST, prompt: 1n }, ["prompt"]],
    [{ ...GOOD_REQUEST, isExternal: 0n }, ["isExternal"]],
    [{ ...GOOD_REQUEST, promptAttachments: [{ title: "t", data: 1n }] }, ["promptAttachments", 0, "data"]],
    [{ ...GOOD_REQUEST, promptAttachments: [{ title: "t", data: { a: [2n ** 64n] } }] }, ["promptAttachments", 0, "data", "a", 0]],
  ];
  for (const [input, path] of cases) {
    const v = validate(input);
    assert.ok(issueAt(v, path), `BigInt at ${JSON.stringify(path)}: ${JSON.stringify(v.issues ?? v.data, (_, x) => (typeof x === "bigint" ? `${x}n` : x))}`);
    assert.ok(issueAt(build(input, OPTIONS), path));
  }
  assert.ok(issueAt(parse({ ...GOOD_RESPONSE, cost: 1n }), ["cost"]));
  assert.ok(issueAt(parse({ ...GOOD_RESPONSE, output: { n: 1n } }), ["output", "n"]));
  assert.ok(issueAt(build(GOOD_REQUEST, { token: 12345678901234567890n }), ["options", "token"]));
  assert.ok(issueAt(build(GOOD_REQUEST, { token: TOKEN, baseUrl: 1n }), ["options", "baseUrl"]));
});

hostile("functions, symbols, NaN, Infinity, undefined in arrays, Dates, Maps and toJSON in data are issues", () => {
  const cases = [
    [() => 1, []], [Symbol("s"), []], [NaN, []], [Infinity, []], [-Infinity, []],
    [[1, undefined, 3], [1]], [new Date(0), []], [new Map(), []], [new Set([1]), []], [new Uint8Array(2), []],
    // JSON.stringify would call toJSON: the object, or its function, is the problem.
    [{ toJSON: () => "sneaky" }, ["toJSON"], []],
  ];
  for (const [data, sub, alternative] of cases) {
    const path = ["promptAttachments", 0, "data", ...sub];
    const v = validate({ prompt: "x", promptAttachments: [{ title: "t", data }] });
    const found = issueAt(v, path) || (alternative && issueAt(v, ["promptAttachments", 0, "data", ...alternative]));
    assert.ok(found, `data ${show(data)}: expected an issue at ${JSON.stringify(path)}, got ${JSON.stringify(v.success ? v.data : v.issues)}`);
  }
  // An object with a custom prototype: refused, or taken by its own properties
  // only (what JSON.stringify carries), never with the inherited ones.
  const derived = Object.assign(Object.create({ inherited: 1 }), { own: 1 });
  const d = validate({ prompt: "x", promptAttachments: [{ title: "t", data: derived }] });
  if (d.success) assert.deepStrictEqual(d.data.promptAttachments[0].data, { own: 1 });
  else assert.ok(issueAt(d, ["promptAttachments", 0, "data"]), JSON.stringify(d.issues));
  // A key whose value is undefined is absent, in data too.
  const u = validate({ prompt: "x", promptAttachments: [{ title: "t", data: { a: undefined, b: 1 } }] });
  assert.equal(u.success, true);
  assert.deepStrictEqual(u.data.promptAttachments[0].data, { b: 1 });
  // A null-prototype object is plain data.
  const bare = Object.assign(Object.create(null), { k: "v" });
  const n = validate({ prompt: "x", promptAttachments: [{ title: "t", data: bare }] });
  assert.equal(n.success, true, `null-prototype data rejected: ${JSON.stringify(n.issues)}`);
  assert.deepEqual({ ...n.data.promptAttachments[0].data }, { k: "v" });
});

hostile("getters that throw, getters that change their answer, and Proxies whose traps throw", () => {
  const boom = () => { throw new Error(`getter exploded ${TOKEN}`); };
  const getterInputs = [
    ["prompt getter", Object.defineProperty({}, "prompt", { get: boom, enumerable: true }), ["prompt"]],
    ["attachments getter", Object.defineProperty({ prompt: "x" }, "promptAttachments", { get: boom, enumerable: true }), ["promptAttachments"]],
    ["data getter", { prompt: "x", promptAttachments: [Object.defineProperty({ title: "t" }, "data", { get: boom, enumerable: true })] }, ["promptAttachments", 0, "data"]],
    ["nested data getter", { prompt: "x", promptAttachments: [{ title: "t", data: { deep: Object.defineProperty({}, "x", { get: boom, enumerable: true }) } }] }, ["promptAttachments", 0, "data", "deep", "x"]],
    ["array index getter", { prompt: "x", promptAttachments: Object.defineProperty([], 0, { get: boom, enumerable: true }) }, ["promptAttachments", 0]],
  ];
  for (const [name, input, path] of getterInputs) {
    const v = validate(input);
    assert.equal(v.success, false, `${name} accepted`);
    assert.ok(issueAt(v, path), `${name}: no issue at ${JSON.stringify(path)}: ${JSON.stringify(v.issues)}`);
    assert.equal(build(input, OPTIONS).success, false);
  }
  // A getter read twice would let the validated value and the sent value differ.
  let reads = 0;
  const shifty = Object.defineProperty({}, "prompt", { get: () => (reads++ === 0 ? "checked" : 12345), enumerable: true });
  const s = build(shifty, OPTIONS);
  if (s.success) assert.equal(JSON.parse(s.data.body).prompt, "checked", "the body holds a value that was never validated");
  // Options and responses with throwing getters.
  assert.ok(issueAt(build(GOOD_REQUEST, Object.defineProperty({}, "token", { get: boom, enumerable: true })), ["options", "token"]));
  assert.ok(issueAt(build(GOOD_REQUEST, Object.defineProperty({ token: TOKEN }, "baseUrl", { get: boom, enumerable: true })), ["options", "baseUrl"]));
  assert.ok(issueAt(parse(Object.defineProperty({ ...GOOD_RESPONSE }, "id", { get: boom, enumerable: true })), ["id"]));

  const trapsThrow = {};
  for (const trap of ["get", "has", "ownKeys", "getOwnPropertyDescriptor", "getPrototypeOf", "isExtensible", "preventExtensions", "defineProperty", "set", "deleteProperty", "apply", "construct", "setPrototypeOf"]) {
    trapsThrow[trap] = () => { throw new Error(`trap ${trap} ${TOKEN}`); };
  }
  const proxies = [
    ["request", new Proxy({ ...GOOD_REQUEST }, trapsThrow)],
    ["request whose ownKeys lies", new Proxy({ prompt: "x" }, { ownKeys: () => ["prompt", "prompt"] })],
    ["request whose prototype lies", new Proxy({ prompt: "x" }, { getPrototypeOf: () => Array.prototype })],
  ];
  for (const [name, proxy] of proxies) {
    validate(proxy);
    build(proxy, OPTIONS);
    parse(proxy);
  }
  const bad = new Proxy({}, trapsThrow);
  assert.equal(validate(bad).success, false);
  assert.equal(build(bad, OPTIONS).success, false);
  assert.equal(build(GOOD_REQUEST, bad).success, false);
  assert.equal(parse(bad).success, false);
  assert.ok(issueAt(validate({ prompt: "x", promptAttachments: [{ title: "t", data: bad }] }), ["promptAttachments", 0, "data"]));
  assert.ok(issueAt(validate({ prompt: "x", promptAttachments: [bad] }), ["promptAttachments", 0]));
  assert.ok(issueAt(parse({ ...GOOD_RESPONSE, output: bad }), ["output"]));
  // A Proxy that behaves like a plain object is just an object.
  const polite = validate(new Proxy({ ...GOOD_REQUEST }, {}));
  assert.equal(typeof polite.success, "boolean");
});

hostile("Object.prototype and Array.prototype polluted with request, option and response keys", () => {
  const keys = {
    prompt: "polluted prompt", modelId: "polluted", isExternal: "yes", promptAttachments: "x", title: "t", data: 1,
    token: "polluted-token-ABCDEFGH", baseUrl: "http://evil.example", revealToken: true,
    id: 5, status: "nope", state: "nope", output: "x", error: "x", message: 1,
  };
  try {
    for (const [k, v] of Object.entries(keys)) Object.prototype[k] = v;
    Array.prototype[0] = { title: "polluted", data: 1 };
    const empty = validate({});
    assert.ok(issueAt(empty, ["prompt"]), `an inherited prompt was read: ${JSON.stringify(empty)}`);
    const v = validate({ prompt: "x" });
    assert.equal(v.success, true, `inherited keys were read: ${JSON.stringify(v.issues)}`);
    assert.deepEqual(Object.keys(v.data), ["prompt"]);
    const sparse = validate({ prompt: "x", promptAttachments: new Array(1) });
    assert.ok(issueAt(sparse, ["promptAttachments", 0]), "a hole was filled from Array.prototype");
    const b = build({ prompt: "x" }, { token: TOKEN });
    assert.equal(b.success, true, JSON.stringify(b.issues));
    assert.equal(b.data.url, "https://api.getmembrane.com/agent/sessions", "the base URL came from Object.prototype");
    assert.equal(b.data.body, '{"prompt":"x"}');
    assert.equal(b.data.headers.Authorization, `Bearer ${TOKEN}`);
    const curl = toCurl(b.data);
    assert.ok(!curl.includes(TOKEN), "an inherited revealToken revealed the token");
    assert.ok(!toCurl(b.data, {}).includes(TOKEN), "an inherited revealToken revealed the token (options {})");
    assert.ok(!curl.includes("polluted"));
    const noToken = build({ prompt: "x" }, {});
    assert.ok(issueAt(noToken, ["options", "token"]), "the token came from Object.prototype");
    const p = parse(GOOD_RESPONSE_TEXT);
    assert.equal(p.success, true, JSON.stringify(p.issues));
    assert.equal(p.data.state, "busy");
    for (const k of ["id", "status", "output", "error"]) {
      if (k in GOOD_RESPONSE) continue;
      assert.ok(!Object.hasOwn(p.data, k), `parsed data gained ${k} from Object.prototype`);
    }
    const po = parse({ ...GOOD_RESPONSE });
    assert.equal(po.success, true, JSON.stringify(po.issues));
  } finally {
    for (const k of Object.keys(keys)) delete Object.prototype[k];
    delete Array.prototype[0];
  }
  assert.equal({}.prompt, undefined, "clean-up failed");
  assert.equal([][0], undefined, "clean-up failed");
  // An inherited toJSON changes what JSON.stringify makes of every object, so
  // refusing (at the root) and ignoring it are both defensible; neither may throw.
  try {
    Object.prototype.toJSON = () => "polluted";
    const v = validate({ prompt: "x" });
    if (v.success) assert.deepEqual(Object.keys(v.data), ["prompt"]);
    const b = build({ prompt: "x" }, { token: TOKEN });
    if (b.success) assert.equal(b.data.body, '{"prompt":"x"}');
    parse(GOOD_RESPONSE_TEXT);
  } finally {
    delete Object.prototype.toJSON;
  }
});

hostile("__proto__ as an own key: kept as data, refused as a request key, dropped from a response", () => {
  const data = JSON.parse('{"__proto__": {"polluted": 1}, "y": 2, "constructor": {"prototype": {"p": 1}}}');
  assert.ok(Object.hasOwn(data, "__proto__"));
  const v = validate({ prompt: "x", promptAttachments: [{ title: "t", data }] });
  assert.equal(v.success, true, JSON.stringify(v.issues));
  const kept = v.data.promptAttachments[0].data;
  assert.ok(Object.hasOwn(kept, "__proto__"), "__proto__ was not kept as an own key");
  assert.deepEqual(Object.getOwnPropertyDescriptor(kept, "__proto__").value, { polluted: 1 });
  assert.equal(Object.getPrototypeOf(kept), Object.prototype, "__proto__ in data changed the prototype");
  assert.equal({}.polluted, undefined, "Object.prototype was polluted");
  const b = build({ prompt: "x", promptAttachments: [{ title: "t", data }] }, OPTIONS);
  assert.ok(b.data.body.includes('"__proto__":{"polluted":1}'), b.data.body);

  const asKey = validate(JSON.parse('{"prompt": "x", "__proto__": {"modelId": "bogus"}}'));
  assert.equal(asKey.success, false);
  const unknown = asKey.issues.find((i) => i.code === "unrecognized_keys");
  assert.ok(unknown && unknown.keys.includes("__proto__"), JSON.stringify(asKey.issues));

  const text = GOOD_RESPONSE_TEXT.slice(0, -1) + ',"__proto__":{"id":5,"status":"bad"},"output":{"__proto__":{"x":1}}}';
  for (const input of [text, JSON.parse(text)]) {
    const p = parse(input);
    assert.equal(p.success, true, JSON.stringify(p.issues));
    assert.equal(p.data.id, GOOD_RESPONSE.id);
    assert.ok(!Object.hasOwn(p.data, "__proto__"));
    assert.equal(Object.getPrototypeOf(p.data), Object.prototype);
    assert.ok(Object.hasOwn(p.data.output, "__proto__"), "__proto__ in output was not kept as data");
    assert.equal(Object.getPrototypeOf(p.data.output), Object.prototype);
  }
  assert.equal({}.x, undefined);
  assert.equal({}.id, undefined);
});

hostile("response text: duplicate keys (last wins, as in JSON.parse), 1e400, number edge cases, not-JSON", () => {
  const body = GOOD_RESPONSE_TEXT.slice(1, -1);
  const cases = [
    [`{${body},"id":"second"}`, true, (d) => assert.equal(d.id, "second")],
    [`{"id":"first",${body}}`, true, (d) => assert.equal(d.id, GOOD_RESPONSE.id)],
    [`{"status":1,${body}}`, true],
    [`{${body},"status":1}`, false, null, ["status"]],
    [`{${body},"output":{"a":1,"a":2}}`, true, (d) => assert.deepEqual(d.output, { a: 2 })],
    [`{${body},"\\u0069d":"escaped"}`, true, (d) => assert.equal(d.id, "escaped")],
    [`{${body},"cost":1e400}`, false, null, ["cost"]],
    [`{${body},"cost":-1e400}`, false, null, ["cost"]],
    [`{${body},"output":{"big":1e400}}`, false, null, ["output", "big"]],
    [`{${body},"error":{"message":"m","data":[1,-1E+400]}}`, false, null, ["error", "data", 1]],
    [`{${body},"cost":1e-400}`, true, (d) => assert.equal(d.cost, 0)],
    [`{${body},"cost":1.7976931348623157e308}`, true, (d) => assert.equal(d.cost, Number.MAX_VALUE)],
    [`{${body},"cost":123456789012345678901234567890}`, true, (d) => assert.equal(d.cost, 123456789012345678901234567890)],
    [`{${body},"cost":0.1}`, true, (d) => assert.equal(d.cost, 0.1)],
    [`{${body},"cost":5e-324}`, true, (d) => assert.equal(d.cost, 5e-324)],
    [`{${body},"output":{"s":"\\u0000\\ud83d\\ude00\\/\\b"}}`, true, (d) => assert.equal(d.output.s, "\u0000😀/\b")],
    [` \t\r\n{${body}} \n`, true],
  ];
  for (const [text, ok, check, path] of cases) {
    assert.doesNotThrow(() => JSON.parse(text), `test data is not JSON: ${text}`);
    const r = parse(text);
    assert.equal(r.success, ok, `${text.slice(-60)}: ${JSON.stringify(r.issues ?? "")}`);
    if (ok && check) check(r.data);
    if (!ok && path) assert.ok(issueAt(r, path), `${text.slice(-50)}: no issue at ${JSON.stringify(path)}: ${JSON.stringify(r.issues)}`);
  }
  const notJson = [
    "", " ", "{", "}", `{${body}`, `{${body}}}`, `{${body},}`, `{${body}}x`, `\uFEFF{${body}}`, `{${body}}\u00A0`,
    "{'id':'x'}", "NaN", "undefined", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}",
    "{\"a\":+1}", "{\"a\":0x10}", "{\"a\":\"\t\"}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "// c\n{}", "/* c */{}",
    `{${body}}\u0000`, "[1,]", "{\"a\" 1}", "\"unterminated", "tru", "nul",
  ];
  for (const text of notJson) {
    assert.throws(() => JSON.parse(text), undefined, `test data is JSON: ${text}`);
    const r = parse(text);
    assert.equal(r.success, false);
    assert.deepEqual(r.issues.map((i) => [i.code, i.path]), [["invalid_json", []]], `${JSON.stringify(text).slice(0, 60)}: ${JSON.stringify(r.issues)}`);
  }
  // The message says what is wrong and at which byte of the UTF-8 text
  // (counted by hand here; json_text::problem finds it, tests/scan.rs
  // holds it to the native parser).
  const placed = [
    ['{"a": [1, 2}', "expected a JSON value, received an unexpected character at byte 11"],
    ["[1,]", "expected a JSON value, received an unexpected character at byte 3"],
    ['{"a":1}x', "expected one JSON value, received more text at byte 7"],
    ['{"a":"\\x41"}', "expected a valid escape in a JSON string, received an invalid one at byte 6"],
    ['{"\u00e9":1,}', "expected a JSON value, received an unexpected character at byte 8"],
  ];
  for (const [text, message] of placed) {
    assert.deepEqual(parse(text).issues?.map((i) => i.message), [message], text);
  }
  // JSON that is not an object.
  for (const text of ["null", "[]", "42", "\"text\"", "true", `[{${body}}]`]) {
    const r = parse(text);
    assert.equal(r.success, false);
    assert.ok(issueAt(r, []), text);
  }
});

hostile("a 16 MiB prompt reaches the body byte for byte", () => {
  const pieces = ["plain ascii ", "quote \" backslash \\ ", "nul \u0000 bell \u0007 ", "line\nsep\u2028para\u2029", "é日本😀 ", "\uFEFF"];
  let prompt = "";
  while (prompt.length < 16 * 1024 * 1024) prompt += pieces[prompt.length % pieces.length].repeat(4096);
  prompt = prompt.slice(0, 16 * 1024 * 1024 - 1) + "!";
  assert.ok(prompt.isWellFormed());
  const v = validate({ prompt });
  assert.equal(v.success, true);
  assert.ok(v.data.prompt === prompt, "the validated prompt differs");
  const b = build({ prompt }, OPTIONS);
  assert.equal(b.success, true);
  assert.ok(b.data.body === JSON.stringify({ prompt }), "the body is not JSON.stringify of the request");
  const back = JSON.parse(b.data.body).prompt;
  assert.ok(back === prompt, "the prompt did not survive the body");
  assert.ok(Buffer.from(back, "utf8").equals(Buffer.from(prompt, "utf8")), "bytes differ");
  const curl = toCurl(b.data);
  assert.ok(curl.length > prompt.length);
  const p = parse(JSON.stringify({ ...GOOD_RESPONSE, prompt }));
  assert.equal(p.success, true);
  assert.ok(p.data.prompt === prompt, "the response prompt differs");
});

hostile("tokens with CR/LF, NUL, spaces, non-ASCII and other non-printables are refused; printable ASCII is kept", () => {
  const bad = [
    `${TOKEN}\r\nX-Injected: 1`, `${TOKEN}\n`, `${TOKEN}\r`, `\n${TOKEN}`, `${TOKEN}\0`, `${TOKEN} x`, ` ${TOKEN}`,
    `${TOKEN} `, `${TOKEN}\t`, `${TOKEN}é`, `${TOKEN}€`, `\u00A0${TOKEN}`, `${TOKEN}\u2028`, `${TOKEN}😀`,
    `${TOKEN}\x7F`, `${TOKEN}\x1B[31m`, `Bearer ${TOKEN}`, "", `${TOKEN}\uFF21`,
  ];
  for (const token of bad) {
    const r = build(GOOD_REQUEST, { token });
    assert.equal(r.success, false, `token ${JSON.stringify(token)} accepted`);
    assert.ok(issueAt(r, ["options", "token"]), `token ${JSON.stringify(token)}: ${JSON.stringify(r.issues)}`);
  }
  for (const token of [12345678, null, undefined, {}, [TOKEN], new String(TOKEN), true, () => TOKEN, Symbol(TOKEN)]) {
    assert.ok(issueAt(build(GOOD_REQUEST, { token }), ["options", "token"]), `token ${show(token)} accepted`);
  }
  let printable = "";
  for (let c = 0x21; c <= 0x7e; c++) printable += String.fromCharCode(c);
  for (const token of [printable, `${TOKEN}'"\\$\`!*?;&|<>(){}#~`, "a", TOKEN.repeat(200)]) {
    const r = build(GOOD_REQUEST, { token });
    assert.equal(r.success, true, `token ${JSON.stringify(token)} refused: ${JSON.stringify(r.issues)}`);
    assert.equal(r.data.headers.Authorization, `Bearer ${token}`);
    assert.doesNotThrow(() => new Headers(r.data.headers), "fetch would refuse these headers");
    assert.doesNotThrow(() => new Request(r.data.url, r.data), "fetch(r.url, r) would throw");
  }
});

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);
/** An accepted URL must be one fetch would send where the caller meant, and nothing else. */
function assertSafeUrl(base, url) {
  const u = new URL(url);
  assert.ok(u.protocol === "https:" || (u.protocol === "http:" && LOOPBACK.has(u.hostname)), `${base} -> ${url}: scheme/host`);
  assert.equal(u.username, "", `${base} -> ${url}: user`);
  assert.equal(u.password, "", `${base} -> ${url}: password`);
  assert.equal(u.search, "", `${base} -> ${url}: query`);
  assert.equal(u.hash, "", `${base} -> ${url}: fragment`);
  assert.ok(u.pathname.endsWith("/agent/sessions"), `${base} -> ${url}: path`);
  assert.ok(!u.pathname.includes("//"), `${base} -> ${url}: double slash`);
  assert.equal(u.host, new URL(base).host, `${base} -> ${url}: a different host than WHATWG URL parsing of the base gives`);
}

hostile("base URLs: credentials, user@host tricks, backslashes, other schemes, query, fragment, plain http", () => {
  const accepted = [
    [undefined, "https://api.getmembrane.com/agent/sessions"],
    ["https://api.getmembrane.com", "https://api.getmembrane.com/agent/sessions"],
    ["https://h.example/v1", "https://h.example/v1/agent/sessions"],
    ["https://h.example/v1/", "https://h.example/v1/agent/sessions"],
    ["https://h.example:8443", "https://h.example:8443/agent/sessions"],
    ["http://localhost:3000", "http://localhost:3000/agent/sessions"],
    ["http://127.0.0.1:8080/x/", "http://127.0.0.1:8080/x/agent/sessions"],
    ["http://[::1]", "http://[::1]/agent/sessions"],
    ["http://localhost", "http://localhost/agent/sessions"],
  ];
  for (const [baseUrl, url] of accepted) {
    const r = build(GOOD_REQUEST, baseUrl === undefined ? { token: TOKEN } : { token: TOKEN, baseUrl });
    assert.equal(r.success, true, `${baseUrl} refused: ${JSON.stringify(r.issues)}`);
    assert.equal(r.data.url, url);
    if (baseUrl) assertSafeUrl(baseUrl, r.data.url);
  }
  const refused = [
    "https://user:pw@h.example", "https://user@h.example", "https://:pw@h.example", "https://user:@h.example",
    "https://api.getmembrane.com@evil.example", "https://api.getmembrane.com:443@evil.example",
    "https://api.getmembrane.com%40evil.example@x.example", `https://${TOKEN}@h.example`, `https://user:${TOKEN}@h.example`,
    "http://localhost@evil.example", "http://localhost:80@evil.example",
    "https://evil.example#@api.getmembrane.com", "https://evil.example?@api.getmembrane.com",
    "https://h.example/?q=1", "https://h.example/v1?x", "https://h.example/#frag", "https://h.example?", "https://h.example#",
    `https://h.example/?token=${TOKEN}`,
    "http://h.example", "http://api.getmembrane.com", "http://localhost.evil.example", "http://127.0.0.1.nip.io",
    "http://127.0.0.2", "http://[::2]", "http://0.0.0.0", "http://evil.example#localhost", "http://2130706433",
    "ftp://h.example", "ws://localhost", "wss://h.example", "file:///etc/passwd", "javascript:alert(1)",
    "data:text/plain,x", "mailto:a@h.example", "blob:https://h.example/x",
    "https:h.example", "https:/h.example", "//h.example", "h.example", "/agent", "", " ", " https://h.example",
    "https://h.example ", "https://h.example\n", "https://h.ex\tample", "https://", "https:///path", "https://:443",
    "https://h.example\\@evil.example", "https:\\\\evil.example", "https://h.example\\v1", "https:/\\evil.example",
    "https://h.example\r\nX-Injected: 1", "https://h.example/\0", "https://[::1", "https://h.example:99999",
  ];
  for (const baseUrl of refused) {
    const r = build(GOOD_REQUEST, { token: TOKEN, baseUrl });
    assert.equal(r.success, false, `baseUrl ${JSON.stringify(baseUrl)} accepted as ${r.data?.url}`);
    assert.ok(issueAt(r, ["options", "baseUrl"]), `baseUrl ${JSON.stringify(baseUrl)}: ${JSON.stringify(r.issues)}`);
  }
  // Either answer is fine for these, but an accepted one must be safe.
  const either = [
    "HTTPS://H.EXAMPLE", "https://h.example/v1/../v2", "https://h.example./", "https://[::1]", "https://h.example:443",
    "https://xn--bcher-kva.example", "https://bücher.example", "http://LOCALHOST:3000", "https://h.example/a%20b",
    "https://h.example//double//", "https://127.0.0.1", "http://localhost:0", "https://h.example/v1/agent/sessions",
  ];
  for (const baseUrl of either) {
    const r = build(GOOD_REQUEST, { token: TOKEN, baseUrl });
    if (r.success) assertSafeUrl(baseUrl, r.data.url);
    else assert.ok(issueAt(r, ["options", "baseUrl"]));
  }
  for (const baseUrl of [123, null, {}, ["https://h.example"], Symbol("u"), () => "https://h.example", new URL("https://h.example")]) {
    const r = build(GOOD_REQUEST, { token: TOKEN, baseUrl });
    if (r.success) assertSafeUrl(String(baseUrl), r.data.url);
    else assert.ok(issueAt(r, ["options", "baseUrl"]), `baseUrl ${show(baseUrl)}: ${JSON.stringify(r.issues)}`);
  }
});

hostile("toCurl output survives a real shell: quotes, $( ), backticks and newlines stay data", () => {
  const bash = spawnSync("bash", ["-c", "true"]);
  if (bash.error) return; // no bash on this machine: nothing to prove
  // Harmless commands only: if quoting were broken they would run.
  const prompt = "it's $(echo expanded) `echo expanded` \"quoted\" \\ back\nnew line ' '' '\\''";
  const token = `${TOKEN}'$(id)\`x\`"`;
  const r = build({ prompt, promptAttachments: [{ title: "'; echo injected; '", data: { "$HOME": "${PATH}" } }] }, { token, baseUrl: "https://h.example/v1'$(id)" });
  // that base URL may be refused; use a plain one if so
  const req = r.success ? r.data : build({ prompt, promptAttachments: [{ title: "'; echo injected; '", data: { "$HOME": "${PATH}" } }] }, { token }).data;
  for (const reveal of [false, true]) {
    const curl = reveal ? pkg.toCurl(req, { revealToken: true }) : toCurl(req);
    assert.ok(!curl.includes("\n") || curl.includes("'"), "a newline outside quotes");
    const script = `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${curl}\n`;
    const out = spawnSync("bash", ["-c", script], { env: { PATH: process.env.PATH, MEMBRANE_TOKEN: "from-env" }, encoding: "utf8" });
    assert.equal(out.status, 0, out.stderr);
    const args = out.stdout.split("\0").slice(0, -1);
    assert.equal(args[args.indexOf("--data-raw") + 1], req.body, "the body changed on its way through the shell");
    assert.ok(args.includes(req.url), "the URL changed on its way through the shell");
    assert.ok(args.includes("Authorization: Bearer " + (reveal ? token : "from-env")), `Authorization header: ${args.filter((a) => a.startsWith("Auth"))}`);
  }
});

hostile("frozen, sealed, null-prototype and symbol-keyed requests; many unknown keys", () => {
  assert.equal(validate(Object.freeze({ ...GOOD_REQUEST })).success, true);
  assert.equal(validate(Object.seal({ ...GOOD_REQUEST })).success, true);
  const bare = Object.assign(Object.create(null), GOOD_REQUEST);
  const b = validate(bare);
  assert.equal(b.success, true, `a null-prototype request was refused: ${JSON.stringify(b.issues)}`);
  assert.equal(Object.getPrototypeOf(b.data), Object.prototype, "the data is not a plain object");
  validate({ ...GOOD_REQUEST, [Symbol("hidden")]: 1 });
  const many = { prompt: "x" };
  for (let i = 0; i < 100_000; i++) many[`k${i}`] = i;
  const m = validate(many);
  assert.equal(m.success, false);
  // At most 100 issues are listed, then one too_many_issues says how many more.
  const listed = m.issues.slice(0, -1);
  const summary = m.issues[m.issues.length - 1];
  assert.ok(listed.every((i) => i.code === "unrecognized_keys"));
  assert.equal(listed.length, 100);
  assert.deepEqual(listed.map((i) => i.keys[0]), Array.from({ length: 100 }, (_, i) => `k${i}`), "the first unknown keys, in order");
  assert.equal(summary.code, "too_many_issues");
  if (summary.readAll) assert.equal(summary.omitted, 100_000 - 100, "the summary miscounts");
  else assert.ok(summary.omitted >= 0);
  // A non-enumerable own key is still an own key; either verdict, but no throw.
  validate(Object.defineProperty({ prompt: "x" }, "hidden", { value: 1, enumerable: false }));
});

// ---- the session lifecycle (SPEC, "The session lifecycle") -------------------------

/** Each lifecycle builder with params it accepts, and its name. */
const LIFECYCLE_BUILDERS = [
  ["get", buildGet, { id: "s", wait: true, timeout: 30 }],
  ["list", buildList, { limit: 10, cursor: "c", workspaceElementType: "connector" }],
  ["send", buildSend, { id: "s", input: "x", synthetic: true, attachments: [{ title: "t", data: { a: [1] } }] }],
  ["interrupt", buildInterrupt, { id: "s" }],
];
const pageText = (items, extra = "") => `{"items":[${items.join(",")}]${extra}}`;

hostile("lifecycle: non-objects of every JS kind as params, options, answers and toCurl options", () => {
  for (const [name, value] of everyKind()) {
    for (const [builderName, builder, good] of LIFECYCLE_BUILDERS) {
      const asParams = builder(value, OPTIONS);
      if (asParams.success && builderName === "list") {
        // List params are all optional: an ordinary object with no own enumerable
        // key (JSON, Math: JSON.stringify writes "{}") is an empty params object.
        assert.equal(Object.keys(value).length, 0, `list(${name}) accepted`);
        assert.equal(asParams.data.url, "https://api.getmembrane.com/agent/sessions");
      } else {
        assert.equal(asParams.success, false, `${builderName}(${name}, options) accepted`);
      }
      const asOptions = builder(good, value);
      assert.equal(asOptions.success, false, `${builderName}(good, ${name}) accepted`);
      assert.ok(asOptions.issues.every((i) => i.path[0] === "options"), `${builderName}(good, ${name}): an issue outside options`);
      builder(value, value);
      const request = builder(good, OPTIONS).data;
      try {
        const out = toCurl(request, value);
        assert.ok(!out.includes(TOKEN), `toCurl(${builderName} request, ${name}) revealed the token`);
      } catch (error) {
        if (error instanceof assert.AssertionError) throw error;
        assert.ok(error instanceof TypeError, `toCurl(${builderName} request, ${name}) threw ${String(error)}`);
      }
    }
    assert.equal(parseList(value).success, false, `parseAgentSessionList(${name}) accepted`);
    assert.equal(parseInterrupt(value).success, false, `parseInterruptAgentSessionResponse(${name}) accepted`);
  }
  for (const [, builder] of LIFECYCLE_BUILDERS) {
    assert.equal(builder().success, false);
    assert.equal(builder({ id: "s", input: "x" }).success, false);
  }
  assert.equal(parseList().success, false);
  assert.equal(parseInterrupt().success, false);
});

hostile("lifecycle: lone surrogates in every string place are reported (or kept), never replaced by U+FFFD", () => {
  for (const s of ["\uD800", "a\uDC00", "\uDBFFz", "x\uD83D", "\uDE00y", "\uDC00\uD800"]) {
    const places = [
      [buildGet, { id: s }, ["id"]], [buildGet, { id: "s", [s]: 1 }, []],
      [buildSend, { id: s, input: "x" }, ["id"]], [buildInterrupt, { id: s }, ["id"]],
      [buildList, { cursor: s }, ["cursor"]], [buildList, { workspaceElementType: s }, ["workspaceElementType"]],
      [buildSend, { id: "s", input: s }, ["input"]],
      [buildSend, { id: "s", input: "x", attachments: [{ title: s, data: 1 }] }, ["attachments", 0, "title"]],
      [buildSend, { id: "s", input: "x", attachments: [{ title: "t", data: { deep: [s] } }] }, ["attachments", 0, "data", "deep", 0]],
      [buildSend, { id: "s", input: "x", attachments: [{ title: "t", data: { [s]: 1 } }] }, ["attachments", 0, "data"]],
    ];
    for (const [builder, params, path] of places) {
      const where = `lone surrogate ${JSON.stringify(s)} at ${JSON.stringify(path)} of ${JSON.stringify(params)}`;
      const r = builder(params, OPTIONS);
      assertNoReplacementCharacter(r, where);
      assert.ok(!JSON.stringify(r).includes("%EF%BF%BD"), `${where}: an encoded U+FFFD`);
      assert.equal(r.success, false, `${where}: accepted as ${JSON.stringify(r.data)}`);
      assert.ok(issueAt(r, path), `${where}: not reported at its path: ${JSON.stringify(r.issues)}`);
    }
    // In a list page and an interrupt answer: as objects, raw text and escaped text.
    for (const [page, path] of [
      [{ items: [GOOD_RESPONSE, { ...GOOD_RESPONSE, title: s }] }, ["items", 1, "title"]],
      [{ items: [{ ...GOOD_RESPONSE, output: { [s]: 1 } }] }, ["items", 0, "output"]],
      [{ items: [], cursor: s }, ["cursor"]],
    ]) {
      const escapedText = JSON.stringify(page);
      const rawText = escapedText.replace(/\\u(d[89a-f][0-9a-f]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16)));
      for (const [form, input] of [["object", page], ["raw text", rawText], ["escaped text", escapedText]]) {
        const where = `list page (${form}) with ${JSON.stringify(s)} at ${JSON.stringify(path)}`;
        const r = parseList(input);
        assertNoReplacementCharacter(r, where);
        assert.ok(issueAt(r, path), `${where}: ${JSON.stringify(r.issues ?? r.data).slice(0, 300)}`);
      }
    }
    const keyed = parseInterrupt(`{"interrupted":true,"${s}":1}`);
    assertNoReplacementCharacter(keyed, "interrupt answer with a lone-surrogate key");
  }
});

hostile("lifecycle: 100,000-deep attachment data, list pages and interrupt answers", () => {
  for (const kind of ["array", "object"]) {
    const send = buildSend({ id: "s", input: "x", attachments: [{ title: "t", data: nested(100_000, kind) }] }, OPTIONS);
    assertDeepHandled(send, ["attachments", 0, "data"], `send, data ${kind}`);
    const item = { ...GOOD_RESPONSE, output: { deep: nested(100_000, kind) } };
    assertDeepHandled(parseList({ items: [item] }), ["items", 0, "output"], `list object, output ${kind}`);
    const itemText = GOOD_RESPONSE_TEXT.slice(0, -1) + `,"output":{"deep":${nestedText(100_000, kind)}}}`;
    assertDeepHandled(parseList(pageText([GOOD_RESPONSE_TEXT, itemText])), ["items", 1, "output"], `list text, output ${kind}`);
    const unknown = parseList(pageText([], `,"serverExtra":${nestedText(100_000, kind)}`));
    if (!unknown.success) assertDeepHandled(unknown, [], "list page, deep unknown key");
    assert.equal(parseList(`{"items":${nestedText(100_000, kind)}}`).success, false);
    assert.equal(parseInterrupt(nestedText(100_000, kind)).success, false);
    const deepInterrupt = parseInterrupt(`{"interrupted":true,"x":${nestedText(100_000, kind)}}`);
    if (!deepInterrupt.success) assertDeepHandled(deepInterrupt, [], "interrupt answer, deep unknown key");
    // Deep params values are reported at their key, not overflowed.
    for (const [builder, key] of [[buildGet, "id"], [buildList, "cursor"], [buildSend, "input"]]) {
      const r = builder({ id: "s", input: "x", [key]: nested(100_000, kind) }, OPTIONS);
      assert.equal(r.success, false);
      assert.ok(r.issues.some((i) => i.path[0] === key), `${key}: ${JSON.stringify(r.issues).slice(0, 200)}`);
    }
  }
});

hostile("lifecycle: BigInt, cycles, throwing getters and proxies in params are issues at their path", () => {
  const boom = () => { throw new Error(`getter exploded ${TOKEN}`); };
  const cyclic = { title: "t", data: {} };
  cyclic.data.self = cyclic;
  const cases = [
    [buildGet, { id: "s", timeout: 30n }, ["timeout"]], [buildGet, { id: 1n }, ["id"]], [buildGet, { id: "s", wait: 1n }, ["wait"]],
    [buildList, { limit: 10n }, ["limit"]], [buildSend, { id: "s", input: "x", attachments: [{ title: "t", data: [2n ** 64n] }] }, ["attachments", 0, "data", 0]],
    [buildSend, { id: "s", input: "x", attachments: [cyclic] }, ["attachments", 0, "data", "self"]],
    [buildGet, Object.defineProperty({}, "id", { get: boom, enumerable: true }), ["id"]],
    [buildGet, Object.defineProperty({ id: "s" }, "wait", { get: boom, enumerable: true }), ["wait"]],
    [buildList, Object.defineProperty({}, "cursor", { get: boom, enumerable: true }), ["cursor"]],
    [buildSend, { id: "s", input: "x", attachments: Object.defineProperty([], 0, { get: boom, enumerable: true }) }, ["attachments", 0]],
    [buildSend, { id: "s", input: "x", attachments: new Proxy([], { get: boom }) }, ["attachments"]],
    [buildInterrupt, new Proxy({ id: "s" }, { ownKeys: boom }), []],
  ];
  for (const [builder, params, path] of cases) {
    const r = builder(params, OPTIONS);
    assert.ok(issueAt(r, path), `${show(params)}: expected an issue at ${JSON.stringify(path)}, got ${JSON.stringify(r.issues ?? r.data)}`);
  }
  assert.ok(issueAt(parseList({ items: [{ ...GOOD_RESPONSE, cost: 1n }] }), ["items", 0, "cost"]));
  assert.ok(issueAt(parseList(Object.defineProperty({}, "items", { get: boom, enumerable: true })), ["items"]));
  assert.ok(issueAt(parseList({ items: [Object.defineProperty({ ...GOOD_RESPONSE }, "id", { get: boom, enumerable: true })] }), ["items", 0, "id"]));
  assert.ok(issueAt(parseInterrupt(Object.defineProperty({}, "interrupted", { get: boom, enumerable: true })), ["interrupted"]));
  const items = [GOOD_RESPONSE];
  items.push(items);
  assert.ok(issueAt(parseList({ items }), ["items", 1]));
});

hostile("lifecycle: Object.prototype and Array.prototype polluted with params and answer keys", () => {
  const keys = {
    id: "polluted-id", wait: true, timeout: 5, limit: 7, cursor: "polluted-cursor", workspaceElementType: "app",
    input: "polluted input", synthetic: true, attachments: [], items: [], interrupted: true,
    token: "polluted-token-ABCDEFGH", baseUrl: "http://evil.example", revealToken: true,
  };
  try {
    for (const [k, v] of Object.entries(keys)) Object.prototype[k] = v;
    Array.prototype[0] = { ...GOOD_RESPONSE };
    assert.ok(issueAt(buildGet({}, { token: TOKEN }), ["id"]), "an inherited id was read");
    const g = buildGet({ id: "s" }, { token: TOKEN });
    assert.equal(g.data?.url, "https://api.getmembrane.com/agent/sessions/s", `inherited wait/timeout/baseUrl were read: ${g.data?.url}`);
    assert.equal(buildList({}, { token: TOKEN }).data?.url, "https://api.getmembrane.com/agent/sessions", "inherited list params were read");
    const m = buildSend({ id: "s", input: "x" }, { token: TOKEN });
    assert.equal(m.data?.body, '{"input":"x"}', "inherited synthetic/attachments were sent");
    assert.ok(issueAt(buildSend({ id: "s" }, { token: TOKEN }), ["input"]), "an inherited input was read");
    assert.ok(issueAt(buildInterrupt({ id: "s" }, {}), ["options", "token"]), "an inherited token was read");
    assert.ok(!toCurl(g.data).includes(TOKEN), "an inherited revealToken revealed the token");
    assert.ok(issueAt(parseList({}), ["items"]), "inherited items were read");
    assert.ok(issueAt(parseList({ items: new Array(1) }), ["items", 0]), "a hole was filled from Array.prototype");
    const page = parseList({ items: [] });
    assert.ok(page.success && !Object.hasOwn(page.data, "cursor"), "an inherited cursor was read");
    assert.ok(issueAt(parseInterrupt({}), ["interrupted"]), "an inherited interrupted was read");
    assert.equal(parseList(pageText([GOOD_RESPONSE_TEXT])).success, true);
  } finally {
    for (const k of Object.keys(keys)) delete Object.prototype[k];
    delete Array.prototype[0];
  }
  assert.equal({}.id, undefined, "clean-up failed");
});

hostile("lifecycle: __proto__ as an own key is refused in params, dropped from answers, kept in data", () => {
  const params = JSON.parse('{"id":"s","__proto__":{"wait":true}}');
  const g = buildGet(params, OPTIONS);
  assert.ok(g.issues?.some((i) => i.code === "unrecognized_keys" && i.keys.includes("__proto__")), JSON.stringify(g));
  const data = JSON.parse('{"__proto__":{"polluted":1}}');
  const m = buildSend({ id: "s", input: "x", attachments: [{ title: "t", data }] }, OPTIONS);
  assert.ok(m.data.body.includes('"__proto__":{"polluted":1}'), m.data.body);
  const text = `{"__proto__":{"cursor":"x"},"items":[${GOOD_RESPONSE_TEXT.slice(0, -1)},"__proto__":{"id":5}}]}`;
  for (const input of [text, JSON.parse(text)]) {
    const p = parseList(input);
    assert.equal(p.success, true, JSON.stringify(p.issues));
    assert.ok(!Object.hasOwn(p.data, "__proto__") && !Object.hasOwn(p.data.items[0], "__proto__"));
    assert.equal(Object.getPrototypeOf(p.data.items[0]), Object.prototype);
    assert.equal(p.data.cursor, undefined);
  }
  assert.equal({}.polluted, undefined);
  assert.equal({}.cursor, undefined);
});

hostile("Array.prototype polluted at every index an answer could be built through", () => {
  // The walk keeps a slot per declared field while it reads an object: a
  // hole there must not read through to Array.prototype.
  const indexes = Array.from({ length: 32 }, (_, i) => i);
  try {
    for (const i of indexes) Array.prototype[i] = "polluted";
    const v = validate(structuredClone(GOOD_REQUEST));
    assert.equal(v.success, true, JSON.stringify(v.issues));
    assert.deepEqual(Object.keys(v.data), Object.keys(GOOD_REQUEST));
    for (const input of [GOOD_RESPONSE_TEXT, JSON.parse(GOOD_RESPONSE_TEXT)]) {
      const p = parse(input);
      assert.equal(p.success, true, JSON.stringify(p.issues));
      assert.ok(!Object.values(p.data).includes("polluted"), JSON.stringify(p.data));
    }
    const b = build(GOOD_REQUEST, OPTIONS);
    assert.equal(b.success, true, JSON.stringify(b.issues));
    assert.deepEqual(JSON.parse(b.data.body), GOOD_REQUEST);
  } finally {
    for (const i of indexes) delete Array.prototype[i];
  }
  assert.equal([][5], undefined, "clean-up failed");
});

hostile("an issue's lists are the caller's own: changing one changes no later answer", () => {
  // The module reads an enumeration's values from its memory once and keeps
  // them (answerIssues); each issue must get its own copy all the same.
  const wrong = { prompt: "p", modelId: "gpt", workspaceElementType: "Connector" };
  const first = validate(wrong);
  assert.equal(first.success, false);
  const valuesAt = (result, key) => result.issues.find((i) => i.code === "invalid_value" && i.path[0] === key)?.values;
  const lists = [valuesAt(first, "modelId"), valuesAt(first, "workspaceElementType")];
  assert.deepEqual(lists[0], [...pkg.MODEL_IDS], JSON.stringify(first.issues));
  assert.deepEqual(lists[1], [...pkg.WORKSPACE_ELEMENT_TYPES], JSON.stringify(first.issues));
  const expected = JSON.stringify(first.issues);
  for (const list of lists) {
    list.push("injected");
    list[0] = "changed";
    list.reverse();
  }
  const again = validate(wrong);
  assert.equal(JSON.stringify(again.issues), expected);
  assert.notEqual(valuesAt(again, "modelId"), lists[0]);
  assert.deepEqual(valuesAt(again, "modelId"), [...pkg.MODEL_IDS]);
});

after(() => {
  console.log(`hostile: ${JSON.stringify(observedStats())}`);
  assertNoTokenLeaks();
});
