//! The explorer page: loads the bundled data, holds the reducer, keeps the URL in step with the
//! state, and lays out the components (the full page, or the compact embed).

use std::rc::Rc;

use gloo::events::EventListener;
use workforce_core::selection::{Action, ChartKind, Measure, Tab};
use workforce_core::{export, url_state, view, Bundle};
use yew::prelude::*;

use crate::components::*;
use crate::state::{Loading, Msg, State};
use crate::{browser, bundled};

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
    let embedded = use_memo((), |_| browser::is_embedded(&browser::query()));
    let embedded = *embedded;
    let state = use_reducer(move || State::from_query(bundle, &browser::query()));
    // On phones and in embeds the filters open as a drawer; on wide pages they are always shown.
    let drawer_open = use_state(|| false);
    let on_action: Callback<Action> = {
        let state = state.clone();
        Callback::from(move |action| state.dispatch(Msg::Do(action)))
    };
    let s = &state.selection;
    let bundle = &state.bundle;
    let data = s.dataset(bundle);

    // The URL follows the state: a new history entry per change (the first corrects the entry
    // the visitor arrived with), and back / forward restore the state a URL encodes.
    let query = {
        let mut q = url_state::encode(bundle, s);
        if embedded {
            q = if q.is_empty() { "embed=1".to_string() } else { format!("embed=1&{q}") };
        }
        q
    };
    let first_sync = use_mut_ref(|| true);
    use_effect_with(query.clone(), move |q| {
        let replace = std::mem::replace(&mut *first_sync.borrow_mut(), false);
        browser::push_query(q, replace);
    });
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                let decoded = url_state::decode(&state.bundle, &browser::query());
                state.dispatch(Msg::Restore(decoded.selection));
            });
            move || drop(listener)
        });
    }
    // In an iframe, tell the host page our height.
    use_effect_with((), move |_| {
        let observer = if embedded { browser::post_height_to_host() } else { None };
        move || {
            if let Some(o) = observer {
                o.disconnect();
            }
        }
    });

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
                // Only when the drawer is in use; on wide pages the button is hidden.
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
    // Escape closes the drawer wherever focus is.
    {
        let drawer_open = drawer_open.clone();
        use_effect_with(*drawer_open, move |open| {
            let open = *open;
            let listener = EventListener::new(&gloo::utils::document(), "keydown", move |e| {
                let key = wasm_bindgen::JsCast::dyn_ref::<web_sys::KeyboardEvent>(e).map(|k| k.key());
                if open && key.as_deref() == Some("Escape") {
                    drawer_open.set(false);
                }
            });
            move || drop(listener)
        });
    }
    // Every other UK provider's figures: fetched once per dataset, when a visitor asks for one.
    let load_others = {
        let state = state.clone();
        Callback::from(move |_: ()| {
            let data = state.selection.dataset(&state.bundle);
            let id = data.info.id.clone();
            let busy_or_done = matches!(&state.others, Some((d, Loading::Busy(_))) if *d == id);
            if data.all_providers || data.info.others_file.is_empty() || busy_or_done {
                return;
            }
            let path = data.info.others_file.clone();
            state.dispatch(Msg::OthersLoading(id.clone()));
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = browser::fetch_text(&path).await;
                state.dispatch(Msg::OthersLoaded { dataset: id, result });
            });
        })
    };
    // A link or a dataset switch that names other providers loads them too.
    {
        let load_others = load_others.clone();
        let wanted = !s.others.is_empty() && !data.all_providers;
        use_effect_with((s.dataset.clone(), wanted), move |(_, wanted)| {
            if *wanted {
                load_others.emit(());
            }
        });
    }
    // The visitor's own files: read one by one (showing progress), then imported.
    let on_files = {
        let state = state.clone();
        Callback::from(move |files: Vec<web_sys::File>| {
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let mut read = Vec::with_capacity(files.len());
                for (i, file) in files.iter().enumerate() {
                    let name = file.name();
                    if file.size() > workforce_core::MAX_FILE_BYTES as f64 {
                        let mb = (file.size() / (1024.0 * 1024.0)).round() as u64;
                        state.dispatch(Msg::FilesOpened(Err(format!("{name}: is {mb} MB: too large for a HESA table download"))));
                        return;
                    }
                    state.dispatch(Msg::FilesProgress(format!("Reading file {} of {}: {name}…", i + 1, files.len())));
                    browser::next_frame().await;
                    match browser::read_file(file).await {
                        Ok(bytes) => read.push((name, bytes)),
                        Err(e) => {
                            state.dispatch(Msg::FilesOpened(Err(format!("{name}: could not be read: {e}"))));
                            return;
                        }
                    }
                }
                state.dispatch(Msg::FilesProgress("Reading the figures…".to_string()));
                let opened = crate::importer_client::open(read).await.map(Box::new);
                state.dispatch(Msg::FilesOpened(opened));
            });
        })
    };
    let dismiss_notice = {
        let state = state.clone();
        Callback::from(move |_: ()| state.dispatch(Msg::DismissNotice))
    };

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
    let measures: Vec<(Measure, String)> = s
        .measures(bundle)
        .into_iter()
        .map(|m| {
            let label = view::measure_choice_label(data, &m);
            (m, label)
        })
        .collect();
    // The picker's list changes only with the dataset or the bundle (a new one each time providers
    // load or a file opens): build it then, not on every render.
    let other_options: Rc<Vec<ProviderOption>> = {
        let bundle = bundle.clone();
        use_memo((s.dataset.clone(), Rc::as_ptr(&bundle) as usize), move |(id, _)| {
            let data = bundle.dataset(id).unwrap_or(&bundle.datasets[0]);
            data.providers()
                .iter()
                .filter(|p| p.key != workforce_core::manifest::UK_TOTAL_KEY && !bundle.manifest.partners.iter().any(|m| m.ukprn == p.key))
                .map(|p| ProviderOption { ukprn: p.key.clone(), name: p.name.clone(), former_names: p.former_names.clone() })
                .collect()
        })
    };
    let chosen_others: Vec<(String, String)> = s
        .others
        .iter()
        .map(|u| {
            let name = data.provider_index(u).map_or_else(|| format!("UKPRN {u}"), |i| data.providers()[i].name.clone());
            (u.clone(), name)
        })
        .collect();
    let others_status = state.others.as_ref().filter(|(d, _)| *d == s.dataset).map(|(_, l)| l.clone());
    let view_query = url_state::encode(bundle, s);
    let page_url = browser::url_for(&view_query);
    let embed_url = browser::url_for(&if view_query.is_empty() { "embed=1".to_string() } else { format!("embed=1&{view_query}") });
    let citation = export::citation(data, &state.caption, &page_url);

    html! {
        <div class={classes!("explorer", embedded.then_some("embedded"))}>
            <header class="explorer-header">
                if embedded {
                    <p class="embed-title">{ "Midlands Innovation workforce explorer" }</p>
                } else {
                    <div>
                        <h1>{ "Midlands Innovation workforce explorer" }</h1>
                        <p class="lede">{ "Staff and students of the eight Midlands Innovation universities, from HESA open data." }</p>
                    </div>
                }
                <button type="button" class="filters-toggle" ref={toggle_ref} aria-controls="filters" aria-expanded={drawer_open.to_string()} onclick={toggle_drawer.clone()}>
                    { if *drawer_open { "Close filters" } else { "Filters" } }
                </button>
            </header>
            if let Some(text) = &state.notice {
                <Notice text={text.clone()} on_dismiss={dismiss_notice} />
            }
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
                    <ProviderPicker providers={other_options} selected={chosen_others} status={others_status} on_action={on_action.clone()} on_load={load_others} />
                    <CategoryFilter groups={groups} selected={s.categories.clone()} on_action={on_action.clone()} />
                    if !embedded {
                        <FileOpener status={state.files.clone()} on_files={on_files} />
                    }
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
                    if embedded {
                        <p class="open-full"><a href={page_url.clone()} target="_blank" rel="noopener">{ "Open this view in the full explorer" }</a></p>
                    } else {
                        <ShareBar chart={state.chart.clone()} table={state.table.clone()} caption={state.caption.clone()}
                            dataset_id={data.info.id.clone()} dataset={Rc::new(data.info.clone())}
                            page_url={page_url.clone()} embed_url={embed_url} citation={citation} />
                        <p class="about">{ &data.info.notes }</p>
                    }
                </main>
            </div>
        </div>
    }
}
