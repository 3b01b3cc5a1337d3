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

/// Documents' words, indexed for searching.
pub struct TextIndex {
    documents: usize,
    /// The distinct words, sorted, for exact lookups, prefix ranges and the
    /// typo walk; a word's id is its place here.
    words: Vec<Box<str>>,
    /// Word `id`'s postings are `docs[starts[id]..starts[id + 1]]`, by
    /// document, with the bits of the fields holding it at the same places
    /// of `fields`: flat arrays, five bytes a posting.
    starts: Vec<u32>,
    docs: Vec<u32>,
    fields: Vec<u8>,
    /// (form key, word id), sorted: the words of each stem (see `form_keys`).
    forms: Vec<(Box<str>, u32)>,
}

/// What a search finds.
pub struct TextMatch {
    /// The documents holding every query word; `None` when the query has no words.
    pub(crate) documents: Option<Bits>,
    /// Each document's relevance (empty when the query has no words).
    scores: Vec<f32>,
    /// The query as corrected, when a word matched only with a typo.
    pub corrected: Option<String>,
    /// The matched words.
    pub highlight: Highlight,
}

impl TextMatch {
    /// What a query without words finds: every document, unranked.
    pub fn everything() -> Self {
        TextMatch { documents: None, scores: Vec::new(), corrected: None, highlight: Highlight::default() }
    }

    /// True when document `i` holds every query word (or the query has none).
    pub fn holds(&self, i: usize) -> bool {
        self.documents.as_ref().is_none_or(|bits| bits.get(i))
    }

    /// The relevance of document `i`.
    pub fn score(&self, i: usize) -> f32 {
        self.scores.get(i).copied().unwrap_or(0.0)
    }
}

/// One query word's best matching document words.
struct WordMatch {
    candidates: Vec<(u32, MatchKind)>,
    /// Its correction, when it matched only with typos.
    correction: Option<String>,
}

impl TextIndex {
    /// Indexes `documents`, each given as its texts with the field they are in.
    pub fn new<D, S>(documents: impl IntoIterator<Item = D>) -> Self
    where
        D: IntoIterator<Item = (Field, S)>,
        S: AsRef<str>,
    {
        // Words get ids as they come; the short texts that many documents
        // share (labels, region and place names) are split into words once.
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut postings: Vec<Vec<(u32, u8)>> = Vec::new();
        let mut shared: HashMap<String, Vec<u32>> = HashMap::new();
        let mut count = 0;
        for (i, document) in documents.into_iter().enumerate() {
            let i = u32::try_from(i).expect("fewer than four billion documents");
            count += 1;
            for (field, text) in document {
                let text = text.as_ref();
                let mut words_of = |text: &str| {
                    let mut words = Vec::new();
                    for_each_index_word(text, |word| {
                        words.push(match ids.get(word) {
                            Some(&id) => id,
                            None => {
                                let id = u32::try_from(postings.len()).expect("fewer than four billion words");
                                postings.push(Vec::new());
                                ids.insert(word.to_owned(), id);
                                id
                            }
                        })
                    });
                    words
                };
                let words: Vec<u32> = if text.len() <= 80 {
                    match shared.get(text) {
                        Some(words) => words.clone(),
                        None => {
                            let words = words_of(text);
                            shared.insert(text.to_owned(), words.clone());
                            words
                        }
                    }
                } else {
                    words_of(text)
                };
                for id in words {
                    let list = &mut postings[id as usize];
                    // Documents come in order: a word seen again in one is its last posting.
                    match list.last_mut() {
                        Some((doc, bits)) if *doc == i => *bits |= field.bit(),
                        _ => list.push((i, field.bit())),
                    }
                }
            }
        }
        let mut sorted: Vec<(String, u32)> = ids.into_iter().collect();
        sorted.sort_unstable();
        let total: usize = postings.iter().map(Vec::len).sum();
        let (mut starts, mut docs, mut fields) =
            (Vec::with_capacity(sorted.len() + 1), Vec::with_capacity(total), Vec::with_capacity(total));
        let mut forms = Vec::with_capacity(2 * sorted.len());
        let mut words = Vec::with_capacity(sorted.len());
        for (id, (word, built)) in sorted.into_iter().enumerate() {
            starts.push(docs.len() as u32);
            for (doc, bits) in std::mem::take(&mut postings[built as usize]) {
                docs.push(doc);
                fields.push(bits);
            }
            forms.extend(form_keys(&word).map(|key| (key.into_boxed_str(), id as u32)));
            words.push(word.into_boxed_str());
        }
        starts.push(u32::try_from(docs.len()).expect("fewer than four billion postings"));
        forms.sort_unstable();
        Self { documents: count, words, starts, docs, fields, forms }
    }

