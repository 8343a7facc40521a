//! The newsroom's routes under `/api/admin/`: signing in and the second factor, people and
//! passwords, articles, drafts and their versions, moderation and the audit, photos.

pub mod article_index;
mod draft_check;
pub mod drafts;
pub mod editorial;
pub mod link_check;
pub mod moderation;
pub mod passwords;
pub mod people;
pub mod photos;
pub mod sign_in;

/// Now, in milliseconds since the epoch, as sessions, invitations and the pace of sign-ins
/// keep their times.
fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}
