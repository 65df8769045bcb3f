// Seeded generators of create-session requests and session responses, valid
// and invalid, for the differential test (and reused by the secrets test and
// the leak check). Every case is a plain function of the random source.
import { specEnums } from "./spec.mjs";
import { validTimestamp } from "./timestamp-strings.mjs";

const ENUMS = specEnums();
export const REQUEST_KEYS = [
  "prompt", "workspaceElementType", "workspaceElementId", "testCustomerId",
  "isExternal", "modelId", "agentName", "promptAttachments",
];
export const RESPONSE_REQUIRED = [
  "id", "workspaceId", "workspaceElementId", "type", "status", "prompt",
  "lastActivityAt", "hasWorker", "createdAt", "updatedAt",
];
export const RESPONSE_OPTIONAL = [
  "workspaceElementType", "state", "agentName", "orgWorkspaceId", "userId", "tenantId",
  "title", "summary", "cost", "isExternal", "output", "error",
];
export const TIMESTAMP_FIELDS = ["lastActivityAt", "createdAt", "updatedAt"];
const ERROR_TYPES = ["bad_request", "connection", "configuration", "internal", "not_found", "unit_run"];

const STRINGS = [
  "x", "hello world", " ", "\t", "  padded  ", "0", "null", "true", "émoji 😀 ok", "ünïcödé",
  "line\nbreak", "tab\there", "quote\"back\\slash", "\u2028\u2029", "\u0000nul", "日本語", "a".repeat(200),
  "😀", "e\u0301", "\uFEFFbom",
];
const LONE_SURROGATES = ["\uD800", "a\uDC00b", "x\uDBFF", "\uDFFFy", "ok\uD83D"];

/** A random JSON value, nested up to `depth` (finite numbers, no -0). */
export function jsonValue(r, depth = 3) {
  const roll = r.int(depth > 0 ? 9 : 6);
  switch (roll) {
    case 0: return null;
    case 1: return r.chance(0.5);
    case 2: return r.pick([0, 1, -1, 42, 3.14, 1e21, -2.5e-7, 9007199254740991, 0.1 + 0.2]);
    case 3: return r.pick(STRINGS);
    case 4: return "";
    case 5: return r.range(-1000, 1000);
    case 6: case 7: {
      const o = {};
      const n = r.int(4);
      for (let i = 0; i < n; i++) o[r.pick(["a", "b", "key", "prompt", "nested", "ü", "", "0", "constructor"])] = jsonValue(r, depth - 1);
      return o;
    }
    default: {
      const n = r.int(4);
      return Array.from({ length: n }, () => jsonValue(r, depth - 1));
    }
  }
}

/** A value of the wrong type for a field whose type is `kind`. */
function wrongType(r, kind) {
  const pool = [null, 0, 1.5, -1, true, false, [], {}, ["x"], { a: 1 }, "", "x"];
  const filtered = pool.filter((v) => {
    if (kind === "string" || kind === "enum" || kind === "timestamp") return typeof v !== "string";
    if (kind === "boolean") return typeof v !== "boolean";
    if (kind === "number") return typeof v !== "number";
    if (kind === "array") return !Array.isArray(v);
    if (kind === "object") return v === null || typeof v !== "object" || Array.isArray(v);
    return true;
  });
  return r.pick(filtered);
}

/** A near miss of a known value: a case change or one or two typing mistakes. */
export function nearMiss(r, value) {
  const edits = [
    (s) => s[0].toUpperCase() + s.slice(1),
    (s) => s.toUpperCase(),
    (s) => ` ${s}`,
    (s) => `${s} `,
    (s) => { const i = r.int(s.length); return s.slice(0, i) + s.slice(i + 1); },
    (s) => { const i = r.int(s.length - 1); return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2); },
    (s) => { const i = r.int(s.length); return s.slice(0, i) + r.pick([..."aeiouxz-."]) + s.slice(i + 1); },
    (s) => { const i = r.int(s.length); return s.slice(0, i) + s[i] + s.slice(i); },
    (s) => s.replace(/-/g, "_"),
    (s) => s + r.pick(["s", "x", "-", "2"]),
  ];
  let out = r.pick(edits)(value);
  if (r.chance(0.3)) out = r.pick(edits)(out);
  return out;
}

