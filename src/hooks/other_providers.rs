//! Every other UK provider's figures, fetched once per dataset when a visitor asks for one (or
//! a view names one). The reducer decides when a load starts (`Msg::LoadOthers`); this fetches.

use yew::prelude::*;

use super::use_fetch_file;
use crate::state::{Msg, State};

/// Returns the callback that asks for the current dataset's other providers.
#[hook]
pub fn use_other_providers(state: &UseReducerHandle<State>) -> Callback<()> {
    let dispatcher = state.dispatcher();
    // A link or a dataset switch that names other providers asks for them too.
    let data = state.selection.dataset(&state.bundle);
    let wanted = !state.selection.others.is_empty() && !data.all_providers;
    {
        let dispatcher = dispatcher.clone();
        use_effect_with((state.selection.dataset.clone(), wanted), move |(_, wanted)| {
            if *wanted {
                dispatcher.dispatch(Msg::LoadOthers);
            }
        });
    }
    // The fetch, once the reducer has marked a dataset's providers as loading.
    use_fetch_file(state, state.others_to_fetch(), |dataset, result| Msg::OthersLoaded { dataset, result });
    Callback::from(move |_: ()| dispatcher.dispatch(Msg::LoadOthers))
}
