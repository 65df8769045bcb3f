//! The JavaScript binding: the only module that knows about JS.
//!
//! A call crosses the boundary a fixed number of times, whatever its input:
//! 1. `walk` (JS) reads the caller's values once — own enumerable
//!    properties, each read once, `undefined` properties absent, every read
//!    that can run the caller's code caught — and lays them out as a tape
//!    (`src/tape.rs`), making as it reads the copy a valid answer is (the
//!    declared keys in declared order);
//! 2. `fill` (JS) copies the tape into this module's memory;
//! 3. the rules run over the tape in place (no tree is built);
//! 4. JS builds the answer: for a valid value, its copy; for a builder, the
//!    plan Rust wrote (method, URL, headers) and the copy as the body; for
//!    issues, objects from compact records (`outcome::issue_records`).
//!
//! Response text is written straight into this module's memory as UTF-8
//! (`textIn`, then `encodeText`): a
//! validating scan (`src/json_scan.rs`) with no tree and no answer text, and,
//! when it is valid, `JSON.parse` of the caller's text plus the declared
//! picks and defaults.

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use js_sys::{Array, JsString};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::curl::to_curl_input;
use crate::enums::{AgentName, AgentSessionState, AgentSessionStatus, ModelId, WorkspaceElementType};
use crate::http_request::{plan, Endpoint, Plan};
use crate::input::{field, Input, Kind};
use crate::issue::Field;
use crate::issue::{Issue, IssueKind, JsonProblem};
use crate::json_scan::{scan_fields, Verdict};
use crate::json_text::{self, JsonWriter, NumberText};
use crate::outcome::issue_records;
use crate::params::{
    GetAgentSessionParams, InterruptAgentSessionParams, ListAgentSessionsParams,
    SendAgentSessionMessageParams,
};
use crate::response::{AgentSession, AgentSessionList, InterruptAgentSessionResponse};
use crate::shape::{check_only, shape_index, Declared, Presence, Rule, Shape, KEYS_PER_SHAPE, SHAPES};
use crate::tape::Tape;
use crate::{is_timestamp, CreateAgentSession};

// Reads that can run the caller's code (getters, proxy traps) can throw;
// that is caught in JS, where it costs nothing, rather than across the
// boundary (wasm-bindgen 0.2.130 leaks an externref table slot per
// exception caught there).
#[wasm_bindgen(inline_js = r#"
// Built-ins taken once, so that later tampering with prototypes (say an
// Array.prototype.toJSON) cannot change how we read or write.
const hasOwn = Object.prototype.hasOwnProperty;
const toTag = Object.prototype.toString;
const OBJECT = Object.prototype, ARRAY = Array.prototype;
const { keys: keysOf, getPrototypeOf, defineProperty } = Object;
const { isArray } = Array;
const { stringify, parse } = JSON;
const encoder = new TextEncoder(), decoder = new TextDecoder();
const encodeInto = TextEncoder.prototype.encodeInto;
const UNREADABLE = Symbol("unreadable");
// As value.rs: MAX_DEPTH nested containers, MAX_FOREIGN non-JSON array items.
const MAX_DEPTH = 1000, MAX_FOREIGN = 100;
// The tape's records and the codes of what JSON cannot carry (tape.rs).
const NUMBER = 3, STRING = 4, FOREIGN = 5, ARRAY_TAG = 6, OBJECT_TAG = 7, UNCOPIED_STRING = 8;
const UNDEFINED = 0, BIGINT = 1, SYMBOL = 2, FUNCTION = 3, NON_PLAIN = 4, CYCLE = 5, UNREADABLE_CODE = 6,
  TOO_DEEP = 7, ILL_FORMED_STRING = 8, ILL_FORMED_KEY = 9, NOT_READ = 10;

// String.prototype.isWellFormed where the runtime has it (Node 20, browsers
// from 2023); before that, the same answer from a lone-surrogate search.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const nativeWellFormed = String.prototype.isWellFormed;
const isWellFormed = typeof nativeWellFormed === "function"
  ? (s) => nativeWellFormed.call(s)
  : (s) => !LONE_SURROGATE.test(s);

