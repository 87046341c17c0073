//! The key figures (`?view=figures`): the view model's figures (`workforce_core::view::key_figures`)
//! as a description list, each with its year, source and marks, a year to choose, and the way
//! back to the explorer (or, embedded, to the full page). A dataset still loading says so; one
//! that failed says why and offers to try again.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use workforce_core::selection::{Action, Page};
use workforce_core::slug::slug;
use workforce_core::view::key_figures::{Body, KeyFigure, KeyFigures as Figures};
use yew::prelude::*;

use super::EmbedDialog;

#[derive(Properties)]
pub struct KeyFiguresProps {
    pub figures: Rc<Figures>,
    /// Datasets whose fetch failed: `(id, why)`.
    pub failed: Vec<(String, String)>,
    pub embedded: bool,
    /// This view's address in the full page.
    pub page_url: String,
    /// This view's embed address (`…?embed=1&…`) and `embed.js` beside the page, for the Embed
    /// dialog (which adds the embed's look and writes the snippet).
    pub embed_url: String,
    pub script_url: String,
    pub on_action: Callback<Action>,
    pub on_retry: Callback<()>,
}

impl PartialEq for KeyFiguresProps {
    /// The figures by identity (the state builds them anew whenever they change), the rest by value.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.figures, &other.figures)
            && (&self.failed, self.embedded, &self.page_url, &self.embed_url, &self.script_url)
                == (&other.failed, other.embedded, &other.page_url, &other.embed_url, &other.script_url)
            && self.on_action == other.on_action
            && self.on_retry == other.on_retry
    }
}

#[component]
pub fn KeyFigures(props: &KeyFiguresProps) -> Html {
    let figures = &props.figures;
    let onchange = props.on_action.reform(|e: Event| Action::SelectYear(e.target_unchecked_into::<HtmlSelectElement>().value()));
    let index = figures.years.iter().rev().position(|y| *y == figures.year);
    let select_ref = super::synced_select::use_synced_select(index);
    let embed_open = use_state(|| false);
    let open_embed = {
        let embed_open = embed_open.clone();
        Callback::from(move |_: MouseEvent| embed_open.set(true))
    };
    let close_embed = {
        let embed_open = embed_open.clone();
        Callback::from(move |_: ()| embed_open.set(false))
    };
    let to_explorer = props.on_action.reform(|_: MouseEvent| Action::SelectPage(Page::Explorer));
    let loading = figures.items.iter().any(|i| matches!(i.body, Body::NotLoaded) && !props.failed.iter().any(|(id, _)| *id == i.dataset));
    let heading = if props.embedded {
        html! { <h1 id="key-figures-title" class="kf-embedded-title">{ &figures.title }</h1> }
    } else {
        html! { <h1 id="key-figures-title">{ &figures.title }</h1> }
    };
    html! {
        <section class="key-figures" aria-labelledby="key-figures-title" aria-busy={loading.to_string()}>
            <div class="kf-head">
                <div>
                    { heading }
                    <p class="kf-lede">{ &figures.lede }</p>
                </div>
                <div class="control kf-year">
                    <label for="kf-year">{ "Academic year" }</label>
                    <select id="kf-year" ref={select_ref} {onchange}>
                        { for figures.years.iter().rev().map(|y| html! {
                            <option value={y.clone()} selected={*y == figures.year}>{ y }</option>
                        }) }
                    </select>
                </div>
            </div>
            <dl class="kf-list">
                { for figures.items.iter().map(|item| figure(item, &props.failed, &props.on_retry)) }
            </dl>
            <p class="kf-actions">
                if props.embedded {
                    <a href={props.page_url.clone()} target="_blank" rel="noopener">{ "Open these figures in the full explorer" }</a>
                } else {
                    <button type="button" id="kf-explorer" onclick={to_explorer}>{ "Explore the data" }</button>
                    <button type="button" id="open-embed" aria-haspopup="dialog" onclick={open_embed}>{ "Embed" }</button>
                }
            </p>
            if *embed_open && !props.embedded {
                <EmbedDialog embed_url={props.embed_url.clone()} script_url={props.script_url.clone()} title={figures.title.clone()} on_close={close_embed} />
            }
        </section>
    }
}

fn figure(item: &KeyFigure, failed: &[(String, String)], on_retry: &Callback<()>) -> Html {
    let failure = failed.iter().find(|(id, _)| *id == item.dataset).map(|(_, why)| why.clone());
    let (value, rest) = match &item.body {
        Body::Shown(shown) => (
            // The mark in smaller type after the figure (the text reads "20,465 (incomplete)").
            match (shown.incomplete, shown.text.strip_suffix(" (incomplete)")) {
                (true, Some(figure)) => html! {
                    <dd class="kf-value incomplete">{ figure }<span class="kf-mark">{ " (incomplete)" }</span></dd>
                },
                _ => html! { <dd class="kf-value">{ &shown.text }</dd> },
            },
            html! {
                <>
                    if let Some(comparison) = &shown.comparison {
                        <dd class="kf-comparison">{ comparison }</dd>
                    }
                    { for shown.notes.iter().map(|n| html! { <dd class="kf-note">{ n }</dd> }) }
                </>
            },
        ),
        Body::NoYear => (html! { <dd class="kf-value kf-missing">{ format!("not in HESA's table for {}", item.year) }</dd> }, html! {}),
        Body::NotLoaded => match failure {
            Some(why) => {
                let retry = on_retry.reform(|_: MouseEvent| ());
                (
                    html! { <dd class="kf-value kf-missing" role="alert">{ "could not be loaded" }</dd> },
                    html! {
                        <dd class="kf-note">{ why }{ " " }<button type="button" class="kf-retry" onclick={retry}>{ "Try again" }</button></dd>
                    },
                )
            }
            None => (html! { <dd class="kf-value kf-missing" role="status">{ "Loading…" }</dd> }, html! {}),
        },
    };
    html! {
        <div class="kf-item" data-figure={slug(&item.label)}>
            <dt class="kf-label">{ &item.label }</dt>
            { value }
            { rest }
            <dd class="kf-definition">{ &item.definition }</dd>
            <dd class="kf-source">
                { format!("{}. {}. ", item.year, item.source) }
                if item.link.is_empty() {
                    { &item.table }
                } else {
                    <a href={item.link.clone()} rel="noopener">{ &item.table }</a>
                }
            </dd>
        </div>
    }
}
