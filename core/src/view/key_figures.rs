//! The key figures (`?view=figures`): a few figures for a web page's text, as the partners' own
//! pages quote them — the partners' academic staff and their share of the UK's, all staff,
//! students and their share of the UK's, and the technical workforce ([`Lens::Technical`]) — each
//! with its year, its HESA table and an honest mark where a total is incomplete.
//!
//! Every figure is read through [`Figures`] (the partners together, HESA's UK total, the share of
//! the UK) and the dataset's coverage ("UK, providers that reported"), as the chart reads them:
//! nothing is computed twice. A dataset not loaded yet gives [`Body::NotLoaded`]; the page fetches
//! it ([`DATASETS`]) and shows the rest meanwhile.

use super::coverage::UK_REPORTED_NAME;
use super::figures::{Entity, Figures, Point, Status};
use super::Unit;
use crate::dataset::{Bundle, Dataset};
use crate::format;
use crate::lens::Lens;
use crate::manifest::{CategoryKey, UK_TOTAL_KEY};
use crate::selection::Measure;

/// The staff dataset (HESA Staff Table 1), whose years the key figures offer.
pub const STAFF: &str = "staff-occupation";
/// The students dataset (HESA Student Table 1).
pub const STUDENTS: &str = "students-sex";
/// Every dataset the key figures read.
pub const DATASETS: [&str; 2] = [STAFF, STUDENTS];

/// The key figures of one year.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyFigures {
    /// `Key figures: the 8 Midlands Innovation partners, 2020/21`.
    pub title: String,
    /// Who is counted, in one sentence.
    pub lede: String,
    pub year: String,
    /// The years that can be chosen (the staff dataset's).
    pub years: Vec<String>,
    pub items: Vec<KeyFigure>,
}

/// One figure.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyFigure {
    /// `Academic staff`.
    pub label: String,
    /// What it counts, in a short sentence.
    pub definition: String,
    /// The dataset it reads (its id).
    pub dataset: String,
    /// The academic year of the figure.
    pub year: String,
    /// `Source: HESA, CC BY 4.0`.
    pub source: String,
    /// HESA's table: `DT025 Table 1: HE staff by HE provider and activity standard occupational
    /// classification`.
    pub table: String,
    pub link: String,
    pub body: Body,
}

/// What stands in a figure's place.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// The dataset is not loaded (yet).
    NotLoaded,
    /// HESA's table has no such year.
    NoYear,
    Shown(Shown),
}

/// A figure that can be shown (which may still say that HESA did not report it).
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    /// The partners together (the partners that reported).
    pub value: Point,
    /// `16,125`, `12,815 (incomplete)` or `not reported`.
    pub text: String,
    /// Whether the total misses partners that did not report.
    pub incomplete: bool,
    /// How many partners reported, of how many.
    pub partners_reported: (usize, usize),
    /// The comparison with the UK: `7.2% of the UK's 224,530`, or the sum over the UK providers
    /// that reported where HESA publishes no UK total.
    pub comparison: Option<String>,
    /// Honest marks: who did not report, how many UK providers did.
    pub notes: Vec<String>,
}

/// The figures the page asks for, with the categories each adds up.
struct Wanted {
    label: &'static str,
    definition: String,
    dataset: &'static str,
    categories: Vec<CategoryKey>,
}

fn key(group: &str, name: &str) -> CategoryKey {
    CategoryKey { group: group.to_string(), name: name.to_string() }
}

fn wanted() -> Vec<Wanted> {
    let technical = Lens::Technical;
    vec![
        Wanted {
            label: "Academic staff",
            definition: "Headcount of academic staff.".into(),
            dataset: STAFF,
            categories: vec![key("Academic", "Total academic staff")],
        },
        Wanted {
            label: "All staff",
            definition: "Headcount of academic and non-academic staff.".into(),
            dataset: STAFF,
            categories: vec![key("", "Total")],
        },
        Wanted { label: "Students", definition: "Student enrolments, all levels and modes.".into(), dataset: STUDENTS, categories: vec![key("", "Total")] },
        Wanted {
            label: technical.label(),
            definition: "Headcount of non-academic staff in associate professional occupations (SOC major group 3), where HESA places \
                         technical occupations; HESA's open tables do not separate technicians from other associate professionals."
                .into(),
            dataset: technical.dataset(),
            categories: technical.categories(),
        },
    ]
}

