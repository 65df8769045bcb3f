// The session lifecycle (SPEC, "The session lifecycle"), through the built
// package as users import it: the four builders (get with long polling,
// list, send a message, interrupt) and the two parsers (a list page, the
// interrupt answer) — URLs, query order, path-segment encoding of hostile
// ids, methods, headers, bodies, every params rule with its issue details,
// params and options problems together, toCurl of each request, and no
// throw whatever the arguments.
//
// Every call goes through ./support/package.mjs, which fails the test if a
// call throws, if an answer is not a well-formed Result, if a request has a
// `body` key where SPEC says it has none, or if a message holds a token.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { generateRequest } from "./support/generate.mjs";
import {
  assertNoTokenLeaks, assertStillWorks, buildGet, buildInterrupt, buildList, buildSend, LIFECYCLE_FUNCTIONS,
  lifecycleSources, observedStats, parse, parseInterrupt, parseList, pkg, toCurl, validate,
} from "./support/package.mjs";
import { createRandom } from "./support/prng.mjs";

const TOKEN = "lifecycle-test-token-7c1d2e"; // distinctive: the wrapper checks no message holds it
const DEFAULT_BASE = "https://api.getmembrane.com";

/** Base URLs: as given, what the request URL starts with, its host, its path prefix. */
const BASES = [
  [undefined, DEFAULT_BASE, "api.getmembrane.com", []],
  ["https://h.example/v1/", "https://h.example/v1", "h.example", ["v1"]],
  ["https://h.example/v1", "https://h.example/v1", "h.example", ["v1"]],
  ["https://h.example//api//v2//", "https://h.example/api/v2", "h.example", ["api", "v2"]],
  ["http://127.0.0.1:8080/a/b", "http://127.0.0.1:8080/a/b", "127.0.0.1:8080", ["a", "b"]],
  ["http://localhost:3000", "http://localhost:3000", "localhost:3000", []],
];
const optionsFor = (baseUrl) => (baseUrl === undefined ? { token: TOKEN } : { token: TOKEN, baseUrl });
const OPTIONS = optionsFor("https://h.example/v1/");

const SESSION = Object.freeze({
  id: "as_1", workspaceId: "ws_1", workspaceElementId: "conn_1", type: "agent", status: "running", prompt: "p",
  lastActivityAt: "2026-03-01T12:00Z", hasWorker: true, createdAt: "2026-03-01T11:59:00Z", updatedAt: "2026-03-01T12:00:00.5Z",
});

/** Runs `fn`, then checks the module still answers correctly. */
function checked(name, options, fn = options) {
  test(name, fn === options ? {} : options, async () => {
    try {
      await fn();
    } finally {
      assertStillWorks(name);
    }
  });
}

/**
 * Asserts `result` failed with exactly these issues, in this order. Each
 * expected issue lists the keys to compare (code, path and details); a key
 * given as `undefined` must be absent from the issue.
 */
function assertIssues(result, expected, where) {
  assert.equal(result.success, false, `${where}: accepted: ${JSON.stringify(result.data)}`);
  const actual = result.issues.map(({ message, ...rest }) => rest);
  assert.equal(actual.length, expected.length, `${where}: ${JSON.stringify(actual)}`);
  expected.forEach((want, i) => {
    for (const [key, value] of Object.entries(want)) {
      if (value === undefined) assert.ok(!(key in actual[i]), `${where}: issue ${i} has ${key}: ${JSON.stringify(actual[i])}`);
      else assert.deepEqual(actual[i][key], value, `${where}: issue ${i} ${key}: ${JSON.stringify(actual[i])}`);
    }
  });
}

const ok = (result, where) => {
  assert.equal(result.success, true, `${where}: ${JSON.stringify(result.issues)}`);
  return result.data;
};

// ---- exports ------------------------------------------------------------------

test("every lifecycle function is exported from the package root", () => {
  const notAtRoot = LIFECYCLE_FUNCTIONS.filter((name) => lifecycleSources[name] !== "root");
  assert.deepEqual(notAtRoot.map((n) => `${n}: ${lifecycleSources[n]}`), [], "not exported from \"membrane-agent-session\"");
  for (const name of LIFECYCLE_FUNCTIONS) assert.equal(typeof pkg[name], "function", name);
});

test("the root declarations (ESM and CJS) declare every lifecycle function and its types", () => {
  const root = fileURLToPath(import.meta.resolve("membrane-agent-session"));
  const manifest = JSON.parse(readFileSync(new URL("package.json", `file://${root}`), "utf8"));
  const entry = manifest.exports["."];
  for (const types of [entry.import.types, entry.require.types]) {
    const file = new URL(types, `file://${root}`);
    const text = readFileSync(file, "utf8");
    // The root file either declares a name or re-exports it from a sibling declaration file.
    const siblings = [...text.matchAll(/from\s+['"](\.[^'"]+)['"]/g)].map((m) => m[1].replace(/\.(c?)js$/, ".d.$1ts"));
    const all = [text, ...siblings.map((s) => readFileSync(new URL(s, file), "utf8"))].join("\n");
    for (const name of LIFECYCLE_FUNCTIONS) {
      assert.match(text, new RegExp(`\\b${name}\\b`), `${types} does not export ${name}`);
      assert.match(all, new RegExp(`export (declare )?function ${name}\\(`), `no declaration of ${name} behind ${types}`);
    }
    for (const type of ["GetAgentSessionParams", "ListAgentSessionsParams", "SendAgentSessionMessageParams",
      "InterruptAgentSessionParams", "AgentSessionList", "InterruptAgentSessionResponse"]) {
      assert.match(text, new RegExp(`\\b${type}\\b`), `${types} does not export the type ${type}`);
    }
  }
});

// ---- URLs, methods, headers, bodies ------------------------------------------------

const AUTH_ACCEPT = ["Authorization", "Accept"];
const AUTH_TYPE_ACCEPT = ["Authorization", "Content-Type", "Accept"];

function assertHeaders(request, names, where) {
  assert.deepEqual(Object.keys(request.headers), names, `${where}: header names and order`);
  assert.equal(request.headers.Authorization, `Bearer ${TOKEN}`, where);
  assert.equal(request.headers.Accept, "application/json", where);
  if (names.includes("Content-Type")) assert.equal(request.headers["Content-Type"], "application/json", where);
  assert.deepEqual(Object.keys(request), request.body === undefined ? ["method", "url", "headers"] : ["method", "url", "headers", "body"], `${where}: keys`);
}

checked("get: the id in one segment, the query in table order and only what is given, on every base URL", () => {
  const cases = [
    [{ id: "s1" }, "/agent/sessions/s1"],
    [{ id: "s 1", wait: true, timeout: 30 }, "/agent/sessions/s%201?wait=true&timeout=30"],
    [{ timeout: 1, wait: false, id: "x" }, "/agent/sessions/x?wait=false&timeout=1"],
    [{ id: "s", timeout: 60 }, "/agent/sessions/s?timeout=60"],
    [{ id: "s", wait: true }, "/agent/sessions/s?wait=true"],
    [{ id: "s", wait: false }, "/agent/sessions/s?wait=false"],
    [{ id: "s", timeout: 30.0 }, "/agent/sessions/s?timeout=30"],
    [{ id: "s", wait: undefined, timeout: undefined }, "/agent/sessions/s"],
    [{ id: "a/b" }, "/agent/sessions/a%2Fb"],
    [{ id: "../x" }, "/agent/sessions/..%2Fx"],
    [{ id: "?#%" }, "/agent/sessions/%3F%23%25"],
    [{ id: "...", wait: true }, "/agent/sessions/...?wait=true"],
    [{ id: "é😀" }, "/agent/sessions/%C3%A9%F0%9F%98%80"],
    [{ id: "A-z_0.!~*'()" }, "/agent/sessions/A-z_0.!~*'()"],
  ];
  for (const [baseUrl, prefix] of BASES) {
    for (const [params, tail] of cases) {
      const where = `get ${JSON.stringify(params)} on ${baseUrl}`;
      const r = ok(buildGet(params, optionsFor(baseUrl)), where);
      assert.equal(r.url, prefix + tail, where);
      assert.equal(r.method, "GET");
      assert.equal("body" in r, false, `${where}: a body key`);
      assertHeaders(r, AUTH_ACCEPT, where);
    }
  }
});

