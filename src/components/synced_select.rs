//! Keeps a `<select>`'s shown option equal to the state. Once a visitor has used a select, the
//! browser no longer follows its options' `selected` attributes, so a state restored from the URL
//! (back / forward) would not show: the hook sets the element's `selectedIndex` instead.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[hook]
pub fn use_synced_select(index: Option<usize>) -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect(move || {
            if let (Some(select), Some(i)) = (node.cast::<HtmlSelectElement>(), index) {
                let i = i32::try_from(i).unwrap_or(-1);
                if select.selected_index() != i {
                    select.set_selected_index(i);
                }
            }
        });
    }
    node
}
