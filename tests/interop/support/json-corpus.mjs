// A seeded corpus of JSON values for the JSON Schema agreement test: requests
// and sessions, valid and broken in every rule SPEC states, each case named
// by what was done to it. Only values JSON carries are made (no undefined,
// no non-finite numbers, no cycles), and no string or key holds a lone
// surrogate: SPEC's agreement promise excludes those, and the corpus checks
// each case for them (`hasLoneSurrogate`) rather than trusting its recipes.
import { RESPONSE_OPTIONAL, RESPONSE_REQUIRED } from "../../js/support/generate.mjs";
import { createRandom } from "../../js/support/prng.mjs";
import { specEnums } from "../../js/support/spec.mjs";
import { editOnce, validTimestamp } from "../../js/support/timestamp-strings.mjs";

const ENUMS = specEnums();

export const REQUEST_KEYS = [
  "prompt", "workspaceElementType", "workspaceElementId", "testCustomerId",
  "isExternal", "modelId", "agentName", "promptAttachments",
];
const REQUEST_KIND = {
  prompt: "nonEmptyString", workspaceElementType: "WorkspaceElementType", workspaceElementId: "nonEmptyString",
  testCustomerId: "string", isExternal: "boolean", modelId: "ModelId", agentName: "AgentName",
  promptAttachments: "attachments",
};

// SPEC's response lists, kept once in the shared test support.
const SESSION_REQUIRED = RESPONSE_REQUIRED;
const SESSION_OPTIONAL = RESPONSE_OPTIONAL;
export { SESSION_REQUIRED, SESSION_OPTIONAL };
const SESSION_KIND = {
  id: "string", workspaceId: "string", workspaceElementId: "string", type: "string",
  status: "AgentSessionStatus", prompt: "string", lastActivityAt: "timestamp", hasWorker: "boolean",
  createdAt: "timestamp", updatedAt: "timestamp", workspaceElementType: "WorkspaceElementType",
  state: "AgentSessionState", agentName: "AgentName", orgWorkspaceId: "string", userId: "string",
  tenantId: "string", title: "string", summary: "string", cost: "number", isExternal: "boolean",
  output: "object", error: "ErrorData",
};
const ERROR_KIND = {
  message: "string", type: "string", key: "string", data: "any", stack: "any", logs: "array", causedByError: "ErrorData",
};

// Strings that are valid wherever a string is: empty only where allowed.
const STRINGS = [
  "x", "hello world", " ", "\t", "  padded  ", "0", "null", "true", "émoji 😀 ok", "日本語",
  "line\nbreak", "quote\"back\\slash", "\u2028\u2029", "\u0000nul", "😀", "e\u0301", "\uFEFFbom",
  "a".repeat(300), "𝟘", "\u{10FFFF}",
];
const NUMBERS = [0, -0, 1, -1, 42, 3.14, 1e21, -2.5e-7, 9007199254740993, 1e308, -1e308, 5e-324, 1.7976931348623157e308];
const KEYS = ["a", "b", "key", "prompt", "", "0", "__proto__", "constructor", "toString", "ü", "😀", "a b", "$ref", "type"];

