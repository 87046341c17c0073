//! The base year of a change measure ("Change since …"): shown only while one is chosen.

use web_sys::HtmlSelectElement;
use workforce_core::selection::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BaseYearSelectProps {
    /// The years a change may start from, oldest first.
    pub years: Vec<String>,
    /// The chosen base year; `None` when the measure is not a change (nothing is shown).
    pub selected: Option<String>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn BaseYearSelect(props: &BaseYearSelectProps) -> Html {
    let onchange = props
        .on_action
        .reform(|e: Event| Action::SetBaseYear(e.target_unchecked_into::<HtmlSelectElement>().value()));
    let index = props.selected.as_ref().and_then(|s| props.years.iter().position(|y| y == s));
    let select_ref = super::synced_select::use_synced_select(index);
    let Some(selected) = &props.selected else { return html! {} };
    html! {
        <div class="control">
            <label for="base-year-select">{ "Since" }</label>
            <select id="base-year-select" ref={select_ref} {onchange}>
                { for props.years.iter().map(|y| html! {
                    <option value={y.clone()} selected={y == selected}>{ y }</option>
                }) }
            </select>
        </div>
    }
}
