//! The datasets bundled into the build (validated by `build.rs`, embedded from `data/`).

use workforce_core::manifest::DatasetInfo;
use workforce_core::error::ErrorKind;
use workforce_core::coverage::Coverage;
use workforce_core::{tidy, wide, Bundle, DataError, Dataset};

mod generated {
    include!(concat!(env!("OUT_DIR"), "/bundled_data.rs"));
}

fn text(name: &str) -> Option<&'static str> {
    generated::FILES.iter().find(|(n, _)| *n == name).map(|(_, text)| *text)
}

/// Loads the bundled datasets. They were validated at build time, so this only fails if the
/// build itself was tampered with; the page then shows the error rather than panicking.
pub fn load() -> Result<Bundle, DataError> {
    let manifest = workforce_core::manifest::from_tables(generated::PARTNERS, generated::DATASETS);
    let mut bundle = Bundle::from_manifest(manifest, |info| match text(&info.file) {
        Some(t) => wide::read(&info.file, t, &info.categories),
        None => Err(DataError::new(&info.file, ErrorKind::MissingFile { dataset: info.id.clone() })),
    })?;
    bundle.datasets = bundle.datasets.into_iter().map(with_coverage).collect::<Result<_, _>>()?;
    Ok(bundle)
}

/// A dataset with its embedded coverage file attached (when the manifest names one).
fn with_coverage(dataset: Dataset) -> Result<Dataset, DataError> {
    let file = dataset.info.coverage_file.clone();
    match text(&file) {
        Some(t) if !file.is_empty() => Ok(dataset.with_coverage(Coverage::read(&file, t)?)),
        _ => Ok(dataset),
    }
}

/// A dataset's figures in the tidy format (`ukprn,provider,year,group,category,value`), for the
/// whole-dataset download.
pub fn tidy_text(info: &DatasetInfo) -> Option<String> {
    let records = wide::read(&info.file, text(&info.file)?, &info.categories).ok()?;
    Some(tidy::write(&records))
}
