//! Bytes → UTF-8 text → `parse_agent_session_text`. Beyond "no panic, no
//! timeout": text that is not JSON gives exactly one `invalid_json` issue;
//! otherwise the verdict equals `parse_agent_session` of the parsed value, and
//! a failure carries at least one issue with a message. The fast scan
//! (`json_scan`) never accepts text that the full path refuses, and the
//! rules read the same answer from the parsed value laid out as a tape (what
//! the JS binding hands them).
#![no_main]

use libfuzzer_sys::fuzz_target;
use membrane_agent_session::json_scan::{scan, Verdict};
use membrane_agent_session::shape::check_input;
use membrane_agent_session::tape;
use membrane_agent_session::{json_text, parse_agent_session, parse_agent_session_text, AgentSession};

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let result = parse_agent_session_text(text);
    if scan(text, &AgentSession::SHAPE) == Verdict::Valid {
        assert!(result.is_ok(), "the scan accepted what the full path refuses");
    }
    match json_text::parse(text) {
        Err(_) => {
            let issues = result.expect_err("not JSON, yet accepted");
            assert_eq!(issues.len(), 1, "{issues:?}");
            assert_eq!(issues[0].code(), "invalid_json");
            assert!(issues[0].path.is_empty());
        }
        Ok(value) => {
            let direct = parse_agent_session(&value);
            assert_eq!(direct.is_ok(), result.is_ok(), "text and value verdicts differ");
            let laid_out = tape::write(&value);
            let from_tape = check_input::<AgentSession, _>(laid_out.tape().root(), &[]);
            assert_eq!(from_tape, direct, "the tape and the tree give different answers");
            if let Err(issues) = result {
                assert!(!issues.is_empty(), "a failure without issues");
                assert!(issues.iter().all(|i| !i.message.is_empty() && i.code() != "invalid_json"));
            }
        }
    }
});
