//! One story told in several editions: the key its articles share (migration 0008), and an
//! edition written in the desk from another (issue 33).

use infoshos_model::Lang;
use infoshos_model::editorial::DraftProblem;

use super::{Storage, on_engine};

impl Storage {
    /// The story an article in `lang` written from the article at `source` joins: the source's
    /// key, or its address when it has none yet. Refused when the source is not a published
    /// (or scheduled, or taken down) article, or when the story already has an article in
    /// `lang`, the source itself included (its address is named).
    pub async fn story_to_join(
        &self,
        source: &str,
        lang: Lang,
    ) -> Result<Result<String, DraftProblem>, sqlx::Error> {
        let found: Option<(String, Lang)> = on_engine!(self, pool => sqlx::query_as(
            "SELECT COALESCE(story, slug), lang FROM articles WHERE slug = $1 AND NOT draft",
        )
        .bind(source)
        .fetch_optional(pool)
        .await?);
        let Some((story, source_lang)) = found else {
            return Ok(Err(DraftProblem::UnknownStory));
        };
        if source_lang == lang {
            return Ok(Err(DraftProblem::EditionTaken(source.to_string())));
        }
        let taken: Option<String> = on_engine!(self, pool => sqlx::query_scalar(
            "SELECT slug FROM articles WHERE story = $1 AND lang = $2 AND NOT draft LIMIT 1",
        )
        .bind(&story)
        .bind(lang.code())
        .fetch_optional(pool)
        .await?);
        Ok(match taken {
            Some(slug) => Err(DraftProblem::EditionTaken(slug)),
            None => Ok(story),
        })
    }

    /// Files the article at `slug` and the one it was written from under `story` (the source
    /// keeps a key it had).
    pub async fn join_story(
        &self,
        slug: &str,
        source: &str,
        story: &str,
    ) -> Result<(), sqlx::Error> {
        on_engine!(self, pool => sqlx::query(
            "UPDATE articles SET story = $1 WHERE slug = $2 OR (slug = $3 AND story IS NULL)",
        )
        .bind(story)
        .bind(slug)
        .bind(source)
        .execute(pool)
        .await
        .map(|_| ()))?;
        self.changed();
        Ok(())
    }
}
