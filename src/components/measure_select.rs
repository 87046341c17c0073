//! What the figures mean: the numbers, a share of the selected categories, per 100 of a
//! published total, a share of the UK, or the change since a base year (its year is chosen in
//! `base_year_select.rs`). Only the measures that make sense for the chart are offered.

use web_sys::HtmlSelectElement;
use workforce_core::selection::{Action, Measure};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MeasureSelectProps {
    /// `(measure, label)` in display order.
    pub measures: Vec<(Measure, String)>,
    pub selected: Measure,
    pub on_action: Callback<Action>,
}

#[component]
pub fn MeasureSelect(props: &MeasureSelectProps) -> Html {
    let measures = props.measures.clone();
    let onchange = props.on_action.reform(move |e: Event| {
        let index = e.target_unchecked_into::<HtmlSelectElement>().selected_index();
        let measure = usize::try_from(index).ok().and_then(|i| measures.get(i)).map(|(m, _)| m.clone());
        Action::SelectMeasure(measure.unwrap_or(Measure::Count))
    });
    let index = props.measures.iter().position(|(m, _)| *m == props.selected);
    let select_ref = super::synced_select::use_synced_select(index);
    html! {
        <div class="control">
            <label for="measure-select">{ "Show" }</label>
            <select id="measure-select" ref={select_ref} {onchange}>
                { for props.measures.iter().map(|(m, label)| html! {
                    <option selected={*m == props.selected}>{ label }</option>
                }) }
            </select>
        </div>
    }
}
