//! The explorer's pure core: everything from HESA files to what the page shows, with no web-sys.
//!
//! Flow: [`hesa`] (read downloads) -> [`table_specs`] + [`refresh`] (tidy datasets) ->
//! [`tidy`] + [`manifest`] (bundled files) -> [`dataset`] (the cube) -> [`query`] (filter, group,
//! sum) -> [`selection`] (the visitor's choices) -> [`view`] (chart, table and caption) ->
//! [`chart`] (drawing, generic over the plotters backend).

pub mod chart;
pub mod dataset;
pub mod error;
pub mod export;
pub mod format;
pub mod hesa;
pub mod manifest;
pub mod own_files;
pub mod palette;
pub mod query;
pub mod refresh;
pub mod selection;
pub mod signed;
pub mod slug;
pub mod table_specs;
pub mod tidy;
pub mod url_state;
pub mod view;
pub mod wide;

pub use dataset::{Bundle, Dataset};
pub use error::DataError;
