//! The fast scan never accepts what the full path refuses, and accepts the
//! ordinary valid answers (so the fast path is really taken).
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::Rng;

use membrane_agent_session::json_scan::{scan, Verdict};
use membrane_agent_session::json_text::parse;
use membrane_agent_session::shape::check;
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
            agreed_valid += 1;
        }
        valid += usize::from(slow);
    }
    // The mutations leave many answers valid, and the scan takes most of them.
    assert!(valid > 2_000, "only {valid} valid cases");
    assert!(agreed_valid * 10 >= valid * 7, "the scan took only {agreed_valid} of {valid} valid answers");
}
