/**
 * The domain's import functions as this feature calls them, in one place: the parsers, detection and
 * the plan are written beside this feature (src/domain/import), and this is the only file that knows
 * their exact signatures.
 */
import type { Deal } from '../../domain';
import { MAX_IMPORT_BYTES } from '../../domain/import/decode';
import { parseFile } from '../../domain/import/detect';
import {
  applyMapping,
  guessMapping,
  guessValueUnit,
  mappingProblems,
  VALUE_SCALES,
  type CsvTable,
  type ValueUnit,
} from '../../domain/import/csv-mapping';
import { buildImportPlan, existingKeys } from '../../domain/import/plan';
import type { ImportPlan, ParseResult } from '../../domain/import/types';

export {
  MAX_IMPORT_BYTES,
  applyMapping,
  existingKeys,
  guessMapping,
  guessValueUnit,
  mappingProblems,
  parseFile,
  VALUE_SCALES,
  type CsvTable,
  type ValueUnit,
};

export function planImport(
  result: ParseResult,
  existing: readonly { deal: Deal; revision: number }[],
  onProgress: (done: number, total: number, phase: string) => void,
): ImportPlan {
  return buildImportPlan(result, existing, {
    onProgress: (done: number, total: number) =>
      onProgress(done, total, 'Comparing with the deals in the tracker'),
  });
}
