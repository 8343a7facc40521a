//! What crawlers are given: `/sitemap.xml` with each edition's front and section pages and
//! every article on the portal, and `/robots.txt`. The XML is written by `quick-xml`.

use axum::extract::State;
use axum::response::Response;
use chrono::SecondsFormat;
use infoshos_model::links::Page;
use infoshos_model::photos::{MEDIA_PREFIX, PhotoFormat, VariantSize, variant_name};
use infoshos_model::{Lang, Section};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::discovery::{answer, offered_width};
use crate::error::AppError;
use crate::state::AppState;
use crate::storage::Listed;

pub async fn sitemap(State(state): State<AppState>) -> Result<Response, AppError> {
    let listed = state.storage.listed_articles().await?;
    let xml = sitemap_xml(&state.public_url, &listed).map_err(|err| {
        tracing::error!(error = %err, "sitemap could not be written");
        AppError::Internal
    })?;
    Ok(answer("application/xml; charset=utf-8", xml))
}

/// Each edition's front page and its sections' pages (each changed with its newest article),
/// then every article.
pub fn sitemap_xml(origin: &str, listed: &[Listed]) -> std::io::Result<String> {
    // (address, last change, its lead photo's address)
    let mut urls: Vec<(String, i64, Option<String>)> = Vec::new();
    for lang in Lang::ALL {
        // One look through the edition for its front page and each section's.
        let (mut front, mut sections) = (None, [None; Section::ALL.len()]);
        for a in listed.iter().filter(|a| a.lang == lang) {
            front = front.max(Some(a.modified_ms));
            if let Some(s) = a.section {
                sections[s.index()] = sections[s.index()].max(Some(a.modified_ms));
            }
        }
        let pages = std::iter::once((Page::Home(lang), front))
            .chain(Section::ALL.map(|s| (Page::Section(lang, s), sections[s.index()])));
        for (page, newest) in pages {
            if let Some(newest) = newest {
                urls.push((page.url(origin), newest, None));
            }
        }
    }
    for a in listed {
        let image = a.photo.as_ref().map(|(id, width)| {
            let name = variant_name(
                id,
                VariantSize::Width(offered_width(*width)),
                PhotoFormat::Jpeg,
            );
            format!("{origin}{MEDIA_PREFIX}{name}")
        });
        urls.push((
            Page::Article(a.lang, a.slug.clone()).url(origin),
            a.modified_ms,
            image,
        ));
    }
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 1);
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    writer
        .create_element("urlset")
        .with_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"))
        .with_attribute((
            "xmlns:image",
            "http://www.google.com/schemas/sitemap-image/1.1",
        ))
        .write_inner_content(|w| {
            for (loc, modified_ms, image) in &urls {
                let lastmod = crate::storage::millis_to_utc(*modified_ms)
                    .to_rfc3339_opts(SecondsFormat::Secs, true);
                w.create_element("url").write_inner_content(|w| {
                    w.create_element("loc")
                        .write_text_content(BytesText::new(loc))?;
                    w.create_element("lastmod")
                        .write_text_content(BytesText::new(&lastmod))?;
                    if let Some(image) = image {
                        w.create_element("image:image").write_inner_content(|w| {
                            w.create_element("image:loc")
                                .write_text_content(BytesText::new(image))?;
                            Ok(())
                        })?;
                    }
                    Ok(())
                })?;
            }
            Ok(())
        })?;
    Ok(String::from_utf8_lossy(&writer.into_inner()).into_owned())
}

/// Crawlers stay out of the editors' area, the edition switcher's redirects and the article
/// pages of a comment form answering a comment (`?reply=`: the article again, one per comment).
pub async fn robots(State(state): State<AppState>) -> Response {
    let text = format!(
        "User-agent: *\nDisallow: /admin\nDisallow: /api/admin\nDisallow: /edition/\nDisallow: /*?reply=\n\nSitemap: {}/sitemap.xml\n",
        state.public_url
    );
    answer("text/plain; charset=utf-8", text)
}
