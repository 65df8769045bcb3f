//! The JavaScript binding: the only module that knows about JS.
//!
//! It reads JS values into [`Value`] (own enumerable properties only,
//! `undefined` properties absent, every read that can run user code caught),
//! calls the core, and hands back the core's answer as JSON text turned into
//! a plain object by `JSON.parse` — one crossing out, no `Map`s.

use js_sys::{Array, JsString};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::curl::to_curl;
use crate::enums::{AgentName, AgentSessionState, AgentSessionStatus, ModelId, WorkspaceElementType};
use crate::http_request::{
    build_create_agent_session_request_with, build_get_agent_session_request, build_interrupt_agent_session_request,
    build_list_agent_sessions_request, build_send_agent_session_message_request_with,
};
use crate::issue::{Issue, IssueKind, JsonProblem};
use crate::json_schema;
use crate::json_text::{self, NumberText, ToJson};
use crate::outcome::outcome_json_with;
use crate::response::{parse_text_with, AgentSession, AgentSessionList, InterruptAgentSessionResponse};
use crate::json_scan::{scan, Verdict};
use crate::json_text::JsonWriter;
use crate::shape::{check, Declared, Presence, Rule, Shape};
use crate::value::{Foreign, Value};
use crate::{is_timestamp, CreateAgentSession};

// The reader runs in JS: a call across the boundary costs far more than
// the work around it, so one call walks the caller's value and hands it over
// as one text — JSON, plus `!` markers for what JSON cannot carry (see
// `json_text::parse_marked`), read by the core's JSON parser. Reads that can
// run the caller's code (getters, proxy traps) can throw; that is caught
// here, where it costs nothing, rather than across the boundary (wasm-bindgen
// 0.2.130 leaks an externref table slot per exception caught there).
#[wasm_bindgen(inline_js = r#"
const UNREADABLE = Symbol("unreadable");
// Built-ins taken once, so that later tampering with prototypes (say an
// Array.prototype.toJSON) cannot change how we read.
const hasOwn = Object.prototype.hasOwnProperty;
const toTag = Object.prototype.toString;
const OBJECT = Object.prototype;
const { keys: keysOf, getPrototypeOf } = Object;
const { isArray } = Array;
const { stringify, parse } = JSON;
const SetOf = Set;
const setHas = Set.prototype.has, setAdd = Set.prototype.add, setDelete = Set.prototype.delete;
// As value.rs: MAX_DEPTH nested containers, MAX_FOREIGN non-JSON array items.
const MAX_DEPTH = 1000, MAX_FOREIGN = 100;
// Reads `root` as JSON.stringify would see it (own enumerable string keys,
// each property read once, a hole as undefined, a property holding
// undefined absent), marking what it would not carry faithfully:
// !u undefined, !b bigint, !s symbol, !f function, !n not a plain object,
// !c cycle, !r unreadable (a read threw), !d too deep, !x not read (an array
// cut after MAX_FOREIGN such items), !N NaN, !I Infinity, !J -Infinity.
// A string UTF-8 cannot carry stays a \u escape of a lone surrogate.
export function walk(root) {
  const ancestors = new SetOf();
  let foreign = 0;
  const value = (v, depth) => {
    switch (typeof v) {
      case "string": return stringify(v);
      case "number":
        if (v !== v) return "!N";
        if (v === Infinity) return "!I";
        if (v === -Infinity) return "!J";
        return v === 0 && 1 / v < 0 ? "-0" : "" + v;
      case "boolean": return v ? "true" : "false";
      case "undefined": return "!u";
      case "bigint": return "!b";
      case "symbol": return "!s";
      case "object": return v === null ? "null" : container(v, depth);
      default: return "!f";
    }
  };
  const container = (v, depth) => {
    if (depth >= MAX_DEPTH) return "!d";
    if (setHas.call(ancestors, v)) return "!c";
    let length = -1, keys;
    try {
      if (isArray(v)) {
        length = v.length;
        if (typeof length !== "number") return "!r";
      } else {
        if (getPrototypeOf(v) !== OBJECT || OBJECT.toJSON !== undefined) {
          if (toTag.call(v) !== "[object Object]" || v.toJSON !== undefined) return "!n";
        }
        keys = keysOf(v);
      }
    } catch { return "!r"; }
    setAdd.call(ancestors, v);
    let out;
    if (length >= 0) {
      out = "[";
      for (let i = 0; i < length; i++) {
        let item, token;
        try { item = hasOwn.call(v, i) ? v[i] : undefined; token = value(item, depth + 1); } catch { token = "!r"; }
        if (i > 0) out += ",";
        if (token.charCodeAt(0) === 33 || (typeof item === "string" && !isWellFormed(item))) {
          if (token !== "!N" && token !== "!I" && token !== "!J" && ++foreign > MAX_FOREIGN) { out += "!x"; break; }
        }
        out += token;
      }
      out += "]";
    } else {
      out = "{";
      for (let i = 0; i < keys.length; i++) {
        let item, token;
        try { item = v[keys[i]]; } catch { item = UNREADABLE; }
        if (item === undefined) continue;
        token = item === UNREADABLE ? "!r" : value(item, depth + 1);
        out += (out.length > 1 ? "," : "") + stringify(keys[i]) + ":" + token;
      }
      out += "}";
    }
    setDelete.call(ancestors, v);
    return out;
  };
  return value(root, 0);
}
export function parseJson(text) { try { return parse(text); } catch { return UNREADABLE; } }
// The fast path of the parsers: once the scan (json_scan.rs) has found the
// text valid, JSON.parse reads it and the declared shapes pick the answer:
// the declared keys in declared order, defaults filled in, the rest dropped.
// LAYOUT is { ShapeName: [[key, kind, arg], …] } from answer_layout() in
// wasm.rs: kind 1 = a nested shape (arg), 2 = an array of one, 3 = a default.
let LAYOUT = null;
export function installLayout(text) { LAYOUT = parse(text); }
function pick(value, name) {
  const out = {};
  for (const [key, kind, arg] of LAYOUT[name]) {
    if (hasOwn.call(value, key)) {
      const item = value[key];
      if (kind === 1) out[key] = pick(item, arg);
      else if (kind === 2) {
        const items = [];
        for (let i = 0; i < item.length; i++) items.push(pick(item[i], arg));
        out[key] = items;
      } else out[key] = item;
    } else if (kind === 3) out[key] = arg;
  }
  return out;
}
export function pickAnswer(text, name) { return { success: true, data: pick(parse(text), name) }; }
// String.prototype.isWellFormed where the runtime has it (Node 20, browsers
// from 2023); before that, the same answer from a lone-surrogate search.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const nativeWellFormed = String.prototype.isWellFormed;
export const isWellFormed = typeof nativeWellFormed === "function"
  ? (s) => nativeWellFormed.call(s)
  : (s) => !LONE_SURROGATE.test(s);
