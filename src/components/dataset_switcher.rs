//! The dataset choice, a [`ChoiceSelect`](super::ChoiceSelect): every dataset, loaded or not (one
//! not loaded yet is fetched when picked).

use workforce_core::selection::Action;
use yew::prelude::*;

use super::choice_select::{choose, ChoiceSelectProps};

#[derive(Debug, Clone, PartialEq)]
pub struct DatasetOption {
    pub id: String,
    pub title: String,
}

pub fn props(datasets: Vec<DatasetOption>, selected: &str, on_action: &Callback<Action>) -> ChoiceSelectProps {
    let options = datasets.iter().map(|d| (AttrValue::from(d.id.clone()), AttrValue::from(d.title.clone()))).collect();
    ChoiceSelectProps {
        id: "dataset-select".into(),
        label: "Dataset".into(),
        options,
        selected: datasets.iter().position(|d| d.id == selected),
        disabled: None,
        on_choose: choose(datasets, on_action, |d| Action::SelectDataset(d.id.clone())),
    }
}
