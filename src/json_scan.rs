//! A validating scan of response text against a declared shape, with no
//! tree and no copies: the fast path of the parsers.
//!
//! It answers [`Verdict::Valid`] only when the text is one JSON value that
//! the full path (`json_text::parse`, then the shape's checks) would accept
//! as it is; anything else — a problem, or a case it does not decide (a
//! repeated declared key, nesting past [`MAX_DEPTH`], a lone surrogate, a
//! number at the edge of the double range) — is [`Verdict::Unsure`], and
//! the caller takes the full path, which also finds the issues. So the scan
//! may be conservative, never wrong in the other direction; the tests and
//! the `parse_response` fuzz target check exactly that.

use std::cell::Cell;

use crate::json_text::hex4_at;
use crate::shape::{Presence, Rule, Shape, UnknownKeys};
use crate::timestamp::is_timestamp;
use crate::value::MAX_DEPTH;

/// What the scan found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The full path would accept the text as it is.
    Valid,
    /// Take the full path.
    Unsure,
}

/// Scans `text` as the JSON of one `shape`.
///
/// # Example
/// ```
/// use membrane_agent_session::{json_scan::{scan, Verdict}, InterruptAgentSessionResponse};
/// assert_eq!(scan(r#"{"interrupted": true, "extra": [1]}"#, &InterruptAgentSessionResponse::SHAPE), Verdict::Valid);
/// assert_eq!(scan(r#"{"interrupted": "yes"}"#, &InterruptAgentSessionResponse::SHAPE), Verdict::Unsure);
/// ```
pub fn scan(text: &str, shape: &'static Shape) -> Verdict {
    scan_fields(text, shape, &mut Vec::new())
}

/// [`scan`], also saying which declared fields each object of a declared
/// shape has: `present` gets one mask per such object (bit `i` for its
/// shape's field `i`), in the order their objects open in the text. When
/// each shape has at most one field that holds shaped objects (checked by
/// `tests/scan.rs`), that is also the order of a walk that takes the
/// fields in declared order — the JS picks' order. Meaningful only when
/// the verdict is [`Verdict::Valid`].
pub fn scan_fields(text: &str, shape: &'static Shape, present: &mut Vec<u32>) -> Verdict {
    present.clear();
    let mut s =
        Scanner { text: text.as_bytes(), source: text, pos: 0, orders: ORDERS.with(Cell::get), present };
    s.whitespace();
    let valid = s.shape(shape, 1) && {
        s.whitespace();
        s.pos == s.text.len()
    };
    ORDERS.with(|orders| orders.set(s.orders));
    if valid {
        Verdict::Valid
    } else {
        Verdict::Unsure
    }
}

