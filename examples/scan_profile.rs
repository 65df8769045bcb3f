//! Scans a response text many times (for profiling the scan natively):
//! `cargo run --release --example scan_profile -- FILE [ROUNDS]`.
use membrane_agent_session::json_scan::{scan, Verdict};
use membrane_agent_session::{AgentSession, AgentSessionList};

fn main() {
    let mut args = std::env::args().skip(1);
    let text = std::fs::read_to_string(args.next().expect("a file")).expect("readable");
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(200);
    let start = std::time::Instant::now();
    let mut valid = 0;
    for _ in 0..rounds {
        let shape =
            if text.starts_with("{\"items\"") { &AgentSessionList::SHAPE } else { &AgentSession::SHAPE };
        valid += usize::from(scan(&text, shape) == Verdict::Valid);
    }
    let each = start.elapsed() / rounds as u32;
    println!(
        "{valid}/{rounds} valid; {each:?} per scan of {} B ({:.2} ns/B)",
        text.len(),
        each.as_nanos() as f64 / text.len() as f64
    );
}
