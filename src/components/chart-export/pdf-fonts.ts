import type { jsPDF } from 'jspdf';
import boldUrl from './fonts/DejaVuSans-Bold.ttf?url';
import regularUrl from './fonts/DejaVuSans.ttf?url';

/** The family name the briefing's text and charts are set in. */
export const PDF_FONT = 'DejaVuSans';

// The PDF's standard fonts are WinAnsi only: "₹", "→" and most non-Latin names would not survive.
// DejaVu Sans covers them; jsPDF embeds only the glyphs used, so the file stays small, and the font
// files (about 0.7 MB each) are fetched only when a briefing is made.
let loaded: Promise<[string, string]> | undefined;

async function binaryString(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load the PDF font (HTTP ${response.status}).`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return out;
}

export async function addPdfFonts(pdf: jsPDF): Promise<void> {
  loaded ??= Promise.all([binaryString(regularUrl), binaryString(boldUrl)]).catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  const [regular, bold] = await loaded;
  pdf.addFileToVFS('DejaVuSans.ttf', regular);
  pdf.addFileToVFS('DejaVuSans-Bold.ttf', bold);
  pdf.addFont('DejaVuSans.ttf', PDF_FONT, 'normal');
  pdf.addFont('DejaVuSans-Bold.ttf', PDF_FONT, 'bold');
  pdf.setFont(PDF_FONT, 'normal');
}
