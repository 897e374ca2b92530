import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  balanceBidi,
  carryIsolates,
  cleanText,
  containBidi,
  FSI,
  isolate,
  PDI,
  splitIsolates,
  stripBidiControls,
  stripControls,
} from './text-safety';

const RLO = '\u202e';
const LRO = '\u202d';
const RLE = '\u202b';
const PDF = '\u202c';
const RLI = '\u2067';

/**
 * How many embeddings, overrides and isolates are open just before `index`, paired as the bidi
 * algorithm pairs them (written apart from the code under test, as a plain counter per kind).
 */
function openAt(text: string, index = text.length): { open: number; strayClosers: number } {
  const stack: ('e' | 'i')[] = [];
  let strayClosers = 0;
  for (const c of text.slice(0, index)) {
    if ('\u202a\u202b\u202d\u202e'.includes(c)) stack.push('e');
    else if ('\u2066\u2067\u2068'.includes(c)) stack.push('i');
    else if (c === PDF) {
      if (stack.at(-1) === 'e') stack.pop();
      else strayClosers += 1;
    } else if (c === PDI) {
      const i = stack.lastIndexOf('i');
      if (i >= 0) stack.length = i;
      else strayClosers += 1;
    }
  }
  return { open: stack.length, strayClosers };
}

const balanced = (text: string) => {
  const { open, strayClosers } = openAt(text);
  return open === 0 && strayClosers === 0;
};

// Anything outside XML 1.0's Char production: what makes an SVG fail to parse.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const letters = (text: string) => [...text.matchAll(/[\p{L}\p{N}]/gu)].map((m) => m[0]).join('');

const HOSTILE: [name: string, value: string, visible: string][] = [
  ['an unterminated right-to-left override', `${RLO}MQ-9B`, 'MQ-9B'],
  ['an override closed, then a stray PDF', `a${LRO}b${PDF}${PDF}c`, 'abc'],
  ['nested embeddings never closed', `${RLE}${RLO}${RLE}x`, 'x'],
  ['a stray PDI that would close the isolate around it', `${PDI}${RLO}evil`, 'evil'],
  ['an unterminated right-to-left isolate', `${RLI}abc`, 'abc'],
  ['every bidi control', '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069x', 'x'],
  ['a NUL in a system name', 'MQ\u00009B', 'MQ9B'],
  ['a backspace and a bell', 'P-8\u0008I\u0007', 'P-8I'],
  [
    'every C0 control',
    `${Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('')}ok`,
    '\t\n\rok',
  ],
  ['DEL and C1 controls', 'a\u007f\u0080\u0085\u009fb', 'ab'],
  ['U+FFFE and U+FFFF', 'a\ufffe\uffffb', 'ab'],
  ['a lone high surrogate', 'a\ud800b', 'a\ufffdb'],
  ['a lone low surrogate', 'a\udc00b', 'a\ufffdb'],
  ['a surrogate pair kept whole', 'drone 🚁', 'drone 🚁'],
  ['HTML script', '<script>alert(1)</script>', '<script>alert(1)</script>'],
  ['SVG onload', '<svg onload="alert(1)">', '<svg onload="alert(1)">'],
  ['a javascript: URL', 'javascript:alert(1)', 'javascript:alert(1)'],
  ['a data: URL', 'data:text/html,<script>alert(1)</script>', 'data:text/html,<script>alert(1)</script>'],
  ['Hebrew and Arabic text', 'מל״ט طائرة', 'מל״ט طائرة'],
  ['empty', '', ''],
];

/** The visible text: the value without its bidi controls. */
const visible = (text: string) => stripBidiControls(text);

