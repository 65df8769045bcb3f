//! Near-miss suggestions: "did you mean …?" for enum values and keys.
//!
//! A known value is suggested when the input differs from it only in case,
//! or by one or two typing mistakes (insertions, deletions, substitutions,
//! swaps of neighbours) — fewer for short values, so that `"a"` does not
//! suggest `"app"`.

/// Inputs longer than this are not compared (a long text is no typo).
const LONGEST_COMPARED: usize = 64;

/// The known value `input` most likely meant, if any.
///
/// # Example
/// ```
/// use membrane_agent_session::suggestion::suggest;
/// assert_eq!(suggest("promt", &["prompt", "modelId"]), Some("prompt"));
/// assert_eq!(suggest("Anthropic/claude-opus-4.6", &["anthropic/claude-opus-4.6"]), Some("anthropic/claude-opus-4.6"));
/// assert_eq!(suggest("zzz", &["prompt"]), None);
/// ```
pub fn suggest(input: &str, known: &[&'static str]) -> Option<&'static str> {
    // Counting UTF-8 lead bytes counts characters.
    if input.bytes().filter(|b| b & 0xC0 != 0x80).count() > LONGEST_COMPARED {
        return None;
    }
    if let Some(same) = known.iter().find(|k| k.eq_ignore_ascii_case(input)) {
        return Some(same);
    }
    let input: Vec<char> = input.chars().collect();
    let mut best: Option<(usize, &'static str)> = None;
    for candidate in known {
        let target: Vec<char> = candidate.chars().collect();
        let allowed = (target.len() / 3).clamp(1, 2);
        let distance = typo_distance(&input, &target);
        if distance <= allowed && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// Optimal-string-alignment distance, comparing characters case-blind.
fn typo_distance(a: &[char], b: &[char]) -> usize {
    let same = |x: char, y: char| x.eq_ignore_ascii_case(&y);
    // Three rows are enough for the neighbour-swap rule.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(!same(a[i - 1], b[j - 1]));
            let mut d = (previous[j] + 1).min(current[j - 1] + 1).min(previous[j - 1] + cost);
            if i > 1 && j > 1 && same(a[i - 1], b[j - 2]) && same(a[i - 2], b[j - 1]) {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        let d =
            |a: &str, b: &str| typo_distance(&a.chars().collect::<Vec<_>>(), &b.chars().collect::<Vec<_>>());
        assert_eq!(d("prompt", "prompt"), 0);
        assert_eq!(d("promt", "prompt"), 1);
        assert_eq!(d("porpmt", "prompt"), 2);
        assert_eq!(d("pormpt", "prompt"), 1);
        assert_eq!(d("", "abc"), 3);
    }

    #[test]
    fn short_values_need_closer_matches() {
        assert_eq!(suggest("a", &["app"]), None);
        assert_eq!(suggest("ap", &["app"]), Some("app"));
        assert_eq!(suggest(" membrane", &["membrane"]), Some("membrane"));
    }
}
