//! The explorer's one piece of state and its reducer. Selection transitions live in
//! `workforce_core::selection` (tested natively); this adapts them to Yew and adds what belongs
//! to the page: restoring a state from the URL, the notice about ignored link settings, loading
//! datasets on demand (only the default one comes with the page), other providers and the
//! visitor's own files, and the filters drawer. Every change of state is a
//! [`Msg`] handled here; the hooks in `crate::hooks` only carry out the side effects it asks for.

use std::rc::Rc;

use workforce_core::selection::{Action, Selection};
use workforce_core::url_state;
use workforce_core::selection::Page;
use workforce_core::view::key_figures::{key_figures, KeyFigures};
use workforce_core::view::{self, Caption, ChartView, Figure, TableView};
use workforce_core::{Bundle, Dataset};
use yew::Reducible;

#[derive(Debug, Clone)]
pub struct State {
    pub bundle: Rc<Bundle>,
    pub selection: Selection,
    /// The figure for `selection`, computed once per change and shared with the components.
    pub chart: Rc<ChartView>,
    pub table: Rc<TableView>,
    pub caption: Rc<Caption>,
    /// What a link asked for that could not be honoured, said once.
    pub notice: Option<String>,
    /// Loading every other UK provider for a dataset: `(dataset id, what happened)`.
    pub others: Option<(String, Loading)>,
    /// What the visitor has typed to find another UK provider.
    pub provider_search: String,
    /// The table's order, when the visitor sorted it.
    pub table_sort: Option<TableSort>,
    /// What the last share or download action came to ("Link copied.").
    pub share_status: String,
    /// The Embed dialog is open.
    pub embed_open: bool,
    /// Opening the visitor's own files: what to say.
    pub files: Option<Loading>,
    /// The files being opened (one batch at a time), for the own-files hook to read.
    pub opening: Option<FileBatch>,
    /// More files were offered while `opening` was still under way, and refused.
    pub files_refused: bool,
    /// The filters drawer (phones and embeds) is open.
    pub drawer_open: bool,
    /// A dataset being fetched because the visitor picked it or a link names it. Meanwhile the
    /// selection (and the figure) stay on the dataset shown before, which a failed fetch keeps.
    pub dataset_load: Option<DatasetLoad>,
    /// The text of each loaded dataset's served file, by dataset id (the whole-dataset download
    /// writes it out). The default dataset's is the one embedded in the page.
    pub sources: Rc<Vec<(String, Rc<str>)>>,
    /// Datasets the view reads besides the one it shows (the key figures quote staff and
    /// students), fetched in the background; one whose fetch failed stays, saying why.
    pub wanted: Vec<DatasetWant>,
    /// The key figures of the selection's year, when that page is open.
    pub key_figures: Option<Rc<KeyFigures>>,
}

/// A sort of the figures table: by `column` (0: the row labels), for the table with these
/// `columns`. A table with other columns shows its own order.
#[derive(Debug, Clone, PartialEq)]
pub struct TableSort {
    pub columns: Vec<String>,
    pub column: usize,
    pub ascending: bool,
}

impl TableSort {
    /// The sort `table` is shown in, if the visitor sorted it.
    pub fn of<'a>(sort: &'a Option<TableSort>, table: &TableView) -> Option<&'a TableSort> {
        sort.as_ref().filter(|s| s.columns == table.columns)
    }

    /// The sort after pressing `column`'s heading: the other direction on the same column;
    /// otherwise figures largest first and names A to Z.
    fn pressed(sort: &Option<TableSort>, table: &TableView, column: usize) -> TableSort {
        let ascending = match TableSort::of(sort, table) {
            Some(s) if s.column == column => !s.ascending,
            _ => column == 0,
        };
        TableSort { columns: table.columns.clone(), column, ascending }
    }
}

/// A dataset the view reads that is not loaded: being fetched, or failed.
#[derive(Debug, Clone, PartialEq)]
pub struct DatasetWant {
    pub id: String,
    pub title: String,
    /// Its served file, relative to the page (`datasets/<file>`).
    pub file: String,
    /// Why the fetch failed (naming the file); `None` while it is under way.
    pub failed: Option<String>,
}

