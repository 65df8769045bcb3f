//! The tape: a caller's value laid out flat, as the JS binding writes it in
//! one walk, and read here in place (no tree is built).
//!
//! Three streams:
//! - `words` (`i32`): one record per value, in document order;
//! - `numbers` (`f64`): every number, by index;
//! - `bytes`: every string and key, UTF-8, by offset and length.
//!
//! Records (`[tag, operands…]`):
//!
//! | value | record |
//! |---|---|
//! | `null`, `false`, `true` | `[0]`, `[1]`, `[2]` |
//! | number | `[3, index]` |
//! | string | `[4, offset, length]` |
//! | string whose text is left out | `[8, length]` (UTF-16 units; see [`Kind::UncopiedString`]) |
//! | not JSON ([`Foreign`]) | `[5, code]` (codes as in [`FOREIGN_CODES`]) |
//! | array | `[6, count, end]`, then each item |
//! | object | `[7, count, end]`, then each property: `[offset, length]` of the key and its value |
//!
//! `end` is the index of the word after the container, so that a reader can
//! step over it. A declared key may be written by its number `n` instead of
//! its text, as `[-2 - n, 0]` (see `shape::SHAPES`). A key UTF-8 cannot
//! carry is `[-1, 0]`, and its value `[5, code of IllFormedKey]`. A property
//! holding `undefined` is not there.

use crate::input::{Input, Kind};
use crate::shape::{declared_key, Rule, Shape};
use crate::value::{Foreign, Value};

const NULL: i32 = 0;
const FALSE: i32 = 1;
const TRUE: i32 = 2;
const NUMBER: i32 = 3;
const STRING: i32 = 4;
const FOREIGN: i32 = 5;
const ARRAY: i32 = 6;
const OBJECT: i32 = 7;
const UNCOPIED_STRING: i32 = 8;

/// The [`Foreign`] kinds, by their code on the tape.
pub const FOREIGN_CODES: [Foreign; 11] = [
    Foreign::Undefined,
    Foreign::BigInt,
    Foreign::Symbol,
    Foreign::Function,
    Foreign::NonPlainObject,
    Foreign::Cycle,
    Foreign::Unreadable,
    Foreign::TooDeep,
    Foreign::IllFormedString,
    Foreign::IllFormedKey,
    Foreign::NotRead,
];

/// A written tape, borrowed. The root value is the record at word 0.
#[derive(Clone, Copy)]
pub struct Tape<'a> {
    words: &'a [i32],
    numbers: &'a [f64],
    /// Every string's UTF-8, checked once (each string starts and ends on
    /// a character boundary, so a slice of it is checked too).
    text: &'a str,
}

/// One value on a tape.
#[derive(Clone, Copy)]
pub struct Node<'a> {
    tape: &'a Tape<'a>,
    at: usize,
}

impl<'a> Tape<'a> {
    /// A tape over its three streams. Bytes that are not UTF-8 (which a
    /// writer never gives) leave every string unreadable, never misread.
    pub fn new(words: &'a [i32], numbers: &'a [f64], bytes: &'a [u8]) -> Self {
        Tape { words, numbers, text: std::str::from_utf8(bytes).unwrap_or("") }
    }

    /// The root value.
    pub fn root(&'a self) -> Node<'a> {
        Node { tape: self, at: 0 }
    }

    /// The value whose record starts at word `at` (a second root).
    pub fn node(&'a self, at: usize) -> Node<'a> {
        Node { tape: self, at }
    }

    fn word(&self, at: usize) -> i32 {
        self.words.get(at).copied().unwrap_or(FOREIGN)
    }

    fn text(&self, offset: i32, length: i32) -> Option<&'a str> {
        if offset <= -2 {
            // A declared key, by its number (see `shape::SHAPES`).
            return declared_key(usize::try_from(-2 - i64::from(offset)).ok()?);
        }
        let start = usize::try_from(offset).ok()?;
        let end = start.checked_add(usize::try_from(length).ok()?)?;
        self.text.get(start..end)
    }

    /// The index of the word after the record at `at`.
    fn after(&self, at: usize) -> usize {
        match self.word(at) {
            NULL | FALSE | TRUE => at + 1,
            NUMBER | FOREIGN | UNCOPIED_STRING => at + 2,
            STRING => at + 3,
            // A container's end always lies after it; a tape that says
            // otherwise ends here (it cannot loop).
            _ => usize::try_from(self.word(at + 2)).ok().filter(|&end| end > at).unwrap_or(usize::MAX),
        }
    }
}

/// The items of an array on a tape.
#[derive(Clone)]
pub struct Items<'a> {
    tape: &'a Tape<'a>,
    at: usize,
    left: i32,
}

