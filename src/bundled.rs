//! The datasets bundled into the build (validated by `build.rs`, embedded from `data/`).

use workforce_core::manifest::DatasetInfo;
use workforce_core::error::ErrorKind;
use workforce_core::{tidy, wide, Bundle, DataError};

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
    Bundle::from_manifest(manifest, |info| match text(&info.file) {
        Some(t) => wide::read(&info.file, t, &info.categories),
        None => Err(DataError::new(&info.file, ErrorKind::MissingFile { dataset: info.id.clone() })),
    })
}

/// A dataset's figures in the tidy format (`ukprn,provider,year,group,category,value`), for the
/// whole-dataset download.
pub fn tidy_text(info: &DatasetInfo) -> Option<String> {
    let records = wide::read(&info.file, text(&info.file)?, &info.categories).ok()?;
    Some(tidy::write(&records))
}
