import { memo, useCallback, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ContextLink } from '../../components/context-link';
import { DataText } from '../../components/data-text';
import { isApiError, type ApiError } from '../../api';
import {
  CONFIDENCES,
  countryName,
  DEAL_KINDS,
  DEAL_STATUSES,
  DOMAINS,
  FIGURE_KINDS,
  formatMoney,
  LABELS,
  MAX_AMOUNT,
  MILESTONE_KINDS,
  PARTY_ROLES,
  ROUTES,
  SERVICES,
  SYSTEM_CATEGORIES,
  type Deal,
} from '../../domain';
import {
  citationCount,
  dealFromDraft,
  emptyAllocation,
  emptyFigure,
  emptyMilestone,
  emptyParty,
  emptySource,
  fieldKeyOf,
  parseCountryList,
  parseNumberText,
  removeSource,
  renameSourceId,
  sameDraft,
  slugify,
  sourceIdFor,
  uniqueSlug,
  type DealDraft,
  type DraftIssue,
} from '../../domain/model/deal-draft';
import { fieldLabel } from './field-labels';
import {
  CheckboxGroup,
  CitationPicker,
  FieldContext,
  FieldError,
  fieldDomId,
  SelectField,
  TextField,
  type FormFieldContext,
} from './form-fields';
import { useLeaveGuard } from './use-leave-guard';
import { notSavedMessage } from './use-save-deal';
import './deal-form.css';

/** Ids that name a page under /deals/ (the new-deal form), so no deal may have them. */
const RESERVED_IDS = new Set(['new']);

/** Currencies offered as you type; any ISO 4217 code is accepted. */
const CURRENCIES = ['USD', 'INR', 'EUR', 'GBP', 'RUB', 'ILS', 'JPY', 'AUD'];

export interface DealFormProps {
  mode: 'new' | 'edit';
  initial: DealDraft;
  /** Ids already in use in this data set, for a new deal's id. */
  takenIds?: ReadonlySet<string>;
  /**
   * Saves the record; resolves when the server has it, rejects with the `ApiError` it refused with.
   * The form keeps everything as typed on a rejection.
   */
  onSave: (record: Deal, note: string) => Promise<unknown>;
  /** Called after a save, with the guard against leaving already off. */
  onSaved: (record: Deal) => void;
  /** A refused save the page handles itself (a 412 conflict); true when it did. */
  onRefused?: (error: ApiError, record: Deal, note: string) => boolean;
  cancelTo: string;
  /** Shown above the form: the revision it edits, a conflict being resolved. */
  banner?: ReactNode;
  /** The edit was dropped on purpose (a conflict resolved with the stored record): leave without asking. */
  guardOff?: boolean;
}

type Update = (change: (draft: DealDraft) => void, field?: string) => void;

