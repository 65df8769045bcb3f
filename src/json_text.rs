//! JSON text in and out, with exactly the meaning JavaScript gives it.
//!
//! [`parse`] reads text as `JSON.parse` does: RFC 8259 grammar, the last of
//! duplicate keys wins (at the place of the first), numbers are rounded to
//! the nearest double (too large ones become infinite, which the rules then
//! report), and a lone surrogate escape is kept as [`Foreign::IllFormedString`]
//! so that it is reported, not replaced. It is iterative: deep text cannot
//! overflow the stack; containers nested past [`MAX_DEPTH`] become
//! [`Foreign::TooDeep`] (their grammar is still checked).
//!
//! [`JsonWriter`] writes text as `JSON.stringify` does (same escapes, same
//! number format), so a request body equals `JSON.stringify(data)`.

use std::marker::PhantomData;

use crate::issue::{Issue, IssueKind, JsonProblem};
use crate::value::{Foreign, Value, MAX_DEPTH};

/// How number text is read and written. [`RustNumbers`] does it natively,
/// exactly as JavaScript does; the wasm binding passes JavaScript's own
/// conversions instead, so the shipped module carries no float parsing or
/// formatting code (about a third of its size otherwise).
pub trait NumberText {
    /// The double nearest to a JSON number lexeme (±infinity on overflow).
    fn parse(lexeme: &str) -> Option<f64>;
    /// `Number.prototype.toString` of a finite number that is not a safe
    /// integer (those never reach here).
    fn write(number: f64, out: &mut String);
}

/// JavaScript's number conversions, done in Rust.
pub struct RustNumbers;

impl NumberText for RustNumbers {
    fn parse(lexeme: &str) -> Option<f64> {
        // Rust rounds to nearest like JavaScript, ±infinity on overflow.
        lexeme.parse().ok()
    }

    fn write(number: f64, out: &mut String) {
        write_js_number(out, number);
    }
}

/// Integers up to this size are read and written without floating point.
const SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// Objects with this many keys get a hash index for duplicate detection.
const INDEX_FROM: usize = 32;

/// Reads one JSON value from `text`, as `JSON.parse` would.
///
/// # Example
/// ```
/// use membrane_agent_session::{json_text::parse, Value};
/// let value = parse(r#"{"a": 1, "a": [true, null]}"#).unwrap();
/// assert_eq!(value.get("a"), Some(&Value::Array(vec![Value::Bool(true), Value::Null])));
/// assert!(parse("{'a': 1}").is_err());
/// ```
pub fn parse(text: &str) -> Result<Value, Issue> {
    parse_with::<RustNumbers>(text)
}

/// [`parse`], with number lexemes read by `N`.
pub fn parse_with<N: NumberText>(text: &str) -> Result<Value, Issue> {
    Parser::<N> { source: text, text: text.as_bytes(), pos: 0, numbers: PhantomData }
        .parse()
        .map_err(|problem| Issue::new(IssueKind::InvalidJson { problem }, Vec::new()))
}

/// The problem [`parse`] reports for `text`, found by its grammar alone
/// (no value built, no number read); `None` when `text` is JSON. The wasm
/// binding has `JSON.parse` read the text and asks this only for the
/// position of what it refused.
///
/// # Example
/// ```
/// use membrane_agent_session::{issue::JsonProblem, json_text::problem};
/// assert_eq!(problem(r#"{"a": [1, 2]}"#), None);
/// assert_eq!(problem(r#"{"a": [1, 2}"#), Some(JsonProblem::UnexpectedCharacter { position: 11 }));
/// ```
pub fn problem(text: &str) -> Option<JsonProblem> {
    Parser::<RustNumbers> { source: text, text: text.as_bytes(), pos: 0, numbers: PhantomData }.check().err()
}

enum Frame {
    Array(Vec<Value>),
    Object(ObjectBuilder),
    /// A container nested past `MAX_DEPTH`: checked, not kept.
    Skipped {
        is_array: bool,
    },
}

