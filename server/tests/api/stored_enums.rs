//! The database, the wire and the code spell statuses, actions and editions one way (the
//! model's enums, decoded straight from their columns): a stored value none of them knows is
//! an error, never quietly read as a default (an unknown status used to become "pending").

use crate::common;

use infoshos_model::admin::{AuditAction, ModerationAction};
use infoshos_model::{CommentStatus, Lang, Section};

async fn read<T>(pool: &sqlx::SqlitePool, stored: &str) -> Result<T, sqlx::Error>
where
    T: for<'r> sqlx::Decode<'r, sqlx::Sqlite> + sqlx::Type<sqlx::Sqlite> + Send + Unpin,
{
    sqlx::query_scalar("SELECT ?")
        .bind(stored)
        .fetch_one(pool)
        .await
}

#[tokio::test]
async fn each_stored_spelling_reads_back_and_any_other_is_refused() {
    let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
    for status in [
        CommentStatus::Pending,
        CommentStatus::Published,
        CommentStatus::Rejected,
    ] {
        // The column holds the wire's spelling.
        let wire = serde_json::to_value(status).unwrap();
        assert_eq!(
            read::<CommentStatus>(&pool, wire.as_str().unwrap())
                .await
                .unwrap(),
            status
        );
    }
    for lang in Lang::ALL {
        assert_eq!(read::<Lang>(&pool, lang.code()).await.unwrap(), lang);
    }
    for action in [
        ModerationAction::Approve,
        ModerationAction::Reject,
        ModerationAction::Delete,
    ] {
        assert_eq!(
            read::<ModerationAction>(&pool, action.as_str())
                .await
                .unwrap(),
            action
        );
    }
    assert!(read::<CommentStatus>(&pool, "archived").await.is_err());
    assert!(read::<CommentStatus>(&pool, "Pending").await.is_err());
    assert!(read::<Lang>(&pool, "fr").await.is_err());
    for section in Section::ALL {
        assert_eq!(
            read::<Section>(&pool, section.key()).await.unwrap(),
            section
        );
    }
    assert!(read::<Section>(&pool, "sport").await.is_err());
    assert!(read::<ModerationAction>(&pool, "").await.is_err());
}

/// The names the audit table takes (the newest migration's CHECK, `login` aside: nothing
/// writes it any more), in `AuditAction::ALL`'s order.
const AUDIT_NAMES: [&str; 23] = [
    "approve",
    "reject",
    "delete",
    "publish",
    "schedule",
    "edit",
    "unpublish",
    "republish",
    "set-up",
    "invite",
    "join",
    "role",
    "disable",
    "enable",
    "end-session",
    "second-factor-on",
    "second-factor-off",
    "password",
    "reset-link",
    "reset",
    "revoke-invitation",
    "revoke-reset-link",
    "upload-photo",
];

/// `$body` with `$pool` connected to `$url`, on whichever engine the tests run.
macro_rules! on_pool {
    ($url:expr, |$pool:ident| $body:expr) => {
        if $url.starts_with("sqlite") {
            let $pool = sqlx::SqlitePool::connect(&$url).await.unwrap();
            $body
        } else {
            let $pool = sqlx::PgPool::connect(&$url).await.unwrap();
            $body
        }
    };
}

#[tokio::test]
async fn every_audit_action_is_stored_by_its_name_and_the_table_refuses_any_other() {
    let dir = tempfile::tempdir().unwrap();
    common::open(dir.path()).await;
    let url = common::database_url(dir.path()).await;
    let insert = "INSERT INTO audit (at, actor, action, subject) VALUES (1, 'chief', $1, 'x')";
    let read = "SELECT action FROM audit WHERE action = $1";
    for (action, name) in AuditAction::ALL.into_iter().zip(AUDIT_NAMES) {
        assert_eq!(serde_json::to_value(action).unwrap(), name, "on the wire");
        let back: String = on_pool!(url, |pool| {
            sqlx::query(insert)
                .bind(action)
                .execute(&pool)
                .await
                .unwrap();
            sqlx::query_scalar(read)
                .bind(name)
                .fetch_one(&pool)
                .await
                .unwrap()
        });
        assert_eq!(back, name);
    }
    let refused = on_pool!(url, |pool| {
        sqlx::query(insert)
            .bind("promote")
            .execute(&pool)
            .await
            .is_err()
    });
    assert!(
        refused,
        "the table's CHECK refuses an action it does not list"
    );
}
