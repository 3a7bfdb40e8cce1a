//! The slides as one PDF handout: a page per slide, in order, each slide as a picture with
//! its position and title as (invisible) text over it, so the handout can be searched, copied
//! from and read aloud, and a bookmark per slide.

use pdf_writer::types::TextRenderingMode;
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use crate::ui::render::Slide;

/// The handout's file name in a folder of slides.
pub const HANDOUT_FILE: &str = "hand-out.pdf";

/// Writes every slide of the presentation of `kompas` as a PNG into the folder `dir` (made
/// when missing) and all of them as [`HANDOUT_FILE`], calling `progress` after each slide.
/// Returns how many slides were written.
///
/// # Errors
/// What could not be made or written, with its path.
pub fn write_presentation(
    kompas: &crate::model::Kompas,
    size: [u32; 2],
    theme: crate::ui::theme::ThemeKind,
    dir: &std::path::Path,
    mut progress: impl FnMut(&Slide, usize),
) -> Result<usize, String> {
    use crate::ui::render;
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("de map {} kon niet worden gemaakt: {e}", dir.display()))?;
    let mut handout = Handout::new(&kompas.meta.title, size);
    let count = render::render_presentation(kompas, size, theme, |slide| {
        let out = dir.join(&slide.file);
        let png = render::encode_png(&slide.rgba, size).map_err(|e| e.to_string())?;
        crate::write::write_atomic(&out, &png)
            .map_err(|e| format!("{} kon niet worden geschreven: {e}", out.display()))?;
        handout.add(&slide);
        progress(&slide, handout.len());
        Ok(())
    })
    .map_err(|e| e.to_string())?;
    let pdf = dir.join(HANDOUT_FILE);
    crate::write::write_atomic(&pdf, &handout.finish())
        .map_err(|e| format!("{} kon niet worden geschreven: {e}", pdf.display()))?;
    Ok(count)
}

/// Points per pixel: a slide of 1280×720 pixels is a page of 960×540 points (96 dpi).
const PT_PER_PX: f32 = 0.75;

/// A handout being made, slide by slide.
pub struct Handout {
    title: String,
    size: [u32; 2],
    /// Per slide: the deflated RGB pixels and the text on it.
    pages: Vec<(Vec<u8>, String)>,
}

impl Handout {
    /// An empty handout called `title` for slides of `size` pixels.
    pub fn new(title: &str, size: [u32; 2]) -> Self {
        Self {
            title: title.to_owned(),
            size,
            pages: Vec::new(),
        }
    }

    /// Adds `slide` as the next page.
    pub fn add(&mut self, slide: &Slide) {
        let rgb: Vec<u8> = slide
            .rgba
            .chunks_exact(4)
            .flat_map(|p| [p[0], p[1], p[2]])
            .collect();
        let text = if slide.title.is_empty() {
            slide.position.clone()
        } else {
            format!("{}: {}", slide.position, slide.title)
        };
        self.pages
            .push((miniz_oxide::deflate::compress_to_vec_zlib(&rgb, 6), text));
    }

    /// Pages so far.
    pub fn len(&self) -> usize {
        self.pages.len()
    }

