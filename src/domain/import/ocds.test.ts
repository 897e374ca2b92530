import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headlineFigure } from '../money-dates/money';
import { mergeReleases, parseOcds } from './ocds';
import { ImportCancelled, UnreadableFile, type ParseContext } from './types';

const read = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const RELEASES = 'ocds-fictional-release-package.json';
const RECORD = 'ocds-fictional-record-package.json';
const CONTRACT = 'ocds-fictional-05-contract-release-package.json';
const REFERENCE = 'ocds-standard-reference-release-package.json';
const FRAGMENT = 'ocds-standard-milestones-transaction.json';
const context: ParseContext = { fileName: 'barnet.json', importedAt: '2026-12-02T07:00:00.000Z' };
const parse = (text: string, ctx: ParseContext = context) => parseOcds(text, 'UTF-8', ctx);
const parseFile = (name: string) => parse(read(name));

type Json = Record<string, unknown> & { releases: Record<string, unknown>[] };
/** The release package as an object, to break on purpose. */
const releasePackage = (): Json => JSON.parse(read(RELEASES)) as Json;
// Fixture shapes the tests below edit.
interface Party {
  id: string;
  roles: string[];
  address?: { countryName?: string };
}
interface Release {
  parties: Party[];
  awards?: { suppliers: { id: string; name: string }[]; relatedLots?: string[] }[];
  contracts?: { awardID: string; status?: string; implementation?: unknown }[];
}
const release = (pkg: Json, i: number) => pkg.releases[i] as unknown as Release;

