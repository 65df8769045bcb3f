// A stand-in for Membrane's agent-session API, for the demo (www/serve.mjs
// mounts it at /stub-api) and its end-to-end test (tests/e2e/, which starts
// its own on a loopback port). Zero dependencies.
//
// It serves the whole lifecycle of SPEC's "The session lifecycle":
//   POST /agent/sessions                      create: queued, busy
//   GET  /agent/sessions/{id}[?wait&timeout]  get; with wait=true a long poll
//   GET  /agent/sessions[?limit&cursor&workspaceElementType]   a list page
//   POST /agent/sessions/{id}/message         more input: busy again
//   POST /agent/sessions/{id}/interrupt       { interrupted }, then cancelled
// A session runs by itself: queued -> starting -> running -> completed
// (idle) on the clock of `timing`, so a client sees a few status changes
// within a couple of seconds. Every answer is valid per SPEC (timestamps from
// Date#toISOString, ids as strings, `state` always present).
//
// Bounded: at most MAX_SESSIONS sessions (the oldest are forgotten), request
// bodies up to MAX_BODY_BYTES, at most MAX_WAITERS long polls held at once
// (more are answered at once), each held at most `maxWaitMs`. close() ends
// every timer and held poll, so the process can exit.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";

const MAX_SESSIONS = 200;
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_WAITERS = 64;
const DEFAULT_TIMEOUT_S = 30;
const DEFAULT_LIMIT = 100;

/** When each status is reached, in ms after a run starts; `cancelled` is after an interrupt. */
export const DEFAULT_TIMING = Object.freeze({ starting: 400, running: 900, completed: 2400, cancelled: 250 });

const ELEMENT_TYPES = new Set([
  "customer", "app", "connector", "integration", "flow", "flow-instance", "flow-run", "action", "package",
  "action-instance", "connection", "field-mapping", "field-mapping-instance", "data-source",
  "data-source-instance", "data-link-table", "data-link-table-instance", "app-event-type",
  "app-event-subscription", "app-event-log-record", "app-data-schema", "app-data-schema-instance",
  "external-event-subscription", "external-event-log-record", "external-event-pull", "external-event-type",
  "screen", "action-run-log-record", "external-api-log-record", "incoming-webhook-log-record",
  "connected-product",
]);
const AGENT_NAMES = new Set(["membrane", "membrane-core", "self-integrating", "connection-building", "action-building", "universe"]);

/**
 * The API's state and its request handler, without a server of its own.
 * `handle(request, response, path)` answers a request whose path (below any
 * mount prefix) starts with /agent/sessions and returns true, or returns
 * false and leaves the request alone.
 *
 * Options: `timing` (see DEFAULT_TIMING; may be changed later through the
 * returned object), `maxWaitMs` (how long a long poll is held at most, even
 * if the client asked for longer: a server may answer early and the client
 * polls again).
 */
