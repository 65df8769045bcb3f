//! The request builders: params plus options in, a `fetch`-ready request
//! out (`fetch(r.url, r)` works), for create and the lifecycle endpoints.

use tsify::Tsify;

use crate::base_url::{normalise_base_url, DEFAULT_BASE_URL};
use crate::checker::{field, Checker};
use crate::input::{Input, Kind};
use crate::issue::{Format, Issue, IssueKind};
use crate::json_text::{JsonWriter, NumberText, RustNumbers, ToJson};
use crate::params::{
    GetAgentSessionParams, InterruptAgentSessionParams, ListAgentSessionsParams,
    SendAgentSessionMessageParams,
};
use crate::percent_encoding::encode_uri_component;
use crate::request::CreateAgentSession;
use crate::shape::{check_shape, Declared, FromChecked};
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

/// An endpoint: what its params are ([`Declared`]), its method, where a
/// checked params value sends it, and what its body holds.
pub trait Endpoint: Declared {
    const METHOD: &'static str;
    /// `Some(key)`: the body is the params less `key` (`""`: all of them);
    /// `None`: no body. With a body, `target` reads only params whose rule
    /// reads their text ([`crate::shape::Rule::reads_text`]): the JS binding
    /// leaves the text of the others off its tape (`tests/tape.rs` checks).
    const BODY: Option<&'static str>;
    /// The path below the base URL (segments encoded) and the query
    /// parameters (values encoded, in SPEC's order) of checked params.
    fn target<'a, I: Input<'a>>(params: I) -> Option<Target>;
}

