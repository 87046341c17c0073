//! The filters drawer (phones and embeds): focus follows it, and Escape closes it. Whether it is
//! open is the reducer's (`State::drawer_open`, `Msg::ToggleDrawer`, `Msg::CloseDrawer`).

use gloo::events::EventListener;
use yew::prelude::*;

use crate::state::{Msg, State};

/// What the page needs to wire the drawer: its two buttons' refs and their click.
pub struct Drawer {
    /// The header's "Filters" button.
    pub toggle_ref: NodeRef,
    /// The drawer's own "Done" button.
    pub done_ref: NodeRef,
    pub toggle: Callback<MouseEvent>,
}

#[hook]
pub fn use_drawer(state: &UseReducerHandle<State>) -> Drawer {
    let toggle_ref = use_node_ref();
    let done_ref = use_node_ref();
    // Focus moves into the drawer when it opens, and back to its button when it closes.
    let drawer_used = use_mut_ref(|| false);
    {
        let (toggle_ref, done_ref) = (toggle_ref.clone(), done_ref.clone());
        use_effect_with(state.drawer_open, move |open| {
            // Never move focus on the first render: the page must not grab focus when it loads.
            if !std::mem::replace(&mut *drawer_used.borrow_mut(), true) {
                return;
            }
            let target = if *open { done_ref } else { toggle_ref };
            if let Some(el) = target.cast::<web_sys::HtmlElement>() {
                // Only when the drawer is in use; on wide pages the button is hidden.
                if el.offset_parent().is_some() {
                    let _ = el.focus();
                }
            }
        });
    }
    // Escape closes the drawer wherever focus is (closing a closed drawer changes nothing).
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::document(), "keydown", move |e| {
                let key = wasm_bindgen::JsCast::dyn_ref::<web_sys::KeyboardEvent>(e).map(|k| k.key());
                if key.as_deref() == Some("Escape") {
                    dispatcher.dispatch(Msg::CloseDrawer);
                }
            });
            move || drop(listener)
        });
    }
    let dispatcher = state.dispatcher();
    Drawer { toggle_ref, done_ref, toggle: Callback::from(move |_: MouseEvent| dispatcher.dispatch(Msg::ToggleDrawer)) }
}
