//! `GET /api/live?lang=&section=&country=` as Server-Sent Events: while a page of a feed is
//! open, how many stories joined that feed. Each event's `id` is where the feed then stood
//! (a feed cursor), its data how many stories it adds; the first says how many joined since
//! `after` (or since the `Last-Event-ID` a reconnecting browser sends), none when there is
//! neither. Never kept or tagged by any cache: the answer is `no-store`, and its type is one
//! compression and ETags pass by.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::{Stream, StreamExt};
use infoshos_model::{ArticleSummary, Lang, Section};
use serde::Deserialize;
use tokio::sync::broadcast::error::RecvError;
use tokio::sync::{broadcast, watch};

use crate::api::public::articles::{parse_country, parse_lang, parse_section};
use crate::cursor;
use crate::error::{AppError, QueryParams};
use crate::live::desk::{Landed, OpenStream, newest};
use crate::state::AppState;
use crate::storage::{FeedCursor, Storage};

/// A comment this often keeps proxies (nginx waits 60 s) from closing a quiet stream.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// How long a browser waits before it reconnects a dropped stream.
const RETRY: Duration = Duration::from_secs(5);

#[derive(Deserialize)]
pub struct LiveParams {
    lang: Option<String>,
    section: Option<String>,
    country: Option<String>,
    after: Option<String>,
}

/// Which stories a stream tells of.
#[derive(Clone)]
struct Feed {
    lang: Lang,
    section: Option<Section>,
    country: Option<String>,
}

impl Feed {
    /// Whether `story` is in this feed: the rule of `Storage::feed`'s query (edition, then
    /// section and state when named), here in memory, since the desk tells every stream of
    /// every story once rather than querying once per stream. `live_api.rs` holds both to it.
    fn holds(&self, story: &ArticleSummary) -> bool {
        story.lang == self.lang
            && self.section.is_none_or(|s| story.section == Some(s))
            && self
                .country
                .as_ref()
                .is_none_or(|c| story.countries.contains(c))
    }
}

pub async fn live(
    State(state): State<AppState>,
    QueryParams(p): QueryParams<LiveParams>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let feed = Feed {
        lang: parse_lang(p.lang.as_deref())?,
        section: p.section.as_deref().map(parse_section).transpose()?,
        country: p.country.as_deref().map(parse_country).transpose()?,
    };
    let resumed = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .or(p.after.as_deref());
    let after = match resumed {
        None => None,
        Some(s) => Some(cursor::decode(s).ok_or_else(|| {
            AppError::BadRequest("after is not a place this server gave; leave it out.".into())
        })?),
    };
    // Listening before looking back, so no story falls between the two.
    let heard = state.live.listen();
    let since = match after {
        Some(at) => at,
        None => newest(&state.storage, feed.lang).await?,
    };
    let (count, at) = look_back(&state.storage, &feed, since).await?;
    let first = Event::default()
        .retry(RETRY)
        .id(cursor::encode(at))
        .data(count.to_string());
    let told = Told {
        storage: state.storage.clone(),
        feed,
        at,
        heard,
        stopping: state.live.stopping(),
        _open: state.live.opened(),
    };
    let events = futures_util::stream::once(async move { Ok::<_, Infallible>(first) })
        .chain(as_they_land(told));
    let mut response = Sse::new(events)
        .keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
        .into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // nginx would otherwise hold the events back to fill its buffer.
    headers.insert("x-accel-buffering", HeaderValue::from_static("no"));
    Ok(response)
}

/// How many of `feed`'s stories came after `since`, and where the feed stands now.
async fn look_back(
    storage: &Storage,
    feed: &Feed,
    since: FeedCursor,
) -> Result<(usize, FeedCursor), sqlx::Error> {
    let mut at = since;
    let mut count = 0;
    for story in storage.stories_after(feed.lang, since).await? {
        let landed = Landed::from(story);
        at = landed.at;
        count += usize::from(feed.holds(&landed.story));
    }
    Ok((count, at))
}

/// What a stream has told, and where it listens.
struct Told {
    storage: Storage,
    feed: Feed,
    at: FeedCursor,
    heard: broadcast::Receiver<Arc<Landed>>,
    stopping: watch::Receiver<bool>,
    _open: OpenStream,
}

fn event(at: FeedCursor, count: usize) -> Event {
    Event::default()
        .id(cursor::encode(at))
        .data(count.to_string())
}

/// The stories of the stream's feed as they land, until the server stops. A stream that fell
/// behind the desk looks them up itself; one whose lookup fails ends, and the browser
/// reconnects after the last it heard.
fn as_they_land(told: Told) -> impl Stream<Item = Result<Event, Infallible>> {
    futures_util::stream::unfold(told, |mut told| async move {
        loop {
            if *told.stopping.borrow() {
                return None;
            }
            let heard = tokio::select! {
                heard = told.heard.recv() => heard,
                _ = told.stopping.changed() => return None,
            };
            match heard {
                Ok(landed) => {
                    if landed.story.lang != told.feed.lang || !landed.at.is_after(told.at) {
                        continue;
                    }
                    told.at = landed.at;
                    if told.feed.holds(&landed.story) {
                        return Some((Ok(event(told.at, 1)), told));
                    }
                }
                Err(RecvError::Lagged(_)) => {
                    match look_back(&told.storage, &told.feed, told.at).await {
                        Ok((0, at)) => told.at = at,
                        Ok((count, at)) => {
                            told.at = at;
                            return Some((Ok(event(at, count)), told));
                        }
                        Err(err) => {
                            tracing::warn!(error = %err, "a live stream could not catch up");
                            return None;
                        }
                    }
                }
                Err(RecvError::Closed) => return None,
            }
        }
    })
}
