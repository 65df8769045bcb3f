//! Bytes → UTF-8 text → `json_text::parse` → `validate_create_agent_session`.
//! Beyond "no panic, no timeout": a failure carries at least one issue, each
//! with a message; an accepted request builds, and its body reads back and
//! validates to the very same body (the body is a fixed point). The rules
//! give the same answer from the value laid out as a tape (what the JS
//! binding hands them), with or without the text of strings no rule reads.
#![no_main]

use libfuzzer_sys::fuzz_target;
use membrane_agent_session::shape::{check_input, check_only, Declared};
use membrane_agent_session::{
    build_create_agent_session_request, json_text, tape, validate_create_agent_session, CreateAgentSession,
};

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let Ok(value) = json_text::parse(text) else { return };
    let laid_out = tape::write(&value);
    let from_tape = check_input::<CreateAgentSession, _>(laid_out.tape().root(), &[]);
    assert_eq!(from_tape, validate_create_agent_session(&value), "the tape and the tree give different answers");
    // As the binding lays it out: strings no rule reads by their length only.
    let uncopied = tape::write_checked(&value, CreateAgentSession::declared());
    assert_eq!(
        check_only(uncopied.tape().root(), CreateAgentSession::declared()),
        validate_create_agent_session(&value).map(|_| ()),
        "strings left out change the answer"
    );
    match validate_create_agent_session(&value) {
        Err(issues) => {
            assert!(!issues.is_empty(), "a failure without issues");
            for issue in &issues {
                assert!(!issue.message.is_empty(), "an issue without a message: {issue:?}");
            }
        }
        Ok(_) => {
            let options = json_text::parse(r#"{"token":"fuzz-token"}"#).expect("fixed options");
            let request = build_create_agent_session_request(&value, &options)
                .unwrap_or_else(|issues| panic!("valid request, but the build failed: {issues:?}"));
            let body = request.body.as_deref().expect("a create request has a body");
            let again = json_text::parse(body).expect("the body is JSON");
            validate_create_agent_session(&again).expect("the body validates");
            let rebuilt = build_create_agent_session_request(&again, &options).expect("the body builds");
            assert_eq!(request.body, rebuilt.body, "the body is not a fixed point");
        }
    }
});
