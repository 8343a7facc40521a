use infoshos_model::Section;
use infoshos_model::convert::ROUBLE;
use infoshos_model::widgets::{
    DEFAULT_FROM, DEFAULT_LIMIT, DEFAULT_TO, FRAME_SANDBOX, GROUPS, MAX_LIMIT, PICKABLE, THEMES,
};
use leptos::prelude::*;

use crate::i18n::section_name;
use crate::i18n::widgets::widgets_ui;
use crate::site::use_site;

/// For partner sites: pick a widget and its options, see it live, copy the two lines.
/// The page is static markup; `public/widgets.js` reads the form and fills in the code and the
/// preview (a reactive form here cost 11 KB of brotli wasm on every reader's download, for a
/// page only partners open). The preview is the widget itself, which checks the options with
/// the model's rules and says in the frame what is wrong.
#[component]
pub fn WidgetsPage() -> impl IntoView {
    let site = use_site();
    let t = widgets_ui(site.lang.get_untracked());
    crate::head::page_head(move || t.title.into(), move || t.intro.into());
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
    // The rouble and the SCO currencies, once each, in the states' order (sorting them cost the
    // bundle 0.4 KB of brotli wasm); one the CBR does not quote is said so in the preview.
    let currencies = move |chosen: &'static str| {
        let mut codes = vec![ROUBLE.to_string()];
        site.states.with(|s| {
            for state in s.iter().flatten().flatten() {
                if !codes.contains(&state.currency) {
                    codes.push(state.currency.clone());
                }
            }
        });
        codes
            .into_iter()
            .map(|c| view! { <option value=c.clone() selected=c == chosen>{c.clone()}</option> })
            .collect_view()
    };
    view! {
        <h1 class="page-title">{t.title}</h1>
        <p>{t.intro}</p>
        <form id="widget-picker" class="widget-picker" data-kind="feed">
            <div class="field">
                <label for="widget-kind">{t.kind}</label>
                <select id="widget-kind" name="kind">{choices(&PICKABLE, &t.kinds)}</select>
            </div>
            <div class="field only-feed">
                <label for="widget-limit">{t.limit}</label>
                <input id="widget-limit" name="limit" type="number" min="1" max=MAX_LIMIT value=DEFAULT_LIMIT />
            </div>
            <div class="field only-feed">
                <label for="widget-country">{t.country}</label>
                <select id="widget-country" name="country">
                    <option value="">{t.any_country}</option>
                    {move || countries().into_iter().map(|(c, n)| view! { <option value=c>{n}</option> }).collect_view()}
                </select>
            </div>
            <div class="field only-feed">
                <label for="widget-section">{t.section}</label>
                <select id="widget-section" name="section">
                    <option value="">{t.any_section}</option>
                    {Section::ALL.map(|s| view! {
                        <option value=s.key()>{section_name(site.ui(), s)}</option>
                    })}
                </select>
            </div>
            <div class="field only-feed">
                <label for="widget-photos">{t.photos}</label>
                <select id="widget-photos" name="photos">
                    <option value="">{t.photo_choices[0]}</option>
                    <option value="1">{t.photo_choices[1]}</option>
                </select>
            </div>
            <div class="field only-clocks">
                <label for="widget-group">{t.group}</label>
                <select id="widget-group" name="group">{choices(&GROUPS, &t.groups)}</select>
            </div>
            <div class="field only-converter">
                <label for="widget-from">{t.from}</label>
                <select id="widget-from" name="from">{move || currencies(DEFAULT_FROM)}</select>
            </div>
            <div class="field only-converter">
                <label for="widget-to">{t.to}</label>
                <select id="widget-to" name="to">{move || currencies(DEFAULT_TO)}</select>
            </div>
            <div class="field">
                <label for="widget-theme">{t.theme}</label>
                <select id="widget-theme" name="theme">{choices(&THEMES, &t.themes)}</select>
            </div>
        </form>
        <h2>{t.code}</h2>
        <textarea id="widget-code" class="widget-code" readonly rows="3" aria-label=t.code></textarea>
        <p>
            <button id="widget-copy" type="button" class="button" data-done=t.copied>{t.copy}</button>
            " "
            <span id="widget-copied" role="status"></span>
        </p>
        <h2>{t.preview}</h2>
        <iframe id="widget-preview" class="widget-preview" title=t.preview
            sandbox=FRAME_SANDBOX></iframe>
        <script src="/widgets.js"></script>
    }
}