const REQUEST_FIELD_KIND = {
  prompt: "string", workspaceElementType: "enum", workspaceElementId: "string", testCustomerId: "string",
  isExternal: "boolean", modelId: "enum", agentName: "enum", promptAttachments: "array",
};
const REQUEST_ENUM = { workspaceElementType: "WorkspaceElementType", modelId: "ModelId", agentName: "AgentName" };

function validRequestValue(r, key) {
  switch (key) {
    case "prompt": case "workspaceElementId": return r.pick(STRINGS);
    case "testCustomerId": return r.pick([...STRINGS, ""]);
    case "isExternal": return r.chance(0.5);
    case "promptAttachments":
      return Array.from({ length: r.int(4) }, () => ({ title: r.pick(STRINGS), data: jsonValue(r) }));
    default: return r.pick(ENUMS[REQUEST_ENUM[key]]);
  }
}

/** Values that JSON cannot carry, for "any JSON value" places. */
export function nonJsonValue(r) {
  const cyclic = { a: 1 };
  cyclic.self = cyclic;
  const cyclicArray = [1];
  cyclicArray.push(cyclicArray);
  return r.pick([
    () => 10n, () => () => 1, () => Symbol("s"), () => NaN, () => Infinity, () => -Infinity,
    () => cyclic, () => cyclicArray, () => [1, undefined, 3], () => ({ deep: [{ x: 1n }] }),
    () => new Date(0), () => new Map([["a", 1]]),
  ])();
}

/**
 * A create-session request (a JS value, usually an object), valid or not;
 * `mutations` names what was done to it.
 */
export function generateRequest(r) {
  let req = {};
  const mutations = [];
  for (const key of REQUEST_KEYS) {
    if (key === "prompt" || r.chance(0.45)) req[key] = validRequestValue(r, key);
  }
  const count = r.pick([0, 0, 0, 1, 1, 1, 1, 2, 2, 3]);
  for (let n = 0; n < count; n++) {
    const key = r.pick(REQUEST_KEYS);
    const kind = REQUEST_FIELD_KIND[key];
    const m = r.int(19);
    if (m === 0) { delete req[key]; mutations.push(`delete ${key}`); }
    else if (m === 1) { req[key] = undefined; mutations.push(`${key}=undefined`); }
    else if (m === 2 || m === 3) { req[key] = wrongType(r, kind); mutations.push(`wrong type ${key}`); }
    else if (m === 4 || m === 5) {
      const e = r.pick(Object.keys(REQUEST_ENUM));
      req[e] = nearMiss(r, r.pick(ENUMS[REQUEST_ENUM[e]]));
      mutations.push(`near miss ${e}`);
    } else if (m === 6) {
      if (r.chance(0.5)) req.workspaceElementType = "external-event-type";
      else req.modelId = "anthropic/claude-haiku-4.5";
      mutations.push("newer enum member");
    } else if (m === 7) {
      req[r.pick(["prompt", "workspaceElementId", "testCustomerId"])] = "";
      mutations.push("empty string");
    } else if (m === 8) {
      const extra = r.chance(0.6) ? nearMiss(r, r.pick(REQUEST_KEYS)) : r.pick(["extra", "constructor", "toString", "id", "Prompt", "model_id"]);
      req[extra] = jsonValue(r, 1);
      mutations.push(`extra key ${extra}`);
    } else if (m === 9) {
      req.promptAttachments = r.pick([null, {}, "a", { title: "t", data: 1 }, 3]);
      mutations.push("attachments not an array");
    } else if (m >= 10 && m <= 14) {
      const list = Array.isArray(req.promptAttachments) ? req.promptAttachments : (req.promptAttachments = []);
      if (list.length === 0) list.push({ title: "t", data: null });
      const i = r.int(list.length);
      const a = list[i];
      const am = r.int(12);
      if (am === 0) { list[i] = r.pick([null, "x", [], 5, true]); mutations.push("attachment not an object"); }
      else if (a === null || typeof a !== "object" || Array.isArray(a)) { /* already broken */ }
      else if (am === 1) { delete a.title; mutations.push("attachment without title"); }
      else if (am === 2) { a.title = ""; mutations.push("empty attachment title"); }
      else if (am === 3) { a.title = wrongType(r, "string"); mutations.push("attachment title wrong type"); }
      else if (am === 4) { delete a.data; mutations.push("attachment without data"); }
      else if (am === 5) { a.data = undefined; mutations.push("attachment data undefined"); }
      else if (am === 6) { a.data = null; mutations.push("attachment data null"); }
      else if (am === 7) { a[r.pick(["titel", "Data", "extra", "name"])] = 1; mutations.push("attachment extra key"); }
      else if (am === 8) { a.data = nonJsonValue(r); mutations.push("attachment data not JSON"); }
      else if (am === 9) { a.title = r.pick(LONE_SURROGATES); mutations.push("lone surrogate title"); }
      else if (am === 10) { list.length += 1; mutations.push("sparse attachments"); }
      else { a.data = { [r.pick(LONE_SURROGATES)]: 1 }; mutations.push("lone surrogate key in data"); }
    } else if (m === 15) {
      req[r.pick(["prompt", "workspaceElementId", "testCustomerId"])] = r.pick(LONE_SURROGATES);
      mutations.push("lone surrogate");
    } else if (m === 16) {
      req[r.pick(["prompt", "isExternal", "modelId"])] = r.pick([10n, Symbol("x"), () => 1, NaN]);
      mutations.push("JS-only value");
    } else if (m === 17) {
      // An inherited key: SPEC counts own properties only.
      const inherited = r.pick([{ prompt: "inherited" }, { modelId: "bogus" }, { isExternal: "no" }]);
      for (const k of Object.keys(inherited)) delete req[k];
      req = Object.assign(Object.create(inherited), req);
      mutations.push(`inherited ${Object.keys(inherited)[0]}`);
    } else if (r.chance(0.3)) {
      req = r.pick([null, [], "prompt", 42, true, undefined, [{ prompt: "x" }]]);
      mutations.push("root not an object");
      break;
    }
  }
  return { input: req, mutations };
}

