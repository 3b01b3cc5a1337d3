// SPDX-License-Identifier: EUPL-1.2
//! Text folding for search: case- and accent-insensitive matching of Italian
//! (and the German, French and Slovene names of bilingual Comuni). "Città"
//! and "citta" fold alike, "Vallée" and "vallee" too.
//!
//! A small table rather than full Unicode normalization: it covers Latin-1 and
//! Latin Extended-A, everything the ISTAT list and Italian text use, for a
//! fraction of the wasm size of the normalization tables.

/// Lowercases and strips diacritics; other characters pass through.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        match fold_char(c) {
            Some(folded) => out.push_str(folded),
            None => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The words of a text for search: folded, split on anything that is not a
/// letter or digit (so "l'anziano" gives "l" and "anziano"), one-letter
/// words dropped (numbers kept).
pub fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    folded_tokens(&fold(text)).map(str::to_owned).collect::<Vec<_>>().into_iter()
}

/// The words of an already folded text, as `tokens` gives them.
fn folded_tokens(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter(|w| w.chars().nth(1).is_some() || w.chars().all(|c| c.is_ascii_digit()))
}

/// The words a text is indexed under: its `tokens`, and each run of words
/// joined by apostrophes written as one ("Sant'Angelo" also gives
/// "santangelo"), so that either spelling finds it.
pub fn index_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for_each_index_word(text, |word| words.push(word.to_owned()));
    words
}

/// Calls `each` with every word of `index_words(text)`, in its order,
/// without allocating a string per word.
pub fn for_each_index_word(text: &str, mut each: impl FnMut(&str)) {
    let folded = fold(text);
    folded_tokens(&folded).for_each(&mut each);
    for run in folded.split(|c: char| !c.is_alphanumeric() && c != '\'') {
        if run.split('\'').filter(|p| !p.is_empty()).nth(1).is_some() {
            each(&run.replace('\'', ""));
        }
    }
}

/// Articles and prepositions that Italian elides before a vowel ("dell'",
/// "all'", "un'"): before an apostrophe they are not search words.
const ELIDED: [&str; 12] = ["dell", "nell", "all", "dall", "sull", "coll", "pell", "quell", "quest", "un", "c", "d"];

/// How many words of a search are read: enough for any sentence people
/// type, few enough that a hostile query of thousands costs no more.
pub const MAX_QUERY_WORDS: usize = 16;

/// The words of a search: its `tokens` without elided articles, so that
/// "dell'anziano" searches for "anziano"; the first `MAX_QUERY_WORDS`.
pub fn query_words(text: &str) -> Vec<String> {
    let folded = fold(text);
    let mut words = Vec::new();
    let mut rest = folded.as_str();
    while let Some(start) = rest.find(char::is_alphanumeric) {
        let run = &rest[start..];
        let end = run.find(|c: char| !c.is_alphanumeric()).unwrap_or(run.len());
        let word = &run[..end];
        let elided = run[end..].starts_with('\'') && ELIDED.contains(&word);
        let kept = word.chars().count() > 1 || word.chars().all(|c| c.is_ascii_digit());
        if kept && !elided {
            words.push(word.to_owned());
            if words.len() == MAX_QUERY_WORDS {
                break;
            }
        }
        rest = &run[end..];
    }
    words
}

fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć'..='č' => "c",
        'Ď'..='đ' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => "e",
        'Ĝ'..='ģ' => "g",
        'Ĥ'..='ħ' => "h",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => "i",
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' => "k",
        'Ĺ'..='ł' => "l",
        'Ñ' | 'ñ' | 'Ń'..='ŉ' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => "o",
        'Œ' | 'œ' => "oe",
        'Ŕ'..='ř' => "r",
        'Ś'..='š' => "s",
        'ß' => "ss",
        'Ţ'..='ŧ' => "t",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ'..='Ÿ' => "y",
        'Ź'..='ž' => "z",
        '’' | '‘' | '`' | '´' => "'",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::{fold, index_words, query_words, tokens};

    #[test]
    fn apostrophes_join_and_elided_articles_drop() {
        assert_eq!(index_words("Sant'Angelo Lodigiano"), ["sant", "angelo", "lodigiano", "santangelo"]);
        assert_eq!(index_words("dell’anziano"), ["dell", "anziano", "dellanziano"]);
        assert_eq!(query_words("Dell'anziano, all'aperto"), ["anziano", "aperto"]);
        assert_eq!(query_words("sant'angelo"), ["sant", "angelo"], "not an article");
        assert_eq!(query_words("all inclusive 2020"), ["all", "inclusive", "2020"], "no apostrophe, a word");
        assert_eq!(query_words(&"parola ".repeat(1000)).len(), super::MAX_QUERY_WORDS);
    }

    #[test]
    fn tokens_split_on_apostrophes_and_punctuation() {
        let words: Vec<String> = tokens("L'anziano, in città: perché? Sì (2020)").collect();
        assert_eq!(words, ["anziano", "in", "citta", "perche", "si", "2020"]);
        assert_eq!(tokens("dell’emergenza").collect::<Vec<_>>(), ["dell", "emergenza"]);
    }

    #[test]
    fn folding_ignores_case_and_accents() {
        let cases = [
            ("Città", "citta"),
            ("PERCHÉ", "perche"),
            ("Vallée d'Aoste", "vallee d'aoste"),
            ("Forlì-Cesena", "forli-cesena"),
            ("Südtirol", "sudtirol"),
            ("Sankt Ulrich / Ortisei", "sankt ulrich / ortisei"),
            ("Doberdò del Lago/Doberdob", "doberdo del lago/doberdob"),
            ("Straße", "strasse"),
            ("L’anziano", "l'anziano"),
            ("already plain", "already plain"),
        ];
        for (text, folded) in cases {
            assert_eq!(fold(text), folded, "{text}");
        }
    }
}
