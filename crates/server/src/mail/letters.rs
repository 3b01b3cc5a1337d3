// SPDX-License-Identifier: EUPL-1.2
//! The messages the site sends, one function each: what they say in Italian
//! and English, and why the recipient gets them. Addresses and keys are the
//! caller's.

use super::follow::Links;
use super::{Block, Kind, Letter, Site, both};
use domain::PracticeId;
use domain::catalogue::Query;
use domain::community::ContactRequest;
use domain::curation::CurationAction;
use domain::questionnaire::rounds::Round;
use domain::site::feedback::AccessibilityReport;
use domain::{Lang, PublicPractice};

/// Why a respondent gets the messages about their practice.
fn why_respondent() -> super::Both {
    both(
        "Ricevi questo messaggio perché il tuo indirizzo è il contatto indicato nella pratica. \
         Se non sei tu, scrivi alla redazione: l'indirizzo si corregge con il link privato.",
        "You receive this message because your address is the contact given in the practice. \
         If this is not you, write to the editors: the address is corrected through the private link.",
    )
}

fn status_page(site: &Site) -> Block {
    Block::Link {
        label: both(
            "Puoi vedere lo stato e rispondere con il link privato che hai ricevuto all'invio, oppure da qui:",
            "You can see the state and reply through the private link you received when you sent it, or from here:",
        ),
        url: format!("{}/questionario/stato", site.url),
    }
}

/// The receipt, private link included, mailed at the respondent's request.
pub fn receipt_copy(site: &Site, id: &PracticeId, title: &str, code: &str) -> Letter {
    Letter {
        kind: Kind::ReceiptCopy,
        subject: both(format!("Ricevuta della pratica {id}"), format!("Receipt of practice {id}")),
        body: vec![
            Block::Para(both(
                format!("Abbiamo ricevuto la pratica «{title}». Il riferimento è {id}."),
                format!("We have received the practice “{title}”. Its reference is {id}."),
            )),
            Block::Link {
                label: both(
                    "Il tuo link privato: con esso si riapre e si aggiorna la pratica. Non inoltrare questo messaggio.",
                    "Your private link: it reopens and updates the practice. Do not forward this message.",
                ),
                url: domain::questionnaire::api::private_link(&site.url, code),
            },
            Block::Para(both(
                "La redazione la leggerà e ti scriverà qui se servono integrazioni.",
                "The editors will read it and write to you here if anything needs adding.",
            )),
        ],
        why: both(
            "Ricevi questo messaggio perché l'hai chiesto dalla pagina di ricevuta.",
            "You receive this message because you asked for it on the receipt page.",
        ),
    }
}

/// What the respondent is told after a curator's `action` on their practice,
/// if anything: changes asked, published, update published, rejected.
pub fn after_decision(
    site: &Site,
    action: CurationAction,
    id: &PracticeId,
    title: &str,
    message: Option<&str>,
) -> Option<Letter> {
    let public_page = || Block::Link {
        label: both("La pagina pubblica:", "The public page:"),
        url: format!("{}/pratiche/{id}", site.url),
    };
    let words = || message.map(|m| Block::Quote(m.to_owned()));
    let (kind, subject, mut body) = match action {
        CurationAction::RequestChanges => (
            Kind::ChangesRequested,
            both(format!("Le sono state chieste integrazioni: {id}"), format!("Changes requested: {id}")),
            vec![Block::Para(both(
                format!("La redazione ha letto la pratica «{title}» ({id}) e chiede alcune integrazioni:"),
                format!("The editors have read the practice “{title}” ({id}) and ask for some changes:"),
            ))],
        ),
        CurationAction::Publish => (
            Kind::Published,
            both(format!("La pratica è pubblicata: {id}"), format!("The practice is published: {id}")),
            vec![Block::Para(both(
                format!("La pratica «{title}» ({id}) è pubblicata nel catalogo, con licenza CC BY 4.0."),
                format!("The practice “{title}” ({id}) is published in the catalogue, under CC BY 4.0."),
            ))],
        ),
        CurationAction::AcceptUpdate => (
            Kind::UpdatePublished,
            both(format!("L'aggiornamento è pubblicato: {id}"), format!("The update is published: {id}")),
            vec![Block::Para(both(
                format!("L'aggiornamento della pratica «{title}» ({id}) è pubblicato."),
                format!("The update of the practice “{title}” ({id}) is published."),
            ))],
        ),
        CurationAction::Reject => (
            Kind::Rejected,
            both(format!("La pratica non è stata accolta: {id}"), format!("The practice was not accepted: {id}")),
            vec![Block::Para(both(
                format!("La redazione non ha accolto la pratica «{title}» ({id}), per questo motivo:"),
                format!("The editors did not accept the practice “{title}” ({id}), for this reason:"),
            ))],
        ),
        CurationAction::TakeInReview
        | CurationAction::Resubmit
        | CurationAction::Unpublish
        | CurationAction::Archive => {
            return None;
        }
    };
    match kind {
        Kind::ChangesRequested => body.extend(words().into_iter().chain([status_page(site)])),
        Kind::Published | Kind::UpdatePublished => body.push(public_page()),
        Kind::Rejected => body.extend(words().into_iter().chain([status_page(site)])),
        _ => {}
    }
    Some(Letter { kind, subject, body, why: why_respondent() })
}

