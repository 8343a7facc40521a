//! Search's helpers: an article to find, a query's address, the slugs an answer found.

use infoshos_model::Lang;
use infoshos_server::sanitize::paragraphs_html;
use infoshos_server::storage::NewArticle;
use serde_json::Value;

/// An economy story about Kazakhstan published at `at_ms`, whose lead is its title.
pub fn article_at(slug: &str, lang: Lang, title: &str, body: &str, at_ms: i64) -> NewArticle {
    NewArticle {
        slug: slug.into(),
        lang,
        title: title.into(),
        summary: format!("{title}."),
        body_html: paragraphs_html(&[body.to_string()]),
        published_at_ms: at_ms,
        countries: vec!["KZ".into()],
        section: Some(infoshos_model::Section::Economy),
        lead: None,
    }
}

/// The search API's address for `query` in `lang`.
pub fn q(query: &str, lang: &str) -> String {
    format!(
        "/api/search?lang={lang}&q={}",
        infoshos_model::links::encode(query)
    )
}

/// The slugs of an answer's hits, in order (an error's answer shown when it is one).
pub fn slugs(results: &Value) -> Vec<String> {
    results
        .get("items")
        .unwrap_or_else(|| panic!("{results}"))
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["article"]["slug"].as_str().unwrap().to_string())
        .collect()
}
