// SPDX-License-Identifier: EUPL-1.2
//! A file of responses as a [`Sheet`]: a CSV as Google Forms, LimeSurvey,
//! EUSurvey and Excel write it (`,`, `;` or a tab, as the header row shows;
//! with or without a byte-order mark; UTF-8 or, failing that, the
//! Windows-1252 of old Excel) or an Excel workbook (its first sheet, read
//! with calamine). Cells are text as written: a formula is never evaluated,
//! a date cell of a workbook becomes `YYYY-MM-DD` (with the time if it has
//! one). Limits keep one upload from filling the machine.

use domain::questionnaire::import::Sheet;
use domain::{FieldError, FieldErrors};

/// The largest file taken, in bytes (the import page checks it before sending).
pub use domain::questionnaire::import::MAX_BYTES;
/// The most responses in one file.
pub const MAX_ROWS: usize = 5000;
/// The most columns.
pub const MAX_COLUMNS: usize = 300;
/// The longest cell, in characters (the questionnaire's longest answer is far shorter).
pub const MAX_CELL: usize = 20_000;
/// The key file-wide problems are reported under.
pub const FILE_KEY: &str = "file";

fn refuse(error: FieldError) -> FieldErrors {
    let mut errors = FieldErrors::default();
    errors.add(FILE_KEY, error);
    errors
}

/// Reads `bytes`, a CSV or an XLSX file.
pub fn read(bytes: &[u8]) -> Result<Sheet, FieldErrors> {
    if bytes.len() > MAX_BYTES {
        return Err(refuse(FieldError::FileTooLarge { max_kib: MAX_BYTES / 1024 }));
    }
    let mut rows = if bytes.starts_with(b"PK\x03\x04") { workbook(bytes)? } else { csv_rows(bytes)? };
    rows.retain(|row| row.iter().any(|cell| !cell.trim().is_empty()));
    if rows.is_empty() {
        return Err(refuse(FieldError::Required));
    }
    let mut headers = rows.remove(0);
    if rows.len() > MAX_ROWS {
        return Err(refuse(FieldError::TooMany { max: MAX_ROWS }));
    }
    let width = rows.iter().map(Vec::len).chain([headers.len()]).max().unwrap_or(0);
    if width > MAX_COLUMNS {
        return Err(refuse(FieldError::TooMany { max: MAX_COLUMNS }));
    }
    if rows.iter().flatten().chain(&headers).any(|cell| cell.chars().count() > MAX_CELL) {
        return Err(refuse(FieldError::TooLong { max: MAX_CELL }));
    }
    headers.resize(width, String::new());
    for row in &mut rows {
        row.resize(width, String::new());
    }
    // Two columns with one header stay two columns, told apart.
    for i in 0..headers.len() {
        let before = headers[..i].iter().filter(|h| h.trim() == headers[i].trim()).count();
        if before > 0 && !headers[i].trim().is_empty() {
            headers[i] = format!("{} ({})", headers[i].trim(), before + 1);
        }
    }
    Ok(Sheet { headers, rows })
}

/// The text of a CSV file: UTF-8 when it is, else Windows-1252.
fn text_of(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

fn csv_rows(bytes: &[u8]) -> Result<Vec<Vec<String>>, FieldErrors> {
    let text = text_of(bytes);
    if text.contains('\0') {
        return Err(refuse(FieldError::NotCsv));
    }
    let header = text.lines().next().unwrap_or_default();
    let delimiter =
        [b',', b';', b'\t'].into_iter().max_by_key(|d| header.bytes().filter(|b| b == d).count()).unwrap_or(b',');
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|_| refuse(FieldError::NotCsv))?;
        rows.push(record.iter().map(str::to_owned).collect());
        if rows.len() > MAX_ROWS + 1 {
            return Err(refuse(FieldError::TooMany { max: MAX_ROWS }));
        }
    }
    Ok(rows)
}

fn workbook(bytes: &[u8]) -> Result<Vec<Vec<String>>, FieldErrors> {
    use calamine::{Data, Reader, Xlsx};
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).map_err(|_| refuse(FieldError::NotCsv))?;
    let name = book.sheet_names().first().cloned().ok_or_else(|| refuse(FieldError::Required))?;
    let mut cells = book.worksheet_cells_reader(&name).map_err(|_| refuse(FieldError::NotCsv))?;
    // Cell by cell, never at the size the file declares: a cell named far
    // away (XFD1048576) is refused before a grid that size is made.
    let mut rows: Vec<Vec<String>> = Vec::new();
    while let Some(cell) = cells.next_cell().map_err(|_| refuse(FieldError::NotCsv))? {
        let (row, column) = cell.get_position();
        let (row, column) = (row as usize, column as usize);
        if row > MAX_ROWS {
            return Err(refuse(FieldError::TooMany { max: MAX_ROWS }));
        }
        if column >= MAX_COLUMNS {
            return Err(refuse(FieldError::TooMany { max: MAX_COLUMNS }));
        }
        let text = match Data::from(cell.get_value().clone()) {
            Data::DateTime(date) if date.is_datetime() => excel_date(date.as_f64()),
            other => other.to_string(),
        };
        if rows.len() <= row {
            rows.resize(row + 1, Vec::new());
        }
        if rows[row].len() <= column {
            rows[row].resize(column + 1, String::new());
        }
        rows[row][column] = text;
    }
    Ok(rows)
}