/// A reader's message to the referent of practice `id`: who writes, and
/// their words; the referent answers by replying (Reply-To is the sender).
pub fn contact_relay(site: &Site, id: &PracticeId, title: &str, request: &ContactRequest) -> Letter {
    let (name, entity, email) = (request.name.trim(), request.entity.trim(), request.email.trim());
    Letter {
        kind: Kind::ContactRelay,
        subject: both(format!("Un messaggio sulla pratica {id}"), format!("A message about practice {id}")),
        body: vec![
            Block::Para(both(
                format!("{name} ({entity}) ha letto la pratica «{title}» ({id}) e ti scrive dal sito:"),
                format!("{name} ({entity}) has read the practice “{title}” ({id}) and writes to you through the site:"),
            )),
            Block::Quote(request.message.trim().to_owned()),
            Block::Link { label: both("La pratica:", "The practice:"), url: format!("{}/pratiche/{id}", site.url) },
            Block::Para(both(
                format!("Per rispondere, rispondi a questo messaggio: la risposta va a {name} <{email}>."),
                format!("To answer, reply to this message: the reply goes to {name} <{email}>."),
            )),
        ],
        why: both(
            "Ricevi questo messaggio perché sei il referente della pratica: il sito non ha mostrato il tuo indirizzo. \
             Per non ricevere più messaggi, spunta «Non inoltratemi i messaggi» con il link privato della pratica.",
            "You receive this message because you are the practice's contact person: the site did not show your address. \
             To receive no more messages, tick “Do not forward me messages” through the practice's private link.",
        ),
    }
}

/// The sender's copy of a relayed message: what went, to whom (the
/// practice, never the referent's address).
pub fn contact_copy(site: &Site, id: &PracticeId, title: &str, request: &ContactRequest) -> Letter {
    Letter {
        kind: Kind::ContactCopy,
        subject: both(
            format!("Copia del tuo messaggio sulla pratica {id}"),
            format!("Copy of your message about practice {id}"),
        ),
        body: vec![
            Block::Para(both(
                format!("Abbiamo inoltrato al referente della pratica «{title}» ({id}) questo messaggio:"),
                format!("We have forwarded this message to the contact person of the practice “{title}” ({id}):"),
            )),
            Block::Quote(request.message.trim().to_owned()),
            Block::Para(both(
                "Se il referente risponde, la risposta arriva direttamente a questo indirizzo.",
                "If the contact person answers, the answer comes straight to this address.",
            )),
            Block::Link { label: both("La pratica:", "The practice:"), url: format!("{}/pratiche/{id}", site.url) },
        ],
        why: both(
            "Ricevi questa copia perché hai scritto dal modulo «Contatta il referente». Se non sei stato tu, ignorala.",
            "You receive this copy because you wrote through the “Contact the referent” form. If it was not you, ignore it.",
        ),
    }
}