struct ObjectBuilder {
    entries: Vec<(String, Value)>,
    index: Option<KeyIndex>,
    key: String,
    /// The pending key held a lone surrogate (`key` is a lossy stand-in).
    key_is_ill_formed: bool,
}

impl ObjectBuilder {
    fn insert(&mut self, value: Value) {
        let key = std::mem::take(&mut self.key);
        let value = if std::mem::take(&mut self.key_is_ill_formed) {
            Value::Foreign(Foreign::IllFormedKey)
        } else {
            value
        };
        let found = match &self.index {
            Some(index) => index.find(&self.entries, &key),
            None => self.entries.iter().position(|(k, _)| *k == key),
        };
        match found {
            // JSON.parse: the last value wins, the key keeps its first place.
            Some(at) => {
                if let Some(entry) = self.entries.get_mut(at) {
                    entry.1 = value;
                }
            }
            None => {
                self.entries.push((key, value));
                match &mut self.index {
                    Some(index) => index.added(&self.entries),
                    None if self.entries.len() >= INDEX_FROM => {
                        self.index = Some(KeyIndex::of(&self.entries))
                    }
                    None => {}
                }
            }
        }
    }
}

/// Where each key of a large object sits: open addressing over FNV-1a
/// hashes of the keys (a few hundred bytes of code, where a `HashMap`
/// costs kilobytes in the shipped module).
struct KeyIndex {
    /// 0 for an empty slot, else the entry's position + 1.
    slots: Vec<usize>,
}

impl KeyIndex {
    fn of(entries: &[(String, Value)]) -> Self {
        let mut index = KeyIndex { slots: vec![0; (entries.len() * 4).next_power_of_two()] };
        for at in 0..entries.len() {
            index.place(entries, at);
        }
        index
    }

    fn start(&self, key: &str) -> usize {
        let hash = key
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
        hash as usize & (self.slots.len() - 1)
    }

    fn find(&self, entries: &[(String, Value)], key: &str) -> Option<usize> {
        let mut slot = self.start(key);
        loop {
            match self.slots.get(slot).copied().unwrap_or(0) {
                0 => return None,
                taken => {
                    if entries.get(taken - 1).is_some_and(|(k, _)| k == key) {
                        return Some(taken - 1);
                    }
                }
            }
            slot = (slot + 1) & (self.slots.len() - 1);
        }
    }

    fn place(&mut self, entries: &[(String, Value)], at: usize) {
        let Some((key, _)) = entries.get(at) else { return };
        let mut slot = self.start(key);
        while self.slots.get(slot).is_some_and(|s| *s != 0) {
            slot = (slot + 1) & (self.slots.len() - 1);
        }
        if let Some(s) = self.slots.get_mut(slot) {
            *s = at + 1;
        }
    }

    /// Records the entry just pushed, growing to stay at most half full.
    fn added(&mut self, entries: &[(String, Value)]) {
        if entries.len() * 2 > self.slots.len() {
            *self = KeyIndex::of(entries);
        } else {
            self.place(entries, entries.len() - 1);
        }
    }
}

struct Parser<'a, N> {
    source: &'a str,
    text: &'a [u8],
    pos: usize,
    numbers: PhantomData<N>,
}

type Step<T> = Result<T, JsonProblem>;

