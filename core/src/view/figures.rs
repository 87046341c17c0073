//! Figures for the view: absolute values from [`Query`] results, and the measures derived from
//! them (sums, shares, per-100 ratios) with their honesty rules:
//! - a value HESA did not report is missing, never 0, and a sum that misses some is incomplete;
//! - a ratio divides within one provider and year, by a base of the same provider and year;
//! - no percentage or ratio on a base under 22.5 (HESA's rounding rule) or an incomplete base;
//! - the selected partners added together use, for a ratio, only the partners that reported both
//!   parts, and say that others were left out;
//! - a share of the UK divides by HESA's published UK figure for the same categories and year;
//! - a change is taken only between years a provider reported in full (every year between, for
//!   the index): across a series break it is not shown.

use crate::dataset::Dataset;
use crate::manifest::UK_TOTAL_KEY;
use crate::query::{Dim, Missing, Query};
use crate::selection::{ChangeKind, Measure};

/// HESA's rounding rule: no percentage or average is published on a base under 22.5.
pub const MIN_BASE: f64 = 22.5;

/// What stands behind a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Everything was reported.
    Reported,
    /// Shown, but some of the figures it adds up were not reported.
    Incomplete,
    /// Nothing to show: HESA did not report it.
    NotReported,
    /// Not shown: a percentage or ratio on a base under 22.5.
    BaseTooSmall,
    /// Not shown: part of the base of a share or ratio was not reported.
    BaseIncomplete,
    /// Not shown: a change across a series break (not reported in full in the base year, the
    /// year itself, or for an index a year between).
    SeriesBreak,
}

/// One figure on the chart or in the table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub value: Option<f64>,
    pub status: Status,
}

impl Point {
    pub const NOT_REPORTED: Point = Point { value: None, status: Status::NotReported };
}

/// A bar or line's subject: a partner, the selected partners together, or the all-UK total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    /// A provider, by dataset index.
    Provider(usize),
    /// The selected partners added together.
    Combined,
    /// The sum over the UK providers that reported, from the dataset's coverage (not HESA's
    /// published UK total): see [`super::coverage`].
    UkReported,
}

/// The absolute figures for a set of providers, categories and years, read through [`Query`].
pub struct Figures<'a> {
    pub data: &'a Dataset,
    /// Providers that may be asked for (dataset indices).
    pub providers: Vec<usize>,
    /// The selected partners (dataset indices), for [`Entity::Combined`].
    pub partners: Vec<usize>,
    pub categories: Vec<usize>,
    pub years: Vec<usize>,
    /// `values[year][provider][category]` in the order of the lists above.
    values: Vec<Vec<Vec<Option<f64>>>>,
    /// Figures that were not reported, for the caption.
    pub missing: Vec<Missing>,
    /// The other side of a measure across datasets ([`Measure::Across`]), when loaded: its
    /// dataset, category and "per" (100 or 1). See [`super::cross`].
    pub cross: Option<(&'a Dataset, usize, f64)>,
}

impl<'a> Figures<'a> {
    /// Reads every figure needed, one query per year.
    pub fn read(data: &'a Dataset, providers: Vec<usize>, partners: Vec<usize>, categories: Vec<usize>, years: Vec<usize>) -> Self {
        let mut values = Vec::with_capacity(years.len());
        let mut missing = Vec::new();
        for &y in &years {
            let query = Query {
                providers: providers.clone(),
                categories: categories.clone(),
                years: vec![y],
                rows: Dim::Provider,
                series: Some(Dim::Category),
            };
            // Indices come from the dataset's own dictionaries and the grouping splits categories,
            // so the query cannot fail; if it somehow did, every figure reads as missing.
            let per_year: Vec<Vec<Option<f64>>> = match query.run(data) {
                Ok(result) => (0..providers.len())
                    .map(|p| {
                        (0..categories.len())
                            .map(|c| {
                                let cell = result.cell(p, c);
                                missing.extend_from_slice(&cell.missing);
                                cell.value()
                            })
                            .collect()
                    })
                    .collect(),
                Err(_) => vec![vec![None; categories.len()]; providers.len()],
            };
            values.push(per_year);
        }
        Figures { data, providers, partners, categories, years, values, missing, cross: None }
    }

    fn get(&self, year: usize, provider: usize, category: usize) -> Option<f64> {
        let y = self.years.iter().position(|&i| i == year)?;
        let p = self.providers.iter().position(|&i| i == provider)?;
        let c = self.categories.iter().position(|&i| i == category)?;
        self.values[y][p][c]
    }

