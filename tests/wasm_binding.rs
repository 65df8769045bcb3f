//! The JavaScript binding, run inside a real JS engine: `wasm-pack test
//! --node`, and in headless Chromium with `WASM_BINDGEN_USE_BROWSER=1
//! wasm-pack test --headless --chrome`. Inputs are made by JS itself
//! (`eval`), so they carry every JS oddity the binding must survive.
#![cfg(target_arch = "wasm32")]

use js_sys::{Reflect, JSON};
use membrane_agent_session::wasm::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

fn js(code: &str) -> JsValue {
    js_sys::eval(&format!("({code})")).expect("test JS evaluates")
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("readable")
}

fn text(value: &JsValue) -> String {
    JSON::stringify(value).map(String::from).unwrap_or_default()
}

/// `code@path` of every issue in a failed answer.
fn briefs(answer: &JsValue) -> Vec<String> {
    assert_eq!(get(answer, "success").as_bool(), Some(false), "expected issues: {}", text(answer));
    js_sys::Array::from(&get(answer, "issues"))
        .iter()
        .map(|issue| {
            let path: Vec<String> = js_sys::Array::from(&get(&issue, "path"))
                .iter()
                .map(|s| s.as_string().unwrap_or_else(|| s.as_f64().unwrap_or(-1.0).to_string()))
                .collect();
            format!("{}@{}", get(&issue, "code").as_string().unwrap_or_default(), path.join("."))
        })
        .collect()
}

fn assert_success(answer: &JsValue) -> JsValue {
    assert_eq!(get(answer, "success").as_bool(), Some(true), "expected success: {}", text(answer));
    get(answer, "data")
}

const GOOD: &str = r#"{ prompt: "Connect Slack", modelId: "openai/gpt-5.2", promptAttachments: [{ title: "t", data: { a: [1, null] } }] }"#;

fn still_works() {
    assert_success(&validate_create_agent_session_js(&js(GOOD)));
}

#[wasm_bindgen_test]
fn a_valid_request_comes_back_as_a_plain_object() {
    let data = assert_success(&validate_create_agent_session_js(&js(GOOD)));
    assert_eq!(
        text(&data),
        r#"{"prompt":"Connect Slack","modelId":"openai/gpt-5.2","promptAttachments":[{"title":"t","data":{"a":[1,null]}}]}"#
    );
    let prototype = js_sys::Object::get_prototype_of(&data);
    assert!(JsValue::from(prototype) == js("Object.prototype"), "a plain object");
}

