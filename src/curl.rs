//! `toCurl`: the same request as a `curl` command to paste into a POSIX
//! shell. Every argument is single-quoted (`'` becomes `'\''`), so nothing
//! in it is expanded. Unless the token is revealed on purpose, the
//! Authorization header reads `"Authorization: Bearer $MEMBRANE_TOKEN"`:
//! the command still works after `export MEMBRANE_TOKEN=…`, and the token
//! is not in it.

use tsify::Tsify;

use crate::checker::{field, Checker};
use crate::input::Input;
use crate::issue::{Format, FormatProblem, Issue, IssueKind};
use crate::value::Value;

/// Options of `toCurl`.
#[derive(Clone, Debug, PartialEq, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CurlOptions {
    /// Put the real token in the command (default `false`).
    #[tsify(optional)]
    pub reveal_token: Option<bool>,
}

/// What stands for the token in a command that does not reveal it.
pub const TOKEN_PLACEHOLDER_HEADER: &str = "\"Authorization: Bearer $MEMBRANE_TOKEN\"";

/// The `curl` command for `request` (an HttpRequest as JS hands it over).
///
/// # Example
/// ```
/// use membrane_agent_session::{curl::to_curl, json_text::parse};
/// let request = parse(r#"{"method":"POST","url":"https://h/agent/sessions",
///   "headers":{"Authorization":"Bearer s3cret","Accept":"application/json"},"body":"{\"prompt\":\"it's\"}"}"#).unwrap();
/// let command = to_curl(&request, false).unwrap();
/// assert!(!command.contains("s3cret"));
/// assert!(command.ends_with(r#"--data-raw '{"prompt":"it'\''s"}'"#));
/// ```
pub fn to_curl(request: &Value, reveal_token: bool) -> Result<String, Vec<Issue>> {
    to_curl_input(request, reveal_token)
}

/// [`to_curl`] for any [`Input`] (a `Value` tree or a tape).
pub fn to_curl_input<'a, I: Input<'a>>(request: I, reveal_token: bool) -> Result<String, Vec<Issue>> {
    let mut c = Checker::new(&["request"]);
    let command = build_command(&mut c, request, reveal_token);
    c.finish(command)
}

fn build_command<'a, I: Input<'a>>(c: &mut Checker<'a>, request: I, reveal_token: bool) -> Option<String> {
    let entries = c.object(request)?;
    let method = c.at_field("method", |c| {
        let method = {
            let v = c.required(field::<I>(entries.clone(), "method"), "string")?;
            c.string(v)?
        };
        safe_text(c, method, |b| b.is_ascii_alphabetic()).filter(|m| !m.is_empty())
    });
    let url = c.at_field("url", |c| {
        let url = {
            let v = c.required(field::<I>(entries.clone(), "url"), "string")?;
            c.string(v)?
        };
        safe_text(c, url, |b| (0x21..=0x7e).contains(&b)).filter(|u| !u.is_empty())
    });
    let headers = c.at_field("headers", |c| {
        let headers = {
            let v = c.required(field::<I>(entries.clone(), "headers"), "object")?;
            c.object(v)?
        };
        let mut out = Vec::new();
        for (name, value) in headers {
            let value = c.at_key(name, |c| {
                let value = c.string(value)?;
                safe_text(c, value, |b| b == b'\t' || b >= 0x20 && b != 0x7f)
            });
            out.push((name, value?));
        }
        Some(out)
    });
    // No body (GET, interrupt): no `--data-raw`.
    let body = match field::<I>(entries.clone(), "body") {
        None => Some(None),
        Some(value) => c.at_field("body", |c| {
            let body = c.string(value)?;
            safe_text(c, body, |b| b != 0).map(Some)
        }),
    };
    let (method, url, headers, body) = (method?, url?, headers?, body?);
    let mut command = format!("curl -sS -X {method} {}", quote(url));
    for (name, value) in headers {
        command.push_str(" -H ");
        if name.eq_ignore_ascii_case("authorization") && !reveal_token {
            command.push_str(TOKEN_PLACEHOLDER_HEADER);
        } else {
            command.push_str(&quote(&format!("{name}: {value}")));
        }
    }
    if let Some(body) = body {
        command.push_str(" --data-raw ");
        command.push_str(&quote(body));
    }
    Some(command)
}

/// `text` if every byte passes `allowed` (and it is not empty, where
/// `must_have_text`): a shell argument cannot hold a NUL, and a header or URL
/// must not hold line breaks.
fn safe_text<'v>(c: &mut Checker<'_>, text: &'v str, allowed: impl Fn(u8) -> bool) -> Option<&'v str> {
    if text.bytes().all(allowed) {
        Some(text)
    } else {
        c.report(IssueKind::InvalidFormat {
            format: Format::ShellSafe,
            problem: FormatProblem::NotShellSafe,
        });
        None
    }
}

/// A single-quoted POSIX shell word.
fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}
