/**
 * The import's work, decode → detect → parse → plan, written once and run either in the Web Worker
 * (import.worker.ts, through comlink) or, where there is no Worker (jsdom tests), in the page's own
 * thread (import-client.ts). Nothing here writes to the tracker: the plan is the preview.
 *
 * What crosses the thread boundary is kept small, because a structured clone of many records blocks
 * the main thread while it is copied in and read out:
 * - in: the file's bytes (transferred, not copied) and an index of the existing deals' match keys as
 *   one string of `key\tid` lines (one string clones as a single copy, a Map of 300,000 entries does
 *   not); only the deals that index matches are then asked for, with their revisions (`fetchExisting`);
 * - out: a summary (counts, the updates with their diffs, the rejected rows) and the new deals a page at
 *   a time for the preview list, and in chunks for the batch write on Confirm. The whole plan stays here.
 */
import type { Deal } from '../../domain';
import {
  ImportCancelled,
  UnreadableFile,
  type ColumnMapping,
  type DetectedFile,
  type ImportPlan,
  type ParseContext,
  type ParseResult,
  type ParsedDeal,
} from '../../domain/import/types';
import {
  applyMapping,
  guessMapping,
  parseFile,
  planImport,
  type CsvTable,
  type ValueUnit,
} from './domain-bridge';

export interface ExistingRecord {
  deal: Deal;
  revision: number;
}

/** Rows done and rows in all, and what is being done ("Reading", "Comparing"). */
export type ProgressHook = (done: number, total: number, phase: string) => void;
export type FetchExisting = (ids: string[]) => Promise<ExistingRecord[]>;

/** The preview as the page shows it: the plan without its list of new deals, which is paged. */
export interface PlanSummary extends Omit<ImportPlan, 'added'> {
  addedCount: number;
  /** How many existing deals the index matched and were fetched for the comparison. */
  fetchedExisting: number;
}

/** A new deal as the preview lists it. */
export interface AddedRow {
  title: string;
  supplierCountries: string[];
  buyerCountries: string[];
  places: ParsedDeal['places'];
  id: string;
}

/** What a generic CSV needs before it can be read: the user's column mapping, guessed first. */
export interface MappingNeeded {
  detected: DetectedFile;
  header: string[];
  /** The first rows, for the live preview beside the mapping. */
  sample: CsvTable;
  guess: ColumnMapping;
  rowCount: number;
}

export type AnalyseOutcome =
  | { kind: 'plan'; summary: PlanSummary }
  | { kind: 'needs-mapping'; mapping: MappingNeeded }
  | { kind: 'unreadable'; message: string }
  | { kind: 'cancelled' };

export interface AnalyseRequest {
  bytes: ArrayBuffer;
  fileName: string;
  importedAt: string;
  /** `key\tid` lines; omitted when the index this runner was sent last still holds. */
  index?: string;
}

const SAMPLE_ROWS = 8;
/** Progress is posted at most this often: each post is a message the main thread must handle. */
const PROGRESS_EVERY_MS = 80;

function throttled(hook: ProgressHook): ProgressHook {
  let last = 0;
  return (done, total, phase) => {
    const now = Date.now();
    if (done < total && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    hook(done, total, phase);
  };
}

function parseIndex(text: string): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const key = line.slice(0, tab);
    const id = line.slice(tab + 1);
    const ids = index.get(key);
    if (ids) ids.push(id);
    else index.set(key, [id]);
  }
  return index;
}

/** The first rows and the problems the reader found among them: what the mapping's live preview reads. */
function sampleOf(table: CsvTable): CsvTable {
  const rows = table.rows.slice(0, SAMPLE_ROWS);
  const last = rows[rows.length - 1]?.line ?? Infinity;
  return {
    ...table,
    rows,
    rejected: table.rejected.filter((r) => typeof r.place !== 'number' || r.place <= last),
  };
}

