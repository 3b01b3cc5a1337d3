// SPDX-License-Identifier: EUPL-1.2
//! Full-text search: one engine for the public catalogue (in the browser, and
//! on the server for the downloads of a searched view) and the editors' queue.
//!
//! A query word matches a document word, best first:
//! 1. **exactly**, after folding (case, accents, apostrophes: "perché" is
//!    "perche", "dell'anziano" holds "anziano", "santangelo" finds
//!    "Sant'Angelo");
//! 2. by **stem** (Snowball Italian, from `rust-stemmers`, or Savoy's light
//!    stemmer of number and gender endings): "anziano" finds "anziani",
//!    "didattica" finds "didattici";
//! 3. as a **prefix**, for the last word only (the word being typed);
//! 4. with a **typo**, for a word of 5 or more letters found nowhere in the
//!    collection in the ways above: edit distance 1 (from 8 letters, 2),
//!    counting a swap of two neighbouring letters as one edit and another
//!    first letter as two, as Meilisearch does. "psicolgico" finds
//!    "psicologico".
//!
//! Every query word must match (AND). Relevance is BM25-like: per query word,
//! its rarity (idf) times a saturated weight of where it matched (title over
//! summary over names and labels over the longer texts) and how (exact over
//! stem over prefix over typo).
//!
//! The index keeps the sorted list of distinct words, each with its postings
//! (the documents holding it, with the fields it is in), and the words of
//! each stem. Typos are found by walking the sorted words as a trie: the
//! edit-distance rows of a shared prefix are computed once, and a prefix
//! already too far from the query skips every word that starts with it.

use crate::text::{for_each_index_word, query_words};
use std::collections::{BTreeSet, HashMap};

mod index;
pub use index::{TextIndex, TextMatch};

/// Where in a document a word was found; each field has its weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Title,
    Summary,
    /// The names of the body, its places and region.
    Names,
    /// The labels of its classifications, as the page shows them.
    Labels,
    /// The longer texts.
    Body,
}

impl Field {
    const ALL: [Field; 5] = [Field::Title, Field::Summary, Field::Names, Field::Labels, Field::Body];

    const fn bit(self) -> u8 {
        1 << self as u8
    }

    const fn weight(self) -> f32 {
        match self {
            Field::Title => 4.0,
            Field::Summary => 2.0,
            Field::Names | Field::Labels => 1.5,
            Field::Body => 1.0,
        }
    }

    /// The summed weight of the fields in `bits`.
    fn weight_of(bits: u8) -> f32 {
        Field::ALL.iter().filter(|f| bits & f.bit() != 0).map(|f| f.weight()).sum()
    }
}

/// How a document word matched a query word, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchKind {
    Exact,
    Stem,
    Prefix,
    /// At this edit distance (1 or 2).
    Typo(u8),
}

impl MatchKind {
    fn weight(self) -> f32 {
        match self {
            MatchKind::Exact => 1.0,
            MatchKind::Stem => 0.75,
            MatchKind::Prefix => 0.5,
            MatchKind::Typo(1) => 0.35,
            MatchKind::Typo(_) => 0.25,
        }
    }
}

/// The Snowball Italian stem of a folded word.
pub fn stem(word: &str) -> String {
    rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Italian).stem(word).into_owned()
}

/// A folded word without its ending of number and gender, by Savoy's light
/// Italian stemmer (CLEF 2001, as Lucene's `ItalianLightStemmer`): words of
/// six letters or more lose their last vowel, and an "i" or "h" before it
/// ("anziano" and "anziani" give "anzian", "didattiche" and "didattici"
/// "didattic"). Snowball reads "anziano" as a verb in "-ano" and stems it
/// "anzi", apart from "anziani": words match when either stem agrees.
pub fn light_stem(word: &str) -> &str {
    let bytes = word.as_bytes();
    let len = bytes.len();
    if len < 6 || !word.is_ascii() {
        return word;
    }
    let before = bytes[len - 2];
    let cut = match bytes[len - 1] {
        b'e' | b'i' if matches!(before, b'i' | b'h') => 2,
        b'a' | b'o' if before == b'i' => 2,
        b'a' | b'e' | b'i' | b'o' => 1,
        _ => 0,
    };
    &word[..len - cut]
}

/// The keys a word is found under by its forms: its Snowball stem, and its
/// light stem (marked, so the two kinds never meet).
fn form_keys(word: &str) -> [String; 2] {
    [stem(word), format!("~{}", light_stem(word))]
}

/// The largest edit distance a query word of `letters` letters is matched at:
/// none under 5 letters, 1 from 5, 2 from 8; none over 40 (no such word).
pub const fn typo_budget(letters: usize) -> usize {
    match letters {
        0..5 => 0,
        5..8 => 1,
        8..=40 => 2,
        _ => 0,
    }
}

/// A set of documents, one bit each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Bits(Vec<u64>);

impl Bits {
    pub(crate) fn empty(n: usize) -> Self {
        Bits(vec![0; n.div_ceil(64)])
    }

    pub(crate) fn full(n: usize) -> Self {
        let mut bits = Bits(vec![u64::MAX; n.div_ceil(64)]);
        if !n.is_multiple_of(64)
            && let Some(last) = bits.0.last_mut()
        {
            *last = (1u64 << (n % 64)) - 1;
        }
        bits
    }

    pub(crate) fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    pub(crate) fn get(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }

    pub(crate) fn and(&mut self, other: &Bits) {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a &= b);
    }

    pub(crate) fn or(&mut self, other: &Bits) {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a |= b);
    }

    pub(crate) fn count_and(&self, other: &Bits) -> usize {
        self.0.iter().zip(&other.0).map(|(a, b)| (a & b).count_ones() as usize).sum()
    }

    pub(crate) fn count(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }
}

/// The words of a search that matched, to mark them where they are shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Highlight {
    /// Folded document words matched exactly, by stem or with a typo.
    words: BTreeSet<String>,
    /// The last query word, which matches as a prefix.
    prefix: Option<String>,
}

impl Highlight {
    /// True when the search matched nothing to mark.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.prefix.is_none()
    }

    /// `text` cut into pieces, each with whether it is a matched word: the
    /// pieces joined give `text` back.
    pub fn marks<'a>(&self, text: &'a str) -> Vec<(&'a str, bool)> {
        let mut pieces: Vec<(&'a str, bool)> = Vec::new();
        let mut push = |piece: &'a str, marked: bool| match pieces.last_mut() {
            // Neighbouring pieces of the same kind are one piece.
            Some((last, was)) if *was == marked => {
                let start = last.as_ptr() as usize - text.as_ptr() as usize;
                *last = &text[start..start + last.len() + piece.len()];
            }
            _ => pieces.push((piece, marked)),
        };
        let mut rest = text;
        while !rest.is_empty() {
            let word_len = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
            if word_len > 0 {
                let (word, after) = rest.split_at(word_len);
                push(word, !self.is_empty() && self.is_match(&crate::text::fold(word)));
                rest = after;
            } else {
                let gap_len = rest.find(char::is_alphanumeric).unwrap_or(rest.len());
                let (gap, after) = rest.split_at(gap_len);
                push(gap, false);
                rest = after;
            }
        }
        pieces
    }

    fn is_match(&self, folded: &str) -> bool {
        self.words.contains(folded) || self.prefix.as_deref().is_some_and(|p| folded.starts_with(p))
    }
}

#[cfg(test)]
pub(crate) mod tests;
