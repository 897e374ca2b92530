import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { dealQueries } from '../../api';
import { useApiContext } from '../../components/api-context';
import { download } from '../../components/chart-export/raster';
import { DataText } from '../../components/data-text';
import { formatCount } from '../../domain';
import { importReportCsv, importReportName } from '../../domain/import/report-csv';
import type { ColumnMapping, DetectedFile } from '../../domain/import/types';
import { MAX_IMPORT_BYTES, type ValueUnit } from './domain-bridge';
import { FilePicker } from './file-picker';
import { allAddedDeals, createImportRunner, fetchExistingFrom, type ImportRunner } from './import-client';
import type { AnalyseOutcome, MappingNeeded, PlanSummary } from './import-core';
import { ImportPreview } from './import-preview';
import { MappingStep } from './mapping-step';
import { onHandOver, takePendingFile } from './pending-file';
import { useCommitImport } from './use-commit-import';
import './import.css';

interface Progress {
  done: number;
  total: number;
  phase: string;
  startedAt: number;
  now: number;
}

type Step =
  | { step: 'pick'; notice?: { tone: 'info' | 'error'; text: string } }
  | { step: 'reading'; fileName: string; progress: Progress }
  | { step: 'mapping'; fileName: string; needed: MappingNeeded }
  | { step: 'preview'; fileName: string; summary: PlanSummary };

function megabytes(bytes: number): string {
  return `${formatCount(Math.round(bytes / (1024 * 1024)))} MB`;
}

function DetectionLine({ detected }: { detected: DetectedFile }) {
  return (
    <p className="import-detected" role="status">
      <span className="import-detected__lead">Read as: </span>
      <DataText>{detected.description}</DataText>
    </p>
  );
}

function ProgressStep({
  fileName,
  progress,
  onCancel,
}: {
  fileName: string;
  progress: Progress;
  onCancel: () => void;
}) {
  const labelId = useId();
  const seconds = (progress.now - progress.startedAt) / 1000;
  const rate = seconds > 0.2 && progress.done > 0 ? Math.round(progress.done / seconds) : undefined;
  return (
    <section className="card import-section import-progress" aria-labelledby={labelId}>
      <h2 id={labelId}>
        Reading <DataText>{fileName}</DataText>
      </h2>
      <progress
        aria-labelledby={labelId}
        max={progress.total > 0 ? progress.total : undefined}
        value={progress.total > 0 ? progress.done : undefined}
      />
      <p className="import-progress__line">
        {progress.phase}
        {progress.total > 0 ? `: ${formatCount(progress.done)} of ${formatCount(progress.total)} rows` : '…'}
        {rate !== undefined ? `, ${formatCount(rate)} rows a second` : ''}
      </p>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </section>
  );
}

/**
 * Import a register or an export: pick or drop a file, see what the tracker understood it to be, map
 * a strange CSV's columns, see the preview (new deals, what changes in matching ones, every row that
 * cannot be imported), and only then confirm. Parsing runs in a Web Worker (import-client.ts).
 */
