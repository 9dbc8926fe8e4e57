import { describe, expect, it } from 'vitest';
import { spotlightSchema, workshopSchema, writingSchema } from '../../src/lib/content-schemas';
import { feedItems, feedOptions } from '../../src/lib/feed';

const workshop = (id: string, date?: string) => ({
  id,
  data: workshopSchema.parse({
    title: `Workshop ${id}`,
    event: 'Fixture Conf',
    city: 'Vienna',
    country: 'AT',
    format: 'Hands-on workshop',
    summary: 'A hands-on workshop.',
    ...(date ? { date } : {}),
  }),
});

const spotlight = {
  id: 'quint',
  data: spotlightSchema.parse({
    title: 'Modern language tooling for TLA+',
    name: 'Quint',
    kind: 'open-source',
    status: 'Past',
    summary: 'Modern language tooling for TLA+.',
    tools: ['Apalache'],
    topics: ['TLA+'],
  }),
};

const writing = (id: string, date: string) => ({
  id,
  data: writingSchema.parse({
    title: `Work ${id}`,
    date,
    kind: 'report',
    url: `https://example.org/${id}`,
    summary: `What ${id} is about.`,
  }),
});

describe('feed items', () => {
  const items = feedItems(
    [workshop('dated', '2026-06-19'), workshop('undated')],
    [spotlight],
    [writing('on-a-day', '2025-12-09'), writing('in-a-month', '2025-01')],
  );

  it('are one per workshop, spotlight and published work, linking pages absolutely and the work itself', () => {
    expect(items.map((item) => item.link)).toEqual([
      'https://blltprf.xyz/training/dated/',
      'https://blltprf.xyz/training/undated/',
      'https://blltprf.xyz/spotlights/quint/',
      'https://example.org/on-a-day',
      'https://example.org/in-a-month',
    ]);
  });

  it('carry the page title, description and categories', () => {
    expect(items[0]).toMatchObject({
      title: 'Workshop dated, Fixture Conf',
      description: 'A hands-on workshop. Fixture Conf, Vienna.',
      categories: ['Workshop', 'Fixture Conf'],
    });
    expect(items[2]).toMatchObject({
      title: 'Quint: Modern language tooling for TLA+',
      categories: ['Open source', 'Apalache', 'TLA+'],
    });
    expect(items[3]).toMatchObject({
      title: 'Work on-a-day',
      description: 'What on-a-day is about.',
      categories: ['Report'],
    });
  });

  it('have a date only where the content gives a day', () => {
    expect(items[0]?.pubDate).toEqual(new Date('2026-06-19T00:00:00Z'));
    expect(items[1]).not.toHaveProperty('pubDate');
    expect(items[2]).not.toHaveProperty('pubDate');
    expect(items[3]?.pubDate).toEqual(new Date('2025-12-09T00:00:00Z'));
    expect(items[4]).not.toHaveProperty('pubDate');
  });
});

it('the channel names the site, its language and its own address', () => {
  const options = feedOptions([]);
  expect(options).toMatchObject({
    title: 'Dr. Thomas Pani: executable specifications',
    site: 'https://blltprf.xyz',
  });
  expect(options.customData).toContain('<language>en</language>');
  expect(options.customData).toContain(
    '<atom:link href="https://blltprf.xyz/rss.xml" rel="self" type="application/rss+xml"/>',
  );
});
