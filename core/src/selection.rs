//! What the visitor has chosen, and the named actions that change it. This is the explorer's one
//! piece of state; the Yew reducer delegates here so every transition is tested natively.

use crate::dataset::{Bundle, Dataset};
use crate::lens::Lens;
use crate::manifest::CategoryKey;

/// How the chart shows the selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// One bar per partner: the selected categories summed. Drawn horizontally and ranked when
    /// the labels do not fit under vertical bars.
    Bars,
    /// One group of bars per partner, a bar per category.
    Grouped,
    /// One bar per partner, stacked by category (100% stacked with the share measure).
    Stacked,
    /// A line per partner (or per category for a single partner) over every year.
    Trend,
}

impl ChartKind {
    pub const ALL: [ChartKind; 4] = [ChartKind::Bars, ChartKind::Grouped, ChartKind::Stacked, ChartKind::Trend];

    /// The short name used in links and forms.
    pub fn id(self) -> &'static str {
        match self {
            ChartKind::Bars => "bars",
            ChartKind::Grouped => "grouped",
            ChartKind::Stacked => "stacked",
            ChartKind::Trend => "trend",
        }
    }

    pub fn from_id(id: &str) -> Option<ChartKind> {
        ChartKind::ALL.into_iter().find(|k| k.id() == id)
    }
}

/// What a figure means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Measure {
    /// The figures as published.
    Count,
    /// Each category as a percentage of the selected categories, within one partner and year.
    ShareOfSelection,
    /// Per 100 of a published total of the same partner and year (a percentage when the total
    /// includes the category), e.g. non-academic staff per 100 academic staff.
    PerHundred(CategoryKey),
    /// A percentage of HESA's published UK figure for the same categories and year.
    ShareOfUk,
    /// The change from a base year (`base`, e.g. `2014/15`): to the selected year on bars, to
    /// each year on a trend.
    Change { base: String, kind: ChangeKind },
    /// Starters minus leavers, of the same provider and year (a flows dataset only; signed).
    NetFlow,
    /// The selected figures over another dataset's figure of the same provider and year, e.g.
    /// academic staff per 100 students (see [`crate::view::cross`]); never across a missing side.
    Across(Cross),
}

/// A measure across two datasets (staff and students) of the same provider and year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cross {
    /// The selected staff per 100 students (all students, HESA Student Table 1).
    PerHundredStudents,
    /// The selected students per academic staff member (HESA Staff Table 1's total academic staff).
    StudentsPerAcademic,
}

/// How a [`Measure::Change`] is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// The difference, in the figures' own unit (`+320`).
    Absolute,
    /// The difference as a percentage of the base year's figure (`+54.2%`).
    Percent,
    /// The figure as a percentage of the base year's (base year = 100).
    Index,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 3] = [ChangeKind::Absolute, ChangeKind::Percent, ChangeKind::Index];

    /// Which charts a change is offered on: differences on bars (they may be negative, and never
    /// stack), the index on trends.
    pub fn fits(self, chart: ChartKind) -> bool {
        match self {
            ChangeKind::Absolute | ChangeKind::Percent => matches!(chart, ChartKind::Bars | ChartKind::Grouped),
            ChangeKind::Index => chart == ChartKind::Trend,
        }
    }
}

impl Measure {
    /// The base year of a change measure.
    pub fn base_year(&self) -> Option<&str> {
        match self {
            Measure::Change { base, .. } => Some(base),
            _ => None,
        }
    }
}

/// Which page the explorer shows: the explorer itself (filters, chart, table), or the compact
/// key figures for a web page's text (`?view=figures`, see [`crate::view::key_figures`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Explorer,
    /// The partners' key figures for one year (the selection's `year`, of the first dataset);
    /// every other choice is the baseline's and no action but the year's and the page's applies.
    KeyFigures,
}

