//! Datasets loaded on demand: a bundle that describes every dataset but holds the figures of only
//! some (the browser starts with the default one and fetches the others from their served files).

mod common;

use std::path::PathBuf;

use workforce_core::error::ErrorKind;
use workforce_core::dataset::served_file;
use workforce_core::selection::{Action, Selection};
use workforce_core::{url_state, view, Bundle};

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data")
}

fn tidy_text(name: &str) -> Option<String> {
    std::fs::read_to_string(data_dir().join(name)).ok()
}

/// Every dataset's served file, as the `dataset-files` build hook writes them.
fn served() -> Vec<(String, String)> {
    let full = common::bundle();
    let texts: Vec<(String, String)> = full
        .manifest
        .datasets
        .iter()
        .flat_map(|d| [d.file.clone(), d.coverage_file.clone()])
        .filter(|name| !name.is_empty())
        .map(|name| {
            let text = tidy_text(&name).expect("data file");
            (name, text)
        })
        .collect();
    full.served_files(|name| texts.iter().find(|(n, _)| n == name).map(|(_, t)| t.as_str())).expect("served files")
}

/// The bundle the page starts with: only the default dataset (the first) loaded, from its served text.
fn first_only() -> Bundle {
    let full = common::bundle();
    let (path, text) = served().into_iter().next().expect("a dataset");
    assert_eq!(path, served_file(&full.manifest.datasets[0]));
    Bundle::from_served_default(full.manifest.clone(), &text).expect("the default dataset loads")
}

#[test]
fn a_partial_bundle_describes_every_dataset_but_holds_only_the_loaded_ones() {
    let b = first_only();
    let ids: Vec<&str> = b.infos().iter().map(|i| i.id.as_str()).collect();
    let full = common::bundle();
    let want: Vec<&str> = full.manifest.datasets.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, want);
    assert_eq!(b.datasets.len(), 1);
    assert!(b.is_loaded("staff-occupation"));
    assert!(!b.is_loaded("students-sex"));
    assert_eq!(b.not_loaded("students-sex").map(|i| i.title.as_str()), Some("Student enrolments by sex"));
    assert!(b.not_loaded("staff-occupation").is_none(), "loaded");
    assert!(b.not_loaded("no-such-dataset").is_none(), "not in the manifest");
    // The first view works on the loaded default dataset exactly as on the full bundle.
    let full = common::bundle();
    let s = Selection::initial(&b);
    assert_eq!(s, Selection::initial(&full));
    assert_eq!(view::figure(&b, &s), view::figure(&full, &s));
    // Choosing a dataset not loaded changes nothing in the selection: loading it is the page's job.
    assert_eq!(s.apply(&b, Action::SelectDataset("students-sex".into())), s);
}

#[test]
fn the_default_dataset_must_be_loaded() {
    let full = common::bundle();
    let err = Bundle::partial(full.manifest.clone(), |_| None).unwrap_err();
    assert_eq!(err.position.file, "staff-occupation.csv");
    assert_eq!(err.kind, ErrorKind::MissingFile { dataset: "staff-occupation".into() }, "{err}");
}

#[test]
fn a_served_file_loads_into_the_same_figures_as_the_tidy_one() {
    let full = common::bundle();
    let mut b = first_only();
    for (path, text) in served().into_iter().skip(1) {
        let id = b.manifest.datasets.iter().find(|d| served_file(d) == path).expect("a dataset").id.clone();
        let data = b.read_served(&id, &text).expect("reads");
        assert_eq!(data.records(), full.dataset(&id).expect("dataset").records(), "{id}");
        b = b.with_dataset(data);
        assert!(b.is_loaded(&id));
    }
    assert_eq!(b.datasets[0].info.id, "staff-occupation", "the default stays first");
    // A link naming another dataset, decoded once it is loaded, gives the same view as with
    // everything loaded.
    let link = "d=students-sex&c=female&y=2021-22&v=bars";
    let decoded = url_state::decode(&b, link);
    assert_eq!(decoded, url_state::decode(&full, link));
    assert!(decoded.ignored.is_empty(), "{:?}", decoded.ignored);
    assert_eq!(decoded.selection.dataset, "students-sex");
    assert_eq!(view::figure(&b, &decoded.selection), view::figure(&full, &decoded.selection));
}

#[test]
fn a_dataset_loaded_on_demand_takes_every_other_provider() {
    let mut b = first_only();
    let (_, text) = served().into_iter().find(|(p, _)| p == "datasets/staff-cost-centre.csv").expect("served");
    b = b.with_dataset(b.read_served("staff-cost-centre", &text).expect("reads"));
    let data = b.dataset("staff-cost-centre").expect("loaded");
    let others = tidy_text(&data.info.others_file).expect("others file");
    let all = data.with_all_providers(&others).expect("other providers fit");
    assert!(all.providers().len() > 100, "{}", all.providers().len());
}

#[test]
fn a_broken_served_file_is_refused_naming_it() {
    let b = first_only();
    let (_, text) = served().into_iter().find(|(p, _)| p == "datasets/students-sex.csv").expect("served");
    let err = b.read_served("students-sex", "<!doctype html><p>Not found</p>").unwrap_err();
    assert_eq!((err.position.file.as_str(), err.position.line), ("datasets/students-sex.csv", Some(1)));
    // A figure that is not a number: the line and column of the served file.
    assert!(text.contains("\n10007759,Aston University,2020/21,8050,"), "{text}");
    let broken = text.replacen(",8050,", ",lots,", 1);
    let err = b.read_served("students-sex", &broken).unwrap_err();
    let line = text.lines().position(|l| l.starts_with("10007759,Aston University,2020/21,8050,")).map(|i| i as u64 + 1);
    assert_eq!((err.position.file.as_str(), err.position.line, err.position.column), ("datasets/students-sex.csv", line, Some(4)), "{err}");
    // A file without a partner's figures is refused as the build would.
    let header = text.lines().next().expect("header");
    let err = b.read_served("students-sex", &format!("{header}\n")).unwrap_err();
    assert!(matches!(err.kind, ErrorKind::MissingPartner { .. }), "{err}");
    // Only datasets of the manifest are read this way.
    assert!(b.read_served("own-x", &text).is_err());
}

#[test]
fn served_files_are_one_per_dataset_in_the_wide_form() {
    let files = served();
    let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    let want: Vec<String> = common::bundle().manifest.datasets.iter().map(served_file).collect();
    assert_eq!(paths, want);
    assert_eq!(paths.len(), 7, "every dataset of data/manifest.json");
    for (path, text) in &files {
        assert!(text.starts_with("ukprn,provider,year,"), "{path}");
        let tidy = tidy_text(path.trim_start_matches("datasets/")).expect("tidy");
        let (figures, coverage) = workforce_core::dataset::split_served(text);
        assert!(figures.len() * 3 < tidy.len(), "{path}: the wide form is much smaller ({} vs {} bytes)", figures.len(), tidy.len());
        assert!(coverage.is_some_and(|c| c.starts_with("year,group,category,providers,reported,reported_sum")), "{path}: its coverage travels with it");
    }
}
