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
    /// A reply: the comment it answers, so the editor reads the two together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<Answered>,
}

/// The comment a reply answers, as the queue shows it above the reply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answered {
    pub name: String,
    pub text: String,
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

/// What an audit line says was done, stored as its kebab-case name. The storage writes only
/// these; the migrations' CHECK on `audit.action` lists the same names (a migration is never
/// edited, so each that added an action copied the list: `docs/duplication.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type))]
#[cfg_attr(feature = "sqlx", sqlx(type_name = "text", rename_all = "kebab-case"))]
pub enum AuditAction {
    // Comments: the queue's three actions.
    Approve,
    Reject,
    Delete,
    // Articles.
    Publish,
    Schedule,
    Edit,
    Unpublish,
    Republish,
    // People and their sign-in.
    SetUp,
    Invite,
    Join,
    Role,
    Disable,
    Enable,
    EndSession,
    SecondFactorOn,
    SecondFactorOff,
    Password,
    ResetLink,
    Reset,
    RevokeInvitation,
    RevokeResetLink,
    // Photos.
    UploadPhoto,
}

impl AuditAction {
    pub const ALL: [AuditAction; 23] = [
        AuditAction::Approve,
        AuditAction::Reject,
        AuditAction::Delete,
        AuditAction::Publish,
        AuditAction::Schedule,
        AuditAction::Edit,
        AuditAction::Unpublish,
        AuditAction::Republish,
        AuditAction::SetUp,
        AuditAction::Invite,
        AuditAction::Join,
        AuditAction::Role,
        AuditAction::Disable,
        AuditAction::Enable,
        AuditAction::EndSession,
        AuditAction::SecondFactorOn,
        AuditAction::SecondFactorOff,
        AuditAction::Password,
        AuditAction::ResetLink,
        AuditAction::Reset,
        AuditAction::RevokeInvitation,
        AuditAction::RevokeResetLink,
        AuditAction::UploadPhoto,
    ];
}

impl From<ModerationAction> for AuditAction {
    fn from(action: ModerationAction) -> AuditAction {
        match action {
            ModerationAction::Approve => AuditAction::Approve,
            ModerationAction::Reject => AuditAction::Reject,
            ModerationAction::Delete => AuditAction::Delete,
        }
    }
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
    /// The account an action on people was done to (or, for an invitation, the role).
    #[serde(default)]
    pub subject: Option<String>,
}

/// What the audit is narrowed to (`GET /api/admin/audit?action=&article=&actor=`); `None` is
/// any. An action is matched as stored (`edit`, `approve`, …): one no row has finds nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    pub action: Option<String>,
    /// The article's address.
    pub article: Option<String>,
    /// Who, as the audit names them.
    pub actor: Option<String>,
}

/// The longest action or actor the audit is searched for.
pub const AUDIT_WORD_MAX: usize = 64;

impl AuditFilter {
    /// The query `parse` reads back into this very filter.
    pub fn query(&self) -> Vec<(&'static str, String)> {
        [
            ("action", &self.action),
            ("article", &self.article),
            ("actor", &self.actor),
        ]
        .into_iter()
        .filter_map(|(name, value)| value.clone().map(|v| (name, v)))
        .collect()
    }

    /// Reads the audit's parameters as given; an empty one is any. The first value it cannot
    /// use is named, with what is allowed.
    pub fn parse(
        action: Option<&str>,
        article: Option<&str>,
        actor: Option<&str>,
    ) -> Result<AuditFilter, String> {
        fn given(v: Option<&str>) -> Option<String> {
            v.map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        }
        let (action, article, actor) = (given(action), given(article), given(actor));
        for (name, value) in [("action", &action), ("actor", &actor)] {
            if value
                .as_ref()
                .is_some_and(|v| v.chars().count() > AUDIT_WORD_MAX)
            {
                return Err(format!(
                    "{name} must be at most {AUDIT_WORD_MAX} characters."
                ));
            }
        }
        if let Some(slug) = article
            .as_deref()
            .filter(|s| !crate::validation::is_slug(s))
        {
            return Err(format!(
                "article must be an article's address, not “{slug}”."
            ));
        }
        Ok(AuditFilter {
            action,
            article,
            actor,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_audit_filter_reads_back_from_its_query_and_names_a_bad_address() {
        let filter = AuditFilter {
            action: Some("edit".into()),
            article: Some("laos-becomes-partner".into()),
            actor: None,
        };
        let query = filter.query();
        let get = |name: &str| {
            query
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(
            AuditFilter::parse(get("action"), get("article"), get("actor")),
            Ok(filter)
        );
        assert_eq!(
            AuditFilter::parse(Some(" "), None, Some("")),
            Ok(AuditFilter::default())
        );
        assert!(
            AuditFilter::parse(None, Some("../admin"), None)
                .unwrap_err()
                .contains("“../admin”")
        );
    }
}
