import { describe, expect, it } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import { Deal } from '../model/deal-schema';
import { diff } from './diff';
import { STORED_SCHEMA_VERSION, StoredVersionError, stampRow, upgradeRow } from './migrate';

const raw = seedRecords.find((r) => r.id === 'mq-9b-2024')!;

describe('stored rows', () => {
  it('upgrades a version-1 row (record as typed, no version) to the current layout', () => {
    // As the client typed it: no parties or routes, so the schema's defaults are absent.
    const typed: Record<string, unknown> = { ...raw, title: '  Typed with spaces  ' };
    delete typed.parties;
    delete typed.routes;
    const v1 = {
      dataset: 'seed',
      dealId: raw.id,
      revision: 2,
      savedAt: '2026-12-01T00:00:00.000Z',
      deleted: false,
      record: typed,
    };
    const row = upgradeRow<{ data: unknown; revision: number }>(v1);
    expect(row.schemaVersion).toBe(STORED_SCHEMA_VERSION);
    expect(row).not.toHaveProperty('record');
    expect(row.revision).toBe(2);
    expect(row.data).toEqual(Deal.parse(typed));
    expect((row.data as Deal).parties).toEqual([]);
    // The upgraded record compares with the next revision field by field: only the real change shows.
    expect(diff(row.data, { ...(row.data as Deal), status: 'completed' }).map((c) => c.label)).toEqual([
      'Status',
    ]);
  });

  it('keeps a version-1 record the schema now refuses as it was typed', () => {
    const broken = { ...raw, status: 'signed-ish' };
    expect(upgradeRow<{ data: unknown }>({ revision: 2, record: broken }).data).toEqual(broken);
  });

  it('reads a current row as it is', () => {
    const row = stampRow({ dealId: raw.id, revision: 3, data: Deal.parse(raw) });
    expect(upgradeRow(row)).toEqual(row);
  });

  it('refuses a row from a newer version, saying so, rather than misreading it', () => {
    const future = { schemaVersion: STORED_SCHEMA_VERSION + 1, dealId: raw.id, payload: 'new layout' };
    expect(() => upgradeRow(future)).toThrow(StoredVersionError);
    expect(() => upgradeRow(future)).toThrow(/saved by a newer version of the app .*Nothing was changed/);
    expect(() => upgradeRow({ schemaVersion: 'two' })).toThrow(/no version of this app wrote/);
    expect(() => upgradeRow('not a row')).toThrow(StoredVersionError);
  });
});
