// SPDX-License-Identifier: EUPL-1.2
//! The search's tests, against a textbook edit distance.

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
    let words = ["assistenza", "assistente", "asse", "psicologico", "psicologia", "sostegno", "sosta", "tele", "basse"];
    let idx = index(&[&words.join(" ")]);
    for q in
        ["assitenza", "psicolgoico", "sostgeno", "asse", "tel", "psicologia", "bsicologico", "sssistenza", "ssistenza"]
    {
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
