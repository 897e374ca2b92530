import { describe, expect, it } from 'vitest';
import { makeDeal } from '../../test/deal-fixtures';
import { exportFileName, exportFooter, formatExportDate, slugify, sourceSummary } from './export-names';

const date = new Date('2026-11-24T23:30:00Z');

describe('export file names', () => {
  it('say what the chart is, under which filters, and when', () => {
    expect(
      exportFileName('Units by armed service', 'Service: Navy · Status: Contract signed', date, 'png'),
    ).toBe('units-by-armed-service_service-navy-status-contract-signed_2026-11-24.png');
    expect(exportFileName('Contract value by year (₹ crore)', 'All deals', date, 'svg')).toBe(
      'contract-value-by-year-inr-crore_all-deals_2026-11-24.svg',
    );
  });

  it('stay portable: ASCII only, no separators, bounded length, never empty', () => {
    expect(slugify('Défense / “HAL–GE” <script>')).toBe('defense-hal-ge-script');
    expect(slugify('a'.repeat(30) + ' ' + 'b'.repeat(40), 40)).toBe('a'.repeat(30));
    expect(exportFileName('!!!', '', date, 'png')).toBe('chart_all-deals_2026-11-24.png');
  });
});

describe('export footer', () => {
  it('names the sources, the tracker and the date', () => {
    expect(formatExportDate(date)).toBe('24 Nov 2026');
    expect(exportFooter({ sources: 'Reuters; PTI', date, synthetic: false })).toBe(
      'Source: Reuters; PTI · Defence Procurement Tracker · 24 Nov 2026',
    );
  });

  it('labels synthetic data in the image itself', () => {
    expect(exportFooter({ sources: 'generator', date, synthetic: true })).toMatch(
      /^SYNTHETIC DATA, not real deals · /,
    );
  });

  it('lists the most cited publishers first', () => {
    const deal = (id: string, publishers: string[]) =>
      makeDeal({ id, sources: publishers.map((publisher, i) => ({ id: `s${i}`, title: 't', publisher })) });
    const deals = [
      deal('a', ['SIPRI', 'Reuters']),
      deal('b', ['SIPRI', 'PTI']),
      deal('c', ['SIPRI', 'Reuters', 'Mint']),
    ];
    expect(sourceSummary(deals, 2)).toBe('SIPRI; Reuters and 2 more');
    expect(sourceSummary(deals, 5)).toBe('SIPRI; Reuters; Mint; PTI');
    expect(sourceSummary([])).toBe('no sources');
  });
});
