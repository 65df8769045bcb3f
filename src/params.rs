//! The params objects of the lifecycle builders: SPEC's params table, one
//! line per row. A key not listed is `unrecognized_keys`, as for create.

use crate::enums::WorkspaceElementType;
use crate::request::PromptAttachment;
use crate::shape::{shape, Rule};

shape! {
    /// `buildGetAgentSessionRequest`'s params: `GET /agent/sessions/{id}`.
    pub struct GetAgentSessionParams (Refuse) {
        /// The session's id; sent as one path segment.
        id: String = "id", required, Rule::PathSegment;
        /// Long polling: wait for the session to change before answering.
        #[tsify(optional)]
        wait: Option<bool> = "wait", optional, Rule::Boolean;
        /// Seconds to wait, 1 to 60 (the server's default is 30).
        #[tsify(optional)]
        timeout: Option<u32> = "timeout", optional, Rule::Integer { min: 1, max: 60 };
    }
}

shape! {
    /// `buildListAgentSessionsRequest`'s params: `GET /agent/sessions`.
    pub struct ListAgentSessionsParams (Refuse) {
        /// Sessions per page, 1 to 1000.
        #[tsify(optional)]
        limit: Option<u32> = "limit", optional, Rule::Integer { min: 1, max: 1000 };
        /// The previous page's `cursor`.
        #[tsify(optional)]
        cursor: Option<String> = "cursor", optional, Rule::Text { min: 1 };
        #[tsify(optional)]
        workspace_element_type: Option<WorkspaceElementType> = "workspaceElementType", optional, Rule::Enum(WorkspaceElementType::VALUES);
    }
}

shape! {
    /// `buildSendAgentSessionMessageRequest`'s params:
    /// `POST /agent/sessions/{id}/message`; the body is these params less `id`.
    pub struct SendAgentSessionMessageParams (Refuse) {
        /// The session's id; sent as one path segment.
        id: String = "id", required, Rule::PathSegment;
        /// The message (any string, as in the SDK).
        input: String = "input", required, Rule::Text { min: 0 };
        #[tsify(optional)]
        synthetic: Option<bool> = "synthetic", optional, Rule::Boolean;
        #[tsify(optional)]
        attachments: Option<Vec<PromptAttachment>> = "attachments", optional, Rule::ArrayOf(PromptAttachment::shape);
    }
}

shape! {
    /// `buildInterruptAgentSessionRequest`'s params:
    /// `POST /agent/sessions/{id}/interrupt`.
    pub struct InterruptAgentSessionParams (Refuse) {
        /// The session's id; sent as one path segment.
        id: String = "id", required, Rule::PathSegment;
    }
}
