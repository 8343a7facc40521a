//! The one error type of the API. Every failure becomes a JSON `ApiError`; what went wrong
//! inside the server is logged, never sent.

use axum::Json;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use infoshos_i18n as i18n;
use infoshos_model::editorial::{DraftProblem, DraftProblems};
use infoshos_model::validation::FIELDS;
use infoshos_model::{ApiError, CommentProblems, Lang};

/// A JSON request body whose rejection is ours: a wrong body gets the same plain JSON error as
/// every other failure (`AppError::Body`), not axum's text.
#[derive(Debug, axum::extract::FromRequest)]
#[from_request(via(axum::Json), rejection(AppError))]
pub struct JsonBody<T>(pub T);

/// A query string whose rejection is ours, as `JsonBody` is for bodies. Its structs take every
/// field as text, so a bad value gets the handler's own plain message; what is left to reject
/// here is a query that is not `key=value` pairs at all.
#[derive(Debug, axum::extract::FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(AppError))]
pub struct QueryParams<T>(pub T);

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found: {0}")]
    NotFound(&'static str),
    #[error("bad request: {0}")]
    BadRequest(String),
    /// Answered in the article's language.
    #[error("invalid comment")]
    InvalidComment(CommentProblems, Lang),
    /// Answered in the editor's language.
    #[error("invalid article")]
    InvalidDraft(DraftProblems, Lang),
    /// Answered in the editor's language.
    #[error("photo refused")]
    InvalidPhoto(
        std::collections::BTreeMap<&'static str, infoshos_model::photos::PhotoProblem>,
        Lang,
    ),
    #[error("body too large")]
    PayloadTooLarge,
    #[error("rejected body: {0}")]
    Body(#[from] JsonRejection),
    #[error("rejected query: {0}")]
    Query(#[from] QueryRejection),
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("no rates yet")]
    NoRates,
    #[error("not signed in")]
    Unauthorized(&'static str),
    #[error("forbidden: {0}")]
    Forbidden(&'static str),
    /// The request is sound but the state refuses it (a name taken, the last admin).
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// What the request names was good once and is no longer (a spent invitation).
    #[error("gone: {0}")]
    Gone(&'static str),
    #[error("format not implemented: {0}")]
    NotImplemented(&'static str),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// A failure inside the server that is not the database's (already logged by its caller).
    #[error("internal")]
    Internal,
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, body) = match &self {
            AppError::NotFound(what) => (
                StatusCode::NOT_FOUND,
                ApiError::new(format!("{what} not found.")),
            ),
            AppError::BadRequest(msg) => (StatusCode::BAD_REQUEST, ApiError::new(msg.clone())),
            AppError::InvalidComment(problems, lang) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ApiError {
                    error: i18n::ui(*lang).fix_fields.into(),
                    fields: FIELDS
                        .into_iter()
                        .zip(problems.in_field_order())
                        .filter_map(|(f, p)| {
                            Some((f.to_string(), i18n::problem_message(*lang, p?)))
                        })
                        .collect(),
                },
            ),
            AppError::InvalidDraft(problems, lang) => (
                // A taken address is a conflict with what is stored; the rest is the form.
                if problems.values().all(|p| *p == DraftProblem::SlugTaken) {
                    StatusCode::CONFLICT
                } else {
                    StatusCode::UNPROCESSABLE_ENTITY
                },
                ApiError {
                    error: i18n::admin::admin_ui(*lang).fix_fields.into(),
                    fields: i18n::admin::draft_fields(*lang, problems),
                },
            ),
            AppError::InvalidPhoto(problems, lang) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ApiError {
                    error: i18n::admin::admin_ui(*lang).fix_fields.into(),
                    fields: problems
                        .iter()
                        .map(|(f, p)| {
                            let message = i18n::admin::photos::photo_problem_message(*lang, *p);
                            (f.to_string(), message)
                        })
                        .collect(),
                },
            ),
            AppError::PayloadTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                ApiError::new("The body is too large."),
            ),
            AppError::Body(rejection) => body_rejection(rejection),
            AppError::Query(rejection) => (
                StatusCode::BAD_REQUEST,
                ApiError::new(rejection.body_text()),
            ),
            AppError::MethodNotAllowed => (
                StatusCode::METHOD_NOT_ALLOWED,
                ApiError::new("This endpoint does not accept that method."),
            ),
            AppError::NoRates => (
                StatusCode::SERVICE_UNAVAILABLE,
                ApiError::new("Exchange rates are not available yet."),
            ),
            AppError::Unauthorized(why) => (StatusCode::UNAUTHORIZED, ApiError::new(*why)),
            AppError::Forbidden(why) => (StatusCode::FORBIDDEN, ApiError::new(*why)),
            AppError::Conflict(why) => (StatusCode::CONFLICT, ApiError::new(*why)),
            AppError::Gone(why) => (StatusCode::GONE, ApiError::new(*why)),
            AppError::NotImplemented(what) => (StatusCode::NOT_IMPLEMENTED, ApiError::new(*what)),
            AppError::Database(err) => {
                tracing::error!(error = %err, "database error");
                metrics::counter!(crate::telemetry::metrics::DB_ERRORS).increment(1);
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    ApiError::new("Something went wrong on our side."),
                )
            }
            AppError::Internal => (
                StatusCode::INTERNAL_SERVER_ERROR,
                ApiError::new("Something went wrong on our side."),
            ),
        };
        (status, Json(body)).into_response()
    }
}

/// A request body axum could not turn into JSON: the client's mistake, said in plain words.
fn body_rejection(rejection: &JsonRejection) -> (StatusCode, ApiError) {
    let status = rejection.status();
    let message = match rejection {
        JsonRejection::MissingJsonContentType(_) => {
            "Send the body as application/json.".to_string()
        }
        JsonRejection::JsonSyntaxError(_) => "The body is not valid JSON.".to_string(),
        JsonRejection::JsonDataError(err) => format!(
            "The JSON does not have the expected shape: {}",
            err.body_text()
        ),
        _ if status == StatusCode::PAYLOAD_TOO_LARGE => "The body is too large.".to_string(),
        _ => "The body could not be read.".to_string(),
    };
    (status, ApiError::new(message))
}
