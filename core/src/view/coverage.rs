//! What a dataset's coverage adds to a view: the caption's sentences on how many UK providers
//! reported a figure (when not all did), and the comparator "UK, providers that reported" — the
//! sum over the providers that reported, which is not HESA's published UK total.

use crate::coverage::CoverageRow;
use crate::dataset::Dataset;
use crate::format;
use crate::palette::Rgb;
use crate::selection::{Measure, Selection};
use crate::view::figures::{Point, Status, MIN_BASE};
use crate::view::{RowKind, SeriesView, Unit};
use crate::view::flows::flow_parts;

/// How the comparator is named on charts, tables and captions.
pub const UK_REPORTED_NAME: &str = "UK, providers that reported";

/// The comparator's grey: lighter than the UK total's, and drawn with its own hatch and dash
/// (never a partner's colour). 5.3:1 on white.
pub const UK_REPORTED_COLOUR: Rgb = Rgb(0x6b, 0x6b, 0x6b);

/// Whether the comparator is shown: asked for, the coverage known, and a measure it has (no
/// share of the UK, no change: the providers that reported differ from year to year).
pub fn offered(data: &Dataset, selection: &Selection) -> bool {
    selection.compare_uk_reported
        && data.coverage().is_some()
        && !matches!(selection.measure, Measure::ShareOfUk | Measure::Change { .. } | Measure::Across(_))
}

/// One sentence per distinct case where not every UK provider reported a figure shown, e.g.
/// `Total non-academic staff, 2023/24: 125 of 227 providers reported.` Categories with the same
/// counts in the same years share a sentence; over several years each year's counts are given
/// (as ranges past [`YEARS_LISTED`] years).
pub fn notes(data: &Dataset, categories: &[usize], years: &[usize]) -> Vec<String> {
    let Some(coverage) = data.coverage() else { return Vec::new() };
    // Per category, its incomplete years as (year, reported, providers).
    let mut groups: Vec<(Vec<(usize, u64, u64)>, Vec<usize>)> = Vec::new();
    for &c in categories {
        let Some(category) = data.categories().get(c) else { continue };
        let key = category.key();
        let gaps: Vec<(usize, u64, u64)> = years
            .iter()
            .filter_map(|&y| {
                let row = coverage.get(data.years().get(y)?, &key)?;
                (!row.is_complete()).then_some((y, row.reported, row.providers))
            })
            .collect();
        if gaps.is_empty() {
            continue;
        }
        match groups.iter_mut().find(|(g, _)| *g == gaps) {
            Some((_, cats)) => cats.push(c),
            None => groups.push((gaps, vec![c])),
        }
    }
    groups
        .into_iter()
        .map(|(gaps, cats)| {
            let what: Vec<String> = cats.iter().map(|&c| data.categories()[c].label()).collect();
            format!("{}, {}.", format::list(&what), counts_text(data.years(), &gaps))
        })
        .collect()
}

/// The most years whose counts are given one by one; past this, as ranges.
const YEARS_LISTED: usize = 6;

/// What a note says after its categories: `2023/24: 125 of 227 providers reported`; over several
/// years each year's own counts, `providers reported 131 of 196 in 2019/20, … and 125 of 227 in
/// 2023/24` (up to [`YEARS_LISTED`] years), else ranges said as ranges.
fn counts_text(year_names: &[String], gaps: &[(usize, u64, u64)]) -> String {
    let when: Vec<usize> = gaps.iter().map(|g| g.0).collect();
    let years = years_text(year_names, &when);
    let same = gaps.windows(2).all(|w| (w[0].1, w[0].2) == (w[1].1, w[1].2));
    if let (true, Some(&(_, reported, providers))) = (same, gaps.first()) {
        return format!("{years}: {} providers reported", of_text(reported, providers));
    }
    if gaps.len() <= YEARS_LISTED {
        let each: Vec<String> = gaps
            .iter()
            .map(|&(y, reported, providers)| {
                format!("{} in {}", of_text(reported, providers), year_names.get(y).cloned().unwrap_or_default())
            })
            .collect();
        return format!("providers reported {}", format::list(&each));
    }
    format!("{years}: {} providers reported each year, of the {} in HESA's table", between(gaps), providers_text(gaps))
}

