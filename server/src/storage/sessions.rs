//! Editors' sessions (only a hash of the cookie's value is kept, each belonging to an account)
//! and the state of each account's second factor.

use super::audit::audit;
use infoshos_model::accounts::{OpenSession, Role};
use infoshos_model::admin::AuditAction;
use sqlx::FromRow;

use super::{Storage, millis_to_utc, on_engine};

/// The person behind a live session on an enabled account.
#[derive(FromRow, Debug, Clone)]
pub struct SessionOwner {
    pub account_id: i64,
    pub username: String,
    pub role: Role,
    pub second_factor: bool,
}

#[derive(FromRow)]
struct SessionRow {
    id_hash: String,
    username: String,
    user_agent: String,
    created_at: i64,
    expires_at: i64,
}

/// How many characters of a session's hash name it in lists: enough to tell sessions apart,
/// never the cookie (the hash of a 256-bit secret gives nothing back).
pub(super) const SHOWN_ID: usize = 16;

impl Storage {
    pub async fn add_session(
        &self,
        id_hash: &str,
        account_id: i64,
        user_agent: &str,
        now_ms: i64,
        expires_ms: i64,
    ) -> Result<(), sqlx::Error> {
        on_engine!(self, pool => sqlx::query(
            "INSERT INTO admin_sessions (id_hash, account_id, user_agent, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id_hash)
        .bind(account_id)
        .bind(user_agent)
        .bind(now_ms)
        .bind(expires_ms)
        .execute(pool)
        .await
        .map(|_| ()))
    }

    /// Who holds the session, while it lasts and their account is enabled: a disabled
    /// account's sessions stop at their next request, whichever replica it reaches.
    pub async fn session_owner(
        &self,
        id_hash: &str,
        now_ms: i64,
    ) -> Result<Option<SessionOwner>, sqlx::Error> {
        on_engine!(self, pool => sqlx::query_as(
            "SELECT a.id AS account_id, a.username, a.role, a.totp_secret IS NOT NULL AS second_factor
             FROM admin_sessions s JOIN accounts a ON a.id = s.account_id
             WHERE s.id_hash = $1 AND s.expires_at > $2 AND NOT a.disabled",
        )
        .bind(id_hash)
        .bind(now_ms)
        .fetch_optional(pool)
        .await)
    }

    pub async fn end_session(&self, id_hash: &str) -> Result<(), sqlx::Error> {
        on_engine!(self, pool => sqlx::query("DELETE FROM admin_sessions WHERE id_hash = $1")
            .bind(id_hash)
            .execute(pool)
            .await
            .map(|_| ()))
    }

    /// Open sessions, newest first: one person's, or everyone's. `current` marks the one
    /// with this hash.
    pub async fn sessions(
        &self,
        username: Option<&str>,
        current: &str,
        now_ms: i64,
    ) -> Result<Vec<OpenSession>, sqlx::Error> {
        let rows: Vec<SessionRow> = on_engine!(self, pool => sqlx::query_as(
            "SELECT s.id_hash, a.username, s.user_agent, s.created_at, s.expires_at
             FROM admin_sessions s JOIN accounts a ON a.id = s.account_id
             WHERE s.expires_at > $1 AND ($2 IS NULL OR a.username = $2)
             ORDER BY s.created_at DESC LIMIT 500",
        )
        .bind(now_ms)
        .bind(username)
        .fetch_all(pool)
        .await?);
        Ok(rows
            .into_iter()
            .map(|r| OpenSession {
                id: r.id_hash[..SHOWN_ID.min(r.id_hash.len())].to_string(),
                current: r.id_hash == current,
                username: r.username,
                user_agent: r.user_agent,
                created_at: millis_to_utc(r.created_at),
                expires_at: millis_to_utc(r.expires_at),
            })
            .collect())
    }

    /// Ends the session a list named `shown_id`, if it is `owner`'s (any one's for `None`),
    /// with an audit line naming whose it was. Returns whether one ended.
    pub async fn end_session_shown(
        &self,
        shown_id: &str,
        owner: Option<i64>,
        actor: &str,
        now_ms: i64,
    ) -> Result<bool, sqlx::Error> {
        if shown_id.len() != SHOWN_ID || !shown_id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(false);
        }
        on_engine!(self, pool => {
            let mut tx = pool.begin().await?;
            let ended: Option<i64> = sqlx::query_scalar(
                "DELETE FROM admin_sessions
                 WHERE substr(id_hash, 1, 16) = $1 AND ($2 IS NULL OR account_id = $2)
                 RETURNING account_id",
            )
            .bind(shown_id)
            .bind(owner)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(account_id) = ended else {
                return Ok(false);
            };
            let whose: String = sqlx::query_scalar("SELECT username FROM accounts WHERE id = $1")
                .bind(account_id)
                .fetch_one(&mut *tx)
                .await?;
            audit!(tx, now_ms, actor, AuditAction::EndSession, subject = whose)?;
            tx.commit().await?;
        });
        Ok(true)
    }

    /// Keeps a second factor's secret until a code from it is confirmed.
    pub async fn set_totp_pending(&self, account_id: i64, secret: &str) -> Result<(), sqlx::Error> {
        on_engine!(self, pool => sqlx::query("UPDATE accounts SET totp_pending = $1 WHERE id = $2")
            .bind(secret)
            .bind(account_id)
            .execute(pool)
            .await
            .map(|_| ()))
    }

    /// Turns the second factor on (the pending secret becomes the one) or off, with an
    /// audit line.
    pub async fn set_second_factor(
        &self,
        account_id: i64,
        on: bool,
        step: u64,
        actor: &str,
        now_ms: i64,
    ) -> Result<(), sqlx::Error> {
        let change = if on {
            "UPDATE accounts SET totp_secret = totp_pending, totp_pending = NULL,
                 totp_last_step = $1 WHERE id = $2"
        } else {
            "UPDATE accounts SET totp_secret = NULL, totp_pending = NULL,
                 totp_last_step = $1 WHERE id = $2"
        };
        on_engine!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query(change)
                .bind(i64::try_from(step).unwrap_or(i64::MAX))
                .bind(account_id)
                .execute(&mut *tx)
                .await?;
            audit!(tx, now_ms, actor, if on { AuditAction::SecondFactorOn } else { AuditAction::SecondFactorOff }, subject = actor)?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Spends the code of time step `step`: false if this or a later step was used already
    /// (RFC 6238 §5.2: a code is accepted once).
    pub async fn spend_totp_step(&self, account_id: i64, step: u64) -> Result<bool, sqlx::Error> {
        let step = i64::try_from(step).unwrap_or(i64::MAX);
        on_engine!(self, pool => sqlx::query(
            "UPDATE accounts SET totp_last_step = $1
             WHERE id = $2 AND (totp_last_step IS NULL OR totp_last_step < $1)",
        )
        .bind(step)
        .bind(account_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected() == 1))
    }
}
