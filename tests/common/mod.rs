//! Helpers shared by the native table tests.
#![allow(dead_code)]

use membrane_agent_session::{json_text::parse, Issue, PathSegment, Value};

/// A Value from JSON text written in a test.
pub fn json(text: &str) -> Value {
    parse(text).unwrap_or_else(|issue| panic!("bad test JSON {text:?}: {issue}"))
}

/// An issue as `code@path`, the path dotted (`promptAttachments.2.title`).
pub fn brief(issue: &Issue) -> String {
    let path: Vec<String> = issue
        .path
        .iter()
        .map(|segment| match segment {
            PathSegment::Key(key) => key.to_string(),
            PathSegment::Index(index) => index.to_string(),
        })
        .collect();
    format!("{}@{}", issue.code(), path.join("."))
}

/// Every issue of a failed result, briefly; panics if it succeeded.
pub fn briefs<T: std::fmt::Debug>(result: Result<T, Vec<Issue>>) -> Vec<String> {
    match result {
        Ok(value) => panic!("expected issues, got {value:?}"),
        Err(issues) => issues.iter().map(brief).collect(),
    }
}

/// A tiny deterministic generator (xorshift), so failures reproduce.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}
