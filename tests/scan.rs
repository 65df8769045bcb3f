//! The fast scan never accepts what the full path refuses, and accepts the
//! ordinary valid answers (so the fast path is really taken).
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::Rng;

use membrane_agent_session::issue::IssueKind;
use membrane_agent_session::json_scan::{scan, scan_fields, Verdict};
use membrane_agent_session::json_text::{parse, problem};
use membrane_agent_session::shape::{check, Rule, Shape, SHAPES};
use membrane_agent_session::value::Value;
use membrane_agent_session::{AgentSession, AgentSessionList, InterruptAgentSessionResponse};

const SESSION: &str = r#"{"id":"as_1","workspaceId":"w","workspaceElementId":"e","type":"chat","status":"running","prompt":"Sync \"contacts\"\n","lastActivityAt":"2025-01-01T10:00Z","hasWorker":true,"createdAt":"2025-01-01T09:59:00.123Z","updatedAt":"2025-01-01T10:00:00Z","state":"idle","workspaceElementType":"connector","agentName":"membrane","cost":0.25,"isExternal":false,"output":{"a":[1,{"b":null}],"é":"\u00e9\ud83d\ude00"},"error":{"message":"m","type":"t","data":{"x":1},"logs":[1,"two"],"causedByError":{"message":"inner"}},"extra":{"k":[true]}}"#;

fn full<T: membrane_agent_session::shape::Declared>(text: &str) -> bool {
    parse(text).is_ok_and(|value| check::<T>(&value, &[]).is_ok())
}

const PIECES: &[&str] = &[
    "null",
    "1e308",
    "1e309",
    "2e308",
    "-1.7976931348623157e308",
    "1.7976931348623159e308",
    "-0",
    "0.0e-999",
    "\"\"",
    "\"\\ud800\"",
    "\"\\udc00x\"",
    "\"\\u0041\"",
    "true",
    "[]",
    "{}",
    "\"x\"",
    "\"running\"",
    "\"Running\"",
    "\"2025-02-29T10:00Z\"",
    "\"2024-02-29T10:00Z\"",
    "\"busy\"",
    "[[[[1]]]]",
    "{\"message\":1}",
    "12",
    "\"\\/\"",
];
const KEYS: &[&str] = &[
    "id",
    "status",
    "state",
    "cost",
    "output",
    "error",
    "lastActivityAt",
    "hasWorker",
    "prompt",
    "x",
    "st\\u0061tus",
    "__proto__",
    "logs",
    "causedByError",
    "message",
    "items",
    "cursor",
    "interrupted",
];

fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut s = text.to_owned();
    for _ in 0..=rng.below(3) {
        let at = rng.below(s.len() + 1);
        let at = (0..=at).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
        match rng.below(6) {
            // Replace a value after some colon.
            0 => {
                if let Some(colon) = s[at..].find(':').map(|c| c + at + 1) {
                    let end = s[colon..].find([',', '}']).map(|e| e + colon).unwrap_or(s.len());
                    s.replace_range(colon..end, PIECES[rng.below(PIECES.len())]);
                }
            }
            // Add (or repeat) a key after an opening brace.
            1 => {
                if let Some(brace) = s[at..].find('{').map(|b| b + at + 1) {
                    let entry =
                        format!("\"{}\":{},", KEYS[rng.below(KEYS.len())], PIECES[rng.below(PIECES.len())]);
                    s.insert_str(brace, &entry);
                }
            }
            // Drop a byte or cut the text.
            2 => {
                if at < s.len() {
                    s.remove(at);
                }
            }
            3 => s.truncate(at),
            // Whitespace.
            4 => s.insert_str(at, " \n\t"),
            // Nest output deeper.
            _ => {
                s = s.replacen(
                    "\"output\":",
                    &format!(
                        "\"output\":{{\"d\":{}1{}}},\"o\":",
                        "[".repeat(rng.below(1200)),
                        "]".repeat(rng.below(1200))
                    ),
                    1,
                )
            }
        }
    }
    s
}

