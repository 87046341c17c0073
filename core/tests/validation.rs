//! Bundled data is validated when the site is built: broken or inconsistent files are refused
//! with a message naming the file, line and column.

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
fn broken_data_is_refused_with_its_position() {
    let cases = [
        (GOOD.replace("Male,9275", "Male,lots"), "s.csv, line 3, column 6: expected a number"),
        (GOOD.replace(",Male,", ",Males,"), "s.csv, line 3, column 5: expected a category"),
        (GOOD.replace("17595", "19000"), "s.csv, line 4, column 6: inconsistent figures"),
        (GOOD.replace("Male,9275", "Female,9275"), "s.csv, line 3: expected one row per provider, year and category, but line 2"),
        (GOOD.replace("2021/22,,Total", "2021,,Total"), "s.csv, line 4, column 3: expected an academic year"),
        (GOOD.replace("10007759,Aston University,2021/22,,Male,9275", "-,x"), "s.csv, line 3: expected 6 fields"),
        (GOOD.replace("10007759", "10000000"), "s.csv: expected figures for partner Aston University"),
        (GOOD.replace("Male,9275", "Male,-5"), "s.csv, line 3, column 6: expected a count of 0 or more"),
    ];
    for (csv, expected) in cases {
        let err = load(MANIFEST, &csv).expect_err(expected).to_string();
        assert!(err.starts_with(expected), "wanted {expected:?}\n   got {err:?}");
    }
    let err = Bundle::load(MANIFEST, |_| None).unwrap_err().to_string();
    assert!(err.contains("expected the data file"), "{err}");
    let err = load("{\"partners\": []", GOOD).unwrap_err();
    assert_eq!(err.file, "manifest.json");
    assert!(err.line.is_some());
    let dup = MANIFEST.replace("\"Male\", \"total\"", "\"Female\", \"total\"");
    assert!(load(&dup, GOOD).unwrap_err().to_string().contains("expected each category once"));
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
        "HE student enrolments by HE provider", "https://www.hesa.ac.uk/data-and-analysis/students/table-1", "CC BY 4.0", "",
    ];
    let table: workforce_core::manifest::DatasetTable = (fields, &categories, &defaults);
    let rebuilt = workforce_core::manifest::from_tables(&[["10007759", "Aston University", "Aston"]], &[table]);
    assert_eq!(rebuilt, manifest);
    assert!(source.contains("(\"\", \"Total\", true)"));
}
