//! The pictures of the site as inline SVG, written with `maud` like the pages: the compass
//! (the root in the middle, its children as a ring, theirs as the outer ring, each wedge a
//! link named with its full title) and an indicator's bars.

use std::f64::consts::{PI, TAU};

use maud::{Markup, html};

use super::colour::{self, INK};
use crate::content::Indicator;
use crate::model::{Ix, Kompas, Rgb};

const R_CORE: f64 = 95.0;
const R_SECTOR: f64 = 165.0;
const R_OUTER: f64 = 300.0;

/// A point at `r` and angle `a` (0 at twelve o'clock, clockwise).
fn at(r: f64, a: f64) -> (f64, f64) {
    (r * a.sin(), -r * a.cos())
}

/// The outline of an annular sector as an SVG path.
fn wedge(inner: f64, outer: f64, a0: f64, a1: f64) -> String {
    let large = i32::from(a1 - a0 > PI);
    let (x0, y0) = at(outer, a0);
    let (x1, y1) = at(outer, a1);
    let (x2, y2) = at(inner, a1);
    let (x3, y3) = at(inner, a0);
    format!(
        "M{} {} A{outer} {outer} 0 {large} 1 {} {} L{} {} A{inner} {inner} 0 {large} 0 {} {} Z",
        n(x0),
        n(y0),
        n(x1),
        n(y1),
        n(x2),
        n(y2),
        n(x3),
        n(y3)
    )
}

fn n(v: f64) -> String {
    format!("{v:.1}")
}

/// The ink for text on a fill written `#RRGGBB`.
fn ink_on(fill: &str) -> String {
    Rgb::parse_hex(fill).map_or_else(|| INK.to_hex(), |c| colour::ink_on(c).to_hex())
}

fn hex(c: Option<Rgb>, toward_white: f64) -> String {
    let Rgb(r, g, b) = c.unwrap_or(Rgb(0x8C, 0xA6, 0xC8));
    let m = |v: u8| {
        let v = f64::from(v);
        (v + (255.0 - v) * toward_white).round().clamp(0.0, 255.0) as u8
    };
    Rgb(m(r), m(g), m(b)).to_hex()
}

/// The compass. Each child of the root gets an angle in proportion to its own children (at
/// least one share), its children share it equally.
pub(super) fn compass(k: &Kompas, brand: Rgb, href: impl Fn(Ix) -> String) -> String {
    let root = k.root();
    let sectors = k.sectors();
    let shares: Vec<usize> = sectors
        .iter()
        .map(|&s| k.children(s).len().clamp(1, 60))
        .collect();
    let total: usize = shares.iter().sum::<usize>().max(1);
    let mut wedges: Vec<(Ix, f64, f64, f64, f64, String)> = Vec::new();
    let mut a = 0.0;
    for (&s, &share) in sectors.iter().zip(&shares) {
        let span = TAU * share as f64 / total as f64;
        let color = k.color(s);
        wedges.push((s, R_CORE, R_SECTOR, a, a + span, hex(color, 0.0)));
        let kids = k.children(s);
        // A ring of thousands would be slivers: more than 60 children share one wedge.
        if !kids.is_empty() && kids.len() <= 60 {
            let step = span / kids.len() as f64;
            for (i, &c) in kids.iter().enumerate() {
                let b = a + step * i as f64;
                wedges.push((c, R_SECTOR, R_OUTER, b, b + step, hex(color, 0.6)));
            }
        }
        a += span;
    }
    let name = |ix: Ix| format!("{}: {}", k.short_name(ix), k.element(ix).title);
    let svg: Markup = html! {
        svg xmlns="http://www.w3.org/2000/svg" viewBox="-310 -310 620 620" role="group" aria-label=(format!("Kompas: {}", k.meta.title)) {
            @for (ix, inner, outer, a0, a1, fill) in &wedges {
                a href=(href(*ix)) aria-label=(name(*ix)) {
                    title { (name(*ix)) }
                    path d=(wedge(*inner, *outer, *a0, *a1)) fill=(fill) stroke="#ffffff" stroke-width="2" {}
                    @let (x, y) = at((inner + outer) / 2.0, (a0 + a1) / 2.0);
                    text x=(n(x)) y=(n(y)) text-anchor="middle" dominant-baseline="central" font-size=(if *inner < R_SECTOR { "22" } else { "18" }) font-weight="bold" fill=(ink_on(fill)) aria-hidden="true" { (k.number(*ix)) }
                }
            }
            a href=(href(root)) aria-label=(name(root)) {
                title { (name(root)) }
                circle r=(n(R_CORE - 2.0)) fill=(brand.to_hex()) {}
                text x="0" y="0" text-anchor="middle" dominant-baseline="central" font-size="18" font-weight="bold" fill=(colour::ink_on(brand).to_hex()) aria-hidden="true" { (k.level(root).map_or("", |l| l.name.as_str())) }
            }
        }
    };
    svg.into_string()
}

