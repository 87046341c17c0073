//! What the figures mean ("Show"): the numbers, a share of the selected categories, per 100 of a
//! published total, a share of the UK, or the change since a base year (its year is chosen in
//! `base_year_select.rs`). Only the measures that make sense for the chart are offered. A
//! [`ChoiceSelect`](super::ChoiceSelect).

use workforce_core::selection::{Action, Measure};
use yew::prelude::*;

use super::choice_select::{choose, ChoiceSelectProps};

/// `measures`: `(measure, label)` in display order.
pub fn props(measures: Vec<(Measure, String)>, selected: &Measure, on_action: &Callback<Action>) -> ChoiceSelectProps {
    let options = measures.iter().map(|(_, label)| (AttrValue::from(label.clone()), AttrValue::from(label.clone()))).collect();
    ChoiceSelectProps {
        id: "measure-select".into(),
        label: "Show".into(),
        options,
        selected: measures.iter().position(|(m, _)| m == selected),
        disabled: None,
        on_choose: choose(measures, on_action, |(m, _)| Action::SelectMeasure(m.clone())),
    }
}
