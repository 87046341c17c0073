//! How the chart shows the selection: bars by partner, grouped, stacked, or a trend over years.

use workforce_core::selection::{Action, ChartKind};
use yew::prelude::*;

fn label(kind: ChartKind) -> &'static str {
    match kind {
        ChartKind::Bars => "Bars by partner (categories summed)",
        ChartKind::Grouped => "Grouped bars (a bar per category)",
        ChartKind::Stacked => "Stacked bars",
        ChartKind::Trend => "Trend over the years",
    }
}

pub fn chart_kind_select(selected: ChartKind, on_action: &Callback<Action>) -> Html {
    html! {
        <fieldset class="filter" id="chart-kind">
            <legend>{ "Chart" }</legend>
            <ul class="checks">
                { for ChartKind::ALL.into_iter().map(|kind| {
                    let onchange = on_action.reform(move |_: Event| Action::SelectChart(kind));
                    let id = format!("chart-kind-{}", kind.id());
                    html! {
                        <li>
                            <input type="radio" id={id.clone()} name="chart-kind" value={kind.id()} checked={selected == kind} {onchange} />
                            <label for={id}>{ label(kind) }</label>
                        </li>
                    }
                }) }
            </ul>
        </fieldset>
    }
}
