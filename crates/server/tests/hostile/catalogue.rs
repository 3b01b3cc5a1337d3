// SPDX-License-Identifier: EUPL-1.2
//! The catalogue, practices, exports and open data (read-only, lenient
//! queries), and static files requested with paths that try to leave the
//! app's folder.

use super::{Case, Entry, Expect};

pub(super) fn catalogue_cases() -> Vec<Case> {
    use Expect::{Error, Lenient};
    let get = |name: &str, path: &str, expect: Expect| Case::new(Entry::Catalogue, name, "GET", path, expect);
    let not_found = Error(404, "not_found");
    let json = Lenient("application/json");
    let csv = Lenient("text/csv");
    vec![
        get("a practice that does not exist", "/api/practices/BP-2020-9999", not_found),
        get("SQL as the practice id", "/api/practices/BP-2020-0001'%20OR%20'1'='1", not_found),
        get("a script tag as the practice id", "/api/practices/%3Cscript%3Ealert(1)%3C%2Fscript%3E", not_found),
        get("a NUL after a practice id", "/api/practices/BP-2020-0001%00", not_found),
        get("a path that climbs out", "/api/practices/..%2F..%2FCargo.toml", not_found),
        get("a practice id of 10 000 characters", &format!("/api/practices/BP-2020-{}", "1".repeat(10_000)), not_found),
        get("a practice id that is not UTF-8", "/api/practices/BP-%FF%FE", Expect::ClientError),
        get("an open-data file that climbs out", "/opendata/..%2F..%2FCargo.toml", not_found),
        get("an open-data file name with a NUL", "/opendata/feed.atom%00.txt", not_found),
        get("an open-data file in capitals", "/opendata/FEED.ATOM", not_found),
        get("an open-data file that is not UTF-8", "/opendata/%FF", Expect::ClientError),
        Case::new(
            Entry::Catalogue,
            "POST on the catalogue",
            "POST",
            "/api/catalogue",
            Error(405, "method_not_allowed"),
        )
        .json(b"{}".to_vec()),
        Case::new(
            Entry::Catalogue,
            "DELETE on a practice",
            "DELETE",
            "/api/practices/BP-2020-0001",
            Error(405, "method_not_allowed"),
        ),
        // Lenient by design: the URL is the shareable state of a catalogue view.
        get("page -1", "/api/catalogue?pagina=-1", json),
        get("SQL in the search text", "/api/catalogue?q=%27%3B%20DROP%20TABLE%20practices%3B%20--", json),
        get("a script tag as a filter", "/api/catalogue?regione=%3Cscript%3E", json),
        get("a garbage If-None-Match", "/api/catalogue?x=1", json)
            .header("if-none-match", b"\"\xff\"; DROP TABLE practices"),
        get("an export with page -1", "/api/export.csv?pagina=-1", csv),
        get("an export with a page over u64", "/api/export.csv?pagina=184467440737095516160", csv),
        get("an export with SQL in the search text", "/api/export.csv?q=%27%20OR%201%3D1%20--", csv),
        get("an export with an unknown region", "/api/export.csv?regione=99,%00,%FF", csv),
        get("an export with bytes that are not UTF-8", "/api/export.csv?%FF=%FE&q=%C0%AE", csv),
        get("an export with empty and broken pairs", "/api/export.csv?&&=&a&=b&%", csv),
        get("an export with a right-to-left override", "/api/export.json?q=%E2%80%AEinverso", json),
        get(
            "an export with a search of 10 000 characters",
            &format!("/api/export.json?q={}", "a".repeat(10_000)),
            json,
        ),
        get("an export with an unknown sort", "/api/export.json?ordina=%3Bdrop", json),
        get(
            "an export with 2 000 misspelt words",
            &format!("/api/export.json?q={}", "psicolgicox%20".repeat(2_000)),
            json,
        ),
    ]
}

pub(super) fn static_cases() -> Vec<Case> {
    let get = |name: &str, target: &str| {
        Case::new(Entry::StaticFiles, name, "GET", target.to_owned(), Expect::NotOutside).raw()
    };
    vec![
        get("dot-dot segments", "/../../etc/passwd"),
        get("dot-dot segments to a sibling file", "/../secret.txt"),
        get("dot-dot segments to a file two levels up", "/../../secret.txt"),
        get("encoded dots", "/%2e%2e/%2e%2e/etc/passwd"),
        get("encoded dots to a sibling file", "/%2e%2e/secret.txt"),
        get("encoded slashes", "/..%2f..%2fCargo.toml"),
        get("encoded slashes, one level", "/..%2fCargo.toml"),
        get("encoded slashes in capitals", "/..%2F..%2F..%2Fsecret.txt"),
        get("everything encoded", "/%2e%2e%2f%2e%2e%2fsecret.txt"),
        get("double encoding", "/%252e%252e/%252e%252e/secret.txt"),
        get("overlong UTF-8 dots", "/%c0%ae%c0%ae/secret.txt"),
        get("backslashes", "/..\\..\\secret.txt"),
        get("encoded backslashes", "/..%5c..%5csecret.txt"),
        get("dot-dot after a real folder", "/assets/../../secret.txt"),
        get("dot-dot after an app route", "/pratiche/%2e%2e/%2e%2e/%2e%2e/secret.txt"),
        get("an absolute path", "//etc/passwd"),
        get("an encoded absolute path", "/%2fetc%2fpasswd"),
        get("an encoded NUL", "/%00"),
        get("an encoded NUL after a real file", "/app.js%00.html"),
        get("an encoded NUL then dot-dot", "/%00/../secret.txt"),
        get("a file name longer than the system allows", &format!("/{}", "a".repeat(300))),
        get("a folder name longer than the system allows", &format!("/{}/x.js", "b".repeat(300))),
        get("a request target without a leading slash", "../secret.txt"),
        get("an absolute-form request target", "http://localhost/../secret.txt"),
        get("dot-dot in the query", "/catalogo?file=../../secret.txt"),
        get("an API path that climbs into the app", "/api/../secret.txt"),
    ]
}
