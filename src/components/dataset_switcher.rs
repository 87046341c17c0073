//! The dataset switcher.

use web_sys::HtmlSelectElement;
use workforce_core::selection::Action;
use yew::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub struct DatasetOption {
    pub id: String,
    pub title: String,
}

#[derive(Properties, PartialEq)]
pub struct DatasetSwitcherProps {
    pub datasets: Vec<DatasetOption>,
    pub selected: String,
    pub on_action: Callback<Action>,
}

#[component]
pub fn DatasetSwitcher(props: &DatasetSwitcherProps) -> Html {
    let onchange = props
        .on_action
        .reform(|e: Event| Action::SelectDataset(e.target_unchecked_into::<HtmlSelectElement>().value()));
    let index = props.datasets.iter().position(|d| d.id == props.selected);
    let select_ref = super::synced_select::use_synced_select(index);
    html! {
        <div class="control">
            <label for="dataset-select">{ "Dataset" }</label>
            <select id="dataset-select" ref={select_ref} {onchange}>
                { for props.datasets.iter().map(|d| html! {
                    <option value={d.id.clone()} selected={d.id == props.selected}>{ &d.title }</option>
                }) }
            </select>
        </div>
    }
}