// One walk's tape and copies. A getter may call this module again while a
// walk runs: that call takes the next state, so neither disturbs the other.
const newState = () => ({
  words: new Int32Array(512), nw: 0, nums: new Float64Array(64), nn: 0, bytes: new Uint8Array(2048), nb: 0,
  foreign: 0, ancestors: [], copy: undefined, except: null, text: "",
});
// Filled in order, without holes (a hole would read Array.prototype).
const STATES = [];
let level = 0;
let memory = null, H32 = null, F64 = null, U8 = null;
// The answers' layout: LAYOUT[shape] = [[key, kind, arg, reads], …] from
// answer_layout() in wasm.rs: kind 1 = a nested shape (arg), 2 = an array
// of one, 3 = a default (arg), 0 = the value as it is; reads = 1 when the
// field's rule reads a string's text (else a string there can be bare).
let LAYOUT = null;
let FIELDS = null, KEYS_PER_SHAPE = 0, LAYOUT_TEXT = "";
// The memory, on first use; true when the layout is already here (the
// package build writes it in, with the picks), else installLayout follows.
export function install(mem) {
  memory = mem;
  if (GENERATED === null) return false;
  useLayout(GENERATED.layout);
  return true;
}
export function installLayout(text) { LAYOUT_TEXT = text; useLayout(parse(text)); }
function useLayout(layout) {
  ({ shapes: LAYOUT, fields: FIELDS, keysPerShape: KEYS_PER_SHAPE } = layout);
}
function views() {
  // A grown memory detaches the old buffer (its views then have length 0).
  if (U8 === null || U8.length === 0) {
    H32 = new Int32Array(memory.buffer); F64 = new Float64Array(memory.buffer); U8 = new Uint8Array(memory.buffer);
  }
}

