//! Colours, fonts and sizes: the one place they live.

use std::sync::Arc;

use egui::{Color32, FontData, FontDefinitions, FontFamily, FontId, Stroke, TextStyle};
use serde::{Deserialize, Serialize};

use crate::model::Rgb;

/// The app's themes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ThemeKind {
    /// Light background, the default ("licht"; settings saved before the rename keep loading).
    #[default]
    #[serde(alias = "Licht")]
    Light,
    /// Dark background ("donker").
    #[serde(alias = "Donker")]
    Dark,
    /// Black on white with strong outlines, for projectors and low vision ("hoog contrast").
    #[serde(alias = "HoogContrast")]
    HighContrast,
}

impl ThemeKind {
    /// All themes, in menu order.
    pub const ALL: [Self; 3] = [Self::Light, Self::Dark, Self::HighContrast];

    /// Dutch name.
    pub fn label(self) -> &'static str {
        match self {
            Self::Light => "Licht",
            Self::Dark => "Donker",
            Self::HighContrast => "Hoog contrast",
        }
    }
}

/// Resolved colours and sizes for one theme.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    /// Which theme this is.
    pub kind: ThemeKind,
    /// Window background.
    pub bg: Color32,
    /// Side panels.
    pub panel_bg: Color32,
    /// Body text.
    pub text: Color32,
    /// Secondary text (levels, counts).
    pub text_muted: Color32,
    /// Keyboard focus ring.
    pub focus: Color32,
    /// Card background.
    pub card_bg: Color32,
    /// Card border.
    pub card_border: Color32,
    /// Outline drawn between wedges.
    pub separator: Color32,
    /// Colour used for a compass without colours in its data.
    pub fallback_sector: Color32,
    /// The done part of a progress band (at least 3:1 against the background).
    pub progress_done: Color32,
    /// The rest of a progress band.
    pub progress_track: Color32,
}

/// Thickness of a progress band on the compass, at the desk (presenting draws it larger).
pub const PROGRESS_BAND_PX: f32 = 7.0;

/// Seconds the pointer rests on a widget before its tooltip opens (egui's own default), once
/// the pointer has moved since the app started.
pub const TOOLTIP_DELAY_S: f32 = 0.5;

/// Width of the keyboard focus ring.
pub const FOCUS_WIDTH_PX: f32 = 3.0;
/// Corner radius of cards.
pub const CARD_RADIUS_PX: u8 = 8;
/// Smallest font size used to fit labels into the compass; below this text is abbreviated.
pub const MIN_LABEL_PX: f32 = 11.0;
/// Smaller still, only when at the minimum a label would show no more than its number.
pub const LAST_RESORT_LABEL_PX: f32 = 9.0;
/// Largest font size for labels on the compass.
pub const MAX_LABEL_PX: f32 = 22.0;
/// Size of the sectors' numbers when the sector ring shows numbers only.
pub const NUMBER_LABEL_PX: f32 = 34.0;
/// Duration of view transitions.
pub const TRANSITION_S: f32 = 0.2;
/// How much larger text is when read from afar (presenting, a picture for a slide).
pub const FROM_AFAR_SCALE: f32 = 1.3;
/// Presenting: body text in points; at 1280×720 with the presenting zoom (1.3) that is
/// 24 px, what the back row of a room still reads.
pub const PRESENT_BODY_PT: f32 = 19.0;
/// Presenting: the smallest body size a long list may step down to. At 1280×720 and above
/// every step fits at the full size; a smaller screen (800×600) steps down rather than cut a
/// title.
pub const PRESENT_MIN_BODY_PT: f32 = 10.0;
/// Presenting: a step's title (about 32 px).
pub const PRESENT_TITLE_PT: f32 = 25.0;
/// A dialog's title.
pub const DIALOG_TITLE_PX: f32 = 20.0;
/// Width of the detail panel.
pub const DETAIL_WIDTH_PX: f32 = 340.0;
/// Width of the outline panel.
pub const OUTLINE_WIDTH_PX: f32 = 300.0;

