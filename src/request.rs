//! The request body of `POST /agent/sessions` (CreateAgentSession) and its
//! rules, one per row of SPEC's request table.

use tsify::Tsify;

use crate::checker::{field, Checker, Presence::*, TextForm::*};
use crate::enums::{AgentName, ModelId, WorkspaceElementType};
use crate::issue::Issue;
use crate::json_text::{JsonWriter, NumberText, ToJson};
use crate::value::Value;

/// A checked request body. Build one with [`validate_create_agent_session`].
#[derive(Clone, Debug, PartialEq, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CreateAgentSession {
    /// What the agent should do; at least one character.
    pub prompt: String,
    #[tsify(optional)]
    pub workspace_element_type: Option<WorkspaceElementType>,
    /// At least one character when present.
    #[tsify(optional)]
    pub workspace_element_id: Option<String>,
    #[tsify(optional)]
    pub test_customer_id: Option<String>,
    #[tsify(optional)]
    pub is_external: Option<bool>,
    #[tsify(optional)]
    pub model_id: Option<ModelId>,
    #[tsify(optional)]
    pub agent_name: Option<AgentName>,
    #[tsify(optional)]
    pub prompt_attachments: Option<Vec<PromptAttachment>>,
}

/// Extra context for the prompt: a titled JSON value.
#[derive(Clone, Debug, PartialEq, Tsify)]
pub struct PromptAttachment {
    /// At least one character.
    pub title: String,
    /// Any JSON value, `null` included; the key itself is required.
    #[tsify(type = "unknown")]
    pub data: Value,
}

/// The request's keys, in SPEC's order.
pub const REQUEST_KEYS: &[&str] = &[
    "prompt",
    "workspaceElementType",
    "workspaceElementId",
    "testCustomerId",
    "isExternal",
    "modelId",
    "agentName",
    "promptAttachments",
];

const ATTACHMENT_KEYS: &[&str] = &["title", "data"];

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
    let mut checker = Checker::new(&[]);
    let request = check_request(&mut checker, input);
    checker.finish(request)
}

pub(crate) fn check_request<'a>(c: &mut Checker<'a>, input: &'a Value) -> Option<CreateAgentSession> {
    let entries = c.object(input)?;
    let prompt = c.text_field(entries, "prompt", Required, NonEmpty);
    let workspace_element_type = c.enum_field(entries, "workspaceElementType", Optional);
    let workspace_element_id = c.text_field(entries, "workspaceElementId", Optional, NonEmpty);
    let test_customer_id = c.text_field(entries, "testCustomerId", Optional, Any);
    let is_external = c.boolean_field(entries, "isExternal", Optional);
    let model_id = c.enum_field(entries, "modelId", Optional);
    let agent_name = c.enum_field(entries, "agentName", Optional);
    let prompt_attachments = c.optional_field(entries, "promptAttachments", |c, v| {
        let items = c.array(v)?;
        let mut attachments = Vec::with_capacity(items.len());
        let mut all_good = true;
        for (index, item) in items.iter().enumerate() {
            match c.at_index(index, |c| check_attachment(c, item)) {
                Some(attachment) => attachments.push(attachment),
                None => all_good = false,
            }
        }
        all_good.then_some(attachments)
    });
    c.unknown_keys(entries, REQUEST_KEYS);
    Some(CreateAgentSession {
        prompt: prompt.flatten()?,
        workspace_element_type: workspace_element_type?,
        workspace_element_id: workspace_element_id?,
        test_customer_id: test_customer_id?,
        is_external: is_external?,
        model_id: model_id?,
        agent_name: agent_name?,
        prompt_attachments: prompt_attachments?,
    })
}

fn check_attachment<'a>(c: &mut Checker<'a>, item: &'a Value) -> Option<PromptAttachment> {
    let entries = c.object(item)?;
    let title = c.text_field(entries, "title", Required, NonEmpty);
    let data = c.at_key("data", |c| {
        let value = c.required(field(entries, "data"), "json")?;
        c.json(value)
    });
    c.unknown_keys(entries, ATTACHMENT_KEYS);
    Some(PromptAttachment { title: title.flatten()?, data: data? })
}

impl ToJson for CreateAgentSession {
    fn write_json<N: NumberText>(&self, w: &mut JsonWriter<N>) {
        let mut o = w.object();
        o.string("prompt", &self.prompt);
        o.optional_string("workspaceElementType", self.workspace_element_type.map(|v| v.as_str()));
        o.optional_string("workspaceElementId", self.workspace_element_id.as_deref());
        o.optional_string("testCustomerId", self.test_customer_id.as_deref());
        o.optional_boolean("isExternal", self.is_external);
        o.optional_string("modelId", self.model_id.map(|v| v.as_str()));
        o.optional_string("agentName", self.agent_name.map(|v| v.as_str()));
        if let Some(attachments) = &self.prompt_attachments {
            attachments.write_json(o.key("promptAttachments"));
        }
        o.end();
    }
}

impl ToJson for PromptAttachment {
    fn write_json<N: NumberText>(&self, w: &mut JsonWriter<N>) {
        let mut o = w.object();
        o.string("title", &self.title);
        o.key("data").value(&self.data);
        o.end();
    }
}