/// A fetch's error naming the file it was for (once: the browser's message may name it already).
fn naming(error: &str, file: &str) -> String {
    if error.contains(file) {
        error.to_string()
    } else {
        format!("{file}: {error}")
    }
}

/// A dataset of the manifest whose figures are being fetched.
#[derive(Debug, Clone, PartialEq)]
pub struct DatasetLoad {
    pub id: String,
    pub title: String,
    /// Its served file, relative to the page (`datasets/<file>`).
    pub file: String,
    /// The query string of the link (or history entry) that named it, applied once it arrives;
    /// `None` when the visitor picked it.
    pub query: Option<String>,
}

/// Where a load stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Loading {
    /// Under way, with what to say meanwhile.
    Busy(String),
    Done(String),
    Failed(String),
}

/// Files the visitor chose or dropped, opened together. Two batches are equal only when they are
/// the same batch, so each one is opened once.
#[derive(Debug, Clone)]
pub struct FileBatch(pub Rc<Vec<web_sys::File>>);

impl PartialEq for FileBatch {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// What the file opener says when files are offered while others are still being opened.
pub const FILES_REFUSED: &str = "Still opening the previous files; try again when it finishes.";

/// A change to the state.
#[derive(Debug, Clone)]
pub enum Msg {
    /// A visitor's action.
    Do(Action),
    /// Back or forward in the browser: the query string of the page's URL, read against the
    /// bundle the state holds now.
    RestoreQuery(String),
    DismissNotice,
    /// A dataset's served file arrived (its text), or could not be had.
    DatasetLoaded { id: String, result: Result<String, String> },
    /// Every other UK provider of the current dataset is wanted (the picker was used, or the view
    /// names one). Starts a load unless they are loaded or loading.
    LoadOthers,
    /// The on-demand file of every other UK provider arrived (its text), or could not be had.
    OthersLoaded { dataset: String, result: Result<String, String> },
    /// The visitor typed in the search for another UK provider (emptied once one is added).
    FindProvider(String),
    /// The visitor pressed a column heading of the figures table.
    SortTable(usize),
    /// What a share or download action came to.
    ShareStatus(String),
    /// The Embed dialog opens (`true`) or closes.
    Embed(bool),
    /// The visitor chose or dropped files: open them, unless other files are still opening.
    OpenFiles(FileBatch),
    /// Reading the visitor's own files: progress to show.
    FilesProgress(String),
    /// The visitor's own files, opened as a dataset (or why not).
    FilesOpened(Result<Box<Dataset>, String>),
    ToggleDrawer,
    CloseDrawer,
    /// Fetch again the datasets the view reads whose fetch failed.
    RetryDatasets,
}

/// The figure's parts, each behind its own `Rc` so a component re-renders only when its part changes.
fn parts(figure: Figure) -> (Rc<ChartView>, Rc<TableView>, Rc<Caption>) {
    (Rc::new(figure.chart), Rc::new(figure.table), Rc::new(figure.caption))
}

fn ignored_notice(ignored: &[String]) -> Option<String> {
    (!ignored.is_empty()).then(|| format!("Some settings in the link were ignored: {}.", workforce_core::format::list(ignored)))
}

/// The dataset a query string names (`d`, the last one given, as `url_state::decode` reads it).
fn dataset_named(query: &str) -> Option<String> {
    let query = query.strip_prefix('?').unwrap_or(query);
    form_urlencoded::parse(query.as_bytes()).filter(|(k, _)| k == "d").last().map(|(_, v)| v.into_owned())
}

/// The load of a dataset the manifest describes but the bundle has no figures for yet.
fn load_of(bundle: &Bundle, id: &str, query: Option<String>) -> Option<DatasetLoad> {
    let info = bundle.not_loaded(id)?;
    Some(DatasetLoad { id: id.to_string(), title: info.title.clone(), file: workforce_core::dataset::served_file(info), query })
}

impl State {
    /// The state a page URL's query string asks for. A link naming a dataset not loaded yet
    /// starts its load and shows the default view until it arrives (then the link is applied).
    pub fn from_query(bundle: Rc<Bundle>, query: &str) -> State {
        let dataset_load = dataset_named(query).and_then(|id| load_of(&bundle, &id, Some(query.to_string())));
        let decoded = url_state::decode(&bundle, if dataset_load.is_some() { "" } else { query });
        let notice = ignored_notice(&decoded.ignored);
        let (chart, table, caption) = parts(view::figure(&bundle, &decoded.selection));
        let default_id = bundle.manifest.datasets.first().map(|d| d.id.clone()).unwrap_or_default();
        State {
            bundle,
            selection: decoded.selection,
            chart,
            table,
            caption,
            notice,
            others: None,
            provider_search: String::new(),
            table_sort: None,
            share_status: String::new(),
            embed_open: false,
            files: None,
            opening: None,
            files_refused: false,
            drawer_open: false,
            dataset_load,
            sources: Rc::new(vec![(default_id, Rc::from(crate::bundled::DEFAULT_TEXT))]),
            wanted: Vec::new(),
            key_figures: None,
        }
        .settled()
    }

