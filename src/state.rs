//! The explorer's one piece of state and its reducer. Selection transitions live in
//! `workforce_core::selection` (tested natively); this adapts them to Yew and adds what belongs
//! to the page: restoring a state from the URL, and the notice about ignored link settings.

use std::rc::Rc;

use workforce_core::selection::{Action, Selection};
use workforce_core::url_state;
use workforce_core::view::{self, Caption, ChartView, Figure, TableView};
use workforce_core::Bundle;
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
    /// Opening the visitor's own files.
    pub files: Option<Loading>,
}

/// Where a load stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Loading {
    /// Under way, with what to say meanwhile.
    Busy(String),
    Done(String),
    Failed(String),
}

/// A change to the state.
#[derive(Debug, Clone)]
pub enum Msg {
    /// A visitor's action.
    Do(Action),
    /// Back or forward in the browser: the state a URL encodes.
    Restore(Selection),
    DismissNotice,
    /// Fetching every other UK provider for a dataset has started.
    OthersLoading(String),
    /// The on-demand file of every other UK provider arrived (its text), or could not be had.
    OthersLoaded { dataset: String, result: Result<String, String> },
    /// Reading the visitor's own files: progress to show.
    FilesProgress(String),
    /// The visitor's own files, opened as a dataset (or why not).
    FilesOpened(Result<Box<workforce_core::Dataset>, String>),
}

/// The figure's parts, each behind its own `Rc` so a component re-renders only when its part changes.
fn parts(figure: Figure) -> (Rc<ChartView>, Rc<TableView>, Rc<Caption>) {
    (Rc::new(figure.chart), Rc::new(figure.table), Rc::new(figure.caption))
}

impl State {
    /// The state a page URL's query string asks for.
    pub fn from_query(bundle: Rc<Bundle>, query: &str) -> State {
        let decoded = url_state::decode(&bundle, query);
        let notice = (!decoded.ignored.is_empty())
            .then(|| format!("Some settings in the link were ignored: {}.", workforce_core::format::list(&decoded.ignored)));
        let (chart, table, caption) = parts(view::figure(&bundle, &decoded.selection));
        State { bundle, selection: decoded.selection, chart, table, caption, notice, others: None, files: None }
    }

    fn with_selection(self: Rc<Self>, selection: Selection) -> Rc<Self> {
        if selection == self.selection {
            return self;
        }
        // Only the tab changed: the figures are the same.
        if (Selection { tab: self.selection.tab, ..selection.clone() }) == self.selection {
            return Rc::new(State { selection, ..(*self).clone() });
        }
        let (chart, table, caption) = parts(view::figure(&self.bundle, &selection));
        Rc::new(State { selection, chart, table, caption, ..(*self).clone() })
    }

    /// The same view over a new bundle (more providers, or the visitor's own dataset).
    fn with_bundle(self: Rc<Self>, bundle: Rc<Bundle>, selection: Selection) -> Rc<Self> {
        let mut selection = selection;
        selection.normalise(&bundle);
        let (chart, table, caption) = parts(view::figure(&bundle, &selection));
        Rc::new(State { bundle, selection, chart, table, caption, ..(*self).clone() })
    }
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.bundle, &other.bundle) && self.selection == other.selection && self.notice == other.notice
    }
}

impl Reducible for State {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        match msg {
            Msg::Do(action) => {
                let selection = self.selection.apply(&self.bundle, action);
                self.with_selection(selection)
            }
            Msg::Restore(mut selection) => {
                selection.normalise(&self.bundle);
                self.with_selection(selection)
            }
            Msg::DismissNotice => Rc::new(State { notice: None, ..(*self).clone() }),
            Msg::OthersLoading(dataset) => {
                Rc::new(State { others: Some((dataset, Loading::Busy("Loading every UK provider…".into()))), ..(*self).clone() })
            }
            Msg::OthersLoaded { dataset, result } => {
                let loaded = result.and_then(|text| {
                    let data = self.bundle.dataset(&dataset).ok_or_else(|| format!("no dataset {dataset}"))?;
                    data.with_all_providers(&text).map_err(|e| e.to_string())
                });
                match loaded {
                    Ok(data) => {
                        let count = data.providers().len();
                        let bundle = Rc::new(self.bundle.with_dataset(data));
                        let state = Rc::new(State {
                            others: Some((dataset, Loading::Done(format!("{count} providers to choose from.")))),
                            ..(*self).clone()
                        });
                        let selection = state.selection.clone();
                        state.with_bundle(bundle, selection)
                    }
                    Err(e) => Rc::new(State {
                        others: Some((dataset, Loading::Failed(format!("Other UK providers could not be loaded: {e}")))),
                        ..(*self).clone()
                    }),
                }
            }
            Msg::FilesProgress(text) => Rc::new(State { files: Some(Loading::Busy(text)), ..(*self).clone() }),
            Msg::FilesOpened(Ok(data)) => {
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
                let state = Rc::new(State {
                    files: Some(Loading::Done(format!("Opened “{title}” ({years} year{}).", if years == 1 { "" } else { "s" }))),
                    ..(*self).clone()
                });
                state.with_bundle(bundle, selection)
            }
            Msg::FilesOpened(Err(e)) => Rc::new(State { files: Some(Loading::Failed(e)), ..(*self).clone() }),
        }
    }
}