"#)]
extern "C" {
    /// The caller's value as JSON with `!` markers (see the helper above).
    fn walk(value: &JsValue) -> JsString;
    #[wasm_bindgen(js_name = parseJson)]
    fn parse_json(text: &str) -> JsValue;
    #[wasm_bindgen(js_name = parseJson)]
    fn parse_json_js(text: &JsString) -> JsValue;
    #[wasm_bindgen(js_name = installLayout)]
    fn install_layout(layout: &str);
    /// `{ success: true, data }` for response text the scan found valid.
    #[wasm_bindgen(js_name = pickAnswer)]
    fn pick_answer(text: &JsValue, shape: &str) -> JsValue;
    /// Whether UTF-8 can carry the JS string `text` (no lone surrogate).
    #[wasm_bindgen(js_name = isWellFormed)]
    fn is_well_formed(text: &JsValue) -> bool;
}

#[wasm_bindgen]
extern "C" {
    /// `toCurl`'s optional second argument, typed from the Rust type.
    #[wasm_bindgen(typescript_type = "CurlOptions")]
    pub type CurlOptionsArg;
}

thread_local! {
    /// The answers' layout, handed to the helpers once, on first use.
    static LAYOUT: () = install_layout(&answer_layout());
}

/// The layout `pickAnswer` follows, from the declarations of every answer
/// (see the helpers above).
fn answer_layout() -> String {
    let mut shapes: Vec<&'static Shape> = Vec::new();
    let mut todo = vec![
        &CreateAgentSession::SHAPE,
        &AgentSession::SHAPE,
        &AgentSessionList::SHAPE,
        &InterruptAgentSessionResponse::SHAPE,
    ];
    while let Some(shape) = todo.pop() {
        if shapes.iter().any(|s| std::ptr::eq(*s, shape)) {
            continue;
        }
        shapes.push(shape);
        for field in shape.fields {
            if let Rule::ArrayOf(next) | Rule::Nested(next) = field.rule {
                todo.push(next());
            }
        }
    }
    let mut w = JsonWriter::<JsNumbers>::with_numbers();
    let mut o = w.object();
    for shape in shapes {
        let w = o.key(shape.name);
        w.raw("[");
        for (i, field) in shape.fields.iter().enumerate() {
            let (kind, arg) = match (field.rule, field.presence) {
                (Rule::Nested(next), _) => ("1", Some(next().name)),
                (Rule::ArrayOf(next), _) => ("2", Some(next().name)),
                (_, Presence::Default(value)) => ("3", Some(value)),
                _ => ("0", None),
            };
            w.raw(if i == 0 { "[" } else { ",[" });
            w.string(field.key);
            w.raw(",");
            w.raw(kind);
            if let Some(arg) = arg {
                w.raw(",");
                w.string(arg);
            }
            w.raw("]");
        }
        w.raw("]");
    }
    o.end();
    w.finish()
}