    /// This state with what follows from its selection and bundle: the datasets the view reads
    /// that are not loaded are wanted (a failed one stays failed until retried), and the key
    /// figures are built when their page is open.
    fn settled(mut self) -> State {
        let needed = self.selection.datasets_read();
        let loading = self.dataset_load.as_ref().map(|l| l.id.clone());
        self.wanted.retain(|w| needed.contains(&w.id) && !self.bundle.is_loaded(&w.id));
        for id in needed {
            if loading.as_ref() == Some(&id) || self.wanted.iter().any(|w| w.id == id) {
                continue;
            }
            if let Some(load) = load_of(&self.bundle, &id, None) {
                self.wanted.push(DatasetWant { id, title: load.title, file: load.file, failed: None });
            }
        }
        self.key_figures = (self.selection.page == Page::KeyFigures).then(|| Rc::new(key_figures(&self.bundle, &self.selection.year)));
        self
    }

    /// The datasets the view reads whose fetch failed: `(id, why)`.
    pub fn failed_datasets(&self) -> Vec<(String, String)> {
        self.wanted.iter().filter_map(|w| w.failed.clone().map(|e| (w.id.clone(), e))).collect()
    }

    /// The text of a loaded dataset's served file.
    pub fn source(&self, id: &str) -> Option<Rc<str>> {
        self.sources.iter().find(|(d, _)| d == id).map(|(_, text)| text.clone())
    }

    /// The dataset the switcher shows: the one being loaded, else the one on screen.
    pub fn shown_dataset(&self) -> &str {
        self.dataset_load.as_ref().map_or(&self.selection.dataset, |l| &l.id)
    }

    /// A change of view. Choosing a dataset not loaded yet starts its load instead (the view
    /// stays until it arrives); choosing a loaded one drops any load under way.
    fn act(self: Rc<Self>, action: Action) -> Rc<Self> {
        if let Action::SelectDataset(id) = &action {
            if self.dataset_load.as_ref().is_some_and(|l| l.id == *id) {
                return self;
            }
            if let Some(load) = load_of(&self.bundle, id, None) {
                return Rc::new(State { dataset_load: Some(load), ..(*self).clone() });
            }
            if self.dataset_load.is_some() {
                let state = Rc::new(State { dataset_load: None, ..(*self).clone() });
                return state.act(action);
            }
        }
        let selection = self.selection.apply(&self.bundle, action);
        self.with_selection(selection)
    }

    /// Back or forward: the view a query string encodes, read against the bundle held now (a
    /// dataset it names that is not loaded yet is loaded first).
    fn restore(self: Rc<Self>, query: String) -> Rc<Self> {
        if let Some(load) = dataset_named(&query).and_then(|id| load_of(&self.bundle, &id, Some(query.clone()))) {
            return Rc::new(State { dataset_load: Some(load), ..(*self).clone() });
        }
        let state = if self.dataset_load.is_some() { Rc::new(State { dataset_load: None, ..(*self).clone() }) } else { self };
        let decoded = url_state::decode(&state.bundle, &query);
        let state = state.with_selection(decoded.selection);
        match ignored_notice(&decoded.ignored) {
            Some(notice) => Rc::new(State { notice: Some(notice), ..(*state).clone() }),
            None => state,
        }
    }

