//! What feed readers are given: RSS 2.0 per edition (`/{lang}/rss.xml`), per state
//! (`/{lang}/country/{code}/rss.xml`) and per section (`/{lang}/section/{key}/rss.xml`), and the
//! `<link>` pages name their feed by. Every address comes from the model's link builder; the
//! XML is written by kept crates (`rss`, `quick-xml`), never by pasting strings.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use infoshos_i18n::{section_name, ui};
use infoshos_model::links::{self, Page};
use infoshos_model::photos::{PhotoFormat, VariantSize, widths_of};
use infoshos_model::{ArticleSummary, Lang, Photo, Section};

use crate::error::AppError;
use crate::state::AppState;
use crate::storage::FeedOf;

/// How many articles a feed carries.
pub const FEED_ITEMS: u32 = 50;
/// Feeds, the sitemap and robots.txt may be kept a few minutes; a validator (ETag) makes the
/// next look cheap.
pub const SHORT_PUBLIC: &str = "public, max-age=300, stale-while-revalidate=3600";

pub async fn edition_rss(
    State(state): State<AppState>,
    Path(lang): Path<String>,
) -> Result<Response, AppError> {
    let lang = Lang::from_code(&lang).ok_or(AppError::NotFound("Edition"))?;
    let (items, _) = state
        .storage
        .feed(lang, FeedOf::default(), FEED_ITEMS, None)
        .await?;
    let states = state.storage.states().await?;
    let title = "Infoshos: news of the Shanghai Cooperation Organisation".to_string();
    Ok(rss_answer(
        &state,
        &states,
        lang,
        title,
        Page::Home(lang),
        items,
    ))
}

pub async fn country_rss(
    State(state): State<AppState>,
    Path((lang, code)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let lang = Lang::from_code(&lang).ok_or(AppError::NotFound("Edition"))?;
    let states = state.storage.states().await?;
    let country = states
        .iter()
        .find(|s| s.code == code)
        .ok_or(AppError::NotFound("State"))?;
    let of = FeedOf {
        country: Some(&country.code),
        ..FeedOf::default()
    };
    let (items, _) = state.storage.feed(lang, of, FEED_ITEMS, None).await?;
    let title = format!("Infoshos: news about {}", country.name);
    let page = Page::Country(lang, country.code.clone());
    Ok(rss_answer(&state, &states, lang, title, page, items))
}

pub async fn section_rss(
    State(state): State<AppState>,
    Path((lang, key)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let lang = Lang::from_code(&lang).ok_or(AppError::NotFound("Edition"))?;
    let section = Section::from_key(&key).ok_or(AppError::NotFound("Section"))?;
    let of = FeedOf {
        section: Some(section),
        ..FeedOf::default()
    };
    let (items, _) = state.storage.feed(lang, of, FEED_ITEMS, None).await?;
    let states = state.storage.states().await?;
    let title = format!("Infoshos: {}", section_name(ui(lang), section));
    let page = Page::Section(lang, section);
    Ok(rss_answer(&state, &states, lang, title, page, items))
}

/// The feed of `items`, each with a category for its section and one per state it concerns (named from `states`).
fn rss_answer(
    state: &AppState,
    states: &[infoshos_model::State],
    lang: Lang,
    title: String,
    page: Page,
    items: Vec<ArticleSummary>,
) -> Response {
    let name_of = |code: &str| {
        states
            .iter()
            .find(|s| s.code == code)
            .map_or_else(|| code.to_string(), |s| s.name.clone())
    };
    let origin = &state.public_url;
    let items = items
        .into_iter()
        .map(|a| {
            let link = Page::Article(a.lang, a.slug).url(origin);
            rss::Item {
                title: Some(a.title),
                link: Some(link.clone()),
                guid: Some(rss::Guid {
                    value: link,
                    permalink: true,
                }),
                pub_date: Some(a.published_at.to_rfc2822()),
                // The summary is plain text, and feed readers render a description as HTML
                // (RSS 2.0 says it may hold entity-encoded HTML): escaped, it shows as written.
                description: Some(quick_xml::escape::partial_escape(&a.summary).into_owned()),
                extensions: a
                    .photo
                    .as_ref()
                    .map(|p| media_content(origin, p))
                    .unwrap_or_default(),
                categories: a
                    .section
                    .map(|s| section_name(ui(lang), s).to_string())
                    .into_iter()
                    .chain(a.countries.iter().map(|c| name_of(c)))
                    .map(|name| rss::Category { name, domain: None })
                    .collect(),
                ..Default::default()
            }
        })
        .collect();
    let channel = rss::Channel {
        title,
        link: page.url(origin),
        description: "The latest news of the Shanghai Cooperation Organisation and its states, \
                      from Infoshos."
            .into(),
        language: Some(lang.code().into()),
        items,
        namespaces: [("media".to_string(), MEDIA_RSS.to_string())].into(),
        ..Default::default()
    };
    answer("application/rss+xml; charset=utf-8", channel.to_string())
}

/// Media RSS: how feed readers learn an item's picture without a byte count (`enclosure`
/// needs one).
const MEDIA_RSS: &str = "http://search.yahoo.com/mrss/";
/// The width feed readers and the sitemap are offered (or the photo's widest under it).
const FEED_PHOTO_WIDTH: u32 = 960;

/// The width of `photo` offered outside the pages: `FEED_PHOTO_WIDTH` or the widest under it.
pub(super) fn offered_width(photo_width: u32) -> u32 {
    let widths = widths_of(photo_width);
    widths
        .iter()
        .copied()
        .rfind(|w| *w <= FEED_PHOTO_WIDTH)
        .unwrap_or(widths[0])
}

/// An item's `media:content` (its lead photo as JPEG) with the alt text as its description.
fn media_content(origin: &str, photo: &Photo) -> rss::extension::ExtensionMap {
    let width = offered_width(photo.width);
    let url = format!(
        "{origin}{}",
        photo.src(VariantSize::Width(width), PhotoFormat::Jpeg)
    );
    let description = rss::extension::Extension {
        name: "media:description".into(),
        value: Some(quick_xml::escape::escape(&photo.alt).into_owned()),
        attrs: [("type".to_string(), "plain".to_string())].into(),
        ..Default::default()
    };
    let content = rss::extension::Extension {
        name: "media:content".into(),
        attrs: [
            ("url".to_string(), url),
            ("medium".to_string(), "image".to_string()),
            ("type".to_string(), "image/jpeg".to_string()),
            ("width".to_string(), width.to_string()),
            ("height".to_string(), photo.height_at(width).to_string()),
        ]
        .into(),
        children: [("media:description".to_string(), vec![description])].into(),
        ..Default::default()
    };
    [(
        "media".to_string(),
        [("content".to_string(), vec![content])].into(),
    )]
    .into()
}

/// The `<link>` browsers and feed readers find a page's feed by: the page's own (a state's
/// news) or else its edition's.
pub fn rss_link(page: &Page) -> Option<String> {
    let href = links::rss_path(page).or_else(|| links::rss_path(&Page::Home(page.lang())))?;
    Some(format!(
        "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Infoshos RSS\" href=\"{}\">",
        crate::sanitize::escape_html(&href)
    ))
}

pub(super) fn answer(kind: &'static str, body: String) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(SHORT_PUBLIC),
    );
    response
}
