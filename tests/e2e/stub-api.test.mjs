// The demo's stub API (www/stub-api.mjs) on its own, in Node, driven with
// the package's builders: every answer it gives is one the package's parsers
// accept, and it runs, lists, continues and interrupts sessions the way the
// demo and its e2e test rely on. Refusals are probed with raw fetch, as the
// builders would not send such requests.
//   node --test tests/e2e/stub-api.test.mjs
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  buildCreateAgentSessionRequest,
  buildGetAgentSessionRequest,
  buildInterruptAgentSessionRequest,
  buildListAgentSessionsRequest,
  buildSendAgentSessionMessageRequest,
  parseAgentSession,
  parseAgentSessionList,
  parseInterruptAgentSessionResponse,
} from "membrane-agent-session";
import { startStubApi } from "../../www/stub-api.mjs";

const TOKEN = "stub-test-token";
const HEADERS = { Authorization: `Bearer ${TOKEN}`, Accept: "application/json" };
const JSON_HEADERS = { ...HEADERS, "Content-Type": "application/json" };
const TIMING = { starting: 100, running: 200, completed: 400, cancelled: 50 };

describe("the demo's stub API", { timeout: 60_000 }, () => {
  /** @type {Awaited<ReturnType<typeof startStubApi>>} */
  let stub;

  before(async () => {
    stub = await startStubApi({ timing: TIMING });
  });

  after(async () => {
    await stub?.close();
  });

  async function call(method, path, body) {
    const response = await fetch(`${stub.url}${path}`, {
      method,
      headers: body === undefined ? HEADERS : JSON_HEADERS,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, text: await response.text() };
  }

  /** Sends what a builder built (`fetch(r.url, r)`, as the package promises). */
  async function send(built) {
    assert.ok(built.success, JSON.stringify(built.issues));
    const response = await fetch(built.data.url, built.data);
    return { status: response.status, text: await response.text() };
  }

  /** The answer read by one of the package's parsers: the stub must only say what SPEC allows. */
  function parsed(answer, parse = parseAgentSession) {
    assert.equal(answer.status, 200, answer.text);
    const result = parse(answer.text);
    assert.ok(result.success, JSON.stringify(result.issues));
    return result.data;
  }

  const options = () => ({ token: TOKEN, baseUrl: stub.url });
  const create = async (prompt = "list my HubSpot contacts", extra = {}) =>
    parsed(await send(buildCreateAgentSessionRequest({ prompt, ...extra }, options())));
  const get = async (id, params = { wait: true, timeout: 5 }) =>
    parsed(await send(buildGetAgentSessionRequest({ id, ...params }, options())));
  const untilIdle = async (session) => {
    let latest = session;
    while (latest.state !== "idle") latest = await get(session.id);
    return latest;
  };

  test("create answers queued and busy, and long polls follow it to completed and idle", async () => {
    const created = await create("hello", { workspaceElementType: "connector", agentName: "universe" });
    assert.equal(created.status, "queued");
    assert.equal(created.state, "busy");
    assert.equal(created.workspaceElementType, "connector");
    assert.equal(created.agentName, "universe");
    const seen = [created.status];
    let latest = created;
    const started = Date.now();
    while (latest.state !== "idle") {
      latest = await get(created.id);
      seen.push(latest.status);
      assert.ok(Date.now() - started < 5_000, "the run ends within its timing");
    }
    // A poll may miss a step shorter than a round trip, never reorder or repeat one.
    const order = ["queued", "starting", "running", "completed"];
    assert.deepEqual(seen, order.filter((status) => seen.includes(status)), String(seen));
    assert.equal(seen.at(-1), "completed");
    assert.equal(latest.hasWorker, false);
    assert.equal(typeof latest.summary, "string");
    assert.ok(latest.updatedAt >= created.updatedAt);
    assert.equal(stub.heldPolls(), 0);
    const poll = stub.requests.findLast((r) => r.method === "GET");
    assert.equal(poll.url, `/agent/sessions/${created.id}?wait=true&timeout=5`);
  });

  test("a long poll is held until a change; an idle session or no wait is answered at once", async () => {
    const done = await untilIdle(await create());
    let started = performance.now();
    assert.equal((await get(done.id, { wait: true, timeout: 1 })).state, "idle");
    assert.ok(performance.now() - started < 500, `an idle session is answered at once (${performance.now() - started} ms)`);

    const busy = await create();
    // Held until a change, it would say "starting".
    assert.equal((await get(busy.id, {})).status, "queued", "without wait: at once, as it is");
    started = performance.now();
    const next = await get(busy.id, { wait: true, timeout: 1 });
    const waited = performance.now() - started;
    assert.ok(waited >= 50, `the poll was held until the next step (${waited} ms)`);
    assert.notEqual(next.status, "queued");
  });

  test("interrupt answers { interrupted: true } for a busy session, which then ends cancelled and idle", async () => {
    stub.timing.completed = 60_000;
    try {
      const created = await create();
      const interrupt = () => send(buildInterruptAgentSessionRequest({ id: created.id }, options()));
      assert.deepEqual(parsed(await interrupt(), parseInterruptAgentSessionResponse), { interrupted: true });
      const received = stub.requests.at(-1);
      assert.equal(received.url, `/agent/sessions/${created.id}/interrupt`);
      assert.equal(received.body, "");
      assert.equal((await untilIdle(created)).status, "cancelled");
      assert.deepEqual(parsed(await interrupt(), parseInterruptAgentSessionResponse), { interrupted: false }, "nothing left to interrupt");
    } finally {
      stub.timing.completed = TIMING.completed;
    }
  });

  test("a message makes an idle session busy again; a busy one refuses it with 409", async () => {
    const created = await create();
    const message = (input) => send(buildSendAgentSessionMessageRequest({ id: created.id, input, synthetic: false }, options()));
    assert.equal((await message("too soon")).status, 409);
    await untilIdle(created);
    const resumed = parsed(await message("and more"));
    assert.deepEqual(JSON.parse(stub.requests.at(-1).body), { input: "and more", synthetic: false });
    assert.equal(resumed.state, "busy");
    assert.equal(resumed.status, "queued");
    const finished = await untilIdle(resumed);
    assert.equal(finished.status, "completed");
    assert.ok(finished.updatedAt > resumed.updatedAt);
    assert.equal((await call("POST", `/agent/sessions/${created.id}/message`, { nope: 1 })).status, 400);
  });

  test("the list pages newest first with a cursor, filters by element type, and checks its query", async () => {
    const mine = [];
    for (let i = 0; i < 5; i += 1) mine.push((await create(`page item ${i}`, { workspaceElementType: "flow-run" })).id);
    const seen = [];
    let cursor;
    let pages = 0;
    do {
      const params = cursor === undefined ? { limit: 2, workspaceElementType: "flow-run" } : { limit: 2, cursor, workspaceElementType: "flow-run" };
      const page = parsed(await send(buildListAgentSessionsRequest(params, options())), parseAgentSessionList);
      assert.ok(page.items.length <= 2);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.cursor;
      pages += 1;
    } while (cursor !== undefined);
    assert.deepEqual(seen, [...mine].reverse());
    assert.equal(pages, 3);
    const everything = parsed(await send(buildListAgentSessionsRequest({}, options())), parseAgentSessionList);
    assert.equal(everything.cursor, undefined);
    assert.ok(everything.items.length >= 5);
    for (const bad of ["limit=0", "limit=1001", "limit=1.5", "cursor=bogus", "color=red"]) {
      assert.equal((await call("GET", `/agent/sessions?${bad}`)).status, 400, bad);
    }
  });

  test("refusals: no token, unknown or odd id, bad wait or timeout, wrong method, bad body", async () => {
    const created = await create();
    const noToken = await fetch(`${stub.url}/agent/sessions/${created.id}`);
    assert.equal(noToken.status, 401);
    assert.doesNotMatch(await noToken.text(), new RegExp(TOKEN));
    assert.equal((await send(buildGetAgentSessionRequest({ id: "ses_unknown" }, options()))).status, 404);
    // The builder sends "a/b" as one segment; the stub reads it as one id.
    const odd = await send(buildInterruptAgentSessionRequest({ id: `${created.id}/interrupt` }, options()));
    assert.equal(odd.status, 404);
    assert.match(odd.text, /no agent session/);
    assert.equal((await call("GET", `/agent/sessions/${created.id}/elsewhere`)).status, 404);
    for (const query of ["wait=maybe", "timeout=0", "timeout=61", "timeout=2.5"]) {
      assert.equal((await call("GET", `/agent/sessions/${created.id}?${query}`)).status, 400, query);
    }
    assert.equal((await call("POST", `/agent/sessions/${created.id}`)).status, 405);
    assert.equal((await call("GET", `/agent/sessions/${created.id}/interrupt`)).status, 405);
    assert.equal((await call("POST", "/agent/sessions", { prompt: "" })).status, 400);
    const preflight = await fetch(`${stub.url}/agent/sessions`, { method: "OPTIONS" });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get("access-control-allow-origin"), "*");
  });

  test("close() answers a held poll at once and the server stops", async () => {
    const own = await startStubApi({ timing: { ...TIMING, starting: 60_000 } });
    const created = parsed(await send(buildCreateAgentSessionRequest({ prompt: "p" }, { token: TOKEN, baseUrl: own.url })));
    const poll = fetch(`${own.url}/agent/sessions/${created.id}?wait=true&timeout=60`, { headers: HEADERS }).then(
      (r) => r.status,
      () => "closed",
    );
    while (own.heldPolls() === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const started = performance.now();
    await own.close();
    assert.ok(["closed", 200].includes(await poll));
    assert.ok(performance.now() - started < 2_000, "close does not wait for the poll's timeout");
    await assert.rejects(fetch(`${own.url}/agent/sessions`, { headers: HEADERS }));
  });
});
