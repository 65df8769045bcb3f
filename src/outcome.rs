//! `Result<T>` as JavaScript callers receive it:
//! `{ success: true, data }` or `{ success: false, issues }`.

use tsify::Tsify;

use crate::issue::{Issue, IssueKind, PathSegment};
use crate::json_text::{JsonWriter, NumberText, RustNumbers, ToJson};

/// What every function that checks answers: `{ success: true, data }`, or
/// `{ success: false, issues }` with every problem found.
#[derive(Tsify)]
#[serde(untagged)]
pub enum Result<T> {
    Success {
        #[tsify(type = "true")]
        success: bool,
        data: T,
    },
    Failure {
        #[tsify(type = "false")]
        success: bool,
        #[tsify(type = "readonly Issue[]")]
        issues: Vec<Issue>,
    },
}

/// The JSON text of `result` in the JS `Result<T>` shape.
pub fn outcome_json<T: ToJson>(result: &std::result::Result<T, Vec<Issue>>) -> String {
    outcome_json_with::<RustNumbers, T>(result)
}

/// [`outcome_json`], numbers written by `N`.
pub fn outcome_json_with<N: NumberText, T: ToJson>(result: &std::result::Result<T, Vec<Issue>>) -> String {
    let mut w = JsonWriter::<N>::for_answers();
    let mut o = w.object();
    match result {
        Ok(data) => {
            o.boolean("success", true);
            data.write_json(o.key("data"));
        }
        Err(issues) => {
            o.boolean("success", false);
            issues.write_json(o.key("issues"));
        }
    }
    o.end();
    w.finish()
}

/// `{"success":false,"issues":[…]}`, numbers written by `N`.
pub fn failure_json_with<N: NumberText>(issues: &[Issue]) -> String {
    let mut w = JsonWriter::<N>::for_answers();
    let mut o = w.object();
    o.boolean("success", false);
    issues.write_json(o.key("issues"));
    o.end();
    w.finish()
}

impl ToJson for Issue {
    fn write_json<N: NumberText>(&self, w: &mut JsonWriter<N>) {
        let mut o = w.object();
        o.string("code", self.code());
        let path = o.key("path");
        path.raw("[");
        for (i, segment) in self.path.iter().enumerate() {
            if i > 0 {
                path.raw(",");
            }
            match segment {
                PathSegment::Key(key) => path.string(key),
                PathSegment::Index(index) => path.number(*index as f64),
            }
        }
        path.raw("]");
        o.string("message", &self.message);
        match &self.kind {
            IssueKind::InvalidType { expected, received } => {
                o.string("expected", expected);
                o.string("received", received);
            }
            IssueKind::TooSmall { minimum, origin } => {
                o.key("minimum").number(f64::from(*minimum));
                o.string("origin", origin);
            }
            IssueKind::TooBig { maximum, origin } => {
                o.key("maximum").number(f64::from(*maximum));
                o.string("origin", origin);
            }
            IssueKind::InvalidValue { values, suggestion } => {
                o.key("values").strings(values.iter().copied());
                o.optional_string("suggestion", *suggestion);
            }
            IssueKind::InvalidFormat { format, .. } => o.string("format", format.as_str()),
            IssueKind::UnrecognizedKeys { keys, suggestion } => {
                o.key("keys").strings(keys.iter().map(String::as_str));
                o.optional_string("suggestion", *suggestion);
            }
            IssueKind::InvalidJson { .. } => {}
            IssueKind::TooManyIssues { maximum, omitted, read_all } => {
                o.key("maximum").number(f64::from(*maximum));
                o.key("omitted").number(f64::from(*omitted));
                o.boolean("readAll", *read_all);
            }
        }
        o.end();
    }
}
