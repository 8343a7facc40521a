//! Who counts as a reader: not a crawler, a link preview, a monitor or a headless browser (by
//! the words their `User-Agent` names itself with), and not a page fetched ahead in case it is
//! opened (the `Sec-Purpose: prefetch` or `Purpose: prefetch` a browser sends then). The list
//! is short and covers the words the big ones use; the kept `isbot` crate (its patterns) would
//! be the better source of the names.

use axum::http::HeaderMap;
use axum::http::header::USER_AGENT;

/// Words in a `User-Agent` that name a program, not a person reading (lower case).
const NOT_READERS: [&str; 12] = [
    "bot",
    "crawl",
    "spider",
    "slurp",
    "preview",
    "facebookexternalhit",
    "embedly",
    "monitor",
    "curl/",
    "wget/",
    "python-requests",
    "headlesschrome",
];

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
        .unwrap_or_default()
        .to_ascii_lowercase();
    !ahead && !agent.is_empty() && !NOT_READERS.iter().any(|word| agent.contains(word))
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
        assert!(is_reading(&headers(&[("user-agent", FIREFOX)])));
        for agent in [
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; YandexBot/3.0)",
            "Mozilla/5.0 (compatible; bingbot/2.0)",
            "facebookexternalhit/1.1",
            "TelegramBot (like TwitterBot)",
            "curl/8.5.0",
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