    /// A dataset's served file arrived (or not). Its figures join the bundle whatever the visitor
    /// did meanwhile; the view moves to it only if it is still the one wanted. A failure keeps
    /// the view and says why, naming the file.
    fn dataset_loaded(self: Rc<Self>, id: String, result: Result<String, String>) -> Rc<Self> {
        let wanted = self.dataset_load.clone().filter(|l| l.id == id);
        if self.bundle.is_loaded(&id) {
            return self;
        }
        let read = result.and_then(|text| match self.bundle.read_served(&id, &text) {
            Ok(data) => Ok((data, text)),
            Err(e) => Err(e.to_string()),
        });
        match (read, wanted) {
            (Ok((data, text)), wanted) => {
                let bundle = Rc::new(self.bundle.with_dataset(data));
                let mut sources = (*self.sources).clone();
                sources.push((id.clone(), Rc::from(text)));
                let sources = Rc::new(sources);
                let Some(load) = wanted else {
                    let state = Rc::new(State { sources, ..(*self).clone() });
                    // A dataset the view reads (the key figures, a measure across datasets): the
                    // same view, now with its figures.
                    if self.selection.datasets_read().contains(&id) {
                        return state.with_bundle(bundle, self.selection.clone());
                    }
                    // Otherwise the view does not change: only what is loaded does.
                    return Rc::new(State { bundle, ..(*state).clone() }.settled());
                };
                let state = Rc::new(State { sources, dataset_load: None, ..(*self).clone() });
                match load.query {
                    Some(query) => {
                        let decoded = url_state::decode(&bundle, &query);
                        let notice = ignored_notice(&decoded.ignored).or_else(|| state.notice.clone());
                        Rc::new(State { notice, ..(*state).clone() }).with_bundle(bundle, decoded.selection)
                    }
                    None => {
                        let selection = state.selection.apply(&bundle, Action::SelectDataset(id));
                        state.with_bundle(bundle, selection)
                    }
                }
            }
            (Err(e), load) => {
                let mut state = (*self).clone();
                let mut changed = false;
                for w in state.wanted.iter_mut().filter(|w| w.id == id && w.failed.is_none()) {
                    w.failed = Some(naming(&e, &w.file));
                    changed = true;
                }
                // A measure across datasets whose other side failed: back to the counts, said.
                if let (Page::Explorer, workforce_core::selection::Measure::Across(cross)) = (state.selection.page, &state.selection.measure) {
                    if cross.base().dataset == id && load.is_none() {
                        let file = state.wanted.iter().find(|w| w.id == id).map(|w| w.file.clone()).unwrap_or_default();
                        let e = naming(&e, &file);
                        let title = self.bundle.manifest.dataset(&id).map(|d| d.title.clone()).unwrap_or_default();
                        state.notice = Some(format!("“{title}” could not be loaded ({e}), so the figures are shown as counts."));
                        let selection = state.selection.apply(&state.bundle, Action::SelectMeasure(workforce_core::selection::Measure::Count));
                        return Rc::new(state).with_selection(selection);
                    }
                }
                if let Some(load) = load {
                    let e = naming(&e, &load.file);
                    state.notice = Some(format!("“{}” could not be loaded ({e}); the view is unchanged.", load.title));
                    state.dataset_load = None;
                    changed = true;
                }
                if changed {
                    Rc::new(state.settled())
                } else {
                    self
                }
            }
        }
    }

    /// The dataset whose other providers are being fetched, and the file to fetch.
    pub fn others_to_fetch(&self) -> Option<(String, String)> {
        match &self.others {
            Some((id, Loading::Busy(_))) => self.bundle.dataset(id).map(|d| (id.clone(), d.info.others_file.clone())),
            _ => None,
        }
    }

