//! The URL as a faithful encoding of the visitor's [`Selection`]: compact, readable (partner
//! short names and category slugs, not indexes), defaults left out. Decoding never fails: an
//! unknown or malformed parameter is ignored, the rest is honoured, and what was ignored is said.
//!
//! `?d=staff-occupation&p=aston,keele&o=10007783&c=academic:total-academic-staff&y=2020-21&v=bars&m=count&uk=1&ukr=1&sum=1&hide=…&t=table`
//!
//! Measures: `m=share`, `m=per:<category>`, `m=uk` (% of the UK), `m=change`, `m=pct-change`,
//! `m=index`, `m=net` (starters minus leavers), `m=per-students` (staff per 100 students),
//! `m=per-academic-staff` (students per academic staff member), with `b=2016-17` for a change's base year when it is not the dataset's first.
//!
//! Baselines. The bare URL (no query at all) is the explorer's first view, the technical-workforce
//! lens ([`Selection::initial`]). Any other query is read against [`Selection::baseline`], the
//! first view before the lens (occupation totals, stacked, newest year), so every link written
//! then keeps its meaning (`?c=…`, `?v=bars`, `?embed=1`). `lens=technical` starts from the
//! lens's view instead, the other parameters changing it; a view counting what the lens counts is
//! written that way (`?lens=technical`, `?lens=technical&p=aston`). No view encodes to an empty
//! query (the baseline itself is `d=staff-occupation`), so links stay explicit and keep their
//! meaning if the first view changes again.
//!
//! The key figures (`view=figures`, [`Page::KeyFigures`]) have only a year: `?view=figures` is
//! the newest year's, `?view=figures&y=2020-21` another's; other view settings are ignored there.

use crate::dataset::{Bundle, Dataset};
use crate::lens::Lens;
use crate::manifest::CategoryKey;
use crate::selection::{Action, ChangeKind, ChartKind, Measure, Page, Selection, Tab};
// Kept here too for callers that read slugs as part of the URL's vocabulary.
pub use crate::slug::{category_slug, slug};

/// Parameters that belong to the page rather than to the view: `embed`, and the page's look
/// (`crate::page_options`: `theme`, `controls`, `accent`, `font`). Not part of the selection; a value
/// the page cannot honour is ignored and said like any other.
pub const PAGE_PARAMETERS: [&str; 5] = ["embed", "theme", "controls", "accent", "font"];

fn year_slug(year: &str) -> String {
    year.replace('/', "-")
}

fn measure_slug(measure: &Measure) -> String {
    match measure {
        Measure::Count => "count".to_string(),
        Measure::ShareOfSelection => "share".to_string(),
        Measure::PerHundred(key) => format!("per:{}", category_slug(key)),
        Measure::ShareOfUk => "uk".to_string(),
        Measure::Change { kind, .. } => change_slug(*kind).to_string(),
        Measure::NetFlow => "net".to_string(),
        Measure::Across(cross) => cross.id().to_string(),
    }
}

fn change_slug(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Absolute => "change",
        ChangeKind::Percent => "pct-change",
        ChangeKind::Index => "index",
    }
}

fn find_category(data: &Dataset, slug_text: &str) -> Option<CategoryKey> {
    data.categories().iter().map(|c| c.key()).find(|k| category_slug(k) == slug_text)
}

/// The lens a selection's link starts from: one that counts what the selection counts.
fn lens_of(bundle: &Bundle, selection: &Selection) -> Option<Lens> {
    Lens::ALL.into_iter().find(|l| l.data(bundle).is_some() && l.counts(&selection.dataset, &selection.categories))
}

/// The query string (without `?`) for a selection: never empty (see the module's notes).
pub fn encode(bundle: &Bundle, selection: &Selection) -> String {
    if selection.page == Page::KeyFigures {
        let mut out = form_urlencoded::Serializer::new(String::new());
        out.append_pair("view", Page::KeyFigures.id());
        if selection.dataset(bundle).years().last() != Some(&selection.year) {
            out.append_pair("y", &year_slug(&selection.year));
        }
        return out.finish();
    }
    let lens = lens_of(bundle, selection);
    let baseline = Selection::baseline(bundle);
    let defaults = match lens {
        Some(l) => baseline.apply(bundle, Action::ApplyLens(l)),
        None => baseline,
    };
    let data = selection.dataset(bundle);
    let dataset_defaults = defaults.apply(bundle, Action::SelectDataset(selection.dataset.clone()));
    let mut out = form_urlencoded::Serializer::new(String::new());
    if let Some(l) = lens {
        out.append_pair("lens", l.id());
    }
    // The baseline itself still names something, since an empty query is the first view.
    if selection.dataset != defaults.dataset || (lens.is_none() && *selection == defaults) {
        out.append_pair("d", &selection.dataset);
    }
    if selection.partners != defaults.partners {
        let shorts: Vec<String> = selection
            .partners
            .iter()
            .filter_map(|u| bundle.manifest.partners.iter().find(|p| p.ukprn == *u))
            .map(|p| slug(&p.short))
            .collect();
        out.append_pair("p", &shorts.join(","));
    }
    if !selection.others.is_empty() {
        out.append_pair("o", &selection.others.join(","));
    }
    if selection.categories != dataset_defaults.categories {
        let slugs: Vec<String> = selection.categories.iter().map(category_slug).collect();
        out.append_pair("c", &slugs.join(","));
    }
    if data.years().last() != Some(&selection.year) {
        out.append_pair("y", &year_slug(&selection.year));
    }
    if selection.chart != dataset_defaults.chart {
        out.append_pair("v", selection.chart.id());
    }
    if selection.measure != Measure::Count {
        out.append_pair("m", &measure_slug(&selection.measure));
    }
    if let Some(base) = selection.measure.base_year().filter(|b| data.years().first().map(String::as_str) != Some(*b)) {
        out.append_pair("b", &year_slug(base));
    }
    if selection.compare_uk {
        out.append_pair("uk", "1");
    }
    if selection.compare_uk_reported {
        out.append_pair("ukr", "1");
    }
    if selection.combine {
        out.append_pair("sum", "1");
    }
    if !selection.hidden.is_empty() {
        out.append_pair("hide", &selection.hidden.join(","));
    }
    if selection.tab == Tab::Table {
        out.append_pair("t", "table");
    }
    // Commas and colons are allowed as they are in a query string: keep lists readable.
    out.finish().replace("%2C", ",").replace("%3A", ":")
}

