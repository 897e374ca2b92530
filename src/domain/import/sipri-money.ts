/**
 * Money in SIPRI's Comments cell (docs/import.md, "SIPRI"). SIPRI gives no value column: a deal's
 * value, where known, is free text such as "$4.1 b deal (offsets $1.1 b)", "INR320 b ($3.8 b) deal",
 * "$646-700 m", "Part of $2.4 b deal". Every amount written with a currency is read and given a role
 * from the words before it:
 *
 * - `deal`: the value of this deal (the only role that becomes a money figure);
 * - `part-of`: "part of $2.4 b deal": a larger deal this row is a share of, so not its value;
 * - `offsets`: "offsets $1.1 b": the offset obligation, never the deal's value;
 * - `component`: "(incl $596 m for aircraft …)": a share of the deal's value;
 * - `earlier`: "(originally $625-750 m deal but increased)": a value SIPRI says was replaced.
 *
 * An amount in brackets right after another ("INR320 b ($3.8 b)") is the same value in another
 * currency and takes the first one's role; "$58 m or $100 m" gives both as alternatives. A range
 * ("$646-700 m") stays a range here; `sipriFigures` turns it into two figures, its low and its high
 * end. An amount whose currency is not one the tracker knows ("INS55 b") is left out (unknown), and
 * the comment is kept verbatim as the source's quote either way.
 */
import type { MoneyFigure } from '../model/deal-schema';
import { MAX_AMOUNT, MIN_AMOUNT } from '../model/deal-schema';

export type AmountRole = 'deal' | 'part-of' | 'offsets' | 'component' | 'earlier';

export interface ParsedAmount {
  /** In whole units of the currency; the low end of a range. */
  amount: number;
  /** ISO 4217 ("USD", "INR", "DEM" for Deutsche Mark). */
  currency: string;
  /** "about", "nearly", "over", "up to": the comment gave a round or bounded figure. */
  approximate: boolean;
  /** "$646-700 m": the low and high ends, in whole units. */
  range?: [number, number];
  /** "Part of $2.4 b deal": a larger deal this row belongs to, not this row's value. */
  partOf: boolean;
  /** "offsets $1.1 b": an offset obligation, not the deal's value. */
  offsets: boolean;
  role: AmountRole;
  /** "Possibly", "probably": SIPRI itself is unsure of the figure. */
  hedged: boolean;
  /** Index of the amount this one restates in another currency ("INR320 b ($3.8 b)"). */
  sameAs?: number;
  /** Index of the amount this one is an alternative to ("$58 m or $100 m"). */
  alternativeTo?: number;
  /** The amount as written: "INR320 b", "$646-700 m". */
  text: string;
}

export interface ParsedComment {
  figures: ParsedAmount[];
  /** What was seen and not read as money: "INS55 b: INS is not a currency code the tracker knows". */
  notes: string[];
}

const SCALES: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  biliion: 1e9, // SIPRI's own typo, in "INR3.75 biliion ($77 million) deal"
  lakh: 1e5,
  lakhs: 1e5,
  crore: 1e7,
  crores: 1e7,
};

const SYMBOLS: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '₹': 'INR',
  Rs: 'INR',
  'Rs.': 'INR',
  DM: 'DEM',
};

/** Codes of currencies replaced by the euro or gone with their states, which SIPRI's older rows use. */
const HISTORICAL_CODES = ['DEM', 'FRF', 'ITL', 'NLG', 'ESP', 'BEF', 'ATS', 'FIM', 'PTE', 'GRD', 'SUR'];

let knownCodes: Set<string> | undefined;
function isCurrencyCode(code: string): boolean {
  knownCodes ??= new Set([...Intl.supportedValuesOf('currency'), ...HISTORICAL_CODES]);
  return knownCodes.has(code);
}

const NUMBER = String.raw`\d+(?:,\d{3})*(?:\.\d+)?`;
const SCALE = String.raw`(?:k|thousand|mn|m|million|bn|b|billion|biliion|lakhs?|crores?)`;
/**
 * A currency (symbol or three capitals), a number, an optional range end, an optional scale; the
 * whole not followed by a letter or digit, so "MAN 12V28" or "AGM-84L" are not money.
 */
const AMOUNT = new RegExp(
  String.raw`(US\$|\$|€|£|₹|Rs\.?|DM|\b[A-Z]{3})\s?(${NUMBER})(?:\s?(${SCALE}))?(?:\s?(?:-|–|to)\s?(${NUMBER}))?(?:\s?(${SCALE}))?(?![\w])`,
  'g',
);

const APPROXIMATE =
  /\b(about|around|approximately|approx\.?|some|nearly|almost|over|more than|up to|at least|circa|c\.)\s*$/i;
const HEDGED = /\b(possibly|probably|reportedly|perhaps)\b/i;

function toUnits(number: string, scale: string | undefined): number {
  const value = Number(number.replaceAll(',', ''));
  return Math.round(value * (scale ? SCALES[scale.toLowerCase()]! : 1));
}

/** The words since the last bracket, semicolon or start: what the amount's own clause says of it. */
function clauseBefore(comment: string, index: number): string {
  const before = comment.slice(0, index);
  const cut = Math.max(before.lastIndexOf('('), before.lastIndexOf(';'));
  return before.slice(cut + 1);
}

