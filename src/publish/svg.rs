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
    let row = 28.0;
    let h = row * ind.values.len() as f64 + 8.0;
    let svg: Markup = html! {
        svg.grafiek xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 600 {}", n(h))) aria-hidden="true" focusable="false" {
            @for (i, v) in ind.values.iter().enumerate() {
                @let y = 4.0 + row * i as f64;
                @let w = 360.0 * v.value.abs() / max;
                text x="0" y=(n(y + 18.0)) font-size="14" fill=(INK.to_hex()) { (v.label.chars().take(28).collect::<String>()) }
                rect x="220" y=(n(y + 4.0)) width=(n(w)) height="18" fill=(brand.to_hex()) {}
                text x=(n(226.0 + w)) y=(n(y + 18.0)) font-size="14" fill=(INK.to_hex()) { (v.shown) }
            }
        }
    };
    svg.into_string()
}
