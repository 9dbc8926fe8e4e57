/**
 * Schemas of everything the consultant edits. They are strict: an unknown or misspelt key, an empty
 * title, an impossible date or a year in the future fails the build, and Astro names the file and
 * the field. The messages say how to fix the value, not only what is wrong with it.
 */
import { z } from 'astro/zod';
import { isTimeZone } from './zoned-time';

const text = () => z.string().trim().min(1, 'must not be empty');
const currentYear = new Date().getFullYear();

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const dateFormat = 'write a real calendar day as YYYY-MM-DD, e.g. 2026-06-19';

/**
 * The day a `YYYY-MM-DD` value names, at midnight UTC; undefined for any other form or an impossible
 * day such as 2026-02-30, which `Date` would silently roll over into March. A YAML date (midnight UTC)
 * is read back as the day it stands for.
 */
export function parseCalendarDay(value: unknown): Date | undefined {
  const isDate = value instanceof Date && !Number.isNaN(value.getTime());
  const day = isDate ? value.toISOString().replace(/T00:00:00\.000Z$/, '') : value;
  if (typeof day !== 'string' || !ISO_DAY.test(day)) return undefined;
  const date = new Date(`${day}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day) ? date : undefined;
}

/** A calendar day written `YYYY-MM-DD`: a bare year, another order or an impossible day is an error. */
export const calendarDate = () =>
  z.union([z.string(), z.date()], { message: dateFormat }).transform((value, context) => {
    const date = parseCalendarDay(value);
    if (date === undefined) context.addIssue({ code: 'custom', message: dateFormat });
    return date ?? z.NEVER;
  });

/** An absolute `https:` URL: the only kind of address content may send a visitor to elsewhere. */
export const httpsUrl = () => {
  const message = 'an absolute URL starting with https://';
  // `https:foo` parses as a URL, but a browser resolves it against the page, so the slashes are required.
  return z.string().startsWith('https://', message).pipe(z.url({ protocol: /^https$/, message }));
};

/** A path on this site (starting with a single "/") or an absolute `https:` URL; never `javascript:` and the like. */
export const siteOrHttpsHref = () =>
  z
    .string()
    .refine((href) => /^\/(?![/\\])\S*$/.test(href) || httpsUrl().safeParse(href).success, {
      message: 'a path on this site starting with "/", e.g. /contact/, or a URL starting with https://',
    });

const cta = z.strictObject({ label: text(), href: siteOrHttpsHref() });

/** Long-form prose pages: SEO title and description, the visible heading and an optional lead. */
export const pageSchema = z.strictObject({
  title: text().max(60, 'keep it under 60 characters so search results show it whole'),
  description: text()
    .min(50, 'write at least 50 characters: search engines show it under the title')
    .max(160, 'keep it under 160 characters so search results show it whole'),
  heading: text(),
  lead: text().optional(),
  cta: cta.optional(),
});

const sectionItem = z.strictObject({
  title: text(),
  text: text(),
  /** Short label shown before the title, e.g. "01". */
  marker: z.string().trim().optional(),
});

/** One section of the home page; `variant` picks the component, the file name is its anchor. */
export const homeSectionSchema = z.strictObject({
  order: z.number().int().nonnegative(),
  variant: z.enum(['hero', 'steps', 'cards', 'numbered', 'comparison', 'training', 'spotlights', 'about', 'contact'], {
    message: 'must be one of hero, steps, cards, numbered, comparison, training, spotlights, about, contact',
  }),
  eyebrow: z.string().trim().optional(),
  heading: text(),
  items: z.array(sectionItem).default([]),
  badges: z.array(text()).default([]),
  cta: cta.optional(),
  secondaryCta: cta.optional(),
});

export const workshopSchema = z
  .strictObject({
    title: text(),
    event: text(),
    city: text(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'the two-letter ISO code in capitals, e.g. "CZ"'),
    /** Day of the session. Omit it when the brief gives none; the page then shows no date. */
    date: calendarDate().optional(),
    startTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '24-hour HH:MM, e.g. "10:15"')
      .optional(),
    /** The venue's IANA time zone: it turns the start time into an exact instant for calendars and search. */
    timeZone: z.string().refine(isTimeZone, 'an IANA time zone name, e.g. "Europe/Prague"').optional(),
    durationMinutes: z.number().int().positive('a whole number of minutes').optional(),
    sessionTitle: text().optional(),
    audience: text().optional(),
    format: text(),
    summary: text(),
    agenda: z.array(text()).default([]),
    coPresenter: text().optional(),
    link: httpsUrl().optional(),
    draft: z.boolean().default(false),
  })
  .refine((workshop) => workshop.startTime === undefined || workshop.timeZone !== undefined, {
    message: 'a start time needs the venue\'s time zone, e.g. timeZone: "Europe/Prague"',
    path: ['timeZone'],
    // Asked only of an otherwise valid file, so that a malformed field is reported alone.
    when: ({ issues }) => issues.length === 0,
  });

const outcome = z.strictObject({
  value: text(),
  label: text(),
});

export const spotlightSchema = z
  .strictObject({
    title: text(),
    client: text(),
    kind: z.enum(['client', 'open-source'], { message: 'must be "client" or "open-source"' }),
    year: z
      .number()
      .int()
      .min(2000, 'a four-digit year')
      .max(currentYear, `${currentYear} at the latest: a spotlight reports finished work`)
      .optional(),
    /** An open-source project's standing, e.g. "Current" or "Past". */
    status: text().optional(),
    role: text().optional(),
    summary: text().max(240, 'keep it under 240 characters: it is shown on cards'),
    outcomes: z.array(outcome).default([]),
    technologies: z.array(text()).default([]),
    order: z.number().int().nonnegative().default(100),
    draft: z.boolean().default(false),
  })
  .refine((entry) => entry.kind !== 'client' || entry.year !== undefined, {
    message: 'client work needs the year it was done',
    path: ['year'],
  })
  .refine((entry) => entry.kind !== 'open-source' || entry.status !== undefined, {
    message: 'an open-source project needs its status, e.g. "Current" or "Past"',
    path: ['status'],
  });

export const comparisonSchema = z.strictObject({
  id: z.string(),
  order: z.number().int().nonnegative(),
  approach: text(),
  goodAt: text(),
  specAdds: text(),
});

export type Workshop = z.infer<typeof workshopSchema>;
export type Spotlight = z.infer<typeof spotlightSchema>;
