//! Opening a visitor's own HESA files: any table shape, several years combined, every error named.

use std::path::PathBuf;

use workforce_core::manifest::CategoryKey;
use hesa_import::own_files::{dataset_from_files, MAX_FILE_BYTES};

fn fixture(name: &str) -> (String, Vec<u8>) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    (name.to_string(), std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

fn key(group: &str, name: &str) -> CategoryKey {
    CategoryKey { group: group.into(), name: name.into() }
}

#[test]
fn an_unknown_table_over_two_years() {
    let d = dataset_from_files(&[fixture("other-table-mode-2021.csv"), fixture("other-table-mode-2020.csv")]).expect("opens");
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
    let d = dataset_from_files(&[fixture("other-table-blocks.csv")]).expect("opens");
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
    let d = dataset_from_files(&[fixture("staff-table-1-quirks.csv")]).expect("opens");
    assert_eq!(d.info.id, "own-dt025-table-1");
    assert_eq!(d.categories()[5].group, "Non-academic");
    assert_eq!(d.info.default_categories, vec![key("Academic", "Total academic staff"), key("Non-academic", "Total non-academic staff")]);
}

#[test]
fn bad_files_are_named_with_their_problem() {
    let cases: Vec<(Vec<(String, Vec<u8>)>, &str, &str)> = vec![
        (vec![fixture("other-table-mode-2020.csv"), fixture("other-table-mode-2020.csv")], "other-table-mode-2020.csv", "holds 2020/21 again"),
        (vec![fixture("other-table-mode-2020.csv"), fixture("other-table-blocks.csv")], "other-table-blocks.csv", "not the same table"),
        (vec![("picture.png".to_string(), b"\x89PNG\r\n\x1a\n".to_vec())], "picture.png", "expected UTF-8 text"),
        (vec![("notes.csv".to_string(), b"name,age\nA,1\n".to_vec())], "notes.csv", "expected a metadata line"),
        (vec![("big.csv".to_string(), vec![b' '; MAX_FILE_BYTES + 1])], "big.csv", "too large"),
        (vec![], "(no file)", "expected at least one file"),
    ];
    for (files, file, message) in cases {
        let err = dataset_from_files(&files).expect_err(message);
        assert_eq!(err.file, file, "{err}");
        assert!(err.message.contains(message), "wanted {message:?}, got {err}");
    }
    let (name, bytes) = fixture("other-table-mode-2020.csv");
    let cut = bytes.len() - 20;
    let err = dataset_from_files(&[(name, bytes[..cut].to_vec())]).expect_err("truncated");
    assert!(err.line.is_some(), "{err}");
}

#[test]
fn every_shared_staff_table_1_file_combines_into_the_bundled_figures() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/hesa");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("NOTE: {} is absent: the test over real downloads did not run", dir.display());
        return;
    };
    let files: Vec<(String, Vec<u8>)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("dt025-table-1")) && !p.to_string_lossy().contains("table-11"))
        .map(|p| (p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(), std::fs::read(&p).expect("read")))
        .collect();
    assert_eq!(files.len(), 10);
    let d = dataset_from_files(&files).expect("opens");
    assert_eq!(d.years().len(), 10);
    assert!(d.providers().len() > 200, "every provider of every year: {}", d.providers().len());
    let total_academic = d.category_index(&key("Academic", "Total academic staff")).expect("category");
    let y = d.year_index("2020/21").expect("year");
    let partners = ["10007759", "10006840", "10007822", "10007767", "10007796", "10004113", "10007154", "10007163"];
    let sum: f64 = partners.iter().filter_map(|u| d.provider_index(u)).filter_map(|p| d.value(p, y, total_academic)).sum();
    assert_eq!(sum, 16_125.0);
}

#[test]
fn an_import_survives_the_trip_from_the_worker() {
    let imported = hesa_import::own_files::import(&[fixture("other-table-blocks.csv"), ]).expect("imports");
    let text = hesa_import::own_files::encode(&imported);
    assert_eq!(hesa_import::own_files::decode(&text).expect("decodes"), imported);
    assert!(hesa_import::own_files::decode("nonsense").is_err());
}