function room(s) {
  if (s.nw + 8 > s.words.length) {
    const words = new Int32Array(s.words.length * 2); words.set(s.words); s.words = words;
  }
}
function word(s, w) { room(s); s.words[s.nw++] = w; }
function foreign(s, code) { room(s); s.words[s.nw++] = FOREIGN; s.words[s.nw++] = code; }
// Writes [offset, length] of v's UTF-8 (the caller made room); false
// (nothing written) when v has a lone surrogate, which UTF-8 cannot carry.
function text(s, v) {
  const len = v.length, nb = s.nb;
  if (nb + len * 3 > s.bytes.length) {
    const bytes = new Uint8Array(Math.max(s.bytes.length * 2, nb + len * 3)); bytes.set(s.bytes.subarray(0, nb)); s.bytes = bytes;
  }
  const bytes = s.bytes;
  let i = 0, n;
  if (len <= 256) {
    for (; i < len; i++) { const c = v.charCodeAt(i); if (c > 127) break; bytes[nb + i] = c; }
  }
  if (i === len) n = len;
  else {
    n = i + encodeInto.call(encoder, i === 0 ? v : v.slice(i), bytes.subarray(nb + i)).written;
    // As many bytes as UTF-16 units: all ASCII. Otherwise look closer.
    if (n !== len && !isWellFormed(v)) return false;
  }
  s.words[s.nw++] = nb; s.words[s.nw++] = n; s.nb = nb + n;
  return true;
}
// Writes v; returns its copy (undefined for what JSON cannot carry).
// `shape` says what copy the answer wants: -1 a plain copy; s >= 0 an
// object of declared shape s; -2 - s an array of shape s; null (or
// undefined) none: the value is only written, for the rules. `bare`: no
// rule reads the text of a string here, only whether it is empty, so its
// text is left out (Rule::reads_text).
function put(s, v, depth, shape, bare) {
  switch (typeof v) {
    case "string": {
      room(s);
      if (bare) {
        if (v.length > 0 && !isWellFormed(v)) { foreign(s, ILL_FORMED_STRING); return undefined; }
        s.words[s.nw++] = UNCOPIED_STRING; s.words[s.nw++] = v.length;
        return v;
      }
      const at = s.nw;
      s.words[s.nw++] = STRING;
      if (text(s, v)) return v;
      s.nw = at; foreign(s, ILL_FORMED_STRING); return undefined;
    }
    case "number":
      room(s);
      if (s.nn === s.nums.length) { const nums = new Float64Array(s.nn * 2); nums.set(s.nums); s.nums = nums; }
      s.words[s.nw++] = NUMBER; s.words[s.nw++] = s.nn; s.nums[s.nn++] = v;
      return v;
    case "boolean": word(s, v ? 2 : 1); return v;
    case "undefined": foreign(s, UNDEFINED); return undefined;
    case "bigint": foreign(s, BIGINT); return undefined;
    case "symbol": foreign(s, SYMBOL); return undefined;
    case "object": if (v === null) { word(s, 0); return null; } return container(s, v, depth, shape, bare);
    default: foreign(s, FUNCTION); return undefined;
  }
}
// The property `key` of `v`, read once (UNREADABLE when reading threw).
function read(v, key) {
  try { return v[key]; } catch { return UNREADABLE; }
}
// A property whose key goes by its text: its key and value written, its
// value's copy (as `shape` says) returned.
function property(s, key, item, depth, shape, bare) {
  room(s);
  if (!text(s, key)) { s.words[s.nw++] = -1; s.words[s.nw++] = 0; foreign(s, ILL_FORMED_KEY); return undefined; }
  if (item === UNREADABLE) { foreign(s, UNREADABLE_CODE); return undefined; }
  return put(s, item, depth + 1, shape, bare);
}
// The value `item` of field f of an object of declared shape `shape`: its
// key goes by its number (tape.rs), its copy (as the field's layout says)
// to slots[f].
function declared(s, slots, shape, f, item, depth, bare) {
  room(s); s.words[s.nw++] = -2 - (shape * KEYS_PER_SHAPE + f); s.words[s.nw++] = 0;
  if (item === UNREADABLE) { foreign(s, UNREADABLE_CODE); return; }
  const field = LAYOUT[shape][f], kind = field[1];
  slots[f] = put(s, item, depth + 1, kind === 1 ? field[2] : kind === 2 ? -2 - field[2] : -1, bare && field[3] === 0);
}
// An array or a plain object, as JSON.stringify would see it: own
// enumerable string keys, each property read once, a hole as undefined, a
// property holding undefined absent.
function container(s, v, depth, shape, bare) {
  if (depth >= MAX_DEPTH) { foreign(s, TOO_DEEP); return undefined; }
  const ancestors = s.ancestors;
  for (let i = 0; i < depth; i++) if (ancestors[i] === v) { foreign(s, CYCLE); return undefined; }
  let length = -1, keys;
  try {
    if (isArray(v)) {
      length = v.length;
      if (typeof length !== "number") { foreign(s, UNREADABLE_CODE); return undefined; }
    } else {
      if (getPrototypeOf(v) !== OBJECT || OBJECT.toJSON !== undefined) {
        if (toTag.call(v) !== "[object Object]" || v.toJSON !== undefined) { foreign(s, NON_PLAIN); return undefined; }
      }
      keys = keysOf(v);
    }
  } catch { foreign(s, UNREADABLE_CODE); return undefined; }
  ancestors[depth] = v;
  room(s);
  const at = s.nw;
  s.words[s.nw++] = length >= 0 ? ARRAY_TAG : OBJECT_TAG; s.nw += 2;
  const keep = shape != null;
  let count = 0, out;
  if (length >= 0) {
    const itemShape = !keep ? null : shape <= -2 ? -2 - shape : -1;
    if (keep) out = [];
    for (let i = 0; i < length; i++) {
      const item = s.nw, nn = s.nn, nb = s.nb;
      let copy;
      try { copy = put(s, hasOwn.call(v, i) ? v[i] : undefined, depth + 1, itemShape, bare); }
      catch { s.nw = item; s.nn = nn; s.nb = nb; foreign(s, UNREADABLE_CODE); copy = undefined; }
      count++;
      if (s.words[item] === FOREIGN && ++s.foreign > MAX_FOREIGN) { s.nw = item; foreign(s, NOT_READ); break; }
      if (keep) out.push(copy);
    }
  } else if (keep && shape >= 0 && GENERATED !== null) {
    // A declared shape, by the package build's walk of it (the loop below,
    // each key read by name).
    out = GENERATED.walks[shape](s, v, depth, bare, keys, depth === 0 ? s.except : null);
    count = FIELDS_READ;
  } else if (keep && shape >= 0) {
    // A declared shape: each declared key's copy goes to its field's slot,
    // and the copy is made in declared order (the rest is left out: a
    // request refuses it, an answer drops it).
    // No holes: a hole would read through to a polluted Array.prototype.
    const fields = LAYOUT[shape], slots = [];
    for (let f = 0; f < fields.length; f++) slots.push(undefined);
    let hint = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i], item = read(v, key);
      if (item === undefined) continue;
      count++;
      let f = hint;
      if (f >= fields.length || fields[f][0] !== key) for (f = 0; f < fields.length && fields[f][0] !== key; f++);
      if (f === fields.length) { property(s, key, item, depth, null, bare); continue; }
      hint = f + 1;
      declared(s, slots, shape, f, item, depth, bare);
    }
    out = build(slots, shape, depth === 0 ? s.except : null);
  } else {
    if (keep) out = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i], item = read(v, key);
      if (item === undefined) continue;
      count++;
      const copy = property(s, key, item, depth, keep ? -1 : null, bare);
      if (!keep) continue;
      if (key === "__proto__") defineProperty(out, key, { value: copy, writable: true, enumerable: true, configurable: true });
      else out[key] = copy;
    }
  }
  s.words[at + 1] = count; s.words[at + 2] = s.nw;
  ancestors[depth] = undefined;
  return out;
}
// Walks a (and b, when two) into a fresh tape; writes its sizes at `sizes`
// in memory ([words, numbers, bytes, where b starts]) and returns the
// state's handle for fill and the answer. a's copy has the declared shape
// `shape`, less the key `except`; b's is not kept. `bare`: a is checked as
// `shape` and nothing else reads it, so the strings whose text no rule
// reads go by their length alone (see put).
export function walk(a, b, two, sizes, shape, except, bare) {
  const h = level++;
  const s = h < STATES.length ? STATES[h] : (STATES[h] = newState());
  s.nw = 0; s.nn = 0; s.nb = 0; s.foreign = 0; s.except = except;
  let second = 0;
  try {
    s.copy = put(s, a, 0, shape, bare);
    second = s.nw; s.foreign = 0;
    if (two) put(s, b, 0, null, false);
  } finally { level--; }
  views();
  H32[sizes >> 2] = s.nw; H32[(sizes >> 2) + 1] = s.nn; H32[(sizes >> 2) + 2] = s.nb; H32[(sizes >> 2) + 3] = second;
  return h;
}
// Keeps the caller's text for encodeText; its length in UTF-16 units goes
// to sizes[2]. -1 when `value` is not a string.
export function textIn(value, sizes) {
  if (typeof value !== "string") return -1;
  const h = level;
  const s = h < STATES.length ? STATES[h] : (STATES[h] = newState());
  s.text = value;
  views();
  H32[(sizes >> 2) + 2] = value.length;
  return h;
}
// Text h's UTF-8, written straight into the module's memory at `at` (room
// for `room` bytes); the number of bytes, or -1 when UTF-8 cannot carry it
// exactly (a lone surrogate).
export function encodeText(h, at, room) {
  const value = STATES[h].text;
  views();
  const n = encodeInto.call(encoder, value, U8.subarray(at, at + room)).written;
  // As many bytes as UTF-16 units: all ASCII. Otherwise look closer.
  return n === value.length || isWellFormed(value) ? n : -1;
}
// Copies n items of `from` into `to` at `at` (a loop for a few: cheaper
// than the views that set() needs).
function copy(to, at, from, n) {
  if (n > 64) to.set(from.subarray(0, n), at);
  else for (let i = 0; i < n; i++) to[at + i] = from[i];
}
// Copies state h's tape to where the module wants it.
export function fill(h, words, nums, bytes) {
  const s = STATES[h];
  views();
  copy(H32, words >> 2, s.words, s.nw);
  copy(F64, nums >> 3, s.nums, s.nn);
  copy(U8, bytes, s.bytes, s.nb);
}
// The layout, for the package build (scripts/assemble-pkg.mjs).
export function layoutText() { return LAYOUT_TEXT; }
// Written from the layout by the package build (scripts/assemble-pkg.mjs),
// per shape: `picks[shape](value)` does what `pick` does
// (reading only the fields the scan found present),
// `walks[shape](s, v, depth, bare, keys, except)` what container's loop
// over a declared shape and `build` do (setting FIELDS_READ), each reading
// and writing its keys by name, which the engine makes faster than the
// loops here; and `setField(issue, field, value)`, an issue's field set by
// name. Without them (the wasm tests), the loops.
const GENERATED = null;
let FIELDS_READ = 0;
// The masks the generated picks read (answerText): PRESENT[AT++] per object.
let PRESENT = null, AT = 0;
// The object of declared shape `shape` from its fields' copies (`slots`, in
// declared order; undefined: absent), defaults filled in, the key `except`
// left out.
function build(slots, shape, except) {
  const out = {};
  const fields = LAYOUT[shape];
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f], key = field[0];
    if (key === except) continue;
    if (slots[f] !== undefined) out[key] = slots[f];
    else if (field[1] === 3) out[key] = field[2];
  }
  return out;
}
// The declared keys of `value` in declared order, defaults filled in, the
// rest dropped (without the package build's picks: see answerText).
function pick(value, shape) {
  const out = {};
  const fields = LAYOUT[shape];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i], key = field[0], kind = field[1];
    const item = hasOwn.call(value, key) ? value[key] : undefined;
    if (item !== undefined) {
      if (kind === 1) out[key] = pick(item, field[2]);
      else if (kind === 2) {
        const items = [];
        for (let j = 0; j < item.length; j++) items.push(pick(item[j], field[2]));
        out[key] = items;
      } else out[key] = item;
    } else if (kind === 3) out[key] = field[2];
  }
  return out;
}
// JSON text of a checked copy. JSON.stringify calls an inherited toJSON:
// should a prototype have gained one, write it without.
function json(v) {
  if (OBJECT.toJSON === undefined && ARRAY.toJSON === undefined) return stringify(v);
  if (v === null || typeof v !== "object") return stringify(v);
  let out;
  if (isArray(v)) {
    out = "[";
    for (let i = 0; i < v.length; i++) out += (i > 0 ? "," : "") + json(v[i]);
    return out + "]";
  }
  out = "{";
  const keys = keysOf(v);
  for (let i = 0; i < keys.length; i++) out += (i > 0 ? "," : "") + stringify(keys[i]) + ":" + json(v[keys[i]]);
  return out + "}";
}
export function answerCopy(h) { return { success: true, data: STATES[h].copy }; }
// JSON.parse of text h, its declared keys picked. The masks at `present`
// say which fields each shaped object has, in the order the picks meet
// them (json_scan.rs).
export function answerText(h, shape, present) {
  const value = parse(STATES[h].text);
  if (GENERATED === null) return { success: true, data: pick(value, shape) };
  views(); PRESENT = H32; AT = present >> 2;
  const data = GENERATED.picks[shape](value);
  PRESENT = null;
  return { success: true, data };
}
// A built request: `plan` is method, url, the key the body leaves out (when
// there is a body, as the walk did), then header names and values, each
// ended by "\0".
export function answerRequest(h, plan, hasBody) {
  const parts = plan.split("\0");
  const headers = {};
  for (let i = hasBody ? 3 : 2; i + 1 < parts.length; i += 2) headers[parts[i]] = parts[i + 1];
  const data = { method: parts[0], url: parts[1], headers };
  if (hasBody) data.body = json(STATES[h].copy);
  return { success: true, data };
}
// `{ success: false, issues }` from the `count` words of records at `ptr` (issue_records
// in outcome.rs): field names index FIELDS, texts are slices of `text`, and
// the texts and lists fixed in the module are read from its memory once.
export function answerIssues(ptr, count, text) {
  views();
  const issues = [];
  for (let i = ptr >> 2, end = i + count; i < end;) {
    const n = H32[i++], issue = {};
    for (let f = 0; f < n; f++) {
      const name = H32[i], type = H32[i + 1];
      i += 2;
      let value;
      if (type === 0) { value = text.slice(H32[i], H32[i + 1]); i += 2; }
      else if (type === 5) { value = fixed(H32[i], H32[i + 1]); i += 2; }
      else if (type === 1) value = H32[i++];
      else if (type === 2) value = H32[i++] !== 0;
      else if (type === 6) {
        const at = H32[i], c = H32[i + 1];
        i += 2;
        let list = FIXED_LISTS.get(at);
        if (list === undefined) {
          list = [];
          for (let k = 0; k < c; k++) list.push(fixed(H32[i + 2 * k], H32[i + 2 * k + 1]));
          FIXED_LISTS.set(at, list);
        }
        value = list.slice(); i += 2 * c;
      } else if (type === 3) {
        const c = H32[i++]; value = [];
        for (let k = 0; k < c; k++, i += 2) value.push(text.slice(H32[i], H32[i + 1]));
      } else {
        const c = H32[i++]; value = [];
        for (let k = 0; k < c; k++, i += 3) {
          const step = H32[i];
          value.push(step === 1 ? H32[i + 1] : step === 2 ? fixed(H32[i + 1], H32[i + 2]) : text.slice(H32[i + 1], H32[i + 2]));
        }
      }
      if (GENERATED !== null) GENERATED.setField(issue, name, value);
      else issue[FIELDS[name]] = value;
    }
    issues.push(issue);
  }
  return { success: false, issues };
}
// The texts and lists fixed in the module, by address (they never move):
// each read once, then kept (a list is handed out as a copy).
const FIXED = new Map(), FIXED_LISTS = new Map();
function fixed(at, bytes) {
  let text = FIXED.get(at);
  if (text === undefined) { text = decoder.decode(U8.subarray(at, at + bytes)); FIXED.set(at, text); }
  return text;
}
export function parseJson(text) { try { return parse(text); } catch { return UNREADABLE; } }
"#)]
extern "C" {
    /// Hands the helpers the memory; false when they want the layout too.
    fn install(memory: &JsValue) -> bool;
    #[wasm_bindgen(js_name = installLayout)]
    fn install_layout(layout: &str);
    /// Walks `a` (and `b` when `two`) into a tape; returns the walk's handle.
    fn walk(
        a: &JsValue,
        b: &JsValue,
        two: bool,
        sizes: u32,
        shape: Option<u32>,
        except: Option<&str>,
        bare: bool,
    ) -> u32;
    /// Keeps the string `text` for `encodeText`; returns its handle, or -1
    /// when `text` is not a string. Its length (UTF-16 units) goes to sizes[2].
    #[wasm_bindgen(js_name = textIn)]
    fn text_in(text: &JsValue, sizes: u32) -> i32;
    /// The kept text's UTF-8 written at `at` (room for `room` bytes): the
    /// number of bytes, or -1 when UTF-8 cannot carry it (a lone surrogate).
    #[wasm_bindgen(js_name = encodeText)]
    fn encode_text(handle: u32, at: u32, room: u32) -> i32;
    fn fill(handle: u32, words: u32, numbers: u32, bytes: u32);
    /// `{ success: true, data }`: the declared keys of the walked value.
    #[wasm_bindgen(js_name = answerCopy)]
    fn answer_copy(handle: u32) -> JsValue;
    /// `{ success: true, data }`: the declared keys of `JSON.parse(text)`.
    #[wasm_bindgen(js_name = answerText)]
    fn answer_text(handle: u32, shape: u32, present: u32) -> JsValue;
    /// `{ success: true, data: HttpRequest }` from a plan and the params.
    #[wasm_bindgen(js_name = answerRequest)]
    fn answer_request(handle: u32, plan: &str, has_body: bool) -> JsValue;
    /// `{ success: false, issues }` from issue records (see `issue_records`).
    #[wasm_bindgen(js_name = answerIssues)]
    fn answer_issues(records: u32, words: u32, text: &str) -> JsValue;
    /// `JSON.parse(text)`, or a symbol when it is not JSON.
    #[wasm_bindgen(js_name = parseJson)]
    fn parse_json_text(text: &JsString) -> JsValue;
}

