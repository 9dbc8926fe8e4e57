/**
 * Schema.org structured data (JSON-LD) for search engines. Typed with schema-dts, so a misspelt
 * property or a value of the wrong type fails `astro check`. Facts come from the brief; nothing is
 * filled in that it does not give (no address, no price, no day that is not known).
 */
import type {
  ArticleLeaf,
  BlogPostingLeaf,
  BreadcrumbListLeaf,
  EducationEventLeaf,
  LearningResourceLeaf,
  PersonLeaf,
  PresentationDigitalDocumentLeaf,
  ProfessionalServiceLeaf,
  ScholarlyArticleLeaf,
  SoftwareSourceCodeLeaf,
  WebSiteLeaf,
  WithContext,
} from 'schema-dts';
import { person, site } from '../config';
import type { Spotlight, Workshop, Writing, WritingKind } from './content-schemas';
import type { Entry } from './entries';
import { isoDay } from './format';
import { spotlightMeta, workshopMeta } from './page-meta';
import { canonicalUrl, socialImagePath, type Crumb } from './seo';
import { addMinutes, instantAt, isoInZone } from './zoned-time';

const context = 'https://schema.org';

/** Node identifiers, so other pages can point at the person and the practice defined on the home page. */
const ids = {
  person: canonicalUrl('/#person'),
  website: canonicalUrl('/#website'),
  service: canonicalUrl('/#service'),
};

export interface ServiceOffer {
  name: string;
  description: string;
}

export type StructuredData =
  | WithContext<PersonLeaf>
  | WithContext<WebSiteLeaf>
  | WithContext<ProfessionalServiceLeaf>
  | WithContext<EducationEventLeaf>
  | WithContext<ArticleLeaf>
  | WithContext<BreadcrumbListLeaf>
  | WithContext<WritingLeaf>;

/** A reference to the consultant that stands on its own where the full node is on another page. */
const personReference = (): PersonLeaf => ({
  '@type': 'Person',
  '@id': ids.person,
  name: person.name,
  url: canonicalUrl('/'),
});

export function personNode(): WithContext<PersonLeaf> {
  const profiles = person.profiles.map(({ href }) => href);
  return {
    '@context': context,
    ...personReference(),
    honorificPrefix: person.honorificPrefix,
    jobTitle: person.jobTitle,
    alumniOf: { '@type': 'CollegeOrUniversity', name: person.university },
    hasCredential: {
      '@type': 'EducationalOccupationalCredential',
      credentialCategory: 'degree',
      name: person.degree,
      recognizedBy: { '@type': 'CollegeOrUniversity', name: person.university },
    },
    knowsAbout: person.knowsAbout,
    ...(profiles.length > 0 ? { sameAs: profiles } : {}),
  };
}

export function websiteNode(): WithContext<WebSiteLeaf> {
  return {
    '@context': context,
    '@type': 'WebSite',
    '@id': ids.website,
    name: site.title,
    url: canonicalUrl('/'),
    description: site.description,
    inLanguage: site.locale,
    author: personReference(),
    publisher: personReference(),
  };
}

export interface PracticeFacts {
  description: string;
  slogan: string;
  offers: ServiceOffer[];
}

/** The consulting practice and the ways to work with it; the offers carry no price, the brief gives none. */
export function professionalServiceNode({
  description,
  slogan,
  offers,
}: PracticeFacts): WithContext<ProfessionalServiceLeaf> {
  return {
    '@context': context,
    '@type': 'ProfessionalService',
    '@id': ids.service,
    name: site.title,
    url: canonicalUrl('/'),
    description,
    slogan,
    image: canonicalUrl(socialImagePath('/')),
    founder: personReference(),
    knowsAbout: person.knowsAbout,
    makesOffer: offers.map((offer) => ({
      '@type': 'Offer',
      itemOffered: {
        '@type': 'Service',
        name: offer.name,
        description: offer.description,
        provider: { '@id': ids.person },
      },
    })),
  };
}

/** ISO start and end of a session; exact instants only where the content gives the time and its zone. */
function sessionDates({ date, startTime, timeZone, durationMinutes }: Workshop & { date: Date }) {
  if (!startTime || !timeZone) return { startDate: isoDay(date) };
  const start = instantAt(date, startTime, timeZone);
  return {
    startDate: isoInZone(start, timeZone),
    ...(durationMinutes
      ? { endDate: isoInZone(addMinutes(start, durationMinutes), timeZone) }
      : {}),
  };
}

