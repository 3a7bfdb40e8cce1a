//! Where the user is in a compass, and how they move: views, the canonical place of each
//! element, going up a level, and back/forward history. Keyed by stable ids, so a location
//! survives a restart and a reload. Free of egui.

use serde::{Deserialize, Serialize};

use crate::model::{Ix, Kompas, NodeId};

/// What the central area shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum View {
    /// Level 1: the compass itself.
    #[default]
    Compass,
    /// Level 2: one element with its children as cards (a koers page, a hoofddoel page).
    Page(NodeId),
    /// Level 3: one element with its children and all their descendants (a koerskaart).
    Kaart(NodeId),
    /// A page of "Over het kompas" (introduction, handleiding, trends, ...), by page id.
    Over(String),
}

/// A view plus the element selected in it (shown in the detail panel, highlighted).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Location {
    /// What is shown.
    pub view: View,
    /// What is selected, if anything.
    pub selected: Option<NodeId>,
}

impl Location {
    /// The compass with nothing selected.
    pub fn home() -> Self {
        Self::default()
    }

    /// The element the view is about (`None` on the compass).
    pub fn subject(&self) -> Option<&NodeId> {
        match &self.view {
            View::Compass | View::Over(_) => None,
            View::Page(id) | View::Kaart(id) => Some(id),
        }
    }

    /// True when every id in the location exists in `kompas`.
    pub fn is_valid_in(&self, kompas: &Kompas) -> bool {
        let page_ok = match &self.view {
            View::Over(page) => kompas.content.page(page).is_some(),
            _ => true,
        };
        page_ok
            && self
                .subject()
                .is_none_or(|id| kompas.get(id.as_str()).is_some())
            && self
                .selected
                .as_ref()
                .is_none_or(|id| kompas.get(id.as_str()).is_some())
    }

    /// The deepest element this location points at: the selection, else the subject.
    pub fn focus(&self, kompas: &Kompas) -> Option<Ix> {
        self.selected
            .as_ref()
            .or(self.subject())
            .and_then(|id| kompas.get(id.as_str()))
    }
}

fn id_of(kompas: &Kompas, ix: Ix) -> NodeId {
    kompas.element(ix).id.clone()
}

/// True when the children of `ix` are all leaves: such an element is shown inside its parent's
/// kaart rather than on a page of its own (a hoofdinspanning inside its koerskaart).
fn children_are_leaves(kompas: &Kompas, ix: Ix) -> bool {
    kompas
        .children(ix)
        .iter()
        .all(|&c| kompas.children(c).is_empty())
}

/// The canonical place to show an element:
/// the root → the compass; an element whose children are leaves, or a leaf → the kaart of the
/// element above it (with it selected); anything else → its own page.
pub fn location_for(kompas: &Kompas, ix: Ix) -> Location {
    let Some(parent) = kompas.parent(ix) else {
        return Location {
            view: View::Compass,
            selected: Some(id_of(kompas, ix)),
        };
    };
    let host_of = |el: Ix| kompas.parent(el).filter(|&h| kompas.element(h).depth >= 1);
    let view = if kompas.children(ix).is_empty() {
        // A leaf sits in the kaart of its grandparent (inspanning → koerskaart), or else on
        // its parent's page.
        match host_of(parent) {
            Some(host) if children_are_leaves(kompas, parent) => View::Kaart(id_of(kompas, host)),
            _ => View::Page(id_of(kompas, parent)),
        }
    } else if children_are_leaves(kompas, ix) && kompas.element(parent).depth >= 1 {
        // An element of leaves sits in its parent's kaart (hoofdinspanning → koerskaart).
        View::Kaart(id_of(kompas, parent))
    } else {
        View::Page(id_of(kompas, ix))
    };
    Location {
        view,
        selected: Some(id_of(kompas, ix)),
    }
}

