//! What the newsroom's API answers about articles: one published or previewed, one opened in
//! the desk with its story's other editions, what its corrections replaced, and the desk's
//! aids (a draft kept, a link checked).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{Lang, Section};

/// One edition of a story: its language and its address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryEdition {
    pub lang: Lang,
    pub slug: String,
}

/// Another edition of the story was corrected, and its editor asked for this one to be
/// checked for the same correction; cleared when this one is corrected.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CorrectionAsked {
    pub from: StoryEdition,
    #[serde(deserialize_with = "crate::wire_time::instant")]
    pub at: DateTime<Utc>,
}

/// What the page at a link answers (`GET /api/admin/link-check?url=`): its HTTP status, or
/// none when it was not asked (an e-mail address, no answer in time, an address inside the
/// server's own network).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkChecked {
    pub status: Option<u16>,
}

/// A draft kept on the server (`POST /api/admin/drafts`): its id, for the saves that follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftSaved {
    pub id: i64,
}

/// The answer to a published article (HTTP 201).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Published {
    pub id: i64,
    pub slug: String,
    /// The body as stored, after cleaning, so the editor sees what was removed.
    pub body: String,
    /// When it goes on the portal, if it was scheduled.
    #[serde(default, deserialize_with = "crate::wire_time::optional_instant")]
    pub scheduled_for: Option<DateTime<Utc>>,
}

/// A draft as readers would get it, stored nowhere (`POST /api/admin/preview`): its title and
/// lead as they will stand, and its body after the same cleaning publishing does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Preview {
    pub title: String,
    pub summary: String,
    pub body: String,
}

/// What a correction replaced (`GET /api/admin/articles/{slug}/versions`, newest first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArticleVersion {
    pub lang: Lang,
    pub title: String,
    pub summary: String,
    /// As it was stored: cleaned HTML.
    pub body: String,
    #[serde(deserialize_with = "crate::wire_time::instant")]
    pub replaced_at: DateTime<Utc>,
    /// Who replaced it, as the audit names them.
    pub actor: String,
}

/// An article as editors open it: what the form corrects, and whether readers see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EditorArticle {
    pub id: i64,
    pub slug: String,
    pub lang: Lang,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub countries: Vec<String>,
    /// None only for a draft kept before one was picked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Section>,
    /// Taken off the portal: in no feed, its page and comments answer 404.
    pub hidden: bool,
    /// When it goes on the portal by itself, if it is scheduled.
    #[serde(default, deserialize_with = "crate::wire_time::optional_instant")]
    pub scheduled_for: Option<DateTime<Utc>>,
    /// Never published: a draft kept on the server, under a placeholder address.
    #[serde(default)]
    pub draft: bool,
    /// The lead photo with the texts this article gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<crate::Photo>,
    /// The other editions of its story (drafts aside), in the order of `Lang::ALL`.
    #[serde(default)]
    pub editions: Vec<StoryEdition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correction_asked: Option<CorrectionAsked>,
    /// A draft of another edition: the address of the article it is written from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written_from: Option<String>,
}

/// Takes an article off the portal (`false`) or puts it back (`true`); its comments stay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visibility {
    pub visible: bool,
}
