//! The walk that every rule shares: where we are (the path) and what went
//! wrong so far (the issues). Rules read fields through it and keep going
//! after a problem, so one call reports every problem in the input.

use crate::enums::*;
use crate::issue::{Format, FormatProblem, Issue, IssueKind, PathSegment};
use crate::suggestion::suggest;
use crate::timestamp::is_timestamp;
use crate::value::{Foreign, Value, MAX_DEPTH};

/// One borrowed step of the current path; owned only when an issue needs it.
#[derive(Clone, Copy)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

pub(crate) struct Checker<'a> {
    path: Vec<Step<'a>>,
    issues: Vec<Issue>,
}

/// An object's own properties, with `undefined` ones counted as absent.
pub(crate) type Entries = [(String, Value)];

/// The property `key` of `entries`, unless absent or `undefined`.
pub(crate) fn field<'v>(entries: &'v Entries, key: &str) -> Option<&'v Value> {
    entries
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
        .filter(|v| !matches!(v, Value::Foreign(Foreign::Undefined)))
}

/// Whether a key must be there.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Presence {
    Required,
    Optional,
}

/// What a text field must hold.
#[derive(Clone, Copy)]
pub(crate) enum TextForm {
    Any,
    NonEmpty,
    Timestamp,
}

/// The enums that rules can check a string against.
pub(crate) trait DocumentedEnum: Sized + Copy {
    const VALUES: &'static [&'static str];
    fn from_exact(text: &str) -> Option<Self>;
}

macro_rules! documented_enum {
    ($($name:ident),*) => {$(
        impl DocumentedEnum for $name {
            const VALUES: &'static [&'static str] = $name::VALUES;
            fn from_exact(text: &str) -> Option<Self> { $name::from_exact(text) }
        }
    )*};
}
documented_enum!(WorkspaceElementType, ModelId, AgentName, AgentSessionStatus, AgentSessionState);

impl<'a> Checker<'a> {
    /// A walk whose paths start at `prefix` (e.g. `["options"]`).
    pub(crate) fn new(prefix: &[&'a str]) -> Self {
        Checker { path: prefix.iter().map(|k| Step::Key(k)).collect(), issues: Vec::new() }
    }

    /// `Ok(value)` if the walk found no problem, else every issue found.
    pub(crate) fn finish<T>(self, value: Option<T>) -> Result<T, Vec<Issue>> {
        match value {
            Some(value) if self.issues.is_empty() => Ok(value),
            _ => Err(self.issues),
        }
    }

    /// Issues found so far (for rules that combine walks).
    pub(crate) fn into_issues(self) -> Vec<Issue> {
        self.issues
    }

    pub(crate) fn report(&mut self, kind: IssueKind) {
        let path = self
            .path
            .iter()
            .map(|step| match step {
                Step::Key(key) => PathSegment::Key((*key).to_owned()),
                Step::Index(index) => PathSegment::Index(*index),
            })
            .collect();
        self.issues.push(Issue::new(kind, path));
    }

    /// Goes one key deeper until the matching [`Checker::leave`].
    pub(crate) fn enter_key(&mut self, key: &'a str) {
        self.path.push(Step::Key(key));
    }

    pub(crate) fn leave(&mut self) {
        self.path.pop();
    }

    /// Runs `rule` one key deeper.
    pub(crate) fn at_key<R>(&mut self, key: &'a str, rule: impl FnOnce(&mut Self) -> R) -> R {
        self.path.push(Step::Key(key));
        let result = rule(self);
        self.path.pop();
        result
    }

    /// Runs `rule` one array index deeper.
    pub(crate) fn at_index<R>(&mut self, index: usize, rule: impl FnOnce(&mut Self) -> R) -> R {
        self.path.push(Step::Index(index));
        let result = rule(self);
        self.path.pop();
        result
    }

    fn wrong_type(&mut self, expected: &'static str, found: &Value) {
        match found {
            Value::Foreign(Foreign::TooDeep) => self.report(too_deep()),
            Value::Foreign(Foreign::IllFormedString) if expected == "string" => self.report(lone_surrogate()),
            _ => self.report(IssueKind::InvalidType { expected, received: found.kind_name() }),
        }
    }

    /// The field `key` of `entries`: `Some(None)` when absent and optional,
    /// `Some(Some(value))` when present (the caller checks it), `None` when
    /// a required key is absent (reported here, as `expected` missing).
    fn presence(
        &mut self,
        entries: &'a Entries,
        key: &'a str,
        presence: Presence,
        expected: &'static str,
    ) -> Option<Option<&'a Value>> {
        match field(entries, key) {
            Some(value) => Some(Some(value)),
            None if presence == Presence::Optional => Some(None),
            None => {
                self.enter_key(key);
                self.report(IssueKind::InvalidType { expected, received: "undefined" });
                self.leave();
                None
            }
        }
    }