    fn with_selection(self: Rc<Self>, selection: Selection) -> Rc<Self> {
        if selection == self.selection {
            return self;
        }
        // Only the tab changed: the figures are the same.
        if (Selection { tab: self.selection.tab, ..selection.clone() }) == self.selection {
            return Rc::new(State { selection, ..(*self).clone() });
        }
        let (chart, table, caption) = self.explorer_figure(&self.bundle, &selection);
        Rc::new(State { selection, chart, table, caption, ..(*self).clone() }.settled())
    }

    /// The explorer's figure for `selection`; on the key figures page (which does not show it)
    /// the one held, unchanged: coming back to the explorer changes the selection's page, and the
    /// figure is built then.
    fn explorer_figure(&self, bundle: &Bundle, selection: &Selection) -> (Rc<ChartView>, Rc<TableView>, Rc<Caption>) {
        if selection.page == Page::KeyFigures {
            (self.chart.clone(), self.table.clone(), self.caption.clone())
        } else {
            parts(view::figure(bundle, selection))
        }
    }

    /// The same view over a new bundle (more providers, or the visitor's own dataset).
    fn with_bundle(self: Rc<Self>, bundle: Rc<Bundle>, selection: Selection) -> Rc<Self> {
        let mut selection = selection;
        selection.normalise(&bundle);
        let (chart, table, caption) = self.explorer_figure(&bundle, &selection);
        Rc::new(State { bundle, selection, chart, table, caption, ..(*self).clone() }.settled())
    }

    fn load_others(self: Rc<Self>) -> Rc<Self> {
        let data = self.selection.dataset(&self.bundle);
        let id = &data.info.id;
        let busy = matches!(&self.others, Some((d, Loading::Busy(_))) if d == id);
        if data.all_providers || data.info.others_file.is_empty() || busy {
            return self;
        }
        let others = Some((id.clone(), Loading::Busy("Loading every UK provider…".into())));
        Rc::new(State { others, ..(*self).clone() })
    }

    fn others_loaded(self: Rc<Self>, dataset: String, result: Result<String, String>) -> Rc<Self> {
        let loaded = result.and_then(|text| {
            let data = self.bundle.dataset(&dataset).ok_or_else(|| format!("no dataset {dataset}"))?;
            data.with_all_providers(&text).map_err(|e| e.to_string())
        });
        // The status speaks of one dataset: a load for another one under way keeps its own.
        let status_is_ours = self.others.as_ref().is_none_or(|(d, _)| *d == dataset);
        match loaded {
            Ok(data) => {
                let count = data.providers().len();
                let bundle = Rc::new(self.bundle.with_dataset(data));
                let others = if status_is_ours {
                    Some((dataset, Loading::Done(format!("{count} providers to choose from."))))
                } else {
                    self.others.clone()
                };
                let selection = self.selection.clone();
                Rc::new(State { others, ..(*self).clone() }).with_bundle(bundle, selection)
            }
            Err(e) if status_is_ours => Rc::new(State {
                others: Some((dataset, Loading::Failed(format!("Other UK providers could not be loaded: {e}")))),
                ..(*self).clone()
            }),
            Err(_) => self,
        }
    }

    fn open_files(self: Rc<Self>, batch: FileBatch) -> Rc<Self> {
        if batch.0.is_empty() || (self.opening.is_some() && self.files_refused) {
            return self;
        }
        if self.opening.is_some() {
            return Rc::new(State { files_refused: true, ..(*self).clone() });
        }
        let count = batch.0.len();
        let files = Some(Loading::Busy(format!("Reading {count} file{}…", if count == 1 { "" } else { "s" })));
        Rc::new(State { opening: Some(batch), files, ..(*self).clone() })
    }