/// Colour of the `i`-th status of the list (the list is data, so colours go by position):
/// grey, amber, blue, green, slate, then a few more.
pub fn status_color(i: usize) -> Color32 {
    const PALETTE: [Color32; 8] = [
        Color32::from_rgb(0x9A, 0x9A, 0x9A),
        Color32::from_rgb(0xE0, 0x9B, 0x1A),
        Color32::from_rgb(0x2F, 0x7B, 0xD6),
        Color32::from_rgb(0x2E, 0x9E, 0x55),
        Color32::from_rgb(0x5A, 0x63, 0x70),
        Color32::from_rgb(0xB0, 0x4F, 0xC8),
        Color32::from_rgb(0xD6, 0x4F, 0x4F),
        Color32::from_rgb(0x3A, 0xA8, 0xA8),
    ];
    PALETTE[i % PALETTE.len()]
}

/// Font family for bold text.
pub fn bold() -> FontFamily {
    FontFamily::Name("bold".into())
}

/// Font family for labels on the compass: condensed, so more words fit a wedge.
pub fn condensed() -> FontFamily {
    FontFamily::Name("condensed".into())
}

/// Bold condensed, for numbers on the compass.
pub fn condensed_bold() -> FontFamily {
    FontFamily::Name("condensed-bold".into())
}

fn from_rgb(c: Rgb) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
}

/// The model's colour of an opaque egui colour (the opposite of [`from_rgb`]).
fn to_rgb(c: Color32) -> Rgb {
    Rgb(c.r(), c.g(), c.b())
}

/// Relative luminance (WCAG 2.x) of a colour (see [`Rgb::luminance`]).
pub fn luminance(c: Color32) -> f32 {
    to_rgb(c).luminance() as f32
}

/// WCAG contrast ratio between two colours, 1 to 21 (see [`Rgb::contrast`]).
pub fn contrast(a: Color32, b: Color32) -> f32 {
    to_rgb(a).contrast(to_rgb(b)) as f32
}

/// Mixes `a` toward `b` by `t` (0 = a, 1 = b).
pub fn mix(a: Color32, b: Color32, t: f32) -> Color32 {
    from_rgb(to_rgb(a).mix(to_rgb(b), f64::from(t)))
}

const INK: Color32 = Color32::from_rgb(0x14, 0x14, 0x14);

/// Labels on a fill must reach this contrast (WCAG AA is 4.5; a margin for rounding).
const MIN_LABEL_CONTRAST: f32 = 4.6;

/// `fill`, darkened or lightened just enough that near-black or white text on it reaches
/// [`MIN_LABEL_CONTRAST`]: mid-tones are the only colours where neither does.
fn readable(fill: Color32) -> Color32 {
    let best = |c: Color32| contrast(INK, c).max(contrast(PAPER, c));
    if best(fill) >= MIN_LABEL_CONTRAST {
        return fill;
    }
    // Go toward whichever end the better text colour is not.
    let toward = if contrast(INK, fill) >= contrast(PAPER, fill) {
        Color32::WHITE
    } else {
        Color32::BLACK
    };
    let mut t = 0.0;
    let mut out = fill;
    while best(out) < MIN_LABEL_CONTRAST && t < 1.0 {
        t += 0.02;
        out = mix(fill, toward, t);
    }
    out
}
const PAPER: Color32 = Color32::WHITE;

