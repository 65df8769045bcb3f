// End-to-end test of the demo form (www/) in headless Chromium.
//   node --test tests/e2e/
// Builds www/ (node www/build.mjs, so `make pkg` must have run), serves it
// with www/serve.mjs and starts the demo's stub of the API (www/stub-api.mjs,
// which runs each session through its statuses in about a second here), both
// on loopback ports the OS picks. A test may intercept a call to answer it
// itself (an answer that breaks SPEC, an HTTP error). Screenshots go to
// tests/artifacts/.
//
// The lists below are copied from spec/SPEC.md on purpose: the test
// must not take them from the package it checks.
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createServer } from "node:http";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { chromium } from "playwright-core";
import { createStubApi } from "../../www/stub-api.mjs";

const CHROMIUM = "/usr/bin/chromium";
const REPO = fileURLToPath(new URL("../../", import.meta.url));
const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));

const WORKSPACE_ELEMENT_TYPES = [
  "customer", "app", "connector", "integration", "flow", "flow-instance", "flow-run", "action", "package",
  "action-instance", "connection", "field-mapping", "field-mapping-instance", "data-source",
  "data-source-instance", "data-link-table", "data-link-table-instance", "app-event-type",
  "app-event-subscription", "app-event-log-record", "app-data-schema", "app-data-schema-instance",
  "external-event-subscription", "external-event-log-record", "external-event-pull", "external-event-type",
  "screen", "action-run-log-record", "external-api-log-record", "incoming-webhook-log-record",
  "connected-product",
];
const MODEL_IDS = [
  "anthropic/claude-sonnet-4.6", "anthropic/claude-opus-4.6", "anthropic/claude-sonnet-4.5",
  "anthropic/claude-opus-4.5", "anthropic/claude-haiku-4.5", "openai/gpt-5.2", "openai/gpt-5-nano",
  "google/gemini-3-pro-preview", "moonshotai/kimi-k2.5",
];
const AGENT_NAMES = ["membrane", "membrane-core", "self-integrating", "connection-building", "action-building", "universe"];

/** SPEC's Timestamp pattern, copied from spec/SPEC.md. */
const TIMESTAMP = /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z))$/;

/** The order a run goes through (the stub's, and the API's). */
const RUN_ORDER = ["queued", "starting", "running", "completed"];

/** A short run, so each test takes a second or two; `completed` is moved far off where a test needs a busy session. */
const FAST = { starting: 300, running: 700, completed: 1200, cancelled: 200 };

const REQUEST_FIELDS = ["prompt", "workspaceElementType", "workspaceElementId", "testCustomerId", "isExternal", "modelId", "agentName"];

/** A 200 answer that follows SPEC: no `state` (so it defaults to busy), a timestamp without seconds, an unknown key. */
const SESSION = {
  id: "ses_8d1f",
  workspaceId: "ws_42",
  workspaceElementId: "6710f7b3a2c41e0c9d8e7f21",
  type: "agent",
  status: "running",
  prompt: "whatever the server echoes",
  lastActivityAt: "2025-01-15T10:02:03.456Z",
  hasWorker: true,
  createdAt: "2025-01-15T10:00Z",
  updatedAt: "2025-01-15T10:01:30Z",
  addedByANewerServer: { ignored: true },
};

const LAUNCH_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync",
];