impl<N: NumberText> Parser<'_, N> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn unexpected(&self) -> JsonProblem {
        if self.pos >= self.text.len() {
            JsonProblem::UnexpectedEnd
        } else {
            JsonProblem::UnexpectedCharacter { position: self.pos }
        }
    }

    fn expect(&mut self, byte: u8) -> Step<()> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }

    fn parse(mut self) -> Step<Value> {
        self.skip_whitespace();
        if self.text.is_empty() || self.pos == self.text.len() {
            return Err(JsonProblem::Empty);
        }
        let mut stack: Vec<Frame> = Vec::new();
        loop {
            // Read a value, or open a container and go read its first member.
            let mut value = match self.peek() {
                Some(open @ (b'[' | b'{')) => {
                    self.pos += 1;
                    self.skip_whitespace();
                    let is_array = open == b'[';
                    let close = if is_array { b']' } else { b'}' };
                    let too_deep =
                        stack.len() >= MAX_DEPTH || matches!(stack.last(), Some(Frame::Skipped { .. }));
                    if self.peek() == Some(close) {
                        self.pos += 1;
                        if too_deep {
                            Value::Foreign(Foreign::TooDeep)
                        } else if is_array {
                            Value::Array(Vec::new())
                        } else {
                            Value::Object(Vec::new())
                        }
                    } else {
                        let frame = if too_deep {
                            Frame::Skipped { is_array }
                        } else if is_array {
                            Frame::Array(Vec::new())
                        } else {
                            Frame::Object(ObjectBuilder {
                                entries: Vec::new(),
                                index: None,
                                key: String::new(),
                                key_is_ill_formed: false,
                            })
                        };
                        let is_object = !is_array;
                        stack.push(frame);
                        if is_object {
                            let (key, ill_formed) = self.key()?;
                            if let Some(Frame::Object(object)) = stack.last_mut() {
                                object.key = key;
                                object.key_is_ill_formed = ill_formed;
                            }
                        }
                        continue;
                    }
                }
                Some(b'"') => match self.string()? {
                    Some(text) => Value::String(text),
                    None => Value::Foreign(Foreign::IllFormedString),
                },
                Some(b't') => self.literal(b"true").map(|()| Value::Bool(true))?,
                Some(b'f') => self.literal(b"false").map(|()| Value::Bool(false))?,
                Some(b'n') => self.literal(b"null").map(|()| Value::Null)?,
                Some(b'-' | b'0'..=b'9') => Value::Number(self.number()?),
                _ => return Err(self.unexpected()),
            };
            // Hand the value to its container; close containers that end.
            loop {
                self.skip_whitespace();
                let Some(frame) = stack.last_mut() else {
                    return if self.pos == self.text.len() {
                        Ok(value)
                    } else {
                        Err(JsonProblem::TrailingText { position: self.pos })
                    };
                };
                let is_array = match frame {
                    Frame::Array(items) => {
                        items.push(value);
                        true
                    }
                    Frame::Object(object) => {
                        object.insert(value);
                        false
                    }
                    Frame::Skipped { is_array } => *is_array,
                };
                match self.peek() {
                    Some(b',') => {
                        self.pos += 1;
                        self.skip_whitespace();
                        if !is_array {
                            let (key, ill_formed) = self.key()?;
                            if let Some(Frame::Object(object)) = stack.last_mut() {
                                object.key = key;
                                object.key_is_ill_formed = ill_formed;
                            }
                        }
                        break;
                    }
                    Some(b']') if is_array => self.pos += 1,
                    Some(b'}') if !is_array => self.pos += 1,
                    _ => return Err(self.unexpected()),
                }
                value = match stack.pop() {
                    Some(Frame::Array(items)) => Value::Array(items),
                    Some(Frame::Object(object)) => Value::Object(object.entries),
                    _ => Value::Foreign(Foreign::TooDeep),
                };
            }
        }
    }

    /// [`Parser::parse`]'s grammar and nothing else: the same steps in the
    /// same order, so the same first problem at the same place, with no
    /// value built (each container open is one flag: array or object).
    fn check(mut self) -> Step<()> {
        self.skip_whitespace();
        if self.text.is_empty() || self.pos == self.text.len() {
            return Err(JsonProblem::Empty);
        }
        let mut open: Vec<bool> = Vec::new();
        loop {
            match self.peek() {
                Some(c @ (b'[' | b'{')) => {
                    self.pos += 1;
                    self.skip_whitespace();
                    let is_array = c == b'[';
                    if self.peek() == Some(if is_array { b']' } else { b'}' }) {
                        self.pos += 1;
                    } else {
                        open.push(is_array);
                        if !is_array {
                            self.key()?;
                        }
                        continue;
                    }
                }
                Some(b'"') => drop(self.string()?),
                Some(b't') => self.literal(b"true")?,
                Some(b'f') => self.literal(b"false")?,
                Some(b'n') => self.literal(b"null")?,
                Some(b'-' | b'0'..=b'9') => drop(self.number_lexeme()?),
                _ => return Err(self.unexpected()),
            }
            loop {
                self.skip_whitespace();
                let Some(&is_array) = open.last() else {
                    return if self.pos == self.text.len() {
                        Ok(())
                    } else {
                        Err(JsonProblem::TrailingText { position: self.pos })
                    };
                };
                match self.peek() {
                    Some(b',') => {
                        self.pos += 1;
                        self.skip_whitespace();
                        if !is_array {
                            self.key()?;
                        }
                        break;
                    }
                    Some(b']') if is_array => self.pos += 1,
                    Some(b'}') if !is_array => self.pos += 1,
                    _ => return Err(self.unexpected()),
                }
                open.pop();
            }
        }
    }

    /// An object key and its colon, and whether the key held a lone
    /// surrogate (it is then a lossy stand-in, never used in a path).
    fn key(&mut self) -> Step<(String, bool)> {
        self.skip_whitespace();
        if self.peek() != Some(b'"') {
            return Err(self.unexpected());
        }
        let start = self.pos;
        let key = match self.string()? {
            Some(key) => (key, false),
            None => {
                let end = self.pos;
                self.pos = start;
                let lossy = self.string_lossy()?;
                self.pos = end;
                (lossy, true)
            }
        };
        self.skip_whitespace();
        self.expect(b':')?;
        self.skip_whitespace();
        Ok(key)
    }

    fn literal(&mut self, word: &[u8]) -> Step<()> {
        if self.text.get(self.pos..self.pos + word.len()) == Some(word) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }

    fn number(&mut self) -> Step<f64> {
        let start = self.pos;
        let lexeme = self.number_lexeme()?;
        let digits = lexeme.trim_start_matches('-');
        let number = if digits.len() <= 15 && digits.bytes().all(|b| b.is_ascii_digit()) {
            // Exact in a double: no rounding to do.
            let magnitude = digits.bytes().fold(0u64, |n, d| n * 10 + u64::from(d - b'0')) as f64;
            Some(if lexeme.starts_with('-') { -magnitude } else { magnitude })
        } else {
            N::parse(lexeme)
        };
        number.ok_or(JsonProblem::BadNumber { position: start })
    }

    /// A number's text, as the grammar has it (no value read).
    fn number_lexeme(&mut self) -> Step<&str> {
        let start = self.pos;
        let digits = |p: &mut Self| {
            let from = p.pos;
            while let Some(b'0'..=b'9') = p.peek() {
                p.pos += 1;
            }
            p.pos - from
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return Err(JsonProblem::BadNumber { position: start }),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if digits(self) == 0 {
                return Err(JsonProblem::BadNumber { position: start });
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if digits(self) == 0 {
                return Err(JsonProblem::BadNumber { position: start });
            }
        }
        Ok(self.source.get(start..self.pos).unwrap_or(""))
    }

    /// A string; `Ok(None)` if it holds a lone surrogate escape.
    fn string(&mut self) -> Step<Option<String>> {
        let mut out = String::new();
        let well_formed = self.string_into(&mut out, false)?;
        Ok(well_formed.then_some(out))
    }

    fn string_lossy(&mut self) -> Step<String> {
        let mut out = String::new();
        self.string_into(&mut out, true)?;
        Ok(out)
    }

    /// Reads a string into `out`; returns whether it was well-formed. With
    /// `lossy`, lone surrogates become U+FFFD (only for issue paths).
    fn string_into(&mut self, out: &mut String, lossy: bool) -> Step<bool> {
        self.expect(b'"')?;
        let mut well_formed = true;
        loop {
            let run_start = self.pos;
            let rest = self.text.get(run_start..).unwrap_or(&[]);
            self.pos += rest.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).unwrap_or(rest.len());
            // Runs end on ASCII bytes, so they are whole characters of the
            // source text: slicing it needs no UTF-8 check.
            out.push_str(self.source.get(run_start..self.pos).unwrap_or(""));
            match self.peek() {
                None => return Err(JsonProblem::UnexpectedEnd),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(well_formed);
                }
                Some(b'\\') => {
                    let escape_at = self.pos;
                    self.pos += 1;
                    let bad = JsonProblem::BadEscape { position: escape_at };
                    let Some(kind) = self.peek() else {
                        return Err(JsonProblem::UnexpectedEnd);
                    };
                    self.pos += 1;
                    match kind {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let unit = self.hex4().ok_or(bad)?;
                            let code = if (0xD800..0xDC00).contains(&unit) {
                                // A high surrogate: a low one must follow.
                                let save = self.pos;
                                let low = if self.text.get(self.pos..self.pos + 2) == Some(b"\\u") {
                                    self.pos += 2;
                                    self.hex4()
                                } else {
                                    None
                                };
                                match low {
                                    Some(low) if (0xDC00..0xE000).contains(&low) => {
                                        Some(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                                    }
                                    _ => {
                                        self.pos = save;
                                        None
                                    }
                                }
                            } else {
                                Some(unit)
                            };
                            match code.and_then(char::from_u32) {
                                Some(c) => out.push(c),
                                None => {
                                    well_formed = false;
                                    if lossy {
                                        out.push('\u{FFFD}');
                                    }
                                }
                            }
                        }
                        _ => return Err(bad),
                    }
                }
                Some(_) => return Err(JsonProblem::ControlCharacterInString { position: self.pos }),
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let unit = hex4_at(self.text, self.pos)?;
        self.pos += 4;
        Some(unit)
    }
}