#[wasm_bindgen_test]
fn undefined_is_absent_and_inherited_keys_do_not_count() {
    assert_success(&validate_create_agent_session_js(&js(r#"{ prompt: "p", modelId: undefined }"#)));
    let inherited = js(r#"Object.create({ prompt: "p" })"#);
    assert_eq!(briefs(&validate_create_agent_session_js(&inherited)), ["invalid_type@prompt"]);
    let instance = js(r#"new (class Request { constructor() { this.prompt = "p"; } })()"#);
    assert_success(&validate_create_agent_session_js(&instance));
    let no_prototype = js(r#"Object.assign(Object.create(null), { prompt: "p" })"#);
    assert_success(&validate_create_agent_session_js(&no_prototype));
    let with_proto_key = js(r#"JSON.parse('{"prompt":"p","__proto__":{"x":1}}')"#);
    assert_eq!(briefs(&validate_create_agent_session_js(&with_proto_key)), ["unrecognized_keys@"]);
}

#[wasm_bindgen_test]
fn every_problem_with_its_path_and_suggestions() {
    let answer = validate_create_agent_session_js(&js(
        r#"{ promt: "p", agentName: "Membrane", promptAttachments: [{title: "a", data: 1}, {title: "b", data: 2}, {title: "", data: 3}] }"#,
    ));
    assert_eq!(
        briefs(&answer),
        [
            "invalid_type@prompt",
            "invalid_value@agentName",
            "too_small@promptAttachments.2.title",
            "unrecognized_keys@"
        ]
    );
    let issues = js_sys::Array::from(&get(&answer, "issues"));
    assert_eq!(get(&issues.get(1), "suggestion").as_string().as_deref(), Some("membrane"));
    assert_eq!(get(&issues.get(3), "suggestion").as_string().as_deref(), Some("prompt"));
    assert_eq!(text(&get(&issues.get(0), "path")), r#"["prompt"]"#);
}

#[wasm_bindgen_test]
fn js_only_values_are_issues_not_exceptions() {
    let cases = [
        ("1n", "invalid_type@promptAttachments.0.data"),
        ("Symbol('s')", "invalid_type@promptAttachments.0.data"),
        ("() => 1", "invalid_type@promptAttachments.0.data"),
        ("new Date(0)", "invalid_type@promptAttachments.0.data"),
        ("new Map()", "invalid_type@promptAttachments.0.data"),
        ("new Number(1)", "invalid_type@promptAttachments.0.data"),
        ("/x/", "invalid_type@promptAttachments.0.data"),
        // An own toJSON method is an enumerable key holding a function.
        ("{ toJSON() { return 1 } }", "invalid_type@promptAttachments.0.data.toJSON"),
        (
            "Object.assign(Object.create({ toJSON() { return 1 } }), { a: 1 })",
            "invalid_type@promptAttachments.0.data",
        ),
        ("NaN", "invalid_type@promptAttachments.0.data"),
        ("[1, , 3]", "invalid_type@promptAttachments.0.data.1"),
        ("[undefined]", "invalid_type@promptAttachments.0.data.0"),
        ("{ get x() { throw new Error('boom') } }", "invalid_type@promptAttachments.0.data.x"),
        ("new Proxy({}, { ownKeys() { throw new Error('trap') } })", "invalid_type@promptAttachments.0.data"),
        ("'\\ud800'", "invalid_format@promptAttachments.0.data"),
        // A key UTF-8 cannot carry is reported at its object (it cannot be named).
        ("{ '\\udc00': 1 }", "invalid_format@promptAttachments.0.data"),
        (
            "(() => { Array.prototype[1] = 'polluted'; const a = [1, , 3]; return a; })()",
            "invalid_type@promptAttachments.0.data.1",
        ),
    ];
    for (data, expected) in cases {
        let input = js(&format!("{{ prompt: 'p', promptAttachments: [{{ title: 't', data: {data} }}] }}"));
        assert_eq!(briefs(&validate_create_agent_session_js(&input)), [expected], "{data}");
        still_works();
    }
    let cyclic = js("(() => { const a = { prompt: 'p', promptAttachments: [{ title: 't', data: {} }] }; a.promptAttachments[0].data.self = a; return a; })()");
    assert_eq!(
        briefs(&validate_create_agent_session_js(&cyclic)),
        ["invalid_type@promptAttachments.0.data.self"]
    );
    let shared = js("(() => { const s = { k: 1 }; return { prompt: 'p', promptAttachments: [{ title: 't', data: [s, s] }] }; })()");
    assert_success(&validate_create_agent_session_js(&shared));
    still_works();
}

#[wasm_bindgen_test]
fn wrong_kinds_of_argument_get_a_result() {
    for input in [
        "undefined",
        "null",
        "1",
        "'p'",
        "[]",
        "1n",
        "Symbol()",
        "() => {}",
        "new Date()",
        "new Proxy({}, { ownKeys() { throw 1 } })",
    ] {
        assert_eq!(briefs(&validate_create_agent_session_js(&js(input))), ["invalid_type@"], "{input}");
        assert_eq!(briefs(&parse_agent_session_js(&js(input))).len(), 1, "{input}");
        let built = build_create_agent_session_request_js(&js(GOOD), &js(input));
        assert!(briefs(&built).iter().all(|b| b.contains("@options")), "{input}");
    }
    still_works();
}

#[wasm_bindgen_test]
fn deep_nesting_is_reported_not_overflowed() {
    let deep = js("(() => { let d = 1; for (let i = 0; i < 100000; i++) d = [d]; return { prompt: 'p', promptAttachments: [{ title: 't', data: d }] }; })()");
    let issues = briefs(&validate_create_agent_session_js(&deep));
    assert_eq!(issues.len(), 1);
    assert!(issues[0].starts_with("too_big@promptAttachments.0.data.0.0"), "{}", issues[0]);
    let deep_text = "[".repeat(100_000) + &"]".repeat(100_000);
    let answer = parse_agent_session_js(&JsValue::from_str(&format!(r#"{{"output":{{"x":{deep_text}}}}}"#)));
    assert!(briefs(&answer).iter().any(|b| b.starts_with("too_big@output.x.0")));
    still_works();
}

#[wasm_bindgen_test]
fn lone_surrogates_are_reported_never_replaced() {
    let input = js(r#"{ prompt: "a\ud800b" }"#);
    assert_eq!(briefs(&validate_create_agent_session_js(&input)), ["invalid_format@prompt"]);
    let text = JsValue::from_str("{\"prompt\":\"\\ud800\"}");
    assert!(briefs(&parse_agent_session_js(&text)).contains(&"invalid_format@prompt".to_owned()));
    let raw = js(r#"'{"id":"\ud800"}'"#);
    assert!(briefs(&parse_agent_session_js(&raw)).contains(&"invalid_format@id".to_owned()));
    // Paired surrogates are fine and kept.
    let data = assert_success(&validate_create_agent_session_js(&js(r#"{ prompt: "\ud83d\ude00" }"#)));
    assert_eq!(get(&data, "prompt").as_string().as_deref(), Some("😀"));
}

#[wasm_bindgen_test]
fn the_built_request_is_fetch_ready() {
    let answer = build_create_agent_session_request_js(
        &js(GOOD),
        &js("{ token: 'tok_abc.123', baseUrl: 'https://h.example/v1/' }"),
    );
    let request = assert_success(&answer);
    assert_eq!(get(&request, "method").as_string().as_deref(), Some("POST"));
    assert_eq!(get(&request, "url").as_string().as_deref(), Some("https://h.example/v1/agent/sessions"));
    let headers = get(&request, "headers");
    assert_eq!(get(&headers, "Authorization").as_string().as_deref(), Some("Bearer tok_abc.123"));
    let body = get(&request, "body").as_string().unwrap_or_default();
    let expected = js(&format!("JSON.stringify({GOOD})")).as_string().unwrap_or_default();
    assert_eq!(body, expected);
    // `new Request(url, init)` accepts it as it is.
    let made = js_sys::eval("(r) => new Request(r.url, r).method").ok().map(js_sys::Function::from);
    if let Some(make) = made {
        assert_eq!(
            make.call1(&JsValue::NULL, &request).ok().and_then(|m| m.as_string()).as_deref(),
            Some("POST")
        );
    }
}

#[wasm_bindgen_test]
fn the_token_never_reaches_a_message_or_curl() {
    let token = "tok_SECRET_4242";
    for bad in [format!("{token}\r\nX: 1"), format!("{token} x"), format!("{token}\u{e9}")] {
        let options = js(&format!("{{ token: {} }}", text(&JsValue::from_str(&bad))));
        let answer = build_create_agent_session_request_js(&js(GOOD), &options);
        assert!(!text(&answer).contains("SECRET"), "{}", text(&answer));
    }
    let answer = build_create_agent_session_request_js(&js(GOOD), &js(&format!("{{ token: '{token}' }}")));
    let request = assert_success(&answer);
    let command = to_curl_js(&request, None).unwrap_or_default();
    assert!(command.starts_with("curl ") && !command.contains(token), "{command}");
    let revealed =
        to_curl_js(&request, Some(js("{ revealToken: true }").unchecked_into())).unwrap_or_default();
    assert!(revealed.contains(token));
    // Only an own revealToken counts.
    let inherited = to_curl_js(&request, Some(js("Object.create({ revealToken: true })").unchecked_into()))
        .unwrap_or_default();
    assert!(inherited.starts_with("curl ") && !inherited.contains(token));
    assert!(to_curl_js(&js("{}"), None).is_err());
}

#[wasm_bindgen_test]
fn responses_from_text_and_object_agree() {
    let body = r#"{"id":"s","workspaceId":"w","workspaceElementId":"e","type":"t","status":"queued","prompt":"p",
        "lastActivityAt":"2024-02-29T00:00Z","hasWorker":true,"createdAt":"2024-02-29T00:00:00Z",
        "updatedAt":"2024-02-29T00:00:00.1Z","cost":1,"cost":2,"output":{"big":1e400},"unknown":1}"#;
    let from_text = parse_agent_session_js(&JsValue::from_str(body));
    let from_object = parse_agent_session_js(&JSON::parse(body).expect("JSON"));
    assert_eq!(text(&from_text), text(&from_object));
    assert_eq!(briefs(&from_text), ["invalid_type@output.big"]);
    let fixed = body.replace("1e400", "1");
    let session = assert_success(&parse_agent_session_js(&JsValue::from_str(&fixed)));
    assert_eq!(get(&session, "state").as_string().as_deref(), Some("busy"));
    assert_eq!(get(&session, "cost").as_f64(), Some(2.0));
    assert!(get(&session, "unknown").is_undefined());
    assert_eq!(briefs(&parse_agent_session_js(&JsValue::from_str("<html>"))), ["invalid_json@"]);
}

#[wasm_bindgen_test]
fn negative_zero_and_holes_keep_their_js_meaning() {
    let data = assert_success(&validate_create_agent_session_js(&js(
        "{ prompt: 'p', promptAttachments: [{ title: 't', data: [-0, 0.1, 1e21, 5e-324] }] }",
    )));
    let check = js_sys::eval("(d) => Object.is(d.promptAttachments[0].data[0], -0) && d.promptAttachments[0].data[2] === 1e21 && d.promptAttachments[0].data[3] === 5e-324")
        .map(js_sys::Function::from)
        .expect("a function");
    assert_eq!(check.call1(&JsValue::NULL, &data).ok().and_then(|v| v.as_bool()), Some(true));
    js_sys::eval("delete Array.prototype[1]").ok();
    let polluted = js("(() => { Array.prototype[0] = { title: 'polluted', data: 1 }; return { prompt: 'p', promptAttachments: new Array(1) }; })()");
    let answer = validate_create_agent_session_js(&polluted);
    js_sys::eval("delete Array.prototype[0]").ok();
    assert_eq!(briefs(&answer), ["invalid_type@promptAttachments.0"]);
}

/// The size of the module's linear memory, in bytes.
fn memory() -> u32 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length()
}

#[wasm_bindgen_test]
fn throwing_getters_do_not_grow_the_module() {
    let thrower =
        js("Object.defineProperty({}, 'prompt', { get() { throw new Error('no') }, enumerable: true })");
    for _ in 0..2_000 {
        validate_create_agent_session_js(&thrower);
    }
    let before = memory();
    for _ in 0..20_000 {
        assert_eq!(briefs(&validate_create_agent_session_js(&thrower)), ["invalid_type@prompt"]);
    }
    assert_eq!(memory(), before, "wasm memory grew while reading throwing getters");
    still_works();
}

#[wasm_bindgen_test]
fn guards_and_lists() {
    assert!(is_model_id(&JsValue::from_str("anthropic/claude-haiku-4.5")));
    assert!(!is_model_id(&JsValue::from_str("Anthropic/claude-haiku-4.5")));
    assert!(!is_agent_name(&JsValue::from_f64(1.0)));
    assert!(is_workspace_element_type(&JsValue::from_str("external-event-type")));
    assert!(is_agent_session_state(&JsValue::from_str("idle")));
    assert!(!is_agent_session_status(&JsValue::NULL));
    assert!(is_timestamp_js(&JsValue::from_str("2000-02-29T23:59Z")));
    assert!(!is_timestamp_js(&js("'２０２４-01-01T00:00Z'")));
    assert!(!is_timestamp_js(&JsValue::from_f64(0.0)));
    assert_eq!(model_ids().length(), 9);
    assert_eq!(workspace_element_types().length(), 31);
    assert_eq!(agent_names().length(), 6);
    assert_eq!(agent_session_statuses().length(), 6);
    assert_eq!(text(&agent_session_states().into()), r#"["busy","idle"]"#);
}

// ---- the session lifecycle (SPEC, "The session lifecycle") ----------------------------

const LIFECYCLE_OPTIONS: &str = "{ token: 'tok_lifecycle_42', baseUrl: 'https://h.example/v1/' }";

/// `Object.keys(value)` as one text, and whether `value` has a `body` key.
fn keys_and_body(value: &JsValue) -> (String, bool) {
    let keys = js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>());
    (text(&keys.into()), Reflect::has(value, &JsValue::from_str("body")).unwrap_or(true))
}

#[wasm_bindgen_test]
fn lifecycle_requests_have_their_url_headers_and_body_only_when_sent() {
    let polled = assert_success(&build_get_agent_session_request_js(
        &js("{ timeout: 30, wait: true, id: 's 1/..' }"),
        &js(LIFECYCLE_OPTIONS),
    ));
    assert_eq!(
        get_string(&polled, "url"),
        "https://h.example/v1/agent/sessions/s%201%2F..?wait=true&timeout=30"
    );
    assert_eq!(get_string(&polled, "method"), "GET");
    assert_eq!(keys_and_body(&polled), (r#"["method","url","headers"]"#.to_owned(), false));
    assert_eq!(keys_and_body(&get(&polled, "headers")).0, r#"["Authorization","Accept"]"#);

    let list = assert_success(&build_list_agent_sessions_request_js(
        &js("{ workspaceElementType: 'connector', cursor: 'a&b', limit: 100 }"),
        &js(LIFECYCLE_OPTIONS),
    ));
    assert_eq!(
        get_string(&list, "url"),
        "https://h.example/v1/agent/sessions?limit=100&cursor=a%26b&workspaceElementType=connector"
    );
    assert!(!keys_and_body(&list).1);

    let send = assert_success(&build_send_agent_session_message_request_js(
        &js("{ attachments: [{ data: { k: [1, -0, 1e21] }, title: 't' }], input: 'go', id: 's' }"),
        &js(LIFECYCLE_OPTIONS),
    ));
    assert_eq!(get_string(&send, "url"), "https://h.example/v1/agent/sessions/s/message");
    let expected =
        js("JSON.stringify({ input: 'go', attachments: [{ title: 't', data: { k: [1, -0, 1e21] } }] })");
    assert_eq!(get_string(&send, "body"), expected.as_string().unwrap_or_default());
    assert_eq!(keys_and_body(&get(&send, "headers")).0, r#"["Authorization","Content-Type","Accept"]"#);

    let stop =
        assert_success(&build_interrupt_agent_session_request_js(&js("{ id: 's' }"), &js(LIFECYCLE_OPTIONS)));
    assert_eq!(get_string(&stop, "method"), "POST");
    assert!(!keys_and_body(&stop).1);
    // `new Request(url, init)` accepts each as it is (where the engine has it).
    if let Ok(make) = js_sys::eval("(r) => new Request(r.url, r).method").map(js_sys::Function::from) {
        for request in [&polled, &list, &send, &stop] {
            let method = make.call1(&JsValue::NULL, request).ok().and_then(|m| m.as_string());
            assert_eq!(method, Some(get_string(request, "method")));
        }
    }
    // toCurl: -X GET, and no --data-raw without a body.
    let command = to_curl_js(&polled, None).unwrap_or_default();
    assert!(command.starts_with(
        "curl -sS -X GET 'https://h.example/v1/agent/sessions/s%201%2F..?wait=true&timeout=30'"
    ));
    assert!(!command.contains("--data-raw") && !command.contains("tok_lifecycle_42"), "{command}");
    let command = to_curl_js(&stop, None).unwrap_or_default();
    assert!(command.starts_with("curl -sS -X POST ") && !command.contains("--data-raw"), "{command}");
}

#[wasm_bindgen_test]
fn lifecycle_params_made_by_js_are_issues_not_exceptions() {
    let options = js(LIFECYCLE_OPTIONS);
    let cases = [
        // A Proxy as the id, and as the whole params (transparent, or with a throwing trap).
        ("{ id: new Proxy({}, {}) }", "invalid_type@id"),
        ("{ id: new Proxy({}, { ownKeys() { throw new Error('trap') } }) }", "invalid_type@id"),
        ("new Proxy({ id: 's' }, { get() { throw new Error('trap') } })", "invalid_type@id"),
        ("new Proxy({ id: 's' }, { ownKeys() { throw new Error('trap') } })", "invalid_type@"),
        // A lone surrogate: reported, never sent as U+FFFD.
        ("{ id: 'a\\ud800' }", "invalid_format@id"),
        ("{ id: '\\udc00' }", "invalid_format@id"),
        ("{ id: '..' }", "invalid_format@id"),
        // BigInt and other numbers that are not integers from 1 to 60.
        ("{ id: 's', timeout: 30n }", "invalid_type@timeout"),
        ("{ id: 's', timeout: NaN }", "invalid_type@timeout"),
        ("{ id: 's', timeout: 1.5 }", "invalid_type@timeout"),
        ("{ id: 's', timeout: new Number(30) }", "invalid_type@timeout"),
        ("{ id: 's', timeout: 61 }", "too_big@timeout"),
        ("{ id: 's', timeout: -0 }", "too_small@timeout"),
        // A getter that throws.
        ("{ id: 's', get wait() { throw new Error('boom') } }", "invalid_type@wait"),
        ("Object.defineProperty({}, 'id', { get() { throw 1 }, enumerable: true })", "invalid_type@id"),
        // Inherited keys do not count.
        ("Object.create({ id: 's' })", "invalid_type@id"),
        ("{ id: 's', [Symbol('wait')]: 1 }", ""),
    ];
    for (params, expected) in cases {
        let answer = build_get_agent_session_request_js(&js(params), &options);
        if expected.is_empty() {
            assert_success(&answer);
        } else {
            assert_eq!(briefs(&answer), [expected], "{params}");
        }
        assert!(!text(&answer).contains('\u{FFFD}'), "{params}: {}", text(&answer));
        still_works();
    }
    let issues =
        get(&build_get_agent_session_request_js(&js("{ id: 's', timeout: 30n }"), &options), "issues");
    let issue = js_sys::Array::from(&issues).get(0);
    assert_eq!(
        (get_string(&issue, "expected"), get_string(&issue, "received")),
        ("int".to_owned(), "bigint".to_owned())
    );
    let unreadable = build_get_agent_session_request_js(
        &js("{ id: 's', get wait() { throw new Error('boom') } }"),
        &options,
    );
    let issue = js_sys::Array::from(&get(&unreadable, "issues")).get(0);
    assert_eq!(get_string(&issue, "received"), "unreadable");
    // The other builders read their params the same way.
    let send = build_send_agent_session_message_request_js(
        &js("{ id: new Proxy({}, {}), input: 'x\\udfff', attachments: [{ title: 't', data: 1n }] }"),
        &options,
    );
    assert_eq!(briefs(&send), ["invalid_type@id", "invalid_format@input", "invalid_type@attachments.0.data"]);
    let list =
        build_list_agent_sessions_request_js(&js("{ limit: 100n, get cursor() { throw 1 } }"), &options);
    assert_eq!(briefs(&list), ["invalid_type@limit", "invalid_type@cursor"]);
    let stop = build_interrupt_agent_session_request_js(&js("{ id: '\\ud83d' }"), &js("{ token: 'a b' }"));
    assert_eq!(briefs(&stop), ["invalid_format@id", "invalid_format@options.token"]);
    for wrong in ["undefined", "null", "1n", "Symbol()", "() => {}", "[]"] {
        for answer in [
            build_get_agent_session_request_js(&js(wrong), &options),
            build_list_agent_sessions_request_js(&js(wrong), &options),
            build_send_agent_session_message_request_js(&js(wrong), &options),
            build_interrupt_agent_session_request_js(&js(wrong), &options),
        ] {
            assert_eq!(briefs(&answer), ["invalid_type@"], "{wrong}");
        }
    }
    still_works();
}

#[wasm_bindgen_test]
fn lifecycle_answers_from_text_and_object_agree() {
    let item = r#"{"id":"s","workspaceId":"w","workspaceElementId":"e","type":"t","status":"running","prompt":"p",
        "lastActivityAt":"2024-02-29T00:00Z","hasWorker":true,"createdAt":"2024-02-29T00:00:00Z",
        "updatedAt":"2024-02-29T00:00:00.1Z","unknown":1}"#;
    let page = format!(r#"{{"items":[{item},{item}],"cursor":"next","total":2}}"#);
    let from_text = parse_agent_session_list_js(&JsValue::from_str(&page));
    let from_object = parse_agent_session_list_js(&JSON::parse(&page).expect("JSON"));
    assert_eq!(text(&from_text), text(&from_object));
    let data = assert_success(&from_text);
    assert_eq!(keys_and_body(&data).0, r#"["items","cursor"]"#);
    let second = js_sys::Array::from(&get(&data, "items")).get(1);
    assert_eq!(get_string(&second, "state"), "busy");
    assert!(get(&second, "unknown").is_undefined());
    // An item's problem is at ["items", i, …]; a raw lone surrogate is reported there too.
    let bad = format!(r#"{{"items":[{item},{{"id":1}}],"cursor":5}}"#);
    let issues = briefs(&parse_agent_session_list_js(&JsValue::from_str(&bad)));
    assert_eq!(issues.first().map(String::as_str), Some("invalid_type@items.1.id"));
    assert_eq!(issues.last().map(String::as_str), Some("invalid_type@cursor"));
    let raw = js(&format!(
        "'{{\"items\":[' + {} .replace('\"p\"', '\"\\ud800\"') + ']}}'",
        text(&JsValue::from_str(item))
    ));
    assert_eq!(briefs(&parse_agent_session_list_js(&raw)), ["invalid_format@items.0.prompt"]);
    let with_bigint = js(&format!(
        "(() => {{ const p = {{ items: [JSON.parse({})] }}; p.items[0].cost = 1n; return p; }})()",
        text(&JsValue::from_str(item))
    ));
    assert_eq!(briefs(&parse_agent_session_list_js(&with_bigint)), ["invalid_type@items.0.cost"]);

    for input in [JsValue::from_str(r#"{"interrupted":true,"x":1}"#), js("{ interrupted: true, x: 1 }")] {
        assert_eq!(
            text(&assert_success(&parse_interrupt_agent_session_response_js(&input))),
            r#"{"interrupted":true}"#
        );
    }
    let getter = js("{ get interrupted() { throw new Error('boom') } }");
    assert_eq!(briefs(&parse_interrupt_agent_session_response_js(&getter)), ["invalid_type@interrupted"]);
    assert_eq!(
        briefs(&parse_interrupt_agent_session_response_js(&JsValue::from_str("<html>"))),
        ["invalid_json@"]
    );
    still_works();
}

#[wasm_bindgen_test]
fn lifecycle_throwing_getters_do_not_grow_the_module() {
    let thrower = js("{ id: 's', get wait() { throw new Error('no') } }");
    let options = js(LIFECYCLE_OPTIONS);
    for _ in 0..2_000 {
        build_get_agent_session_request_js(&thrower, &options);
    }
    let before = memory();
    for _ in 0..10_000 {
        assert_eq!(briefs(&build_get_agent_session_request_js(&thrower, &options)), ["invalid_type@wait"]);
    }
    assert_eq!(memory(), before, "wasm memory grew while reading throwing getters");
    still_works();
}

fn get_string(value: &JsValue, key: &str) -> String {
    get(value, key).as_string().unwrap_or_default()
}