#[wasm_bindgen]
extern "C" {
    /// `toCurl`'s optional second argument, typed from the Rust type.
    #[wasm_bindgen(typescript_type = "CurlOptions")]
    pub type CurlOptionsArg;
}

fn shape_number(shape: &Shape) -> u32 {
    shape_index(shape) as u32
}

/// The layout `pick` follows (see the helpers above), from the declarations.
fn answer_layout() -> String {
    let mut w = JsonWriter::<JsNumbers>::with_numbers();
    w.raw(&format!("{{\"keysPerShape\":{KEYS_PER_SHAPE},\"fields\":"));
    w.strings(Field::NAMES.iter().copied());
    w.raw(",\"shapes\":[");
    for (i, shape) in SHAPES.iter().enumerate() {
        w.raw(if i == 0 { "[" } else { ",[" });
        for (j, field) in shape.fields.iter().enumerate() {
            w.raw(if j == 0 { "[" } else { ",[" });
            w.string(field.key);
            match (field.rule, field.presence) {
                (Rule::Nested(next), _) => w.raw(&format!(",1,{}", shape_number(next()))),
                (Rule::ArrayOf(next), _) => w.raw(&format!(",2,{}", shape_number(next()))),
                (_, Presence::Default(value)) => {
                    w.raw(",3,");
                    w.string(value);
                }
                _ => w.raw(",0,0"),
            }
            w.raw(if field.rule.reads_text() { ",1]" } else { ",0]" });
        }
        w.raw("]");
    }
    w.raw("]}");
    w.finish()
}