impl<'a> Iterator for Items<'a> {
    type Item = Node<'a>;

    fn next(&mut self) -> Option<Node<'a>> {
        if self.left <= 0 || self.at >= self.tape.words.len() {
            return None;
        }
        self.left -= 1;
        let node = Node { tape: self.tape, at: self.at };
        self.at = self.tape.after(self.at);
        Some(node)
    }
}

/// The properties of an object on a tape.
#[derive(Clone)]
pub struct Entries<'a> {
    tape: &'a Tape<'a>,
    at: usize,
    left: i32,
}

impl<'a> Iterator for Entries<'a> {
    type Item = (&'a str, Node<'a>);

    fn next(&mut self) -> Option<(&'a str, Node<'a>)> {
        if self.left <= 0 || self.at + 2 >= self.tape.words.len() {
            return None;
        }
        self.left -= 1;
        let key = self.tape.text(self.tape.word(self.at), self.tape.word(self.at + 1)).unwrap_or("");
        let node = Node { tape: self.tape, at: self.at + 2 };
        self.at = self.tape.after(self.at + 2);
        Some((key, node))
    }
}

impl<'a> Input<'a> for Node<'a> {
    type Items = Items<'a>;
    type Entries = Entries<'a>;

    fn kind(self) -> Kind<'a, Self> {
        let tape = self.tape;
        let operand = |i: usize| tape.word(self.at + i);
        match tape.word(self.at) {
            NULL => Kind::Null,
            FALSE => Kind::Bool(false),
            TRUE => Kind::Bool(true),
            NUMBER => match usize::try_from(operand(1)).ok().and_then(|i| tape.numbers.get(i)) {
                Some(n) => Kind::Number(*n),
                None => Kind::Foreign(Foreign::Unreadable),
            },
            STRING => match tape.text(operand(1), operand(2)) {
                Some(text) => Kind::String(text),
                None => Kind::Foreign(Foreign::Unreadable),
            },
            UNCOPIED_STRING => Kind::UncopiedString { empty: operand(1) == 0 },
            ARRAY => Kind::Array(Items { tape, at: self.at + 3, left: operand(1) }),
            OBJECT => Kind::Object(Entries { tape, at: self.at + 3, left: operand(1) }),
            FOREIGN => {
                let code = usize::try_from(operand(1)).ok();
                Kind::Foreign(code.and_then(|c| FOREIGN_CODES.get(c)).copied().unwrap_or(Foreign::Unreadable))
            }
            _ => Kind::Foreign(Foreign::Unreadable),
        }
    }

    fn is_undefined(self) -> bool {
        self.tape.word(self.at) == FOREIGN && self.tape.word(self.at + 1) == 0
    }

    fn to_value(self) -> Value {
        match self.kind() {
            Kind::Null => Value::Null,
            Kind::Bool(b) => Value::Bool(b),
            Kind::Number(n) => Value::Number(n),
            Kind::String(text) => Value::String(text.to_owned()),
            // Not there to copy: said, not made up.
            Kind::UncopiedString { .. } => Value::Foreign(Foreign::Unreadable),
            Kind::Array(items) => Value::Array(items.map(Node::to_value).collect()),
            Kind::Object(entries) => {
                Value::Object(entries.map(|(k, v)| (k.to_owned(), v.to_value())).collect())
            }
            Kind::Foreign(foreign) => Value::Foreign(foreign),
        }
    }
}

