//! What the editors' area and the server say to each other.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{CommentStatus, Lang};

/// A comment as editors see it: with its article, its status and the email.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QueuedComment {
    pub id: i64,
    pub article_slug: String,
    pub article_title: String,
    /// The article's edition, for its address.
    pub article_lang: Lang,
    pub name: String,
    #[serde(default)]
    pub email: Option<String>,
    pub text: String,
    pub status: CommentStatus,
    #[serde(deserialize_with = "crate::wire_time::instant")]
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type))]
#[cfg_attr(feature = "sqlx", sqlx(type_name = "text", rename_all = "lowercase"))]
pub enum ModerationAction {
    Approve,
    Reject,
    Delete,
}

impl ModerationAction {
    pub fn as_str(self) -> &'static str {
        match self {
            ModerationAction::Approve => "approve",
            ModerationAction::Reject => "reject",
            ModerationAction::Delete => "delete",
        }
    }
}

/// One action on one or many comments (the queue's bulk buttons).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Moderation {
    pub ids: Vec<i64>,
    pub action: ModerationAction,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Login {
    pub token: String,
}

/// The answer to signing in (`true`) or out (`false`); the session itself is the cookie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignedIn {
    pub signed_in: bool,
}

/// The answer to a moderation action: how many comments it changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Changed {
    pub changed: u64,
}

/// One line of the audit: who did what, when, to which comment or article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntry {
    #[serde(deserialize_with = "crate::wire_time::instant")]
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: String,
    #[serde(default)]
    pub comment_id: Option<i64>,
    #[serde(default)]
    pub article_id: Option<i64>,
    /// The article's slug and edition, while it exists.
    #[serde(default)]
    pub article_slug: Option<String>,
    #[serde(default)]
    pub article_lang: Option<Lang>,
}
