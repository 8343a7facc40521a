//! A fetch whose result the page reads reactively: `None` while it runs, then `Ok` or `Err`.
//! LocalResource does this too, but each of its instantiations cost several KB of wasm; a
//! signal and a spawned future do the same job here.
//!
//! The one way the bundles read (the reader, the widgets, `/admin`): what a page shows from the
//! API is a `Load`; what it reads from the browser's own storage (the Saved page) runs through
//! `in_browser`. Writes (a comment, an editor's action, saving for offline) are the reader's
//! acts, not reads: their handler spawns the request and puts its answer in the form's own
//! signals, and a list they change is `refetch`ed or `refresh`ed.

use std::future::Future;
use std::rc::Rc;

use leptos::prelude::*;

use crate::fetch_error::FetchError;

type Outcome<T> = Option<Result<T, FetchError>>;

pub struct Load<T: Send + Sync + 'static> {
    state: RwSignal<Outcome<T>>,
    run: StoredValue<Rc<dyn Fn()>, LocalStorage>,
}

impl<T: Send + Sync + 'static> Clone for Load<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Load<T> {}

impl<T: Clone + Send + Sync + 'static> Load<T> {
    /// Starts `fetch` now. The fetch is created under the caller's owner, so a request still
    /// on its way is aborted when the page that asked for it goes away.
    pub fn new<Fut>(fetch: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = Result<T, FetchError>> + 'static,
    {
        Self::make(fetch, true)
    }

    /// Like `new`, but nothing is fetched until `refetch`: for data a view may never show.
    pub fn waiting<Fut>(fetch: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = Result<T, FetchError>> + 'static,
    {
        Self::make(fetch, false)
    }

    fn make<Fut>(fetch: impl Fn() -> Fut + 'static, start: bool) -> Self
    where
        Fut: Future<Output = Result<T, FetchError>> + 'static,
    {
        let state = RwSignal::new(None);
        // Only the newest run may write: a slow answer to an old request must not win.
        let latest = StoredValue::new(0u64);
        // A Retry is clicked inside a view that the retry itself replaces; its request must
        // belong to the page that made this Load, not to that passing view.
        let owner = Owner::current();
        let run = move || {
            let run_id = latest.get_value() + 1;
            latest.set_value(run_id);
            let pending = match &owner {
                Some(owner) => owner.with(&fetch),
                None => fetch(),
            };
            #[cfg(target_arch = "wasm32")]
            in_a_task_of_its_own(Box::pin(async move {
                let outcome = pending.await;
                if latest.try_get_value() == Some(run_id) {
                    state.try_set(Some(outcome));
                }
            }));
            // The server renders at once, from what this pass carries; anything else shows
            // as loading (see `carried`).
            #[cfg(not(target_arch = "wasm32"))]
            {
                let _ = run_id;
                let mut pending = Box::pin(pending);
                let mut now = std::task::Context::from_waker(std::task::Waker::noop());
                if let std::task::Poll::Ready(outcome) = pending.as_mut().poll(&mut now) {
                    state.set(Some(outcome));
                }
            }
        };
        if start {
            run();
        }
        Load {
            state,
            run: StoredValue::new_local(Rc::new(run)),
        }
    }

    pub fn get(&self) -> Outcome<T> {
        self.state.get()
    }

    /// Reads the outcome in place, without cloning it.
    pub fn with<R>(&self, f: impl FnOnce(&Outcome<T>) -> R) -> R {
        self.state.with(f)
    }

    /// Reads the outcome in place, without subscribing to it (in an event handler).
    pub fn with_untracked<R>(&self, f: impl FnOnce(&Outcome<T>) -> R) -> R {
        self.state.with_untracked(f)
    }

    /// Fetches again (Retry), showing the loading state meanwhile.
    pub fn refetch(&self) {
        self.state.set(None);
        self.refresh();
    }

    /// Fetches again, showing what it has until the new answer arrives (a list refreshed
    /// after an action on it).
    pub fn refresh(&self) {
        if let Some(run) = self.run.try_get_value() {
            run();
        }
    }
}

/// Runs a load in a task of its own (a zero timeout), not in the one that asked for it. When
/// the app takes over a page the server rendered, every answer the page carries is read and
/// drawn in its own task, while the app is drawn out of sight (trunk's loader shows it once
/// nothing is loading): the start is several short tasks, not one long one (Lighthouse's Total
/// Blocking Time on `/en/`: 453 ms as one task). Not generic: one copy in the wasm.
#[cfg(target_arch = "wasm32")]
fn in_a_task_of_its_own(load: std::pin::Pin<Box<dyn Future<Output = ()>>>) {
    set_timeout(
        move || leptos::task::spawn_local(load),
        std::time::Duration::ZERO,
    );
}

/// Runs a future in the browser. When the server renders a page nothing runs on: it shows
/// what the page carries, and anything still to come is the browser's to fetch.
pub fn in_browser(work: impl Future<Output = ()> + 'static) {
    #[cfg(target_arch = "wasm32")]
    leptos::task::spawn_local(work);
    #[cfg(not(target_arch = "wasm32"))]
    drop(work);
}
