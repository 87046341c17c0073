//! Measures across two datasets ([`Measure::Across`]): staff per 100 students, students per
//! academic staff member. The two sides are read for the same provider (by UKPRN) and the same
//! academic year; where either side was not reported the figure is not available, never computed
//! (see [`super::figures::Figures::measure`]). The other dataset is fetched when the measure is
//! chosen; until it arrives the figure says so.
//!
//! Non-academic staff per 100 academic staff needs no second dataset: it is the per-100 measure
//! within staff by occupation (`Measure::PerHundred` of "Total academic staff").

use super::key_figures::{STAFF, STUDENTS};
use super::figures::Entity;
use crate::dataset::{Bundle, Dataset};
use crate::format;
use crate::manifest::CategoryKey;
use crate::selection::{Cross, Measure};

/// The other side of a cross-dataset measure.
#[derive(Debug, Clone, PartialEq)]
pub struct Base {
    /// The dataset it is read from.
    pub dataset: &'static str,
    /// The figure divided by.
    pub category: CategoryKey,
    /// 100 for "per 100", 1 for "per one".
    pub per: f64,
    /// What it counts, in words: `students`, `academic staff`.
    pub words: &'static str,
}

impl Cross {
    pub const ALL: [Cross; 2] = [Cross::PerHundredStudents, Cross::StudentsPerAcademic];

    /// The name used in links (`m=per-students`).
    pub fn id(self) -> &'static str {
        match self {
            Cross::PerHundredStudents => "per-students",
            Cross::StudentsPerAcademic => "per-academic-staff",
        }
    }

    pub fn from_id(id: &str) -> Option<Cross> {
        Cross::ALL.into_iter().find(|c| c.id() == id)
    }

    /// The dataset whose figures are divided.
    pub fn dataset(self) -> &'static str {
        match self {
            Cross::PerHundredStudents => STAFF,
            Cross::StudentsPerAcademic => STUDENTS,
        }
    }

    /// What they are divided by.
    pub fn base(self) -> Base {
        match self {
            Cross::PerHundredStudents => Base {
                dataset: STUDENTS,
                category: CategoryKey { group: String::new(), name: "Total".into() },
                per: 100.0,
                words: "students",
            },
            Cross::StudentsPerAcademic => Base {
                dataset: STAFF,
                category: CategoryKey { group: "Academic".into(), name: "Total academic staff".into() },
                per: 1.0,
                words: "academic staff",
            },
        }
    }

    /// Whether it is offered on `dataset`: its own dataset, with the other side in the manifest.
    pub fn offered(self, bundle: &Bundle, dataset: &str) -> bool {
        dataset == self.dataset() && bundle.manifest.dataset(self.base().dataset).is_some_and(|d| d.categories.iter().any(|c| c.key() == self.base().category))
    }

    /// The axis label and the measure picker's words.
    pub fn label(self) -> &'static str {
        match self {
            Cross::PerHundredStudents => "per 100 students",
            Cross::StudentsPerAcademic => "per academic staff member",
        }
    }
}

/// The other side's dataset and category index, when loaded.
pub fn base_of<'a>(bundle: &'a Bundle, measure: &Measure) -> Option<(&'a Dataset, usize, f64)> {
    let Measure::Across(cross) = measure else { return None };
    let base = cross.base();
    let data = bundle.dataset(base.dataset)?;
    Some((data, data.category_index(&base.category)?, base.per))
}

/// The other side's figure for a provider of `data` (by UKPRN) in year `year` of `data` (by its
/// name), or `None` where it was not reported or is not loaded.
pub fn base_value(data: &Dataset, base: (&Dataset, usize, f64), provider: usize, year: usize) -> Option<f64> {
    let (other, category, _) = base;
    let p = other.provider_index(&data.providers().get(provider)?.key)?;
    let y = other.year_index(data.years().get(year)?)?;
    other.value(p, y, category)
}

/// The caption's note giving both counts behind each figure shown in one year, e.g.
/// `Counts, 2020/21: Aston 930 academic staff and 16,795 students; …`. `rows` are the entities
/// shown with their names; `numerator` the figure divided, per entity.
pub fn counts_note(cross: Cross, year: &str, what: &str, rows: &[(String, Option<f64>, Option<f64>)]) -> String {
    let base = cross.base();
    let parts: Vec<String> = rows
        .iter()
        .map(|(name, n, d)| {
            let side = |v: &Option<f64>, words: &str| match v {
                Some(v) => format!("{} {words}", format::number(*v)),
                None => format!("{words} not reported"),
            };
            format!("{name} {} and {}", side(n, what), side(d, base.words))
        })
        .collect();
    format!("Counts, {year}: {}.", parts.join("; "))
}

/// Which entities a counts note can name (providers and the partners together).
pub fn counted(entity: Entity) -> bool {
    !matches!(entity, Entity::UkReported)
}
