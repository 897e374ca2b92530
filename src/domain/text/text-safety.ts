// Data is shown inside the app's own sentences ("Ignored status=…", "System: …", chart subtitles)
// and written into files (SVG, PNG, PDF, ZIP). Two things in a value can break those sentences and
// files: bidirectional controls, which reorder the text around them (an unterminated U+202E RIGHT-TO-LEFT
// OVERRIDE reverses everything after it up to the end of the paragraph), and characters XML 1.0
// forbids, which make an SVG that no parser opens. These helpers are the one place that handles both.
//
// Per sink: the DOM shows a value in a <bdi> (`DataText`, or `IsolatedText` for a string built with
// `isolate`); SVG text and the ZIP's README keep FSI…PDI around each value (`isolate`, `containBidi`);
// attributes, spoken names and PDF text drop the controls (`plainText`: jsPDF knows no isolates);
// file names are ASCII slugs already (`slugify`). Every sink loses what XML forbids (`stripControls`).

/** U+2068 FIRST STRONG ISOLATE: opens an isolate whose direction is that of its first strong letter. */
export const FSI = '\u2068';
/** U+2069 POP DIRECTIONAL ISOLATE: closes the innermost isolate and every embedding opened inside it. */
export const PDI = '\u2069';
const PDF = '\u202c';

// LRE, RLE, LRO, RLO open an embedding or override; PDF closes one. LRI, RLI, FSI open an isolate; PDI closes one.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
const HAS_BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
const isEmbeddingOpener = (c: string) => c >= '\u202a' && c <= '\u202e' && c !== PDF;
const isIsolateOpener = (c: string) => c >= '\u2066' && c <= '\u2068';

// C0 controls but tab, LF and CR; DEL and the C1 controls (allowed by XML 1.0 but never visible
// text, and what a mis-decoded feed leaves behind); U+FFFE and U+FFFF, which XML forbids.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// eslint-disable-next-line no-control-regex -- as above
const HAS_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff\ufffe\uffff]/;

/**
 * The value without the characters XML 1.0 forbids or that are never visible text: C0 controls
 * (tab, LF and CR kept), DEL, C1 controls, U+FFFE, U+FFFF. A lone surrogate becomes U+FFFD, the
 * replacement character, as a UTF-8 encoder would write it, so the gap stays visible.
 */
export function stripControls(value: string): string {
  if (!HAS_UNSAFE.test(value)) return value;
  return value.replace(FORBIDDEN, '').replace(LONE_SURROGATE, '\ufffd');
}

/** The value without any bidirectional embedding, override or isolate control (U+202A–U+202E, U+2066–U+2069). */
export function stripBidiControls(value: string): string {
  return HAS_BIDI_CONTROL.test(value) ? value.replace(BIDI_CONTROLS, '') : value;
}

/**
 * The value as plain words for a place with no text direction of its own to protect: a spoken name
 * (aria-label), or PDF text, which jsPDF lays out without the bidi algorithm's isolates.
 */
export function plainText(value: string): string {
  return stripBidiControls(stripControls(value));
}

/**
 * The value with its bidirectional controls balanced, as the Unicode bidi algorithm pairs them: a
 * closer with nothing open to close is dropped (it would close something around the value), and
 * whatever is still open at the end is closed there. The value's own right-to-left text and the
 * embeddings it closes itself are kept.
 */
export function balanceBidi(value: string): string {
  if (!HAS_BIDI_CONTROL.test(value)) return value;
  // true: an isolate; false: an embedding or override.
  const open: boolean[] = [];
  const parts: string[] = [];
  let from = 0;
  BIDI_CONTROLS.lastIndex = 0;
  for (let match = BIDI_CONTROLS.exec(value); match; match = BIDI_CONTROLS.exec(value)) {
    const c = match[0];
    const at = match.index;
    let keep = true;
    if (isIsolateOpener(c)) open.push(true);
    else if (isEmbeddingOpener(c)) open.push(false);
    else if (c === PDF) {
      // A PDF closes an embedding only within the current isolate.
      if (open.length > 0 && !open[open.length - 1]) open.pop();
      else keep = false;
    } else {
      // A PDI closes the innermost isolate and every embedding opened inside it.
      const isolate = open.lastIndexOf(true);
      if (isolate >= 0) open.length = isolate;
      else keep = false;
    }
    if (!keep) {
      parts.push(value.slice(from, at));
      from = at + 1;
    }
  }
  parts.push(value.slice(from));
  for (let i = open.length - 1; i >= 0; i--) parts.push(open[i] ? PDI : PDF);
  return parts.join('');
}