/// The key orders of the last few shapes scanned (see `Scanner::orders`),
/// kept from one scan to the next: answers of one API come in one order.
type Orders = [(Option<&'static Shape>, [u8; 32]); 4];

thread_local! {
    static ORDERS: Cell<Orders> = const { Cell::new([(None, [0; 32]); 4]) };
}

struct Scanner<'a, 'b> {
    text: &'a [u8],
    /// The same text as `str` (checked once, so slices of it need no check).
    source: &'a str,
    pos: usize,
    /// For the last few shapes seen: the field of the n-th key of their last
    /// object. Objects of one shape (a list's items) usually have their keys
    /// in one order, so a key is then found at the first try.
    orders: Orders,
    /// The masks of present fields (see [`scan_fields`]).
    present: &'b mut Vec<u32>,
}

/// A string's place in the text; `escaped` when it holds a backslash.
struct Span {
    start: usize,
    end: usize,
    escaped: bool,
}

impl Scanner<'_, '_> {
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.text.get(self.pos).copied()
    }

    #[inline(always)]
    fn whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    #[inline(always)]
    fn eat(&mut self, byte: u8) -> bool {
        if self.peek() == Some(byte) {
            self.pos += 1;
            return true;
        }
        self.whitespace();
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    /// An object of `shape`, at nesting `depth` (1 for the root).
    fn shape(&mut self, shape: &'static Shape, depth: usize) -> bool {
        if depth >= MAX_DEPTH || !self.eat(b'{') {
            return false;
        }
        let mut seen: u64 = 0;
        let mask_at = self.present.len();
        self.present.push(0);
        let slot = match self.orders.iter().position(|(s, _)| s.is_some_and(|s| s.is(shape))) {
            Some(slot) => slot,
            None => {
                self.orders.rotate_right(1);
                self.orders[0] = (Some(shape), [0; 32]);
                0
            }
        };
        let mut nth = 0;
        if !self.eat(b'}') {
            loop {
                self.whitespace();
                // The key this shape's last object had at this place is
                // tried in place first: no search for the string's end.
                let expected = self.orders[slot].1.get(nth).map_or(0, |&f| usize::from(f));
                let found = match shape.keys.get(expected) {
                    Some(key) if self.quoted(key.as_bytes()) => Some(Some(expected)),
                    _ => {
                        let Some(key) = self.string() else { return false };
                        self.with_text(&key, |k| shape.keys.iter().position(|key| *key == k))
                    }
                };
                if !self.eat(b':') {
                    return false;
                }
                self.whitespace();
                if let (Some(Some(index)), Some(order)) = (found, self.orders[slot].1.get_mut(nth)) {
                    *order = index as u8;
                }
                nth += 1;
                match found {
                    Some(Some(index)) => {
                        let bit = 1u64 << (index & 63);
                        // A repeated key: the last one wins; the full path decides.
                        if seen & bit != 0 || !self.rule(shape.fields[index].rule, depth) {
                            return false;
                        }
                        seen |= bit;
                    }
                    Some(None) if shape.unknown_keys == UnknownKeys::Drop => {
                        if !self.json(depth) {
                            return false;
                        }
                    }
                    _ => return false,
                }
                if self.eat(b'}') {
                    break;
                }
                if !self.eat(b',') {
                    return false;
                }
            }
        }
        if let Some(mask) = self.present.get_mut(mask_at) {
            // Shapes have at most 32 fields (`shape::KEYS_PER_SHAPE`).
            *mask = seen as u32;
        }
        shape
            .fields
            .iter()
            .enumerate()
            .all(|(index, f)| f.presence != Presence::Required || seen & (1u64 << (index & 63)) != 0)
    }

    /// A value that `rule` accepts, inside a container at `depth`.
    fn rule(&mut self, rule: Rule, depth: usize) -> bool {
        self.whitespace();
        match rule {
            Rule::Text { min } => match self.string() {
                Some(span) => min == 0 || (min == 1 && span.end > span.start),
                None => false,
            },
            Rule::Timestamp => self.string_where(is_timestamp),
            Rule::Enum(values) => self.string_where(|text| values.contains(&text)),
            Rule::Boolean => self.literal(b"true") || self.literal(b"false"),
            Rule::FiniteNumber => self.number(),
            Rule::Json => self.json(depth),
            Rule::JsonObject => self.peek() == Some(b'{') && self.json(depth),
            Rule::JsonArray => self.peek() == Some(b'[') && self.json(depth),
            Rule::ArrayOf(item) => {
                if depth + 2 >= MAX_DEPTH || !self.eat(b'[') {
                    return false;
                }
                if self.eat(b']') {
                    return true;
                }
                loop {
                    if !self.shape(item(), depth + 2) {
                        return false;
                    }
                    if self.eat(b']') {
                        return true;
                    }
                    if !self.eat(b',') {
                        return false;
                    }
                }
            }
            Rule::Nested(shape) => self.shape(shape(), depth + 1),
            // Not in any answer: left to the full path.
            Rule::Integer { .. } | Rule::PathSegment => false,
        }
    }

    /// Any JSON value that the full path keeps as it is, inside a container
    /// at `depth`.
    fn json(&mut self, depth: usize) -> bool {
        self.whitespace();
        match self.peek() {
            Some(open @ (b'{' | b'[')) => {
                if depth + 1 >= MAX_DEPTH {
                    return false;
                }
                self.pos += 1;
                let close = if open == b'{' { b'}' } else { b']' };
                if self.eat(close) {
                    return true;
                }
                loop {
                    if open == b'{' {
                        self.whitespace();
                        if self.string().is_none() || !self.eat(b':') {
                            return false;
                        }
                    }
                    if !self.json(depth + 1) {
                        return false;
                    }
                    if self.eat(close) {
                        return true;
                    }
                    if !self.eat(b',') {
                        return false;
                    }
                }
            }
            Some(b'"') => self.string().is_some(),
            Some(b't') => self.literal(b"true"),
            Some(b'f') => self.literal(b"false"),
            Some(b'n') => self.literal(b"null"),
            _ => self.number(),
        }
    }

    /// Whether `"word"` (no escapes) comes next; if so, steps over it.
    #[inline(always)]
    fn quoted(&mut self, word: &[u8]) -> bool {
        let (start, end) = (self.pos + 1, self.pos + 1 + word.len());
        let found = self.peek() == Some(b'"')
            && self.text.get(end) == Some(&b'"')
            && self.text.get(start..end).is_some_and(|here| same_bytes(here, word));
        if found {
            self.pos = end + 1;
        }
        found
    }

    #[inline(always)]
    fn literal(&mut self, word: &[u8]) -> bool {
        let found = self.text.get(self.pos..self.pos + word.len()) == Some(word);
        if found {
            self.pos += word.len();
        }
        found
    }

    /// A string whose text `accept` takes.
    fn string_where(&mut self, accept: impl Fn(&str) -> bool) -> bool {
        match self.string() {
            Some(span) => self.with_text(&span, accept).unwrap_or(false),
            None => false,
        }
    }

    /// Runs `f` on a string's text (decoded only when it has escapes).
    fn with_text<R>(&self, span: &Span, f: impl FnOnce(&str) -> R) -> Option<R> {
        let raw = self.source.get(span.start..span.end)?;
        if !span.escaped {
            return Some(f(raw));
        }
        let mut decoded = String::with_capacity(raw.len());
        let mut chars = raw.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                decoded.push(c);
                continue;
            }
            decoded.push(match chars.next()? {
                '"' => '"',
                '\\' => '\\',
                '/' => '/',
                'b' => '\u{8}',
                'f' => '\u{c}',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                _ => {
                    let unit = hex4_at(chars.as_str().as_bytes(), 0)?;
                    skip(&mut chars, 4);
                    if (0xD800..0xDC00).contains(&unit) {
                        // `string` checked that a low surrogate follows.
                        chars.next()?;
                        chars.next()?;
                        let low = hex4_at(chars.as_str().as_bytes(), 0)?;
                        skip(&mut chars, 4);
                        char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))?
                    } else {
                        char::from_u32(unit)?
                    }
                }
            });
        }
        Some(f(&decoded))
    }

    /// A well-formed JSON string: no raw control character, valid escapes,
    /// every `\u` surrogate in a pair (a lone one is for the full path).
    fn string(&mut self) -> Option<Span> {
        if self.peek() != Some(b'"') {
            return None;
        }
        self.pos += 1;
        let start = self.pos;
        let mut escaped = false;
        loop {
            self.pos = special_byte(self.text, self.pos)?;
            match self.peek()? {
                b'"' => {
                    let end = self.pos;
                    self.pos += 1;
                    return Some(Span { start, end, escaped });
                }
                b'\\' => {
                    escaped = true;
                    self.pos += 1;
                    match self.peek()? {
                        b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => self.pos += 1,
                        b'u' => {
                            self.pos += 1;
                            let unit = self.hex4()?;
                            if (0xD800..0xDC00).contains(&unit) {
                                if self.text.get(self.pos..self.pos + 2) != Some(b"\\u") {
                                    return None;
                                }
                                self.pos += 2;
                                if !(0xDC00..0xE000).contains(&self.hex4()?) {
                                    return None;
                                }
                            } else if (0xDC00..0xE000).contains(&unit) {
                                return None;
                            }
                        }
                        _ => return None,
                    }
                }
                _ => return None,
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let unit = hex4_at(self.text, self.pos)?;
        self.pos += 4;
        Some(unit)
    }

    /// A JSON number that a double holds as a finite value. Its decimal
    /// exponent decides without any float code: below 308 it is finite, from
    /// 309 it rounds to infinity, and 308 is left to the full path.
    fn number(&mut self) -> bool {
        let digits = |s: &mut Self| {
            let from = s.pos;
            while let Some(b'0'..=b'9') = s.peek() {
                s.pos += 1;
            }
            (from, s.pos)
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let int = match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                (self.pos - 1, self.pos)
            }
            Some(b'1'..=b'9') => digits(self),
            _ => return false,
        };
        let mut frac = (self.pos, self.pos);
        if self.peek() == Some(b'.') {
            self.pos += 1;
            frac = digits(self);
            if frac.0 == frac.1 {
                return false;
            }
        }
        let mut exponent: i64 = 0;
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            let negative = match self.peek() {
                Some(b'-') => {
                    self.pos += 1;
                    true
                }
                Some(b'+') => {
                    self.pos += 1;
                    false
                }
                _ => false,
            };
            let (from, to) = digits(self);
            if from == to {
                return false;
            }
            for &d in self.text.get(from..to).unwrap_or(&[]) {
                exponent = (exponent * 10 + i64::from(d - b'0')).min(1 << 40);
            }
            if negative {
                exponent = -exponent;
            }
        }
        // The power of ten of the first non-zero digit.
        let int_digits = self.text.get(int.0..int.1).unwrap_or(&[]);
        let magnitude = match int_digits.iter().position(|&d| d != b'0') {
            Some(at) => (int_digits.len() - at) as i64 - 1,
            None => match self.text.get(frac.0..frac.1).unwrap_or(&[]).iter().position(|&d| d != b'0') {
                Some(at) => -(at as i64) - 1,
                None => return true, // zero
            },
        };
        magnitude.saturating_add(exponent) < 308
    }
}