/// Where `walk` writes the tape's sizes: words, numbers, bytes, and where
/// the second value starts (`textIn` writes its text's length at [2]).
static SIZES: [AtomicI32; 4] = [AtomicI32::new(0), AtomicI32::new(0), AtomicI32::new(0), AtomicI32::new(0)];

/// The tape's storage: kept between calls at its largest size, so that
/// memory stays flat however many calls are made.
struct Buffers {
    words: Vec<i32>,
    numbers: Vec<f64>,
    bytes: Vec<u8>,
    /// Which fields each shaped object of a scanned text has (`scan_fields`).
    present: Vec<u32>,
}

// The module's state. wasm32 without threads: a `Mutex` here never waits
// (and a second lock of one would trap, never deadlock), and costs less than
// a `thread_local!`'s state checks.
static BUFFERS: Mutex<Buffers> =
    Mutex::new(Buffers { words: Vec::new(), numbers: Vec::new(), bytes: Vec::new(), present: Vec::new() });
/// The issue records' words and text (see `failure`).
static RECORDS: Mutex<(Vec<i32>, String)> = Mutex::new((Vec::new(), String::new()));
/// Whether the helpers have the memory and the layout (handed over once,
/// on first use).
static INSTALLED: AtomicBool = AtomicBool::new(false);

