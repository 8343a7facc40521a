//! The demo's lead photos: one landscape per story (`paint`), processed as an upload is and
//! given to the story's article in every edition with alt text, caption and credit in that
//! edition's language. Run at start by the server (not by the tests' servers: 40 photos take
//! seconds), only for articles without a lead photo, so a restart adds nothing.

use image::codecs::jpeg::JpegEncoder;
use infoshos_model::Lang;
use infoshos_model::photos::Lead;
use infoshos_model::state_names;

use super::paint::{Hour, Scene, landscape};
use super::{SeedError, demo_content, demo_translations};
use crate::media::process::{made_before_avif, photo_id};
use crate::media::variants::Focal;
use crate::storage::{NewPhoto, Storage};

/// Who the audit says uploaded the demo's photos.
const ACTOR: &str = "demo";

/// The words of a picture's texts in each language.
fn hour_words(lang: Lang, hour: Hour) -> &'static str {
    match (lang, hour) {
        (Lang::En, Hour::Dawn) => "at dawn",
        (Lang::En, Hour::Day) => "by day",
        (Lang::En, Hour::Dusk) => "at dusk",
        (Lang::En, Hour::Night) => "at night, under stars and the moon",
        (Lang::Ru, Hour::Dawn) => "на рассвете",
        (Lang::Ru, Hour::Day) => "днём",
        (Lang::Ru, Hour::Dusk) => "в сумерках",
        (Lang::Ru, Hour::Night) => "ночью, под звёздами и луной",
        (Lang::Zh, Hour::Dawn) => "黎明时分",
        (Lang::Zh, Hour::Day) => "白天",
        (Lang::Zh, Hour::Dusk) => "黄昏时分",
        (Lang::Zh, Hour::Night) => "夜晚，星月之下",
    }
}

/// The alt text, caption and credit of a story's picture in `lang`.
pub fn texts(lang: Lang, scene: Scene, country: &str, title: &str) -> (String, String, String) {
    let state = state_names::in_lang(lang, country)
        .map(|(name, _, _)| name.to_string())
        .or_else(|| {
            super::sco_states()
                .into_iter()
                .find(|s| s.code == country)
                .map(|s| s.name)
        })
        .unwrap_or_else(|| country.to_string());
    let hour = hour_words(lang, scene.hour);
    let n = scene.ridges;
    match lang {
        Lang::En => (
            format!(
                "A drawn landscape {hour}: {n} ridges of {} coloured after the flag of {state}.",
                if scene.steep { "mountains" } else { "hills" }
            ),
            format!("Illustration for “{title}”."),
            "Infoshos illustration, drawn by code".into(),
        ),
        Lang::Ru => (
            format!(
                "Нарисованный пейзаж {hour}: {n} гряды {} в цветах флага: {state}.",
                if scene.steep {
                    "гор"
                } else {
                    "холмов"
                }
            ),
            format!("Иллюстрация к материалу «{title}»."),
            "Иллюстрация Infoshos, нарисована программой".into(),
        ),
        Lang::Zh => (
            format!(
                "一幅{hour}的风景画：{n}道{}，用{state}国旗的颜色绘成。",
                if scene.steep { "山脉" } else { "丘陵" }
            ),
            format!("《{title}》配图。"),
            "Infoshos 插图，由程序绘制".into(),
        ),
    }
}

/// Gives every demo article without a lead photo its story's picture; `limit` stops after that
/// many stories (a test draws one). Returns how many articles got one.
pub async fn seed_demo_photos(storage: &Storage, limit: Option<usize>) -> Result<usize, SeedError> {
    let english = demo_content()?;
    let translations = demo_translations()?;
    // The stories with an article still without its photo, and those articles.
    let mut stories = Vec::new();
    for story in english.article.iter().take(limit.unwrap_or(usize::MAX)) {
        let mut articles = vec![(Lang::En, story.slug.clone(), story.title.clone())];
        for (lang, t) in translations.iter().filter(|(_, t)| t.story == story.slug) {
            articles.push((*lang, t.slug.clone(), t.title.clone()));
        }
        let mut waiting = Vec::new();
        for (lang, slug, title) in articles {
            if storage.lead_missing(&slug).await? {
                waiting.push((lang, slug, title));
            }
        }
        if !waiting.is_empty() {
            stories.push((story, waiting));
        }
    }
    // One story per core at a time: 44 took 16 s one by one on this 2-core machine.
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let mut given = 0;
    for batch in stories.chunks(cores) {
        let painting: Vec<_> = batch
            .iter()
            .map(|(story, _)| {
                let slug = story.slug.clone();
                let country = story.countries.first().cloned().unwrap_or_default();
                tokio::task::spawn_blocking(move || paint_and_process(&slug, &country))
            })
            .collect();
        for ((story, waiting), painted) in batch.iter().zip(painting) {
            let (photo, scene) = painted.await.map_err(|_| SeedError::Painting)??;
            let country = story.countries.first().cloned().unwrap_or_default();
            let (alt, caption, credit) = texts(Lang::En, scene, &country, &story.title);
            let photo = NewPhoto {
                alt,
                caption,
                credit,
                ..photo
            };
            storage
                .store_photo(&photo, ACTOR, story.published.timestamp_millis())
                .await?;
            for (lang, slug, title) in waiting {
                let (alt, caption, credit) = texts(*lang, scene, &country, title);
                let lead = Lead {
                    id: photo.id.clone(),
                    alt,
                    caption,
                    credit,
                };
                storage.set_lead(slug, &lead).await?;
                given += 1;
            }
        }
    }
    if given > 0 {
        tracing::info!(articles = given, "gave the demo articles their photos");
    }
    Ok(given)
}

/// Paints the story's landscape and makes its variants, as an upload's are made.
fn paint_and_process(slug: &str, country: &str) -> Result<(NewPhoto, Scene), SeedError> {
    let (picture, scene) = landscape(slug, country);
    let mut original = Vec::new();
    JpegEncoder::new_with_quality(&mut original, 92)
        .encode_image(&picture)
        .map_err(|_| SeedError::Painting)?;
    let id = photo_id(&original);
    // Their AVIF comes after the start (`make_missing_avif`), while the server answers.
    let processed =
        made_before_avif(&id, &original, Focal::CENTRE).map_err(|_| SeedError::Painting)?;
    Ok((processed.into_photo(id, original, Focal::CENTRE), scene))
}
