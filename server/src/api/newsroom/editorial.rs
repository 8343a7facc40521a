//! Editors publish and correct articles. The body's HTML is cleaned with the allowlist before it is
//! stored (`sanitize`), so what readers get is safe to show as HTML.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use infoshos_model::editorial::{
    ArticleVersion, Draft, DraftProblem, DraftProblems, EditorArticle, Preview, Published,
    Visibility,
};

use super::draft_check::{article, check};
use crate::auth::session::{May, ToWrite};
use crate::error::{AppError, JsonBody};
use crate::pages::edition::Speaks;
use crate::state::AppState;
use crate::storage::is_unique_violation;

/// `GET /api/admin/articles/{slug}/versions`: what its corrections replaced, newest first.
pub async fn versions(
    State(state): State<AppState>,
    _editor: May<ToWrite>,
    Path(slug): Path<String>,
) -> Result<Json<Vec<ArticleVersion>>, AppError> {
    state
        .storage
        .article_versions(&slug)
        .await?
        .map(Json)
        .ok_or(AppError::NotFound("article"))
}

/// `POST /api/admin/preview`: the draft checked as publishing checks it (every problem at
/// once) and its body cleaned the same way, stored nowhere and written to no audit.
pub async fn preview(
    State(state): State<AppState>,
    _editor: May<ToWrite>,
    Speaks(lang): Speaks,
    JsonBody(draft): JsonBody<Draft>,
) -> Result<Json<Preview>, AppError> {
    let checked = check(&state, &draft, lang).await?;
    Ok(Json(Preview {
        title: draft.title.trim().to_string(),
        summary: draft.summary.trim().to_string(),
        body: checked.body_html,
    }))
}

pub async fn publish(
    State(state): State<AppState>,
    May { editor, .. }: May<ToWrite>,
    Speaks(lang): Speaks,
    JsonBody(draft): JsonBody<Draft>,
) -> Result<(StatusCode, Json<Published>), AppError> {
    let checked = check(&state, &draft, lang).await?;
    let now = chrono::Utc::now().timestamp_millis();
    let slug = draft
        .slug
        .clone()
        .filter(|s| !s.is_empty())
        .or_else(|| infoshos_model::editorial::slug_from_title(&draft.title))
        // A title without Latin letters: the article is numbered by its time.
        .unwrap_or_else(|| format!("article-{now}"));
    let at = draft.publish_at.map(|at| at.timestamp_millis());
    let story = checked.story.clone();
    let article = article(slug.clone(), &draft, checked, at.unwrap_or(now));
    let filed = match (draft.draft_id, at) {
        // The draft kept on the server becomes the article.
        (Some(id), at) => state
            .storage
            .publish_draft(id, &article, &editor.actor, now, at.is_some())
            .await
            .and_then(|id| id.ok_or(sqlx::Error::RowNotFound)),
        (None, Some(_)) => {
            state
                .storage
                .schedule_article(&article, &editor.actor, now)
                .await
        }
        (None, None) => {
            state
                .storage
                .publish_article(&article, &editor.actor, now)
                .await
        }
    };
    match filed {
        Ok(id) => {
            tracing::info!(%slug, actor = %editor.actor, scheduled = at.is_some(), "article filed");
            // Another edition of a story: the two are one story from now on.
            if let (Some(story), Some(source)) = (story, draft.story.as_deref()) {
                state.storage.join_story(&slug, source, &story).await?;
            }
            Ok((
                StatusCode::CREATED,
                Json(Published {
                    id,
                    slug,
                    body: article.body_html,
                    scheduled_for: draft.publish_at,
                }),
            ))
        }
        Err(sqlx::Error::RowNotFound) => Err(AppError::NotFound("draft")),
        Err(e) if is_unique_violation(&e) => Err(AppError::InvalidDraft(
            DraftProblems::from([("slug", DraftProblem::SlugTaken)]),
            lang,
        )),
        Err(e) => Err(e.into()),
    }
}

/// A correction: the article keeps its address and its time of publication; title, lead,
/// edition, states and body are replaced (the body cleaned as on publishing). A scheduled
/// article given a new time goes on the portal then; one already on it keeps its time.
pub async fn edit(
    State(state): State<AppState>,
    May { editor, .. }: May<ToWrite>,
    Speaks(lang): Speaks,
    Path(slug): Path<String>,
    JsonBody(draft): JsonBody<Draft>,
) -> Result<Json<Published>, AppError> {
    let checked = check(&state, &draft, lang).await?;
    let now = chrono::Utc::now().timestamp_millis();
    let article = article(slug.clone(), &draft, checked, now);
    let id = state
        .storage
        .edit_article(&article, &editor.actor, now)
        .await?
        .ok_or(AppError::NotFound("Article"))?;
    let rescheduled = match draft.publish_at {
        Some(at) => {
            let at_ms = at.timestamp_millis();
            let moved = state
                .storage
                .reschedule(&slug, at_ms, &editor.actor)
                .await?;
            moved.then_some(at)
        }
        None => None,
    };
    state
        .storage
        .corrected_in_story(&slug, draft.flag_editions, now)
        .await?;
    tracing::info!(%slug, actor = %editor.actor, flagged = draft.flag_editions, "article corrected");
    Ok(Json(Published {
        id,
        slug,
        body: article.body_html,
        scheduled_for: rescheduled,
    }))
}

/// The article as the editors' form opens it, published or not.
pub async fn open(
    State(state): State<AppState>,
    _editor: May<ToWrite>,
    Path(slug): Path<String>,
) -> Result<Json<EditorArticle>, AppError> {
    let view = state
        .storage
        .editor_view(&slug)
        .await?
        .ok_or(AppError::NotFound("Article"))?;
    let editions = state.storage.other_editions(&slug).await?;
    let correction_asked = state.storage.correction_asked(&slug).await?;
    let written_from = state.storage.written_from(&slug).await?;
    let a = view.article;
    Ok(Json(EditorArticle {
        editions,
        correction_asked,
        written_from,
        id: a.id,
        slug: a.slug,
        lang: a.lang,
        title: a.title,
        summary: a.summary,
        body: a.body,
        countries: a.countries,
        section: a.section,
        hidden: view.hidden,
        scheduled_for: view.scheduled_for,
        draft: view.draft,
        lead: a.photo,
    }))
}

/// Takes an article off the portal or puts it back; the audit says which.
pub async fn visibility(
    State(state): State<AppState>,
    May { editor, .. }: May<ToWrite>,
    Path(slug): Path<String>,
    JsonBody(v): JsonBody<Visibility>,
) -> Result<Json<Visibility>, AppError> {
    let now = chrono::Utc::now().timestamp_millis();
    state
        .storage
        .set_article_visible(&slug, v.visible, &editor.actor, now)
        .await?
        .ok_or(AppError::NotFound("Article"))?;
    tracing::info!(%slug, visible = v.visible, actor = %editor.actor, "article visibility");
    Ok(Json(v))
}
