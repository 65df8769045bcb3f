// The built package, imported by name as a user would, wrapped so that every
// call made by a test is checked for the promises SPEC makes about all calls:
//   - validate/build/parse never throw and always answer with a Result
//     ({ success: true, data } or { success: false, issues: [...] });
//   - every issue is { code, path, message, ...details } with a known code;
//   - no issue message, no toCurl output without `revealToken: true` and no
//     thrown error's text contains a token passed to the builder.
// Tokens are registered automatically from `options.token`, and every message
// is kept and scanned again at the end (`assertNoTokenLeaks`) against every
// token seen by this process, so a message produced before a token was seen is
// still checked.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as pkg from "membrane-agent-session";

export { pkg };

/** The lifecycle functions (SPEC, "The session lifecycle"). */
export const LIFECYCLE_FUNCTIONS = [
  "buildGetAgentSessionRequest",
  "buildListAgentSessionsRequest",
  "buildSendAgentSessionMessageRequest",
  "buildInterruptAgentSessionRequest",
  "parseAgentSessionList",
  "parseInterruptAgentSessionResponse",
];

/**
 * Each lifecycle function, from the package root — or, while the packaging
 * does not re-export one yet, from the module the root re-exports it from
 * (the same instance). `lifecycleSources` says which; the lifecycle test
 * fails for any not at the root, so the fallback only keeps the other
 * checks running meanwhile.
 */
export const lifecycleFunctions = {};
export const lifecycleSources = {};
{
  const missing = LIFECYCLE_FUNCTIONS.filter((name) => typeof pkg[name] !== "function");
  let modules = [];
  if (missing.length > 0) {
    const root = import.meta.resolve("membrane-agent-session");
    const text = readFileSync(fileURLToPath(root), "utf8");
    const specifiers = [...new Set([...text.matchAll(/from\s+['"](\.[^'"]+)['"]/g)].map((m) => m[1]))];
    modules = await Promise.all(specifiers.map((s) => import(new URL(s, root).href)));
  }
  for (const name of LIFECYCLE_FUNCTIONS) {
    if (typeof pkg[name] === "function") {
      lifecycleFunctions[name] = pkg[name];
      lifecycleSources[name] = "root";
    } else {
      const found = modules.find((m) => typeof m[name] === "function");
      lifecycleFunctions[name] = found?.[name];
      lifecycleSources[name] = found ? "glue (not re-exported from the package root)" : "missing";
    }
  }
}

/** The issue codes SPEC and the lead's contract allow. */
export const ISSUE_CODES = new Set([
  "invalid_type",
  "too_small",
  "too_big",
  "invalid_value",
  "invalid_format",
  "unrecognized_keys",
  "invalid_json",
  // The last issue of a list cut at 100: how many more were found.
  "too_many_issues",
]);

const secrets = new Set();
const messages = []; // every issue message and thrown-error text, for the final rescan
const leaks = [];
const stats = { calls: 0, messages: 0, curls: 0, errors: 0 };

/** Tokens shorter than this are too likely to occur by chance in a message. */
const MIN_SECRET_LENGTH = 8;

/** Marks `token` as a secret: no later or earlier message may contain it. */
export function registerSecret(token) {
  if (typeof token === "string" && token.length >= MIN_SECRET_LENGTH) secrets.add(token);
}

function scan(text, where) {
  for (const token of secrets) {
    if (text.includes(token)) leaks.push({ token, where, text: text.slice(0, 300) });
  }
}

function remember(text, where) {
  messages.push({ text, where });
  scan(text, where);
}

/** Reads options.token without running a getter (a proxy trap may run; its error is swallowed). */
function peekToken(options) {
  try {
    if (options === null || (typeof options !== "object" && typeof options !== "function")) return;
    const d = Object.getOwnPropertyDescriptor(options, "token");
    if (d && "value" in d) registerSecret(d.value);
  } catch {
    // a hostile object: nothing to register
  }
}

