//! The desk's writing surface: an article's body written as in a word processor, with a
//! toolbar, shortcuts, Markdown-style line starts, its own undo, paste cleaned to the body's
//! marks, and library photos as figures (decision 0024). The form still sends the body's HTML
//! field, which the surface keeps equal to what it shows; the HTML view edits that field.

mod caret;
mod commands;
mod figures;
mod history;
mod link_field;
pub(super) mod photo_previews;
mod surface;

use infoshos_model::photos::LibraryPhoto;
use infoshos_model::rich_text::Level;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use self::caret::Caret;
use self::commands::Command;
use self::history::History;
use self::surface::{SURFACE_ID, settle};
use super::publish::Desk;
use crate::i18n::admin::writing::{WritingUi, writing_ui};

fn writing_words() -> &'static WritingUi {
    writing_ui(super::shared::lang())
}

/// The surface, its toolbar and what they open; the HTML view is the form's body field,
/// shown instead when `html_view`.
#[component]
pub(super) fn Writing(desk: Desk, html_view: RwSignal<bool>) -> impl IntoView {
    let w = writing_words();
    let history = StoredValue::new_local(History::default());
    let linking = RwSignal::new(None::<Caret>);
    let offered = RwSignal::new_local(None::<figures::Offer>);
    let status = RwSignal::new(None::<&'static str>);
    // A link just made that leads to a page which is not there.
    let warning = RwSignal::new(None::<String>);
    // Where the caret was when focus left the surface (for a photo picked from the library).
    let last_caret = StoredValue::new(None::<Caret>);
    let typed_at = move || js_sys::Date::now();
    // A change made by the desk, not by typing: the field is told, and it is a step to undo.
    let changed = Callback::new(move |()| {
        let blocks = settle(true);
        let caret = surface::surface().and_then(|r| caret::save(&r));
        history.update_value(|h| h.record(blocks, caret, false, typed_at()));
    });
    // New paragraphs as `<p>`, not the browser's default `<div>`.
    commands::exec("defaultParagraphSeparator", "p");
    // The form's fields set at once (an article opened, a draft back, the form emptied).
    Effect::new(move || {
        desk.filled.track();
        if !html_view.get_untracked() {
            surface::load_from_field();
            let blocks = settle(false);
            history.update_value(|h| h.start(blocks));
        }
    });
    // The photos the library has, so figures show their pictures.
    leptos::task::spawn_local(async {
        if let Ok(list) = crate::api::get::<Vec<LibraryPhoto>>("/api/admin/photos?q=".into()).await
        {
            photo_previews::learn(&list);
        }
    });
    let step = move |back: bool| {
        let Some(root) = surface::surface() else {
            return;
        };
        history.update_value(|h| {
            if let Some((blocks, at)) = if back { h.undo() } else { h.redo() } {
                surface::draw(&root, blocks);
                let _ = root.focus();
                if let Some(at) = at {
                    caret::restore(&root, *at);
                }
            }
        });
        settle(true);
    };
    let input = move |ev: leptos::ev::Event| {
        let ev: &web_sys::InputEvent = ev.unchecked_ref();
        if ev.is_composing() {
            return;
        }
        let kind = ev.input_type();
        let made_block =
            kind == "insertText" && ev.data().as_deref() == Some(" ") && commands::line_start();
        let blocks = settle(false);
        let caret = surface::surface().and_then(|r| caret::save(&r));
        let typing =
            !made_block && (kind.starts_with("insertText") || kind.starts_with("deleteContent"));
        history.update_value(|h| h.record(blocks, caret, typing, typed_at()));
    };
    let before = move |ev: web_sys::InputEvent| match ev.input_type().as_str() {
        "historyUndo" | "historyRedo" => {
            ev.prevent_default();
            step(ev.input_type() == "historyUndo");
        }
        _ => {}
    };
    let keys = move |ev: leptos::ev::KeyboardEvent| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() {
            return;
        }
        let act = match ev.key().to_ascii_lowercase().as_str() {
            "b" => Some(Command::Bold),
            "i" => Some(Command::Italic),
            "k" => {
                ev.prevent_default();
                link_field::open(linking);
                None
            }
            "z" => {
                ev.prevent_default();
                step(!ev.shift_key());
                None
            }
            "y" => {
                ev.prevent_default();
                step(false);
                None
            }
            _ => None,
        };
        if let Some(command) = act {
            ev.prevent_default();
            commands::run(command);
        }
    };
    let paste = move |ev: leptos::ev::ClipboardEvent| {
        let Some(data) = ev.clipboard_data() else {
            return;
        };
        let at = surface::surface().and_then(|r| caret::save(&r));
        if let Some(file) = data.files().and_then(|f| f.get(0)) {
            ev.prevent_default();
            offered.set(Some(figures::Offer::new(file, at)));
            return;
        }
        let html = data.get_data("text/html").unwrap_or_default();
        if !html.trim().is_empty() {
            ev.prevent_default();
            paste_html(&html);
        }
    };
    let drop = move |ev: leptos::ev::DragEvent| {
        let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        ev.prevent_default();
        offered.set(Some(figures::Offer::new(file, dropped_at(&ev))));
    };
    let over = move |ev: leptos::ev::DragEvent| {
        let files = ev
            .data_transfer()
            .is_some_and(|d| d.types().includes(&"Files".into(), 0));
        if files {
            ev.prevent_default();
        }
    };
    let button = move |label: &'static str, mark: &'static str, command: Command| {
        tool(label, mark, move || {
            if let Some(root) = surface::surface() {
                let _ = root.focus();
            }
            commands::run(command);
        })
    };
    let error = move || desk.errors.with(|e| e.get("body").cloned());
    view! {
        <div class="field writing" hidden=move || html_view.get()>
            <span class="writing-label" id="article-body-label">{w.text}</span>
            <div class="writing-toolbar" role="toolbar" aria-label=w.toolbar aria-controls=SURFACE_ID>
                {button(w.bold, "B", Command::Bold)}
                {button(w.italic, "I", Command::Italic)}
                {tool(w.link, "🔗", move || link_field::open(linking))}
                {button(w.paragraph, "¶", Command::Paragraph)}
                {button(w.heading, "H2", Command::Heading(Level::Two))}
                {button(w.subheading, "H3", Command::Heading(Level::Three))}
                {button(w.quote, "❝", Command::Quote)}
                {button(w.bullets, "•", Command::List { ordered: false })}
                {button(w.numbers, "1.", Command::List { ordered: true })}
                {tool(w.undo, "↶", move || step(true))}
                {tool(w.redo, "↷", move || step(false))}
            </div>
            <link_field::LinkField linking changed warning />
            <div id=SURFACE_ID class="writing-surface article-body" contenteditable="true"
                role="textbox" aria-multiline="true" aria-labelledby="article-body-label"
                aria-describedby="article-body-surface-note article-body-surface-error"
                aria-invalid=move || error().is_some().to_string()
                on:input=input on:beforeinput=before on:keydown=keys on:paste=paste
                on:drop=drop on:dragover=over
                on:blur=move |_| last_caret.set_value(surface::surface().and_then(|r| caret::save(&r)))>
                <p><br /></p>
            </div>
            <span class="field-note" id="article-body-surface-note">{w.text_note}</span>
            <span class="field-error" id="article-body-surface-error">{error}</span>
            <figures::OfferedPhoto offered changed status />
            <span class="field-note" role="status">{move || status.get()}</span>
            <span class="field-error writing-warning" role="status">{move || warning.get()}</span>
        </div>
        <figures::FromLibrary html_view at=last_caret changed />
        <button type="button" class="link writing-switch" on:click=move |_| {
            if html_view.get_untracked() {
                surface::load_from_field();
                history.update_value(|h| h.start(settle(false)));
            }
            html_view.update(|v| *v = !*v);
        }>{move || if html_view.get() { w.writing_view } else { w.html_view }}</button>
    }
    // Its type erased: nested in the desk's form, it overflowed the compiler's query depth.
    .into_any()
}

