//! The explorer page: loads the bundled data, holds the reducer, wires the hooks (`crate::hooks`:
//! the URL, datasets on demand, other providers, own files, the drawer, the host page) and lays out the components
//! (the full page, or the compact embed). No change of state is decided here.

use std::rc::Rc;

use workforce_core::lens::Lens;
use workforce_core::page_options::PageOptions;
use workforce_core::selection::{Action, ChartKind, Measure, Page, Tab};
use workforce_core::{url_state, view, Bundle};
use yew::prelude::*;

use crate::components::*;
use crate::hooks::*;
use crate::state::{Msg, State};
use crate::{browser, bundled};

/// What the page starts from. The browser reads it from the page (`crate::start`); the build's
/// pre-rendering passes it (`src/bin/prerender.rs`): components never read the browser to render.
#[derive(Properties, Clone)]
pub struct AppProps {
    /// The page's query string (with `?`, or empty: the first view).
    pub query: AttrValue,
    /// Embed mode (`?embed=1`).
    pub embedded: bool,
    /// The pre-rendered chart (`.chart-first`, inline SVG), moved from the page and shown until the
    /// canvas has drawn.
    #[prop_or_default]
    pub first_chart: Option<web_sys::Element>,
    /// The bundle to show (pre-rendering a view of a dataset the page does not embed); `None`: the
    /// bundle the page embeds.
    #[prop_or_default]
    pub bundle: Option<Rc<Bundle>>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        let same_bundle = match (&self.bundle, &other.bundle) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        (&self.query, self.embedded, &self.first_chart) == (&other.query, other.embedded, &other.first_chart) && same_bundle
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let given = props.bundle.clone();
    let bundle = use_memo((), move |_| match given {
        Some(bundle) => Ok(bundle),
        None => bundled::load().map(Rc::new),
    });
    match bundle.as_ref() {
        Ok(bundle) => html! {
            <Explorer bundle={bundle.clone()} query={props.query.clone()} embedded={props.embedded} first_chart={props.first_chart.clone()} />
        },
        Err(e) => html! {
            <div class="load-error" role="alert">
                <h1>{ "The explorer could not load its data" }</h1>
                <p>{ e.to_string() }</p>
            </div>
        },
    }
}

/// A callback that sends the reducer the message `msg` makes of its value.
fn sender<T: 'static>(state: &UseReducerHandle<State>, msg: impl Fn(T) -> Msg + 'static) -> Callback<T> {
    let dispatcher = state.dispatcher();
    Callback::from(move |value| dispatcher.dispatch(msg(value)))
}

#[derive(Properties)]
pub struct ExplorerProps {
    pub bundle: Rc<Bundle>,
    /// The page's query string, read once (see [`AppProps`]).
    pub query: AttrValue,
    pub embedded: bool,
    #[prop_or_default]
    pub first_chart: Option<web_sys::Element>,
}

impl PartialEq for ExplorerProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.bundle, &other.bundle)
            && (&self.query, self.embedded, &self.first_chart) == (&other.query, other.embedded, &other.first_chart)
    }
}

