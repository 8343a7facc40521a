//! The widgets partner sites embed (`/embed/{kind}?…`) and the rules for their parameters,
//! shared by the widget app (which shows a problem inside the frame) and the server (whose
//! oEmbed answers only for widgets that would render).

use crate::states::Membership;
use crate::{Lang, Section};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn code(self) -> &'static str {
        match self {
            Theme::Light => THEMES[0],
            Theme::Dark => THEMES[1],
        }
    }
}

/// What a widget shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Widget {
    /// The latest headlines, optionally about one state (an ISO code, checked against the
    /// states list by whoever has it).
    Feed {
        limit: u8,
        country: Option<String>,
        /// Only one section's headlines (`section=economy`).
        section: Option<Section>,
        /// Each headline with its story's lead photo as a thumbnail (`photos=1`).
        photos: bool,
    },
    /// The capital clocks of the members, the partners, or all (`None`).
    Clocks {
        group: Option<Membership>,
    },
    Rates,
    /// The currency converter, set to convert `from` one currency `to` another (codes checked
    /// for their shape here; whether the CBR quotes them is said by the converter).
    Converter {
        from: String,
        to: String,
    },
    /// One article as a card (what oEmbed gives for an article's address).
    Article {
        slug: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WidgetSpec {
    pub widget: Widget,
    pub lang: Lang,
    pub theme: Theme,
}

/// A parameter the widget can't use, with the value as given (to be shown as text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WidgetProblem {
    UnknownWidget(String),
    Limit(String),
    Country(String),
    Section(String),
    Group(String),
    Theme(String),
    Lang(String),
    Slug(String),
    Currency(String),
    Photos(String),
}

pub const MAX_LIMIT: u8 = 20;
pub const DEFAULT_LIMIT: u8 = 5;
/// The widgets a partner picks on the widgets page (an article card comes from oEmbed).
pub const PICKABLE: [&str; 4] = ["feed", "clocks", "rates", "converter"];
pub use crate::convert::{DEFAULT_FROM, DEFAULT_TO};
/// The clock groups, as `group=` spells them.
pub const GROUPS: [&str; 3] = ["all", "members", "partners"];
/// What a widget's frame may do, wherever a frame is written (oEmbed, the widgets page's
/// preview, `public/embed.js`, which a test holds to this): run its scripts on the portal's
/// origin (its API), send the converter's form back to itself, and open the portal in a tab.
pub const FRAME_SANDBOX: &str =
    "allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox";
/// The themes, as `theme=` spells them.
pub const THEMES: [&str; 2] = ["light", "dark"];

/// `group=` for the members, the partners, or all (`None`).
pub fn group_code(group: Option<Membership>) -> &'static str {
    match group {
        None => GROUPS[0],
        Some(Membership::Member) => GROUPS[1],
        Some(Membership::Partner) => GROUPS[2],
    }
}

impl Widget {
    /// `/embed/{kind}`.
    pub fn kind(&self) -> &'static str {
        match self {
            Widget::Feed { .. } => "feed",
            Widget::Clocks { .. } => "clocks",
            Widget::Rates => "rates",
            Widget::Converter { .. } => "converter",
            Widget::Article { .. } => "article",
        }
    }
}

impl Widget {
    /// `/embed/{kind}`: where the widget lives, before its query.
    pub fn path(&self) -> String {
        format!("/embed/{}", self.kind())
    }
}

impl WidgetSpec {
    /// The query `parse_widget` reads back into this very spec: the widget's own parameters,
    /// then `lang` and `theme`. The one spelling of a widget's address (oEmbed's iframe too).
    pub fn query(&self) -> Vec<(&'static str, String)> {
        let mut query = Vec::new();
        match &self.widget {
            Widget::Feed {
                limit,
                country,
                section,
                photos,
            } => {
                query.push(("limit", limit.to_string()));
                if let Some(c) = country {
                    query.push(("country", c.clone()));
                }
                if let Some(s) = section {
                    query.push(("section", s.key().to_string()));
                }
                if *photos {
                    query.push(("photos", "1".into()));
                }
            }
            Widget::Clocks { group } => query.push(("group", group_code(*group).to_string())),
            Widget::Article { slug } => query.push(("slug", slug.clone())),
            Widget::Converter { from, to } => {
                query.push(("from", from.clone()));
                query.push(("to", to.clone()));
            }
            Widget::Rates => {}
        }
        query.push(("lang", self.lang.code().to_string()));
        query.push(("theme", self.theme.code().to_string()));
        query
    }
}

