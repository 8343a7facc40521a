use infoshos_model::links::{self, Page};
use infoshos_model::{Rate, Rates, State};
use leptos::prelude::*;

use crate::components::failure::Failure;
use crate::components::flag::Flag;
use crate::i18n::Ui;
use crate::rate_format::{Change, format_rate, rate_change};
use crate::site::use_site;
use crate::time::format_date;

/// "SCO currencies / rouble": official CBR rates with their date, a mark against the previous
/// day, and "no official rate" where the CBR sets none.
#[component]
pub fn RatesTable() -> impl IntoView {
    let site = use_site();
    let t = site.ui();
    let body = move || match site.rates.get() {
        None => view! { <p class="rates-loading" aria-busy="true">{t.loading}</p> }.into_any(),
        Some(Err(e)) => view! {
            <Failure
                what=t.rates_title
                error=e
                retry=Callback::new(move |_| site.rates.refetch())
            />
        }
        .into_any(),
        Some(Ok(rates)) => {
            let states = site
                .states
                .with(|o| o.as_ref().and_then(|r| r.as_ref().ok()).cloned())
                .unwrap_or_default();
            view! { <RatesGrid rates states /> }.into_any()
        }
    };
    view! {
        <section class="rates box" aria-labelledby="rates-title">
            <h2 id="rates-title">{t.rates_title}</h2>
            {body}
        </section>
    }
}

#[component]
fn RatesGrid(rates: Rates, states: Vec<State>) -> impl IntoView {
    let site = use_site();
    let t = site.ui();
    let converter = links::converter(site.lang.get_untracked());
    let date = format_date(rates.date);
    let rows = rates
        .rates
        .into_iter()
        .map(|rate| {
            let country = states
                .iter()
                .find(|s| s.code == rate.country)
                .map(|s| (s.name.clone(), s.currency_name.clone()));
            view! { <RateRow rate country t /> }
        })
        .collect_view();
    view! {
        <p class="rates-source">
            {t.cbr_official} " " {t.rates_for} " "
            <time datetime=rates.date.to_string()>{date.clone()}</time>
        </p>
        {rates.stale.then(|| view! {
            <p class="rates-stale" role="note">
                <strong>{t.as_of} " " {date}</strong> ". " {t.snapshot_note}
            </p>
        })}
        <table class="rates-table">
            <thead>
                <tr>
                    <th scope="col">{t.col_country}</th>
                    <th scope="col">{t.col_code}</th>
                    <th scope="col" class="rates-currency">{t.col_currency}</th>
                    <th scope="col" class="num">{t.col_units}</th>
                    <th scope="col" class="num">{t.col_rate}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        // Measured: this link costs the reader's wasm 0.4 KB brotli, the row's line 0.4 KB.
        <p><a href=converter>{t.rates_more}</a></p>
    }
}

#[component]
fn RateRow(
    rate: Rate,
    /// The state's name and currency name, in the edition's language.
    country: Option<(String, String)>,
    t: &'static Ui,
) -> impl IntoView {
    let (name, currency_name) =
        country.unwrap_or_else(|| (rate.country.clone(), rate.currency_name.clone()));
    let change = rate_change(rate.per_unit, rate.previous);
    let (mark, words, class) = match change {
        Change::Up => ("▲", t.rate_up, "up"),
        Change::Down => ("▼", t.rate_down, "down"),
        Change::Same => ("=", t.rate_same, "same"),
        Change::Unknown => ("", "", ""),
    };
    let quoted = match (rate.value, rate.nominal) {
        (Some(value), Some(nominal)) => Some((value, nominal)),
        _ => None,
    };
    let code = rate.currency.clone();
    // A quoted currency's code leads to its history (drawn by the occasional bundle).
    let history = quoted
        .is_some()
        .then(|| Page::Rates(use_site().lang.get_untracked(), code.clone()).path());
    // Its last 30 days as a line, drawn by the server as an image: the wasm carries neither
    // the drawing nor the series. Decorative (`alt=""`): the link leads to the chart. The same
    // attributes as a flag's, in the same order, share its code (with `width` and `height` it
    // cost the reader's wasm 1.1 KB brotli); its size is the stylesheet's, so nothing shifts.
    let spark = quoted.is_some().then(|| {
        let src = links::rate_sparkline(&code);
        view! { <img class="spark" loading="lazy" alt="" src=src /> }
    });
    view! {
        <tr data-currency=code>
            <td><Flag code=rate.country.clone() /> " " {name}</td>
            <td><a href=history><abbr title=currency_name.clone()>{rate.currency}</abbr> {spark}</a></td>
            <td class="rates-currency">{currency_name}</td>
            {match quoted {
                Some((value, nominal)) => view! {
                    <td class="num">{nominal}</td>
                    <td class="num">
                        {format_rate(value)}
                        {(!mark.is_empty()).then(|| view! {
                            " " <span class=format!("rate-mark {class}") title=words aria-label=words>{mark}</span>
                        })}
                    </td>
                }.into_any(),
                None => view! { <td class="num none" colspan="2">{t.no_official_rate}</td> }.into_any(),
            }}
        </tr>
    }
}
