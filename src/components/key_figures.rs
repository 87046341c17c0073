//! The key figures (`?view=figures`): the view model's figures (`workforce_core::view::key_figures`)
//! as a description list, each with its year, source and marks, a year to choose, and the way
//! back to the explorer (or, embedded, to the full page). A dataset still loading says so; one
//! that failed says why and offers to try again.

use std::rc::Rc;

use workforce_core::selection::{Action, Page};
use workforce_core::slug::slug;
use workforce_core::view::key_figures::{Body, KeyFigure, KeyFigures as Figures};
use yew::prelude::*;

use super::choice_select::ChoiceSelectProps;
use super::{year_select, ChoiceSelect, EmbedDialog};
use crate::browser;

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
    /// The Embed dialog is open (the state's, as for the explorer's share bar).
    pub embed_open: bool,
    pub on_action: Callback<Action>,
    pub on_retry: Callback<()>,
    /// Opens or closes the Embed dialog.
    pub on_embed: Callback<bool>,
}

/// The key figures page: the year (a [`ChoiceSelect`], as the explorer's), the figures, and the
/// way back or the Embed dialog.
pub fn key_figures(props: &KeyFiguresProps) -> Html {
    let figures = &props.figures;
    let year = ChoiceSelectProps { id: "kf-year".into(), ..year_select::props(&figures.years, &figures.year, true, &props.on_action) };
    let open_embed = props.on_embed.reform(|_: MouseEvent| true);
    let close_embed = {
        let on_embed = props.on_embed.clone();
        Callback::from(move |_: ()| {
            on_embed.emit(false);
            // Focus goes back to the button that opened the dialog.
            browser::focus("open-embed");
        })
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
                <ChoiceSelect ..year />
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
            if props.embed_open && !props.embedded {
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