const RESPONSE_FIELD_KIND = {
  id: "string", workspaceId: "string", workspaceElementId: "string", type: "string", status: "enum",
  prompt: "string", lastActivityAt: "timestamp", hasWorker: "boolean", createdAt: "timestamp",
  updatedAt: "timestamp", workspaceElementType: "enum", state: "enum", agentName: "enum",
  orgWorkspaceId: "string", userId: "string", tenantId: "string", title: "string", summary: "string",
  cost: "number", isExternal: "boolean", output: "object", error: "object",
};
const RESPONSE_ENUM = {
  status: "AgentSessionStatus", state: "AgentSessionState", agentName: "AgentName",
  workspaceElementType: "WorkspaceElementType",
};

function timestampWithSeconds(r) {
  let s;
  do s = validTimestamp(r); while (!/^:\d\d:\d\d(\.\d+)?Z$/.test(s.slice(13)));
  return s;
}

function errorData(r, depth = 2) {
  const e = { message: r.pick(STRINGS) };
  if (r.chance(0.4)) e.type = r.pick(ERROR_TYPES);
  if (r.chance(0.3)) e.key = r.pick(STRINGS);
  if (r.chance(0.3)) e.data = jsonValue(r, 2);
  if (r.chance(0.2)) e.stack = r.pick(["Error: x\n    at f", null, ["a"], 5]);
  if (r.chance(0.2)) e.logs = Array.from({ length: r.int(3) }, () => jsonValue(r, 1));
  if (depth > 0 && r.chance(0.3)) e.causedByError = errorData(r, depth - 1);
  return e;
}

function validResponseValue(r, key) {
  const kind = RESPONSE_FIELD_KIND[key];
  if (kind === "string") return r.pick([...STRINGS, ""]);
  if (kind === "enum") return r.pick(ENUMS[RESPONSE_ENUM[key]]);
  if (kind === "boolean") return r.chance(0.5);
  // Seconds present, so that Zod (seconds required) agrees; seconds-less ones come as mutations.
  if (kind === "timestamp") return timestampWithSeconds(r);
  if (kind === "number") return r.pick([0, 0.0042, 12.5, 1e6, 3]);
  if (key === "output") {
    const o = {};
    for (let i = r.int(4); i > 0; i--) o[r.pick(["result", "files", "n", "ü", "x"])] = jsonValue(r, 3);
    return o;
  }
  return errorData(r);
}