checked("list: the query in table order, only what is given, values encoded", () => {
  const cases = [
    [{}, "/agent/sessions"],
    [{ workspaceElementType: "connector", cursor: "abc", limit: 100 }, "/agent/sessions?limit=100&cursor=abc&workspaceElementType=connector"],
    [{ cursor: "abc", limit: 100 }, "/agent/sessions?limit=100&cursor=abc"],
    [{ workspaceElementType: "flow-run" }, "/agent/sessions?workspaceElementType=flow-run"],
    [{ workspaceElementType: "external-event-type" }, "/agent/sessions?workspaceElementType=external-event-type"],
    [{ cursor: "a&b=c d" }, "/agent/sessions?cursor=a%26b%3Dc%20d"],
    [{ cursor: "eyJpZCI6MX0=+/" }, "/agent/sessions?cursor=eyJpZCI6MX0%3D%2B%2F"],
    [{ limit: 1 }, "/agent/sessions?limit=1"],
    [{ limit: 1000 }, "/agent/sessions?limit=1000"],
    [{ limit: undefined, cursor: undefined, workspaceElementType: undefined }, "/agent/sessions"],
  ];
  for (const [baseUrl, prefix] of BASES) {
    for (const [params, tail] of cases) {
      const where = `list ${JSON.stringify(params)} on ${baseUrl}`;
      const r = ok(buildList(params, optionsFor(baseUrl)), where);
      assert.equal(r.url, prefix + tail, where);
      assert.equal("body" in r, false, `${where}: a body key`);
      assertHeaders(r, AUTH_ACCEPT, where);
    }
  }
  // Every workspace element type goes through, as encodeURIComponent writes it.
  for (const type of pkg.WORKSPACE_ELEMENT_TYPES) {
    const r = ok(buildList({ workspaceElementType: type }, OPTIONS), type);
    assert.equal(r.url, `https://h.example/v1/agent/sessions?workspaceElementType=${encodeURIComponent(type)}`);
  }
});

checked("send: POST …/{id}/message, the body is JSON.stringify of the params less id, in table order", () => {
  const cases = [
    [{ id: "s", input: "hello" }, { input: "hello" }],
    [{ input: "", id: "s" }, { input: "" }],
    [{ id: "s", input: "x", synthetic: false }, { input: "x", synthetic: false }],
    [
      { attachments: [{ data: { k: [1, null] }, title: "t" }], synthetic: true, input: "", id: "s/1" },
      { input: "", synthetic: true, attachments: [{ title: "t", data: { k: [1, null] } }] },
    ],
    [{ id: "s", input: "x", attachments: [] }, { input: "x", attachments: [] }],
    [{ id: "s", input: "x", attachments: [{ title: "n", data: null }, { title: "m", data: [-0, 1e21, 0.1 + 0.2, 5e-324, "ü"] }] },
      { input: "x", attachments: [{ title: "n", data: null }, { title: "m", data: [0, 1e21, 0.1 + 0.2, 5e-324, "ü"] }] }],
    [{ id: "s", input: "quote \" back \\ nul \u0000 line\nsep\u2028 😀 \uFEFF" }, { input: "quote \" back \\ nul \u0000 line\nsep\u2028 😀 \uFEFF" }],
    [{ id: "s", input: "x", synthetic: undefined, attachments: undefined }, { input: "x" }],
  ];
  for (const [baseUrl, prefix] of BASES) {
    for (const [params, body] of cases) {
      const where = `send ${JSON.stringify(params)} on ${baseUrl}`;
      const r = ok(buildSend(params, optionsFor(baseUrl)), where);
      assert.equal(r.method, "POST");
      assert.equal(r.url, `${prefix}/agent/sessions/${encodeURIComponent(params.id)}/message`, where);
      assert.equal(r.body, JSON.stringify(body), where);
      assertHeaders(r, AUTH_TYPE_ACCEPT, where);
    }
  }
  // The body follows the table's order whatever order the caller used, and
  // keeps the caller's key order inside data (as JSON.stringify does).
  const r = ok(buildSend({ synthetic: true, attachments: [{ data: { z: 1, a: 2 }, title: "t" }], id: "s", input: "i" }, OPTIONS), "order");
  assert.equal(r.body, '{"input":"i","synthetic":true,"attachments":[{"title":"t","data":{"z":1,"a":2}}]}');
});

checked("interrupt: POST …/{id}/interrupt with no body, no Content-Type", () => {
  for (const [baseUrl, prefix] of BASES) {
    for (const id of ["s1", "a/b", "s 1", "é"]) {
      const where = `interrupt ${id} on ${baseUrl}`;
      const r = ok(buildInterrupt({ id }, optionsFor(baseUrl)), where);
      assert.equal(r.method, "POST");
      assert.equal(r.url, `${prefix}/agent/sessions/${encodeURIComponent(id)}/interrupt`, where);
      assert.equal("body" in r, false, `${where}: a body key`);
      assertHeaders(r, AUTH_ACCEPT, where);
    }
  }
});

checked("new Request(r.url, r) accepts every built request, with the same method, headers and body", async () => {
  const requests = [
    ok(buildGet({ id: "s 1", wait: true, timeout: 30 }, OPTIONS), "get"),
    ok(buildList({ limit: 100, cursor: "a b", workspaceElementType: "connector" }, OPTIONS), "list"),
    ok(buildSend({ id: "s/1", input: "hi", attachments: [{ title: "t", data: 1 }] }, OPTIONS), "send"),
    ok(buildInterrupt({ id: "s1" }, OPTIONS), "interrupt"),
  ];
  for (const r of requests) {
    const made = new Request(r.url, r);
    assert.equal(made.method, r.method);
    assert.equal(made.url, r.url, "fetch would send another URL");
    assert.equal(made.headers.get("authorization"), `Bearer ${TOKEN}`);
    assert.equal(made.headers.get("accept"), "application/json");
    assert.equal(made.headers.get("content-type"), r.body === undefined ? null : "application/json");
    assert.equal(await made.text(), r.body ?? "");
  }
});

