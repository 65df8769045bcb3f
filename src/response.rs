//! The `200` answer of `POST /agent/sessions` (AgentSession, ErrorData) and
//! its rules, one per row of SPEC's response table. Unknown keys are
//! tolerated and dropped: servers add fields, clients must not break.

use tsify::Tsify;

use crate::checker::{field, Checker, Presence::*, TextForm::*};
use crate::enums::{AgentName, AgentSessionState, AgentSessionStatus, WorkspaceElementType};
use crate::issue::Issue;
use crate::json_text::{self, JsonWriter, NumberText, RustNumbers, ToJson};
use crate::value::Value;

/// A checked session, as the API returns it.
#[derive(Clone, Debug, PartialEq, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct AgentSession {
    pub id: String,
    pub workspace_id: String,
    pub workspace_element_id: String,
    #[serde(rename = "type")]
    pub session_type: String,
    pub status: AgentSessionStatus,
    pub prompt: String,
    /// A Timestamp (see [`crate::is_timestamp`]).
    pub last_activity_at: String,
    pub has_worker: bool,
    pub created_at: String,
    pub updated_at: String,
    #[tsify(optional)]
    pub workspace_element_type: Option<WorkspaceElementType>,
    /// `busy` when the API leaves it out.
    pub state: AgentSessionState,
    #[tsify(optional)]
    pub agent_name: Option<AgentName>,
    #[tsify(optional)]
    pub org_workspace_id: Option<String>,
    #[tsify(optional)]
    pub user_id: Option<String>,
    #[tsify(optional)]
    pub tenant_id: Option<String>,
    #[tsify(optional)]
    pub title: Option<String>,
    #[tsify(optional)]
    pub summary: Option<String>,
    #[tsify(optional)]
    pub cost: Option<f64>,
    #[tsify(optional)]
    pub is_external: Option<bool>,
    /// An object of any JSON values.
    #[tsify(optional, type = "Record<string, unknown>")]
    pub output: Option<Vec<(String, Value)>>,
    #[tsify(optional)]
    pub error: Option<ErrorData>,
}

/// What went wrong in a session, possibly caused by another error.
#[derive(Clone, Debug, PartialEq, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ErrorData {
    pub message: String,
    #[tsify(optional)]
    #[serde(rename = "type")]
    pub error_type: Option<String>,
    #[tsify(optional)]
    pub key: Option<String>,
    #[tsify(optional, type = "unknown")]
    pub data: Option<Value>,
    #[tsify(optional, type = "unknown")]
    pub stack: Option<Value>,
    #[tsify(optional, type = "unknown[]")]
    pub logs: Option<Vec<Value>>,
    #[tsify(optional)]
    pub caused_by_error: Option<Box<ErrorData>>,
}

/// Checks a parsed response body against SPEC's response table.
///
/// # Example
/// ```
/// use membrane_agent_session::{json_text::parse, parse_agent_session, AgentSessionState};
/// let body = parse(r#"{"id":"s1","workspaceId":"w1","workspaceElementId":"e1","type":"chat",
///   "status":"running","prompt":"hi","lastActivityAt":"2025-01-01T10:00Z","hasWorker":true,
///   "createdAt":"2025-01-01T09:59:00Z","updatedAt":"2025-01-01T10:00:00.5Z","extra":1}"#).unwrap();
/// let session = parse_agent_session(&body).unwrap();
/// assert_eq!(session.state, AgentSessionState::Busy);
/// ```
pub fn parse_agent_session(input: &Value) -> Result<AgentSession, Vec<Issue>> {
    let mut checker = Checker::new(&[]);
    let session = check_session(&mut checker, input);
    checker.finish(session)
}

/// Reads raw response text with `JSON.parse`'s meaning, then checks it.
///
/// # Example
/// ```
/// use membrane_agent_session::parse_agent_session_text;
/// let issues = parse_agent_session_text("<html>").unwrap_err();
/// assert_eq!(issues[0].code(), "invalid_json");
/// ```
pub fn parse_agent_session_text(text: &str) -> Result<AgentSession, Vec<Issue>> {
    parse_agent_session_text_with::<RustNumbers>(text)
}

