//! A file of the site fetched when the state names one, its text (or why not) handed back to the
//! reducer. Shared by the loads the reducer starts: datasets on demand and other UK providers.

use yew::prelude::*;

use crate::browser;
use crate::state::{Msg, State};

/// Fetches `file` (`(what, path)`) each time it becomes another `Some`, then dispatches
/// `arrived(what, text or error)`.
#[hook]
pub fn use_fetch_file(state: &UseReducerHandle<State>, file: Option<(String, String)>, arrived: fn(String, Result<String, String>) -> Msg) {
    let dispatcher = state.dispatcher();
    use_effect_with(file, move |file| {
        if let Some((what, path)) = file.clone() {
            wasm_bindgen_futures::spawn_local(async move {
                let result = browser::fetch_text(&path).await;
                dispatcher.dispatch(arrived(what, result));
            });
        }
    });
}