/// The lock of `state`: nothing can hold it when a call starts (no call
/// that runs the caller's code is made while it is held), and a panic
/// aborts, so it is never poisoned either.
fn lock<T>(state: &Mutex<T>) -> MutexGuard<'_, T> {
    state.lock().unwrap_or_else(PoisonError::into_inner)
}

fn sizes_at() -> u32 {
    if !INSTALLED.swap(true, Ordering::Relaxed) && !install(&wasm_bindgen::memory()) {
        install_layout(&answer_layout());
    }
    SIZES.as_ptr() as u32
}

fn size(i: usize) -> usize {
    usize::try_from(SIZES[i].load(Ordering::Relaxed)).unwrap_or(0)
}

/// Copies walk `handle`'s tape in and runs `rules` over it. No call in
/// here runs the caller's code, so nothing can come back in meanwhile.
fn with_tape<R>(handle: u32, rules: impl FnOnce(&Tape) -> R) -> R {
    let mut rules = Some(rules);
    let mut result = None;
    load_tape(handle, &mut |tape| result = rules.take().map(|rules| rules(tape)));
    // `load_tape` always runs its callback once.
    result.unwrap_or_else(|| unreachable!())
}

/// The part of [`with_tape`] that does not depend on the rules (kept apart
/// so that it is in the module once).
fn load_tape(handle: u32, rules: &mut dyn FnMut(&Tape)) {
    let (words, numbers, bytes) = (size(0), size(1), size(2));
    let mut b = lock(&BUFFERS);
    if b.words.len() < words {
        b.words.resize(words, 0);
    }
    if b.numbers.len() < numbers {
        b.numbers.resize(numbers, 0.0);
    }
    if b.bytes.len() < bytes {
        b.bytes.resize(bytes, 0);
    }
    fill(handle, b.words.as_ptr() as u32, b.numbers.as_ptr() as u32, b.bytes.as_ptr() as u32);
    rules(&Tape::new(&b.words[..words], &b.numbers[..numbers], &b.bytes[..bytes]));
}

