// SPDX-License-Identifier: EUPL-1.2
//! The schematic map of Italy, one square tile per region, each shaded (0 to
//! 4) and with its figure printed on it, and the legend of its shades. The
//! statistics page shades by practices, "Chi ha partecipato" by the share of
//! Comuni covered; both print every figure in a table beside it, as colour
//! is never the only cue.

use domain::Lang;
use domain::record::geo::Region;
use leptos::prelude::*;

/// Tile positions (column, row) of a schematic map of Italy.
const TILES: [(Region, u8, u8, &str); 21] = [
    (Region::ValleDAosta, 0, 0, "VdA"),
    (Region::Lombardia, 1, 0, "Lom"),
    (Region::Trento, 2, 0, "TN"),
    (Region::Bolzano, 3, 0, "BZ"),
    (Region::Piemonte, 0, 1, "Pie"),
    (Region::EmiliaRomagna, 1, 1, "E-R"),
    (Region::Veneto, 2, 1, "Ven"),
    (Region::FriuliVeneziaGiulia, 3, 1, "FVG"),
    (Region::Liguria, 0, 2, "Lig"),
    (Region::Toscana, 1, 2, "Tos"),
    (Region::Umbria, 2, 2, "Umb"),
    (Region::Marche, 3, 2, "Mar"),
    (Region::Lazio, 2, 3, "Laz"),
    (Region::Abruzzo, 3, 3, "Abr"),
    (Region::Sardegna, 0, 4, "Sar"),
    (Region::Campania, 2, 4, "Cam"),
    (Region::Molise, 3, 4, "Mol"),
    (Region::Puglia, 4, 4, "Pug"),
    (Region::Basilicata, 3, 5, "Bas"),
    (Region::Calabria, 3, 6, "Cal"),
    (Region::Sicilia, 2, 7, "Sic"),
];

/// The shade (0 to 4) of a region whose figure is `value`, when the largest
/// is `max`: 0 only for nothing at all, 4 for the largest.
pub fn shade(value: f64, max: f64) -> usize {
    if value <= 0.0 || max <= 0.0 { 0 } else { ((value * 4.0 / max).ceil() as usize).clamp(1, 4) }
}

/// One region's tile.
#[derive(Clone, Debug, PartialEq)]
pub struct Tile {
    pub region: Region,
    /// Its shade, 0 to 4 (see [`shade`]).
    pub level: usize,
    /// The figure printed on it, and read with the region's name in its tooltip.
    pub figure: String,
}

/// The map: an image whose title says what the figures are.
#[component]
pub fn TileMap(
    /// The tiles, one per region (a region without one is drawn empty).
    tiles: Vec<Tile>,
    /// The image's accessible name.
    title: String,
    /// The id of its `<title>` (unique on the page).
    title_id: &'static str,
    /// The language of the regions' names.
    lang: Lang,
) -> impl IntoView {
    view! {
        <svg class="tile-map" viewBox="0 0 250 400" role="img" aria-labelledby=title_id>
            <title id=title_id>{title}</title>
            {TILES
                .iter()
                .map(|(region, col, row, short)| {
                    let tile = tiles.iter().find(|t| t.region == *region);
                    let level = tile.map_or(0, |t| t.level);
                    let figure = tile.map(|t| t.figure.clone()).unwrap_or_default();
                    let (x, y) = (f32::from(*col) * 50.0, f32::from(*row) * 50.0);
                    view! {
                        <g class=format!("tile level-{level}")>
                            <title>{format!("{}: {figure}", region.label(lang))}</title>
                            <rect x=(x + 2.0).to_string() y=(y + 2.0).to_string() width="46" height="46" rx="4"></rect>
                            <text x=(x + 25.0).to_string() y=(y + 21.0).to_string()>
                                {*short}
                            </text>
                            <text class="tile-count" x=(x + 25.0).to_string() y=(y + 40.0).to_string()>
                                {figure}
                            </text>
                        </g>
                    }
                })
                .collect_view()}
        </svg>
    }
}

/// What the map's shades mean.
#[component]
pub fn MapLegend(
    /// What the ranges are of: "Pratiche per regione:".
    caption: &'static str,
    /// Each shade in use and the range of figures it stands for.
    levels: Vec<(usize, String)>,
) -> impl IntoView {
    let levels = levels.into_iter().map(|(k, range)| {
        view! {
            <li>
                <svg class="swatch" viewBox="0 0 16 16" aria-hidden="true">
                    <g class=format!("tile level-{k}")>
                        <rect x="0" y="0" width="16" height="16" rx="3"></rect>
                    </g>
                </svg>
                {range}
            </li>
        }
    });
    view! {
        <div class="map-legend">
            <p>{caption}</p>
            <ul>{levels.collect_view()}</ul>
        </div>
    }
}
