//! What a draft must pass before it is stored: the model's rules, then what only the server
//! knows (what is left of the body once cleaned, which states and photos exist, the story an
//! edition joins); and the article a checked draft becomes. Publishing, correcting and the
//! drafts kept on the server all go through here.

use infoshos_model::Lang;
use infoshos_model::editorial::{
    Draft, DraftProblem, schedule_problem, validate_draft, validate_draft_to_keep,
};
use infoshos_model::photos::Lead;

use crate::error::AppError;
use crate::media::figures;
use crate::sanitize;
use crate::state::AppState;
use crate::storage::NewArticle;

/// A draft that passed every check: its body cleaned and its states sorted, once each.
pub(super) struct Checked {
    pub(super) body_html: String,
    countries: Vec<String>,
    /// The story an edition written from another article joins.
    pub(super) story: Option<String>,
}

/// The model's rules, then what only the server knows: what is left of the body once cleaned,
/// and which states exist. Every problem at once.
pub(super) async fn check(
    state: &AppState,
    draft: &Draft,
    lang: Lang,
) -> Result<Checked, AppError> {
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