    fn files_opened(self: Rc<Self>, opened: Result<Box<Dataset>, String>) -> Rc<Self> {
        // The visitor's own table wins over a dataset still being fetched.
        let done = State { opening: None, files_refused: false, dataset_load: None, ..(*self).clone() };
        let data = match opened {
            Ok(data) => data,
            Err(e) => return Rc::new(State { files: Some(Loading::Failed(e)), ..done }),
        };
        let id = data.info.id.clone();
        let title = data.info.title.clone();
        let years = data.years().len();
        let bundle = Rc::new(self.bundle.with_dataset(*data));
        let selection = self.selection.apply(&bundle, Action::SelectDataset(id.clone()));
        // Re-opening a table of the same id replaces it: start from its defaults.
        let selection = if selection.dataset == self.selection.dataset && id == self.selection.dataset {
            Selection { categories: bundle.dataset(&id).map(|d| d.info.default_categories.clone()).unwrap_or_default(), ..selection }
        } else {
            selection
        };
        let files = Some(Loading::Done(format!("Opened “{title}” ({years} year{}).", if years == 1 { "" } else { "s" })));
        Rc::new(State { files, ..done }).with_bundle(bundle, selection)
    }
}

impl PartialEq for State {
    /// Every field: the shared parts by identity (each is rebuilt whenever it changes), the rest
    /// by value.
    fn eq(&self, other: &Self) -> bool {
        let State {
            bundle,
            selection,
            chart,
            table,
            caption,
            notice,
            others,
            provider_search,
            table_sort,
            share_status,
            embed_open,
            files,
            opening,
            files_refused,
            drawer_open,
            dataset_load,
            sources,
            wanted,
            key_figures,
        } = self;
        Rc::ptr_eq(bundle, &other.bundle)
            && *selection == other.selection
            && Rc::ptr_eq(chart, &other.chart)
            && Rc::ptr_eq(table, &other.table)
            && Rc::ptr_eq(caption, &other.caption)
            && *notice == other.notice
            && *others == other.others
            && *provider_search == other.provider_search
            && *table_sort == other.table_sort
            && *share_status == other.share_status
            && *embed_open == other.embed_open
            && *files == other.files
            && *opening == other.opening
            && *files_refused == other.files_refused
            && *drawer_open == other.drawer_open
            && *dataset_load == other.dataset_load
            && Rc::ptr_eq(sources, &other.sources)
            && *wanted == other.wanted
            && match (key_figures, &other.key_figures) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (a, b) => a.is_none() && b.is_none(),
            }
    }
}

impl Reducible for State {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        match msg {
            Msg::Do(action) => self.act(action),
            Msg::RestoreQuery(query) => self.restore(query),
            Msg::DatasetLoaded { id, result } => self.dataset_loaded(id, result),
            Msg::DismissNotice if self.notice.is_none() => self,
            Msg::DismissNotice => Rc::new(State { notice: None, ..(*self).clone() }),
            Msg::LoadOthers => self.load_others(),
            Msg::OthersLoaded { dataset, result } => self.others_loaded(dataset, result),
            Msg::OpenFiles(batch) => self.open_files(batch),
            Msg::FilesProgress(text) => Rc::new(State { files: Some(Loading::Busy(text)), ..(*self).clone() }),
            Msg::FilesOpened(opened) => self.files_opened(opened),
            Msg::FindProvider(text) if text == self.provider_search => self,
            Msg::FindProvider(provider_search) => Rc::new(State { provider_search, ..(*self).clone() }),
            Msg::ShareStatus(share_status) => Rc::new(State { share_status, ..(*self).clone() }),
            Msg::Embed(open) if open == self.embed_open => self,
            Msg::Embed(embed_open) => Rc::new(State { embed_open, ..(*self).clone() }),
            Msg::SortTable(column) => {
                let table_sort = Some(TableSort::pressed(&self.table_sort, &self.table, column));
                Rc::new(State { table_sort, ..(*self).clone() })
            }
            Msg::ToggleDrawer => Rc::new(State { drawer_open: !self.drawer_open, ..(*self).clone() }),
            Msg::CloseDrawer if !self.drawer_open => self,
            Msg::CloseDrawer => Rc::new(State { drawer_open: false, ..(*self).clone() }),
            Msg::RetryDatasets if self.wanted.iter().all(|w| w.failed.is_none()) => self,
            Msg::RetryDatasets => {
                let mut state = (*self).clone();
                state.wanted.iter_mut().for_each(|w| w.failed = None);
                Rc::new(state)
            }
        }
    }
}
