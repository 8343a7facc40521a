use infoshos_model::Comment;
use leptos::prelude::*;

use crate::components::failure::Failure;
use crate::site::use_site;
use crate::time::{iso, reader_local};

/// Published comments and the reader's own waiting ones (marked), oldest first, then those
/// the reader just posted. Text is text: it is never parsed as HTML.
#[component]
pub fn CommentList(
    comments: crate::load::Load<Vec<Comment>>,
    added: RwSignal<Vec<Comment>>,
) -> impl IntoView {
    let t = use_site().ui();
    move || match comments.get() {
        None => view! { <p aria-busy="true">{t.loading}</p> }.into_any(),
        Some(Err(error)) => view! {
            <Failure what=t.comments_title error retry=Callback::new(move |_| comments.refetch()) />
        }
        .into_any(),
        Some(Ok(list)) => {
            let mut all = list;
            for c in added.get() {
                if !all.iter().any(|x| x.id == c.id) {
                    all.push(c);
                }
            }
            if all.is_empty() {
                view! { <p class="comments-empty">{t.no_comments}</p> }.into_any()
            } else {
                view! {
                    <ol class="comment-list">
                        {all.into_iter().map(|c| view! { <CommentItem comment=c /> }).collect_view()}
                    </ol>
                }
                .into_any()
            }
        }
    }
}

#[component]
fn CommentItem(comment: Comment) -> impl IntoView {
    let t = use_site().ui();
    let when = reader_local(comment.created_at);
    view! {
        <li class="comment" data-id=comment.id>
            <p class="comment-meta">
                <strong class="comment-name">{comment.name}</strong>
                " · "
                <time datetime=iso(comment.created_at)>{when}</time>
                {comment.pending.then(|| view! { " · " <em class="comment-pending">{t.awaiting}</em> })}
            </p>
            <p class="comment-text">{comment.text}</p>
        </li>
    }
}
