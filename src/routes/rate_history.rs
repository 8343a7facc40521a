//! A currency's official rate over the last 30 or 90 days (`/{lang}/rates/{code}`): a line
//! drawn as SVG by our own code, its lowest and highest day marked, the change over the period
//! in words, and the figures as a table (folded, and read by screen readers and printers). It
//! lives in the occasional bundle (decision 0006): the reader's wasm only links to it.

use infoshos_model::convert::ROUBLE;
use infoshos_model::links::{self, Page};
use infoshos_model::rate_chart::{self, Frame, extremes};
use infoshos_model::{RateDay, RateHistory};
use leptos::prelude::*;

use crate::api;
use crate::components::failure::Failure;
use crate::components::feed_list::FeedPlaceholder;
use crate::components::rate_converter::RateConverter;
use crate::i18n::rates::rates_ui;
use crate::rate_format::format_rate;
use crate::router::{query_param, use_nav};
use crate::site::use_site;
use crate::time::format_date;

/// The periods offered; anything else in `?days=` shows the longer one.
const PERIODS: [u32; 2] = [30, 90];

/// The drawing's box (SVG units; it scales to the column's width).
const BOX: Frame = Frame {
    width: 640.0,
    height: 220.0,
    pad: 16.0,
};

#[component]
pub fn RateHistoryPage(code: String) -> impl IntoView {
    let site = use_site();
    let t = site.ui();
    let lang = site.lang.get_untracked();
    let r = rates_ui(lang);
    let search = use_nav().search.get_untracked();
    let days = query_param(&search, "days")
        .and_then(|d| d.parse().ok())
        .filter(|d| PERIODS.contains(d))
        .unwrap_or(PERIODS[1]);
    let named = {
        let code = code.clone();
        move || {
            let name = site.states.with(|s| {
                s.as_ref()
                    .and_then(|r| r.as_ref().ok())
                    .and_then(|states| states.iter().find(|s| s.currency == code))
                    .map(|s| s.currency_name.clone())
            });
            match name {
                Some(name) => format!("{name} ({code}) {}", r.against),
                None => format!("{code} {}", r.against),
            }
        }
    };
    crate::head::page_head(named.clone(), move || t.cbr_official.to_string());
    let history = crate::load::Load::new({
        let code = code.clone();
        move || api::rate_history(code.clone(), days)
    });
    let periods = PERIODS
        .map(|n| {
            let href = links::rate_history(lang, &code, n);
            let current = (n == days).then_some("page");
            view! { <a href=href aria-current=current>{n} " " {r.days}</a> }
        })
        .to_vec();
    view! {
        <h1 class="page-title">{named}</h1>
        <p class="rate-periods">{periods}</p>
        {move || match history.get() {
            None => view! { <FeedPlaceholder rows=4 /> }.into_any(),
            Some(Err(error)) => view! {
                <Failure what=t.rates_title error retry=Callback::new(move |_| history.refetch()) />
            }
            .into_any(),
            Some(Ok(h)) if h.days.is_empty() => view! { <p>{r.none}</p> }.into_any(),
            Some(Ok(h)) => view! { <Chart history=h /> }.into_any(),
        }}
        <RateConverter
            action=Page::Rates(lang, code.clone()).path()
            kept=vec![("days", days.to_string())]
            from=code.clone()
            to=ROUBLE.to_string()
            search
        />
        <p><a href=Page::Home(lang).path()>{t.rates_title}</a></p>
    }
}

/// Roubles per the newest day's nominal (100 tenge, 10 000 rials), as the rates table quotes.
fn quoted(day: &RateDay, nominal: u32) -> f64 {
    day.per_unit * f64::from(nominal)
}

#[component]
fn Chart(history: RateHistory) -> impl IntoView {
    let t = rates_ui(use_site().lang.get_untracked());
    let days = history.days;
    let nominal = days.last().map_or(1, |d| d.nominal);
    let values: Vec<f64> = days.iter().map(|d| quoted(d, nominal)).collect();
    let (low, high) = extremes(&values);
    let dates: Vec<_> = days.iter().map(|d| d.date).collect();
    let points = rate_chart::points(BOX, &dates, &values);
    let at = |i: usize| points[i];
    let polyline = rate_chart::polyline(&points);
    let start = points[0].1.round() as i32;
    let first = values.first().copied().unwrap_or_default();
    let last = values.last().copied().unwrap_or_default();
    let change = if first > 0.0 {
        (last - first) / first * 100.0
    } else {
        0.0
    };
    let per = format!("₽ / {nominal} {}", history.currency);
    let summary = format!(
        "{}: {} {per} ({}). {}: {} {per} ({}). {}: {} %.",
        t.low,
        format_rate(values[low]),
        format_date(days[low].date),
        t.high,
        format_rate(values[high]),
        format_date(days[high].date),
        t.change,
        signed_hundredths(change),
    );
    let rows = days
        .iter()
        .zip(&values)
        .map(|(d, v)| {
            view! { <tr><td><time datetime=d.date.to_string()>{format_date(d.date)}</time></td><td class="num">{format_rate(*v)}</td></tr> }
        })
        .collect_view();
    let mark = move |i: usize, class: &'static str| {
        let (x, y) = at(i);
        let (cx, cy) = (x.round() as i32, y.round() as i32);
        view! { <circle class=class cx=cx cy=cy r="4" /> }
    };
    view! {
        <figure class="rate-chart">
            <svg
                viewBox=format!("0 0 {} {}", BOX.width as u32, BOX.height as u32)
                role="img"
                aria-labelledby="rate-summary"
                data-points=points.len()
            >
                // The first day's level across the box: the change is the gap to the line's end.
                <line class="start" x1=BOX.pad as i32 x2=(BOX.width - BOX.pad) as i32 y1=start y2=start />
                <polyline points=polyline />
                {mark(low, "low")}
                {mark(high, "high")}
            </svg>
            // The span's first and last day under the line's ends (the axis readers look for).
            <p class="rate-span" aria-hidden="true">
                <span>{format_date(days[0].date)}</span>
                <span>{format_date(days[days.len() - 1].date)}</span>
            </p>
            <figcaption id="rate-summary">{summary}</figcaption>
        </figure>
        <details class="rate-figures">
            <summary>{t.figures}</summary>
            <table class="rates-table">
                <thead>
                    <tr><th scope="col">{t.date}</th><th scope="col" class="num">{per.clone()}</th></tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </details>
    }
}

/// A percentage with its sign and two decimals (`+2.94`), in whole numbers: Rust's float
/// formatting would cost the bundle about 10 KB of brotli wasm.
fn signed_hundredths(percent: f64) -> String {
    let hundredths = (percent * 100.0).round() as i64;
    let sign = if hundredths < 0 { '-' } else { '+' };
    let n = hundredths.unsigned_abs();
    format!("{sign}{}.{:02}", n / 100, n % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_written_with_its_sign_and_two_decimals() {
        assert_eq!(signed_hundredths(2.9411), "+2.94");
        assert_eq!(signed_hundredths(-0.456), "-0.46");
        assert_eq!(signed_hundredths(0.0), "+0.00");
    }
}
