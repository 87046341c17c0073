//! A short, dismissible notice (e.g. settings in a link that were ignored).

use yew::prelude::*;

pub fn notice(text: &str, on_dismiss: &Callback<()>) -> Html {
    let dismiss = on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="notice" id="notice" role="status">
            <p>{ text }</p>
            <button type="button" onclick={dismiss}>{ "Dismiss" }<span class="visually-hidden">{ " this notice" }</span></button>
        </div>
    }
}
