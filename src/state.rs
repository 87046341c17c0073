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
}

/// A change to the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A visitor's action.
    Do(Action),
    /// Back or forward in the browser: the state a URL encodes.
    Restore(Selection),
    DismissNotice,
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
        State { bundle, selection: decoded.selection, chart, table, caption, notice }
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
        Rc::new(State { bundle: self.bundle.clone(), selection, chart, table, caption, notice: self.notice.clone() })
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
        }
    }
}
