//! The request table: every rule, its near misses, and all-at-once reports.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::{brief, briefs, json};
use membrane_agent_session::{
    validate_create_agent_session, AgentName, Foreign, IssueKind, ModelId, Value, WorkspaceElementType,
};

fn check(
    text: &str,
) -> Result<membrane_agent_session::CreateAgentSession, Vec<membrane_agent_session::Issue>> {
    validate_create_agent_session(&json(text))
}

#[test]
fn a_full_valid_request_keeps_every_field() {
    let request = check(
        r#"{"prompt":" ","workspaceElementType":"external-event-type","workspaceElementId":"x",
            "testCustomerId":"","isExternal":false,"modelId":"anthropic/claude-haiku-4.5",
            "agentName":"universe","promptAttachments":[{"title":"t","data":null},{"title":"u","data":{"k":[1,"2"]}}]}"#,
    )
    .expect("valid");
    assert_eq!(request.prompt, " ");
    assert_eq!(request.workspace_element_type, Some(WorkspaceElementType::ExternalEventType));
    assert_eq!(request.test_customer_id.as_deref(), Some(""));
    assert_eq!(request.is_external, Some(false));
    assert_eq!(request.model_id, Some(ModelId::AnthropicClaudeHaiku45));
    assert_eq!(request.agent_name, Some(AgentName::Universe));
    let attachments = request.prompt_attachments.expect("attachments");
    assert_eq!(attachments[0].data, Value::Null);
    assert_eq!(attachments[1].data, json(r#"{"k":[1,"2"]}"#));
}

#[test]
fn every_enum_value_passes_and_near_misses_fail() {
    for (key, values) in [
        ("workspaceElementType", WorkspaceElementType::VALUES),
        ("modelId", ModelId::VALUES),
        ("agentName", AgentName::VALUES),
    ] {
        for value in values {
            let ok = format!(r#"{{"prompt":"p","{key}":"{value}"}}"#);
            assert!(check(&ok).is_ok(), "{ok}");
            let near_misses = [
                value.to_uppercase(),
                format!(" {value}"),
                format!("{value} "),
                format!("{value}\n"),
                value[1..].to_owned(),
            ];
            for miss in near_misses {
                let bad = format!(r#"{{"prompt":"p","{key}":{}}}"#, json_string(&miss));
                let issues = check(&bad).expect_err(&bad);
                assert_eq!(issues.len(), 1, "{bad}");
                match &issues[0].kind {
                    IssueKind::InvalidValue { values: allowed, suggestion } => {
                        assert_eq!(*allowed, values);
                        assert_eq!(*suggestion, Some(*value), "suggestion for {miss:?}");
                    }
                    other => panic!("{bad}: {other:?}"),
                }
            }
        }
        for wrong in ["\"\"", "null", "1", "true", "[]", "{}"] {
            let bad = format!(r#"{{"prompt":"p","{key}":{wrong}}}"#);
            assert_eq!(briefs(check(&bad)), [format!("invalid_value@{key}")], "{bad}");
        }
    }
}

fn json_string(text: &str) -> String {
    let mut w = membrane_agent_session::json_text::JsonWriter::new();
    w.string(text);
    w.finish()
}

#[test]
fn min_lengths_count_code_points_and_trim_nothing() {
    for key in ["prompt", "workspaceElementId"] {
        let base = if key == "prompt" { String::new() } else { r#""prompt":"p","#.to_owned() };
        for ok in ["\"a\"", "\" \"", "\"\\t\"", "\"😀\"", "\"\\u0000\""] {
            let text = format!("{{{base}\"{key}\":{ok}}}");
            assert!(check(&text).is_ok(), "{text}");
        }
        let empty = format!("{{{base}\"{key}\":\"\"}}");
        let issues = check(&empty).expect_err(&empty);
        assert_eq!(issues[0].kind, IssueKind::TooSmall { minimum: 1, origin: "string" });
        assert_eq!(briefs(Err::<(), _>(issues)), [format!("too_small@{key}")]);
    }
    // testCustomerId has no minimum.
    assert!(check(r#"{"prompt":"p","testCustomerId":""}"#).is_ok());
}

#[test]
fn types_are_exact_and_null_is_not_absent() {
    let cases = [
        (r#"{}"#, "invalid_type@prompt"),
        (r#"{"prompt":null}"#, "invalid_type@prompt"),
        (r#"{"prompt":1}"#, "invalid_type@prompt"),
        (r#"{"prompt":["p"]}"#, "invalid_type@prompt"),
        (r#"{"prompt":"p","workspaceElementId":null}"#, "invalid_type@workspaceElementId"),
        (r#"{"prompt":"p","testCustomerId":5}"#, "invalid_type@testCustomerId"),
        (r#"{"prompt":"p","isExternal":"true"}"#, "invalid_type@isExternal"),
        (r#"{"prompt":"p","isExternal":null}"#, "invalid_type@isExternal"),
        (r#"{"prompt":"p","promptAttachments":{}}"#, "invalid_type@promptAttachments"),
        (r#"{"prompt":"p","promptAttachments":null}"#, "invalid_type@promptAttachments"),
        (r#"{"prompt":"p","promptAttachments":[null]}"#, "invalid_type@promptAttachments.0"),
        (r#"{"prompt":"p","promptAttachments":[{"data":1}]}"#, "invalid_type@promptAttachments.0.title"),
        (r#"{"prompt":"p","promptAttachments":[{"title":"t"}]}"#, "invalid_type@promptAttachments.0.data"),
    ];
    for (text, expected) in cases {
        assert_eq!(briefs(check(text)), [expected], "{text}");
    }
    for not_an_object in ["null", "[]", "\"p\"", "1", "true"] {
        assert_eq!(briefs(check(not_an_object)), ["invalid_type@"], "{not_an_object}");
    }
}

#[test]
fn missing_prompt_says_the_key_is_required() {
    let issues = check("{}").unwrap_err();
    assert_eq!(issues[0].kind, IssueKind::InvalidType { expected: "string", received: "undefined" });
    assert!(issues[0].message.contains("required"), "{}", issues[0].message);
}

#[test]
fn unknown_keys_are_reported_with_suggestions() {
    let issues = check(r#"{"promt":"p","modelid":"openai/gpt-5.2","zzzzzz":1}"#).unwrap_err();
    let found: Vec<_> = issues.iter().map(|i| (i.code(), i.kind.clone())).collect();
    assert_eq!(found[0].0, "invalid_type");
    assert_eq!(
        found[1].1,
        IssueKind::UnrecognizedKeys { keys: vec!["promt".into()], suggestion: Some("prompt") }
    );
    assert_eq!(
        found[2].1,
        IssueKind::UnrecognizedKeys { keys: vec!["modelid".into()], suggestion: Some("modelId") }
    );
    assert_eq!(found[3].1, IssueKind::UnrecognizedKeys { keys: vec!["zzzzzz".into()], suggestion: None });
    assert!(issues[1].message.contains("did you mean \"prompt\""));
    // Attachments have a table too.
    assert_eq!(
        briefs(check(r#"{"prompt":"p","promptAttachments":[{"title":"t","data":1,"titel":"x"}]}"#)),
        ["unrecognized_keys@promptAttachments.0"]
    );
}

#[test]
fn every_problem_is_reported_at_its_exact_path_in_one_pass() {
    let text = r#"{"prompt":"","modelId":"gpt","isExternal":1,"agentName":"Membrane",
        "promptAttachments":[{"title":"a","data":1},{"title":"b","data":2},{"title":"","data":3},{"title":"d"}],
        "extra":true}"#;
    assert_eq!(
        briefs(check(text)),
        [
            "too_small@prompt",
            "invalid_type@isExternal",
            "invalid_value@modelId",
            "invalid_value@agentName",
            "too_small@promptAttachments.2.title",
            "invalid_type@promptAttachments.3.data",
            "unrecognized_keys@",
        ]
    );
}

#[test]
fn attachment_data_must_be_json_that_survives_the_trip() {
    use membrane_agent_session::Foreign;
    let mut input = json(r#"{"prompt":"p","promptAttachments":[{"title":"t","data":[1,{"x":2}]}]}"#);
    // Put non-JSON things where only JS could (the binding marks them).
    if let Value::Object(entries) = &mut input {
        if let Some((_, Value::Array(items))) = entries.iter_mut().find(|(k, _)| k == "promptAttachments") {
            if let Some(Value::Object(attachment)) = items.get_mut(0) {
                attachment[1].1 = Value::Array(vec![
                    Value::Foreign(Foreign::BigInt),
                    Value::Number(f64::NAN),
                    Value::Foreign(Foreign::Cycle),
                    Value::Foreign(Foreign::IllFormedString),
                    Value::Foreign(Foreign::TooDeep),
                    Value::Foreign(Foreign::Undefined),
                ]);
            }
        }
    }
    assert_eq!(
        briefs(validate_create_agent_session(&input)),
        [
            "invalid_type@promptAttachments.0.data.0",
            "invalid_type@promptAttachments.0.data.1",
            "invalid_type@promptAttachments.0.data.2",
            "invalid_format@promptAttachments.0.data.3",
            "too_big@promptAttachments.0.data.4",
            "invalid_type@promptAttachments.0.data.5",
        ]
    );
}

#[test]
fn deep_data_is_reported_past_the_documented_depth_without_overflow() {
    let deep = format!(
        r#"{{"prompt":"p","promptAttachments":[{{"title":"t","data":{}1{}}}]}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let issues = check(&deep).unwrap_err();
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].code(), "too_big");
    // Root object, the attachments array and the attachment come first.
    assert_eq!(issues[0].path.len(), 3 + membrane_agent_session::MAX_DEPTH - 3);
    let shallow = format!(
        r#"{{"prompt":"p","promptAttachments":[{{"title":"t","data":{}1{}}}]}}"#,
        "[".repeat(500),
        "]".repeat(500)
    );
    assert!(check(&shallow).is_ok());
}

#[test]
fn long_issue_lists_are_capped_with_a_last_issue_saying_so() {
    use membrane_agent_session::MAX_ISSUES;
    let attachments = vec![r#"{"title":"","data":null}"#; 150].join(",");
    let issues = validate_create_agent_session(&json(&format!(
        r#"{{"prompt":"","promptAttachments":[{attachments}]}}"#
    )))
    .unwrap_err();
    assert_eq!(issues.len(), MAX_ISSUES + 1);
    assert_eq!(issues[0].code(), "too_small");
    assert_eq!(brief(&issues[MAX_ISSUES - 1]), "too_small@promptAttachments.98.title");
    let last = issues.last().unwrap();
    assert_eq!(brief(last), "too_many_issues@");
    // The walk stops once more than MAX_ISSUES were found: 101 found, 1 not listed.
    assert_eq!(last.kind, IssueKind::TooManyIssues { maximum: 100, omitted: 1, read_all: false });
    assert!(last.message.contains("more not listed"), "{}", last.message);

    // A reader that stopped early (Foreign::NotRead) fails the check even
    // below the cap.
    let mut items = vec![Value::Foreign(Foreign::Undefined); 3];
    items.push(Value::Foreign(Foreign::NotRead));
    let input = Value::Object(vec![
        ("prompt".into(), Value::String("p".into())),
        ("promptAttachments".into(), Value::Array(items)),
    ]);
    let issues = validate_create_agent_session(&input).unwrap_err();
    let briefs: Vec<String> = issues.iter().map(brief).collect();
    assert_eq!(
        briefs,
        [
            "invalid_type@promptAttachments.0",
            "invalid_type@promptAttachments.1",
            "invalid_type@promptAttachments.2",
            "too_many_issues@"
        ]
    );
    assert_eq!(issues[3].kind, IssueKind::TooManyIssues { maximum: 100, omitted: 0, read_all: false });
}