export function createStubApi({ timing = DEFAULT_TIMING, maxWaitMs = 60_000 } = {}) {
  /** @type {Map<string, Session>} insertion order = creation order */
  const sessions = new Map();
  /** Every request handled, for tests: method, path with query, headers, body. */
  const requests = [];
  let waiters = 0;
  let closed = false;
  const api = {
    timing: { ...DEFAULT_TIMING, ...timing },
    maxWaitMs,
    sessions,
    requests,
    /** How many long polls are held right now (a client that gave up no longer counts). */
    heldPolls: () => waiters,
    handle,
    close,
  };

  /**
   * @typedef {{ data: Record<string, unknown>, version: number, answered: number,
   *   timers: Set<NodeJS.Timeout>, waiting: Set<() => void> }} Session
   */

  function handle(request, response, path) {
    const url = new URL(path, "http://stub");
    const segments = url.pathname.split("/").slice(1);
    if (segments[0] !== "agent" || segments[1] !== "sessions") return false;
    allowCors(response);
    if (request.method === "OPTIONS") {
      response.writeHead(204).end();
      return true;
    }
    readBody(request, response, (body) => {
      requests.push({ method: request.method, url: url.pathname + url.search, headers: request.headers, body });
      route(request, response, url, segments.slice(2), body);
    });
    return true;
  }

  function route(request, response, url, rest, body) {
    if (!/^Bearer \S+$/.test(request.headers.authorization ?? "")) {
      return reply(response, 401, { message: "missing or malformed Authorization: Bearer <token>" });
    }
    // An id is one path segment, percent-encoded by the client.
    let id;
    try {
      id = rest[0] === undefined ? undefined : decodeURIComponent(rest[0]);
    } catch {
      return reply(response, 400, { message: "the session id is not valid percent-encoding" });
    }
    const method = request.method;
    if (id === undefined || (rest.length === 1 && id === "")) {
      if (method === "POST") return create(response, body);
      if (method === "GET") return list(response, url.searchParams);
      return notAllowed(response, "GET, POST");
    }
    const session = sessions.get(id);
    const action = rest[1];
    if (rest.length > 2 || (action !== undefined && action !== "message" && action !== "interrupt")) {
      return reply(response, 404, { message: "no such endpoint" });
    }
    if (session === undefined) return reply(response, 404, { message: "no agent session with this id" });
    if (action === undefined) {
      if (method !== "GET") return notAllowed(response, "GET");
      return get(request, response, session, url.searchParams);
    }
    if (method !== "POST") return notAllowed(response, "POST");
    if (action === "message") return message(response, session, body);
    return interrupt(response, session);
  }

  function create(response, body) {
    const input = parseJsonObject(body);
    if (input === undefined || typeof input.prompt !== "string" || input.prompt === "") {
      return reply(response, 400, { message: "expected a JSON object with a non-empty prompt" });
    }
    const now = new Date().toISOString();
    const data = {
      id: `ses_${randomBytes(8).toString("hex")}`,
      workspaceId: "ws_stub",
      workspaceElementId: typeof input.workspaceElementId === "string" ? input.workspaceElementId : "wse_stub",
      type: "agent",
      status: "queued",
      state: "busy",
      prompt: input.prompt,
      title: titleOf(input.prompt),
      lastActivityAt: now,
      hasWorker: false,
      createdAt: now,
      updatedAt: now,
    };
    if (ELEMENT_TYPES.has(input.workspaceElementType)) data.workspaceElementType = input.workspaceElementType;
    data.agentName = AGENT_NAMES.has(input.agentName) ? input.agentName : "membrane";
    if (typeof input.isExternal === "boolean") data.isExternal = input.isExternal;
    /** @type {Session} */
    const session = { data, version: 1, answered: 1, timers: new Set(), waiting: new Set() };
    sessions.set(data.id, session);
    forgetOldSessions();
    run(session);
    reply(response, 200, data);
  }

  function get(request, response, session, query) {
    const wait = query.get("wait");
    const timeout = query.get("timeout");
    if (wait !== null && !["true", "false", "1", "0"].includes(wait)) {
      return reply(response, 400, { message: "wait must be true or false" });
    }
    let timeoutS = DEFAULT_TIMEOUT_S;
    if (timeout !== null) {
      timeoutS = Number(timeout);
      if (!/^\d+$/.test(timeout) || timeoutS < 1 || timeoutS > 60) {
        return reply(response, 400, { message: "timeout must be an integer from 1 to 60" });
      }
    }
    // Answer at once when not waiting, when the session changed since the
    // last answer about it (so no change slips between two polls), when it
    // is idle already, or when too many polls are held.
    const changed = session.version !== session.answered;
    if ((wait !== "true" && wait !== "1") || changed || session.data.state === "idle" || waiters >= MAX_WAITERS || closed) {
      return answerSession(response, session);
    }
    waiters += 1;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      waiters -= 1;
      clearTimeout(timer);
      session.waiting.delete(finish);
      if (!response.destroyed) answerSession(response, session);
    };
    const timer = setTimeout(finish, Math.min(timeoutS * 1000, api.maxWaitMs));
    session.waiting.add(finish);
    // A client that gives up (an aborted fetch) frees its place.
    response.once("close", finish);
  }

  function list(response, query) {
    for (const key of query.keys()) {
      if (key !== "limit" && key !== "cursor" && key !== "workspaceElementType") {
        return reply(response, 400, { message: `unknown query parameter ${JSON.stringify(key)}` });
      }
    }
    const limitText = query.get("limit");
    const limit = limitText === null ? DEFAULT_LIMIT : Number(limitText);
    if (limitText !== null && (!/^\d+$/.test(limitText) || limit < 1 || limit > 1000)) {
      return reply(response, 400, { message: "limit must be an integer from 1 to 1000" });
    }
    const cursor = query.get("cursor");
    const offset = cursor === null ? 0 : offsetOf(cursor);
    if (offset === undefined) return reply(response, 400, { message: "unknown cursor" });
    const type = query.get("workspaceElementType");
    // Newest first, as a list of recent sessions is read.
    const matching = [...sessions.values()]
      .reverse()
      .filter((session) => type === null || session.data.workspaceElementType === type);
    const items = matching.slice(offset, offset + limit).map((session) => session.data);
    const page = { items };
    if (offset + limit < matching.length) page.cursor = cursorOf(offset + limit);
    reply(response, 200, page);
  }

  function message(response, session, body) {
    const input = parseJsonObject(body);
    if (input === undefined || typeof input.input !== "string") {
      return reply(response, 400, { message: "expected a JSON object with an input string" });
    }
    if (session.data.state === "busy") {
      return reply(response, 409, { message: "the session is busy; wait until it is idle or interrupt it" });
    }
    delete session.data.summary;
    delete session.data.output;
    change(session, { status: "queued", state: "busy" });
    session.answered = session.version;
    run(session);
    reply(response, 200, session.data);
  }

  function interrupt(response, session) {
    if (session.data.state === "idle") return reply(response, 200, { interrupted: false });
    stopRun(session);
    // The worker takes a moment to stop, as a real one does.
    later(session, api.timing.cancelled, () => change(session, { status: "cancelled", state: "idle", hasWorker: false }));
    reply(response, 200, { interrupted: true });
  }

  // The run of one prompt or message, step by step.
  function run(session) {
    const { starting, running, completed } = api.timing;
    later(session, starting, () => change(session, { status: "starting", hasWorker: true }));
    later(session, running, () => change(session, { status: "running" }));
    later(session, completed, () => {
      change(session, {
        status: "completed",
        state: "idle",
        hasWorker: false,
        summary: `Answered: ${titleOf(session.data.prompt)}`,
        output: { message: "The stub API did nothing; a real agent would have.", steps: 3 },
        cost: 0.0042,
      });
    });
  }

  function later(session, ms, step) {
    if (closed) return;
    const timer = setTimeout(() => {
      session.timers.delete(timer);
      step();
    }, ms);
    timer.unref();
    session.timers.add(timer);
  }

  function stopRun(session) {
    for (const timer of session.timers) clearTimeout(timer);
    session.timers.clear();
  }

  function change(session, fields) {
    const now = new Date().toISOString();
    Object.assign(session.data, fields, { updatedAt: now, lastActivityAt: now });
    session.version += 1;
    for (const wake of [...session.waiting]) wake();
  }

  function answerSession(response, session) {
    session.answered = session.version;
    reply(response, 200, session.data);
  }

  function forgetOldSessions() {
    for (const [id, session] of sessions) {
      if (sessions.size <= MAX_SESSIONS) break;
      stopRun(session);
      for (const wake of [...session.waiting]) wake();
      sessions.delete(id);
    }
  }

  function close() {
    closed = true;
    for (const session of sessions.values()) {
      stopRun(session);
      for (const wake of [...session.waiting]) wake();
    }
  }

  return api;
}

