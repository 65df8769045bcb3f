//! The Rust core's own speed, natively, on the inputs of `bench/bench.mjs`
//! (issue 5): what the rules cost without the JS <-> Wasm boundary.
//!
//!     cargo run --release --example native_bench            (about 30 s)
//!     cargo run --release --example native_bench -- --quick (about 8 s)
//!
//! Prints the median µs per call over a few rounds, each round a calibrated
//! number of iterations. Measures only; asserts nothing about timings.

use std::hint::black_box;
use std::time::{Duration, Instant};

use membrane_agent_session::json_text::{self, ToJson};
use membrane_agent_session::outcome;
use membrane_agent_session::{
    build_create_agent_session_request, is_timestamp, parse_agent_session, parse_agent_session_text,
    validate_create_agent_session, Value,
};

/// (a) `JSON.stringify(VALID_REQUEST)` in bench.mjs: 7 fields + one attachment.
const VALID_REQUEST: &str = r#"{"prompt":"Connect my HubSpot account and sync new contacts into the CRM table every hour.","workspaceElementType":"connection","workspaceElementId":"conn_6651f0a2b3c4d5e6f7a8b9c0","testCustomerId":"customer-42","isExternal":false,"modelId":"anthropic/claude-sonnet-4.5","agentName":"membrane","promptAttachments":[{"title":"mapping.json","data":{"fields":["email","firstName","lastName"],"hourly":true,"limit":500}}]}"#;

/// (b) four problems: too_small, invalid_value (with a suggestion),
/// invalid_type, a missing key.
const INVALID_REQUEST: &str = r#"{"prompt":"","modelId":"Anthropic/claude-opus-4.6","isExternal":"yes","promptAttachments":[{"data":{"note":"the title is missing"}}]}"#;

/// The builder options of bench.mjs.
const OPTIONS: &str = r#"{"token":"sk_live_0123456789abcdefABCDEF"}"#;

/// (c)/(d) the session answer of bench.mjs (`state` absent).
const SESSION: &str = r#"{"id":"ses_6651f0a2b3c4d5e6f7a8b9c1","workspaceId":"ws_6651f0a2b3c4d5e6f7a8b9c2","orgWorkspaceId":"org_6651f0a2b3c4d5e6f7a8b9c3","workspaceElementType":"connection","workspaceElementId":"conn_6651f0a2b3c4d5e6f7a8b9c0","type":"agent","status":"running","prompt":"Connect my HubSpot account and sync new contacts into the CRM table every hour.","lastActivityAt":"2025-06-01T12:00:03.417Z","title":"HubSpot contact sync","cost":0.0123,"hasWorker":true,"isExternal":false,"agentName":"membrane","output":{"steps":3,"connectionId":"conn_6651f0a2b3c4d5e6f7a8b9c0","warnings":[]},"createdAt":"2025-06-01T11:59:58Z","updatedAt":"2025-06-01T12:00:03.417Z","userId":"user_17","tenantId":"tenant_3"}"#;

struct Settings {
    rounds: usize,
    round: Duration,
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    let m = xs.len() / 2;
    if xs.len() % 2 == 1 {
        xs[m]
    } else {
        (xs[m - 1] + xs[m]) / 2.0
    }
}

/// Median µs per call of `f` over `rounds` rounds of a calibrated length.
fn measure(s: &Settings, mut f: impl FnMut() -> bool) -> f64 {
    let mut run = |n: u64| {
        let start = Instant::now();
        let mut ok = 0u64;
        for _ in 0..n {
            ok += black_box(f()) as u64;
        }
        black_box(ok);
        start.elapsed()
    };
    run(3);
    let mut n = 1u64;
    loop {
        let t = run(n);
        if t >= s.round {
            break;
        }
        let guess = if t.as_micros() > 500 {
            (n as f64 * s.round.as_secs_f64() * 1.1 / t.as_secs_f64()).ceil() as u64
        } else {
            n * 8
        };
        n = (n * 2).max(guess.min(n * 64));
    }
    median((0..s.rounds).map(|_| run(n).as_secs_f64() * 1e6 / n as f64).collect())
}

