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

use leptos::prelude::*;

use crate::pages::slots::Fill;

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
    /// Its section's name in its edition (`articleSection`, `article:section`).
    pub section: Option<&'static str>,
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
                Page::Home(_)
                | Page::Country(..)
                | Page::Section(..)
                | Page::Widgets(_)
                | Page::Rates(..) => Lang::ALL
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
                section: a
                    .section
                    .map(|s| infoshos_i18n::section_name(infoshos_i18n::ui(a.lang), s)),
            }),
            photo: a.photo.as_ref().map(|p| PhotoHead::of(origin, p)),
            ..Head::portal(origin, &Page::Article(a.lang, a.slug.clone()))
        }
    }

    /// The tags that go before `</head>` (title and description are replaced in place),
    /// written by Leptos as the reader's components are: every value escaped on the way out.
    /// Each tag is rendered alone, one per line: a list or an absent tag in one view would
    /// leave hydration markers (`<!>`) in a head nothing hydrates.
    pub fn tags(&self) -> String {
        let tags: Vec<String> = self.views().into_iter().map(|t| t.to_html()).collect();
        tags.join("\n")
    }

    fn views(&self) -> Vec<AnyView> {
        let locale = match self.lang {
            Lang::En => "en_GB",
            Lang::Ru => "ru_RU",
            Lang::Zh => "zh_CN",
        };
        let (image, (width, height), image_alt) = match &self.photo {
            Some(p) => (p.card.clone(), p.card_size, p.alt.clone()),
            None => (
                self.image.clone(),
                PREVIEW_SIZE,
                "Infoshos: news of the Shanghai Cooperation Organisation".to_string(),
            ),
        };
        let kind = if self.article.is_some() {
            "article"
        } else {
            "website"
        };
        let mut tags = vec![
            view! { <link rel="canonical" href=self.canonical.clone()/> }.into_any(),
            og("og:site_name", SITE_NAME),
            og("og:url", self.canonical.clone()),
            og("og:locale", locale),
            og("og:image", image.clone()),
            og("og:image:width", width.to_string()),
            og("og:image:height", height.to_string()),
            og("og:image:alt", image_alt.clone()),
            og("og:type", kind),
            view! { <meta name="twitter:card" content="summary_large_image"/> }.into_any(),
            view! { <meta name="twitter:image" content=image/> }.into_any(),
            view! { <meta name="twitter:image:alt" content=image_alt/> }.into_any(),
        ];
        for (lang, url) in &self.editions {
            tags.push(
                view! { <link rel="alternate" hreflang=lang.code() href=url.clone()/> }.into_any(),
            );
        }
        if !self.editions.is_empty() {
            tags.push(
                view! { <link rel="alternate" hreflang="x-default" href=self.root.clone()/> }
                    .into_any(),
            );
        }
        if !self.indexed {
            tags.push(view! { <meta name="robots" content="noindex"/> }.into_any());
        }
        if let Some(title) = &self.title {
            tags.push(og("og:title", title.clone()));
        }
        if let Some(description) = &self.description {
            tags.push(og("og:description", description.clone()));
        }
        if let (Some(dates), Some(title)) = (&self.article, &self.title) {
            tags.extend(self.article_tags(dates, title));
        }
        tags
    }

    /// An article's dates, and the JSON-LD `NewsArticle` search engines read.
    fn article_tags(&self, dates: &ArticleDates, title: &str) -> Vec<AnyView> {
        let published = iso(dates.published);
        let modified = iso(dates.modified);
        let mut ld = json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "description": self.description,
            "datePublished": published,
            "dateModified": modified,
            "inLanguage": self.lang.code(),
            "mainEntityOfPage": self.canonical,
            "image": self.photo.as_ref().map_or_else(|| vec![self.image.clone()], |p| p.images.clone()),
            "publisher": {"@type": "Organization", "name": SITE_NAME},
        });
        if let Some(name) = dates.section {
            ld["articleSection"] = name.into();
        }
        // `inner_html` is written as it is: `script_safe` keeps the JSON from closing it.
        let ld = script_safe(&ld.to_string());
        let mut tags = vec![
            og("article:published_time", published),
            og("article:modified_time", modified),
        ];
        tags.extend(
            dates
                .section
                .map(|name| og("article:section", name.to_string())),
        );
        tags.push(view! { <script type="application/ld+json" inner_html=ld></script> }.into_any());
        tags
    }

    /// This head into a page's slots: its title and description in place of the built
    /// page's, the rest at the head's end.
    pub fn fill(&self, fill: &mut Fill) {
        if let Some(title) = &self.title {
            fill.title = Some(view! { <title>{document_title(title)}</title> }.to_html());
        }
        if let Some(description) = &self.description {
            let description = description.clone();
            fill.description =
                Some(view! { <meta name="description" content=description/> }.to_html());
        }
        fill.head_end.push_str(&self.tags());
        fill.head_end.push('\n');
    }
}

/// An Open Graph tag: `property` is RDFa's attribute, which HTML's element types do not name.
fn og(property: &'static str, content: impl Into<String>) -> AnyView {
    leptos::html::meta()
        .attr("property", property)
        .content(content.into())
        .into_any()
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

#[cfg(test)]
#[path = "head_tests.rs"]
mod tests;
