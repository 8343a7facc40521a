//! The desk: the newest story of each edition, looked up again whenever the storage says
//! something changed, and every story newer than the last one told to the open streams.

use std::sync::Arc;
use std::time::Duration;

use infoshos_model::{ArticleSummary, Lang};
use tokio::sync::{broadcast, watch};

use crate::storage::{FeedCursor, Storage};

/// How often the desk looks at the storage's change count (an atomic read; the database is
/// asked only after a change).
pub const EVERY: Duration = Duration::from_secs(1);

/// Stories a slow stream may fall behind by before it looks them up itself.
const BACKLOG: usize = 64;

/// A story that joined its edition, and where it stands in the feed's order.
#[derive(Debug, Clone)]
pub struct Landed {
    pub story: ArticleSummary,
    pub at: FeedCursor,
}

impl From<ArticleSummary> for Landed {
    fn from(story: ArticleSummary) -> Landed {
        let at = FeedCursor {
            published_at_ms: story.published_at.timestamp_millis(),
            id: story.id,
        };
        Landed { story, at }
    }
}

/// Shared by the server's state and the task that feeds it.
#[derive(Clone, Debug)]
pub struct Desk {
    landed: broadcast::Sender<Arc<Landed>>,
    /// Flips once, when the server stops: every stream ends, so shutdown waits for none.
    stop: watch::Sender<bool>,
}

impl Default for Desk {
    fn default() -> Self {
        Desk {
            landed: broadcast::channel(BACKLOG).0,
            stop: watch::channel(false).0,
        }
    }
}

impl Desk {
    /// Hears every story that lands from now on.
    pub fn listen(&self) -> broadcast::Receiver<Arc<Landed>> {
        self.landed.subscribe()
    }

    /// Resolves when the server stops.
    pub fn stopping(&self) -> watch::Receiver<bool> {
        self.stop.subscribe()
    }

    /// Ends every stream (the server is stopping).
    pub fn stop(&self) {
        self.stop.send_replace(true);
    }

    /// Counts a stream as open (the metrics' `infoshos_live_streams`) until the guard goes.
    pub fn opened(&self) -> OpenStream {
        metrics::gauge!(OPEN_STREAMS).increment(1.0);
        OpenStream
    }
}

const OPEN_STREAMS: &str = "infoshos_live_streams";

pub struct OpenStream;

impl Drop for OpenStream {
    fn drop(&mut self) {
        metrics::gauge!(OPEN_STREAMS).decrement(1.0);
    }
}

/// The newest story of `lang` now: where its stories from here on begin.
pub async fn newest(storage: &Storage, lang: Lang) -> Result<FeedCursor, sqlx::Error> {
    let (items, _) = storage.feed(lang, Default::default(), 1, None).await?;
    Ok(items.first().map_or(
        FeedCursor {
            published_at_ms: i64::MIN,
            id: i64::MIN,
        },
        |a| FeedCursor {
            published_at_ms: a.published_at.timestamp_millis(),
            id: a.id,
        },
    ))
}

/// Watches `storage` every `every` and tells `desk`'s streams of each story that lands. A
/// failed lookup is tried again at the next change; nothing is skipped.
pub fn spawn_desk(storage: Storage, desk: Desk, every: Duration) {
    tokio::spawn(async move {
        let mut told: Vec<(Lang, Option<FeedCursor>)> =
            Lang::ALL.iter().map(|&lang| (lang, None)).collect();
        let mut seen = None;
        let mut stopping = desk.stopping();
        loop {
            let change = storage.change_count();
            if seen != Some(change) {
                let mut all_looked_up = true;
                for (lang, after) in &mut told {
                    if let Err(err) = tell(&storage, &desk, *lang, after).await {
                        tracing::warn!(error = %err, "new stories could not be looked up");
                        all_looked_up = false;
                    }
                }
                if all_looked_up {
                    seen = Some(change);
                }
            }
            tokio::select! {
                () = tokio::time::sleep(every) => {}
                _ = stopping.changed() => return,
            }
        }
    });
}

/// Tells the streams of `lang`'s stories after `after` (the first time, only finds where the
/// edition stands).
async fn tell(
    storage: &Storage,
    desk: &Desk,
    lang: Lang,
    after: &mut Option<FeedCursor>,
) -> Result<(), sqlx::Error> {
    let Some(from) = *after else {
        *after = Some(newest(storage, lang).await?);
        return Ok(());
    };
    for story in storage.stories_after(lang, from).await? {
        let landed = Landed::from(story);
        *after = Some(landed.at);
        // Nobody listening is no error: the next stream looks them up itself.
        let _ = desk.landed.send(Arc::new(landed));
    }
    Ok(())
}
