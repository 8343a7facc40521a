//! `GET /api/oembed?url=…&maxwidth=…&maxheight=…&format=json`: the iframe that embeds an
//! article or a widget of this portal (oEmbed 1.0, type `rich`).

use axum::Json;
use axum::extract::{RawQuery, State};
use infoshos_model::widgets::Widget;
use serde::Serialize;

use crate::app::AppState;
use crate::error::AppError;
use crate::oembed::{Target, iframe_html, target};

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
    let title = title(&state, &target).await?.ok_or_else(not_ours)?;

    let (width, height) = target.natural_size();
    let width = max_width.map_or(width, |m: u32| m.min(width));
    let height = max_height.map_or(height, |m: u32| m.min(height));
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
    }))
}

fn dimension(name: &str, value: &str) -> Result<u32, AppError> {
    value
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=10_000).contains(n))
        .ok_or_else(|| AppError::BadRequest(format!("{name} must be a whole number of pixels.")))
}

/// The embed's title; `None` when what it names does not exist.
async fn title(state: &AppState, target: &Target) -> Result<Option<String>, AppError> {
    let article = |slug: String| async move {
        Ok::<_, AppError>(state.storage.article(&slug).await?.map(|a| a.title))
    };
    match target {
        Target::Article { slug, .. } => article(slug.clone()).await,
        Target::Widget { spec, .. } => match &spec.widget {
            Widget::Article { slug } => article(slug.clone()).await,
            Widget::Feed {
                country: Some(code),
                ..
            } => {
                let states = state.storage.states().await?;
                Ok(states
                    .iter()
                    .find(|s| &s.code == code)
                    .map(|s| format!("Infoshos: news about {}", s.name)))
            }
            Widget::Feed { .. } => Ok(Some("Infoshos: latest news".into())),
            Widget::Clocks { .. } => Ok(Some("Infoshos: time in the SCO capitals".into())),
            Widget::Rates => Ok(Some("Infoshos: SCO currencies against the rouble".into())),
            Widget::Converter { .. } => Ok(Some("Infoshos: currency converter".into())),
        },
    }
}
