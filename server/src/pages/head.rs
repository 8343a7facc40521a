//! The head of a reader page as the server sends it: for an article its title and summary, the
//! canonical address, Open Graph and Twitter card tags, `article:published_time` and a JSON-LD
//! `NewsArticle`; for the front and state pages the canonical address and Open Graph. So a
//! search engine or a messenger's link preview reads the page without running the app. The
//! title rule is the model's (`head::document_title`), the one the app follows as pages change.

use chrono::{DateTime, SecondsFormat, Utc};
use infoshos_model::head::{SITE_NAME, document_title};
use infoshos_model::links::Page;
use infoshos_model::photos::{Crop, PhotoFormat, VariantSize};
use infoshos_model::{ArticleSummary, Lang, Photo};
use serde_json::json;

use crate::pages::slots::Fill;
use crate::sanitize::escape_html;

/// What one page's head says.
#[derive(Debug, Clone, PartialEq)]
pub struct Head {
    /// `None` keeps the built page's own title and description (the portal's).
    pub title: Option<String>,
    pub description: Option<String>,
    pub canonical: String,
    pub lang: Lang,
    pub article: Option<ArticleDates>,
    /// The absolute address of the preview picture: the portal's card.
    pub image: String,
    /// The article's lead photo, which its previews show instead.
    pub photo: Option<PhotoHead>,
    /// Search results are for readers, not for search engines' own lists (`noindex`).
    pub indexed: bool,
    /// The same page in each edition (`hreflang` alternates), for pages every edition has.
    pub editions: Vec<(Lang, String)>,
    /// The portal's root, which picks the reader's edition (`x-default`).
    pub root: String,
}

/// What a preview and a search engine are told of an article's lead photo.
#[derive(Debug, Clone, PartialEq)]
pub struct PhotoHead {
    /// The link preview's crop: absolute address and size.
    pub card: String,
    pub card_size: (u32, u32),
    pub alt: String,
    /// The 16 : 9, 4 : 3 and 1 : 1 crops, for `NewsArticle.image`.
    pub images: Vec<String>,
}