impl Theme {
    /// The resolved theme.
    pub fn new(kind: ThemeKind) -> Self {
        match kind {
            ThemeKind::Light => Self {
                kind,
                bg: Color32::from_rgb(0xF6, 0xF5, 0xF1),
                panel_bg: Color32::from_rgb(0xFF, 0xFF, 0xFF),
                text: INK,
                text_muted: Color32::from_rgb(0x55, 0x55, 0x55),
                focus: Color32::from_rgb(0x0B, 0x4F, 0xC4),
                card_bg: Color32::WHITE,
                card_border: Color32::from_rgb(0xD6, 0xD3, 0xCB),
                separator: Color32::from_rgb(0xF6, 0xF5, 0xF1),
                fallback_sector: Color32::from_rgb(0x8C, 0xA6, 0xC8),
                progress_done: Color32::from_rgb(0x1E, 0x7A, 0x3E),
                progress_track: Color32::from_rgb(0xC9, 0xC6, 0xBD),
            },
            ThemeKind::Dark => Self {
                kind,
                bg: Color32::from_rgb(0x1B, 0x1D, 0x21),
                panel_bg: Color32::from_rgb(0x24, 0x27, 0x2C),
                text: Color32::from_rgb(0xEE, 0xEE, 0xEE),
                text_muted: Color32::from_rgb(0xB4, 0xB4, 0xB4),
                focus: Color32::from_rgb(0x8F, 0xC1, 0xFF),
                card_bg: Color32::from_rgb(0x2A, 0x2D, 0x33),
                card_border: Color32::from_rgb(0x45, 0x49, 0x50),
                separator: Color32::from_rgb(0x1B, 0x1D, 0x21),
                fallback_sector: Color32::from_rgb(0x5A, 0x74, 0x96),
                progress_done: Color32::from_rgb(0x5C, 0xD0, 0x85),
                progress_track: Color32::from_rgb(0x4A, 0x4E, 0x56),
            },
            ThemeKind::HighContrast => Self {
                kind,
                bg: PAPER,
                panel_bg: PAPER,
                text: Color32::BLACK,
                text_muted: Color32::BLACK,
                focus: Color32::from_rgb(0xC0, 0x00, 0x7A),
                card_bg: PAPER,
                card_border: Color32::BLACK,
                separator: Color32::BLACK,
                fallback_sector: Color32::from_rgb(0xCC, 0xCC, 0xCC),
                progress_done: Color32::from_rgb(0x00, 0x5A, 0x1E),
                progress_track: Color32::from_rgb(0xBB, 0xBB, 0xBB),
            },
        }
    }

    /// Fill of a compass shape: `ring` 0 is the data colour itself, the outer ring a lighter
    /// tint, so each koers reads as part of its hoofddoel and the rings stay apart. Any data
    /// colour is nudged until its label reaches WCAG AA.
    pub fn sector_fill(&self, data: Option<Rgb>, ring: usize) -> Color32 {
        let base = data.map_or(self.fallback_sector, from_rgb);
        let fill = match (self.kind, ring) {
            (ThemeKind::HighContrast | ThemeKind::Light, 0) => base,
            (ThemeKind::HighContrast, _) => PAPER,
            (ThemeKind::Dark, 0) => mix(base, Color32::BLACK, 0.15),
            (ThemeKind::Dark, _) => mix(base, self.bg, 0.55),
            (ThemeKind::Light, _) => mix(base, PAPER, 0.6),
        };
        readable(fill)
    }

    /// Fill of the central circle.
    pub fn core_fill(&self, data: Option<Rgb>) -> Color32 {
        let base = data.map_or(Color32::from_rgb(0x1F, 0x5F, 0xA6), from_rgb);
        readable(if self.kind == ThemeKind::Dark {
            mix(base, Color32::BLACK, 0.1)
        } else {
            base
        })
    }

    /// The outline of a coloured band (a slide's title): in high contrast a black edge, so the
    /// band stands apart even where the projector washes its colour out.
    pub fn band_stroke(&self) -> Stroke {
        if self.kind == ThemeKind::HighContrast {
            Stroke::new(3.0, INK)
        } else {
            Stroke::NONE
        }
    }

    /// Text colour with the best contrast on `fill`: near-black or white.
    pub fn text_on(&self, fill: Color32) -> Color32 {
        if contrast(INK, fill) >= contrast(PAPER, fill) {
            INK
        } else {
            PAPER
        }
    }

    /// `c` as a text colour on `bg` with at least 4.5:1 contrast (WCAG AA): moved toward the
    /// theme's text colour as far as needed, keeping its hue where it can.
    pub fn legible_on(&self, c: Color32, bg: Color32) -> Color32 {
        let mut t = 0.0;
        let mut out = c;
        while contrast(out, bg) < MIN_LABEL_CONTRAST && t < 1.0 {
            t += 0.05;
            out = mix(c, self.text, t);
        }
        out
    }

