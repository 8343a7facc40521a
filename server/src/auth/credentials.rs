//! Passwords and the second factor. Passwords are hashed with argon2id (the `argon2` crate's
//! defaults: RFC 9106's second recommended option, 19 MiB, 2 passes), on the blocking pool
//! because a hash takes tens of milliseconds of one core; only the PHC string is stored. The
//! second factor is RFC 6238 (`totp-rs`): six digits, 30-second steps, one step of clock drift
//! either way, each step's code accepted once.

use std::sync::OnceLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use subtle::ConstantTimeEq;
use totp_rs::{Algorithm, Secret, TOTP};

use crate::error::AppError;

/// How long an invitation link is good for.
pub const INVITATION_MS: i64 = 72 * 60 * 60 * 1000;
const STEP_S: u64 = 30;
const ISSUER: &str = "Infoshos";

fn hash_now(password: &str) -> Result<String, AppError> {
    let salt = SaltString::encode_b64(&crate::form_token::new_secret()[..16])
        .map_err(|_| AppError::Internal)?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|_| AppError::Internal)
}

/// The PHC string to store for `password`.
pub async fn hash_password(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || hash_now(&password))
        .await
        .map_err(|_| AppError::Internal)?
}

/// Whether `password` is the one `stored` was made from. With no account (`None`) a hash is
/// still checked, so a wrong name takes as long to refuse as a wrong password.
pub async fn password_matches(password: String, stored: Option<String>) -> bool {
    static NOBODY: OnceLock<String> = OnceLock::new();
    tokio::task::spawn_blocking(move || {
        let nobody = NOBODY.get_or_init(|| hash_now("nobody's password").unwrap_or_default());
        let phc = stored.as_deref().unwrap_or(nobody);
        let Ok(parsed) = PasswordHash::new(phc) else {
            return false;
        };
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
            && stored.is_some()
    })
    .await
    .unwrap_or(false)
}

fn totp(secret_base32: &str, username: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret_base32.to_string()).to_bytes().ok()?;
    TOTP::new(
        Algorithm::SHA1,
        6,
        1,
        STEP_S,
        bytes,
        Some(ISSUER.to_string()),
        username.to_string(),
    )
    .ok()
}

/// A new secret for an authenticator app (160 bits, as RFC 4226 recommends), in base32, with
/// its `otpauth://` address.
pub fn new_second_factor(username: &str) -> Option<(String, String)> {
    let secret = Secret::Raw(crate::form_token::new_secret()[..20].to_vec())
        .to_encoded()
        .to_string();
    let uri = totp(&secret, username)?.get_url();
    Some((secret, uri))
}

/// The time step whose code `code` is, within one step of `now_s` either way; `None` when it
/// is none of them. Compared in constant time.
pub fn code_step(secret_base32: &str, username: &str, code: &str, now_s: u64) -> Option<u64> {
    let totp = totp(secret_base32, username)?;
    let code = code.trim();
    [now_s.saturating_sub(STEP_S), now_s, now_s + STEP_S]
        .into_iter()
        .find(|t| bool::from(totp.generate(*t).as_bytes().ct_eq(code.as_bytes())))
        .map(|t| t / STEP_S)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238's own test secret ("12345678901234567890" in ASCII) in base32.
    const RFC_SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    #[test]
    fn a_code_is_good_for_its_step_and_one_either_side_and_no_longer() {
        // RFC 6238 appendix B: at T = 59 s the SHA-1 code is 94287082; six digits keep 287082.
        assert_eq!(code_step(RFC_SECRET, "mila", "287082", 59), Some(1));
        assert_eq!(code_step(RFC_SECRET, "mila", " 287082 ", 59 + 30), Some(1));
        assert_eq!(code_step(RFC_SECRET, "mila", "287082", 59 - 30), Some(1));
        assert_eq!(code_step(RFC_SECRET, "mila", "287082", 59 + 60), None);
        assert_eq!(code_step(RFC_SECRET, "mila", "287083", 59), None);
        assert_eq!(code_step(RFC_SECRET, "mila", "", 59), None);
        // RFC 6238 appendix B at T = 1111111109 s: 07081804.
        assert_eq!(
            code_step(RFC_SECRET, "mila", "081804", 1_111_111_109),
            Some(1_111_111_109 / 30)
        );
    }

    #[test]
    fn a_new_second_factor_names_the_portal_and_the_person() {
        let (secret, uri) = new_second_factor("mila").unwrap();
        assert_eq!(secret.len(), 32, "160 bits in base32");
        assert!(uri.starts_with("otpauth://totp/Infoshos:mila?"), "{uri}");
        assert!(uri.contains(&format!("secret={secret}")), "{uri}");
        let (other, _) = new_second_factor("mila").unwrap();
        assert_ne!(secret, other);
    }

    #[tokio::test]
    async fn a_password_matches_its_own_hash_only() {
        let phc = hash_password("correct horse battery".into()).await.unwrap();
        assert!(phc.starts_with("$argon2id$"), "{phc}");
        assert!(!phc.contains("correct horse"));
        assert!(password_matches("correct horse battery".into(), Some(phc.clone())).await);
        assert!(!password_matches("correct horse battery!".into(), Some(phc)).await);
        assert!(!password_matches("nobody's password".into(), None).await);
        assert!(!password_matches("x".into(), Some("not a hash".into())).await);
    }
}