/** A loopback API that records what it receives and answers like the real one; closes itself. */
async function withRecordingServer(fn) {
  const received = [];
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => { body += chunk; });
    req.on("end", () => {
      received.push({ method: req.method, url: req.url, headers: req.headers, body });
      const path = req.url.split("?")[0];
      let answer;
      if (req.method === "GET" && path.endsWith("/agent/sessions")) answer = { items: [{ ...SESSION, extra: 1 }, { ...SESSION, id: "as_2", state: "idle" }], cursor: "next page" };
      else if (path.endsWith("/interrupt")) answer = { interrupted: true, at: "now" };
      else answer = { ...SESSION, state: "idle", status: "completed" };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(answer));
    });
  });
  const stop = setTimeout(() => server.close(), 20_000).unref();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    return await fn(`http://127.0.0.1:${server.address().port}/api`, received);
  } finally {
    clearTimeout(stop);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

checked("fetch(r.url, r) against a loopback server: the server sees exactly the built method, path, query, headers and body", async () => {
  await withRecordingServer(async (baseUrl, received) => {
    const options = { token: TOKEN, baseUrl };
    const calls = [
      [buildGet({ id: "../x?y#z", wait: true, timeout: 30 }, options), (t) => pkg.parseAgentSession(t)],
      [buildList({ limit: 2, cursor: "a&b=c d/é" }, options), (t) => parseList(t)],
      [buildSend({ id: "a/b", input: "continue, please", synthetic: true }, options), (t) => pkg.parseAgentSession(t)],
      [buildInterrupt({ id: "%2e%2e" }, options), (t) => parseInterrupt(t)],
    ];
    const answers = [];
    for (const [built, parseAnswer] of calls) {
      const r = ok(built, "built");
      const response = await fetch(r.url, r);
      assert.equal(response.status, 200);
      answers.push(ok(parseAnswer(await response.text()), `answer to ${r.method} ${r.url}`));
      const seen = received[received.length - 1];
      const url = new URL(r.url);
      assert.equal(seen.method, r.method);
      assert.equal(seen.url, url.pathname + url.search, "the path or query changed on the way");
      assert.ok(seen.url.startsWith("/api/agent/sessions"), seen.url);
      assert.equal(seen.headers.authorization, `Bearer ${TOKEN}`);
      assert.equal(seen.headers.accept, "application/json");
      assert.equal(seen.headers["content-type"], r.body === undefined ? undefined : "application/json");
      assert.equal(seen.body, r.body ?? "");
    }
    assert.deepEqual(received.map((s) => `${s.method} ${s.url}`), [
      "GET /api/agent/sessions/..%2Fx%3Fy%23z?wait=true&timeout=30",
      "GET /api/agent/sessions?limit=2&cursor=a%26b%3Dc%20d%2F%C3%A9",
      "POST /api/agent/sessions/a%2Fb/message",
      "POST /api/agent/sessions/%252e%252e/interrupt",
    ]);
    assert.equal(answers[0].state, "idle");
    assert.deepEqual(answers[1].items.map((s) => [s.id, s.state, "extra" in s]), [["as_1", "busy", false], ["as_2", "idle", false]]);
    assert.equal(answers[1].cursor, "next page");
    assert.deepEqual(answers[3], { interrupted: true });
  });
});

// ---- hostile ids ------------------------------------------------------------------

const ACCEPTED_IDS = [
  "../x", "a/b", "?", "#", "%", "%2e%2e", "%2E", ".%2e", " ", "é", "日本語", "😀", "e\u0301", "...", ".x", "x.",
  "../../../../etc/passwd", "..\\x", "\\", "//evil.example", "@evil.example", "https://evil.example/", ":443",
  "a;b", "a,b", "a=b&c", "[::1]", "\u0000", "a\nb", "\r\nX-Injected: 1", "\t", "\u2028", "\u202Eevil", "\uFEFF",
  "%00", "%0d%0a", "+", "a+b", "~", "'", "\"", "<script>", "`", "{}", "|", "^", "s".repeat(2000),
];
const SUFFIX = { get: "", send: "/message", interrupt: "/interrupt" };
const ID_BUILDERS = [
  ["get", (id, options) => buildGet({ id }, options)],
  ["send", (id, options) => buildSend({ id, input: "x" }, options)],
  ["interrupt", (id, options) => buildInterrupt({ id }, options)],
];

checked("hostile ids are one encoded path segment: the id never changes the path or the host", () => {
  for (const [baseUrl, prefix, host, segments] of BASES) {
    for (const id of ACCEPTED_IDS) {
      for (const [name, builder] of ID_BUILDERS) {
        const where = `${name} id ${JSON.stringify(id).slice(0, 40)} on ${baseUrl}`;
        const r = ok(builder(id, optionsFor(baseUrl)), where);
        assert.equal(r.url, `${prefix}/agent/sessions/${encodeURIComponent(id)}${SUFFIX[name]}`, where);
        const u = new URL(r.url);
        assert.equal(u.host, host, `${where}: host`);
        assert.equal(u.username + u.password, "", `${where}: credentials`);
        assert.equal(u.search, "", `${where}: query`);
        assert.equal(u.hash, "", `${where}: fragment`);
        const expected = ["", ...segments, "agent", "sessions", encodeURIComponent(id), ...(SUFFIX[name] ? [SUFFIX[name].slice(1)] : [])];
        assert.deepEqual(u.pathname.split("/"), expected, `${where}: path segments`);
        assert.equal(decodeURIComponent(u.pathname.split("/")[segments.length + 3]), id, `${where}: the id does not come back`);
      }
    }
  }
  // With wait and timeout, the query stays ours.
  for (const id of ["?wait=false", "#x", "&timeout=1", "a?b=c#d"]) {
    const r = ok(buildGet({ id, wait: true, timeout: 5 }, OPTIONS), id);
    const u = new URL(r.url);
    assert.deepEqual([...u.searchParams], [["wait", "true"], ["timeout", "5"]], id);
    assert.equal(u.hash, "");
  }
});

checked("ids that no encoding can carry: lone surrogates (never U+FFFD), '.' and '..'", () => {
  for (const id of ["\uD800", "a\uDC00", "\uDBFFz", "x\uD83D", "\uDE00y", "\uDC00\uD800"]) {
    assert.throws(() => encodeURIComponent(id), URIError, "encodeURIComponent refuses it too");
    for (const [name, builder] of ID_BUILDERS) {
      const where = `${name} lone surrogate ${JSON.stringify(id)}`;
      const r = builder(id, OPTIONS);
      assertIssues(r, [{ code: "invalid_format", path: ["id"], format: "well-formed-unicode" }], where);
      assert.ok(!JSON.stringify(r).includes("\uFFFD") && !JSON.stringify(r).includes("%EF%BF%BD"), `${where}: U+FFFD`);
    }
  }
  for (const id of [".", ".."]) {
    for (const [name, builder] of ID_BUILDERS) {
      assertIssues(builder(id, OPTIONS), [{ code: "invalid_format", path: ["id"], format: "path-segment" }], `${name} ${id}`);
    }
  }
  // Paired surrogates are fine (encoded as UTF-8).
  assert.equal(ok(buildGet({ id: "\uD83D\uDE00" }, OPTIONS), "pair").url, "https://h.example/v1/agent/sessions/%F0%9F%98%80");
});

checked("hostile cursors are one query value, encoded as encodeURIComponent does", () => {
  const cursors = [
    "abc", "a&b=c d", "&limit=5", "#frag", "?x", "%", "%2e", "+", "a+b", "/../", "é😀", "\u0000", "\r\n",
    "eyJvZmZzZXQiOjEwMH0=", "=", "&", ";", "'", " ", "x".repeat(5000),
  ];
  for (const cursor of cursors) {
    const r = ok(buildList({ limit: 10, cursor, workspaceElementType: "app" }, OPTIONS), JSON.stringify(cursor));
    assert.equal(r.url, `https://h.example/v1/agent/sessions?limit=10&cursor=${encodeURIComponent(cursor)}&workspaceElementType=app`);
    const u = new URL(r.url);
    assert.equal(u.pathname, "/v1/agent/sessions");
    assert.equal(u.hash, "");
    assert.deepEqual([...u.searchParams], [["limit", "10"], ["cursor", cursor], ["workspaceElementType", "app"]], JSON.stringify(cursor));
  }
  assertIssues(buildList({ cursor: "a\uD800" }, OPTIONS), [{ code: "invalid_format", path: ["cursor"], format: "well-formed-unicode" }], "lone surrogate cursor");
});

// ---- params rules ------------------------------------------------------------------

const WET = [...pkg.WORKSPACE_ELEMENT_TYPES];

checked("every params rule, with its issue code, path and details", () => {
  const get = buildGet, list = buildList, send = buildSend, interrupt = buildInterrupt;
  const int = (path, received) => ({ code: "invalid_type", path: [path], expected: "int", received });
  const cases = [
    // id (get, send, interrupt)
    [get, {}, [{ code: "invalid_type", path: ["id"], expected: "string", received: "undefined" }]],
    [get, { id: undefined }, [{ code: "invalid_type", path: ["id"], expected: "string", received: "undefined" }]],
    [get, { id: "" }, [{ code: "too_small", path: ["id"], minimum: 1, origin: "string" }]],
    [get, { id: "." }, [{ code: "invalid_format", path: ["id"], format: "path-segment" }]],
    [get, { id: ".." }, [{ code: "invalid_format", path: ["id"], format: "path-segment" }]],
    [get, { id: 7 }, [{ code: "invalid_type", path: ["id"], expected: "string", received: "number" }]],
    [get, { id: null }, [{ code: "invalid_type", path: ["id"], expected: "string", received: "null" }]],
    [get, { id: ["s"] }, [{ code: "invalid_type", path: ["id"], expected: "string", received: "array" }]],
    [send, { input: "x" }, [{ code: "invalid_type", path: ["id"], received: "undefined" }]],
    [interrupt, { id: "" }, [{ code: "too_small", path: ["id"], minimum: 1 }]],
    [interrupt, { id: ".." }, [{ code: "invalid_format", path: ["id"], format: "path-segment" }]],
    // wait
    [get, { id: "s", wait: "true" }, [{ code: "invalid_type", path: ["wait"], expected: "boolean", received: "string" }]],
    [get, { id: "s", wait: 1 }, [{ code: "invalid_type", path: ["wait"], expected: "boolean", received: "number" }]],
    [get, { id: "s", wait: null }, [{ code: "invalid_type", path: ["wait"], expected: "boolean", received: "null" }]],
    // timeout: an integer from 1 to 60
    [get, { id: "s", timeout: 0 }, [{ code: "too_small", path: ["timeout"], minimum: 1, origin: "number" }]],
    [get, { id: "s", timeout: -0 }, [{ code: "too_small", path: ["timeout"], minimum: 1, origin: "number" }]],
    [get, { id: "s", timeout: -1 }, [{ code: "too_small", path: ["timeout"], minimum: 1 }]],
    [get, { id: "s", timeout: 61 }, [{ code: "too_big", path: ["timeout"], maximum: 60, origin: "number" }]],
    [get, { id: "s", timeout: 1e300 }, [{ code: "too_big", path: ["timeout"], maximum: 60 }]],
    [get, { id: "s", timeout: 2 ** 32 + 30 }, [{ code: "too_big", path: ["timeout"], maximum: 60 }]],
    [get, { id: "s", timeout: 1.5 }, [int("timeout", "number")]],
    [get, { id: "s", timeout: 30.000001 }, [int("timeout", "number")]],
    [get, { id: "s", timeout: 0.5 }, [int("timeout", "number")]],
    [get, { id: "s", timeout: "30" }, [int("timeout", "string")]],
    [get, { id: "s", timeout: NaN }, [int("timeout", "NaN")]],
    [get, { id: "s", timeout: Infinity }, [int("timeout", "Infinity")]],
    [get, { id: "s", timeout: -Infinity }, [int("timeout", "-Infinity")]],
    [get, { id: "s", timeout: 30n }, [int("timeout", "bigint")]],
    [get, { id: "s", timeout: null }, [int("timeout", "null")]],
    [get, { id: "s", timeout: true }, [int("timeout", "boolean")]],
    [get, { id: "s", timeout: new Number(30) }, [int("timeout", "non-plain object")]],
    // limit: an integer from 1 to 1000
    [list, { limit: 0 }, [{ code: "too_small", path: ["limit"], minimum: 1, origin: "number" }]],
    [list, { limit: 1001 }, [{ code: "too_big", path: ["limit"], maximum: 1000, origin: "number" }]],
    [list, { limit: 2.5 }, [int("limit", "number")]],
    [list, { limit: "100" }, [int("limit", "string")]],
    [list, { limit: NaN }, [int("limit", "NaN")]],
    [list, { limit: 100n }, [int("limit", "bigint")]],
    // cursor: at least 1 character
    [list, { cursor: "" }, [{ code: "too_small", path: ["cursor"], minimum: 1, origin: "string" }]],
    [list, { cursor: 5 }, [{ code: "invalid_type", path: ["cursor"], expected: "string", received: "number" }]],
    [list, { cursor: null }, [{ code: "invalid_type", path: ["cursor"], received: "null" }]],
    // workspaceElementType: one of 31, with a suggestion for a near miss
    [list, { workspaceElementType: "Connector" }, [{ code: "invalid_value", path: ["workspaceElementType"], values: WET, suggestion: "connector" }]],
    [list, { workspaceElementType: "conector" }, [{ code: "invalid_value", path: ["workspaceElementType"], values: WET, suggestion: "connector" }]],
    [list, { workspaceElementType: "flow_run" }, [{ code: "invalid_value", path: ["workspaceElementType"], suggestion: "flow-run" }]],
    [list, { workspaceElementType: "spaceship" }, [{ code: "invalid_value", path: ["workspaceElementType"], values: WET, suggestion: undefined }]],
    [list, { workspaceElementType: " connector" }, [{ code: "invalid_value", path: ["workspaceElementType"], suggestion: "connector" }]],
    [list, { workspaceElementType: 3 }, [{ code: "invalid_value", path: ["workspaceElementType"] }]],
    // every problem at once, in table order
    [list, { limit: -1, cursor: "", workspaceElementType: "Connector" }, [
      { code: "too_small", path: ["limit"] }, { code: "too_small", path: ["cursor"] }, { code: "invalid_value", path: ["workspaceElementType"] },
    ]],
    [get, { id: "..", timeout: 99, wiat: true }, [
      { code: "invalid_format", path: ["id"], format: "path-segment" },
      { code: "too_big", path: ["timeout"], maximum: 60 },
      { code: "unrecognized_keys", path: [], keys: ["wiat"], suggestion: "wait" },
    ]],
    // input, synthetic
    [send, { id: "s" }, [{ code: "invalid_type", path: ["input"], expected: "string", received: "undefined" }]],
    [send, { id: "s", input: 5 }, [{ code: "invalid_type", path: ["input"], expected: "string", received: "number" }]],
    [send, { id: "s", input: null }, [{ code: "invalid_type", path: ["input"], received: "null" }]],
    [send, { id: "s", input: "a\uD800" }, [{ code: "invalid_format", path: ["input"], format: "well-formed-unicode" }]],
    [send, { id: "s", input: "x", synthetic: 1 }, [{ code: "invalid_type", path: ["synthetic"], expected: "boolean", received: "number" }]],
    [send, { id: "s", input: "x", synthetic: "true" }, [{ code: "invalid_type", path: ["synthetic"], expected: "boolean" }]],
    // attachments, as promptAttachments
    [send, { id: "s", input: "x", attachments: {} }, [{ code: "invalid_type", path: ["attachments"], received: "object" }]],
    [send, { id: "s", input: "x", attachments: null }, [{ code: "invalid_type", path: ["attachments"], received: "null" }]],
    [send, { id: "s", input: "x", attachments: [{ title: "" }] }, [
      { code: "too_small", path: ["attachments", 0, "title"], minimum: 1 },
      { code: "invalid_type", path: ["attachments", 0, "data"], received: "undefined" },
    ]],
    [send, { id: "s", input: "x", attachments: [{ title: "t", data: 1 }, { title: "u", data: 1n }] }, [
      { code: "invalid_type", path: ["attachments", 1, "data"], expected: "json", received: "bigint" },
    ]],
    [send, { id: "s", input: "x", attachments: [{ title: "t", data: 1, titel: 2 }] }, [
      { code: "unrecognized_keys", path: ["attachments", 0], keys: ["titel"], suggestion: "title" },
    ]],
    [send, { id: "s", input: "x", attachments: [null] }, [{ code: "invalid_type", path: ["attachments", 0] }]],
    [send, { id: "s", input: "x", attachments: new Array(1) }, [{ code: "invalid_type", path: ["attachments", 0], received: "undefined" }]],
    // unknown keys, one issue each, with a suggestion when close
    [get, { id: "s", timout: 30 }, [{ code: "unrecognized_keys", path: [], keys: ["timout"], suggestion: "timeout" }]],
    [get, { id: "s", Wait: true }, [{ code: "unrecognized_keys", path: [], keys: ["Wait"], suggestion: "wait" }]],
    [get, { ID: "s" }, [
      { code: "invalid_type", path: ["id"], received: "undefined" },
      { code: "unrecognized_keys", path: [], keys: ["ID"], suggestion: "id" },
    ]],
    [get, { id: "s", limit: 5 }, [{ code: "unrecognized_keys", path: [], keys: ["limit"] }]],
    [list, { limt: 5, curser: "c", id: "s" }, [
      { code: "unrecognized_keys", path: [], keys: ["limt"], suggestion: "limit" },
      { code: "unrecognized_keys", path: [], keys: ["curser"], suggestion: "cursor" },
      { code: "unrecognized_keys", path: [], keys: ["id"], suggestion: undefined },
    ]],
    [list, { workspaceElementTyp: "app" }, [{ code: "unrecognized_keys", keys: ["workspaceElementTyp"], suggestion: "workspaceElementType" }]],
    [send, { id: "s", inputs: "x" }, [
      { code: "invalid_type", path: ["input"] },
      { code: "unrecognized_keys", keys: ["inputs"], suggestion: "input" },
    ]],
    [send, { id: "s", input: "x", attachment: [] }, [{ code: "unrecognized_keys", keys: ["attachment"], suggestion: "attachments" }]],
    [send, { id: "s", input: "x", promptAttachments: [] }, [{ code: "unrecognized_keys", keys: ["promptAttachments"] }]],
    [send, { id: "s", input: "x", wait: true }, [{ code: "unrecognized_keys", keys: ["wait"] }]],
    [interrupt, { id: "s", wait: true }, [{ code: "unrecognized_keys", path: [], keys: ["wait"] }]],
    [interrupt, { id: "s", reason: "x" }, [{ code: "unrecognized_keys", path: [], keys: ["reason"] }]],
    // not an object at all
    [interrupt, [], [{ code: "invalid_type", path: [], expected: "object", received: "array" }]],
    [interrupt, "s1", [{ code: "invalid_type", path: [], expected: "object", received: "string" }]],
    [get, null, [{ code: "invalid_type", path: [], received: "null" }]],
    [list, undefined, [{ code: "invalid_type", path: [], received: "undefined" }]],
    [send, 5, [{ code: "invalid_type", path: [] }]],
  ];
  for (const [builder, params, expected] of cases) {
    const where = `${builder === get ? "get" : builder === list ? "list" : builder === send ? "send" : "interrupt"} ${String(JSON.stringify(params, (_, v) => (typeof v === "bigint" ? `${v}n` : v)))}`;
    assertIssues(builder(params, OPTIONS), expected, where);
  }
  // The limits themselves are accepted.
  for (const timeout of [1, 60, 30]) ok(buildGet({ id: "s", timeout }, OPTIONS), `timeout ${timeout}`);
  for (const limit of [1, 1000, 500]) ok(buildList({ limit }, OPTIONS), `limit ${limit}`);
});

checked("attachments follow exactly the rules of promptAttachments (generated cases)", () => {
  const r = createRandom("lifecycle-attachments");
  let compared = 0, failing = 0;
  for (let n = 0; n < 3000; n++) {
    const { input } = generateRequest(r);
    if (input === null || typeof input !== "object" || Array.isArray(input) || !Object.hasOwn(input, "promptAttachments")) continue;
    const attachments = input.promptAttachments;
    const created = validate({ prompt: "p", promptAttachments: attachments });
    const sent = buildSend({ id: "s", input: "p", attachments }, OPTIONS);
    compared++;
    assert.equal(sent.success, created.success, `attachments ${JSON.stringify(created.issues ?? "")}`);
    if (created.success) {
      assert.equal(sent.data.body, JSON.stringify({ input: "p", attachments: created.data.promptAttachments }));
    } else {
      failing++;
      const renamed = created.issues.map(({ message, ...i }) => ({ ...i, path: i.path.map((p, k) => (k === 0 ? "attachments" : p)) }));
      assert.deepEqual(sent.issues.map(({ message, ...i }) => i), renamed);
    }
  }
  console.log(`attachments: ${compared} generated arrays compared with promptAttachments (${failing} refused)`);
  assert.ok(compared > 300 && failing > 50 && compared - failing > 50, "the cases did not cover both outcomes");
});

checked("params and options problems come together, params first", () => {
  const builders = [
    ["get", buildGet, { id: "" }, ["id"]],
    ["list", buildList, { limit: 0 }, ["limit"]],
    ["send", buildSend, { id: "s" }, ["input"]],
    ["interrupt", buildInterrupt, { id: "" }, ["id"]],
  ];
  for (const [name, builder, params, path] of builders) {
    assertIssues(builder(params, { token: "a b" }), [{ path }, { code: "invalid_format", path: ["options", "token"], format: "token" }], `${name} bad token`);
    assertIssues(builder(params, { token: "" }), [{ path }, { code: "too_small", path: ["options", "token"] }], `${name} empty token`);
    assertIssues(builder(params, {}), [{ path }, { code: "invalid_type", path: ["options", "token"], received: "undefined" }], `${name} no token`);
    assertIssues(builder(params, { token: TOKEN, baseUrl: "http://h.example" }), [{ path }, { code: "invalid_format", path: ["options", "baseUrl"], format: "url" }], `${name} http base`);
    assertIssues(builder(params, { token: `${TOKEN}\r\n`, baseUrl: "https://h.example/?q", tokn: 1 }), [
      { path }, { path: ["options", "token"] }, { path: ["options", "baseUrl"] }, { code: "unrecognized_keys", path: ["options"], keys: ["tokn"], suggestion: "token" },
    ], `${name} everything wrong`);
    const missing = builder(params);
    assert.equal(missing.success, false);
    assert.deepEqual(missing.issues[0].path, path, `${name} without options`);
    assert.ok(missing.issues.slice(1).every((i) => i.path[0] === "options") && missing.issues.length > 1, `${name} without options: ${JSON.stringify(missing.issues)}`);
  }
});

// Params and options are checked in one walk (src/http_request.rs `build`):
// with more than 100 problems across both, one summary, last, at most 100
// listed. buildCreateAgentSessionRequest shares `build`, so it is checked too.
checked("a cut issue list ends with one too_many_issues, counting the params' and the options' problems", () => {
  const many = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, i]));
  const good = { create: { prompt: "p" }, get: { id: "s" }, list: {}, send: { id: "s", input: "x" }, interrupt: { id: "s" } };
  const problems = [];
  for (const name of Object.keys(good)) {
    for (const [label, params, options] of [
      ["options overflow", good[name], { token: TOKEN, ...many }],
      ["options overflow, one params problem", { ...good[name], zzz: 1 }, { token: TOKEN, ...many }],
      ["params overflow, bad token", many, { token: "a b" }],
      ["both overflow", many, many],
    ]) {
      const where = `${name}, ${label}`;
      // Ask the package directly: the support wrapper would stop at the first broken promise.
      const r = pkg[{ create: "buildCreateAgentSessionRequest", get: "buildGetAgentSessionRequest", list: "buildListAgentSessionsRequest", send: "buildSendAgentSessionMessageRequest", interrupt: "buildInterruptAgentSessionRequest" }[name]](params, options);
      assert.equal(r.success, false, where);
      const summaries = r.issues.filter((i) => i.code === "too_many_issues");
      const wrong = [];
      if (summaries.length !== 1) wrong.push(`${summaries.length} too_many_issues`);
      if (r.issues[r.issues.length - 1].code !== "too_many_issues") wrong.push(`last is ${r.issues[r.issues.length - 1].code}@${JSON.stringify(r.issues[r.issues.length - 1].path)}`);
      if (r.issues.length - summaries.length > 100) wrong.push(`${r.issues.length - summaries.length} listed`);
      if (wrong.length) problems.push(`${where}: ${wrong.join(", ")}`);
    }
  }
  assert.deepEqual(problems, []);
});