/// Reads a JS value the way `JSON.stringify` would see it, marking what it
/// would not carry faithfully instead of dropping or altering it: one call
/// into JS (`walk`), then the core's JSON parser.
fn read_value(value: &JsValue) -> Value {
    read_text(&walk(value))
}

/// The walker's text as a [`Value`]. It writes JSON and markers only;
/// should its text ever not parse, say "unreadable" rather than throw.
fn read_text(text: &JsString) -> Value {
    let copy = text.as_string().unwrap_or_default();
    json_text::parse_marked::<JsNumbers>(&copy).unwrap_or(Value::Foreign(Foreign::Unreadable))
}

/// A caller's value checked as the declared shape `T`. When it is valid,
/// the walker's text is plain JSON, so JS answers by itself: `JSON.parse` of
/// that text, the declared keys picked in declared order (`pickAnswer`).
fn check_value<T: Declared + ToJson>(input: &JsValue) -> JsValue {
    let text = walk(input);
    let value = read_text(&text);
    match check::<T>(&value, &[]) {
        // A response object may hold anything under the keys it drops: then
        // the text has markers, and the answer is written here instead.
        Ok(_) if is_plain_json(&value) => {
            LAYOUT.with(|_| ());
            pick_answer(&text, T::declared().name)
        }
        result => answer(result),
    }
}

/// Whether `value` is JSON that `JSON.parse` reads back as it is (no
/// marker, no lone surrogate, no non-finite number).
fn is_plain_json(value: &Value) -> bool {
    match value {
        Value::Null | Value::Bool(_) | Value::String(_) => true,
        Value::Number(n) => n.is_finite(),
        Value::Array(items) => items.iter().all(is_plain_json),
        Value::Object(entries) => entries.iter().all(|(_, v)| is_plain_json(v)),
        Value::Foreign(_) => false,
    }
}

/// JavaScript's own number conversions, so that numbers mean exactly what
/// they mean in JS and no float code ships in the module.
struct JsNumbers;

impl NumberText for JsNumbers {
    fn parse(lexeme: &str) -> Option<f64> {
        // A JSON number lexeme reads the same with parseFloat as with
        // JSON.parse (both round to nearest; 1e400 is Infinity).
        Some(js_sys::parse_float(lexeme))
    }

    fn write(number: f64, out: &mut String) {
        let text: String =
            js_sys::Number::from(number).to_string_with_radix(10).map(String::from).unwrap_or_default();
        out.push_str(&text);
    }
}

/// The core's answer as a plain JS object.
fn answer<T: ToJson>(result: Result<T, Vec<Issue>>) -> JsValue {
    // Our own JSON text always parses; should it ever not, say so plainly
    // rather than throw.
    parse_json(&outcome_json_with::<JsNumbers, T>(&result))
}

