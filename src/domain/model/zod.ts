import { z } from 'zod/mini';

/*
 * zod/mini ships without a locale, so every built-in issue would read "Invalid input" and a data
 * editor could not tell a missing field from a misspelt status. The English locale would add about
 * 1 KB gzip to the first load; this map adds under 0.3 KB and words every issue our schemas can raise
 * as the locale does (anything else falls back to "Invalid input"). Schemas take `z` from here, so
 * the messages are set before any parse.
 */

const UNITS: Partial<Record<string, string>> = { string: 'characters', array: 'items' };

/** Names what arrived as the locale does, but for JSON input only: no class names to report. */
function received(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && !Number.isFinite(input)) return String(input);
  return typeof input;
}

z.config({
  localeError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return `Invalid input: expected ${issue.expected}, received ${received(issue.input)}`;
      case 'invalid_value': {
        const options = issue.values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v)));
        return `Invalid option: expected one of ${options.join('|')}`;
      }
      case 'too_small':
      case 'too_big': {
        const small = issue.code === 'too_small';
        const op = issue.exact ? 'exactly ' : `${small ? '>' : '<'}${issue.inclusive ? '=' : ''}`;
        const limit = `${op}${small ? issue.minimum : issue.maximum}`;
        const unit = UNITS[issue.origin];
        return `Too ${small ? 'small' : 'big'}: expected ${issue.origin} to ${unit ? `have ${limit} ${unit}` : `be ${limit}`}`;
      }
      case 'invalid_format':
        return issue.format === 'regex' ? `Invalid string: must match pattern ${issue.pattern}` : undefined;
    }
  },
});

export { z };
