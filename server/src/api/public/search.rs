//! `GET /api/search?q=&lang=&cursor=`: the articles of an edition that contain every word of
//! `q` (in any of its forms, or a state's name it misspells), best first, 20 a page, each with a snippet whose matches are marked as data (the page
//! draws them as `<mark>` around text, never as HTML).

use axum::Json;
use axum::extract::State;
use infoshos_model::Lang;
use infoshos_model::search::{self, PAGE_SIZE, SearchHit, SearchResults, Segment};
use serde::Deserialize;

use super::articles::parse_lang;
use crate::cursor;
use crate::error::{AppError, QueryParams};
use crate::search::{Term, marks, spelling};
use crate::state::AppState;
use crate::storage::Found;

/// Characters either side of the first match in a snippet.
const SNIPPET_AROUND: usize = 80;

#[derive(Deserialize)]
pub struct SearchParams {
    q: Option<String>,
    lang: Option<String>,
    cursor: Option<String>,
}

pub async fn search(
    State(state): State<AppState>,
    QueryParams(p): QueryParams<SearchParams>,
) -> Result<Json<SearchResults>, AppError> {
    let lang = parse_lang(p.lang.as_deref())?;
    let words = search::terms(p.q.as_deref().unwrap_or_default())
        .map_err(|problem| AppError::BadRequest(problem.message_en()))?;
    let after = match p.cursor.as_deref() {
        None => None,
        Some(s) => Some(cursor::decode_search(s).ok_or_else(|| {
            AppError::BadRequest(
                "cursor is not one this server issued for a search; start again without it.".into(),
            )
        })?),
    };
    let names = spelling::names(lang, &state.storage.states().await?);
    let terms = crate::search::terms(lang, &words, &names);
    let (found, next) = state.storage.search(lang, &terms, PAGE_SIZE, after).await?;
    Ok(Json(SearchResults {
        items: found.into_iter().map(|f| hit(lang, f, &terms)).collect(),
        next_cursor: next.map(cursor::encode_search),
    }))
}

/// The hit with its snippet: from the lead when a term is in it, else from the body. A term
/// is marked in every form found (`search::marks`).
fn hit(lang: Lang, found: Found, terms: &[Term]) -> SearchHit {
    let marked = |s: &[Segment]| s.iter().any(|seg| seg.mark);
    let summary = &found.article.summary;
    let lead = search::snippet(summary, &marks(lang, terms, summary), SNIPPET_AROUND);
    let snippet = if marked(&lead) {
        lead
    } else {
        let body_marks = marks(lang, terms, &found.body_text);
        let body = search::snippet(&found.body_text, &body_marks, SNIPPET_AROUND);
        if marked(&body) { body } else { lead }
    };
    SearchHit {
        article: found.article,
        snippet,
    }
}