/// The UTF-16 unit of the four hex digits at `pos` of a `\u` escape.
pub(crate) fn hex4_at(text: &[u8], pos: usize) -> Option<u32> {
    let mut unit = 0;
    for &d in text.get(pos..pos + 4)? {
        unit = unit * 16 + char::from(d).to_digit(16)?;
    }
    Some(unit)
}

/// Writes JSON text exactly as `JSON.stringify` would for the same value,
/// numbers written by `N`.
pub struct JsonWriter<N = RustNumbers> {
    out: String,
    numbers: PhantomData<N>,
    /// Write `-0` as `-0` (JSON.parse keeps it) rather than `0` as
    /// `JSON.stringify` does: for answers handed back to JavaScript.
    keep_negative_zero: bool,
}

impl JsonWriter<RustNumbers> {
    pub fn new() -> Self {
        Self::with_numbers()
    }
}

impl Default for JsonWriter<RustNumbers> {
    fn default() -> Self {
        Self::new()
    }
}

impl<N: NumberText> JsonWriter<N> {
    /// A writer whose non-integer numbers are written by `N`.
    pub fn with_numbers() -> Self {
        JsonWriter { out: String::new(), numbers: PhantomData, keep_negative_zero: false }
    }

    /// A writer for answers handed back to JavaScript through `JSON.parse`:
    /// like [`JsonWriter::with_numbers`], but `-0` stays `-0`.
    pub fn for_answers() -> Self {
        JsonWriter { out: String::new(), numbers: PhantomData, keep_negative_zero: true }
    }

