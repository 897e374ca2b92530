import seedRecords from '../seeds/deals.json';
import { parseDeals, type Deal } from '../src/domain';
import { generateSyntheticDeals, SYNTHETIC_SIZE_LIMIT } from '../src/domain/synthetic/synthetic';
import type { MetaBody } from '../src/domain/model/api-contract';

export interface Dataset {
  deals: Deal[];
  byId: Map<string, Deal>;
  meta: MetaBody;
}

export type DatasetChoice = { ok: true; dataset: Dataset } | { ok: false; param: string; message: string };

const DEFAULT_SYNTHETIC_SIZE = 10_000;
const DEFAULT_SEED = 20261124;
const startedAt = new Date().toISOString();

function makeDataset(deals: Deal[], meta: Omit<MetaBody, 'recordCount'>): Dataset {
  return { deals, byId: new Map(deals.map((d) => [d.id, d])), meta: { ...meta, recordCount: deals.length } };
}

let seed: Dataset | undefined;
function seedDataset(): Dataset {
  // Seeds are checked by seeds/deals.test.ts; a record that still fails is left out, not served broken.
  seed ??= makeDataset(parseDeals(seedRecords).deals, {
    dataset: 'seed',
    title: 'India–US defence deals (sourced seed data)',
    generatedAt: startedAt,
    synthetic: false,
  });
  return seed;
}

function syntheticMeta(size: number, prngSeed: number): MetaBody {
  const key = `${size}:${prngSeed}`;
  // The set is regenerated identically when asked for again, so it keeps the time it was first made.
  const generatedAt = generatedAtByKey.get(key) ?? new Date().toISOString();
  generatedAtByKey.set(key, generatedAt);
  return {
    dataset: 'synthetic',
    title: `Synthetic deals (${size.toLocaleString('en')} generated records, seed ${prngSeed})`,
    generatedAt,
    synthetic: true,
    size,
    seed: prngSeed,
    recordCount: size,
  };
}
const generatedAtByKey = new Map<string, string>();

// One synthetic set is kept, and only weakly: the app holds its own validated copy, so at 100,000
// records a second copy here cost about 100 MB of the page's heap. Generation is deterministic, so a
// set the garbage collector took is generated again when next asked for (about a second at 100,000).
let synthetic: { key: string; dataset: WeakRef<Dataset> } | undefined;
function syntheticDataset(size: number, prngSeed: number): Dataset {
  const key = `${size}:${prngSeed}`;
  const kept = synthetic?.key === key ? synthetic.dataset.deref() : undefined;
  if (kept) return kept;
  const dataset = makeDataset(
    generateSyntheticDeals({ size, seed: prngSeed }),
    syntheticMeta(size, prngSeed),
  );
  synthetic = { key, dataset: new WeakRef(dataset) };
  return dataset;
}

function readInt(params: URLSearchParams, name: string, fallback: number): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  return Number.isInteger(value) && value >= 0 ? value : undefined;
}

export type DatasetDescription =
  | { ok: true; meta: MetaBody; synthetic?: { size: number; seed: number } }
  | { ok: false; param: string; message: string };

/** Which data set the parameters name, and its description, without generating a synthetic one. */
export function describeDataset(params: URLSearchParams): DatasetDescription {
  const name = params.get('dataset') ?? 'seed';
  if (name === 'seed') return { ok: true, meta: seedDataset().meta };
  if (name !== 'synthetic') {
    return { ok: false, param: 'dataset', message: `Unknown dataset "${name}": use "seed" or "synthetic".` };
  }
  const size = readInt(params, 'size', DEFAULT_SYNTHETIC_SIZE);
  if (size === undefined || size > SYNTHETIC_SIZE_LIMIT) {
    return {
      ok: false,
      param: 'size',
      message: `size must be a whole number from 0 to ${SYNTHETIC_SIZE_LIMIT.toLocaleString('en')}.`,
    };
  }
  const prngSeed = readInt(params, 'seed', DEFAULT_SEED);
  if (prngSeed === undefined) return { ok: false, param: 'seed', message: 'seed must be a whole number.' };
  return { ok: true, meta: syntheticMeta(size, prngSeed), synthetic: { size, seed: prngSeed } };
}

export function chooseDataset(params: URLSearchParams): DatasetChoice {
  const described = describeDataset(params);
  if (!described.ok) return described;
  const { synthetic: options } = described;
  return { ok: true, dataset: options ? syntheticDataset(options.size, options.seed) : seedDataset() };
}
