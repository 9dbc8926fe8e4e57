import { describe, expect, it } from 'vitest';
import { homeSectionSchema, pageSchema, spotlightSchema, workshopSchema } from '../../src/lib/content-schemas';
import { byOrder, byWorkshopDate, isPublished } from '../../src/lib/entries';
import { aztecSpotlight, devconfWorkshop } from './support/frontmatter';

const workshop = devconfWorkshop;
const spotlight = aztecSpotlight;

/** The messages the build prints, keyed by the field they name. */
function problems(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
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
    expect(problems(workshopSchema.safeParse({ ...workshop, title: '  ' }))).toEqual(['title: must not be empty']);
  });

  it('rejects an impossible date with the format to use', () => {
    expect(problems(workshopSchema.safeParse({ ...workshop, date: '19.06.2026' }))).toEqual([
      'date: write it as YYYY-MM-DD, e.g. 2026-06-19',
    ]);
  });

  it('rejects a country that is not a two-letter code, and a start time that is not HH:MM', () => {
    expect(problems(workshopSchema.safeParse({ ...workshop, country: 'Czechia', startTime: '10.15' }))).toEqual([
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
    expect(problems(spotlightSchema.safeParse({ ...spotlight, year: next }))[0]).toMatch(/^year: \d{4} at the latest/);
  });

  it('requires a year for client work but not for open source', () => {
    const { year: _year, ...withoutYear } = spotlight;
    expect(problems(spotlightSchema.safeParse(withoutYear))).toEqual(['year: client work needs the year it was done']);
    expect(spotlightSchema.safeParse({ ...withoutYear, kind: 'open-source', status: 'Current' }).success).toBe(true);
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
    expect(problems(pageSchema.safeParse(page))[0]).toMatch(/^description: write at least 50 characters/);
  });

  it('names the allowed variants of a home section', () => {
    expect(problems(homeSectionSchema.safeParse({ order: 1, variant: 'banner', heading: 'Hi' }))[0]).toMatch(
      /^variant: must be one of hero, steps/,
    );
  });
});

describe('publishing and ordering', () => {
  const entry = (id: string, data: { draft?: boolean; order?: number; date?: Date }) => ({ id, data: { order: 0, ...data } });

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