    /// The text written so far.
    pub fn finish(self) -> String {
        self.out
    }

    pub fn raw(&mut self, text: &str) {
        self.out.push_str(text);
    }

    /// A string literal, escaped as `JSON.stringify` escapes it.
    pub fn string(&mut self, text: &str) {
        self.out.reserve(text.len() + 2);
        self.out.push('"');
        let mut run_start = 0;
        for (at, byte) in text.bytes().enumerate() {
            let escape = match byte {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0..=0x1f => "",
                _ => continue,
            };
            // `at` is an ASCII byte, so both ends are character boundaries.
            self.out.push_str(text.get(run_start..at).unwrap_or(""));
            if escape.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.out.push_str("\\u00");
                self.out.push(char::from(HEX[usize::from(byte >> 4)]));
                self.out.push(char::from(HEX[usize::from(byte & 15)]));
            } else {
                self.out.push_str(escape);
            }
            run_start = at + 1;
        }
        self.out.push_str(text.get(run_start..).unwrap_or(""));
        self.out.push('"');
    }

    /// A finite number in JavaScript's `Number#toString` form (`1e+21`,
    /// `1e-7`, `0.1`); `-0` is written `0`, as `JSON.stringify` does.
    /// Non-finite numbers are written `null` (the rules never let one in).
    pub fn number(&mut self, number: f64) {
        if !number.is_finite() {
            self.out.push_str("null");
        } else if number == 0.0 && number.is_sign_negative() && self.keep_negative_zero {
            self.out.push_str("-0");
        } else if number.fract() == 0.0 && number.abs() <= SAFE_INTEGER {
            // Integer Display: no float formatting code needed.
            self.out.push_str(&(number as i64).to_string());
        } else {
            N::write(number, &mut self.out);
        }
    }

    /// An array of whole values (see [`JsonWriter::value`]).
    pub fn values(&mut self, items: &[Value]) {
        self.out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            self.value(item);
        }
        self.out.push(']');
    }

    /// An array of strings.
    pub fn strings<'s>(&mut self, items: impl IntoIterator<Item = &'s str>) {
        self.out.push('[');
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            self.string(item);
        }
        self.out.push(']');
    }

    /// `"key":` — the caller writes the value after it.
    pub fn key(&mut self, key: &str) {
        self.string(key);
        self.out.push(':');
    }

    /// A whole value. Callers pass only checked JSON values (no
    /// [`Value::Foreign`], at most [`MAX_DEPTH`] deep); anything else is
    /// written as `null`.
    pub fn value(&mut self, value: &Value) {
        match value {
            Value::Null | Value::Foreign(_) => self.raw("null"),
            Value::Bool(true) => self.raw("true"),
            Value::Bool(false) => self.raw("false"),
            Value::Number(n) => self.number(*n),
            Value::String(s) => self.string(s),
            Value::Array(items) => self.values(items),
            Value::Object(entries) => {
                let mut o = self.object();
                // `undefined` properties are absent, as in JSON.stringify.
                let written =
                    |v: &Value| !matches!(v, Value::Foreign(Foreign::Undefined | Foreign::IllFormedKey));
                for (key, item) in entries.iter().filter(|(_, v)| written(v)) {
                    o.key(key).value(item);
                }
                o.end();
            }
        }
    }
}

