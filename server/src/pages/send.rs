//! Serving the built reader app: long caching for hashed assets, none for the page itself,
//! and index.html for every client route.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Extension, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

use infoshos::components::comment_post::Sent;
use infoshos_model::Lang;
use infoshos_model::links::Page;

use crate::error::AppError;
use crate::pages::comment_post;
use crate::pages::comment_post::Api;
use crate::pages::finished::{self, Finished};
use crate::pages::slots::Fill;
use crate::pages::status::{discovery_links, reader_status};
use crate::pages::{render, status_bar, text};
use crate::state::AppState;

const PAGE: &str = "public, max-age=60, stale-while-revalidate=600";

/// The app's page for any path that is not a file: the router in the browser takes it
/// from there. Widgets (`/embed/…`) get the widget app's page. A path that looks like a file
/// (has an extension) and is missing is a 404.
pub async fn spa_index(
    State(state): State<AppState>,
    Extension(Api(api)): Extension<Api>,
    request: Request,
) -> Response {
    let uri = request.uri();
    let sent = comment_post::accepted(uri.query().unwrap_or_default());
    let answer = page(&state, &api, uri, request.headers(), sent.as_ref()).await;
    // An article's page sent to a reader (not a redirect, not a crawler's or a prefetch's) is
    // one reading for "Most read".
    if let Some(Page::Article(_, slug)) = Page::parse(uri.path())
        && request.method() == axum::http::Method::GET
        && answer.status() == StatusCode::OK
    {
        state.reads.count_reading(&slug, request.headers());
    }
    answer
}

/// The page at `uri`, for a reader whose request had `headers`, and who just sent a comment
/// without JavaScript when `sent` says what became of it. A reader page is finished once
/// (`finished`) and sent as kept until the next write, unless it holds what a reader sent.
pub async fn page(
    state: &AppState,
    api: &Router,
    uri: &Uri,
    headers: &HeaderMap,
    sent: Option<&Sent>,
) -> Response {
    let last = uri.path().rsplit('/').next().unwrap_or_default();
    if last.contains('.') && !last.ends_with(".html") {
        return (StatusCode::NOT_FOUND, "Not found").into_response();
    }
    let path = uri.path();
    let (file, ancestors) = built_page(state, path);
    let reader_page = !file.starts_with("embed/") && !file.starts_with("admin/");
    // The shell itself (the service worker keeps it for offline starts) goes as it was built.
    let rendered_page = reader_page && built_shell(path).is_none();
    if rendered_page && path == "/" {
        return front_page_redirect(headers);
    }
    let query = uri.query().unwrap_or_default();
    // Read before drawing: a write meanwhile makes the page stale at once.
    let change = state.storage.change_count();
    // A page that holds what a reader sent is never kept.
    let key = (rendered_page && sent.is_none()).then(|| finished::key(path, query, headers));
    if let Some(key) = &key {
        let kept = state.pages.get(key, change);
        crate::telemetry::metrics::cache_lookup("pages", kept.is_some());
        if let Some(page) = kept {
            return page.answer(headers);
        }
    }
    // An article asked for under another edition (the language switcher's link): its
    // translation, or that edition's front page.
    if let Some(Page::Article(lang, slug)) = Page::parse(path) {
        match state.storage.translation(&slug, lang).await {
            Ok(Some(other)) => {
                let to = match other {
                    Some(slug) => Page::Article(lang, slug),
                    None => Page::Home(lang),
                };
                return redirect(&to.path());
            }
            Ok(None) => {}
            Err(err) => return AppError::from(err).into_response(),
        }
    }
    let (status, head) = if reader_page {
        match reader_status(state, path).await {
            Ok(found) => found,
            Err(err) => return err.into_response(),
        }
    } else {
        (StatusCode::OK, None)
    };
    let shell = match state
        .shells
        .get(&state.dist, file, rendered_page, ancestors)
        .await
    {
        Ok(shell) => shell,
        Err(err) => {
            tracing::error!(error = %err, dist = %state.dist.display(), file, "page missing: is the app built?");
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                "The reader app is not built yet. Run `make run`.",
            )
                .into_response();
        }
    };
    // Everything this page adds to the built one, written into its slots in one pass.
    let mut fill = Fill::default();
    if let Some(head) = &head {
        head.fill(&mut fill);
    }
    if reader_page {
        // A missing page's bar has the words only: no stream for a feed that is not there.
        let shown = Page::parse(path).filter(|_| status == StatusCode::OK);
        fill.status_bar = status_bar::attributes(edition_of(file, path), shown.as_ref());
    }
    let mut varying = None;
    let status = if rendered_page {
        let offset = text::reader_offset(headers);
        fill.html_attributes = text::theme_attribute(headers);
        let rendered = render::render(api, path, query, offset, sent).await;
        text::fill_rendered(&mut fill, &rendered);
        varying = rendered.form_token();
        match status {
            StatusCode::OK if rendered.refused => StatusCode::BAD_REQUEST,
            other => other,
        }
    } else {
        status
    };
    fill.head_end.push_str(&discovery_links(state, uri));
    let page = shell.page.write(&fill);
    let admin = file.starts_with("admin/");
    let page = if admin {
        crate::pages::edition::in_language(&page, crate::pages::edition::for_reader(headers))
    } else {
        page
    };
    let mut sent_headers = HeaderMap::new();
    sent_headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&shell.policy) {
        sent_headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    // A reader page is the same for everyone: a minute in any cache, then revalidated
    // (ETag) while the kept copy is shown. The service worker's precache asks with
    // `cache: 'reload'`, so a new build still reaches it at once.
    if reader_page && status == StatusCode::OK {
        sent_headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(PAGE));
    }
    // Dates are written in the reader's time, which a cookie names.
    if rendered_page {
        sent_headers.insert(header::VARY, HeaderValue::from_static("Cookie"));
    }
    // The editors' area speaks the edition the editor chose or their browser asks for.
    if admin {
        sent_headers.insert(
            header::VARY,
            HeaderValue::from_static("Accept-Language, Cookie"),
        );
    }
    let Some(key) = key else {
        return (status, sent_headers, page).into_response();
    };
    // Compressing at the highest quality takes ~75 ms of one core for a 58 KB page (brotli's
    // command-line tool, the same quality and window): off the async threads, which meanwhile
    // send the other readers their kept pages.
    let finished = tokio::task::spawn_blocking(move || {
        Finished::new(status, sent_headers, page, varying.as_deref())
    });
    let Ok(finished) = finished.await.map(Arc::new) else {
        return AppError::Internal.into_response();
    };
    state.pages.put(key, change, finished.clone());
    finished.answer(headers)
}