// Without the browser every test is reported as skipped, with the reason.
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing (scripts/install-tools.sh installs it)`;

describe("demo form in headless Chromium", { timeout: 240_000 }, () => {
  /** @type {import("playwright-core").Browser} */
  let browser;
  /** @type {import("node:child_process").ChildProcess | undefined} */
  let demoServer;
  let demoUrl = "";
  /** @type {Awaited<ReturnType<typeof startTestApi>>} */
  let stub;

  const e2e = (name, fn) => test(name, { skip }, fn);

  before(async () => {
    if (skip) return;
    await promisify(execFile)(process.execPath, ["www/build.mjs"], { cwd: REPO });
    ({ child: demoServer, url: demoUrl } = await startDemoServer());
    stub = await startTestApi();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
    await mkdir(ARTIFACTS, { recursive: true });
  }, { timeout: 180_000 });

  after(async () => {
    await browser?.close();
    if (demoServer !== undefined && demoServer.exitCode === null) {
      const exited = new Promise((resolve) => demoServer?.once("exit", resolve));
      demoServer.kill("SIGTERM");
      await exited;
    }
    await stub?.stop();
  });

  /**
   * Opens the demo in a fresh context and waits for it to be ready. Uncaught
   * page errors are collected so that every test can assert there were none.
   */
  async function open(width = 1280, height = 900) {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    const pageErrors = [];
    const consoleErrors = [];
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    await page.goto(demoUrl);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 15_000 });
    return { page, context, pageErrors, consoleErrors };
  }

  /** The attributes and messages the test reads off one control. */
  async function accessibility(page, selector) {
    return page.locator(selector).evaluate((element) => {
      const ids = (element.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
      const described = ids.map((id) => {
        const target = document.getElementById(id);
        return {
          id,
          exists: target !== null,
          visible: target?.checkVisibility() ?? false,
          hint: target?.classList.contains("hint") ?? false,
          text: target?.textContent?.trim() ?? "",
        };
      });
      return { invalid: element.getAttribute("aria-invalid"), described };
    });
  }

  /** The text of the visible problem messages (not the hints) that aria-describedby names. */
  function messages(state) {
    return state.described.filter((d) => d.exists && d.visible && !d.hint).map((d) => d.text).join(" | ");
  }

  async function invalidControls(page) {
    return page.$$eval('[aria-invalid="true"]', (elements) => elements.map((e) => e.getAttribute("name") ?? e.id));
  }

  async function sendAndWait(page) {
    await page.locator("#send").click();
    await page.waitForFunction(() => {
      const outcome = document.querySelector("#result")?.getAttribute("data-outcome");
      return outcome !== undefined && outcome !== null && outcome !== "sending";
    }, undefined, { timeout: 15_000 });
    return {
      outcome: await page.locator("#result").getAttribute("data-outcome"),
      text: await page.locator("#result").innerText(),
    };
  }

  /** Waits until the follow panel says `phase` (polling, idle, stopped, error) and returns its status line. */
  async function waitForFollow(page, phase, timeout = 15_000) {
    await page.waitForSelector(`#follow[data-follow="${phase}"]`, { timeout });
    return page.locator("#follow-status").innerText();
  }

  /** The timeline's entries, once it has at least `atLeast` of them. */
  async function timelineEntries(page, atLeast = 0) {
    if (atLeast > 0) {
      await page.waitForFunction((n) => document.querySelectorAll("#timeline li").length >= n, atLeast, { timeout: 15_000 });
    }
    return page.$$eval("#timeline li", (items) =>
      items.map((li) => ({
        status: li.getAttribute("data-status"),
        state: li.getAttribute("data-state"),
        time: li.querySelector("time")?.getAttribute("datetime"),
      })),
    );
  }

  /** Waits (up to `timeout` ms) until `check()` is true; fails with `what` otherwise. */
  async function eventually(check, what, timeout = 10_000) {
    const end = Date.now() + timeout;
    while (!(await check())) {
      if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  e2e("the sample request is filled in and valid, with no console error, and any wasm is served as application/wasm", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const wasmTypes = [];
    const pageErrors = [];
    const consoleErrors = [];
    page.on("response", (response) => {
      if (response.url().endsWith(".wasm")) wasmTypes.push(response.headers()["content-type"]);
    });
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") consoleErrors.push(message.text());
    });
    await page.goto(demoUrl);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 15_000 });

    // The package may load its wasm from a file or carry it inline; a file
    // must come as application/wasm (instantiateStreaming needs it).
    assert.ok(wasmTypes.every((type) => type === "application/wasm"), `wasm content types: ${wasmTypes}`);
    for (const name of [...REQUEST_FIELDS, "token", "baseUrl"]) {
      assert.equal(await page.locator(`[name="${name}"]`).count(), 1, `one control named ${name}`);
      const labelled = await page.locator(`[name="${name}"]`).evaluate((e) => e.labels?.[0]?.textContent?.trim() ?? "");
      assert.notEqual(labelled, "", `${name} has a label`);
    }
    assert.notEqual(await page.inputValue('[name="prompt"]'), "");
    assert.equal(await page.inputValue('[name="workspaceElementType"]'), "connection");
    assert.equal(await page.inputValue('[name="modelId"]'), "anthropic/claude-sonnet-4.6");
    assert.equal(await page.inputValue('[name="agentName"]'), "membrane");
    assert.equal(await page.inputValue('[name="token"]'), "demo-token");
    assert.equal(await page.inputValue('[name="baseUrl"]'), "https://api.getmembrane.com");
    assert.equal(await page.locator(".attachment-row").count(), 1);

    assert.deepEqual(await invalidControls(page), []);
    assert.equal(await page.locator(".problem:visible").count(), 0, "no problem message is shown");
    assert.equal(await page.locator("#send").isEnabled(), true);
    const curl = await page.locator("#curl-preview").innerText();
    assert.match(curl, /^curl .*'https:\/\/api\.getmembrane\.com\/agent\/sessions'/);
    assert.match(await page.locator("#fetch-preview").innerText(), /await fetch\("https:\/\/api\.getmembrane\.com\/agent\/sessions"/);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });

  e2e("clearing the prompt marks it invalid with a message linked by aria-describedby", async () => {
    const { page, context, pageErrors } = await open();
    await page.fill('[name="prompt"]', "");
    const state = await accessibility(page, '[name="prompt"]');
    assert.equal(state.invalid, "true");
    assert.ok(state.described.every((d) => d.exists), "every id in aria-describedby exists");
    assert.notEqual(messages(state), "", "a visible message is linked");
    assert.deepEqual(await invalidControls(page), ["prompt"], "only the prompt is marked");
    assert.equal(await page.locator("#send").isEnabled(), false);
    assert.equal(await page.locator("#curl-preview").innerText(), "—");

    await page.fill('[name="prompt"]', " ");
    assert.equal((await accessibility(page, '[name="prompt"]')).invalid, null, "a space is a non-empty prompt");
    assert.equal(await page.locator("#send").isEnabled(), true);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  e2e("every select offers every documented value and a (not set) option", async () => {
    const { page, context } = await open();
    const options = (name) =>
      page.$$eval(`select[name="${name}"] option`, (list) => list.map((o) => ({ value: o.value, text: o.textContent })));
    for (const [name, values] of [
      ["workspaceElementType", WORKSPACE_ELEMENT_TYPES],
      ["modelId", MODEL_IDS],
      ["agentName", AGENT_NAMES],
      ["isExternal", ["true", "false"]],
    ]) {
      const found = await options(name);
      assert.deepEqual(found.map((o) => o.value), ["", ...values], name);
      assert.match(found[0].text, /not set/, `${name}: the empty option says "not set"`);
    }
    await context.close();
  });

  e2e("empty optional fields and (not set) are left out of the request", async () => {
    const { page, context } = await open();
    await page.fill('[name="workspaceElementId"]', "");
    await page.selectOption('[name="modelId"]', "");
    await page.selectOption('[name="isExternal"]', "false");
    await page.locator(".remove-attachment").click();
    assert.deepEqual(await invalidControls(page), []);
    const body = bodyOfCurl(await page.locator("#curl-preview").innerText());
    assert.equal("workspaceElementId" in body, false);
    assert.equal("modelId" in body, false);
    assert.equal("promptAttachments" in body, false);
    assert.equal(body.isExternal, false);
    assert.equal(body.workspaceElementType, "connection");
    await context.close();
  });

  e2e("the token is hidden by default and shown only when revealed", async () => {
    const { page, context } = await open();
    assert.equal(await page.locator('[name="token"]').getAttribute("type"), "password");
    const curl = await page.locator("#curl-preview").innerText();
    const code = await page.locator("#fetch-preview").innerText();
    assert.doesNotMatch(curl, /demo-token/);
    assert.doesNotMatch(code, /demo-token/);
    assert.match(curl, /\$MEMBRANE_TOKEN/);
    assert.doesNotMatch(await page.locator("body").innerText(), /demo-token/);

    await page.check("#revealToken");
    assert.match(await page.locator("#curl-preview").innerText(), /Bearer demo-token/);
    assert.match(await page.locator("#fetch-preview").innerText(), /"Bearer demo-token"/);
    await page.uncheck("#revealToken");
    assert.doesNotMatch(await page.locator("body").innerText(), /demo-token/);
    await context.close();
  });

  e2e("token and base URL problems land on those fields, without echoing the token", async () => {
    const { page, context } = await open();
    await page.fill('[name="token"]', "s3cr3t\tvalue");
    await page.fill('[name="baseUrl"]', "http://example.com");
    const token = await accessibility(page, '[name="token"]');
    const baseUrl = await accessibility(page, '[name="baseUrl"]');
    assert.equal(token.invalid, "true");
    assert.equal(baseUrl.invalid, "true");
    assert.notEqual(messages(baseUrl), "");
    assert.notEqual(messages(token), "");
    assert.doesNotMatch(await page.locator("body").innerText(), /s3cr3t/);

    await page.fill('[name="token"]', "");
    await page.fill('[name="baseUrl"]', "");
    assert.equal((await accessibility(page, '[name="baseUrl"]')).invalid, null, "empty base URL means the default");
    assert.equal((await accessibility(page, '[name="token"]')).invalid, "true", "an empty token cannot build a request");
    assert.equal(await page.locator("#send").isEnabled(), false);
    await context.close();
  });

  e2e("attachments: JSON that does not parse and an empty title are shown on their own controls", async () => {
    const { page, context, pageErrors } = await open();
    await page.locator(".attachment-data").first().fill("{oops");
    const data = await accessibility(page, ".attachment-data >> nth=0");
    assert.equal(data.invalid, "true");
    assert.match(messages(data), /JSON/);
    assert.equal(await page.locator("#send").isEnabled(), false);
    await page.locator(".attachment-data").first().fill("null");
    assert.deepEqual(await invalidControls(page), []);

    await page.click("#add-attachment");
    assert.equal(await page.locator(".attachment-row").count(), 2);
    const title = await accessibility(page, ".attachment-title >> nth=1");
    assert.equal(title.invalid, "true", "the new row's empty title is promptAttachments[1].title");
    assert.notEqual(messages(title), "");
    assert.equal((await accessibility(page, ".attachment-title >> nth=0")).invalid, null);

    await page.locator(".attachment-title").nth(1).fill("Second");
    await page.locator(".attachment-data").nth(1).fill('[1, "two", {"three": null}]');
    assert.deepEqual(await invalidControls(page), []);
    const body = bodyOfCurl(await page.locator("#curl-preview").innerText());
    assert.deepEqual(body.promptAttachments, [
      { title: "Contact fields", data: null },
      { title: "Second", data: [1, "two", { three: null }] },
    ]);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  e2e("a near-miss key or enum value shows the package's suggestion", async () => {
    const { page, context } = await open();
    await page.locator("#extra-details summary").click();
    await page.fill('[name="extraFields"]', '{"promt": "hi"}');
    let state = await accessibility(page, '[name="extraFields"]');
    assert.equal(state.invalid, "true");
    assert.match(messages(state), /did you mean "?prompt"?\?/i);

    await page.fill('[name="extraFields"]', '{"modelId": "Anthropic/claude-opus-4.6"}');
    state = await accessibility(page, '[name="extraFields"]');
    assert.equal(state.invalid, "true");
    assert.match(messages(state), /did you mean "?anthropic\/claude-opus-4\.6"?\?/i);
    assert.equal((await accessibility(page, '[name="modelId"]')).invalid, null, "the select did not hold that value");

    await page.fill('[name="extraFields"]', "");
    assert.deepEqual(await invalidControls(page), []);
    await context.close();
  });

  e2e("Send posts the request and shows the session from a SPEC-valid answer, then follows it to idle", async () => {
    const { page, context, pageErrors } = await open();
    await page.fill('[name="baseUrl"]', stub.url);
    const FINISHED = { ...SESSION, status: "completed", state: "idle", updatedAt: "2025-01-15T10:04Z", summary: "all done" };
    stub.intercept = (method, url) => {
      if (method === "POST" && url === "/agent/sessions") return { status: 200, body: JSON.stringify(SESSION) };
      if (method === "GET" && url.startsWith(`/agent/sessions/${SESSION.id}?`)) return { status: 200, body: JSON.stringify(FINISHED) };
      return undefined;
    };
    const { outcome, text } = await sendAndWait(page);
    assert.equal(outcome, "session", text);
    await waitForFollow(page, "idle");
    // What the create call answered comes first (no state means busy), then what the poll got.
    assert.deepEqual(await timelineEntries(page), [
      { status: "running", state: "busy", time: SESSION.updatedAt },
      { status: "completed", state: "idle", time: FINISHED.updatedAt },
    ]);
    assert.equal(await page.locator('#result [data-field="status"]').innerText(), "completed");
    assert.equal(await page.locator('#result [data-field="state"]').innerText(), "idle");
    assert.equal(await page.locator('#result [data-field="createdAt"]').innerText(), SESSION.createdAt);
    assert.equal(await page.locator('#result [data-field="updatedAt"]').innerText(), FINISHED.updatedAt);
    assert.equal(await page.locator('#result [data-field="lastActivityAt"]').innerText(), SESSION.lastActivityAt);
    assert.equal(await page.locator("#interrupt").isEnabled(), false, "nothing to interrupt once idle");

    const received = stub.requests.find((r) => r.method === "POST" && r.url === "/agent/sessions");
    assert.ok(received, "the stub got the create call");
    assert.equal(received.headers.authorization, "Bearer demo-token");
    assert.equal(received.headers["content-type"], "application/json");
    const body = JSON.parse(received.body);
    assert.equal(body.prompt, await page.inputValue('[name="prompt"]'));
    assert.equal(body.workspaceElementType, "connection");
    assert.equal(body.modelId, "anthropic/claude-sonnet-4.6");
    assert.equal(body.agentName, "membrane");
    assert.equal(body.promptAttachments.length, 1);
    const poll = stub.requests.find((r) => r.method === "GET");
    assert.equal(poll?.url, `/agent/sessions/${SESSION.id}?wait=true&timeout=30`);
    assert.equal(poll.headers.authorization, "Bearer demo-token");
    assert.equal(poll.headers["content-type"], undefined, "a GET has no body and no Content-Type");
    assert.deepEqual(pageErrors, []);
    await page.screenshot({ path: `${ARTIFACTS}demo-1280-session.png`, fullPage: true });
    await context.close();
  });

  e2e("Send shows every issue of an answer that breaks the spec", async () => {
    const { page, context } = await open();
    await page.fill('[name="baseUrl"]', stub.url);
    stub.reply = { status: 200, body: JSON.stringify({ ...SESSION, status: "paused", createdAt: "2025-02-30T10:00:00Z" }) };
    const { outcome, text } = await sendAndWait(page);
    assert.equal(outcome, "invalid-answer", text);
    const issues = await page.$$eval("#result li[data-code]", (items) =>
      items.map((li) => ({ code: li.getAttribute("data-code"), path: li.getAttribute("data-path"), text: li.textContent })),
    );
    assert.deepEqual(
      issues.map((i) => `${i.path} ${i.code}`).sort(),
      ["createdAt invalid_format", "status invalid_value"],
    );
    for (const issue of issues) assert.match(issue.text, new RegExp(`^${issue.code} ${issue.path}: \\S`), "code, then path: message");
    assert.equal(await page.locator("#follow").isHidden(), true, "an answer that is not a session is not followed");
    await context.close();
  });

  e2e("Send shows invalid_json when the answer is not JSON", async () => {
    const { page, context } = await open();
    await page.fill('[name="baseUrl"]', stub.url);
    stub.reply = { status: 200, body: "<html>gateway says hi</html>", type: "text/html" };
    const { outcome, text } = await sendAndWait(page);
    assert.equal(outcome, "invalid-answer", text);
    assert.deepEqual(await page.$$eval("#result li[data-code]", (items) => items.map((li) => li.getAttribute("data-code"))), ["invalid_json"]);
    await context.close();
  });

  e2e("Send shows an HTTP error plainly", async () => {
    const { page, context } = await open();
    await page.fill('[name="baseUrl"]', stub.url);
    stub.reply = { status: 401, body: JSON.stringify({ message: "token expired" }) };
    const { outcome, text } = await sendAndWait(page);
    assert.equal(outcome, "http-error", text);
    assert.match(text, /401/);
    assert.match(text, /token expired/);
    await context.close();
  });

  e2e("Send shows a network error plainly", async () => {
    const { page, context, pageErrors } = await open();
    const closedPort = await freePort();
    await page.fill('[name="baseUrl"]', `http://127.0.0.1:${closedPort}`);
    const { outcome, text } = await sendAndWait(page);
    assert.equal(outcome, "network-error", text);
    assert.match(text, /Network error/);
    assert.match(text, new RegExp(`127\\.0\\.0\\.1:${closedPort}/agent/sessions`));
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  e2e("create -> long poll -> idle: each status the session goes through is on the timeline", async () => {
    stub.reset();
    const { page, context, pageErrors } = await open();
    await page.fill('[name="baseUrl"]', stub.url);
    const before = stub.requests.length;
    const { outcome, text } = await sendAndWait(page);
    assert.equal(outcome, "session", text);
    assert.equal(await page.locator("#interrupt").isEnabled(), true, "Interrupt is offered while the session is busy");
    assert.match(await page.locator("#follow").getAttribute("data-follow"), /^(polling|idle)$/);
    // Each change is announced: the timeline is a polite live region, the line above it a status.
    assert.equal(await page.locator("#timeline").getAttribute("aria-live"), "polite");
    assert.equal(await page.locator("#follow-status").getAttribute("role"), "status");
    assert.equal(await page.getByRole("list", { name: "Session timeline" }).count(), 1, "the timeline is a labelled list");

    assert.match(await waitForFollow(page, "idle"), /idle: completed/);
    const entries = await timelineEntries(page);
    const statuses = entries.map((e) => e.status);
    // Each change is shown once, in the order of the run; a poll may miss
    // a step that lasted less than one round trip, never reorder them.
    assert.equal(statuses[0], "queued", "the create answer starts the timeline");
    assert.equal(statuses.at(-1), "completed");
    assert.ok(statuses.length >= 3, `at least one step between queued and completed: ${statuses}`);
    assert.deepEqual(statuses, RUN_ORDER.filter((status) => statuses.includes(status)), "in run order, no repeats");
    assert.deepEqual(entries.map((e) => e.state), [...statuses.slice(1).map(() => "busy"), "idle"]);
    for (const entry of entries) assert.match(entry.time, TIMESTAMP);
    assert.deepEqual(entries.map((e) => e.time), entries.map((e) => e.time).sort(), "times never go back");

    assert.equal(await page.locator('#result [data-field="status"]').innerText(), "completed");
    assert.equal(await page.locator('#result [data-field="state"]').innerText(), "idle");
    assert.equal(await page.locator("#interrupt").isEnabled(), false);

    const calls = stub.requests.slice(before);
    const id = [...stub.sessions.keys()].at(-1);
    assert.equal(calls.filter((c) => c.method === "POST").length, 1, "one create call");
    const polls = calls.filter((c) => c.method === "GET");
    assert.ok(polls.length >= 2, `long polls: ${polls.length}`);
    for (const poll of polls) assert.equal(poll.url, `/agent/sessions/${id}?wait=true&timeout=30`);
    assert.equal(stub.sessions.get(id).data.state, "idle");
    assert.equal(stub.heldPolls(), 0, "no poll is left waiting once the session is idle");
    assert.deepEqual(pageErrors, []);
    await page.screenshot({ path: `${ARTIFACTS}demo-1280-timeline.png`, fullPage: true });
    await context.close();
  });

  e2e("create -> interrupt: Interrupt answers { interrupted: true } and the poll shows cancelled, idle", async () => {
    // A run that would last a minute: only the interrupt ends it.
    stub.reset({ ...FAST, completed: 60_000 });
    const { page, context, pageErrors } = await open();
    await page.fill('[name="baseUrl"]', stub.url);
    const { outcome, text } = await sendAndWait(page);
    assert.equal(outcome, "session", text);
    await page.waitForSelector('#timeline li[data-status="running"]', { timeout: 15_000 });
    await waitForFollow(page, "polling");
    assert.equal(await page.locator("#interrupt").isEnabled(), true);
    const id = [...stub.sessions.keys()].at(-1);

    await page.getByRole("button", { name: "Interrupt" }).click();
    await page.waitForSelector('#interrupt-result[data-interrupt="answer"]', { timeout: 15_000 });
    assert.equal(await page.locator('#interrupt-result [data-field="interrupted"]').innerText(), "{ interrupted: true }");
    assert.match(await waitForFollow(page, "idle"), /idle: cancelled/);
    const entries = await timelineEntries(page);
    assert.deepEqual(entries.at(-1).status, "cancelled");
    assert.deepEqual(entries.at(-1).state, "idle");
    assert.deepEqual(entries.slice(0, -1).map((e) => e.state), entries.slice(0, -1).map(() => "busy"));
    assert.equal(entries.some((e) => e.status === "completed"), false);
    assert.equal(await page.locator('#result [data-field="status"]').innerText(), "cancelled");
    assert.equal(await page.locator("#interrupt").isEnabled(), false);

    const interrupts = stub.requests.filter((r) => r.method === "POST" && r.url.endsWith("/interrupt"));
    assert.equal(interrupts.length, 1, "one click, one interrupt");
    assert.equal(interrupts[0].url, `/agent/sessions/${id}/interrupt`);
    assert.equal(interrupts[0].headers.authorization, "Bearer demo-token");
    assert.equal(interrupts[0].headers.accept, "application/json");
    assert.equal(interrupts[0].headers["content-type"], undefined, "no body, so no Content-Type");
    assert.equal(interrupts[0].body, "");
    assert.equal(stub.sessions.get(id).data.status, "cancelled");
    assert.deepEqual(pageErrors, []);
    await page.screenshot({ path: `${ARTIFACTS}demo-1280-interrupted.png`, fullPage: true });
    await context.close();
  });

  e2e("a failed interrupt is shown plainly and Interrupt is offered again", async () => {
    stub.reset({ ...FAST, completed: 60_000 });
    const { page, context, pageErrors } = await open();
    await page.fill('[name="baseUrl"]', stub.url);
    await sendAndWait(page);
    await page.waitForSelector('#timeline li[data-status="running"]', { timeout: 15_000 });
    stub.intercept = (method, url) =>
      method === "POST" && url.endsWith("/interrupt") ? { status: 200, body: '{"interrupted":"yes"}' } : undefined;
    await page.getByRole("button", { name: "Interrupt" }).click();
    await page.waitForSelector('#interrupt-result[data-interrupt="invalid-answer"]', { timeout: 15_000 });
    assert.deepEqual(
      await page.$$eval("#interrupt-result li[data-code]", (items) => items.map((li) => `${li.getAttribute("data-path")} ${li.getAttribute("data-code")}`)),
      ["interrupted invalid_type"],
    );
    assert.equal(await page.locator("#interrupt").isEnabled(), true, "the session is still busy: try again");
    assert.equal(await page.locator("#follow").getAttribute("data-follow"), "polling", "the poll goes on");

    stub.intercept = (method, url) =>
      method === "POST" && url.endsWith("/interrupt") ? { status: 500, body: '{"message":"worker unreachable"}' } : undefined;
    await page.getByRole("button", { name: "Interrupt" }).click();
    await page.waitForSelector('#interrupt-result[data-interrupt="http-error"]', { timeout: 15_000 });
    assert.match(await page.locator("#interrupt-result").innerText(), /500[\s\S]*worker unreachable/);
    assert.equal(await page.locator("#interrupt").isEnabled(), true);

    stub.reset({ ...FAST, completed: 60_000 });
    await page.getByRole("button", { name: "Interrupt" }).click();
    assert.match(await waitForFollow(page, "idle"), /idle: cancelled/);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  e2e("a long poll that ends with no change is asked again, and adds nothing to the timeline", async () => {
    // The stub holds each poll at most 300 ms, and nothing changes for 2 s.
    stub.reset({ ...FAST, starting: 2_000, running: 2_200, completed: 2_400 });
    const maxWait = stub.maxWaitMs;
    stub.maxWaitMs = 300;
    try {
      const { page, context, pageErrors } = await open();
      await page.fill('[name="baseUrl"]', stub.url);
      const before = stub.requests.length;
      await sendAndWait(page);
      await waitForFollow(page, "idle");
      const polls = stub.requests.slice(before).filter((r) => r.method === "GET");
      assert.ok(polls.length >= 3, `the demo polled again after empty answers: ${polls.length} polls`);
      const statuses = (await timelineEntries(page)).map((e) => e.status);
      assert.equal(new Set(statuses).size, statuses.length, `no entry twice: ${statuses}`);
      assert.equal(statuses[0], "queued");
      assert.equal(statuses.at(-1), "completed");
      assert.deepEqual(pageErrors, []);
      await context.close();
    } finally {
      stub.maxWaitMs = maxWait;
    }
  });

  e2e("a poll answer that breaks SPEC stops the following and shows its issues", async () => {
    stub.reset();
    const { page, context, pageErrors } = await open();
    await page.fill('[name="baseUrl"]', stub.url);
    stub.intercept = (method, url) => {
      if (method === "POST" && url === "/agent/sessions") return { status: 200, body: JSON.stringify(SESSION) };
      if (method === "GET") return { status: 200, body: JSON.stringify({ ...SESSION, status: "paused", updatedAt: "2025-01-15 10:03" }) };
      return undefined;
    };
    await sendAndWait(page);
    assert.match(await waitForFollow(page, "error"), /not an agent session/);
    const issues = await page.$$eval("#follow-problem li[data-code]", (items) =>
      items.map((li) => `${li.getAttribute("data-path")} ${li.getAttribute("data-code")}`),
    );
    assert.deepEqual(issues.sort(), ["status invalid_value", "updatedAt invalid_format"]);
    assert.equal(await page.locator("#follow-problem").getAttribute("role"), "alert");
    assert.equal(await page.locator("#interrupt").isEnabled(), false);
    assert.deepEqual(await timelineEntries(page), [{ status: "running", state: "busy", time: SESSION.updatedAt }]);

    // An HTTP error while polling is shown plainly too.
    stub.intercept = (method, url) => {
      if (method === "POST" && url === "/agent/sessions") return { status: 200, body: JSON.stringify(SESSION) };
      if (method === "GET") return { status: 503, body: JSON.stringify({ message: "try later" }) };
      return undefined;
    };
    await sendAndWait(page);
    await waitForFollow(page, "error");
    assert.match(await page.locator("#follow-problem").innerText(), /503[\s\S]*try later/);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  e2e("a new Send or leaving the page stops the long poll (nothing is left held)", async () => {
    stub.reset({ ...FAST, starting: 60_000, running: 60_000, completed: 60_000 });
    const { page, context, pageErrors } = await open();
    await page.fill('[name="baseUrl"]', stub.url);
    await sendAndWait(page);
    const first = [...stub.sessions.keys()].at(-1);
    await eventually(async () => stub.heldPolls() === 1, "the first session's poll to be held");

    await sendAndWait(page);
    const second = [...stub.sessions.keys()].at(-1);
    assert.notEqual(second, first);
    await eventually(async () => stub.heldPolls() === 1 && stub.requests.filter((r) => r.url.startsWith(`/agent/sessions/${second}?`)).length >= 1, "only the second session's poll to be held");
    const firstPolls = stub.requests.filter((r) => r.url.startsWith(`/agent/sessions/${first}?`)).length;
    assert.deepEqual((await timelineEntries(page)).map((e) => e.status), ["queued"], "the timeline is the new session's");
    assert.equal(await page.locator("#interrupt").isEnabled(), true);

    // Leaving the page fires pagehide (a navigation would also cancel the
    // fetch by itself, so the event is fired alone to see the demo stop it).
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent("pagehide", { persisted: true })));
    await eventually(async () => stub.heldPolls() === 0, "the poll to end when the page is left");
    const polls = (id) => stub.requests.filter((r) => r.url.startsWith(`/agent/sessions/${id}?`)).length;
    const secondPolls = polls(second);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(polls(first), firstPolls, "the first session is not polled again");
    assert.equal(polls(second), secondPolls, "nor the second, once the page is left");
    assert.equal(await page.locator("#interrupt").isEnabled(), false);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  e2e("the demo server's own stub API runs a whole session (Use this server's stub API)", async () => {
    const { page, context, pageErrors } = await open();
    const button = page.getByRole("button", { name: "Use this server's stub API" });
    await button.waitFor({ state: "visible", timeout: 10_000 });
    await button.click();
    assert.equal(await page.inputValue('[name="baseUrl"]'), `${demoUrl}stub-api`);
    assert.match(await page.locator("#curl-preview").innerText(), new RegExp(`'${demoUrl}stub-api/agent/sessions'`));
    const { outcome, text } = await sendAndWait(page);
    assert.equal(outcome, "session", text);
    assert.match(await waitForFollow(page, "idle"), /idle: completed/);
    assert.equal((await timelineEntries(page)).at(-1).status, "completed");
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  e2e("the timeline at 390 px wide, with no sideways scrolling", async () => {
    stub.reset();
    const { page, context } = await open(390, 900);
    await page.fill('[name="baseUrl"]', stub.url);
    await sendAndWait(page);
    await waitForFollow(page, "idle");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than the window`);
    await page.locator("#follow").screenshot({ path: `${ARTIFACTS}demo-390-timeline.png` });
    await context.close();
  });

  e2e("screenshots at 1280 and 390 px wide, with no sideways scrolling", async () => {
    for (const width of [1280, 390]) {
      const { page, context } = await open(width, 900);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${width} px: the page is ${overflow} px wider than the window`);
      await page.screenshot({ path: `${ARTIFACTS}demo-${width}.png`, fullPage: true });

      // The same page with problems on show, for a look at how they read.
      await page.fill('[name="prompt"]', "");
      await page.locator(".attachment-data").first().fill("{oops");
      await page.locator("#extra-details summary").click();
      await page.fill('[name="extraFields"]', '{"promt": "hi", "agentName": "Membrane"}');
      const wider = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(wider <= 0, `${width} px with problems: the page is ${wider} px wider than the window`);
      await page.screenshot({ path: `${ARTIFACTS}demo-${width}-problems.png`, fullPage: true });
      await context.close();
    }
  });
});

/** The JSON body inside a `toCurl` command (`--data-raw '<body>'`, quotes escaped as '\''). */
function bodyOfCurl(curl) {
  const match = /--data-raw '((?:[^']|'\\'')*)'/.exec(curl);
  assert.ok(match, `no --data-raw in ${curl}`);
  return JSON.parse(match[1].replaceAll("'\\''", "'"));
}

/** Starts `node www/serve.mjs` on a port the OS picks and reads the URL it prints. */
function startDemoServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["www/serve.mjs"], {
      cwd: REPO,
      env: { ...process.env, PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      reject(new Error(`www/serve.mjs printed no URL within 10 s: ${output}`));
    }, 10_000);
    const read = (chunk) => {
      output += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[0] });
      }
    };
    child.stdout.setEncoding("utf8").on("data", read);
    child.stderr.setEncoding("utf8").on("data", (chunk) => (output += chunk));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`www/serve.mjs exited with ${code}: ${output}`));
    });
  });
}