/** Sets an own enumerable property, even `__proto__` (as JSON.parse would make it). */
function put(obj, key, value) {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A random JSON value nested up to `depth` levels. */
export function jsonValue(r, depth = 3) {
  switch (r.int(depth > 0 ? 9 : 6)) {
    case 0: return null;
    case 1: return r.chance(0.5);
    case 2: return r.pick(NUMBERS);
    case 3: return r.pick(STRINGS);
    case 4: return "";
    case 5: return r.range(-1000, 1000);
    case 6: case 7: {
      const o = {};
      for (let n = r.int(4); n > 0; n--) put(o, r.pick(KEYS), jsonValue(r, depth - 1));
      return o;
    }
    default: return Array.from({ length: r.int(4) }, () => jsonValue(r, depth - 1));
  }
}

/** `levels` nested arrays/objects around a leaf (levels + the caller's own nesting stays under 1000). */
export function deepValue(r, levels) {
  let v = r.pick([1, "leaf", null, [], {}]);
  for (let i = 0; i < levels; i++) {
    if (r.chance(0.5)) v = [v];
    else { const o = {}; put(o, r.pick(KEYS), v); v = o; }
  }
  return v;
}

/** A value whose JSON type is not `kind`. */
function wrongType(r, kind) {
  const pool = [null, 0, -0, 1.5, 1e308, -1, true, false, [], {}, ["x"], { a: 1 }, "", "x", "busy", [null]];
  const bad = pool.filter((v) => {
    switch (kind) {
      case "string": case "nonEmptyString": case "timestamp":
      case "WorkspaceElementType": case "ModelId": case "AgentName": case "AgentSessionStatus": case "AgentSessionState":
        return typeof v !== "string";
      case "boolean": return typeof v !== "boolean";
      case "number": return typeof v !== "number";
      case "array": case "attachments": return !Array.isArray(v);
      case "object": case "ErrorData": return v === null || typeof v !== "object" || Array.isArray(v);
      default: return true;
    }
  });
  return structuredClone(r.pick(bad));
}

/** A near miss of an ASCII value: a case change, spaces, or one or two typing mistakes. */
export function nearMiss(r, value) {
  const edits = [
    (s) => s[0].toUpperCase() + s.slice(1),
    (s) => s.toUpperCase(),
    (s) => ` ${s}`,
    (s) => `${s} `,
    (s) => `${s}\n`,
    (s) => { const i = r.int(s.length); return s.slice(0, i) + s.slice(i + 1); },
    (s) => { const i = r.int(s.length - 1); return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2); },
    (s) => { const i = r.int(s.length); return s.slice(0, i) + r.pick([..."aeiouxz-./_"]) + s.slice(i + 1); },
    (s) => { const i = r.int(s.length); return s.slice(0, i) + s[i] + s.slice(i); },
    (s) => s.replace(/[-/.]/g, "_"),
    (s) => s + r.pick(["s", "x", "-", "2", "\u0000", "\u00A0"]),
    (s) => s.normalize("NFKD").replace("i", "\u0131"), // dotless i
  ];
  let out = r.pick(edits)(value);
  if (r.chance(0.3)) out = r.pick(edits)(out);
  return out === value ? `${value}!` : out;
}

const ENUM_NAMES = ["WorkspaceElementType", "ModelId", "AgentName", "AgentSessionStatus", "AgentSessionState"];

/** A string that is not in the enumeration `name`. */
function badEnumValue(r, name) {
  const roll = r.int(4);
  if (roll === 0) return nearMiss(r, r.pick(ENUMS[name]));
  if (roll === 1) {
    // A member of another enumeration (or "" / a lookalike).
    const other = r.pick(ENUM_NAMES.filter((n) => n !== name));
    const candidate = r.pick([...ENUMS[other], "", "unknown", "null"]);
    return ENUMS[name].includes(candidate) ? `${candidate}?` : candidate;
  }
  return nearMiss(r, r.pick(ENUMS[name]));
}

/** A timestamp that SPEC's pattern refuses. */
function badTimestamp(r) {
  const base = validTimestamp(r);
  const candidates = [
    base.replace("Z", "+00:00"), base.replace("T", "t"), base.replace("T", " "), base.replace("Z", "z"),
    `${base}\n`, base.slice(0, 10), base.replace(/T\d\d/, "T24"), base.replace(/Z$/, ""), `${base}Z`,
    "2023-02-29T10:00:00Z", "1900-02-29T00:00Z", "2021-04-31T00:00:00Z", "2016-12-31T23:59:60Z",
    "2021-01-01T00:00:00.Z", "2021-01-01T00:00:00,5Z", "21-01-01T00:00Z", "2021-1-01T00:00Z",
    "2021-01-01T00Z", "2021-01-01T00:00:0Z", "２０２１-01-01T00:00Z", "2021-01-01T00:00:00.٣Z", "",
    String(Date.UTC(2021, 0, 1)),
  ];
  if (r.chance(0.4)) {
    // One random edit, often still valid (an edit to a fraction digit); the
    // verdict is the validators' to give, not the corpus's.
    return editOnce(r, base);
  }
  return r.pick(candidates);
}

