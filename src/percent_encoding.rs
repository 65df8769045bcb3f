//! Text placed in a URL: one path segment or one query value, encoded as
//! JavaScript's `encodeURIComponent` encodes it, so that no `/`, `?`, `#`,
//! `%` or `..` in an id or a cursor can change the path or the host.

/// `text` as `encodeURIComponent(text)` writes it: every byte of its UTF-8
/// except `A–Z a–z 0–9 - _ . ! ~ * ' ( )` becomes `%XX` (upper-case hex).
///
/// # Example
/// ```
/// use membrane_agent_session::percent_encoding::encode_uri_component;
/// assert_eq!(encode_uri_component("a/b c?é"), "a%2Fb%20c%3F%C3%A9");
/// ```
pub fn encode_uri_component(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
    out
}
