//! A reader page as the server sends it: the reader app's own components rendered to HTML
//! (`infoshos::ssr`) inside the built page, with the API answers they showed carried along as
//! JSON, so the browser's app takes the page over without asking for them again or changing
//! anything on screen (see the reader's `carried` module and decision 0010).

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use infoshos::carried::{Answers, ELEMENT_ID};
use infoshos::components::comment_post::Sent;
use tower::ServiceExt;

use crate::app::AppState;
use crate::kept::Kept;
use crate::page_head::{replace_element, script_safe};
use crate::routes;
use std::time::Duration;

/// A page asks for the feed, the states and the rates in the first pass and an article's
/// comments in the second (they are inside the article's view): three passes suffice, and
/// the limit keeps a component that asks for ever new addresses from looping.
const MAX_PASSES: usize = 4;

/// The largest API answer a page carries (a feed page of 20 is about 12 KB).
const MAX_ANSWER: usize = 512 * 1024;

/// Reader pages as rendered, kept a few seconds: rendering runs the app's components two or
/// three times (about 1.4 ms of CPU a page, `make bench`), and a front page asked for by many
/// readers at once is the same for all in one time zone. Kept under path, query and the
/// reader's UTC offset, until the next write (`kept`); `PAGE_MAX_AGE` is short because the page
/// shows the capitals' clocks at the time it was drawn. A page drawn after a send without
/// JavaScript (it holds what the reader typed) is never kept.
pub type RenderedPages = Kept<(String, String, i32), Rendered>;

/// The clocks on a kept page are at most this far behind (they show minutes).
pub const PAGE_MAX_AGE: Duration = Duration::from_secs(5);

pub fn new_pages() -> RenderedPages {
    Kept::new(PAGE_MAX_AGE, 1_024)
}

/// What goes into the built page: the app's HTML and the answers it was rendered from.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub app: String,
    pub answers: Answers,
}

/// Renders the reader page at `path` and `query` (without its `?`) for a reader
/// `offset_east_min` minutes east of UTC, with what became of the comment they sent without
/// JavaScript (`comment_post`), if they just did. Each pass's new API addresses are answered by the
/// API itself (the same handlers the browser would reach), so the carried JSON is exactly what
/// `/api` sends. An address the API does not answer with 200 or 404 is left for the browser,
/// and the page shows that part loading, as the browser would.
pub async fn render(
    state: &AppState,
    path: &str,
    query: &str,
    offset_east_min: i32,
    sent: Option<&Sent>,
) -> Rendered {
    // Read before rendering: a write during it makes the kept page stale at once.
    let change = state.storage.change_count();
    if sent.is_none()
        && let Some(page) = state.pages.get(&key(path, query, offset_east_min), change)
    {
        return page;
    }
    let page = render_anew(state, path, query, offset_east_min, sent).await;
    if sent.is_none() {
        state
            .pages
            .put(key(path, query, offset_east_min), change, page.clone());
    }
    page
}

fn key(path: &str, query: &str, offset_east_min: i32) -> (String, String, i32) {
    (path.to_string(), query.to_string(), offset_east_min)
}

async fn render_anew(
    state: &AppState,
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
    let api = Router::new()
        .nest("/api", routes::api(state))
        .with_state(state.clone());
    let mut answers = Answers::new();
    let mut unanswered = Vec::new();
    for _ in 0..MAX_PASSES {
        let (app, asked) =
            infoshos::ssr::render_pass(path, &search, &answers, offset_east_min, sent);
        let new: Vec<String> = asked
            .into_iter()
            .filter(|url| !unanswered.contains(url))
            .collect();
        if new.is_empty() {
            return Rendered { app, answers };
        }
        for url in new {
            match api_answer(&api, &url).await {
                Some(answer) => {
                    answers.insert(url, answer);
                }
                None => unanswered.push(url),
            }
        }
    }
    let (app, _) = infoshos::ssr::render_pass(path, &search, &answers, offset_east_min, sent);
    tracing::warn!(
        path,
        "a reader page still asked for more after {MAX_PASSES} passes"
    );
    Rendered { app, answers }
}

/// The API's answer to a GET of `url`: its JSON, `None` inside for a 404, nothing for any
/// other status.
async fn api_answer(api: &Router, url: &str) -> Option<Option<String>> {
    let request = Request::get(url).body(Body::empty()).ok()?;
    let response = api.clone().oneshot(request).await.ok()?;
    match response.status() {
        StatusCode::OK => {
            let bytes = axum::body::to_bytes(response.into_body(), MAX_ANSWER)
                .await
                .ok()?;
            String::from_utf8(bytes.to_vec()).ok().map(Some)
        }
        StatusCode::NOT_FOUND => Some(None),
        status => {
            tracing::warn!(url, %status, "an API answer a reader page needs failed");
            None
        }
    }
}

/// The built page with the rendered app in place of its static shell, without the shell's
/// preloads (the page carries those answers), and with the answers before `</body>`.
pub fn fill(page: &str, rendered: &Rendered) -> String {
    let page = replace_element(page, "<!--shell-->", "<!--/shell-->", &rendered.app);
    let page = replace_element(&page, "<!--preload-->", "<!--/preload-->", "");
    let page = without_wasm_preload(&page);
    let script = format!(
        "<script type=\"application/json\" id=\"{ELEMENT_ID}\">{}</script>\n</body>",
        script_safe(&carried_json(&rendered.answers))
    );
    page.replacen("</body>", &script, 1)
}

