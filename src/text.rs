//! Words in text: one tokenizer and one folding (case and diacritics) for search and for
//! marking begrippen, so "Cliëntondersteuning" and "clientondersteuning" are the same word.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// One word of a text: where it stands (bytes) and its folded form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte range in the original text.
    pub range: Range<usize>,
    /// Lowercase, without diacritics.
    pub folded: String,
}

/// Lowercase and strip diacritics: "Cliënt" → "client", "Ooievaarspas" → "ooievaarspas".
pub(crate) fn fold(s: &str) -> String {
    // Most words are plain ASCII: nothing to decompose (a tenfold faster path when indexing).
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of `text`: runs of letters and digits. Everything else (spaces, punctuation,
/// hyphens, apostrophes, slashes) separates words.
pub(crate) fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            out.push(make(text, s..i));
        }
    }
    if let Some(s) = start {
        out.push(make(text, s..text.len()));
    }
    out
}

fn make(text: &str, range: Range<usize>) -> Token {
    let folded = fold(text.get(range.clone()).unwrap_or_default());
    Token { range, folded }
}

/// "1 reactie", "3 reacties": a number with the word that agrees with it.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// `text` with its first letter a capital ("de gemeente" → "De gemeente"), to begin a sentence.
pub(crate) fn capitalise_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// "Koers 1.1" → "koers-1-1": lower-case letters and digits with single hyphens, at most 60
/// characters: for file names and anchors made from titles.
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(60).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_case_and_diacritics() {
        assert_eq!(fold("Cliëntondersteuning"), "clientondersteuning");
        assert_eq!(fold("CREËER coördinatie"), "creeer coordinatie");
        assert_eq!(fold("café"), "cafe");
    }

    #[test]
    fn tokens_keep_their_place() {
        let text = "LHBT'ers, vader-/moedercentrum (Wmo)!";
        let t = tokens(text);
        let words: Vec<_> = t.iter().map(|t| t.folded.as_str()).collect();
        assert_eq!(words, ["lhbt", "ers", "vader", "moedercentrum", "wmo"]);
        assert_eq!(&text[t[3].range.clone()], "moedercentrum");
        assert!(tokens(" ,.- ").is_empty());
    }
}
