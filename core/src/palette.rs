//! Colours safe for colour-blind readers and visible on the chart's surface. Series take colours
//! in the order of the selection, so the series of one chart never share a colour; partners keep
//! theirs in every chart, and the UK total keeps its grey.

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

/// The categorical colours, in the order series and partners take them. Every one has at least
/// WCAG's 3:1 contrast for graphical objects on the chart's light surface (white), and the
/// colours stay apart for the common colour-vision deficiencies (tested by simulating them).
///
/// The first nine are Paul Tol's "muted" scheme, with its cyan and teal darkened (same hue) to
/// reach 3:1, its sand replaced by Okabe and Ito's vermillion and its pale grey left out (it
/// vanished on white and would read as "no data"). The rest come from Tol's "high-contrast",
/// "bright" and "vibrant" schemes and Okabe-Ito, darkened where needed, chosen in turn as the
/// colour furthest from those before it for normal, protan, deutan and tritan vision.
pub const CATEGORICAL: [Rgb; 16] = [
    Rgb(0x33, 0x22, 0x88), // indigo
    Rgb(0x65, 0x99, 0xB4), // cyan, darkened
    Rgb(0x40, 0xA1, 0x91), // teal, darkened
    Rgb(0x11, 0x77, 0x33), // green
    Rgb(0x99, 0x99, 0x33), // olive
    Rgb(0xD5, 0x5E, 0x00), // vermillion
    Rgb(0xCC, 0x66, 0x77), // rose
    Rgb(0x88, 0x22, 0x55), // wine
    Rgb(0xAA, 0x44, 0x99), // purple (the partners together)
    Rgb(0x00, 0x44, 0x88), // dark blue
    Rgb(0xAA, 0x33, 0x77), // magenta
    Rgb(0x00, 0x77, 0xBB), // blue
    Rgb(0xCC, 0x33, 0x11), // red
    Rgb(0xE4, 0x72, 0x30), // orange, darkened
    Rgb(0x99, 0x44, 0x55), // plum
    Rgb(0xA9, 0x90, 0x46), // ochre, darkened
];

/// The colour of the `index`-th series of a chart: the categorical colours in turn, then darker
/// variants of them (each a distinct colour, and darker keeps the contrast), so no two series of
/// a chart share a colour however many there are.
pub fn series_colour(index: usize) -> Rgb {
    let Rgb(r, g, b) = CATEGORICAL[index % CATEGORICAL.len()];
    let round = (index / CATEGORICAL.len()).min(12) as i32;
    let factor = 0.78f64.powi(round);
    let dim = |v: u8| (f64::from(v) * factor).round() as u8;
    Rgb(dim(r), dim(g), dim(b))
}

/// The academic staff's categories: a family of blues, the family's plainest blue last, for the
/// group's total (last in HESA's order). Each meets 3:1 on the chart's surface; they differ by at least 20 in
/// CIE L*a*b* (chosen one by one as the farthest from those before).
pub const ACADEMIC: [Rgb; 5] = [Rgb(0x26, 0x6F, 0xED), Rgb(0x13, 0x30, 0xEC), Rgb(0x19, 0x35, 0x43), Rgb(0x0A, 0x19, 0x7B), Rgb(0x00, 0x77, 0xBB)];

/// The non-academic staff's categories: a family of oranges and browns, the plainest orange
/// (Okabe and Ito's vermillion) last, for the group's total.
pub const NON_ACADEMIC: [Rgb; 10] = [
    Rgb(0xC6, 0x83, 0x10),
    Rgb(0xBE, 0x6A, 0x55),
    Rgb(0x9B, 0x7B, 0x3B),
    Rgb(0xEC, 0x30, 0x13),
    Rgb(0xD4, 0x4A, 0x35),
    Rgb(0xA0, 0x52, 0x0D),
    Rgb(0x68, 0x3B, 0x08),
    Rgb(0x84, 0x1B, 0x0B),
    Rgb(0x43, 0x1F, 0x19),
    Rgb(0xD5, 0x5E, 0x00),
];

/// The colour family of a group of categories (`Academic`, `Non-academic`), if it has one.
pub fn family(group: &str) -> Option<&'static [Rgb]> {
    match group.to_ascii_lowercase().as_str() {
        "academic" => Some(&ACADEMIC),
        "non-academic" => Some(&NON_ACADEMIC),
        _ => None,
    }
}