    /// The `i`-th status colour as text on the window background.
    pub fn status_text(&self, i: usize) -> Color32 {
        self.legible_on(status_color(i), self.bg)
    }

    /// Fill of a hovered shape: moved away from its text colour, so hovering never costs
    /// contrast.
    pub fn hovered(&self, fill: Color32) -> Color32 {
        let away = if self.text_on(fill) == INK {
            Color32::WHITE
        } else {
            Color32::BLACK
        };
        mix(fill, away, 0.14)
    }

    /// A shape out of the spotlight: pulled toward the background.
    pub fn faded(&self, fill: Color32) -> Color32 {
        mix(
            fill,
            self.bg,
            if self.kind == ThemeKind::HighContrast {
                0.8
            } else {
                0.65
            },
        )
    }

    /// Text on a faded shape: quieter than the text in the spotlight, but never under the
    /// 4.5:1 contrast every text keeps (WCAG AA).
    pub fn faded_text(&self, fill: Color32) -> Color32 {
        let ink = self.text_on(fill);
        let mut t: f32 = 0.35;
        loop {
            let c = mix(ink, fill, t);
            if contrast(c, fill) >= MIN_LABEL_CONTRAST || t <= 0.0 {
                return c;
            }
            t = (t - 0.05).max(0.0);
        }
    }

    /// High contrast: the colour band of a sector's outer wedges. Black labels may run over
    /// it, so a dark sector colour is lightened until black reads on it (4.5:1).
    pub fn band_fill(&self, data: Option<Rgb>) -> Color32 {
        let base = self.sector_fill(data, 0);
        let mut t: f32 = 0.0;
        let mut c = base;
        while contrast(INK, c) < MIN_LABEL_CONTRAST && t < 1.0 {
            t += 0.05;
            c = mix(base, PAPER, t);
        }
        c
    }

    /// High contrast: the share of an outer wedge's depth given to its sector's colour band,
    /// and the line between sectors. `None` in the other themes, whose outer ring is tinted.
    pub fn sector_band(&self) -> Option<(f32, Stroke)> {
        (self.kind == ThemeKind::HighContrast).then_some((0.16, Stroke::new(4.0, INK)))
    }

    /// A hovered card or list entry (not a compass shape): tinted toward the focus colour,
    /// visible on white and dark surfaces alike.
    pub fn surface_hover(&self, fill: Color32) -> Color32 {
        mix(fill, self.focus, 0.1)
    }

    /// The veil over the app behind a dialog.
    pub fn backdrop(&self) -> Color32 {
        Color32::from_black_alpha(if self.kind == ThemeKind::Light {
            90
        } else {
            150
        })
    }

    /// The stroke of the keyboard focus ring.
    pub fn focus_stroke(&self) -> Stroke {
        Stroke::new(FOCUS_WIDTH_PX, self.focus)
    }

    /// egui visuals for this theme.
    pub fn visuals(&self) -> egui::Visuals {
        let mut v = if self.kind == ThemeKind::Dark {
            egui::Visuals::dark()
        } else {
            egui::Visuals::light()
        };
        v.panel_fill = self.panel_bg;
        v.window_fill = self.panel_bg;
        v.extreme_bg_color = self.bg;
        v.override_text_color = Some(self.text);
        v.selection.stroke = Stroke::new(2.0, self.focus);
        // egui draws a focused button as an active one: its border is the focus ring.
        v.widgets.active.bg_stroke = Stroke::new(FOCUS_WIDTH_PX - 0.5, self.focus);
        v.selection.bg_fill = mix(self.focus, self.panel_bg, 0.75);
        v.hyperlink_color = self.focus;
        if self.kind == ThemeKind::HighContrast {
            for w in [
                &mut v.widgets.inactive,
                &mut v.widgets.hovered,
                &mut v.widgets.active,
                &mut v.widgets.noninteractive,
            ] {
                w.fg_stroke = Stroke::new(1.5, Color32::BLACK);
                w.bg_stroke = Stroke::new(1.5, Color32::BLACK);
            }
            v.widgets.inactive.weak_bg_fill = PAPER;
            v.widgets.inactive.bg_fill = PAPER;
        }
        v
    }
}

