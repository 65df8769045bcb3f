//! The request builder: a checked body plus options in, a `fetch`-ready
//! request out (`fetch(r.url, r)` works).

use tsify::Tsify;

use crate::base_url::{normalise_base_url, DEFAULT_BASE_URL};
use crate::checker::{field, Checker};
use crate::issue::{Format, Issue, IssueKind};
use crate::json_text::{JsonWriter, NumberText, RustNumbers, ToJson};
use crate::request::check_request;
use crate::token::check_token;
use crate::value::Value;

/// The endpoint's path below the base URL.
pub const ENDPOINT_PATH: &str = "/agent/sessions";

/// A request ready for `fetch(r.url, r)`.
#[derive(Clone, Debug, PartialEq, Tsify)]
pub struct HttpRequest {
    #[tsify(type = "\"POST\"")]
    pub method: String,
    pub url: String,
    /// Header names and values, in the order they are sent.
    #[tsify(type = "Record<string, string>")]
    pub headers: Vec<(String, String)>,
    /// The request body as JSON text (what `JSON.stringify` gives for the
    /// checked request).
    pub body: String,
}

/// Options of `buildCreateAgentSessionRequest`.
#[derive(Clone, Debug, PartialEq, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct BuildOptions {
    /// The bearer token: printable ASCII, no spaces.
    pub token: String,
    /// Defaults to `https://api.getmembrane.com`.
    #[tsify(optional)]
    pub base_url: Option<String>,
}

const OPTION_KEYS: &[&str] = &["token", "baseUrl"];

/// Checks the request body and the options, and builds the HTTP request.
/// Every problem of both is reported in one go; options problems have the
/// paths `["options", "token"]` and `["options", "baseUrl"]`.
///
/// # Example
/// ```
/// use membrane_agent_session::{build_create_agent_session_request, json_text::parse};
/// let input = parse(r#"{"prompt": "Connect HubSpot"}"#).unwrap();
/// let options = parse(r#"{"token": "t0k3n", "baseUrl": "https://eu.example/api/"}"#).unwrap();
/// let request = build_create_agent_session_request(&input, &options).unwrap();
/// assert_eq!(request.url, "https://eu.example/api/agent/sessions");
/// assert_eq!(request.body, r#"{"prompt":"Connect HubSpot"}"#);
/// ```
pub fn build_create_agent_session_request(input: &Value, options: &Value) -> Result<HttpRequest, Vec<Issue>> {
    build_create_agent_session_request_with::<RustNumbers>(input, options)
}

/// [`build_create_agent_session_request`], the body's numbers written by `N`.
pub fn build_create_agent_session_request_with<N: NumberText>(
    input: &Value,
    options: &Value,
) -> Result<HttpRequest, Vec<Issue>> {
    let mut request_checker = Checker::new(&[]);
    let request = check_request(&mut request_checker, input);
    let mut options_checker = Checker::new(&["options"]);
    let options = check_options(&mut options_checker, options);
    let mut issues = request_checker.into_issues();
    issues.extend(options_checker.into_issues());
    match (request, options) {
        (Some(request), Some((token, base_url))) if issues.is_empty() => Ok(HttpRequest {
            method: "POST".to_owned(),
            url: format!("{base_url}{ENDPOINT_PATH}"),
            headers: vec![
                ("Authorization".to_owned(), format!("Bearer {token}")),
                ("Content-Type".to_owned(), "application/json".to_owned()),
                ("Accept".to_owned(), "application/json".to_owned()),
            ],
            body: request.to_json_with::<N>(),
        }),
        _ => Err(issues),
    }
}

/// The token and the normalised base URL.
fn check_options<'a>(c: &mut Checker<'a>, options: &'a Value) -> Option<(&'a str, String)> {
    let entries = c.object(options)?;
    let token = c.at_key("token", |c| {
        let value = c.required(field(entries, "token"), "string")?;
        let token = c.string(value)?;
        match check_token(token) {
            Ok(()) => Some(token),
            Err(kind) => {
                c.report(kind);
                None
            }
        }
    });
    let base_url = match field(entries, "baseUrl") {
        None => Some(DEFAULT_BASE_URL.to_owned()),
        Some(value) => c.at_key("baseUrl", |c| {
            let url = c.string(value)?;
            match normalise_base_url(url) {
                Ok(url) => Some(url),
                Err(problem) => {
                    c.report(IssueKind::InvalidFormat { format: Format::Url, problem });
                    None
                }
            }
        }),
    };
    c.unknown_keys(entries, OPTION_KEYS);
    Some((token?, base_url?))
}

impl ToJson for HttpRequest {
    fn write_json<N: NumberText>(&self, w: &mut JsonWriter<N>) {
        let mut o = w.object();
        o.string("method", &self.method);
        o.string("url", &self.url);
        let mut headers = o.key("headers").object();
        for (name, value) in &self.headers {
            headers.string(name, value);
        }
        headers.end();
        o.string("body", &self.body);
        o.end();
    }
}
