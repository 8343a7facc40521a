//! The converter, on a currency's page and as a widget: an amount and two currencies (the SCO
//! currencies the CBR quotes, and the rouble), converted through the official rates of the day
//! the portal shows. A plain GET form to the address it is on: the server draws the answer into
//! the currency's page, so it works without JavaScript, and the occasional bundle (which has no
//! client routing) and the widget load it the same way. A refused amount stays in the box, with
//! the reason beside it; a currency with no official rate that day is named.

use infoshos_model::convert::{
    ROUBLE, convert, decimals, format_amount, parse_amount, roubles_per_unit, round_for,
};
use leptos::prelude::*;

use crate::i18n::rates::rates_ui;
use crate::router::query_param;
use crate::site::use_site;
use crate::time::format_date;

#[component]
pub fn RateConverter(
    /// Where the form is sent: the page or widget it is on.
    action: String,
    /// Fields sent back unchanged (the page's `days`, the widget's `lang` and `theme`).
    kept: Vec<(&'static str, String)>,
    /// The pair shown until the reader picks one (the query's `from` and `to` win).
    from: String,
    to: String,
    /// The address's query: what the reader sent.
    search: String,
) -> impl IntoView {
    let site = use_site();
    let lang = site.lang.get_untracked();
    let t = rates_ui(lang);
    let typed = query_param(&search, "amount").unwrap_or_default();
    // Sent by the form (even empty): the reader asked; a widget's own settings do not ask.
    let asked = query_param(&search, "amount").is_some();
    let from = query_param(&search, "from").unwrap_or(from);
    let to = query_param(&search, "to").unwrap_or(to);
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
        let unquoted = [&from, &to].into_iter().find(|c| !offered.contains(c));
        let answer = match (unquoted, parse_amount(&typed, lang)) {
            (Some(code), _) => Some(failure(t.no_rate.replacen("{}", code, 1))),
            (None, _) if !asked => None,
            (None, Err(problem)) => Some(failure(t.problem(problem).to_string())),
            (None, Ok(amount)) => {
                let converted = roubles_per_unit(&rates, &from)
                    .zip(roubles_per_unit(&rates, &to))
                    .and_then(|(a, b)| convert(amount, a, b));
                Some(match converted {
                    Some(value) => {
                        let said = format!(
                            "{} {from} = {} {to}",
                            format_amount(amount, decimals(&from), lang),
                            format_amount(round_for(&to, value), decimals(&to), lang),
                        );
                        view! { <p class="converted" role="status"><strong>{said}</strong></p> }
                            .into_any()
                    }
                    None => failure(t.amount_not_a_number.to_string()),
                })
            }
        };
        let kept = kept
            .iter()
            .map(|(name, value)| view! { <input type="hidden" name=*name value=value.clone() /> })
            .collect_view();
        // The fields' ids: what the reader types before the app takes the server's page over
        // is kept (Trunk.toml). `target`: a widget's links open the portal in a new tab (`<base target>`), its
        // answer stays in the frame.
        Some(view! {
            <section class="converter box" aria-labelledby="converter-title">
                <h2 id="converter-title">{t.converter}</h2>
                <form method="get" action=action.clone() target="_self">
                    {kept}
                    <label>{t.amount} " "
                        <input id="converter-amount" name="amount" inputmode="decimal" autocomplete="off" value=typed.clone() />
                    </label>
                    <label>{t.from} " " <select id="converter-from" name="from">{options(&from)}</select></label>
                    <label>{t.into} " " <select id="converter-to" name="to">{options(&to)}</select></label>
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

fn failure(said: String) -> AnyView {
    view! { <p class="failure" role="alert">{said}</p> }.into_any()
}