    /// True before the first slide.
    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }

    /// The PDF.
    pub fn finish(self) -> Vec<u8> {
        let mut pdf = Pdf::new();
        let mut next = 1;
        let mut alloc = || {
            let r = Ref::new(next);
            next += 1;
            r
        };
        let catalog = alloc();
        let tree = alloc();
        let outline = alloc();
        let info = alloc();
        let font = alloc();
        let n = self.pages.len();
        let ids: Vec<[Ref; 4]> = (0..n)
            .map(|_| [alloc(), alloc(), alloc(), alloc()])
            .collect();
        let (w, h) = (
            self.size[0] as f32 * PT_PER_PX,
            self.size[1] as f32 * PT_PER_PX,
        );

        pdf.catalog(catalog)
            .pages(tree)
            .outlines(outline)
            .lang(TextStr("nl-NL"));
        pdf.document_info(info)
            .title(TextStr(&self.title))
            .creator(TextStr("Kompas"));
        pdf.pages(tree)
            .kids(ids.iter().map(|i| i[0]))
            .count(i32::try_from(n).unwrap_or(i32::MAX));
        pdf.type1_font(font)
            .base_font(Name(b"Helvetica"))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
        {
            let mut o = pdf.outline(outline);
            if let (Some(first), Some(last)) = (ids.first(), ids.last()) {
                o.first(first[3]).last(last[3]);
            }
            o.count(i32::try_from(n).unwrap_or(i32::MAX));
        }

        for (i, ((pixels, text), [page, content, image, bookmark])) in
            self.pages.iter().zip(&ids).enumerate()
        {
            let mut p = pdf.page(*page);
            p.media_box(Rect::new(0.0, 0.0, w, h))
                .parent(tree)
                .contents(*content);
            {
                let mut res = p.resources();
                res.x_objects().pair(Name(b"Dia"), *image);
                res.fonts().pair(Name(b"F1"), font);
            }
            p.finish();

            let mut c = Content::new();
            c.save_state()
                .transform([w, 0.0, 0.0, h, 0.0, 0.0])
                .x_object(Name(b"Dia"))
                .restore_state();
            // The text, invisible over the picture: found by search, read by screen readers.
            c.begin_text()
                .set_text_rendering_mode(TextRenderingMode::Invisible)
                .set_font(Name(b"F1"), 14.0)
                .set_leading(18.0)
                .next_line(24.0, h - 40.0);
            for (k, line) in wrap(text, 100).iter().enumerate() {
                if k > 0 {
                    c.next_line_using_leading();
                }
                c.show(Str(&win_ansi(line)));
            }
            c.end_text();
            pdf.stream(*content, &c.finish());

            let mut img = pdf.image_xobject(*image, pixels);
            img.filter(Filter::FlateDecode);
            img.width(i32::try_from(self.size[0]).unwrap_or(i32::MAX))
                .height(i32::try_from(self.size[1]).unwrap_or(i32::MAX))
                .bits_per_component(8);
            img.color_space().device_rgb();
            img.finish();

            let mut item = pdf.outline_item(*bookmark);
            item.title(TextStr(text)).parent(outline);
            if let Some(prev) = i.checked_sub(1).and_then(|j| ids.get(j)) {
                item.prev(prev[3]);
            }
            if let Some(following) = ids.get(i + 1) {
                item.next(following[3]);
            }
            item.dest().page(*page).fit();
        }
        pdf.finish()
    }
}

/// `text` in lines of at most `width` characters, broken between words.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// `text` in the standard fonts' encoding (Windows-1252); what it cannot hold becomes "?".
fn win_ansi(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut buf = [0u8; 4];
    for c in text.chars() {
        let (bytes, _, bad) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buf));
        if bad {
            out.push(b'?');
        } else {
            out.extend_from_slice(&bytes);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_text_keeps_its_accents_in_the_standard_font() {
        assert_eq!(win_ansi("Creëer — één"), b"Cre\xeber \x97 \xe9\xe9n");
        assert_eq!(win_ansi("✎"), b"?");
    }

    #[test]
    fn long_text_is_wrapped_between_words_and_nothing_is_lost() {
        let text = "Koerskaart 1.1 — hoofdinspanning 1 van 5 · 2/2: Kennis en vaardigheden voor \
                    opgroeien en opvoeden te vergroten bij jeugd, ouders, vrijwilligers en \
                    professionals.";
        let lines = wrap(text, 40);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| l.chars().count() <= 40));
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn a_handout_has_a_page_and_a_bookmark_per_slide() {
        let mut h = Handout::new("Sociaal Kompas", [4, 2]);
        for i in 0..3 {
            h.add(&Slide {
                file: format!("{i}.png"),
                position: format!("Koers 1.{i}"),
                title: "Meer jeugd groeit op".into(),
                rgba: vec![200; 4 * 4 * 2],
                step: (i, 3),
            });
        }
        assert_eq!(h.len(), 3);
        let pdf = h.finish();
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.starts_with("%PDF-"));
        assert_eq!(
            text.matches("/Type /Page").count() - text.matches("/Type /Pages").count(),
            3
        );
        assert_eq!(text.matches("/Subtype /Image").count(), 3);
        assert!(text.contains("/Count 3"));
    }
}
