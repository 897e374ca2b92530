import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { dealQueries, isApiError, type StoredDeal } from '../../api';
import { useApiContext } from '../../components/api-context';
import { DataText } from '../../components/data-text';
import {
  CONFIDENCES,
  FIGURE_KINDS,
  formatFigure,
  formatPartialDate,
  headlineFigure,
  LABELS,
  type Confidence,
  type Deal,
  type FigureKind,
} from '../../domain';
import {
  dealFromDraft,
  draftFromDeal,
  emptySource,
  fieldKeyOf,
  figureIdFor,
  sourceIdFor,
  type DraftIssue,
} from '../../domain/model/deal-draft';
import { FieldContext, SelectField, TextField, type FormFieldContext } from './form-fields';
import { notSavedMessage, useSaveDeal } from './use-save-deal';
import './deal-form.css';

/*
 * The deal page's Money actions: "Add a reported figure" (a small dialog; the whole record is PUT with
 * the figure appended) and, where there are several figures, which one is the headline. Figures that
 * disagree stay side by side: adding one never replaces another.
 */

const NEW_SOURCE = '__new__';

interface FigureFields {
  amount: string;
  currency: string;
  kind: FigureKind | '';
  asOf: string;
  confidence: Confidence;
  approximate: boolean;
  sourceId: string;
  publisher: string;
  title: string;
  url: string;
  headline: boolean;
}

/** The deal with the figure appended (and a new source, if one was typed), checked by the schema. */
export function withFigure(deal: Deal, fields: FigureFields) {
  const draft = draftFromDeal(deal);
  let sourceId = fields.sourceId;
  if (sourceId === NEW_SOURCE) {
    sourceId = sourceIdFor(
      fields.publisher,
      fields.title,
      draft.sources.map((s) => s.id),
    );
    draft.sources.push({
      ...emptySource(),
      id: sourceId,
      publisher: fields.publisher,
      title: fields.title,
      url: fields.url,
    });
  }
  const id = figureIdFor(
    { currency: fields.currency, kind: fields.kind, asOf: fields.asOf },
    draft.figures.map((f) => f.id),
  );
  draft.figures.push({
    key: 'added',
    id,
    amount: fields.amount,
    currency: fields.currency,
    kind: fields.kind,
    approximate: fields.approximate,
    asOf: fields.asOf,
    confidence: fields.confidence,
    sourceIds: sourceId ? [sourceId] : [],
    note: '',
  });
  if (fields.headline || draft.headlineFigureId === '') draft.headlineFigureId = id;
  return {
    result: dealFromDraft(draft),
    figureIndex: draft.figures.length - 1,
    sourceIndex: draft.sources.length - 1,
  };
}

export function MoneyActions({ id }: { id: string }) {
  const { data } = useQuery(dealQueries.detail(useApiContext(), id));
  if (!data || data.deleted) return null;
  return (
    <div className="money-actions">
      <AddFigure stored={data} />
      {data.deal.figures.length > 1 ? <HeadlineChoice stored={data} /> : null}
    </div>
  );
}