/// [`parse_agent_session_text`], with number lexemes read by `N`.
pub fn parse_agent_session_text_with<N: NumberText>(text: &str) -> Result<AgentSession, Vec<Issue>> {
    let value = json_text::parse_with::<N>(text).map_err(|issue| vec![issue])?;
    parse_agent_session(&value)
}

fn check_session<'a>(c: &mut Checker<'a>, input: &'a Value) -> Option<AgentSession> {
    let e = c.object(input)?;
    let id = c.text_field(e, "id", Required, Any);
    let workspace_id = c.text_field(e, "workspaceId", Required, Any);
    let workspace_element_id = c.text_field(e, "workspaceElementId", Required, Any);
    let session_type = c.text_field(e, "type", Required, Any);
    let status = c.enum_field(e, "status", Required);
    let prompt = c.text_field(e, "prompt", Required, Any);
    let last_activity_at = c.text_field(e, "lastActivityAt", Required, Timestamp);
    let has_worker = c.boolean_field(e, "hasWorker", Required);
    let created_at = c.text_field(e, "createdAt", Required, Timestamp);
    let updated_at = c.text_field(e, "updatedAt", Required, Timestamp);
    let workspace_element_type = c.enum_field(e, "workspaceElementType", Optional);
    let state = c.enum_field(e, "state", Optional);
    let agent_name = c.enum_field(e, "agentName", Optional);
    let org_workspace_id = c.text_field(e, "orgWorkspaceId", Optional, Any);
    let user_id = c.text_field(e, "userId", Optional, Any);
    let tenant_id = c.text_field(e, "tenantId", Optional, Any);
    let title = c.text_field(e, "title", Optional, Any);
    let summary = c.text_field(e, "summary", Optional, Any);
    let cost = c.optional_field(e, "cost", |c, v| c.finite_number(v));
    let is_external = c.boolean_field(e, "isExternal", Optional);
    let output = c.optional_field(e, "output", |c, v| {
        let entries = c.object(v)?;
        c.json(v)?;
        Some(entries.to_vec())
    });
    let error = c.optional_field(e, "error", |c, v| check_error_data(c, v));
    Some(AgentSession {
        id: id.flatten()?,
        workspace_id: workspace_id.flatten()?,
        workspace_element_id: workspace_element_id.flatten()?,
        session_type: session_type.flatten()?,
        status: status.flatten()?,
        prompt: prompt.flatten()?,
        last_activity_at: last_activity_at.flatten()?,
        has_worker: has_worker.flatten()?,
        created_at: created_at.flatten()?,
        updated_at: updated_at.flatten()?,
        workspace_element_type: workspace_element_type?,
        state: state?.unwrap_or(AgentSessionState::Busy),
        agent_name: agent_name?,
        org_workspace_id: org_workspace_id?,
        user_id: user_id?,
        tenant_id: tenant_id?,
        title: title?,
        summary: summary?,
        cost: cost?,
        is_external: is_external?,
        output: output?,
        error: error?,
    })
}

/// ErrorData and its `causedByError` chain. The chain is followed in a
/// loop, not by recursion, so a long chain cannot exhaust the stack.
fn check_error_data<'a>(c: &mut Checker<'a>, input: &'a Value) -> Option<ErrorData> {
    let mut links: Vec<Option<ErrorData>> = Vec::new();
    let mut current = Some(input);
    let mut entered = 0;
    while let Some(value) = current.take() {
        let (link, cause) = check_error_link(c, value);
        links.push(link);
        if cause.is_some() {
            // Every later link sits one "causedByError" key deeper.
            c.enter_key("causedByError");
            entered += 1;
        }
        current = cause;
    }
    for _ in 0..entered {
        c.leave();
    }
    let mut chain: Option<ErrorData> = None;
    let mut all_good = true;
    for link in links.into_iter().rev() {
        match link {
            Some(mut link) if all_good => {
                link.caused_by_error = chain.take().map(Box::new);
                chain = Some(link);
            }
            _ => all_good = false,
        }
    }
    chain.filter(|_| all_good)
}

