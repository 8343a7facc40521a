//! The newsroom's accounts and invitations. Every change that gives or takes away access is
//! written with its audit line in one transaction.

use super::audit::audit;
use infoshos_model::accounts::{Account, AccountChange, Role};
use infoshos_model::admin::AuditAction;
use sqlx::FromRow;

use super::{
    BeginWrite, Revoke, Storage, is_unique_violation, millis_to_utc, on_engine, revoke_links,
};

/// What sign-in needs to know about an account.
#[derive(FromRow, Debug, Clone)]
pub struct StoredAccount {
    pub id: i64,
    pub username: String,
    pub role: Role,
    pub password_hash: String,
    pub totp_secret: Option<String>,
    pub totp_pending: Option<String>,
    pub disabled: bool,
}

#[derive(FromRow)]
struct AccountRow {
    username: String,
    role: Role,
    disabled: bool,
    second_factor: bool,
    sessions: i64,
    created_at: i64,
}

/// How a change to an account went.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Done,
    NoSuchAccount,
    /// It would leave the portal without an admin who can sign in.
    LastAdmin,
    /// The name is someone else's.
    NameTaken,
    /// The invitation was used already, has expired, or never was.
    InvitationSpent,
    /// There is an account already: the first admin is made once.
    AlreadySetUp,
}

/// The audit line for an action on people: who did it, and to whom.
impl Storage {
    /// Whether the portal still waits for its first admin.
    pub async fn set_up_needed(&self) -> Result<bool, sqlx::Error> {
        on_engine!(self, pool => sqlx::query_scalar("SELECT NOT EXISTS (SELECT 1 FROM accounts)")
            .fetch_one(pool)
            .await)
    }

    /// Makes an admin with a token and forgets the token (`token_setting`) in the same
    /// transaction, so it works once: the first admin (`first`, only while there is no account
    /// at all), or one more with a recovery token (`recovery`).
    pub async fn set_up(
        &self,
        username: &str,
        password_hash: &str,
        token_setting: &str,
        now_ms: i64,
        first: bool,
    ) -> Result<Outcome, sqlx::Error> {
        let insert = if first {
            "INSERT INTO accounts (username, role, password_hash, created_at)
             SELECT $1, 'admin', $2, $3 WHERE NOT EXISTS (SELECT 1 FROM accounts)"
        } else {
            "INSERT INTO accounts (username, role, password_hash, created_at)
             VALUES ($1, 'admin', $2, $3)"
        };
        on_engine!(self, pool => {
            let mut tx = pool.begin().await?;
            let made = sqlx::query(insert)
                .bind(username)
                .bind(password_hash)
                .bind(now_ms)
                .execute(&mut *tx)
                .await;
            let made = match made {
                Err(e) if is_unique_violation(&e) => return Ok(Outcome::NameTaken),
                other => other?.rows_affected(),
            };
            if made == 0 {
                return Ok(Outcome::AlreadySetUp);
            }
            sqlx::query("DELETE FROM settings WHERE name = $1")
                .bind(token_setting)
                .execute(&mut *tx)
                .await?;
            audit!(tx, now_ms, username, AuditAction::SetUp, subject = username)?;
            tx.commit().await?;
        });
        Ok(Outcome::Done)
    }

    pub async fn account(&self, username: &str) -> Result<Option<StoredAccount>, sqlx::Error> {
        on_engine!(self, pool => sqlx::query_as(
            "SELECT id, username, role, password_hash, totp_secret, totp_pending, disabled
             FROM accounts WHERE username = $1",
        )
        .bind(username)
        .fetch_optional(pool)
        .await)
    }

    /// Every account, admins first, with how many sessions each has open.
    pub async fn accounts(&self, now_ms: i64) -> Result<Vec<Account>, sqlx::Error> {
        let rows: Vec<AccountRow> = on_engine!(self, pool => sqlx::query_as(
            "SELECT a.username, a.role, a.disabled, a.totp_secret IS NOT NULL AS second_factor,
                    (SELECT count(*) FROM admin_sessions s
                     WHERE s.account_id = a.id AND s.expires_at > $1) AS sessions,
                    a.created_at
             FROM accounts a
             ORDER BY CASE a.role WHEN 'admin' THEN 0 WHEN 'editor' THEN 1 ELSE 2 END, a.username",
        )
        .bind(now_ms)
        .fetch_all(pool)
        .await?);
        Ok(rows
            .into_iter()
            .map(|r| Account {
                username: r.username,
                role: r.role,
                disabled: r.disabled,
                second_factor: r.second_factor,
                sessions: r.sessions,
                created_at: millis_to_utc(r.created_at),
            })
            .collect())
    }

    /// A new role, or the account disabled or enabled again. Disabling ends its sessions in
    /// the same transaction; an account that is no longer an enabled admin loses every
    /// invitation and reset link it made. The last admin who can sign in keeps the role and
    /// the access. Two admins changing accounts at once queue (`BeginWrite`; on PostgreSQL the
    /// rows read are locked), so both finish and the last-admin rule holds between them.
    pub async fn change_account(
        &self,
        username: &str,
        change: &AccountChange,
        actor: &str,
        now_ms: i64,
    ) -> Result<Outcome, sqlx::Error> {
        let lock = self.dialect("", " FOR UPDATE");
        let read = format!("SELECT id, role, disabled FROM accounts WHERE username = $1{lock}");
        let admins = format!(
            "SELECT id FROM accounts WHERE role = 'admin' AND NOT disabled AND id <> $1{lock}"
        );
        on_engine!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let found: Option<(i64, Role, bool)> = sqlx::query_as(&read)
                .bind(username)
                .fetch_optional(&mut *tx)
                .await?;
            let Some((id, role, disabled)) = found else {
                return Ok(Outcome::NoSuchAccount);
            };
            let new_role = change.role.unwrap_or(role);
            let new_disabled = change.disabled.unwrap_or(disabled);
            let was_admin = role == Role::Admin && !disabled;
            let stays_admin = new_role == Role::Admin && !new_disabled;
            if was_admin && !stays_admin {
                let others: Vec<i64> = sqlx::query_scalar(&admins)
                    .bind(id)
                    .fetch_all(&mut *tx)
                    .await?;
                if others.is_empty() {
                    return Ok(Outcome::LastAdmin);
                }
            }
            sqlx::query("UPDATE accounts SET role = $1, disabled = $2 WHERE id = $3")
                .bind(new_role)
                .bind(new_disabled)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            if new_disabled {
                sqlx::query("DELETE FROM admin_sessions WHERE account_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
            }
            let mut actions = Vec::new();
            if new_role != role {
                actions.push(AuditAction::Role);
            }
            if new_disabled != disabled {
                actions.push(if new_disabled {
                    AuditAction::Disable
                } else {
                    AuditAction::Enable
                });
            }
            for action in actions {
                audit!(tx, now_ms, actor, action, subject = username)?;
            }
            if !stays_admin {
                revoke_links!(tx, Revoke::MadeBy, now_ms, actor, username);
            }
            tx.commit().await?;
        });
        Ok(Outcome::Done)
    }
}