/// The key figures a query naming `view=figures` asks for: its year (`y`), the rest ignored.
fn decode_key_figures(bundle: &Bundle, pairs: &[(String, String)]) -> Decoded {
    let short = |v: &str| -> String { v.chars().take(40).collect() };
    let mut s = Selection::baseline(bundle).apply(bundle, Action::SelectPage(Page::KeyFigures));
    let mut ignored = Vec::new();
    for (key, value) in pairs {
        match key.as_str() {
            "view" => {}
            "y" => {
                let year = value.replace('-', "/");
                if s.dataset(bundle).year_index(&year).is_some() {
                    s = s.apply(bundle, Action::SelectYear(year));
                } else {
                    ignored.push(format!("year \"{}\" is not in the key figures", short(value)));
                }
            }
            k if PAGE_PARAMETERS.contains(&k) => {}
            other => ignored.push(format!("\"{}\" does not apply to the key figures", short(other))),
        }
    }
    Decoded { selection: s, ignored: said_once(ignored) }
}

/// Each thing ignored said once, however often the link repeats it (a few short sentences).
fn said_once(ignored: Vec<String>) -> Vec<String> {
    let mut once: Vec<String> = Vec::with_capacity(ignored.len());
    for m in ignored {
        if !once.contains(&m) {
            once.push(m);
        }
    }
    once
}

/// What decoding made of a query string.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub selection: Selection,
    /// One short sentence per parameter (or value) that was ignored.
    pub ignored: Vec<String>,
}

fn flag(value: &str) -> Option<bool> {
    match value {
        "1" | "true" | "yes" => Some(true),
        "0" | "false" | "no" => Some(false),
        _ => None,
    }
}