#[test]
fn the_scan_accepts_ordinary_answers() {
    assert_eq!(scan(SESSION, &AgentSession::SHAPE), Verdict::Valid);
    let page = format!(r#"{{"items":[{SESSION},{SESSION}],"cursor":"c","total":2}}"#);
    assert_eq!(scan(&page, &AgentSessionList::SHAPE), Verdict::Valid);
    assert_eq!(scan(r#" {"interrupted":false} "#, &InterruptAgentSessionResponse::SHAPE), Verdict::Valid);
    // Escapes in keys and in checked strings are decoded before the check.
    let escaped = SESSION.replace(r#""status":"running""#, r#""st\u0061tus":"runn\u0069ng""#).replace(
        r#""createdAt":"2025-01-01T09:59:00.123Z""#,
        r#""createdAt":"2025-01-01T09:59:00.123\u005a""#,
    );
    assert_eq!(scan(&escaped, &AgentSession::SHAPE), Verdict::Valid);
    assert!(full::<AgentSession>(&escaped));
    let wrong = SESSION.replace(r#""status":"running""#, r#""status":"runn\u0049ng""#);
    assert_eq!(scan(&wrong, &AgentSession::SHAPE), Verdict::Unsure);
    for unsure in
        ["", "{}", "{\"interrupted\":true}x", "{\"interrupted\":true,\"interrupted\":true}", "[true]"]
    {
        assert_eq!(scan(unsure, &InterruptAgentSessionResponse::SHAPE), Verdict::Unsure, "{unsure}");
    }
}

#[test]
fn the_scan_never_accepts_what_the_full_path_refuses() {
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let page = format!(r#"{{"items":[{SESSION}],"cursor":"c"}}"#);
    let (mut valid, mut agreed_valid) = (0, 0);
    for round in 0..20_000 {
        let (base, is_page) = if round % 3 == 0 { (page.as_str(), true) } else { (SESSION, false) };
        let text = mutate(&mut rng, base);
        let (fast, slow) = if is_page {
            (scan(&text, &AgentSessionList::SHAPE), full::<AgentSessionList>(&text))
        } else {
            (scan(&text, &AgentSession::SHAPE), full::<AgentSession>(&text))
        };
        if fast == Verdict::Valid {
            assert!(slow, "the scan accepted what the full path refuses: {text}");
            let shape = if is_page { &AgentSessionList::SHAPE } else { &AgentSession::SHAPE };
            assert_eq!(masks_of(&text, shape), present_fields(&text, shape), "{text}");
            agreed_valid += 1;
        }
        valid += usize::from(slow);
    }
    // The mutations leave many answers valid, and the scan takes most of them.
    assert!(valid > 2_000, "only {valid} valid cases");
    assert!(agreed_valid * 10 >= valid * 7, "the scan took only {agreed_valid} of {valid} valid answers");
}

/// The wasm binding has `JSON.parse` read the text the scan does not vouch
/// for, and `problem` says what is wrong with text it refuses: the same
/// problem at the same byte as the parser, on every mutated answer (cuts,
/// dropped bytes, bad pieces, deep nesting) and a few made by hand.
#[test]
fn problem_finds_what_the_parser_refuses_where_it_does() {
    let mut rng = Rng(0x0dd_ba11_5eed_0042);
    let page = format!(r#"{{"items":[{SESSION}],"cursor":"c"}}"#);
    let mut texts: Vec<String> = [
        "",
        " ",
        "{",
        "[",
        "[1,]",
        "{\"a\"}",
        "{\"a\":}",
        "{\"a\":1,}",
        "{,}",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\u{1}\"",
        "01",
        "-",
        "1.",
        "1e",
        "1e+",
        "tru",
        "nul",
        "[1] [2]",
        "{\"a\":1}}",
        "\"\\ud800\"",
        "{\"\\udc00\":1}",
        "[\"a\":1]",
        "{\"a\" 1}",
        "{1:2}",
        "[[[[",
        "]]]",
    ]
    .iter()
    .map(|t| t.to_string())
    .collect();
    texts.push(format!("{}1{}", "[".repeat(5000), "]".repeat(5000)));
    texts.push(format!("{}1{}", "[".repeat(5000), "]".repeat(4999)));
    for round in 0..20_000 {
        texts.push(mutate(&mut rng, if round % 3 == 0 { &page } else { SESSION }));
    }
    let mut refused = 0;
    for text in &texts {
        let by_parser = match parse(text) {
            Ok(_) => None,
            Err(issue) => match issue.kind {
                IssueKind::InvalidJson { problem } => Some(problem),
                other => panic!("the parser refused {text:?} with {other:?}"),
            },
        };
        assert_eq!(problem(text), by_parser, "{text:?}");
        refused += usize::from(by_parser.is_some());
    }
    assert!(refused > 3_000, "only {refused} texts were not JSON");
}

/// The masks `scan_fields` gives for a text it finds valid.
fn masks_of(text: &str, shape: &'static Shape) -> Vec<u32> {
    let mut masks = vec![7; 3]; // stale content it must clear
    assert_eq!(scan_fields(text, shape, &mut masks), Verdict::Valid, "{text}");
    masks
}

/// The same masks found in the parsed tree: one per object of a declared
/// shape, each before the objects it holds, fields in declared order.
fn present_fields(text: &str, shape: &Shape) -> Vec<u32> {
    fn walk(value: &Value, shape: &Shape, out: &mut Vec<u32>) {
        let Value::Object(entries) = value else { panic!("an object of {}", shape.name) };
        let at = out.len();
        out.push(0);
        for (i, field) in shape.fields.iter().enumerate() {
            let Some((_, item)) = entries.iter().find(|(k, _)| k == field.key) else { continue };
            out[at] |= 1 << i;
            match (field.rule, item) {
                (Rule::Nested(next), _) => walk(item, next(), out),
                (Rule::ArrayOf(next), Value::Array(items)) => {
                    items.iter().for_each(|item| walk(item, next(), out))
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(&parse(text).expect("JSON"), shape, &mut out);
    out
}

#[test]
fn the_scan_says_which_fields_each_object_has() {
    let page = format!(
        r#"{{"cursor":"c","items":[{SESSION},{{"id":"2","workspaceId":"w","workspaceElementId":"e","type":"t","status":"completed","prompt":"","lastActivityAt":"2025-01-01T10:00Z","hasWorker":false,"createdAt":"2025-01-01T10:00Z","updatedAt":"2025-01-01T10:00Z"}}]}}"#
    );
    let masks = masks_of(&page, &AgentSessionList::SHAPE);
    assert_eq!(masks, present_fields(&page, &AgentSessionList::SHAPE));
    // The page (items and cursor), the first session, its error, its error's
    // cause, the second session (its ten required fields only).
    assert_eq!(masks.len(), 5, "{masks:?}");
    assert_eq!(masks[0], 0b11);
    assert_eq!(masks[4], 0b11_1111_1111);
}

#[test]
fn each_shape_holds_shaped_objects_in_one_field_at_most() {
    // The scan gives the masks in the order objects open in the text, and
    // the JS picks read them in declared order: the same order only while
    // no shape has two fields of shaped objects (scripts/assemble-pkg.mjs
    // refuses to build otherwise).
    for shape in SHAPES {
        let nesting =
            shape.fields.iter().filter(|f| matches!(f.rule, Rule::Nested(_) | Rule::ArrayOf(_))).count();
        assert!(nesting <= 1, "{} has {nesting} fields of shaped objects", shape.name);
    }
}
