//! `kompas publish`: the compass as a static website a municipality can put online as it is.
//! No server, no external request, no cookie; it works from `file://`. A start page with the
//! compass as inline SVG (every wedge a link named with its full title) and the same structure
//! as a list; a page per element of the two levels under the top (a koers page holds its
//! hoofdinspanningen with all their inspanningen: the kaart); the begrippenlijst; every page of
//! "Over het kompas"; a page listing every element that a small script filters (without
//! script the list still serves). Written with `maud`, which escapes every text; every word is
//! the compass's own. Free of egui.

mod colour;
mod svg;

use colour::Colours;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::content::{Block, Indicator};
use crate::glossary::Glossary;
use crate::model::{Ix, Kompas};
use crate::text::slug;

/// The style sheet, written beside the pages.
const CSS: &str = include_str!("stijl.css");

/// The filter script of the search page (inline, so it works from `file://`).
const SEARCH_JS: &str = include_str!("zoeken.js");

/// Most elements on one page: a page whose subtree is larger lists its children as links,
/// each with a page of its own, so a 50 000-element kaart stays readable and small.
const PAGE_LIMIT: usize = 250;

/// Most entries on one page of the list of everything (the search page without script).
const LIST_LIMIT: usize = 1000;

/// The search page shows at most this many hits; the count says how many there are.
const SEARCH_SHOWN: usize = 100;

/// The site as (relative path, text), start page first.
pub fn site(kompas: &Kompas) -> Vec<(String, String)> {
    site_with(kompas, None)
}

/// The site with the progress of a year from the notes: each hoofddoel and koers its share
/// afgerond, each inspanning its status in that year. Only statuses and counts go out; no
/// note, reaction or progress text of the notes is ever on the site.
pub fn site_with(
    kompas: &Kompas,
    progress: Option<(&crate::notes::NotesFile, i32)>,
) -> Vec<(String, String)> {
    let glossary = Glossary::new(kompas);
    let rollup =
        progress.map(|(notes, year)| crate::voortgang::Rollup::compute(kompas, notes, year));
    let order = kompas.document_order();
    let site = Site {
        kompas,
        glossary: &glossary,
        progress: progress.zip(rollup.as_ref()).map(|((n, _), r)| (n, r)),
        pages: Pages::new(kompas, &order),
        colours: Colours::of(kompas),
    };
    let mut files = vec![
        ("index.html".to_owned(), site.start()),
        ("stijl.css".to_owned(), site.colours.css()),
        ("begrippen.html".to_owned(), site.begrippen()),
        ("zoeken.html".to_owned(), site.search(order.len())),
        ("zoekindex.js".to_owned(), site.search_index(&order)),
        ("toegankelijkheid.html".to_owned(), site.toegankelijkheid()),
    ];
    let parts = order.chunks(LIST_LIMIT).count();
    for (i, chunk) in order.chunks(LIST_LIMIT).enumerate() {
        files.push((list_file(i), site.list_page(chunk, i, parts, order.len())));
    }
    for &ix in &order {
        if site.pages.has_page(ix) && ix != kompas.root() {
            files.push((site.file_of(ix), site.element_page(ix)));
        }
    }
    for page in &kompas.content.pages {
        files.push((
            format!("over-{}.html", slug(&page.id)),
            site.over_page(page),
        ));
    }
    files
}

/// Total size in bytes of the site's files.
pub fn size(files: &[(String, String)]) -> usize {
    files.iter().map(|(_, t)| t.len()).sum()
}

struct Site<'a> {
    kompas: &'a Kompas,
    glossary: &'a Glossary,
    progress: Option<(&'a crate::notes::NotesFile, &'a crate::voortgang::Rollup)>,
    pages: Pages,
    colours: Colours,
}

/// Which elements have a page of their own, and which of those list their children as links
/// (split) instead of holding their whole subtree.
struct Pages {
    own: Vec<bool>,
    split: Vec<bool>,
}

