//! Numbers and lists in words, formatted for en-GB readers.
//!
//! Figures from a visitor's own file can be any finite number, so nothing here goes through a
//! fixed-width integer where a figure could overflow it. Digits come from integer arithmetic, not
//! the standard library's float formatting (which would add its tables and algorithms, some 20 KB,
//! to the page).

/// The most decimals shown: finer digits are below any figure's precision here.
pub const MAX_PLACES: usize = 9;

/// 2^52: from here up, scaling a figure to an integer number of units loses its last digits.
const EXACT_LIMIT: f64 = 4_503_599_627_370_496.0;

/// A finite `f64` as an integer mantissa and a power of two: `value = mantissa * 2^exponent`.
fn binary_parts(value: f64) -> (u64, i32) {
    let bits = value.abs().to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    if exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), exponent - 1075)
    }
}

/// The decimal digits of `mantissa * 2^shift`, exactly (in base 10^9 limbs, least significant first).
fn whole_digits(mantissa: u64, shift: u32) -> String {
    const BASE: u64 = 1_000_000_000;
    let mut limbs = vec![(mantissa % BASE) as u32, ((mantissa / BASE) % BASE) as u32, (mantissa / BASE / BASE) as u32];
    for _ in 0..shift {
        let mut carry = 0;
        for limb in &mut limbs {
            let next = u64::from(*limb) * 2 + carry;
            *limb = (next % BASE) as u32;
            carry = next / BASE;
        }
        if carry > 0 {
            limbs.push(carry as u32);
        }
    }
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    let mut out = limbs.last().map(u32::to_string).unwrap_or_default();
    for limb in limbs.iter().rev().skip(1) {
        out.push_str(&format!("{limb:09}"));
    }
    out
}

/// `mantissa / 2^shift` in units of 10^-places, rounded half away from zero (`shift` <= 64 and
/// `places` <= [`MAX_PLACES`], so it fits in a u128).
fn scaled_fraction(mantissa: u64, shift: u32, places: usize) -> u128 {
    let units = u128::from(mantissa) * 10u128.pow(places as u32);
    (units + (1 << (shift - 1))) >> shift
}

/// A figure's digits in units of 10^-places (`1234.56`, 1 -> `"12346"`), rounded half away from
/// zero: by scaling while that is exact, else from the figure's binary parts.
fn scaled_digits(magnitude: f64, places: usize) -> String {
    let scaled = magnitude * 10f64.powi(places as i32);
    if scaled < EXACT_LIMIT {
        return (scaled.round() as u64).to_string();
    }
    let (mantissa, exponent) = binary_parts(magnitude);
    if exponent >= 0 {
        // Whole: every f64 from 2^52 up is.
        let mut digits = whole_digits(mantissa, exponent as u32);
        digits.extend(std::iter::repeat_n('0', places));
        digits
    } else {
        // Here magnitude >= 2^52 / 10^places, so -exponent <= 52 - 22.
        scaled_fraction(mantissa, exponent.unsigned_abs().min(64), places).to_string()
    }
}

/// A figure rounded half away from zero to `places` decimals (at most [`MAX_PLACES`]), as its sign
/// and its digits before and after the point (`-1234.56`, 1 -> `(true, "1234", "6")`). The sign is
/// dropped when every digit is zero.
fn fixed(value: f64, places: usize) -> (bool, String, String) {
    let places = places.min(MAX_PLACES);
    let digits = scaled_digits(value.abs(), places);
    let digits = if digits.len() <= places { format!("{}{digits}", "0".repeat(places + 1 - digits.len())) } else { digits };
    let (whole, fraction) = digits.split_at(digits.len() - places);
    let negative = value < 0.0 && digits.bytes().any(|b| b != b'0');
    (negative, whole.to_string(), fraction.to_string())
}