/** A raw JSON number literal, written into the text as is. */
export class RawNumber {
  constructor(literal) { this.literal = literal; }
}

const NUMBER_LITERALS = [
  "1E2", "-0", "-0.0", "0e0", "1.0000000000000002", "123456789012345678901234567890",
  "2.2250738585072011e-308", "5e-324", "1e-400", "1.7976931348623157e308",
  "1.7976931348623158e308", // rounds down to the largest double
  "1.7976931348623159e308", // rounds up to Infinity in JSON.parse: too large
  "1e400", "-1e400", "9007199254740993", "0.1", "1e+2", "4.35",
];

function setPath(obj, path, value) {
  let o = obj;
  for (const k of path.slice(0, -1)) o = o[k];
  o[path[path.length - 1]] = value;
}

/**
 * A response, as JSON text (and the object it was made from, when there is
 * one); `mutations` names what was done.
 */
export function generateResponse(r) {
  const obj = {};
  const mutations = [];
  for (const key of RESPONSE_REQUIRED) obj[key] = validResponseValue(r, key);
  for (const key of RESPONSE_OPTIONAL) if (r.chance(0.35)) obj[key] = validResponseValue(r, key);
  if (!("workspaceElementType" in obj) && r.chance(0.8)) obj.workspaceElementType = validResponseValue(r, "workspaceElementType");
  let textEdit = null;
  const count = r.pick([0, 0, 0, 1, 1, 1, 1, 2, 2, 3]);
  for (let n = 0; n < count; n++) {
    const keys = [...RESPONSE_REQUIRED, ...RESPONSE_OPTIONAL];
    const key = r.pick(keys);
    const kind = RESPONSE_FIELD_KIND[key];
    const m = r.int(18);
    if (m === 0) { delete obj[key]; mutations.push(`delete ${key}`); }
    else if (m === 1 || m === 2) { obj[key] = wrongType(r, kind); mutations.push(`wrong type ${key}`); }
    else if (m === 3 || m === 4) {
      const e = r.pick(Object.keys(RESPONSE_ENUM));
      obj[e] = nearMiss(r, r.pick(ENUMS[RESPONSE_ENUM[e]]));
      mutations.push(`near miss ${e}`);
    } else if (m === 5) { obj.workspaceElementType = "external-event-type"; mutations.push("newer enum member"); }
    else if (m === 6 || m === 7) {
      const t = r.pick(TIMESTAMP_FIELDS);
      const base = timestampWithSeconds(r);
      obj[t] = r.pick([
        base.replace(/:\d\d(\.\d+)?Z$/, "Z"), // seconds left out: valid by SPEC
        base.replace(/:\d\d(\.\d+)?Z$/, "Z"),
        base.replace("Z", "+00:00"), base.replace("T", "t"), base.replace("T", " "), base.replace("Z", "z"),
        base + "\n", base.slice(0, 10), base.replace(/T\d\d/, "T24"), base.replace(/Z$/, ""),
        "2023-02-29T10:00:00Z", "2024-02-29T10:00Z", "1900-02-29T00:00:00Z", "2000-02-29T00:00:00.5Z",
        "2021-04-31T00:00:00Z", "2016-12-31T23:59:60Z", String(Date.now()), "2021-01-01T00:00:00.Z",
      ]);
      mutations.push(`timestamp ${t}`);
    } else if (m === 8) {
      obj[r.pick(["unknownField", "createdBy", "Status", "__v", "stateX"])] = jsonValue(r, 2);
      mutations.push("extra key");
    } else if (m === 9 || m === 10) {
      const e = (obj.error = obj.error && typeof obj.error === "object" && !Array.isArray(obj.error) ? obj.error : errorData(r));
      const em = r.int(8);
      if (em === 0) { delete e.message; mutations.push("error without message"); }
      else if (em === 1) { e.message = wrongType(r, "string"); mutations.push("error message wrong type"); }
      else if (em === 2) { e.type = r.pick(["custom", "Bad_Request", "", "timeout"]); mutations.push("error type outside the SDK enum"); }
      else if (em === 3) { e.type = r.pick([5, null, true]); mutations.push("error type wrong type"); }
      else if (em === 4) { e.key = wrongType(r, "string"); mutations.push("error key wrong type"); }
      else if (em === 5) { e.logs = r.pick([1, "x", {}, null]); mutations.push("error logs not an array"); }
      else if (em === 6) { e.causedByError = r.pick([{}, { message: 1 }, "x", null, { message: "m", type: "weird" }]); mutations.push("bad causedByError"); }
      else { e.extra = 1; mutations.push("error extra key"); }
    } else if (m === 11) {
      obj.output = r.pick([[], null, "x", 5, [{ a: 1 }]]);
      mutations.push("output not an object");
    } else if (m === 12) {
      const where = r.pick([["cost"], ["output", "big"], ["error", "data"], ["output", "list"]]);
      if (where[0] === "output" && (obj.output === null || typeof obj.output !== "object" || Array.isArray(obj.output))) obj.output = {};
      if (where[0] === "error" && (obj.error === null || typeof obj.error !== "object" || Array.isArray(obj.error))) obj.error = { message: "m" };
      const lit = new RawNumber(r.pick(NUMBER_LITERALS));
      setPath(obj, where, where[1] === "list" ? [1, lit] : lit);
      mutations.push(`number literal at ${where.join(".")}`);
    } else if (m === 13) {
      textEdit = r.pick(["duplicate-first", "duplicate-last", "escaped-key", "whitespace", "not-json", "root"]);
      mutations.push(`text: ${textEdit}`);
    } else if (m === 14) {
      obj[r.pick(["prompt", "title", "id"])] = r.pick(LONE_SURROGATES);
      mutations.push("lone surrogate");
    } else if (m === 15) {
      obj.output = { [r.pick(LONE_SURROGATES)]: 1 };
      mutations.push("lone surrogate key in output");
    } else if (m === 16) {
      delete obj.state;
      mutations.push("no state");
    } else {
      obj.cost = r.pick([-0, 0, 1e308, 5e-324, -12.5]);
      mutations.push("cost edge");
    }
  }
  let text = serialize(obj, r);
  if (textEdit) text = editText(r, text, textEdit);
  return { text, mutations };
}

