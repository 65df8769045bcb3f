// Interop: the package's validators as Standard Schema v1 objects, two
// helpers that turn issues into what forms and logs want, and the JSON
// Schemas of the request and the response.
//
// This file sits next to the wasm-bindgen glue in the package and needs
// nothing else: no run-time dependency (the Standard Schema interface is a
// shape, not a library). The *JsonSchemaText calls below are placeholders:
// the package build (scripts/assemble-pkg.mjs) writes the JSON Schemas'
// text, generated from the Rust declarations, in their place.
// The top-level calls are marked pure: a bundle that uses none of the
// exported values they make may drop them.

import {
  agentSessionJsonSchemaText,
  createAgentSessionJsonSchemaText,
  parseAgentSession,
  validateCreateAgentSession,
} from "./membrane_agent_session.js";

const VENDOR = "membrane-agent-session";

/** `$schema` of the draft 07 form that `~standard.jsonSchema` can also answer. */
const DRAFT_07 = "http://json-schema.org/draft-07/schema#";

// ---------------------------------------------------------------------------
// JSON Schema

function deepFreeze(value) {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze(value[key]);
  }
  return value;
}

/**
 * JSON Schema (draft 2020-12) of the request body, `CreateAgentSession`.
 * Generated from the same Rust definitions as the validator; deep-frozen.
 */
export const createAgentSessionJsonSchema = /* @__PURE__ */ deepFreeze(/* @__PURE__ */ JSON.parse(/* @__PURE__ */ createAgentSessionJsonSchemaText()));

/**
 * JSON Schema (draft 2020-12) of the 200 answer, `AgentSession`.
 * Generated from the same Rust definitions as the parser; deep-frozen.
 */
export const agentSessionJsonSchema = /* @__PURE__ */ deepFreeze(/* @__PURE__ */ JSON.parse(/* @__PURE__ */ agentSessionJsonSchemaText()));

// Draft 07 form of a 2020-12 schema node. For the keywords these schemas
// use, the dialects differ in two things: shared definitions live under
// `definitions` (not `$defs`), and a `$ref` ignores its sibling keywords, so
// a `$ref` with siblings moves into an `allOf`.
function toDraft07(node) {
  if (Array.isArray(node)) return node.map(toDraft07);
  if (node === null || typeof node !== "object") return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$schema") out.$schema = DRAFT_07;
    else if (key === "$defs") out.definitions = toDraft07(value);
    else if (key === "$ref" && typeof value === "string") out.$ref = value.replace(/\/\$defs\//g, "/definitions/");
    else out[key] = toDraft07(value);
  }
  if ("$ref" in out && Object.keys(out).length > 1) {
    const { $ref, ...siblings } = out;
    return { ...siblings, allOf: [...(Array.isArray(siblings.allOf) ? siblings.allOf : []), { $ref }] };
  }
  return out;
}

// A fresh, mutable copy of `schema` in the dialect `options.target` names.
function jsonSchemaFor(schema, options) {
  const target = options !== null && typeof options === "object" ? options.target : undefined;
  if (target === "draft-2020-12") return JSON.parse(JSON.stringify(schema));
  if (target === "draft-07") return toDraft07(schema);
  throw new TypeError(
    `${VENDOR}: no JSON Schema for target ${typeof target === "string" ? JSON.stringify(target) : String(target)}; ` +
      'supported targets: "draft-2020-12", "draft-07"',
  );
}

// ---------------------------------------------------------------------------
// Standard Schema v1 (https://standardschema.dev)

function standardSchema(check, jsonSchema) {
  const converter = Object.freeze({
    input: (options) => jsonSchemaFor(jsonSchema, options),
    output: (options) => jsonSchemaFor(jsonSchema, options),
  });
  return Object.freeze({
    "~standard": Object.freeze({
      version: 1,
      vendor: VENDOR,
      // Synchronous, as form libraries that validate on each keystroke need.
      // The second argument of the interface (options) changes nothing here.
      validate(value) {
        const result = check(value);
        return result.success ? { value: result.data } : { issues: result.issues };
      },
      jsonSchema: converter,
    }),
  });
}