/// A tape with its own storage: what [`write`] makes of a [`Value`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OwnedTape {
    pub words: Vec<i32>,
    pub numbers: Vec<f64>,
    pub bytes: Vec<u8>,
}

impl OwnedTape {
    pub fn tape(&self) -> Tape<'_> {
        Tape::new(&self.words, &self.numbers, &self.bytes)
    }
}

/// Lays `value` out as the JS binding would when no rule is known (for
/// native tests and the fuzz targets: the same rules must give the same
/// answer from either input).
pub fn write(value: &Value) -> OwnedTape {
    let mut tape = OwnedTape::default();
    write_value(&mut tape, value, Place::Plain, false);
    tape
}

/// Lays `value` out as the JS binding does for a value checked as `shape`
/// (what a validator or parser checks, a builder's params when the
/// endpoint has a body): a string that no rule at its place reads
/// ([`Rule::reads_text`]), or that lies inside a value whose rule reads
/// none, goes by its length alone.
pub fn write_checked(value: &Value, shape: &'static Shape) -> OwnedTape {
    let mut tape = OwnedTape::default();
    write_value(&mut tape, value, Place::Shape(shape), true);
    tape
}

/// What the rules expect at a place.
#[derive(Clone, Copy)]
enum Place {
    Shape(&'static Shape),
    ArrayOf(&'static Shape),
    Plain,
}

fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

fn write_text(tape: &mut OwnedTape, text: &str) {
    tape.words.push(count(tape.bytes.len()));
    tape.words.push(count(text.len()));
    tape.bytes.extend_from_slice(text.as_bytes());
}

/// Writes `value` at `place`; `uncopied`: its strings (and theirs) need
/// not have their text on the tape.
fn write_value(tape: &mut OwnedTape, value: &Value, place: Place, uncopied: bool) {
    match value {
        Value::Null => tape.words.push(NULL),
        Value::Bool(b) => tape.words.push(if *b { TRUE } else { FALSE }),
        Value::Number(n) => {
            tape.words.extend([NUMBER, count(tape.numbers.len())]);
            tape.numbers.push(*n);
        }
        Value::String(text) if uncopied => {
            tape.words.extend([UNCOPIED_STRING, count(text.encode_utf16().count())]);
        }
        Value::String(text) => {
            tape.words.push(STRING);
            write_text(tape, text);
        }
        Value::Foreign(foreign) => {
            let code = FOREIGN_CODES.iter().position(|f| f == foreign).unwrap_or(6);
            tape.words.extend([FOREIGN, count(code)]);
        }
        Value::Array(items) => {
            let start = tape.words.len();
            tape.words.extend([ARRAY, count(items.len()), 0]);
            let item_place =
                if let Place::ArrayOf(shape) = place { Place::Shape(shape) } else { Place::Plain };
            for item in items {
                write_value(tape, item, item_place, uncopied);
            }
            tape.words[start + 2] = count(tape.words.len());
        }
        Value::Object(entries) => {
            let start = tape.words.len();
            tape.words.extend([OBJECT, count(entries.len()), 0]);
            for (key, item) in entries {
                if matches!(item, Value::Foreign(Foreign::IllFormedKey)) {
                    tape.words.extend([-1, 0]);
                } else {
                    write_text(tape, key);
                }
                let declared = match place {
                    Place::Shape(shape) => shape.fields.iter().find(|f| f.key == key),
                    _ => None,
                };
                match declared.map(|f| f.rule) {
                    Some(rule) => {
                        let place = match rule {
                            Rule::Nested(next) => Place::Shape(next()),
                            Rule::ArrayOf(next) => Place::ArrayOf(next()),
                            _ => Place::Plain,
                        };
                        write_value(tape, item, place, uncopied && !rule.reads_text());
                    }
                    None => write_value(tape, item, Place::Plain, uncopied),
                }
            }
            tape.words[start + 2] = count(tape.words.len());
        }
    }
}
