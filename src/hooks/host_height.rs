//! In an iframe, the host page is told the explorer's height whenever it changes.

use yew::prelude::*;

use crate::browser;

#[hook]
pub fn use_host_height(embedded: bool) {
    use_effect_with(embedded, move |embedded| {
        let observer = if *embedded { browser::post_height_to_host() } else { None };
        move || {
            if let Some(o) = observer {
                o.disconnect();
            }
        }
    });
}
