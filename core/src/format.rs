//! Numbers and lists in words, formatted for en-GB readers.

use num_format::{CustomFormat, Grouping, ToFormattedString};

/// Formats a figure with en-GB thousands separators: `16125.0` -> `16,125`, `1234.5` -> `1,234.5`.
///
/// HESA rounds counts and FTEs to multiples of 5, so figures are normally whole; a fractional
/// figure (from an analyst's own file) keeps one decimal place.
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return String::from("–");
    }
    let rounded_tenths = (value * 10.0).round() / 10.0;
    let negative = rounded_tenths < 0.0;
    let abs = rounded_tenths.abs();
    let whole = abs.trunc();
    let tenths = ((abs - whole) * 10.0).round() as u64;
    // f64 -> u64 saturates, so absurdly large values cannot overflow.
    let mut out = (whole as u64).to_formatted_string(&en_gb());
    if tenths > 0 {
        out.push('.');
        out.push_str(&tenths.to_string());
    }
    if negative {
        out.insert(0, '-');
    }
    out
}

/// Formats with a fixed number of decimals and en-GB thousands separators: `(1234.56, 1)` ->
/// `1,234.6`.
pub fn decimal(value: f64, places: usize) -> String {
    if !value.is_finite() {
        return String::from("–");
    }
    let scale = 10f64.powi(places as i32);
    let rounded = (value * scale).round() / scale;
    let whole = number(rounded.trunc());
    if places == 0 {
        return whole;
    }
    let fraction = ((rounded.abs().fract()) * scale).round() as u64;
    let sign = if rounded < 0.0 && rounded.trunc() == 0.0 { "-" } else { "" };
    format!("{sign}{whole}.{fraction:0places$}")
}

/// A number for a spreadsheet: no separators, at most `places` decimals, trailing zeros dropped
/// (`27.382051…` -> `27.3821`, `12.5` -> `12.5`). Integer arithmetic only: no float formatting code.
pub fn plain(value: f64, places: u32) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let scale = 10u64.pow(places);
    let scaled = (value.abs() * scale as f64).round() as u64;
    let (whole, mut fraction) = (scaled / scale, scaled % scale);
    let mut digits = places as usize;
    while digits > 0 && fraction % 10 == 0 {
        fraction /= 10;
        digits -= 1;
    }
    let sign = if value < 0.0 && scaled > 0 { "-" } else { "" };
    if digits == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction:0digits$}")
    }
}

/// en-GB grouping: thousands separated by commas. Built as a custom format rather than
/// `Locale::en_GB`, which would pull every CLDR locale's strings into the wasm.
fn en_gb() -> CustomFormat {
    CustomFormat::builder()
        .grouping(Grouping::Standard)
        .separator(",")
        .minus_sign("-")
        .build()
        .unwrap_or_default()
}

/// Joins names as an English list: `a`, `a and b`, `a, b and c`.
pub fn list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let head: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", head.join(", "), last.as_ref())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_use_commas() {
        assert_eq!(number(16125.0), "16,125");
        assert_eq!(number(0.0), "0");
        assert_eq!(number(5.0), "5");
        assert_eq!(number(2_747_200.0), "2,747,200");
        assert_eq!(number(1234.5), "1,234.5");
        assert_eq!(number(-1500.0), "-1,500");
        assert_eq!(number(f64::NAN), "–");
    }

    #[test]
    fn plain_numbers() {
        assert_eq!(plain(27.382051, 4), "27.3821");
        assert_eq!(plain(12.5, 4), "12.5");
        assert_eq!(plain(100.0, 4), "100");
        assert_eq!(plain(0.00004, 4), "0");
        assert_eq!(plain(-1.25, 4), "-1.25");
        assert_eq!(plain(f64::NAN, 4), "");
    }

    #[test]
    fn decimals() {
        assert_eq!(decimal(1234.56, 1), "1,234.6");
        assert_eq!(decimal(12.0, 1), "12.0");
        assert_eq!(decimal(0.04, 1), "0.0");
        assert_eq!(decimal(99.96, 1), "100.0");
        assert_eq!(decimal(-0.5, 1), "-0.5");
        assert_eq!(decimal(7.25, 0), "7");
    }

    #[test]
    fn lists_read_as_english() {
        assert_eq!(list::<&str>(&[]), "");
        assert_eq!(list(&["Aston"]), "Aston");
        assert_eq!(list(&["Aston", "Keele"]), "Aston and Keele");
        assert_eq!(list(&["Aston", "Keele", "Warwick"]), "Aston, Keele and Warwick");
    }
}
