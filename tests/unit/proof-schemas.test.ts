/** The fields that carry the proof: a spotlight's outcome and sources, published work, workshop material. */
import { describe, expect, it } from 'vitest';
import { spotlightSchema, workshopSchema, writingSchema } from '../../src/lib/content-schemas';
import { byPartialDateDescending } from '../../src/lib/entries';
import { formatPartialDate } from '../../src/lib/format';
import { aztecSpotlight, devconfWorkshop } from './support/frontmatter';

function problems(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const writeUp = {
  title: 'Formal Verification of the Aztec Governance Protocol',
  date: '2025-12-09',
  kind: 'write-up',
  url: 'https://protocols-made-fun.com/quint/2025/12/09/aztec-governance.html',
  summary: 'How the governance protocol was verified.',
};

describe('writing schema', () => {
  it('accepts a work with a day, a month, a year or no date, as YAML hands them over', () => {
    expect(writingSchema.parse({ ...writeUp, date: new Date('2025-12-09') }).date).toBe(
      '2025-12-09',
    );
    expect(writingSchema.parse({ ...writeUp, date: '2025-01' }).date).toBe('2025-01');
    expect(writingSchema.parse({ ...writeUp, date: 2024 }).date).toBe('2024');
    const { date: _date, ...undated } = writeUp;
    expect(writingSchema.parse(undated)).toMatchObject({ coAuthors: [], draft: false });
  });

  it('rejects a day that does not exist and a date in another form', () => {
    expect(problems(writingSchema.safeParse({ ...writeUp, date: '2025-02-30' }))).toEqual([
      'date: a day that exists',
    ]);
    expect(problems(writingSchema.safeParse({ ...writeUp, date: '9.12.2025' }))[0]).toMatch(
      /^date: a year, a month or a day/,
    );
  });

  it('links only over https', () => {
    expect(problems(writingSchema.safeParse({ ...writeUp, url: 'http://thpani.net/' }))).toEqual([
      'url: an absolute URL starting with https://',
    ]);
    expect(problems(writingSchema.safeParse({ ...writeUp, url: 'thpani.net' }))).toEqual([
      'url: an absolute URL starting with https://',
    ]);
  });

  it('names the kinds it knows', () => {
    expect(problems(writingSchema.safeParse({ ...writeUp, kind: 'podcast' }))[0]).toMatch(
      /^kind: must be one of write-up, report, talk, workshop-material, code/,
    );
  });
});

describe('a spotlight with its outcome', () => {
  const full = {
    ...aztecSpotlight,
    engagement: { start: '2025-08', duration: 'five weeks' },
    team: ['Igor Konnov'],
    tools: ['Quint', 'Apalache'],
    metrics: [{ value: '125', label: 'invariants' }],
    findings: { bySeverity: { medium: 5, low: 3, info: 6 }, resolution: 'All addressed.' },
    sources: ['aztec-write-up'],
  };

  it('accepts every field and turns sources into references to writing entries', () => {
    const parsed = spotlightSchema.parse(full);
    expect(parsed.sources).toEqual([{ collection: 'writing', id: 'aztec-write-up' }]);
    expect(parsed.findings).toEqual(full.findings);
  });

  it('leaves every outcome field out when the file has none', () => {
    expect(spotlightSchema.parse(aztecSpotlight)).toMatchObject({
      team: [],
      tools: [],
      metrics: [],
      sources: [],
    });
    expect(spotlightSchema.parse(aztecSpotlight)).not.toHaveProperty('findings');
  });

  it('takes a verified result instead of counts, but not both or neither', () => {
    expect(
      spotlightSchema.safeParse({ ...full, findings: { verified: 'No counterexample.' } }).success,
    ).toBe(true);
    expect(
      spotlightSchema.safeParse({ ...full, findings: { verified: 'x', bySeverity: { low: 1 } } })
        .success,
    ).toBe(false);
    expect(spotlightSchema.safeParse({ ...full, findings: { bySeverity: {} } }).success).toBe(
      false,
    );
    expect(
      spotlightSchema.safeParse({ ...full, findings: { bySeverity: { severe: 1 } } }).success,
    ).toBe(false);
  });

  it('rejects an engagement that starts in another year than the spotlight', () => {
    expect(
      problems(
        spotlightSchema.safeParse({
          ...full,
          engagement: { start: '2024-08', duration: 'five weeks' },
        }),
      ),
    ).toEqual([
      "engagement.start: the engagement starts in another year than the spotlight's year",
    ]);
  });

  it('names a source by its file name only', () => {
    expect(
      problems(spotlightSchema.safeParse({ ...full, sources: ['https://example.org/'] }))[0],
    ).toMatch(/^sources\.0: the file name of an entry in src\/content\/writing/);
  });
});

describe('a workshop with its material', () => {
  it('accepts a flow, tools and materials', () => {
    const parsed = workshopSchema.parse({
      ...devconfWorkshop,
      flow: [{ title: 'Run the lab', text: 'Start the system under test.' }],
      tools: ['Wunderspec'],
      materials: ['devconf-slides'],
    });
    expect(parsed.materials).toEqual([{ collection: 'writing', id: 'devconf-slides' }]);
    expect(workshopSchema.parse(devconfWorkshop)).toMatchObject({
      flow: [],
      tools: [],
      materials: [],
    });
  });
});

describe('dates as precise as they are known', () => {
  it('are shown as a day, a month or a year', () => {
    expect(['2025-12-09', '2025-08', '2024'].map(formatPartialDate)).toEqual([
      '9 December 2025',
      'August 2025',
      '2024',
    ]);
  });

  it('list the newest first, a bare year after its days, undated last', () => {
    const entry = (id: string, date?: string) => ({ id, data: { date } });
    const sorted = [
      entry('undated'),
      entry('year', '2025'),
      entry('day', '2025-12-09'),
      entry('new', '2026-06-19'),
    ].sort(byPartialDateDescending);
    expect(sorted.map(({ id }) => id)).toEqual(['new', 'day', 'year', 'undated']);
  });
});
