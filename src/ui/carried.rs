//! What an element carries from a mind map beyond the compass's fields, under its text: its
//! hyperlink and the web addresses in its words (opened in the browser; a link to another
//! node opens that element), its attributes as a name–value table, its icons as tags and the
//! name of its image.

use egui::{RichText, Ui};

use crate::model::{Ix, NodeId};
use crate::ui::command::Command;
use crate::ui::view_ctx::ViewCtx;
use crate::ui::widgets::{heading_label, web_addresses};

/// How a hyperlink is followed.
#[derive(Debug, PartialEq, Eq)]
enum Target<'a> {
    /// A web address: the browser opens it.
    Web(&'a str),
    /// Another element of this compass (a mind map's `#ID_…`).
    Element(NodeId),
    /// A file or anything else: shown, not followed (Kompas does not open other files from
    /// a link, so a map cannot make it open something unasked).
    Other(&'a str),
}

fn target<'a>(kompas: &crate::model::Kompas, link: &'a str) -> Target<'a> {
    let link = link.trim();
    if link.starts_with("http://") || link.starts_with("https://") || link.starts_with("mailto:") {
        return Target::Web(link);
    }
    if let Some(id) = link.strip_prefix('#')
        && let Some(ix) = kompas.get(id)
    {
        return Target::Element(kompas.element(ix).id.clone());
    }
    Target::Other(link)
}

/// Draws the element's links, attributes, tags and image; nothing for an element without.
pub(crate) fn ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, ix: Ix, size: f32) {
    let kompas = cx.kompas;
    let theme = cx.theme;
    let el = kompas.element(ix);
    let carried = el.carried();
    let mut links: Vec<&str> = carried.link.as_deref().into_iter().collect();
    for url in el
        .text
        .as_deref()
        .map(web_addresses)
        .unwrap_or_default()
        .into_iter()
        .chain(
            carried
                .attributes
                .iter()
                .flat_map(|(_, v)| web_addresses(v)),
        )
    {
        if !links.contains(&url) {
            links.push(url);
        }
    }
    let heading = |ui: &mut Ui, text: &str| {
        ui.add_space(8.0);
        heading_label(
            ui,
            RichText::new(text)
                .strong()
                .size(size)
                .color(theme.text_muted),
            3,
        );
    };
    // Links look like links (colour and underline) in every theme.
    let link_text = |ui: &Ui, text: &str| {
        RichText::new(text)
            .size(size)
            .color(ui.visuals().hyperlink_color)
            .underline()
    };
    if !links.is_empty() {
        heading(ui, "Koppelingen");
        for link in links {
            match target(kompas, link) {
                Target::Web(url) => {
                    ui.hyperlink_to(link_text(ui, url), url)
                        .on_hover_text("Opent in de webbrowser");
                }
                Target::Element(id) => {
                    let name = crate::ui::widgets::access_label(
                        kompas,
                        kompas.get(id.as_str()).unwrap_or(ix),
                    );
                    if ui
                        .link(link_text(ui, &format!("→ {name}")))
                        .on_hover_text("Opent dit onderdeel")
                        .clicked()
                    {
                        cx.push(Command::Open(id));
                    }
                }
                Target::Other(text) => {
                    ui.label(RichText::new(text).size(size))
                        .on_hover_text("Een bestand of adres buiten Kompas; Kompas opent het niet");
                }
            }
        }
    }
    if !carried.attributes.is_empty() {
        heading(ui, "Eigenschappen");
        egui::Grid::new(("eigenschappen", el.id.as_str()))
            .num_columns(2)
            .spacing([12.0, 4.0])
            .striped(true)
            .show(ui, |ui| {
                for (name, value) in &carried.attributes {
                    ui.label(RichText::new(name).size(size).color(theme.text_muted));
                    ui.add(egui::Label::new(RichText::new(value).size(size)).wrap());
                    ui.end_row();
                }
            });
    }
    if !carried.tags.is_empty() {
        heading(ui, "Pictogrammen");
        ui.label(RichText::new(carried.tags.join(", ")).size(size));
    }
    if let Some(image) = &carried.image {
        heading(ui, "Afbeelding");
        ui.label(RichText::new(image).size(size))
            .on_hover_text("De afbeelding zelf toont Kompas niet, alleen haar naam");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_go_to_the_browser_to_an_element_or_nowhere() {
        let k = crate::load_embedded().unwrap().kompas;
        assert_eq!(
            target(&k, " https://x.nl/a "),
            Target::Web("https://x.nl/a")
        );
        assert_eq!(target(&k, "mailto:a@b.nl"), Target::Web("mailto:a@b.nl"));
        let first = k.children(k.root())[0];
        let id = k.element(first).id.clone();
        assert_eq!(
            target(&k, &format!("#{}", id.as_str())),
            Target::Element(id)
        );
        assert_eq!(target(&k, "#bestaat-niet"), Target::Other("#bestaat-niet"));
        assert_eq!(target(&k, "../kaart.mm"), Target::Other("../kaart.mm"));
    }
}
