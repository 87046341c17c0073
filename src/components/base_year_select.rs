//! The year a change is measured from, a [`ChoiceSelect`](super::ChoiceSelect) shown only when
//! the measure is a change.

use workforce_core::selection::Action;
use yew::prelude::*;

use super::choice_select::{choose, ChoiceSelectProps};

/// `years` oldest first; `selected` is `None` when the measure is not a change (no select).
pub fn props(years: &[String], selected: Option<&str>, on_action: &Callback<Action>) -> Option<ChoiceSelectProps> {
    let selected = selected?;
    let years = years.to_vec();
    Some(ChoiceSelectProps {
        id: "base-year-select".into(),
        label: "Since".into(),
        options: years.iter().map(|y| (AttrValue::from(y.clone()), AttrValue::from(y.clone()))).collect(),
        selected: years.iter().position(|y| y == selected),
        disabled: None,
        on_choose: choose(years, on_action, |y| Action::SetBaseYear(y.clone())),
    })
}