/// ECMAScript Number::toString(10), from the shortest round-trip digits.
fn write_js_number(out: &mut String, number: f64) {
    if !number.is_finite() {
        out.push_str("null");
        return;
    }
    if number == 0.0 {
        out.push('0');
        return;
    }
    if number.fract() == 0.0 && number.abs() <= SAFE_INTEGER {
        // Exactly representable integers print in full, like JS.
        out.push_str(&(number as i64).to_string());
        return;
    }
    // `{:e}` gives the shortest digits that round-trip: d[.ddd]e[-]x.
    let scientific = format!("{:e}", number.abs());
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let k = digits.len() as i64;
    let n = exponent.parse::<i64>().unwrap_or(0) + 1;
    if number < 0.0 {
        out.push('-');
    }
    if k <= n && n <= 21 {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', (n - k) as usize));
    } else if 0 < n && n <= 21 {
        let (int, frac) = digits.split_at(n as usize);
        out.push_str(int);
        out.push('.');
        out.push_str(frac);
    } else if -6 < n && n <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-n) as usize));
        out.push_str(&digits);
    } else {
        let (first, rest) = digits.split_at(1);
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        out.push('e');
        out.push(if n > 0 { '+' } else { '-' });
        out.push_str(&(n - 1).abs().to_string());
    }
}

