//! The datasets bundled into the build (validated by `build.rs`, embedded from `data/`).

use workforce_core::{Bundle, DataError};

mod generated {
    include!(concat!(env!("OUT_DIR"), "/bundled_data.rs"));
}

/// Loads the bundled datasets. They were validated at build time, so this only fails if the
/// build itself was tampered with; the page then shows the error rather than panicking.
pub fn load() -> Result<Bundle, DataError> {
    Bundle::load(generated::MANIFEST, |name| {
        generated::FILES.iter().find(|(n, _)| *n == name).map(|(_, text)| *text)
    })
}

/// Bytes of bundled data (raw), for size reports.
pub fn raw_size() -> usize {
    generated::MANIFEST.len() + generated::FILES.iter().map(|(_, t)| t.len()).sum::<usize>()
}

/// A bundled data file's text (the tidy CSV of a dataset), for the whole-dataset download.
pub fn file(name: &str) -> Option<&'static str> {
    generated::FILES.iter().find(|(n, _)| *n == name).map(|(_, text)| *text)
}
