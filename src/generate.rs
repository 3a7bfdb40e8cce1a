//! Deterministic synthetic compasses for tests and benchmarks: any number of sectors, children
//! per level and elements, with Dutch-looking texts of realistic length.

use crate::model::{Element, Kompas, KompasBuilder, Level, Meta, Rgb};

/// Most elements a synthetic compass may have: [`synthetic`] makes at most this many.
pub const MAX_ELEMENTS: usize = 5_000_000;

/// The shape of a synthetic compass.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spec {
    /// Number of sectors (children of the root).
    pub sectors: usize,
    /// Children per element for each level below the sectors, e.g. `[5, 4, 6]` for koersen,
    /// hoofdinspanningen and inspanningen.
    pub fanout: Vec<usize>,
    /// Seed for the texts; the same seed gives the same compass.
    pub seed: u64,
}

impl Spec {
    /// A spec with about `elements` elements in 6 levels (the Sociaal Kompas's shape, one
    /// level deeper), with the sector count between 4 and 8 chosen from the size.
    pub fn with_elements(elements: usize, seed: u64) -> Self {
        let elements = elements.min(MAX_ELEMENTS);
        let sectors = 4 + (elements / 10_000).min(4);
        // Grow the fanout of the deepest levels until the total reaches the target.
        let mut fanout = vec![4, 3, 4, 3];
        let total = |f: &[usize]| -> usize {
            let mut n = 1 + sectors;
            let mut width = sectors;
            for &k in f {
                width *= k;
                n += width;
            }
            n
        };
        let mut level = fanout.len() - 1;
        while total(&fanout) < elements {
            if let Some(k) = fanout.get_mut(level) {
                *k += 1;
            }
            level = if level == 0 {
                fanout.len() - 1
            } else {
                level - 1
            };
        }
        Self {
            sectors,
            fanout,
            seed,
        }
    }

    /// Number of elements this spec produces; `None` when it does not even fit in a number.
    pub fn element_count(&self) -> Option<usize> {
        let mut n = self.sectors.checked_add(1)?;
        let mut width = self.sectors;
        for &k in &self.fanout {
            width = width.checked_mul(k)?;
            n = n.checked_add(width)?;
        }
        Some(n)
    }
}

/// SplitMix64: tiny and stable, so a seed means the same compass in every version.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const VERBS: &[&str] = &[
    "Stimuleer",
    "Faciliteer",
    "Organiseer",
    "Bevorder",
    "Versterk",
    "Onderzoek",
    "Ontwikkel",
    "Zorg voor",
    "Verbeter",
    "Betrek",
    "Ondersteun",
    "Vergroot",
    "Blijf investeren in",
];
const NOUNS: &[&str] = &[
    "mantelzorgers",
    "jongeren",
    "ouderen",
    "wijkteams",
    "vrijwilligers",
    "statushouders",
    "cliëntondersteuning",
    "de buurt",
    "scholen",
    "huisartsen",
    "sportverenigingen",
    "werkgevers",
    "laaggeletterde inwoners",
    "de bibliotheekfunctie",
    "het Sociaal Servicepunt",
    "respijtzorg",
];
const TAILS: &[&str] = &[
    "zodat inwoners langer zelfstandig blijven",
    "met aandacht voor preventie en vroegsignalering",
    "door samen te werken met maatschappelijke partners",
    "bijvoorbeeld met een laagdrempelig inlooppunt in de wijk",
    "en maak afspraken over de uitvoering",
    "zoals met maatjesprojecten en ervaringsdeskundigen",
    "om eenzaamheid te voorkomen",
];
const COLOURS: &[Rgb] = &[
    Rgb(0xF2, 0xC0, 0x37),
    Rgb(0x6C, 0xB8, 0x6A),
    Rgb(0xEE, 0x8A, 0x5B),
    Rgb(0x9B, 0x86, 0xC9),
    Rgb(0x5F, 0xB4, 0xD9),
    Rgb(0xE5, 0x7F, 0xA8),
    Rgb(0xB5, 0xC9, 0x4E),
    Rgb(0xC9, 0xA2, 0x7E),
];

fn sentence(rng: &mut Rng) -> String {
    let mut s = format!(
        "{} {} {}",
        VERBS[rng.below(VERBS.len())],
        NOUNS[rng.below(NOUNS.len())],
        TAILS[rng.below(TAILS.len())]
    );
    if rng.below(3) == 0 {
        s.push_str(", ");
        s.push_str(TAILS[rng.below(TAILS.len())]);
    }
    s.push('.');
    s
}

