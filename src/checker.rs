//! The walk that every rule shares: where we are (the path) and what went
//! wrong so far (the issues). Rules read fields through it and keep going
//! after a problem, so one call reports every problem in the input.

use std::borrow::Cow;

use crate::input::{Input, Kind};
use crate::issue::{Format, FormatProblem, Issue, IssueKind, PathSegment};
use crate::shape::Rule;
use crate::suggestion::suggest;
use crate::timestamp::is_timestamp;
use crate::value::{Foreign, MAX_DEPTH};

pub(crate) use crate::input::field;

/// One borrowed step of the current path; an input's key is copied only
/// when an issue needs it, a declared key never.
#[derive(Clone, Copy)]
enum Step<'a> {
    /// A key of the input.
    Key(&'a str),
    /// A key the program declares (copied into no issue's path).
    Field(&'static str),
    Index(usize),
}

pub(crate) struct Checker<'a> {
    path: Vec<Step<'a>>,
    issues: Vec<Issue>,
    /// Every problem found, listed or not (at most [`MAX_ISSUES`] are).
    found: usize,
    /// Part of the input was not read (see [`Foreign::NotRead`]).
    not_read: bool,
}

/// At most this many issues are listed; one last issue then says how many
/// more were found, so that hostile input costs bounded memory.
pub const MAX_ISSUES: usize = 100;

impl<'a> Checker<'a> {
    /// A walk whose paths start at `prefix` (e.g. `["options"]`).
    pub(crate) fn new(prefix: &[&'static str]) -> Self {
        Checker {
            // Room for the usual depth, so that a walk allocates its path once.
            path: {
                let mut path = Vec::with_capacity(prefix.len() + 8);
                path.extend(prefix.iter().map(|k| Step::Field(k)));
                path
            },
            issues: Vec::new(),
            found: 0,
            not_read: false,
        }
    }

    /// `Ok(value)` if the walk found no problem, else every issue found.
    pub(crate) fn finish<T>(self, value: Option<T>) -> Result<T, Vec<Issue>> {
        match value {
            Some(value) if self.found == 0 && !self.not_read => Ok(value),
            _ => Err(self.into_issues()),
        }
    }

    /// Issues found so far (for rules that combine walks), with the summary
    /// issue last when some were not listed.
    pub(crate) fn into_issues(mut self) -> Vec<Issue> {
        let omitted = self.found - self.issues.len();
        if omitted > 0 || self.not_read {
            let kind = IssueKind::TooManyIssues {
                maximum: MAX_ISSUES as u32,
                omitted: omitted as u32,
                read_all: !self.not_read,
            };
            self.issues.push(Issue::new(kind, Vec::new()));
        }
        self.issues
    }

    /// How many problems were found so far (listed or not).
    pub(crate) fn found(&self) -> usize {
        self.found
    }

    pub(crate) fn report(&mut self, kind: IssueKind) {
        self.found += 1;
        if self.issues.len() >= MAX_ISSUES {
            return;
        }
        let path = self
            .path
            .iter()
            .map(|step| match step {
                Step::Key(key) => PathSegment::Key(Cow::Owned((*key).to_owned())),
                Step::Field(key) => PathSegment::Key(Cow::Borrowed(key)),
                Step::Index(index) => PathSegment::Index(*index),
            })
            .collect();
        self.issues.push(Issue::new(kind, path));
    }

    /// Runs `rule` one key of the input deeper.
    pub(crate) fn at_key<R>(&mut self, key: &'a str, rule: impl FnOnce(&mut Self) -> R) -> R {
        self.at(Step::Key(key), rule)
    }

    /// Runs `rule` one declared key deeper.
    pub(crate) fn at_field<R>(&mut self, key: &'static str, rule: impl FnOnce(&mut Self) -> R) -> R {
        self.at(Step::Field(key), rule)
    }

    fn at<R>(&mut self, step: Step<'a>, rule: impl FnOnce(&mut Self) -> R) -> R {
        self.path.push(step);
        let result = rule(self);
        self.path.pop();
        result
    }

    /// Runs `rule` one array index deeper.
    pub(crate) fn at_index<R>(&mut self, index: usize, rule: impl FnOnce(&mut Self) -> R) -> R {
        self.at(Step::Index(index), rule)
    }

    fn wrong_type<I: Input<'a>>(&mut self, expected: &'static str, found: &Kind<'a, I>) {
        match found {
            Kind::Foreign(Foreign::TooDeep) => self.report(too_deep()),
            Kind::Foreign(Foreign::NotRead) => self.not_read(),
            Kind::Foreign(Foreign::IllFormedString) if expected == "string" => self.report(lone_surrogate()),
            _ => self.report(IssueKind::InvalidType { expected, received: found.name() }),
        }
    }

