//! Problems found while loading a compass, in Dutch, each with its file and place.

use std::fmt;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The compass loads, but something looks wrong ("waarschuwing").
    Warning,
    /// The compass cannot be used as it is ("fout").
    Error,
}

/// Where in a file a problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// The file as a whole.
    File,
    /// A position, with the text of that line for context.
    Position {
        /// 1-based line.
        line: usize,
        /// 1-based column (in characters).
        col: usize,
        /// The text of that line (or of a stretch around the column, for a very long line).
        snippet: String,
        /// Characters of the line left out before `snippet`.
        skipped: usize,
    },
    /// An element (or begrip) by id, with the line where its id is written when found.
    Element {
        /// The element's id.
        id: String,
        /// 1-based line of `id: "..."` in the file, when found.
        line: Option<usize>,
    },
}

/// One problem in a compass.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// The file, relative to the compass folder (or the path given).
    pub file: String,
    /// Where in the file.
    pub place: Place,
    /// What is wrong, in Dutch.
    pub message: String,
}

impl Problem {
    /// An error about a whole file.
    pub fn file_error(file: &str, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            file: file.to_owned(),
            place: Place::File,
            message: message.into(),
        }
    }

    /// An error or warning about an element, at the line where its id is written (see
    /// [`IdLines`]) when known.
    pub fn element(
        severity: Severity,
        file: &str,
        line: Option<usize>,
        id: &str,
        message: impl Into<String>,
    ) -> Self {
        Self {
            severity,
            file: file.to_owned(),
            place: Place::Element {
                id: id.to_owned(),
                line,
            },
            message: message.into(),
        }
    }

    /// A problem at a byte offset of a text (an XML file, say), with line, column and the
    /// text around it. A huge one-line file gives a short snippet, not the whole line.
    pub fn at_offset(
        severity: Severity,
        file: &str,
        text: &str,
        offset: usize,
        message: impl Into<String>,
    ) -> Self {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = text.get(..offset).unwrap_or_default();
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line_end = text
            .get(offset..)
            .and_then(|t| t.find('\n'))
            .map_or(text.len(), |i| offset + i);
        let col = text
            .get(line_start..offset)
            .unwrap_or_default()
            .chars()
            .count()
            + 1;
        // At most 200 characters each side: the display shows fewer still.
        let head: String = {
            let chars: Vec<char> = text
                .get(line_start..offset)
                .unwrap_or_default()
                .chars()
                .rev()
                .take(200)
                .collect();
            chars.into_iter().rev().collect()
        };
        let tail: String = text
            .get(offset..line_end)
            .unwrap_or_default()
            .chars()
            .take(200)
            .collect();
        let skipped = col - 1 - head.chars().count();
        Self {
            severity,
            file: file.to_owned(),
            place: Place::Position {
                line,
                col,
                snippet: format!("{head}{tail}"),
                skipped,
            },
            message: message.into(),
        }
    }

    /// A RON syntax or type error, translated to Dutch.
    pub fn ron(file: &str, text: &str, err: &ron::error::SpannedError) -> Self {
        let line = err.span.start.line;
        let col = err.span.start.col;
        let snippet = text
            .lines()
            .nth(line.saturating_sub(1))
            .unwrap_or_default()
            .to_owned();
        Self {
            severity: Severity::Error,
            file: file.to_owned(),
            place: Place::Position {
                line,
                col,
                snippet,
                skipped: 0,
            },
            message: dutch_ron_message(&err.code),
        }
    }

    /// True for errors (not warnings).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The lines of every `id: "<id>"` in a RON text, found in one pass, so looking up the line of
/// each of 50 000 elements does not rescan the file each time.
#[derive(Debug, Default)]
pub struct IdLines {
    lines: foldhash::HashMap<String, Vec<usize>>,
}