/// The fewest decimals (up to `places`) that still read back as `value`, when scaling by
/// 10^places is not exact (so [`fixed`] would show digits below the figure's precision):
/// `123456789012345.671875`, 4 -> `"123456789012345.67"`. `None` where scaling is exact.
fn shortest(value: f64, places: usize) -> Option<String> {
    let places = places.min(MAX_PLACES);
    let magnitude = value.abs();
    let (mantissa, exponent) = binary_parts(magnitude);
    if magnitude * 10f64.powi(places as i32) < EXACT_LIMIT || exponent >= 0 {
        return None;
    }
    let shift = exponent.unsigned_abs().min(64);
    let exact = u128::from(mantissa);
    (0..=places).find_map(|d| {
        let pow = 10u128.pow(d as u32);
        let k = scaled_fraction(mantissa, shift, d);
        // |k / 10^d - value| in units of 1 / (10^d 2^shift), against half the gap to the
        // neighbouring f64 (a quarter below a power of two, where the gap below halves).
        let (written, target) = (k << shift, exact * pow);
        let below = written < target;
        let distance = if below { target - written } else { written - target };
        let halves = if below && mantissa == 1 << 52 { 4 } else { 2 };
        (distance * halves < pow).then(|| {
            let digits = k.to_string();
            let digits = if digits.len() <= d { format!("{}{digits}", "0".repeat(d + 1 - digits.len())) } else { digits };
            let (whole, fraction) = digits.split_at(digits.len() - d);
            let fraction = fraction.trim_end_matches('0');
            if fraction.is_empty() { whole.to_string() } else { format!("{whole}.{fraction}") }
        })
    })
}

/// en-GB grouping: thousands separated by commas (`1234567` -> `1,234,567`).
fn group(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Formats a figure with en-GB thousands separators: `16125.0` -> `16,125`, `1234.5` -> `1,234.5`.
///
/// HESA rounds counts and FTEs to multiples of 5, so figures are normally whole; a fractional
/// figure (from an analyst's own file) keeps one decimal place.
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return String::from("–");
    }
    let (negative, whole, tenths) = fixed(value, 1);
    let sign = if negative { "-" } else { "" };
    if tenths.bytes().all(|b| b == b'0') {
        format!("{sign}{}", group(&whole))
    } else {
        format!("{sign}{}.{tenths}", group(&whole))
    }
}

/// Formats with a fixed number of decimals and en-GB thousands separators: `(1234.56, 1)` ->
/// `1,234.6`.
pub fn decimal(value: f64, places: usize) -> String {
    if !value.is_finite() {
        return String::from("–");
    }
    let (negative, whole, fraction) = fixed(value, places);
    let sign = if negative { "-" } else { "" };
    if fraction.is_empty() {
        format!("{sign}{}", group(&whole))
    } else {
        format!("{sign}{}.{fraction}", group(&whole))
    }
}

/// A number for a spreadsheet: no separators, at most `places` decimals, trailing zeros dropped
/// (`27.382051…` -> `27.3821`, `12.5` -> `12.5`). Written as the shortest decimal that reads back
/// as the same rounded figure, so `123456789012345.67` stays as typed.
pub fn plain(value: f64, places: u32) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let (negative, whole, fraction) = fixed(value, places as usize);
    let sign = if negative { "-" } else { "" };
    let fraction = fraction.trim_end_matches('0');
    let digits = shortest(value, places as usize).unwrap_or_else(|| if fraction.is_empty() { whole } else { format!("{whole}.{fraction}") });
    format!("{sign}{digits}")
}

/// Joins names as an English list: `a`, `a and b`, `a, b and c`.
pub fn list<S: AsRef<str>>(items: &[S]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        out.push_str(list_joint(i, items.len()));
        out.push_str(item.as_ref());
    }
    out
}