/// Builds the compass `spec` describes.
pub fn synthetic(spec: &Spec) -> Kompas {
    let mut rng = Rng(spec.seed);
    let depth = spec.fanout.len() + 2;
    let level_names = [
        ("Visie", "Visies"),
        ("Thema", "Thema's"),
        ("Koers", "Koersen"),
        ("Doel", "Doelen"),
        ("Opgave", "Opgaven"),
        ("Actie", "Acties"),
        ("Stap", "Stappen"),
        ("Taak", "Taken"),
    ];
    let levels: Vec<Level> = (0..depth)
        .map(|d| match level_names.get(d) {
            Some((name, plural)) => Level {
                name: (*name).to_owned(),
                plural: (*plural).to_owned(),
            },
            None => Level {
                name: format!("Niveau {}", d + 1),
                plural: format!("Niveaus {}", d + 1),
            },
        })
        .collect();
    let mut b = KompasBuilder::default();
    let root = b.add(
        None,
        Element {
            id: "0".into(),
            depth: 0,
            label: None,
            title: "Iedereen doet mee".into(),
            text: None,
            color: Some(Rgb(0x1F, 0x5F, 0xA6)),
            kind: crate::model::NodeKind::Tree,
            carried: None,
        },
    );
    // Breadth-first keeps memory flat and ids in order.
    let mut frontier: Vec<(crate::model::Ix, String)> = Vec::new();
    for s in 1..=spec.sectors.min(MAX_ELEMENTS - 1) {
        let ix = b.add(
            Some(root),
            Element {
                id: s.to_string().as_str().into(),
                depth: 1,
                label: Some(s.to_string()),
                title: sentence(&mut rng),
                text: None,
                color: COLOURS.get((s - 1) % COLOURS.len()).copied(),
                kind: crate::model::NodeKind::Tree,
                carried: None,
            },
        );
        frontier.push((ix, s.to_string()));
    }
    // However large the spec, no more than MAX_ELEMENTS are made.
    let mut made = 1 + frontier.len();
    'levels: for (level, &k) in spec.fanout.iter().enumerate() {
        let depth = level + 2;
        let mut next = Vec::with_capacity(frontier.len().saturating_mul(k).min(MAX_ELEMENTS));
        for (parent, pid) in &frontier {
            for c in 1..=k {
                if made >= MAX_ELEMENTS {
                    break 'levels;
                }
                made += 1;
                let id = format!("{pid}.{c}");
                let ix = b.add(
                    Some(*parent),
                    Element {
                        id: id.as_str().into(),
                        depth,
                        label: (depth == 2).then(|| id.clone()),
                        title: sentence(&mut rng),
                        text: (depth == 2)
                            .then(|| format!("{} {}", sentence(&mut rng), sentence(&mut rng))),
                        color: None,
                        kind: crate::model::NodeKind::Tree,
                        carried: None,
                    },
                );
                next.push((ix, id));
            }
        }
        frontier = next;
    }
    let meta = Meta {
        title: format!("Synthetisch kompas ({made} elementen)"),
        municipality: "Voorbeeld".into(),
        period: "2025-2028".into(),
        source: format!("kompas generate, seed {}", spec.seed),
    };
    b.finish(meta, levels, Vec::new())
        .unwrap_or_else(|| unreachable!("a root was added"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Finding 11: huge fanouts panicked ("capacity overflow") or grew past the limit.
    #[test]
    fn huge_specs_neither_panic_nor_grow_past_the_limit() {
        let spec = Spec {
            sectors: 3,
            fanout: vec![usize::MAX, usize::MAX],
            seed: 1,
        };
        assert_eq!(spec.element_count(), None);
        let wide = Spec {
            sectors: 2,
            fanout: vec![3_000_000],
            seed: 1,
        };
        assert_eq!(wide.element_count(), Some(6_000_003));
        assert!(Spec::with_elements(usize::MAX, 1).element_count() <= Some(MAX_ELEMENTS + 200_000));
    }

    #[test]
    fn specs_reach_their_size_and_are_deterministic() {
        for n in [530, 5_000, 50_000] {
            let spec = Spec::with_elements(n, 7);
            let k = synthetic(&spec);
            assert_eq!(Some(k.len()), spec.element_count());
            assert!(k.len() >= n && k.len() < n * 2, "{n} -> {}", k.len());
            assert!((4..=8).contains(&k.sectors().len()));
        }
        let a = synthetic(&Spec::with_elements(1000, 1));
        let b = synthetic(&Spec::with_elements(1000, 1));
        let titles = |k: &Kompas| {
            k.document_order()
                .iter()
                .map(|&i| k.element(i).title.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(titles(&a), titles(&b));
        let c = synthetic(&Spec::with_elements(1000, 2));
        assert_ne!(titles(&a), titles(&c));
    }
}
