//! Passwords changed: by their owner (the other sessions end), or through a one-time reset link
//! an admin made (every session ends). Each with its audit line, in one transaction. An
//! account has at most one open reset link: a new one, a used one or a password change
//! revokes the others (`Revoke::ResetsOf`), and a link works only while its maker is an
//! enabled admin.

use super::audit::audit;
use super::{Revoke, Storage, on_engine, revoke_links};
use infoshos_model::admin::AuditAction;

impl Storage {
    /// A new password for the account; its sessions end but `keep` (the one it was changed
    /// from).
    pub async fn change_password(
        &self,
        account_id: i64,
        password_hash: &str,
        keep: &str,
        actor: &str,
        now_ms: i64,
    ) -> Result<(), sqlx::Error> {
        on_engine!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
                .bind(password_hash)
                .bind(account_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM admin_sessions WHERE account_id = $1 AND id_hash <> $2")
                .bind(account_id)
                .bind(keep)
                .execute(&mut *tx)
                .await?;
            audit!(tx, now_ms, actor, AuditAction::Password, subject = actor)?;
            revoke_links!(tx, Revoke::ResetsOf, now_ms, actor, actor);
            tx.commit().await?;
        });
        Ok(())
    }

    /// Files a reset link for `username` (only the code's hash); `false` when there is no such
    /// account.
    pub async fn add_reset_link(
        &self,
        code_hash: &str,
        username: &str,
        by: &str,
        now_ms: i64,
        expires_ms: i64,
    ) -> Result<bool, sqlx::Error> {
        on_engine!(self, pool => {
            let mut tx = pool.begin().await?;
            revoke_links!(tx, Revoke::ResetsOf, now_ms, by, username);
            let filed = sqlx::query(
                "INSERT INTO invitations (code_hash, role, invited_by, created_at, expires_at, account)
                 SELECT $1, role, $2, $3, $4, username FROM accounts WHERE username = $5",
            )
            .bind(code_hash)
            .bind(by)
            .bind(now_ms)
            .bind(expires_ms)
            .bind(username)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if filed == 0 {
                return Ok(false);
            }
            audit!(tx, now_ms, by, AuditAction::ResetLink, subject = username)?;
            tx.commit().await?;
        });
        Ok(true)
    }

    /// Whose password a reset link sets, while it is good.
    pub async fn reset_link_owner(
        &self,
        code_hash: &str,
        now_ms: i64,
    ) -> Result<Option<String>, sqlx::Error> {
        on_engine!(self, pool => sqlx::query_scalar(
            "SELECT account FROM invitations
             WHERE code_hash = $1 AND used_by IS NULL AND expires_at > $2 AND account IS NOT NULL
               AND invited_by IN (SELECT username FROM accounts WHERE role = 'admin' AND NOT disabled)",
        )
        .bind(code_hash)
        .bind(now_ms)
        .fetch_optional(pool)
        .await)
    }

    /// Spends a reset link on a new password: every session of the account ends. The account's
    /// id, or `None` for a used, late or unknown link, or a disabled account.
    pub async fn reset_password(
        &self,
        code_hash: &str,
        password_hash: &str,
        now_ms: i64,
    ) -> Result<Option<i64>, sqlx::Error> {
        on_engine!(self, pool => {
            let mut tx = pool.begin().await?;
            let whose: Option<String> = sqlx::query_scalar(
                "UPDATE invitations SET used_by = account
                 WHERE code_hash = $1 AND used_by IS NULL AND expires_at > $2
                   AND account IS NOT NULL
                   AND invited_by IN (SELECT username FROM accounts WHERE role = 'admin' AND NOT disabled)
                 RETURNING account",
            )
            .bind(code_hash)
            .bind(now_ms)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(username) = whose else {
                return Ok(None);
            };
            let id: Option<i64> = sqlx::query_scalar(
                "UPDATE accounts SET password_hash = $1 WHERE username = $2 AND NOT disabled
                 RETURNING id",
            )
            .bind(password_hash)
            .bind(&username)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(id) = id else {
                return Ok(None);
            };
            sqlx::query("DELETE FROM admin_sessions WHERE account_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            audit!(tx, now_ms, &username, AuditAction::Reset, subject = &username)?;
            revoke_links!(tx, Revoke::ResetsOf, now_ms, &username, &username);
            tx.commit().await?;
            Ok(Some(id))
        })
    }
}
