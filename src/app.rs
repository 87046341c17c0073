//! The explorer page: loads the bundled data, holds the reducer, lays out the components.

use std::rc::Rc;

use workforce_core::selection::{Action, ChartKind, Measure, Tab};
use workforce_core::view;
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
    // On phones the filters open as a drawer; on wide screens they are always shown.
    let drawer_open = use_state(|| false);
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
    let measures: Vec<(Measure, String)> =
        s.measures(bundle).into_iter().map(|m| { let label = view::measure_choice_label(data, &m); (m, label) }).collect();

    // Focus follows the drawer: into it when it opens, back to its button when it closes.
    let toggle_ref = use_node_ref();
    let done_ref = use_node_ref();
    let drawer_used = use_mut_ref(|| false);
    {
        let (toggle_ref, done_ref) = (toggle_ref.clone(), done_ref.clone());
        use_effect_with(*drawer_open, move |open| {
            // Never move focus on the first render: the page must not grab focus when it loads.
            if !std::mem::replace(&mut *drawer_used.borrow_mut(), true) {
                return;
            }
            let target = if *open { done_ref } else { toggle_ref };
            if let Some(el) = target.cast::<web_sys::HtmlElement>() {
                // Only when the drawer is in use (narrow screens); on wide screens the button is hidden.
                if el.offset_parent().is_some() {
                    let _ = el.focus();
                }
            }
        });
    }
    let toggle_drawer = {
        let drawer_open = drawer_open.clone();
        Callback::from(move |_: MouseEvent| drawer_open.set(!*drawer_open))
    };
    let close_on_escape = {
        let drawer_open = drawer_open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && *drawer_open {
                drawer_open.set(false);
            }
        })
    };

    html! {
        <div class="explorer" onkeydown={close_on_escape}>
            <header class="explorer-header">
                <div>
                    <h1>{ "Midlands Innovation workforce explorer" }</h1>
                    <p class="lede">{ "Staff and students of the eight Midlands Innovation universities, from HESA open data." }</p>
                </div>
                <button type="button" class="filters-toggle" ref={toggle_ref} aria-controls="filters" aria-expanded={drawer_open.to_string()} onclick={toggle_drawer.clone()}>
                    { if *drawer_open { "Close filters" } else { "Filters" } }
                </button>
            </header>
            <div class="explorer-body">
                <aside id="filters" class={classes!("filters", drawer_open.then_some("open"))} aria-label="Filters">
                    <div class="drawer-head">
                        <h2>{ "Filters" }</h2>
                        <button type="button" ref={done_ref} onclick={toggle_drawer}>{ "Done" }</button>
                    </div>
                    <DatasetSwitcher datasets={datasets} selected={s.dataset.clone()} on_action={on_action.clone()} />
                    <MeasureSelect measures={measures} selected={s.measure.clone()} on_action={on_action.clone()} />
                    <YearSelect years={data.years().to_vec()} selected={s.year.clone()} enabled={s.chart != ChartKind::Trend} on_action={on_action.clone()} />
                    <ChartKindSelect selected={s.chart} on_action={on_action.clone()} />
                    <CompareOptions compare_uk={s.compare_uk} combine={s.combine} on_action={on_action.clone()} />
                    <PartnerFilter partners={partners} selected={s.partners.clone()} on_action={on_action.clone()} />
                    <CategoryFilter groups={groups} selected={s.categories.clone()} on_action={on_action.clone()} />
                </aside>
                <main class="figure-area">
                    <figure class="figure">
                        <ViewTabs selected={s.tab} on_action={on_action.clone()} />
                        <div id="panel-chart" role="tabpanel" aria-labelledby="tab-chart" hidden={s.tab != Tab::Chart} class="chart-panel">
                            <ChartLegend view={state.chart.clone()} on_action={on_action.clone()} />
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
