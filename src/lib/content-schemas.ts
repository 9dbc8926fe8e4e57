/**
 * Schemas of everything the consultant edits. They are strict: an unknown or misspelt key, an empty
 * title, an impossible date or a year in the future fails the build, and Astro names the file and
 * the field. The messages say how to fix the value, not only what is wrong with it.
 */
import { z } from 'astro/zod';

const text = (field: string) => z.string().trim().min(1, `${field} must not be empty`);
const currentYear = new Date().getFullYear();

const cta = z.strictObject({ label: text('label'), href: text('href') });

/** Long-form prose pages: SEO title and description, the visible heading and an optional lead. */
export const pageSchema = z.strictObject({
  title: text('title').max(60, 'title: keep it under 60 characters so search results show it whole'),
  description: text('description')
    .min(50, 'description: write at least 50 characters, search engines show it under the title')
    .max(160, 'description: keep it under 160 characters so search results show it whole'),
  heading: text('heading'),
  lead: text('lead').optional(),
  cta: cta.optional(),
});

const sectionItem = z.strictObject({
  title: text('title'),
  text: text('text'),
  /** Short label shown before the title, e.g. "01". */
  marker: z.string().trim().optional(),
});

/** One section of the home page; `variant` picks the component, the file name is its anchor. */
export const homeSectionSchema = z.strictObject({
  order: z.number().int().nonnegative(),
  variant: z.enum(['hero', 'steps', 'cards', 'numbered', 'comparison', 'training', 'spotlights', 'contact'], {
    message:
      'variant must be one of hero, steps, cards, numbered, comparison, training, spotlights, contact',
  }),
  eyebrow: z.string().trim().optional(),
  heading: text('heading'),
  items: z.array(sectionItem).default([]),
  badges: z.array(text('badge')).default([]),
  cta: cta.optional(),
  secondaryCta: cta.optional(),
});

export const workshopSchema = z.strictObject({
  title: text('title'),
  event: text('event'),
  city: text('city'),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'country: the two-letter ISO code in capitals, e.g. "CZ"'),
  /** Day of the session. Omit it when the brief gives none; the page then shows no date. */
  date: z.coerce.date({ message: 'date: write it as YYYY-MM-DD, e.g. 2026-06-19' }).optional(),
  startTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'startTime: 24-hour HH:MM, e.g. "10:15"')
    .optional(),
  durationMinutes: z.number().int().positive('durationMinutes: a whole number of minutes').optional(),
  sessionTitle: text('sessionTitle').optional(),
  audience: text('audience').optional(),
  format: text('format'),
  summary: text('summary'),
  agenda: z.array(text('agenda item')).default([]),
  coPresenter: text('coPresenter').optional(),
  link: z.url({ message: 'link: an absolute URL, e.g. https://www.devconf.info/cz/' }).optional(),
  draft: z.boolean().default(false),
});

const outcome = z.strictObject({
  value: text('value'),
  label: text('label'),
});

export const spotlightSchema = z
  .strictObject({
    title: text('title'),
    client: text('client'),
    kind: z.enum(['client', 'open-source'], { message: 'kind must be "client" or "open-source"' }),
    year: z
      .number()
      .int()
      .min(2000, 'year: a four-digit year')
      .max(currentYear, `year: ${currentYear} at the latest, a spotlight reports finished work`)
      .optional(),
    status: text('status'),
    role: text('role').optional(),
    summary: text('summary').max(240, 'summary: keep it under 240 characters, it is shown on cards'),
    outcomes: z.array(outcome).default([]),
    technologies: z.array(text('technology')).default([]),
    order: z.number().int().nonnegative().default(100),
    draft: z.boolean().default(false),
  })
  .refine((entry) => entry.kind !== 'client' || entry.year !== undefined, {
    message: 'year: client work needs the year it was done',
    path: ['year'],
  });

export const comparisonSchema = z.strictObject({
  id: z.string(),
  order: z.number().int().nonnegative(),
  approach: text('approach'),
  goodAt: text('goodAt'),
  specAdds: text('specAdds'),
});

export type Workshop = z.infer<typeof workshopSchema>;
export type Spotlight = z.infer<typeof spotlightSchema>;
