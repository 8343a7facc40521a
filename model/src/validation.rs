//! The rules for a reader's comment. The form runs this very function before sending and the
//! server runs it again on what arrives, so both always agree.

use std::collections::BTreeMap;

use crate::NewComment;

pub const NAME_MAX: usize = 80;
pub const TEXT_MIN: usize = 3;
pub const TEXT_MAX: usize = 4000;
pub const EMAIL_MAX: usize = 254;

/// The fields of a comment form, in the order a reader meets them.
pub const FIELDS: [&str; 3] = ["name", "email", "text"];

/// What is wrong with one field. Messages are chosen by the caller's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooShort {
        min: usize,
    },
    TooLong {
        max: usize,
    },
    ControlCharacters,
    InvalidEmail,
    /// The same text was posted to the same article a moment ago (see `spam`).
    Duplicate,
}

impl Problem {
    /// The English message, used by the API.
    pub fn message_en(self) -> String {
        match self {
            Problem::Required => "Please fill in this field.".into(),
            Problem::TooShort { min } => format!("Please write at least {min} characters."),
            Problem::TooLong { max } => format!("Please keep it to {max} characters or fewer."),
            Problem::ControlCharacters => "This contains characters that cannot be shown.".into(),
            Problem::InvalidEmail => "This does not look like an email address.".into(),
            Problem::Duplicate => "You have just posted this same comment here.".into(),
        }
    }
}

/// Every invalid field of a comment, at once, so the reader can fix them in one go.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommentProblems {
    pub name: Option<Problem>,
    pub email: Option<Problem>,
    pub text: Option<Problem>,
}

impl CommentProblems {
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.email.is_none() && self.text.is_none()
    }

    /// The problems in the order of `FIELDS`.
    pub fn in_field_order(&self) -> [Option<Problem>; 3] {
        [self.name, self.email, self.text]
    }

    /// Field name → English message, the `fields` of a 422 answer.
    pub fn to_fields_en(&self) -> BTreeMap<String, String> {
        FIELDS
            .into_iter()
            .zip(self.in_field_order())
            .filter_map(|(field, p)| p.map(|p| (field.to_string(), p.message_en())))
            .collect()
    }
}

/// Checks a comment. Lengths count characters (not bytes) after trimming, so a name in
/// Cyrillic or Chinese gets the same room as one in Latin letters.
pub fn validate_comment(c: &NewComment) -> Result<(), CommentProblems> {
    let problems = CommentProblems {
        name: check_name(&c.name),
        email: c.email.as_deref().and_then(check_email),
        text: check_text(&c.text),
    };
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

fn check_name(name: &str) -> Option<Problem> {
    let name = name.trim();
    // A name is one line: no control characters at all.
    if name.chars().any(char::is_control) {
        return Some(Problem::ControlCharacters);
    }
    check_length(name, 1, NAME_MAX)
}

fn check_text(text: &str) -> Option<Problem> {
    let text = text.trim();
    // Line breaks and tabs are fine in a comment; other control characters are not.
    if text
        .chars()
        .any(|ch| ch.is_control() && ch != '\n' && ch != '\r' && ch != '\t')
    {
        return Some(Problem::ControlCharacters);
    }
    check_length(text, TEXT_MIN, TEXT_MAX)
}

fn check_length(s: &str, min: usize, max: usize) -> Option<Problem> {
    let len = s.chars().count();
    if len == 0 {
        Some(Problem::Required)
    } else if len < min {
        Some(Problem::TooShort { min })
    } else if len > max {
        Some(Problem::TooLong { max })
    } else {
        None
    }
}

/// An empty email means "not given". Otherwise: one `@`, something before it, and a domain
/// with a dot that neither starts nor ends it. Plausible, not RFC 5322: the only real check of
/// an address is a message that arrives.
fn check_email(email: &str) -> Option<Problem> {
    let email = email.trim();
    if email.is_empty() {
        return None;
    }
    if email.chars().count() > EMAIL_MAX {
        return Some(Problem::TooLong { max: EMAIL_MAX });
    }
    let plausible = match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains("..")
        }
        None => false,
    };
    let clean = !email
        .chars()
        .any(|ch| ch.is_whitespace() || ch.is_control());
    if plausible && clean {
        None
    } else {
        Some(Problem::InvalidEmail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(name: &str, email: Option<&str>, text: &str) -> NewComment {
        NewComment {
            name: name.into(),
            email: email.map(Into::into),
            text: text.into(),
            website: String::new(),
            key: None,
            token: None,
        }
    }

    #[test]
    fn a_plain_comment_is_valid() {
        assert_eq!(
            validate_comment(&comment("Aigerim", None, "Good summary.")),
            Ok(())
        );
        assert_eq!(
            validate_comment(&comment("Айгерим", Some("a@b.kz"), "Спасибо!")),
            Ok(())
        );
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let problems = validate_comment(&comment("  ", Some("nope"), "hi")).unwrap_err();
        assert_eq!(problems.name, Some(Problem::Required));
        assert_eq!(problems.email, Some(Problem::InvalidEmail));
        assert_eq!(problems.text, Some(Problem::TooShort { min: 3 }));
        assert_eq!(problems.to_fields_en().len(), 3);
    }

    #[test]
    fn lengths_count_characters_after_trimming() {
        let name = "Ж".repeat(NAME_MAX);
        assert_eq!(
            validate_comment(&comment(&format!("  {name}  "), None, "abc")),
            Ok(())
        );
        let long = "Ж".repeat(NAME_MAX + 1);
        let problems = validate_comment(&comment(&long, None, "abc")).unwrap_err();
        assert_eq!(problems.name, Some(Problem::TooLong { max: NAME_MAX }));
        let text = "x".repeat(TEXT_MAX + 1);
        let problems = validate_comment(&comment("A", None, &text)).unwrap_err();
        assert_eq!(problems.text, Some(Problem::TooLong { max: TEXT_MAX }));
        assert_eq!(
            validate_comment(&comment("A", None, "  ab  "))
                .unwrap_err()
                .text,
            Some(Problem::TooShort { min: TEXT_MIN })
        );
    }

    #[test]
    fn control_characters_are_refused_but_line_breaks_in_text_are_fine() {
        assert_eq!(
            validate_comment(&comment("A", None, "line one\nline two\tok")),
            Ok(())
        );
        let problems = validate_comment(&comment("A\u{7}B", None, "bell\u{0}")).unwrap_err();
        assert_eq!(problems.name, Some(Problem::ControlCharacters));
        assert_eq!(problems.text, Some(Problem::ControlCharacters));
        let problems = validate_comment(&comment("A\nB", None, "text")).unwrap_err();
        assert_eq!(problems.name, Some(Problem::ControlCharacters));
    }

    #[test]
    fn emails_are_checked_only_when_given() {
        for ok in [None, Some(""), Some("  "), Some("editor@infoshos.example")] {
            assert_eq!(validate_comment(&comment("A", ok, "abc")), Ok(()), "{ok:?}");
        }
        for bad in [
            "a@b", "@b.kz", "a@@b.kz", "a@.kz", "a@b.kz.", "a b@c.kz", "a@b..kz",
        ] {
            let problems = validate_comment(&comment("A", Some(bad), "abc")).unwrap_err();
            assert_eq!(problems.email, Some(Problem::InvalidEmail), "{bad}");
        }
    }

    #[test]
    fn messages_name_the_limits() {
        assert!(Problem::TooLong { max: 80 }.message_en().contains("80"));
        assert!(Problem::TooShort { min: 3 }.message_en().contains('3'));
    }
}
