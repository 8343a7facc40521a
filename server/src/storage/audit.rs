//! The audit's one writer: a line saying who did what, when, and to whom or what (a person or
//! an invitation's role, a comment, an article, a photo), in the transaction of the change.

/// `audit!(tx, now_ms, actor, action, subject = …)` (or `comment =`, `article =`): inserts the
/// line in `tx`; `action` is an `AuditAction`, so only actions the table allows are written.
macro_rules! audit {
    ($tx:expr, $now_ms:expr, $actor:expr, $action:expr, $column:ident = $target:expr) => {{
        let action: infoshos_model::admin::AuditAction = $action;
        sqlx::query(concat!(
            "INSERT INTO audit (at, actor, action, ",
            stringify!($column),
            ") VALUES ($1, $2, $3, $4)"
        ))
        .bind($now_ms)
        .bind($actor)
        .bind(action)
        .bind($target)
        .execute(&mut *$tx)
        .await
    }};
}
pub(crate) use audit;