/// Whether a page of `ix` offers a kaart (its children have children of their own).
pub fn has_kaart(kompas: &Kompas, ix: Ix) -> bool {
    kompas
        .children(ix)
        .iter()
        .any(|&c| !kompas.children(c).is_empty())
}

/// Where clicking a child card on the page of `page` leads: into the kaart when the child's
/// children are leaves (koers page → koerskaart at that hoofdinspanning), else to its page.
pub fn open_child(kompas: &Kompas, page: Ix, child: Ix) -> Location {
    if children_are_leaves(kompas, child) && !kompas.children(child).is_empty() {
        Location {
            view: View::Kaart(id_of(kompas, page)),
            selected: Some(id_of(kompas, child)),
        }
    } else if kompas.children(child).is_empty() {
        Location {
            view: View::Page(id_of(kompas, page)),
            selected: Some(id_of(kompas, child)),
        }
    } else {
        Location {
            view: View::Page(id_of(kompas, child)),
            selected: Some(id_of(kompas, child)),
        }
    }
}

/// One level up (Escape/Backspace): kaart → its page; page → the page above, or the compass.
/// The element left behind is selected, so focus returns to where the user came from.
pub fn up(kompas: &Kompas, loc: &Location) -> Option<Location> {
    match &loc.view {
        View::Compass => None,
        View::Over(_) => Some(Location::home()),
        View::Kaart(id) => Some(Location {
            view: View::Page(id.clone()),
            selected: Some(id.clone()),
        }),
        View::Page(id) => {
            let ix = kompas.get(id.as_str())?;
            // The root's page (the list of all sectors) sits right under the compass.
            let Some(parent) = kompas.parent(ix) else {
                return Some(Location {
                    view: View::Compass,
                    selected: loc.selected.clone(),
                });
            };
            if kompas.parent(parent).is_none() {
                Some(Location {
                    view: View::Compass,
                    selected: Some(id.clone()),
                })
            } else {
                Some(Location {
                    view: View::Page(id_of(kompas, parent)),
                    selected: Some(id.clone()),
                })
            }
        }
    }
}

/// The same view for the previous or next element at the same depth ("vorige/volgende koers").
pub fn sibling(kompas: &Kompas, loc: &Location, forward: bool) -> Option<Location> {
    let subject = kompas.get(loc.subject()?.as_str())?;
    let (prev, next) = kompas.neighbours_at_depth(subject);
    let other = if forward { next } else { prev }?;
    let id = id_of(kompas, other);
    let view = match loc.view {
        View::Kaart(_) if has_kaart(kompas, other) => View::Kaart(id.clone()),
        _ => View::Page(id.clone()),
    };
    Some(Location {
        view,
        selected: Some(id),
    })
}

/// The order a presentation steps through: the einddoel, then each sector (the compass with
/// it in the spotlight) followed by each of its children's page and then, one step each, the
/// children on that child's kaart (a hoofdinspanning with its inspanningen), in document order.
pub fn presentation_sequence(kompas: &Kompas) -> Vec<Location> {
    let mut out = vec![Location {
        view: View::Compass,
        selected: Some(id_of(kompas, kompas.root())),
    }];
    for &sector in kompas.sectors() {
        out.push(Location {
            view: View::Compass,
            selected: Some(id_of(kompas, sector)),
        });
        for &child in kompas.children(sector) {
            let id = id_of(kompas, child);
            out.push(Location {
                view: View::Page(id.clone()),
                selected: Some(id.clone()),
            });
            if has_kaart(kompas, child) {
                for &part in kompas.children(child) {
                    out.push(Location {
                        view: View::Kaart(id.clone()),
                        selected: Some(id_of(kompas, part)),
                    });
                }
            }
        }
    }
    out
}

