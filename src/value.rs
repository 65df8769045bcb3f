//! The input model: what a caller handed us, before any rule ran.
//!
//! It is JSON plus the few JavaScript things that JSON cannot carry, so that
//! the rules can report them at their path instead of the binding guessing.

/// A value as read from the caller (a JS value, or parsed JSON text).
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// Any double, NaN and infinities included (the rules reject those).
    Number(f64),
    String(String),
    Array(Vec<Value>),
    /// Own properties in the order JavaScript enumerates them. Keys are
    /// unique; a property whose value was `undefined` is not here at all.
    Object(Vec<(String, Value)>),
    /// Something JSON cannot carry faithfully.
    Foreign(Foreign),
}

/// The kinds of input that are not JSON values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Foreign {
    /// `undefined` where it cannot mean "absent" (an array element, the
    /// argument itself).
    Undefined,
    BigInt,
    Symbol,
    Function,
    /// An object that is not a plain object or array (a `Date`, a `Map`, a
    /// class instance): `JSON.stringify` would not keep it as it is.
    NonPlainObject,
    /// An object that contains itself.
    Cycle,
    /// Reading it threw (a getter, a proxy trap).
    Unreadable,
    /// Nested deeper than [`MAX_DEPTH`]; not read any further.
    TooDeep,
    /// A string with a lone UTF-16 surrogate, which UTF-8 cannot carry.
    IllFormedString,
    /// Stands in an object for a property whose *key* has a lone surrogate;
    /// the entry's key is only a lossy stand-in, never used in a path.
    IllFormedKey,
    /// The last item of an array whose reading stopped early: more than
    /// [`MAX_FOREIGN`] values that cannot be JSON were read already, so the
    /// answer is a failure anyway (a sparse array with a length of ten
    /// million must not take ten million reads).
    NotRead,
}

/// After this many values that are not JSON (each one an issue where the
/// rules look), a reader stops reading further array items.
pub const MAX_FOREIGN: usize = 100;

/// How many arrays and objects may nest inside one argument (or one JSON
/// text). Deeper input is reported, never followed: the limit keeps every
/// walk far from the 1 MB WebAssembly stack.
pub const MAX_DEPTH: usize = 1000;

impl Value {
    /// The name of this value's kind, as issues report it in `received`.
    pub fn kind_name(&self) -> &'static str {
        crate::input::Input::kind(self).name()
    }

    /// The object's property `key`, if this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

impl Foreign {
    /// The name of this kind, as issues report it in `received`.
    pub fn kind_name(self) -> &'static str {
        match self {
            Foreign::Undefined => "undefined",
            Foreign::BigInt => "bigint",
            Foreign::Symbol => "symbol",
            Foreign::Function => "function",
            Foreign::NonPlainObject => "non-plain object",
            Foreign::Cycle => "cycle",
            Foreign::Unreadable => "unreadable",
            Foreign::TooDeep => "too deep",
            Foreign::IllFormedString => "ill-formed string",
            Foreign::IllFormedKey => "ill-formed key",
            Foreign::NotRead => "not read",
        }
    }
}
