use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What a reader submits. `website` is a honeypot: people never see it, bots fill it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewComment {
    // Missing fields read as empty, so they get the same field message as blank ones.
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub website: String,
    /// Made by the sender once per comment: the same key sent again is the same comment, so
    /// a retry after a lost answer (or an offline queue) never stores it twice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The form token the article came with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// The comment this one answers: a published comment of the same article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<i64>,
}

/// The comment form's hidden `replyTo` field, as both the app and the server's no-JavaScript
/// form read it: empty is no reply; anything but an id names no comment (0), which the server
/// answers as a comment no longer shown.
pub fn reply_field(value: &str) -> Option<i64> {
    let value = value.trim();
    // Digits read by hand: `str::parse::<i64>` brought core's integer parser into the reader's
    // wasm, which reads every other number from JavaScript.
    let id = value.bytes().try_fold(0i64, |n, b| {
        let digit = b.checked_sub(b'0').filter(|d| *d < 10)?;
        n.checked_mul(10)?.checked_add(i64::from(digit))
    });
    (!value.is_empty()).then(|| id.unwrap_or(0))
}

/// A comment key is 8 to 64 letters, digits, `-` or `_`.
pub fn is_valid_key(key: &str) -> bool {
    (8..=64).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Stored as its lowercase name, the same spelling as on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type))]
#[cfg_attr(feature = "sqlx", sqlx(type_name = "text", rename_all = "lowercase"))]
pub enum CommentStatus {
    Pending,
    Published,
    Rejected,
}

impl CommentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CommentStatus::Pending => "pending",
            CommentStatus::Published => "published",
            CommentStatus::Rejected => "rejected",
        }
    }
}

/// A comment as readers see it. The email is never part of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Comment {
    pub id: i64,
    pub name: String,
    pub text: String,
    #[serde(deserialize_with = "crate::wire_time::instant")]
    pub created_at: DateTime<Utc>,
    /// Waiting for an editor. Only its author gets such a comment: the list holds one only
    /// when asked with the key it was sent under (`?mine=`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub pending: bool,
    /// A reply: the comment it is shown under (the top one of its thread). A reply whose thread
    /// is not shown (an editor removed it) has none and stands as a comment of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread: Option<i64>,
    /// A reply: the name of the reader it answers, while the answered comment is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[cfg(test)]
mod tests {
    use super::reply_field;

    #[test]
    fn a_reply_field_is_an_id_nothing_or_a_comment_that_is_not_there() {
        assert_eq!(reply_field(""), None);
        assert_eq!(reply_field("  "), None);
        assert_eq!(reply_field("42"), Some(42));
        assert_eq!(reply_field(" 7 "), Some(7));
        assert_eq!(reply_field("<script>"), Some(0));
        assert_eq!(reply_field("99999999999999999999"), Some(0));
    }
}

/// At most this many keys in one `?mine=` (a reader's waiting comments on one article).
pub const MINE_MAX: usize = 20;

/// The answer to an accepted comment (HTTP 201).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CommentCreated {
    pub id: i64,
    pub status: CommentStatus,
}
