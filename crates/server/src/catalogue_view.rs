// SPDX-License-Identifier: EUPL-1.2
//! A catalogue view (its URL's parameters) as the server stores and links
//! it: followed views, the feeds of a view, the downloads.

use domain::catalogue::Query;

/// A catalogue view as stored and linked: the query's parameters in their
/// canonical order, URL-encoded, without the page (`regione=16&q=spesa`).
pub fn canonical_view(pairs: &[(String, String)]) -> String {
    let mut query = Query::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    query.page = 1;
    let mut encoded = url::form_urlencoded::Serializer::new(String::new());
    for (key, value) in query.to_pairs() {
        encoded.append_pair(key, &value);
    }
    encoded.finish()
}

/// The query a stored view selects.
pub fn query_of(view: &str) -> Query {
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(view.as_bytes()).into_owned().collect();
    Query::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_is_stored_in_one_canonical_form() {
        let pairs =
            |list: &[(&str, &str)]| list.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect::<Vec<_>>();
        let a = canonical_view(&pairs(&[("q", "spesa a domicilio"), ("regione", "16"), ("pagina", "3"), ("x", "y")]));
        let b = canonical_view(&pairs(&[("regione", "16"), ("q", "spesa a domicilio")]));
        assert_eq!(a, b, "order, the page and unknown parameters do not matter");
        assert_eq!(query_of(&a).text, "spesa a domicilio");
        assert_eq!(canonical_view(&[]), "", "the whole catalogue");
    }
}