function serialize(value, r) {
  if (value instanceof RawNumber) return value.literal;
  if (Array.isArray(value)) return `[${value.map((v) => serialize(v, r)).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${serialize(v, r)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function editText(r, text, edit) {
  const parsed = JSON.parse(text);
  const keys = Object.keys(parsed);
  const key = r.pick(keys.length ? keys : ["id"]);
  const decoy = JSON.stringify(r.pick([1, null, "decoy", [], { a: 1 }, "queued", true]));
  switch (edit) {
    case "duplicate-first": // the later (original) value wins in JSON.parse
      return `{${JSON.stringify(key)}:${decoy},${text.slice(1)}`;
    case "duplicate-last": // the decoy wins
      return `${text.slice(0, -1)},${JSON.stringify(key)}:${decoy}}`;
    case "escaped-key": {
      const k = r.pick(keys.filter((k) => /^[a-z]/.test(k)) || ["id"]) ?? "id";
      const escaped = `"\\u00${k.charCodeAt(0).toString(16)}${k.slice(1)}"`;
      return text.replace(JSON.stringify(k) + ":", escaped + ":");
    }
    case "whitespace":
      return r.pick([` ${text}`, `\n\t${text}\r\n`, text.replace(/,/g, " ,\n  ")]);
    case "not-json":
      return r.pick([
        `\uFEFF${text}`, `${text},`, `${text}${text}`, text.slice(0, -1), `${text.slice(0, -1)},}`,
        text.replace(/"/, "'"), `// c\n${text}`, "", " ", "NaN", "undefined", "{", `${text}\u0000`,
        `${text}\u00A0`, text.replace(":", ": NaN, \"x\":"),
      ]);
    default:
      return r.pick(["null", "[]", "42", "\"text\"", "true", `[${text}]`]);
  }
}
