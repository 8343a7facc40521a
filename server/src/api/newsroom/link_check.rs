//! `GET /api/admin/link-check?url=`: what the page a link leads to answers, so the desk can warn
//! of a link to a page that is not there (404, 410) before readers find it. A page of ours is
//! looked up in-process; another site is asked with `HEAD` (`GET` if it refuses), a few
//! seconds at most. Never an address inside our own network: the server would otherwise be a
//! way for anyone with a desk account to probe it (the resolver drops private, loopback and
//! link-local addresses, and a redirect to one is not followed).

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use axum::Json;
use axum::extract::State;
use infoshos_model::editorial::LinkChecked;
use infoshos_model::links::Page;
use infoshos_model::rich_text::link_address;
use serde::Deserialize;

use crate::auth::session::{May, ToWrite};
use crate::error::{AppError, QueryParams};
use crate::state::AppState;

/// The client other sites are asked with.
#[derive(Clone, Debug)]
pub struct Checker {
    client: reqwest::Client,
    /// Addresses inside the network may be asked (the tests' own small servers).
    private_too: bool,
}

impl Checker {
    pub fn new(private_too: bool) -> Checker {
        let mut builder = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .user_agent(concat!("infoshos-link-check/", env!("CARGO_PKG_VERSION")))
            .redirect(reqwest::redirect::Policy::custom(move |attempt| {
                if attempt.previous().len() >= 5 {
                    attempt.error("more than five redirects")
                } else if !private_too && inside(attempt.url()) {
                    attempt.stop()
                } else {
                    attempt.follow()
                }
            }));
        if !private_too {
            builder = builder.dns_resolver(std::sync::Arc::new(PublicOnly));
        }
        Checker {
            client: builder.build().expect("a client of fixed settings"),
            private_too,
        }
    }

    async fn status(&self, url: &str) -> Option<u16> {
        let parsed = reqwest::Url::parse(url).ok()?;
        if !self.private_too && inside(&parsed) {
            return None;
        }
        let head = self.client.head(parsed.clone()).send().await.ok()?;
        let status = head.status().as_u16();
        if matches!(status, 405 | 501) {
            return Some(self.client.get(parsed).send().await.ok()?.status().as_u16());
        }
        Some(status)
    }
}

/// Whether `ip` is on the internet rather than in a private, loopback, link-local, shared or
/// reserved range.
fn public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(a) => {
            let [first, second, ..] = a.octets();
            !(a.is_private()
                || a.is_loopback()
                || a.is_link_local()
                || a.is_broadcast()
                || a.is_documentation()
                || a.is_unspecified()
                || a.is_multicast()
                || first == 0
                || (first == 100 && (second & 0xc0) == 64))
        }
        IpAddr::V6(a) => match a.to_ipv4_mapped() {
            Some(v4) => public(IpAddr::V4(v4)),
            None => {
                let first = a.segments()[0];
                !(a.is_loopback()
                    || a.is_unspecified()
                    || a.is_multicast()
                    || (first & 0xfe00) == 0xfc00
                    || (first & 0xffc0) == 0xfe80)
            }
        },
    }
}

/// Whether a URL names an address inside the network as its host (names are the resolver's).
fn inside(url: &reqwest::Url) -> bool {
    let Some(host) = url.host_str() else {
        return true;
    };
    match host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<IpAddr>()
    {
        Ok(ip) => !public(ip),
        Err(_) => host.eq_ignore_ascii_case("localhost"),
    }
}

/// Resolves names to the addresses on the internet only.
struct PublicOnly;

impl reqwest::dns::Resolve for PublicOnly {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        Box::pin(async move {
            let found: Vec<SocketAddr> = tokio::net::lookup_host((name.as_str(), 0))
                .await?
                .filter(|a| public(a.ip()))
                .collect();
            if found.is_empty() {
                return Err("no address on the internet".into());
            }
            Ok(Box::new(found.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

#[derive(Deserialize)]
pub struct LinkParams {
    url: Option<String>,
}

pub async fn check(
    State(state): State<AppState>,
    _editor: May<ToWrite>,
    QueryParams(p): QueryParams<LinkParams>,
) -> Result<Json<LinkChecked>, AppError> {
    let url = link_address(p.url.as_deref().unwrap_or_default())
        .map_err(|_| AppError::BadRequest("url: not an address a link may have".into()))?;
    let status = match url.strip_prefix('/') {
        Some(_) => Some(own_page(&state, &url).await?),
        None if url.starts_with("mailto:") => None,
        None => state.link_check.status(&url).await,
    };
    Ok(Json(LinkChecked { status }))
}

/// What a page of ours answers: an article that readers can see, or any other page the
/// portal has.
async fn own_page(state: &AppState, url: &str) -> Result<u16, AppError> {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    Ok(match Page::parse(path) {
        // Only whether readers can open it: its id, not the whole article and its related list.
        Some(Page::Article(_, slug)) => match state.storage.article_id(&slug).await? {
            Some(_) => 200,
            None => 404,
        },
        Some(_) => 200,
        None => 404,
    })
}
