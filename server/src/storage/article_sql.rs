//! The statements every write of an article shares, each run in the caller's transaction:
//! a new article with its states, what an editor writes replaced, its line in the audit.

/// The audit row of an editor's action on an article (an `AuditAction`), in the caller's
/// transaction `$tx`.
macro_rules! audit_article {
    ($tx:expr, $action:expr, $id:expr, $actor:expr, $now_ms:expr) => {
        super::audit::audit!($tx, $now_ms, $actor, $action, article_id = $id)?
    };
}

/// The article's states, in the caller's transaction `$tx`.
macro_rules! insert_countries {
    ($tx:expr, $id:expr, $countries:expr) => {
        for country in $countries {
            sqlx::query("INSERT INTO article_countries (article_id, country) VALUES ($1, $2)")
                .bind($id)
                .bind(country)
                .execute(&mut *$tx)
                .await?;
        }
    };
}

/// A new article and its states in the caller's transaction `$tx`; its id.
macro_rules! insert_article {
    ($tx:expr, $a:expr) => {{
        let a: &$crate::storage::NewArticle = $a;
        let body_text = infoshos_model::html::article_text(&a.body_html);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO articles (slug, lang, title, summary, body, body_text, published_at,
                                   lead_photo, lead_alt, lead_caption, lead_credit, section)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
        )
        .bind(&a.slug)
        .bind(a.lang.code())
        .bind(&a.title)
        .bind(&a.summary)
        .bind(&a.body_html)
        .bind(&body_text)
        .bind(a.published_at_ms)
        .bind(a.lead.as_ref().map(|l| l.id.as_str()))
        .bind(a.lead.as_ref().map_or("", |l| l.alt.as_str()))
        .bind(a.lead.as_ref().map_or("", |l| l.caption.as_str()))
        .bind(a.lead.as_ref().map_or("", |l| l.credit.as_str()))
        .bind(a.section.map(infoshos_model::Section::key))
        .fetch_one(&mut *$tx)
        .await?;
        $crate::storage::article_sql::insert_countries!($tx, id, &a.countries);
        $crate::storage::article_sql::index_stems!($tx, id, a, &body_text);
        id
    }};
}

/// The article's stems in the search's index (SQLite; nothing on PostgreSQL), in the caller's
/// transaction `$tx`.
macro_rules! index_stems {
    ($tx:expr, $id:expr, $a:expr, $body_text:expr) => {{
        let text = $crate::storage::stems::Text {
            lang: $a.lang,
            title: &$a.title,
            summary: &$a.summary,
            body_text: $body_text,
        };
        $crate::storage::stems::StemIndex::index_stems(&mut *$tx, $id, text).await?;
    }};
}

/// Replaces what an editor writes (edition, section, title, lead, body, states) of the article the
/// `$filter` (SQL after `WHERE`, with `$6` bound to `$key`) names, in the caller's transaction
/// `$tx`; its id, or `None` when the filter names none.
macro_rules! rewrite_article {
    ($tx:expr, $a:expr, $filter:literal, $key:expr) => {{
        let a: &$crate::storage::NewArticle = $a;
        let body_text = infoshos_model::html::article_text(&a.body_html);
        let id: Option<i64> = sqlx::query_scalar(concat!(
            "UPDATE articles SET lang = $1, title = $2, summary = $3, body = $4, body_text = $5,
                    lead_photo = $7, lead_alt = $8, lead_caption = $9, lead_credit = $10,
                    section = $11
             WHERE ",
            $filter,
            " RETURNING id"
        ))
        .bind(a.lang.code())
        .bind(&a.title)
        .bind(&a.summary)
        .bind(&a.body_html)
        .bind(&body_text)
        .bind($key)
        .bind(a.lead.as_ref().map(|l| l.id.as_str()))
        .bind(a.lead.as_ref().map_or("", |l| l.alt.as_str()))
        .bind(a.lead.as_ref().map_or("", |l| l.caption.as_str()))
        .bind(a.lead.as_ref().map_or("", |l| l.credit.as_str()))
        .bind(a.section.map(infoshos_model::Section::key))
        .fetch_optional(&mut *$tx)
        .await?;
        if let Some(id) = id {
            sqlx::query("DELETE FROM article_countries WHERE article_id = $1")
                .bind(id)
                .execute(&mut *$tx)
                .await?;
            $crate::storage::article_sql::insert_countries!($tx, id, &a.countries);
            $crate::storage::article_sql::index_stems!($tx, id, a, &body_text);
        }
        id
    }};
}

pub(crate) use {audit_article, index_stems, insert_article, insert_countries, rewrite_article};