/// Where `loc` stands in the presentation: the nearest step at or before it (a selection
/// inside a kaart counts as the step of the kaart's part that holds it).
pub fn presentation_index(kompas: &Kompas, sequence: &[Location], loc: &Location) -> usize {
    if let Some(i) = sequence.iter().position(|s| s == loc) {
        return i;
    }
    if loc.view != View::Compass {
        // The step of the same view whose selection holds the one here (or the view's first).
        let path: Vec<NodeId> = loc
            .focus(kompas)
            .map(|f| {
                kompas
                    .path(f)
                    .into_iter()
                    .map(|p| id_of(kompas, p))
                    .collect()
            })
            .unwrap_or_default();
        let same_view = || {
            sequence
                .iter()
                .enumerate()
                .filter(|(_, s)| s.view == loc.view)
        };
        let holding = same_view()
            .find(|(_, s)| s.selected.as_ref().is_some_and(|id| path.contains(id)))
            .or_else(|| same_view().next());
        if let Some((i, _)) = holding {
            return i;
        }
    }
    // On the compass with something else selected: the step of its sector.
    let sector = loc
        .focus(kompas)
        .and_then(|f| kompas.sector_of(f))
        .map(|s| id_of(kompas, s));
    sequence
        .iter()
        .position(|s| s.view == View::Compass && s.selected == sector && sector.is_some())
        .unwrap_or(0)
}

/// The next (or previous) step, wrapping from the last back to the first and the other way.
pub fn presentation_step(sequence: &[Location], index: usize, forward: bool) -> Option<&Location> {
    if sequence.is_empty() {
        return None;
    }
    let n = sequence.len();
    let next = if forward {
        (index + 1) % n
    } else {
        (index + n - 1) % n
    };
    sequence.get(next)
}

/// "Koers 2.3 — 8 van 16": what the step shows and where it is among its kind; on a kaart,
/// which of its parts: "Koerskaart 2.3 — hoofdinspanning 2 van 4".
pub fn position_label(kompas: &Kompas, loc: &Location) -> String {
    let Some(ix) = loc.focus(kompas) else {
        return kompas
            .level(kompas.root())
            .map_or_else(String::new, |l| l.name.clone());
    };
    if let View::Kaart(subject) = &loc.view
        && let Some(s) = kompas.get(subject.as_str())
    {
        let el = kompas.element(s);
        let name = format!(
            "{}kaart {}",
            kompas.level(s).map_or("", |l| l.name.as_str()),
            el.label.as_deref().unwrap_or(el.id.as_str())
        );
        let parts = kompas.children(s);
        // The part shown: the one holding the selection.
        let path = kompas.path(ix);
        return match parts.iter().position(|p| path.contains(p)) {
            Some(i) => format!(
                "{name} — {} {} van {}",
                kompas
                    .levels
                    .get(el.depth + 1)
                    .map_or("", |l| l.name.as_str())
                    .to_lowercase(),
                i + 1,
                parts.len()
            ),
            None => name,
        };
    }
    let el = kompas.element(ix);
    let same_depth = kompas.at_depth(el.depth);
    let pos = kompas.rank_at_depth(ix).map_or(1, |p| p + 1);
    let name = kompas.short_name(ix);
    if el.depth == 0 {
        name
    } else {
        format!("{name} — {pos} van {}", same_depth.len())
    }
}

/// What a focus request for the title of "Over het kompas" page `page` is called: pages
/// are not elements, so the id is marked as theirs.
pub fn over_focus_id(page: &str) -> NodeId {
    NodeId::from(format!("over:{page}").as_str())
}

/// Back/forward history of locations.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct History {
    back: Vec<Location>,
    current: Location,
    forward: Vec<Location>,
}

/// At most this many steps are remembered each way.
const MAX_HISTORY: usize = 200;

impl History {
    /// A history that starts at `loc`.
    pub fn new(loc: Location) -> Self {
        Self {
            back: Vec::new(),
            current: loc,
            forward: Vec::new(),
        }
    }

    /// Where the user is.
    pub fn current(&self) -> &Location {
        &self.current
    }