// ---- parsers ---------------------------------------------------------------------

checked("parseAgentSessionList: text and object agree; unknown keys dropped at both levels; state filled with busy", () => {
  const page = {
    items: [
      { ...SESSION, extra: { nested: 1 } },
      { ...SESSION, id: "as_2", state: "idle", agentName: "membrane", cost: 0.25, output: { files: ["a"] } },
      { ...SESSION, id: "as_3", error: { message: "failed", code: 5 }, status: "failed" },
    ],
    cursor: "next",
    total: 3,
    hasMore: true,
  };
  const expected = {
    items: [
      { ...SESSION, state: "busy" },
      { ...SESSION, id: "as_2", state: "idle", agentName: "membrane", cost: 0.25, output: { files: ["a"] } },
      { ...SESSION, id: "as_3", state: "busy", error: { message: "failed" }, status: "failed" },
    ],
    cursor: "next",
  };
  for (const input of [JSON.stringify(page), page, ` \n${JSON.stringify(page, null, 2)}\n`]) {
    const data = ok(parseList(input), typeof input);
    assert.deepStrictEqual(data, expected);
    assert.equal(Object.getPrototypeOf(data), Object.prototype);
    assert.ok(Array.isArray(data.items));
  }
  const last = ok(parseList({ items: [] }), "last page");
  assert.deepStrictEqual(last, { items: [] });
  assert.ok(!("cursor" in last), "a cursor key appeared");
  // Each session in the page means what parseAgentSession says it means.
  const alone = ok(parse(JSON.stringify(page.items[1])), "one session");
  assert.deepStrictEqual(alone, expected.items[1]);
});

