//! Every declaration agrees with SPEC's tables (keys, order, required or
//! not, the rule of each row), and the JSON Schemas are generated from them.
#![cfg(not(target_arch = "wasm32"))]

use membrane_agent_session::json_schema::{agent_session_json_schema, create_agent_session_json_schema};
use membrane_agent_session::shape::{Presence, Rule, Shape, UnknownKeys};
use membrane_agent_session::timestamp::TIMESTAMP_PATTERN;
use membrane_agent_session::*;

fn spec() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/spec/SPEC.md")).expect("spec/SPEC.md")
}

/// The text of SPEC between the line starting `from` and the next blank line.
fn paragraph(from: &str) -> String {
    let spec = spec();
    let start = spec.find(from).unwrap_or_else(|| panic!("SPEC has {from:?}"));
    let rest = &spec[start..];
    rest[..rest.find("\n\n").unwrap_or(rest.len())].to_owned()
}

/// The `backticked` words of `text`, in order.
fn backticked(text: &str) -> Vec<String> {
    text.split('`').skip(1).step_by(2).map(str::to_owned).collect()
}

/// The shape's keys with `?` after the optional ones.
fn signature(shape: &Shape) -> Vec<String> {
    shape
        .fields
        .iter()
        .map(|f| match f.presence {
            Presence::Required => f.key.to_owned(),
            _ => format!("{}?", f.key),
        })
        .collect()
}

fn rule(shape: &Shape, key: &str) -> Rule {
    shape.fields.iter().find(|f| f.key == key).unwrap_or_else(|| panic!("{} has {key}", shape.name)).rule
}

#[test]
fn the_request_is_specs_request_table() {
    let table = paragraph("| prompt |");
    let mut expected = Vec::new();
    for row in table.lines() {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let required = cells[3].contains("**required**");
        expected.push(if required { cells[1].to_owned() } else { format!("{}?", cells[1]) });
        let min_one = cells[3].contains("at least 1 character");
        match rule(&CreateAgentSession::SHAPE, cells[1]) {
            Rule::Text { min } => assert_eq!(min == 1, min_one, "{row}"),
            Rule::Enum(values) => assert_eq!(values.len(), enum_values(cells[2]).len(), "{row}"),
            Rule::Boolean => assert_eq!(cells[2], "boolean"),
            Rule::ArrayOf(item) => assert_eq!(signature(item()), ["title", "data"]),
            other => panic!("unexpected rule {other:?} for {row}"),
        }
    }
    assert_eq!(signature(&CreateAgentSession::SHAPE), expected);
    assert_eq!(CreateAgentSession::SHAPE.unknown_keys, UnknownKeys::Refuse);
    assert_eq!(PromptAttachment::SHAPE.unknown_keys, UnknownKeys::Refuse);
}

fn enum_values(name: &str) -> &'static [&'static str] {
    match name {
        "WorkspaceElementType" => WorkspaceElementType::VALUES,
        "ModelId" => ModelId::VALUES,
        "AgentName" => AgentName::VALUES,
        "AgentSessionStatus" => AgentSessionStatus::VALUES,
        "AgentSessionState" => AgentSessionState::VALUES,
        other => panic!("no enum {other}"),
    }
}

#[test]
fn the_session_is_specs_response_lists() {
    let required = backticked(&paragraph("Required: `id`"));
    // "(**defaults to `busy`** when absent)" names a value, not a key.
    let optional: Vec<String> = backticked(&paragraph("Optional: `workspaceElementType`"))
        .into_iter()
        .filter(|k| k != "busy")
        .collect();
    let mut expected = required.clone();
    expected.extend(optional.iter().map(|k| format!("{k}?")));
    assert_eq!(signature(&AgentSession::SHAPE), expected);
    for key in ["lastActivityAt", "createdAt", "updatedAt"] {
        assert!(matches!(rule(&AgentSession::SHAPE, key), Rule::Timestamp), "{key}");
    }
    let state = AgentSession::SHAPE.fields.iter().find(|f| f.key == "state").unwrap();
    assert_eq!(state.presence, Presence::Default("busy"), "SPEC: state defaults to busy");
    assert!(matches!(rule(&AgentSession::SHAPE, "cost"), Rule::FiniteNumber));
    assert_eq!(AgentSession::SHAPE.unknown_keys, UnknownKeys::Drop);

    let error = backticked(&paragraph("ErrorData: `message`"));
    let mut expected: Vec<String> = error.iter().map(|k| format!("{k}?")).collect();
    expected[0] = "message".to_owned();
    assert_eq!(signature(&ErrorData::SHAPE), expected);
    assert!(matches!(rule(&ErrorData::SHAPE, "logs"), Rule::JsonArray));
}

