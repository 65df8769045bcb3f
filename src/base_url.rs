//! The `baseUrl` option: where requests go.
//!
//! An absolute `https://` URL (`http://` only for `localhost`, `127.0.0.1`,
//! `[::1]`), printable ASCII only, no user or password, no query, no
//! fragment, no backslash (URL parsers read it as `/`, a classic trick), no
//! `.`/`..` segments (fetch would resolve them away). A path prefix is kept
//! and runs of slashes become one, so `https://h/v1` and `https://h//v1/`
//! both give `https://h/v1`.

use crate::issue::FormatProblem;

/// Where requests go when no `baseUrl` is given.
pub const DEFAULT_BASE_URL: &str = "https://api.getmembrane.com";

const LOOPBACK_HOSTS: &[&str] = &["localhost", "127.0.0.1", "[::1]"];

/// The normalised form of `url` (no trailing slash), or why it is refused.
///
/// # Example
/// ```
/// use membrane_agent_session::base_url::normalise_base_url;
/// assert_eq!(normalise_base_url("https://h.example/v1/").unwrap(), "https://h.example/v1");
/// assert_eq!(normalise_base_url("http://127.0.0.1:8080").unwrap(), "http://127.0.0.1:8080");
/// assert!(normalise_base_url("http://h.example").is_err());
/// assert!(normalise_base_url("https://user:pw@h.example").is_err());
/// ```
pub fn normalise_base_url(url: &str) -> Result<String, FormatProblem> {
    if !url.bytes().all(|b| (0x21..=0x7e).contains(&b)) {
        return Err(FormatProblem::UrlNotPrintableAscii);
    }
    if url.contains('\\') {
        return Err(FormatProblem::UrlBackslash);
    }
    let scheme = if url.starts_with("https://") {
        "https"
    } else if url.starts_with("http://") {
        "http"
    } else if url.contains(':') {
        return Err(FormatProblem::UrlScheme);
    } else {
        return Err(FormatProblem::UrlNotAbsolute);
    };
    let rest = url.get(scheme.len() + 3..).unwrap_or("");
    match rest.find(['?', '#']).map(|at| rest.as_bytes().get(at)) {
        Some(Some(b'?')) => return Err(FormatProblem::UrlQuery),
        Some(_) => return Err(FormatProblem::UrlFragment),
        None => {}
    }
    // (`split_once` keeps no panic path in the module, as `split_at` would.)
    let (authority, path) = rest.split_once('/').map_or((rest, ""), |(authority, path)| (authority, path));
    if authority.contains('@') {
        return Err(FormatProblem::UrlCredentials);
    }
    let host = check_authority(authority)?;
    if scheme == "http" && !LOOPBACK_HOSTS.iter().any(|h| h.eq_ignore_ascii_case(host)) {
        return Err(FormatProblem::UrlInsecureHttp);
    }
    let mut normalised = format!("{scheme}://{authority}");
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        if is_dot_segment(segment) {
            return Err(FormatProblem::UrlDotSegment);
        }
        normalised.push('/');
        normalised.push_str(segment);
    }
    Ok(normalised)
}

/// Checks `host[:port]` and returns the host.
fn check_authority(authority: &str) -> Result<&str, FormatProblem> {
    let (host, port) = if let Some(inner) = authority.strip_prefix('[') {
        let close = inner.find(']').ok_or(FormatProblem::UrlHost)?;
        let address = inner.get(..close).unwrap_or("");
        if address.is_empty() || !address.bytes().all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.') {
            return Err(FormatProblem::UrlHost);
        }
        let after = inner.get(close + 1..).unwrap_or("");
        let port = match after {
            "" => None,
            _ => Some(after.strip_prefix(':').ok_or(FormatProblem::UrlHost)?),
        };
        (authority.get(..close + 2).unwrap_or(""), port)
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    let is_name = |h: &str| {
        !h.is_empty()
            && h.split('.').all(|label| {
                !label.is_empty() && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            })
    };
    if !host.starts_with('[') && !is_name(host) {
        return Err(FormatProblem::UrlHost);
    }
    if let Some(port) = port {
        let number = (port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit()))
            .then(|| port.parse::<u32>().ok())
            .flatten();
        if !matches!(number, Some(1..=65535)) {
            return Err(FormatProblem::UrlPort);
        }
    }
    Ok(host)
}

/// `.` and `..`, also percent-encoded, as the URL standard reads them.
fn is_dot_segment(segment: &str) -> bool {
    let lower = segment.to_ascii_lowercase();
    matches!(lower.as_str(), "." | "%2e" | ".." | ".%2e" | "%2e." | "%2e%2e")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_and_slashes() {
        assert_eq!(normalise_base_url("https://h/v1").unwrap(), "https://h/v1");
        assert_eq!(normalise_base_url("https://h/v1/").unwrap(), "https://h/v1");
        assert_eq!(normalise_base_url("https://h//v1//x///").unwrap(), "https://h/v1/x");
        assert_eq!(normalise_base_url("https://h").unwrap(), "https://h");
        assert_eq!(normalise_base_url("http://[::1]:3000/").unwrap(), "http://[::1]:3000");
        assert_eq!(normalise_base_url("http://LOCALHOST").unwrap(), "http://LOCALHOST");
    }

    #[test]
    fn refusals() {
        use FormatProblem::*;
        let cases = [
            ("ftp://h", UrlScheme),
            ("HTTPS://h", UrlScheme),
            ("//h", UrlNotAbsolute),
            ("mailto:x@h", UrlScheme),
            ("h/v1", UrlNotAbsolute),
            ("https://h/a b", UrlNotPrintableAscii),
            ("https://h\r\nX: y", UrlNotPrintableAscii),
            ("https://hé", UrlNotPrintableAscii),
            ("https://u:p@h", UrlCredentials),
            ("https://good.example@evil.example", UrlCredentials),
            ("https://h?x=1", UrlQuery),
            ("https://h/#x", UrlFragment),
            ("https://evil.example\\@good.example", UrlBackslash),
            ("https://", UrlHost),
            ("https:///x", UrlHost),
            ("https://h:0", UrlPort),
            ("https://h:65536", UrlPort),
            ("https://h:", UrlPort),
            ("https://h/../x", UrlDotSegment),
            ("https://h/%2E%2e/x", UrlDotSegment),
            ("http://localhost.evil.example", UrlInsecureHttp),
            ("http://127.0.0.2", UrlInsecureHttp),
            ("https://[::1", UrlHost),
            ("https://a..b", UrlHost),
        ];
        for (url, problem) in cases {
            assert_eq!(normalise_base_url(url), Err(problem), "{url}");
        }
    }
}
