// SPDX-License-Identifier: EUPL-1.2
//! `/.well-known/security.txt` (RFC 9116): where to report a vulnerability.
//! Served by the server and written into the static publication when the
//! operator configures the contact (`BP_SECURITY_CONTACT`); without it there
//! is no file, rather than one naming nobody.

/// How long a written file stays valid: RFC 9116 advises under a year; the
/// server writes it anew on each request, the live publication on each
/// curators' decision.
const VALID_DAYS: i64 = 180;

/// The contact as RFC 9116 wants it: an e-mail becomes a `mailto:` URI;
/// `mailto:`, `https://` and `tel:` URIs are kept; anything else is refused.
pub fn contact_uri(contact: &str) -> Result<String, String> {
    let contact = contact.trim();
    let valid_email = domain::record::validation::is_email;
    if let Some(email) = contact.strip_prefix("mailto:") {
        return if valid_email(email) { Ok(contact.to_owned()) } else { Err(format!("not an e-mail: {contact}")) };
    }
    if (contact.starts_with("https://") && contact.len() > "https://".len() && !contact.contains(char::is_whitespace))
        || contact.strip_prefix("tel:").is_some_and(|t| !t.is_empty())
    {
        return Ok(contact.to_owned());
    }
    if valid_email(contact) {
        return Ok(format!("mailto:{contact}"));
    }
    Err(format!("BP_SECURITY_CONTACT must be an e-mail, a mailto:, https:// or tel: URI, not {contact:?}"))
}

/// The file's text, valid for `VALID_DAYS` from `now`.
pub fn render(contact: &str, public_url: &str, now: time::OffsetDateTime) -> String {
    let expires = (now + time::Duration::days(VALID_DAYS)).replace_nanosecond(0).expect("zero nanoseconds is valid");
    let expires = expires.format(&time::format_description::well_known::Rfc3339).expect("a UTC time formats");
    format!(
        "# Segnalazioni di vulnerabilità di Buone pratiche / Reporting a vulnerability in Buone pratiche\n\
         Contact: {contact}\n\
         Expires: {expires}\n\
         Preferred-Languages: it, en\n\
         Canonical: {public_url}/.well-known/security.txt\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contacts_become_uris_or_are_refused() {
        assert_eq!(contact_uri("sicurezza@example.org").unwrap(), "mailto:sicurezza@example.org");
        assert_eq!(contact_uri(" mailto:a@b.it ").unwrap(), "mailto:a@b.it");
        assert_eq!(contact_uri("https://example.org/segnala").unwrap(), "https://example.org/segnala");
        assert_eq!(contact_uri("tel:+390600000000").unwrap(), "tel:+390600000000");
        for bad in ["", "nobody", "http://example.org", "mailto:", "a@b", "https://", "a b@c.it", "javascript:alert(1)"]
        {
            assert!(contact_uri(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn the_file_has_the_fields_rfc_9116_requires() {
        let now = time::macros::datetime!(2026-12-02 10:00:00.5 UTC);
        let text = render("mailto:s@example.org", "https://bp.example.org", now);
        assert!(text.contains("\nContact: mailto:s@example.org\n"));
        assert!(text.contains("\nExpires: 2027-05-31T10:00:00Z\n"), "{text}");
        assert!(text.contains("\nCanonical: https://bp.example.org/.well-known/security.txt\n"));
    }
}