checked("parseAgentSessionList: text the scan vouches for and text it leaves to the full path give the same answer", () => {
  // A cost with a decimal exponent of 308 is left to the full path
  // (json_scan.rs), whose picks then find the present fields themselves;
  // the scan otherwise says which fields each object has.
  const items = [
    { ...SESSION, cost: 1, error: { message: "a", causedByError: { message: "b", type: "t" } }, extra: 1 },
    { ...SESSION, id: "as_2", cost: 1, state: "idle", title: "t" },
    { ...SESSION, id: "as_3", cost: 1, error: { message: "c", data: { x: [1] } } },
  ];
  const expected = (cost) => ({
    items: [
      { ...SESSION, state: "busy", cost, error: { message: "a", causedByError: { message: "b", type: "t" } } },
      { ...SESSION, id: "as_2", cost: 1, state: "idle", title: "t" },
      { ...SESSION, id: "as_3", state: "busy", cost: 1, error: { message: "c", data: { x: [1] } } },
    ],
  });
  const text = JSON.stringify({ items });
  assert.deepStrictEqual(ok(parseList(text), "scanned"), expected(1));
  assert.deepStrictEqual(ok(parseList(text.replace('"cost":1,', '"cost":1.5e308,')), "full path"), expected(1.5e308));
  const one = JSON.stringify(items[0]);
  assert.deepStrictEqual(ok(parse(one), "scanned"), expected(1).items[0]);
  assert.deepStrictEqual(ok(parse(one.replace('"cost":1,', '"cost":1.5e308,')), "full path"), expected(1.5e308).items[0]);
});

