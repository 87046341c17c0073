//! The page's side effects, one hook a file. Each reads the state, dispatches [`crate::state::Msg`]s
//! and does what only the browser can (history, fetch, files, focus); none decides a change of
//! state itself: that is the reducer's (`crate::state`).

pub mod chart_surface;
pub mod dataset_loader;
pub mod drawer;
pub mod fetch_file;
pub mod host_height;
pub mod other_providers;
pub mod own_files;
pub mod url_sync;

pub use chart_surface::{chart_surface, use_chart_surface};
pub use dataset_loader::use_dataset_loader;
pub use drawer::{use_drawer, Drawer};
pub use fetch_file::use_fetch_file;
pub use host_height::use_host_height;
pub use other_providers::use_other_providers;
pub use own_files::use_own_files;
pub use url_sync::use_url_sync;