/// Reads `/embed/{kind}` and its decoded query pairs. Unknown parameters are ignored (a newer
/// embed code on an older portal still works); every known one must be valid, and all
/// problems are reported at once.
pub fn parse_widget<K, V>(
    kind: &str,
    pairs: impl IntoIterator<Item = (K, V)>,
) -> Result<WidgetSpec, Vec<WidgetProblem>>
where
    K: AsRef<str>,
    V: AsRef<str>,
{
    let mut problems = Vec::new();
    let (mut limit, mut country, mut group, mut slug) = (DEFAULT_LIMIT, None, None, None);
    let mut section = None;
    let mut photos = false;
    let (mut lang, mut theme) = (Lang::En, Theme::Light);
    let (mut from, mut to) = (DEFAULT_FROM.to_string(), DEFAULT_TO.to_string());
    for (key, value) in pairs {
        let value = value.as_ref();
        match key.as_ref() {
            "limit" => match value.parse::<u8>() {
                Ok(n) if (1..=MAX_LIMIT).contains(&n) => limit = n,
                _ => problems.push(WidgetProblem::Limit(value.into())),
            },
            "country" if is_country_code(value) => country = Some(value.to_string()),
            "country" => problems.push(WidgetProblem::Country(value.into())),
            "section" => match Section::from_key(value) {
                Some(s) => section = Some(s),
                None => problems.push(WidgetProblem::Section(value.into())),
            },
            "group" => match [None, Some(Membership::Member), Some(Membership::Partner)]
                .into_iter()
                .find(|g| group_code(*g) == value)
            {
                Some(g) => group = g,
                None => problems.push(WidgetProblem::Group(value.into())),
            },
            "theme" => match [Theme::Light, Theme::Dark]
                .into_iter()
                .find(|t| t.code() == value)
            {
                Some(t) => theme = t,
                None => problems.push(WidgetProblem::Theme(value.into())),
            },
            "lang" => match Lang::from_code(value) {
                Some(l) => lang = l,
                None => problems.push(WidgetProblem::Lang(value.into())),
            },
            "slug" if is_slug(value) => slug = Some(value.to_string()),
            "slug" => problems.push(WidgetProblem::Slug(value.into())),
            "from" if is_currency_code(value) => from = value.to_string(),
            "to" if is_currency_code(value) => to = value.to_string(),
            "from" | "to" => problems.push(WidgetProblem::Currency(value.into())),
            "photos" => match value {
                "1" => photos = true,
                "0" => photos = false,
                _ => problems.push(WidgetProblem::Photos(value.into())),
            },
            _ => {}
        }
    }
    // The same spellings as `Widget::kind`, which a test reads back.
    let widget = match kind {
        "feed" => Widget::Feed {
            limit,
            country,
            section,
            photos,
        },
        "clocks" => Widget::Clocks { group },
        "rates" => Widget::Rates,
        "converter" => Widget::Converter { from, to },
        "article" => match slug {
            Some(slug) => Widget::Article { slug },
            None => {
                if !problems.iter().any(|p| matches!(p, WidgetProblem::Slug(_))) {
                    problems.push(WidgetProblem::Slug(String::new()));
                }
                Widget::Rates
            }
        },
        other => {
            problems.insert(0, WidgetProblem::UnknownWidget(other.into()));
            Widget::Rates
        }
    };
    if problems.is_empty() {
        Ok(WidgetSpec {
            widget,
            lang,
            theme,
        })
    } else {
        Err(problems)
    }
}

pub use crate::validation::{is_country_code, is_currency_code, is_slug};

#[cfg(test)]
mod tests;
