//! The same rules give the same answer whether they read a `Value` tree or
//! the flat tape the JS binding writes (src/tape.rs): every shape's check and
//! every builder's plan, on generated values that mix valid fields, near
//! misses and what JSON cannot carry.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::Rng;

use membrane_agent_session::http_request::{plan, Endpoint};
use membrane_agent_session::input::{Input, Kind};
use membrane_agent_session::shape::{check, check_input, check_only, Declared};
use membrane_agent_session::tape::{self, write, write_checked, Tape};
use membrane_agent_session::*;

const KEYS: &[&str] = &[
    "prompt",
    "modelId",
    "agentName",
    "workspaceElementType",
    "workspaceElementId",
    "testCustomerId",
    "isExternal",
    "promptAttachments",
    "title",
    "data",
    "id",
    "wait",
    "timeout",
    "limit",
    "cursor",
    "input",
    "synthetic",
    "attachments",
    "token",
    "baseUrl",
    "status",
    "state",
    "lastActivityAt",
    "createdAt",
    "updatedAt",
    "hasWorker",
    "workspaceId",
    "type",
    "cost",
    "output",
    "error",
    "message",
    "logs",
    "causedByError",
    "items",
    "interrupted",
    "promt",
    "modelID",
    "",
    "é",
    "__proto__",
];
const STRINGS: &[&str] = &[
    "",
    "x",
    ".",
    "..",
    "a b/c?",
    "openai/gpt-5.2",
    "OpenAI/gpt-5.2",
    "membrane",
    "connector",
    "running",
    "idle",
    "busy",
    "2025-01-01T10:00Z",
    "2024-02-29T10:00:00.5Z",
    "2025-02-29T10:00Z",
    "https://example.com/x",
    "http://localhost:3000",
    "http://example.com",
    "t0k3n",
    "tok en",
    "café",
    "😀",
    "sk_live_abc",
];

fn value(rng: &mut Rng, depth: usize) -> Value {
    match rng.below(if depth > 3 { 6 } else { 9 }) {
        0 => Value::Null,
        1 => Value::Bool(rng.below(2) == 1),
        2 => Value::Number(
            [0.0, -0.0, 1.0, 30.0, 61.0, 1000.0, 1001.0, 0.5, f64::NAN, f64::INFINITY, -1.0][rng.below(11)],
        ),
        3 | 4 => Value::String(STRINGS[rng.below(STRINGS.len())].to_owned()),
        // An ill-formed key stands only as a property (see `object`).
        5 => match tape::FOREIGN_CODES[rng.below(tape::FOREIGN_CODES.len())] {
            Foreign::IllFormedKey => Value::Foreign(Foreign::NotRead),
            foreign => Value::Foreign(foreign),
        },
        6 => Value::Array((0..rng.below(4)).map(|_| value(rng, depth + 1)).collect()),
        _ => object(rng, depth),
    }
}

fn object(rng: &mut Rng, depth: usize) -> Value {
    let mut entries: Vec<(String, Value)> = Vec::new();
    for _ in 0..rng.below(9) {
        let key = KEYS[rng.below(KEYS.len())];
        if entries.iter().any(|(k, _)| k == key) {
            continue;
        }
        entries.push((key.to_owned(), value(rng, depth + 1)));
    }
    if rng.below(12) == 0 {
        // A key with a lone surrogate: its stand-in is never a declared key.
        entries.push(("\u{fffd}".to_owned(), Value::Foreign(Foreign::IllFormedKey)));
    }
    Value::Object(entries)
}

fn same_check<T: Declared + PartialEq + std::fmt::Debug>(value: &Value) {
    let owned = write(value);
    let tape: Tape = owned.tape();
    let from_tape = check_input::<T, _>(tape.root(), &[]);
    let from_tree = check::<T>(value, &[]);
    assert_eq!(from_tape, from_tree, "{value:?}");
    // As the binding lays a checked value out: the strings no rule reads
    // go by their length only, and the answer is the same.
    let uncopied = write_checked(value, T::declared());
    let from_uncopied = check_only(uncopied.tape().root(), T::declared());
    assert_eq!(from_uncopied, from_tree.map(|_| ()), "{value:?} with strings left out");
}

/// What a native builder answers for params and options.
type Builder = fn(&Value, &Value) -> Result<HttpRequest, Vec<Issue>>;

fn same_plan<P: Endpoint>(params: &Value, options: &Value, build: Builder) {
    let built = build(params, options);
    // The binding leaves out the text of strings no rule reads when the
    // endpoint has a body (src/wasm.rs), and the plan is the same.
    let params_tape = if P::BODY.is_some() { write_checked(params, P::declared()) } else { write(params) };
    let options_tape = write(options);
    let (p, o) = (params_tape.tape(), options_tape.tape());
    match (plan::<P, _>(p.root(), o.root()), built) {
        (Ok(plan), Ok(request)) => {
            assert_eq!(plan.method, request.method);
            assert_eq!(plan.url, request.url);
            let headers: Vec<(String, String)> =
                plan.headers.into_iter().map(|(n, v)| (n.to_owned(), v)).collect();
            assert_eq!(headers, request.headers);
            assert_eq!(plan.body.is_some(), request.body.is_some());
        }
        (Err(a), Err(b)) => assert_eq!(a, b, "{params:?} {options:?}"),
        (a, b) => {
            panic!("tape and tree disagree on {params:?} {options:?}: {:?} / {:?}", a.is_ok(), b.is_ok())
        }
    }
}