/// A value that writes itself as JSON text (the shape JS callers receive).
pub trait ToJson {
    fn write_json<N: NumberText>(&self, w: &mut JsonWriter<N>);

    /// The JSON text, numbers written by `N`.
    fn to_json_with<N: NumberText>(&self) -> String {
        let mut w = JsonWriter::<N>::with_numbers();
        self.write_json(&mut w);
        w.finish()
    }

    /// The JSON text.
    fn to_json(&self) -> String {
        self.to_json_with::<RustNumbers>()
    }
}

impl<N: NumberText> JsonWriter<N> {
    /// Starts an object; its members are written through the returned
    /// writer, and `end` closes it.
    pub fn object(&mut self) -> ObjectWriter<'_, N> {
        self.out.push('{');
        ObjectWriter { w: self, first: true }
    }
}

/// Writes the members of one object, commas included.
pub struct ObjectWriter<'w, N> {
    w: &'w mut JsonWriter<N>,
    first: bool,
}

impl<N: NumberText> ObjectWriter<'_, N> {
    /// Writes `"key":` and hands back the writer for the value.
    pub fn key(&mut self, key: &str) -> &mut JsonWriter<N> {
        if !self.first {
            self.w.out.push(',');
        }
        self.first = false;
        self.w.key(key);
        self.w
    }

    pub fn string(&mut self, key: &str, value: &str) {
        self.key(key).string(value);
    }

    pub fn boolean(&mut self, key: &str, value: bool) {
        self.key(key).raw(if value { "true" } else { "false" });
    }

    pub fn optional_string(&mut self, key: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.string(key, value);
        }
    }

    pub fn optional_boolean(&mut self, key: &str, value: Option<bool>) {
        if let Some(value) = value {
            self.boolean(key, value);
        }
    }

    pub fn end(self) {
        self.w.out.push('}');
    }
}

impl ToJson for String {
    fn write_json<N: NumberText>(&self, w: &mut JsonWriter<N>) {
        w.string(self);
    }
}

impl ToJson for bool {
    fn write_json<N: NumberText>(&self, w: &mut JsonWriter<N>) {
        w.raw(if *self { "true" } else { "false" });
    }
}

impl ToJson for f64 {
    fn write_json<N: NumberText>(&self, w: &mut JsonWriter<N>) {
        w.number(*self);
    }
}

impl ToJson for u32 {
    fn write_json<N: NumberText>(&self, w: &mut JsonWriter<N>) {
        w.number(f64::from(*self));
    }
}

impl ToJson for Value {
    fn write_json<N: NumberText>(&self, w: &mut JsonWriter<N>) {
        w.value(self);
    }
}

/// An object of JSON values, entries in order.
impl ToJson for Vec<(String, Value)> {
    fn write_json<N: NumberText>(&self, w: &mut JsonWriter<N>) {
        let mut o = w.object();
        for (key, value) in self {
            o.key(key).value(value);
        }
        o.end();
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json<N: NumberText>(&self, w: &mut JsonWriter<N>) {
        self.as_slice().write_json(w);
    }
}

impl<T: ToJson> ToJson for Box<T> {
    fn write_json<N: NumberText>(&self, w: &mut JsonWriter<N>) {
        (**self).write_json(w);
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json<N: NumberText>(&self, w: &mut JsonWriter<N>) {
        w.raw("[");
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                w.raw(",");
            }
            item.write_json(w);
        }
        w.raw("]");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn js(n: f64) -> String {
        let mut s = String::new();
        write_js_number(&mut s, n);
        s
    }

