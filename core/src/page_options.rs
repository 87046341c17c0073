//! How the page looks, chosen by a link (page parameters, not part of the view's [`Selection`]):
//! `theme=light|dark|auto`, `controls=0` (a locked view: title, chart, caption and source only),
//! `accent=<name>` and `font=<name>`, each from a short fixed list, so a link never carries CSS.
//!
//! The page applies them as attributes on its root element (`data-theme`, `data-controls`,
//! `data-accent`, `data-font`), which `static/explorer.css` turns into its custom properties.
//! An embed is light unless asked (a host page is usually light, whatever the visitor's system);
//! the full page follows the visitor's setting (`auto`). Values that are not on the lists are
//! ignored and said, as `url_state::decode` says what else a link got wrong.
//!
//! [`Selection`]: crate::selection::Selection

use crate::palette::Rgb;

/// Light, dark, or the visitor's setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    Auto,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Auto];

    pub fn id(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Theme::Light => "Light",
            Theme::Dark => "Dark",
            Theme::Auto => "The visitor's setting (light or dark)",
        }
    }

    pub fn from_id(id: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.id() == id)
    }
}

/// A named accent colour (links, buttons, checkboxes, the focus of the lens buttons): one shade
/// for the light theme and one for the dark, each tested for contrast against its surfaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Accent {
    pub id: &'static str,
    pub label: &'static str,
    /// On white and the light panels; white text on it.
    pub light: Rgb,
    /// On the dark background and panels; dark text on it.
    pub dark: Rgb,
}

/// The accents a link may name. The first is the page's own.
pub const ACCENTS: [Accent; 6] = [
    Accent { id: "indigo", label: "Indigo (the explorer's own)", light: Rgb(0x33, 0x22, 0x88), dark: Rgb(0x88, 0xcc, 0xee) },
    Accent { id: "blue", label: "Blue", light: Rgb(0x0b, 0x5c, 0xad), dark: Rgb(0x79, 0xb8, 0xff) },
    Accent { id: "teal", label: "Teal", light: Rgb(0x00, 0x69, 0x5c), dark: Rgb(0x4d, 0xd0, 0xc1) },
    Accent { id: "green", label: "Green", light: Rgb(0x1a, 0x6e, 0x32), dark: Rgb(0x6c, 0xd9, 0x7e) },
    Accent { id: "wine", label: "Wine", light: Rgb(0x88, 0x22, 0x55), dark: Rgb(0xf4, 0x9a, 0xc1) },
    Accent { id: "orange", label: "Burnt orange", light: Rgb(0x9a, 0x40, 0x00), dark: Rgb(0xff, 0xa6, 0x57) },
];

pub fn accent(id: &str) -> Option<Accent> {
    ACCENTS.into_iter().find(|a| a.id == id)
}

/// A named font stack: fonts a visitor's system already has (the page loads no web fonts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FontStack {
    pub id: &'static str,
    pub label: &'static str,
    /// The CSS family list (`--mi-font`), also the chart's text font.
    pub css: &'static str,
}

/// The font stacks a link may name. The first is the page's own.
pub const FONTS: [FontStack; 4] = [
    FontStack { id: "system", label: "The system's font (the explorer's own)", css: "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif" },
    FontStack { id: "sans", label: "Sans-serif (Helvetica, Arial)", css: "\"Helvetica Neue\", Helvetica, Arial, \"Liberation Sans\", sans-serif" },
    FontStack { id: "humanist", label: "Humanist sans-serif (Segoe UI, Calibri)", css: "\"Segoe UI\", Candara, Calibri, \"Gill Sans\", \"DejaVu Sans\", sans-serif" },
    FontStack { id: "serif", label: "Serif (Georgia)", css: "Georgia, Cambria, \"Times New Roman\", \"Liberation Serif\", serif" },
];

pub fn font(id: &str) -> Option<FontStack> {
    FONTS.into_iter().find(|f| f.id == id)
}