/// What goes before item `i` of `n` in an English list (for a list of links): nothing before the
/// first, ` and ` before the last, `, ` between.
pub fn list_joint(i: usize, n: usize) -> &'static str {
    match i {
        0 => "",
        i if i + 1 == n => " and ",
        _ => ", ",
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
    fn figures_beyond_u64_print_in_full() {
        // A visitor's file can hold any finite figure: none may saturate.
        assert_eq!(number(1e20), "100,000,000,000,000,000,000");
        assert_eq!(number(-2.5e13), "-25,000,000,000,000");
        assert_eq!(number(12_345_678_901_234.5), "12,345,678,901,234.5");
        assert_eq!(number(f64::MAX).len(), 309 + 102);
        assert!(number(f64::MAX).starts_with("179,769,313,486,231,570,"));
        assert_eq!(decimal(1e20, 1), "100,000,000,000,000,000,000.0");
        assert_eq!(decimal(-3e19, 2), "-30,000,000,000,000,000,000.00");
        assert_eq!(plain(1e20, 4), "100000000000000000000");
        assert_eq!(plain(-123_456_789_012_345.67, 4), "-123456789012345.67");
        assert_eq!(plain(f64::MAX, 4).len(), 309);
    }

    #[test]
    fn rounding_as_before() {
        assert_eq!(number(1.25), "1.3");
        assert_eq!(number(-1.25), "-1.3");
        assert_eq!(number(0.04), "0");
        assert_eq!(number(-0.04), "0");
        assert_eq!(number(9.96), "10");
        assert_eq!(decimal(2.5, 0), "3");
        assert_eq!(decimal(0.125, 2), "0.13");
        assert_eq!(plain(0.00005, 4), "0.0001");
        assert_eq!(plain(-0.00004, 4), "0");
    }

    /// The integer part's digits, with the separators checked: 1 to 3 digits, then groups of 3.
    fn ungroup(text: &str) -> String {
        let body = text.strip_prefix('-').unwrap_or(text);
        let whole = body.split('.').next().unwrap_or_default();
        let groups: Vec<&str> = whole.split(',').collect();
        assert!((1..=3).contains(&groups[0].len()), "{text}");
        assert!(groups[1..].iter().all(|g| g.len() == 3), "{text}");
        assert!(whole.chars().all(|c| c.is_ascii_digit() || c == ','), "{text}");
        text.replace(',', "")
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn any_finite_figure_prints_correctly(v in proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL | proptest::num::f64::ZERO) {
            let shown = ungroup(&number(v));
            let back: f64 = shown.parse().expect("a number");
            // To the nearest tenth (exact where the figure has no fraction left to show).
            let tolerance = if v.abs() >= 1e15 { 0.0 } else { 0.05 + v.abs() * 1e-15 };
            proptest::prop_assert!((back - v).abs() <= tolerance, "{} -> {}", v, number(v));
            proptest::prop_assert_eq!(shown.starts_with('-'), back < 0.0, "{}", v);

            let fixed = ungroup(&decimal(v, 2));
            let back: f64 = fixed.parse().expect("a number");
            let tolerance = if v.abs() >= 1e15 { 0.0 } else { 0.005 + v.abs() * 1e-15 };
            proptest::prop_assert!((back - v).abs() <= tolerance, "{} -> {}", v, decimal(v, 2));
            proptest::prop_assert_eq!(fixed.rsplit('.').next().map(str::len), Some(2));

            let raw = plain(v, 4);
            let back: f64 = raw.parse().expect("a number");
            let tolerance = if v.abs() >= 1e15 { 0.0 } else { 0.00005 + v.abs() * 1e-15 };
            proptest::prop_assert!((back - v).abs() <= tolerance, "{} -> {}", v, raw);
            proptest::prop_assert!(!raw.contains(','));
        }
    }

    #[test]
    fn lists_read_as_english() {
        assert_eq!(list::<&str>(&[]), "");
        assert_eq!(list(&["Aston"]), "Aston");
        assert_eq!(list(&["Aston", "Keele"]), "Aston and Keele");
        assert_eq!(list(&["Aston", "Keele", "Warwick"]), "Aston, Keele and Warwick");
    }
}