function roleFromClause(clause: string): AmountRole {
  const words = clause
    .toLowerCase()
    .replace(
      /\b(possibly|probably|reportedly|perhaps|about|around|approximately|nearly|some|over|up to)\b/g,
      ' ',
    )
    .replace(/\s+/g, ' ')
    .trim();
  if (/\boffsets?$/.test(words)) return 'offsets';
  if (/\bpart(?: of)?$/.test(words)) return 'part-of';
  if (/^incl(?:uding|\.)?\b/.test(words)) return 'component';
  if (/^originally\b/.test(words)) return 'earlier';
  return 'deal';
}

export function parseSipriComment(comment: string): ParsedComment {
  const figures: ParsedAmount[] = [];
  const notes: string[] = [];
  let previousEnd = -1;
  for (const match of comment.matchAll(AMOUNT)) {
    const [text, symbol, low, lowScale, high, highScale] = match;
    const index = match.index;
    const currency = SYMBOLS[symbol!] ?? symbol!;
    if (!isCurrencyCode(currency)) {
      notes.push(
        `${text}: ${currency} is not a currency code the tracker knows, so this amount is left unknown`,
      );
      continue;
    }
    // "$0.8-1 b": the scale written after the range applies to both ends.
    const scaleOfLow = lowScale ?? highScale;
    const scaleOfHigh = highScale ?? lowScale;
    const amount = toUnits(low!, scaleOfLow);
    const range: [number, number] | undefined =
      high !== undefined ? [amount, toUnits(high, scaleOfHigh)] : undefined;

    const between = previousEnd >= 0 ? comment.slice(previousEnd, index) : undefined;
    const previous = figures.length > 0 ? figures.length - 1 : undefined;
    let role: AmountRole;
    let sameAs: number | undefined;
    let alternativeTo: number | undefined;
    if (previous !== undefined && between !== undefined && /^\s*(?:deal\s*)?\($/i.test(between)) {
      sameAs = previous;
      role = figures[previous]!.role;
    } else if (previous !== undefined && between !== undefined && /^\s*or\s*$/i.test(between)) {
      alternativeTo = previous;
      role = figures[previous]!.role;
    } else {
      role = roleFromClause(clauseBefore(comment, index));
    }
    const clause = clauseBefore(comment, index);
    const parsed: ParsedAmount = {
      amount,
      currency,
      approximate: APPROXIMATE.test(comment.slice(0, index)),
      partOf: role === 'part-of',
      offsets: role === 'offsets',
      role,
      hedged: HEDGED.test(clause) || (sameAs !== undefined && figures[sameAs]!.hedged),
      text,
    };
    if (range) parsed.range = range;
    if (sameAs !== undefined) parsed.sameAs = sameAs;
    if (alternativeTo !== undefined) parsed.alternativeTo = alternativeTo;
    figures.push(parsed);
    previousEnd = index + text.length;
    if (role === 'offsets') notes.push(`${text} is the offsets obligation, not the deal's value`);
    if (role === 'part-of') notes.push(`${text} is a larger deal this one is part of, not its own value`);
  }
  return { figures, notes };
}

export interface SipriFigures {
  figures: MoneyFigure[];
  headlineFigureId?: string;
}

const SIPRI_NOTE = "From SIPRI's comment";

/**
 * The deal-value amounts of a comment as money figures citing `sourceId`, kind 'estimate' (SIPRI
 * reports values from open sources, not contracts), confidence 'partly-confirmed' ('unconfirmed' where
 * SIPRI says "possibly" or "probably"), as of the order year. A range becomes two figures, its low and
 * its high end; the headline is the first US-dollar figure (the low end of a range), else the first.
 * Parts-of, offsets, components and replaced values are not figures: the comment keeps them.
 */
export function sipriFigures(comment: string, asOf: string, sourceId: string): SipriFigures {
  const { figures: amounts } = parseSipriComment(comment);
  const figures: MoneyFigure[] = [];
  let headline: string | undefined;
  amounts.forEach((a, i) => {
    if (a.role !== 'deal') return;
    const base = `sipri-${a.currency.toLowerCase()}-${i + 1}`;
    const relation =
      a.sameAs !== undefined
        ? `; the same value as ${amounts[a.sameAs]!.text}`
        : a.alternativeTo !== undefined
          ? `; SIPRI gives this or ${amounts[a.alternativeTo]!.text}`
          : '';
    const common = {
      currency: a.currency,
      kind: 'estimate' as const,
      approximate: a.approximate,
      asOf,
      confidence: a.hedged ? ('unconfirmed' as const) : ('partly-confirmed' as const),
      sourceIds: [sourceId],
    };
    const ends: [string, number, string][] = a.range
      ? [
          [`${base}-low`, a.range[0], ` "${a.text}", low end of the range${relation}`],
          [`${base}-high`, a.range[1], ` "${a.text}", high end of the range${relation}`],
        ]
      : [[base, a.amount, ` "${a.text}"${relation}`]];
    for (const [id, amount, detail] of ends) {
      if (amount < MIN_AMOUNT || amount > MAX_AMOUNT) continue;
      figures.push({ id, amount, ...common, note: `${SIPRI_NOTE}:${detail}` });
      if (headline === undefined && a.currency === 'USD') headline = id;
    }
  });
  headline ??= figures[0]?.id;
  return headline === undefined ? { figures } : { figures, headlineFigureId: headline };
}
