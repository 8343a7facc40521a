//! The widget parameters' rules, each as a partner would meet it.

use super::*;

fn parse(kind: &str, query: &[(&str, &str)]) -> Result<WidgetSpec, Vec<WidgetProblem>> {
    parse_widget(kind, query.iter().copied())
}

#[test]
fn a_feed_with_every_option() {
    let spec = parse(
        "feed",
        &[
            ("lang", "en"),
            ("limit", "7"),
            ("country", "KZ"),
            ("section", "economy"),
            ("theme", "dark"),
        ],
    )
    .unwrap();
    assert_eq!(
        spec.widget,
        Widget::Feed {
            limit: 7,
            country: Some("KZ".into()),
            section: Some(Section::Economy),
            photos: false,
        }
    );
    assert_eq!(spec.theme, Theme::Dark);
    assert_eq!(spec.lang, Lang::En);
}

#[test]
fn defaults_and_unknown_parameters() {
    let spec = parse("feed", &[("utm_source", "partner")]).unwrap();
    assert_eq!(
        spec.widget,
        Widget::Feed {
            limit: DEFAULT_LIMIT,
            country: None,
            section: None,
            photos: false,
        }
    );
    assert_eq!(spec.theme, Theme::Light);
    assert_eq!(
        parse("clocks", &[("group", "partners")]).unwrap().widget,
        Widget::Clocks {
            group: Some(Membership::Partner)
        }
    );
    assert_eq!(
        parse("clocks", &[("group", "all")]).unwrap().widget,
        Widget::Clocks { group: None }
    );
}

#[test]
fn every_bad_value_is_reported_with_what_was_given() {
    let problems = parse(
        "feed",
        &[
            ("limit", "21"),
            ("country", "<script>"),
            ("section", "sport"),
            ("theme", "neon"),
        ],
    )
    .unwrap_err();
    assert_eq!(
        problems,
        vec![
            WidgetProblem::Limit("21".into()),
            WidgetProblem::Country("<script>".into()),
            WidgetProblem::Section("sport".into()),
            WidgetProblem::Theme("neon".into()),
        ]
    );
    for limit in ["0", "-1", "five", "", "300"] {
        assert!(parse("feed", &[("limit", limit)]).is_err(), "{limit}");
    }
    assert_eq!(
        parse("weather", &[]).unwrap_err(),
        vec![WidgetProblem::UnknownWidget("weather".into())]
    );
    assert_eq!(
        parse("clocks", &[("group", "observers")]).unwrap_err(),
        vec![WidgetProblem::Group("observers".into())]
    );
    assert_eq!(
        parse("rates", &[("lang", "fr")]).unwrap_err(),
        vec![WidgetProblem::Lang("fr".into())]
    );
}

#[test]
fn an_article_card_needs_a_slug() {
    assert_eq!(
        parse("article", &[("slug", "laos-becomes-partner")])
            .unwrap()
            .widget,
        Widget::Article {
            slug: "laos-becomes-partner".into()
        }
    );
    assert_eq!(
        parse("article", &[]).unwrap_err(),
        vec![WidgetProblem::Slug(String::new())]
    );
    assert_eq!(
        parse("article", &[("slug", "../admin")]).unwrap_err(),
        vec![WidgetProblem::Slug("../admin".into())]
    );
}

#[test]
fn a_converter_takes_two_currency_codes_and_says_which_is_not_one() {
    assert_eq!(
        parse("converter", &[]).unwrap().widget,
        Widget::Converter {
            from: "CNY".into(),
            to: "RUB".into()
        }
    );
    assert_eq!(
        parse("converter", &[("from", "KZT"), ("to", "INR")])
            .unwrap()
            .widget,
        Widget::Converter {
            from: "KZT".into(),
            to: "INR".into()
        }
    );
    assert_eq!(
        parse("converter", &[("from", "kzt"), ("to", "<b>")]).unwrap_err(),
        vec![
            WidgetProblem::Currency("kzt".into()),
            WidgetProblem::Currency("<b>".into())
        ]
    );
}
