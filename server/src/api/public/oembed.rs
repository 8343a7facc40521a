//! `GET /api/oembed?url=…&maxwidth=…&maxheight=…&format=json`: the iframe that embeds an
//! article or a widget of this portal (oEmbed 1.0, type `rich`).

use axum::Json;
use axum::extract::{RawQuery, State};
use infoshos_model::Photo;
use infoshos_model::photos::{PhotoFormat, VariantSize, widths_of};
use infoshos_model::widgets::Widget;
use serde::Serialize;

use crate::error::AppError;
use crate::feeds::embedding::{Target, iframe_html, target};
use crate::state::AppState;

#[derive(Debug, Serialize)]
pub struct OEmbed {
    version: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    provider_name: &'static str,
    provider_url: String,
    title: String,
    html: String,
    width: u32,
    height: u32,
    cache_age: u32,
    /// An article's lead photo, as wide as `maxwidth` allows (oEmbed's optional thumbnail).
    #[serde(skip_serializing_if = "Option::is_none")]
    thumbnail_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    thumbnail_width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    thumbnail_height: Option<u32>,
}

pub async fn show(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Json<OEmbed>, AppError> {
    let (mut address, mut format) = (None, None);
    let (mut max_width, mut max_height) = (None, None);
    for (key, value) in url::form_urlencoded::parse(query.unwrap_or_default().as_bytes()) {
        match key.as_ref() {
            "url" => address = Some(value.into_owned()),
            "format" => format = Some(value.into_owned()),
            "maxwidth" => max_width = Some(dimension("maxwidth", &value)?),
            "maxheight" => max_height = Some(dimension("maxheight", &value)?),
            _ => {}
        }
    }
    if format.as_deref().is_some_and(|f| f != "json") {
        return Err(AppError::NotImplemented("Only format=json is offered."));
    }
    let address =
        address.ok_or_else(|| AppError::BadRequest("Give the page's address as url.".into()))?;
    let not_ours = || AppError::NotFound("Embeddable Infoshos page");
    let target = target(&state.public_url, &address).ok_or_else(not_ours)?;
    let (title, photo) = title(&state, &target).await?.ok_or_else(not_ours)?;

    let (width, height) = target.natural_size();
    let width = max_width.map_or(width, |m: u32| m.min(width));
    let height = max_height.map_or(height, |m: u32| m.min(height));
    let thumbnail = photo.map(|p| {
        let fits = |w: &u32| {
            max_width.is_none_or(|m| *w <= m) && max_height.is_none_or(|m| p.height_at(*w) <= m)
        };
        let widths = widths_of(p.width);
        let w = widths.iter().copied().rfind(fits).unwrap_or(widths[0]);
        let url = format!(
            "{}{}",
            state.public_url,
            p.src(VariantSize::Width(w), PhotoFormat::Jpeg)
        );
        (url, w, p.height_at(w))
    });
    Ok(Json(OEmbed {
        version: "1.0",
        kind: "rich",
        provider_name: "Infoshos",
        provider_url: format!("{}/", state.public_url),
        html: iframe_html(&target.frame_src(&state.public_url), &title, width, height),
        title,
        width,
        height,
        cache_age: 3600,
        thumbnail_width: thumbnail.as_ref().map(|t| t.1),
        thumbnail_height: thumbnail.as_ref().map(|t| t.2),
        thumbnail_url: thumbnail.map(|t| t.0),
    }))
}

fn dimension(name: &str, value: &str) -> Result<u32, AppError> {
    value
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=10_000).contains(n))
        .ok_or_else(|| AppError::BadRequest(format!("{name} must be a whole number of pixels.")))
}

/// The embed's title and, for an article, its lead photo; `None` when what it names does not
/// exist.
async fn title(
    state: &AppState,
    target: &Target,
) -> Result<Option<(String, Option<Photo>)>, AppError> {
    let article = |slug: String| async move {
        Ok::<_, AppError>(
            state
                .storage
                .article(&slug)
                .await?
                .map(|a| (a.title, a.photo)),
        )
    };
    let named = |title: Option<String>| Ok(title.map(|t| (t, None)));
    match target {
        Target::Article { slug, .. } => article(slug.clone()).await,
        Target::Widget { spec, .. } => match &spec.widget {
            Widget::Article { slug } => article(slug.clone()).await,
            Widget::Feed {
                country: Some(code),
                ..
            } => {
                let states = state.storage.states().await?;
                named(
                    states
                        .iter()
                        .find(|s| &s.code == code)
                        .map(|s| format!("Infoshos: news about {}", s.name)),
                )
            }
            Widget::Feed {
                section: Some(section),
                ..
            } => {
                let name = infoshos_i18n::section_name(infoshos_i18n::ui(spec.lang), *section);
                named(Some(format!("Infoshos: {name}")))
            }
            Widget::Feed { .. } => named(Some("Infoshos: latest news".into())),
            Widget::Clocks { .. } => named(Some("Infoshos: time in the SCO capitals".into())),
            Widget::Rates => named(Some("Infoshos: SCO currencies against the rouble".into())),
            Widget::Converter { .. } => named(Some("Infoshos: currency converter".into())),
        },
    }
}
