//! A browser an editor has signed in from before: a cookie signed with the portal's key, naming
//! the account, kept 180 days. The per-account pace of sign-ins (which stops guessing one
//! person's password from many addresses) does not apply to it, so nobody can lock an editor
//! out by trying their name from elsewhere: only the per-client pace does.

use axum::http::HeaderMap;
use axum_extra::extract::cookie::CookieJar;
use cookie::time::Duration;
use cookie::{Cookie, SameSite};

use crate::form_token;

pub const COOKIE: &str = "infoshos_device";
/// How long a browser is known after its last sign-in.
pub const KEPT_MS: i64 = 180 * 24 * 60 * 60 * 1000;

/// The signed subject: never an article's slug, so a comment form's token cannot pass for it.
fn subject(username: &str) -> String {
    format!("device\n{username}")
}

/// The cookie that marks this browser as one `username` signed in from.
pub fn cookie(secret: &[u8], username: &str, tls: bool, now_ms: i64) -> String {
    let token = form_token::issue(secret, &subject(username), now_ms);
    Cookie::build((COOKIE, format!("{username}.{token}")))
        .http_only(true)
        .same_site(SameSite::Strict)
        .path("/api/admin")
        .secure(tls)
        .max_age(Duration::milliseconds(KEPT_MS))
        .build()
        .to_string()
}

/// Whether the request comes from a browser `username` signed in from within `KEPT_MS`.
pub fn known(headers: &HeaderMap, secret: &[u8], username: &str, now_ms: i64) -> bool {
    let jar = CookieJar::from_headers(headers);
    let Some(value) = jar.get(COOKIE).map(|c| c.value()) else {
        return false;
    };
    let Some((name, token)) = value.split_once('.') else {
        return false;
    };
    name == username
        && form_token::issued_at(secret, &subject(username), token)
            .is_some_and(|issued| issued <= now_ms && now_ms - issued <= KEPT_MS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::header;

    fn carrying(cookie: &str) -> HeaderMap {
        let pair = cookie.split(';').next().unwrap();
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, pair.parse().unwrap());
        headers
    }

    #[test]
    fn a_device_cookie_vouches_for_its_own_account_only_and_not_forever() {
        let key = b"the portal's key";
        let now = 1_800_000_000_000;
        let made = cookie(key, "mila", false, now);
        assert!(made.contains("HttpOnly") && made.contains("SameSite=Strict"));
        assert!(known(&carrying(&made), key, "mila", now + 1000));
        assert!(!known(&carrying(&made), key, "oleg", now + 1000));
        assert!(!known(&carrying(&made), b"another key", "mila", now + 1000));
        assert!(!known(
            &carrying(&made),
            key,
            "mila",
            now + 181 * 86_400_000
        ));
        // A name changed in the cookie does not carry the tag with it.
        let forged = made.replacen("mila.", "oleg.", 1);
        assert!(!known(&carrying(&forged), key, "oleg", now + 1000));
        assert!(!known(&HeaderMap::new(), key, "mila", now));
        assert!(cookie(key, "mila", true, now).contains("Secure"));
    }
}
