//! The response table: required and optional fields, defaults, JSON text.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::{briefs, json};
use membrane_agent_session::{
    parse_agent_session, parse_agent_session_text, AgentSessionState, AgentSessionStatus, Value,
};

const MINIMAL: &str = r#"{"id":"s1","workspaceId":"w1","workspaceElementId":"e1","type":"chat",
  "status":"completed","prompt":"hi","lastActivityAt":"2025-03-01T10:00Z","hasWorker":false,
  "createdAt":"2025-03-01T09:00:00Z","updatedAt":"2025-03-01T10:00:00.250Z"}"#;

fn with(extra: &str) -> String {
    format!("{},{extra}}}", MINIMAL.trim_end().trim_end_matches('}'))
}

#[test]
fn minimal_session_gets_state_busy() {
    let session = parse_agent_session_text(MINIMAL).expect("valid");
    assert_eq!(session.state, AgentSessionState::Busy);
    assert_eq!(session.status, AgentSessionStatus::Completed);
    assert_eq!(session.last_activity_at, "2025-03-01T10:00Z");
    assert_eq!(session.workspace_element_type, None);
}

#[test]
fn every_optional_field_is_kept_and_unknown_keys_dropped() {
    let text = with(
        r#""workspaceElementType":"flow-run","state":"idle","agentName":"membrane-core","orgWorkspaceId":"o",
        "userId":"u","tenantId":"t","title":"T","summary":"S","cost":0.25,"isExternal":true,
        "output":{"a":[1,{"b":null}]},"newServerField":{"x":1},
        "error":{"message":"m","type":"t","key":"k","data":[1],"stack":"s","logs":[1,"x"],"extra":1,
                 "causedByError":{"message":"inner","causedByError":{"message":"innermost"}}}"#,
    );
    let session = parse_agent_session_text(&text).expect("valid");
    assert_eq!(session.state, AgentSessionState::Idle);
    assert_eq!(session.cost, Some(0.25));
    assert_eq!(session.output, Some(vec![("a".to_owned(), json(r#"[1,{"b":null}]"#))]));
    let error = session.error.expect("error");
    assert_eq!(error.logs, Some(vec![Value::Number(1.0), Value::String("x".into())]));
    let inner = error.caused_by_error.expect("cause");
    assert_eq!(inner.message, "inner");
    assert_eq!(inner.caused_by_error.expect("cause").message, "innermost");
    let written = membrane_agent_session::json_text::ToJson::to_json(&*Box::new(
        parse_agent_session_text(&text).unwrap(),
    ));
    assert!(!written.contains("newServerField") && !written.contains("extra"));
}

#[test]
fn each_required_field_is_required() {
    for key in [
        "id",
        "workspaceId",
        "workspaceElementId",
        "type",
        "status",
        "prompt",
        "lastActivityAt",
        "hasWorker",
        "createdAt",
        "updatedAt",
    ] {
        let mut value = json(MINIMAL);
        if let Value::Object(entries) = &mut value {
            entries.retain(|(k, _)| k != key);
        }
        assert_eq!(briefs(parse_agent_session(&value)), [format!("invalid_type@{key}")], "{key}");
    }
}

#[test]
fn wrong_values_are_reported_all_at_once() {
    let text = with(
        r#""status":"done","state":"Busy","cost":"1","hasWorker":"yes","lastActivityAt":"2025-03-01T10:00:00+00:00",
           "output":[1],"error":{"causedByError":{"message":1}},"workspaceElementType":null"#,
    );
    // Duplicate keys: the last one wins, as in JSON.parse.
    assert_eq!(
        briefs(parse_agent_session_text(&text)),
        [
            "invalid_value@status",
            "invalid_format@lastActivityAt",
            "invalid_type@hasWorker",
            "invalid_value@workspaceElementType",
            "invalid_value@state",
            "invalid_type@cost",
            "invalid_type@output",
            "invalid_type@error.message",
            "invalid_type@error.causedByError.message",
        ]
    );
}

#[test]
fn text_and_object_give_the_same_answer() {
    for text in [
        MINIMAL.to_owned(),
        with(r#""cost":1e400"#),
        with(r#""status":"nope""#),
        with(r#""id":"a","id":"b""#),
    ] {
        let from_text = parse_agent_session_text(&text);
        let from_value = parse_agent_session(&json(&text));
        assert_eq!(from_text, from_value, "{text}");
    }
    assert_eq!(parse_agent_session_text(&with(r#""id":"a","id":"b""#)).unwrap().id, "b");
    assert_eq!(briefs(parse_agent_session_text(&with(r#""cost":1e400"#))), ["invalid_type@cost"]);
    assert_eq!(
        briefs(parse_agent_session_text(&with(r#""output":{"x":-1e999}"#))),
        ["invalid_type@output.x"]
    );
}

#[test]
fn text_that_is_not_json_is_invalid_json() {
    for text in ["", "<html>", "{", MINIMAL.trim_end_matches('}'), "{\"id\":1} {}", "nul", "'x'"] {
        let issues = parse_agent_session_text(text).unwrap_err();
        assert_eq!(issues.len(), 1, "{text:?}");
        assert_eq!(issues[0].code(), "invalid_json", "{text:?}");
        assert!(issues[0].path.is_empty());
    }
    for not_an_object in ["null", "[]", "\"s\"", "1"] {
        assert_eq!(briefs(parse_agent_session_text(not_an_object)), ["invalid_type@"]);
    }
}

#[test]
fn a_long_cause_chain_is_walked_without_recursion_limits() {
    let mut text = String::from(r#"{"message":"0""#);
    for i in 1..900 {
        text.push_str(&format!(r#","causedByError":{{"message":"{i}""#));
    }
    text.push_str(&"}".repeat(900));
    let session = parse_agent_session_text(&with(&format!(r#""error":{text}"#))).expect("valid chain");
    let mut link = session.error.as_ref();
    let mut count = 0;
    while let Some(error) = link {
        count += 1;
        link = error.caused_by_error.as_deref();
    }
    assert_eq!(count, 900);
}