fn fmt_us(x: f64) -> String {
    if x >= 1000.0 {
        format!("{x:.0}")
    } else if x >= 100.0 {
        format!("{x:.1}")
    } else if x >= 1.0 {
        format!("{x:.2}")
    } else {
        format!("{x:.3}")
    }
}

/// The answer's JSON text, as the binding builds it (natively, with Rust's
/// own number conversions standing in for JavaScript's).
fn outcome_json<T: ToJson>(result: &Result<T, Vec<membrane_agent_session::Issue>>) -> String {
    outcome::outcome_json(result)
}

fn parse(text: &str) -> Value {
    json_text::parse(text).unwrap_or_else(|issue| panic!("bench input is not JSON: {issue:?}"))
}

fn request_with_prompt(bytes: usize) -> String {
    let unit = "Sync \"contacts\" from C:\\crm\\export every hour.\nThen map fields. ";
    let prompt: String = unit.chars().cycle().take(bytes).collect();
    let mut w = json_text::JsonWriter::new();
    w.string(&prompt);
    let quoted = w.finish();
    VALID_REQUEST.replacen(
        r#""Connect my HubSpot account and sync new contacts into the CRM table every hour.""#,
        &quoted,
        1,
    )
}

fn request_with_attachments(count: usize) -> String {
    let mut atts = String::from("[");
    for i in 0..count {
        if i > 0 {
            atts.push(',');
        }
        atts.push_str(&format!(
            r#"{{"title":"file-{i}.json","data":{{"id":{i},"name":"contact {i}","email":"c{i}@example.com","tags":["lead","hubspot"],"score":{}}}}}"#,
            i as f64 * 0.5
        ));
    }
    atts.push(']');
    let at = VALID_REQUEST.find(r#""promptAttachments":"#).expect("field present")
        + r#""promptAttachments":"#.len();
    format!("{}{}}}", &VALID_REQUEST[..at], atts)
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let s = if quick {
        Settings { rounds: 3, round: Duration::from_millis(30) }
    } else {
        Settings { rounds: 7, round: Duration::from_millis(120) }
    };

    let valid = parse(VALID_REQUEST);
    let invalid = parse(INVALID_REQUEST);
    let session = parse(SESSION);
    let options = parse(OPTIONS);

    // A wrong answer would time another code path: check the answers first.
    assert!(validate_create_agent_session(&valid).is_ok(), "(a) must be valid");
    match validate_create_agent_session(&invalid) {
        Err(issues) => assert_eq!(issues.len(), 4, "(b) must have 4 issues: {issues:?}"),
        Ok(_) => panic!("(b) must be invalid"),
    }
    assert!(parse_agent_session_text(SESSION).is_ok(), "(c) must be valid");
    assert!(parse_agent_session(&session).is_ok(), "(d) must be valid");
    assert!(build_create_agent_session_request(&valid, &options).is_ok(), "(e) must build");

    println!(
        "membrane-agent-session core, native ({}), {}: median of {} rounds of ~{} ms",
        std::env::consts::ARCH,
        if quick { "--quick" } else { "full run" },
        s.rounds,
        s.round.as_millis()
    );

    // `outcome_json` is what the binding hands to `JSON.parse` on the way
    // out, so "+ answer" rows are the core's whole share of one wasm call
    // (reading the JS value into a `Value` and the crossings excluded).
    let from_text = |text: &str| {
        json_text::parse(text).map(|v| validate_create_agent_session(&v).is_ok()).unwrap_or(false)
    };
    let from_text_answer = |text: &str| match json_text::parse(text) {
        Ok(v) => outcome_json(&validate_create_agent_session(&v)).len(),
        Err(_) => 0,
    };

    let row = |label: &str, us: f64| println!("  {label:<56} {:>9}", fmt_us(us));
    println!("\n  {:<56} {:>9}", "case", "µs/call");
    println!("  {:-<56} {:->9}", "", "");
    row(
        "(a) validate, Value given",
        measure(&s, || validate_create_agent_session(black_box(&valid)).is_ok()),
    );
    row(
        "(a) validate + answer JSON, Value given",
        measure(&s, || !outcome_json(&validate_create_agent_session(black_box(&valid))).is_empty()),
    );
    row("(a) JSON text -> parse -> validate", measure(&s, || from_text(black_box(VALID_REQUEST))));
    row(
        "(a) JSON text -> parse -> validate -> answer JSON",
        measure(&s, || from_text_answer(black_box(VALID_REQUEST)) > 0),
    );
    row(
        "(b) validate invalid, Value given",
        measure(&s, || validate_create_agent_session(black_box(&invalid)).is_ok()),
    );
    row(
        "(b) validate invalid + answer JSON, Value given",
        measure(&s, || !outcome_json(&validate_create_agent_session(black_box(&invalid))).is_empty()),
    );
    row(
        "(b) JSON text -> parse -> validate -> answer JSON",
        measure(&s, || from_text_answer(black_box(INVALID_REQUEST)) > 0),
    );
    row(
        "(c) parse_agent_session_text (text -> session)",
        measure(&s, || parse_agent_session_text(black_box(SESSION)).is_ok()),
    );
    row(
        "(c) parse_agent_session_text + answer JSON",
        measure(&s, || !outcome_json(&parse_agent_session_text(black_box(SESSION))).is_empty()),
    );
    row(
        "(d) parse_agent_session, Value given",
        measure(&s, || parse_agent_session(black_box(&session)).is_ok()),
    );
    row(
        "(d) parse_agent_session + answer JSON, Value given",
        measure(&s, || !outcome_json(&parse_agent_session(black_box(&session))).is_empty()),
    );
    row(
        "(e) build request + answer JSON, Values given",
        measure(&s, || {
            !outcome_json(&build_create_agent_session_request(black_box(&valid), black_box(&options)))
                .is_empty()
        }),
    );
    println!("  {:<56} {:>9}", "parts", "");
    row(
        "json_text::parse(request (a)) alone",
        measure(&s, || json_text::parse(black_box(VALID_REQUEST)).is_ok()),
    );
    row("json_text::parse(session (c)) alone", measure(&s, || json_text::parse(black_box(SESSION)).is_ok()));
    row(
        "JsonWriter::value(request (a)) alone",
        measure(&s, || {
            let mut w = json_text::JsonWriter::new();
            w.value(black_box(&valid));
            !w.finish().is_empty()
        }),
    );
    row(
        "is_timestamp(\"2025-06-01T12:00:03.417Z\")",
        measure(&s, || is_timestamp(black_box("2025-06-01T12:00:03.417Z"))),
    );

    println!("\n  {:<56} {:>9} {:>12}", "scaling: validate from JSON text", "µs/call", "per unit");
    println!("  {:-<56} {:->9} {:->12}", "", "", "");
    let sizes: &[usize] = if quick { &[1 << 10, 1 << 20] } else { &[1 << 10, 1 << 20, 16 << 20] };
    for &bytes in sizes {
        let text = request_with_prompt(bytes);
        let us = measure(&s, || from_text(black_box(&text)));
        let label = if bytes >= 1 << 20 {
            format!("prompt {} MiB", bytes >> 20)
        } else {
            format!("prompt {} KiB", bytes >> 10)
        };
        println!("  {label:<56} {:>9} {:>7.2} ns/B", fmt_us(us), us * 1000.0 / bytes as f64);
    }
    let counts: &[usize] = if quick { &[1, 1000] } else { &[1, 1000, 10_000] };
    for &count in counts {
        let text = request_with_attachments(count);
        let us = measure(&s, || from_text(black_box(&text)));
        println!(
            "  {:<56} {:>9} {:>5.3} µs/att",
            format!("{count} attachments"),
            fmt_us(us),
            us / count as f64
        );
    }
}
