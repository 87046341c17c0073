//! The year choice.

use web_sys::HtmlSelectElement;
use workforce_core::selection::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct YearSelectProps {
    pub years: Vec<String>,
    pub selected: String,
    /// False on a trend, which shows every year.
    pub enabled: bool,
    pub on_action: Callback<Action>,
}

#[component]
pub fn YearSelect(props: &YearSelectProps) -> Html {
    let onchange = props
        .on_action
        .reform(|e: Event| Action::SelectYear(e.target_unchecked_into::<HtmlSelectElement>().value()));
    // Newest first, as listed.
    let index = props.years.iter().rev().position(|y| *y == props.selected);
    let select_ref = super::synced_select::use_synced_select(index);
    html! {
        <div class="control">
            <label for="year-select">{ "Academic year" }</label>
            <select id="year-select" ref={select_ref} {onchange} disabled={!props.enabled} aria-describedby="year-note">
                { for props.years.iter().rev().map(|y| html! {
                    <option value={y.clone()} selected={*y == props.selected}>{ y }</option>
                }) }
            </select>
            if !props.enabled {
                <p class="filter-hint" id="year-note">{ "The trend shows every year." }</p>
            }
        </div>
    }
}
