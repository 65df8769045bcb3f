//! The request body of `POST /agent/sessions` (CreateAgentSession): SPEC's
//! request table, one line per row.

use crate::enums::{AgentName, ModelId, WorkspaceElementType};
use crate::issue::Issue;
use crate::shape::{check, shape, Rule};
use crate::value::Value;

shape! {
    /// A checked request body of `POST /agent/sessions` (see `validateCreateAgentSession`).
    pub struct CreateAgentSession (Refuse) {
        /// What the agent should do; at least one character.
        prompt: String = "prompt", required, Rule::Text { min: 1 };
        #[tsify(optional)]
        workspace_element_type: Option<WorkspaceElementType> = "workspaceElementType", optional, Rule::Enum(WorkspaceElementType::VALUES);
        /// At least one character when present.
        #[tsify(optional)]
        workspace_element_id: Option<String> = "workspaceElementId", optional, Rule::Text { min: 1 };
        #[tsify(optional)]
        test_customer_id: Option<String> = "testCustomerId", optional, Rule::Text { min: 0 };
        #[tsify(optional)]
        is_external: Option<bool> = "isExternal", optional, Rule::Boolean;
        #[tsify(optional)]
        model_id: Option<ModelId> = "modelId", optional, Rule::Enum(ModelId::VALUES);
        #[tsify(optional)]
        agent_name: Option<AgentName> = "agentName", optional, Rule::Enum(AgentName::VALUES);
        #[tsify(optional)]
        prompt_attachments: Option<Vec<PromptAttachment>> = "promptAttachments", optional, Rule::ArrayOf(PromptAttachment::shape);
    }
}

shape! {
    /// Extra context for the prompt: a titled JSON value.
    pub struct PromptAttachment (Refuse) {
        /// At least one character.
        title: String = "title", required, Rule::Text { min: 1 };
        /// Any JSON value, `null` included; the key itself is required.
        #[tsify(type = "unknown")]
        data: Value = "data", required, Rule::Json;
    }
}

/// The request's keys, in SPEC's order.
pub const REQUEST_KEYS: &[&str] = CreateAgentSession::SHAPE.keys;

/// Checks `input` against SPEC's request table, reporting every problem.
///
/// # Example
/// ```
/// use membrane_agent_session::{json_text::parse, validate_create_agent_session};
/// let ok = parse(r#"{"prompt": "Build a Slack connection", "modelId": "openai/gpt-5.2"}"#).unwrap();
/// assert!(validate_create_agent_session(&ok).is_ok());
///
/// let bad = parse(r#"{"promt": "hi", "modelId": "OpenAI/gpt-5.2"}"#).unwrap();
/// let issues = validate_create_agent_session(&bad).unwrap_err();
/// let codes: Vec<_> = issues.iter().map(|i| i.code()).collect();
/// assert_eq!(codes, ["invalid_type", "invalid_value", "unrecognized_keys"]);
/// ```
pub fn validate_create_agent_session(input: &Value) -> Result<CreateAgentSession, Vec<Issue>> {
    check(input, &[])
}
