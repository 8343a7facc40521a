//! Editors publish and correct articles. The body's HTML is cleaned with the allowlist before it is
//! stored (`sanitize`), so what readers get is safe to show as HTML.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use infoshos_model::editorial::{
    ArticleVersion, Draft, DraftProblem, DraftProblems, EditorArticle, Preview, Published,
    Visibility, schedule_problem, validate_draft, validate_draft_to_keep,
};

use crate::auth::session::{May, ToWrite};
use crate::error::{AppError, JsonBody};
use crate::media::figures;
use crate::pages::edition::Speaks;
use crate::sanitize;
use crate::state::AppState;
use crate::storage::{NewArticle, is_unique_violation};
use infoshos_model::Lang;
use infoshos_model::photos::Lead;

/// A draft that passed every check: its body cleaned and its states sorted, once each.
pub(super) struct Checked {
    body_html: String,
    countries: Vec<String>,
    /// The story an edition written from another article joins.
    story: Option<String>,
}

/// The model's rules, then what only the server knows: what is left of the body once cleaned,
/// and which states exist. Every problem at once.
async fn check(state: &AppState, draft: &Draft, lang: Lang) -> Result<Checked, AppError> {
    check_by(state, draft, lang, false).await
}

/// `check`, or (`to_keep`) the fewer rules of a draft kept on the server.
pub(super) async fn check_by(
    state: &AppState,
    draft: &Draft,
    lang: Lang,
    to_keep: bool,
) -> Result<Checked, AppError> {
    let mut problems = if to_keep {
        validate_draft_to_keep(draft)
    } else {
        validate_draft(draft)
    }
    .err()
    .unwrap_or_default();
    if let Some(problem) = draft
        .publish_at
        .and_then(|at| schedule_problem(at, chrono::Utc::now()))
    {
        problems.insert("publishAt", problem);
    }
    let body_html = sanitize::article_html(&draft.body);
    if !to_keep && !problems.contains_key("body") && !sanitize::has_text(&body_html) {
        problems.insert("body", DraftProblem::EmptyAfterCleaning);
    }
    if !problems.contains_key("countries") {
        let known = state.storage.states().await?;
        if let Some(code) = draft
            .countries
            .iter()
            .find(|c| !known.iter().any(|s| &s.code == *c))
        {
            problems.insert("countries", DraftProblem::UnknownCountry(code.clone()));
        }
    }
    if let Some(lead) = &draft.lead
        && !problems.contains_key("lead")
        && state.storage.library_photo(&lead.id).await?.is_none()
    {
        problems.insert("lead", DraftProblem::UnknownPhoto);
    }
    // Photos the body places: each from the library (a kept draft may name one not there yet;
    // its figure shows its caption alone until then).
    let mut placed = Vec::new();
    for id in figures::photo_ids(&body_html) {
        match state.storage.library_photo(&id).await? {
            Some(found) => placed.push(found.photo),
            None if !to_keep && !problems.contains_key("body") => {
                problems.insert("body", DraftProblem::UnknownPhoto);
            }
            None => {}
        }
    }
    let mut story = None;
    if let Some(source) = draft.story.as_deref().filter(|s| !to_keep && !s.is_empty()) {
        match state.storage.story_to_join(source, draft.lang).await? {
            Ok(key) => story = Some(key),
            Err(problem) => {
                problems.insert("story", problem);
            }
        }
    }
    if !problems.is_empty() {
        return Err(AppError::InvalidDraft(problems, lang));
    }
    let mut countries = draft.countries.clone();
    countries.sort_unstable();
    countries.dedup();
    Ok(Checked {
        body_html: figures::with_pictures(&body_html, &placed),
        countries,
        story,
    })
}

pub(super) fn article(
    slug: String,
    draft: &Draft,
    checked: Checked,
    published_at_ms: i64,
) -> NewArticle {
    NewArticle {
        slug,
        lang: draft.lang,
        title: draft.title.trim().to_string(),
        summary: draft.summary.trim().to_string(),
        body_html: checked.body_html,
        published_at_ms,
        countries: checked.countries,
        section: draft.section,
        lead: draft.lead.as_ref().map(|l| Lead {
            id: l.id.clone(),
            alt: l.alt.trim().to_string(),
            caption: l.caption.trim().to_string(),
            credit: l.credit.trim().to_string(),
        }),
    }
}

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
    tracing::info!(%slug, actor = %editor.actor, "article corrected");
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
    let a = view.article;
    Ok(Json(EditorArticle {
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
