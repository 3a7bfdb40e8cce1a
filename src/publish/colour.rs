//! The site's colours, taken from the compass and made to meet WCAG AA: the header in the
//! root's colour (darkened until white text on it has contrast enough), links in the same,
//! and a band of the sectors' colours. Written as design tokens named the NL Design System
//! way (`--utrecht-…`), which the style sheet uses and nothing else sets.

use crate::model::{Kompas, Rgb};

/// Contrast at least this with white for the header and the links: above AA's 4.5:1 with
/// room to spare for anti-aliased text.
const MIN_CONTRAST: f64 = 5.5;

/// The colour when the compass names none.
const FALLBACK: Rgb = Rgb(0x2B, 0x4C, 0x6F);

const WHITE: Rgb = Rgb(0xFF, 0xFF, 0xFF);

/// The text colour of the site, near-black.
pub(super) const INK: Rgb = Rgb(0x14, 0x14, 0x14);

/// `c` mixed toward black in small steps until white on it reaches `min`.
fn darkened(c: Rgb, min: f64) -> Rgb {
    let mut out = c;
    let mut t = 0.0;
    while out.contrast(WHITE) < min && t < 1.0 {
        t += 0.02;
        out = c.mix(Rgb(0, 0, 0), t);
    }
    out
}

/// Near-black or white, whichever stands out more on `fill`.
pub(super) fn ink_on(fill: Rgb) -> Rgb {
    if fill.contrast(WHITE) > fill.contrast(INK) {
        WHITE
    } else {
        INK
    }
}

/// The colours of one compass's site.
pub(super) struct Colours {
    /// Header background, links, the compass's middle: the root's colour, dark enough.
    pub(super) brand: Rgb,
    /// The sectors' own colours, for the band under the header.
    pub(super) sectors: Vec<Rgb>,
}

impl Colours {
    pub(super) fn of(k: &Kompas) -> Self {
        let sectors: Vec<Rgb> = k.sectors().iter().filter_map(|&s| k.color(s)).collect();
        let base = k.element(k.root()).color.unwrap_or(FALLBACK);
        Self {
            brand: darkened(base, MIN_CONTRAST),
            sectors,
        }
    }

    /// The style sheet: the tokens of this compass, then the shared rules.
    pub(super) fn css(&self) -> String {
        let band = if self.sectors.is_empty() {
            self.brand.to_hex()
        } else {
            let n = self.sectors.len() as f64;
            let stops: Vec<String> = self
                .sectors
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let (a, b) = (i as f64 / n * 100.0, (i + 1) as f64 / n * 100.0);
                    format!("{} {a:.2}% {b:.2}%", c.to_hex())
                })
                .collect();
            format!("linear-gradient(to right, {})", stops.join(", "))
        };
        format!(
            "/* Design tokens of this compass, named after the NL Design System (utrecht-…). */\n\
             :root {{\n  --utrecht-document-color: {ink};\n  --utrecht-document-background-color: #ffffff;\n  \
             --utrecht-link-color: {brand};\n  --utrecht-link-visited-color: {brand};\n  \
             --utrecht-page-header-background-color: {brand};\n  --utrecht-page-header-color: #ffffff;\n  \
             --utrecht-heading-color: {ink};\n  --kompas-band: {band};\n}}\n{}",
            super::CSS,
            ink = INK.to_hex(),
            brand = self.brand.to_hex(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_brand_colour_carries_white_text_in_both_compasses() {
        for k in [
            crate::load::load_embedded().unwrap().kompas,
            crate::load::load_path(std::path::Path::new("kompas/oegstgeest-sociaal-domein"))
                .unwrap()
                .kompas,
        ] {
            let c = Colours::of(&k);
            assert!(c.brand.contrast(WHITE) >= MIN_CONTRAST, "{:?}", c.brand);
            assert_eq!(c.sectors.len(), k.sectors().len(), "a band of every sector");
        }
        // A pale colour is darkened, not kept.
        assert!(darkened(Rgb(0xF2, 0xC0, 0x37), 4.5).contrast(WHITE) >= 4.5);
        assert_eq!(WHITE.contrast(WHITE), 1.0, "no contrast with itself");
        assert!(
            (INK.contrast(WHITE) - 18.4).abs() < 0.1,
            "near-black on white"
        );
    }
}
