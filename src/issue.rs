//! Issues: what is wrong with an input, where, and in what words.
//!
//! Rules build an [`IssueKind`] (data only) and a path; [`Issue::new`] adds
//! the message, whose words all come from the one `Display` below. The
//! token is never part of any issue: no rule puts input text in a message.

use std::borrow::Cow;
use std::fmt;

use tsify::Tsify;

/// One step of an issue's path: an object key or an array index.
#[derive(Clone, Debug, PartialEq, Eq, Tsify)]
#[serde(untagged)]
pub enum PathSegment {
    /// A key: a declared one borrowed from the program (no copy), any other
    /// owned.
    Key(Cow<'static, str>),
    Index(usize),
}

impl From<&str> for PathSegment {
    fn from(key: &str) -> Self {
        PathSegment::Key(Cow::Owned(key.to_owned()))
    }
}

impl From<usize> for PathSegment {
    fn from(index: usize) -> Self {
        PathSegment::Index(index)
    }
}

/// One problem with an input: `{ code, path, message, ...details }` in JS.
// TypeScript cannot extend a union, so the declaration is spelt out as the
// intersection that serde's `flatten` means.
#[derive(Clone, Debug, PartialEq, Tsify)]
#[tsify(type = "IssueKind & { readonly path: readonly PathSegment[]; readonly message: string }")]
pub struct Issue {
    #[serde(flatten)]
    pub kind: IssueKind,
    /// Where the problem is, from the argument's root
    /// (e.g. `["promptAttachments", 2, "title"]`).
    pub path: Vec<PathSegment>,
    /// The problem in words, for people.
    pub message: String,
}

impl Issue {
    /// An issue of `kind` at `path`, with its message.
    pub fn new(kind: IssueKind, path: Vec<PathSegment>) -> Self {
        // Most messages fit: one allocation, not a few growing ones.
        let mut message = String::with_capacity(128);
        let _ = fmt::write(&mut message, format_args!("{kind}"));
        Issue { kind, path, message }
    }

    /// The issue's code, as in Zod (`"invalid_type"`, `"too_small"`, …).
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// Every field of the issue as answers carry it, in their order: `code`,
    /// `path`, `message`, then the kind's own. JSON and the JS binding's
    /// records are both written from this one list.
    pub fn fields<'s>(&'s self, mut field: impl FnMut(Field, IssueField<'s>)) {
        use IssueField::*;
        field(Field::Code, Fixed(self.code()));
        field(Field::Path, Path(&self.path));
        field(Field::Message, Text(&self.message));
        match &self.kind {
            IssueKind::InvalidType { expected, received } => {
                field(Field::Expected, Fixed(expected));
                field(Field::Received, Fixed(received));
            }
            IssueKind::TooSmall { minimum, origin } => {
                field(Field::Minimum, Number(*minimum));
                field(Field::Origin, Fixed(origin));
            }
            IssueKind::TooBig { maximum, origin } => {
                field(Field::Maximum, Number(*maximum));
                field(Field::Origin, Fixed(origin));
            }
            IssueKind::InvalidValue { values, suggestion } => {
                field(Field::Values, FixedList(values));
                if let Some(suggestion) = suggestion {
                    field(Field::Suggestion, Fixed(suggestion));
                }
            }
            IssueKind::InvalidFormat { format, .. } => field(Field::Format, Fixed(format.as_str())),
            IssueKind::UnrecognizedKeys { keys, suggestion } => {
                field(Field::Keys, Keys(keys));
                if let Some(suggestion) = suggestion {
                    field(Field::Suggestion, Fixed(suggestion));
                }
            }
            IssueKind::InvalidJson { .. } => {}
            IssueKind::TooManyIssues { maximum, omitted, read_all } => {
                field(Field::Maximum, Number(*maximum));
                field(Field::Omitted, Number(*omitted));
                field(Field::ReadAll, Flag(*read_all));
            }
        }
    }
}

/// The fields an issue can have, in the order the JS binding numbers them
/// (a record names a field by its number: see `outcome::issue_records`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Code,
    Path,
    Message,
    Expected,
    Received,
    Minimum,
    Maximum,
    Origin,
    Values,
    Suggestion,
    Format,
    Keys,
    Omitted,
    ReadAll,
}

