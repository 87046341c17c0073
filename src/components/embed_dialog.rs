//! The Embed dialog: a copy-ready snippet for the current view (a modal `<dialog>`, so focus
//! stays inside and Escape closes it), and the embed's look: theme, controls, accent colour and
//! font, each from the named values the page accepts (`workforce_core::page_options`).

use web_sys::{HtmlDialogElement, HtmlInputElement, HtmlSelectElement};
use workforce_core::export;
use workforce_core::page_options::{self, PageOptions, Theme, ACCENTS, FONTS};
use yew::prelude::*;

use crate::browser;

#[derive(Properties, PartialEq)]
pub struct EmbedDialogProps {
    /// The current view's embed address (`…?embed=1&…`).
    pub embed_url: String,
    /// `embed.js` beside the page.
    pub script_url: String,
    /// The figure's title (the frame's title names it).
    pub title: String,
    /// The view's pre-rendered page, when it is one the group publishes (`data/published-views.csv`).
    #[prop_or_default]
    pub published: Option<AttrValue>,
    pub on_close: Callback<()>,
}

/// A labelled select of named values: `(id, label, selected)` each. One routine for the three
/// (each `html!` written out is code in the page's wasm).
fn choice(id: &'static str, label: &'static str, values: Vec<(&'static str, &'static str, bool)>) -> Html {
    html! {
        <div class="control">
            <label for={id}>{ label }</label>
            <select {id}>
                { for values.into_iter().map(|(value, text, selected)| html! { <option {value} {selected}>{ text }</option> }) }
            </select>
        </div>
    }
}

#[component]
pub fn EmbedDialog(props: &EmbedDialogProps) -> Html {
    let dialog_ref = use_node_ref();
    let copied = use_state(|| false);
    let options = use_state(PageOptions::default);
    {
        let dialog_ref = dialog_ref.clone();
        use_effect_with((), move |_| {
            if let Some(dialog) = dialog_ref.cast::<HtmlDialogElement>() {
                let _ = dialog.show_modal();
            }
        });
    }
    let snippet = export::embed_snippet(&options.embed_url(&props.embed_url), &props.script_url, &props.title);
    let copy = {
        let (snippet, copied) = (snippet.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            browser::copy(&snippet, move |ok| copied.set(ok));
        })
    };
    // Any option changed (one listener for the fieldset): the snippet changes, "copied" no longer holds.
    let on_change = {
        let (options, copied) = (options.clone(), copied.clone());
        Callback::from(move |e: Event| {
            let mut next = *options;
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                let v = select.value();
                match select.id().as_str() {
                    "embed-theme" => next.theme = Theme::from_id(&v).filter(|t| *t != Theme::Light),
                    "embed-accent" => next.accent = page_options::accent(&v).filter(|a| a.id != ACCENTS[0].id),
                    "embed-font" => next.font = page_options::font(&v).filter(|f| f.id != FONTS[0].id),
                    _ => return,
                }
            } else if let Some(input) = e.target_dyn_into::<HtmlInputElement>().filter(|i| i.id() == "embed-controls") {
                next.locked = !input.checked();
            } else {
                return;
            }
            options.set(next);
            copied.set(false);
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
    let theme = options.theme.unwrap_or(Theme::Light);
    html! {
        <dialog id="embed-dialog" ref={dialog_ref} aria-labelledby="embed-title" onclose={on_close}>
            <h2 id="embed-title">{ "Embed this view" }</h2>
            <p>{ "Paste this into a page of your website. The frame loads only when it scrolls into view, fits the page's width, and the small script resizes it to its content." }</p>
            if let Some(page) = &props.published {
                <p id="embed-published">{ "This is a published view: the frame loads its own pre-rendered page, which shows the chart before the explorer has loaded (" }
                    <a href={page.clone()} target="_blank" rel="noopener">{ "the view's page" }</a>{ ")." }</p>
            }
            <fieldset class="embed-options" onchange={on_change}>
                <legend>{ "How the embed looks" }</legend>
                { choice("embed-theme", "Theme", Theme::ALL.into_iter().map(|t| (t.id(), t.label(), t == theme)).collect()) }
                { choice("embed-accent", "Accent colour (links and buttons)", ACCENTS.into_iter().map(|a| (a.id, a.label, options.accent.map_or(a.id == ACCENTS[0].id, |c| c == a))).collect()) }
                { choice("embed-font", "Font", FONTS.into_iter().map(|f| (f.id, f.label, options.font.map_or(f.id == FONTS[0].id, |c| c == f))).collect()) }
                <p class="embed-check">
                    <input type="checkbox" id="embed-controls" checked={!options.locked} />
                    <label for="embed-controls">{ "Filters and tabs (unticked: a locked view of the title, chart, caption and source only)" }</label>
                </p>
            </fieldset>
            <label for="embed-snippet">{ "Embed code" }</label>
            <textarea id="embed-snippet" readonly=true rows="6" value={snippet} />
            <p class="share-status" role="status" aria-live="polite">{ if *copied { "Embed code copied." } else { "" } }</p>
            <div class="dialog-buttons">
                <button type="button" id="copy-embed" onclick={copy}>{ "Copy code" }</button>
                <button type="button" id="close-embed" onclick={close}>{ "Close" }</button>
            </div>
        </dialog>
    }
}
