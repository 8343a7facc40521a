//! One story told in several editions: the key its articles share (migration 0008), an
//! edition written in the desk from another, and a correction to one flagging the others
//! (migration 0022; issue 33). An article that tells a story alone is its own story: its key
//! is its address.

use infoshos_model::Lang;
use infoshos_model::editorial::{CorrectionAsked, DraftProblem, StoryEdition};

use super::{Storage, on_engine};

/// An article of the same story as the one at `$1`: its `story` is that story's key, or it has
/// none and its address is the key (an article telling it alone). Two lookups, each by its own
/// index (`articles_story`, the unique slug), where `COALESCE(story, slug) = …` reads the table.
macro_rules! same_story {
    () => {
        "(story = (SELECT COALESCE(story, slug) FROM articles WHERE slug = $1)
          OR (story IS NULL AND slug = (SELECT COALESCE(story, slug) FROM articles WHERE slug = $1)))"
    };
}

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

    /// The other editions of the story the article at `slug` tells (drafts aside), in the
    /// order of `Lang::ALL`.
    pub async fn other_editions(&self, slug: &str) -> Result<Vec<StoryEdition>, sqlx::Error> {
        let rows: Vec<(Lang, String)> = on_engine!(self, pool => sqlx::query_as(
            concat!(
                "SELECT lang, slug FROM articles WHERE slug <> $1 AND NOT draft AND ",
                same_story!()
            ),
        )
        .bind(slug)
        .fetch_all(pool)
        .await?);
        Ok(Lang::ALL
            .into_iter()
            .filter_map(|lang| {
                rows.iter()
                    .find(|(l, _)| *l == lang)
                    .map(|(_, slug)| StoryEdition {
                        lang,
                        slug: slug.clone(),
                    })
            })
            .collect())
    }

    /// The article at `slug` was corrected: its own flag is cleared and, with `flag_others`,
    /// the story's other editions are flagged as needing the same correction.
    pub async fn corrected_in_story(
        &self,
        slug: &str,
        flag_others: bool,
        at_ms: i64,
    ) -> Result<(), sqlx::Error> {
        // One transaction: the article's own flag is never cleared without the others set.
        on_engine!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "UPDATE articles SET correction_from = NULL, correction_asked_at = NULL WHERE slug = $1",
            )
            .bind(slug)
            .execute(&mut *tx)
            .await?;
            if flag_others {
                sqlx::query(concat!(
                    "UPDATE articles SET correction_from = $1, correction_asked_at = $2
                      WHERE slug <> $1 AND NOT draft AND ",
                    same_story!()
                ))
                .bind(slug)
                .bind(at_ms)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        });
        self.changed();
        Ok(())
    }

    /// Whether another edition asked for the article at `slug` to be checked, and which.
    pub async fn correction_asked(
        &self,
        slug: &str,
    ) -> Result<Option<CorrectionAsked>, sqlx::Error> {
        let row: Option<(Lang, String, i64)> = on_engine!(self, pool => sqlx::query_as(
            "SELECT f.lang, f.slug, a.correction_asked_at FROM articles a
               JOIN articles f ON f.slug = a.correction_from
              WHERE a.slug = $1 AND a.correction_asked_at IS NOT NULL",
        )
        .bind(slug)
        .fetch_optional(pool)
        .await?);
        Ok(row.map(|(lang, slug, at)| CorrectionAsked {
            from: StoryEdition { lang, slug },
            at: super::millis_to_utc(at),
        }))
    }
}
