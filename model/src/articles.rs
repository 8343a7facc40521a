use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::photos::Photo;
use crate::{Lang, Section};

/// One row of the news feed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArticleSummary {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub summary: String,
    #[serde(deserialize_with = "crate::wire_time::instant")]
    pub published_at: DateTime<Utc>,
    pub lang: Lang,
    /// ISO 3166-1 alpha-2 codes of the states the article concerns.
    pub countries: Vec<String>,
    /// The section it belongs to; none only in a copy saved offline before sections existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Section>,
    pub comment_count: i64,
    /// The lead photo, as a thumbnail (no caption or credit); none for a text-only story.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<Photo>,
}

/// A page of the feed. `next_cursor` is opaque: pass it back as `cursor` for the next page;
/// it is absent on the last page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArticleList {
    pub items: Vec<ArticleSummary>,
    pub next_cursor: Option<String>,
}

/// A whole article. Title and summary are plain text; the body is HTML that the server cleaned
/// with its allowlist when it was written (see the server's `sanitize`), so it is put into the
/// page as HTML.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub summary: String,
    #[serde(deserialize_with = "crate::wire_time::instant")]
    pub published_at: DateTime<Utc>,
    pub lang: Lang,
    pub countries: Vec<String>,
    /// The section it belongs to; none only in a copy saved offline before sections existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Section>,
    pub comment_count: i64,
    /// The lead photo with its caption and credit; none for a text-only story.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<Photo>,
    /// Allowlisted HTML: paragraphs, subheads, quotes, lists, links; nothing that runs.
    pub body: String,
    /// Up to six other articles: those sharing a state first, then the most recent.
    pub related: Vec<ArticleSummary>,
    /// The signed token the comment form sends back (see the server's `form_token`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form_token: Option<String>,
    /// When an editor last corrected it; none if never.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::wire_time::optional_instant"
    )]
    pub corrected_at: Option<DateTime<Utc>>,
}