/// An accessibility report, to the editors' address: what was reported,
/// where, and how to answer (within 30 days, as the statement promises).
pub fn accessibility_report(site: &Site, reference: &str, report: &AccessibilityReport) -> Letter {
    let answer = if report.email.trim().is_empty() {
        both("Chi segnala non ha lasciato un indirizzo.", "The sender left no address.")
    } else {
        let email = report.email.trim();
        both(format!("Rispondi a {email} entro 30 giorni."), format!("Answer {email} within 30 days."))
    };
    Letter {
        kind: Kind::AccessibilityReport,
        subject: both(
            format!("Segnalazione di accessibilità {reference}"),
            format!("Accessibility report {reference}"),
        ),
        body: vec![
            Block::Para(both(
                format!("Una nuova segnalazione sulla pagina «{}»:", report.page.trim()),
                format!("A new report about the page “{}”:", report.page.trim()),
            )),
            Block::Quote(report.description.trim().to_owned()),
            Block::Para(answer),
            Block::Link {
                label: both("La segnalazione è nella coda della redazione:", "The report is in the editors' queue:"),
                url: format!("{}/redazione", site.url),
            },
        ],
        why: both(
            "Ricevi questo messaggio perché il tuo è l'indirizzo della redazione (BP_EDITORS_EMAIL).",
            "You receive this message because yours is the editors' address (BP_EDITORS_EMAIL).",
        ),
    }
}

/// The link to confirm following a view (double opt-in).
pub fn follow_confirm(query: &Query, links: &Links) -> Letter {
    let (it, en) = (query.describe(Lang::It), query.describe(Lang::En));
    Letter {
        kind: Kind::FollowConfirm,
        subject: both("Conferma: segui questa ricerca", "Confirm: follow this search"),
        body: vec![
            Block::Para(both(
                format!(
                    "Hai chiesto di ricevere ogni settimana le pratiche nuove o aggiornate di questa ricerca: {it}."
                ),
                format!("You asked to receive every week the practices new or updated in this search: {en}."),
            )),
            Block::Link {
                label: both("Per confermare, apri questo link:", "To confirm, open this link:"),
                url: links.confirm.clone(),
            },
            Block::Para(both(
                "Se non sei stato tu, ignora questo messaggio: senza conferma l'indirizzo è cancellato entro una settimana.",
                "If it was not you, ignore this message: without confirmation the address is deleted within a week.",
            )),
        ],
        why: both(
            "Ricevi questo messaggio perché qualcuno ha scritto questo indirizzo nel modulo «Segui questa ricerca».",
            "You receive this message because someone typed this address in the “Follow this search” form.",
        ),
    }
}

/// The weekly digest of a followed view: the practices new or updated in it.
pub fn view_digest(site: &Site, query: &Query, view: &str, changed: &[PublicPractice], links: &Links) -> Letter {
    let (it, en) = (query.describe(Lang::It), query.describe(Lang::En));
    let mut body = vec![Block::Para(both(
        format!("Pratiche nuove o aggiornate questa settimana nella ricerca {it}:"),
        format!("Practices new or updated this week in the search {en}:"),
    ))];
    for practice in changed {
        body.push(Block::Link {
            label: both(
                format!("{} ({}, {})", practice.title, practice.entity_name, practice.region_code.label(Lang::It)),
                format!("{} ({}, {})", practice.title, practice.entity_name, practice.region_code.label(Lang::En)),
            ),
            url: format!("{}/pratiche/{}", site.url, practice.id),
        });
    }
    let search =
        if view.is_empty() { format!("{}/catalogo", site.url) } else { format!("{}/catalogo?{view}", site.url) };
    body.push(Block::Link { label: both("Tutta la ricerca:", "The whole search:"), url: search });
    body.push(Block::Link {
        label: both("Per non ricevere più questo messaggio:", "To stop receiving this message:"),
        url: links.cancel.clone(),
    });
    Letter {
        kind: Kind::ViewDigest,
        subject: both(
            format!("{} novità nella ricerca che segui", changed.len()),
            format!("{} new in the search you follow", changed.len()),
        ),
        body,
        why: both(
            "Ricevi questo messaggio perché segui questa ricerca: una volta a settimana, solo se ci sono novità.",
            "You receive this message because you follow this search: once a week, only when there is something new.",
        ),
    }
}

