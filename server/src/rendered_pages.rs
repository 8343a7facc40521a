//! Reader pages as rendered, kept a few seconds: rendering runs the app's components two or
//! three times (about 1.4 ms of CPU a page, `make bench`), and a front page asked for by many
//! readers at once is the same for all in one time zone. A page is kept under its path, query
//! and the reader's UTC offset with the storage's change count, so a new comment or an edit is
//! in the next page at once; `MAX_AGE` is short because the page shows the capitals' clocks at
//! the time it was drawn. A page drawn after a send without JavaScript (it holds what the reader
//! typed) is never kept.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::reader_page::Rendered;

/// The clocks on a kept page are at most this far behind (they show minutes).
pub const MAX_AGE: Duration = Duration::from_secs(5);
/// Pages kept at most; past it the memory starts over.
const MAX_PAGES: usize = 1_024;

/// Path, query and the reader's UTC offset in minutes.
type Key = (String, String, i32);
/// The change count and the time it was drawn at, and the page.
type Kept = (u64, Instant, Rendered);

#[derive(Clone, Default, Debug)]
pub struct RenderedPages {
    pages: Arc<Mutex<HashMap<Key, Kept>>>,
}

impl RenderedPages {
    pub fn get(&self, path: &str, query: &str, offset: i32, change: u64) -> Option<Rendered> {
        let pages = self.pages.lock().unwrap_or_else(|e| e.into_inner());
        let key = (path.to_string(), query.to_string(), offset);
        pages
            .get(&key)
            .filter(|(c, at, _)| *c == change && at.elapsed() < MAX_AGE)
            .map(|(_, _, page)| page.clone())
    }

    pub fn put(&self, path: &str, query: &str, offset: i32, change: u64, page: Rendered) {
        let mut pages = self.pages.lock().unwrap_or_else(|e| e.into_inner());
        if pages.len() >= MAX_PAGES {
            pages.clear();
        }
        let key = (path.to_string(), query.to_string(), offset);
        pages.insert(key, (change, Instant::now(), page));
    }
}