export function createImportCore() {
  let index = new Map<string, string[]>();
  let plan: ImportPlan | undefined;
  let table: CsvTable | undefined;
  let fileContext: { fileName: string; importedAt: string } | undefined;
  let cancelRequested = false;

  async function toPlan(
    result: ParseResult,
    onProgress: ProgressHook,
    fetchExisting: FetchExisting,
  ): Promise<AnalyseOutcome> {
    const ids = new Set<string>();
    for (const parsed of result.deals)
      for (const key of parsed.matchKeys) for (const id of index.get(key) ?? []) ids.add(id);
    onProgress(0, result.deals.length, 'Comparing with the deals in the tracker');
    const existing = ids.size > 0 ? await fetchExisting([...ids]) : [];
    if (cancelRequested) return { kind: 'cancelled' };
    plan = planImport(result, existing, onProgress);
    const { added, ...rest } = plan;
    return { kind: 'plan', summary: { ...rest, addedCount: added.length, fetchedExisting: existing.length } };
  }

  function context(onProgress: ProgressHook): ParseContext {
    return {
      fileName: fileContext?.fileName ?? '',
      importedAt: fileContext?.importedAt ?? new Date().toISOString(),
      onProgress: (done, total) => onProgress(done, total, 'Reading rows'),
      cancelled: () => cancelRequested,
    };
  }

  async function guarded(run: () => Promise<AnalyseOutcome>): Promise<AnalyseOutcome> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof ImportCancelled) return { kind: 'cancelled' };
      if (error instanceof UnreadableFile) return { kind: 'unreadable', message: error.message };
      const why = error instanceof Error ? error.message : String(error);
      return { kind: 'unreadable', message: `The file could not be read: ${why}` };
    }
  }

  return {
    async analyse(
      request: AnalyseRequest,
      progress: ProgressHook,
      fetchExisting: FetchExisting,
    ): Promise<AnalyseOutcome> {
      cancelRequested = false;
      plan = undefined;
      table = undefined;
      fileContext = { fileName: request.fileName, importedAt: request.importedAt };
      if (request.index !== undefined) {
        index = parseIndex(request.index);
      }
      const onProgress = throttled(progress);
      return guarded(async () => {
        const parsed = parseFile(new Uint8Array(request.bytes), context(onProgress));
        if (parsed.kind === 'needs-mapping') {
          table = parsed.table;
          return {
            kind: 'needs-mapping',
            mapping: {
              detected: parsed.detected,
              header: parsed.table.header,
              sample: sampleOf(parsed.table),
              guess: guessMapping(parsed.table),
              rowCount: parsed.table.rows.length,
            },
          };
        }
        return toPlan(parsed.result, onProgress, fetchExisting);
      });
    },

    /** The generic CSV read with the user's mapping, then planned as any other file. */
    async applyMapping(
      mapping: ColumnMapping,
      valueUnit: ValueUnit | undefined,
      progress: ProgressHook,
      fetchExisting: FetchExisting,
    ): Promise<AnalyseOutcome> {
      cancelRequested = false;
      const onProgress = throttled(progress);
      return guarded(async () => {
        if (!table) throw new UnreadableFile('Choose the file again: its table is no longer held.');
        const result = applyMapping(table, mapping, context(onProgress), valueUnit ? { valueUnit } : {});
        return toPlan(result, onProgress, fetchExisting);
      });
    },

    /** A page of the new deals, for the preview's list. */
    added(offset: number, limit: number): AddedRow[] {
      return (plan?.added ?? []).slice(offset, offset + limit).map(({ deal, places }) => ({
        id: deal.id,
        title: deal.title,
        supplierCountries: deal.supplierCountries,
        buyerCountries: deal.buyerCountries,
        places,
      }));
    },

    /** The new deals themselves, a chunk at a time, for the batch write. */
    addedDeals(offset: number, limit: number): ParsedDeal[] {
      return (plan?.added ?? []).slice(offset, offset + limit);
    },

    cancel(): void {
      cancelRequested = true;
    },
  };
}

export type ImportCore = ReturnType<typeof createImportCore>;
