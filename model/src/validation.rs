//! The field rules of the portal, one family for every form and parameter: a reader's comment
//! (the form runs `validate_comment` before sending and the server again on what arrives, so
//! both always agree), an editor's draft (`editorial`), a widget's parameters (`widgets`) and
//! the API's query values. Lengths count characters, not bytes, after trimming.

use crate::NewComment;

pub const NAME_MAX: usize = 80;
pub const TEXT_MIN: usize = 3;
pub const TEXT_MAX: usize = 4000;
pub const EMAIL_MAX: usize = 254;

/// The fields of a comment form, in the order a reader meets them.
pub const FIELDS: [&str; 3] = ["name", "email", "text"];

/// What is wrong with one field. Its words are in each language's table
/// (`src/i18n`, `problem_message`), for the form and the server's answer alike.
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
    one_line(name, 1, NAME_MAX)
}

fn check_text(text: &str) -> Option<Problem> {
    lines(text, TEXT_MIN, TEXT_MAX)
}

/// The invisible marks that turn the direction of the text around them (U+202E makes
/// "txt.exe" read "exe.txt"): a name with one can pass for someone else's.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// One line of text (a name, a title): no control characters at all, nor direction marks,
/// `min..=max` characters.
pub fn one_line(s: &str, min: usize, max: usize) -> Option<Problem> {
    let s = s.trim();
    if s.chars().any(|c| c.is_control() || is_bidi_control(c)) {
        return Some(Problem::ControlCharacters);
    }
    length(s, min, max)
}

/// Text of several lines (a comment): line breaks and tabs allowed, no other control
/// characters, `min..=max` characters.
pub fn lines(s: &str, min: usize, max: usize) -> Option<Problem> {
    let s = s.trim();
    if s.chars()
        .any(|ch| ch.is_control() && ch != '\n' && ch != '\r' && ch != '\t')
    {
        return Some(Problem::ControlCharacters);
    }
    length(s, min, max)
}

/// `min..=max` characters of the trimmed text; empty is "required".
pub fn length(s: &str, min: usize, max: usize) -> Option<Problem> {
    let s = s.trim();
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

/// The longest address an article may have.
pub const SLUG_MAX: usize = 100;

/// An article's address: 1 to `SLUG_MAX` lower-case Latin letters, digits and hyphens, not
/// starting or ending with a hyphen. Editors' drafts, widget parameters and oEmbed addresses
/// all check it here.
pub fn is_slug(s: &str) -> bool {
    (1..=SLUG_MAX).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// A state's ISO 3166-1 code as the portal writes it: two capital Latin letters (`KZ`).
/// Everywhere the same: `kz` is not a code, in a widget, a draft or the API.
pub fn is_country_code(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// A currency's ISO 4217 code as the CBR writes it: three capital Latin letters (`CNY`).
pub fn is_currency_code(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(name: &str, email: Option<&str>, text: &str) -> NewComment {
        NewComment {
            name: name.into(),
            email: email.map(Into::into),
            text: text.into(),
            ..Default::default()
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
        assert_eq!(problems.in_field_order().iter().flatten().count(), 3);
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
        for turned in ["Dana\u{202e}nimda", "\u{2067}Oleg", "Mila\u{200f}"] {
            let problems = validate_comment(&comment(turned, None, "text")).unwrap_err();
            assert_eq!(
                problems.name,
                Some(Problem::ControlCharacters),
                "{turned:?}"
            );
        }
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
    fn one_slug_rule_and_one_country_rule_for_every_form() {
        assert!(is_slug("laos-becomes-partner") && is_slug("article-1764430000000"));
        let long = "a".repeat(SLUG_MAX + 1);
        for bad in ["", "-a", "a-", "A", "a b", "a/b", "саммит", long.as_str()] {
            assert!(!is_slug(bad), "{bad}");
        }
        assert!(is_country_code("KZ"));
        for bad in ["kz", "Kz", "KAZ", "K", "", "1Z", "КZ"] {
            assert!(!is_country_code(bad), "{bad}");
        }
    }

    #[test]
    fn one_line_refuses_line_breaks_and_lines_keep_them() {
        assert_eq!(one_line("a\nb", 1, 10), Some(Problem::ControlCharacters));
        assert_eq!(lines("a\nb", 1, 10), None);
        assert_eq!(lines("a\u{7}b", 1, 10), Some(Problem::ControlCharacters));
        assert_eq!(length("  ", 1, 10), Some(Problem::Required));
        assert_eq!(length("ab", 3, 10), Some(Problem::TooShort { min: 3 }));
        assert_eq!(length("峰会峰会", 1, 3), Some(Problem::TooLong { max: 3 }));
    }
}
