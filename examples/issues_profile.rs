//! Checks request (b) of `make bench` and writes its issue records many
//! times (for counting the Rust side of (b) natively):
//! `valgrind --tool=callgrind target/release/examples/issues_profile [ROUNDS]`
//! after `cargo build --release --example issues_profile`.
use membrane_agent_session::outcome::issue_records;
use membrane_agent_session::{json_text::parse, validate_create_agent_session};

const INVALID_REQUEST: &str = r#"{"prompt":"","modelId":"Anthropic/claude-opus-4.6","isExternal":"yes","promptAttachments":[{"data":{"note":"the title is missing"}}]}"#;

fn main() {
    let rounds: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(20_000);
    let request = parse(INVALID_REQUEST).expect("JSON");
    let (mut words, mut text) = (Vec::new(), String::new());
    let mut issues_seen = 0;
    for _ in 0..rounds {
        let issues = validate_create_agent_session(&request).expect_err("request (b) is invalid");
        words.clear();
        text.clear();
        issue_records(&issues, &mut words, &mut text);
        issues_seen += issues.len();
    }
    println!("{rounds} rounds, {issues_seen} issues, {} words of records each", words.len());
}