/// An indicator's values as horizontal bars, hidden from screen readers (the table says it).
pub(super) fn bars(ind: &Indicator, brand: Rgb) -> String {
    let max = ind
        .values
        .iter()
        .map(|v| v.value.abs())
        .fold(0.0_f64, f64::max)
        .max(f64::MIN_POSITIVE);
    // Each label whole, wrapped between words into the 210 units left of the bars (about 26
    // characters at this size), its row as tall as its lines.
    let rows: Vec<(Vec<String>, f64)> = ind
        .values
        .iter()
        .map(|v| {
            let lines = wrap(&v.label, LABEL_CHARS);
            let height = (17.0 * lines.len() as f64 + 11.0).max(28.0);
            (lines, height)
        })
        .collect();
    let h = rows.iter().map(|(_, r)| r).sum::<f64>() + 8.0;
    let mut y = 4.0;
    let svg: Markup = html! {
        svg.grafiek xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {} {}", n(CHART_WIDTH), n(h))) aria-hidden="true" focusable="false" {
            @for (v, (lines, row)) in ind.values.iter().zip(&rows) {
                // The longest bar leaves room for its value after it (it was cut off at 360).
                @let w = BAR_MAX * v.value.abs() / max;
                @let top = y;
                text y=(n(top + 18.0)) font-size="14" fill=(INK.to_hex()) {
                    @for (k, line) in lines.iter().enumerate() {
                        tspan x="0" dy=(if k == 0 { "0" } else { "17" }) { (line) }
                    }
                }
                rect x="220" y=(n(top + 4.0)) width=(n(w)) height="18" fill=(brand.to_hex()) {}
                text x=(n(226.0 + w)) y=(n(top + 18.0)) font-size="14" fill=(INK.to_hex()) { (v.shown) }
                ({ y += row; "" })
            }
        }
    };
    svg.into_string()
}

/// Width of a bar chart in SVG units: labels 0–210, bars from 220, the value after the bar.
const CHART_WIDTH: f64 = 640.0;

/// The longest bar, leaving 640 − 220 − 300 − 6 = 114 units (some 14 characters) for its value.
const BAR_MAX: f64 = 300.0;

/// Characters of a bar's label on one line.
const LABEL_CHARS: usize = 26;

/// `text` in lines of at most `width` characters, broken between words (a longer word gets a
/// line of its own); every word kept.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_bar_label_is_wrapped_never_cut() {
        let label = "regelmatig contact met buurtgenoten";
        let lines = super::wrap(label, super::LABEL_CHARS);
        assert_eq!(lines, ["regelmatig contact met", "buurtgenoten"]);
        assert_eq!(lines.join(" "), label, "every word");
        assert_eq!(super::wrap("kort", 26), ["kort"]);
        assert_eq!(super::wrap("", 26), [""]);
    }

    /// Finding: the longest bar ran to x = 580 of 600, so its value ("8.200", "7,7") was cut
    /// to "8." and "7,"; and labels were cut at 28 characters.
    #[test]
    fn every_label_and_value_of_every_indicator_is_in_its_chart_and_inside_it() {
        let k = crate::load::load_embedded().unwrap().kompas;
        let brand = crate::model::Rgb(0x1F, 0x5F, 0xA6);
        for ind in &k.content.indicatoren {
            let svg = super::bars(ind, brand);
            let doc = scraper::Html::parse_fragment(&svg);
            let text: String = doc.root_element().text().collect::<Vec<_>>().join(" ");
            for v in &ind.values {
                assert!(text.contains(&v.shown), "{}: {}", ind.id, v.shown);
                for word in v.label.split_whitespace() {
                    assert!(text.contains(word), "{}: {word}", ind.id);
                }
                // At 14 px a character is at most ~9 units wide.
                let end = 226.0 + super::BAR_MAX + 9.0 * v.shown.chars().count() as f64;
                assert!(
                    end <= super::CHART_WIDTH,
                    "{}: {} runs out",
                    ind.id,
                    v.shown
                );
            }
        }
    }
}
