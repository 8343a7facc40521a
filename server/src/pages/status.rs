//! What a reader page is besides its body: the status and head it is sent with (404 for what
//! the portal does not have), and the links that let feed readers and partner sites find it.

use axum::http::{StatusCode, Uri};
use infoshos_model::links::Page;

use crate::error::AppError;
use crate::feeds::{discovery, embedding};
use crate::pages::head::Head;
use crate::pages::send::built_shell;
use crate::state::AppState;
use crate::storage::millis_to_utc;

/// The status a reader page is sent with, and its head: 404 for a path that names no page (an
/// unknown edition too), an article that is not on the portal, a state that is not in the SCO,
/// a currency no SCO state uses (or the rouble, which has no rate against itself).
/// The app's own page is sent either way, and shows the same "not found".
pub(super) async fn reader_status(
    state: &AppState,
    path: &str,
) -> Result<(StatusCode, Option<Head>), AppError> {
    let origin = &state.public_url;
    let head = match Page::parse(path) {
        None if path == "/" || built_shell(path).is_some() => return Ok((StatusCode::OK, None)),
        None => None,
        Some(Page::Article(_, slug)) => match state.storage.article_head(&slug).await? {
            Some((a, modified_ms)) => {
                let mut head = Head::article(origin, &a, millis_to_utc(modified_ms));
                // The story in each edition that tells it, as `hreflang` alternates.
                let told = state.storage.story_editions(&slug).await?;
                if told.len() > 1 {
                    head.editions = told
                        .into_iter()
                        .map(|(lang, slug)| (lang, Page::Article(lang, slug).url(origin)))
                        .collect();
                }
                Some(head)
            }
            None => None,
        },
        Some(Page::Country(lang, code)) => {
            let known = state.storage.states().await?.iter().any(|s| s.code == code);
            known.then(|| Head::portal(origin, &Page::Country(lang, code)))
        }
        Some(Page::Rates(lang, code)) => {
            let states = state.storage.states().await?;
            let known = code != infoshos_model::convert::ROUBLE
                && states.iter().any(|s| s.currency == code);
            known.then(|| Head::portal(origin, &Page::Rates(lang, code)))
        }
        Some(page) => Some(Head::portal(origin, &page)),
    };
    Ok(match head {
        Some(head) => (StatusCode::OK, Some(head)),
        None => (StatusCode::NOT_FOUND, None),
    })
}

/// Reader pages name their RSS feed; articles and widgets carry the oEmbed discovery link, so
/// a partner's CMS that is given their address finds the embed code on its own. Each link is
/// followed by a line break, for the head's end.
pub(super) fn discovery_links(state: &AppState, uri: &Uri) -> String {
    let mut links = String::new();
    if let Some(rss) = Page::parse(uri.path()).and_then(|p| discovery::rss_link(&p)) {
        links.push_str(&rss);
        links.push('\n');
    }
    let pairs = url::form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes());
    if embedding::target_of_path(uri.path(), pairs).is_some() {
        let address = format!(
            "{}{}",
            state.public_url,
            uri.path_and_query().map_or("/", |p| p.as_str())
        );
        links.push_str(&embedding::discovery_link(
            &state.public_url,
            &address,
            "Infoshos",
        ));
        links.push('\n');
    }
    links
}