impl IdLines {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut lines: foldhash::HashMap<String, Vec<usize>> = foldhash::HashMap::default();
        let mut line = 1;
        let mut counted_to = 0;
        for (offset, needle) in text.match_indices("id: \"") {
            line += text
                .get(counted_to..offset)
                .map_or(0, |s| s.bytes().filter(|&b| b == b'\n').count());
            counted_to = offset;
            let Some(rest) = text.get(offset + needle.len()..) else {
                continue;
            };
            // The quoted id, with RON's escapes undone.
            let mut id = String::new();
            let mut chars = rest.chars();
            let mut closed = false;
            while let Some(c) = chars.next() {
                match c {
                    '"' => {
                        closed = true;
                        break;
                    }
                    '\\' => id.extend(chars.next()),
                    '\n' => break,
                    c => id.push(c),
                }
            }
            if closed {
                lines.entry(id).or_default().push(line);
            }
        }
        Self { lines }
    }

    /// The 1-based line of the `nth` (from 0) occurrence of `id`.
    pub fn get(&self, id: &str, nth: usize) -> Option<usize> {
        self.lines.get(id)?.get(nth).copied()
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "fout",
            Severity::Warning => "waarschuwing",
        };
        match &self.place {
            Place::File => write!(f, "{}: {kind}: {}", self.file, self.message),
            Place::Element {
                id,
                line: Some(line),
            } => {
                write!(
                    f,
                    "{}:{line}: {kind} bij id {id}: {}",
                    self.file, self.message
                )
            }
            Place::Element { id, line: None } => {
                write!(f, "{}: {kind} bij id {id}: {}", self.file, self.message)
            }
            Place::Position {
                line,
                col,
                snippet,
                skipped,
            } => {
                writeln!(f, "{}:{line}:{col}: {kind}: {}", self.file, self.message)?;
                let gutter = line.to_string();
                let pad = " ".repeat(gutter.len());
                // Show about 100 characters around the column, so long lines stay readable
                // and the caret stays under the spot.
                let chars: Vec<char> = snippet.chars().collect();
                let at = col.saturating_sub(1 + skipped).min(chars.len());
                let from = at.saturating_sub(60);
                let to = (at + 40).min(chars.len());
                let mut shown: String = chars.get(from..to).unwrap_or_default().iter().collect();
                let mut caret_col = at - from;
                if from > 0 || *skipped > 0 {
                    shown.insert(0, '…');
                    caret_col += 1;
                }
                if to < chars.len() {
                    shown.push('…');
                }
                writeln!(f, "{pad} |")?;
                writeln!(f, "{gutter} | {shown}")?;
                write!(f, "{pad} | {}^", " ".repeat(caret_col))
            }
        }
    }
}

