import type { Deal, ImportFormat } from './deal-schema';
import { z } from './zod';

/**
 * Where a record comes from, as the "Data origin" facet tells them apart: entered in the tracker
 * (the sourced seeds, and whatever a user adds), generated (synthetic), or imported, by kind of file.
 */
export const DATA_ORIGINS = ['tracker', 'generated', 'sipri', 'ocds', 'export', 'csv'] as const;
export const DataOrigin = z.enum(DATA_ORIGINS);
export type DataOrigin = z.infer<typeof DataOrigin>;

export const DATA_ORIGIN_LABELS: Record<DataOrigin, string> = {
  tracker: 'Entered in the tracker',
  generated: 'Generated (synthetic)',
  sipri: 'Imported: SIPRI',
  ocds: 'Imported: OCDS',
  export: 'Imported: tracker export',
  csv: 'Imported: other CSV',
};

const BY_FORMAT: Record<ImportFormat, DataOrigin> = {
  'sipri-classic': 'sipri',
  'sipri-2025': 'sipri',
  'ocds-release-package': 'ocds',
  'ocds-record-package': 'ocds',
  'dpt-json': 'export',
  'dpt-csv': 'export',
  csv: 'csv',
};

export function dataOriginOf(deal: Deal): DataOrigin {
  if (deal.origin) return BY_FORMAT[deal.origin.format] ?? 'csv';
  return deal.synthetic === true ? 'generated' : 'tracker';
}
