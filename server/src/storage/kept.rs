//! Reads kept in memory: the states and the latest rates, which every page and API answer
//! needs and which change once a day at most. A kept value is filled by the first read,
//! dropped by this process's own write to the same rows (so an edit is seen at once), and
//! read again after `MAX_AGE` anyway, for writes by another process (a second replica, a
//! `seed` run). Measured on loopback (make bench): `/api/rates` from ~2 000 req/s with three
//! queries per answer to the figures in the README.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a kept read is trusted without a write of our own.
pub const MAX_AGE: Duration = Duration::from_secs(60);

#[derive(Debug)]
pub(crate) struct Kept<T> {
    slot: Arc<Mutex<Option<(Instant, T)>>>,
}

impl<T> Clone for Kept<T> {
    fn clone(&self) -> Self {
        Kept {
            slot: self.slot.clone(),
        }
    }
}

impl<T> Default for Kept<T> {
    fn default() -> Self {
        Kept {
            slot: Arc::default(),
        }
    }
}

impl<T: Clone> Kept<T> {
    /// The kept value while it is younger than `MAX_AGE`.
    pub fn get(&self) -> Option<T> {
        let slot = self.slot.lock().unwrap_or_else(|e| e.into_inner());
        slot.as_ref()
            .filter(|(at, _)| at.elapsed() < MAX_AGE)
            .map(|(_, v)| v.clone())
    }

    pub fn put(&self, value: T) {
        *self.slot.lock().unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), value));
    }

    /// After a write: the next read goes to the database.
    pub fn forget(&self) {
        *self.slot.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_value_is_shared_by_clones_until_forgotten() {
        let kept = Kept::<u32>::default();
        assert_eq!(kept.get(), None);
        let other = kept.clone();
        kept.put(7);
        assert_eq!(other.get(), Some(7));
        other.forget();
        assert_eq!(kept.get(), None);
    }
}
