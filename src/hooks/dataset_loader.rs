//! Datasets fetched on demand: the page carries only the default dataset's figures, and each other
//! one is fetched from its served file (`datasets/<file>`, written by the `dataset-files` build
//! hook) the first time a visitor picks it or a link names it. The reducer decides when a load
//! starts and what arrives means (`State::dataset_load`, `Msg::DatasetLoaded`); this fetches.

use yew::prelude::*;

use super::use_fetch_file;
use crate::state::{Msg, State};

#[hook]
pub fn use_dataset_loader(state: &UseReducerHandle<State>) {
    let file = state.dataset_load.as_ref().map(|l| (l.id.clone(), l.file.clone()));
    use_fetch_file(state, file, |id, result| Msg::DatasetLoaded { id, result });
}
