//! The feed's and search's cursors on the wire: opaque to clients, strict on the way in.

use crate::storage::{FeedCursor, SearchCursor};

const PREFIX: &str = "v1.";
const SEARCH_PREFIX: &str = "s1.";

/// A search cursor: the rank's exact bits in hex, then the date and id as the feed's.
pub fn encode_search(c: SearchCursor) -> String {
    format!(
        "{SEARCH_PREFIX}{:x}.{}.{}",
        c.rank.to_bits(),
        c.published_at_ms,
        c.id
    )
}

/// `None` for anything we did not issue (a feed cursor too).
pub fn decode_search(s: &str) -> Option<SearchCursor> {
    let (bits, rest) = s.strip_prefix(SEARCH_PREFIX)?.split_once('.')?;
    let rest = decode(&format!("{PREFIX}{rest}"))?;
    let hex = !bits.is_empty() && bits.len() <= 16 && bits.bytes().all(|b| b.is_ascii_hexdigit());
    let rank = f64::from_bits(u64::from_str_radix(bits, 16).ok().filter(|_| hex)?);
    rank.is_finite().then_some(SearchCursor {
        rank,
        published_at_ms: rest.published_at_ms,
        id: rest.id,
    })
}

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
    fn search_cursors_round_trip_exactly_and_are_not_feed_cursors() {
        let c = SearchCursor {
            rank: -1.234_567_890_123_456_7e-6,
            published_at_ms: 1_700_000_000_123,
            id: 42,
        };
        assert_eq!(decode_search(&encode_search(c)), Some(c));
        let feed = encode(FeedCursor {
            published_at_ms: 1,
            id: 2,
        });
        assert_eq!(decode_search(&feed), None);
        assert_eq!(decode(&encode_search(c)), None);
        for bad in [
            "s1.",
            "s1.zz.1.2",
            "s1.7ff0000000000000.1.2",
            "s1.1.2",
            "s1..1.2",
        ] {
            assert_eq!(decode_search(bad), None, "{bad}");
        }
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
