//! The five documented enumerations, each defined once.
//!
//! `string_enum!` turns one list of `Variant = "string"` pairs into the Rust
//! enum, its TypeScript string-literal union (through tsify and the serde
//! renames), and the `VALUES` array that the package exports — so the three
//! can never drift apart. `tests/enums.rs` checks the lists against SPEC.md.

macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $name:ident { $( $variant:ident = $text:literal, )+ }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, tsify::Tsify)]
        pub enum $name {
            $( #[serde(rename = $text)] $variant, )+
        }

        impl $name {
            /// Every documented value, in the documented order.
            pub const VALUES: &'static [&'static str] = &[ $( $text, )+ ];

            /// The exact documented string of this value.
            pub fn as_str(self) -> &'static str {
                match self { $( Self::$variant => $text, )+ }
            }

            /// The value whose documented string is exactly `text`
            /// (case-sensitive, no trimming, no aliases).
            pub fn from_exact(text: &str) -> Option<Self> {
                match text { $( $text => Some(Self::$variant), )+ _ => None }
            }
        }

        impl $crate::shape::FromChecked for $name {
            fn from_checked<'a, I: $crate::input::Input<'a>>(value: I) -> Option<Self> {
                match value.kind() {
                    $crate::input::Kind::String(text) => Self::from_exact(text),
                    _ => None,
                }
            }
        }

        impl $crate::json_text::ToJson for $name {
            fn write_json<N: $crate::json_text::NumberText>(&self, w: &mut $crate::json_text::JsonWriter<N>) {
                w.string(self.as_str());
            }
        }
    };
}

string_enum! {
    /// The kind of workspace element a session is about.
    WorkspaceElementType {
        Customer = "customer",
        App = "app",
        Connector = "connector",
        Integration = "integration",
        Flow = "flow",
        FlowInstance = "flow-instance",
        FlowRun = "flow-run",
        Action = "action",
        Package = "package",
        ActionInstance = "action-instance",
        Connection = "connection",
        FieldMapping = "field-mapping",
        FieldMappingInstance = "field-mapping-instance",
        DataSource = "data-source",
        DataSourceInstance = "data-source-instance",
        DataLinkTable = "data-link-table",
        DataLinkTableInstance = "data-link-table-instance",
        AppEventType = "app-event-type",
        AppEventSubscription = "app-event-subscription",
        AppEventLogRecord = "app-event-log-record",
        AppDataSchema = "app-data-schema",
        AppDataSchemaInstance = "app-data-schema-instance",
        ExternalEventSubscription = "external-event-subscription",
        ExternalEventLogRecord = "external-event-log-record",
        ExternalEventPull = "external-event-pull",
        ExternalEventType = "external-event-type",
        Screen = "screen",
        ActionRunLogRecord = "action-run-log-record",
        ExternalApiLogRecord = "external-api-log-record",
        IncomingWebhookLogRecord = "incoming-webhook-log-record",
        ConnectedProduct = "connected-product",
    }
}

string_enum! {
    /// The model the agent runs on.
    ModelId {
        AnthropicClaudeSonnet46 = "anthropic/claude-sonnet-4.6",
        AnthropicClaudeOpus46 = "anthropic/claude-opus-4.6",
        AnthropicClaudeSonnet45 = "anthropic/claude-sonnet-4.5",
        AnthropicClaudeOpus45 = "anthropic/claude-opus-4.5",
        AnthropicClaudeHaiku45 = "anthropic/claude-haiku-4.5",
        OpenaiGpt52 = "openai/gpt-5.2",
        OpenaiGpt5Nano = "openai/gpt-5-nano",
        GoogleGemini3ProPreview = "google/gemini-3-pro-preview",
        MoonshotaiKimiK25 = "moonshotai/kimi-k2.5",
    }
}

string_enum! {
    /// Which agent runs the session.
    AgentName {
        Membrane = "membrane",
        MembraneCore = "membrane-core",
        SelfIntegrating = "self-integrating",
        ConnectionBuilding = "connection-building",
        ActionBuilding = "action-building",
        Universe = "universe",
    }
}

string_enum! {
    /// Where a session is in its life.
    AgentSessionStatus {
        Queued = "queued",
        Starting = "starting",
        Running = "running",
        Completed = "completed",
        Failed = "failed",
        Cancelled = "cancelled",
    }
}

string_enum! {
    /// Whether the agent is working right now (`busy` when the API omits it).
    AgentSessionState {
        Busy = "busy",
        Idle = "idle",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_exact_round_trips_every_value() {
        for text in ModelId::VALUES {
            assert_eq!(ModelId::from_exact(text).map(ModelId::as_str), Some(*text));
        }
        for text in WorkspaceElementType::VALUES {
            assert_eq!(WorkspaceElementType::from_exact(text).map(WorkspaceElementType::as_str), Some(*text));
        }
    }

    #[test]
    fn matching_is_exact() {
        assert_eq!(AgentName::from_exact("Membrane"), None);
        assert_eq!(AgentName::from_exact(" membrane"), None);
        assert_eq!(AgentSessionState::from_exact(""), None);
    }
}
