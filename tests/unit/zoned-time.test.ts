import { describe, expect, it } from 'vitest';
import { workshopSchema } from '../../src/lib/content-schemas';
import { addMinutes, instantAt, isoInZone, isTimeZone } from '../../src/lib/zoned-time';
import { devconfWorkshop } from './support/frontmatter';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const at = (iso: string, time: string, zone: string) =>
  isoInZone(instantAt(day(iso), time, zone), zone);

describe('wall-clock times at a venue', () => {
  it('carries the offset the zone has on that day', () => {
    expect(at('2026-06-19', '10:15', 'Europe/Prague')).toBe('2026-06-19T10:15:00+02:00');
    expect(at('2026-01-19', '10:15', 'Europe/Prague')).toBe('2026-01-19T10:15:00+01:00');
    expect(at('2026-06-19', '09:00', 'America/New_York')).toBe('2026-06-19T09:00:00-04:00');
    expect(at('2026-06-19', '09:00', 'Asia/Kolkata')).toBe('2026-06-19T09:00:00+05:30');
    expect(at('2026-06-19', '09:00', 'UTC')).toBe('2026-06-19T09:00:00+00:00');
  });

  it('is the right instant, and an end time follows it in the same zone', () => {
    const start = instantAt(day('2026-06-19'), '10:15', 'Europe/Prague');
    expect(new Date(start).toISOString()).toBe('2026-06-19T08:15:00.000Z');
    expect(isoInZone(addMinutes(start, 80), 'Europe/Prague')).toBe('2026-06-19T11:35:00+02:00');
  });

  it('takes the new offset on the day clocks change', () => {
    expect(at('2026-03-29', '10:00', 'Europe/Prague')).toBe('2026-03-29T10:00:00+02:00');
    expect(at('2026-10-25', '10:00', 'Europe/Prague')).toBe('2026-10-25T10:00:00+01:00');
  });

  it('knows IANA zone names and nothing else', () => {
    expect(isTimeZone('Europe/Prague')).toBe(true);
    expect(isTimeZone('Europe/Brno')).toBe(false);
    expect(isTimeZone('+02:00 summer')).toBe(false);
  });
});

describe('a workshop file', () => {
  const workshop = devconfWorkshop;

  it('with a start time names the venue time zone, so the time is exact', () => {
    expect(
      workshopSchema.safeParse({ ...workshop, startTime: '10:15', timeZone: 'Europe/Prague' })
        .success,
    ).toBe(true);
    const missing = workshopSchema.safeParse({ ...workshop, startTime: '10:15' });
    expect(missing.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['timeZone', 'a start time needs the venue\'s time zone, e.g. timeZone: "Europe/Prague"'],
    ]);
  });

  it('rejects a time zone that is not an IANA name', () => {
    const wrong = workshopSchema.safeParse({ ...workshop, startTime: '10:15', timeZone: 'CEST' });
    expect(wrong.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['timeZone']);
  });
});
