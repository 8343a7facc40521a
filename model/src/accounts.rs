//! The newsroom's people: who may do what (`Role::may`, the one rule the server checks on every
//! editors' route and `/admin` uses to choose what to show), the rules for names and passwords,
//! and what sign-in, set-up, invitations, sessions and the second factor say on the wire.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What an account may do. Each role can do everything the one before it can.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type))]
#[cfg_attr(feature = "sqlx", sqlx(type_name = "text", rename_all = "lowercase"))]
pub enum Role {
    /// Comments only.
    Moderator,
    /// Articles and comments.
    Editor,
    /// Articles, comments and people.
    Admin,
}

/// A kind of action on the editors' API; each route needs one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Power {
    /// The comment queue: read it, approve, reject, delete.
    Moderate,
    /// Articles: the list, drafts, preview, publish, correct, take down.
    Write,
    /// People: accounts, invitations, roles, other people's sessions.
    People,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Moderator, Role::Editor, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Moderator => "moderator",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == code)
    }

    /// Whether this role may use `power`.
    pub fn may(self, power: Power) -> bool {
        let needs = match power {
            Power::Moderate => Role::Moderator,
            Power::Write => Role::Editor,
            Power::People => Role::Admin,
        };
        self >= needs
    }
}

pub const USERNAME_MIN: usize = 3;
pub const USERNAME_MAX: usize = 32;
/// NIST SP 800-63B asks for at least 8 and room for long passphrases; editors hold the keys to
/// the front page, so a little more.
pub const PASSWORD_MIN: usize = 10;
pub const PASSWORD_MAX: usize = 256;

/// Why a name or password is refused, for the form to say in its own language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum CredentialProblem {
    /// Not 3–32 of a–z, 0–9, `.`, `_`, `-`, starting with a letter.
    Username,
    PasswordShort,
    PasswordLong,
    /// The password contains the name.
    PasswordIsName,
}

/// Names are what the audit shows, so they are plain and unambiguous: lowercase Latin letters,
/// digits, `.`, `_` and `-`, starting with a letter.
pub fn username_fits(name: &str) -> bool {
    (USERNAME_MIN..=USERNAME_MAX).contains(&name.len())
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c))
}

/// The first problem with a new account's name and password, if any.
pub fn credential_problem(username: &str, password: &str) -> Option<CredentialProblem> {
    let length = password.chars().count();
    if !username_fits(username) {
        Some(CredentialProblem::Username)
    } else if length < PASSWORD_MIN {
        Some(CredentialProblem::PasswordShort)
    } else if length > PASSWORD_MAX {
        Some(CredentialProblem::PasswordLong)
    } else if password.to_lowercase().contains(username) {
        Some(CredentialProblem::PasswordIsName)
    } else {
        None
    }
}

/// `POST /api/admin/login`. `code` is the six digits of the second factor, for those who
/// turned it on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignIn {
    pub username: String,
    pub password: String,
    #[serde(default)]
    pub code: Option<String>,
}

/// `POST /api/admin/setup`: the first admin, with the first-start token, once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SetUp {
    pub token: String,
    pub username: String,
    pub password: String,
}

/// `POST /api/admin/join`: an account from an invitation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Join {
    pub code: String,
    pub username: String,
    pub password: String,
}

/// `POST /api/admin/invitations`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Invite {
    pub role: Role,
}

/// A new invitation: the link to send, good once until `expires_at`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Invitation {
    pub link: String,
    pub role: Role,
    #[serde(deserialize_with = "crate::wire_time::instant")]
    pub expires_at: DateTime<Utc>,
}

/// The fragment of `/admin/` that carries an invitation's code: a fragment never reaches a
/// server's log or another site's `Referer`.
pub const INVITE_FRAGMENT: &str = "#invite=";
/// The fragment that carries a reset link's code (an admin makes one for a person who forgot
/// their password).
pub const RESET_FRAGMENT: &str = "#reset=";

/// `POST /api/admin/password`: one's own password changed; the other sessions end.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PasswordChange {
    pub current: String,
    pub new: String,
}

/// `POST /api/admin/reset`: a new password through a reset link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reset {
    pub code: String,
    pub password: String,
}

/// Who is signed in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Me {
    pub username: String,
    pub role: Role,
    pub second_factor: bool,
}

/// `GET /api/admin/session`: who is signed in, if anyone, and whether the portal still waits
/// for its first admin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionState {
    #[serde(default)]
    pub me: Option<Me>,
    pub set_up_needed: bool,
}

/// One account, as admins see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    pub username: String,
    pub role: Role,
    pub disabled: bool,
    pub second_factor: bool,
    pub sessions: i64,
    #[serde(deserialize_with = "crate::wire_time::instant")]
    pub created_at: DateTime<Utc>,
}

/// `PUT /api/admin/accounts/{username}`: a new role, disabled or enabled again.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AccountChange {
    #[serde(default)]
    pub role: Option<Role>,
    #[serde(default)]
    pub disabled: Option<bool>,
}

/// One open session: where and when it began, until when it lasts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OpenSession {
    /// Names the session for ending it; not the cookie, nor enough to make one.
    pub id: String,
    pub username: String,
    pub user_agent: String,
    #[serde(deserialize_with = "crate::wire_time::instant")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::wire_time::instant")]
    pub expires_at: DateTime<Utc>,
    /// The session this request came with.
    pub current: bool,
}

/// A second factor being set up: the secret for the authenticator app, as text and as an
/// `otpauth://` address. It counts once a code from the app is confirmed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SecondFactorSetUp {
    pub secret: String,
    pub uri: String,
}

/// A code from the authenticator app, to confirm a new second factor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Code {
    pub code: String,
}

/// `POST /api/admin/second-factor/off`: a code not used before and the current password, so
/// a session left open (or a code seen over a shoulder) is not enough to take the factor away.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactorOff {
    pub code: String,
    pub password: String,
}

/// What an open link does: make a new account, or set an account's password.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    Invitation,
    Reset,
}

/// `GET /api/admin/invitations`: an invitation or reset link not used yet, not expired.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OpenLink {
    /// Names the link for revoking it (`DELETE /api/admin/invitations/{id}`); not its code.
    pub id: String,
    pub kind: LinkKind,
    /// The role an invitation gives, or the role of the account a reset link is for.
    pub role: Role,
    /// Whose password a reset link sets.
    #[serde(default)]
    pub account: Option<String>,
    pub made_by: String,
    #[serde(deserialize_with = "crate::wire_time::instant")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::wire_time::instant")]
    pub expires_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests;