    /// The sum of `categories` for one provider: `(sum, reported, missing)`.
    fn provider_sum(&self, year: usize, provider: usize, categories: &[usize]) -> (f64, usize, usize) {
        let mut out = (0.0, 0, 0);
        for &c in categories {
            match self.get(year, provider, c) {
                Some(v) => {
                    out.0 += v;
                    out.1 += 1;
                }
                None => out.2 += 1,
            }
        }
        out
    }

    /// The sum of `categories` for an entity.
    pub fn sum(&self, entity: Entity, year: usize, categories: &[usize]) -> Point {
        if entity == Entity::UkReported {
            return super::coverage::sum(self.data, year, categories);
        }
        let providers: Vec<usize> = match entity {
            Entity::Provider(p) => vec![p],
            Entity::Combined => self.partners.clone(),
            Entity::UkReported => Vec::new(),
        };
        let (mut sum, mut reported, mut missing) = (0.0, 0, 0);
        for p in providers {
            let (s, r, m) = self.provider_sum(year, p, categories);
            sum += s;
            reported += r;
            missing += m;
        }
        match (reported, missing) {
            (0, _) => Point::NOT_REPORTED,
            (_, 0) => Point { value: Some(sum), status: Status::Reported },
            _ => Point { value: Some(sum), status: Status::Incomplete },
        }
    }

    /// `numerator` as a measure of an entity: the count itself, a share of `selected`, or per
    /// 100 of a total.
    pub fn measure(&self, entity: Entity, year: usize, numerator: &[usize], selected: &[usize], measure: &Measure) -> Point {
        if entity == Entity::UkReported {
            return super::coverage::measure(self.data, year, numerator, selected, measure);
        }
        let base: Vec<usize> = match measure {
            Measure::Count => return self.sum(entity, year, numerator),
            Measure::NetFlow => return self.net_flow(entity, year),
            Measure::ShareOfUk => return self.share_of_uk(entity, year, numerator),
            Measure::Change { base, kind } => return self.change(entity, year, numerator, base, *kind),
            Measure::Across(_) => return self.across(entity, year, numerator),
            Measure::ShareOfSelection => selected.to_vec(),
            Measure::PerHundred(key) => match self.data.category_index(key) {
                Some(t) => vec![t],
                None => return Point::NOT_REPORTED,
            },
        };
        let providers: Vec<usize> = match entity {
            Entity::Provider(p) => vec![p],
            Entity::Combined => self.partners.clone(),
            Entity::UkReported => Vec::new(),
        };
        let (mut num, mut den, mut included, mut excluded) = (0.0, 0.0, 0, 0);
        let mut worst = Status::NotReported;
        for &p in &providers {
            let (n, _, n_missing) = self.provider_sum(year, p, numerator);
            let (d, d_reported, d_missing) = self.provider_sum(year, p, &base);
            if n_missing > 0 || d_missing > 0 || d_reported == 0 {
                excluded += 1;
                if n_missing == 0 {
                    worst = Status::BaseIncomplete;
                }
                continue;
            }
            num += n;
            den += d;
            included += 1;
        }
        if included == 0 {
            return Point { value: None, status: worst };
        }
        if den < MIN_BASE {
            return Point { value: None, status: Status::BaseTooSmall };
        }
        let status = if excluded > 0 { Status::Incomplete } else { Status::Reported };
        Point { value: Some(num / den * 100.0), status }
    }

    /// Both sides of a measure across datasets for an entity: `(numerator, base, included,
    /// excluded)`, adding up only the providers that reported both sides in full.
    pub fn cross_counts(&self, entity: Entity, year: usize, numerator: &[usize]) -> (f64, f64, usize, usize) {
        let Some(base) = self.cross else { return (0.0, 0.0, 0, self.members(entity).len()) };
        let (mut num, mut den, mut included, mut excluded) = (0.0, 0.0, 0, 0);
        for p in self.members(entity) {
            let (n, n_reported, n_missing) = self.provider_sum(year, p, numerator);
            match super::cross::base_value(self.data, base, p, year) {
                Some(d) if n_missing == 0 && n_reported > 0 => {
                    num += n;
                    den += d;
                    included += 1;
                }
                _ => excluded += 1,
            }
        }
        (num, den, included, excluded)
    }

