//! oEmbed for our pages: which portal addresses can be embedded (an article, a widget), the
//! iframe that embeds them, and the discovery link the server puts in their HTML.

use infoshos_model::Lang;
use infoshos_model::links::Page;
use infoshos_model::widgets::{FRAME_SANDBOX, Theme, Widget, WidgetSpec, is_slug, parse_widget};
use url::Url;

use crate::sanitize::escape_html;

/// A portal address that has an embedded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Article { lang: Lang, slug: String },
    Widget { kind: String, spec: WidgetSpec },
}

impl Target {
    /// The widget address the iframe loads, on `public` (the portal's origin).
    /// Written by the model's one spelling of a widget's address (`WidgetSpec::query`).
    pub fn frame_src(&self, public: &str) -> String {
        let spec = match self {
            Target::Article { lang, slug } => WidgetSpec {
                widget: Widget::Article { slug: slug.clone() },
                lang: *lang,
                theme: Theme::Light,
            },
            Target::Widget { spec, .. } => spec.clone(),
        };
        let query = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(spec.query())
            .finish();
        format!("{public}{}?{query}", spec.widget.path())
    }

    /// A size that fits the content at the widget's usual width: (width, height).
    pub fn natural_size(&self) -> (u32, u32) {
        match self {
            Target::Article { .. } => (480, 240),
            Target::Widget { spec, .. } => match &spec.widget {
                // A row with a thumbnail is as tall as the thumbnail (120 × 68) and its margins.
                Widget::Feed { limit, photos, .. } => {
                    let row = if *photos { 84 } else { 64 };
                    (480, 96 + row * u32::from(*limit))
                }
                Widget::Clocks { group: Some(_) } => (320, 420),
                Widget::Clocks { group: None } => (320, 760),
                Widget::Rates => (480, 720),
                Widget::Converter { .. } => (400, 360),
                Widget::Article { .. } => (480, 240),
            },
        }
    }
}

/// What `address` is on the portal at `public`; `None` for other sites and other pages.
pub fn target(public: &str, address: &str) -> Option<Target> {
    let url = Url::parse(address).ok()?;
    let portal = Url::parse(public).ok()?;
    if url.origin() != portal.origin() {
        return None;
    }
    target_of_path(url.path(), url.query_pairs())
}

/// The same, for a path and its decoded query (what the server sees of a request).
pub fn target_of_path<K: AsRef<str>, V: AsRef<str>>(
    path: &str,
    query: impl IntoIterator<Item = (K, V)>,
) -> Option<Target> {
    if let Some(Page::Article(lang, slug)) = Page::parse(path) {
        return is_slug(&slug).then_some(Target::Article { lang, slug });
    }
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match parts.as_slice() {
        ["embed", kind] => {
            let spec = parse_widget(kind, query).ok()?;
            Some(Target::Widget {
                kind: (*kind).to_string(),
                spec,
            })
        }
        _ => None,
    }
}

/// The iframe a partner page gets: sandboxed, lazy, titled; `embed.js` adopts it to follow
/// its height when the partner includes the loader.
pub fn iframe_html(src: &str, title: &str, width: u32, height: u32) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"{width}\" height=\"{height}\" loading=\"lazy\" \
         sandbox=\"{FRAME_SANDBOX}\" style=\"border:0;max-width:100%\" data-infoshos-frame></iframe>",
        escape_html(src),
        escape_html(title)
    )
}

/// `<link rel="alternate" type="application/json+oembed" …>` for the page at `address`.
pub fn discovery_link(public: &str, address: &str, title: &str) -> String {
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("url", address)
        .append_pair("format", "json")
        .finish();
    format!(
        "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">",
        escape_html(&format!("{public}/api/oembed?{query}")),
        escape_html(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const PORTAL: &str = "http://127.0.0.1:8080";

    #[test]
    fn portal_articles_and_widgets_are_targets_and_nothing_else() {
        assert_eq!(
            target(
                PORTAL,
                "http://127.0.0.1:8080/en/article/laos-becomes-partner"
            ),
            Some(Target::Article {
                lang: Lang::En,
                slug: "laos-becomes-partner".into()
            })
        );
        let w = target(
            PORTAL,
            "http://127.0.0.1:8080/embed/feed?limit=3&country=KZ",
        )
        .unwrap();
        assert_eq!(
            w.frame_src(PORTAL),
            "http://127.0.0.1:8080/embed/feed?limit=3&country=KZ&lang=en&theme=light"
        );
        for foreign in [
            "https://evil.example/en/article/laos-becomes-partner",
            "http://127.0.0.1:9999/en/article/laos-becomes-partner",
            "https://127.0.0.1:8080/en/article/laos-becomes-partner",
            "http://127.0.0.1:8080/en/",
            "http://127.0.0.1:8080/embed/feed?limit=99",
            "http://127.0.0.1:8080/embed/weather",
            "http://127.0.0.1:8080/fr/article/x",
            "not a url",
        ] {
            assert_eq!(target(PORTAL, foreign), None, "{foreign}");
        }
    }

    #[test]
    fn markup_escapes_what_it_quotes() {
        let html = iframe_html(
            "https://p.example/embed/feed?a=1&b=\"x\"",
            "<News>",
            480,
            300,
        );
        assert!(html.contains("src=\"https://p.example/embed/feed?a=1&amp;b=&quot;x&quot;\""));
        assert!(html.contains("title=\"&lt;News&gt;\""));
        let link = discovery_link(
            PORTAL,
            "http://127.0.0.1:8080/embed/feed?a=\"><script>",
            "t",
        );
        assert!(!link.contains("<script>"));
        assert!(
            link.contains(
                "url=http%3A%2F%2F127.0.0.1%3A8080%2Fembed%2Ffeed%3Fa%3D%22%3E%3Cscript%3E"
            )
        );
    }
}