/// `125 of 227 providers`, or over years whose counts differ `between 125 and 166 providers a
/// year, of the 163 to 227 in HESA's table`.
fn ranges_text(counts: &[(usize, u64, u64)]) -> String {
    let (low, high) = range(counts.iter().map(|g| g.1));
    let (fewest, most) = range(counts.iter().map(|g| g.2));
    if (low, fewest) == (high, most) {
        return format!("{} providers", of_text(low, fewest));
    }
    format!("{} providers a year, of the {} in HESA's table", between(counts), providers_text(counts))
}

/// `between 125 and 166`: the fewest and most providers that reported.
fn between(counts: &[(usize, u64, u64)]) -> String {
    let (low, high) = range(counts.iter().map(|g| g.1));
    format!("between {} and {}", format::number(low as f64), format::number(high as f64))
}

/// `227`, or over several years `196 to 227`.
fn providers_text(counts: &[(usize, u64, u64)]) -> String {
    match range(counts.iter().map(|g| g.2)) {
        (a, b) if a == b => format::number(a as f64),
        (a, b) => format!("{} to {}", format::number(a as f64), format::number(b as f64)),
    }
}

/// `125 of 227`, `none of 227`.
fn of_text(reported: u64, providers: u64) -> String {
    let reported = if reported == 0 { "none".to_string() } else { format::number(reported as f64) };
    format!("{reported} of {}", format::number(providers as f64))
}

fn range(values: impl Iterator<Item = u64> + Clone) -> (u64, u64) {
    (values.clone().min().unwrap_or(0), values.max().unwrap_or(0))
}

/// `2023/24`, `2019/20 to 2023/24` for consecutive years, else a list.
fn years_text(year_names: &[String], years: &[usize]) -> String {
    let name = |y: usize| year_names.get(y).cloned().unwrap_or_default();
    let consecutive = years.windows(2).all(|w| w[1] == w[0] + 1);
    match years {
        [] => String::new(),
        [one] => name(*one),
        [first, .., last] if consecutive => format!("{} to {}", name(*first), name(*last)),
        _ => format::list(&years.iter().map(|&y| name(y)).collect::<Vec<_>>()),
    }
}

/// The coverage rows of `categories` in `year`, or `None` when any is unknown.
fn rows<'a>(data: &'a Dataset, year: usize, categories: &[usize]) -> Option<Vec<&'a CoverageRow>> {
    let coverage = data.coverage()?;
    let year = data.years().get(year)?;
    categories.iter().map(|&c| coverage.get(year, &data.categories().get(c)?.key())).collect()
}

/// The sum over the providers that reported each of `categories` in `year`: incomplete when some
/// of those figures were not reported by every provider (which is always said in the caption).
pub fn sum(data: &Dataset, year: usize, categories: &[usize]) -> Point {
    let Some(rows) = rows(data, year, categories) else { return Point::NOT_REPORTED };
    let sums: Vec<f64> = rows.iter().filter_map(|r| r.sum()).collect();
    if sums.is_empty() {
        return Point::NOT_REPORTED;
    }
    let status = if sums.len() == rows.len() { Status::Reported } else { Status::Incomplete };
    Point { value: Some(sums.iter().sum()), status }
}

/// Whether the same providers stand behind every row: each reported by the same number of the
/// year's providers (HESA's opt-outs leave out whole blocks of a provider's return, so the same
/// count within one year and table is the same providers).
fn same_reporters(rows: &[&CoverageRow]) -> bool {
    rows.windows(2).all(|w| w[0].reported == w[1].reported) && rows.iter().all(|r| r.reported > 0)
}

