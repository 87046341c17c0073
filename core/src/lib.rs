//! The explorer's pure runtime core: everything from the bundled data to what the page shows, with
//! no web-sys and no HESA parser (that is the `hesa-import` crate).
//!
//! Flow: (`hesa-import` reads HESA downloads into) [`tidy`] + [`wide`] + [`manifest`] (bundled
//! files) -> [`dataset`] (the cube) -> [`query`] (filter, group, sum) -> [`selection`] (the
//! visitor's choices) -> [`view`] (chart, table and caption) -> [`chart`] (drawing, generic over
//! the plotters backend).

pub mod chart;
pub mod coverage;
pub mod dataset;
pub mod error;
pub mod export;
pub mod format;
pub mod lens;
pub mod manifest;
pub mod page_options;
pub mod palette;
pub mod published;
pub mod query;
pub mod selection;
pub mod signed;
pub mod slug;
pub mod sort;
pub mod tidy;
pub mod url_state;
pub mod view;
pub mod wide;

pub use dataset::{Bundle, Dataset};
pub use error::DataError;

/// A visitor's file larger than this is refused before it is read (a HESA table download is well
/// under a megabyte): by the page before reading it, and by the importer.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