#[test]
fn every_shape_checks_the_same_from_a_tape() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut accepted = 0;
    for _ in 0..8_000 {
        let v = if rng.below(5) == 0 { value(&mut rng, 0) } else { object(&mut rng, 0) };
        same_check::<CreateAgentSession>(&v);
        same_check::<AgentSession>(&v);
        same_check::<AgentSessionList>(&v);
        same_check::<InterruptAgentSessionResponse>(&v);
        same_check::<GetAgentSessionParams>(&v);
        same_check::<ListAgentSessionsParams>(&v);
        same_check::<SendAgentSessionMessageParams>(&v);
        same_check::<InterruptAgentSessionParams>(&v);
        accepted += usize::from(check::<ListAgentSessionsParams>(&v, &[]).is_ok());
    }
    // The generator reaches valid values too, so both paths' answers compare.
    assert!(accepted > 100, "only {accepted} valid values were generated");
}

#[test]
fn valid_values_read_the_same_from_a_tape() {
    let text = r#"{"prompt":"Sync","modelId":"openai/gpt-5.2","promptAttachments":[{"title":"t","data":{"a":[1,-0,null,"é"],"b":{}}}]}"#;
    let value = json_text::parse(text).unwrap();
    let owned = write(&value);
    let tape = owned.tape();
    let checked = check_input::<CreateAgentSession, _>(tape.root(), &[]).unwrap();
    assert_eq!(checked, validate_create_agent_session(&value).unwrap());
    assert_eq!(
        checked.prompt_attachments.unwrap()[0].data,
        value
            .get("promptAttachments")
            .map(|a| match a {
                Value::Array(items) => items[0].get("data").unwrap().clone(),
                _ => unreachable!(),
            })
            .unwrap()
    );
}

#[test]
fn every_builder_plans_the_same_from_a_tape() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut planned = 0;
    for _ in 0..8_000 {
        let params = if rng.below(6) == 0 { value(&mut rng, 0) } else { object(&mut rng, 0) };
        let options = if rng.below(3) == 0 {
            object(&mut rng, 0)
        } else {
            let mut entries =
                vec![("token".to_owned(), Value::String(STRINGS[rng.below(STRINGS.len())].to_owned()))];
            if rng.below(2) == 0 {
                entries.push((
                    "baseUrl".to_owned(),
                    Value::String(STRINGS[rng.below(STRINGS.len())].to_owned()),
                ));
            }
            Value::Object(entries)
        };
        same_plan::<CreateAgentSession>(&params, &options, build_create_agent_session_request);
        same_plan::<GetAgentSessionParams>(&params, &options, build_get_agent_session_request);
        same_plan::<ListAgentSessionsParams>(&params, &options, build_list_agent_sessions_request);
        same_plan::<SendAgentSessionMessageParams>(
            &params,
            &options,
            build_send_agent_session_message_request,
        );
        same_plan::<InterruptAgentSessionParams>(&params, &options, build_interrupt_agent_session_request);
        planned += usize::from(build_list_agent_sessions_request(&params, &options).is_ok());
    }
    assert!(planned > 100, "only {planned} valid calls were generated");
}

#[test]
fn strings_no_rule_reads_are_left_out() {
    let text = r#"{"prompt":"Sync","modelId":"openai/gpt-5.2","extra":"x","promptAttachments":[{"title":"","data":{"k":["é"]}}]}"#;
    let value = json_text::parse(text).unwrap();
    let owned = write_checked(&value, CreateAgentSession::declared());
    // Copied: every key, and modelId's value (an enum reads its text).
    let copied = String::from_utf8(owned.bytes.clone()).unwrap();
    assert_eq!(copied, "promptmodelIdopenai/gpt-5.2extrapromptAttachmentstitledatak");
    // Left out: "Sync", "x", "" and "é", which only their emptiness stands for.
    fn strings(node: tape::Node<'_>, out: &mut Vec<String>) {
        match node.kind() {
            Kind::String(text) => out.push(text.to_owned()),
            Kind::UncopiedString { empty } => out.push(format!("<{}>", if empty { "empty" } else { "text" })),
            Kind::Array(items) => items.for_each(|item| strings(item, out)),
            Kind::Object(entries) => entries.for_each(|(_, item)| strings(item, out)),
            _ => {}
        }
    }
    let tape = owned.tape();
    let mut found = Vec::new();
    strings(tape.root(), &mut found);
    assert_eq!(found, ["<text>", "openai/gpt-5.2", "<text>", "<empty>", "<text>"]);
    // The empty title is still too small, and the unknown key still refused.
    let issues = check_only(owned.tape().root(), CreateAgentSession::declared()).unwrap_err();
    let codes: Vec<&str> = issues.iter().map(|i| i.kind.code()).collect();
    assert_eq!(codes, ["too_small", "unrecognized_keys"], "{issues:?}");
}
