//! Coverage that the data shows and a figure must say: HESA's non-academic opt-out. Since 2019/20
//! providers in England and Northern Ireland may choose not to return non-academic staff, and HESA
//! publishes no UK total for them from then. Who did not return which years is read from the
//! figures (a partner's non-academic total not reported from the year the UK total stops), never
//! from a list of names. A table of all staff without a non-academic group (FTE by cost centre,
//! staff by nationality) shows it the same way through its grand total: every figure includes
//! non-academic staff.

use super::Names;
use crate::dataset::Dataset;
use crate::format;
use crate::lens::Lens;
use crate::manifest::UK_TOTAL_KEY;
use crate::query::Missing;
use crate::selection::Selection;

/// The group HESA's opt-out applies to.
const NON_ACADEMIC: &str = "Non-academic";

/// The opt-out as the data shows it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct OptOut {
    /// The first year (index) with no UK total for non-academic staff.
    pub from: usize,
    /// Categories the opt-out leaves out: the non-academic ones and the totals that include them.
    categories: Vec<usize>,
    /// The UK total's index.
    uk: usize,
    /// Partners (dataset indices, manifest order) that did not return, with the years.
    partners: Vec<(usize, Vec<usize>)>,
    /// A table of all staff read through its grand total (no non-academic group of its own).
    all_staff: bool,
}

impl OptOut {
    /// Reads the opt-out from a dataset with a non-academic total and the UK total; `None` when
    /// the data shows none.
    pub fn find(names: &Names, data: &Dataset) -> Option<OptOut> {
        let cats = data.categories();
        // The non-academic total; or, in a table of all staff (no group of its own for them, and
        // not only some staff), its grand total, which every figure's staff are part of.
        let non_academic = cats.iter().position(|c| c.total && c.group == NON_ACADEMIC);
        let all_staff = data.info.counted.is_empty() && matches!(data.info.measure.as_str(), "headcount" | "FTE");
        let grand_total = || cats.iter().position(|c| c.total && c.group.is_empty()).filter(|_| all_staff);
        let total = non_academic.or_else(grand_total)?;
        let uk = data.provider_index(UK_TOTAL_KEY)?;
        let from = (0..data.years().len()).find(|&y| data.value(uk, y, total).is_none())?;
        let categories = match non_academic {
            Some(_) => (0..cats.len()).filter(|&c| cats[c].group == NON_ACADEMIC || cats[c].covers(&cats[total])).collect(),
            None => (0..cats.len()).collect(),
        };
        let partners = names
            .bundle
            .manifest
            .partners
            .iter()
            .filter_map(|m| data.provider_index(&m.ukprn))
            .map(|p| (p, (from..data.years().len()).filter(|&y| data.value(p, y, total).is_none()).collect::<Vec<_>>()))
            .filter(|(_, years)| !years.is_empty())
            .collect();
        Some(OptOut { from, categories, uk, partners, all_staff: non_academic.is_none() })
    }

    /// Whether figures of `categories` (with a ratio's base) in `years` are touched by it.
    pub fn involves(&self, categories: &[usize], years: &[usize]) -> bool {
        categories.iter().any(|c| self.categories.contains(c)) && years.iter().any(|&y| y >= self.from)
    }

    /// Whether a figure not reported is the opt-out's doing (said once by [`OptOut::note`]
    /// rather than again among the figures not reported).
    pub fn explains(&self, m: &Missing) -> bool {
        m.year >= self.from
            && self.categories.contains(&m.category)
            && (m.provider == self.uk || self.partners.iter().any(|(p, years)| *p == m.provider && years.contains(&m.year)))
    }

    /// The sentence: since when, who did not return which years, and the missing UK total.
    pub fn note(&self, names: &Names, data: &Dataset) -> String {
        let year = |y: usize| data.years().get(y).map_or("", String::as_str);
        let from = year(self.from);
        // Partners with the same years together, in the manifest's order.
        let mut groups: Vec<(&[usize], Vec<String>)> = Vec::new();
        for (p, years) in &self.partners {
            match groups.iter_mut().find(|(y, _)| *y == years.as_slice()) {
                Some((_, who)) => who.push(names.provider(*p)),
                None => groups.push((years, vec![names.provider(*p)])),
            }
        }
        let when = |years: &[usize]| -> String {
            let mut runs: Vec<(usize, usize)> = Vec::new();
            for &y in years {
                match runs.last_mut() {
                    Some((_, end)) if *end + 1 == y => *end = y,
                    _ => runs.push((y, y)),
                }
            }
            let text: Vec<String> =
                runs.iter().map(|&(a, b)| if a == b { year(a).to_string() } else { format!("{}–{}", year(a), year(b)) }).collect();
            match runs.as_slice() {
                [(a, b)] if a == b => format!("in {}", text.join("")),
                _ => format!("({})", format::list(&text)),
            }
        };
        let who: Vec<String> = groups
            .iter()
            .enumerate()
            .map(|(i, (years, who))| {
                let lead = if i == 0 { format!("{} did not", format::list(who)) } else { format!("nor {}", format::list(who)) };
                format!("{lead} {}", when(years))
            })
            .collect();
        let rule = format!("Since {from}, providers in England and Northern Ireland may choose not to return non-academic staff to HESA");
        let uk = if self.all_staff {
            format!("HESA publishes no UK total for these figures, which include non-academic staff, from {from}.")
        } else {
            format!("HESA publishes no UK total for non-academic staff from {from}.")
        };
        if who.is_empty() {
            format!("{rule}, and {uk}")
        } else {
            format!("{rule}; {}, and {uk}", who.join(", "))
        }
    }

    /// The labelled rule a trend draws before the first opt-out year, when it crosses it.
    pub fn breaks(&self, data: &Dataset, trend: bool) -> Vec<(usize, String)> {
        match data.years().get(self.from) {
            Some(year) if trend && self.from > 0 => vec![(self.from, format!("Opt-out from {year}"))],
            _ => Vec::new(),
        }
    }
}

/// The definitions of the lenses whose figures the selection shows.
pub(super) fn lens_notes(selection: &Selection) -> Vec<String> {
    Lens::ALL.into_iter().filter(|l| l.counts(&selection.dataset, &selection.categories)).map(|l| l.definition().to_string()).collect()
}
