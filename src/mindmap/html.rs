//! Freeplane keeps rich node texts and notes as (X)HTML; Kompas keeps plain text. This turns
//! the HTML events of a note into paragraphs separated by line breaks, with HTML's whitespace
//! rules (runs of white space inside a paragraph are one space), and back.

/// Collects the text of an HTML fragment from the parser's tree, element by element.
#[derive(Debug, Default)]
pub struct HtmlText {
    paragraphs: Vec<String>,
    current: String,
    /// Inside `<head>`, `<style>` or `<script>`: nothing shown.
    hidden: usize,
    /// Bytes of text seen.
    bytes: usize,
    /// Inside `<pre>`: white space and line breaks are kept.
    pre: usize,
}

/// Elements that start a new line (a paragraph is one line, as Freeplane shows its notes).
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
    fn start(&mut self, name: &str) {
        if matches!(name, "head" | "style" | "script" | "title") {
            self.hidden += 1;
        } else if is_block(name) {
            self.flush(false);
            if name == "pre" {
                self.pre += 1;
            } else if name == "li" {
                self.current.push_str("• ");
            }
        } else if name == "br" {
            self.flush(true);
        }
    }

    /// An element closes.
    fn end(&mut self, name: &str) {
        if matches!(name, "head" | "style" | "script" | "title") {
            self.hidden = self.hidden.saturating_sub(1);
        } else if is_block(name) && name != "body" {
            if name == "pre" {
                self.pre = self.pre.saturating_sub(1);
            }
            self.flush(true);
        } else if matches!(name, "td" | "th") {
            self.current.push(' ');
        }
    }

    /// Text between tags (entities already resolved).
    fn text(&mut self, text: &str) {
        if self.hidden > 0 {
            return;
        }
        self.bytes += text.len();
        for c in text.chars() {
            if self.pre > 0 {
                // Preformatted: every line break is one, spaces stay as they are.
                if c == '\n' {
                    self.flush_pre();
                } else {
                    self.current.push(if c == '\u{a0}' { ' ' } else { c });
                }
            } else if c.is_whitespace() && c != '\u{a0}' {
                if !self.current.ends_with(' ') {
                    self.current.push(' ');
                }
            } else {
                self.current.push(c);
            }
        }
    }

    /// Ends a line of preformatted text as it is.
    fn flush_pre(&mut self) {
        let line = std::mem::take(&mut self.current);
        self.paragraphs.push(line.trim_end().to_owned());
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
    fn finish(mut self) -> String {
        self.flush(false);
        let start = self.paragraphs.iter().position(|p| !p.is_empty());
        let end = self.paragraphs.iter().rposition(|p| !p.is_empty());
        match (start, end) {
            (Some(s), Some(e)) => self.paragraphs.get(s..=e).unwrap_or_default().join("\n"),
            _ => String::new(),
        }
    }
}

/// The plain text of an HTML fragment (a Freeplane note, a node text given as HTML, an OPML
/// text holding markup), parsed by a real HTML parser (html5ever, through `scraper`) and read
/// from its tree: blocks and `<br>` break lines (a paragraph is one line, as Freeplane shows
/// notes), `<pre>` keeps its lines, `<head>`, `<style>` and `<script>` never become text,
/// entities are decoded, list items become "• " lines; runs of white space fold as in HTML.
pub fn to_text(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let mut out = HtmlText::default();
    // Depth-first over the tree with an explicit stack (no recursion on deep markup):
    // (node, closing?).
    let mut stack = vec![(doc.tree.root(), false)];
    while let Some((node, closing)) = stack.pop() {
        match node.value() {
            scraper::Node::Element(e) if closing => out.end(e.name()),
            scraper::Node::Element(e) if e.name() == "img" => {
                // An image is named, so an image-only node keeps a title and a note says
                // which picture stood there.
                let file = e
                    .attr("src")
                    .map(|src| src.rsplit(['/', '\\']).next().unwrap_or(src).to_owned());
                let name = e
                    .attr("alt")
                    .filter(|a| !a.trim().is_empty())
                    .map(str::to_owned)
                    .or(file)
                    .unwrap_or_default();
                out.text(&format!(" [afbeelding: {}] ", name.trim()));
            }
            scraper::Node::Element(e) => {
                out.start(e.name());
                stack.push((node, true));
                stack.extend(node.children().rev().map(|c| (c, false)));
            }
            scraper::Node::Text(t) => out.text(t),
            scraper::Node::Document | scraper::Node::Fragment => {
                stack.extend(node.children().rev().map(|c| (c, false)));
            }
            _ => {}
        }
    }
    out.finish()
}

