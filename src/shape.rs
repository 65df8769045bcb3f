//! One declaration per shape.
//!
//! Every object the API exchanges (the create request, a session, each
//! lifecycle params object, the list page, the interrupt answer) is declared
//! once with [`shape!`]: each field's Rust name and type, its JSON key, whether
//! it is required, and its [`Rule`]. From that one table come
//! - the Rust struct and its TypeScript type (tsify);
//! - the checks, with issue paths ([`check_shape`], generic over the table);
//! - the key order of answers and bodies, and the unknown-key rule;
//! - the JSON Schema ([`crate::json_schema`]).

use crate::checker::{Checker, MAX_ISSUES};
use crate::input::{same_key, Input, Kind};
use crate::issue::Issue;
use crate::value::Value;

/// What a field's value must be. One variant per kind of row in SPEC's
/// tables; the checks for each live in [`crate::checker`].
#[derive(Clone, Copy, Debug)]
pub enum Rule {
    /// A string of at least `min` code points (`0`: any string).
    Text {
        min: u32,
    },
    /// A string matching the documented Timestamp pattern.
    Timestamp,
    /// Exactly one of these strings.
    Enum(&'static [&'static str]),
    Boolean,
    /// An integer from `min` to `max`, both included.
    Integer {
        min: u32,
        max: u32,
    },
    FiniteNumber,
    /// Any JSON value, `null` included.
    Json,
    /// An object of any JSON values.
    JsonObject,
    /// An array of any JSON values.
    JsonArray,
    /// A non-empty string sent as one URL path segment (not `.` or `..`).
    PathSegment,
    /// An array whose items are each of this shape.
    ArrayOf(fn() -> &'static Shape),
    /// An object of this shape.
    Nested(fn() -> &'static Shape),
}

impl Rule {
    /// Whether the rule reads a string's text, not only whether it is
    /// empty. Where it does not, the JS binding may leave a string's text
    /// out of the tape ([`crate::input::Kind::UncopiedString`]), and so may
    /// inside a value the rule holds (a `Json` value's strings).
    pub fn reads_text(self) -> bool {
        match self {
            Rule::Text { min } => min > 1,
            Rule::Timestamp | Rule::Enum(_) | Rule::PathSegment => true,
            Rule::Boolean
            | Rule::Integer { .. }
            | Rule::FiniteNumber
            | Rule::Json
            | Rule::JsonObject
            | Rule::JsonArray
            | Rule::ArrayOf(_)
            | Rule::Nested(_) => false,
        }
    }
}

/// Whether a key must be there, and what stands in when it is not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    Required,
    Optional,
    /// Optional; this value is filled in when the key is absent.
    Default(&'static str),
}

/// One row of a shape's table.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    /// The JSON key.
    pub key: &'static str,
    pub presence: Presence,
    pub rule: Rule,
}

/// What to do with a key the table does not list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnknownKeys {
    /// Report it (`unrecognized_keys`): requests and params, so that a typo
    /// is caught instead of silently dropped.
    Refuse,
    /// Leave it out of the answer: responses (servers add fields).
    Drop,
}

/// A declared object shape.
#[derive(Debug)]
pub struct Shape {
    /// The type's name (the TypeScript type and the JSON Schema `$defs` key).
    pub name: &'static str,
    pub fields: &'static [Field],
    /// The same keys as `fields`, in the same order (for suggestions).
    pub keys: &'static [&'static str],
    pub unknown_keys: UnknownKeys,
}

impl Shape {
    /// Whether `other` is this shape. By name too: a `const` has no one
    /// address (each use may be its own copy), and names are unique
    /// (`tests/shapes.rs`).
    pub fn is(&self, other: &Shape) -> bool {
        std::ptr::eq(self, other) || self.name == other.name
    }
}

