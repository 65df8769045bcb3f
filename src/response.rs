//! What the API answers: a session (AgentSession, ErrorData), the list page
//! and the interrupt answer — SPEC's response tables, one line per row.
//! Unknown keys are tolerated and dropped: servers add fields, clients must
//! not break.

use crate::enums::{AgentName, AgentSessionState, AgentSessionStatus, WorkspaceElementType};
use crate::issue::Issue;
use crate::json_text::{self, NumberText, RustNumbers};
use crate::shape::{check, shape, Declared, Rule};
use crate::value::Value;

shape! {
    /// A checked session, as the API returns it.
    pub struct AgentSession (Drop) {
        id: String = "id", required, Rule::Text { min: 0 };
        workspace_id: String = "workspaceId", required, Rule::Text { min: 0 };
        workspace_element_id: String = "workspaceElementId", required, Rule::Text { min: 0 };
        session_type: String = "type", required, Rule::Text { min: 0 };
        status: AgentSessionStatus = "status", required, Rule::Enum(AgentSessionStatus::VALUES);
        prompt: String = "prompt", required, Rule::Text { min: 0 };
        /// A Timestamp (see `isTimestamp`).
        #[tsify(type = "Timestamp")]
        last_activity_at: String = "lastActivityAt", required, Rule::Timestamp;
        has_worker: bool = "hasWorker", required, Rule::Boolean;
        #[tsify(type = "Timestamp")]
        created_at: String = "createdAt", required, Rule::Timestamp;
        #[tsify(type = "Timestamp")]
        updated_at: String = "updatedAt", required, Rule::Timestamp;
        #[tsify(optional)]
        workspace_element_type: Option<WorkspaceElementType> = "workspaceElementType", optional, Rule::Enum(WorkspaceElementType::VALUES);
        /// `"busy"` when the API leaves it out.
        state: AgentSessionState = "state", default("busy"), Rule::Enum(AgentSessionState::VALUES);
        #[tsify(optional)]
        agent_name: Option<AgentName> = "agentName", optional, Rule::Enum(AgentName::VALUES);
        #[tsify(optional)]
        org_workspace_id: Option<String> = "orgWorkspaceId", optional, Rule::Text { min: 0 };
        #[tsify(optional)]
        user_id: Option<String> = "userId", optional, Rule::Text { min: 0 };
        #[tsify(optional)]
        tenant_id: Option<String> = "tenantId", optional, Rule::Text { min: 0 };
        #[tsify(optional)]
        title: Option<String> = "title", optional, Rule::Text { min: 0 };
        #[tsify(optional)]
        summary: Option<String> = "summary", optional, Rule::Text { min: 0 };
        #[tsify(optional)]
        cost: Option<f64> = "cost", optional, Rule::FiniteNumber;
        #[tsify(optional)]
        is_external: Option<bool> = "isExternal", optional, Rule::Boolean;
        /// An object of any JSON values.
        #[tsify(optional, type = "Record<string, unknown>")]
        output: Option<Vec<(String, Value)>> = "output", optional, Rule::JsonObject;
        #[tsify(optional)]
        error: Option<ErrorData> = "error", optional, Rule::Nested(ErrorData::shape);
    }
}

shape! {
    /// What went wrong in a session, possibly caused by another error.
    pub struct ErrorData (Drop) {
        message: String = "message", required, Rule::Text { min: 0 };
        #[tsify(optional)]
        error_type: Option<String> = "type", optional, Rule::Text { min: 0 };
        #[tsify(optional)]
        key: Option<String> = "key", optional, Rule::Text { min: 0 };
        #[tsify(optional, type = "unknown")]
        data: Option<Value> = "data", optional, Rule::Json;
        #[tsify(optional, type = "unknown")]
        stack: Option<Value> = "stack", optional, Rule::Json;
        #[tsify(optional, type = "unknown[]")]
        logs: Option<Vec<Value>> = "logs", optional, Rule::JsonArray;
        #[tsify(optional)]
        caused_by_error: Option<Box<ErrorData>> = "causedByError", optional, Rule::Nested(ErrorData::shape);
    }
}

shape! {
    /// A page of `GET /agent/sessions`: up to 1000 sessions and, when there
    /// are more, the cursor of the next page.
    pub struct AgentSessionList (Drop) {
        items: Vec<AgentSession> = "items", required, Rule::ArrayOf(AgentSession::shape);
        #[tsify(optional)]
        cursor: Option<String> = "cursor", optional, Rule::Text { min: 0 };
    }
}

shape! {
    /// The answer of `POST /agent/sessions/{id}/interrupt`.
    pub struct InterruptAgentSessionResponse (Drop) {
        interrupted: bool = "interrupted", required, Rule::Boolean;
    }
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
    check(input, &[])
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
    parse_text_with::<RustNumbers, AgentSession>(text)
}

/// Checks a list page (`GET /agent/sessions`); an item's problems carry the
/// path `["items", i, …]`.
pub fn parse_agent_session_list(input: &Value) -> Result<AgentSessionList, Vec<Issue>> {
    check(input, &[])
}

/// Checks the answer of `POST /agent/sessions/{id}/interrupt`.
pub fn parse_interrupt_agent_session_response(
    input: &Value,
) -> Result<InterruptAgentSessionResponse, Vec<Issue>> {
    check(input, &[])
}

/// [`parse_agent_session_text`] for any declared answer `T`, with number
/// lexemes read by `N`.
pub fn parse_text_with<N: NumberText, T: Declared>(text: &str) -> Result<T, Vec<Issue>> {
    let value = json_text::parse_with::<N>(text).map_err(|issue| vec![issue])?;
    check(&value, &[])
}
