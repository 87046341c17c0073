//! How the chart shows the selection: bars by partner, grouped, stacked, or a trend over years.

use workforce_core::selection::{Action, ChartKind};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartKindSelectProps {
    pub selected: ChartKind,
    pub on_action: Callback<Action>,
}

fn label(kind: ChartKind) -> &'static str {
    match kind {
        ChartKind::Bars => "Bars by partner (categories summed)",
        ChartKind::Grouped => "Grouped bars (a bar per category)",
        ChartKind::Stacked => "Stacked bars",
        ChartKind::Trend => "Trend over the years",
    }
}

#[component]
pub fn ChartKindSelect(props: &ChartKindSelectProps) -> Html {
    html! {
        <fieldset class="filter" id="chart-kind">
            <legend>{ "Chart" }</legend>
            <ul class="checks">
                { for ChartKind::ALL.into_iter().map(|kind| {
                    let onchange = props.on_action.reform(move |_: Event| Action::SelectChart(kind));
                    let id = format!("chart-kind-{}", kind.id());
                    html! {
                        <li>
                            <input type="radio" id={id.clone()} name="chart-kind" value={kind.id()} checked={props.selected == kind} {onchange} />
                            <label for={id}>{ label(kind) }</label>
                        </li>
                    }
                }) }
            </ul>
        </fieldset>
    }
}