    /// A text field (see [`Checker::presence`] for the nesting).
    pub(crate) fn text_field(
        &mut self,
        entries: &'a Entries,
        key: &'a str,
        presence: Presence,
        form: TextForm,
    ) -> Option<Option<String>> {
        let Some(value) = self.presence(entries, key, presence, "string")? else { return Some(None) };
        self.enter_key(key);
        let text = match form {
            TextForm::Any => self.string(value),
            TextForm::NonEmpty => self.non_empty_string(value),
            TextForm::Timestamp => self.timestamp(value),
        };
        self.leave();
        text.map(|text| Some(text.to_owned()))
    }

    /// An optional field checked by `rule`: `Some(None)` when absent,
    /// `Some(Some(v))` when good, `None` when present and bad (reported).
    pub(crate) fn optional_field<T>(
        &mut self,
        entries: &'a Entries,
        key: &'a str,
        rule: impl FnOnce(&mut Self, &'a Value) -> Option<T>,
    ) -> Option<Option<T>> {
        match field(entries, key) {
            None => Some(None),
            Some(value) => self.at_key(key, |c| rule(c, value)).map(Some),
        }
    }

    /// A boolean field.
    pub(crate) fn boolean_field(
        &mut self,
        entries: &'a Entries,
        key: &'a str,
        presence: Presence,
    ) -> Option<Option<bool>> {
        let Some(value) = self.presence(entries, key, presence, "boolean")? else { return Some(None) };
        self.enter_key(key);
        let boolean = self.boolean(value);
        self.leave();
        boolean.map(Some)
    }

    /// A field holding one of an enum's documented values.
    pub(crate) fn enum_field<E: DocumentedEnum>(
        &mut self,
        entries: &'a Entries,
        key: &'a str,
        presence: Presence,
    ) -> Option<Option<E>> {
        let Some(value) = self.presence(entries, key, presence, "string")? else { return Some(None) };
        self.enter_key(key);
        let found = self.enumeration(value);
        self.leave();
        found.map(Some)
    }

    /// The value of a required key; reports it missing.
    pub(crate) fn required<'v>(
        &mut self,
        value: Option<&'v Value>,
        expected: &'static str,
    ) -> Option<&'v Value> {
        if value.is_none() {
            self.report(IssueKind::InvalidType { expected, received: "undefined" });
        }
        value
    }

    /// An object's properties.
    pub(crate) fn object<'v>(&mut self, value: &'v Value) -> Option<&'v Entries> {
        match value {
            Value::Object(entries) => Some(entries),
            other => {
                self.wrong_type("object", other);
                None
            }
        }
    }

    /// An array's items.
    pub(crate) fn array<'v>(&mut self, value: &'v Value) -> Option<&'v [Value]> {
        match value {
            Value::Array(items) => Some(items),
            other => {
                self.wrong_type("array", other);
                None
            }
        }
    }

    /// Reports each key of `entries` that is not in `known`, with a
    /// suggestion when it looks like a typo of a known one.
    pub(crate) fn unknown_keys(&mut self, entries: &Entries, known: &'static [&'static str]) {
        for (key, value) in entries {
            if matches!(value, Value::Foreign(Foreign::IllFormedKey)) {
                self.report(lone_surrogate());
                continue;
            }
            if matches!(value, Value::Foreign(Foreign::Undefined)) || known.contains(&key.as_str()) {
                continue;
            }
            let suggestion = suggest(key, known);
            self.report(IssueKind::UnrecognizedKeys { keys: vec![key.clone()], suggestion });
        }
    }

    /// A string, any length.
    pub(crate) fn string<'v>(&mut self, value: &'v Value) -> Option<&'v str> {
        match value {
            Value::String(text) => Some(text),
            other => {
                self.wrong_type("string", other);
                None
            }
        }
    }

    /// A string of at least one code point (any non-empty string).
    pub(crate) fn non_empty_string<'v>(&mut self, value: &'v Value) -> Option<&'v str> {
        let text = self.string(value)?;
        if text.is_empty() {
            self.report(IssueKind::TooSmall { minimum: 1, origin: "string" });
            return None;
        }
        Some(text)
    }

    pub(crate) fn boolean(&mut self, value: &Value) -> Option<bool> {
        match value {
            Value::Bool(b) => Some(*b),
            other => {
                self.wrong_type("boolean", other);
                None
            }
        }
    }

    pub(crate) fn finite_number(&mut self, value: &Value) -> Option<f64> {
        match value {
            Value::Number(n) if n.is_finite() => Some(*n),
            Value::Number(_) => {
                self.report(IssueKind::InvalidType {
                    expected: "finite number",
                    received: value.kind_name(),
                });
                None
            }
            other => {
                self.wrong_type("number", other);
                None
            }
        }
    }

    /// One of a documented enum's values. Like Zod, anything else — a
    /// non-string included — is `invalid_value`.
    pub(crate) fn enumeration<E: DocumentedEnum>(&mut self, value: &Value) -> Option<E> {
        if let Value::String(text) = value {
            if let Some(found) = E::from_exact(text) {
                return Some(found);
            }
        }
        let suggestion = match value {
            Value::String(text) => suggest(text, E::VALUES),
            _ => None,
        };
        self.report(IssueKind::InvalidValue { values: E::VALUES, suggestion });
        None
    }

    /// A Timestamp string (the documented pattern).
    pub(crate) fn timestamp<'v>(&mut self, value: &'v Value) -> Option<&'v str> {
        let text = self.string(value)?;
        if !is_timestamp(text) {
            self.report(IssueKind::InvalidFormat {
                format: Format::Datetime,
                problem: FormatProblem::NotATimestamp,
            });
            return None;
        }
        Some(text)
    }

    /// Any JSON value (`null` included) that `JSON.stringify` carries
    /// faithfully; reports every part that it would not.
    pub(crate) fn json(&mut self, value: &'a Value) -> Option<Value> {
        let before = self.issues.len();
        self.json_at_depth(value, 0);
        (self.issues.len() == before).then(|| value.clone())
    }

    fn json_at_depth(&mut self, value: &'a Value, depth: usize) {
        match value {
            Value::Null | Value::Bool(_) | Value::String(_) => {}
            Value::Number(n) if n.is_finite() => {}
            Value::Number(_) => {
                self.report(IssueKind::InvalidType { expected: "finite number", received: value.kind_name() })
            }
            Value::Foreign(Foreign::TooDeep) => self.report(too_deep()),
            Value::Foreign(Foreign::IllFormedString) => self.report(lone_surrogate()),
            Value::Foreign(foreign) => {
                self.report(IssueKind::InvalidType { expected: "json", received: foreign.kind_name() })
            }
            Value::Array(_) | Value::Object(_) if depth >= MAX_DEPTH => self.report(too_deep()),
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    self.at_index(index, |c| c.json_at_depth(item, depth + 1));
                }
            }
            Value::Object(entries) => {
                for (key, item) in entries {
                    match item {
                        Value::Foreign(Foreign::Undefined) => {}
                        // A key that cannot be copied exactly: reported at
                        // the object, since the key cannot be named.
                        Value::Foreign(Foreign::IllFormedKey) => self.report(lone_surrogate()),
                        _ => self.at_key(key, |c| c.json_at_depth(item, depth + 1)),
                    }
                }
            }
        }
    }
}

fn too_deep() -> IssueKind {
    IssueKind::TooBig { maximum: MAX_DEPTH as u32, origin: "depth" }
}

fn lone_surrogate() -> IssueKind {
    IssueKind::InvalidFormat { format: Format::WellFormedUnicode, problem: FormatProblem::LoneSurrogate }
}