impl Field {
    /// Every field's key in a JS issue, by the field's number.
    pub const NAMES: [&'static str; 14] = [
        "code",
        "path",
        "message",
        "expected",
        "received",
        "minimum",
        "maximum",
        "origin",
        "values",
        "suggestion",
        "format",
        "keys",
        "omitted",
        "readAll",
    ];

    /// The field's key in a JS issue.
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// One field of an issue (see [`Issue::fields`]).
pub enum IssueField<'a> {
    Text(&'a str),
    /// A text fixed in the program (a code, a type's name, a documented
    /// value): the JS binding reads it from the module once and keeps it.
    Fixed(&'static str),
    Number(u32),
    Flag(bool),
    /// A list fixed in the program (an enumeration's values): read once too.
    FixedList(&'static [&'static str]),
    Keys(&'a [String]),
    Path(&'a [PathSegment]),
}

/// What is wrong, with the details that the JS issue carries.
#[derive(Clone, Debug, PartialEq, Tsify)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum IssueKind {
    /// The value has the wrong type (or a required key is missing, then
    /// `received` is `"undefined"`).
    InvalidType { expected: &'static str, received: &'static str },
    /// A string shorter than `minimum` code points (`origin: "string"`) or
    /// a number below `minimum` (`origin: "number"`).
    TooSmall { minimum: u32, origin: &'static str },
    /// Nested deeper than `maximum` arrays/objects (`origin: "depth"`) or a
    /// number above `maximum` (`origin: "number"`).
    TooBig { maximum: u32, origin: &'static str },
    /// Not one of the documented values.
    InvalidValue {
        values: &'static [&'static str],
        #[tsify(optional)]
        #[serde(skip_serializing_if = "Option::is_none")]
        suggestion: Option<&'static str>,
    },
    /// A string that does not have the required form.
    InvalidFormat {
        format: Format,
        #[serde(skip)]
        problem: FormatProblem,
    },
    /// A key that the object may not have.
    UnrecognizedKeys {
        keys: Vec<String>,
        #[tsify(optional)]
        #[serde(skip_serializing_if = "Option::is_none")]
        suggestion: Option<&'static str>,
    },
    /// More problems were found than are listed: the last issue of a long
    /// list. `omitted` were found and not listed; `readAll` is `false` when
    /// reading stopped early, so there may be more.
    TooManyIssues {
        maximum: u32,
        omitted: u32,
        #[serde(rename = "readAll")]
        read_all: bool,
    },
    /// Response text that is not one JSON value.
    InvalidJson {
        #[serde(skip)]
        problem: JsonProblem,
    },
}

/// The forms a string can be required to have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
pub enum Format {
    #[serde(rename = "datetime")]
    Datetime,
    #[serde(rename = "well-formed-unicode")]
    WellFormedUnicode,
    #[serde(rename = "url")]
    Url,
    #[serde(rename = "token")]
    Token,
    /// Text that `toCurl` can put in a shell command unchanged.
    #[serde(rename = "shell-safe")]
    ShellSafe,
    /// Text that can stand as one URL path segment.
    #[serde(rename = "path-segment")]
    PathSegment,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Datetime => "datetime",
            Format::WellFormedUnicode => "well-formed-unicode",
            Format::Url => "url",
            Format::Token => "token",
            Format::ShellSafe => "shell-safe",
            Format::PathSegment => "path-segment",
        }
    }
}

/// Why a string does not have its form; only words come from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatProblem {
    NotATimestamp,
    LoneSurrogate,
    UrlNotPrintableAscii,
    UrlNotAbsolute,
    UrlScheme,
    UrlInsecureHttp,
    UrlCredentials,
    UrlQuery,
    UrlFragment,
    UrlBackslash,
    UrlHost,
    UrlPort,
    UrlDotSegment,
    /// The character at this (0-based, in characters) position is a
    /// control character.
    TokenControlCharacter(usize),
    TokenSpace(usize),
    TokenNotAscii(usize),
    NotShellSafe,
    /// `.` or `..` where one path segment is sent.
    DotSegment,
}