impl Pages {
    /// The two levels under the top have a page each (hoofddoelen list their koersen; a koers
    /// holds its kaart). A page whose subtree passes [`PAGE_LIMIT`] is split: its children get
    /// a page each, by the same rule, down the tree.
    fn new(k: &Kompas, order: &[Ix]) -> Self {
        let n = k.index_bound();
        let mut size = vec![0usize; n];
        for ix in k.post_order(k.root()) {
            size[ix.index()] = 1 + k
                .children(ix)
                .iter()
                .map(|c| size[c.index()])
                .sum::<usize>();
        }
        let mut own = vec![false; n];
        let mut split = vec![false; n];
        for &ix in order {
            let depth = k.element(ix).depth;
            let mine = depth <= 2 || k.parent(ix).is_some_and(|p| split[p.index()]);
            own[ix.index()] = mine;
            split[ix.index()] = mine && (depth <= 1 || size[ix.index()] > PAGE_LIMIT);
        }
        Self { own, split }
    }

    fn has_page(&self, ix: Ix) -> bool {
        self.own.get(ix.index()).copied().unwrap_or(false)
    }

    fn is_split(&self, ix: Ix) -> bool {
        self.split.get(ix.index()).copied().unwrap_or(false)
    }
}

/// The file of the `i`-th page of the list of everything.
fn list_file(i: usize) -> String {
    if i == 0 {
        "alles.html".to_owned()
    } else {
        format!("alles-{}.html", i + 1)
    }
}

