//! The Embed dialog: a copy-ready snippet for the current view (a modal `<dialog>`, so focus
//! stays inside and Escape closes it).

use web_sys::HtmlDialogElement;
use yew::prelude::*;

use crate::browser;

#[derive(Properties, PartialEq)]
pub struct EmbedDialogProps {
    pub snippet: String,
    /// The view's pre-rendered page, when it is one the group publishes (`data/published-views.csv`).
    #[prop_or_default]
    pub published: Option<AttrValue>,
    pub on_close: Callback<()>,
}

#[component]
pub fn EmbedDialog(props: &EmbedDialogProps) -> Html {
    let dialog_ref = use_node_ref();
    let copied = use_state(|| false);
    {
        let dialog_ref = dialog_ref.clone();
        use_effect_with((), move |_| {
            if let Some(dialog) = dialog_ref.cast::<HtmlDialogElement>() {
                let _ = dialog.show_modal();
            }
        });
    }
    let copy = {
        let (snippet, copied) = (props.snippet.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            browser::copy(&snippet, move |ok| copied.set(ok));
        })
    };
    // Close the dialog itself (so the browser returns focus to what opened it), then the state.
    let close = {
        let (dialog_ref, on_close) = (dialog_ref.clone(), props.on_close.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(dialog) = dialog_ref.cast::<HtmlDialogElement>() {
                dialog.close();
            }
            on_close.emit(());
        })
    };
    // Escape closes the dialog natively (`cancel`, then `close`): the state follows.
    let on_close = props.on_close.reform(|_: Event| ());
    html! {
        <dialog id="embed-dialog" ref={dialog_ref} aria-labelledby="embed-title" onclose={on_close}>
            <h2 id="embed-title">{ "Embed this view" }</h2>
            <p>{ "Paste this into a page of your website. The frame loads only when it scrolls into view, fits the page's width, and the small script resizes it to its content." }</p>
            if let Some(page) = &props.published {
                <p id="embed-published">{ "This is a published view: the frame loads its own pre-rendered page, which shows the chart before the explorer has loaded (" }
                    <a href={page.clone()} target="_blank" rel="noopener">{ "the view's page" }</a>{ ")." }</p>
            }
            <label for="embed-snippet">{ "Embed code" }</label>
            <textarea id="embed-snippet" readonly=true rows="6" value={props.snippet.clone()} />
            <p class="share-status" role="status" aria-live="polite">{ if *copied { "Embed code copied." } else { "" } }</p>
            <div class="dialog-buttons">
                <button type="button" id="copy-embed" onclick={copy}>{ "Copy code" }</button>
                <button type="button" id="close-embed" onclick={close}>{ "Close" }</button>
            </div>
        </dialog>
    }
}