/// Why a text is not JSON; `position` counts bytes from 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonProblem {
    Empty,
    /// Not JSON, where no position is known (JavaScript's own parser said so).
    NotJson,
    UnexpectedEnd,
    UnexpectedCharacter {
        position: usize,
    },
    TrailingText {
        position: usize,
    },
    BadEscape {
        position: usize,
    },
    BadNumber {
        position: usize,
    },
    ControlCharacterInString {
        position: usize,
    },
}

impl IssueKind {
    /// The issue code, as the JS issue's `code`.
    pub fn code(&self) -> &'static str {
        match self {
            IssueKind::InvalidType { .. } => "invalid_type",
            IssueKind::TooSmall { .. } => "too_small",
            IssueKind::TooBig { .. } => "too_big",
            IssueKind::InvalidValue { .. } => "invalid_value",
            IssueKind::InvalidFormat { .. } => "invalid_format",
            IssueKind::UnrecognizedKeys { .. } => "unrecognized_keys",
            IssueKind::InvalidJson { .. } => "invalid_json",
            IssueKind::TooManyIssues { .. } => "too_many_issues",
        }
    }
}

/// Every message the library writes. Lower case, no final period; each says
/// what was expected and what was found, and none quotes input text. Text
/// goes in by `write_str`, pieces after pieces: `write!` with arguments
/// costs a formatting pass each (a quarter of an invalid request's time).
impl fmt::Display for IssueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IssueKind::InvalidType { expected, received } => {
                f.write_str("expected ")?;
                f.write_str(expected)?;
                if *received == "undefined" {
                    f.write_str(", received nothing (the key is required)")
                } else {
                    f.write_str(", received ")?;
                    f.write_str(received)
                }
            }
            IssueKind::TooSmall { minimum, origin: "number" } => {
                write!(f, "expected a number of at least {minimum}, received a smaller one")
            }
            IssueKind::TooSmall { minimum: 1, .. } => {
                write!(f, "expected at least 1 character, received an empty string")
            }
            IssueKind::TooSmall { minimum, .. } => write!(f, "expected at least {minimum} characters"),
            IssueKind::TooBig { maximum, origin: "number" } => {
                write!(f, "expected a number of at most {maximum}, received a larger one")
            }
            IssueKind::TooBig { maximum, .. } => write!(
                f,
                "expected at most {maximum} nested arrays or objects, received deeper nesting (not read further)"
            ),
            IssueKind::InvalidValue { values, suggestion } => {
                f.write_str("expected one of \"")?;
                for (i, value) in values.iter().enumerate() {
                    if i > 0 {
                        f.write_str("\"|\"")?;
                    }
                    f.write_str(value)?;
                }
                f.write_str("\"")?;
                did_you_mean(f, *suggestion)
            }
            IssueKind::InvalidFormat { problem, .. } => problem.fmt(f),
            IssueKind::UnrecognizedKeys { keys, suggestion } => {
                // Keys are names the caller chose, never secret values.
                f.write_str(if keys.len() == 1 { "unrecognized key " } else { "unrecognized keys " })?;
                for (i, key) in keys.iter().enumerate() {
                    f.write_str(if i > 0 { ", \"" } else { "\"" })?;
                    f.write_str(key)?;
                    f.write_str("\"")?;
                }
                did_you_mean(f, *suggestion)
            }
            IssueKind::InvalidJson { problem } => problem.fmt(f),
            IssueKind::TooManyIssues { maximum, omitted, read_all } => {
                write!(f, "expected at most {maximum} listed issues, {omitted} more not listed")?;
                if !read_all {
                    f.write_str(" (reading stopped early, so there may be more)")?;
                }
                Ok(())
            }
        }
    }
}

/// `; did you mean "…"?` when there is a suggestion.
fn did_you_mean(f: &mut fmt::Formatter<'_>, suggestion: Option<&str>) -> fmt::Result {
    match suggestion {
        Some(suggestion) => {
            f.write_str("; did you mean \"")?;
            f.write_str(suggestion)?;
            f.write_str("\"?")
        }
        None => Ok(()),
    }
}

