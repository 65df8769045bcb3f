//! The builder's options (token and base URL parsing) under fuzzing. The text
//! is `[request, options]` or anything else (then used as the options of a
//! fixed good request). Beyond "no panic": the token never appears in an issue
//! message, and an accepted URL is https, or http to a loopback host, with no
//! credentials, query or fragment, ending in /agent/sessions.
#![no_main]

use libfuzzer_sys::fuzz_target;
use membrane_agent_session::{build_create_agent_session_request, json_text, Value};

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let Ok(value) = json_text::parse(text) else { return };
    let good = json_text::parse(r#"{"prompt":"x"}"#).expect("fixed request");
    let (request, options) = match &value {
        Value::Array(pair) if pair.len() == 2 => (&pair[0], &pair[1]),
        _ => (&good, &value),
    };
    let token = match options.get("token") {
        // Short tokens could be a word of a fixed message by chance, and a token
        // that also occurs elsewhere in the input (inside a key, say) may be quoted
        // from there.
        Some(Value::String(t)) if t.len() >= 16 && text.matches(t.as_str()).count() == 1 => Some(t.as_str()),
        _ => None,
    };
    match build_create_agent_session_request(request, options) {
        Err(issues) => {
            assert!(!issues.is_empty());
            if let Some(token) = token {
                for issue in &issues {
                    assert!(!issue.message.contains(token), "the token is in a message: {issue:?}");
                }
            }
        }
        Ok(built) => {
            let url = built.url.as_str();
            let rest = if let Some(rest) = url.strip_prefix("https://") {
                rest
            } else {
                let rest = url.strip_prefix("http://").unwrap_or_else(|| panic!("scheme of {url}"));
                let host = rest.split(['/', ':']).next().unwrap_or("");
                let host = if rest.starts_with("[::1]") { "[::1]" } else { host };
                // Host names are case-insensitive: LOCALHOST is loopback too.
                assert!(
                    ["localhost", "127.0.0.1", "[::1]"].iter().any(|h| h.eq_ignore_ascii_case(host)),
                    "http to {host} in {url}"
                );
                rest
            };
            let authority = rest.split('/').next().unwrap_or("");
            assert!(!authority.contains('@'), "credentials in {url}");
            assert!(!url.contains('?') && !url.contains('#'), "query or fragment in {url}");
            assert!(!url.contains('\\') && !url.chars().any(|c| c.is_control() || c == ' '), "odd character in {url}");
            assert!(url.ends_with("/agent/sessions"), "{url}");
            if let Some(token) = token {
                assert!(built.headers.iter().any(|(k, v)| k == "Authorization" && v == &format!("Bearer {token}")));
            }
        }
    }
});