#[component]
pub fn Explorer(props: &ExplorerProps) -> Html {
    let bundle = props.bundle.clone();
    let embedded = props.embedded;
    let query = props.query.clone();
    // The look a link chose (theme, controls, accent, font), set on <html> before anything draws
    // (the pre-rendered page carries it already).
    let options = {
        let query = query.clone();
        use_memo((), move |_| {
            let options = PageOptions::parse(&query);
            browser::set_root_attributes(&options.root_attributes(embedded));
            options
        })
    };
    let options = *options;
    // A locked view (`controls=0`): title, chart, caption and source only.
    let locked = options.locked;
    let state = use_reducer(move || State::from_query(bundle, &query));
    // `<html data-ready>`: the app has taken over and its controls respond (effects run once the
    // page is in the DOM, never while pre-rendering). A signal for benchmarks and tests.
    use_effect_with((), |_| {
        if let Some(html) = gloo::utils::document().document_element() {
            let _ = html.set_attribute("data-ready", "");
        }
    });
    use_url_sync(&state, embedded, options);
    use_dataset_loader(&state);
    use_host_height(embedded);
    let drawer = use_drawer(&state);
    let load_others = use_other_providers(&state);
    let on_files = use_own_files(&state);
    let on_action = sender(&state, Msg::Do);
    let share_status = sender(&state, Msg::ShareStatus);
    let embed = sender(&state, Msg::Embed);
    let sort_table = sender(&state, Msg::SortTable);
    let find_provider = sender(&state, Msg::FindProvider);
    let dismiss_notice = sender(&state, |_: ()| Msg::DismissNotice);
    let s = &state.selection;
    let bundle = &state.bundle;
    let data = s.dataset(bundle);

    // Every dataset, loaded or not: one not loaded yet is fetched when picked.
    let datasets: Vec<DatasetOption> =
        bundle.infos().into_iter().map(|d| DatasetOption { id: d.id.clone(), title: d.title.clone() }).collect();
    // The dataset switched to, or another the view reads (a measure across datasets) still on its way.
    let loading = state.dataset_load.as_ref().map(|l| format!("Loading {}…", l.title)).or_else(|| {
        state.wanted.iter().find(|w| w.failed.is_none()).map(|w| format!("Loading {}…", w.title))
    });
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
            let label = view::measure_choice_label(data, &s.categories, &m);
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
    // The key figures (`?view=figures`): their own compact page, embeddable as the explorer is.
    if let Some(figures) = state.key_figures.clone() {
        let query = url_state::encode(bundle, s);
        let page_url = browser::url_for(&query);
        let script_url = browser::embed_script_url(&page_url);
        let embed_url = browser::url_for(&browser::embed_query(&query));
        let on_retry = sender(&state, |_: ()| Msg::RetryDatasets);
        return html! {
            <div class={classes!("explorer", "key-figures-page", embedded.then_some("embedded"))}>
                if let Some(text) = &state.notice {
                    { notice(text, &dismiss_notice) }
                }
                <main class="kf-main">
                    { key_figures(&KeyFiguresProps { figures, failed: state.failed_datasets(), embedded, page_url, embed_url, script_url,
                        embed_open: state.embed_open, on_action, on_retry, on_embed: embed }) }
                </main>
            </div>
        };
    }
    let chosen_others: Vec<(String, String)> = s
        .others
        .iter()
        .map(|u| {
            let name = data.provider_index(u).map_or_else(|| format!("UKPRN {u}"), |i| data.providers()[i].name.clone());
            (u.clone(), name)
        })
        .collect();
    let others_status = state.others.as_ref().filter(|(d, _)| *d == s.dataset).map(|(_, l)| l.clone());
    let lenses: Vec<(Lens, bool)> =
        Lens::ALL.into_iter().filter(|l| l.data(bundle).is_some()).map(|l| (l, s.is_lens(bundle, l))).collect();
    let view_query = url_state::encode(bundle, s);
    let page_url = browser::url_for(&view_query);
    let embed_url = browser::url_for(&browser::embed_query(&view_query));
    // A view the group publishes has its own pre-rendered pages: the Embed dialog offers them.
    let published = workforce_core::published::find(bundled::PUBLISHED_VIEWS, &view_query).map(browser::published_urls);

    html! {
        <div class={classes!("explorer", embedded.then_some("embedded"), locked.then_some("locked"))}>
            <header class="explorer-header">
                if embedded {
                    // An embed's heading is the chart's title (the app's name is in the link below).
                    <h1 class="embed-title">{ state.caption.heading() }</h1>
                } else {
                    <div>
                        <h1>{ "Midlands Innovation workforce explorer" }</h1>
                        <p class="lede">{ "Staff and students of the eight Midlands Innovation universities, from HESA open data." }</p>
                        <p class="to-key-figures"><button type="button" id="open-key-figures" class="link-button" onclick={on_action.reform(|_: MouseEvent| Action::SelectPage(Page::KeyFigures))}>{ "Key figures" }</button></p>
                    </div>
                }
                if !locked {
                    <button type="button" class="filters-toggle" ref={drawer.toggle_ref} aria-controls="filters" aria-expanded={state.drawer_open.to_string()} onclick={drawer.toggle.clone()}>
                        { if state.drawer_open { "Close filters" } else { "Filters" } }
                    </button>
                }
            </header>
            if let Some(text) = &state.notice {
                { notice(text, &dismiss_notice) }
            }
            <div class="explorer-body">
                if !locked {
                <aside id="filters" class={classes!("filters", state.drawer_open.then_some("open"))} aria-label="Filters">
                    <div class="drawer-head">
                        <h2>{ "Filters" }</h2>
                        <button type="button" ref={drawer.done_ref} onclick={drawer.toggle}>{ "Done" }</button>
                    </div>
                    { lens_buttons(&lenses, &on_action) }
                    <ChoiceSelect ..dataset_switcher::props(datasets, state.shown_dataset(), &on_action) />
                    <ChoiceSelect ..measure_select::props(measures, &s.measure, &on_action) />
                    if let Some(base_year) = base_year_select::props(&s.base_years(bundle), s.measure.base_year(), &on_action) {
                        <ChoiceSelect ..base_year />
                    }
                    <ChoiceSelect ..year_select::props(data.years(), &s.year, s.chart != ChartKind::Trend, &on_action) />
                    { chart_kind_select(s.chart, &on_action) }
                    { compare_options(s.compare_uk, data.coverage().is_some().then_some(s.compare_uk_reported), s.combine, &on_action) }
                    { partner_filter(&PartnerFilterProps { partners, selected: s.partners.clone(), on_action: on_action.clone() }) }
                    { provider_picker(&ProviderPickerProps { providers: other_options, selected: chosen_others, status: others_status,
                        search: state.provider_search.clone(), on_action: on_action.clone(), on_load: load_others, on_search: find_provider }) }
                    { category_filter(&CategoryFilterProps { groups, selected: s.categories.clone(), on_action: on_action.clone() }) }
                    if !embedded {
                        { file_opener(&state.files, state.files_refused, &on_files) }
                    }
                </aside>
                }
                <main class="figure-area" aria-busy={loading.is_some().to_string()}>
                    if let Some(text) = &loading {
                        <p class="dataset-loading" role="status">{ text }</p>
                    }
                    <figure class="figure" hidden={loading.is_some()}>
                        { figure_caption(&state.caption, !embedded) }
                        if !locked {
                            { view_tabs(&ViewTabsProps { selected: s.tab, on_action: on_action.clone() }) }
                        }
                        <div id="panel-chart" role={(!locked).then_some("tabpanel")} aria-labelledby={(!locked).then_some("tab-chart")} hidden={s.tab != Tab::Chart} class="chart-panel">
                            <ChartLegend view={state.chart.clone()} on_action={on_action.clone()} />
                            <ChartCanvas view={state.chart.clone()} visible={s.tab == Tab::Chart && loading.is_none()} first={props.first_chart.clone()} embedded={embedded} />
                        </div>
                        <div id="panel-table" role={(!locked).then_some("tabpanel")} aria-labelledby={(!locked).then_some("tab-table")} hidden={s.tab != Tab::Table}>
                            { figures_table(&state.table, state.caption.heading(), &state.table_sort, &sort_table) }
                        </div>
                        { figure_notes(&state.caption) }
                    </figure>
                    if embedded {
                        <p class="open-full"><a href={page_url.clone()} target="_blank" rel="noopener">{ "Open this view in the Midlands Innovation workforce explorer" }</a></p>
                    } else {
                        { share_bar(&ShareBarProps { chart: state.chart.clone(), table: state.table.clone(), caption: state.caption.clone(),
                            dataset_id: data.info.id.clone(), bundle: bundle.clone(), source: state.source(&data.info.id),
                            page_url: page_url.clone(), embed_url, published, status: state.share_status.clone(), embed_open: state.embed_open,
                            on_status: share_status, on_embed: embed }) }
                        <p class="about">{ &data.info.notes }</p>
                    }
                </main>
            </div>
        </div>
    }
}
