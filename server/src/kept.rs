//! Reads kept in memory until the next write: the one mechanism behind the states and the
//! latest rates (inside the storage), the public API's repeated answers (`answer_cache`) and
//! rendered reader pages (`reader_page`). A value is kept with the storage's change count at
//! the moment it was read; every committed write of what readers see moves the count on, so
//! the next read after a write goes to the database. `max_age` bounds how long a value is
//! trusted anyway, for writes by another process (a second replica, a `seed` run).

use std::hash::Hash;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// A value with the change count it was read at and when (milliseconds since the `Kept` was
/// made: an atomic, so the one reader who finds it too old can claim the refresh).
#[derive(Debug)]
struct Entry<V> {
    change: u64,
    at_ms: AtomicU64,
    value: V,
}

/// At most `max_len` values (`quick_cache`: when full, the value least likely to be asked for
/// again goes; a burst of one-off search results no longer empties the memory of the feed).
#[derive(Debug)]
pub struct Kept<K, V> {
    max_age: Duration,
    born: Instant,
    values: Arc<quick_cache::sync::Cache<K, Arc<Entry<V>>>>,
}

impl<K, V> Clone for Kept<K, V> {
    fn clone(&self) -> Self {
        Kept {
            max_age: self.max_age,
            born: self.born,
            values: self.values.clone(),
        }
    }
}

impl<K: Eq + Hash + Clone, V: Clone> Kept<K, V> {
    /// At most `max_len` values, each trusted for `max_age`.
    pub fn new(max_age: Duration, max_len: usize) -> Self {
        Kept {
            max_age,
            born: Instant::now(),
            values: Arc::new(quick_cache::sync::Cache::new(max_len.max(1))),
        }
    }

    fn now_ms(&self) -> u64 {
        u64::try_from(self.born.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    /// The value kept under `key`, if it was read at change count `change` and is young enough.
    /// The first caller to find it too old gets `None` and reads anew; until it puts the new
    /// value, everyone else still gets the old one (its age starts over), so one reader, not
    /// every reader at that moment, reads again: at 2 000 pages a second, each page's expiry
    /// had every request in flight draw it again (p99 45 ms, `make bench`).
    pub fn get(&self, key: &K, change: u64) -> Option<V> {
        let entry = self.values.get(key).filter(|e| e.change == change)?;
        let at = entry.at_ms.load(Ordering::Acquire);
        let now = self.now_ms();
        if Duration::from_millis(now.saturating_sub(at)) < self.max_age {
            return Some(entry.value.clone());
        }
        match entry
            .at_ms
            .compare_exchange(at, now, Ordering::AcqRel, Ordering::Acquire)
        {
            Ok(_) => None,
            Err(_) => Some(entry.value.clone()),
        }
    }

    /// Keeps `value`, read at change count `change` (taken before the read, so a write during
    /// it makes the value stale at once).
    pub fn put(&self, key: K, change: u64, value: V) {
        let at_ms = AtomicU64::new(self.now_ms());
        self.values.insert(
            key,
            Arc::new(Entry {
                change,
                at_ms,
                value,
            }),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_kept_for_its_change_count_and_age_only() {
        let kept = Kept::<&str, u32>::new(Duration::from_secs(60), 2);
        kept.put("a", 1, 7);
        let other = kept.clone();
        assert_eq!(other.get(&"a", 1), Some(7));
        assert_eq!(other.get(&"a", 2), None, "a write moved the count on");
        for (key, value) in [("b", 8), ("c", 9), ("d", 10)] {
            kept.put(key, 1, value);
        }
        let held = ["a", "b", "c", "d"]
            .iter()
            .filter(|key| kept.get(key, 1).is_some())
            .count();
        assert!((1..=2).contains(&held), "full: at most two kept, {held}");
        let brief = Kept::<&str, u32>::new(Duration::ZERO, 2);
        brief.put("a", 1, 7);
        assert_eq!(brief.get(&"a", 1), None, "too old");
    }

    #[test]
    fn one_reader_reads_an_old_value_again_while_the_others_still_get_it() {
        let kept = Kept::<&str, u32>::new(Duration::from_millis(50), 4);
        kept.put("a", 1, 7);
        std::thread::sleep(Duration::from_millis(60));
        assert_eq!(
            kept.get(&"a", 1),
            None,
            "the first to find it old reads again"
        );
        assert_eq!(
            kept.get(&"a", 1),
            Some(7),
            "meanwhile the others get the old one"
        );
        kept.put("a", 1, 8);
        assert_eq!(kept.get(&"a", 1), Some(8));
        assert_eq!(kept.get(&"a", 2), None, "a write is never waited out");
        assert_eq!(kept.get(&"a", 2), None, "by anyone");
    }
}