describe('OCDS release package', () => {
  const result = parseFile(RELEASES);
  const [parsed] = result.deals;
  const deal = parsed!.deal;

  it('says what the file is: six releases of one process, its publisher and date', () => {
    expect(result.detected).toMatchObject({
      format: 'ocds-release-package',
      rowCount: 6,
      publisher: 'Open Data Services Co-operative Limited',
      generated: '2011-01-10',
    });
    expect(result.detected.description).toBe(
      'OCDS release package, 6 releases, 1 process, published by Open Data Services Co-operative Limited on 10 January 2011, UTF-8',
    );
    expect(result.rejected).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('makes one deal of the process, traced to each of its releases and keyed by its ocid', () => {
    expect(result.deals).toHaveLength(1);
    expect(parsed!.places).toEqual([0, 1, 2, 3, 4, 5].map((i) => `releases[${i}]`));
    expect(parsed!.matchKeys[0]).toBe('ocds:ocds-213czf-000-00001');
    expect(parsed!.matchKeys[1]).toMatch(/^deal:GB\|GB\|/);
    expect(deal.origin).toMatchObject({
      format: 'ocds-release-package',
      file: 'barnet.json',
      externalId: 'ocds-213czf-000-00001',
      rows: parsed!.places,
      importedAt: context.importedAt,
    });
  });

  it('takes title, buyer and supplier from the releases, countries from the parties’ addresses', () => {
    expect(deal.title).toBe('Planned cycle lane improvements');
    expect(deal.summary).toContain('Tenders solicited for work to build new cycle lanes');
    expect(deal.summary).toContain('derived from');
    expect(deal.buyerCountries).toEqual(['GB']);
    expect(deal.supplierCountries).toEqual(['GB']);
    expect(deal.parties).toEqual([
      { name: 'London Borough of Barnet', role: 'buyer-organisation', country: 'GB' },
      { name: 'AnyCorp Cycle Provision', role: 'prime-contractor', country: 'GB' },
    ]);
  });

  it('reaches the furthest stage: payments made, so in delivery', () => {
    expect(deal.status).toBe('in-delivery');
  });

  it('keeps the tender estimate, the award and the signed contract value; the payments are not added', () => {
    expect(deal.figures.map((f) => [f.kind, f.amount, f.currency, f.asOf])).toEqual([
      ['estimate', 1_100_000, 'GBP', '2010-03-01'],
      ['approved', 11_000_000, 'GBP', '2010-05-10'],
      ['signed', 11_000_000, 'GBP', '2010-06-10'],
    ]);
    expect(headlineFigure(deal)?.kind).toBe('signed');
    const contract = deal.figures.find((f) => f.kind === 'signed')!;
    expect(contract.note).toContain('2010-08-01 GBP 50,000; 2010-10-01 GBP 10,000');
    expect(contract.note).toContain('not added to the value');
    expect(contract.amount).toBe(11_000_000);
  });

  it('dates the tender, the award and the signature, each citing the package', () => {
    expect(deal.milestones.map((m) => [m.kind, m.date])).toEqual([
      ['announcement', '2010-03-01'],
      ['approval', '2010-05-10'],
      ['signature', '2010-06-10'],
    ]);
    expect(deal.milestones.every((m) => m.sourceIds.includes(deal.sources[0]!.id))).toBe(true);
    expect(deal.sources).toEqual([
      {
        id: 'ocds-package',
        publisher: 'Open Data Services Co-operative Limited',
        title:
          'https://github.com/open-contracting/sample-data/raw/1.1/fictional-example/ocds-213czf-000-00001.json',
        date: '2011-01-10',
        url: 'https://github.com/open-contracting/sample-data/raw/1.1/fictional-example/ocds-213czf-000-00001.json',
      },
    ]);
  });

  it('merges the releases in date order whatever their order in the file', () => {
    const pkg = releasePackage();
    pkg.releases.reverse();
    const reversed = parse(JSON.stringify(pkg)).deals[0]!.deal;
    expect({ ...reversed, origin: undefined }).toEqual({ ...deal, origin: undefined });
  });
});

describe('OCDS record package', () => {
  it('reads the compiled release: the same deal as the release package gives', () => {
    const result = parseFile(RECORD);
    expect(result.detected.format).toBe('ocds-record-package');
    expect(result.detected.description).toContain('1 record');
    const [parsed] = result.deals;
    const fromReleases = parseFile(RELEASES).deals[0]!.deal;
    expect(parsed!.places).toEqual(['records[0]']);
    expect(parsed!.deal.origin?.format).toBe('ocds-record-package');
    const core = ({ title, status, figures, milestones, parties, buyerCountries }: typeof fromReleases) => ({
      title,
      status,
      figures,
      milestones,
      parties,
      buyerCountries,
    });
    expect(core(parsed!.deal)).toEqual(core(fromReleases));
  });

  it('merges a record’s releases when it has no compiled release', () => {
    const record = JSON.parse(read(RECORD)) as { records: Record<string, unknown>[] };
    const full = releasePackage().releases;
    record.records[0] = { ocid: 'ocds-213czf-000-00001', releases: full };
    const deal = parse(JSON.stringify(record)).deals[0]!.deal;
    expect(deal.status).toBe('in-delivery');
    expect(deal.figures.map((f) => f.amount)).toEqual([1_100_000, 11_000_000, 11_000_000]);
  });

  it('rejects a record with only linked releases, naming its path', () => {
    const record = JSON.parse(read(RECORD)) as { records: Record<string, unknown>[] };
    delete record.records[0]!.compiledRelease;
    const result = parse(JSON.stringify(record));
    expect(result.deals).toEqual([]);
    expect(result.rejected[0]).toMatchObject({ place: 'records[0]' });
    expect(result.rejected[0]!.reason).toContain('no "compiledRelease"');
  });
});

describe('OCDS: other stages and packages', () => {
  it('reads the contract release alone as a signed contract with no tender estimate', () => {
    const deal = parseFile(CONTRACT).deals[0]!.deal;
    expect(deal.status).toBe('contract-signed');
    expect(deal.title).toBe('Contract to build new cycle lanes in the centre of town.');
    expect(deal.figures.map((f) => f.kind)).toEqual(['approved', 'signed']);
  });

  it('reads the standard’s reference package: a country code, the release’s publisher, a planned milestone', () => {
    const result = parseFile(REFERENCE);
    const deal = result.deals[0]!.deal;
    expect(deal.buyerCountries).toEqual(['GB']);
    expect(deal.sources[0]).toEqual({
      id: 'ocds-package',
      publisher: 'Open Data Services Co-operative Limited',
      title: 'OCDS release package',
    });
    expect(headlineFigure(deal)).toMatchObject({ amount: 1_096_000, currency: 'GBP', kind: 'signed' });
    const started = deal.milestones.find((m) => m.label === 'project started')!;
    expect(started).toMatchObject({ date: '2010-08-01', planned: { date: '2010-08-01' } });
  });

  it('marks a terminated contract completed and a cancelled one cancelled', () => {
    const withStatus = (status: string) => {
      const pkg = releasePackage();
      pkg.releases.forEach((_, i) => release(pkg, i).contracts?.forEach((c) => (c.status = status)));
      return parse(JSON.stringify(pkg)).deals[0]!.deal.status;
    };
    expect(withStatus('terminated')).toBe('completed');
    expect(withStatus('cancelled')).toBe('cancelled');
  });

  it('rejects a process with no award yet: it has no supplier, and says so', () => {
    const pkg = releasePackage();
    pkg.releases = pkg.releases.slice(0, 3);
    const result = parse(JSON.stringify(pkg));
    // No award: no supplier, so no deal can be built; the reason says so.
    expect(result.deals).toEqual([]);
    expect(result.rejected[0]!.reason).toContain('no supplier yet');
  });
});

describe('OCDS: broken input', () => {
  it('refuses a fragment that is not a package, naming what is missing', () => {
    expect(() => parseFile(FRAGMENT)).toThrow(UnreadableFile);
    expect(() => parseFile(FRAGMENT)).toThrow(/no release names a "buyer", a "tender" or "awards"/);
  });

  it.each([
    ['not JSON', '{"releases": [', /not valid JSON/],
    ['JSON that is no package', '{"data": []}', /no "releases" or "records" array/],
    ['an empty package', '{"version": "1.1", "releases": []}', /empty/],
    ['releases without an ocid', '{"version": "1.1", "releases": [{"id": "x"}]}', /"ocid"/],
  ])('refuses %s with a clear message', (_what, text, message) => {
    expect(() => parse(text)).toThrow(UnreadableFile);
    expect(() => parse(text)).toThrow(message);
  });

  it('rejects a release with no ocid by its path and reads the rest', () => {
    const pkg = releasePackage();
    delete pkg.releases[2]!.ocid;
    const result = parse(JSON.stringify(pkg));
    expect(result.deals).toHaveLength(1);
    expect(result.rejected).toEqual([
      { place: 'releases[2]', reason: 'releases[2] has no "ocid": it names no contracting process' },
    ]);
  });

  it('warns of a contract whose awardID names no award and of a lot no tender lists', () => {
    const pkg = releasePackage();
    for (let i = 4; i <= 5; i++) release(pkg, i).contracts![0]!.awardID = 'no-such-award';
    release(pkg, 5).awards![0]!.relatedLots = ['lot-9'];
    const result = parse(JSON.stringify(pkg));
    expect(result.deals).toHaveLength(1);
    expect(result.warnings).toEqual([
      expect.stringContaining('awards[0].relatedLots names lot "lot-9"'),
      expect.stringContaining('contracts[0].awardID "no-such-award" names no award'),
    ]);
  });

  it('warns of a supplier id not in parties, and rejects the process when no supplier country is left', () => {
    const pkg = releasePackage();
    for (let i = 3; i <= 5; i++) {
      for (const award of release(pkg, i).awards ?? []) award.suppliers[0]!.id = 'GHOST';
    }
    const kept = parse(JSON.stringify(pkg));
    // The supplier party (role supplier) still gives the country.
    expect(kept.deals).toHaveLength(1);
    expect(kept.warnings.some((w) => w.includes('awards[0].suppliers[0] names party "GHOST"'))).toBe(true);

    for (const r of pkg.releases) {
      for (const party of (r as unknown as Release).parties)
        party.roles = party.roles.filter((x) => x !== 'supplier');
    }
    const result = parse(JSON.stringify(pkg));
    expect(result.deals).toEqual([]);
    expect(result.rejected[0]).toMatchObject({ place: 'releases[0]' });
    expect(result.rejected[0]!.reason).toContain('has no "address.countryName"');
  });

  it('takes the buyer country from the party with role buyer when "buyer" names no party', () => {
    const pkg = releasePackage();
    for (const r of pkg.releases) (r as unknown as { buyer: { id: string } }).buyer.id = 'NOT-IN-PARTIES';
    const result = parse(JSON.stringify(pkg));
    expect(result.deals[0]!.deal.buyerCountries).toEqual(['GB']);
    expect(result.deals[0]!.deal.parties.filter((p) => p.role === 'buyer-organisation')).toEqual([
      { name: 'London Borough of Barnet', role: 'buyer-organisation', country: 'GB' },
    ]);
    expect(result.warnings.some((w) => w.includes('buyer names party "NOT-IN-PARTIES"'))).toBe(true);
  });

  it('rejects a process whose buyer country it does not know, with the path and the name, never a guess', () => {
    const pkg = releasePackage();
    for (const r of pkg.releases) {
      const buyer = (r as unknown as Release).parties.find((p) => p.id === 'GB-LAC-E09000003');
      if (buyer?.address) buyer.address.countryName = 'Ruritania';
    }
    const result = parse(JSON.stringify(pkg));
    expect(result.deals).toEqual([]);
    expect(result.rejected[0]!.reason).toMatch(
      /parties\[0\]\.address: "Ruritania" .* is not a country the tracker knows/,
    );
  });

  it('stops when cancelled and reports progress', () => {
    const pkg = releasePackage();
    const many = Array.from({ length: 1200 }, (_, i) => ({
      ...pkg.releases[5],
      ocid: `ocds-x-${i}`,
      id: `r-${i}`,
    }));
    const progress: number[] = [];
    const result = parse(JSON.stringify({ ...pkg, releases: many }), {
      ...context,
      onProgress: (done) => progress.push(done),
    });
    expect(result.deals).toHaveLength(1200);
    expect(progress).toEqual([0, 500, 1000, 1200]);
    expect(() =>
      parse(JSON.stringify({ ...pkg, releases: many }), { ...context, cancelled: () => true }),
    ).toThrow(ImportCancelled);
  });
});

describe('mergeReleases', () => {
  it('lets the latest date win per field, merges objects and arrays of objects by id', () => {
    const merged = mergeReleases([
      { date: '2020-02-01', tender: { title: 'New' }, awards: [{ id: 'a', status: 'active' }] },
      {
        date: '2020-01-01',
        tender: { title: 'Old', status: 'active' },
        awards: [{ id: 'a', value: 1 }, { id: 'b' }],
      },
    ]);
    expect(merged).toEqual({
      date: '2020-02-01',
      tender: { title: 'New', status: 'active' },
      awards: [{ id: 'a', value: 1, status: 'active' }, { id: 'b' }],
    });
  });
});
