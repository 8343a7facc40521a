//! The converter on a currency's page: an amount and two currencies (the SCO currencies the
//! CBR quotes, and the rouble), converted through the official rates of the day the portal
//! shows. A plain GET form: the server draws the answer into the page, so it works without
//! JavaScript, and the occasional bundle (which has no client routing) loads it the same way.
//! A refused amount stays in the box, with the reason beside it.

use infoshos_model::convert::{
    ROUBLE, convert, decimals, format_amount, parse_amount, roubles_per_unit, round_for,
};
use infoshos_model::links::Page;
use leptos::prelude::*;

use crate::app::use_site;
use crate::i18n::rates::rates_ui;
use crate::router::{query_param, use_nav};
use crate::time::format_date;

#[component]
pub fn RateConverter(code: String, days: u32) -> impl IntoView {
    let site = use_site();
    let lang = site.lang.get_untracked();
    let t = rates_ui(lang);
    let search = use_nav().search.get_untracked();
    let typed = query_param(&search, "amount").unwrap_or_default();
    let asked = !typed.is_empty() || query_param(&search, "to").is_some();
    let from = query_param(&search, "from").unwrap_or_else(|| code.clone());
    let to = query_param(&search, "to").unwrap_or_else(|| ROUBLE.to_string());
    let action = Page::Rates(lang, code).path();
    move || {
        let rates = site
            .rates
            .with(|r| r.as_ref().and_then(|r| r.as_ref().ok()).cloned())?;
        // The rouble, then every currency with an official rate that day.
        let mut offered = vec![ROUBLE.to_string()];
        offered.extend(
            rates
                .rates
                .iter()
                .filter(|r| roubles_per_unit(&rates, &r.currency).is_some())
                .map(|r| r.currency.clone()),
        );
        let options = |chosen: &str| {
            offered
                .iter()
                .map(
                    |c| view! { <option value=c.clone() selected=c == chosen>{c.clone()}</option> },
                )
                .collect_view()
        };
        let answer = asked.then(|| match parse_amount(&typed, lang) {
            Err(problem) => {
                view! { <p class="failure" role="alert">{t.problem(problem)}</p> }.into_any()
            }
            Ok(amount) => {
                let converted = roubles_per_unit(&rates, &from)
                    .zip(roubles_per_unit(&rates, &to))
                    .and_then(|(a, b)| convert(amount, a, b));
                match converted {
                    Some(value) => {
                        let said = format!(
                            "{} {from} = {} {to}",
                            format_amount(amount, decimals(&from), lang),
                            format_amount(round_for(&to, value), decimals(&to), lang),
                        );
                        view! { <p class="converted" role="status"><strong>{said}</strong></p> }
                            .into_any()
                    }
                    None => view! { <p class="failure" role="alert">{t.amount_not_a_number}</p> }
                        .into_any(),
                }
            }
        });
        Some(view! {
            <section class="converter box" aria-labelledby="converter-title">
                <h2 id="converter-title">{t.converter}</h2>
                <form method="get" action=action.clone()>
                    <input type="hidden" name="days" value=days />
                    <label>{t.amount} " "
                        <input name="amount" inputmode="decimal" autocomplete="off" value=typed.clone() />
                    </label>
                    <label>{t.from} " " <select name="from">{options(&from)}</select></label>
                    <label>{t.into} " " <select name="to">{options(&to)}</select></label>
                    <button type="submit">{t.convert}</button>
                </form>
                {answer}
                <p class="rates-source">
                    {t.cross_note} " "
                    <time datetime=rates.date.to_string()>{format_date(rates.date)}</time> "."
                </p>
            </section>
        })
    }
}