/// A category's colour: by its place in its group (`in_group`, dataset order) from the group's
/// family, so academic categories read as blues and non-academic as oranges; a category of no
/// family takes the categorical colour of its place among the series (`in_chart`). Past a
/// family's end, darker variants. Repeats across families are for [`make_distinct`] to settle.
pub fn category_colour(group: &str, in_group: usize, in_chart: usize) -> Rgb {
    let Some(colours) = family(group) else { return series_colour(in_chart) };
    let Rgb(r, g, b) = colours[in_group % colours.len()];
    let factor = 0.78f64.powi((in_group / colours.len()).min(12) as i32);
    let dim = |v: u8| (f64::from(v) * factor).round() as u8;
    Rgb(dim(r), dim(g), dim(b))
}

/// The colour of a single summed series.
pub const SINGLE: Rgb = CATEGORICAL[0];

/// The `index`-th partner's colour (manifest order): a partner keeps it in every chart.
pub fn partner_colour(index: usize) -> Rgb {
    CATEGORICAL[index % 8]
}

/// Where other providers' colours start among the series colours: after the partners' eight and
/// the partners together.
const OTHERS_FROM: usize = 9;

/// Another provider's colour, by its place among the dataset's providers: stable across charts,
/// and never a partner's (other providers are told apart from partners by name too).
pub fn other_colour(index: usize) -> Rgb {
    series_colour(OTHERS_FROM + index)
}

/// The selected partners added together.
pub const COMBINED: Rgb = CATEGORICAL[8];

/// The all-UK total (a reference): dark grey, and drawn dashed or hatched too. No series takes it.
pub const UK: Rgb = Rgb(0x44, 0x44, 0x44);

/// Gives each colour that repeats an earlier one a colour no one wanted, so the series (or the
/// bars) drawn together never share one. The first of each colour keeps it: put the colours
/// that must not change (partners, the partners together, the UK) first.
pub fn make_distinct(colours: &mut [Rgb]) {
    let wanted: Vec<Rgb> = colours.to_vec();
    let mut taken: Vec<Rgb> = Vec::new();
    let mut spare = (OTHERS_FROM..OTHERS_FROM + 12 * CATEGORICAL.len()).map(series_colour).filter(|c| !wanted.contains(c) && *c != UK);
    for c in colours.iter_mut() {
        if taken.contains(c) {
            if let Some(fresh) = spare.find(|f| !taken.contains(f)) {
                *c = fresh;
            }
        }
        taken.push(*c);
    }
}

/// Relative luminance (WCAG 2).
pub fn luminance(c: Rgb) -> f64 {
    0.2126 * linear(c.0) + 0.7152 * linear(c.1) + 0.0722 * linear(c.2)
}

fn linear(v: u8) -> f64 {
    let v = f64::from(v) / 255.0;
    if v <= 0.04045 {
        v / 12.92
    } else {
        ((v + 0.055) / 1.055).powf(2.4)
    }
}

/// WCAG 2 contrast ratio between two colours (1 to 21).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (a, b) = (luminance(a), luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// The surface a chart is drawn on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Surface {
    /// White: the page's light theme and every downloaded image.
    #[default]
    Light,
    /// [`DARK_SURFACE`]: the page's dark theme.
    Dark,
}

/// The chart's light surface (`--mi-chart-bg` in the light theme).
pub const LIGHT_SURFACE: Rgb = Rgb(0xff, 0xff, 0xff);

/// The chart's dark surface (`--mi-chart-bg` in the dark theme: the dark panels' colour, a card a
/// little lighter than the page).
pub const DARK_SURFACE: Rgb = Rgb(0x16, 0x1b, 0x22);

/// The UK total's grey on the dark surface (lighter than any series' shade of grey would be).
pub const UK_ON_DARK: Rgb = Rgb(0xa8, 0xa8, 0xa8);

