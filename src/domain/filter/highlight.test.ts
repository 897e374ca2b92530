import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlightParts, matchRanges, prepareSearch } from './highlight';

const marked = (text: string, q: string) =>
  highlightParts(text, prepareSearch(q))
    .filter((p) => p.match)
    .map((p) => p.text);

describe('search highlighting', () => {
  it('marks the original spelling whatever the case', () => {
    expect(marked('10 C-17 Globemaster III', 'globemaster')).toEqual(['Globemaster']);
  });

  it('marks "MQ-9B" whole for a search without the separator', () => {
    expect(marked('31 MQ-9B SeaGuardian drones', 'MQ9B')).toEqual(['MQ-9B']);
    expect(marked('31 MQ-9B SeaGuardian drones', 'mq 9b')).toEqual(['MQ', '9B']);
  });

  it('ignores accents in both the text and the search', () => {
    expect(marked('Société Générale', 'generale')).toEqual(['Générale']);
    expect(marked('Societe Generale', 'société')).toEqual(['Societe']);
  });

  it('marks every occurrence of every token, merging overlaps', () => {
    expect(marked('P-8I and P-8I again', 'p-8i')).toEqual(['P-8I', 'P-8I']);
    expect(matchRanges('Seahawk', prepareSearch('sea hawk seahawk'))).toEqual([[0, 7]]);
  });

  it('marks nothing for an empty search or a text without the tokens', () => {
    expect(highlightParts('Apache', prepareSearch('   '))).toEqual([{ text: 'Apache', match: false }]);
    expect(marked('Apache', 'chinook')).toEqual([]);
  });

  it('keeps a character that normalises to several whole (ligatures, symbols)', () => {
    expect(marked('ﬁghter', 'fi')).toEqual(['ﬁ']);
    expect(marked('Drone 🚁 MQ‑9B', 'mq9b')).toEqual(['MQ‑9B']);
  });

  it('cuts the text into runs that put it back together unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ maxLength: 6 }), (text, q) => {
        const parts = highlightParts(text, prepareSearch(q));
        expect(parts.map((p) => p.text).join('')).toBe(text);
        for (let i = 1; i < parts.length; i++) expect(parts[i]!.match).not.toBe(parts[i - 1]!.match);
      }),
      { numRuns: 300 },
    );
  });

  it('marks a token of the text wherever it is searched for by a piece of it', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z]{1,5}$/),
        fc.stringMatching(/^[A-Z0-9]{2,6}$/),
        fc.stringMatching(/^[a-z]{1,5}$/),
        (left, word, right) => {
          const text = `${left} ${word.slice(0, 1)}-${word.slice(1)} ${right}`;
          const ranges = matchRanges(text, prepareSearch(word));
          expect(ranges.length).toBeGreaterThan(0);
          expect(ranges.some(([s, e]) => text.slice(s, e).toUpperCase().replace('-', '') === word)).toBe(
            true,
          );
        },
      ),
    );
  });
});
