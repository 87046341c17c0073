//! The words above a chart: a title built from the selection (what is counted, how it is
//! measured, who is shown; the caption adds when), and a subtitle saying the same in plain
//! sentences. Never just the dataset's name: that goes in the caption's dataset line.

use crate::dataset::Dataset;
use crate::format;
use crate::manifest::CategoryInfo;
use crate::selection::{ChangeKind, Measure, Selection};

/// Who a title names: the partners shown, other providers by name and whether the UK total is
/// drawn.
pub(super) struct Who<'a> {
    /// Short names of the partners shown, in the chart's order.
    pub partners: Vec<&'a str>,
    /// How many partners there are in all (the manifest's).
    pub all_partners: usize,
    /// Other UK providers shown, by name.
    pub others: Vec<&'a str>,
    /// The UK total is drawn (a bar, a line or a reference line).
    pub uk: bool,
}

/// At most this many providers are named one by one in a title; more are counted.
const NAMED: usize = 3;

impl Who<'_> {
    /// `Midlands Innovation partners`, `Aston, Keele and Warwick`, `5 partners and the UK`.
    fn phrase(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let partners = self.partners.len();
        if partners > 1 && partners == self.all_partners {
            parts.push("Midlands Innovation partners".to_string());
        } else if partners > NAMED {
            parts.push(format!("{partners} partners"));
        } else {
            parts.extend(self.partners.iter().map(|p| p.to_string()));
        }
        if self.others.len() > NAMED {
            parts.push(format!("{} other UK providers", self.others.len()));
        } else {
            parts.extend(self.others.iter().map(|p| p.to_string()));
        }
        if self.uk {
            parts.push("the UK".to_string());
        }
        format::list(&parts)
    }
}

/// What a figure counts, as a noun for a title: `staff`, `staff FTE`, `students` (None for a
/// table of unknown kind, such as a visitor's own file of another shape).
fn noun(data: &Dataset) -> Option<&str> {
    match data.info.measure.as_str() {
        "FTE" if data.info.counted.is_empty() => Some("staff FTE"),
        _ => people(data),
    }
}

/// Who a figure counts, without how: `staff`, `full-time academic staff`, `students`. A subtitle
/// says how on its own (`Full-time equivalent (FTE) of all staff`).
fn people(data: &Dataset) -> Option<&str> {
    // Tables that count only some staff say so in every title.
    if !data.info.counted.is_empty() {
        return Some(data.info.counted.as_str());
    }
    match data.info.measure.as_str() {
        "headcount" | "FTE" => Some("staff"),
        "students" => Some("students"),
        _ => None,
    }
}

/// The first letter in lower case, unless the word is an acronym (`HE`, `FTE`). The names are
/// English; case is changed for ASCII letters only (other letters are left as they are), which
/// keeps the standard library's Unicode case tables (some 20 KB) out of the page.
fn lower_first(text: &str) -> String {
    let bytes = text.as_bytes();
    // A name of a place or body (`European Union`, `Non-European Union`): a later word capitalised.
    let proper = text.split([' ', '-']).skip(1).any(|w| w.starts_with(|c: char| c.is_ascii_uppercase()));
    match bytes {
        [_, b, ..] if b.is_ascii_uppercase() => text.to_string(),
        _ if proper => text.to_string(),
        [] => String::new(),
        _ => {
            let mut out = text.to_string();
            if let Some(first) = out.get_mut(..1) {
                first.make_ascii_lowercase();
            }
            out
        }
    }
}