/// "È ancora attuale?": a published practice was last confirmed on
/// `confirmed_at`; its respondent confirms it or marks it concluded in one
/// step from `confirm_link` (signed for this period only), or updates it
/// through the private link (which the site does not keep, so it cannot be
/// in the message).
pub fn confirm_request(site: &Site, id: &PracticeId, title: &str, confirmed_at: &str, confirm_link: &str) -> Letter {
    let (it, en) = (domain::dates::long_date(confirmed_at, Lang::It), domain::dates::long_date(confirmed_at, Lang::En));
    Letter {
        kind: Kind::ConfirmRequest,
        subject: both(format!("La pratica {id} è ancora attuale?"), format!("Is practice {id} still current?")),
        body: vec![
            Block::Para(both(
                format!("La descrizione della pratica «{title}» è stata confermata l'ultima volta il {it}."),
                format!("The description of the practice “{title}” was last confirmed on {en}."),
            )),
            Block::Para(both(
                "In un solo passo, da questo link, conferma che è ancora così o segnala che è conclusa; per aggiornarla usa il link privato della ricevuta. Se non la confermi, tra qualche mese comparirà nel catalogo come «da aggiornare»; non sarà mai tolta.",
                "In one step, from this link, confirm it is still so or say it has ended; to update it, use the receipt's private link. If it is not confirmed, in a few months the catalogue will show it as “needs updating”; it is never removed.",
            )),
            Block::Link {
                label: both("Conferma o segnala che è conclusa:", "Confirm it or say it has ended:"),
                url: confirm_link.to_owned(),
            },
            status_page(site),
            Block::Link {
                label: both("La pagina pubblica:", "The public page:"),
                url: format!("{}/pratiche/{id}", site.url),
            },
        ],
        why: why_respondent(),
    }
}

/// Why an invitee gets a round's messages.
fn why_invitee(round: &Round) -> super::Both {
    both(
        format!(
            "Ricevi questo messaggio perché l'amministrazione del sito ha inserito questo indirizzo tra gli invitati \
             della raccolta «{}». Riceverai al più un promemoria; se non siete l'ufficio giusto, inoltralo a chi si \
             occupa dei servizi sociali.",
            round.name
        ),
        format!(
            "You receive this message because the site's administration listed this address among the invitees of \
             the round “{}”. You will get one reminder at most; if this is not the right office, forward it to whoever \
             runs the social services.",
            round.name
        ),
    )
}

/// What the invitation and its reminder ask, with the link to the questionnaire.
fn invitation_body(site: &Site, round: &Round, entity: &str) -> Vec<Block> {
    let closes = round.closes_on.to_string();
    let (it, en) = (domain::dates::long_date(&closes, Lang::It), domain::dates::long_date(&closes, Lang::En));
    vec![
        Block::Para(both(
            format!(
                "{entity} è invitato a descrivere le pratiche introdotte o rafforzate nei servizi sociali: \
                 lavoro sociale a distanza, procedure semplificate, contatto con le famiglie isolate, strumenti digitali. \
                 Le pratiche pubblicate entrano nel catalogo aperto e aiutano le altre amministrazioni a imparare dalla vostra."
            ),
            format!(
                "{entity} is invited to describe the practices it introduced or strengthened in its social services: \
                 remote social work, simpler procedures, reaching isolated families, digital tools. Published practices \
                 join the open catalogue and help other administrations learn from yours."
            ),
        )),
        Block::Para(both(
            format!(
                "La raccolta «{}» è aperta fino al {it}. Il questionario richiede circa 30 minuti e si può salvare e riprendere.",
                round.name
            ),
            format!(
                "The round “{}” is open until {en}. The questionnaire takes about 30 minutes and can be saved and resumed.",
                round.name
            ),
        )),
        Block::Link {
            label: both("Il questionario:", "The questionnaire:"),
            url: format!("{}/questionario", site.url),
        },
    ]
}

/// The invitation to take part in `round`, for `entity`.
pub fn invitation(site: &Site, round: &Round, entity: &str) -> Letter {
    Letter {
        kind: Kind::Invitation,
        subject: both(
            format!("Invito: raccolta «{}» delle buone pratiche dei servizi sociali", round.name),
            format!("Invitation: round “{}” of good practices in social services", round.name),
        ),
        body: invitation_body(site, round, entity),
        why: why_invitee(round),
    }
}

