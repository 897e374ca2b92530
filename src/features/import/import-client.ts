/**
 * Runs the import (import-core.ts) in a Web Worker through comlink, or in this thread where there is no
 * Worker (jsdom), with the same functions either way. Cancelling terminates the worker: a parser busy
 * in a loop cannot read a message, and a terminated worker stops at once. The next file gets a new one.
 */
import * as Comlink from 'comlink';
import { fetchDeal } from '../../api';
import type { ApiContext, Deal } from '../../domain';
import type { ColumnMapping, ParsedDeal } from '../../domain/import/types';
import { existingKeys, type ValueUnit } from './domain-bridge';
import {
  createImportCore,
  type AddedRow,
  type AnalyseOutcome,
  type ExistingRecord,
  type FetchExisting,
  type ImportCore,
  type ProgressHook,
} from './import-core';

export interface ImportRunner {
  analyse(
    file: { name: string; bytes: ArrayBuffer },
    existing: readonly Deal[],
    onProgress: ProgressHook,
    fetchExisting: FetchExisting,
  ): Promise<AnalyseOutcome>;
  applyMapping(
    mapping: ColumnMapping,
    valueUnit: ValueUnit | undefined,
    onProgress: ProgressHook,
    fetchExisting: FetchExisting,
  ): Promise<AnalyseOutcome>;
  added: (offset: number, limit: number) => Promise<AddedRow[]>;
  addedDeals: (offset: number, limit: number) => Promise<ParsedDeal[]>;
  /** Stops the work in progress; the promise it was running for resolves `cancelled`. */
  cancel(): void;
  dispose(): void;
  readonly inWorker: boolean;
}

/** Deals per slice while the index is built, so no slice holds the main thread for long. */
const INDEX_SLICE = 1500;
const indexes = new WeakMap<readonly Deal[], Promise<string>>();

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The existing deals' match keys as `key\tid` lines, built in slices between which the page can paint
 * and answer input; one per list of deals (a save makes a new list, and a new index).
 */
export function existingIndex(deals: readonly Deal[]): Promise<string> {
  let index = indexes.get(deals);
  if (!index) {
    index = (async () => {
      const begun = performance.now();
      const lines: string[] = [];
      for (let start = 0; start < deals.length; start += INDEX_SLICE) {
        if (start > 0) await nextTask();
        for (const deal of deals.slice(start, start + INDEX_SLICE))
          for (const key of existingKeys(deal)) lines.push(`${key}\t${deal.id}`);
      }
      const text = lines.join('\n');
      performance.measure(`import: index of ${deals.length} deals, ${text.length} chars`, { start: begun });
      return text;
    })();
    indexes.set(deals, index);
  }
  return index;
}

/** The matched deals with their revisions (the batch write's `ifMatch`), a few requests at a time. */
export function fetchExistingFrom(context: ApiContext, signal?: AbortSignal): FetchExisting {
  return async (ids) => {
    const out: ExistingRecord[] = [];
    let next = 0;
    const lane = async () => {
      while (next < ids.length) {
        const id = ids[next++]!;
        const stored = await fetchDeal(context, id, signal);
        if (!stored.deleted) out.push({ deal: stored.deal, revision: stored.revision });
      }
    };
    await Promise.all(Array.from({ length: Math.min(6, ids.length) }, lane));
    return out;
  };
}

function inProcessRunner(): ImportRunner {
  let core: ImportCore = createImportCore();
  let cancelled = false;
  const watch = async (run: Promise<AnalyseOutcome>): Promise<AnalyseOutcome> => {
    const outcome = await run;
    return cancelled ? { kind: 'cancelled' } : outcome;
  };
  return {
    inWorker: false,
    async analyse(file, existing, onProgress, fetchExisting) {
      cancelled = false;
      const index = await existingIndex(existing);
      return watch(
        core.analyse(
          { bytes: file.bytes, fileName: file.name, importedAt: new Date().toISOString(), index },
          onProgress,
          fetchExisting,
        ),
      );
    },
    applyMapping(mapping, valueUnit, onProgress, fetchExisting) {
      cancelled = false;
      return watch(core.applyMapping(mapping, valueUnit, onProgress, fetchExisting));
    },
    added: (offset, limit) => Promise.resolve(core.added(offset, limit)),
    addedDeals: (offset, limit) => Promise.resolve(core.addedDeals(offset, limit)),
    cancel() {
      cancelled = true;
      core.cancel();
      core = createImportCore();
    },
    dispose() {
      core = createImportCore();
    },
  };
}

function workerRunner(): ImportRunner {
  let worker: Worker | undefined;
  let remote: Comlink.Remote<ImportCore> | undefined;
  /** The list of deals whose index the current worker holds. */
  let indexed: readonly Deal[] | undefined;
  let stop: (() => void) | undefined;

  const connect = (): Comlink.Remote<ImportCore> => {
    if (!remote) {
      worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
      remote = Comlink.wrap<ImportCore>(worker);
      indexed = undefined;
    }
    return remote;
  };
  const terminate = () => {
    worker?.terminate();
    remote?.[Comlink.releaseProxy]();
    worker = undefined;
    remote = undefined;
    indexed = undefined;
  };
  /** The call's answer, or `cancelled` as soon as cancel() is called (the worker is then gone). */
  const cancellable = (run: Promise<AnalyseOutcome>): Promise<AnalyseOutcome> =>
    new Promise((resolve, reject) => {
      stop = () => resolve({ kind: 'cancelled' });
      run.then(resolve, reject).finally(() => (stop = undefined));
    });

  return {
    inWorker: true,
    async analyse(file, existing, onProgress, fetchExisting) {
      const core = connect();
      const index = indexed === existing ? undefined : await existingIndex(existing);
      indexed = existing;
      const request = { bytes: file.bytes, fileName: file.name, importedAt: new Date().toISOString(), index };
      const posted = performance.now();
      const call = core.analyse(
        Comlink.transfer(request, [file.bytes]),
        Comlink.proxy(onProgress),
        Comlink.proxy(fetchExisting),
      );
      // The structured clone of the request happens here, on this thread: what the index costs to send.
      performance.measure(`import: post to the worker (index ${index?.length ?? 0} chars)`, {
        start: posted,
      });
      return cancellable(call);
    },
    applyMapping(mapping, valueUnit, onProgress, fetchExisting) {
      return cancellable(
        connect().applyMapping(mapping, valueUnit, Comlink.proxy(onProgress), Comlink.proxy(fetchExisting)),
      );
    },
    added: (offset, limit) => connect().added(offset, limit),
    addedDeals: (offset, limit) => connect().addedDeals(offset, limit),
    // Only a busy worker is stopped: an idle one (the preview on screen) keeps the index it was sent.
    cancel() {
      if (!stop) return;
      terminate();
      stop();
    },
    dispose: terminate,
  };
}

/** A worker where the browser has them; the same functions in this thread where it does not. */
export function createImportRunner(options: { inProcess?: boolean } = {}): ImportRunner {
  return options.inProcess || typeof Worker === 'undefined' ? inProcessRunner() : workerRunner();
}

/** Every new deal of the plan, fetched from the runner in chunks so no one message is large. */
export async function allAddedDeals(runner: ImportRunner, count: number): Promise<ParsedDeal[]> {
  const CHUNK = 2000;
  const out: ParsedDeal[] = [];
  for (let offset = 0; offset < count; offset += CHUNK) out.push(...(await runner.addedDeals(offset, CHUNK)));
  return out;
}
