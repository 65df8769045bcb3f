//! What the rules read: any input that can say what kind of value sits at
//! each place. Two inputs implement it:
//! - [`Value`], the tree that native callers (and parsed JSON text) hand in;
//! - [`crate::tape::Node`], the flat tape the JS binding writes in one walk,
//!   read in place with no tree built.
//!
//! The checks ([`crate::checker`], [`crate::shape`]) are generic over it, so
//! each rule is written once whatever the input.

use crate::value::{Foreign, Value};

/// One place in an input: a cheap, copyable handle.
pub trait Input<'a>: Copy + 'a {
    /// An array's items, in order.
    type Items: Iterator<Item = Self> + Clone;
    /// An object's own properties in enumeration order: the key (a lossy
    /// stand-in when the value is [`Foreign::IllFormedKey`]) and the value.
    type Entries: Iterator<Item = (&'a str, Self)> + Clone;

    /// What is here.
    fn kind(self) -> Kind<'a, Self>;

    /// An owned copy (only for checked values that a Rust type keeps whole,
    /// such as an attachment's `data`).
    fn to_value(self) -> Value;

    /// Whether this is `undefined` (cheaper than [`Input::kind`] for some
    /// inputs: a property holding it counts as absent).
    fn is_undefined(self) -> bool {
        matches!(self.kind(), Kind::Foreign(Foreign::Undefined))
    }
}

/// Whether two keys are the same text. A declared key read from a tape is
/// the declaration's own `&'static str`, so the pointers often settle it.
pub(crate) fn same_key(a: &str, b: &str) -> bool {
    (a.as_ptr() == b.as_ptr() && a.len() == b.len()) || a == b
}

/// The kind of value at one place, with what the rules need of it.
pub enum Kind<'a, I: Input<'a>> {
    Null,
    Bool(bool),
    /// Any double, NaN and the infinities included.
    Number(f64),
    String(&'a str),
    /// A well-formed string whose text the JS binding left out of the
    /// tape, because no rule at its place reads more than whether it is
    /// empty ([`crate::shape::Rule::reads_text`]).
    UncopiedString {
        empty: bool,
    },
    Array(I::Items),
    Object(I::Entries),
    Foreign(Foreign),
}

impl<'a, I: Input<'a>> Kind<'a, I> {
    /// The name of this kind, as issues report it in `received`.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Bool(_) => "boolean",
            Kind::Number(n) if n.is_nan() => "NaN",
            Kind::Number(n) if *n == f64::INFINITY => "Infinity",
            Kind::Number(n) if *n == f64::NEG_INFINITY => "-Infinity",
            Kind::Number(_) => "number",
            Kind::String(_) | Kind::UncopiedString { .. } => "string",
            Kind::Array(_) => "array",
            Kind::Object(_) => "object",
            Kind::Foreign(foreign) => foreign.kind_name(),
        }
    }
}

fn entry(entry: &(String, Value)) -> (&str, &Value) {
    (&entry.0, &entry.1)
}

impl<'a> Input<'a> for &'a Value {
    type Items = std::slice::Iter<'a, Value>;
    type Entries = std::iter::Map<
        std::slice::Iter<'a, (String, Value)>,
        fn(&'a (String, Value)) -> (&'a str, &'a Value),
    >;

    fn kind(self) -> Kind<'a, Self> {
        match self {
            Value::Null => Kind::Null,
            Value::Bool(b) => Kind::Bool(*b),
            Value::Number(n) => Kind::Number(*n),
            Value::String(text) => Kind::String(text),
            Value::Array(items) => Kind::Array(items.iter()),
            Value::Object(entries) => Kind::Object(entries.iter().map(entry as fn(_) -> _)),
            Value::Foreign(foreign) => Kind::Foreign(*foreign),
        }
    }

    fn to_value(self) -> Value {
        self.clone()
    }
}

/// The property `key` of an object's entries, unless absent or `undefined`.
pub(crate) fn field<'a, I: Input<'a>>(entries: I::Entries, key: &str) -> Option<I> {
    entries.filter(|(k, _)| same_key(k, key)).map(|(_, v)| v).find(|v| !v.is_undefined())
}