impl fmt::Display for FormatProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use FormatProblem::*;
        match self {
            NotATimestamp => f.write_str(
                "expected a UTC timestamp such as 2024-01-31T09:30Z or 2024-01-31T09:30:00.000Z (real date, upper-case T and Z, no offset)",
            ),
            LoneSurrogate => f.write_str(
                "expected a well-formed string, received one with a lone UTF-16 surrogate (it cannot be sent unchanged)",
            ),
            UrlNotPrintableAscii => f.write_str(
                "expected a URL of printable ASCII, received spaces, control or non-ASCII characters (percent-encode them; use punycode for hosts)",
            ),
            UrlNotAbsolute => f.write_str("expected an absolute URL starting with https://"),
            UrlScheme => f.write_str("expected an https:// URL (http:// only for localhost, 127.0.0.1 or [::1])"),
            UrlInsecureHttp => f.write_str(
                "expected https://, received http:// for a host that is not localhost, 127.0.0.1 or [::1]",
            ),
            UrlCredentials => f.write_str("expected a URL without a user name or password"),
            UrlQuery => f.write_str("expected a URL without a query (?…)"),
            UrlFragment => f.write_str("expected a URL without a fragment (#…)"),
            UrlBackslash => f.write_str("expected a URL without backslashes"),
            UrlHost => f.write_str("expected a host name, an IPv4 address or a bracketed IPv6 address"),
            UrlPort => f.write_str("expected a port number from 1 to 65535"),
            UrlDotSegment => f.write_str("expected a path without \".\" or \"..\" segments"),
            DotSegment => f.write_str(
                "expected a path segment other than \".\" or \"..\" (they would change the path however encoded)",
            ),
            NotShellSafe => f.write_str(
                "expected text a shell command can hold: no NUL, and no line breaks or control characters in the method, URL or headers",
            ),
            TokenControlCharacter(at) => write!(
                f,
                "expected a token of printable ASCII without spaces, received a control character at position {at}"
            ),
            TokenSpace(at) => write!(
                f,
                "expected a token of printable ASCII without spaces, received a space at position {at}"
            ),
            TokenNotAscii(at) => write!(
                f,
                "expected a token of printable ASCII without spaces, received a non-ASCII character at position {at}"
            ),
        }
    }
}

impl fmt::Display for JsonProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonProblem::Empty => f.write_str("expected JSON text, received an empty text"),
            JsonProblem::NotJson => f.write_str("expected one JSON value, received text that is not JSON"),
            JsonProblem::UnexpectedEnd => f.write_str("expected more JSON, received the end of the text"),
            JsonProblem::UnexpectedCharacter { position } => {
                write!(f, "expected a JSON value, received an unexpected character at byte {position}")
            }
            JsonProblem::TrailingText { position } => {
                write!(f, "expected one JSON value, received more text at byte {position}")
            }
            JsonProblem::BadEscape { position } => {
                write!(f, "expected a valid escape in a JSON string, received an invalid one at byte {position}")
            }
            JsonProblem::BadNumber { position } => {
                write!(f, "expected a JSON number, received a malformed one at byte {position}")
            }
            JsonProblem::ControlCharacterInString { position } => write!(
                f,
                "expected control characters in JSON strings to be escaped, received a raw one at byte {position}"
            ),
        }
    }
}

impl std::error::Error for Issue {}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if !self.path.is_empty() {
            f.write_str(" at ")?;
            for segment in &self.path {
                match segment {
                    PathSegment::Key(key) => write!(f, "[\"{key}\"]")?,
                    PathSegment::Index(index) => write!(f, "[{index}]")?,
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod field_tests {
    use super::Field;

    #[test]
    fn each_field_has_its_own_name_in_order() {
        // NAMES is indexed by the variant's number: a shifted list would
        // rename fields silently.
        assert_eq!(Field::Code.name(), "code");
        assert_eq!(Field::Values.name(), "values");
        assert_eq!(Field::ReadAll.name(), "readAll");
        assert_eq!(Field::ReadAll as usize + 1, Field::NAMES.len());
    }
}