/** A workshop session as an event, or nothing for a workshop whose day the content does not give. */
export function workshopEventNode(
  workshop: Entry<Workshop>,
): WithContext<EducationEventLeaf> | undefined {
  const { data } = workshop;
  if (!data.date) return undefined;
  const { path } = workshopMeta(workshop);
  const conference = {
    '@type': 'Organization',
    name: data.event,
    ...(data.link ? { url: data.link } : {}),
  } as const;
  return {
    '@context': context,
    '@type': 'EducationEvent',
    name: data.title,
    description: data.summary,
    url: canonicalUrl(path),
    image: canonicalUrl(socialImagePath(path)),
    ...sessionDates({ ...data, date: data.date }),
    ...(data.durationMinutes ? { duration: `PT${data.durationMinutes}M` } : {}),
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location: {
      '@type': 'Place',
      name: data.city,
      address: {
        '@type': 'PostalAddress',
        addressLocality: data.city,
        addressCountry: data.country,
      },
    },
    organizer: conference,
    performer: [
      personReference(),
      ...(data.coPresenter ? [{ '@type': 'Person', name: data.coPresenter } as const] : []),
    ],
    ...(data.audience ? { audience: { '@type': 'Audience', audienceType: data.audience } } : {}),
  };
}

/**
 * A spotlight as an article. Only the year of the work is known, and schema.org dates may be a bare
 * year, so it is `dateCreated: "2025"`; no day is made up for `datePublished`.
 */
export function spotlightArticleNode(
  spotlight: Entry<Spotlight>,
  sources: Entry<Writing>[],
): WithContext<ArticleLeaf> {
  const { data } = spotlight;
  const { path, title, description } = spotlightMeta(spotlight);
  const keywords = [...data.tools, ...data.topics];
  return {
    '@context': context,
    '@type': 'Article',
    headline: title,
    description,
    url: canonicalUrl(path),
    mainEntityOfPage: canonicalUrl(path),
    image: canonicalUrl(socialImagePath(path)),
    inLanguage: site.locale,
    author: personReference(),
    publisher: personReference(),
    about:
      data.kind === 'client'
        ? { '@type': 'Organization', name: data.name }
        : { '@type': 'SoftwareApplication', name: data.name },
    ...(data.year ? { dateCreated: String(data.year) } : {}),
    ...(keywords.length > 0 ? { keywords: keywords.join(', ') } : {}),
    ...(sources.length > 0 ? { citation: sources.map(writingLeaf) } : {}),
  };
}

type WritingLeaf =
  | BlogPostingLeaf
  | ScholarlyArticleLeaf
  | PresentationDigitalDocumentLeaf
  | LearningResourceLeaf
  | SoftwareSourceCodeLeaf;

interface Work {
  name: string;
  url: string;
  description: string;
  author: PersonLeaf[];
  datePublished?: string;
}

/** The schema.org type of each kind of published work. */
const writingTypes: { [K in WritingKind]: (work: Work) => WritingLeaf } = {
  'write-up': (work) => ({ '@type': 'BlogPosting', headline: work.name, ...work }),
  report: (work) => ({ '@type': 'ScholarlyArticle', headline: work.name, ...work }),
  talk: (work) => ({ '@type': 'PresentationDigitalDocument', ...work }),
  'workshop-material': (work) => ({ '@type': 'LearningResource', ...work }),
  code: (work) => ({ '@type': 'SoftwareSourceCode', codeRepository: work.url, ...work }),
};

/** A published work, with the consultant and his co-authors as its authors; dated only as precisely as known. */
function writingLeaf({ data }: Entry<Writing>): WritingLeaf {
  return writingTypes[data.kind]({
    name: data.title,
    url: data.url,
    description: data.summary,
    author: [
      personReference(),
      ...data.coAuthors.map((name): PersonLeaf => ({ '@type': 'Person', name })),
    ],
    ...(data.date ? { datePublished: data.date } : {}),
  });
}

export const writingNode = (writing: Entry<Writing>): WithContext<WritingLeaf> => ({
  '@context': context,
  ...writingLeaf(writing),
});

export function breadcrumbListNode(trail: Crumb[]): WithContext<BreadcrumbListLeaf> {
  return {
    '@context': context,
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: canonicalUrl(crumb.path),
    })),
  };
}

/** JSON for a `<script type="application/ld+json">`: a "<" in the content cannot close the element. */
export const serializeJsonLd = (data: StructuredData): string =>
  JSON.stringify(data).replace(/</g, '\\u003c');