/// The cookie `public/pwa.js` keeps the reader's UTC offset in (minutes east), so the dates a
/// page shows are in the reader's time from their second page on; UTC before that, and for
/// anything out of the range real zones use.
pub const OFFSET_COOKIE: &str = "tz";

pub fn reader_offset(headers: &axum::http::HeaderMap) -> i32 {
    reader_cookie(headers, OFFSET_COOKIE)
        .and_then(|value| value.parse::<i32>().ok())
        .filter(|minutes| (-12 * 60..=14 * 60).contains(minutes))
        .unwrap_or(0)
}

/// The cookie `public/pwa.js` keeps the reader's choice of theme in: `dark` or `light`.
pub const THEME_COOKIE: &str = "theme";

/// The page with the reader's chosen theme on `<html>` (`data-theme`), so it is painted in
/// that theme at once; without a choice (or with an unknown one) it follows their system.
pub fn with_theme(page: &str, headers: &axum::http::HeaderMap) -> String {
    let chosen = reader_cookie(headers, THEME_COOKIE).filter(|v| v == "dark" || v == "light");
    match chosen {
        Some(theme) => page.replacen("<html ", &format!("<html data-theme=\"{theme}\" "), 1),
        None => page.to_string(),
    }
}

/// A cookie `public/pwa.js` keeps for the server (what it holds is checked by the caller).
pub(crate) fn reader_cookie(headers: &axum::http::HeaderMap, name: &str) -> Option<String> {
    axum_extra::extract::CookieJar::from_headers(headers)
        .get(name)
        .map(|c| c.value().to_string())
}

/// The page without trunk's preload of the wasm: a rendered page shows its content without
/// it, and a wasm download started before the first paint competes with the page for the
/// line (Lighthouse's simulated LCP counted it: 1.8 s with the preload, 1.0 s without). The
/// app's own start still fetches it, right after the page is parsed.
fn without_wasm_preload(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(at) = rest.find("<link rel=\"preload\"") {
        let end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        out.push_str(&rest[..at]);
        if !rest[at..end].contains("_bg.wasm\"") {
            out.push_str(&rest[at..end]);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// `{"/api/…": answer, …}`: each answer as the API wrote it, `null` for a 404.
fn carried_json(answers: &Answers) -> String {
    let entries: Vec<String> = answers
        .iter()
        .map(|(url, answer)| {
            let key = serde_json::Value::from(url.as_str());
            format!("{key}:{}", answer.as_deref().unwrap_or("null"))
        })
        .collect();
    format!("{{{}}}", entries.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_pages_have_the_markers_the_server_fills() {
        let page = include_str!("../../index.html");
        let occasional = include_str!("../../occasional.html");
        for marker in [
            "<!--shell-->",
            "<!--/shell-->",
            "<!--preload-->",
            "<!--/preload-->",
        ] {
            assert_eq!(page.matches(marker).count(), 1, "{marker}");
            assert_eq!(
                occasional.matches(marker).count(),
                1,
                "occasional.html {marker}"
            );
        }
        assert!(occasional.contains("<div id=\"app\"><!--shell-->"));
        let shell = &page[page.find("<!--shell-->").unwrap()..page.find("<!--/shell-->").unwrap()];
        assert!(
            shell.contains("feed-row placeholder"),
            "the shell is what gives way"
        );
        assert!(page.contains("<div id=\"app\"><!--shell-->"));
    }

    #[test]
    fn the_shell_and_its_preloads_give_way_to_the_rendered_app_and_its_answers() {
        let page = "<head><!--preload--><link rel=preload href=/api/states><!--/preload-->\
                    <link rel=\"preload\" href=\"/app-0123_bg.wasm\" as=\"fetch\">\
                    <link rel=\"preload\" href=\"/icon.svg\" as=\"image\"></head>\
                    <body><div id=\"app\"><!--shell--><p>placeholder</p><!--/shell--></div></body>";
        let mut answers = Answers::new();
        answers.insert(
            "/api/states".into(),
            Some(r#"[{"name":"</script>"}]"#.into()),
        );
        answers.insert("/api/articles/gone".into(), None);
        let out = fill(
            page,
            &Rendered {
                app: "<h1>News</h1>".into(),
                answers,
            },
        );
        assert!(out.contains("<div id=\"app\"><h1>News</h1></div>"), "{out}");
        assert!(
            !out.contains("placeholder") && !out.contains("href=/api/states"),
            "{out}"
        );
        assert!(
            !out.contains("_bg.wasm") && out.contains("icon.svg"),
            "{out}"
        );
        let json = out
            .split("id=\"carried\">")
            .nth(1)
            .and_then(|rest| rest.split("</script>").next())
            .expect("the answers are in the page");
        let back: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(back["/api/states"][0]["name"], "</script>");
        assert!(back["/api/articles/gone"].is_null());
    }

    #[test]
    fn a_reader_who_chose_a_theme_gets_the_page_in_it_and_a_strange_cookie_changes_nothing() {
        let page = "<!doctype html>\n<html lang=\"en\">\n<head></head></html>";
        let with = |cookie: &str| {
            let mut headers = axum::http::HeaderMap::new();
            headers.insert(axum::http::header::COOKIE, cookie.parse().unwrap());
            with_theme(page, &headers)
        };
        assert!(with("tz=300; theme=dark").contains("<html data-theme=\"dark\" lang=\"en\">"));
        assert!(with("theme=light").contains("<html data-theme=\"light\" lang=\"en\">"));
        for strange in ["theme=\"><script>", "theme=blue", "tz=0"] {
            assert_eq!(with(strange), page, "{strange}");
        }
    }
}
