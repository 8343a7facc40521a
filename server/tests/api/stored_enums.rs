//! The database, the wire and the code spell statuses, actions and editions one way (the
//! model's enums, decoded straight from their columns): a stored value none of them knows is
//! an error, never quietly read as a default (an unknown status used to become "pending").

use infoshos_model::admin::ModerationAction;
use infoshos_model::{CommentStatus, Lang};

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
    assert!(read::<ModerationAction>(&pool, "").await.is_err());
}
