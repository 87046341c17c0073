//! Shared by the integration tests: the bundled data as the site ships it.

use std::path::PathBuf;

use workforce_core::manifest::CategoryKey;
use workforce_core::Bundle;

/// Loads `data/` (the manifest and every dataset it lists) through `Bundle::load`, with each
/// dataset's coverage from `data/coverage/`.
pub fn bundle() -> Bundle {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("data/{name}: {e}"));
    let manifest = read("manifest.json");
    let listed = workforce_core::manifest::Manifest::from_json("data/manifest.json", &manifest).unwrap_or_else(|e| panic!("{e}"));
    let files: Vec<(String, String)> = listed.datasets.iter().map(|d| (d.file.clone(), read(&d.file))).collect();
    let mut b = Bundle::load(&manifest, |name| files.iter().find(|(n, _)| n == name).map(|(_, t)| t.as_str())).unwrap_or_else(|e| panic!("{e}"));
    // Each dataset's coverage, as the site attaches it (`src/bundled.rs`).
    b.datasets = b
        .datasets
        .into_iter()
        .map(|d| {
            let file = d.info.coverage_file.clone();
            let coverage = workforce_core::coverage::Coverage::read(&file, &read(&file)).unwrap_or_else(|e| panic!("{e}"));
            d.with_coverage(coverage)
        })
        .collect();
    b
}

/// An awkwardly named provider added to a dataset, as a visitor's file or HESA's list could have.
#[allow(dead_code)]
pub const AWKWARD_UKPRN: &str = "10099999";
#[allow(dead_code)]
pub const AWKWARD_PROVIDER: &str = "University of London, Birkbeck to Bloomsbury";

/// The bundle with one more dataset: staff by occupation under a title and HESA table title
/// holding a comma and " to ", with the awkwardly named provider among the others.
#[allow(dead_code)]
pub fn awkward_bundle() -> Bundle {
    let b = bundle();
    let base = b.dataset("staff-occupation").expect("dataset");
    let mut info = base.info.clone();
    info.id = "staff-awkward".into();
    info.title = "Staff, from grade 1 to grade 9".into();
    info.source_title = "HE staff by provider, grade and year, 2014/15 to 2023/24".into();
    let mut records = base.records();
    let extra: Vec<_> = records
        .iter()
        .filter(|r| r.ukprn == "10007759")
        .map(|r| workforce_core::tidy::TidyRecord { ukprn: AWKWARD_UKPRN.into(), provider: AWKWARD_PROVIDER.into(), ..r.clone() })
        .collect();
    records.extend(extra);
    let data = workforce_core::Dataset::from_records(info, "awkward.csv", &records).unwrap_or_else(|e| panic!("{e}"));
    b.with_dataset(data)
}

#[allow(dead_code)]
pub fn key(group: &str, name: &str) -> CategoryKey {
    CategoryKey { group: group.into(), name: name.into() }
}

#[allow(dead_code)]
pub fn academic() -> CategoryKey {
    key("Academic", "Total academic staff")
}

#[allow(dead_code)]
pub fn non_academic() -> CategoryKey {
    key("Non-academic", "Total non-academic staff")
}