/// The key figures of `year` (the staff dataset's newest when it has no such year).
pub fn key_figures(bundle: &Bundle, year: &str) -> KeyFigures {
    let years: Vec<String> = bundle.dataset(STAFF).map(|d| d.years().to_vec()).unwrap_or_default();
    let year = if years.iter().any(|y| y == year) { year.to_string() } else { years.last().cloned().unwrap_or_else(|| year.to_string()) };
    let partners = bundle.manifest.partners.len();
    let items = wanted()
        .into_iter()
        .map(|w| {
            let info = bundle.manifest.dataset(w.dataset);
            let body = match bundle.dataset(w.dataset) {
                None => Body::NotLoaded,
                Some(data) => match data.year_index(&year) {
                    None => Body::NoYear,
                    Some(y) => Body::Shown(shown(bundle, data, y, &w)),
                },
            };
            KeyFigure {
                label: w.label.to_string(),
                definition: w.definition,
                dataset: w.dataset.to_string(),
                year: year.clone(),
                source: match info.map(|i| i.licence.as_str()) {
                    Some(licence) if !licence.is_empty() => format!("Source: HESA, {licence}"),
                    _ => "Source: HESA".to_string(),
                },
                table: info.map(|i| format!("{}: {}", i.source_table, i.source_title)).unwrap_or_default(),
                link: info.map(|i| i.source_link.clone()).unwrap_or_default(),
                body,
            }
        })
        .collect();
    KeyFigures {
        title: format!("Key figures: the {partners} Midlands Innovation partners, {year}"),
        lede: format!(
            "The {partners} partners together ({}), from HESA open data.",
            format::list(&bundle.manifest.partners.iter().map(|p| p.short.as_str()).collect::<Vec<_>>())
        ),
        year,
        years,
        items,
    }
}

/// One figure of the partners together in year `y`, compared with the UK.
fn shown(bundle: &Bundle, data: &Dataset, y: usize, w: &Wanted) -> Shown {
    let categories: Vec<usize> = w.categories.iter().filter_map(|k| data.category_index(k)).collect();
    let partners: Vec<usize> = bundle.manifest.partners.iter().filter_map(|p| data.provider_index(&p.ukprn)).collect();
    let uk = data.provider_index(UK_TOTAL_KEY);
    let mut providers = partners.clone();
    providers.extend(uk);
    let figures = Figures::read(data, providers, partners.clone(), categories.clone(), vec![y]);
    let year = data.years().get(y).cloned().unwrap_or_default();

    let value = if categories.len() == w.categories.len() { figures.sum(Entity::Combined, y, &categories) } else { Point::NOT_REPORTED };
    let missing: Vec<String> = partners
        .iter()
        .filter(|&&p| figures.sum(Entity::Provider(p), y, &categories).status != Status::Reported)
        .map(|&p| short_name(bundle, data, p))
        .collect();
    let reported = partners.len() - missing.len();
    let incomplete = value.value.is_some() && !missing.is_empty();
    let mut notes = Vec::new();
    if !missing.is_empty() && value.value.is_some() {
        notes.push(format!(
            "Incomplete: {} did not report this figure for {year}; the total is the other {} partners'.",
            format::list(&missing),
            reported
        ));
    } else if value.value.is_none() {
        notes.push(format!("No partner reported this figure for {year}."));
    }

    let uk_point = uk.map_or(Point::NOT_REPORTED, |u| figures.sum(Entity::Provider(u), y, &categories));
    let comparison = match (uk_point.value, uk_point.status) {
        (Some(uk_value), Status::Reported) => {
            let share = figures.measure(Entity::Combined, y, &categories, &categories, &Measure::ShareOfUk);
            match share.value {
                Some(_) => Some(format!("{} of the UK's {}", Unit::Percent.point(share), format::number(uk_value))),
                None => Some(format!("The UK: {}", format::number(uk_value))),
            }
        }
        _ => uk_reported(data, y, &categories, &year, &mut notes),
    };
    Shown { value, text: Unit::Count.point(value), incomplete, partners_reported: (reported, partners.len()), comparison, notes }
}

/// Where HESA publishes no UK total: the sum over the UK providers that reported (the coverage),
/// with how many did, and a note saying why there is no share of the UK.
fn uk_reported(data: &Dataset, y: usize, categories: &[usize], year: &str, notes: &mut Vec<String>) -> Option<String> {
    let coverage = data.coverage()?;
    let rows: Option<Vec<_>> = categories.iter().map(|&c| coverage.get(year, &data.categories().get(c)?.key())).collect();
    let rows = rows?;
    let sum = super::coverage::sum(data, y, categories);
    let (reported, providers) = (rows.iter().map(|r| r.reported).min()?, rows.iter().map(|r| r.providers).max()?);
    let why = if data.info.id == STAFF && rows.iter().any(|r| r.group != "Academic") {
        ", as many providers opted out of returning non-academic staff (allowed since 2019/20)"
    } else {
        ""
    };
    notes.push(format!("No share of the UK: HESA publishes no UK total of this figure for {year}{why}."));
    match sum.value {
        Some(v) if sum.status == Status::Reported => Some(format!(
            "{UK_REPORTED_NAME}: {} ({} of {} providers reported)",
            format::number(v),
            format::number(reported as f64),
            format::number(providers as f64)
        )),
        _ => Some(format!(
            "{UK_REPORTED_NAME}: not available ({} of {} providers reported)",
            format::number(reported as f64),
            format::number(providers as f64)
        )),
    }
}

fn short_name(bundle: &Bundle, data: &Dataset, p: usize) -> String {
    let key = &data.providers()[p].key;
    bundle.manifest.partners.iter().find(|m| m.ukprn == *key).map_or_else(|| data.providers()[p].name.clone(), |m| m.short.clone())
}
