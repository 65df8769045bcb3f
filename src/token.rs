//! The `token` option: the bearer token.
//!
//! Non-empty, printable ASCII without spaces (0x21–0x7E): a CR/LF or any
//! other control character would let a caller inject headers. Issues about
//! the token say what kind of character is wrong and where, never the
//! token itself.

use crate::issue::{Format, FormatProblem, IssueKind};

/// Why `token` cannot be sent, if it cannot.
///
/// # Example
/// ```
/// use membrane_agent_session::token::check_token;
/// assert!(check_token("sk_live.abc-123").is_ok());
/// assert!(check_token("abc\r\nX-Evil: 1").is_err());
/// assert!(check_token("").is_err());
/// ```
pub fn check_token(token: &str) -> Result<(), IssueKind> {
    if token.is_empty() {
        return Err(IssueKind::TooSmall { minimum: 1, origin: "string" });
    }
    for (position, character) in token.chars().enumerate() {
        let problem = match character {
            '!'..='~' => continue,
            ' ' => FormatProblem::TokenSpace(position),
            c if c.is_ascii() => FormatProblem::TokenControlCharacter(position),
            _ => FormatProblem::TokenNotAscii(position),
        };
        return Err(IssueKind::InvalidFormat { format: Format::Token, problem });
    }
    Ok(())
}
