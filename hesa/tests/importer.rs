//! The HESA importer against its own fixtures (one per quirk and per error) and against every
//! real download in `../shared/data/hesa/` when that folder is present.

use std::path::PathBuf;

use hesa_import::hesa;
use hesa_import::refresh;
use hesa_import::table_specs;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

/// The shared HESA folder, or `None` (with a clear message) when this checkout has none.
fn shared_hesa_files() -> Option<Vec<(String, Vec<u8>)>> {
    let dir = std::env::var_os("HESA_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/hesa"));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("NOTE: {} is absent: the tests over the real HESA downloads did not run", dir.display());
        return None;
    };
    let mut files: Vec<(String, Vec<u8>)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .map(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (name, bytes)
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} holds no CSV files", dir.display());
    Some(files)
}

#[test]
fn fixture_with_every_staff_table_1_quirk() {
    let t = hesa::parse("quirks.csv", &fixture("staff-table-1-quirks.csv")).expect("parses");
    // Two byte-order marks are stripped: the first key is read.
    assert_eq!(t.meta.title, "Table 1 - HE staff by HE provider and activity standard occupational classification");
    assert_eq!(t.meta.reference_id, "DT025 Table 1");
    assert_eq!(t.meta.source_link, "https://www.hesa.ac.uk/data-and-analysis/staff/table-1");
    assert_eq!(t.meta.licence, "Creative Commons Attribution 4.0 International Licence");
    // The year comes from the Filters block, trailing space trimmed.
    assert_eq!(t.year, "2020/21");
    assert_eq!(t.meta.filter("Mode of employment"), Some("All"));
    assert_eq!(t.meta.filters.len(), 4);
    // The header is found by content (line 16 here).
    assert_eq!(t.header_line, 16);
    assert_eq!(t.columns.len(), 16);
    // Repeated occupation labels: the non-academic copies are trimmed and sit in block 1.
    assert_eq!(t.columns[1].label, "Professional occupations");
    assert_eq!(t.columns[6].label, "Professional occupations");
    assert_eq!((t.columns[1].block, t.columns[6].block, t.columns[15].block), (0, 1, 1));
    table_specs::STAFF_OCCUPATION.check_columns(&t).expect("matches the Staff Table 1 spec");
    // Quoted numbers with thousands separators.
    assert_eq!(t.providers[0].values[15], Some(1885.0));
    assert_eq!(t.providers[1].values[1], Some(3765.0));
    // `*` marks an opt-out and is removed from the name; empty cells are not reported, not 0.
    let bham = &t.providers[1];
    assert_eq!(bham.name, "The University of Birmingham");
    assert!(bham.opted_out);
    assert_eq!(bham.values[5], None);
    assert!(!t.providers[0].opted_out);
    // The trailing all-UK Total row (no newline after it) is kept apart from the providers.
    let total = t.total.as_ref().expect("total row");
    assert_eq!(total.ukprn, None);
    assert_eq!(total.values[4], Some(224_530.0));
    assert_eq!(total.values[14], None);
    assert_eq!(t.providers.len(), 2);
}

#[test]
fn fixture_without_bom_or_total_row() {
    let t = hesa::parse("students.csv", &fixture("student-table-1-no-bom-no-total.csv")).expect("parses");
    assert_eq!(t.year, "2021/22");
    assert_eq!(t.total, None);
    assert_eq!(t.providers[1].values, vec![Some(1480.0), Some(3920.0), Some(5.0), Some(5400.0)]);
    table_specs::STUDENTS_SEX.check_columns(&t).expect("matches the Student Table 1 spec");
    // Checking against another table's spec names the first column that differs.
    let err = table_specs::STAFF_OCCUPATION.check_columns(&t).unwrap_err();
    assert_eq!((err.line, err.column), (Some(8), Some(3)));
    assert!(err.message.contains("expected column \"Managers, directors and senior officials\""), "{err}");
}

/// The quirks fixture with one line replaced, for error cases.
fn with_line(line: usize, replacement: &str) -> Vec<u8> {
    let text = String::from_utf8(fixture("staff-table-1-quirks.csv")).expect("utf-8 fixture");
    let mut lines: Vec<&str> = text.split('\n').collect();
    lines[line - 1] = replacement;
    lines.join("\n").into_bytes()
}

