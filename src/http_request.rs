//! The request builders: params plus options in, a `fetch`-ready request
//! out (`fetch(r.url, r)` works), for create and the lifecycle endpoints.

use tsify::Tsify;

use crate::base_url::{normalise_base_url, DEFAULT_BASE_URL};
use crate::checker::{field, Checker};
use crate::issue::{Format, Issue, IssueKind};
use crate::json_text::{JsonWriter, NumberText, RustNumbers, ToJson};
use crate::params::{
    GetAgentSessionParams, InterruptAgentSessionParams, ListAgentSessionsParams, SendAgentSessionMessageParams,
};
use crate::percent_encoding::encode_uri_component;
use crate::request::CreateAgentSession;
use crate::shape::{check_shape, Declared};
use crate::token::check_token;
use crate::value::Value;

/// The sessions collection's path below the base URL.
pub const ENDPOINT_PATH: &str = "/agent/sessions";

/// A request ready for `fetch(r.url, r)`.
#[derive(Clone, Debug, PartialEq, Tsify)]
pub struct HttpRequest {
    #[tsify(type = "\"GET\" | \"POST\"")]
    pub method: String,
    pub url: String,
    /// Header names and values, in the order they are sent.
    #[tsify(type = "Record<string, string>")]
    pub headers: Vec<(String, String)>,
    /// The request body as JSON text (what `JSON.stringify` gives for the
    /// checked params); absent for GET and for interrupt.
    #[tsify(optional)]
    pub body: Option<String>,
}

/// Options of every builder.
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

/// Where a checked call goes and what it carries.
struct Call {
    method: &'static str,
    /// The path below the base URL, its segments already encoded.
    path: String,
    /// Query parameters, values already encoded, in SPEC's order.
    query: Vec<(&'static str, String)>,
    body: Option<String>,
}

/// Checks `params` as `P` and the options, then builds the request that
/// `call` describes. Every problem of both is reported in one go; options
/// problems have the paths `["options", "token"]` and `["options", "baseUrl"]`.
fn build<P: Declared>(params: &Value, options: &Value, call: impl FnOnce(P) -> Call) -> Result<HttpRequest, Vec<Issue>> {
    // One walk for both arguments, so that one list (and one cap) holds
    // every problem; the options' paths start with "options".
    let mut c = Checker::new(&[]);
    let call = check_shape(&mut c, params, P::declared()).then(|| P::from_checked(params)).flatten().map(call);
    finish(c, call, options)
}

/// The part of [`build`] that does not depend on the params' type (kept
/// apart so that it is in the module once, not once per endpoint).
fn finish<'a>(mut c: Checker<'a>, call: Option<Call>, options: &'a Value) -> Result<HttpRequest, Vec<Issue>> {
    let options = c.at_key("options", |c| check_options(c, options));
    let request = match (call, options) {
        (Some(Call { method, path, query, body }), Some((token, base_url))) => {
            let mut url = format!("{base_url}{path}");
            for (i, (name, value)) in query.iter().enumerate() {
                url.push(if i == 0 { '?' } else { '&' });
                url.push_str(name);
                url.push('=');
                url.push_str(value);
            }
            let mut headers = vec![("Authorization".to_owned(), format!("Bearer {token}"))];
            if body.is_some() {
                headers.push(("Content-Type".to_owned(), "application/json".to_owned()));
            }
            headers.push(("Accept".to_owned(), "application/json".to_owned()));
            Some(HttpRequest { method: method.to_owned(), url, headers, body })
        }
        _ => None,
    };
    c.finish(request)
}

/// The path of one session, its id encoded as one segment.
fn session_path(id: &str) -> String {
    format!("{ENDPOINT_PATH}/{}", encode_uri_component(id))
}

