//! Invitations and reset links: filed, spent on a new account, and while still open, listed for
//! admins and revoked by one of them or by the
//! server when what made them good has changed (their maker disabled or no longer an admin; a
//! newer reset link, a used one or a password change for the same account). Every revocation
//! has its audit line, written in the same transaction as the revocation itself.

use super::audit::audit;
use infoshos_model::accounts::{LinkKind, OpenLink, Role};
use infoshos_model::admin::AuditAction;

use super::accounts::Outcome;
use sqlx::FromRow;

use super::sessions::SHOWN_ID;
use super::{Storage, is_unique_violation, millis_to_utc, on_engine};

/// Which open links a revocation takes: the condition on `invitations`, with `$3` the key.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Revoke {
    /// Every invitation and reset link an account made (`$3` its name).
    MadeBy,
    /// Every reset link for an account (`$3` its name).
    ResetsOf,
    /// The one a list named (`$3` the shown id).
    Shown,
}

impl Revoke {
    fn condition(self) -> &'static str {
        match self {
            Revoke::MadeBy => "invited_by = $3",
            Revoke::ResetsOf => "account = $3",
            Revoke::Shown => "substr(code_hash, 1, 16) = $3",
        }
    }

    /// The audit lines (one per link, naming the role invited or the account), then the
    /// deletion; `$1` now, `$2` who revokes. Expired and used links are left as they are.
    pub(crate) fn statements(self) -> [String; 2] {
        let open = format!(
            "used_by IS NULL AND expires_at > $1 AND {}",
            self.condition()
        );
        [
            format!(
                "INSERT INTO audit (at, actor, action, subject)
                 SELECT $1, $2,
                        CASE WHEN account IS NULL THEN 'revoke-invitation'
                             ELSE 'revoke-reset-link' END,
                        COALESCE(account, role)
                 FROM invitations WHERE {open}"
            ),
            format!("DELETE FROM invitations WHERE {open}"),
        ]
    }
}

/// Runs a revocation inside the transaction `$tx` (either engine's): how many links it took.
macro_rules! revoke_links {
    ($tx:expr, $which:expr, $now:expr, $actor:expr, $key:expr) => {{
        let [audit, delete] = $which.statements();
        sqlx::query(&audit)
            .bind($now)
            .bind($actor)
            .bind($key)
            .execute(&mut *$tx)
            .await?;
        sqlx::query(&delete)
            .bind($now)
            .bind($actor)
            .bind($key)
            .execute(&mut *$tx)
            .await?
            .rows_affected()
    }};
}
pub(crate) use revoke_links;

#[derive(FromRow)]
struct LinkRow {
    code_hash: String,
    role: Role,
    account: Option<String>,
    invited_by: String,
    created_at: i64,
    expires_at: i64,
}

impl Storage {
    /// Every invitation and reset link that can still be used, newest first.
    pub async fn open_links(&self, now_ms: i64) -> Result<Vec<OpenLink>, sqlx::Error> {
        let rows: Vec<LinkRow> = on_engine!(self, pool => sqlx::query_as(
            "SELECT code_hash, role, account, invited_by, created_at, expires_at
             FROM invitations WHERE used_by IS NULL AND expires_at > $1
             ORDER BY created_at DESC",
        )
        .bind(now_ms)
        .fetch_all(pool)
        .await?);
        Ok(rows
            .into_iter()
            .map(|r| OpenLink {
                id: r.code_hash[..SHOWN_ID.min(r.code_hash.len())].to_string(),
                kind: if r.account.is_some() {
                    LinkKind::Reset
                } else {
                    LinkKind::Invitation
                },
                role: r.role,
                account: r.account,
                made_by: r.invited_by,
                created_at: millis_to_utc(r.created_at),
                expires_at: millis_to_utc(r.expires_at),
            })
            .collect())
    }

    /// Revokes the open link a list named `shown_id`: whether there was one.
    pub async fn revoke_link(
        &self,
        shown_id: &str,
        actor: &str,
        now_ms: i64,
    ) -> Result<bool, sqlx::Error> {
        if shown_id.len() != SHOWN_ID || !shown_id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(false);
        }
        let shown_id = shown_id.to_ascii_lowercase();
        on_engine!(self, pool => {
            let mut tx = pool.begin().await?;
            let revoked = revoke_links!(tx, Revoke::Shown, now_ms, actor, &shown_id);
            tx.commit().await?;
            Ok(revoked > 0)
        })
    }

    /// Files an invitation (only the code's hash) and its audit line.
    pub async fn add_invitation(
        &self,
        code_hash: &str,
        role: Role,
        invited_by: &str,
        now_ms: i64,
        expires_ms: i64,
    ) -> Result<(), sqlx::Error> {
        on_engine!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "INSERT INTO invitations (code_hash, role, invited_by, created_at, expires_at)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(code_hash)
            .bind(role)
            .bind(invited_by)
            .bind(now_ms)
            .bind(expires_ms)
            .execute(&mut *tx)
            .await?;
            audit!(tx, now_ms, invited_by, AuditAction::Invite, subject = role.as_str())?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Spends an invitation on a new account. A used, late or unknown code changes nothing; so
    /// does a name already taken (the invitation stays good for another try).
    pub async fn join(
        &self,
        code_hash: &str,
        username: &str,
        password_hash: &str,
        now_ms: i64,
    ) -> Result<Outcome, sqlx::Error> {
        on_engine!(self, pool => {
            let mut tx = pool.begin().await?;
            let spent: Option<(Role, String)> = sqlx::query_as(
                "UPDATE invitations SET used_by = $1
                 WHERE code_hash = $2 AND used_by IS NULL AND expires_at > $3 AND account IS NULL
                   AND invited_by IN (SELECT username FROM accounts
                                      WHERE role = 'admin' AND NOT disabled)
                 RETURNING role, invited_by",
            )
            .bind(username)
            .bind(code_hash)
            .bind(now_ms)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((role, invited_by)) = spent else {
                return Ok(Outcome::InvitationSpent);
            };
            let made = sqlx::query(
                "INSERT INTO accounts (username, role, password_hash, created_at)
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(username)
            .bind(role)
            .bind(password_hash)
            .bind(now_ms)
            .execute(&mut *tx)
            .await;
            match made {
                Err(e) if is_unique_violation(&e) => return Ok(Outcome::NameTaken),
                other => other?,
            };
            audit!(tx, now_ms, username, AuditAction::Join, subject = invited_by)?;
            tx.commit().await?;
        });
        Ok(Outcome::Done)
    }
}
