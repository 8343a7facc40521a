//! A reader page as the server sends it: the reader app's own components rendered to HTML
//! (`infoshos::ssr`) inside the built page, with the API answers they showed carried along as
//! JSON, so the browser's app takes the page over without asking for them again or changing
//! anything on screen (see the reader's `carried` module and decision 0010).

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use infoshos::carried::Answers;
use infoshos::components::comment_post::Sent;
use infoshos_model::Article;
use tower::ServiceExt;

use std::time::Duration;

/// A page asks for the feed, the states and the rates in the first pass and an article's
/// comments in the second (they are inside the article's view): three passes suffice, and
/// the limit keeps a component that asks for ever new addresses from looping.
const MAX_PASSES: usize = 4;

/// The largest API answer a page carries (a feed page of 20 is about 12 KB).
const MAX_ANSWER: usize = 512 * 1024;

/// The clocks on a kept page are at most this far behind (they show minutes).
pub const PAGE_MAX_AGE: Duration = Duration::from_secs(5);

/// What goes into the built page: the app's HTML and the answers it was rendered from.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub app: String,
    pub answers: Answers,
    /// The API refused something the page's address asked for (a cursor or a filter that is
    /// not one): the page is sent as a 400, and the app shows the API's words.
    pub refused: bool,
}

impl Rendered {
    /// The comment form's token an article page carries (signed with its time of issue, so
    /// new at every drawing), if the page has one.
    pub fn form_token(&self) -> Option<String> {
        self.answers
            .values()
            .flatten()
            .find_map(|answer| serde_json::from_str::<Article>(answer).ok()?.form_token)
    }
}

/// Renders the reader page at `path` and `query` (without its `?`) for a reader
/// `offset_east_min` minutes east of UTC, with what became of the comment they sent without
/// JavaScript (`comment_post`), if they just did. Each pass's new API addresses are answered by the
/// API itself, `api` (the router `/api` serves, built once: the same handlers the browser would reach), so the carried JSON is exactly what
/// `/api` sends. An address the API does not answer with 200 or 404 is left for the browser,
/// and the page shows that part loading, as the browser would.
pub async fn render(
    api: &Router,
    path: &str,
    query: &str,
    offset_east_min: i32,
    sent: Option<&Sent>,
) -> Rendered {
    let search = if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    };
    let mut answers = Answers::new();
    let mut unanswered = Vec::new();
    let mut refused = false;
    for _ in 0..MAX_PASSES {
        let (app, asked) =
            infoshos::ssr::render_pass(path, &search, &answers, offset_east_min, sent);
        let new: Vec<String> = asked
            .into_iter()
            .filter(|url| !unanswered.contains(url))
            .collect();
        if new.is_empty() {
            return Rendered {
                app,
                answers,
                refused,
            };
        }
        for url in new {
            match api_answer(api, &url).await {
                Ok(answer) => {
                    answers.insert(url, answer);
                }
                Err(status) => {
                    refused |= status.is_client_error();
                    unanswered.push(url);
                }
            }
        }
    }
    let (app, _) = infoshos::ssr::render_pass(path, &search, &answers, offset_east_min, sent);
    tracing::warn!(
        path,
        "a reader page still asked for more after {MAX_PASSES} passes"
    );
    Rendered {
        app,
        answers,
        refused,
    }
}

/// The API's answer to a GET of `url`: its JSON, `None` for a 404, or the status it answered
/// instead. A client's bad input (`/en/?cursor=junk`) is the client's, so it is a debug line
/// at most: a warning each would let anyone fill the log (100 lines in 0.28 s).
async fn api_answer(api: &Router, url: &str) -> Result<Option<String>, StatusCode> {
    let failed = StatusCode::INTERNAL_SERVER_ERROR;
    let request = Request::get(url).body(Body::empty()).map_err(|_| failed)?;
    let response = api.clone().oneshot(request).await.map_err(|_| failed)?;
    match response.status() {
        StatusCode::OK => {
            let bytes = axum::body::to_bytes(response.into_body(), MAX_ANSWER)
                .await
                .map_err(|_| failed)?;
            String::from_utf8(bytes.to_vec())
                .map(Some)
                .map_err(|_| failed)
        }
        StatusCode::NOT_FOUND => Ok(None),
        status if status.is_client_error() => {
            tracing::debug!(url, %status, "a reader page's address asked for what the API refuses");
            Err(status)
        }
        status => {
            tracing::warn!(url, %status, "an API answer a reader page needs failed");
            Err(status)
        }
    }
}