/// Installs the app's fonts: DejaVu Sans for text (legible at a distance and with every Dutch
/// diacritic), and its condensed cuts for the compass's labels.
pub fn install_fonts(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
}

/// The app's fonts (DejaVu Sans, its bold and condensed cuts, egui's own as fallbacks).
pub(crate) fn font_definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    let add = |fonts: &mut FontDefinitions, name: &str, bytes: &'static [u8]| {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
    };
    add(
        &mut fonts,
        "dejavu",
        include_bytes!("../../assets/fonts/DejaVuSans.ttf"),
    );
    add(
        &mut fonts,
        "dejavu-bold",
        include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf"),
    );
    add(
        &mut fonts,
        "dejavu-condensed",
        include_bytes!("../../assets/fonts/DejaVuSansCondensed.ttf"),
    );
    add(
        &mut fonts,
        "dejavu-condensed-bold",
        include_bytes!("../../assets/fonts/DejaVuSansCondensed-Bold.ttf"),
    );
    let fallbacks: Vec<String> = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let with_fallbacks = |first: &str| {
        let mut v = vec![first.to_owned()];
        v.extend(fallbacks.iter().cloned());
        v
    };
    fonts
        .families
        .insert(FontFamily::Proportional, with_fallbacks("dejavu"));
    fonts.families.insert(bold(), with_fallbacks("dejavu-bold"));
    fonts
        .families
        .insert(condensed(), with_fallbacks("dejavu-condensed"));
    fonts
        .families
        .insert(condensed_bold(), with_fallbacks("dejavu-condensed-bold"));
    fonts
}

/// Text sizes of the app.
pub fn apply_text_styles(style: &mut egui::Style) {
    style.text_styles = [
        (TextStyle::Small, FontId::proportional(12.0)),
        (TextStyle::Body, FontId::proportional(15.0)),
        (TextStyle::Button, FontId::proportional(15.0)),
        (TextStyle::Heading, FontId::new(24.0, bold())),
        (TextStyle::Monospace, FontId::monospace(14.0)),
    ]
    .into();
    style.spacing.item_spacing = egui::vec2(8.0, 6.0);
    style.spacing.button_padding = egui::vec2(8.0, 4.0);
    // Scroll bars take their own room: floating ones lie over the last letters of a line.
    style.spacing.scroll = egui::style::ScrollStyle::solid();
}

