//! Editors publish articles. The body's HTML is cleaned with the allowlist before it is
//! stored (`sanitize`), so what readers get is safe to show as HTML.

use axum::Json;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use infoshos_model::editorial::{Draft, DraftProblem, DraftProblems, Published, validate_draft};

use crate::admin::Editor;
use crate::app::AppState;
use crate::error::AppError;
use crate::sanitize;
use crate::storage::{NewArticle, is_unique_violation};

pub async fn publish(
    State(state): State<AppState>,
    editor: Editor,
    body: Result<Json<Draft>, JsonRejection>,
) -> Result<(StatusCode, Json<Published>), AppError> {
    let Json(draft) = body?;
    let mut problems = validate_draft(&draft).err().unwrap_or_default();
    let body_html = sanitize::article_html(&draft.body);
    if !problems.contains_key("body") && !has_readable_text(&body_html) {
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
    if !problems.is_empty() {
        return Err(AppError::InvalidDraft(problems));
    }

    let now = chrono::Utc::now().timestamp_millis();
    let slug = draft
        .slug
        .clone()
        .filter(|s| !s.is_empty())
        .or_else(|| infoshos_model::editorial::slug_from_title(&draft.title))
        // A title without Latin letters: the article is numbered by its time.
        .unwrap_or_else(|| format!("article-{now}"));
    let mut countries = draft.countries.clone();
    countries.sort_unstable();
    countries.dedup();
    let article = NewArticle {
        slug: slug.clone(),
        lang: draft.lang,
        title: draft.title.trim().to_string(),
        summary: draft.summary.trim().to_string(),
        body_html,
        published_at_ms: now,
        countries,
    };
    match state
        .storage
        .publish_article(&article, &editor.actor, now)
        .await
    {
        Ok(id) => {
            tracing::info!(%slug, actor = %editor.actor, "article published");
            Ok((
                StatusCode::CREATED,
                Json(Published {
                    id,
                    slug,
                    body: article.body_html,
                }),
            ))
        }
        Err(e) if is_unique_violation(&e) => Err(AppError::InvalidDraft(DraftProblems::from([(
            "slug",
            DraftProblem::SlugTaken,
        )]))),
        Err(e) => Err(e.into()),
    }
}

/// Whether cleaned HTML still has words in it: text outside the tags that is not only
/// whitespace (an entity counts as text).
fn has_readable_text(html: &str) -> bool {
    let mut in_tag = false;
    html.chars().any(|ch| match ch {
        '<' => {
            in_tag = true;
            false
        }
        '>' => {
            in_tag = false;
            false
        }
        _ => !in_tag && !ch.is_whitespace(),
    })
}

#[cfg(test)]
mod tests {
    use super::has_readable_text;

    #[test]
    fn markup_alone_is_not_readable() {
        assert!(!has_readable_text("<p> </p><br><hr>"));
        assert!(!has_readable_text(""));
        assert!(has_readable_text("<p>a</p>"));
        assert!(has_readable_text("&amp;"));
    }
}