/**
 * The demo's stub API (www/stub-api.mjs) on a loopback port. `intercept`,
 * when set, may answer a call itself: it gets (method, path with query) and
 * returns `{ status, body, type? }` or undefined to leave the call to the
 * stub. Every call is recorded in `requests` either way.
 */
async function startTestApi() {
  const api = createStubApi({ timing: FAST });
  const state = { intercept: undefined };
  const server = createServer((request, response) => {
    const url = request.url ?? "/";
    const reply = state.intercept?.(request.method, url);
    if (reply === undefined) {
      if (!api.handle(request, response, url)) response.writeHead(404).end();
      return;
    }
    response.setHeader("Access-Control-Allow-Origin", "*");
    response.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept");
    if (request.method === "OPTIONS") {
      response.writeHead(204).end();
      return;
    }
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      api.requests.push({ method: request.method, url, headers: request.headers, body });
      response.writeHead(reply.status, { "Content-Type": reply.type ?? "application/json" }).end(reply.body);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  // Through descriptors, so that the setters stay setters.
  return Object.defineProperties(api, Object.getOwnPropertyDescriptors({
    url: `http://127.0.0.1:${server.address().port}`,
    set intercept(value) {
      state.intercept = value;
    },
    /** Intercepts only the create call, with this answer. */
    set reply(value) {
      state.intercept = (method, url) => (method === "POST" && url === "/agent/sessions" ? value : undefined);
    },
    /** Back to the plain stub: every call runs the simulated lifecycle. */
    reset(timing = FAST) {
      state.intercept = undefined;
      Object.assign(api.timing, timing);
    },
    stop: () =>
      new Promise((resolve) => {
        api.close();
        server.closeAllConnections();
        server.close(resolve);
      }),
  }));
}

/** A loopback port that nothing listens on (it was free a moment ago). */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}