/// The page's look, as a link chose it. `None`: not chosen (the page's default).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PageOptions {
    pub theme: Option<Theme>,
    /// `controls=0`: a locked view.
    pub locked: bool,
    pub accent: Option<Accent>,
    pub font: Option<FontStack>,
}

/// The page parameters this module reads (besides `embed`).
pub const PARAMETERS: [&str; 4] = ["theme", "controls", "accent", "font"];

/// Why a page parameter's value is ignored, or `None` when it is honoured (or not one of ours).
pub fn check(key: &str, value: &str) -> Option<String> {
    let short: String = value.chars().take(40).collect();
    match key {
        "theme" if Theme::from_id(value).is_none() => Some(format!("unknown theme \"{short}\" (light, dark or auto)")),
        "controls" if !matches!(value, "0" | "1") => Some(format!("\"controls\" should be 1 or 0, not \"{short}\"")),
        "accent" if accent(value).is_none() => Some(format!("unknown accent colour \"{short}\"")),
        "font" if font(value).is_none() => Some(format!("unknown font \"{short}\"")),
        _ => None,
    }
}

impl PageOptions {
    /// Reads the page parameters of a query string (with or without `?`); other parameters are
    /// the view's. What is ignored is said by [`check`] (through `url_state::decode`'s notice).
    pub fn parse(query: &str) -> PageOptions {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut options = PageOptions::default();
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            match key.as_ref() {
                "theme" => options.theme = Theme::from_id(&value).or(options.theme),
                "controls" if value == "0" => options.locked = true,
                "controls" if value == "1" => options.locked = false,
                "accent" => options.accent = accent(&value).or(options.accent),
                "font" => options.font = font(&value).or(options.font),
                _ => {}
            }
        }
        options
    }

    /// The theme the page shows: as chosen, else light in an embed and the visitor's setting on
    /// the full page.
    pub fn theme(&self, embedded: bool) -> Theme {
        self.theme.unwrap_or(if embedded { Theme::Light } else { Theme::Auto })
    }

    /// The options as query pairs, in a fixed order, leaving out what was not chosen (a link
    /// keeps them when the view changes).
    pub fn pairs(&self) -> Vec<(&'static str, &'static str)> {
        let mut out = Vec::new();
        if let Some(t) = self.theme {
            out.push(("theme", t.id()));
        }
        if self.locked {
            out.push(("controls", "0"));
        }
        if let Some(a) = self.accent {
            out.push(("accent", a.id));
        }
        if let Some(f) = self.font {
            out.push(("font", f.id));
        }
        out
    }

    /// A page's query: `embed=1` when embedded, these options, then the view's query.
    pub fn page_query(&self, embedded: bool, view_query: &str) -> String {
        let mut parts: Vec<String> = Vec::new();
        if embedded {
            parts.push("embed=1".to_string());
        }
        parts.extend(self.pairs().into_iter().map(|(k, v)| format!("{k}={v}")));
        if !view_query.is_empty() {
            parts.push(view_query.to_string());
        }
        parts.join("&")
    }

    /// An embed's address (`…?embed=1&<view>`, as the page gives it) with these options added
    /// after `embed=1` (any options it carried replaced).
    pub fn embed_url(&self, embed_url: &str) -> String {
        let (base, query) = embed_url.split_once('?').unwrap_or((embed_url, ""));
        let view: Vec<&str> = query
            .split('&')
            .filter(|p| !p.is_empty() && *p != "embed=1")
            .filter(|p| !PARAMETERS.iter().any(|k| p.split('=').next() == Some(k)))
            .collect();
        format!("{base}?{}", self.page_query(true, &view.join("&")))
    }

    /// The attributes the page sets on its root element (`static/explorer.css` reads them).
    pub fn root_attributes(&self, embedded: bool) -> Vec<(&'static str, &'static str)> {
        // The theme as shown (a default too); the rest as the link's pairs, each `data-<name>`.
        let attribute = |key: &str| match key {
            "controls" => Some("data-controls"),
            "accent" => Some("data-accent"),
            "font" => Some("data-font"),
            _ => None,
        };
        let mut out = vec![("data-theme", self.theme(embedded).id())];
        out.extend(self.pairs().into_iter().filter_map(|(k, v)| attribute(k).map(|a| (a, v))));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::palette::{contrast, Rgb};

    #[test]
    fn options_are_read_from_a_query_and_unknown_values_ignored() {
        let o = PageOptions::parse("?embed=1&theme=dark&controls=0&accent=teal&font=serif&p=aston");
        assert_eq!(o.theme, Some(Theme::Dark));
        assert!(o.locked);
        assert_eq!(o.accent.map(|a| a.id), Some("teal"));
        assert_eq!(o.font.map(|f| f.id), Some("serif"));

        let bad = PageOptions::parse("theme=purple&controls=maybe&accent=%23ff0000&font=Comic%20Sans;color:red");
        assert_eq!(bad, PageOptions::default(), "nothing from a list is taken from an unknown value");
        // Raw CSS never passes: only the named values.
        for (k, v) in [("accent", "#ff0000"), ("accent", "red"), ("font", "Comic Sans"), ("font", "serif;color:red"), ("theme", "Dark"), ("controls", "no")] {
            assert!(check(k, v).is_some(), "{k}={v} is refused");
        }
        for (k, v) in [("accent", "teal"), ("font", "humanist"), ("theme", "auto"), ("controls", "1"), ("p", "anything")] {
            assert_eq!(check(k, v), None, "{k}={v}");
        }
        assert_eq!(check("accent", "#ff0000").as_deref(), Some("unknown accent colour \"#ff0000\""));
        // A later good value wins; a later bad one does not undo an earlier good one.
        assert_eq!(PageOptions::parse("theme=dark&theme=light").theme, Some(Theme::Light));
        assert_eq!(PageOptions::parse("theme=dark&theme=x").theme, Some(Theme::Dark));
        assert!(!PageOptions::parse("controls=0&controls=1").locked);
    }

    #[test]
    fn an_embed_is_light_unless_asked_and_the_full_page_follows_the_visitor() {
        assert_eq!(PageOptions::default().theme(true), Theme::Light);
        assert_eq!(PageOptions::default().theme(false), Theme::Auto);
        let auto = PageOptions::parse("theme=auto");
        assert_eq!(auto.theme(true), Theme::Auto);
        assert_eq!(PageOptions::default().root_attributes(true), vec![("data-theme", "light")]);
        assert_eq!(
            PageOptions::parse("theme=dark&controls=0&accent=wine&font=sans").root_attributes(true),
            vec![("data-theme", "dark"), ("data-controls", "0"), ("data-accent", "wine"), ("data-font", "sans")]
        );
    }

    #[test]
    fn the_page_query_keeps_the_options_before_the_view() {
        let o = PageOptions::parse("font=serif&controls=0&theme=dark&p=aston");
        assert_eq!(o.page_query(true, "p=aston"), "embed=1&theme=dark&controls=0&font=serif&p=aston");
        assert_eq!(PageOptions::default().page_query(true, "p=aston"), "embed=1&p=aston");
        assert_eq!(PageOptions::default().page_query(false, "p=aston"), "p=aston");
        assert_eq!(PageOptions::parse(&o.page_query(true, "")), o, "round trip");
        let url = "https://example.org/explorer/?embed=1&p=aston,keele&v=bars";
        assert_eq!(PageOptions::default().embed_url(url), url);
        assert_eq!(
            PageOptions::parse("theme=auto&controls=0").embed_url(url),
            "https://example.org/explorer/?embed=1&theme=auto&controls=0&p=aston,keele&v=bars"
        );
        assert_eq!(
            PageOptions::parse("accent=teal").embed_url("https://example.org/?embed=1&theme=dark&accent=wine&p=aston"),
            "https://example.org/?embed=1&accent=teal&p=aston",
            "options the address carried are replaced"
        );
    }

    // The page's surfaces and text in `static/explorer.css` (light, then dark).
    const LIGHT_BG: Rgb = Rgb(0xff, 0xff, 0xff);
    const LIGHT_PANEL: Rgb = Rgb(0xf6, 0xf8, 0xfa);
    const DARK_BG: Rgb = Rgb(0x0d, 0x11, 0x17);
    const DARK_PANEL: Rgb = Rgb(0x16, 0x1b, 0x22);

    #[test]
    fn every_accent_reads_on_its_surfaces_and_under_its_text() {
        // Links are text (WCAG 1.4.3: 4.5:1); buttons carry text on the accent (4.5:1 too).
        for a in ACCENTS {
            for surface in [LIGHT_BG, LIGHT_PANEL] {
                let c = contrast(a.light, surface);
                assert!(c >= 4.5, "{} light {} on {}: {c:.2}:1", a.id, a.light.hex(), surface.hex());
            }
            for surface in [DARK_BG, DARK_PANEL] {
                let c = contrast(a.dark, surface);
                assert!(c >= 4.5, "{} dark {} on {}: {c:.2}:1", a.id, a.dark.hex(), surface.hex());
            }
            // The text on an accent button: white in light, the dark background's colour in dark.
            assert!(contrast(a.light, LIGHT_BG) >= 4.5);
            assert!(contrast(a.dark, DARK_BG) >= 4.5);
        }
    }

    #[test]
    fn the_stylesheet_holds_exactly_these_accents_and_fonts() {
        // The CSS is where the page takes them from: it must say the tested values.
        let css = include_str!("../../static/explorer.css");
        for a in ACCENTS {
            let rule = format!(":root[data-accent=\"{}\"] {{ --mi-accent-light: {}; --mi-accent-dark: {}; }}", a.id, a.light.hex(), a.dark.hex());
            assert!(css.contains(&rule), "static/explorer.css lacks: {rule}");
        }
        for f in FONTS {
            let rule = format!(":root[data-font=\"{}\"] {{ --mi-font: {}; }}", f.id, f.css);
            assert!(css.contains(&rule), "static/explorer.css lacks: {rule}");
        }
        assert_eq!(css.matches("[data-accent=").count(), ACCENTS.len(), "no accent in the CSS that is not tested here");
        assert_eq!(css.matches("[data-font=").count(), FONTS.len());
    }

    #[test]
    fn the_stylesheets_dark_theme_is_the_chart_style_the_tests_check() {
        use crate::chart::ChartStyle;
        use crate::palette::{Surface, DARK_SURFACE};
        let css = include_str!("../../static/explorer.css");
        let dark = ChartStyle::dark();
        assert_eq!(dark.background, DARK_SURFACE);
        assert_eq!(dark.surface, Surface::Dark);
        // Both dark blocks (the visitor's setting, and theme=dark) declare the same chart colours.
        for (name, c) in [("--mi-chart-bg", dark.background), ("--mi-chart-text", dark.text), ("--mi-chart-muted", dark.muted_text), ("--mi-chart-grid", dark.grid)] {
            let line = format!("{name}: {};", c.hex());
            assert_eq!(css.matches(&line).count(), 2, "{line} in both dark blocks of static/explorer.css");
        }
        assert_eq!(css.matches("--mi-chart-surface: dark;").count(), 2);
        assert_eq!(css.matches("--mi-accent: var(--mi-accent-dark);").count(), 2);
        // Axis text reads as text; the hatching of figures not reported (muted) as a mark, and as text.
        assert!(contrast(dark.text, dark.background) >= 4.5);
        assert!(contrast(dark.muted_text, dark.background) >= 4.5, "{:.2}", contrast(dark.muted_text, dark.background));
        let light = ChartStyle::default();
        assert!(contrast(light.text, light.background) >= 4.5);
        assert!(contrast(light.muted_text, light.background) >= 4.5);
        // An embed is light unless asked: the visitor's dark setting does not reach data-theme=light.
        assert!(css.contains("@media screen and (prefers-color-scheme: dark) {\n  :root:not([data-theme=\"light\"]) {"));
    }
}
