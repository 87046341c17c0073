//! Datasets fetched on demand: the page carries only the default dataset's figures, and each other
//! one is fetched from its served file (`datasets/<file>`, written by the `dataset-files` build
//! hook) the first time a visitor picks it, a link names it, or the view reads it (the key figures
//! quote several). The reducer decides what is fetched and what arrives means
//! (`State::dataset_load` for the dataset switched to, `State::wanted` for the others the view
//! reads; `Msg::DatasetLoaded` either way); this fetches, each file once at a time.

use yew::prelude::*;

use super::use_fetch_file;
use crate::browser;
use crate::state::{Msg, State};

#[hook]
pub fn use_dataset_loader(state: &UseReducerHandle<State>) {
    let file = state.dataset_load.as_ref().map(|l| (l.id.clone(), l.file.clone()));
    use_fetch_file(state, file, |id, result| Msg::DatasetLoaded { id, result });

    // Every other dataset the view reads and has not failed: fetched unless already under way
    // (a failed one is fetched again once the visitor retries and it is wanted afresh).
    let pending: Vec<(String, String)> =
        state.wanted.iter().filter(|w| w.failed.is_none()).map(|w| (w.id.clone(), w.file.clone())).collect();
    let in_flight = use_mut_ref(Vec::<String>::new);
    let dispatcher = state.dispatcher();
    use_effect_with(pending, move |pending| {
        for (id, path) in pending.clone() {
            if in_flight.borrow().contains(&id) {
                continue;
            }
            in_flight.borrow_mut().push(id.clone());
            let (in_flight, dispatcher) = (in_flight.clone(), dispatcher.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = browser::fetch_text(&path).await;
                in_flight.borrow_mut().retain(|i| *i != id);
                dispatcher.dispatch(Msg::DatasetLoaded { id, result });
            });
        }
    });
}
