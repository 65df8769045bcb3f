// The Standard Schema v1 objects (SPEC, "Interop"): their `~standard`
// properties, and that `validate` answers exactly what
// validateCreateAgentSession / parseAgentSession answer, synchronously.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as pkg from "membrane-agent-session";
import {
  INTEROP_NAMES, packaged, createAgentSessionSchema, agentSessionSchema,
  validateCreateAgentSession, parseAgentSession, createAgentSessionJsonSchema, agentSessionJsonSchema,
} from "./support/interop.mjs";
import { ISSUE_CODES } from "../js/support/package.mjs";

const GOOD_REQUEST = {
  prompt: "Build a connection to HubSpot",
  workspaceElementType: "connection",
  modelId: "anthropic/claude-sonnet-4.6",
  promptAttachments: [{ title: "notes", data: { a: [1, null] } }],
};
const GOOD_SESSION = {
  id: "as_1", workspaceId: "ws_1", workspaceElementId: "conn_1", type: "agent", status: "running",
  prompt: "p", lastActivityAt: "2026-03-01T12:00:00.123Z", hasWorker: true,
  createdAt: "2026-03-01T11:59Z", updatedAt: "2026-03-01T12:00:00Z", extraServerField: 1,
};

test("the package root exports the interop names", () => {
  assert.ok(packaged, `membrane-agent-session lacks ${INTEROP_NAMES.filter((n) => !(n in pkg)).join(", ")} ` +
    "(scripts/assemble-pkg.mjs ships js/interop.js, with the JSON Schemas make pkg generates)");
});

for (const [name, schema] of [["createAgentSessionSchema", createAgentSessionSchema], ["agentSessionSchema", agentSessionSchema]]) {
  test(`${name}["~standard"] has version 1, our vendor and a validate function, frozen`, () => {
    const props = schema["~standard"];
    assert.equal(props.version, 1);
    assert.equal(props.vendor, "membrane-agent-session");
    assert.equal(typeof props.validate, "function");
    assert.ok(Object.isFrozen(schema), "the schema object is frozen");
    assert.ok(Object.isFrozen(props), "its ~standard properties are frozen");
    assert.deepEqual(Object.keys(schema), ["~standard"]);
    // `types` exists for TypeScript only (StandardSchemaV1 allows it absent).
    assert.equal(props.types, undefined);
    assert.throws(() => { "use strict"; props.validate = () => ({ value: 1 }); }, TypeError);
  });
}

test("createAgentSessionSchema: a valid request gives { value } equal to validateCreateAgentSession's data", () => {
  const result = createAgentSessionSchema["~standard"].validate(GOOD_REQUEST);
  assert.ok(!(result instanceof Promise) && typeof result.then !== "function", "synchronous");
  assert.equal(result.issues, undefined);
  assert.deepEqual(Object.keys(result), ["value"]);
  assert.deepEqual(result.value, validateCreateAgentSession(GOOD_REQUEST).data);
  assert.deepEqual(result.value, GOOD_REQUEST);
  assert.notEqual(result.value, GOOD_REQUEST, "a new object, as validateCreateAgentSession gives");
});

test("createAgentSessionSchema: an invalid request gives { issues }, our Issue objects", () => {
  const input = { promt: "x", modelId: "Anthropic/claude-opus-4.6", promptAttachments: [{ title: "" }] };
  const result = createAgentSessionSchema["~standard"].validate(input);
  assert.deepEqual(Object.keys(result), ["issues"]);
  assert.deepEqual(result.issues, validateCreateAgentSession(input).issues);
  const byPath = Object.fromEntries(result.issues.map((i) => [JSON.stringify(i.path), i]));
  assert.equal(byPath["[]"].code, "unrecognized_keys");
  assert.deepEqual(byPath["[]"].keys, ["promt"]);
  assert.equal(byPath["[]"].suggestion, "prompt");
  assert.equal(byPath['["modelId"]'].code, "invalid_value");
  assert.equal(byPath['["modelId"]'].suggestion, "anthropic/claude-opus-4.6");
  assert.equal(byPath['["promptAttachments",0,"title"]'].code, "too_small");
  assert.equal(byPath['["promptAttachments",0,"data"]'].code, "invalid_type");
  assert.ok(result.issues.some((i) => i.code === "invalid_type" && JSON.stringify(i.path) === '["prompt"]'));
  for (const issue of result.issues) {
    // What the Standard Schema interface reads: a message and a path of property keys.
    assert.equal(typeof issue.message, "string");
    assert.ok(issue.message.length > 0);
    assert.ok(Array.isArray(issue.path));
    assert.ok(issue.path.every((k) => typeof k === "string" || Number.isInteger(k)));
    assert.ok(ISSUE_CODES.has(issue.code), issue.code);
  }
});

