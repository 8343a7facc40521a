//! Comments sent without JavaScript. The article page's form (as the server draws it, see the
//! reader's `comment_post`) posts to the article's own address; the comment goes through the
//! same API route the app uses (the same rules, token check, pace and store), and the reader
//! gets a page back, never JSON:
//! - stored: a 303 to the article with `?comment=pending` (or `published`), so a reload does
//!   not send it again and the page says what became of it;
//! - refused: the article page again, with the API's status, what the reader typed back in the
//!   fields, and what was wrong, beside the field or above the button.

use axum::Router;
use axum::body::Body;
use axum::extract::rejection::FormRejection;
use axum::extract::{ConnectInfo, Form, State};
use axum::http::{Extensions, HeaderMap, HeaderValue, Request, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use infoshos::components::comment_post::{Refused, Sent, stored_as};
use infoshos_model::comments::reply_field;
use infoshos_model::links::Page;
use infoshos_model::{ApiError, CommentCreated, CommentStatus, NewComment, validate_comment};
use serde::Deserialize;
use std::net::SocketAddr;
use tower::ServiceExt;

use crate::pages::send;
use crate::state::AppState;

/// The API router, built once: `/api` serves it, a comment sent without JavaScript goes
/// through it (so each client's allowance is one for both ways of sending), and a reader page
/// asks it for what it shows (`pages::render`). Its paths start with `/api`.
#[derive(Clone)]
pub struct Api(pub Router);

/// The form's fields; any missing one reads as empty and gets the field's own message.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Posted {
    name: String,
    email: String,
    text: String,
    website: String,
    token: String,
    /// The comment this one answers (the form's hidden field, set by `?reply=`).
    #[serde(rename = "replyTo")]
    reply_to: String,
}

impl From<Posted> for NewComment {
    fn from(p: Posted) -> NewComment {
        NewComment {
            name: p.name,
            email: Some(p.email).filter(|e| !e.trim().is_empty()),
            text: p.text,
            website: p.website,
            // No key: a page a cache shares would give every reader the same one.
            key: None,
            token: Some(p.token).filter(|t| !t.is_empty()),
            reply_to: reply_field(&p.reply_to),
        }
    }
}

/// `?comment=pending` or `published` on an article: the page after a stored comment.
pub fn accepted(query: &str) -> Option<Sent> {
    stored_as(query).map(Sent::Accepted)
}

pub async fn post(
    State(state): State<AppState>,
    axum::Extension(Api(api)): axum::Extension<Api>,
    extensions: Extensions,
    uri: Uri,
    headers: HeaderMap,
    form: Result<Form<Posted>, FormRejection>,
) -> Response {
    let Some(Page::Article(lang, slug)) = Page::parse(uri.path()) else {
        return send::page(&state, &api, &uri, &headers, None).await;
    };
    let refused = |typed: NewComment, message: Option<String>| {
        Sent::Refused(Box::new(Refused {
            typed,
            message,
            ..Refused::default()
        }))
    };
    let comment = match form {
        Ok(Form(posted)) => NewComment::from(posted),
        Err(rejection) => {
            let sent = refused(
                NewComment::default(),
                Some(format!("The form could not be read: {rejection}")),
            );
            return again(&state, &api, &uri, &headers, StatusCode::BAD_REQUEST, &sent).await;
        }
    };
    // The model's rules first, as the app checks them, so the messages are in the page's
    // language; the API checks them again.
    if let Err(problems) = validate_comment(&comment) {
        let sent = Sent::Refused(Box::new(Refused {
            typed: comment,
            problems: Some(problems),
            ..Refused::default()
        }));
        return again(
            &state,
            &api,
            &uri,
            &headers,
            StatusCode::UNPROCESSABLE_ENTITY,
            &sent,
        )
        .await;
    }
    let mut request = Request::post(format!("/api/articles/{slug}/comments"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(serde_json::to_vec(&comment).unwrap_or_default()))
        .expect("a request from a path the router matched");
    // The client's address, for its allowance (see `rate_limit::ClientIp`).
    if let Some(peer) = extensions.get::<ConnectInfo<SocketAddr>>() {
        request.extensions_mut().insert(*peer);
    }
    if let Some(forwarded) = headers.get("x-forwarded-for") {
        request
            .headers_mut()
            .insert("x-forwarded-for", forwarded.clone());
    }
    let Ok(answer) = api.clone().oneshot(request).await;
    let status = answer.status();
    let retry_after = answer.headers().get(header::RETRY_AFTER).cloned();
    let body = axum::body::to_bytes(answer.into_body(), 64 * 1024)
        .await
        .unwrap_or_default();
    if status.is_success() {
        let created: Option<CommentCreated> = serde_json::from_slice(&body).ok();
        let outcome = match created.map(|c| c.status) {
            Some(CommentStatus::Published) => "published",
            _ => "pending",
        };
        let to = format!(
            "{}?comment={outcome}#comment-form",
            Page::Article(lang, slug).path()
        );
        return (StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response();
    }
    let error: Option<ApiError> = serde_json::from_slice(&body).ok();
    let sent = match error {
        Some(e) if !e.fields.is_empty() => Sent::Refused(Box::new(Refused {
            typed: comment,
            fields: e.fields,
            ..Refused::default()
        })),
        // The pace is stated by a layer that answers before the article is known.
        Some(_) if status == StatusCode::TOO_MANY_REQUESTS => {
            refused(comment, Some(infoshos_i18n::ui(lang).fetch_too_many.into()))
        }
        Some(e) if status.is_client_error() => refused(comment, Some(e.error)),
        _ => refused(
            comment,
            Some(infoshos_i18n::answers::answers(lang).not_stored.into()),
        ),
    };
    // A failure of ours is no fault of the reader's: "try again later", not a 500 page.
    let status = if status.is_server_error() {
        StatusCode::SERVICE_UNAVAILABLE
    } else {
        status
    };
    let mut response = again(&state, &api, &uri, &headers, status, &sent).await;
    if let Some(wait) = retry_after {
        response.headers_mut().insert(header::RETRY_AFTER, wait);
    }
    response
}

/// The article page again with `sent` in its form, sent with `status` (unless the page itself
/// is a 404), and kept by no cache: it holds what the reader typed, their email too.
async fn again(
    state: &AppState,
    api: &Router,
    uri: &Uri,
    headers: &HeaderMap,
    status: StatusCode,
    sent: &Sent,
) -> Response {
    let mut response = send::page(state, api, uri, headers, Some(sent)).await;
    if response.status() == StatusCode::OK {
        *response.status_mut() = status;
    }
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
