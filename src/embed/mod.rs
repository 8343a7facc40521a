//! The widgets partner sites embed: the news feed, the capital clocks, the rates table, the
//! currency converter and an article card, each with minimal chrome. Parameters are read with the model's rules; a bad
//! one is said inside the frame (as text), never a blank frame. No service worker, install
//! prompt or storage here: the frame lives in someone else's page.

mod feed;

use infoshos_model::Lang;
use infoshos_model::links::Page;
use infoshos_model::widgets::{Widget, parse_widget};
use leptos::prelude::*;

use crate::components::clocks::Clocks;
use crate::components::rate_converter::RateConverter;
use crate::components::rates_table::RatesTable;
use crate::i18n::widgets::widgets_ui;
use crate::router::query_pairs;
use crate::site::{Site, use_site};

#[component]
pub fn EmbeddedWidget() -> impl IntoView {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    let kind = path.trim_start_matches("/embed/").trim_end_matches('/');
    let spec = parse_widget(kind, query_pairs(&search));
    let lang = spec.as_ref().map_or(Lang::En, |s| s.lang);
    let lang_memo = Memo::new(move |_| lang);
    let site = match &spec {
        Ok(s) if matches!(s.widget, Widget::Rates | Widget::Converter { .. }) => {
            Site::new(lang_memo)
        }
        _ => Site::without_rates(lang_memo),
    };
    provide_context(site);
    crate::head::html_lang(move || lang.code());
    let t = widgets_ui(lang);
    let spec = match spec {
        Ok(spec) => spec,
        Err(problems) => {
            return view! {
                <div class="widget-problem" role="alert">
                    <p><strong>{t.cannot_show}</strong></p>
                    <ul>{problems.iter().map(|p| view! { <li>{t.problem(p)}</li> }).collect_view()}</ul>
                </div>
            }
            .into_any();
        }
    };
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-theme", spec.theme.code());
    }
    // The converter sends its form back to this address, with the widget's other settings.
    let kept = spec
        .query()
        .into_iter()
        .filter(|(name, _)| !matches!(*name, "from" | "to"))
        .collect();
    let action = spec.widget.path();
    let body = match spec.widget {
        Widget::Feed {
            limit,
            country,
            section,
            photos,
        } => {
            view! { <feed::EmbedFeed limit=usize::from(limit) country section photos /> }.into_any()
        }
        Widget::Clocks { group } => view! { <Clocks only=group /> }.into_any(),
        Widget::Rates => view! { <RatesTable /> }.into_any(),
        Widget::Converter { from, to } => {
            view! { <RateConverter action kept from to search /> }.into_any()
        }
        Widget::Article { slug } => view! { <feed::EmbedArticle slug /> }.into_any(),
    };
    view! {
        {body}
        <WidgetFooter />
    }
    .into_any()
}

/// Where the widget comes from, opening the portal in a new tab.
#[component]
fn WidgetFooter() -> impl IntoView {
    let site = use_site();
    let t = widgets_ui(site.lang.get_untracked());
    view! {
        <p class="widget-footer">
            <a href=Page::Home(site.lang.get_untracked()).path() target="_blank" rel="noopener">
                {t.more}
            </a>
        </p>
    }
}