/// From this width the top bar has room for "Voortgang" as a button of its own (below it,
/// it is in the ⚙ Beeld menu).
pub const TOOLBAR_WIDE_PT: f32 = 1360.0;
/// Below this width (in points) the top bar puts its right-hand buttons in one menu.
pub const TOOLBAR_FULL_PT: f32 = 1220.0;
/// Below this width the top bar also shortens "Terug"/"Vooruit" to arrows and the search
/// field.
pub const TOOLBAR_COMPACT_PT: f32 = 900.0;
/// Below this width (a small window, or a large zoom) Home becomes its sign and "Openen…"
/// moves into the menu.
pub const TOOLBAR_TINY_PT: f32 = 640.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_bands_stand_out_from_the_background_and_their_track() {
        for kind in [ThemeKind::Light, ThemeKind::Dark, ThemeKind::HighContrast] {
            let t = Theme::new(kind);
            assert!(contrast(t.progress_done, t.bg) >= 3.0, "{kind:?} done/bg");
            assert!(
                contrast(t.progress_done, t.progress_track) >= 3.0,
                "{kind:?} done/track"
            );
        }
    }

    #[test]
    fn contrast_matches_wcag_reference_values() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 1e-6);
        // #767676 on white is the classic 4.54:1.
        assert!((contrast(Color32::from_gray(0x76), Color32::WHITE) - 4.54).abs() < 0.01);
    }

    /// WCAG 2.4.7 / 1.4.11: the focus ring (3 px) has 3:1 against every surface it is drawn
    /// on; on compass shapes its halo in the shape's text colour does (the blue einddoel).
    #[test]
    fn the_focus_ring_stands_out_everywhere() {
        let kompas = crate::load::load_embedded().unwrap().kompas;
        const { assert!(FOCUS_WIDTH_PX >= 2.0) };
        for kind in ThemeKind::ALL {
            let t = Theme::new(kind);
            for bg in [t.bg, t.panel_bg, t.card_bg] {
                let c = contrast(t.focus, bg);
                assert!(c >= 3.0, "{kind:?}: focus on {bg:?} {c:.2}");
            }
            for ix in kompas.sectors().iter().copied().chain([kompas.root()]) {
                for ring in 0..3 {
                    let fill = t.sector_fill(kompas.color(ix), ring);
                    let c = contrast(t.text_on(fill), fill).max(contrast(t.focus, fill));
                    assert!(c >= 3.0, "{kind:?}: focus on {fill:?} {c:.2}");
                }
            }
        }
    }

    /// Every pair of text and background the app draws, in every theme, for the sector
    /// colours of the shipped compass and a generated one: WCAG AA (4.5:1) at least.
    #[test]
    fn every_text_meets_wcag_aa_in_every_theme_and_sector_colour() {
        let kompas = crate::load::load_embedded().unwrap().kompas;
        let generated = crate::generate::synthetic(&crate::generate::Spec {
            sectors: 8,
            fanout: vec![2],
            seed: 1,
        });
        let mut colours: Vec<Option<Rgb>> = vec![None];
        for k in [&kompas, &generated] {
            colours.push(k.element(k.root()).color);
            colours.extend(k.sectors().iter().map(|&s| k.element(s).color));
        }
        let mut failures = Vec::new();
        for kind in ThemeKind::ALL {
            let t = Theme::new(kind);
            let mut check = |what: String, fg: Color32, bg: Color32| {
                let c = contrast(fg, bg);
                if c < 4.5 {
                    failures.push(format!("{kind:?} {what}: {c:.2}"));
                }
            };
            for bg in [t.bg, t.panel_bg, t.card_bg] {
                check(format!("text on {bg:?}"), t.text, bg);
                check(format!("muted text on {bg:?}"), t.text_muted, bg);
                check(format!("link on {bg:?}"), t.focus, bg);
            }
            for (i, c) in colours.iter().enumerate() {
                for ring in 0..2 {
                    let fill = t.sector_fill(*c, ring);
                    check(
                        format!("label on sector {i} ring {ring}"),
                        t.text_on(fill),
                        fill,
                    );
                    let hover = t.hovered(fill);
                    check(
                        format!("label on hovered sector {i} ring {ring}"),
                        t.text_on(fill),
                        hover,
                    );
                    // Presenting: outside the spotlight, quieter but still readable.
                    let faded = t.faded(fill);
                    check(
                        format!("label on faded sector {i} ring {ring}"),
                        t.faded_text(faded),
                        faded,
                    );
                }
                let core = t.core_fill(*c);
                check(format!("label on core {i}"), t.text_on(core), core);
                // High contrast: an outer wedge's label may run over its sector band.
                let band = t.band_fill(*c);
                if t.sector_band().is_some() {
                    check(
                        format!("label on the band of sector {i}"),
                        t.text_on(t.sector_fill(*c, 1)),
                        band,
                    );
                }
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    /// Finding: amber "in voorbereiding" on white was hard to read.
    #[test]
    fn status_colours_as_text_meet_wcag_aa_in_every_theme() {
        for kind in ThemeKind::ALL {
            let t = Theme::new(kind);
            for i in 0..8 {
                for bg in [t.bg, t.panel_bg, t.card_bg] {
                    let c = t.legible_on(status_color(i), bg);
                    assert!(
                        contrast(c, bg) >= 4.5,
                        "{kind:?} status {i}: {}",
                        contrast(c, bg)
                    );
                }
            }
        }
    }

    #[test]
    fn text_on_picks_the_readable_side() {
        let t = Theme::new(ThemeKind::Light);
        assert_eq!(t.text_on(Color32::from_rgb(0xF2, 0xC0, 0x37)), INK);
        assert_eq!(t.text_on(Color32::from_rgb(0x1F, 0x5F, 0xA6)), PAPER);
    }
}