    /// How many documents are indexed.
    pub fn len(&self) -> usize {
        self.documents
    }

    /// True when no document is indexed.
    pub fn is_empty(&self) -> bool {
        self.documents == 0
    }

    /// How many distinct words the documents hold.
    pub fn vocabulary(&self) -> usize {
        self.words.len()
    }

    fn word_id(&self, word: &str) -> Option<u32> {
        self.words.binary_search_by(|w| (**w).cmp(word)).ok().map(|i| i as u32)
    }

    /// The documents holding word `id`, with the bits of their fields holding it.
    fn postings(&self, id: u32) -> (&[u32], &[u8]) {
        let range = self.starts[id as usize] as usize..self.starts[id as usize + 1] as usize;
        (&self.docs[range.clone()], &self.fields[range])
    }

    /// How many documents hold word `id`.
    fn frequency(&self, id: u32) -> usize {
        (self.starts[id as usize + 1] - self.starts[id as usize]) as usize
    }

    /// The words found under a form key.
    fn words_of_form<'a>(&'a self, key: &'a str) -> impl Iterator<Item = u32> + 'a {
        let start = self.forms.partition_point(|(k, _)| &**k < key);
        self.forms[start..].iter().take_while(move |(k, _)| &**k == key).map(|(_, id)| *id)
    }

