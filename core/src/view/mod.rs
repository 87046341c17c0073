//! The view model: from the bundle and the selection to what the page shows — the chart's bars or
//! lines, the table's cells and the caption's words. Every figure comes from [`figures`].

pub mod coverage;
pub mod cross;
pub mod figures;
pub mod flows;
pub mod key_figures;
mod opt_out;
mod title;
pub mod year_labels;

use std::collections::BTreeMap;

use crate::dataset::{Bundle, Dataset};
use crate::format;
use crate::manifest::CategoryKey;
use crate::manifest::UK_TOTAL_KEY;
use crate::palette::{self, Rgb};
use crate::selection::{ChangeKind, ChartKind, Measure, Selection};
pub use figures::{Entity, Point, Status, MIN_BASE};
use figures::Figures;

/// Everything the figure area shows for one selection.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub chart: ChartView,
    pub table: TableView,
    pub caption: Caption,
}

/// How a figure is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Count,
    Percent,
    PerHundred,
    /// A signed difference in the figures' own unit (`+320`, `−15`).
    Change,
    /// A signed difference in percent (`+54.2%`).
    PercentChange,
}

impl Unit {
    pub fn format(self, value: f64) -> String {
        match self {
            Unit::Count => format::number(value),
            Unit::Percent => format!("{}%", format::decimal(value, 1)),
            Unit::PerHundred => format::decimal(value, 1),
            Unit::Change => crate::signed::number(value),
            Unit::PercentChange => format!("{}%", crate::signed::decimal(value, 1)),
        }
    }

    /// The figure, or what stands in its place.
    pub fn point(self, p: Point) -> String {
        match (p.value, p.status) {
            (Some(v), Status::Incomplete) => format!("{} (incomplete)", self.format(v)),
            (Some(v), _) => self.format(v),
            (None, Status::BaseTooSmall) => format!("not shown: {SMALL_BASE}"),
            (None, Status::BaseIncomplete) => "not shown: the base was not reported in full".to_string(),
            (None, Status::SeriesBreak) => "not shown: the provider did not report in full in every year compared".to_string(),
            (None, _) => "not reported".to_string(),
        }
    }
}

/// Why a percentage on a small base is not shown, in a reader's words.
pub const SMALL_BASE: &str = "HESA does not publish percentages of very small numbers (fewer than 22.5)";

/// What a row of the chart stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Partner,
    /// Another UK provider, chosen to compare with.
    Other,
    /// The selected partners added together.
    Combined,
    /// The all-UK total, a reference.
    Uk,
    /// "UK, providers that reported": the coverage's sums, a reference apart from the UK total.
    UkReported,
    /// A year (trend charts).
    Year,
}