/// An Excel date serial (days since 1899-12-30) as `YYYY-MM-DD`, with
/// ` HH:MM:SS` when it has a time of day.
fn excel_date(serial: f64) -> String {
    let epoch = time::macros::datetime!(1899-12-30 00:00);
    let seconds = (serial * 86_400.0).round() as i64;
    let at = epoch + time::Duration::seconds(seconds);
    let date = at.date();
    let day = format!("{:04}-{:02}-{:02}", date.year(), u8::from(date.month()), date.day());
    if at.time() == time::Time::MIDNIGHT {
        day
    } else {
        format!("{day} {:02}:{:02}:{:02}", at.hour(), at.minute(), at.second())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers_and_first(bytes: &[u8]) -> (Vec<String>, Vec<String>) {
        let sheet = read(bytes).unwrap();
        (sheet.headers, sheet.rows[0].clone())
    }

    #[test]
    fn csv_with_any_separator_bom_or_encoding_reads_alike() {
        let expected =
            (vec!["Ente".to_owned(), "Città".to_owned()], vec!["Comune di Forlì".to_owned(), "Forlì".to_owned()]);
        assert_eq!(headers_and_first("Ente,Città\nComune di Forlì,Forlì\n".as_bytes()), expected);
        assert_eq!(headers_and_first("\u{feff}Ente;Città\r\nComune di Forlì;Forlì\r\n".as_bytes()), expected);
        assert_eq!(headers_and_first("Ente\tCittà\nComune di Forlì\tForlì\n".as_bytes()), expected);
        let windows_1252: &[u8] = b"Ente;Citt\xe0\nComune di Forl\xec;Forl\xec\n";
        assert_eq!(headers_and_first(windows_1252), expected);
    }

    #[test]
    fn quoted_cells_keep_their_separators_and_lines() {
        let (_, row) = headers_and_first(b"A,B\n\"Anziani, disabili\",\"riga uno\nriga due\"\n");
        assert_eq!(row, ["Anziani, disabili", "riga uno\nriga due"]);
    }

    #[test]
    fn formulas_stay_text_and_repeated_headers_stay_apart() {
        let sheet = read(b"Nome,Nome,Nota\nA,B,=HYPERLINK(\"http://x\")\n,,\n").unwrap();
        assert_eq!(sheet.headers, ["Nome", "Nome (2)", "Nota"]);
        assert_eq!(sheet.rows, [["A", "B", "=HYPERLINK(\"http://x\")"]], "empty rows are dropped");
    }

    #[test]
    fn what_is_too_big_empty_or_not_a_sheet_is_refused_in_words() {
        let many = format!("A\n{}", "x\n".repeat(MAX_ROWS + 1));
        let wide = format!("{}\n", vec!["c"; MAX_COLUMNS + 1].join(","));
        let long = format!("A\n{}\n", "x".repeat(MAX_CELL + 1));
        let cases: [(&[u8], FieldError); 6] = [
            (&vec![b'a'; MAX_BYTES + 1], FieldError::FileTooLarge { max_kib: MAX_BYTES / 1024 }),
            (many.as_bytes(), FieldError::TooMany { max: MAX_ROWS }),
            (wide.as_bytes(), FieldError::TooMany { max: MAX_COLUMNS }),
            (long.as_bytes(), FieldError::TooLong { max: MAX_CELL }),
            (b"", FieldError::Required),
            (b"PK\x03\x04 not really a zip", FieldError::NotCsv),
        ];
        for (bytes, expected) in cases {
            assert_eq!(read(bytes).unwrap_err().get(FILE_KEY), [expected]);
        }
        assert_eq!(read(b"\x00\x01binary\x00").unwrap_err().get(FILE_KEY), [FieldError::NotCsv]);
    }

    /// `tests/fixtures/import/lontana.xlsx` (`make_far_cell.py`): one cell
    /// at XFD1048576, refused without a grid of the size it spans.
    #[test]
    fn a_workbook_naming_a_far_cell_is_refused_without_making_its_grid() {
        let refused = read(include_bytes!("../tests/fixtures/import/lontana.xlsx")).unwrap_err();
        assert_eq!(refused.get(FILE_KEY), &[FieldError::TooMany { max: MAX_ROWS }]);
    }

    /// `tests/fixtures/import/risposte.xlsx`, written by openpyxl (`make_xlsx.py` beside it).
    #[test]
    fn an_excel_workbook_reads_as_its_first_sheet() {
        let sheet = read(include_bytes!("../tests/fixtures/import/risposte.xlsx")).unwrap();
        assert_eq!(sheet.headers[..2], ["Informazioni cronologiche", "Denominazione dell'ente"]);
        assert_eq!(sheet.rows.len(), 2);
        assert_eq!(sheet.rows[0][..4], ["2020-05-15 10:22:45", "Comune di Forlì", "4", "2020-03-01"]);
        assert_ne!(sheet.rows[0][4], "2", "a formula is not evaluated");
        assert_eq!(sheet.rows[1][1], "Comune di Cefalù");
    }

    #[test]
    fn excel_dates_read_as_days() {
        assert_eq!(excel_date(43_905.0), "2020-03-15");
        assert_eq!(excel_date(43_966.432_465_277_78), "2020-05-15 10:22:45");
    }
}
