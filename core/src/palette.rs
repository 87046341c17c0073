//! Colours safe for colour-blind readers (Paul Tol's "muted" scheme). Series take colours in
//! the dataset's category order, so the series of one chart never share a colour (up to ten).

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Parses `#rrggbb` or `#rgb` (as a theme's CSS custom property gives it; minifiers shorten).
    pub fn from_hex(s: &str) -> Option<Rgb> {
        let hex = s.strip_prefix('#')?;
        if !hex.is_ascii() {
            return None;
        }
        match hex.len() {
            6 => {
                let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
                Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
            }
            3 => {
                let nibble = |i: usize| u8::from_str_radix(&hex[i..=i], 16).ok().map(|v| v * 17);
                Some(Rgb(nibble(0)?, nibble(1)?, nibble(2)?))
            }
            _ => None,
        }
    }
}

/// Paul Tol's muted qualitative scheme: distinct for the common colour-vision deficiencies.
pub const MUTED: [Rgb; 10] = [
    Rgb(0x33, 0x22, 0x88), // indigo
    Rgb(0x88, 0xCC, 0xEE), // cyan
    Rgb(0x44, 0xAA, 0x99), // teal
    Rgb(0x11, 0x77, 0x33), // green
    Rgb(0x99, 0x99, 0x33), // olive
    Rgb(0xDD, 0xCC, 0x77), // sand
    Rgb(0xCC, 0x66, 0x77), // rose
    Rgb(0x88, 0x22, 0x55), // wine
    Rgb(0xAA, 0x44, 0x99), // purple
    Rgb(0xDD, 0xDD, 0xDD), // pale grey
];

/// The colour of the `index`-th series of a chart.
pub fn series_colour(index: usize) -> Rgb {
    MUTED[index % MUTED.len()]
}

/// The colour of a single summed series.
pub const SINGLE: Rgb = Rgb(0x33, 0x22, 0x88);

/// The `index`-th partner's colour (manifest order): a partner keeps it in every chart.
pub fn partner_colour(index: usize) -> Rgb {
    MUTED[index % 8]
}

/// Paul Tol's "light" scheme, for other UK providers (told apart from partners by name too).
pub const LIGHT: [Rgb; 8] = [
    Rgb(0x77, 0xAA, 0xDD),
    Rgb(0xEE, 0x88, 0x66),
    Rgb(0xEE, 0xDD, 0x88),
    Rgb(0xFF, 0xAA, 0xBB),
    Rgb(0x99, 0xDD, 0xFF),
    Rgb(0x44, 0xBB, 0x99),
    Rgb(0xBB, 0xCC, 0x33),
    Rgb(0xAA, 0xAA, 0x00),
];

/// Another provider's colour, by its place among the dataset's providers: stable across charts.
pub fn other_colour(index: usize) -> Rgb {
    LIGHT[index % LIGHT.len()]
}

/// The selected partners added together.
pub const COMBINED: Rgb = Rgb(0xAA, 0x44, 0x99);

/// The all-UK total (a reference): dark grey, and drawn dashed or hatched too.
pub const UK: Rgb = Rgb(0x44, 0x44, 0x44);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trip() {
        assert_eq!(Rgb::from_hex("#1f2328"), Some(Rgb(0x1f, 0x23, 0x28)));
        assert_eq!(Rgb::from_hex(&Rgb(1, 2, 255).hex()), Some(Rgb(1, 2, 255)));
        assert_eq!(Rgb::from_hex("#fff"), Some(Rgb(255, 255, 255)));
        assert_eq!(Rgb::from_hex("#328"), Some(Rgb(0x33, 0x22, 0x88)));
        for bad in ["1f2328", "#ff", "#gggggg", "#1f23288", "#1f232é", "#ggg"] {
            assert_eq!(Rgb::from_hex(bad), None, "{bad}");
        }
    }

    /// Relative luminance (WCAG 2).
    fn luminance(c: Rgb) -> f64 {
        let channel = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }

    #[test]
    fn partner_colours_are_distinct_and_visible_on_white() {
        let white = luminance(Rgb(255, 255, 255));
        for i in 0..8 {
            let c = partner_colour(i);
            // Bars are large areas: WCAG's 3:1 for graphics would exclude the palette's pale
            // colours, so require them to be told from the background at all (1.3:1) and rely on
            // labels and outlines for the rest.
            let contrast = (white + 0.05) / (luminance(c) + 0.05);
            assert!(contrast > 1.3, "partner {i} {c:?}: {contrast}");
            for j in 0..i {
                assert_ne!(partner_colour(j), c);
            }
        }
    }
}
