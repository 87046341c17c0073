//! The year choice (newest first), a [`ChoiceSelect`](super::ChoiceSelect).

use workforce_core::selection::Action;
use yew::prelude::*;

use super::choice_select::{choose, ChoiceSelectProps};

/// `enabled` is false on a trend, which shows every year.
pub fn props(years: &[String], selected: &str, enabled: bool, on_action: &Callback<Action>) -> ChoiceSelectProps {
    let newest_first: Vec<String> = years.iter().rev().cloned().collect();
    let options = newest_first.iter().map(|y| (AttrValue::from(y.clone()), AttrValue::from(y.clone()))).collect();
    ChoiceSelectProps {
        id: "year-select".into(),
        label: "Academic year".into(),
        options,
        selected: newest_first.iter().position(|y| y == selected),
        disabled: (!enabled).then(|| ("year-note".into(), "The trend shows every year.".into())),
        on_choose: choose(newest_first, on_action, |y| Action::SelectYear(y.clone())),
    }
}