export function DealForm({
  mode,
  initial,
  takenIds,
  onSave,
  onSaved,
  onRefused,
  cancelTo,
  banner,
  guardOff = false,
}: DealFormProps) {
  const [draft, setDraft] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [serverIssues, setServerIssues] = useState<DraftIssue[]>([]);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const summaryId = useId();

  useLeaveGuard(!saved && !guardOff && !sameDraft(draft, initial));

  const result = useMemo(() => dealFromDraft(draft), [draft]);
  const localIssues = useMemo(() => {
    const issues = result.ok ? [] : [...result.issues];
    const id = draft.id.trim();
    if (mode === 'new' && RESERVED_IDS.has(id))
      issues.unshift({
        path: ['id'],
        message: `"${id}" is reserved for a page of the app: choose another id.`,
      });
    else if (mode === 'new' && id !== '' && takenIds?.has(id))
      issues.unshift({ path: ['id'], message: `Another deal already has the id "${id}": choose another.` });
    return issues;
  }, [result, draft.id, mode, takenIds]);

  const allIssues = useMemo(() => [...localIssues, ...serverIssues], [localIssues, serverIssues]);
  const shownNow = useMemo(() => {
    const byField = new Map<string, string[]>();
    for (const issue of allIssues) {
      const key = fieldKeyOf(issue.path);
      if (!submitted && !touched.has(key) && !serverIssues.includes(issue)) continue;
      const list = byField.get(key) ?? [];
      if (!list.includes(issue.message)) list.push(issue.message);
      byField.set(key, list);
    }
    return byField;
  }, [allIssues, submitted, touched, serverIssues]);
  // The same messages keep the same map, so a keystroke that changes none re-renders no other field.
  const shownKey = JSON.stringify([...shownNow]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- shownKey holds exactly shownNow's content
  const shown = useMemo(() => shownNow, [shownKey]);

  const context = useMemo<FormFieldContext>(
    () => ({
      errorsOf: (key) => shown.get(key) ?? [],
      touch: (key) => setTouched((current) => (current.has(key) ? current : new Set([...current, key]))),
    }),
    [shown],
  );

  const update: Update = useCallback((change, field) => {
    setDraft((current) => shareUnchanged(current, produce(current, change)));
    if (field) setServerIssues((issues) => issues.filter((i) => !fieldKeyOf(i.path).startsWith(field)));
    setSaveError(null);
  }, []);

  const focusSummary = () => requestAnimationFrame(() => summaryRef.current?.focus());

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setServerIssues([]);
    setSaveError(null);
    if (!result.ok || localIssues.length > 0) {
      focusSummary();
      return;
    }
    setSaving(true);
    try {
      await onSave(result.record, draft.note.trim());
      setSaved(true);
      onSaved(result.record);
    } catch (error) {
      const apiError = isApiError(error) ? error : null;
      if (apiError && onRefused?.(apiError, result.record, draft.note.trim())) return;
      if (apiError?.kind === 'invalid' && apiError.issues.length > 0) {
        setServerIssues([...apiError.issues]);
        setSaveError(`The server refused the record: ${apiError.message}`);
      } else if (apiError?.status === 409) {
        setServerIssues([{ path: ['id'], message: apiError.message }]);
        setSaveError('Nothing was saved: the id is taken.');
      } else {
        setSaveError(`${notSavedMessage(error)} Your changes are still here; try again.`);
      }
      focusSummary();
    } finally {
      setSaving(false);
    }
  }

  const summaryItems = submitted || serverIssues.length > 0 ? [...shown.entries()] : [];
  const sources = draft.sources;

  return (
    <FieldContext.Provider value={context}>
      <form className="deal-form" noValidate onSubmit={(e) => void submit(e)}>
        {banner}
        <div
          className={summaryItems.length > 0 || saveError ? 'notice notice--error form-summary' : 'sr-only'}
          ref={summaryRef}
          tabIndex={-1}
          id={summaryId}
          // Named by its heading, so focus landing here says what it is; not a live region, which
          // would read the list again on every keystroke once validation is live.
          role={summaryItems.length > 0 || saveError ? 'region' : undefined}
          aria-labelledby={summaryItems.length > 0 || saveError ? `${summaryId}-title` : undefined}
        >
          {summaryItems.length > 0 || saveError ? (
            <div>
              <h2 id={`${summaryId}-title`}>
                {summaryItems.length > 0
                  ? `${summaryItems.length === 1 ? 'One field needs' : `${summaryItems.length} fields need`} attention before the deal can be saved`
                  : 'The deal was not saved'}
              </h2>
              {saveError ? (
                <p>
                  <DataText>{saveError}</DataText>
                </p>
              ) : null}
              {summaryItems.length > 0 ? (
                <ul>
                  {summaryItems.map(([key, messages]) => (
                    <li key={key}>
                      <a href={`#${fieldDomId(key)}`} onClick={(e) => jumpTo(e, key)}>
                        {fieldLabel(key)}
                      </a>
                      : <DataText>{messages.join(' ')}</DataText>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
        </div>

        <DealSection draft={draft} update={update} mode={mode} takenIds={takenIds} />
        <SourcesSection draft={draft} update={update} />
        <CountriesSection draft={draft} update={update} />
        <SystemSection draft={draft} update={update} />
        <QuantitySection draft={draft} update={update} />
        <MoneySection draft={draft} update={update} />
        <MilestonesSection draft={draft} update={update} />

        <section className="card form-section" aria-labelledby="form-save">
          <h2 id="form-save">Save</h2>
          <TextField
            field="note"
            label="Editor's note"
            hint="Why this revision: what changed and on which source. Kept in the deal's history."
            multiline
            value={draft.note}
            onChange={(v) => update((d) => void (d.note = v))}
          />
          <div className="form-actions">
            <button type="submit" disabled={saving}>
              {saving ? 'Saving…' : mode === 'new' ? 'Create deal' : 'Save changes'}
            </button>
            <ContextLink to={cancelTo} className="button-link">
              Cancel
            </ContextLink>
            {sources.length === 0 ? null : (
              <span className="muted form-actions__count">
                {draft.sources.length} source{draft.sources.length === 1 ? '' : 's'}, {draft.figures.length}{' '}
                figure{draft.figures.length === 1 ? '' : 's'}, {draft.milestones.length} milestone
                {draft.milestones.length === 1 ? '' : 's'}
              </span>
            )}
          </div>
        </section>
      </form>
    </FieldContext.Provider>
  );
}

function produce(current: DealDraft, change: (draft: DealDraft) => void): DealDraft {
  const next = structuredClone(current);
  change(next);
  return next;
}

/**
 * The next draft keeps the previous one's parts that did not change (compared by content), so each
 * section, memoised on its parts, re-renders only when what it shows changed: a keystroke in the title
 * does not redraw forty figure fields.
 */
function shareUnchanged(previous: DealDraft, next: DealDraft): DealDraft {
  const shared = { ...next } as Record<string, unknown>;
  const before = previous as unknown as Record<string, unknown>;
  for (const key of Object.keys(shared)) {
    if (shared[key] !== before[key] && JSON.stringify(shared[key]) === JSON.stringify(before[key]))
      shared[key] = before[key];
  }
  return shared as unknown as DealDraft;
}

/** A section memoised on the parts of the draft it shows (and its other props). */
function memoOn<P extends SectionProps>(
  keys: readonly (keyof DealDraft)[],
  component: (props: P) => ReactNode,
) {
  return memo(component, (a, b) => {
    for (const name of Object.keys(a) as (keyof P)[])
      if (name !== 'draft' && a[name] !== b[name]) return false;
    return keys.every((key) => a.draft[key] === b.draft[key]);
  });
}

/** A summary link moves focus to its field (a group: its first control) and scrolls it into view. */
function jumpTo(event: React.MouseEvent, key: string) {
  const element = document.getElementById(fieldDomId(key));
  if (!element) return;
  event.preventDefault();
  const target = element.matches('input, select, textarea')
    ? element
    : element.querySelector<HTMLElement>('input, select, textarea');
  (target ?? element).focus();
  element.scrollIntoView?.({ block: 'center' });
}

interface SectionProps {
  draft: DealDraft;
  update: Update;
}

function Section({
  id,
  title,
  children,
  hint,
}: {
  id: string;
  title: string;
  children: ReactNode;
  hint?: ReactNode;
}) {
  return (
    <section className="card form-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {hint ? <p className="muted form-section__hint">{hint}</p> : null}
      {children}
    </section>
  );
}

function RemoveButton({ what, onClick }: { what: string; onClick: () => void }) {
  return (
    <button type="button" className="button--quiet form-row__remove" onClick={onClick}>
      Remove <span className="sr-only">{what}</span>
    </button>
  );
}

function AddButton({ children, onClick }: { children: ReactNode; onClick: () => void }) {
  return (
    <button type="button" className="button--secondary form-add" onClick={onClick}>
      {children}
    </button>
  );
}

/** Focus the first control of the row just added, once it has rendered. */
function focusNewRow(key: string) {
  requestAnimationFrame(() => document.getElementById(fieldDomId(key))?.focus());
}

const DealSection = memoOn(
  ['title', 'id', 'idEdited', 'summary', 'kind', 'status', 'synthetic'],
  function DealSection({
    draft,
    update,
    mode,
    takenIds,
  }: SectionProps & { mode: 'new' | 'edit'; takenIds?: ReadonlySet<string> }) {
    const setTitle = (title: string) =>
      update((d) => {
        d.title = title;
        if (mode === 'new' && !d.idEdited) d.id = uniqueSlug(slugify(title), takenIds ?? new Set());
      }, 'title');
    return (
      <Section id="form-deal" title="The deal">
        {draft.synthetic ? (
          <p className="badge badge--synthetic">Synthetic record: generated, not a real deal</p>
        ) : null}
        <div className="form-grid">
          <TextField
            field="title"
            label="Title"
            className="form-grid__wide"
            value={draft.title}
            onChange={setTitle}
            required
          />
          {mode === 'new' ? (
            <TextField
              field="id"
              label="Id"
              hint="Lowercase words and digits joined by hyphens; made from the title until you change it. It is part of the deal's address."
              className="form-grid__wide"
              value={draft.id}
              spellCheck={false}
              onChange={(v) =>
                update((d) => {
                  d.id = v;
                  d.idEdited = v !== '';
                }, 'id')
              }
            />
          ) : (
            <div className="field form-grid__wide">
              <span className="field__label">Id</span>
              <code>
                <DataText>{draft.id}</DataText>
              </code>
            </div>
          )}
          <TextField
            field="summary"
            label="Summary"
            className="form-grid__wide"
            multiline
            value={draft.summary}
            onChange={(v) => update((d) => void (d.summary = v), 'summary')}
          />
          <SelectField
            field="kind"
            label="Kind"
            options={DEAL_KINDS}
            labels={LABELS.kind}
            value={draft.kind}
            onChange={(v) => update((d) => void (d.kind = v), 'kind')}
          />
          <SelectField
            field="status"
            label="Status"
            options={DEAL_STATUSES}
            labels={LABELS.status}
            value={draft.status}
            onChange={(v) => update((d) => void (d.status = v), 'status')}
          />
        </div>
      </Section>
    );
  },
);

function CountryNames({ text }: { text: string }) {
  const codes = parseCountryList(text);
  if (codes.length === 0) return null;
  return (
    <span className="field__reading">
      {codes.map((c) => (/^[A-Z]{2}$/.test(c) ? countryName(c) : `“${c}”?`)).join(', ')}
    </span>
  );
}

const CountriesSection = memoOn(
  ['buyerCountries', 'supplierCountries', 'routes', 'domains', 'parties'],
  function CountriesSection({ draft, update }: SectionProps) {
    const countryHint = 'Two-letter ISO codes, separated by commas: IN, US.';
    return (
      <Section id="form-countries" title="Countries, parties and routes">
        <div className="form-grid">
          <TextField
            field="buyerCountries"
            label="Buyer countries"
            hint={countryHint}
            value={draft.buyerCountries}
            spellCheck={false}
            autoComplete="off"
            after={<CountryNames text={draft.buyerCountries} />}
            onChange={(v) => update((d) => void (d.buyerCountries = v), 'buyerCountries')}
          />
          <TextField
            field="supplierCountries"
            label="Supplier countries"
            hint={countryHint}
            value={draft.supplierCountries}
            spellCheck={false}
            autoComplete="off"
            after={<CountryNames text={draft.supplierCountries} />}
            onChange={(v) => update((d) => void (d.supplierCountries = v), 'supplierCountries')}
          />
          <CheckboxGroup
            field="routes"
            legend="Routes"
            hint="Leave all unticked when the route is not known."
            options={ROUTES}
            labels={LABELS.route}
            value={draft.routes}
            onChange={(v) => update((d) => void (d.routes = v), 'routes')}
          />
          <CheckboxGroup
            field="domains"
            legend="Domains"
            options={DOMAINS}
            labels={LABELS.domain}
            value={draft.domains}
            onChange={(v) => update((d) => void (d.domains = v), 'domains')}
          />
        </div>
        <h3>Parties</h3>
        {draft.parties.length === 0 ? <p className="muted">No parties recorded.</p> : null}
        {draft.parties.map((party, i) => (
          <fieldset key={party.key} className="form-row">
            <legend>Party {i + 1}</legend>
            <div className="form-grid form-grid--row">
              <TextField
                field={`parties.${i}.name`}
                label="Name"
                value={party.name}
                onChange={(v) => update((d) => void (d.parties[i]!.name = v), `parties.${i}.name`)}
              />
              <SelectField
                field={`parties.${i}.role`}
                label="Role"
                options={PARTY_ROLES}
                labels={LABELS.role}
                value={party.role}
                onChange={(v) => update((d) => void (d.parties[i]!.role = v), `parties.${i}.role`)}
              />
              <TextField
                field={`parties.${i}.country`}
                label="Country (optional)"
                className="form-grid__narrow"
                value={party.country}
                maxLength={2}
                spellCheck={false}
                onChange={(v) => update((d) => void (d.parties[i]!.country = v), `parties.${i}.country`)}
              />
            </div>
            <RemoveButton
              what={`party ${i + 1}`}
              onClick={() => update((d) => void d.parties.splice(i, 1))}
            />
          </fieldset>
        ))}
        <AddButton
          onClick={() => {
            const party = emptyParty();
            update((d) => void d.parties.push(party));
            focusNewRow(`parties.${draft.parties.length}.name`);
          }}
        >
          Add a party
        </AddButton>
      </Section>
    );
  },
);

const SystemSection = memoOn(['system'], function SystemSection({ draft, update }: SectionProps) {
  return (
    <Section
      id="form-system"
      title="System"
      hint="What the deal buys. Leave all three empty when no single system applies."
    >
      <div className="form-grid">
        <TextField
          field="system.name"
          label="Name"
          value={draft.system.name}
          onChange={(v) => update((d) => void (d.system.name = v), 'system')}
        />
        <TextField
          field="system.variant"
          label="Variant (optional)"
          value={draft.system.variant}
          onChange={(v) => update((d) => void (d.system.variant = v), 'system')}
        />
        <SelectField
          field="system.category"
          label="Category"
          options={SYSTEM_CATEGORIES}
          labels={LABELS.category}
          value={draft.system.category}
          onChange={(v) => update((d) => void (d.system.category = v), 'system')}
        />
      </div>
    </Section>
  );
});

const QuantitySection = memoOn(
  ['quantity', 'endUser', 'sources'],
  function QuantitySection({ draft, update }: SectionProps) {
    const q = draft.quantity;
    const total = parseNumberText(q.total);
    const allocated = q.allocations.reduce((sum, a) => sum + (parseNumberText(a.count) || 0), 0);
    return (
      <Section
        id="form-quantity"
        title="Quantity and end user"
        hint="Leave the quantity empty when no source gives a number: an unknown stays unknown."
      >
        <div className="form-grid">
          <TextField
            field="quantity.total"
            label="Total units"
            inputMode="numeric"
            value={q.total}
            onChange={(v) => update((d) => void (d.quantity.total = v), 'quantity.total')}
          />
          <TextField
            field="quantity.unit"
            label="Unit"
            hint="What is counted: drones, engines, howitzers."
            value={q.unit}
            onChange={(v) => update((d) => void (d.quantity.unit = v), 'quantity.unit')}
          />
          <SelectField
            field="quantity.confidence"
            label="Confidence"
            options={CONFIDENCES}
            labels={LABELS.confidence}
            placeholder={null}
            value={q.confidence}
            onChange={(v) =>
              update((d) => void (d.quantity.confidence = v || 'confirmed'), 'quantity.confidence')
            }
          />
          <CitationPicker
            field="quantity.sourceIds"
            sources={draft.sources}
            value={q.sourceIds}
            onChange={(v) => update((d) => void (d.quantity.sourceIds = v), 'quantity.sourceIds')}
          />
        </div>
        <h3 id="form-allocations">Allocations by service</h3>
        <GroupMessage field="quantity.allocations">
          {q.allocations.length > 0 && total !== undefined && !Number.isNaN(total) ? (
            <span className="muted">
              {allocated} of {total} allocated
            </span>
          ) : null}
        </GroupMessage>
        {q.allocations.map((a, i) => (
          <fieldset key={a.key} className="form-row">
            <legend>Allocation {i + 1}</legend>
            <div className="form-grid form-grid--row">
              <SelectField
                field={`quantity.allocations.${i}.service`}
                label="Service"
                options={SERVICES}
                labels={LABELS.service}
                value={a.service}
                onChange={(v) =>
                  update((d) => void (d.quantity.allocations[i]!.service = v), `quantity.allocations`)
                }
              />
              <TextField
                field={`quantity.allocations.${i}.count`}
                label="Units"
                inputMode="numeric"
                className="form-grid__narrow"
                value={a.count}
                onChange={(v) =>
                  update((d) => void (d.quantity.allocations[i]!.count = v), `quantity.allocations`)
                }
              />
              <CitationPicker
                field={`quantity.allocations.${i}.sourceIds`}
                sources={draft.sources}
                value={a.sourceIds}
                optional
                onChange={(v) =>
                  update(
                    (d) => void (d.quantity.allocations[i]!.sourceIds = v),
                    `quantity.allocations.${i}.sourceIds`,
                  )
                }
              />
            </div>
            <RemoveButton
              what={`allocation ${i + 1}`}
              onClick={() => update((d) => void d.quantity.allocations.splice(i, 1), 'quantity.allocations')}
            />
          </fieldset>
        ))}
        <AddButton
          onClick={() => {
            update((d) => void d.quantity.allocations.push(emptyAllocation()));
            focusNewRow(`quantity.allocations.${q.allocations.length}.service`);
          }}
        >
          Add an allocation
        </AddButton>

        <h3>End user</h3>
        <p className="muted form-section__hint">
          The services that receive what the deal buys, where a source names them (with or without a count).
        </p>
        <div className="form-grid">
          <CheckboxGroup
            field="endUser.services"
            legend="Receiving services"
            options={SERVICES}
            labels={LABELS.service}
            value={draft.endUser.services}
            onChange={(v) => update((d) => void (d.endUser.services = v), 'endUser')}
          />
          <CitationPicker
            field="endUser.sourceIds"
            sources={draft.sources}
            value={draft.endUser.sourceIds}
            onChange={(v) => update((d) => void (d.endUser.sourceIds = v), 'endUser')}
          />
        </div>
      </Section>
    );
  },
);

/** A message for a whole group of rows (allocations above the total, no headline figure). */
function GroupMessage({ field, children }: { field: string; children?: ReactNode }) {
  const id = fieldDomId(field);
  return (
    <FieldContext.Consumer>
      {({ errorsOf }) => {
        const errors = errorsOf(field);
        return (
          <div
            id={id}
            tabIndex={-1}
            className="group-message"
            aria-describedby={errors.length ? `${id}-error` : undefined}
          >
            {children}
            <FieldError id={id} errors={errors} />
          </div>
        );
      }}
    </FieldContext.Consumer>
  );
}

function amountReading(amount: string, currency: string): ReactNode {
  const value = parseNumberText(amount);
  if (value === undefined || Number.isNaN(value) || value < 1 || value > MAX_AMOUNT) return null;
  const code = currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) return null;
  return <span className="field__reading">= {formatMoney(value, code)}</span>;
}

const MoneySection = memoOn(
  ['figures', 'headlineFigureId', 'sources'],
  function MoneySection({ draft, update }: SectionProps) {
    const headlineName = useId();
    return (
      <Section
        id="form-money"
        title="Money"
        hint="Every reported figure, each with its source. Figures that disagree stay side by side; choose which is the headline."
      >
        <datalist id="form-currencies">
          {CURRENCIES.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <GroupMessage field="headlineFigureId" />
        {draft.figures.length === 0 ? <p className="muted">No value reported.</p> : null}
        {draft.figures.map((f, i) => (
          <fieldset key={f.key} className="form-row">
            <legend>Figure {i + 1}</legend>
            <label className="check form-row__headline">
              <input
                type="radio"
                name={headlineName}
                checked={draft.headlineFigureId === f.id}
                onChange={() => update((d) => void (d.headlineFigureId = f.id), 'headlineFigureId')}
              />
              <span>Headline figure</span>
            </label>
            <div className="form-grid form-grid--row">
              <TextField
                field={`figures.${i}.amount`}
                label="Amount"
                hint="In whole units of the currency: 3500000000."
                inputMode="numeric"
                value={f.amount}
                after={amountReading(f.amount, f.currency)}
                onChange={(v) => update((d) => void (d.figures[i]!.amount = v), `figures.${i}.amount`)}
              />
              <TextField
                field={`figures.${i}.currency`}
                label="Currency"
                className="form-grid__narrow"
                list="form-currencies"
                maxLength={3}
                spellCheck={false}
                value={f.currency}
                onChange={(v) => update((d) => void (d.figures[i]!.currency = v), `figures.${i}.currency`)}
              />
              <SelectField
                field={`figures.${i}.kind`}
                label="Kind"
                options={FIGURE_KINDS}
                labels={LABELS.figureKind}
                value={f.kind}
                onChange={(v) => update((d) => void (d.figures[i]!.kind = v), `figures.${i}.kind`)}
              />
              <TextField
                field={`figures.${i}.asOf`}
                label="As of"
                hint="YYYY, YYYY-MM or YYYY-MM-DD"
                className="form-grid__narrow"
                value={f.asOf}
                onChange={(v) => update((d) => void (d.figures[i]!.asOf = v), `figures.${i}.asOf`)}
              />
              <SelectField
                field={`figures.${i}.confidence`}
                label="Confidence"
                options={CONFIDENCES}
                labels={LABELS.confidence}
                placeholder={null}
                value={f.confidence}
                onChange={(v) => update((d) => void (d.figures[i]!.confidence = v || 'confirmed'))}
              />
              <label className="check field form-row__check">
                <input
                  type="checkbox"
                  checked={f.approximate}
                  onChange={(e) => update((d) => void (d.figures[i]!.approximate = e.target.checked))}
                />
                <span>Approximate (“about”, “over”)</span>
              </label>
              <CitationPicker
                field={`figures.${i}.sourceIds`}
                sources={draft.sources}
                value={f.sourceIds}
                onChange={(v) => update((d) => void (d.figures[i]!.sourceIds = v), `figures.${i}.sourceIds`)}
              />
              <TextField
                field={`figures.${i}.note`}
                label="Note (optional)"
                className="form-grid__wide"
                value={f.note}
                onChange={(v) => update((d) => void (d.figures[i]!.note = v))}
              />
            </div>
            <RemoveButton
              what={`figure ${i + 1}`}
              onClick={() =>
                update((d) => {
                  d.figures.splice(i, 1);
                  if (d.headlineFigureId === f.id)
                    d.headlineFigureId = d.figures.length === 1 ? d.figures[0]!.id : '';
                }, 'figures')
              }
            />
          </fieldset>
        ))}
        <AddButton
          onClick={() => {
            update((d) => {
              const figure = emptyFigure(d.figures.map((x) => x.id));
              d.figures.push(figure);
              if (d.figures.length === 1) d.headlineFigureId = figure.id;
            }, 'headlineFigureId');
            focusNewRow(`figures.${draft.figures.length}.amount`);
          }}
        >
          Add a figure
        </AddButton>
      </Section>
    );
  },
);

const MilestonesSection = memoOn(
  ['milestones', 'sources'],
  function MilestonesSection({ draft, update }: SectionProps) {
    return (
      <Section id="form-milestones" title="Milestones">
        {draft.milestones.length === 0 ? <p className="muted">No dated milestones recorded.</p> : null}
        {draft.milestones.map((m, i) => (
          <fieldset key={m.key} className="form-row">
            <legend>Milestone {i + 1}</legend>
            <div className="form-grid form-grid--row">
              <SelectField
                field={`milestones.${i}.kind`}
                label="Kind"
                options={MILESTONE_KINDS}
                labels={LABELS.milestone}
                value={m.kind}
                onChange={(v) => update((d) => void (d.milestones[i]!.kind = v), `milestones.${i}.kind`)}
              />
              <TextField
                field={`milestones.${i}.date`}
                label="Date"
                hint="When it happened, or is now expected: YYYY, YYYY-MM or YYYY-MM-DD"
                className="form-grid__narrow"
                value={m.date}
                onChange={(v) => update((d) => void (d.milestones[i]!.date = v), `milestones.${i}.date`)}
              />
              <TextField
                field={`milestones.${i}.label`}
                label="What happened"
                className="form-grid__wide"
                value={m.label}
                onChange={(v) => update((d) => void (d.milestones[i]!.label = v), `milestones.${i}.label`)}
              />
              <SelectField
                field={`milestones.${i}.confidence`}
                label="Confidence"
                options={CONFIDENCES}
                labels={LABELS.confidence}
                placeholder={null}
                value={m.confidence}
                onChange={(v) => update((d) => void (d.milestones[i]!.confidence = v || 'confirmed'))}
              />
              <CitationPicker
                field={`milestones.${i}.sourceIds`}
                sources={draft.sources}
                value={m.sourceIds}
                onChange={(v) =>
                  update((d) => void (d.milestones[i]!.sourceIds = v), `milestones.${i}.sourceIds`)
                }
              />
            </div>
            <details
              className="form-row__more"
              open={m.planned.date !== '' || m.planned.sourceIds.length > 0}
            >
              <summary>Planned date (where a source gave one)</summary>
              <div className="form-grid form-grid--row">
                <TextField
                  field={`milestones.${i}.planned.date`}
                  label="Planned for"
                  hint="YYYY, YYYY-MM or YYYY-MM-DD"
                  className="form-grid__narrow"
                  value={m.planned.date}
                  onChange={(v) =>
                    update((d) => void (d.milestones[i]!.planned.date = v), `milestones.${i}.planned`)
                  }
                />
                <TextField
                  field={`milestones.${i}.planned.note`}
                  label="As the source put it (optional)"
                  value={m.planned.note}
                  onChange={(v) => update((d) => void (d.milestones[i]!.planned.note = v))}
                />
                <CitationPicker
                  field={`milestones.${i}.planned.sourceIds`}
                  legend="Sources of the plan"
                  sources={draft.sources}
                  value={m.planned.sourceIds}
                  onChange={(v) =>
                    update((d) => void (d.milestones[i]!.planned.sourceIds = v), `milestones.${i}.planned`)
                  }
                />
              </div>
            </details>
            <RemoveButton
              what={`milestone ${i + 1}`}
              onClick={() => update((d) => void d.milestones.splice(i, 1))}
            />
          </fieldset>
        ))}
        <AddButton
          onClick={() => {
            update((d) => void d.milestones.push(emptyMilestone()));
            focusNewRow(`milestones.${draft.milestones.length}.kind`);
          }}
        >
          Add a milestone
        </AddButton>
      </Section>
    );
  },
);

const SourcesSection = memoOn(
  ['sources', 'quantity', 'endUser', 'figures', 'milestones'],
  function SourcesSection({ draft, update }: SectionProps) {
    const setSourceText = (i: number, field: 'publisher' | 'title', value: string) =>
      update((d) => {
        const source = d.sources[i]!;
        source[field] = value;
        if (!source.idEdited) {
          const others = d.sources.filter((_, j) => j !== i).map((s) => s.id);
          const id =
            source.publisher.trim() || source.title.trim()
              ? sourceIdFor(source.publisher, source.title, others)
              : '';
          Object.assign(d, renameSourceId(d, source.id, id));
          d.sources[i]!.id = id;
        }
      }, `sources.${i}`);
    return (
      <Section
        id="form-sources"
        title="Sources"
        hint="Each source the figures, quantity and milestones cite. A source needs at least its publisher and title."
      >
        {draft.sources.length === 0 ? <GroupMessage field="sources" /> : null}
        {draft.sources.map((s, i) => (
          <fieldset key={s.key} className="form-row">
            <legend>Source {i + 1}</legend>
            <div className="form-grid form-grid--row">
              <TextField
                field={`sources.${i}.publisher`}
                label="Publisher"
                value={s.publisher}
                onChange={(v) => setSourceText(i, 'publisher', v)}
              />
              <TextField
                field={`sources.${i}.title`}
                label="Title"
                className="form-grid__wide"
                value={s.title}
                onChange={(v) => setSourceText(i, 'title', v)}
              />
              <TextField
                field={`sources.${i}.date`}
                label="Date (optional)"
                hint="YYYY, YYYY-MM or YYYY-MM-DD"
                className="form-grid__narrow"
                value={s.date}
                onChange={(v) => update((d) => void (d.sources[i]!.date = v), `sources.${i}.date`)}
              />
              <TextField
                field={`sources.${i}.id`}
                label="Id"
                hint="Made from publisher and title; citations follow a change."
                value={s.id}
                spellCheck={false}
                onChange={(v) =>
                  update((d) => {
                    Object.assign(d, renameSourceId(d, d.sources[i]!.id, v));
                    d.sources[i]!.id = v;
                    d.sources[i]!.idEdited = true;
                  }, `sources.${i}.id`)
                }
              />
              <TextField
                field={`sources.${i}.url`}
                label="URL (optional)"
                inputMode="url"
                className="form-grid__wide"
                spellCheck={false}
                value={s.url}
                onChange={(v) => update((d) => void (d.sources[i]!.url = v), `sources.${i}.url`)}
              />
              <TextField
                field={`sources.${i}.quote`}
                label="Quote (optional)"
                className="form-grid__wide"
                multiline
                value={s.quote}
                onChange={(v) => update((d) => void (d.sources[i]!.quote = v), `sources.${i}.quote`)}
              />
            </div>
            <RemoveButton
              what={`source ${i + 1}`}
              onClick={() => {
                const cited = citationCount(draft, s.id);
                if (
                  cited > 0 &&
                  !window.confirm(
                    `This source is cited ${cited} time${cited === 1 ? '' : 's'}. Remove it and those citations?`,
                  )
                )
                  return;
                update((d) => Object.assign(d, removeSource(d, s.key)), 'sources');
              }}
            />
          </fieldset>
        ))}
        <AddButton
          onClick={() => {
            update((d) => void d.sources.push(emptySource()), 'sources');
            focusNewRow(`sources.${draft.sources.length}.publisher`);
          }}
        >
          Add a source
        </AddButton>
      </Section>
    );
  },
);