/// The first letter in upper case (ASCII letters only, as [`lower_first`]).
pub(super) fn upper_first(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// One category in words, split into who (`non-academic staff`) and where (`associate
/// professional occupations`, empty for a total or a category that is itself a kind of person).
fn category_words(c: &CategoryInfo, noun: Option<&str>) -> (String, String) {
    let Some(noun) = noun else { return (c.label(), String::new()) };
    if !c.group.is_empty() {
        let who = format!("{} {noun}", lower_first(&c.group));
        return (who, if c.total { String::new() } else { lower_first(&c.name) });
    }
    if c.total {
        (format!("all {noun}"), String::new())
    } else if c.name.to_ascii_lowercase().contains(noun) {
        // It names who it counts already: `Academic staff at the start of the year`.
        (lower_first(&c.name), String::new())
    } else if !c.name.contains(char::is_whitespace) && c.name.ends_with("ers") {
        // People named by what they did: `academic staff starters`, `academic staff leavers`.
        (format!("{noun} {}", lower_first(&c.name)), String::new())
    } else if !c.name.contains(char::is_whitespace) {
        // `Female students`, `Premises staff`.
        (format!("{} {noun}", lower_first(&c.name)), String::new())
    } else {
        (noun.to_string(), lower_first(&c.name))
    }
}

/// The dimension the dataset is cut by, from its title: `occupation` in `Staff headcount by
/// occupation`.
fn dimension(data: &Dataset) -> Option<&str> {
    data.info.title.rsplit_once(" by ").map(|(_, d)| d.trim()).filter(|d| !d.is_empty())
}

/// Whether staff work in a category of this dimension (an occupation, a cost centre, a salary
/// band): `staff in engineering & technology`. Otherwise a category is named after the dimension.
fn worked_in(dimension: &str) -> bool {
    ["occupation", "cost centre", "salary band"].iter().any(|d| dimension.ends_with(d))
}

/// The categories in words, those of one kind of person together: `academic and non-academic
/// staff`, `non-academic staff in professional and associate professional occupations`.
fn categories_phrase(data: &Dataset, categories: &[usize], noun: Option<&str>) -> String {
    // (who, places) in the order first met.
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for &c in categories {
        let Some(info) = data.categories().get(c) else { continue };
        let (who, place) = category_words(info, noun);
        match groups.iter_mut().find(|(w, _)| *w == who) {
            Some((_, places)) => places.push(place),
            None => groups.push((who, vec![place])),
        }
    }
    let phrases: Vec<String> = groups
        .iter()
        .map(|(who, places)| {
            let named: Vec<&String> = places.iter().filter(|p| !p.is_empty()).collect();
            if named.is_empty() || named.len() < places.len() {
                // A total among them: the kind of person alone says it.
                who.clone()
            } else {
                match dimension(data).filter(|d| !worked_in(d)) {
                    // Not somewhere one works: `staff by nationality: European Union`.
                    Some(dimension) => format!("{who} by {}: {}", lower_first(dimension), format::list(&named)),
                    None => format!("{who} in {}", format::list(&named)),
                }
            }
        })
        .collect();
    if let Some(noun) = noun {
        // `academic staff` and `non-academic staff`: `academic and non-academic staff`.
        let suffix = format!(" {noun}");
        let kinds: Option<Vec<&str>> = phrases.iter().map(|p| p.strip_suffix(&suffix)).collect();
        if let Some(kinds) = kinds.filter(|k| k.len() > 1) {
            return format!("{}{suffix}", format::list(&kinds));
        }
        // `academic staff starters` and `academic staff leavers`: `academic staff starters and leavers`.
        let prefix = format!("{noun} ");
        let which: Option<Vec<&str>> = phrases.iter().map(|p| p.strip_prefix(&prefix)).collect();
        if let Some(which) = which.filter(|w| w.len() > 1 && w.iter().all(|w| !w.contains(' '))) {
            return format!("{prefix}{}", format::list(&which));
        }
    }
    if phrases.iter().any(|p| p.contains(" and ")) {
        phrases.join("; ")
    } else {
        format::list(&phrases)
    }
}

/// What the chart counts, for a title: the categories in words when there are few, otherwise
/// the dimension the dataset is cut by (`Staff by occupation`, `Academic staff by occupation`).
/// Every part of one group is named by its dimension too (`Students by sex`, not `Female, male and
/// unknown students`).
fn what(data: &Dataset, categories: &[usize]) -> String {
    let phrase = categories_phrase(data, categories, noun(data));
    let dimension = dimension(data);
    // Short enough to read at a glance.
    let short = categories.len() <= 2 || (categories.len() <= 3 && phrase.chars().count() <= 60);
    if short && !(dimension.is_some() && whole_group(data, categories)) {
        return upper_first(&phrase);
    }
    let groups: Vec<&str> = categories.iter().filter_map(|&c| data.categories().get(c)).map(|c| c.group.as_str()).collect();
    let one_group = groups.first().filter(|g| !g.is_empty() && groups.iter().all(|h| h == *g));
    match (noun(data), dimension) {
        (Some(noun), Some(dimension)) => {
            let who = one_group.map_or_else(|| noun.to_string(), |g| format!("{} {noun}", lower_first(g)));
            format!("{} by {}", upper_first(&who), lower_first(dimension))
        }
        (Some(noun), None) => format!("{} in {} categories", upper_first(noun), categories.len()),
        // A table of unknown kind: its own title says what it counts.
        (None, _) => data.info.title.clone(),
    }
}

/// Who several categories count, for a sentence: `students` (every part of a group: all of
/// them), `staff in the 3 selected categories`.
pub(super) fn several(data: &Dataset, categories: &[usize]) -> String {
    match noun(data) {
        Some(noun) if whole_group(data, categories) => noun.to_string(),
        Some(noun) => format!("{noun} in the {} selected categories", categories.len()),
        None => format!("of the {} selected categories", categories.len()),
    }
}

/// True when `categories` are every part (no total) of one group, and more than one.
fn whole_group(data: &Dataset, categories: &[usize]) -> bool {
    let all = data.categories();
    let Some(group) = categories.first().and_then(|&c| all.get(c)).map(|c| &c.group) else { return false };
    let parts: Vec<usize> = all.iter().enumerate().filter(|(_, c)| &c.group == group && !c.total).map(|(i, _)| i).collect();
    categories.len() > 1 && parts.len() == categories.len() && parts.iter().all(|i| categories.contains(i))
}

/// How the figures are measured, as it follows the `what` of a title.
fn measure_phrase(measure: &Measure, y_label: &str) -> String {
    match measure {
        Measure::Count => String::new(),
        Measure::ShareOfSelection => " as a % of the selected categories".to_string(),
        Measure::ShareOfUk => " as a % of the UK".to_string(),
        Measure::PerHundred(_) if y_label.starts_with('%') => format!(" as a {y_label}"),
        Measure::PerHundred(_) => format!(" {y_label}"),
        Measure::Change { base, kind: ChangeKind::Absolute } => format!(", change since {base}"),
        Measure::Change { base, kind: ChangeKind::Percent } => format!(", % change since {base}"),
        Measure::Change { base, kind: ChangeKind::Index } => format!(", index ({base} = 100)"),
        Measure::NetFlow => ", net change (starters − leavers)".to_string(),
        Measure::Across(_) => format!(" {y_label}"),
    }
}

/// The title without its period: `Non-academic staff in associate professional occupations,
/// change since 2014/15, Midlands Innovation partners`. (The caption's heading adds the period.)
pub(super) fn title(data: &Dataset, selection: &Selection, categories: &[usize], y_label: &str, who: &Who) -> String {
    let mut out = match (&selection.measure, noun(data)) {
        // The net change reads starters and leavers together: who they are is enough.
        (Measure::NetFlow, Some(noun)) => upper_first(noun),
        _ => what(data, categories),
    };
    out.push_str(&measure_phrase(&selection.measure, y_label));
    let who = who.phrase();
    if !who.is_empty() {
        out.push_str(", ");
        out.push_str(&who);
    }
    out
}

/// What is counted and how it is measured, in plain sentences: `Headcount of academic and
/// non-academic staff. Percentages of all staff at each provider.`
pub(super) fn subtitle(data: &Dataset, selection: &Selection, categories: &[usize], y_label: &str) -> String {
    let counted = match data.info.measure.as_str() {
        "headcount" => "Headcount".to_string(),
        "FTE" => "Full-time equivalent (FTE)".to_string(),
        "students" => "Number".to_string(),
        other => super::measure_label(other),
    };
    // Who, as `counted` says how (`Full-time equivalent (FTE) of all staff`, not `… staff FTE`).
    let what = match people(data) {
        _ if categories.is_empty() => "no categories".to_string(),
        // Every part of a group: who, then the parts (`students (female, male and unknown)`).
        Some(noun) if whole_group(data, categories) => {
            let parts: Vec<String> = categories.iter().filter_map(|&c| data.categories().get(c)).map(|c| lower_first(&c.name)).collect();
            format!("{noun} ({})", format::list(&parts))
        }
        who => categories_phrase(data, categories, who),
    };
    let mut first = format!("{counted} of {what}.");
    // Salary bands: the year's own thresholds, where one year is shown.
    let year = if selection.chart == crate::selection::ChartKind::Trend { None } else { data.year_index(&selection.year) };
    let bands: Vec<String> = categories.iter().map(|&c| super::year_labels::name(data, c, year)).filter(|n| n.contains('£')).collect();
    if !bands.is_empty() {
        // The bands with this year's thresholds say what the categories are: no need to list them twice.
        first = format!("{counted}, by this year's salary bands: {}.", format::list(&bands));
    }
    let how = match &selection.measure {
        Measure::Count => return first,
        Measure::ShareOfSelection => "Percentages of each provider's total of the selected categories in the same year.".to_string(),
        Measure::ShareOfUk => "Percentages of the UK figure (all providers) for the same categories and year.".to_string(),
        Measure::PerHundred(key) => {
            let base = super::base_name(data, &key.name);
            if y_label.starts_with('%') {
                format!("Percentages of {base} at each provider in the same year.")
            } else {
                format!("Figures per 100 {base} at each provider in the same year.")
            }
        }
        Measure::Change { base, kind: ChangeKind::Absolute } => format!("The change from {base}, in {}.", data.info.measure),
        Measure::Change { base, kind: ChangeKind::Percent } => format!("The change from {base}, as a percentage of the {base} figure."),
        Measure::Change { base, kind: ChangeKind::Index } => format!("Each year's figure as a percentage of the {base} figure ({base} = 100)."),
        Measure::NetFlow => return "Academic staff who started minus those who left, per provider and year.".to_string(),
        Measure::Across(cross) => {
            let base = cross.base();
            let per = if base.per == 100.0 { "per 100" } else { "per one of the" };
            format!("Figures {per} {} of the same provider in the same year (two HESA tables).", base.words)
        }
    };
    format!("{first} {how}")
}

#[cfg(test)]
mod case_tests {
    use super::{lower_first, upper_first};

    #[test]
    fn first_letters_change_case_in_ascii_and_never_split_a_character() {
        assert_eq!(lower_first("Academic staff"), "academic staff");
        assert_eq!(lower_first("HE staff"), "HE staff", "an acronym keeps its case");
        assert_eq!(lower_first("FTE"), "FTE");
        assert_eq!(lower_first(""), "");
        assert_eq!(lower_first("Élan"), "Élan", "a letter outside ASCII is left as it is");
        assert_eq!(lower_first("European Union"), "European Union", "a proper name keeps its case");
        assert_eq!(lower_first("Non-European Union"), "Non-European Union");
        assert_eq!(lower_first("Other higher degree"), "other higher degree");
        assert_eq!(upper_first("staff by sex"), "Staff by sex");
        assert_eq!(upper_first("ünits"), "ünits");
        assert_eq!(upper_first(""), "");
    }
}