/// Reads a query string (with or without `?`). Never fails.
pub fn decode(bundle: &Bundle, query: &str) -> Decoded {
    let query = query.strip_prefix('?').unwrap_or(query);
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes()).into_owned().collect();
    let mut ignored = Vec::new();
    if pairs.is_empty() {
        return Decoded { selection: Selection::initial(bundle), ignored };
    }
    let mut s = Selection::baseline(bundle);
    let short = |v: &str| -> String { v.chars().take(40).collect() };

    // A page first: the key figures read only their year.
    if let Some((_, v)) = pairs.iter().rev().find(|(k, _)| k == "view") {
        match Page::from_id(v) {
            Some(Page::KeyFigures) => return decode_key_figures(bundle, &pairs),
            Some(Page::Explorer) => {}
            None => ignored.push(format!("unknown page \"{}\"", short(v))),
        }
    }

    // A lens first, then the dataset: the other parameters are read against them.
    if let Some((_, l)) = pairs.iter().rev().find(|(k, _)| k == "lens") {
        match Lens::from_id(l) {
            Some(lens) if lens.data(bundle).is_some() => s = s.apply(bundle, Action::ApplyLens(lens)),
            _ => ignored.push(format!("unknown view \"{}\"", short(l))),
        }
    }
    if let Some((_, d)) = pairs.iter().rev().find(|(k, _)| k == "d") {
        if bundle.dataset(d).is_some() {
            s = s.apply(bundle, Action::SelectDataset(d.clone()));
        } else {
            ignored.push(format!("unknown dataset \"{}\"", short(d)));
        }
    }
    let data = s.dataset(bundle);
    let first_year = data.years().first().cloned().unwrap_or_default();
    // A change's base year, read after the loop: `b` may come before or after `m`.
    let mut base: Option<&str> = None;
    for (key, value) in &pairs {
        match key.as_str() {
            "d" | "lens" | "view" => {}
            "p" => {
                let mut partners = Vec::new();
                for part in value.split(',').filter(|p| !p.is_empty()) {
                    match bundle.manifest.partners.iter().find(|p| slug(&p.short) == slug(part) || p.ukprn == part) {
                        Some(p) => partners.push(p.ukprn.clone()),
                        None => ignored.push(format!("unknown partner \"{}\"", short(part))),
                    }
                }
                s.partners = partners;
            }
            "o" => {
                for part in value.split(',').filter(|p| !p.is_empty()) {
                    if part.len() == 8 && part.bytes().all(|b| b.is_ascii_digit()) {
                        s.others.push(part.to_string());
                    } else {
                        ignored.push(format!("\"{}\" is not a UKPRN", short(part)));
                    }
                }
            }
            "c" => {
                let mut categories: Vec<CategoryKey> = Vec::new();
                let mut seen: Vec<CategoryKey> = Vec::new();
                let mut named = false;
                for part in value.split(',').filter(|p| !p.is_empty()) {
                    named = true;
                    match find_category(data, part) {
                        // Named twice: once is meant (a second toggle would switch it off).
                        Some(k) if seen.contains(&k) => ignored.push(format!("category \"{}\" is repeated", short(part))),
                        Some(k) => {
                            seen.push(k.clone());
                            // The same rule as choosing by hand: a total and its parts never together.
                            let next = Action::ToggleCategory(k.clone());
                            let probe = Selection { categories: categories.clone(), ..s.clone() }.apply(bundle, next);
                            if probe.categories.len() <= categories.len() {
                                ignored.push(format!("category \"{}\" overlaps another one chosen", short(part)));
                            }
                            categories = probe.categories;
                        }
                        None => ignored.push(format!("unknown category \"{}\"", short(part))),
                    }
                }
                // Categories were named but none could be honoured: keep what `s` holds (the
                // dataset's defaults, unless an earlier `c` chose) rather than an empty figure. An empty
                // list (`c=`) is a view of its own and is kept.
                if !named || !categories.is_empty() {
                    s.categories = categories;
                }
            }
            "y" => {
                let year = value.replace('-', "/");
                if data.year_index(&year).is_some() {
                    s.year = year;
                } else {
                    ignored.push(format!("year \"{}\" is not in this dataset", short(value)));
                }
            }
            "v" => match ChartKind::from_id(value) {
                Some(kind) => s.chart = kind,
                None => ignored.push(format!("unknown chart \"{}\"", short(value))),
            },
            "m" => {
                let measure = match value.as_str() {
                    "count" => Some(Measure::Count),
                    "share" => Some(Measure::ShareOfSelection),
                    "uk" => Some(Measure::ShareOfUk),
                    "net" => Some(Measure::NetFlow),
                    other if crate::selection::Cross::from_id(other).is_some() => crate::selection::Cross::from_id(other).map(Measure::Across),
                    other => match ChangeKind::ALL.into_iter().find(|&k| change_slug(k) == other) {
                        Some(kind) => Some(Measure::Change { base: first_year.clone(), kind }),
                        None => other.strip_prefix("per:").and_then(|c| find_category(data, c)).map(Measure::PerHundred),
                    },
                };
                match measure {
                    Some(m) => s.measure = m,
                    None => ignored.push(format!("unknown measure \"{}\"", short(value))),
                }
            }
            "b" => base = Some(value),
            "uk" | "sum" | "ukr" => match flag(value) {
                Some(on) if key == "uk" => s.compare_uk = on,
                Some(on) if key == "ukr" => s.compare_uk_reported = on,
                Some(on) => s.combine = on,
                None => ignored.push(format!("\"{key}\" should be 1 or 0, not \"{}\"", short(value))),
            },
            // Series come and go with the view, so any well-formed name is kept.
            "hide" => s.hidden = value.split(',').map(slug).filter(|h| !h.is_empty()).collect(),
            "t" => match value.as_str() {
                "table" => s.tab = Tab::Table,
                "chart" => s.tab = Tab::Chart,
                _ => ignored.push(format!("unknown tab \"{}\"", short(value))),
            },
            k if PAGE_PARAMETERS.contains(&k) => ignored.extend(crate::page_options::check(k, value)),
            other => ignored.push(format!("unknown setting \"{}\"", short(other))),
        }
    }
    if let Some(b) = base {
        let year = b.replace('-', "/");
        match &mut s.measure {
            Measure::Change { base, .. } if data.year_index(&year).is_some() => *base = year,
            Measure::Change { .. } => ignored.push(format!("base year \"{}\" is not in this dataset", short(b))),
            _ => ignored.push("a base year needs a change measure".to_string()),
        }
    }
    let bases = s.base_years(bundle);
    if let Measure::Change { base, .. } = &mut s.measure {
        if !bases.contains(base) && !bases.is_empty() {
            ignored.push(format!("base year \"{}\" is not before the year shown", year_slug(base)));
            base.clone_from(&first_year);
        }
    }
    let measure_before = s.measure.clone();
    s.normalise(bundle);
    if s.measure != measure_before {
        ignored.push("the measure does not fit this chart".to_string());
    }
    // Each thing ignored is said once, however often the link repeats it.
    Decoded { selection: s, ignored: said_once(ignored) }
}