/// [`CATEGORICAL`] on the dark surface, in the same order: each colour's CIE L* mirrored (the
/// darkest become the lightest: L* 62, the lightest 3:1 allows on white, lands at 55, L* 10 at 92),
/// hue and chroma kept as far as sRGB allows; then, where two would sit too close for a
/// colour-blind reader, moved a few steps of L* or chroma (chosen one by one, as the light palette
/// was; the tests hold them to 3:1 and to the light palette's distances).
pub const DARK_CATEGORICAL: [Rgb; 16] = [
    Rgb(0xDA, 0xC6, 0xFF),
    Rgb(0x58, 0x8D, 0xA7),
    Rgb(0x32, 0x95, 0x86),
    Rgb(0x5E, 0xB9, 0x6F),
    Rgb(0x88, 0x89, 0x22),
    Rgb(0xDC, 0x77, 0x38),
    Rgb(0xCB, 0x65, 0x76),
    Rgb(0xFF, 0xA0, 0xC6),
    Rgb(0xE7, 0x7D, 0xD3),
    Rgb(0x9B, 0xB5, 0xFF),
    Rgb(0xFC, 0x80, 0xC1),
    Rgb(0x54, 0xA3, 0xEB),
    Rgb(0xFF, 0x8D, 0x6C),
    Rgb(0xBD, 0x52, 0x0D),
    Rgb(0xFF, 0xBB, 0xC4),
    Rgb(0x99, 0x84, 0x4B),
];

/// [`ACADEMIC`] on the dark surface (lighter blues, at least 16 apart in CIE L*a*b*).
pub const DARK_ACADEMIC: [Rgb; 5] = [Rgb(0x79, 0x95, 0xFF), Rgb(0xC1, 0xAA, 0xFF), Rgb(0xBA, 0xD7, 0xE9), Rgb(0xE1, 0xD5, 0xFF), Rgb(0x54, 0xA3, 0xEB)];

/// [`NON_ACADEMIC`] on the dark surface (lighter oranges and browns, at least 16 apart).
pub const DARK_NON_ACADEMIC: [Rgb; 10] = [
    Rgb(0xBA, 0x79, 0x00),
    Rgb(0xD2, 0x7C, 0x66),
    Rgb(0xB0, 0x8F, 0x4E),
    Rgb(0xFF, 0x64, 0x41),
    Rgb(0xC8, 0x3F, 0x2C),
    Rgb(0xDF, 0x95, 0x5F),
    Rgb(0xEA, 0xB7, 0x8B),
    Rgb(0xFF, 0xCE, 0xC1),
    Rgb(0xC9, 0x98, 0x8F),
    Rgb(0xDC, 0x77, 0x38),
];

/// A colour of this palette (made for the light surface) as drawn on `surface`. On the dark
/// surface the palette's own colours take their dark counterparts ([`DARK_CATEGORICAL`],
/// [`DARK_ACADEMIC`], [`DARK_NON_ACADEMIC`]; the UK total's grey [`UK_ON_DARK`]). The darker
/// variants past a list's end (see [`series_colour`]) become lighter variants of their colour's
/// counterpart instead (lighter only adds contrast on the dark surface), and any other colour is
/// lifted towards white until it reads. Every result meets 3:1 (tested). Integer and product
/// arithmetic only: the page's wasm carries no colour-space conversion for this.
pub fn on_surface(c: Rgb, surface: Surface) -> Rgb {
    match surface {
        Surface::Light => c,
        Surface::Dark if c == UK => UK_ON_DARK,
        Surface::Dark => {
            let tables: [(&[Rgb], &[Rgb]); 3] = [(&CATEGORICAL, &DARK_CATEGORICAL), (&ACADEMIC, &DARK_ACADEMIC), (&NON_ACADEMIC, &DARK_NON_ACADEMIC)];
            for round in 0..=MAX_ROUND {
                for (light, dark) in tables {
                    if let Some(i) = light.iter().position(|&l| dimmed(l, round) == c) {
                        return lightened(dark[i], round);
                    }
                }
            }
            lift(c)
        }
    }
}

/// How many times past its list's end a colour is varied (darker on white, lighter on dark).
const MAX_ROUND: i32 = 12;

/// The `round`-th darker variant of a colour, as [`series_colour`] and [`category_colour`] make it.
fn dimmed(c: Rgb, round: i32) -> Rgb {
    let factor = 0.78f64.powi(round.min(MAX_ROUND));
    let dim = |v: u8| (f64::from(v) * factor).round() as u8;
    Rgb(dim(c.0), dim(c.1), dim(c.2))
}

