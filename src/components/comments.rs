use infoshos_model::Comment;
use leptos::prelude::*;

use crate::components::failure::Failure;
use crate::site::use_site;
use crate::time::{iso, reader_local};

/// Published comments and the reader's own waiting ones (marked), in the server's order:
/// oldest first, each reply after the comment that starts its thread and the replies before
/// it. Text is text: it is never parsed as HTML.
#[component]
pub fn CommentList(comments: crate::load::Load<Vec<Comment>>) -> impl IntoView {
    let t = use_site().ui();
    move || match comments.get() {
        None => view! { <p aria-busy="true">{t.loading}</p> }.into_any(),
        Some(Err(error)) => view! {
            <Failure what=t.comments_title error retry=Callback::new(move |_| comments.refetch()) />
        }
        .into_any(),
        Some(Ok(list)) if list.is_empty() => {
            view! { <p class="comments-empty">{t.no_comments}</p> }.into_any()
        }
        Some(Ok(list)) => view! {
            <ol class="comment-list">
                {list.into_iter().map(|c| view! { <CommentItem comment=c /> }).collect_view()}
            </ol>
        }
        .into_any(),
    }
}

/// One comment, and its "Reply": a link to the form answering it, whose reply line
/// public/pwa-later.js fills in place (as `comment_post::reply_line` draws it). A reply is indented and says whom it answers. One flat
/// list: threads drawn by the app, as nested lists, with the reply line, cost the reader's wasm
/// 4.5 KB of brotli (decision 0023).
#[component]
fn CommentItem(comment: Comment) -> impl IntoView {
    let t = use_site().ui();
    let when = reader_local(comment.created_at);
    let id = comment.id;
    // The server's link asks for the form answering this comment (a reader without
    // JavaScript). In the browser pwa.js answers the click in place, so the app's link only
    // leads to the form: an address formatted per comment cost the reader's wasm ~0.1 KB.
    #[cfg(feature = "ssr")]
    let answer = format!("?reply={id}#comment-form");
    #[cfg(not(feature = "ssr"))]
    let answer = "#comment-form";
    let answers = comment
        .answers
        .map(|name| format!(" · {} {name}", t.in_reply_to));
    view! {
        <li class=if comment.thread.is_some() { "comment reply" } else { "comment" } data-id=id>
            <p class="comment-meta">
                <strong class="comment-name">{comment.name}</strong>
                {answers}
                " · "
                <time datetime=iso(comment.created_at)>{when}</time>
                {comment.pending.then(|| view! { " · " <em class="comment-pending">{t.awaiting}</em> })}
            </p>
            <p class="comment-text">{comment.text}</p>
            <a class="reply-link" href=answer>{t.reply}</a>
        </li>
    }
}
