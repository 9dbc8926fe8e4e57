/**
 * Schemas of everything the consultant edits. They are strict: an unknown or misspelt key, an empty
 * title, an impossible date or a year in the future fails the build, and Astro names the file and
 * the field. The messages say how to fix the value, not only what is wrong with it.
 */
import { z } from 'astro/zod';
import { isTimeZone } from './zoned-time';

/**
 * What a reader cannot see: spaces, control and format characters (a zero-width space, a joiner, a
 * byte-order mark) and the others Unicode says to draw as nothing, and the blank Braille and Hangul
 * filler signs that fonts draw empty.
 */
const INVISIBLE = /[\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800\u3164\uFFA0]/gu;

/** Whether a reader would see anything of the text. */
export const isVisibleText = (value: string): boolean => value.replace(INVISIBLE, '') !== '';

const text = () =>
  z
    .string()
    .trim()
    .refine(
      isVisibleText,
      'must not be empty (spaces and invisible characters such as a zero-width space do not count)',
    );
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
  return z
    .string()
    .startsWith('https://', message)
    .pipe(z.url({ protocol: /^https$/, message }));
};

/** A path on this site (starting with a single "/") or an absolute `https:` URL; never `javascript:` and the like. */
export const isSiteOrHttpsHref = (href: string): boolean =>
  /^\/(?![/\\])\S*$/.test(href) || httpsUrl().safeParse(href).success;

export const siteOrHttpsHref = () =>
  z.string().refine(isSiteOrHttpsHref, {
    message:
      'a path on this site starting with "/", e.g. /contact/, or a URL starting with https://',
  });

const cta = z.strictObject({ label: text(), href: siteOrHttpsHref() });

const partialDatePattern = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * A date as precisely as it is known: a year ("2024"), a month ("2025-08") or a day ("2025-12-09"),
 * so that nothing more exact than the facts is made up. YAML reads `2024` as a number and a full
 * day as a date; both come back as the text the consultant wrote.
 */
export const partialDate = () =>
  z.preprocess(
    (value) =>
      value instanceof Date
        ? value.toISOString().slice(0, 10)
        : typeof value === 'number'
          ? String(value)
          : value,
    z
      .string()
      .regex(partialDatePattern, 'a year, a month or a day: "2024", "2025-08" or "2025-12-09"')
      .refine(
        (value) => value.length < 10 || parseCalendarDay(value) !== undefined,
        'a day that exists',
      ),
  );

/** An entry of the writing collection, by its file name; Astro reports a name with no file. */
const writingReference = () =>
  z
    .string()
    .regex(/^[a-z0-9-]+$/, 'the file name of an entry in src/content/writing, without .yaml')
    .transform((id) => ({ collection: 'writing' as const, id }));

/** Writing entries, each named once: a second mention would list the same source twice. */
const writingReferences = () =>
  z
    .array(writingReference())
    .default([])
    .superRefine((references, context) => {
      const seen = new Set<string>();
      references.forEach(({ id }, index) => {
        if (seen.has(id))
          context.addIssue({
            code: 'custom',
            path: [index],
            message: `names "${id}" a second time: list each entry once`,
          });
        seen.add(id);
      });
    });

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

export const writingKinds = ['write-up', 'report', 'talk', 'workshop-material', 'code'] as const;
export type WritingKind = (typeof writingKinds)[number];

/** Published work that lives elsewhere: one YAML file per item in src/content/writing/. */
export const writingSchema = z.strictObject({
  title: text(),
  /** Omit it when the facts give no date: undated items are listed after the dated ones. */
  date: partialDate().optional(),
  kind: z.enum(writingKinds, { message: `must be one of ${writingKinds.join(', ')}` }),
  url: httpsUrl(),
  coAuthors: z.array(text()).default([]),
  summary: text().max(240, 'keep it to one sentence of at most 240 characters'),
  draft: z.boolean().default(false),
});

const sectionItem = z.strictObject({
  title: text(),
  text: text(),
  /** Short label shown before the title, e.g. "01". */
  marker: z.string().trim().optional(),
});

const homeVariants = [
  'hero',
  'steps',
  'comparison',
  'training',
  'spotlights',
  'writing',
  'about',
] as const;

