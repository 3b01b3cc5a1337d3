// SPDX-License-Identifier: EUPL-1.2
//! Harvesting other collections (administrators).

use super::Text;
use domain::Lang;
use domain::harvest::api::{Counts, HarvestRun, RunOutcome};

pub const OTHER_COLLECTIONS: Text = Text::new("Raccolte di altri enti", "Other bodies' collections");
pub const LEAD: Text = Text::new(
    "Le pratiche pubblicate da un altro ente che usa questo prodotto entrano nella coda della redazione (o sono \
     pubblicate subito, se già verificate là) e, quando cambiano là, tornano qui come aggiornamenti da rivedere. \
     Le pratiche nate qui non vengono mai riprese, e a chi le segue là non si scrive mai.",
    "The practices another body running this product publishes enter the editors' queue (or are published at \
     once, if already checked there) and, when they change there, come back as updates to review. Practices \
     that started here are never taken back, and the people behind them there are never written to.",
);
pub const SOURCES: Text = Text::new("Fonti", "Sources");
pub const NO_SOURCES: Text = Text::new("Nessuna fonte, per ora.", "No sources yet.");
pub const NAME: Text = Text::new("Nome della raccolta", "Collection's name");
pub const KIND: Text = Text::new("Tipo di fonte", "Kind of source");
pub const KIND_INSTANCE: Text = Text::new(
    "Un'altra raccolta di buone pratiche (il suo buone-pratiche.json)",
    "Another collection of good practices (its buone-pratiche.json)",
);
pub const KIND_DCAT: Text =
    Text::new("Un catalogo DCAT-AP in Turtle (il suo dcat.ttl)", "A DCAT-AP catalogue in Turtle (its dcat.ttl)");
pub const KIND_SHEET: Text = Text::new(
    "Un foglio di risposte CSV o XLSX, letto con la corrispondenza salvata dall'importazione",
    "A sheet of responses, CSV or XLSX, read with the mapping the import saved",
);
pub const ADDRESS: Text = Text::new("Indirizzo dei suoi dati aperti", "Address of its open data");
pub const ADDRESS_HINT: Text = Text::new(
    "Il suo file buone-pratiche.json (o dcat.ttl, per un catalogo; l'indirizzo del foglio, per un foglio)",
    "Its file buone-pratiche.json (or dcat.ttl, for a catalogue; the sheet's address, for a sheet)",
);
pub const CONTACT: Text = Text::new("E-mail della sua redazione", "Its editors' e-mail");
pub const CONTACT_HINT: Text = Text::new(
    "Per la redazione: è il riferimento delle sue pratiche qui. La raccolta non scrive mai a questo indirizzo.",
    "For the editors: the contact of its practices here. The harvest never writes to this address.",
);
pub const CURATED: Text = Text::new(
    "Pratiche già verificate dalla sua redazione: pubblicale subito",
    "Practices already checked by its editors: publish them at once",
);
pub const EVERY_HOURS: Text = Text::new("Leggila ogni (ore)", "Read it every (hours)");
pub const EVERY_HOURS_HINT: Text =
    Text::new("Da 1 a 720; se lo lasci vuoto, una volta al giorno.", "From 1 to 720; left empty, once a day.");
pub const SOURCES_CAPTION: Text = Text::new(
    "Le fonti, la loro ultima lettura e le pratiche che ne vengono",
    "The sources, their last read and the practices from them",
);
pub const ADD_THE_SOURCE: Text = Text::new("Aggiungi la fonte", "Add the source");
pub const LAST_RUN: Text = Text::new("Ultima lettura", "Last read");
pub const PRACTICES: Text = Text::new("Pratiche", "Practices");
pub const ACTIONS: Text = Text::new("Azioni", "Actions");
pub const NEVER: Text = Text::new("mai", "never");
pub const HARVEST_NOW: Text = Text::new("Raccogli ora", "Harvest now");
pub const PAUSE: Text = Text::new("Sospendi", "Pause");
pub const RESUME: Text = Text::new("Riattiva", "Resume");
pub const PAUSED: Text = Text::new("sospesa", "paused");
pub const PROBLEMS: Text = Text::new("Pratiche non riprese", "Practices not taken");

pub fn source_added(lang: Lang, name: &str) -> String {
    match lang {
        Lang::It => format!("Fonte «{name}» aggiunta: sarà letta entro un quarto d'ora, o subito con «Raccogli ora»."),
        Lang::En => {
            format!("Source “{name}” added: it will be read within a quarter of an hour, or now with “Harvest now”.")
        }
    }
}

/// "Raccogli ora «Regione Umbria»": a button's accessible name.
pub fn for_source(lang: Lang, verb: Text, name: &str) -> String {
    format!("{} «{name}»", verb.get(lang))
}

/// "12 pratiche, 1 non più alla fonte".
pub fn held(lang: Lang, practices: usize, gone: usize) -> String {
    let n = practices as u64;
    let count = domain::numbers::count;
    match (lang, gone) {
        (Lang::It, 0) => count(n, "pratica", "pratiche", lang),
        (Lang::It, _) => format!("{}, {gone} non più alla fonte", count(n, "pratica", "pratiche", lang)),
        (Lang::En, 0) => count(n, "practice", "practices", lang),
        (Lang::En, _) => format!("{}, {gone} no longer at the source", count(n, "practice", "practices", lang)),
    }
}

/// What a run did, in words.
pub fn run_said(lang: Lang, name: &str, run: &HarvestRun) -> String {
    let Counts { read, created, updated, unchanged, own, elsewhere, imported, demo, invalid, gone } = run.counts;
    let imported = match (imported, lang) {
        (0, _) => String::new(),
        (n, Lang::It) => format!(" {n} già importate,"),
        (n, Lang::En) => format!(" {n} imported already,"),
    };
    match (run.outcome, lang) {
        (RunOutcome::Failed, _) => {
            let why = run.failure.as_ref().map(|f| f.describe(lang)).unwrap_or_default();
            format!("«{name}»: {why}")
        }
        (RunOutcome::Unchanged, Lang::It) => format!("«{name}»: nessuna novità dall'ultima lettura."),
        (RunOutcome::Unchanged, Lang::En) => format!("“{name}”: nothing new since the last read."),
        (RunOutcome::Ok, Lang::It) => format!(
            "«{name}»: lette {read} pratiche; {created} nuove, {updated} aggiornate, {unchanged} invariate; \
             non riprese: {own} nate qui, {elsewhere} già raccolte da un'altra fonte,{imported} {demo} dimostrative, \
             {invalid} con problemi; {gone} non più alla fonte."
        ),
        (RunOutcome::Ok, Lang::En) => format!(
            "“{name}”: {read} practices read; {created} new, {updated} updated, {unchanged} unchanged; not taken: \
             {own} that started here, {elsewhere} already harvested from another source,{imported} {demo} demonstrations, \
             {invalid} with problems; {gone} no longer at the source."
        ),
    }
}
