import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { dealQueries, fetchBackup, metaQueries } from '../../api';
import { useApiContext } from '../../components/api-context';
import { ConfirmDialog } from '../../components/conflict/confirm-dialog';
import { ContextLink } from '../../components/context-link';
import { DataText } from '../../components/data-text';
import { download } from '../../components/chart-export/raster';
import { useImportBackup, useResetData } from '../../components/use-deal-mutations';
import { formatCount, type ImportPreviewBody } from '../../domain';
import { backupFileName, editedDealCount, readBackupFile } from './backup-file';
import './data-admin.css';

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Backup, restore and reset of the data set's edits. A backup is `GET /api/export` as one JSON file;
 * a restore reads such a file, asks the server for a dry run and shows what would change before
 * anything is written; a reset says how many edited deals it drops before it drops them. A refused
 * write (storage full, no storage) shows the API's message, and what was on screen stays.
 */
export function DataPage() {
  const context = useApiContext();
  const { data: meta } = useQuery(metaQueries.meta(context));
  return (
    <section className="page data-page">
      <h1>Data: back up, restore, reset</h1>
      <p className="data-page__intro">
        Edits are kept in this browser, per data set. Back them up to a file, bring a backup back, or drop
        every edit and start again from the data as shipped.
      </p>
      {meta?.synthetic ? (
        <p className="banner banner--synthetic" role="note">
          <strong>Synthetic data set.</strong> Its records are generated, not real deals; a backup of it is
          named and marked as synthetic.
        </p>
      ) : null}
      <BackupSection synthetic={meta?.synthetic ?? false} />
      <RestoreSection />
      <ResetSection datasetName={meta?.synthetic ? 'the generated data' : 'the seed data'} />
      <p>
        <ContextLink to="/deleted">Deleted deals</ContextLink> can be brought back one by one.
      </p>
    </section>
  );
}

function BackupSection({ synthetic }: { synthetic: boolean }) {
  const context = useApiContext();
  const headingId = useId();
  const backup = useMutation({
    mutationFn: () => fetchBackup(context),
    onSuccess: (body) => {
      const text = JSON.stringify(body, null, 2);
      const name = backupFileName(body.dataset, synthetic, new Date());
      download(new Blob([text], { type: 'application/json' }), name);
      return name;
    },
  });
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Back up</h2>
      <p>Every deal of this data set with its whole history, as one JSON file.</p>
      <button type="button" onClick={() => backup.mutate()} disabled={backup.isPending}>
        {backup.isPending ? 'Preparing the backup…' : 'Back up all data (JSON)'}
      </button>
      <div aria-live="polite">
        {backup.isSuccess ? (
          <p className="data-page__done">
            Saved {formatCount(backup.data.deals.length)} deals as{' '}
            <code>{backupFileName(backup.data.dataset, synthetic, new Date())}</code>.
          </p>
        ) : null}
      </div>
      {backup.isError ? (
        <p className="notice notice--error" role="alert">
          Could not make the backup. {errorMessage(backup.error)}
        </p>
      ) : null}
    </section>
  );
}

type Chosen = { backup: unknown; name: string };

function RestoreSection() {
  const headingId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  // Two of them: the dry run's answer stays on screen while the import runs (or fails).
  const preview = useImportBackup();
  const apply = useImportBackup();

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setReadError(null);
    preview.reset();
    apply.reset();
    const read = await readBackupFile(file);
    if (!read.ok) {
      setChosen(null);
      setReadError(read.message);
      return;
    }
    setChosen({ backup: read.backup, name: read.name });
    preview.mutate({ backup: read.backup, dryRun: true });
  };

  const titles = titlesOf(chosen?.backup);
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Restore from a backup</h2>
      <p>
        The backup&apos;s deals become this data set&apos;s: you see what would change first, and nothing is
        written until you apply it.
      </p>
      <label className="data-page__file">
        <span>Restore from a backup…</span>
        <input ref={input} type="file" accept="application/json,.json" onChange={(e) => void onFile(e)} />
      </label>
      {readError ? (
        <p className="notice notice--error" role="alert">
          {readError}
        </p>
      ) : null}
      {preview.isPending ? <p role="status">Checking the backup…</p> : null}
      {preview.isError ? (
        <p className="notice notice--error" role="alert">
          Could not check the backup. {errorMessage(preview.error)} Nothing was changed.
        </p>
      ) : null}
      {chosen && preview.data && !apply.isSuccess ? (
        <div className="restore-preview">
          <h3>
            If you apply <DataText>{chosen.name}</DataText>:
          </h3>
          <ImportSummary result={preview.data} titles={titles} />
          {apply.isError ? (
            <p className="notice notice--error" role="alert">
              Could not apply the backup. {errorMessage(apply.error)}
            </p>
          ) : null}
          <div className="data-page__actions">
            <button
              type="button"
              onClick={() => apply.mutate({ backup: chosen.backup, dryRun: false })}
              disabled={apply.isPending || nothingToDo(preview.data)}
            >
              {apply.isPending ? 'Applying…' : 'Apply'}
            </button>
            <button
              type="button"
              className="button--quiet"
              onClick={() => {
                setChosen(null);
                preview.reset();
                if (input.current) input.current.value = '';
              }}
              disabled={apply.isPending}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      <div aria-live="polite">
        {apply.isSuccess ? (
          <div className="restore-preview">
            <h3>Restored from the backup</h3>
            <ImportSummary result={apply.data} titles={titles} />
          </div>
        ) : null}
      </div>
    </section>
  );
}

