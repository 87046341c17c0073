//! Bundled data is validated when the site is built: broken or inconsistent files are refused
//! with an error kind and a position (file, line, column), and a message built from both.

use workforce_core::error::{ErrorKind, Position};
use workforce_core::Bundle;

const MANIFEST: &str = r#"{
  "partners": [{"ukprn": "10007759", "name": "Aston University", "short": "Aston"}],
  "datasets": [{
    "id": "students-sex", "title": "Student enrolments by sex", "measure": "students", "file": "s.csv",
    "source_table": "DT051 Table 1", "source_title": "HE student enrolments by HE provider",
    "source_link": "https://www.hesa.ac.uk/data-and-analysis/students/table-1", "licence": "CC BY 4.0", "notes": "",
    "categories": [
      {"group": "", "name": "Female", "total": false},
      {"group": "", "name": "Male", "total": false},
      {"group": "", "name": "Total", "total": true}
    ],
    "default_categories": [{"group": "", "name": "Female"}]
  }]
}"#;

const GOOD: &str = "ukprn,provider,year,group,category,value\n\
10007759,Aston University,2021/22,,Female,\"8,315\"\n\
10007759,Aston University,2021/22,,Male,9275\n\
10007759,Aston University,2021/22,,Total,17595\n";

fn load(manifest: &str, csv: &str) -> Result<Bundle, workforce_core::DataError> {
    Bundle::load(manifest, |name| (name == "s.csv").then_some(csv))
}

#[test]
fn good_data_loads() {
    let b = load(MANIFEST, GOOD).expect("loads");
    assert_eq!(b.datasets[0].value(0, 0, 2), Some(17_595.0));
}

#[test]
fn broken_data_is_refused_with_its_kind_and_position() {
    type Case = (String, Option<u64>, Option<usize>, fn(&ErrorKind) -> bool);
    let cases: Vec<Case> = vec![
        (GOOD.replace("Male,9275", "Male,lots"), Some(3), Some(6), |k| *k == ErrorKind::BadNumber { found: "lots".into() }),
        (GOOD.replace(",Male,", ",Males,"), Some(3), Some(5), |k| matches!(k, ErrorKind::UnknownCategory { category, .. } if category == "Males")),
        (GOOD.replace("17595", "19000"), Some(4), Some(6), |k| matches!(k, ErrorKind::InconsistentTotal { published, .. } if *published == 19_000.0)),
        (GOOD.replace("Male,9275", "Female,9275"), Some(3), None, |k| *k == ErrorKind::DuplicateRow { first_line: 2 }),
        (GOOD.replace("2021/22,,Total", "2021,,Total"), Some(4), Some(3), |k| *k == ErrorKind::BadYear { found: "2021".into() }),
        (GOOD.replace("10007759,Aston University,2021/22,,Male,9275", "-,x"), Some(3), None, |k| *k == ErrorKind::UnequalLengths { expected: 6, found: 2 }),
        (GOOD.replace("10007759", "10000000"), None, None, |k| matches!(k, ErrorKind::MissingPartner { ukprn, year: None, .. } if ukprn == "10007759")),
        (GOOD.replace("Male,9275", "Male,-5"), Some(3), Some(6), |k| *k == ErrorKind::Negative { value: -5.0 }),
    ];
    for (csv, line, column, kind) in cases {
        let err = load(MANIFEST, &csv).expect_err("refused");
        assert!(kind(&err.kind), "{err}");
        assert_eq!(err.position, Position { file: "s.csv".into(), line, column }, "{err}");
    }
    let err = Bundle::load(MANIFEST, |_| None).unwrap_err();
    assert_eq!(err.kind, ErrorKind::MissingFile { dataset: "students-sex".into() });
    let err = load("{\"partners\": []", GOOD).unwrap_err();
    assert!(matches!(err.kind, ErrorKind::BadManifest { .. }), "{err}");
    assert_eq!(err.position.file, "manifest.json");
    assert!(err.position.line.is_some());
    let dup = MANIFEST.replace("\"Male\", \"total\"", "\"Female\", \"total\"");
    let err = load(&dup, GOOD).unwrap_err();
    assert!(matches!(&err.kind, ErrorKind::Repeated { found, .. } if found == "Female"), "{err}");
}

#[test]
fn the_message_is_built_from_the_kind_and_the_position() {
    let err = load(MANIFEST, &GOOD.replace("Male,9275", "Male,lots")).unwrap_err();
    assert_eq!(err.to_string(), "s.csv, line 3, column 6: expected a number like \"1,655\" or an empty cell, found \"lots\"");
    let err = load(MANIFEST, &GOOD.replace("10007759", "10000000")).unwrap_err();
    assert_eq!(err.to_string(), "s.csv: expected figures for partner Aston University (UKPRN 10007759), found none");
}

#[test]
fn the_manifest_survives_its_static_tables() {
    let manifest = workforce_core::manifest::Manifest::from_json("m.json", MANIFEST).expect("manifest");
    let source = workforce_core::manifest::to_rust(&manifest);
    assert!(source.starts_with("pub const PARTNERS: &[[&str; 3]] = &[[\"10007759\", \"Aston University\", \"Aston\"],];"), "{source}");
    // Rebuild by hand what the generated tables hold, and compare.
    let categories = [("", "Female", false), ("", "Male", false), ("", "Total", true)];
    let defaults = [("", "Female")];
    let fields = [
        "students-sex", "Student enrolments by sex", "students", "s.csv", "", "DT051 Table 1",
        "HE student enrolments by HE provider", "https://www.hesa.ac.uk/data-and-analysis/students/table-1", "CC BY 4.0", "", "", "",
    ];
    let table: workforce_core::manifest::DatasetTable = (fields, &categories, &defaults, &[], None);
    let rebuilt = workforce_core::manifest::from_tables(&[["10007759", "Aston University", "Aston"]], &[table]);
    assert_eq!(rebuilt, manifest);
    assert!(source.contains("(\"\", \"Total\", true)"));
}
