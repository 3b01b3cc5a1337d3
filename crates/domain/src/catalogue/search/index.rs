// SPDX-License-Identifier: EUPL-1.2
//! The text index: documents' words, looked up exactly, by prefix, by
//! word form and within the typo budget.

use super::*;

/// Documents' words, indexed for searching.
pub struct TextIndex {
    documents: usize,
    /// The distinct words, sorted, for exact lookups, prefix ranges and the
    /// typo walk; a word's id is its place here.
    pub(in crate::catalogue::search) words: Vec<Box<str>>,
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
    pub(in crate::catalogue::search) fn within_distance(&self, query: &str, budget: usize) -> Vec<(u32, u8)> {
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
