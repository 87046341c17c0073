//! Colours safe for colour-blind readers (Paul Tol's "muted" scheme). Series take colours in
//! the dataset's category order, so the series of one chart never share a colour (up to ten).

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
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
