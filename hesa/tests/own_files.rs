//! Opening a visitor's own HESA files: any table shape, several years combined, every error named.

mod common;

use common::{fixture, hesa_files};
use hesa_import::hesa;
use hesa_import::own_files::{import, MAX_FILE_BYTES};
use workforce_core::error::{ErrorKind, Position};
use workforce_core::manifest::CategoryKey;
use workforce_core::Dataset;

fn key(group: &str, name: &str) -> CategoryKey {
    CategoryKey { group: group.into(), name: name.into() }
}

#[test]
fn an_unknown_table_over_two_years() {
    let d = import(&[fixture("other-table-mode-2021.csv"), fixture("other-table-mode-2020.csv")]).expect("opens");
    assert_eq!(d.info.id, "own-dt999-table-9");
    assert_eq!(d.info.title, "Example enrolments by HE provider and mode of study");
    assert_eq!(d.info.measure, "students");
    assert_eq!(d.info.licence, "CC BY 4.0");
    assert_eq!(d.years(), ["2020/21", "2021/22"]);
    let names: Vec<(&str, bool)> = d.categories().iter().map(|c| (c.name.as_str(), c.total)).collect();
    assert_eq!(names, vec![("Full-time", false), ("Part-time", false), ("Total", true)], "Total is the sum of the others");
    assert_eq!(d.info.default_categories, vec![key("", "Total")]);
    let aston = d.provider_index("10007759").expect("Aston");
    assert_eq!(d.value(aston, 1, 2), Some(17_595.0));
    // An opted-out provider's empty cells are not reported, not zero; every provider is there.
    let cranfield = d.provider_index("10007822").expect("Cranfield");
    assert_eq!(d.value(cranfield, 0, 0), None);
    // Renamed in 2021/22: named as in the newest year, the old name kept (for search).
    let renamed = &d.providers()[d.provider_index("10000001").expect("the college")];
    assert_eq!(renamed.name, "A New University");
    assert_eq!(renamed.former_names, vec!["A New College".to_string()]);
    assert!(d.provider_index("UK").is_some(), "the Total row is the UK total");
    assert!(d.all_providers);
}

#[test]
fn repeated_labels_become_groups_and_only_real_totals_are_totals() {
    let d = import(&[fixture("other-table-blocks.csv")]).expect("opens");
    let cats: Vec<(String, String, bool)> = d.categories().iter().map(|c| (c.group.clone(), c.name.clone(), c.total)).collect();
    let expect = |g: &str, n: &str, t: bool| (g.to_string(), n.to_string(), t);
    assert_eq!(
        cats,
        vec![
            expect("Clinical", "Professors", false),
            expect("Clinical", "Other grades", false),
            expect("Clinical", "Total clinical staff", true),
            expect("Non-clinical", "Professors", false),
            expect("Non-clinical", "Other grades", false),
            expect("Non-clinical", "Total non-clinical staff", true),
            // Named "Total" but not the sum of anything: a category of its own, outside the groups.
            expect("", "Total services", false),
            expect("", "Total", true),
        ]
    );
}

#[test]
fn the_bundled_tables_open_with_their_own_meaning() {
    let d = import(&[fixture("staff-table-1-quirks.csv")]).expect("opens");
    assert_eq!(d.info.id, "own-dt025-table-1");
    assert_eq!(d.categories()[5].group, "Non-academic");
    assert_eq!(d.info.default_categories, vec![key("Academic", "Total academic staff"), key("Non-academic", "Total non-academic staff")]);
}

#[test]
fn bad_files_are_named_with_their_problem() {
    let cases: Vec<(Vec<(String, Vec<u8>)>, &str, fn(&ErrorKind) -> bool)> = vec![
        (vec![fixture("other-table-mode-2020.csv"), fixture("other-table-mode-2020.csv")], "other-table-mode-2020.csv", |k| {
            *k == ErrorKind::DuplicateYear { year: "2020/21".into(), other_file: "other-table-mode-2020.csv".into() }
        }),
        (vec![fixture("other-table-mode-2020.csv"), fixture("other-table-blocks.csv")], "other-table-blocks.csv", |k| {
            matches!(k, ErrorKind::DifferentTable { other_file, .. } if other_file == "other-table-mode-2020.csv")
        }),
        (vec![("picture.png".to_string(), b"\x89PNG\r\n\x1a\n".to_vec())], "picture.png", |k| *k == ErrorKind::NotUtf8),
        (vec![("notes.csv".to_string(), b"name,age\nA,1\n".to_vec())], "notes.csv", |k| matches!(k, ErrorKind::NotMetadata { .. })),
        (vec![("big.csv".to_string(), vec![b' '; MAX_FILE_BYTES + 1])], "big.csv", |k| matches!(k, ErrorKind::TooLarge { megabytes: 20, max_megabytes: 20 })),
        (vec![], "(no file)", |k| *k == ErrorKind::NoFiles),
    ];
    for (files, file, kind) in cases {
        let err = import(&files).expect_err(file);
        assert_eq!(err.position.file, file, "{err}");
        assert!(kind(&err.kind), "{err}");
    }
    let (name, bytes) = fixture("other-table-mode-2020.csv");
    let cut = bytes.len() - 20;
    let err = import(&[(name, bytes[..cut].to_vec())]).expect_err("truncated");
    assert!(err.position.line.is_some(), "{err}");
}

