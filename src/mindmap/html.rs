//! Freeplane keeps rich node texts and notes as (X)HTML; Kompas keeps plain text. This turns
//! the HTML events of a note into paragraphs separated by line breaks, with HTML's whitespace
//! rules (runs of white space inside a paragraph are one space), and back.

/// Collects the text of an HTML fragment, event by event.
#[derive(Debug, Default)]
pub struct HtmlText {
    paragraphs: Vec<String>,
    current: String,
    /// Inside `<head>`, `<style>` or `<script>`: nothing shown.
    hidden: usize,
    /// At least one block was closed, so an empty one counts as an empty line.
    bytes: usize,
}

/// Elements that start a new line.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "li"
            | "ul"
            | "ol"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "tr"
            | "table"
            | "blockquote"
            | "pre"
            | "body"
    )
}

impl HtmlText {
    /// An element opens.
    pub fn start(&mut self, name: &str) {
        if matches!(name, "head" | "style" | "script") {
            self.hidden += 1;
        } else if is_block(name) {
            self.flush(false);
        } else if name == "br" {
            self.flush(true);
        }
    }

    /// An element closes.
    pub fn end(&mut self, name: &str) {
        if matches!(name, "head" | "style" | "script") {
            self.hidden = self.hidden.saturating_sub(1);
        } else if is_block(name) && name != "body" {
            self.flush(true);
        } else if matches!(name, "td" | "th") {
            self.current.push(' ');
        }
    }

    /// Text between tags (entities already resolved).
    pub fn text(&mut self, text: &str) {
        if self.hidden > 0 {
            return;
        }
        self.bytes += text.len();
        for c in text.chars() {
            if c.is_whitespace() && c != '\u{a0}' {
                if !self.current.ends_with(' ') {
                    self.current.push(' ');
                }
            } else {
                self.current.push(c);
            }
        }
    }

    /// Bytes of text seen, to bound a note's size.
    pub fn len(&self) -> usize {
        self.bytes
    }

    /// True when no text was seen.
    pub fn is_empty(&self) -> bool {
        self.bytes == 0
    }

    /// Ends the current paragraph; `keep_empty` keeps an empty one as an empty line.
    fn flush(&mut self, keep_empty: bool) {
        // Non-breaking spaces are spaces the writer wanted kept; they count as spaces.
        let p = self.current.trim_matches(' ').replace('\u{a0}', " ");
        self.current.clear();
        if !p.is_empty() || keep_empty {
            self.paragraphs.push(p);
        }
    }

    /// The text: paragraphs joined by line breaks, without empty lines at either end.
    pub fn finish(mut self) -> String {
        self.flush(false);
        let start = self.paragraphs.iter().position(|p| !p.is_empty());
        let end = self.paragraphs.iter().rposition(|p| !p.is_empty());
        match (start, end) {
            (Some(s), Some(e)) => self.paragraphs.get(s..=e).unwrap_or_default().join("\n"),
            _ => String::new(),
        }
    }
}

/// A named HTML entity as text; `None` for one this does not know.
pub fn entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => "\u{a0}",
        "euro" => "€",
        "hellip" => "…",
        "ndash" => "–",
        "mdash" => "—",
        "lsquo" => "‘",
        "rsquo" => "’",
        "ldquo" => "“",
        "rdquo" => "”",
        "bull" => "•",
        "copy" => "©",
        "eacute" => "é",
        "egrave" => "è",
        "euml" => "ë",
        "iuml" => "ï",
        "ouml" => "ö",
        "uuml" => "ü",
        "auml" => "ä",
        "aacute" => "á",
        "agrave" => "à",
        "oacute" => "ó",
        "ccedil" => "ç",
        _ => return None,
    })
}

/// Escapes text for XML content.
pub fn escape_text(s: &str) -> String {
    escape(s, false)
}

/// Escapes `&`, `<`, `>`; in an attribute value (`attribute`) also quotes, and line breaks
/// and tabs as character references (a literal one would read back as a space).
pub fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' if attribute => out.push_str("&#13;"),
            '\t' if attribute => out.push_str("&#9;"),
            // No XML document may hold these, not even as a reference: a stand-in keeps the
            // file one that Freeplane opens ([`super::xml_problems`] names them first).
            c if !super::xml_allows(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Plain text as the HTML body of a Freeplane note: one paragraph per line. Runs of spaces and
/// spaces at either end are kept with non-breaking spaces, so the text reads back exactly
/// (tabs and non-breaking spaces read back as spaces).
pub fn to_html(text: &str) -> String {
    let mut out = String::from("<html>\n<head>\n</head>\n<body>\n");
    for line in text.split('\n') {
        out.push_str("<p>");
        let escaped = escape_text(line);
        // HTML would fold a run of spaces, or a space at either end, into nothing or one.
        let mut prev_space = true;
        let chars: Vec<char> = escaped.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let last = i + 1 == chars.len();
            if c == ' ' && (prev_space || last) {
                out.push_str("&#160;");
            } else {
                out.push(c);
            }
            prev_space = c == ' ';
        }
        out.push_str("</p>\n");
    }
    out.push_str("</body>\n</html>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_become_lines_and_whitespace_folds() {
        let mut h = HtmlText::default();
        h.start("html");
        h.start("head");
        h.text("title");
        h.end("head");
        h.start("body");
        h.start("p");
        h.text("\n      Eerste   alinea\n      loopt door\n    ");
        h.end("p");
        h.start("p");
        h.end("p");
        h.start("p");
        h.text("Tweede");
        h.start("br");
        h.end("br");
        h.text("regel");
        h.end("p");
        h.end("body");
        h.end("html");
        assert_eq!(h.finish(), "Eerste alinea loopt door\n\nTweede\nregel");
    }

    #[test]
    fn spaces_survive_the_trip_through_html() {
        for text in ["a  b", " voor", "na ", "x\n\n  y  \nz", "<&>"] {
            let html = to_html(text);
            let mut reader = quick_xml::Reader::from_str(&html);
            let mut h = HtmlText::default();
            loop {
                match reader.read_event().unwrap() {
                    quick_xml::events::Event::Start(e) => {
                        h.start(&String::from_utf8_lossy(e.local_name().as_ref()));
                    }
                    quick_xml::events::Event::End(e) => {
                        h.end(&String::from_utf8_lossy(e.local_name().as_ref()));
                    }
                    quick_xml::events::Event::Text(t) => h.text(&t.decode().unwrap()),
                    quick_xml::events::Event::GeneralRef(r) => {
                        let c = r.resolve_char_ref().unwrap().map(String::from);
                        let name = r.decode().unwrap().into_owned();
                        h.text(&c.unwrap_or_else(|| entity(&name).unwrap().to_owned()));
                    }
                    quick_xml::events::Event::Eof => break,
                    _ => {}
                }
            }
            assert_eq!(h.finish(), text.trim_matches('\n'), "{html}");
        }
    }
}
