//! Where other UK providers are chosen to compare with: a search by name (former names too) or
//! UKPRN. Every other provider's figures load only when a visitor comes here.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use workforce_core::selection::Action;
use yew::prelude::*;

use crate::state::Loading;

#[derive(Debug, Clone, PartialEq)]
pub struct ProviderOption {
    pub ukprn: String,
    pub name: String,
    pub former_names: Vec<String>,
}

impl ProviderOption {
    fn matches(&self, query: &str) -> bool {
        let q = query.trim().to_ascii_lowercase();
        !q.is_empty()
            && (self.ukprn.starts_with(&q)
                || self.name.to_ascii_lowercase().contains(&q)
                || self.former_names.iter().any(|n| n.to_ascii_lowercase().contains(&q)))
    }
}

pub struct ProviderPickerProps {
    /// Every other provider of the dataset; empty until loaded.
    pub providers: Rc<Vec<ProviderOption>>,
    /// The chosen ones: `(UKPRN, name)`.
    pub selected: Vec<(String, String)>,
    pub status: Option<Loading>,
    /// What the visitor has typed (the state's `provider_search`).
    pub search: String,
    pub on_action: Callback<Action>,
    /// Asks for every provider's figures to be loaded.
    pub on_load: Callback<()>,
    /// The search text changed (or is emptied, once a provider is added).
    pub on_search: Callback<String>,
}

const MAX_RESULTS: usize = 12;

pub fn provider_picker(props: &ProviderPickerProps) -> Html {
    let query = &props.search;
    let oninput = props.on_search.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let onfocus = props.on_load.reform(|_: FocusEvent| ());
    let chosen: Vec<&String> = props.selected.iter().map(|(u, _)| u).collect();
    let results: Vec<&ProviderOption> =
        props.providers.iter().filter(|p| !chosen.contains(&&p.ukprn) && p.matches(query)).take(MAX_RESULTS + 1).collect();
    let more = results.len() > MAX_RESULTS;
    html! {
        <fieldset class="filter" id="provider-picker">
            <legend>{ "Other UK providers" }</legend>
            if !props.selected.is_empty() {
                <ul class="chosen" aria-label="Chosen providers">
                    { for props.selected.iter().map(|(ukprn, name)| {
                        let u = ukprn.clone();
                        let remove = props.on_action.reform(move |_: MouseEvent| Action::ToggleOther(u.clone()));
                        html! {
                            <li key={ukprn.clone()}>
                                <span>{ name }</span>
                                <button type="button" class="remove" onclick={remove}>{ "Remove" }<span class="visually-hidden">{ format!(" {name}") }</span></button>
                            </li>
                        }
                    }) }
                </ul>
            }
            <label for="provider-search">{ "Find a provider by name or UKPRN" }</label>
            <input type="search" id="provider-search" autocomplete="off" value={query.clone()} {oninput} {onfocus}
                aria-describedby="provider-status" />
            <p class="filter-hint" id="provider-status" role="status">
                { match &props.status {
                    Some(Loading::Busy(t)) | Some(Loading::Done(t)) | Some(Loading::Failed(t)) => t.clone(),
                    None => "Every UK provider in the table can be compared.".to_string(),
                } }
            </p>
            if !results.is_empty() {
                <ul class="results" aria-label="Matching providers">
                    { for results.iter().take(MAX_RESULTS).map(|p| {
                        let u = p.ukprn.clone();
                        let (on_action, on_search) = (props.on_action.clone(), props.on_search.clone());
                        let add = Callback::from(move |_: MouseEvent| {
                            on_search.emit(String::new());
                            on_action.emit(Action::ToggleOther(u.clone()));
                        });
                        let former = if p.former_names.is_empty() { String::new() } else { format!(" (formerly {})", p.former_names.join(", ")) };
                        html! {
                            <li key={p.ukprn.clone()}>
                                <button type="button" class="add" onclick={add}>
                                    { format!("Add {}", p.name) }<span class="muted">{ format!("{former} · {}", p.ukprn) }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ul>
                if more { <p class="filter-hint">{ "More match: type more of the name." }</p> }
            }
        </fieldset>
    }
}
