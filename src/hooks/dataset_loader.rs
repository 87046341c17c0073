//! Datasets fetched on demand: the page carries only the default dataset's figures, and each other
//! one is fetched from its served file (`datasets/<file>`, written by the `dataset-files` build
//! hook) the first time a visitor picks it, a link names it, or the view reads it (the key figures
//! quote several; a measure across datasets reads two). The reducer decides what is fetched and
//! what arrives means (`State::dataset_load` for the dataset switched to, `State::wanted` for the
//! others the view reads; `Msg::DatasetLoaded` either way); this fetches.

use yew::prelude::*;

use super::use_fetch_file;
use crate::state::{Msg, State};

#[hook]
pub fn use_dataset_loader(state: &UseReducerHandle<State>) {
    let file = state.dataset_load.as_ref().map(|l| (l.id.clone(), l.file.clone()));
    use_fetch_file(state, file, |id, result| Msg::DatasetLoaded { id, result });
    // The other datasets the view reads, one at a time: the first not yet failed (when it
    // arrives it leaves the list and the next one is fetched; a retry fetches a failed one again).
    let wanted = state.wanted.iter().find(|w| w.failed.is_none()).map(|w| (w.id.clone(), w.file.clone()));
    use_fetch_file(state, wanted, |id, result| Msg::DatasetLoaded { id, result });
}