/// The comparator's figure for a measure. A share or rate divides its own sums within the year,
/// only when the same providers reported both parts; it has no share of the UK and no change
/// (the providers that reported differ from year to year).
pub fn measure(data: &Dataset, year: usize, numerator: &[usize], selected: &[usize], measure: &Measure) -> Point {
    let base: Vec<usize> = match measure {
        Measure::Count => return sum(data, year, numerator),
        // Across datasets the providers that reported each side differ: not available.
        Measure::ShareOfUk | Measure::Change { .. } | Measure::Across(_) => return Point { value: None, status: Status::BaseIncomplete },
        Measure::NetFlow => {
            let Some(parts) = flow_parts(data) else { return Point::NOT_REPORTED };
            let both = [parts.starters, parts.leavers];
            return match rows(data, year, &both) {
                Some(rows) if same_reporters(&rows) => {
                    Point { value: Some(rows[0].reported_sum - rows[1].reported_sum), status: Status::Reported }
                }
                Some(_) => Point { value: None, status: Status::BaseIncomplete },
                None => Point::NOT_REPORTED,
            };
        }
        Measure::ShareOfSelection => selected.to_vec(),
        Measure::PerHundred(key) => match data.category_index(key) {
            Some(t) => vec![t],
            None => return Point::NOT_REPORTED,
        },
    };
    let mut all = numerator.to_vec();
    all.extend(base.iter().filter(|c| !numerator.contains(c)));
    let (Some(all_rows), Some(num_rows), Some(base_rows)) = (rows(data, year, &all), rows(data, year, numerator), rows(data, year, &base))
    else {
        return Point::NOT_REPORTED;
    };
    if !same_reporters(&all_rows) {
        return Point { value: None, status: Status::BaseIncomplete };
    }
    let num: f64 = num_rows.iter().map(|r| r.reported_sum).sum();
    let den: f64 = base_rows.iter().map(|r| r.reported_sum).sum();
    if den < MIN_BASE {
        return Point { value: None, status: Status::BaseTooSmall };
    }
    Point { value: Some(num / den * 100.0), status: Status::Reported }
}

/// `125 of 227 providers`, or a range over several years, for the comparator's caption note.
pub fn reporters_note(data: &Dataset, categories: &[usize], years: &[usize]) -> Option<String> {
    let coverage = data.coverage()?;
    let counts: Vec<(usize, u64, u64)> = years
        .iter()
        .flat_map(|&y| {
            categories.iter().filter_map(move |&c| {
                let row = coverage.get(data.years().get(y)?, &data.categories().get(c)?.key())?;
                Some((y, row.reported, row.providers))
            })
        })
        .collect();
    if counts.is_empty() {
        return None;
    }
    let who = if counts.iter().all(|c| c.1 == c.2) {
        format!("all {} providers (every one reported)", providers_text(&counts))
    } else {
        format!("the providers that reported each figure ({})", ranges_text(&counts))
    };
    Some(format!("{UK_REPORTED_NAME}: the sum over {who}, not HESA's published UK total."))
}

/// With figures in people (counts, net changes), the comparator (the whole sector) would flatten
/// the partners' bars and lines on one scale: it comes off the chart, stays in the table, and a
/// note says where it is. Shares and rates pass through.
pub fn off_the_scale(unit: Unit, labels: &mut Vec<String>, row_kinds: &mut Vec<RowKind>, series: &mut Vec<SeriesView>) -> Option<String> {
    if !matches!(unit, Unit::Count | Unit::Change) {
        return None;
    }
    let advice = "Choose a \"Per 100\" measure under Show to compare the partners with it.";
    if !super::take_off_chart(labels, row_kinds, series, RowKind::UkReported, UK_REPORTED_NAME) {
        return None;
    }
    Some(format!("{UK_REPORTED_NAME} is in the table but not on the chart: on the same scale it would flatten the partners' figures. {advice}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("{}/{:02}", 2014 + i, 15 + i)).collect()
    }

    #[test]
    fn one_count_or_the_same_counts_are_said_once() {
        assert_eq!(counts_text(&names(10), &[(9, 125, 227)]), "2023/24: 125 of 227 providers reported");
        assert_eq!(counts_text(&names(10), &[(8, 0, 223), (9, 0, 223)]), "2022/23 to 2023/24: none of 223 providers reported");
    }

    #[test]
    fn each_years_counts_are_given_up_to_six_years_then_ranges() {
        let gaps = [(5, 131, 196), (6, 130, 213)];
        assert_eq!(counts_text(&names(10), &gaps), "providers reported 131 of 196 in 2019/20 and 130 of 213 in 2020/21");
        let many: Vec<(usize, u64, u64)> = (0..7).map(|y| (y, 120 + y as u64, 160 + y as u64)).collect();
        assert_eq!(
            counts_text(&names(10), &many),
            "2014/15 to 2020/21: between 120 and 126 providers reported each year, of the 160 to 166 in HESA's table"
        );
    }
}