/// Which built page `path` is drawn in (under `dist/`), and who may frame it.
fn built_page<'a>(state: &'a AppState, path: &str) -> (&'static str, &'a str) {
    if let Some(shell) = built_shell(path) {
        (shell, "'self'")
    } else if path.starts_with("/embed/") {
        ("embed/index.html", state.embed_ancestors.as_str())
    } else if path == "/admin" || path.starts_with("/admin/") {
        ("admin/index.html", "'self'")
    } else if Page::parse(path).is_some_and(|p| infoshos::occasional::is_occasional(&p)) {
        // Search and the widgets page come with a bundle of their own (decision 0006),
        // rendered the same way.
        ("occasional/index.html", "'self'")
    } else {
        // Each edition's reader has a bundle with its own strings (decision 0011).
        match infoshos_model::links::lang_of_path(path) {
            Some(Lang::Ru) => ("edition-ru/index.html", "'self'"),
            Some(Lang::Zh) => ("edition-zh/index.html", "'self'"),
            _ => ("index.html", "'self'"),
        }
    }
}

/// The edition a reader page built from `file` is in: the path's, or the shell's own.
fn edition_of(file: &str, path: &str) -> Lang {
    match file {
        "edition-ru/index.html" => Lang::Ru,
        "edition-zh/index.html" => Lang::Zh,
        _ => infoshos_model::links::lang_of_path(path).unwrap_or(Lang::En),
    }
}

/// `/` is the front page of the reader's edition (`edition::for_reader`).
fn front_page_redirect(headers: &HeaderMap) -> Response {
    let mut response = redirect(&Page::Home(crate::pages::edition::for_reader(headers)).path());
    response.headers_mut().insert(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    response
}

/// A 302 to `to`, revalidated by caches (where it leads may change).
fn redirect(to: &str) -> Response {
    let mut response = (StatusCode::FOUND, [(header::LOCATION, to)]).into_response();
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(crate::middleware::cache_control::REVALIDATE),
    );
    response
}

/// A reader's shell asked for by its file (the service worker keeps them for offline starts):
/// sent as built, with a page's CSP. `ServeDir` would send the file without one.
pub fn built_shell(path: &str) -> Option<&'static str> {
    Some(match path {
        "/index.html" => "index.html",
        "/edition-ru/" | "/edition-ru/index.html" => "edition-ru/index.html",
        "/edition-zh/" | "/edition-zh/index.html" => "edition-zh/index.html",
        "/occasional/" | "/occasional/index.html" => "occasional/index.html",
        _ => return None,
    })
}