/// Where a call goes: the path below the base URL and the query parameters.
pub type Target = (String, Vec<(&'static str, String)>);

/// A checked call, all but its body: the body is the params as JSON (less
/// the key [`Endpoint::BODY`] names), written by whoever holds them.
pub struct Plan {
    pub method: &'static str,
    pub url: String,
    /// Header names and values, in the order they are sent.
    pub headers: Vec<(&'static str, String)>,
    pub body: Option<&'static str>,
}

/// Checks `params` as `P` and the options, and plans the call. Every
/// problem of both is reported in one go; options problems have the paths
/// `["options", "token"]` and `["options", "baseUrl"]`.
pub fn plan<'a, P: Endpoint, I: Input<'a>>(params: I, options: I) -> Result<Plan, Vec<Issue>> {
    // One walk for both arguments, so that one list (and one cap) holds
    // every problem; the options' paths start with "options".
    let mut c = Checker::new(&[]);
    let target = if check_shape(&mut c, params, P::declared()) { P::target(params) } else { None };
    finish(c, target, P::METHOD, P::BODY, options)
}

/// The part of [`plan`] that does not depend on the params' type (kept
/// apart so that it is in the module once, not once per endpoint).
fn finish<'a, I: Input<'a>>(
    mut c: Checker<'a>,
    target: Option<Target>,
    method: &'static str,
    body: Option<&'static str>,
    options: I,
) -> Result<Plan, Vec<Issue>> {
    let options = c.at_field("options", |c| check_options(c, options));
    let plan = match (target, options) {
        (Some((path, query)), Some((token, base_url))) => {
            let mut url = format!("{base_url}{path}");
            for (i, (name, value)) in query.iter().enumerate() {
                url.push(if i == 0 { '?' } else { '&' });
                url.push_str(name);
                url.push('=');
                url.push_str(value);
            }
            let mut headers = vec![("Authorization", format!("Bearer {token}"))];
            if body.is_some() {
                headers.push(("Content-Type", "application/json".to_owned()));
            }
            headers.push(("Accept", "application/json".to_owned()));
            Some(Plan { method, url, headers, body })
        }
        _ => None,
    };
    c.finish(plan)
}

/// [`plan`], then the body written from the params' Rust type.
fn build<P: Endpoint + FromChecked, N: NumberText>(
    params: &Value,
    options: &Value,
) -> Result<HttpRequest, Vec<Issue>> {
    let Plan { method, url, headers, body } = plan::<P, &Value>(params, options)?;
    let body = body.map(|except| {
        let mut w = JsonWriter::<N>::with_numbers();
        // `plan` checked the params: reading them cannot fail.
        if let Some(params) = P::from_checked(params) {
            params.write_json_except(&mut w, except);
        }
        w.finish()
    });
    let headers = headers.into_iter().map(|(name, value)| (name.to_owned(), value)).collect();
    Ok(HttpRequest { method: method.to_owned(), url, headers, body })
}

/// The path of one session, its id encoded as one segment.
fn session_path(id: &str) -> String {
    format!("{ENDPOINT_PATH}/{}", encode_uri_component(id))
}

impl Endpoint for CreateAgentSession {
    const METHOD: &'static str = "POST";
    const BODY: Option<&'static str> = Some("");
    fn target<'a, I: Input<'a>>(_: I) -> Option<Target> {
        Some((ENDPOINT_PATH.to_owned(), Vec::new()))
    }
}

/// `GET /agent/sessions/{id}?wait=…&timeout=…` (only the params given).
impl Endpoint for GetAgentSessionParams {
    const METHOD: &'static str = "GET";
    const BODY: Option<&'static str> = None;
    fn target<'a, I: Input<'a>>(params: I) -> Option<Target> {
        let p = Self::from_checked(params)?;
        let mut query = Vec::new();
        if let Some(wait) = p.wait {
            query.push(("wait", wait.to_string()));
        }
        if let Some(timeout) = p.timeout {
            query.push(("timeout", timeout.to_string()));
        }
        Some((session_path(&p.id), query))
    }
}

/// `GET /agent/sessions?limit=…&cursor=…&workspaceElementType=…` (only the
/// params given).
impl Endpoint for ListAgentSessionsParams {
    const METHOD: &'static str = "GET";
    const BODY: Option<&'static str> = None;
    fn target<'a, I: Input<'a>>(params: I) -> Option<Target> {
        let p = Self::from_checked(params)?;
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
        Some((ENDPOINT_PATH.to_owned(), query))
    }
}

/// `POST /agent/sessions/{id}/message`; the body is the params less `id`.
impl Endpoint for SendAgentSessionMessageParams {
    const METHOD: &'static str = "POST";
    const BODY: Option<&'static str> = Some("id");
    fn target<'a, I: Input<'a>>(params: I) -> Option<Target> {
        let id = id_of(params)?;
        Some((format!("{}/message", session_path(id)), Vec::new()))
    }
}

/// `POST /agent/sessions/{id}/interrupt`, with no body.
impl Endpoint for InterruptAgentSessionParams {
    const METHOD: &'static str = "POST";
    const BODY: Option<&'static str> = None;
    fn target<'a, I: Input<'a>>(params: I) -> Option<Target> {
        let id = id_of(params)?;
        Some((format!("{}/interrupt", session_path(id)), Vec::new()))
    }
}

/// The checked `id` of params (without reading the rest).
fn id_of<'a, I: Input<'a>>(params: I) -> Option<&'a str> {
    let Kind::Object(entries) = params.kind() else { return None };
    match field::<I>(entries, "id")?.kind() {
        Kind::String(id) => Some(id),
        _ => None,
    }
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
    build::<CreateAgentSession, RustNumbers>(input, options)
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
    build::<GetAgentSessionParams, RustNumbers>(params, options)
}

/// `GET /agent/sessions?limit=…&cursor=…&workspaceElementType=…` (only the
/// params given).
pub fn build_list_agent_sessions_request(params: &Value, options: &Value) -> Result<HttpRequest, Vec<Issue>> {
    build::<ListAgentSessionsParams, RustNumbers>(params, options)
}

/// `POST /agent/sessions/{id}/message`; the body is the params less `id`.
pub fn build_send_agent_session_message_request(
    params: &Value,
    options: &Value,
) -> Result<HttpRequest, Vec<Issue>> {
    build::<SendAgentSessionMessageParams, RustNumbers>(params, options)
}

/// `POST /agent/sessions/{id}/interrupt`, with no body.
pub fn build_interrupt_agent_session_request(
    params: &Value,
    options: &Value,
) -> Result<HttpRequest, Vec<Issue>> {
    build::<InterruptAgentSessionParams, RustNumbers>(params, options)
}

/// The token and the normalised base URL.
fn check_options<'a, I: Input<'a>>(c: &mut Checker<'a>, options: I) -> Option<(&'a str, String)> {
    let entries = c.object(options)?;
    let token = c.at_field("token", |c| {
        let value = c.required(field::<I>(entries.clone(), "token"), "string")?;
        let token = c.string(value)?;
        match check_token(token) {
            Ok(()) => Some(token),
            Err(kind) => {
                c.report(kind);
                None
            }
        }
    });
    let base_url = match field::<I>(entries.clone(), "baseUrl") {
        None => Some(DEFAULT_BASE_URL.to_owned()),
        Some(value) => c.at_field("baseUrl", |c| {
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
    c.unknown_keys::<I>(entries, OPTION_KEYS);
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
