import { useId, useMemo, useState } from 'react';
import { DataText } from '../../components/data-text';
import { countryName, FIGURE_KINDS, formatCount, formatMoney, headlineFigure, LABELS } from '../../domain';
import { MAPPABLE_FIELDS, type ColumnMapping, type MappableField } from '../../domain/import/types';
import { applyMapping, guessValueUnit, mappingProblems, VALUE_SCALES, type ValueUnit } from './domain-bridge';
import type { MappingNeeded } from './import-core';
import { placeText } from './import-preview';
import { reasonBesidePlace } from '../../domain/import/report-csv';

export const FIELD_WORDS: Record<MappableField, string> = {
  id: 'Deal id',
  title: 'Title',
  summary: 'Summary',
  kind: 'Kind of deal',
  status: 'Status',
  supplier: 'Supplier country',
  buyer: 'Buyer country',
  system: 'System',
  category: 'Category',
  quantity: 'Quantity',
  value: 'Value',
  currency: 'Currency',
  orderYear: 'Order year',
  sourceTitle: 'Source title',
  sourceUrl: 'Source address (URL)',
};

// The currencies the tracker's own figures use first; any other ISO code comes from a currency column.
const CURRENCY_CHOICES = ['USD', 'INR', 'EUR', 'GBP', 'RUB', 'ILS', 'JPY', 'AUD', 'CAD', 'CHF'];

/** ", $3.5 billion (estimate)": the row's value as it would be recorded, so a wrong scale shows. */
function figureText(deal: Parameters<typeof headlineFigure>[0]): string {
  const figure = headlineFigure(deal);
  if (!figure) return '';
  return `, ${formatMoney(figure.amount, figure.currency)} (${LABELS.figureKind[figure.kind].toLowerCase()})`;
}

/**
 * A CSV the tracker does not know: each deal field with a choice of the file's columns, the guess
 * chosen first, and the first rows read with the mapping as it stands, each as the deal it would be
 * or the reason it would not.
 */
export function MappingStep({
  needed,
  fileName,
  onApply,
  onCancel,
}: {
  needed: MappingNeeded;
  fileName: string;
  onApply: (mapping: ColumnMapping, valueUnit: ValueUnit | undefined) => void;
  onCancel: () => void;
}) {
  const headingId = useId();
  const previewId = useId();
  const [mapping, setMapping] = useState<ColumnMapping>(needed.guess);
  // How the value column is meant: guessed from its header and cells until the user says otherwise.
  const [chosenUnit, setChosenUnit] = useState<ValueUnit>();
  const unit = chosenUnit ?? guessValueUnit(needed.sample, mapping);
  const setUnit = (change: Partial<ValueUnit>) => setChosenUnit({ ...unit, ...change });
  const guessed = Object.keys(needed.guess).length;
  const problems = mappingProblems(mapping);
  const preview = useMemo(() => {
    if (mappingProblems(mapping).length > 0) return { deals: [], rejected: needed.sample.rejected };
    try {
      return applyMapping(
        needed.sample,
        mapping,
        { fileName, importedAt: new Date().toISOString() },
        { valueUnit: unit },
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { deals: [], rejected: [{ place: 'the mapping', reason }] };
    }
  }, [needed.sample, mapping, fileName, unit]);
  const setField = (field: MappableField, value: string) =>
    setMapping((current) => {
      const next = { ...current };
      if (value === '') delete next[field];
      else next[field] = Number(value);
      return next;
    });
  return (
    <section className="card import-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Match the file&apos;s columns to deal fields</h2>
      {guessed === 0 ? (
        <p className="notice notice--warning">
          No column name in this file matched a deal field, so nothing is chosen: pick the column for each
          field you need (title or system, supplier and buyer are required).
        </p>
      ) : (
        <p>
          {formatCount(guessed)} of {formatCount(MAPPABLE_FIELDS.length)} fields were guessed from the column
          names; correct any that are wrong. Title (or system), supplier and buyer are required.
        </p>
      )}
      <div className="import-mapping">
        <div className="import-mapping__choices">
          <table className="import-table import-mapping__fields">
            <thead>
              <tr>
                <th scope="col">Deal field</th>
                <th scope="col">Column in the file</th>
              </tr>
            </thead>
            <tbody>
              {MAPPABLE_FIELDS.map((field) => (
                <tr key={field}>
                  <th scope="row">
                    <label htmlFor={`${headingId}-${field}`}>{FIELD_WORDS[field]}</label>
                  </th>
                  <td>
                    <select
                      id={`${headingId}-${field}`}
                      value={mapping[field] === undefined ? '' : String(mapping[field])}
                      onChange={(event) => setField(field, event.target.value)}
                    >
                      <option value="">(none)</option>
                      {needed.header.map((name, i) => (
                        <option key={i} value={String(i)}>
                          {name || `Column ${i + 1}`}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {mapping.value === undefined ? null : (
            <fieldset className="import-mapping__unit">
              <legend>How the values are meant</legend>
              <label>
                Currency of the values{' '}
                <select
                  value={unit.currency ?? ''}
                  onChange={(event) => setUnit({ currency: event.target.value || undefined })}
                >
                  <option value="">
                    {mapping.currency === undefined ? '(choose)' : 'from the currency column'}
                  </option>
                  {CURRENCY_CHOICES.map((code) => (
                    <option key={code} value={code}>
                      {code}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Amounts in{' '}
                <select
                  value={String(unit.scale)}
                  onChange={(event) => setUnit({ scale: Number(event.target.value) })}
                >
                  {VALUE_SCALES.map(({ scale, label }) => (
                    <option key={scale} value={String(scale)}>
                      {label}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Kind of figure{' '}
                <select
                  value={unit.kind}
                  onChange={(event) => setUnit({ kind: event.target.value as ValueUnit['kind'] })}
                >
                  {FIGURE_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {LABELS.figureKind[kind]}
                    </option>
                  ))}
                </select>
              </label>
              {mapping.currency === undefined ? null : (
                <p className="import-mapping__note">
                  A currency in the currency column wins over this choice.
                </p>
              )}
            </fieldset>
          )}
        </div>
        <section className="import-mapping__preview" aria-labelledby={previewId}>
          <h3 id={previewId}>
            The first {formatCount(needed.sample.rows.length)} rows, read with this mapping
          </h3>
          {problems.length > 0 ? (
            <p className="notice notice--warning">No row can be read yet: {problems.join('; ')}.</p>
          ) : null}
          <ul className="import-mapping__rows">
            {preview.deals.map(({ deal, places }) => (
              <li key={`${deal.id}-${String(places[0])}`} className="import-mapping__row">
                <span className="import-table__place">{placeText(places[0] ?? '')}</span>{' '}
                <strong>
                  <DataText>{deal.title}</DataText>
                </strong>
                : {deal.supplierCountries.map(countryName).join(', ')} to{' '}
                {deal.buyerCountries.map(countryName).join(', ')}
                {figureText(deal)}
              </li>
            ))}
            {preview.rejected.map((row, i) => (
              <li key={`rejected-${i}`} className="import-mapping__row import-mapping__row--rejected">
                <span className="import-table__place">{placeText(row.place)}</span>{' '}
                <span className="import-mapping__error">
                  cannot be imported: <DataText>{reasonBesidePlace(row)}</DataText>
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <div className="import-actions">
        <button
          type="button"
          className="button--primary"
          onClick={() => onApply(mapping, mapping.value === undefined ? undefined : unit)}
          disabled={problems.length > 0}
        >
          Read all {formatCount(needed.rowCount)} rows with this mapping
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
