//! The URL follows the state, and back / forward restore the state a URL encodes.

use gloo::events::EventListener;
use workforce_core::page_options::PageOptions;
use workforce_core::url_state;
use yew::prelude::*;

use crate::browser;
use crate::state::{Msg, State};

/// Pushes a new history entry per change of view (the first corrects the entry the visitor
/// arrived with), and on back / forward hands the reducer the URL's query string, which it reads
/// against the bundle it holds then (other providers or own files may have arrived since). While
/// the dataset a link (or history entry) names is still loading, the address keeps that link: the
/// view on screen is not yet the one it names. The page's own parameters (`embed=1`, the look a
/// link chose) stay in front of the view's.
#[hook]
pub fn use_url_sync(state: &UseReducerHandle<State>, embedded: bool, options: PageOptions) {
    let query = url_state::encode(&state.bundle, &state.selection);
    let query = options.page_query(embedded, &query);
    let restoring_link = state.dataset_load.as_ref().is_some_and(|l| l.query.is_some());
    let first_sync = use_mut_ref(|| true);
    use_effect_with((query, restoring_link), move |(q, restoring_link)| {
        if *restoring_link {
            return;
        }
        let replace = std::mem::replace(&mut *first_sync.borrow_mut(), false);
        browser::push_query(q, replace);
    });
    // Only the dispatcher is kept for the page's life: a reducer handle kept that long would keep
    // alive every state it was read in (yew's handle holds what it dereferenced), bundles and all.
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
            dispatcher.dispatch(Msg::RestoreQuery(browser::query()));
        });
        move || drop(listener)
    });
}
