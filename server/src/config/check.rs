//! What each setting allows, checked when the server starts: a bad one stops it with one line
//! that names the variable, the value and what is allowed, and exit code 2 — never a panic
//! later (a pace of 100 000 comments a minute used to panic inside the rate limiter) and never
//! a silent fallback (a `postgres://` URL used to become a local folder named `postgres:`).

use std::net::{IpAddr, SocketAddr};

use clap::CommandFactory;
use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::config::Config;

/// The most comments a minute a client may be allowed: the limiter's period is whole
/// milliseconds, so the pace must leave at least one between two comments (`make soak` and
/// the load tests run at this "no pace" setting).
pub const MAX_COMMENTS_PER_MINUTE: u32 = 60_000;
/// The largest burst: far more than any reader needs, and what the load tests use.
pub const MAX_COMMENT_BURST: u32 = 1_000_000;

pub fn addr(s: &str) -> Result<SocketAddr, String> {
    s.trim()
        .parse()
        .map_err(|_| "an address and port, like 127.0.0.1:8080 or [::1]:8080".into())
}

pub fn database_url(s: &str) -> Result<String, String> {
    const ALLOWED: &str = "sqlite://FILE (like sqlite://data/infoshos.db) or \
        postgres://USER:PASSWORD@HOST:PORT/DATABASE";
    let sqlite = s
        .strip_prefix("sqlite://")
        .or_else(|| s.strip_prefix("sqlite:"));
    if let Some(path) = sqlite {
        return match path.trim().is_empty() {
            false => Ok(s.to_string()),
            true => Err(ALLOWED.into()),
        };
    }
    match url::Url::parse(s) {
        Ok(u)
            if matches!(u.scheme(), "postgres" | "postgresql")
                && (u.host_str().is_some_and(|h| !h.is_empty())
                    || u.query_pairs().any(|(k, _)| k == "host")) =>
        {
            Ok(s.to_string())
        }
        _ => Err(ALLOWED.into()),
    }
}

pub fn rates_url(s: &str) -> Result<String, String> {
    match url::Url::parse(s) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host_str().is_some() => Ok(s.into()),
        Ok(u) if u.scheme() == "file" && u.path().len() > 1 => Ok(s.into()),
        _ => Err("an http(s):// address or a file:///path of the CBR daily XML".into()),
    }
}

pub fn rates_history_url(s: &str) -> Result<String, String> {
    const ALLOWED: &str = "an http(s):// address or a file:///path of the CBR dynamic XML, \
        with {id} where the currency's CBR id goes";
    rates_url(s)
        .ok()
        .filter(|s| s.contains("{id}"))
        .ok_or_else(|| ALLOWED.into())
}

pub fn rates_every_hours(s: &str) -> Result<u64, String> {
    whole(s, 1, 168, "a whole number of hours from 1 to 168")
}

pub fn read_counts_every(s: &str) -> Result<u64, String> {
    whole(s, 1, 3600, "a whole number of seconds from 1 to 3600")
}

pub fn comments_per_minute(s: &str) -> Result<u32, String> {
    let allowed = format!("a whole number from 1 to {MAX_COMMENTS_PER_MINUTE}");
    whole(s, 1, MAX_COMMENTS_PER_MINUTE.into(), &allowed).map(|n| n as u32)
}

pub fn comment_burst(s: &str) -> Result<u32, String> {
    let allowed = format!("a whole number from 1 to {MAX_COMMENT_BURST}");
    whole(s, 1, MAX_COMMENT_BURST.into(), &allowed).map(|n| n as u32)
}

/// An origin: `https://infoshos.example` or `http://127.0.0.1:8080`, nothing after the port.
pub fn public_url(s: &str) -> Result<String, String> {
    let origin = s.trim_end_matches('/');
    match url::Url::parse(origin) {
        Ok(u)
            if matches!(u.scheme(), "http" | "https")
                && u.host_str().is_some()
                && u.path() == "/"
                && u.query().is_none()
                && u.fragment().is_none()
                && u.username().is_empty() =>
        {
            Ok(origin.to_string())
        }
        _ => Err("the portal's origin, like https://infoshos.example (no path)".into()),
    }
}

pub fn embed_origins(s: &str) -> Result<String, String> {
    crate::middleware::framing::ancestors(s)
        .map(|_| s.to_string())
        .map_err(|_| {
            "* or origins like https://partner.example, separated by spaces or commas".into()
        })
}

pub fn trusted_proxy(s: &str) -> Result<IpAddr, String> {
    s.trim()
        .parse()
        .map_err(|_| "IP addresses like 10.0.0.1, separated by commas".into())
}

/// Empty means "not set" (a token is made); a token someone chose must be hard to guess.
pub fn admin_token(s: &str) -> Result<String, String> {
    if s.is_empty() || (s.chars().count() >= 16 && !s.chars().any(char::is_control)) {
        Ok(s.to_string())
    } else {
        Err("at least 16 characters (or unset, to have one made)".into())
    }
}

fn whole(s: &str, min: u64, max: u64, allowed: &str) -> Result<u64, String> {
    match s.trim().parse::<u64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(allowed.to_string()),
    }
}

/// One line for a bad value: `INFOSHOS_X (--x) = "value": what is allowed`. `None` for other
/// errors (an unknown flag, `--help`), which clap says in its own words.
pub fn one_line(error: &clap::Error) -> Option<String> {
    if !matches!(
        error.kind(),
        ErrorKind::ValueValidation | ErrorKind::InvalidValue
    ) {
        return None;
    }
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg)?;
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let long = arg
        .trim_start_matches('-')
        .split([' ', '='])
        .next()?
        .to_string();
    let command = Config::command();
    let spec = command
        .get_arguments()
        .find(|a| a.get_long() == Some(&long))?;
    // A secret is never written to the log, even a wrong one.
    let value = if spec.is_hide_env_values_set() {
        "(hidden)".to_string()
    } else {
        format!("{value:?}")
    };
    let env = spec
        .get_env()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_default();
    let allowed = match text(ContextKind::ValidValue) {
        Some(values) => format!("one of {values}"),
        None => std::error::Error::source(error)
            .map(|e| e.to_string())
            .unwrap_or_else(|| "see --help".into()),
    };
    Some(format!(
        "infoshos-server: bad setting {env} (--{long}) = {value}: expected {allowed}"
    ))
}