/// Which comparator a reference series is: each is drawn its own way and named in the legend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparator {
    /// HESA's published UK total.
    UkTotal,
    /// "UK, providers that reported" (see [`coverage`]).
    UkReported,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartView {
    pub kind: ChartKind,
    pub title: String,
    /// What the value axis shows, e.g. `Headcount` or `% of all staff`.
    pub y_label: String,
    pub unit: Unit,
    /// One label per bar or group (or per year on a trend).
    pub labels: Vec<String>,
    pub row_kinds: Vec<RowKind>,
    pub series: Vec<SeriesView>,
    /// A reference drawn across the bars: `(label, value)`, e.g. the UK total.
    pub reference: Option<(String, f64)>,
    /// The year the bars show (empty on a trend, whose rows are years).
    pub year: String,
    /// Set when there is nothing to draw, saying why.
    pub empty: Option<String>,
    /// A text alternative stating what the chart shows.
    pub alt: String,
    /// Labelled rules a trend draws between years where the series change what they count:
    /// `(index of the first year after the break, label)`, e.g. HESA's non-academic opt-out.
    pub breaks: Vec<(usize, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SeriesView {
    pub name: String,
    /// What the legend hides it by ([`Action::ToggleSeries`]): the slug of its name without a
    /// year's own labels, so a salary band stays hidden when the year (and its £ thresholds) change.
    pub key: String,
    pub colour: Rgb,
    /// A colour per point, when the points are different partners (bars by partner).
    pub point_colours: Option<Vec<Rgb>>,
    pub points: Vec<Point>,
    /// A comparator line (the UK total dashed, the sum over reporting providers dotted), or
    /// `None` for a partner, another provider or a category.
    pub reference: Option<Comparator>,
    /// Hidden by the visitor through the legend.
    pub hidden: bool,
}

impl SeriesView {
    pub fn value(&self, row: usize) -> Option<f64> {
        self.points.get(row).and_then(|p| p.value)
    }

    pub fn colour_at(&self, row: usize) -> Rgb {
        self.point_colours.as_ref().and_then(|c| c.get(row).copied()).unwrap_or(self.colour)
    }
}

impl ChartView {
    /// The same chart with every colour as drawn on `surface` ([`palette::on_surface`]): the
    /// canvas, the page's legend and the tips read the same colours.
    pub fn on_surface(&self, surface: palette::Surface) -> ChartView {
        let mut out = self.clone();
        for s in &mut out.series {
            s.colour = palette::on_surface(s.colour, surface);
            if let Some(colours) = s.point_colours.as_mut() {
                for c in colours.iter_mut() {
                    *c = palette::on_surface(*c, surface);
                }
            }
        }
        out
    }

    /// The largest value the axis must reach (a stack's height when stacked).
    pub fn max_value(&self) -> f64 {
        let visible = || self.series.iter().filter(|s| !s.hidden);
        let rows = (0..self.labels.len()).map(|i| {
            if self.kind == ChartKind::Stacked {
                visible().filter_map(|s| s.value(i)).sum::<f64>()
            } else {
                visible().filter_map(|s| s.value(i)).fold(0.0, f64::max)
            }
        });
        rows.chain(self.reference.iter().map(|r| r.1)).fold(0.0, f64::max)
    }

    /// The smallest value the axis must reach: 0, or below it where a change is a fall (changes
    /// are never stacked).
    pub fn min_value(&self) -> f64 {
        let values = self.series.iter().filter(|s| !s.hidden).flat_map(|s| s.points.iter().filter_map(|p| p.value));
        values.chain(self.reference.iter().map(|r| r.1)).fold(0.0, f64::min)
    }

    /// What a bar, segment or point says when hovered or focused.
    pub fn describe(&self, row: usize, series: usize) -> String {
        let (Some(label), Some(s)) = (self.labels.get(row), self.series.get(series)) else { return String::new() };
        let point = s.points.get(row).copied().unwrap_or(Point::NOT_REPORTED);
        let mut parts = vec![label.clone()];
        if self.series.len() > 1 || self.kind != ChartKind::Bars {
            parts.push(s.name.clone());
        }
        if !self.year.is_empty() {
            parts.push(self.year.clone());
        }
        format!("{}: {}", parts.join(", "), self.unit.point(point))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableView {
    /// The first column's heading (`Partner` or `Year`).
    pub row_heading: String,
    pub columns: Vec<String>,
    pub unit: Unit,
    pub rows: Vec<TableRow>,
    /// The selected partners together, when more than one is selected.
    pub total: Option<TableRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub label: String,
    pub cells: Vec<Point>,
}

/// The words around a figure, one field each: the caption on the page, the downloads, the
/// citation and the embed snippet all read these fields and never split a sentence back apart.
#[derive(Debug, Clone, PartialEq)]
pub struct Caption {
    /// What the chart shows, built from the selection (what, measure, who; [`Caption::heading`]
    /// adds when): `Academic staff as a % of the UK, Aston, Keele and Warwick`.
    pub title: String,
    /// What is counted and how it is measured, in plain sentences: `Headcount of academic and
    /// non-academic staff. Percentages of all staff at each provider in the same year.`
    pub subtitle: String,
    /// The dataset's own name: `Staff headcount by occupation`.
    pub dataset: String,
    /// The academic year shown (`2023/24`), or the years of a trend (`2014/15 to 2023/24`).
    pub period: String,
    /// Every provider shown, in the chart's order: partners, other UK providers, the partners
    /// together, the UK total.
    pub providers: Vec<String>,
    /// The HESA tables the figures come from, each with its own link: one, or two for a measure
    /// across datasets.
    pub sources: Vec<Source>,
    /// `CC BY 4.0`.
    pub licence: String,
    /// HESA's rounding note.
    pub rounding: String,
    /// The notes under the figure, in reading order (a lens's definition, HESA's opt-out, what was
    /// not reported, coverage, then sources, counts and figures not drawn), each a caution on the
    /// figures or not ([`Note::caution`]).
    pub notes: Vec<Note>,
}

/// A sentence under the figure. It reads as its text (`note.contains(…)`, `note == "…"`).
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub text: String,
    /// A caution on the figures themselves: some were not reported, a sum misses providers, a
    /// series breaks. The page sets these apart; the rest say what the figures are.
    pub caution: bool,
}

impl Note {
    pub fn caution(text: String) -> Note {
        Note { text, caution: true }
    }

    pub fn info(text: String) -> Note {
        Note { text, caution: false }
    }
}

impl std::ops::Deref for Note {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl PartialEq<&str> for Note {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

impl PartialEq<String> for Note {
    fn eq(&self, other: &String) -> bool {
        self.text == *other
    }
}

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// One HESA table a figure is read from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Source {
    /// `HESA DT025 Table 1`.
    pub table: String,
    /// HESA's own title for the table.
    pub title: String,
    pub link: String,
}

impl Source {
    fn of(info: &crate::manifest::DatasetInfo) -> Source {
        Source { table: format!("HESA {}", info.source_table), title: info.source_title.clone(), link: info.source_link.clone() }
    }
}

impl Caption {
    /// `HESA DT051 Table 1 and HESA DT025 Table 1`.
    pub fn source_tables(&self) -> String {
        let tables: Vec<&str> = self.sources.iter().map(|s| s.table.as_str()).collect();
        format::list(&tables)
    }

    /// The title with its period: `Staff headcount by occupation, 2023/24`.
    pub fn heading(&self) -> String {
        if self.period.is_empty() {
            self.title.clone()
        } else {
            format!("{}, {}", self.title, self.period)
        }
    }

    /// `Dataset: Staff headcount by occupation.`
    pub fn dataset_line(&self) -> String {
        format!("Dataset: {}.", self.dataset)
    }

    /// `Shown: Aston, Keele and UK (all providers).`, or empty when nothing is shown.
    pub fn shown(&self) -> String {
        if self.providers.is_empty() {
            String::new()
        } else {
            format!("Shown: {}.", format::list(&self.providers))
        }
    }

    /// `Source: HESA DT025 Table 1, CC BY 4.0`.
    pub fn source_line(&self) -> String {
        if self.licence.is_empty() {
            format!("Source: {}", self.source_tables())
        } else {
            format!("Source: {}, {}", self.source_tables(), self.licence)
        }
    }
}

pub const ROUNDING_NOTE: &str = "HESA rounds each figure to the nearest multiple of 5, so totals may differ from the sum of their parts; no percentage or ratio is shown on a base under 22.5.";

/// Entity colours: each partner keeps its colour in every chart.
fn entity_colour(bundle: &Bundle, data: &Dataset, entity: Entity) -> Rgb {
    match entity {
        Entity::Combined => palette::COMBINED,
        Entity::UkReported => coverage::UK_REPORTED_COLOUR,
        Entity::Provider(p) => {
            let key = &data.providers()[p].key;
            match bundle.manifest.partners.iter().position(|m| m.ukprn == *key) {
                Some(i) => palette::partner_colour(i),
                None if key == UK_TOTAL_KEY => palette::UK,
                None => palette::other_colour(data.providers().iter().take(p).filter(|q| q.key != UK_TOTAL_KEY).count()),
            }
        }
    }
}

/// Builds the figure for a selection.
pub fn figure(bundle: &Bundle, selection: &Selection) -> Figure {
    let data = selection.dataset(bundle);
    let names = Names { bundle, data };
    let partners: Vec<usize> = selection.partners.iter().filter_map(|u| data.provider_index(u)).collect();
    let categories: Vec<usize> = selection.categories.iter().filter_map(|k| data.category_index(k)).collect();
    let uk = data.provider_index(UK_TOTAL_KEY).filter(|_| selection.compare_uk);
    let trend = selection.chart == ChartKind::Trend;
    let year = data.year_index(&selection.year).or(data.years().len().checked_sub(1));
    let years: Vec<usize> = if trend { (0..data.years().len()).collect() } else { year.into_iter().collect() };
    let year_text = if trend {
        match (data.years().first(), data.years().last()) {
            (Some(a), Some(b)) if a != b => format!("{a} to {b}"),
            (Some(a), _) => a.clone(),
            _ => String::new(),
        }
    } else {
        year.map(|y| data.years()[y].clone()).unwrap_or_default()
    };
    let measure = &selection.measure;
    let (unit, y_label) = measure_unit(data, measure, &categories);

    let mut caption = Caption {
        title: String::new(),
        subtitle: title::subtitle(data, selection, &categories, &y_label),
        dataset: data.info.title.clone(),
        period: year_text.clone(),
        providers: Vec::new(),
        sources: vec![Source::of(&data.info)],
        licence: data.info.licence.clone(),
        rounding: ROUNDING_NOTE.to_string(),
        notes: Vec::new(),
    };
    let partner_names: Vec<String> = partners.iter().map(|&p| names.provider(p)).collect();
    let who = |uk: bool| title::Who {
        partners: partner_names.iter().map(String::as_str).collect(),
        all_partners: bundle.manifest.partners.len(),
        others: Vec::new(),
        uk,
    };
    caption.title = title::title(data, selection, &categories, &y_label, &who(false));
    let title = caption.heading();
    let empty_reason = if partners.is_empty() {
        Some("Choose at least one partner to see figures.")
    } else if categories.is_empty() {
        Some("Choose at least one category to see figures.")
    } else if years.is_empty() {
        Some("This dataset has no years.")
    } else {
        None
    };
    if let Some(reason) = empty_reason {
        return empty_figure(selection.chart, title, y_label, unit, reason.to_string(), caption);
    }
    // Across datasets: the other side's source, and nothing drawn until it is loaded.
    let cross_base = cross::base_of(bundle, measure);
    if let Measure::Across(c) = measure {
        let base = c.base();
        if let Some(info) = bundle.manifest.dataset(base.dataset) {
            caption.sources.push(Source::of(info));
            if cross_base.is_none() {
                return empty_figure(selection.chart, title, y_label, unit, format!("Loading {}…", info.title), caption);
            }
        }
    }

    // Every figure needed: the selected categories, and the base of a per-100 measure.
    let mut needed = categories.clone();
    if let Measure::PerHundred(key) = measure {
        if let Some(t) = data.category_index(key) {
            if !needed.contains(&t) {
                needed.push(t);
            }
        }
    }
    if *measure == Measure::NetFlow {
        if let Some(parts) = flows::flow_parts(data) {
            needed.retain(|&c| c != parts.starters && c != parts.leavers);
            needed.extend([parts.starters, parts.leavers]);
        }
    }
    if let Some(reason) = flows::not_summable(data, selection, categories.len()) {
        return empty_figure(selection.chart, title, y_label, unit, reason.to_string(), caption);
    }
    let others: Vec<usize> = selection.others.iter().filter_map(|u| data.provider_index(u)).collect();
    let mut providers = partners.clone();
    providers.extend(others.iter().copied());
    providers.extend(uk.or_else(|| measure_needs_uk(data, measure)));
    let read = years_read(data, measure, &years);
    // HESA's non-academic opt-out, when these figures cross it: said once, in its own note.
    let opt_out = opt_out::OptOut::find(&names, data).filter(|o| o.involves(&needed, &read));
    let mut figs = Figures::read(data, providers, partners.clone(), needed, read);
    figs.cross = cross_base;
    if let Some(o) = &opt_out {
        figs.missing.retain(|m| !o.explains(m));
    }

    let mut entities: Vec<(Entity, RowKind)> = partners.iter().map(|&p| (Entity::Provider(p), RowKind::Partner)).collect();
    entities.extend(others.iter().map(|&p| (Entity::Provider(p), RowKind::Other)));
    if selection.combine && partners.len() > 1 {
        entities.push((Entity::Combined, RowKind::Combined));
    }
    let uk_reported = coverage::offered(data, selection);
    if uk_reported {
        entities.push((Entity::UkReported, RowKind::UkReported));
    }
    // As a share of the UK, the UK itself would be 100%: no row.
    let uk_row = uk.filter(|_| *measure != Measure::ShareOfUk).map(|u| (Entity::Provider(u), RowKind::Uk));
    let entity_name = |e: Entity| match e {
        Entity::Provider(p) => names.provider(p),
        Entity::Combined => format!("{} partners together", partners.len()),
        Entity::UkReported => coverage::UK_REPORTED_NAME.to_string(),
    };
    let hidden = |key: &str| selection.hidden.iter().any(|h| h == key);

    // Categories are named with the year's own labels (salary bands' £ thresholds) for one year.
    let one_year = if trend { None } else { years.first().copied() };
    // A series per selected category: academic ones in blues, non-academic in oranges (by their
    // place in their group), others in the categorical colours by their place in the selection.
    let category_series = |points: &dyn Fn(usize) -> Vec<Point>| -> Vec<SeriesView> {
        let mut colours: Vec<Rgb> = categories
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                let info = &data.categories()[c];
                let in_group = data.categories()[..c].iter().filter(|o| o.group == info.group).count();
                palette::category_colour(&info.group, in_group, i)
            })
            .collect();
        palette::make_distinct(&mut colours);
        categories
            .iter()
            .zip(colours)
            .map(|(&c, colour)| {
                let name = year_labels::name(data, c, one_year);
                let key = crate::slug::slug(&year_labels::name(data, c, None));
                SeriesView { hidden: hidden(&key), key, name, colour, point_colours: None, points: points(c), reference: None }
            })
            .collect()
    };
    // Entities in order, partners first, so a repeated colour is given up by an other provider.
    let entity_colours = |rows: &[(Entity, RowKind)]| -> Vec<Rgb> {
        let mut colours: Vec<Rgb> = rows.iter().map(|&(e, _)| entity_colour(bundle, data, e)).collect();
        palette::make_distinct(&mut colours);
        colours
    };
    let mut reference = None;
    // Every provider shown, in the chart's order (for the caption).
    let mut shown: Vec<String>;
    let (labels, row_kinds, series, row_heading): (Vec<String>, Vec<RowKind>, Vec<SeriesView>, &str) = match selection.chart {
        ChartKind::Bars => {
            let rows = entities.clone();
            let name = summed_name(data, &categories, &y_label, measure, one_year);
            let points: Vec<Point> = rows.iter().map(|&(e, _)| figs.measure(e, years[0], &categories, &categories, measure)).collect();
            shown = rows.iter().map(|&(e, _)| entity_name(e)).collect();
            if let Some((e, _)) = uk_row {
                if let Some(v) = figs.measure(e, years[0], &categories, &categories, measure).value {
                    reference = Some((format!("UK {}", unit.format(v)), v));
                    shown.push(entity_name(e));
                }
            }
            // One series, one colour: the bars are told apart by their labels. Only the partners
            // together and the sector comparator, different kinds of bar, keep their own colour.
            let own_colour = |kind: RowKind| match kind {
                RowKind::Combined => Some(palette::COMBINED),
                RowKind::UkReported => Some(coverage::UK_REPORTED_COLOUR),
                _ => None,
            };
            let point_colours = rows
                .iter()
                .any(|r| own_colour(r.1).is_some())
                .then(|| rows.iter().map(|r| own_colour(r.1).unwrap_or(palette::SINGLE)).collect());
            let key = crate::slug::slug(&summed_name(data, &categories, &y_label, measure, None));
            let series =
                vec![SeriesView { hidden: hidden(&key), key, name, colour: palette::SINGLE, point_colours, points, reference: None }];
            (rows.iter().map(|&(e, _)| entity_name(e)).collect(), rows.iter().map(|r| r.1).collect(), series, "Partner")
        }
        ChartKind::Grouped | ChartKind::Stacked => {
            let mut rows = entities.clone();
            rows.extend(uk_row);
            let series = category_series(&|c| rows.iter().map(|&(e, _)| figs.measure(e, years[0], &[c], &categories, measure)).collect());
            shown = rows.iter().map(|&(e, _)| entity_name(e)).collect();
            (shown.clone(), rows.iter().map(|r| r.1).collect(), series, "Partner")
        }
        ChartKind::Trend => {
            let labels: Vec<String> = years.iter().map(|&y| data.years()[y].clone()).collect();
            let series: Vec<SeriesView> = if selection.trend_by_category() {
                let e = entities[0].0;
                shown = vec![entity_name(e)];
                category_series(&|c| years.iter().map(|&y| figs.measure(e, y, &[c], &categories, measure)).collect())
            } else {
                let mut rows = entities.clone();
                rows.extend(uk_row);
                shown = rows.iter().map(|&(e, _)| entity_name(e)).collect();
                rows.iter()
                    .zip(entity_colours(&rows))
                    .map(|(&(e, kind), colour)| {
                        let name = entity_name(e);
                        let key = crate::slug::slug(&name);
                        SeriesView {
                            hidden: hidden(&key),
                            key,
                            name,
                            colour,
                            point_colours: None,
                            points: years.iter().map(|&y| figs.measure(e, y, &categories, &categories, measure)).collect(),
                            reference: match kind {
                                RowKind::Uk => Some(Comparator::UkTotal),
                                RowKind::UkReported => Some(Comparator::UkReported),
                                _ => None,
                            },
                        }
                    })
                    .collect()
            };
            let n = labels.len();
            (labels, vec![RowKind::Year; n], series, "Year")
        }
    };

    let table = table_view(&figs, selection, &labels, &series, unit, row_heading, &partners, years.first().copied());
    caption.providers = shown;
    caption.notes = not_reported(data, &names, &figs, &series, unit).into_iter().map(Note::caution).collect();
    let covered: Vec<usize> = if *measure == Measure::NetFlow { figs.categories.clone() } else { categories.clone() };
    caption.notes.extend(coverage::notes(data, &covered, &years).into_iter().map(Note::caution));
    if trend {
        caption.notes.extend(year_labels::trend_note(data, &categories, &years).map(Note::info));
    }
    if uk_reported {
        caption.notes.extend(coverage::reporters_note(data, &covered, &years).map(Note::info));
    }
    if let Measure::Across(c) = measure {
        let notes = cross_notes(bundle, data, &figs, *c, &categories, &years, trend, &entities, uk_row, &entity_name);
        caption.notes.extend(notes.into_iter().map(Note::info));
    }
    // The text alternative names every figure the table gives, those taken off the scale too.
    let full_alt = alt_text(selection.chart, &title, &y_label, unit, &labels, &series, &reference);
    // Counts beside the UK total: the UK stays in the table, off the chart's scale.
    let (mut labels, mut row_kinds, mut series, reference, uk_note) = uk_off_the_scale(selection, unit, labels, row_kinds, series, reference);
    if let Some(note) = coverage::off_the_scale(unit, &mut labels, &mut row_kinds, &mut series) {
        caption.providers.retain(|p| p != coverage::UK_REPORTED_NAME);
        caption.notes.push(Note::info(note));
    }
    if uk_note.is_some() {
        // The caption names what the chart shows: the UK total went to the table and the note.
        caption.providers.retain(|p| p != UK_NAME);
    }
    let off_scale: Vec<&str> = [UK_NAME, coverage::UK_REPORTED_NAME]
        .into_iter()
        .filter(|n| full_alt.contains(n) && !labels.iter().any(|l| l == n) && !series.iter().any(|s| s.name == *n))
        .collect();
    let alt = if off_scale.is_empty() {
        full_alt
    } else {
        format!("{full_alt} Not drawn, to keep the partners' figures readable: {}.", format::list(&off_scale.iter().map(|n| n.to_string()).collect::<Vec<_>>()))
    };
    caption.notes.extend(measure_notes(&series, &table).into_iter().chain(uk_note).map(Note::info));
    // First what the view counts (a lens's definition), then the opt-out break it crosses.
    let lead = opt_out::lens_notes(selection).into_iter().map(Note::info).chain(opt_out.as_ref().map(|o| Note::caution(o.note(&names, data))));
    caption.notes.splice(0..0, lead);
    let other_names: Vec<String> = others.iter().map(|&p| names.provider(p)).collect();
    let who = title::Who { others: other_names.iter().map(String::as_str).collect(), ..who(caption.providers.iter().any(|p| p == UK_NAME)) };
    caption.title = title::title(data, selection, &categories, &y_label, &who);
    let title = caption.heading();
    let chart = ChartView {
        alt,
        kind: selection.chart,
        title,
        y_label,
        unit,
        labels,
        row_kinds,
        series,
        reference,
        year: if trend { String::new() } else { year_text },
        empty: None,
        breaks: opt_out.map(|o| o.breaks(data, trend)).unwrap_or_default(),
    };
    Figure { chart, table, caption }
}

/// The notes of a measure across datasets: where the other side comes from and the rule, and in
/// one year both counts behind each figure.
#[allow(clippy::too_many_arguments)]
fn cross_notes(
    bundle: &Bundle,
    data: &Dataset,
    figs: &Figures,
    c: crate::selection::Cross,
    categories: &[usize],
    years: &[usize],
    trend: bool,
    entities: &[(Entity, RowKind)],
    uk_row: Option<(Entity, RowKind)>,
    entity_name: &dyn Fn(Entity) -> String,
) -> Vec<String> {
    let base = c.base();
    let mut out = Vec::new();
    if let Some(info) = bundle.manifest.dataset(base.dataset) {
        out.push(format!(
            "The {} are from HESA {} ({}), for the same provider and year; where either side was not reported the figure is not available.",
            base.words, info.source_table, info.title
        ));
    }
    let what = match categories {
        [one] if data.categories()[*one].total => base_name(data, &data.categories()[*one].name),
        [one] => data.categories()[*one].label(),
        _ => title::several(data, categories),
    };
    match (trend, years.first()) {
        (false, Some(&y)) => {
            let rows: Vec<(String, Option<f64>, Option<f64>)> = entities
                .iter()
                .copied()
                .chain(uk_row)
                .filter(|(e, _)| cross::counted(*e))
                .map(|(e, _)| {
                    let (num, den, included, excluded) = figs.cross_counts(e, y, categories);
                    let name = entity_name(e);
                    match e {
                        Entity::Provider(p) => {
                            let n = figs.sum(e, y, categories);
                            let n = (n.status == Status::Reported).then_some(n.value).flatten();
                            (name, n, figs.cross.and_then(|b| cross::base_value(data, b, p, y)))
                        }
                        _ if included == 0 => (name, None, None),
                        _ if excluded > 0 => (format!("{name} (the {included} that reported both)"), Some(num), Some(den)),
                        _ => (name, Some(num), Some(den)),
                    }
                })
                .collect();
            out.push(cross::counts_note(c, &data.years()[y], &what, &rows));
        }
        _ => out.push("Both counts behind each figure are given for one year at a time: choose a bar chart.".to_string()),
    }
    out
}

/// The unit and axis label of a measure.
fn measure_unit(data: &Dataset, measure: &Measure, categories: &[usize]) -> (Unit, String) {
    match measure {
        Measure::Count => (Unit::Count, measure_label(&data.info.measure)),
        Measure::ShareOfSelection => (Unit::Percent, "% of the selected categories".to_string()),
        Measure::ShareOfUk => (Unit::Percent, "% of the UK total".to_string()),
        Measure::Change { base, kind: ChangeKind::Absolute } => (Unit::Change, format!("Change in {} since {base}", data.info.measure)),
        Measure::Change { base, kind: ChangeKind::Percent } => (Unit::PercentChange, format!("% change since {base}")),
        Measure::Change { base, kind: ChangeKind::Index } => (Unit::PerHundred, format!("Index ({base} = 100)")),
        Measure::NetFlow => (Unit::Change, flows::NET_FLOW_NAME.to_string()),
        Measure::Across(cross) => (Unit::PerHundred, cross.label().to_string()),
        Measure::PerHundred(key) => {
            let Some(t) = data.category_index(key) else { return (Unit::Count, measure_label(&data.info.measure)) };
            let total = &data.categories()[t];
            let base = base_name(data, &total.name);
            if categories.iter().all(|&c| total.covers(&data.categories()[c]) || c == t) {
                (Unit::Percent, format!("% of {base}"))
            } else {
                (Unit::PerHundred, format!("per 100 {base}"))
            }
        }
    }
}

/// `Total academic staff` -> `academic staff`; `Total` -> `all staff` (or `all students`).
pub fn base_name(data: &Dataset, total: &str) -> String {
    let Some(rest) = total.strip_prefix("Total").map(str::trim) else { return flows::rate_base_words(total) };
    // `Total`, or `Total all cost centres`: everyone the table counts.
    if rest.is_empty() || rest.starts_with("all ") {
        // A table of only some staff: its total is all of them (`all full-time academic staff`).
        if !data.info.counted.is_empty() {
            return format!("all {}", data.info.counted);
        }
        match data.info.measure.as_str() {
            "students" => "all students".to_string(),
            "FTE" => "all staff FTE".to_string(),
            _ => "all staff".to_string(),
        }
    } else {
        rest.to_string()
    }
}

/// The label of a measure for the measure picker, in plain words for the selected categories:
/// `% of all staff` when the total includes them, `Per 100 academic staff` when it does not.
pub fn measure_choice_label(data: &Dataset, categories: &[CategoryKey], measure: &Measure) -> String {
    match measure {
        Measure::Count => format!("Number ({})", data.info.measure),
        Measure::ShareOfSelection => "% of the selected categories".to_string(),
        Measure::PerHundred(key) if data.info.rate_base.as_ref() == Some(key) => format!("Per 100 {}", base_name(data, &key.name)),
        Measure::PerHundred(_) => {
            let indices: Vec<usize> = categories.iter().filter_map(|k| data.category_index(k)).collect();
            let label = measure_unit(data, measure, &indices).1;
            title::upper_first(&label)
        }
        Measure::NetFlow => flows::NET_FLOW_NAME.to_string(),
        Measure::Across(cross) => title::upper_first(cross.label()),
        Measure::ShareOfUk => "% of the UK".to_string(),
        Measure::Change { base, kind: ChangeKind::Absolute } => format!("Change since {base}"),
        Measure::Change { base, kind: ChangeKind::Percent } => format!("% change since {base}"),
        Measure::Change { base, kind: ChangeKind::Index } => format!("Index ({base} = 100)"),
    }
}

/// The UK total's index when a measure divides by it though the UK is not compared with.
fn measure_needs_uk(data: &Dataset, measure: &Measure) -> Option<usize> {
    (*measure == Measure::ShareOfUk).then(|| data.provider_index(UK_TOTAL_KEY)).flatten()
}

/// The years to read: those shown, and a change's base year. (An index, whose years between
/// matter too, is offered on trends only, which read every year.)
fn years_read(data: &Dataset, measure: &Measure, shown: &[usize]) -> Vec<usize> {
    let mut out = shown.to_vec();
    if let Some(b) = measure.base_year().and_then(|b| data.year_index(b)) {
        if !out.contains(&b) {
            out.push(b);
        }
    }
    out
}

/// With counts, the UK total (hundreds of thousands) would flatten the partners' bars and lines
/// on one scale: it comes off the chart (bar, line or reference line) and a note gives its figure
/// and points to "% of the UK". The table, built before, keeps it. Other measures pass through.
#[allow(clippy::type_complexity)]
fn uk_off_the_scale(
    selection: &Selection,
    unit: Unit,
    mut labels: Vec<String>,
    mut row_kinds: Vec<RowKind>,
    mut series: Vec<SeriesView>,
    reference: Option<(String, f64)>,
) -> (Vec<String>, Vec<RowKind>, Vec<SeriesView>, Option<(String, f64)>, Option<String>) {
    if !selection.compare_uk || selection.measure != Measure::Count {
        return (labels, row_kinds, series, reference, None);
    }
    let advice = "Choose \"% of the UK\" under Show to compare the partners with it.";
    let note = if let Some((_, value)) = &reference {
        format!("The UK total ({}) is not drawn: on the same scale it would flatten the partners' bars. {advice}", unit.format(*value))
    } else if take_off_chart(&mut labels, &mut row_kinds, &mut series, RowKind::Uk, UK_NAME) {
        format!("The UK total is in the table but not on the chart: on the same scale it would flatten the partners' figures. {advice}")
    } else {
        return (labels, row_kinds, series, reference, None);
    };
    (labels, row_kinds, series, None, Some(note))
}

/// Takes a comparator off the chart (it stays in the table): its bar (the row of `kind`) or its
/// line (the series named `name`). Says whether there was one.
pub(crate) fn take_off_chart(labels: &mut Vec<String>, row_kinds: &mut Vec<RowKind>, series: &mut Vec<SeriesView>, kind: RowKind, name: &str) -> bool {
    if let Some(row) = row_kinds.iter().position(|k| *k == kind) {
        labels.remove(row);
        row_kinds.remove(row);
        for s in series.iter_mut() {
            if row < s.points.len() {
                s.points.remove(row);
            }
            if let Some(colours) = s.point_colours.as_mut().filter(|c| row < c.len()) {
                colours.remove(row);
            }
        }
        true
    } else if series.iter().any(|s| s.name == name) {
        series.retain(|s| s.name != name);
        true
    } else {
        false
    }
}

/// Notes on figures a measure left out: changes across a series break.
fn measure_notes(series: &[SeriesView], table: &TableView) -> Vec<String> {
    let mut statuses = series.iter().flat_map(|s| &s.points).chain(table.total.iter().flat_map(|r| &r.cells)).map(|p| p.status);
    if statuses.any(|s| s == Status::SeriesBreak) {
        vec!["Some changes are not shown: the provider did not report the figures in full in both years (or, for an index, in a year between).".to_string()]
    } else {
        Vec::new()
    }
}

fn empty_figure(kind: ChartKind, title: String, y_label: String, unit: Unit, reason: String, caption: Caption) -> Figure {
    Figure {
        chart: ChartView {
            kind,
            title,
            y_label,
            unit,
            labels: Vec::new(),
            row_kinds: Vec::new(),
            series: Vec::new(),
            reference: None,
            year: String::new(),
            empty: Some(reason.clone()),
            alt: reason,
            breaks: Vec::new(),
        },
        table: TableView { row_heading: String::new(), columns: Vec::new(), unit, rows: Vec::new(), total: None },
        caption,
    }
}

#[allow(clippy::too_many_arguments)]
fn table_view(
    figs: &Figures,
    selection: &Selection,
    labels: &[String],
    series: &[SeriesView],
    unit: Unit,
    row_heading: &str,
    partners: &[usize],
    year: Option<usize>,
) -> TableView {
    let mut columns: Vec<String> = series.iter().map(|s| s.name.clone()).collect();
    let by_category = matches!(selection.chart, ChartKind::Grouped | ChartKind::Stacked);
    let sum_column = by_category && unit == Unit::Count && series.len() > 1 && !flows::is_flows(&figs.data.info);
    if sum_column {
        columns.push("All selected categories".to_string());
    }
    let categories: Vec<usize> = selection.categories.iter().filter_map(|k| figs.data.category_index(k)).collect();
    let row_sum = |i: usize| -> Point {
        // The row's sum of the selected categories, from the series' own points.
        let points: Vec<Point> = series.iter().map(|s| s.points[i]).collect();
        let reported: Vec<f64> = points.iter().filter_map(|p| p.value).collect();
        if reported.is_empty() {
            return Point::NOT_REPORTED;
        }
        let complete = points.iter().all(|p| p.status == Status::Reported);
        Point { value: Some(reported.iter().sum()), status: if complete { Status::Reported } else { Status::Incomplete } }
    };
    let rows: Vec<TableRow> = labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let mut cells: Vec<Point> = series.iter().map(|s| s.points[i]).collect();
            if sum_column {
                cells.push(row_sum(i));
            }
            TableRow { label: label.clone(), cells }
        })
        .collect();
    // The selected partners together, unless they are already a row or this is a trend.
    let total = match (selection.chart, year) {
        (ChartKind::Trend, _) | (_, None) => None,
        _ if partners.len() < 2 || selection.combine => None,
        (kind, Some(y)) => {
            let measure = &selection.measure;
            let mut cells: Vec<Point> = if kind == ChartKind::Bars {
                vec![figs.measure(Entity::Combined, y, &categories, &categories, measure)]
            } else {
                categories.iter().map(|&c| figs.measure(Entity::Combined, y, &[c], &categories, measure)).collect()
            };
            if sum_column {
                cells.push(figs.sum(Entity::Combined, y, &categories));
            }
            Some(TableRow { label: "All selected partners".to_string(), cells })
        }
    };
    TableView { row_heading: row_heading.to_string(), columns, unit, rows, total }
}