function nothingToDo(result: ImportPreviewBody): boolean {
  return result.added.length + result.changed.length + result.deleted.length + result.restored.length === 0;
}

/** Each backed-up deal's title by id, so the preview names deals as the app does. */
function titlesOf(backup: unknown): Map<string, string> {
  const titles = new Map<string, string>();
  if (typeof backup !== 'object' || backup === null) return titles;
  const deals = (backup as { deals?: unknown }).deals;
  if (!Array.isArray(deals)) return titles;
  for (const entry of deals) {
    const data = (entry as { data?: unknown } | null)?.data as { id?: unknown; title?: unknown } | undefined;
    if (typeof data?.id === 'string' && typeof data.title === 'string') titles.set(data.id, data.title);
  }
  return titles;
}

const GROUPS = [
  ['added', 'added'],
  ['changed', 'changed'],
  ['deleted', 'deleted'],
  ['restored', 'restored from the deleted deals'],
] as const;

function ImportSummary({ result, titles }: { result: ImportPreviewBody; titles: Map<string, string> }) {
  const verb = result.dryRun ? 'would be' : 'were';
  return (
    <div className="import-summary">
      <ul className="import-summary__counts">
        {GROUPS.map(([key, words]) => (
          <li key={key}>
            <strong>{formatCount(result[key].length)}</strong> {result[key].length === 1 ? 'deal' : 'deals'}{' '}
            {verb} {words}
          </li>
        ))}
        <li>
          <strong>{formatCount(result.unchanged)}</strong> unchanged
        </li>
        <li>
          <strong>{formatCount(result.rejected.length)}</strong> rejected
        </li>
      </ul>
      {GROUPS.map(([key, words]) =>
        result[key].length > 0 ? (
          <details key={key} className="import-summary__group" open={result[key].length <= 10}>
            <summary>
              {words.charAt(0).toUpperCase() + words.slice(1)} ({formatCount(result[key].length)})
            </summary>
            <ul>
              {result[key].slice(0, 500).map((id) => (
                <li key={id}>
                  {titles.has(id) ? (
                    <>
                      <DataText>{titles.get(id) ?? ''}</DataText>{' '}
                    </>
                  ) : null}
                  <code>
                    <DataText>{id}</DataText>
                  </code>
                </li>
              ))}
              {result[key].length > 500 ? <li>and {formatCount(result[key].length - 500)} more</li> : null}
            </ul>
          </details>
        ) : null,
      )}
      {result.rejected.length > 0 ? (
        <details className="import-summary__group" open>
          <summary>Rejected, and skipped ({formatCount(result.rejected.length)})</summary>
          <ul>
            {result.rejected.slice(0, 500).map((r) => (
              <li key={r.index}>
                Record {r.index + 1}
                {r.id ? (
                  <>
                    {' '}
                    (
                    <code>
                      <DataText>{r.id}</DataText>
                    </code>
                    )
                  </>
                ) : null}
                : <DataText>{r.message}</DataText>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function ResetSection({ datasetName }: { datasetName: string }) {
  const context = useApiContext();
  const headingId = useId();
  const [asking, setAsking] = useState(false);
  const count = useQuery({
    queryKey: [...dealQueries.all(context), 'edited-count'] as const,
    queryFn: async ({ signal }) => editedDealCount(await fetchBackup(context, signal)),
    enabled: asking,
    staleTime: 0,
  });
  const reset = useResetData();
  const edited = count.data;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Reset</h2>
      <p>
        Drops every edit, addition and deletion of this data set in this browser. Back up first to keep them.
      </p>
      <button
        type="button"
        className="button--danger"
        onClick={() => {
          reset.reset();
          setAsking(true);
        }}
      >
        Reset to {datasetName}
      </button>
      <div aria-live="polite">
        {reset.isSuccess ? (
          <p className="data-page__done">
            Reset: {formatCount(reset.data.dropped)} edited {reset.data.dropped === 1 ? 'deal' : 'deals'}{' '}
            dropped. The data is as shipped.
          </p>
        ) : null}
      </div>
      {asking ? (
        <ConfirmDialog
          title={`Reset to ${datasetName}?`}
          confirmLabel="Reset"
          danger
          busy={reset.isPending || count.isPending}
          error={
            reset.isError
              ? `Could not reset. ${errorMessage(reset.error)}`
              : count.isError
                ? `Could not count the edited deals. ${errorMessage(count.error)}`
                : undefined
          }
          onCancel={() => setAsking(false)}
          onConfirm={() => reset.mutate(undefined, { onSuccess: () => setAsking(false) })}
        >
          <p>
            {edited === undefined
              ? 'Counting the edited deals…'
              : edited === 0
                ? 'No deal has been edited: nothing will be dropped.'
                : `${formatCount(edited)} edited ${edited === 1 ? 'deal' : 'deals'} will be dropped, with ${edited === 1 ? 'its' : 'their'} history.`}{' '}
            This cannot be undone.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
