//! The published views' file (`data/published-views.csv`): read and checked against every dataset,
//! each bad line refused with its file and line.

mod common;

use common::bundle;
use workforce_core::published::{self, PublishedView};
use workforce_core::selection::Selection;
use workforce_core::url_state;

const FILE: &str = "data/published-views.csv";

#[test]
fn the_repository_file_reads_cleanly_and_names_each_view_as_the_page_writes_it() {
    let b = bundle();
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../data/published-views.csv")).expect("file");
    let views = published::read(FILE, &text, &b).unwrap_or_else(|e| panic!("{e}"));
    assert!(views.len() >= 3);
    for v in &views {
        // The stored query is the page's own encoding of the view, so the page recognises it.
        assert_eq!(url_state::encode(&b, &url_state::decode(&b, &v.query).selection), v.query, "{}", v.name);
    }
    // The first view (the technical lens) is among them, under the query its link has.
    let first = url_state::encode(&b, &Selection::initial(&b));
    assert!(views.iter().any(|v| v.query == first), "the first view {first} is published");
}

#[test]
fn a_view_is_found_by_its_query() {
    let list = [("one", "v=bars"), ("two", "lens=technical")];
    assert_eq!(published::find(&list, "lens=technical"), Some("two"));
    assert_eq!(published::find(&list, "v=trend"), None);
}

fn refused(text: &str) -> published::PublishedError {
    match published::read(FILE, text, &bundle()) {
        Ok(v) => panic!("accepted: {v:?}"),
        Err(e) => e,
    }
}

#[test]
fn bad_lines_are_refused_with_file_and_line() {
    let e = refused("name,query\nok,v=bars\nnope,v=bars&zz=1\n");
    assert_eq!((e.file.as_str(), e.line), (FILE, 3));
    assert!(e.message.contains("does not decode cleanly"), "{e}");
    assert!(e.to_string().starts_with("data/published-views.csv, line 3: "), "{e}");

    let e = refused("name,query\nBad Name,v=bars\n");
    assert_eq!(e.line, 2);
    assert!(e.message.contains("not a page name"), "{e}");

    let e = refused("name,query\na,v=bars\na,v=trend\n");
    assert_eq!(e.line, 3);
    assert!(e.message.contains("already used on line 2"), "{e}");

    let e = refused("name,query\na,v=bars\nb,?v=bars\n");
    assert_eq!(e.line, 3);
    assert!(e.message.contains("same view as `a`"), "{e}");

    let e = refused("name,query\na,\n");
    assert!(e.message.contains("no query"), "{e}");

    let e = refused("name;query\n");
    assert_eq!(e.line, 1);

    let e = refused("name,query\njust-a-name\n");
    assert_eq!(e.line, 2);
}

#[test]
fn blank_lines_and_a_leading_question_mark_are_fine() {
    let views = published::read(FILE, "name,query\r\n\r\nbars,?v=bars\r\n", &bundle()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(views, vec![PublishedView { name: "bars".into(), query: "v=bars".into(), line: 3 }]);
}
