// The demo's stub API (www/stub-api.mjs) on its own, in Node: every answer
// it gives is one the package accepts, and it runs, lists, continues and
// interrupts sessions the way the demo and its e2e test rely on.
//   node --test tests/e2e/stub-api.test.mjs
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { parseAgentSession } from "membrane-agent-session";
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

  /** The session in an answer, checked by the package: the stub must only say what SPEC allows. */
  function session(answer) {
    assert.equal(answer.status, 200, answer.text);
    const parsed = parseAgentSession(answer.text);
    assert.ok(parsed.success, JSON.stringify(parsed.issues));
    return parsed.data;
  }

  async function create(prompt = "list my HubSpot contacts", extra = {}) {
    return session(await call("POST", "/agent/sessions", { prompt, ...extra }));
  }

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
      latest = session(await call("GET", `/agent/sessions/${encodeURIComponent(created.id)}?wait=true&timeout=5`));
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
  });

  test("a long poll is held until a change or its timeout; without wait it answers at once", async () => {
    const created = await create();
    const idle = async () => {
      let latest = created;
      while (latest.state !== "idle") latest = session(await call("GET", `/agent/sessions/${created.id}?wait=true&timeout=5`));
    };
    await idle();
    let started = performance.now();
    const held = session(await call("GET", `/agent/sessions/${created.id}?wait=true&timeout=1`));
    // Idle already: nothing to wait for.
    assert.ok(performance.now() - started < 500, `an idle session is answered at once (${performance.now() - started} ms)`);
    assert.equal(held.state, "idle");

    const busy = await create();
    session(await call("GET", `/agent/sessions/${busy.id}`));
    started = performance.now();
    const next = session(await call("GET", `/agent/sessions/${busy.id}?wait=true&timeout=1`));
    const waited = performance.now() - started;
    assert.ok(waited >= 50, `the poll was held until the next step (${waited} ms)`);
    assert.notEqual(next.status, "queued");
  });

  test("interrupt answers { interrupted: true } for a busy session, which then ends cancelled and idle", async () => {
    stub.timing.completed = 60_000;
    try {
      const created = await create();
      const answer = await call("POST", `/agent/sessions/${created.id}/interrupt`);
      assert.equal(answer.status, 200);
      assert.deepEqual(JSON.parse(answer.text), { interrupted: true });
      let latest = created;
      while (latest.state !== "idle") latest = session(await call("GET", `/agent/sessions/${created.id}?wait=true&timeout=5`));
      assert.equal(latest.status, "cancelled");
      const again = await call("POST", `/agent/sessions/${created.id}/interrupt`);
      assert.deepEqual(JSON.parse(again.text), { interrupted: false }, "nothing left to interrupt");
    } finally {
      stub.timing.completed = TIMING.completed;
    }
  });

  test("a message makes an idle session busy again; a busy one refuses it with 409", async () => {
    const created = await create();
    const refused = await call("POST", `/agent/sessions/${created.id}/message`, { input: "and more" });
    assert.equal(refused.status, 409);
    let latest = created;
    while (latest.state !== "idle") latest = session(await call("GET", `/agent/sessions/${created.id}?wait=true&timeout=5`));
    const resumed = session(await call("POST", `/agent/sessions/${created.id}/message`, { input: "and more", synthetic: false }));
    assert.equal(resumed.state, "busy");
    assert.equal(resumed.status, "queued");
    while (latest.state !== "idle" || latest.status !== "completed" || latest.updatedAt <= resumed.updatedAt) {
      latest = session(await call("GET", `/agent/sessions/${created.id}?wait=true&timeout=5`));
    }
    assert.equal(latest.status, "completed");
    assert.equal((await call("POST", `/agent/sessions/${created.id}/message`, { nope: 1 })).status, 400);
  });

  test("the list pages newest first with a cursor, filters by element type, and checks its query", async () => {
    const mine = [];
    for (let i = 0; i < 5; i += 1) mine.push((await create(`page item ${i}`, { workspaceElementType: "flow-run" })).id);
    const seen = [];
    let cursor;
    do {
      const answer = await call("GET", `/agent/sessions?limit=2${cursor === undefined ? "" : `&cursor=${encodeURIComponent(cursor)}`}&workspaceElementType=flow-run`);
      assert.equal(answer.status, 200);
      const page = JSON.parse(answer.text);
      assert.ok(page.items.length <= 2);
      for (const item of page.items) seen.push(session({ status: 200, text: JSON.stringify(item) }).id);
      cursor = page.cursor;
      if (cursor !== undefined) assert.equal(typeof cursor, "string");
    } while (cursor !== undefined);
    assert.deepEqual(seen, [...mine].reverse());
    for (const bad of ["limit=0", "limit=1001", "limit=1.5", "cursor=bogus", "color=red"]) {
      assert.equal((await call("GET", `/agent/sessions?${bad}`)).status, 400, bad);
    }
  });

  test("refusals: no token, unknown id, bad wait or timeout, wrong method, bad body", async () => {
    const created = await create();
    const noToken = await fetch(`${stub.url}/agent/sessions/${created.id}`);
    assert.equal(noToken.status, 401);
    assert.doesNotMatch(await noToken.text(), new RegExp(TOKEN));
    assert.equal((await call("GET", "/agent/sessions/ses_unknown")).status, 404);
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
    const created = session(
      await fetch(`${own.url}/agent/sessions`, { method: "POST", headers: JSON_HEADERS, body: '{"prompt":"p"}' }).then(async (r) => ({ status: r.status, text: await r.text() })),
    );
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
