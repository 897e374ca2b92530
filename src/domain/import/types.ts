/**
 * The shapes every importer shares (docs/import.md). A parser turns a file's text into records that
 * passed the Deal schema, each with the lines it came from and the keys that match it to deals already
 * in the tracker, and a list of what it could not read, each with its line or path and the reason.
 * Nothing here writes: the plan (plan.ts) compares, the API commits.
 */
import type { Deal, ImportFormat } from '../model/deal-schema';
import type { PartialDate } from '../money-dates/partial-date';
import type { Change } from '../tracking/diff';

export type { ImportFormat };

/** What the tracker understood a file to be, shown before anything else. */
export interface DetectedFile {
  format: ImportFormat;
  /** "SIPRI trade register, classic layout" */
  label: string;
  /** The encoding the text was decoded from: "UTF-8", "UTF-8 with BOM", "windows-1252". */
  encoding: string;
  /** Data rows (CSV) or releases/records (OCDS), not counting a preamble or a header. */
  rowCount: number;
  publisher?: string;
  /** The file's own "data generated" or publication date. */
  generated?: PartialDate;
  /** The whole sentence: "SIPRI trade register, classic layout, 764 rows, data generated 13 Mar 2025, windows-1252". */
  description: string;
}

/** Where in the file something was read: a 1-based line (CSV) or a JSON path ("releases[3].awards[0]"). */
export type FilePlace = number | string;

/** One record the file yields, valid under the Deal schema. */
export interface ParsedDeal {
  deal: Deal;
  /** Every line or path that went into it (a SIPRI 2025 deal is several rows). */
  places: FilePlace[];
  /**
   * Keys that match it to a deal already in the tracker, strongest first: `sipri:<AT id>`,
   * `ocds:<ocid>`, `id:<deal id>` (the app's own exports), `deal:<supplier>|<recipient>|<system>|<order year>`.
   */
  matchKeys: string[];
}

/** A row or element that could not be imported, and why, in words a user can act on. */
export interface RejectedRow {
  place: FilePlace;
  reason: string;
  /** The row as it was read, for the downloadable report (cells joined as in the file). */
  raw?: string;
}

export interface ParseResult {
  detected: DetectedFile;
  deals: ParsedDeal[];
  rejected: RejectedRow[];
  /** Notes that concern the whole file ("3 columns ignored: SIPRI TIV …"), not one row. */
  warnings: string[];
}

/** What a parser is told about the file besides its text. */
export interface ParseContext {
  fileName: string;
  /** ISO 8601 time the user started the import; stamped into each record's origin. */
  importedAt: string;
  /** Called now and then with rows done and rows in all, for the progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** Checked now and then; when it returns true the parser stops and throws ImportCancelled. */
  cancelled?: () => boolean;
}

export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled');
    this.name = 'ImportCancelled';
  }
}

/** A file the tracker will not read at all (binary, empty, too large, a JSON that is not an export). */
export class UnreadableFile extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFile';
  }
}

export type Parser = (text: string, encoding: string, context: ParseContext) => ParseResult;

/** The generic CSV importer's mapping: for each deal field, the column that holds it (or none). */
export const MAPPABLE_FIELDS = [
  'id',
  'title',
  'summary',
  'kind',
  'status',
  'supplier',
  'buyer',
  'system',
  'category',
  'quantity',
  'value',
  'currency',
  'orderYear',
  'sourceTitle',
  'sourceUrl',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];
export type ColumnMapping = Partial<Record<MappableField, number>>;

/** An incoming record that matches a deal already in the tracker, and what importing it changes. */
export interface PlannedUpdate {
  existingId: string;
  /** The revision the preview was made against: the batch write's `ifMatch`. */
  revision: number;
  before: Deal;
  /** The existing deal with the file's facts merged in (plan.ts says how). */
  after: Deal;
  /** Field-level changes, as the History tab shows them (tracking/diff). */
  changes: Change[];
  matchedBy: string;
  places: FilePlace[];
}

/** The preview: nothing is written until the user confirms it. */
export interface ImportPlan {
  detected: DetectedFile;
  /** Rows (or elements) read, including those rejected. */
  rowsRead: number;
  added: ParsedDeal[];
  updated: PlannedUpdate[];
  /** Matched deals the file would not change. */
  unchanged: number;
  rejected: RejectedRow[];
  warnings: string[];
}
