//! The signed token every comment form carries: issued with the article, an HMAC over the
//! article and the time of issue. A post without one, with a forged one, with one older than a
//! day, or sent within two seconds of the form appearing (a bot, not a reader) is refused.

use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

pub const MAX_AGE_MS: i64 = 24 * 60 * 60 * 1000;
pub const MIN_AGE_MS: i64 = 2_000;

/// Why a token was refused, each with words for the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenProblem {
    Missing,
    Forged,
    Expired,
    TooFast,
}

impl TokenProblem {
    /// In the article's language (the reader reads it, so they write in it).
    pub fn message(self, lang: infoshos_model::Lang) -> &'static str {
        let words = infoshos_i18n::answers::answers(lang);
        match self {
            TokenProblem::Missing => words.token_missing,
            TokenProblem::Forged => words.token_forged,
            TokenProblem::Expired => words.token_expired,
            TokenProblem::TooFast => words.token_too_fast,
        }
    }
}

fn mac(secret: &[u8], slug: &str, issued_ms: i64) -> HmacSha256 {
    let mut mac = HmacSha256::new_from_slice(secret).expect("HMAC takes a key of any length");
    mac.update(slug.as_bytes());
    mac.update(b"\n");
    mac.update(issued_ms.to_string().as_bytes());
    mac
}

/// `{issued_ms}.{hex of the HMAC}` for this article.
pub fn issue(secret: &[u8], slug: &str, issued_ms: i64) -> String {
    let tag = mac(secret, slug, issued_ms).finalize().into_bytes();
    format!("{issued_ms}.{}", hex::encode(tag))
}

/// Checks a token for `slug` at time `now_ms`; the tag is compared in constant time.
pub fn check(
    secret: &[u8],
    slug: &str,
    token: Option<&str>,
    now_ms: i64,
) -> Result<(), TokenProblem> {
    let token = token
        .filter(|t| !t.is_empty())
        .ok_or(TokenProblem::Missing)?;
    let issued = issued_at(secret, slug, token).ok_or(TokenProblem::Forged)?;
    let age = now_ms - issued;
    if age > MAX_AGE_MS {
        Err(TokenProblem::Expired)
    } else if age < MIN_AGE_MS {
        Err(TokenProblem::TooFast)
    } else {
        Ok(())
    }
}

/// When a token for `subject` was issued, if its tag is ours (compared in constant time).
pub fn issued_at(secret: &[u8], subject: &str, token: &str) -> Option<i64> {
    let (issued, tag) = token.split_once('.')?;
    let issued: i64 = issued.parse().ok()?;
    let tag = hex::decode(tag).ok()?;
    mac(secret, subject, issued).verify_slice(&tag).ok()?;
    Some(issued)
}

/// A new random signing key (32 bytes from the operating system); the storage makes the one
/// a portal keeps.
pub use crate::storage::new_secret;

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"a key for tests only";
    const SLUG: &str = "laos-becomes-partner";
    const T: i64 = 1_800_000_000_000;

    #[test]
    fn a_token_holds_for_its_article_between_two_seconds_and_a_day() {
        let token = issue(KEY, SLUG, T);
        assert_eq!(check(KEY, SLUG, Some(&token), T + 5_000), Ok(()));
        assert_eq!(check(KEY, SLUG, Some(&token), T + MAX_AGE_MS), Ok(()));
        assert_eq!(
            check(KEY, SLUG, Some(&token), T + 1_000),
            Err(TokenProblem::TooFast)
        );
        assert_eq!(
            check(KEY, SLUG, Some(&token), T + MAX_AGE_MS + 1),
            Err(TokenProblem::Expired)
        );
    }

    #[test]
    fn missing_forged_and_borrowed_tokens_are_refused() {
        let token = issue(KEY, SLUG, T);
        let later = T + 10_000;
        assert_eq!(check(KEY, SLUG, None, later), Err(TokenProblem::Missing));
        assert_eq!(
            check(KEY, SLUG, Some(""), later),
            Err(TokenProblem::Missing)
        );
        assert_eq!(
            check(b"another key", SLUG, Some(&token), later),
            Err(TokenProblem::Forged)
        );
        assert_eq!(
            check(KEY, "another-article", Some(&token), later),
            Err(TokenProblem::Forged)
        );
        // A younger issue time under the old tag: the tag no longer matches.
        let (_, tag) = token.split_once('.').unwrap();
        let moved = format!("{}.{tag}", T + 5_000);
        assert_eq!(
            check(KEY, SLUG, Some(&moved), later),
            Err(TokenProblem::Forged)
        );
        for junk in ["x", "1.zz", "abc.00", "1.0", "1.é1"] {
            assert_eq!(
                check(KEY, SLUG, Some(junk), later),
                Err(TokenProblem::Forged),
                "{junk}"
            );
        }
    }
}
