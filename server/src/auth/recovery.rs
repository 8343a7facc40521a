//! When no admin can sign in any more (passwords lost, the last one gone), the operator runs
//! `infoshos-server recovery-token` on the server: only someone with its shell and database can.
//! It keeps the hash of a new one-time token for an hour, and `/admin` then offers the set-up
//! page again, where the token makes one more admin and is spent in the same transaction.

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::storage::Storage;

pub const RECOVERY_SETTING: &str = "admin_recovery";
/// How long a recovery token is good for.
pub const RECOVERY_MS: i64 = 60 * 60 * 1000;

/// A new recovery token (shown once; its hash and end are kept), replacing any before it.
pub async fn make_token(storage: &Storage, now_ms: i64) -> Result<String, sqlx::Error> {
    let token = hex::encode(crate::form_token::new_secret());
    let mut kept = Sha256::digest(token.as_bytes()).to_vec();
    kept.extend_from_slice(&(now_ms + RECOVERY_MS).to_be_bytes());
    storage.set_setting(RECOVERY_SETTING, &kept).await?;
    Ok(token)
}

/// The kept token's hash, while it is good.
async fn kept(storage: &Storage, now_ms: i64) -> Result<Option<Vec<u8>>, sqlx::Error> {
    let Some(value) = storage.setting(RECOVERY_SETTING).await? else {
        return Ok(None);
    };
    let Some((hash, end)) = value.split_at_checked(32) else {
        return Ok(None);
    };
    let end = <[u8; 8]>::try_from(end)
        .map(i64::from_be_bytes)
        .unwrap_or(0);
    Ok((end > now_ms).then(|| hash.to_vec()))
}

/// Whether a recovery token is waiting to be used.
pub async fn open(storage: &Storage, now_ms: i64) -> Result<bool, sqlx::Error> {
    Ok(kept(storage, now_ms).await?.is_some())
}

/// Whether `token` is the recovery token, while it is good; compared in constant time.
pub async fn matches(storage: &Storage, token: &str, now_ms: i64) -> Result<bool, sqlx::Error> {
    let Some(hash) = kept(storage, now_ms).await? else {
        return Ok(false);
    };
    let given = Sha256::digest(token.as_bytes());
    Ok(bool::from(given.as_slice().ct_eq(&hash)))
}
