import { createContext, useContext, type ReactNode } from 'react';
import { DataText } from '../../components/data-text';
import type { SourceDraft } from '../../domain/model/deal-draft';

/*
 * The form's fields. Each knows its key (the issue path it shows, as `fieldKeyOf` gives it) and asks
 * the form's context for its messages, its DOM id and what to do when it loses focus. Every message is
 * beside its field, tied to it by aria-describedby, and the field is aria-invalid while it has one.
 */

export interface FormFieldContext {
  /** The messages shown for a field now (after the first submit, or once it has lost focus). */
  errorsOf: (key: string) => readonly string[];
  touch: (key: string) => void;
}

export const FieldContext = createContext<FormFieldContext>({ errorsOf: () => [], touch: () => {} });

/** The DOM id of a field's control (or group), from its key: "figures.0.amount" → "f-figures-0-amount". */
export function fieldDomId(key: string): string {
  return `f-${key.replace(/[^a-zA-Z0-9_-]+/g, '-')}`;
}

function useField(key: string, hint?: ReactNode) {
  const { errorsOf, touch } = useContext(FieldContext);
  const errors = errorsOf(key);
  const id = fieldDomId(key);
  const describedBy = [hint ? `${id}-hint` : null, errors.length > 0 ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return {
    errors,
    id,
    control: {
      id,
      'aria-describedby': describedBy || undefined,
      'aria-invalid': errors.length > 0 ? true : undefined,
      onBlur: () => touch(key),
    },
  };
}

export function FieldError({ id, errors }: { id: string; errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <p className="field__error" id={`${id}-error`}>
      {errors.map((message, i) => (
        <span key={i}>
          <span aria-hidden="true">⚠ </span>
          <DataText>{message}</DataText>
        </span>
      ))}
    </p>
  );
}

interface BaseProps {
  field: string;
  label: ReactNode;
  hint?: ReactNode;
  className?: string;
  /** Shown after the control: a live reading of what was typed ("= $3.50 bn"). */
  after?: ReactNode;
}

export function TextField({
  field,
  label,
  hint,
  className,
  after,
  value,
  onChange,
  multiline,
  ...input
}: BaseProps & {
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  placeholder?: string;
  inputMode?: 'numeric' | 'decimal' | 'text' | 'url';
  autoComplete?: string;
  list?: string;
  maxLength?: number;
  required?: boolean;
  readOnly?: boolean;
  spellCheck?: boolean;
}) {
  const { errors, id, control } = useField(field, hint);
  return (
    <div className={`field${errors.length > 0 ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...control} {...input} value={value} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...control} {...input} type="text" value={value} onChange={(e) => onChange(e.target.value)} />
      )}
      {/* After the control, so controls in a row line up whatever their hints say. */}
      {hint ? (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {after}
      <FieldError id={id} errors={errors} />
    </div>
  );
}

export function SelectField<T extends string>({
  field,
  label,
  hint,
  className,
  value,
  onChange,
  options,
  labels,
  placeholder = 'Choose…',
}: BaseProps & {
  value: T | '';
  onChange: (value: T | '') => void;
  options: readonly T[];
  labels: Record<T, string>;
  /** The empty option's text; null for a select that always has a value. */
  placeholder?: string | null;
}) {
  const { errors, id, control } = useField(field, hint);
  return (
    <div className={`field${errors.length > 0 ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select {...control} value={value} onChange={(e) => onChange(e.target.value as T | '')}>
        {placeholder !== null ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option} value={option}>
            {labels[option]}
          </option>
        ))}
      </select>
      {hint ? (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      <FieldError id={id} errors={errors} />
    </div>
  );
}

/** A group of checkboxes (routes, domains, services), one message for the group. */
export function CheckboxGroup<T extends string>({
  field,
  legend,
  hint,
  className,
  options,
  labels,
  value,
  onChange,
}: {
  field: string;
  legend: ReactNode;
  hint?: ReactNode;
  className?: string;
  options: readonly T[];
  labels: Record<T, ReactNode>;
  value: readonly T[];
  onChange: (value: T[]) => void;
}) {
  const { errors, id, control } = useField(field, hint);
  const toggle = (option: T, on: boolean) =>
    onChange(
      on ? options.filter((o) => o === option || value.includes(o)) : value.filter((v) => v !== option),
    );
  return (
    <fieldset
      className={`field checks${errors.length > 0 ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}
      id={id}
      aria-describedby={control['aria-describedby']}
    >
      <legend>{legend}</legend>
      {hint ? (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      <div className="checks__options">
        {options.map((option) => (
          <label key={option} className="check">
            <input
              type="checkbox"
              checked={value.includes(option)}
              aria-invalid={control['aria-invalid']}
              onChange={(e) => toggle(option, e.target.checked)}
              onBlur={control.onBlur}
            />
            <span>{labels[option]}</span>
          </label>
        ))}
      </div>
      <FieldError id={id} errors={errors} />
    </fieldset>
  );
}

/** What a source is called in a citation list: its publisher and title, or its id while both are empty. */
export function sourceLabel(source: SourceDraft, index: number): ReactNode {
  const publisher = source.publisher.trim();
  const title = source.title.trim();
  if (!publisher && !title) return `Source ${index + 1} (not yet named)`;
  return (
    <>
      <DataText>{publisher || 'Unnamed publisher'}</DataText>
      {title ? (
        <>
          {': '}
          <DataText>{title}</DataText>
        </>
      ) : null}
    </>
  );
}

/**
 * "Sources cited": a checkbox per source of the record. A cited id the record does not list (a
 * source removed elsewhere, a record from a server) stays shown, checked, so it can be unticked.
 */
export function CitationPicker({
  field,
  legend = 'Sources cited',
  sources,
  value,
  onChange,
  optional,
}: {
  field: string;
  legend?: ReactNode;
  sources: readonly SourceDraft[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  optional?: boolean;
}) {
  const listed = sources.filter((s) => s.id.trim() !== '');
  const ids = [...new Set(listed.map((s) => s.id))];
  const missing = value.filter((id) => !ids.includes(id));
  const labels: Record<string, ReactNode> = {};
  for (const s of listed) labels[s.id] = sourceLabel(s, sources.indexOf(s));
  for (const id of missing)
    labels[id] = (
      <>
        <DataText>{id}</DataText> (not among this deal&apos;s sources)
      </>
    );
  return (
    <CheckboxGroup
      field={field}
      legend={legend}
      className="citations"
      hint={
        listed.length === 0
          ? 'Add a source under “Sources” first: every figure, quantity and milestone cites one.'
          : optional
            ? 'Optional: where this is not (only) the sources above.'
            : undefined
      }
      options={[...ids, ...missing]}
      labels={labels}
      value={value}
      onChange={onChange}
    />
  );
}