impl Site<'_> {
    /// "Voortgang 2019: 9 van 27 afgerond (33%)" for an element with children, when progress
    /// is published.
    fn share(&self, ix: Ix) -> Option<String> {
        let (_, r) = self.progress?;
        let pct = r
            .percent(ix)
            .map_or_else(String::new, |p| format!(" ({p}%)"));
        Some(format!(
            "Voortgang {}: {} van {} afgerond{pct}",
            r.year,
            r.done(ix),
            r.counted(ix)
        ))
    }

    /// An element's status in the published year.
    fn status(&self, ix: Ix) -> Option<String> {
        let (notes, r) = self.progress?;
        let s = notes
            .get(self.kompas.element(ix).id.as_str())
            .and_then(|a| a.status_in(r.year))?;
        Some(format!("{}: {s}", r.year))
    }

    /// The page of an element of the top two levels below the root, else the page it is on
    /// with an anchor.
    fn href(&self, ix: Ix) -> String {
        let k = self.kompas;
        if ix == k.root() {
            return "index.html".to_owned();
        }
        if self.pages.has_page(ix) {
            return self.file_of(ix);
        }
        let mut page = ix;
        while !self.pages.has_page(page) {
            match k.parent(page) {
                Some(p) => page = p,
                None => return "index.html".to_owned(),
            }
        }
        format!(
            "{}#e-{}",
            self.file_of(page),
            slug(k.element(ix).id.as_str())
        )
    }

    fn file_of(&self, ix: Ix) -> String {
        let k = self.kompas;
        let level = k
            .level(ix)
            .map_or_else(|| "onderdeel".to_owned(), |l| slug(&l.name));
        format!("{level}-{}.html", slug(k.element(ix).id.as_str()))
    }

    /// Every page's frame: language, skip link, header with the site's name, the navigation,
    /// `main`, and a footer saying what this is.
    fn page(&self, title: &str, trail: &[(String, String)], body: &Markup) -> String {
        let k = self.kompas;
        let site_title = &k.meta.title;
        html! {
            (DOCTYPE)
            html lang="nl" {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; script-src 'self' 'unsafe-inline'; img-src 'self' data:";
                    title { (title) " — " (site_title) }
                    link rel="stylesheet" href="stijl.css";
                }
                body {
                    a.skip href="#inhoud" { "Naar de inhoud" }
                    header.site {
                        div.wrap {
                            a.home href="index.html" { (site_title) }
                            @if !k.meta.municipality.is_empty() {
                                span.org { (k.meta.municipality) }
                            }
                        }
                        nav aria-label="Hoofdmenu" {
                            ul.wrap {
                                li { a href="index.html" { "Kompas" } }
                                li { a href="begrippen.html" { "Begrippen" } }
                                @for p in &k.content.pages {
                                    @if p.group.is_empty() || k.content.pages.iter().find(|q| q.group == p.group).is_some_and(|q| q.id == p.id) {
                                        li { a href=(format!("over-{}.html", slug(&p.id))) { (p.nav_title()) } }
                                    }
                                }
                                li { a href="zoeken.html" { "Zoeken" } }
                            }
                        }
                    }
                    @if !trail.is_empty() {
                        nav.trail aria-label="Kruimelpad" {
                            ol.wrap {
                                @for (i, (href, name)) in trail.iter().enumerate() {
                                    @if i + 1 == trail.len() {
                                        li { span aria-current="page" { (name) } }
                                    } @else {
                                        li { a href=(href) { (name) } }
                                    }
                                }
                            }
                        }
                    }
                    main #inhoud.wrap tabindex="-1" { (body) }
                    footer.site {
                        div.wrap {
                            p { (site_title) @if !k.meta.period.is_empty() { " · " (k.meta.period) } @if !k.meta.municipality.is_empty() { " · " (k.meta.municipality) } }
                            p { "Deze website werkt zonder server en zonder cookies; er wordt niets bijgehouden." }
                            p { a href="toegankelijkheid.html" { "Toegankelijkheid" } " · " a href=(list_file(0)) { "Alle onderdelen" } }
                        }
                    }
                }
            }
        }
        .into_string()
    }

    /// A page one step below the start page (begrippen, zoeken, Over het kompas, ...): its
    /// crumb trail is the start page and `crumb`.
    fn top_page(&self, title: &str, crumb: &str, body: &Markup) -> String {
        self.page(
            title,
            &[
                ("index.html".into(), "Kompas".into()),
                (String::new(), crumb.to_owned()),
            ],
            body,
        )
    }

    fn trail_to(&self, ix: Ix) -> Vec<(String, String)> {
        let k = self.kompas;
        k.path(ix)
            .into_iter()
            .map(|p| {
                let name = if p == k.root() {
                    "Kompas".to_owned()
                } else {
                    k.short_name(p)
                };
                (self.href(p), name)
            })
            .collect()
    }

    fn start(&self) -> String {
        let k = self.kompas;
        let root = k.root();
        let el = k.element(root);
        let body = html! {
            h1 { (k.meta.title) }
            p.lead {
                (k.level(root).map_or("", |l| l.name.as_str())) ": " (el.title)
            }
            @if let Some(s) = self.share(root) { p.voortgang { (s) } }
            div.start {
                figure.kompas {
                    (PreEscaped(svg::compass(k, self.colours.brand, |ix| self.href(ix))))
                    figcaption { "Het kompas: klik op een onderdeel om het te openen. Dezelfde indeling staat ook als lijst onder ‘Indeling’." }
                }
                nav aria-labelledby="indeling" {
                    h2 #indeling { "Indeling" }
                    (self.tree_list(root))
                }
            }
            @if let Some(text) = &el.text { p { (text) } }
        };
        self.page(&k.meta.title, &[], &body)
    }

    /// The root's children and their children as nested lists of links.
    fn tree_list(&self, root: Ix) -> Markup {
        let k = self.kompas;
        html! {
            ol.indeling {
                @for &s in k.children(root) {
                    li {
                        a href=(self.href(s)) { (k.short_name(s)) ": " (k.element(s).title) }
                        @if !k.children(s).is_empty() {
                            ol {
                                @for &c in k.children(s) {
                                    li { a href=(self.href(c)) { (k.short_name(c)) ": " (k.element(c).title) } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    fn element_page(&self, ix: Ix) -> String {
        let k = self.kompas;
        let el = k.element(ix);
        let (prev, next) = if el.depth <= 2 {
            k.neighbours_at_depth(ix)
        } else {
            siblings(k, ix)
        };
        let begrippen: Vec<usize> = k.begrippen_of(ix);
        let body = html! {
            p.level { (k.short_name(ix)) }
            h1 { (el.title) }
            @if let Some(s) = self.share(ix) { p.voortgang { (s) } }
            @if let Some(text) = &el.text {
                @for para in text.split("\n\n") { p { (self.linked(para)) } }
            }
            @if !begrippen.is_empty() {
                p.begrippen {
                    "Begrippen bij deze " (k.level(ix).map_or("pagina".to_owned(), |l| l.name.to_lowercase())) ": "
                    @for (i, &b) in begrippen.iter().enumerate() {
                        @if i > 0 { ", " }
                        @if let Some(begrip) = k.begrippen.get(b) {
                            a href=(format!("begrippen.html#{}", slug(&begrip.term))) { (begrip.term) }
                        }
                    }
                }
            }
            @if self.pages.is_split(ix) {
                @if !k.children(ix).is_empty() {
                    h2 { (level_plural(k, el.depth + 1)) }
                    ol.kaarten {
                        @for &c in k.children(ix) {
                            li {
                                a href=(self.href(c)) { (k.short_name(c)) ": " (k.element(c).title) }
                                @if let Some(s) = self.status(c) { " " span.status { "(" (s) ")" } }
                            }
                        }
                    }
                }
            } @else {
                @for &c in k.children(ix) { (self.below(c, 2)) }
            }
            nav.buren aria-label="Vorige en volgende" {
                @if let Some(p) = prev { a rel="prev" href=(self.href(p)) { "← " (k.short_name(p)) ": " (k.element(p).title) } }
                @if let Some(n) = next { a rel="next" href=(self.href(n)) { (k.short_name(n)) ": " (k.element(n).title) " →" } }
            }
        };
        self.page(&k.short_name(ix), &self.trail_to(ix), &body)
    }

    /// An element below a koers page: a section with a heading, its text and its children.
    fn below(&self, ix: Ix, level: u8) -> Markup {
        let k = self.kompas;
        let el = k.element(ix);
        let id = format!("e-{}", slug(el.id.as_str()));
        let children = k.children(ix);
        html! {
            @if children.is_empty() {
                div.element #(id) {
                    p {
                        span.nummer { (k.number(ix)) } " " (self.linked(&el.title))
                        @if let Some(s) = self.status(ix) { " " span.status { "(" (s) ")" } }
                    }
                    @if let Some(t) = &el.text { p { (self.linked(t)) } }
                }
            } @else {
                section.element #(id) aria-labelledby=(format!("{id}-kop")) {
                    @match level {
                        2 => h2 #(format!("{id}-kop")) { span.nummer { (k.number(ix)) } " " (el.title) },
                        3 => h3 #(format!("{id}-kop")) { span.nummer { (k.number(ix)) } " " (el.title) },
                        _ => h4 #(format!("{id}-kop")) { span.nummer { (k.number(ix)) } " " (el.title) },
                    }
                    @if let Some(t) = &el.text { p { (t) } }
                    ul.onder {
                        @for &c in children { li { (self.below(c, level + 1)) } }
                    }
                }
            }
        }
    }

    fn begrippen(&self) -> String {
        let k = self.kompas;
        let body = html! {
            h1 { "Begrippenlijst" }
            p { (self.glossary.entries.len()) " begrippen, in de volgorde van de begrippenlijst." }
            dl.begrippen {
                @for e in &self.glossary.entries {
                    dt #(slug(&e.term)) { dfn { (e.term) } }
                    @for d in &e.definitions {
                        dd {
                            (d.text)
                            @if !d.elements.is_empty() {
                                " "
                                span.bij {
                                    "(bij "
                                    @for (i, &el) in d.elements.iter().enumerate() {
                                        @if i > 0 { ", " }
                                        a href=(self.href(el)) { (k.short_name(el)) }
                                    }
                                    ")"
                                }
                            }
                        }
                    }
                }
            }
        };
        self.top_page("Begrippenlijst", "Begrippen", &body)
    }

    /// The search page: a field, a live count and the hits, drawn by a little script from
    /// `zoekindex.js`; without script it points to the list of everything.
    fn search(&self, total: usize) -> String {
        let body = html! {
            h1 { "Zoeken" }
            p { "Typ een of meer woorden; hieronder staan de onderdelen die ze alle bevatten." }
            form.zoek role="search" {
                label for="zoekveld" { "Zoek in het kompas" }
                input #zoekveld type="search" autocomplete="off";
            }
            p #aantal aria-live="polite" { (count_text(total)) " in het kompas." }
            ol #resultaten.alles {}
            p {
                "Liever alles op een rij? "
                a href=(list_file(0)) { "Alle onderdelen van het kompas" }
                " staan ook als lijst, zonder zoeken."
            }
            script src="zoekindex.js" {}
            script { (PreEscaped(SEARCH_JS.replace("__SHOWN__", &SEARCH_SHOWN.to_string()))) }
        };
        self.top_page("Zoeken", "Zoeken", &body)
    }

    /// The search index: every element's name and title with its address, as a script that
    /// sets one global (a script file loads from `file://`, where a fetch would not).
    fn search_index(&self, order: &[Ix]) -> String {
        let k = self.kompas;
        let mut out = String::with_capacity(order.len() * 96);
        out.push_str("window.KOMPAS_ZOEKINDEX = [\n");
        for &ix in order {
            out.push('[');
            out.push_str(&json_string(&format!(
                "{}: {}",
                k.short_name(ix),
                k.element(ix).title
            )));
            out.push(',');
            out.push_str(&json_string(&self.href(ix)));
            out.push_str("],\n");
        }
        out.push_str("];\n");
        out
    }

    /// One page of the list of everything, in document order: what serves without script.
    fn list_page(&self, chunk: &[Ix], i: usize, parts: usize, total: usize) -> String {
        let k = self.kompas;
        let first = i * LIST_LIMIT + 1;
        let pager = html! {
            @if parts > 1 {
                nav.delen aria-label="Delen van de lijst" {
                    ol {
                        @for p in 0..parts {
                            @if p == i {
                                li { span aria-current="page" { "Deel " (p + 1) } }
                            } @else {
                                li { a href=(list_file(p)) { "Deel " (p + 1) } }
                            }
                        }
                    }
                }
            }
        };
        let body = html! {
            h1 { "Alle onderdelen" @if parts > 1 { " (deel " (i + 1) " van " (parts) ")" } }
            p {
                (count_text(total)) " in de volgorde van het kompas"
                @if parts > 1 { "; hier " (first) " tot en met " (first + chunk.len() - 1) }
                ". " a href="zoeken.html" { "Zoeken" } " gaat sneller."
            }
            (pager)
            ul.alles {
                @for &ix in chunk {
                    li { a href=(self.href(ix)) { (k.short_name(ix)) ": " (k.element(ix).title) } }
                }
            }
            (pager)
        };
        self.page(
            "Alle onderdelen",
            &[
                ("index.html".into(), "Kompas".into()),
                ("zoeken.html".into(), "Zoeken".into()),
                (String::new(), "Alle onderdelen".into()),
            ],
            &body,
        )
    }

    /// What the site does for accessibility and how it was checked, as the start of the
    /// toegankelijkheidsverklaring the municipality publishes; it says plainly what the
    /// municipality still has to fill in.
    fn toegankelijkheid(&self) -> String {
        let k = self.kompas;
        let org = if k.meta.municipality.is_empty() {
            "de uitgever".to_owned()
        } else {
            k.meta.municipality.clone()
        };
        let body = html! {
            h1 { "Toegankelijkheid" }
            p {
                (org) " wil dat iedereen " (k.meta.title) " kan lezen en gebruiken, ook met een "
                "schermlezer, alleen met het toetsenbord of sterk vergroot. Deze website is "
                "gemaakt om te voldoen aan de Web Content Accessibility Guidelines (WCAG) 2.1, "
                "niveau AA, zoals het Besluit digitale toegankelijkheid overheid vraagt."
            }
            h2 { "Wat deze website doet" }
            ul {
                li { "Elke pagina heeft een link ‘Naar de inhoud’, vaste herkenningspunten (kop, menu, kruimelpad, inhoud, voet) en koppen in volgorde." }
                li { "Het kompas is ook als lijst te lezen; elk vlak van het kompas is een link met de volledige titel." }
                li { "Grafieken staan er ook als tabel met dezelfde cijfers." }
                li { "Alles werkt met het toetsenbord; wat de focus heeft is duidelijk omlijnd." }
                li { "Tekst en achtergrond hebben genoeg contrast; de pagina’s passen op een scherm van 320 pixels breed en bij 400% vergroting." }
                li { "Zoeken werkt zonder server; zonder script staat alles op een rij onder ‘Alle onderdelen’." }
                li { "De website gebruikt geen cookies, houdt niets bij en haalt niets van andere websites." }
            }
            h2 { "Hoe dit is gecontroleerd" }
            p {
                "De website is gemaakt met Kompas " (env!("CARGO_PKG_VERSION")) ". Bij elke versie van "
                "Kompas worden alle pagina’s in een echte browser (Chromium) automatisch getoetst met "
                "axe-core op de regels van WCAG 2.0 en 2.1, niveau A en AA, en wordt met het "
                "toetsenbord een route door de website gelopen. Een automatische toets vindt niet "
                "alles: een onderzoek door een deskundige hoort erbij."
            }
            h2 { "Nog in te vullen door " (org) }
            p {
                "Dit is het begin van de toegankelijkheidsverklaring, geen verklaring zelf. Zet de "
                "verklaring in het register van de Rijksoverheid en vul hier aan: de datum en "
                "uitkomst van het onderzoek, wat nog niet voldoet en wanneer het is opgelost, en "
                "hoe lezers een probleem melden en wie hun melding behandelt."
            }
        };
        self.top_page("Toegankelijkheid", "Toegankelijkheid", &body)
    }

    fn over_page(&self, page: &crate::content::Page) -> String {
        let body = html! {
            h1 { (page.title) }
            @for b in &page.blocks { (self.block(b)) }
        };
        self.top_page(page.nav_title(), page.nav_title(), &body)
    }

    /// A text with each begrip in it linked to its definition in the begrippenlijst.
    fn linked(&self, text: &str) -> Markup {
        let hits = self.glossary.find(text);
        let mut at = 0;
        html! {
            @for hit in &hits {
                @if hit.range.start >= at {
                    (text.get(at..hit.range.start).unwrap_or_default())
                    @if let Some(e) = self.glossary.entries.get(hit.entry) {
                        a.begrip href=(format!("begrippen.html#{}", slug(&e.term))) { (text.get(hit.range.clone()).unwrap_or_default()) }
                    }
                    ({ at = hit.range.end; "" })
                }
            }
            (text.get(at..).unwrap_or_default())
        }
    }

    fn block(&self, b: &Block) -> Markup {
        let c = &self.kompas.content;
        let k = self.kompas;
        match b {
            Block::Kop(t) => html! { h2 { (t) } },
            Block::Alinea(t) => html! { p { (self.linked(t)) } },
            Block::Lijst(items) => html! { ul { @for i in items { li { (i) } } } },
            Block::Principes => html! {
                dl { @for p in &c.principes { dt { (p.id) ". " (p.title) } dd { (p.text) } } }
            },
            Block::Trends => html! {
                ol { @for t in &c.trends { li { strong { (t.title) } ": " (t.summary) } } }
            },
            Block::TrendsVolledig => html! {
                @for t in &c.trends {
                    section aria-labelledby=(format!("trend-{}", slug(&t.id))) {
                        h2 #(format!("trend-{}", slug(&t.id))) { (t.number) ". " (t.title) }
                        @for para in t.text.split("\n\n") { p { (para) } }
                        @if !t.kansen.is_empty() {
                            div.tabel role="region" tabindex="0" aria-label=(t.kansen_intro) { table {
                                caption { (t.kansen_intro) }
                                thead { tr { th scope="col" { "Kans of uitdaging" } th scope="col" { "Komt terug in" } th scope="col" { "Voorbeeld" } } }
                                tbody {
                                    @for kans in &t.kansen {
                                        tr {
                                            th scope="row" { (kans.text) }
                                            td {
                                                @for (i, e) in k.kans_koersen(kans).into_iter().enumerate() {
                                                    @if i > 0 { ", " }
                                                    a href=(self.href(e)) { (k.short_name(e)) }
                                                }
                                            }
                                            td { (kans.voorbeeld) }
                                        }
                                    }
                                }
                            } }
                        }
                    }
                }
            },
            Block::Knooppunten => html! {
                dl { @for n in &c.knooppunten { dt { (n.id) ". " (n.title) } dd { (n.text) } } }
            },
            Block::Beleid => html! {
                ul { @for b in &c.beleid { li { (b.title) @if let Some(n) = &b.number { " (" (n) ")" } } } }
            },
            Block::Samenvatting => html! {
                @for s in &c.samenvatting {
                    h3 { a href=(self.href(s.element)) { (s.title) } }
                    p { (s.text) }
                }
            },
            Block::Indicatoren => {
                html! { @for ind in &c.indicatoren { (indicator(ind, self.colours.brand)) } }
            }
        }
    }
}

/// The previous and next sibling of `ix` (the neighbours of a page below a split page).
fn siblings(k: &Kompas, ix: Ix) -> (Option<Ix>, Option<Ix>) {
    let Some(parent) = k.parent(ix) else {
        return (None, None);
    };
    let all = k.children(parent);
    let Some(pos) = all.iter().position(|&c| c == ix) else {
        return (None, None);
    };
    let prev = pos.checked_sub(1).and_then(|p| all.get(p).copied());
    (prev, all.get(pos + 1).copied())
}

/// "530 onderdelen", "1 onderdeel".
fn count_text(n: usize) -> String {
    if n == 1 {
        "1 onderdeel".to_owned()
    } else {
        format!("{n} onderdelen")
    }
}

/// A JavaScript string literal of `s`: quotes, backslashes, control characters and `<` escaped,
/// so no title can end the string or the script.
fn json_string(s: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 || c == '<' || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn level_plural(k: &Kompas, depth: usize) -> String {
    k.levels
        .get(depth)
        .map_or_else(|| "Onderdelen".to_owned(), |l| l.plural.clone())
}

/// An indicator: its sentence, a bar chart as SVG (hidden from screen readers: the table
/// beside it says the same) and the table of its values.
fn indicator(ind: &Indicator, brand: crate::model::Rgb) -> Markup {
    let id = format!("ind-{}", slug(&ind.id));
    html! {
        section.indicator aria-labelledby=(id) {
            h3 #(id) { (ind.title) }
            p { (ind.text) }
            (PreEscaped(svg::bars(ind, brand)))
            table {
                caption { (ind.title) @if !ind.unit.is_empty() { " (" (ind.unit) ")" } }
                thead { tr { th scope="col" { "Wat" } th scope="col" { "Waarde" } } }
                tbody { @for v in &ind.values { tr { th scope="row" { (v.label) } td { (v.shown) } } } }
            }
            @if !ind.source.is_empty() { p.bron { "Bron: " (ind.source) } }
        }
    }
}

#[cfg(test)]
mod tests;