/// The one reminder, a week before `round`'s deadline, for an invitee who has not answered.
pub fn invitation_reminder(site: &Site, round: &Round, entity: &str) -> Letter {
    let closes = round.closes_on.to_string();
    let (it, en) = (domain::dates::long_date(&closes, Lang::It), domain::dates::long_date(&closes, Lang::En));
    let mut body = vec![Block::Para(both(
        format!(
            "Promemoria: non abbiamo ancora ricevuto pratiche da {entity} per la raccolta «{}». Se l'avete già inviata con un altro indirizzo, ignorate questo messaggio.",
            round.name
        ),
        format!(
            "A reminder: we have not yet received practices from {entity} for the round “{}”. If you sent one from another address, please ignore this message.",
            round.name
        ),
    ))];
    body.extend(invitation_body(site, round, entity));
    Letter {
        kind: Kind::InvitationReminder,
        subject: both(
            format!("Promemoria: la raccolta «{}» si chiude il {it}", round.name),
            format!("Reminder: the round “{}” closes on {en}", round.name),
        ),
        body,
        why: why_invitee(round),
    }
}

/// An editor's daily digest: how many submissions wait in the queue.
pub fn queue_digest(site: &Site, waiting: usize) -> Letter {
    Letter {
        kind: Kind::QueueDigest,
        subject: both(format!("{waiting} pratiche da curare"), format!("{waiting} submissions to curate")),
        body: vec![Block::Link {
            label: both(
                format!("Nella coda della redazione aspettano {waiting} pratiche inviate, in revisione o aggiornate:"),
                format!("{waiting} submissions, sent, in review or updated, wait in the editors' queue:"),
            ),
            url: format!("{}/redazione", site.url),
        }],
        why: both(
            "Ricevi questo riepilogo perché hai un account della redazione; puoi disattivarlo dalla coda della redazione.",
            "You receive this summary because you have an editors' account; you can turn it off from the editors' queue.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Site {
        Site { name: "Buone pratiche dei servizi sociali".into(), url: "https://bp.example.it".into() }
    }

    #[test]
    fn every_letter_speaks_both_languages_and_says_why() {
        let id = PracticeId::parse("BP-2026-0007").unwrap();
        let mut letters = vec![receipt_copy(&site(), &id, "Spesa a domicilio", "c0de")];
        for action in CurationAction::ALL {
            letters.extend(after_decision(&site(), action, &id, "Spesa a domicilio", Some("Manca il <budget>")));
        }
        let kinds: Vec<Kind> = letters.iter().map(|l| l.kind).collect();
        assert_eq!(
            kinds,
            [Kind::ReceiptCopy, Kind::ChangesRequested, Kind::Published, Kind::UpdatePublished, Kind::Rejected]
        );
        for letter in &letters {
            let (text, html) = (letter.text(&site(), Lang::It), letter.html(&site(), Lang::It));
            assert!(text.contains(&letter.why.it) && text.contains(&letter.why.en), "{text}");
            assert!(text.contains("BP-2026-0007") && text.contains("https://bp.example.it"), "{text}");
            assert!(html.contains("<div lang=\"it\">") && html.contains("<div lang=\"en\">"), "{html}");
            assert!(!html.contains("<budget>"), "words are escaped: {html}");
        }
        let asked = after_decision(&site(), CurationAction::RequestChanges, &id, "T", Some("riga 1\nriga 2")).unwrap();
        assert!(asked.text(&site(), Lang::It).contains("> riga 1\n> riga 2"), "the editors' words are quoted");
        let copy = receipt_copy(&site(), &id, "T", "the-code").text(&site(), Lang::It);
        assert!(copy.contains("https://bp.example.it/questionario/modifica#the-code"), "{copy}");
    }

    #[test]
    fn a_message_id_is_the_same_for_the_same_cause() {
        let id = PracticeId::parse("BP-2026-0007").unwrap();
        let letter = receipt_copy(&site(), &id, "T", "c");
        let (a, b) = (letter.to(&site(), "k1".into(), "a@b.it", None), letter.to(&site(), "k1".into(), "a@b.it", None));
        assert_eq!(a.message_id, b.message_id);
        assert!(a.message_id.ends_with("@bp.example.it"), "{}", a.message_id);
        assert_ne!(a.message_id, letter.to(&site(), "k2".into(), "a@b.it", None).message_id);
    }
}
