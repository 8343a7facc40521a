//! Demo content and reference data. Articles are loaded only into an empty database;
//! the states are brought in line with the code at every start.

mod editions;
mod paint;
mod photos;
mod states;

pub use editions::{SeedTranslation, demo_translations};
pub use photos::seed_demo_photos;
pub use states::sco_states;

use chrono::{DateTime, Utc};
use infoshos_model::{CommentStatus, Lang, NewComment, Section};
use serde::Deserialize;

use crate::storage::{NewArticle, Storage};

const ARTICLES: &str = include_str!("articles.toml");

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("articles.toml: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("seed reply to no earlier comment by {0}")]
    UnknownComment(String),
    #[error("seed comment for unknown article {0}")]
    UnknownArticle(String),
    #[error("translation of unknown story {0}")]
    UnknownStory(String),
    #[error("a demo photo could not be drawn")]
    Painting,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

#[derive(Deserialize)]
pub struct SeedFile {
    pub article: Vec<SeedArticle>,
    #[serde(default)]
    pub comment: Vec<SeedComment>,
}

#[derive(Deserialize)]
pub struct SeedArticle {
    pub slug: String,
    pub published: DateTime<Utc>,
    pub countries: Vec<String>,
    /// Its story's section, in every edition.
    pub section: Section,
    pub title: String,
    pub summary: String,
    pub paragraphs: Vec<String>,
}

#[derive(Deserialize)]
pub struct SeedComment {
    pub article: String,
    pub name: String,
    pub text: String,
    pub minutes_after: i64,
    /// A reply: the name of an earlier comment's author on the same article.
    #[serde(default)]
    pub answers: Option<String>,
}

pub fn demo_content() -> Result<SeedFile, SeedError> {
    Ok(toml::from_str(ARTICLES)?)
}

/// Fills an empty database with the demo articles and comments, and an edition without
/// articles with its demo translations (`editions`). Returns how many articles were added.
pub async fn seed_if_empty(storage: &Storage) -> Result<usize, SeedError> {
    let english = if storage.article_count().await? == 0 {
        seed_english(storage).await?
    } else {
        0
    };
    let added = english + editions::seed_missing_editions(storage).await?;
    file_demo_stories_in_sections(storage).await?;
    Ok(added)
}

/// A database seeded before sections existed: its demo stories, in every edition, get their
/// sections. Most starts find no published article without one and read no demo text.
async fn file_demo_stories_in_sections(storage: &Storage) -> Result<(), SeedError> {
    if storage.published_without_section().await? == 0 {
        return Ok(());
    }
    let mut filed = 0;
    for a in demo_content()?.article {
        filed += storage.file_story_in_section(&a.slug, a.section).await?;
    }
    if filed > 0 {
        tracing::info!(filed, "filed the demo articles in their sections");
    }
    Ok(())
}

async fn seed_english(storage: &Storage) -> Result<usize, SeedError> {
    let content = demo_content()?;
    for a in &content.article {
        storage
            .insert_article(&NewArticle {
                slug: a.slug.clone(),
                lang: Lang::En,
                title: a.title.clone(),
                summary: a.summary.clone(),
                body_html: crate::sanitize::paragraphs_html(&a.paragraphs),
                published_at_ms: a.published.timestamp_millis(),
                countries: a.countries.clone(),
                section: Some(a.section),
                lead: None,
            })
            .await?;
    }
    // Each comment's id by its article and author, for the replies after it.
    let mut stored = std::collections::HashMap::new();
    for c in &content.comment {
        let article = content
            .article
            .iter()
            .find(|a| a.slug == c.article)
            .ok_or_else(|| SeedError::UnknownArticle(c.article.clone()))?;
        let id = storage
            .article_id(&article.slug)
            .await?
            .ok_or_else(|| SeedError::UnknownArticle(c.article.clone()))?;
        let at = article.published.timestamp_millis() + c.minutes_after * 60_000;
        let reply_to = match &c.answers {
            Some(name) => Some(
                *stored
                    .get(&(c.article.as_str(), name.as_str()))
                    .ok_or_else(|| SeedError::UnknownComment(name.clone()))?,
            ),
            None => None,
        };
        let comment = NewComment {
            name: c.name.clone(),
            text: c.text.clone(),
            reply_to,
            ..Default::default()
        };
        let (comment_id, ..) = storage
            .insert_comment(id, &comment, CommentStatus::Published, at)
            .await?;
        stored.insert((c.article.as_str(), c.name.as_str()), comment_id);
    }
    tracing::info!(
        articles = content.article.len(),
        comments = content.comment.len(),
        "seeded demo content"
    );
    Ok(content.article.len())
}

pub async fn load_states(storage: &Storage) -> Result<(), sqlx::Error> {
    storage.replace_states(&sco_states()).await
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use infoshos_model::validate_comment;

    use super::*;

    #[test]
    fn at_least_forty_articles_of_three_to_eight_paragraphs_across_2017_to_2026() {
        let content = demo_content().unwrap();
        assert!(content.article.len() >= 40);
        let codes: HashSet<String> = sco_states().into_iter().map(|s| s.code).collect();
        let mut slugs = HashSet::new();
        let mut years = HashSet::new();
        for a in &content.article {
            assert!((3..=8).contains(&a.paragraphs.len()), "{}", a.slug);
            assert!(slugs.insert(a.slug.as_str()), "duplicate slug {}", a.slug);
            assert!(!a.countries.is_empty(), "{}", a.slug);
            for c in &a.countries {
                assert!(codes.contains(c), "{}: unknown country {c}", a.slug);
            }
            assert!(
                a.paragraphs.iter().all(|p| !p.contains("\n\n")),
                "{}",
                a.slug
            );
            years.insert(a.published.format("%Y").to_string());
        }
        for y in 2017..=2026 {
            assert!(years.contains(&y.to_string()), "no article in {y}");
        }
    }

    #[test]
    fn seed_comments_pass_the_reader_rules() {
        for c in demo_content().unwrap().comment {
            let comment = NewComment {
                name: c.name,
                text: c.text,
                ..Default::default()
            };
            assert_eq!(validate_comment(&comment), Ok(()));
        }
    }
}