/** One section of the home page; `variant` picks the component, the file name is its anchor. */
export const homeSectionSchema = z.strictObject({
  order: z.number().int().nonnegative(),
  /** Omit it for a plain section; the others add a layout or a collection to the section. */
  variant: z
    .enum(homeVariants, { message: `must be one of ${homeVariants.join(', ')}, or left out` })
    .optional(),
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
    country: z.string().regex(/^[A-Z]{2}$/, 'the two-letter ISO code in capitals, e.g. "CZ"'),
    /** Day of the session. Omit it when the brief gives none; the page then shows no date. */
    date: calendarDate().optional(),
    startTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '24-hour HH:MM, e.g. "10:15"')
      .optional(),
    /** The venue's IANA time zone: it turns the start time into an exact instant for calendars and search. */
    timeZone: z
      .string()
      .refine(isTimeZone, 'an IANA time zone name, e.g. "Europe/Prague"')
      .optional(),
    durationMinutes: z.number().int().positive('a whole number of minutes').optional(),
    sessionTitle: text().optional(),
    audience: text().optional(),
    format: text(),
    summary: text(),
    agenda: z.array(text()).default([]),
    /** What participants do, step by step, in the order of the session. */
    flow: z.array(sectionItem).default([]),
    tools: z.array(text()).default([]),
    /** The repository, slides and other material, as entries of the writing collection. */
    materials: writingReferences(),
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

const metric = z.strictObject({
  value: text(),
  label: text(),
});

export const severities = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof severities)[number];

const count = () => z.number().int().nonnegative('a whole number');

/** What the work found: counts by severity, or the statement that verification found no counterexample. */
const findings = z.union(
  [
    z.strictObject({
      bySeverity: z
        .strictObject(
          Object.fromEntries(severities.map((severity) => [severity, count().optional()])) as {
            [S in Severity]: z.ZodOptional<ReturnType<typeof count>>;
          },
        )
        .refine(
          (counts) => Object.values(counts).some((value) => value !== undefined),
          'give at least one severity',
        ),
      /** What happened to the findings, e.g. that the client addressed all of them. */
      resolution: text().optional(),
    }),
    z.strictObject({ verified: text() }),
  ],
  {
    message:
      'either bySeverity (with critical, high, medium, low or info counts) or verified: a statement',
  },
);

const engagement = z.strictObject({
  /** When the work started: a year or a month, e.g. "2025-08". */
  start: partialDate(),
  /** How long it took, in words: "five weeks". */
  duration: text(),
});

export const spotlightSchema = z
  .strictObject({
    title: text(),
    /** The client's name, or the open-source project's. */
    name: text(),
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
    engagement: engagement.optional(),
    /** Collaborators by name. */
    team: z.array(text()).default([]),
    tools: z.array(text()).default([]),
    /** Figures in display order, strongest first: cards show the first three. */
    metrics: z.array(metric).default([]),
    findings: findings.optional(),
    /** The write-ups, reports and code behind the facts, as entries of the writing collection. */
    sources: writingReferences(),
    topics: z.array(text()).default([]),
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
  })
  .refine(
    (entry) =>
      !entry.engagement || !entry.year || entry.engagement.start.startsWith(String(entry.year)),
    {
      message: "the engagement starts in another year than the spotlight's year",
      path: ['engagement', 'start'],
    },
  );

/** How many of a spotlight's figures its card shows: the first ones, which the file lists strongest first. */
export const CARD_METRICS = 3;

export const comparisonSchema = z.strictObject({
  id: z.string(),
  order: z.number().int().nonnegative(),
  approach: text(),
  goodAt: text(),
  specAdds: text(),
});

/**
 * Entries of one collection that share an `order`, which would leave their sequence to chance: one
 * sentence per clash, naming every file (or entry) and the value. Empty when every order is unique.
 */
export function duplicateOrders(
  entries: readonly { id: string; filePath?: string | undefined; data: { order: number } }[],
): string[] {
  const byOrder = Map.groupBy(entries, ({ data }) => data.order);
  return [...byOrder]
    .filter(([, sharing]) => sharing.length > 1)
    .map(
      ([order, sharing]) =>
        `${sharing.map(({ id, filePath }) => filePath ?? `"${id}"`).join(', ')}: order: ${order} is given to each of them; give each its own number, as the order they are shown in`,
    );
}

export type HomeSection = z.infer<typeof homeSectionSchema>;
export type Workshop = z.infer<typeof workshopSchema>;
export type Spotlight = z.infer<typeof spotlightSchema>;
export type Writing = z.infer<typeof writingSchema>;
export type Findings = NonNullable<Spotlight['findings']>;
