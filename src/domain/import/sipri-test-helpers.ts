/**
 * Test helpers: the SIPRI fixtures as bytes and as rows, read with Node's fs (never bundled into the
 * app; only `*.test.ts` files import this).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

export const FIXTURES = {
  indiaRecipient: 'sipri_trade_register_india_recipient.csv',
  indiaFromUs: 'sipri_trade_register_india_from_us.csv',
  sample2025: 'sipri-2025-sample.csv',
} as const;

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))));
}

/** The fixture's data rows, read independently of the parser (Windows-1252, header at the line that starts "Recipient,"). */
export function fixtureRows(name: string): { line: number; cells: string[] }[] {
  const text = new TextDecoder('windows-1252').decode(fixtureBytes(name));
  const lines = text.split('\n');
  const headerIndex = lines.findIndex((line) => line.startsWith('Recipient,Supplier,'));
  const rows: { line: number; cells: string[] }[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    if (lines[i]!.trim() === '') continue;
    rows.push({ line: i + 1, cells: Papa.parse<string[]>(lines[i]!, { delimiter: ',' }).data[0]! });
  }
  return rows;
}

/** Every Comments cell of both classic fixtures. */
export function fixtureComments(): string[] {
  return [FIXTURES.indiaRecipient, FIXTURES.indiaFromUs].flatMap((name) =>
    fixtureRows(name).map((row) => row.cells[12]!),
  );
}
