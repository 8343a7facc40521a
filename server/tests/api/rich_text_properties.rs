//! The desk's writing surface and the server's sanitiser agree: any body the surface's model
//! can hold (`infoshos_model::rich_text::Doc`, every block and mark, any text, any address
//! its link rule lets through) comes out of the sanitiser exactly as the desk wrote it. So
//! what the desk shows is what readers get, and the sanitiser stays the final word.

use infoshos_model::rich_text::{Block, Doc, Inline, Level, Marks, link_address};
use infoshos_server::sanitize::article_html;
use proptest::prelude::*;

/// Any text: markup characters, entities, quotes, no-break spaces, control characters,
/// Cyrillic and Chinese.
fn words() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,12}",
        "[a-zA-Zа-яё中文 <>&\"'\u{a0}\t\r\n\u{0}\u{1b};#=/-]{0,16}",
        proptest::sample::select(&["&amp;", "&lt;b&gt;", "<b>", "</p>", "&nbsp;", " "][..])
            .prop_map(str::to_string),
    ]
}

/// Addresses as editors type them, good and bad; the link rule decides which become links.
fn address() -> impl Strategy<Value = String> {
    let host = prop_oneof![
        "[a-z0-9-]{1,8}\\.[a-z]{2,4}",
        "[а-я]{1,6}\\.рф",
        "[\u{4e00}-\u{4e20}]{1,3}\\.中国",
        "[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}",
        "[a-z0-9.-]{0,10}",
    ];
    let scheme = proptest::sample::select(&["https://", "http://", "HTTPS://", "", "www."][..]);
    let rest = "[a-zA-Z0-9/?#=&%:@._~!$()*+,;а-я中\\[\\]{}|^-]{0,16}";
    prop_oneof![
        (scheme, host, rest).prop_map(|(s, h, r)| format!("{s}{h}/{r}")),
        rest.prop_map(|r| format!("/{r}")),
        ("[a-z.]{1,8}", "[a-z]{1,6}\\.[a-z]{2,3}", "[a-z=?&]{0,6}")
            .prop_map(|(u, h, q)| format!("mailto:{u}@{h}{q}")),
    ]
}

fn inline() -> impl Strategy<Value = Inline> {
    prop_oneof![
        6 => (words(), any::<bool>(), any::<bool>(), proptest::option::of(address())).prop_map(
            |(text, bold, italic, link)| Inline::Text(text, Marks { bold, italic, link })
        ),
        1 => Just(Inline::Break),
    ]
}

fn inlines() -> impl Strategy<Value = Vec<Inline>> {
    proptest::collection::vec(inline(), 0..6)
}

fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        inlines().prop_map(Block::Paragraph),
        inlines().prop_map(|i| Block::Heading(Level::Two, i)),
        inlines().prop_map(|i| Block::Heading(Level::Three, i)),
        inlines().prop_map(Block::Quote),
        (any::<bool>(), proptest::collection::vec(inlines(), 0..4))
            .prop_map(|(ordered, items)| Block::List { ordered, items }),
        ("[0-9a-f]{16}|[0-9a-z]{0,17}", proptest::option::of(words()))
            .prop_map(|(photo, caption)| Block::Figure { photo, caption }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn every_body_the_desk_can_write_survives_the_sanitiser_unchanged(
        blocks in proptest::collection::vec(block(), 0..6)
    ) {
        let html = Doc::new(blocks).to_html();
        prop_assert_eq!(article_html(&html), html);
    }

    #[test]
    fn every_address_the_link_rule_passes_stays_a_link_after_cleaning(typed in address()) {
        if let Ok(href) = link_address(&typed) {
            let html = Doc::new(vec![Block::Paragraph(vec![Inline::Text(
                "x".into(),
                Marks { link: Some(href.clone()), ..Marks::default() },
            )])])
            .to_html();
            let clean = article_html(&html);
            prop_assert!(clean.contains("href="), "{} lost its link: {}", href, clean);
        }
    }
}
