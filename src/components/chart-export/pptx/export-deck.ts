// Loaded with import() on first use: the deck writer and pptxgenjs stay out of the first page load.
import { exportFileName } from '../../../domain/export/export-names';
import type { Briefing } from '../../../domain/export/deck-model';
import { download } from '../raster';
import { writeDeck } from './write-deck';

/** Builds the deck and saves it; resolves to what the menu's status line says. */
export async function exportDeck(briefing: Briefing, date = new Date()): Promise<string> {
  const { blob, slides } = await writeDeck(briefing, date);
  const name = exportFileName('Briefing deck', briefing.filters, date, 'pptx');
  download(blob, name);
  return `Saved ${name} (${slides} slides).`;
}