/** A valid timestamp, seconds and fraction optional. */
function goodTimestamp(r) {
  return r.chance(0.2) ? r.pick(["2000-02-29T00:00Z", "0000-01-01T00:00Z", "9999-12-31T23:59:59.999999999Z", "2024-02-29T23:59:59Z"]) : validTimestamp(r);
}

function attachment(r) {
  const a = {};
  put(a, "title", r.pick(STRINGS));
  put(a, "data", r.chance(0.1) ? deepValue(r, r.range(1, 990)) : jsonValue(r, 3));
  return r.chance(0.15) ? reorder(r, a) : a;
}

/** The same own keys in another order. */
function reorder(r, obj) {
  const out = {};
  for (const key of r.shuffle(Object.keys(obj))) put(out, key, obj[key]);
  return out;
}

function validRequestValue(r, key) {
  switch (REQUEST_KIND[key]) {
    case "nonEmptyString": return r.pick(STRINGS);
    case "string": return r.pick([...STRINGS, ""]);
    case "boolean": return r.chance(0.5);
    case "attachments": return Array.from({ length: r.int(4) }, () => attachment(r));
    default: return r.pick(ENUMS[REQUEST_KIND[key]]);
  }
}

function unknownKey(r, known) {
  const key = r.chance(0.5)
    ? nearMiss(r, r.pick(known))
    : r.pick(["extra", "__proto__", "constructor", "toString", "hasOwnProperty", "", "id", "PROMPT", "model_id", "😀"]);
  return known.includes(key) ? `${key}_` : key;
}

/** Breaks one attachment of `req` (making the list if needed); returns the mutation's name. */
function breakAttachment(r, req) {
  let list = req.promptAttachments;
  if (!Array.isArray(list)) { list = []; put(req, "promptAttachments", list); }
  if (list.length === 0) list.push(attachment(r));
  const i = r.int(list.length);
  const a = list[i];
  if (a === null || typeof a !== "object" || Array.isArray(a)) return "attachment already broken";
  switch (r.int(9)) {
    case 0: list[i] = wrongType(r, "object"); return "attachment not an object";
    case 1: delete a.title; return "attachment without title";
    case 2: a.title = ""; return "attachment with empty title";
    case 3: a.title = wrongType(r, "string"); return "attachment title of wrong type";
    case 4: delete a.data; return "attachment without data";
    case 5: a.data = null; return "attachment data null (valid)";
    case 6: put(a, unknownKey(r, ["title", "data"]), jsonValue(r, 1)); return "attachment unknown key";
    case 7: a.data = deepValue(r, r.range(900, 996)); return "attachment data deep (valid)";
    default: list.push(r.pick([null, [], "t", 0])); return "attachment list holds a non-object";
  }
}