/// `({ id, wait?, timeout? }, options)` for `builder` in SPEC's endpoint table.
fn params_of(builder: &str) -> Vec<String> {
    let spec = spec();
    let at = spec.find(&format!("`{builder}({{ ")).unwrap_or_else(|| panic!("SPEC lists {builder}"));
    let rest = &spec[at + builder.len() + 4..];
    rest[..rest.find(" }").unwrap()].split(", ").map(str::to_owned).collect()
}

#[test]
fn the_params_are_specs_endpoint_table() {
    assert_eq!(signature(&GetAgentSessionParams::SHAPE), params_of("buildGetAgentSessionRequest"));
    assert_eq!(signature(&ListAgentSessionsParams::SHAPE), params_of("buildListAgentSessionsRequest"));
    assert_eq!(
        signature(&SendAgentSessionMessageParams::SHAPE),
        params_of("buildSendAgentSessionMessageRequest")
    );
    assert_eq!(
        signature(&InterruptAgentSessionParams::SHAPE),
        params_of("buildInterruptAgentSessionRequest")
    );
    for shape in [
        &GetAgentSessionParams::SHAPE,
        &ListAgentSessionsParams::SHAPE,
        &SendAgentSessionMessageParams::SHAPE,
        &InterruptAgentSessionParams::SHAPE,
    ] {
        assert_eq!(shape.unknown_keys, UnknownKeys::Refuse, "{}", shape.name);
    }
    // The integer rows: "1 ≤ x ≤ 60", "1 ≤ x ≤ 1000".
    for (shape, key) in
        [(&GetAgentSessionParams::SHAPE, "timeout"), (&ListAgentSessionsParams::SHAPE, "limit")]
    {
        let row = paragraph(&format!("| {key} |"));
        let row = row.lines().next().unwrap();
        let Rule::Integer { min, max } = rule(shape, key) else { panic!("{key} is an integer") };
        assert!(row.contains(&format!("{min} ≤ x ≤ {max}")), "{row}");
    }
    assert!(matches!(rule(&GetAgentSessionParams::SHAPE, "id"), Rule::PathSegment));
    assert!(matches!(rule(&ListAgentSessionsParams::SHAPE, "cursor"), Rule::Text { min: 1 }));
    assert!(matches!(rule(&SendAgentSessionMessageParams::SHAPE, "input"), Rule::Text { min: 0 }));
    // SPEC: `Result<{ items: AgentSession[]; cursor?: string }>`, `{ interrupted: boolean }`.
    assert_eq!(signature(&AgentSessionList::SHAPE), ["items", "cursor?"]);
    assert_eq!(signature(&InterruptAgentSessionResponse::SHAPE), ["interrupted"]);
}

#[test]
fn json_schemas_come_from_the_declarations() {
    let request = create_agent_session_json_schema();
    let parsed = json_text::parse(&request).expect("JSON");
    assert_eq!(
        parsed.get("$schema"),
        Some(&Value::String("https://json-schema.org/draft/2020-12/schema".into()))
    );
    assert_eq!(parsed.get("additionalProperties"), Some(&Value::Bool(false)));
    let Some(Value::Object(properties)) = parsed.get("properties") else { panic!("properties") };
    let keys: Vec<&str> = properties.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, CreateAgentSession::SHAPE.keys);
    assert!(request.contains(r#""prompt":{"type":"string","minLength":1}"#), "{request}");
    assert!(request.contains(&ModelId::VALUES.join(r#"",""#)));
    assert!(request.contains(r##""items":{"$ref":"#/$defs/PromptAttachment"}"##));
    assert!(request.contains(r#""required":["title","data"],"additionalProperties":false"#));

    let session = agent_session_json_schema();
    let parsed = json_text::parse(&session).expect("JSON");
    assert_eq!(parsed.get("additionalProperties"), None, "unknown response keys are tolerated");
    let mut pattern = String::new();
    let mut w = json_text::JsonWriter::new();
    w.string(TIMESTAMP_PATTERN);
    pattern.push_str(&w.finish());
    assert_eq!(session.matches(&format!(r#""pattern":{pattern}"#)).count(), 3, "three Timestamp fields");
    assert!(session.contains(r#""state":{"type":"string","enum":["busy","idle"],"default":"busy"}"#));
    assert!(session.contains(r##""causedByError":{"$ref":"#/$defs/ErrorData"}"##));
}

#[test]
fn every_shape_has_its_own_name() {
    // The JS binding numbers shapes by name (`shape::shape_index`).
    use membrane_agent_session::shape::{shape_index, SHAPES};
    for (i, shape) in SHAPES.iter().enumerate() {
        assert_eq!(shape_index(shape), i, "{}", shape.name);
        assert_eq!(SHAPES.iter().filter(|s| s.name == shape.name).count(), 1, "{}", shape.name);
    }
}
