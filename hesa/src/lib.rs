//! The HESA importer: everything that reads HESA's "download this table" CSV files, apart from
//! the runtime core ([`workforce_core`]) so the page's first download carries no parser.
//!
//! Flow: [`hesa`] (read one download) -> [`table_specs`] (what a bundled table's columns mean) ->
//! [`refresh`] (the yearly rebuild of `data/`, run by the `refresh-data` command) or
//! [`own_files`] (a visitor's files, opened in the importer web worker) -> the core's tidy,
//! manifest and [`workforce_core::Dataset`] types.

pub mod hesa;
pub mod own_files;
pub mod refresh;
pub mod table_specs;
