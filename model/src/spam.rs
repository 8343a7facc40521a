//! Rules against comment spam that need no account: the same text again is refused for a
//! while, and a comment full of links waits for an editor.

/// The same text on the same article is refused for this long (10 minutes).
pub const DUPLICATE_WINDOW_MS: i64 = 10 * 60 * 1000;

/// A comment with more links than this goes to the editors first, whatever the mode.
pub const LINKS_BEFORE_REVIEW: usize = 2;

/// How many links a comment carries: web addresses written out (`http://`, `https://`) or
/// starting with `www.`, counted without regard to case.
pub fn link_count(text: &str) -> usize {
    let lower = text.to_lowercase();
    let mut count = 0;
    let mut rest = lower.as_str();
    while let Some(at) = ["http://", "https://", "www."]
        .iter()
        .filter_map(|m| rest.find(m).map(|i| (i, m.len())))
        .min()
    {
        count += 1;
        // Skip the whole address, so "https://www.x" counts once.
        let after = &rest[at.0 + at.1..];
        let end = after.find(char::is_whitespace).unwrap_or(after.len());
        rest = &after[end..];
    }
    count
}

/// True when a comment must wait for an editor even where comments go up at once.
pub fn needs_review(text: &str) -> bool {
    link_count(text) > LINKS_BEFORE_REVIEW
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_counted_once_each() {
        assert_eq!(link_count("No links at all."), 0);
        assert_eq!(link_count("See https://www.example.org/a for more"), 1);
        assert_eq!(
            link_count("HTTP://A.EXAMPLE and www.b.example, http://c.example"),
            3
        );
        assert!(!needs_review("one https://a.example two http://b.example"));
        assert!(needs_review(
            "https://a.example https://b.example https://c.example"
        ));
    }
}
