use chrono::{DateTime, Utc};
use infoshos_model::{Membership, State};
use leptos::prelude::*;

use crate::site::use_site;
#[cfg(target_arch = "wasm32")]
use crate::time::ms_to_next_minute;
use crate::time::{now_utc, read_clock, reader_offset_east_min};

/// One timer for every clock, fired just after each minute starts (not 27 intervals, and no
/// drift: each firing re-aims at the next minute boundary). A page the server renders shows
/// the minute it was rendered in; the browser's takeover starts the timer.
pub fn minute_ticker() -> ReadSignal<DateTime<Utc>> {
    let (now, set_now) = signal(now_utc());
    tick_each_minute(set_now);
    now
}

#[cfg(not(target_arch = "wasm32"))]
fn tick_each_minute(_: WriteSignal<DateTime<Utc>>) {}

#[cfg(target_arch = "wasm32")]
fn tick_each_minute(set_now: WriteSignal<DateTime<Utc>>) {
    let handle = StoredValue::new(None::<TimeoutHandle>);
    fn arm(set_now: WriteSignal<DateTime<Utc>>, handle: StoredValue<Option<TimeoutHandle>>) {
        let delay = u64::from(ms_to_next_minute(js_sys::Date::now() as i64)) + 5;
        let next = set_timeout_with_handle(
            move || {
                set_now.set(now_utc());
                arm(set_now, handle);
            },
            std::time::Duration::from_millis(delay),
        );
        handle.try_set_value(next.ok());
    }
    arm(set_now, handle);
    on_cleanup(move || {
        if let Some(Some(h)) = handle.try_get_value() {
            h.clear();
        }
    });
}

/// The capitals' clocks, `HH:MM City`, grouped as members and partners (`only` one of the
/// groups, in widgets), marked when the capital is already on the next day (or still on the
/// previous one) compared with the reader.
#[component]
pub fn Clocks(#[prop(default = None)] only: Option<Membership>) -> impl IntoView {
    let site = use_site();
    let t = site.ui();
    let now = minute_ticker();
    let group = move |membership: Membership, title: &'static str| {
        move || {
            let states = site.states_in(membership);
            view! {
                <h3 class="clocks-group">{title}</h3>
                <ul class="clocks-list">
                    {states.into_iter().map(|s| view! { <Clock state=s now /> }).collect_view()}
                </ul>
            }
        }
    };
    view! {
        <section class="clocks box" aria-labelledby="clocks-title">
            <h2 id="clocks-title">{t.clocks_title}</h2>
            {(only != Some(Membership::Partner)).then(|| group(Membership::Member, t.members))}
            {(only != Some(Membership::Member)).then(|| group(Membership::Partner, t.partners))}
        </section>
    }
}

#[component]
pub fn Clock(state: State, now: ReadSignal<DateTime<Utc>>) -> impl IntoView {
    let t = use_site().ui();
    let zone = state.time_zone.clone();
    let spans = state.offsets.clone();
    let reading = Memo::new(move |_| {
        let now = now.get();
        read_clock(&spans, &zone, now, reader_offset_east_min(now))
    });
    let mark = move || {
        reading.get().and_then(|r| match r.day_offset {
            d if d > 0 => Some(("+1", t.day_ahead)),
            d if d < 0 => Some(("−1", t.day_behind)),
            _ => None,
        })
    };
    view! {
        // The page's own script ticks the server's clocks until the app starts
        // (public/loader.js): it reads the spans as `from until minutes` triples.
        <li class="clock" data-zone=state.time_zone.clone()
            {..crate::on_server(|| leptos::attr::custom::custom_attribute("data-offsets", triples(&state.offsets)))}>
            <span class="clock-time">
                {move || reading.get().map(|r| r.hhmm).unwrap_or_else(|| "—".to_string())}
            </span>
            " "
            <span class="clock-city">{state.capital}</span>
            {move || mark().map(|(sign, words)| view! {
                " " <abbr class="clock-day" title=words>{sign}</abbr>
            })}
        </li>
    }
}

/// The spans as the page's own script reads them: `from until minutes`, one after the other.
fn triples(spans: &[infoshos_model::zone_offsets::OffsetSpan]) -> String {
    let each = spans
        .iter()
        .map(|s| format!("{} {} {}", s.from, s.until, s.east_min));
    each.collect::<Vec<_>>().join(" ")
}