/// Checks a request body against SPEC's request table and reports every
/// problem at once, each with its path.
///
/// @param input - the value to check (anything; it is never changed)
/// @returns `{ success: true, data }` with a new plain object holding the
///   checked fields in SPEC's order, or `{ success: false, issues }`
/// @example
/// ```ts
/// const result = validateCreateAgentSession({ prompt: "Sync Jira", modelId: "openai/gpt-5.2" });
/// if (!result.success) console.log(formatIssues(result.issues));
/// ```
#[wasm_bindgen(js_name = validateCreateAgentSession, unchecked_return_type = "Result<CreateAgentSession>")]
pub fn validate_create_agent_session_js(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: &JsValue,
) -> JsValue {
    check_value::<CreateAgentSession>(input)
}

// Two signatures: a typed object literal is checked at compile time (a
// typo such as `promt` does not compile), and a value of type `unknown` is
// still accepted, since it is checked at run time.
#[wasm_bindgen(typescript_custom_section)]
const BUILD_CREATE_SIGNATURES: &'static str = r#"
/**
 * Checks the body and the options, and builds `POST /agent/sessions` as a
 * request ready for `fetch(request.url, request)`.
 *
 * @param input - the request body: a `CreateAgentSession` (checked by the
 *   compiler too), or any value of type `unknown` (checked at run time only)
 * @param options - `{ token, baseUrl? }`; the token never appears in an issue
 * @returns `{ success: true, data: HttpRequest }`, or `{ success: false, issues }`
 *   with every problem of the body and of the options (paths `["options", …]`)
 * @example
 * ```ts
 * const built = buildCreateAgentSessionRequest({ prompt: "Connect HubSpot" }, { token });
 * if (built.success) await fetch(built.data.url, built.data);
 * ```
 */
export function buildCreateAgentSessionRequest(input: CreateAgentSession, options: BuildOptions): Result<HttpRequest>;
export function buildCreateAgentSessionRequest<T>(input: unknown extends T ? T : never, options: BuildOptions): Result<HttpRequest>;
"#;

#[wasm_bindgen(js_name = buildCreateAgentSessionRequest, skip_typescript)]
pub fn build_create_agent_session_request_js(input: &JsValue, options: &JsValue) -> JsValue {
    let input = read_value(input);
    let options = read_value(options);
    answer(build_create_agent_session_request_with::<JsNumbers>(&input, &options))
}

/// Checks the params and the options, and builds
/// `GET /agent/sessions/{id}?wait=…&timeout=…` (long polling when `wait`).
///
/// @param params - `{ id, wait?, timeout? }`: `id` is sent as one encoded
///   path segment; `timeout` is whole seconds from 1 to 60
/// @param options - `{ token, baseUrl? }`
/// @returns `{ success: true, data: HttpRequest }` (no `body`), or `{ success: false, issues }`
/// @example
/// ```ts
/// const get = buildGetAgentSessionRequest({ id, wait: true, timeout: 30 }, { token });
/// if (get.success) session = parseAgentSession(await (await fetch(get.data.url, get.data)).text());
/// ```
#[wasm_bindgen(js_name = buildGetAgentSessionRequest, unchecked_return_type = "Result<HttpRequest>")]
pub fn build_get_agent_session_request_js(
    #[wasm_bindgen(unchecked_param_type = "GetAgentSessionParams")] params: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "BuildOptions")] options: &JsValue,
) -> JsValue {
    answer(build_get_agent_session_request(&read_value(params), &read_value(options)))
}

/// Checks the params and the options, and builds
/// `GET /agent/sessions?limit=…&cursor=…&workspaceElementType=…`.
///
/// @param params - `{ limit?, cursor?, workspaceElementType? }`: `limit` is 1 to 1000
/// @param options - `{ token, baseUrl? }`
/// @returns `{ success: true, data: HttpRequest }` (no `body`), or `{ success: false, issues }`
/// @example
/// ```ts
/// const list = buildListAgentSessionsRequest({ limit: 100, cursor }, { token });
/// ```
#[wasm_bindgen(js_name = buildListAgentSessionsRequest, unchecked_return_type = "Result<HttpRequest>")]
pub fn build_list_agent_sessions_request_js(
    #[wasm_bindgen(unchecked_param_type = "ListAgentSessionsParams")] params: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "BuildOptions")] options: &JsValue,
) -> JsValue {
    answer(build_list_agent_sessions_request(&read_value(params), &read_value(options)))
}