describe('text safety over hostile values', () => {
  it.each(HOSTILE)(
    'isolate: %s is isolated, balanced, valid XML and keeps its text',
    (_name, value, shown) => {
      const out = isolate(value);
      expect(out.startsWith(FSI) && out.endsWith(PDI)).toBe(true);
      expect(balanced(out)).toBe(true);
      expect(out).not.toMatch(NOT_XML_CHAR);
      expect(visible(out)).toBe(shown);
    },
  );

  it.each(HOSTILE)('cleanText: %s is balanced, valid XML and keeps its text', (_name, value, shown) => {
    const out = cleanText(value);
    expect(balanced(out)).toBe(true);
    expect(out).not.toMatch(NOT_XML_CHAR);
    expect(visible(out)).toBe(shown);
  });

  it.each(HOSTILE)('stripControls: %s keeps only XML characters', (_name, value) => {
    expect(stripControls(value)).not.toMatch(NOT_XML_CHAR);
  });

  it('keeps the words of a sentence around an isolated value outside any override', () => {
    const sentence = `Ignored status=${isolate(`${RLO}drafted${PDI}${RLO}`)} (not a known status).`;
    const tail = sentence.indexOf(' (not a known');
    expect(openAt(sentence, tail)).toEqual({ open: 0, strayClosers: 0 });
    expect(openAt(sentence, sentence.indexOf('status='))).toEqual({ open: 0, strayClosers: 0 });
  });

  it('keeps legitimate right-to-left embeddings that the value closes itself', () => {
    expect(balanceBidi(`a${RLE}שלום${PDF}b`)).toBe(`a${RLE}שלום${PDF}b`);
    expect(balanceBidi(`a${RLO}xyz`)).toBe(`a${RLO}xyz${PDF}`);
    expect(balanceBidi(`${RLI}a${RLO}b`)).toBe(`${RLI}a${RLO}b${PDF}${PDI}`);
  });

  it('handles a 1 MB value in linear time', () => {
    const big = `${RLO}\u0000x`.repeat(350_000);
    const started = performance.now();
    const out = isolate(big);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(out).not.toMatch(NOT_XML_CHAR);
    expect(balanced(out)).toBe(true);
    expect(visible(out)).toBe('x'.repeat(350_000));
  });
});

describe('sentences with isolated values', () => {
  it('keep closed isolates and drop every control outside them', () => {
    const value = isolate(`${RLO}MQ-9B`);
    expect(containBidi(`System: ${value} · ${RLO}rest`)).toBe(`System: ${value} · rest`);
    expect(containBidi(`${FSI}never closed ${RLO}x`)).toBe('never closed x');
    expect(containBidi('plain words')).toBe('plain words');
  });

  it('split into the app words and the isolated values', () => {
    expect(splitIsolates(`System: ${isolate(`${RLO}MQ`)} · Service: Navy`)).toEqual([
      { text: 'System: ', isolated: false },
      { text: `${RLO}MQ${PDF}`, isolated: true },
      { text: ' · Service: Navy', isolated: false },
    ]);
    expect(splitIsolates('All deals')).toEqual([{ text: 'All deals', isolated: false }]);
  });

  it('stay isolated when wrapped over lines', () => {
    const lines = carryIsolates([`Party: ${FSI}${RLO}Hindustan`, `Aeronautics${PDI} · Year: 2020`]);
    expect(lines).toEqual([
      `Party: ${FSI}${RLO}Hindustan${PDF}${PDI}`,
      `${FSI}Aeronautics${PDI} · Year: 2020`,
    ]);
    for (const line of lines) expect(balanced(line)).toBe(true);
  });
});

// Any string, with bidi and other controls mixed in often enough to matter.
const hostileString = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom(RLO, LRO, RLE, PDF, RLI, FSI, PDI, '\u0000', '\u0008', '\ud800', '\udfff', '\uffff'),
    ),
  )
  .map((parts) => parts.join(''));

describe('text safety properties', () => {
  it('isolate and the strippers never throw and keep every letter and digit', () => {
    fc.assert(
      fc.property(hostileString, (value) => {
        for (const f of [isolate, cleanText, stripControls, stripBidiControls, containBidi]) {
          expect(letters(f(value))).toBe(letters(value));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('isolate always gives balanced, valid XML text', () => {
    fc.assert(
      fc.property(hostileString, (value) => {
        const out = isolate(value);
        expect(balanced(out)).toBe(true);
        expect(out).not.toMatch(NOT_XML_CHAR);
        expect(balanced(containBidi(`a ${out} b ${value} c`))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