/// The `round`-th lighter variant of a dark-surface colour: its distance to white shrinks by 12%
/// a round.
fn lightened(c: Rgb, round: i32) -> Rgb {
    let keep = 0.88f64.powi(round);
    let light = |v: u8| 255 - (f64::from(255 - v) * keep).round() as u8;
    Rgb(light(c.0), light(c.1), light(c.2))
}

/// `c` mixed towards white until it reaches 3.2:1 on [`DARK_SURFACE`], by a luminance that never
/// overestimates (each channel cubed: sRGB's curve lies above it), so the true contrast is higher.
fn lift(c: Rgb) -> Rgb {
    // The dark surface's relative luminance (WCAG 2), computed exactly in the tests.
    const SURFACE_LUMINANCE: f64 = 0.010_5;
    let low = |c: Rgb| {
        let ch = |v: u8| (f64::from(v) / 255.0).powi(3);
        0.2126 * ch(c.0) + 0.7152 * ch(c.1) + 0.0722 * ch(c.2)
    };
    let mut out = c;
    let mut step = 0;
    while (low(out) + 0.05) / (SURFACE_LUMINANCE + 0.05) < 3.2 && step < 50 {
        step += 1;
        let w = f64::from(step) / 50.0;
        let mix = |v: u8| (f64::from(v) + (255.0 - f64::from(v)) * w).round() as u8;
        out = Rgb(mix(c.0), mix(c.1), mix(c.2));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

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

    /// The chart's light surface: `ChartStyle::default().background` and `--mi-chart-bg` in
    /// `static/explorer.css`'s light theme.
    const SURFACE: Rgb = LIGHT_SURFACE;

    #[test]
    fn every_series_colour_meets_wcag_3_to_1_on_the_chart_surface() {
        // WCAG 2.1, 1.4.11 Non-text Contrast: graphical objects need 3:1 against adjacent colours.
        let mut colours: Vec<(String, Rgb)> = (0..40).map(|i| (format!("series {i}"), series_colour(i))).collect();
        colours.extend((0..8).map(|i| (format!("partner {i}"), partner_colour(i))));
        colours.extend((0..20).map(|i| (format!("other {i}"), other_colour(i))));
        colours.extend([("single".to_string(), SINGLE), ("combined".to_string(), COMBINED), ("UK".to_string(), UK)]);
        for (name, c) in colours {
            let ratio = contrast(c, SURFACE);
            assert!(ratio >= 3.0, "{name} {}: {ratio:.2}:1", c.hex());
        }
    }

    /// CIE L*a*b* (D65) of a linear-light RGB triple.
    fn lab([r, g, b]: [f64; 3]) -> [f64; 3] {
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        let f = |t: f64| if t > 0.008856 { t.cbrt() } else { 7.787 * t + 16.0 / 116.0 };
        [116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))]
    }

    /// The colour as seen with normal vision and with full protanopia, deuteranopia and
    /// tritanopia (Machado, Oliveira and Fernandes 2009, severity 1), in L*a*b*.
    fn seen(c: Rgb) -> [[f64; 3]; 4] {
        let channel = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.04045 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
        };
        let rgb = [channel(c.0), channel(c.1), channel(c.2)];
        let simulate = |m: [[f64; 3]; 3]| {
            let row = |i: usize| (m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2]).clamp(0.0, 1.0);
            lab([row(0), row(1), row(2)])
        };
        [
            lab(rgb),
            simulate([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]),
            simulate([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]),
            simulate([[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]),
        ]
    }

    #[test]
    fn categorical_colours_stay_apart_for_colour_blind_readers() {
        // The smallest CIE76 difference between two colours under any of the four visions.
        let distance = |a: Rgb, b: Rgb| {
            seen(a).iter().zip(seen(b).iter()).map(|(p, q)| ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()).fold(f64::MAX, f64::min)
        };
        let mut closest = f64::MAX;
        for (i, &a) in CATEGORICAL.iter().enumerate() {
            for &b in &CATEGORICAL[..i] {
                let d = distance(a, b);
                assert!(d >= 7.0, "{} and {} differ by only {d:.1}", a.hex(), b.hex());
                closest = closest.min(d);
            }
            // The UK is striped or dashed as well, so its grey may sit a little closer (Tol's wine
            // under deuteranopia: 6.0).
            assert!(distance(a, UK) >= 5.0, "{} is too close to the UK's grey", a.hex());
        }
        // Tol's muted cyan and teal, darkened, are the closest pair of the first nine.
        assert!(closest < 20.0);
    }

    #[test]
    fn series_colours_never_repeat() {
        let colours: HashSet<Rgb> = (0..150).map(series_colour).collect();
        assert_eq!(colours.len(), 150);
        assert!(!colours.contains(&UK));
    }

    #[test]
    fn repeated_colours_are_replaced_and_the_first_kept() {
        let mut colours = vec![partner_colour(0), COMBINED, other_colour(3), other_colour(3), partner_colour(0), UK];
        make_distinct(&mut colours);
        assert_eq!(colours[..3], [partner_colour(0), COMBINED, other_colour(3)]);
        assert_eq!(colours[5], UK);
        let set: HashSet<Rgb> = colours.iter().copied().collect();
        assert_eq!(set.len(), colours.len(), "{colours:?}");
    }

    #[test]
    fn category_families_are_distinct_and_meet_3_to_1() {
        let cie = |a: Rgb, b: Rgb| {
            let (p, q) = (seen(a)[0], seen(b)[0]);
            ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()
        };
        for (name, colours) in [("academic", &ACADEMIC[..]), ("non-academic", &NON_ACADEMIC[..])] {
            for (i, &a) in colours.iter().enumerate() {
                assert!(contrast(a, SURFACE) >= 3.0, "{name} {}", a.hex());
                assert_ne!(a, UK);
                for &b in &colours[..i] {
                    assert!(cie(a, b) >= 20.0, "{name}: {} and {} differ by {:.1}", a.hex(), b.hex(), cie(a, b));
                }
            }
        }
        // A family by group, whatever the case; the categorical colours otherwise.
        assert_eq!(category_colour("Academic", 1, 7), ACADEMIC[1]);
        assert_eq!(category_colour("non-academic", 0, 7), NON_ACADEMIC[0]);
        assert_eq!(category_colour("", 3, 7), series_colour(7));
        // Blues are blue and oranges orange: the hue families do not cross.
        let hue = |c: Rgb| seen(c)[0];
        assert!(ACADEMIC.iter().all(|&c| hue(c)[2] < 0.0), "academic colours lean blue (b* < 0)");
        assert!(NON_ACADEMIC.iter().all(|&c| hue(c)[1] > 0.0 && hue(c)[2] > 0.0), "non-academic colours lean orange (a*, b* > 0)");
    }

    #[test]
    fn partner_colours_are_distinct() {
        let colours: HashSet<Rgb> = (0..8).map(partner_colour).collect();
        assert_eq!(colours.len(), 8);
    }

    /// Every colour the palette gives a chart: series, partners, other providers, the single
    /// series, the partners together, the UK, and both category families past their ends.
    fn every_mark_colour() -> Vec<(String, Rgb)> {
        let mut colours: Vec<(String, Rgb)> = (0..40).map(|i| (format!("series {i}"), series_colour(i))).collect();
        colours.extend((0..8).map(|i| (format!("partner {i}"), partner_colour(i))));
        colours.extend((0..20).map(|i| (format!("other {i}"), other_colour(i))));
        colours.extend([("single".to_string(), SINGLE), ("combined".to_string(), COMBINED), ("UK".to_string(), UK)]);
        colours.extend((0..12).map(|i| (format!("academic {i}"), category_colour("academic", i, 0))));
        colours.extend((0..22).map(|i| (format!("non-academic {i}"), category_colour("non-academic", i, 0))));
        colours
    }

    #[test]
    fn every_mark_meets_3_to_1_on_the_dark_surface() {
        let mut lowest = f64::MAX;
        for (name, c) in every_mark_colour() {
            let dark = on_surface(c, Surface::Dark);
            let ratio = contrast(dark, DARK_SURFACE);
            assert!(ratio >= 3.0, "{name} {} as {}: {ratio:.2}:1 on {}", c.hex(), dark.hex(), DARK_SURFACE.hex());
            lowest = lowest.min(ratio);
            assert_eq!(on_surface(c, Surface::Light), c, "the light surface keeps the palette as it is");
        }
        assert!(lowest < 4.0, "colours are not all washed out to near white ({lowest:.2}:1 lowest)");
    }

    #[test]
    fn dark_colours_stay_apart_for_colour_blind_readers_and_never_repeat() {
        let distance = |a: Rgb, b: Rgb| {
            seen(a).iter().zip(seen(b).iter()).map(|(p, q)| ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()).fold(f64::MAX, f64::min)
        };
        let dark: Vec<Rgb> = CATEGORICAL.iter().map(|&c| on_surface(c, Surface::Dark)).collect();
        let uk = on_surface(UK, Surface::Dark);
        for (i, &a) in dark.iter().enumerate() {
            for &b in &dark[..i] {
                let d = distance(a, b);
                assert!(d >= 7.0, "{} and {} differ by only {d:.1} on the dark surface", a.hex(), b.hex());
            }
            assert!(distance(a, uk) >= 5.0, "{} is too close to the UK's grey on the dark surface", a.hex());
        }
        // Distinct colours stay distinct (the page's series never share one).
        let mut seen_colours = HashSet::new();
        for i in 0..150 {
            assert!(seen_colours.insert(on_surface(series_colour(i), Surface::Dark)), "series {i} repeats a colour on the dark surface");
        }
        let cie = |a: Rgb, b: Rgb| {
            let (p, q) = (seen(a)[0], seen(b)[0]);
            ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()
        };
        for (name, colours) in [("academic", &ACADEMIC[..]), ("non-academic", &NON_ACADEMIC[..])] {
            let dark: Vec<Rgb> = colours.iter().map(|&c| on_surface(c, Surface::Dark)).collect();
            for (i, &a) in dark.iter().enumerate() {
                for &b in &dark[..i] {
                    assert!(cie(a, b) >= 16.0, "{name}: {} and {} differ by {:.1} on the dark surface", a.hex(), b.hex(), cie(a, b));
                }
            }
        }
    }

    #[test]
    fn colours_from_elsewhere_are_lifted_until_they_read_on_the_dark_surface() {
        assert!((luminance(DARK_SURFACE) - 0.0105).abs() < 0.0005, "{}", luminance(DARK_SURFACE));
        for c in [Rgb(0, 0, 0), Rgb(0x12, 0x34, 0x56), Rgb(0x80, 0x00, 0x00), Rgb(0x88, 0xcc, 0xee)] {
            let dark = on_surface(c, Surface::Dark);
            assert!(contrast(dark, DARK_SURFACE) >= 3.2, "{} as {}", c.hex(), dark.hex());
        }
        assert_eq!(on_surface(Rgb(0x88, 0xcc, 0xee), Surface::Dark), Rgb(0x88, 0xcc, 0xee), "light enough already");
        // Variants past a list's end become lighter variants of the counterpart.
        assert_eq!(on_surface(series_colour(16), Surface::Dark), lightened(DARK_CATEGORICAL[0], 1));
    }

    #[test]
    fn a_colour_shared_by_two_lists_has_one_dark_counterpart() {
        for (light, dark) in [(&ACADEMIC[..], &DARK_ACADEMIC[..]), (&NON_ACADEMIC[..], &DARK_NON_ACADEMIC[..])] {
            for (l, d) in light.iter().zip(dark) {
                if let Some(i) = CATEGORICAL.iter().position(|c| c == l) {
                    assert_eq!(*d, DARK_CATEGORICAL[i], "{} is {} as a series and {} in its family", l.hex(), DARK_CATEGORICAL[i].hex(), d.hex());
                }
            }
        }
    }

    #[test]
    fn the_dark_surface_is_dark_and_colours_keep_their_hue() {
        assert!(luminance(DARK_SURFACE) < 0.02);
        // Blues stay blue and oranges orange.
        for &c in &ACADEMIC {
            assert!(seen(on_surface(c, Surface::Dark))[0][2] < 0.0, "{} leans blue on dark", c.hex());
        }
        for &c in &NON_ACADEMIC {
            let lab = seen(on_surface(c, Surface::Dark))[0];
            assert!(lab[1] > 0.0 && lab[2] > 0.0, "{} leans orange on dark", c.hex());
        }
    }
}