/// One link of the chain, and the value of its `causedByError` if present.
fn check_error_link<'a>(c: &mut Checker<'a>, input: &'a Value) -> (Option<ErrorData>, Option<&'a Value>) {
    let Some(e) = c.object(input) else {
        return (None, None);
    };
    let message = c.text_field(e, "message", Required, Any);
    let error_type = c.text_field(e, "type", Optional, Any);
    let key = c.text_field(e, "key", Optional, Any);
    let data = c.optional_field(e, "data", |c, v| c.json(v));
    let stack = c.optional_field(e, "stack", |c, v| c.json(v));
    let logs = c.optional_field(e, "logs", |c, v| {
        c.array(v)?;
        match c.json(v)? {
            Value::Array(items) => Some(items),
            _ => None,
        }
    });
    let cause = field(e, "causedByError");
    let link = (|| {
        Some(ErrorData {
            message: message.flatten()?,
            error_type: error_type?,
            key: key?,
            data: data?,
            stack: stack?,
            logs: logs?,
            caused_by_error: None,
        })
    })();
    (link, cause)
}

impl ToJson for AgentSession {
    fn write_json<N: NumberText>(&self, w: &mut JsonWriter<N>) {
        let mut o = w.object();
        o.string("id", &self.id);
        o.string("workspaceId", &self.workspace_id);
        o.string("workspaceElementId", &self.workspace_element_id);
        o.string("type", &self.session_type);
        o.string("status", self.status.as_str());
        o.string("prompt", &self.prompt);
        o.string("lastActivityAt", &self.last_activity_at);
        o.boolean("hasWorker", self.has_worker);
        o.string("createdAt", &self.created_at);
        o.string("updatedAt", &self.updated_at);
        o.optional_string("workspaceElementType", self.workspace_element_type.map(|v| v.as_str()));
        o.string("state", self.state.as_str());
        o.optional_string("agentName", self.agent_name.map(|v| v.as_str()));
        o.optional_string("orgWorkspaceId", self.org_workspace_id.as_deref());
        o.optional_string("userId", self.user_id.as_deref());
        o.optional_string("tenantId", self.tenant_id.as_deref());
        o.optional_string("title", self.title.as_deref());
        o.optional_string("summary", self.summary.as_deref());
        if let Some(cost) = self.cost {
            o.key("cost").number(cost);
        }
        o.optional_boolean("isExternal", self.is_external);
        if let Some(output) = &self.output {
            let mut out = o.key("output").object();
            for (key, value) in output {
                out.key(key).value(value);
            }
            out.end();
        }
        if let Some(error) = &self.error {
            error.write_json(o.key("error"));
        }
        o.end();
    }
}

impl ToJson for ErrorData {
    fn write_json<N: NumberText>(&self, w: &mut JsonWriter<N>) {
        // Written link by link (no recursion), closing braces at the end.
        let mut link = Some(self);
        let mut open = 0;
        while let Some(error) = link {
            let mut o = w.object();
            o.string("message", &error.message);
            o.optional_string("type", error.error_type.as_deref());
            o.optional_string("key", error.key.as_deref());
            if let Some(data) = &error.data {
                o.key("data").value(data);
            }
            if let Some(stack) = &error.stack {
                o.key("stack").value(stack);
            }
            if let Some(logs) = &error.logs {
                o.key("logs").values(logs);
            }
            open += 1;
            link = error.caused_by_error.as_deref();
            if link.is_some() {
                // Left open: the cause is written inside it, and every
                // brace is closed once the chain ends.
                o.key("causedByError");
            }
        }
        for _ in 0..open {
            w.raw("}");
        }
    }
}