export function ImportPage() {
  const context = useApiContext();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>({ step: 'pick' });
  const runnerRef = useRef<ImportRunner | null>(null);
  const run = useRef(0);
  /** The run whose answer has arrived: progress for it after that is stale. */
  const settled = useRef(0);
  const commit = useCommitImport();
  const resetCommit = commit.reset;

  const runner = () => (runnerRef.current ??= createImportRunner());
  useEffect(() => () => runnerRef.current?.dispose(), []);

  const onProgress = useCallback((id: number, fileName: string) => {
    const startedAt = performance.now();
    return (done: number, total: number, phase: string) => {
      // Progress comes over its own message port, so its last message can arrive after the answer.
      if (run.current !== id || settled.current === id) return;
      setStep({
        step: 'reading',
        fileName,
        progress: { done, total, phase, startedAt, now: performance.now() },
      });
    };
  }, []);

  const settle = useCallback((id: number, fileName: string, outcome: AnalyseOutcome) => {
    if (run.current !== id) return;
    settled.current = id;
    if (outcome.kind === 'cancelled')
      setStep({ step: 'pick', notice: { tone: 'info', text: 'Import cancelled. Nothing was changed.' } });
    else if (outcome.kind === 'unreadable')
      setStep({ step: 'pick', notice: { tone: 'error', text: outcome.message } });
    else if (outcome.kind === 'needs-mapping')
      setStep({ step: 'mapping', fileName, needed: outcome.mapping });
    else {
      performance.mark('import:preview');
      setStep({ step: 'preview', fileName, summary: outcome.summary });
    }
  }, []);

  const fail = useCallback((id: number, error: unknown) => {
    if (run.current !== id) return;
    settled.current = id;
    const why = error instanceof Error ? error.message : String(error);
    setStep({
      step: 'pick',
      notice: { tone: 'error', text: `The file could not be read: ${why} Nothing was changed.` },
    });
  }, []);

  const start = useCallback(
    async (file: File) => {
      const id = ++run.current;
      resetCommit();
      performance.mark('import:start');
      if (file.size > MAX_IMPORT_BYTES) {
        setStep({
          step: 'pick',
          notice: {
            tone: 'error',
            text: `“${file.name}” is ${megabytes(file.size)}: the importer reads files up to ${megabytes(MAX_IMPORT_BYTES)}. Nothing was read or changed.`,
          },
        });
        return;
      }
      const progress = onProgress(id, file.name);
      progress(0, 0, 'Opening the file');
      try {
        const [bytes, list] = await Promise.all([
          file.arrayBuffer(),
          queryClient.ensureQueryData(dealQueries.list(context)),
        ]);
        if (run.current !== id) return;
        const outcome = await runner().analyse(
          { name: file.name, bytes },
          list.deals,
          progress,
          fetchExistingFrom(context),
        );
        settle(id, file.name, outcome);
      } catch (error) {
        fail(id, error);
      }
    },
    [resetCommit, context, fail, onProgress, queryClient, settle],
  );

  // A file dropped on another page, handed over by the shell's drop-anywhere.
  useEffect(() => {
    const take = () => {
      const file = takePendingFile();
      if (file) void start(file);
    };
    take();
    return onHandOver(take);
  }, [start]);

  const cancel = () => {
    run.current++;
    runnerRef.current?.cancel();
    setStep({ step: 'pick', notice: { tone: 'info', text: 'Import cancelled. Nothing was changed.' } });
  };

  const applyMapping = async (fileName: string, mapping: ColumnMapping, valueUnit: ValueUnit | undefined) => {
    const id = ++run.current;
    const progress = onProgress(id, fileName);
    progress(0, 0, 'Reading rows');
    try {
      settle(
        id,
        fileName,
        await runner().applyMapping(mapping, valueUnit, progress, fetchExistingFrom(context)),
      );
    } catch (error) {
      fail(id, error);
    }
  };

  const confirm = async (fileName: string, summary: PlanSummary) => {
    const id = run.current;
    const added = await allAddedDeals(runner(), summary.addedCount);
    if (run.current !== id) return;
    const done = await commit.commit({ ...summary, added }, fileName);
    if (done && run.current === id) {
      runnerRef.current?.dispose();
      runnerRef.current = null;
      setStep({ step: 'pick', notice: { tone: 'info', text: done } });
    }
  };

  const downloadReport = (fileName: string, summary: PlanSummary) => {
    download(
      new Blob([importReportCsv(summary.rejected)], { type: 'text/csv;charset=utf-8' }),
      importReportName(fileName),
    );
  };

  return (
    <section className="page import-page" aria-labelledby="import-heading">
      <h1 id="import-heading">Import</h1>
      <p className="import-page__intro">
        Bring in a register you downloaded. The tracker says what it found, shows what would be added and what
        would change, and writes nothing until you confirm; the whole import can then be undone in one step.
      </p>
      {step.step === 'pick' ? (
        <>
          {step.notice ? (
            <p
              className={step.notice.tone === 'error' ? 'notice notice--error' : 'notice'}
              role={step.notice.tone === 'error' ? 'alert' : 'status'}
            >
              <DataText>{step.notice.text}</DataText>
            </p>
          ) : null}
          <FilePicker onFile={(file) => void start(file)} />
        </>
      ) : null}
      {step.step === 'reading' ? (
        <ProgressStep fileName={step.fileName} progress={step.progress} onCancel={cancel} />
      ) : null}
      {step.step === 'mapping' ? (
        <>
          <DetectionLine detected={step.needed.detected} />
          <MappingStep
            needed={step.needed}
            fileName={step.fileName}
            onApply={(mapping, valueUnit) => void applyMapping(step.fileName, mapping, valueUnit)}
            onCancel={cancel}
          />
        </>
      ) : null}
      {step.step === 'preview' ? (
        <>
          <DetectionLine detected={step.summary.detected} />
          <ImportPreview
            summary={step.summary}
            fileName={step.fileName}
            page={runner().added}
            onConfirm={() => void confirm(step.fileName, step.summary)}
            onCancel={cancel}
            onDownloadReport={() => downloadReport(step.fileName, step.summary)}
            committing={commit.pending}
            commitError={commit.error}
          />
        </>
      ) : null}
    </section>
  );
}
