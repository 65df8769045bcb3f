//! The Timestamp rule: a string matching SPEC's pattern exactly.
//!
//! The pattern (`src/timestamp.pattern`) is compiled by `build.rs` into a
//! dense DFA; here we only load its bytes once and run an anchored search.
//! `\d` means ASCII `0-9` (ECMAScript), `$` is the very end of the string,
//! so `2024-01-01T00:00Z\n` and `２０２４-…` are not timestamps.

use std::sync::LazyLock;

use regex_automata::{
    dfa::{dense::DFA, Automaton},
    util::wire::AlignAs,
    Anchored, Input,
};

/// The documented pattern, letter for letter as in SPEC.md.
pub const TIMESTAMP_PATTERN: &str = include_str!("timestamp.pattern");

static TIMESTAMP_DFA: LazyLock<DFA<&'static [u32]>> = LazyLock::new(|| {
    static ALIGNED: &AlignAs<[u8], u32> = &AlignAs {
        _align: [],
        #[cfg(target_endian = "little")]
        bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/timestamp.le.dfa")),
        #[cfg(target_endian = "big")]
        bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/timestamp.be.dfa")),
    };
    // The bytes were written by build.rs for this very target: a failure here
    // is a build defect, never something input can cause.
    let (dfa, _) = DFA::from_bytes(&ALIGNED.bytes).expect("the embedded timestamp DFA is valid");
    dfa
});

/// Whether `text` is a Timestamp as the API documents it.
///
/// # Example
/// ```
/// use membrane_agent_session::is_timestamp;
/// assert!(is_timestamp("2024-02-29T23:59Z"));
/// assert!(is_timestamp("2024-02-29T23:59:59.123456Z"));
/// assert!(!is_timestamp("2023-02-29T00:00Z"));
/// assert!(!is_timestamp("2024-01-01T00:00:00+00:00"));
/// ```
pub fn is_timestamp(text: &str) -> bool {
    let input = Input::new(text).anchored(Anchored::Yes).earliest(true);
    // The only error an anchored search on this DFA can give is a quit
    // byte, and it has none; treat any error as "no match" all the same.
    matches!(TIMESTAMP_DFA.try_search_fwd(&input), Ok(Some(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pattern_is_the_documented_one() {
        assert!(TIMESTAMP_PATTERN.starts_with("^(?:(?:\\d\\d[2468][048]"));
        assert!(TIMESTAMP_PATTERN.ends_with("(?:Z))$"));
    }

    #[test]
    fn seconds_and_fractions_are_optional() {
        assert!(is_timestamp("2024-05-06T07:08Z"));
        assert!(is_timestamp("2024-05-06T07:08:09Z"));
        assert!(is_timestamp("2024-05-06T07:08:09.1Z"));
        assert!(!is_timestamp("2024-05-06T07:08:09.Z"));
        assert!(!is_timestamp("2024-05-06T07:08.5Z"));
    }
}