/// Sentences naming what was not reported (grouping providers that left out the same figures),
/// and notes on figures not shown.
fn not_reported(data: &Dataset, names: &Names, figs: &Figures, series: &[SeriesView], unit: Unit) -> Vec<String> {
    let mut by_provider: BTreeMap<usize, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for m in &figs.missing {
        let (cats, years) = by_provider.entry(m.provider).or_default();
        if !cats.contains(&m.category) {
            cats.push(m.category);
        }
        if !years.contains(&m.year) {
            years.push(m.year);
        }
    }
    let mut groups: Vec<((Vec<usize>, Vec<usize>), Vec<usize>)> = Vec::new();
    for (provider, (cats, years)) in by_provider {
        let (cats, years) = (crate::sort::ascending(cats), crate::sort::ascending(years));
        match groups.iter_mut().find(|(k, _)| k.0 == cats && k.1 == years) {
            Some((_, providers)) => providers.push(provider),
            None => groups.push(((cats, years), vec![provider])),
        }
    }
    // In the order the providers are shown (each group at its first provider's place).
    let place = |p: &usize| figs.providers.iter().position(|q| q == p);
    let first = |providers: &[usize]| providers.iter().map(place).min().flatten();
    let groups = crate::sort::sorted_by(groups, &|(_, a), (_, b)| first(a).cmp(&first(b)));
    let mut out: Vec<String> = groups
        .into_iter()
        .map(|((cats, years), providers)| {
            let who: Vec<String> = providers.iter().map(|&p| names.provider(p)).collect();
            let what: Vec<String> = cats.iter().map(|&c| data.categories()[c].label()).collect();
            let when: Vec<&str> = years.iter().map(|&y| data.years()[y].as_str()).collect();
            format!(
                "Not reported: {} did not report {} for {}. Totals that include {} are incomplete.",
                format::list(&who),
                format::list(&what),
                format::list(&when),
                if who.len() == 1 { "it" } else { "them" }
            )
        })
        .collect();
    let statuses = || series.iter().flat_map(|s| &s.points).map(|p| p.status);
    if unit != Unit::Count && statuses().any(|s| s == Status::BaseTooSmall) {
        out.push(format!("Some figures are not shown: {SMALL_BASE}."));
    }
    if unit != Unit::Count && statuses().any(|s| s == Status::BaseIncomplete) {
        out.push("Some figures are not shown: part of what they are a percentage of was not reported.".to_string());
    }
    out
}