/// Every declared shape. A shape's index here is its number where the JS
/// binding refers to it, and a declared key's number on a tape is
/// `index * KEYS_PER_SHAPE + field` (see `src/tape.rs`).
pub const SHAPES: [&Shape; 10] = [
    &crate::request::CreateAgentSession::SHAPE,
    &crate::request::PromptAttachment::SHAPE,
    &crate::response::AgentSession::SHAPE,
    &crate::response::ErrorData::SHAPE,
    &crate::response::AgentSessionList::SHAPE,
    &crate::response::InterruptAgentSessionResponse::SHAPE,
    &crate::params::GetAgentSessionParams::SHAPE,
    &crate::params::ListAgentSessionsParams::SHAPE,
    &crate::params::SendAgentSessionMessageParams::SHAPE,
    &crate::params::InterruptAgentSessionParams::SHAPE,
];

/// Room for each shape's keys in the numbering of declared keys.
pub const KEYS_PER_SHAPE: usize = 32;

/// The index of `shape` in [`SHAPES`] (see [`Shape::is`]).
pub fn shape_index(shape: &Shape) -> usize {
    SHAPES.iter().position(|s| s.is(shape)).unwrap_or(0)
}

/// The declared key numbered `id` (see [`SHAPES`]).
pub fn declared_key(id: usize) -> Option<&'static str> {
    SHAPES.get(id / KEYS_PER_SHAPE)?.keys.get(id % KEYS_PER_SHAPE).copied()
}

/// Checks `value` against `shape`, reporting every problem at its path.
/// Returns whether it passed.
pub(crate) fn check_shape<'a, I: Input<'a>>(c: &mut Checker<'a>, value: I, shape: &'static Shape) -> bool {
    let Some(entries) = c.object(value) else { return false };
    // Each declared key's value goes to its field's slot. Shapes that nest
    // (ErrorData) are small: their slots stay on the stack, and a long
    // chain of them costs little of it.
    if shape.fields.len() <= SMALL {
        check_fields::<I>(c, entries, shape, &mut [None; SMALL])
    } else {
        check_fields::<I>(c, entries, shape, &mut vec![None; shape.fields.len()])
    }
}

/// Shapes of up to this many fields are checked without allocating.
const SMALL: usize = 8;

fn check_fields<'a, I: Input<'a>>(
    c: &mut Checker<'a>,
    entries: I::Entries,
    shape: &'static Shape,
    slots: &mut [Option<I>],
) -> bool {
    // One pass over the properties (they usually come in declared order:
    // the next field is tried first).
    let mut unknown = false;
    let mut next = 0;
    for (key, item) in entries.clone() {
        if item.is_undefined() {
            continue;
        }
        let at = match shape.keys.get(next) {
            Some(expected) if same_key(expected, key) => Some(next),
            _ => shape.keys.iter().position(|k| same_key(k, key)),
        };
        match at.and_then(|at| slots.get_mut(at).map(|slot| (at, slot))) {
            Some((at, slot)) => {
                *slot = Some(item);
                next = at + 1;
            }
            None => unknown = true,
        }
    }
    let mut good = true;
    for (f, slot) in shape.fields.iter().zip(slots.iter()) {
        good &= match *slot {
            Some(value) => c.at_field(f.key, |c| check_rule(c, value, f.rule)),
            None if f.presence == Presence::Required => {
                c.at_field(f.key, |c| c.missing(f.rule));
                false
            }
            None => true,
        };
    }
    if shape.unknown_keys == UnknownKeys::Refuse && unknown {
        good &= c.unknown_keys::<I>(entries, shape.keys);
    }
    good
}

fn check_rule<'a, I: Input<'a>>(c: &mut Checker<'a>, value: I, rule: Rule) -> bool {
    match rule {
        Rule::Text { min } => c.text(value, min),
        Rule::Timestamp => c.timestamp(value).is_some(),
        Rule::Enum(values) => c.one_of(value, values).is_some(),
        Rule::Boolean => c.boolean(value).is_some(),
        Rule::Integer { min, max } => c.integer(value, min, max).is_some(),
        Rule::FiniteNumber => c.finite_number(value).is_some(),
        Rule::Json => c.json(value),
        Rule::JsonObject => c.object(value).is_some() && c.json(value),
        Rule::JsonArray => c.array(value).is_some() && c.json(value),
        Rule::PathSegment => c.path_segment(value).is_some(),
        Rule::ArrayOf(shape) => {
            let Some(items) = c.array(value) else { return false };
            let mut good = true;
            for (index, item) in items.enumerate() {
                if c.found() > MAX_ISSUES {
                    // Enough to list: the rest is not looked at.
                    c.not_read();
                    return false;
                }
                good &= c.at_index(index, |c| check_shape(c, item, shape()));
            }
            good
        }
        Rule::Nested(shape) => check_shape(c, value, shape()),
    }
}