/// Checks the params and the options, and builds
/// `POST /agent/sessions/{id}/message`; the body is the params less `id`.
///
/// @param params - `{ id, input, synthetic?, attachments? }`
/// @param options - `{ token, baseUrl? }`
/// @returns `{ success: true, data: HttpRequest }`, or `{ success: false, issues }`
/// @example
/// ```ts
/// const sent = buildSendAgentSessionMessageRequest({ id, input: "Use the sandbox" }, { token });
/// ```
#[wasm_bindgen(js_name = buildSendAgentSessionMessageRequest, unchecked_return_type = "Result<HttpRequest>")]
pub fn build_send_agent_session_message_request_js(
    #[wasm_bindgen(unchecked_param_type = "SendAgentSessionMessageParams")] params: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "BuildOptions")] options: &JsValue,
) -> JsValue {
    let (params, options) = (read_value(params), read_value(options));
    answer(build_send_agent_session_message_request_with::<JsNumbers>(&params, &options))
}

/// Checks the params and the options, and builds
/// `POST /agent/sessions/{id}/interrupt` (no body).
///
/// @param params - `{ id }`
/// @param options - `{ token, baseUrl? }`
/// @returns `{ success: true, data: HttpRequest }`, or `{ success: false, issues }`
/// @example
/// ```ts
/// const stop = buildInterruptAgentSessionRequest({ id }, { token });
/// ```
#[wasm_bindgen(js_name = buildInterruptAgentSessionRequest, unchecked_return_type = "Result<HttpRequest>")]
pub fn build_interrupt_agent_session_request_js(
    #[wasm_bindgen(unchecked_param_type = "InterruptAgentSessionParams")] params: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "BuildOptions")] options: &JsValue,
) -> JsValue {
    answer(build_interrupt_agent_session_request(&read_value(params), &read_value(options)))
}

/// Checks a session (the answer of create, get and message): the raw
/// response text (a string, read as `JSON.parse` reads it) or a parsed value.
///
/// @param input - the response text, or the value `JSON.parse` gave
/// @returns `{ success: true, data }` with SPEC's keys only (unknown keys
///   dropped, `state` filled in with `"busy"` when absent), or `{ success: false, issues }`
/// @example
/// ```ts
/// const session = parseAgentSession(await response.text());
/// if (session.success && session.data.state === "idle") console.log(session.data.status);
/// ```
#[wasm_bindgen(js_name = parseAgentSession, unchecked_return_type = "Result<AgentSession>")]
pub fn parse_agent_session_js(
    #[wasm_bindgen(unchecked_param_type = "string | unknown")] input: &JsValue,
) -> JsValue {
    parse_answer::<AgentSession>(input)
}

/// Checks a page of `GET /agent/sessions` (up to 1000 sessions): the raw
/// response text or a parsed value. An item's problems carry the path
/// `["items", i, …]`.
///
/// @param input - the response text, or the value `JSON.parse` gave
/// @returns `{ success: true, data: { items, cursor? } }`, or `{ success: false, issues }`
/// @example
/// ```ts
/// const page = parseAgentSessionList(await response.text());
/// if (page.success) for (const s of page.data.items) console.log(s.id, s.status);
/// ```
#[wasm_bindgen(js_name = parseAgentSessionList, unchecked_return_type = "Result<AgentSessionList>")]
pub fn parse_agent_session_list_js(
    #[wasm_bindgen(unchecked_param_type = "string | unknown")] input: &JsValue,
) -> JsValue {
    parse_answer::<AgentSessionList>(input)
}

/// Checks the answer of `POST /agent/sessions/{id}/interrupt`.
///
/// @param input - the response text, or the value `JSON.parse` gave
/// @returns `{ success: true, data: { interrupted } }`, or `{ success: false, issues }`
/// @example
/// ```ts
/// const answer = parseInterruptAgentSessionResponse(await response.text());
/// ```
#[wasm_bindgen(
    js_name = parseInterruptAgentSessionResponse,
    unchecked_return_type = "Result<InterruptAgentSessionResponse>"
)]
pub fn parse_interrupt_agent_session_response_js(
    #[wasm_bindgen(unchecked_param_type = "string | unknown")] input: &JsValue,
) -> JsValue {
    parse_answer::<InterruptAgentSessionResponse>(input)
}

