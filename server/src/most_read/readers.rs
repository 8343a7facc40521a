//! Who counts as a reader: not a crawler, a link preview, a monitor or a headless browser (by
//! the `User-Agent` they name themselves with, against the kept `isbot` crate's patterns), not a
//! request that names no program at all, and not a page fetched ahead in case it is opened
//! (the `Sec-Purpose: prefetch` or `Purpose: prefetch` a browser sends then).

use std::sync::LazyLock;

use axum::http::HeaderMap;
use axum::http::header::USER_AGENT;

/// The known programs' patterns, made into one regular expression once.
static NOT_READERS: LazyLock<isbot::Bots> = LazyLock::new(isbot::Bots::default);

/// Whether the request is a person's reading: a browser's, not fetched ahead of time.
pub fn is_reading(headers: &HeaderMap) -> bool {
    let ahead = ["sec-purpose", "purpose"].iter().any(|name| {
        headers
            .get(*name)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.to_ascii_lowercase().contains("prefetch"))
    });
    let agent = headers
        .get(USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    !ahead && !agent.trim().is_empty() && !NOT_READERS.is_bot(agent)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, value.parse().unwrap());
        }
        map
    }

    const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    #[test]
    fn a_browser_reads_and_crawlers_previews_and_prefetches_do_not() {
        for agent in [
            FIREFOX,
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 YaBrowser/24.12.0.0 Safari/537.36",
        ] {
            assert!(is_reading(&headers(&[("user-agent", agent)])), "{agent}");
        }
        for agent in [
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; YandexBot/3.0)",
            "Mozilla/5.0 (compatible; bingbot/2.0)",
            "facebookexternalhit/1.1",
            "TelegramBot (like TwitterBot)",
            "curl/8.5.0",
            "python-requests/2.31",
            "UptimeRobot/2.0",
            "Slackbot-LinkExpanding 1.0",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/131.0 Safari/537.36",
        ] {
            assert!(!is_reading(&headers(&[("user-agent", agent)])), "{agent}");
        }
        assert!(!is_reading(&headers(&[])), "no User-Agent at all");
        let prefetched = [
            ("user-agent", FIREFOX),
            ("sec-purpose", "prefetch;prerender"),
        ];
        assert!(!is_reading(&headers(&prefetched)));
        assert!(!is_reading(&headers(&[
            ("user-agent", FIREFOX),
            ("purpose", "prefetch")
        ])));
    }
}