checked("parseAgentSessionList: an item's problems at [\"items\", i, …], the page's at its key", () => {
  const cases = [
    [{ items: [SESSION, { ...SESSION, id: 1 }] }, [{ code: "invalid_type", path: ["items", 1, "id"], expected: "string" }]],
    [{ items: [{ ...SESSION, status: "Running" }] }, [{ code: "invalid_value", path: ["items", 0, "status"], suggestion: "running" }]],
    [{ items: [SESSION, SESSION, { ...SESSION, createdAt: "2026-02-29T00:00Z" }] }, [{ code: "invalid_format", path: ["items", 2, "createdAt"], format: "datetime" }]],
    [{ items: [SESSION, null] }, [{ code: "invalid_type", path: ["items", 1], received: "null" }]],
    [{ items: [{ ...SESSION, error: { message: 1 } }] }, [{ code: "invalid_type", path: ["items", 0, "error", "message"] }]],
    [{ items: [{ ...SESSION, state: "Idle" }] }, [{ code: "invalid_value", path: ["items", 0, "state"], values: ["busy", "idle"], suggestion: "idle" }]],
    [{ items: [] , cursor: 5 }, [{ code: "invalid_type", path: ["cursor"], expected: "string" }]],
    [{}, [{ code: "invalid_type", path: ["items"], received: "undefined" }]],
    [{ items: {} }, [{ code: "invalid_type", path: ["items"], received: "object" }]],
    [{ items: null }, [{ code: "invalid_type", path: ["items"], received: "null" }]],
    [[], [{ code: "invalid_type", path: [], received: "array" }]],
  ];
  for (const [page, expected] of cases) {
    for (const input of [page, JSON.stringify(page)]) assertIssues(parseList(input), expected, `${typeof input} ${JSON.stringify(page).slice(0, 120)}`);
  }
  // Infinity in an item (as an object: JSON text cannot hold it).
  assertIssues(parseList({ items: [{ ...SESSION, output: { big: [1, 2, Infinity] } }] }),
    [{ code: "invalid_type", path: ["items", 0, "output", "big", 2], expected: "finite number" }], "Infinity");
  // Two bad items, each reported with its index, in order.
  const two = parseList({ items: [SESSION, { ...SESSION, id: 1 }, SESSION, { ...SESSION, hasWorker: "yes" }] });
  assert.deepEqual(two.issues.map((i) => i.path), [["items", 1, "id"], ["items", 3, "hasWorker"]]);
  // A missing required key of an item.
  const { prompt, ...noPrompt } = SESSION;
  assertIssues(parseList({ items: [noPrompt] }), [{ code: "invalid_type", path: ["items", 0, "prompt"], received: "undefined" }], "item without prompt");
  // Text that is not JSON.
  for (const text of ["", "{", "<html>", '{"items":[]}x']) assertIssues(parseList(text), [{ code: "invalid_json", path: [] }], JSON.stringify(text));
  // 1e400 in an item's text is an issue at its path.
  assertIssues(parseList(`{"items":[${JSON.stringify(SESSION).slice(0, -1)},"cost":1e400}]}`), [{ code: "invalid_type", path: ["items", 0, "cost"], expected: "finite number" }], "1e400");
});