fn summed_name(data: &Dataset, categories: &[usize], y_label: &str, measure: &Measure, year: Option<usize>) -> String {
    if *measure == Measure::NetFlow {
        return flows::NET_FLOW_NAME.to_string();
    }
    let what = match categories {
        [one] => year_labels::name(data, *one, year),
        _ => format!("{} selected categories", categories.len()),
    };
    match measure {
        Measure::Count => what,
        _ => format!("{what} ({y_label})"),
    }
}

/// `headcount` -> `Headcount`, `FTE` -> `FTE`, `students` -> `Students`.
pub fn measure_label(measure: &str) -> String {
    let mut chars = measure.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

fn alt_text(
    kind: ChartKind,
    title: &str,
    y_label: &str,
    unit: Unit,
    labels: &[String],
    series: &[SeriesView],
    reference: &Option<(String, f64)>,
) -> String {
    let kind_name = match kind {
        ChartKind::Bars => "Bar chart",
        ChartKind::Grouped => "Grouped bar chart",
        ChartKind::Stacked => "Stacked bar chart",
        ChartKind::Trend => "Line chart",
    };
    let mut out = format!("{kind_name}: {title} ({y_label}).");
    for (i, label) in labels.iter().enumerate() {
        let parts: Vec<String> = series
            .iter()
            .map(|s| {
                let text = unit.point(s.points[i]);
                if series.len() > 1 {
                    format!("{} {}", s.name, text)
                } else {
                    text
                }
            })
            .collect();
        out.push_str(&format!(" {label}: {}.", parts.join("; ")));
    }
    if let Some((label, _)) = reference {
        out.push_str(&format!(" Reference: {label}."));
    }
    out
}

/// How the all-UK total is named on charts, tables and captions.
pub const UK_NAME: &str = "UK (all providers)";

/// Display names: partners by short name, the UK total as "UK (all providers)", other providers by
/// HESA's name.
struct Names<'a> {
    bundle: &'a Bundle,
    data: &'a Dataset,
}

impl Names<'_> {
    fn provider(&self, index: usize) -> String {
        let Some(p) = self.data.providers().get(index) else { return String::new() };
        if p.key == UK_TOTAL_KEY {
            return UK_NAME.to_string();
        }
        match self.bundle.manifest.partners.iter().find(|m| m.ukprn == p.key) {
            Some(partner) => partner.short.clone(),
            None => p.name.clone(),
        }
    }
}