/** A request body, valid or broken; `mutations` names what was done. */
export function generateRequest(r) {
  let req = {};
  const mutations = [];
  for (const key of REQUEST_KEYS) {
    if (key === "prompt" || r.chance(0.4)) put(req, key, validRequestValue(r, key));
  }
  for (let n = r.pick([0, 0, 0, 0, 1, 1, 1, 2, 2, 3]); n > 0; n--) {
    const key = r.pick(REQUEST_KEYS);
    const kind = REQUEST_KIND[key];
    switch (r.int(12)) {
      case 0: delete req[key]; mutations.push(`missing ${key}`); break;
      case 1: case 2: put(req, key, wrongType(r, kind)); mutations.push(`wrong type ${key}`); break;
      case 3: put(req, key, null); mutations.push(`null ${key}`); break;
      case 4: {
        const field = r.pick(["prompt", "workspaceElementId", "testCustomerId"]);
        put(req, field, ""); mutations.push(`empty ${field}`); break;
      }
      case 5: case 6: {
        const field = r.pick(["workspaceElementType", "modelId", "agentName"]);
        put(req, field, badEnumValue(r, REQUEST_KIND[field])); mutations.push(`bad enum ${field}`); break;
      }
      case 7: { const k = unknownKey(r, REQUEST_KEYS); put(req, k, jsonValue(r, 1)); mutations.push(`unknown key ${JSON.stringify(k)}`); break; }
      case 8: case 9: mutations.push(breakAttachment(r, req)); break;
      case 10: {
        // Valid edges: the newest enum members, whitespace-only text, no attachments.
        const edge = r.int(4);
        if (edge === 0) put(req, "workspaceElementType", "external-event-type");
        else if (edge === 1) put(req, "modelId", "anthropic/claude-haiku-4.5");
        else if (edge === 2) put(req, "prompt", r.pick([" ", "\n", "\u0000", "😀"]));
        else put(req, "promptAttachments", []);
        mutations.push("valid edge");
        break;
      }
      default:
        if (r.chance(0.5)) {
          req = structuredClone(r.pick([null, [], "prompt", 42, -0, true, false, [{ prompt: "x" }], ""]));
          mutations.push("root not an object");
          return { value: req, mutations };
        }
        req = reorder(r, req);
        mutations.push("keys reordered");
    }
  }
  return { value: req, mutations };
}

function errorData(r, depth) {
  const e = {};
  put(e, "message", r.pick([...STRINGS, ""]));
  if (r.chance(0.4)) put(e, "type", r.pick(["bad_request", "internal", "custom", "", "Bad_Request"]));
  if (r.chance(0.3)) put(e, "key", r.pick(STRINGS));
  if (r.chance(0.3)) put(e, "data", jsonValue(r, 2));
  if (r.chance(0.2)) put(e, "stack", r.pick(["Error: x\n    at f", null, ["a"], 5, {}]));
  if (r.chance(0.2)) put(e, "logs", Array.from({ length: r.int(3) }, () => jsonValue(r, 1)));
  if (r.chance(0.1)) put(e, r.pick(["extra", "__proto__", "code", "Message"]), jsonValue(r, 1));
  if (depth > 0 && r.chance(0.35)) put(e, "causedByError", errorData(r, depth - 1));
  return e;
}

/** The innermost ErrorData of a chain. */
function innermostError(e) {
  while (e.causedByError && typeof e.causedByError === "object" && !Array.isArray(e.causedByError)) e = e.causedByError;
  return e;
}

function validSessionValue(r, key) {
  switch (SESSION_KIND[key]) {
    case "string": return r.pick([...STRINGS, ""]);
    case "boolean": return r.chance(0.5);
    case "timestamp": return goodTimestamp(r);
    case "number": return r.pick(NUMBERS);
    case "object": {
      const o = {};
      for (let n = r.int(4); n > 0; n--) put(o, r.pick(KEYS), r.chance(0.05) ? deepValue(r, r.range(1, 990)) : jsonValue(r, 3));
      return o;
    }
    case "ErrorData": return errorData(r, r.chance(0.1) ? 40 : 3);
    default: return r.pick(ENUMS[SESSION_KIND[key]]);
  }
}

/** Breaks the ErrorData of `s` somewhere along its causedByError chain. */
function breakError(r, s) {
  if (!s.error || typeof s.error !== "object" || Array.isArray(s.error)) put(s, "error", errorData(r, 3));
  const e = r.chance(0.5) ? innermostError(s.error) : s.error;
  const key = r.pick(Object.keys(ERROR_KIND));
  switch (r.int(6)) {
    case 0: delete e.message; return "error without message";
    case 1: if (ERROR_KIND[key] === "any") return "error any-value (valid)";
      put(e, key, wrongType(r, ERROR_KIND[key])); return `error ${key} of wrong type`;
    case 2: put(e, key, null); return ERROR_KIND[key] === "any" ? `error ${key} null (valid)` : `error ${key} null`;
    case 3: put(e, "causedByError", errorData(r, 30)); return "error chain (valid)";
    case 4: put(e, "logs", [jsonValue(r, 2), deepValue(r, r.range(1, 900))]); return "error logs (valid)";
    default: put(e, unknownKey(r, Object.keys(ERROR_KIND)), jsonValue(r, 1)); return "error unknown key (valid)";
  }
}

