//! The key figures (`?view=figures`) on the bundled data, checked against figures added up by hand
//! from `data/staff-occupation.csv`, `data/students-sex.csv` and `data/coverage/*.csv`.

mod common;

use common::bundle;
use workforce_core::selection::{Action, Page, Selection};
use workforce_core::url_state::{decode, encode};
use workforce_core::view::key_figures::{key_figures, Body, KeyFigures, Shown, STUDENTS};
use workforce_core::view::Status;
use workforce_core::Bundle;

fn item<'a>(k: &'a KeyFigures, label: &str) -> &'a Shown {
    let found = k.items.iter().find(|i| i.label == label).unwrap_or_else(|| panic!("no figure {label}"));
    match &found.body {
        Body::Shown(shown) => shown,
        other => panic!("{label}: {other:?}"),
    }
}

#[test]
fn academic_staff_in_2020_21_and_their_share_of_the_uk() {
    let b = bundle();
    let k = key_figures(&b, "2020/21");
    assert_eq!(k.year, "2020/21");
    assert_eq!(k.title, "Key figures: the 8 Midlands Innovation partners, 2020/21");
    // 2020/21: 930 + 3,880 + 695 + 820 + 1,705 + 1,595 + 3,495 + 3,005 = 16,125 of the UK's 224,530
    // (7.18%).
    let academic = item(&k, "Academic staff");
    assert_eq!(academic.value.value, Some(16_125.0));
    assert_eq!(academic.value.status, Status::Reported);
    assert_eq!(academic.text, "16,125");
    assert!(!academic.incomplete);
    assert_eq!(academic.partners_reported, (8, 8));
    assert_eq!(academic.comparison.as_deref(), Some("7.2% of the UK's 224,530"));
    assert!(academic.notes.is_empty(), "{:?}", academic.notes);
    let first = &k.items[0];
    assert_eq!((first.source.as_str(), first.year.as_str()), ("Source: HESA, CC BY 4.0", "2020/21"));
    assert!(first.table.starts_with("DT025 Table 1: "), "{}", first.table);
}

#[test]
fn all_staff_after_the_opt_out_are_marked_incomplete_against_the_providers_that_reported() {
    let b = bundle();
    let k = key_figures(&b, "2020/21");
    // Birmingham and Nottingham returned no non-academic staff in 2020/21: the other six add up to
    // 1,940 + 1,610 + 2,020 + 3,810 + 3,740 + 7,345 = 20,465. HESA published no UK total; the 130
    // of 213 providers that reported sum to 380,880.
    let all = item(&k, "All staff");
    assert_eq!(all.value, workforce_core::view::Point { value: Some(20_465.0), status: Status::Incomplete });
    assert_eq!(all.text, "20,465 (incomplete)");
    assert!(all.incomplete);
    assert_eq!(all.partners_reported, (6, 8));
    assert_eq!(all.comparison.as_deref(), Some("UK, providers that reported: 380,880 (130 of 213 providers reported)"));
    assert!(all.notes.iter().any(|n| n.contains("Birmingham and Nottingham did not report")), "{:?}", all.notes);
    assert!(all.notes.iter().any(|n| n.contains("no UK total") && n.contains("opted out")), "{:?}", all.notes);

    // The technical lens: 330 + 290 + 185 + 705 + 650 + 855 = 3,015 of six partners; 43,655 over
    // the 130 providers that reported.
    let technical = item(&k, "Technical workforce");
    assert_eq!(technical.text, "3,015 (incomplete)");
    assert_eq!(technical.comparison.as_deref(), Some("UK, providers that reported: 43,655 (130 of 213 providers reported)"));
}

#[test]
fn before_the_opt_out_every_figure_has_a_share_of_the_uk() {
    let b = bundle();
    let k = key_figures(&b, "2018/19");
    // 2018/19 all staff: 1,825 + 8,400 + 1,530 + 2,030 + 3,910 + 3,765 + 7,915 + 6,815 = 36,190
    // of 439,955 (8.23%); technical 280 + 1,420 + 280 + 190 + 740 + 510 + 1,240 + 830 = 5,490 of
    // 50,310 (10.91%).
    assert_eq!(item(&k, "All staff").text, "36,190");
    assert_eq!(item(&k, "All staff").comparison.as_deref(), Some("8.2% of the UK's 439,955"));
    assert_eq!(item(&k, "Technical workforce").text, "5,490");
    assert_eq!(item(&k, "Technical workforce").comparison.as_deref(), Some("10.9% of the UK's 50,310"));
    assert!(item(&k, "Technical workforce").notes.is_empty());
}

#[test]
fn students_and_their_share_of_the_uk() {
    let b = bundle();
    let k = key_figures(&b, "2020/21");
    // 16,795 + 37,750 + 5,055 + 11,505 + 16,100 + 18,335 + 35,785 + 28,110 = 169,435 of 2,747,200
    // (6.17%).
    let students = item(&k, "Students");
    assert_eq!(students.text, "169,435");
    assert_eq!(students.comparison.as_deref(), Some("6.2% of the UK's 2,747,200"));
    assert_eq!(k.items.iter().find(|i| i.label == "Students").map(|i| i.table.starts_with("DT051 Table 1")), Some(true));
}

#[test]
fn a_dataset_not_loaded_is_said_so_not_counted() {
    let full = bundle();
    let b = Bundle { datasets: full.datasets.iter().filter(|d| d.info.id != STUDENTS).cloned().collect(), ..full.clone() };
    let k = key_figures(&b, "2020/21");
    let students = k.items.iter().find(|i| i.label == "Students").expect("students");
    assert_eq!(students.body, Body::NotLoaded);
    assert_eq!(item(&k, "Academic staff").text, "16,125");
    // A year the staff table lacks falls back to its newest.
    assert_eq!(key_figures(&b, "1999/00").year, "2023/24");
}

#[test]
fn the_page_and_its_year_round_trip_through_the_link() {
    let b = bundle();
    let s = Selection::initial(&b).apply(&b, Action::SelectPage(Page::KeyFigures));
    assert_eq!(s.page, Page::KeyFigures);
    assert_eq!(encode(&b, &s), "view=figures");
    let s = s.apply(&b, Action::SelectYear("2020/21".into()));
    assert_eq!(encode(&b, &s), "view=figures&y=2020-21");
    let back = decode(&b, "view=figures&y=2020-21");
    assert_eq!(back.selection, s);
    assert!(back.ignored.is_empty());
    // Nothing but the year is chosen there: other settings are ignored and said to be.
    let other = decode(&b, "view=figures&y=2020-21&p=aston&embed=1");
    assert_eq!(other.selection, s);
    assert_eq!(other.ignored, vec!["\"p\" does not apply to the key figures".to_string()]);
    assert_eq!(s.apply(&b, Action::TogglePartner("10007759".into())), s);
    // Back to the explorer: its first view.
    assert_eq!(s.apply(&b, Action::SelectPage(Page::Explorer)), Selection::initial(&b));
    assert_eq!(decode(&b, "view=nonsense").ignored, vec!["unknown page \"nonsense\"".to_string()]);
}