    /// `numerator` over the other dataset's figure of the same providers and year (per 100 or
    /// per one): a provider where either side was not reported is left out, never counted as 0;
    /// the partners together say when some were left out.
    fn across(&self, entity: Entity, year: usize, numerator: &[usize]) -> Point {
        let Some((_, _, per)) = self.cross else { return Point::NOT_REPORTED };
        let (num, den, included, excluded) = self.cross_counts(entity, year, numerator);
        if included == 0 {
            return Point::NOT_REPORTED;
        }
        if den < MIN_BASE {
            return Point { value: None, status: Status::BaseTooSmall };
        }
        let status = if excluded > 0 { Status::Incomplete } else { Status::Reported };
        Point { value: Some(num / den * per), status }
    }

    /// The providers an entity adds up (none for the coverage's comparator, read apart).
    fn members(&self, entity: Entity) -> Vec<usize> {
        match entity {
            Entity::Provider(p) => vec![p],
            Entity::Combined => self.partners.clone(),
            Entity::UkReported => Vec::new(),
        }
    }

    /// Starters minus leavers of an entity (a flows dataset): only providers that reported both
    /// count; the partners together leave the others out and say so.
    fn net_flow(&self, entity: Entity, year: usize) -> Point {
        let Some(parts) = super::flows::flow_parts(self.data) else { return Point::NOT_REPORTED };
        let providers = self.members(entity);
        let (mut net, mut included, mut excluded) = (0.0, 0, 0);
        for p in providers {
            match (self.get(year, p, parts.starters), self.get(year, p, parts.leavers)) {
                (Some(s), Some(l)) => {
                    net += s - l;
                    included += 1;
                }
                _ => excluded += 1,
            }
        }
        match (included, excluded) {
            (0, _) => Point::NOT_REPORTED,
            (_, 0) => Point { value: Some(net), status: Status::Reported },
            _ => Point { value: Some(net), status: Status::Incomplete },
        }
    }

    /// `numerator` of an entity as a percentage of the UK's figure for the same categories and
    /// year. The UK total must have been read with the other providers.
    fn share_of_uk(&self, entity: Entity, year: usize, numerator: &[usize]) -> Point {
        let part = self.sum(entity, year, numerator);
        let Some(num) = part.value else { return Point::NOT_REPORTED };
        let uk = self.data.provider_index(UK_TOTAL_KEY).map_or(Point::NOT_REPORTED, |u| self.sum(Entity::Provider(u), year, numerator));
        match (uk.value, uk.status) {
            (Some(den), Status::Reported) if den < MIN_BASE => Point { value: None, status: Status::BaseTooSmall },
            (Some(den), Status::Reported) => Point { value: Some(num / den * 100.0), status: part.status },
            _ => Point { value: None, status: Status::BaseIncomplete },
        }
    }

    /// The change of `numerator` from the `base` year to `year`. Only providers that reported
    /// every figure in both years (and every year between, for the index) count; the partners
    /// together leave the others out and say so.
    fn change(&self, entity: Entity, year: usize, numerator: &[usize], base: &str, kind: ChangeKind) -> Point {
        let Some(b) = self.data.year_index(base) else { return Point { value: None, status: Status::SeriesBreak } };
        let span: Vec<usize> = match kind {
            ChangeKind::Index => (b.min(year)..=b.max(year)).collect(),
            ChangeKind::Absolute | ChangeKind::Percent => vec![b, year],
        };
        let providers: Vec<usize> = match entity {
            Entity::Provider(p) => vec![p],
            Entity::Combined => self.partners.clone(),
            Entity::UkReported => Vec::new(),
        };
        let (mut now, mut then, mut included, mut excluded) = (0.0, 0.0, 0, 0);
        let mut reported_now = false;
        for &p in &providers {
            let (n, n_reported, _) = self.provider_sum(year, p, numerator);
            reported_now |= n_reported > 0;
            let complete = span.iter().all(|&y| {
                let (_, r, m) = self.provider_sum(y, p, numerator);
                r > 0 && m == 0
            });
            if !complete {
                excluded += 1;
                continue;
            }
            now += n;
            then += self.provider_sum(b, p, numerator).0;
            included += 1;
        }
        if included == 0 {
            let status = if reported_now { Status::SeriesBreak } else { Status::NotReported };
            return Point { value: None, status };
        }
        let value = match kind {
            ChangeKind::Absolute => now - then,
            _ if then < MIN_BASE => return Point { value: None, status: Status::BaseTooSmall },
            ChangeKind::Percent => (now - then) / then * 100.0,
            ChangeKind::Index => now / then * 100.0,
        };
        let status = if excluded > 0 { Status::Incomplete } else { Status::Reported };
        Point { value: Some(value), status }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::{CategoryInfo, CategoryKey, DatasetInfo};
    use crate::tidy::TidyRecord;

    /// Two providers, one year; A reports everything, B only the academic figure.
    fn data() -> Dataset {
        let cat = |group: &str, name: &str, total: bool| CategoryInfo { group: group.into(), name: name.into(), total };
        let info = DatasetInfo {
            id: "t".into(),
            title: "T".into(),
            measure: "headcount".into(),
            counted: String::new(),
            file: "t.csv".into(),
            others_file: String::new(),
            coverage_file: String::new(),
            source_table: "DT025 Table 1".into(),
            source_title: String::new(),
            source_link: String::new(),
            licence: "CC BY 4.0".into(),
            notes: String::new(),
            categories: vec![cat("Academic", "Total academic staff", true), cat("Non-academic", "Total non-academic staff", true), cat("", "Small", false)],
            default_categories: vec![],
            year_labels: Vec::new(),
            rate_base: None,
        };
        let rec = |ukprn: &str, category: &str, group: &str, value: Option<f64>| TidyRecord {
            ukprn: ukprn.into(),
            provider: ukprn.into(),
            year: "2020/21".into(),
            group: group.into(),
            category: category.into(),
            value,
            line: 0,
        };
        let records = vec![
            rec("A", "Total academic staff", "Academic", Some(1000.0)),
            rec("A", "Total non-academic staff", "Non-academic", Some(1500.0)),
            rec("A", "Small", "", Some(20.0)),
            rec("B", "Total academic staff", "Academic", Some(3000.0)),
            rec("B", "Total non-academic staff", "Non-academic", None),
            rec("B", "Small", "", Some(10.0)),
        ];
        Dataset::from_records(info, "t.csv", &records).expect("valid")
    }

    fn figures(d: &Dataset) -> Figures<'_> {
        Figures::read(d, vec![0, 1], vec![0, 1], vec![0, 1, 2], vec![0])
    }

