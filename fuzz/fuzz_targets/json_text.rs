//! `json_text::parse` against serde_json, an independent JSON reader. Both must
//! accept the same texts, except where JSON.parse (whose meaning ours follows)
//! and serde_json differ by design: lone surrogate escapes and numbers too
//! large for a double (JSON.parse accepts both; serde_json refuses), and
//! serde_json's nesting limit of 128. When both accept, the values are equal
//! (numbers compared as doubles; -0 and 0 are equal here). And
//! `json_text::problem` (the grammar alone, which the wasm binding asks
//! where a text is not JSON) finds exactly the parser's problem.
#![no_main]

use libfuzzer_sys::fuzz_target;
use membrane_agent_session::{json_text, IssueKind, Value};

fn same(ours: &Value, theirs: &serde_json::Value) -> bool {
    match (ours, theirs) {
        (Value::Null, serde_json::Value::Null) => true,
        (Value::Bool(a), serde_json::Value::Bool(b)) => a == b,
        (Value::Number(a), serde_json::Value::Number(b)) => b.as_f64().is_some_and(|b| *a == b),
        (Value::String(a), serde_json::Value::String(b)) => a == b,
        (Value::Array(a), serde_json::Value::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y)),
        (Value::Object(a), serde_json::Value::Object(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|((ka, va), (kb, vb))| ka == kb && same(va, vb))
        }
        // Something ours keeps aside (too deep, ill-formed string): not comparable.
        (Value::Foreign(_), _) => true,
        _ => false,
    }
}

fn contains_foreign(v: &Value) -> bool {
    match v {
        Value::Foreign(_) => true,
        Value::Array(a) => a.iter().any(contains_foreign),
        Value::Object(o) => o.iter().any(|(_, v)| contains_foreign(v)),
        _ => false,
    }
}

/// Whether the text holds a `\uD800`–`\uDFFF` escape (serde_json refuses a lone one).
fn has_surrogate_escape(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(4).any(|w| w[0] == b'\\' && w[1] == b'u' && matches!(w[2], b'd' | b'D') && matches!(w[3], b'8'..=b'9' | b'a'..=b'f' | b'A'..=b'F'))
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let ours = json_text::parse(text);
    let problem = match &ours {
        Ok(_) => None,
        Err(issue) => match issue.kind {
            IssueKind::InvalidJson { problem } => Some(problem),
            _ => panic!("the parser refused {text:?} with {issue:?}"),
        },
    };
    assert_eq!(json_text::problem(text), problem, "{text:?}");
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => assert!(same(a, b) || contains_foreign(a), "different values for {text:?}: {a:?} vs {b:?}"),
        (Err(_), Err(_)) => {}
        (Ok(_), Err(e)) => {
            let why = e.to_string();
            let by_design = has_surrogate_escape(text) || why.contains("number out of range") || why.contains("recursion limit");
            assert!(by_design, "ours accepts what serde_json refuses ({why}): {text:?}");
        }
        (Err(e), Ok(_)) => panic!("ours refuses valid JSON ({e}): {text:?}"),
    }
});