/** A session (the 200 answer), valid or broken; `mutations` names what was done. */
export function generateSession(r) {
  let s = {};
  const mutations = [];
  for (const key of SESSION_REQUIRED) put(s, key, validSessionValue(r, key));
  for (const key of SESSION_OPTIONAL) if (r.chance(0.35)) put(s, key, validSessionValue(r, key));
  for (let n = r.pick([0, 0, 0, 0, 1, 1, 1, 2, 2, 3]); n > 0; n--) {
    const key = r.pick([...SESSION_REQUIRED, ...SESSION_OPTIONAL]);
    const kind = SESSION_KIND[key];
    switch (r.int(13)) {
      case 0: delete s[key]; mutations.push(SESSION_REQUIRED.includes(key) ? `missing ${key}` : `absent ${key} (valid)`); break;
      case 1: case 2: put(s, key, wrongType(r, kind)); mutations.push(`wrong type ${key}`); break;
      case 3: put(s, key, null); mutations.push(`null ${key}`); break;
      case 4: {
        const field = r.pick(["status", "state", "agentName", "workspaceElementType"]);
        put(s, field, badEnumValue(r, SESSION_KIND[field])); mutations.push(`bad enum ${field}`); break;
      }
      case 5: case 6: {
        const field = r.pick(["lastActivityAt", "createdAt", "updatedAt"]);
        put(s, field, badTimestamp(r)); mutations.push(`bad timestamp ${field}`); break;
      }
      case 7: { const k = unknownKey(r, [...SESSION_REQUIRED, ...SESSION_OPTIONAL]); put(s, k, jsonValue(r, 2)); mutations.push("unknown key (valid)"); break; }
      case 8: case 9: mutations.push(breakError(r, s)); break;
      case 10: put(s, "output", r.pick([[], "x", 5, [{ a: 1 }], true])); mutations.push("output not an object"); break;
      case 11: {
        const edge = r.int(4);
        if (edge === 0) put(s, "cost", r.pick([-0, 1e308, -1e308, 5e-324, 0.1 + 0.2]));
        else if (edge === 1) put(s, "output", { deep: deepValue(r, r.range(900, 996)) });
        else if (edge === 2) put(s, "workspaceElementType", "external-event-type");
        else put(s, r.pick(["prompt", "id", "type", "title"]), "");
        mutations.push("valid edge");
        break;
      }
      default:
        if (r.chance(0.5)) {
          s = structuredClone(r.pick([null, [], "session", 0, true, [{ id: "x" }], ""]));
          mutations.push("root not an object");
          return { value: s, mutations };
        }
        s = reorder(r, s);
        mutations.push("keys reordered");
    }
  }
  return { value: s, mutations };
}

/** True if a string or key anywhere in `value` holds a lone surrogate. */
export function hasLoneSurrogate(value) {
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === "string") { if (!v.isWellFormed()) return true; }
    else if (Array.isArray(v)) stack.push(...v);
    else if (v !== null && typeof v === "object") {
      for (const key of Object.keys(v)) {
        if (!key.isWellFormed()) return true;
        stack.push(v[key]);
      }
    }
  }
  return false;
}

/**
 * `count` cases of `kind` ("request" or "session"), deterministic for `seed`:
 * { value, mutations } with JSON values only and no lone surrogate.
 */
export function corpus(kind, count, seed) {
  const r = createRandom(`${seed}:${kind}`);
  const make = kind === "request" ? generateRequest : generateSession;
  const cases = [];
  while (cases.length < count) {
    const c = make(r);
    if (!hasLoneSurrogate(c.value)) cases.push(c);
  }
  return cases;
}