    /// The words starting with `prefix`: a range of the sorted list.
    fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let start = self.words.partition_point(|w| &**w < prefix);
        start..start + self.words[start..].partition_point(|w| w.starts_with(prefix))
    }

    /// A query word's matches: exact, stem and (for the word being typed)
    /// prefix; typos only when those find nothing.
    fn match_word(&self, word: &str, typing: bool) -> WordMatch {
        let mut candidates: Vec<(u32, MatchKind)> = Vec::new();
        if let Some(id) = self.word_id(word) {
            candidates.push((id, MatchKind::Exact));
        }
        for key in form_keys(word) {
            for id in self.words_of_form(&key) {
                if candidates.iter().all(|(c, _)| *c != id) {
                    candidates.push((id, MatchKind::Stem));
                }
            }
        }
        if typing {
            let known = candidates.len();
            for id in self.prefix_range(word) {
                let id = id as u32;
                if candidates[..known].iter().all(|(c, _)| *c != id) {
                    candidates.push((id, MatchKind::Prefix));
                }
            }
        }
        let mut correction = None;
        let budget = typo_budget(word.chars().count());
        if candidates.is_empty() && budget > 0 {
            let near = self.within_distance(word, budget);
            // The correction shown: the nearest word, the most frequent of those.
            correction = near
                .iter()
                .min_by_key(|(id, d)| (*d, std::cmp::Reverse(self.frequency(*id))))
                .map(|(id, _)| self.words[*id as usize].to_string());
            candidates = near.into_iter().map(|(id, d)| (id, MatchKind::Typo(d))).collect();
        }
        WordMatch { candidates, correction }
    }

    /// Searches the documents for `text`; with `rank`, scores them too.
    pub fn search(&self, text: &str, rank: bool) -> TextMatch {
        let words = query_words(text);
        let n = self.documents;
        if words.is_empty() {
            return TextMatch::everything();
        }
        let mut matched = Bits::full(n);
        let mut scores = if rank { vec![0.0f32; n] } else { Vec::new() };
        let mut weights = scores.clone();
        let mut highlight = Highlight::default();
        let mut corrected = Vec::with_capacity(words.len());
        let mut any_correction = false;
        for (j, word) in words.iter().enumerate() {
            let typing = j + 1 == words.len();
            let found = self.match_word(word, typing);
            let mut holding = Bits::empty(n);
            // Per document, the best way this word matched it.
            let mut touched: Vec<u32> = Vec::new();
            for &(id, kind) in &found.candidates {
                match kind {
                    MatchKind::Prefix => highlight.prefix = Some(word.clone()),
                    _ => {
                        highlight.words.insert(self.words[id as usize].to_string());
                    }
                }
                let (docs, fields) = self.postings(id);
                if !rank {
                    docs.iter().for_each(|&doc| holding.set(doc as usize));
                    continue;
                }
                for (&doc, &bits) in docs.iter().zip(fields) {
                    let weight = kind.weight() * Field::weight_of(bits);
                    let slot = &mut weights[doc as usize];
                    if *slot == 0.0 {
                        touched.push(doc);
                        holding.set(doc as usize);
                    }
                    if weight > *slot {
                        *slot = weight;
                    }
                }
            }
            // BM25's idf and saturation (k1 = 1.2).
            let holders = touched.len() as f32;
            let idf = (1.0 + (n as f32 - holders + 0.5) / (holders + 0.5)).ln();
            for doc in touched {
                let weight = std::mem::take(&mut weights[doc as usize]);
                scores[doc as usize] += idf * weight * 2.2 / (weight + 1.2);
            }
            matched.and(&holding);
            any_correction |= found.correction.is_some();
            corrected.push(found.correction.unwrap_or_else(|| word.clone()));
        }
        let corrected = any_correction.then(|| corrected.join(" "));
        TextMatch { documents: Some(matched), scores, corrected, highlight }
    }

    /// For a search that finds nothing: the query with each word that matches
    /// nothing replaced by the nearest word of the collection (edit distance
    /// up to 2, and under half the word), the most frequent of those; `None`
    /// when no word could be replaced.
    pub fn suggest(&self, text: &str) -> Option<String> {
        let words = query_words(text);
        let mut changed = false;
        let suggested: Vec<String> = words
            .iter()
            .enumerate()
            .map(|(j, word)| {
                if !self.match_word(word, j + 1 == words.len()).candidates.is_empty() {
                    return word.clone();
                }
                let budget = 2.min((word.chars().count().saturating_sub(1)) / 2);
                let nearest = self
                    .within_distance(word, budget)
                    .into_iter()
                    .min_by_key(|(id, d)| (*d, std::cmp::Reverse(self.frequency(*id))));
                match nearest {
                    Some((id, _)) => {
                        changed = true;
                        self.words[id as usize].to_string()
                    }
                    None => word.clone(),
                }
            })
            .collect();
        changed.then(|| suggested.join(" "))
    }

    /// The words within `budget` edits of `query`, with their distances: a
    /// swap of neighbours is one edit, and a word that starts with another
    /// letter counts one edit more (people rarely mistype the first letter,
    /// as Meilisearch assumes), which also keeps the walk short.
    fn within_distance(&self, query: &str, budget: usize) -> Vec<(u32, u8)> {
        let mut found = Vec::new();
        if budget == 0 || query.is_empty() {
            return found;
        }
        let first = &query[..query.chars().next().map_or(0, char::len_utf8)];
        let same = self.prefix_range(first);
        self.walk(query, same.clone(), budget, 0, &mut found);
        if budget > 1 {
            self.walk(query, 0..same.start, budget - 1, 1, &mut found);
            self.walk(query, same.end..self.words.len(), budget - 1, 1, &mut found);
        }
        found
    }

    /// Adds to `found` the words of `range` within `budget` edits of `query`,
    /// each with its distance plus `extra`.
    fn walk(&self, query: &str, range: std::ops::Range<usize>, budget: usize, extra: u8, found: &mut Vec<(u32, u8)>) {
        // Folded words are ASCII but for rare scripts, which then count a
        // letter as several edits: bytes keep the walk simple and fast.
        let q = query.as_bytes();
        let width = q.len() + 1;
        // Row k (at rows[k * width..]): the distances between the first k
        // letters of the current word and every prefix of the query, capped.
        let mut rows: Vec<u8> = (0..width).map(|j| j.min(255) as u8).collect();
        let budget = budget as u8;
        let mut previous: &[u8] = &[];
        let mut i = range.start;
        while i < range.end {
            let word = self.words[i].as_bytes();
            let common = previous.iter().zip(word).take_while(|(a, b)| a == b).count();
            rows.truncate((common + 1) * width);
            let mut too_far = None;
            for k in common..word.len() {
                let start = rows.len();
                rows.push((k + 1).min(255) as u8);
                let mut nearest = rows[start];
                for j in 1..width {
                    let cost = u8::from(word[k] != q[j - 1]);
                    let (up, diagonal, left) =
                        (rows[start - width + j], rows[start - width + j - 1], rows[start + j - 1]);
                    let mut d = up.saturating_add(1).min(left.saturating_add(1)).min(diagonal.saturating_add(cost));
                    if k > 0 && j > 1 && word[k] == q[j - 2] && word[k - 1] == q[j - 1] {
                        d = d.min(rows[start - 2 * width + j - 2].saturating_add(1));
                    }
                    rows.push(d);
                    nearest = nearest.min(d);
                }
                if nearest > budget {
                    too_far = Some(k + 1);
                    break;
                }
            }
            previous = word;
            if let Some(len) = too_far {
                // No word starting with these letters comes within budget.
                let stem = &word[..len];
                i += self.words[i..range.end].partition_point(|w| w.as_bytes().starts_with(stem));
                continue;
            }
            let distance = rows[rows.len() - 1];
            if distance <= budget {
                found.push((i as u32, distance + extra));
            }
            i += 1;
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The optimal string alignment distance, by the textbook table.
    pub(crate) fn osa(a: &str, b: &str) -> usize {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        d[0] = (0..=b.len()).collect();
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                }
            }
        }
        d[a.len()][b.len()]
    }

    /// The distance typos are matched at: OSA, and one more for another first letter.
    pub(crate) fn distance(a: &str, b: &str) -> usize {
        osa(a, b) + usize::from(a.as_bytes().first() != b.as_bytes().first())
    }

    fn index(docs: &[&str]) -> TextIndex {
        TextIndex::new(docs.iter().map(|d| [(Field::Body, *d)]))
    }

    fn found(index: &TextIndex, q: &str) -> Vec<usize> {
        let m = index.search(q, true);
        let bits = m.documents.expect("a query with words");
        (0..index.len()).filter(|&i| bits.get(i)).collect()
    }

    #[test]
    fn italian_word_forms_match_by_stem() {
        let idx = index(&["Telefonate agli anziani soli", "Materiali didattici per le scuole", "Aiuto all'anziana"]);
        assert_eq!(found(&idx, "anziano"), [0, 2], "anziano: anziani and anziana");
        assert_eq!(found(&idx, "didattica"), [1], "didattica: didattici");
        assert_eq!(light_stem("anziano"), light_stem("anziani"));
        assert_eq!(stem("psicologico"), stem("psicologici"));
        assert_eq!((light_stem("didattiche"), light_stem("amiche"), light_stem("casa")), ("didattic", "amic", "casa"));
    }

    #[test]
    fn accents_and_apostrophes_fold() {
        let idx = index(&["Perché l'ascolto conta", "Assistenza dell'anziano", "Comune di Sant'Angelo Lodigiano"]);
        assert_eq!(found(&idx, "perche"), [0]);
        assert_eq!(found(&idx, "PERCHÉ"), [0]);
        assert_eq!(found(&idx, "dell'anziano"), [1], "the elided article is not a search word");
        assert_eq!(found(&idx, "anziano"), [1]);
        assert_eq!(found(&idx, "santangelo"), [2], "Sant'Angelo written as one word");
        assert_eq!(found(&idx, "sant'angelo"), [2]);
    }

    #[test]
    fn the_last_word_matches_as_a_prefix_the_others_whole() {
        let idx = index(&["Telefonate agli anziani", "Telesoccorso per anziani"]);
        assert_eq!(found(&idx, "tele"), [0, 1]);
        assert_eq!(found(&idx, "anziani telef"), [0]);
        assert!(found(&idx, "tele anziani").is_empty(), "a finished word is not a prefix");
    }

    #[test]
    fn typos_are_corrected_when_the_word_is_nowhere() {
        let idx = index(&["Supporto psicologico a distanza", "Assistenza domiciliare", "Casa e cassa"]);
        let m = idx.search("psicolgico", true);
        assert_eq!(m.corrected.as_deref(), Some("psicologico"));
        assert_eq!(found(&idx, "psicolgico"), [0]);
        assert_eq!(found(&idx, "assitenza"), [1], "a letter missing");
        assert_eq!(found(&idx, "asisstenza"), [1], "two letters swapped are one edit");
        assert_eq!(found(&idx, "supporto psicolgico"), [0]);
        assert_eq!(idx.search("supporto psicolgico", true).corrected.as_deref(), Some("supporto psicologico"));
        assert!(found(&idx, "csaa").is_empty(), "under 5 letters: no typos");
        assert_eq!(idx.search("cassa", true).corrected, None, "a word that exists is not corrected");
        assert_eq!(found(&idx, "cassa"), [2]);
        assert!(found(&idx, "psxcolgicx").is_empty(), "3 edits");
        assert_eq!(found(&idx, "pscologco"), [0], "9 letters, 2 edits");
    }

    #[test]
    fn nothing_found_suggests_the_nearest_word() {
        let idx = index(&["Supporto psicologico", "Pasti a domicilio"]);
        assert_eq!(idx.suggest("pasto"), None, "pasto finds pasti by stem");
        assert_eq!(idx.suggest("psti").as_deref(), Some("pasti"), "a short word, one edit");
        assert_eq!(idx.suggest("supporto psti").as_deref(), Some("supporto pasti"));
        assert_eq!(idx.suggest("psicolgico"), None, "found with its typo");
        assert_eq!(idx.suggest("zzzzzz"), None);
    }

    #[test]
    fn relevance_weighs_where_and_how_a_word_matched() {
        let idx = TextIndex::new([
            vec![(Field::Body, "una rete di volontari per gli anziani")],
            vec![(Field::Title, "Anziani in rete"), (Field::Body, "telefonate")],
            vec![(Field::Summary, "anziano solo")],
        ]);
        let m = idx.search("anziani", true);
        assert!(m.score(1) > m.score(2), "title over summary");
        assert!(m.score(2) > m.score(0), "a stem in the summary over the exact word in the longer text");
        let m = idx.search("rete anziani", true);
        assert!(m.score(1) > m.score(0));
    }

    #[test]
    fn highlights_cut_the_text_into_marked_words() {
        let idx = index(&["Città della Pieve: supporto psicologico agli anziani"]);
        let m = idx.search("psicolgico anzian", true);
        let marks = m.highlight.marks("Supporto psicologico agli Anziani, in città");
        assert_eq!(
            marks,
            [("Supporto ", false), ("psicologico", true), (" agli ", false), ("Anziani", true), (", in città", false)]
        );
        let whole: String = marks.iter().map(|(p, _)| *p).collect();
        assert_eq!(whole, "Supporto psicologico agli Anziani, in città");
        assert_eq!(Highlight::default().marks("testo"), [("testo", false)]);
    }

    #[test]
    fn distances_agree_with_a_plain_table_and_the_first_letter_rule() {
        let words =
            ["assistenza", "assistente", "asse", "psicologico", "psicologia", "sostegno", "sosta", "tele", "basse"];
        let idx = index(&[&words.join(" ")]);
        for q in [
            "assitenza",
            "psicolgoico",
            "sostgeno",
            "asse",
            "tel",
            "psicologia",
            "bsicologico",
            "sssistenza",
            "ssistenza",
        ] {
            for budget in 1..=2 {
                let mut got: Vec<(String, usize)> = idx
                    .within_distance(q, budget)
                    .into_iter()
                    .map(|(id, d)| (idx.words[id as usize].to_string(), d as usize))
                    .collect();
                got.sort();
                let mut want: Vec<(String, usize)> =
                    words.iter().map(|w| (w.to_string(), distance(q, w))).filter(|(_, d)| *d <= budget).collect();
                want.sort();
                assert_eq!(got, want, "{q} within {budget}");
            }
        }
    }
}