test("agentSessionSchema: takes the response text or an object, as parseAgentSession does", () => {
  const validate = agentSessionSchema["~standard"].validate;
  for (const input of [JSON.stringify(GOOD_SESSION), GOOD_SESSION]) {
    const result = validate(input);
    assert.equal(result.issues, undefined, JSON.stringify(result.issues));
    assert.deepEqual(result.value, parseAgentSession(input).data);
    assert.equal(result.value.state, "busy", "state defaults to busy");
    assert.ok(!("extraServerField" in result.value), "unknown keys dropped");
  }
});

test("agentSessionSchema: bad text is invalid_json, a bad object gets issues at their paths", () => {
  const validate = agentSessionSchema["~standard"].validate;
  const notJson = validate("{ not json");
  assert.deepEqual(notJson.issues.map((i) => i.code), ["invalid_json"]);
  assert.deepEqual(notJson.issues, parseAgentSession("{ not json").issues);

  const bad = { ...GOOD_SESSION, status: "Running", createdAt: "2026-03-01 11:59Z" };
  delete bad.hasWorker;
  for (const input of [bad, JSON.stringify(bad)]) {
    const result = validate(input);
    assert.deepEqual(result.issues, parseAgentSession(input).issues);
    assert.deepEqual(
      result.issues.map((i) => `${i.code} ${i.path.join(".")}`).sort(),
      ["invalid_format createdAt", "invalid_type hasWorker", "invalid_value status"],
    );
  }
});

test("validate ignores a second (options) argument and never throws", () => {
  const validate = createAgentSessionSchema["~standard"].validate;
  assert.deepEqual(validate(GOOD_REQUEST, { libraryOptions: { strict: false } }).value, GOOD_REQUEST);
  const cyclic = { prompt: "x", promptAttachments: [{ title: "t", data: {} }] };
  cyclic.promptAttachments[0].data.self = cyclic;
  const hostile = [
    undefined, null, 10n, Symbol("s"), () => 1, cyclic,
    new Proxy({}, { ownKeys() { throw new Error("trap"); } }),
    { get prompt() { throw new Error("getter"); } },
  ];
  for (const input of hostile) {
    for (const schema of [createAgentSessionSchema, agentSessionSchema]) {
      const result = schema["~standard"].validate(input);
      assert.ok(Array.isArray(result.issues) && result.issues.length > 0, String(typeof input));
    }
  }
});

test("~standard.jsonSchema answers a fresh copy for draft-2020-12 and draft-07, and throws for others", () => {
  for (const [schema, json] of [
    [createAgentSessionSchema, createAgentSessionJsonSchema],
    [agentSessionSchema, agentSessionJsonSchema],
  ]) {
    const convert = schema["~standard"].jsonSchema;
    const a = convert.input({ target: "draft-2020-12" });
    const b = convert.output({ target: "draft-2020-12" });
    assert.equal(a.$schema, "https://json-schema.org/draft/2020-12/schema");
    assert.deepEqual(a, b);
    assert.notEqual(a, b, "a fresh object each call");
    assert.ok(!Object.isFrozen(a), "the caller may change its copy");
    assert.deepEqual(a, json);
    const old = convert.input({ target: "draft-07" });
    assert.equal(old.$schema, "http://json-schema.org/draft-07/schema#");
    assert.ok(!JSON.stringify(old).includes("$defs"), "definitions, not $defs, in draft 07");
    for (const target of ["openapi-3.0", "draft-04", undefined]) {
      assert.throws(() => convert.input({ target }), TypeError);
    }
    assert.throws(() => convert.output(undefined), TypeError);
  }
});