    /// The value of a required key; reports it missing.
    pub(crate) fn required<I: Input<'a>>(&mut self, value: Option<I>, expected: &'static str) -> Option<I> {
        if value.is_none() {
            self.report(IssueKind::InvalidType { expected, received: "undefined" });
        }
        value
    }

    /// An object's properties.
    pub(crate) fn object<I: Input<'a>>(&mut self, value: I) -> Option<I::Entries> {
        match value.kind() {
            Kind::Object(entries) => Some(entries),
            other => {
                self.wrong_type("object", &other);
                None
            }
        }
    }

    /// An array's items.
    pub(crate) fn array<I: Input<'a>>(&mut self, value: I) -> Option<I::Items> {
        match value.kind() {
            Kind::Array(items) => Some(items),
            other => {
                self.wrong_type("array", &other);
                None
            }
        }
    }

    /// Reports a required key that is absent, as the type its rule expects
    /// with `received: "undefined"`.
    pub(crate) fn missing(&mut self, rule: Rule) {
        let expected = match rule {
            Rule::Text { .. } | Rule::Timestamp | Rule::Enum(_) | Rule::PathSegment => "string",
            Rule::Boolean => "boolean",
            Rule::Integer { .. } => "int",
            Rule::FiniteNumber => "number",
            Rule::Json => "json",
            Rule::JsonObject | Rule::Nested(_) => "object",
            Rule::JsonArray | Rule::ArrayOf(_) => "array",
        };
        self.report(IssueKind::InvalidType { expected, received: "undefined" });
    }

    /// Reports each key of `entries` that is not in `known`, with a
    /// suggestion when it looks like a typo of a known one. Returns whether
    /// there was none.
    pub(crate) fn unknown_keys<I: Input<'a>>(
        &mut self,
        entries: I::Entries,
        known: &'static [&'static str],
    ) -> bool {
        let before = self.found;
        for (key, value) in entries {
            match value.kind() {
                Kind::Foreign(Foreign::IllFormedKey) => {
                    self.report(lone_surrogate());
                    continue;
                }
                Kind::Foreign(Foreign::Undefined) => continue,
                _ if known.contains(&key) => continue,
                _ => {}
            }
            let suggestion = suggest(key, known);
            self.report(IssueKind::UnrecognizedKeys { keys: vec![key.to_owned()], suggestion });
        }
        self.found == before
    }

    /// A string, any length.
    pub(crate) fn string<I: Input<'a>>(&mut self, value: I) -> Option<&'a str> {
        match value.kind() {
            Kind::String(text) => Some(text),
            // A rule that reads the text never gets one left out
            // (`Rule::reads_text`); were it to, it could not read it.
            Kind::UncopiedString { .. } => {
                self.wrong_type("string", &Kind::<I>::Foreign(Foreign::Unreadable));
                None
            }
            other => {
                self.wrong_type("string", &other);
                None
            }
        }
    }

    /// A string of at least `min` code points (SPEC counts code points;
    /// nothing is trimmed).
    pub(crate) fn text<I: Input<'a>>(&mut self, value: I, min: u32) -> bool {
        let count = match value.kind() {
            // Its text left out (`Rule::reads_text`): whether it is empty
            // is all a minimum of at most one needs.
            Kind::UncopiedString { empty } if min <= 1 => usize::from(!empty),
            _ => match self.string(value) {
                Some(text) => text.chars().take(min as usize).count(),
                None => return false,
            },
        };
        self.at_least(count, min)
    }

    /// Whether `count` code points (counted up to `min`) are enough.
    fn at_least(&mut self, count: usize, min: u32) -> bool {
        if count < min as usize {
            self.report(IssueKind::TooSmall { minimum: min, origin: "string" });
            return false;
        }
        true
    }

    /// A non-empty string that can stand as one URL path segment: `.` and
    /// `..` are refused, since no encoding keeps them from changing the path.
    pub(crate) fn path_segment<I: Input<'a>>(&mut self, value: I) -> Option<&'a str> {
        let text = self.string(value)?;
        if !self.at_least(text.chars().take(1).count(), 1) {
            return None;
        }
        if text == "." || text == ".." {
            self.report(IssueKind::InvalidFormat {
                format: Format::PathSegment,
                problem: FormatProblem::DotSegment,
            });
            return None;
        }
        Some(text)
    }

    /// An integer from `min` to `max`. A number with a fraction (or not a
    /// number at all) is `invalid_type` with `expected: "int"`.
    pub(crate) fn integer<I: Input<'a>>(&mut self, value: I, min: u32, max: u32) -> Option<u32> {
        let n = match value.kind() {
            Kind::Number(n) if n.is_finite() && n.fract() == 0.0 => n,
            other => {
                self.wrong_type("int", &other);
                return None;
            }
        };
        if n < f64::from(min) {
            self.report(IssueKind::TooSmall { minimum: min, origin: "number" });
            return None;
        }
        if n > f64::from(max) {
            self.report(IssueKind::TooBig { maximum: max, origin: "number" });
            return None;
        }
        Some(n as u32)
    }

    pub(crate) fn boolean<I: Input<'a>>(&mut self, value: I) -> Option<bool> {
        match value.kind() {
            Kind::Bool(b) => Some(b),
            other => {
                self.wrong_type("boolean", &other);
                None
            }
        }
    }

    pub(crate) fn finite_number<I: Input<'a>>(&mut self, value: I) -> Option<f64> {
        match value.kind() {
            Kind::Number(n) if n.is_finite() => Some(n),
            other @ Kind::Number(_) => {
                self.report(IssueKind::InvalidType { expected: "finite number", received: other.name() });
                None
            }
            other => {
                self.wrong_type("number", &other);
                None
            }
        }
    }

    /// Exactly one of `values`. Like Zod, anything else — a non-string
    /// included — is `invalid_value`.
    pub(crate) fn one_of<I: Input<'a>>(
        &mut self,
        value: I,
        values: &'static [&'static str],
    ) -> Option<&'a str> {
        let suggestion = match value.kind() {
            Kind::String(text) if values.contains(&text) => return Some(text),
            Kind::String(text) => suggest(text, values),
            _ => None,
        };
        self.report(IssueKind::InvalidValue { values, suggestion });
        None
    }

    /// A Timestamp string (the documented pattern).
    pub(crate) fn timestamp<I: Input<'a>>(&mut self, value: I) -> Option<&'a str> {
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
    /// faithfully; reports every part that it would not. Returns whether
    /// there was none.
    pub(crate) fn json<I: Input<'a>>(&mut self, value: I) -> bool {
        let before = self.found;
        self.json_at_depth(value, 0);
        self.found == before
    }

    /// Notes that the reader stopped before this point; the answer is then
    /// a failure whose last issue says so.
    pub(crate) fn not_read(&mut self) {
        self.not_read = true;
    }

    fn json_at_depth<I: Input<'a>>(&mut self, value: I, depth: usize) {
        match value.kind() {
            Kind::Null | Kind::Bool(_) | Kind::String(_) | Kind::UncopiedString { .. } => {}
            Kind::Number(n) if n.is_finite() => {}
            other @ Kind::Number(_) => {
                self.report(IssueKind::InvalidType { expected: "finite number", received: other.name() })
            }
            Kind::Foreign(Foreign::TooDeep) => self.report(too_deep()),
            Kind::Foreign(Foreign::IllFormedString) => self.report(lone_surrogate()),
            Kind::Foreign(Foreign::NotRead) => self.not_read(),
            Kind::Foreign(foreign) => {
                self.report(IssueKind::InvalidType { expected: "json", received: foreign.kind_name() })
            }
            Kind::Array(_) | Kind::Object(_) if depth >= MAX_DEPTH => self.report(too_deep()),
            Kind::Array(items) => {
                for (index, item) in items.enumerate() {
                    if self.found > MAX_ISSUES {
                        // Enough to list: the rest is not looked at.
                        self.not_read();
                        break;
                    }
                    self.at_index(index, |c| c.json_at_depth(item, depth + 1));
                }
            }
            Kind::Object(entries) => {
                for (key, item) in entries {
                    match item.kind() {
                        Kind::Foreign(Foreign::Undefined) => {}
                        // A key that cannot be copied exactly: reported at
                        // the object, since the key cannot be named.
                        Kind::Foreign(Foreign::IllFormedKey) => self.report(lone_surrogate()),
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
