//! The explorer page: loads the bundled data, holds the reducer, lays out the components.

use std::rc::Rc;

use workforce_core::selection::{Action, Tab};
use workforce_core::Bundle;
use yew::prelude::*;

use crate::bundled;
use crate::components::*;
use crate::state::State;

#[component]
pub fn App() -> Html {
    let bundle = use_memo((), |_| bundled::load().map(Rc::new));
    match bundle.as_ref() {
        Ok(bundle) => html! { <Explorer bundle={bundle.clone()} /> },
        Err(e) => html! {
            <div class="load-error" role="alert">
                <h1>{ "The explorer could not load its data" }</h1>
                <p>{ e.to_string() }</p>
            </div>
        },
    }
}

#[derive(Properties)]
pub struct ExplorerProps {
    pub bundle: Rc<Bundle>,
}

impl PartialEq for ExplorerProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.bundle, &other.bundle)
    }
}

#[component]
pub fn Explorer(props: &ExplorerProps) -> Html {
    let bundle = props.bundle.clone();
    let state = use_reducer(move || State::new(bundle));
    let on_action: Callback<Action> = {
        let state = state.clone();
        Callback::from(move |action| state.dispatch(action))
    };
    let s = &state.selection;
    let bundle = &state.bundle;
    let data = s.dataset(bundle);

    let datasets: Vec<DatasetOption> =
        bundle.datasets.iter().map(|d| DatasetOption { id: d.info.id.clone(), title: d.info.title.clone() }).collect();
    let partners: Vec<PartnerOption> = bundle
        .manifest
        .partners
        .iter()
        .map(|p| PartnerOption { ukprn: p.ukprn.clone(), short: p.short.clone(), name: p.name.clone() })
        .collect();
    let groups: Vec<CategoryGroup> = data
        .groups()
        .into_iter()
        .map(|g| CategoryGroup {
            name: g.to_string(),
            categories: data
                .categories()
                .iter()
                .filter(|c| c.group == g)
                .map(|c| CategoryOption { key: c.key(), total: c.total })
                .collect(),
        })
        .collect();

    html! {
        <div class="explorer">
            <header class="explorer-header">
                <h1>{ "Midlands Innovation workforce explorer" }</h1>
                <p class="lede">{ "Staff and students of the eight Midlands Innovation universities, from HESA open data." }</p>
            </header>
            <div class="explorer-body">
                <aside class="filters" aria-label="Filters">
                    <DatasetSwitcher datasets={datasets} selected={s.dataset.clone()} on_action={on_action.clone()} />
                    <YearSelect years={data.years().to_vec()} selected={s.year.clone()} on_action={on_action.clone()} />
                    <ChartKindSelect selected={s.chart} on_action={on_action.clone()} />
                    <PartnerFilter partners={partners} selected={s.partners.clone()} on_action={on_action.clone()} />
                    <CategoryFilter groups={groups} selected={s.categories.clone()} on_action={on_action.clone()} />
                </aside>
                <main class="figure-area">
                    <figure class="figure">
                        <ViewTabs selected={s.tab} on_action={on_action.clone()} />
                        <div id="panel-chart" role="tabpanel" aria-labelledby="tab-chart" hidden={s.tab != Tab::Chart} class="chart-panel">
                            <ChartCanvas view={state.chart.clone()} visible={s.tab == Tab::Chart} />
                        </div>
                        <div id="panel-table" role="tabpanel" aria-labelledby="tab-table" hidden={s.tab != Tab::Table}>
                            <FiguresTable table={state.table.clone()} title={state.caption.title.clone()} />
                        </div>
                        <FigureCaption caption={state.caption.clone()} />
                    </figure>
                    <p class="about">{ &data.info.notes }</p>
                </main>
            </div>
        </div>
    }
}