#[test]
fn an_error_in_the_second_file_is_named_after_the_second_file() {
    // Student Table 1 for 2020/21 (made from the 2021/22 fixture), then 2021/22 with Aston's total
    // no longer adding up (line 9; the Total column is the sixth).
    let (_, bytes) = fixture("student-table-1-no-bom-no-total.csv");
    let text = String::from_utf8(bytes).expect("utf-8");
    let earlier = text.replace("Academic year,2021/22", "Academic year,2020/21").into_bytes();
    let broken = text.replace("\"17,595\"", "\"19,595\"").into_bytes();
    let files = [("students-2020.csv".to_string(), earlier), ("students-2021.csv".to_string(), broken)];
    let err = import(&files).expect_err("inconsistent");
    assert!(matches!(err.kind, ErrorKind::InconsistentTotal { published: 19_595.0, .. }), "{err}");
    assert_eq!(err.position, Position { file: "students-2021.csv".into(), line: Some(9), column: Some(6) }, "{err}");
    // The other way round: still named after the broken file.
    let err = import(&[files[1].clone(), files[0].clone()]).expect_err("inconsistent");
    assert_eq!(err.position.file, "students-2021.csv", "{err}");
}

#[test]
fn every_staff_table_1_file_combines_into_the_bundled_figures() {
    // Chosen by what the files hold (their Reference ID), not by their names.
    let files: Vec<(String, Vec<u8>)> = hesa_files()
        .into_iter()
        .filter(|(name, bytes)| hesa::parse(name, bytes).is_ok_and(|t| t.meta.reference_id == "DT025 Table 1"))
        .collect();
    assert_eq!(files.len(), 10);
    let d = import(&files).expect("opens");
    assert_eq!(d.years().len(), 10);
    assert!(d.providers().len() > 200, "every provider of every year: {}", d.providers().len());
    let total_academic = d.category_index(&key("Academic", "Total academic staff")).expect("category");
    let y = d.year_index("2020/21").expect("year");
    let partners = ["10007759", "10006840", "10007822", "10007767", "10007796", "10004113", "10007154", "10007163"];
    let sum: f64 = partners.iter().filter_map(|u| d.provider_index(u)).filter_map(|p| d.value(p, y, total_academic)).sum();
    assert_eq!(sum, 16_125.0);
}

#[test]
fn an_import_survives_the_trip_to_the_page_as_its_cube() {
    let data = import(&[fixture("other-table-mode-2021.csv"), fixture("other-table-mode-2020.csv")]).expect("imports");
    let back = Dataset::from_parts(data.clone().into_parts()).expect("the same cube");
    assert_eq!(back.into_parts(), data.clone().into_parts());
    // Parts that do not make a cube are refused, never indexed out of range.
    let mut short = data.clone().into_parts();
    short.values.pop();
    let err = Dataset::from_parts(short).expect_err("short");
    assert!(matches!(err.kind, ErrorKind::UnequalLengths { .. }), "{err}");
    let mut negative = data.into_parts();
    negative.values[0] = -1.0;
    negative.reported[0] = true;
    assert_eq!(Dataset::from_parts(negative).expect_err("negative").kind, ErrorKind::Negative { value: -1.0 });
}

/// Staff Table 17's headers differ every year (the bands' thresholds move): a visitor's files of
/// several years still combine, under the bands' stable names, each year with its thresholds.
#[test]
fn salary_files_of_several_years_combine_with_each_years_thresholds() {
    let files: Vec<(String, Vec<u8>)> =
        hesa_files().into_iter().filter(|(n, _)| n == "dt025-table-17.csv" || n == "dt025-table-17 (9).csv").collect();
    assert_eq!(files.len(), 2);
    let data = import(&files).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(data.years(), ["2014/15", "2023/24"]);
    let lboro = data.provider_index("10004113").expect("Loughborough");
    let total = data.category_index(&key("", "Total")).expect("Total");
    assert_eq!(data.value(lboro, 1, total), Some(1325.0));
    assert_eq!(data.info.category_label_in(0, "2014/15"), "Band 1 (lowest): under £18,031");
    assert_eq!(data.info.category_label_in(0, "2023/24"), "Band 1 (lowest): under £22,681");
}