/// Translates a RON error into a sentence a Dutch data steward understands.
pub fn dutch_ron_message(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::Eof => {
            "het bestand houdt onverwacht op; ontbreekt er een sluitend haakje ')' of ']'?".into()
        }
        E::ExpectedArray => "hier wordt een lijst verwacht die begint met '['".into(),
        E::ExpectedArrayEnd => {
            "hier wordt het einde van een lijst verwacht: ']' (of ontbreekt een komma?)".into()
        }
        E::ExpectedComma => "hier ontbreekt een komma ','".into(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            "hier wordt een onderdeel verwacht dat begint met '('".into()
        }
        E::ExpectedStructLikeEnd => {
            "hier wordt ')' verwacht om het onderdeel af te sluiten (of ontbreekt een komma?)"
                .into()
        }
        E::ExpectedMapColon => "na een veldnaam hoort een dubbele punt ':'".into(),
        E::ExpectedString => {
            "hier wordt tekst tussen dubbele aanhalingstekens verwacht: \"...\"".into()
        }
        E::ExpectedStringEnd => {
            "de tekst wordt niet afgesloten met een dubbel aanhalingsteken '\"'".into()
        }
        E::ExpectedIdentifier => {
            "hier wordt een veldnaam verwacht, zoals id, title of children".into()
        }
        E::ExpectedInteger => "hier wordt een geheel getal verwacht".into(),
        E::ExpectedOption => "hier wordt Some(...) of None verwacht".into(),
        E::InvalidEscape(what) => {
            format!("ongeldig escapeteken in tekst ({what}); schrijf \\\\ voor een backslash")
        }
        E::UnclosedBlockComment => "commentaar /* ... wordt niet afgesloten met */".into(),
        E::UnclosedLineComment => "commentaar wordt niet afgesloten".into(),
        E::UnexpectedChar(c) => format!("onverwacht teken '{c}'"),
        E::Utf8Error(_) => "het bestand is geen geldige UTF-8-tekst".into(),
        E::TrailingCharacters => {
            "na het einde van het bestand staat nog tekst; staat er een haakje te veel?".into()
        }
        E::ExceededRecursionLimit => {
            "de gegevens zijn te diep genest: meer dan 256 haakjes in elkaar, dat is ongeveer 60 niveaus elementen onder elkaar".into()
        }
        E::NoSuchStructField {
            expected, found, ..
        } => format!(
            "onbekend veld '{found}'; toegestaan zijn: {}",
            expected.join(", ")
        ),
        E::MissingStructField { field, .. } => format!("het verplichte veld '{field}' ontbreekt"),
        E::DuplicateStructField { field, .. } => format!("het veld '{field}' staat er twee keer"),
        E::InvalidValueForType { expected, found } => {
            format!("verkeerd soort waarde: verwacht {expected}, gevonden {found}")
        }
        E::ExpectedDifferentStructName { expected, found } => {
            format!(
                "verkeerde naam '{found}' voor dit onderdeel (verwacht '{expected}' of geen naam)"
            )
        }
        E::IntegerOutOfBounds => "het getal is te groot".into(),
        E::Io(msg) => format!("het bestand kan niet worden gelezen: {msg}"),
        other => format!("ongeldige RON ({other})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 1-based line of the `nth` (from 0) occurrence of `id: "<id>"` in a RON text, by
    /// rescanning it: the reference [`IdLines`] is checked against.
    fn line_of_id(text: &str, id: &str, nth: usize) -> Option<usize> {
        let needle = format!("id: {}", quote(id));
        let (offset, _) = text.match_indices(&needle).nth(nth)?;
        Some(text.get(..offset)?.matches('\n').count() + 1)
    }

    fn quote(s: &str) -> String {
        format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
    }

    #[test]
    fn position_problems_show_the_line_and_a_caret() {
        let text = "(\n    title: \"x\"\n    id: 3,\n)";
        let err = crate::format::from_ron::<crate::format::ElementDef>(text).unwrap_err();
        let p = Problem::ron("a.ron", text, &err);
        let shown = p.to_string();
        assert!(shown.starts_with("a.ron:3:5: fout: "), "{shown}");
        assert!(shown.contains("komma"), "{shown}");
        assert!(shown.contains("3 |     id: 3,"), "{shown}");
        assert!(shown.ends_with("  |     ^"), "{shown:?}");
    }

    #[test]
    fn long_lines_are_cut_around_the_column() {
        let long = format!("{}X{}", "a".repeat(200), "b".repeat(200));
        let p = Problem {
            severity: Severity::Error,
            file: "f.ron".into(),
            place: Place::Position {
                line: 1,
                col: 201,
                snippet: long,
                skipped: 0,
            },
            message: "m".into(),
        };
        let shown = p.to_string();
        let lines: Vec<&str> = shown.lines().collect();
        let text_line = lines[2];
        let caret_line = lines[3];
        let caret = caret_line.find('^').unwrap();
        assert_eq!(
            text_line.chars().nth(caret_line[..caret].chars().count()),
            Some('X'),
            "{shown}"
        );
        assert!(text_line.chars().count() < 120);
    }

    #[test]
    fn a_problem_in_a_huge_line_keeps_its_column_and_a_short_snippet() {
        let text = format!("<map>\n<node TEXT=\"{}\">Q</map>", "a".repeat(100_000));
        let offset = text.find('Q').unwrap();
        let p = Problem::at_offset(Severity::Error, "f.mm", &text, offset, "m");
        let Place::Position {
            line, col, snippet, ..
        } = &p.place
        else {
            panic!("{p:?}");
        };
        assert_eq!((*line, *col), (2, 100_015));
        assert!(snippet.len() < 500);
        let shown = p.to_string();
        assert!(shown.starts_with("f.mm:2:100015: fout: m"), "{shown}");
        let lines: Vec<&str> = shown.lines().collect();
        let caret = lines[3].find('^').unwrap();
        assert_eq!(
            lines[2].chars().nth(lines[3][..caret].chars().count()),
            Some('Q'),
            "{shown}"
        );
    }

    #[test]
    fn ids_are_found_on_their_line() {
        let text = "(\n id: \"1\",\n children: [(id: \"1.1\"), (id: \"1.1\")]\n)";
        assert_eq!(line_of_id(text, "1", 0), Some(2));
        assert_eq!(line_of_id(text, "1.1", 1), Some(3));
        assert_eq!(line_of_id(text, "2", 0), None);
        let index = IdLines::new(text);
        for (id, nth) in [("1", 0), ("1.1", 0), ("1.1", 1), ("2", 0), ("1", 1)] {
            assert_eq!(index.get(id, nth), line_of_id(text, id, nth), "{id} {nth}");
        }
    }
}
