/**
 * The files the import figures read: the real SIPRI India-recipient register, and a SIPRI
 * 2025-layout file of N rows made by the domain's seeded generator (src/domain/import/generate-sipri.ts).
 * The generator is TypeScript with the app's extensionless imports, which Node cannot load as it is:
 * rolldown (Vite's bundler, installed with it) bundles it into bench/scratch/ first.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'rolldown';
import type { BenchFile } from './measure.ts';

export function sipriIndiaFile(root: string): BenchFile {
  return join(root, 'src/domain/import/fixtures', 'sipri_trade_register_india_recipient.csv');
}

export async function generatedSipriFile(root: string, rows: number): Promise<BenchFile> {
  const out = await build({
    input: join(root, 'src/domain/import/generate-sipri.ts'),
    platform: 'node',
    logLevel: 'silent',
    output: { format: 'esm' },
    write: false,
  });
  const dir = join(root, 'bench', 'scratch');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'generate-sipri.mjs');
  writeFileSync(file, out.output[0].code);
  const generator = (await import(pathToFileURL(file).href)) as {
    generateSipri2025: (rows: number, seed?: number) => { text: string };
  };
  const path = join(dir, `synthetic-sipri-2025_${rows}-rows.csv`);
  writeFileSync(path, generator.generateSipri2025(rows).text);
  return path;
}