/** Asserts `result` is a well-formed Result; returns it. */
export function assertResult(result, where) {
  assert.ok(result !== null && typeof result === "object", `${where}: answer is not an object: ${String(result)}`);
  assert.equal(Object.getPrototypeOf(result), Object.prototype, `${where}: answer is not a plain object`);
  if (result.success === true) {
    assert.ok("data" in result, `${where}: success without data`);
    assert.ok(!("issues" in result), `${where}: success with issues`);
  } else {
    assert.equal(result.success, false, `${where}: success is neither true nor false`);
    assert.ok(Array.isArray(result.issues), `${where}: failure without an issues array`);
    assert.ok(result.issues.length > 0, `${where}: failure with no issue`);
    for (const issue of result.issues) {
      assert.equal(Object.getPrototypeOf(issue), Object.prototype, `${where}: issue is not a plain object`);
      assert.ok(ISSUE_CODES.has(issue.code), `${where}: unknown issue code ${JSON.stringify(issue.code)}`);
      assert.ok(Array.isArray(issue.path), `${where}: issue path is not an array`);
      for (const part of issue.path) {
        assert.ok(
          typeof part === "string" || (Number.isInteger(part) && part >= 0),
          `${where}: bad path element ${String(part)} in ${JSON.stringify(issue.path)}`,
        );
      }
      assert.equal(typeof issue.message, "string", `${where}: message is not a string`);
      assert.ok(issue.message.length > 0, `${where}: empty message`);
      if (issue.code === "too_many_issues") {
        assert.equal(issue, result.issues[result.issues.length - 1], `${where}: too_many_issues is not the last issue`);
        assert.deepEqual(issue.path, [], `${where}: too_many_issues not at the root`);
        assert.ok(Number.isInteger(issue.omitted) && typeof issue.readAll === "boolean", `${where}: too_many_issues without its details`);
      }
      stats.messages++;
      remember(issue.message, `${where} ${issue.code} at ${JSON.stringify(issue.path)}`);
    }
  }
  return result;
}

function guarded(name, fn, args) {
  stats.calls++;
  let result;
  try {
    result = fn(...args);
  } catch (error) {
    stats.errors++;
    remember(String(error), `${name} threw`);
    assert.fail(`${name} threw instead of answering with a Result: ${String(error)}`);
  }
  return assertResult(result, name);
}

/** validateCreateAgentSession, checked. */
export function validate(input) {
  return guarded("validateCreateAgentSession", pkg.validateCreateAgentSession, [input]);
}

/** buildCreateAgentSessionRequest, checked; options.token is registered as a secret. */
export function build(input, options, ...extra) {
  peekToken(options);
  const result = guarded("buildCreateAgentSessionRequest", pkg.buildCreateAgentSessionRequest, [input, options, ...extra]);
  if (result.success) {
    // The request itself legitimately carries the token, in one header only.
    const { method, url, headers, body } = result.data;
    assert.equal(method, "POST");
    assert.equal(typeof url, "string");
    assert.equal(typeof body, "string");
    assert.equal(typeof headers, "object");
  }
  return result;
}

/**
 * A lifecycle builder, checked like `build`, and its request's shape: the
 * method, `body` present (a string) only for a message, no `body` key at all
 * otherwise (SPEC: "no `body` key for the two GETs and for interrupt").
 */
function buildLifecycle(name, method, withBody, args) {
  peekToken(args[1]);
  const fn = lifecycleFunctions[name];
  assert.equal(typeof fn, "function", `${name} is not exported by the package`);
  const result = guarded(name, fn, args);
  if (result.success) {
    const data = result.data;
    assert.equal(Object.getPrototypeOf(data), Object.prototype, `${name}: the request is not a plain object`);
    assert.equal(data.method, method, `${name}: method`);
    assert.equal(typeof data.url, "string", `${name}: url`);
    assert.equal(typeof data.headers, "object", `${name}: headers`);
    assert.equal("body" in data, withBody, `${name}: ${withBody ? "no body" : "a body key"} in ${JSON.stringify(data).slice(0, 200)}`);
    if (withBody) assert.equal(typeof data.body, "string", `${name}: body`);
  }
  return result;
}

/** buildGetAgentSessionRequest, checked (options.token is registered as a secret). */
export const buildGet = (params, options, ...extra) =>
  buildLifecycle("buildGetAgentSessionRequest", "GET", false, [params, options, ...extra]);
/** buildListAgentSessionsRequest, checked. */
export const buildList = (params, options, ...extra) =>
  buildLifecycle("buildListAgentSessionsRequest", "GET", false, [params, options, ...extra]);
/** buildSendAgentSessionMessageRequest, checked. */
export const buildSend = (params, options, ...extra) =>
  buildLifecycle("buildSendAgentSessionMessageRequest", "POST", true, [params, options, ...extra]);
/** buildInterruptAgentSessionRequest, checked. */
export const buildInterrupt = (params, options, ...extra) =>
  buildLifecycle("buildInterruptAgentSessionRequest", "POST", false, [params, options, ...extra]);

/** parseAgentSessionList, checked. */
export function parseList(input) {
  const fn = lifecycleFunctions.parseAgentSessionList;
  assert.equal(typeof fn, "function", "parseAgentSessionList is not exported by the package");
  return guarded("parseAgentSessionList", fn, [input]);
}

/** parseInterruptAgentSessionResponse, checked. */
export function parseInterrupt(input) {
  const fn = lifecycleFunctions.parseInterruptAgentSessionResponse;
  assert.equal(typeof fn, "function", "parseInterruptAgentSessionResponse is not exported by the package");
  return guarded("parseInterruptAgentSessionResponse", fn, [input]);
}

/** parseAgentSession, checked. */
export function parse(input) {
  return guarded("parseAgentSession", pkg.parseAgentSession, [input]);
}

