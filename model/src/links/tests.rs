//! Every link read back as the page it was built from, and the rules of each builder.

use super::*;

#[test]
fn paths_name_pages() {
    let en = Lang::En;
    assert_eq!(Page::parse("/en/"), Some(Page::Home(en)));
    assert_eq!(Page::parse("/en"), Some(Page::Home(en)));
    assert_eq!(Page::parse("/zh/"), Some(Page::Home(Lang::Zh)));
    assert_eq!(
        Page::parse("/en/article/laos-becomes-partner"),
        Some(Page::Article(en, "laos-becomes-partner".into()))
    );
    assert_eq!(
        Page::parse("/en/article/a%20b/"),
        Some(Page::Article(en, "a b".into()))
    );
    assert_eq!(
        Page::parse("/ru/country/KZ"),
        Some(Page::Country(Lang::Ru, "KZ".into()))
    );
    assert_eq!(
        Page::parse("/zh/section/economy"),
        Some(Page::Section(Lang::Zh, Section::Economy))
    );
    assert_eq!(
        Page::Section(Lang::Ru, Section::Sco).path(),
        "/ru/section/sco"
    );
    assert_eq!(Page::parse("/en/saved/"), Some(Page::Saved(en)));
    assert_eq!(Page::parse("/en/widgets"), Some(Page::Widgets(en)));
    assert_eq!(Page::parse("/zh/search"), Some(Page::Search(Lang::Zh)));
    assert_eq!(
        search(Lang::Ru, "саммит & co", Some("s1.a.1.2")),
        "/ru/search?q=%D1%81%D0%B0%D0%BC%D0%BC%D0%B8%D1%82%20%26%20co&cursor=s1.a.1.2"
    );
}

#[test]
fn a_flag_is_the_lower_case_code_in_the_flags_folder_and_nothing_else_leaves_it() {
    assert_eq!(flag_image("KZ").as_deref(), Some("/flags/kz.png"));
    assert_eq!(flag_image("cn").as_deref(), Some("/flags/cn.png"));
    for bad in ["", "K", "KZZ", "..", "K/", "К1", "Ж"] {
        assert_eq!(flag_image(bad), None, "{bad:?}");
    }
}

#[test]
fn the_edition_chooser_leads_only_to_pages_of_that_edition_and_the_editors_area() {
    let ru = Lang::Ru;
    assert_eq!(
        choose_edition(ru, "/ru/country/KZ"),
        "/edition/ru?to=%2Fru%2Fcountry%2FKZ"
    );
    assert_eq!(chosen_destination(ru, "/ru/country/KZ"), "/ru/country/KZ");
    assert_eq!(chosen_destination(ru, "/ru/search?q=a"), "/ru/search?q=a");
    assert_eq!(chosen_destination(ru, "/admin/"), "/admin/");
    assert_eq!(chosen_destination(ru, "/admin"), "/admin");
    for elsewhere in [
        "//evil.example/ru/",
        "https://evil.example/ru/",
        "/en/country/KZ",
        "/ru/nothing/here",
        "/administrator",
        "",
        "ru/",
        "/\\evil.example/",
        "/ru/\r\nSet-Cookie: x=1",
    ] {
        assert_eq!(chosen_destination(ru, elsewhere), "/ru/", "{elsewhere:?}");
    }
}

#[test]
fn the_switcher_leads_to_the_same_page_in_the_other_edition_and_articles_to_its_front() {
    let country = Page::Country(Lang::En, "KZ".into());
    assert_eq!(
        country.in_edition(Lang::Ru),
        Page::Country(Lang::Ru, "KZ".into())
    );
    let article = Page::Article(Lang::En, "x".into());
    assert_eq!(
        article.in_edition(Lang::Zh),
        Page::Article(Lang::Zh, "x".into())
    );
    assert_eq!(
        Page::Search(Lang::Zh).in_edition(Lang::En),
        Page::Search(Lang::En)
    );
}

#[test]
fn other_paths_are_no_page() {
    for other in [
        "",
        "/",
        "en/",
        "/fr/",
        "/EN/",
        "/en//",
        "/en/article/",
        "/en/article",
        "/en/nothing",
        "/en/article/a/b",
        "/english/",
        "/index.html",
        "/en/country/",
        "/en/section/",
        "/en/section/sport",
        "/en/section/Economy",
    ] {
        assert_eq!(Page::parse(other), None, "{other}");
    }
}

#[test]
fn every_page_reads_back_from_its_own_path() {
    let slugs = [
        "laos-becomes-partner",
        "a b",
        "a/b",
        "?x=1#y",
        "саммит",
        "100%",
        "峰会",
    ];
    for lang in Lang::ALL {
        let mut pages = vec![
            Page::Home(lang),
            Page::Saved(lang),
            Page::Widgets(lang),
            Page::Search(lang),
        ];
        pages.extend(Section::ALL.map(|s| Page::Section(lang, s)));
        for s in slugs {
            pages.push(Page::Article(lang, s.into()));
            pages.push(Page::Country(lang, s.into()));
        }
        for page in pages {
            let path = page.path();
            assert_eq!(Page::parse(&path), Some(page.clone()), "{path}");
            assert_eq!(lang_of_path(&path), Some(lang));
        }
    }
}

#[test]
fn feeds_sit_beside_the_pages_they_follow() {
    assert_eq!(
        rss_path(&Page::Home(Lang::Ru)).as_deref(),
        Some("/ru/rss.xml")
    );
    assert_eq!(
        rss_path(&Page::Country(Lang::En, "KZ".into())).as_deref(),
        Some("/en/country/KZ/rss.xml")
    );
    assert_eq!(
        rss_path(&Page::Section(Lang::Zh, Section::Culture)).as_deref(),
        Some("/zh/section/culture/rss.xml")
    );
    assert_eq!(rss_path(&Page::Article(Lang::En, "x".into())), None);
}

#[test]
fn addresses_carry_the_origin_once() {
    let page = Page::Article(Lang::En, "x".into());
    assert_eq!(
        page.url("https://p.example/"),
        "https://p.example/en/article/x"
    );
    assert_eq!(
        page.url("http://127.0.0.1:8080"),
        "http://127.0.0.1:8080/en/article/x"
    );
}

#[test]
fn the_next_feed_page_keeps_its_cursor_intact() {
    let home = Page::Home(Lang::Ru);
    assert_eq!(next_page(&home, "v1.17+5/="), "/ru/?cursor=v1.17%2B5%2F%3D");
    let kz = Page::Country(Lang::En, "KZ".into());
    assert_eq!(next_page(&kz, "v1.3"), "/en/country/KZ?cursor=v1.3");
    assert_eq!(decode("v1.17%2b5%2f%3d"), "v1.17+5/=");
    assert_eq!(decode("%zz%41"), "%zzA");
    assert_eq!(lang_of_path("/index.html"), None);
}

#[test]
fn a_query_string_encodes_each_value_and_is_empty_for_none() {
    assert_eq!(query_string(&[]), "");
    assert_eq!(
        query_string(&[("q", "саммит & co".to_string()), ("lang", "ru".to_string())]),
        format!("?q={}&lang=ru", encode("саммит & co"))
    );
    assert!(!query_string(&[("q", "a&b=c".to_string())]).contains("a&b"));
}