function AddFigure({ stored }: { stored: StoredDeal }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Add a reported figure
      </button>
      {open ? <FigureDialog stored={stored} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function initialFields(deal: Deal): FigureFields {
  return {
    amount: '',
    currency: headlineFigure(deal)?.currency ?? deal.figures[0]?.currency ?? 'USD',
    kind: '',
    asOf: '',
    confidence: 'confirmed',
    approximate: false,
    sourceId: deal.sources.length === 1 ? deal.sources[0]!.id : '',
    publisher: '',
    title: '',
    url: '',
    headline: deal.figures.length === 0,
  };
}

function FigureDialog({ stored, onClose }: { stored: StoredDeal; onClose: () => void }) {
  const { update } = useSaveDeal();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [fields, setFields] = useState(() => initialFields(stored.deal));
  const [base, setBase] = useState(stored);
  const [submitted, setSubmitted] = useState(false);
  const [serverIssues, setServerIssues] = useState<DraftIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [newer, setNewer] = useState<StoredDeal | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const deal = base.deal;
  const { result, figureIndex, sourceIndex } = useMemo(() => withFigure(deal, fields), [deal, fields]);
  // The dialog's fields are the appended figure's and the new source's; an issue elsewhere in the
  // record (a stored record the schema no longer accepts) is said in words above the buttons.
  const figurePrefix = `figures.${figureIndex}.`;
  const sourcePrefix = `sources.${sourceIndex}.`;
  const issues = [...(result.ok ? [] : result.issues), ...serverIssues];
  const dialogKey = (issue: DraftIssue): string | null => {
    const key = fieldKeyOf(issue.path);
    if (key.startsWith(figurePrefix)) return `figure.${key.slice(figurePrefix.length)}`;
    if (fields.sourceId === NEW_SOURCE && key.startsWith(sourcePrefix))
      return `source.${key.slice(sourcePrefix.length)}`;
    if (key === 'headlineFigureId') return 'figure.headline';
    return null;
  };
  const byField = new Map<string, string[]>();
  const elsewhere: string[] = [];
  for (const issue of issues) {
    const key = dialogKey(issue);
    if (key === null) elsewhere.push(issue.message);
    else byField.set(key, [...(byField.get(key) ?? []), issue.message]);
  }
  // A source picked from the list is one field: "cite at least one source" belongs to the picker.
  if (byField.has('figure.sourceIds')) byField.set('figure.source', byField.get('figure.sourceIds')!);

  const context: FormFieldContext = {
    errorsOf: (key) => (submitted ? (byField.get(key) ?? []) : []),
    touch: () => {},
  };
  const set = (patch: Partial<FigureFields>) => {
    setFields((f) => ({ ...f, ...patch }));
    setServerIssues([]);
    setError(null);
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setError(null);
    setServerIssues([]);
    if (!result.ok) {
      requestAnimationFrame(() =>
        dialog.current
          ?.querySelector<HTMLElement>('[aria-invalid="true"], [aria-invalid="true"] input')
          ?.focus(),
      );
      return;
    }
    setSaving(true);
    try {
      await update(
        deal.id,
        result.record,
        base.revision,
        `Added a reported figure: ${formatFigure(result.record.figures[figureIndex]!)}`,
      );
      dialog.current?.close();
    } catch (caught) {
      if (isApiError(caught) && caught.kind === 'conflict' && caught.current) {
        setNewer(caught.current);
        setError(
          `Nothing was saved: the deal was saved elsewhere meanwhile (revision ${caught.current.revision}; this page had revision ${base.revision}). Your figure is still here.`,
        );
      } else if (isApiError(caught) && caught.kind === 'invalid' && caught.issues.length > 0) {
        setServerIssues([...caught.issues]);
        setError(`The server refused the record: ${caught.message}`);
      } else {
        setError(`${notSavedMessage(caught)} Your figure is still here; try again.`);
      }
    } finally {
      setSaving(false);
    }
  }

  const sourceOptions = [...deal.sources.map((s) => s.id), NEW_SOURCE];
  const sourceLabels: Record<string, string> = { [NEW_SOURCE]: 'A new source…' };
  for (const s of deal.sources) sourceLabels[s.id] = `${s.publisher}: ${s.title}`;

  return (
    <dialog ref={dialog} className="figure-dialog" aria-labelledby={titleId} onClose={onClose}>
      <FieldContext.Provider value={context}>
        <form noValidate onSubmit={(e) => void save(e)}>
          <h2 id={titleId}>Add a reported figure</h2>
          <p className="muted">
            Added beside the deal&apos;s other figures, never in place of one: where sources disagree, both
            stay.
          </p>
          <div className="form-grid">
            <TextField
              field="figure.amount"
              label="Amount"
              hint="In whole units of the currency: 3500000000."
              inputMode="numeric"
              value={fields.amount}
              onChange={(amount) => set({ amount })}
            />
            <TextField
              field="figure.currency"
              label="Currency"
              maxLength={3}
              spellCheck={false}
              value={fields.currency}
              onChange={(currency) => set({ currency })}
            />
            <SelectField
              field="figure.kind"
              label="Kind"
              options={FIGURE_KINDS}
              labels={LABELS.figureKind}
              value={fields.kind}
              onChange={(kind) => set({ kind })}
            />
            <TextField
              field="figure.asOf"
              label="As of"
              hint="YYYY, YYYY-MM or YYYY-MM-DD"
              value={fields.asOf}
              onChange={(asOf) => set({ asOf })}
            />
            <SelectField
              field="figure.confidence"
              label="Confidence"
              options={CONFIDENCES}
              labels={LABELS.confidence}
              placeholder={null}
              value={fields.confidence}
              onChange={(confidence) => set({ confidence: confidence || 'confirmed' })}
            />
            <label className="check form-row__check">
              <input
                type="checkbox"
                checked={fields.approximate}
                onChange={(e) => set({ approximate: e.target.checked })}
              />
              <span>Approximate (“about”, “over”)</span>
            </label>
            <SelectField
              field="figure.source"
              label="Source"
              className="form-grid__wide"
              options={sourceOptions}
              labels={sourceLabels}
              value={fields.sourceId}
              onChange={(sourceId) => set({ sourceId })}
            />
            {fields.sourceId === NEW_SOURCE ? (
              <>
                <TextField
                  field="source.publisher"
                  label="Publisher of the new source"
                  value={fields.publisher}
                  onChange={(publisher) => set({ publisher })}
                />
                <TextField
                  field="source.title"
                  label="Title of the new source"
                  value={fields.title}
                  onChange={(title) => set({ title })}
                />
                <TextField
                  field="source.url"
                  label="URL (optional)"
                  className="form-grid__wide"
                  spellCheck={false}
                  value={fields.url}
                  onChange={(url) => set({ url })}
                />
              </>
            ) : null}
            <label className="check form-grid__wide">
              <input
                type="checkbox"
                checked={fields.headline}
                disabled={deal.figures.length === 0}
                onChange={(e) => set({ headline: e.target.checked })}
              />
              <span>
                Make this the headline figure
                {deal.figures.length === 0 ? ' (the deal has no other)' : null}
              </span>
            </label>
          </div>
          {error || (submitted && elsewhere.length > 0) ? (
            <div className="notice notice--error" role="alert">
              <div>
                {error ? (
                  <p>
                    <DataText>{error}</DataText>
                  </p>
                ) : null}
                {submitted && elsewhere.length > 0 ? (
                  <p>
                    Elsewhere in the record: <DataText>{elsewhere.join(' ')}</DataText>
                  </p>
                ) : null}
              </div>
            </div>
          ) : null}
          <div className="form-actions">
            {newer ? (
              <button
                type="button"
                disabled={saving}
                onClick={() => {
                  setBase(newer);
                  setNewer(null);
                  setError(null);
                }}
              >
                Add it to revision {newer.revision}
              </button>
            ) : (
              <button type="submit" disabled={saving}>
                {saving ? 'Saving…' : 'Add figure'}
              </button>
            )}
            <button type="button" className="button--quiet" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          </div>
        </form>
      </FieldContext.Provider>
    </dialog>
  );
}

/** Which figure is the headline, where a deal has several: the choice is the user's, never the app's. */
function HeadlineChoice({ stored }: { stored: StoredDeal }) {
  const { update } = useSaveDeal();
  const { deal } = stored;
  const [choice, setChoice] = useState(deal.headlineFigureId ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const selectId = useId();

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const figure = deal.figures.find((f) => f.id === choice);
      await update(
        deal.id,
        { ...deal, headlineFigureId: choice },
        stored.revision,
        figure ? `Headline figure: ${formatFigure(figure)}` : 'Headline figure changed',
      );
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="headline-choice" onSubmit={(e) => void save(e)}>
      <label htmlFor={selectId}>Headline figure</label>
      <select id={selectId} value={choice} onChange={(e) => setChoice(e.target.value)}>
        {deal.figures.map((f) => (
          <option key={f.id} value={f.id}>
            {formatFigure(f)} · {LABELS.figureKind[f.kind]} · {formatPartialDate(f.asOf)}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="button--secondary"
        disabled={saving || choice === deal.headlineFigureId}
      >
        Make headline
      </button>
      {error ? (
        <p className="field__error" role="alert">
          <DataText>{error}</DataText>
        </p>
      ) : null}
    </form>
  );
}