/// True when `text` is an HTML document ("<html>…"), as Freeplane marks a node text that is
/// HTML; any other node text is plain, whatever it holds.
pub fn is_html_document(text: &str) -> bool {
    text.trim_start()
        .as_bytes()
        .get(..6)
        .is_some_and(|b| b.eq_ignore_ascii_case(b"<html>"))
}

/// True when `text` holds markup an HTML reader should read: a tag such as `<b>`, `</p>`,
/// `<br/>` or `<a href`, or an `<html>` document. Plain text with a lone "<" stays as it is.
pub fn looks_like_html(text: &str) -> bool {
    if is_html_document(text) {
        return true;
    }
    let bytes = text.as_bytes();
    bytes.windows(2).enumerate().any(|(i, w)| {
        w[0] == b'<'
            && (w[1].is_ascii_alphabetic() || w[1] == b'/')
            && bytes[i + 1..]
                .iter()
                .take(200)
                .position(|&c| c == b'>')
                .is_some_and(|end| {
                    let inner = &bytes[i + 1..i + 1 + end];
                    let name_end = inner
                        .iter()
                        .position(|c| !(c.is_ascii_alphanumeric() || *c == b'/'))
                        .unwrap_or(inner.len());
                    let name: Vec<u8> = inner[..name_end]
                        .iter()
                        .filter(|c| **c != b'/')
                        .map(u8::to_ascii_lowercase)
                        .collect();
                    KNOWN_TAGS.contains(&name.as_slice())
                })
    })
}

/// Tags whose presence makes a text HTML.
const KNOWN_TAGS: &[&[u8]] = &[
    b"a",
    b"b",
    b"i",
    b"u",
    b"em",
    b"strong",
    b"br",
    b"p",
    b"div",
    b"span",
    b"font",
    b"ul",
    b"ol",
    b"li",
    b"table",
    b"tr",
    b"td",
    b"th",
    b"pre",
    b"code",
    b"img",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"html",
    b"body",
    b"head",
    b"sub",
    b"sup",
    b"small",
    b"big",
    b"blockquote",
    b"hr",
];

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

    /// Finding: a hand-written reader ignored nested tags, so `<br>` inside a paragraph fused
    /// words ("FreeMind- free"), `<pre>` lost its lines and `<style>` became text.
    #[test]
    fn nested_breaks_pre_and_style_are_read_as_html_means_them() {
        let html = "<html><head><style>p { margin-top: 0 }</style></head><body>\
                    <p>FreeMind-<br/>free <b>mind</b>mapping</p>\
                    <pre>regel een\nregel twee</pre>\
                    <ul><li>eerste</li><li>tweede</li></ul>\
                    <p>&#x306f; &amp; caf&#233;</p></body></html>";
        let text = to_text(html);
        assert!(!text.contains("margin"), "{text}");
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines.contains(&"FreeMind-"), "{text}");
        assert!(lines.contains(&"free mindmapping"), "{text}");
        assert!(
            lines.contains(&"regel een") && lines.contains(&"regel twee"),
            "{text}"
        );
        assert!(lines.contains(&"• eerste"), "{text}");
        assert!(text.contains("は & café"), "{text}");
        assert_eq!(
            to_text("<html><body><img src=\"Images/doc/kaart.png\"/></body></html>"),
            "[afbeelding: kaart.png]"
        );
    }

    #[test]
    fn markup_is_recognised_and_plain_text_is_left_alone() {
        assert!(looks_like_html("<html><body>x</body></html>"));
        assert!(looks_like_html("zie <a href=\"x\">visitAll</a>"));
        assert!(looks_like_html("een<br/>twee"));
        assert!(!looks_like_html("a < b en c > d"));
        assert!(!looks_like_html("<geen tag>"));
        assert!(!looks_like_html("Meer jeugd groeit op"));
        assert!(
            !looks_like_html("‘wijkgericht’ <ñ"),
            "no panic inside a character"
        );
        assert!(is_html_document("  <HTML><body>x</body></html>"));
        assert!(!is_html_document("<b>vet</b>"));
        assert_eq!(to_text("zie <a href=\"x\">visitAll</a>"), "zie visitAll");
    }

    #[test]
    fn spaces_survive_the_trip_through_html() {
        for text in ["a  b", " voor", "na ", "x\n\n  y  \nz", "<&>"] {
            let html = to_html(text);
            assert_eq!(to_text(&html), text.trim_matches('\n'), "{html}");
        }
    }
}