checked("parseAgentSessionList: a 1000-session page, as text and as object", () => {
  const items = Array.from({ length: 1000 }, (_, i) => ({
    ...SESSION, id: `as_${i}`, status: pkg.AGENT_SESSION_STATUSES[i % 6], title: `Session ${i} – ${"é".repeat(i % 7)}`,
    ...(i % 3 === 0 ? { state: "idle" } : {}), ...(i % 5 === 0 ? { output: { n: i, list: [i, `${i}`] }, serverField: true } : {}),
    ...(i % 7 === 0 ? { error: { message: "m", causedByError: { message: "c", data: { i } } } } : {}),
  }));
  const text = JSON.stringify({ items, cursor: "c1000" });
  const times = {};
  for (const [form, input] of [["text", text], ["object", JSON.parse(text)]]) {
    const started = process.hrtime.bigint();
    const result = parseList(input);
    times[form] = Number(process.hrtime.bigint() - started) / 1e6;
    const data = ok(result, form);
    assert.equal(data.items.length, 1000);
    assert.equal(data.cursor, "c1000");
    data.items.forEach((s, i) => {
      assert.equal(s.id, `as_${i}`);
      assert.equal(s.state, i % 3 === 0 ? "idle" : "busy");
      assert.ok(!("serverField" in s));
    });
    assert.deepStrictEqual(data.items[35].error, { message: "m", causedByError: { message: "c", data: { i: 35 } } });
  }
  // One bad session among the thousand is found at its index.
  const bad = JSON.parse(text);
  bad.items[999].lastActivityAt = "2026-03-01 12:00Z";
  bad.items[500].status = "done";
  assert.deepEqual(parseList(JSON.stringify(bad)).issues.map((i) => [i.code, i.path]), [
    ["invalid_value", ["items", 500, "status"]], ["invalid_format", ["items", 999, "lastActivityAt"]],
  ]);
  console.log(`1000-session page (${(text.length / 1024).toFixed(0)} KiB): text ${times.text.toFixed(1)} ms, object ${times.object.toFixed(1)} ms (first call)`);
});

checked("parseInterruptAgentSessionResponse: text and object", () => {
  for (const interrupted of [true, false]) {
    for (const input of [{ interrupted }, JSON.stringify({ interrupted }), { interrupted, sessionId: "s", extra: [1] }, `{"x":1,"interrupted":${interrupted}}`]) {
      const data = ok(parseInterrupt(input), JSON.stringify(input));
      assert.deepStrictEqual(data, { interrupted });
      assert.equal(Object.getPrototypeOf(data), Object.prototype);
    }
  }
  const cases = [
    [{}, [{ code: "invalid_type", path: ["interrupted"], expected: "boolean", received: "undefined" }]],
    [{ interrupted: "yes" }, [{ code: "invalid_type", path: ["interrupted"], expected: "boolean", received: "string" }]],
    [{ interrupted: null }, [{ code: "invalid_type", path: ["interrupted"], received: "null" }]],
    [{ interrupted: 1 }, [{ code: "invalid_type", path: ["interrupted"], received: "number" }]],
    [{ Interrupted: true }, [{ code: "invalid_type", path: ["interrupted"] }]],
    [null, [{ code: "invalid_type", path: [] }]],
    [[{ interrupted: true }], [{ code: "invalid_type", path: [] }]],
  ];
  for (const [value, expected] of cases) {
    assertIssues(parseInterrupt(value), expected, `object ${JSON.stringify(value)}`);
    assertIssues(parseInterrupt(JSON.stringify(value)), expected, `text ${JSON.stringify(value)}`);
  }
  for (const text of ["", "true", "{interrupted:true}", "{\"interrupted\":tru}", "{\"interrupted\":true}}"]) {
    const r = parseInterrupt(text);
    assert.equal(r.success, false, text);
    assert.equal(r.issues.length, 1, text);
    assert.deepEqual(r.issues[0].path, [], text);
  }
  // Duplicate keys: the last wins, as in JSON.parse.
  assert.deepStrictEqual(ok(parseInterrupt('{"interrupted":"x","interrupted":false}'), "duplicate").interrupted, false);
});

// ---- toCurl ---------------------------------------------------------------------

checked("toCurl prints each request exactly: -X GET, no --data-raw without a body, the token hidden", () => {
  const get = ok(buildGet({ id: "s'1", wait: true }, OPTIONS), "get");
  assert.equal(toCurl(get),
    "curl -sS -X GET 'https://h.example/v1/agent/sessions/s'\\''1?wait=true' -H \"Authorization: Bearer $MEMBRANE_TOKEN\" -H 'Accept: application/json'");
  const list = ok(buildList({ limit: 100, cursor: "a b", workspaceElementType: "connector" }, OPTIONS), "list");
  assert.equal(toCurl(list),
    "curl -sS -X GET 'https://h.example/v1/agent/sessions?limit=100&cursor=a%20b&workspaceElementType=connector' -H \"Authorization: Bearer $MEMBRANE_TOKEN\" -H 'Accept: application/json'");
  const stop = ok(buildInterrupt({ id: "s" }, OPTIONS), "interrupt");
  assert.equal(toCurl(stop),
    "curl -sS -X POST 'https://h.example/v1/agent/sessions/s/interrupt' -H \"Authorization: Bearer $MEMBRANE_TOKEN\" -H 'Accept: application/json'");
  const send = ok(buildSend({ id: "s", input: "it's" }, OPTIONS), "send");
  assert.equal(toCurl(send),
    "curl -sS -X POST 'https://h.example/v1/agent/sessions/s/message' -H \"Authorization: Bearer $MEMBRANE_TOKEN\" -H 'Content-Type: application/json' -H 'Accept: application/json' --data-raw '{\"input\":\"it'\\''s\"}'");
  for (const r of [get, list, stop, send]) {
    const hidden = toCurl(r);
    assert.ok(!hidden.includes(TOKEN), "the token shows without revealToken");
    assert.equal(hidden.includes("--data-raw"), r.body !== undefined);
    assert.equal(hidden.includes("Content-Type"), r.body !== undefined);
    assert.ok(hidden.startsWith(`curl -sS -X ${r.method} `));
    for (const options of [{}, { revealToken: false }, { revealToken: "true" }, Object.create({ revealToken: true })]) {
      assert.equal(toCurl(r, options), hidden, JSON.stringify(options));
    }
    const shown = pkg.toCurl(r, { revealToken: true });
    assert.equal(shown, hidden.replace("\"Authorization: Bearer $MEMBRANE_TOKEN\"", `'Authorization: Bearer ${TOKEN}'`));
  }
});