impl PhotoHead {
    pub fn of(origin: &str, photo: &Photo) -> PhotoHead {
        let origin = origin.trim_end_matches('/');
        let crop = |c: Crop| {
            format!(
                "{origin}{}",
                photo.src(VariantSize::Crop(c), PhotoFormat::Jpeg)
            )
        };
        PhotoHead {
            card: crop(Crop::Card),
            card_size: Crop::Card.made_size(photo.width, photo.height),
            alt: photo.alt.clone(),
            images: [Crop::Wide, Crop::Standard, Crop::Square]
                .map(crop)
                .to_vec(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ArticleDates {
    pub published: DateTime<Utc>,
    pub modified: DateTime<Utc>,
}

/// The picture link previews show: the portal's card, 1200×630 (`public/icons/card.svg`,
/// rendered with the icons by `scripts/render-icons.mjs`).
pub const PREVIEW_IMAGE: &str = "/icons/card.png";
pub const PREVIEW_SIZE: (u32, u32) = (1200, 630);

impl Head {
    /// A page of the portal with the built page's own title and description.
    pub fn portal(origin: &str, page: &Page) -> Head {
        Head {
            title: None,
            description: None,
            canonical: page.url(origin),
            lang: page.lang(),
            article: None,
            image: format!("{origin}{PREVIEW_IMAGE}"),
            photo: None,
            indexed: !matches!(page, Page::Search(_)),
            editions: match page {
                Page::Home(_) | Page::Country(..) | Page::Widgets(_) | Page::Rates(..) => Lang::ALL
                    .map(|l| (l, page.in_edition(l).url(origin)))
                    .to_vec(),
                _ => Vec::new(),
            },
            root: format!("{}/", origin.trim_end_matches('/')),
        }
    }

    /// An article, at its own edition's address whatever edition it was asked under.
    pub fn article(origin: &str, a: &ArticleSummary, modified: DateTime<Utc>) -> Head {
        Head {
            title: Some(a.title.clone()),
            description: Some(a.summary.clone()),
            article: Some(ArticleDates {
                published: a.published_at,
                modified: modified.max(a.published_at),
            }),
            photo: a.photo.as_ref().map(|p| PhotoHead::of(origin, p)),
            ..Head::portal(origin, &Page::Article(a.lang, a.slug.clone()))
        }
    }

    /// The tags that go before `</head>` (title and description are replaced in place).
    pub fn tags(&self) -> String {
        let e = escape_html;
        let locale = match self.lang {
            Lang::En => "en_GB",
            Lang::Ru => "ru_RU",
            Lang::Zh => "zh_CN",
        };
        let (image, image_size, image_alt) = match &self.photo {
            Some(p) => (&p.card, p.card_size, p.alt.as_str()),
            None => (
                &self.image,
                PREVIEW_SIZE,
                "Infoshos: news of the Shanghai Cooperation Organisation",
            ),
        };
        let mut tags = vec![
            format!("<link rel=\"canonical\" href=\"{}\">", e(&self.canonical)),
            meta_property("og:site_name", SITE_NAME),
            meta_property("og:url", &self.canonical),
            meta_property("og:locale", locale),
            meta_property("og:image", image),
            meta_property("og:image:width", &image_size.0.to_string()),
            meta_property("og:image:height", &image_size.1.to_string()),
            meta_property("og:image:alt", image_alt),
            meta_property(
                "og:type",
                if self.article.is_some() {
                    "article"
                } else {
                    "website"
                },
            ),
            "<meta name=\"twitter:card\" content=\"summary_large_image\">".to_string(),
            meta_name("twitter:image", image),
            meta_name("twitter:image:alt", image_alt),
        ];
        for (lang, url) in &self.editions {
            tags.push(format!(
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">",
                lang.code(),
                e(url)
            ));
        }
        if !self.editions.is_empty() {
            tags.push(format!(
                "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">",
                e(&self.root)
            ));
        }
        if !self.indexed {
            tags.push("<meta name=\"robots\" content=\"noindex\">".to_string());
        }
        if let Some(title) = &self.title {
            tags.push(meta_property("og:title", title));
        }
        if let Some(description) = &self.description {
            tags.push(meta_property("og:description", description));
        }
        if let (Some(dates), Some(title)) = (&self.article, &self.title) {
            let published = iso(dates.published);
            tags.push(meta_property("article:published_time", &published));
            tags.push(meta_property("article:modified_time", &iso(dates.modified)));
            let ld = json!({
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": title,
                "description": self.description,
                "datePublished": published,
                "dateModified": iso(dates.modified),
                "inLanguage": self.lang.code(),
                "mainEntityOfPage": self.canonical,
                "image": self.photo.as_ref().map_or_else(|| vec![self.image.clone()], |p| p.images.clone()),
                "publisher": {"@type": "Organization", "name": SITE_NAME},
            });
            tags.push(format!(
                "<script type=\"application/ld+json\">{}</script>",
                script_safe(&ld.to_string())
            ));
        }
        tags.join("\n")
    }

    /// This head into a page's slots: its title and description in place of the built
    /// page's, the rest at the head's end.
    pub fn fill(&self, fill: &mut Fill) {
        if let Some(title) = &self.title {
            let title = escape_html(&document_title(title));
            fill.title = Some(format!("<title>{title}</title>"));
        }
        if let Some(description) = &self.description {
            fill.description = Some(format!(
                "<meta name=\"description\" content=\"{}\">",
                escape_html(description)
            ));
        }
        fill.head_end.push_str(&self.tags());
        fill.head_end.push('\n');
    }
}

fn meta_property(property: &str, content: &str) -> String {
    format!(
        "<meta property=\"{property}\" content=\"{}\">",
        escape_html(content)
    )
}

fn meta_name(name: &str, content: &str) -> String {
    format!(
        "<meta name=\"{name}\" content=\"{}\">",
        escape_html(content)
    )
}

fn iso(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// JSON inside a `<script>`: no `<` can end the element or open a comment there.
pub(crate) fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// `page` with the first `open…close` element replaced by `with` (as it was when absent).
pub(crate) fn replace_element(page: &str, open: &str, close: &str, with: &str) -> String {
    let Some(start) = page.find(open) else {
        return page.to_string();
    };
    let Some(len) = page[start..].find(close) else {
        return page.to_string();
    };
    format!(
        "{}{with}{}",
        &page[..start],
        &page[start + len + close.len()..]
    )
}

#[cfg(test)]
#[path = "head_tests.rs"]
mod tests;
