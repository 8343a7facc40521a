//! Properties of the rules shared by the form and the server, over many generated inputs:
//! they never panic, they accept what they should and refuse what they should, and they agree
//! with themselves (the 422 names exactly the fields that fail).

use infoshos_model::spam::link_count;
use infoshos_model::validation::{NAME_MAX, TEXT_MAX, TEXT_MIN};
use infoshos_model::widgets::{MAX_LIMIT, Theme, Widget, WidgetSpec, parse_widget};
use infoshos_model::{Lang, Membership, Section};
use infoshos_model::{NewComment, Problem, validate_comment};
use proptest::prelude::*;

fn comment(name: &str, text: &str, email: Option<&str>) -> NewComment {
    NewComment {
        name: name.into(),
        text: text.into(),
        email: email.map(Into::into),
        ..Default::default()
    }
}

/// Printable text without control characters, of `len` characters, from several scripts.
fn printable(len: std::ops::RangeInclusive<usize>) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            proptest::char::range('a', 'z'),
            proptest::char::range('А', 'я'),
            proptest::char::range('一', '龥'),
            Just('<'),
            Just('&'),
            Just('"'),
        ],
        len,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #[test]
    fn any_input_gets_an_answer_and_the_answer_names_the_failing_fields(
        name in any::<String>(), text in any::<String>(), email in proptest::option::of(any::<String>())
    ) {
        let c = comment(&name, &text, email.as_deref());
        match validate_comment(&c) {
            Ok(()) => {
                let name_len = name.trim().chars().count();
                prop_assert!((1..=NAME_MAX).contains(&name_len));
                prop_assert!((TEXT_MIN..=TEXT_MAX).contains(&text.trim().chars().count()));
            }
            Err(problems) => {
                prop_assert!(!problems.is_empty());
                let fields = problems.in_field_order();
                prop_assert_eq!(fields[0].is_some(), problems.name.is_some());
                prop_assert_eq!(fields[1].is_some(), problems.email.is_some());
                prop_assert_eq!(fields[2].is_some(), problems.text.is_some());
            }
        }
    }

    #[test]
    fn plain_names_and_texts_of_allowed_lengths_pass(
        name in printable(1..=NAME_MAX), text in printable(TEXT_MIN..=300)
    ) {
        prop_assert_eq!(validate_comment(&comment(&name, &text, None)), Ok(()));
    }

    #[test]
    fn control_characters_are_refused_wherever_they_hide(
        before in printable(1..=20), after in printable(3..=20),
        control in prop_oneof![proptest::char::range('\u{0}', '\u{8}'), Just('\u{1b}'), Just('\u{7f}')]
    ) {
        let dirty = format!("{before}{control}{after}");
        let problems = validate_comment(&comment(&dirty, &dirty, None)).unwrap_err();
        prop_assert_eq!(problems.name, Some(Problem::ControlCharacters));
        prop_assert_eq!(problems.text, Some(Problem::ControlCharacters));
    }

    #[test]
    fn too_long_is_refused_with_the_limit(extra in 1usize..50) {
        // Right at the limits is still fine.
        let longest = comment(&"n".repeat(NAME_MAX), &"t".repeat(TEXT_MAX), None);
        prop_assert_eq!(validate_comment(&longest), Ok(()));
        let name = "n".repeat(NAME_MAX + extra);
        let text = "t".repeat(TEXT_MAX + extra);
        let problems = validate_comment(&comment(&name, &text, None)).unwrap_err();
        prop_assert_eq!(problems.name, Some(Problem::TooLong { max: NAME_MAX }));
        prop_assert_eq!(problems.text, Some(Problem::TooLong { max: TEXT_MAX }));
    }

    #[test]
    fn every_written_out_link_is_counted(hosts in proptest::collection::vec("[a-z]{1,10}", 0..6), words in printable(0..=10)) {
        let text: Vec<String> = hosts.iter().map(|h| format!("https://{h}.example/{words}")).collect();
        prop_assert_eq!(link_count(&text.join(" and ")), hosts.len());
    }

    #[test]
    fn widget_limits_outside_the_range_never_pass(limit in any::<i64>()) {
        let parsed = parse_widget("feed", [("limit", limit.to_string())]);
        prop_assert_eq!(parsed.is_ok(), (1..=i64::from(MAX_LIMIT)).contains(&limit));
    }

    #[test]
    fn widget_parameters_never_panic(kind in any::<String>(), pairs in proptest::collection::vec((any::<String>(), any::<String>()), 0..6)) {
        let _ = parse_widget(&kind, pairs);
    }
}

fn widget() -> impl Strategy<Value = Widget> {
    let country = proptest::option::of(prop_oneof![Just("KZ"), Just("CN"), Just("LA")]);
    let group = prop_oneof![
        Just(None),
        Just(Some(Membership::Member)),
        Just(Some(Membership::Partner))
    ];
    let section = proptest::option::of(proptest::sample::select(Section::ALL.to_vec()));
    prop_oneof![
        (1..=MAX_LIMIT, country, section, any::<bool>()).prop_map(|(limit, c, section, photos)| {
            Widget::Feed {
                limit,
                country: c.map(Into::into),
                section,
                photos,
            }
        }),
        group.prop_map(|group| Widget::Clocks { group }),
        Just(Widget::Rates),
        ("[A-Z]{3}", "[A-Z]{3}").prop_map(|(from, to)| Widget::Converter { from, to }),
        "[a-z0-9]([a-z0-9-]{0,40}[a-z0-9])?".prop_map(|slug| Widget::Article { slug }),
    ]
}

proptest! {
    /// The one spelling of a widget's address: what `query` writes, `parse_widget` reads back.
    #[test]
    fn every_widget_address_reads_back_as_the_same_widget(
        widget in widget(),
        lang in prop_oneof![Just(Lang::En), Just(Lang::Ru), Just(Lang::Zh)],
        dark in any::<bool>(),
    ) {
        let theme = if dark { Theme::Dark } else { Theme::Light };
        let spec = WidgetSpec { widget, lang, theme };
        prop_assert_eq!(parse_widget(spec.widget.kind(), spec.query()), Ok(spec));
    }
}
