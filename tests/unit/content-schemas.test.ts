import { describe, expect, it } from 'vitest';
import {
  calendarDate,
  duplicateOrders,
  homeSectionSchema,
  isVisibleText,
  httpsUrl,
  pageSchema,
  parseCalendarDay,
  siteOrHttpsHref,
  spotlightSchema,
  workshopSchema,
} from '../../src/lib/content-schemas';
import { byOrder, byWorkshopDate, isPublished } from '../../src/lib/entries';
import { aztecSpotlight, devconfWorkshop } from './support/frontmatter';

const workshop = devconfWorkshop;
const spotlight = aztecSpotlight;

/** The messages the build prints, keyed by the field they name. */
function problems(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('workshop schema', () => {
  it('accepts a complete workshop and reads the date as a calendar day', () => {
    const parsed = workshopSchema.parse(workshop);
    expect(parsed.date?.toISOString()).toBe('2026-06-19T00:00:00.000Z');
    expect(parsed.draft).toBe(false);
    expect(parsed.agenda).toEqual([]);
  });

  it('rejects an unknown key, so a misspelt field is not silently ignored', () => {
    expect(problems(workshopSchema.safeParse({ ...workshop, cty: 'Brno' })).join()).toMatch(/cty/);
  });

  it('rejects an empty title and says which field', () => {
    expect(problems(workshopSchema.safeParse({ ...workshop, title: '  ' }))).toEqual([
      expect.stringMatching(/^title: must not be empty/),
    ]);
  });

  it('rejects a date in another form, a bare year or an impossible day, and says the form to use', () => {
    for (const date of [
      '19.06.2026',
      '06/19/2026',
      2026,
      '2026-02-30',
      '2026-6-19',
      '2026-06-19T10:00',
    ]) {
      expect(problems(workshopSchema.safeParse({ ...workshop, date }))).toEqual([
        expect.stringMatching(/^date: .*YYYY-MM-DD/),
      ]);
    }
  });

  it('accepts a link to https only', () => {
    expect(
      workshopSchema.safeParse({ ...workshop, link: 'https://devconf.info/cz/' }).success,
    ).toBe(true);
    for (const link of ['javascript:alert(1)', 'http://devconf.info/', '/training/']) {
      const expected = [expect.stringMatching(/^link: .*https:\/\//)];
      expect(problems(workshopSchema.safeParse({ ...workshop, link }))).toEqual(expected);
    }
  });

  it('rejects a country that is not a two-letter code, and a start time that is not HH:MM', () => {
    expect(
      problems(workshopSchema.safeParse({ ...workshop, country: 'Czechia', startTime: '10.15' })),
    ).toEqual([
      'country: the two-letter ISO code in capitals, e.g. "CZ"',
      'startTime: 24-hour HH:MM, e.g. "10:15"',
    ]);
  });
});

describe('spotlight schema', () => {
  it('accepts client work with its year', () => {
    expect(spotlightSchema.parse(spotlight).kind).toBe('client');
  });

  it('rejects a year in the future', () => {
    const next = new Date().getFullYear() + 1;
    expect(problems(spotlightSchema.safeParse({ ...spotlight, year: next }))[0]).toMatch(
      /^year: \d{4} at the latest/,
    );
  });

  it('requires a year for client work but not for open source', () => {
    const { year: _year, ...withoutYear } = spotlight;
    expect(problems(spotlightSchema.safeParse(withoutYear))).toEqual([
      'year: client work needs the year it was done',
    ]);
    expect(
      spotlightSchema.safeParse({ ...withoutYear, kind: 'open-source', status: 'Current' }).success,
    ).toBe(true);
  });

  it('requires the status of an open-source project', () => {
    expect(problems(spotlightSchema.safeParse({ ...spotlight, kind: 'open-source' }))).toEqual([
      'status: an open-source project needs its status, e.g. "Current" or "Past"',
    ]);
  });

  it('rejects an unknown kind with the allowed values', () => {
    expect(problems(spotlightSchema.safeParse({ ...spotlight, kind: 'partner' }))).toEqual([
      'kind: must be "client" or "open-source"',
    ]);
  });
});

describe('page and home section schemas', () => {
  it('keeps descriptions within what search results show', () => {
    const page = { title: 'Training', description: 'Too short.', heading: 'Training' };
    expect(problems(pageSchema.safeParse(page))[0]).toMatch(
      /^description: write at least 50 characters/,
    );
  });

  it('names the allowed variants of a home section', () => {
    expect(
      problems(homeSectionSchema.safeParse({ order: 1, variant: 'banner', heading: 'Hi' }))[0],
    ).toMatch(/^variant: must be one of hero, steps/);
  });
});

describe('calendar days', () => {
  it('reads YYYY-MM-DD, as text or as the date YAML makes of it, as that day at midnight UTC', () => {
    expect(parseCalendarDay('2026-06-19')?.toISOString()).toBe('2026-06-19T00:00:00.000Z');
    expect(parseCalendarDay(new Date(Date.UTC(2026, 5, 19)))?.toISOString()).toBe(
      '2026-06-19T00:00:00.000Z',
    );
    expect(parseCalendarDay('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('refuses what Date would silently turn into another day', () => {
    const notDays = [
      2026,
      '2026',
      '2026-02-30',
      '2025-02-29',
      '2026-13-01',
      '06/19/2026',
      '2026-6-19',
      ' 2026-06-19',
    ];
    for (const value of notDays) {
      expect(parseCalendarDay(value), String(value)).toBeUndefined();
    }
    expect(parseCalendarDay(new Date('2026-06-19T10:00:00Z'))).toBeUndefined();
    expect(parseCalendarDay(new Date(Number.NaN))).toBeUndefined();
    expect(calendarDate().safeParse('2026-02-30').success).toBe(false);
  });
});

describe('addresses in frontmatter', () => {
  const accepts = (
    schema: { safeParse: (value: unknown) => { success: boolean } },
    value: string,
  ) => schema.safeParse(value).success;

  it('httpsUrl takes an absolute https URL and nothing else', () => {
    expect(accepts(httpsUrl(), 'https://github.com/informalsystems/quint')).toBe(true);
    const refused = [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'http://example.com/',
      'https:example.com',
    ];
    for (const url of [...refused, 'data:text/html,x', '/contact/', '//example.com/']) {
      expect(accepts(httpsUrl(), url), url).toBe(false);
    }
  });

  it('siteOrHttpsHref also takes a path on this site, but not one that leaves it', () => {
    for (const href of ['/', '/contact/', '/training/devconf-cz-2026/', 'https://blltprf.xyz/']) {
      expect(accepts(siteOrHttpsHref(), href), href).toBe(true);
    }
    for (const href of [
      'javascript:alert(1)',
      '//evil.example/',
      '/\\evil.example/',
      'contact/',
      'http://x.y/',
      '',
    ]) {
      expect(accepts(siteOrHttpsHref(), href), href).toBe(false);
    }
  });

  it('guards every call to action of the home page and the other pages', () => {
    const section = { order: 1, variant: 'hero', heading: 'Hi' };
    const bad = { label: 'Go', href: 'javascript:alert(1)' };
    expect(
      problems(homeSectionSchema.safeParse({ ...section, cta: bad, secondaryCta: bad })),
    ).toEqual([
      expect.stringMatching(/^cta\.href: /),
      expect.stringMatching(/^secondaryCta\.href: /),
    ]);
    const page = { title: 'Training', description: 'x'.repeat(60), heading: 'Training', cta: bad };
    expect(problems(pageSchema.safeParse(page))).toEqual([expect.stringMatching(/^cta\.href: /)]);
  });
});

describe('publishing and ordering', () => {
  const entry = (id: string, data: { draft?: boolean; order?: number; date?: Date }) => ({
    id,
    data: { order: 0, ...data },
  });

  it('shows drafts in development only', () => {
    expect(isPublished(entry('a', { draft: true }), false)).toBe(false);
    expect(isPublished(entry('a', { draft: true }), true)).toBe(true);
    expect(isPublished(entry('a', {}), false)).toBe(true);
  });

  it('lists the newest workshop first and undated ones last', () => {
    const workshops = [
      entry('undated', {}),
      entry('old', { date: new Date('2024-05-01') }),
      entry('new', { date: new Date('2026-06-19') }),
    ];
    expect(workshops.sort(byWorkshopDate).map((w) => w.id)).toEqual(['new', 'old', 'undated']);
  });

  it('orders by the order field, then by file name', () => {
    const items = [entry('b', { order: 2 }), entry('c', { order: 1 }), entry('a', { order: 2 })];
    expect(items.sort(byOrder).map((i) => i.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('content a reader would find empty or repeated', () => {
  it('a figure or label of only invisible characters is empty, and says which field', () => {
    for (const invisible of ['\u200b', '\u200d\u200c', '\ufeff', ' \u2060 ', '\u2800', '\u00ad'])
      expect(isVisibleText(invisible), JSON.stringify(invisible)).toBe(false);
    expect(isVisibleText('👩🏽‍💻')).toBe(true);
    expect(
      problems(
        spotlightSchema.safeParse({
          ...spotlight,
          metrics: [{ value: '\u200b', label: '\u200b\u200b' }],
        }),
      ),
    ).toEqual([
      expect.stringMatching(/^metrics\.0\.value: must not be empty/),
      expect.stringMatching(/^metrics\.0\.label: must not be empty/),
    ]);
  });

  it('a source or material listed twice names the second mention', () => {
    expect(
      problems(spotlightSchema.safeParse({ ...spotlight, sources: ['a-report', 'b', 'a-report'] })),
    ).toEqual(['sources.2: names "a-report" a second time: list each entry once']);
    expect(
      problems(workshopSchema.safeParse({ ...workshop, materials: ['slides', 'slides'] })),
    ).toEqual(['materials.1: names "slides" a second time: list each entry once']);
  });

  it('entries sharing an order are named with their files and the number', () => {
    const entry = (id: string, order: number, filePath?: string) => ({
      id,
      filePath,
      data: { order },
    });
    expect(duplicateOrders([entry('a', 1), entry('b', 2)])).toEqual([]);
    expect(
      duplicateOrders([
        entry('why', 3, 'src/content/home/why.mdx'),
        entry('hero', 1, 'src/content/home/hero.mdx'),
        entry('method', 3, 'src/content/home/method.mdx'),
        entry('row', 1),
      ]),
    ).toEqual([
      expect.stringMatching(
        /^src\/content\/home\/why\.mdx, src\/content\/home\/method\.mdx: order: 3 /,
      ),
      expect.stringMatching(/^src\/content\/home\/hero\.mdx, "row": order: 1 /),
    ]);
  });
});