/// Checks the request body and the options, and builds `POST /agent/sessions`.
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
/// assert_eq!(request.body.as_deref(), Some(r#"{"prompt":"Connect HubSpot"}"#));
/// ```
pub fn build_create_agent_session_request(input: &Value, options: &Value) -> Result<HttpRequest, Vec<Issue>> {
    build_create_agent_session_request_with::<RustNumbers>(input, options)
}

/// [`build_create_agent_session_request`], the body's numbers written by `N`.
pub fn build_create_agent_session_request_with<N: NumberText>(
    input: &Value,
    options: &Value,
) -> Result<HttpRequest, Vec<Issue>> {
    build(input, options, |request: CreateAgentSession| Call {
        method: "POST",
        path: ENDPOINT_PATH.to_owned(),
        query: Vec::new(),
        body: Some(request.to_json_with::<N>()),
    })
}

/// `GET /agent/sessions/{id}?wait=…&timeout=…` (only the params given).
///
/// # Example
/// ```
/// use membrane_agent_session::{http_request::build_get_agent_session_request, json_text::parse};
/// let params = parse(r#"{"id": "s 1", "wait": true, "timeout": 30}"#).unwrap();
/// let request = build_get_agent_session_request(&params, &parse(r#"{"token": "t"}"#).unwrap()).unwrap();
/// assert_eq!(request.url, "https://api.getmembrane.com/agent/sessions/s%201?wait=true&timeout=30");
/// assert_eq!(request.body, None);
/// ```
pub fn build_get_agent_session_request(params: &Value, options: &Value) -> Result<HttpRequest, Vec<Issue>> {
    build(params, options, |p: GetAgentSessionParams| {
        let mut query = Vec::new();
        if let Some(wait) = p.wait {
            query.push(("wait", wait.to_string()));
        }
        if let Some(timeout) = p.timeout {
            query.push(("timeout", timeout.to_string()));
        }
        Call { method: "GET", path: session_path(&p.id), query, body: None }
    })
}

/// `GET /agent/sessions?limit=…&cursor=…&workspaceElementType=…` (only the
/// params given).
pub fn build_list_agent_sessions_request(params: &Value, options: &Value) -> Result<HttpRequest, Vec<Issue>> {
    build(params, options, |p: ListAgentSessionsParams| {
        let mut query = Vec::new();
        if let Some(limit) = p.limit {
            query.push(("limit", limit.to_string()));
        }
        if let Some(cursor) = &p.cursor {
            query.push(("cursor", encode_uri_component(cursor)));
        }
        if let Some(kind) = p.workspace_element_type {
            query.push(("workspaceElementType", encode_uri_component(kind.as_str())));
        }
        Call { method: "GET", path: ENDPOINT_PATH.to_owned(), query, body: None }
    })
}

/// `POST /agent/sessions/{id}/message`; the body is the params less `id`.
pub fn build_send_agent_session_message_request(params: &Value, options: &Value) -> Result<HttpRequest, Vec<Issue>> {
    build_send_agent_session_message_request_with::<RustNumbers>(params, options)
}

/// [`build_send_agent_session_message_request`], the body's numbers written by `N`.
pub fn build_send_agent_session_message_request_with<N: NumberText>(
    params: &Value,
    options: &Value,
) -> Result<HttpRequest, Vec<Issue>> {
    build(params, options, |p: SendAgentSessionMessageParams| {
        let mut body = JsonWriter::<N>::with_numbers();
        p.write_json_except(&mut body, "id");
        Call { method: "POST", path: format!("{}/message", session_path(&p.id)), query: Vec::new(), body: Some(body.finish()) }
    })
}

/// `POST /agent/sessions/{id}/interrupt`, with no body.
pub fn build_interrupt_agent_session_request(params: &Value, options: &Value) -> Result<HttpRequest, Vec<Issue>> {
    build(params, options, |p: InterruptAgentSessionParams| Call {
        method: "POST",
        path: format!("{}/interrupt", session_path(&p.id)),
        query: Vec::new(),
        body: None,
    })
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
        o.optional_string("body", self.body.as_deref());
        o.end();
    }
}
