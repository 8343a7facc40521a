//! The Russian and Chinese demo articles: each tells the same story as an English one (its
//! `story` is that article's slug), with the story's date and states, so the language switcher
//! leads from one to the other.

use infoshos_model::Lang;
use serde::Deserialize;

use super::{SeedError, demo_content};
use crate::storage::{FeedOf, NewArticle, Storage};

const TRANSLATIONS: [(Lang, &str); 2] = [
    (Lang::Ru, include_str!("articles_ru.toml")),
    (Lang::Zh, include_str!("articles_zh.toml")),
];

/// An article of another edition: the story it tells, its own address and words.
#[derive(Deserialize)]
pub struct SeedTranslation {
    pub story: String,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub paragraphs: Vec<String>,
}

#[derive(Deserialize)]
struct TranslationFile {
    article: Vec<SeedTranslation>,
}

/// The demo articles of the other editions, with their editions.
pub fn demo_translations() -> Result<Vec<(Lang, SeedTranslation)>, SeedError> {
    let mut all = Vec::new();
    for (lang, text) in TRANSLATIONS {
        let file: TranslationFile = toml::from_str(text)?;
        all.extend(file.article.into_iter().map(|a| (lang, a)));
    }
    Ok(all)
}

/// Adds the demo translations to each edition that has no article yet, for the stories the
/// database holds (a database seeded before the editions existed gets them at its next start).
pub async fn seed_missing_editions(storage: &Storage) -> Result<usize, SeedError> {
    let mut empty = Vec::new();
    for lang in [Lang::Ru, Lang::Zh] {
        if storage
            .feed(lang, FeedOf::default(), 1, None)
            .await?
            .0
            .is_empty()
        {
            empty.push(lang);
        }
    }
    // Most starts find both editions filled: no demo text is parsed then.
    if empty.is_empty() {
        return Ok(0);
    }
    let english = demo_content()?;
    let translations = demo_translations()?;
    let mut added = 0;
    for lang in empty {
        for (_, t) in translations.iter().filter(|(l, _)| *l == lang) {
            let story = english
                .article
                .iter()
                .find(|a| a.slug == t.story)
                .ok_or_else(|| SeedError::UnknownStory(t.story.clone()))?;
            if storage.article_id(&t.story).await?.is_none() {
                continue;
            }
            storage
                .insert_article(&NewArticle {
                    slug: t.slug.clone(),
                    lang,
                    title: t.title.clone(),
                    summary: t.summary.clone(),
                    body_html: crate::sanitize::paragraphs_html(&t.paragraphs),
                    published_at_ms: story.published.timestamp_millis(),
                    countries: story.countries.clone(),
                    section: Some(story.section),
                    lead: None,
                })
                .await?;
            storage.set_story(&t.slug, &t.story).await?;
            storage.set_story(&t.story, &t.story).await?;
            added += 1;
        }
    }
    if added > 0 {
        tracing::info!(added, "seeded the other editions' demo articles");
    }
    Ok(added)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn at_least_twenty_articles_in_russian_and_in_chinese_each_telling_an_english_story() {
        let english = demo_content().unwrap();
        let translations = demo_translations().unwrap();
        let mut slugs: HashSet<String> = english.article.iter().map(|a| a.slug.clone()).collect();
        for lang in [Lang::Ru, Lang::Zh] {
            let mut stories = HashSet::new();
            for (_, t) in translations.iter().filter(|(l, _)| *l == lang) {
                assert!(
                    english.article.iter().any(|a| a.slug == t.story),
                    "{}: no English story {}",
                    t.slug,
                    t.story
                );
                assert!(stories.insert(&t.story), "{lang:?} tells {} twice", t.story);
                assert!(slugs.insert(t.slug.clone()), "duplicate slug {}", t.slug);
                assert!((3..=8).contains(&t.paragraphs.len()), "{}", t.slug);
                assert!(!t.title.is_ascii() && !t.summary.is_ascii(), "{}", t.slug);
            }
            assert!(stories.len() >= 20, "{lang:?}: {}", stories.len());
        }
    }
}