function describeOptions(options) {
  try {
    if (options === null || typeof options !== "object") return String(options);
    const own = JSON.stringify(Object.fromEntries(Object.entries(options)));
    const proto = Object.getPrototypeOf(options);
    return proto === Object.prototype || proto === null ? own : `${own} inheriting ${JSON.stringify({ ...proto })}`;
  } catch {
    return "(unreadable)";
  }
}

/**
 * toCurl, observed: its output is scanned for tokens unless `revealToken: true`
 * was asked for, and the text of an error it throws is scanned too. toCurl is
 * the one function allowed to throw (a TypeError, for a non-HttpRequest).
 */
export function toCurl(request, options) {
  stats.calls++;
  let reveal = false;
  try {
    reveal = options !== null && typeof options === "object" && Object.getOwnPropertyDescriptor(options, "revealToken")?.value === true;
  } catch {
    reveal = false;
  }
  try {
    const out = options === undefined ? pkg.toCurl(request) : pkg.toCurl(request, options);
    stats.curls++;
    if (!reveal) scan(String(out), `toCurl output, options ${describeOptions(options)}`);
    return out;
  } catch (error) {
    stats.errors++;
    remember(String(error), "toCurl threw");
    throw error;
  }
}

export const GOOD_REQUEST = Object.freeze({
  prompt: "Build a connection to HubSpot",
  workspaceElementType: "connection",
  workspaceElementId: "conn_123",
  testCustomerId: "cust_1",
  isExternal: false,
  modelId: "anthropic/claude-sonnet-4.6",
  agentName: "connection-building",
  promptAttachments: [{ title: "notes", data: { a: [1, "two", null, true] } }],
});

export const GOOD_RESPONSE_TEXT = JSON.stringify({
  id: "as_1",
  workspaceId: "ws_1",
  workspaceElementId: "conn_123",
  workspaceElementType: "connection",
  type: "agent",
  status: "running",
  prompt: "Build a connection to HubSpot",
  lastActivityAt: "2026-03-01T12:00:00.123Z",
  hasWorker: true,
  createdAt: "2026-03-01T11:59Z",
  updatedAt: "2026-03-01T12:00:00Z",
});

/** Asserts the module still answers correctly after whatever came before. */
export function assertStillWorks(where = "") {
  const v = validate(structuredClone(GOOD_REQUEST));
  assert.equal(v.success, true, `module broken after ${where}: ${JSON.stringify(v.issues)}`);
  assert.deepEqual(v.data, GOOD_REQUEST, `module broken after ${where}: data changed`);
  const bad = validate({ promt: "x" });
  assert.equal(bad.success, false, `module broken after ${where}: accepts a bad request`);
  const p = parse(GOOD_RESPONSE_TEXT);
  assert.equal(p.success, true, `module broken after ${where}: rejects a good response`);
  assert.equal(p.data.state, "busy");
  const b = build(GOOD_REQUEST, { token: "still-works-token-0123456789" });
  assert.equal(b.success, true, `module broken after ${where}: cannot build`);
  assert.deepEqual(JSON.parse(b.data.body), GOOD_REQUEST);
  if (LIFECYCLE_FUNCTIONS.every((name) => typeof lifecycleFunctions[name] === "function")) {
    const g = buildGet({ id: "s 1", wait: true, timeout: 30 }, { token: "still-works-token-0123456789" });
    assert.equal(g.success, true, `module broken after ${where}: cannot build a get`);
    assert.equal(g.data.url, "https://api.getmembrane.com/agent/sessions/s%201?wait=true&timeout=30");
    const badGet = buildGet({ id: "..", timeout: 0 }, { token: "still-works-token-0123456789" });
    assert.deepEqual(badGet.issues?.map((i) => i.code), ["invalid_format", "too_small"], `module broken after ${where}`);
    const page = parseList(`{"items":[${GOOD_RESPONSE_TEXT}],"cursor":"c"}`);
    assert.equal(page.success, true, `module broken after ${where}: rejects a good page`);
    assert.equal(page.data.items[0].state, "busy");
    assert.deepEqual(parseInterrupt('{"interrupted":true}').data, { interrupted: true });
  }
}

/** Fails if any message, error text or unrevealed toCurl output held a registered token. */
export function assertNoTokenLeaks() {
  for (const { text, where } of messages) scan(text, where);
  const unique = new Map(leaks.map((l) => [`${l.token}\u0000${l.where}`, l]));
  assert.deepEqual([...unique.values()], [], "a token appeared where it must not");
}

/** The registered tokens that occur in `text` (for tests of this checker itself). */
export function tokensIn(text) {
  return [...secrets].filter((token) => text.includes(token));
}

/** Counters for the final report of a test file. */
export function observedStats() {
  return { ...stats, secrets: secrets.size, messagesKept: messages.length };
}
