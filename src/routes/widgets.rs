use leptos::prelude::*;

use crate::app::use_site;

use infoshos_model::widgets::{DEFAULT_LIMIT, GROUPS, MAX_LIMIT, PICKABLE, THEMES};

/// For partner sites: pick a widget and its options, see it live, copy the two lines.
/// The page is static markup; `public/widgets.js` reads the form and fills in the code and the
/// preview (a reactive form here cost 11 KB of brotli wasm on every reader's download, for a
/// page only partners open). The preview is the widget itself, which checks the options with
/// the model's rules and says in the frame what is wrong.
#[component]
pub fn WidgetsPage() -> impl IntoView {
    let site = use_site();
    let t = site.ui();
    crate::head::page_head(
        move || t.widgets_title.into(),
        move || t.widgets_intro.into(),
    );
    let choices = |codes: &[&'static str], names: &[&'static str]| {
        codes
            .iter()
            .zip(names)
            .map(|(c, n)| view! { <option value=*c>{*n}</option> })
            .collect_view()
    };
    let countries = move || {
        site.states.with(|s| match s {
            Some(Ok(states)) => states
                .iter()
                .map(|s| (s.code.clone(), s.name.clone()))
                .collect(),
            _ => Vec::new(),
        })
    };
    view! {
        <h1 class="page-title">{t.widgets_title}</h1>
        <p>{t.widgets_intro}</p>
        <form id="widget-picker" class="widget-picker" data-kind="feed">
            <div class="field">
                <label for="widget-kind">{t.widgets_kind}</label>
                <select id="widget-kind" name="kind">{choices(&PICKABLE, &t.widgets_kinds)}</select>
            </div>
            <div class="field only-feed">
                <label for="widget-limit">{t.widgets_limit}</label>
                <input id="widget-limit" name="limit" type="number" min="1" max=MAX_LIMIT value=DEFAULT_LIMIT />
            </div>
            <div class="field only-feed">
                <label for="widget-country">{t.widgets_country}</label>
                <select id="widget-country" name="country">
                    <option value="">{t.widgets_any_country}</option>
                    {move || countries().into_iter().map(|(c, n)| view! { <option value=c>{n}</option> }).collect_view()}
                </select>
            </div>
            <div class="field only-clocks">
                <label for="widget-group">{t.widgets_group}</label>
                <select id="widget-group" name="group">{choices(&GROUPS, &t.widgets_groups)}</select>
            </div>
            <div class="field">
                <label for="widget-theme">{t.widgets_theme}</label>
                <select id="widget-theme" name="theme">{choices(&THEMES, &t.widgets_themes)}</select>
            </div>
        </form>
        <h2>{t.widgets_code}</h2>
        <textarea id="widget-code" class="widget-code" readonly rows="3" aria-label=t.widgets_code></textarea>
        <p>
            <button id="widget-copy" type="button" class="button" data-done=t.widgets_copied>{t.widgets_copy}</button>
            " "
            <span id="widget-copied" role="status"></span>
        </p>
        <h2>{t.widgets_preview}</h2>
        <iframe id="widget-preview" class="widget-preview" title=t.widgets_preview
            sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>
        <script src="/widgets.js"></script>
    }
}
