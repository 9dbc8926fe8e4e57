import { describe, expect, it } from 'vitest';
import { spotlightSchema, workshopSchema, writingSchema } from '../../src/lib/content-schemas';
import {
  breadcrumbListNode,
  personNode,
  professionalServiceNode,
  serializeJsonLd,
  spotlightArticleNode,
  websiteNode,
  workshopEventNode,
  writingNode,
} from '../../src/lib/structured-data';
import { aztecSpotlight, devconfWorkshop } from './support/frontmatter';

const devconf = {
  id: 'devconf-cz-2026',
  data: workshopSchema.parse({
    ...devconfWorkshop,
    startTime: '10:15',
    timeZone: 'Europe/Prague',
    durationMinutes: 80,
    coPresenter: 'Igor Konnov',
  }),
};

const aztec = {
  id: 'aztec-governance',
  data: spotlightSchema.parse({
    ...aztecSpotlight,
    tools: ['Apalache'],
    topics: ['Formal specification'],
    sources: ['aztec-write-up'],
  }),
};

const writeUp = {
  id: 'aztec-write-up',
  data: writingSchema.parse({
    title: 'Formal Verification of the Aztec Governance Protocol',
    date: '2025-12-09',
    kind: 'write-up',
    url: 'https://protocols-made-fun.com/quint/2025/12/09/aztec-governance.html',
    coAuthors: ['Igor Konnov'],
    summary: 'How the governance protocol was verified.',
  }),
};

const writingOfKind = (kind: string, date?: string) => ({
  id: kind,
  data: writingSchema.parse({
    title: `A ${kind}`,
    kind,
    url: 'https://example.org/work',
    summary: 'A work.',
    ...(date ? { date } : {}),
  }),
});

describe('the consultant and the practice', () => {
  it('describe Dr. Thomas Pani with his university and fields', () => {
    expect(personNode()).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Person',
      '@id': 'https://blltprf.xyz/#person',
      name: 'Thomas Pani',
      honorificPrefix: 'Dr.',
      jobTitle: 'Independent consultant',
      alumniOf: { '@type': 'CollegeOrUniversity', name: 'TU Wien' },
    });
    expect(personNode().knowsAbout).toEqual(
      expect.arrayContaining([
        'Formal methods',
        'Model checking',
        'Executable specifications',
        'Model-based testing',
        'TLA+',
        'Quint',
        'Apalache',
      ]),
    );
    expect(personNode().sameAs).toEqual([
      'https://github.com/thpani',
      'https://bsky.app/profile/thpani.bsky.social',
    ]);
  });

  it('the site names itself and its author', () => {
    expect(websiteNode()).toMatchObject({
      '@type': 'WebSite',
      url: 'https://blltprf.xyz/',
      inLanguage: 'en',
      author: { '@id': 'https://blltprf.xyz/#person' },
    });
  });

  it('the practice offers what the home page offers, without a price', () => {
    const practice = professionalServiceNode({
      description: 'Workshops and pilots.',
      slogan: 'Find bugs before production.',
      offers: [
        { name: 'A workshop', description: 'Model a control plane.' },
        { name: 'A pilot', description: 'Model one subsystem.' },
      ],
    });
    expect(practice).toMatchObject({
      '@type': 'ProfessionalService',
      founder: { '@id': 'https://blltprf.xyz/#person' },
      slogan: 'Find bugs before production.',
    });
    expect(practice.makesOffer).toEqual([
      expect.objectContaining({
        '@type': 'Offer',
        itemOffered: expect.objectContaining({ '@type': 'Service', name: 'A workshop' }),
      }),
      expect.objectContaining({
        '@type': 'Offer',
        itemOffered: expect.objectContaining({ '@type': 'Service', name: 'A pilot' }),
      }),
    ]);
    expect(JSON.stringify(practice)).not.toMatch(/price|address/i);
  });
});

