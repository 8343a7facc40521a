//! `POST /api/admin/photos` (a multipart form: `file`, `alt`, `caption`, `credit`, `focalX`,
//! `focalY`) adds a photo to the library; `GET /api/admin/photos?q=` lists it, newest first.
//! Editors and admins upload, as they write articles; moderators cannot (`May<ToWrite>`).

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::Json;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use infoshos_model::photos::{
    LibraryPhoto, PhotoProblem, Refusal, UPLOAD_MAX_BYTES, Uploaded, text_problems,
};
use serde::Deserialize;

use crate::auth::session::{May, ToWrite};
use crate::error::{AppError, QueryParams};
use crate::media::check::sniff;
use crate::media::process::{photo_id, process};
use crate::media::variants::Focal;
use crate::pages::edition::Speaks;
use crate::state::AppState;
use crate::storage::NewPhoto;

/// What the form sent, read whole before anything is checked.
#[derive(Default)]
struct Form {
    file: Option<Vec<u8>>,
    /// The file was over `UPLOAD_MAX_BYTES`: the form was read no further.
    too_many_bytes: bool,
    alt: String,
    caption: String,
    credit: String,
    focal: (Option<f64>, Option<f64>),
}

async fn read_form(mut multipart: Multipart) -> Result<Form, AppError> {
    let mut form = Form::default();
    loop {
        let mut field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return Ok(form),
            Err(err) => return Err(form_error(err.status())),
        };
        let name = field.name().unwrap_or_default().to_string();
        if name == "file" {
            // Counted as it arrives: a file over the limit is said so (422), not read on.
            let mut bytes = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(|e| form_error(e.status()))? {
                if bytes.len() + chunk.len() > UPLOAD_MAX_BYTES {
                    form.too_many_bytes = true;
                    return Ok(form);
                }
                bytes.extend_from_slice(&chunk);
            }
            form.file = Some(bytes);
            continue;
        }
        let text = field.text().await.map_err(|e| form_error(e.status()))?;
        match name.as_str() {
            "alt" => form.alt = text,
            "caption" => form.caption = text,
            "credit" => form.credit = text,
            "focalX" => form.focal.0 = text.trim().parse().ok(),
            "focalY" => form.focal.1 = text.trim().parse().ok(),
            // Fields we do not know are ignored, as unknown JSON keys are.
            _ => {}
        }
    }
}

fn form_error(status: StatusCode) -> AppError {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        AppError::PayloadTooLarge
    } else {
        AppError::BadRequest("Send the photo as a multipart form with a file field.".into())
    }
}

pub async fn upload(
    State(state): State<AppState>,
    May { editor, .. }: May<ToWrite>,
    Speaks(lang): Speaks,
    multipart: Multipart,
) -> Result<(StatusCode, Json<Uploaded>), AppError> {
    let form = read_form(multipart).await?;
    let refused =
        |problems: BTreeMap<&'static str, PhotoProblem>| AppError::InvalidPhoto(problems, lang);
    let mut problems: BTreeMap<&'static str, PhotoProblem> =
        text_problems(&form.alt, &form.caption, &form.credit)
            .into_iter()
            .map(|(field, p)| (field, PhotoProblem::Field(p)))
            .collect();
    if form.too_many_bytes {
        problems.insert("file", PhotoProblem::File(Refusal::TooManyBytes));
        return Err(refused(problems));
    }
    let bytes = form.file.unwrap_or_default();
    // The cheap look first: a form with problems is answered before any decoding.
    if let Err(r) = sniff(&bytes) {
        problems.insert("file", PhotoProblem::File(r));
    }
    if !problems.is_empty() {
        return Err(refused(problems));
    }
    let bytes = Arc::new(bytes);
    let id = {
        let bytes = bytes.clone();
        tokio::task::spawn_blocking(move || photo_id(&bytes))
            .await
            .map_err(|_| AppError::Internal)?
    };
    let now = chrono::Utc::now().timestamp_millis();
    let focal = Focal {
        x: form
            .focal
            .0
            .filter(|x| x.is_finite())
            .unwrap_or(0.5)
            .clamp(0.0, 1.0),
        y: form
            .focal
            .1
            .filter(|y| y.is_finite())
            .unwrap_or(0.5)
            .clamp(0.0, 1.0),
    };
    let new = if state.storage.library_photo(&id).await?.is_some() {
        state.storage.audit_upload(&id, &editor.actor, now).await?;
        false
    } else {
        let made = process(&state.photo_workers, id.clone(), bytes.clone(), focal)
            .await
            .map_err(|r| refused(BTreeMap::from([("file", PhotoProblem::File(r))])))?;
        let photo = NewPhoto {
            alt: form.alt.trim().to_string(),
            caption: form.caption.trim().to_string(),
            credit: form.credit.trim().to_string(),
            ..made.into_photo(id.clone(), Arc::unwrap_or_clone(bytes), focal)
        };
        state
            .storage
            .store_photo(&photo, &editor.actor, now)
            .await?
    };
    let photo = state
        .storage
        .library_photo(&id)
        .await?
        .ok_or(AppError::Internal)?;
    tracing::info!(photo = %id, actor = %editor.actor, new, "photo uploaded");
    let status = if new {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(Uploaded { photo, new })))
}

#[derive(Deserialize)]
pub struct LibraryQuery {
    q: Option<String>,
}

/// How many photos one answer lists.
const LIBRARY_PAGE: u32 = 60;

pub async fn library(
    State(state): State<AppState>,
    _editor: May<ToWrite>,
    QueryParams(query): QueryParams<LibraryQuery>,
) -> Result<Json<Vec<LibraryPhoto>>, AppError> {
    let words = query
        .q
        .as_deref()
        .map(|q| q.chars().take(200).collect::<String>());
    Ok(Json(
        state
            .storage
            .photo_library(words.as_deref(), LIBRARY_PAGE)
            .await?,
    ))
}