checked("toCurl output of every lifecycle request survives a real shell argument for argument", () => {
  const bash = spawnSync("bash", ["-c", "true"]);
  if (bash.error) return; // no bash here: nothing to prove
  const nasty = "it's $(echo x) `echo y` \"q\" \\ \n' ''";
  const requests = [
    ok(buildGet({ id: nasty, wait: false, timeout: 10 }, OPTIONS), "get"),
    ok(buildList({ cursor: nasty }, OPTIONS), "list"),
    ok(buildSend({ id: nasty, input: nasty, attachments: [{ title: nasty, data: { [nasty]: nasty } }] }, OPTIONS), "send"),
    ok(buildInterrupt({ id: nasty }, OPTIONS), "interrupt"),
  ];
  for (const r of requests) {
    for (const reveal of [false, true]) {
      const curl = reveal ? pkg.toCurl(r, { revealToken: true }) : toCurl(r);
      const script = `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${curl}\n`;
      const out = spawnSync("bash", ["-c", script], { env: { PATH: process.env.PATH, MEMBRANE_TOKEN: "from-env" }, encoding: "utf8" });
      assert.equal(out.status, 0, out.stderr);
      const args = out.stdout.split("\0").slice(0, -1);
      const expected = ["-sS", "-X", r.method, r.url, "-H", `Authorization: Bearer ${reveal ? TOKEN : "from-env"}`];
      if (r.body !== undefined) expected.push("-H", "Content-Type: application/json");
      expected.push("-H", "Accept: application/json");
      if (r.body !== undefined) expected.push("--data-raw", r.body);
      assert.deepEqual(args, expected, `${r.method} ${r.url.slice(0, 60)}`);
    }
  }
});

// ---- never a throw ----------------------------------------------------------------

function hostileArguments(TOKEN_FOR_ERRORS) {
  const boom = () => { throw new Error(`getter exploded ${TOKEN_FOR_ERRORS}`); };
  const trapsThrow = {};
  for (const trap of ["get", "has", "ownKeys", "getOwnPropertyDescriptor", "getPrototypeOf", "isExtensible", "apply", "construct"]) {
    trapsThrow[trap] = () => { throw new Error(`trap ${trap} ${TOKEN_FOR_ERRORS}`); };
  }
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();
  const cyclic = { id: "s", input: "x" };
  cyclic.self = cyclic;
  const cyclicData = { id: "s", input: "x", attachments: [{ title: "t", data: {} }] };
  cyclicData.attachments[0].data.loop = cyclicData;
  let deep = 1;
  for (let i = 0; i < 100_000; i++) deep = [deep];
  let deepObject = { id: "s" };
  for (let i = 0; i < 100_000; i++) deepObject = { id: "s", nested: deepObject };
  const getterOn = (key, base = {}) => Object.defineProperty({ ...base }, key, { get: boom, enumerable: true });
  return [
    ["no argument", undefined], ["null", null], ["0", 0], ["NaN", NaN], ["1.5", 1.5], ["string", "s"], ["empty string", ""],
    ["symbol", Symbol("s")], ["BigInt", 10n], ["true", true], ["empty array", []], ["array", [{ id: "s" }]],
    ["function", () => ({ id: "s" })], ["class", class {}], ["Date", new Date(0)], ["Map", new Map([["id", "s"]])],
    ["boxed string", new String("s")], ["Promise", Promise.resolve({ id: "s" })], ["Error", new Error("e")],
    ["proxy whose traps throw", new Proxy({ id: "s" }, trapsThrow)], ["revoked proxy", revocable.proxy],
    ["proxy whose ownKeys lies", new Proxy({ id: "s" }, { ownKeys: () => ["id", "id", "ghost"] })],
    ["getter on id", getterOn("id")], ["getter on wait", getterOn("wait", { id: "s" })],
    ["getter on timeout", getterOn("timeout", { id: "s" })], ["getter on limit", getterOn("limit")],
    ["getter on cursor", getterOn("cursor")], ["getter on input", getterOn("input", { id: "s" })],
    ["getter on attachments", getterOn("attachments", { id: "s", input: "x" })],
    ["getter on token", getterOn("token")], ["getter on items", getterOn("items")], ["getter on interrupted", getterOn("interrupted")],
    ["cycle", cyclic], ["cycle in attachment data", cyclicData],
    ["100,000-deep array as id", { id: deep }], ["100,000-deep attachment data", { id: "s", input: "x", attachments: [{ title: "t", data: deep }] }],
    ["100,000-deep object", deepObject], ["100,000-deep items", { items: deep }],
    ["object with 100,000 keys", Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]))],
    ["frozen", Object.freeze({ id: "s" })], ["null prototype", Object.assign(Object.create(null), { id: "s" })],
    ["inherited id", Object.create({ id: "s" })], ["symbol keys", { [Symbol("id")]: "s" }],
  ];
}

checked("no lifecycle function throws, whatever its arguments, and the module keeps working", () => {
  const args = hostileArguments(TOKEN);
  const builders = [
    ["get", buildGet, { id: "s" }], ["list", buildList, {}], ["send", buildSend, { id: "s", input: "x" }], ["interrupt", buildInterrupt, { id: "s" }],
  ];
  for (const [name, value] of args) {
    for (const [builderName, builder, good] of builders) {
      // The wrapper fails the test if any of these throws or answers with something other than a Result.
      const asParams = builder(value, OPTIONS);
      const asOptions = builder(good, value);
      assert.equal(asOptions.success, false, `${builderName}(good, ${name}) accepted`);
      assert.ok(asOptions.issues.every((i) => i.path[0] === "options" || i.code === "too_many_issues"), `${builderName}(good, ${name}): ${JSON.stringify(asOptions.issues).slice(0, 300)}`);
      builder(value, value);
      builder(value);
      if (!asParams.success) for (const i of asParams.issues) assert.ok(i.path.length < 1100, `${builderName}(${name}): a path ${i.path.length} long`);
    }
    parseList(value);
    parseInterrupt(value);
  }
  // Extra arguments are ignored.
  ok(buildGet({ id: "s" }, OPTIONS, "extra", 1), "extra arguments");
  ok(parseInterrupt('{"interrupted":true}', "extra"), "extra arguments");
  // Well-behaved oddities are plain data.
  ok(buildGet(Object.assign(Object.create(null), { id: "s" }), OPTIONS), "null prototype");
  ok(buildGet(Object.freeze({ id: "s", wait: true }), OPTIONS), "frozen");
  ok(buildGet(new (class Params { constructor() { this.id = "s"; } })(), OPTIONS), "class instance");
  assertIssues(buildGet(Object.create({ id: "s" }), OPTIONS), [{ code: "invalid_type", path: ["id"], received: "undefined" }], "inherited id");
  // A getter or trap that throws is reported where it was, not thrown.
  const boom = () => { throw new Error("boom"); };
  assertIssues(buildGet(Object.defineProperty({ id: "s" }, "wait", { get: boom, enumerable: true }), OPTIONS),
    [{ code: "invalid_type", path: ["wait"], received: "unreadable" }], "throwing wait getter");
  assertIssues(buildSend({ id: "s", input: "x", attachments: [{ title: "t", data: new Proxy({}, { ownKeys: boom }) }] }, OPTIONS),
    [{ code: "invalid_type", path: ["attachments", 0, "data"], received: "unreadable" }], "throwing data trap");
  assertIssues(buildGet({ id: "s" }, new Proxy({}, { ownKeys: boom })), [{ code: "invalid_type", path: ["options"], received: "unreadable" }], "throwing options trap");
  // A getter read once: the value checked is the value sent.
  let reads = 0;
  const shifty = Object.defineProperty({}, "id", { get: () => (reads++ === 0 ? "checked" : "../../admin"), enumerable: true });
  const s = buildGet(shifty, OPTIONS);
  if (s.success) assert.equal(s.data.url, "https://h.example/v1/agent/sessions/checked", "the URL holds a value that was never validated");
});

after(() => {
  console.log(`lifecycle: ${JSON.stringify(observedStats())}; sources ${JSON.stringify(lifecycleSources)}`);
  assertNoTokenLeaks();
});