    /// Goes to `loc`. A change of view is a step in the history; a change of selection within
    /// the same view only updates the current step, so Back leaves the view.
    pub fn go(&mut self, loc: Location) {
        if loc == self.current {
            return;
        }
        if loc.view == self.current.view {
            self.current = loc;
            return;
        }
        self.back.push(std::mem::replace(&mut self.current, loc));
        if self.back.len() > MAX_HISTORY {
            self.back.remove(0);
        }
        self.forward.clear();
    }

    /// Steps back; false when there is nothing to go back to.
    pub fn back(&mut self) -> bool {
        let Some(prev) = self.back.pop() else {
            return false;
        };
        self.forward
            .push(std::mem::replace(&mut self.current, prev));
        true
    }

    /// Steps forward; false when there is nothing to go forward to.
    pub fn forward(&mut self) -> bool {
        let Some(next) = self.forward.pop() else {
            return false;
        };
        self.back.push(std::mem::replace(&mut self.current, next));
        true
    }

    /// True when [`Self::back`] would move.
    pub fn can_back(&self) -> bool {
        !self.back.is_empty()
    }

    /// True when [`Self::forward`] would move.
    pub fn can_forward(&self) -> bool {
        !self.forward.is_empty()
    }

    /// Drops every step that no longer exists in `kompas` (after loading another compass).
    pub fn retain_valid(&mut self, kompas: &Kompas) {
        self.back.retain(|l| l.is_valid_in(kompas));
        self.forward.retain(|l| l.is_valid_in(kompas));
        if !self.current.is_valid_in(kompas) {
            self.current = Location::home();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k() -> Kompas {
        crate::load::load_embedded().unwrap().kompas
    }

    fn loc(view: View, selected: &str) -> Location {
        Location {
            view,
            selected: Some(selected.into()),
        }
    }

    fn page(id: &str) -> View {
        View::Page(id.into())
    }

    fn kompas_last_child(k: &Kompas, id: &str) -> String {
        let last = *k.children(k.get(id).unwrap()).last().unwrap();
        k.element(last).id.as_str().to_owned()
    }

    fn kaart(id: &str) -> View {
        View::Kaart(id.into())
    }

    #[test]
    fn every_level_has_its_canonical_place() {
        let k = k();
        let at = |id: &str| location_for(&k, k.get(id).unwrap());
        assert_eq!(at("0"), loc(View::Compass, "0"));
        assert_eq!(at("2"), loc(page("2"), "2"));
        assert_eq!(at("2.3"), loc(page("2.3"), "2.3"));
        assert_eq!(at("2.3.2"), loc(kaart("2.3"), "2.3.2"));
        assert_eq!(at("2.3.2.4"), loc(kaart("2.3"), "2.3.2.4"));
    }

    #[test]
    fn cards_open_pages_or_the_kaart() {
        let k = k();
        let g = |id: &str| k.get(id).unwrap();
        assert_eq!(open_child(&k, g("1"), g("1.4")), loc(page("1.4"), "1.4"));
        assert_eq!(
            open_child(&k, g("1.4"), g("1.4.2")),
            loc(kaart("1.4"), "1.4.2")
        );
        assert!(has_kaart(&k, g("1.4")));
        assert!(!has_kaart(&k, g("1.4.2")));
    }

    #[test]
    fn up_walks_back_to_the_compass_selecting_where_we_came_from() {
        let k = k();
        let mut l = location_for(&k, k.get("4.3.2.1").unwrap());
        let mut seen = Vec::new();
        while let Some(next) = up(&k, &l) {
            seen.push(next.clone());
            l = next;
        }
        assert_eq!(
            seen,
            [
                loc(page("4.3"), "4.3"),
                loc(page("4"), "4.3"),
                loc(View::Compass, "4")
            ]
        );
    }

    #[test]
    fn siblings_cross_sector_borders_but_not_the_ends() {
        let k = k();
        let l = loc(kaart("1.5"), "1.5.2");
        assert_eq!(sibling(&k, &l, true), Some(loc(kaart("2.1"), "2.1")));
        assert_eq!(sibling(&k, &loc(page("1.1"), "1.1"), false), None);
        assert_eq!(sibling(&k, &loc(page("4.3"), "4.3"), true), None);
        assert_eq!(sibling(&k, &Location::home(), true), None);
    }

    #[test]
    fn history_steps_on_view_changes_only() {
        let mut h = History::default();
        h.go(loc(page("1.1"), "1.1"));
        h.go(loc(kaart("1.1"), "1.1.1"));
        h.go(loc(kaart("1.1"), "1.1.1.3"));
        assert!(h.back());
        assert_eq!(h.current(), &loc(page("1.1"), "1.1"));
        assert!(h.forward());
        assert_eq!(h.current(), &loc(kaart("1.1"), "1.1.1.3"));
        assert!(!h.forward());
        assert!(h.back() && h.back());
        assert_eq!(h.current(), &Location::home());
        assert!(!h.back());
        h.go(loc(page("3"), "3"));
        assert!(!h.can_forward(), "a new step clears forward");
    }

    #[test]
    fn the_presentation_runs_einddoel_hoofddoelen_koersen_in_order() {
        let k = k();
        let seq = presentation_sequence(&k);
        // 1 einddoel + 4 hoofddoelen + 16 koers pages + 71 hoofdinspanningen on their kaarten.
        assert_eq!(seq.len(), 1 + 4 + 16 + 71);
        assert_eq!(seq[0], loc(View::Compass, "0"));
        assert_eq!(seq[1], loc(View::Compass, "1"));
        assert_eq!(seq[2], loc(page("1.1"), "1.1"));
        assert_eq!(seq[3], loc(kaart("1.1"), "1.1.1"));
        let hoofddoel_2 = seq.iter().position(|s| s == &loc(View::Compass, "2"));
        assert_eq!(seq[hoofddoel_2.unwrap() + 1], loc(page("2.1"), "2.1"));
        let last = kompas_last_child(&k, "4.3");
        assert_eq!(seq.last().unwrap(), &loc(kaart("4.3"), &last));
        // Wrapping at both ends.
        assert_eq!(presentation_step(&seq, seq.len() - 1, true), Some(&seq[0]));
        assert_eq!(presentation_step(&seq, 0, false), seq.last());
        // A selection inside a kaart belongs to the step of the part that holds it; the kaart
        // with its own subject selected to its first part.
        let inside = loc(kaart("2.3"), "2.3.1.2");
        assert_eq!(
            seq[presentation_index(&k, &seq, &inside)],
            loc(kaart("2.3"), "2.3.1")
        );
        assert_eq!(
            seq[presentation_index(&k, &seq, &loc(kaart("2.3"), "2.3"))],
            loc(kaart("2.3"), "2.3.1")
        );
        assert_eq!(
            position_label(&k, &loc(page("2.3"), "2.3")),
            "Koers 2.3 — 8 van 16"
        );
        assert_eq!(
            position_label(&k, &loc(kaart("2.3"), "2.3.2")),
            format!(
                "Koerskaart 2.3 — hoofdinspanning 2 van {}",
                k.children(k.get("2.3").unwrap()).len()
            )
        );
        assert_eq!(
            position_label(&k, &loc(View::Compass, "3")),
            "Hoofddoel 3 — 3 van 4"
        );
        assert_eq!(position_label(&k, &loc(View::Compass, "0")), "Einddoel");
    }

    #[test]
    fn history_forgets_places_that_no_longer_exist() {
        let k = k();
        let mut h = History::new(loc(page("9.9"), "9.9"));
        h.go(loc(page("1.1"), "1.1"));
        h.go(loc(page("7"), "7"));
        h.retain_valid(&k);
        assert_eq!(h.current(), &Location::home());
        assert!(h.back());
        assert_eq!(h.current(), &loc(page("1.1"), "1.1"));
        assert!(!h.back());
    }
}