impl Page {
    /// The name used in links (`?view=figures`).
    pub fn id(self) -> &'static str {
        match self {
            Page::Explorer => "explorer",
            Page::KeyFigures => "figures",
        }
    }

    pub fn from_id(id: &str) -> Option<Page> {
        [Page::Explorer, Page::KeyFigures].into_iter().find(|p| p.id() == id)
    }
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
    /// Other UK providers to compare with (UKPRNs, in the order chosen).
    pub others: Vec<String>,
    /// Selected categories, in dataset order. Never holds a total together with its own parts.
    pub categories: Vec<CategoryKey>,
    pub year: String,
    pub chart: ChartKind,
    pub measure: Measure,
    /// Show the all-UK total as a reference.
    pub compare_uk: bool,
    /// Show "UK, providers that reported" (the coverage's sums, not HESA's UK total).
    pub compare_uk_reported: bool,
    /// Add the selected partners together as one more bar or line.
    pub combine: bool,
    /// Series the visitor has hidden through the legend, by their key (the slug of their name
    /// without a year's own labels, see [`crate::view::SeriesView::key`]), so they stay hidden
    /// while they come and go and while the year changes.
    pub hidden: Vec<String>,
    pub tab: Tab,
    /// The explorer, or the key figures.
    pub page: Page,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SelectDataset(String),
    TogglePartner(String),
    AllPartners,
    NoPartners,
    /// Add or remove another UK provider (by UKPRN) to compare with.
    ToggleOther(String),
    ToggleCategory(CategoryKey),
    /// Select every category of a group that is not a total.
    AllInGroup(String),
    /// Clear every category of a group.
    NoneInGroup(String),
    SelectYear(String),
    SelectChart(ChartKind),
    SelectMeasure(Measure),
    /// The base year of a change measure (ignored unless one is chosen and the year fits).
    SetBaseYear(String),
    SetCompareUk(bool),
    SetCompareUkReported(bool),
    SetCombine(bool),
    /// Hide or show a series of the chart, by its [`crate::view::SeriesView::key`] (a series'
    /// name without a year's own labels, slugged here).
    ToggleSeries(String),
    SelectTab(Tab),
    /// A named view ([`Lens`]): its dataset and categories, every partner, its chart, counts; the
    /// tab stays. Ignored when the bundle lacks the lens's data.
    ApplyLens(Lens),
    /// Open the key figures (keeping the year when the first dataset has it), or go back to the
    /// explorer's first view.
    SelectPage(Page),
}

impl Selection {
    /// The explorer's first view (the bare URL): the technical-workforce lens, or
    /// [`Selection::baseline`] when the bundle lacks its data.
    pub fn initial(bundle: &Bundle) -> Selection {
        Selection::baseline(bundle).apply(bundle, Action::ApplyLens(Lens::Technical))
    }

    /// The view links are written against (see [`crate::url_state`]): the first dataset, every
    /// partner, the newest year, the dataset's default categories and chart. It was the first
    /// view before the lens became it, so links written then keep their meaning.
    pub fn baseline(bundle: &Bundle) -> Selection {
        let dataset = &bundle.datasets[0];
        let categories = default_categories(dataset);
        Selection {
            dataset: dataset.info.id.clone(),
            partners: bundle.manifest.partners.iter().map(|p| p.ukprn.clone()).collect(),
            others: Vec::new(),
            chart: default_chart(categories.len()),
            categories,
            year: dataset.years().last().cloned().unwrap_or_default(),
            measure: Measure::Count,
            compare_uk: false,
            compare_uk_reported: false,
            combine: false,
            hidden: Vec::new(),
            tab: Tab::Chart,
            page: Page::Explorer,
        }
    }

    /// Whether this is the lens's view (on either tab).
    pub fn is_lens(&self, bundle: &Bundle, lens: Lens) -> bool {
        self.page == Page::Explorer && lens.data(bundle).is_some() && self.apply(bundle, Action::ApplyLens(lens)) == *self
    }

    /// Every dataset the view reads (by id), whether loaded or not: the one shown, or on the key
    /// figures each dataset they quote. The page fetches those not loaded yet.
    pub fn datasets_read(&self) -> Vec<String> {
        match (self.page, &self.measure) {
            (Page::KeyFigures, _) => crate::view::key_figures::DATASETS.iter().map(|d| d.to_string()).collect(),
            (Page::Explorer, Measure::Across(cross)) => vec![self.dataset.clone(), cross.base().dataset.to_string()],
            (Page::Explorer, _) => vec![self.dataset.clone()],
        }
    }