/// A toolbar button. Pressing it leaves the focus, and so the selection, in the surface.
fn tool(label: &'static str, mark: &'static str, act: impl Fn() + 'static) -> impl IntoView {
    view! {
        <button type="button" class="button writing-button" title=label
            on:mousedown=|ev| ev.prevent_default()
            on:click=move |_| act()>{named(label, mark)}</button>
    }
}

/// A toolbar button's face: its mark for the eye, its name for a screen reader (a name that
/// did not contain the mark's text would fail WCAG's "label in name").
fn named(name: &'static str, mark: &'static str) -> impl IntoView {
    view! {
        <span aria-hidden="true">{mark}</span>
        <span class="writing-name">{name}</span>
    }
}

/// A page's or a word processor's HTML, read into the body's marks, in place of the selection.
fn paste_html(html: &str) {
    let doc = surface::parse(html)
        .map(|body| surface::read_normal(&body))
        .unwrap_or_default();
    let mut clean = doc.to_html();
    // One paragraph goes into the paragraph where the caret is, not beside it.
    if let [infoshos_model::rich_text::Block::Paragraph(_)] = doc.blocks() {
        clean = clean["<p>".len()..clean.len() - "</p>".len()].to_string();
    }
    // The model's own HTML: every text escaped, only the body's elements.
    commands::exec("insertHTML", &clean);
}

/// The caret under a drop's pointer.
fn dropped_at(ev: &web_sys::DragEvent) -> Option<Caret> {
    let root = surface::surface()?;
    // Chromium's name for it; `caretPositionFromPoint` is newer.
    let find = js_sys::Reflect::get(&document(), &"caretRangeFromPoint".into()).ok()?;
    let range: web_sys::Range = find
        .dyn_ref::<js_sys::Function>()?
        .call2(&document(), &ev.client_x().into(), &ev.client_y().into())
        .ok()?
        .dyn_into()
        .ok()?;
    let at = caret::count_to(
        &root,
        &range.start_container().ok()?,
        range.start_offset().ok()?,
    )?;
    Some(Caret {
        anchor: at,
        focus: at,
    })
}