    #[test]
    fn numbers_print_like_javascript() {
        assert_eq!(js(0.0), "0");
        assert_eq!(js(-0.0), "0");
        assert_eq!(js(1.0), "1");
        assert_eq!(js(-12.5), "-12.5");
        assert_eq!(js(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(js(1e21), "1e+21");
        assert_eq!(js(123456789012345680000.0), "123456789012345680000");
        assert_eq!(js(1e-7), "1e-7");
        assert_eq!(js(0.000001), "0.000001");
        assert_eq!(js(1.5e-10), "1.5e-10");
        assert_eq!(js(f64::MAX), "1.7976931348623157e+308");
        assert_eq!(js(5e-324), "5e-324");
        assert_eq!(js(2f64.powi(53)), "9007199254740992");
    }

    #[test]
    fn strings_escape_like_json_stringify() {
        let mut w = JsonWriter::new();
        w.string("a\"b\\c\n\u{1}\u{7f}\u{2028}é😀");
        assert_eq!(w.finish(), "\"a\\\"b\\\\c\\n\\u0001\u{7f}\u{2028}é😀\"");
    }

    #[test]
    fn parse_keeps_js_meaning() {
        assert_eq!(parse(" 1e400 ").ok(), Some(Value::Number(f64::INFINITY)));
        assert_eq!(parse(r#""\ud800""#).ok(), Some(Value::Foreign(Foreign::IllFormedString)));
        assert_eq!(parse(r#""\ud83d\ude00""#).ok(), Some(Value::String("😀".into())));
        let v = parse(r#"{"a":1,"b":2,"a":3}"#).ok();
        assert_eq!(
            v,
            Some(Value::Object(vec![("a".into(), Value::Number(3.0)), ("b".into(), Value::Number(2.0))]))
        );
    }

    #[test]
    fn keys_with_lone_surrogates_are_marked() {
        let v = parse(r#"{"a\ud800":1,"b":2}"#).ok();
        assert_eq!(
            v,
            Some(Value::Object(vec![
                ("a\u{FFFD}".into(), Value::Foreign(Foreign::IllFormedKey)),
                ("b".into(), Value::Number(2.0))
            ]))
        );
    }

    #[test]
    fn negative_zero_survives_answers_only() {
        let mut answer = JsonWriter::<RustNumbers>::for_answers();
        answer.number(-0.0);
        assert_eq!(answer.finish(), "-0");
        let mut body = JsonWriter::new();
        body.number(-0.0);
        assert_eq!(body.finish(), "0");
        assert!(matches!(parse("-0"), Ok(Value::Number(n)) if n == 0.0 && n.is_sign_negative()));
    }

    #[test]
    fn parse_rejects_what_json_parse_rejects() {
        for bad in [
            "",
            " ",
            "01",
            "1.",
            ".5",
            "+1",
            "[1,]",
            "{\"a\":1,}",
            "'a'",
            "\"a\nb\"",
            "[1] x",
            "nul",
            "\"\\x\"",
            "{1:2}",
            "\"\\u12G4\"",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn many_keys_and_duplicates_keep_json_parse_order() {
        let mut text = String::from("{");
        for i in 0..5000 {
            text.push_str(&format!("\"k{i}\":{i},"));
        }
        for i in (0..5000).step_by(7) {
            text.push_str(&format!("\"k{i}\":-{i},"));
        }
        text.push_str("\"end\":0}");
        let Ok(Value::Object(entries)) = parse(&text) else { panic!("an object") };
        assert_eq!(entries.len(), 5001);
        for (i, (key, value)) in entries.iter().take(5000).enumerate() {
            assert_eq!(key, &format!("k{i}"));
            let expected = if i % 7 == 0 { -(i as f64) } else { i as f64 };
            assert_eq!(value, &Value::Number(expected));
        }
    }

    #[test]
    fn deep_text_is_marked_not_followed() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        let mut value = parse(&deep).expect("deep but valid JSON");
        let mut depth = 0;
        while let Value::Array(mut items) = value {
            depth += 1;
            value = items.pop().unwrap_or(Value::Null);
        }
        assert_eq!(depth, MAX_DEPTH);
        assert_eq!(value, Value::Foreign(Foreign::TooDeep));
        assert!(parse(&("[".repeat(5000) + "1," + &"]".repeat(5000))).is_err());
    }
}
