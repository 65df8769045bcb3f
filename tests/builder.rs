//! The request builder: URLs, headers, body, options and the token.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::{briefs, json};
use membrane_agent_session::{
    build_create_agent_session_request, curl::to_curl, json_text::parse, json_text::JsonWriter, Value,
};

fn options(token: &str, base_url: Option<&str>) -> Value {
    let mut entries = vec![("token".to_owned(), Value::String(token.to_owned()))];
    if let Some(url) = base_url {
        entries.push(("baseUrl".to_owned(), Value::String(url.to_owned())));
    }
    Value::Object(entries)
}

const TOKEN: &str = "tok_5ecr3t.VALUE-xyz";

#[test]
fn default_base_url_headers_and_body() {
    let request =
        build_create_agent_session_request(&json(r#"{"prompt":"Hi \"there\"\n"}"#), &options(TOKEN, None))
            .expect("valid");
    assert_eq!(request.method, "POST");
    assert_eq!(request.url, "https://api.getmembrane.com/agent/sessions");
    assert_eq!(
        request.headers,
        [
            ("Authorization".to_owned(), format!("Bearer {TOKEN}")),
            ("Content-Type".to_owned(), "application/json".to_owned()),
            ("Accept".to_owned(), "application/json".to_owned()),
        ]
    );
    assert_eq!(request.body.as_deref(), Some(r#"{"prompt":"Hi \"there\"\n"}"#));
}

#[test]
fn custom_base_urls_keep_their_prefix_with_slashes_normalised() {
    let input = json(r#"{"prompt":"p"}"#);
    for (base, url) in [
        ("https://h.example", "https://h.example/agent/sessions"),
        ("https://h.example/", "https://h.example/agent/sessions"),
        ("https://h.example/v1", "https://h.example/v1/agent/sessions"),
        ("https://h.example/v1/", "https://h.example/v1/agent/sessions"),
        ("https://h.example//v1//", "https://h.example/v1/agent/sessions"),
        ("https://h.example:8443/a/b", "https://h.example:8443/a/b/agent/sessions"),
        ("http://localhost:3000", "http://localhost:3000/agent/sessions"),
        ("http://127.0.0.1:9/x/", "http://127.0.0.1:9/x/agent/sessions"),
        ("http://[::1]", "http://[::1]/agent/sessions"),
    ] {
        let request = build_create_agent_session_request(&input, &options(TOKEN, Some(base))).expect(base);
        assert_eq!(request.url, url, "{base}");
    }
}

#[test]
fn hostile_base_urls_are_refused_at_the_option_path() {
    let input = json(r#"{"prompt":"p"}"#);
    for base in [
        "",
        "api.getmembrane.com",
        "ftp://h.example",
        "javascript:alert(1)",
        "data:text/plain,x",
        "http://h.example",
        "http://localhost.evil.example",
        "https://user:pass@h.example",
        "https://h.example@evil.example",
        "https://h.example?x=1",
        "https://h.example/#frag",
        "https://evil.example\\@h.example",
        "https://h.example/a b",
        "https://h.example/\r\nX-Evil: 1",
        "https://h.example/../admin",
        "https://h.example:99999",
        "https://ex ample.com",
    ] {
        let issues = build_create_agent_session_request(&input, &options(TOKEN, Some(base))).expect_err(base);
        assert_eq!(briefs(Err::<(), _>(issues)), ["invalid_format@options.baseUrl"], "{base:?}");
    }
    let issues =
        build_create_agent_session_request(&input, &json(r#"{"token":"t","baseUrl":null}"#)).unwrap_err();
    assert_eq!(briefs(Err::<(), _>(issues)), ["invalid_type@options.baseUrl"]);
}

#[test]
fn hostile_tokens_are_refused_and_never_echoed() {
    let input = json(r#"{"prompt":"p"}"#);
    for token in
        ["abc\r\nX-Evil: 1", "abc def", "abc\0def", "abc\tdef", "tökén-secret", "secret\u{7f}", "secret😀"]
    {
        let issues = build_create_agent_session_request(&input, &options(token, None)).expect_err(token);
        assert_eq!(issues.len(), 1);
        assert_eq!(common::brief(&issues[0]), "invalid_format@options.token");
        for part in token.split(|c: char| !c.is_ascii_alphanumeric()).filter(|p| p.len() >= 3) {
            assert!(!issues[0].message.contains(part), "message leaks {part:?}: {}", issues[0].message);
            assert!(!issues[0].to_string().contains(part));
        }
    }
    let issues = build_create_agent_session_request(&input, &options("", None)).unwrap_err();
    assert_eq!(briefs(Err::<(), _>(issues)), ["too_small@options.token"]);
    for bad_options in
        ["null", "1", "\"tok\"", "[]", "{}", r#"{"token":5}"#, r#"{"token":"t","baseURL":"https://x"}"#]
    {
        let issues = build_create_agent_session_request(&input, &json(bad_options)).expect_err(bad_options);
        assert!(issues.iter().all(|i| matches!(i.path.first(), Some(membrane_agent_session::PathSegment::Key(k)) if k == "options")), "{bad_options}");
    }
}

#[test]
fn request_and_option_problems_come_together() {
    let issues = build_create_agent_session_request(
        &json(r#"{"prompt":""}"#),
        &json(r#"{"token":"","baseUrl":"http://x"}"#),
    )
    .unwrap_err();
    assert_eq!(
        briefs(Err::<(), _>(issues)),
        ["too_small@prompt", "too_small@options.token", "invalid_format@options.baseUrl"]
    );
}

#[test]
fn the_body_round_trips_to_the_same_request() {
    let text = r#"{"prompt":"é 😀 \u2028 \" \\ \u0001","agentName":"membrane",
        "promptAttachments":[{"title":"t","data":{"n":[0,-0.5,1e21,1e-7,123456789.125],"__proto__":{"x":null},"s":"\ud83d\ude00"}}]}"#;
    let input = json(text);
    let request = build_create_agent_session_request(&input, &options(TOKEN, None)).unwrap();
    let body = request.body.clone().expect("a POST has a body");
    let reparsed = parse(&body).expect("the body is JSON");
    let validated = membrane_agent_session::validate_create_agent_session(&input).unwrap();
    assert_eq!(membrane_agent_session::validate_create_agent_session(&reparsed).unwrap(), validated);
    // And writing it again gives the same bytes.
    let mut w = JsonWriter::new();
    w.value(&reparsed);
    assert_eq!(w.finish(), body);
}

#[test]
fn curl_is_shell_safe_and_hides_the_token() {
    let input = json(r#"{"prompt":"it's $(rm -rf /) `x` \"q\" \\ \n done"}"#);
    let request = build_create_agent_session_request(&input, &options(TOKEN, None)).unwrap();
    let as_value = json(&membrane_agent_session::json_text::ToJson::to_json(&request));
    let command = to_curl(&as_value, false).unwrap();
    assert!(!command.contains(TOKEN));
    assert!(command.contains("\"Authorization: Bearer $MEMBRANE_TOKEN\""));
    assert!(
        command.contains(r#"--data-raw '{"prompt":"it'\''s $(rm -rf /) `x` \"q\" \\ \n done"}'"#),
        "{command}"
    );
    let revealed = to_curl(&as_value, true).unwrap();
    assert!(revealed.contains(&format!("'Authorization: Bearer {TOKEN}'")));
    // Not an HttpRequest: issues, and none quotes the header values.
    let bad =
        json(r#"{"method":"POST","url":"https://h","headers":{"Authorization":"Bearer a\r\nb"},"body":""}"#);
    let issues = to_curl(&bad, false).unwrap_err();
    assert_eq!(briefs(Err::<(), _>(issues)), ["invalid_format@request.headers.Authorization"]);
    assert!(to_curl(&json("null"), false).is_err());
}