/// Writes text `handle` (`units` UTF-16 units long) into this module's
/// memory as UTF-8 and runs `rules` over it, with a buffer for the masks of
/// present fields. `None` when UTF-8 cannot carry the text exactly (a lone
/// surrogate). No call in here runs the caller's code.
fn with_text<R>(handle: u32, units: usize, rules: impl FnOnce(&str, &mut Vec<u32>) -> R) -> Option<R> {
    let mut b = lock(&BUFFERS);
    let Buffers { bytes, present, .. } = &mut *b;
    // At most 3 bytes of UTF-8 per UTF-16 unit.
    let room = units.checked_mul(3)?;
    if bytes.len() < room {
        bytes.resize(room, 0);
    }
    let written = usize::try_from(encode_text(handle, bytes.as_ptr() as u32, room as u32)).ok()?;
    let text = std::str::from_utf8(bytes.get(..written)?).ok()?;
    Some(rules(text, present))
}

/// Walks one value (or two) onto a tape; returns the walk's handle. The
/// walk keeps a copy of `a` for the answer as the declared `shape` (less
/// the key `except`); with no shape (`toCurl`), none. `bare`: only the
/// rules of `shape` read `a`, so a string whose text none of them reads
/// goes by its length alone (`Rule::reads_text`).
fn walk_values(
    a: &JsValue,
    b: Option<&JsValue>,
    shape: Option<&Shape>,
    except: Option<&str>,
    bare: bool,
) -> u32 {
    let sizes = sizes_at();
    let shape = shape.map(shape_number);
    walk(a, b.unwrap_or(&JsValue::UNDEFINED), b.is_some(), sizes, shape, except, bare)
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

/// `{ success: false, issues }` as a plain JS object. The records are
/// written into buffers kept from call to call (at most the issue cap's
/// worth), so that they do not grow afresh each time.
fn failure(issues: &[Issue]) -> JsValue {
    let mut records = lock(&RECORDS);
    let (words, text) = &mut *records;
    words.clear();
    text.clear();
    issue_records(issues, words, text);
    // JS reads the records and returns: nothing comes back in meanwhile.
    answer_issues(words.as_ptr() as u32, words.len() as u32, text)
}

/// A caller's value checked as the declared `shape`; when valid, the
/// answer is picked from the walk's copy.
fn check_value(input: &JsValue, shape: &'static Shape) -> JsValue {
    let handle = walk_values(input, None, Some(shape), None, true);
    match with_tape(handle, |tape| check_only(tape.root(), shape)) {
        Ok(()) => answer_copy(handle),
        Err(issues) => failure(&issues),
    }
}

/// Params and options checked as endpoint `P`'s; when valid, JS builds the
/// request from the plan and its copy of the params.
fn build_request<P: Endpoint>(params: &JsValue, options: &JsValue) -> JsValue {
    // With a body, the plan reads only the params' path segment (an
    // endpoint without one puts its params in the URL, so reads them all).
    let handle = walk_values(params, Some(options), Some(P::declared()), P::BODY, P::BODY.is_some());
    let planned = with_tape(handle, |tape| plan::<P, _>(tape.root(), tape.node(size(3))));
    answer_plan(handle, planned)
}

/// The answer to a builder: JS builds the request from the plan, written
/// as method, url, the key the body leaves out (when there is a body), then
/// header names and values, each ended by "\0". Apart from
/// [`build_request`], so that it is in the module once, not once per endpoint.
#[inline(never)]
fn answer_plan(handle: u32, planned: Result<Plan, Vec<Issue>>) -> JsValue {
    match planned {
        Ok(Plan { method, url, headers, body }) => {
            let mut text = String::with_capacity(url.len() + 160);
            for part in [method, &url] {
                text.push_str(part);
                text.push('\0');
            }
            if let Some(except) = body {
                text.push_str(except);
                text.push('\0');
            }
            for (name, value) in &headers {
                text.push_str(name);
                text.push('\0');
                text.push_str(value);
                text.push('\0');
            }
            answer_request(handle, &text, body.is_some())
        }
        Err(issues) => failure(&issues),
    }
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
    check_value(input, CreateAgentSession::declared())
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
    build_request::<CreateAgentSession>(input, options)
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
    build_request::<GetAgentSessionParams>(params, options)
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
    build_request::<ListAgentSessionsParams>(params, options)
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
    build_request::<SendAgentSessionMessageParams>(params, options)
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
    build_request::<InterruptAgentSessionParams>(params, options)
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
    parse_answer(input, AgentSession::declared())
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
    parse_answer(input, AgentSessionList::declared())
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
    parse_answer(input, InterruptAgentSessionResponse::declared())
}

/// An answer of the API, as text or as a parsed value, checked as the
/// declared `shape`.
fn parse_answer(input: &JsValue, shape: &'static Shape) -> JsValue {
    let Ok(handle) = u32::try_from(text_in(input, sizes_at())) else {
        // Not a string: a value to check as it is.
        return check_value(input, shape);
    };
    let read = with_text(handle, size(2), |text, present| {
        if scan_fields(text, shape, present) == Verdict::Valid {
            // The masks of present fields go to the picks.
            return Read::Scanned(present.as_ptr() as u32);
        }
        // JSON.parse runs none of the caller's code: safe while the text is
        // held here, so a syntax error's place is found in this same text.
        read_json(input, || json_text::problem(text))
    })
    // UTF-8 cannot carry the text exactly (a raw lone surrogate): JS reads
    // it, so that the string holding it is reported at its path.
    .unwrap_or_else(|| read_json(input, || None));
    match read {
        // JSON.parse of the text, the declared keys picked.
        Read::Scanned(present) => answer_text(handle, shape_number(shape), present),
        // Not surely valid: the rules check the value JS parsed, as for a
        // value passed in.
        Read::Parsed(value) => check_value(&value, shape),
        Read::NotJson(problem) => failure(&[Issue::new(IssueKind::InvalidJson { problem }, Vec::new())]),
    }
}

/// What became of response text.
enum Read {
    /// The scan vouches for it; the masks of present fields are here.
    Scanned(u32),
    /// JSON the scan does not vouch for, as `JSON.parse` read it.
    Parsed(JsValue),
    /// Not JSON.
    NotJson(JsonProblem),
}

/// `JSON.parse` of the caller's text; when it refuses, `problem` says what
/// is wrong and where (if it can).
fn read_json(text: &JsValue, problem: impl FnOnce() -> Option<JsonProblem>) -> Read {
    let parsed = parse_json_text(text.unchecked_ref());
    if parsed.is_symbol() {
        Read::NotJson(problem().unwrap_or(JsonProblem::NotJson))
    } else {
        Read::Parsed(parsed)
    }
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
    let handle = walk_values(request, options.as_ref().map(|o| o.unchecked_ref()), None, None, false);
    let has_options = options.is_some();
    with_tape(handle, |tape| {
        let reveal_token = has_options
            && matches!(tape.node(size(3)).kind(), Kind::Object(entries)
                if matches!(field::<crate::tape::Node>(entries.clone(), "revealToken").map(Input::kind), Some(Kind::Bool(true))));
        to_curl_input(tape.root(), reveal_token)
    })
    .map_err(|issues| {
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
