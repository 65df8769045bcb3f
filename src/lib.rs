//! Validate, build and parse requests for Membrane's
//! **Create a new agent session** (`POST /agent/sessions`), exactly as the
//! API documents them.
//!
//! The rules here are plain Rust, tested natively; `wasm.rs` is the only
//! module that knows about JavaScript.
//!
//! # Example
//! ```
//! use membrane_agent_session::{build_create_agent_session_request, json_text::parse};
//! let input = parse(r#"{"prompt": "Sync Jira issues", "agentName": "membrane"}"#).unwrap();
//! let options = parse(r#"{"token": "t0k3n"}"#).unwrap();
//! let request = build_create_agent_session_request(&input, &options).unwrap();
//! assert_eq!(request.url, "https://api.getmembrane.com/agent/sessions");
//! ```

#[cfg(target_arch = "wasm32")]
mod allocator;
pub mod base_url;
mod checker;
pub mod curl;
pub mod enums;
pub mod http_request;
pub mod input;
pub mod issue;
pub mod json_scan;
pub mod json_schema;
pub mod json_text;
pub mod outcome;
pub mod params;
pub mod percent_encoding;
pub mod request;
pub mod response;
pub mod shape;
pub mod suggestion;
pub mod tape;
pub mod timestamp;
pub mod token;
pub mod value;
/// The JavaScript binding (public so that the wasm test suites can call it).
#[cfg(target_arch = "wasm32")]
pub mod wasm;

/// The module's allocator: size-class free lists, a tenth of the module
/// smaller than the standard library's (see `allocator.rs`).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: allocator::SizeClasses = allocator::SizeClasses::new();

pub use checker::MAX_ISSUES;
pub use enums::{AgentName, AgentSessionState, AgentSessionStatus, ModelId, WorkspaceElementType};
pub use http_request::{
    build_create_agent_session_request, build_get_agent_session_request,
    build_interrupt_agent_session_request, build_list_agent_sessions_request,
    build_send_agent_session_message_request, BuildOptions, HttpRequest,
};
pub use issue::{Issue, IssueKind, PathSegment};
pub use params::{
    GetAgentSessionParams, InterruptAgentSessionParams, ListAgentSessionsParams,
    SendAgentSessionMessageParams,
};
pub use request::{validate_create_agent_session, CreateAgentSession, PromptAttachment};
pub use response::{
    parse_agent_session, parse_agent_session_list, parse_agent_session_text,
    parse_interrupt_agent_session_response, AgentSession, AgentSessionList, ErrorData,
    InterruptAgentSessionResponse,
};
pub use timestamp::is_timestamp;
pub use value::{Foreign, Value, MAX_DEPTH, MAX_FOREIGN};
