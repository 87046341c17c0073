//! How the chart shows the selection: stacked by category, or one summed bar per partner.

use workforce_core::selection::{Action, ChartKind};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartKindSelectProps {
    pub selected: ChartKind,
    pub on_action: Callback<Action>,
}

#[component]
pub fn ChartKindSelect(props: &ChartKindSelectProps) -> Html {
    let option = |kind: ChartKind, value: &'static str, label: &'static str| {
        let onchange = props.on_action.reform(move |_: Event| Action::SelectChart(kind));
        let id = format!("chart-kind-{value}");
        html! {
            <li>
                <input type="radio" id={id.clone()} name="chart-kind" {value} checked={props.selected == kind} {onchange} />
                <label for={id}>{ label }</label>
            </li>
        }
    };
    html! {
        <fieldset class="filter" id="chart-kind">
            <legend>{ "Chart" }</legend>
            <ul class="checks">
                { option(ChartKind::Stacked, "stacked", "Bars stacked by category") }
                { option(ChartKind::Bars, "bars", "Bars by partner (categories summed)") }
            </ul>
        </fieldset>
    }
}
