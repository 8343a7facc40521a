//! The feed cursor on the wire: opaque to clients, strict on the way in.

use crate::storage::FeedCursor;

const PREFIX: &str = "v1.";

pub fn encode(c: FeedCursor) -> String {
    format!("{PREFIX}{}.{}", c.published_at_ms, c.id)
}

/// `None` for anything we did not issue.
pub fn decode(s: &str) -> Option<FeedCursor> {
    let (ms, id) = s.strip_prefix(PREFIX)?.split_once('.')?;
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    if !digits(ms) || !digits(id) {
        return None;
    }
    Some(FeedCursor {
        published_at_ms: ms.parse().ok()?,
        id: id.parse().ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let c = FeedCursor {
            published_at_ms: 1_700_000_000_123,
            id: 42,
        };
        assert_eq!(decode(&encode(c)), Some(c));
    }

    #[test]
    fn garbage_is_refused() {
        for bad in [
            "",
            "v1.",
            "v1.12",
            "v1.a.b",
            "v2.1.2",
            "v1.1.2.3",
            "v1.+1.2",
            "v1.99999999999999999999.1",
        ] {
            assert_eq!(decode(bad), None, "{bad}");
        }
    }
}