/**
 * The request body, `CreateAgentSession`, as a Standard Schema v1 object:
 * hand it to any library that takes one (Hono's `sValidator`, TanStack Form,
 * tRPC…). `validate` answers `{ value }` exactly as
 * `validateCreateAgentSession` gives `data`, or `{ issues }`, our `Issue`s.
 */
export const createAgentSessionSchema = /* @__PURE__ */ standardSchema(
  (value) => validateCreateAgentSession(value),
  createAgentSessionJsonSchema,
);

/**
 * The 200 answer, `AgentSession`, as a Standard Schema v1 object. Like
 * `parseAgentSession`, `validate` takes the raw response text (a string) or
 * an already parsed value.
 */
export const agentSessionSchema = /* @__PURE__ */ standardSchema((value) => parseAgentSession(value), agentSessionJsonSchema);

// ---------------------------------------------------------------------------
// Issue helpers. Both accept our issues and any Standard Schema issues (whose
// path segments may be `{ key }` objects), and neither throws: an argument
// that is not an array is no issues, an element that is not an object is
// skipped, a message that is not a string reads "invalid input".

const FALLBACK_MESSAGE = "invalid input";

// { message, path } of one issue, or undefined if it is not one. Reading a
// hostile object (a throwing getter, a proxy) must not throw out of here.
function readIssue(issue) {
  if (issue === null || (typeof issue !== "object" && typeof issue !== "function")) return undefined;
  try {
    const message = typeof issue.message === "string" ? issue.message : FALLBACK_MESSAGE;
    const rawPath = issue.path;
    const path = Array.isArray(rawPath) ? Array.from(rawPath, segmentKey) : [];
    return { message, path };
  } catch {
    return { message: FALLBACK_MESSAGE, path: [] };
  }
}

// A Standard Schema path segment is a property key or `{ key }`.
function segmentKey(segment) {
  return segment !== null && typeof segment === "object" && "key" in segment ? segment.key : segment;
}

function issueList(issues) {
  try {
    return Array.isArray(issues) ? Array.from(issues) : [];
  } catch {
    return [];
  }
}

/**
 * Sorts issues the way Zod 4's `z.flattenError` does: those with an empty
 * path into `formErrors`, the others into `fieldErrors` under their first
 * path segment, messages in order. `fieldErrors` has no prototype, so a
 * field named `__proto__` or `toString` is an ordinary key.
 */
export function flattenIssues(issues) {
  const formErrors = [];
  const fieldErrors = Object.create(null);
  for (const element of issueList(issues)) {
    const issue = readIssue(element);
    if (issue === undefined) continue;
    if (issue.path.length === 0) {
      formErrors.push(issue.message);
    } else {
      const field = keyText(issue.path[0]);
      (fieldErrors[field] ??= []).push(issue.message);
    }
  }
  return { formErrors, fieldErrors };
}

// A key as an object key: String() of it (symbols too, which template
// literals refuse).
function keyText(key) {
  try {
    return String(key);
  } catch {
    return "?";
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A path written as JavaScript reaches it: `promptAttachments[2].title`, `output["weird key"]`. */
function pathText(path) {
  let text = "";
  for (const key of path) {
    if (typeof key === "number" && Number.isInteger(key) && key >= 0) text += `[${key}]`;
    else if (typeof key === "string" && IDENTIFIER.test(key)) text += text === "" ? key : `.${key}`;
    else if (typeof key === "string") text += `[${JSON.stringify(key)}]`;
    else text += `[${keyText(key)}]`;
  }
  return text;
}

/**
 * One line per issue: its path as JavaScript writes it, a colon, and its
 * message (`promptAttachments[2].title: …`); an issue about the whole value
 * (empty path) is its message alone. Lines are joined with "\n".
 */
export function formatIssues(issues) {
  const lines = [];
  for (const element of issueList(issues)) {
    const issue = readIssue(element);
    if (issue === undefined) continue;
    const where = pathText(issue.path);
    lines.push(where === "" ? issue.message : `${where}: ${issue.message}`);
  }
  return lines.join("\n");
}
