//! What the visitor has chosen, and the named actions that change it. This is the explorer's one
//! piece of state; the Yew reducer delegates here so every transition is tested natively.

use crate::dataset::{Bundle, Dataset};
use crate::manifest::CategoryKey;

/// How the chart shows the selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// One bar per partner: the selected categories summed.
    Bars,
    /// One bar per partner, stacked by category.
    Stacked,
}

/// Which view of the figures is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Chart,
    Table,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    /// The dataset id.
    pub dataset: String,
    /// Selected partners' UKPRNs, in manifest order.
    pub partners: Vec<String>,
    /// Selected categories, in dataset order. Never holds a total together with its own parts.
    pub categories: Vec<CategoryKey>,
    pub year: String,
    pub chart: ChartKind,
    pub tab: Tab,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SelectDataset(String),
    TogglePartner(String),
    AllPartners,
    NoPartners,
    ToggleCategory(CategoryKey),
    /// Select every category of a group that is not a total.
    AllInGroup(String),
    /// Clear every category of a group.
    NoneInGroup(String),
    SelectYear(String),
    SelectChart(ChartKind),
    SelectTab(Tab),
}

impl Selection {
    /// The first view: the first dataset, every partner, the newest year, the dataset's default
    /// categories, stacked bars.
    pub fn initial(bundle: &Bundle) -> Selection {
        let dataset = &bundle.datasets[0];
        Selection {
            dataset: dataset.info.id.clone(),
            partners: bundle.manifest.partners.iter().map(|p| p.ukprn.clone()).collect(),
            categories: default_categories(dataset),
            year: dataset.years().last().cloned().unwrap_or_default(),
            chart: ChartKind::Stacked,
            tab: Tab::Chart,
        }
    }

    /// The selected dataset (the first one if the id is unknown).
    pub fn dataset<'a>(&self, bundle: &'a Bundle) -> &'a Dataset {
        bundle.dataset(&self.dataset).unwrap_or(&bundle.datasets[0])
    }

    /// The state after `action`. Unknown ids are ignored, so a stale action cannot corrupt it.
    pub fn apply(&self, bundle: &Bundle, action: Action) -> Selection {
        let mut next = self.clone();
        let data = self.dataset(bundle);
        match action {
            Action::SelectDataset(id) => {
                if let Some(new) = bundle.dataset(&id) {
                    if id != self.dataset {
                        next.dataset = id;
                        next.categories = default_categories(new);
                        if new.year_index(&self.year).is_none() {
                            next.year = new.years().last().cloned().unwrap_or_default();
                        }
                    }
                }
            }
            Action::TogglePartner(ukprn) => {
                if self.partners.contains(&ukprn) {
                    next.partners.retain(|p| *p != ukprn);
                } else if bundle.manifest.partners.iter().any(|p| p.ukprn == ukprn) {
                    next.partners.push(ukprn);
                    let order = |u: &String| bundle.manifest.partners.iter().position(|p| p.ukprn == *u);
                    next.partners.sort_by_key(order);
                }
            }
            Action::AllPartners => next.partners = bundle.manifest.partners.iter().map(|p| p.ukprn.clone()).collect(),
            Action::NoPartners => next.partners.clear(),
            Action::ToggleCategory(key) => {
                if let Some(index) = data.category_index(&key) {
                    if self.categories.contains(&key) {
                        next.categories.retain(|k| *k != key);
                    } else {
                        let added = &data.categories()[index];
                        next.categories.retain(|k| {
                            data.category_index(k).is_some_and(|i| !data.categories()[i].overlaps(added))
                        });
                        next.categories.push(key);
                    }
                }
            }
            Action::AllInGroup(group) => {
                let parts: Vec<CategoryKey> =
                    data.categories().iter().filter(|c| c.group == group && !c.total).map(|c| c.key()).collect();
                if !parts.is_empty() {
                    next.categories.retain(|k| {
                        data.category_index(k).is_some_and(|i| {
                            let c = &data.categories()[i];
                            !(c.total && (c.group == group || c.group.is_empty())) && c.group != group
                        })
                    });
                    next.categories.extend(parts);
                }
            }
            Action::NoneInGroup(group) => next.categories.retain(|k| k.group != group),
            Action::SelectYear(year) => {
                if data.year_index(&year).is_some() {
                    next.year = year;
                }
            }
            Action::SelectChart(kind) => next.chart = kind,
            Action::SelectTab(tab) => next.tab = tab,
        }
        let after = next.dataset(bundle);
        next.categories.sort_by_key(|k| after.category_index(k));
        next.categories.dedup();
        next
    }
}

fn default_categories(dataset: &Dataset) -> Vec<CategoryKey> {
    let keys: Vec<CategoryKey> =
        dataset.info.default_categories.iter().filter(|k| dataset.category_index(k).is_some()).cloned().collect();
    if keys.is_empty() {
        dataset.categories().first().map(|c| vec![c.key()]).unwrap_or_default()
    } else {
        keys
    }
}