/// An answer of the API, as text or as a parsed value, checked as `T`.
fn parse_answer<T: Declared + ToJson>(input: &JsValue) -> JsValue {
    if !input.is_string() {
        return check_value::<T>(input);
    }
    let text: &JsString = input.unchecked_ref();
    let copy = input.as_string().unwrap_or_default();
    if !copy.contains('\u{FFFD}') || is_well_formed(input) {
        if scan(&copy, T::declared()) == Verdict::Valid {
            LAYOUT.with(|_| ());
            return pick_answer(input, T::declared().name);
        }
        return answer(parse_text_with::<JsNumbers, T>(&copy));
    }
    // Text with a raw lone surrogate cannot be copied exactly: let JS parse
    // it, so that the string holding it is reported at its path.
    let parsed = parse_json_js(text);
    if parsed.is_symbol() {
        let not_json = IssueKind::InvalidJson { problem: JsonProblem::NotJson };
        return answer::<T>(Err(vec![Issue::new(not_json, Vec::new())]));
    }
    answer(check::<T>(&read_value(&parsed), &[]))
}

/// The JSON Schema of the create request (JSON text; the package exports it
/// parsed and frozen as `createAgentSessionJsonSchema`).
#[wasm_bindgen(js_name = createAgentSessionJsonSchemaText)]
pub fn create_agent_session_json_schema_text() -> String {
    json_schema::json_schema::<JsNumbers>(&crate::CreateAgentSession::SHAPE)
}

/// The JSON Schema of a session (JSON text; the package exports it parsed
/// and frozen as `agentSessionJsonSchema`).
#[wasm_bindgen(js_name = agentSessionJsonSchemaText)]
pub fn agent_session_json_schema_text() -> String {
    json_schema::json_schema::<JsNumbers>(&AgentSession::SHAPE)
}

/// Writes the request as one `curl` command line for a POSIX shell, every
/// argument single-quoted. The token stays out of it (the header reads
/// `Bearer $MEMBRANE_TOKEN`) unless `{ revealToken: true }` is passed.
///
/// @param request - an `HttpRequest` as a builder made it
/// @param options - `{ revealToken?: boolean }`
/// @returns the command
/// @throws TypeError when `request` is not an `HttpRequest` (the only
///   function of the package that throws)
/// @example
/// ```ts
/// if (built.success) console.log(toCurl(built.data));
/// ```
#[wasm_bindgen(js_name = toCurl)]
pub fn to_curl_js(
    #[wasm_bindgen(unchecked_param_type = "HttpRequest")] request: &JsValue,
    options: Option<CurlOptionsArg>,
) -> Result<String, JsValue> {
    // Only an own `revealToken: true` reveals: an inherited one (a polluted
    // `Object.prototype`) must not.
    let reveal_token = options.is_some_and(|options| {
        read_value(&options).get("revealToken") == Some(&Value::Bool(true))
    });
    to_curl(&read_value(request), reveal_token).map_err(|issues| {
        let mut words = String::from("toCurl: not an HttpRequest: ");
        for (i, issue) in issues.iter().enumerate() {
            if i > 0 {
                words.push_str("; ");
            }
            words.push_str(&issue.to_string());
        }
        js_sys::TypeError::new(&words).into()
    })
}

// The brand that `isTimestamp` narrows a string to.
#[wasm_bindgen(typescript_custom_section)]
const TIMESTAMP_TYPE: &'static str = r#"
declare const timestampBrand: unique symbol;
/** A string that matches SPEC's Timestamp pattern exactly (narrowed by `isTimestamp`). */
export type Timestamp = string & { readonly [timestampBrand]: true };
"#;

