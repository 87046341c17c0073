//! Signed numbers for changes, en-GB: a leading `+` or `−` (U+2212 MINUS SIGN), none on zero.
//! Built on [`crate::format`], which writes the digits.

use crate::format;

const MINUS: char = '\u{2212}';

/// `320.0` -> `+320`, `-1234.0` -> `−1,234`, `0.0` -> `0`.
pub fn number(value: f64) -> String {
    with_sign(value, format::number(value.abs()), (value * 10.0).round())
}

/// With a fixed number of decimals: `(54.237, 1)` -> `+54.2`, `(-0.04, 1)` -> `0.0`.
pub fn decimal(value: f64, places: usize) -> String {
    let scale = 10f64.powi(places as i32);
    with_sign(value, format::decimal(value.abs(), places), (value * scale).round())
}

/// `digits` with the sign of `value`, unless what is written rounds to zero (`rounded`).
fn with_sign(value: f64, digits: String, rounded: f64) -> String {
    if !value.is_finite() || rounded == 0.0 {
        digits
    } else if value > 0.0 {
        format!("+{digits}")
    } else {
        format!("{MINUS}{digits}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_lead_and_zero_has_none() {
        assert_eq!(number(320.0), "+320");
        assert_eq!(number(-1234.0), "\u{2212}1,234");
        assert_eq!(number(0.0), "0");
        assert_eq!(number(-0.01), "0");
        assert_eq!(decimal(54.237, 1), "+54.2");
        assert_eq!(decimal(-5.25, 1), "\u{2212}5.3");
        assert_eq!(decimal(-0.04, 1), "0.0");
        assert_eq!(decimal(1234.5, 1), "+1,234.5");
        assert_eq!(number(f64::NAN), "–");
    }
}
