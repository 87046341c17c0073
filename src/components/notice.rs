//! A short, dismissible notice (e.g. settings in a link that were ignored).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub text: String,
    pub on_dismiss: Callback<()>,
}

#[component]
pub fn Notice(props: &NoticeProps) -> Html {
    let dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="notice" id="notice" role="status">
            <p>{ &props.text }</p>
            <button type="button" onclick={dismiss}>{ "Dismiss" }<span class="visually-hidden">{ " this notice" }</span></button>
        </div>
    }
}