/// Whether `v` is a string matching SPEC's Timestamp pattern exactly: UTC
/// (`Z`), seconds optional, any fraction digits, a real calendar date.
///
/// @param v - any value
/// @returns `true` for a Timestamp string (and narrows `v` to `Timestamp`)
/// @example
/// ```ts
/// isTimestamp("2025-01-31T09:30Z");      // true
/// isTimestamp("2025-02-29T09:30:00Z");   // false: not a leap year
/// ```
#[wasm_bindgen(js_name = isTimestamp, unchecked_return_type = "v is Timestamp")]
pub fn is_timestamp_js(#[wasm_bindgen(unchecked_param_type = "unknown")] v: &JsValue) -> bool {
    v.as_string().is_some_and(|text| is_timestamp(&text))
}

macro_rules! enum_exports {
    ($( $guard:ident, $guard_js:literal, $guard_ts:literal, $list:ident, $list_js:literal, $list_ts:literal, $enum:ident, $doc:literal; )*) => {$(
        // wasm-bindgen copies only literal doc text into the .d.ts, so each
        // guard's documentation is written out in the invocation below.
        #[doc = $doc]
        #[wasm_bindgen(js_name = $guard_js, unchecked_return_type = $guard_ts)]
        pub fn $guard(#[wasm_bindgen(unchecked_param_type = "unknown")] v: &JsValue) -> bool {
            // A lone surrogate read as U+FFFD can never equal an ASCII value.
            v.as_string().is_some_and(|text| $enum::from_exact(&text).is_some())
        }

        /// The documented values, in the documented order (the package
        /// exports them frozen, as the upper-case array).
        #[wasm_bindgen(js_name = $list_js, unchecked_return_type = $list_ts)]
        pub fn $list() -> Array {
            $enum::VALUES.iter().map(|v| JsValue::from_str(v)).collect()
        }
    )*};
}

enum_exports! {
    is_workspace_element_type, "isWorkspaceElementType", "v is WorkspaceElementType", workspace_element_types, "workspaceElementTypes", "WorkspaceElementType[]", WorkspaceElementType,
    "Whether `v` is exactly one of SPEC's `WorkspaceElementType` values (case-sensitive, no trimming).\n\n@param v - any value\n@returns `true` when it is one (and narrows `v` to `WorkspaceElementType`)\n@example\n```ts\nisWorkspaceElementType(\"connector\"); // true\nisWorkspaceElementType(\"Connector\"); // false: case counts\n```";
    is_model_id, "isModelId", "v is ModelId", model_ids, "modelIds", "ModelId[]", ModelId,
    "Whether `v` is exactly one of SPEC's `ModelId` values (case-sensitive, no trimming).\n\n@param v - any value\n@returns `true` when it is one (and narrows `v` to `ModelId`)\n@example\n```ts\nisModelId(\"anthropic/claude-opus-4.6\"); // true\nisModelId(\"Anthropic/claude-opus-4.6\"); // false: case counts\n```";
    is_agent_name, "isAgentName", "v is AgentName", agent_names, "agentNames", "AgentName[]", AgentName,
    "Whether `v` is exactly one of SPEC's `AgentName` values (case-sensitive, no trimming).\n\n@param v - any value\n@returns `true` when it is one (and narrows `v` to `AgentName`)\n@example\n```ts\nisAgentName(\"universe\"); // true\nisAgentName(\" universe\"); // false: nothing is trimmed\n```";
    is_agent_session_status, "isAgentSessionStatus", "v is AgentSessionStatus", agent_session_statuses, "agentSessionStatuses", "AgentSessionStatus[]", AgentSessionStatus,
    "Whether `v` is exactly one of SPEC's `AgentSessionStatus` values (case-sensitive, no trimming).\n\n@param v - any value\n@returns `true` when it is one (and narrows `v` to `AgentSessionStatus`)\n@example\n```ts\nisAgentSessionStatus(\"cancelled\"); // true\nisAgentSessionStatus(\"canceled\"); // false: the API spells it \"cancelled\"\n```";
    is_agent_session_state, "isAgentSessionState", "v is AgentSessionState", agent_session_states, "agentSessionStates", "AgentSessionState[]", AgentSessionState,
    "Whether `v` is exactly one of SPEC's `AgentSessionState` values (case-sensitive, no trimming).\n\n@param v - any value\n@returns `true` when it is one (and narrows `v` to `AgentSessionState`)\n@example\n```ts\nisAgentSessionState(\"idle\"); // true\nisAgentSessionState(\"IDLE\"); // false: case counts\n```";
}
