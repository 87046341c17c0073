//! The HESA importer against its own fixtures (one per quirk and per error) and against every
//! real download in `data/hesa/`.

mod common;

use std::collections::HashMap;

use common::{hesa_files, workspace};
use hesa_import::hesa::{self, HesaTable};
use hesa_import::refresh;
use hesa_import::table_specs;
use workforce_core::error::{ErrorKind, Position};
use workforce_core::coverage::Coverage;
use workforce_core::manifest::{CategoryKey, UK_TOTAL_KEY};
use workforce_core::{tidy, wide};

fn fixture(name: &str) -> Vec<u8> {
    common::fixture(name).1
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
    assert_eq!(err.position, Position { file: "students.csv".into(), line: Some(8), column: Some(3) });
    assert!(
        matches!(&err.kind, ErrorKind::UnexpectedHeader { expected, found } if expected.contains("\"Managers, directors and senior officials\"") && found == "\"Female\""),
        "{err}"
    );
}

/// The quirks fixture with one line replaced, for error cases.
fn with_line(line: usize, replacement: &str) -> Vec<u8> {
    let text = String::from_utf8(fixture("staff-table-1-quirks.csv")).expect("utf-8 fixture");
    let mut lines: Vec<&str> = text.split('\n').collect();
    lines[line - 1] = replacement;
    lines.join("\n").into_bytes()
}

