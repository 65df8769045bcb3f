//! The lifecycle builders and parsers (SPEC, "The session lifecycle"):
//! URLs, query order, encoding, headers, bodies, every params rule, the list
//! page and the interrupt answer.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::{briefs, json};
use membrane_agent_session::{
    build_get_agent_session_request, build_interrupt_agent_session_request,
    build_list_agent_sessions_request, build_send_agent_session_message_request, curl::to_curl,
    parse_agent_session_list, parse_interrupt_agent_session_response, HttpRequest, Issue, IssueKind, Value,
};

const OPTIONS: &str = r#"{"token":"tok_5ecr3t","baseUrl":"https://h.example/v1/"}"#;
type Builder = fn(&Value, &Value) -> Result<HttpRequest, Vec<Issue>>;

fn built(build: Builder, params: &str) -> HttpRequest {
    build(&json(params), &json(OPTIONS)).unwrap_or_else(|issues| panic!("{params}: {issues:?}"))
}

fn headers(request: &HttpRequest) -> Vec<&str> {
    request.headers.iter().map(|(name, _)| name.as_str()).collect()
}

#[test]
fn get_puts_the_id_in_one_segment_and_the_query_in_table_order() {
    let cases = [
        (r#"{"id":"s1"}"#, "https://h.example/v1/agent/sessions/s1"),
        (
            r#"{"id":"s 1","wait":true,"timeout":30}"#,
            "https://h.example/v1/agent/sessions/s%201?wait=true&timeout=30",
        ),
        (
            r#"{"timeout":1,"wait":false,"id":"x"}"#,
            "https://h.example/v1/agent/sessions/x?wait=false&timeout=1",
        ),
        (r#"{"id":"s","timeout":60}"#, "https://h.example/v1/agent/sessions/s?timeout=60"),
        (r#"{"id":"a/b"}"#, "https://h.example/v1/agent/sessions/a%2Fb"),
        (r#"{"id":"../x"}"#, "https://h.example/v1/agent/sessions/..%2Fx"),
        (r#"{"id":"?#%"}"#, "https://h.example/v1/agent/sessions/%3F%23%25"),
        (r#"{"id":"...","wait":true}"#, "https://h.example/v1/agent/sessions/...?wait=true"),
        (r#"{"id":"é😀"}"#, "https://h.example/v1/agent/sessions/%C3%A9%F0%9F%98%80"),
        (r#"{"id":"A-z_0.!~*'()"}"#, "https://h.example/v1/agent/sessions/A-z_0.!~*'()"),
    ];
    for (params, url) in cases {
        let request = built(build_get_agent_session_request, params);
        assert_eq!(request.url, url, "{params}");
        assert_eq!(request.method, "GET");
        assert_eq!(request.body, None);
        assert_eq!(headers(&request), ["Authorization", "Accept"]);
    }
}

#[test]
fn list_query_is_in_table_order_and_only_what_is_given() {
    let cases = [
        ("{}", "https://h.example/v1/agent/sessions"),
        (
            r#"{"workspaceElementType":"connector","cursor":"abc","limit":100}"#,
            "https://h.example/v1/agent/sessions?limit=100&cursor=abc&workspaceElementType=connector",
        ),
        (r#"{"cursor":"a&b=c d"}"#, "https://h.example/v1/agent/sessions?cursor=a%26b%3Dc%20d"),
        (r#"{"limit":1000}"#, "https://h.example/v1/agent/sessions?limit=1000"),
    ];
    for (params, url) in cases {
        let request = built(build_list_agent_sessions_request, params);
        assert_eq!(request.url, url, "{params}");
        assert_eq!((request.method.as_str(), request.body.as_deref()), ("GET", None));
    }
}

#[test]
fn message_body_is_the_params_less_id_in_table_order() {
    let request = built(
        build_send_agent_session_message_request,
        r#"{"attachments":[{"data":{"k":[1,null]},"title":"t"}],"synthetic":true,"input":"","id":"s/1"}"#,
    );
    assert_eq!(request.method, "POST");
    assert_eq!(request.url, "https://h.example/v1/agent/sessions/s%2F1/message");
    assert_eq!(
        request.body.as_deref(),
        Some(r#"{"input":"","synthetic":true,"attachments":[{"title":"t","data":{"k":[1,null]}}]}"#)
    );
    assert_eq!(headers(&request), ["Authorization", "Content-Type", "Accept"]);
}

#[test]
fn interrupt_is_a_post_without_body() {
    let request = built(build_interrupt_agent_session_request, r#"{"id":"s1"}"#);
    assert_eq!(request.method, "POST");
    assert_eq!(request.url, "https://h.example/v1/agent/sessions/s1/interrupt");
    assert_eq!(request.body, None);
    assert_eq!(headers(&request), ["Authorization", "Accept"]);
}

#[test]
fn every_params_rule_reports_at_its_path() {
    let get = build_get_agent_session_request as Builder;
    let list = build_list_agent_sessions_request as Builder;
    let send = build_send_agent_session_message_request as Builder;
    let interrupt = build_interrupt_agent_session_request as Builder;
    let cases: [(Builder, &str, &[&str]); 22] = [
        (get, "{}", &["invalid_type@id"]),
        (get, r#"{"id":""}"#, &["too_small@id"]),
        (get, r#"{"id":"."}"#, &["invalid_format@id"]),
        (get, r#"{"id":".."}"#, &["invalid_format@id"]),
        (get, r#"{"id":7}"#, &["invalid_type@id"]),
        (get, r#"{"id":null}"#, &["invalid_type@id"]),
        (get, r#"{"id":"s","wait":"true"}"#, &["invalid_type@wait"]),
        (get, r#"{"id":"s","timeout":0}"#, &["too_small@timeout"]),
        (get, r#"{"id":"s","timeout":61}"#, &["too_big@timeout"]),
        (get, r#"{"id":"s","timeout":1.5}"#, &["invalid_type@timeout"]),
        (get, r#"{"id":"s","timeout":"30"}"#, &["invalid_type@timeout"]),
        (get, r#"{"id":"s","timout":30}"#, &["unrecognized_keys@"]),
        (list, r#"{"limit":0}"#, &["too_small@limit"]),
        (list, r#"{"limit":1001}"#, &["too_big@limit"]),
        (
            list,
            r#"{"limit":-1,"cursor":"","workspaceElementType":"Connector"}"#,
            &["too_small@limit", "too_small@cursor", "invalid_value@workspaceElementType"],
        ),
        (send, r#"{"id":"s"}"#, &["invalid_type@input"]),
        (send, r#"{"id":"s","input":"x","synthetic":1}"#, &["invalid_type@synthetic"]),
        (
            send,
            r#"{"id":"s","input":"x","attachments":[{"title":""}]}"#,
            &["too_small@attachments.0.title", "invalid_type@attachments.0.data"],
        ),
        (send, r#"{"id":"s","input":"x","attachments":{}}"#, &["invalid_type@attachments"]),
        (interrupt, r#"{"id":"s","wait":true}"#, &["unrecognized_keys@"]),
        (interrupt, "[]", &["invalid_type@"]),
        (interrupt, r#"{"id":"."}"#, &["invalid_format@id"]),
    ];
    for (build, params, expected) in cases {
        assert_eq!(briefs(build(&json(params), &json(OPTIONS))), expected, "{params}");
    }
}

#[test]
fn issue_details_carry_the_limits() {
    let issues =
        build_get_agent_session_request(&json(r#"{"id":"..","timeout":99,"wiat":true}"#), &json(OPTIONS))
            .unwrap_err();
    assert_eq!(issues[0].kind.code(), "invalid_format");
    assert!(matches!(
        issues[0].kind,
        IssueKind::InvalidFormat { format: membrane_agent_session::issue::Format::PathSegment, .. }
    ));
    assert_eq!(issues[1].kind, IssueKind::TooBig { maximum: 60, origin: "number" });
    assert_eq!(
        issues[2].kind,
        IssueKind::UnrecognizedKeys { keys: vec!["wiat".to_owned()], suggestion: Some("wait") }
    );
    for issue in &issues {
        assert!(!issue.message.is_empty() && !issue.message.contains("tok_5ecr3t"));
    }
    let int = build_list_agent_sessions_request(&json(r#"{"limit":2.5}"#), &json(OPTIONS)).unwrap_err();
    assert_eq!(int[0].kind, IssueKind::InvalidType { expected: "int", received: "number" });
}

#[test]
fn params_and_options_problems_come_together() {
    let issues = build_interrupt_agent_session_request(&json(r#"{"id":""}"#), &json(r#"{"token":"a b"}"#));
    assert_eq!(briefs(issues), ["too_small@id", "invalid_format@options.token"]);
}

#[test]
fn curl_prints_get_and_bodyless_post_exactly() {
    let get = built(build_get_agent_session_request, r#"{"id":"s'1","wait":true}"#);
    let as_value = json(&membrane_agent_session::json_text::ToJson::to_json(&get));
    assert_eq!(
        to_curl(&as_value, false).unwrap(),
        "curl -sS -X GET 'https://h.example/v1/agent/sessions/s'\\''1?wait=true' -H \"Authorization: Bearer $MEMBRANE_TOKEN\" -H 'Accept: application/json'"
    );
    let stop = built(build_interrupt_agent_session_request, r#"{"id":"s"}"#);
    let command = to_curl(&json(&membrane_agent_session::json_text::ToJson::to_json(&stop)), false).unwrap();
    assert!(command.starts_with("curl -sS -X POST 'https://h.example/v1/agent/sessions/s/interrupt'"));
    assert!(!command.contains("--data-raw") && !command.contains("tok_5ecr3t"));
}

fn session(id: &str) -> String {
    format!(
        r#"{{"id":"{id}","workspaceId":"w","workspaceElementId":"e","type":"chat","status":"running","prompt":"p","lastActivityAt":"2025-01-01T10:00Z","hasWorker":true,"createdAt":"2025-01-01T10:00Z","updatedAt":"2025-01-01T10:00Z","extra":1}}"#
    )
}

#[test]
fn list_pages_check_every_item_and_drop_unknown_keys() {
    let page = parse_agent_session_list(&json(&format!(
        r#"{{"items":[{},{}],"cursor":"next","total":2}}"#,
        session("a"),
        session("b")
    )))
    .expect("a valid page");
    assert_eq!(page.items.len(), 2);
    assert_eq!(page.items[1].id, "b");
    assert_eq!(page.cursor.as_deref(), Some("next"));
    let written = membrane_agent_session::json_text::ToJson::to_json(&page);
    assert!(!written.contains("total") && !written.contains("extra"), "{written}");
    assert!(written.contains(r#""state":"busy""#));

    let bad = format!(r#"{{"items":[{},{{"id":1}}],"cursor":5}}"#, session("a"));
    let issues = briefs(parse_agent_session_list(&json(&bad)));
    assert_eq!(issues[0], "invalid_type@items.1.id");
    assert!(issues.contains(&"invalid_type@items.1.status".to_owned()));
    assert_eq!(issues.last().map(String::as_str), Some("invalid_type@cursor"));
    assert_eq!(briefs(parse_agent_session_list(&json("{}"))), ["invalid_type@items"]);
    assert_eq!(briefs(parse_agent_session_list(&json(r#"{"items":{}}"#))), ["invalid_type@items"]);
}

#[test]
fn interrupt_answers() {
    let ok = parse_interrupt_agent_session_response(&json(r#"{"interrupted":false,"x":1}"#)).unwrap();
    assert!(!ok.interrupted);
    assert_eq!(membrane_agent_session::json_text::ToJson::to_json(&ok), r#"{"interrupted":false}"#);
    assert_eq!(briefs(parse_interrupt_agent_session_response(&json("{}"))), ["invalid_type@interrupted"]);
    assert_eq!(
        briefs(parse_interrupt_agent_session_response(&json(r#"{"interrupted":"yes"}"#))),
        ["invalid_type@interrupted"]
    );
}

#[test]
fn params_and_options_share_one_capped_list() {
    let many: String = (0..300).map(|i| format!(r#""k{i}":1"#)).collect::<Vec<_>>().join(",");
    let many = json(&format!("{{{many}}}"));
    for options in [many.clone(), json(r#"{"token":"a b"}"#)] {
        let issues = build_get_agent_session_request(&many, &options).unwrap_err();
        assert_eq!(issues.len(), membrane_agent_session::MAX_ISSUES + 1);
        let summaries = issues.iter().filter(|i| i.code() == "too_many_issues").count();
        assert_eq!(summaries, 1);
        assert_eq!(issues.last().unwrap().code(), "too_many_issues");
    }
    let issues = build_get_agent_session_request(&json(r#"{"id":"s","zzz":1}"#), &many).unwrap_err();
    assert_eq!(issues.len(), membrane_agent_session::MAX_ISSUES + 1);
    assert_eq!(common::brief(&issues[0]), "unrecognized_keys@");
    assert_eq!(common::brief(&issues[1]), "invalid_type@options.token");
}