/// A type declared with [`shape!`].
pub trait Declared: FromChecked {
    fn declared() -> &'static Shape;

    /// The JSON object of this value, keys in declared order, the key
    /// `except` left out (a message body is its params less `id`).
    fn write_json_except<N: crate::json_text::NumberText>(
        &self,
        w: &mut crate::json_text::JsonWriter<N>,
        except: &str,
    );
}

/// Checks `input` against the declared shape `T`, every problem with its
/// path below `prefix`, and reads it into `T`.
pub fn check<T: Declared>(input: &Value, prefix: &[&'static str]) -> Result<T, Vec<Issue>> {
    check_input(input, prefix)
}

/// [`check`] for any [`Input`] (a `Value` tree or a tape).
pub fn check_input<'a, T: Declared, I: Input<'a>>(
    input: I,
    prefix: &[&'static str],
) -> Result<T, Vec<Issue>> {
    let mut checker = Checker::new(prefix);
    let good = check_shape(&mut checker, input, T::declared());
    checker.finish(if good { T::from_checked(input) } else { None })
}

/// Whether `input` passes the declared shape `T`, and its issues if not
/// (without reading it into `T`: the JS binding answers from its own copy).
pub fn check_only<'a, I: Input<'a>>(input: I, shape: &'static Shape) -> Result<(), Vec<Issue>> {
    let mut checker = Checker::new(&[]);
    let good = check_shape(&mut checker, input, shape);
    checker.finish(good.then_some(()))
}

/// Reads a checked value into its Rust type (only called after
/// [`check_shape`] passed, so every conversion succeeds; `None` otherwise).
pub trait FromChecked: Sized {
    fn from_checked<'a, I: Input<'a>>(value: I) -> Option<Self>;
}

impl FromChecked for String {
    fn from_checked<'a, I: Input<'a>>(value: I) -> Option<Self> {
        match value.kind() {
            Kind::String(text) => Some(text.to_owned()),
            _ => None,
        }
    }
}

impl FromChecked for bool {
    fn from_checked<'a, I: Input<'a>>(value: I) -> Option<Self> {
        match value.kind() {
            Kind::Bool(b) => Some(b),
            _ => None,
        }
    }
}

impl FromChecked for f64 {
    fn from_checked<'a, I: Input<'a>>(value: I) -> Option<Self> {
        match value.kind() {
            Kind::Number(n) => Some(n),
            _ => None,
        }
    }
}

impl FromChecked for u32 {
    fn from_checked<'a, I: Input<'a>>(value: I) -> Option<Self> {
        match value.kind() {
            Kind::Number(n) if n.fract() == 0.0 && n >= 0.0 && n <= f64::from(u32::MAX) => Some(n as u32),
            _ => None,
        }
    }
}

impl FromChecked for Value {
    fn from_checked<'a, I: Input<'a>>(value: I) -> Option<Self> {
        Some(value.to_value())
    }
}

/// An object of any JSON values, entries in the caller's order.
impl FromChecked for Vec<(String, Value)> {
    fn from_checked<'a, I: Input<'a>>(value: I) -> Option<Self> {
        match value.kind() {
            Kind::Object(entries) => Some(entries.map(|(k, v)| (k.to_owned(), v.to_value())).collect()),
            _ => None,
        }
    }
}

impl<T: FromChecked> FromChecked for Vec<T> {
    fn from_checked<'a, I: Input<'a>>(value: I) -> Option<Self> {
        match value.kind() {
            Kind::Array(items) => items.map(T::from_checked).collect(),
            _ => None,
        }
    }
}

impl<T: FromChecked> FromChecked for Box<T> {
    fn from_checked<'a, I: Input<'a>>(value: I) -> Option<Self> {
        T::from_checked(value).map(Box::new)
    }
}

/// Declares a shape: the struct (with its TypeScript type), its table, its
/// reader from a checked value and its JSON writer, all from one list.
///
/// Each field is one line: `rust_name: RustType = "jsonKey", presence, rule;`
/// where presence is `required`, `optional` (the type is then `Option<_>`
/// and the line carries `#[tsify(optional)]`) or `default("value")`.
macro_rules! shape {
    (
        $(#[$meta:meta])*
        pub struct $name:ident ($unknown:ident) {
            $(
                $(#[$fmeta:meta])*
                $field:ident : $ty:ty = $key:literal, $presence:ident $(($default:literal))?, $rule:expr;
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, tsify::Tsify)]
        pub struct $name {
            $( $(#[$fmeta])* #[serde(rename = $key)] pub $field: $ty, )*
        }

        impl $name {
            /// This shape's declaration.
            pub const SHAPE: $crate::shape::Shape = $crate::shape::Shape {
                name: stringify!($name),
                fields: &[ $( $crate::shape::Field {
                    key: $key,
                    presence: shape!(@presence $presence $($default)?),
                    rule: $rule,
                }, )* ],
                keys: &[ $( $key, )* ],
                unknown_keys: $crate::shape::UnknownKeys::$unknown,
            };

            /// This shape's declaration, for rules that refer to it.
            pub fn shape() -> &'static $crate::shape::Shape {
                &Self::SHAPE
            }
        }

        impl $crate::shape::Declared for $name {
            fn declared() -> &'static $crate::shape::Shape {
                &Self::SHAPE
            }

            fn write_json_except<N: $crate::json_text::NumberText>(
                &self,
                w: &mut $crate::json_text::JsonWriter<N>,
                except: &str,
            ) {
                let mut o = w.object();
                $( if $key != except { shape!(@write $presence, o, self.$field, $key); } )*
                o.end();
            }
        }

        impl $crate::shape::FromChecked for $name {
            fn from_checked<'a, I: $crate::input::Input<'a>>(value: I) -> Option<Self> {
                let $crate::input::Kind::Object(entries) = value.kind() else { return None };
                Some($name {
                    $( $field: shape!(@read $presence $($default)?, entries, $key), )*
                })
            }
        }

        impl $crate::json_text::ToJson for $name {
            fn write_json<N: $crate::json_text::NumberText>(&self, w: &mut $crate::json_text::JsonWriter<N>) {
                $crate::shape::Declared::write_json_except(self, w, "");
            }
        }
    };

    (@presence required) => { $crate::shape::Presence::Required };
    (@presence optional) => { $crate::shape::Presence::Optional };
    (@presence default $default:literal) => { $crate::shape::Presence::Default($default) };

    (@read required, $entries:ident, $key:literal) => {
        $crate::shape::FromChecked::from_checked($crate::checker::field::<I>($entries.clone(), $key)?)?
    };
    (@read optional, $entries:ident, $key:literal) => {
        match $crate::checker::field::<I>($entries.clone(), $key) {
            None => None,
            Some(value) => Some($crate::shape::FromChecked::from_checked(value)?),
        }
    };
    (@read default $default:literal, $entries:ident, $key:literal) => {
        match $crate::checker::field::<I>($entries.clone(), $key) {
            None => $crate::shape::FromChecked::from_checked(&$crate::value::Value::String($default.into()))?,
            Some(value) => $crate::shape::FromChecked::from_checked(value)?,
        }
    };

    (@write optional, $o:ident, $value:expr, $key:literal) => {
        if let Some(value) = &$value {
            $crate::json_text::ToJson::write_json(value, $o.key($key));
        }
    };
    (@write $presence:ident, $o:ident, $value:expr, $key:literal) => {
        $crate::json_text::ToJson::write_json(&$value, $o.key($key));
    };
}
pub(crate) use shape;