/**
 * Starts a stub API of its own on 127.0.0.1 at a port the OS picks (or
 * `port`). Resolves to the stub (see createStubApi) with `url` and an async
 * `close()` that ends held polls, open connections and the server.
 */
export async function startStubApi({ port = 0, ...options } = {}) {
  const api = createStubApi(options);
  const server = createServer((request, response) => {
    if (!api.handle(request, response, request.url ?? "/")) {
      allowCors(response);
      reply(response, 404, { message: "no such endpoint" });
    }
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const stopApi = api.close;
  return Object.assign(api, {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        stopApi();
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  });
}

// The page is served from another origin (another port) than the stub.
function allowCors(response) {
  response.setHeader("Access-Control-Allow-Origin", "*");
  response.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
  response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept");
  response.setHeader("Access-Control-Max-Age", "600");
}

function readBody(request, response, then) {
  const chunks = [];
  let size = 0;
  let refused = false;
  request.on("data", (chunk) => {
    if (refused) return;
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      refused = true;
      reply(response, 413, { message: `request bodies are limited to ${MAX_BODY_BYTES} bytes` });
      request.resume();
      return;
    }
    chunks.push(chunk);
  });
  request.on("end", () => {
    if (!refused) then(Buffer.concat(chunks).toString("utf8"));
  });
  request.on("error", () => response.destroy());
}

function reply(response, status, value) {
  if (response.headersSent || response.destroyed) return;
  const body = JSON.stringify(value);
  response.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
  });
  response.end(body);
}

function notAllowed(response, allow) {
  response.setHeader("Allow", allow);
  reply(response, 405, { message: `method not allowed; use ${allow}` });
}

function parseJsonObject(text) {
  try {
    const value = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function titleOf(prompt) {
  const line = prompt.split("\n", 1)[0].trim();
  return line.length > 60 ? `${line.slice(0, 57)}…` : line || "(untitled)";
}

// Cursors are opaque to clients; here they are the offset, in base64url.
function cursorOf(offset) {
  return Buffer.from(`o${offset}`).toString("base64url");
}

function offsetOf(cursor) {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  return /^o\d{1,9}$/.test(text) ? Number(text.slice(1)) : undefined;
}
