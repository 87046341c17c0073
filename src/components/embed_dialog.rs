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
    pub on_close: Callback<()>,
}

fn select_value(e: &Event) -> String {
    e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value()).unwrap_or_default()
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
    // A changed option changes the snippet: "copied" no longer holds.
    let set = |change: fn(&mut PageOptions, &str)| {
        let (options, copied) = (options.clone(), copied.clone());
        Callback::from(move |value: String| {
            let mut next = *options;
            change(&mut next, &value);
            options.set(next);
            copied.set(false);
        })
    };
    let on_theme = set(|o, v| o.theme = Theme::from_id(v).filter(|t| *t != Theme::Light)).reform(|e: Event| select_value(&e));
    let on_accent = set(|o, v| o.accent = page_options::accent(v).filter(|a| a.id != ACCENTS[0].id)).reform(|e: Event| select_value(&e));
    let on_font = set(|o, v| o.font = page_options::font(v).filter(|f| f.id != FONTS[0].id)).reform(|e: Event| select_value(&e));
    let on_controls = set(|o, v| o.locked = v != "on").reform(|e: Event| {
        let on = e.target_dyn_into::<HtmlInputElement>().is_some_and(|i| i.checked());
        if on { "on".to_string() } else { "off".to_string() }
    });
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
            <fieldset class="embed-options">
                <legend>{ "How the embed looks" }</legend>
                <div class="control">
                    <label for="embed-theme">{ "Theme" }</label>
                    <select id="embed-theme" onchange={on_theme}>
                        { for Theme::ALL.into_iter().map(|t| html! { <option value={t.id()} selected={t == theme}>{ t.label() }</option> }) }
                    </select>
                </div>
                <div class="control">
                    <label for="embed-accent">{ "Accent colour (links and buttons)" }</label>
                    <select id="embed-accent" onchange={on_accent}>
                        { for ACCENTS.into_iter().map(|a| html! { <option value={a.id} selected={options.accent.map_or(a.id == ACCENTS[0].id, |c| c == a)}>{ a.label }</option> }) }
                    </select>
                </div>
                <div class="control">
                    <label for="embed-font">{ "Font" }</label>
                    <select id="embed-font" onchange={on_font}>
                        { for FONTS.into_iter().map(|f| html! { <option value={f.id} selected={options.font.map_or(f.id == FONTS[0].id, |c| c == f)}>{ f.label }</option> }) }
                    </select>
                </div>
                <p class="embed-check">
                    <input type="checkbox" id="embed-controls" checked={!options.locked} onchange={on_controls} />
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