    /// The selected dataset (the first one if the id is unknown).
    pub fn dataset<'a>(&self, bundle: &'a Bundle) -> &'a Dataset {
        bundle.dataset(&self.dataset).unwrap_or(&bundle.datasets[0])
    }

    /// The state after `action`. Unknown ids are ignored, so a stale action cannot corrupt it.
    pub fn apply(&self, bundle: &Bundle, action: Action) -> Selection {
        if self.page == Page::KeyFigures {
            // The key figures have a year and nothing else to choose.
            return match action {
                Action::SelectPage(Page::Explorer) => Selection::initial(bundle),
                Action::SelectYear(year) if self.dataset(bundle).year_index(&year).is_some() => Selection { year, ..self.clone() },
                _ => self.clone(),
            };
        }
        let mut next = self.clone();
        let data = self.dataset(bundle);
        match action {
            Action::SelectDataset(id) => {
                if let Some(new) = bundle.dataset(&id) {
                    if id != self.dataset {
                        next.dataset = id;
                        next.categories = default_categories(new);
                        next.chart = if self.chart == ChartKind::Trend { ChartKind::Trend } else { default_chart(next.categories.len()) };
                        next.hidden.clear();
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
                }
            }
            Action::ToggleOther(ukprn) => {
                if self.others.contains(&ukprn) {
                    next.others.retain(|o| *o != ukprn);
                } else if !ukprn.is_empty() {
                    next.others.push(ukprn);
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
                            // Neither the group's own categories nor a table-wide total.
                            !(c.total && c.group.is_empty()) && c.group != group
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
            Action::SelectMeasure(measure) => next.measure = measure,
            Action::SetBaseYear(year) => {
                if let Measure::Change { kind, .. } = &self.measure {
                    if self.base_years(bundle).contains(&year) {
                        next.measure = Measure::Change { base: year, kind: *kind };
                    }
                }
            }
            Action::SetCompareUk(on) => next.compare_uk = on,
            Action::SetCompareUkReported(on) => next.compare_uk_reported = on,
            Action::SetCombine(on) => next.combine = on,
            Action::ToggleSeries(name) => {
                let key = crate::slug::slug(&name);
                if next.hidden.contains(&key) {
                    next.hidden.retain(|h| *h != key);
                } else if !key.is_empty() {
                    next.hidden.push(key);
                }
            }
            Action::SelectTab(tab) => next.tab = tab,
            Action::SelectPage(Page::Explorer) => {}
            Action::SelectPage(Page::KeyFigures) => next.page = Page::KeyFigures,
            Action::ApplyLens(lens) => {
                if let Some(new) = lens.data(bundle) {
                    next = Selection {
                        dataset: new.info.id.clone(),
                        partners: bundle.manifest.partners.iter().map(|p| p.ukprn.clone()).collect(),
                        others: Vec::new(),
                        categories: lens.categories(),
                        year: new.years().last().cloned().unwrap_or_default(),
                        chart: ChartKind::Trend,
                        measure: Measure::Count,
                        compare_uk: false,
                        compare_uk_reported: false,
                        combine: false,
                        hidden: Vec::new(),
                        tab: self.tab,
                        page: Page::Explorer,
                    };
                }
            }
        }
        next.normalise(bundle);
        next
    }

    /// Puts lists in their canonical order and drops choices the data cannot support, so that
    /// equal views are equal values (and encode to the same link).
    pub fn normalise(&mut self, bundle: &Bundle) {
        if self.page == Page::KeyFigures {
            // Only the year is the visitor's: the rest is the baseline's, so one year's key
            // figures are one value (and one link).
            let year = std::mem::take(&mut self.year);
            *self = Selection { page: Page::KeyFigures, ..Selection::baseline(bundle) };
            if self.dataset(bundle).year_index(&year).is_some() {
                self.year = year;
            }
            return;
        }
        let data = self.dataset(bundle);
        // Canonical order without sorting: walk the manifest's and the dataset's own lists.
        self.partners =
            bundle.manifest.partners.iter().filter(|p| self.partners.contains(&p.ukprn)).map(|p| p.ukprn.clone()).collect();
        self.categories = data.categories().iter().map(|c| c.key()).filter(|k| self.categories.contains(k)).collect();
        // Other providers: never a partner, the UK total or twice; unknown ones are dropped once
        // every provider is loaded (until then they may still arrive).
        let mut others: Vec<String> = Vec::new();
        for o in &self.others {
            let partner = bundle.manifest.partners.iter().any(|p| p.ukprn == *o);
            let known = !data.all_providers || data.provider_index(o).is_some();
            if !partner && known && o != crate::manifest::UK_TOTAL_KEY && !others.contains(o) {
                others.push(o.clone());
            }
        }
        self.others = others;
        if data.year_index(&self.year).is_none() {
            self.year = data.years().last().cloned().unwrap_or_default();
        }
        // A change whose base year no longer fits (another dataset, a year now before it) keeps
        // its kind from the first year on; a measure that does not fit the chart is dropped.
        if let Measure::Change { base, kind } = &self.measure {
            if !self.base_years(bundle).contains(base) {
                self.measure = Measure::Change { base: data.years().first().cloned().unwrap_or_default(), kind: *kind };
            }
        }
        if self.chart == ChartKind::Stacked && crate::view::flows::is_flows(&data.info) {
            // Stocks and flows never add up: side by side instead.
            self.chart = ChartKind::Grouped;
        }
        if data.coverage().is_none() {
            self.compare_uk_reported = false;
        }
        if !self.measures(bundle).contains(&self.measure) {
            self.measure = Measure::Count;
        }
        self.hidden = crate::sort::ascending(std::mem::take(&mut self.hidden));
        self.hidden.dedup();
    }

    /// Whether the trend draws a line per category (one partner, several categories) rather than
    /// a line per partner.
    pub fn trend_by_category(&self) -> bool {
        self.partners.len() == 1 && !self.combine && self.categories.len() > 1 && self.measure != Measure::NetFlow
    }

    /// The measures that make sense for this dataset and chart. A share of the selection needs
    /// several categories side by side within a partner; it is never taken across partners.
    pub fn measures(&self, bundle: &Bundle) -> Vec<Measure> {
        let data = self.dataset(bundle);
        let mut out = vec![Measure::Count];
        let categories_side_by_side = match self.chart {
            ChartKind::Grouped | ChartKind::Stacked => true,
            ChartKind::Bars => false,
            ChartKind::Trend => self.trend_by_category(),
        };
        let flows = crate::view::flows::is_flows(&data.info);
        if categories_side_by_side && self.categories.len() > 1 && !flows {
            out.push(Measure::ShareOfSelection);
        }
        out.extend(data.categories().iter().filter(|c| c.total).map(|c| Measure::PerHundred(c.key())));
        // Flows: per 100 staff at the start of the year, and starters minus leavers (one figure
        // per provider: on plain bars and on a line per provider).
        out.extend(data.info.rate_base.clone().map(Measure::PerHundred));
        if crate::view::flows::flow_parts(data).is_some() && matches!(self.chart, ChartKind::Bars | ChartKind::Trend) {
            out.push(Measure::NetFlow);
        }
        // Across datasets (staff and students), where the manifest has the other side: it is
        // fetched when chosen.
        out.extend(Cross::ALL.into_iter().filter(|c| c.offered(bundle, &data.info.id)).map(Measure::Across));
        // A share of the UK per bar or line, never stacked (shares of different bases do not add).
        if self.chart != ChartKind::Stacked && data.provider_index(crate::manifest::UK_TOTAL_KEY).is_some() {
            out.push(Measure::ShareOfUk);
        }
        let bases = self.base_years(bundle);
        let base = match self.measure.base_year() {
            Some(b) if bases.iter().any(|y| y == b) => Some(b.to_string()),
            _ => bases.first().cloned(),
        };
        if let Some(base) = base {
            out.extend(ChangeKind::ALL.into_iter().filter(|k| k.fits(self.chart)).map(|kind| Measure::Change { base: base.clone(), kind }));
        }
        out
    }

    /// The years a change may start from: any year on a trend, a year before the selected one
    /// on bars.
    pub fn base_years(&self, bundle: &Bundle) -> Vec<String> {
        let years = self.dataset(bundle).years();
        if self.chart == ChartKind::Trend {
            years.to_vec()
        } else {
            years.iter().take_while(|y| **y != self.year).cloned().collect()
        }
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

/// Stacked bars for several categories, plain bars for one.
fn default_chart(categories: usize) -> ChartKind {
    if categories > 1 {
        ChartKind::Stacked
    } else {
        ChartKind::Bars
    }
}
