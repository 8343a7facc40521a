//! The words of the newsroom's people: set-up, sign-in, invitations, accounts, sessions and
//! the second factor, in `/admin` and in the server's answers to it.

use infoshos_model::Lang;
use infoshos_model::accounts::{CredentialProblem, PASSWORD_MAX, PASSWORD_MIN, Role};

pub use super::en::PEOPLE_EN;
pub use super::ru::PEOPLE_RU;
pub use super::zh::PEOPLE_ZH;

pub struct PeopleUi {
    pub username: &'static str,
    pub username_note: &'static str,
    pub password: &'static str,
    pub new_password: &'static str,
    pub code: &'static str,
    pub set_up_title: &'static str,
    pub set_up_note: &'static str,
    pub set_up: &'static str,
    pub join_title: &'static str,
    pub join: &'static str,
    /// `{}` the name, `{}` the role.
    pub signed_in_as: &'static str,
    pub people: &'static str,
    pub my_account: &'static str,
    /// Each role in words, as `Role::ALL` orders them, with what it may do.
    pub roles: [(&'static str, &'static str); 3],
    pub role: &'static str,
    pub invite: &'static str,
    pub make_link: &'static str,
    /// `{}`: when the link stops working.
    pub link_made: &'static str,
    pub status: &'static str,
    pub active: &'static str,
    pub disabled: &'static str,
    pub disable: &'static str,
    pub enable: &'static str,
    pub second_factor: &'static str,
    pub sessions: &'static str,
    pub since: &'static str,
    pub browser: &'static str,
    pub until: &'static str,
    pub this_session: &'static str,
    pub end: &'static str,
    pub on: &'static str,
    pub off: &'static str,
    pub turn_on: &'static str,
    pub turn_off: &'static str,
    pub second_factor_note: &'static str,
    pub secret: &'static str,
    pub confirm: &'static str,
    pub saved: &'static str,
    /// The audit's people actions as stored and in words.
    pub actions: [(&'static str, &'static str); 15],
    /// Passwords: one's own changed, or set through a reset link an admin made.
    pub change_password: &'static str,
    pub current_password: &'static str,
    pub password_changed: &'static str,
    pub reset_link: &'static str,
    pub reset_title: &'static str,
    pub reset: &'static str,
    /// The server's answers.
    pub wrong_current: &'static str,
    pub wrong_password: &'static str,
    pub account_disabled: &'static str,
    pub code_needed: &'static str,
    pub code_wrong: &'static str,
    pub set_up_done: &'static str,
    pub invitation_spent: &'static str,
    pub name_taken: &'static str,
    pub last_admin: &'static str,
    pub bad_username: &'static str,
    /// `{}`: the fewest characters.
    pub password_short: &'static str,
    /// `{}`: the most characters.
    pub password_long: &'static str,
    pub password_is_name: &'static str,
    /// Invitations and reset links not used yet, and revoking one.
    pub open_links: &'static str,
    /// The list's columns: what the link is, and the role it gives or the account it resets.
    pub link: &'static str,
    pub role_or_account: &'static str,
    pub no_open_links: &'static str,
    pub kind_invitation: &'static str,
    pub kind_reset: &'static str,
    pub made_by: &'static str,
    pub revoke: &'static str,
    /// A reset link's answer for an account with a second factor: sign in now.
    pub password_set_sign_in: &'static str,
}

/// The table for a language.
pub fn people_ui(lang: Lang) -> &'static PeopleUi {
    match lang {
        Lang::En => &PEOPLE_EN,
        Lang::Ru => &PEOPLE_RU,
        Lang::Zh => &PEOPLE_ZH,
    }
}

impl PeopleUi {
    /// A role in words.
    pub fn role(&self, role: Role) -> &'static str {
        let i = Role::ALL.iter().position(|r| *r == role).unwrap_or(0);
        self.roles[i].1
    }

    /// Why a name or password is refused, in this language.
    pub fn problem(&self, problem: CredentialProblem) -> String {
        match problem {
            CredentialProblem::Username => self.bad_username.to_string(),
            CredentialProblem::PasswordShort => {
                self.password_short
                    .replacen("{}", &PASSWORD_MIN.to_string(), 1)
            }
            CredentialProblem::PasswordLong => {
                self.password_long
                    .replacen("{}", &PASSWORD_MAX.to_string(), 1)
            }
            CredentialProblem::PasswordIsName => self.password_is_name.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_people_table_names_the_roles_and_actions_alike_and_fills_its_numbers() {
        for lang in Lang::ALL {
            let t = people_ui(lang);
            assert_eq!(t.roles.map(|(c, _)| c), Role::ALL.map(Role::as_str));
            assert_eq!(t.actions.map(|(c, _)| c), PEOPLE_EN.actions.map(|(c, _)| c));
            assert_eq!(t.link_made.matches("{}").count(), 1, "{lang:?}");
            assert_eq!(t.signed_in_as.matches("{}").count(), 2);
            assert!(t.problem(CredentialProblem::PasswordShort).contains("10"));
            assert!(t.problem(CredentialProblem::PasswordLong).contains("256"));
        }
    }
}
