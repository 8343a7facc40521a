use super::*;

/// An element of a test's tree: its name, its attributes, what is inside.
enum Node {
    El(&'static str, Vec<(&'static str, &'static str)>, Vec<Node>),
    Text(&'static str),
}
use Node::{El, Text};

fn el(name: &'static str, inside: Vec<Node>) -> Node {
    El(name, vec![], inside)
}

fn read(nodes: Vec<Node>) -> (Doc, bool) {
    fn walk(reader: &mut Reader, node: &Node) {
        match node {
            Text(words) => reader.text(words),
            El(name, attrs, inside) => {
                let get = |key: &str| attrs.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
                reader.open(Tag {
                    name,
                    href: get("href"),
                    photo: get("data-photo"),
                    style: get("style"),
                    extra: get("class").is_some(),
                });
                for n in inside {
                    walk(reader, n);
                }
                reader.close();
            }
        }
    }
    let mut reader = Reader::new();
    for node in &nodes {
        walk(&mut reader, node);
    }
    let foreign = reader.foreign;
    (reader.finish(), foreign)
}

fn html(nodes: Vec<Node>) -> String {
    read(nodes).0.to_html()
}

const PHOTO: &str = "0123456789abcdef";

#[test]
fn a_paragraph_with_every_mark_is_written_as_the_sanitiser_writes_it() {
    let doc = html(vec![el(
        "p",
        vec![
            Text("GDP < 2% & \"rising\" "),
            el("b", vec![Text("bold")]),
            Text(" "),
            el("i", vec![el("strong", vec![Text("both")])]),
            Text(" "),
            El(
                "a",
                vec![("href", "https://sco.example/a?b=1&c=2")],
                vec![Text("link "), el("em", vec![Text("it")])],
            ),
        ],
    )]);
    assert_eq!(
        doc,
        "<p>GDP &lt; 2% &amp; \"rising\" <strong>bold</strong> <strong><em>both</em></strong> \
         <a href=\"https://sco.example/a?b=1&amp;c=2\" rel=\"noopener noreferrer\">link <em>it</em></a></p>"
    );
}

#[test]
fn whitespace_is_what_a_reader_sees_one_space_none_at_the_ends() {
    let doc = html(vec![el(
        "p",
        vec![
            Text("\u{a0} two\u{a0}\u{a0}words \n"),
            el("br", vec![]),
            Text("  next line  "),
            el("br", vec![]),
            el("br", vec![]),
        ],
    )]);
    assert_eq!(doc, "<p>two words<br>next line</p>");
}

#[test]
fn every_block_the_desk_makes() {
    let doc = html(vec![
        el("h2", vec![Text("Agenda")]),
        el("h3", vec![Text("Day one")]),
        el("blockquote", vec![Text("We agreed.")]),
        el(
            "ul",
            vec![el("li", vec![Text("one")]), el("li", vec![Text("two")])],
        ),
        el("ol", vec![el("li", vec![Text("first")])]),
        El("figure", vec![("data-photo", PHOTO)], vec![]),
        El(
            "figure",
            vec![("data-photo", PHOTO)],
            vec![el("figcaption", vec![Text(" Our  caption ")])],
        ),
    ]);
    assert_eq!(
        doc,
        "<h2>Agenda</h2><h3>Day one</h3><blockquote>We agreed.</blockquote>\
         <ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>\
         <figure data-photo=\"0123456789abcdef\"></figure>\
         <figure data-photo=\"0123456789abcdef\"><figcaption>Our caption</figcaption></figure>"
    );
}

#[test]
fn a_word_processors_paste_keeps_only_the_marks_a_body_has() {
    let doc = html(vec![
        el("style", vec![Text("p.MsoNormal { margin: 0 }")]),
        El(
            "p",
            vec![("class", "MsoNormal"), ("style", "mso-margin-top-alt:auto")],
            vec![
                El(
                    "span",
                    vec![("style", "font-family:Calibri;mso-bidi-font-weight:bold")],
                    vec![Text("The ")],
                ),
                el("b", vec![el("span", vec![Text("council")])]),
                El(
                    "span",
                    vec![("style", "font-style: italic")],
                    vec![Text(" met")],
                ),
                el("o:p", vec![]),
            ],
        ),
        El(
            "p",
            vec![("style", "mso-list:l0 level1 lfo1")],
            vec![
                El(
                    "span",
                    vec![("style", "mso-list:Ignore")],
                    vec![Text("·"), Text("\u{a0}\u{a0}")],
                ),
                Text("Tashkent"),
            ],
        ),
        El(
            "p",
            vec![("style", "mso-list:l0 level1 lfo1")],
            vec![Text("Astana")],
        ),
        el("img", vec![]),
        El(
            "a",
            vec![("href", "javascript:alert(1)")],
            vec![Text("Bishkek")],
        ),
    ]);
    assert_eq!(
        doc,
        "<p>The <strong>council</strong><em> met</em></p>\
         <ul><li>Tashkent</li><li>Astana</li></ul><p>Bishkek</p>"
    );
}

#[test]
fn google_docs_wrapping_bold_is_not_bold_and_its_heavy_spans_are() {
    let doc = html(vec![El(
        "b",
        vec![("style", "font-weight:normal;")],
        vec![el(
            "p",
            vec![
                Text("plain "),
                El(
                    "span",
                    vec![("style", "font-weight: 700")],
                    vec![Text("heavy")],
                ),
            ],
        )],
    )]);
    assert_eq!(doc, "<p>plain <strong>heavy</strong></p>");
}

#[test]
fn a_quotes_paragraphs_are_its_lines_and_nested_lists_join_the_outer_one() {
    let doc = html(vec![
        el(
            "blockquote",
            vec![el("p", vec![Text("one")]), el("p", vec![Text("two")])],
        ),
        el(
            "ul",
            vec![el(
                "li",
                vec![Text("a"), el("ul", vec![el("li", vec![Text("b")])])],
            )],
        ),
        el("h1", vec![Text("Big")]),
        el("h5", vec![Text("Small")]),
    ]);
    assert_eq!(
        doc,
        "<blockquote>one<br>two</blockquote><ul><li>a</li><li>b</li></ul><h2>Big</h2><h3>Small</h3>"
    );
}

#[test]
fn what_the_surface_draws_is_its_own_and_the_browsers_marks_are_not() {
    let ours = read(vec![el(
        "p",
        vec![el("strong", vec![Text("a")]), Text(" b")],
    )]);
    assert!(!ours.1, "the surface's own markup");
    for theirs in [
        vec![el("p", vec![el("b", vec![Text("a")])])],
        vec![el("div", vec![Text("a")])],
        vec![Text("a")],
        vec![El("p", vec![("style", "color:red")], vec![Text("a")])],
        vec![el("p", vec![el("span", vec![Text("a")])])],
    ] {
        assert!(read(theirs).1, "the browser's markup is redrawn");
    }
}

#[test]
fn empty_blocks_and_figures_without_a_photo_id_are_dropped() {
    let doc = html(vec![
        el("p", vec![el("br", vec![])]),
        el("h2", vec![Text("  ")]),
        El("figure", vec![("data-photo", "../etc")], vec![]),
        el("ul", vec![el("li", vec![])]),
    ]);
    assert_eq!(doc, "");
}

#[test]
fn link_addresses_the_desk_takes() {
    for (typed, stored) in [
        (
            "https://sco.example/ru/a?b=1#c",
            "https://sco.example/ru/a?b=1#c",
        ),
        ("  HTTP://Sco.Example  ", "http://Sco.Example"),
        ("www.sco.example/x", "https://www.sco.example/x"),
        ("/ru/article/summit", "/ru/article/summit"),
        ("mailto:press@sco.example", "mailto:press@sco.example"),
        ("https://президент.рф/news", "https://президент.рф/news"),
        ("https://10.0.0.1:8080/", "https://10.0.0.1:8080/"),
    ] {
        assert_eq!(link_address(typed).as_deref(), Ok(stored), "{typed}");
    }
    for (typed, problem) in [
        ("", AddressProblem::Empty),
        ("javascript:alert(1)", AddressProblem::Kind),
        ("article/x", AddressProblem::Kind),
        ("ftp://sco.example", AddressProblem::Kind),
        ("https://sco example", AddressProblem::Malformed),
        ("https://localhost/", AddressProblem::Malformed),
        ("https://sco.example\"onclick=x", AddressProblem::Malformed),
        ("//evil.example/x", AddressProblem::Malformed),
        ("https://1.2.3.4.5/", AddressProblem::Malformed),
        ("https://xn--zz.example/", AddressProblem::Malformed),
        ("mailto:nobody", AddressProblem::Malformed),
    ] {
        assert_eq!(link_address(typed), Err(problem), "{typed}");
    }
}

#[test]
fn read_raw_for_the_surface_spaces_and_empty_paragraphs_stay() {
    let mut reader = Reader::raw();
    for (name, words) in [("p", "The\u{a0}"), ("p", "")] {
        reader.open(Tag {
            name,
            ..Tag::default()
        });
        reader.text(words);
        reader.close();
    }
    assert_eq!(
        reader.finish_raw(),
        vec![
            Block::Paragraph(vec![Inline::Text("The\u{a0}".into(), Marks::default())]),
            Block::Paragraph(vec![]),
        ]
    );
}
