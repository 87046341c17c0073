//! Categories whose labels change from year to year (Staff Table 17's salary bands, whose £
//! thresholds move every year): named with that year's thresholds for one year, and by their
//! plain name on a trend with a note giving the first and last year's thresholds.

use crate::dataset::Dataset;

/// A category's name in a view of one year (`Some(year)`: "Band 3: £28,759 to under £38,205")
/// or of several (`None`: "Band 3").
pub fn name(data: &Dataset, category: usize, year: Option<usize>) -> String {
    match year.and_then(|y| data.years().get(y)) {
        Some(year) => data.info.category_label_in(category, year),
        None => data.categories().get(category).map(|c| c.label()).unwrap_or_default(),
    }
}

/// On a trend: `Band thresholds change every year: Band 1 (lowest) under £18,031 in 2014/15,
/// under £22,681 in 2023/24; …`, for the categories shown that have yearly labels.
pub fn trend_note(data: &Dataset, categories: &[usize], years: &[usize]) -> Option<String> {
    let year = |i: Option<&usize>| i.and_then(|&y| data.years().get(y));
    let (first, last) = (year(years.first())?, year(years.last())?);
    let parts: Vec<String> = categories
        .iter()
        .filter_map(|&c| {
            let (a, b) = (data.info.year_label(c, first)?, data.info.year_label(c, last)?);
            Some(format!("{} {a} in {first}, {b} in {last}", name(data, c, None)))
        })
        .collect();
    (!parts.is_empty() && first != last).then(|| format!("Band thresholds change every year: {}.", parts.join("; ")))
}