#[test]
fn errors_have_a_kind_and_a_position() {
    let aston = |cells: &str| format!("\"10007759\",\"Aston University\",{cells}");
    let row = r#""0","930","0","0","930","95","170","255","235","25","30","15","10","120","955","1,885""#;
    let cases: Vec<(Vec<u8>, Option<u64>, Option<usize>, ErrorKind)> = vec![
        (with_line(17, &aston(&row.replacen("\"930\"", "\"9x30\"", 1))), Some(17), Some(4), ErrorKind::BadNumber { found: "9x30".into() }),
        (with_line(17, &aston(r#""0","930""#)), Some(17), Some(5), ErrorKind::UnequalLengths { expected: 18, found: 4 }),
        (with_line(17, &format!("\"1000775\",\"Aston University\",{row}")), Some(17), Some(1), ErrorKind::BadUkprn { found: "1000775".into() }),
        (with_line(17, &format!("\"\",\"Aston University\",{row}")), Some(17), Some(1), ErrorKind::MissingUkprn { provider: "Aston University".into() }),
        (with_line(18, &aston(row)), Some(18), Some(1), ErrorKind::DuplicateUkprn { ukprn: "10007759".into(), first_line: 17 }),
        (with_line(12, ",Academic year,2020 "), None, None, ErrorKind::BadYear { found: "2020".into() }),
        (with_line(12, ",Mode,All "), None, None, ErrorKind::MissingYear),
        (with_line(16, "\"Provider\",\"x\""), Some(16), Some(1), ErrorKind::NotMetadata { found: "Provider".into() }),
        (with_line(16, "\"UKPRN\",\"HE Provider\""), Some(16), Some(3), ErrorKind::ShortHeader),
        (b"Title:,x\nSearch:,\n".to_vec(), Some(2), None, ErrorKind::NoHeader),
        (b"\x89PNG\r\n\x1a\n\x00\x00".to_vec(), Some(1), Some(1), ErrorKind::NotUtf8),
        (b"{\"not\": \"csv\"}".to_vec(), Some(1), Some(1), ErrorKind::NotMetadata { found: "{\"not\": \"csv\"}".into() }),
        (b"Title:,caf\xe9\n".to_vec(), Some(1), Some(11), ErrorKind::NotUtf8),
        (b"".to_vec(), Some(1), None, ErrorKind::NoHeader),
    ];
    for (bytes, line, column, kind) in cases {
        let err = hesa::parse("bad.csv", &bytes).expect_err("refused");
        assert_eq!(err.kind, kind, "{err}");
        assert_eq!(err.position, Position { file: "bad.csv".into(), line, column }, "{err}");
    }
}

#[test]
fn messages_name_file_line_column_and_what_was_expected() {
    let err = hesa::parse("bad.csv", &with_line(17, r#""1000775","Aston University","0""#)).unwrap_err();
    assert_eq!(err.to_string(), "bad.csv, line 17, column 4: expected 18 fields, found 3");
    let err = hesa::parse("bad.csv", &with_line(18, r#""10007759","x","0","930","0","0","930","95","170","255","235","25","30","15","10","120","955","1,885""#)).unwrap_err();
    assert_eq!(err.to_string(), "bad.csv, line 18, column 1: expected each UKPRN once, but 10007759 is also on line 17");
}

#[test]
fn repeated_labels_start_a_new_block_only_within_the_current_block() {
    let text = String::from_utf8(fixture("staff-table-1-quirks.csv")).expect("utf-8");
    let header = text.lines().nth(15).expect("header line");
    // "A","B","A","B","A": three blocks (A B | A B | A), found by the labels of the current block.
    let mut cells: Vec<&str> = header.split("\",\"").collect();
    let labels = ["A", "B", "A", "B", "A", "C", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L\""];
    for (cell, label) in cells.iter_mut().skip(2).zip(labels) {
        *cell = label;
    }
    let t = hesa::parse("blocks.csv", &with_line(16, &cells.join("\",\""))).expect("parses");
    let blocks: Vec<usize> = t.columns.iter().map(|c| c.block).collect();
    assert_eq!(blocks, vec![0, 0, 1, 1, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
}

#[test]
fn truncated_file_is_an_error_not_a_panic() {
    let bytes = fixture("staff-table-1-quirks.csv");
    for cut in (0..bytes.len()).step_by(7) {
        let _ = hesa::parse("cut.csv", &bytes[..cut]);
    }
    let cut_in_row = &bytes[..bytes.len() - 40];
    let err = hesa::parse("cut.csv", cut_in_row).unwrap_err();
    assert_eq!(err.position.line, Some(19), "{err}");
    assert_eq!(err.kind, ErrorKind::Truncated, "{err}");
    // Cut inside a quoted value: the csv reader would close the quote; the importer says why.
    let text = String::from_utf8(bytes.clone()).expect("utf-8");
    let inside = text.rfind("\"5\"").expect("a value") + 2;
    let err = hesa::parse("cut.csv", &bytes[..inside]).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Truncated, "{err}");
}

#[test]
fn every_download_in_data_hesa_parses_with_its_quirks() {
    let files = hesa_files();
    for (name, bytes) in &files {
        let t = hesa::parse(name, bytes).unwrap_or_else(|e| panic!("{e}"));
        let Some(spec) = table_specs::spec_for(&t.meta.reference_id) else {
            // A table the explorer does not bundle: it still opens as a visitor's own file.
            assert!(t.providers.len() > 150, "{name}: {} providers", t.providers.len());
            continue;
        };
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
fn refresh_data_rebuilds_the_committed_data_exactly() {
    let refreshed = refresh::refresh(&hesa_files()).unwrap_or_else(|e| panic!("{e}"));
    let bundled: Vec<&str> = table_specs::BUNDLED.iter().map(|s| s.reference_id).collect();
    assert_eq!(bundled.len(), 7);
    assert!(refreshed.skipped.is_empty(), "every table in data/hesa/ is bundled: {:?}", refreshed.skipped);
    let ids: Vec<&str> = refreshed.manifest.datasets.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        ["staff-occupation", "staff-cost-centre", "staff-qualification", "staff-salary", "staff-flows", "staff-nationality", "students-sex"]
    );
    // Each dataset: its tidy file, its other providers and its coverage, ten years each.
    assert_eq!(refreshed.files.len(), 3 * 7);
    let data = workspace().join("data");
    for (name, text) in &refreshed.files {
        let committed = std::fs::read_to_string(data.join(name)).unwrap_or_default();
        assert!(committed == *text, "data/{name} differs from the HESA downloads: run refresh-data");
    }
    let manifest = std::fs::read_to_string(data.join("manifest.json")).unwrap_or_default();
    assert_eq!(manifest, refreshed.manifest.to_json(), "data/manifest.json is stale: run refresh-data");
}

/// Each download in `data/hesa/` of a bundled table, by dataset id and year.
fn bundled_downloads() -> HashMap<(&'static str, String), HesaTable> {
    let mut tables = HashMap::new();
    for (name, bytes) in hesa_files() {
        let t = hesa::parse(&name, &bytes).unwrap_or_else(|e| panic!("{e}"));
        if let Some(spec) = table_specs::spec_for(&t.meta.reference_id) {
            tables.insert((spec.dataset_id, t.year.clone()), t);
        }
    }
    tables
}

/// Every figure of `data/*.csv` and `data/providers/*.csv`, read back with the core's own readers,
/// against its cell in the download of its table and year: found by UKPRN (or the Total row)
/// and by the column the table's spec gives its group and category. Independent of the refresh.
#[test]
fn every_bundled_figure_equals_its_source_cell() {
    let tables = bundled_downloads();
    let data = workspace().join("data");
    let read = |name: &str| std::fs::read_to_string(data.join(name)).unwrap_or_else(|e| panic!("data/{name}: {e}"));
    for spec in &table_specs::BUNDLED {
        let categories = spec.categories();
        let partners = tidy::read(&format!("{}.csv", spec.dataset_id), &read(&format!("{}.csv", spec.dataset_id))).unwrap_or_else(|e| panic!("{e}"));
        let others_file = format!("providers/{}.csv", spec.dataset_id);
        let others = wide::read(&others_file, &read(&others_file), &categories).unwrap_or_else(|e| panic!("{e}"));
        assert!(others.len() > 10 * partners.len(), "{}: other providers' figures", spec.dataset_id);
        let mut checked = 0;
        let mut reported = 0;
        for r in partners.iter().chain(&others) {
            let table = tables.get(&(spec.dataset_id, r.year.clone())).unwrap_or_else(|| panic!("{} {}: no download", spec.dataset_id, r.year));
            let row = if r.ukprn == UK_TOTAL_KEY {
                table.total.as_ref()
            } else {
                table.providers.iter().find(|p| p.ukprn.as_deref() == Some(r.ukprn.as_str()))
            };
            let row = row.unwrap_or_else(|| panic!("{} {} {}: no row in {}", spec.dataset_id, r.year, r.ukprn, table.file));
            let column = spec.columns.iter().position(|c| c.group == r.group && c.name == r.category).unwrap_or_else(|| panic!("{}: {:?}", spec.dataset_id, r.category));
            let cell = row.values.get(column).copied().flatten();
            assert_eq!(r.value, cell, "{} {} {} {:?}: bundled vs {} line {}", spec.dataset_id, r.year, r.ukprn, r.category, table.file, row.line);
            checked += 1;
            reported += usize::from(cell.is_some());
        }
        // Every cell of every provider of every year is bundled, once.
        let cells: usize = tables.iter().filter(|((id, _), _)| *id == spec.dataset_id).map(|(_, t)| (t.providers.len() + 1) * spec.columns.len()).sum();
        assert_eq!(checked, cells, "{}: bundled figures vs source cells", spec.dataset_id);
        assert!(reported > checked / 2, "{}: mostly reported", spec.dataset_id);
    }
}

/// Every row of `data/coverage/*.csv`, read back with the core's reader, against a count made
/// here from the downloads: the providers in that year's file, those with the cell filled in,
/// and the sum of their cells. Every year and category has its row.
#[test]
fn every_coverage_figure_equals_a_count_of_the_downloads() {
    let tables = bundled_downloads();
    let manifest = std::fs::read_to_string(workspace().join("data/manifest.json")).expect("manifest");
    let manifest = workforce_core::manifest::Manifest::from_json("data/manifest.json", &manifest).unwrap_or_else(|e| panic!("{e}"));
    for spec in &table_specs::BUNDLED {
        let info = manifest.dataset(spec.dataset_id).unwrap_or_else(|| panic!("{} in the manifest", spec.dataset_id));
        assert_eq!(info.coverage_file, format!("coverage/{}.csv", spec.dataset_id));
        let text = std::fs::read_to_string(workspace().join("data").join(&info.coverage_file)).expect("coverage file");
        let coverage = Coverage::read(&info.coverage_file, &text).unwrap_or_else(|e| panic!("{e}"));
        let years = tables.keys().filter(|(id, _)| *id == spec.dataset_id).count();
        assert_eq!(years, 10, "{}", spec.dataset_id);
        assert_eq!(coverage.rows().len(), years * spec.columns.len(), "{}: one row per year and category", spec.dataset_id);
        for row in coverage.rows() {
            let table = &tables[&(spec.dataset_id, row.year.clone())];
            let column = spec.columns.iter().position(|c| c.group == row.group && c.name == row.category).expect("a category of the spec");
            let cells: Vec<f64> = table.providers.iter().filter_map(|p| p.values[column]).collect();
            let want = (table.providers.len() as u64, cells.len() as u64, cells.iter().sum::<f64>());
            assert_eq!((row.providers, row.reported, row.reported_sum), want, "{} line {}", info.coverage_file, row.line);
        }
    }
}

/// Counted by hand (a spreadsheet filter on the downloads): Staff Table 1, 2023/24 has 227
/// providers, 102 of them marked * (opted out of the non-academic return); the other 125
/// report non-academic staff, 206,745 in all, and HESA's UK total of non-academic staff is
/// empty. In 2014/15 all 164 reported (205,480; HESA's own UK total, of its unrounded
/// figures, is 205,500).
#[test]
fn coverage_counts_providers_that_reported_not_the_published_total() {
    let text = std::fs::read_to_string(workspace().join("data/coverage/staff-occupation.csv")).expect("coverage");
    let coverage = Coverage::read("staff-occupation.csv", &text).unwrap_or_else(|e| panic!("{e}"));
    let key = |group: &str, name: &str| CategoryKey { group: group.into(), name: name.into() };
    let non_academic = key("Non-academic", "Total non-academic staff");
    let r = coverage.get("2023/24", &non_academic).expect("2023/24");
    assert_eq!((r.providers, r.reported, r.not_reported(), r.sum()), (227, 125, 102, Some(206_745.0)));
    assert!(!r.is_complete());
    let r = coverage.get("2014/15", &non_academic).expect("2014/15");
    assert_eq!((r.providers, r.reported, r.sum()), (164, 164, Some(205_480.0)));
    assert!(r.is_complete());
    let r = coverage.get("2023/24", &key("Academic", "Total academic staff")).expect("academic");
    assert_eq!((r.providers, r.reported, r.sum()), (227, 227, Some(246_950.0)));
    let r = coverage.get("2023/24", &key("", "Total")).expect("all staff");
    assert_eq!((r.providers, r.reported, r.sum()), (227, 125, Some(408_960.0)));
}

#[test]
fn salary_bands_keep_their_names_and_each_years_thresholds() {
    let t = hesa::parse("t17.csv", &fixture("staff-table-17-2023-24.csv")).expect("parses");
    let labels = table_specs::STAFF_SALARY.check_columns(&t).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        labels,
        ["under £22,681", "£22,681 to under £28,759", "£28,759 to under £38,205", "£38,205 to under £51,283", "£51,283 to under £68,857", "£68,857 and over", ""]
    );
    let names: Vec<String> = table_specs::STAFF_SALARY.categories().into_iter().map(|c| c.name).collect();
    assert_eq!(names, ["Band 1 (lowest)", "Band 2", "Band 3", "Band 4", "Band 5", "Band 6 (highest)", "Total"]);
    // In the bundled manifest, each year has its own thresholds under the same names.
    let manifest = std::fs::read_to_string(workspace().join("data/manifest.json")).expect("manifest");
    let manifest = workforce_core::manifest::Manifest::from_json("data/manifest.json", &manifest).unwrap_or_else(|e| panic!("{e}"));
    let salary = manifest.dataset("staff-salary").expect("staff-salary");
    assert_eq!(salary.year_labels.len(), 10);
    assert_eq!(salary.category_label_in(2, "2014/15"), "Band 3: £24,057 to under £32,277");
    assert_eq!(salary.category_label_in(0, "2023/24"), "Band 1 (lowest): under £22,681");
    assert_eq!(salary.category_label_in(5, "2014/15"), "Band 6 (highest): £58,172 and over");
    assert_eq!(salary.category_label_in(6, "2014/15"), "Total");
}

#[test]
fn a_salary_download_whose_bands_changed_is_refused_with_its_position() {
    // A seventh band: the sixth is no longer the open-ended top band.
    let (name, bytes) = common::fixture("staff-table-17-seven-bands.csv");
    let t = hesa::parse(&name, &bytes).expect("parses");
    let err = table_specs::STAFF_SALARY.check_columns(&t).unwrap_err();
    assert_eq!(err.position, Position { file: name.clone(), line: Some(18), column: Some(8) }, "{err}");
    assert!(matches!(&err.kind, ErrorKind::UnexpectedHeader { expected, found }
        if expected.contains("salary band 6 of 6") && found == "\"Contract salary ≥ £68,857 and < £92,000\""), "{err}");
    // refresh-data stops on it, naming the file, line and column.
    let mut inputs: Vec<(String, Vec<u8>)> = hesa_files().into_iter().filter(|(n, _)| n != "dt025-table-17 (9).csv").collect();
    inputs.push((name.clone(), bytes));
    let err = refresh::refresh(&inputs).unwrap_err();
    assert!(err.to_string().starts_with("staff-table-17-seven-bands.csv, line 18, column 8: expected salary band 6 of 6"), "{err}");

    // A band that does not start where the one before it ends.
    let text = String::from_utf8(fixture("staff-table-17-2023-24.csv")).expect("utf-8");
    let gap = text.replace("≥ £28,759 and < £38,205", "≥ £28,760 and < £38,205");
    let t = hesa::parse("gap.csv", gap.as_bytes()).expect("parses");
    let err = table_specs::STAFF_SALARY.check_columns(&t).unwrap_err();
    assert_eq!(err.position, Position { file: "gap.csv".into(), line: Some(18), column: Some(5) }, "{err}");
    assert!(err.to_string().contains("salary band 3 of 6 starting at £28,759, where band 2 ends"), "{err}");
    // Five bands: the sixth band's place holds the total.
    let five: Vec<String> = text
        .split('\n')
        .map(|line| {
            let mut cells: Vec<&str> = line.split("\",\"").collect();
            if line.starts_with('"') && cells.len() == 9 {
                cells.remove(6);
            }
            cells.join("\",\"")
        })
        .collect();
    let t = hesa::parse("five.csv", five.join("\n").as_bytes()).expect("parses");
    let err = table_specs::STAFF_SALARY.check_columns(&t).unwrap_err();
    assert_eq!(err.position.column, Some(7), "{err}");
}

#[test]
fn starters_and_leavers_columns_must_name_the_files_own_years() {
    let t = hesa::parse("t22.csv", &fixture("staff-table-22-2020-21.csv")).expect("parses");
    table_specs::STAFF_FLOWS.check_columns(&t).unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<String> = table_specs::STAFF_FLOWS.categories().into_iter().map(|c| c.name).collect();
    assert_eq!(names, ["Academic staff at the start of the year", "Starters", "Leavers", "Academic staff at the end of the year"]);
    assert_eq!(table_specs::STAFF_FLOWS.rate_base(), Some(CategoryKey { group: String::new(), name: names[0].clone() }));
    // A 2021/22 download whose columns count 2019/20 and 2020/21.
    let (name, bytes) = common::fixture("staff-table-22-year-columns-of-another-year.csv");
    let t = hesa::parse(&name, &bytes).expect("parses");
    assert_eq!(t.year, "2021/22");
    let err = table_specs::STAFF_FLOWS.check_columns(&t).unwrap_err();
    assert_eq!(
        err.kind,
        ErrorKind::YearColumnMismatch { expected: "Total academic staff 2020/21".into(), found: "Total academic staff 2019/20".into(), file_year: "2021/22".into() }
    );
    assert_eq!(err.position, Position { file: name.clone(), line: Some(17), column: Some(3) });
    assert_eq!(
        err.to_string(),
        "staff-table-22-year-columns-of-another-year.csv, line 17, column 3: expected \"Total academic staff 2020/21\" in a 2021/22 download, found \"Total academic staff 2019/20\": does this column belong to another year's file?"
    );
    // Only the last column wrong: named at column 6.
    let text = String::from_utf8(fixture("staff-table-22-2020-21.csv")).expect("utf-8");
    let t = hesa::parse("end.csv", text.replace("\"Total academic staff 2020/21 \"", "\"Total academic staff 2021/22 \"").as_bytes()).expect("parses");
    let err = table_specs::STAFF_FLOWS.check_columns(&t).unwrap_err();
    assert_eq!((err.position.line, err.position.column), (Some(17), Some(6)), "{err}");
    assert!(matches!(err.kind, ErrorKind::YearColumnMismatch { .. }), "{err}");
    // A column that names no year at all is an unexpected header.
    let t = hesa::parse("none.csv", text.replace("\"Total academic staff 2019/20 \"", "\"Total academic staff\"").as_bytes()).expect("parses");
    let err = table_specs::STAFF_FLOWS.check_columns(&t).unwrap_err();
    assert!(matches!(err.kind, ErrorKind::UnexpectedHeader { .. }), "{err}");
    assert_eq!(err.position.column, Some(3));
}

#[test]
fn duplicated_years_are_refused() {
    let files = hesa_files();
    let mut twice = files.clone();
    let first = files.iter().find(|(n, _)| n == "dt025-table-1.csv").cloned().expect("2014/15 file");
    twice.push(("copy of dt025-table-1.csv".to_string(), first.1));
    let err = refresh::refresh(&twice).unwrap_err();
    assert_eq!(err.kind, ErrorKind::DuplicateYear { year: "2014/15".into(), other_file: "dt025-table-1.csv".into() }, "{err}");
    assert_eq!(err.position.file, "copy of dt025-table-1.csv");
}
