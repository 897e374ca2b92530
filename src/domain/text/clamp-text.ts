/**
 * Labels cut to a length a link or a list row can hold. A record's text is data from a feed: a title
 * of a megabyte must not make a link a million pixels wide or a row take seconds to lay out.
 */

export const ELLIPSIS = '…';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * `text` if it is at most `max` graphemes (what a reader counts as characters: a flag, a family
 * emoji or a letter with its accents is one), otherwise its first `max - 1` graphemes, trailing
 * spaces dropped, and "…". A cut never falls inside a surrogate pair or a grapheme.
 */
export function clampLabel(text: string, max: number): string {
  // A grapheme is at least one code unit, so a string this short has at most `max` graphemes.
  if (text.length <= max) return text;
  // Intl.Segmenter reads the whole string it is given (about 300 ms for 1 MB), so segment a prefix,
  // longer each time a grapheme turns out to be long. A boundary inside a prefix is a boundary of the
  // whole text (a break depends on the characters before it and the one after): only the prefix's
  // own end is not to be trusted, and the cut is always before a grapheme that starts inside it.
  for (let window = max * 4 + 16; ; window *= 4) {
    const prefix = text.slice(0, window);
    const whole = prefix.length === text.length;
    let count = 0;
    let keep = 0;
    for (const { index } of graphemes.segment(prefix)) {
      if (count === max - 1) keep = index;
      if (count === max) {
        return `${text.slice(0, keep).trimEnd()}${ELLIPSIS}`;
      }
      count++;
    }
    if (whole) return text;
  }
}

/** The longest a deal's name runs in a link or a list row; the deal's own page shows it in full. */
export const LABEL_MAX = 200;