/** What a data value may show as in the app's DOM: its controls stripped and its bidi controls balanced. */
export function cleanText(value: string): string {
  return balanceBidi(stripControls(value));
}

/**
 * A data value for a sentence built as text (an SVG `<text>`, a README, a subtitle string): cleaned,
 * then wrapped in FSI…PDI, so it takes its own direction and nothing in it reorders the words around it.
 */
export function isolate(value: string): string {
  return `${FSI}${cleanText(value)}${PDI}`;
}

/**
 * A sentence that may hold isolated values (from `isolate`) but whose own words must never be
 * reordered: each isolate that is closed is kept, its inside balanced; every other bidi control is
 * dropped, since the app's own words carry none, so one outside an isolate came from a value that
 * was not isolated. Controls forbidden in XML are stripped too.
 */
export function containBidi(text: string): string {
  const value = stripControls(text);
  if (!HAS_BIDI_CONTROL.test(value)) return value;
  // Pair the isolates first: an opener without its PDI is not one of ours.
  const closes = new Map<number, number>();
  const openers: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (isIsolateOpener(c)) openers.push(i);
    else if (c === PDI && openers.length > 0) closes.set(openers.pop()!, i);
  }
  const parts: string[] = [];
  let from = 0;
  let i = 0;
  while (i < value.length) {
    const c = value[i]!;
    const close = closes.get(i);
    if (close !== undefined) {
      parts.push(value.slice(from, i), c, balanceBidi(value.slice(i + 1, close)), PDI);
      i = close + 1;
      from = i;
    } else if (HAS_BIDI_CONTROL.test(c)) {
      parts.push(value.slice(from, i));
      i += 1;
      from = i;
    } else i += 1;
  }
  parts.push(value.slice(from));
  return parts.join('');
}

/**
 * Lines cut from one sentence with isolates (a wrapped subtitle): an isolate cut at a line's end is
 * closed there and opened again on the next line, so every line stands alone and the value stays isolated.
 */
export function carryIsolates(lines: readonly string[]): string[] {
  let carried = 0;
  return lines.map((line) => {
    const text = `${FSI.repeat(carried)}${line}`;
    let depth = 0;
    for (const c of text) {
      if (isIsolateOpener(c)) depth += 1;
      else if (c === PDI && depth > 0) depth -= 1;
    }
    carried = depth;
    return containBidi(`${text}${PDI.repeat(depth)}`);
  });
}

export interface TextPart {
  text: string;
  /** A value that was wrapped in FSI…PDI: to be shown isolated (as a `<bdi>`), without the controls. */
  isolated: boolean;
}

/** A sentence from `isolate`d values and the app's words, split at its top-level FSI…PDI isolates. */
export function splitIsolates(text: string): TextPart[] {
  const value = containBidi(text);
  if (!value.includes(FSI)) return [{ text: value, isolated: false }];
  const parts: TextPart[] = [];
  let from = 0;
  let depth = 0;
  let start = -1;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (isIsolateOpener(c)) {
      if (depth === 0 && c === FSI) {
        if (i > from) parts.push({ text: value.slice(from, i), isolated: false });
        start = i;
      }
      depth += 1;
    } else if (c === PDI) {
      depth -= 1;
      if (depth === 0 && start >= 0) {
        parts.push({ text: value.slice(start + 1, i), isolated: true });
        from = i + 1;
        start = -1;
      }
    }
  }
  if (from < value.length) parts.push({ text: value.slice(from), isolated: false });
  return parts;
}