#[test]
fn errors_name_file_line_column_and_what_was_expected() {
    let cases: Vec<(Vec<u8>, Option<u64>, Option<usize>, &str)> = vec![
        (with_line(17, r#""10007759","Aston University","0","9x30","0","0","930","95","170","255","235","25","30","15","10","120","955","1,885""#), Some(17), Some(4), "expected a number like \"1,655\" or an empty cell, found \"9x30\""),
        (with_line(17, r#""10007759","Aston University","0","930""#), Some(17), Some(5), "expected 18 fields"),
        (with_line(17, r#""1000775","Aston University","0","930","0","0","930","95","170","255","235","25","30","15","10","120","955","1,885""#), Some(17), Some(1), "expected a UKPRN of 8 digits"),
        (with_line(17, r#""","Aston University","0","930","0","0","930","95","170","255","235","25","30","15","10","120","955","1,885""#), Some(17), Some(1), "only the \"Total\" row has none"),
        (with_line(18, r#""10007759","Aston University","0","930","0","0","930","95","170","255","235","25","30","15","10","120","955","1,885""#), Some(18), Some(1), "expected each UKPRN once, but 10007759 is also on line 17"),
        (with_line(12, ",Academic year,2020 "), None, None, "expected the \"Academic year\" filter to look like 2020/21"),
        (with_line(12, ",Mode,All "), None, None, "expected an \"Academic year\" line"),
        (with_line(16, "\"Provider\",\"x\""), Some(16), Some(1), "expected a metadata line"),
        (with_line(16, "\"UKPRN\",\"HE Provider\""), Some(16), Some(3), "expected the header row to name UKPRN"),
        (b"Title:,x\nSearch:,\n".to_vec(), Some(2), None, "expected a header row starting with \"UKPRN\""),
        (b"\x89PNG\r\n\x1a\n\x00\x00".to_vec(), Some(1), Some(1), "expected UTF-8 text"),
        (b"{\"not\": \"csv\"}".to_vec(), Some(1), Some(1), "expected a metadata line"),
        (b"Title:,caf\xe9\n".to_vec(), Some(1), Some(11), "expected UTF-8 text"),
        (b"".to_vec(), Some(1), None, "expected a header row"),
    ];
    for (bytes, line, column, expected) in cases {
        let err = hesa::parse("bad.csv", &bytes).expect_err(expected);
        assert_eq!(err.file, "bad.csv");
        assert!(err.message.contains(expected), "wanted {expected:?}, got {err}");
        assert_eq!((err.line, err.column), (line, column), "{err}");
    }
}

#[test]
fn truncated_file_is_an_error_not_a_panic() {
    let bytes = fixture("staff-table-1-quirks.csv");
    for cut in (0..bytes.len()).step_by(7) {
        let _ = hesa::parse("cut.csv", &bytes[..cut]);
    }
    let cut_in_row = &bytes[..bytes.len() - 40];
    let err = hesa::parse("cut.csv", cut_in_row).unwrap_err();
    assert_eq!(err.line, Some(19), "{err}");
    // Cut inside a quoted value: the csv reader would close the quote; the importer says why.
    let text = String::from_utf8(bytes.clone()).expect("utf-8");
    let inside = text.rfind("\"5\"").expect("a value") + 2;
    let err = hesa::parse("cut.csv", &bytes[..inside]).unwrap_err();
    assert!(err.message.contains("stops inside a quoted value"), "{err}");
}

#[test]
fn every_shared_download_parses_with_its_quirks() {
    let Some(files) = shared_hesa_files() else { return };
    for (name, bytes) in &files {
        let t = hesa::parse(name, bytes).unwrap_or_else(|e| panic!("{e}"));
        let spec = table_specs::spec_for(&t.meta.reference_id).unwrap_or_else(|| panic!("{name}: unknown table"));
        spec.check_columns(&t).unwrap_or_else(|e| panic!("{e}"));
        assert!(t.providers.len() > 150, "{name}: {} providers", t.providers.len());
        assert!(t.total.is_some(), "{name}: no total row");
        assert!(t.meta.licence.contains("Creative Commons Attribution 4.0"), "{name}");
        for partner in refresh::partners() {
            assert!(t.providers.iter().any(|p| p.ukprn.as_deref() == Some(&partner.ukprn)), "{name}: {}", partner.short);
        }
        // Opted-out providers carry `*` and have their non-academic cells empty, never 0.
        if spec.reference_id == "DT025 Table 1" && t.year.as_str() >= "2019/20" {
            let bham = t.providers.iter().find(|p| p.ukprn.as_deref() == Some("10006840")).expect("Birmingham");
            assert!(bham.opted_out, "{name}");
            assert!(bham.values[5..].iter().all(Option::is_none), "{name}");
            assert!(bham.values[..5].iter().all(Option::is_some), "{name}");
        }
    }
    let years: std::collections::BTreeSet<_> = files
        .iter()
        .filter_map(|(n, b)| hesa::parse(n, b).ok())
        .filter(|t| t.meta.reference_id == "DT025 Table 1")
        .map(|t| t.year)
        .collect();
    assert_eq!(years.len(), 10, "one Staff Table 1 file per year 2014/15..2023/24: {years:?}");
}

#[test]
fn committed_data_matches_the_shared_downloads() {
    let Some(files) = shared_hesa_files() else { return };
    let refreshed = refresh::refresh(&files).unwrap_or_else(|e| panic!("{e}"));
    assert!(refreshed.skipped.is_empty(), "{:?}", refreshed.skipped);
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data");
    for (name, text) in &refreshed.files {
        let committed = std::fs::read_to_string(data.join(name)).unwrap_or_default();
        assert!(committed == *text, "data/{name} differs from the HESA downloads: run refresh-data");
    }
    let manifest = std::fs::read_to_string(data.join("manifest.json")).unwrap_or_default();
    assert_eq!(manifest, refreshed.manifest.to_json(), "data/manifest.json is stale: run refresh-data");
}

#[test]
fn duplicated_years_are_refused() {
    let Some(files) = shared_hesa_files() else { return };
    let mut twice = files.clone();
    let first = files.iter().find(|(n, _)| n == "dt025-table-1.csv").cloned().expect("2014/15 file");
    twice.push(("copy of dt025-table-1.csv".to_string(), first.1));
    let err = refresh::refresh(&twice).unwrap_err();
    assert!(err.message.contains("expected one file per year"), "{err}");
    assert!(err.message.contains("2014/15"), "{err}");
}
