use infoshos_model::Article;
use infoshos_model::links::Page;
use leptos::prelude::*;

use crate::api;
use crate::components::comment_form::{CommentForm, to_form};
use crate::components::comments::CommentList;
use crate::components::failure::Failure;
use crate::components::flag::Flag;
use crate::components::photo::lead_photo;
use crate::components::save_offline::SaveOffline;
use crate::components::section_link::section_link;
use crate::fetch_error::FetchError;
use crate::routes::not_found::NotFound;
use crate::site::use_site;
use crate::time::{iso, reader_local};

#[component]
pub fn ArticlePage(slug: String) -> impl IntoView {
    let site = use_site();
    let t = site.ui();
    let article = crate::load::Load::new(move || api::article(slug.clone()));
    let content = move || match article.get() {
        None => {
            view! { <div class="article-loading" aria-busy="true">{t.loading}</div> }.into_any()
        }
        Some(Err(FetchError::NotFound)) => {
            view! { <NotFound message=t.article_not_found /> }.into_any()
        }
        Some(Err(error)) => view! {
            <Failure what=t.the_article error retry=Callback::new(move |_| article.refetch()) />
        }
        .into_any(),
        Some(Ok(a)) => view! { <ArticleView article=a /> }.into_any(),
    };
    view! { {content} }
}

#[component]
fn ArticleView(article: Article) -> impl IntoView {
    let site = use_site();
    let t = site.ui();
    let lang = article.lang;
    let slug = article.slug.clone();
    let comments = crate::load::Load::new({
        let slug = slug.clone();
        move || api::comments(slug.clone())
    });
    // What the server's form needs to say whom a `?reply=` answers.
    #[cfg(feature = "ssr")]
    provide_context(crate::components::comment_post::Answerable(comments));
    let when = reader_local(article.published_at);
    // An editor corrected it: said, with when (the earlier text is kept for editors).
    // As text beside the date: 0.3 KB of the reader's wasm; a `<time>` element of its own cost
    // 0.7 KB.
    let corrected = article
        .corrected_at
        .map(|at| format!(" · {} {}", t.corrected_on, reader_local(at)));
    let countries = article
        .countries
        .iter()
        .map(|code| {
            let code = code.clone();
            let name = {
                let code = code.clone();
                move || site.state(&code).map_or_else(|| code.clone(), |s| s.name)
            };
            let href = Page::Country(lang, code.clone()).path();
            view! { <li><a href=href><Flag code /> " " {name}</a></li> }
        })
        .collect_view();
    let related = article
        .related
        .into_iter()
        .map(|r| {
            let when = reader_local(r.published_at);
            view! {
                <li>
                    <time datetime=iso(r.published_at)>{when}</time>
                    " "
                    <a href=Page::Article(r.lang, r.slug).path()>{r.title}</a>
                </li>
            }
        })
        .collect_view();
    let jump_to_form = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        to_form();
    };
    let (title, summary) = (article.title.clone(), article.summary.clone());
    let token = article.form_token.clone();
    let photo = article.photo.clone().map(lead_photo);
    crate::head::page_head(move || title.clone(), move || summary.clone());
    view! {
        <article class="article">
            <h1 class="article-title">{article.title}</h1>
            <p class="article-meta">
                {section_link(lang, article.section, " · ")}
                <time datetime=iso(article.published_at)>{when}</time>
                {corrected}
            </p>
            {photo}
            <p class="article-lead">{article.summary}</p>
            // Cleaned by the server's allowlist when it was written (see `Article::body`).
            <div class="article-body" inner_html=article.body></div>
            <nav class="article-states" aria-label=t.concerns>
                <h2>{t.concerns}</h2>
                <ul>{countries}</ul>
            </nav>
        </article>
        <p class="article-actions no-print">
            <a href="#comment-form" class="button" on:click=jump_to_form>{t.add_comment}</a>
            " "
            <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>{t.print}</button>
            " "
            <SaveOffline slug=slug.clone() />
        </p>
        <section class="comments no-print" aria-labelledby="comments-title">
            <h2 id="comments-title">{t.comments_title}</h2>
            <CommentList comments />
            <CommentForm slug token on_stored=Callback::new(move |_| comments.refresh()) />
        </section>
        <section class="related no-print" aria-labelledby="related-title">
            <h2 id="related-title">{t.related}</h2>
            <ul class="related-list">{related}</ul>
        </section>
    }
}
