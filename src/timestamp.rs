//! The Timestamp rule: a string matching SPEC's pattern exactly.
//!
//! The pattern (`src/timestamp.pattern`) is compiled by `build.rs` into a
//! minimal DFA, written out as a transition table; here we only walk it.
//! `\d` means ASCII `0-9` (ECMAScript), `$` is the very end of the string,
//! so `2024-01-01T00:00Z\n` and `２０２４-…` are not timestamps.

/// The documented pattern, letter for letter as in SPEC.md.
pub const TIMESTAMP_PATTERN: &str = include_str!("timestamp.pattern");

// DEAD, START, CLASSES, CLASS_OF, NEXT, ACCEPTS_AT_END: the minimal DFA of
// TIMESTAMP_PATTERN, built by build.rs with regex-automata.
include!(concat!(env!("OUT_DIR"), "/timestamp_dfa.rs"));

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
    let mut state = START;
    for &byte in text.as_bytes() {
        let class = usize::from(CLASS_OF[usize::from(byte)]);
        // Every entry of NEXT is a state number below the table's height.
        state = NEXT.get(usize::from(state) * CLASSES + class).copied().unwrap_or(DEAD);
        if state == DEAD {
            return false;
        }
    }
    // `$`: a match only counts at the very end of the text.
    ACCEPTS_AT_END.get(usize::from(state)).copied().unwrap_or(false)
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