/// The first byte from `at` on that ends a run of plain string text: a
/// quote, a backslash or a control character. Eight bytes at a time: a byte
/// `b` of a word is flagged when `b < 0x20`, `b == b'"'` or `b == b'\\'`
/// (the usual has-zero-byte test; the lowest flag is always exact).
#[inline(always)]
fn special_byte(text: &[u8], mut at: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(w) = word_at(text, at) {
        let below_space = w.wrapping_sub(ONES * 0x20) & !w;
        let quote = (w ^ (ONES * u64::from(b'"'))).wrapping_sub(ONES) & !(w ^ (ONES * u64::from(b'"')));
        let backslash = (w ^ (ONES * u64::from(b'\\'))).wrapping_sub(ONES) & !(w ^ (ONES * u64::from(b'\\')));
        let flags = (below_space | quote | backslash) & HIGH;
        if flags != 0 {
            return Some(at + (flags.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    text.get(at..)?.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).map(|i| at + i)
}

/// Whether two byte strings are the same, a word at a time (in wasm,
/// `memcmp` goes one byte at a time, behind a call).
#[inline(always)]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if n >= 8 {
        let mut at = 0;
        while at + 8 < n {
            if word_at(a, at) != word_at(b, at) {
                return false;
            }
            at += 8;
        }
        // The last eight bytes (overlapping the words before, if need be).
        return word_at(a, n - 8) == word_at(b, n - 8);
    }
    if n >= 4 {
        let half = |bytes: &[u8], at: usize| bytes.get(at..).and_then(<[u8]>::first_chunk::<4>).copied();
        return half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4);
    }
    a == b
}

/// The eight bytes from `at` as one word, if there are eight.
#[inline(always)]
fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    bytes.get(at..).and_then(<[u8]>::first_chunk::<8>).map(|w| u64::from_le_bytes(*w))
}

fn skip(chars: &mut std::str::Chars<'_>, n: usize) {
    for _ in 0..n {
        chars.next();
    }
}

#[cfg(test)]
mod tests {
    use super::same_bytes;

    #[test]
    fn same_bytes_is_byte_equality() {
        let text: Vec<u8> = (0..40u8).map(|i| b'a' + i % 26).collect();
        for n in 0..text.len() {
            let a = &text[..n];
            assert!(same_bytes(a, a), "{n}");
            assert!(!same_bytes(a, &text[..n + 1]), "{n}: a prefix");
            for at in 0..n {
                let mut b = a.to_vec();
                b[at] ^= 0x20;
                assert!(!same_bytes(a, &b), "{n} bytes, differing at {at}");
            }
        }
    }
}
