import { describe, expect, it } from 'vitest';
import { clampLabel } from './clamp-text';

const graphemes = (text: string) => [
  ...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text),
];

describe('clampLabel', () => {
  it('keeps a label that fits, unchanged', () => {
    expect(clampLabel('MQ-9B SkyGuardian', 200)).toBe('MQ-9B SkyGuardian');
    expect(clampLabel('a'.repeat(200), 200)).toBe('a'.repeat(200));
    expect(clampLabel('', 5)).toBe('');
  });

  it('cuts a longer one to at most max characters, the last one an ellipsis', () => {
    const clamped = clampLabel('a'.repeat(1_000_000), 200);
    expect(clamped).toBe(`${'a'.repeat(199)}…`);
  });

  it('counts what a reader sees: a long string of flags or families is not "too long" in code units', () => {
    const flags = '🇮🇳🇺🇸'.repeat(50); // 100 flags, 400 code units
    expect(clampLabel(flags, 100)).toBe(flags);
  });

  it('never cuts inside a surrogate pair, a flag, a ZWJ family or a combining accent', () => {
    const family = '👨‍👩‍👧‍👦';
    const cases = [
      '𝒜'.repeat(300), // astral letters: two code units each
      '🇮🇳'.repeat(300),
      family.repeat(300),
      'e\u0301'.repeat(300), // e + combining acute
      `x${'Z\u0335\u0336\u0337'.repeat(300)}`, // zalgo: marks pile on each letter
    ];
    for (const text of cases) {
      const clamped = clampLabel(text, 10);
      const parts = graphemes(clamped).map((s) => s.segment);
      expect(parts).toHaveLength(10);
      expect(parts.at(-1)).toBe('…');
      expect(text.startsWith(clamped.slice(0, -1))).toBe(true);
      // Every kept grapheme is one of the original's, whole.
      const original = new Set(graphemes(text).map((s) => s.segment));
      for (const part of parts.slice(0, -1)) expect(original.has(part)).toBe(true);
    }
  });

  it('does not leave a space before the ellipsis', () => {
    expect(clampLabel('word '.repeat(100), 11)).toBe('word word…');
  });

  it('finds the cut in a 1 MB string without reading all of it', () => {
    const text = 'Ж'.repeat(1_000_000);
    const started = performance.now();
    for (let i = 0; i < 20; i++) clampLabel(text, 200);
    // Reading the whole string through Intl.Segmenter costs about 300 ms a call; the cut needs the first few hundred.
    expect((performance.now() - started) / 20).toBeLessThan(50);
  });
});
