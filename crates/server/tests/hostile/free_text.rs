// SPDX-License-Identifier: EUPL-1.2
//! Hostile-looking text that is a legitimate answer in free-text fields:
//! markup, SQL, template and CDATA markers, spreadsheet formulas, emoji. The
//! test in `main.rs` submits it, publishes it, and reads it back from every
//! public output.

/// Free-text answers, by key.
pub(super) const TEXTS: [(&str, &str); 7] = [
    ("title", "<script>alert('titolo')</script> & \"virgolette\""),
    ("summary", "'; DROP TABLE practices; -- e poi SELECT * FROM users"),
    ("entity_name", "Comune di <img src=x onerror=alert(1)>"),
    ("description", "Righe\nmultiple\tcon tab, \\barre\\ rovesciate, {{__TRUNK NONCE__}} e ]]> fine CDATA"),
    ("need_addressed", "Emoji 🧓📞, accenti àèéìòù, greco αβγ, e \"apici\" 'singoli'"),
    ("results", "=HYPERLINK(\"http://evil.example\",\"clic\") e +SUM(1;2) -3 @A1"),
    ("feedback_staff", "</textarea><svg onload=alert(1)>"),
];

/// A collection round's name, public data too.
pub(super) const ROUND_NAME: &str = "Raccolta <b>oggi</b> '; --";