    fn per_academic() -> Measure {
        Measure::PerHundred(CategoryKey { group: "Academic".into(), name: "Total academic staff".into() })
    }

    #[test]
    fn sums_mark_missing_figures() {
        let d = data();
        let f = figures(&d);
        assert_eq!(f.sum(Entity::Provider(0), 0, &[0, 1]), Point { value: Some(2500.0), status: Status::Reported });
        assert_eq!(f.sum(Entity::Provider(1), 0, &[1]), Point::NOT_REPORTED);
        assert_eq!(f.sum(Entity::Provider(1), 0, &[0, 1]), Point { value: Some(3000.0), status: Status::Incomplete });
        assert_eq!(f.sum(Entity::Combined, 0, &[1]), Point { value: Some(1500.0), status: Status::Incomplete });
        assert_eq!(f.sum(Entity::Combined, 0, &[0]), Point { value: Some(4000.0), status: Status::Reported });
    }

    #[test]
    fn ratios_divide_within_a_provider() {
        let d = data();
        let f = figures(&d);
        // Non-academic per 100 academic: A = 150; B did not report non-academic staff.
        let a = f.measure(Entity::Provider(0), 0, &[1], &[0, 1], &per_academic());
        assert_eq!(a, Point { value: Some(150.0), status: Status::Reported });
        assert_eq!(f.measure(Entity::Provider(1), 0, &[1], &[0, 1], &per_academic()).value, None);
        // Together: only A reported both parts, so the ratio is A's and says it is incomplete
        // (not 1,500 / 4,000 = 37.5, which would divide along partners that did not report).
        let both = f.measure(Entity::Combined, 0, &[1], &[0, 1], &per_academic());
        assert_eq!(both, Point { value: Some(150.0), status: Status::Incomplete });
    }

    #[test]
    fn shares_need_a_complete_base_of_22_5_or_more() {
        let d = data();
        let f = figures(&d);
        let share = f.measure(Entity::Provider(0), 0, &[0], &[0, 1], &Measure::ShareOfSelection);
        assert_eq!(share, Point { value: Some(40.0), status: Status::Reported });
        // B's base misses the non-academic figure: its academic share is not shown at all.
        let b = f.measure(Entity::Provider(1), 0, &[0], &[0, 1], &Measure::ShareOfSelection);
        assert_eq!(b, Point { value: None, status: Status::BaseIncomplete });
        // A base of 20 (A's "Small") is under 22.5: no percentage.
        let small = f.measure(Entity::Provider(0), 0, &[2], &[2], &Measure::ShareOfSelection);
        assert_eq!(small, Point { value: None, status: Status::BaseTooSmall });
        // Together the base is 30: shown.
        let both = f.measure(Entity::Combined, 0, &[2], &[2], &Measure::ShareOfSelection);
        assert_eq!(both, Point { value: Some(100.0), status: Status::Reported });
    }
}
