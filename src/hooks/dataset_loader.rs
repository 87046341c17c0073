//! Datasets fetched on demand: the page carries only the default dataset's figures, and each other
//! one is fetched from its served file (`datasets/<file>`, written by the `dataset-files` build
//! hook) the first time a visitor picks it or a link names it. The reducer decides when a load
//! starts and what arrives means (`State::dataset_load`, `Msg::DatasetLoaded`); this fetches.

use yew::prelude::*;

use crate::browser;
use crate::state::{Msg, State};

#[hook]
pub fn use_dataset_loader(state: &UseReducerHandle<State>) {
    let dispatcher = state.dispatcher();
    let fetch = state.dataset_load.as_ref().map(|l| (l.id.clone(), l.file.clone()));
    use_effect_with(fetch, move |fetch| {
        if let Some((id, file)) = fetch.clone() {
            wasm_bindgen_futures::spawn_local(async move {
                let result = browser::fetch_text(&file).await;
                dispatcher.dispatch(Msg::DatasetLoaded { id, result });
            });
        }
    });
}
