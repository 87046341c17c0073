//! What the build embeds from `data/` (validated by `build.rs`): the manifest, describing every
//! dataset, and the figures of the default dataset only (the first in the manifest), in the same
//! wide form as the file it is also served in. Every other dataset is fetched when first wanted
//! (`crate::hooks::dataset_loader`).

use workforce_core::manifest::DatasetInfo;
use workforce_core::{tidy, wide, Bundle, DataError};

mod generated {
    include!(concat!(env!("OUT_DIR"), "/bundled_data.rs"));
}

/// The default dataset's figures as embedded: the text of its served file.
pub const DEFAULT_TEXT: &str = generated::DEFAULT_TEXT;

/// The views the group publishes (`data/published-views.csv`, checked by `build.rs`): `(name,
/// query)`, the query as `url_state::encode` writes it; each is pre-rendered as `views/<name>.html`.
pub const PUBLISHED_VIEWS: &[(&str, &str)] = generated::PUBLISHED_VIEWS;

/// The bundle the page starts with: every dataset described, the default one loaded. It was
/// validated at build time, so this only fails if the build itself was tampered with; the page
/// then shows the error rather than panicking.
pub fn load() -> Result<Bundle, DataError> {
    let manifest = workforce_core::manifest::from_tables(generated::PARTNERS, generated::DATASETS);
    Bundle::from_served_default(manifest, DEFAULT_TEXT)
}

/// A dataset's figures in the tidy format (`ukprn,provider,year,group,category,value`) from the
/// text of its served file, for the whole-dataset download.
pub fn tidy_text(info: &DatasetInfo, served: &str) -> Option<String> {
    // The figures only: the coverage that travels after them is not part of the download.
    let (figures, _) = workforce_core::dataset::split_served(served);
    let records = wide::read(&info.file, figures, &info.categories).ok()?;
    Some(tidy::write(&records))
}
