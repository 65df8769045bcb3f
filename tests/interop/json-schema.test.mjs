// The JSON Schemas (SPEC, "Interop"): what they declare, checked against
// SPEC's own tables, and the agreement SPEC promises — Ajv (draft 2020-12,
// strict) given these schemas accepts and refuses exactly what the package
// does, on a generated corpus of JSON values without lone surrogates.
import { test } from "node:test";
import assert from "node:assert/strict";
import Ajv2020 from "ajv/dist/2020.js";
import Ajv07 from "ajv";
import { specEnums, timestampPatternSource } from "../js/support/spec.mjs";
import {
  createAgentSessionSchema, agentSessionSchema, createAgentSessionJsonSchema, agentSessionJsonSchema,
  validateCreateAgentSession, parseAgentSession,
} from "./support/interop.mjs";
import { corpus, REQUEST_KEYS, SESSION_OPTIONAL, SESSION_REQUIRED } from "./support/json-corpus.mjs";

const DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
const ENUMS = specEnums();
const REQUESTS = 6000;
const SESSIONS = 6000;
const SEED = process.env.INTEROP_SEED ?? "json-schema-agreement";

/** Follows a local `$ref` ("#/$defs/X") inside `root`. */
function resolve(root, schema) {
  let s = schema;
  for (let hops = 0; s && typeof s.$ref === "string" && hops < 10; hops++) {
    assert.match(s.$ref, /^#\//, `only local references: ${s.$ref}`);
    s = s.$ref.slice(2).split("/").reduce((o, k) => o?.[k.replace(/~1/g, "/").replace(/~0/g, "~")], root);
    assert.ok(s, `unresolved ${schema.$ref}`);
  }
  return s;
}
const property = (root, schema, name) => resolve(root, resolve(root, schema).properties?.[name]);

function assertDeepFrozen(value, where) {
  if (value === null || typeof value !== "object") return;
  assert.ok(Object.isFrozen(value), `${where} is not frozen`);
  for (const [k, v] of Object.entries(value)) assertDeepFrozen(v, `${where}.${k}`);
}

test("the request schema: draft 2020-12, SPEC's fields, enums, lengths, unknown keys refused", () => {
  const root = createAgentSessionJsonSchema;
  assertDeepFrozen(root, "createAgentSessionJsonSchema");
  assert.equal(root.$schema, DRAFT_2020_12);
  assert.equal(root.type, "object");
  assert.equal(root.additionalProperties, false);
  assert.deepEqual(Object.keys(root.properties), REQUEST_KEYS, "SPEC's fields, in SPEC's order");
  assert.deepEqual(root.required, ["prompt"]);
  assert.equal(property(root, root, "prompt").minLength, 1);
  assert.equal(property(root, root, "workspaceElementId").minLength, 1);
  assert.equal(property(root, root, "testCustomerId").minLength ?? 0, 0);
  assert.equal(property(root, root, "isExternal").type, "boolean");
  assert.deepEqual(property(root, root, "workspaceElementType").enum, ENUMS.WorkspaceElementType);
  assert.deepEqual(property(root, root, "modelId").enum, ENUMS.ModelId);
  assert.deepEqual(property(root, root, "agentName").enum, ENUMS.AgentName);
  const list = property(root, root, "promptAttachments");
  assert.equal(list.type, "array");
  assert.ok(root.$defs?.PromptAttachment, "PromptAttachment in $defs");
  const attachment = resolve(root, list.items);
  assert.equal(attachment, root.$defs.PromptAttachment);
  assert.deepEqual([...attachment.required].sort(), ["data", "title"]);
  assert.equal(attachment.additionalProperties, false);
  assert.equal(property(root, attachment, "title").minLength, 1);
});

test("the session schema: SPEC's fields, the Timestamp pattern verbatim, state defaults to busy, ErrorData recursive", () => {
  const root = agentSessionJsonSchema;
  assertDeepFrozen(root, "agentSessionJsonSchema");
  assert.equal(root.$schema, DRAFT_2020_12);
  assert.equal(root.type, "object");
  assert.notEqual(root.additionalProperties, false, "unknown keys in a response are tolerated");
  assert.deepEqual([...root.required].sort(), [...SESSION_REQUIRED].sort());
  assert.deepEqual(Object.keys(root.properties).sort(), [...SESSION_REQUIRED, ...SESSION_OPTIONAL].sort());
  for (const name of ["lastActivityAt", "createdAt", "updatedAt"]) {
    assert.equal(property(root, root, name).pattern, timestampPatternSource(), `${name}: SPEC's pattern, exactly`);
  }
  assert.deepEqual(property(root, root, "status").enum, ENUMS.AgentSessionStatus);
  assert.deepEqual(property(root, root, "state").enum, ENUMS.AgentSessionState);
  assert.equal(resolve(root, root.properties.state).default ?? root.properties.state.default, "busy");
  assert.deepEqual(property(root, root, "agentName").enum, ENUMS.AgentName);
  assert.deepEqual(property(root, root, "workspaceElementType").enum, ENUMS.WorkspaceElementType);
  assert.equal(property(root, root, "output").type, "object");
  assert.ok(root.$defs?.ErrorData, "ErrorData in $defs");
  const error = property(root, root, "error");
  assert.equal(error, root.$defs.ErrorData);
  assert.deepEqual(error.required, ["message"]);
  assert.equal(property(root, error, "causedByError"), error, "causedByError refers back to ErrorData");
  assert.equal(property(root, error, "logs").type, "array");
});

/** Compiles both schemas with `Ajv` (strict) and returns the two validators. */
function compile(Ajv, request, session) {
  const ajv = new Ajv({ strict: true, allErrors: true });
  return { request: ajv.compile(request), session: ajv.compile(session) };
}

const preview = (value) => {
  const text = JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
};

/**
 * The corpus with the package's verdicts, made once for every test below. A
 * session is given to the package twice: as the object and as its JSON text.
 */
let judged;
function judgedCorpus() {
  judged ??= {
    requests: corpus("request", REQUESTS, SEED).map((c) => ({ ...c, ours: [validateCreateAgentSession(c.value)] })),
    sessions: corpus("session", SESSIONS, SEED).map((c) => ({
      ...c, ours: [parseAgentSession(c.value), parseAgentSession(JSON.stringify(c.value))],
    })),
  };
  return judged;
}

/** Compares Ajv's verdicts with the package's; returns the counts and the first disagreements. */
function agreement(validators) {
  const counts = { total: 0, requests: { accepted: 0, refused: 0 }, sessions: { accepted: 0, refused: 0 } };
  const disagreements = [];
  const mutations = new Map();
  const { requests, sessions } = judgedCorpus();
  for (const [kind, cases, validate] of [["request", requests, validators.request], ["session", sessions, validators.session]]) {
    for (const c of cases) {
      counts.total++;
      for (const m of c.mutations) mutations.set(`${kind}: ${m}`, (mutations.get(`${kind}: ${m}`) ?? 0) + 1);
      counts[`${kind}s`][c.ours[0].success ? "accepted" : "refused"]++;
      const ajvOk = validate(c.value);
      for (const [n, result] of c.ours.entries()) {
        if (ajvOk === result.success || disagreements.length >= 5) continue;
        disagreements.push({
          kind: kind === "request" ? kind : `session ${n === 0 ? "object" : "text"}`,
          mutations: c.mutations, value: preview(c.value), ajv: ajvOk, package: result.success,
          ajvErrors: (validate.errors ?? []).slice(0, 3).map((e) => `${e.instancePath} ${e.message}`),
          issues: (result.issues ?? []).slice(0, 3).map((i) => `${JSON.stringify(i.path)} ${i.code}: ${i.message}`),
        });
      }
    }
  }
  return { counts, disagreements, mutations };
}

function assertAgreement(t, label, { counts, disagreements, mutations }) {
  const line = `${label}: ${counts.total} JSON values — requests ${counts.requests.accepted} accepted / ` +
    `${counts.requests.refused} refused, sessions ${counts.sessions.accepted} accepted / ${counts.sessions.refused} refused ` +
    `(each session as object and as text); disagreements: ${disagreements.length === 0 ? 0 : "≥ " + disagreements.length}`;
  console.log(line);
  t.diagnostic(line);
  assert.deepEqual(disagreements, [], `Ajv and the package disagree (first ${disagreements.length} shown)`);
  assert.ok(counts.total >= 10000, `${counts.total} values, at least 10,000 wanted`);
  for (const kind of ["requests", "sessions"]) {
    const { accepted, refused } = counts[kind];
    assert.ok(accepted >= 0.2 * (accepted + refused), `${kind}: too few accepted (${accepted})`);
    assert.ok(refused >= 0.2 * (accepted + refused), `${kind}: too few refused (${refused})`);
  }
  // Every rule was exercised, each many times.
  const wanted = [
    ...REQUEST_KEYS.map((k) => `request: wrong type ${k}`),
    ...REQUEST_KEYS.map((k) => `request: null ${k}`),
    "request: missing prompt", "request: empty prompt", "request: empty workspaceElementId", "request: empty testCustomerId",
    "request: bad enum workspaceElementType", "request: bad enum modelId", "request: bad enum agentName",
    "request: attachment not an object", "request: attachment without title", "request: attachment with empty title",
    "request: attachment title of wrong type", "request: attachment without data", "request: attachment data null (valid)",
    "request: attachment unknown key", "request: attachment data deep (valid)", "request: root not an object",
    ...SESSION_REQUIRED.map((k) => `session: missing ${k}`),
    ...[...SESSION_REQUIRED, ...SESSION_OPTIONAL].map((k) => `session: wrong type ${k}`),
    ...SESSION_OPTIONAL.map((k) => `session: null ${k}`),
    "session: bad enum status", "session: bad enum state", "session: bad enum agentName", "session: bad enum workspaceElementType",
    "session: bad timestamp createdAt", "session: unknown key (valid)", "session: error without message",
    "session: error chain (valid)", "session: error causedByError of wrong type", "session: error logs of wrong type",
    "session: output not an object", "session: root not an object", "session: valid edge",
  ];
  const rare = wanted.filter((m) => (mutations.get(m) ?? 0) < 5);
  assert.deepEqual(rare, [], "mutations seen fewer than 5 times");
}

test("Ajv (draft 2020-12, strict) and the package agree on every generated value", (t) => {
  const validators = compile(Ajv2020, createAgentSessionJsonSchema, agentSessionJsonSchema);
  assertAgreement(t, "draft 2020-12", agreement(validators));
});

test("the draft-07 form from ~standard.jsonSchema agrees too (Ajv's draft-07 class, strict)", (t) => {
  const target = { target: "draft-07" };
  const validators = compile(
    Ajv07,
    createAgentSessionSchema["~standard"].jsonSchema.input(target),
    agentSessionSchema["~standard"].jsonSchema.input(target),
  );
  assertAgreement(t, "draft-07", agreement(validators));
});

test("depth: both accept 1000 nested arrays/objects; past that only the package refuses (what JSON Schema cannot say)", () => {
  const ajv = compile(Ajv2020, createAgentSessionJsonSchema, agentSessionJsonSchema);
  // The request object is level 1, the list 2, the attachment 3; data adds the rest.
  const nested = (levels) => { let v = 0; for (let i = 0; i < levels; i++) v = [v]; return v; };
  const request = (levels) => ({ prompt: "p", promptAttachments: [{ title: "t", data: nested(levels) }] });
  for (const value of [request(997), JSON.parse(JSON.stringify(request(997)))]) {
    assert.equal(ajv.request(value), true);
    assert.equal(validateCreateAgentSession(value).success, true, "1000 levels are accepted");
  }
  const deeper = request(998);
  assert.equal(ajv.request(deeper), true, "JSON Schema has no depth limit");
  const refused = validateCreateAgentSession(deeper);
  assert.equal(refused.success, false);
  assert.deepEqual(refused.issues.map((i) => [i.code, i.maximum, i.origin]), [["too_big", 1000, "depth"]]);
});

test("the agreement test can fail: a schema that forgets a rule disagrees", () => {
  // The same corpus against the request schema without its minLength on prompt.
  const loose = structuredClone(createAgentSessionJsonSchema);
  const prompt = resolve(loose, loose.properties.prompt);
  delete prompt.minLength;
  const validators = compile(Ajv2020, loose, agentSessionJsonSchema);
  const { disagreements } = agreement(validators);
  assert.ok(disagreements.length > 0, "a schema missing a rule must be caught");
  assert.ok(disagreements.some((d) => d.mutations.includes("empty prompt")), JSON.stringify(disagreements[0]));
});