describe('a workshop as an event', () => {
  it('starts and ends at the venue time with its offset, in its city, run by the conference', () => {
    expect(workshopEventNode(devconf)).toMatchObject({
      '@type': 'EducationEvent',
      name: 'Find Distributed-Systems Bugs Before Production',
      url: 'https://blltprf.xyz/training/devconf-cz-2026/',
      image: 'https://blltprf.xyz/og/training/devconf-cz-2026.png',
      startDate: '2026-06-19T10:15:00+02:00',
      endDate: '2026-06-19T11:35:00+02:00',
      duration: 'PT80M',
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: {
        '@type': 'Place',
        address: { '@type': 'PostalAddress', addressLocality: 'Brno', addressCountry: 'CZ' },
      },
      organizer: { '@type': 'Organization', name: 'DevConf.CZ 2026' },
      performer: [{ name: 'Thomas Pani' }, { '@type': 'Person', name: 'Igor Konnov' }],
    });
  });

  it('gives only the day when the time is not known', () => {
    const event = workshopEventNode({
      ...devconf,
      data: { ...devconf.data, startTime: undefined, timeZone: undefined },
    });
    expect(event?.startDate).toBe('2026-06-19');
    expect(event).not.toHaveProperty('endDate');
  });

  it('is no event at all without a day: none is made up', () => {
    expect(
      workshopEventNode({ ...devconf, data: { ...devconf.data, date: undefined } }),
    ).toBeUndefined();
  });
});

describe('a spotlight as an article', () => {
  it('has the page title as headline, its image, and the year of the work, no invented day', () => {
    const article = spotlightArticleNode(aztec, [writeUp]);
    expect(article).toMatchObject({
      '@type': 'Article',
      headline: 'Aztec Labs: Governance Protocol',
      url: 'https://blltprf.xyz/spotlights/aztec-governance/',
      mainEntityOfPage: 'https://blltprf.xyz/spotlights/aztec-governance/',
      image: 'https://blltprf.xyz/og/spotlights/aztec-governance.png',
      author: { '@id': 'https://blltprf.xyz/#person' },
      about: { '@type': 'Organization', name: 'Aztec Labs' },
      dateCreated: '2025',
      keywords: 'Apalache, Formal specification',
    });
    expect(article).not.toHaveProperty('datePublished');
  });

  it('cites its sources as the works they are, with their co-authors', () => {
    expect(spotlightArticleNode(aztec, [writeUp]).citation).toEqual([
      {
        '@type': 'BlogPosting',
        headline: writeUp.data.title,
        name: writeUp.data.title,
        url: writeUp.data.url,
        description: writeUp.data.summary,
        author: [
          {
            '@type': 'Person',
            '@id': 'https://blltprf.xyz/#person',
            name: 'Thomas Pani',
            url: 'https://blltprf.xyz/',
          },
          { '@type': 'Person', name: 'Igor Konnov' },
        ],
        datePublished: '2025-12-09',
      },
    ]);
    expect(spotlightArticleNode(aztec, [])).not.toHaveProperty('citation');
  });

  it('is about a piece of software for open-source work', () => {
    const openSource = {
      ...aztec.data,
      kind: 'open-source' as const,
      name: 'Quint',
      year: undefined,
    };
    const article = spotlightArticleNode({ id: 'quint', data: openSource }, []);
    expect(article.about).toEqual({ '@type': 'SoftwareApplication', name: 'Quint' });
    expect(article).not.toHaveProperty('dateCreated');
  });
});

describe('published work', () => {
  it('has the schema.org type of its kind', () => {
    expect(
      (['write-up', 'report', 'talk', 'workshop-material', 'code'] as const).map(
        (kind) => writingNode(writingOfKind(kind))['@type'],
      ),
    ).toEqual([
      'BlogPosting',
      'ScholarlyArticle',
      'PresentationDigitalDocument',
      'LearningResource',
      'SoftwareSourceCode',
    ]);
    expect(writingNode(writingOfKind('code'))).toMatchObject({
      codeRepository: 'https://example.org/work',
    });
  });

  it('is dated only as precisely as the content knows', () => {
    expect(writingNode(writingOfKind('report', '2025-01')).datePublished).toBe('2025-01');
    expect(writingNode(writingOfKind('report'))).not.toHaveProperty('datePublished');
  });
});

it('numbers breadcrumbs from one with absolute URLs', () => {
  expect(
    breadcrumbListNode([
      { name: 'Home', path: '/' },
      { name: 'Training', path: '/training/' },
    ]).itemListElement,
  ).toEqual([
    { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://blltprf.xyz/' },
    { '@type': 'ListItem', position: 2, name: 'Training', item: 'https://blltprf.xyz/training/' },
  ]);
});

it('serialises so that content cannot close the script element, and parses back unchanged', () => {
  const article = spotlightArticleNode(
    {
      ...aztec,
      data: { ...aztec.data, summary: 'Breaks </script><script>alert(1)</script> out?' },
    },
    [],
  );
  const json = serializeJsonLd(article);
  expect(json).not.toMatch(/</);
  expect(JSON.parse(json)).toEqual(article);
});
