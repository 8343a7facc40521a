//! Reads kept in memory until the next write: the one mechanism behind the states and the
//! latest rates (inside the storage), the public API's repeated answers (`answer_cache`) and
//! rendered reader pages (`reader_page`). A value is kept with the storage's change count at
//! the moment it was read; every committed write of what readers see moves the count on, so
//! the next read after a write goes to the database. `max_age` bounds how long a value is
//! trusted anyway, for writes by another process (a second replica, a `seed` run).

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A value with the change count it was read at and when.
type Entry<V> = (u64, Instant, V);

#[derive(Debug)]
pub struct Kept<K, V> {
    max_age: Duration,
    max_len: usize,
    values: Arc<Mutex<HashMap<K, Entry<V>>>>,
}

impl<K, V> Clone for Kept<K, V> {
    fn clone(&self) -> Self {
        Kept {
            max_age: self.max_age,
            max_len: self.max_len,
            values: self.values.clone(),
        }
    }
}

impl<K: Eq + Hash, V: Clone> Kept<K, V> {
    /// At most `max_len` values, each trusted for `max_age`; past `max_len` the memory starts
    /// over (search results are the only open-ended kind).
    pub fn new(max_age: Duration, max_len: usize) -> Self {
        Kept {
            max_age,
            max_len,
            values: Arc::default(),
        }
    }

    /// The value kept under `key`, if it was read at change count `change` and is young enough.
    /// The first caller to find it too old gets `None` and reads anew; until it puts the new
    /// value, everyone else still gets the old one (its age starts over), so one reader, not
    /// every reader at that moment, reads again: at 2 000 pages a second, each page's expiry
    /// had every request in flight draw it again (p99 45 ms, `make bench`).
    pub fn get(&self, key: &K, change: u64) -> Option<V> {
        let mut values = self.values.lock().unwrap_or_else(|e| e.into_inner());
        let (_, at, value) = values.get_mut(key).filter(|(c, _, _)| *c == change)?;
        if at.elapsed() < self.max_age {
            return Some(value.clone());
        }
        *at = Instant::now();
        None
    }

    /// Keeps `value`, read at change count `change` (taken before the read, so a write during
    /// it makes the value stale at once).
    pub fn put(&self, key: K, change: u64, value: V) {
        let mut values = self.values.lock().unwrap_or_else(|e| e.into_inner());
        if values.len() >= self.max_len {
            values.clear();
        }
        values.insert(key, (change, Instant::now(), value));
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
        kept.put("b", 1, 8);
        kept.put("c", 1, 9);
        assert_eq!(kept.get(&"a", 1), None, "full: the memory started over");
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
